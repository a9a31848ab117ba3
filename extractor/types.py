"""Frozen, serializable result types.

Every value carries character offsets into the original article text rather than
spaCy ``Span`` objects, so results outlive the ``Doc`` and cross process and file
boundaries unchanged. ``EventTuple.to_dict`` gives the flat JSON form of the
annotation guide (section 3); ``EventTuple.from_dict`` reads it back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Mapping

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


@dataclass(frozen=True)
class Slot:
    """A stretch of the article text: ``text == article[start:end]`` when offsets are known."""

    text: str
    start: int | None = None
    end: int | None = None

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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DateValue":
        return cls(value=data.get("value"), text=data.get("text", ""))


@dataclass(frozen=True)
class PlaceValue:
    """A place resolved against the gazetteer."""

    name: str
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

    def to_dict(self) -> dict[str, Any]:
        """The flat JSON form of the annotation guide, plus offsets and details."""
        out: dict[str, Any] = {}
        for name in SLOTS:
            slot: Slot | None = getattr(self, name)
            if name == "action":
                out[name] = self.lemma or self.action.text
                out["action_text"] = self.action.text
            else:
                out[name] = slot.text if slot else None
            if slot is not None and slot.start is not None:
                out[f"{name}_start"] = slot.start
                out[f"{name}_end"] = slot.end
        q = self.quantity_value
        out["quantity_value"] = (list(q.value) if isinstance(q.value, tuple) else q.value) if q else None
        out["quantity_unit"] = q.unit if q else None
        if q is not None:
            out["quantity_detail"] = q.to_dict()
        out["date_value"] = self.date_value.value if self.date_value else None
        out["modality"] = self.modality
        out["source"] = self.source.text if self.source else None
        if self.source is not None and self.source.start is not None:
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
        out["evidence"] = self.evidence.text if self.evidence else None
        if self.evidence is not None and self.evidence.start is not None:
            out["evidence_start"], out["evidence_end"] = self.evidence.start, self.evidence.end
        out["confidence"] = round(self.confidence, 4)
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
        if data.get("location_name"):
            place = PlaceValue(
                name=data["location_name"],
                country=data.get("location_country"),
                lat=data.get("location_lat"),
                lon=data.get("location_lon"),
                geonameid=data.get("location_geonameid"),
                admin1=data.get("location_admin1"),
            )
        actor_value = None
        if data.get("actor_name"):
            actor_value = ActorValue(
                data["actor_name"], data.get("actor_country"), data.get("actor_sector")
            )
        return cls(
            action=action,
            actor=slot("actor"),
            quantity=slot("quantity"),
            location=slot("location"),
            date=slot("date"),
            lemma=data.get("action"),
            quantity_value=qv,
            date_value=DateValue(data["date_value"], data.get("date") or "")
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
