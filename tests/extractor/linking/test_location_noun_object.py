"""The "of" object of an event noun whose verb takes its place as object ("the bombing of
Gaza") is the event's place (``location.noun_place_object``; invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, event noun, expected location text or None, rule expected or None)
CASES = [
    ("The bombing of Tarvin killed nine people.", "bombing", "Tarvin", "noun_place_object"),
    ("The shelling of Sarajevo continued overnight.", "shelling", "Sarajevo", "noun_place_object"),
    ("Rebels announced the seizure of the airport in March.", "seizure", "airport", "noun_place_object"),
    # a verb that does not take its place as object: its "of" object is no place
    ("The arrest of Lyon's mayor shocked the town.", "arrest", None, None),
    # the noun's own place phrase wins
    ("The shelling of the suburbs in Kharkiv continued overnight.", "shelling", "Kharkiv", "static_place"),
]


@pytest.mark.parametrize("text, word, place, rule", CASES)
def test_the_place_object_of_an_event_noun(linked, span_text, text, word, place, rule):
    doc, args = linked(text, word)
    got = span_text(doc, args.location)
    assert got == place
    assert args.rules.get("location") == rule


def test_no_place_for_the_subject_of_a_clause_of_time(linked, span_text):
    # "since the bombing of X began" dates the main event; it gets no place of its own
    doc, args = linked("Exporters have shipped grain by sea since the bombing of Mosul began.", "bombing")
    assert args.location is None
    # the same noun outside a clause of time is placed
    doc, args = linked("The bombing of Mosul began in March.", "bombing")
    assert span_text(doc, args.location) == "Mosul"
