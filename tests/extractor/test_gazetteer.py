"""Gazetteer lookups, demonyms, NER patterns and the place ruler."""

from __future__ import annotations

import pytest

from extractor.gazetteer import (
    add_place_ruler,
    country_of_demonym,
    get_gazetteer,
    is_common_word,
    name_key,
    resolve_place,
    ruler_patterns,
)


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


@pytest.fixture(scope="module")
def patterns():
    return {p["pattern"]: p for p in ruler_patterns()}


@pytest.fixture(scope="module")
def blank_with_ruler():
    import spacy

    nlp = spacy.blank("en")
    ruler = add_place_ruler(nlp)
    return nlp, ruler


@pytest.mark.parametrize(
    ("text", "context", "country", "feature", "name"),
    [
        ("Kyiv", (), "UA", "city", "Kyiv"),
        ("Kiev", (), "UA", "city", "Kyiv"),  # alternate spelling
        ("Lvov", (), "UA", "city", "Lviv"),
        ("Kursk", (), "RU", "city", "Kursk"),
        ("Donetsk", ("UA",), "UA", "city", "Donetsk"),
        ("Pyongyang", (), "KP", "city", "Pyongyang"),
        ("Moscow", ("US",), "RU", "city", "Moscow"),  # the capital beats Moscow, Idaho
        ("Russian soil", (), "RU", "country", "Russia"),
        ("North Korean territory", (), "KP", "country", "North Korea"),
        ("the Kursk region", (), "RU", "admin1", "Kursk Oblast"),
        ("Russia's Kursk region", (), "RU", "admin1", "Kursk Oblast"),
        ("Donetsk oblast", (), "UA", "admin1", "Donetsk Oblast"),
        ("Kharkiv Oblast", (), "UA", "admin1", "Kharkiv Oblast"),
        ("southern Kherson region", (), "UA", "admin1", "Kherson Oblast"),
        ("Kursk and Belgorod regions", (), "RU", "admin1", "Kursk Oblast"),
        ("Donetsk area", (), "UA", "city", "Donetsk"),
        ("Kiev city", (), "UA", "city", "Kyiv"),
        ("the Ukrainian city of Kharkiv", (), "UA", "city", "Kharkiv"),
        ("Donetsk, Ukraine", (), "UA", "city", "Donetsk"),
        ("eastern Ukraine", (), "UA", "country", "Ukraine"),
        ("in Ukraine's", (), "UA", "country", "Ukraine"),
        ("U.S.", (), "US", "country", "United States"),
        ("UK", (), "GB", "country", "United Kingdom"),
        ("the Netherlands", (), "NL", "country", None),
        ("The Hague", (), "NL", "city", "The Hague"),
        ("North Korea", (), "KP", "country", "North Korea"),
        ("Crimea", (), "UA", "admin1", "Crimea"),
        ("Russian capital", (), "RU", "city", "Moscow"),
    ],
)
def test_resolve_place(text, context, country, feature, name):
    place = resolve_place(text, context_countries=context)
    assert place is not None
    assert place.country == country
    assert place.feature == feature
    if name is not None:
        assert place.name == name


@pytest.mark.parametrize("text", ["Most", "Police", "Split", "split", "Republic", "", "   ", "the", "Kashmir"])
def test_resolve_place_rejects_common_words_and_unknowns(text):
    assert resolve_place(text) is None


def test_context_country_decides_between_namesakes(gaz):
    # Birmingham, England (about a million people) and Birmingham, Alabama.
    assert resolve_place("Birmingham").country == "GB"
    assert resolve_place("Birmingham", context_countries=("US",)).country == "US"


def test_lookup_lists_all_namesakes_best_first(gaz):
    places = gaz.lookup("Donetsk")
    assert [(p.country, p.feature) for p in places][:2] == [("UA", "city"), ("UA", "admin1")]
    assert ("RU", "city") in [(p.country, p.feature) for p in places]  # Donetsk, Rostov oblast
    assert gaz.lookup("Qwertyzzz") == []


def test_city_values(gaz):
    kyiv = resolve_place("Kyiv")
    # GeoNames 703448: Kyiv, 50.45 N 30.52 E.
    assert kyiv.geonameid == 703448
    assert abs(kyiv.lat - 50.45) < 0.05 and abs(kyiv.lon - 30.52) < 0.05
    assert kyiv.admin1 == "Kyiv City"
    assert resolve_place("Bakhmut").admin1 == "Donetsk Oblast"
    assert resolve_place("Kursk").admin1 == "Kursk Oblast"
    assert gaz.is_capital(kyiv)
    assert not gaz.is_capital(resolve_place("Kursk"))
    assert gaz.capital("KP").name == "Pyongyang"


def test_by_id_round_trips_pattern_ids(gaz):
    assert gaz.by_id("UA").feature == "country"
    assert gaz.by_id("RU-KRS").name == "Kursk Oblast"
    assert gaz.by_id("703448").name == "Kyiv"
    assert gaz.by_id("nope") is None


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Russian", "RU"),
        ("Russians", "RU"),
        ("North Korean", "KP"),
        ("North Koreans", "KP"),
        ("South Korean", "KR"),
        ("Ukrainian", "UA"),
        ("American", "US"),
        ("British", "GB"),
        ("Chinese", "CN"),
        ("Iraqis", "IQ"),
        ("Poles", "PL"),  # person noun from the exception table
        ("Korean", None),  # North or South: ambiguous
        ("banana", None),
        ("", None),
    ],
)
def test_country_of_demonym(word, country):
    assert country_of_demonym(word) == country


@pytest.mark.parametrize(
    ("word", "strong_only", "common"),
    [
        ("Most", False, True),  # stop word
        ("Split", True, True),  # also a verb
        ("Male", True, True),  # also an adjective
        ("Police", False, True),
        ("Paris", True, False),  # a frequent word, but only a noun
        ("Paris", False, True),
        ("Kursk", False, False),
        ("Donetsk", False, False),
    ],
)
def test_is_common_word(word, strong_only, common):
    assert is_common_word(word, strong_only=strong_only) is common


@pytest.mark.parametrize(
    ("text", "key"),
    [("Donets'k", "donetsk"), ("Ḩalab", "halab"), ("Ivano-Frankivsk", "ivano frankivsk"), ("  KYIV  ", "kyiv")],
)
def test_name_key(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("pattern", "label", "pattern_id"),
    [
        ("Kyiv", "GPE", "703448"),
        ("Kiev", None, None),  # alternate names stay out of the patterns
        ("Kursk", "GPE", "538560"),
        ("Kursk region", "GPE", "RU-KRS"),
        ("Donetsk Oblast", "GPE", "UA-14"),
        ("Pyongyang", "GPE", "1871859"),
        ("North Korea", "GPE", "KP"),
        ("U.S.", "GPE", "US"),
        ("Russian", "NORP", "RU"),
        ("North Koreans", "NORP", "KP"),
        ("Most", None, None),
        ("Police", None, None),
        ("Split", None, None),
        ("Along", None, None),
        ("Mobile", None, None),
        ("Male", None, None),  # a capital, but an English adjective
        ("Korean", None, None),  # ambiguous demonym
    ],
)
def test_ruler_patterns(patterns, pattern, label, pattern_id):
    if label is None:
        if pattern == "Kiev":
            assert pattern not in patterns or patterns[pattern]["id"] == "703448"
        else:
            assert pattern not in patterns
    else:
        assert patterns[pattern] == {"label": label, "pattern": pattern, "id": pattern_id}


def test_every_pattern_is_well_formed(gaz, patterns):
    assert len(patterns) > 30000
    for p in patterns.values():
        assert p["label"] in ("GPE", "NORP")
        assert p["pattern"].strip() == p["pattern"] and p["pattern"]
        assert gaz.by_id(p["id"]) is not None, p


def test_entity_ruler_labels_places_gpe():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns())
    doc = nlp("North Korean troops moved from Kyiv's outskirts to Kursk last week.")
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Kyiv", "GPE", "703448") in ents
    assert ("Kursk", "GPE", "538560") in ents
    assert ("North Korean", "NORP", "KP") in ents


def test_place_ruler_keeps_longer_model_entities_and_relabels_exact_ones(blank_with_ruler):
    from spacy.tokens import Span

    nlp, ruler = blank_with_ruler
    doc = nlp.make_doc("Vladimir Putin said troops entered Kursk and Kyiv on Monday.")
    # What a model might have predicted: a person, and two place names mislabelled.
    doc.ents = [
        Span(doc, 0, 2, label="PERSON"),
        Span(doc, 5, 6, label="PRODUCT"),
        Span(doc, 7, 8, label="PERSON"),
    ]
    doc = ruler(doc)
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("Vladimir Putin", "PERSON") in ents  # "Vladimir" (a Russian city) not cut out
    assert ("Kursk", "GPE") in ents
    assert ("Kyiv", "GPE") in ents  # a capital overrides PERSON


def test_place_ruler_keeps_person_for_small_towns(blank_with_ruler):
    from spacy.tokens import Span

    nlp, ruler = blank_with_ruler
    doc = nlp.make_doc("Rubio spoke.")  # Rubio is also a Venezuelan town of ~40,000
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    assert [(e.text, e.label_) for e in ruler(doc).ents] == [("Rubio", "PERSON")]


def test_place_ruler_in_a_blank_pipeline(blank_with_ruler):
    nlp, _ = blank_with_ruler
    doc = nlp("Troops left the Kursk region for Donetsk Oblast.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Kursk region", "GPE", "RU-KRS"),
        ("Donetsk Oblast", "GPE", "UA-14"),
    ]


# -- small places (GeoNames places of 500 to 15,000 people, ``data/small_places.tsv.gz``) ------


@pytest.mark.parametrize(
    ("text", "countries", "regions", "name", "admin1"),
    [
        # alone in its country with 10x the people of its namesake (908 people, Poltava)
        ("Krasnohorivka", ("UA",), (), "Krasnohorivka", "Donetsk Oblast"),
        ("near Krasnohorivka", ("UA",), (), "Krasnohorivka", "Donetsk Oblast"),
        # "X, Region" and "X in Region" give the region as context
        ("Sudzha in Kursk region", (), (), "Sudzha", "Kursk Oblast"),
        ("near the Russian border town of Sudzha, Kursk", (), (), "Sudzha", "Kursk Oblast"),
        ("Spartak, Donetsk Oblast", ("UA",), (), "Spartak", "Donetsk Oblast"),
        # a settlement word lets a common-word name through ("smile")
        ("the village of Smile in Luhansk region", ("UA",), (), "Smile", "Luhansk Oblast"),
        ("Smile village", ("UA",), ("UA-09",), "Smile", "Luhansk Oblast"),
        # the document's regions pick one of several namesakes (Russian spelling, alternate name)
        ("Stepanovka", ("UA",), ("Odesa Oblast",), "Stepanivka", "Odesa Oblast"),
        ("Stepanovka", ("UA",), ("UA-59",), "Stepanivka", "Sumy Oblast"),
        # inside a named region even a former name counts (Telmanove, renamed in 2016)
        ("Telmanove", ("UA",), ("Donetsk Oblast",), "Boykivske", "Donetsk Oblast"),
        # no context country at all: a town of 5,000+ with no comparable namesake
        ("Malibu", (), (), "Malibu", "California"),
    ],
)
def test_small_place_resolves_in_context(text, countries, regions, name, admin1):
    place = resolve_place(text) if not (countries or regions) else get_gazetteer().resolve(
        text, context_countries=countries, context_regions=regions
    )
    assert place is not None
    assert (place.name, place.admin1, place.feature) == (name, admin1, "city")
    assert place.geonameid is not None and place.lat is not None


@pytest.mark.parametrize(
    ("text", "countries", "regions"),
    [
        ("Smile", ("UA",), ("UA-09",)),  # a common English word without a settlement word
        ("Pobeda", ("UA",), ()),  # several namesakes, none ten times bigger
        ("Stepanovka", ("UA",), ()),  # five namesakes in Ukraine and no region
        ("Krasnohorivka", ("FR",), ()),  # not in the context country
        ("Vodiane", ("UA",), ("Donetsk Oblast",)),  # the table's Vodiane lies in Zaporizhzhia
        ("Lebedinskoye", ("UA",), ()),  # under 1,000 people and no region
        ("Telmanove", ("UA",), ()),  # a former name needs a region
        ("Pavlopil", (), ()),  # under 5,000 people and no context country
        ("Heorhiy Khalikov", ("UA",), ()),  # a person's name
        ("Russians", ("UA",), ()),  # a demonym
        ("stepanovka", ("UA",), ("UA-59",)),  # not written as a proper name
    ],
)
def test_small_place_not_resolved(text, countries, regions):
    assert get_gazetteer().resolve(text, context_countries=countries, context_regions=regions) is None


def test_small_places_stay_out_of_the_ruler(patterns, blank_with_ruler):
    for name in ("Krasnohorivka", "Smile", "Spartak", "Pobeda", "Sudzha"):
        assert name not in patterns
    nlp, _ = blank_with_ruler
    doc = nlp("Smile for the camera, said the Spartak coach in Kyiv.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Kyiv", "GPE")]


def test_main_table_wins_over_small_places():
    # Kursk (a city of 400,000) is not replaced by a village of the same name.
    assert resolve_place("Kursk", context_countries=("UA",)).geonameid == 538560
    assert resolve_place("Donetsk region", context_countries=("UA",)).feature == "admin1"


def test_small_places_table_lookup():
    from extractor.gazetteer import small_places

    table = small_places()
    assert table is not None
    stepanivka = {r.geonameid: r for r in table.rows("stepanovka")}
    assert 692604 in stepanivka and stepanivka[692604].country == "UA"
    assert table.rows("krasnohoriv") == []  # a prefix is not a key
    assert table.rows("") == [] and table.rows("a\tb") == [] and table.rows("zzzzzz") == []
    first = table._data[: table._data.index(b"\n")].decode().split("\t")[0]
    last = table._data.rstrip(b"\n").rsplit(b"\n", 1)[-1].decode().split("\t")[0]
    assert table.rows(first) and table.rows(last)


def test_without_the_small_table(monkeypatch):
    import extractor.gazetteer as gazetteer

    monkeypatch.setattr(gazetteer, "small_places", lambda: None)
    assert resolve_place("Krasnohorivka", context_countries=("UA",)) is None
    assert resolve_place("Kyiv").name == "Kyiv"


@pytest.mark.parametrize(
    ("text", "context", "country"),
    [
        # official subdivision names that are frequent words ("florida") resolve, bare
        ("Florida", (), "US"),
        ("Florida", ("UY",), "UY"),
        ("California", (), "US"),
        ("Texas", (), "US"),
        ("Montana", (), "US"),  # the US state, not Montana in Bulgaria
    ],
)
def test_subdivisions_named_like_frequent_words(text, context, country):
    place = resolve_place(text, context_countries=context)
    assert place is not None and (place.country, place.feature) == (country, "admin1")


def test_region_codes(gaz):
    assert gaz.region_code(resolve_place("Kharkiv")) == "UA-63"
    assert gaz.region_code(resolve_place("Donetsk region")) == "UA-14"
    assert gaz.region_code(resolve_place("Krasnohorivka", context_countries=("UA",))) == "UA-14"
    assert gaz.region_code(resolve_place("Ukraine")) is None
    assert gaz.region_code(None) is None


@pytest.mark.parametrize(
    ("city", "country", "admin1"),
    [
        # a town named like a neighbouring subdivision (Caldas, Antioquia) must not pull
        # its whole region to that subdivision
        ("Medellín", "CO", "CO-ANT"),
        ("Manizales", "CO", "CO-CAL"),
        ("Durban", "ZA", "ZA-KZN"),
        ("Emalahleni", "ZA", "ZA-MP"),
    ],
)
def test_city_first_level_region(city, country, admin1):
    from extractor.gazetteer import get_gazetteer

    gazetteer = get_gazetteer()
    place = gazetteer.resolve(city, context_countries=[country])
    assert place is not None and place.country == country and gazetteer.region_code(place) == admin1


def test_subdivision_display_name_is_no_abbreviation():
    from extractor.gazetteer import get_gazetteer

    assert get_gazetteer().resolve("Durban").admin1 == "Kwazulu-Natal"


# Alternate names that are plain English phrases (translations, nicknames) are no keys, and
# seats of government resolve to their state as landmarks.
@pytest.mark.parametrize(
    "alt, own, nickname",
    [
        ("White House", "Casablanca", True),  # a translation of the city's name
        ("The White House", "Casablanca", True),  # a function word is plain English too
        ("East Side", "East Ridge", True),  # a shared word that is plain English is no tie
        ("Salt Lake", "Salt Lake City", False),  # a form of the own name
        ("Nizhny", "Nizhny Novgorod", False),  # one word: not plain English
        ("San Juan", "San Juan", False),  # "san" is no English word
        ("Ho Chi Minh City", "Saigon", False),  # names, not plain words
    ],
)
def test_nickname(alt, own, nickname):
    from extractor.gazetteer import _nickname

    assert _nickname(alt, own) is nickname


@pytest.mark.parametrize(
    "alt, own, nickname",
    [("East", "Mpumalanga", True), ("Aleppo", "Ḩalab", False), ("Crimea", "Krym, Avtonomna Respublika", False)],
)
def test_nickname_single_words_of_subdivisions(alt, own, nickname):
    from extractor.gazetteer import _nickname

    assert _nickname(alt, own, single=True) is nickname
    assert _nickname(alt, own) is False  # cities' one-word alternates are kept


@pytest.mark.parametrize(
    "text, country, admin1",
    [
        ("the White House", "US", "District of Columbia"),
        ("White House", "US", "District of Columbia"),
        ("the Kremlin", "RU", "Moscow City"),
        ("Downing Street", "GB", "England"),
        ("the Elysee Palace", "FR", "Paris Region"),
    ],
)
def test_seats_of_government_are_landmarks(gaz, text, country, admin1):
    place = gaz.resolve(text)
    assert place is not None
    assert (place.country, place.feature, place.admin1) == (country, "landmark", admin1)
    assert place.lat is None and place.geonameid is None


def test_seats_are_no_ner_patterns(patterns):
    assert "White House" not in patterns and "Kremlin" not in patterns


@pytest.mark.parametrize("text", ["east side", "East Side", "The White House Rose"])
def test_nicknames_resolve_to_no_city(gaz, text):
    place = gaz.resolve(text)
    assert place is None or place.country != "MA" and place.name != "East Ridge"


@pytest.mark.parametrize("city, admin1", [("Santa Fe", "Santa Fe"), ("Mpumalanga", "Mpumalanga")])
def test_subdivision_display_name_is_no_translation(gaz, city, admin1):
    assert gaz.resolve(city).admin1 == admin1
