"""Frozen, serializable result types.

Every value carries character offsets into the original article text rather than
spaCy ``Span`` objects, so results outlive the ``Doc`` and cross process and file
boundaries unchanged. ``EventTuple.to_dict`` gives the flat JSON form of the
annotation guide (section 3); ``from_dict`` reads it back, losslessly for every type:
``X.from_dict(x.to_dict()) == x`` (also through ``json.dumps``/``json.loads``).

Allowed values (the annotation guide, section 3): ``modality`` is one of ``MODALITIES``,
``event_type`` one of ``EVENT_TYPES`` (or ``None`` where no class was given), and
``confidence`` a float in ``CONFIDENCE_RANGE`` (0 to 1, inclusive). ``repr`` of a result is
one short line with the five slots; ``to_pandas`` makes a table of a list of results.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterable, Mapping

__all__ = [
    "SLOTS",
    "MODALITIES",
    "EVENT_TYPES",
    "CONFIDENCE_RANGE",
    "Slot",
    "QuantityValue",
    "DateValue",
    "PlaceValue",
    "ActorValue",
    "EventTuple",
    "SlotOrigin",
    "DocumentEvent",
    "DocumentResult",
    "to_pandas",
]

SLOTS = ("actor", "action", "quantity", "location", "date")
MODALITIES = ("asserted", "reported", "planned", "negated")
EVENT_TYPES = (
    "deploy",
    "supply",
    "pay",
    "casualty",
    "agree",
    "combat",
    "train",
    "reconstruct",
    "other",
)
# the lowest and highest confidence an event can have
CONFIDENCE_RANGE = (0.0, 1.0)
_REPR_WIDTH = 40


def _short(text: str | None) -> str:
    """``repr`` of a slot's text, cut to a few words."""
    if text is None:
        return "None"
    if len(text) > _REPR_WIDTH:
        text = text[: _REPR_WIDTH - 1] + "\u2026"
    return repr(text)


@dataclass(frozen=True)
class Slot:
    """A stretch of the article text: ``text == article[start:end]`` when offsets are known."""

    text: str
    start: int | None = None
    end: int | None = None

    def __repr__(self) -> str:
        where = f" {self.start}:{self.end}" if self.start is not None or self.end is not None else ""
        return f"Slot({_short(self.text)}{where})"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Slot":
        return cls(text=data["text"], start=data.get("start"), end=data.get("end"))


@dataclass(frozen=True)
class QuantityValue:
    """A normalized amount.

    ``value`` is a number, or a ``(low, high)`` pair for ranges. ``unit`` is the counted
    noun ("troops") or an ISO 4217 code ("USD"). ``bound`` keeps "at least" and friends
    as one of ``min``, ``max``, ``over``, ``under``; ``rate`` is the period of a rate
    ("month", "year"); ``vague`` marks magnitudes read by the conservative rule
    ("thousands" -> 1000).
    """

    value: float | tuple[float, float] | None
    unit: str | None = None
    approximate: bool = False
    bound: str | None = None
    rate: str | None = None
    vague: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if isinstance(self.value, tuple):
            data["value"] = list(self.value)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "QuantityValue":
        value = data.get("value")
        if isinstance(value, list):
            value = (value[0], value[1])
        return cls(
            value=value,
            unit=data.get("unit"),
            approximate=bool(data.get("approximate", False)),
            bound=data.get("bound"),
            rate=data.get("rate"),
            vague=bool(data.get("vague", False)),
        )


@dataclass(frozen=True)
class DateValue:
    """A date resolved to ISO 8601 at the precision of the text.

    ``value`` is "2024-10-23", "2024-10", "2024", an interval "2025-07/2025-08", an open
    interval "2023-09/..", or ``None`` when the expression cannot be resolved.
    """

    value: str | None
    text: str = ""

    @property
    def start(self) -> dt.date | None:
        """The first day the value covers ("2024-10" -> 2024-10-01; "2024-10/2024-11" ->
        2024-10-01); ``None`` for an open start ("../2024") or no value."""
        return _first_day(self.value.split("/")[0]) if self.value else None

    @property
    def end(self) -> dt.date | None:
        """The last day the value covers ("2024-10" -> 2024-10-31; "2024-10/2024-11" ->
        2024-11-30); ``None`` for an open end ("2023-09/..") or no value."""
        return _last_day(self.value.split("/")[-1]) if self.value else None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DateValue":
        return cls(value=data.get("value"), text=data.get("text", ""))


def _parts(text: str) -> list[int] | None:
    if text in ("", ".."):
        return None
    try:
        return [int(p) for p in text.split("-")]
    except ValueError:
        return None


def _first_day(text: str) -> dt.date | None:
    parts = _parts(text)
    if parts is None:
        return None
    year, month, day = (parts + [1, 1])[:3]
    return dt.date(year, month, day)


def _last_day(text: str) -> dt.date | None:
    parts = _parts(text)
    if parts is None:
        return None
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(*parts[:3])


@dataclass(frozen=True)
class PlaceValue:
    """A place resolved against the gazetteer.

    ``feature``: ``"country"``, ``"admin1"``, ``"admin2"``, ``"city"``, ``"region"`` (a named
    region of ``data/regions.tsv``), ``"landmark"`` (a seat of government of that file) or
    ``"named"`` (a proper name the gazetteer does not know, kept as written: "Trump Tower";
    no coordinates, the document's one country if any: ``build._named_place``) or
    ``"context"`` (a common noun that names no place, "the city": no name, the document's
    country, ``build._context_place``)."""

    name: str | None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None
    feature: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PlaceValue":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class ActorValue:
    """A canonical actor: the state or body it stands for, and its sector."""

    name: str
    country: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ActorValue":
        return cls(name=data["name"], country=data.get("country"), sector=data.get("sector"))


@dataclass(frozen=True)
class EventTuple:
    """One event mention: who did what, how much, where and when."""

    action: Slot
    actor: Slot | None = None
    quantity: Slot | None = None
    location: Slot | None = None
    date: Slot | None = None
    lemma: str | None = None
    quantity_value: QuantityValue | None = None
    date_value: DateValue | None = None
    place: PlaceValue | None = None
    actor_value: ActorValue | None = None
    modality: str = "asserted"
    source: Slot | None = None
    event_type: str | None = None
    evidence: Slot | None = None
    confidence: float = 1.0
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # the linker rule that filled each slot ({"actor": "passive_agent", "date": "prep_date"}),
    # None when the linker names none
    rules: Mapping[str, str] | None = field(default=None, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rules", dict(self.rules) if self.rules else None)

    @property
    def action_lemma(self) -> str:
        """The action's lemma ("send"), or its text where no lemma was given."""
        return self.lemma or self.action.text

    @property
    def action_text(self) -> str:
        """The action as the text says it ("sent")."""
        return self.action.text

    @property
    def location_value(self) -> PlaceValue | None:
        """The resolved place of the ``location`` slot (the field ``place``, under the
        slot's name, as in the JSON form's ``location_*`` keys)."""
        return self.place

    def _slots_repr(self) -> str:
        action = _short(self.action_lemma)
        if self.lemma and self.lemma != self.action.text:
            action += f" ({_short(self.action.text)})"
        parts = []
        for name in SLOTS:
            slot = getattr(self, name)
            parts.append(f"{name}={action if name == 'action' else _short(slot.text if slot else None)}")
        tags = [t for t in (self.event_type, self.modality) if t]
        return ", ".join(parts) + ("; " + ", ".join(tags) if tags else "")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._slots_repr()})"

    def to_dict(self) -> dict[str, Any]:
        """The flat JSON form of the annotation guide, plus offsets and details."""
        out: dict[str, Any] = {}
        for name in SLOTS:
            slot: Slot | None = getattr(self, name)
            if name == "action":
                out[name] = self.lemma or self.action.text
                out["action_text"] = self.action.text
                out["action_lemma"] = self.lemma
            else:
                out[name] = slot.text if slot else None
            if slot is not None and (slot.start is not None or slot.end is not None):
                out[f"{name}_start"] = slot.start
                out[f"{name}_end"] = slot.end
        q = self.quantity_value
        out["quantity_value"] = (list(q.value) if isinstance(q.value, tuple) else q.value) if q else None
        out["quantity_unit"] = q.unit if q else None
        if q is not None:
            out["quantity_detail"] = q.to_dict()
        out["date_value"] = self.date_value.value if self.date_value else None
        if self.date_value is not None:
            out["date_detail"] = self.date_value.to_dict()
        out["modality"] = self.modality
        out["source"] = self.source.text if self.source else None
        if self.source is not None and (self.source.start is not None or self.source.end is not None):
            out["source_start"], out["source_end"] = self.source.start, self.source.end
        out["event_type"] = self.event_type
        a = self.actor_value
        out["actor_name"] = a.name if a else None
        out["actor_country"] = a.country if a else None
        out["actor_sector"] = a.sector if a else None
        p = self.place
        out["location_name"] = p.name if p else None
        out["location_country"] = p.country if p else None
        out["location_lat"] = p.lat if p else None
        out["location_lon"] = p.lon if p else None
        out["location_geonameid"] = p.geonameid if p else None
        out["location_admin1"] = p.admin1 if p else None
        out["location_feature"] = p.feature if p else None
        out["evidence"] = self.evidence.text if self.evidence else None
        if self.evidence is not None and (self.evidence.start is not None or self.evidence.end is not None):
            out["evidence_start"], out["evidence_end"] = self.evidence.start, self.evidence.end
        out["confidence"] = self.confidence
        if self.rules:
            out["rules"] = dict(self.rules)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "EventTuple":
        def slot(name: str, text_key: str | None = None) -> Slot | None:
            text = data.get(text_key or name)
            if text is None:
                return None
            return Slot(text, data.get(f"{name}_start"), data.get(f"{name}_end"))

        action = slot("action", "action_text") or Slot(data["action"])
        qdetail = data.get("quantity_detail")
        if qdetail is not None:
            qv = QuantityValue.from_dict(qdetail)
        elif data.get("quantity_value") is not None:
            qv = QuantityValue.from_dict({"value": data["quantity_value"], "unit": data.get("quantity_unit")})
        else:
            qv = None
        place = None
        if data.get("location_name") is not None or data.get("location_country") is not None:
            place = PlaceValue(
                name=data.get("location_name"),  # None: a common noun's document country
                country=data.get("location_country"),
                lat=data.get("location_lat"),
                lon=data.get("location_lon"),
                geonameid=data.get("location_geonameid"),
                admin1=data.get("location_admin1"),
                feature=data.get("location_feature"),
            )
        actor_value = None
        if data.get("actor_name") is not None:
            actor_value = ActorValue(
                data["actor_name"], data.get("actor_country"), data.get("actor_sector")
            )
        return cls(
            action=action,
            actor=slot("actor"),
            quantity=slot("quantity"),
            location=slot("location"),
            date=slot("date"),
            lemma=data["action_lemma"] if "action_lemma" in data else data.get("action"),
            quantity_value=qv,
            date_value=DateValue.from_dict(data["date_detail"])
            if data.get("date_detail") is not None
            else DateValue(data["date_value"], data.get("date") or "")
            if data.get("date_value") is not None
            else None,
            place=place,
            actor_value=actor_value,
            modality=data.get("modality", "asserted"),
            source=slot("source"),
            event_type=data.get("event_type"),
            evidence=slot("evidence"),
            confidence=float(data.get("confidence", 1.0)),
            rules=data.get("rules"),
        )



@dataclass(frozen=True)
class SlotOrigin:
    """Where one slot of an event came from: the mention (index into the tuples) with its
    modality and source, or, for a slot filled from the text around the main event, the
    region ("headline", "dateline" or "lead") and no mention."""

    mention: int | None
    modality: str | None = None
    source: str | None = None
    region: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"mention": self.mention, "modality": self.modality, "source": self.source, "region": self.region}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "SlotOrigin":
        return cls(
            mention=data.get("mention"), modality=data.get("modality"), source=data.get("source"), region=data.get("region")
        )


@dataclass(frozen=True)
class DocumentEvent(EventTuple):
    """One real-world event of an article: the five slots and optional fields of a mention
    tuple (inherited from ``EventTuple``), filled from the mentions merged into it, with
    ``mentions`` (indices into the document's tuples), ``from_`` (slot -> mention index),
    ``main`` and, per slot, its ``origins`` (guide section 5)."""

    mentions: tuple[int, ...] = ()
    from_: dict[str, int] = field(default_factory=dict, hash=False)
    main: bool = False
    origins: dict[str, SlotOrigin] = field(default_factory=dict, hash=False)

    def __repr__(self) -> str:
        head = ("main, " if self.main else "") + f"mentions {list(self.mentions)}"
        return f"DocumentEvent({head}: {self._slots_repr()})"

    def as_tuple(self) -> EventTuple:
        """The event's slots and fields as a plain ``EventTuple`` (for code that takes tuples)."""
        return EventTuple(**{f.name: getattr(self, f.name) for f in fields(EventTuple)})

    def to_dict(self) -> dict[str, Any]:
        """The guide's JSON form of an event: a tuple's flat fields, then ``mentions``,
        ``from`` (slot -> mention index), ``main``, and ``origins`` (per slot: mention,
        modality, source, region)."""
        out = self.as_tuple().to_dict()
        out["mentions"] = list(self.mentions)
        out["from"] = {s: self.from_[s] for s in SLOTS if s in self.from_}
        out["main"] = self.main
        out["origins"] = {s: self.origins[s].to_dict() for s in SLOTS if s in self.origins}
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "DocumentEvent":
        t = EventTuple.from_dict(dict(data))
        return cls(
            **{f.name: getattr(t, f.name) for f in fields(EventTuple)},
            mentions=tuple(int(m) for m in data.get("mentions") or ()),
            from_={str(k): int(v) for k, v in (data.get("from") or {}).items()},
            main=bool(data.get("main", False)),
            origins={str(k): SlotOrigin.from_dict(v) for k, v in (data.get("origins") or {}).items()},
        )


@dataclass(frozen=True)
class DocumentResult:
    """The tuples of one document, or the reason it could not be processed."""

    doc_id: str
    published: str | None
    tuples: tuple[EventTuple, ...] = ()
    error: str | None = None
    # the record's own fields (url, title, any other; see ``extractor.io.read_record``)
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False)
    # the document-level events (guide section 5): mention tuples merged, the main event first
    events: tuple[DocumentEvent, ...] = ()
    # coded warnings the document was processed with (E033, E050, E053, E054), as the CLI logs them
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def __repr__(self) -> str:
        if self.error is not None:
            return f"DocumentResult({self.doc_id!r}, error {_short(self.error)})"
        published = f", published {self.published}" if self.published else ""
        return f"DocumentResult({self.doc_id!r}{published}: {len(self.tuples)} tuples, {len(self.events)} events)"

    def to_dict(self, *, meta: bool = False) -> dict[str, Any]:
        """The guide's JSON Lines form: ``{"doc_id", "published", "tuples", "events"}``, and
        ``"error"`` for a document that could not be processed; with ``meta``, also
        ``"meta"``: the record's own fields (url, title...)."""
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "published": self.published,
            "tuples": [t.to_dict() for t in self.tuples],
            "events": [e.to_dict() for e in self.events],
        }
        if self.error is not None:
            out["error"] = self.error
        if meta:
            out["meta"] = {k: v for k, v in self.meta.items() if k not in ("text", "triggers")}
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "DocumentResult":
        """The result of one output line (``to_dict``'s form); a ``"meta"`` object and its
        other keys go to ``meta``."""
        known = {"doc_id", "published", "tuples", "events", "error", "meta"}
        nested = data.get("meta") if isinstance(data.get("meta"), Mapping) else {}
        return cls(
            doc_id=data["doc_id"],
            published=data.get("published"),
            tuples=tuple(EventTuple.from_dict(t) for t in data.get("tuples") or ()),
            error=data.get("error"),
            meta={**nested, **{k: v for k, v in data.items() if k not in known}},
            events=tuple(DocumentEvent.from_dict(e) for e in data.get("events") or ()),
        )


def to_pandas(results: Iterable[Any], *, level: str = "tuples") -> Any:
    """A ``pandas.DataFrame`` of ``results`` (``DocumentResult``s, their ``to_dict()``s, or
    the path of a JSON Lines output): one row per tuple with the columns of
    ``extractor.io.TABLE_COLUMNS``, or with ``level="events"`` one row per document event
    (``EVENT_COLUMNS``). Documents that failed give no rows. Needs pandas (the ``tables``
    extra; ``E060`` says so when it is missing)."""
    from .extras import optional_import

    pd = optional_import("pandas", extra="tables", feature="to_pandas()")

    from .io import _columns, _documents, event_rows, tuple_rows

    columns = [name for name, _ in _columns(level)]
    rows_of = tuple_rows if level == "tuples" else event_rows
    rows = [row for document in _documents(results) for row in rows_of(document)]
    return pd.DataFrame(rows, columns=columns)
