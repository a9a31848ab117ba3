"""Helpers the linker tests share, as fixtures (``--import-mode=importlib``: test modules
cannot import each other): the arguments the shipped linker gives one word of a sentence
parsed by the real model, and Docs built by hand the way spaCy's English pipeline parses."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from extractor.contracts import Trigger
from extractor.lexicon import Lexicon, default_lexicon
from extractor.linking import link_arguments, make_dep_linker
from extractor.triggers import find_triggers, given_triggers

LEXICON = Lexicon()


def _span_text(doc, span):
    return None if span is None else doc[span[0] : span[1]].text


@pytest.fixture(scope="session")
def span_text():
    """``span_text(doc, span)``: the text of the token span ``(start, end)`` of ``doc``
    (an argument's actor, location, date or quantity), or ``None`` for no span."""
    return _span_text


@pytest.fixture(scope="session")
def linked(nlp):
    """``linked(text, word, linker=None)``: the doc and the arguments of the trigger at
    ``word``: the trigger finder's, or else the trigger the component makes of an annotated
    word (agent nouns, nouns it does not find)."""

    def linked_(text: str, word: str, linker=None):
        doc = nlp(text)
        start = text.index(word)
        i = doc.char_span(start, start + len(word), alignment_mode="expand").root.i
        triggers = find_triggers(doc, lexicon=LEXICON)
        if not any(t.i == i for t in triggers):
            triggers += given_triggers(doc, [(start, start + len(word))], lexicon=LEXICON)
        arguments = (linker or make_dep_linker(LEXICON))(doc, triggers)
        return doc, next(a for t, a in zip(triggers, arguments) if t.i == i)

    return linked_


@pytest.fixture(scope="session")
def slot_of(linked):
    """``slot_of(text, word, role, linker=None)``: the text the trigger at ``word`` has for
    ``role`` ("actor", "location", "date", "quantity"), or ``None``, and the rule that filled
    it, or ``None`` (``linked``)."""

    def slot_of_(text: str, word: str, role: str, linker=None):
        doc, args = linked(text, word, linker)
        return _span_text(doc, getattr(args, role)), args.rules.get(role)

    return slot_of_


@pytest.fixture(scope="session")
def parse():
    """``parse(rows, ents=())``: a Doc from ``(word, head, dep, pos, tag, lemma)`` rows and
    ``(start, end, label)`` entities, with no space around a hyphen or before ".", "," and
    "'s", as in the text."""
    vocab = spacy.blank("en").vocab

    def parse_(rows, ents=()):
        words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows))
        spaces = [not (w == "-" or nxt in ("-", ".", ",", "'s")) for w, nxt in zip(words, words[1:] + [""])]
        doc = Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
        return doc

    return parse_


@pytest.fixture(scope="session")
def link_at():
    """``link_at(doc, i, lemma, kind="verb")``: the shipped linker's arguments for a trigger
    placed by hand at token ``i`` of a (hand-built) Doc, and ``text(span)``, the text of a
    token span or ``None``."""

    def link_at_(doc, i, lemma, kind="verb"):
        (args,) = link_arguments(doc, [Trigger(i, lemma, kind)], default_lexicon())
        return args, lambda span: _span_text(doc, span)

    return link_at_


@pytest.fixture(scope="session")
def actor_at(link_at):
    """``actor_at(doc, i, lemma)``: the actor's text (or ``None``) and the rule that gave it,
    for a verb trigger placed by hand at token ``i`` (``link_at``)."""

    def actor_at_(doc, i, lemma):
        args, text = link_at(doc, i, lemma)
        return text(args.actor), args.rules.get("actor")

    return actor_at_
