"""Trigger finding: which words of a parsed ``Doc`` report a concrete event."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from types import SimpleNamespace
from typing import Iterator, Sequence

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX as _POS_AUX, NOUN as _POS_NOUN, VERB as _POS_VERB
from spacy.tokens import Doc, Token

from .contracts import Trigger
from .lexicon import (
    AGENT_NOUN_CLASSES, EVENT_NOUN_CLASSES, VERB_EVENT_SHARE, Lexicon, _denominal, act_kinds, _wordnet_verbs, default_lexicon, derived_verb, event_verb_of_noun, is_event_verb,
    in_verb_class, names_happening, occurrence_verb_of_noun, verb_base, verb_forms as _verb_forms, verb_lemmas, verb_of_nominal, word_senses, wordnet_event_verb,
    wordnet_place_noun,
)
from .normalize.date import MONTH_NAMES
from .syntax import PLACE_LABELS, child_tokens, comes_about, entity_span, forget_children, occurrence_clause, occurrence_governor  # noqa: F401  (re-exported)


def _has_place(token: Token) -> bool:
    return any(t.ent_type_ in PLACE_LABELS for t in token.subtree)


def is_presence_passive(token: Token, lexicon: Lexicon) -> bool:
    """A passive of seeing or finding with a place ("troops were spotted in Kursk"): a
    presence ("be") event of its patient."""
    if token.lemma_.lower() not in lexicon.presence_passives or not any(c.dep_ == "auxpass" for c in child_tokens(token)):
        return False
    if any(c.dep_ == "agent" for c in child_tokens(token)):
        return False
    return any(c.dep_ == "prep" and c.lower_ in lexicon.locative_preps and _has_place(c) for c in child_tokens(token))


def _place_in_place(token: Token, lexicon: Lexicon) -> bool:
    """A copula whose subject is itself a named place, put in a named place: "the town is in
    Ohio", "the circuit is in Sao Paulo". It tells where a place lies (geography, a
    description), and places no forces or people (guide section 1: only a copula that places
    forces somewhere is an event)."""
    subj = next((c for c in child_tokens(token) if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ not in PLACE_LABELS:
        return False
    objects = [
        p for c in child_tokens(token) if c.dep_ == "prep" and c.lower_ in lexicon.locative_preps and _has_place(c)
        for p in child_tokens(c) if p.dep_ == "pobj"
    ]
    return bool(objects) and all(p.ent_type_ in PLACE_LABELS for p in objects)


# Vetoes of a locative copula, tried in order: a copula one of them names is no event
# (``copula_veto`` gives the name of the one that fired).
COPULA_VETOES = (
    ("place_in_place", _place_in_place),
)


def copula_veto(token: Token, lexicon: Lexicon) -> str | None:
    """The name of the first of ``COPULA_VETOES`` that rules the copula out as an event, or None."""
    for name, veto in COPULA_VETOES:
        if veto(token, lexicon):
            return name
    return None


# WordNet classes (first sense) of the head of a counted subject that names people: "11
# (people)", "hundreds of prisoners", "ninety soldiers".
_PEOPLE_CLASSES = frozenset({"person", "group"})


def _of_object(token: Token) -> Token | None:
    """The object of the word's "of" phrase ("hundreds of prisoners": prisoners), or None."""
    return next((p for c in child_tokens(token) if c.dep_ == "prep" and c.lower_ == "of" for p in child_tokens(c) if p.dep_ == "pobj"), None)


def _counted_noun(token: Token) -> Token | None:
    """The noun a counted phrase counts: the "of" object of a collective number ("hundreds of
    prisoners", "thousands of such incidents"), else the word itself when a number modifies
    it ("40 cases"); None when nothing counts it."""
    if token.ent_type_ == "CARDINAL":
        return _of_object(token)
    return token if any(c.dep_ == "nummod" and c.like_num for c in child_tokens(token)) else None


def _counts_people(subj: Token) -> bool:
    """A subject that counts people: a bare number ("11 were in hospital"), or a number with
    a noun (or the "of" object of a collective number: "hundreds of prisoners",
    ``_counted_noun``) whose first WordNet sense is a person or a group."""
    if subj.like_num or (subj.pos_ == "NUM" and not any(True for _ in child_tokens(subj))):
        return True
    noun = _counted_noun(subj)
    if noun is None:
        return False
    senses = word_senses(noun.lemma_.lower(), "n")
    return senses is not None and senses.classes[0] in _PEOPLE_CLASSES


def _is_common_place(pobj: Token, lexicon: Lexicon) -> bool:
    """A common noun that names somewhere: a building or facility (``artifact_places``) or
    a place by its WordNet classes (``wordnet_place_noun``): "hospital", "jail", "the area"."""
    if pobj.pos_ != "NOUN" or pobj.ent_type_:
        return False
    lemma = pobj.lemma_.lower()
    return lemma in lexicon.artifact_places or wordnet_place_noun(lemma)


def is_locative_copula(token: Token, lexicon: Lexicon) -> bool:
    """A form of "be" that places its subject somewhere ("12,000 soldiers are in Russia"; a
    counted subject of people also in a common place, ``_counts_people``: "11 were still in
    hospital", "hundreds of prisoners are in jail"), unless one of ``COPULA_VETOES`` rules it
    out ("the town is in Ohio")."""
    if token.lemma_ != "be" or token.dep_ in ("aux", "auxpass"):
        return False
    if not any(c.dep_ in ("nsubj", "expl") for c in child_tokens(token)):
        return False
    counted = any(c.dep_ == "nsubj" and _counts_people(c) for c in child_tokens(token))
    return any(
        c.dep_ == "prep" and c.lower_ in lexicon.locative_preps and (
            _has_place(c) or (counted and any(p.dep_ == "pobj" and _is_common_place(p, lexicon) for p in child_tokens(c)))
        )
        for c in child_tokens(token)
    ) and copula_veto(token, lexicon) is None


def is_counted_existential(token: Token, lexicon: Lexicon) -> bool:
    """An existential "there be" that counts occurrences (guide section 1; dev3 D11, counts of
    cases are events): "there have been 398 cases of dengue", "there were thousands of such
    incidents". The counted noun (``_counted_noun``) has a first WordNet sense of an event,
    act or phenomenon (``EVENT_NOUN_CLASSES``) and names no event verb of its own: a noun
    that does ("there were two attacks") is the event noun trigger itself."""
    if token.lemma_ != "be" or token.dep_ in ("aux", "auxpass"):
        return False
    if not any(c.dep_ == "expl" and c.lower_ == "there" for c in child_tokens(token)):
        return False
    for attr in child_tokens(token):
        if attr.dep_ != "attr" or attr.pos_ != "NOUN":
            continue
        noun = _counted_noun(attr)  # "398 cases", "thousands of such incidents": the "of" object
        if noun is None or noun.pos_ != "NOUN":
            continue
        lemma = noun.lemma_.lower()
        senses = word_senses(lemma, "n")
        if senses is not None and senses.classes[0] in EVENT_NOUN_CLASSES and event_verb_of_noun(lemma, lexicon) is None:
            return True
    return False


def _is_purpose_clause(token: Token, lexicon: Lexicon) -> bool:
    """An infinitive of purpose or motive ("to support Russia"), not an event of its own."""
    if token.dep not in _PURPOSE_CLAUSE_DEPS:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in child_tokens(token)):
        return False
    head = token.head
    if token.dep_ == "xcomp":
        # complements of control, aspectual and attribution verbs are the event itself
        lemma = head.lemma_.lower()
        passive = any(c.dep_ == "auxpass" for c in child_tokens(head))
        if lemma in lexicon.cognition and lemma not in lexicon.planning and lemma not in lexicon.raising and not passive:
            return True  # "struggles to sustain": an attitude, not an event
        # object control ("assisting Iran to construct", "compel Iraq to rid"): the object does
        # the complement, which is an event of its own, not the subject's purpose
        return head.pos_ == "VERB" and not (
            lemma in lexicon.planning or lemma in lexicon.aspectual or lemma in lexicon.cognition
            or lemma in lexicon.reporting or lemma in lexicon.hedge_passives or lemma in lexicon.semi_modals
            or lemma in lexicon.object_control or lemma in lexicon.mapping("implicative")
        )
    lemma = head.lemma_.lower()
    # "efforts to reclaim Kursk": the attempted event is reported as such, not as a purpose
    return not (token.dep_ == "acl" and (lemma in lexicon.planning_nouns or lemma in lexicon.attempt_nouns))


def _in_purpose_clause(token: Token, lexicon: Lexicon, index: "_DocIndex") -> bool:
    """The word heads, or hangs inside, a purpose clause ("to assist with fixing equipment"),
    climbing at most six words up through ``_PURPOSE_PATH_DEPS``. The path up is read from the
    ``Doc``'s arrays (``index``), and only a verb that may head one (``_DocIndex.purpose_heads``)
    is put to ``_is_purpose_clause``."""
    dep, heads, _, _ = index.lists()
    heads_purpose = index.purpose_heads()
    doc = token.doc
    i = token.i
    for _ in range(6):
        if i in heads_purpose and _is_purpose_clause(doc[i], lexicon):
            return True
        if dep[i] not in _PURPOSE_PATH_DEPS or heads[i] == i:
            return False
        i = heads[i]
    return False


# The labels ``_in_purpose_clause`` climbs through, and those of a purpose clause's verb
# (``_is_purpose_clause``), as string ids (``Token.dep``).
_PURPOSE_PATH_DEPS = frozenset(get_string_id(d) for d in ("pcomp", "prep", "pobj", "xcomp", "advcl", "conj"))
_PURPOSE_CLAUSE_DEPS = frozenset(get_string_id(d) for d in ("advcl", "acl", "relcl", "xcomp"))


def is_conditional(token: Token, lexicon: Lexicon, index: "_DocIndex | None" = None) -> bool:
    """Whether the word sits in an "if"/"whether" clause, which reports no actual event
    (``index``: the ``Doc``'s lookups, which find the heads of such clauses once)."""
    if index is None:
        for tok in [token, *token.ancestors]:
            if tok.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ in lexicon.conditional_marks for c in child_tokens(tok)):
                return True
        return False
    clauses = index.conditional_clauses(lexicon)
    return bool(clauses) and any(i in clauses for i in index.path(token.i))


def is_hypothesis(token: Token, lexicon: Lexicon) -> bool:
    """Whether every conditional clause around the word (``is_conditional``) is an adverbial
    "if"/"unless" clause (``hypothesis_marks``): an open condition, whose event the gold labels
    as ``planned`` (dev a D10 "If Rosberg finishes third in Abu Dhabi", dev b decision 9 "if
    Trump emerged the victor on Election Day"), unlike "whether" and complement "if" clauses,
    which are dependent questions ("asked if he would go")."""
    found = False
    for tok in [token, *token.ancestors]:
        marks = [c.lower_ for c in child_tokens(tok) if c.dep_ == "mark" and c.lower_ in lexicon.conditional_marks]
        if tok.dep_ not in ("advcl", "ccomp") or not marks:
            continue
        if tok.dep_ != "advcl" or not all(m in lexicon.hypothesis_marks for m in marks):
            return False
        found = True
    return found


def _governors(token: Token, lexicon: Lexicon) -> list[Token]:
    """The token and the chain of words whose complement it is (plans to -> send)."""
    chain = [token]
    cur = token
    while cur.dep_ in ("xcomp", "acl", "conj", "pcomp", "pobj") and cur.head.i != cur.i:
        if cur.dep_ == "acl" and (
            cur.head.lemma_.lower() not in lexicon.planning_nouns
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in child_tokens(cur))
        ):
            break  # "an agreement reached in June" describes the agreement; "agreement to send" plans
        cur = cur.head
        chain.append(cur)
        if cur.dep_ == "prep":
            continue
        if len(chain) > 6:
            break
    return chain


_NEGATIVE_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _negative_argument(verb: Token, lexicon: Lexicon) -> bool:
    """Rule ``negative_argument``: the verb's subject or object is a negative pronoun or
    has a negative determiner (the lexicon's ``negative_quantifiers``: "none of the troops
    were sent", "no trucks reached Gaza", "nobody was hurt", "sent no soldiers"), which
    makes the clause negative (Quirk et al. 1985, 10.58; seeds decision 32: "none were
    confirmed" is negated). Not "no fewer than 300 soldiers": there "no" grades a number."""
    words = lexicon.negative_quantifiers
    for c in child_tokens(verb):
        if c.dep_ not in _NEGATIVE_ARGUMENT_DEPS:
            continue
        if c.lower_ in words and c.pos_ in ("PRON", "NOUN", "DET"):
            return True
        if any(d.dep_ == "nummod" for d in child_tokens(c)):
            continue  # "no fewer than 300 soldiers", "no more than 20 trucks": a graded number
        if any(d.dep_ == "det" and d.lower_ in words for d in child_tokens(c)):
            return True
    return False


def find_modality(token: Token, lexicon: Lexicon, index: "_DocIndex | None" = None) -> str:
    """asserted, reported, planned or negated, from auxiliaries, hedges, negation and the
    planning, raising and attribution words that govern the trigger (``index``: the
    ``Doc``'s lookups, shared by the triggers of one ``Doc``)."""
    chain = _governors(token, lexicon)
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in lexicon.aspectual:
        chain.append(token.head)
    base = token
    while base.pos_ == "NOUN" and base.dep_ == "conj" and base.head.pos_ == "NOUN":
        base = base.head  # "imposing sanctions or an embargo": the first conjunct's verb
    if base.pos_ == "NOUN" and base.dep_ == "dobj":
        # "is going to greenlight the deployment": the noun's event shares its verb's modality
        chain.extend(_governors(base.head, lexicon))
    planned = hedged = negated = False
    marks = (index or _DocIndex(token.doc)).modality_marks(lexicon)
    for k, tok in enumerate(chain):
        found = marks.get(tok.i)
        if found is not None:
            # "not engaged ... but stationed": negation does not cross a conjunction
            if found & _NEGATED and not any(t.dep_ == "conj" for t in chain[:k]):
                negated = True
            if found & _PLANNED or (found & _GOING and k == 0):
                planned = True
            if found & _HEDGED:
                hedged = True
        if k > 0 and tok.pos_ in ("VERB", "AUX", "NOUN"):
            lemma = tok.lemma_.lower()
            passive = any(c.dep_ == "auxpass" for c in child_tokens(tok))
            if passive and lemma in lexicon.hedge_passives:
                if lemma == "expect":
                    planned = True
                else:
                    hedged = True
            elif lemma in lexicon.planning_nouns or (tok.pos_ == "VERB" and lemma in lexicon.planning and not _causing(tok, lexicon)):
                planned = True
            elif tok.pos_ == "VERB" and lexicon.mapping("implicative").get(lemma) == ("negative",):
                negated = negated or not any(t.dep_ == "conj" for t in chain[:k])  # "failed to leave"
            elif lemma in lexicon.raising:
                hedged = True
    # "is going to greenlight": the xcomp of a progressive "go".
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG":
        planned = True
    if not negated and token.pos_ == "VERB" and _negative_argument(token, lexicon):
        negated = True  # "none were sent to Kursk", "no trucks reached Gaza" (seeds decision 32)
    if negated:
        return "negated"
    if planned:
        return "planned"
    if hedged:
        return "reported"
    return "asserted"


# string ids of the words and labels ``_DocIndex`` looks for in its arrays
_DEP_PRT, _DEP_PREP = get_string_id("prt"), get_string_id("prep")
_LOWER_ACCORDING, _LOWER_PER = get_string_id("according"), get_string_id("per")
_DEP_MARK, _DEP_NEG, _DEP_ADVMOD = get_string_id("mark"), get_string_id("neg"), get_string_id("advmod")
_DEP_AUX, _DEP_AUXPASS = get_string_id("aux"), get_string_id("auxpass")
_CLAUSE_DEPS = frozenset(get_string_id(d) for d in ("advcl", "ccomp"))
_MODALITY_DEPS = (_DEP_NEG, _DEP_ADVMOD, _DEP_AUX, _DEP_AUXPASS)
_LEMMA_HAVE, _LOWER_BE, _LOWER_GOING = get_string_id("have"), get_string_id("be"), get_string_id("going")
_LOWER_TO = get_string_id("to")
# what the children of a word say of its modality (``_DocIndex.modality_marks``), as bits
_NEGATED, _PLANNED, _HEDGED, _GOING = 1, 2, 4, 8


@lru_cache(maxsize=8)
def _word_ids(lexicon: Lexicon) -> SimpleNamespace:
    """The string ids of the lexicon's words that ``_DocIndex`` compares with a ``Doc``'s
    lower-cased forms."""
    def ids(words) -> frozenset[int]:
        return frozenset(get_string_id(w) for w in words)

    return SimpleNamespace(
        conditional_marks=ids(lexicon.conditional_marks), negations=ids(lexicon.negations),
        modals_planned=ids(lexicon.modals_planned), modals_hedged=ids(lexicon.modals_hedged),
        hedge_adverbs=ids(lexicon.hedge_adverbs),
    )


class _DocIndex:
    """What trigger finding looks up again and again in one ``Doc``, computed once: its
    sentences (and which end in a question mark, and their roots), per sentence the
    reporting clauses attached under the root (``find_source``), the words of a reporting
    verb, the heads of conditional clauses (``is_conditional``) and what each word's
    auxiliaries, negations and hedges say of its modality (``find_modality``). ``token.sent``
    rebuilds its span at each access, in time linear in the document, and every
    ``token.children`` or ``token.ancestors`` builds new ``Token`` objects: the lookups here
    read the ``Doc``'s arrays."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._sents: list | None = None
        self._sent_of: list[int] = []
        self._roots: dict[int, int] = {}
        self._questions: dict[int, bool] = {}
        self._reports: dict[int, list[Token]] = {}
        self._particles: dict[int, str] | None = None
        self._cited: frozenset[int] | None = None
        self._arrays: tuple | None = None
        self._lists: tuple | None = None
        self._conditional: tuple[Lexicon, frozenset[int]] | None = None
        self._modality: tuple[Lexicon, dict[int, int]] | None = None
        self._purpose: frozenset[int] | None = None

    def arrays(self) -> tuple:
        """The ``Doc``'s dependency labels, heads (offsets from each word), lower-cased
        forms, lemmas (string ids) and coarse word classes, read in one pass over its words."""
        if self._arrays is None:
            arr = self.doc.to_array([DEP, HEAD, LOWER, LEMMA, POS])
            self._arrays = (arr[:, 0], arr[:, 1].astype(numpy.int64), arr[:, 2], arr[:, 3], arr[:, 4])
        return self._arrays

    def lists(self) -> tuple[list[int], list[int], list[int], list[int]]:
        """Dependency labels, heads (token indices), lower-cased forms and lemmas, as lists."""
        if self._lists is None:
            dep, head, lower, lemma, _ = self.arrays()
            heads = (head + numpy.arange(len(head), dtype=numpy.int64)).tolist()
            self._lists = (dep.tolist(), heads, lower.tolist(), lemma.tolist())
        return self._lists

    def pos(self):
        """The ``Doc``'s coarse word classes (``Token.pos``), as an array."""
        return self.arrays()[4]

    def path(self, i: int) -> list[int]:
        """Word ``i`` and its ancestors (``token.ancestors``), as token indices."""
        heads = self.lists()[1]
        out = [i]
        for _ in range(len(heads)):
            h = heads[i]
            if h == i:
                break
            out.append(h)
            i = h
        return out

    def sent(self, token: Token):
        """``token.sent``."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_of = [0] * len(self.doc)
            for k, sent in enumerate(self._sents):
                for i in range(sent.start, sent.end):
                    self._sent_of[i] = k
        return self._sents[self._sent_of[token.i]]

    def root(self, sent) -> int:
        """``sent.root.i``."""
        found = self._roots.get(sent.start)
        if found is None:
            found = self._roots[sent.start] = sent.root.i
        return found

    def in_question(self, token: Token) -> bool:
        """Whether the token's sentence ends in a question mark."""
        sent = self.sent(token)
        found = self._questions.get(sent.start)
        if found is None:
            # ``sent.text.rstrip().endswith("?")`` without joining the sentence's text: the
            # last character that is not a space is that of the last word with one
            found = False
            doc = self.doc
            for i in range(sent.end - 1, sent.start - 1, -1):
                word = doc[i].text.rstrip()
                if word:
                    found = word.endswith("?")
                    break
            self._questions[sent.start] = found
        return found

    def particle(self, token: Token) -> str | None:
        """The lower-cased text of the token's first ``prt`` child, if any (one pass over
        the ``Doc`` for all its tokens)."""
        if self._particles is None:
            found: dict[int, str] = {}
            doc = self.doc
            dep, head, _, _, _ = self.arrays()
            for i in numpy.flatnonzero(dep == _DEP_PRT).tolist():
                h = i + int(head[i])
                if h != i and h not in found:
                    found[h] = doc[i].lower_
            self._particles = found
        return self._particles.get(token.i)

    def cites(self, i: int) -> bool:
        """Whether word ``i`` has a child "according" or a prepositional child "per" (the
        words ``find_source`` looks for on the path to the root)."""
        if self._cited is None:
            dep, head, lower, _, _ = self.arrays()
            words = (lower == _LOWER_ACCORDING) | ((dep == _DEP_PREP) & (lower == _LOWER_PER))
            self._cited = frozenset(
                i + int(head[i]) for i in numpy.flatnonzero(words & (head != 0)).tolist()
            )
        return i in self._cited

    def is_reporting(self, i: int, lexicon: Lexicon) -> bool:
        """Whether word ``i``'s lower-cased lemma is a reporting verb of the lexicon."""
        return self.doc.vocab.strings[self.lists()[3][i]].lower() in lexicon.reporting

    def conditional_clauses(self, lexicon: Lexicon) -> frozenset[int]:
        """The adverbial and complement clauses with an "if" or "whether" mark
        (``conditional_marks``): the words ``is_conditional`` looks for among the ancestors."""
        found = self._conditional
        if found is None or found[0] is not lexicon:
            dep_arr = self.arrays()[0]
            dep, heads, lower, _ = self.lists()
            marks = _word_ids(lexicon).conditional_marks
            found = self._conditional = (lexicon, frozenset(
                heads[i] for i in numpy.flatnonzero(dep_arr == _DEP_MARK).tolist()
                if lower[i] in marks and heads[i] != i and dep[heads[i]] in _CLAUSE_DEPS
            ))
        return found[1]

    def modality_marks(self, lexicon: Lexicon) -> dict[int, int]:
        """For each word with a negation, a modal of plan or hedge, a hedging adverb or the
        auxiliary "going" among its children, those as bits (``_NEGATED``, ``_PLANNED``,
        ``_HEDGED``, ``_GOING``); a hedging modal plans unless a perfect "have" or a "be"
        auxiliary goes with it ("may have died", "may be holding" report; "may send" plans)."""
        found = self._modality
        if found is None or found[0] is not lexicon:
            found = self._modality = (lexicon, self._modality_marks(lexicon))
        return found[1]

    def _modality_marks(self, lexicon: Lexicon) -> dict[int, int]:
        dep_arr = self.arrays()[0]
        dep, heads, lower, lemma = self.lists()
        ids = _word_ids(lexicon)
        kids = numpy.flatnonzero(
            (dep_arr == _DEP_NEG) | (dep_arr == _DEP_ADVMOD) | (dep_arr == _DEP_AUX) | (dep_arr == _DEP_AUXPASS)
        ).tolist()
        reported = {  # words with a perfect "have" or a "be" auxiliary
            heads[i] for i in kids
            if dep[i] == _DEP_AUX and heads[i] != i and (lemma[i] == _LEMMA_HAVE or lower[i] == _LOWER_BE)
        }
        marks: dict[int, int] = {}
        for i in kids:
            h = heads[i]
            if h == i:
                continue
            d, low = dep[i], lower[i]
            if d == _DEP_NEG or (d == _DEP_ADVMOD and low in ids.negations):
                bit = _NEGATED
            elif (d == _DEP_AUX or d == _DEP_AUXPASS) and low in ids.modals_planned:
                bit = _PLANNED
            elif d == _DEP_AUX and low in ids.modals_hedged:
                bit = _HEDGED if h in reported else _PLANNED
            elif d == _DEP_ADVMOD and low in ids.hedge_adverbs:
                bit = _HEDGED
            elif d == _DEP_AUX and low == _LOWER_GOING:
                bit = _GOING
            else:
                continue
            marks[h] = marks.get(h, 0) | bit
        return marks

    def purpose_heads(self) -> frozenset[int]:
        """The verbs that may head a purpose clause (``_is_purpose_clause`` looks no further at
        the others): of a clause's label, with an auxiliary "to" among their children."""
        if self._purpose is None:
            dep_arr, _, lower_arr, _, pos = self.arrays()
            dep, heads, _, _ = self.lists()
            self._purpose = frozenset(
                h for h in (heads[i] for i in numpy.flatnonzero((dep_arr == _DEP_AUX) & (lower_arr == _LOWER_TO)).tolist())
                if pos[h] == _POS_VERB and dep[h] in _PURPOSE_CLAUSE_DEPS
            )
        return self._purpose

    def root_reports(self, sent, lexicon: Lexicon) -> list[Token]:
        """The sentence's clauses of a reporting verb attached under its root, in order."""
        found = self._reports.get(sent.start)
        if found is None:
            root = self.root(sent)
            dep, heads, _, _ = self.lists()
            doc = self.doc
            # the words of the sentence whose head is the root: the root's children there
            found = self._reports[sent.start] = [
                doc[i] for i in range(sent.start, sent.end)
                if heads[i] == root and i != root and dep[i] in _REPORT_CLAUSE_DEPS and self.is_reporting(i, lexicon)
            ]
        return found


_REPORT_CLAUSE_DEPS = frozenset(get_string_id(d) for d in ("ccomp", "parataxis"))
# what a trigger's clause (or its ancestor's) is to a reporting verb that credits a source
_REPORTED_DEPS = frozenset(get_string_id(d) for d in ("ccomp", "xcomp", "parataxis", "dobj", "advcl", "conj"))


def _span_of(token: Token) -> tuple[int, int]:
    ent = entity_span(token)  # from the token's tags, not a scan of doc.ents
    if ent is not None:
        start, end = ent
    else:
        left = [t for t in token.subtree if t.i <= token.i]
        start = min(t.i for t in left) if left else token.i
        end = token.i + 1
        # extend over compound continuations to the right ("Director Cho Tae-yong")
        for r in token.rights:
            if r.dep_ in ("appos", "compound", "flat") and r.i == end:
                end = r.right_edge.i + 1
    doc = token.doc
    while start < end - 1 and doc[start].dep_ in ("det", "case", "punct") :
        start += 1
    return start, end


def _source_subject(token: Token, lexicon: Lexicon) -> bool:
    """A reporting verb's subject that can be credited: a noun phrase, or a personal pronoun
    that stands for a named mention (the lexicon's ``personal``: "he said", "she told the
    BBC", "it said in a statement"), not the expletive subject of a passive ("It was reported
    that") and not "I", "you" or another pronoun."""
    if token.pos_ == "PUNCT":
        return False
    # a passive's pronoun subject is the expletive "it" ("It was reported that ...")
    return token.pos_ != "PRON" or (token.dep_ == "nsubj" and token.lower_ in lexicon.mapping("personal"))


def find_source(token: Token, *, lexicon: Lexicon, index: _DocIndex | None = None) -> tuple[int, int] | None:
    """Token span of who the text credits for the event, if anyone (``index``: the
    ``Doc``'s lookups, shared by the triggers of one ``Doc``)."""
    index = index or _DocIndex(token.doc)
    doc = token.doc
    sent = index.sent(token)
    # "according to X" anywhere on the path from the trigger to the sentence root
    path = index.path(token.i)
    for i in path:
        if not index.cites(i):
            continue
        for c in child_tokens(doc[i]):
            if c.lower_ == "according" or (c.dep_ == "prep" and c.lower_ == "per"):
                for p in c.subtree:
                    if p.dep_ == "pobj":
                        start, end = _span_of(p)
                        return start, end
    # a reporting verb whose complement holds the trigger
    dep = index.lists()[0]
    for prev, i in zip(path, path[1:]):
        if dep[prev] in _REPORTED_DEPS and index.is_reporting(i, lexicon):
            for c in child_tokens(doc[i]):
                if c.dep_ in ("nsubj", "nsubjpass") and _source_subject(c, lexicon):
                    return _span_of(c)
                if c.dep_ == "agent":
                    for p in child_tokens(c):
                        if p.dep_ == "pobj":
                            return _span_of(p)
    # a reporting verb whose clause follows the trigger's: "..., Lee noted."
    root = index.root(sent)
    if token.i < root and index.is_reporting(root, lexicon):
        for c in child_tokens(doc[root]):
            if c.dep_ == "nsubj" and _source_subject(c, lexicon):
                return _span_of(c)
    # a parenthetical report attached under the root: "X will send troops, a legislator reported"
    for tok in index.root_reports(sent, lexicon):
        if tok.i > token.i:
            if not any(c.dep_ in ("ccomp", "xcomp") for c in child_tokens(tok)):
                for c in child_tokens(tok):
                    if c.dep_ == "nsubj" and _source_subject(c, lexicon):
                        return _span_of(c)
    return None


def _personal_possessive(token: Token, lexicon: Lexicon) -> bool:
    """A possessive determiner of the third person that stands for a named mention ("his",
    "her", "their": the lexicon's ``personal`` and ``possessive_personal``)."""
    low = token.lower_
    return token.pos_ == "PRON" and (low in lexicon.mapping("possessive_personal") or low in lexicon.mapping("personal"))


@lru_cache(maxsize=16384)
def _possessable_event(lemma: str, lexicon: Lexicon) -> bool:
    """What the noun alone decides for ``_is_possessed_event``: it is also a verb, of no
    non-event class and no general place, and its first sense (if any) is of an event class."""
    if lemma not in _wordnet_verbs() or lexicon.non_event(lemma) or lemma in lexicon.general_places:
        return False
    senses = word_senses(lemma, "n")
    # "North Korea's soldiers to Russia": a participant, whatever verb it has
    return senses is None or senses.classes[0] in EVENT_NOUN_CLASSES


def _is_possessed_event(token: Token, lexicon: Lexicon) -> bool:
    """A noun that is also a verb, owned by a named actor ("Putin's visit", "a visit by Putin",
    "his trip": a possessive pronoun that stands for one) and placed or dated ("to Seoul", "which occurred in May")."""
    if not _possessable_event(token.lemma_.lower(), lexicon):
        return False
    named = ("PERSON", "GPE", "ORG", "NORP")
    owner = any(c.dep_ == "poss" and (c.ent_type_ in named or _personal_possessive(c, lexicon)) for c in child_tokens(token)) or any(
        c.dep_ == "prep" and c.lower_ == "by" and any(p.dep_ == "pobj" and p.ent_type_ in named for p in child_tokens(c))
        for c in child_tokens(token)
    )
    placed = any(
        c.dep_ == "prep" and c.lower_ in ("to", "into")
        and (_has_place(c) or any(p.dep_ == "pobj" and p.lemma_.lower() in lexicon.general_places for p in child_tokens(c)))
        for c in child_tokens(token)
    )
    return owner and (placed or occurrence_clause(token) is not None)


# A noun's first WordNet sense in these classes names a participant or a place, which a
# phrase of direction does not make an event ("troops to Ukraine", "an envoy to Sudan").
_PARTICIPANT_CLASSES = frozenset({"person", "group", "location", "animal", "body"})
# ... and its verb's first WordNet sense must be one of movement or transfer, whose event a
# phrase of origin or destination belongs to: without this, "business ties to Russia"
# (contact), "an allusion to Adams" (communication), "the embargo to Vietnam" (social)
# came in too, and the seeds and news dev lost precision.
_DIRECTED_VERB_CLASSES = frozenset({"motion", "possession"})


# A noun is looked up again for each of its mentions, in a document and across documents:
# the answers below depend only on the noun and the lexicon's content (``Lexicon`` hashes
# and compares by its digest), so they are kept.
@lru_cache(maxsize=16384)
def _supported_occurrence_verb(noun: str, lexicon: Lexicon) -> str | None:
    """``occurrence_verb_of_noun(noun, lexicon, supported=True)``, kept per noun and lexicon."""
    return occurrence_verb_of_noun(noun, lexicon, supported=True)


@lru_cache(maxsize=16384)
def _directed_verb(noun: str, lexicon: Lexicon) -> str | None:
    """The verb of movement or transfer ``_directed_nominal`` gives ``noun`` when its
    phrase of origin or destination names a place (what the noun alone decides), or None."""
    senses = word_senses(noun, "n")
    if senses is None or senses.classes[0] in _PARTICIPANT_CLASSES:
        return None
    verb = derived_verb(senses)
    if verb is None or lexicon.non_event(verb) or not is_event_verb(verb, lexicon) or _denominal(senses, verb):
        return None
    verb_senses = word_senses(verb, "v")
    if verb_senses is None or verb_senses.classes[0] not in _DIRECTED_VERB_CLASSES:
        return None
    return verb


def _directed_nominal(token: Token, lexicon: Lexicon) -> str | None:
    """A noun made from an event verb of movement or transfer (``_DIRECTED_VERB_CLASSES``)
    by WordNet's derivational pointers, though its own senses are mostly of things ("oil
    imports from the Mideast", "the transportation of bombs from Turkey", "exports to
    China"), with a phrase of origin or
    destination naming a place (on the noun or on its adverb of direction: "the transport
    back to Tajikistan"), as only its verb's event has: that verb. Not for nouns
    whose verb is made from them ("troops to Ukraine"), nor for participants and places
    (``_PARTICIPANT_CLASSES``), nor for nouns of the lexicon's non-event verbs."""
    verb = _directed_verb(token.lemma_.lower(), lexicon)
    if verb is None:
        return None
    preps = lexicon.destination_preps | lexicon.origin_preps
    for c in child_tokens(token):
        if c.dep_ == "prep" and c.lower_ in preps and _has_place(c):
            return verb
        if c.dep_ == "advmod" and any(p.dep_ == "prep" and p.lower_ in preps and _has_place(p) for p in child_tokens(c)):
            return verb  # "the transport back to Tajikistan": the phrase hangs on the adverb of direction
    return None


def _uncomplemented(token: Token, lemma: str, lexicon: Lexicon) -> bool:
    """An aspectual or planning verb with no complement to pass its event to: then it is the
    event ("Verstappen finished third at Interlagos", "she would move to Canada"), when
    WordNet gives it concrete senses; not with a clausal complement ("plans to send",
    "began shelling"), an event noun for object ("offered an exchange") or, for aspectual
    verbs, any object ("began the offensive", "kept the money"). Reporting,
    cognition and light verbs never are."""
    if lemma in lexicon.reporting or lemma in lexicon.cognition or lemma in lexicon.light:
        return False
    if lemma not in lexicon.aspectual and lemma not in lexicon.planning:
        return False
    for c in child_tokens(token):
        if c.dep_ in ("xcomp", "ccomp", "csubj", "pcomp", "prt"):
            return False
        if c.dep_ == "dobj" and (lemma in lexicon.aspectual or event_verb_of_noun(c.lemma_.lower(), lexicon) is not None):
            return False  # "began the offensive": what begins is the event
        if c.dep_ == "prep" and any(p.dep_ == "pcomp" for p in child_tokens(c)):
            return False  # "stopped from sending"
        if (
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and lemma in lexicon.aspectual
            and _supported_occurrence_verb(c.lemma_.lower(), lexicon) is not None
        ):
            return False  # "the embargo began in 2014": what begins is the event
    return bool(wordnet_event_verb(lemma))


def _placed_act(token: Token, lemma: str, lexicon: Lexicon) -> bool:
    """A verb of the lexicon's cognition or light classes used in its concrete sense, as
    its place phrase shows: WordNet gives it mostly concrete senses, it has no clausal
    complement and no event noun for object, and a phrase of position or direction names a
    place ("stood outside the tower", "put tubes around the well", "appeared in court in
    Paris") or an adverb of place does (lexicon ``abroad``, ``deictic_places``: "got home",
    "use your dollars here"). Reporting verbs never are."""
    if lemma in lexicon.reporting or not (lemma in lexicon.cognition or lemma in lexicon.light):
        return False
    if not wordnet_event_verb(lemma):
        return False
    if _event_subject(token, lexicon):
        return False  # "protests took place outside the embassy", "a rally was held in Lyon": the noun is the event
    preps = lexicon.static_preps | lexicon.locative_preps | lexicon.destination_preps
    placed = False
    for c in child_tokens(token):
        if c.dep_ in ("xcomp", "ccomp", "csubj", "prt", "acomp", "attr", "oprd"):
            return False
        if c.dep_ == "dobj" and _supported_occurrence_verb(c.lemma_.lower(), lexicon) is not None:
            return False  # "held a meeting in Paris": the meeting is the event
        if c.dep_ == "advmod" and (c.lower_ in lexicon.abroad or c.lower_ in lexicon.deictic_places):
            placed = True  # "got home", "use your dollars here": an adverb that names a place
        elif c.dep_ in ("prep", "advmod") and c.lower_ in preps:
            pobj = next((p for p in child_tokens(c) if p.dep_ == "pobj"), None)
            if pobj is not None and (
                pobj.ent_type_ in PLACE_LABELS or (not pobj.ent_type_ and wordnet_place_noun(pobj.lemma_.lower()))
                or (not pobj.ent_type_ and pobj.pos_ == "NOUN" and _object_noun(pobj.lemma_.lower()))
            ):
                placed = True
    return placed


def _handled_thing(token: Token, lemma: str, lexicon: Lexicon) -> bool:
    """A light verb of making, moving, handing over or using (the lexicon's
    ``handling_verbs``, VerbNet build, bring, give, get, put, use) whose theme, its direct
    object or the subject of its passive, is a physical thing (first WordNet sense
    noun.artifact or noun.object by weight, ``_thing_noun``: "used a private server", "100 trucks are being used",
    "the bars will be made with a wider gap") or a sum of money ("gave $100,000 to her
    campaign"): its concrete sense, an act. Not with a clausal complement, a particle or
    an event noun for theme ("made a decision", "took a tour": the noun is the event)."""
    if lemma not in lexicon.handling_verbs:
        return False
    passive = any(c.dep_ == "auxpass" for c in child_tokens(token))
    handled = False
    for c in child_tokens(token):
        if c.dep_ in ("xcomp", "ccomp", "csubj", "prt", "acomp", "attr", "oprd"):
            return False
        if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass"):
            if c.ent_type_ == "MONEY":
                handled = True
            elif c.pos_ == "NOUN" and not c.ent_type_:
                noun = c.lemma_.lower()
                if _supported_occurrence_verb(noun, lexicon) is not None:
                    return False
                handled = handled or _thing_noun(noun)
    return handled


def _thing_noun(noun: str) -> bool:
    """Whether at least half the weight of a common noun's WordNet senses are physical
    things (noun.artifact, noun.object): "truck", "server", "excavator" (whose rare sense of
    a person who digs WordNet lists first)."""
    senses = word_senses(noun, "n")
    return senses is not None and senses.share(_OBJECT_NOUN_CLASSES) >= 0.5


# WordNet noun classes of physical things a person can stand on, put something around or
# sit in ("a truck", "the well", "the stage"): with a phrase of position or direction they
# place a light verb's concrete sense (``_placed_act``), though they are no places to
# report (``wordnet_place_noun``).
_OBJECT_NOUN_CLASSES = frozenset({"artifact", "object"})


def _object_noun(noun: str) -> bool:
    senses = word_senses(noun, "n")
    return senses is not None and senses.classes[0] in _OBJECT_NOUN_CLASSES


def _partitive_of_event(token: Token, lexicon: Lexicon) -> bool:
    """The noun's "of" object is an event noun ("carried out a series of attacks", "a spate
    of bombings"): that is the event, the head only counts it."""
    for c in child_tokens(token):
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in child_tokens(c):
                if p.dep_ == "pobj" and p.pos_ == "NOUN" and event_verb_of_noun(p.lemma_.lower(), lexicon) is not None:
                    return True
    return False


def _supported(token: Token, lexicon: Lexicon) -> bool:
    """The noun is the object of a support or light verb, which takes event nouns
    ("staged a protest", "held separate meetings", "took a tour"); the object or subject of
    an aspectual verb (Levin 55: what begins, continues or ends is an event: "continued its
    trade sanctions", "the embargo began in 2014"); or a conjunct of such a noun ("imposed
    sanctions or an embargo")."""
    if token.dep_ == "conj":
        head = token.head
        return head.pos_ == "NOUN" and head.dep_ != "conj" and _supported(head, lexicon)
    if token.dep_ not in ("dobj", "nsubj", "nsubjpass") or token.head.pos_ != "VERB":
        return False
    if token.dep_ in ("nsubj", "nsubjpass") and occurrence_governor(token, lexicon) is not None:
        return True  # "protests took place outside the embassy", "a rally was held in Lyon"
    noun = token.lemma_.lower()
    for lemma in _verb_forms(token.head):
        if token.dep_ == "nsubj":
            if lemma in lexicon.aspectual and not any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in child_tokens(token.head)):
                return True  # "the embargo began in 2014"
            continue
        if token.dep_ == "nsubjpass":
            continue
        if word_senses(f"{lemma} {noun}", "v") is not None:
            return False  # "took place", "take part": one WordNet verb, not a verb and an event noun
        if lemma in lexicon.support or lemma in lexicon.light or lemma in lexicon.aspectual:
            return True
        if lemma in lexicon.undergoing or (lemma in lexicon.giving_support and noun in lexicon.giving):
            return True  # "suffered an attack", "provided assistance"
    if token.dep_ == "dobj" and _causing(token.head, lexicon):
        return True  # "sparked protests", "set off a celebration": the caused event
    return False


def _causing(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of causing (``causing``), by its base forms alone or with its particle."""
    return in_verb_class(verb, lexicon.causing)


# WordNet classes (first sense) of a subject that does what it causes ("the police sparked
# the fire": the police set it), against an event or thing that only brings it about
_AGENTIVE_CLASSES = frozenset({"person", "group"})


def _agentive_subject(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's subject is someone: a named person, organization, country or group, a
    pronoun of a person (``personal`` with PERSON, ``first_second``), or a noun whose first
    WordNet sense is a person or group ("it", "they" may stand for a thing or event)."""
    for c in child_tokens(verb):
        if c.dep_ != "nsubj":
            continue
        if c.ent_type_ in _NAME_LABELS:
            return True
        if c.pos_ == "PRON":
            return "PERSON" in lexicon.personal.get(c.lower_, ()) or c.lower_ in lexicon.first_second
        senses = word_senses(c.lemma_.lower(), "n")
        return senses is not None and senses.classes[0] in _AGENTIVE_CLASSES
    return False


def causes_event_noun(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of causing (``causing``) whose object is a noun that names an event after a
    support verb (``occurrence_verb_of_noun``): "the verdict sparked protests", "the win set
    off a wild celebration". The caused event is the event and the noun its trigger; the
    causing only relates two events (gold decision: "set off" is not labelled). Not when
    someone is the subject ("the police sparked the fire": they did it)."""
    if not _causing(verb, lexicon) or _agentive_subject(verb, lexicon):
        return False
    return any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and _supported_occurrence_verb(c.lemma_.lower(), lexicon) is not None
        for c in child_tokens(verb)
    )


def gives_event_noun(verb: Token, lexicon: Lexicon) -> bool:
    """A support verb of giving whose object is a noun of giving (``giving_support``,
    ``giving``: "provided assistance", "gave support to the rebels") that names an event
    after a support verb (``occurrence_verb_of_noun``): the noun names the act and is its
    trigger; the verb is none of its own. Not for a noun that names no event ("provided a
    loan": the verb is the event)."""
    if not any(f in lexicon.giving_support for f in _verb_forms(verb)):
        return False
    return any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in lexicon.giving
        and _supported_occurrence_verb(c.lemma_.lower(), lexicon) is not None
        for c in child_tokens(verb)
    )


def _light_phrase(verb: Token, lemma: str, lexicon: Lexicon) -> str | None:
    """The lexicon's light phrase the verb makes with its bare object noun ("take place", an
    occurrence-48.3 verb whose subject is the event), or None."""
    for c in child_tokens(verb):
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and f"{lemma} {c.lemma_.lower()}" in lexicon.light:
            return f"{lemma} {c.lemma_.lower()}"
    return None


def _event_subject(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's subject is an event noun it only locates or dates (``occurrence_governor``:
    "a rally was held in Lyon"): the noun is the event."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and (occurrence_governor(c, lexicon) or c).i == verb.i
        and _supported_occurrence_verb(c.lemma_.lower(), lexicon) is not None
        for c in child_tokens(verb)
    )


# The lexicon's own event verb classes (VerbNet-style): a verb listed in one is a verb even
# where WordNet lacks it: those of verbs that always report an event (``Lexicon.always_event``)
# and these.
_LISTED_EVENT_VERBS = ("intransitive", "place_object_verbs")


def _no_verb(token: Token, lemma: str, phrasal: str, lexicon: Lexicon) -> bool:
    """A word the tagger calls a verb that is no verb at all: WordNet has no verb sense for
    its lemma, for any base form its spelling may have (``verb_lemmas``) nor for the phrasal
    verb it heads, and no event verb class of the lexicon lists it (an adverb or noun
    mistagged, "all the way downstate"; a proper name with a verb ending, "Baoding")."""
    if word_senses(lemma, "v") is not None or (phrasal != lemma and word_senses(phrasal, "v") is not None):
        return False
    if any(word_senses(base, "v") is not None for base in verb_lemmas(token.lower_)):
        return False
    if lexicon.always_event(lemma):
        return False
    return not any(lemma in lexicon.words(name) for name in _LISTED_EVENT_VERBS if name in lexicon)


def _multiword_verb(token: Token, lexicon: Lexicon) -> str | None:
    """A light or support verb that WordNet lists together with its bare object noun as one
    event verb ("took office", "took control"): that verb, an event of its own, though
    neither the light verb nor the noun is one. Not when the noun names an event itself
    (then the noun is the trigger) nor for the lexicon's non-event phrases ("take place",
    an occurrence-48.3 verb whose subject is the event)."""
    forms = _verb_forms(token)
    if not any(f in lexicon.light or f in lexicon.support for f in forms):
        return None
    for c in child_tokens(token):
        if c.dep_ != "dobj" or c.pos_ != "NOUN":
            continue
        noun = c.lemma_.lower()
        if _supported_occurrence_verb(noun, lexicon) is not None:
            continue  # "took control": the noun is the trigger
        for form in forms:
            phrase = f"{form} {noun}"
            if word_senses(phrase, "v") is not None and not lexicon.non_event(phrase) and is_event_verb(phrase, lexicon):
                return phrase
    return None


_SETTING_TIMES = frozenset({"DATE", "TIME"})


# Dependency labels of a date modifying a noun before it ("the Oct. 19 debate", "Tuesday's speech").
_DATE_MODIFIER_DEPS = frozenset({"nmod", "compound", "poss", "npadvmod"})


def _has_own_date(token: Token, lexicon: Lexicon) -> bool:
    """The noun has its own phrase of time with a date or time ("a speech on Wednesday", "a
    conference call on Saturday"), or a modifier naming one day (``_names_day``: "the Oct.
    19 debate", "Tuesday's speech", "a Sunday night appearance"; after the noun, "a speech
    later Sunday"): dated as only an occurrence is. A date modifier of any
    length ("the 108-year wait") and a place phrase ("the game at Progressive Field") were
    tried too and left out: on the news dev gold they added more spurious tuples than they
    found."""
    for c in child_tokens(token):
        if c.dep_ == "prep" and c.lower_ in lexicon.temporal_preps:
            if any(p.dep_ == "pobj" and p.ent_type_ in _SETTING_TIMES for p in child_tokens(c)):
                return True
    for c in token.lefts:  # "Tuesday's speech"; "a Sunday night appearance": the day on the part of day
        if c.dep_ in _DATE_MODIFIER_DEPS and c.ent_type_ in _SETTING_TIMES:
            if _names_day(c, lexicon) or any(d.dep_ == "compound" and d.ent_type_ in _SETTING_TIMES and _names_day(d, lexicon) for d in c.lefts):
                return True
    # a bare day after the noun, the parser's adverbial of the noun phrase: "a speech later
    # Sunday", "his campaign appearance Sunday in Cleveland"; not where the noun is the
    # occasion of a report, the object of a reporting verb's preposition ("told donors on a
    # call Saturday"): that day dates the report, as a statement's date is read
    # (``docevents``), and the report is no event
    if _report_occasion(token, lexicon):
        return False
    return any(c.dep_ == "npadvmod" and c.ent_type_ in _SETTING_TIMES and _names_day(c, lexicon) for c in token.rights)


def _report_occasion(token: Token, lexicon: Lexicon) -> bool:
    """The noun is the object of a preposition of a reporting verb ("told donors on a
    conference call", "said in an interview")."""
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    verb = token.head.head
    return verb.pos_ == "VERB" and verb_base(verb) in lexicon.reporting


def _names_day(token: Token, lexicon: Lexicon) -> bool:
    """The date entity of ``token`` names one day: a weekday or a deictic day word (the
    lexicon's ``weekdays``, ``day_words``: "Tuesday's", "yesterday's") or a month name with
    a day number ("Oct. 19"); not a year, a month or a length of time ("the 2016 budget",
    "the 108-year wait")."""
    span = entity_span(token)
    if span is None:
        return False
    words = token.doc[span[0] : span[1]]
    if any(t.lower_ in lexicon.weekdays or t.lower_ in lexicon.day_words for t in words):
        return True
    month = any(t.lower_.rstrip(".") in MONTH_NAMES and t.text[:1].isupper() for t in words)
    return month and any(t.text.isdigit() and 1 <= int(t.text) <= 31 for t in words)


def _is_predicate_noun(token: Token) -> bool:
    """A noun heading its clause with a subject of its own: a verb the tagger took for a noun,
    as in headlines ("Lady Gaga protests outside Trump Tower", "Trump lands in Washington")."""
    return (
        token.dep_ == "ROOT" and token.is_lower and not token.ent_type_  # not a name ("Donald Trump lands")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in child_tokens(token))
    )


def _heads_attempt(token: Token, lexicon: Lexicon) -> bool:
    """An event noun compounded to a noun of attempting ("rescue operation", "bombing
    campaign", "coup attempt"): the event is the compound's, not the attempt's."""
    return (
        token.dep_ == "compound" and token.pos_ == "NOUN" and token.head.pos_ == "NOUN"
        and token.head.lemma_.lower() in lexicon.attempt_nouns
        and event_verb_of_noun(token.lemma_.lower(), lexicon) is not None
    )


def _reporting_circumstance(token: Token, lexicon: Lexicon) -> bool:
    """A participle of speaking that tells the circumstances of a report ("Speaking to
    reporters outside the court, the minister said ...", "..., she said, talking to a radio
    station"): the speaking is that report, the source of an event and never an event itself
    (guide section 1). The verbs are the lexicon's ``speaking`` class (Levin 37.5, 37.6); not
    with a subject or conjunction of its own ("as she spoke to reporters, police arrived")."""
    if token.dep_ != "advcl" or token.tag_ != "VBG" or verb_base(token) not in lexicon.speaking:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child_tokens(token)):
        return False
    return token.head.lemma_.lower() in lexicon.reporting


def _time_spent(token: Token, lexicon: Lexicon) -> bool:
    """A verb whose direct object is a length of time (the lexicon's ``time_nouns``) and whose
    participle or infinitive complement tells what filled it ("spent three days trying to
    reach the boy", "will spend another week campaigning"): the verb only measures the time
    (WordNet's stative sense of "spend": pass time in a specific way), the complement is the
    event, as an aspectual verb's is. Without such a complement the verb stays ("the two
    families spent the afternoon together")."""
    obj = next((c for c in child_tokens(token) if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in lexicon.time_nouns:
        return False
    for c in child_tokens(token):
        if c.i < obj.i or c.dep_ not in ("xcomp", "advcl"):
            continue
        if any(k.dep_ in ("nsubj", "nsubjpass", "mark") for k in child_tokens(c)):
            continue  # "spent a week in Rome before she flew home": a clause of its own
        if c.dep_ == "xcomp" or c.pos_ == "VERB":
            return True  # an unmarked adverbial clause without a subject: a participle ("engaged in")
    return False


def _extraposed_it(token: Token, lexicon: Lexicon) -> bool:
    """A verb whose subject is the expletive "it" standing for a that-clause after the verb
    ("it hit home that the season was over", "it emerged that ..."): the verb says that a
    proposition came to light or became clear, no concrete action (guide rule 1); the clause's
    own event is found by itself."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in child_tokens(token)):
        return False
    return any(
        c.dep_ in ("ccomp", "csubj") and c.i > token.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in child_tokens(c))
        for c in child_tokens(token)
    )


# WordNet verb classes of conveying or taking in content: a verb with enough weight in them
# (``VERB_EVENT_SHARE``, as for event verbs) can take a that-clause as what it says, finds
# or thinks.
_CONTENT_VERB_CLASSES = frozenset({"communication", "cognition", "perception"})


def _content_clause(token: Token, lexicon: Lexicon) -> bool:
    """A verb of saying, finding or thinking (``_CONTENT_VERB_CLASSES``) with a that-clause
    after it for its content ("complained that the polls were rigged", "a study found that
    wages rose", "reminded voters that the vote was secret"): used so, it reports or judges
    that content, as the guide's reporting verbs do (section 1), and is no concrete action;
    the clause's own event is found by itself. A verb mostly of other classes keeps its
    event: its that-clause is the parser's misattachment ("before leaving Paris that he
    hoped ...")."""
    if not any(
        c.dep_ == "ccomp" and c.i > token.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in child_tokens(c))
        for c in child_tokens(token)
    ):
        return False
    senses = word_senses(verb_base(token), "v")
    return senses is not None and senses.share(_CONTENT_VERB_CLASSES) >= VERB_EVENT_SHARE


def _aspect_of_thing(token: Token, lexicon: Lexicon) -> bool:
    """An aspectual verb used alone (Levin 55, the lexicon's ``aspectual``; not its verbs of
    motion, ``intransitive``: "go") whose subject is a common noun naming a thing or a
    happening, not a person or group (its first WordNet sense outside the lexicon's
    ``AGENT_NOUN_CLASSES``, which alone make the subject an agent: "the runner finished
    third"): "the transition started", "hostilities stopped on April 5". What begins or ends
    is the subject, no agent's act; an event subject is found by itself."""
    lemma = verb_base(token)
    if lemma not in lexicon.aspectual or lemma in lexicon.intransitive:
        return False
    for c in child_tokens(token):
        if c.dep_ == "nsubj" and c.pos_ == "NOUN" and not c.ent_type_:
            senses = word_senses(c.lemma_.lower(), "n")
            return senses is not None and senses.classes[0] not in AGENT_NOUN_CLASSES
    return False


def _lasting_state(token: Token, lexicon: Lexicon) -> bool:
    """An agentless perfect passive whose "for" phrase measures how long the state has lasted
    ("the well had been left unused for five years", "the mill has been closed for two
    decades"): the clause describes a state over a period (guide section 1: a description,
    no happening); the act that brought it about is not told. Not with an agent ("had been
    held by rebels for a year": someone keeps it so) nor outside the perfect ("was closed
    for two days in May", a closure of its own)."""
    if token.tag_ != "VBN":
        return False
    children = list(child_tokens(token))
    if not any(c.dep_ == "auxpass" for c in children) or any(c.dep_ == "agent" for c in children):
        return False
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children):
        return False
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            if any(p.dep_ == "pobj" and p.lemma_.lower() in lexicon.time_nouns for p in child_tokens(prep)):
                return True
    return False


def _judging_or_pleading(token: Token, lexicon: Lexicon) -> bool:
    """A verb that judges or pleads in words (the lexicon's ``judging_pleading``: Levin 33
    judgment and 58.2 beg verbs of WordNet's communication class: "congratulated the
    winner on Sunday", "pleaded with voters in Ohio"): a speech act, an opinion or an
    appeal, no concrete action (guide section 1). Not with an adjectival complement, the
    plea of a court ("pleaded guilty in Paris"), a legal act."""
    if verb_base(token) not in lexicon.judging_pleading:
        return False
    return not any(c.dep_ in ("acomp", "oprd") for c in child_tokens(token))


def _judgment_object(token: Token, lexicon: Lexicon) -> bool:
    """A verb whose direct object is a noun of saying or judging: a common noun whose first
    WordNet sense is of verb.communication's noun class (noun.communication) and whose WordNet
    verb (``derived_verb``) is one of the lexicon's ``reporting`` or ``judging_pleading``
    verbs ("heaped praise on the nurses", "drew criticism in Leeds", "pointed blame at the
    board"): the verb only carries that speech act, no concrete action (guide section 1).
    Not for a noun first of another class ("were refused admission": the act of letting in)."""
    # "were refused admission": its first sense is the act of admitting, no saying
    return any(
        c.dep_ == "dobj" and c.pos_ == "NOUN"
        and _noun_of_verbs(c, "communication", (lexicon.reporting, lexicon.judging_pleading))
        for c in child_tokens(token)
    )


def _emotion_verb(token: Token, lexicon: Lexicon) -> bool:
    """A verb whose first WordNet sense is of the lexicographer class verb.emotion ("the
    verdict shocked many in Lyon", "the painter was inspired by a trip to Rome"): it tells
    a feeling caused or felt, a state of mind and no concrete action (guide section 1:
    opinions and motives are not events). The other senses of such a verb ("shock" as a
    collision) are rarer by WordNet's own order."""
    senses = word_senses(verb_base(token), "v")
    return senses is not None and senses.classes[0] == "emotion"


def _cognition_object(token: Token, lexicon: Lexicon) -> bool:
    """A verb whose direct object is a common noun of judging or believing: first of WordNet's
    noun.cognition, with a WordNet verb (``derived_verb``) among the lexicon's ``reporting``,
    ``cognition`` or ``judging_pleading`` verbs ("reached a conclusion in May": conclude;
    "changed its view in 2019": view; in an active relative clause the object is the noun
    the clause modifies, "the conclusion the judge reached in Turin"): the verb only carries that judgment,
    no concrete action (guide section 1: opinions and analysis are not events), as
    ``_judgment_object`` does for nouns of saying. Not for other nouns of the class, which
    name know-how, plans or kinds ("transferred enrichment techniques", "developed three
    types of bacteria": concrete acts, seen on GENEVA val)."""
    objects = [c for c in child_tokens(token) if c.dep_ == "dobj"] or _relative_gap(token)
    return any(
        c.pos_ == "NOUN" and not c.ent_type_
        and _noun_of_verbs(c, "cognition", (lexicon.reporting, lexicon.cognition, lexicon.judging_pleading))
        for c in objects
    )


def _noun_of_verbs(noun: Token, noun_class: str, verbs: tuple[frozenset[str], ...]) -> bool:
    """Whether a noun's first WordNet sense is of ``noun_class`` and its WordNet verb
    (``derived_verb``) is in one of the word classes ``verbs`` ("praise": communication,
    praise; "conclusion": cognition, conclude)."""
    senses = word_senses(noun.lemma_.lower(), "n")
    if senses is None or senses.classes[0] != noun_class:
        return False
    verb = derived_verb(senses)
    return verb is not None and any(verb in words for words in verbs)


def _relative_gap(token: Token) -> list[Token]:
    """For a verb of an active relative clause with a subject of its own and no object, the
    noun the clause modifies, its object's gap ("the conclusion (that) he reached", "the
    speech she delivered"); else nothing."""
    if token.dep_ == "relcl" and token.head.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in child_tokens(token)):
        return [token.head]
    return []


def _communication_verb(token: Token, lexicon: Lexicon) -> bool:
    """A verb of communicating (the lexicon's ``communicating``: Levin 37 verbs whose first
    WordNet sense is verb.communication: "spoke in New York on Sunday", "talked with the
    mayor in Lyon", "addressed the crowd", "phoned the minister"): an act of communication,
    no event (guide section 1; project decision of 2026-12-03). Not with a particle, a
    phrasal verb of its own ("called off the strike"), nor with an event noun for object
    that is no message ("called a strike", "called an election": the decision is the event)."""
    lemma = verb_base(token)
    if lemma not in lexicon.communicating and lemma not in lexicon.discussing:
        return False  # ``discussing``: "discussed trade in Berlin" (dev b decision 2)
    if lemma in lexicon.speaking and _several_subject(token):
        return False  # "Obama and Trump spoke in the Oval Office", "the two talked": a meeting
    if lemma in lexicon.discussing:
        return not any(c.dep_ == "prt" for c in child_tokens(token))  # whatever is discussed is its topic
    if any(c.dep_ == "oprd" for c in child_tokens(token)):
        return True  # "called the explosion an attack": a naming, whatever the object (dev3 b D1)
    for c in child_tokens(token):
        if c.dep_ == "prt":
            return False
        if c.dep_ == "dobj" and c.pos_ == "NOUN":
            noun = c.lemma_.lower()
            if noun not in lexicon.message_nouns and _supported_occurrence_verb(noun, lexicon) is not None:
                return False
    return True


def _several_subject(token: Token) -> bool:
    """The verb's subject names more than one party: conjoined ("Obama and Trump"), plural
    ("the leaders", "they") or a number ("the two"). With a verb of conversing (Levin 37.5,
    37.6) those parties meet, as a meeting is an event."""
    for c in child_tokens(token):
        if c.dep_ != "nsubj":
            continue
        if any(k.dep_ == "conj" for k in child_tokens(c)) or c.tag_ in ("NNS", "NNPS", "CD"):
            return True
        if c.lower_ in ("they", "we"):
            return True
    return False


def _message_object(token: Token, lexicon: Lexicon) -> bool:
    """A support verb of conveying (the lexicon's ``message_verbs``: issue, send, deliver,
    give, hold, make, write) whose theme is a message noun (``message_nouns``): its direct
    object, the subject of its passive or, in an active relative clause, the noun the clause
    modifies ("issued a letter to Congress", "delivered a speech in Ohio", "the letter was
    sent on Sunday", "the speech she delivered in Ohio", "a letter circulated in May"): the verb only carries that act of
    communication, no event (guide section 1; project decision of 2026-12-03). Not with another
    theme ("sent troops to Mali", "issued a ban")."""
    if verb_base(token) not in lexicon.message_verbs:
        return False
    passive = any(c.dep_ == "auxpass" for c in child_tokens(token))
    themes = [c for c in child_tokens(token) if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass")] or _relative_gap(token)
    if token.dep_ == "acl" and token.tag_ == "VBN" and not themes and token.head.pos_ == "NOUN":
        themes = [token.head]  # "a letter sent last week": a reduced passive's subject
    return any(c.pos_ == "NOUN" and c.lemma_.lower() in lexicon.message_nouns for c in themes)


# Entity labels of names: a word tagged as a verb inside one is a name the tagger misread.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _name_as_verb(token: Token, lexicon: Lexicon) -> bool:
    """A capitalized word inside the sentence that the entity recognizer takes for (part of)
    a name of a person, organization, place or people ("she has seen Baker close in on her",
    "'Baker to the left of me'"): a proper noun the tagger read as a verb, whose common-noun
    homograph is a verb; a name is no predicate. Not at the start of a sentence, where any
    verb is capitalized."""
    return (
        not token.is_sent_start and token.text[:1].isupper() and not token.is_upper
        and token.ent_type_ in _NAME_LABELS
    )


# --- Vetoes that follow the gold's recorded labelling decisions (evaluation/gold/README.md) ---


def _hortative(token: Token, lexicon: Lexicon) -> bool:
    """A directive: the complement of an exhorting "let" whose subject is the first person
    plural (the lexicon's ``hortative_subjects``: "let's all move to Canada", "let us go to
    Paris"), or a verb whose subject is "you" with a deontic modal (``exhorting_modals``:
    "you must vote tonight!"): an appeal, no reported act (news-dev part b decision 9:
    hortatives and imperatives are not labelled)."""
    head = token.head
    if token.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() == "let" and head.tag_ == "VB":
        if any(c.dep_ == "nsubj" and c.lower_ in lexicon.hortative_subjects for c in child_tokens(token)):
            return True
    children = list(child_tokens(token))
    return any(c.dep_ == "nsubj" and c.lower_ == "you" for c in children) and any(
        c.dep_ == "aux" and c.lower_ in lexicon.exhorting_modals for c in children
    )


def _poll_noun(token: Token, lexicon: Lexicon) -> bool:
    """A noun of the lexicon's ``poll_nouns`` (an opinion poll, a rating), itself or
    through its compound modifier ("poll numbers")."""
    if token.lemma_.lower() in lexicon.poll_nouns:
        return True
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in lexicon.poll_nouns for c in child_tokens(token))


def _in_polls(token: Token, lexicon: Lexicon) -> bool:
    """The word has an "in" phrase whose object is a poll noun ("surged in the polls",
    "a drop in her ratings", "a slide in her poll numbers")."""
    return any(
        c.dep_ == "prep" and c.lower_ == "in" and any(p.dep_ == "pobj" and _poll_noun(p, lexicon) for p in child_tokens(c))
        for c in child_tokens(token)
    )


def _poll_standing(token: Token, lexicon: Lexicon) -> bool:
    """A verb that tells a standing in the polls or its change: its subject is a poll noun
    ("national polls have tightened") or a competitor's lead (``standing_nouns``: "her lead
    narrowed"), or it or its object's event
    noun moves "in the polls" ("surged in the polls", "suffered a drop in her ratings"):
    poll standings measure opinion (guide section 1; news-dev part b decision 10)."""
    for c in child_tokens(token):
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and (
            _poll_noun(c, lexicon) or c.lemma_.lower() in lexicon.standing_nouns
        ):
            return True
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and _in_polls(c, lexicon):
            return True
    return _in_polls(token, lexicon)


def _social_media_act(token: Token, lexicon: Lexicon) -> bool:
    """A verb done "on" a social platform (the lexicon's ``social_platforms`` and the share
    targets of ``social_networks``: "posted a video on Instagram", "shared a photo on
    Facebook"): a post, an act of communication, no event (guide section 1; news-dev part b
    decision 2)."""
    platforms = (lexicon.social_platforms, lexicon.social_networks)
    # the parser hangs the "on" phrase on the verb or on its object ("shared photos on Facebook")
    holders = [token] + [c for c in child_tokens(token) if c.dep_ == "dobj"]
    return any(
        c.dep_ == "prep" and c.lower_ == "on"
        and any(p.dep_ == "pobj" and any(p.lower_ in w for w in platforms) for p in child_tokens(c))
        for h in holders for c in child_tokens(h)
    )


def _requested_act(token: Token, lexicon: Lexicon) -> bool:
    """The infinitive complement of a verb of requesting or ordering (the lexicon's
    ``requesting``: "he was asked to pitch two innings", "urged voters to go to the polls",
    "ordered the troops to withdraw"): an act asked for, which the clause does not assert
    (news-dev part a decision D9: complements of requests are not asserted events), or of an
    active verb of communicating (the lexicon's ``communicating``), which asks for it as well
    ("called on the prosecutor to investigate the mayor", "cabled the embassy to close":
    news-dev3 a D3)."""
    if token.dep_ != "xcomp":
        return False
    head = verb_base(token.head)
    if head in lexicon.requesting:
        return True
    return head in lexicon.communicating and not any(c.dep_ == "auxpass" for c in child_tokens(token.head))


def _communication_complement(token: Token, lexicon: Lexicon) -> bool:
    """A verb whose infinitive complement is an act of communication, a verb of the
    lexicon's ``communicating`` or ``reporting`` ("refused to comment on the attack",
    "declined to say where he was", "agreed to speak to the police"): the verb only tells
    whether that message is given, an act of communication itself, no event (guide section
    1; news-dev3 b D1 "refused to comment"). Not for a verb that moves people, whose
    infinitive is a purpose ("flew to Paris to speak")."""
    for c in child_tokens(token):
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child_tokens(c)):
            lemma = verb_base(c)
            if (lemma in lexicon.communicating or lemma in lexicon.reporting) and not any(k.dep_ == "prt" for k in child_tokens(c)):
                from .normalize.event_type import moves_people_or_goods

                return not moves_people_or_goods(verb_base(token))
    return False


def _election_anchor(token: Token, lexicon: Lexicon) -> bool:
    """The verb of a time clause ("before", "after", "until": the lexicon's
    ``temporal_preps`` as its mark) that tells the voting of an election: the voters go "to
    the polls" (a ``poll_nouns`` object), or the subject is an election noun ("before the
    votes were cast"): the election as a time anchor, which the gold does not label
    (news-dev part a decision D12); the clause still dates its governor."""
    if token.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in lexicon.temporal_preps for c in child_tokens(token)
    ):
        return False
    for c in child_tokens(token):
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and c.lemma_.lower() in lexicon.election_kinds:
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(
            p.dep_ == "pobj" and p.tag_ == "NNS" and p.lemma_.lower() in lexicon.poll_nouns for p in child_tokens(c)
        ):
            return True
    return False


def _availability_passive(token: Token, lexicon: Lexicon) -> bool:
    """A simple-present agentless passive of a verb of giving (the lexicon's ``giving``,
    VerbNet give-13.1: "the bars are sold in the UK", "which is sold across Europe"): it
    describes where a product is to be had, a standing description and no happening (guide
    section 1; news-dev part a decision D11, dev2 part a N2). Not with an agent, nor in the
    past, perfect or future ("were sold to Iran in May": a transfer of its own), nor with a
    time of its own."""
    if token.tag_ != "VBN" or verb_base(token) not in lexicon.giving:
        return False
    children = list(child_tokens(token))
    if any(c.dep_ in ("agent", "aux") for c in children):
        return False
    if any(t.ent_type_ in _SETTING_TIMES for t in token.subtree):
        return False  # "aid is given to refugees every month": a dated, habitual transfer
    return any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in children)


# Modals of the future: an indirect question with one reports a planned event ("described
# how the donors will convene on June 6"), not a possibility talked over (Quirk et al. 1985,
# 4.54-4.58).
_FUTURE_MODALS = frozenset({"will", "shall", "'ll"})


def _talk_verb(token: Token) -> bool:
    """A verb whose first WordNet sense is of verb.communication ("talk", "discuss")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    senses = word_senses(verb_base(token), "v")
    return senses is not None and senses.classes[0] == "communication"


def _discussed_topic(token: Token, lexicon: Lexicon) -> bool:
    """A verb that names the topic of talk: the gerund of an "about" phrase or an indirect
    question ("how", "whether") under a verb of communication ("talked about raising
    children in the White House", "will discuss how they can hit the ground running"): what
    was talked about, neither done nor reported as done (guide section 1; news-dev part b
    decision 2: discussing and talking are not labelled, nor is their content). A verb
    inside such a topic ("hit the ground running") is part of it."""
    node = token
    for _ in range(4):  # the topic verb itself, or a word of its clause
        head = node.head
        if node.dep_ == "pcomp" and head.lower_ == "about" and head.dep_ == "prep":
            return _talk_verb(head.head)
        if node.tag_ == "VBG" and node.dep_ in ("xcomp", "ccomp", "dobj") and verb_base(head) in lexicon.discussing:
            return True  # "discussed raising taxes"
        if node.dep_ == "ccomp" and _talk_verb(head):
            before = [c for c in child_tokens(node) if c.i < node.i]
            return any(c.tag_ in ("WRB", "WP") or c.lower_ == "whether" for c in before) and any(
                c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in _FUTURE_MODALS for c in before
            )
        if head.i == node.i or _talk_verb(head):
            return False  # the root (``token.head`` builds a new Token: compared by index)
        node = head
    return False


def _judged_state(token: Token, lexicon: Lexicon) -> bool:
    """An active verb of finding or judging (with enough weight in WordNet's cognition and
    perception classes, as ``_content_clause`` asks) whose complement is a small clause: an
    adjective or a "to be" clause ("found the well empty", "found the well to be empty",
    "considered the road unsafe"): a judgment of a state, perception and cognition are not
    events (guide section 1; test part b T3). Not in the passive ("was found dead": the
    finding of a body, an event)."""
    children = list(child_tokens(token))
    if any(c.dep_ in ("auxpass", "prt") for c in children) or _talk_verb(token):
        return False  # "pleaded guilty": a plea, a verb of communication first; "set up": a phrasal verb
    if not any(
        (c.dep_ == "ccomp" and (c.tag_ == "JJ" or (c.lemma_ == "be" and any(a.tag_ == "TO" for a in child_tokens(c)))))
        or (c.dep_ == "oprd" and c.tag_ == "JJ")
        for c in children
    ):
        return False
    senses = word_senses(verb_base(token), "v")
    return senses is not None and senses.share(_CONTENT_VERB_CLASSES) >= VERB_EVENT_SHARE


def _election_setting(token: Token, lexicon: Lexicon) -> bool:
    """An election noun (its lemma, or a hypernym of its first WordNet sense, is one of the
    lexicon's ``election_kinds``: "election", "vote", "primary", "referendum") that is the
    object of a preposition: the contest as setting or time anchor of another event ("lost
    in the 2016 presidential election", "days before the vote"), which the gold does not
    label (news-dev part a decision D12). Not a counted plural ("by 290 votes to 228"): a tally,
    the quantity of another word's event."""
    if token.tag_ == "NNS" and any(c.dep_ == "nummod" for c in child_tokens(token)):
        return False
    return _setting_of_kind(token, lexicon.election_kinds)


def _setting_of_kind(token: Token, kinds: frozenset[str]) -> bool:
    """The noun is a preposition's object whose lemma, or a hypernym of its first WordNet
    sense (``act_kinds``), is one of ``kinds``."""
    if token.dep_ != "pobj":
        return False
    lemma = token.lemma_.lower()
    if lemma in kinds:
        return True
    per_sense = act_kinds(lemma)
    return bool(per_sense) and bool(per_sense[0] & kinds)


def _contest_setting(token: Token, lexicon: Lexicon) -> bool:
    """A contest noun (its lemma, or a hypernym of its first WordNet sense, is one of the
    lexicon's ``contest_kinds``: a race, a match, a final) that is the object of a
    preposition: the race or game as the setting or phase of another event ("crashed
    during the race in Monaco", "scored in the final in Rome"), which gives that event its
    place and time and is no event of its own (news-dev part a decision D5, as
    ``election_setting`` for elections, D12)."""
    return _setting_of_kind(token, lexicon.contest_kinds)


def _assigned_task(token: Token, lexicon: Lexicon) -> bool:
    """The "with" gerund of a verb of assigning a task (the lexicon's ``tasking``: "was tasked
    with rebuilding the team", "entrusted with running the port"): the task given, which the
    clause does not assert done (news-dev part a decision D9: complements of tasks)."""
    head = token.head
    return token.dep_ == "pcomp" and head.lower_ == "with" and head.dep_ == "prep" and verb_base(head.head) in lexicon.tasking


# The complements through which a joked, imagined or claimed content reaches a verb inside it.
_FICTIVE_PATH_DEPS = frozenset({"ccomp", "xcomp", "conj"})


def _content_path(token: Token) -> Iterator[tuple[Token, Token]]:
    """``(word, head)`` for the verb and, up to four steps up, each verb whose complement
    (``_FICTIVE_PATH_DEPS``) holds it: the places where a content verb ("joked", "falsely
    claimed") may govern it; the last pair yielded is the first step off that path."""
    node = token
    for _ in range(4):  # the verb itself, or a verb of its clause
        head = node.head
        if head is node:
            return
        yield node, head
        if node.dep_ not in _FICTIVE_PATH_DEPS:
            return
        node = head


def _fictive_content(token: Token, lexicon: Lexicon) -> bool:
    """A verb in the content of a verb of joking, feigning or imagining (the lexicon's
    ``fictive``: "joked that Canada has started building a wall", "pretended to leave for
    Rome", "dreamed of winning in Paris", "imagine that the army invaded"): the content is
    neither asserted nor reported as fact (news-dev part b decision 9: jokes given as jokes
    are not labelled)."""
    for node, head in _content_path(token):
        if node.dep_ in ("ccomp", "xcomp") and verb_base(head) in lexicon.fictive:
            return True
        if node.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "about") and verb_base(head.head) in lexicon.fictive:
            return True  # "dreamed of winning"
    return False


def _false_claim(token: Token, lexicon: Lexicon) -> bool:
    """A verb in the content of a claim an adverb of falsity marks as false (the lexicon's
    ``falsity_adverbs``: "falsely claimed that she was born in Kenya", "wrongly said that
    troops were sent to Chad"): a content told as untrue, no event (test part a T6: the
    contents of false claims are not labelled)."""
    return any(
        node.dep_ == "ccomp" and any(c.dep_ == "advmod" and c.lower_ in lexicon.falsity_adverbs for c in child_tokens(head))
        for node, head in _content_path(token)
    )


def _past_tense(token: Token) -> bool:
    """The word is a past "be" or has a past auxiliary ("was set", "were going")."""
    if token.tag_ == "VBD" and token.lemma_ == "be":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in child_tokens(token))


def _past_prospect(token: Token, lexicon: Lexicon) -> bool:
    """The to-infinitive of a predicate of future time in the past tense (the lexicon's
    ``prospective``: "was set to win", "was poised to end the drought", "were about to
    become champions", "was on course to finish third", "was going to move"): a prospect
    told from the past, unrealized or a counterfactual, no happening (news-dev part a
    decision D10). Not in the present ("is set to meet on Friday": a planned event)."""
    if token.dep_ != "xcomp":
        return False
    head = token.head
    prospective = lexicon.prospective
    if head.lower_ in prospective and head.tag_ in ("VBN", "VBG", "JJ") and _past_tense(head):
        return True
    return head.lemma_ == "be" and head.tag_ == "VBD" and any(
        c.dep_ in ("acomp", "attr") and c.lower_ in prospective for c in child_tokens(head)
    )


def _availability_participle(token: Token, lexicon: Lexicon) -> bool:
    """A past participle of a verb of giving (the lexicon's ``giving``) that modifies a noun,
    with no agent, no recipient and no time of its own ("bars sold in the UK", "a drink
    served across Europe"): the participle form of ``_availability_passive``, a description
    of where a product is to be had (news-dev part a decision D11: "bars sold in the UK").
    Not "weapons sold to Iran" (a transfer to a recipient) nor "aid given in May"."""
    if token.dep_ != "acl" or token.tag_ != "VBN" or verb_base(token) not in lexicon.giving:
        return False
    for c in child_tokens(token):
        if c.dep_ in ("agent", "dative") or (c.dep_ == "prep" and c.lower_ == "to"):
            return False
    return not any(t.ent_type_ in _SETTING_TIMES for t in token.subtree)


def _media_occasion(token: Token, lexicon: Lexicon) -> bool:
    """An event noun whose compound modifier names the news media (a one-word head of the
    lexicon's ``sector_media``: "a press conference", "a news conference", "a media
    briefing"): an occasion held to speak to the press, an act of communication and no event
    (guide section 1; project decision of 2026-12-03, "Revision 2026-12-03" of the gold
    README: press conferences removed). A meeting with no such modifier stays an event."""
    media = lexicon.sector_media
    return any(c.dep_ == "compound" and c.lemma_.lower() in media for c in child_tokens(token))


# The vetoes of a clause whose content is not asserted (an exhortation, an act asked for or
# assigned, a joke or imagining, a past prospect): the event nouns its verb governs share them.
_CONTENT_VETOES = (
    ("hortative", _hortative),
    ("requested_act", _requested_act),
    ("assigned_task", _assigned_task),
    ("fictive_content", _fictive_content),
    ("past_prospect", _past_prospect),
)


def _noun_governor(token: Token) -> Token | None:
    """The verb whose object the noun is: its direct object ("hold a rally"), or the object
    of a preposition attached to it ("take part in a protest"); else None."""
    if token.dep_ == "dobj":
        head = token.head
    elif token.dep_ == "pobj" and token.head.dep_ == "prep":
        head = token.head.head
    else:
        return None
    return head if head.pos_ in ("VERB", "AUX") else None


def _vetoed_governor(token: Token, lexicon: Lexicon) -> bool:
    """Rule ``vetoed_governor``: the event noun is the object of a verb that one of
    ``_CONTENT_VETOES`` rules out ("let's hold a rally in Leeds", "was asked to lead a
    protest in Lagos", "joked that Canada had launched an invasion of Alaska", "was set to
    win the race in Ohio"): the noun's event is as unasserted as its verb's (news-dev part a
    D9, D10; part b decision 9), a veto the noun would otherwise escape through its support
    or participation verb."""
    governor = _noun_governor(token)
    return governor is not None and any(veto(governor, lexicon) for _, veto in _CONTENT_VETOES)


def _outbreak_subject(token: Token, lexicon: Lexicon) -> bool:
    """The noun is the subject of a verb of coming about (``syntax.comes_about``: "clashes
    broke out in Paris", "violence erupted"): that verb is the trigger, with no doer
    (``agentless_outbreak``), and the noun names the same happening."""
    return token.dep_ == "nsubj" and token.head.i != token.i and comes_about(token.head, lexicon) and names_happening(token, lexicon)


# Vetoes of event nouns, tried after the noun branch has admitted one (``noun_veto`` gives
# the name of the one that fired).
NOUN_VETOES = (
    ("outbreak_subject", _outbreak_subject),
    ("election_setting", _election_setting),
    ("contest_setting", _contest_setting),
    ("poll_standing", lambda token, lexicon: _in_polls(token, lexicon)),
    ("media_occasion", _media_occasion),
    ("vetoed_governor", _vetoed_governor),
)


def noun_veto(token: Token, lexicon: Lexicon) -> str | None:
    """The name of the first of ``NOUN_VETOES`` that rules the event noun out, or None."""
    for name, veto in NOUN_VETOES:
        if veto(token, lexicon):
            return name
    return None


# Vetoes of the verb path, tried in order after the verb's word classes have admitted it: a
# verb one of them names is no trigger (``verb_veto`` gives the name of the one that fired).
VERB_VETOES = (
    ("reporting_circumstance", _reporting_circumstance),
    ("time_spent", _time_spent),
    ("extraposed_it", _extraposed_it),
    ("content_clause", _content_clause),
    ("judging_pleading", _judging_or_pleading),
    ("judgment_object", _judgment_object),
    ("communication_verb", _communication_verb),
    ("message_object", _message_object),
    ("aspect_of_thing", _aspect_of_thing),
    ("lasting_state", _lasting_state),
    ("emotion_verb", _emotion_verb),
    ("cognition_object", _cognition_object),
    ("name_as_verb", _name_as_verb),
    ("hortative", _hortative),
    ("poll_standing", _poll_standing),
    ("social_media_act", _social_media_act),
    ("requested_act", _requested_act),
    ("communication_complement", _communication_complement),
    ("election_anchor", _election_anchor),
    ("availability_passive", _availability_passive),
    ("discussed_topic", _discussed_topic),
    ("judged_state", _judged_state),
    ("assigned_task", _assigned_task),
    ("fictive_content", _fictive_content),
    ("false_claim", _false_claim),
    ("past_prospect", _past_prospect),
    ("availability_participle", _availability_participle),
)


# The vetoes of ``VERB_VETOES`` that can fire only on a verb with a dependent of one of these
# labels: each reads what it tests from such a dependent ("spent three days": the "dobj"), so
# ``verb_veto`` does not try it on a verb with none (most verbs have a few labels only).
VERB_VETO_CHILD_LABELS: dict[str, tuple[str, ...]] = {
    "time_spent": ("dobj",),
    "extraposed_it": ("ccomp", "csubj"),
    "content_clause": ("ccomp",),
    "judgment_object": ("dobj",),
    "aspect_of_thing": ("nsubj",),
    "lasting_state": ("auxpass",),
    "cognition_object": ("dobj", "nsubj"),  # the object, or the subject of a relative clause
    "hortative": ("nsubj",),
    "poll_standing": ("nsubj", "nsubjpass", "dobj", "prep"),
    "social_media_act": ("dobj", "prep"),
    "communication_complement": ("xcomp",),
    "election_anchor": ("mark",),
    "availability_passive": ("auxpass",),
    "judged_state": ("ccomp", "oprd"),
}
# A key that names no veto (a typo, a veto renamed) would leave that veto ungated unnoticed;
# a veto edited to read a label not listed here is caught only by the tests (a veto that
# fires without its labels, over every verb of the seeds and two evaldata sets).
if not set(VERB_VETO_CHILD_LABELS) <= {name for name, _ in VERB_VETOES}:
    raise ValueError("every key of VERB_VETO_CHILD_LABELS names a veto of VERB_VETOES")
# The same labels as string ids (``Token.dep``).
_VETO_CHILD_DEPS = {name: frozenset(get_string_id(label) for label in labels) for name, labels in VERB_VETO_CHILD_LABELS.items()}


def verb_veto(token: Token, lexicon: Lexicon) -> str | None:
    """The name of the first of ``VERB_VETOES`` that rules the verb out as an event, or None
    (a veto of ``VERB_VETO_CHILD_LABELS`` is tried only when the verb has such a dependent)."""
    labels = {c.dep for c in child_tokens(token)}
    for name, veto in VERB_VETOES:
        needs = _VETO_CHILD_DEPS.get(name)
        if needs is not None and labels.isdisjoint(needs):
            continue
        if veto(token, lexicon):
            return name
    return None


def find_triggers(doc: Doc, *, lexicon: Lexicon | None = None, head=None) -> list[Trigger]:
    """Verbs, locative copulas and event nouns that report concrete events
    (``lexicon=None``: the shipped lexicon). With ``head`` (a ``trigger_head.TriggerHead``),
    the words the rules did not take but the head scores at or above its threshold are
    triggers too, with ``rule="trigger_head"`` (``head_triggers``)."""
    return TriggerPass(doc, lexicon).find(head=head)


class TriggerPass:
    """The trigger finding of one ``Doc``, in up to two steps that share its lookups
    (``_DocIndex``: sentences, reporting clauses, marks of modality): ``find`` the triggers,
    and, when they were found without ``details``, ``details`` gives the modality and source
    of those that need them. Tuple building reads a trigger's modality and source only when
    it gives a tuple, and the shipped linker never does (``reads_trigger_details``), so the
    component reads them only for the quarter of triggers that may give one; they cost about
    a twentieth of the event extractor's time."""

    def __init__(self, doc: Doc, lexicon: Lexicon | None = None) -> None:
        self.doc = doc
        self.lexicon = lexicon or default_lexicon()
        self._index: _DocIndex | None = None

    def find(self, *, head=None, details: bool = True) -> list[Trigger]:
        """``find_triggers``; without ``details``, each trigger's ``modality`` and ``source``
        are None until ``details`` reads them."""
        forget_children()  # the words' children are read afresh for this pass (``child_tokens``)
        try:
            self._index = _DocIndex(self.doc)
            return _find_triggers(self.doc, self.lexicon, head, self._index, details)
        finally:
            forget_children()

    def details(self, triggers: Sequence[Trigger]) -> list[Trigger]:
        """``triggers`` with the modality and source ``find`` with ``details`` gives them (an
        open condition's trigger, ``rule="hypothesis"``, is planned)."""
        index = self._index if self._index is not None else _DocIndex(self.doc)
        forget_children()
        try:  # every other field as found
            return [replace(t, **_details(self.doc[t.i], t.rule, self.lexicon, index)) for t in triggers]
        finally:
            forget_children()


def _details(token: Token, rule: str | None, lexicon: Lexicon, index: "_DocIndex") -> dict:
    """A trigger's ``modality`` and ``source`` (an open condition's, ``rule="hypothesis"``, is planned)."""
    return {
        "modality": "planned" if rule == "hypothesis" else find_modality(token, lexicon, index),
        "source": find_source(token, lexicon=lexicon, index=index),
    }


def _find_triggers(doc: Doc, lexicon: Lexicon, head, index: "_DocIndex", details: bool = True) -> list[Trigger]:
    triggers: list[Trigger] = []
    # no trigger of any kind among the words of other classes: only these are looked at
    pos = index.pos()
    candidates = numpy.flatnonzero((pos == _POS_VERB) | (pos == _POS_AUX) | (pos == _POS_NOUN))
    for i, tag in zip(candidates.tolist(), pos[candidates].tolist()):
        token = doc[i]
        verb, noun = tag == _POS_VERB, tag == _POS_NOUN  # ``token.pos_``, read from the array
        lemma = token.lemma_.lower()
        kind = None
        particle = index.particle(token)
        if verb and is_presence_passive(token, lexicon):
            kind, lemma = "copula", "be"
        elif (verb or tag == _POS_AUX) and lemma == "be" and is_counted_existential(token, lexicon):
            kind = "copula"  # "there were 40 cases of cholera" ("be" tagged a verb or an auxiliary)
        elif verb and token.dep_ not in ("amod", "compound", "aux", "auxpass"):
            lemma = verb_base(token)  # "staged" lemmatized "stag": "stage"
            phrasal = f"{lemma} {particle}" if particle else lemma
            if _in_purpose_clause(token, lexicon, index):
                continue
            if _no_verb(token, lemma, phrasal, lexicon):
                continue  # "all the way downstate": WordNet has no such verb
            if lemma in lexicon.mapping("implicative") and any(c.dep_ == "xcomp" for c in child_tokens(token)):
                continue  # "managed to leave", "failed to pay": the complement is the event
            multiword = None if particle else _multiword_verb(token, lexicon)
            if multiword is not None:
                lemma = phrasal = multiword  # "took office": WordNet's "take office"
            elif (lexicon.non_event(lemma) and not particle) or lexicon.non_event(phrasal):
                if not _uncomplemented(token, phrasal, lexicon) and not (
                    not particle and (_placed_act(token, lemma, lexicon) or _handled_thing(token, lemma, lexicon))
                ):
                    continue
                if not particle and (light := _light_phrase(token, lemma, lexicon)) is not None:
                    lemma = phrasal = light  # "demonstrations took place outside the embassy", no event noun for subject
            elif not is_event_verb(phrasal, lexicon):
                continue  # WordNet: only cognition, perception, emotion or stative senses
            if index.in_question(token) or verb_veto(token, lexicon) is not None:
                continue
            if not particle and gives_event_noun(token, lexicon):
                continue  # "provided assistance to Laos": the noun is the event
            if causes_event_noun(token, lexicon):
                continue  # "sparked protests in Lyon": the protests are the event
            kind = "verb"
        elif (verb or tag == _POS_AUX) and is_locative_copula(token, lexicon):
            kind, lemma = "copula", "be"
        elif (
            noun and _is_predicate_noun(token) and word_senses(lemma, "v") is not None
            and not lexicon.non_event(lemma) and is_event_verb(lemma, lexicon)
        ):
            if index.in_question(token):
                continue
            kind = "verb"  # "Lady Gaga protests outside Trump Tower"
        elif noun and (token.dep_ != "compound" or _heads_attempt(token, lexicon)):
            if lemma in lexicon.general_places:
                continue  # "locations", "stations": places, not events
            if lemma in lexicon.message_nouns:
                continue  # "his speech on Sunday", "a conference call": acts of communication, no events
            if lemma in lexicon.extra_nouns:
                verb = lexicon.extra_nouns[lemma]  # "presence" -> "be"
            elif lemma in lexicon.attempt_nouns:
                continue  # "the operation", "a campaign": the attempted event is its complement
            elif lemma in lexicon.collective:
                continue  # "a second wave of 4,000 soldiers": a partitive, its "of" object counts
            else:
                verb = event_verb_of_noun(lemma, lexicon)
                if verb is None and lemma in lexicon.gatherings:
                    verb = occurrence_verb_of_noun(lemma, lexicon)  # "a rally in Ohio"
                partitive = None  # _partitive_of_event, asked once at most

                def counts_event() -> bool:
                    nonlocal partitive
                    if partitive is None:
                        partitive = _partitive_of_event(token, lexicon)
                    return partitive

                # the verb a supported or dated noun gives depends on its lemma alone: when it
                # has none, the noun's context is not looked at
                if verb is None and (occurrence := _supported_occurrence_verb(lemma, lexicon)) is not None:
                    if _supported(token, lexicon) and not counts_event():
                        verb = occurrence  # "staged a protest"
                    elif _has_own_date(token, lexicon) and not counts_event():
                        verb = occurrence  # "a speech on Wednesday"
                if verb is None and _is_possessed_event(token, lexicon):
                    verb = lemma  # "Putin's trip to Pyongyang": a verb used as a noun
                if verb is None and _directed_verb(lemma, lexicon) is not None and not counts_event():
                    verb = _directed_nominal(token, lexicon)  # "oil imports from the Mideast"
                if verb is None or lexicon.non_event(verb):
                    continue
            kind, lemma = "noun", verb
        if kind is None:
            continue
        hypothesis = False
        if is_conditional(token, lexicon, index):
            if kind != "verb" or not is_hypothesis(token, lexicon) or index.in_question(token):
                continue  # "whether", "asked if": a dependent question; "if we flee, do we ...?"; an
                # event noun of the condition ("if he triumphs in Sunday's race") is its setting
            hypothesis = True  # "if he wins in Abu Dhabi": an open condition, planned
        if kind == "noun" and noun_veto(token, lexicon) is not None:
            continue  # the gold's recorded decisions: "in the 2016 election", "a drop in the polls"
        if kind != "verb" and index.in_question(token):
            continue
        if particle and kind == "verb":
            lemma = f"{lemma} {particle}"
        rule = "hypothesis" if hypothesis else None
        found = _details(token, rule, lexicon, index) if details else {"modality": None, "source": None}
        triggers.append(Trigger(i=token.i, lemma=lemma, kind=kind, rule=rule, **found))
    if head is not None:
        triggers = sorted(triggers + head_triggers(doc, head, {t.i for t in triggers}, lexicon=lexicon, index=index), key=lambda t: t.i)
    return triggers


def head_triggers(doc: Doc, head, taken: set[int], *, lexicon: Lexicon, index: _DocIndex | None = None) -> list[Trigger]:
    """The triggers the learned head adds: candidate words (``trigger_head.CANDIDATE_POS``)
    not in ``taken`` that the rules' vetoes still allow (no non-event lexicon word, no
    auxiliary, purpose clause, question or conditional), scored in one batch per ``Doc``;
    those at or above ``head.threshold`` become triggers named ``trigger_head``."""
    from .trigger_head import HEAD_RULE, candidate_indices

    index = index or _DocIndex(doc)
    cands = []
    for i in candidate_indices(doc):
        token = doc[int(i)]
        if token.i in taken or token.dep_ in ("aux", "auxpass"):
            continue
        lemma = token.lemma_.lower()
        if lexicon.non_event(lemma) or lemma in lexicon.general_places or not token.is_alpha:
            continue
        if token.pos_ == "NOUN" and (lemma in lexicon.attempt_nouns or lemma in lexicon.collective or lemma in lexicon.message_nouns):
            continue  # the rules' own noun vetoes: "the effort", "a wave of": the event is their complement
        cands.append(token.i)
    if not cands:
        return []
    scores = head.scores(doc, cands)
    out = []
    for i, score in zip(cands, scores):
        if score < head.threshold:
            continue
        token = doc[i]
        if _in_purpose_clause(token, lexicon, index) or index.in_question(token) or is_conditional(token, lexicon, index):
            continue
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            if verb_veto(token, lexicon) is not None:
                continue
            kind = "verb"
        else:
            kind = "noun"
            lemma = verb_of_nominal(lemma, lexicon=lexicon) or lemma
        out.append(Trigger(i, lemma, kind, rule=HEAD_RULE, **_details(token, HEAD_RULE, lexicon, index)))
    return out


def given_triggers(doc: Doc, spans, *, lexicon: Lexicon | None = None) -> list[Trigger]:
    """Triggers at given character spans (an annotated event's trigger), whatever their word
    class (``lexicon=None``: the shipped lexicon). A span that covers only white space (page
    furniture the text preparation blanked) gives no trigger."""
    lexicon = lexicon or default_lexicon()
    index = _DocIndex(doc)
    out = []
    for start, end in spans:
        span = doc.char_span(int(start), int(end), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        token = span.root
        if not token.text.strip():
            # the span's root is white space: text preparation blanked page furniture there,
            # or the span takes in the space around a word; the first word is the trigger,
            # and a span of white space alone (all furniture) names no event to link
            token = next((t for t in span if t.text.strip()), None)
            if token is None:
                continue
        lemma = token.lemma_.lower()
        kind = "verb" if token.pos_ in ("VERB", "AUX") else "noun"
        if kind == "noun":
            lemma = verb_of_nominal(lemma, lexicon=lexicon) or lemma
        out.append(Trigger(token.i, lemma, kind, **_details(token, None, lexicon, index)))
    return out
