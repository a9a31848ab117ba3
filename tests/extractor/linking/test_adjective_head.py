"""The actor of a clause an adjective takes (``actor.adjective_head``): the noun the adjective
modifies, through the real model."""

from __future__ import annotations

import pytest

from extractor.lexicon import Lexicon
from extractor.linking import make_dep_linker
from extractor.triggers import find_triggers

LEXICON = Lexicon()

# (sentence, trigger, the actor expected, its rule)
CASES = [
    ("Libya pledged to eliminate ballistic missiles capable of traveling more than 300 km.", "traveling", "ballistic missiles", "adjective_head"),
    ("Iran built drones able to fly 2,000 km.", "fly", "drones", "adjective_head"),
    ("Officials eager to meet the delegation flew to Oslo.", "meet", "Officials", "adjective_head"),
    # a subject of its own comes first
    ("Officials said the drones were able to fly 2,000 km.", "fly", "drones", "subject"),
]


@pytest.mark.parametrize("text, word, actor, rule", CASES)
def test_the_noun_an_adjective_modifies_does_the_clause_it_takes(nlp, span_text, text, word, actor, rule):
    doc = nlp(text)
    triggers = find_triggers(doc, lexicon=LEXICON)
    i = next(t.i for t in triggers if doc[t.i].text == word)
    args = next(a for t, a in zip(triggers, make_dep_linker(LEXICON)(doc, triggers)) if t.i == i)
    assert span_text(doc, args.actor) == actor
    assert args.rules["actor"] == rule
