"""Batch benchmark: full extraction (``run_folder``) against raw ``nlp.pipe`` of the same model.

Run on demand, not in CI (it takes minutes):

    .venv/bin/python benchmarks/bench_batch.py [--words 200000] [--batch-size 32] [--repeat 2] [--json OUT.json]

The corpus is the seed articles and the texts of ``../shared/evaldata`` (RAMS, GENEVA,
UCDP), repeated until it holds ``--words`` words, written as one ``.txt`` file per
document. Each measurement runs in a fresh process that loads its pipeline, warms it on a
few documents, then processes the whole folder: raw spaCy (``spacy.load`` of the model the
extractor uses, ``nlp.pipe`` over the files' texts) and the extractor's batch run (reading,
language check, extraction, JSON Lines output), each with ``n_process`` 1 and 2. It reports
words per second, the ratio of extraction to raw spaCy in the same run, the speed-up of two
processes, and peak memory (proportional set size of the process and its workers, so
pages the forked workers share count once, sampled every 2 s; resident sets every 0.1 s), also for a run over a
tenth of the documents to show that memory stays flat. It first measures how much more
work two busy Python processes do than one on the machine at that moment: on a shared
machine this ceiling, not 2.0, bounds any ``n_process=2`` speed-up.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVALDATA = ROOT.parent / "shared" / "evaldata"
SOURCES = ("rams-dev.jsonl", "geneva-val.jsonl", "ucdp-ukraine-dev.jsonl")


def corpus_texts() -> list[str]:
    """The unique texts: seed articles, then the outside data's texts."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for name in SOURCES:
        path = EVALDATA / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    return texts


def write_corpus(folder: Path, words: int) -> dict[str, int]:
    """Write texts, repeated, as ``.txt`` files until ``words`` words; their counts."""
    texts = corpus_texts()
    unique_words = sum(len(t.split()) for t in texts)
    folder.mkdir(parents=True, exist_ok=True)
    total = docs = 0
    while total < words:
        for text in texts:
            (folder / f"{docs:06}.txt").write_text(text, encoding="utf-8")
            docs += 1
            total += len(text.split())
            if total >= words:
                break
    return {"documents": docs, "words": total, "unique_documents": len(texts), "unique_words": unique_words}


class PeakMemory:
    """Samples the memory of this process and its descendants: resident sets every
    ``interval`` seconds (cheap), proportional set sizes every ``pss_interval`` seconds
    (reading smaps costs ~20 ms per process and stalls its page faults, so not more often)."""

    def __init__(self, interval: float = 0.1, pss_interval: float = 2.0) -> None:
        self.interval = interval
        self.pss_every = max(1, round(pss_interval / interval))
        self.peak_total = 0
        self.peak_rss_sum = 0
        self.peak_main = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample(pss=True)

    def _run(self) -> None:
        k = 0
        while not self._stop.wait(self.interval):
            k += 1
            self.sample(pss=k % self.pss_every == 0)

    def sample(self, *, pss: bool) -> None:
        pids = [os.getpid(), *_descendants(os.getpid())]
        rss = [_rss(pid) for pid in pids]
        self.peak_main = max(self.peak_main, rss[0])
        self.peak_rss_sum = max(self.peak_rss_sum, sum(rss))
        if pss:
            # Proportional set size: pages that forked workers share with this process count once.
            self.peak_total = max(self.peak_total, sum(_pss(pid) for pid in pids))


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return _rss(pid)


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{current}/task/{tid}/children", encoding="ascii") as handle:
                    children = [int(c) for c in handle.read().split()]
            except OSError:
                continue
            found.extend(children)
            todo.extend(children)
    return found


def child(mode: str, folder: Path, *, n_process: int, batch_size: int, limit: int | None) -> dict:
    """One measurement, in this (fresh) process."""
    files = sorted(folder.glob("*.txt"))[:limit]
    warm = [f.read_text(encoding="utf-8") for f in files[:20]]
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    if mode == "raw":
        import spacy

        from extractor.model import model_name

        nlp = spacy.load(model_name())
        for _ in nlp.pipe(warm, batch_size=batch_size):
            pass
        texts = (f.read_text(encoding="utf-8") for f in files)
        with PeakMemory() as memory:
            started = time.perf_counter()
            docs = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
            seconds = time.perf_counter() - started
        tuples = None
    else:
        import extractor
        from extractor.batch import run_folder

        ex = extractor.load()
        for _ in ex.pipe(warm, batch_size=batch_size):
            pass
        source = folder
        if limit is not None:
            source = Path(tempfile.mkdtemp(prefix="bench-subset-"))
            for f in files:
                os.symlink(f, source / f.name)
        with tempfile.TemporaryDirectory() as tmp, PeakMemory() as memory:
            started = time.perf_counter()
            summary = run_folder(source, Path(tmp) / "out.jsonl", extractor=ex, batch_size=batch_size, n_process=n_process)
            seconds = time.perf_counter() - started
        docs, tuples = summary.documents, summary.tuples
        if summary.errors:
            print(f"warning: {summary.errors} documents failed", file=sys.stderr)
    return {
        "mode": mode,
        "n_process": n_process,
        "documents": docs,
        "words": words,
        "tuples": tuples,
        "seconds": round(seconds, 2),
        "words_per_s": round(words / seconds, 1),
        "peak_memory_mb": round(memory.peak_total / 2**20),
        "peak_rss_main_mb": round(memory.peak_main / 2**20),
        "peak_rss_sum_mb": round(memory.peak_rss_sum / 2**20),
    }


def measure(mode: str, folder: Path, *, n_process: int, batch_size: int, limit: int | None = None) -> dict:
    command = [sys.executable, __file__, "--child", mode, "--folder", str(folder), "--n-process", str(n_process), "--batch-size", str(batch_size)]
    if limit is not None:
        command += ["--limit", str(limit)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{mode} n_process={n_process} failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  {mode:5} n_process={n_process} docs={result['documents']}: {result['words_per_s']:.0f} words/s, "
          f"{result['seconds']} s, peak {result['peak_memory_mb']} MB", file=sys.stderr, flush=True)
    return result


SPIN = "import time\nend = time.perf_counter() + {seconds}\nn = 0\nwhile time.perf_counter() < end:\n    n += 1\nprint(n)"


def two_process_ceiling(seconds: float = 5.0) -> float:
    """How much more work two busy Python processes get done than one, on this machine now:
    the most that ``n_process=2`` can gain here (2.0 on two free cores)."""

    def spin(k: int) -> int:
        procs = [subprocess.Popen([sys.executable, "-c", SPIN.format(seconds=seconds)], stdout=subprocess.PIPE, text=True) for _ in range(k)]
        return sum(int(p.communicate()[0]) for p in procs)

    return round(spin(2) / spin(1), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=200_000, help="corpus size in words (texts repeated)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each configuration, alternating; the best is reported")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--child", choices=("raw", "full"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.folder, n_process=args.n_process, batch_size=args.batch_size, limit=args.limit)))
        return 0

    ceiling = two_process_ceiling()
    print(f"machine: two busy processes do {ceiling}x the work of one", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp) / "corpus"
        corpus = write_corpus(folder, args.words)
        print(f"corpus: {corpus}", file=sys.stderr)
        every = []
        for _ in range(args.repeat):
            for n_process in (1, 2):
                for mode in ("raw", "full"):
                    every.append(measure(mode, folder, n_process=n_process, batch_size=args.batch_size))
        tenth = corpus["documents"] // 10
        small = [measure("full", folder, n_process=n, batch_size=args.batch_size, limit=tenth) for n in (1, 2)]

    ceiling = [ceiling, two_process_ceiling()]
    print(f"machine at the end: two busy processes do {ceiling[1]}x the work of one", file=sys.stderr)
    # Best of the repeats: on a shared machine the fastest run is the least disturbed one.
    by: dict[tuple[str, int], dict] = {}
    for r in every:
        key = (r["mode"], r["n_process"])
        if key not in by or r["words_per_s"] > by[key]["words_per_s"]:
            by[key] = r
    runs = [by[mode, n] for n in (1, 2) for mode in ("raw", "full")]
    report = {
        "command": "python benchmarks/bench_batch.py " + " ".join(sys.argv[1:]),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load_average_at_end": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "corpus": corpus,
        "batch_size": args.batch_size,
        "runs": runs,
        "every_run": every,
        "tenth_of_the_documents": small,
        "repeat": args.repeat,
        "ratio_full_to_raw": {n: round(by["full", n]["words_per_s"] / by["raw", n]["words_per_s"], 3) for n in (1, 2)},
        "speedup_2_processes": {m: round(by[m, 2]["words_per_s"] / by[m, 1]["words_per_s"], 3) for m in ("raw", "full")},
        "memory_10x_over_1x": {n: round(by["full", n]["peak_memory_mb"] / s["peak_memory_mb"], 3) for n, s in zip((1, 2), small)},
        "machine_two_process_ceiling_start_end": ceiling,
    }
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(markdown(report), file=sys.stderr)
    return 0


def markdown(report: dict) -> str:
    """The results as a Markdown table."""
    rows = ["| pipeline | n_process | documents | words/s | seconds | peak memory, PSS (MB) |", "|---|---|---|---|---|---|"]
    for r in report["runs"] + report["tenth_of_the_documents"]:
        rows.append(f"| {'raw nlp.pipe' if r['mode'] == 'raw' else 'extraction'} | {r['n_process']} | {r['documents']} | "
                    f"{r['words_per_s']:.0f} | {r['seconds']} | {r['peak_memory_mb']} |")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
