"""What the learned trigger head costs: raw ``nlp.pipe``, the extractor with the rule
triggers and the extractor with ``triggers="rules+head"``, over the same texts in one
process, passes alternated; CPU seconds and ratios to raw spaCy (best of ``--repeat``).

    PYTHONPATH=$PWD python benchmarks/bench_trigger_head.py --max-docs 150 --repeat 2
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_batch import corpus_sources  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("batch", "all"), default="batch")
    parser.add_argument("--max-docs", type=int, default=150, help="at most this many documents of each source")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    import spacy

    import extractor
    from extractor.model import model_name

    texts = [t for _, ts in corpus_sources(args.corpus) for t in ts[: args.max_docs]]
    words = sum(len(t.split()) for t in texts)
    pipes = {
        "raw": spacy.load(model_name()).pipe,
        "rules": extractor.load().pipe,
        "rules+head": extractor.load(triggers="rules+head").pipe,
    }
    for pipe in pipes.values():  # warm up: first-use tables, the head's file
        for _ in pipe(texts[:20], batch_size=args.batch_size):
            pass
    best: dict[str, float] = {}
    for r in range(args.repeat):
        order = list(pipes) if r % 2 == 0 else list(reversed(pipes))
        for name in order:
            start = time.process_time()
            for _ in pipes[name](texts, batch_size=args.batch_size):
                pass
            cpu = time.process_time() - start
            best[name] = min(best.get(name, cpu), cpu)
            print(f"round {r + 1} {name}: {cpu:.1f} s CPU", file=sys.stderr, flush=True)
    report = {
        "documents": len(texts), "words": words, "cpu_seconds": {k: round(v, 2) for k, v in best.items()},
        "ratio_to_raw": {k: round(best["raw"] / v, 3) for k, v in best.items() if k != "raw"},
        "head_over_rules": round(best["rules"] / best["rules+head"], 3),
    }
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
