"""The date: when the event happens.

``DATE`` first tries the trigger's own clause (``OWN_DATE``: the span before "since" of "a
week has passed since X"; a date among the dependents of the trigger and of the words that
share its clause, each dependent through ``DEPENDENT_DATE``, or modifying an event noun;
then, with no date there, a clock time or part of a day in the same places), then a
temporal phrase deeper in the clause, then the own clause of the trigger's infinitive of
purpose.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..contracts import RELATIVE_DATE_RULES, TokenSpan
from ..normalize.date import MONTH_NAMES
from ..lexicon import EVENT_NOUN_CLASSES, NOUN_EVENT_SHARE, SPEECH_ACT_CLASSES, act_kinds, occurrence_verb_of_noun, verb_forms, word_senses
from ..syntax import child_tokens, occurrence_clause
from .rules import Context, Found, RuleTable, Words, attempt
from .spans import (
    _clause_path_clear, _entity, _era_year, _is_non_event_verb, _purpose_clauses, _trim, by_objects, event_governor, is_age,
    first_conjunct, is_clock_time, noun_phrase, quantity_span, relative_adverb_antecedent, result_participle, shared_object_conjunct,
    shares_subject,
)


def _is_year_number(token: Token) -> bool:
    """A bare number of three or four digits that can be a year ("691", "1997")."""
    return token.text.isdigit() and 3 <= len(token.text) <= 4 and int(token.text) < 2100 and token.ent_type_ in ("", "CARDINAL", "DATE")


_is_clock_time = is_clock_time  # "19:17", "3:30pm" (the tagger often calls it a cardinal)


def _date_extent(token: Token, words: Words, *, times: bool = False, years: bool = False) -> TokenSpan | None:
    """The date expression ``token`` belongs to: a DATE entity (with a TIME entity next to it,
    "Wednesday morning"), a year with its era; with ``times`` a TIME entity, a clock time or
    a part of the day the tagger leaves unlabelled, determined or after "at" ("in the afternoon",
    "at dawn"), with
    ``years`` a bare year number."""
    era = _era_year(token, words)
    if era is not None:
        return era
    if token.ent_type_ == "DATE" and is_age(token, words):
        return None  # "the six-year-old", "aged 45": an age, not a date
    if token.ent_type_ == "TIME" and not times:
        first = _entity(token)[0]
        if first > 0 and token.doc[first - 1].ent_type_ == "DATE":
            token = token.doc[first - 1]  # "on Sunday morning" told as DATE + TIME: the day with its part
    if token.ent_type_ == "DATE" or token.ent_type_ == "TIME" and times:
        start, end = _entity(token)
        doc = token.doc
        while start > 0 and doc[start - 1].ent_type_ in ("DATE", "TIME") and doc[start - 1].ent_iob_ != "O":
            start = _entity(doc[start - 1])[0]
        while end < len(doc) and doc[end].ent_type_ in ("DATE", "TIME") and doc[end].ent_iob_ == "B":
            end = _entity(doc[end])[1]
        if _is_time_stamp(doc, start, words):
            return None
        return None if _is_frequency(doc, (start, end), words) else (start, end)
    if not token.ent_type_ and token.lower_ in words.day_words and token.dep_ in ("npadvmod", "tmod", "advmod"):
        return token.left_edge.i, token.i + 1  # "Later today, he will hold": a deictic day the tagger left unlabelled
    if times and _is_clock_time(token):
        return token.i, token.i + 1
    if times and token.pos_ == "PROPN":
        # "at 3:30pm GMT": a time zone the clock time modifies
        clock = next((c for c in token.lefts if c.dep_ in ("compound", "nummod") and _is_clock_time(c)), None)
        if clock is not None:
            return clock.i, token.i + 1
    if times and token.lemma_.lower() in words.day_parts and (
        any(c.dep_ in ("det", "poss") for c in child_tokens(token)) or token.head.lower_ == "at"
    ):
        return token.left_edge.i, token.i + 1  # "in the afternoon", "this morning"
    if years and _is_year_number(token) and not any(c.dep_ in ("nummod", "amod", "compound") for c in child_tokens(token)):
        return token.i, token.i + 1
    return None


def _is_time_stamp(doc: Doc, start: int, words: Words) -> bool:
    """A date written as a page's time stamp, after an abbreviated day name and a comma
    ("Wed, November 30, 2016", "Tue., 3 March 2015": the lexicon's
    ``weekday_abbreviations``, which running news text never abbreviates): page furniture
    (guide section 1), not when an event happens. The day name is read from the text up to
    the comma, as the tokenizer may split it ("We" "d"); from the words' own text, as
    ``doc.text`` joins the whole document on every call."""
    for first in (start, start - 3, start - 2):
        if first < 0:
            continue
        comma = next((k for k in range(first + 1, min(first + 3, len(doc))) if doc[k].text == ","), None)
        if comma is None or comma + 1 < start:
            continue
        day = "".join(doc[k].text_with_ws for k in range(first, comma)).strip()
        if day[:1].isupper() and day.rstrip(".").lower() in words.weekday_abbreviations:
            return True
    return False


def _is_frequency(doc: Doc, span: TokenSpan, words: Words) -> bool:
    """"annually", "every year": how often, not when."""
    tokens = doc[span[0] : span[1]]
    return tokens[0].lower_ in ("every", "each") or all(t.lower_ in words.frequency_words for t in tokens)


def _is_duration(doc: Doc, span: TokenSpan, words: Words) -> bool:
    """"a thousand years", "two days": a length of time, with no point on the calendar."""
    last = doc[span[1] - 1]
    return last.tag_ == "NNS" and last.lemma_.lower() in words.time_nouns and not _is_point_date(doc, span, words)


def _is_point_date(doc: Doc, span: TokenSpan, words: Words) -> bool:
    """Whether a date expression names a point in time (a year or decade, a month, a weekday,
    "yesterday", "last week") rather than a length of time ("a 30-day ceasefire", "a
    108-year wait": a number joined to a time unit by a hyphen is no year)."""
    for t in doc[span[0] : span[1]]:
        if t.text[:4].isdigit() and t.text[4:] in ("", "s") and int(t.text[:4]) < 2100:
            if not _is_hyphened_count(doc, t, words):
                return True
            continue
        if t.lower_ in words.weekdays or t.lower_ in words.day_words or t.lower_ in words.relative_date_words:
            return True
        if t.lower_ in MONTH_NAMES and t.text[:1].isupper():
            return True
    return False


def _is_hyphened_count(doc: Doc, t: Token, words: Words) -> bool:
    """A number joined to a time unit by a hyphen: "108-year", "30 - day"."""
    return (
        t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].lemma_.lower() in words.time_nouns
    )


def _is_bare_duration(doc: Doc, span: TokenSpan, words: Words) -> bool:
    """A length of time with no point on the calendar nor an anchor: "days", "just a year",
    "a little over a week", "over a century" (``duration_words``, numbers and time units
    only; "two days ago", "days later", "last week" are points)."""
    tokens = doc[span[0] : span[1]]
    if not len(tokens) or tokens[-1].lemma_.lower() not in words.time_nouns or _is_point_date(doc, span, words):
        return False
    return all(
        t.lower_ in words.duration_words or t.like_num or t.lemma_.lower() in words.time_nouns or t.text == "-"
        for t in tokens
    )


def _is_record_span(ctx: Context, prep: Token, span: TokenSpan) -> bool:
    """A "since" phrase, or a bare length of time after "in", that measures a record rather
    than dating the event: "won its first title since 1908", "the biggest rally since 2011",
    "their first win in over a century", "the first of its kind since the war": the phrase's
    head, or the object of the verb it depends on, is an ordinal or a superlative, or is
    absent ("without a title since 1908", "no win since 2010")."""
    word = prep.lower_
    if not (word == "since" or word in ("in", "over") and _is_bare_duration(prep.doc, (span[0] + 1, span[1]), ctx.words)):
        return False
    head = prep.head
    while head.dep_ == "prep" and head.head.i != head.i:
        head = head.head  # "in over a century": past the outer preposition
    nouns = [head]
    if head.pos_ in ("VERB", "AUX"):
        nouns = [c for c in ctx.children(head) if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass")]
    for n in nouns:
        if _is_ordinal(n):
            return True
        if any(m.dep_ == "amod" and _is_ordinal(m) for m in n.doc[n.left_edge.i : n.i]):
            return True  # "its first title", "their first Cup football victory" (of a compound)
        if n.pos_ == "NOUN" and (
            n.dep_ == "pobj" and n.head.lower_ in ctx.words.absence_preps
            or any(m.dep_ == "det" and m.lower_ in ctx.words.negations for m in ctx.children(n))
        ):
            return True  # "without a title since 1908", "no win since 2010": an absence
    return False


def _is_ordinal(t: Token) -> bool:
    """An ordinal or a superlative: "first", "21st", "biggest", "most"."""
    return t.ent_type_ == "ORDINAL" or t.tag_ in ("JJS", "RBS") or t.like_num and t.tag_ == "JJ"


# Words that join the two ends of a range of dates, or two dates ("July or August").
_RANGE_WORDS = ("or", "and", "to", "-", "through", "until", "till")


def _extend_date(doc: Doc, start: int, end: int, words: Words | None = None) -> TokenSpan:
    # "July or August": a coordinated second date belongs to the same expression
    while end + 1 < len(doc) and doc[end].lower_ in _RANGE_WORDS and (
        doc[end + 1].ent_type_ == "DATE" or _is_year_range_end(doc, end)
    ):
        end += 2
        while end < len(doc) and doc[end].ent_type_ == "DATE" and doc[end].ent_iob_ == "I":
            end += 1
    if words is not None:
        end = _of_date_end(doc, end, words)
    # "as early as" before the date
    if start >= 3 and doc[start - 1].lower_ == "as" and doc[start - 2].lower_ in ("early", "soon", "late") and doc[start - 3].lower_ == "as":
        start -= 3
    return _trim(doc, start, end)


def _is_year_range_end(doc: Doc, joiner: int) -> bool:
    """Whether a range word at ``joiner`` joins two years ("from 2009 to 2012"), the second
    later than the first: the recognizer often leaves the second unlabelled."""
    first, second = doc[joiner - 1], doc[joiner + 1]
    return _is_year_number(first) and _is_year_number(second) and int(second.text) > int(first.text)


def _of_date_end(doc: Doc, end: int, words: Words) -> int:
    """The end of a date expression with its "of" complement when that names a date: "in the
    early hours of Wednesday", "on the morning of 1 March 2019" (a day number before the
    month, a weekday or month name the recognizer left unlabelled count)."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return end
    k = end + 1
    if doc[k].like_num and doc[k].ent_type_ != "DATE" and k + 1 < len(doc) and doc[k + 1].ent_type_ == "DATE":
        k += 1  # "1 March 2019" told as a number and a DATE
    if doc[k].ent_type_ == "DATE":
        return _entity(doc[k])[1]
    if doc[k].lower_ in words.weekdays or doc[k].lower_ in MONTH_NAMES and doc[k].text[:1].isupper():
        return k + 1
    return end


def _time_complement_end(noun: Token, end: int, words: Words) -> int:
    """The end of a time noun's phrase (``time_nouns``, ``day_parts``) with its "before"/"after"
    complement, which says which time it is: "in the days before the election", "the morning
    after losing the race" (the complement right after the phrase, with an object; the parser
    may hang it on the word the time phrase depends on instead, which reads the same); ``end``
    for any other noun."""
    doc = noun.doc
    lemma = noun.lemma_.lower()
    if end >= len(doc) or (lemma not in words.time_nouns and lemma not in words.day_parts):
        return end
    c = doc[end]
    phrase_head = noun.head.head if noun.dep_ == "pobj" else noun.head
    if c.dep_ != "prep" or c.lower_ not in ("before", "after") or c.head.i not in (noun.i, phrase_head.i):
        return end
    obj = next((p for p in child_tokens(c) if p.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return end
    # a gerund's clause whole; a noun's phrase without the phrases the parser may hang on it
    return obj.right_edge.i + 1 if obj.dep_ == "pcomp" else noun_phrase(obj)[1]


def _measure_start(prep: Token, start: int, words: Words) -> int:
    """The start of a "before"/"after" phrase with the length of time that measures it:
    "two days before Election Day", "a week after the vote" (Quirk et al. 1985, 9.53); of a
    date phrase with the comparative adverb right before it, on the same word: "earlier in
    2024"."""
    doc = prep.doc
    if prep.i > 0 and start == prep.i:
        before = doc[prep.i - 1]
        if before.dep_ == "advmod" and before.lower_ in words.comparative_times and before.head.i == prep.head.i:
            return before.i
    if prep.lower_ not in ("before", "after"):
        return start
    measure = next((c for c in prep.lefts if c.dep_ == "npadvmod" and (c.ent_type_ == "DATE" or c.tag_ == "NNS")), None)
    if measure is not None and not _is_time_length(measure, words):
        measure = None  # "rose 2 percent after the vote": the extent of the change, not a length of time
    return min(start, measure.left_edge.i) if measure is not None else start


def _is_time_length(measure: Token, words: Words) -> bool:
    """Whether a measure phrase's noun is a length of time ("two days", "a week") rather than
    another extent ("2 percent")."""
    return measure.ent_type_ == "DATE" or measure.lemma_.lower() in words.time_nouns


def _prep_date(prep: Token, pobj: Token, words: Words, *, times: bool = False) -> TokenSpan | None:
    """The date a temporal preposition's object gives, with the preposition."""
    word = prep.lower_
    span = _date_extent(pobj, words, times=times and word in words.time_preps, years=word in words.year_preps)
    if span is None or word in ("on", "at") and _is_duration(pobj.doc, span, words):
        return None  # "sits on a thousand years of history"
    if word == "in" and _is_bare_ordinal(pobj.doc, span):
        return None  # "scored in the 10th": an inning, round or lap; a day of the month takes "on"
    if word == "in" and _is_time_taken(prep, span, words):
        return None  # "won the match in 95 minutes": the time it took, no date
    end = _time_complement_end(pobj, max(span[1], pobj.i + 1), words)
    return _extend_date(pobj.doc, _measure_start(prep, min(prep.i, span[0]), words), end, words)


def _is_time_taken(prep: Token, span: TokenSpan, words: Words) -> bool:
    """A bare length of time after "in" on a verb in the past: the time the event took to
    complete ("finished the course in three hours", "won the match in 95 minutes"), a
    duration, no point in time; with a future or modal verb it is the time from now ("will
    leave in two days"), a date (Quirk et al. 1985, 8.56 and 9.42: "in" with a length of
    time measures a completed span; gold decisions D3 and B6, durations are neither
    quantity nor date)."""
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBD", "VBN"):
        return False
    if any(a.dep_ == "aux" and a.tag_ == "MD" for a in child_tokens(verb)):
        return False  # "would finish in two hours"
    tokens = prep.doc[span[0] : span[1]]
    if not len(tokens) or tokens[-1].lemma_.lower() not in words.time_nouns or tokens[-1].tag_ != "NNS":
        return False  # "in a week" may be a point ("in a week's time"); plural units only
    return all(
        t.lower_ in words.duration_words or t.lemma_.lower() in words.time_nouns or t.text == "-"
        or (t.like_num and not (t.text.isdigit() and len(t.text) == 4)) or (t.lower_ == "and" and 0 < k < len(tokens) - 1)
        for k, t in enumerate(tokens)
    )  # numbers and units only: "in 95 minutes", "in two hours and ten minutes"; not "in 2014"


def _is_bare_ordinal(doc: Doc, span: TokenSpan) -> bool:
    """A date expression that is only an ordinal, with at most a determiner: "the 10th",
    "the 3rd". English dates a day of the month with "on" ("on the 10th"); after "in" the
    ordinal counts the parts of something else (an inning, a round, a lap; "in the 10th"),
    no day (Quirk et al. 1985, 9.37: "on" for days, "in" for longer periods)."""
    tokens = [t for t in doc[span[0] : span[1]] if t.dep_ != "det"]
    return len(tokens) == 1 and tokens[0].text[:1].isdigit() and tokens[0].text[-2:].lower() in ("st", "nd", "rd", "th")


def modifier_date(ctx: Context, noun: Token) -> TokenSpan | None:
    """A point date modifying a noun: "the 1979 revolution", "Tuesday's earthquake", "their
    Nov. 2 victory" (a month the parser reads as a noun modifier, ``nmod``), "a Sunday night
    appearance" (a day with its part, which the recognizer may call a time)."""
    for c in ctx.children(noun):
        if c.dep_ in ("nummod", "compound", "poss", "amod", "npadvmod", "nmod"):
            if _named_day(ctx, c):
                continue  # "the Bloody Friday attacks": a name, no slot of its own (news-dev3 b D2)
            span = _date_extent(c, ctx.words, times=c.ent_type_ == "TIME")
            if span is not None and c.ent_type_ == "TIME" and not _names_day(noun.doc, span, ctx.words):
                continue  # "the 7 p.m. meeting": a clock time, no day
            if span is not None and _is_point_date(noun.doc, span, ctx.words):
                return _trim(noun.doc, *span)
    return None


def _named_day(ctx: Context, token: Token) -> bool:
    """A weekday that a capitalized word of no date makes a proper name ("Bloody Friday",
    "Black Friday", "Super Tuesday"): the name of a day or of an event held on one, which
    does not say which date is meant. Not a sentence's first word, capitalized anyway ("Last
    Friday's raid")."""
    words = ctx.words
    if token.lower_ not in words.weekdays:
        return False
    return any(
        k.dep_ in ("compound", "amod") and k.i < token.i and k.tag_ == "NNP" and not k.is_sent_start
        and k.lower_ not in words.relative_date_words and k.lower_ not in words.day_words
        and k.lower_ not in words.weekdays and k.lower_ not in MONTH_NAMES
        for k in ctx.children(token)
    )


def _names_day(doc: Doc, span: TokenSpan, words: Words) -> bool:
    """Whether a span names a day ("Sunday night", "yesterday evening")."""
    return any(t.lower_ in words.weekdays or t.lower_ in words.day_words for t in doc[span[0] : span[1]])


def _temporal_object(ctx: Context, c: Token) -> Token | None:
    """The object of a temporal preposition ``c`` ("in June"; "as of 1996": of its inner
    preposition)."""
    if c.dep_ != "prep" or c.lower_ not in ctx.words.temporal_preps:
        return None
    kids = ctx.children(c)
    pobj = next((p for p in kids if p.dep_ == "pobj"), None)
    if pobj is None:
        inner = next((p for p in kids if p.dep_ == "prep"), None)
        pobj = next((p for p in child_tokens(inner) if p.dep_ == "pobj"), None) if inner is not None else None
    return pobj


# Rules: (ctx, a dependent of a clause word, whether clock times count) -> TokenSpan | None
DEPENDENT_DATE = RuleTable("date", "the date one dependent of the trigger's clause gives")


@DEPENDENT_DATE.rule
def date_dependent(ctx: Context, c: Token, times: bool) -> TokenSpan | None:
    """A date word depending on the clause: "attacked last week", "yesterday's talks"."""
    if c.dep_ in ("npadvmod", "tmod", "advmod", "nsubj", "dobj", "obl", "pobj", "dep", "attr"):
        if _is_bare_month_argument(c):
            return None
        span = _date_extent(c, ctx.words, times=times and c.dep_ in ("npadvmod", "tmod"))
        if span is not None and not _is_bare_duration(c.doc, span, ctx.words):
            start, end = span
            if c.lemma_.lower() in ctx.words.time_nouns or c.lemma_.lower() in ctx.words.day_parts:
                end = _time_complement_end(c, max(end, c.i + 1), ctx.words)
            return _extend_date(c.doc, start, end, ctx.words)
    return None


def _is_bare_month_argument(c: Token) -> bool:
    """A month name alone as the subject or direct object ("invited May to visit", "April
    said"): a name ("May", "April", "June" are also personal names) the recognizer took for
    a date; a month dates an event after a preposition or with a day, year or determiner
    ("in May", "May 5", "last May"), not as an argument."""
    return (
        c.dep_ in ("nsubj", "dobj")
        and c.text[:1].isupper()
        and c.lower_ in MONTH_NAMES
        and not any(True for _ in child_tokens(c))
    )


@DEPENDENT_DATE.rule
def prep_date(ctx: Context, c: Token, times: bool) -> TokenSpan | None:
    """A temporal preposition with a date: "in June", "since 2014", "as of 1996"."""
    pobj = _temporal_object(ctx, c)
    span = _prep_date(c, pobj, ctx.words, times=times) if pobj is not None else None
    return None if span is not None and _is_record_span(ctx, c, span) else span


@DEPENDENT_DATE.rule
def event_dated_prep(ctx: Context, c: Token, times: bool) -> TokenSpan | None:
    """A temporal preposition with an event that a date modifies: "during a 1981 military parade";
    any temporal preposition when its object is an event the trigger finder found, a
    gathering or an occurrence noun (``_is_occurrence_noun``): "lost in the 2016 election",
    "spoke at Monday's summit", "seized power in a 2014 coup" (not a speech act: "spoke in
    the 2016 report"). Not a preposition of purpose (``purpose_preps``: "gearing up for his
    Jan. 20 inauguration" is before it). The date is the modifier as written ("in the 2016
    election": 2016), or, after a preposition that places the event before or after its
    object, the phrase whole ("before Tuesday's vote")."""
    pobj = _temporal_object(ctx, c)
    if pobj is None or c.lower_ in ctx.words.purpose_preps:
        return None
    words = ctx.words
    is_event = _is_event_noun(ctx, pobj)
    date = modifier_date(ctx, pobj) if c.lower_ in words.event_time_preps or is_event else None
    if date is not None:
        span = _trim(c.doc, c.i, pobj.i + 1)
        if _is_record_span(ctx, c, span):
            return None
        # "in the 2016 election", "during Tuesday's vote": the event is in the date, which is
        # the date as written; "before Tuesday's vote" is relative to it, the phrase whole
        inside = c.lower_ not in words.event_time_preps or c.lower_ in words.within_preps
        return _as_written(c.doc, date) if inside else span
    return None


def _is_event_noun(ctx: Context, noun: Token) -> bool:
    """Whether a noun names an event: an event noun the trigger finder found, a gathering or
    an occurrence noun (``_is_occurrence_noun``)."""
    return noun.i in ctx.noun_events or noun.lemma_.lower() in ctx.words.gatherings or _is_occurrence_noun(ctx, noun)


def _is_dated_event_noun(ctx: Context, noun: Token) -> bool:
    """Whether a noun names an event a date may modify: an event noun (``_is_event_noun``)
    or a named event (an EVENT entity: "the 1991 World Series")."""
    return noun.ent_type_ == "EVENT" or _is_event_noun(ctx, noun)


@DEPENDENT_DATE.rule
def dated_whole(ctx: Context, c: Token, times: bool) -> TokenSpan | None:
    """A temporal preposition of inclusion whose object is a part of a whole that a date
    modifies, the part or the whole an event: the part happens in the whole's date ("late in the sixth game of the 1991
    series": 1991; gold decision D5, a game named with a year gives the year). Only where
    the object has no date of its own (``event_dated_prep``) and the preposition places the
    event inside its object, not before or after it (``event_time_preps`` outside
    ``within_preps``: "after the final of the 1991 cup" is no date of 1991)."""
    pobj = _temporal_object(ctx, c)
    words = ctx.words
    if pobj is None or c.lower_ in words.purpose_preps or modifier_date(ctx, pobj) is not None:
        return None
    if c.lower_ in words.event_time_preps and c.lower_ not in words.within_preps:
        return None
    of = next((p for p in ctx.children(pobj) if p.dep_ == "prep" and p.lower_ == "of"), None)
    whole = next((p for p in ctx.children(of) if p.dep_ == "pobj"), None) if of is not None else None
    if whole is None or not (_is_dated_event_noun(ctx, pobj) or _is_dated_event_noun(ctx, whole)):
        return None
    date = modifier_date(ctx, whole) or next(
        ((y.i, y.i + 1) for y in ctx.children(whole) if y.dep_ in ("nummod", "compound", "amod") and y.text.isdigit() and len(y.text) == 4 and int(y.text) < 2100), None
    )  # "the 1991 World Series": the recognizer takes the year into the EVENT name
    if date is None or _is_record_span(ctx, c, _trim(c.doc, c.i, whole.i + 1)):
        return None
    return _as_written(c.doc, date)


@DEPENDENT_DATE.rule
def dated_contest(ctx: Context, c: Token, times: bool) -> TokenSpan | None:
    """The direct object of a verb, a contest (a sense below one of ``contest_kinds`` in
    WordNet's hypernyms: a race, match, final, tournament) that a point date premodifies,
    dates the verb: what is done to a contest is done at its date ("won Sunday's race",
    "lost the 1998 final"; gold decision D5, "Sunday's" gives its date). Not after a verb
    of aspect, planning or prospect (``aspectual``, ``planning``: "agreed to hold Sunday's
    race"), nor a date after the noun ("scored 30 goals this season"), nor an outcome or
    other occurrence that is no contest ("celebrated their Nov. 2 victory": the celebration
    follows it)."""
    if c.dep_ != "dobj" or c.pos_ != "NOUN" or c.head.pos_ != "VERB":
        return None
    words = ctx.words
    verb = c.head.lemma_.lower()
    if verb in words.aspectual or verb in words.planning or verb in words.prospective:
        return None
    kinds = words.contest_kinds
    if not any(kinds & sense for sense in act_kinds(c.lemma_.lower())):
        return None
    date = modifier_date(ctx, c)
    if date is None or date[1] > c.i:
        return None
    return _as_written(c.doc, date)


def _as_written(doc: Doc, span: TokenSpan) -> TokenSpan:
    """A date modifying a noun as written, with its possessive ending ("Tuesday's")."""
    end = span[1]
    return (span[0], end + 1) if end < len(doc) and doc[end].tag_ == "POS" else span


@DEPENDENT_DATE.rule
def time_before_event(ctx: Context, c: Token, times: bool) -> TokenSpan | None:
    """A time relative to another event: "a month before the mobilization"."""
    if c.dep_ == "prep" and c.lower_ in ("before", "after") and any(
        n.dep_ == "npadvmod" and n.ent_type_ == "DATE" for n in child_tokens(c)
    ):
        return _trim(c.doc, c.left_edge.i, c.right_edge.i + 1)
    return None


@DEPENDENT_DATE.rule
def since_clause(ctx: Context, c: Token, times: bool) -> TokenSpan | None:
    """A clause of time giving a starting or ending point: "since the full-scale invasion
    began", "until the troops leave" (not a causal "since he is a vicar")."""
    if c.dep_ != "advcl":
        return None
    mark = next((m for m in ctx.children(c) if m.dep_ == "mark" and m.lower_ in ctx.words.clause_date_marks), None)
    if mark is not None and not (mark.lower_ == "since" and _is_causal_since(c)):
        return _trim(c.doc, c.left_edge.i, c.right_edge.i + 1)
    return None


@DEPENDENT_DATE.rule
def since_then(ctx: Context, c: Token, times: bool) -> TokenSpan | None:
    """"since then", "until now": resolved later from the last date before it."""
    if c.dep_ == "prep" and c.lower_ in ("since", "until", "till") and any(p.lower_ in ("then", "now") for p in child_tokens(c)):
        return c.i, c.right_edge.i + 1
    return None


@DEPENDENT_DATE.rule
def as_early_as(ctx: Context, c: Token, times: bool) -> TokenSpan | None:
    """"as early as July", "as soon as July or August"."""
    if c.dep_ == "advmod" and c.lower_ in ("early", "soon", "late"):
        dates = [span for t in c.subtree if (span := _date_extent(t, ctx.words)) is not None]
        if dates:
            return _extend_date(c.doc, c.left_edge.i, max(end for _, end in dates))
    return None


# The dependency labels of the dependents each rule of ``DEPENDENT_DATE`` reads a date from:
# each rule first checks its dependent's label (``date_dependent`` its list; the
# prepositional rules "prep"; ``dated_contest`` "dobj"; ``since_clause`` "advcl";
# ``as_early_as`` "advmod"), so a dependent is put only to the rules of its label
# (``DATE_RULES_BY_DEP``), in the table's order, and one of any other label ("det", "punct",
# "aux", ...) to none: most rules would only check the label and give nothing.
DEPENDENT_DATE_DEPS: dict[str, tuple[str, ...]] = {
    "date_dependent": ("npadvmod", "tmod", "advmod", "nsubj", "dobj", "obl", "pobj", "dep", "attr"),
    "prep_date": ("prep",),
    "event_dated_prep": ("prep",),
    "dated_whole": ("prep",),
    "dated_contest": ("dobj",),
    "time_before_event": ("prep",),
    "since_clause": ("advcl",),
    "since_then": ("prep",),
    "as_early_as": ("advmod",),
}
if set(DEPENDENT_DATE_DEPS) != set(DEPENDENT_DATE.names):
    raise ValueError("every rule of DEPENDENT_DATE lists the labels it reads, in DEPENDENT_DATE_DEPS")

# The rules of ``DEPENDENT_DATE`` for a dependent of each label (string ids, as ``Token.dep``).
DATE_RULES_BY_DEP: dict[int, RuleTable] = {
    get_string_id(label): DEPENDENT_DATE.subset({name for name, labels in DEPENDENT_DATE_DEPS.items() if label in labels})
    for label in sorted({label for labels in DEPENDENT_DATE_DEPS.values() for label in labels})
}
# The labels of the dependents some rule of ``DEPENDENT_DATE`` reads a date from.
DATED_DEPS = frozenset(DATE_RULES_BY_DEP)


def _is_causal_since(clause: Token) -> bool:
    """"since he is a vicar", "since they will have passed": a reason, not a starting time
    (a present-tense or modal clause; "since the war began" is past)."""
    return clause.tag_ in ("VBZ", "VBP") or any(a.dep_ == "aux" and a.tag_ == "MD" for a in child_tokens(clause))


def _date_holders(ctx: Context, token: Token) -> list[Token]:
    """The trigger and the words whose dependents also date it (found once per word)."""
    return ctx.memo((_date_holders, token.i), lambda: _find_date_holders(ctx, token))


def _find_date_holders(ctx: Context, token: Token) -> list[Token]:
    words = ctx.words
    holders = [token]
    if token.dep_ in ("xcomp", "amod", "expl") or (token.dep_ == "conj" and token.head.pos_ == "VERB"):
        # "a devastating earthquake": an adjective's noun; "there were rumors": the verb
        holders.append(token.head)
    if token.lemma_.lower() in words.aspectual:
        # "started selling awnings eight years ago"
        holders.extend(c for c in ctx.children(token) if c.dep_ == "xcomp")
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in words.aspectual:
        # "the deployment could begin in July"
        holders.append(token.head)
    if token.pos_ in ("NOUN", "PROPN"):
        if (occurrence := occurrence_clause(token)) is not None:
            holders.append(occurrence)
        if (governor := event_governor(ctx, token)) is not None:
            holders.append(governor)  # "protests took place on Friday", "the vote is on Monday"
        # "a test to be conducted in June", "attacks carried out in May"
        holders.extend(c for c in ctx.children(token) if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in words.support)
        verb = token.head.lemma_.lower()
        if token.dep_ == "dobj" and token.head.pos_ == "VERB" and (
            any(f in words.support or f in words.undergoing for f in verb_forms(token.head)) or verb in words.participation
            or _is_non_event_verb(verb, words)
            or (token.lemma_.lower() in words.giving and any(f in words.giving_support for f in verb_forms(token.head)))
        ):
            holders.append(token.head)  # "in 1244 the dynasty took control"
            head = token.head
            if shares_subject(ctx, head):
                # "On Monday the envoys arrived and held talks": the verb the support verb is
                # coordinated with and shares its subject with (``_in_head_conjunct`` keeps
                # that verb's own dependents out)
                holders.append(head.head)
    return holders


def _stray_dependents(token: Token) -> list[Token]:
    """Dependents of the governing clause that sit inside the trigger's own phrase, where the
    parser tends to misattach them: before the comma of a fronted adverbial clause ("Although
    Iran ratified the CWC ( ... ) in 1997 , the US believes"; brackets mislead the parser), or
    between a subject event noun and its verb ("a statement yesterday said")."""
    doc = token.doc
    head = token.head
    if token.dep_ == "advcl" and token.i < head.i:
        right = token.right_edge.i
        comma = next((t.i for t in doc[right + 1 : head.i] if t.text == ","), None)
        if comma is not None:
            return [c for c in child_tokens(head) if right < c.i < comma]
    if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "NOUN" and token.i < head.i:
        return [c for c in child_tokens(head) if token.right_edge.i < c.i < head.i and c.dep_ in ("npadvmod", "tmod")]
    return []


def _in_head_conjunct(ctx: Context, token: Token, holder: Token, c: Token) -> bool:
    """Whether ``c``, a dependent of the verb a coordinated verb ``token`` depends on, is the
    first conjunct's own: between that verb and ``token`` ("is retiring at the end of the
    season and raced"), which dates the first verb only; or any of its dependents when
    ``token`` has its own adverb of time sequence (``sequence_adverbs``: "In 1999 they
    agreed to a moratorium and later announced"). A date before the first verb ("On Monday,
    police arrested him and charged him") or after the second ("stormed and looted a bank on
    Monday") is shared. For an event noun a coordinated support verb takes, that verb is the
    coordinated one ("arrived on Monday and held talks": the talks are not dated)."""
    if token.dep_ == "dobj" and token.pos_ in ("NOUN", "PROPN") and token.head.dep_ == "conj":
        token = token.head  # an event noun the support verb takes: that verb is the conjunct
    if token.dep_ != "conj" or holder.i != token.head.i or c.i == token.i:
        return False
    if holder.i < c.i < token.i:
        return True
    return any(a.dep_ == "advmod" and a.lower_ in ctx.words.sequence_adverbs for a in ctx.children(token))


def _clause_dates(ctx: Context, token: Token, *, times: bool) -> Found | None:
    """The first date among the dependents of the trigger's date holders (``DEPENDENT_DATE``,
    each dependent put to the rules of its label: ``DATE_RULES_BY_DEP``)
    or, without ``times``, modifying a holder noun; then among its stray dependents.

    With ``times``, once the search without them found nothing for the same word (as
    ``clause_time`` follows ``clause_date``), only the dependents whose find can change with
    ``times`` (``_times_matter``) are asked again: the rules are pure functions of the parse,
    so every other dependent gives nothing again."""
    dateless = ctx.memo((_clause_dates, token.i), set)  # {True}: the search without times found nothing
    again = times and True in dateless
    words = ctx.words
    for holder in _date_holders(ctx, token):
        for c in ctx.children(holder):
            rules = DATE_RULES_BY_DEP.get(c.dep)
            if rules is None or (again and not _times_matter(c, words)) or _in_head_conjunct(ctx, token, holder, c):
                continue
            found = rules.first(ctx, c, times)
            if found is not None:
                return found
        if holder.pos_ in ("NOUN", "PROPN") and not times:
            found = attempt(modifier_date, ctx, holder)
            if found is not None:
                return found
    for c in ctx.memo((_stray_dependents, token.i), lambda: _stray_dependents(token)):
        rules = DATE_RULES_BY_DEP.get(c.dep)
        if rules is None or (again and not _times_matter(c, words)):
            continue
        found = rules.first(ctx, c, times)
        if found is not None:
            return found
    if not times:
        dateless.add(True)
    return None


def _times_matter(c: Token, words: Words) -> bool:
    """Whether ``DEPENDENT_DATE``'s find for dependent ``c`` can change with ``times``: only
    ``date_dependent`` (for an "npadvmod" or "tmod" dependent) and ``prep_date`` (for a
    preposition of ``time_preps``, through ``_prep_date``) read it."""
    dep = c.dep_
    return dep in ("npadvmod", "tmod") or (dep == "prep" and c.lower_ in words.time_preps)


# Rules: (ctx, trigger token) -> TokenSpan | None
OWN_DATE = RuleTable("date", "the date the trigger's own clause gives")


@OWN_DATE.rule
def elapsed_since(ctx: Context, token: Token) -> TokenSpan | None:
    """"A week has passed since X signed": the span up to "since" dates the event it introduces."""
    if token.dep_ != "advcl" or token.head.lemma_.lower() not in ("pass", "elapse", "go"):
        return None
    mark = next((m for m in child_tokens(token) if m.dep_ == "mark" and m.lower_ == "since"), None)
    subj = next(
        (c for c in child_tokens(token.head) if c.dep_ == "nsubj" and (c.ent_type_ == "DATE" or c.lemma_.lower() in ctx.words.time_nouns)),
        None,
    )
    if mark is None or subj is None:
        return None
    return subj.left_edge.i, mark.i + 1


@OWN_DATE.rule(via=(DEPENDENT_DATE, modifier_date))
def clause_date(ctx: Context, token: Token) -> Found | None:
    """A date of the trigger's clause: "sent troops last week", "in June", "the 1979 revolution"."""
    return _clause_dates(ctx, token, times=False)


@OWN_DATE.rule
def clause_time(ctx: Context, token: Token) -> TokenSpan | None:
    """With no date in the clause, a clock time or part of a day there: "at 7 p.m."."""
    found = _clause_dates(ctx, token, times=True)
    return found.value if found is not None else None


DATE = RuleTable("date", "when the event happens")


@DATE.rule(via=(OWN_DATE,))
def own_clause(ctx: Context, token: Token) -> Found | None:
    """The date the trigger's own clause gives (``OWN_DATE``)."""
    return OWN_DATE.first(ctx, token)


@DATE.rule
def when_clause_head(ctx: Context, token: Token) -> TokenSpan | None:
    """The date a relative "when" clause modifies: "since 1997, when the Indians were
    beaten", "in 2014, when rebels seized the airport" (the relative adverb stands for the
    date it follows, as "where" stands for a place: ``location.where_clause_head``), also for
    a verb coordinated in that clause."""
    head = relative_adverb_antecedent(ctx, first_conjunct(ctx, token), "when", dep="advmod")
    return _date_extent(head, ctx.words, years=True) if head is not None else None


@DATE.rule
def deep_date(ctx: Context, token: Token) -> TokenSpan | None:
    """A temporal prepositional phrase deeper in the clause: "killed hundreds in the 1990s".
    Not a date of origin after a noun (``origin_preps``: "did not change the ruling from
    July", the ruling's date; Quirk et al. 1985, 17.37, postmodification)."""
    for t in ctx.subtree(token):
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in ctx.words.temporal_preps:
            if t.head.lower_ in ctx.words.origin_preps and t.head.head.pos_ in ("NOUN", "PROPN"):
                continue
            span = _prep_date(t.head, t, ctx.words)
            if span is not None and _clause_path_clear(t, token) and not _is_record_span(ctx, t.head, span):
                return span
    return None


@DATE.rule
def purpose_clause(ctx: Context, token: Token) -> TokenSpan | None:
    """The date the trigger's infinitive of purpose gives in its own clause: "sent engineers
    to rebuild the bridge by March". Not an object's complement (``_is_object_complement``:
    "urged workers to strike on Monday", where the workers strike on Monday)."""
    for clause in _purpose_clauses(token):
        if _is_object_complement(ctx, token, clause):
            continue
        found = OWN_DATE.first(ctx, clause)
        if found is not None:
            return found.value
    return None


def _is_object_complement(ctx: Context, token: Token, clause: Token) -> bool:
    """Whether an infinitive ``clause`` is the complement that the trigger's direct object
    performs (object control, Quirk et al. 1985, 16.64: "motivated them to mobilize", "forced
    the president to disclose"), not an infinitive of purpose: the parser labels it ``xcomp``
    beside a direct object (a purpose clause, "sent troops to support", is ``advcl``). Its
    time is the complement's own event, which follows the trigger's."""
    return clause.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in ctx.children(token))


@DATE.rule
def shared_object_date(ctx: Context, token: Token) -> TokenSpan | None:
    """The date the own clause of the coordinated verb whose object the trigger shares gives:
    "gunmen stormed and looted a bank on Monday" (stormed: on Monday)."""
    conj = shared_object_conjunct(ctx, token)
    found = OWN_DATE.first(ctx, conj) if conj is not None else None
    return found.value if found is not None else None


def _relative_subject(ctx: Context, clause: Token) -> bool:
    """Whether a relative clause's subject is its relative pronoun ("which", "that", "who"),
    so that the noun it modifies is what does or undergoes the clause's event."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in ctx.children(clause))


@DATE.rule
def event_antecedent_date(ctx: Context, token: Token) -> TokenSpan | None:
    """The date of the event noun that the trigger's relative clause (or participle) says
    what it did: "the March 3 raid, which killed four civilians", "a Monday blast injuring
    twelve", "the attack on Friday that killed nine and wounded ten" (wounded shares the
    clause). An event that kills, wounds or destroys does so when it happens: the noun's own
    date (``OWN_DATE``) is the clause's. Only when the clause's subject is the noun (a
    relative pronoun subject, or a present participle with none): in "the attack that police
    described on Monday" the noun is the object and the clause has a time of its own."""
    clause = first_conjunct(ctx, token)
    noun = clause.head
    if noun.i == clause.i or noun.pos_ != "NOUN" or not _is_event_noun(ctx, noun):
        return None
    if clause.dep_ == "relcl":
        if not _relative_subject(ctx, clause):
            return None
    elif not (clause.dep_ == "acl" and clause.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in ctx.children(clause))):
        return None
    found = OWN_DATE.first(ctx, noun)
    return found.value if found is not None else None


@DATE.rule
def supplementive_clause_date(ctx: Context, token: Token) -> TokenSpan | None:
    """For a supplementive participle clause (``spans.result_participle``, on a lexical verb
    or an auxiliary-tagged "be" or "have"; or a verb coordinated
    with one, sharing its subject) whose object counts what the event struck, the date of
    the clause it adjoins: "the bomb exploded on Friday, wounding 13 people", "was destroyed
    by an explosion on April 19, killing 168 and injuring 500" (the toll comes with the
    event, at its time). Without a counted object the clause mostly tells how the event was
    taken ("said on Wednesday, drawing laughs", "informed Congress a week ago, throwing the
    race into turmoil"), which the guide does not annotate (news dev: the date made 5 such
    tuples for 1 of a toll)."""
    clause = first_conjunct(ctx, token)
    if not result_participle(ctx, clause, on_aux=True):
        return None
    if not any(c.dep_ == "dobj" and quantity_span(c, ctx.words) is not None for c in ctx.children(token)):
        return None  # no toll counted: "said on Monday, drawing laughs", an aside, not an event of its own
    head = clause.head
    found = OWN_DATE.first(ctx, head)
    if found is None:
        # "was shattered by an explosion on April 19, killing 168": the date of the event noun
        # that the passive names as its agent, the event itself
        agent = next((p for p in by_objects(ctx, head, deps=("agent",)) if p is not None), None)
        if agent is not None and agent.pos_ == "NOUN" and _is_event_noun(ctx, agent):
            found = OWN_DATE.first(ctx, agent)
    return found.value if found is not None else None


def _anchor_object(ctx: Context, c: Token) -> Token | None:
    """The object of a preposition of time that can take an event (``event_time_preps``:
    "after the announcement", "ahead of his arrival", "prior to the vote")."""
    word = c.lower_
    if c.dep_ == "prep" and word in ctx.words.event_time_preps:
        inner = c
    else:
        inner = next((p for p in child_tokens(c) if p.dep_ == "prep" and f"{word} {p.lower_}" in ctx.words.event_time_preps), None)
        if inner is None or c.dep_ not in ("advmod", "prep", "amod"):
            return None
    return next((p for p in child_tokens(inner) if p.dep_ == "pobj"), None)


# The dependency labels (string ids) of the words ``_anchor_object`` finds an object for
# ("prep", or "advmod" / "amod" with an inner preposition: "ahead of", "prior to"): the
# dependents of other labels anchor no time and are not looked at.
ANCHOR_DEPS = frozenset(get_string_id(label) for label in ("prep", "advmod", "amod"))


def _names_occurrence(ctx: Context, obj: Token, classes) -> bool:
    """Whether a common noun names an occurrence: one the lexicon's occurrence test takes as
    after a support verb, or whose WordNet senses are mostly of ``classes``."""
    if obj.pos_ != "NOUN":
        return False
    lemma = obj.lemma_.lower()
    if occurrence_verb_of_noun(lemma, ctx.lexicon, supported=True) is not None:
        return True
    senses = word_senses(lemma, "n")
    return senses is not None and senses.share(classes) >= NOUN_EVENT_SHARE


def _is_occurrence_noun(ctx: Context, obj: Token) -> bool:
    """Whether a common noun names an occurrence: one the lexicon's occurrence test takes as
    after a support verb, or whose WordNet senses are mostly acts, events or phenomena ("a
    coup", "an ambush"; not "a report", a communication, nor "a bunker")."""
    return _names_occurrence(ctx, obj, EVENT_NOUN_CLASSES)


def _is_anchor_event(ctx: Context, obj: Token) -> bool:
    """Whether an anchor's object is an occurrence: an event noun the trigger finder found, a
    named occasion (a DATE or EVENT entity: "Election Day"), or a noun that the lexicon's
    occurrence test takes as after a support verb or whose WordNet senses are mostly acts,
    happenings or communications ("his meeting", "the race", "the announcement", "my
    letter": after a preposition of time, as after a support verb, a speech act is an
    occurrence); not a person, place, thing or group ("before the court", "after him")."""
    if obj.ent_type_ in ("DATE", "EVENT") or obj.i in ctx.noun_events:
        return True
    return _names_occurrence(ctx, obj, SPEECH_ACT_CLASSES)


def _anchor_span(ctx: Context, c: Token, token: Token) -> TokenSpan | None:
    """The span of a time anchored to another event that the preposition ``c`` heads, with
    its leading measure: "two days before the election", "right after the announcement",
    "ahead of his arrival". A clause of time ("before voters went to the polls") and a
    gerund ("after losing the match") were tried as anchors too: on the news dev gold they
    gave mostly dates the gold leaves out ("before the final result was revealed", "after
    learning about the accident"; date fp 63 -> 72 for tp 62 -> 64, tuple 122 -> 118)."""
    obj = _anchor_object(ctx, c)
    if obj is None or not _is_anchor_event(ctx, obj):
        return None
    start, end = c.left_edge.i, c.right_edge.i + 1
    for m in c.lefts:
        if m.dep_ == "npadvmod" and not _is_time_length(m, ctx.words):
            start = max(start, m.right_edge.i + 1)  # "rose 2 percent after the vote": the change's extent
    if start <= token.i < end:
        return None  # the trigger itself is in the anchoring phrase
    if _is_record_span(ctx, c, (c.i, end)):
        return None  # "the first of its kind since the war"
    return _trim(c.doc, start, end)


def _anchor_path_clear(t: Token, token: Token) -> bool:
    """Whether ``t`` hangs under ``token`` without crossing a subject or a finite verb (a
    participle modifying a noun may lie between: "on the driveway leading to the West Wing
    ahead of his arrival")."""
    path = list(t.ancestors)
    if token not in path:
        return False
    for a in path[: path.index(token)]:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in child_tokens(a)):
            return False
        if a.pos_ in ("VERB", "AUX") and not (a.dep_ == "acl" and a.tag_ in ("VBG", "VBN")):
            return False
    return True


@DATE.rule
def anchored_date(ctx: Context, token: Token) -> TokenSpan | None:
    """With no calendar date, a time given by another event: a preposition of time with an
    event among the dependents of the trigger's clause ("rose after the bank's announcement",
    "left two days before the election"), then deeper in the clause ("milled about on the
    driveway ahead of his arrival")."""
    for holder in _date_holders(ctx, token):
        for c in ctx.children(holder):
            if c.dep not in ANCHOR_DEPS or _in_head_conjunct(ctx, token, holder, c):
                continue
            span = _anchor_span(ctx, c, token)
            if span is not None:
                return span
    for c in _stray_dependents(token):
        if c.dep not in ANCHOR_DEPS:
            continue
        span = _anchor_span(ctx, c, token)
        if span is not None:
            return span
    for t in ctx.subtree(token):
        # ``_anchor_span`` needs ``_anchor_object``'s object: without one the path is not looked at
        if t.dep_ in ("prep", "advmod") and t.head.i != token.i and _anchor_object(ctx, t) is not None and _anchor_path_clear(t, token):
            span = _anchor_span(ctx, t, token)
            if span is not None:
                return span
    return None
