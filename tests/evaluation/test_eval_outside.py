import json
from pathlib import Path

import datasets
import pytest

from evaluation.errors import EvaluationError
from evaluation.io import read_predictions
from evaluation.outside import (
    country_code,
    detect_kind,
    haversine_km,
    load_outside,
    score_notes,
    score_span_data,
    score_ucdp,
    strip_place_suffix,
    write_texts,
)

EVALDATA = Path("/work/shared/evaldata")


def span(text, phrase, role="arg", also=()):
    """A gold span object for the first occurrence of ``phrase`` in ``text``."""
    start = text.index(phrase)
    out = {"text": phrase, "start": start, "end": start + len(phrase), "role": role}
    if also:
        out["also"] = [span(text, a, role) for a in also]
    return out


def event(text, trigger, **slots):
    t = {"action": span(text, trigger, "trigger"), "event_type": "x", "other_args": []}
    for name in ("actor", "quantity", "location", "date"):
        value = slots.get(name)
        t[name] = span(text, *value) if isinstance(value, tuple) else (span(text, value) if value else None)
    return t


def pred_tuple(text, trigger, *, offsets=True, **slots):
    t = {"action": trigger, "action_text": trigger}
    if offsets:
        start = text.index(trigger)
        t["action_start"], t["action_end"] = start, start + len(trigger)
    for name in ("actor", "quantity", "location", "date"):
        t[name] = slots.get(name)
    return t


# --- RAMS-like ------------------------------------------------------------------------

R1 = "Russia 's forces shelled Kharkiv , killing 12 people ."
R2 = "The ministry said Ukraine sent 300 tanks to the front ."
R3 = "Protesters marched in Kiev on Sunday ."
R4 = "Officials and delegates met in Geneva ."
RAMS = [
    {"id": "r1", "text": R1, "tuples": [event(R1, "shelled", actor="Russia 's forces", location="Kharkiv")], "meta": {"source": "RAMS 1.0"}},
    {"id": "r2", "text": R2, "tuples": [event(R2, "sent", actor="Ukraine", quantity="300 tanks", location="the front")], "meta": {"source": "RAMS 1.0"}},
    {"id": "r3", "text": R3, "tuples": [event(R3, "marched", actor="Protesters", location="Kiev")], "meta": {"source": "RAMS 1.0"}},
    {"id": "r4", "text": R4, "tuples": [event(R4, "met", actor=("Officials", "arg", ["delegates"]), location="Geneva")], "meta": {"source": "RAMS 1.0"}},
]
RAMS_PRED = [
    # found by offsets; actor as an untokenized writer would give it; quantity not in gold
    {"doc_id": "r1", "tuples": [pred_tuple(R1, "shelled", actor="Russia's forces", location="Kharkiv", quantity="12 people")]},
    # only the reporting verb: does not overlap the trigger "sent"
    {"doc_id": "r2", "tuples": [pred_tuple(R2, "said", actor="The ministry")]},
    # no offsets: found by the trigger's text; wrong location
    {"doc_id": "r3", "tuples": [pred_tuple(R3, "marched", offsets=False, actor="Protesters", location="Lviv")]},
    # actor matches a further filler ("also")
    {"doc_id": "r4", "tuples": [pred_tuple(R4, "met", actor="the delegates")]},
]


@pytest.fixture
def rams(write_jsonl):
    data = load_outside(write_jsonl("rams.jsonl", RAMS), kind="rams")
    return data, read_predictions(write_jsonl("rams-pred.jsonl", RAMS_PRED))


def test_rams_scores(rams):
    data, predictions = rams
    report = score_span_data(data, predictions)
    assert report["kind"] == "rams"
    assert report["trigger"] == {"found": 3, "n": 4, "recall": 0.75}  # r1, r3, r4
    actor, location, quantity, date = (report["slots"][s] for s in ("actor", "location", "quantity", "date"))
    assert (actor["recalled"], actor["n"], actor["n_found"]) == (3, 4, 3)
    assert actor["recall"] == 0.75 and actor["recall_given_trigger"] == 1.0 and actor["precision"] == 1.0
    assert (location["recalled"], location["n"], location["n_found"]) == (1, 4, 3)
    assert location["recall_given_trigger"] == pytest.approx(1 / 3)
    assert (location["tp"], location["fp"], location["precision"]) == (1, 1, 0.5)  # Lviv is wrong
    assert (quantity["n"], quantity["recalled"], quantity["recall_given_trigger"]) == (1, 0, None)
    assert (quantity["tp"], quantity["fp"], quantity["precision"]) == (0, 1, 0.0)  # "12 people" unannotated
    assert date["n"] == 0 and date["recall"] is None and date["precision"] is None


# --- GENEVA-like ----------------------------------------------------------------------

G1 = "Troops arrived in Kursk on Monday and fought rebels there ."
G2 = "The army launched an attack on Friday ."
G3 = "Talks took place in Geneva in 2019 ."
GENEVA = [
    {"id": "g1", "text": G1, "tuples": [
        event(G1, "arrived", actor="Troops", location="Kursk", date="on Monday"),
        event(G1, "fought", actor="Troops"),
    ], "meta": {"source": "GENEVA (FrameNet 1.7 full text)"}},
    {"id": "g2", "text": G2, "tuples": [
        event(G2, "launched", actor="The army"),
        event(G2, "attack", actor="The army", date="on Friday"),
    ], "meta": {"source": "GENEVA (FrameNet 1.7 full text)"}},
    {"id": "g3", "text": G3, "tuples": [event(G3, "Talks", location="in Geneva", date="in 2019")], "meta": {"source": "GENEVA (FrameNet 1.7 full text)"}},
]
GENEVA_PRED = [
    {"doc_id": "g1", "tuples": [
        pred_tuple(G1, "fought", actor="rebels"),  # listed first: pairing must not depend on order
        pred_tuple(G1, "arrived", actor="troops", location="Kursk", date="Monday"),
    ]},
    # one predicted tuple overlaps both triggers; it pairs with the event it fits best ("attack")
    {"doc_id": "g2", "tuples": [pred_tuple(G2, "launched an attack", actor="army", date="Friday")]},
]


def test_geneva_scores(write_jsonl):
    data = load_outside(write_jsonl("geneva.jsonl", GENEVA))
    assert detect_kind(data) == "geneva"
    report = score_span_data(data, read_predictions(write_jsonl("p.jsonl", GENEVA_PRED)))
    assert report["events"] == 5
    assert report["trigger"]["found"] == 3  # arrived, fought, attack; not launched, not Talks
    assert report["records_with_predictions"] == 2
    slots = report["slots"]
    assert (slots["actor"]["recalled"], slots["actor"]["n"], slots["actor"]["n_found"]) == (2, 4, 3)
    assert (slots["actor"]["tp"], slots["actor"]["fp"]) == (2, 1)  # "rebels" is wrong
    assert (slots["location"]["recalled"], slots["location"]["n"], slots["location"]["n_found"]) == (1, 2, 1)
    assert (slots["date"]["recalled"], slots["date"]["n"], slots["date"]["n_found"]) == (2, 3, 2)
    assert slots["date"]["precision"] == 1.0
    assert slots["quantity"]["n"] == 0


def test_span_scoring_reads_tuples_stored_as_json_strings(write_jsonl):
    rows = [{"id": r["id"], "text": r["text"], "tuples": json.dumps(r["tuples"]), "meta": json.dumps(r["meta"])} for r in GENEVA]
    report = score_span_data(rows, read_predictions(write_jsonl("p.jsonl", GENEVA_PRED)))
    assert report["kind"] == "geneva"
    assert (report["trigger"]["found"], report["slots"]["date"]["recalled"]) == (3, 2)


def test_load_outside_falls_back_to_json_strings(write_jsonl, monkeypatch):
    monkeypatch.delattr(datasets, "Json")
    data = load_outside(write_jsonl("ucdp.jsonl", UCDP))
    assert isinstance(data[0]["tuples"], str)
    assert json.loads(data[0]["tuples"])[0]["date"]["value"] == "2014-07-15"
    report = score_ucdp(data, read_predictions(write_jsonl("p.jsonl", UCDP_PRED)))
    assert (report["any_tuple"]["date"]["hits"], report["any_tuple"]["count"]["hits"]) == (1, 3)


# --- UCDP-like --------------------------------------------------------------------------


def coded(place, admin1, lat, lon, deaths, day, side_a, country="Ukraine"):
    return {
        "actor": {"value": side_a},
        "target": {"value": "DPR"},
        "action": {"value": f"{side_a} - DPR", "event_type": "state-based conflict"},
        "quantity": {"value": deaths, "unit": "fatalities"},
        "location": {"value": place, "admin1": admin1, "country": country, "lat": lat, "lon": lon},
        "date": {"value": day},
    }


UA, RU = "Government of Ukraine", "Government of Russia (Soviet Union)"
UCDP = [
    {"id": "u1", "text": "Three killed in Donetsk", "tuples": [coded("Donetsk town", "Donetsk oblast", 48.0, 37.8, 3, "2014-07-15", UA)], "meta": {}},
    {"id": "u2", "text": "Five dead near Hryhorivka", "tuples": [coded("Hryhorivka village (Telmanove Raion)", "Donetsk oblast", 47.5, 38.0, 5, "2014-08-20", RU)], "meta": {}},
    {"id": "u3", "text": "Two die in Luhansk", "tuples": [coded("Luhansk town", "Luhansk oblast", 48.57, 39.33, 2, "2015-01-10", UA)], "meta": {}},
    {"id": "u4", "text": "Ten killed across Ukraine", "tuples": [coded("Ukraine", "", 49.0, 32.0, 10, "2022-03-01", RU)], "meta": {}},
]
UCDP_PRED = [
    {"doc_id": "u1", "tuples": [{"action": "kill", "location": "Donetsk", "location_country": "UA", "location_lat": 48.02,
                                  "location_lon": 37.80, "quantity_value": 3, "date_value": "2014-07-15", "actor_country": "UA"}]},
    {"doc_id": "u2", "tuples": [
        # ~58 km from the coded point; a range around the count; the month of the date
        {"action": "die", "location": "Donetsk region", "location_country": "UA", "location_lat": 48.0, "location_lon": 37.8,
         "quantity_value": [3, 6], "date_value": "2014-08", "actor_country": "RU"},
        {"action": "die", "location": "Hryhorivka", "quantity_value": 5},
    ]},
    {"doc_id": "u4", "tuples": [{"action": "kill", "location": "Kyiv", "location_country": "UA", "location_lat": 50.45,
                                  "location_lon": 30.52, "quantity_value": 10, "date_value": "2022-03", "actor_country": "UA"}]},
]


def test_ucdp_scores(write_jsonl):
    data = load_outside(write_jsonl("ucdp.jsonl", UCDP), kind="ucdp")
    assert detect_kind(data) == "ucdp"
    report = score_ucdp(data, read_predictions(write_jsonl("p.jsonl", UCDP_PRED)))
    shares = {m: (v["hits"], v["n"]) for m, v in report["any_tuple"].items()}
    assert shares == {
        "country": (3, 4),
        "place_text": (2, 4),
        "place_text_place": (2, 4),
        "place_text_admin1": (2, 3),  # u4 codes no admin1
        "place_text_country": (0, 4),
        "place_50km": (1, 4),
        "count": (3, 4),
        "count_lenient": (3, 4),
        "date": (1, 4),
        "date_lenient": (3, 4),
        "actor_country": (2, 4),
    }
    assert report["any_tuple"]["country"]["share"] == 0.75
    # u2's two tuples tie on 2 agreements each; the first (country + place text) is its best
    best = {m: (v["hits"], v["n"]) for m, v in report["best_tuple"].items()}
    assert best == {
        "country": (3, 4),
        "place_text": (2, 4),
        "place_50km": (1, 4),
        "count": (2, 4),
        "date": (1, 4),
        "all": (1, 4),
    }
    assert report["records_with_predictions"] == 3 and report["events"] == 4
    # where the extractor gives a value: u3 has no tuple; u2's first tuple is ~58 km off,
    # gives a range for the count and only the month; u4's Kyiv is ~200 km from the centroid
    given = {m: (v["hits"], v["n"]) for m, v in report["given_prediction"].items()}
    assert given == {
        "country": (3, 3), "place_50km": (1, 3), "place_50km_named": (1, 3), "count": (2, 3), "date": (1, 3)
    }


def test_ucdp_place_named_only_by_its_admin1_counts_for_place_50km_alone(write_jsonl):
    # the text names the oblast, not the coded town: within 50 km counts for place_50km
    # (place or admin1 named) but the event is left out of place_50km_named
    data = load_outside(write_jsonl("ucdp.jsonl", [
        {"id": "m1", "text": "Four killed in Donetsk oblast", "tuples": [coded("Marinka town", "Donetsk oblast", 47.94, 37.50, 4, "2015-06-03", UA)], "meta": {}},
        {"id": "m2", "text": "Two killed in Marinka", "tuples": [coded("Marinka town", "Donetsk oblast", 47.94, 37.50, 2, "2015-06-04", UA)], "meta": {}},
    ]), kind="ucdp")
    preds = [
        {"doc_id": "m1", "tuples": [{"action": "kill", "location": "Donetsk", "location_lat": 48.0, "location_lon": 37.8}]},
        {"doc_id": "m2", "tuples": [{"action": "kill", "location": "Marinka", "location_lat": 49.0, "location_lon": 37.5}]},
    ]
    given = score_ucdp(data, read_predictions(write_jsonl("p.jsonl", preds)))["given_prediction"]
    assert (given["place_50km"]["hits"], given["place_50km"]["n"]) == (1, 2)
    assert (given["place_50km_named"]["hits"], given["place_50km_named"]["n"]) == (0, 1)


@pytest.mark.parametrize(
    ("name", "code"),
    [("Ukraine", "UA"), ("Russia (Soviet Union)", "RU"), ("DR Congo (Zaire)", "CD"), ("Syria", "SY"), ("Atlantis", None), (None, None)],
)
def test_country_code(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Donetsk town", "Donetsk"),
        ("Kharkiv Oblast", "Kharkiv"),
        ("Hryhorivka village (Telmanove Raion)", "Hryhorivka"),
        ("Kiev Special Republican city", "Kiev"),
        ("Luhansk airport", "Luhansk airport"),
        ("Donets Basin Area", "Donets Basin"),
        ("Ukraine", "Ukraine"),
        ("", ""),
    ],
)
def test_strip_place_suffix(name, expected):
    assert strip_place_suffix(name) == expected


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [((48.0, 37.8), (48.0, 37.8), 0.0), ((0.0, 0.0), (1.0, 0.0), 111.2), ((48.8566, 2.3522), (51.5074, -0.1278), 343.6)],
)
def test_haversine_km(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.5)


# --- loading ----------------------------------------------------------------------------


def test_load_outside_gives_a_dataset(write_jsonl):
    data = load_outside(write_jsonl("rams.jsonl", RAMS))
    assert isinstance(data, datasets.Dataset)
    assert data["id"] == ["r1", "r2", "r3", "r4"]
    assert data[0]["tuples"] == RAMS[0]["tuples"]  # nested values come back unchanged


def test_load_outside_keeps_iso_dates_as_strings(write_jsonl):
    data = load_outside(write_jsonl("ucdp.jsonl", UCDP))
    assert data[1]["tuples"] == UCDP[1]["tuples"]


@pytest.mark.parametrize(
    ("rows", "kind", "code"),
    [
        ([{"id": "x", "tuples": []}], None, "E202"),
        (["{bad"], None, "E201"),
        ([{"id": "x", "text": "t", "tuples": []}, {"id": "x", "text": "t", "tuples": []}], None, "E203"),
        (RAMS, "ucdp", "E211"),
        (UCDP, "geneva", "E211"),
        (RAMS, "acled", "E210"),
    ],
)
def test_load_outside_errors(write_jsonl, rows, kind, code):
    with pytest.raises(EvaluationError) as info:
        load_outside(write_jsonl("d.jsonl", rows), kind=kind)
    assert info.value.code == code


def test_detect_kind_needs_a_hint_without_meta_source():
    rows = [{"id": "x", "text": R1, "tuples": RAMS[0]["tuples"], "meta": {}}]
    with pytest.raises(EvaluationError) as info:
        detect_kind(rows)
    assert info.value.code == "E211"


def test_write_texts(write_jsonl, tmp_path):
    out = tmp_path / "texts.jsonl"
    assert write_texts(write_jsonl("u.jsonl", UCDP), out) == 4
    first = json.loads(out.read_text().splitlines()[0])
    assert first == {"doc_id": "u1", "text": "Three killed in Donetsk"}


@pytest.mark.parametrize(
    ("name", "kind"),
    [("rams-dev.jsonl", "rams"), ("geneva-val.jsonl", "geneva"), ("ucdp-ukraine-dev.jsonl", "ucdp")],
)
def test_real_outside_files_load(name, kind):
    path = EVALDATA / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    data = load_outside(path, kind=kind)
    assert len(data) > 0 and detect_kind(data) == kind


# --- event notes (coded country, place, date, deaths) -----------------------------------


def note(place, country, lat, lon, day, deaths):
    return {
        "location": {"value": place, "country": country, "lat": lat, "lon": lon},
        "date": {"value": day},
        "quantity": {"value": deaths, "unit": "fatalities"},
    }


NOTES = [
    {"id": "n1", "text": "On 3 March 2022, Russian forces shelled Bucha, Kyiv region, killing 4 civilians.",
     "tuples": [note("Bucha", "Ukraine", 50.55, 30.21, "2022-03-03", 4)], "meta": {}},
    {"id": "n2", "text": "Clashes in Gao left 2 soldiers dead.",
     "tuples": [note("Gao", "Mali", 16.27, -0.04, "2021-05-01", 2)], "meta": {}},
    {"id": "n3", "text": "Militants attacked a village.",
     "tuples": [note("Kidal", "Mali", None, None, "2021-06-02", 5)], "meta": {}},
]
NOTES_PRED = [
    {"doc_id": "n1", "tuples": [
        {"action": "shell", "event_type": "combat", "location": "Bucha", "location_country": "UA",
         "location_lat": 50.54, "location_lon": 30.22, "date_value": "2022-03-03"},
        {"action": "kill", "event_type": "casualty", "quantity_value": 4, "location_country": "UA"},
    ]},
    {"doc_id": "n2", "tuples": [
        # a wrong namesake ~1,100 km away; 2 on a combat tuple is no death toll
        {"action": "clash", "event_type": "combat", "location": "Gao", "location_country": "NG",
         "location_lat": 12.0, "location_lon": 8.5, "quantity_value": 2},
        {"action": "die", "event_type": "casualty", "quantity_value": 3, "date_value": "2021-05"},
    ]},
]


def test_notes_kind_is_told_from_coded_values_without_an_action(write_jsonl):
    data = load_outside(write_jsonl("notes.jsonl", NOTES), kind="notes")
    assert detect_kind(data) == "notes"
    assert detect_kind(load_outside(write_jsonl("ucdp.jsonl", UCDP))) == "ucdp"


def test_notes_coverage_and_accuracy_where_given(write_jsonl):
    data = load_outside(write_jsonl("notes.jsonl", NOTES), kind="notes")
    report = score_notes(data, read_predictions(write_jsonl("p.jsonl", NOTES_PRED)))
    values = report["notes"]["values"]
    got = {f: tuple((v[k]["hits"], v[k]["n"]) for k in ("coverage", "accuracy", "any_tuple")) for f, v in values.items()}
    assert got == {
        "country": ((2, 3), (1, 2), (1, 3)),
        "place_50km": ((2, 2), (1, 2), (1, 2)),  # n3 codes no point
        "place_50km_named": ((2, 2), (1, 2), (1, 2)),
        "date": ((2, 3), (1, 2), (1, 3)),
        "date_lenient": ((2, 3), (2, 2), (2, 3)),  # 2021-05 contains the coded day
        "deaths": ((2, 3), (1, 2), (1, 3)),  # only casualty tuples give deaths
        "deaths_lenient": ((2, 3), (1, 2), (1, 3)),
    }
    assert report["kind"] == "notes" and report["events"] == 3 and report["records_with_predictions"] == 2


def test_ucdp_report_carries_the_notes_figures(write_jsonl):
    data = load_outside(write_jsonl("ucdp.jsonl", UCDP), kind="ucdp")
    report = score_ucdp(data, read_predictions(write_jsonl("p.jsonl", UCDP_PRED)))
    country = report["notes"]["values"]["country"]
    # u1, u2 and u4 give a country (all UA, right); u3 has no prediction
    assert (country["coverage"]["hits"], country["coverage"]["n"]) == (3, 4)
    assert (country["accuracy"]["hits"], country["accuracy"]["n"]) == (3, 3)


def test_notes_text_report(write_jsonl):
    from evaluation.outside import evaluate_outside_files, format_outside_report

    report = evaluate_outside_files(write_jsonl("notes.jsonl", NOTES), write_jsonl("p.jsonl", NOTES_PRED))
    text = format_outside_report(report)
    assert report["kind"] == "notes"
    assert "coverage" in text and "deaths" in text
