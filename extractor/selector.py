"""Tuple selection: which linked triggers become tuples.

Three selectors are registered (``extractor.registry.selectors``):

- ``extractor.rule_admission.v1`` (the default): today's fixed rule, ``build.rule_admits``
  (an actor and one of quantity, location, date; or an agentless verdict with one of them in
  the trigger's sentence). The component then runs exactly as before (the linker is asked
  for ``admitted_only``).
- ``extractor.learned_selector.v1``: every trigger the linker gives an actor, an agentless
  verdict, a quantity, a place or a date is a candidate; a logistic regression over cheap
  features of the ``Doc`` and the linker's record (which slots are filled and by which rule,
  the rule's own verdict, trigger kind and rule, modality, tense, reported / cognition /
  quoted clause, sentence position, part of speech and dependency label, WordNet classes of
  the lemma, entity labels of actor and place, candidates per sentence) scores each, and
  those at or above the threshold stored with the weights become tuples. Weights in
  ``models/selector-v1.npz`` (numpy only at run time); ``python -m models.train_selector``
  trains them; ``models/selector.md`` is the model card.
- ``extractor.learned_selector_admitted.v1``: v1's weights scoring only the triggers of the
  linker's ``admitted_only`` pass (those it gives an actor or an agentless verdict): the
  linking the default runs, so the selector adds only its scoring (``full_linking``).

A fourth, ``extractor.keep_all.v1`` (``KeepAll``), is a diagnostic: it keeps every trigger with its
full linking, for ``evaluation.misses``.
"""

from __future__ import annotations

import bisect
import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from spacy.tokens import Doc

from .build import DocText, in_sentence, is_past, rule_admits
from .contracts import RELATIVE_DATE_RULES, ROLES, Arguments, Trigger
from .errors import ExtractorError
from .lexicon import Lexicon, default_lexicon, wordnet_class_row
from .weights import load_arrays

RULE_ADMISSION = "extractor.rule_admission.v1"
LEARNED_SELECTOR = "extractor.learned_selector.v1"
LEARNED_SELECTOR_ADMITTED = "extractor.learned_selector_admitted.v1"
SELECTOR_FILE = "selector-v1.npz"
# the weights shipped, by version (``models/train_selector.py`` also builds v2 and v2a, which
# failed their development gate and are not shipped: models/selector.md)
SELECTOR_FILES = {"v1": SELECTOR_FILE}
LINKINGS = ("full", "admitted")
ARRAYS = ("feature_names", "mean", "std", "w", "b", "threshold", "wn_classes")

POS_LABELS = ("VERB", "NOUN", "ADJ", "AUX", "PROPN")
DEP_LABELS = (
    "ROOT", "acl", "advcl", "amod", "appos", "attr", "ccomp", "compound", "conj", "csubj", "dobj", "nsubj",
    "nsubjpass", "pcomp", "pobj", "relcl", "xcomp", "dep", "npadvmod", "parataxis",
)
ACTOR_ENTS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
PLACE_ENTS = ("GPE", "LOC", "FAC", "ORG", "NORP")
CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "conj")
QUOTES = ('"', "“", "”")


def selector_path(version: str = "v1") -> Path:
    """Where the weights of ``version`` (``SELECTOR_FILES``) are: ``$EXTRACTOR_MODELS`` or the
    repository's ``models/`` folder."""
    if version not in SELECTOR_FILES:
        raise ExtractorError("E025", path=f"version {version!r}", problem=f"no weights of it are shipped; shipped: {', '.join(SELECTOR_FILES)}")
    env = os.environ.get("EXTRACTOR_MODELS")
    return (Path(env) if env else Path(__file__).resolve().parents[1] / "models") / SELECTOR_FILES[version]


def is_candidate(args: Arguments) -> bool:
    """A trigger the learned selector scores: the linker gave it an actor, an agentless
    verdict or some other slot."""
    return args.actor is not None or bool(args.rules)


def _ancestors(token, limit: int = 12):
    seen = 0
    while token.head.i != token.i and seen < limit:
        token = token.head
        seen += 1
        yield token


def candidate_features(
    doc: Doc,
    triggers: Sequence[Trigger],
    arguments: Sequence[Arguments],
    indices: Sequence[int],
    *,
    lexicon: Lexicon | None = None,
    wn_classes: Sequence[str] = (),
    tensor: bool = False,
) -> list[dict[str, float]]:
    """One dict of named features per candidate (``indices`` into ``triggers``)."""
    lexicon = lexicon or default_lexicon()
    dtext = DocText(doc)
    sents = [dtext.sent_bounds(triggers[i].i) for i in indices]
    per_sent: dict[int, int] = {}
    admitted = [rule_admits(doc, triggers[i], arguments[i], dtext) for i in indices]
    adm_sent: dict[int, int] = {}
    for (s, _), a in zip(sents, admitted):
        per_sent[s] = per_sent.get(s, 0) + 1
        adm_sent[s] = adm_sent.get(s, 0) + int(a)
    sent_starts = dtext.sent_starts() if doc.has_annotation("SENT_START") else [0]
    n_sents = max(len(sent_starts), 1)

    classes = tuple(wn_classes)
    lemmas_seen: dict[str, int] = {}
    rows: list[dict[str, float]] = []
    quotes = _quotes_before(doc)
    for k, i in enumerate(indices):
        trig, args = triggers[i], arguments[i]
        token = doc[trig.i]
        s, e = sents[k]
        f: dict[str, float] = {}
        f["admitted"] = float(admitted[k])
        agentless = args.actor is None and bool(args.rules.get("actor"))
        f["has_actor"] = float(args.actor is not None)
        f["agentless"] = float(agentless)
        f["has_quantity"] = float(args.quantity is not None)
        f["has_location"] = float(args.location is not None)
        f["has_date"] = float(args.date is not None)
        f["relative_date"] = float(args.date is not None and args.rules.get("date") in RELATIVE_DATE_RULES)
        filled = sum(getattr(args, r) is not None for r in ROLES)
        f[f"filled={filled}"] = 1.0
        f["only_actor"] = float(args.actor is not None and args.quantity is None and args.location is None and args.date is None)
        for role in ("quantity", "location", "date"):
            if getattr(args, role) is not None:
                f[f"{role}_in_sentence"] = float(in_sentence(doc, token, getattr(args, role), dtext))
        for role, rule in args.rules.items():
            f[f"rule:{role}={rule}"] = 1.0
        f[f"kind={trig.kind}"] = 1.0
        f["head_trigger"] = float(trig.rule is not None)
        f[f"modality={trig.modality}"] = 1.0
        f["has_source"] = float(trig.source is not None)
        past = is_past(doc, trig)
        f[f"past={past}"] = 1.0
        f["negated_child"] = float(any(c.dep_ == "neg" for c in token.children))
        reported = cognition = planning = 0.0
        for anc in _ancestors(token):
            lemma = anc.lemma_.lower()
            if lemma in lexicon.reporting:
                reported = 1.0
            if lemma in lexicon.cognition:
                cognition = 1.0
            if lemma in lexicon.planning:
                planning = 1.0
        f["under_reporting"], f["under_cognition"], f["under_planning"] = reported, cognition, planning
        f["in_quote"] = float((quotes[trig.i] - quotes[s]) % 2 == 1)  # an odd count of quote marks before it in its sentence
        sent_i = bisect.bisect_right(sent_starts, s) - 1
        f["first_sentence"] = float(sent_i <= 0)
        f["sentence_index_log"] = math.log1p(max(sent_i, 0))
        f["sentence_position"] = max(sent_i, 0) / n_sents
        f["sentence_length_log"] = math.log1p(e - s)
        f["candidates_in_sentence_log"] = math.log1p(per_sent[s] - 1)
        f["admitted_in_sentence_others"] = float(adm_sent[s] - admitted[k] > 0)
        f["candidates_in_doc_log"] = math.log1p(len(indices))
        f["position_in_sentence"] = (trig.i - s) / max(e - s, 1)
        pos = token.pos_
        f[f"pos={pos if pos in POS_LABELS else 'other'}"] = 1.0
        dep = token.dep_
        f[f"dep={dep if dep in DEP_LABELS else 'other'}"] = 1.0
        hdep = token.head.dep_ if token.head.i != token.i else "ROOT"
        f[f"head_dep={hdep if hdep in DEP_LABELS else 'other'}"] = 1.0
        f["in_subclause"] = float(any(a.dep_ in CLAUSE_DEPS for a in [token, *_ancestors(token, 3)]))
        lemma = trig.lemma.split(" ")[0].lower()
        f["repeat_lemma"] = float(lemmas_seen.get(lemma, 0) > 0)
        lemmas_seen[lemma] = lemmas_seen.get(lemma, 0) + 1
        if classes:
            f.update(_wordnet_features(lemma, classes))
        if args.actor is not None:
            a0, a1 = args.actor
            ents = [doc[j].ent_type_ for j in range(a0, a1) if doc[j].ent_type_]
            label = ents[0] if ents else ("PRON" if any(doc[j].pos_ == "PRON" for j in range(a0, a1)) else "none")
            f[f"actor_ent={label if label in ACTOR_ENTS + ('PRON', 'none') else 'other'}"] = 1.0
            f["actor_len_log"] = math.log1p(a1 - a0)
            f["actor_ref"] = float(args.actor_ref is not None)
        if args.location is not None:
            l0, l1 = args.location
            ents = [doc[j].ent_type_ for j in range(l0, l1) if doc[j].ent_type_]
            label = ents[0] if ents else "none"
            f[f"place_ent={label if label in PLACE_ENTS + ('none',) else 'other'}"] = 1.0
        if args.date is not None:
            d0, d1 = args.date
            f["date_entity"] = float(any(doc[j].ent_type_ == "DATE" for j in range(d0, d1)))
            f["date_digit"] = float(any(doc[j].like_num or any(ch.isdigit() for ch in doc[j].text) for j in range(d0, d1)))
        if args.quantity is not None:
            q0, q1 = args.quantity
            f["quantity_number"] = float(any(doc[j].like_num for j in range(q0, q1)))
        f["linker_score"] = float(args.score)
        if tensor and doc.tensor.size:
            for c, v in enumerate(doc.tensor[trig.i]):
                f[f"t{c}"] = float(v)
        rows.append(f)
    return rows


# the number of quotation marks (``QUOTES``) in each word's text, by the word's ORTH hash
_QUOTE_COUNTS: dict[int, int] = {}


def _quotes_before(doc: Doc) -> list[int]:
    """``counts[i]``: the quotation marks in the text before word ``i``, read from the ORTH
    column (``counts[j] - counts[i]`` is the count in ``doc.text`` from word ``i`` to word
    ``j``: white space holds none), without building the text or a ``Token`` per word."""
    from spacy.attrs import ORTH

    strings, known = doc.vocab.strings, _QUOTE_COUNTS
    if len(known) > 200_000:
        known.clear()  # kept bounded over a long run (the vocabulary grows with new words)
    counts, total = [0], 0
    for orth in (doc.to_array(ORTH).tolist() if len(doc) else ()):
        n = known.get(orth)
        if n is None:
            word = strings[orth]
            n = known[orth] = sum(word.count(q) for q in QUOTES)
        total += n
        counts.append(total)
    return counts


@lru_cache(maxsize=50_000)
def _wordnet_features(lemma: str, classes: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """The lemma's WordNet class shares as named features (``lexicon.wordnet_class_row``): the
    classes with a share among its verb senses (``wn_v=``) and its noun senses (``wn_n=``), then
    whether it has verb and noun senses; read once per lemma."""
    row = wordnet_class_row(lemma, classes)
    n = len(classes)
    out: list[tuple[str, float]] = []
    for c, cls in enumerate(classes):
        if row[c]:
            out.append((f"wn_v={cls}", float(row[c])))
        if row[n + c]:
            out.append((f"wn_n={cls}", float(row[n + c])))
    out += [("wn_has_verb", float(row[2 * n])), ("wn_has_noun", float(row[2 * n + 1]))]
    return tuple(out)


def vectorize(rows: Sequence[dict[str, float]], names: Sequence[str], columns: dict[str, int] | None = None) -> np.ndarray:
    """The matrix of ``rows`` over the columns ``names`` (features not named are dropped);
    ``columns``, the name -> column map of ``names`` when the caller keeps one."""
    col = columns if columns is not None else {n: c for c, n in enumerate(names)}
    out = np.zeros((len(rows), len(names)), dtype=np.float64)
    for r, f in enumerate(rows):
        for name, value in f.items():
            c = col.get(name)
            if c is not None:
                out[r, c] = value
    return out


class LearnedSelector:
    """The trained selector: ``select(doc, triggers, arguments)`` gives the indices of the
    triggers to keep and their scores. ``full_linking``: whether it scores every trigger's full
    linking (v1) or only the triggers of the linker's ``admitted_only`` pass, which the
    component then asks for (the weights file's ``linking`` array, or the ``linking`` given)."""

    def __init__(self, path: str | Path | None = None, *, threshold: float | None = None, linking: str | None = None) -> None:
        path = Path(path) if path is not None else selector_path()
        data = load_arrays(path, ARRAYS, "E025")
        self.names = tuple(str(x) for x in data["feature_names"])
        self.mean, self.std = data["mean"].astype(np.float64), data["std"].astype(np.float64)
        self.w, self.b = data["w"].astype(np.float64), data["b"].astype(np.float64)
        self.wn_classes = tuple(str(x) for x in data["wn_classes"])
        self.thresholds = data["threshold"].astype(np.float64) if threshold is None else np.full(2, float(threshold))
        d = len(self.names)
        if not (len(self.mean) == len(self.std) == d and self.w.shape == (2, d) and self.b.shape == (2,) and self.thresholds.shape == (2,)):
            raise ExtractorError("E025", path=path, problem="the arrays disagree in shape")
        # "admitted": trained on the candidates of the linker's ``admitted_only`` pass (the triggers
        # it gives an actor or an agentless verdict), so the component asks only that pass of it;
        # "full" (v1, and a file without the array): every trigger's full linking
        if linking is None:
            linking = str(data["linking"]) if "linking" in data else "full"
        if linking not in LINKINGS:
            raise ExtractorError("E025", path=path, problem=f"unknown linking {linking!r}")
        self.full_linking = linking == "full"
        self.admitted_col = self.names.index("admitted") if "admitted" in self.names else None
        self.columns = {n: c for c, n in enumerate(self.names)}
        self.tensor = any(n.startswith("t") and n[1:].isdigit() for n in self.names)
        self.path = path

    def features(self, doc: Doc, triggers: Sequence[Trigger], arguments: Sequence[Arguments], indices: Sequence[int], *,
                 lexicon: Lexicon | None = None) -> np.ndarray:
        """The feature matrix of the candidates ``indices``, over the columns the weights know."""
        rows = candidate_features(doc, triggers, arguments, indices, lexicon=lexicon, wn_classes=self.wn_classes, tensor=self.tensor)
        return vectorize(rows, self.names, self.columns)

    def scores(self, doc: Doc, triggers: Sequence[Trigger], arguments: Sequence[Arguments], indices: Sequence[int], *,
               lexicon: Lexicon | None = None) -> np.ndarray:
        if not len(indices):
            return np.zeros(0)
        return self.predict(self.features(doc, triggers, arguments, indices, lexicon=lexicon))

    def _group(self, x: np.ndarray) -> np.ndarray:
        """0 for the rows the rule admits, 1 for the others."""
        if self.admitted_col is None:
            return np.zeros(len(x), dtype=np.int64)
        return (x[:, self.admitted_col] <= 0.5).astype(np.int64)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Scores of the feature rows ``x``: the first weight row for the candidates the rule
        admits, the second for the others."""
        z = (x - self.mean) / self.std
        g = self._group(x)
        logits = np.einsum("ij,ij->i", z, self.w[g]) + self.b[g]
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -60.0, 60.0)))  # clipped: no overflow warning

    def select(self, doc: Doc, triggers: Sequence[Trigger], arguments: Sequence[Arguments], *,
               lexicon: Lexicon | None = None) -> list[tuple[int, float]]:
        """``(index, score)`` of each trigger kept, in trigger order (word classes from
        ``lexicon``): a candidate the rule admits is kept at ``thresholds[0]`` or above, any
        other at ``thresholds[1]`` or above."""
        indices = [i for i, args in enumerate(arguments) if is_candidate(args)]
        if not indices:
            return []
        x = self.features(doc, triggers, arguments, indices, lexicon=lexicon)
        scores = self.predict(x)
        limits = self.thresholds[self._group(x)]
        return [(i, float(p)) for i, p, t in zip(indices, scores, limits) if p >= t]


class KeepAll:
    """A diagnostic selector (``extractor.keep_all.v1``): every trigger found becomes a tuple with
    whatever the linker's full linking gave it, its score the linker's. It shows what the admission
    rule and the learned selectors choose from, so that a missed gold tuple can be told apart by
    stage (``python -m evaluation.misses``); its output is no event list to use."""

    full_linking = True

    def select(self, doc: Doc, triggers: Sequence[Trigger], arguments: Sequence[Arguments], *,
               lexicon: Lexicon | None = None) -> list[tuple[int, float]]:
        """``(index, score)`` of every trigger, in trigger order."""
        return [(i, float(args.score or 0.0)) for i, args in enumerate(arguments)]


@lru_cache(maxsize=4)
def load_selector(path: str | None = None, threshold: float | None = None, version: str = "v1",
                  linking: str | None = None) -> LearnedSelector:
    """The selector at ``path`` (None: ``selector_path(version)``), loaded once per process;
    ``linking`` ("full" or "admitted") overrides which triggers it scores (None: what its file says)."""
    return LearnedSelector(path if path is not None else selector_path(version), threshold=threshold, linking=linking)


def selected_events(events: Sequence[Any], kept: Sequence[tuple[int, float]], name: str) -> list[Any]:
    """``events`` (built for the kept triggers, in order) marked with the selector's name
    (``rules["selector"]``) and score (``confidence``; the linker's in ``extra``)."""
    from dataclasses import replace

    out = []
    for event, (_, score) in zip(events, kept):
        out.append(replace(
            event,
            confidence=round(score, 6),
            rules={**(event.rules or {}), "selector": name},
            extra={**event.extra, "linker_confidence": event.confidence, "selector_score": score},
        ))
    return out
