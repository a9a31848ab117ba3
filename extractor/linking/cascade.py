"""The cascade: for each trigger, its actor, then its quantity, location and date, each
from the first of its role's rules that finds one, with that rule's name.

``Arguments.rules`` names the rule of each filled slot and, for an agentless event (actor
``None`` by guide v2 rule 2), the verdict that made it agentless under ``"actor"``
(``{"actor": "agentless_passive", "quantity": "counted_object"}``): a null actor with a
rule name is agentless, a null actor without one was not found. Tuple building admits the
former only.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Sequence

from spacy.tokens import Doc

from ..contracts import Arguments, Linker, Trigger
from ..lexicon import Lexicon, default_lexicon
from ..syntax import forget_children
from .actor import ACTOR_RULES, link_actor
from .date import DATE, OWN_DATE
from .location import LOCATION, PHRASE_PLACE, exclude_location
from .quantity import QUANTITY
from .rules import Context, Found

# Every rule name each role can record, in the order the cascade tries them (the actor's
# ends with the agentless verdicts, ``AGENTLESS``, recorded for a null actor).
RULES: dict[str, tuple[str, ...]] = {
    "actor": ACTOR_RULES,
    "quantity": QUANTITY.names,
    "location": LOCATION.names,
    "date": DATE.names,
}


def link_arguments(
    doc: Doc, triggers: Sequence[Trigger], lexicon: Lexicon | None = None, *, admitted_only: bool = False
) -> list[Arguments]:
    """Actor, quantity, location and date spans for each trigger, from the dependency parse,
    with the name of the rule that filled each slot; word classes come from ``lexicon``
    (default: the shipped one). With ``admitted_only``, a trigger that finds neither an actor
    nor an agentless verdict, which tuple building leaves out (``build.build_tuples``), gets
    no quantity, location or date: they are not looked for."""
    ctx = Context.of(doc, triggers, lexicon or default_lexicon())
    forget_children()  # the words' children are read afresh for this pass (``child_tokens``)
    try:
        return [_link(ctx, trig, admitted_only) for trig in triggers]
    finally:
        forget_children()


def _link(ctx: Context, trig: Trigger, admitted_only: bool = False) -> Arguments:
    token = ctx.doc[trig.i]
    actor = link_actor(ctx, trig, token)
    if admitted_only and actor.span is None and actor.rule is None:
        quantity = location = date = None  # no tuple: its other slots are not needed
    else:
        quantity = QUANTITY.first(ctx, trig, token, actor)
        location = exclude_location(ctx, token, LOCATION.first(ctx, token, actor.span))
        date = DATE.first(ctx, token)
    if actor.agentless is not None and not _own_slot(quantity, location, date):
        # an agentless event stands without an actor only when its own phrase or clause says
        # how many, where or when ("a derailment near Lyon"), not by a place or date it
        # borrows from the clause around it or the nearest place entity
        actor = replace(actor, rule=None, agentless=None)
    rules = {"actor": actor.rule} if actor.rule is not None else {}  # a filled actor's rule, or the agentless verdict
    rules.update((role, found.rule) for role, found in (("quantity", quantity), ("location", location), ("date", date)) if found is not None)
    filled = len(rules) - (actor.span is None and "actor" in rules)  # the slots filled
    score = min(0.95, 0.35 + 0.15 * filled) * (0.8 if trig.kind == "noun" else 1.0)
    return Arguments(
        actor=actor.span,
        quantity=quantity.value if quantity is not None else None,
        location=location.value if location is not None else None,
        date=date.value if date is not None else None,
        score=score,
        actor_ref=actor.ref,
        rules=rules,
    )


# The location and date rules that find what the trigger's own phrase or clause says; the
# date of the event noun whose relative clause the trigger heads is the clause's subject's
# own ("a Friday blast which injured several people": ``event_antecedent_date``).
_OWN_PLACE = frozenset(PHRASE_PLACE.names)
_OWN_DATE = frozenset(OWN_DATE.names) | {"deep_date", "event_antecedent_date"}


def _own_slot(quantity: Found | None, location: Found | None, date: Found | None) -> bool:
    """Whether a quantity, or a place or date of the trigger's own phrase, was found."""
    return quantity is not None or (location is not None and location.rule in _OWN_PLACE) or (date is not None and date.rule in _OWN_DATE)


def make_dep_linker(lexicon: Lexicon | None = None) -> Linker:
    """The rule-based linker over the dependency parse (registered as ``extractor.dep_linker.v1``),
    reading its word classes from ``lexicon`` (default: the shipped one)."""
    linker = partial(link_arguments, lexicon=lexicon or default_lexicon())
    linker.reads_trigger_details = False  # only i, lemma and kind (``contracts.Linker``)
    return linker
