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
    from .pipeline import Extractor, build_nlp, load
    from .types import (
        CONFIDENCE_RANGE,
        EVENT_TYPES,
        MODALITIES,
        SLOTS,
        ActorValue,
        DateValue,
        DocumentEvent,
        DocumentResult,
        EventTuple,
        PlaceValue,
        QuantityValue,
        Slot,
        to_pandas,
    )

__version__ = "0.1.0"
__all__ = [
    "CONFIDENCE_RANGE",
    "EVENT_TYPES",
    "MODALITIES",
    "SLOTS",
    "ActorValue",
    "DateValue",
    "DocumentEvent",
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
    "to_pandas",
]
# public name -> the module that defines it
_LAZY = {
    "to_dataset": ".io",
    "Extractor": ".pipeline",
    "build_nlp": ".pipeline",
    "load": ".pipeline",
    "CONFIDENCE_RANGE": ".types",
    "EVENT_TYPES": ".types",
    "MODALITIES": ".types",
    "SLOTS": ".types",
    "DocumentEvent": ".types",
    "DocumentResult": ".types",
    "to_pandas": ".types",
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
