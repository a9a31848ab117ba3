"""Clauses that describe or relate rather than report a concrete event (guide section 1):
an agentless perfect passive measured by a "for" period (``lasting_state`` of
``VERB_VETOES``), an event causing another (the lexicon's ``causing`` verbs with an event
for subject), and Levin 37.7 say verbs (``reporting``). Invented sentences."""

from __future__ import annotations

import pytest

import extractor
from extractor.lexicon import default_lexicon
from extractor.triggers import find_triggers, verb_veto


@pytest.fixture(scope="module")
def ex():
    return extractor.load()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The old mill has been closed for two decades near the river in Leeds.", "closed"),
        ("The barn had been left empty for three years before the fire in Ghent.", "left"),
        ("The canal had been abandoned for around ten years when the town in Kent bought it.", "abandoned"),
    ],
)
def test_an_agentless_perfect_passive_over_a_period_is_a_state(nlp, token_of, text, word):
    doc = nlp(text)
    assert verb_veto(token_of(doc, word), default_lexicon()) == "lasting_state"
    assert word not in {doc[t.i].text for t in find_triggers(doc)}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # an agent keeps the state: a holding
        ("The hostages had been held by rebels for a year in a camp near Gao.", "held"),
        # not the perfect: the closure itself, with its length
        ("The bridge in Lyon was closed for two days in May.", "closed"),
        # the perfect without a period
        ("The bridge in Lyon has been closed since Monday.", "closed"),
        # a "for" phrase that is no length of time
        ("Two soldiers have been arrested for looting in Gao.", "arrested"),
    ],
)
def test_passives_the_lasting_state_veto_leaves(nlp, token_of, text, word):
    doc = nlp(text)
    assert verb_veto(token_of(doc, word), default_lexicon()) is None


@pytest.mark.parametrize(
    ("text", "lemma", "kept"),
    [
        # an event causing an event: the causing is no act of its own
        ("The explosion sparked riots in Lyon on Sunday.", "spark", False),
        ("The derailment triggered a fire near Lyon on Sunday.", "trigger", False),
        ("The strike prompted clashes in Lyon on Sunday.", "prompt", False),
        # an event that does the harm itself stays, actor null (guide v2 rule 2)
        ("The blast killed six people in Lyon on Sunday.", "kill", True),
        # a doer who causes: the act stays, with its actor
        ("Police sparked clashes in Lyon on Sunday.", "spark", True),
    ],
)
def test_an_event_causing_an_event_is_no_tuple(ex, text, lemma, kept):
    actions = [t.action_lemma for t in ex.extract(text)]
    assert (lemma in actions) is kept, actions


@pytest.mark.parametrize(
    ("text", "lemma", "location", "date"),
    [
        # the caused event is the event: the noun, actor null, with the verb's place and date
        ("The explosion sparked riots in Lyon on Sunday.", "riot", "Lyon", "on Sunday"),
        ("The verdict sparked protests in Lyon on Monday.", "protest", "Lyon", "on Monday"),
        ("The ruling touched off clashes in Lyon on Sunday.", "clash", "Lyon", "on Sunday"),
        ("The win set off a wild celebration in the streets of Boston on Friday.", "celebrate", "streets of Boston", "on Friday"),
    ],
)
def test_the_event_a_cause_brings_about_is_the_tuple(ex, text, lemma, location, date):
    found = [t for t in ex.extract(text) if t.action_lemma == lemma]
    assert len(found) == 1, [t.action_lemma for t in ex.extract(text)]
    t = found[0]
    assert t.actor is None and t.modality == "asserted"
    assert t.location.text == location and t.date.text == date
    # the verb of causing gives no tuple of its own, the phrasal ones included
    assert not [x for x in ex.extract(text) if x.action_lemma in ("spark", "set off", "touch off")]


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        # a doer who causes keeps the act: the police set the fire
        ("Police sparked clashes in Lyon on Sunday.", "spark"),
        ("He sparked a protest in Lyon on Monday.", "spark"),
    ],
)
def test_a_doer_who_causes_keeps_the_verb(ex, text, lemma):
    assert lemma in [t.action_lemma for t in ex.extract(text)]


@pytest.mark.parametrize(
    "text",
    [
        '"We stand by the views that we expressed in May," the mayor said.',
        "The rebels proclaimed their loyalty in Gao on Monday.",
        "The envoy conveyed the offer to Kabul on Friday.",
    ],
)
def test_say_verbs_are_no_event(ex, text):
    actions = [t.action_lemma for t in ex.extract(text)]
    assert not {"express", "proclaim", "convey"} & set(actions), actions


def test_the_causing_class_is_read_from_the_lexicon():
    assert {"spark", "trigger", "provoke", "cause", "set off", "touch off"} <= default_lexicon().causing
