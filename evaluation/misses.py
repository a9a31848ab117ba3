"""At which stage each missed gold tuple was lost: trigger finding, linking or admission.

``python -m evaluation.misses --gold G --pred P --all A [--list OUT.jsonl]`` reads three files:
the gold, the extractor's output ``P`` and the output ``A`` of the same extractor run with the
diagnostic selector ``extractor.keep_all.v1`` (``extractor run IN -o A --selector
extractor.keep_all.v1``: every trigger found becomes a tuple with whatever the linker gave it).
Each gold tuple that no tuple of ``P`` pairs with (lenient, as the scorer pairs them) is put in
the first stage that explains it, looking at the tuple of ``A`` whose action overlaps the gold
action's offsets:

- ``no_trigger``: no trigger there;
- ``other_action``: a trigger there whose action does not match the gold's;
- ``no_actor``: the gold needs an actor, the linker found none;
- ``no_agentless_verdict``: the gold accepts no actor, the linker found none and gave no
  agentless verdict;
- ``no_slot``: an actor or a verdict, but no quantity, place or date linked;
- ``not_admitted``: all of that, but ``P`` has no tuple there (the admission rule or a selector
  left it out);
- ``paired_elsewhere``: ``P`` has a tuple there that the pairing gave to another gold tuple or
  that does not match this one's action;
- ``no_offsets``: the gold tuple gives no action offsets, so it cannot be placed.

Predictions and gold meet only in files, as everywhere in this package.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from .io import Document, read_gold, read_predictions
from .match import SLOTS, accepts_null, slot_match
from .scorer import pair_tuples

STAGES = (
    "no_trigger",
    "other_action",
    "no_actor",
    "no_agentless_verdict",
    "no_slot",
    "not_admitted",
    "paired_elsewhere",
    "no_offsets",
)
OTHER_SLOTS = tuple(s for s in SLOTS if s not in ("actor", "action"))  # quantity, location, date


@dataclass(frozen=True)
class Miss:
    """One gold tuple no prediction pairs with, and the stage that lost it."""

    doc_id: str
    index: int  # the gold tuple's position in its document
    stage: str
    action: Any
    evidence: str | None


def _overlaps(t: Mapping[str, Any], start: int, end: int) -> bool:
    a, b = t.get("action_start"), t.get("action_end")
    return a is not None and b is not None and a < end and start < b


def stage_of(gold: Mapping[str, Any], kept: Sequence[Mapping[str, Any]], every: Sequence[Mapping[str, Any]]) -> str:
    """The stage that lost ``gold`` (a gold tuple no prediction pairs with): ``kept`` are the
    extractor's tuples of its document, ``every`` those of the ``keep_all`` run."""
    start, end = gold.get("action_start"), gold.get("action_end")
    if start is None or end is None:
        return "no_offsets"
    there = [t for t in every if _overlaps(t, start, end)]
    if not there:
        return "no_trigger"
    found = next((t for t in there if slot_match("action", t, gold, lenient=True)), None)
    if found is None:
        return "other_action"
    if found.get("actor") is None:
        if not accepts_null(gold.get("actor")):
            return "no_actor"
        if not (found.get("rules") or {}).get("actor"):
            return "no_agentless_verdict"
    if all(found.get(slot) is None for slot in OTHER_SLOTS):
        return "no_slot"
    if not any(_overlaps(t, start, end) for t in kept):
        return "not_admitted"
    return "paired_elsewhere"


def find_misses(gold: Mapping[str, Document], pred: Mapping[str, Document], every: Mapping[str, Document]) -> list[Miss]:
    """Every gold tuple of ``gold`` that no tuple of ``pred`` pairs with, with its stage; a
    document missing from ``pred`` or ``every`` counts as one with no tuples."""
    out: list[Miss] = []
    for doc_id, doc in gold.items():
        golds = list(doc.tuples)
        kept = list(pred[doc_id].tuples) if doc_id in pred else []
        all_ = list(every[doc_id].tuples) if doc_id in every else []
        paired = {j for _, j in pair_tuples(kept, golds, lenient=True)}
        for j, g in enumerate(golds):
            if j in paired:
                continue
            out.append(Miss(doc_id, j, stage_of(g, kept, all_), g.get("action"), g.get("evidence")))
    return out


def stage_counts(misses: Sequence[Miss]) -> dict[str, int]:
    """How many misses each stage holds, in ``STAGES`` order (stages with none included)."""
    counts = Counter(m.stage for m in misses)
    return {stage: counts.get(stage, 0) for stage in STAGES}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.misses", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", required=True, type=Path)
    parser.add_argument("--pred", required=True, type=Path, help="the extractor's output")
    parser.add_argument("--all", required=True, type=Path, dest="every",
                        help="the same run with --selector extractor.keep_all.v1")
    parser.add_argument("--list", type=Path, help="also write each miss and its stage here (JSON Lines)")
    args = parser.parse_args(argv)
    misses = find_misses(read_gold(args.gold), read_predictions(args.pred), read_predictions(args.every))
    total = len(misses)
    print(f"missed gold tuples: {total}")
    for stage, n in stage_counts(misses).items():
        share = n / total if total else 0.0
        print(f"  {stage:22s} {n:5d}  {share:6.1%}")
    if args.list is not None:
        with args.list.open("w", encoding="utf-8") as handle:
            for miss in misses:
                handle.write(json.dumps(asdict(miss), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
