"""Places and dates reached through the verb's object or a coordinated verb: a route or a
searched place as object, an event noun's place object, a place under a noun of control, the
place and date of the coordinated verb whose object the trigger shares, a common place passed
through, the place after "in front of", and a date in the event noun a temporal preposition
takes (invented sentences, parsed by the real model)."""

from __future__ import annotations

import pytest


# (sentence, trigger word, expected location text or None, rule expected or None)
PLACES = [
    # place_object: verbs of a route (Levin 51.3.2), of searching (35.2), phrasal "take over"
    ("Soldiers patrolled the streets of Mosul.", "patrolled", "streets of Mosul", "place_object"),
    ("Gangs roamed the countryside at night.", "roamed", "countryside", "place_object"),
    ("Police searched the house for weapons.", "searched", "house", "place_object"),
    ("The Taliban took over Kabul in August.", "took", "Kabul", "place_object"),
    # an object that is no place
    ("She walked the dog in the morning.", "walked", None, None),
    # noun_place_object: the "of" object of an event noun whose verb takes a place as object
    ("The Russian invasion of Ukraine began in 2022.", "invasion", "Ukraine", "noun_place_object"),
    ("The bombing of the hospital by jets killed ten.", "bombing", "hospital", "noun_place_object"),
    # the "of" object is no place, or the verb does not take a place as object
    ("The capture of the commander by rebels was confirmed.", "capture", None, None),
    ("The purchase of Alaska by the United States was completed quickly.", "purchase", None, None),
    # controlled_place: the place a noun of control holds
    ("Rebels seized control of Idlib last year.", "seized", "Idlib", "controlled_place"),
    # a name someone owns is a thing, whatever its entity label
    ("The driver lost control of his Ferrari on the final lap.", "lost", None, None),
    # shared_object_place: the first of two verbs sharing one object
    ("Gunmen stormed and looted a bank in Lagos on Monday.", "stormed", "Lagos", "shared_object_place"),
    ("Troops surrounded and shelled a village near Aleppo in March.", "surrounded", "Aleppo", "shared_object_place"),
    # passage_place: a common place noun passed through
    ("Protesters marched through the city centre on Sunday.", "marched", "city centre", "passage_place"),
    ("The convoy drove through the night.", "drove", None, None),
    # a noun of a complex preposition of space: its "of" object is the place, if any
    ("Hundreds of pilgrims gathered in front of the cathedral.", "gathered", "cathedral", "static_place"),
    ("A car bomb exploded in the middle of the square.", "exploded", "square", "static_place"),
    ("The singer performed in front of reporters.", "performed", None, None),
    ("The guards moved the crates to the back of the truck.", "moved", None, None),
    # a modified side gives the place of its "of" object, else stays a place of its own; a
    # capitalized one is a name
    ("Rebel fighters retreated to the east side of the river.", "retreated", "river", "destination"),
    ("The twins were raised on opposite sides of the country.", "raised", "country", "static_place"),
    ("The refugees fled to the far side of the Marlowe.", "fled", "far side", "motion_destination"),
    ("The team is bringing a title to the North Side.", "bringing", "North Side", "motion_destination"),
]


@pytest.mark.parametrize("text, word, place, rule", PLACES)
def test_place_through_the_object_or_a_coordinated_verb(linked, span_text, text, word, place, rule):
    doc, args = linked(text, word)
    assert span_text(doc, args.location) == place
    assert args.rules.get("location") == rule


@pytest.mark.parametrize(
    "text, word",
    [
        # a trigger with an object of its own does not borrow its conjunct's place or date
        ("The soldiers attacked the town and burned houses in Kabul on Friday.", "attacked"),
        # nor when more than a conjunction stands between the two verbs
        ("The crowd cheered loudly for an hour and burned flags in Tehran on Friday.", "cheered"),
    ],
)
def test_no_borrowing_from_a_conjunct_that_does_not_share_the_object(linked, text, word):
    doc, args = linked(text, word)
    assert args.rules.get("location") != "shared_object_place"
    assert args.rules.get("date") != "shared_object_date"


# (sentence, trigger word, expected date text or None, rule expected or None)
DATES = [
    # shared_object_date: the date of the coordinated verb whose object the trigger shares
    ("Gunmen stormed and looted a bank in Lagos on Monday.", "stormed", "on Monday", "shared_object_date"),
    ("Troops surrounded and shelled a village near Aleppo in March.", "surrounded", "in March", "shared_object_date"),
    # event_dated_prep: an occurrence noun (WordNet) with a point date after "in"
    ("Army officers seized power in a 1969 coup.", "seized", "1969", "event_dated_prep"),
]


@pytest.mark.parametrize("text, word, date, rule", DATES)
def test_date_through_a_coordinated_verb_or_a_dated_occurrence(linked, span_text, text, word, date, rule):
    doc, args = linked(text, word)
    assert span_text(doc, args.date) == date
    assert args.rules.get("date") == rule


def test_an_event_noun_placed_by_its_of_object_is_an_agentless_event(linked, span_text):
    # guide v2 rule 2: an event noun with no doer stated is agentless; its "of" place is a
    # slot of its own sentence (the clause-of-time exception: test_location_noun_object)
    doc, args = linked("The invasion of Ukraine left whole towns in ruins.", "invasion")
    assert span_text(doc, args.location) == "Ukraine"
    assert args.actor is None and args.rules.get("actor") == "agentless_noun"
    # with its doer, the place stands and the doer is the actor
    doc, args = linked("The Russian invasion of Ukraine left whole towns in ruins.", "invasion")
    assert span_text(doc, args.location) == "Ukraine" and args.rules.get("actor") == "named_modifier"
