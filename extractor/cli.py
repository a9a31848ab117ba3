"""Command line: ``extractor run``, ``extractor evaluate``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from .errors import ExtractorError

OUTSIDE_KINDS = ("rams", "geneva", "ucdp", "texts")


def _run(args: argparse.Namespace) -> int:
    from .batch import run_folder

    if not args.input.exists():
        print(ExtractorError("E004", path=args.input), file=sys.stderr)
        return 2
    summary = run_folder(
        args.input,
        args.out,
        manifest=args.meta,
        errors_path=args.errors,
        linker=args.linker,
        batch_size=args.batch_size,
        n_process=args.n_process,
        given_triggers=args.given_triggers,
    )
    if args.print:
        _print_tuples(args.out)
    print(summary, file=sys.stderr)
    return 0


def _print_tuples(path: Path) -> None:
    import json

    with path.open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            print(f"== {doc['doc_id']} (published {doc.get('published')}): {len(doc['tuples'])} tuples")
            for t in doc["tuples"]:
                parts = [f"{k}={t[k]!r}" for k in ("actor", "action", "quantity", "location", "date") if t.get(k)]
                values = [f"{k}={t[k]}" for k in ("quantity_value", "date_value", "location_country", "modality", "event_type") if t.get(k) is not None]
                print("  " + " | ".join(parts) + ("  [" + ", ".join(values) + "]" if values else ""))


def _evaluate(argv: Sequence[str]) -> int:
    from evaluation.__main__ import main as evaluation_main

    argv = list(argv)
    if argv and argv[0] in OUTSIDE_KINDS:
        return evaluation_main(argv)
    return evaluation_main(["seeds", *argv])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="extract tuples from a folder of articles (or a .jsonl of records)")
    run.add_argument("input", type=Path, help="folder of .txt/.json/.jsonl articles, or one such file")
    run.add_argument("-o", "--out", type=Path, required=True, help="output JSON Lines")
    run.add_argument("--meta", type=Path, help="manifest JSON Lines (doc_id, published, url, title); default FOLDER/manifest.jsonl")
    run.add_argument("--errors", type=Path, help="errors JSON Lines (default OUT.errors.jsonl)")
    run.add_argument("--linker", default="extractor.dep_linker.v1", help="registered linker name")
    run.add_argument("--batch-size", type=int, default=32)
    run.add_argument("--n-process", type=int, default=1)
    run.add_argument("--print", action="store_true", help="print the extracted tuples when done")
    run.add_argument(
        "--given-triggers",
        action="store_true",
        help="link arguments for the records' annotated triggers (RAMS/GENEVA form) instead of finding triggers",
    )
    sub.add_parser(
        "evaluate",
        help="score predictions: --gold G --pred P, or rams|geneva|ucdp --data D --pred P",
        add_help=False,
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "evaluate":
        return _evaluate(argv[1:])
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ExtractorError as err:
        print(err, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
