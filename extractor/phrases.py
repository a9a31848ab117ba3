"""``PhraseTable``: exact matches of token sequences, as plain data that pickles.

The place ruler matches ~52,000 gazetteer phrases by token text (``ORTH``). spaCy's
``PhraseMatcher`` needs one ``Doc`` per phrase to be built (new lexemes in the vocabulary)
every time a pipeline is made, which was most of ``load()``'s time, and cannot be saved
except as those Docs. A ``PhraseTable`` holds the phrases as tuples of token texts in a dict,
so ``extractor.cache`` keeps it on disk and reads it back in a fraction of a second.

Matches are what ``PhraseMatcher(vocab, attr="ORTH")`` finds: every occurrence of every
phrase, overlapping ones included, as ``(key, start, end)`` ordered by start, then by length;
keys of the same phrase in the order they were added.
"""

from __future__ import annotations

from typing import Any, Hashable, Iterable, Sequence

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc


class PhraseTable:
    """Token-text sequences -> match keys; call it on a ``Doc`` (or a list of token texts)."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, ...], list[Hashable]] = {}
        self._lengths: dict[str, list[int]] = {}  # first token text -> phrase lengths, ascending
        # string ids of the first words, and of the first two words of the longer phrases
        # (``_first_ids``), derived from the phrases when first needed
        self._firsts: tuple[frozenset[int], frozenset[tuple[int, int]]] | None = None

    def __getstate__(self) -> dict[str, Any]:
        # the phrases only: the first words' ids are derived from them when first needed
        return {"_keys": self._keys, "_lengths": self._lengths}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._firsts = None

    def _first_ids(self) -> tuple[frozenset[int], frozenset[tuple[int, int]]]:
        """The string ids (``Token.orth``) of the phrases' first words, and the pairs of ids
        of the first two words of the phrases of two words or more."""
        if self._firsts is None:
            self._firsts = (
                frozenset(get_string_id(word) for word in self._lengths),
                frozenset((get_string_id(words[0]), get_string_id(words[1])) for words in self._keys if len(words) > 1),
            )
        return self._firsts

    def add(self, key: Hashable, phrases: Iterable[Sequence[str]]) -> None:
        """Match each phrase (a sequence of token texts) as ``key``."""
        for phrase in phrases:
            words = tuple(phrase)
            if not words:
                continue
            keys = self._keys.setdefault(words, [])
            if key not in keys:
                keys.append(key)
            lengths = self._lengths.setdefault(words[0], [])
            if len(words) not in lengths:
                lengths.append(len(words))
                lengths.sort()
        self._firsts = None

    def __len__(self) -> int:
        return len(self._keys)

    def __call__(self, doc: Any) -> list[tuple[Hashable, int, int]]:
        if isinstance(doc, Doc):
            return self._match_doc(doc)
        words = [t if isinstance(t, str) else t.text for t in doc]
        out: list[tuple[Hashable, int, int]] = []
        n = len(words)
        for start, word in enumerate(words):
            for length in self._lengths.get(word, ()):
                end = start + length
                if end > n:
                    break
                keys = self._keys.get(tuple(words[start:end])) if length > 1 else self._keys.get((word,))
                if keys:
                    out.extend((key, start, end) for key in keys)
        return out

    def _match_doc(self, doc: Any) -> list[tuple[Hashable, int, int]]:
        """``self(doc)`` for a ``Doc``: its words' string ids (one array read, no ``Token``
        objects) tell the few words that begin some phrase; only those are decoded, and the
        words after one only when the two begin a longer phrase ("the" begins hundreds).
        Most words begin none, and building every word's text was most of the ruler's time."""
        ids = doc.to_array(ORTH).tolist()
        firsts, pairs = self._first_ids()
        starts = [i for i, orth in enumerate(ids) if orth in firsts]
        if not starts:
            return []
        strings = doc.vocab.strings
        out: list[tuple[Hashable, int, int]] = []
        n = len(ids)
        for start in starts:
            word = strings[ids[start]]
            longer = start + 1 < n and (ids[start], ids[start + 1]) in pairs
            for length in self._lengths.get(word, ()):
                end = start + length
                if end > n:
                    break
                if length > 1:
                    if not longer:
                        break  # no phrase of two words or more begins here (the lengths ascend)
                    keys = self._keys.get((word, *(strings[orth] for orth in ids[start + 1 : end])))
                else:
                    keys = self._keys.get((word,))
                if keys:
                    out.extend((key, start, end) for key in keys)
        return out
