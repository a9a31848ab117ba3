"""CPU cost of the learned selector: the same extractor, in one process, over the same texts,
with the rule admission and with the learned selector, in alternating passes.

    python benchmarks/bench_selector.py [--rounds 3] [--inputs DIR] [--version v1|v2] [--linking full|admitted]

Texts: the seeds and the development inputs (``news-dev*-input.jsonl`` under ``--inputs``, as
``evaluation/figures.sh`` writes them). Each round runs ``Extractor.pipe`` over every text
once per selector (the order alternates between rounds); the first round warms the caches
and is reported apart. The ratio is the rule admission's CPU seconds over the learned
selector's (below 1: the selector costs that share), from the sums of rounds 2 on.
``--linking`` overrides what the weights file says the selector scores: every trigger's full
linking, or only the triggers of the linker's ``admitted_only`` pass (``LearnedSelector.full_linking``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_SETS = ("news-dev", "news-dev2", "news-dev3", "news-dev4", "news-dev5")


def texts(inputs: Path) -> list[dict]:
    out = [{"doc_id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for name in DEV_SETS:
        path = inputs / f"{name}-input.jsonl"
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--inputs", type=Path, default=Path("/work/main/out/figures/extractor.dep_linker.v1"))
    parser.add_argument("--version", default="v1", help="which weights file (selector.SELECTOR_FILES)")
    parser.add_argument("--linking", choices=("full", "admitted"), default=None, help="default: what the weights file says")
    args = parser.parse_args(argv)
    import extractor
    from extractor.selector import LEARNED_SELECTOR, LearnedSelector, selector_path

    records = texts(args.inputs)
    ex = extractor.load()
    component = ex.nlp.get_pipe("event_extractor")
    learned = LearnedSelector(selector_path(args.version))  # its own instance: the override below stays here
    if args.linking is not None:
        learned.full_linking = args.linking == "full"
    configs = {"rule_admission": (None, component.selector_name), "learned_selector": (learned, LEARNED_SELECTOR)}
    cpu: dict[str, list[float]] = {name: [] for name in configs}
    tuples: dict[str, int] = {}
    for r in range(args.rounds):
        order = list(configs) if r % 2 == 0 else list(reversed(configs))
        for name in order:
            component.selector, component.selector_name = configs[name]
            start = time.process_time()
            results = list(ex.pipe(records))
            cpu[name].append(time.process_time() - start)
            tuples[name] = sum(len(res.tuples) for res in results)
            print(f"round {r + 1} {name}: {cpu[name][-1]:.2f} s CPU", file=sys.stderr, flush=True)
    warm = {name: sum(v[1:]) for name, v in cpu.items()}
    report = {
        "documents": len(records), "rounds": args.rounds, "version": args.version, "full_linking": learned.full_linking, "cpu_seconds": cpu, "tuples": tuples,
        "ratio_rule_over_learned_warm": round(warm["rule_admission"] / warm["learned_selector"], 3),
        "ratio_first_round": round(cpu["rule_admission"][0] / cpu["learned_selector"][0], 3),
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
