"""normalize_actor: actor phrases -> ActorValue (name, country, sector)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize.actor import SECTORS, normalize_actor, sector_of
from extractor.types import ActorValue


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        # Capitals and seats of government stand for their state.
        ("Moscow", "Russia", "RU", "government"),
        ("Pyongyang", "North Korea", "KP", "government"),
        ("Kyiv", "Ukraine", "UA", "government"),
        ("the Kremlin", "Russia", "RU", "government"),
        ("the White House", "United States", "US", "government"),
        # Country names and abbreviations.
        ("North Korea", "North Korea", "KP", "government"),
        ("the U.S.", "United States", "US", "government"),
        ("Government of Ukraine", "Ukraine", "UA", "government"),
        ("Government of Russia (Soviet Union)", "Russia", "RU", "government"),
        # Demonym groups keep their country; the head noun gives the sector.
        ("North Korean soldiers", "North Korea", "KP", "military"),
        ("Russian officials", "Russia", "RU", "government"),
        ("Ukrainian military intelligence", "Ukraine", "UA", "intelligence"),
        ("the Ukrainian army", "Ukraine", "UA", "military"),
        ("Russia's Ministry of Defence", "Russia", "RU", "government"),
        ("police in Kyiv", "Ukraine", "UA", "police"),
        # Agencies: country from the phrase, sector from the head.
        ("South Korea's National Intelligence Service", "South Korea", "KR", "intelligence"),
        ("the South Korean spy agency", "South Korea", "KR", "intelligence"),
        # Non-state sectors keep the phrase as the name.
        ("North Korean workers", "North Korean workers", "KP", "civilians"),
        ("Donetsk rebels", "Donetsk rebels", "UA", "armed group"),
        ("terrorists", "terrorists", None, "armed group"),
        ("North Korean state media", "North Korean state media", "KP", "media"),
        # Tables of international organisations and agencies.
        ("NATO", "NATO", None, "international organisation"),
        ("the UN", "United Nations", None, "international organisation"),
        ("the IAEA", "IAEA", None, "international organisation"),
        ("CIA", "CIA", "US", "intelligence"),
        # People: name kept; a title adds country and sector.
        ("Kim Jong Un", "Kim Jong Un", None, None),  # "Un" is not the UN
        ("Mr. Trump", "Trump", None, None),
        ("Russian President Vladimir Putin", "Vladimir Putin", "RU", "government"),
        ("North Korean leader Kim Jong Un", "Kim Jong Un", "KP", "government"),
        # Bare demonyms: the country, sector unknown.
        ("the Russians", "Russia", "RU", None),
        ("the general public", "general public", None, "civilians"),
    ],
)
def test_normalize_actor(text, name, country, sector):
    assert normalize_actor(text) == ActorValue(name, country, sector)


@pytest.mark.parametrize("text", ["", "   ", "they", "It", "his", None, 7])
def test_pronouns_and_junk_give_none(text):
    assert normalize_actor(text) is None


def test_uppercase_acronyms_are_not_pronouns():
    assert normalize_actor("US").country == "US"
    assert normalize_actor("WHO").sector == "international organisation"


def test_context_resolves_ambiguous_places():
    # Donetsk (Ukraine) is also a town in Russia's Rostov oblast.
    assert normalize_actor("Donetsk separatists", context_countries=("UA",)).country == "UA"


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("Ukrainian military intelligence", "intelligence"),
        ("the 11th Army Corps", "military"),
        ("riot police", "police"),
        ("Wagner mercenaries", "armed group"),
        ("the general public", "civilians"),
        ("a bowl of soup", None),
    ],
)
def test_sector_of(phrase, sector):
    assert sector_of(phrase) == sector


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.lists(st.sampled_from(["UA", "RU", "KP", "", "zz"]), max_size=3))
def test_normalize_actor_never_raises(text, context):
    result = normalize_actor(text, context_countries=context)
    assert result is None or isinstance(result, ActorValue)
    if result is not None:
        assert result.sector is None or result.sector in SECTORS
        assert result.name


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["the", "North", "Korean", "Korea", "'s", "soldiers", "President", "Kim", "of", "Government", "UN", "Mr.", "(", ")"]), max_size=8))
def test_normalize_actor_never_raises_on_actor_like_word_salad(words):
    result = normalize_actor(" ".join(words))
    assert result is None or isinstance(result, ActorValue)


@pytest.mark.parametrize("text", ["the DPR", "LPR", "Donbas", "Transnistria"])
def test_self_declared_entity_as_actor_has_no_state(text):
    """The place resolves to its recognized state (gazetteer), but as an actor it is no
    organ of that state: no country rather than the adversary's."""
    value = normalize_actor(text)
    assert value is not None and value.country is None
