"""The learned trigger head: a small scorer over spaCy's own token vectors that proposes
event triggers the rules (``triggers.find_triggers``) leave out.

Per candidate token (a VERB, NOUN or ADJ the rules did not take) the features are the
token's row of ``doc.tensor`` (the tok2vec output the parser already computed, so free at
run time), its part of speech and dependency label (one-hot) and the WordNet lexicographer
classes of its lemma as a verb and as a noun (the share of each class among its senses,
from the vendored ``data/wordnet_classes.tsv.gz``). A one-hidden-layer network scores all
candidates of a ``Doc`` in one matrix product. The weights are numpy arrays in
``models/trigger_head-v1.npz`` (numpy only at run time; ``python -m models.train_trigger_head``
trains and writes them, ``models/trigger_head.md`` is the model card).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
from spacy.tokens import Doc

from .errors import ExtractorError
from .lexicon import wordnet_class_row
from .weights import load_arrays

HEAD_NAME = "trigger_head-v1.npz"


def head_path() -> Path:
    """Where the head is: ``$EXTRACTOR_MODELS`` or the repository's ``models/`` folder."""
    env = os.environ.get("EXTRACTOR_MODELS")
    return (Path(env) if env else Path(__file__).resolve().parents[1] / "models") / HEAD_NAME
CANDIDATE_POS = ("VERB", "NOUN", "ADJ")
HEAD_RULE = "trigger_head"  # the rule name the output gives for a trigger the head found
ARRAYS = ("w1", "b1", "w2", "b2", "mean", "std", "pos_labels", "dep_labels", "wn_classes", "threshold")


def candidate_features(doc: Doc, indices: Sequence[int], *, tensor_mean: np.ndarray, tensor_std: np.ndarray,
                       pos_labels: Sequence[str], dep_labels: Sequence[str], wn_classes: Sequence[str]) -> np.ndarray:
    """The feature matrix (one row per token of ``indices``): standardized tensor row,
    part-of-speech and dependency one-hots (last column of each: any other label), WordNet
    class shares. Shared by training and run time, so both see the same features."""
    idx = np.asarray(indices, dtype=np.int64)
    width = doc.tensor.shape[1] if doc.tensor.size else 0
    if width != tensor_mean.shape[0]:
        raise ExtractorError("E023", path=head_path(), problem=f"the Doc's tensor has width {width}, the head expects {tensor_mean.shape[0]}")
    npos, ndep = len(pos_labels) + 1, len(dep_labels) + 1
    classes = tuple(wn_classes)
    nwn = 2 * len(classes) + 2
    out = np.zeros((len(idx), width + npos + ndep + nwn), dtype=np.float32)
    if not len(idx):
        return out
    out[:, :width] = (doc.tensor[idx] - tensor_mean) / tensor_std
    strings = doc.vocab.strings
    attrs = doc.to_array(["POS", "DEP", "LEMMA"])[idx]
    pos_cols, dep_cols = _label_columns(strings, tuple(pos_labels), tuple(dep_labels), attrs[:, 0], attrs[:, 1])
    rows = np.arange(len(idx))
    out[rows, width + pos_cols] = 1.0
    out[rows, width + npos + dep_cols] = 1.0
    out[:, width + npos + ndep:] = np.stack([wordnet_class_row(strings[int(h)].lower(), classes) for h in attrs[:, 2]])
    return out


def _label_columns(strings, pos_labels: tuple[str, ...], dep_labels: tuple[str, ...], pos_ids: np.ndarray,
                   dep_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The one-hot column of each token's POS and dependency label (the last: any other)."""
    from spacy.parts_of_speech import IDS

    pos_map = {IDS[p]: k for k, p in enumerate(pos_labels) if p in IDS}
    dep_map = {strings.add(d): k for k, d in enumerate(dep_labels)}
    pos_cols = np.array([pos_map.get(int(v), len(pos_labels)) for v in pos_ids], dtype=np.int64)
    dep_cols = np.array([dep_map.get(int(v), len(dep_labels)) for v in dep_ids], dtype=np.int64)
    return pos_cols, dep_cols


def candidate_indices(doc: Doc) -> np.ndarray:
    """Indices of the tokens whose part of speech is one of ``CANDIDATE_POS``."""
    from spacy.parts_of_speech import IDS

    if not len(doc):
        return np.zeros(0, dtype=np.int64)
    pos = doc.to_array(["POS"]).reshape(-1)
    return np.nonzero(np.isin(pos, [IDS[p] for p in CANDIDATE_POS]))[0]


class TriggerHead:
    """The trained head: ``scores(doc, indices)`` gives each token's trigger probability."""

    def __init__(self, path: str | Path | None = None, *, threshold: float | None = None) -> None:
        path = Path(path) if path is not None else head_path()
        data = load_arrays(path, ARRAYS, "E023")
        self.w1, self.b1 = data["w1"], data["b1"]
        self.w2, self.b2 = data["w2"], data["b2"]
        self.mean, self.std = data["mean"], data["std"]
        self.pos_labels = tuple(str(x) for x in data["pos_labels"])
        self.dep_labels = tuple(str(x) for x in data["dep_labels"])
        self.wn_classes = tuple(str(x) for x in data["wn_classes"])
        self.threshold = float(data["threshold"]) if threshold is None else float(threshold)
        self.path = path

    def features(self, doc: Doc, indices: Sequence[int]) -> np.ndarray:
        return candidate_features(
            doc, indices, tensor_mean=self.mean, tensor_std=self.std,
            pos_labels=self.pos_labels, dep_labels=self.dep_labels, wn_classes=self.wn_classes,
        )

    def scores(self, doc: Doc, indices: Sequence[int]) -> np.ndarray:
        """Trigger probabilities of the tokens at ``indices``, in one batch per ``Doc``."""
        if not len(indices):
            return np.zeros(0, dtype=np.float32)
        return self.predict(self.features(doc, indices))

    def predict(self, x: np.ndarray) -> np.ndarray:
        # einsum, not BLAS: a product this small costs more in BLAS's thread start-up than in arithmetic
        hidden = np.maximum(np.einsum("ij,jk->ik", x, self.w1) + self.b1, 0.0)
        logits = hidden @ self.w2 + self.b2
        return (1.0 / (1.0 + np.exp(-logits))).reshape(-1)


@lru_cache(maxsize=4)
def load_head(path: str | None = None, threshold: float | None = None) -> TriggerHead:
    """The head at ``path`` (None: ``head_path()``), loaded once per process."""
    return TriggerHead(path, threshold=threshold)
