"""Location spans -> ``PlaceValue`` through the offline gazetteer (``extractor.gazetteer``)."""

from __future__ import annotations

from typing import Iterable

from extractor.gazetteer import get_gazetteer
from extractor.types import PlaceValue


def normalize_place(text: str, *, context_countries: Iterable[str] = ()) -> PlaceValue | None:
    """The place a location phrase names, or ``None``; never raises.

    ``context_countries`` are ISO alpha-2 codes of the countries the document mentions;
    they decide between places of the same name ("Donetsk" with "UA" -> the Ukrainian
    city). Phrases such as "the Kursk region", "Russia's Kursk region", "eastern Ukraine",
    "Russian soil" and "Donetsk, Ukraine" are understood (see ``Gazetteer.resolve``).
    """
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        codes = tuple(c for c in context_countries if isinstance(c, str))
    except TypeError:
        codes = ()
    try:
        return get_gazetteer().resolve(text, context_countries=codes)
    except (ValueError, KeyError, IndexError, TypeError, RecursionError):
        return None
