"""Text preparation that keeps character offsets into the original article.

``prepare_text`` drops page furniture, rejoins words broken across a line end and turns
non-breaking spaces into plain ones. The result knows how to map any offset of the
prepared text back to the raw text, so every slot can point into the file as received.
Its word classes (furniture lines, the small words of titles) are data files of the shipped
lexicon (``extractor/data/lexicon/``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import default_lexicon, is_dictionary_word

_WORDS = default_lexicon()  # text preparation reads the shipped lexicon

# Words that mark a bullet or short line as a link, credit or share prompt.
FURNITURE_CUES = re.compile(
    r"\b(facebook|twitter|instagram|telegram|whatsapp|youtube|linkedin|follow us|"
    r"subscribe|newsletter|website|click here|read more|source of (information|images)|"
    r"image credits?|photo credits?|getty images|reuters/|ap photo|afp via|all rights reserved|"
    r"copyright|cookie)\b",
    re.IGNORECASE,
)
BULLET = re.compile(r"^\s*[•·▪►▸\-*–]\s+")
PLACEHOLDER = re.compile(r"^\s*[\w]*_[\w_]*\s*$")  # template tokens like "spot_imgspot_img"
SENTENCE_END = re.compile(r"[.!?:;\"'”’»)\]]\s*$")


@dataclass(frozen=True)
class PreparedText:
    """Prepared text plus the map back to the raw article.

    ``segments`` holds ``(prepared_start, raw_start)`` pairs: from each prepared offset on,
    characters map one to one until the next segment.
    """

    raw: str
    text: str
    segments: tuple[tuple[int, int], ...]

    def to_raw(self, offset: int) -> int:
        """Raw offset of the character at ``offset`` in the prepared text."""
        return to_raw(self.segments, offset)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the prepared span ``[start, end)``."""
        return span_to_raw(self.segments, start, end)


def to_raw(segments: tuple[tuple[int, int], ...] | None, offset: int) -> int:
    """Raw offset of prepared ``offset`` under ``segments`` (identity when ``None``)."""
    if not segments:
        return offset
    i = bisect.bisect_right(segments, (offset, float("inf"))) - 1
    if i < 0:
        return offset
    p, r = segments[i]
    return r + (offset - p)


def span_to_raw(segments: tuple[tuple[int, int], ...] | None, start: int, end: int) -> tuple[int, int]:
    """Raw ``(start, end)`` of the prepared span ``[start, end)``."""
    if end <= start:
        raw = to_raw(segments, start)
        return raw, raw
    return to_raw(segments, start), to_raw(segments, end - 1) + 1


@lru_cache(maxsize=1)
def _zipf():
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a declared dependency
        return None
    return zipf_frequency


def _should_join(left: str, right: str) -> bool:
    """Whether ``left`` + ``right`` split by a line end form one word."""
    zipf = _zipf()
    if zipf is None:
        return False
    joined = zipf(left + right, "en")
    return joined >= 3.0 and joined >= min(zipf(left, "en"), zipf(right, "en"))


def is_furniture(line: str) -> bool:
    """Whether a line is page furniture rather than article text."""
    stripped = line.strip().replace("\u00a0", " ")
    if not stripped:
        return False
    key = re.sub(r"\s+", " ", stripped).casefold().rstrip(":")
    if key in _WORDS.furniture_lines:
        return True
    if PLACEHOLDER.match(stripped):
        return True
    words = stripped.split()
    if BULLET.match(stripped) and (FURNITURE_CUES.search(stripped) or len(words) <= 3):
        return True
    if len(words) <= 12 and FURNITURE_CUES.search(stripped) and not SENTENCE_END.search(stripped):
        return True
    return False


GLUED_SEMICOLON = re.compile(r";(?=[^\s;])")
BROKEN_WORD = re.compile(r"([A-Za-z]+)\n([a-z]+)")


TITLE_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)?")


def _is_title_line(line: str) -> bool:
    """A headline in title case: most content words capitalized, no final full stop."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if w.lower() not in _WORDS.title_small_words]
    if len(words) < 3 or line.rstrip().endswith("."):
        return False
    capitalized = sum(w[0].isupper() for w in words)
    return capitalized / len(words) >= 0.75


def truecase_headlines(text: str, *, is_name=None) -> str:
    """Title-case headlines with their common words lower-cased, so the parser reads them as
    sentences ("North Korea Deploys 3,000 Troops" -> "North Korea deploys 3,000 troops").

    A word keeps its capital when the body of the same text writes it capitalized
    mid-sentence, when ``is_name(phrase)`` says it is part of a known name, or when it is not
    an English dictionary word; otherwise, and when the body writes it in lower case, it is
    lower-cased.
    """
    # headlines come one a line, or several on a line joined by semicolons (wire digests)
    lines = re.split(r"(?<=[\n;])", text)
    titles = [_is_title_line(line.rstrip("\n;")) for line in lines]
    if not any(titles):
        return text
    lower_seen: set[str] = set()
    upper_seen: set[str] = set()
    for line, title in zip(lines, titles):
        if title:
            continue
        for m in re.finditer(r"(?<=[a-z,;:] )[A-Za-z]+", line):
            word = m.group()
            (upper_seen if word[0].isupper() else lower_seen).add(word.lower())

    from spacy.lang.en.stop_words import STOP_WORDS

    def keep(word: str) -> bool:
        low = word.lower()
        if low in STOP_WORDS or low in _WORDS.title_small_words:
            return False
        if low in upper_seen and low not in lower_seen:
            return True
        if low in lower_seen:
            return False
        return not is_dictionary_word(word)

    chars = list(text)
    pos = 0
    for line, title in zip(lines, titles):
        if title:
            words = list(TITLE_WORD.finditer(line))
            protected: set[int] = set()
            if is_name is not None:
                for n in (3, 2, 1):
                    for k in range(len(words) - n + 1):
                        group = words[k : k + n]
                        if any(g.start() in protected for g in group):
                            continue
                        if all(line[a.end() : b.start()] == " " for a, b in zip(group, group[1:])):
                            if is_name(line[group[0].start() : group[-1].end()]):
                                protected.update(g.start() for g in group)
            first = len(line) - len(line.lstrip())
            for m in words:
                if m.start() == first or m.start() in protected:
                    continue
                for part in re.finditer(r"[A-Za-z]+", m.group()):
                    if part.group()[0].isupper() and not keep(part.group()):
                        chars[pos + m.start() + part.start()] = part.group()[0].lower()
        pos += len(line)
    return "".join(chars)


def original_case(prepared: str, raw: str, segments, start: int) -> str:
    """``prepared`` (text at ``start`` of the prepared text) with the raw text's letter case."""
    out = []
    for k, ch in enumerate(prepared):
        r = to_raw(segments, start + k)
        orig = raw[r] if 0 <= r < len(raw) else ch
        out.append(orig if orig != ch and orig.lower() == ch.lower() else ch)
    return "".join(out)


def prepare_text(raw: str) -> PreparedText:
    """Clean ``raw`` for parsing while keeping a map back to its offsets."""
    chars = list(raw.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " "))
    # Furniture lines are blanked in place so every other offset stays put.
    pos = 0
    for line in raw.split("\n"):
        if is_furniture(line):
            for i in range(pos, pos + len(line)):
                chars[i] = " "
        pos += len(line) + 1
    segments: list[tuple[int, int]] = [(0, 0)]
    # "headline one;Headline two" (wire digests): the glued semicolon becomes a line break
    for m in GLUED_SEMICOLON.finditer(raw):
        chars[m.start()] = "\n"
    text = "".join(chars)
    for m in BROKEN_WORD.finditer(text):
        left, right = m.group(1), m.group(2)
        if not _should_join(left, right):
            continue
        # "dep\nloyed" becomes "deployed " so the text keeps its length and every
        # offset outside the rejoined word stays where it was.
        nl, end = m.start(2) - 1, m.end(2)
        chars[nl : end - 1] = chars[nl + 1 : end]
        chars[end - 1] = " "
        segments += [(nl, nl + 1), (end - 1, nl), (end, end)]
    return PreparedText(raw=raw, text="".join(chars), segments=tuple(segments))
