"""The measure phrase of a calibratable change of state (Levin 45.6) is its quantity, and is
no part of an anchored date (gold dev b decision 10: market moves with a figure are changes of
state). Invented sentences."""

from __future__ import annotations

import pytest

# (sentence, trigger word, quantity text or None, date text or None)
CASES = [
    ("The Brenton index fell 3 percent on Friday.", "fell", "3 percent", "on Friday"),
    ("Copper prices rose more than 2 percent after the strike.", "rose", "more than 2 percent", "after the strike"),
    ("Wheat exports climbed 12% in May.", "climbed", "12%", "in May"),
    # a length of time dates, it measures no change
    ("The troops arrived two days after the attack.", "arrived", None, "two days after the attack"),
    # not a change of state: "measuring 40ft" describes
    ("The pipe, measuring 40ft, burst in Leeds on Monday.", "burst", None, "on Monday"),
]


@pytest.mark.parametrize("text,word,quantity,date", CASES)
def test_extent_of_change(linked, span_text, text, word, quantity, date):
    doc, args = linked(text, word)
    assert span_text(doc, args.quantity) == quantity
    assert span_text(doc, args.date) == date
    if quantity is not None:
        assert args.rules.get("quantity") == "measured_extent"
