"""Rule tests on hand-built parses: no statistical model involved."""

from dataclasses import dataclass

import pytest
from spacy.tokens import Doc, Span
import spacy

from extractor.lexicon import Lexicon, is_agent_noun, verb_of_nominal
from extractor.linking import link_arguments
from extractor.linking.spans import _is_man_compound
from extractor.triggers import Trigger, find_triggers


VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, like_num), no model


def make_doc(words, heads, deps, pos, tags=None, lemmas=None, ents=()):
    vocab = VOCAB
    doc = Doc(
        vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags or ["" for _ in words],
        lemmas=lemmas or [w.lower() for w in words],
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def texts(doc, span):
    return None if span is None else doc[span[0] : span[1]].text


def test_active_verb_with_object_destination_and_date():
    # Russia sent 500 troops to Kursk last week .
    doc = make_doc(
        ["Russia", "sent", "500", "troops", "to", "Kursk", "last", "week", "."],
        heads=[1, 1, 3, 1, 1, 4, 7, 1, 1],
        deps=["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "amod", "npadvmod", "punct"],
        pos=["PROPN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "ADJ", "NOUN", "PUNCT"],
        tags=["NNP", "VBD", "CD", "NNS", "IN", "NNP", "JJ", "NN", "."],
        lemmas=["Russia", "send", "500", "troop", "to", "Kursk", "last", "week", "."],
        ents=[(0, 1, "GPE"), (2, 3, "CARDINAL"), (5, 6, "GPE"), (6, 8, "DATE")],
    )
    triggers = find_triggers(doc, lexicon=Lexicon())
    assert [t.lemma for t in triggers] == ["send"]
    (args,) = link_arguments(doc, triggers)
    assert texts(doc, args.actor) == "Russia"
    assert texts(doc, args.quantity) == "500 troops"
    assert texts(doc, args.location) == "Kursk"
    assert texts(doc, args.date) == "last week"
    assert triggers[0].modality == "asserted"


def test_control_verb_passes_subject_and_marks_plan():
    # North Korea plans to send troops to Russia .
    doc = make_doc(
        ["North", "Korea", "plans", "to", "send", "troops", "to", "Russia", "."],
        heads=[1, 2, 2, 4, 2, 4, 4, 6, 2],
        deps=["compound", "nsubj", "ROOT", "aux", "xcomp", "dobj", "prep", "pobj", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PART", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        tags=["NNP", "NNP", "VBZ", "TO", "VB", "NNS", "IN", "NNP", "."],
        lemmas=["North", "Korea", "plan", "to", "send", "troop", "to", "Russia", "."],
        ents=[(0, 2, "GPE"), (7, 8, "GPE")],
    )
    triggers = find_triggers(doc, lexicon=Lexicon())
    assert [t.lemma for t in triggers] == ["send"]  # "plan" is not an event of its own
    assert triggers[0].modality == "planned"
    (args,) = link_arguments(doc, triggers)
    assert texts(doc, args.actor) == "North Korea"
    assert texts(doc, args.location) == "Russia"


def test_passive_agent_is_the_actor_and_negation_is_kept():
    # Shells were not delivered by Pyongyang to Moscow .
    doc = make_doc(
        ["Shells", "were", "not", "delivered", "by", "Pyongyang", "to", "Moscow", "."],
        heads=[3, 3, 3, 3, 3, 4, 3, 6, 3],
        deps=["nsubjpass", "auxpass", "neg", "ROOT", "agent", "pobj", "prep", "pobj", "punct"],
        pos=["NOUN", "AUX", "PART", "VERB", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
        tags=["NNS", "VBD", "RB", "VBN", "IN", "NNP", "IN", "NNP", "."],
        lemmas=["shell", "be", "not", "deliver", "by", "Pyongyang", "to", "Moscow", "."],
        ents=[(5, 6, "GPE"), (7, 8, "GPE")],
    )
    triggers = find_triggers(doc, lexicon=Lexicon())
    assert [(t.lemma, t.modality) for t in triggers] == [("deliver", "negated")]
    (args,) = link_arguments(doc, triggers)
    assert texts(doc, args.actor) == "Pyongyang"
    assert texts(doc, args.location) == "Moscow"


def test_participle_clause_takes_main_subject():
    # After dispatching 11,000 troops , Russia moved .
    doc = make_doc(
        ["After", "dispatching", "11,000", "troops", ",", "Russia", "moved", "."],
        heads=[6, 0, 3, 1, 6, 6, 6, 6],
        deps=["prep", "pcomp", "nummod", "dobj", "punct", "nsubj", "ROOT", "punct"],
        pos=["ADP", "VERB", "NUM", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT"],
        tags=["IN", "VBG", "CD", "NNS", ",", "NNP", "VBD", "."],
        lemmas=["after", "dispatch", "11,000", "troop", ",", "Russia", "move", "."],
        ents=[(2, 3, "CARDINAL"), (5, 6, "GPE")],
    )
    triggers = find_triggers(doc, lexicon=Lexicon())
    dispatch = [t for t in triggers if t.lemma == "dispatch"]
    assert dispatch
    args = link_arguments(doc, dispatch)[0]
    assert texts(doc, args.actor) == "Russia"
    assert texts(doc, args.quantity) == "11,000 troops"


def test_reporting_verb_becomes_source_not_event():
    # Officials said Russia sent troops to Kursk .
    doc = make_doc(
        ["Officials", "said", "Russia", "sent", "troops", "to", "Kursk", "."],
        heads=[1, 1, 3, 1, 3, 3, 5, 1],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "prep", "pobj", "punct"],
        pos=["NOUN", "VERB", "PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        tags=["NNS", "VBD", "NNP", "VBD", "NNS", "IN", "NNP", "."],
        lemmas=["official", "say", "Russia", "send", "troop", "to", "Kursk", "."],
        ents=[(2, 3, "GPE"), (6, 7, "GPE")],
    )
    triggers = find_triggers(doc, lexicon=Lexicon())
    assert [t.lemma for t in triggers] == ["send"]
    assert texts(doc, triggers[0].source) == "Officials"


def test_locative_copula_is_a_be_event():
    # 12,000 soldiers are in Russia .
    doc = make_doc(
        ["12,000", "soldiers", "are", "in", "Russia", "."],
        heads=[1, 2, 2, 2, 3, 2],
        deps=["nummod", "nsubj", "ROOT", "prep", "pobj", "punct"],
        pos=["NUM", "NOUN", "AUX", "ADP", "PROPN", "PUNCT"],
        tags=["CD", "NNS", "VBP", "IN", "NNP", "."],
        lemmas=["12,000", "soldier", "be", "in", "Russia", "."],
        ents=[(0, 1, "CARDINAL"), (4, 5, "GPE")],
    )
    triggers = find_triggers(doc, lexicon=Lexicon())
    assert [(t.lemma, t.kind) for t in triggers] == [("be", "copula")]
    (args,) = link_arguments(doc, triggers)
    assert texts(doc, args.actor) == "soldiers"
    assert texts(doc, args.quantity) == "12,000 soldiers"
    assert texts(doc, args.location) == "Russia"


def test_question_yields_no_trigger():
    # Why would Russia send troops ?
    doc = make_doc(
        ["Why", "would", "Russia", "send", "troops", "?"],
        heads=[3, 3, 3, 3, 3, 3],
        deps=["advmod", "aux", "nsubj", "ROOT", "dobj", "punct"],
        pos=["SCONJ", "AUX", "PROPN", "VERB", "NOUN", "PUNCT"],
        lemmas=["why", "would", "Russia", "send", "troop", "?"],
    )
    assert find_triggers(doc, lexicon=Lexicon()) == []


@pytest.mark.parametrize(
    "noun, verb",
    [("deployment", "deploy"), ("delivery", "deliver"), ("mobilization", "mobilize"), ("reconstruction", "reconstruct"), ("presence", "be"), ("table", None)],
)
def test_nominalizations(noun, verb):
    verbs = frozenset({"deploy", "deliver", "mobilize", "reconstruct", "tab"})
    assert verb_of_nominal(noun, verbs=verbs) == verb


# One hand-built parse, one trigger, and the slot texts expected of its arguments (None: the slot stays empty).
@dataclass(frozen=True)
class LinkCase:
    name: str
    words: list
    heads: list
    deps: list
    pos: list
    tags: list
    lemmas: list
    trigger: Trigger
    expect: dict
    ents: tuple | list = ()


LINK_CASES = [
    LinkCase(
        # They came to Oslo to protest .
        "place_of_the_governing_clause_holds_for_a_purpose_clause",
        words=["They", "came", "to", "Oslo", "to", "protest", "."],
        heads=[1, 1, 1, 2, 5, 1, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "aux", "advcl", "punct"],
        pos=["PRON", "VERB", "ADP", "PROPN", "PART", "VERB", "PUNCT"],
        tags=["PRP", "VBD", "IN", "NNP", "TO", "VB", "."],
        lemmas=["they", "come", "to", "Oslo", "to", "protest", "."],
        ents=[(3, 4, "GPE")],
        trigger=Trigger(5, "protest", "verb"),
        expect={"location": "Oslo"},
    ),
    LinkCase(
        # They said in Oslo that troops attacked .
        "place_of_a_reporting_clause_is_not_the_reported_event_s",
        words=["They", "said", "in", "Oslo", "that", "troops", "attacked", "."],
        heads=[1, 1, 1, 2, 6, 6, 1, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "mark", "nsubj", "ccomp", "punct"],
        pos=["PRON", "VERB", "ADP", "PROPN", "SCONJ", "NOUN", "VERB", "PUNCT"],
        tags=["PRP", "VBD", "IN", "NNP", "IN", "NNS", "VBD", "."],
        lemmas=["they", "say", "in", "Oslo", "that", "troop", "attack", "."],
        ents=[(3, 4, "GPE")],
        trigger=Trigger(6, "attack", "verb"),
        expect={"actor": "troops", "location": None},
    ),
    LinkCase(
        # Peru has conducted 12 tests .  (the parser hangs the subject on "has")
        "subject_attached_to_the_auxiliary",
        words=["Peru", "has", "conducted", "12", "tests", "."],
        heads=[1, 2, 2, 4, 2, 2],
        deps=["nsubj", "aux", "ROOT", "nummod", "dobj", "punct"],
        pos=["PROPN", "AUX", "VERB", "NUM", "NOUN", "PUNCT"],
        tags=["NNP", "VBZ", "VBN", "CD", "NNS", "."],
        lemmas=["Peru", "have", "conduct", "12", "test", "."],
        ents=[(0, 1, "GPE"), (3, 4, "CARDINAL")],
        trigger=Trigger(2, "conduct", "verb"),
        expect={"actor": "Peru"},
    ),
    LinkCase(
        # The attackers fled .
        "agent_noun_is_its_own_actor",
        words=["The", "attackers", "fled", "."],
        heads=[1, 2, 2, 2],
        deps=["det", "nsubj", "ROOT", "punct"],
        pos=["DET", "NOUN", "VERB", "PUNCT"],
        tags=["DT", "NNS", "VBD", "."],
        lemmas=["the", "attacker", "flee", "."],
        trigger=Trigger(1, "attack", "noun"),
        expect={"actor": "attackers"},
    ),
    LinkCase(
        # Brazil is a supplier .
        "agent_noun_predicated_of_a_subject",
        words=["Brazil", "is", "a", "supplier", "."],
        heads=[1, 1, 3, 1, 1],
        deps=["nsubj", "ROOT", "det", "attr", "punct"],
        pos=["PROPN", "AUX", "DET", "NOUN", "PUNCT"],
        tags=["NNP", "VBZ", "DT", "NN", "."],
        lemmas=["Brazil", "be", "a", "supplier", "."],
        ents=[(0, 1, "GPE")],
        trigger=Trigger(3, "supply", "noun"),
        expect={"actor": "Brazil"},
    ),
    LinkCase(
        # The deployment ended .
        "event_noun_is_not_an_agent_noun",
        words=["The", "deployment", "ended", "."],
        heads=[1, 2, 2, 2],
        deps=["det", "nsubj", "ROOT", "punct"],
        pos=["DET", "NOUN", "VERB", "PUNCT"],
        tags=["DT", "NN", "VBD", "."],
        lemmas=["the", "deployment", "end", "."],
        trigger=Trigger(1, "deploy", "noun"),
        expect={"actor": None},
    ),
    LinkCase(
        # The 30-day ceasefire ended .
        "a_duration_modifying_an_event_noun_is_not_its_date",
        words=["The", "30-day", "ceasefire", "ended", "."],
        heads=[2, 2, 3, 3, 3],
        deps=["det", "amod", "nsubj", "ROOT", "punct"],
        pos=["DET", "ADJ", "NOUN", "VERB", "PUNCT"],
        tags=["DT", "JJ", "NN", "VBD", "."],
        lemmas=["the", "30-day", "ceasefire", "end", "."],
        ents=[(1, 2, "DATE")],
        trigger=Trigger(2, "ceasefire", "noun"),
        expect={"date": None},
    ),
    LinkCase(
        # Iraq 's attacks on ships
        "possessor_of_an_event_noun_is_its_actor_not_its_place",
        words=["Iraq", "'s", "attacks", "on", "ships"],
        heads=[2, 0, 2, 2, 3],
        deps=["poss", "case", "ROOT", "prep", "pobj"],
        pos=["PROPN", "PART", "NOUN", "ADP", "NOUN"],
        tags=["NNP", "POS", "NNS", "IN", "NNS"],
        lemmas=["Iraq", "'s", "attack", "on", "ship"],
        ents=[(0, 1, "GPE")],
        trigger=Trigger(2, "attack", "noun"),
        expect={"actor": "Iraq", "location": None},
    ),
    LinkCase(
        # Syria 's civil war
        "possessor_of_a_situation_noun_is_its_place",
        words=["Syria", "'s", "civil", "war"],
        heads=[3, 0, 3, 3],
        deps=["poss", "case", "amod", "ROOT"],
        pos=["PROPN", "PART", "ADJ", "NOUN"],
        tags=["NNP", "POS", "JJ", "NN"],
        lemmas=["Syria", "'s", "civil", "war"],
        ents=[(0, 1, "GPE")],
        trigger=Trigger(3, "war", "noun"),
        expect={"location": "Syria"},
    ),
    LinkCase(
        # the Gulf War
        "proper_event_noun_takes_its_place_modifier",
        words=["the", "Gulf", "War"],
        heads=[2, 2, 2],
        deps=["det", "compound", "ROOT"],
        pos=["DET", "PROPN", "PROPN"],
        tags=["DT", "NNP", "NNP"],
        lemmas=["the", "Gulf", "War"],
        ents=[(1, 2, "LOC")],
        trigger=Trigger(2, "war", "noun"),
        expect={"location": "Gulf"},
    ),
    LinkCase(
        # In the capital , gangs engaged in kidnapping .
        "event_noun_under_a_preposition_takes_the_verb_s_place",
        words=["In", "the", "capital", ",", "gangs", "engaged", "in", "kidnapping", "."],
        heads=[5, 2, 0, 5, 5, 5, 5, 6, 5],
        deps=["prep", "det", "pobj", "punct", "nsubj", "ROOT", "prep", "pobj", "punct"],
        pos=["ADP", "DET", "NOUN", "PUNCT", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"],
        tags=["IN", "DT", "NN", ",", "NNS", "VBD", "IN", "NN", "."],
        lemmas=["in", "the", "capital", ",", "gang", "engage", "in", "kidnapping", "."],
        trigger=Trigger(7, "kidnap", "noun"),
        expect={"location": "capital"},
    ),
    LinkCase(
        # Troops helped in the restoration of Kursk .  ("of Kursk" is what is restored)
        "event_noun_under_a_preposition_is_not_its_own_verb_place",
        words=["Troops", "helped", "in", "the", "restoration", "of", "Kursk", "."],
        heads=[1, 1, 1, 4, 2, 4, 5, 1],
        deps=["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
        pos=["NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
        tags=["NNS", "VBD", "IN", "DT", "NN", "IN", "NNP", "."],
        lemmas=["troop", "help", "in", "the", "restoration", "of", "Kursk", "."],
        ents=[(6, 7, "GPE")],
        trigger=Trigger(4, "restore", "noun"),
        expect={"location": None},
    ),
    LinkCase(
        # Troops stayed in a state of alert .
        "place_noun_in_its_abstract_sense_is_no_place",
        words=["Troops", "stayed", "in", "a", "state", "of", "alert", "."],
        heads=[1, 1, 1, 4, 2, 4, 5, 1],
        deps=["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
        pos=["NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "NOUN", "PUNCT"],
        tags=["NNS", "VBD", "IN", "DT", "NN", "IN", "NN", "."],
        lemmas=["troop", "stay", "in", "a", "state", "of", "alert", "."],
        trigger=Trigger(1, "stay", "verb"),
        expect={"location": None},
    ),
    LinkCase(
        # Cuba received tractors from Belarus .  (the parser hangs "from" on "tractors")
        "giver_of_a_getting_verb_is_no_origin_when_hung_on_the_object",
        words=["Cuba", "received", "tractors", "from", "Belarus", "."],
        heads=[1, 1, 1, 2, 3, 1],
        deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        tags=["NNP", "VBD", "NNS", "IN", "NNP", "."],
        lemmas=["Cuba", "receive", "tractor", "from", "Belarus", "."],
        ents=[(0, 1, "GPE"), (4, 5, "GPE")],
        trigger=Trigger(1, "receive", "verb"),
        expect={"actor": "Cuba", "location": None},
    ),
    LinkCase(
        # the assassination in Medellin of two reporters from Colombia  ("of" hung on "Medellin")
        "named_place_does_not_take_a_following_of_phrase",
        words=["the", "assassination", "in", "Medellin", "of", "two", "reporters", "from", "Colombia"],
        heads=[1, 1, 1, 2, 3, 6, 4, 6, 7],
        deps=["det", "ROOT", "prep", "pobj", "prep", "nummod", "pobj", "prep", "pobj"],
        pos=["DET", "NOUN", "ADP", "PROPN", "ADP", "NUM", "NOUN", "ADP", "PROPN"],
        tags=["DT", "NN", "IN", "NNP", "IN", "CD", "NNS", "IN", "NNP"],
        lemmas=["the", "assassination", "in", "Medellin", "of", "two", "reporter", "from", "Colombia"],
        ents=[(3, 4, "GPE"), (5, 6, "CARDINAL"), (8, 9, "GPE")],
        trigger=Trigger(1, "assassinate", "noun"),
        expect={"location": "Medellin"},
    ),
    LinkCase(
        # The UN called on Chad to withdraw troops .
        "prepositional_object_of_a_control_verb_performs_its_complement",
        words=["The", "UN", "called", "on", "Chad", "to", "withdraw", "troops", "."],
        heads=[1, 2, 2, 2, 3, 6, 2, 6, 2],
        deps=["det", "nsubj", "ROOT", "prep", "pobj", "aux", "xcomp", "dobj", "punct"],
        pos=["DET", "PROPN", "VERB", "ADP", "PROPN", "PART", "VERB", "NOUN", "PUNCT"],
        tags=["DT", "NNP", "VBD", "IN", "NNP", "TO", "VB", "NNS", "."],
        lemmas=["the", "UN", "call", "on", "Chad", "to", "withdraw", "troop", "."],
        ents=[(1, 2, "ORG"), (4, 5, "GPE")],
        trigger=Trigger(6, "withdraw", "verb"),
        expect={"actor": "Chad"},
    ),
    LinkCase(
        # $ 2 million arrived in Kyiv .
        "an_amount_is_no_actor_but_keeps_its_quantity",
        words=["$", "2", "million", "arrived", "in", "Kyiv", "."],
        heads=[2, 2, 3, 3, 3, 4, 3],
        deps=["quantmod", "compound", "nsubj", "ROOT", "prep", "pobj", "punct"],
        pos=["SYM", "NUM", "NUM", "VERB", "ADP", "PROPN", "PUNCT"],
        tags=["$", "CD", "CD", "VBD", "IN", "NNP", "."],
        lemmas=["$", "2", "million", "arrive", "in", "Kyiv", "."],
        ents=[(0, 3, "MONEY"), (5, 6, "GPE")],
        trigger=Trigger(3, "arrive", "verb"),
        expect={"actor": None, "quantity": "$ 2 million"},
    ),
    LinkCase(
        # What mattered was to send aid .
        "a_clausal_subject_is_no_actor",
        words=["What", "mattered", "was", "to", "send", "aid", "."],
        heads=[1, 2, 2, 4, 2, 4, 2],
        deps=["nsubj", "csubj", "ROOT", "aux", "xcomp", "dobj", "punct"],
        pos=["PRON", "VERB", "AUX", "PART", "VERB", "NOUN", "PUNCT"],
        tags=["WP", "VBD", "VBD", "TO", "VB", "NN", "."],
        lemmas=["what", "matter", "be", "to", "send", "aid", "."],
        trigger=Trigger(4, "send", "verb"),
        expect={"actor": None},
    ),
    LinkCase(
        # Iran 's missile test program
        "event_noun_modifying_a_noun_takes_that_noun_s_possessor",
        words=["Iran", "'s", "missile", "test", "program"],
        heads=[4, 0, 3, 4, 4],
        deps=["poss", "case", "compound", "compound", "ROOT"],
        pos=["PROPN", "PART", "NOUN", "NOUN", "NOUN"],
        tags=["NNP", "POS", "NN", "NN", "NN"],
        lemmas=["Iran", "'s", "missile", "test", "program"],
        ents=[(0, 1, "GPE")],
        trigger=Trigger(3, "test", "noun"),
        expect={"actor": "Iran"},
    ),
    LinkCase(
        # Turkey wants to be a supplier of the Azerbaijani army .
        "agent_noun_s_of_object_is_what_it_supplies",
        words=["Turkey", "wants", "to", "be", "a", "supplier", "of", "the", "Azerbaijani", "army", "."],
        heads=[1, 1, 3, 1, 5, 3, 5, 9, 9, 6, 1],
        deps=["nsubj", "ROOT", "aux", "xcomp", "det", "attr", "prep", "det", "amod", "pobj", "punct"],
        pos=["PROPN", "VERB", "PART", "AUX", "DET", "NOUN", "ADP", "DET", "ADJ", "NOUN", "PUNCT"],
        tags=["NNP", "VBZ", "TO", "VB", "DT", "NN", "IN", "DT", "JJ", "NN", "."],
        lemmas=["Turkey", "want", "to", "be", "a", "supplier", "of", "the", "azerbaijani", "army", "."],
        ents=[(0, 1, "GPE"), (8, 9, "NORP")],
        trigger=Trigger(5, "supply", "noun"),
        expect={"actor": "Turkey"},
    ),
]


@pytest.mark.parametrize("case", LINK_CASES, ids=lambda case: case.name)
def test_link_one_trigger(case):
    doc = make_doc(
        case.words, heads=case.heads, deps=case.deps, pos=case.pos, tags=case.tags, lemmas=case.lemmas, ents=case.ents
    )
    (args,) = link_arguments(doc, [case.trigger])
    for slot, expected in case.expect.items():
        if expected is None:
            assert getattr(args, slot) is None, slot
        else:
            assert texts(doc, getattr(args, slot)) == expected, slot


@pytest.mark.parametrize(
    "noun, expected",
    [("supplier", True), ("inspector", True), ("attacker", True), ("terrorist", True), ("deployment", False), ("border", False)],
)
def test_is_agent_noun(noun, expected):
    words = {
        "verb": frozenset({"supply", "inspect", "attack", "deploy"}),
        "noun": frozenset({"terror", "deployment", "border"}),
    }
    assert is_agent_noun(noun, words=words) is expected


# Dates reached through another word of the trigger's phrase (given triggers of any class).
DATE_HOLDER_CASES = [
    pytest.param(
        # The firm started selling boats two years ago .  (an aspectual verb's complement)
        dict(words=["The", "firm", "started", "selling", "boats", "two", "years", "ago", "."],
             heads=[1, 2, 2, 2, 3, 6, 7, 3, 2],
             deps=["det", "nsubj", "ROOT", "xcomp", "dobj", "nummod", "npadvmod", "advmod", "punct"],
             pos=["DET", "NOUN", "VERB", "VERB", "NOUN", "NUM", "NOUN", "ADV", "PUNCT"],
             tags=["DT", "NN", "VBD", "VBG", "NNS", "CD", "NNS", "RB", "."],
             lemmas=["the", "firm", "start", "sell", "boat", "two", "year", "ago", "."],
             ents=[(5, 8, "DATE")]),
        Trigger(2, "start", "verb"), "two years ago", id="aspectual-complement",
    ),
    pytest.param(
        # In 2010 the rebels took control of the port .  (a support verb's object)
        dict(words=["In", "2010", "the", "rebels", "took", "control", "of", "the", "port", "."],
             heads=[4, 0, 3, 4, 4, 4, 5, 8, 6, 4],
             deps=["prep", "pobj", "det", "nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
             pos=["ADP", "NUM", "DET", "NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
             tags=["IN", "CD", "DT", "NNS", "VBD", "NN", "IN", "DT", "NN", "."],
             lemmas=["in", "2010", "the", "rebel", "take", "control", "of", "the", "port", "."],
             ents=[(1, 2, "DATE")]),
        Trigger(5, "control", "noun"), "In 2010", id="support-verb-object",
    ),
    pytest.param(
        # The attack yesterday shocked Kyiv .  (a date between a subject event noun and its verb)
        dict(words=["The", "attack", "yesterday", "shocked", "Kyiv", "."],
             heads=[1, 3, 3, 3, 3, 3],
             deps=["det", "nsubj", "npadvmod", "ROOT", "dobj", "punct"],
             pos=["DET", "NOUN", "NOUN", "VERB", "PROPN", "PUNCT"],
             tags=["DT", "NN", "NN", "VBD", "NNP", "."],
             lemmas=["the", "attack", "yesterday", "shock", "Kyiv", "."],
             ents=[(2, 3, "DATE"), (4, 5, "GPE")]),
        Trigger(1, "attack", "noun"), "yesterday", id="subject-noun",
    ),
    pytest.param(
        # Iran announced a test to be conducted in June .  (a support verb's relative clause)
        dict(words=["Iran", "announced", "a", "test", "to", "be", "conducted", "in", "June", "."],
             heads=[1, 1, 3, 1, 6, 6, 3, 6, 7, 1],
             deps=["nsubj", "ROOT", "det", "dobj", "aux", "auxpass", "relcl", "prep", "pobj", "punct"],
             pos=["PROPN", "VERB", "DET", "NOUN", "PART", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
             tags=["NNP", "VBD", "DT", "NN", "TO", "VB", "VBN", "IN", "NNP", "."],
             lemmas=["Iran", "announce", "a", "test", "to", "be", "conduct", "in", "June", "."],
             ents=[(0, 1, "GPE"), (8, 9, "DATE")]),
        Trigger(3, "test", "noun"), "in June", id="support-relative",
    ),
    pytest.param(
        # Tuesday 's devastating earthquake killed 40 people .  (an adjective's noun; a possessor date)
        dict(words=["Tuesday", "'s", "devastating", "earthquake", "killed", "40", "people", "."],
             heads=[3, 0, 3, 4, 4, 6, 4, 4],
             deps=["poss", "case", "amod", "nsubj", "ROOT", "nummod", "dobj", "punct"],
             pos=["PROPN", "PART", "ADJ", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
             tags=["NNP", "POS", "JJ", "NN", "VBD", "CD", "NNS", "."],
             lemmas=["Tuesday", "'s", "devastating", "earthquake", "kill", "40", "people", "."],
             ents=[(0, 1, "DATE"), (5, 6, "CARDINAL")]),
        Trigger(2, "devastate", "noun"), "Tuesday", id="adjective",
    ),
    pytest.param(
        # There were riots in 1992 .  (an expletive's verb)
        dict(words=["There", "were", "riots", "in", "1992", "."],
             heads=[1, 1, 1, 1, 3, 1],
             deps=["expl", "ROOT", "attr", "prep", "pobj", "punct"],
             pos=["PRON", "VERB", "NOUN", "ADP", "NUM", "PUNCT"],
             tags=["EX", "VBD", "NNS", "IN", "CD", "."],
             lemmas=["there", "be", "riot", "in", "1992", "."],
             ents=[(4, 5, "DATE")]),
        Trigger(0, "be", "verb"), "in 1992", id="expletive",
    ),
]


@pytest.mark.parametrize("parse, trigger, expected", DATE_HOLDER_CASES)
def test_date_through_another_word_of_the_phrase(parse, trigger, expected):
    doc = make_doc(**parse)
    (args,) = link_arguments(doc, [trigger])
    assert texts(doc, args.date) == expected


@pytest.mark.parametrize("noun", ["goal", "deadline"])
def test_an_aim_or_a_time_is_no_actor(noun):
    # The goal is to send aid .
    doc = make_doc(
        ["The", noun.capitalize(), "is", "to", "send", "aid", "."],
        heads=[1, 2, 2, 4, 2, 4, 2],
        deps=["det", "nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"],
        pos=["DET", "NOUN", "AUX", "PART", "VERB", "NOUN", "PUNCT"],
        tags=["DT", "NN", "VBZ", "TO", "VB", "NN", "."],
        lemmas=["the", noun, "be", "to", "send", "aid", "."],
    )
    (args,) = link_arguments(doc, [Trigger(4, "send", "verb")])
    assert args.actor is None


@pytest.mark.parametrize(
    "verb, lemma, expected",
    [("reported", "report", None), ("imposed", "impose", "Officials"), ("signed", "sign", "Officials")],
)
def test_subject_of_a_verb_with_an_event_noun_object(verb, lemma, expected):
    # Officials reported / imposed a curfew .
    doc = make_doc(
        ["Officials", verb, "a", "curfew", "."],
        heads=[1, 1, 3, 1, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "punct"],
        pos=["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["NNS", "VBD", "DT", "NN", "."],
        lemmas=["official", lemma, "a", "curfew", "."],
    )
    (args,) = link_arguments(doc, [Trigger(3, "curfew", "noun")])
    assert texts(doc, args.actor) == expected


@pytest.mark.parametrize("noun, lemma", [("homes", "home"), ("companies", "company")])
def test_patient_of_an_agentless_passive_is_never_the_actor(noun, lemma):
    # Chinese homes / companies were sent to Laos .  (guide v2 rule 2: the thing moved is
    # never the actor, even when it names people; version 1 made "Chinese companies" the actor)
    doc = make_doc(
        ["Chinese", noun, "were", "sent", "to", "Laos", "."],
        heads=[1, 3, 3, 3, 3, 4, 3],
        deps=["amod", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
        pos=["ADJ", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        tags=["JJ", "NNS", "VBD", "VBN", "IN", "NNP", "."],
        lemmas=["chinese", lemma, "be", "send", "to", "Laos", "."],
        ents=[(0, 1, "NORP"), (5, 6, "GPE")],
    )
    (args,) = link_arguments(doc, [Trigger(3, "send", "verb")])
    assert args.actor is None
    assert args.rules["actor"] == "agentless_passive"
    assert texts(doc, args.location) == "Laos"


@pytest.mark.parametrize(
    "lemma, expected",
    [("serviceman", True), ("militiaman", True), ("policewoman", True), ("human", False), ("german", False), ("woman", False)],
)
def test_man_compounds_are_person_nouns(lemma, expected):
    assert _is_man_compound(lemma) is expected


@pytest.mark.parametrize(
    ("credit", "expected"),
    [("-", "Donbas"), ("\u2014", "Donbas")],
)
def test_place_before_a_headline_credit(credit, expected):
    # Soldier killed in Donbas - PGO   (the parser takes the credit "PGO" as the object)
    doc = make_doc(
        words=["Soldier", "killed", "in", "Donbas", credit, "PGO"],
        heads=[0, 0, 1, 5, 5, 2],
        deps=["ROOT", "acl", "prep", "compound", "punct", "pobj"],
        pos=["NOUN", "VERB", "ADP", "PROPN", "PUNCT", "PROPN"],
        tags=["NN", "VBN", "IN", "NNP", "HYPH", "NNP"],
        lemmas=["soldier", "kill", "in", "Donbas", credit, "PGO"],
        ents=[(3, 4, "GPE"), (5, 6, "ORG")],
    )
    (args,) = link_arguments(doc, [Trigger(1, "kill", "verb")])
    assert texts(doc, args.location) == expected


def test_no_place_before_a_dash_credit_without_a_place():
    # Soldier killed in clashes - PGO
    doc = make_doc(
        words=["Soldier", "killed", "in", "clashes", "-", "PGO"],
        heads=[0, 0, 1, 5, 5, 2],
        deps=["ROOT", "acl", "prep", "compound", "punct", "pobj"],
        pos=["NOUN", "VERB", "ADP", "NOUN", "PUNCT", "PROPN"],
        tags=["NN", "VBN", "IN", "NNS", "HYPH", "NNP"],
        lemmas=["soldier", "kill", "in", "clash", "-", "PGO"],
        ents=[(5, 6, "ORG")],
    )
    (args,) = link_arguments(doc, [Trigger(1, "kill", "verb")])
    assert args.location is None
