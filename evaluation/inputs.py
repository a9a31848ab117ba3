"""Extractor input records from an outside data file, with each article's publication date.

    python -m evaluation.inputs DATA.jsonl [DATA2.jsonl ...] [--gold GOLD.jsonl] > RECORDS.jsonl

Writes ``{"doc_id", "text", "published"}`` lines (the extractor's record form). The date is
the record's ``published``/``date``, else its ``meta.date_publish`` (Giveme5W1H), cut to
``YYYY-MM-DD`` (no date where it is not one); with ``--gold``, only the gold's documents, dated as the gold dates them (the
hand-labelled news dev gold resolves relative dates against that date). Several data files
are read as one (a gold may hold articles of several sources); a gold document found in none
of them raises ``KeyError`` naming it. Reads files only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, Iterator, Sequence


def _date(record: dict[str, Any]) -> str | None:
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    value = record.get("published") or record.get("date") or meta.get("date_publish")
    try:  # the data writes a missing date as the string "None"
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        return None


def records(data: Path | Sequence[Path], gold: Path | None = None) -> Iterator[dict[str, Any]]:
    """The input records of ``data`` (only those of ``gold`` when given, in the gold's order)."""
    files = [data] if isinstance(data, (str, Path)) else list(data)
    rows = [json.loads(line) for f in files for line in Path(f).read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {str(r.get("doc_id", r.get("id"))): r for r in rows}
    if gold is None:
        for doc_id, r in by_id.items():
            yield {"doc_id": doc_id, "text": r["text"], "published": _date(r)}
        return
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            if g["doc_id"] not in by_id:
                raise KeyError(f"gold document {g['doc_id']!r} is in none of the data files {[str(f) for f in files]}")
            r = by_id[g["doc_id"]]
            yield {"doc_id": g["doc_id"], "text": r["text"], "published": g.get("published") or _date(r)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.inputs", description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="+", help="one or more data files, read as one")
    parser.add_argument("--gold", type=Path, help="keep only this gold file's documents, with its dates")
    args = parser.parse_args(argv)
    for record in records(args.data, args.gold):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
