"""Quantities the parse hides from the counted-theme rules: a hyphenated measure before the
noun ("a three-run lead") and a count of how many times the event happened ("five times")."""

from __future__ import annotations

import pytest


def _text(doc, span):
    return None if span is None else doc[span[0] : span[1]].text


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # number and unit joined by a hyphen before the object noun: the whole measure counts
        ("The Hawks blew a three-run lead in the last game on Friday.", "blew", "three-run lead"),
        ("The bakery cut a 500-gram loaf in Leeds last week.", "cut", "500-gram loaf"),
        # an age is no amount ("six-year-old" is a DATE entity)
        ("Rescuers pulled a six-year-old boy from a well in Hebei on Sunday.", "pulled", None),
        # a number of its own on the noun still wins
        ("The firm sold 300 two-door cars in Spain in May.", "sold", "300 two-door cars"),
    ],
)
def test_hyphenated_measure_counts(linked, text, word, expected):
    doc, args = linked(text, word)
    assert _text(doc, args.quantity) == expected
