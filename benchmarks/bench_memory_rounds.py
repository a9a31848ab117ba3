"""Memory across rounds: ``Extractor.pipe`` over the same texts several times in one process,
the resident memory after each round. Flat rounds mean no per-document state is kept (the
bounded caches fill in the first round).

Run on demand, not in CI (about a minute per round on the 2-core machine):

    .venv/bin/python benchmarks/bench_memory_rounds.py [--data ../shared/evaldata] [--rounds 4] [--raw]

``--raw`` runs the model alone (``nlp.pipe``) instead, for comparison. Texts: every record of
the data folder's JSON Lines files that has a text (RAMS and GENEVA sentences joined).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
from pathlib import Path


def rss_mb() -> float:
    """This process's resident set size in MB (Linux ``/proc/self/statm``)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def texts_of(folder: Path) -> list[str]:
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            text = rec.get("text") or rec.get("body")
            if not text and rec.get("sentences"):
                text = " ".join(" ".join(s) if isinstance(s, list) else str(s) for s in rec["sentences"])
            if text:
                out.append(text)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "evaldata")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--raw", action="store_true", help="nlp.pipe alone")
    args = ap.parse_args()
    import extractor

    texts = texts_of(args.data)
    ex = extractor.load()
    print(f"{len(texts)} texts; after loading {rss_mb():.0f} MB")
    for r in range(1, args.rounds + 1):
        if args.raw:
            for _ in ex.nlp.pipe(texts, batch_size=32):
                pass
        else:
            for _ in ex.pipe(texts, batch_size=32):
                pass
        gc.collect()
        print(f"round {r}: {rss_mb():.0f} MB", flush=True)


if __name__ == "__main__":
    main()
