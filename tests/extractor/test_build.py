"""Tuple building keeps the names of the rules that filled the tuple's slots, and admits an
agentless event (guide v2 rule 2) only when the linker judged it one and its sentence states
a count, a place or a date."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extractor.build import build_tuples
from extractor.contracts import Arguments, Trigger
from extractor.lexicon import Lexicon
from extractor.linking import link_arguments

VOCAB = spacy.blank("en").vocab


def test_a_tuple_names_the_rules_of_the_slots_it_keeps():
    # Kyiv sent medics  .   (the location span is the trailing whitespace token: no slot)
    doc = Doc(VOCAB, words=["Kyiv", "sent", "medics", " ", "."], spaces=[True, True, False, False, False], sent_starts=[True] + [False] * 4)
    args = Arguments(
        actor=(0, 1), quantity=(2, 3), location=(3, 4), score=0.8,
        rules={"actor": "subject", "quantity": "counted_object", "location": "destination"},
    )
    (event,) = build_tuples(doc, [Trigger(1, "send", "verb")], [args], normalize=False)
    assert event.location is None
    assert event.rules == {"actor": "subject", "quantity": "counted_object"}


def test_a_date_relative_to_another_event_does_not_admit_a_tuple_alone():
    # Kyiv left after the talks  .
    words = ["Kyiv", "left", "after", "the", "talks", "."]
    doc = Doc(VOCAB, words=words, sent_starts=[True] + [False] * 5)
    triggers = [Trigger(1, "leave", "verb")]
    anchored = Arguments(actor=(0, 1), date=(2, 5), rules={"actor": "subject", "date": "anchored_date"})
    assert build_tuples(doc, triggers, [anchored], normalize=False) == []
    # with a place beside it, or the same span as a date of another rule, it is kept
    placed = Arguments(actor=(0, 1), location=(4, 5), date=(2, 5), rules={"actor": "subject", "location": "x", "date": "anchored_date"})
    (event,) = build_tuples(doc, triggers, [placed], normalize=False)
    assert event.date.text == "after the talks"
    dated = Arguments(actor=(0, 1), date=(2, 5), rules={"actor": "subject", "date": "since_clause"})
    assert len(build_tuples(doc, triggers, [dated], normalize=False)) == 1


def test_a_tuple_without_named_rules_has_none():
    doc = Doc(VOCAB, words=["Kyiv", "sent", "medics"], sent_starts=[True, False, False])
    (event,) = build_tuples(doc, [Trigger(1, "send", "verb")], [Arguments(actor=(0, 1), quantity=(2, 3))], normalize=False)
    assert event.rules is None and "rules" not in event.to_dict()


def test_extracted_tuples_name_their_rules(extractor_):
    (event,) = [e for e in extractor_.extract("Peru sent 200 engineers to Haiti last year.") if e.lemma == "send"]
    assert event.rules == {"actor": "subject", "quantity": "counted_object", "location": "destination", "date": "date_dependent"}


def test_group_classes_come_from_the_lexicon(extractor_):
    # a bare group noun takes the country of the last mention of the same kind of group
    doc = extractor_.nlp(extractor_.make_doc("Kenyan medics arrived in Kyiv in May. The nurses flew to Lviv in June."))
    triggers = [Trigger(t.i, t.lemma_, "verb") for t in doc if t.lemma_ in ("arrive", "fly")]
    arguments = link_arguments(doc, triggers)
    shipped = build_tuples(doc, triggers, arguments)
    grouped = build_tuples(doc, triggers, arguments, lexicon=Lexicon(add={"group_classes": {"medical": ["medic", "nurse"]}}))
    assert [e.actor.text for e in shipped] == ["Kenyan medics", "nurses"]
    # unlike kinds: the nurses are no earlier group's, and take the document's main country
    # (``doc_actors.DocumentActors.with_country``)
    assert shipped[0].actor_value.country == "KE" and shipped[1].actor_value.country == "UA"
    assert grouped[1].actor_value.country == "KE"


# --- agentless events (annotation guide v2, rule 2) ----------------------------------------


def _agentless_args(**kw):
    return Arguments(**{"rules": {"actor": "agentless_passive", "quantity": "counted_object"}, **kw})


def test_an_agentless_event_is_kept_with_its_verdict_as_the_actor_rule():
    # Six miners were rescued .
    doc = Doc(VOCAB, words=["Six", "miners", "were", "rescued", "."], sent_starts=[True] + [False] * 4)
    (event,) = build_tuples(doc, [Trigger(3, "rescue", "verb")], [_agentless_args(quantity=(0, 2))], normalize=False)
    assert event.actor is None and event.quantity.text == "Six miners"
    assert event.rules == {"actor": "agentless_passive", "quantity": "counted_object"}
    assert event.to_dict()["rules"]["actor"] == "agentless_passive"


def test_a_null_actor_without_a_verdict_gives_no_tuple():
    # the linker found no actor and judged nothing agentless: not an agentless event
    doc = Doc(VOCAB, words=["Six", "miners", "were", "rescued", "."], sent_starts=[True] + [False] * 4)
    args = Arguments(quantity=(0, 2), rules={"quantity": "counted_object"})
    assert build_tuples(doc, [Trigger(3, "rescue", "verb")], [args], normalize=False) == []
    # keep_all keeps every given trigger all the same
    assert len(build_tuples(doc, [Trigger(3, "rescue", "verb")], [args], normalize=False, keep_all=True)) == 1


def test_an_agentless_event_needs_a_quantity_place_or_date_in_its_own_sentence():
    # Six miners were trapped .  They were rescued .   (the count is in the other sentence)
    words = ["Six", "miners", "were", "trapped", ".", "They", "were", "rescued", "."]
    doc = Doc(VOCAB, words=words, sent_starts=[True, False, False, False, False, True, False, False, False])
    assert build_tuples(doc, [Trigger(7, "rescue", "verb")], [_agentless_args(quantity=(0, 2))], normalize=False) == []
    (event,) = build_tuples(doc, [Trigger(3, "trap", "verb")], [_agentless_args(quantity=(0, 2))], normalize=False)
    assert event.actor is None
    # nothing stated at all: no tuple
    assert build_tuples(doc, [Trigger(3, "trap", "verb")], [Arguments(rules={"actor": "agentless_passive"})], normalize=False) == []


# (sentence, trigger lemma, actor or None for an agentless event, quantity, location):
# invented sentences on attacks, accidents, shootings, arrests and movement
AGENTLESS_CASES = [
    # attacks
    ("Three soldiers were wounded in an ambush near Gao on Friday.", "wound", None, "Three soldiers", "Gao"),
    ("Two police officers killed in ambush in Kidal", "kill", None, "Two police officers", "Kidal"),
    ("An explosion killed 11 people at a market in Maiduguri.", "kill", None, "11 people", "market in Maiduguri"),
    ("Rebels ambushed a convoy near Gao on Friday.", "ambush", "Rebels", None, "Gao"),
    # accidents
    ("A derailment near Marseille injured 40 passengers on Sunday.", "injure", None, "40 passengers", "Marseille"),
    ("A derailment near Marseille injured 40 passengers on Sunday.", "derail", None, None, "Marseille"),
    ("Nine miners trapped after collapse in Shanxi", "trap", None, "Nine miners", "Shanxi"),
    ("Twelve climbers died in an avalanche in Nepal.", "die", "climbers", "Twelve climbers", "Nepal"),
    # shootings
    ("Five people were shot dead at a nightclub in Bratislava on Saturday.", "shoot", None, "Five people", "Bratislava"),
    ("Three gunmen were killed by police in Mombasa on Sunday.", "kill", "police", "Three gunmen", "Mombasa"),
    # arrests
    ("Four suspects were arrested in Porto on Tuesday.", "arrest", None, "Four suspects", "Porto"),
    ("Police arrested six men in Porto on Tuesday.", "arrest", "Police", "six men", "Porto"),
    ("Journalist detained in Baku", "detain", None, None, "Baku"),
    # "outside" is a preposition of position (static_preps) like "in": the place phrase it
    # heads, pinned by its named place, as "detained in the parliament in Tbilisi" gives it
    ("Eight protesters were detained outside the parliament in Tbilisi.", "detain", None, "Eight protesters", "parliament in Tbilisi"),
    # movement: the subject of an intransitive stays the actor, what is sent never is one
    ("About 300 refugees fled to Moldova last week.", "flee", "refugees", "About 300 refugees", "Moldova"),
    ("Two hundred migrants arrived in Lampedusa", "arrive", "migrants", "Two hundred migrants", "Lampedusa"),  # the tagger calls it a person: person_labelled_place
    ("Some 400 Kenyan police officers were sent to Haiti in June.", "send", None, "Some 400 Kenyan police officers", "Haiti"),
    ("Chad's soldiers were sent to Niger in May.", "send", "Chad", None, "Niger"),
    # an active verb sharing the patient of a passive: the patient does it
    ("Troops were sent to Kursk in May and fought there.", "fight", "Troops", None, "Kursk"),
    # a passive of position places its patient there: a presence, whoever is there acts
    ("About 400 Chadian soldiers are stationed in Gao.", "station", "Chadian soldiers", "About 400 Chadian soldiers", "Gao"),
]


@pytest.mark.parametrize("text, lemma, actor, quantity, location", AGENTLESS_CASES)
def test_agentless_events_and_their_roles(extractor_, text, lemma, actor, quantity, location):
    events = [e for e in extractor_.extract(text) if e.lemma == lemma]
    assert events, f"no {lemma!r} tuple"
    event = events[0]
    assert (event.actor.text if event.actor else None) == actor
    assert (event.quantity.text if event.quantity else None) == quantity
    assert (event.location.text if event.location else None) == location
    if actor is None:
        assert event.rules["actor"].startswith("agentless_")


@pytest.mark.parametrize(
    "text, lemma",
    [
        # a trigger whose actor is not found, in no agentless construction
        ("Sending 40 medics to Gaza in May.", "send"),
        # an agentless passive that states no count, place or date
        ("The convoy was attacked.", "attack"),
        # a passive that states a relation, not an event
        ("The outage was linked to a storm in Odesa.", "link"),
        # ... or the position of a thing, not of people
        ("The depot is situated in Odesa.", "situate"),
        # the site of a thing, in its finite or participle form (WordNet locate, headquarter)
        ("The old pump was located near the school in Odesa.", "locate"),
        ("A bakery located on a hill in Odesa closed.", "locate"),
        ("A shipping firm headquartered in Odesa was sold.", "headquarter"),
    ],
)
def test_no_agentless_tuple_without_the_construction_or_a_stated_slot(extractor_, text, lemma):
    assert not [e for e in extractor_.extract(text) if e.lemma == lemma]


@pytest.mark.parametrize(
    ("text", "location", "country", "admin1", "has_point"),
    [
        # the region written beside the village, not the Swiss canton Uri
        ("Militants attacked an army camp in Uri, Jammu and Kashmir, killing 17 soldiers.", "Uri", "IN", "Jammu and Kashmir", True),
        # a compass point: the document's one country, without a point
        ("Three Ukrainian soldiers were killed in the east, officials in Kyiv said.", "east", "UA", None, False),
        # a named region resolves to its state
        ("Three people died in the Donbas on Monday.", "Donbas", "UA", None, False),
        # a district unknown to the tables, written with its region: the region, no point
        ("Two soldiers were killed in the Orekhovo district of the Zaporozhye region.", "Orekhovo district", "UA", "Zaporizhzhia Oblast", False),
    ],
)
def test_event_location_is_resolved_in_context(extractor_, text, location, country, admin1, has_point):
    events = [e for e in extractor_.extract(text) if e.location is not None and e.location.text == location]
    assert events, [e.location for e in extractor_.extract(text)]
    place = events[0].place
    assert place is not None and place.country == country and place.admin1 == admin1
    assert (place.lat is not None) == has_point


# (words, heads, deps, trigger lemma, expected action text): the particle of a phrasal verb
# that directly follows it is in the action span (guide section 2: "phrasal particles kept");
# one after the object is not, nor a following preposition of a one-word verb.
ACTION_SPANS = [
    (["Rebels", "set", "up", "camps", "in", "Tumba", "."], [1, 1, 1, 1, 1, 4, 1],
     ["nsubj", "ROOT", "prt", "dobj", "prep", "pobj", "punct"], "set up", "set up"),
    (["Rebels", "set", "camps", "up", "in", "Tumba", "."], [1, 1, 1, 1, 1, 4, 1],
     ["nsubj", "ROOT", "dobj", "prt", "prep", "pobj", "punct"], "set up", "set"),
    (["Rebels", "camped", "in", "Tumba", "on", "Friday", "."], [1, 1, 1, 2, 1, 4, 1],
     ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"], "camp", "camped"),
]


@pytest.mark.parametrize(("words", "heads", "deps", "lemma", "expected"), ACTION_SPANS)
def test_the_action_of_a_phrasal_verb_keeps_its_adjacent_particle(words, heads, deps, lemma, expected):
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, sent_starts=[True] + [False] * (len(words) - 1))
    (event,) = build_tuples(
        doc, [Trigger(1, lemma, "verb")], [Arguments(actor=(0, 1), location=(5, 6), rules={"actor": "subject"})], normalize=False
    )
    assert event.action.text == expected
    assert (event.action.start, event.action.end) == (doc[1].idx, doc[1].idx + len(expected))


# --- the event class in context (build.security_cue, normalize.event_type.type_in_context) ---
@pytest.mark.parametrize(
    "text, word, cue",
    [
        ("Russian troops arrived in Kursk on Monday.", "arrived", "actor_sector"),
        ("The convoy arrived in Kursk with tanks on Monday.", "arrived", "security_noun"),
        ("The rebels shelled the town on Monday.", "shelled", "security_lemma"),
        ("North Korea sent workers to Russia last year.", "sent", "state_actor"),
        ("The police moved into the square on Monday.", "moved", "actor_sector"),
        ("They signed a military accord in Pyongyang in June.", "signed", "security_noun"),
        ("The president arrived at the palace on Monday.", "arrived", None),
        ("The Cubs won the World Series in Cleveland on Wednesday.", "won", None),
        ("The company produced 5,000 cars in Detroit last year.", "produced", None),
    ],
)
def test_security_cue(nlp, text, word, cue):
    from extractor.build import security_cue
    from extractor.lexicon import default_lexicon
    from extractor.normalize import normalize_actor

    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    actor = normalize_actor(doc[subject.left_edge.i : subject.i + 1].text) if subject is not None else None
    assert security_cue(doc, tok.i, actor, default_lexicon(), tok.lemma_) == cue


@pytest.mark.parametrize(
    "text, lemma, event_type",
    [
        ("The Cubs won the World Series in Cleveland on Wednesday.", "win", "other"),
        ("The president arrived at the palace in Paris on Monday.", "arrive", "other"),
        ("Russian troops arrived in Kursk on Monday.", "arrive", "deploy"),
        ("A gunman killed three people in Chicago on Sunday.", "kill", "casualty"),
    ],
)
def test_event_type_in_context_end_to_end(extractor_, text, lemma, event_type):
    tuples = [t for t in extractor_.extract(text) if t.lemma == lemma]
    assert tuples and tuples[0].event_type == event_type
    assert tuples[0].extra["event_type_rule"].split(":")[0] in ("lemma", "core_casualty", "security_context", "civil_context")


# --- a proper name the gazetteer does not know is still a named place (build._named_place) ---
@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Thousands of protesters rallied at Trump Tower in New York on Sunday.", "Trump Tower", "US"),
        ("Thousands of protesters rallied at Trump Tower on Sunday.", "Trump Tower", None),
        ("The president met the prime minister in the Oval Office on Monday.", "Oval Office", None),
        ("Police arrested two men at Progressive Field on Friday.", "Progressive Field", None),
    ],
)
def test_unknown_proper_name_is_a_named_place(extractor_, text, name, country):
    (event,) = extractor_.extract(text)
    assert event.place is not None
    assert (event.place.name, event.place.country, event.place.feature) == (name, country, "named")
    assert event.place.lat is None and event.place.geonameid is None


@pytest.mark.parametrize(
    "text",
    [
        "The troops arrived in the city on Monday.",  # a common noun names no place
        "The troops arrived in the eastern suburbs on Monday.",
    ],
)
def test_common_noun_place_stays_unresolved(extractor_, text):
    events = extractor_.extract(text)
    assert events and all(e.place is None for e in events)


# --- a common noun place takes the document's country (build._context_place) ---
@pytest.mark.parametrize(
    "text, country",
    [
        # the document's one country
        ("Riots broke out in Lyon on Friday. Two men were arrested at the bakery on Saturday.", "FR"),
        # several countries: the one most of its places lie in
        (
            "Protesters marched in Caracas and Maracay. A student from Bogota was there. "
            "Soldiers raided the hospital on Monday.",
            "VE",
        ),
    ],
)
def test_common_noun_place_takes_the_documents_country(extractor_, text, country):
    events = [e for e in extractor_.extract(text) if e.location is not None and e.location.text.islower()]
    assert events, "the common-noun place is linked"
    for event in events:
        assert (event.place.name, event.place.country, event.place.feature) == (None, country, "context")
        assert event.place.lat is None and event.place.geonameid is None
        # the JSON form keeps the country without a name, and reads back the same place
        data = event.to_dict()
        assert (data["location_name"], data["location_country"]) == (None, country)
        assert type(event).from_dict(data).place == event.place


@pytest.mark.parametrize(
    "words, pos, deps, tags, expected",
    [
        # adjectives and adverbs of the quantity describe the counted noun
        (["seven", "exhilarating", "games"], ["NUM", "VERB", "NOUN"], ["nummod", "amod", "ROOT"], ["CD", "VBG", "NNS"], {"exhilarating"}),
        (["four", "most", "capable", "jets"], ["NUM", "ADV", "ADJ", "NOUN"], ["nummod", "advmod", "amod", "ROOT"], ["CD", "RBS", "JJ", "NNS"], {"most", "capable"}),
        # a noun modifier names what is counted and stays
        (["two", "police", "commandoes"], ["NUM", "NOUN", "NOUN"], ["nummod", "compound", "ROOT"], ["CD", "NN", "NNS"], set()),
        # a participle that is not a modifier of the noun is no modifier
        (["troops", "armed", "it"], ["NOUN", "VERB", "PRON"], ["ROOT", "acl", "dobj"], ["NNS", "VBN", "PRP"], set()),
    ],
)
def test_quantity_modifiers_read_the_parse(words, pos, deps, tags, expected):
    from extractor.build import quantity_modifiers

    doc = Doc(VOCAB, words=words, pos=pos, deps=deps, tags=tags, heads=[len(words) - 1] * len(words) if deps[-1] == "ROOT" else [0] * len(words))
    assert quantity_modifiers(doc, (0, len(words))) == expected
    assert quantity_modifiers(doc, None) == frozenset()
