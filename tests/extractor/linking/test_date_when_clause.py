"""``when_clause_head``: a relative clause introduced by "when" tells an event at the date it
modifies, as a "where" clause tells one at the place it modifies (invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected date text, expected rule)
CASES = [
    ("In 2014, when rebels seized the airport, thousands fled.", "seized", "2014", "when_clause_head"),
    ("It was the first title since 1997, when the Indians were beaten by the Marlins.", "beaten", "1997", "when_clause_head"),
    # a verb coordinated inside the clause shares it
    ("In 2014, when rebels seized the airport and looted the depot, thousands fled.", "looted", "2014", "when_clause_head"),
    # the clause's own date wins
    ("In 2014, when rebels seized the airport on May 3, thousands fled.", "seized", "on May 3", "prep_date"),
    # an adverbial "when" clause modifies a verb, not a date: nothing is lent
    ("The war started when rebels seized the airport.", "seized", None, None),
    # a relative "when" clause on a noun that is no date lends nothing
    ("He remembered the moment when rebels seized the airport.", "seized", None, None),
]


@pytest.mark.parametrize("text, word, date, rule", CASES)
def test_when_clause_head(slot_of, text, word, date, rule):
    assert slot_of(text, word, "date") == (date, rule)
