"""Slot and value matching of the annotation guide, section 4.

Gold slots are ``None``, a string, or a list of alternatives that may hold ``None``
("leaving the slot empty is acceptable too"). Predicted slots are ``None`` or a string.
Matching is *strict* (equal normalized strings) or *lenient* (one normalized string
contains the other on word boundaries), and is true when any gold alternative matches.

Normalized values:

- quantity values are a number or ``[low, high]``; they are read as closed intervals
  ``(low, high)`` (a single number ``v`` is ``(v, v)``). Strict: equal ends. Lenient: equal
  ends, or a single value inside the other side's range.
- date values are ISO 8601 "2024-10-23", "2024-10", "2024", intervals "2025-07/2025-08",
  and open intervals "2023-09/.." and "../2024-12"; they are read as the closed interval
  of days ``[first_day, last_day]`` (open ends are ``date.min`` / ``date.max``). Strict:
  the same interval. Lenient: one interval contains the other.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date
from typing import Any

from .normalize import contains_words, normalize_text

SLOTS = ("actor", "action", "quantity", "location", "date")

QuantityInterval = tuple[float, float]
DateInterval = tuple[date, date]

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[0-9:.+\-Z]*)?$")
OPEN_END = ".."


# --- alternatives ---------------------------------------------------------------------


def alternatives(value: Any) -> tuple[Any, ...]:
    """The gold alternatives of a slot or text field: ``()`` for ``None``, a 1-tuple for a
    scalar, the items of a list (``None`` items kept)."""
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(value)
    return (value,)


def accepts_null(value: Any) -> bool:
    """True when a gold slot may be left empty: it is null, an empty list, or lists null."""
    alts = alternatives(value)
    return not alts or any(a is None for a in alts)


def gives(value: Any) -> bool:
    """True when a gold slot or field states something: some alternative is not null."""
    return any(a is not None for a in alternatives(value))


# --- text -----------------------------------------------------------------------------


def text_match(pred: str, gold: str, *, lenient: bool) -> bool:
    """Compare two strings on normalized text: equal, or (lenient) one contains the other
    on word boundaries. Two strings that normalize to nothing match only strictly."""
    p, g = normalize_text(pred), normalize_text(gold)
    if p == g:
        return True
    return lenient and (contains_words(p, g) or contains_words(g, p))


def text_slot_match(pred: str | None, gold: Any, *, lenient: bool) -> bool:
    """True when the predicted string (or null) matches any gold alternative."""
    if pred is None:
        return accepts_null(gold)
    return any(
        isinstance(alt, str) and text_match(pred, alt, lenient=lenient) for alt in alternatives(gold)
    )


# --- quantity values ------------------------------------------------------------------


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a finite number")
    return float(value)


def _quantity_interval(value: Any) -> QuantityInterval:
    if isinstance(value, list):
        if len(value) == 1:
            v = _number(value[0])
            return (v, v)
        if len(value) == 2:
            lo, hi = _number(value[0]), _number(value[1])
            if lo > hi:
                raise ValueError(f"range {value!r} has low > high")
            return (lo, hi)
        raise ValueError(f"range {value!r} must be [low, high]")
    v = _number(value)
    return (v, v)


def parse_quantity_value(value: Any) -> tuple[QuantityInterval | None, ...]:
    """The alternatives of a ``quantity_value``: ``()`` for null, else intervals (``None``
    for a null alternative).

    A number is one value; a list of two numbers is a range. Any other list is a list of
    alternatives, each a number, a ``[low, high]`` range, a one-item list ``[v]`` or null;
    so two single-number alternatives are written ``[[1000], [2000]]``. Raises
    ``ValueError`` on anything else.
    """
    if value is None:
        return ()
    if isinstance(value, list):
        is_range = len(value) == 2 and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in value
        )
        if not is_range:
            if not value:
                raise ValueError("empty list; use null when no value is given")
            return tuple(None if v is None else _quantity_interval(v) for v in value)
    return (_quantity_interval(value),)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def quantity_interval_match(pred: QuantityInterval, gold: QuantityInterval, *, lenient: bool) -> bool:
    """Equal values or ranges; in lenient mode also a single value inside the other range."""
    if _close(pred[0], gold[0]) and _close(pred[1], gold[1]):
        return True
    if not lenient:
        return False
    p_single, g_single = _close(*pred), _close(*gold)
    if p_single and not g_single:
        return gold[0] <= pred[0] <= gold[1] or _close(pred[0], gold[0]) or _close(pred[0], gold[1])
    if g_single and not p_single:
        return pred[0] <= gold[0] <= pred[1] or _close(gold[0], pred[0]) or _close(gold[0], pred[1])
    return False


# --- date values ----------------------------------------------------------------------


def _iso_bounds(text: str) -> DateInterval:
    m = _ISO_DATE.match(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(m.group(1))
    if m.group(2) is None:
        return (date(year, 1, 1), date(year, 12, 31))
    month = int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r} has month {month}")
    if m.group(3) is None:
        return (date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
    return (date(year, month, int(m.group(3))),) * 2  # raises ValueError on a bad day


def date_interval(value: str) -> DateInterval:
    """The closed interval of days an ISO date value covers; raises ``ValueError``."""
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a string")
    if "/" not in value:
        return _iso_bounds(value)
    start_text, _, end_text = value.partition("/")
    start_text, end_text = start_text.strip(), end_text.strip()
    if start_text == OPEN_END and end_text == OPEN_END:
        raise ValueError(f"{value!r} is open at both ends")
    lo = date.min if start_text == OPEN_END else _iso_bounds(start_text)[0]
    hi = date.max if end_text == OPEN_END else _iso_bounds(end_text)[1]
    if lo > hi:
        raise ValueError(f"{value!r} ends before it starts")
    return (lo, hi)


def parse_date_value(value: Any) -> tuple[DateInterval | None, ...]:
    """The alternatives of a ``date_value``: ``()`` for null, else intervals (``None`` for a
    null alternative). Raises ``ValueError`` on a malformed value."""
    return tuple(None if alt is None else date_interval(alt) for alt in alternatives(value))


def date_interval_match(pred: DateInterval, gold: DateInterval, *, lenient: bool) -> bool:
    """Strict: the same interval. Lenient: one interval contains the other."""
    if pred == gold:
        return True
    if not lenient:
        return False
    return (pred[0] <= gold[0] and gold[1] <= pred[1]) or (gold[0] <= pred[0] and pred[1] <= gold[1])


# --- values with alternatives -----------------------------------------------------------


def _safe_parse(parse, value: Any) -> tuple | None:
    try:
        return parse(value)
    except ValueError:
        return None


def value_match(field: str, pred: Any, gold: Any, *, lenient: bool) -> bool:
    """True when a predicted ``quantity_value`` / ``date_value`` matches any gold alternative.

    A null prediction matches only a gold value that accepts null; a prediction that does
    not parse matches nothing.
    """
    parse, match = _VALUE_RULES[field]
    gold_alts = parse(gold)
    if pred is None:
        return not gold_alts or None in gold_alts
    pred_alts = _safe_parse(parse, pred)
    if not pred_alts or pred_alts[0] is None:
        return False
    return any(g is not None and match(pred_alts[0], g, lenient=lenient) for g in gold_alts)


_VALUE_RULES = {
    "quantity_value": (parse_quantity_value, quantity_interval_match),
    "date_value": (parse_date_value, date_interval_match),
}


# --- slots of tuples --------------------------------------------------------------------


def slot_match(slot: str, pred: dict[str, Any], gold: dict[str, Any], *, lenient: bool) -> bool:
    """True when the predicted tuple's ``slot`` matches the gold tuple's (null with null too).

    Quantity and date also match through ``quantity_value`` / ``date_value`` when the
    predicted slot is stated and both tuples give the value.
    """
    p, g = pred.get(slot), gold.get(slot)
    if text_slot_match(p, g, lenient=lenient):
        return True
    if p is None or not gives(g):
        return False
    field = {"quantity": "quantity_value", "date": "date_value"}.get(slot)
    if field is None or pred.get(field) is None or not gives(gold.get(field)):
        return False
    return value_match(field, pred[field], gold[field], lenient=lenient)


def field_match(field: str, pred: Any, gold: Any, *, lenient: bool) -> bool:
    """True when a predicted optional field matches the gold one (gold lists = alternatives).

    Values by the value rules; ``source`` by lenient text match in both modes; any other
    field by equal normalized text.
    """
    if field in _VALUE_RULES:
        return value_match(field, pred, gold, lenient=lenient)
    if pred is not None and not isinstance(pred, str):
        pred = str(pred)
    return text_slot_match(pred, gold, lenient=field == "source")
