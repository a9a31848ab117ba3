"""The seed evaluation report: a JSON-ready dict and its plain-text rendering."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .events import format_main_event, format_merges, score_main_events, score_merges
from .io import read_gold, read_predictions
from .match import SLOTS
from .scorer import MODES, OPTIONAL_FIELDS, Evaluation, ModeScore, evaluate


def mode_to_dict(score: ModeScore, *, errors: bool = True) -> dict[str, Any]:
    """One mode's figures as plain data."""
    out: dict[str, Any] = {
        "slots": {s: score.slots[s].to_dict() for s in SLOTS},
        "micro": score.micro.to_dict(),
        "tuples": score.tuples.to_dict(),
        "fields": {f: score.fields[f].to_dict() for f in OPTIONAL_FIELDS},
        "pairs": score.pairs,
    }
    if errors:
        out["errors"] = list(score.errors)
    return out


def evaluation_to_dict(result: Evaluation, *, gold_path: str = "", pred_path: str = "") -> dict[str, Any]:
    """The JSON report of an evaluation (``json.dumps`` accepts it)."""
    return {
        "gold": gold_path,
        "pred": pred_path,
        "documents": {
            "gold": sum(1 for d in result.documents if d.in_gold),
            "predicted": sum(1 for d in result.documents if d.in_pred),
            "missing_predictions": list(result.missing_predictions),
            "unknown_documents": list(result.unknown_documents),
        },
        "strict": mode_to_dict(result.strict),
        "lenient": mode_to_dict(result.lenient),
        "per_document": [
            {
                "doc_id": d.doc_id,
                "n_gold": d.n_gold,
                "n_pred": d.n_pred,
                "in_gold": d.in_gold,
                "in_pred": d.in_pred,
                "strict": mode_to_dict(d.strict, errors=False),
                "lenient": mode_to_dict(d.lenient, errors=False),
            }
            for d in result.documents
        ],
    }


def evaluate_files(gold_path: str | Path, pred_path: str | Path) -> dict[str, Any]:
    """Score a prediction file against a gold file; the JSON report.

    Where gold lines carry ``main_event`` the report adds ``main_event`` (the predicted
    ``events[0]`` against it), and where they carry ``events`` it adds ``merges`` (pairwise
    merge precision/recall); see ``evaluation.events``. Raises ``EvaluationError`` (codes
    E1xx) on a malformed file.
    """
    gold, pred = read_gold(gold_path), read_predictions(pred_path)
    report = evaluation_to_dict(evaluate(gold, pred), gold_path=str(gold_path), pred_path=str(pred_path))
    main_event = score_main_events(gold, pred)
    if main_event is not None:
        report["main_event"] = main_event
    merges = score_merges(gold, pred)
    if merges is not None:
        report["merges"] = merges
    return report


# --- text -----------------------------------------------------------------------------


def _num(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def _prf_cells(prf: dict[str, Any]) -> str:
    counts = f"{prf['tp']}/{prf['fp']}/{prf['fn']}"
    return f"{_num(prf['precision'])} {_num(prf['recall'])} {_num(prf['f1'])} {counts:>11}"


def _value(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    return "null" if value is None else str(value)


def _error_lines(error: dict[str, Any]) -> list[str]:
    failed = ", ".join(error["failed_slots"] + error["failed_fields"]) or "-"
    lines = [f"  [{error['doc_id']}] {error['kind'].upper()}  failed: {failed}"]
    pred, gold = error["pred"] or {}, error["gold"] or {}
    for name in list(dict.fromkeys([*pred, *gold])):
        mark = "x" if name in error["failed_slots"] or name in error["failed_fields"] else " "
        left = _value(pred.get(name)) if error["pred"] is not None else "-"
        right = _value(gold.get(name)) if error["gold"] is not None else "-"
        lines.append(f"    {mark} {name:<16} pred {left:<30} gold {right}")
    for side in ("pred", "gold"):
        if error["evidence"].get(side):
            lines.append(f"      {side} evidence: {error['evidence'][side]}")
    return lines


def format_report(report: dict[str, Any], *, errors: bool = True) -> str:
    """A readable plain-text rendering of ``evaluate_files``'s report."""
    docs = report["documents"]
    out = [
        f"Gold: {report['gold']}",
        f"Predictions: {report['pred']}",
        f"Documents: {docs['gold']} in gold, {docs['predicted']} predicted",
    ]
    if docs["missing_predictions"]:
        missing = docs["missing_predictions"]
        out.append(
            f"No predictions for {len(missing)} document(s) (their gold tuples count as false negatives, "
            "recall 0 on them): " + ", ".join(missing)
        )
    if docs["unknown_documents"]:
        out.append("Predicted documents not in gold (all false positives): " + ", ".join(docs["unknown_documents"]))
    out += [
        "",
        f"{'':<10} {'strict P    R    F1   tp/fp/fn':<32} | {'lenient P    R    F1   tp/fp/fn'}",
    ]
    rows = [(s, report["strict"]["slots"][s], report["lenient"]["slots"][s]) for s in SLOTS]
    rows.append(("micro", report["strict"]["micro"], report["lenient"]["micro"]))
    rows.append(("tuple", report["strict"]["tuples"], report["lenient"]["tuples"]))
    for name, strict, lenient in rows:
        if name == "micro":
            out.append("-" * 78)
        out.append(f"{name:<10} {_prf_cells(strict):<32} | {_prf_cells(lenient)}")
    if report.get("intervals"):
        from .significance import format_interval

        out += [format_interval(name, r) for name, r in report["intervals"].items()]
    out += [
        f"pairs: strict {report['strict']['pairs']}, lenient {report['lenient']['pairs']}",
        "",
        f"{'optional field':<18} {'strict acc (n)':<16} lenient acc (n)",
    ]
    for f in OPTIONAL_FIELDS:
        cells = [report[m]["fields"][f] for m in MODES]
        out.append(
            f"{f:<18} " + " ".join(f"{_num(c['accuracy'])} ({c['n']})".ljust(16) for c in cells)
        )
    if report.get("main_event"):
        main = report["main_event"]
        title = (
            f"Main event (guide section 5: events[0] against gold main_event, lenient): "
            f"{main['documents']} documents"
        )
        if main["no_gold_main_event"]:
            title += f" ({len(main['no_gold_main_event'])} with main_event null left out)"
        out += ["", *format_main_event(main, title=title)]
    if report.get("merges"):
        out += ["", *format_merges(report["merges"])]
    out += ["", f"{'document':<28} {'gold':>4} {'pred':>4}  micro F1 s/l   tuple F1 s/l"]
    for d in report["per_document"]:
        note = "" if d["in_gold"] and d["in_pred"] else ("  (no predictions)" if d["in_gold"] else "  (not in gold)")
        out.append(
            f"{d['doc_id']:<28} {d['n_gold']:>4} {d['n_pred']:>4}  "
            f"{_num(d['strict']['micro']['f1'])} {_num(d['lenient']['micro']['f1'])}    "
            f"{_num(d['strict']['tuples']['f1'])} {_num(d['lenient']['tuples']['f1'])}{note}"
        )
    if errors:
        for mode in MODES:
            listed = report[mode].get("errors", [])
            out += ["", f"Errors ({mode}): {len(listed)}"]
            for error in listed:
                out += _error_lines(error)
    return "\n".join(out) + "\n"
