"""The ``agentless_count`` verdict (``actor.link_actor``): an existential "there be" that
counts occurrences (``triggers.is_counted_existential``) names no doer. The verdict is given
to any copula trigger with an expletive "there" and no actor, which is broader than that:
a locative copula with "there" (``triggers.is_locative_copula``, reached when the tagger
calls that "be" an auxiliary; tagged a verb, it is no trigger) gets it too, whatever it
places. The strict xfail records that gap (found in review, output left unchanged); it
passes, and must lose its mark, once the verdict is narrowed. Invented sentences, parsed by
hand the way spaCy's English pipeline parses them."""

from __future__ import annotations

import pytest


def _there_were_40(parse, noun, lemma):
    # There were 40 NOUN in Kursk .  ("were" tagged an auxiliary)
    return parse(
        [
            ("There", 1, "expl", "PRON", "EX", "there"),
            ("were", 1, "ROOT", "AUX", "VBD", "be"),
            ("40", 3, "nummod", "NUM", "CD", "40"),
            (noun, 1, "attr", "NOUN", "NNS", lemma),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("Kursk", 4, "pobj", "PROPN", "NNP", "Kursk"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(2, 3, "CARDINAL"), (5, 6, "GPE")],
    )


def test_counted_occurrences_are_agentless(link_at, parse):
    args, text = link_at(_there_were_40(parse, "cases", "case"), 1, "be", kind="copula")
    assert text(args.actor) is None and args.rules.get("actor") == "agentless_count"


@pytest.mark.xfail(strict=True, reason="agentless_count is given to any 'there be' copula without an actor, not only to counted occurrences")
@pytest.mark.parametrize("noun, lemma", [("boxes", "box"), ("soldiers", "soldier")])
def test_a_locative_there_be_counts_no_occurrences(link_at, parse, noun, lemma):
    args, _ = link_at(_there_were_40(parse, noun, lemma), 1, "be", kind="copula")
    assert args.rules.get("actor") != "agentless_count"
