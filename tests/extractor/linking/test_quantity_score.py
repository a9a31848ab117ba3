"""A pair of figures joined by a dash whose first is not below its second is a score or a
ratio, no amount the event involves ("a 5-1 win": ``spans._is_score``); a range goes up
and stays a quantity ("10-15 people") (invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected quantity text or None)
CASES = [
    ("The visitors eked out a 3-2 victory in Leeds on Sunday.", "eked", None),
    ("The hosts squandered a 3-1 lead in Leeds on Sunday.", "squandered", None),
    ("The hosts broke a 6-6 tie in Leeds on Sunday.", "broke", None),
    # a range, and a plain count
    ("Police arrested 10-15 people in Leeds on Sunday.", "arrested", "10-15 people"),
    ("Police arrested 15 people in Leeds on Sunday.", "arrested", "15 people"),
]


@pytest.mark.parametrize("text, word, quantity", CASES)
def test_a_score_is_no_quantity(span_text, linked, text, word, quantity):
    doc, args = linked(text, word)
    got = span_text(doc, args.quantity)
    assert got == quantity
