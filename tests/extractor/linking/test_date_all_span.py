"""A time unit after the predeterminer "all" ("all year", "all day") is a whole span, no
point in time (``duration_words``, ``date._is_bare_duration``); "last year", "this week" stay
dates (invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected date text or None)
CASES = [
    ("The rowers trained hard all year on the lake.", "trained", None),
    ("The volunteers searched the forest all day.", "searched", None),
    # a point or period in time
    ("The rowers trained hard last year on the lake.", "trained", "last year"),
    ("The volunteers searched the forest on Monday.", "searched", "on Monday"),
]


@pytest.mark.parametrize("text, word, date", CASES)
def test_all_and_a_time_unit_is_no_date(span_text, linked, text, word, date):
    doc, args = linked(text, word)
    got = span_text(doc, args.date)
    assert got == date
