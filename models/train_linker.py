"""Train the learned and hybrid argument linkers; writes their artefacts into ``models/``.

    python -m models.train_linker            # both variants, caches under models/cache/
    python -m models.train_linker --fresh    # re-parse and re-encode everything first

Data: RAMS dev and GENEVA val from ``../shared/evaldata/``, split by ``linker_data.split_of``
(the held-out quarter is never read here). The dev part picks the number of epochs; the
decision thresholds (and the hybrid's vetoes) are tuned on out-of-fold probabilities of
train+dev; the saved head is trained on train+dev. Fixed seed, one CPU thread, so a rerun
on the same data and code writes the same weights. Training figures go to
``models/linker_training.json``; held-out figures come from ``models/eval_linker.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import platform
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from models.linker_data import (
    CACHE,
    DEV_SHARE,
    HELDOUT_SHARE,
    SALT,
    TriggerExample,
    VectorCache,
    cached_parses,
    iter_examples,
    split_records,
)

MODELS = Path(__file__).resolve().parent
SEED = 20240601
GRID = tuple(round(float(x), 2) for x in np.arange(0.05, 0.96, 0.05))


@dataclass
class Dataset:
    """Pair inputs and per-trigger labels of one part of the data."""

    t: np.ndarray
    c: np.ndarray
    s: np.ndarray
    labels: np.ndarray
    weights: np.ndarray
    examples: list[TriggerExample]


def build_dataset(items: Sequence[Any], docs: Sequence[Any], *, use_rules: bool, encoder: Any, window: int) -> Dataset:
    """Stack the pair features and labels of ``items`` (row ranges of examples made global)."""
    t, c, s, labels, weights, examples = [], [], [], [], [], []
    at = 0
    for batch, exs in iter_examples(items, docs, use_rules=use_rules, encoder=encoder, window=window):
        t.append(batch.trigger_vectors)
        c.append(batch.candidate_vectors)
        s.append(batch.structure)
        for e in exs:
            labels.append(e.labels)
            weights.append(e.weights)
            e.rows = slice(at + e.rows.start, at + e.rows.stop)
            examples.append(e)
        at += len(batch.structure)
    return Dataset(
        np.concatenate(t), np.concatenate(c), np.concatenate(s), np.concatenate(labels), np.concatenate(weights), examples
    )


def proxy_scores(examples: Sequence[TriggerExample], picks: Sequence[dict[str, int | None]]) -> dict[str, dict[str, float]]:
    """Per role, tp/fp/fn and F1 of chosen candidates, counted as the span scorer counts them."""
    from extractor.learned import ROLES

    out = {}
    for n, role in enumerate(ROLES):
        tp = fp = fn = 0
        for e, pick in zip(examples, picks):
            if role not in e.gold:
                continue
            k = pick.get(role)
            hit = k is not None and bool(e.accept[k, n])
            tp += hit
            fp += k is not None and not hit
            fn += e.gold[role] and not hit
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        out[role] = {"tp": tp, "fp": fp, "fn": fn, "f1": round(f1, 4)}
    return out


def model_picks(examples: Sequence[TriggerExample], probs: np.ndarray, settings: dict[str, Any]) -> list[dict[str, int | None]]:
    """The candidate each role takes per trigger under the linker's decoding (``choose``)."""
    from extractor.learned import ROLES, choose

    picks = []
    for e in examples:
        # given triggers: keep_rule_events does not apply
        options = {k: v for k, v in settings.items() if k != "keep_rule_events"}
        chosen = choose(e.candidates, probs[e.rows], e.offsets, rules=e.rules, **options)
        spans = [(c.start, c.end) for c in e.candidates]
        picks.append({r: spans.index(chosen[r][0]) if r in chosen and chosen[r][0] in spans else None for r in ROLES})
    return picks


def tune(
    examples: Sequence[TriggerExample], probs: np.ndarray, settings: dict[str, Any], key: str,
    grid: Sequence[float] = GRID, *, prefer_low: bool = False,
) -> dict[str, float]:
    """Per role, the value of ``settings[key]`` (thresholds or veto) with the best F1 over ``examples``,
    coordinate-wise, ties to the higher (``prefer_low``: the lower); a role without dev gold
    keeps its value."""
    from extractor.learned import ROLES

    values = dict(settings[key])
    supported = [r for r in ROLES if any(e.gold.get(r) for e in examples)]
    for _ in range(2):
        for role in supported:
            best = (-1.0, values[role])
            for th in grid:
                trial = {**settings, key: {**values, role: th}}
                f1 = proxy_scores(examples, model_picks(examples, probs, trial))[role]["f1"]
                if f1 > best[0] or (f1 == best[0] and not prefer_low):
                    best = (f1, th)
            values[role] = best[1]
    return values


def train_head(
    train: Dataset, dev: Dataset | None, *, hidden: int, dropout: float, epochs: int, patience: int, lr: float
) -> tuple[Any, dict[str, Any]]:
    """Fit the pair scorer with masked binary cross-entropy. With ``dev``, keep the epoch of
    lowest dev loss (stopping after ``patience`` worse ones); without, train ``epochs`` epochs."""
    import torch

    from extractor.learned import make_head

    torch.manual_seed(SEED)
    gen = torch.Generator().manual_seed(SEED)
    head = make_head(train.t.shape[1], train.s.shape[1], hidden=hidden, dropout=dropout)
    opt = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=1e-4)
    tensors = [torch.from_numpy(x) for x in (train.t, train.c, train.s, train.labels, train.weights)]
    dev_tensors = [torch.from_numpy(x) for x in (dev.t, dev.c, dev.s, dev.labels, dev.weights)] if dev is not None else None

    def loss_of(t, c, s, y, w):
        raw = torch.nn.functional.binary_cross_entropy_with_logits(head(t, c, s), y, reduction="none")
        return (raw * w).sum() / w.sum().clamp(min=1.0)

    best = (float("inf"), None, 0)
    history = []
    for epoch in range(1, epochs + 1):
        head.train()
        order = torch.randperm(len(train.t), generator=gen)
        for b in range(0, len(order), 512):
            idx = order[b : b + 512]
            opt.zero_grad()
            loss = loss_of(*(x[idx] for x in tensors))
            loss.backward()
            opt.step()
        if dev_tensors is None:
            continue
        head.eval()
        with torch.no_grad():
            dev_loss = float(loss_of(*dev_tensors))
        history.append(round(dev_loss, 5))
        if dev_loss < best[0]:
            best = (dev_loss, {k: v.detach().clone() for k, v in head.state_dict().items()}, epoch)
        elif epoch - best[2] >= patience:
            break
    if dev_tensors is not None:
        head.load_state_dict(best[1])
    head.eval()
    if dev_tensors is None:
        return head, {"epochs": epochs}
    return head, {"best_epoch": best[2], "dev_loss": round(best[0], 5), "dev_loss_by_epoch": history}


def select(data: Dataset, keep: Sequence[int]) -> Dataset:
    """The examples ``keep`` of ``data`` (and their pairs), row ranges renumbered."""
    rows, examples, at = [], [], 0
    for k in keep:
        e = data.examples[k]
        rows.append(np.arange(e.rows.start, e.rows.stop))
        n = e.rows.stop - e.rows.start
        examples.append(replace(e, rows=slice(at, at + n)))
        at += n
    idx = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    return Dataset(data.t[idx], data.c[idx], data.s[idx], data.labels[idx], data.weights[idx], examples)


def concat(a: Dataset, b: Dataset) -> Dataset:
    """``a`` then ``b`` as one dataset."""
    shift = len(a.t)
    moved = [replace(e, rows=slice(e.rows.start + shift, e.rows.stop + shift)) for e in b.examples]
    return Dataset(*(np.concatenate([x, y]) for x, y in zip((a.t, a.c, a.s, a.labels, a.weights), (b.t, b.c, b.s, b.labels, b.weights))), a.examples + moved)


def out_of_fold(data: Dataset, *, folds: int, **fit: Any) -> np.ndarray:
    """Probabilities of every pair from a head trained without its record's fold."""
    fold_of = [int(hashlib.sha256(f"{SALT}|fold|{e.record_id}".encode()).hexdigest()[:8], 16) % folds for e in data.examples]
    probs = np.zeros_like(data.labels)
    for f in range(folds):
        inside = [k for k, g in enumerate(fold_of) if g == f]
        head, _ = train_head(select(data, [k for k, g in enumerate(fold_of) if g != f]), None, **fit)
        held = select(data, inside)
        p = probabilities(head, held)
        for k, e in zip(inside, held.examples):
            probs[data.examples[k].rows] = p[e.rows]
    return probs


def probabilities(head: Any, data: Dataset) -> np.ndarray:
    import torch

    with torch.no_grad():
        return torch.sigmoid(head(torch.from_numpy(data.t), torch.from_numpy(data.c), torch.from_numpy(data.s))).numpy()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m models.train_linker", description=__doc__.split("\n")[0])
    parser.add_argument("--fresh", action="store_true", help="re-parse and re-encode instead of using models/cache/")
    parser.add_argument("--variants", default="learned,hybrid", help="comma-separated: learned, hybrid")
    parser.add_argument("--window", type=int, default=1, help="sentences each side of the trigger's")
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--dropout", type=float, default=0.3)
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--patience", type=int, default=5)
    parser.add_argument("--folds", type=int, default=5, help="folds for the out-of-fold tuning probabilities")
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--same-sentence", default="quantity,location,date",
                        help="roles taken from the trigger's sentence only (the guide's rule 3)")
    parser.add_argument("--policy", choices=("model", "filter", "fill"), default="fill",
                        help="hybrid: the model picks every role (model), keeps or drops the rules' spans (filter), "
                        "or that and fills the roles the rules leave empty (fill)")
    parser.add_argument("--veto", choices=("off", "tuned"), default="off",
                        help="hybrid: never drop a rule span (off), or drop those the model scores below tuned cut-offs")
    parser.add_argument("--free-events", action="store_true",
                        help="hybrid: also fill slots of found triggers the rules make no event of")
    parser.add_argument("--out", type=Path, default=MODELS, help="folder for the artefacts and linker_training.json")
    args = parser.parse_args(argv)

    import torch

    from extractor.learned import ARTEFACTS, ROLES, lexicon_digest, save_model

    torch.set_num_threads(1)
    np.random.seed(SEED)
    started = time.perf_counter()
    parts = split_records()
    items = parts["train"] + parts["dev"]
    docs = cached_parses(items, fresh=args.fresh)
    if args.fresh:
        (CACHE / "vectors.npz").unlink(missing_ok=True)
    encoder = VectorCache()
    n_train = len(parts["train"])
    print(f"parsed {len(items)} records in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    report: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "data": {
            "sources": ["RAMS 1.0 dev (../shared/evaldata/rams-dev.jsonl)", "GENEVA val (../shared/evaldata/geneva-val.jsonl)"],
            "split": f"held-out: {HELDOUT_SHARE}% of source documents by SHA-256('{SALT}|kind|document'); "
            f"dev: {DEV_SHARE}% of the other records by record id; the rest train",
            "records": {part: len(v) for part, v in parts.items()},
            "events": {part: sum(len(r["tuples"]) for _, r in v) for part, v in parts.items()},
        },
        "settings": {k: v for k, v in vars(args).items() if k not in ("out", "fresh", "variants")} | {"seed": SEED},
        "environment": {"python": platform.python_version(), "torch": torch.__version__, "numpy": np.__version__},
        "variants": {},
    }
    for variant in args.variants.split(","):
        use_rules = variant == "hybrid"
        name = "extractor.hybrid_linker.v1" if use_rules else "extractor.learned_linker.v1"
        t0 = time.perf_counter()
        train = build_dataset(items[:n_train], docs[:n_train], use_rules=use_rules, encoder=encoder, window=args.window)
        dev = build_dataset(items[n_train:], docs[n_train:], use_rules=use_rules, encoder=encoder, window=args.window)
        encoder.save()
        t1 = time.perf_counter()
        fit_args = {"hidden": args.hidden, "dropout": args.dropout, "patience": args.patience, "lr": args.lr}
        _, fit = train_head(train, dev, epochs=args.epochs, **fit_args)
        # thresholds and vetoes are tuned on out-of-fold probabilities of all non-held-out
        # records (dev alone is small); the final head sees them all for the dev-chosen epochs
        full = concat(train, dev)
        probs = out_of_fold(full, folds=args.folds, epochs=fit["best_epoch"], **fit_args)
        head, _ = train_head(full, None, epochs=fit["best_epoch"], **fit_args)
        settings: dict[str, Any] = {
            "thresholds": {r: 0.5 for r in ROLES}, "policy": "model",
            "same_sentence": [r for r in args.same_sentence.split(",") if r],
            "veto": {r: 0.0 for r in ROLES}, "rule_roles": [],
        }
        settings["thresholds"] = tune(full.examples, probs, settings, "thresholds")
        model_oof = proxy_scores(full.examples, model_picks(full.examples, probs, settings))
        rules_oof = proxy_scores(full.examples, [e.rule_pick for e in full.examples]) if use_rules else None
        if use_rules:
            settings["keep_rule_events"] = not args.free_events
        if use_rules and args.policy == "model":
            # the model leaves to the rules each role where they do at least as well out of fold
            settings["rule_roles"] = [r for r in ROLES if rules_oof[r]["f1"] >= model_oof[r]["f1"]]
        elif use_rules:
            settings["policy"] = args.policy
            if args.veto == "tuned":
                settings["veto"] = tune(full.examples, probs, settings, "veto", grid=(0.0, *GRID), prefer_low=True)
            if args.policy == "fill":
                settings["thresholds"] = tune(full.examples, probs, settings, "thresholds")
        final_oof = proxy_scores(full.examples, model_picks(full.examples, probs, settings))
        thresholds = settings.pop("thresholds")
        config = {"dim": int(train.t.shape[1]), "hidden": args.hidden, "trained": report["date"], **settings}
        path = args.out / ARTEFACTS[name]
        save_model(path, head, thresholds=thresholds, use_rules=use_rules, window=args.window, config=config)
        report["variants"][name] = {
            "artefact": path.name,
            "bytes": path.stat().st_size,
            # the shipped lexicon's classes the features read, as save_model records them
            "lexicon": lexicon_digest(),
            "parameters": int(sum(p.numel() for p in head.parameters())),
            "pairs": {"train": int(len(train.t)), "dev": int(len(dev.t))},
            "triggers": {"train": len(train.examples), "dev": len(dev.examples)},
            "positives_train": {r: int(train.labels[:, n].sum()) for n, r in enumerate(ROLES)},
            "thresholds": thresholds,
            "decoding": settings,
            "fit": fit,
            # span-scorer counts over train+dev triggers, from out-of-fold probabilities
            "out_of_fold": {"model_alone": model_oof, "linker": final_oof, "rules": rules_oof},
            "seconds": {"features": round(t1 - t0, 1), "training": round(time.perf_counter() - t1, 1)},
        }
        print(f"{name}: epoch {fit['best_epoch']}, out-of-fold F1 {json.dumps({r: final_oof[r]['f1'] for r in ROLES})}"
              + (f", rules {json.dumps({r: rules_oof[r]['f1'] for r in ROLES})}" if rules_oof else ""), file=sys.stderr)
    report["seconds_total"] = round(time.perf_counter() - started, 1)
    out = args.out / "linker_training.json"
    previous = json.loads(out.read_text()) if out.exists() else {}
    if set(report["variants"]) != {"extractor.learned_linker.v1", "extractor.hybrid_linker.v1"} and previous.get("variants"):
        report["variants"] = previous["variants"] | report["variants"]
    out.write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
