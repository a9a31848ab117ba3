"""Small syntactic tests over a parsed ``Doc`` shared by several stages.

Only grammar lives here (spaCy labels and dependency shapes); word classes come from the
``Lexicon``. Stages import this module; it imports no stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# spaCy (OntoNotes) entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Verbs of a relative clause that only say when or where its head noun happened.
OCCURRENCE_VERBS = frozenset({"occur", "happen", "take"})


def occurrence_clause(token: "Token") -> "Token | None":
    """A relative clause saying when or where an event noun happened ("visit, which occurred in May")."""
    for c in token.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in OCCURRENCE_VERBS:
            return c
    return None
