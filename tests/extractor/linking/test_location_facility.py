"""A named facility: a common noun of a building, grounds or site that a proper name of a
place or institution compounds ("in the White House residence") is the event's place
(``location._is_named_facility``; invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected location text or None)
CASES = [
    # a building, grounds or site named by an institution (ORG) or a facility (FAC)
    ("The two envoys met privately in the Kremlin residence on Tuesday.", "met", "Kremlin residence"),
    ("Workers are building a stage on the Parliament grounds.", "building", "Parliament grounds"),
    ("Two guards were stabbed at the Heathrow terminal.", "stabbed", "Heathrow terminal"),
    # a vehicle or a thing with no sense of a place is no facility
    ("The ministers flew in an RAF transport plane.", "flew", None),
    ("The ministers ate in the Pentagon cafeteria.", "ate", None),
    # not a building: an act or a communication the institution holds
    ("The senator campaigned hard in the Senate race.", "campaigned", None),
    ("The candidates clashed in the Fox News debate.", "clashed", None),
]


@pytest.mark.parametrize("text, word, place", CASES)
def test_named_facility_is_the_place(linked, span_text, text, word, place):
    doc, args = linked(text, word)
    got = span_text(doc, args.location)
    assert got == place
    if place is not None:
        assert args.rules.get("location") == "static_place"
