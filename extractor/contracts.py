"""Stage contracts: what each stage hands the next, apart from any implementation.

Trigger finding gives :class:`Trigger`\\ s, a :class:`Linker` turns them into
:class:`Arguments` (token spans per role, and the name of the rule that filled each one),
and tuple building turns those into the frozen result types of :mod:`extractor.types`.
Implementations import these names from here; this module imports no other stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Protocol, Sequence, runtime_checkable

if TYPE_CHECKING:  # spaCy types for annotations only: no import cost, no cycle
    from spacy.tokens import Doc

# A token span [start, end) over a spaCy Doc.
TokenSpan = tuple[int, int]
# The argument roles a linker fills (the action is the trigger itself).
ROLES = ("actor", "quantity", "location", "date")
# The date rules (``Arguments.rules["date"]``) that give a time only relative to another event
# ("after the FBI announcement"): such a date does not by itself make a trigger with an actor a
# tuple (``build.build_tuples``), and a main event does not keep it over the publication date
# (``docevents``). Admitting it did (with clauses of time and gerunds as anchors) added 37
# tuples on the news dev gold, mostly ones the gold leaves out (micro 0.54 -> 0.53).
RELATIVE_DATE_RULES = frozenset({"anchored_date"})


@dataclass(frozen=True)
class Trigger:
    """A word that reports an event, with what its clause says about it."""

    i: int
    lemma: str
    kind: str  # "verb", "noun" or "copula"
    # None, with the source, while not read: ``triggers.TriggerPass.find`` without details,
    # for a linker that does not read them (``reads_trigger_details``); tuple building refuses
    # such a trigger
    modality: str | None = "asserted"
    source: tuple[int, int] | None = None  # token span [start, end) of the reporter
    rule: str | None = None  # what found it when not the trigger rules ("trigger_head")


@dataclass(frozen=True)
class Arguments:
    """Token spans ``[start, end)`` of each argument of one trigger, or ``None``.

    ``rules`` names, for each filled role, the rule that filled it
    (``{"actor": "passive_agent", "location": "motion_destination"}``).
    """

    actor: TokenSpan | None = None
    quantity: TokenSpan | None = None
    location: TokenSpan | None = None
    date: TokenSpan | None = None
    score: float = 1.0
    # the named mention a pronoun actor stands for; the actor span stays the pronoun as written
    actor_ref: TokenSpan | None = None
    rules: Mapping[str, str] = field(default_factory=dict, compare=False)


@runtime_checkable
class TriggerFinder(Protocol):
    """Anything that finds the event triggers of a parsed ``Doc``."""

    def __call__(self, doc: "Doc") -> list[Trigger]: ...


@runtime_checkable
class Linker(Protocol):
    """Anything that assigns arguments to triggers over a parsed ``Doc``. One that reads only
    the triggers' words (``i``, ``lemma``, ``kind``), not their modality or source, may say so
    with an attribute ``reads_trigger_details = False`` (the shipped rules do): the component
    then reads those only for the triggers that may give a tuple."""

    def __call__(self, doc: "Doc", triggers: Sequence[Trigger]) -> list[Arguments]: ...
