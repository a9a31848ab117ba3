"""Several gold files (and their prediction files) pooled into one, refusing a shared document.

    python -m evaluation.pool --gold G1 G2 ... --pred P1 P2 ... --out-gold GOLD --out-pred PRED

Each output holds its inputs' lines in the order given, unchanged (what ``cat`` writes, with
a newline added after a file that lacks a final one), so the pooled files score as the golds
taken as one set. Every input is read and validated first (``E100``-``E115`` as the scorer
reads them, one line per document within a file: ``E107``); a ``doc_id`` in two of the
pooled files is ``E116``, naming the id and both files, and nothing is written. Reads and
writes files only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from .errors import EvaluationError
from .io import read_gold, read_predictions


def check_disjoint(paths: Sequence[str | Path], *, gold: bool = True) -> int:
    """The number of documents of ``paths``, each file validated as gold (or predictions);
    ``E116`` for a ``doc_id`` found in two of them."""
    read = read_gold if gold else read_predictions
    where: dict[str, tuple[Path, int]] = {}
    for path in map(Path, paths):
        for doc_id, doc in read(path).items():
            if doc_id in where:
                first, line = where[doc_id]
                raise EvaluationError(
                    "E116",
                    f"doc_id {doc_id!r} is also in {first}:{line}; pooled files must hold disjoint documents",
                    path=str(path),
                    line=doc.line,
                )
            where[doc_id] = (path, doc.line)
    return len(where)


def pool(golds: Sequence[str | Path], preds: Sequence[str | Path], out_gold: str | Path, out_pred: str | Path) -> tuple[int, int]:
    """Write the lines of ``golds``, in order, to ``out_gold`` and those of ``preds`` to
    ``out_pred`` once ``check_disjoint`` passes for both (neither is written otherwise); the
    numbers of gold and predicted documents pooled."""
    counts = check_disjoint(golds, gold=True), check_disjoint(preds, gold=False)
    _concatenate(golds, out_gold)
    _concatenate(preds, out_pred)
    return counts


def _concatenate(paths: Sequence[str | Path], out: str | Path) -> None:
    chunks = [Path(p).read_bytes() for p in paths]
    Path(out).write_bytes(b"".join(c if not c or c.endswith(b"\n") else c + b"\n" for c in chunks))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.pool", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", required=True, type=Path, nargs="+", help="the gold files, pooled in this order")
    parser.add_argument("--pred", required=True, type=Path, nargs="+", help="the prediction files, pooled in this order")
    parser.add_argument("--out-gold", required=True, type=Path, help="write the pooled gold here")
    parser.add_argument("--out-pred", required=True, type=Path, help="write the pooled predictions here")
    args = parser.parse_args(argv)
    try:
        n_gold, n_pred = pool(args.gold, args.pred, args.out_gold, args.out_pred)
    except EvaluationError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    sys.stderr.write(f"pooled {n_gold} gold documents from {len(args.gold)} files, {n_pred} predicted from {len(args.pred)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
