"""Span extents as written (guide section 2): a coordinated actor whole, a date with its
"of" complement, its range end, its "before"/"after" complement and its measure, and a date
modifying an event noun as the date alone. Invented sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, word, actor",
    [
        ("Kenya and Uganda signed a trade pact in Nairobi.", "signed", "Kenya and Uganda"),
        ("The army or the police raided the camp.", "raided", "army or the police"),
        ("Senator Maria Lopez and Governor Tom Reyes met in Denver.", "met", "Senator Maria Lopez and Governor Tom Reyes"),
        # the parties of a "between" phrase
        ("The ceasefire was part of a deal reached between Chile and Peru in May.", "reached", "Chile and Peru"),
    ],
)
def test_a_coordinated_actor_is_whole(slot_of, text, word, actor):
    assert slot_of(text, word, "actor")[0] == actor


@pytest.mark.parametrize(
    "text, word, actor",
    [
        # a conjunct that cannot act stays out
        ("The army and its tanks crossed the river.", "crossed", "army"),
    ],
)
def test_a_conjunct_that_cannot_act_stays_out(slot_of, text, word, actor):
    assert slot_of(text, word, "actor")[0] == actor


@pytest.mark.parametrize(
    "text, word, date",
    [
        # an "of" complement naming a date
        ("Rebels attacked the base in the early hours of Friday.", "attacked", "in the early hours of Friday"),
        ("Gunmen attacked the hotel on the morning of 3 May 2018.", "attacked", "on the morning of 3 May 2018"),
        # the end of a range of years
        ("She ran the agency from 1998 to 2004.", "ran", "from 1998 to 2004"),
        # the measure before "before"
        ("The rebels withdrew three weeks before Christmas Day.", "withdrew", "three weeks before Christmas Day"),
        # a time noun's "before"/"after" complement
        ("Police arrested the mayor in the days before the vote.", "arrested", "in the days before the vote"),
        ("The evening after the vote, the rebels attacked the town.", "attacked", "evening after the vote"),
        ("The morning after losing the final to Spain, the coach resigned.", "resigned", "morning after losing the final to Spain"),
        # a comparative of "early"/"late" right before the date phrase
        ("The council approved the plan later in the week.", "approved", "later in the week"),
        # a date modifying an event noun, as written
        ("The general seized power in a 1987 coup.", "seized", "1987"),
        ("The minister resigned after Friday's vote.", "resigned", "after Friday's vote"),
    ],
)
def test_a_date_is_as_written(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date


@pytest.mark.parametrize(
    "text, word, date",
    [
        # a number after a year that is no later year is no range end
        ("Sales rose from 2009 to 500 units.", "rose", "from 2009"),
        # an "of" complement that names no date
        ("Rebels attacked the base in the early hours of the siege.", "attacked", "in the early hours"),
    ],
)
def test_what_names_no_date_stays_out(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date


@pytest.mark.parametrize(
    "text, word, date",
    [
        # a calendar date is no time noun: its "after" phrase is a second time, left out
        ("The rebels attacked the town in March after the talks.", "attacked", "in March"),
    ],
)
def test_a_calendar_date_takes_no_anchor(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date
