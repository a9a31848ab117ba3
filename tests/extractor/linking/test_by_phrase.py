"""The object of a "by" phrase, looked up the same way by every actor rule that reads one
(``spans.by_objects``): each "by" child of the word, in order, gives its object, or None when it
has none; ``deps`` says which labels count and ``after`` leaves out phrases before a word
(invented sentences, parsed by hand the way spaCy's English pipeline parses them)."""

from __future__ import annotations

import pytest

from extractor.lexicon import default_lexicon
from extractor.linking.actor import _agentive_by_object
from extractor.linking.spans import by_objects as _by_objects
from extractor.linking.rules import Context

# "The town was shelled by night by Russia ."  (a "by" without object, then one with)
SHELLED = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("town", 3, "nsubjpass", "NOUN", "NN", "town"),
    ("was", 3, "auxpass", "AUX", "VBD", "be"),
    ("shelled", 3, "ROOT", "VERB", "VBN", "shell"),
    ("by", 3, "prep", "ADP", "IN", "by"),
    ("night", 4, "npadvmod", "NOUN", "NN", "night"),
    ("by", 3, "agent", "ADP", "IN", "by"),
    ("Russia", 6, "pobj", "PROPN", "NNP", "Russia"),
    (".", 3, "punct", "PUNCT", ".", "."),
]
# "Rebels faced a raid by troops by the river ."  ("by" phrases on the verb, after its object)
FACED = [
    ("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"),
    ("faced", 1, "ROOT", "VERB", "VBD", "face"),
    ("a", 3, "det", "DET", "DT", "a"),
    ("raid", 1, "dobj", "NOUN", "NN", "raid"),
    ("by", 1, "prep", "ADP", "IN", "by"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("river", 4, "pobj", "NOUN", "NN", "river"),
    ("by", 1, "prep", "ADP", "IN", "by"),
    ("troops", 7, "pobj", "NOUN", "NNS", "troop"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def _ctx(doc):
    return Context.of(doc, [], default_lexicon())


def _texts(found):
    return [None if t is None else t.text for t in found]


@pytest.mark.parametrize(
    "rows, head, deps, after, expected",
    [
        (SHELLED, 3, ("prep",), None, [None]),  # the phrase without object gives None
        (SHELLED, 3, ("agent",), None, ["Russia"]),
        (SHELLED, 3, ("prep", "agent"), None, [None, "Russia"]),  # in order
        (SHELLED, 3, ("prep", "agent"), 5, ["Russia"]),  # only after "night"
        (FACED, 1, ("prep",), None, ["river", "troops"]),
        (FACED, 1, ("prep",), 6, ["troops"]),
        (FACED, 3, ("prep",), None, []),  # the noun has no "by" phrase
    ],
)
def test_by_objects_gives_each_by_phrases_object_in_order(parse, rows, head, deps, after, expected):
    doc = parse(rows)
    ctx = _ctx(doc)
    found = _by_objects(ctx, doc[head], deps=deps, after=None if after is None else doc[after])
    assert _texts(found) == expected


@pytest.mark.parametrize(
    "rows, head, expected",
    [
        (FACED, 1, "troops"),  # "by the river" names no party; "by troops" does
        (SHELLED, 3, None),  # the only "by" prep has no object
    ],
)
def test_the_agentive_by_object_passes_over_what_cannot_act(parse, rows, head, expected):
    doc = parse(rows)
    found = _agentive_by_object(_ctx(doc), doc[head])
    assert (None if found is None else found.text) == expected
