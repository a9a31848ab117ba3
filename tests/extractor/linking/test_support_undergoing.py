"""Event nouns governed by a support verb: a verb of undergoing ("faces extradition") makes
its subject no actor (guide v2 rule 2), and a support verb of giving ("provided assistance")
leaves the event to its noun, which takes the verb's subject and date. Invented sentences."""

from __future__ import annotations

import pytest


def _noun_tuple(extractor_, text, lemma):
    found = [t for t in extractor_.extract(text) if t.lemma == lemma]
    assert found, extractor_.extract(text)
    return found[0]


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("The banker faces extradition to Chile in May.", "extradite"),
        ("The miners suffered an attack near Goma on Friday.", "attack"),
    ],
)
def test_the_undergoer_is_never_the_actor(extractor_, text, lemma):
    t = _noun_tuple(extractor_, text, lemma)
    assert t.actor is None and t.rules.get("actor") == "agentless_noun", t


@pytest.mark.parametrize(
    ("text", "lemma", "actor"),
    [
        # a "by" phrase on the verb of undergoing names the doer
        ("The rebel chief faces extradition to Chile by Norway.", "extradite", "Norway"),
        # a support verb that is no verb of undergoing: its subject does the event
        ("Rebels carried out an attack on the airport in March.", "attack", "Rebels"),
        # learning: the one who undergoes training trains
        ("The cadets underwent training near Omsk in June.", "train", "cadets"),
    ],
)
def test_the_doer_of_a_supported_noun(extractor_, text, lemma, actor):
    t = _noun_tuple(extractor_, text, lemma)
    assert t.actor is not None and actor in t.actor.text, t


@pytest.mark.parametrize(
    ("text", "lemma", "actor", "date", "absent"),
    [
        ("Norway provided assistance to Laos in June 1997.", "assist", "Norway", "June 1997", "provide"),
        ("Chile gave support to the strikers in 2014.", "support", "Chile", "2014", "give"),
    ],
)
def test_a_support_verb_of_giving_leaves_the_event_to_its_noun(extractor_, text, lemma, actor, date, absent):
    t = _noun_tuple(extractor_, text, lemma)
    assert actor in t.actor.text and date in t.date.text, t
    assert not [x for x in extractor_.extract(text) if x.lemma == absent]


def test_a_verb_of_giving_with_a_thing_for_object_stays_the_event(extractor_):
    # "a loan" names no event after a support verb: the verb is the event
    found = {t.lemma for t in extractor_.extract("Norway provided a loan of $2 billion to Laos in 2019.")}
    assert "provide" in found, found
