"""Verbs of coming about (``coming_about``: "broke out", "erupted", "arose") whose subject
names the happening itself: the verb is the event, with no doer (``agentless_outbreak``), and
the subject noun is no second trigger (``outbreak_subject`` of ``NOUN_VETOES``). A subject
that names a doer or a thing stays the actor (guide v2 rule 2: intransitive events keep their
subject). Invented sentences."""

from __future__ import annotations

import pytest

from extractor.lexicon import default_lexicon, names_happening
from extractor.syntax import comes_about
from extractor.triggers import noun_veto


@pytest.mark.parametrize(
    ("text", "action", "location", "date"),
    [
        ("Riots broke out in Dunmore on Friday.", "break out", "Dunmore", "on Friday"),
        ("Violence erupted in the port of Brenton after the vote.", "erupt", "port of Brenton", "after the vote"),
        ("A dispute arose over the canal in 1998.", "arise", None, "in 1998"),
        ("A fire broke out at a paper mill in Ostrava on Sunday night.", "break out", "Ostrava", "on Sunday night"),
        ("A wave of looting broke out across the capital last week.", "break out", "capital", "last week"),
        ("Protests flared up in four towns in June.", "flare up", "four towns", "in June"),
    ],
)
def test_an_outbreak_is_an_agentless_event_of_the_verb(extractor_, text, action, location, date):
    tuples = [t.to_dict() for t in extractor_.extract(text)]
    assert [(t["actor"], t["action"], t["date"]) for t in tuples] == [(None, action, date)]
    # the place, as the place rules find it (lenient: the head place word is in it)
    assert (tuples[0]["location"] is None) if location is None else (location in (tuples[0]["location"] or ""))


@pytest.mark.parametrize(
    ("text", "actor", "action"),
    [
        ("The inmates broke out of the jail in Ostrava in May.", "inmates", "break"),  # people: a doer, and no coming about
        ("The volcano erupted on Monday.", "volcano", "erupt"),  # a thing: the subject stays the actor
    ],
)
def test_a_subject_that_is_no_happening_stays_the_actor(extractor_, text, actor, action):
    tuples = [t.to_dict() for t in extractor_.extract(text)]
    assert [(t["actor"], t["action"]) for t in tuples] == [(actor, action)]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Clashes broke out in Lyon.", "Clashes", "outbreak_subject"),
        ("Heavy fighting erupted near the dam.", "fighting", "outbreak_subject"),
        ("Clashes took place in Lyon.", "Clashes", None),  # a light verb: the noun is the trigger
        ("The clashes began to spread in Lyon.", "clashes", None),  # a complement: no mere coming about
        ("The riot police broke up the clashes in Lyon.", "clashes", None),  # an object
    ],
)
def test_the_happening_subject_is_no_second_trigger(nlp, token_of, text, word, expected):
    assert noun_veto(token_of(nlp(text), word), default_lexicon()) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("A wave of shooting followed.", "wave", True),  # its "of" object
        ("Heavy fighting followed.", "fighting", True),  # a situation noun
        ("The rioters followed.", "rioters", False),  # people
        ("The volcano smoked.", "volcano", False),  # a thing
    ],
)
def test_names_happening(nlp, token_of, text, word, expected):
    assert names_happening(token_of(nlp(text), word), default_lexicon()) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Riots broke out in Lyon.", "broke", True),  # phrasal member
        ("A dispute arose in May.", "arose", True),
        ("The attack happened in May.", "happened", False),  # light: the noun is the trigger
        ("The prisoners broke the window.", "broke", False),  # an object, and no particle
        ("The talks began to stall.", "began", False),
    ],
)
def test_comes_about(nlp, token_of, text, word, expected):
    assert comes_about(token_of(nlp(text), word), default_lexicon()) is expected
