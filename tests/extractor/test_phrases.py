"""PhraseTable finds what spaCy's PhraseMatcher on ORTH finds, in the same order."""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from extractor.phrases import PhraseTable

NLP = spacy.blank("en")
PHRASES = {
    "GPE|KP": ["North Korea", "DPRK"],
    "GPE|KR": ["South Korea", "Korea"],
    "GPE|US-NY": ["New York"],
    "GPE|NYC": ["New York City"],
    "NORP|UA": ["Ukrainian", "Ukrainians"],
    "GPE|CI": ["Côte d'Ivoire"],
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase inside a longer one matches too ("Korea" in "North Korea")
        ("Troops from North Korea arrived .", [("GPE|KP", 2, 4), ("GPE|KR", 3, 4)]),
        # overlapping matches all come back: by start, then by length
        ("He flew to New York City today", [("GPE|US-NY", 3, 5), ("GPE|NYC", 3, 6)]),
        ("South Korea and Korea", [("GPE|KR", 0, 2), ("GPE|KR", 1, 2), ("GPE|KR", 3, 4)]),
        ("north korea", []),  # token text, case and all
        ("Ukrainians and a Ukrainian", [("NORP|UA", 0, 1), ("NORP|UA", 3, 4)]),
        ("to Côte d'Ivoire", [("GPE|CI", 1, 3)]),  # two tokens
        ("New", []),  # a phrase longer than what is left of the text
        ("", []),
    ],
)
def test_matches(text, expected):
    table = PhraseTable()
    for key, phrases in PHRASES.items():
        table.add(key, [[t.text for t in NLP.make_doc(p)] for p in phrases])
    assert table(NLP.make_doc(text)) == expected


def test_same_matches_as_phrase_matcher_and_survives_pickling():
    matcher = PhraseMatcher(NLP.vocab, attr="ORTH")
    table = PhraseTable()
    for key, phrases in PHRASES.items():
        matcher.add(key, [NLP.make_doc(p) for p in phrases])
        table.add(NLP.vocab.strings.add(key), [[t.text for t in NLP.make_doc(p)] for p in phrases])
    table = pickle.loads(pickle.dumps(table))
    text = "New York City and New York , North Korea , South Korea ; DPRK ... Ukrainians in Côte d'Ivoire"
    doc = NLP.make_doc(text)
    assert table(doc) == matcher(doc)
    assert len(table) == sum(len(p) for p in PHRASES.values())


def test_a_phrase_under_two_keys_gives_both_in_the_order_added():
    table = PhraseTable()
    table.add("GPE|GE", [["Georgia"]])
    table.add("GPE|US-GA", [["Georgia"]])
    table.add("GPE|GE", [["Georgia"]])  # added again: once
    assert table(Doc(NLP.vocab, words=["in", "Georgia"])) == [("GPE|GE", 1, 2), ("GPE|US-GA", 1, 2)]
