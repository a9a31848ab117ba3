"""Command line: ``python -m evaluation seeds|compare|rams|geneva|wikievents|ucdp|notes|giveme5w1h|texts ...``.

Prints the plain-text report, optionally writes the JSON report; exits 2 with the error
message on bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Sequence

from extractor.errors import ExtractorError

from .errors import EvaluationError


def _parser(prog: str = "python -m evaluation") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog, description="Score predictions against gold or outside data: one mode per kind of data (MODE --help for its options)."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    seeds = commands.add_parser("seeds", help="score predictions against a gold file (annotation guide, section 4)")
    seeds.add_argument("--gold", required=True, type=Path, help="gold JSON Lines")
    seeds.add_argument("--pred", required=True, type=Path, help="prediction JSON Lines")
    seeds.add_argument("--json", type=Path, help="also write the JSON report here")
    seeds.add_argument("--html", type=Path, help="also write the report as one HTML page here (chart, tables, errors)")
    seeds.add_argument("--no-errors", action="store_true", help="leave the error listing out of the text report")
    seeds.add_argument(
        "--bootstrap", type=int, metavar="N", default=0,
        help="also give 95%% intervals of micro and tuple F1 from N resamples of the documents (seed 0)",
    )
    compare = commands.add_parser(
        "compare", help="the difference between two prediction files on one gold file, with a paired bootstrap interval over documents"
    )
    compare.add_argument("--gold", required=True, type=Path, help="gold JSON Lines")
    compare.add_argument("--pred", required=True, type=Path, nargs=2, metavar=("A", "B"), help="the two prediction files: B is compared with A")
    compare.add_argument("--bootstrap", type=int, metavar="N", default=2000, help="document resamples (default 2000, seed 0)")
    compare.add_argument("--json", type=Path, help="also write the differences as JSON here")
    kinds = (
        ("rams", "score predictions on RAMS-form outside data"),
        ("geneva", "score predictions on GENEVA-form outside data"),
        ("wikievents", "score predictions on WikiEvents-form outside data"),
        ("ucdp", "score predictions on UCDP-form outside data"),
        ("notes", "score coded country, place, date and deaths of event notes (coverage and accuracy where given)"),
        ("giveme5w1h", "score the predicted main event (events[0]) against Giveme5W1H's who / where / when"),
    )
    for kind, help_text in kinds:
        sub = commands.add_parser(kind, help=help_text)
        sub.add_argument("--data", required=True, type=Path, help="outside-data JSON Lines")
        sub.add_argument("--pred", required=True, type=Path, help="prediction JSON Lines keyed by record id")
        sub.add_argument("--json", type=Path, help="also write the JSON report here")
    texts = commands.add_parser("texts", help='write outside-data records as {"doc_id", "text"} JSON Lines')
    texts.add_argument("--data", required=True, type=Path, help="outside-data JSON Lines")
    texts.add_argument("-o", "--out", required=True, type=Path, help="output JSON Lines")
    return parser


def _write_json(report: dict[str, Any], path: Path | None) -> None:
    if path is not None:
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None, *, prog: str = "python -m evaluation") -> int:
    """Run one command; the process exit status. ``prog``: the program name in help and
    usage messages (``extractor evaluate`` when called from the extractor's command line)."""
    args = _parser(prog).parse_args(argv)
    try:
        if args.command == "seeds":
            from .report import evaluate_files, format_report

            report = evaluate_files(args.gold, args.pred)
            if args.bootstrap:
                from .significance import intervals

                report["intervals"] = intervals(report, samples=args.bootstrap)
            _write_json(report, args.json)
            if args.html is not None:
                from .html import write_html

                write_html(report, args.html, errors=not args.no_errors)
            sys.stdout.write(format_report(report, errors=not args.no_errors))
        elif args.command == "compare":
            from .report import evaluate_files
            from .significance import differences, format_difference

            a, b = (evaluate_files(args.gold, pred) for pred in args.pred)
            out = differences(a, b, samples=args.bootstrap)
            _write_json({"gold": str(args.gold), "a": str(args.pred[0]), "b": str(args.pred[1]), "differences": out}, args.json)
            sys.stdout.write(
                f"Gold: {args.gold}\nA: {args.pred[0]}\nB: {args.pred[1]}\nF1(B) - F1(A):\n"
                + "".join(f"  {format_difference(name, r)}\n" for name, r in out.items())
            )
        elif args.command == "texts":
            from .outside import write_texts

            n = write_texts(args.data, args.out)
            sys.stdout.write(f"wrote {n} records to {args.out}\n")
        else:
            from extractor.extras import optional_import

            from .outside import evaluate_outside_files, format_outside_report

            optional_import("datasets", extra="eval", feature="Evaluating on outside data").disable_progress_bars()
            report = evaluate_outside_files(args.data, args.pred, kind=args.command)
            _write_json(report, args.json)
            sys.stdout.write(format_outside_report(report))
    except (EvaluationError, ExtractorError, OSError) as exc:  # ExtractorError: E060, an extra missing
        sys.stderr.write(f"error: {exc}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
