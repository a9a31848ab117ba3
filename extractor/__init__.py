"""Event tuples (actor, action, quantity, location, date) from news text, with spaCy.

The names below are imported on first use (PEP 562), so ``import extractor``, the
``extractor --help`` and ``extractor evaluate`` commands and the result types do not import
spaCy; ``extractor.load()`` does, and builds the pipeline.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import ExtractorError

if TYPE_CHECKING:
    from .io import to_dataset
    from .pipeline import DocumentResult, Extractor, build_nlp, load
    from .types import ActorValue, DateValue, EventTuple, PlaceValue, QuantityValue, Slot

__version__ = "0.1.0"
__all__ = [
    "ActorValue",
    "DateValue",
    "DocumentResult",
    "EventTuple",
    "Extractor",
    "ExtractorError",
    "PlaceValue",
    "QuantityValue",
    "Slot",
    "build_nlp",
    "load",
    "to_dataset",
]
# public name -> the module that defines it
_LAZY = {
    "to_dataset": ".io",
    "DocumentResult": ".pipeline",
    "Extractor": ".pipeline",
    "build_nlp": ".pipeline",
    "load": ".pipeline",
    "ActorValue": ".types",
    "DateValue": ".types",
    "EventTuple": ".types",
    "PlaceValue": ".types",
    "QuantityValue": ".types",
    "Slot": ".types",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
