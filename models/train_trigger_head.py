"""Train the learned trigger head (``extractor.trigger_head``); writes ``models/trigger_head-v1.npz``.

    python -m models.train_trigger_head             # parse (cached under models/cache/), train, write
    python -m models.train_trigger_head --fresh     # re-parse first
    python -m models.train_trigger_head --write-b /tmp/trigml-b   # also write the held-out B records

Data: RAMS dev, GENEVA val and WikiEvents dev from ``../shared/evaldata/``, each split into
halves A (train) and B (held out, never read for training) by a salted SHA-256 of the
source document (RAMS: article URL; GENEVA: FrameNet document; WikiEvents: article), so
that windows and sentences of one article never straddle the halves.

Candidates are the VERB, NOUN and ADJ tokens of the extractor's own parse. Positives: the
head token (span root) of the trigger of an annotated event whose type is not a reporting,
cognition or aspect type (``evaluation/eligible_events.json``). Negatives: every other
candidate of GENEVA and WikiEvents records (they annotate all events of their ontologies)
and the triggers of excluded types in RAMS; RAMS annotates one event per window, so its
other tokens are neither. Model: one hidden layer of 32 ReLU units, full-batch Adam in
numpy, fixed seed, 200 steps, L2 0.01 (400 steps at L2 1e-4 fitted A perfectly and added mostly wrong triggers on B); the figures go to ``models/trigger_head.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
EVALDATA = ROOT.parent / "shared" / "evaldata"
if not EVALDATA.exists():
    EVALDATA = Path("/work/shared/evaldata")
SOURCES = {"rams": "rams-dev.jsonl", "geneva": "geneva-val.jsonl", "wikievents": "wikievents-dev.jsonl"}
SALT = "extractor-trigger-head-v1"
CACHE = ROOT / "models" / "cache"
OUT = ROOT / "models" / "trigger_head-v1.npz"
FIGURES = ROOT / "models" / "trigger_head.json"
SEED = 13
HIDDEN = 32
STEPS = 200
LR = 0.01
L2 = 1e-2
THRESHOLD = 0.5
POS_LABELS = ("VERB", "NOUN", "ADJ")


def group_key(record: dict[str, Any], kind: str) -> str:
    meta = record.get("meta") or {}
    if kind == "rams":
        return str(meta.get("source_url") or record["id"])
    if kind == "geneva":
        return str(meta.get("doc_id") or record["id"])
    return str(record["id"])


def half_of(record: dict[str, Any], kind: str) -> str:
    """"A" (train) or "B" (held out), from a salted hash of the record's source document."""
    digest = hashlib.sha256(f"{SALT}|{kind}|{group_key(record, kind)}".encode()).hexdigest()
    return "A" if int(digest[:8], 16) % 2 == 0 else "B"


def load(kind: str) -> list[dict[str, Any]]:
    with open(EVALDATA / SOURCES[kind], encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_b(out_dir: Path) -> None:
    """The held-out B records of each source, verbatim, as ``out_dir/<kind>-B.jsonl``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for kind, name in SOURCES.items():
        with open(EVALDATA / name, encoding="utf-8") as fh, open(out_dir / f"{kind}-B.jsonl", "w", encoding="utf-8") as out:
            for line in fh:
                if line.strip() and half_of(json.loads(line), kind) == "B":
                    out.write(line)


def _labels(doc, record: dict[str, Any], kind: str) -> dict[int, int]:
    """Token index -> 1 (trigger of an eligible-type event) or 0 (trigger of an excluded type)."""
    from evaluation.eligible import eligibility_config, excluded_category

    config = eligibility_config(kind)
    out: dict[int, int] = {}
    for event in record["tuples"]:
        action = event.get("action") or {}
        if action.get("start") is None:
            continue
        span = doc.char_span(int(action["start"]), int(action["end"]), alignment_mode="expand")
        if span is None or not len(span):
            continue
        label = 0 if excluded_category(event.get("event_type"), config) else 1
        out[span.root.i] = max(out.get(span.root.i, 0), label)
    return out


def build_examples(fresh: bool = False) -> dict[str, np.ndarray]:
    """Features, labels, half, source and whether the rules already took the token, for
    every labelled candidate; cached in ``models/cache/`` keyed by the data and code."""
    import extractor
    from extractor.triggers import find_triggers
    from extractor.trigger_head import CANDIDATE_POS, candidate_features
    from extractor.lexicon import _wordnet_fields

    data = {kind: load(kind) for kind in SOURCES}
    key_src = json.dumps({k: [r["id"] for r in v] for k, v in data.items()}) + Path(__file__).read_text() + (
        ROOT / "extractor" / "trigger_head.py").read_text()
    key = hashlib.sha256(key_src.encode()).hexdigest()[:16]
    path = CACHE / f"trigger-head-{key}.npz"
    if path.exists() and not fresh:
        with np.load(path, allow_pickle=False) as cached:
            return {name: cached[name] for name in cached.files}
    nlp = extractor.load().nlp
    deps = sorted(nlp.get_pipe("parser").labels)
    classes = sorted({f.split(":")[0] for table in _wordnet_fields().values() for field in table.values() for f in field.split(" ")})
    rows, labels, halves, kinds, ruled, lemmas, docids = [], [], [], [], [], [], []
    unit = dict(tensor_mean=np.zeros(96, np.float32), tensor_std=np.ones(96, np.float32),
                pos_labels=POS_LABELS, dep_labels=deps, wn_classes=classes)
    for kind, records in data.items():
        docs = nlp.pipe((r["text"] for r in records), disable=["event_extractor"], batch_size=32)
        for record, doc in zip(records, docs):
            gold = _labels(doc, record, kind)
            rule = {t.i for t in find_triggers(doc)}
            cands = [t.i for t in doc if t.pos_ in CANDIDATE_POS]
            if kind == "rams":
                cands = [i for i in cands if i in gold]  # one event annotated: no negatives from the rest
            if not cands:
                continue
            rows.append(candidate_features(doc, cands, **unit))
            labels += [gold.get(i, 0) for i in cands]
            halves += [half_of(record, kind)] * len(cands)
            kinds += [kind] * len(cands)
            ruled += [i in rule for i in cands]
            lemmas += [doc[i].lemma_.lower() for i in cands]
            docids += [record["id"]] * len(cands)
    out = {
        "x": np.concatenate(rows).astype(np.float32), "y": np.array(labels, np.int8), "half": np.array(halves),
        "kind": np.array(kinds), "ruled": np.array(ruled), "lemma": np.array(lemmas), "doc": np.array(docids),
        "dep_labels": np.array(deps), "wn_classes": np.array(classes),
    }
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **out)
    return out


def train(x: np.ndarray, y: np.ndarray, *, seed: int = SEED) -> dict[str, np.ndarray]:
    """One hidden layer, full-batch Adam on the mean log loss plus L2; deterministic."""
    rng = np.random.default_rng(seed)
    d = x.shape[1]
    params = {
        "w1": (rng.standard_normal((d, HIDDEN)) * np.sqrt(2.0 / d)).astype(np.float64),
        "b1": np.zeros(HIDDEN), "w2": (rng.standard_normal((HIDDEN, 1)) * np.sqrt(1.0 / HIDDEN)), "b2": np.zeros(1),
    }
    m = {k: np.zeros_like(v) for k, v in params.items()}
    v = {k: np.zeros_like(p) for k, p in params.items()}
    x64, y64 = x.astype(np.float64), y.astype(np.float64).reshape(-1, 1)
    n = len(x64)
    for step in range(1, STEPS + 1):
        h_pre = x64 @ params["w1"] + params["b1"]
        h = np.maximum(h_pre, 0.0)
        p = 1.0 / (1.0 + np.exp(-(h @ params["w2"] + params["b2"])))
        g_logit = (p - y64) / n
        grads = {"w2": h.T @ g_logit + L2 * params["w2"], "b2": g_logit.sum(0)}
        g_h = (g_logit @ params["w2"].T) * (h_pre > 0)
        grads["w1"] = x64.T @ g_h + L2 * params["w1"]
        grads["b1"] = g_h.sum(0)
        for k in params:
            m[k] = 0.9 * m[k] + 0.1 * grads[k]
            v[k] = 0.999 * v[k] + 0.001 * grads[k] ** 2
            params[k] -= LR * (m[k] / (1 - 0.9**step)) / (np.sqrt(v[k] / (1 - 0.999**step)) + 1e-8)
    return {k: p.astype(np.float32) for k, p in params.items()}


def _predict(params: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    h = np.maximum(x @ params["w1"] + params["b1"], 0.0)
    return (1.0 / (1.0 + np.exp(-(h @ params["w2"] + params["b2"])))).reshape(-1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", action="store_true", help="re-parse the data")
    parser.add_argument("--write-b", type=Path, help="also write the held-out B records of each source here")
    args = parser.parse_args(argv)
    if args.write_b:
        write_b(args.write_b)
    ex = build_examples(fresh=args.fresh)
    train_mask = ex["half"] == "A"
    x = ex["x"].copy()
    width = 96
    mean = x[train_mask, :width].mean(0)
    std = x[train_mask, :width].std(0) + 1e-6
    x[:, :width] = (x[:, :width] - mean) / std
    params = train(x[train_mask], ex["y"][train_mask])
    probs = _predict(params, x)
    figures: dict[str, Any] = {"seed": SEED, "hidden": HIDDEN, "steps": STEPS, "lr": LR, "l2": L2, "threshold": THRESHOLD,
                               "features": int(x.shape[1]), "by_half": {}}
    for half in ("A", "B"):
        for kind in SOURCES:
            sel = (ex["half"] == half) & (ex["kind"] == kind)
            y, r, p = ex["y"][sel], ex["ruled"][sel], probs[sel]
            row: dict[str, Any] = {"candidates": int(sel.sum()), "positives": int(y.sum()),
                                   "rules_recall": round(float((r & (y == 1)).sum() / max(1, y.sum())), 4)}
            for t in (0.3, 0.4, 0.5, 0.6, 0.7):
                added = (~r) & (p >= t)
                union = r | added
                row[f"t{t}"] = {
                    "added": int(added.sum()), "added_correct": int((added & (y == 1)).sum()),
                    "union_recall": round(float((union & (y == 1)).sum() / max(1, y.sum())), 4),
                }
            figures["by_half"].setdefault(half, {})[kind] = row
    np.savez(
        OUT, w1=params["w1"], b1=params["b1"], w2=params["w2"], b2=params["b2"],
        mean=mean.astype(np.float32), std=std.astype(np.float32),
        pos_labels=np.array(POS_LABELS), dep_labels=ex["dep_labels"], wn_classes=ex["wn_classes"],
        threshold=np.float32(THRESHOLD),
    )
    FIGURES.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(figures["by_half"]["B"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
