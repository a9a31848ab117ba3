"""Document-level events (``extractor.docevents.merge_events``) on hand-built mention tuples.

The article text and the tuples are invented for these tests (no seed or evaluation text).
Each tuple is built the way the extractor writes one: offsets into the text, a lemma, an
event class and the normalized values, so the merge sees exactly what it sees in a run.
"""

from __future__ import annotations

import json
import random

import pytest

from extractor.docevents import DocumentEvent, SlotOrigin, merge_events
from extractor.types import ActorValue, DateValue, EventTuple, PlaceValue, QuantityValue, Slot

# Invented places: two cities of one country, and the country.
KARVO = PlaceValue("Karvo", country="ZZ", lat=10.0, lon=20.0, geonameid=9000001, admin1="North Province")
LUNDA = PlaceValue("Lunda", country="ZZ", lat=11.0, lon=21.0, geonameid=9000002, admin1="South Province")
ZEDLAND = PlaceValue("Zedland", country="ZZ", lat=10.5, lon=20.5, geonameid=9000000, admin1=None)

TEXT = (
    "Gunmen attack market in Karvo, killing four\n"
    "\n"
    "KARVO, Zedland (Wire) - Gunmen attacked a crowded market in Karvo on Tuesday, officials said. "
    "The attackers killed four people at the market in Karvo. "
    "The death toll later rose to six, a hospital official said. "
    "On Monday gunmen attacked a checkpoint in Lunda. "
    "The blast destroyed two trucks. "
    "Farmers in Lunda protested on Monday against new taxes. "
    "The farmers protested again in Lunda on Wednesday. "
    "Hundreds of farmers protested in Lunda on Monday. "
    "Farmers protested in Lunda on Monday until dark."
)
PUBLISHED = "2031-05-08"  # a Thursday
TITLE = "Gunmen attack market in Karvo, killing four"


def headline_event(title: str, body: str, action: str, lemma: str, actor: str) -> tuple[str, DocumentEvent]:
    """The article ``title`` + ``body`` and its one event, whose only mention is the headline's."""
    text = f"{title}\n\n{body}"
    only = mention(text, title, action, lemma, "other", actor=actor)
    (event,) = merge_events([only], text=text, published="2031-05-12", title=title)
    return text, event


def assert_region_location(text: str, event: DocumentEvent, expected: str | None, region: str) -> None:
    """The event's location is ``expected``, taken from ``region`` of the text (or none)."""
    if expected is None:
        assert event.location is None
    else:
        assert event.location.text == expected and event.origins["location"].region == region
        assert text[event.location.start : event.location.end] == expected


def span(text: str, needle: str, after: int = 0) -> Slot:
    start = text.index(needle, after)
    return Slot(needle, start, start + len(needle))


def mention(
    text: str,
    sentence: str,
    action: str,
    lemma: str,
    event_type: str,
    *,
    actor: str | None = None,
    actor_name: str | None = None,
    location: str | None = None,
    place: PlaceValue | None = None,
    date: str | None = None,
    date_value: str | None = None,
    quantity: str | None = None,
    quantity_value: float | None = None,
    unit: str | None = None,
    modality: str = "asserted",
    source: str | None = None,
    confidence: float = 0.6,
) -> EventTuple:
    """A tuple whose slots are located inside ``sentence`` (a unique stretch of ``text``)."""
    at = text.index(sentence)
    return EventTuple(
        action=span(text, action, at),
        lemma=lemma,
        event_type=event_type,
        actor=span(text, actor, at) if actor else None,
        actor_value=ActorValue(actor_name or actor) if actor else None,
        location=span(text, location, at) if location else None,
        place=place,
        date=span(text, date, at) if date else None,
        date_value=DateValue(date_value, date) if date and date_value else None,
        quantity=span(text, quantity, at) if quantity else None,
        quantity_value=QuantityValue(quantity_value, unit) if quantity_value is not None else None,
        modality=modality,
        source=span(text, source, at) if source else None,
        evidence=span(text, sentence),
        confidence=confidence,
    )


# The mentions of TEXT, in text order.
HEADLINE = mention(TEXT, TITLE, "attack", "attack", "combat", actor="Gunmen", location="Karvo", place=KARVO)
LEAD = mention(
    TEXT, "Gunmen attacked a crowded market in Karvo on Tuesday", "attacked", "attack", "combat",
    actor="Gunmen", location="Karvo", place=KARVO, date="on Tuesday", date_value="2031-05-06",
)
KILLED = mention(
    TEXT, "The attackers killed four people at the market in Karvo.", "killed", "kill", "casualty",
    actor="attackers", actor_name="Gunmen", location="Karvo", place=KARVO,
    quantity="four people", quantity_value=4, unit="people",
)
TOLL = mention(
    TEXT, "The death toll later rose to six, a hospital official said.", "toll", "kill", "casualty",
    quantity="six", quantity_value=6, unit="people", source="a hospital official", modality="reported",
)
LUNDA_ATTACK = mention(
    TEXT, "On Monday gunmen attacked a checkpoint in Lunda.", "attacked", "attack", "combat",
    actor="gunmen", actor_name="Gunmen", location="Lunda", place=LUNDA, date="On Monday", date_value="2031-05-05",
)
BLAST = mention(
    TEXT, "The blast destroyed two trucks.", "blast", "blast", "combat",
    quantity="two trucks", quantity_value=2, unit="trucks",
)
PROTEST_1 = mention(
    TEXT, "Farmers in Lunda protested on Monday", "protested", "protest", "other",
    actor="Farmers", location="Lunda", place=LUNDA, date="on Monday", date_value="2031-05-05",
)
PROTEST_2 = mention(
    TEXT, "The farmers protested again in Lunda on Wednesday.", "protested", "protest", "other",
    actor="farmers", actor_name="Farmers", location="Lunda", place=LUNDA, date="on Wednesday", date_value="2031-05-07",
)
PROTEST_3 = mention(
    TEXT, "Hundreds of farmers protested in Lunda on Monday.", "protested", "protest", "other",
    actor="farmers", actor_name="Farmers", location="Lunda", place=LUNDA, date="on Monday", date_value="2031-05-05",
)
PROTEST_4 = mention(
    TEXT, "Farmers protested in Lunda on Monday until dark.", "protested", "protest", "other",
    actor="Farmers", location="Lunda", place=LUNDA, date="on Monday", date_value="2031-05-05",
)
ALL = [HEADLINE, LEAD, KILLED, TOLL, LUNDA_ATTACK, BLAST, PROTEST_1, PROTEST_2, PROTEST_3, PROTEST_4]


def merged(tuples, **kw):
    kw.setdefault("text", TEXT)
    kw.setdefault("published", PUBLISHED)
    kw.setdefault("title", TITLE)
    return merge_events(tuples, **kw)


def event_of(events, index):
    (found,) = [e for e in events if index in e.mentions]
    return found


def groups(events):
    return sorted(tuple(e.mentions) for e in events)


# --- merging ---------------------------------------------------------------------------------


def test_same_attack_told_three_times_is_one_event():
    events = merged([HEADLINE, LEAD, KILLED])
    assert groups(events) == [(0, 1, 2)]
    (event,) = events
    assert event.actor.text == "Gunmen" and event.location.text == "Karvo"
    assert event.date.text == "on Tuesday" and event.from_["date"] == 1  # filled from the lead's mention
    assert event.quantity.text == "four people" and event.from_["quantity"] == 2


def test_two_attacks_in_two_cities_stay_apart():
    events = merged([HEADLINE, LEAD, LUNDA_ATTACK])
    assert groups(events) == [(0, 1), (2,)]
    # only the places tell them apart: same actor and lemma, no dates
    undated = mention(
        TEXT, "On Monday gunmen attacked a checkpoint in Lunda.", "attacked", "attack", "combat",
        actor="gunmen", actor_name="Gunmen", location="Lunda", place=LUNDA,
    )
    assert groups(merged([HEADLINE, undated])) == [(0,), (1,)]


def test_different_dates_are_different_events():
    # same actor, same place, same class: Monday's protest is not Wednesday's
    events = merged([PROTEST_1, PROTEST_2])
    assert groups(events) == [(0,), (1,)]
    again = mention(
        TEXT, "The farmers protested again in Lunda on Wednesday.", "protested", "protest", "other",
        actor="farmers", actor_name="Farmers", location="Lunda", place=LUNDA,
    )  # the same sentence without a date: compatible, and the same lemma, actor and place
    assert groups(merged([PROTEST_1, again])) == [(0, 1)]


def test_a_city_is_compatible_with_its_country():
    in_country = mention(
        TEXT, "Gunmen attacked a crowded market in Karvo on Tuesday", "attacked", "attack", "combat",
        actor="Gunmen", location="Karvo", place=ZEDLAND,
    )
    assert groups(merged([HEADLINE, in_country])) == [(0, 1)]


def test_an_unresolved_place_may_lie_in_a_resolved_country_but_not_in_another_city():
    text = "Gunmen attacked the Upper Valley in Zedland. Gunmen attacked the Upper Valley again."
    valley = mention(text, "Gunmen attacked the Upper Valley again.", "attacked", "attack", "combat",
                     actor="Gunmen", location="Upper Valley")
    country = mention(text, "Gunmen attacked the Upper Valley in Zedland.", "attacked", "attack", "combat",
                      actor="Gunmen", location="Zedland", place=ZEDLAND)
    assert groups(merge_events([country, valley], text=text, published=None)) == [(0, 1)]
    city = EventTuple(**{**country.__dict__, "place": KARVO})
    assert groups(merge_events([city, valley], text=text, published=None)) == [(0,), (1,)]


def test_definite_event_noun_refers_back_to_the_nearest_compatible_event():
    events = merged([HEADLINE, LEAD, LUNDA_ATTACK, BLAST])
    assert groups(events) == [(0, 1), (2, 3)]  # "The blast" after the Lunda attack


def test_indefinite_event_noun_without_evidence_stays_alone():
    text = TEXT.replace("The blast destroyed", "A blast destroyed")
    blast = mention(text, "A blast destroyed two trucks.", "blast", "blast", "combat")
    lunda = mention(
        text, "On Monday gunmen attacked a checkpoint in Lunda.", "attacked", "attack", "combat",
        actor="gunmen", location="Lunda", place=LUNDA,
    )
    assert groups(merged([lunda, blast], text=text)) == [(0,), (1,)]


def test_toll_update_keeps_the_latest_figure_with_its_provenance():
    events = merged([HEADLINE, LEAD, KILLED, TOLL])
    event = event_of(events, 3)
    assert event.mentions == (0, 1, 2, 3)
    assert event.quantity.text == "six" and event.quantity_value.value == 6
    assert event.from_["quantity"] == 3
    assert event.origins["quantity"] == SlotOrigin(mention=3, modality="reported", source="a hospital official")
    assert event.origins["actor"].modality == "asserted"  # each slot keeps its own mention's modality


def test_a_revised_toll_wins_even_when_lower():
    text = "The quake killed four people in Lunda. Officials later revised the toll to three."
    first = mention(text, "The quake killed four people in Lunda.", "killed", "kill", "casualty",
                    location="Lunda", place=LUNDA, quantity="four people", quantity_value=4, unit="people")
    revised = mention(text, "Officials later revised the toll to three.", "toll", "kill", "casualty",
                      quantity="three", quantity_value=3, unit="people")
    (event,) = merge_events([first, revised], text=text, published=None)
    assert event.quantity.text == "three" and event.from_["quantity"] == 1


def test_without_an_update_cue_the_highest_toll_wins():
    text = "Floods in Lunda killed three people. Officials counted nine dead in Lunda."
    first = mention(text, "Floods in Lunda killed three people.", "killed", "kill", "casualty",
                    location="Lunda", place=LUNDA, quantity="three people", quantity_value=3, unit="people")
    second = mention(text, "Officials counted nine dead in Lunda.", "dead", "die", "casualty",
                     location="Lunda", place=LUNDA, quantity="nine dead", quantity_value=9, unit="people")
    (event,) = merge_events([second, first], text=text, published=None)
    assert event.quantity.text == "nine dead" and event.from_["quantity"] == 0


def test_negated_mentions_do_not_merge_with_asserted_ones():
    denied = mention(
        TEXT, "Gunmen attacked a crowded market in Karvo on Tuesday", "attacked", "attack", "combat",
        actor="Gunmen", location="Karvo", place=KARVO, modality="negated",
    )
    assert groups(merged([HEADLINE, denied])) == [(0,), (1,)]


def test_different_figures_outside_tolls_are_different_events():
    text = "Zedland sent 500 troops to Lunda. Zedland sent 2,000 troops to Lunda."
    a = mention(text, "Zedland sent 500 troops to Lunda.", "sent", "send", "deploy", actor="Zedland",
                location="Lunda", place=LUNDA, quantity="500 troops", quantity_value=500, unit="troops")
    b = mention(text, "Zedland sent 2,000 troops to Lunda.", "sent", "send", "deploy", actor="Zedland",
                location="Lunda", place=LUNDA, quantity="2,000 troops", quantity_value=2000, unit="troops")
    assert groups(merge_events([a, b], text=text, published=None)) == [(0,), (1,)]


# --- main event --------------------------------------------------------------------------------


def test_main_event_is_the_headlines_and_comes_first():
    events = merged(ALL)
    assert events[0].main and events[0].mentions[0] == 0
    assert events[0].action.text == "attack"  # the anchor: the headline's mention
    # Monday's protest has three mentions; the headline's single mention still wins
    events = merged([HEADLINE, PROTEST_1, PROTEST_3, PROTEST_4])
    assert groups(events) == [(0,), (1, 2, 3)] and events[0].mentions == (0,) and events[0].main


def test_headline_words_name_the_main_event_when_no_mention_is_in_the_headline():
    text = (
        "Rebels seize dam near Lunda\n\nHeavy rain fell across Zedland on Sunday. Roads in Karvo were "
        "flooded. Officials said rebels seized the Orso dam near Lunda on Saturday."
    )
    rain = mention(text, "Heavy rain fell across Zedland on Sunday.", "fell", "fall", "other",
                   actor="Heavy rain", location="Zedland", place=ZEDLAND, date="on Sunday", date_value="2031-05-11")
    seize = mention(text, "rebels seized the Orso dam near Lunda on Saturday.", "seized", "seize", "combat",
                    actor="rebels", location="Lunda", place=LUNDA, date="on Saturday", date_value="2031-05-10")
    events = merge_events([rain, seize], text=text, published="2031-05-12")
    assert events[0].mentions == (1,) and events[0].main


def test_exactly_one_main_event_and_the_rest_by_first_mention():
    events = merged(ALL)
    assert [e.main for e in events].count(True) == 1 and events[0].main
    firsts = [min(e.mentions) for e in events[1:]]
    assert firsts == sorted(firsts)
    assert sorted(i for e in events for i in e.mentions) == list(range(len(ALL)))  # a partition


def test_without_a_headline_mention_the_lead_and_headline_words_decide():
    events = merged([PROTEST_1, LUNDA_ATTACK, LEAD, PROTEST_2])
    assert events[0].main and 2 in events[0].mentions


# --- dateline and lead -------------------------------------------------------------------------


def test_main_event_takes_a_lead_date_no_other_event_claims():
    text = "Storm floods Karvo\n\nA storm flooded Karvo on Friday, cutting power to 3,000 homes."
    flood = mention(text, "Storm floods Karvo", "floods", "flood", "other", actor="Storm", location="Karvo", place=KARVO)
    (event,) = merge_events([flood], text=text, published="2031-05-12", title="Storm floods Karvo")
    assert event.date.text == "Friday" and event.date_value.value == "2031-05-09"
    assert "date" not in event.from_ and event.origins["date"] == SlotOrigin(mention=None, region="lead")
    assert text[event.date.start : event.date.end] == "Friday"
    # the same date claimed by another event's mention with another named actor is not taken
    text = "Storm floods Karvo\n\nA storm flooded Karvo, and Mayor Ilse Varn cut power to 3,000 homes on Friday."
    flood = mention(text, "Storm floods Karvo", "floods", "flood", "other", actor="Storm", location="Karvo", place=KARVO)
    cut = mention(text, "Mayor Ilse Varn cut power to 3,000 homes on Friday", "cut", "cut", "other", actor="Mayor Ilse Varn",
                  date="Friday", quantity="3,000 homes", quantity_value=3000, unit="homes")
    events = merge_events([flood, cut], text=text, published="2031-05-12", title="Storm floods Karvo")
    assert events[0].mentions == (0,) and events[0].date.text != "Friday"
    assert events[0].origins["date"].region == "published"  # the fallback, not the claimed Friday


# A lead mention of another event whose date may still be the main event's: its actor is the
# main event's, unknown, or a definite description; a date that names its own event noun
# ("Monday's vote") stays that event's.
@pytest.mark.parametrize(
    "lead, other, actor, date, expected",
    [
        # the main event's actor ("ferry" of "Ferry Marla"), in a clause of its own
        ("The ferry sank near Karvo while carrying grain on Friday, the coast guard said.", "carrying", "ferry", "on Friday", "on Friday"),
        # a definite description without a name refers back to the named actor
        ("Rescuers searched all night. The eight-year-old tumbled into the shaft on Friday.", "tumbled", "eight-year-old", "on Friday", "on Friday"),
        # no actor: an occasion the lead dates ("At a briefing on Friday ...")
        ("The ferry went down fast. At a vigil on Friday, families laid wreaths.", "vigil", None, "on Friday", "on Friday"),
        # another named actor: another event's date
        ("The ferry went down fast. Captain Ilse Varn resigned on Friday over the loss.", "resigned", "Captain Ilse Varn", "on Friday", None),
        # a date naming its own event noun
        ("The ferry sank before Friday's regatta. Its cargo was grain.", "regatta", None, "Friday", None),
    ],
)
def test_a_lead_date_of_a_mention_that_may_report_the_main_event_is_the_main_events(lead, other, actor, date, expected):
    title = "Ferry Marla sinks off Karvo"
    text = f"{title}\n\n{lead} Divers were sent."  # the lead is the first two sentences
    sink = mention(text, title, "sinks", "sink", "other", actor="Ferry Marla", location="Karvo", place=KARVO)
    found = mention(text, lead, other, other, "other", actor=actor, date=date)
    events = merge_events([sink, found], text=text, published="2031-05-12", title=title)
    assert events[0].mentions == (0,)
    if expected is None:
        assert events[0].origins["date"].region == "published"
    else:
        assert events[0].date.text.endswith("Friday") and events[0].origins["date"].region == "lead"
        assert events[0].date_value.value == "2031-05-09"


def test_a_date_of_reporting_in_the_lead_is_not_the_events():
    text = "Storm floods Karvo\n\nA storm has flooded Karvo, officials said on Friday."
    flood = mention(text, "Storm floods Karvo", "floods", "flood", "other", actor="Storm", location="Karvo", place=KARVO)
    (event,) = merge_events([flood], text=text, published="2031-05-12", title="Storm floods Karvo")
    assert event.date.text != "Friday" and event.origins["date"].region == "published"


@pytest.mark.parametrize(
    "lead, reported",
    [
        ("A storm has flooded Karvo, the mayor told reporters on Friday.", True),  # irregular form
        ("A storm has flooded Karvo, the ministry warned late Friday.", True),
        ("A storm has flooded Karvo, the ministry stresses on Friday.", True),  # a class member the old list lacked
        ("A storm has flooded Karvo, and the mayor made the comments on Friday.", False),  # a noun after a determiner
        ("A storm has flooded Karvo. In comments to donors on Friday the mayor blamed it. Roads are shut.", False),  # after a preposition
        ("A storm has flooded Karvo, and rescuers arrived on Friday.", False),  # no reporting verb
    ],
)
def test_a_reporting_verb_of_the_lexicon_dates_the_report_not_the_event(lead, reported):
    text = "Storm floods Karvo\n\n" + lead
    flood = mention(text, "Storm floods Karvo", "floods", "flood", "other", actor="Storm", location="Karvo", place=KARVO)
    (event,) = merge_events([flood], text=text, published="2031-05-12", title="Storm floods Karvo")
    if reported:
        assert event.date.text != "Friday" and event.origins["date"].region == "published"
    else:
        assert event.date.text == "Friday" and event.origins["date"].region == "lead"


@pytest.mark.parametrize(
    "opening, place",
    [
        ("KARVO: Floods cut the road on Friday.", "KARVO"),  # a colon, as some agencies write it
        ("KARVO, Zedland -- Floods cut the road on Friday.", "KARVO, Zedland"),
        ("(Wire) - Floods cut the road on Friday.", None),  # an agency alone names no place
        ("UPDATE: Floods cut the road on Friday.", None),  # a label, not a place
    ],
)
def test_the_dateline_is_textprep_s(opening, place):
    text, event = headline_event("Floods cut road", opening, "cut", "cut", "Floods")
    assert_region_location(text, event, place, "dateline")


def test_dateline_gives_the_main_event_a_place_when_its_mentions_give_none():
    events = merged([mention(TEXT, TITLE, "attack", "attack", "combat", actor="Gunmen")])
    assert events[0].location.text == "KARVO, Zedland"
    assert events[0].origins["location"].region == "dateline" and "location" not in events[0].from_
    assert events[0].date.text == "Tuesday"  # no mention gives a date: the lead's, unclaimed


# --- confidence, serialization, determinism ----------------------------------------------------


def test_confidence_is_the_noisy_or_of_the_mentions_times_region_fills():
    (event,) = merged([HEADLINE, LEAD])
    assert event.confidence == pytest.approx(1 - 0.4 * 0.4)
    (alone,) = merged([mention(TEXT, TITLE, "attack", "attack", "combat", actor="Gunmen")])
    assert alone.confidence == pytest.approx(0.6 * 0.8 * 0.8)  # date and location from the text


def test_to_dict_from_dict_round_trip_and_the_guide_form():
    events = merged(ALL)
    for event in events:
        data = event.to_dict()
        assert DocumentEvent.from_dict(json.loads(json.dumps(data))) == event
    data = events[0].to_dict()
    assert data["main"] is True and data["mentions"] == list(events[0].mentions)
    assert data["from"] == {"actor": 0, "action": 0, "quantity": 3, "location": 0, "date": 1}
    assert data["action"] == "attack" and data["event_type"] == "combat" and data["location_name"] == "Karvo"
    built = DocumentEvent(
        action=Slot("attack", 5, 11), actor=Slot("Gunmen", 0, 6), lemma="attack", event_type="combat",
        date=Slot("on Tuesday", 80, 90), date_value=DateValue("2031-05-06", "on Tuesday"),
        quantity=Slot("six", 200, 203), quantity_value=QuantityValue(6.0, "people", bound="min"),
        place=KARVO, location=Slot("Karvo", 24, 29), actor_value=ActorValue("Gunmen", None, "armed group"),
        source=Slot("police", 300, 306), modality="reported", evidence=Slot("x", 0, 1), confidence=0.75,
        mentions=(0, 2), from_={"actor": 0, "date": 2}, main=True,
        origins={"actor": SlotOrigin(0, "asserted", None), "location": SlotOrigin(None, region="dateline")},
    )
    assert DocumentEvent.from_dict(json.loads(json.dumps(built.to_dict()))) == built


def test_events_are_accepted_by_the_evaluation_reader():
    from evaluation.io import parse_document_line

    events = merged(ALL)
    line = json.dumps({"doc_id": "x", "tuples": [t.to_dict() for t in ALL], "events": [e.to_dict() for e in events]})
    doc = parse_document_line(line, gold=False)
    assert len(doc.events) == len(events) and doc.events[0]["main"] is True


def test_deterministic_and_independent_of_input_order():
    first = [e.to_dict() for e in merged(ALL)]
    assert [e.to_dict() for e in merged(ALL)] == first
    order = list(range(len(ALL)))
    random.Random(7).shuffle(order)
    shuffled = merged([ALL[i] for i in order])
    # the same events, their mentions renumbered
    as_original = sorted(tuple(sorted(order[i] for i in e.mentions)) for e in shuffled)
    assert as_original == sorted(tuple(e["mentions"]) for e in first)
    assert sorted(order[i] for i in shuffled[0].mentions) == first[0]["mentions"]
    backwards = merged(ALL[::-1])  # "The blast" now comes before the attack it refers to
    n = len(ALL)
    assert sorted(tuple(sorted(n - 1 - i for i in e.mentions)) for e in backwards) == as_original


def test_empty_input_gives_no_events():
    assert merge_events([], text=TEXT, published=PUBLISHED) == []
    assert merge_events([], text="", published=None) == []


# --- filling the main event from the article around it (issue 13) ------------------------------


def test_publication_date_is_the_last_resort_for_the_main_events_date():
    text = "Storm floods Karvo\n\nA storm flooded homes in Karvo, cutting power to 3,000 homes."
    flood = mention(text, "Storm floods Karvo", "floods", "flood", "other", actor="Storm", location="Karvo", place=KARVO)
    (event,) = merge_events([flood], text=text, published="2031-05-12", title="Storm floods Karvo")
    assert event.date.text == "2031-05-12" and event.date_value.value == "2031-05-12"
    assert event.date.start is None and "date" not in event.from_
    assert event.origins["date"] == SlotOrigin(mention=None, region="published")
    (undated,) = merge_events([flood], text=text, published=None, title="Storm floods Karvo")
    assert undated.date is None


def test_publication_date_replaces_a_main_event_date_relative_to_another_event():
    from dataclasses import replace

    text = "Storm floods Karvo after the thaw\n\nA storm flooded homes in Karvo after the thaw."
    flood = mention(text, "Storm floods Karvo after the thaw", "floods", "flood", "other", actor="Storm", location="Karvo", place=KARVO, date="after the thaw")
    anchored = replace(flood, rules={"actor": "subject", "date": "anchored_date"})
    (event,) = merge_events([anchored], text=text, published="2031-05-12", title="Storm floods Karvo after the thaw")
    assert event.date.text == "2031-05-12" and event.origins["date"].region == "published"
    # an unresolved date of another rule stays as written
    clause = replace(flood, rules={"actor": "subject", "date": "since_clause"})
    (kept,) = merge_events([clause], text=text, published="2031-05-12", title="Storm floods Karvo after the thaw")
    assert kept.date.text == "after the thaw"


def test_a_calendar_point_of_the_lead_replaces_an_unresolved_mention_date():
    text = "Storm floods Karvo\n\nA storm flooded Karvo on Sunday. It had raged for days before it hit."
    flood = mention(text, "Storm floods Karvo", "floods", "flood", "other", actor="Storm", location="Karvo", place=KARVO)
    raged = mention(text, "It had raged for days", "raged", "flood", "other", date="for days")  # no date_value
    events = merge_events([flood, raged], text=text, published="2031-05-14", title="Storm floods Karvo")
    assert events[0].mentions == (0, 1)
    assert events[0].date.text == "Sunday" and events[0].date_value.value == "2031-05-11"
    assert events[0].origins["date"].region == "lead"


@pytest.mark.parametrize(
    ("modality", "expected"),
    [
        ("asserted", "2031-05-06"),  # an attack already reported is not next Tuesday's
        ("planned", "2031-05-13"),  # a planned one may be
    ],
)
def test_a_mention_date_after_publication_is_read_as_past_unless_planned(modality, expected):
    text = "Gunmen attack market\n\nGunmen attacked a market in Karvo on Tuesday."
    attack = mention(
        text, "Gunmen attacked a market in Karvo on Tuesday.", "attacked", "attack", "combat", actor="Gunmen",
        location="Karvo", place=KARVO, date="on Tuesday", date_value="2031-05-13", modality=modality,
    )
    (event,) = merge_events([attack], text=text, published="2031-05-08", title="Gunmen attack market")
    assert event.date_value.value == expected and event.from_["date"] == 0


def test_a_headline_kicker_does_not_make_its_mention_the_main_event():
    text = "Karvo vote 2031: Farmers block roads in Lunda\n\nFarmers blocked roads in Lunda on Monday. The vote is due soon."
    vote = mention(text, "Karvo vote 2031", "vote", "vote", "other", location="Karvo", place=KARVO)
    block = mention(text, "Farmers blocked roads in Lunda on Monday.", "blocked", "block", "other", actor="Farmers",
                    location="Lunda", place=LUNDA, date="on Monday", date_value="2031-05-05")
    events = merge_events([vote, block], text=text, published="2031-05-08")
    assert events[0].mentions == (1,) and events[0].main


HEADLINE_CO = "Zorvex Corp cuts bread prices across Karvo"
CO_TEXT = (
    HEADLINE_CO + "\n\nThe bakers cut the price of bread by 10 percent on Monday. "
    "Zorvex said the cut would last a month. \"We lowered prices in 40 shops,\" it said."
)


@pytest.mark.parametrize(
    ("actor", "actor_name", "expected", "region"),
    [
        ("The bakers", "Zorvex", "Zorvex", "headline"),  # a common noun names no one: the headline subject, cut after its last known name word
        (None, None, None, None),  # no name known in the article: no subject
        ("Karvo Bakers", "Karvo Bakers", "Karvo Bakers", None),  # a named actor of its own is kept
    ],
)
def test_the_headline_subject_names_the_main_events_actor_when_no_mention_does(actor, actor_name, expected, region):
    cut = mention(CO_TEXT, "The bakers cut the price", "cut", "cut", "other",
                  quantity="10 percent", quantity_value=10, unit="percent", date="on Monday", date_value="2031-05-05")
    if actor is not None:
        at = CO_TEXT.index("The bakers")
        cut = EventTuple(**{**cut.__dict__, "actor": Slot(actor, at, at + len(actor)) if actor == "The bakers"
                            else Slot(actor), "actor_value": ActorValue(actor_name)})
    (main,) = merge_events([cut], text=CO_TEXT, published="2031-05-08")
    if expected is None:
        assert main.actor is None
        return
    assert main.actor.text == expected
    if region is not None:
        assert CO_TEXT[main.actor.start : main.actor.end] == expected
        assert main.origins["actor"] == SlotOrigin(mention=None, region="headline") and "actor" not in main.from_
    else:
        assert main.from_["actor"] == 0


def test_a_pronoun_actor_is_given_as_the_name_it_was_resolved_to():
    we = mention(CO_TEXT, "We lowered prices in 40 shops", "lowered", "lower", "other", actor="We", actor_name="Zorvex",
                 quantity="40 shops", quantity_value=40, unit="shops")
    (event,) = merge_events([we], text=CO_TEXT, published="2031-05-08", title="Price war")
    first_zorvex_before = CO_TEXT.rindex("Zorvex", 0, CO_TEXT.index("We lowered"))
    assert event.actor == Slot("Zorvex", first_zorvex_before, first_zorvex_before + 6)
    assert event.from_["actor"] == 0  # provenance stays the mention's


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("Crowds gathered in Lyon on Sunday to watch the race.", "Lyon"),
        ("The champion kept his hopes alive in Sao Paulo Click to share on Twitter.", "Sao Paulo"),
        ("Crowds gathered at Parliament Street on Sunday.", None),  # not a place the gazetteer knows
        ("Lyon fans gathered on Sunday.", None),  # a place, but no preposition of position
    ],
)
def test_a_place_the_headline_or_lead_names_fills_the_main_events_location(lead, expected):
    text, event = headline_event("Champion wins the title", lead, "wins", "win", "Champion")
    assert_region_location(text, event, expected, "lead")


def test_a_dateline_with_a_date_and_an_agency_gives_place_and_date():
    text = "Talks end without deal\n\nGENEVA, Nov 6 (Wire) - Delegates ended their talks without a deal."
    end = mention(text, "Delegates ended their talks", "ended", "end", "other", actor="Delegates")
    (event,) = merge_events([end], text=text, published="2031-11-07", title="Talks end without deal")
    assert event.location.text == "GENEVA" and event.origins["location"].region == "dateline"
    assert event.date.text == "Nov 6" and event.date_value.value == "2031-11-06"


def test_an_actor_headed_by_the_headline_subject_makes_the_main_event():
    text = (
        "Zorvex Corp opens a shop in Karvo\n\nThe city is growing fast. Zorvex's rivals closed two shops in Lunda. "
        "Later the company Zorvex opened a shop in Karvo."
    )
    rivals = mention(text, "Zorvex's rivals closed two shops in Lunda.", "closed", "close", "other",
                     actor="Zorvex's rivals", quantity="two shops", quantity_value=2, unit="shops",
                     location="Lunda", place=LUNDA)
    opened = mention(text, "Later the company Zorvex opened a shop in Karvo.", "opened", "open", "other",
                     actor="the company Zorvex", location="Karvo", place=KARVO)
    events = merge_events([rivals, opened], text=text, published="2031-05-08")
    assert events[0].mentions == (1,)


PARTS_TEXT = (
    "Zedland sends 2,000 troops to Karvo\n\n"
    "Zedland has sent 2,000 troops to Karvo. A first group of 800 soldiers arrived in Karvo last week. "
    "A second group of 1,200 soldiers was sent to Karvo on Monday. "
    "A total of 5,000 troops are expected to be sent to Karvo by December."
)


def _parts_mentions(second_figure: float = 1200, total_modality: str = "planned") -> list[EventTuple]:
    sent = mention(PARTS_TEXT, "Zedland has sent 2,000 troops to Karvo.", "sent", "send", "deploy", actor="Zedland",
                   quantity="2,000 troops", quantity_value=2000, unit="troops", location="Karvo", place=KARVO)
    first = mention(PARTS_TEXT, "A first group of 800 soldiers arrived", "arrived", "arrive", "deploy",
                    quantity="800 soldiers", quantity_value=800, unit="soldiers", location="Karvo", place=KARVO,
                    date="last week", date_value="2031-04-28/2031-05-04")
    second = mention(PARTS_TEXT, "A second group of 1,200 soldiers was sent", "sent", "send", "deploy",
                     quantity="1,200 soldiers", quantity_value=second_figure, unit="soldiers", location="Karvo",
                     place=KARVO, date="on Monday", date_value="2031-05-05")
    total = mention(PARTS_TEXT, "A total of 5,000 troops are expected", "sent", "send", "deploy",
                    quantity="5,000 troops", quantity_value=5000, unit="troops", location="Karvo", place=KARVO,
                    date="by December", date_value="2031-12", modality=total_modality)
    return [sent, first, second, total]


def test_a_total_and_its_batches_are_one_event_and_a_planned_total_another():
    events = merge_events(_parts_mentions(), text=PARTS_TEXT, published="2031-05-08")
    groups = sorted(e.mentions for e in events)
    assert groups == [(0, 1, 2), (3,)]  # 800 + 1,200 = 2,000; the 5,000 by December is planned
    main = events[0]
    assert main.mentions == (0, 1, 2) and main.quantity.text == "2,000 troops" and main.from_["quantity"] == 0


def test_batches_that_do_not_add_up_to_the_total_stay_apart():
    events = merge_events(_parts_mentions(second_figure=1000), text=PARTS_TEXT, published="2031-05-08")
    assert sorted(e.mentions for e in events) == [(0,), (1,), (2,), (3,)]


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("Ms Ostrova", "Lena Ostrova"),  # the headline names the same actor more fully
        ("Ostrova's coach", "Ostrova's coach"),  # headed by a common noun: another actor, kept
        ("Lena Ostrova", "Lena Ostrova"),
    ],
)
def test_the_main_events_actor_takes_the_headlines_fuller_name(actor, expected):
    text = f"Lena Ostrova wins Karvo race\n\n{actor} won the race in Karvo on Sunday."
    won = mention(text, f"{actor} won the race", "won", "win", "other", actor=actor, location="Karvo", place=KARVO,
                  date="on Sunday", date_value="2031-05-11")
    (event,) = merge_events([won], text=text, published="2031-05-12")
    assert event.actor.text == expected and text[event.actor.start : event.actor.end] == expected
    assert event.from_["actor"] == 0


# --- the main event's actor from the headline and lead ------------------------------------------


@pytest.mark.parametrize(
    "title, expected",
    [
        # the headline opens with a name the body repeats inside sentences: its subject
        ("Varnco angers shoppers with smaller jars", "Varnco"),
        # the repeated name is not what the headline opens with: no subject
        ("Shoppers angry as Varnco cuts jar size", "maker"),
    ],
)
def test_headline_subject_from_a_name_the_body_repeats(title, expected):
    body = ("Shoppers were furious on Monday. The maker cut the jar size, said a spokesman for Varnco. "
            "Fans of Varnco complained.")
    text = f"{title}\n\n{body}"
    cut = mention(text, "The maker cut the jar size", "cut", "cut", "other", actor="maker")
    (event,) = merge_events([cut], text=text, published="2031-05-12", title=title)
    assert event.actor.text == expected
    assert event.origins["actor"].region == ("headline" if expected == "Varnco" else None)


def test_a_name_the_body_states_once_is_no_headline_subject():
    title = "Varnco angers shoppers with smaller jars"
    text = f"{title}\n\nShoppers were furious on Monday. The maker cut the jar size, said a spokesman for Varnco."
    cut = mention(text, "The maker cut the jar size", "cut", "cut", "other", actor="maker")
    (event,) = merge_events([cut], text=text, published="2031-05-12", title=title)
    assert event.actor.text == "maker"


@pytest.mark.parametrize(
    "lead, actor, expected",
    [
        ("Ilse Varn resigned as mayor of Karvo. Mrs Varn quit on Monday.", "Mrs Varn", "Ilse Varn"),  # after a title
        ("Ilse Varn resigned as mayor of Karvo. Karvo's Varn quit on Monday.", "Karvo's Varn", "Ilse Varn"),  # a possessor
        ("Mayor Ilse Varn resigned in Karvo. Mrs Varn quit on Monday.", "Mrs Varn", "Ilse Varn"),  # the title left out
        ("The mayor resigned in Karvo. Mrs Varn quit on Monday.", "Mrs Varn", "Mrs Varn"),  # no fuller name
        ("Ilse Varn resigned in Karvo. Mrs Ostrova quit on Monday.", "Mrs Ostrova", "Mrs Ostrova"),  # another surname
    ],
)
def test_a_surname_actor_is_given_as_the_lead_names_the_person_in_full(lead, actor, expected):
    title = "Mayor quits in Karvo"
    text = f"{title}\n\n{lead} Divers were sent."
    quit_ = mention(text, actor + " quit on Monday", "quit", "quit", "other", actor=actor)
    (event,) = merge_events([quit_], text=text, published="2031-05-12", title=title)
    assert event.actor.text == expected and text[event.actor.start : event.actor.end] == expected
    assert event.from_["actor"] == 0  # the mention's actor, named in full


@pytest.mark.parametrize(
    "rest, expected",
    [
        # the headline's opening name is a place the body repeats: where the main event is
        ("Police said supporters from Lyon behaved well. Shops across Lyon stayed open.", "Lyon"),
        # named once only: no place from the headline's modifier, the mention's vague place stays
        ("Police said the supporters behaved well. Shops across Lyon stayed open.", "streets"),
    ],
)
def test_a_place_the_headline_names_as_a_modifier_replaces_a_vague_place(rest, expected):
    title = "Lyon fans celebrate cup win"
    text = f"{title}\n\nFans danced in the streets until dawn. The party went on all night. {rest}"
    danced = mention(text, "Fans danced in the streets until dawn", "danced", "dance", "other", actor="Fans",
                     location="streets")
    (event,) = merge_events([danced], text=text, published="2031-05-12", title=title)
    assert event.location.text == expected
    if expected == "Lyon":
        assert event.origins["location"].region == "headline" and event.location.start == 0


@pytest.mark.parametrize(
    "title, expected",
    [
        # the headline states a statement: the lead's date of the statement dates the main event
        ("Mayor Varn blames road crews for blackout", "Friday"),
        ("Karvo council declares blackout over", "Friday"),
        # no statement in the headline: "said on Friday" dates the report, not the blackout
        ("Blackout hits Karvo for two days", None),
        # a reporting word after a determiner is a noun, not a statement ("the claims")
        ("The claims of a blackout in Karvo", None),
    ],
)
def test_a_headline_statement_is_dated_by_its_report_in_the_lead(title, expected):
    text = (f"{title}\n\nPower failed across Karvo for two days last month. "
            "Mayor Ilse Varn said on Friday that the crews had been slow. Divers were sent.")
    failed = mention(text, "Power failed across Karvo", "failed", "fail", "other", actor="Power")
    (event,) = merge_events([failed], text=text, published="2031-05-12", title=title)
    if expected is None:
        assert event.origins["date"].region == "published"
    else:
        assert event.date.text == expected and event.origins["date"].region == "lead"
        assert event.date_value.value == "2031-05-09"


def test_a_headline_statement_takes_the_report_date_over_a_mention_date():
    title = "Karvo council declares blackout over"
    text = (f"{title}\n\nThe council said Sunday that repairs finished as planned in March. "
            "Crews left the site. Divers were sent.")
    repairs = mention(text, "repairs finished as planned in March", "finished", "finish", "other", actor="repairs",
                      date="in March", date_value="2031-03")
    (event,) = merge_events([repairs], text=text, published="2031-05-12", title=title)
    assert event.date.text == "Sunday" and event.date_value.value == "2031-05-11"
    assert event.origins["date"].region == "lead"
    # without a statement in the headline the mention's own date stands
    text2 = text.replace(title, "Karvo blackout over")
    repairs2 = mention(text2, "repairs finished as planned in March", "finished", "finish", "other", actor="repairs",
                       date="in March", date_value="2031-03")
    (event2,) = merge_events([repairs2], text=text2, published="2031-05-12", title="Karvo blackout over")
    assert event2.date.text == "in March" and event2.from_["date"] == 0


@pytest.mark.parametrize(
    "title, lead_mention, expected",
    [
        # the main event stands in for the headline's statement: who states it is the actor
        ("Farmers blame drought on canal works", False, "Farmers"),
        ("'WE ARE RUINED' Farmers blame drought on canal works", False, "Farmers"),  # not the quoted label
        # no statement in the headline
        ("Drought hits farmers near canal works", False, "canal"),
        # the main event is in the lead, no proxy: its own actor
        ("Farmers blame drought on canal works", True, "canal"),
    ],
)
def test_a_proxy_for_a_headline_statement_takes_its_stater_as_actor(title, lead_mention, expected):
    first = "The canal diverted the river in March." if lead_mention else "Rain has not fallen for months."
    text = (f"{title}\n\n{first} Wells are dry across the valley. Crops failed. "
            "The canal, finished by the state, diverted the river.")
    sentence = "The canal diverted the river" if lead_mention else "The canal, finished by the state, diverted the river"
    diverted = mention(text, sentence, "diverted", "divert", "other", actor="canal")
    (event,) = merge_events([diverted], text=text, published="2031-05-12", title=title)
    assert event.actor.text == expected
    if expected == "Farmers":
        assert event.origins["actor"].region == "headline" and text[event.actor.start : event.actor.end] == "Farmers"


# --- figures that measure different things; dates of the main event (issue 12) -------------


@pytest.mark.parametrize(
    ("unit", "measure"),
    [("g", True), ("kg", True), ("kilograms", True), ("km", True), ("bars", False), ("troops", False), ("people", False), ("packs", False), ("tons", True), ("", False)],
)
def test_a_unit_of_measure_is_a_wordnet_quantity_noun(unit, measure):
    from extractor.docevents import _is_measure

    assert _is_measure(unit) is measure


SHRINK_TITLE = "Kelda Foods shrinks its bars"
SHRINK_TEXT = (
    f"{SHRINK_TITLE}\n\n"
    "Kelda Foods is reducing the 300g bar to 250g, the maker said. "
    "Fans were angry. "
    "'We had to reduce the weight of just two of our bars in Zedland,' the company wrote."
)


@pytest.mark.parametrize(
    ("unit_a", "unit_b", "merged"),
    [
        ("g", "bars", True),  # a weight and a count of bars: not two figures of one thing
        ("kg", "bars", True),
        ("bars", "g", True),
        ("bars", "packs", False),  # two counts that differ: another batch
        ("g", "g", False),  # two weights that differ
    ],
)
def test_figures_of_different_kinds_do_not_split_one_happening(unit_a, unit_b, merged):
    text = SHRINK_TEXT
    reducing = mention(text, "Kelda Foods is reducing the 300g bar to 250g", "reducing", "reduce", "other",
                       actor="Kelda Foods", quantity="250g", quantity_value=250, unit=unit_a)
    reduce = mention(text, "We had to reduce the weight of just two of our bars in Zedland", "reduce", "reduce", "other",
                     actor="We", quantity="two of our bars", quantity_value=2, unit=unit_b, location="Zedland", place=ZEDLAND)
    events = merge_events([reducing, reduce], text=text, published="2031-05-12", title=SHRINK_TITLE)
    assert events[0].main and (events[0].mentions == (0, 1)) is merged
    # merged, the main event takes its place from the later mention of the same happening
    assert (events[0].location is not None and events[0].location.text == "Zedland") is merged


CUP_TITLE = "Karvo Lions win cup for first time in 40 years"


@pytest.mark.parametrize(
    ("modality", "body", "expected", "region"),
    [
        # an asserted win dated 2071 has no past reading: the lead's Saturday dates it
        ("asserted", "The Karvo Lions beat Lunda to win the cup. The final ended late on Saturday.", "2031-05-10", "lead"),
        # nothing else dates it: the publication date
        ("asserted", "The Karvo Lions beat Lunda to win the cup. The final went to extra time.", "2031-05-12", "published"),
        # a planned happening may lie after its report
        ("planned", "The Karvo Lions beat Lunda to win the cup. The final ended late on Saturday.", "2071", None),
    ],
)
def test_a_main_event_date_wholly_after_publication_with_no_past_reading_is_dropped(modality, body, expected, region):
    text = f"{CUP_TITLE}\n\n{body} The town will hold a parade."
    win = mention(text, CUP_TITLE, "win", "win", "other", actor="Karvo Lions", date="in 40 years", date_value="2071",
                  modality=modality)
    (event,) = merge_events([win], text=text, published="2031-05-12", title=CUP_TITLE)
    assert event.date_value.value == expected
    if region is None:
        assert event.from_["date"] == 0 and event.date.text == "in 40 years"
    else:
        assert "date" not in event.from_ and event.origins["date"].region == region


@pytest.mark.parametrize(
    ("body", "expected", "region"),
    [
        # a photo caption and its credit come first: the fourth sentence dates the happening
        (
            "Fans cheer in the streets of Karvo after the final. (Photo: Ana Sol/Wire) The Karvo Lions are "
            "champions at last. Few people expected that. But on Saturday, it happened.",
            "2031-05-10", "lead",
        ),
        # a calendar point of the fifth sentence is too far from the opening
        (
            "Fans cheer in the streets of Karvo after the final. (Photo: Ana Sol/Wire) The Karvo Lions are "
            "champions at last. Few people expected that. Nobody in the town did. But on Saturday, it happened.",
            "2031-05-12", "published",
        ),
    ],
)
def test_the_main_events_calendar_point_is_sought_in_the_first_four_sentences(body, expected, region):
    title = "Karvo Lions win the cup"
    text = f"{title}\n\n{body} The town will hold a parade."
    win = mention(text, title, "win", "win", "other", actor="Karvo Lions")
    (event,) = merge_events([win], text=text, published="2031-05-12", title=title)
    assert event.date_value.value == expected and event.origins["date"].region == region


def test_the_lead_stays_two_sentences_while_the_date_is_sought_in_four():
    from extractor.docevents import _regions

    title = "Storm hits the coast"
    text = f"{title}\n\nFishing boats stayed in port. Rain fell all week. Schools closed early. Farmers sold hay. Talks resume soon."
    regions = _regions(text, title)
    assert text[slice(*regions.lead)] == "Fishing boats stayed in port. Rain fell all week."
    assert text[slice(*regions.date_lead)] == "Fishing boats stayed in port. Rain fell all week. Schools closed early. Farmers sold hay."


@pytest.mark.parametrize(
    ("body", "ends"),
    [
        # an abbreviation before the break is no end, a plain full stop is
        ("Gen. Smith said the army moved in. Troops then held the bridge for a day.", [34]),
        ("Officials in the U.S. said troops moved in on Monday. The rest stayed home.", [53]),
        # closing quotes and brackets after the full stop are read through
        ('He said "it ended." Then the soldiers left the town quietly.', [18]),
        ('He spoke to Mr." Then the soldiers left the town quietly.', []),
        # a break closer than 15 characters to the last end is furniture
        ("A long first sentence here. Short. Then another longer sentence follows.", [27]),
    ],
)
def test_sentence_ends_skip_abbreviations_and_read_through_closers(body, ends):
    from extractor.docevents import _sentence_ends

    assert _sentence_ends(body, 10) == ends
