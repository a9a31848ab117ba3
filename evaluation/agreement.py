"""Agreement between two labellings of the same articles (two gold files).

Each labelling is scored against the other with the guide's scorer (section 4): the
"predicted" side is reduced to what a system would give, the first alternative of each
slot (``null`` where that first alternative is ``null``), while the "gold" side keeps its
alternatives. Both directions are reported, over the documents the two files share.

    python -m evaluation.agreement FIRST.jsonl SECOND.jsonl [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import EvaluationError
from .io import Document, read_gold
from .report import mode_to_dict
from .scorer import evaluate

__all__ = ["first_reading", "agreement", "main"]


def first_reading(doc: Document) -> Document:
    """``doc`` with every list-valued field of its tuples cut to its first alternative."""
    tuples = tuple({k: (v[0] if v else None) if isinstance(v, list) else v for k, v in t.items()} for t in doc.tuples)
    return replace(doc, tuples=tuples)


def _direction(gold: dict[str, Document], other: dict[str, Document]) -> dict[str, Any]:
    pred = {doc_id: first_reading(doc) for doc_id, doc in other.items()}
    result = evaluate(gold, pred)
    out: dict[str, Any] = {}
    for mode in ("strict", "lenient"):
        figures = mode_to_dict(getattr(result, mode), errors=False)
        out[mode] = {"micro": figures["micro"], "tuples": figures["tuples"]}
    return out


def agreement(first: str | Path, second: str | Path) -> dict[str, Any]:
    """Both directions of agreement over the shared documents of two gold files."""
    a, b = read_gold(first), read_gold(second)
    shared = [d for d in a if d in b]
    a = {d: a[d] for d in shared}
    b = {d: b[d] for d in shared}
    return {
        "documents": shared,
        "tuples": {"first": sum(len(a[d].tuples) for d in shared), "second": sum(len(b[d].tuples) for d in shared)},
        "second_against_first": _direction(a, b),
        "first_against_second": _direction(b, a),
    }


def _line(name: str, figures: dict[str, Any]) -> str:
    cells = []
    for mode in ("lenient", "strict"):
        micro, tuples = figures[mode]["micro"], figures[mode]["tuples"]
        cells.append(f"{mode} micro F1 {micro['f1']:.2f}, tuple F1 {tuples['f1']:.2f}")
    return f"{name}: " + "; ".join(cells)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.agreement", description=__doc__.split("\n\n")[0])
    parser.add_argument("first", help="a gold file (JSON Lines, guide section 3)")
    parser.add_argument("second", help="another labelling of some of the same documents")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    try:
        report = agreement(args.first, args.second)
    except EvaluationError as exc:
        print(exc, file=sys.stderr)
        return 2
    if not report["documents"]:
        print("the two files share no document (compare their doc_id values)", file=sys.stderr)
        return 2
    print(f"{len(report['documents'])} shared documents; tuples {report['tuples']['first']} / {report['tuples']['second']}")
    print(_line("second scored against first", report["second_against_first"]))
    print(_line("first scored against second", report["first_against_second"]))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
