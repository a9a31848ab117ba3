"""Argument linking: who, how much, where and when for each trigger, over the parse.

Each role's rules form named, ordered tables (``rules.RuleTable``): ``actor``, ``quantity``,
``location`` and ``date`` hold them, ``spans`` the helpers they share, and ``cascade`` runs
them for each trigger (``link_arguments``), recording in ``Arguments.rules`` the name of the
rule that filled each slot, or, for an agentless event (no actor, guide v2 rule 2), the
verdict that made it agentless (``AGENTLESS``). Word classes come from the ``Lexicon`` the
linker is given.
"""

from ..contracts import Arguments, Linker, TokenSpan, Trigger
from .actor import AGENTLESS
from .cascade import RULES, link_arguments, make_dep_linker
from .spans import content_head, noun_phrase, quantity_span, resolve_pronoun

__all__ = [
    "AGENTLESS", "Arguments", "Linker", "TokenSpan", "Trigger", "RULES", "link_arguments", "make_dep_linker", "quantity_span",
    "content_head", "noun_phrase", "resolve_pronoun",
]
