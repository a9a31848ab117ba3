"""Which eligible events the guide asks for: trigger recall per hand-given verdict.

The eligible-events measure (``evaluation.eligible``) keeps an annotated event by its type,
its sentence and its arguments. It cannot tell a specific event from a kind, a rate or a
wish: RAMS annotates "the homicide *rate*", "the Confederate *battle* flag", "*violent*
rule" and "prepared to look at an arms *embargo*" as events, which the guide's rule 1 (a
concrete action or change of state) and its "Do not annotate" list (opinions, analysis and
motives) leave out. A verdict file gives, per eligible event, one of ``VERDICTS``:

- ``ask``: a specific event the guide asks for (happened, happens, planned, negated or
  hedged: the guide's modalities);
- ``generic``: a kind, rate, habit or institution, no specific occurrence;
- ``property``: the word describes a thing or person ("a government *funded* broadcaster");
- ``opinion``: only advocated, wished, considered or argued about;
- ``other``: not an event in its context (a figure of speech, a saying).

``python -m evaluation.concreteness --data RAMS.jsonl --labels L.jsonl --pred P.jsonl``
prints, per verdict, the events and how many a predicted tuple's action overlaps (the
trigger test of ``evaluation.outside``). A label line is ``{"id", "k", "start", "verdict"}``:
the record id, the event's index in the record's tuples and its trigger's start offset
(checked, so a label cannot drift onto another event). ``evaluation/gold/README.md`` says how
the shipped file was labelled.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .io import Document, read_predictions
from .outside import _tuples, load_outside, trigger_found

VERDICTS = ("ask", "generic", "property", "opinion", "other")


def read_labels(path: str | Path) -> dict[tuple[str, int], dict[str, Any]]:
    """(record id, event index) -> label line; ValueError for an unknown verdict or a repeat."""
    labels: dict[tuple[str, int], dict[str, Any]] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("verdict") not in VERDICTS:
                raise ValueError(f"{path}:{n}: verdict must be one of {', '.join(VERDICTS)}, not {row.get('verdict')!r}")
            key = (str(row["id"]), int(row["k"]))
            if key in labels:
                raise ValueError(f"{path}:{n}: event {key} labelled twice")
            labels[key] = row
    return labels


def score_concreteness(
    records: Iterable[Mapping[str, Any]],
    predictions: Mapping[str, Document],
    labels: Mapping[tuple[str, int], Mapping[str, Any]],
) -> dict[str, dict[str, Any]]:
    """Per verdict: ``n`` labelled events and ``found``, those a predicted tuple's action
    overlaps. Every label must name an event of ``records`` at its trigger's start offset
    (ValueError otherwise)."""
    counts = {v: {"n": 0, "found": 0} for v in VERDICTS}
    seen = set()
    for row in records:
        preds: Sequence[Mapping[str, Any]] = predictions[row["id"]].tuples if row["id"] in predictions else ()
        for k, event in enumerate(_tuples(row)):
            label = labels.get((str(row["id"]), k))
            if label is None:
                continue
            action = event.get("action")
            if not isinstance(action, dict) or action.get("start") != label["start"]:
                raise ValueError(f"label {row['id']}#{k}: its start {label['start']} is not the event's trigger start")
            seen.add((str(row["id"]), k))
            c = counts[label["verdict"]]
            c["n"] += 1
            c["found"] += any(trigger_found(p, action) for p in preds)
    missing = set(labels) - seen
    if missing:
        raise ValueError(f"{len(missing)} labels name no event of the data, e.g. {sorted(missing)[0]}")
    for c in counts.values():
        c["recall"] = c["found"] / c["n"] if c["n"] else None
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evaluation.concreteness", description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="the annotated records (RAMS, GENEVA or WikiEvents JSONL)")
    ap.add_argument("--labels", required=True, help="the verdict file")
    ap.add_argument("--pred", required=True, help="the extractor's output on the same records")
    args = ap.parse_args(argv)
    counts = score_concreteness(load_outside(args.data), read_predictions(args.pred), read_labels(args.labels))
    total = sum(c["n"] for c in counts.values())
    print(f"{'verdict':<10} {'events':>7} {'share':>7} {'found':>7} {'recall':>7}")
    for v, c in counts.items():
        share = c["n"] / total if total else 0.0
        recall = f"{c['recall']:.3f}" if c["recall"] is not None else "-"
        print(f"{v:<10} {c['n']:>7} {share:>7.3f} {c['found']:>7} {recall:>7}")
    found = sum(c["found"] for c in counts.values())
    print(f"{'all':<10} {total:>7} {1:>7.3f} {found:>7} {found / total if total else 0:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
