"""Train the learned tuple selector (``extractor.selector``); writes ``models/selector-v1.npz`` (or v2, v2a).

    python -m models.train_selector                      # collect candidates (cached), cross-validate, train, write v1
    python -m models.train_selector --version v2         # the same for v2 or v2a (trained, not shipped: models/selector.md)
    python -m models.train_selector --fresh              # re-run the extractor on the dev inputs first
    python -m models.train_selector --oof OUT_DIR        # also write out-of-fold prediction files per dev set
    python -m models.train_selector --sweep              # the out-of-fold grid the version's setting was chosen on

Versions (``VERSIONS``): v1 trained on the five development golds ``evaluation/gold/news-dev.jsonl``
.. ``news-dev5.jsonl`` (121 documents), v2 on the eight ``news-dev.jsonl`` .. ``news-dev8.jsonl``
(248 documents), v2a as v2 over the candidates of the linker's ``admitted_only`` pass (``linking``),
by the same recipe (features, folds, Newton); each has its own weights file,
figures file and candidate cache. Data: the version's development golds and their inputs
(``python -m evaluation.inputs``, as ``evaluation/figures.sh`` builds them; ``--inputs DIR``
holds ``news-devN-input.jsonl``). Candidates: every trigger the rule trigger finder gives that
the linker (``extractor.dep_linker.v1``, full linking, not ``admitted_only``) gives an actor,
an agentless verdict or any other slot, built as tuples (``build_tuples(keep_all=True)``). Label: 1 when the scorer's own lenient pairing
(``evaluation.scorer.pair_tuples(candidates, golds, lenient=True)``, all of a document's
candidates against its gold tuples, first those the rule admits, then the others against the gold
tuples left: ``staged_pairs``) pairs the candidate with a gold tuple, else 0; each candidate's
true and false slots come from the same pairing.

Model: L2-regularized logistic regression over standardized features (names seen at least
``MIN_COUNT`` times in training), fit by Newton's method (deterministic, no random state).
Out-of-fold: grouped ``FOLDS``-fold by document (documents sorted by id, dealt to folds by a
salted SHA-256 of the id, v1's salt for both versions); the regularization and the two
thresholds are chosen on the pooled out-of-fold lenient micro F1 (scored with
``evaluation.scorer``; ``--sweep`` over the version's grid, ``choose``). Figures go to the
version's figures file (v1 ``models/selector.json``, v2 ``models/selector-v2.json``).
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
DEV_SETS = ("news-dev", "news-dev2", "news-dev3", "news-dev4", "news-dev5")  # v1's
DEV_SETS_V2 = DEV_SETS + ("news-dev6", "news-dev7", "news-dev8")
INPUTS = Path("/work/main/out/figures/extractor.dep_linker.v1")
CACHE = ROOT / "models" / "cache"
SALT = "extractor-selector-v1"  # both versions: a document's fold does not depend on the version
FOLDS = 5
MIN_COUNT = 3
# The recipe's fixed settings (chosen for v1, kept for v2)
TENSOR = False
SPLIT = False
MODE = "slots"
# the grid of v1's final search, which ``--sweep`` scores (models/selector.md says what was looked at)
SWEEP = [
    {"l2": l2, "tensor": tensor, "mode": mode, "split": split}
    for split in (False, True) for tensor in (False, True) for mode in ("slots", "paired") for l2 in (10.0, 30.0, 100.0, 300.0)
]
SWEEP_THRESHOLDS = [(lo, hi) for lo in (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3) for hi in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 1.01)]
# v2 keeps v1's recipe and chooses only L2 and the two thresholds: the part of v1's grid with the
# recipe's settings (4 L2 values x the 63 threshold pairs)
SWEEP_V2 = [cfg for cfg in SWEEP if (cfg["tensor"], cfg["mode"], cfg["split"]) == (TENSOR, MODE, SPLIT)]
# Each version: its dev sets, weights, figures, candidate cache, the setting chosen on its
# out-of-fold figures (``--sweep``; models/selector.md) and the grid it was chosen on.
VERSIONS: dict[str, dict[str, Any]] = {
    "v1": {"sets": DEV_SETS, "out": ROOT / "models" / "selector-v1.npz", "figures": ROOT / "models" / "selector.json",
           "cache": "selector-candidates.json", "l2": 100.0, "thresholds": (0.15, 0.5), "sweep": SWEEP,
           "name": "extractor.learned_selector.v1", "linking": "full"},
    "v2": {"sets": DEV_SETS_V2, "out": ROOT / "models" / "selector-v2.npz", "figures": ROOT / "models" / "selector-v2.json",
           "cache": "selector-candidates-v2.json", "l2": 300.0, "thresholds": (0.2, 0.4), "sweep": SWEEP_V2,
           "name": "extractor.learned_selector.v2", "linking": "full"},
    # v2 on the candidates of the linker's admitted_only pass (triggers with an actor or an
    # agentless verdict): the linking the default runs, so the selector adds only its scoring
    "v2a": {"sets": DEV_SETS_V2, "out": ROOT / "models" / "selector-v2a.npz", "figures": ROOT / "models" / "selector-v2a.json",
            "cache": "selector-candidates-v2a.json", "l2": 300.0, "thresholds": (0.15, 0.3), "sweep": SWEEP_V2,
            "name": "extractor.learned_selector.v2", "linking": "admitted"},
}
DEFAULT_VERSION = "v1"  # the shipped weights
L2 = VERSIONS["v1"]["l2"]  # ``fit``'s default


class Collector:
    """A selector that keeps every candidate and records its features (for training); with
    ``full_linking`` False the component links as for a selector trained on the linker's
    ``admitted_only`` pass (``LearnedSelector.full_linking``)."""

    name = "collector"

    def __init__(self, wn_classes, *, full_linking: bool = True) -> None:
        self.rows: list[dict[str, float]] = []
        self.wn_classes = tuple(wn_classes)
        self.full_linking = full_linking

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


def collect(inputs: Path, fresh: bool = False, *, sets: tuple[str, ...] = DEV_SETS,
            cache_name: str = "selector-candidates.json", linking: str = "full") -> list[dict[str, Any]]:
    """Per dev document of ``sets``: its set, id, candidate tuple dicts, feature dicts and labels
    (cached in ``CACHE / cache_name``)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    cache = CACHE / cache_name
    if cache.exists() and not fresh:
        return json.loads(cache.read_text())
    import extractor
    from evaluation.io import read_gold
    from evaluation.scorer import pair_tuples

    ex = extractor.load()
    component = ex.nlp.get_pipe("event_extractor")
    collector = Collector(wn_classes(), full_linking=linking == "full")
    component.selector, component.selector_name = collector, collector.name
    docs = []
    for name in sets:
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
    for name in sets_of(docs):
        gold.update(read_gold(GOLD / f"{name}.jsonl"))
    for d in docs:
        preds = list(as_document(d["doc_id"], d["published"], d["candidates"]).tuples)
        golds = list(gold[d["doc_id"]].tuples) if d["doc_id"] in gold else []
        tp = [0] * len(preds)
        fp = [sum(p.get(s) is not None for s in SLOTS) for p in preds]
        labels = [0] * len(preds)
        for i, j in staged_pairs(preds, golds, [bool(f["admitted"]) for f in d["features"]]):
            m = _slot_matches(preds[i], golds[j], lenient=True)
            tp[i] = sum(1 for s in SLOTS if m[s] and preds[i].get(s) is not None)
            fp[i] = sum(1 for s in SLOTS if not m[s] and preds[i].get(s) is not None)
            labels[i] = 1
        d["tp"], d["fp"], d["labels"] = tp, fp, labels


def sets_of(docs: list[dict[str, Any]]) -> list[str]:
    """The dev sets the documents come from, in order of first appearance."""
    return list(dict.fromkeys(d["set"] for d in docs))


def staged_pairs(preds: list[dict[str, Any]], golds: list[dict[str, Any]], admitted: list[bool]) -> list[tuple[int, int]]:
    """The scorer's lenient pairing (``pair_tuples``) of the candidates the rule admits with
    the gold tuples, then of the other candidates with the gold tuples left: a candidate the
    rule keeps is not labelled false because a duplicate outside the rule took its gold."""
    from evaluation.scorer import pair_tuples

    first = [i for i, a in enumerate(admitted) if a]
    pairs = [(first[i], j) for i, j in pair_tuples([preds[i] for i in first], golds, lenient=True)]
    taken = {j for _, j in pairs}
    rest = [i for i, a in enumerate(admitted) if not a]
    left = [j for j in range(len(golds)) if j not in taken]
    pairs += [(rest[i], left[j]) for i, j in pair_tuples([preds[i] for i in rest], [golds[j] for j in left], lenient=True)]
    return sorted(pairs)


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


def fit(z: np.ndarray, y: np.ndarray, *, l2: float = L2, iters: int = 50, weights: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """L2 logistic regression (cross-entropy on targets in [0, 1], sample weights) on the
    standardized rows ``z`` by Newton's method: deterministic, no random state. (w, b)."""
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
    return theta[:-1], float(theta[-1])


def train_model(docs: list[dict[str, Any]], *, l2: float, tensor: bool, mode: str, split: bool, exclude: tuple[str, ...] = ()) -> dict[str, np.ndarray]:
    """The arrays of a selector trained on ``docs``: feature names, standardization, and a
    weight row and bias for the candidates the rule admits and for the others (one model
    for both unless ``split``)."""
    names = feature_names([r for d in docs for r in d["features"]], tensor=tensor, exclude=exclude)
    x = design(docs, names)
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std < 1e-6] = 1.0
    z = (x - mean) / std
    y, sw = targets(docs, mode)
    if split:
        admitted = x[:, names.index("admitted")] > 0.5
        rows = [fit(z[m], y[m], l2=l2, weights=sw[m]) for m in (admitted, ~admitted)]
    else:
        rows = [fit(z, y, l2=l2, weights=sw)] * 2
    return {
        "feature_names": np.array(names), "mean": mean, "std": std,
        "w": np.stack([w for w, _ in rows]), "b": np.array([b for _, b in rows]),
    }


def predict(model: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """What ``LearnedSelector.predict`` computes, from the arrays."""
    names = [str(n) for n in model["feature_names"]]
    g = (x[:, names.index("admitted")] <= 0.5).astype(np.int64)
    z = (x - model["mean"]) / model["std"]
    return 1.0 / (1.0 + np.exp(-(np.einsum("ij,ij->i", z, model["w"][g]) + model["b"][g])))


def score_selection(docs: list[dict[str, Any]], keep: list[list[bool]]) -> dict[str, Any]:
    """Lenient micro and tuple F1 of the kept candidates against the dev golds (pooled), and
    the true / false / missed slot counts."""
    from evaluation.io import read_gold
    from evaluation.scorer import evaluate

    gold: dict[str, Any] = {}
    for name in sets_of(docs):
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


def oof_scores(docs: list[dict[str, Any]], *, l2: float, tensor: bool, mode: str = "slots", split: bool = False,
               exclude: tuple[str, ...] = ()) -> list[np.ndarray]:
    """Each document's candidate scores from the model trained on the other folds."""
    out: list[np.ndarray] = [np.zeros(0)] * len(docs)
    folds = [fold_of(d["doc_id"]) for d in docs]
    for k in range(FOLDS):
        train = [d for d, f in zip(docs, folds) if f != k]
        model = train_model(train, l2=l2, tensor=tensor, mode=mode, split=split, exclude=exclude)
        names = [str(n) for n in model["feature_names"]]
        for i, (d, f) in enumerate(zip(docs, folds)):
            if f == k and d["features"]:
                out[i] = predict(model, design([d], names))
    return out


def write_model(path: Path, docs: list[dict[str, Any]], *, l2: float, tensor: bool, mode: str, split: bool,
                thresholds: tuple[float, float], exclude: tuple[str, ...] = (), linking: str = "full") -> None:
    """The weights trained on ``docs``; a selector trained on the ``admitted_only`` pass's
    candidates says so (``linking``; v1's file, trained on the full linking, has no such array)."""
    model = train_model(docs, l2=l2, tensor=tensor, mode=mode, split=split, exclude=exclude)
    path.parent.mkdir(parents=True, exist_ok=True)
    extra = {"linking": np.array(linking)} if linking != "full" else {}
    np.savez(path, **model, threshold=np.array(thresholds, dtype=np.float64), wn_classes=np.array(wn_classes()), **extra)


def keep_of(docs: list[dict[str, Any]], scores: list[np.ndarray], thresholds: tuple[float, float]) -> list[list[bool]]:
    """Which candidates the thresholds keep (the first for those the rule admits)."""
    return [[bool(s >= (thresholds[0] if f["admitted"] else thresholds[1])) for f, s in zip(d["features"], sc)] for d, sc in zip(docs, scores)]


def config_of(args: argparse.Namespace) -> dict[str, Any]:
    return {"l2": args.l2, "tensor": args.tensor, "mode": args.mode, "split": args.split}


def f1_of(row: dict[str, Any]) -> float:
    """Lenient micro F1 from the slot counts, unrounded (``score_selection`` rounds it)."""
    return 2 * row["tp"] / max(2 * row["tp"] + row["fp"] + row["fn"], 1)


def choose(rows: list[dict[str, Any]], prefer: tuple[float, float, float] = (100.0, 0.15, 0.5)) -> dict[str, Any]:
    """The sweep row with the highest pooled out-of-fold lenient micro F1 (unrounded); a tie goes
    to the row nearest v1's setting ``prefer`` (L2 by |log10| distance, then the thresholds by
    summed absolute distance), then to the larger L2, then the higher thresholds. Declared
    before v2's sweep was run."""
    def key(r: dict[str, Any]) -> tuple:
        lo, hi = r["thresholds"]
        return (-f1_of(r), abs(np.log10(r["l2"] / prefer[0])), abs(lo - prefer[1]) + abs(hi - prefer[2]), -r["l2"], -lo, -hi)
    return min(rows, key=key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", choices=sorted(VERSIONS), default=DEFAULT_VERSION,
                        help="which selector: its dev sets, weights file, figures file and cache (VERSIONS)")
    parser.add_argument("--inputs", type=Path, default=INPUTS, help="folder with news-devN-input.jsonl")
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--oof", type=Path, help="write out-of-fold prediction files per dev set here (the real pipeline)")
    parser.add_argument("--l2", type=float, default=None, help="default: the version's chosen L2")
    parser.add_argument("--thresholds", type=float, nargs=2, default=None, metavar=("ADMITTED", "OTHER"),
                        help="keep a candidate the rule admits at ADMITTED or above, any other at OTHER or above "
                             "(default: the version's chosen thresholds)")
    parser.add_argument("--tensor", action=argparse.BooleanOptionalAction, default=TENSOR, help="the trigger's doc.tensor row as features")
    parser.add_argument("--split", action=argparse.BooleanOptionalAction, default=SPLIT,
                        help="one model for the candidates the rule admits, another for the rest")
    parser.add_argument("--mode", choices=("slots", "paired"), default=MODE, help="training targets (see ``targets``)")
    parser.add_argument("--sweep", action="store_true",
                        help="print out-of-fold figures over the version's declared grid, then the row ``choose`` picks, then stop")
    parser.add_argument("--out", type=Path, default=None, help="default: the version's weights file")
    parser.add_argument("--no-figures", action="store_true", help="write the weights only (not the version's figures file)")
    args = parser.parse_args(argv)
    version = VERSIONS[args.version]
    if args.out is None:
        args.out = version["out"]
    if args.l2 is None:
        args.l2 = version["l2"]
    if args.thresholds is None:
        args.thresholds = version["thresholds"]
    if not args.sweep and (args.l2 is None or args.thresholds is None):
        parser.error(f"{args.version} has no chosen setting yet: run --sweep, or give --l2 and --thresholds")
    docs = collect(args.inputs, fresh=args.fresh, sets=version["sets"], cache_name=version["cache"], linking=version["linking"])
    add_slot_counts(docs)
    n = sum(len(d["labels"]) for d in docs)
    pos = sum(sum(d["labels"]) for d in docs)
    print(f"{args.version}: {len(docs)} documents, {n} candidates, {pos} positive", file=sys.stderr)
    figures: dict[str, Any] = {"documents": len(docs), "candidates": n, "positives": pos,
                               "admitted": sum(int(f["admitted"]) for d in docs for f in d["features"])}
    if args.version != "v1":  # v1's figures file stays as it was written
        figures = {"version": args.version, "sets": list(version["sets"]), **figures}
    figures["rule_admission"] = score_selection(docs, [[bool(f["admitted"]) for f in d["features"]] for d in docs])
    figures["all_candidates"] = score_selection(docs, [[True] * len(d["labels"]) for d in docs])
    figures["oracle_rule_plus_true_others"] = score_selection(docs, [[bool(f["admitted"]) or lab == 1 for f, lab in zip(d["features"], d["labels"])] for d in docs])
    print(json.dumps(figures), file=sys.stderr)
    if args.sweep:
        rows = []
        for cfg in version["sweep"]:
            scores = oof_scores(docs, **cfg)
            for t in SWEEP_THRESHOLDS:
                rows.append({**cfg, "thresholds": t, **score_selection(docs, keep_of(docs, scores, t))})
                print(json.dumps(rows[-1]), flush=True)
        print(json.dumps({"chosen": choose(rows)}), flush=True)
        return 0
    cfg = config_of(args)
    scores = oof_scores(docs, **cfg)
    figures["config"] = {**cfg, "thresholds": list(args.thresholds), "folds": FOLDS, "min_count": MIN_COUNT, "salt": SALT}
    figures["oof_cached"] = score_selection(docs, keep_of(docs, scores, tuple(args.thresholds)))
    write_model(args.out, docs, thresholds=tuple(args.thresholds), linking=version["linking"], **cfg)
    if args.oof:
        write_oof(args.oof, docs, args)
    if not args.no_figures:
        version["figures"].write_text(json.dumps(figures, indent=1) + "\n")
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
    sets = sets_of(docs)
    ex = extractor.load()
    component = ex.nlp.get_pipe("event_extractor")
    component.selector_name = VERSIONS[args.version]["name"]
    parts: dict[str, list[Path]] = {name: [] for name in sets}
    for k in range(FOLDS):
        train = [d for d in docs if folds[d["doc_id"]] != k]
        model = out_dir / f"fold{k}.npz"
        write_model(model, train, thresholds=tuple(args.thresholds), linking=VERSIONS[args.version]["linking"], **config_of(args))
        component.selector = LearnedSelector(model)
        for name in sets:
            records = [r for r in read_jsonl(args.inputs / f"{name}-input.jsonl") if folds.get(str(r.get("doc_id") or r.get("id"))) == k]
            src = out_dir / f"{name}.fold{k}-input.jsonl"
            src.write_text("".join(json.dumps(r) + "\n" for r in records))
            dst = out_dir / f"{name}.fold{k}.jsonl"
            for stale in (dst, out_dir / f"{name}.fold{k}.errors.jsonl"):
                stale.unlink(missing_ok=True)
            run_folder(src, dst, extractor=ex)
            parts[name].append(dst)
    for name in sets:
        lines = [line for p in parts[name] for line in p.read_text().splitlines() if line.strip()]
        (out_dir / f"{name}.jsonl").write_text("".join(line + "\n" for line in lines))


if __name__ == "__main__":
    raise SystemExit(main())
