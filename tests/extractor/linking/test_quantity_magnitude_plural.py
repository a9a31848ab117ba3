"""A bare plural number noun that the recognizer may leave unlabelled ("scores") counts
before a partitive "of" of an indefinite whole or "more" / "others"
(``spans._is_bare_magnitude``, the lexicon's ``magnitude_plurals``); the marks of
something ("test scores", "scores of the exam") count nothing (invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected quantity text or None)
CASES = [
    ("The army moved scores of civilians to camps in May.", "moved", "scores of civilians"),
    ("Gunmen killed 30 people in Lagos and injured scores more.", "injured", "scores"),
    ("Students posted scores of the exam in Leeds on Monday.", "posted", None),
    ("The team released its scores in Leeds on Monday.", "released", None),
    ("The firm shipped test scores to Leeds on Monday.", "shipped", None),
]


@pytest.mark.parametrize("text, word, quantity", CASES)
def test_a_bare_magnitude_counts(span_text, linked, text, word, quantity):
    doc, args = linked(text, word)
    assert span_text(doc, args.quantity) == quantity
