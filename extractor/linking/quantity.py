"""The quantity: how many or how much, counted in the event's theme.

``QUANTITY`` tries the trigger's themes in order (its object, its subject when it has no
object, its prepositional objects, then the actor's word and the subject of a passive or
presence); the first theme that holds a number gives the quantity with the noun it counts.
"""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Token

from ..contracts import TokenSpan, Trigger
from ..lexicon import word_senses
from ..syntax import child_tokens
from .actor import ActorLink
from .rules import Context, RuleTable, Words, shipped_words
from .spans import QUANTITY_LABELS, _entity, _is_number, _trim, noun_phrase


_PAIR_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _number_value(token: Token) -> float | None:
    try:
        return float(token.text.replace(",", ""))
    except ValueError:
        return None


def _is_score(num: Token) -> bool:
    """A pair of figures joined by a dash whose first is not below its second: a score or a
    ratio ("a 5-1 win", "broke a 6-6 tie", "a 3-1 lead"), which counts nothing the event
    involves; a range goes up ("10-15 people")."""
    doc = num.doc
    i = num.i
    if i + 2 < len(doc) and doc[i + 1].text in _PAIR_DASHES:
        first, second = _number_value(num), _number_value(doc[i + 2])
    elif i >= 2 and doc[i - 1].text in _PAIR_DASHES:
        first, second = _number_value(doc[i - 2]), _number_value(num)
    else:
        return False
    return first is not None and second is not None and first >= second


def _is_label_number(num: Token, head: Token) -> bool:
    """A number that names rather than counts: after the noun it identifies ("at turn one",
    "on lap eight", "Room 101": a postposed numeral, Quirk et al. 1985, 5.23), or with a
    proper name joined to it ("Formula One drivers", "Apollo 11"), which a count never takes."""
    if num.i > head.i and num.dep_ == "nummod":
        return True
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < num.i for c in child_tokens(num))


def _is_definite_people(num: Token, head: Token, words: Words) -> bool:
    """A numeral after a definite determiner or a possessor that counts people ("the two
    men", "the two leaders", "their three sons"): it refers back to participants the text
    has named, no amount the event involves (Quirk et al. 1985, 5.24 and 6.53, a definite
    numeral is anaphoric, after one of ``definite_determiners``; gold decision test b T10:
    "the two men shook hands" has no slot of its own). Only a bare cardinal of a plural noun whose first WordNet sense is a person
    (noun.person); things keep their count ("the 170g bars", "the two letters"), and so do
    money and measures, and so do patients ("the six soldiers killed in the attack", "the two
    men were shot"): what the event did to them is counted."""
    if num.dep_ != "nummod" or num.head.i != head.i or head.tag_ != "NNS" or num.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    if not any((c.dep_ == "det" and c.lower_ in words.definite_determiners) or c.dep_ == "poss" for c in child_tokens(head)):
        return False
    if head.dep_ == "nsubjpass" or any(c.dep_ == "acl" and c.tag_ == "VBN" for c in child_tokens(head)):
        return False  # "the six soldiers killed in the attack", "the two men were shot": a toll, what the event did
    senses = word_senses(head.lemma_.lower(), "n")
    return senses is not None and senses.classes[0] == "person"


def _is_substitute_one(num: Token) -> bool:
    """The substitute "one" (Quirk et al. 1985, 6.52), a pronoun standing for a noun, no
    count: with a determiner or adjective of its own ("the smaller one", "no one", "this
    one"); the numeral "one" takes none ("one was arrested", "one of the 67 supervisors")."""
    if num.lower_ not in ("one", "ones"):
        return False
    return any(c.dep_ in ("det", "amod") for c in child_tokens(num))


def _is_bare_magnitude(token: Token, words: Words) -> bool:
    """A number noun in the bare plural (``magnitude_plurals``) that counts something: with
    a partitive "of" phrase of an indefinite whole or "more" / "others" after it ("scores
    of civilians", "injured scores more"), and nothing before it but an approximator ("the
    scores", "test scores", "scores of the exam": the marks of something, no count)."""
    if token.pos_ != "NOUN" or token.lower_ not in words.magnitude_plurals or token.ent_type_:
        return False
    if any(c.i < token.i and c.dep_ not in ("advmod", "quantmod") for c in child_tokens(token)):
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None:
        return False
    if after.lower_ in ("more", "others"):
        return True
    if after.lower_ != "of" or after.head.i != token.i:
        return False
    # "scores of civilians"; not a definite whole ("scores of the exam": the exam's scores)
    pobj = next((p for p in child_tokens(after) if p.dep_ == "pobj"), None)
    return pobj is not None and not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in pobj.lefts)


def quantity_span(token: Token, words: Words | None = None) -> TokenSpan | None:
    """The number with the noun it counts, if ``token``'s phrase holds one and it is no score
    (``_is_score``: "a 5-1 win") (word classes from ``words``, default: the shipped lexicon's)."""
    doc = token.doc
    words = words or shipped_words()
    if _is_number(token):
        num = token
        head = token.head if token.dep_ in ("nummod", "quantmod", "compound") else token
    elif _is_bare_magnitude(token, words):
        num = head = token  # "scores of civilians", "scores more": a vague magnitude the recognizer leaves unlabelled
    else:
        nums = [c for c in child_tokens(token) if c.dep_ in ("nummod", "quantmod") and _is_number(c)]
        if not nums:
            measured = _measure_modifier(token)
            if measured is not None:
                return measured
            fraction = next((c for c in child_tokens(token) if c.dep_ == "predet" and c.lower_ in words.fraction_predeterminers), None)
            if fraction is not None:
                return _trim(doc, fraction.i, noun_phrase(token)[1])  # "half the field": part of it
            for c in child_tokens(token):
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in child_tokens(c):
                        if p.dep_ == "pobj":
                            found = quantity_span(p, words)
                            if found is not None:
                                return found
            return None
        num, head = nums[0], token
    if _is_score(num):
        return None  # "a 5-1 win": a score, no amount
    if _is_label_number(num, head):
        return None  # "at turn one", "Formula One drivers": a name or label, no count
    if _is_substitute_one(num):
        return None  # "the smaller one", "no one": a pronoun, no count
    if _is_definite_people(num, head, words):
        return None  # "the two leaders met": participants already named, no count
    start = min(num.left_edge.i, head.i)
    end = max(head.i, num.i) + 1
    for c in num.rights:
        if c.dep_ in ("quantmod", "nummod", "compound") and c.i == end:
            end = c.right_edge.i + 1
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "per") and c.i == end:
            pobj = next((p for p in child_tokens(c) if p.dep_ == "pobj"), None)
            end = noun_phrase(pobj)[1] if pobj is not None else c.i + 1
    if end < len(doc) and doc[end].lower_ in words.magnitude_suffixes and doc[end].i > num.i:
        end += 1
    ent = _entity(num)
    if ent is not None and doc[ent[0]].ent_type_ in QUANTITY_LABELS:
        start, end = min(start, ent[0]), max(end, ent[1])
        # a rate after money: "$2,000 per month"
        if end < len(doc) and doc[end].lower_ == "per":
            end = doc[end].right_edge.i + 1
    # do not swallow a relative clause or a following verb phrase
    for t in doc[start:end]:
        if t.pos_ == "VERB" and t.i > head.i and t.dep_ in ("relcl", "acl"):
            end = t.left_edge.i
            break
    return _trim(doc, start, end)


def _measure_modifier(token: Token) -> TokenSpan | None:
    """A hyphenated measure before the noun, number and unit joined by a hyphen ("a
    three-run lead", "a 400-gram bar", "a 20-mile march"): the parser hangs the number on
    the unit, a compound of the noun, so the noun has no number of its own; the amount is
    the whole phrase from the number to the noun. Ages and durations ("six-year-old", "a
    two-hour meeting") are DATE or TIME entities, which ``_is_number`` leaves out."""
    doc = token.doc
    for c in child_tokens(token):
        if c.dep_ not in ("compound", "amod") or c.i >= token.i or c.i < 2:
            continue
        if doc[c.i - 1].text != "-":
            continue
        num = doc[c.i - 2]
        if num.head.i == c.i and num.dep_ == "nummod" and _is_number(num):
            return _trim(doc, num.left_edge.i, token.i + 1)
    return None


def _first_count(ctx: Context, themes: Iterable[Token]) -> TokenSpan | None:
    """The quantity of the first theme that holds one."""
    for theme in themes:
        span = quantity_span(theme, ctx.words)
        if span is not None:
            return span
    return None


def _objects(ctx: Context, token: Token) -> list[Token]:
    return [c for c in ctx.children(token) if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]


def _intransitive_subjects(ctx: Context, token: Token) -> list[Token]:
    kids = ctx.children(token)
    if any(c.dep_ == "dobj" for c in kids):
        return []
    return [c for c in kids if c.dep_ == "nsubj"]


def _prep_objects(ctx: Context, token: Token) -> list[Token]:
    preps = ctx.words.quantity_preps
    return [p for c in ctx.children(token) if c.dep_ == "prep" and c.lower_ in preps for p in ctx.children(c) if p.dep_ == "pobj"]


# Rules: (ctx, trigger, trigger token, its ActorLink) -> TokenSpan | None
QUANTITY = RuleTable("quantity", "how many or how much the event involves")


@QUANTITY.rule
def counted_object(ctx: Context, trig: Trigger, token: Token, actor: ActorLink) -> TokenSpan | None:
    """A number in the trigger's object, passive subject or predicate: "sent 500 troops"."""
    return _first_count(ctx, _objects(ctx, token))


@QUANTITY.rule
def counted_subject(ctx: Context, trig: Trigger, token: Token, actor: ActorLink) -> TokenSpan | None:
    """A number in the subject of a trigger without an object: "600 soldiers died"."""
    return _first_count(ctx, _intransitive_subjects(ctx, token))


@QUANTITY.rule
def counted_prep_object(ctx: Context, trig: Trigger, token: Token, actor: ActorLink) -> TokenSpan | None:
    """A number in the object of the trigger's "of", "with", "to", "for", "at" or "by"
    phrase: "arrived with 300 troops", "rose by 1,500", "the deployment of 5,000 troops"."""
    return _first_count(ctx, _prep_objects(ctx, token))


@QUANTITY.rule
def measured_extent(ctx: Context, trig: Trigger, token: Token, actor: ActorLink) -> TokenSpan | None:
    """The measure phrase that gives the extent of a verb's change, an adverbial noun with
    its number (Quirk et al. 1985, 8.81 measure adjuncts; Levin 45.6 calibratable changes of
    state): "the index rose 2 percent", "futures rose more than 1 percent after the news"
    (the parser may hang it on the next preposition); the verb one of Levin's 45.6
    (``calibratable``). Not a time unit (a duration does not
    qualify an event on its own, gold dev b decision 6; "two days after" dates)."""
    if trig.kind != "verb" or token.lemma_.lower() not in ctx.words.calibratable:
        return None  # "a well measuring 130ft": a measure of a state, not of a change
    holders = [token, *(c for c in ctx.children(token) if c.dep_ == "prep")]
    for holder in holders:
        for c in ctx.children(holder):
            if c.dep_ != "npadvmod" or c.pos_ != "NOUN" or c.ent_type_ in ("DATE", "TIME"):
                continue
            lemma = c.lemma_.lower()
            if lemma in ctx.words.time_nouns or lemma in ctx.words.frequency_counts:
                continue
            if not any(n.dep_ == "nummod" and _is_number(n) for n in ctx.children(c)):
                continue
            found = quantity_span(c, ctx.words)
            if found is not None:
                return found
    return None


@QUANTITY.rule
def counted_actor(ctx: Context, trig: Trigger, token: Token, actor: ActorLink) -> TokenSpan | None:
    """For a verb with none of the themes above, a number in its actor's word: "2,000
    soldiers operating in Donetsk"."""
    themes = _objects(ctx, token) or _intransitive_subjects(ctx, token) or _prep_objects(ctx, token)
    if trig.kind != "verb" or themes or actor.theme is None:
        return None
    return _first_count(ctx, [actor.theme])


@QUANTITY.rule
def counted_patient(ctx: Context, trig: Trigger, token: Token, actor: ActorLink) -> TokenSpan | None:
    """A number in the subject of a passive or of a presence: "some 200 soldiers were
    spotted in Kursk"."""
    if actor.subject is None or not (actor.passive or trig.kind == "copula"):
        return None
    return _first_count(ctx, [actor.subject])


def _frequency_count(ctx: Context, token: Token) -> TokenSpan | None:
    """The count of how many times the trigger's event happened: a counted noun of
    frequency as its adverbial ("was deployed five times") or the object of its "on" ("on
    two occasions"), or an adverb of counted frequency ("stopped twice"); the lexicon's
    ``frequency_counts`` (Quirk et al. 1985, 8.64). Not "once" (also "formerly") nor
    multipliers of an amount ("five times more", "three times the size"), which hang on an
    adjective or a noun, not on the verb."""
    counts = ctx.words.frequency_counts
    doc = ctx.doc
    for c in ctx.children(token):
        if c.dep_ == "advmod" and c.lower_ in counts:
            return (c.i, c.i + 1)
        nouns = [c] if c.dep_ == "npadvmod" else (
            [p for p in ctx.children(c) if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "on" else []
        )
        for noun in nouns:
            if noun.tag_ != "NNS" or noun.lemma_.lower() not in counts:
                continue
            nums = [n for n in ctx.children(noun) if n.dep_ == "nummod" and _is_number(n)]
            if nums:
                return _trim(doc, nums[0].left_edge.i, noun.i + 1)
    return None


@QUANTITY.rule
def counted_frequency(ctx: Context, trig: Trigger, token: Token, actor: ActorLink) -> TokenSpan | None:
    """For a verb whose themes hold no number, how many times its event happened: "the
    safety car was deployed five times", "police stopped the march on two occasions",
    "the convoy was stopped twice"."""
    if trig.kind != "verb":
        return None
    return _frequency_count(ctx, token)
