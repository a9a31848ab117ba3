"""A date that is only an ordinal ("the 10th") after "in" counts an inning, round or lap, no
day of the month, which English dates with "on" (``date._is_bare_ordinal``); with "on", or
with a noun of time after the ordinal, it stays a date (invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected date text or None)
CASES = [
    ("The striker scored the winning goal in the 10th to seal the cup.", "scored", None),
    ("The champion knocked out his rival in the 5th.", "knocked", None),
    # a day of the month, a century: dates
    ("The rebels attacked the town on the 10th.", "attacked", "on the 10th"),
    ("The treaty was signed in the 19th century.", "signed", "in the 19th century"),
]


@pytest.mark.parametrize("text, word, date", CASES)
def test_a_bare_ordinal_after_in_is_no_date(span_text, linked, text, word, date):
    doc, args = linked(text, word)
    got = span_text(doc, args.date)
    assert got == date
