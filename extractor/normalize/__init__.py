"""Normalizers: quantity and date spans -> typed values."""

from .date import normalize_date
from .quantity import normalize_quantity, parse_number

__all__ = ["normalize_date", "normalize_quantity", "parse_number"]
from .actor import normalize_actor
from .event_type import classify_action
from .place import normalize_place

__all__ += ["normalize_actor", "classify_action", "normalize_place"]
