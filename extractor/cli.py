"""Command line: ``extractor run``, ``extractor evaluate``."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import Sequence

from .errors import ExtractorError

# registry.DEFAULT_SELECTOR, written out so that the parser is built without importing the registry
DEFAULT_SELECTOR = "extractor.rule_admission.v1"

OUTSIDE_KINDS = ("rams", "geneva", "wikievents", "ucdp", "notes", "giveme5w1h", "texts")
EVALUATE_MODES = ("seeds", "compare", *OUTSIDE_KINDS)


def _count(option: str, *, per_cpu: bool = False):
    """An argparse type: a positive whole number (or -1, one per CPU, when ``per_cpu``);
    anything else is refused with E056 before anything is loaded."""
    what = "a whole number of at least 1" + (", or -1 (one per CPU)" if per_cpu else "")

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not (value >= 1 or (per_cpu and value == -1)):
            raise argparse.ArgumentTypeError(str(ExtractorError("E056", option=option, what=what, value=text)))
        return value

    parse.__name__ = "count"
    return parse


def _run(args: argparse.Namespace) -> int:
    from .batch import output_paths, run_folder

    if not args.input.exists():
        print(ExtractorError("E004", path=args.input), file=sys.stderr)
        return 2
    _, lines_path, _ = output_paths(args.out, format=args.format, errors_path=args.errors)
    # A terminated run stops like an interrupted one: the worker processes are told to
    # finish and the files closed. Every written line is complete, so a rerun resumes.
    previous = signal.signal(signal.SIGTERM, _stop)
    from .cache import loading_note

    print(loading_note(args.linker), file=sys.stderr)
    try:
        options = dict(
            manifest=args.meta,
            errors_path=args.errors,
            linker=args.linker,
            triggers=args.triggers,
            **({"selector": args.selector} if args.selector != DEFAULT_SELECTOR else {}),
            batch_size=args.batch_size,
            given_triggers=args.given_triggers,
            format=args.format,
            language_check=not args.any_language,
            with_text=args.with_text,
            progress=False if args.no_progress else None,
            level=args.level,
        )
        if args.backend == "dask":
            if args.selector != DEFAULT_SELECTOR:
                print("--selector is not passed to the dask backend's workers: run it without --backend dask", file=sys.stderr)
                return 2
            from .dask_backend import run_folder_dask

            summary = run_folder_dask(args.input, args.out, scheduler=args.scheduler, n_workers=args.n_workers, **options)
        else:
            summary = run_folder(args.input, args.out, n_process=args.n_process, **options)
    except KeyboardInterrupt:
        print(f"stopped; run the same command again to resume ({lines_path} keeps what was done)", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    if args.print:
        _print_tuples(lines_path)
    print(summary, file=sys.stderr)
    return 0


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


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
    """``extractor evaluate [MODE] ...``: the evaluation package's command line under this
    program name; no mode (only options) means ``seeds``, no arguments or ``--help`` lists
    every mode."""
    from evaluation.__main__ import main as evaluation_main

    argv = list(argv)
    if not argv or argv[0] in ("-h", "--help"):
        return evaluation_main(["--help"], prog="extractor evaluate")
    if argv[0] in EVALUATE_MODES:
        return evaluation_main(argv, prog="extractor evaluate")
    return evaluation_main(["seeds", *argv], prog="extractor evaluate")


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="extractor", description=__doc__)
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="extract tuples from a folder of articles (or a .jsonl of records)")
    run.add_argument("input", type=Path, help="folder of .txt/.html/.json/.jsonl articles, or one such file")
    run.add_argument("-o", "--out", type=Path, required=True, help="output file: JSON Lines, or .csv/.parquet (a table of tuples)")
    run.add_argument(
        "--format",
        choices=("jsonl", "csv", "parquet"),
        help="output format (default: from the name of --out, else jsonl); csv and parquet keep their JSON Lines beside them as OUT.jsonl",
    )
    run.add_argument("--meta", type=Path, help="manifest JSON Lines (doc_id, published, url, title); default FOLDER/manifest.jsonl")
    run.add_argument("--errors", type=Path, help="errors JSON Lines (default OUT.errors.jsonl)")
    run.add_argument("--linker", default="extractor.dep_linker.v1", help="registered linker name")
    run.add_argument(
        "--triggers", default="rules", choices=("rules", "rules+head"),
        help="trigger finding: the rules, or the rules plus the learned trigger head (models/trigger_head.md)",
    )
    run.add_argument(
        "--selector", default=DEFAULT_SELECTOR,
        help="which linked triggers become tuples: extractor.rule_admission.v1 (the fixed rule, default), "
        "extractor.learned_selector.v1 (a learned scorer of every linked trigger, models/selector.md) or "
        "extractor.learned_selector_admitted.v1 (the same scorer over the triggers the default links in full: cheaper); "
        "the diagnostic extractor.keep_all.v1 keeps every trigger with its full linking (for python -m evaluation.misses)",
    )
    run.add_argument("--batch-size", type=_count("--batch-size"), default=32, help="documents per batch for nlp.pipe")
    run.add_argument("--n-process", type=_count("--n-process", per_cpu=True), default=1, help="worker processes for nlp.pipe (-1: one per CPU)")
    run.add_argument("--print", action="store_true", help="print the extracted tuples when done")
    run.add_argument(
        "--level",
        choices=("tuples", "events"),
        default="tuples",
        help="rows of a .csv/.parquet table: one per mention tuple, or one per document-level event (main event first)",
    )
    run.add_argument("--any-language", action="store_true", help="process documents that are not in English instead of reporting them")
    run.add_argument("--with-text", action="store_true", help="add each document's text to its line (the text that offsets point into)")
    run.add_argument("--no-progress", action="store_true", help="no progress bar (it shows only on a terminal anyway)")
    run.add_argument("--backend", choices=("local", "dask"), default="local", help="local: this machine (--n-process); dask: a dask.distributed cluster")
    run.add_argument("--scheduler", help="with --backend dask: scheduler address tcp://HOST:8786 (default: a local cluster)")
    run.add_argument("--n-workers", type=_count("--n-workers"), default=2, help="with --backend dask and no --scheduler: worker processes of the local cluster")
    sub.add_parser("show", help="HTML page of articles with every tuple slot highlighted (--gold: errors marked)", add_help=False)
    run.add_argument(
        "--given-triggers",
        action="store_true",
        help="link arguments for the records' annotated triggers (RAMS/GENEVA form) instead of finding triggers",
    )
    sub.add_parser(
        "evaluate",
        help="score predictions: [seeds] --gold G --pred P [--html REPORT.html], or "
        "rams|geneva|wikievents|ucdp|notes|giveme5w1h --data D --pred P, or texts --data D -o OUT "
        "(`extractor evaluate --help` for each)",
        add_help=False,
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "evaluate":
        return _evaluate(argv[1:])
    if argv and argv[0] == "show":
        from .show import main as show_main

        return show_main(argv[1:])
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ExtractorError as err:
        print(err, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
