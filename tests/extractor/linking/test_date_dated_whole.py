"""Dates of games, contests and their parts (rules ``dated_whole``, ``dated_contest``; the time
taken is no date), gold decisions D3, D5, B6. A part of a dated whole takes the whole's date (D5:
a game named with a year gives the year), through the real model; sentences invented."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, word, date",
    [
        # "in" a part "of" a whole a year modifies: the year as written
        ("The pitcher was injured in the fourth game of the 1991 series in Boston.", "injured", "1991"),
        ("The pitcher was injured late in the fourth game of the 1991 World Series.", "injured", "1991"),
        # the object's own date comes first (event_dated_prep)
        ("The striker scored in a 1987 playoff game in Lisbon.", "scored", "1987"),
    ],
)
def test_a_part_of_a_dated_whole_takes_its_date(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date


@pytest.mark.parametrize(
    "text, word",
    [
        # before or after the part: no date of the whole's year (the phrase is an anchor)
        ("The pitcher was injured after the fourth game of the 1991 series in Boston.", "injured"),
        # a part of a whole that no date modifies
        ("The pitcher was injured in the fourth game of the series in Boston.", "injured"),
        # neither the part nor the whole an event: a thing of a dated thing
        ("The smugglers hid the gold in the trunk of a 1967 car in Boston.", "hid"),
    ],
)
def test_dated_whole_leaves_these_alone(slot_of, text, word):
    found, rule = slot_of(text, word, "date")
    assert rule != "dated_whole"


@pytest.mark.parametrize(
    "text, word, date",
    [
        # a contest the verb takes, with a date before it (rule dated_contest)
        ("The rider won Sunday's race in Valencia.", "won", "Sunday's"),
        ("The striker lost the 1998 final in Lisbon.", "lost", "1998"),
        ("The Rovers hosted the 2004 tournament in Leeds.", "hosted", "2004"),
    ],
)
def test_a_dated_contest_dates_the_verb(slot_of, text, word, date):
    assert slot_of(text, word, "date") == (date, "dated_contest")


@pytest.mark.parametrize(
    "text, word",
    [
        # an outcome, no contest: the celebration follows the victory
        ("The Rovers celebrated their May 3 victory in Leeds.", "celebrated"),
        # a dated event noun that is no contest
        ("The crowd cheered Monday's parade in Leeds.", "cheered"),
        # a contest with no date of its own
        ("The rider won the race in Valencia.", "won"),
    ],
)
def test_dated_contest_leaves_these_alone(slot_of, text, word):
    assert slot_of(text, word, "date")[1] != "dated_contest"


@pytest.mark.parametrize(
    "text, word",
    [
        # "in" with a bare length of time on a past verb: the time it took (D3, B6)
        ("The team won the match in 95 minutes in Oslo.", "won"),
        ("The runner completed the course in three hours in Oslo.", "completed"),
        ("The runner completed the course in two hours and ten minutes in Oslo.", "completed"),
    ],
)
def test_the_time_taken_is_no_date(slot_of, text, word):
    assert slot_of(text, word, "date")[0] is None


@pytest.mark.parametrize(
    "text, word, date",
    [
        # a future verb: the time from now, a date
        ("The rebels will leave the town in two days.", "leave", "in two days"),
        # a year is a point
        ("The rebels seized the town in 2014.", "seized", "in 2014"),
    ],
)
def test_time_taken_leaves_these_alone(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date
