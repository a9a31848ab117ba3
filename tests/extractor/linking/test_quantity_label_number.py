"""A number that names rather than counts is no quantity (``spans._is_label_number``):
a postposed numeral after the noun it identifies ("at turn one", "Room 101") and a number
joined to a proper name ("Formula One drivers"); a count before its noun stays (invented
sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected quantity text or None)
CASES = [
    ("The champion overtook his rival at turn one in Monza.", "overtook", None),
    ("The guards searched Room 101 in the old prison on Monday.", "searched", None),
    ("The stewards fined his Formula One teammates in Monza on Sunday.", "fined", None),
    # a count before its noun
    ("The stewards fined two drivers in Monza on Sunday.", "fined", "two drivers"),
]


@pytest.mark.parametrize("text, word, quantity", CASES)
def test_a_number_that_names_is_no_quantity(span_text, linked, text, word, quantity):
    doc, args = linked(text, word)
    got = span_text(doc, args.quantity)
    assert got == quantity
