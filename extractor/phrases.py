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


class PhraseTable:
    """Token-text sequences -> match keys; call it on a ``Doc`` (or a list of token texts)."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, ...], list[Hashable]] = {}
        self._lengths: dict[str, list[int]] = {}  # first token text -> phrase lengths, ascending

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

    def __len__(self) -> int:
        return len(self._keys)

    def __call__(self, doc: Any) -> list[tuple[Hashable, int, int]]:
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
