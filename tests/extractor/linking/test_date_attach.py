"""Dates that belong to no point of the event (issue 12), through the real model: a record
span ("its first title since 1908"), a bare length of time ("days", "just a year"), the
first conjunct's own date given to a coordinated verb, and a number hyphened to a time unit
read as a year ("a 108-year wait")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, word",
    [
        # a since-phrase measuring a record: an ordinal or superlative object or head
        ("The club won its first trophy since 1975 with a late goal.", "won"),
        ("Workers staged the biggest strike since 2011 in the capital.", "staged"),
        ("Her trip, the first of its kind by a minister since the 1998 war, lasted a week.", "trip"),
        ("The deadliest flood in the valley since Sept. 4, 1961, should finally change the plans.", "flood"),
        # a bare length after "in" after an ordinal
        ("The village celebrated its first harvest festival in over a century.", "celebrated"),
        ("Local fans celebrate their town's first Cup football victory in over a century", "celebrate"),
        # the record of an absence
        ("The Rovers, without a trophy since 1975, played four hard games against the Wolves.", "played"),
        ("The Rovers, with no trophy since 1975, played four hard games against the Wolves.", "played"),
    ],
)
def test_a_record_span_is_no_date(slot_of, text, word):
    assert slot_of(text, word, "date")[0] is None


@pytest.mark.parametrize(
    "text, word, date",
    [
        # no ordinal nor superlative: "since" dates the event as written (guide section 2)
        ("Rebels have held the town since 2014.", "held", "since 2014"),
        ("The club won a trophy since 1975 with a late goal.", "won", "since 1975"),
        # a calendar year after "in" is no bare length
        ("The village held its first festival in 1921.", "held", "in 1921"),
    ],
)
def test_a_since_phrase_without_a_record_dates_the_event(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date


@pytest.mark.parametrize(
    "text, word",
    [
        ("The rebels held the bridge for a little over a week before the army came.", "came"),
        ("The mayor was just a year removed from winning office when he resigned in court.", "removed"),
    ],
)
def test_a_bare_length_of_time_is_no_date(slot_of, text, word):
    assert slot_of(text, word, "date")[0] is None


@pytest.mark.parametrize(
    "text, word, date",
    [
        # anchored or relative lengths are points
        ("The troops left the city two days ago.", "left", "two days ago"),
        ("The troops left the city last week.", "left", "last week"),
    ],
)
def test_an_anchored_length_of_time_is_a_date(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date


@pytest.mark.parametrize(
    "text, word, date",
    [
        # a date inside the first conjunct's clause dates the first verb only
        ("The striker is leaving the club at the end of the year and played for the last time in Madrid.", "played", None),
        ("The striker is leaving the club at the end of the year and played for the last time in Madrid.", "leaving", "at the end of the year"),
        # a fronted date is shared by both conjuncts
        ("On Monday, police arrested the driver and charged him with theft.", "charged", "On Monday"),
        # unless the second has its own adverb of time sequence
        ("In May 1990, the firm closed its mill in Leeds and later built a new plant in Hull.", "built", None),
        ("In May 1990, the firm closed its mill in Leeds and built a new plant in Hull.", "built", "In May 1990"),
    ],
)
def test_a_coordinated_verb_takes_only_shared_dates(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date


@pytest.mark.parametrize(
    "text, word, date",
    [
        ("Fans ended a 108-year wait in Chicago.", "wait", None),
        ("Fans cheered the 1908 victory in Chicago.", "victory", "1908"),
    ],
)
def test_a_number_hyphened_to_a_time_unit_is_no_year(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date


@pytest.mark.parametrize(
    "text, word, date",
    [
        # the object performs the infinitive: its date is the complement's own event
        ("The union urged workers to strike on Monday.", "urged", None),
        ("The coach motivated the players to train on Sunday.", "motivated", None),
        # an infinitive of purpose (advcl) and a subject's own complement still date the trigger
        ("The army sent engineers to rebuild the bridge by March.", "sent", "by March"),
        ("The council decided to close the bridge on Monday.", "decided", "on Monday"),
    ],
)
def test_an_object_complement_does_not_date_the_trigger(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date


@pytest.mark.parametrize(
    "text, word, date",
    [
        # a month name alone as subject or object is a person's name
        ("The minister thanked May for the visit.", "thanked", None),
        ("The minister invited April to the summit.", "invited", None),
        # with a determiner, a day or after a preposition it dates
        ("The minister visited the dam last May.", "visited", "last May"),
        ("The minister visited the dam in May.", "visited", "in May"),
    ],
)
def test_a_bare_month_argument_is_a_name(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date


@pytest.mark.parametrize(
    "text, word, date",
    [
        # "for" with a dated event gives its purpose: the event comes later
        ("The party prepared for the 2030 election with new posters.", "prepared", None),
        ("Gearing up for her March 3 wedding, the singer cancelled two concerts.", "Gearing", None),
        # other prepositions with a dated event still date the trigger
        ("The rebels seized power in a 2014 coup.", "seized", "2014"),
    ],
)
def test_for_a_dated_event_is_a_purpose(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date


def _ruling_rows(prep):
    """"The board did not change the agency's ruling <prep> July .", the phrase parsed as the
    ruling's postmodifier (as spaCy's English pipeline does beside a possessor)."""
    return [
        ("The", 1, "det", "DET", "DT", "the"),
        ("board", 4, "nsubj", "NOUN", "NN", "board"),
        ("did", 4, "aux", "AUX", "VBD", "do"),
        ("not", 4, "neg", "PART", "RB", "not"),
        ("change", 4, "ROOT", "VERB", "VB", "change"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("agency", 8, "poss", "NOUN", "NN", "agency"),
        ("'s", 6, "case", "PART", "POS", "'s"),
        ("ruling", 4, "dobj", "NOUN", "NN", "ruling"),
        (prep, 8, "prep", "ADP", "IN", prep),
        ("July", 9, "pobj", "PROPN", "NNP", "July"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ]


@pytest.mark.parametrize(
    "prep, date",
    [
        # "from" after a noun gives the noun's date of origin, not the verb's
        ("from", None),
        # another preposition of time there still dates the clause (deep_date)
        ("in", "in July"),
    ],
)
def test_a_date_of_origin_after_a_noun_is_the_nouns(parse, link_at, prep, date):
    doc = parse(_ruling_rows(prep), ents=[(10, 11, "DATE")])
    args, text = link_at(doc, 4, "change")
    assert text(args.date) == date


@pytest.mark.parametrize(
    "text, word, date",
    [
        # a day with its part modifying an event noun, which the recognizer calls a time
        ("The senator criticized the court during a Monday night appearance in Dayton, Ohio.", "appearance", "Monday night"),
        ("The band played a Saturday night show in Leeds.", "show", "Saturday night"),
        # a clock time alone names no day
        ("The mayor spoke at the 7 p.m. meeting in the hall.", "meeting", None),
    ],
)
def test_a_day_with_its_part_dates_an_event_noun(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date
