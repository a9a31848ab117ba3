"""Location spans -> ``PlaceValue`` through the offline gazetteer (``extractor.gazetteer``)."""

from __future__ import annotations

from typing import Iterable

from extractor.gazetteer import get_gazetteer
from extractor.types import PlaceValue


def normalize_place(
    text: str, *, context_countries: Iterable[str] = (), context_regions: Iterable[str] = ()
) -> PlaceValue | None:
    """The place a location phrase names, or ``None``; never raises.

    ``context_countries`` are ISO alpha-2 codes of the countries the document mentions;
    they decide between places of the same name ("Donetsk" with "UA" -> the Ukrainian
    city). ``context_regions`` are the first-level subdivisions it mentions (ISO 3166-2
    codes such as "UA-63", or names such as "Kharkiv Oblast"; see ``place_regions``); they
    decide between villages of the same name. Phrases such as "the Kursk region", "Russia's
    Kursk region", "eastern Ukraine", "Russian soil", "Donetsk, Ukraine" and "Hranitne,
    Donetsk Oblast" are understood (see ``Gazetteer.resolve``). Names missing from the main
    table of cities (15,000+ people) are looked up among GeoNames places of 500+ people,
    only inside the context countries (regions).
    """
    if not isinstance(text, str) or not text.strip():
        return None
    codes = _strings(context_countries)
    regions = _strings(context_regions)
    try:
        return get_gazetteer().resolve(text, context_countries=codes, context_regions=regions)
    except (ValueError, KeyError, IndexError, TypeError, RecursionError):
        return None


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


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    try:
        return tuple(c for c in items if isinstance(c, str))
    except TypeError:
        return ()
