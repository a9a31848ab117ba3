"""The seed evaluation report as one self-contained HTML page.

Per-slot precision, recall and F1 as a chart (matplotlib, inline SVG), the totals, the
optional-field accuracies, a per-document table and the error listing, all from the JSON
report of ``evaluate_files``. ``python -m evaluation.html --gold G --pred P -o report.html``.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import sys
from pathlib import Path
from typing import Any, Sequence

from .errors import EvaluationError
from .match import SLOTS
from .scorer import MODES, OPTIONAL_FIELDS

MEASURES = ("precision", "recall", "f1")
_BAR_COLORS = {"precision": "#4c78a8", "recall": "#f58518", "f1": "#54a24b"}

_CSS = """
body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; margin: 1.5rem 2rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f2f2f2; }
.note { color: #666; font-size: 0.85rem; }
.error { border: 1px solid #ddd; border-left: 4px solid #d62728; margin: 0.6rem 0; padding: 0.3rem 0.6rem; }
.error.fp { border-left-color: #ff7f0e; } .error.fn { border-left-color: #9467bd; } .error.fields { border-left-color: #bcbd22; }
.error table { margin: 0.3rem 0; }
tr.failed td { background: #ffd6d6; }
.chart svg { max-width: 100%; height: auto; }
"""


def slot_chart_svg(report: dict[str, Any]) -> str:
    """Per-slot (and micro, tuple) precision, recall and F1 of both modes, as an SVG chart."""
    from extractor.extras import optional_import

    matplotlib = optional_import("matplotlib", extra="eval", feature="The charts of `evaluate --html`")
    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    rows = [*SLOTS, "micro", "tuple"]
    with matplotlib.rc_context({"svg.hashsalt": "evaluation", "svg.fonttype": "none", "font.size": 9}):
        fig, axes = plt.subplots(1, len(MODES), figsize=(11, 3.6), sharey=True)
        try:
            for ax, mode in zip(axes, MODES):
                width = 0.27
                for k, measure in enumerate(MEASURES):
                    values = [_prf(report, mode, row).get(measure) for row in rows]
                    xs = [i + (k - 1) * width for i in range(len(rows))]
                    bars = ax.bar(xs, [v or 0.0 for v in values], width, label=measure, color=_BAR_COLORS[measure])
                    for bar, value in zip(bars, values):
                        ax.annotate(
                            "\u2013" if value is None else f"{value:.2f}",
                            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                            ha="center",
                            va="bottom",
                            fontsize=6.5,
                        )
                ax.set_xticks(range(len(rows)), rows)
                ax.set_ylim(0, 1.1)
                ax.set_title(mode)
                ax.grid(axis="y", alpha=0.3)
                ax.set_axisbelow(True)
            axes[0].set_ylabel("score")
            axes[-1].legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
            fig.tight_layout()
            buffer = io.StringIO()
            fig.savefig(buffer, format="svg", metadata={"Date": None})
        finally:
            plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def render_html(report: dict[str, Any], *, title: str = "Evaluation report", errors: bool = True) -> str:
    """The HTML page of ``evaluate_files``'s report; ``errors=False`` leaves the listing out."""
    docs = report["documents"]
    notes = [
        f"Gold: {_e(report.get('gold', ''))} \u00b7 predictions: {_e(report.get('pred', ''))} \u00b7 "
        f"{docs['gold']} documents in gold, {docs['predicted']} predicted."
    ]
    if docs["missing_predictions"]:
        notes.append(
            "No predictions for (their gold tuples count as false negatives): " + _e(", ".join(docs["missing_predictions"]))
        )
    if docs["unknown_documents"]:
        notes.append("Predicted documents not in gold (all false positives): " + _e(", ".join(docs["unknown_documents"])))
    parts = [
        f"<h1>{_e(title)}</h1>",
        *(f'<p class="note">{n}</p>' for n in notes),
        '<h2>Slots</h2><div class="chart">' + slot_chart_svg(report) + "</div>",
        _totals_table(report),
        "<h2>Optional fields</h2>" + _fields_table(report),
        "<h2>Documents</h2>" + _documents_table(report),
    ]
    if errors:
        for mode in MODES:
            listed = report[mode].get("errors", [])
            parts.append(f'<h2 id="errors-{mode}">Errors ({mode}): {len(listed)}</h2>')
            parts.extend(_error_block(e) for e in listed)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>" + "".join(parts) + "</body></html>\n"
    )


def write_html(report: dict[str, Any], path: str | Path, *, title: str = "Evaluation report", errors: bool = True) -> Path:
    """Write ``render_html`` of ``report`` to ``path`` (folders made as needed); the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(report, title=title, errors=errors), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m evaluation.html``: score and write the HTML report; the exit status."""
    parser = argparse.ArgumentParser(prog="python -m evaluation.html", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, type=Path, help="gold JSON Lines")
    parser.add_argument("--pred", required=True, type=Path, help="prediction JSON Lines")
    parser.add_argument("-o", "--out", required=True, type=Path, help="HTML file to write")
    parser.add_argument("--no-errors", action="store_true", help="leave the error listing out")
    args = parser.parse_args(argv)
    from .report import evaluate_files

    try:
        report = evaluate_files(args.gold, args.pred)
    except (EvaluationError, OSError) as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    write_html(report, args.out, errors=not args.no_errors)
    sys.stdout.write(f"wrote {args.out}\n")
    return 0


# --- pieces ------------------------------------------------------------------------------


def _prf(report: dict[str, Any], mode: str, row: str) -> dict[str, Any]:
    if row == "micro":
        return report[mode]["micro"]
    if row == "tuple":
        return report[mode]["tuples"]
    return report[mode]["slots"][row]


def _num(value: float | None) -> str:
    return "\u2013" if value is None else f"{value:.2f}"


def _totals_table(report: dict[str, Any]) -> str:
    head = "<tr><th rowspan=2></th>" + "".join(f"<th colspan=4>{m}</th>" for m in MODES) + "</tr><tr>"
    head += "<th>P</th><th>R</th><th>F1</th><th>tp/fp/fn</th>" * len(MODES) + "</tr>"
    body = []
    for row in [*SLOTS, "micro", "tuple"]:
        cells = []
        for mode in MODES:
            prf = _prf(report, mode, row)
            cells += [f'<td class="num">{_num(prf[m])}</td>' for m in MEASURES]
            cells.append(f'<td class="num">{prf["tp"]}/{prf["fp"]}/{prf["fn"]}</td>')
        body.append(f'<tr class="row-{row}"><th>{row}</th>{"".join(cells)}</tr>')
    pairs = ", ".join(f"{m} {report[m]['pairs']}" for m in MODES)
    return f'<table class="totals"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table><p class="note">pairs: {pairs}</p>'


def _fields_table(report: dict[str, Any]) -> str:
    head = "<tr><th>field</th>" + "".join(f"<th>{m} accuracy (n)</th>" for m in MODES) + "</tr>"
    body = []
    for f in OPTIONAL_FIELDS:
        cells = "".join(
            f'<td class="num">{_num(report[m]["fields"][f]["accuracy"])} ({report[m]["fields"][f]["n"]})</td>' for m in MODES
        )
        body.append(f"<tr><th>{f}</th>{cells}</tr>")
    return f'<table class="fields"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'


def _documents_table(report: dict[str, Any]) -> str:
    head = (
        "<tr><th>document</th><th>gold</th><th>pred</th>"
        + "".join(f"<th>{m} micro P</th><th>{m} micro R</th><th>{m} micro F1</th><th>{m} tuple F1</th>" for m in MODES)
        + "<th>note</th></tr>"
    )
    body = []
    for d in report["per_document"]:
        note = "" if d["in_gold"] and d["in_pred"] else ("no predictions" if d["in_gold"] else "not in gold")
        cells = [f"<td>{_e(d['doc_id'])}</td>", f'<td class="num">{d["n_gold"]}</td>', f'<td class="num">{d["n_pred"]}</td>']
        for m in MODES:
            micro = d[m]["micro"]
            cells += [f'<td class="num">{_num(micro[k])}</td>' for k in MEASURES]
            cells.append(f'<td class="num">{_num(d[m]["tuples"]["f1"])}</td>')
        cells.append(f"<td>{note}</td>")
        body.append(f'<tr class="document">{"".join(cells)}</tr>')
    return f'<table class="documents"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'


def _value(value: Any) -> str:
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False)


def _error_block(error: dict[str, Any]) -> str:
    failed = error["failed_slots"] + error["failed_fields"]
    pred, gold = error["pred"] or {}, error["gold"] or {}
    rows = []
    for name in dict.fromkeys([*pred, *gold]):
        left = _value(pred.get(name)) if error["pred"] is not None else "\u2013"
        right = _value(gold.get(name)) if error["gold"] is not None else "\u2013"
        mark = ' class="failed"' if name in failed else ""
        rows.append(f"<tr{mark}><th>{_e(name)}</th><td>{_e(left)}</td><td>{_e(right)}</td></tr>")
    evidence = "".join(
        f'<p class="note">{side} evidence: {_e(error["evidence"][side])}</p>'
        for side in ("pred", "gold")
        if error["evidence"].get(side)
    )
    return (
        f'<div class="error {_e(error["kind"])}"><b>[{_e(error["doc_id"])}] {_e(error["kind"].upper())}</b> '
        f'failed: {_e(", ".join(failed) or "-")}'
        f'<table><thead><tr><th></th><th>predicted</th><th>gold</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f"{evidence}</div>"
    )


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


if __name__ == "__main__":
    sys.exit(main())
