"""A date written as a page's time stamp (an abbreviated day name and a comma before it,
lexicon ``weekday_abbreviations``) is page furniture, never an event's date; a date in
running text with the day name written out still is. Invented sentences, real model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Farmers blocked the highway near Lille Wed, November 30, 2016 Photos of the protest", "blocked"),
        ("Floods swept through the valley towns Tue, March 3, 2015 Rescue teams reach villagers", "swept"),
    ],
)
def test_a_time_stamp_dates_nothing(slot_of, text, word):
    assert slot_of(text, word, "date")[0] is None


@pytest.mark.parametrize(
    ("text", "word", "date"),
    [
        ("Farmers blocked the highway near Lille on Wednesday, November 30, 2016.", "blocked", "on Wednesday, November 30, 2016"),
        ("Floods swept through the valley towns on March 3, 2015.", "swept", "on March 3, 2015"),
    ],
)
def test_a_date_in_running_text_still_dates(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date
