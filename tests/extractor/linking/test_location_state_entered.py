"""A bare noun after "into" that WordNet gives a sense of an act or state names a state
entered, no place ("sworn into office", ``location._is_state_entered``); with a determiner,
a modifier or a name it is a place again (invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected location text or None)
CASES = [
    ("The new governor was sworn into office in Albany on Monday.", "sworn", "Albany"),
    ("The new governor was sworn into office on Monday.", "sworn", None),
    ("The smuggler went into hiding in March.", "went", None),
    ("The suspects were taken into custody on Friday.", "taken", None),
    # a determiner or a name: a place
    ("The governor walked into the office on Monday.", "walked", "office"),
    ("Rebel fighters moved into Chad on Monday.", "moved", "Chad"),
    # a bare noun with no sense of an act or state stays a place
    ("The injured driver was taken into hospital on Monday.", "taken", "hospital"),
]


@pytest.mark.parametrize("text, word, place", CASES)
def test_a_bare_noun_of_a_state_after_into_is_no_place(linked, span_text, text, word, place):
    doc, args = linked(text, word)
    got = span_text(doc, args.location)
    assert got == place
