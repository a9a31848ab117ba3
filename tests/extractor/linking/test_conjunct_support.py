"""The place and date an event noun shares with the verb coordinated before its support verb
("In Kabul, the envoys met for lunch and held talks": the talks are in Kabul), when the
support verb shares that verb's subject; a place or date of the first verb's own, or a
conjunct with a subject of its own, is not shared (invented sentences, parsed by the real
model)."""

from __future__ import annotations

import pytest


# (sentence, trigger word, expected location text or None, rule expected, or None for "not
# governing_clause_place")
PLACES = [
    # governing_clause_place: the place of the verb the support verb is coordinated with
    ("In Kabul, the envoys met for lunch and held talks.", "talks", "Kabul", "governing_clause_place"),
    ("The ministers arrived in Geneva and held talks.", "talks", "Geneva", "governing_clause_place"),
    ("At the embassy, the delegates gathered and gave a briefing.", "briefing", "embassy", "governing_clause_place"),
    # the support verb's own place comes first
    ("The envoys met in Kabul and held talks in Doha.", "talks", "Doha", "static_place"),
    # a conjunct with a subject of its own does not share the first verb's place
    ("The envoys met in Kabul and the ministers held talks.", "talks", None, None),
]


@pytest.mark.parametrize("text, word, place, rule", PLACES)
def test_event_noun_shares_the_place_of_the_first_conjunct(linked, span_text, text, word, place, rule):
    doc, args = linked(text, word)
    if rule is None:
        assert args.rules.get("location") != "governing_clause_place"
    else:
        assert span_text(doc, args.location) == place
        assert args.rules.get("location") == rule


# (sentence, trigger word, expected date text or None)
DATES = [
    # a date before the first verb is shared by the event noun of the second
    ("On Monday, the ministers arrived in Geneva and held talks.", "talks", "On Monday"),
    ("In March, the rebels regrouped and launched an offensive.", "offensive", "In March"),
    # a date between the two verbs is the first verb's own
    ("The ministers arrived in Geneva on Monday and held talks.", "talks", None),
    # so is every date of the first verb when the second has an adverb of sequence
    ("In March the rebels regrouped and later launched an offensive.", "offensive", None),
]


@pytest.mark.parametrize("text, word, date", DATES)
def test_event_noun_shares_the_date_before_the_first_conjunct(linked, span_text, text, word, date):
    doc, args = linked(text, word)
    assert span_text(doc, args.date) == date
