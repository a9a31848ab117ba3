"""Dates of events from the events they happen in, through the real model: a month the
parser reads as a noun modifier ("their Nov. 2 victory"), and a dated event or gathering in
any temporal phrase of the trigger ("lost in the 2016 election", "spoke at Monday's summit")."""

from __future__ import annotations

import pytest

def date_of(linked, text: str, word: str) -> tuple[str | None, str | None]:
    doc, args = linked(text, word)
    return (doc[args.date[0] : args.date[1]].text if args.date else None), args.rules.get("date")


@pytest.mark.parametrize(
    "text, word, date, rule",
    [
        ("They celebrated their Nov. 2 World Series victory.", "victory", "Nov. 2", "modifier_date"),
        ("Hillary Clinton loses to Donald Trump in the 2016 presidential election.", "loses", "in the 2016 presidential election", "event_dated_prep"),
        ("She spoke at Monday's summit in Brussels.", "spoke", "at Monday's summit", "event_dated_prep"),
    ],
)
def test_a_dated_event_or_month_modifier_dates_the_trigger(linked, text, word, date, rule):
    assert date_of(linked, text, word) == (date, rule)


@pytest.mark.parametrize(
    "text, word",
    [
        # a dated thing that is no event dates nothing
        ("She spoke in the 2016 report about the town.", "spoke"),
    ],
)
def test_a_dated_thing_that_is_no_event_gives_no_date(linked, text, word):
    assert date_of(linked, text, word)[0] is None
