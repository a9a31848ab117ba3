"""Document-level actor values: what the rest of a document says about an actor's mention.

The actor normalizer (``extractor.normalize.actor``) reads one phrase. A news story names a
person in full once ("Russian President Vladimir Putin") and then by surname ("Putin"), and
tells where it happens by its place names. ``DocumentActors`` reads those once per
document, from the parsed ``Doc``:

- ``resolve``: a person's mention (a PERSON entity closing the actor phrase, or a capitalized
  name the normalizer kept as it is) loses the titles before it ("Ohio Gov. John Kasich" ->
  "John Kasich"), and a one-word name takes the full name of the first PERSON entity of two
  words or more that ends with it ("Putin" -> "Vladimir Putin"). A person takes the country
  that a country or nationality word before one of that person's mentions names, in the
  same noun phrase ("the Dutch driver Max Verstappen"; the most frequent when they
  disagree), when the phrase names none, or when its one-word name took the full name (the
  gazetteer may have read the surname as a place: "Holt");
- ``with_country``: an actor still without a country that is a state's body (a sector of
  ``normalize.actor.STATE_SECTORS``: "police officers", "the government") or that can act
  (a proper name, or a common noun whose first WordNet sense is a person or a group:
  "protesters", "Trump") belongs to the document's main country: the most frequent
  country of its place names (``PlaceContext.countries[0]``).

The titles are the lexicon's ``title_words``, ``title_abbreviations`` and ``honorifics``;
coordinated actors ("Obama and Trump", the lexicon's ``actor_coordinators``) keep the
normalizer's name. Pure over the ``Doc``: nothing is written on it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from typing import Callable, Sequence

from spacy.tokens import Doc, Span

from .lexicon import Lexicon
from .syntax import entity_span, noun_chunk_bounds
from .types import ActorValue

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@lru_cache(maxsize=4096)
def _phrase_country(text: str) -> str | None:
    """The country the words before a person's name give ("the Dutch driver" -> NL), by the
    actor normalizer; cached (the same titles and nationalities come back in every story)."""
    from .normalize import normalize_actor

    value = normalize_actor(text)
    return value.country if value is not None else None


class DocumentActors:
    """What a document says about its actors (see the module's doc). ``text_of`` gives the
    text of a token span as the output writes it (original case); ``ents`` the document's
    entities, built once by the caller and shared (``doc.ents`` rebuilds them all at each
    call), default ``doc.ents`` read once here."""

    def __init__(
        self,
        doc: Doc,
        lexicon: Lexicon,
        text_of: Callable[[int, int], str],
        ents: Callable[[], tuple[Span, ...]] | None = None,
    ) -> None:
        self.doc = doc
        self.text_of = text_of
        self._ents = ents
        self._titles = lexicon.title_words | lexicon.honorifics | lexicon.words("title_abbreviations")
        self._coordinators = lexicon.actor_coordinators
        self._mentions: list[tuple[Span, int, int, tuple[str, ...]]] | None = None
        self._names: list[tuple[int, tuple[str, ...], str]] | None = None
        self._countries: dict[str, Counter] | None = None

    # -- the document's persons -----------------------------------------------------------
    def _person_mentions(self) -> list[tuple[Span, int, int, tuple[str, ...]]]:
        """Each PERSON entity with its name's span (``name_span``) and lower-case words, read
        once for ``names`` and ``person_country``."""
        if self._mentions is None:
            ents = self._ents() if self._ents is not None else tuple(self.doc.ents)
            out = []
            for ent in ents:
                if ent.label_ == "PERSON":
                    start, end = self.name_span(ent.start, ent.end)
                    out.append((ent, start, end, tuple(t.text.lower() for t in self.doc[start:end])))
            self._mentions = out
        return self._mentions

    def name_span(self, start: int, end: int) -> tuple[int, int]:
        """The span without the titles, lower-case words and punctuation before the name,
        and without a possessive or punctuation after it."""
        doc = self.doc
        while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        while start < end and (
            doc[start].text.lower().rstrip(".") in self._titles
            or not doc[start].text[:1].isupper()
            or doc[start].is_punct
        ):
            start += 1
        return start, end

    def names(self) -> list[tuple[int, tuple[str, ...], str]]:
        """(start, lower-case words, text) of each PERSON entity of two words or more,
        titles dropped, in document order."""
        if self._names is None:
            out = []
            for _, start, end, words in self._person_mentions():
                if len(words) >= 2 and self.doc[end - 1].text[:1].isupper():
                    out.append((start, words, self.text_of(start, end)))
            self._names = out
        return self._names

    def full_name(self, words: tuple[str, ...]) -> str | None:
        """The first-written full name of the document's persons that ends with a one-word
        name ("putin" -> "Vladimir Putin"); a name that repeats a word ("Ted Cruz Ted Cruz",
        a misread entity) is none."""
        if len(words) != 1:
            return None
        for _, full, text in self.names():
            if full[-1] == words[0] and len(set(full)) == len(full):
                return text
        return None

    def _person_countries(self) -> dict[str, Counter]:
        """Full name (lower case) -> the countries named before its mentions in their noun phrases."""
        if self._countries is None:
            mentions = self._person_mentions()
            firsts = sorted({ent.start for ent, _, _, _ in mentions})
            chunk_start: dict[int, int] = {}  # a person's first token -> its noun chunk's start
            try:
                for start, end in noun_chunk_bounds(self.doc) if firsts else ():
                    k = bisect_left(firsts, start)
                    while k < len(firsts) and firsts[k] < end:
                        chunk_start[firsts[k]] = start
                        k += 1
            except ValueError:  # no parse
                pass
            out: dict[str, Counter] = {}
            for ent, start, end, words in mentions:
                left = chunk_start.get(ent.start)
                if end <= start or left is None or left >= start:
                    continue
                full = self.text_of(start, end) if len(words) >= 2 else self.full_name(words)
                if full is None:
                    continue
                country = _phrase_country(self.text_of(left, start))
                if country:
                    out.setdefault(full.lower(), Counter())[country] += 1
            self._countries = out
        return self._countries

    def person_country(self, name: str) -> str | None:
        """The country most often named before a person's mentions, or None."""
        found = self._person_countries().get(name.lower())
        return found.most_common(1)[0][0] if found else None

    # -- an actor -------------------------------------------------------------------------
    def resolve(self, value: ActorValue | None, span: tuple[int, int]) -> ActorValue | None:
        """``value`` (the normalizer's, of the mention at token ``span``) with the person's
        name and country the document gives it."""
        if value is None:
            return None
        doc = self.doc
        start, end = span[0], min(span[1], len(doc))
        if end <= start or any(t.text.lower() in self._coordinators for t in doc[start:end]):
            return value
        nstart, nend = self.name_span(start, end)
        if nend <= nstart:
            return value
        person = entity_span(doc[nend - 1]) if doc[nend - 1].ent_type_ == "PERSON" else None
        if person is not None and person[0] < start:
            person = None
        if person is not None:
            pstart = self.name_span(person[0], nend)[0]
            if nend - pstart < 2 and any(t.text.lower().rstrip(".") not in self._titles for t in doc[nstart:pstart]):
                return value  # "Florida Marlins": a one-word name keeps the name before it
            nstart = max(nstart, pstart)
        elif value.sector is not None or not all(t.text[:1].isupper() for t in doc[nstart:nend]):
            return value
        if nend <= nstart:
            return value
        words = tuple(t.text.lower() for t in doc[nstart:nend])
        if not value.name.lower().replace("’", "'").endswith(words[-1].replace("’", "'")):
            return value  # the normalizer named another actor ("Russia" for its president)
        if person is None and value.name.lower() != " ".join(words):
            return value
        full = self.full_name(words)
        name = full or self.text_of(nstart, nend)
        if full is not None:  # a surname read as a place ("Holt") has that place's country
            return ActorValue(name, self.person_country(name) or value.country, value.sector)
        return ActorValue(name, value.country or self.person_country(name), value.sector)

    def names_agent(self, span: tuple[int, int]) -> bool:
        """Whether a mention's head names who can act: a proper name, or a common noun whose
        first WordNet sense is a person or a group of people (``lexicon.AGENT_NOUN_CLASSES``)."""
        from .lexicon import AGENT_NOUN_CLASSES, word_senses

        doc = self.doc
        start, end = span[0], min(span[1], len(doc))
        # The head: the first word whose head is outside the span (or itself). Not spaCy's
        # ``Span.root``, which prefers a sentence root inside the span and else the exit nearest
        # the root: the same word for a span that is one phrase (every call on the figures
        # inputs), another for a span that is not ("officers found": "found", not "officers").
        head = next((t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i), None)
        if head is None:
            return False
        if head.pos_ == "PROPN":
            return True
        if head.pos_ != "NOUN":
            return False
        senses = word_senses(head.lemma_.lower(), "n")
        return senses is not None and senses.classes[0] in AGENT_NOUN_CLASSES

    def with_country(self, value: ActorValue | None, span: tuple[int, int], countries: Sequence[str]) -> ActorValue | None:
        """``value`` with the document's main country (``countries[0]``, the most frequent
        country of its place names) when it has none and is a state's body or names who can
        act (``names_agent``)."""
        from .normalize.actor import STATE_SECTORS

        if value is None or value.country is not None or not countries:
            return value
        if value.sector in STATE_SECTORS or self.names_agent(span):
            return ActorValue(value.name, countries[0], value.sector)
        return value
