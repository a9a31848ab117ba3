"""The cascade: for each trigger, its actor, then its quantity, location and date, each
from the first of its role's rules that finds one, with that rule's name."""

from __future__ import annotations

from functools import partial
from typing import Sequence

from spacy.tokens import Doc

from ..contracts import Arguments, Linker, Trigger
from ..lexicon import Lexicon, default_lexicon
from .actor import ACTOR_RULES, link_actor
from .date import DATE
from .location import LOCATION
from .quantity import QUANTITY
from .rules import Context

# Every rule name each role can record, in the order the cascade tries them.
RULES: dict[str, tuple[str, ...]] = {
    "actor": ACTOR_RULES,
    "quantity": QUANTITY.names,
    "location": LOCATION.names,
    "date": DATE.names,
}


def link_arguments(doc: Doc, triggers: Sequence[Trigger], lexicon: Lexicon | None = None) -> list[Arguments]:
    """Actor, quantity, location and date spans for each trigger, from the dependency parse,
    with the name of the rule that filled each slot; word classes come from ``lexicon``
    (default: the shipped one)."""
    ctx = Context.of(doc, triggers, lexicon or default_lexicon())
    return [_link(ctx, trig) for trig in triggers]


def _link(ctx: Context, trig: Trigger) -> Arguments:
    token = ctx.doc[trig.i]
    actor = link_actor(ctx, trig, token)
    quantity = QUANTITY.first(ctx, trig, token, actor)
    location = LOCATION.first(ctx, token, actor.span)
    date = DATE.first(ctx, token)
    rules = {"actor": actor.rule} if actor.rule is not None else {}
    rules.update((role, found.rule) for role, found in (("quantity", quantity), ("location", location), ("date", date)) if found is not None)
    filled = len(rules)  # one rule name per filled slot
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


def make_dep_linker(lexicon: Lexicon | None = None) -> Linker:
    """The rule-based linker over the dependency parse (registered as ``extractor.dep_linker.v1``),
    reading its word classes from ``lexicon`` (default: the shipped one)."""
    return partial(link_arguments, lexicon=lexicon or default_lexicon())
