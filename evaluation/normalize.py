"""Text normalization of the annotation guide, section 4.

Comparisons are made on normalized text: casefold, Unicode NFKC, curly quotes made
straight, leading determiners and possessives dropped, punctuation other than digits'
separators dropped, whitespace collapsed.
"""

from __future__ import annotations

import re
import unicodedata

LEADING_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her"})

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
    }
)
# A comma or full stop with a digit on both sides is a digits' separator ("11,000", "1.2");
# it is parked on a private-use character while the other punctuation goes.
_DIGIT_SEPARATOR = re.compile(r"(?<=\d)[.,](?=\d)")
_PARK = {",": "\ue000", ".": "\ue001"}
_UNPARK = str.maketrans({v: k for k, v in _PARK.items()})


def _spaced(ch: str) -> str:
    category = unicodedata.category(ch)
    if category.startswith("P"):
        return " "
    if category.startswith("S"):
        return f" {ch} "
    return ch


def _bare(word: str) -> str:
    return "".join(ch for ch in word if not unicodedata.category(ch).startswith("P"))


def _has_word(words: list[str]) -> bool:
    return any(ch.isalnum() for w in words for ch in w)


def normalize_text(text: str) -> str:
    """The guide's comparison form of ``text``.

    Punctuation becomes a word break, so "Russia's" and RAMS's "Russia 's" both give
    "russia s"; symbols such as "$" and "%" are kept as words of their own, so "$2,000"
    and "$ 2,000" agree. A leading determiner or possessive is a whitespace-separated
    word ("A-10" keeps its "a") and is dropped only when another word follows it (a bare
    pronoun "her" stays).
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    words = text.split()
    while len(words) > 1 and _bare(words[0]) in LEADING_WORDS and _has_word(words[1:]):
        words = words[1:]
    text = _DIGIT_SEPARATOR.sub(lambda m: _PARK[m.group(0)], " ".join(words))
    words = "".join(_spaced(ch) for ch in text).translate(_UNPARK).split()
    return " ".join(words)


def contains_words(outer: str, inner: str) -> bool:
    """True when normalized ``inner`` occurs in normalized ``outer`` as whole words."""
    if not inner or not outer:
        return False
    return f" {inner} " in f" {outer} "
