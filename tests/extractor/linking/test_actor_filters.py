"""Actor filters of the rule linker (``extractor.linking.actor``), on hand-built parses (no
statistical model): the reporter of a trailing attribution is never the doer of what it
reports, and an activity named as a doer gives way to its owner. Each parse is written the
way spaCy's English pipeline parses the sentence (the misparses included), each expectation
by the annotation guide."""

from __future__ import annotations

import pytest


# --- the reporter of a trailing attribution ----------------------------------------------


@pytest.mark.parametrize(
    "head, head_lemma, actor",
    [
        ("reported", "report", "boy"),  # "..., media reported": the reporter is the source
        ("said", "say", "boy"),
        ("cried", "cry", "his father"),  # no reporting verb: the clause it hangs on does it
    ],
)
def test_a_clause_hung_on_a_trailing_attribution_takes_the_reported_subject(actor_at, parse, head, head_lemma, actor):
    # The boy fell into the well while harvesting vegetables , his father HEAD .
    # (the parser hangs "harvesting" on the last verb, as it does for "state media reported")
    doc = parse(
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("boy", 2, "nsubj", "NOUN", "NN", "boy"),
            ("fell", 13, "ccomp", "VERB", "VBD", "fall"),
            ("into", 2, "prep", "ADP", "IN", "into"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("well", 3, "pobj", "NOUN", "NN", "well"),
            ("while", 7, "mark", "SCONJ", "IN", "while"),
            ("harvesting", 13, "advcl", "VERB", "VBG", "harvest"),
            ("vegetables", 7, "dobj", "NOUN", "NNS", "vegetable"),
            (",", 13, "punct", "PUNCT", ",", ","),
            ("his", 11, "poss", "PRON", "PRP$", "his"),
            ("father", 13, "nsubj", "NOUN", "NN", "father"),
            ("then", 13, "advmod", "ADV", "RB", "then"),
            (head, 13, "ROOT", "VERB", "VBD", head_lemma),
            (".", 13, "punct", "PUNCT", ".", "."),
        ]
    )
    assert actor_at(doc, 7, "harvest") == (actor, "subject")


# --- an activity named as a doer ------------------------------------------------------------


@pytest.mark.parametrize(
    "noun, lemma, owner, ent, actor, rule",
    [
        ("activity", "activity", "Hezbollah", "ORG", "Hezbollah", "activity_owner"),  # its owner does it
        ("announcement", "announcement", "Comey", "PERSON", "Comey", "activity_owner"),
        ("transition", "transition", None, None, None, None),  # no owner: no actor
        ("army", "army", "Iran", "GPE", "Iran's army", "subject"),  # a body of people acts
        ("opposition", "opposition", None, None, "new opposition", "subject"),  # has a group sense
    ],
)
def test_an_activity_named_as_doer_gives_way_to_its_owner(actor_at, parse, noun, lemma, owner, ent, actor, rule):
    _activity_case(actor_at, parse, noun, lemma, owner, ent, actor, rule)


def test_a_bare_singular_in_a_headline_stays_the_actor(actor_at, parse):
    # "Legend attacked palace in Kyiv": WordNet lacks the person sense of "legend"
    doc = parse(
        [
            ("Legend", 1, "nsubj", "NOUN", "NN", "legend"),
            ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("palace", 1, "dobj", "NOUN", "NN", "palace"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("Kyiv", 3, "pobj", "PROPN", "NNP", "Kyiv"),
        ]
    )
    assert actor_at(doc, 1, "attack") == ("Legend", "subject")


@pytest.mark.parametrize(
    "noun, lemma, owner, ent, actor, rule",
    [
        ("legend", "legend", None, None, None, None),  # with a determiner: a story does nothing
    ],
)
def test_a_message_noun_with_a_determiner_is_no_doer(actor_at, parse, noun, lemma, owner, ent, actor, rule):
    _activity_case(actor_at, parse, noun, lemma, owner, ent, actor, rule)


def _activity_case(actor_at, parse, noun, lemma, owner, ent, actor, rule):
    # OWNER 's NOUN attacked the palace in Kyiv .  /  The new NOUN attacked ...
    if ent is not None:
        rows = [
            (owner, 2, "poss", "PROPN", "NNP", owner),
            ("'s", 0, "case", "PART", "POS", "'s"),
            (noun, 3, "nsubj", "NOUN", "NN", lemma),
        ]
        ents = [(0, 1, ent)]
    else:
        rows = [("The", 2, "det", "DET", "DT", "the"), ("new", 2, "amod", "ADJ", "JJ", "new"), (noun, 3, "nsubj", "NOUN", "NN", lemma)]
        ents = []
    rows += [
        ("attacked", 3, "ROOT", "VERB", "VBD", "attack"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("palace", 3, "dobj", "NOUN", "NN", "palace"),
        ("in", 3, "prep", "ADP", "IN", "in"),
        ("Kyiv", 6, "pobj", "PROPN", "NNP", "Kyiv"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents)
    assert actor_at(doc, 3, "attack") == (actor, rule)
