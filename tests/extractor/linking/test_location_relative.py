"""Places the trigger's clause gives through the parse around it: the head of a relative
clause entered by a preposition and "which", a split complex preposition ("out of"), the
"be" that locates an event noun, the place a verb strikes as passive subject, participle or
relative head, and the place a clause of simultaneous time strikes (invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected location text or None, rule expected or None)
CASES = [
    # relative_place_head: "in / at / from which" stands for the clause's head
    ("The rebels shelled the village in which ten soldiers were killed.", "killed", "village", "relative_place_head"),
    ("This is the city from which thousands fled.", "fled", "city", "relative_place_head"),
    ("The school, in which 30 children died, was bombed.", "died", "school", "relative_place_head"),
    # not a place: the head names no place
    ("It was the war in which ten soldiers were killed.", "killed", None, None),
    # origin through "out of" on the trigger verb
    ("Police evacuated 300 people out of the town.", "evacuated", "town", "origin"),
    ("The rebels were driven out of the city.", "driven", "city", "origin"),
    # a state left, no place
    ("He was voted out of office.", "voted", None, None),
    ("The party was forced out of power.", "forced", None, None),
    # an event noun that "be" locates
    ("The explosion was at the bus station.", "explosion", "bus station", "static_place"),
    # not "be" with a predicate
    ("The attack was a failure.", "attack", None, None),
    # place_object: passive subject and relative head of a verb that takes a place
    ("Kabul was bombed by rebels.", "bombed", "Kabul", "place_object"),
    ("The embassy was stormed by protesters on Friday.", "stormed", "embassy", "place_object"),
    ("Troops withdrew from the city, which rebels then captured.", "captured", "city", "place_object"),
    ("He was visited by his lawyer.", "visited", None, None),
    # simultaneous_clause_place: the place the "when" clause's verb strikes
    ("Ten people were killed when gunmen stormed a hotel.", "killed", "hotel", "simultaneous_clause_place"),
    ("Two soldiers died while they patrolled the streets.", "died", "streets", "simultaneous_clause_place"),
]


@pytest.mark.parametrize("text, word, place, rule", CASES)
def test_place_through_the_clause_around_the_trigger(linked, span_text, text, word, place, rule):
    doc, args = linked(text, word)
    assert span_text(doc, args.location) == place
    assert args.rules.get("location") == rule


@pytest.mark.parametrize(
    "text, word, date",
    [
        ("The explosion was on Monday.", "explosion", "on Monday"),
        ("The election is on Sunday.", "election", "on Sunday"),
        ("The frescoes were in Athens on Monday.", "frescoes", None),  # a thing, no event
    ],
)
def test_be_dates_an_event_noun(linked, span_text, text, word, date):
    doc, args = linked(text, word)
    assert span_text(doc, args.date) == date
