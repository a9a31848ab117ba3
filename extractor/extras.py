"""Optional dependencies: which extra provides a module, and the coded error when it is missing.

The default install reads and writes JSON Lines and CSV and runs the whole pipeline. Heavier
parts are extras (see ``pyproject.toml``), imported only when used:

- ``tables``: ``pyarrow`` and ``datasets``, for Parquet output and ``to_dataset``;
- ``dask``: ``dask.distributed``, for the Dask backend;
- ``eval``: ``scipy`` (the scorer's one-to-one matching), ``datasets`` (the outside data
  sets) and ``matplotlib`` (``evaluate --html`` charts);
- ``learned``: the learned linkers (``extractor.registry.require_learned_extra``, ``E022``).

``dev`` installs all of them. A missing one raises ``E060``, naming the extra to install.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def optional_import(module: str, *, extra: str, feature: str, alternative: str = "") -> ModuleType:
    """``importlib.import_module(module)``, or ``ExtractorError("E060")`` naming ``extra``
    when it is not installed. ``feature`` says what needs it ("Parquet output");
    ``alternative`` (", or ...") what works without it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        from .errors import ExtractorError

        missing = getattr(exc, "name", None) or module
        raise ExtractorError("E060", feature=feature, extra=extra, missing=missing, alternative=alternative) from exc
