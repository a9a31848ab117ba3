"""Train the learned tuple selector (``extractor.selector``); writes ``models/selector-v1.npz``.

    python -m models.train_selector                      # collect candidates (cached), cross-validate, train, write
    python -m models.train_selector --fresh              # re-run the extractor on the dev inputs first
    python -m models.train_selector --oof OUT_DIR        # also write out-of-fold prediction files per dev set

Data: the five development golds (``evaluation/gold/news-dev.jsonl`` .. ``news-dev5.jsonl``,
121 documents) and their inputs (``python -m evaluation.inputs``, as ``evaluation/figures.sh``
builds them; ``--inputs DIR`` holds ``news-devN-input.jsonl``). Candidates: every trigger the
rule trigger finder gives that the linker (``extractor.dep_linker.v1``, full linking, not
``admitted_only``) gives an actor, an agentless verdict or any other slot, built as tuples
(``build_tuples(keep_all=True)``). Label: 1 when the scorer's own lenient pairing
(``evaluation.scorer.pair_tuples(candidates, golds, lenient=True)``, all of a document's
candidates against its gold tuples) pairs the candidate with a gold tuple, else 0.

Model: L2-regularized logistic regression over standardized features (names seen at least
``MIN_COUNT`` times in training), fit by Newton's method (deterministic, no random state).
Out-of-fold: grouped ``FOLDS``-fold by document (documents sorted by id, dealt to folds by a
salted SHA-256 of the id); the regularization and threshold are chosen on the pooled
out-of-fold lenient micro F1 (scored with ``evaluation.scorer``). Figures go to
``models/selector.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "evaluation" / "gold"
DEV_SETS = ("news-dev", "news-dev2", "news-dev3", "news-dev4", "news-dev5")
INPUTS = Path("/work/main/out/figures/extractor.dep_linker.v1")
CACHE = ROOT / "models" / "cache"
OUT = ROOT / "models" / "selector-v1.npz"
FIGURES = ROOT / "models" / "selector.json"
SALT = "extractor-selector-v1"
FOLDS = 5
MIN_COUNT = 3
L2 = 1.0
THRESHOLD = 0.5


class Collector:
    """A selector that keeps every candidate and records its features (for training)."""

    name = "collector"

    def __init__(self, wn_classes) -> None:
        self.rows: list[dict[str, float]] = []
        self.wn_classes = tuple(wn_classes)

    def select(self, doc, triggers, arguments, *, lexicon=None):
        from extractor.selector import candidate_features, is_candidate

        indices = [i for i, args in enumerate(arguments) if is_candidate(args)]
        self.rows.extend(candidate_features(doc, triggers, arguments, indices, lexicon=lexicon, wn_classes=self.wn_classes, tensor=True))
        return [(i, 1.0) for i in indices]


def wn_classes() -> tuple[str, ...]:
    with np.load(ROOT / "models" / "trigger_head-v1.npz", allow_pickle=False) as data:
        return tuple(str(x) for x in data["wn_classes"])


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def collect(inputs: Path, fresh: bool = False) -> list[dict[str, Any]]:
    """Per dev document: its set, id, candidate tuple dicts, feature dicts and labels."""
    CACHE.mkdir(parents=True, exist_ok=True)
    cache = CACHE / "selector-candidates.json"
    if cache.exists() and not fresh:
        return json.loads(cache.read_text())
    import extractor
    from evaluation.io import read_gold
    from evaluation.scorer import pair_tuples

    ex = extractor.load()
    component = ex.nlp.get_pipe("event_extractor")
    collector = Collector(wn_classes())
    component.selector, component.selector_name = collector, collector.name
    docs = []
    for name in DEV_SETS:
        records = read_jsonl(inputs / f"{name}-input.jsonl")
        gold = read_gold(GOLD / f"{name}.jsonl")
        for rec, result in zip(records, ex.pipe(records)):
            n = len(result.tuples)
            rows, collector.rows = collector.rows[:n], collector.rows[n:]
            cands = [t.to_dict() for t in result.tuples]
            golds = list(gold[result.doc_id].tuples) if result.doc_id in gold else []
            pairs = pair_tuples(list(as_document(result.doc_id, result.published, cands).tuples), golds, lenient=True)
            labels = [0] * n
            for i, _ in pairs:
                labels[i] = 1
            docs.append({"set": name, "doc_id": result.doc_id, "published": result.published, "candidates": cands, "features": rows, "labels": labels})
        if collector.rows:
            raise RuntimeError("feature rows and tuples out of step")
    cache.write_text(json.dumps(docs))
    return docs


def as_document(doc_id: str, published: str | None, tuples: list[dict[str, Any]]):
    """The prediction ``Document`` the scorer reads from a line with these tuples."""
    from evaluation.io import parse_document_line

    return parse_document_line(json.dumps({"doc_id": doc_id, "published": published, "tuples": tuples}), gold=False)


def add_slot_counts(docs: list[dict[str, Any]]) -> None:
    """Each candidate's true and false slots (``tp``, ``fp``) under the scorer's lenient
    pairing of all the document's candidates with its gold tuples (an unpaired candidate:
    every slot it states is false)."""
    from evaluation.io import read_gold
    from evaluation.scorer import SLOTS, _slot_matches, pair_tuples

    gold: dict[str, Any] = {}
    for name in DEV_SETS:
        gold.update(read_gold(GOLD / f"{name}.jsonl"))
    for d in docs:
        preds = list(as_document(d["doc_id"], d["published"], d["candidates"]).tuples)
        golds = list(gold[d["doc_id"]].tuples) if d["doc_id"] in gold else []
        tp = [0] * len(preds)
        fp = [sum(p.get(s) is not None for s in SLOTS) for p in preds]
        for i, j in pair_tuples(preds, golds, lenient=True):
            m = _slot_matches(preds[i], golds[j], lenient=True)
            tp[i] = sum(1 for s in SLOTS if m[s] and preds[i].get(s) is not None)
            fp[i] = sum(1 for s in SLOTS if not m[s] and preds[i].get(s) is not None)
        d["tp"], d["fp"] = tp, fp


def targets(docs: list[dict[str, Any]], mode: str) -> tuple[np.ndarray, np.ndarray]:
    """Training targets and weights: ``paired`` (1 when paired with a gold tuple, weight 1) or
    ``slots`` (the candidate's share of true slots, weighted by its slots: the model then
    estimates a candidate's slot precision, which is what micro F1 trades)."""
    if mode == "paired":
        y = np.array([lab for d in docs for lab in d["labels"]], dtype=np.float64)
        return y, np.ones_like(y)
    tp = np.array([v for d in docs for v in d["tp"]], dtype=np.float64)
    fp = np.array([v for d in docs for v in d["fp"]], dtype=np.float64)
    n = np.maximum(tp + fp, 1.0)
    return tp / n, n


def fold_of(doc_id: str) -> int:
    return int(hashlib.sha256(f"{SALT}|{doc_id}".encode()).hexdigest(), 16) % FOLDS


def feature_names(rows: list[dict[str, float]], *, tensor: bool, exclude: tuple[str, ...] = ()) -> list[str]:
    counts: dict[str, int] = {}
    for f in rows:
        for name in f:
            counts[name] = counts.get(name, 0) + 1
    names = [n for n, c in counts.items() if c >= MIN_COUNT and (tensor or not _is_tensor(n)) and not n.startswith(exclude)]
    return sorted(names)


def _is_tensor(name: str) -> bool:
    return name.startswith("t") and name[1:].isdigit()


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = L2, iters: int = 50, weights: np.ndarray | None = None) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """Standardize, then L2 logistic regression by Newton's method: (w, b, mean, std)."""
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std < 1e-6] = 1.0
    z = (x - mean) / std
    n, d = z.shape
    a = np.hstack([z, np.ones((n, 1))])
    theta = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[-1] = 0.0
    sw = np.ones(n) if weights is None else weights
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(a @ theta)))
        grad = a.T @ (sw * (p - y)) + reg * theta
        hess = (a * (sw * p * (1 - p))[:, None]).T @ a + np.diag(reg) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return theta[:-1], float(theta[-1]), mean, std


def predict(w: np.ndarray, b: float, mean: np.ndarray, std: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(((x - mean) / std) @ w + b)))


def score_selection(docs: list[dict[str, Any]], keep: list[list[bool]]) -> dict[str, Any]:
    """Lenient micro and tuple F1 of the kept candidates against the dev golds (pooled), and
    the true / false / missed slot counts."""
    from evaluation.io import read_gold
    from evaluation.scorer import evaluate

    gold: dict[str, Any] = {}
    for name in DEV_SETS:
        gold.update(read_gold(GOLD / f"{name}.jsonl"))
    pred = {}
    for d, k in zip(docs, keep):
        pred[d["doc_id"]] = as_document(d["doc_id"], d["published"], [c for c, kk in zip(d["candidates"], k) if kk])
    ev = evaluate({i: gold[i] for i in pred}, pred)
    m = ev.lenient.micro
    return {"micro": round(m.f1 or 0.0, 4), "tuple": round(ev.lenient.tuples.f1 or 0.0, 4), "tp": m.tp, "fp": m.fp, "fn": m.fn}


def design(docs: list[dict[str, Any]], names: list[str]) -> np.ndarray:
    from extractor.selector import vectorize

    return vectorize([f for d in docs for f in d["features"]], names)


def oof_scores(docs: list[dict[str, Any]], *, l2: float, tensor: bool, exclude: tuple[str, ...] = (), mode: str = "slots") -> list[np.ndarray]:
    """Each document's candidate scores from the model trained on the other folds."""
    out: list[np.ndarray | None] = [None] * len(docs)
    folds = [fold_of(d["doc_id"]) for d in docs]
    for k in range(FOLDS):
        train = [d for d, f in zip(docs, folds) if f != k]
        names = feature_names([r for d in train for r in d["features"]], tensor=tensor, exclude=exclude)
        y, sw = targets(train, mode)
        w, b, mean, std = fit(design(train, names), y, l2=l2, weights=sw)
        for i, (d, f) in enumerate(zip(docs, folds)):
            if f == k:
                out[i] = predict(w, b, mean, std, design([d], names)) if d["features"] else np.zeros(0)
    return out  # type: ignore[return-value]


def write_model(path: Path, docs: list[dict[str, Any]], *, l2: float, tensor: bool, threshold: float, exclude: tuple[str, ...] = (),
                mode: str = "slots") -> None:
    names = feature_names([r for d in docs for r in d["features"]], tensor=tensor, exclude=exclude)
    y, sw = targets(docs, mode)
    w, b, mean, std = fit(design(docs, names), y, l2=l2, weights=sw)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(
        path,
        feature_names=np.array(names), mean=mean.astype(np.float64), std=std.astype(np.float64), w=w.astype(np.float64),
        b=np.array(b), threshold=np.array(threshold), wn_classes=np.array(wn_classes()),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=Path, default=INPUTS, help="folder with news-devN-input.jsonl")
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--oof", type=Path, help="write out-of-fold prediction files per dev set here")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--tensor", action="store_true", help="add the trigger's doc.tensor row to the features")
    parser.add_argument("--sweep", action="store_true", help="print out-of-fold figures over l2 and thresholds")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--mode", choices=("slots", "paired"), default="slots", help="training targets (see ``targets``)")
    parser.add_argument("--sweep-l2", type=float, nargs="+", default=[1.0, 3.0, 10.0, 30.0, 100.0])
    parser.add_argument("--sweep-t", type=float, nargs="+", default=[0.25, 0.3, 0.35, 0.4, 0.45, 0.5])
    args = parser.parse_args(argv)
    docs = collect(args.inputs, fresh=args.fresh)
    add_slot_counts(docs)
    n = sum(len(d["labels"]) for d in docs)
    pos = sum(sum(d["labels"]) for d in docs)
    print(f"{len(docs)} documents, {n} candidates, {pos} positive", file=sys.stderr)
    figures: dict[str, Any] = {"documents": len(docs), "candidates": n, "positives": pos}
    figures["rule_admission"] = score_selection(docs, [[bool(f["admitted"]) for f in d["features"]] for d in docs])
    figures["all_candidates"] = score_selection(docs, [[True] * len(d["labels"]) for d in docs])
    figures["oracle"] = score_selection(docs, [[tp / max(tp + fp, 1) > 0.33 for tp, fp in zip(d["tp"], d["fp"])] for d in docs])
    print("rule admission", figures["rule_admission"], "all", figures["all_candidates"], "oracle", figures["oracle"], file=sys.stderr)
    if args.sweep:
        for l2 in args.sweep_l2:
            scores = oof_scores(docs, l2=l2, tensor=args.tensor, mode=args.mode)
            for t in args.sweep_t:
                print(l2, t, score_selection(docs, [list(s >= t) for s in scores]), flush=True)
        return 0
    scores = oof_scores(docs, l2=args.l2, tensor=args.tensor)
    figures["oof"] = {str(t): score_selection(docs, [list(s >= t) for s in scores]) for t in (0.4, 0.45, 0.5, 0.55, 0.6)}
    figures.update({"l2": args.l2, "threshold": args.threshold, "tensor": args.tensor, "folds": FOLDS, "min_count": MIN_COUNT})
    write_model(args.out, docs, l2=args.l2, tensor=args.tensor, threshold=args.threshold)
    if args.oof:
        write_oof(args.oof, docs, args)
    FIGURES.write_text(json.dumps(figures, indent=1) + "\n")
    print(json.dumps(figures, indent=1))
    return 0


def write_oof(out_dir: Path, docs: list[dict[str, Any]], args: argparse.Namespace) -> None:
    """Per dev set, ``SET.jsonl``: the learned selector's output, each document run with the
    model of the fold that did not train on it (the real pipeline, not the cached candidates)."""
    import extractor
    from extractor.batch import run_folder
    from extractor.selector import LearnedSelector

    out_dir.mkdir(parents=True, exist_ok=True)
    folds = {d["doc_id"]: fold_of(d["doc_id"]) for d in docs}
    ex = extractor.load()
    component = ex.nlp.get_pipe("event_extractor")
    component.selector_name = "extractor.learned_selector.v1"
    parts: dict[str, list[Path]] = {name: [] for name in DEV_SETS}
    for k in range(FOLDS):
        train = [d for d in docs if folds[d["doc_id"]] != k]
        model = out_dir / f"fold{k}.npz"
        write_model(model, train, l2=args.l2, tensor=args.tensor, threshold=args.threshold)
        component.selector = LearnedSelector(model)
        for name in DEV_SETS:
            records = [r for r in read_jsonl(args.inputs / f"{name}-input.jsonl") if folds.get(str(r.get("doc_id") or r.get("id"))) == k]
            src = out_dir / f"{name}.fold{k}-input.jsonl"
            src.write_text("".join(json.dumps(r) + "\n" for r in records))
            dst = out_dir / f"{name}.fold{k}.jsonl"
            for stale in (dst, out_dir / f"{name}.fold{k}.errors.jsonl"):
                stale.unlink(missing_ok=True)
            run_folder(src, dst, extractor=ex)
            parts[name].append(dst)
    for name in DEV_SETS:
        lines = [line for p in parts[name] for line in p.read_text().splitlines() if line.strip()]
        (out_dir / f"{name}.jsonl").write_text("".join(line + "\n" for line in lines))


if __name__ == "__main__":
    raise SystemExit(main())
