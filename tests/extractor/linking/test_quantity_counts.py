"""Quantities the parse hides from the counted-theme rules: a hyphenated measure before the
noun ("a three-run lead"), a fraction predeterminer ("half the field") and a count of how
many times the event happened ("five times")."""

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


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a predeterminer of fraction counts part of the noun's referent (gold decision D3)
        ("Lopez overtook half the field in Monza on Sunday.", "overtook", "half the field"),
        ("Rebels burned half the village near Gao in May.", "burned", "half the village"),
        # the other predeterminers count nothing: all of it, both of them
        ("Rebels burned all the houses near Gao in May.", "burned", None),
        ("Police arrested both the men in Lyon in May.", "arrested", None),
    ],
)
def test_fraction_predeterminer_counts(linked, text, word, expected):
    doc, args = linked(text, word)
    assert _text(doc, args.quantity) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # counted noun of frequency as the verb's adverbial, or the object of its "on"
        ("The ferry was searched three times in Calais last week.", "searched", "three times"),
        ("Guards turned the lorry back on four occasions at the border.", "turned", "four occasions"),
        # an adverb of counted frequency
        ("The striker scored twice in Madrid on Sunday.", "scored", "twice"),
        # a number in the object is the amount, before any frequency
        ("The army fired 40 shells twice at the town.", "fired", "40 shells"),
        # a multiplier of an amount is no count of the event; "once" is also "formerly"
        ("Prices rose five times faster in Ohio last year.", "rose", None),
        ("The mayor once visited Lyon in May.", "visited", None),
    ],
)
def test_frequency_counts(linked, text, word, expected):
    doc, args = linked(text, word)
    assert _text(doc, args.quantity) == expected
