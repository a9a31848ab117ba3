"""Text preparation that keeps character offsets into the original article.

``prepare_text`` drops page furniture, rejoins words broken across a line end and turns
non-breaking spaces into plain ones. The result knows how to map any offset of the
prepared text back to the raw text, so every slot can point into the file as received.
Its word classes (furniture lines and prompts, credits, share targets, list headings, time
stamp labels, the small words of titles, the labels that are no dateline's place) are data
files of the shipped lexicon (``extractor/data/lexicon/``).

Page furniture (``find_furniture``) is found by shape and word class, never by site:

- whole lines: navigation labels, widget and sign-up prompts, share bars, credit lines,
  bylines, time stamps, 'Read more: <headline>' and the headline lines that follow a list
  heading ('Related stories');
- inside a line (scrapers flatten pages into paragraphs): credits in brackets, after a label
  ('Image copyright X', 'Photo: X') or standing alone ('GETTY IMAGES 5', 'Jane Doe/The Daily
  Planet'), caption labels, gallery and video-player controls with the title between them,
  newsletter boxes, bracketed link headlines, URLs, the signature of an embedded post, and a
  related-headlines block flattened after its list heading ('... Related stories SNOW JOKE
  Student builds igloo ...'), up to where the article text resumes;
- the dateline that opens the story ('WASHINGTON, Nov 6 (Reuters) -', 'LONDON --', '(CNN) --',
  'SEOUL: ', ``find_dateline``):
  its separator becomes a line break so the dateline is a segment of its own.

The first line is the headline and stays unless it is a navigation label. Captions stay: they
are article text (annotation guide, section 1). Everything is blanked in place, so offsets
do not move.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .lexicon import default_lexicon, is_dictionary_word

_WORDS = default_lexicon()  # text preparation reads the shipped lexicon


@dataclass(frozen=True)
class PreparedText:
    """Prepared text plus the map back to the raw article.

    ``segments`` holds ``(prepared_start, raw_start)`` pairs: from each prepared offset on,
    characters map one to one until the next segment. ``furniture`` lists the page furniture
    found in the raw text (``find_furniture``), ``dateline`` the dateline opening its story
    (``find_dateline``), found with it: the document events read it from here rather than
    look for it again.
    """

    raw: str
    text: str
    segments: tuple[tuple[int, int], ...]
    furniture: tuple["Furniture", ...] = ()
    dateline: "Dateline | None" = None

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


# --- page furniture ----------------------------------------------------------------------
#
# Scraped news text carries the page around the article: share bars, newsletter boxes, photo
# credits, gallery and video-player controls, bylines, time stamps and lists of related
# headlines. Some of it stands on lines of its own; scrapers that flatten a page put the rest
# inside the paragraphs. Furniture is found by shape and by word classes of the shipped
# lexicon (``furniture_prompts``, ``social_networks``, ``credit_words``, ``credit_agencies``,
# ``furniture_inbox_words``, ``furniture_list_headings``, ``timestamp_words``,
# ``byline_roles``), never by site names, and blanked in place. Captions and headlines are
# article text (annotation guide, section 1) and stay.

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

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAYS = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|urday|rsday)?"
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)", re.IGNORECASE)
_DATE_WORD = re.compile(rf"^(?:{_MONTHS}|{_WEEKDAYS})\.?,?$", re.IGNORECASE)
_NUMBER_TOKEN = re.compile(r"^[\d/.:,-]+(?:st|nd|rd|th)?,?$", re.IGNORECASE)
# Lower-case words a credit or byline keeps between names ('Pool via AP', 'Ministry of Defence').
_NAME_JOINERS = frozenset(
    "via for and of the de del della der des di du da dos la le van von y al el bin".split()
)
_NAME_TOKEN = r"[A-Z][\w'’.&-]*"
_SENTENCE_STOP = re.compile(r"[.!?…](?:\s*[\"'”’)\]])*\s*$")


def _compile_phrases(entries) -> re.Pattern[str]:
    """One case-blind pattern for a class of phrases, longest first; '#' is any number."""
    parts = []
    for entry in sorted(entries, key=len, reverse=True):
        words = [r"\d+" if w == "#" else re.escape(w) for w in entry.split()]
        parts.append(r"\s+".join(words))
    return re.compile(r"(?<![\w@#/])(?:" + "|".join(parts) + r")(?![\w/])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    w = _WORDS
    agencies = sorted(w.credit_agencies, key=len, reverse=True)
    agency_alt = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in agencies)
    credit_words = "|".join(sorted((re.escape(c) for c in w.credit_words), key=len, reverse=True))
    inbox = "|".join(re.escape(x) for x in sorted(w.furniture_inbox_words, key=len, reverse=True))
    headings = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(w.furniture_list_headings, key=len, reverse=True))
    return {
        "prompt": _compile_phrases(w.furniture_prompts),
        "social": _compile_phrases(w.social_networks),
        # a credit word alone between sentences ('Photo LONDON -- ...'): capitalized only
        "credit_word": re.compile(
            r"(?<![\w@#/])(?:" + "|".join(sorted((re.escape(c.capitalize()) for c in w.credit_words), key=len, reverse=True)) + r")(?![\w/:])"
        ),
        "agency": re.compile(rf"(?<![\w@])(?:{agency_alt})(?![\w])", re.IGNORECASE),
        # a newsletter or alert sign-up prompt: 'Get daily updates directly to your inbox'
        "signup": re.compile(
            rf"\b(?:Get|Sign\s+up(?:\s+(?:for|to))?|Subscribe\s+(?:to|for)|Receive|Want)\b[^.!?\n]{{0,50}}?"
            rf"\b(?i:{inbox})\b(?:[^.!?\n]{{0,30}}?\b(?i:inbox)\b)?"
        ),
        # 'Image copyright X', 'Photo: X', 'Credit: X', '© X': the label and the name after it
        "credit_label": re.compile(
            rf"(?:\b(?i:{credit_words})\s+(?i:copyright|credit|source|courtesy(?:\s+of)?|by)\b:?"
            rf"|\b(?:{'|'.join(c.capitalize() for c in sorted(w.credit_words))})\s*:(?!\d)"
            r"|©|\bCopyright\b)"
        ),
        "paren": re.compile(r"\(([^()\n]{1,160})\)"),
        "rights": re.compile(r"(?:\bCopyright\b|©)[^.\n]{0,80}\.\s*All\s+rights\s+reserved\.?", re.IGNORECASE),
        "paren_credit": re.compile(
            rf"^\s*(?:(?i:{credit_words})s?(?:\s+(?i:credit|courtesy|copyright|by|source))?\s*[:/]|"
            rf"(?i:photo(?:graph)?s?|pictures?|image|video)\s+(?:by|courtesy)\b|"
            r"(?i:(?:additional\s+)?reporting|writing|editing|compiled|written|edited)\s+by\b)"
        ),
        "bracket": re.compile(r"\[([\"'‘“A-Z][^\[\]\n]{10,220})\]"),
        "url": re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"]+|\bpic\.twitter\.com/\w+", re.IGNORECASE),
        # the signature of an embedded post: '-- Jane Doe (@janedoe) November 8, 2016'
        "tweet": re.compile(
            rf"(?:--|[—–])\s*(?:[^\s()@]+\s+){{0,6}}\(@\w{{1,30}}\)(?:\s+{_MONTHS}\.?\s+\d{{1,2}},\s+\d{{4}})?"
        ),
        "heading_prefix": re.compile(rf"^\s*(?i:{headings})\s*(?:[:|»>]|--|[—–])\s*\S"),
        "byline": re.compile(
            rf"^\s*(?:By|BY|Written\s+by|Words\s+by|Story\s+by|(?i:(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by))\s+"
            rf"{_NAME_TOKEN}"
        ),
    }


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\w'’.&@#+-]+", text)


def _name_like(token: str) -> bool:
    t = token.strip(".,;:'’\"()")
    if not t:
        return True
    return t[0].isupper() or t[0].isdigit() or t.lower() in _NAME_JOINERS or t.lower() in _WORDS.credit_agencies


def _covered(text: str, patterns) -> list[bool]:
    """Which word tokens of ``text`` lie inside a match of any of ``patterns``."""
    spans = [m.span() for p in patterns if p is not None for m in p.finditer(text)]
    flags = []
    for m in re.finditer(r"[\w'’.&@#+-]+", text):
        flags.append(any(a <= m.start() and m.end() <= b for a, b in spans))
    return flags


def _share_bar(stripped: str) -> bool:
    """A run of social networks and share labels with nothing else ('Facebook Twitter Email')."""
    p = _patterns()
    if re.search(r",|\band\b", stripped):  # a list in a sentence names them with commas and 'and'
        return False
    if len(p["social"].findall(stripped)) < 2:
        return False  # (asked before the words are read: most lines name no network)
    flags = _covered(stripped, (p["social"], p["prompt"]))
    return bool(flags) and all(flags)


def _credit_line(stripped: str) -> bool:
    p = _patterns()
    words = stripped.split()
    if len(words) > 14:
        return False
    inner = stripped[1:-1] if stripped.startswith("(") and stripped.endswith(")") else stripped
    if p["paren_credit"].match(inner):
        return True
    m = p["credit_label"].match(inner.lstrip())
    if m and len(words) <= 10:
        return True
    if len(words) <= 10 and all(_name_like(t) for t in _tokens(inner)):
        inner = inner.strip()
        if p["agency"].fullmatch(re.sub(r"\s+\d{1,3}$", "", inner)):
            return True
        joined = _joined_credits(inner, p)
        if joined and joined[0][0] == 0 and max(b for _, b in joined) >= len(inner.rstrip(".")):
            return True
        if re.search(r",\s*[^,]+$", inner) and p["agency"].fullmatch(inner.rsplit(",", 1)[1].strip()):
            return True
    return False


def _byline_line(stripped: str) -> bool:
    p = _patterns()
    words = stripped.split()
    if len(words) > 14 or stripped.endswith((".", "!", "?")) and not re.search(r"\b[A-Z]\.$", stripped):
        return False
    if p["byline"].match(stripped):
        rest = _tokens(p["byline"].sub("", stripped, count=1))
        return all(_name_like(t) or t.lower().strip(",") in _WORDS.byline_roles for t in rest)
    if "|" in stripped:  # 'Jane Doe | Reuters', 'Jane Doe | Political Correspondent'
        parts = [x.strip() for x in stripped.split("|")]
        def role(part: str) -> bool:
            toks = [t.lower().strip(",") for t in _tokens(part)]
            return bool(toks) and (
                all(t in _WORDS.byline_roles for t in toks)
                or bool(p["agency"].fullmatch(part))
                or _timestamp_line(part)
            )

        return (
            len(parts) >= 2 and all(parts)
            and all(_name_like(t) or _CLOCK.search(t) for t in _tokens(stripped))
            and any(role(x) for x in parts[1:])
        )
    return False


@lru_cache(maxsize=1)
def _stamp_phrases() -> tuple[re.Pattern[str], ...]:
    """The lexicon's time stamp words of several words ("last updated"), longest first, each
    compiled once (a line is tested against every one of them)."""
    phrases = sorted((s for s in _WORDS.timestamp_words if " " in s), key=len, reverse=True)
    return tuple(re.compile(rf"\b{re.escape(phrase)}\b", re.IGNORECASE) for phrase in phrases)


def _timestamp_line(stripped: str) -> bool:
    if len(stripped.split()) > 16:
        return False
    text = stripped
    has_time = bool(_CLOCK.search(text))
    text = _CLOCK.sub(" ", text)
    stamp_words = _WORDS.timestamp_words
    label = False
    for phrase in _stamp_phrases():
        text, n = phrase.subn(" ", text)
        label = label or n > 0
    has_date = False
    read_time = bool(re.search(r"\b\d+\s*(?:min|mins|minutes?)\s+read\b|\breading\s+time\b", text, re.IGNORECASE))
    text = re.sub(r"\b\d+\s*(?:min|mins|minutes?)\s+read\b|\breading\s+time\b", " ", text, flags=re.IGNORECASE)
    rest = []
    for tok in _tokens(text):
        low = tok.lower().strip(".,:")
        if low in stamp_words:
            label = label or not low.isupper()
            continue
        if _DATE_WORD.match(tok):
            has_date = True
            continue
        if _NUMBER_TOKEN.match(tok) or low in {"on", "at", "-", "|", "ago", "hours", "hour", "minutes", "days", "day"}:
            has_date = has_date or bool(re.search(r"\d[/.-]\d", tok))
            continue
        rest.append(tok)
    return not rest and (has_time or has_date or label or read_time)


def _heading_key(stripped: str) -> str:
    return re.sub(r"\s+", " ", stripped).casefold().strip(" :|»>-–—")


def furniture_kind(line: str) -> str | None:
    """What kind of page furniture a whole line is (``None``: article text).

    Kinds: ``label`` (a navigation or section label), ``placeholder`` (a template token),
    ``bullet`` and ``cue`` (a short link, credit or share prompt), ``share`` (a share bar),
    ``credit`` (a photo or story credit), ``byline``, ``timestamp``, ``related`` ('Read more:
    <headline>') and ``prompt`` (a line of widget or sign-up prompts).
    """
    if len(line) > 400:  # every kind below is a short line
        return None
    stripped = line.strip().replace("\u00a0", " ")
    if not stripped:
        return None
    key = re.sub(r"\s+", " ", stripped).casefold().rstrip(":")
    if key in _WORDS.furniture_lines or _heading_key(stripped) in _WORDS.furniture_list_headings:
        return "label"
    if PLACEHOLDER.match(stripped):
        return "placeholder"
    words = stripped.split()
    if BULLET.match(stripped) and (FURNITURE_CUES.search(stripped) or len(words) <= 3):
        return "bullet"
    if _share_bar(stripped):
        return "share"
    if _credit_line(stripped):
        return "credit"
    if _timestamp_line(stripped):
        return "timestamp"
    if _byline_line(stripped):
        return "byline"
    p = _patterns()
    if len(words) <= 30 and p["heading_prefix"].match(stripped):
        return "related"
    if len(words) <= 12 and FURNITURE_CUES.search(stripped) and not SENTENCE_END.search(stripped):
        return "cue"
    if len(words) <= 20:
        if p["signup"].match(stripped):
            return "prompt"
        # a prompt first: most lines have none, and their words are not read
        if p["prompt"].search(stripped):
            flags = _covered(stripped, (p["prompt"], p["social"], p["signup"]))
            if flags and sum(flags) / len(flags) >= 0.6:
                return "prompt"
    return None


def is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture rather than article text."""
    return furniture_kind(line) is not None


@dataclass(frozen=True)
class Furniture:
    """A span of the raw text found to be page furniture (``kind`` says which rule found it).
    ``kind == "dateline"`` marks the separator after a dateline, which becomes a sentence
    break rather than a blank."""

    start: int
    end: int
    kind: str


_HEADLINE_WORDS = 25  # a first line this short is the headline, kept whatever it looks like
_RELATED_ITEM_WORDS = 20
_GAP_WORDS = 12  # a title between two widget runs ('Skip Ad x <video title> View Photos')
_DATELINE_WINDOW = 3000  # datelines open the story: looked for this far into the text


def _boundary_before(line: str, i: int, blanked: list[tuple[int, int]]) -> bool:
    """Whether position ``i`` of ``line`` opens a sentence: line start, after a sentence end,
    or right after furniture."""
    before = line[max(0, i - 200) : i].rstrip()
    if not before:
        return i <= 200 or not line[:i].strip()
    if _SENTENCE_STOP.search(before):
        return True
    end = len(before)
    return any(a < end <= b for a, b in blanked)


def _boundary_after(line: str, j: int) -> bool:
    """Whether what follows position ``j`` starts a new sentence (or the line ends)."""
    after = line[j : j + 200].lstrip()
    if not after:
        return True
    ch = after[0]
    return ch.isupper() or ch.isdigit() or ch in "\"'“‘([" or ch in ".!?"


_CREDIT_STOP_WORDS = frozenset({"The", "A", "An"})


def _name_run(line: str, j: int, p, *, limit: int) -> int:
    """End of the run of name tokens starting at ``j`` ('The Paper', 'John Doe/AFP'), at most
    ``limit`` tokens; it stops at a lower-case word, a widget label, a second article or a
    sentence end."""
    end = j
    count = 0
    pos = j
    prev_caps = True
    token = re.compile(r"\s*(?:[/*,|]\s*)?([^\s/*,|()\[\]]+)")
    while count < limit:
        m = token.match(line, pos)
        if not m:
            break
        tok = m.group(1)
        start = m.start(1)
        label = p["prompt"].match(line, start)
        if label and re.match(r"[A-Z]", tok) and (" " in label.group(0) or tok.lower() in _WORDS.credit_words):
            break
        if count and (tok in _CREDIT_STOP_WORDS or tok == "By" or (tok[:1].isupper() and tok.lower() in _function_words())):
            break  # a new sentence begins ('... for the Guardian In an age ...')
        agency = p["agency"].match(line, start)
        if agency:
            end = pos = agency.end()
            count += 1
            prev_caps = agency.group(0).isupper()
            continue
        if count and tok.isupper() and len(tok) >= 3 and not prev_caps:
            break  # a dateline begins ('REUTERS/Jane Doe BEIRUT (Reuters) -')
        if not _name_like(tok) or (tok in _NAME_JOINERS and not count):
            break
        end = pos = m.end(1)
        count += 1
        prev_caps = tok.isupper()
        if tok.endswith("."):
            break
    return end


_SEPARATOR_CHARS = re.compile(r"[/*|]|:(?=\S)|\svia\s")
_SEPARATOR = re.compile(r"(?<=[\w.])(?:\s*[/*|]\s*|:(?=\S)|\s+via\s+)(?=[A-Z])")


def _prev_word(line: str, i: int) -> str:
    """The word before position ``i`` of ``line`` ('' at the line start)."""
    words = line[max(0, i - 60) : i].split()
    return words[-1] if words else ""


def _joined_credits(line: str, p, *, agencies: list[re.Match[str]] | None = None) -> list[tuple[int, int]]:
    """Credits of names joined by a slash, star, colon, bar or 'via' ('Jane Doe/Reuters',
    'GETTY*EPA', 'AP:Associated Press 6', 'Pool via AP')."""
    out = []
    if agencies is None:
        agencies = list(p["agency"].finditer(line))
    ends = {m.end(): m for m in agencies}
    starts = {m.start(): m for m in agencies}
    seps = []
    for c in _SEPARATOR_CHARS.finditer(line):  # a cheap first pass, then the exact pattern nearby
        sep = _SEPARATOR.search(line, max(0, c.start() - 4), c.end() + 5)
        if sep and (not seps or sep.start() != seps[-1].start()):
            seps.append(sep)
    for sep in seps:
        left_agency = ends.get(sep.start())
        right_agency = starts.get(sep.end())
        if left_agency:
            start = left_agency.start()
        else:
            w0 = max(0, sep.start() - 120)
            names = re.search(r"(?:(?<=\s)|^)((?:[A-Z][\w'’&-]*\s+){0,2}[A-Z][\w'’&-]*)$", line[w0 : sep.start()])
            if not names or (w0 and names.start(1) == 0):
                continue
            start = w0 + names.start(1)
        if right_agency:
            end = right_agency.end()
        else:
            end = _name_run(line, sep.end(), p, limit=4)
            if end <= sep.end():
                continue
        tail = re.match(r"\s+\d{1,3}(?!\S)", line[end : end + 8])
        if tail:
            end += tail.end()
        if _prev_word(line, start).lower() in _NOT_BEFORE_CREDIT:
            continue
        if not _boundary_after(line, end) or line[end : end + 40].lstrip()[:1].isdigit() and not tail:
            continue
        if left_agency or right_agency:
            if ":" in sep.group(0) and not (left_agency and right_agency):
                continue
            out.append((start, end))
        elif "/" in sep.group(0) and len(line[start : sep.start()].split()) >= 2 and _boundary_before(line, start, []):
            out.append((start, end))  # a person's name over a publication: 'Jane Doe/The Daily Planet'
    return out


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Articles, pronouns, prepositions and modals: a word of these never ends a name, and
    one right before a widget word makes it part of a sentence ('on a YouTube video')."""
    w = _WORDS
    return frozenset(
        w.determiners | w.pronouns | w.title_small_words | w.place_leading_words | w.modals_hedged | w.modals_planned
    ) | {"to", "did", "do", "does", "will", "would", "can"}


_NOT_BEFORE_CREDIT = frozenset({"the", "a", "an", "by", "to", "from", "with", "told", "said", "of", "for", "and"})


@lru_cache(maxsize=1)
def _first_words() -> dict[str, frozenset[str]]:
    """The first word of each phrase of a class: a line is matched against a class only at
    its words that can open one of the phrases (one pass over the words of a line)."""
    w = _WORDS

    def firsts(entries):
        return frozenset(e.split()[0].split("/")[0].split("-")[0] for e in entries)

    return {
        "prompt": firsts(w.furniture_prompts),
        "social": frozenset(w.social_networks),
        "agency": firsts(w.credit_agencies),
        "credit": frozenset(c.capitalize() for c in w.credit_words),
    }


@lru_cache(maxsize=1)
def _trigger_set() -> frozenset[str]:
    """The words (lower case) at which any inline class can match."""
    f = _first_words()
    words = set(f["prompt"] - {"#"}) | f["social"] | f["agency"] | {c.lower() for c in f["credit"]}
    words |= {w.lower() for w in _SIGNUP_OPENERS} | set(_WORDS.credit_words) | {"copyright"}
    return frozenset(words)


@lru_cache(maxsize=2048)
def _trigger_pattern(words: frozenset[str]) -> re.Pattern[str]:
    alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alt})(?![^\W_])", re.IGNORECASE)


_LETTERS = re.compile(r"[^\W\d_]+")
_COUNT = re.compile(r"(?<![^\W_])\d+(?=\s+of\s+\d)")


def _trigger_matches(line: str) -> list[re.Match[str]]:
    """Matches of the trigger words in ``line``, in order: the words of the line are looked up
    in a set first (fast), and only the ones found are searched for."""
    hits = frozenset(_LETTERS.findall(line.lower())) & _trigger_set()
    out = list(_trigger_pattern(hits).finditer(line)) if hits else []
    if " of " in line:
        out += list(_COUNT.finditer(line))
        out.sort(key=lambda m: m.start())
    return out


_SIGNUP_OPENERS = frozenset({"Get", "Sign", "Subscribe", "Receive", "Want"})

# Photo galleries flattened into a line number their pictures: 'N of M' or 'N/M' (N at most M).
_COUNTER = r"(?P<n>\d{1,3})(?:\s+of\s+|/)(?P<m>\d{1,3})"
_GALLERY_COUNTER_AFTER = re.compile(rf"[ \t]+{_COUNTER}(?![\w/])")
_GALLERY_COUNTER_BEFORE = re.compile(rf"(?<![\w/,.]){_COUNTER}[ \t]+$")
_WIKI_HEADING = re.compile(r"(?<![=\w])(={2,6})[ \t]*[A-Z][^=\n]{0,60}?[ \t]*\1(?![=\w])")
# the wire services' caption label for an archive photo (AP style: 'FILE - In this photo ...')
_FILE_LABEL = re.compile(r"(?<![\w'’-])FILE[ \t]*(?:--|[-–—])[ \t]+(?=[\"“A-Z])")
_AGENCY_CLIENT = re.compile(r"[ \t]+for[ \t]+(?:[A-Z][\w'’&-]*[ \t]+){0,2}[A-Z][\w'’&-]*(?=[ \t]+\d)")
_SLASH_COUNTER = re.compile(r"(?<![\w/.,])(\d{1,3})/(\d{1,3})(?![\w/])")
_SIBLING_NAME = re.compile(r"(?<![\w'’&.-])((?:[A-Z][\w'’&.-]*[ \t]+){0,3}[A-Z][\w'’&.-]*)[ \t]+(\d{1,3})(?!\S)")


def _sibling_credits(line: str, counted: dict[str, int], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A name run with the gallery count that two agency credits of the same line carry
    ('... Getty Images 9 ... Reuters 9 ... Daily Planet Sports 9 Fans cheer'): a credit of the
    same gallery whose name is no agency of the class. The name is a run of capitalized
    words right before the count, which the next sentence's capital follows."""
    numbers = {n for n, k in counted.items() if k >= 2}
    if not numbers:
        return []
    out = []
    for m in _SIBLING_NAME.finditer(line):
        if m.group(2) not in numbers or any(a < m.end() and m.start(1) < b for a, b, _ in found):
            continue
        first = m.group(1).split()[0]
        if first.lower() in _function_words() or not _boundary_after(line, m.end()):
            continue
        if line[m.end() : m.end() + 40].lstrip()[:1].isdigit():
            continue
        out.append((m.start(1), m.end(), "credit"))
    return out


def _gallery_counters(line: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Picture counters of a flattened gallery: three or more 'N/M' with one M and different N
    (N at most M) number its slides ('1/29 Valtown AP 2/29 Valtown ...'), two of them at least
    run into an agency credit (found already, ``found``); ratings in a sentence ('3/5, 4/5
    and 2/5') carry no credit."""
    if line.count("/") < 3:
        return []
    by_total: dict[str, list[re.Match[str]]] = {}
    for m in _SLASH_COUNTER.finditer(line):
        if 0 < int(m.group(1)) <= int(m.group(2)):
            by_total.setdefault(m.group(2), []).append(m)
    out = []
    for total, ms in by_total.items():
        credited = sum(1 for m in ms if any(a <= m.start() and m.end() <= b for a, b, k in found if k == "credit"))
        if int(total) >= 3 and len({m.group(1) for m in ms}) >= 3 and credited >= 2:
            out += [(m.start(), m.end(), "counter") for m in ms]
    return out


# A time stamp inside a line: a weekday abbreviated as page templates print it, then a date
# with its year ('Wed, November 30, 2016'), with no preposition before it; prose writes the
# weekday out in full ('on Wednesday, November 30').
_INLINE_STAMP = re.compile(
    rf"(?<![\w,])(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),[ \t]+{_MONTHS}\.?[ \t]+\d{{1,2}},[ \t]+\d{{4}}(?![\w/])"
)


def _inline_timestamps(line: str) -> list[tuple[int, int, str]]:
    if "," not in line:
        return []
    out = []
    for m in _INLINE_STAMP.finditer(line):
        if _prev_word(line, m.start()).lower().strip("(\"'“‘") in _WORDS.temporal_preps | {"of", "to"}:
            continue
        out.append((m.start(), m.end(), "timestamp"))
    return out


def _is_appendix_heading(m: re.Match[str]) -> bool:
    """Whether a wiki heading opens one of the appendix sections that close a Wikipedia
    article (the lexicon's ``wiki_appendix_headings``: 'See also', 'References', 'External
    links'): what follows it on its line is link lists and citations, no article text."""
    return m.group(0).strip("= \t").lower() in _WORDS.wiki_appendix_headings


def _inline_spans(line: str, *, title: bool) -> list[tuple[int, int, str]]:
    """Furniture inside a line of article text."""
    p = _patterns()
    first = _first_words()
    hard: list[tuple[int, int, str]] = []
    # one pass over the words finds where each class can match
    soft: list[tuple[int, int, str]] = []
    agencies: list[re.Match[str]] = []
    labels: list[re.Match[str]] = []
    signups: list[re.Match[str]] = []
    last_agency_end = -1
    for m in _trigger_matches(line):
        word = m.group()
        low = word.lower()
        i = m.start()
        if low in first["prompt"] or (low.isdigit() and "#" in first["prompt"]):
            pm = p["prompt"].match(line, i)
            if pm:
                text = re.sub(r"\s+", " ", pm.group(0).lower())
                if text in _CAPTION_LABELS:
                    kind = "caption-label"
                else:
                    kind = "prompt-multi" if " " in text else "prompt-word"
                soft.append((i, pm.end(), kind))
        if low in first["social"]:
            sm = p["social"].match(line, i)
            if sm:
                soft.append((i, sm.end(), "social"))
        if low in first["agency"] and i >= last_agency_end:
            am = p["agency"].match(line, i)
            if am:
                agencies.append(am)
                last_agency_end = am.end()
        if word in first["credit"]:
            cm = p["credit_word"].match(line, i)
            if cm:
                soft.append((i, cm.end(), "credit-word"))
            lm = p["credit_label"].match(line, i)
            if lm:
                labels.append(lm)
        elif low in _WORDS.credit_words or word == "Copyright":
            lm = p["credit_label"].match(line, i)
            if lm:
                labels.append(lm)
        if word in _SIGNUP_OPENERS:
            gm = p["signup"].match(line, i)
            if gm:
                signups.append(gm)
    if "©" in line:
        labels += [m for m in p["credit_label"].finditer(line) if m.group(0) == "©"]
    if "http" in line or "www." in line or "pic.twitter" in line:
        for m in p["url"].finditer(line):
            hard.append((m.start(), m.end(), "url"))
    if "(@" in line:
        for m in p["tweet"].finditer(line):
            hard.append((m.start(), m.end(), "tweet"))
    if "[" in line:
        for m in p["bracket"].finditer(line):
            if len(m.group(1).split()) >= 4 and _boundary_before(line, m.start(), []) and _boundary_after(line, m.end()):
                hard.append((m.start(), m.end(), "link-headline"))
    if "(" in line:
        for m in p["paren"].finditer(line):
            inner = m.group(1).strip()
            toks = _tokens(inner)
            kind = None
            if p["paren_credit"].match(inner):
                kind = "credit"
            elif toks and len(toks) <= 10 and all(_name_like(t) for t in toks):
                if p["agency"].fullmatch(re.sub(r"\s+\d{1,3}$", "", inner)):
                    kind = "credit"
                elif "," in inner and p["agency"].fullmatch(inner.rsplit(",", 1)[1].strip()):
                    kind = "credit"
                elif _joined_credits(inner, p) and _joined_credits(inner, p)[0][0] == 0:
                    kind = "credit"
                elif (
                    len(toks) <= 6
                    and _SENTENCE_STOP.search(line[max(0, m.start() - 80) : m.start()].rstrip() or ".")
                    and _boundary_after(line, m.end())
                    and not any(c.isdigit() for c in inner)
                ):
                    kind = "credit"  # '(The Daily Planet)' standing alone between sentences
            if kind:
                hard.append((m.start(), m.end(), kind))
    if "Copyright" in line or "©" in line or "copyright" in line:
        for m in p["rights"].finditer(line):
            hard.append((m.start(), m.end(), "credit"))
    for m in labels:
        if title and not line[max(0, m.start() - 200) : m.start()].strip() and not line[: m.start()].strip():
            continue
        end = _name_run(line, m.end(), p, limit=6)
        if end > m.end():
            hard.append((m.start(), end, "credit"))
    if any(c in line for c in "/*|:") or " via " in line:
        for a, b in _joined_credits(line, p, agencies=agencies):
            hard.append((a, b, "credit"))
    counted: dict[str, int] = {}  # gallery counts carried by agency credits ('Getty Images 9')
    for m in agencies:
        text = m.group(0)
        # a gallery counter run into the credit ('REUTERS 1 of 31', '1 of 10 AFP', 'AP 2/29')
        client = _AGENCY_CLIENT.match(line, m.end())  # 'Getty Images for Valtown Zoo 1 of 9'
        counter = _GALLERY_COUNTER_AFTER.match(line, client.end() if client else m.end())
        counter_before = _GALLERY_COUNTER_BEFORE.search(line[max(0, m.start() - 16) : m.start()])
        tail = None if counter else re.match(r"\s+\d{1,3}(?!\S)", line[m.end() : m.end() + 8])
        end = counter.end() if counter else m.end() + (tail.end() if tail else 0)
        caps = text.isupper() and len(re.sub(r"\W", "", text)) >= 4
        multi = " " in text.strip() and all(w[0].isupper() for w in text.split())
        prev = _prev_word(line, m.start())
        if prev.lower() in {"the", "a", "an", "by", "to", "from", "with", "told", "said"}:
            continue
        if (caps or multi or tail or counter or counter_before) and not title and _boundary_after(line, end):
            if line[end : end + 40].lstrip()[:1].islower():
                continue
            start = m.start() - len(counter_before.group(0)) if counter_before else m.start()
            hard.append((start, end, "credit"))
            if tail:
                number = tail.group(0).strip()
                counted[number] = counted.get(number, 0) + 1
    hard += _sibling_credits(line, counted, hard)
    hard += _gallery_counters(line, hard)
    hard += _inline_timestamps(line)
    if "==" in line:  # a wiki section heading left in the text ('== References ==')
        for m in _WIKI_HEADING.finditer(line):
            if not _boundary_before(line, m.start(), []):
                continue
            if _is_appendix_heading(m):  # its list runs on: '==See also== * 2007 Kabul bombing * ...'
                hard.append((m.start(), len(line.rstrip()), "heading"))
            elif _boundary_after(line, m.end()):
                hard.append((m.start(), m.end(), "heading"))
    if "FILE" in line:  # the archive-photo label that opens a caption ('FILE - Police stand ...')
        hard += [(m.start(), m.end(), "caption-label") for m in _FILE_LABEL.finditer(line) if _boundary_before(line, m.start(), [])]
    for m in signups:
        if _boundary_before(line, m.start(), []):
            hard.append((m.start(), m.end(), "prompt"))

    # widget runs: prompt labels and share targets strung together with glue between them
    items: list[tuple[int, int, str]] = hard + soft
    if not items:
        return []
    rank = {"prompt-multi": 1, "caption-label": 1, "prompt-word": 2, "social": 3, "credit-word": 4}
    best: dict[tuple[int, int], tuple[int, int, str]] = {}
    for it in items:  # one item per span: 'Video' is a prompt and a credit word at once
        old_it = best.get(it[:2])
        if old_it is None or rank.get(it[2], 0) < rank.get(old_it[2], 0):
            best[it[:2]] = it
    items = sorted(best.values())
    runs: list[list[tuple[int, int, str]]] = []
    for it in items:
        if runs:
            last_end = max(b for _, b, _ in runs[-1])
            gap = line[last_end : it[0]] if it[0] > last_end else ""
            if it[0] <= last_end or _is_glue(gap):
                runs[-1].append(it)
                continue
        runs.append([it])
    # (start, end, kind, blanked, has a widget control, ends in a caption label)
    decided: list[tuple[int, int, str, bool, bool, bool]] = []
    blanked: list[tuple[int, int]] = []
    for run in runs:
        start = min(a for a, _, _ in run)
        end = max(b for _, b, _ in run)
        kinds = [k for _, _, k in run]
        hard_kinds = [k for k in kinds if k not in _SOFT_ITEMS]
        soft = len(kinds) - len(hard_kinds)
        control = any(k in ("prompt-multi", "prompt-word") for k in kinds)
        # glue just before or after the run ('1 of 22', 'x', '+', a colon) goes with it
        w0 = max(0, start - 60)
        lead = re.search(r"(?:(?<!\w)(?:\d+\s+of\s+\d+|x|\+|\|)\s*)+$", line[w0:start])
        if lead and (hard_kinds or soft) and (lead.start() > 0 or w0 == 0):
            start = w0 + lead.start()
        trail = re.match(r"(?:\s*(?:\(\s*\)|(?<!\w)x(?!\w)|\+|\||\.\.\.|…|!|:(?=\s+[A-Z\"'“‘])|\d+\s+of\s+\d+))+", line[end : end + 80])
        if trail:
            end += trail.end()
        if re.search(r"\(\s*$", line[max(0, start - 10) : start]) and re.match(r"\s*\)", line[end : end + 10]):
            start = line.rfind("(", 0, start)  # '(PHOTOS, VIDEO)': the brackets go too
            end = line.index(")", end) + 1
        if line[start:end].count("(") > line[start:end].count(")"):
            close = re.match(r"[^()]{0,3}\)", line[end : end + 5])
            if close:
                end += close.end()
        if hard_kinds:
            sure = True
        elif soft >= 2 and not all(k == "credit-word" for k in kinds):
            # widget words in a sentence ('would watch YouTube videos', 'on a YouTube video')
            in_sentence = _prev_word(line, start).lower().strip("\"'“‘(") in _function_words()
            sure = not in_sentence and (
                _boundary_before(line, start, blanked) or _boundary_after(line, end) or soft >= 3
            )
        elif not title and _boundary_before(line, start, blanked) and _boundary_after(line, end):
            sure = kinds != ["social"]
        elif not title and kinds == ["prompt-multi"] and _link_label(line, start, end):
            sure = True
        else:
            sure = False
        kind = hard_kinds[0] if hard_kinds and len(run) == 1 else ("widget" if sure else "candidate")
        decided.append((start, end, kind, sure, control, run[-1][2] == "caption-label"))
        if sure:
            blanked.append((start, end))
    # a title between two widget runs, with no sentence end in it, is the widget's title
    # ('Skip Ad x <title of the gallery> View Photos'); what follows a caption label is a caption
    spans: list[tuple[int, int, str]] = []
    prev = None
    for d in decided:
        start, end, kind, sure, control, caption = d
        if prev is not None:
            p_start, p_end, p_kind, p_control, p_caption = prev
            gap = line[p_end:start]
            if (
                p_control and control and not p_caption and not title
                and 0 < len(gap.split()) <= _GAP_WORDS and not re.search(r"[.!?;]", gap)
            ):
                spans[-1] = (p_start, max(p_end, end), "widget")
                prev = (p_start, max(p_end, end), "widget", True, caption)
                continue
        if not sure:
            prev = None if not control else (start, end, kind, control, caption)
            if not control:
                continue
            # a lone control label is kept unless a widget run before it claims it
            prev = None
            continue
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end), spans[-1][2])
        else:
            spans.append((start, end, kind))
        prev = (spans[-1][0], spans[-1][1], spans[-1][2], control, caption)
    return _gallery_titles(line, spans)


def _link_label(line: str, start: int, end: int) -> bool:
    """A capitalized control label of several words run in between the headline of a linked
    story and the next sentence ('... progressives rally in Valtown Read more The mayor ...'):
    the label opens with a capital after a word that is no function word, and a capital
    follows it. In a sentence the label is lower case or its object follows ('read more
    about it')."""
    if not (line[start].isupper() and line[start + 1 : start + 2].islower()):
        return False
    prev = _prev_word(line, start)
    if not prev or prev.lower().strip("\"'“‘(,") in _function_words() or prev.endswith(","):
        return False
    after = line[end : end + 40].lstrip()
    return after[:1].isupper() and (len(after) < 2 or not after[1].isupper() or len(after.split()[0]) > 1)


_STAMP_GAP_WORDS = 30  # a gallery's blurb between its time stamp and its controls


def _gallery_titles(line: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A gallery teaser flattened into a line prints its time stamp, a blurb and then its
    controls ('Wed, November 30, 2016 Crowds gather in Valtown Play slideshow 1 of 9'): the
    blurb between a time stamp (``_inline_timestamps``) and a widget run that holds a control
    label of several words, with no sentence end before its last word, is the teaser's."""
    if not any(k == "timestamp" for _, _, k in spans):
        return spans
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    for a, b, kind in spans:
        if out and out[-1][2] == "timestamp":
            pa, pb, _ = out[-1]
            gap = line[pb:a].strip()
            control = any(" " in m.group(0).strip() for m in p["prompt"].finditer(line, a, b))
            if control and len(gap.split()) <= _STAMP_GAP_WORDS and not re.search(r"[.!?;]\s", gap):
                out[-1] = (pa, b, "widget")
                continue
        out.append((a, b, kind))
    return out


# An all-capitals kicker or label run into the text it heads ("OFF WITH HIS HEAD Football
# freestyler beheads a snowman", "USA TODAY Toblerone bars come in ..."): two or more words in
# capitals right before a capitalized word in lower case that opens the sentence it labels.
_CAPS_WORD = r"[A-Z][A-Z'’&.\-]*"
_KICKER = re.compile(rf"(?<![\w'’&.\-])(?P<run>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD})+)[ \t]+(?=[A-Z][a-z])")


def _kicker_spans(line: str, blanked: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """All-capitals kickers and labels inside a line (``_KICKER``): blanked, so the sentence
    after them starts on its own and they lend it no actor. A run of acronyms ("US FBI") is
    no kicker: one word at least has four letters. A kicker opens its line, follows a sentence
    end or other furniture; one run on after a word ("... with brunette OFF WITH HIS HEAD
    Football freestyler ...") is inside a flattened list of related headlines, whose
    headlines would then be parsed as sentences of their own, so it stays."""
    spans = []
    for m in _KICKER.finditer(line):
        words = m.group("run").split()
        if not any(len(re.sub(r"[^A-Z]", "", w)) >= 4 for w in words):
            continue
        before = line[: m.start()].rstrip()
        opens = not before or _SENTENCE_STOP.search(before[-200:]) or any(a < len(before) <= b for a, b in blanked)
        if not opens:
            continue
        spans.append((m.start(), m.end("run"), "kicker"))
    return spans


_RELATED_SPAN_CHARS = 2500  # a flattened related-headlines block ends within this many characters
# a sentence-final full stop: not inside a number, not of an ellipsis, not after a short capitalized abbreviation ("Sec.")
_FULL_STOP = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Z])(?<!\.)\.(?![.\w])")
_OPENING_QUOTE = re.compile(r"(?<=\s)[\"“](?=\w)")
_HEADLINE_END = re.compile(r"[?!](?=[\s'’]*\s)")


# The letters other than ASCII ones that a case-insensitive pattern matches to ASCII
# letters (U+0130, U+0131, U+017F, U+212A): a line with one is searched in full.
_ASCII_FOLDING = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=1)
def _heading_first_words() -> tuple[str, ...]:
    """The first words of the headings ``_inline_heading`` looks for, lower-cased: a line
    that holds none of them (in any case) holds no such heading."""
    heads = [h for h in _WORDS.furniture_list_headings if len(h.split()) >= 2]
    return tuple(sorted({h.split()[0].lower() for h in heads}))


def _may_hold_inline_heading(line: str) -> bool:
    """False only for a line in which ``_inline_heading`` cannot match (one substring test
    per first word instead of the pattern tried at every position)."""
    if any(c in line for c in _ASCII_FOLDING):
        return True
    low = line.lower()
    return any(word in low for word in _heading_first_words())


@lru_cache(maxsize=1)
def _inline_heading() -> re.Pattern[str]:
    """A list heading of two words or more inside a line, before a word ('... award Related
    stories THEY INK IT ...'); the one-word headings ('Related', 'Trending') are everyday words."""
    heads = [h for h in _WORDS.furniture_list_headings if len(h.split()) >= 2]
    alt = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?i:{alt})[ \t]+(?=[\w'‘“\"])")


def _related_run_spans(line: str) -> list[tuple[int, int, str]]:
    """A block of related headlines flattened into a line after its list heading ('... award
    Related stories THEY INK IT'S ALL OVER Love rat says 'sorry' ... OFF WITH HIS HEAD Football
    freestyler beheads a snowman "The crowd cheered," she said.'): headlines end in no full
    stop, so the block runs from the heading up to the article text that resumes before the
    first full stop: at an opening double quotation mark (headlines quote with single marks),
    else just after the last question or exclamation mark ending a headline. Kept when no such
    end is found, or when the run holds no kicker in capitals (``_KICKER``), which tells a
    list of headlines from a sentence that merely names related stories."""
    spans = []
    pos = 0
    if not _may_hold_inline_heading(line):
        return spans
    for m in _inline_heading().finditer(line):
        if m.start() < pos:
            continue
        stop = _FULL_STOP.search(line, m.end(), min(len(line), m.end() + _RELATED_SPAN_CHARS))
        if stop is None:
            continue
        quote = _OPENING_QUOTE.search(line, m.end(), stop.start())
        if quote is not None:
            end = quote.start()
        else:
            ends = list(_HEADLINE_END.finditer(line, m.end(), stop.start()))
            if not ends:
                continue
            end = ends[-1].end()
        run = line[m.end():end]
        if not any(
            any(len(re.sub(r"[^A-Z]", "", w)) >= 4 for w in k.group("run").split()) for k in _KICKER.finditer(run)
        ):
            continue
        while end > m.start() and line[end - 1].isspace():
            end -= 1
        spans.append((m.start(), end, "related"))
        pos = end
    return spans


_SOFT_ITEMS = frozenset({"prompt-multi", "prompt-word", "social", "caption-label", "credit-word"})
_CAPTION_LABELS = frozenset({"caption", "image caption", "media caption", "photo caption"})


_GLUE = re.compile(r"^(?:[\s|•·+()…:.!,\-–—*/]|(?<!\w)x(?!\w)|\d+\s+of\s+\d+|\d{1,3}(?!\S))*$")


def _is_glue(gap: str) -> bool:
    return len(gap) <= 40 and bool(_GLUE.match(gap)) and not re.search(r"[.!?]\s+\S", gap.strip()[:-1] if gap.strip() else "")


def _related_block(lines: list[str], i: int) -> list[int]:
    """Indices of the headline lines that follow the list heading at line ``i``."""
    out = []
    for k in range(i + 1, len(lines)):
        s = lines[k].strip()
        if not s:
            continue
        words = s.split()
        if furniture_kind(s) in ("timestamp", "credit", "byline", "label"):
            out.append(k)
            continue
        following = next((line.strip() for line in lines[k + 1:] if line.strip()), "")
        continued = following[:1].islower()  # a sentence broken across lines, not a headline
        if len(words) <= _RELATED_ITEM_WORDS and len(s) <= 180 and not s.endswith((".", ":", ";", ",")) and not continued:
            out.append(k)
            continue
        break
    return out


@dataclass(frozen=True)
class Dateline:
    """The dateline opening a story ('WASHINGTON, Nov 6 (Reuters) -', 'LONDON --', '(CNN) --'),
    as offsets into the raw text: ``start``-``end`` the dateline from its place (or agency) to
    the end of its separator; ``place`` the place in capitals with its region, ``None`` when
    only an agency stands there; ``separator`` the dash or colon; ``byline`` a byline glued before it
    ('By Jane Doe WASHINGTON --'), else ``None``."""

    start: int
    end: int
    place: tuple[int, int] | None
    separator: tuple[int, int]
    byline: tuple[int, int] | None = None


def _dateline(text: str, start: int, limit: int) -> Dateline | None:
    """The dateline opening the story at or after ``start`` (``text`` with the furniture found
    so far blanked)."""
    window = text[start:limit]
    # where a dateline can open: a line start, a sentence end, a byline ('By Jane Doe ...')
    opens = sorted(
        {0}
        | {m.end() for m in re.finditer(r"\n\s*|(?<=[.!?\"”’)])\s+", window)}
        | {m.start() for m in re.finditer(r"\bBy\s+(?=[A-Z])", window)}
        # a word in capitals inside the first line, where a dateline may follow the headline
        | {m.start() for m in re.finditer(r"(?<= )[A-Z]{3,}\b", window[: _HEADLINE_CHARS])}
    )
    for m in (_DATELINE.match(window, i) for i in opens):
        if m is None:
            continue
        place = (m.group("place") or "").strip()
        if place:
            head = place.split(",")[0].strip()
            if head in _WORDS.dateline_labels or len(re.sub(r"[^A-Z]", "", head)) < 2:
                continue
            if re.sub(r"[^A-Za-z ]", "", head).lower().strip() in _WORDS.furniture_prompts:
                continue
        elif not m.group("agency"):
            continue
        s = m.start("byline") if m.group("byline") else m.start("body")
        before = window[:s]
        line_before = before[before.rfind("\n") + 1 :]
        at_start = not line_before.strip() or _SENTENCE_STOP.search(line_before.rstrip())
        if not at_start and not m.group("byline") and not _glued_to_headline(window, m, place):
            continue
        return Dateline(
            start=start + m.start("body"),
            end=start + m.end("sep"),
            place=(start + m.start("place"), start + m.end("place")) if place else None,
            separator=(start + m.start("sep"), start + m.end("sep")),
            byline=(start + m.start("byline"), start + m.end("byline")) if m.group("byline") else None,
        )
    return None


def _glued_to_headline(window: str, m: re.Match[str], place: str) -> bool:
    """Whether a dateline follows, on the same line, the story's headline that lost its line
    break ('7 militants killed in blasts KANDAHAR, Afghanistan, Oct. 3 (Xinhua) -- Seven ...',
    'Court Convicts Friend of Suspect BOSTON -- A court ...'): the place is a word in capitals
    of three letters or more after a space, the dateline is of the strong form (a date, an
    agency or a dash of two strokes), and nothing before it in the story ends a sentence: it
    is still the first line, a headline's length."""
    s = m.start("body")
    if not place or s == 0 or window[s - 1] != " " or len(re.sub(r"[^A-Z]", "", place.split(",")[0])) < 3:
        return False
    if not (m.group("agency") or re.search(r"\d", m.group("body")) or m.group("sep") in ("--", "—")):
        return False
    before = window[:s]
    words = before.split()
    if not words or words[-1].lower() in _function_words():
        return False  # "joined the NATO -- ...": a headline ends on a content word
    return len(words) <= _HEADLINE_WORDS and not _SENTENCE_STOP.search(before.rstrip()) and "\n\n" not in before.strip()


_HEADLINE_WORDS = 25  # at most this many words before a dateline glued to a headline
_HEADLINE_CHARS = 300  # and within this many characters of where the story begins


_BYLINE_NAME = r"[A-Z][a-z'’.\-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z'’\-]+|de|van|von|der|al))*"
_DATELINE = re.compile(
    rf"(?P<byline>\bBy\s+{_BYLINE_NAME}(?:(?:\s*,\s*|\s+and\s+){_BYLINE_NAME})*\s+)?"
    r"(?P<body>"
    r"(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}"
    r"(?:,\s+[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,2})?)?"
    rf"(?:,?\s+{_MONTHS}\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?)?"
    r"\s*(?:\((?P<agency>[A-Z][\w .&/-]{0,30})\))?)"
    r"\s*(?P<sep>--|[—–-]|:)\s+(?=[\"'“‘A-Z0-9])"
)


def _furniture_and_dateline(raw: str) -> tuple[tuple[Furniture, ...], Dateline | None]:
    """The furniture of ``raw`` before its dateline, and the dateline, found on the text with
    that furniture blanked. Found once per article, by ``prepare_text``, which keeps both
    (``PreparedText.furniture`` and ``.dateline``) for the document events."""
    text = raw.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    headline = first is not None and len(lines[first].split()) <= _HEADLINE_WORDS and first < len(lines) - 1
    found: list[Furniture] = []
    whole: set[int] = set()
    for k, line in enumerate(lines):
        if k in whole or not line.strip():
            continue
        kind = furniture_kind(line)
        if k == first and headline and kind not in (None, "label", "placeholder", "share"):
            kind = None
        if kind:
            whole.add(k)
            found.append(Furniture(offsets[k], offsets[k] + len(line), kind))
            if kind == "label" and _heading_key(line) in _WORDS.furniture_list_headings:
                for j in _related_block(lines, k):
                    whole.add(j)
                    found.append(Furniture(offsets[j], offsets[j] + len(lines[j]), "related"))
    for k, line in enumerate(lines):
        if k in whole or not line.strip() or (k == first and headline):
            continue
        title = len(line) <= 300 and _is_title_line(line)
        related = _related_run_spans(line)
        inline = _inline_spans(line, title=title)
        if related:
            inline = [x for x in inline if not any(a < x[1] and x[0] < b for a, b, _ in related)] + related
        for a, b, kind in inline + _kicker_spans(line, [(a, b) for a, b, _ in inline]):
            found.append(Furniture(offsets[k] + a, offsets[k] + b, kind))
    # the dateline, on the text with the furniture found so far blanked
    body = offsets[first] + len(lines[first]) if first is not None and headline else 0
    limit = min(len(text), body + _DATELINE_WINDOW)
    found.sort(key=lambda f: (f.start, f.end))
    chars = list(text[:limit])
    for f in found:
        if f.start >= limit:
            break
        for i in range(f.start, min(f.end, limit)):
            chars[i] = " "
        chars[f.start] = "\n"  # what follows furniture opens a sentence
    return tuple(found), _dateline("".join(chars), body, limit)


def find_furniture(raw: str) -> tuple[Furniture, ...]:
    """The page furniture of ``raw``: whole lines, spans inside lines, and the break after a
    dateline (``find_dateline``), in text order."""
    return _with_dateline(*_furniture_and_dateline(raw))


def _with_dateline(furniture: tuple[Furniture, ...], dateline: Dateline | None) -> tuple[Furniture, ...]:
    """``furniture`` and the furniture of ``dateline`` (a byline glued before it, the break
    after it), in text order."""
    found = list(furniture)
    if dateline is not None:
        if dateline.byline is not None:
            found.append(Furniture(*dateline.byline, "byline"))
        found.append(Furniture(*dateline.separator, "dateline"))
    found.sort(key=lambda f: (f.start, f.end))
    return tuple(found)


def find_dateline(raw: str) -> Dateline | None:
    """The dateline opening the story of ``raw`` (``Dateline``), or ``None``: looked for after
    the headline (a first line of at most 25 words), within 3,000 characters, at a line start,
    a sentence end or after a byline, once the furniture before it is blanked; a place in
    capitals (not a label such as 'PHOTO' or 'UPDATE', ``dateline_labels``) or an agency in
    brackets, then a dash or a colon.
    The one definition of a dateline: ``prepare_text`` breaks the sentence after it, and the
    document events (``docevents``) take their place, date and lead from it."""
    return _furniture_and_dateline(raw)[1]




GLUED_SEMICOLON = re.compile(r";(?=[^\s;])")
BROKEN_WORD = re.compile(r"([A-Za-z]+)\n([a-z]+)")
# Where a match of ``BROKEN_WORD`` can be: a letter, a line break, a lower-case letter.
_BREAK_IN_WORD = re.compile(r"[A-Za-z]\n[a-z]")


def _broken_words(text: str) -> Iterator[re.Match[str]]:
    """``BROKEN_WORD.finditer(text)``, without trying the expression at every letter: from
    each place where a word runs across a line break (``_BREAK_IN_WORD``), back to the start
    of its letters (not before the end of the match before), where ``finditer`` finds it."""
    pos = 0
    while (found := _BREAK_IN_WORD.search(text, pos)) is not None:
        start = found.start()
        while start > pos and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        m = BROKEN_WORD.match(text, start)
        yield m
        pos = m.end()


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


TITLE_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)?")


def _is_title_line(line: str) -> bool:
    """A headline in title case: most content words capitalized, no final full stop."""
    if line.rstrip().endswith("."):
        return False  # (asked first: most lines of running text end so, and their words are not read)
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if w.lower() not in _WORDS.title_small_words]
    if len(words) < 3:
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
    """Clean ``raw`` for parsing while keeping a map back to its offsets.

    Page furniture (``find_furniture``) is blanked in place. Furniture found inside a line
    leaves a line break where it began when a new sentence follows it, so the caption or
    headline before it is not parsed into the sentence after it; the separator after a
    dateline becomes a line break too, so the dateline stands as a segment of its own and
    lends the lead sentence no actor.
    """
    text0 = raw.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    chars = list(text0)
    found, dateline = _furniture_and_dateline(raw)
    furniture = _with_dateline(found, dateline)
    breaks: set[int] = set()
    for f in furniture:
        if f.kind == "dateline":
            continue
        for i in range(f.start, f.end):
            if chars[i] != "\n":
                chars[i] = " "
    if dateline is not None and dateline.byline is None and dateline.start > 0 and chars[dateline.start - 1] == " ":
        line_start = text0.rfind("\n", 0, dateline.start) + 1
        if text0[line_start : dateline.start].strip():
            # a dateline glued to the headline before it: a line break between them
            chars[dateline.start - 1] = "\n"
            breaks.add(dateline.start - 1)
    for f in furniture:
        if f.kind == "dateline":
            chars[f.start] = "\n"
            for i in range(f.start + 1, f.end):
                chars[i] = " "
            breaks.add(f.start)
            continue
        line_start = text0.rfind("\n", 0, f.start) + 1
        line_end = text0.find("\n", f.end)
        line_end = len(text0) if line_end < 0 else line_end
        if f.start == line_start and f.end == line_end:
            continue  # a whole line
        before = "".join(chars[max(line_start, f.start - 200) : f.start]).strip()
        if not before and f.start - 200 > line_start:
            before = "".join(chars[line_start : f.start]).strip()
        after = "".join(chars[f.end : min(line_end, f.end + 200)]).lstrip()
        if before and after and not (after[0].islower() or after[0] in ",;:)]"):
            chars[f.start] = "\n"
            breaks.add(f.start)
    segments: list[tuple[int, int]] = [(0, 0)]
    # "headline one;Headline two" (wire digests): the glued semicolon becomes a line break
    for m in GLUED_SEMICOLON.finditer(raw):
        if chars[m.start()] == ";":
            chars[m.start()] = "\n"
    text = "".join(chars)
    for m in _broken_words(text):
        left, right = m.group(1), m.group(2)
        if m.start(2) - 1 in breaks or not _should_join(left, right):
            continue
        # "dep\nloyed" becomes "deployed " so the text keeps its length and every
        # offset outside the rejoined word stays where it was.
        nl, end = m.start(2) - 1, m.end(2)
        chars[nl : end - 1] = chars[nl + 1 : end]
        chars[end - 1] = " "
        segments += [(nl, nl + 1), (end - 1, nl), (end, end)]
    return PreparedText(raw=raw, text="".join(chars), segments=tuple(segments), furniture=furniture, dateline=dateline)
