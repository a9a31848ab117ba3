"""A verb of motion that goes "to" or "into" a common noun WordNet never attests as a
place, building or object (an occurrence, a time, a state) names no destination
(``location._names_no_place``); a place noun, a plural WordNet lists as a place and a
gathering stay destinations (invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected location text or None)
CASES = [
    ("The match went to extra innings on Friday.", "went", None),
    ("The late goal brought an end to the longest scoring drought on Friday.", "brought", None),
    ("The senator was the clear favourite going into Sunday's race.", "going", None),
    ("The ceremony descended into farce on Friday.", "descended", None),
    # places, buildings and objects stay destinations
    ("The band returned to the stage after midnight.", "returned", "stage"),
    ("Voters went to the polls on Monday.", "went", "polls"),
    ("The drivers were told to return to the pits on Sunday.", "return", "pits"),
    ("The mayor drove to the stadium on Friday.", "drove", "stadium"),
]


@pytest.mark.parametrize("text, word, place", CASES)
def test_a_motion_into_no_place_has_no_destination(span_text, linked, text, word, place):
    doc, args = linked(text, word)
    got = span_text(doc, args.location)
    assert got == place
