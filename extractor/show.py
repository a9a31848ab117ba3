"""An HTML page for checking extractions by eye: each article with its tuples' slots highlighted.

Every slot of every tuple is drawn with displaCy's span renderer and labelled with its slot
name, the linker rule that filled it (when the tuple names one) and its tuple number (a link
to the tuple's row). Below the text, a table lists the tuples with their slots (each with its
rule), normalized values, modality, source and confidence, and, when the predictions carry
document-level events (guide section 5), the event each tuple was merged into; a second table
groups the mentions by event: one row per event (the main event first, marked), its mentions
(links to their rows), its slots each with where it came from (a mention, or the headline,
dateline, lead or publication date) and its confidence. With a gold file,
gold and predicted stand side by side, paired as the scorer pairs them
(``evaluation.scorer.pair_tuples``), and every wrong slot, wrong value, spurious and
missing tuple is marked in red.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .errors import ExtractorError

SLOT_NAMES = ("actor", "action", "quantity", "location", "date")
SLOT_COLORS = {
    "actor": "#ffb3ba",
    "action": "#ffdf80",
    "quantity": "#a6d8ff",
    "location": "#b5f5c4",
    "date": "#dcc6ff",
}
BAD_COLOR = "#ff6161"
BAD_MARK = " \u2717"  # the label suffix of a wrong slot
RULE_MARK = " \u00b7 "  # between a slot name and its rule in a label

# displaCy's span-start template with class names added, so the labels can be found
# (tests count them); the markup is otherwise spaCy's own.
_START_TEMPLATE = """
<span class="ex-slot-bar" style="background: {bg}; top: {top_offset}px; height: 4px; border-top-left-radius: 3px; border-bottom-left-radius: 3px; left: -1px; width: calc(100% + 2px); position: absolute;">
    <span class="ex-slot" style="background: {bg}; z-index: 10; color: #000; top: -0.5em; padding: 2px 3px; position: absolute; font-size: 0.6em; font-weight: bold; line-height: 1; border-radius: 3px">
        {label}{kb_link}
    </span>
</span>
"""

_CSS = """
body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; margin: 1.5rem 2rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; border-top: 2px solid #ddd; padding-top: 1rem; }
h3 { font-size: 1rem; margin: 0.5rem 0; }
table { border-collapse: collapse; font-size: 0.8rem; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: 2px 5px; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
td.ex-bad { background: #ffd6d6; }
tr.ex-fp td:first-child, tr.ex-fn td:first-child { background: #ff9e9e; }
tr.ex-main td:first-child { font-weight: bold; background: #fff3c4; }
.ex-side { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.ex-side > div { min-width: 0; }
.ex-scroll { overflow-x: auto; }
.ex-text { border: 1px solid #e4e4e4; border-radius: 4px; padding: 0.2rem 0.8rem; background: #fcfcfc; }
.ex-text .spans { margin: 0; }
.ex-gap { height: 0.8rem; }
.ex-error { color: #a00000; font-weight: bold; }
.ex-legend span { display: inline-block; padding: 1px 6px; margin-right: 4px; border-radius: 3px; font-size: 0.8rem; }
.ex-note { color: #666; font-size: 0.85rem; }
.ex-rule { color: #666; font-size: 0.7rem; white-space: nowrap; }
"""


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch of the text: a slot of tuple ``number`` (1-based), with the
    name of the rule that filled it when known."""

    start: int
    end: int
    slot: str
    number: int
    anchor: str
    bad: bool = False
    rule: str | None = None

    @property
    def label(self) -> str:
        """The slot name, its rule and the wrong-slot mark: "actor \u00b7 passive_agent \u2717"."""
        return self.slot + (RULE_MARK + self.rule if self.rule else "") + (BAD_MARK if self.bad else "")


@dataclass(frozen=True)
class Judgement:
    """How one document's predicted and gold tuples pair up, and what is wrong."""

    pred_status: tuple[str, ...]
    gold_status: tuple[str, ...]
    pred_bad: tuple[frozenset[str], ...]
    gold_bad: tuple[frozenset[str], ...]
    counts: Mapping[str, int]


# --- public --------------------------------------------------------------------------------


def build_report(
    paths: str | Path | Sequence[str | Path],
    *,
    gold: str | Path | None = None,
    extractor: Any = None,
    predictions: str | Path | None = None,
    manifest: str | Path | None = None,
    lenient: bool = True,
    title: str | None = None,
    batch_size: int = 32,
) -> str:
    """A self-contained HTML page of the articles under ``paths`` and their tuples.

    Tuples come from ``predictions`` (JSON Lines as ``extractor run`` writes them) when
    given, else from ``extractor`` (default ``extractor.load()``). Publication dates come
    from ``manifest`` (default ``FOLDER/manifest.jsonl``). With ``gold``, gold tuples are
    shown beside the predicted ones and errors are marked, pairing in lenient mode unless
    ``lenient`` is false.
    """
    from .io import iter_inputs, read_manifest

    sources = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    items = []
    for source in sources:
        entries: dict[str, dict[str, Any]] = {}
        found = manifest
        if found is None and source.is_dir() and (source / "manifest.jsonl").exists():
            found = source / "manifest.jsonl"
        if found is not None:
            entries, _ = read_manifest(found)
        items.extend(iter_inputs(source, manifest=entries))
    readable = [i for i in items if i.error is None and (i.text or "").strip()]
    if predictions is not None:
        predicted = _read_predictions(predictions)
    else:
        predicted = _extract(readable, extractor, batch_size=batch_size)
    gold_docs = _read_gold(gold) if gold is not None else None

    sections, rows = [], []
    for item in items:
        anchor = "doc-" + _anchor(item.doc_id)
        if item.error is not None or not (item.text or "").strip():
            problem = item.error or str(ExtractorError("E007", doc_id=item.doc_id))
            sections.append(_error_section(item.doc_id, anchor, problem))
            rows.append(_summary_row(item.doc_id, anchor, None, None, None, problem))
            continue
        found = predicted.get(item.doc_id)
        problem = None
        if found is None:
            problem = "no line for this document in the predictions"
            pred_tuples: list[dict[str, Any]] = []
        elif found.get("error"):
            problem = found["error"]
            pred_tuples = []
        else:
            pred_tuples = list(found.get("tuples") or [])
        pred_events = None if found is None or found.get("error") else found.get("events")
        published = (found or {}).get("published") or item.meta.get("published")
        gold_tuples = None
        if gold_docs is not None:
            gold_tuples = list(gold_docs[item.doc_id].tuples) if item.doc_id in gold_docs else []
        section, judgement, n_marks = render_article(
            item.doc_id,
            item.text or "",
            pred_tuples,
            gold_tuples=gold_tuples,
            published=published,
            lenient=lenient,
            problem=problem,
            gold_missing=gold_docs is not None and item.doc_id not in gold_docs,
            events=pred_events,
        )
        sections.append(section)
        rows.append(_summary_row(item.doc_id, anchor, published, (len(pred_tuples), n_marks), judgement, problem))
    return _page(title or "Extracted events", rows, sections, sources=sources, gold=gold, lenient=lenient)


def render_article(
    doc_id: str,
    text: str,
    tuples: Sequence[Mapping[str, Any]],
    *,
    gold_tuples: Sequence[Mapping[str, Any]] | None = None,
    published: str | None = None,
    lenient: bool = True,
    problem: str | None = None,
    gold_missing: bool = False,
    events: Sequence[Mapping[str, Any]] | None = None,
) -> tuple[str, Judgement | None, int]:
    """One article's HTML section, how its tuples were judged against gold, and its number
    of highlighted predicted slots.

    ``tuples`` are JSON-form tuples (``EventTuple.to_dict``) with raw offsets into ``text``;
    ``gold_tuples`` are the guide's gold tuples (slot strings, possibly alternatives);
    ``events`` the line's document-level events (``DocumentEvent.to_dict``), shown as a table
    grouping the mentions by event, ``None`` when the line has none.
    """
    anchor = "doc-" + _anchor(doc_id)
    judgement = judge(tuples, gold_tuples, lenient=lenient) if gold_tuples is not None else None
    pred_bad = judgement.pred_bad if judgement else tuple(frozenset() for _ in tuples)
    marks = pred_marks(text, tuples, anchor=anchor + "-p", bad=pred_bad)
    head = f'<h2 id="{anchor}">{_e(doc_id)}</h2>'
    meta = f'<p class="ex-note">published {_e(published or "unknown")} \u00b7 {len(tuples)} predicted tuples, {len(marks)} highlighted slots'
    if gold_tuples is not None:
        meta += f" \u00b7 {len(gold_tuples)} gold tuples"
        if gold_missing:
            meta += " (not in the gold file)"
    if events:
        meta += f" \u00b7 {len(events)} events"
    meta += "</p>"
    if problem:
        meta += f'<p class="ex-error">{_e(problem)}</p>'
    pred_block = (
        '<div class="ex-pred"><h3>Predicted</h3>'
        f'<div class="ex-text">{render_text(text, marks)}</div>'
        f'<div class="ex-scroll">{_tuple_table(tuples, anchor=anchor + "-p", judgement=judgement, side="pred", events=events, event_anchor=anchor + "-e")}</div>'
        f"{_event_table(events, anchor=anchor, n_tuples=len(tuples)) if events else ''}</div>"
    )
    if gold_tuples is None:
        return f'<section class="ex-doc">{head}{meta}{pred_block}</section>', None, len(marks)
    gold_marks = gold_marks_of(text, gold_tuples, anchor=anchor + "-g", bad=judgement.gold_bad if judgement else None)
    gold_block = (
        '<div class="ex-gold"><h3>Gold</h3>'
        f'<div class="ex-text">{render_text(text, gold_marks)}</div>'
        f'<div class="ex-scroll">{_tuple_table(gold_tuples, anchor=anchor + "-g", judgement=judgement, side="gold")}</div></div>'
    )
    return (
        f'<section class="ex-doc">{head}{meta}<div class="ex-side">{pred_block}{gold_block}</div></section>',
        judgement,
        len(marks),
    )


def judge(
    preds: Sequence[Mapping[str, Any]], golds: Sequence[Mapping[str, Any]], *, lenient: bool = True
) -> Judgement:
    """Pair predicted with gold tuples as the scorer does and name what is wrong with each."""
    from evaluation.match import accepts_null, field_match, gives, slot_match
    from evaluation.scorer import OPTIONAL_FIELDS, pair_tuples

    preds = [dict(p) for p in preds]
    golds = [dict(g) for g in golds]
    pairs = pair_tuples(preds, golds, lenient=lenient)
    pred_status = ["FP: no gold tuple with this action" for _ in preds]
    gold_status = ["FN: not found" for _ in golds]
    pred_bad: list[frozenset[str]] = [frozenset(s for s in SLOT_NAMES if p.get(s) is not None) for p in preds]
    gold_bad: list[frozenset[str]] = [frozenset(s for s in SLOT_NAMES if not accepts_null(g.get(s))) for g in golds]
    counts = {"ok": 0, "mismatch": 0, "fields": 0, "fp": len(preds) - len(pairs), "fn": len(golds) - len(pairs)}
    for i, j in pairs:
        p, g = preds[i], golds[j]
        slots = [s for s in SLOT_NAMES if not slot_match(s, p, g, lenient=lenient)]
        fields = [f for f in OPTIONAL_FIELDS if gives(g.get(f)) and not field_match(f, p.get(f), g.get(f), lenient=lenient)]
        bad = frozenset(slots + fields)
        pred_bad[i] = gold_bad[j] = bad
        if slots:
            kind, text = "mismatch", "wrong " + ", ".join(slots + fields)
        elif fields:
            kind, text = "fields", "wrong " + ", ".join(fields)
        else:
            kind, text = "ok", "correct"
        counts[kind] += 1
        pred_status[i] = f"{text} (gold G{j + 1})"
        gold_status[j] = f"{text} (predicted P{i + 1})"
    return Judgement(tuple(pred_status), tuple(gold_status), tuple(pred_bad), tuple(gold_bad), counts)


def pred_marks(
    text: str, tuples: Sequence[Mapping[str, Any]], *, anchor: str = "t", bad: Sequence[frozenset[str]] | None = None
) -> list[Mark]:
    """The highlights of predicted tuples: every slot whose offsets fit ``text``."""
    marks = []
    for n, t in enumerate(tuples, 1):
        wrong = bad[n - 1] if bad is not None else frozenset()
        rules = t.get("rules") or {}
        for slot in SLOT_NAMES:
            span = _offsets(text, t, slot)
            if span is not None:
                marks.append(Mark(span[0], span[1], slot, n, f"{anchor}{n}", slot in wrong, rules.get(slot)))
    return marks


def gold_marks_of(
    text: str, tuples: Sequence[Mapping[str, Any]], *, anchor: str = "g", bad: Sequence[frozenset[str]] | None = None
) -> list[Mark]:
    """The highlights of gold tuples, found in ``text``: within the tuple's evidence when
    it can be found there, else anywhere (gold gives strings, not offsets)."""
    marks = []
    for n, t in enumerate(tuples, 1):
        wrong = bad[n - 1] if bad is not None else frozenset()
        window = _find_evidence(text, t.get("evidence"))
        for slot in SLOT_NAMES:
            span = _locate(text, t.get(slot), window, stem=slot == "action")
            if span is not None:
                marks.append(Mark(span[0], span[1], slot, n, f"{anchor}{n}", slot in wrong))
    return marks


def render_text(text: str, marks: Sequence[Mark]) -> str:
    """``text`` with ``marks`` drawn by displaCy's span renderer, one block per line."""
    from spacy import displacy
    from spacy.displacy.templates import TPL_SPAN, TPL_SPAN_SLICE

    colors = {m.label: BAD_COLOR if m.bad else SLOT_COLORS[m.slot] for m in marks}
    options = {"colors": colors, "template": {"span": TPL_SPAN, "slice": TPL_SPAN_SLICE, "start": _START_TEMPLATE}}
    inside = bytearray(len(text) + 1)
    for m in marks:
        inside[m.start:m.end] = b"\x01" * (m.end - m.start)
    out = []
    line_start = 0
    for k in [i for i, ch in enumerate(text) if ch == "\n" and not inside[i]] + [len(text)]:
        line = (line_start, k)
        line_start = k + 1
        if not text[line[0]:line[1]].strip():
            out.append('<div class="ex-gap"></div>')
            continue
        tokens, spans = _line_tokens(text, line, [m for m in marks if line[0] <= m.start and m.end <= line[1]])
        doc = {"text": text[line[0]:line[1]], "tokens": tokens, "spans": spans}
        out.append(displacy.render(doc, style="span", manual=True, options=options, jupyter=False))
    return "".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """``extractor show``: write the HTML page; the exit status."""
    parser = argparse.ArgumentParser(prog="extractor show", description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="+", type=Path, help="article file(s) or folder(s): .txt, .json, .jsonl")
    parser.add_argument("-o", "--out", type=Path, required=True, help="HTML file to write")
    parser.add_argument("--gold", type=Path, help="gold JSON Lines: show gold beside the predictions and mark errors")
    parser.add_argument("--pred", type=Path, help="predictions JSON Lines from 'extractor run' (default: run the extractor)")
    parser.add_argument("--meta", type=Path, help="manifest JSON Lines (default FOLDER/manifest.jsonl)")
    parser.add_argument("--strict", action="store_true", help="pair with gold in strict mode (default lenient)")
    parser.add_argument("--linker", default=None, help="registered linker name (when the extractor runs)")
    parser.add_argument("--title", help="page title")
    args = parser.parse_args(argv)
    try:
        extractor = None
        if args.pred is None:
            from .pipeline import DEFAULT_LINKER, load

            extractor = load(linker=args.linker or DEFAULT_LINKER)
        page = build_report(
            args.input,
            gold=args.gold,
            extractor=extractor,
            predictions=args.pred,
            manifest=args.meta,
            lenient=not args.strict,
            title=args.title,
        )
    except ExtractorError as err:
        print(err, file=sys.stderr)
        return 2
    except (OSError, ValueError) as err:  # EvaluationError is a ValueError: a bad gold file
        print(f"error: {err}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(page, encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


# --- inputs --------------------------------------------------------------------------------


def _read_predictions(path: str | Path) -> dict[str, dict[str, Any]]:
    path = Path(path)
    if not path.is_file():
        raise ExtractorError("E004", path=path)
    found: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                found[str(data["doc_id"])] = data
            except (ValueError, KeyError, TypeError):
                raise ExtractorError("E006", path=f"{path}:{n}", problem="not a JSON object with a \"doc_id\"") from None
    return found


def _read_gold(path: str | Path) -> Mapping[str, Any]:
    from evaluation.io import read_gold

    return read_gold(path)


def _extract(items: Iterable[Any], extractor: Any, *, batch_size: int) -> dict[str, dict[str, Any]]:
    if extractor is None:
        from .pipeline import load

        extractor = load()
    records = [
        {"doc_id": i.doc_id, "text": i.text, "published": i.meta.get("published"), "title": i.meta.get("title")}
        for i in items
    ]
    found = {}
    for result in extractor.pipe(records, batch_size=batch_size):
        found[result.doc_id] = {"error": result.error} if result.error else result.to_dict()
    return found


# --- text ----------------------------------------------------------------------------------


def _offsets(text: str, t: Mapping[str, Any], slot: str) -> tuple[int, int] | None:
    start, end = t.get(f"{slot}_start"), t.get(f"{slot}_end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return None
    if not text[start:end].strip():
        return None
    return start, end


def _alternatives(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str) and v.strip()]


def _find_evidence(text: str, evidence: Any) -> tuple[int, int] | None:
    for alt in _alternatives(evidence):
        at = text.find(alt)
        if at >= 0:
            return at, at + len(alt)
    return None


def _locate(text: str, value: Any, window: tuple[int, int] | None, *, stem: bool = False) -> tuple[int, int] | None:
    areas = ([window] if window else []) + [(0, len(text))]
    for lo, hi in areas:
        for alt in _alternatives(value):
            m = re.search(r"(?<!\w)" + re.escape(alt) + r"(?!\w)", text[lo:hi])
            if m:
                return lo + m.start(), lo + m.end()
        if stem and window:
            # Gold gives the action as a lemma ("send"); its form in the text ("sent",
            # "deployment") is the word of the evidence sharing the longest prefix.
            best = None
            for alt in _alternatives(value):
                for m in re.finditer(r"\w+", text[lo:hi]):
                    shared = len(_common_prefix(alt.lower(), m.group().lower()))
                    if shared >= max(3, len(alt) // 2) and (best is None or shared > best[0]):
                        best = (shared, lo + m.start(), lo + m.end())
            if best:
                return best[1], best[2]
    return None


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _line_tokens(text: str, line: tuple[int, int], marks: Sequence[Mark]) -> tuple[list[str], list[dict[str, Any]]]:
    # displaCy draws spans over whole tokens: cut words at every slot boundary.
    cuts = {m.start for m in marks} | {m.end for m in marks}
    bounds: list[tuple[int, int]] = []
    for word in re.finditer(r"\S+", text[line[0]:line[1]]):
        lo, hi = line[0] + word.start(), line[0] + word.end()
        inner = sorted(c for c in cuts if lo < c < hi)
        edges = [lo, *inner, hi]
        bounds.extend(zip(edges, edges[1:]))
    spans = []
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        covered = [k for k, (lo, hi) in enumerate(bounds) if m.start <= lo and hi <= m.end]
        if not covered:
            continue
        spans.append(
            {
                "start_token": covered[0],
                "end_token": covered[-1] + 1,
                "label": m.label,
                "kb_id": f"#{m.number}",
                "kb_url": f"#{m.anchor}",
            }
        )
    return [text[lo:hi] for lo, hi in bounds], spans


# --- tables and page -----------------------------------------------------------------------

_COLUMNS = (
    ("actor", ("actor",)),
    ("action", ("action",)),
    ("quantity", ("quantity",)),
    ("location", ("location",)),
    ("date", ("date",)),
    ("quantity value", ("quantity_value", "quantity_unit")),
    ("date value", ("date_value",)),
    ("place", ("location_name", "location_country")),
    ("actor value", ("actor_name", "actor_country")),
    ("event type", ("event_type",)),
    ("modality", ("modality",)),
    ("source", ("source",)),
    ("confidence", ()),
)


def _tuple_table(
    tuples: Sequence[Mapping[str, Any]],
    *,
    anchor: str,
    judgement: Judgement | None,
    side: str,
    events: Sequence[Mapping[str, Any]] | None = None,
    event_anchor: str = "e",
) -> str:
    prefix = "P" if side == "pred" else "G"
    columns = [c for c in _COLUMNS if side == "pred" or c[0] != "confidence"]
    head = "".join(f"<th>{_e(name)}</th>" for name, _ in columns)
    event_of = _event_numbers(events, len(tuples)) if events else None
    if event_of is not None:
        head += "<th>event</th>"
    if judgement is not None:
        head += "<th>status</th>"
    rows = []
    for n, t in enumerate(tuples, 1):
        bad = frozenset()
        status = kind = ""
        if judgement is not None:
            bad = (judgement.pred_bad if side == "pred" else judgement.gold_bad)[n - 1]
            status = (judgement.pred_status if side == "pred" else judgement.gold_status)[n - 1]
            kind = " ex-fp" if status.startswith("FP") else " ex-fn" if status.startswith("FN") else ""
            kind += " ex-ok" if status.startswith("correct") else ""
        cells = [f"<td>{prefix}{n}</td>"]
        for name, fields in columns:
            wrong = any(f in bad for f in fields)
            cells.append(f'<td{" class=ex-bad" if wrong else ""}>{_e(_cell(t, name))}{_rule_note(t, name)}</td>')
        if event_of is not None:
            links = [f'<a href="#{event_anchor}{k}">E{k}</a>' for k in event_of.get(n - 1, ())]
            cells.append(f'<td class="ex-event">{", ".join(links)}</td>')
        if judgement is not None:
            cells.append(f"<td>{_e(status)}</td>")
        rows.append(f'<tr id="{anchor}{n}" class="ex-row{kind}">{"".join(cells)}</tr>')
    if not rows:
        return f'<p class="ex-note">no {"predicted" if side == "pred" else "gold"} tuples</p>'
    return f'<table class="ex-tuples ex-{side}-tuples"><thead><tr><th>#</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _event_numbers(events: Sequence[Mapping[str, Any]], n_tuples: int) -> dict[int, list[int]]:
    """Tuple index -> the (1-based) numbers of the events that list it among their mentions."""
    out: dict[int, list[int]] = {}
    for k, event in enumerate(events, 1):
        for i in event.get("mentions") or ():
            if isinstance(i, int) and 0 <= i < n_tuples:
                out.setdefault(i, []).append(k)
    return out


_EVENT_SLOTS = ("actor", "action", "quantity", "location", "date")


def _origin_note(event: Mapping[str, Any], slot: str, *, anchor: str, n_tuples: int) -> str:
    """Where an event's slot came from: "from P3" (a link to the mention's row) or the region
    of the text ("headline", "dateline", "lead", "published")."""
    origin = (event.get("origins") or {}).get(slot) or {}
    index = (event.get("from") or {}).get(slot, origin.get("mention"))
    if isinstance(index, int) and 0 <= index < n_tuples:
        note = f'from <a href="#{anchor}-p{index + 1}">P{index + 1}</a>'
    elif origin.get("region"):
        note = "from the " + _e(origin["region"]) if origin["region"] != "published" else "the publication date"
    else:
        return ""
    return f'<br><span class="ex-rule" title="where the slot came from">{note}</span>'


def _event_table(events: Sequence[Mapping[str, Any]], *, anchor: str, n_tuples: int) -> str:
    """The document-level events: one row per event (main first), its mentions as links to
    their tuple rows and each slot with its provenance."""
    head = "<th>#</th><th>mentions</th>" + "".join(f"<th>{s}</th>" for s in _EVENT_SLOTS)
    head += "<th>event type</th><th>modality</th><th>confidence</th>"
    rows = []
    for k, event in enumerate(events, 1):
        mentions = [
            f'<a href="#{anchor}-p{i + 1}">P{i + 1}</a>'
            for i in event.get("mentions") or ()
            if isinstance(i, int) and 0 <= i < n_tuples
        ]
        main = " (main)" if event.get("main") else ""
        cells = [f"<td>E{k}{main}</td>", f"<td>{', '.join(mentions)}</td>"]
        for slot in _EVENT_SLOTS:
            cells.append(f"<td>{_e(_cell(event, slot))}{_origin_note(event, slot, anchor=anchor, n_tuples=n_tuples)}</td>")
        cells += [f"<td>{_e(_show(event.get(f)))}</td>" for f in ("event_type", "modality", "confidence")]
        kind = " ex-main" if event.get("main") else ""
        rows.append(f'<tr id="{anchor}-e{k}" class="ex-event-row{kind}">{"".join(cells)}</tr>')
    return (
        '<h3>Events</h3><div class="ex-scroll"><table class="ex-events">'
        f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def _rule_note(t: Mapping[str, Any], name: str) -> str:
    """The rule that filled slot ``name`` of a predicted tuple, as a note under the slot."""
    rule = (t.get("rules") or {}).get(name) if name in SLOT_NAMES else None
    return f'<br><span class="ex-rule" title="linker rule">{_e(rule)}</span>' if rule else ""


def _show(value: Any) -> str:
    if value is None:
        return "\u2014"
    if isinstance(value, list):
        return " | ".join("\u2205" if v is None else _show(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _cell(t: Mapping[str, Any], name: str) -> str:
    if name == "action":
        lemma, said = _show(t.get("action")), t.get("action_text")
        return lemma if not said or said == t.get("action") else f"{lemma} ({said})"
    if name == "quantity value":
        detail = t.get("quantity_detail") or {}
        value = t.get("quantity_value")
        if value is None:
            return "\u2014"
        shown = f"{_show(value[0])}\u2013{_show(value[1])}" if _is_range(value) else _show(value)
        parts = [("~" if detail.get("approximate") else "") + shown, _show(t.get("quantity_unit")) if t.get("quantity_unit") else ""]
        if detail.get("rate"):
            parts.append(f"per {detail['rate']}")
        if detail.get("bound"):
            parts.append(f"({detail['bound']})")
        if detail.get("vague"):
            parts.append("(vague)")
        return " ".join(p for p in parts if p)
    if name == "place":
        if t.get("location_name") is None:  # a common noun place has its document's country only
            return f"\u2014 ({_show(t['location_country'])})" if t.get("location_country") else "\u2014"
        out = _show(t.get("location_name"))
        extra = [_show(t[k]) for k in ("location_admin1", "location_country") if t.get(k)]
        if extra:
            out += f" ({', '.join(extra)})"
        if t.get("location_lat") is not None and t.get("location_lon") is not None:
            out += f" {float(t['location_lat']):.2f},{float(t['location_lon']):.2f}"
        return out
    if name == "actor value":
        if t.get("actor_name") is None:
            return "\u2014"
        extra = [_show(t[k]) for k in ("actor_country", "actor_sector") if t.get(k)]
        return _show(t.get("actor_name")) + (f" ({', '.join(extra)})" if extra else "")
    if name == "event type":
        return _show(t.get("event_type"))
    if name == "confidence":
        return _show(t.get("confidence"))
    return _show(t.get(name))


def _is_range(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value)


def _summary_row(
    doc_id: str, anchor: str, published: str | None, sizes: tuple[int, int] | None, judgement: Judgement | None, problem: str | None
) -> str:
    cells = [f'<td><a href="#{anchor}">{_e(doc_id)}</a></td>', f"<td>{_e(published or '')}</td>"]
    cells += [f"<td>{sizes[0]}</td><td>{sizes[1]}</td>" if sizes else "<td></td><td></td>"]
    if judgement is not None:
        cells += [f"<td>{judgement.counts[k]}</td>" for k in ("ok", "mismatch", "fields", "fp", "fn")]
    cells.append(f'<td class="ex-error">{_e(problem or "")}</td>')
    return f'<tr>{"".join(cells)}</tr>'


def _error_section(doc_id: str, anchor: str, problem: str) -> str:
    return f'<section class="ex-doc ex-unreadable"><h2 id="{anchor}">{_e(doc_id)}</h2><p class="ex-error">{_e(problem)}</p></section>'


def _page(title: str, rows: list[str], sections: list[str], *, sources: Sequence[Path], gold: Any, lenient: bool) -> str:
    legend = "".join(f'<span style="background:{c}">{s}</span>' for s, c in SLOT_COLORS.items())
    head = "<th>document</th><th>published</th><th>tuples</th><th>highlighted slots</th>"
    note = f"Articles: {_e(', '.join(map(str, sources)))}."
    if gold is not None:
        legend += f'<span style="background:{BAD_COLOR}">wrong{BAD_MARK}</span>'
        head += "<th>correct</th><th>wrong slots</th><th>wrong values</th><th>FP</th><th>FN</th>"
        note += (
            f" Gold: {_e(str(gold))}, paired as the scorer pairs ({'lenient' if lenient else 'strict'} mode). "
            "Red labels and cells are wrong slots or values; FP rows have no gold partner, FN rows no prediction. "
            "Gold slots are located by searching their text in the article (within the evidence first)."
        )
    head += "<th>problem</th>"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{_e(title)}</h1><p class=\"ex-note\">{note} Each label names the slot (and the linker rule that filled it); its number links to the tuple's row.</p>"
        f'<p class="ex-legend">{legend}</p>'
        f'<table class="ex-summary"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'{"".join(sections)}</body></html>\n'
    )


def _anchor(doc_id: str) -> str:
    """An HTML id for ``doc_id``, one to one: letters, digits and "-" as they are, any other
    character (and "_") as "_<hex>_", so that "a.b" and "a_b" get different anchors."""
    return re.sub(r"[^A-Za-z0-9-]", lambda m: f"_{ord(m.group()):x}_", doc_id)


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


if __name__ == "__main__":
    sys.exit(main())
