"""normalize_place: location phrases -> PlaceValue."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize.place import normalize_place, place_regions
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
        ("Krasnohorivka", ("UA",), "UA", "city"),  # 14,666 people: the small-place table
        ("Florida", (), "US", "admin1"),
        ("Hranitne, Donetsk Obl", ("UA",), "UA", "admin1"),  # unknown village: its region
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


@pytest.mark.parametrize(
    ("text", "countries", "regions", "expected"),
    [
        # (name, admin1) of the place, or None
        ("Stepanovka", ("UA",), (), None),  # namesakes all over Ukraine
        ("Stepanovka", ("UA",), ("Odesa Oblast",), ("Stepanivka", "Odesa Oblast")),
        ("Stepanovka", ("UA",), ("UA-51",), ("Stepanivka", "Odesa Oblast")),
        ("the village of Smile in Luhansk region", ("UA",), (), ("Smile", "Luhansk Oblast")),
        ("Smile", ("UA",), ("Luhansk Oblast",), None),  # a common word, no settlement word
        ("Spartak", ("UA",), ("Kherson Oblast",), None),  # Spartak lies in Donetsk Oblast
        ("Spartak", ("UA",), ("Kherson Oblast", "Donetsk Oblast"), ("Spartak", "Donetsk Oblast")),
        ("Kharkiv", ("UA",), ("Kherson Oblast",), ("Kharkiv", "Kharkiv Oblast")),  # main table
        ("Stepanovka", ("UA",), ["nonsense", None, 3, ""], None),
    ],
)
def test_normalize_place_with_context_regions(text, countries, regions, expected):
    place = normalize_place(text, context_countries=countries, context_regions=regions)
    assert (None if place is None else (place.name, place.admin1)) == expected


def test_place_regions():
    places = [
        normalize_place("Kharkiv"),
        normalize_place("the Donetsk region"),
        normalize_place("Kharkiv Oblast"),
        normalize_place("Ukraine"),
        None,
        "Kyiv",
    ]
    assert place_regions(places) == ("UA-63", "UA-14")
    assert place_regions(42) == ()
    village = normalize_place("Stepanovka", context_countries=("UA",), context_regions=place_regions(places[:1]))
    assert village is None  # no Stepanivka of 500+ people in Kharkiv Oblast


@settings(max_examples=100, deadline=None)
@given(
    st.text(max_size=40),
    st.lists(st.sampled_from(["UA", "RU", "", "xx"]), max_size=2),
    st.lists(st.one_of(st.text(max_size=20), st.sampled_from(["UA-14", "Kharkiv Oblast", "UA-", "-"])), max_size=3),
)
def test_normalize_place_never_raises_with_regions(text, context, regions):
    result = normalize_place(text, context_countries=context, context_regions=regions)
    assert result is None or isinstance(result, PlaceValue)
