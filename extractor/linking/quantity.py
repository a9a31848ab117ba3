"""The quantity: how many or how much, counted in the event's theme.

``QUANTITY`` tries the trigger's themes in order (its object, its subject when it has no
object, its prepositional objects, then the actor's word and the subject of a passive or
presence); the first theme that holds a number gives the quantity with the noun it counts
(``spans.quantity_span``, which the date rules ask too).
"""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Token

from ..contracts import TokenSpan, Trigger
from .rules import Context, RuleTable
from .spans import ActorLink, _is_number, _trim, quantity_span


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
