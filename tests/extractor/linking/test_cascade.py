"""The rule that fills each slot, through the real model: one invented sentence per rule,
every rule of every role reached by one of them, and the lexicon the linker is given. An
agentless verdict (``AGENTLESS``) is recorded as the actor's rule with the actor null."""

from __future__ import annotations

import pytest

from extractor.lexicon import Lexicon
from extractor.linking import AGENTLESS, RULES, link_arguments, make_dep_linker
from extractor.triggers import find_triggers

LEXICON = Lexicon()

# (sentence, trigger word as written, role, name of the rule expected to fill the role, or
# for an agentless verdict, to leave the actor null)
CASES = [
    # actor: event nouns
    ("Iran's attack on the tanker was condemned in Oslo.", "attack", "actor", "possessor"),
    ("The attack by Hezbollah on the convoy killed 12 people.", "attack", "actor", "by_agent"),
    ("The Iranian deployment near the border alarmed Baghdad.", "deployment", "actor", "named_modifier"),
    ("A Saudi-led air strike on the port in Hodeidah killed 12 people.", "strike", "actor", "leading_modifier"),
    ("A police raid in Lyon on Monday found weapons.", "raid", "actor", "body_modifier"),
    ("The colonel was convicted of torture in Gao in 2019.", "torture", "actor", "accused"),
    ("The arrival of 400 Chadian soldiers in Bamako was delayed.", "arrival", "actor", "of_object"),
    ("Rebels carried out an attack on the airport in March.", "attack", "actor", "support_verb_subject"),
    ("The rebel chief faces extradition to Chile by Norway.", "extradition", "actor", "undergone_by_agent"),
    ("Belarus participated in the invasion in 2022.", "invasion", "actor", "participant_subject"),
    ("An inspection team from Vienna arrived in Tehran.", "inspection", "actor", "modified_noun"),
    ("Chile is a major supplier of copper.", "supplier", "actor", "agent_noun"),
    ("The attackers fled toward the border on Monday.", "attackers", "actor", "agent_noun"),
    # actor: clauses
    ("The UN asked Sudan to withdraw its troops from Darfur.", "withdraw", "actor", "controller"),
    ("The bridge was destroyed by Russian artillery on Tuesday.", "destroyed", "actor", "passive_agent"),
    ("Five soldiers were killed in an ambush by insurgents.", "killed", "actor", "low_agent"),
    ("The soldiers who crossed the river in April were captured.", "crossed", "actor", "relative_head"),
    ("Peru sent 200 engineers to Haiti last year.", "sent", "actor", "subject"),
    ("Some 200 Belarusian soldiers were spotted in Kursk last week.", "spotted", "actor", "passive_patient"),
    ("Volunteers arriving in Gdansk were registered.", "arriving", "actor", "participle_head"),
    ("Norway's decision to deploy 50 medics to Gaza surprised Israel.", "deploy", "actor", "noun_possessor"),
    ("Iran built drones able to fly 2,000 km.", "fly", "actor", "adjective_head"),
    # actor: refinements and the fallback
    ("The school in Tikrit was rebuilt with the help of Japanese engineers.", "rebuilt", "actor", "assisting_agent"),
    ("Kenya's police officers were sent to Haiti in 2024.", "sent", "actor", "passive_owner"),
    ("Hezbollah's activity in Syria grew in 2015.", "grew", "actor", "activity_owner"),
    ("Negotiations between Iran and Oman resumed in Muscat in May.", "Negotiations", "actor", "between_party"),
    # actor: agentless verdicts (guide v2 rule 2)
    ("Chinese engineers were sent to Laos in 2019.", "sent", "actor", "agentless_passive"),
    ("Nine hikers stranded near Zermatt", "stranded", "actor", "agentless_participle"),
    ("Three journalists detained in Minsk", "detained", "actor", "agentless_headline"),
    ("The explosion injured 14 workers at the refinery.", "injured", "actor", "agentless_cause"),
    ("A derailment in France delayed trains.", "derailment", "actor", "agentless_noun"),
    ("Riots broke out in Dunmore on Friday.", "broke", "actor", "agentless_outbreak"),
    ("So far this year there have been 212 cases of measles in the province.", "been", "actor", "agentless_count"),
    # quantity
    ("Peru sent 200 engineers to Haiti last year.", "sent", "quantity", "counted_object"),
    ("Thousands of families fled from Kharkiv.", "fled", "quantity", "counted_subject"),
    ("Rebels attacked the town with 300 fighters.", "attacked", "quantity", "counted_prep_object"),
    ("The Brenton index fell 3 percent on Friday.", "fell", "quantity", "measured_extent"),
    ("About 2,000 soldiers operating in Donetsk were wounded.", "operating", "quantity", "counted_actor"),
    ("About 300 crates were loaded and shipped to Odesa.", "shipped", "quantity", "counted_patient"),
    ("The ferry was searched three times in Calais.", "searched", "quantity", "counted_frequency"),
    # location
    ("Peru sent 200 engineers to Haiti last year.", "sent", "location", "destination"),
    ("Rebels attacked a convoy in Mali.", "attacked", "location", "static_place"),
    ("Thousands of families fled from Kharkiv.", "fled", "location", "origin"),
    ("Turkish troops entered Afrin in January.", "entered", "location", "place_object"),
    ("The Russian invasion of Ukraine began in 2022.", "invasion", "location", "noun_place_object"),
    ("Rebels seized control of Idlib last year.", "seized", "location", "controlled_place"),
    ("The shelling of Mosul lasted two days.", "shelling", "location", "noun_place_object"),
    ("About 300 crates were loaded and shipped to Odesa.", "shipped", "location", "motion_destination"),
    ("The column marched through Mosul at night.", "marched", "location", "passage_place"),
    ("Tehran supplied Moscow with drones in 2022.", "supplied", "location", "supplied_place"),
    ("The camp where the recruits train was bombed.", "train", "location", "where_clause_head"),
    ("The rebels shelled the village in which the recruits trained.", "trained", "location", "relative_place_head"),
    ("Jets hit the roof of a hospital in Aleppo.", "hit", "location", "deep_place"),
    ("Syria's civil war killed thousands.", "war", "location", "place_modifier"),
    ("The senator won the Ohio primary.", "won", "location", "contest_place"),
    ("Japan sent engineers to rebuild schools in Iraq.", "sent", "location", "purpose_clause"),
    ("Gunmen stormed and looted a bank in Lagos on Monday.", "stormed", "location", "shared_object_place"),
    ("Iran's attack on the tanker was condemned in Oslo.", "attack", "location", "governing_clause_place"),
    ("In Lagos, gangs engaged in kidnapping.", "kidnapping", "location", "served_verb_place"),
    ("Gunmen attacked a Kabul hotel on Monday.", "attacked", "location", "object_place_modifier"),
    ("Two soldiers inside the compound shot a guard.", "shot", "location", "subject_place"),
    ("The warehouse located near Brenton was looted by soldiers.", "looted", "location", "patient_participle_place"),
    ("A young pilot died when his plane crashed in the desert.", "died", "location", "simultaneous_clause_place"),
    ("Soldiers looted homes during the invasion of Lenmark.", "looted", "location", "simultaneous_event_place"),
    ("Thirty villagers drowned in the Marlowe last spring.", "drowned", "location", "person_labelled_place"),
    ("An inspection team from Vienna arrived in Tehran.", "inspection", "location", "nearest_place"),
    ("The farmer bought a house in a neighbouring county in May.", "bought", "location", "common_place"),
    ("The Dutch rider won at Mugello on Sunday.", "won", "location", "venue_name"),
    ("The mayor stood on a garbage truck on Friday.", "stood", "location", "artifact_place"),
    # date
    ("A year has passed since Sudan signed the accord.", "signed", "date", "elapsed_since"),
    ("Peru sent 200 engineers to Haiti last year.", "sent", "date", "date_dependent"),
    ("Rebels carried out an attack on the airport in March.", "attack", "date", "prep_date"),
    ("Protesters were arrested during the 2019 parade.", "arrested", "date", "event_dated_prep"),
    ("Protesters were arrested in the last hour of the 2019 parade.", "arrested", "date", "dated_whole"),
    ("The rider won Sunday's race in Valencia.", "won", "date", "dated_contest"),
    ("Troops withdrew two days before the election.", "withdrew", "date", "time_before_event"),
    ("Ukraine has received 30 tanks since the war began.", "received", "date", "since_clause"),
    ("Troops have patrolled the border since then.", "patrolled", "date", "since_then"),
    ("Nepal could send troops as soon as July or August.", "send", "date", "as_early_as"),
    ("The 1979 revolution toppled the Shah.", "revolution", "date", "modifier_date"),
    ("Rebels attacked the base at 7 p.m.", "attacked", "date", "clause_time"),
    ("The attack on the embassy in 1998 shocked Nairobi.", "attack", "date", "deep_date"),
    ("Japan sent engineers to rebuild the bridge by March.", "sent", "date", "purpose_clause"),
    ("Gunmen stormed and looted a bank in Lagos on Monday.", "stormed", "date", "shared_object_date"),
    ("The March 3 raid, which killed four guards, angered Kabul.", "killed", "date", "event_antecedent_date"),
    ("A bomb exploded in Lyon on Friday, wounding 13 people.", "wounding", "date", "supplementive_clause_date"),
    ("In 2014, when rebels seized the airport, thousands fled.", "seized", "date", "when_clause_head"),
    ("Rebels seized the depot after the peace conference.", "seized", "date", "anchored_date"),
]


@pytest.mark.parametrize("text, word, role, rule", CASES, ids=[f"{role}-{rule}" for _, _, role, rule in CASES])
def test_the_rule_that_fills_the_slot_is_recorded(linked, text, word, role, rule):
    _, args = linked(text, word)
    if rule in AGENTLESS:
        assert args.actor is None
    else:
        assert getattr(args, role) is not None
    assert args.rules.get(role) == rule


def test_rules_are_recorded_for_the_filled_slots_only(linked):
    doc, args = linked("Peru sent 200 engineers to Haiti last year.", "sent")
    assert args.rules == {"actor": "subject", "quantity": "counted_object", "location": "destination", "date": "date_dependent"}
    doc, args = linked("Thousands of families fled from Kharkiv.", "fled")
    assert args.date is None and set(args.rules) == {"actor", "quantity", "location"}


def test_an_agentless_event_records_its_verdict_under_the_actor(linked):
    doc, args = linked("Four suspects were arrested in Madrid on Tuesday.", "arrested")
    assert args.actor is None
    assert args.rules == {"actor": "agentless_passive", "quantity": "counted_object", "location": "static_place", "date": "prep_date"}
    # an actor the linker does not find records no rule: no verdict, no tuple
    doc, args = linked("To protect the harbour, 40 guards.", "protect")
    assert args.actor is None and "actor" not in args.rules


def test_an_event_noun_is_agentless_only_with_a_place_date_or_count_of_its_own(linked):
    # the place belongs to the verb that reports the attack, not to the attack
    doc, args = linked("In France, ministers condemned the derailment.", "derailment")
    assert args.actor is None and "actor" not in args.rules
    doc, args = linked("Ministers condemned the derailment in France.", "derailment")
    assert args.actor is None and args.rules["actor"] == "agentless_noun"


def test_the_date_of_the_event_noun_a_relative_clause_tells_of_is_the_clause_s_own(linked):
    # "a Friday blast which injured several people": the blast's date is the injuring's,
    # enough for an agentless event with no count, place or date in its own clause
    doc, args = linked("A Friday blast which injured several people shocked the town.", "injured")
    assert args.actor is None and args.rules == {"actor": "agentless_cause", "date": "event_antecedent_date"}


def test_a_noun_that_names_a_body_is_no_event(linked, span_text):
    # "government" comes from "govern", but names who acts
    doc, args = linked("The government sent 300 troops to Mali in May.", "sent")
    assert span_text(doc, args.actor) == "government"
    assert args.rules["actor"] == "subject"


@pytest.mark.parametrize("role", sorted(RULES))
def test_rule_names_of_a_role_are_unique_and_each_is_reached_by_a_sentence(role):
    names = RULES[role]
    assert len(set(names)) == len(names)
    # a sentence whose slot a rule fills shows the rules before it did not fire: each rule
    # of the table is reachable in its place
    reached = {rule for _, _, r, rule in CASES if r == role}
    assert reached == set(names)


def test_link_arguments_without_a_lexicon_reads_the_shipped_one(nlp):
    doc = nlp("Forty medics were sent to Gaza in June.")
    triggers = find_triggers(doc, lexicon=LEXICON)
    assert link_arguments(doc, triggers) == link_arguments(doc, triggers, LEXICON)


def test_the_linker_reads_its_word_classes_from_the_lexicon_it_is_given(linked, span_text):
    # a past participle on its noun is an agentless event unless its verb is intransitive:
    # "strand" is not an intransitive verb of the shipped lexicon, and is one of this lexicon's
    text, word = "Forty medics stranded in Gaza", "stranded"
    doc, shipped = linked(text, word)
    assert shipped.actor is None and shipped.rules["actor"] == "agentless_participle"
    stranded = make_dep_linker(Lexicon(add={"intransitive": ["strand"]}))
    doc, args = linked(text, word, stranded)
    assert span_text(doc, args.actor) == "medics"
    assert args.rules["actor"] == "participle_head"
    # and a prepositional object is a place only when it is a place noun of the lexicon
    text, word = "The rebels hid in a bunker.", "hid"
    assert linked(text, word)[1].location is None
    doc, args = linked(text, word, make_dep_linker(Lexicon(add={"general_places": ["bunker"]})))
    assert span_text(doc, args.location) == "bunker"
    assert args.rules["location"] == "static_place"


# (sentence, trigger, the location the last-resort common place gives, or None): a common
# noun WordNet files first as a place after a preposition of position or destination on the
# trigger; never a communication, an act or an artifact
COMMON_PLACE_CASES = [
    ("The farmer bought a house in a neighbouring county in May.", "bought", "neighbouring county"),
    ("The rally was held at the venue on Friday.", "held", "venue"),
    ("Smith announced the deal in a statement on Friday.", "announced", None),
    ("Smith spoke on the phone on Friday.", "spoke", None),
]


# (sentence, trigger, the location the last-resort venue name gives, or None): a proper name
# after "at" on an event verb that the tagger labels an organization or leaves unlabelled is
# the site the event is held at; a person after "at" is a target, no place
VENUE_CASES = [
    ("The senators met at Harvard on Friday.", "met", "Harvard"),
    ("She waved at Johnson on Friday.", "waved", None),
    ("They arrived at noon on Friday.", "arrived", None),
]


# (sentence, trigger, the location the last-resort artifact place gives, or None): a common
# noun whose first WordNet sense is a building, structure, vehicle, excavation, way or
# facility; not a device, a garment or a container one holds, a noun that names an occurrence
# too ("launch"), nor a target after "to" ("clung to a truck"), nor a spot inside a sports
# venue (gold decision D4)
ARTIFACT_PLACE_CASES = [
    ("The boy fell into a deep well on Tuesday.", "fell", "deep well"),
    ("The guards led the prisoner onto the balcony on Monday.", "led", "balcony"),
    ("The pilot waited in the plane for two hours on Sunday.", "waited", "plane"),
    ("Two workers were injured in the tunnel on Friday.", "injured", "tunnel"),
    ("A girl fell into a deserted well on Monday.", "fell", "deserted well"),
    ("The minister spoke at the launch of the campaign on Monday.", "spoke", None),
    ("The protester clung to a garbage truck on Friday.", "clung", None),
    ("Smith argued with his wife on the phone on Friday.", "argued", None),
    ("The pitcher stood on the mound for six innings on Sunday.", "stood", None),
    ("The catcher dropped the ball in his glove on Sunday.", "dropped", None),
    ("The reliever warmed up in the bullpen on Sunday.", "warmed", None),
]


@pytest.mark.parametrize(
    "text, word, location, rule",
    [(*case, "venue_name") for case in VENUE_CASES]
    + [(*case, "artifact_place") for case in ARTIFACT_PLACE_CASES]
    + [(*case, "common_place") for case in COMMON_PLACE_CASES],
)
def test_last_resort_place_rules(linked, span_text, text, word, location, rule):
    """Each last-resort place rule gives its place (and is the rule recorded), or leaves none."""
    doc, args = linked(text, word)
    assert span_text(doc, args.location) == location
    if location is not None:
        assert args.rules["location"] == rule


# (sentence, trigger, date): a part of the day the tagger leaves unlabelled counts as a time
# when it is determined or follows "at"; "between" is a preposition of time
DAY_PART_CASES = [
    ("Ministers met with the envoy in the afternoon.", "met", "in the afternoon"),
    ("The convoy left Kabul at dawn.", "left", "at dawn"),
    ("Between 1990 and 1995, the company opened six plants in Ohio.", "opened", "Between 1990 and 1995"),
    ("The envoy met the ministers in Oslo.", "met", None),
]


@pytest.mark.parametrize("text, word, date", DAY_PART_CASES)
def test_parts_of_the_day_and_between_give_dates(linked, span_text, text, word, date):
    doc, args = linked(text, word)
    assert span_text(doc, args.date) == date


# (sentence, trigger word): a trigger with neither an actor nor an agentless verdict, whose
# own phrase names a place: tuple building leaves it out, so ``admitted_only`` does not look
ADMITTED_ONLY_CASES = [
    ("Fighting in Odesa resumed on Monday after a lull.", "Fighting"),
    ("Heavy shelling hit the port in Odesa on Monday.", "hit"),
]


@pytest.mark.parametrize("text,word", ADMITTED_ONLY_CASES)
def test_admitted_only_leaves_out_the_slots_of_a_trigger_that_gives_no_tuple(nlp, text, word):
    doc = nlp(text)
    triggers = find_triggers(doc, lexicon=LEXICON)
    full = link_arguments(doc, triggers, LEXICON)
    admitted = link_arguments(doc, triggers, LEXICON, admitted_only=True)
    k = next(k for k, t in enumerate(triggers) if doc[t.i].text == word)
    assert full[k].actor is None and "actor" not in full[k].rules and full[k].location is not None
    assert admitted[k].location is None and admitted[k].rules == {}
    for args, same in zip(full, admitted):
        if args.actor is not None or "actor" in args.rules:
            assert same == args  # a trigger that can give a tuple keeps every slot


def test_the_component_asks_for_admitted_triggers_only_and_gives_the_same_tuples(extractor_):
    from extractor.component import _takes_admitted_only
    from extractor.linking.cascade import link_arguments as rule_linker

    component = extractor_.nlp.get_pipe("event_extractor")
    assert _takes_admitted_only(component.linker)
    assert not _takes_admitted_only(lambda doc, triggers: [])
    text = "Fighting in Odesa resumed on Monday. Russian troops shelled the port in Odesa on Tuesday."
    admitted = [e.to_dict() for e in extractor_.nlp(text)._.events]
    saved = component.linker
    try:
        component.linker = lambda doc, triggers: rule_linker(doc, triggers, component.lexicon)  # no admitted_only
        every = [e.to_dict() for e in extractor_.nlp(text)._.events]
    finally:
        component.linker = saved
    assert admitted == every and admitted


# (sentence, trigger, whether the place of its infinitive of purpose is the trigger's): a verb
# that moves people or goods goes where its purpose is; any other act's purpose is a motive
# whose place is the purpose's own (seeds decision 3; news-dev3 a D14, b D10)
PURPOSE_PLACE_CASES = [
    ("Japan sent engineers to rebuild schools in Iraq.", "sent", True),
    ("Oslo dispatched 40 medics to treat the wounded in Gaza.", "dispatched", True),
    ("The charity worked hard to promote literacy in Chad.", "worked", False),
    ("The rebels trained drones to strike targets in Kivu.", "trained", False),
]


@pytest.mark.parametrize("text, word, placed", PURPOSE_PLACE_CASES)
def test_a_purpose_places_only_a_motion(linked, text, word, placed):
    _, args = linked(text, word)
    assert (args.rules.get("location") == "purpose_clause") is placed


# (sentence, trigger, the place the governing clause gives it, or None): an adverbial clause
# with a subject of its own is another event, not placed where the main clause is (seeds
# decision 24; news-dev3 a D18); a participle of the main clause shares its place
GOVERNING_PLACE_CASES = [
    ("Four militants were killed in Gao district when a vehicle touched off a mine.", "touched", None),
    ("Two guards were wounded in Lyon after a man opened fire.", "opened", None),
    ("Rebels attacked a convoy in Gao on Monday, killing six soldiers.", "killing", "Gao"),
]


@pytest.mark.parametrize("text, word, place", GOVERNING_PLACE_CASES)
def test_an_adverbial_clause_with_its_own_subject_is_not_placed_by_the_main_clause(linked, span_text, text, word, place):
    doc, args = linked(text, word)
    assert (span_text(doc, args.location) if args.location is not None else None) == place


# (sentence, trigger, the date its modifier gives, or None): a weekday made a proper name by
# a capitalized word of no date names a day or an event, no date (news-dev3 b D2)
NAMED_DAY_CASES = [
    ("The aim of the Bloody Friday attacks was disputed.", "attacks", None),
    ("The Black Friday sales drew crowds to Ohio malls.", "sales", None),
    ("The Friday attack in Lyon injured 13 people.", "attack", "Friday"),
    ("Last Friday's attack in Lyon injured 13 people.", "attack", "Last Friday"),
]


@pytest.mark.parametrize("text, word, date", NAMED_DAY_CASES)
def test_a_named_day_is_no_date(linked, span_text, text, word, date):
    doc, args = linked(text, word)
    assert (span_text(doc, args.date) if args.date is not None else None) == date
