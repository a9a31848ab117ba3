"""Loaders and scoring modes for the outside data (RAMS, GENEVA, WikiEvents, UCDP, Giveme5W1H).

Records are ``{"id", "text", "tuples", "meta"}`` (see ``/work/shared/evaldata/README.md``).
RAMS, GENEVA and WikiEvents give character spans and are scored by ``score_span_data``
(with the eligible-event figures of ``evaluation.eligible``); UCDP gives
coded values and is scored at value level by ``score_ucdp``; Giveme5W1H gives one
main-event tuple per article and is scored by ``score_giveme5w1h`` (the predicted main event,
``events[0]``, see ``evaluation.events``). Predictions are the guide's
JSON Lines keyed by the record ``id`` (read with ``evaluation.io.read_predictions``).

Error codes: E200 unreadable file, E201 invalid JSON, E202 record without id/text/tuples,
E203 duplicate id, E210 unknown kind, E211 kind cannot be told or does not fit the records.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pycountry

from .errors import EvaluationError
from .io import Document
from .match import text_match, value_match
from .scorer import _linear_sum_assignment

KINDS = ("rams", "geneva", "wikievents", "ucdp", "notes", "giveme5w1h")
# Kinds whose records give coded values (not character spans).
CODED_KINDS = ("ucdp", "notes")
SPAN_KINDS = ("rams", "geneva", "wikievents")
SPAN_SLOTS = ("actor", "location", "date", "quantity")
NEAR_KM = 50.0
EARTH_RADIUS_KM = 6371.0088

# UCDP country names that ISO 3166 (pycountry) does not know by that spelling.
UCDP_COUNTRY_ALIASES = {
    "russia": "RU",
    "dr congo": "CD",
    "congo": "CG",
    "ivory coast": "CI",
    "bosnia-herzegovina": "BA",
    "macedonia, fyr": "MK",
    "north macedonia": "MK",
    "turkey": "TR",
    "kosovo": "XK",
    "palestine": "PS",
    "cape verde": "CV",
    "east timor": "TL",
    "kingdom of eswatini": "SZ",
    "swaziland": "SZ",
    "micronesia": "FM",
}
# Feature words UCDP appends to coded place names ("Donetsk town", "Kharkiv Oblast").
PLACE_SUFFIXES = (
    "special republican city",
    "controlled territory",
    "municipality",
    "governorate",
    "province",
    "district",
    "village",
    "oblast",
    "region",
    "county",
    "raion",
    "rayon",
    "town",
    "city",
    "area",
)
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_GOVERNMENT_OF = re.compile(r"^\s*government of\s+(.+?)\s*$", re.IGNORECASE)


# --- loading --------------------------------------------------------------------------


def _read_records(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError("E200", f"cannot read the file ({exc}); give a JSON Lines data file", path=str(path)) from exc
    records: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise EvaluationError(
                "E201", f"invalid JSON ({exc.msg}); write one record per line", path=str(path), line=number
            ) from exc
        if (
            not isinstance(record, dict)
            or not isinstance(record.get("id"), str)
            or not isinstance(record.get("text"), str)
            or not isinstance(record.get("tuples"), list)
        ):
            raise EvaluationError(
                "E202",
                "a record needs a string 'id', a string 'text' and a list 'tuples'",
                path=str(path),
                line=number,
            )
        if record["id"] in seen:
            raise EvaluationError(
                "E203",
                f"id {record['id']!r} already appeared on line {seen[record['id']]}; ids must be unique",
                path=str(path),
                line=number,
            )
        seen[record["id"]] = number
        records.append(record)
    return records


def _tuples(row: Mapping[str, Any]) -> list[dict[str, Any]]:
    tuples = row["tuples"]
    return json.loads(tuples) if isinstance(tuples, str) else list(tuples)


def _meta(row: Mapping[str, Any]) -> dict[str, Any]:
    meta = row.get("meta")
    if isinstance(meta, str):
        meta = json.loads(meta)
    return meta if isinstance(meta, dict) else {}


def _is_coded(t: Mapping[str, Any]) -> bool:
    """A tuple of coded values: a slot that is a dict with a ``value`` and no ``start``
    (UCDP codes the action; other event notes may code only place, date or deaths)."""
    return any(
        isinstance(t.get(slot), dict) and "value" in t[slot] and t[slot].get("start") is None
        for slot in ("action", "location", "date", "quantity")
    )


def detect_kind(records: Iterable[Mapping[str, Any]]) -> str:
    """"rams", "geneva", "wikievents", "ucdp", "notes" or "giveme5w1h", told from the records'
    tuples and ``meta.source``: coded values are "ucdp" when they code the action (UCDP's
    dyad) or the meta names UCDP, else "notes" (any event notes with coded values)."""
    saw_spans = False
    for row in records:
        tuples = _tuples(row)
        if any(_is_coded(t) for t in tuples):
            meta = _meta(row)
            origin = " ".join(str(meta.get(k, "")) for k in ("source", "source_repo", "source_path")).casefold()
            dyad = any(isinstance(t.get("action"), dict) and "value" in t["action"] for t in tuples)
            return "ucdp" if dyad or "ucdp" in origin else "notes"
        source = str(_meta(row).get("source", "")).casefold()
        for kind in (*SPAN_KINDS, "giveme5w1h"):
            if source.startswith(kind):
                return kind
        saw_spans = saw_spans or bool(tuples)
    what = "no tuples"
    if saw_spans:
        what = "span-annotated records without a RAMS/GENEVA/WikiEvents/Giveme5W1H meta.source"
    raise EvaluationError("E211", f"cannot tell the data's kind ({what}); pass kind= one of {', '.join(KINDS)}")


def load_outside(path: str | Path, *, kind: str | None = None) -> datasets.Dataset:
    """The records of an outside-data file as a ``datasets.Dataset`` (columns of the file;
    ``datasets`` is the ``eval`` extra, ``E060`` without it).

    ``kind`` checks that the records have the expected form (coded values for "ucdp",
    spans for the others); without it nothing is assumed. Loads with the ``json``
    builder, declaring every column but ``id`` and ``text`` as ``datasets.Json`` so that
    Arrow's type inference cannot change values (it reads "2014-07-15" as a timestamp);
    where that feature type is missing or loading fails, every such column is a JSON
    string instead (the scorers read both forms).
    """
    from extractor.extras import optional_import

    datasets = optional_import("datasets", extra="eval", feature="Reading outside evaluation data")
    path = Path(path)
    if kind is not None and kind not in KINDS:
        raise EvaluationError("E210", f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    records = _read_records(path)
    if kind is not None and records:
        coded = any(_is_coded(t) for r in records for t in r["tuples"])
        if coded != (kind in CODED_KINDS):
            form = "coded values (UCDP, event notes)" if coded else "spans (RAMS/GENEVA/WikiEvents/Giveme5W1H)"
            raise EvaluationError(
                "E211", f"the records hold {form}, which does not fit kind {kind!r}", path=str(path)
            )
    if not records:
        return datasets.Dataset.from_list([])
    columns = list(dict.fromkeys(k for r in records for k in r))
    json_feature = getattr(datasets, "Json", None)
    if json_feature is not None:
        features = datasets.Features(
            {c: datasets.Value("string") if c in ("id", "text") else json_feature() for c in columns}
        )
        try:
            return datasets.load_dataset("json", data_files=str(path), split="train", features=features)
        except Exception:  # any builder failure: fall back to JSON string columns below
            pass
    rows = [
        {c: r.get(c) if c in ("id", "text") else json.dumps(r.get(c), ensure_ascii=False) for c in columns}
        for r in records
    ]
    return datasets.Dataset.from_list(rows)


def write_texts(path: str | Path, out_path: str | Path) -> int:
    """Write the records' texts as JSON Lines ``{"doc_id", "text"}``; the number written."""
    records = _read_records(Path(path))
    with Path(out_path).open("w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps({"doc_id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
    return len(records)


def _share(hits: int, n: int) -> dict[str, Any]:
    return {"hits": hits, "n": n, "share": hits / n if n else None}


def _prediction_summary(ids: Sequence[str], predictions: Mapping[str, Document]) -> dict[str, Any]:
    known = set(ids)
    unknown = [d for d in predictions if d not in known]
    return {
        "records": len(ids),
        "records_with_predictions": sum(1 for i in ids if i in predictions),
        "predicted_tuples": sum(len(predictions[i].tuples) for i in ids if i in predictions),
        "unknown_prediction_ids": unknown,
    }


# --- RAMS and GENEVA ------------------------------------------------------------------


def _fillers(slot: Any) -> list[str]:
    if not isinstance(slot, dict) or slot.get("text") is None:
        return []
    return [slot["text"]] + [a["text"] for a in slot.get("also") or [] if a and a.get("text")]


def trigger_found(pred: Mapping[str, Any], trigger: Mapping[str, Any]) -> bool:
    """True when a predicted action overlaps the gold trigger span; without predicted
    offsets, when its text matches the trigger word leniently."""
    start, end = pred.get("action_start"), pred.get("action_end")
    if start is not None and end is not None:
        return start < trigger["end"] and trigger["start"] < end
    text = pred.get("action_text") or pred.get("action")
    return isinstance(text, str) and text_match(text, trigger["text"], lenient=True)


def _argument_match(pred: Mapping[str, Any], gold: Mapping[str, Any], slot: str) -> bool:
    value = pred.get(slot)
    return isinstance(value, str) and any(text_match(value, f, lenient=True) for f in _fillers(gold.get(slot)))


def _pair_events(
    events: Sequence[Mapping[str, Any]], preds: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    if not events or not preds:
        return []
    weights = np.zeros((len(events), len(preds)))
    for e, event in enumerate(events):
        for p, pred in enumerate(preds):
            if trigger_found(pred, event["action"]):
                # Any found trigger outweighs every difference in matched arguments.
                weights[e, p] = 1 + len(SPAN_SLOTS) + sum(_argument_match(pred, event, s) for s in SPAN_SLOTS)
    rows, cols = _linear_sum_assignment(weights, maximize=True)
    return [(int(e), int(p)) for e, p in zip(rows, cols) if weights[e, p] > 0]


def score_span_data(
    records: Iterable[Mapping[str, Any]], predictions: Mapping[str, Document], *, kind: str | None = None
) -> dict[str, Any]:
    """Trigger recall and argument recall/precision of predictions on RAMS, GENEVA or
    WikiEvents records.

    Each annotated event pairs with at most one predicted tuple of its record whose action
    overlaps its trigger (one-to-one within a record, most matched arguments first). Per
    slot: ``recall`` over gold events giving the slot, ``recall_given_trigger`` over those
    whose trigger was found, ``precision`` over stated predicted slots of paired tuples.
    WikiEvents annotates every event of its types, so its ``trigger`` also gives
    ``precision``: paired predicted tuples / predicted tuples. ``eligible``: the same
    figures over the events the guide asks for (``evaluation.eligible.score_eligible``).
    """
    from .eligible import score_eligible

    rows = list(records)
    kind = kind or detect_kind(rows)
    counts = {s: {"n": 0, "n_found": 0, "recalled": 0, "tp": 0, "fp": 0} for s in SPAN_SLOTS}
    events_n = found_n = 0
    for row in rows:
        events = [t for t in _tuples(row) if isinstance(t.get("action"), dict)]
        preds = predictions[row["id"]].tuples if row["id"] in predictions else ()
        pairs = dict(_pair_events(events, preds))
        events_n += len(events)
        found_n += len(pairs)
        for e, event in enumerate(events):
            pred = preds[pairs[e]] if e in pairs else None
            for s in SPAN_SLOTS:
                c = counts[s]
                has_gold = bool(_fillers(event.get(s)))
                hit = pred is not None and _argument_match(pred, event, s)
                if has_gold:
                    c["n"] += 1
                    c["n_found"] += pred is not None
                    c["recalled"] += hit
                if pred is not None and pred.get(s) is not None:
                    c["tp" if hit else "fp"] += 1
    predicted_n = sum(len(predictions[r["id"]].tuples) for r in rows if r["id"] in predictions)
    slots = {}
    for s, c in counts.items():
        slots[s] = {
            "n": c["n"],
            "recalled": c["recalled"],
            "recall": c["recalled"] / c["n"] if c["n"] else None,
            "n_found": c["n_found"],
            "recall_given_trigger": c["recalled"] / c["n_found"] if c["n_found"] else None,
            "tp": c["tp"],
            "fp": c["fp"],
            "precision": c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None,
        }
    trigger = {"found": found_n, "n": events_n, "recall": found_n / events_n if events_n else None}
    if kind == "wikievents":
        trigger.update(predicted=predicted_n, precision=found_n / predicted_n if predicted_n else None)
    return {
        "kind": kind,
        **_prediction_summary([r["id"] for r in rows], predictions),
        "events": events_n,
        "trigger": trigger,
        "slots": slots,
        "eligible": score_eligible(rows, predictions, kind=kind),
    }


# --- UCDP -------------------------------------------------------------------------------


def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name as UCDP writes it ("Russia (Soviet Union)")."""
    if not name:
        return None
    bare = _PARENTHETICAL.sub("", name).strip()
    alias = UCDP_COUNTRY_ALIASES.get(bare.casefold())
    if alias:
        return alias
    try:
        return pycountry.countries.lookup(bare).alpha_2
    except LookupError:
        return None


def strip_place_suffix(name: str | None) -> str:
    """A coded place name without parentheticals and trailing feature words
    ("Hryhorivka village (Telmanove Raion)" -> "Hryhorivka")."""
    if not name:
        return ""
    name = _PARENTHETICAL.sub("", name).strip()
    changed = True
    while changed:
        changed = False
        for suffix in PLACE_SUFFIXES:
            if name.casefold().endswith(" " + suffix):
                name = name[: -len(suffix)].rstrip(" ,")
                changed = True
    return name


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _coded(gold: Mapping[str, Any], slot: str, key: str = "value") -> Any:
    value = gold.get(slot)
    return value.get(key) if isinstance(value, dict) else None


def _same_code(a: Any, b: str | None) -> bool:
    return isinstance(a, str) and b is not None and a.strip().casefold() == b.casefold()


def _value_check(field: str, pred: Mapping[str, Any], coded: Any, *, lenient: bool) -> bool | None:
    if coded is None:
        return None
    return pred.get(field) is not None and value_match(field, pred[field], coded, lenient=lenient)


def ucdp_checks(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, bool | None]:
    """Which coded values of one UCDP gold tuple one predicted tuple agrees with.

    ``None`` when the gold tuple does not code that value.
    """
    location = gold.get("location") if isinstance(gold.get("location"), dict) else {}
    iso = country_code(location.get("country"))
    levels = {
        "place": strip_place_suffix(location.get("value")),
        "admin1": strip_place_suffix(location.get("admin1")),
        "country": location.get("country") or "",
    }
    texts = [t for t in (pred.get("location"), pred.get("location_name")) if isinstance(t, str)]
    place_hits = {
        level: (any(text_match(t, name, lenient=True) for t in texts) if name else None)
        for level, name in levels.items()
    }
    lat, lon = location.get("lat"), location.get("lon")
    plat, plon = pred.get("location_lat"), pred.get("location_lon")
    near = None
    if lat is not None and lon is not None:
        near = plat is not None and plon is not None and haversine_km(plat, plon, lat, lon) <= NEAR_KM
    deaths, day = _coded(gold, "quantity"), _coded(gold, "date")
    side_a = _GOVERNMENT_OF.match(_coded(gold, "actor") or "")
    actor_iso = country_code(side_a.group(1)) if side_a else None
    return {
        "country": None
        if iso is None
        else _same_code(pred.get("location_country"), iso) or _same_code(pred.get("actor_country"), iso),
        "place_text": None
        if all(v is None for v in place_hits.values())
        else any(bool(v) for v in place_hits.values()),
        "place_text_place": place_hits["place"],
        "place_text_admin1": place_hits["admin1"],
        "place_text_country": place_hits["country"],
        "place_50km": near,
        "count": _value_check("quantity_value", pred, deaths, lenient=False),
        "count_lenient": _value_check("quantity_value", pred, deaths, lenient=True),
        "date": _value_check("date_value", pred, day, lenient=False),
        "date_lenient": _value_check("date_value", pred, day, lenient=True),
        "actor_country": None if actor_iso is None else _same_code(pred.get("actor_country"), actor_iso),
    }


UCDP_MEASURES = (
    "country",
    "place_text",
    "place_text_place",
    "place_text_admin1",
    "place_text_country",
    "place_50km",
    "count",
    "count_lenient",
    "date",
    "date_lenient",
    "actor_country",
)
# The measures a best tuple is chosen by (the strict, non-overlapping ones).
BEST_TUPLE_KEYS = ("country", "place_text", "place_50km", "count", "date")


def _gold_codes(gold: Mapping[str, Any]) -> dict[str, bool]:
    """Which measures the gold tuple codes (a prediction-free run of ``ucdp_checks``)."""
    return {m: v is not None for m, v in ucdp_checks({}, gold).items()}


def score_ucdp(records: Iterable[Mapping[str, Any]], predictions: Mapping[str, Document]) -> dict[str, Any]:
    """Value-level agreement of predictions with UCDP coded events.

    ``any_tuple``: per measure, the share of coded events for which some predicted tuple of
    the record agrees. ``best_tuple``: per record the one predicted tuple agreeing on most of
    country, place text, place within 50 km, count and date (first on ties); the share of
    events where that tuple agrees, and ``all`` where it agrees at once on place (text or
    50 km), count and date. Events without predictions count as disagreeing.
    """
    rows = list(records)
    any_hits = {m: [0, 0] for m in UCDP_MEASURES}
    given = {m: [0, 0] for m in GIVEN_FIELDS}
    events = 0
    best_hits = {m: [0, 0] for m in (*BEST_TUPLE_KEYS, "all")}
    for row in rows:
        preds = predictions[row["id"]].tuples if row["id"] in predictions else ()
        for gold in _tuples(row):
            events += 1
            coded = _gold_codes(gold)
            checks = [ucdp_checks(p, gold) for p in preds]
            for m in UCDP_MEASURES:
                if coded[m]:
                    any_hits[m][1] += 1
                    any_hits[m][0] += any(c[m] for c in checks)
            best = max(checks, key=lambda c: sum(bool(c[k]) for k in BEST_TUPLE_KEYS), default=None)
            for m in BEST_TUPLE_KEYS:
                if coded[m]:
                    best_hits[m][1] += 1
                    best_hits[m][0] += bool(best and best[m])
            for m, fields in GIVEN_FIELDS.items():
                check = GIVEN_CHECK.get(m, m)
                if not coded.get(check):
                    continue
                if check == "place_50km" and not _names_coded_place(
                    row.get("text", ""), gold, admin1=m == "place_50km"
                ):
                    continue
                first = next((c for p, c in zip(preds, checks) if all(p.get(f) is not None for f in fields)), None)
                if first is not None:
                    given[m][1] += 1
                    given[m][0] += bool(first[check])
            best_hits["all"][1] += 1
            best_hits["all"][0] += bool(
                best and (best["place_text"] or best["place_50km"]) and best["count"] and best["date"]
            )
    return {
        "kind": "ucdp",
        **_prediction_summary([r["id"] for r in rows], predictions),
        "events": events,
        "any_tuple": {m: _share(*v) for m, v in any_hits.items()},
        "best_tuple": {m: _share(*v) for m, v in best_hits.items()},
        "given_prediction": {m: _share(*v) for m, v in given.items()},
        "notes": score_note_values(rows, predictions),
    }


# Accuracy of a normalized value where the extractor gives one: per event, the first tuple
# (in text order) that carries the fields is compared with the coded value. For place_50km
# only events whose text names the coded place or its admin1 count; for
# place_50km_named only those whose text names the coded place itself.
GIVEN_FIELDS = {
    "country": ("location_country",),
    "place_50km": ("location_lat", "location_lon"),
    "place_50km_named": ("location_lat", "location_lon"),
    "count": ("quantity_value",),
    "date": ("date_value",),
}
GIVEN_CHECK = {"place_50km_named": "place_50km"}


def _names_coded_place(text: str, gold: Mapping[str, Any], *, admin1: bool = True) -> bool:
    location = gold.get("location") if isinstance(gold.get("location"), dict) else {}
    names = [strip_place_suffix(location.get("value"))]
    if admin1:
        names.append(strip_place_suffix(location.get("admin1")))
    return any(name and text_match(text, name, lenient=True) for name in names)


# --- event notes: coded country, place, date, deaths ------------------------------------

# The values an event note codes, and the prediction fields that give each. A tuple gives
# deaths only when it is a casualty mention with a number (a count of shells is no toll).
NOTE_FIELDS = {
    "country": ("location_country",),
    "place_50km": ("location_lat", "location_lon"),
    "place_50km_named": ("location_lat", "location_lon"),
    "date": ("date_value",),
    "date_lenient": ("date_value",),
    "deaths": ("quantity_value",),
    "deaths_lenient": ("quantity_value",),
}


def _note_gives(pred: Mapping[str, Any], field: str) -> bool:
    if not all(pred.get(f) is not None for f in NOTE_FIELDS[field]):
        return False
    return not field.startswith("deaths") or pred.get("event_type") == "casualty"


def note_checks(pred: Mapping[str, Any], gold: Mapping[str, Any], text: str = "") -> dict[str, bool | None]:
    """Agreement of one predicted tuple with the values an event note codes; ``None`` where
    the note codes no such value (``place_50km_named``: also where ``text`` does not name
    the coded place itself)."""
    location = gold.get("location") if isinstance(gold.get("location"), dict) else {}
    iso = country_code(location.get("country")) if location.get("country") else None
    if iso is None and isinstance(location.get("country"), str) and len(location["country"]) == 2:
        iso = location["country"].upper()
    lat, lon = location.get("lat"), location.get("lon")
    near = None
    if lat is not None and lon is not None:
        plat, plon = pred.get("location_lat"), pred.get("location_lon")
        near = plat is not None and plon is not None and haversine_km(plat, plon, lat, lon) <= NEAR_KM
    named = near if near is not None and _names_coded_place(text, gold, admin1=False) else None
    deaths, day = _coded(gold, "quantity"), _coded(gold, "date")
    return {
        "country": None if iso is None else _same_code(pred.get("location_country"), iso),
        "place_50km": near,
        "place_50km_named": named,
        "date": _value_check("date_value", pred, day, lenient=False),
        "date_lenient": _value_check("date_value", pred, day, lenient=True),
        "deaths": _value_check("quantity_value", pred, deaths, lenient=False),
        "deaths_lenient": _value_check("quantity_value", pred, deaths, lenient=True),
    }


def score_note_values(records: Iterable[Mapping[str, Any]], predictions: Mapping[str, Document]) -> dict[str, Any]:
    """Value-level figures for event notes with coded country, place, date and deaths.

    Per coded value (events whose note codes it): ``coverage``, the share of events for
    which a predicted tuple of the record gives that value; ``accuracy``, among those,
    the share where the first such tuple in text order agrees with the coded one; and
    ``any_tuple``, the share of events where some predicted tuple agrees. Country: the
    location's ISO alpha-2 code; place: within 50 km of the coded point
    (``place_50km_named`` only over events whose text names the coded place itself);
    date: the coded day (lenient: inside the predicted interval); deaths: the coded count
    from a casualty tuple (lenient: inside a predicted range). Events of records without
    predictions count as not given.
    """
    coded = {f: 0 for f in NOTE_FIELDS}
    given = {f: 0 for f in NOTE_FIELDS}
    right = {f: 0 for f in NOTE_FIELDS}
    anywhere = {f: 0 for f in NOTE_FIELDS}
    events = 0
    for row in records:
        preds = predictions[row["id"]].tuples if row["id"] in predictions else ()
        text = row.get("text") or ""
        for gold in _tuples(row):
            events += 1
            want = note_checks({}, gold, text)
            checks = [note_checks(p, gold, text) for p in preds]
            for f in NOTE_FIELDS:
                if want[f] is None:
                    continue
                coded[f] += 1
                anywhere[f] += any(c[f] and _note_gives(p, f) for p, c in zip(preds, checks))
                first = next((c for p, c in zip(preds, checks) if _note_gives(p, f)), None)
                if first is not None:
                    given[f] += 1
                    right[f] += bool(first[f])
    return {
        "events": events,
        "values": {
            f: {
                "coded": coded[f],
                "coverage": _share(given[f], coded[f]),
                "accuracy": _share(right[f], given[f]),
                "any_tuple": _share(anywhere[f], coded[f]),
            }
            for f in NOTE_FIELDS
        },
    }


def score_notes(records: Iterable[Mapping[str, Any]], predictions: Mapping[str, Document]) -> dict[str, Any]:
    """The value-level report of event notes (``score_note_values``), any coded file."""
    rows = list(records)
    return {
        "kind": "notes",
        **_prediction_summary([r["id"] for r in rows], predictions),
        "events": sum(len(_tuples(r)) for r in rows),
        "notes": score_note_values(rows, predictions),
    }


def _format_notes(notes: Mapping[str, Any]) -> list[str]:
    out = [
        "coded values (coverage: events where a tuple gives the value; accuracy: the first such",
        "tuple agrees; any tuple: some tuple agrees; over the events that code the value):",
        f"{'value':<18} {'coverage':>18} {'accuracy':>18} {'any tuple':>18}",
    ]
    for f, v in notes["values"].items():
        cells = [f"{_pct(v[k]['share'])} ({v[k]['hits']}/{v[k]['n']})" for k in ("coverage", "accuracy", "any_tuple")]
        out.append(f"{f:<18} " + " ".join(f"{c:>18}" for c in cells))
    return out


# --- Giveme5W1H -------------------------------------------------------------------------

# Slot of the data's tuple -> Giveme5W1H question (for the text report).
GIVEME_QUESTIONS = {"actor": "who", "location": "where", "date": "when"}


def _coder_phrases(slot: Any, min_agreement: int) -> list[dict[str, Any]]:
    if not isinstance(slot, dict) or slot.get("text") is None:
        return []
    phrases = [slot] + [a for a in slot.get("also") or [] if isinstance(a, dict) and a.get("text")]
    if min_agreement <= 1:
        return phrases
    return [p for p in phrases if (p.get("agreement") or 0) >= min_agreement]


def giveme5w1h_main_event(row: Mapping[str, Any], *, min_agreement: int = 1) -> dict[str, Any] | None:
    """The coders' main event of a Giveme5W1H record as a gold ``main_event``.

    From the record's first tuple: per slot the phrases (the slot and its ``also``
    alternatives) marked by at least ``min_agreement`` of the three coders (their
    ``agreement`` count), as alternatives; ``date_value`` the ``normalized`` dates of the
    kept date phrases. ``None`` for a record without tuples.
    """
    tuples = _tuples(row)
    if not tuples:
        return None
    first = tuples[0]
    gold: dict[str, Any] = {}
    for slot in ("actor", "action", "location", "date"):
        gold[slot] = [p["text"] for p in _coder_phrases(first.get(slot), min_agreement)] or None
    dates = [p.get("normalized") for p in _coder_phrases(first.get("date"), min_agreement)]
    gold["date_value"] = [d for d in dates if isinstance(d, str)] or None
    return gold


def score_giveme5w1h(records: Iterable[Mapping[str, Any]], predictions: Mapping[str, Document]) -> dict[str, Any]:
    """Main-event accuracy of predictions on Giveme5W1H records (``evaluation.events``).

    Per article the predicted ``events[0]`` is compared (lenient, section 4) with the coders'
    who / where / when. ``main_event``: every phrase any coder marked is an accepted
    alternative (the headline figure); ``majority``: only phrases marked by at least two of
    the three coders, over the articles where such a phrase exists. Both carry the
    any-tuple fallback. ``articles``: per-article details (both gold versions).
    """
    from .events import compare_main_event, summarize_main_event

    rows = list(records)
    every, majority, articles = [], [], []
    for row in rows:
        gold = giveme5w1h_main_event(row)
        if gold is None:
            continue
        pred = predictions.get(row["id"])
        a = compare_main_event(row["id"], gold, pred)
        m = compare_main_event(row["id"], giveme5w1h_main_event(row, min_agreement=2), pred)
        every.append(a)
        majority.append(m)
        for slot, detail in a["slots"].items():
            detail["gold_majority"] = m["slots"][slot]["gold"]
            detail["hit_majority"] = m["slots"][slot]["hit"]
        articles.append({**a, "topic": _meta(row).get("topic")})
    return {
        "kind": "giveme5w1h",
        **_prediction_summary([r["id"] for r in rows], predictions),
        "events": len(every),
        "main_event": summarize_main_event(every),
        "majority": summarize_main_event(majority),
        "articles": articles,
    }


def _format_giveme5w1h(report: Mapping[str, Any]) -> list[str]:
    from .events import MAIN_SLOTS, format_main_event

    main, majority = report["main_event"], report["majority"]
    out = format_main_event(
        main,
        title=f"main event (events[0]) against the coders' who / where / when, lenient; "
        f"any coder's phrase accepted: {main['documents']} articles",
        labels={s: f"{q} ({s})" for s, q in GIVEME_QUESTIONS.items()},
    )
    cells = []
    for s in MAIN_SLOTS:
        share = majority["slots"][s]
        value = "-" if share["accuracy"] is None else f"{100 * share['accuracy']:.1f}%"
        cells.append(f"{GIVEME_QUESTIONS[s]} {value} ({share['hits']}/{share['n']})")
    out.append("only phrases marked by at least 2 of the 3 coders: " + ", ".join(cells))
    return out


# --- files and text ---------------------------------------------------------------------


def evaluate_outside_files(data_path: str | Path, pred_path: str | Path, *, kind: str | None = None) -> dict[str, Any]:
    """Score a prediction file on an outside-data file; the JSON report."""
    from .io import read_predictions

    dataset = load_outside(data_path, kind=kind)
    kind = kind or detect_kind(dataset)
    predictions = read_predictions(pred_path)
    if kind == "ucdp":
        report = score_ucdp(dataset, predictions)
    elif kind == "notes":
        report = score_notes(dataset, predictions)
    elif kind == "giveme5w1h":
        report = score_giveme5w1h(dataset, predictions)
    else:
        report = score_span_data(dataset, predictions, kind=kind)
    return {"data": str(data_path), "pred": str(pred_path), **report}


def _pct(value: float | None) -> str:
    return "     -" if value is None else f"{100 * value:5.1f}%"


def format_outside_report(report: Mapping[str, Any]) -> str:
    """A readable plain-text rendering of an outside-data report."""
    out = [
        f"{report['kind'].upper()} data: {report.get('data', '')}",
        f"Predictions: {report.get('pred', '')}",
        f"Records: {report['records']} ({report['records_with_predictions']} with predictions, "
        f"{report['predicted_tuples']} predicted tuples); gold events: {report['events']}",
    ]
    if report["unknown_prediction_ids"]:
        unknown = report["unknown_prediction_ids"]
        out.append(f"Predicted ids not in the data: {len(unknown)} (e.g. {', '.join(unknown[:5])})")
    out.append("")
    if report["kind"] == "giveme5w1h":
        return "\n".join(out + _format_giveme5w1h(report)) + "\n"
    if report["kind"] == "notes":
        return "\n".join(out + _format_notes(report["notes"])) + "\n"
    if report["kind"] == "ucdp":
        out.append(f"{'measure':<22} {'any tuple':>18} {'best tuple':>18}")
        for m in UCDP_MEASURES + ("all",):
            cells = []
            for group in ("any_tuple", "best_tuple"):
                s = report[group].get(m)
                cells.append(f"{_pct(s['share'])} ({s['hits']}/{s['n']})" if s else "")
            out.append(f"{m:<22} {cells[0]:>18} {cells[1]:>18}")
        out.append("")
        out.append("accuracy where the extractor gives the value (first such tuple per event;")
        out.append("place_50km only for events whose text names the coded place or admin1,")
        out.append("place_50km_named only for those whose text names the coded place itself):")
        for m, v in report.get("given_prediction", {}).items():
            out.append(f"{m:<22} {_pct(v['share'])} ({v['hits']}/{v['n']})")
        if report.get("notes"):
            out.append("")
            out += _format_notes(report["notes"])
        return "\n".join(out) + "\n"
    t = report["trigger"]
    out.append(f"trigger recall: {_pct(t['recall'])} ({t['found']}/{t['n']})")
    if "precision" in t:
        out.append(f"trigger precision: {_pct(t['precision'])} ({t['found']}/{t['predicted']} predicted tuples paired)")
    out.append(f"{'slot':<10} {'recall':<20} {'recall|trigger':<20} {'precision':<20}")
    for s, c in report["slots"].items():
        cells = (
            f"{_pct(c['recall'])} ({c['recalled']}/{c['n']})",
            f"{_pct(c['recall_given_trigger'])} ({c['recalled']}/{c['n_found']})",
            f"{_pct(c['precision'])} ({c['tp']}/{c['tp'] + c['fp']})",
        )
        out.append(f"{s:<10} " + " ".join(f"{cell:<20}" for cell in cells).rstrip())
    if report.get("eligible"):
        out += _format_eligible(report["eligible"])
    return "\n".join(out) + "\n"


def _subset_line(label: str, figures: Mapping[str, Any], *, empty_slots: bool = True) -> str:
    """One line of a subset of the eligible figures: its events, trigger recall and slot
    recalls (``empty_slots=False`` leaves out the slots no event of the subset gives)."""
    t = figures["trigger"]
    slots = ", ".join(
        f"{s} {_pct(c['recall']).strip()} ({c['recalled']}/{c['n']})"
        for s, c in figures["slots"].items() if empty_slots or c["n"]
    )
    return f"{label}: {figures['n']} events, trigger recall {_pct(t['recall']).strip()} ({t['found']}/{t['n']}); {slots}"


def _format_eligible(e: Mapping[str, Any]) -> list[str]:
    n = e["not_eligible"]
    out = [
        "",
        f"eligible events (the guide's: not reporting/cognition/aspect, not a question; actor and a "
        f"location, date or quantity in the trigger's sentence; sentences by {e['sentences']}): "
        f"{e['n']} of {e['events']}",
        f"  left out: reporting {n['reporting']}, cognition {n['cognition']}, aspect {n['aspect']}, "
        f"question {n['question']}; "
        f"no actor {n['no_actor']}, actor outside the sentence {n['actor_outside_sentence']}; "
        f"no location/date/quantity {n['no_place_date_quantity']}, "
        f"outside the sentence {n['place_date_quantity_outside_sentence']}",
        f"eligible trigger recall: {_pct(e['trigger']['recall'])} ({e['trigger']['found']}/{e['trigger']['n']})",
        f"{'slot':<10} {'recall':<20} {'recall|trigger':<20}",
    ]
    for s, c in e["slots"].items():
        cells = (
            f"{_pct(c['recall'])} ({c['recalled']}/{c['n']})",
            f"{_pct(c['recall_given_trigger'])} ({c['recalled']}/{c['n_found']})",
        )
        out.append(f"{s:<10} " + " ".join(f"{cell:<20}" for cell in cells).rstrip())
    f = e.get("phrase_fillers")
    if f is not None:
        out.append(_subset_line(
            "with a phrase filler (a location/date/quantity filler in the sentence with a noun or number, "
            "not only particles, pronouns or adverbs such as 'out', 'itself', 'then')", f, empty_slots=False,
        ))
    out.append(_subset_line("without the actor condition (guide v2 admits agentless events)", e["any_actor"]))
    return out
