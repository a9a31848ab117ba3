"""``COPULA_VETOES`` of ``find_triggers``: a locative copula whose subject is a named place
put in a named place tells where that place lies, and places no forces or people (guide
section 1). Invented sentences."""

from __future__ import annotations

import pytest

from extractor.lexicon import default_lexicon
from extractor.triggers import COPULA_VETOES, copula_veto, find_triggers


def _copulas(doc):
    return {doc[t.i].text for t in find_triggers(doc) if t.kind == "copula"}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Springfield is in Ohio, a swing state.", "is"),
        ("Toledo is in Ohio and Detroit is in Michigan.", "is"),
    ],
)
def test_a_place_in_a_place_is_no_event(nlp, token_of, text, word):
    doc = nlp(text)
    assert copula_veto(token_of(doc, word), default_lexicon()) == "place_in_place"
    assert word not in _copulas(doc)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # people and forces put in a place: presence events
        ("About 3,000 soldiers are in Ohio.", "are"),
        ("The governor was in Ohio on Monday.", "was"),
    ],
)
def test_people_in_a_place_stay_copula_events(nlp, token_of, text, word):
    doc = nlp(text)
    assert copula_veto(token_of(doc, word), default_lexicon()) is None
    assert word in _copulas(doc)


def test_copula_veto_names_are_distinct():
    names = [name for name, _ in COPULA_VETOES]
    assert len(names) == len(set(names)) == 1
