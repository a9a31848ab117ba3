"""A vote or contest named by its place places what is won or lost in it (rule
``contest_place``, gold decision D21, seeds decision 26), through the real model; sentences
invented."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, word, place",
    [
        ("The senator conceded after her defeat in the US election.", "defeat", "US"),
        ("The senator lost the Ohio election.", "lost", "Ohio"),
        ("The senator won the Ohio primary.", "won", "Ohio"),
    ],
)
def test_a_contest_named_by_its_place_places_the_event(slot_of, text, word, place):
    assert slot_of(text, word, "location") == (place, "contest_place")


@pytest.mark.parametrize(
    "text, word",
    [
        # a place modifying a noun that is no vote or contest
        ("The senator lost the Ohio factory.", "lost"),
        # a vote not named by a place
        ("The senator lost the election.", "lost"),
    ],
)
def test_contest_place_leaves_these_alone(slot_of, text, word):
    assert slot_of(text, word, "location")[1] != "contest_place"


def test_the_vote_itself_stays_unplaced(slot_of):
    # place_modifier: "the US election" is the polity's vote, not a happening there
    assert slot_of("Turnout in the Ohio election fell.", "election", "location")[1] is None
