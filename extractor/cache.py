"""Artefacts built once and kept on disk: the gazetteer and the place ruler's phrase table.

Building the gazetteer (GeoNames, ISO 3166, the vendored tables) and the ruler's ~52,000
place patterns takes several CPU seconds; reading them back from a pickle takes a fraction
of that. ``cached(name, build, key=...)`` returns what ``build()`` returns, from the cache
when an artefact made from the same inputs is there, else built and written for the next
process.

Where: ``$EXTRACTOR_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/extractor``, else
``~/.cache/extractor``. ``EXTRACTOR_CACHE=off`` (or ``0``, ``no``, ``false``) builds in
memory every time and writes nothing. A folder that cannot be written is not an error: the
artefact is built in memory, as without a cache.

Which: a file ``{name}-{version}-{package digest}-{key digest}.pickle``. The package digest
covers the package version, the Python version, the source of every module of the package
and every file under ``extractor/data`` (so editing the code or a word list rebuilds) and
the versions of the packages whose data the gazetteer reads (pycountry, spaCy; the GeoNames
tables are files under ``extractor/data``); the key digest covers the caller's ``key`` (the spaCy model and the ruler's
settings). A file that does not match is never read. When one is written, only the ``KEEP``
newest files of its name stay (other versions of the package, or source trees side by side,
keep theirs), and temporary files left by a killed process are removed after an hour.

Safe under concurrent processes: each writes to a temporary file in the same folder and
renames it into place (``os.replace``, atomic on POSIX and Windows), so a reader sees a
whole artefact or none; two processes that build at the same time both write whole files,
the last rename wins and both are the same. An unreadable or truncated file is rebuilt.
Only pickles this package wrote under the user's own cache folder are read.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
import time
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, TypeVar

T = TypeVar("T")

PACKAGE_DIR = Path(__file__).resolve().parent
OFF_VALUES = {"0", "off", "no", "false"}
# artefacts kept per name: the newest ones, whatever package digest made them
KEEP = 3
# a temporary file this old was left by a process that died while writing
TEMP_SECONDS = 3600
# packages whose installed data or behaviour the cached artefacts depend on
DEPENDENCIES = ("pycountry", "spacy")


def cache_dir() -> Path | None:
    """The cache folder (not created here), or ``None`` when ``EXTRACTOR_CACHE`` is off."""
    if os.environ.get("EXTRACTOR_CACHE", "").strip().lower() in OFF_VALUES:
        return None
    given = os.environ.get("EXTRACTOR_CACHE_DIR")
    if given:
        return Path(given).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "extractor"


def _version() -> str:
    try:
        return metadata.version("extractor")
    except metadata.PackageNotFoundError:  # run from a source tree: the digest still tells
        return "source"


@lru_cache(maxsize=1)
def package_digest() -> str:
    """SHA-256 (16 hex digits) of the package's source and data files and the versions of
    ``DEPENDENCIES``: what a cached artefact was built from."""
    digest = hashlib.sha256()
    digest.update(f"{_version()}|{sys.version_info[:2]}".encode())
    files = sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
    for path in files:
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for name in DEPENDENCIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    return digest.hexdigest()[:16]


def artefact_path(name: str, key: str = "", directory: Path | None = None) -> Path | None:
    """Where the artefact ``name`` built from the current package and ``key`` is kept."""
    directory = cache_dir() if directory is None else directory
    if directory is None:
        return None
    if "-" in name:
        raise ValueError(f"artefact name {name!r}: no '-' allowed")
    keyed = hashlib.sha256(f"{name}|{key}".encode()).hexdigest()[:8]
    return directory / f"{name}-{_version()}-{package_digest()}-{keyed}.pickle"


def cached(name: str, build: Callable[[], T], *, key: str = "", directory: Path | None = None) -> T:
    """``build()``, or the artefact a previous call with the same name, key and package
    wrote; writes it when it was built (see the module docstring)."""
    path = artefact_path(name, key, directory)
    if path is None:
        return build()
    found = _read(path)
    if found is not None:
        return found[0]
    value = build()
    _write(path, value)
    return value


def _read(path: Path) -> tuple[Any] | None:
    """``(value,)`` from ``path``, or ``None`` when missing or unreadable."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    # Unpickling creates a few hundred thousand objects: with the cyclic collector off it
    # takes a quarter of the time (no collection pass walks the half-built structures).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return (pickle.loads(data),)
    except Exception:  # noqa: BLE001 - a truncated or foreign file is rebuilt
        return None
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value: Any) -> None:
    """Write ``value`` to ``path`` through a temporary file and an atomic rename; remove
    other versions of the same artefact. Never raises for a folder that cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - an artefact that cannot be written is built again next time
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return
    _prune(path)


def _prune(path: Path) -> None:
    """Remove all but the ``KEEP`` newest artefacts of ``path``'s name (builds of other
    versions of the package, or of source trees side by side, keep a few each)."""
    name = path.name.split("-", 1)[0]
    try:
        found = sorted(path.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    now = time.time()
    stale = [p for p in path.parent.glob(f".{name}-*.tmp") if _age(p, now) > TEMP_SECONDS]
    for old in [p for p in found[KEEP:] if p != path] + stale:
        try:
            old.unlink()  # a process still reading it keeps its open file
        except OSError:
            pass


def _age(path: Path, now: float) -> float:
    try:
        return now - path.stat().st_mtime
    except OSError:
        return 0.0


def loading_note(linker: str) -> str:
    """One line saying what ``extractor.load`` is about to load, for the command line."""
    from .model import model_name

    try:
        model = model_name()
    except Exception:  # noqa: BLE001 - load() itself reports a missing model
        model = "the spaCy model"
    path = artefact_path("gazetteer")
    if path is None:
        places = "building the gazetteer and place ruler (EXTRACTOR_CACHE is off)"
    elif path.exists():
        places = f"the gazetteer and place ruler from {path.parent}"
    else:
        places = f"building the gazetteer and place ruler once into {path.parent} (a few seconds)"
    return f"loading {model}, {places}, linker {linker} ..."
