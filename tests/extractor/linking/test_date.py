"""Dates of events from the events they happen in, through the real model: a month the
parser reads as a noun modifier ("their Nov. 2 victory"), and a dated event or gathering in
any temporal phrase of the trigger ("lost in the 2016 election", "spoke at Monday's summit")."""

from __future__ import annotations

import pytest

@pytest.mark.parametrize(
    "text, word, date, rule",
    [
        ("They celebrated their Nov. 2 World Series victory.", "victory", "Nov. 2", "modifier_date"),
        ("Hillary Clinton loses to Donald Trump in the 2016 presidential election.", "loses", "2016", "event_dated_prep"),
        ("She spoke at Monday's summit in Brussels.", "spoke", "Monday's", "event_dated_prep"),
    ],
)
def test_a_dated_event_or_month_modifier_dates_the_trigger(slot_of, text, word, date, rule):
    assert slot_of(text, word, "date") == (date, rule)


@pytest.mark.parametrize(
    "text, word",
    [
        # a dated thing that is no event dates nothing
        ("She spoke in the 2016 report about the town.", "spoke"),
    ],
)
def test_a_dated_thing_that_is_no_event_gives_no_date(slot_of, text, word):
    assert slot_of(text, word, "date")[0] is None


@pytest.mark.parametrize(
    "text, word, date",
    [
        # a preposition of time with an event noun, a speech act or a named occasion
        ("Shares of the company rose after the bank announcement.", "rose", "after the bank announcement"),
        ("The mayor left the hall following her meeting with the union leaders.", "left", "following her meeting with the union leaders"),
        ("Police closed the bridge right before the election.", "closed", "right before the election"),
        ("The soldiers withdrew prior to the vote.", "withdrew", "prior to the vote"),
        ("Protesters marched through the square during the summit.", "marched", "during the summit"),
        ("He has lived alone since my letter.", "lived", "since my letter"),
        # deeper in the clause, past a participle modifying a noun
        ("Fans waited on the road leading to the stadium ahead of the team's arrival.", "waited", "ahead of the team's arrival"),
    ],
)
def test_a_time_anchored_to_another_event_dates_the_trigger(slot_of, text, word, date):
    assert slot_of(text, word, "date") == (date, "anchored_date")


@pytest.mark.parametrize(
    "text, word, date",
    [
        # a calendar date of the clause wins over the anchor
        ("The rebels attacked the town in March after the talks.", "attacked", "in March"),
    ],
)
def test_a_calendar_date_wins_over_an_anchored_time(slot_of, text, word, date):
    assert slot_of(text, word, "date")[0] == date


@pytest.mark.parametrize(
    "text, word",
    [
        ("She resigned after him.", "resigned"),  # a person
        ("The lawyer argued before the court.", "argued"),  # a place of appearing, not a time
        ("The crowd stood before the wall.", "stood"),  # a thing
        ("He has been promoted since he is tall.", "promoted"),  # a causal since
        ("They arrested him after losing the match.", "arrested"),  # a gerund: left out
    ],
)
def test_a_preposition_with_no_event_gives_no_anchored_date(slot_of, text, word):
    assert slot_of(text, word, "date")[0] is None


def test_an_anchored_date_has_no_calendar_value():
    from extractor.normalize.date import normalize_date

    assert normalize_date("two days before the election", ref_date="2016-11-10", past=True).value is None
    assert normalize_date("after the bank announcement", ref_date="2016-11-10", past=True).value is None


def test_the_relative_date_rules_of_the_contract_are_rules_of_the_date_table():
    from extractor.contracts import RELATIVE_DATE_RULES
    from extractor.linking.date import DATE

    assert RELATIVE_DATE_RULES and RELATIVE_DATE_RULES <= set(DATE.names)


@pytest.mark.parametrize(
    "text, word, date, quantity",
    [
        # a one-word clock time with "am"/"pm", alone or before a time zone, is a time, never an amount
        ("The ferry docked at Dover at 3:30pm GMT.", "docked", "at 3:30pm GMT", None),
        ("The ferry docked at Dover at 3:30pm.", "docked", "at 3:30pm", None),
        ("Rebels fired 3 rockets at 9am.", "fired", "at 9am", "3 rockets"),
        # a clock time as before
        ("The ferry docked at Dover at 15:45.", "docked", "at 15:45", None),
    ],
)
def test_a_clock_time_is_a_time_not_a_quantity(linked, span_text, text, word, date, quantity):
    doc, args = linked(text, word)
    assert span_text(doc, args.date) == date
    assert args.rules.get("date") == "clause_time"
    assert span_text(doc, args.quantity) == quantity


@pytest.mark.parametrize(
    "words, ents, date",
    [
        # "Later today , rebels will storm the fort ." with "today" left unlabelled by the tagger
        ((("Later", 1, "advmod", "ADV", "RBR", "late"), ("today", 5, "npadvmod", "NOUN", "NN", "today")), (), "Later today"),
        # labelled, as the tagger mostly does: the entity as before
        ((("Later", 1, "advmod", "ADV", "RBR", "late"), ("today", 5, "npadvmod", "NOUN", "NN", "today")), ((1, 2, "DATE"),), "today"),
        # a day word that names something else ("USA Today", an ORG) is no date
        ((("Later", 1, "advmod", "ADV", "RBR", "late"), ("today", 5, "npadvmod", "NOUN", "NN", "today")), ((1, 2, "ORG"),), None),
    ],
)
def test_an_unlabelled_deictic_day_dates_the_clause(link_at, parse, words, ents, date):
    rows = [
        *words,
        (",", 5, "punct", "PUNCT", ",", ","),
        ("rebels", 5, "nsubj", "NOUN", "NNS", "rebel"),
        ("will", 5, "aux", "AUX", "MD", "will"),
        ("storm", 5, "ROOT", "VERB", "VB", "storm"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("fort", 5, "dobj", "NOUN", "NN", "fort"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents)
    args, text = link_at(doc, 5, "storm")
    assert text(args.date) == date


@pytest.mark.parametrize(
    "ents, date",
    [
        # "Sunday" a DATE, "morning" a TIME: the day with its part dates the event
        (((7, 8, "GPE"), (10, 11, "DATE"), (11, 12, "TIME")), "on Sunday morning"),
        # a part of a day alone stays no date of a deeper phrase ("on the morning" is too vague)
        (((7, 8, "GPE"), (11, 12, "TIME")), None),
    ],
)
def test_a_day_told_as_date_and_time_dates_the_event(link_at, parse, ents, date):
    # The boy fell into a well in Tarvin province on Sunday morning .  ("on" hung on "province")
    rows = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("boy", 2, "nsubj", "NOUN", "NN", "boy"),
        ("fell", 2, "ROOT", "VERB", "VBD", "fall"),
        ("into", 2, "prep", "ADP", "IN", "into"),
        ("a", 5, "det", "DET", "DT", "a"),
        ("well", 3, "pobj", "NOUN", "NN", "well"),
        ("in", 2, "prep", "ADP", "IN", "in"),
        ("Tarvin", 8, "compound", "PROPN", "NNP", "Tarvin"),
        ("province", 6, "pobj", "NOUN", "NN", "province"),
        ("on", 8, "prep", "ADP", "IN", "on"),
        ("Sunday", 11, "compound", "PROPN", "NNP", "Sunday"),
        ("morning", 9, "pobj", "NOUN", "NN", "morning"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents)
    args, text = link_at(doc, 2, "fall")
    assert text(args.date) == date


# Invented sentences with dates, clock times, anchors and clauses of time in many positions.
_DATED_SENTENCES = [
    "Rebels attacked the base last week and again on Monday at 7 p.m., two days before the vote.",
    "Since the troops left in 2019, farmers have planted crops ahead of the rainy season.",
    "As early as June, the council said it would hold a rally after the election until now.",
    "The 1998 flood, which struck the valley in the afternoon, destroyed houses since then.",
]


@pytest.mark.parametrize("text", _DATED_SENTENCES)
def test_dependent_date_rules_read_dates_only_from_the_listed_labels(nlp, text):
    """``_clause_dates`` puts only dependents labelled as in ``DATED_DEPS`` to
    ``DEPENDENT_DATE``, and ``anchored_date`` only those in ``ANCHOR_DEPS`` to
    ``_anchor_span``: no rule may find anything on a word of another label."""
    from extractor.lexicon import default_lexicon
    from extractor.linking.date import ANCHOR_DEPS, DATED_DEPS, DEPENDENT_DATE, _anchor_object
    from extractor.linking.rules import Context

    doc = nlp(text)
    ctx = Context.of(doc, [], default_lexicon())
    fired = 0
    for t in doc:
        for times in (False, True):
            found = DEPENDENT_DATE.first(ctx, t, times)
            fired += found is not None
            if t.dep not in DATED_DEPS:
                assert found is None, (t.text, t.dep_)
        if t.dep not in ANCHOR_DEPS:
            assert _anchor_object(ctx, t) is None, (t.text, t.dep_)
    assert fired  # the sentences do give dates, through the listed labels


@pytest.mark.parametrize("text", _DATED_SENTENCES)
def test_each_dependent_date_rule_reads_dates_only_from_its_labels(nlp, text):
    """``_clause_dates`` puts a dependent only to the rules of ``DEPENDENT_DATE`` that list its
    label in ``DEPENDENT_DATE_DEPS`` (``DATE_RULES_BY_DEP``): no rule may find anything on a
    word of another label, and the table of each label finds what the whole table finds."""
    from extractor.lexicon import default_lexicon
    from extractor.linking import date
    from extractor.linking.rules import Context

    doc = nlp(text)
    ctx = Context.of(doc, [], default_lexicon())
    for t in doc:
        for times in (False, True):
            for name, labels in date.DEPENDENT_DATE_DEPS.items():
                if t.dep_ not in labels:
                    assert getattr(date, name)(ctx, t, times) is None, (name, t.text, t.dep_)
            rules = date.DATE_RULES_BY_DEP.get(t.dep)
            assert (rules.first(ctx, t, times) if rules is not None else None) == date.DEPENDENT_DATE.first(ctx, t, times)


@pytest.mark.parametrize(
    "text, word, time",
    [
        ("Rebels stormed the depot at 9am.", "stormed", "at 9am"),  # a preposition of time_preps
        ("The convoy left the camp at dawn on the coast.", "left", "at dawn"),
        ("Workers repaired the pipe near the school.", "repaired", None),  # no time at all
    ],
)
def test_clause_time_after_clause_date_asks_again_only_what_times_can_change(nlp, span_text, text, word, time):
    """``clause_time`` after ``clause_date`` found nothing (as ``OWN_DATE`` tries them) skips
    the dependents whose find cannot change with clock times; it finds what it finds alone."""
    from extractor.lexicon import default_lexicon
    from extractor.linking.date import clause_date, clause_time
    from extractor.linking.rules import Context
    from extractor.triggers import find_triggers

    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    triggers = find_triggers(doc, lexicon=default_lexicon())
    alone = clause_time(Context.of(doc, triggers, default_lexicon()), token)
    ctx = Context.of(doc, triggers, default_lexicon())
    assert clause_date(ctx, token) is None
    after = clause_time(ctx, token)
    assert after == alone
    assert span_text(doc, after) == time
