"""Actor reach of the rule linker (``extractor.linking.actor``) where a misparse hides the
actor: a second subject the parser hangs on a relative clause's verb, and a passive's "by"
phrase hung on the object of the verb's own prepositional phrase. Expectations by the
annotation guide (rule 2: the agent of a passive is its actor)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("verb, lemma", [("burned", "burn"), ("looted", "loot")])
def test_of_two_subjects_the_one_nearest_before_the_verb_is_its_own(actor_at, parse, verb, lemma):
    # The raid , in which gunman Ali VERB 12 shops in Lagos , shocked us .
    # (the parser hangs "raid", the noun the relative clause modifies, on VERB as a subject)
    doc = parse(
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("raid", 7, "nsubj", "NOUN", "NN", "raid"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("in", 7, "prep", "ADP", "IN", "in"),
            ("which", 3, "pobj", "PRON", "WDT", "which"),
            ("gunman", 6, "compound", "NOUN", "NN", "gunman"),
            ("Ali", 7, "nsubj", "PROPN", "NNP", "Ali"),
            (verb, 7, "ROOT", "VERB", "VBD", lemma),
            ("12", 9, "nummod", "NUM", "CD", "12"),
            ("shops", 7, "dobj", "NOUN", "NNS", "shop"),
            ("in", 9, "prep", "ADP", "IN", "in"),
            ("Lagos", 10, "pobj", "PROPN", "NNP", "Lagos"),
            (",", 7, "punct", "PUNCT", ",", ","),
            ("shocked", 7, "conj", "VERB", "VBD", "shock"),
            ("us", 13, "dobj", "PRON", "PRP", "we"),
            (".", 7, "punct", "PUNCT", ".", "."),
        ],
        ents=[(6, 7, "PERSON"), (11, 12, "GPE")],
    )
    assert actor_at(doc, 7, lemma) == ("gunman Ali", "subject")


def _low_by(parse, agent, agent_lemma, ent):
    # The villagers were shot in their home by AGENT .  ("by" hung on "home")
    rows = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("villagers", 3, "nsubjpass", "NOUN", "NNS", "villager"),
        ("were", 3, "auxpass", "AUX", "VBD", "be"),
        ("shot", 3, "ROOT", "VERB", "VBN", "shoot"),
        ("in", 3, "prep", "ADP", "IN", "in"),
        ("their", 6, "poss", "PRON", "PRP$", "their"),
        ("home", 4, "pobj", "NOUN", "NN", "home"),
        ("by", 6, "prep", "ADP", "IN", "by"),
        (agent, 7, "pobj", "NOUN" if ent is None else "PROPN", "NNS" if ent is None else "NNP", agent_lemma),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    return parse(rows, ents=[(8, 9, ent)] if ent else [])


@pytest.mark.parametrize(
    "agent, lemma, ent, actor, rule",
    [
        ("soldiers", "soldier", None, "soldiers", "low_agent"),  # people: the passive's agent
        ("Hamas", "Hamas", "ORG", "Hamas", "low_agent"),
        ("windows", "window", None, None, "agentless_passive"),  # "the home by the windows": no agent
    ],
)
def test_a_by_phrase_hung_on_the_verbs_prepositional_object_is_the_passives_agent(actor_at, parse, agent, lemma, ent, actor, rule):
    assert actor_at(_low_by(parse, agent, lemma, ent), 3, "shoot") == (actor, rule)


def test_a_by_phrase_before_the_verb_is_no_agent(linked):
    # the prepositional phrase must follow the passive verb
    doc, args = linked("In the report by the soldiers, two villagers were shot in Aleppo.", "shot")
    assert args.actor is None


def test_a_misread_negation_is_no_nearer_subject(actor_at, parse):
    # Ali has n’t left Lagos .  (the curly-quoted negation misread as a number subject)
    doc = parse(
        [
            ("Ali", 3, "nsubj", "PROPN", "NNP", "Ali"),
            ("has", 3, "aux", "AUX", "VBZ", "have"),
            ("n’t", 3, "nsubj", "NUM", "CD", "n’t"),
            ("left", 3, "ROOT", "VERB", "VBN", "leave"),
            ("Lagos", 3, "dobj", "PROPN", "NNP", "Lagos"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON"), (4, 5, "GPE")],
    )
    assert actor_at(doc, 3, "leave") == ("Ali", "subject")


@pytest.mark.parametrize(
    "text, word, actor",
    [
        ("The general was accused of genocide in the Darfur region in 2004.", "genocide", "general"),  # passive patient
        ("Prosecutors charged the mayor with bribery in Lagos last year.", "bribery", "mayor"),  # the object
        ("Omar Ali, accused of massacres in Darfur, fled to Chad in May.", "massacres", "Omar Ali"),  # participle's noun
    ],
)
def test_whom_a_verb_of_accusing_holds_to_a_deed_does_it(slot_of, text, word, actor):
    assert slot_of(text, word, "actor") == (actor, "accused")


def test_a_deed_after_a_verb_outside_the_accusing_class_names_no_doer(linked):
    # "reminded of": no one is held to the massacre
    doc, args = linked("The film reminded the mayor of the massacre in Lagos in 1990.", "massacre")
    assert args.rules.get("actor") != "accused"
