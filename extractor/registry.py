"""Registries of swappable stages, addressed by versioned names in the config."""

from __future__ import annotations

import catalogue

linkers = catalogue.create("extractor", "linkers", entry_points=True)


def get_linker(name: str):
    """A linker instance by registered name ("extractor.dep_linker.v1")."""
    from .errors import ExtractorError

    # Importing the module registers the built-in linkers.
    from . import linking  # noqa: F401
    from . import learned  # noqa: F401

    try:
        factory = linkers.get(name)
    except catalogue.RegistryError:
        raise ExtractorError("E002", name=name, known=", ".join(sorted(linkers.get_all()))) from None
    return factory()
