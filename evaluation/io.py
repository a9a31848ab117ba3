"""Reading gold and prediction JSON Lines (annotation guide, section 3), validated.

One document per line: ``{"doc_id", "published"?, "tuples": [...]}``. Every problem is an
``EvaluationError`` whose message names the file, the 1-based line and what to fix:

======  ==============================================================
E100    the file cannot be read
E101    a line is not valid JSON
E102    a line is not a JSON object
E103    ``doc_id`` missing, empty or not a string
E104    ``tuples`` missing or not a list
E105    a tuple is not a JSON object
E106    a tuple has no ``action``
E107    the same ``doc_id`` on two lines
E108    a slot or text field of the wrong type
E109    a gold ``quantity_value`` that is not a number or range
E110    a gold ``date_value`` that is not ISO 8601
E111    an offset (``*_start`` / ``*_end``) that is not an integer
E112    ``published`` not a string
E113    ``events`` not a list of objects
E114    an event's ``mentions`` not a list of indices into ``tuples``
E115    ``main_event`` neither an object nor null
======  ==============================================================

Document-level events (guide section 5) are read too: ``events`` (``None`` when the line
has no such key) and the gold ``main_event``. Their slots, text fields, offsets and values
get the tuples' checks; an event needs no ``action`` (the main-event measure scores actor,
location and date).

Predictions are read with the same checks, except that a list where a prediction should
hold one string is collapsed to its first non-null item (so a gold file can be scored
against itself) and an unparseable predicted value is kept: it is a wrong prediction, not
a broken file (it then matches nothing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import EvaluationError
from .match import SLOTS, parse_date_value, parse_quantity_value

TEXT_FIELDS = (
    "quantity_unit",
    "modality",
    "source",
    "event_type",
    "actor_name",
    "actor_country",
    "location_name",
    "location_country",
    "evidence",
    "action_text",
)


@dataclass(frozen=True)
class Document:
    """One line of a gold or prediction file; ``tuples`` are the validated JSON objects."""

    doc_id: str
    tuples: tuple[dict[str, Any], ...]
    published: str | None = None
    line: int = 0
    events: tuple[dict[str, Any], ...] | None = None  # None: the line has no "events"
    main_event: dict[str, Any] | None = None
    has_main_event: bool = False  # the line has a "main_event" key (its value may be null)


def read_gold(path: str | Path) -> dict[str, Document]:
    """The documents of a gold file by ``doc_id``, in file order."""
    return _read(Path(path), gold=True)


def read_predictions(path: str | Path) -> dict[str, Document]:
    """The documents of a prediction file by ``doc_id``, in file order."""
    return _read(Path(path), gold=False)


def _read(path: Path, *, gold: bool) -> dict[str, Document]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(
            "E100", f"cannot read the file ({exc}); give the path of a UTF-8 JSON Lines file", path=str(path)
        ) from exc
    docs: dict[str, Document] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        doc = parse_document_line(raw, gold=gold, path=str(path), line=number)
        if doc.doc_id in docs:
            raise EvaluationError(
                "E107",
                f"doc_id {doc.doc_id!r} already appeared on line {docs[doc.doc_id].line}; "
                "keep one line per document",
                path=str(path),
                line=number,
            )
        docs[doc.doc_id] = doc
    return docs


def parse_document_line(raw: str, *, gold: bool, path: str = "<string>", line: int = 1) -> Document:
    """One validated document from one JSON line."""

    def fail(code: str, message: str) -> EvaluationError:
        return EvaluationError(code, message, path=path, line=line)

    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise fail("E101", f"invalid JSON ({exc.msg} at column {exc.colno}); write one JSON object per line") from exc
    if not isinstance(data, dict):
        raise fail("E102", f"expected a JSON object, got {type(data).__name__}; write one object per document")
    doc_id = data.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        raise fail("E103", "missing or empty 'doc_id'; give the article file name without its extension")
    published = data.get("published")
    if published is not None and not isinstance(published, str):
        raise fail("E112", f"'published' of {doc_id!r} must be an ISO date string or null")
    tuples = data.get("tuples")
    if not isinstance(tuples, list):
        raise fail(
            "E104",
            f"'tuples' of {doc_id!r} must be a list; write \"tuples\": [] for a document without events",
        )
    checked = tuple(
        _check_tuple(t, index=i, doc_id=doc_id, gold=gold, fail=fail) for i, t in enumerate(tuples, start=1)
    )
    events = None
    if "events" in data:
        events = _check_events(data["events"], n_tuples=len(checked), doc_id=doc_id, gold=gold, fail=fail)
    main_event = data.get("main_event")
    if main_event is not None:
        if not isinstance(main_event, dict):
            raise fail("E115", f"'main_event' of {doc_id!r} must be an object (slots as in a tuple) or null")
        main_event = _check_tuple(
            main_event, index=0, doc_id=doc_id, gold=gold, fail=fail, where=f"main_event of {doc_id!r}", event=True
        )
    return Document(
        doc_id=doc_id,
        tuples=checked,
        published=published,
        line=line,
        events=events,
        main_event=main_event,
        has_main_event="main_event" in data,
    )


def _check_events(events: Any, *, n_tuples: int, doc_id: str, gold: bool, fail) -> tuple[dict[str, Any], ...]:
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise fail("E113", f"'events' of {doc_id!r} must be a list of objects; write \"events\": [] for none")
    out = []
    for index, event in enumerate(events, start=1):
        where = f"event {index} of {doc_id!r}"
        mentions = event.get("mentions", [])
        if not isinstance(mentions, list) or not all(
            isinstance(m, int) and not isinstance(m, bool) and 0 <= m < n_tuples for m in mentions
        ):
            raise fail(
                "E114",
                f"{where}: 'mentions' is {mentions!r}; give a list of 0-based indices into the line's "
                f"{n_tuples} tuples",
            )
        out.append(_check_tuple(event, index=index, doc_id=doc_id, gold=gold, fail=fail, where=where, event=True))
    return tuple(out)


def _check_tuple(
    t: Any, *, index: int, doc_id: str, gold: bool, fail, where: str | None = None, event: bool = False
) -> dict[str, Any]:
    where = where or f"tuple {index} of {doc_id!r}"
    if not isinstance(t, dict):
        raise fail("E105", f"{where} is {type(t).__name__}, not an object; write each tuple as a JSON object")
    action = t.get("action")
    if not event and (
        action is None or action == "" or action == [] or (isinstance(action, list) and all(a is None for a in action))
    ):
        raise fail("E106", f"{where} has no 'action'; give the base form of the event verb or drop the tuple")
    out = dict(t)
    for name in SLOTS + TEXT_FIELDS:
        out[name] = _check_text(t.get(name), name=name, where=where, gold=gold, fail=fail)
    for name in [k for k in t if k.endswith(("_start", "_end"))]:
        value = t[name]
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise fail("E111", f"{where}: '{name}' is {value!r}; offsets are integers into the article text")
    for name, parse, code in (
        ("quantity_value", parse_quantity_value, "E109"),
        ("date_value", parse_date_value, "E110"),
    ):
        value = t.get(name)
        try:
            alts = parse(value)
        except ValueError as exc:
            if gold:
                raise fail(code, f"{where}: bad '{name}' ({exc}); see the annotation guide's optional fields") from exc
            continue
        if not gold and len(alts) > 1:
            out[name] = next((v for v in value if v is not None), None)
    return out


def _check_text(value: Any, *, name: str, where: str, gold: bool, fail) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list) and all(v is None or isinstance(v, str) for v in value):
        return value if gold else next((v for v in value if v is not None), None)
    shape = "null, a string, or a list of strings and null" if gold else "null or a string"
    raise fail("E108", f"{where}: '{name}' is {value!r}; it must be {shape}")
