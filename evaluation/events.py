"""Scoring of document-level events (annotation guide, section 5): the main event and merges.

**Main event.** A document's predicted main event is ``events[0]`` of its prediction line
(the guide puts the main event first). Its actor, location and date are compared with a
document-level gold (``main_event`` of a gold line, or the Giveme5W1H coders' answers) by the
lenient matching of section 4 (``evaluation.match.slot_match``: word-boundary containment on
normalized text, any gold alternative; the date also through ``date_value``, one interval
containing the other; null matches a gold slot that lists null). Per slot, accuracy = hits /
documents whose gold gives the slot (some non-null alternative). A document without a
predicted main event (no prediction line, no ``events`` key, or ``"events": []``) scores no
hit. The fallback figure **found by any tuple** asks instead whether some mention tuple of
the line states the slot (non-null) and matches it: what a perfect choice of main event
among the extracted mentions could reach, for prediction lines made before ``events``
existed. It is never the main-event measure.

**Merges.** Where a gold line and its prediction line both have ``events``, a *link* is an
unordered pair of mention tuples (indices into ``tuples``) that some event lists together in
its ``mentions``. Mention tuples are paired between gold and prediction by the seed scorer's
optimal pairing (``evaluation.scorer.pair_tuples``, per mode). A predicted link between
mentions paired with gold tuples ``a`` and ``b`` is correct when gold links ``a`` and ``b``.
Pairwise precision = correct links / predicted links between paired mentions; recall =
correct links / gold links between paired mentions. So the figures measure the merging of
the mentions both sides found, apart from finding them; ``precision_all`` / ``recall_all``
divide by every predicted / gold link instead (links touching an unpaired mention count as
errors).
"""

from __future__ import annotations

from itertools import combinations
from typing import Any, Iterable, Mapping, Sequence

from .io import Document
from .match import gives, slot_match
from .scorer import MODES, pair_tuples

MAIN_SLOTS = ("actor", "location", "date")
# Shown beside each slot in per-document details.
_DETAIL_FIELDS = {"date": ("date_value",)}


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _share(hits: int, n: int) -> dict[str, Any]:
    return {"hits": hits, "n": n, "accuracy": _ratio(hits, n)}


# --- main event -------------------------------------------------------------------------


def predicted_main_event(pred: Document | None) -> tuple[dict[str, Any] | None, str]:
    """The predicted main event (``events[0]``) and the line's status: "events",
    "empty_events" (``"events": []``), "no_events" (no ``events`` key) or "no_prediction"."""
    if pred is None:
        return None, "no_prediction"
    if pred.events is None:
        return None, "no_events"
    if not pred.events:
        return None, "empty_events"
    return pred.events[0], "events"


def found_by_tuple(tuples: Sequence[Mapping[str, Any]], gold: Mapping[str, Any], slot: str) -> int | None:
    """Index of the first mention tuple whose stated ``slot`` matches the gold slot
    (lenient), else ``None``."""
    for index, t in enumerate(tuples):
        if t.get(slot) is not None and slot_match(slot, dict(t), dict(gold), lenient=True):
            return index
    return None


def compare_main_event(doc_id: str, gold: Mapping[str, Any], pred: Document | None) -> dict[str, Any]:
    """One document's main-event comparison: per slot whether gold gives it, the hit of
    ``events[0]`` and the any-tuple fallback (``None`` where gold does not give the slot)."""
    event, status = predicted_main_event(pred)
    tuples = pred.tuples if pred is not None else ()
    slots: dict[str, Any] = {}
    for slot in MAIN_SLOTS:
        given = gives(gold.get(slot))
        hit = event is not None and slot_match(slot, dict(event), dict(gold), lenient=True)
        found = found_by_tuple(tuples, gold, slot) if given else None
        detail: dict[str, Any] = {
            "given": given,
            "hit": hit if given else None,
            "any_tuple": (found is not None) if given else None,
            "any_tuple_index": found,
            "gold": gold.get(slot),
            "pred": event.get(slot) if event is not None else None,
        }
        for name in _DETAIL_FIELDS.get(slot, ()):
            detail[f"gold_{name}"] = gold.get(name)
            detail[f"pred_{name}"] = event.get(name) if event is not None else None
        slots[slot] = detail
    return {
        "doc_id": doc_id,
        "status": status,
        "first_is_main": None if event is None else event.get("main") is True,
        "slots": slots,
    }


def summarize_main_event(articles: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Accuracy per slot over the documents whose gold gives it, the any-tuple fallback and
    counts of prediction-line statuses."""
    rows = list(articles)
    main = {s: [0, 0] for s in MAIN_SLOTS}
    fallback = {s: [0, 0] for s in MAIN_SLOTS}
    for a in rows:
        for s in MAIN_SLOTS:
            d = a["slots"][s]
            if d["given"]:
                main[s][1] += 1
                main[s][0] += bool(d["hit"])
                fallback[s][1] += 1
                fallback[s][0] += bool(d["any_tuple"])
    statuses = ("events", "empty_events", "no_events", "no_prediction")
    return {
        "documents": len(rows),
        "lines": {s: sum(1 for a in rows if a["status"] == s) for s in statuses},
        "first_not_main": [a["doc_id"] for a in rows if a["first_is_main"] is False],
        "slots": {s: _share(*main[s]) for s in MAIN_SLOTS},
        "any_tuple": {s: _share(*fallback[s]) for s in MAIN_SLOTS},
    }


def score_main_events(gold: Mapping[str, Document], pred: Mapping[str, Document]) -> dict[str, Any] | None:
    """The main-event figures of a gold file with ``main_event`` lines; ``None`` when no gold
    line has the key. Lines whose ``main_event`` is null are left out and listed."""
    if not any(d.has_main_event for d in gold.values()):
        return None
    articles = [
        compare_main_event(doc_id, d.main_event, pred.get(doc_id))
        for doc_id, d in gold.items()
        if d.main_event is not None
    ]
    return {
        **summarize_main_event(articles),
        "no_gold_main_event": [doc_id for doc_id, d in gold.items() if d.main_event is None],
        "articles": articles,
    }


# --- merges -----------------------------------------------------------------------------


def merge_links(events: Iterable[Mapping[str, Any]]) -> set[tuple[int, int]]:
    """The links of a line's events: ordered pairs ``(a, b)``, ``a < b``, of mention indices
    that one event lists together."""
    links: set[tuple[int, int]] = set()
    for event in events:
        mentions = sorted(set(event.get("mentions") or ()))
        links.update(combinations(mentions, 2))
    return links


def merge_counts(gold: Document, pred: Document, *, lenient: bool) -> dict[str, int]:
    """Link counts of one document with ``events`` on both sides (see the module docstring)."""
    pairs = pair_tuples(list(pred.tuples), list(gold.tuples), lenient=lenient)
    gold_of = dict(pairs)  # pred index -> gold index
    paired_gold = set(gold_of.values())
    gold_links = merge_links(gold.events or ())
    pred_links = merge_links(pred.events or ())
    pred_paired = [(a, b) for a, b in pred_links if a in gold_of and b in gold_of]
    correct = sum(1 for a, b in pred_paired if tuple(sorted((gold_of[a], gold_of[b]))) in gold_links)
    return {
        "correct": correct,
        "pred_links_paired": len(pred_paired),
        "gold_links_paired": sum(1 for a, b in gold_links if a in paired_gold and b in paired_gold),
        "pred_links": len(pred_links),
        "gold_links": len(gold_links),
        "pairs": len(pairs),
    }


def merge_figures(counts: Mapping[str, int]) -> dict[str, Any]:
    """Pairwise precision and recall from summed link counts."""
    c = dict(counts)
    return {
        **c,
        "precision": _ratio(c["correct"], c["pred_links_paired"]),
        "recall": _ratio(c["correct"], c["gold_links_paired"]),
        "precision_all": _ratio(c["correct"], c["pred_links"]),
        "recall_all": _ratio(c["correct"], c["gold_links"]),
    }


def score_merges(gold: Mapping[str, Document], pred: Mapping[str, Document]) -> dict[str, Any] | None:
    """Pairwise merge precision/recall over the documents with ``events`` in gold and in the
    prediction, per mode; ``None`` when no gold line has ``events``."""
    with_events = [doc_id for doc_id, d in gold.items() if d.events is not None]
    if not with_events:
        return None
    scored = [doc_id for doc_id in with_events if doc_id in pred and pred[doc_id].events is not None]
    keys = ("correct", "pred_links_paired", "gold_links_paired", "pred_links", "gold_links", "pairs")
    per_document: dict[str, dict[str, Any]] = {doc_id: {"doc_id": doc_id} for doc_id in scored}
    totals: dict[str, Any] = {}
    for mode in MODES:
        total = dict.fromkeys(keys, 0)
        for doc_id in scored:
            counts = merge_counts(gold[doc_id], pred[doc_id], lenient=mode == "lenient")
            for k in keys:
                total[k] += counts[k]
            per_document[doc_id][mode] = merge_figures(counts)
        totals[mode] = merge_figures(total)
    return {
        "documents": len(scored),
        "gold_documents_with_events": len(with_events),
        "without_predicted_events": [d for d in with_events if d not in per_document],
        **totals,
        "per_document": list(per_document.values()),
    }


# --- text -------------------------------------------------------------------------------


def _pct(share: Mapping[str, Any]) -> str:
    value = share["accuracy"]
    cell = "    -" if value is None else f"{100 * value:5.1f}%"
    return f"{cell} ({share['hits']}/{share['n']})"


def format_main_event(
    summary: Mapping[str, Any], *, title: str, labels: Mapping[str, str] | None = None
) -> list[str]:
    """Lines of a main-event block (``summarize_main_event``'s figures); ``labels`` names the
    slots' rows."""
    labels = labels or {}
    lines = summary["lines"]
    width = max(len(labels.get(s, s)) for s in MAIN_SLOTS + ("slot",))
    out = [
        title,
        f"{'slot':<{width}} {'main event (events[0])':<24} found by any tuple (fallback, not the main-event measure)",
    ]
    for s in MAIN_SLOTS:
        out.append(f"{labels.get(s, s):<{width}} {_pct(summary['slots'][s]):<24} {_pct(summary['any_tuple'][s])}")
    missing = []
    if lines["no_events"]:
        missing.append(f"{lines['no_events']} prediction line(s) have no \"events\"")
    if lines["empty_events"]:
        missing.append(f"{lines['empty_events']} have \"events\": []")
    if lines["no_prediction"]:
        missing.append(f"{lines['no_prediction']} document(s) have no prediction line")
    if missing:
        out.append(
            "  " + "; ".join(missing) + ": no main event predicted there, so no hits "
            "(the any-tuple column is the fallback figure for such lines)"
        )
    if summary["first_not_main"]:
        out.append(
            f"  events[0] lacks \"main\": true in {len(summary['first_not_main'])} line(s) "
            f"(scored as the main event anyway): " + ", ".join(summary["first_not_main"][:5])
        )
    return out


def format_merges(merges: Mapping[str, Any]) -> list[str]:
    """Lines of the merge block (``score_merges``'s figures)."""

    def num(v: float | None) -> str:
        return "   -" if v is None else f"{v:.2f}"

    out = [
        "Merges (links = pairs of mention tuples in one event; among mentions paired with gold): "
        f"{merges['documents']} of {merges['gold_documents_with_events']} gold documents with events "
        "have predicted events"
    ]
    if merges["without_predicted_events"]:
        out.append("  no predicted \"events\": " + ", ".join(merges["without_predicted_events"]))
    if not merges["documents"]:
        return out
    for mode in MODES:
        m = merges[mode]
        out.append(
            f"  {mode:<8} P {num(m['precision'])} ({m['correct']}/{m['pred_links_paired']})  "
            f"R {num(m['recall'])} ({m['correct']}/{m['gold_links_paired']})   "
            f"counting links of unpaired mentions: P {num(m['precision_all'])} ({m['correct']}/{m['pred_links']})  "
            f"R {num(m['recall_all'])} ({m['correct']}/{m['gold_links']})"
        )
    return out
