"""Pair-level comparison of the optional fields of two predictions on one gold.

``python -m evaluation.fields --gold G --pred A.jsonl B.jsonl [--fields f1,f2]`` pairs each
prediction with the gold as the scorer does (lenient, ``scorer.pair_tuples``) and, for every
optional field, prints its accuracy over the pairs whose gold gives it under A and under B,
how many of those gold tuples B gets right that A got wrong and the reverse, and the one-sided
exact sign test of those changes (the chance of at least that many turned right if a change
were as likely to go either way). It also says whether the five slots (text and offsets) of A
and B are the same, tuple by tuple: a change of normalized values alone leaves them so.

Accuracy over the pairs whose gold gives the field is blind to a field filled where the gold
gives none. So for each prediction it also counts every tuple that fills the field
(``field_fills``): filled on a pair whose gold gives it, right or wrong (their share right is the
field's precision over judged fills); filled on a pair whose gold gives none; filled on a tuple
no gold tuple pairs with. The last two cannot be judged against the gold; they are counted so
that a change that fills more shows how much of it the gold can see.

Predictions and gold meet only in files: this module reads what ``extractor run`` wrote.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .io import Document, read_gold, read_predictions
from .match import field_match, gives
from .scorer import OPTIONAL_FIELDS, SLOTS, pair_tuples


@dataclass(frozen=True)
class FieldChange:
    """One field's accuracy under A and B over the gold tuples that give it and that both
    pair; ``right``/``wrong``: tuples B gets right that A got wrong, and the reverse."""

    field: str
    n: int
    correct_a: int
    correct_b: int
    right: int
    wrong: int

    @property
    def p_sign(self) -> float:
        """One-sided exact sign test of ``right`` among the ``right + wrong`` changes."""
        k = self.right + self.wrong
        if k == 0:
            return 1.0
        return sum(math.comb(k, x) for x in range(self.right, k + 1)) / 2**k


def _slots(doc: Document | None) -> list[tuple]:
    if doc is None:
        return []
    return [tuple((t.get(s), t.get(f"{s}_start"), t.get(f"{s}_end")) for s in SLOTS) for t in doc.tuples]


def same_slots(a: dict[str, Document], b: dict[str, Document]) -> bool:
    """Whether A and B give the same tuples' slots (text and offsets), in the same order."""
    return set(a) == set(b) and all(_slots(a[d]) == _slots(b[d]) for d in a)


def compare_fields(
    gold: dict[str, Document], a: dict[str, Document], b: dict[str, Document], fields: Sequence[str] = OPTIONAL_FIELDS
) -> list[FieldChange]:
    """Each field's ``FieldChange`` from A to B (lenient pairing and matching)."""
    counts = {f: [0, 0, 0, 0, 0] for f in fields}  # n, correct a, correct b, right, wrong
    for doc_id, g in gold.items():
        golds = list(g.tuples)
        pa = list(a[doc_id].tuples) if doc_id in a else []
        pb = list(b[doc_id].tuples) if doc_id in b else []
        by_gold_a = {j: pa[i] for i, j in pair_tuples(pa, golds, lenient=True)}
        by_gold_b = {j: pb[i] for i, j in pair_tuples(pb, golds, lenient=True)}
        for j, gt in enumerate(golds):
            for f in fields:
                value = gt.get(f)
                if not gives(value) or j not in by_gold_a:
                    continue
                c = counts[f]
                c[0] += 1
                ok_a = field_match(f, by_gold_a[j].get(f), value, lenient=True)
                ok_b = j in by_gold_b and field_match(f, by_gold_b[j].get(f), value, lenient=True)
                c[1] += ok_a
                c[2] += ok_b
                c[3] += ok_b and not ok_a
                c[4] += ok_a and not ok_b
    return [FieldChange(f, *counts[f]) for f in fields]


@dataclass(frozen=True)
class FieldFills:
    """One prediction's fills of one field (a value that is not null): on pairs whose gold
    gives the field, ``right`` and ``wrong``; on pairs whose gold gives none, ``gold_none``;
    on tuples the lenient pairing leaves unpaired, ``unpaired``."""

    field: str
    right: int
    wrong: int
    gold_none: int
    unpaired: int

    @property
    def filled(self) -> int:
        return self.right + self.wrong + self.gold_none + self.unpaired

    @property
    def precision(self) -> float | None:
        """The share right of the fills the gold judges (``None`` without any)."""
        judged = self.right + self.wrong
        return self.right / judged if judged else None


def field_fills(gold: dict[str, Document], pred: dict[str, Document], fields: Sequence[str] = OPTIONAL_FIELDS) -> list[FieldFills]:
    """Each field's ``FieldFills`` in ``pred`` (lenient pairing and matching, as ``compare_fields``).
    Documents of ``pred`` the gold does not hold are not read."""
    counts = {f: [0, 0, 0, 0] for f in fields}  # right, wrong, gold none, unpaired
    for doc_id, g in gold.items():
        golds = list(g.tuples)
        preds = list(pred[doc_id].tuples) if doc_id in pred else []
        paired = dict(pair_tuples(preds, golds, lenient=True))
        for i, pt in enumerate(preds):
            for f in fields:
                if not gives(pt.get(f)):
                    continue
                c = counts[f]
                if i not in paired:
                    c[3] += 1
                elif not gives(golds[paired[i]].get(f)):
                    c[2] += 1
                elif field_match(f, pt.get(f), golds[paired[i]].get(f), lenient=True):
                    c[0] += 1
                else:
                    c[1] += 1
    return [FieldFills(f, *counts[f]) for f in fields]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.fields", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", required=True, type=Path)
    parser.add_argument("--pred", required=True, nargs=2, type=Path, metavar=("A", "B"))
    parser.add_argument("--fields", default=",".join(OPTIONAL_FIELDS), help="comma-separated optional fields")
    args = parser.parse_args(argv)
    fields = [f for f in args.fields.split(",") if f]
    unknown = [f for f in fields if f not in OPTIONAL_FIELDS]
    if unknown:
        parser.error(f"unknown fields {unknown}; choose among {', '.join(OPTIONAL_FIELDS)}")
    gold = read_gold(args.gold)
    a, b = read_predictions(args.pred[0]), read_predictions(args.pred[1])
    print(f"slots identical: {same_slots(a, b)}")
    for c in compare_fields(gold, a, b, fields):
        acc_a = c.correct_a / c.n if c.n else float("nan")
        acc_b = c.correct_b / c.n if c.n else float("nan")
        print(
            f"{c.field:17s} A {c.correct_a}/{c.n} {acc_a:.3f}  B {c.correct_b}/{c.n} {acc_b:.3f}"
            f"  turned right {c.right}, turned wrong {c.wrong}, sign p {c.p_sign:.4f}"
        )
    print("fills (a value given): judged right / wrong (precision), on a pair whose gold gives none, on an unpaired tuple")
    for name, pred in (("A", a), ("B", b)):
        for c in field_fills(gold, pred, fields):
            precision = "-" if c.precision is None else f"{c.precision:.3f}"
            print(f"{c.field:17s} {name} {c.right}/{c.wrong} ({precision})  gold none {c.gold_none}  unpaired {c.unpaired}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
