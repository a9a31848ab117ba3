"""Reading article folders and manifests, and writing results, without losing a document."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import ExtractorError
from .extras import optional_import

TEXT_FIELDS = ("text", "body", "content")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".json", ".jsonl")
INPUT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES
OUTPUT_FORMATS = ("jsonl", "csv", "parquet")

# Non-English detection (``language_verdict``). Only words count: URLs, e-mail addresses,
# handles, domain and file names, numbers (and any token with a digit) and all-capital
# abbreviations are dropped first, as they say nothing of the language (a URL's path once
# made an English headline "Welsh"). Names (capitalised words) tell the place, not the
# language: the detector is given the other words. A text with fewer than
# LANGUAGE_MIN_JUDGED words that are not names is not judged; one judged foreign is refused
# only with LANGUAGE_MIN_WORDS words, LANGUAGE_REFUSE_WORDS of them not names (measured: 33
# invented one- or two-sentence English reports dense with foreign place names have 7-16
# words that are not names; two-sentence paragraphs in 19 other languages 19-39), and
# processed with a warning otherwise.
LANGUAGE_MIN_JUDGED = 8
LANGUAGE_MIN_WORDS = 20
LANGUAGE_REFUSE_WORDS = 15
LANGUAGE_SAMPLE_CHARS = 1500
# English function words that are rare as words of other languages written in Latin script.
ENGLISH_MARKERS = frozenset(
    "the of and to that is was for with said by from has have were are it this at which be "
    "been will would their they he she his her not but an".split()
)
ENGLISH_MARKER_SHARE = 0.12
# A text whose lowercase words of 4+ letters (at least ENGLISH_DICTIONARY_MIN_WORDS of them)
# are at least this share English dictionary words is English (headline lists score 0.7-1.0;
# paragraphs in other Latin-script languages 0-0.35).
ENGLISH_DICTIONARY_SHARE = 0.6
ENGLISH_DICTIONARY_MIN_WORDS = 8
# A text is reported only when the detector gives its language at least LANGUAGE_CONFIDENCE
# and English less than ENGLISH_DOUBT.
LANGUAGE_CONFIDENCE = 0.9
ENGLISH_DOUBT = 0.05
# Scripts written without spaces between words: a run of their letters counts as about
# one word per two characters.
_UNSPACED_CHARS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_UNSPACED = re.compile(f"[{_UNSPACED_CHARS}]")
# Anchored at the start of a whitespace-separated token (after opening punctuation), so
# that the expression is tried once per token rather than at every character.
_NOT_WORDS = re.compile(
    r"""(?<!\S)[(\[<"'“‘«]*
    (?: (?:[a-z][a-z0-9+.-]*://|www\.)\S*                           # URLs
      | [\w.%+-]+@[\w-]+(?:\.[\w-]+)+                                 # e-mail addresses
      | [@\#]\w+                                                       # handles, hashtags
      | [\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:[/?\#]\S*)?(?=[\s)\]>"'”’»,;:!?]|[.](?!\w)|$)  # domains, files
      | &\#?\w+;\S*                                                     # HTML entities
    """
    + f"| [^\\s{_UNSPACED_CHARS}]*\\d[^\\s{_UNSPACED_CHARS}]*)    # numbers, tokens with digits\n",
    re.IGNORECASE | re.VERBOSE,
)
# The start of a token that holds a character one of ``_NOT_WORDS``' alternatives needs (":"
# or "." of a URL, "@" of an address or handle, "#", "." of a domain, "&" of an entity, a
# digit): only there can it match, as it matches within one token from its start.
_MAY_NOT_BE_WORD = re.compile(r"(?<!\S)\S*?[.:@#&\d]")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class InputItem:
    """One article to process, or the reason it cannot be read.

    ``meta`` comes from the input itself and wins over the manifest; ``guessed`` is metadata
    an HTML page states about itself, used only where the manifest says nothing.
    ``encoding`` names the legacy encoding the text was decoded from (``None`` for UTF-8).
    """

    doc_id: str
    path: str
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    encoding: str | None = None
    guessed: dict[str, Any] = field(default_factory=dict)


def read_manifest(path: str | Path) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Metadata by ``doc_id`` from a JSON Lines manifest, and the problems of bad lines.

    A line that is not a JSON object with a ``doc_id`` (or not UTF-8) is left out; a
    ``published`` that is not a date (see ``iso_date``) is dropped from its entry; a repeated ``doc_id``
    keeps its first line. Each such line gives one ``E005`` problem.
    """
    path = Path(path)
    entries: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    kind = not_regular(path)
    if kind is not None:
        raise ExtractorError("E051", path=path, kind=kind)

    def problem(n: int, text: str) -> None:
        problems.append(str(ExtractorError("E005", path=path, line=n, problem=text)))

    with path.open("rb") as handle:
        for n, raw in enumerate(handle, 1):
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as err:
                problem(n, f"not UTF-8 ({err.reason} at byte {err.start})")
                continue
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError as err:
                problem(n, f"invalid JSON ({err})")
                continue
            if not isinstance(data, dict) or data.get("doc_id") in (None, ""):
                problem(n, "not an object with a \"doc_id\"")
                continue
            doc_id = str(data["doc_id"])
            if doc_id in entries:
                problem(n, f"doc_id {doc_id!r} is repeated; its first line is kept")
                continue
            published = data.get("published")
            if published not in (None, "") and iso_date(published) is None:
                problem(n, f"\"published\" {published!r} is not a date (give an ISO date such as 2025-06-19, or one such as 19 October 2024); the document is read without a date")
                data = {k: v for k, v in data.items() if k != "published"}
            entries[doc_id] = data
    return entries, problems


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` of a publication date given as a date, a datetime, an ISO string (a
    date, or a date and time such as ``2024-05-01T10:00:00Z``) or a written date that reads
    one way only ("19 October 2024", "Oct 19, 2024", "19/10/2024"); ``None`` for anything
    else: a date followed by other text ("2024-05-01 or so"), one without a four-digit year
    ("yesterday", "Monday", "October 2024") or one whose day and month could be swapped
    ("03/04/2024")."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            parsed = parse(text)
        except ValueError:
            continue
        return (parsed.date() if isinstance(parsed, dt.datetime) else parsed).isoformat()
    return _written_date(text)


_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


@lru_cache(maxsize=4096)
def _written_date(text: str) -> str | None:
    """The day of a written date when day-month and month-day readings agree (dateparser,
    English, strict: day, month and year all required; a four-digit year must be written)."""
    if not _YEAR.search(text) or len(text) > 60:
        return None
    import dateparser

    days = set()
    for order in ("DMY", "MDY"):
        settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": order}
        try:
            parsed = dateparser.parse(text, languages=["en"], settings=settings)
        except Exception:  # noqa: BLE001 - a string dateparser cannot handle is not a date
            parsed = None
        days.add(parsed.date().isoformat() if parsed is not None else None)
    days.discard(None)
    return days.pop() if len(days) == 1 else None


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Text of a file's bytes and the legacy encoding it was in (``None`` for UTF-8).

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as such, and so is UTF-16
    without a BOM when every other byte is NUL the way ASCII text in UTF-16 has them; other
    bytes by the encoding ``charset-normalizer`` detects, preferring the western one
    (``_western``) whenever it is among its candidates and reads plausibly: short texts of
    English news with a few accented names are otherwise guessed as cp1250 or cp775
    ("Zürich" read as "Z³rich"). Raises ``ValueError`` for binary content.
    """
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec)), codec
            except UnicodeDecodeError:
                break
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:4096]:
        raise ValueError("binary content (NUL bytes)")
    try:
        return _checked(data.decode("utf-8-sig")), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    candidates = {name for match in results for name in match.could_be_from_charset}
    if candidates & {"cp1252", "latin_1"}:
        western = _western(data)
        if western is not None:
            return western
    if not results:
        raise ValueError("no text encoding fits its bytes")
    # charset-normalizer's first candidate, unless it puts symbols inside words and a later one does not
    best = next((m for m in results if _clean(str(m))), results[0])
    return _checked(str(best)), best.encoding


# A decoded text is a plausible western one when no symbol sits inside a word ("Z³rich":
# cp1252 bytes of a Polish "ł" or of nothing sensible), no capital follows a small letter in
# a word with accented letters ("naÏve"), at most WESTERN_ACCENT_SHARE of the letters of the
# words with accented letters are accented (Cyrillic or Greek bytes read as cp1252 are all
# accents), and at most WESTERN_ACCENTED_WORDS of its words have accented letters: English
# with accented names. A text in another language is left to charset-normalizer's ranking
# (Turkish in cp1254 reads as cp1252 letters too, "kiþiler"); it is refused as not English anyway.
WESTERN_ACCENT_SHARE = 0.5
WESTERN_ACCENTED_WORDS = 0.4


def _western(data: bytes) -> tuple[str, str] | None:
    """``(text, "cp1252" or "latin-1")`` when ``data`` reads plausibly as western text (cp1252,
    of which latin-1 is the part without 0x80-0x9F), else ``None``. The two decode alike
    without bytes 0x80-0x9F; with them latin-1 would give control characters, so cp1252."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # bytes cp1252 leaves undefined: latin-1 would read them as control characters
    if not _plausible_western(text):
        return None
    try:
        text = _checked(text)
    except ValueError:
        return None
    return text, "cp1252" if any(0x80 <= b <= 0x9F for b in data) else "latin-1"


def _plausible_western(text: str) -> bool:
    if not _clean(text):
        return False
    accented = letters = words = accented_words = 0
    for word in re.finditer(r"\S+", text):
        w = word.group()
        words += any(ch.isalpha() for ch in w)
        word_letters = [ch for ch in w if ch.isalpha()]
        if all(ch.isascii() for ch in word_letters):
            continue
        accented_words += 1
        letters += len(word_letters)
        accented += sum(not ch.isascii() for ch in word_letters)
    if words and accented_words / words > WESTERN_ACCENTED_WORDS:
        return False
    return letters == 0 or accented / letters <= WESTERN_ACCENT_SHARE


def _clean(text: str) -> bool:
    """No control character, no symbol or digit beyond ASCII inside a word, and no capital after a small letter in a
    word with letters beyond ASCII: what a wrong 8-bit encoding leaves."""
    import unicodedata

    for word in re.finditer(r"\S+", text[:20000]):
        w = word.group()
        if w.isascii():
            continue
        for k, ch in enumerate(w):
            if ch.isascii():
                continue
            if not ch.isalpha():
                kind = unicodedata.category(ch)
                if kind == "Cc":
                    return False
                if kind[0] != "P" and 0 < k < len(w) - 1 and w[k - 1].isalpha() and w[k + 1].isalpha():
                    return False  # a symbol or digit inside a word ("Z³rich"); punctuation may be ("Kyiv’s")
        for a, b in zip(w, w[1:]):
            if a.isalpha() and b.isalpha() and a.islower() and b.isupper() and not (a.isascii() and b.isascii()):
                return False  # "naÏve"
    return True


# UTF-16 without a BOM: ASCII text has a NUL as every other byte (high bytes in little-endian,
# low bytes in big-endian); at least this share of the pairs must have one.
UTF16_NUL_SHARE = 0.6


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """``(text, "utf-16-le" or "utf-16-be")`` for UTF-16 without a BOM, else ``None``."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 8 or b"\x00" not in sample:
        return None
    pairs = len(sample) // 2
    for codec, zero in (("utf-16-le", 1), ("utf-16-be", 0)):
        nul = sum(1 for k in range(zero, 2 * pairs, 2) if sample[k] == 0)
        other = sum(1 for k in range(1 - zero, 2 * pairs, 2) if sample[k] == 0)
        if nul >= UTF16_NUL_SHARE * pairs and other == 0:
            try:
                return _checked(data.decode(codec)), codec
            except (UnicodeDecodeError, ValueError):
                return None
    return None


def decode(data: bytes) -> str:
    """Text of a file's bytes: UTF-8, or the legacy encoding detected from its content."""
    return decode_bytes(data)[0]


def _checked(text: str) -> str:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if sample and controls / len(sample) > 0.01:
        raise ValueError(f"binary content ({controls} control characters in its first {len(sample)})")
    return text


def html_article(data: bytes) -> tuple[str | None, dict[str, Any]]:
    """Main text of an HTML page (by trafilatura) and the title, date and url it states."""
    import trafilatura

    found = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_images=False)
    if found is None:
        return None, {}
    meta = {}
    for key, name in (("title", "title"), ("date", "published"), ("url", "url")):
        value = getattr(found, key, None)
        if value:
            meta[name] = value
    return getattr(found, "text", None), meta


@lru_cache(maxsize=1)
def _language_detector() -> Any:
    from lingua import LanguageDetectorBuilder

    # Low-accuracy mode (trigram models) loads in a fraction of a second and ~90 MB; the
    # high-accuracy models take over 1 GB and seconds to load, for texts judged on 20+ words.
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@dataclass(frozen=True)
class LanguageVerdict:
    """A text that does not look like English: its language, and whether it is refused.

    ``refused`` is the near-certain case (``E030``: the document is not processed); a text
    with too few words that are not names to be sure is processed with the warning ``E050``.
    ``words`` is the number of words the verdict rests on (words that are not names).
    """

    iso: str
    language: str
    refused: bool
    words: int


def language_verdict(text: str) -> LanguageVerdict | None:
    """How ``text`` fails to look like English, or ``None`` when it is English (or too short to tell).

    Judged on the words of the text's start (see ``language_words``) in this order:

    1. fewer than ``LANGUAGE_MIN_JUDGED`` words that are not names (words that do not start
       with a capital letter): not judged. Names tell where, not which language: a short
       English report naming Filipino villages reads as Tagalog to a detector;
    2. English function-word evidence wins: ``ENGLISH_MARKER_SHARE`` of the words (or of the
       words that are not names) are English function words, or most lowercase words of 4+
       letters are English dictionary words: English;
    3. the lingua detector (offline), given the words that are not names, must be confident
       of another language (``LANGUAGE_CONFIDENCE``) and find English unlikely
       (``ENGLISH_DOUBT``); otherwise English;
    4. a text judged foreign is refused only with at least ``LANGUAGE_MIN_WORDS`` words and
       ``LANGUAGE_REFUSE_WORDS`` words that are not names; a shorter one is processed with
       a warning.
    """
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    words = language_words(sample)
    plain = [w for w in words if not w[:1].isupper()]
    # each word counts one at least: only a short list is counted (a run of an unspaced script counts more)
    if len(plain) < LANGUAGE_MIN_JUDGED and _word_count(plain) < LANGUAGE_MIN_JUDGED:
        return None
    folded = [w.casefold() for w in words]
    markers = sum(w in ENGLISH_MARKERS for w in folded)
    if markers / len(folded) >= ENGLISH_MARKER_SHARE or markers / len(plain) >= ENGLISH_MARKER_SHARE:
        return None
    if _dictionary_share(words) >= ENGLISH_DICTIONARY_SHARE:
        return None
    from lingua import Language

    values = _language_detector().compute_language_confidence_values(" ".join(plain))
    if not values:
        return None
    found = values[0]
    english = next((v.value for v in values if v.language == Language.ENGLISH), 0.0)
    if found.language == Language.ENGLISH or found.value < LANGUAGE_CONFIDENCE or english >= ENGLISH_DOUBT:
        return None
    long_enough = _word_count(words) >= LANGUAGE_MIN_WORDS and _word_count(plain) >= LANGUAGE_REFUSE_WORDS
    iso, name = found.language.iso_code_639_1.name.lower(), found.language.name.title()
    return LanguageVerdict(iso, name, refused=long_enough, words=_word_count(plain))


def foreign_language(text: str) -> tuple[str, str] | None:
    """``(iso_code, name)`` of the language of ``text`` when it is refused as clearly not
    English (``language_verdict`` with ``refused``), else ``None``."""
    verdict = language_verdict(text)
    if verdict is None or not verdict.refused:
        return None
    return verdict.iso, verdict.language


def language_words(text: str) -> list[str]:
    """The words of ``text`` that can tell its language: no URLs, e-mail addresses, handles,
    domain or file names, numbers or tokens with digits, nor all-capital abbreviations."""
    # ``_NOT_WORDS.sub(" ", text)``, tried only at the starts of the tokens that hold one of
    # the characters every one of its alternatives needs (``_MAY_NOT_BE_WORD``): most words
    # hold none, and the expression's alternatives each read a whole word before failing
    pieces: list[str] = []
    last = 0
    for candidate in _MAY_NOT_BE_WORD.finditer(text):
        m = _NOT_WORDS.match(text, candidate.start())
        if m is not None:
            pieces += (text[last : m.start()], " ")
            last = m.end()
    if last:
        pieces.append(text[last:])
        text = "".join(pieces)
    words = _WORD.findall(text)
    return [w for w in words if not (len(w) > 1 and w.isupper())]


def _dictionary_share(words: list[str]) -> float:
    """Share of English dictionary words among the lowercase words of 4+ letters (0 if too few)."""
    from .lexicon import is_dictionary_word

    long = [w for w in words if len(w) >= 4 and w.islower()]
    if len(long) < ENGLISH_DICTIONARY_MIN_WORDS:
        return 0.0
    return sum(map(is_dictionary_word, long)) / len(long)


def _word_count(words: list[str]) -> int:
    return sum(max(1, len(_UNSPACED.findall(w)) // 2) for w in words)


def list_inputs(path: str | Path, *, exclude: Iterable[str | Path] = ()) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The input files under ``path`` in a stable order, and the folders that could not be listed.

    Hidden files and folders and ``manifest.jsonl`` are left out, and so is every path in
    ``exclude`` (the run's own outputs). A link whose target is gone is listed, so that it
    is reported rather than silently skipped.
    """
    path = Path(path)
    if path.is_file():
        return [path], []
    if not path.is_dir():
        raise ExtractorError("E004", path=path)
    skip = {os.path.abspath(p) for p in exclude}
    failed: list[tuple[Path, str]] = []
    files: list[Path] = []
    for folder, dirs, names in os.walk(path, onerror=lambda err: failed.append((Path(err.filename), err.strerror or str(err)))):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            file = Path(folder) / name
            if name.startswith(".") or name == "manifest.jsonl" or file.suffix.lower() not in INPUT_SUFFIXES:
                continue
            if os.path.abspath(file) in skip:
                continue
            files.append(file)
    return sorted(files), failed


def count_inputs(files: Iterable[Path]) -> int:
    """About how many documents ``files`` hold: one per file, one per non-empty records line."""
    total = 0
    for file in files:
        if file.suffix.lower() != ".jsonl" or not_regular(file):
            total += 1
            continue
        try:
            with file.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            total += 1
    return total


def iter_inputs(
    path: str | Path,
    *,
    manifest: dict[str, dict[str, Any]] | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[InputItem]:
    """Articles under ``path`` (recursively): ``.txt`` and ``.html`` files, ``.json``/``.jsonl`` records.

    Streams: one file (or one records line) at a time. Each input that cannot be read
    comes out with ``error`` set; an id seen before comes out as an ``E010`` error.
    """
    path = Path(path)
    manifest = manifest or {}
    files, failed = list_inputs(path, exclude=exclude)
    for folder, problem in failed:
        yield InputItem(str(folder), str(folder), error=str(ExtractorError("E006", path=folder, problem=problem)))
    seen: set[str] = set()
    for file in files:
        for item in _items_of(file, path):
            if item.doc_id in seen:
                item.error = str(ExtractorError("E010", doc_id=item.doc_id, path=item.path))
                item.text = None
            seen.add(item.doc_id)
            meta = manifest.get(item.doc_id)
            if meta or item.guessed:
                item.meta = {**item.guessed, **(meta or {}), **item.meta}
            yield item


def not_regular(path: str | Path) -> str | None:
    """What ``path`` is when it exists and is not a regular file (``"a named pipe (FIFO)"``,
    ``"a socket"``, ``"a device"``...), else ``None``. Reading a FIFO or a device can wait
    forever, so inputs that are not regular files are reported (``E051``), never opened."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # gone or unreadable: opening it reports why
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _items_of(file: Path, root: Path) -> Iterator[InputItem]:
    suffix = file.suffix.lower()
    kind = not_regular(file)
    if kind is not None:
        yield InputItem(file.stem, str(file), error=str(ExtractorError("E051", path=file, kind=kind)))
        return
    if suffix == ".jsonl":
        yield from _records_of(file, root)
        return
    try:
        data = file.read_bytes()
    except OSError as err:
        yield InputItem(file.stem, str(file), error=str(ExtractorError("E006", path=file, problem=err.strerror or str(err))))
        return
    if suffix in HTML_SUFFIXES:
        yield _html_item(file, data)
        return
    try:
        text, encoding = decode_bytes(data)
    except ValueError as err:
        yield InputItem(file.stem, str(file), error=str(ExtractorError("E008", doc_id=file.stem, problem=str(err))))
        return
    if suffix in TEXT_SUFFIXES:
        yield InputItem(file.stem, str(file), text=text, encoding=encoding)
        return
    if root != file and not _holds_articles([text]):
        # In a folder, JSON files without article records (gold files, manifests, configs)
        # are not inputs; a file named on the command line always is.
        return
    yield from _records([(1, text)], file, encoding)


def _html_item(file: Path, data: bytes) -> InputItem:
    if not data.strip():
        return InputItem(file.stem, str(file), error=str(ExtractorError("E007", doc_id=file.stem)))
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return InputItem(file.stem, str(file), error=str(ExtractorError("E008", doc_id=file.stem, problem="binary content (NUL bytes)")))
    try:
        text, guessed = html_article(data)
    except Exception as err:  # noqa: BLE001 - a page the parser chokes on is one bad input
        return InputItem(file.stem, str(file), error=str(ExtractorError("E006", path=file, problem=f"HTML not parsed ({type(err).__name__}: {err})")))
    if not (text or "").strip():
        return InputItem(file.stem, str(file), error=str(ExtractorError("E032", path=file)))
    return InputItem(file.stem, str(file), text=text, guessed=guessed)


def _records_of(file: Path, root: Path) -> Iterator[InputItem]:
    """The records of a ``.jsonl`` file, read one line at a time."""
    try:
        handle = file.open("rb")
    except OSError as err:
        yield InputItem(file.stem, str(file), error=str(ExtractorError("E006", path=file, problem=err.strerror or str(err))))
        return
    with handle:
        if root != file:
            # See _items_of: a file in a folder without a single article record is not an
            # input. One record without text does not make it so: the file is read through
            # until a record with text (or a line that cannot be read) turns up.
            if not any(text is None or _holds_articles([text]) for _, text, _ in _decoded_lines(handle, file)):
                return
            handle.seek(0)
        for n, text, problem in _decoded_lines(handle, file):
            if problem is not None:
                yield InputItem(f"{file.stem}:{n}", f"{file}:{n}", error=str(ExtractorError("E006", path=f"{file}:{n}", problem=problem)))
                continue
            yield from _records([(n, text)], file, None)


def _decoded_lines(handle: Any, file: Path) -> Iterator[tuple[int, str | None, str | None]]:
    for n, raw in enumerate(handle, 1):
        if not raw.strip():
            continue
        try:
            yield n, raw.decode("utf-8-sig" if n == 1 else "utf-8"), None
        except UnicodeDecodeError as err:
            yield n, None, f"not UTF-8 ({err.reason} at byte {err.start}); JSON Lines must be UTF-8"


def _records(lines: list[tuple[int, str]], file: Path, encoding: str | None) -> Iterator[InputItem]:
    for n, line in lines:
        if not line.strip():
            continue
        where = f"{file}:{n}"
        try:
            rec = json.loads(line)
        except ValueError as err:
            yield InputItem(f"{file.stem}:{n}", where, error=str(ExtractorError("E006", path=where, problem=f"invalid JSON ({err})")))
            continue
        records = rec if isinstance(rec, list) else [rec]
        for k, r in enumerate(records):
            item = read_record(r, f"{file.stem}:{n}:{k}", where=where)
            if item.error is not None and item.error.startswith("[E009]"):
                item.error = str(ExtractorError("E009", line=n, path=file))
            item.encoding = encoding if item.error is None else None
            yield item


# Keys of a record that are not user fields passed through to its result's ``meta``.
RECORD_KEYS = frozenset(("doc_id", "id", "published", "meta", "triggers", "tuples", *TEXT_FIELDS))


def read_record(record: Any, default_id: str, *, where: str = "<records>") -> InputItem:
    """One article record (a mapping) read the same way for ``Extractor.pipe`` and the CLI.

    - id: ``doc_id``, else ``id``, else ``default_id``;
    - text: the first string among ``text``, ``body``, ``content`` (none, or only null
      ones: ``E009``; a number, list... there: ``E015`` naming its type). The text is taken as it is: a ``title`` is never put
      in front of it, so tuple offsets always point into this text;
    - ``meta``: the publication date as given (``published``, else ``date``; a null field
      is an absent one), ``url``, ``title``, every other field of the record that is not one
      of ``RECORD_KEYS``, and the fields of a nested ``meta`` mapping (the record's own
      fields win); ``triggers`` (or the action spans of gold ``tuples``) when given.
    """
    if not hasattr(record, "keys") or isinstance(record, (str, bytes, bytearray)):
        return InputItem(default_id, where, error=str(ExtractorError("E015", what=f"Record {default_id}", kind=type(record).__name__)))
    r = dict(record)
    doc_id = str(r.get("doc_id", r.get("id", default_id)))
    body = next((r[f] for f in TEXT_FIELDS if isinstance(r.get(f), str)), None)
    if body is None:
        given = next((f for f in TEXT_FIELDS if r.get(f) is not None), None)
        if given is not None:
            error = ExtractorError("E015", what=f"The \"{given}\" of record {doc_id!r}", kind=type(r[given]).__name__)
        else:  # no text field, or a null one (a null field is an absent one)
            error = ExtractorError("E009", line=doc_id, path=where)
        return InputItem(doc_id, where, error=str(error))
    nested = r.get("meta") if isinstance(r.get("meta"), dict) else {}
    meta = {**nested, **{k: v for k, v in r.items() if k not in RECORD_KEYS and v is not None}}
    published = next((r[k] for k in ("published", "date") if r.get(k) is not None), nested.get("published"))
    if published is not None:
        meta["published"] = published
    triggers = r.get("triggers")
    if triggers is None and isinstance(r.get("tuples"), list):
        spans = [t["action"] for t in r["tuples"] if isinstance(t, dict) and isinstance(t.get("action"), dict) and "start" in t["action"]]
        triggers = [(a["start"], a["end"]) for a in spans] or None
    if triggers is not None:
        meta["triggers"] = triggers
    return InputItem(doc_id, where, text=body, meta=meta)


@dataclass
class Admission:
    """What ``admit`` found of one record: the ``error`` that stops it (else ``None``), the
    ``warnings`` it is processed with, and its publication day (ISO, or ``None``)."""

    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    published: str | None = None
    not_english: bool = False


def admit(doc_id: str, text: str, published: Any = None, *, language_check: bool = True, limit: int | None = None) -> Admission:
    """The checks every record passes before it is parsed, the same for ``Extractor.pipe``
    and the CLI: empty text (``E007``); not English (``E030`` error, or ``E050`` warning for
    a short text; skipped without ``language_check``); longer than ``limit`` (``E033``
    warning: parsed in pieces); a publication date that is not one (``E053`` warning: read
    without a date) or lies in the future (``E054`` warning)."""
    found = Admission()
    if not text.strip():
        found.error = str(ExtractorError("E007", doc_id=doc_id))
        return found
    if language_check:
        verdict = language_verdict(text)
        if verdict is not None and verdict.refused:
            found.not_english = True
            found.error = str(ExtractorError("E030", doc_id=doc_id, language=verdict.language, iso=verdict.iso))
            return found
        if verdict is not None:
            found.warnings.append(str(ExtractorError("E050", doc_id=doc_id, language=verdict.language, iso=verdict.iso, words=verdict.words)))
    if limit is not None and len(text) > limit:
        pieces = -(-len(text) // limit)
        found.warnings.append(str(ExtractorError("E033", doc_id=doc_id, chars=len(text), limit=limit, pieces=f"about {pieces}")))
    if published not in (None, ""):
        day = iso_date(published)
        if day is None:
            found.warnings.append(str(ExtractorError("E053", doc_id=doc_id, value=published)))
        elif day > (dt.date.today() + dt.timedelta(days=1)).isoformat():
            found.warnings.append(str(ExtractorError("E054", doc_id=doc_id, value=day)))
        found.published = day
    return found


def _holds_articles(lines: list[str]) -> bool:
    for line in lines:
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            return True  # a broken line in a records file is reported, not skipped
        records = rec if isinstance(rec, list) else [rec]
        return any(isinstance(r, dict) and any(isinstance(r.get(f), str) for f in TEXT_FIELDS) for r in records)
    return False


def done_ids(out_path: str | Path) -> set[str]:
    """Ids already written to ``out_path``; a torn last line is cut off so a rerun can append.
    Raises ``E013`` (and changes nothing) when the file is not an output of this tool."""
    return {str(obj.get("doc_id")) for obj in read_lines(out_path)}


# Every line this tool writes, results and errors alike, is a JSON object whose first key is
# "doc_id" (``json.dumps`` with the default separators), with only these keys.
LINE_START = b'{"doc_id": '
RESULT_KEYS = frozenset({"doc_id", "published", "tuples", "events", "text"})
ERROR_KEYS = frozenset({"doc_id", "path", "error", "warning"})
_LINE_KINDS = {
    "results": 'a JSON object with "doc_id", "published" and "tuples"',
    "errors": 'a JSON object with "doc_id", "path" and "error" or "warning"',
}


def is_output_line(obj: Any, kind: str = "results") -> bool:
    """Whether ``obj`` is a line this tool writes: of results (``kind="results"``) or of an errors file."""
    if not isinstance(obj, dict) or "doc_id" not in obj:
        return False
    if kind == "errors":
        return obj.keys() <= ERROR_KEYS and ("error" in obj or "warning" in obj)
    return obj.keys() <= RESULT_KEYS and isinstance(obj.get("tuples"), list)


def read_lines(path: str | Path, *, kind: str = "results") -> list[dict[str, Any]]:
    """The lines of ``path``, an output of this tool: results (``kind="results"``) or an errors
    file (``kind="errors"``). A torn last line is cut off the file so that a rerun can append.

    Only a last line that a killed run can leave is cut: the start of one of this tool's lines
    (no newline yet), or NUL bytes after complete lines. Any other file is refused with
    ``E013`` and left as it is: a complete line that is not one of this tool's, or a last line
    that is not the start of one, means that the file was not written here (or was edited),
    and cutting it would erase data that is not ours.
    """
    path = Path(path)
    if not path.exists():
        return []
    expected = _LINE_KINDS[kind]
    objs: list[dict[str, Any]] = []
    good_end = 0
    tail = b""
    with path.open("rb") as handle:
        for n, line in enumerate(handle, 1):
            if not line.endswith(b"\n"):
                tail = line
                break
            if line.strip():
                obj = _json_or_none(line)
                if not is_output_line(obj, kind):
                    raise ExtractorError("E013", path=path, problem=f"its line {n} is not {expected}, as this tool writes")
                objs.append(obj)
            good_end += len(line)
    if tail:
        if tail.startswith(LINE_START) or LINE_START.startswith(tail):
            obj = _json_or_none(tail)
            ours = obj is None or is_output_line(obj, kind)  # torn, or whole but for its newline
        else:
            ours = bool(objs) and not tail.strip(b"\x00")  # blocks a crash left unwritten
        if not ours:
            raise ExtractorError("E013", path=path, problem=f"its last line is not the start of {expected}, as this tool writes")
        with path.open("rb+") as handle:
            handle.truncate(good_end)
    return objs


def _json_or_none(line: bytes) -> Any:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        return None


class LineWriter:
    """Appends one JSON object per line, each in a single write that is flushed to disk."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def write(self, obj: dict[str, Any]) -> None:
        """Write ``obj`` as one line of UTF-8; a string holding a lone surrogate (an id from a
        file name that is not UTF-8, a JSON escape such as \\ud800) makes the line ASCII, with
        every non-ASCII character escaped, so that reading it back gives the same strings."""
        line = json.dumps(obj, ensure_ascii=False) + "\n"
        try:
            data = line.encode("utf-8")
        except UnicodeEncodeError:
            data = (json.dumps(obj) + "\n").encode("ascii")
        os.write(self._fd, data)

    def close(self) -> None:
        os.fsync(self._fd)
        os.close(self._fd)

    def __enter__(self) -> "LineWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------------------------------
# Tables: one row per tuple, for CSV, Parquet and ``datasets.Dataset``.

SLOT_COLUMNS = ("actor", "action", "quantity", "location", "date", "source", "evidence")
# (column, Arrow type name); the keys of ``EventTuple.to_dict`` plus the document's.
TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"),
    ("published", "string"),
    ("tuple_index", "int32"),
    ("actor", "string"),
    ("action", "string"),
    ("action_text", "string"),
    ("action_lemma", "string"),
    ("quantity", "string"),
    ("location", "string"),
    ("date", "string"),
    *((f"{slot}_{end}", "int64") for slot in SLOT_COLUMNS for end in ("start", "end")),
    ("quantity_value", "float64"),
    ("quantity_value_high", "float64"),
    ("quantity_unit", "string"),
    ("quantity_detail", "string"),
    ("date_value", "string"),
    ("date_detail", "string"),
    ("modality", "string"),
    ("source", "string"),
    ("event_type", "string"),
    ("actor_name", "string"),
    ("actor_country", "string"),
    ("actor_sector", "string"),
    ("location_name", "string"),
    ("location_country", "string"),
    ("location_lat", "float64"),
    ("location_lon", "float64"),
    ("location_geonameid", "int64"),
    ("location_admin1", "string"),
    ("location_feature", "string"),
    ("evidence", "string"),
    ("confidence", "float64"),
    ("rules", "string"),
    # the record's own fields (``DocumentResult.meta``; empty from the CLI's JSON Lines)
    ("url", "string"),
    ("title", "string"),
)


# The event table (``--level events``): one row per document-level event (guide section 5),
# with the tuple table's slot columns and the event's own fields.
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"),
    ("published", "string"),
    ("event_index", "int32"),
    ("main", "bool"),
    ("mentions", "string"),
    ("from", "string"),
    *TABLE_COLUMNS[3:],
)
LEVELS = ("tuples", "events")


def _columns(level: str) -> tuple[tuple[str, str], ...]:
    if level not in LEVELS:
        raise ExtractorError("E035", level=level)
    return TABLE_COLUMNS if level == "tuples" else EVENT_COLUMNS


def table_schema(level: str = "tuples") -> Any:
    """The Arrow schema of the tuple table (or of the event table, ``level="events"``);
    needs the ``tables`` extra (``E060``)."""
    pa = optional_import("pyarrow", extra="tables", feature="The Arrow table schema")

    types = {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, kind in _columns(level)])


def _slot_row(item: dict[str, Any], columns: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """The table row of one tuple or event dict: its fields by column, a range quantity split
    into ``quantity_value`` and ``quantity_value_high``, nested fields as JSON strings."""
    row: dict[str, Any] = {name: item.get(name) for name, _ in columns}
    value = item.get("quantity_value")
    if isinstance(value, (list, tuple)):
        row["quantity_value"], row["quantity_value_high"] = value[0], value[1]
    for name in ("quantity_detail", "date_detail", "rules"):
        nested = item.get(name)
        row[name] = json.dumps(nested, ensure_ascii=False) if nested else None
    return row


def tuple_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Table rows of one output line (``{"doc_id", "published", "tuples"}``), one per tuple.

    A range quantity gives ``quantity_value`` (low) and ``quantity_value_high``; the full
    quantity detail and the rules that filled the slots are kept as JSON strings.
    """
    rows = []
    for k, t in enumerate(document.get("tuples") or ()):
        row = _slot_row(t, TABLE_COLUMNS)
        row["doc_id"], row["published"], row["tuple_index"] = document["doc_id"], document.get("published"), k
        row.update(_document_fields(document))
        rows.append(row)
    return rows


def event_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Table rows of one output line's ``events``, one per event, main event first;
    ``mentions`` and ``from`` (indices into the line's tuples) as JSON strings."""
    rows = []
    for k, e in enumerate(document.get("events") or ()):
        row = _slot_row(e, EVENT_COLUMNS)
        row["doc_id"], row["published"], row["event_index"] = document["doc_id"], document.get("published"), k
        row.update(_document_fields(document))
        row["main"] = bool(e.get("main"))
        row["mentions"] = json.dumps(e.get("mentions") or [])
        row["from"] = json.dumps(e.get("from") or {}, ensure_ascii=False)
        rows.append(row)
    return rows


def _document_fields(document: dict[str, Any]) -> dict[str, Any]:
    """The ``url`` and ``title`` columns of a document's rows, from its ``meta`` (strings only)."""
    meta = document.get("meta") if isinstance(document.get("meta"), dict) else {}
    return {k: str(meta[k]) if meta.get(k) is not None else None for k in ("url", "title")}


def _documents(results: Iterable[Any] | str | Path) -> Iterator[dict[str, Any]]:
    if isinstance(results, (str, Path)):
        with Path(results).open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)
        return
    for r in results:
        if isinstance(r, dict):
            yield r
        elif getattr(r, "error", None) is None:
            try:
                yield r.to_dict(meta=True)  # a DocumentResult: with its record's url and title
            except TypeError:
                yield r.to_dict()


def _batches(results: Iterable[Any] | str | Path, rows_per_batch: int, level: str = "tuples") -> Iterator[Any]:
    schema = table_schema(level)
    row_maker = tuple_rows if level == "tuples" else event_rows
    rows: list[dict[str, Any]] = []
    for document in _documents(results):
        rows.extend(row_maker(document))
        if len(rows) >= rows_per_batch:
            yield _record_batch(rows, schema)
            rows = []
    if rows:
        yield _record_batch(rows, schema)


def _record_batch(rows: list[dict[str, Any]], schema: Any) -> Any:
    import pyarrow as pa

    try:
        return pa.RecordBatch.from_pylist(rows, schema=schema)
    except UnicodeEncodeError:
        # A lone surrogate (an id from a file name that is not UTF-8) has no UTF-8 form: the
        # table gets it as a backslash escape, as the JSON Lines have it.
        return pa.RecordBatch.from_pylist([{k: _escape_surrogates(v) for k, v in row.items()} for row in rows], schema=schema)


def _escape_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def write_table(
    results: Iterable[Any] | str | Path, out: str | Path, *, format: str, rows_per_batch: int = 10_000, level: str = "tuples"
) -> int:
    """Write the tuple table of ``results`` (a JSON Lines path, output dicts or
    ``DocumentResult``s) to ``out`` as ``csv`` or ``parquet``, whole or not at all.

    One row per tuple (``level="events"``: per document-level event): documents without
    any have no row. Streams in batches of ``rows_per_batch``; returns the number of rows.
    CSV is written with the standard library (``_write_csv``); Parquet needs the ``tables``
    extra (``pyarrow``; ``E060`` without it, before anything is written).
    """
    if format not in ("csv", "parquet"):
        raise ExtractorError("E034", format=format)
    if format == "parquet":
        pq = optional_import(
            "pyarrow.parquet", extra="tables", feature="Parquet output", alternative=", or write JSON Lines or CSV"
        )
    else:
        _columns(level)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    rows = 0
    try:
        if format == "csv":
            rows = _write_csv(results, tmp, level)
        else:
            with pq.ParquetWriter(tmp, table_schema(level)) as writer:
                for batch in _batches(results, rows_per_batch, level):
                    writer.write_batch(batch)
                    rows += batch.num_rows
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return rows


def _csv_cell(value: Any) -> str:
    """One CSV cell as pyarrow's CSV writer wrote it: strings always quoted (inner quotes
    doubled), null empty, numbers bare in shortest form ("3", "5.5", "1e-7"), booleans
    ``true``/``false``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        if text.endswith(".0"):
            text = text[:-2]
        return re.sub(r"e([+-])0*(\d)", lambda m: "e" + ("-" if m.group(1) == "-" else "") + m.group(2), text)
    return '"' + str(value).replace('"', '""') + '"'


def _write_csv(results: Iterable[Any] | str | Path, path: Path, level: str) -> int:
    """Write the table of ``results`` to ``path`` as CSV (header row, then one row per tuple
    or event) with the standard library only; returns the number of rows. A lone surrogate
    (an id from a file name that is not UTF-8) is written as a backslash escape."""
    columns = [name for name, _ in _columns(level)]
    row_maker = tuple_rows if level == "tuples" else event_rows
    rows = 0
    with path.open("w", encoding="utf-8", errors="backslashreplace", newline="") as handle:
        handle.write(",".join(_csv_cell(name) for name in columns) + "\n")
        for document in _documents(results):
            for row in row_maker(document):
                handle.write(",".join(_csv_cell(row.get(name)) for name in columns) + "\n")
                rows += 1
    return rows


def is_tuple_table(path: str | Path, format: str) -> bool:
    """Whether the file at ``path`` is empty or a tuple table (``csv`` or ``parquet``) that
    ``write_table`` wrote: its first columns are those of ``TABLE_COLUMNS`` or ``EVENT_COLUMNS``."""
    path = Path(path)
    if path.stat().st_size == 0:
        return True
    if format == "csv":
        import csv

        with path.open("rb") as handle:
            first = handle.readline(1 << 16)
        try:
            names = next(csv.reader([first.decode("utf-8-sig")]), [])
        except (UnicodeDecodeError, csv.Error):
            return False
    else:
        pq = optional_import("pyarrow.parquet", extra="tables", feature="Reading a Parquet table")
        try:
            names = pq.read_schema(path).names
        except Exception:  # noqa: BLE001 - whatever pyarrow cannot read is no table of ours
            return False
    return any([n.strip() for n in names[:3]] == [name for name, _ in columns[:3]] for columns in (TABLE_COLUMNS, EVENT_COLUMNS))


def to_dataset(results: Iterable[Any] | str | Path, *, level: str = "tuples") -> Any:
    """A Hugging Face ``datasets.Dataset`` of tuples, one row per tuple (columns: ``TABLE_COLUMNS``;
    ``level="events"``: one row per document-level event, ``EVENT_COLUMNS``); documents
    without any have no row.

    ``results`` is what ``Extractor.pipe`` yields (failed documents are left out), output
    line dicts, or the path of a JSON Lines output file. Needs the ``tables`` extra (``E060``).
    """
    datasets = optional_import("datasets", extra="tables", feature="to_dataset()")
    pa = optional_import("pyarrow", extra="tables", feature="to_dataset()")

    batches = list(_batches(results, 10_000, level))
    table = pa.Table.from_batches(batches, schema=table_schema(level))
    return datasets.Dataset(table)


def output_format(out: str | Path, requested: str | None = None) -> str:
    """The output format: ``requested``, else from the name of ``out`` (default ``jsonl``)."""
    if requested:
        fmt = requested.lower().lstrip(".")
        if fmt == "pq":
            fmt = "parquet"
        if fmt not in OUTPUT_FORMATS:
            raise ExtractorError("E034", format=requested)
        return fmt
    suffix = Path(out).suffix.lower()
    return {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(suffix, "jsonl")
