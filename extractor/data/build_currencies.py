"""Regenerate ``currency_units.tsv`` from quantulum3's unit data.

Not imported by the library: the table is checked in so that the extractor does not
depend on quantulum3 (about 25 MB installed, of which it read one JSON file). To
regenerate::

    pip install --no-deps --target /tmp/q3 quantulum3==0.10.0
    PYTHONPATH=/tmp/q3 python extractor/data/build_currencies.py

Only the file is read (``units.json`` beside the package's ``__init__``); the package
is not imported. Output: one line per currency unit's surface (``surface``: a name such as
"dollar", lower-cased) and per symbol that is not a word (``symbol``: "$", "€"), with its
ISO 4217 code, in the order of ``units.json`` (the first code given for a text wins).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "currency_units.tsv"
VERSION = "0.10.0"
LICENCE = "MIT (c) 2016 Marco Lagi, nielstron, sohrabtowfighi, grhawk, Rodrigo Castro"


def rows(units: dict) -> list[tuple[str, str, str]]:
    out = []
    for unit in units.values():
        code = unit.get("currency_code") if isinstance(unit, dict) else None
        if not code:
            continue
        out.extend(("surface", surface.lower(), code) for surface in unit.get("surfaces", []))
        out.extend(("symbol", symbol, code) for symbol in unit.get("symbols", []) if not symbol.isalpha())
    return out


def main() -> None:
    spec = importlib.util.find_spec("quantulum3")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("quantulum3 is not installed: see this module's docstring")
    path = Path(list(spec.submodule_search_locations)[0]) / "units.json"
    units = json.loads(path.read_text(encoding="utf-8"))
    lines = [
        f"# source: quantulum3 {VERSION} (PyPI), quantulum3/units.json: its currency units; made by build_currencies.py",
        f"# licence: {LICENCE}",
        "# kind<TAB>text<TAB>ISO 4217 code",
    ]
    lines += ["\t".join(row) for row in rows(units)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(lines) - 3} rows")


if __name__ == "__main__":
    main()
