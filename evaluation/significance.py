"""How far a figure could move with other documents: bootstrap intervals over documents.

A gold set of 10-50 articles gives micro-F1 figures whose sampling error is larger than
most single changes to the extractor. Two tools, both resampling whole documents (the
unit that was sampled and labelled) with a fixed seed, so that a run repeats exactly:

- ``interval``: the percentile bootstrap interval of one report's micro or tuple F1;
- ``paired_difference``: the difference ``b - a`` of two reports on the same gold
  (two versions of the extractor), each bootstrap sample drawing the same documents for
  both, so the interval reflects the change and not which documents happened to be drawn.

Both read ``evaluate_files`` reports (``per_document`` counts); no scoring happens here.
"""

from __future__ import annotations

from typing import Any, Mapping

import numpy as np

FIGURES = ("micro", "tuples")
DEFAULT_SAMPLES = 2000
DEFAULT_SEED = 0


def _counts(report: Mapping[str, Any], mode: str, figure: str) -> tuple[list[str], np.ndarray]:
    """Document ids and their (tp, fp, fn) rows for one mode and figure."""
    if figure not in FIGURES:
        raise ValueError(f"figure must be one of {FIGURES}, not {figure!r}")
    docs = report["per_document"]
    rows = np.array([[d[mode][figure][k] for k in ("tp", "fp", "fn")] for d in docs], dtype=np.int64).reshape(-1, 3)
    return [d["doc_id"] for d in docs], rows


def _f1(sums: np.ndarray) -> np.ndarray:
    """F1 of summed (tp, fp, fn) rows; 0 where there is nothing to score."""
    tp, fp, fn = sums[..., 0], sums[..., 1], sums[..., 2]
    den = 2 * tp + fp + fn
    return np.divide(2 * tp, den, out=np.zeros(den.shape, dtype=float), where=den > 0)


def _draws(n_docs: int, samples: int, seed: int) -> np.ndarray:
    if n_docs == 0:
        raise ValueError("no documents to resample")
    return np.random.default_rng(seed).integers(0, n_docs, size=(samples, n_docs))


def interval(
    report: Mapping[str, Any], *, mode: str = "lenient", figure: str = "micro",
    samples: int = DEFAULT_SAMPLES, seed: int = DEFAULT_SEED, level: float = 0.95,
) -> dict[str, float]:
    """The point F1 and its percentile bootstrap interval (``low``, ``high``) over documents."""
    _, rows = _counts(report, mode, figure)
    sampled = _f1(rows[_draws(len(rows), samples, seed)].sum(axis=1))
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(sampled, [tail, 100 - tail])
    return {"f1": float(_f1(rows.sum(axis=0))), "low": float(low), "high": float(high), "level": level, "samples": samples}


def paired_difference(
    a: Mapping[str, Any], b: Mapping[str, Any], *, mode: str = "lenient", figure: str = "micro",
    samples: int = DEFAULT_SAMPLES, seed: int = DEFAULT_SEED, level: float = 0.95,
) -> dict[str, float]:
    """``F1(b) - F1(a)`` on the same documents, its paired bootstrap interval, and the share
    of samples in which ``b`` is not better (``p_not_better``, a one-sided bootstrap p-value
    for "b improves on a"). Raises ``ValueError`` when the reports score different documents."""
    ids_a, rows_a = _counts(a, mode, figure)
    ids_b, rows_b = _counts(b, mode, figure)
    if ids_a != ids_b:
        raise ValueError("the two reports score different documents; compare reports on the same gold file")
    draws = _draws(len(rows_a), samples, seed)
    diff = _f1(rows_b[draws].sum(axis=1)) - _f1(rows_a[draws].sum(axis=1))
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(diff, [tail, 100 - tail])
    point = float(_f1(rows_b.sum(axis=0)) - _f1(rows_a.sum(axis=0)))
    return {
        "difference": point, "low": float(low), "high": float(high),
        "p_not_better": float(np.mean(diff <= 0)), "level": level, "samples": samples,
    }


# Each figure the command line reports: (mode, figure), named "<mode> <figure>".
REPORTED = tuple((mode, figure) for mode in ("strict", "lenient") for figure in FIGURES)


def intervals(report: Mapping[str, Any], *, samples: int = DEFAULT_SAMPLES) -> dict[str, dict[str, float]]:
    """``interval`` of each of ``REPORTED``, by name ("lenient micro")."""
    return {f"{mode} {figure}": interval(report, mode=mode, figure=figure, samples=samples) for mode, figure in REPORTED}


def differences(a: Mapping[str, Any], b: Mapping[str, Any], *, samples: int = DEFAULT_SAMPLES) -> dict[str, dict[str, float]]:
    """``paired_difference`` of each of ``REPORTED``, by name ("lenient micro")."""
    return {f"{mode} {figure}": paired_difference(a, b, mode=mode, figure=figure, samples=samples) for mode, figure in REPORTED}


def format_interval(name: str, result: Mapping[str, float]) -> str:
    return f"{name}: {result['f1']:.3f} ({result['level']:.0%} interval {result['low']:.3f}-{result['high']:.3f}, {result['samples']} document resamples)"


def format_difference(name: str, result: Mapping[str, float]) -> str:
    return (
        f"{name}: {result['difference']:+.4f} ({result['level']:.0%} interval {result['low']:+.4f} to {result['high']:+.4f}; "
        f"not better in {result['p_not_better']:.1%} of {result['samples']} paired document resamples)"
    )
