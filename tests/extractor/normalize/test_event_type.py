"""classify_action: action lemmas -> event classes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize.event_type import SEEDS, classify_action, explain_class
from extractor.types import EVENT_TYPES

SEED_CASES = [(word, cls) for cls, words in SEEDS.items() for word in words]


def test_seed_classes_are_the_ontology():
    assert tuple(SEEDS) == EVENT_TYPES
    every = [w for words in SEEDS.values() for w in words]
    assert len(every) == len(set(every)), "a seed is listed twice"


@pytest.mark.parametrize(("word", "cls"), SEED_CASES)
def test_every_seed_maps_to_its_class(word, cls):
    assert classify_action(word) == cls


@pytest.mark.parametrize(
    ("word", "cls"),
    [
        ("Dispatch", "deploy"),  # case and spacing do not matter
        ("  pull   out ", "deploy"),
        ("pull_out", "deploy"),
    ],
)
def test_lemma_normalization(word, cls):
    assert classify_action(word) == cls


# Verbs in none of the seed lists: the classes computed ahead by the encoder decide.
UNSEEN = [
    ("airlift", "deploy"),
    ("shell", "combat"),
    ("bombard", "combat"),
    ("ship", "supply"),
    ("reimburse", "pay"),
    ("ratify", "agree"),
    ("restore", "reconstruct"),
    ("airstrikes", "combat"),
    ("bombardment", "combat"),
    ("salaries", "pay"),
    ("treaties", "agree"),
    ("yawn", "other"),
    ("celebrate", "other"),
    ("sneeze", "other"),
    pytest.param("slay", "casualty", marks=pytest.mark.xfail(strict=True, reason="nearest centroid is combat")),
    pytest.param("drill", "train", marks=pytest.mark.xfail(strict=True, reason="nearest centroid is other")),
    pytest.param("paint", "other", marks=pytest.mark.xfail(strict=True, reason="nearest centroid is supply")),
]


@pytest.mark.parametrize(("word", "cls"), UNSEEN)
def test_lemmas_outside_the_seeds_by_the_shipped_tables(word, cls):
    assert all(word not in words for words in SEEDS.values())
    assert classify_action(word) == cls


# Lemmas that neither the seeds nor the tables cover: cheap rules over the tables, else other.
RULES = [
    ("airstrikes", "combat", "inflection"),  # plural of the seed "airstrike"
    ("redeploying", "deploy", "inflection"),
    ("bombardment", "combat", "wordnet_noun_verb"),  # WordNet: an act of bombarding
    ("bombardments", "combat", "wordnet_noun_verb"),
    ("reauthorize", "agree", "again_prefix"),  # re + authorize
    ("greenlight", "other", "unknown"),  # not in WordNet 3.0
    ("rower", "other", "unknown"),  # a WordNet noun of a person, not of an act
    ("lurid", "other", "unknown"),  # the encoder said casualty
    ("wildfire", "other", "unknown"),  # the encoder said combat
    ("trickle down", "other", "unknown"),  # a phrasal verb of a rare verb
]


@pytest.mark.parametrize(("word", "cls", "rule"), RULES)
def test_lemmas_no_table_covers(word, cls, rule):
    assert explain_class(word) == (cls, rule)
    assert classify_action(word) == cls


@pytest.mark.parametrize(("word", "rule"), [("dispatch", "seed"), ("airlift", "verb_table"), ("salaries", "word_table"), ("carry out", "word_table")])
def test_explain_class_names_the_table(word, rule):
    assert explain_class(word)[1] == rule


@pytest.mark.parametrize("value", ["", "   ", "123", "!!", None, 5, ["kill"]])
def test_junk_is_other(value):
    assert classify_action(value) == "other"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_classify_action_never_raises(text):
    assert classify_action(text) in EVENT_TYPES


# --- the class in context (type_in_context) ----------------------------------------------
from extractor.normalize.event_type import CASUALTY_CORE, type_in_context  # noqa: E402


@pytest.mark.parametrize(
    "lemma, security, expected",
    [
        # the lemma's class, kept in the armed or security domain
        ("arrive", True, ("deploy", "security_context")),
        ("overtake", True, ("combat", "security_context")),
        ("produce", True, ("supply", "security_context")),
        # and "other" outside it: a president arrives, a driver overtakes, a firm produces
        ("arrive", False, ("other", "civil_context")),
        ("overtake", False, ("other", "civil_context")),
        ("produce", False, ("other", "civil_context")),
        ("vote", False, ("other", "civil_context")),
        ("lose", False, ("other", "civil_context")),  # a game, not soldiers
        # killing, dying, injuring are casualties in any domain
        ("kill", False, ("casualty", "core_casualty")),
        ("die", False, ("casualty", "core_casualty")),
        ("injure", False, ("casualty", "core_casualty")),
        ("death", False, ("casualty", "core_casualty")),
        ("lose", True, ("casualty", "security_context")),
        # a lemma of class "other" stays so
        ("meet", True, ("other", "lemma")),
        ("say", False, ("other", "lemma")),
    ],
)
def test_type_in_context(lemma, security, expected):
    assert type_in_context(lemma, security=security) == expected


def test_casualty_core_is_the_seeds_of_killing_dying_and_injuring():
    assert CASUALTY_CORE <= set(SEEDS["casualty"])
    assert {"lose", "suffer", "loss", "losses"}.isdisjoint(CASUALTY_CORE)
    assert {"kill", "die", "injure", "wound", "murder", "death", "casualty"} <= CASUALTY_CORE


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30), st.booleans())
def test_type_in_context_never_raises(text, security):
    cls, rule = type_in_context(text, security=security)
    assert cls in EVENT_TYPES and rule in ("lemma", "core_casualty", "security_context", "civil_context")
