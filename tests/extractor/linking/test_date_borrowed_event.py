"""Dates an event's clause borrows from the event it belongs to (invented sentences):
``event_antecedent_date`` (a relative clause or participle whose subject is an event noun
takes that noun's own date: "the March 3 raid, which killed four") and
``supplementive_clause_date`` (a subjectless participle clause after its verb that counts a
toll takes that verb's date: "exploded on Friday, wounding 13 people")."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected date text, expected rule)
CASES = [
    # the event noun's modifier or phrase dates the clause whose subject it is
    ("The March 3 raid, which killed four civilians, was condemned.", "killed", "March 3", "event_antecedent_date"),
    ("The Monday ambush that killed nine soldiers was claimed by the group.", "killed", "Monday", "event_antecedent_date"),
    ("The raid on Tuesday, which killed four guards, angered the town.", "killed", "on Tuesday", "event_antecedent_date"),
    # a clause with a subject of its own has its own time, not the noun's
    ("The March 3 raid, which police described in detail, killed four guards.", "described", None, None),
    # a noun that names no event lends no date
    ("The March 3 report, which listed four victims, was published.", "listed", None, None),
    # a supplementive clause that counts a toll takes its verb's date
    ("A bomb exploded in Lyon on Friday, wounding 13 people.", "wounding", "on Friday", "supplementive_clause_date"),
    ("Gunmen stormed the hotel on Monday, killing 20 guests and wounding 14 others.", "wounding", "on Monday", "supplementive_clause_date"),
    # the date of the event noun a passive names as its agent
    ("The depot was destroyed by an explosion on May 2, killing 30 workers.", "killing", "on May 2", "supplementive_clause_date"),
    # no toll counted: an aside, no date lent
    ("The minister spoke on Monday, drawing laughs from reporters.", "drawing", None, None),
    # a clause with its own subordinator is no supplementive clause
    ("The bomb exploded on Friday after killing 13 people.", "killing", None, None),
]


@pytest.mark.parametrize("text, word, date, rule", CASES)
def test_borrowed_event_date(slot_of, text, word, date, rule):
    assert slot_of(text, word, "date") == (date, rule)


@pytest.mark.parametrize("text, word", [
    ("Police described him as a man in his early 30s, wearing a cap.", "described"),
    ("Officers found her in her late twenties at the station.", "found"),
])
def test_a_possessed_decade_is_an_age_not_a_date(slot_of, text, word):
    assert slot_of(text, word, "date")[0] is None


def test_a_decade_without_possessive_stays_a_date(slot_of):
    """Only a decade of someone's life is an age: "in the 1990s" dates the event."""
    assert slot_of("Rebels seized the port in the 1990s.", "seized", "date")[0] == "in the 1990s"
