"""Normalizers: quantity and date spans -> typed values."""

from .date import normalize_date
from .quantity import normalize_quantity, parse_number

__all__ = ["normalize_date", "normalize_quantity", "parse_number"]
