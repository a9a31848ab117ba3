"""An existential "there be" that counts occurrences is a "be" event
(``triggers.is_counted_existential``: "there have been 212 cases of measles"), not one
that counts things or an event noun that is its own trigger. A locative copula whose subject counts people is a presence ("be") event in a common
place too (``triggers._counts_people``, ``_is_common_place``): "11 were still in hospital",
"hundreds of prisoners are in jail" (guide section 1, people placed). Things counted, or a
subject with no count, in a common place are no event. Invented sentences."""

from __future__ import annotations

import pytest

from extractor.triggers import find_triggers


def _copulas(doc):
    return {doc[t.i].text for t in find_triggers(doc) if t.kind == "copula"}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Fourteen were still in hospital on Sunday.", "were"),
        ("Twenty miners are in hospital after the collapse.", "are"),
        ("Hundreds of activists are in prison, according to lawyers.", "are"),
    ],
)
def test_counted_people_in_a_common_place_are_a_presence(nlp, text, word):
    assert word in _copulas(nlp(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Two boxes are in the warehouse.", "are"),  # things, not people
        ("The painting is in the museum.", "is"),  # no count
        ("Hundreds of documents are in the archive.", "are"),
    ],
)
def test_things_or_uncounted_subjects_in_a_common_place_are_no_event(nlp, text, word):
    assert word not in _copulas(nlp(text))


@pytest.mark.parametrize(
    ("text", "word", "is_event"),
    [
        ("So far this year there have been 212 cases of measles in the province.", "been", True),
        ("Last year there were 40 cases of cholera at the camp.", "were", True),
        ("There are 5 candidates in the race this year.", "are", False),  # people counted, no place named
        ("There were two attacks in the city on Monday.", "were", False),  # the event noun is the trigger
    ],
)
def test_an_existential_counting_occurrences_is_an_event(nlp, text, word, is_event):
    assert (word in _copulas(nlp(text))) is is_event
