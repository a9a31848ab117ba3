"""``place_modifier`` leaves out a place modifying a polity's vote (the lexicon's
``polity_act_kinds``, WordNet's kinds of vote): "the US election" says whose election it is,
not where a happening is (guide section 2, location). Invented sentences."""

from __future__ import annotations

import pytest

import extractor


@pytest.fixture(scope="module")
def ex():
    return extractor.load()


@pytest.mark.parametrize(
    "text",
    [
        "Critics blamed her defeat in the Peru election on the press.",
        "Voters complained about the results of the UK election.",
    ],
)
def test_a_place_modifying_a_vote_is_no_location(ex, text):
    # the election had no other slot: no tuple (guide rule 3)
    assert [t for t in ex.extract(text) if t.action.text == "election"] == []


@pytest.mark.parametrize(
    ("text", "action", "place"),
    [
        # other event nouns keep the place that modifies them
        ("The Kursk deployment of 400 troops angered Kyiv.", "deployment", "Kursk"),
    ],
)
def test_a_place_modifying_another_event_noun_stays(ex, text, action, place):
    found = [t for t in ex.extract(text) if t.action.text == action]
    assert found and found[0].location is not None and found[0].location.text == place, found


def test_the_polity_kinds_are_read_from_the_lexicon():
    from extractor.lexicon import act_kinds, default_lexicon

    assert "vote" in default_lexicon().polity_act_kinds
    assert "vote" in act_kinds("election")[0]
