"""The seed scorer of the annotation guide, section 4.

Within each document, predicted and gold tuples are paired one-to-one; a pair is allowed
only when the actions match, and among allowed pairings the one with the most matched
slots wins (an optimal assignment). Slot, tuple and optional-field figures follow from the
pairs; strict and lenient modes each make their own pairing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import numpy as np

from .io import Document
from .match import SLOTS, accepts_null, field_match, gives, slot_match


def _linear_sum_assignment(weights: Any, **options: Any) -> Any:
    """scipy's ``linear_sum_assignment``; scipy is the ``eval`` extra (``E060`` without it)."""
    from extractor.extras import optional_import

    optimize = optional_import("scipy.optimize", extra="eval", feature="The evaluation scorer (one-to-one tuple matching)")
    return optimize.linear_sum_assignment(weights, **options)


OPTIONAL_FIELDS = (
    "quantity_value",
    "quantity_unit",
    "date_value",
    "modality",
    "source",
    "event_type",
    "actor_name",
    "actor_country",
    "location_name",
    "location_country",
)
MODES = ("strict", "lenient")

# Pair weight: matched non-null slots first, slots matched including nulls as tie-break.
_TP_WEIGHT = len(SLOTS) + 1


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(frozen=True)
class PRF:
    """True/false positive and false negative counts; ratios are ``None`` when undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class Accuracy:
    """Correct answers out of ``n`` questions; ``accuracy`` is ``None`` when ``n`` is 0."""

    correct: int = 0
    n: int = 0

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.n)

    def __add__(self, other: "Accuracy") -> "Accuracy":
        return Accuracy(self.correct + other.correct, self.n + other.n)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "n": self.n, "accuracy": self.accuracy}


def _empty_slots() -> dict[str, PRF]:
    return {s: PRF() for s in SLOTS}


def _empty_fields() -> dict[str, Accuracy]:
    return {f: Accuracy() for f in OPTIONAL_FIELDS}


@dataclass(frozen=True)
class ModeScore:
    """Figures of one mode (strict or lenient) over one document or many."""

    slots: dict[str, PRF] = field(default_factory=_empty_slots)
    tuples: PRF = PRF()
    fields: dict[str, Accuracy] = field(default_factory=_empty_fields)
    pairs: int = 0
    errors: tuple[dict[str, Any], ...] = ()

    @property
    def micro(self) -> PRF:
        return sum(self.slots.values(), PRF())

    def __add__(self, other: "ModeScore") -> "ModeScore":
        return ModeScore(
            slots={s: self.slots[s] + other.slots[s] for s in SLOTS},
            tuples=self.tuples + other.tuples,
            fields={f: self.fields[f] + other.fields[f] for f in OPTIONAL_FIELDS},
            pairs=self.pairs + other.pairs,
            errors=self.errors + other.errors,
        )


@dataclass(frozen=True)
class DocumentScore:
    """Both modes' figures for one document, and whether each side had it."""

    doc_id: str
    n_gold: int
    n_pred: int
    in_gold: bool
    in_pred: bool
    strict: ModeScore
    lenient: ModeScore


@dataclass(frozen=True)
class Evaluation:
    """The whole comparison of a gold file and a prediction file."""

    documents: tuple[DocumentScore, ...]
    missing_predictions: tuple[str, ...]
    unknown_documents: tuple[str, ...]
    strict: ModeScore
    lenient: ModeScore


def _slot_matches(pred: dict[str, Any], gold: dict[str, Any], *, lenient: bool) -> dict[str, bool]:
    return {s: slot_match(s, pred, gold, lenient=lenient) for s in SLOTS}


def _tp_count(pred: dict[str, Any], matches: dict[str, bool]) -> int:
    return sum(1 for s in SLOTS if matches[s] and pred.get(s) is not None)


def pair_tuples(
    preds: Sequence[dict[str, Any]], golds: Sequence[dict[str, Any]], *, lenient: bool
) -> list[tuple[int, int]]:
    """The optimal one-to-one pairing ``(pred_index, gold_index)`` of one document's tuples.

    Only pairs whose actions match are allowed. The pairing maximizes matched non-null slots
    (true positives), then slots matched including nulls.
    """
    if not preds or not golds:
        return []
    weights = np.zeros((len(preds), len(golds)))
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            matches = _slot_matches(p, g, lenient=lenient)
            if matches["action"]:
                weights[i, j] = _TP_WEIGHT * _tp_count(p, matches) + sum(matches.values())
    rows, cols = _linear_sum_assignment(weights, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols) if weights[i, j] > 0]


def _tuple_view(t: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    return {n: t.get(n) for n in names}


def score_document(
    doc_id: str, preds: Sequence[dict[str, Any]], golds: Sequence[dict[str, Any]], *, lenient: bool
) -> ModeScore:
    """One mode's figures for one document, with its error listing."""
    pairs = pair_tuples(preds, golds, lenient=lenient)
    slots = {s: [0, 0, 0] for s in SLOTS}  # tp, fp, fn
    fields = {f: [0, 0] for f in OPTIONAL_FIELDS}  # correct, n
    errors: list[dict[str, Any]] = []
    exact = 0
    for i, j in pairs:
        p, g = preds[i], golds[j]
        matches = _slot_matches(p, g, lenient=lenient)
        for s in SLOTS:
            if p.get(s) is not None:
                slots[s][0 if matches[s] else 1] += 1
            if not matches[s] and not accepts_null(g.get(s)):
                slots[s][2] += 1
        exact += all(matches.values())
        failed_fields = []
        for f in OPTIONAL_FIELDS:
            if gives(g.get(f)):
                fields[f][1] += 1
                if field_match(f, p.get(f), g.get(f), lenient=lenient):
                    fields[f][0] += 1
                else:
                    failed_fields.append(f)
        failed_slots = [s for s in SLOTS if not matches[s]]
        if failed_slots or failed_fields:
            shown = list(SLOTS) + failed_fields
            errors.append(
                {
                    "doc_id": doc_id,
                    "kind": "mismatch" if failed_slots else "fields",
                    "failed_slots": failed_slots,
                    "failed_fields": failed_fields,
                    "pred": _tuple_view(p, shown),
                    "gold": _tuple_view(g, shown),
                    "evidence": {"pred": p.get("evidence"), "gold": g.get("evidence")},
                }
            )
    paired_preds = {i for i, _ in pairs}
    paired_golds = {j for _, j in pairs}
    for i, p in enumerate(preds):
        if i in paired_preds:
            continue
        stated = [s for s in SLOTS if p.get(s) is not None]
        for s in stated:
            slots[s][1] += 1
        errors.append(
            {
                "doc_id": doc_id,
                "kind": "fp",
                "failed_slots": stated,
                "failed_fields": [],
                "pred": _tuple_view(p, SLOTS),
                "gold": None,
                "evidence": {"pred": p.get("evidence"), "gold": None},
            }
        )
    for j, g in enumerate(golds):
        if j in paired_golds:
            continue
        required = [s for s in SLOTS if not accepts_null(g.get(s))]
        for s in required:
            slots[s][2] += 1
        errors.append(
            {
                "doc_id": doc_id,
                "kind": "fn",
                "failed_slots": required,
                "failed_fields": [],
                "pred": None,
                "gold": _tuple_view(g, SLOTS),
                "evidence": {"pred": None, "gold": g.get("evidence")},
            }
        )
    return ModeScore(
        slots={s: PRF(*counts) for s, counts in slots.items()},
        tuples=PRF(exact, len(preds) - exact, len(golds) - exact),
        fields={f: Accuracy(*counts) for f, counts in fields.items()},
        pairs=len(pairs),
        errors=tuple(errors),
    )


def evaluate(gold: Mapping[str, Document], pred: Mapping[str, Document]) -> Evaluation:
    """Score predicted documents against gold ones, both modes.

    Gold documents without a prediction line count as predicted empty; predicted documents
    not in gold count as all false positives. Both are listed.
    """
    doc_ids = list(gold) + [d for d in pred if d not in gold]
    documents = []
    for doc_id in doc_ids:
        golds = gold[doc_id].tuples if doc_id in gold else ()
        preds = pred[doc_id].tuples if doc_id in pred else ()
        documents.append(
            DocumentScore(
                doc_id=doc_id,
                n_gold=len(golds),
                n_pred=len(preds),
                in_gold=doc_id in gold,
                in_pred=doc_id in pred,
                strict=score_document(doc_id, preds, golds, lenient=False),
                lenient=score_document(doc_id, preds, golds, lenient=True),
            )
        )
    return Evaluation(
        documents=tuple(documents),
        missing_predictions=tuple(d for d in gold if d not in pred),
        unknown_documents=tuple(d for d in pred if d not in gold),
        strict=sum((d.strict for d in documents), ModeScore()),
        lenient=sum((d.lenient for d in documents), ModeScore()),
    )
