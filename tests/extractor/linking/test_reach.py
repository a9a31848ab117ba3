"""Argument reach of the rule linker, on hand-built parses (no statistical model): places
after prepositions of position beyond "in"/"at"/"on", and ages that the NER tags DATE.
Each parse is written the way spaCy's English pipeline parses the sentence (the misparses
included), each expectation by the annotation guide."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from extractor.linking.rules import shipped_words
from extractor.linking.spans import is_age

# --- places after prepositions of position (static_preps) ---------------------------------


@pytest.mark.parametrize(
    "prep, place, label",
    [
        ("outside", "Tower", "FAC"),  # "protested outside Trump Tower"
        ("over", "Syria", "GPE"),  # "shot down a jet over Syria"
        ("off", "Libya", "GPE"),  # "sank off Libya"
        ("around", "Kyiv", "GPE"),
        ("near", "Rafah", "GPE"),  # already a static preposition: unchanged
    ],
)
def test_a_place_after_a_preposition_of_position_is_where_the_event_happens(link_at, parse, prep, place, label):
    # Rebels attacked a convoy PREP PLACE .
    doc = parse(
        [
            ("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"),
            ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("a", 3, "det", "DET", "DT", "a"),
            ("convoy", 1, "dobj", "NOUN", "NN", "convoy"),
            (prep, 1, "prep", "ADP", "IN", prep),
            (place, 4, "pobj", "PROPN", "NNP", place),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(5, 6, label)],
    )
    args, text = link_at(doc, 1, "attack")
    assert text(args.location) == place
    assert args.rules["location"] == "static_place"


@pytest.mark.parametrize("prep", ["over", "under", "around"])
def test_a_preposition_of_position_before_no_place_gives_no_location(link_at, parse, prep):
    # Russia imposed sanctions PREP the dispute .
    doc = parse(
        [
            ("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"),
            ("imposed", 1, "ROOT", "VERB", "VBD", "impose"),
            ("sanctions", 1, "dobj", "NOUN", "NNS", "sanction"),
            (prep, 1, "prep", "ADP", "IN", prep),
            ("the", 5, "det", "DET", "DT", "the"),
            ("dispute", 3, "pobj", "NOUN", "NN", "dispute"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "GPE")],
    )
    args, _ = link_at(doc, 1, "impose")
    assert args.location is None


# --- ages: a DATE entity that says how old someone is ---------------------------------------

# "The six-year-old fell into the well" as spaCy parses it: "old" the subject, the age a DATE
SIX_YEAR_OLD_FELL = [
    ("The", 5, "det", "DET", "DT", "the"),
    ("six", 3, "nummod", "NUM", "CD", "six"),
    ("-", 3, "punct", "PUNCT", "HYPH", "-"),
    ("year", 5, "npadvmod", "NOUN", "NN", "year"),
    ("-", 5, "punct", "PUNCT", "HYPH", "-"),
    ("old", 6, "nsubj", "ADJ", "JJ", "old"),
    ("fell", 6, "ROOT", "VERB", "VBD", "fall"),
    ("into", 6, "prep", "ADP", "IN", "into"),
    ("the", 9, "det", "DET", "DT", "the"),
    ("well", 7, "pobj", "NOUN", "NN", "well"),
    ("on", 6, "prep", "ADP", "IN", "on"),
    ("Sunday", 10, "pobj", "PROPN", "NNP", "Sunday"),
    (".", 6, "punct", "PUNCT", ".", "."),
]


def test_an_age_heading_the_subject_is_the_actor_and_no_date(link_at, parse):
    doc = parse(SIX_YEAR_OLD_FELL, ents=[(1, 6, "DATE"), (11, 12, "DATE")])
    args, text = link_at(doc, 6, "fall")
    assert text(args.actor) == "six-year-old"
    assert args.rules["actor"] == "subject"
    assert text(args.date) == "on Sunday"


def test_an_age_is_never_the_date(link_at, parse):
    doc = parse(SIX_YEAR_OLD_FELL[:10] + [(".", 6, "punct", "PUNCT", ".", ".")], ents=[(1, 6, "DATE")])
    args, text = link_at(doc, 6, "fall")
    assert args.date is None


@pytest.mark.parametrize(
    "words, ent, token, expected",
    [
        (["a", "six", "-", "year", "-", "old", "boy"], (1, 6), 1, True),  # closed by "old"
        (["six", "years", "old"], (0, 3), 1, True),
        (["a", "man", "aged", "45"], (3, 4), 3, True),  # opened by "aged"
        (["at", "age", "45"], (2, 3), 2, True),
        (["six", "years", "ago"], (0, 3), 0, False),  # a date
        (["last", "year"], (0, 2), 1, False),
        (["the", "Bronze", "Age"], (1, 3), 1, False),  # an era: "age" closes it, it opens no age
    ],
)
def test_is_age(words, ent, token, expected):
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, ent[0], ent[1], label="DATE")]
    assert is_age(doc[token], shipped_words()) is expected


# --- a participle the parser read as a complement clause after the object ("participle_head") ---


@pytest.mark.parametrize(
    "tag, lemma, actor, rule",
    [
        # "soothed supporters gathered outside": the tagger's past tense, the supporters gathered
        ("VBD", "gather", "supporters", "participle_head"),
        # "saw fighters killed outside": a past participle of a verb taking an object, the
        # fighters its patient, no actor
        ("VBN", "kill", None, "agentless_participle"),
    ],
)
def test_a_participle_right_after_the_object_takes_the_object_as_its_noun(link_at, parse, tag, lemma, actor, rule):
    # She soothed supporters PARTICIPLE outside the Center on Monday .
    doc = parse(
        [
            ("She", 1, "nsubj", "PRON", "PRP", "she"),
            ("soothed", 1, "ROOT", "VERB", "VBD", "soothe"),
            ("supporters", 1, "dobj", "NOUN", "NNS", "supporter"),
            ("went", 1, "ccomp", "VERB", tag, lemma),
            ("outside", 3, "prep", "ADP", "IN", "outside"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("Center", 4, "pobj", "PROPN", "NNP", "Center"),
            ("on", 3, "prep", "ADP", "IN", "on"),
            ("Monday", 7, "pobj", "PROPN", "NNP", "Monday"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(6, 7, "FAC"), (8, 9, "DATE")],
    )
    args, text = link_at(doc, 3, lemma)
    assert text(args.actor) == actor
    assert args.rules["actor"] == rule


def test_a_complement_clause_with_its_own_subject_is_no_participle(link_at, parse):
    # She said supporters gathered outside the Center on Monday .  ("supporters" the subject)
    doc = parse(
        [
            ("She", 1, "nsubj", "PRON", "PRP", "she"),
            ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("supporters", 3, "nsubj", "NOUN", "NNS", "supporter"),
            ("gathered", 1, "ccomp", "VERB", "VBD", "gather"),
            ("outside", 3, "prep", "ADP", "IN", "outside"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("Center", 4, "pobj", "PROPN", "NNP", "Center"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(6, 7, "FAC")],
    )
    args, text = link_at(doc, 3, "gather")
    assert (text(args.actor), args.rules["actor"]) == ("supporters", "subject")


# --- a named place modifying the object ("object_place_modifier") ----------------------------


@pytest.mark.parametrize(
    "modifier, obj, location",
    [
        (["Kabul"], "hotel", "Kabul"),  # "attacked a Kabul hotel"
        (["UK", "-", "based"], "company", "UK"),  # "acquired the UK-based company"
        (["UK"], "ambassador", None),  # "met the UK ambassador": whom he serves, not where
        (["US"], "citizenship", None),  # "questioned his US citizenship": a state, not a thing placed
    ],
)
def test_a_named_place_modifying_the_object_places_the_event(link_at, parse, modifier, obj, location):
    # Gunmen attacked a MODIFIER OBJECT .
    n = len(modifier)
    obj_i = 3 + n
    if n == 1:
        mod_rows = [(modifier[0], obj_i, "compound", "PROPN", "NNP", modifier[0])]
        ents = [(3, 4, "GPE")]
    else:  # "UK - based": the place hangs on the participle, which modifies the object
        mod_rows = [
            (modifier[0], 5, "npadvmod", "PROPN", "NNP", modifier[0]),
            ("-", 5, "punct", "PUNCT", "HYPH", "-"),
            ("based", obj_i, "amod", "VERB", "VBN", "base"),
        ]
        ents = [(3, 4, "GPE")]
    doc = parse(
        [
            ("Gunmen", 1, "nsubj", "NOUN", "NNS", "gunman"),
            ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("a", obj_i, "det", "DET", "DT", "a"),
            *mod_rows,
            (obj, 1, "dobj", "NOUN", "NN", obj),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=ents,
    )
    args, text = link_at(doc, 1, "attack")
    assert text(args.location) == location
    if location is not None:
        assert args.rules["location"] == "object_place_modifier"


# --- a gerund object: the verb that takes it gives its actor (``_governing``) ----------------


@pytest.mark.parametrize(
    "tag, actor",
    [
        ("VBG", "Obama"),  # "Obama describes meeting Trump": Obama met him
        ("NN", None),  # a noun object is no clause: nothing to climb to
    ],
)
def test_the_subject_of_the_verb_does_its_gerund_object(link_at, parse, tag, actor):
    # Obama describes meeting Trump at the White House .
    doc = parse(
        [
            ("Obama", 1, "nsubj", "PROPN", "NNP", "Obama"),
            ("describes", 1, "ROOT", "VERB", "VBZ", "describe"),
            ("meeting", 1, "dobj", "VERB" if tag == "VBG" else "NOUN", tag, "meet"),
            ("Trump", 2, "dobj", "PROPN", "NNP", "Trump"),
            ("at", 2, "prep", "ADP", "IN", "at"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("House", 4, "pobj", "PROPN", "NNP", "House"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON"), (3, 4, "PERSON"), (6, 7, "FAC")],
    )
    args, text = link_at(doc, 2, "meet")
    assert text(args.actor) == actor
