"""extractor.cache: artefacts built once, read back, rebuilt when missing, stale or damaged,
written atomically so that concurrent processes never read half a file."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor import cache


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value):
        self.value = value
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.value


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch):
    monkeypatch.delenv("EXTRACTOR_CACHE", raising=False)


def test_built_once_then_read_back(tmp_path):
    build = Builds({"Kyiv": [50.45, 30.52]})
    first = cache.cached("thing", build, directory=tmp_path)
    second = cache.cached("thing", build, directory=tmp_path)
    assert first == second == {"Kyiv": [50.45, 30.52]}
    assert build.calls == 1
    assert second is not first  # the second came from the file
    assert [p.name.split("-")[0] for p in tmp_path.iterdir()] == ["thing"]


def test_another_key_is_another_artefact(tmp_path):
    build = Builds([1])
    cache.cached("thing", build, key="model-a", directory=tmp_path)
    cache.cached("thing", build, key="model-b", directory=tmp_path)
    cache.cached("thing", build, key="model-a", directory=tmp_path)
    assert build.calls == 2


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps([1, 2, 3])[:-3]])
def test_a_damaged_file_is_rebuilt_and_replaced(tmp_path, damage):
    build = Builds(["whole"])
    path = cache.artefact_path("thing", directory=tmp_path)
    path.write_bytes(damage)
    assert cache.cached("thing", build, directory=tmp_path) == ["whole"]
    assert build.calls == 1
    assert pickle.loads(path.read_bytes()) == ["whole"]


@pytest.mark.parametrize("value", ["off", "0", "no", "false", "OFF"])
def test_cache_off_builds_every_time_and_writes_nothing(tmp_path, monkeypatch, value):
    monkeypatch.setenv("EXTRACTOR_CACHE", value)
    monkeypatch.setenv("EXTRACTOR_CACHE_DIR", str(tmp_path))
    build = Builds(7)
    assert cache.cached("thing", build) == 7 and cache.cached("thing", build) == 7
    assert build.calls == 2
    assert list(tmp_path.iterdir()) == []


def test_folder_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("EXTRACTOR_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "extractor"


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    build = Builds("value")
    assert cache.cached("thing", build, directory=blocker / "cache") == "value"
    assert cache.cached("thing", build, directory=blocker / "cache") == "value"
    assert build.calls == 2


def test_only_the_newest_artefacts_of_a_name_stay(tmp_path):
    old = []
    for k in range(4):
        path = tmp_path / f"thing-0.0.{k}-{k:016x}-00000000.pickle"
        path.write_bytes(pickle.dumps(k))
        os.utime(path, (time.time() - 1000 + k, time.time() - 1000 + k))
        old.append(path)
    other = tmp_path / "other-0.0.0-0000000000000000-00000000.pickle"
    other.write_bytes(pickle.dumps("other"))
    left_over = tmp_path / ".thing-killed.tmp"
    left_over.write_bytes(b"half")
    os.utime(left_over, (time.time() - 2 * cache.TEMP_SECONDS,) * 2)
    cache.cached("thing", Builds("new"), directory=tmp_path)
    kept = sorted(p.name for p in tmp_path.iterdir())
    newest = [p.name for p in old[-(cache.KEEP - 1) :]]
    assert kept == sorted([cache.artefact_path("thing", directory=tmp_path).name, *newest, other.name])


def test_the_package_digest_follows_source_and_data(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "module.py").write_text("x = 1\n")
    (tmp_path / "data" / "words.txt").write_text("# source: test\nkill\n")
    monkeypatch.setattr(cache, "PACKAGE_DIR", tmp_path)
    digests = []
    for change in (None, ("data/words.txt", "# source: test\nkill\nwound\n"), ("module.py", "x = 2\n")):
        if change:
            (tmp_path / change[0]).write_text(change[1])
        cache.package_digest.cache_clear()
        digests.append(cache.package_digest())
    cache.package_digest.cache_clear()
    assert len(set(digests)) == 3


CONCURRENT = """
import sys, time
from pathlib import Path
from extractor import cache

def build():
    time.sleep(0.5)  # every process is building at the same time
    return list(range(200_000))

value = cache.cached("shared", build, directory=Path(sys.argv[1]))
print(value == list(range(200_000)))
"""


def test_concurrent_processes_write_whole_files(tmp_path):
    procs = [subprocess.Popen([sys.executable, "-c", CONCURRENT, str(tmp_path)], stdout=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert outputs == ["True"] * 4
    (artefact,) = tmp_path.iterdir()  # one whole file, no temporary file left
    assert pickle.loads(artefact.read_bytes()) == list(range(200_000))
    assert cache.cached("shared", Builds(None), directory=tmp_path) == list(range(200_000))


def test_loading_note_says_whether_places_are_built_or_read(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_CACHE_DIR", str(tmp_path))
    assert f"building the gazetteer and place ruler once into {tmp_path}" in cache.loading_note("extractor.dep_linker.v1")
    cache.artefact_path("gazetteer").write_bytes(pickle.dumps(None))
    note = cache.loading_note("extractor.dep_linker.v1")
    assert f"the gazetteer and place ruler from {tmp_path}" in note and "extractor.dep_linker.v1" in note
    monkeypatch.setenv("EXTRACTOR_CACHE", "off")
    assert "EXTRACTOR_CACHE is off" in cache.loading_note("extractor.dep_linker.v1")
