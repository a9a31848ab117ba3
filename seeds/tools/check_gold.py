"""Check seeds/gold.jsonl (annotation guide version 2) against the seed articles and the guide.

Tuples: every non-null text slot alternative (actor, quantity, location, date, source,
evidence) must be a substring of its article, allowing only a line break inside a word and
non-breaking spaces to differ; values must be in the guide's forms; an actor null (or a null
actor alternative) comes with null actor_name / actor_country. Offsets: ``article[start:end]``
must equal the first alternative of actor, quantity, location, date and evidence, and
``action_text`` for the action; a slot whose first alternative is null has no offsets.
Events (section 5): ``mentions`` are valid indices that together cover every tuple once;
``from`` names, for each filled slot and only those, one of the mentions, and the slot, its
normalized fields and offsets equal that mention's; exactly one event has ``main: true`` and
it comes first, the others follow by first mention. ``main_event`` is present, its text
alternatives are in the article, its offsets are right and its first alternatives are the
main event's. The evaluation reader must accept the file.

Prints problems and exits 1 when there are any.
Run: .venv/bin/python seeds/tools/check_gold.py [GOLD]   (default seeds/gold.jsonl)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import pycountry

SEEDS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SEEDS.parent))

from evaluation.io import read_gold  # noqa: E402
from evaluation.errors import EvaluationError  # noqa: E402
from evaluation.match import parse_date_value, parse_quantity_value  # noqa: E402

SLOTS = ("actor", "action", "quantity", "location", "date")
TEXT_SLOTS = ("actor", "quantity", "location", "date", "source", "evidence")
SPAN_SLOTS = ("actor", "quantity", "location", "date")  # offsets of their first alternative
MODALITIES = {"asserted", "reported", "planned", "negated"}
EVENT_TYPES = {"deploy", "supply", "pay", "casualty", "agree", "combat", "train", "reconstruct", "other"}
BASE_FIELDS = {
    "actor", "action", "quantity", "location", "date", "quantity_value", "quantity_unit",
    "date_value", "modality", "source", "event_type", "actor_name", "actor_country",
    "location_name", "location_country", "evidence",
}
ALWAYS_V2 = {"action_text", "action_start", "action_end", "evidence_start", "evidence_end"}
SPAN_KEYS = {f"{s}_{e}" for s in SPAN_SLOTS for e in ("start", "end")}
EVENT_KEYS = {"mentions", "from", "main"}
# The fields an event copies from the mention named in ``from`` for each slot.
FOLLOW = {
    "actor": ("actor", "actor_start", "actor_end", "actor_name", "actor_country"),
    "action": ("action", "action_text", "action_start", "action_end", "modality", "source",
               "event_type", "evidence", "evidence_start", "evidence_end"),
    "quantity": ("quantity", "quantity_start", "quantity_end", "quantity_value", "quantity_unit"),
    "location": ("location", "location_start", "location_end", "location_name", "location_country"),
    "date": ("date", "date_start", "date_end", "date_value"),
}


def alts(value):
    return value if isinstance(value, list) else [value]


def first_text(value):
    """The first alternative of a slot if it is a string, else None."""
    first = alts(value)[0] if alts(value) else None
    return first if isinstance(first, str) else None


def filled(value) -> bool:
    return any(a is not None for a in alts(value))


def loose(text: str) -> str:
    """The article or slot text with NBSP as space and an in-word line break removed."""
    return re.sub(r"(?<=\w)\n(?=\w)", "", text.replace("\u00a0", " "))


def is_offset(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.spans = 0

    def problem(self, text: str) -> None:
        self.problems.append(text)

    # -- pieces shared by tuples, events and main_event ------------------------------------
    def substrings(self, obj: dict, where: str, article: str) -> None:
        for slot in TEXT_SLOTS:
            for alt in alts(obj.get(slot)):
                if alt is None:
                    continue
                if not isinstance(alt, str):
                    self.problem(f"{where} {slot}: not a string: {alt!r}")
                elif alt in article:
                    continue
                elif loose(alt) in loose(article):
                    print(f"note {where} {slot}: matches only modulo NBSP/line break: {alt!r}")
                else:
                    self.problem(f"{where} {slot}: not in article: {alt!r}")

    def span(self, obj: dict, where: str, article: str, slot: str, text, *, required: bool) -> None:
        """``article[start:end] == text`` where the offsets are given; offsets must be given
        when ``required`` and text is a string, and absent when text is None."""
        start, end = obj.get(f"{slot}_start"), obj.get(f"{slot}_end")
        if start is None and end is None:
            if text is not None and required:
                self.problem(f"{where} {slot}: no offsets for {text!r}")
            return
        if text is None:
            self.problem(f"{where} {slot}: offsets {start}:{end} but no text (first alternative null)")
            return
        if not (is_offset(start) and is_offset(end) and 0 <= start <= end <= len(article)):
            self.problem(f"{where} {slot}: bad offsets {start!r}:{end!r}")
            return
        self.spans += 1
        if article[start:end] != text:
            self.problem(f"{where} {slot}: article[{start}:{end}] = {article[start:end]!r} != {text!r}")

    def spans_of(self, obj: dict, where: str, article: str, *, required: bool,
                 action_text: bool) -> None:
        """Offsets of the span slots and evidence (``required``: must be given for a string
        first alternative) and of ``action_text`` (``action_text``: must be given)."""
        for slot in SPAN_SLOTS + ("evidence",):
            if slot in obj:
                self.span(obj, where, article, slot, first_text(obj[slot]), required=required)
        if "action_text" in obj or action_text:
            text = obj.get("action_text")
            if not (isinstance(text, str) and text):
                self.problem(f"{where}: action_text {text!r} is not a non-empty string")
                return
            self.span(obj, where, article, "action", text, required=True)

    def forms(self, tup: dict, where: str) -> None:
        for action in alts(tup["action"]):
            if not isinstance(action, str) or not action or action != action.lower():
                self.problem(f"{where}: action {action!r} is not a lower-case base form")
        for m in alts(tup["modality"]):
            if m not in MODALITIES:
                self.problem(f"{where}: modality {m!r}")
        for e in alts(tup["event_type"]):
            if e not in EVENT_TYPES:
                self.problem(f"{where}: event_type {e!r}")
        for key in ("actor_country", "location_country"):
            for code in alts(tup[key]):
                if code is not None and pycountry.countries.get(alpha_2=code) is None:
                    self.problem(f"{where}: {key} {code!r} is not ISO alpha-2")
        try:
            parse_quantity_value(tup["quantity_value"])
            parse_date_value(tup["date_value"])
        except ValueError as exc:
            self.problem(f"{where}: value {exc}")
        if (tup["quantity_value"] is None) != (tup["quantity_unit"] is None):
            self.problem(f"{where}: quantity_value and quantity_unit must be given together")
        if tup["quantity"] is None and tup["quantity_value"] is not None:
            self.problem(f"{where}: quantity_value without quantity")
        if tup["location_name"] is not None and tup["location"] is None:
            self.problem(f"{where}: location_name without location")
        # guide v2 rule 2: an agentless event has actor null, and so has its canonical actor
        if None in alts(tup["actor"]):
            for key in ("actor_name", "actor_country"):
                if None not in alts(tup[key]):
                    self.problem(f"{where}: actor may be null but {key} {tup[key]!r} does not allow null")

    # -- the three kinds of object -----------------------------------------------------------
    def tuple_(self, tup: dict, where: str, article: str) -> None:
        keys = set(tup)
        expected = BASE_FIELDS | ALWAYS_V2 | {
            f"{s}_{e}" for s in SPAN_SLOTS if first_text(tup.get(s)) is not None for e in ("start", "end")}
        missing, extra = sorted(expected - keys), sorted(keys - expected)
        if missing or extra:
            self.problem(f"{where}: fields missing {missing} extra {extra}")
        if not BASE_FIELDS <= keys:
            return
        self.substrings(tup, where, article)
        self.spans_of(tup, where, article, required=True, action_text=True)
        self.forms(tup, where)
        if not any(filled(tup[s]) for s in ("quantity", "location", "date")):
            self.problem(f"{where}: none of quantity/location/date (guide 1.3)")

    def events(self, doc: dict, doc_id: str, article: str) -> None:
        tuples, events = doc["tuples"], doc.get("events")
        if not isinstance(events, list) or (tuples and not events):
            self.problem(f"{doc_id}: events missing or empty")
            return
        seen: list[int] = []
        for k, ev in enumerate(events):
            where = f"{doc_id} event {k}"
            if not isinstance(ev, dict):
                self.problem(f"{where}: not an object")
                continue
            allowed = BASE_FIELDS | ALWAYS_V2 | SPAN_KEYS | EVENT_KEYS
            if sorted(set(ev) - allowed) or sorted((BASE_FIELDS | EVENT_KEYS) - set(ev)):
                self.problem(f"{where}: fields missing {sorted((BASE_FIELDS | EVENT_KEYS) - set(ev))} "
                             f"extra {sorted(set(ev) - allowed)}")
                continue
            mentions, frm = ev["mentions"], ev["from"]
            if not (isinstance(mentions, list) and mentions
                    and all(is_offset(i) and 0 <= i < len(tuples) for i in mentions)):
                self.problem(f"{where}: mentions {mentions!r} are not valid indices into {len(tuples)} tuples")
                continue
            seen += mentions
            if not isinstance(ev["main"], bool):
                self.problem(f"{where}: main {ev['main']!r} is not true/false")
            if not isinstance(frm, dict) or set(frm) - set(SLOTS):
                self.problem(f"{where}: from {frm!r} is not an object keyed by slot")
                continue
            self.substrings(ev, where, article)
            self.spans_of(ev, where, article, required=False, action_text=False)
            for slot in SLOTS:
                if filled(ev[slot]) != (slot in frm):
                    self.problem(f"{where}: slot {slot} filled={filled(ev[slot])} but from={frm}")
                if slot not in frm:
                    continue
                m = frm[slot]
                if m not in mentions:
                    self.problem(f"{where}: from {slot}={m!r} is not among mentions {mentions}")
                    continue
                for key in FOLLOW[slot]:
                    if ev.get(key) != tuples[m].get(key):
                        self.problem(f"{where}: {key} {ev.get(key)!r} differs from mention {m} "
                                     f"({tuples[m].get(key)!r})")
        if sorted(seen) != list(range(len(tuples))):
            self.problem(f"{doc_id}: mentions do not cover every tuple exactly once: {sorted(seen)}")
        mains = [k for k, ev in enumerate(events) if isinstance(ev, dict) and ev.get("main") is True]
        if mains != [0]:
            self.problem(f"{doc_id}: main: true must be on exactly one event, the first (found on {mains})")
        firsts = [min(ev["mentions"]) for ev in events[1:]
                  if isinstance(ev, dict) and isinstance(ev.get("mentions"), list) and ev["mentions"]]
        if firsts != sorted(firsts):
            self.problem(f"{doc_id}: events after the main one are not ordered by first mention: {firsts}")

    def main_event(self, doc: dict, doc_id: str, article: str) -> None:
        where = f"{doc_id} main_event"
        me = doc.get("main_event")
        if not isinstance(me, dict):
            self.problem(f"{where}: missing")
            return
        missing = [s for s in SLOTS if s not in me]
        if missing:
            self.problem(f"{where}: slots missing {missing}")
            return
        self.substrings(me, where, article)
        self.spans_of(me, where, article, required=True, action_text=False)
        try:
            parse_quantity_value(me.get("quantity_value"))
            parse_date_value(me.get("date_value"))
        except ValueError as exc:
            self.problem(f"{where}: value {exc}")
        events = doc.get("events") or []
        main = events[0] if events and isinstance(events[0], dict) else None
        if main is None:
            return
        for slot in SLOTS:
            if slot == "action":
                ok = alts(me["action"])[0] == alts(main["action"])[0]
            else:
                ok = first_text(me[slot]) == first_text(main.get(slot))
            if not ok:
                self.problem(f"{where}: {slot} {me[slot]!r} does not start with the main event's "
                             f"{main.get(slot)!r}")
        if not filled(me["actor"]) and filled(main.get("actor")):
            self.problem(f"{where}: actor empty")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check a version-2 seeds gold file.")
    parser.add_argument("gold", nargs="?", type=Path, default=SEEDS / "gold.jsonl")
    args = parser.parse_args(argv)
    check = Checker()
    manifest = [json.loads(l) for l in (SEEDS / "manifest.jsonl").read_text("utf-8").splitlines() if l.strip()]
    published = {m["doc_id"]: m["published"] for m in manifest}
    try:
        read_gold(args.gold)  # raises on anything the scorer would reject
    except EvaluationError as exc:
        check.problem(f"evaluation reader rejects the file: {exc}")
    seen_docs = []
    for number, raw in enumerate(args.gold.read_text("utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        doc = json.loads(raw)
        doc_id = doc.get("doc_id")
        seen_docs.append(doc_id)
        article_path = SEEDS / f"{doc_id}.txt"
        if not article_path.exists():
            check.problem(f"line {number}: no article {article_path.name}")
            continue
        article = article_path.read_text("utf-8")
        if doc.get("published") != published.get(doc_id):
            check.problem(f"{doc_id}: published differs from manifest")
        extra = sorted(set(doc) - {"doc_id", "published", "tuples", "events", "main_event"})
        if extra:
            check.problem(f"{doc_id}: unknown keys {extra}")
        for i, tup in enumerate(doc.get("tuples") or []):
            check.tuple_(tup, f"{doc_id} #{i}", article)
        check.events(doc, doc_id, article)
        check.main_event(doc, doc_id, article)
    if sorted(seen_docs) != sorted(published):
        check.problem(f"documents {seen_docs} differ from the manifest's {sorted(published)}")
    for p in check.problems:
        print("PROBLEM", p)
    print(f"{check.spans} spans checked; {len(check.problems)} problems")
    return 1 if check.problems else 0


if __name__ == "__main__":
    sys.exit(main())
