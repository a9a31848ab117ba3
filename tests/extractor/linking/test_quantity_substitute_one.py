"""The substitute "one", a pronoun standing for a noun ("the smaller one", "no one"), counts
nothing (``spans._is_substitute_one``); the numeral "one", which takes no determiner, stays a count
(invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected quantity text or None)
CASES = [
    ("The older bridge was closed, and the smaller one was sold in Lyon in May.", "sold", None),
    ("No one was injured in Lyon on Monday.", "injured", None),
    # the numeral, before its noun or alone, takes no determiner
    ("Police arrested one man in Leeds on Sunday.", "arrested", "one man"),
    ("One was arrested in Leeds on Sunday.", "arrested", "One"),
]


@pytest.mark.parametrize("text, word, quantity", CASES)
def test_the_substitute_one_is_no_quantity(span_text, linked, text, word, quantity):
    doc, args = linked(text, word)
    got = span_text(doc, args.quantity)
    assert got == quantity
