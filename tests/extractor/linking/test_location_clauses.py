"""Places found outside the trigger's own phrase: on its subject, in a clause of
simultaneous time, in the "where" clause a coordinated verb shares (invented sentences)."""

from __future__ import annotations

import pytest

# (sentence, trigger word, expected location text or None, rule expected or None)
CASES = [
    # subject_place: a static place pinned on the (shared) subject
    ("The gunmen at the harbour opened fire and then detonated a bomb.", "detonated", "harbour", "subject_place"),
    ("Two soldiers inside the compound shot a guard.", "shot", "compound", "subject_place"),
    ("Farmers in the valley harvested the wheat early.", "harvested", "valley", "subject_place"),
    # not a place: a party, an origin
    ("Engineers from the factory repaired the bridge.", "repaired", None, None),
    ("Members of the council approved the budget.", "approved", None, None),
    # patient_participle_place: a participle clause places the passive subject
    ("The bridge built over the river in Tarvin was destroyed by rebels.", "destroyed", "river in Tarvin", "patient_participle_place"),
    ("The warehouse located near Brenton was looted by soldiers.", "looted", "Brenton", "patient_participle_place"),
    # not a relative clause with its own subject
    ("The man who lived in Paris was arrested by police.", "arrested", None, None),
    # simultaneous_clause_place: the place of a "when" / "while" clause
    ("A young pilot died when his plane crashed in the desert.", "died", "desert", "simultaneous_clause_place"),
    ("Two workers were injured while they were working in the village.", "injured", "village", "simultaneous_clause_place"),
    ("Hundreds were injured while fighting on behalf of Russia.", "injured", None, None),
    # simultaneous_event_place: the place of an event noun after "during" / "amid"
    ("Soldiers looted homes during the invasion of Lenmark.", "looted", "Lenmark", "simultaneous_event_place"),
    ("Soldiers looted homes amid the invasion of Lenmark.", "looted", "Lenmark", "simultaneous_event_place"),
    ("Soldiers looted homes after the invasion of Lenmark.", "looted", None, None),
    # passage_place: the named place an active verb of motion passes by or through
    ("The column marched through Mosul at night.", "marched", "Mosul", "passage_place"),
    ("The tourists walked past the Eiffel Tower.", "walked", "the Eiffel Tower", "passage_place"),
    ("Refugees travelled via Greece last year.", "travelled", "Greece", "passage_place"),
    # a condition is not placed by the clause it conditions
    ("She would move to Toronto if Brown won the vote.", "won", None, None),
    ("If Brown wins the vote, she will stay in Toronto.", "wins", None, None),
    # a passive's "by" names the agent
    ("The bill was passed by Ukraine.", "passed", None, None),
    # person_labelled_place: a rare place name the tagger calls a person, after "in"
    ("Hundreds of farmers died in the Varden during the drought.", "died", "Varden", "person_labelled_place"),
    ("Thirty villagers drowned in the Marlowe last spring.", "drowned", "Marlowe", "person_labelled_place"),
    ("In the Varden, a state of emergency has been declared because of the fires, with some 8,000 hectares of forest destroyed.", "destroyed", "Varden", "person_labelled_place"),
    # a titled person is no place
    ("The fund invested two million dollars in Mr. Marlowe last year.", "invested", None, None),
    # not simultaneous: "because", "after"
    ("The pilot resigned because his plane crashed in the desert.", "resigned", None, None),
    # where_clause_head: a verb coordinated in a "where" clause
    ("We saw the camps where rebels trained and then fought.", "fought", "camps", "where_clause_head"),
    ("We saw the camps where rebels trained and then fought.", "trained", "camps", "where_clause_head"),
]


@pytest.mark.parametrize("text, word, place, rule", CASES)
def test_place_outside_the_trigger_phrase(linked, span_text, text, word, place, rule):
    doc, args = linked(text, word)
    got = span_text(doc, args.location)
    assert got == place
    assert args.rules.get("location") == rule


@pytest.mark.parametrize(
    "text, word, place",
    [
        ("Volunteers fought on behalf of Ukraine in 2022.", "fought", None),
        ("Lawyers protested in support of Georgia last week.", "protested", None),
        # an "of" place of a common noun is still named
        ("Troops fought in parts of Ukraine on Monday.", "fought", "Ukraine"),
    ],
)
def test_the_of_object_of_a_complex_preposition_is_no_place(linked, span_text, text, word, place):
    doc, args = linked(text, word)
    assert span_text(doc, args.location) == place


@pytest.mark.parametrize(
    "text, word, place",
    [
        # a person the goods go to is a recipient; the place named beyond is the event's
        ("He mailed the parcels to a cousin in Ohio.", "mailed", "Ohio"),
        ("The clinic shipped the samples to a friend.", "shipped", None),
        # a place noun stays a destination
        ("The villagers carried the wounded to a clinic.", "carried", "clinic"),
    ],
)
def test_a_person_is_no_destination_of_motion(linked, span_text, text, word, place):
    doc, args = linked(text, word)
    assert span_text(doc, args.location) == place


@pytest.mark.parametrize(
    "text, word, place",
    [
        # WordNet's noun.location "scene" and the buildings "shop" and "store" name places
        ("Firefighters worked at the scene for six hours.", "worked", "scene"),
        ("Thieves robbed a shop on Friday.", "robbed", None),
        ("Masked men robbed customers in a shop on Friday.", "robbed", "shop"),
        ("The company sold the toys in its stores last year.", "sold", "its stores"),
    ],
)
def test_scenes_shops_and_stores_are_places(linked, span_text, text, word, place):
    doc, args = linked(text, word)
    assert span_text(doc, args.location) == place
