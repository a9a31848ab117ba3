"""Triggers at given character spans (``triggers.given_triggers``): an annotated trigger in
text the preparation blanked (page furniture turns into white space) names no word, and gives
no trigger instead of an event with no action (invented sentences)."""

from __future__ import annotations

import pytest

from extractor.triggers import given_triggers

TEXT = "Rebels attacked the town.                \n   Troops fled north."


@pytest.mark.parametrize(
    "span, expected",
    [
        ((7, 15), ["attacked"]),  # a word
        ((25, 40), []),  # white space only: blanked furniture
        ((25, 50), ["Troops"]),  # white space, then words: the first word
        ((44, 50), ["Troops"]),
    ],
)
def test_given_spans(nlp, span, expected):
    doc = nlp(TEXT)
    assert [doc[t.i].text for t in given_triggers(doc, [span])] == expected


def test_a_record_whose_gold_trigger_lies_in_blanked_furniture_loses_nothing(tmp_path):
    import extractor

    text = "Share this article\nRebels attacked the town of Kidal on Monday."
    record = {"id": "r1", "text": text, "tuples": [{"action": {"text": "Share", "start": 0, "end": 5}}, {"action": {"text": "attacked", "start": 26, "end": 34}}]}
    (result,) = list(extractor.load().pipe([record]))
    assert result.error is None
    assert [t.action.text for t in result.tuples] == ["attacked"]
