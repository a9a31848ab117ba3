"""Event tuples (actor, action, quantity, location, date) from news text, with spaCy."""

from .errors import ExtractorError
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
