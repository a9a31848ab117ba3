"""Rule tables: each role's rules, named and tried in order, and what every rule may consult.

A rule is a pure function over the parse that finds something for its role (a token span,
or a token for the actor's candidates) or gives ``None``. Rules register in a table in the
order they are tried, as the ``@_rule`` registry of ``normalize/date.py`` does:

    DATE = RuleTable("date", "when the event happens")

    @DATE.rule
    def deep_date(ctx, token): ...

``DATE.first(ctx, token)`` tries the rules in order and gives the first find as a ``Found``
with the name of the rule that made it. A rule that hands over to another table returns
that table's ``Found``, so the name recorded is always the rule that found the span; it
declares the rules it hands over to with ``via=`` so that ``table.names`` lists every name
the table can record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from types import SimpleNamespace
from typing import Any, Callable, Collection, Generic, Sequence, TypeVar

from spacy.tokens import Doc, Token

from ..contracts import Trigger
from ..lexicon import Lexicon, default_lexicon
from ..syntax import EntityIndex, SentenceBounds, child_tokens, entity_index, sentence_bounds, subtree_tokens

T = TypeVar("T")


@dataclass(frozen=True)
class Found(Generic[T]):
    """What a rule found, and the rule's name."""

    rule: str
    value: T


# A lexicon's word classes as plain attributes (``words.person_nouns``): the rules read them
# thousands of times a document, and a namespace reads faster than the lexicon's own lookup.
Words = SimpleNamespace


@lru_cache(maxsize=8)
def word_classes(lexicon: Lexicon) -> Words:
    """Every class of ``lexicon`` (a frozenset, or a dict for a map class) by its name."""
    return Words(**{name: getattr(lexicon, name) for name in lexicon.names})


def shipped_words() -> Words:
    """The word classes of the shipped lexicon."""
    return word_classes(default_lexicon())


@dataclass(frozen=True)
class Context:
    """What every rule may consult besides the words it is given: the parsed ``doc``, its
    ``triggers``, the ``lexicon`` and its word classes (``words``, which the rules read), and
    the token indices of the triggers that are event nouns; ``entities`` indexes the
    document's entities once, for rules that look entities up (``doc.ents`` rebuilds them all
    on every call, which made long documents cost quadratic time)."""

    doc: Doc
    triggers: Sequence[Trigger]
    lexicon: Lexicon
    words: Words
    noun_events: frozenset[int]
    entities: EntityIndex
    # per-Doc memo of the helpers below: a trigger's words are asked about by many rules
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    # ``ctx.children(token)``: ``tuple(token.children)``, built once per word of the document
    # by ``syntax.child_tokens``, the memo the helpers the rules share with trigger finding
    # fill too (a memo of the Context's own built every word's children a second time)
    children = staticmethod(child_tokens)

    # ``ctx.subtree(token)``: ``tuple(token.subtree)``, built once per word of the document
    # from the kept children (``syntax.subtree_tokens``): the rules that look deeper in a
    # trigger's clause walk the same subtrees, and ``token.subtree`` builds new ``Token``
    # objects through nested generators at each walk
    subtree = staticmethod(subtree_tokens)

    def sent_bounds(self, token: Token) -> tuple[int, int]:
        """``(token.sent.start, token.sent.end)``, from the document's sentences read once
        (``syntax.SentenceBounds``)."""
        return self.memo(SentenceBounds, lambda: sentence_bounds(self.doc))(token.i)

    def memo(self, key: Any, build: Callable[[], T]) -> T:
        """``build()``, computed once per document for ``key``."""
        memo = self._memo
        if key in memo:
            return memo[key]
        value = memo[key] = build()
        return value

    @classmethod
    def of(cls, doc: Doc, triggers: Sequence[Trigger], lexicon: Lexicon) -> "Context":
        noun_events = frozenset(t.i for t in triggers if t.kind == "noun")
        return cls(doc, tuple(triggers), lexicon, word_classes(lexicon), noun_events, entity_index(doc))


def attempt(rule: Callable[..., Any], *args: Any) -> Found | None:
    """``rule(*args)`` with the name of the rule that found it, or ``None``."""
    value = rule(*args)
    if value is None or isinstance(value, Found):
        return value
    return Found(rule.__name__, value)


def names_of(*parts: "RuleTable | Callable[..., Any]") -> tuple[str, ...]:
    """The rule names that tables and single rules can record, in order."""
    out: list[str] = []
    for part in parts:
        out.extend(part.names if isinstance(part, RuleTable) else (part.__name__,))
    return tuple(out)


class RuleTable:
    """The ordered, named rules of one role (or of one step of a role)."""

    def __init__(self, role: str, finds: str) -> None:
        self.role = role
        self.finds = finds
        self._rules: list[tuple[Callable[..., Any], str, tuple[str, ...]]] = []  # (rule, name, names it records)

    def rule(self, func: Callable[..., Any] | None = None, *, via: Sequence["RuleTable | Callable[..., Any]"] = ()):
        """Register ``func`` after the rules registered before it (usable bare or with ``via=``:
        the tables or rules that ``func`` hands over to, whose names it records instead of its own)."""

        def register(func: Callable[..., Any]) -> Callable[..., Any]:
            names = names_of(*via) if via else (func.__name__,)
            clash = set(names) & set(self.names)
            if clash:
                raise ValueError(f"{self.role} rule names registered twice: {sorted(clash)}")
            self._rules.append((func, func.__name__, names))
            return func

        return register(func) if func is not None else register

    def first(self, *args: Any) -> Found | None:
        """The first find of the rules in order, with the name of the rule that made it."""
        for func, name, _ in self._rules:
            value = func(*args)
            if value is not None:
                return value if isinstance(value, Found) else Found(name, value)
        return None

    def subset(self, names: Collection[str]) -> "RuleTable":
        """A table of the rules of this one named in ``names``, tried in this table's order
        (and recording the names they record here): for a caller that knows the other rules
        find nothing for what it asks about."""
        table = RuleTable(self.role, self.finds)
        table._rules = [entry for entry in self._rules if entry[1] in names]
        return table

    @property
    def names(self) -> tuple[str, ...]:
        """Every rule name this table can record, in the order its rules are tried."""
        return tuple(name for _, _, names in self._rules for name in names)

    def __repr__(self) -> str:
        return f"RuleTable({self.role!r}, {self.finds!r}: {', '.join(self.names)})"
