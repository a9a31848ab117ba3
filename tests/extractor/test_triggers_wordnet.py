"""Trigger finding from WordNet's lexicographer classes: the vendored table, its build
script, the verb and noun rules, and invented sentences across topics parsed by the model."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

from extractor.lexicon import (
    DENOMINAL_RATIO,
    WORDNET_TABLE,
    Lexicon,
    WordSenses,
    derived_verb,
    event_verb_of_noun,
    kind_event_noun,
    is_event_verb,
    parse_senses,
    verb_of_nominal,
    word_senses,
)
from extractor.triggers import find_triggers

ROOT = Path(__file__).resolve().parents[2]


def _build_module():
    spec = importlib.util.spec_from_file_location("build_wordnet", ROOT / "extractor" / "data" / "build_wordnet.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the build script, on an invented snippet in WordNet's file formats --------------------

# Two noun synsets and two verb synsets, offsets invented. Noun 00000100 {raid, foray} is an
# act; its "+" pointers run from word 1 (raid) to verb word 1 of 00000300 (raid) and from word
# 2 (foray) to verb word 1 of 00000400 (foray). Noun 00000200 {raider} is a person whose "+"
# pointer runs from word 1 to the verb raid. A multiword noun (air_raid) must be left out.
LEXNAMES = "04\tnoun.act\t1\n18\tnoun.person\t1\n38\tverb.motion\t2\n41\tverb.social\t2\n"
DATA_NOUN = (
    "  1 This software and database is being provided to you, the LICENSEE, by  \n"
    "00000100 04 n 02 raid 0 foray 0 002 + 00000300 v 0101 + 00000400 v 0201 | a sudden short attack  \n"
    "00000200 18 n 01 raider 0 001 + 00000300 v 0101 | someone who raids  \n"
    "00000250 04 n 01 air_raid 0 000 | an attack by aircraft  \n"
)
DATA_VERB = (
    "  1 This software and database is being provided to you, the LICENSEE, by  \n"
    "00000300 41 v 01 raid 0 001 + 00000100 n 0101 01 + 08 00 | enter and steal  \n"
    "00000400 38 v 02 foray 0 carry_out 0 000 01 + 02 00 | briefly travel somewhere  \n"
)
INDEX_NOUN = (
    "  1 This software and database is being provided to you, the LICENSEE, by  \n"
    "air_raid n 1 0 1 0 00000250  \n"
    "foray n 1 1 + 1 0 00000100  \n"
    "raid n 2 1 + 2 1 00000100 00000200  \n"
    "raider n 1 1 + 1 0 00000200  \n"
)
INDEX_VERB = (
    "carry_out v 1 0 1 0 00000400  \n"
    "foray v 1 1 + 1 0 00000400  \n"
    "raid v 1 1 + 1 1 00000300  \n"
)
INDEX_SENSE = (
    "raid%1:04:00:: 00000100 1 7\n"
    "raid%1:18:00:: 00000200 2 0\n"
    "raid%2:41:00:: 00000300 1 4\n"
    "foray%1:04:00:: 00000100 1 0\n"
    "foray%2:38:00:: 00000400 1 2\n"
    "carry_out%2:38:00:: 00000400 1 1\n"
)


@pytest.fixture
def snippet(tmp_path):
    folder = tmp_path / "wordnet-3.0"
    folder.mkdir()
    for name, text in {
        "lexnames": LEXNAMES, "data.noun": DATA_NOUN, "data.verb": DATA_VERB, "index.noun": INDEX_NOUN,
        "index.verb": INDEX_VERB, "index.sense": INDEX_SENSE, "LICENSE": "WordNet Release 3.0\n\nAn invented notice.\n",
    }.items():
        (folder / name).write_text(text, encoding="latin-1")
    return folder


def test_the_build_script_parses_wordnet_files(snippet):
    build = _build_module()
    rows = build.build_rows(build.reader(snippet))
    assert rows == [
        "carry out\tv\tmotion:1",
        "foray\tn\tact:0:foray",  # foray's own pointer (word 2), not raid's
        "foray\tv\tmotion:2",
        "raid\tn\tact:7:raid person:0",  # senses in the index's order, tag counts from index.sense
        "raid\tv\tsocial:4",
        "raider\tn\tperson:0:raid",
    ]


def test_the_build_script_writes_a_table_the_library_reads(snippet, tmp_path):
    build = _build_module()
    read = build.reader(snippet)
    out = tmp_path / "table.tsv.gz"
    build.write(build.build_rows(read), out, licence=read("LICENSE"))
    lines = gzip.open(out, "rt", encoding="utf-8").read().splitlines()
    assert lines[0].startswith("# source: WordNet 3.0") and "# An invented notice." in lines
    raid = next(line for line in lines if line.startswith("raid\tn\t"))
    senses = parse_senses(raid.split("\t")[2], "n")
    assert senses == WordSenses(("act", "person"), (7, 0), (("raid",), ()))
    assert derived_verb(senses) == "raid"


def test_the_shipped_table_is_wordnet_30():
    with gzip.open(WORDNET_TABLE, "rt", encoding="utf-8") as fh:
        head = [next(fh) for _ in range(40)]
    assert head[0].startswith("# source: WordNet 3.0") and any("Copyright 2006 by Princeton" in h for h in head)
    # a few facts of WordNet 3.0
    assert word_senses("attack", "n").classes[0] == "act"
    assert word_senses("soldier", "n").classes[0] == "person"
    assert word_senses("troop", "n").classes[0] == "group"
    assert word_senses("say", "v").classes[0] == "communication"
    assert word_senses("blow up", "v") is not None  # multiword verbs are kept
    assert word_senses("air raid", "n") is None  # multiword nouns are not


# --- the rules, by the shipped table --------------------------------------------------------


@pytest.mark.parametrize(
    "verb",
    ["attack", "strike", "bomb", "raid", "shoot", "crash", "derail", "ram", "explode", "arrest", "detain",
     "capture", "kidnap", "smuggle", "ship", "export", "purchase", "meet", "protest", "flee", "rescue", "elect",
     "resign", "injure", "sign", "vote", "speak", "blow up"],
)
def test_event_verbs(verb):
    assert is_event_verb(verb)


@pytest.mark.parametrize(
    "verb", ["think", "know", "see", "watch", "love", "fear", "live", "cost", "contain", "resemble", "survive"]
)
def test_verbs_of_cognition_perception_emotion_and_state_are_no_events(verb):
    assert not is_event_verb(verb)


def test_the_lexicon_overrides_wordnet_for_verbs():
    # reporting and light verbs stay no events whatever their classes; taking part is one
    assert not is_event_verb("report") and not is_event_verb("take")
    assert word_senses("attend", "v").classes[0] == "stative" and is_event_verb("attend")
    assert not is_event_verb("attack", Lexicon(add={"cognition": ["attack"]}))
    assert is_event_verb("resemble", Lexicon(add={"participation": ["resemble"]}))


@pytest.mark.parametrize(
    "noun, verb",
    [("attack", "attack"), ("strike", "strike"), ("raid", "raid"), ("blast", "blast"), ("clash", "clash"),
     ("crash", "crash"), ("massacre", "massacre"), ("arrest", "arrest"), ("bombing", "bomb"),
     ("shooting", "shoot"), ("explosion", "explode"), ("kidnapping", "kidnap"), ("election", "elect"),
     ("rescue", "rescue"), ("deployment", "deploy"), ("death", "die"), ("collapse", "collapse"),
     ("airstrike", "strike"), ("accident", "accident"), ("presence", "be")],
)
def test_event_nouns_and_their_verbs(noun, verb):
    assert event_verb_of_noun(noun) == verb


@pytest.mark.parametrize(
    "noun",
    ["troop", "soldier", "brigade", "army", "police", "government", "official", "war", "crisis", "weapon",
     "missile", "city", "border", "station", "location"],
)
def test_participants_things_places_and_situations_are_no_event_nouns(noun):
    assert event_verb_of_noun(noun) is None


def test_war_is_a_situation_because_its_verb_is_made_from_it():
    war, to_war = word_senses("war", "n"), word_senses("war", "v")
    assert war.classes[0] == "act" and derived_verb(war) == "war"  # passes the classes ...
    assert war.total + 1 > DENOMINAL_RATIO * (to_war.total + 1)  # ... not the direction of derivation
    assert event_verb_of_noun("war") is None


def test_nominalizations_use_wordnet_pointers_before_suffixes():
    assert verb_of_nominal("bombing") == "bomb"
    assert verb_of_nominal("explosion") == "explode"
    assert verb_of_nominal("deployment") == "deploy"


# --- invented sentences across topics, through the model's parse ---------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # attack
        ("Gunmen attacked a police station in Kandahar on Tuesday.", {"attack"}),
        ("The airstrike on the market in Idlib killed 14 people.", {"strike", "kill"}),
        ("Rebels launched a raid on the garrison in Goma overnight.", {"raid"}),
        ("A suicide bombing in Kabul left 30 people dead.", {"bomb"}),
        # a verb of coming about with a happening for subject is the trigger (agentless_outbreak)
        ("Fierce clashes between rival militias erupted in Tripoli on Friday.", {"erupt"}),
        # accident
        ("A freight train derailed near Lyon on Sunday.", {"derail"}),
        ("The crash of a bus in Peru injured 20 passengers.", {"crash", "injure"}),
        ("A truck rammed a crowd in Nice on Thursday.", {"ram"}),
        ("An explosion at the refinery in Texas killed two workers.", {"explode", "kill"}),
        # arrest
        ("Police arrested three men in Marseille on Monday.", {"arrest"}),
        ("The arrest of the mayor in Ankara drew crowds.", {"arrest"}),
        ("Border guards detained 40 migrants near Calais.", {"detain"}),
        ("Kidnappers abducted two engineers in Niger last week.", {"abduct"}),
        # election
        ("Voters elected a new parliament in Lisbon in March.", {"elect"}),
        ("The minister resigned in Rome on Friday.", {"resign"}),
        ("The election in Kenya drew 14 million voters.", {"elect"}),
        # protest
        ("Thousands of students protested in Santiago on Thursday.", {"protest"}),
        ("Farmers marched through Brussels on Monday.", {"march"}),
        # trade
        ("Chile exported 2 million tonnes of copper to China in 2022.", {"export"}),
        ("The airline purchased 30 aircraft from Airbus in June.", {"purchase"}),
        ("The company shipped 500 tractors to Ghana last month.", {"ship"}),
        ("Smugglers smuggled 200 kilograms of cocaine into Spain.", {"smuggle"}),
        # rescue
        ("Firefighters rescued 12 miners in Shanxi on Sunday.", {"rescue"}),
        ("Villagers fled to the hills near Kherson after the shelling.", {"flee"}),
        ("The rescue of the hikers in the Alps took two days.", {"rescue"}),
    ],
)
def test_event_words_across_topics_are_triggers(nlp, text, expected):
    found = {t.lemma for t in find_triggers(nlp(text))}
    assert expected <= found, found


@pytest.mark.parametrize(
    "text, absent",
    [
        # participants are never events, however many verbs share their spelling
        ("The brigade's soldiers and troops reached Kursk in May.", {"brigade", "soldier", "troop"}),
        ("Government officials and police officers gathered in Lagos.", {"government", "official", "police", "officer", "govern"}),
        ("Militia fighters and their commanders crossed into Chad.", {"militia", "fighter", "commander"}),
        # situations are not occurrences
        ("The war in Sudan entered its second year in April.", {"war"}),
        ("The crisis in Haiti deepened in March.", {"crisis"}),
        # verbs of cognition, perception, emotion and state report no happening
        ("Analysts believe Moscow fears a wider war in Europe.", {"believe", "fear", "war"}),
        ("Residents watched the smoke over Kharkiv on Sunday.", {"watch"}),
        ("The region contains 40 villages near the border.", {"contain"}),
        ("Three families still live in the camp near Gaza.", {"live"}),
    ],
)
def test_participants_situations_and_states_are_no_triggers(nlp, text, absent):
    found = {t.lemma for t in find_triggers(nlp(text))} | {nlp(text)[t.i].lemma_.lower() for t in find_triggers(nlp(text))}
    assert not (absent & found), absent & found


def test_an_event_compound_of_an_attempt_noun_is_the_trigger(nlp):
    doc = nlp("A rescue operation began in Hebei on Sunday.")
    found = [(doc[t.i].text, t.lemma, t.kind) for t in find_triggers(doc)]
    assert ("rescue", "rescue", "noun") in found
    assert not any(text == "operation" for text, _, _ in found)


# --- context: complements, support verbs, partitives, headline predicates -------------------


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # an aspectual or planning verb without a complement is the event itself ...
        ("The runner finished third at the marathon in Boston on Monday.", {"finish"}, set()),
        ("She said she would move to Portugal in 2025.", {"move"}, set()),
        # ... with one, its complement is
        ("Kenya plans to send 1,000 police officers to Haiti in May.", {"send"}, {"plan"}),
        ("The army began shelling the town of Avdiivka in October.", {"shell"}, {"begin"}),
        ("The army began the offensive near Kharkiv in May.", set(), {"begin"}),
        # the object of a support or light verb takes its occurrence sense
        ("The singer staged a protest outside the embassy in Paris on Friday.", {"protest"}, set()),
        ("The president will hold separate meetings with governors in Abuja.", {"meet"}, set()),
        # ... unless verb and noun are one WordNet verb
        ("The vote took place in Dublin on Friday.", {"vote"}, {"place"}),
        # a partitive head is no event: its "of" object counts
        ("A second wave of 4,000 soldiers arrived in Kursk.", {"arrive"}, {"wave"}),
        ("Militants carried out a series of attacks in Mosul in June.", {"attack"}, {"series"}),
        # after a support or light verb a noun still needs enough of an act
        ("The storm took a heavy toll on Havana in 2022.", set(), {"toll"}),
        # ... but a message noun is none (lexicon message_nouns; decision of 2026-12-03)
        ("The minister gave a speech in Nairobi on Monday.", set(), {"speak", "give"}),
    ],
)
def test_context_decides_between_a_frame_and_its_event(nlp, text, present, absent):
    found = {t.lemma for t in find_triggers(nlp(text))}
    assert present <= found and not (absent & found), found


def test_a_lower_case_noun_with_a_subject_is_a_headline_verb(nlp):
    doc = nlp("Lady Gaga protests outside Trump Tower")
    assert doc[2].pos_ == "NOUN"  # the tagger's reading of the headline
    assert [(t.i, t.lemma, t.kind) for t in find_triggers(doc)] == [(2, "protest", "verb")]


def test_a_situation_stays_one_after_a_support_verb(nlp):
    # "waged war": the support verb forces an occurrence reading, but war's verb is made from it
    found = {t.lemma for t in find_triggers(nlp("Russia waged war in Ukraine in 2022."))}
    assert "war" not in found
    found = {t.lemma for t in find_triggers(nlp("The rebels waged an attack on Goma in 2012."))}
    assert "attack" in found


# --- occurrences by their kind: WordNet hypernyms (event_act_kinds) ---------------------------

# {homicide} (no verb) below {killing} (verb kill) below {act}; {job} below {act} only.
KIND_DATA_NOUN = (
    "  1 This software and database is being provided to you, the LICENSEE, by  \n"
    "00000010 03 n 01 act 0 000 | something done  \n"
    "00000020 04 n 01 killing 0 001 @ 00000010 n 0000 | the act of terminating a life  \n"
    "00000030 04 n 01 homicide 0 001 @ 00000020 n 0000 | the killing of a human being  \n"
    "00000040 04 n 01 job 0 001 @ 00000010 n 0000 | a specific piece of work  \n"
    "00000050 18 n 01 job 0 000 | a person  \n"
)
KIND_INDEX_NOUN = (
    "act n 1 0 1 0 00000010  \n"
    "homicide n 1 1 @ 1 0 00000030  \n"
    "job n 2 1 @ 2 0 00000040 00000050  \n"
    "killing n 1 1 @ 1 0 00000020  \n"
)


def test_the_build_script_lists_each_act_senses_hypernyms(tmp_path):
    build = _build_module()
    files = {"lexnames": "03\tnoun.Tops\t1\n04\tnoun.act\t1\n18\tnoun.person\t1\n", "data.noun": KIND_DATA_NOUN,
             "index.noun": KIND_INDEX_NOUN}
    rows = build.build_kind_rows(lambda name: files[name].splitlines())
    # noun.Tops "act" is no act sense; job's person sense gets "-"
    assert rows == ["homicide\tkilling>act", "job\tact -", "killing\tact"]


@pytest.mark.parametrize(
    "noun, action",
    [
        ("homicide", "homicide"),  # a kind of killing with no verb: its own action
        ("genocide", "genocide"),
        ("massacre", "massacre"),  # an event noun already, by its verb
        ("war", None),  # a kind of military action, but the base word of "to war": a setting as often
        ("battle", None),
        ("crime", None),  # the kind itself, not a kind of it
        ("job", None),  # an act of no listed kind
    ],
)
def test_nouns_named_for_a_kind_of_violent_or_criminal_act(noun, action):
    assert event_verb_of_noun(noun) == action


def test_the_kinds_are_the_lexicons():
    assert event_verb_of_noun("homicide", Lexicon(replace={"event_act_kinds": ["military_action"]})) is None
    assert kind_event_noun("homicide", ["killing"]) == "homicide"
    assert kind_event_noun("homicide", ["military_action"]) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The homicide in Chicago on Monday shocked the city.", "homicide"),
        ("Armed men committed genocide in Darfur in 2004.", "genocide"),
    ],
)
def test_kind_nouns_are_triggers(nlp, text, expected):
    found = {t.lemma for t in find_triggers(nlp(text)) if t.kind == "noun"}
    assert expected in found, found


# --- nouns of movement or transfer with a phrase of origin or destination -------------------


@pytest.mark.parametrize(
    "text, word, lemma",
    [
        ("The country relies on oil imports from the Mideast.", "imports", "import"),
        ("The transportation of bombs from Turkey took a week.", "transportation", "transport"),
        ("Weeks after his return to Tehran, he disappeared.", "return", "return"),
        # the phrase of destination hangs on an adverb of direction
        ("He paid for the transport back to Armenia of two coffins.", "transport", "transport"),
        # no phrase of origin or destination naming a place: a thing
        ("The country relies on oil imports.", "imports", None),
        # a participant, though "to Russia" follows
        ("North Korean troops to Russia numbered 10,000.", "troops", None),
        # the verb is no verb of movement or transfer (tie: contact; allude: communication)
        ("The advisers have business ties to Russia.", "ties", None),
        ("The line was an allusion to Berlin.", "allusion", None),
    ],
)
def test_a_noun_of_movement_or_transfer_with_a_place_of_origin_or_destination(nlp, text, word, lemma):
    doc = nlp(text)
    found = {doc[t.i].text: t.lemma for t in find_triggers(doc) if t.kind == "noun"}
    assert found.get(word) == lemma, found
