"""The spaCy components: line-based sentence starts and the event extractor."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .build import build_tuples
from .lexicon import Lexicon
from .registry import get_linker
from .triggers import find_triggers, given_triggers

for _name, _default in (("events", None), ("published", None), ("raw_segments", None), ("given_triggers", None), ("raw_text", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@Language.component("extractor_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break and semicolon, so headlines (one a line, or
    several joined by semicolons in wire digests) stand as sentences."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if token.is_space:
            continue
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text) or prev.text == ";":
            token.is_sent_start = True
    return doc


class EventExtractor:
    """Finds triggers, links their arguments and stores ``EventTuple``s in ``doc._.events``."""

    def __init__(self, nlp: Language, name: str, *, linker: str, normalize: bool) -> None:
        self.name = name
        self.linker_name = linker
        self.linker = get_linker(linker)
        self.normalize = normalize
        self.lexicon = Lexicon()

    def __call__(self, doc: Doc) -> Doc:
        given = doc._.given_triggers
        if given is not None:
            triggers = given_triggers(doc, given, lexicon=self.lexicon)
        else:
            triggers = find_triggers(doc, lexicon=self.lexicon)
        arguments = self.linker(doc, triggers)
        published = _as_date(doc._.published)
        doc._.events = build_tuples(
            doc,
            triggers,
            arguments,
            published=published,
            segments=doc._.raw_segments,
            normalize=self.normalize,
            keep_all=given is not None,
        )
        return doc


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@Language.factory(
    "event_extractor",
    default_config={"linker": "extractor.dep_linker.v1", "normalize": True},
)
def make_event_extractor(nlp: Language, name: str, linker: str, normalize: bool) -> EventExtractor:
    return EventExtractor(nlp, name, linker=linker, normalize=normalize)
