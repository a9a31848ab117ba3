"""normalize_place: location phrases -> PlaceValue."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize.place import normalize_place
from extractor.types import PlaceValue


@pytest.mark.parametrize(
    ("text", "context", "country", "feature"),
    [
        ("Kyiv", (), "UA", "city"),
        ("Kursk", (), "RU", "city"),
        ("Donetsk", ("UA",), "UA", "city"),
        ("Pyongyang", (), "KP", "city"),
        ("Russian soil", (), "RU", "country"),
        ("the Kursk region", (), "RU", "admin1"),
        ("near the Russian border town of Sudzha, Kursk", (), "RU", "city"),
        ("“Ukraine”", (), "UA", "country"),
    ],
)
def test_normalize_place(text, context, country, feature):
    place = normalize_place(text, context_countries=context)
    assert isinstance(place, PlaceValue)
    assert (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize("text", ["", "  ", "the", "Most", "yesterday", None, 42])
def test_normalize_place_none(text):
    assert normalize_place(text) is None


def test_context_given_as_a_generator_or_junk():
    assert normalize_place("Donetsk", context_countries=(c for c in ["UA"])).country == "UA"
    assert normalize_place("Kyiv", context_countries=[None, 3, "ua"]).country == "UA"


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=60),
    st.lists(st.sampled_from(["UA", "RU", "KP", "US", "", "xx"]), max_size=3),
)
def test_normalize_place_never_raises(text, context):
    result = normalize_place(text, context_countries=context)
    assert result is None or isinstance(result, PlaceValue)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["the", "Kursk", "region", "'s", "Russia", ",", "of", "city", "eastern", "and", "Russian"]), max_size=8))
def test_normalize_place_never_raises_on_place_like_word_salad(words):
    result = normalize_place(" ".join(words))
    assert result is None or isinstance(result, PlaceValue)
