"""A passive's "by" phrase that the parser hangs on the object of the verb's own
preposition still names the actor (invented sentences)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, word, actor",
    [
        ("Five soldiers were killed in an ambush by insurgents.", "killed", "insurgents"),
        # not a party: "by" naming a place or a means
        ("Five soldiers were killed in an ambush by the river.", "killed", None),
    ],
)
def test_a_by_phrase_under_the_verbs_preposition_names_the_agent(linked, span_text, text, word, actor):
    doc, args = linked(text, word)
    assert span_text(doc, args.actor) == actor
