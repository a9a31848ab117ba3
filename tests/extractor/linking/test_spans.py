"""Noun phrases on hand-built parses: a phrase holds its noun's premodifiers only, so the
words of a headline the parser ran together stay out of an actor. A span trimmed of its
edges and of a bracket it opens and does not close. The word a relative "where"/"when"
clause modifies, found through its relative adverb."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import spacy
from spacy.tokens import Doc, Span

from extractor.linking import noun_phrase
from extractor.linking.spans import _trim, relative_adverb_antecedent
from extractor.syntax import child_tokens

VOCAB = spacy.blank("en").vocab


def make_doc(words, heads, deps, pos, ents=()):
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def phrase(doc, i, **kw):
    start, end = noun_phrase(doc[i], **kw)
    return doc[start:end].text


def test_a_clause_hung_before_the_noun_stays_out_of_its_phrase():
    # Rebels shell Kharkiv , one Ukrainian medic killed   (the parser hangs the first clause
    # on "medic", the root)
    doc = make_doc(
        ["Rebels", "shell", "Kharkiv", ",", "one", "Ukrainian", "medic", "killed"],
        heads=[1, 6, 1, 6, 6, 6, 6, 6],
        deps=["nsubj", "ccomp", "dobj", "punct", "nummod", "amod", "ROOT", "acl"],
        pos=["NOUN", "VERB", "PROPN", "PUNCT", "NUM", "ADJ", "NOUN", "VERB"],
    )
    assert phrase(doc, 6) == "one Ukrainian medic"
    assert phrase(doc, 6, numbers=False) == "Ukrainian medic"


def test_a_clause_inside_a_premodifier_ends_the_phrase():
    # Officials say Kenyan police officers   ("say" a clause inside the modifier "Kenyan")
    doc = make_doc(
        ["Officials", "say", "Kenyan", "police", "officers"],
        heads=[1, 2, 4, 4, 4],
        deps=["nsubj", "ccomp", "amod", "compound", "ROOT"],
        pos=["NOUN", "VERB", "ADJ", "NOUN", "NOUN"],
    )
    assert phrase(doc, 4) == "Kenyan police officers"


def test_an_actor_phrase_starts_after_its_count():
    # Photo Agency 9 Chilean miners   (a credit the parser made a compound of the noun)
    doc = make_doc(
        ["Photo", "Agency", "9", "Chilean", "miners"],
        heads=[1, 4, 4, 4, 4],
        deps=["compound", "compound", "nummod", "amod", "ROOT"],
        pos=["NOUN", "PROPN", "NUM", "ADJ", "NOUN"],
    )
    assert phrase(doc, 4, numbers=False) == "Chilean miners"
    # with its count, a quantity keeps what the parser joined
    assert phrase(doc, 4) == "Photo Agency 9 Chilean miners"


def test_premodifiers_and_names_stay():
    # the US - backed Syrian Democratic Forces
    doc = make_doc(
        ["the", "US", "-", "backed", "Syrian", "Democratic", "Forces"],
        heads=[6, 3, 3, 6, 6, 6, 6],
        deps=["det", "npadvmod", "punct", "amod", "compound", "compound", "ROOT"],
        pos=["DET", "PROPN", "PUNCT", "VERB", "PROPN", "PROPN", "PROPN"],
        ents=[(4, 7, "ORG")],
    )
    assert phrase(doc, 6) == "US - backed Syrian Democratic Forces"


def test_the_entity_index_gives_each_sentences_entities_as_spacy_does(nlp):
    """``EntityIndex.within`` stands for ``Span.ents`` (which rebuilds every entity of the
    document per call): the same entities, sentence by sentence, and for spans cutting entities."""
    from pathlib import Path

    from extractor.syntax import EntityIndex, entity_span

    root = Path(__file__).resolve().parents[3]
    doc = nlp((root / "seeds" / "000_7a868387a849ac37.txt").read_text(encoding="utf-8"))
    index = EntityIndex(doc)
    assert index.ents == tuple(doc.ents) and len(index.ents) > 10
    for sent in doc.sents:
        assert index.within(sent.start, sent.end) == list(sent.ents)
    for start in range(0, len(doc) - 5, 7):  # spans that start or end inside an entity
        assert index.within(start, start + 5) == list(doc[start : start + 5].ents)
    for token in doc:
        want = next(((e.start, e.end) for e in doc.ents if e.start <= token.i < e.end), None)
        assert entity_span(token) == want


# the bases where rebels train and fight   ("where" on the clause's first verb, or, as the
# parser sometimes hangs it, on the verb coordinated with it)
WHERE_ON_FIRST = dict(heads=[1, 1, 4, 4, 1, 4, 4], deps=["det", "ROOT", "advmod", "nsubj", "relcl", "cc", "conj"])
WHERE_ON_CONJ = dict(heads=[1, 1, 6, 4, 1, 4, 4], deps=["det", "ROOT", "advmod", "nsubj", "relcl", "cc", "conj"])
WHERE_ADVCL = dict(heads=[1, 1, 4, 4, 1, 4, 4], deps=["det", "ROOT", "advmod", "nsubj", "advcl", "cc", "conj"])


@pytest.mark.parametrize(
    ("parse", "adverb", "kw", "expected"),
    [
        (WHERE_ON_FIRST, "where", {}, "bases"),
        (WHERE_ON_FIRST, "where", {"dep": "advmod"}, "bases"),
        (WHERE_ON_FIRST, "where", {"dep": "mark"}, None),  # the adverb's relation is asked for
        (WHERE_ON_FIRST, "when", {}, None),  # another relative adverb
        (WHERE_ON_CONJ, "where", {}, None),  # on the coordinated verb: only with conjuncts
        (WHERE_ON_CONJ, "where", {"conjuncts": True}, "bases"),
        (WHERE_ADVCL, "where", {"conjuncts": True}, None),  # no relative clause
    ],
)
def test_relative_adverb_antecedent(parse, adverb, kw, expected):
    doc = make_doc(
        ["the", "bases", "where", "rebels", "train", "and", "fight"],
        pos=["DET", "NOUN", "ADV", "NOUN", "VERB", "CCONJ", "VERB"],
        **parse,
    )
    ctx = SimpleNamespace(children=child_tokens)
    head = relative_adverb_antecedent(ctx, doc[4], adverb, **kw)
    assert (head.text if head is not None else None) == expected


# the town ( near Kharkiv ) and ( the river ,
BRACKETS = dict(
    words=["the", "town", "(", "near", "Kharkiv", ")", "and", "(", "the", "river", ","],
    heads=[1, 1, 3, 1, 3, 3, 1, 9, 9, 1, 1],
    deps=["det", "ROOT", "punct", "prep", "pobj", "punct", "cc", "punct", "det", "conj", "punct"],
    pos=["DET", "NOUN", "PUNCT", "ADP", "PROPN", "PUNCT", "CCONJ", "PUNCT", "DET", "NOUN", "PUNCT"],
)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 2, "town"),  # a leading determiner goes
        (0, 5, "town"),  # a bracket opened and not closed ends the span before it
        (2, 5, ""),  # ... nothing left when the span starts with it
        (3, 6, "near Kharkiv"),  # a trailing bracket is punctuation
        (0, 11, "town ( near Kharkiv"),  # the last bracket is unclosed: before it, then "and" and ")" go
        (0, 40, "town ( near Kharkiv"),  # an end past the document reads as its end
    ],
)
def test_trim(start, end, expected):
    doc = make_doc(**BRACKETS)
    first, last = _trim(doc, start, end)
    assert doc[first:last].text == expected
