"""EventTuple's JSON form keeps the rules that filled its slots."""

from __future__ import annotations

import json

import pytest

from extractor.types import EventTuple, Slot


def event(**kw) -> EventTuple:
    return EventTuple(action=Slot("sent", 7, 11), actor=Slot("Russia", 0, 6), location=Slot("Kursk", 20, 25), lemma="send", **kw)


def test_rules_round_trip_through_the_json_form():
    x = event(rules={"actor": "subject", "location": "destination"})
    data = json.loads(json.dumps(x.to_dict()))
    assert data["rules"] == {"actor": "subject", "location": "destination"}
    back = EventTuple.from_dict(data)
    assert back == x
    assert back.rules == {"actor": "subject", "location": "destination"}


@pytest.mark.parametrize("rules", [None, {}])
def test_no_rules_no_field(rules):
    x = event(rules=rules)
    assert x.rules is None
    assert "rules" not in x.to_dict()
    assert EventTuple.from_dict(x.to_dict()) == x


def test_rules_take_part_in_equality_not_in_hashing():
    a, b = event(rules={"actor": "subject"}), event(rules={"actor": "passive_agent"})
    assert a != b
    assert hash(a) == hash(b)
    assert a == event(rules={"actor": "subject"})


# --- issue 15, deliverable 4: results pleasant to use ------------------------------------

import datetime as dt  # noqa: E402
from dataclasses import fields, replace  # noqa: E402
from pathlib import Path  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import extractor  # noqa: E402
from extractor import types as T  # noqa: E402
from extractor.types import (  # noqa: E402
    ActorValue,
    DateValue,
    DocumentEvent,
    DocumentResult,
    PlaceValue,
    QuantityValue,
    SlotOrigin,
)

ROOT = Path(__file__).resolve().parents[2]

texts = st.text(max_size=12)
maybe = lambda s: st.none() | s  # noqa: E731
offsets = st.integers(0, 10_000)
slots = st.builds(Slot, texts, maybe(offsets), maybe(offsets))
numbers = st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
quantities = st.builds(
    QuantityValue,
    maybe(numbers | st.tuples(numbers, numbers)),
    maybe(texts),
    st.booleans(),
    maybe(st.sampled_from(["min", "max", "over", "under"])),
    maybe(texts),
    st.booleans(),
)
dates = st.builds(DateValue, maybe(st.sampled_from(["2024-10-23", "2024-10", "2024", "2025-07/2025-08", "2023-09/.."])), texts)
coords = maybe(st.floats(-180, 180, allow_nan=False))
places = st.builds(PlaceValue, texts, maybe(texts), coords, coords, maybe(st.integers(1, 10**8)), maybe(texts), maybe(texts))
actors = st.builds(ActorValue, texts, maybe(texts), maybe(texts))
slot_names = st.sampled_from(T.SLOTS)
tuple_fields = dict(
    action=slots,
    actor=maybe(slots),
    quantity=maybe(slots),
    location=maybe(slots),
    date=maybe(slots),
    lemma=maybe(texts),
    quantity_value=maybe(quantities),
    date_value=maybe(dates),
    place=maybe(places),
    actor_value=maybe(actors),
    modality=st.sampled_from(T.MODALITIES),
    source=maybe(slots),
    event_type=maybe(st.sampled_from(T.EVENT_TYPES)),
    evidence=maybe(slots),
    confidence=st.floats(0, 1),
    rules=maybe(st.dictionaries(slot_names, texts, max_size=3)),
)
tuples = st.builds(EventTuple, **tuple_fields)
origins = st.builds(SlotOrigin, maybe(st.integers(0, 50)), maybe(st.sampled_from(T.MODALITIES)), maybe(texts), maybe(st.sampled_from(["headline", "dateline", "lead"])))
events = st.builds(
    DocumentEvent,
    **tuple_fields,
    mentions=st.lists(st.integers(0, 50), max_size=4).map(tuple),
    from_=st.dictionaries(slot_names, st.integers(0, 50), max_size=5),
    main=st.booleans(),
    origins=st.dictionaries(slot_names, origins, max_size=5),
)
results = st.builds(
    DocumentResult,
    texts,
    maybe(st.sampled_from(["2024-10-23", "2025-01-01"])),
    st.lists(tuples, max_size=3).map(tuple),
    maybe(texts),
    events=st.lists(events, max_size=2).map(tuple),
)


def through_json(x):
    return type(x).from_dict(json.loads(json.dumps(x.to_dict())))


@settings(max_examples=150, deadline=None)
@given(st.one_of(slots, quantities, dates, places, actors, origins, tuples, events))
def test_every_value_comes_back_from_its_json_form(x):
    assert through_json(x) == x


@settings(max_examples=60, deadline=None)
@given(results)
def test_a_document_result_comes_back_from_its_json_form(x):
    back = through_json(x)
    assert back == x
    assert all(type(e) is DocumentEvent for e in back.events)


def test_a_tuple_without_a_lemma_keeps_none_and_its_unresolved_date():
    x = EventTuple(action=Slot("sent", 3, 7), date=Slot("later", 9, 14), date_value=DateValue(None, "later"), confidence=0.123456789)
    back = through_json(x)
    assert back.lemma is None and back.date_value == DateValue(None, "later") and back.confidence == 0.123456789


def test_seed_outputs_come_back_from_their_json_form():
    """The real results of the five seeds (tuples and document events), not built values."""
    ex = extractor.load()
    records = [{"doc_id": p.stem, "text": p.read_text(encoding="utf-8"), "published": "2024-11-01"} for p in sorted((ROOT / "seeds").glob("*.txt"))]
    got = list(ex.pipe(records))
    assert sum(len(r.tuples) for r in got) >= 40 and all(r.events for r in got)
    for r in got:
        assert through_json(r) == r


# short one-line reprs: the five slots, then the kind of event
@pytest.mark.parametrize(
    "value, expected",
    [
        (Slot("Kursk", 20, 25), "Slot('Kursk' 20:25)"),
        (Slot("Kursk"), "Slot('Kursk')"),
        (
            event(rules={"actor": "subject"}),
            "EventTuple(actor='Russia', action='send' ('sent'), quantity=None, location='Kursk', date=None; asserted)",
        ),
        (
            EventTuple(action=Slot("killed"), quantity=Slot("12"), date=Slot("on Monday"), event_type="casualty", modality="reported"),
            "EventTuple(actor=None, action='killed', quantity='12', location=None, date='on Monday'; casualty, reported)",
        ),
        (DocumentEvent(action=Slot("sent", 7, 11), lemma="send", main=True, mentions=(0, 2)), "DocumentEvent(main, mentions [0, 2]: actor=None, action='send' ('sent'), quantity=None, location=None, date=None; asserted)"),
        (DocumentResult("d1", "2024-10-23", (event(),) * 3), "DocumentResult('d1', published 2024-10-23: 3 tuples, 0 events)"),
        (DocumentResult("d2", None, error="[E030] not English"), "DocumentResult('d2', error '[E030] not English')"),
    ],
)
def test_reprs_are_one_short_line(value, expected):
    assert repr(value) == expected


def test_a_long_slot_is_cut_in_the_repr():
    r = repr(EventTuple(action=Slot("said"), actor=Slot("x" * 200)))
    assert "\n" not in r and len(r) < 160 and "…" in r


@pytest.mark.parametrize(
    "value, start, end",
    [
        ("2024-10-23", dt.date(2024, 10, 23), dt.date(2024, 10, 23)),
        ("2024-10", dt.date(2024, 10, 1), dt.date(2024, 10, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024-10/2024-11", dt.date(2024, 10, 1), dt.date(2024, 11, 30)),
        ("2025-07-03/2025-08", dt.date(2025, 7, 3), dt.date(2025, 8, 31)),
        ("2023-09/..", dt.date(2023, 9, 1), None),
        ("../2023-09", None, dt.date(2023, 9, 30)),
        (None, None, None),
    ],
)
def test_date_value_start_and_end_are_dates(value, start, end):
    d = DateValue(value, "text")
    assert (d.start, d.end) == (start, end)


def test_names_are_consistent():
    x = EventTuple(action=Slot("sent", 7, 11), lemma="send", place=PlaceValue("Kursk", "RU"))
    assert (x.action_lemma, x.action_text) == ("send", "sent")
    assert x.location_value == PlaceValue("Kursk", "RU")
    y = EventTuple(action=Slot("sent"))
    assert (y.action_lemma, y.action_text, y.location_value) == ("sent", "sent", None)


def test_allowed_values_are_exported_and_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("MODALITIES", "EVENT_TYPES", "CONFIDENCE_RANGE"):
        assert name in extractor.__all__ and getattr(extractor, name) == getattr(T, name)
        assert name in readme
    assert set(T.MODALITIES) == {"asserted", "reported", "planned", "negated"}
    assert "other" in T.EVENT_TYPES and T.CONFIDENCE_RANGE == (0.0, 1.0)
    for value in (*T.MODALITIES, *T.EVENT_TYPES):
        assert f"`{value}`" in readme


def test_py_typed_is_shipped():
    assert (ROOT / "extractor" / "py.typed").is_file()
    assert "py.typed" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_to_pandas_one_row_per_tuple():
    from extractor.types import to_pandas

    a = DocumentResult("a", "2024-10-23", (event(), replace(event(), lemma="deploy")))
    b = DocumentResult("b", None, ())
    frame = to_pandas([a, b])
    assert list(frame["doc_id"]) == ["a", "a"] and list(frame["action"]) == ["send", "deploy"]
    assert list(frame["location"]) == ["Kursk", "Kursk"] and frame["published"][0] == "2024-10-23"
    events = to_pandas([DocumentResult("c", None, (), events=(DocumentEvent(action=Slot("x"), main=True),))], level="events")
    assert list(events["main"]) == [True] and list(events["doc_id"]) == ["c"]


def test_a_country_without_a_place_name_reads_back():
    # a common noun's document country (build._context_place): no location_name key needed
    event = EventTuple.from_dict({"action": "kill", "location_country": "FR", "location_feature": "context"})
    assert (event.place.name, event.place.country, event.place.feature) == (None, "FR", "context")
