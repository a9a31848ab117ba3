"""Compare the linkers with the project's own evaluation, and time them.

    python -m models.eval_linker                 # held-out RAMS/GENEVA + seeds, all linkers
    python -m models.eval_linker --bench         # also words per second against raw spaCy

For each linker the extractor runs (``extractor.batch.run_folder``) over the held-out
records with their annotated triggers and over ``seeds/``; ``python -m evaluation`` scores
the outputs. Everything is written under ``--out`` (default ``out/linker-eval``); the
figures also go to ``models/linker_eval.json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Sequence

from models.linker_data import ROOT, write_heldout

LINKERS = {
    "rules": "extractor.dep_linker.v1",
    "learned": "extractor.learned_linker.v1",
    "hybrid": "extractor.hybrid_linker.v1",
}
SLOTS = ("actor", "location", "date", "quantity")


def _fresh(path: Path) -> Path:
    # run_folder resumes: a stale output would be skipped, not redone
    path.unlink(missing_ok=True)
    path.with_name(path.stem + ".errors.jsonl").unlink(missing_ok=True)
    return path


def run_linker(short: str, heldout: dict[str, Path], out: Path) -> dict[str, Path]:
    """Predictions of one linker on the held-out files (given triggers) and on the seeds."""
    import extractor
    from extractor.batch import run_folder

    ex = extractor.load(linker=LINKERS[short])
    preds = {}
    for kind, data in heldout.items():
        preds[kind] = _fresh(out / f"pred-{short}-{kind}.jsonl")
        print(f"{short} {kind}: {run_folder(data, preds[kind], extractor=ex, given_triggers=True)}", file=sys.stderr)
    preds["seeds"] = _fresh(out / f"pred-{short}-seeds.jsonl")
    print(f"{short} seeds: {run_folder(ROOT / 'seeds', preds['seeds'], extractor=ex)}", file=sys.stderr)
    return preds


def score(kind: str, pred: Path, data: Path) -> dict[str, Any]:
    """The evaluation's JSON report, from its command line."""
    report = pred.with_suffix(".report.json")
    if kind == "seeds":
        cmd = [sys.executable, "-m", "evaluation", "seeds", "--gold", str(data), "--pred", str(pred), "--no-errors"]
    else:
        cmd = [sys.executable, "-m", "evaluation", kind, "--data", str(data), "--pred", str(pred)]
    subprocess.run([*cmd, "--json", str(report)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return json.loads(report.read_text())


def span_figures(report: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    """Per slot P, R, F1 of a RAMS/GENEVA report (F1 = 2tp / (2tp + fp + fn))."""
    out = {}
    for slot in SLOTS:
        s = report["slots"][slot]
        tp, fp, n = s["tp"], s["fp"], s["n"]
        denom = 2 * tp + fp + (n - tp)
        out[slot] = {"n": n, "tp": tp, "fp": fp, "precision": s["precision"], "recall": s["recall"], "f1": 2 * tp / denom if denom else None}
    return out


def pooled(parts: Sequence[dict[str, dict[str, Any]]]) -> dict[str, dict[str, float | None]]:
    """Per slot figures over several span reports at once (counts summed)."""
    out = {}
    for slot in SLOTS:
        tp, fp, n = (sum(p[slot][k] for p in parts) for k in ("tp", "fp", "n"))
        denom = 2 * tp + fp + (n - tp)
        out[slot] = {
            "n": n, "tp": tp, "fp": fp, "precision": tp / (tp + fp) if tp + fp else None,
            "recall": tp / n if n else None, "f1": 2 * tp / denom if denom else None,
        }
    return out


def seed_figures(report: dict[str, Any]) -> dict[str, dict[str, dict[str, float | None]]]:
    """Per mode and slot P, R, F1 of the seeds report, with micro."""
    return {
        mode: {
            **{slot: {k: report[mode]["slots"][slot][k] for k in ("precision", "recall", "f1")} for slot in SLOTS},
            "micro": {k: report[mode]["micro"][k] for k in ("precision", "recall", "f1")},
            "tuple": {k: report[mode]["tuples"][k] for k in ("precision", "recall", "f1")},
        }
        for mode in ("strict", "lenient")
    }


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def tables(figures: dict[str, Any], shorts: Sequence[str]) -> str:
    """Markdown tables: held-out F1 (recall) per slot, seeds F1 per slot, linkers side by side."""
    lines = []
    for kind, title in (("rams", "RAMS"), ("geneva", "GENEVA"), ("pooled", "RAMS + GENEVA pooled")):
        n = {s: figures[shorts[0]][kind][s]["n"] for s in SLOTS}
        lines += [f"Held-out {title} (given triggers), F1 / recall %:", "",
                  "| slot (gold n) | " + " | ".join(shorts) + " |", "|---|" + "---|" * len(shorts)]
        for slot in SLOTS:
            cells = [f"{_pct(figures[s][kind][slot]['f1'])} / {_pct(figures[s][kind][slot]['recall'])}" for s in shorts]
            lines.append(f"| {slot} ({n[slot]}) | " + " | ".join(cells) + " |")
        lines.append("")
    for mode in ("lenient", "strict"):
        lines += [f"Seeds gold, {mode}, F1 / recall %:", "", "| slot | " + " | ".join(shorts) + " |", "|---|" + "---|" * len(shorts)]
        for slot in (*SLOTS, "micro", "tuple"):
            cells = [f"{_pct(figures[s]['seeds'][mode][slot]['f1'])} / {_pct(figures[s]['seeds'][mode][slot]['recall'])}" for s in shorts]
            lines.append(f"| {slot} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def benchmark(shorts: Sequence[str], texts: list[str], *, rounds: int = 2) -> dict[str, Any]:
    """Words per second of raw ``nlp.pipe`` of the same spaCy model and of full extraction with
    each linker, on the same texts in the same run (best of ``rounds``), one process."""
    import spacy

    import extractor
    from extractor.model import model_name

    words = sum(len(t.split()) for t in texts)
    runners = {"raw spaCy": (lambda nlp=spacy.load(model_name()): sum(1 for _ in nlp.pipe(texts, batch_size=32)))}
    for short in shorts:
        ex = extractor.load(linker=LINKERS[short])
        ex.extract(texts[0])  # loads lazy parts (encoder, gazetteer) outside the timing
        runners[short] = lambda ex=ex: sum(1 for _ in ex.pipe(texts, batch_size=32))
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, run in runners.items():
            t = time.perf_counter()
            run()
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - t)
    raw = words / best["raw spaCy"]
    return {
        "words": words,
        "documents": len(texts),
        "rounds": rounds,
        "words_per_second": {k: round(words / v) for k, v in best.items()},
        "ratio_to_raw": {k: round((words / v) / raw, 3) for k, v in best.items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m models.eval_linker", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "linker-eval")
    parser.add_argument("--linkers", default="rules,learned,hybrid")
    parser.add_argument("--bench", action="store_true", help="also time the linkers against raw spaCy")
    parser.add_argument("--record", default=str(Path(__file__).resolve().parent / "linker_eval.json"),
                        help="where the figures are kept (empty to skip)")
    args = parser.parse_args(argv)
    shorts = args.linkers.split(",")
    args.out.mkdir(parents=True, exist_ok=True)
    heldout = write_heldout(args.out)
    figures: dict[str, Any] = {}
    for short in shorts:
        preds = run_linker(short, heldout, args.out)
        figures[short] = {kind: span_figures(score(kind, preds[kind], heldout[kind])) for kind in heldout}
        figures[short]["pooled"] = pooled([figures[short][kind] for kind in heldout])
        figures[short]["seeds"] = seed_figures(score("seeds", preds["seeds"], ROOT / "seeds" / "gold.jsonl"))
    result: dict[str, Any] = {"figures": figures, "heldout_records": {k: sum(1 for _ in p.open()) for k, p in heldout.items()}}
    if args.bench:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
        texts += [json.loads(line)["text"] for p in heldout.values() for line in p.open(encoding="utf-8")]
        result["benchmark"] = benchmark(shorts, texts)
    text = tables(figures, shorts)
    if "benchmark" in result:
        b = result["benchmark"]
        text += f"\nBatch cost, {b['words']} words in {b['documents']} documents, one process, best of {b['rounds']}:\n\n"
        text += "| pipeline | words/s | ratio to raw spaCy |\n|---|---|---|\n"
        text += "\n".join(f"| {k} | {v} | {b['ratio_to_raw'][k]:.2f} |" for k, v in b["words_per_second"].items()) + "\n"
    print(text)
    (args.out / "tables.md").write_text(text)
    if args.record:
        Path(args.record).write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
