"""Toponym resolution in context (issue 14): beside the name, the document, the name."""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from extractor.gazetteer import _split_type_word, get_gazetteer, name_key
from extractor.normalize.place import (
    PlaceContext,
    document_place_context,
    normalize_place,
    place_apposition,
    resolve_in_text,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "village_region_sentences.tsv"
SUBDIVISIONS = Path(__file__).resolve().parents[3] / "extractor" / "data" / "subdivisions.json"


def _rows() -> list[tuple[str, str, str, str]]:
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sentence, place, country, region = line.split("\t")
            out.append((sentence, place, country, region))
    return out


ROWS = _rows()
# Measured on the 30 invented sentences (issue 14): 30/30 right country and first-level
# region, 25/30 the place itself (the other 5 fall back to the region written beside the
# name, because GeoNames spells the village otherwise or lacks it). Floors a little below.
RIGHT_FLOOR = 0.93
PLACE_FLOOR = 0.7


def _squash(name: str) -> str:
    return name_key(_split_type_word(name)[0]).replace(" ", "")


def _same_region_name(expected: str, names: list[str]) -> bool:
    """Expected region name against a subdivision's ISO and English names: type words
    dropped, accents folded; one containing the other on word boundaries (the guide's
    lenient match: "Michoacan" in "Michoacan de Ocampo"); spaces and hyphens ignored
    ("Deir ez-Zor", Deir Ezzor); transliteration variants (character match >= 0.85, same
    first letter) accepted ("Galgaduud" for Galguduud)."""
    want = _squash(expected)
    want_words = f" {name_key(_split_type_word(expected)[0])} "
    for name in names:
        got = _squash(name)
        got_words = f" {name_key(_split_type_word(name)[0])} "
        if got == want or want_words in got_words or got_words in want_words:
            return True
        if got[:1] == want[:1] and SequenceMatcher(None, got, want).ratio() >= 0.85:
            return True
    return False


@pytest.fixture(scope="module")
def subdivision_names() -> dict[str, list[str]]:
    rows = json.loads(SUBDIVISIONS.read_text(encoding="utf-8"))
    return {row[0]: [row[4], *row[5]] for row in rows}


@pytest.fixture(scope="module")
def resolved(extractor_):
    """Each sentence parsed, its document context taken, the place as written resolved."""
    out = {}
    for sentence, place, _, _ in ROWS:
        doc = extractor_.nlp(extractor_.make_doc(sentence))
        context = document_place_context(doc)
        start = doc.text.index(place)
        out[sentence] = resolve_in_text(doc.text, start, start + len(place), context)
    return out


def _right(place, country, region, names) -> bool:
    if place is None or place.country != country:
        return False
    code = get_gazetteer().region_code(place)
    return code is not None and _same_region_name(region, names.get(code, []))


@pytest.mark.parametrize(("sentence", "place", "country", "region"), ROWS, ids=[r[1] for r in ROWS])
def test_village_region_never_a_wrong_country(resolved, sentence, place, country, region):
    """A place is resolved in the country its region names, or left without a country."""
    found = resolved[sentence]
    assert found is None or found.country == country, (place, found)


def test_village_region_sentences_floor(resolved, subdivision_names):
    right = sum(_right(resolved[s], c, r, subdivision_names) for s, _, c, r in ROWS)
    assert right / len(ROWS) >= RIGHT_FLOOR, f"{right}/{len(ROWS)} right country and region"


def test_village_region_sentences_place_floor(resolved, subdivision_names):
    found = sum(
        _right(resolved[s], c, r, subdivision_names) and resolved[s].feature == "city" for s, _, c, r in ROWS
    )
    assert found / len(ROWS) >= PLACE_FLOOR, f"{found}/{len(ROWS)} resolved to the place itself"


@pytest.mark.parametrize(
    ("text", "country", "region_code"),
    [
        # A village sharing its name with a subdivision abroad (Uri, a Swiss canton)
        ("Uri, Jammu and Kashmir", "IN", "IN-JK"),
        ("Uri (Jammu and Kashmir)", "IN", "IN-JK"),
        # The village is not in the tables: the region beside it, never a namesake abroad
        ("Graivoron (Belgorod region)", "RU", "RU-BEL"),
        ("Hranitne, Donetsk Obl", "UA", "UA-14"),
        # Another name in the parenthesis, the region after it
        ("Velyka Novosilka (Velikaya Novosyolka) in Donetsk region", "UA", "UA-14"),
        # A district named after its town, in a region spelled the Russian way
        ("the Orekhovo district of the Zaporozhye region", "UA", "UA-23"),
        # "X region" where only the city carries the spelling X: the oblast it heads
        ("Zaporozhye region", "UA", "UA-23"),
        ("Lugansk region", "UA", "UA-09"),
        # A subdivision spelled a little differently, with its type word
        ("Galgaduud region", "SO", "SO-GA"),
        # Named regions and self-declared entities resolve to their state
        ("DPR", "UA", "UA-14"),
        ("the LPR", "UA", "UA-09"),
        ("DPR’s territory", "UA", "UA-14"),
        ("Donbas", "UA", None),
        ("the Donbass", "UA", None),
        ("Transnistria", "MD", None),
        ("Darfur", "SD", None),
        ("Tigray", "ET", "ET-TI"),
        # A town named like a common word is taken when written with its region
        ("Paris, Texas", "US", "US-TX"),
    ],
)
def test_resolve_with_what_is_written_beside(text, country, region_code):
    place = normalize_place(text)
    assert place is not None and place.country == country, place
    if region_code is not None:
        assert get_gazetteer().region_code(place) == region_code


@pytest.mark.parametrize(
    ("text", "countries", "regions", "country"),
    [
        # The document is about India: the Indian town, not the Swiss canton
        ("Uri", ("IN",), ("IN-JK",), "IN"),
        # No context: the canton
        ("Uri", (), (), "CH"),
        # A capital abroad outweighs the document's countries
        ("Paris", ("UA",), ("UA-14",), "FR"),
        # An abbreviation names a region only in a document about its country
        ("DPR", ("UA", "RU"), (), "UA"),
        ("DPR", ("ID",), (), None),
        ("Donbas", ("ID",), (), "UA"),
    ],
)
def test_document_prior(text, countries, regions, country):
    place = normalize_place(text, context_countries=countries, context_regions=regions)
    assert (place.country if place else None) == country


@pytest.mark.parametrize(
    ("text", "home", "country"),
    [
        ("the east", "UA", "UA"),
        ("rebel east", "UA", "UA"),
        ("separatist east", "UA", "UA"),
        ("In the South", "UA", "UA"),
        ("the east", None, None),  # no single country in the document: nothing
        ("eastern base", "UA", None),  # not a compass point alone
        ("East Timor", "UA", "TL"),  # a name, not a compass point
    ],
)
def test_compass_point_is_the_home_country(text, home, country):
    place = normalize_place(text, home=home)
    assert (place.country if place else None) == country


@pytest.mark.parametrize(
    ("text", "name", "apposition"),
    [
        ("A drone fell in Tetkino, Kursk region, on Sunday.", "Tetkino", ", Kursk region"),
        ("Shelling hit Graivoron (Belgorod region) at noon.", "Graivoron", " (Belgorod region)"),
        ("Explosions near Klimovo in the Bryansk region.", "Klimovo", " in the Bryansk region"),
        (
            "Velyka Novosilka (Velikaya Novosyolka) in Donetsk region was hit.",
            "Velyka Novosilka",
            " (Velikaya Novosyolka) in Donetsk region",
        ),
        ("Militants attacked Uri, Jammu and Kashmir, killing 17.", "Uri", ", Jammu and Kashmir"),
        # A list of places, not an address
        ("Strikes hit Kharkiv, Kherson Oblast and Odesa.", "Kharkiv", None),
        ("Strikes hit Kharkiv, Kyiv and Odesa.", "Kharkiv", None),
        # A city after the comma is not a region
        ("Talks in Minsk, Moscow said.", "Minsk", None),
        ("Fighting in Kharkiv on Monday.", "Kharkiv", None),
    ],
)
def test_place_apposition(text, name, apposition):
    end = text.index(name) + len(name)
    assert place_apposition(text, end) == apposition


def test_document_context_takes_the_prior_from_safe_names(extractor_):
    text = "Militants attacked an army camp in Uri. Two soldiers died in a hospital in Srinagar, Jammu and Kashmir."
    doc = extractor_.nlp(extractor_.make_doc(text))
    context = document_place_context(doc)
    assert context.countries == ("IN",)
    start = doc.text.index("Uri")
    place = resolve_in_text(doc.text, start, start + 3, context)
    assert place is not None and place.country == "IN"


def test_place_context_home():
    assert PlaceContext(countries=("UA",)).home == "UA"
    assert PlaceContext(countries=("UA", "RU")).home is None
    assert PlaceContext().home is None
