"""A place inside a phrase that puts another event before or after the trigger's ("after
the summit in Geneva") is that event's place, not the trigger's (``location._in_sequence_anchor``,
in ``deep_place`` and ``nearest_place``); an event "during" another shares its place
(invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected location text or None)
CASES = [
    ("Shares fell sharply after the summit in Geneva.", "fell", None),
    ("After the summit in Geneva, shares fell sharply.", "fell", None),
    ("The senator's commanding lead narrowed to three points after the final debate with Governor Smith in Denver.", "narrowed", None),
    # at the same time: the same place; a place of the trigger's own
    ("Shares fell sharply during the summit in Geneva.", "fell", "Geneva"),
    ("Protesters marched in Geneva after the summit.", "marched", "Geneva"),
]


@pytest.mark.parametrize("text, word, place", CASES)
def test_a_place_of_an_earlier_or_later_event_is_not_the_triggers(linked, text, word, place):
    doc, args = linked(text, word)
    got = doc[args.location[0] : args.location[1]].text if args.location else None
    assert got == place
