"""Check seeds/gold.jsonl against the seed articles and the guide's allowed forms.

Every non-null text slot alternative (actor, quantity, location, date, source, evidence)
must be a substring of its article, allowing only a line break inside a word and
non-breaking spaces to differ. Values must be in the guide's forms. Prints problems and
exits 1 when there are any. Run: .venv/bin/python seeds/tools/check_gold.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pycountry

SEEDS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SEEDS.parent))

from evaluation.io import read_gold  # noqa: E402
from evaluation.match import parse_date_value, parse_quantity_value  # noqa: E402

TEXT_SLOTS = ("actor", "quantity", "location", "date", "source", "evidence")
MODALITIES = {"asserted", "reported", "planned", "negated"}
EVENT_TYPES = {"deploy", "supply", "pay", "casualty", "agree", "combat", "train", "reconstruct", "other"}
FIELDS = {
    "actor", "action", "quantity", "location", "date", "quantity_value", "quantity_unit",
    "date_value", "modality", "source", "event_type", "actor_name", "actor_country",
    "location_name", "location_country", "evidence",
}


def alts(value):
    return value if isinstance(value, list) else [value]


def loose(text: str) -> str:
    """The article or slot text with NBSP as space and an in-word line break removed."""
    return re.sub(r"(?<=\w)\n(?=\w)", "", text.replace("\u00a0", " "))


def main() -> int:
    problems: list[str] = []
    manifest = [json.loads(l) for l in (SEEDS / "manifest.jsonl").read_text("utf-8").splitlines() if l.strip()]
    published = {m["doc_id"]: m["published"] for m in manifest}
    read_gold(SEEDS / "gold.jsonl")  # raises on anything the scorer would reject
    for raw in (SEEDS / "gold.jsonl").read_text("utf-8").splitlines():
        doc = json.loads(raw)
        doc_id = doc["doc_id"]
        article = (SEEDS / f"{doc_id}.txt").read_text("utf-8")
        if doc.get("published") != published.get(doc_id):
            problems.append(f"{doc_id}: published differs from manifest")
        for i, tup in enumerate(doc["tuples"], 1):
            where = f"{doc_id} #{i}"
            if set(tup) != FIELDS:
                problems.append(f"{where}: fields {sorted(set(tup) ^ FIELDS)}")
            for slot in TEXT_SLOTS:
                for alt in alts(tup[slot]):
                    if alt is None:
                        continue
                    if alt in article:
                        continue
                    if loose(alt) in loose(article):
                        print(f"note {where} {slot}: matches only modulo NBSP/line break: {alt!r}")
                        continue
                    problems.append(f"{where} {slot}: not in article: {alt!r}")
            for action in alts(tup["action"]):
                if not action or action != action.lower():
                    problems.append(f"{where}: action {action!r} is not a lower-case base form")
            for m in alts(tup["modality"]):
                if m not in MODALITIES:
                    problems.append(f"{where}: modality {m!r}")
            for e in alts(tup["event_type"]):
                if e not in EVENT_TYPES:
                    problems.append(f"{where}: event_type {e!r}")
            for key in ("actor_country", "location_country"):
                for code in alts(tup[key]):
                    if code is not None and pycountry.countries.get(alpha_2=code) is None:
                        problems.append(f"{where}: {key} {code!r} is not ISO alpha-2")
            try:
                parse_quantity_value(tup["quantity_value"])
                parse_date_value(tup["date_value"])
            except ValueError as exc:
                problems.append(f"{where}: value {exc}")
            if (tup["quantity_value"] is None) != (tup["quantity_unit"] is None):
                problems.append(f"{where}: quantity_value and quantity_unit must be given together")
            if tup["quantity"] is None and tup["quantity_value"] is not None:
                problems.append(f"{where}: quantity_value without quantity")
            if tup["location_name"] is not None and tup["location"] is None:
                problems.append(f"{where}: location_name without location")
            if all(a is None for a in alts(tup["quantity"]) + alts(tup["location"]) + alts(tup["date"])):
                problems.append(f"{where}: none of quantity/location/date (guide 1.3)")
    for p in problems:
        print("PROBLEM", p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
