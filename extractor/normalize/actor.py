"""Actor spans -> ``ActorValue``: canonical name, ISO alpha-2 country and sector.

Sectors: ``government``, ``military``, ``intelligence``, ``police``, ``civilians``,
``armed group``, ``international organisation``, ``media``, ``other``; ``None`` when the
text does not say (a bare person name, "the Russians").

How a phrase is read:

- Tables of general knowledge below: seats of government that stand for their state
  ("the Kremlin", "the White House"), international organisations ("NATO", "the UN"),
  widely cited national agencies and state news agencies by acronym ("CIA", "FSB", "NIS").
- A country name, an abbreviation ("U.S."), or its capital ("Pyongyang", "Moscow"; capitals
  of 100,000+ people that are not common English words) stands for its state: canonical
  country name, sector ``government``.
- Otherwise the state comes from a country, demonym, capital or place inside the phrase
  ("North Korean soldiers", "South Korea's National Intelligence Service", "Government of
  Ukraine", "Donetsk rebels"), and the sector from the rightmost head word found in
  ``SECTOR_WORDS`` ("Ukrainian military intelligence" -> intelligence).
- The canonical ``name`` is the country's name for state sectors (government, military,
  intelligence, police) and for bare country/capital/demonym mentions; a person's name
  when a title introduces one ("Russian President Vladimir Putin" -> "Vladimir Putin", RU,
  government); otherwise the phrase itself, without determiners and possessives.
- A plain person or organisation name is kept as the name, with no country or sector.

The English word classes (sector head words, titles, pronouns, determiners, honorifics) are
data files of the shipped lexicon (``extractor/data/lexicon/``, see ``extractor.lexicon``);
the tables of named seats, organisations and agencies below are general knowledge, not
word classes, and stay here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import extractor.gazetteer as _gazetteer

from extractor.gazetteer import ABBREVIATIONS, get_gazetteer, is_common_word, name_key
from extractor.lexicon import default_lexicon
from extractor.types import ActorValue

_WORDS = default_lexicon()  # normalizers read the shipped lexicon

SECTORS = (
    "government",
    "military",
    "intelligence",
    "police",
    "civilians",
    "armed group",
    "international organisation",
    "media",
    "other",
)
# The sectors of a state's own bodies: their actor is the state ("North Korean soldiers").
STATE_SECTORS = frozenset({"government", "military", "intelligence", "police"})
# The sectors of the armed or security domain (an event cue: ``build.security_cue``).
SECURITY_SECTORS = frozenset({"military", "armed group", "police", "intelligence"})


def _sector_words() -> dict[str, str]:
    """Head word -> sector, from the lexicon class of each sector ("armed group":
    ``sector_armed_group``); international organisations are named in a table instead."""
    out: dict[str, str] = {}
    for sector in SECTORS:
        name = "sector_" + sector.replace(" ", "_")
        if name in _WORDS:
            out.update(dict.fromkeys(_WORDS.words(name), sector))
    return out


# Head words -> sector. Multi-word heads are matched before their last word alone.
SECTOR_WORDS = _sector_words()

# Seats of government and institutions that stand for a state (general knowledge).
SEATS: dict[str, tuple[str, str]] = {
    "kremlin": ("RU", "government"),
    "white house": ("US", "government"),
    "pentagon": ("US", "military"),
    "capitol hill": ("US", "government"),
    "state department": ("US", "government"),
    "downing street": ("GB", "government"),
    "whitehall": ("GB", "government"),
    "elysee": ("FR", "government"),
    "elysee palace": ("FR", "government"),
    "zhongnanhai": ("CN", "government"),
    "blue house": ("KR", "government"),
    "knesset": ("IL", "government"),
    "bundestag": ("DE", "government"),
    "duma": ("RU", "government"),
    "state duma": ("RU", "government"),
    "verkhovna rada": ("UA", "government"),
}
# International organisations: key -> canonical name.
INTERNATIONAL_ORGS: dict[str, str] = {
    "un": "United Nations", "united nations": "United Nations", "u n": "United Nations",
    "un security council": "UN Security Council", "security council": "UN Security Council",
    "nato": "NATO", "eu": "European Union", "european union": "European Union",
    "european commission": "European Commission", "iaea": "IAEA", "osce": "OSCE",
    "icrc": "International Committee of the Red Cross",
    "red cross": "International Committee of the Red Cross",
    "international committee of the red cross": "International Committee of the Red Cross",
    "who": "World Health Organization", "world health organization": "World Health Organization",
    "imf": "IMF", "international monetary fund": "IMF", "world bank": "World Bank",
    "african union": "African Union", "asean": "ASEAN", "unhcr": "UNHCR", "unicef": "UNICEF",
    "world food programme": "World Food Programme", "wfp": "World Food Programme",
    "opcw": "OPCW", "icc": "International Criminal Court",
    "international criminal court": "International Criminal Court",
    "arab league": "Arab League", "g7": "G7", "g20": "G20", "brics": "BRICS",
    "csto": "CSTO", "sco": "Shanghai Cooperation Organisation",
}
# Widely cited national agencies by acronym: key -> (country, sector, canonical name).
AGENCIES: dict[str, tuple[str, str, str]] = {
    "cia": ("US", "intelligence", "CIA"), "nsa": ("US", "intelligence", "NSA"),
    "fbi": ("US", "police", "FBI"), "dia": ("US", "intelligence", "DIA"),
    "fsb": ("RU", "intelligence", "FSB"), "svr": ("RU", "intelligence", "SVR"),
    "gru": ("RU", "intelligence", "GRU"), "sbu": ("UA", "intelligence", "SBU"),
    "hur": ("UA", "intelligence", "HUR"), "gur": ("UA", "intelligence", "HUR"),
    "mi6": ("GB", "intelligence", "MI6"), "mi5": ("GB", "intelligence", "MI5"),
    "mossad": ("IL", "intelligence", "Mossad"), "shin bet": ("IL", "intelligence", "Shin Bet"),
    "nis": ("KR", "intelligence", "NIS"), "isi": ("PK", "intelligence", "ISI"),
    "mss": ("CN", "intelligence", "MSS"), "dgse": ("FR", "intelligence", "DGSE"),
    "bnd": ("DE", "intelligence", "BND"), "irgc": ("IR", "military", "IRGC"),
    "pla": ("CN", "military", "PLA"), "idf": ("IL", "military", "IDF"),
    "kpa": ("KP", "military", "KPA"),
    "kcna": ("KP", "media", "KCNA"), "tass": ("RU", "media", "TASS"),
    "ria novosti": ("RU", "media", "RIA Novosti"), "interfax": ("RU", "media", "Interfax"),
    "yonhap": ("KR", "media", "Yonhap"), "xinhua": ("CN", "media", "Xinhua"),
    "ukrinform": ("UA", "media", "Ukrinform"), "bbc": ("GB", "media", "BBC"),
}
_EDGE = "\"'\u201c\u201d\u2018\u2019()[]{},;:.!?*"
_MAX_WORDS = 16


def normalize_actor(text: str, *, context_countries: Iterable[str] = ()) -> ActorValue | None:
    """The canonical actor a phrase names, or ``None`` for empty text and pronouns; never raises."""
    if not isinstance(text, str):
        return None
    try:
        ctx = tuple(c for c in context_countries if isinstance(c, str))
    except TypeError:
        ctx = ()
    try:
        return _normalize_kept(text, ctx, get_gazetteer(), _gazetteer.small_places)
    except (ValueError, KeyError, IndexError, TypeError, RecursionError):
        return None


@lru_cache(maxsize=8192)
def _normalize_kept(text: str, ctx: tuple[str, ...], gazetteer, small_places) -> ActorValue | None:
    """``_normalize``, whose answers are kept: the same actor is named again and again (in
    a document, across documents), and the answer depends only on the phrase, the context
    countries and the gazetteer with its small-place table (``gazetteer.small_places``,
    which tests replace), given with them."""
    return _normalize(text, ctx)


def sector_of(phrase: str) -> str | None:
    """Sector named by the rightmost head word of a phrase ("Ukrainian military intelligence" -> intelligence)."""
    words = _words(phrase)
    found = _rightmost_sector(words)
    return found[0] if found else None


def _normalize(text: str, ctx: tuple[str, ...]) -> ActorValue | None:
    phrase = _clean(text)
    if not phrase:
        return None
    key = name_key(phrase)
    if not key or (key in _WORDS.pronouns and not (phrase.isupper() and len(phrase) > 1)):
        return None
    gaz = get_gazetteer()

    # Tables of general knowledge.
    seat = SEATS.get(key)
    if seat is not None:
        return _state(seat[0], seat[1])
    if key in INTERNATIONAL_ORGS and _names_org(phrase, INTERNATIONAL_ORGS[key]):
        return ActorValue(INTERNATIONAL_ORGS[key], None, "international organisation")
    agency = AGENCIES.get(key)
    if agency is not None and _names_org(phrase, agency[2]):
        return ActorValue(agency[2], agency[0], agency[1])

    # The whole phrase is a state: country, abbreviation or capital.
    cc = _state_of_place(phrase, ctx)
    if cc is not None:
        return _state(cc, "government")
    demonym_cc = gaz.country_of_demonym(phrase)
    if demonym_cc is not None:
        return ActorValue(_country_name(demonym_cc), demonym_cc, None)

    words = _words(phrase)[:_MAX_WORDS]
    found = _rightmost_sector(words)
    sector = found[0] if found else None
    country = _country_in(words, ctx, places=found is not None)
    person = _person_after_title(words, found)

    if person is not None:
        return ActorValue(person, country, sector)
    if country is not None and sector in STATE_SECTORS:
        return ActorValue(_country_name(country), country, sector)
    if country is None and found is None:
        place = gaz.resolve(phrase, context_countries=ctx)
        if place is not None and not (" " not in phrase and is_common_word(phrase)):
            # A place as actor: "Kursk". A named region or self-declared entity ("the DPR")
            # gets no state: its forces are often that state's adversary.
            return ActorValue(phrase, place.country if place.feature != "region" else None, None)
    if country is None:
        org = _known_inside(words)
        if org is not None:
            name, org_cc, org_sector = org
            return ActorValue(name, org_cc, sector if sector and org_sector is None else org_sector or sector)
    return ActorValue(phrase, country, sector)


def _state(cc: str, sector: str) -> ActorValue:
    return ActorValue(_country_name(cc), cc, sector)


def _country_name(cc: str) -> str:
    place = get_gazetteer().country(cc)
    return place.name if place is not None else cc


def _clean(text: str) -> str:
    s = " ".join(text.split()).strip(_EDGE + " ")
    s = re.sub(r"\s*\([^)]*\)$", "", s)  # "Government of Russia (Soviet Union)"
    s = re.sub(r"\s+['\u2019]\s*s\b", "'s", s)  # RAMS-style "Russia 's"
    s = re.sub(r"['\u2019]s$|(?<=s)['\u2019]$", "", s)
    words = s.split()
    while len(words) > 1 and words[0].lower() in _WORDS.determiners:
        words = words[1:]
    if len(words) > 1 and words[0].lower().rstrip(".") in _WORDS.honorifics and words[1][:1].isupper():
        words = words[1:]
    return " ".join(words).strip(_EDGE + " ")


def _words(phrase: str) -> list[str]:
    """Words of a phrase with possessives split off ("Korea's" -> "Korea", "'s")."""
    out = []
    for w in re.findall(r"[\w.\-&]+|['\u2019]s\b", phrase.replace("\u2019", "'")):
        out.append(w.strip("."))
    return [w for w in out if w]


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _rightmost_sector(words: list[str]) -> tuple[str, int, int] | None:
    """(sector, start, end) of the rightmost sector head word or multi-word head."""
    low = [w.lower() for w in words]
    for end in range(len(low), 0, -1):
        for size in (3, 2, 1):
            start = end - size
            if start < 0:
                continue
            chunk = low[start:end]
            candidates = {" ".join(chunk), " ".join(chunk[:-1] + [_singular(chunk[-1])])}
            for cand in candidates:
                if cand in SECTOR_WORDS:
                    # "General Staff", "state media" are multi-word heads; "general public" is not military
                    if size == 1 and cand in _WORDS.ambiguous_sector_heads and end < len(low) and not words[end][:1].isupper():
                        continue
                    return SECTOR_WORDS[cand], start, end
    return None


def _person_after_title(words: list[str], found: tuple[str, int, int] | None) -> str | None:
    """"Russian President Vladimir Putin" -> "Vladimir Putin": capitalized words after a title."""
    if found is None:
        return None
    _, start, end = found
    title = " ".join(w.lower() for w in words[start:end])
    if title not in _WORDS.title_words and _singular(title) not in _WORDS.title_words:
        return None
    rest = words[end:]
    if not rest or not all(w[:1].isupper() for w in rest) or rest[0] == "'s":
        return None
    name = " ".join(rest)
    place = get_gazetteer().resolve(name)
    if place is not None and place.feature == "country":
        return None
    return name


def _state_of_place(phrase: str, ctx: tuple[str, ...]) -> str | None:
    """Alpha-2 code when the phrase is a country, its abbreviation, or its capital."""
    if phrase in ABBREVIATIONS:
        return ABBREVIATIONS[phrase]
    gaz = get_gazetteer()
    candidates = gaz.lookup(phrase)
    if not candidates:
        return None
    place = gaz.resolve(phrase, context_countries=ctx)
    if place is None:
        return None
    if place.feature == "country" and name_key(phrase) not in ("the north", "the south"):
        return place.country
    if (
        place.feature == "city"
        and gaz.is_capital(place)
        and gaz.population(place) >= 100_000
        and not (" " not in phrase and is_common_word(phrase, strong_only=True))
    ):
        return place.country
    return None


def _country_in(words: list[str], ctx: tuple[str, ...], *, places: bool) -> str | None:
    """Country named inside a phrase by a country, demonym, capital or agency, and, when
    ``places`` (the phrase has a sector head: "Donetsk rebels"), by any other place."""
    gaz = get_gazetteer()
    n = len(words)
    # Longest spans first, left to right: "South Korea's", "North Korean", "Government of Ukraine".
    for size in range(min(4, n), 0, -1):
        for start in range(0, n - size + 1):
            chunk = words[start:start + size]
            if chunk[0] == "'s" or chunk[-1] == "'s":
                continue
            text = " ".join(chunk)
            if not text[:1].isupper() and text not in ABBREVIATIONS:
                continue
            cc = gaz.country_of_demonym(text)
            if cc is not None:
                return cc
            cc = _state_of_place(text, ctx)
            if cc is not None:
                return cc
            agency = AGENCIES.get(name_key(text))
            if agency is not None:
                return agency[0]
            if places and size <= 3 and not (size == 1 and is_common_word(text)):
                place = gaz.resolve(text, context_countries=ctx)
                if place is not None and place.feature in ("city", "admin1") and name_key(text) not in SECTOR_WORDS:
                    return place.country
    return None


def _known_inside(words: list[str]) -> tuple[str, str | None, str | None] | None:
    """An international organisation or agency named inside the phrase."""
    for size in (4, 3, 2, 1):
        for start in range(0, len(words) - size + 1):
            text = " ".join(words[start:start + size])
            key = name_key(text)
            if key in INTERNATIONAL_ORGS and _names_org(text, INTERNATIONAL_ORGS[key]):
                return INTERNATIONAL_ORGS[key], None, "international organisation"
            if key in AGENCIES and _names_org(text, AGENCIES[key][2]):
                cc, sector, name = AGENCIES[key]
                return name, cc, sector
    return None


def _names_org(text: str, canonical: str) -> bool:
    """An acronym in capitals ("UN", not "Un" in "Kim Jong Un"), or a name as the table writes it."""
    if " " in text.strip():
        return not text.islower() or text.lower().startswith(("red cross", "security council"))
    return text.isupper() or text == canonical
