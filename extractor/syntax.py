"""Small syntactic tests over a parsed ``Doc`` shared by several stages.

Only grammar lives here (spaCy labels and dependency shapes); word classes come from the
``Lexicon``. Stages import this module; it imports no stage.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Callable, Sequence, TypeVar

import numpy
from spacy.attrs import HEAD

T = TypeVar("T")

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# spaCy (OntoNotes) entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Verbs of a relative clause that only say when or where its head noun happened.
OCCURRENCE_VERBS = frozenset({"occur", "happen", "take"})


def occurrence_clause(token: "Token") -> "Token | None":
    """A relative clause saying when or where an event noun happened ("visit, which occurred in May")."""
    for c in child_tokens(token):
        if c.dep_ == "relcl" and c.lemma_.lower() in OCCURRENCE_VERBS:
            return c
    return None


def occurrence_governor(token: "Token", words) -> "Token | None":
    """The verb of which an event noun is the subject, when that verb only says when or where
    the noun's event happened: the subject of a light phrase of ``words.light`` made with the
    verb's bare object ("protests took place outside the embassy", VerbNet occurrence-48.3),
    of an ``OCCURRENCE_VERBS`` verb with no object ("the attack happened on Monday"), or the
    passive subject of a verb both light and support ("a rally was held in Lyon": the
    passive of "held a rally"). Its place and date phrases are then the noun's own."""
    head = token.head
    if token.pos_ != "NOUN" or head.pos_ != "VERB" or head.i == token.i:
        return None
    lemma = head.lemma_.lower()
    if token.dep_ == "nsubj":
        objects = [c for c in child_tokens(head) if c.dep_ == "dobj"]
        if not objects:
            return head if lemma in OCCURRENCE_VERBS and lemma in words.light else None
        if any(f"{lemma} {c.lemma_.lower()}" in words.light for c in objects if c.pos_ == "NOUN"):
            return head
        return None
    if token.dep_ == "nsubjpass" and lemma in words.support and lemma in words.light:
        return head
    return None


def comes_about(verb: "Token", words) -> bool:
    """Whether a verb only says that its subject, an event, began or happened: a verb of
    coming about (``words.coming_about``, alone or with its particle: "clashes broke out",
    "a dispute arose") with no object or clausal complement, and no light verb ("happen",
    "occur": their event noun subject is the trigger, ``occurrence_governor``)."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma in words.light:
        return False
    if any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in child_tokens(verb)):
        return False  # "the talks began to stall", "it arose that ..."
    from .lexicon import in_verb_class

    return in_verb_class(verb, words.coming_about)


def entity_span(token: "Token") -> "tuple[int, int] | None":
    """The ``(start, end)`` of the entity ``token`` is in, as ``doc.ents`` gives it (an entity
    begins at a "B" token with a label and runs over the "I" tokens after it), read from the
    tags around the token: ``doc.ents`` builds every entity of the document on each call, so
    a stage asking it once per token costs time quadratic in the document's length."""
    doc = token.doc
    start = token.i
    first = token
    while first.ent_iob == _IOB_I and start > 0:  # the integer codes: 1 "I", 3 "B"
        start -= 1
        first = doc[start]
    if first.ent_iob != _IOB_B or not first.ent_type:
        if token.ent_iob == _IOB_I:  # an "I" without its "B": as doc.ents reads it (it raises E093)
            return next(((e.start, e.end) for e in doc.ents if e.start <= token.i < e.end), None)
        return None
    end = token.i + 1
    n = len(doc)
    while end < n and doc[end].ent_iob == _IOB_I:
        end += 1
    return start, end


# ``Token.ent_iob``: 0 no tag, 1 "I" (inside), 2 "O" (outside), 3 "B" (begins an entity).
_IOB_I, _IOB_B = 1, 3


class EntityIndex:
    """A document's entities (``doc.ents``, built once) for lookups by position.

    ``doc.ents`` and ``Span.ents`` (``token.sent.ents``) rebuild every entity of the document
    on each call; a rule asking them once per trigger makes a long document cost time
    quadratic in its length. Build one index per ``Doc`` (after its entities are final) and
    ask it instead: ``within`` is logarithmic, ``last_before`` logarithmic per label.
    """

    def __init__(self, doc: "Doc") -> None:
        self.ents: "tuple[Span, ...]" = tuple(doc.ents)
        self._starts = [e.start for e in self.ents]
        self._ends = [e.end for e in self.ents]
        self._memo: "dict[object, object]" = {}

    def within(self, start: int, end: int) -> "list[Span]":
        """The entities wholly inside tokens ``start:end`` (as ``doc[start:end].ents``)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_right(self._ends, end)
        return [e for e in self.ents[lo:hi] if e.start >= start]

    def memo(self, key: object, build: "Callable[[tuple[Span, ...]], T]") -> "T":
        """``build(ents)``, computed once per index for ``key``: a stage's own view of the
        entities (those of some labels, say), built once per document."""
        if key not in self._memo:
            self._memo[key] = build(self.ents)
        return self._memo[key]  # type: ignore[return-value]


def last_before(ends: "Sequence[int]", items: "Sequence[T]", i: int) -> "T | None":
    """The last of ``items`` (sorted by their ``ends``) that ends at or before ``i``."""
    k = bisect.bisect_right(ends, i)
    return items[k - 1] if k else None


class _Parse:
    """One ``Doc``'s words and each word's children (``tuple(token.children)``), read at once
    from its HEAD column: a ``Token`` per word built once (``list(doc)``), not one per child at
    every ``token.children`` walk; and the subtrees asked for (``subtree_tokens``)."""

    __slots__ = ("doc", "tokens", "children", "subtrees")

    def __init__(self, doc: "Doc | None") -> None:
        self.doc = doc
        self.tokens: "list[Token]" = []
        self.children: "list[tuple[Token, ...]]" = []
        self.subtrees: "dict[int, tuple[Token, ...]]" = {}
        if doc is None or not len(doc):
            return
        tokens = self.tokens = list(doc)
        offsets = doc.to_array(HEAD).astype(numpy.int64)
        kids: "list[list[Token]]" = [[] for _ in tokens]
        # a word's children in document order, as ``token.children`` yields them (its left
        # children, then its right ones, each in order)
        for j, h in enumerate((offsets + numpy.arange(len(tokens), dtype=numpy.int64)).tolist()):
            if h != j:
                kids[h].append(tokens[j])
        self.children = [tuple(k) for k in kids]


# The ``Doc`` that ``child_tokens`` last answered for, with its words' children; and the
# ``Doc`` whose parse is kept across stages (``keep_parse``), which ``forget_children`` keeps,
# with what ``doc_memo`` keeps of it, as one pair: a reader takes the pair once and checks its
# ``Doc``, so another thread's ``keep_parse`` can cost it a rebuild but never give it another
# ``Doc``'s parse or lookups.
_parse = _Parse(None)
_kept: "tuple[Doc, dict[object, object]] | None" = None


def _parse_of(doc: "Doc") -> _Parse:
    global _parse
    if _parse.doc is not doc:
        _parse = _Parse(doc)
    return _parse


def child_tokens(token: "Token") -> "tuple[Token, ...]":
    """``tuple(token.children)``, read for every word of the ``Doc`` last asked about at
    once (``_Parse``): the stages ask of the same words again and again, and every
    ``token.children`` scans the word's edges and builds new ``Token`` objects (the helpers
    of this module, which only trigger finding and linking call, ask it too). A stage that
    asks it calls ``forget_children`` before and after its pass over a ``Doc``, so no parse
    is read from before a change."""
    parse = _parse
    if parse.doc is not token.doc:
        parse = _parse_of(token.doc)
    return parse.children[token.i]


def subtree_tokens(token: "Token") -> "tuple[Token, ...]":
    """``tuple(token.subtree)`` (its left children's subtrees, the word, its right
    children's subtrees), kept per word with ``child_tokens``'s children: a word's subtree
    is built from its children's, which are kept too, instead of through ``token.subtree``'s
    nested generators at each walk."""
    parse = _parse
    if parse.doc is not token.doc:
        parse = _parse_of(token.doc)
    found = parse.subtrees.get(token.i)
    if found is None:
        try:
            found = _subtree(parse, token.i)
        except RecursionError:  # a parse deeper than the interpreter's stack: spaCy's own walk
            found = parse.subtrees[token.i] = tuple(token.subtree)
    return found


def _subtree(parse: _Parse, i: int) -> "tuple[Token, ...]":
    found = parse.subtrees.get(i)
    if found is None:
        left: "tuple[Token, ...]" = ()
        right: "tuple[Token, ...]" = ()
        for c in parse.children[i]:
            if c.i < i:
                left += _subtree(parse, c.i)
            else:
                right += _subtree(parse, c.i)
        found = parse.subtrees[i] = (*left, parse.tokens[i], *right)
    return found


def forget_children() -> None:
    """Drop what ``child_tokens`` keeps (and the ``Doc`` it holds), unless it is that of the
    ``Doc`` whose parse ``keep_parse`` keeps."""
    global _parse
    kept = _kept
    if _parse.doc is not None and (kept is None or _parse.doc is not kept[0]):
        _parse = _Parse(None)


class keep_parse:
    """``with keep_parse(doc):`` the words' children and subtrees ``child_tokens`` reads for
    ``doc`` are read once for all the stages run inside (trigger finding, linking, tuple
    building: the event extractor's pass over a ``Doc`` it does not change), not once per
    stage; dropped at the end."""

    def __init__(self, doc: "Doc") -> None:
        self.doc = doc

    def __enter__(self) -> "keep_parse":
        global _kept
        _kept = (self.doc, {})
        return self

    def __exit__(self, *exc: object) -> None:
        global _kept, _parse
        _kept = None
        _parse = _Parse(None)


def doc_memo(doc: "Doc", key: object, build: "Callable[[], T]") -> "T":
    """``build()``, computed once for ``key`` while ``keep_parse`` keeps ``doc`` (what every
    stage reads of it: its entities, its sentences), else each time asked."""
    kept = _kept
    if kept is None or kept[0] is not doc:
        return build()
    memo = kept[1]
    if key not in memo:
        memo[key] = build()
    return memo[key]  # type: ignore[return-value]


def doc_column(doc: "Doc", attr: int) -> "list[int]":
    """``[getattr(t, name) for t in doc]`` for the attribute id ``attr`` (``spacy.attrs``:
    ``DEP``, ``TAG``, ...), read from the ``Doc``'s array: once for all the stages under
    ``keep_parse``."""
    return doc_memo(doc, ("column", attr), lambda: doc.to_array(attr).tolist())


def entity_index(doc: "Doc") -> "EntityIndex":
    """The ``Doc``'s ``EntityIndex``, one for all the stages under ``keep_parse``."""
    return doc_memo(doc, EntityIndex, lambda: EntityIndex(doc))


def sentence_bounds(doc: "Doc") -> "SentenceBounds":
    """The ``Doc``'s ``SentenceBounds``, one for all the stages under ``keep_parse``."""
    return doc_memo(doc, SentenceBounds, lambda: SentenceBounds(doc))


class SentenceBounds:
    """``(token.sent.start, token.sent.end)`` of token ``i`` (call with ``i``), from the
    document's sentences read once, on the first call: ``token.sent`` scans for the
    sentence's ends and builds a ``Span`` at each access."""

    __slots__ = ("doc", "_starts", "_ends")

    def __init__(self, doc: "Doc") -> None:
        self.doc = doc
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def starts(self) -> list[int]:
        """The index of every sentence's first token, in order (``[s.start for s in doc.sents]``)."""
        if len(self.doc):
            self(0)  # reads them
        return list(self._starts or [0])

    def __call__(self, i: int) -> tuple[int, int]:
        if self._starts is None:
            # the sentence starts, read from the SENT_START column at once (as ``doc.sents``
            # reads them: the first token always starts one)
            doc = self.doc
            if not doc.has_annotation("SENT_START"):
                list(doc.sents)  # raises spaCy's own error for a document with no sentences set
            column = doc.to_array("SENT_START")
            starts = [0] + [int(i) for i in numpy.flatnonzero(column[1:] == 1) + 1]
            self._starts = starts
            self._ends = starts[1:] + [len(doc)]
        k = bisect.bisect_right(self._starts, i) - 1
        return self._starts[k], self._ends[k]


def noun_chunk_bounds(doc: "Doc") -> "list[tuple[int, int]]":
    """``[(c.start, c.end) for c in doc.noun_chunks]``, from the language's own noun chunk
    iterator (``doc.noun_chunks_iterator``, which ``doc.noun_chunks`` wraps) without a
    ``Span`` per chunk. Raises ``ValueError`` without a parse, as ``doc.noun_chunks`` does."""
    iterator = doc.noun_chunks_iterator
    if iterator is None:
        return [(c.start, c.end) for c in doc.noun_chunks]  # spaCy's own error for a language without one
    return [(start, end) for start, end, _ in iterator(doc)]
