"""From triggers and linked arguments to normalized ``EventTuple``s with raw offsets."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import replace
from typing import Sequence

from spacy.attrs import LEMMA, POS
from spacy.symbols import ADJ, NOUN, PROPN
from spacy.tokens import Doc, Span

from .contracts import RELATIVE_DATE_RULES, ROLES, Arguments, TokenSpan, Trigger
from .lexicon import Lexicon, default_lexicon
from .textprep import original_case, span_to_raw
from .syntax import PLACE_LABELS, doc_column, entity_index, sentence_bounds
from .types import ActorValue, DateValue, EventTuple, PlaceValue, Slot


_UNREAD = object()


class DocText:
    """The ``Doc``'s text and raw text, read once per ``build_tuples`` call and only when a
    tuple needs them (``doc.text`` joins every token's text at each access; most documents
    without a tuple never do), and its sentence of each token (``token.sent`` rebuilds its
    span at each access, in time linear in the document)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._text: str | None = None
        self._raw = _UNREAD
        self._sents = sentence_bounds(doc)

    @property
    def text(self) -> str:
        """``doc.text``."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @property
    def raw(self) -> str | None:
        """``doc._.raw_text``."""
        if self._raw is _UNREAD:
            self._raw = self.doc._.raw_text
        return self._raw

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """``(token.sent.start, token.sent.end)`` of token ``i``."""
        return self._sents(i)

    def sent_starts(self) -> list[int]:
        """``[s.start for s in doc.sents]``."""
        return self._sents.starts()


def _slot(doc: Doc, span: TokenSpan | None, segments, dt_: DocText | None = None) -> Slot | None:
    if span is None:
        return None
    start, end = span[0], min(span[1], len(doc))  # a slice's end past the document stops at it
    if end <= start:
        return None
    dt_ = dt_ or DocText(doc)
    first, last = doc[start], doc[end - 1]
    start_char = first.idx
    # ``doc[start:end].text``: the document's text from the first word to the last word's end
    text = dt_.text[start_char : last.idx + len(last.text)].strip()
    if not text:
        return None
    raw = dt_.raw
    if raw is not None:
        # headlines are parsed lower-cased; slots keep the article's own letters
        text = _original_case(text, raw, segments, start_char)
    raw_start, raw_end = span_to_raw(segments, start_char, start_char + len(text))
    return Slot(text=" ".join(text.split()), start=raw_start, end=raw_end)


def _original_case(text: str, raw: str, segments, start: int) -> str:
    """``textprep.original_case``, without its offset lookup per character when the span
    maps to the raw text in one piece (one segment of the offset map), as most do."""
    if segments:
        k = bisect.bisect_right(segments, (start, float("inf"))) - 1
        end = start + len(text)
        if k < 0 or (k + 1 < len(segments) and segments[k + 1][0] < end):
            return original_case(text, raw, segments, start)
        raw_start = segments[k][1] + (start - segments[k][0])
    else:
        raw_start = start
    if raw_start < 0 or raw_start + len(text) > len(raw):
        return original_case(text, raw, segments, start)
    same = raw[raw_start : raw_start + len(text)]
    if same == text:
        return text
    return "".join(o if o != c and o.lower() == c.lower() else c for o, c in zip(same, text))


def action_span(doc: Doc, trig: Trigger) -> TokenSpan:
    """The tokens of a trigger's action: its word, and for a phrasal verb whose particle
    directly follows it ("setting up bases", "wrapped up the deal") the particle too, as the
    guide keeps phrasal particles in the action (section 2: "show up"). A particle after the
    object ("set the bases up") stays out: the span would take in the object."""
    end = trig.i + 1
    if trig.kind == "verb" and " " in trig.lemma and end < len(doc):
        nxt = doc[end]
        if nxt.dep_ == "prt" and nxt.head.i == trig.i and trig.lemma.endswith(" " + nxt.lower_):
            end += 1
    return trig.i, end


def _sentence_slot(doc: Doc, i: int, segments, dt_: DocText | None = None) -> Slot:
    dt_ = dt_ or DocText(doc)
    start, end = dt_.sent_bounds(i)
    first, last = start, end - 1
    while first <= last and doc[first].is_space:
        first += 1
    while last >= first and doc[last].is_space:
        last -= 1
    return _slot(doc, (first, last + 1), segments, dt_) if first <= last else Slot(doc[i].text)


def in_sentence(doc: Doc, token, span: TokenSpan | None, dt_: DocText | None = None) -> bool:
    """Whether ``span`` holds a word of ``token``'s sentence."""
    if span is None:
        return False
    start, end = (dt_ or DocText(doc)).sent_bounds(token.i)
    return any(start <= i < end and not doc[i].is_space for i in range(span[0], span[1]))


def is_past(doc: Doc, trig: Trigger) -> bool | None:
    """Whether the trigger's event is told in the past: ``True`` for a past tense or perfect
    (of the governing verb for an event noun that is its subject or object), ``False`` for a
    planned event, ``None`` otherwise (the date normalizer's ``past`` hint; a selector feature)."""
    if trig.modality == "planned":
        return False
    token = doc[trig.i]
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and token.head.pos_ in ("VERB", "AUX"):
        token = token.head  # "the deployment began in March": the governing verb's tense
    if token.tag_ in ("VBD", "VBN"):
        return True
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children):
        return True
    if token.tag_ in ("VBZ", "VBP", "VBG"):
        return None
    return None


def document_place_context(doc: Doc, *, text: str | None = None):
    """The countries and first-level regions of the document's place names (see
    ``extractor.normalize.place.document_place_context``; ``text``: ``doc.text``, when
    already read)."""
    from .normalize.place import document_place_context as _context

    return _context(doc, labels=PLACE_LABELS, text=text)


def may_admit(args: Arguments) -> bool:
    """The part of ``rule_admits`` that reads only the linker's arguments: an actor or an
    agentless verdict, and a quantity, a place or a date (one relative to another event, "after
    the announcement", does not count). Every trigger ``rule_admits`` keeps passes it."""
    agentless = args.actor is None and bool(args.rules.get("actor"))
    dated = args.date is not None and args.rules.get("date") not in RELATIVE_DATE_RULES
    return not ((args.actor is None and not agentless) or (args.quantity is None and args.location is None and not dated))


def rule_admits(doc: Doc, trig: Trigger, args: Arguments, dt_: DocText | None = None) -> bool:
    """Today's admission rule (``extractor.rule_admission.v1``): an actor and at least one of
    quantity, location, date (a date relative to another event does not count); or an
    agentless verdict (guide v2 rule 2) with one of them in the trigger's sentence."""
    if not may_admit(args):
        return False
    if args.actor is None:  # an agentless verdict (``may_admit``)
        token = doc[trig.i]
        return any(in_sentence(doc, token, getattr(args, role), dt_) for role in ("quantity", "location", "date"))
    return True


def build_tuples(
    doc: Doc,
    triggers: Sequence[Trigger],
    arguments: Sequence[Arguments],
    *,
    published: dt.date | None = None,
    segments=None,
    normalize: bool = True,
    keep_all: bool = False,
    lexicon: Lexicon | None = None,
) -> list[EventTuple]:
    """Tuples for the triggers whose actor and at least one of quantity, location, date are
    found, and for agentless events (guide v2 rule 2) with at least one of quantity, location,
    date in the trigger's sentence (every trigger with ``keep_all``, for given triggers);
    each with the names of the rules that filled its slots; word classes come from
    ``lexicon`` (default: the shipped one).

    An event is agentless when its actor is ``None`` and the linker names a rule for the actor
    all the same: the verdict that made it agentless (``linking.AGENTLESS``: an agentless
    passive, a participle or headline passive on its patient, an event noun naming no doer,
    an event as the subject). A null actor without a rule was not found, and its trigger
    gives no tuple. The tuple's ``rules`` keep that verdict under ``"actor"`` beside the rules
    of the filled slots: ``{"actor": "agentless_passive", "quantity": "counted_object"}``.
    """
    lexicon = lexicon or default_lexicon()
    if segments is not None:
        segments = tuple(tuple(s) for s in segments)
    context = None
    dates: tuple[list[int], list[Span]] | None = None  # the DATE entities, once per document
    out: list[EventTuple] = []
    dtext = DocText(doc)
    groups: dict[str, ActorValue] = {}
    security_sentences: dict[int, bool] = {}  # sentence start -> holds a security noun
    actors = None  # the document's names (``doc_actors.DocumentActors``), when a tuple has an actor

    @functools.cache
    def entities() -> tuple[Span, ...]:
        """The document's entities, built once when first asked (``doc.ents`` rebuilds them;
        the linker's ``EntityIndex`` holds them already under ``syntax.keep_parse``)."""
        return entity_index(doc).ents

    for trig, args in zip(triggers, arguments):
        agentless = args.actor is None and bool(args.rules.get("actor"))
        if not keep_all and not rule_admits(doc, trig, args, dtext):
            continue
        if trig.modality is None:
            raise ValueError(f"trigger {trig.lemma!r} at token {trig.i} has no modality: found without details (triggers.TriggerPass.details)")
        token = doc[trig.i]
        slots = {role: _slot(doc, getattr(args, role), segments, dtext) for role in ROLES}
        event = EventTuple(
            action=_slot(doc, action_span(doc, trig), segments, dtext),
            **slots,
            lemma=trig.lemma,
            modality=trig.modality,
            source=_slot(doc, trig.source, segments, dtext),
            evidence=_sentence_slot(doc, trig.i, segments, dtext),
            confidence=args.score,
            extra={"kind": trig.kind, "token": token.i, **({"trigger_rule": trig.rule} if trig.rule else {})},
            rules={
                **({"action": trig.rule} if trig.rule else {}),  # "trigger_head": not the trigger rules
                **{role: rule for role, rule in args.rules.items() if slots.get(role) is not None or (role == "actor" and agentless)},
            },
        )
        if normalize:
            if context is None:
                context = document_place_context(doc, text=dtext.text)
            countries = context.countries
            event = normalize_event(
                event, published=published, past=is_past(doc, trig), countries=countries,
                context=context, text=dtext.raw if dtext.raw is not None else dtext.text,
                unit_modifiers=quantity_modifiers(doc, args.quantity),
            )
            if event.location is not None and event.place is None and args.location is not None:
                event = _named_place(event, doc, args.location, context)  # a proper name, else
                if event.place is None:
                    event = _context_place(event, doc, args.location, context)  # a common noun
            if args.actor_ref is not None:
                event = _actor_from_antecedent(event, _slot(doc, args.actor_ref, segments, dtext), countries=countries)
            mention = args.actor_ref if args.actor_ref is not None else args.actor
            if mention is not None and event.actor_value is not None:
                if actors is None:
                    from .doc_actors import DocumentActors

                    actors = DocumentActors(doc, lexicon, lambda a, b: _slot(doc, (a, b), segments, dtext).text, entities)
                event = replace(event, actor_value=actors.resolve(event.actor_value, mention))
            if args.date is not None and event.date_value is not None and event.date_value.value is None:
                if dates is None:
                    found = [e for e in entities() if e.label_ == "DATE"]
                    dates = ([e.end for e in found], found)
                event = _resolve_then(event, args.date, dates, published=published)
            event = _actor_from_earlier_mention(event, groups, lexicon)
            event = _typed_in_context(event, doc, trig.i, lexicon, security_sentences)
            if actors is not None and mention is not None:
                event = replace(event, actor_value=actors.with_country(event.actor_value, mention, countries))
        out.append(event)
    return out


def security_cue(
    doc: Doc, i: int, actor: ActorValue | None, lexicon: Lexicon, lemma: str | None = None, sentences: dict[int, bool] | None = None
) -> str | None:
    """Why the event at token ``i`` (action ``lemma``) belongs to the armed or security domain,
    or ``None``; the first that holds:

    - ``"security_lemma"``: the action, as a noun, is one of the lexicon's ``security_nouns``
      (WordNet's armed forces, armed groups, police, weapons, military action and war:
      "bomb", "shell", "attack", "siege");
    - ``"actor_sector"``: the actor's sector is one of ``normalize.actor.SECURITY_SECTORS``;
    - ``"state_actor"``: the actor is a state named as such ("North Korea", "Pyongyang", "the
      Kremlin": sector government, its canonical name that of its country);
    - ``"security_noun"``: a noun or adjective of the event's sentence is a security noun
      ("troops", "rebels", "missiles", "police", "military personnel").

    ``sentences``: a dict the caller keeps for one ``Doc`` (sentence start -> whether it holds
    a security noun), so each sentence is scanned once for all its events.
    """
    from .normalize.actor import SECURITY_SECTORS

    nouns = lexicon.security_nouns
    if isinstance(lemma, str) and lemma.lower() in nouns:
        return "security_lemma"
    if actor is not None and actor.sector in SECURITY_SECTORS:
        return "actor_sector"
    if actor is not None and actor.sector == "government" and actor.country:
        from .gazetteer import get_gazetteer

        state = get_gazetteer().country(actor.country)
        if state is not None and state.name == actor.name:
            return "state_actor"
    start, end = sentence_bounds(doc)(i)  # ``doc[i].sent``, without building its span
    found = sentences.get(start) if sentences is not None else None
    if found is None:
        # the sentence's words' classes and lemmas, from the arrays: a lemma is decoded only
        # for a noun or an adjective, no ``Token`` is built
        pos, lemma = doc_column(doc, POS), doc_column(doc, LEMMA)
        strings = doc.vocab.strings
        found = any(pos[k] in _SECURITY_POS and strings[lemma[k]].lower() in nouns for k in range(start, end))
        if sentences is not None:
            sentences[start] = found
    return "security_noun" if found else None


# parts of speech of a security cue in the sentence (``Token.pos``): nouns, and adjectives of
# such a noun's form ("military personnel", "a military accord")
_SECURITY_POS = frozenset({NOUN, PROPN, ADJ})


def _typed_in_context(event: EventTuple, doc: Doc, i: int, lexicon: Lexicon, sentences: dict[int, bool] | None = None) -> EventTuple:
    """The event with its class read in context (``normalize.event_type.type_in_context``);
    ``extra["event_type_rule"]`` names the rule that decided it."""
    from .normalize.event_type import type_in_context

    cue = security_cue(doc, i, event.actor_value, lexicon, event.lemma, sentences)
    cls, rule = type_in_context(event.lemma or event.action.text, security=cue is not None)
    return replace(event, event_type=cls, extra={**event.extra, "event_type_rule": rule if cue is None else f"{rule}:{cue}"})


def _actor_from_antecedent(event: EventTuple, ref: Slot | None, *, countries: Sequence[str]) -> EventTuple:
    """A pronoun actor keeps its span and takes the canonical value of the mention it stands for."""
    from .normalize import normalize_actor

    if ref is None:
        return event
    return replace(
        event,
        actor_value=normalize_actor(ref.text, context_countries=tuple(countries)),
        extra={**event.extra, "actor_ref": ref.to_dict()},
    )


_THEN = re.compile(r"^(since|until|till|by)\s+then$", re.IGNORECASE)


def _resolve_then(
    event: EventTuple, span: tuple[int, int], dates: tuple[list[int], list[Span]], *, published: dt.date | None
) -> EventTuple:
    """"since then": the open interval from the last date the document resolved before it
    (``dates``: the ends and spans of the document's DATE entities, in order)."""
    from .normalize import normalize_date

    m = _THEN.match(event.date.text.strip()) if event.date else None
    if m is None:
        return event
    ends, ents = dates
    for k in range(bisect.bisect_right(ends, span[0]) - 1, -1, -1):
        ent = ents[k]
        value = normalize_date(ent.text, ref_date=published, past=True).value
        if value and "/" not in value:
            bounded = f"{value}/.." if m.group(1).lower() == "since" else f"../{value}"
            return replace(event, date_value=DateValue(value=bounded, text=event.date.text))
    return event


def _group_key(text: str, lexicon: Lexicon) -> str | None:
    """The kind of group an actor's head noun names ("group:military" for "the troops", by
    the lexicon's group classes), else the head noun itself."""
    words = text.lower().replace("’", "'").split()
    if not words:
        return None
    head = words[-1]
    for suffix in ("s",):
        if head.endswith(suffix) and head[:-1]:
            head = head[:-1]
    for name, group in lexicon.group_classes.items():
        if head in group or head + "s" in group:
            return f"group:{name}"
    return head


def _actor_from_earlier_mention(event: EventTuple, groups: dict[str, ActorValue], lexicon: Lexicon) -> EventTuple:
    """A bare group noun ("the troops") takes the country of the document's last mention of
    the same kind of group that named one ("North Korean soldiers")."""
    value = event.actor_value
    if event.actor is None or value is None:
        return event
    key = _group_key((event.extra.get("actor_ref") or {}).get("text") or event.actor.text, lexicon)
    if key is None:
        return event
    if value.country:
        groups[key] = value
        return event
    earlier = groups.get(key)
    if earlier is None:
        return event
    return replace(event, actor_value=ActorValue(earlier.name, earlier.country, value.sector or earlier.sector))


def _place_inside(text: str, *, countries: Sequence[str]) -> PlaceValue | None:
    """A place named inside a longer location phrase ("Ukraine's Donbas region" -> Ukraine)."""
    import re

    from .normalize import normalize_place

    words = [w for w in re.findall(r"[A-Z][\w'’.-]*", text) if not re.search(r"-[a-z]", w)]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    for n in range(len(words), 0, -1):
        for k in range(len(words) - n + 1):
            place = normalize_place(" ".join(words[k : k + n]), context_countries=tuple(countries))
            if place is not None:
                return place
    # "Russian military facilities": a nationality adjective places the phrase in its country
    from .gazetteer import get_gazetteer

    gazetteer = get_gazetteer()
    for word in words:
        code = gazetteer.country_of_demonym(word)
        if code:
            return gazetteer.country(code)
    return None


# A proper name as a place: capitalized words, with the particles place names use
# ("Rue Victor Hugo", "Alfred P. Murrah Federal Building", "Stormont Castle").
# It differs from its twins, and is kept apart on purpose: it is matched whole against a
# location slot the gazetteer does not know; its words start with an ASCII capital, of any
# length, all capitals allowed ("UN"), with at most one particle between two of them, le/du/des
# among them ("Rue du Bac"). ``normalize.place._NAME`` is a prefix piece of the apposition
# patterns, with other particles (ez/az, no le/du/des); ``gazetteer._looks_like_proper_name``
# judges gazetteer names (no codes or all capitals, Latin script, the lexicon's
# ``name_particles`` anywhere). One test for all three would change which slots pass.
_PROPER_PLACE = re.compile(r"[A-Z][\w'’.\-]*(?:\s+(?:(?:de|del|la|le|du|des|el|al|of|and|y)\s+)?[A-Z][\w'’.\-]*)*")


_PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})  # "exhilarating games", "armed men"


def quantity_modifiers(doc: Doc, span: TokenSpan | None) -> frozenset[str]:
    """The lower-cased words of a quantity span that the parse reads as describing the counted
    noun rather than naming it: adjectives, participles as adjectival modifiers and adverbs
    ("two of its smaller bars", "seven exhilarating games", "four of its most capable fighter
    jets", "three heavily armed men"). The quantity normalizer leaves them out of the unit; a
    noun modifier ("fighter jets", "police commandoes") stays."""
    if span is None:
        return frozenset()
    start, end = span
    return frozenset(
        t.lower_ for t in doc[start:end]
        if t.pos_ in ("ADJ", "ADV") or (t.dep_ == "amod" and t.tag_ in _PARTICIPLE_TAGS)
    )


def _named_place(event: EventTuple, doc: Doc, span: TokenSpan, context) -> EventTuple:
    """The event with the place its location slot names when the gazetteer knows no such
    place but the slot is a proper name (its head a proper noun, its words capitalized):
    a building, venue or street ("Trump Tower", "Progressive Field", "the Oval Office"), named
    as written without its determiner, in the document's one country (``PlaceContext.home``)
    when it has one; no coordinates. Feature ``"named"``."""
    start, end = span
    if end <= start or doc[start:end].root.pos_ != "PROPN":
        return event
    name = re.sub(r"^(?:the|The)\s+", "", event.location.text.strip())
    if not _PROPER_PLACE.fullmatch(name):
        return event
    home = context.home if context is not None else None
    place = PlaceValue(name=name, country=home, lat=None, lon=None, geonameid=None, admin1=None, feature="named")
    return replace(event, place=place)


def _context_place(event: EventTuple, doc: Doc, span: TokenSpan, context) -> EventTuple:
    """The event with the document's country for a location slot that names no place: its head
    a common noun the gazetteer cannot resolve ("the city", "a detention centre", "the
    bakery"). Where such a place lies is the document's setting, which its place names give: the
    document's one country (``PlaceContext.home``), else the country most of its places lie in.
    No name, no coordinates; feature ``"context"``."""
    start, end = span
    if end <= start or doc[start:end].root.pos_ != "NOUN" or context is None:
        return event
    country = context.home or next(iter(context.countries), None)
    if country is None:
        return event
    return replace(event, place=PlaceValue(name=None, country=country, feature="context"))


def _event_place(location: Slot, *, countries: Sequence[str], context, text: str | None) -> PlaceValue | None:
    """The place of a location slot: resolved with the text beside it and the document's
    places, else a place named inside the phrase."""
    from .normalize.place import PlaceContext, resolve_in_text

    ctx = context if context is not None else PlaceContext(countries=tuple(countries))
    place = None
    start, end = location.start, location.end
    if text is not None and start is not None and end is not None and 0 <= start < end <= len(text) and text[start:end].strip():
        place = resolve_in_text(text, start, end, ctx)
    else:
        from .normalize import normalize_place

        place = normalize_place(location.text, context_countries=ctx.countries, context_regions=ctx.regions, home=ctx.home)
    return place or _place_inside(location.text, countries=ctx.countries)


def normalize_event(
    event: EventTuple,
    *,
    published: dt.date | None,
    past: bool | None,
    countries: Sequence[str] = (),
    context=None,
    text: str | None = None,
    unit_modifiers: frozenset[str] = frozenset(),
) -> EventTuple:
    """The event with its normalized values filled in.

    The location is resolved in context (``normalize.place.resolve_in_text``): with what the
    ``text`` (the one the slots' offsets point into) writes right after it ("Tetkino, Kursk
    region") and the document's ``context`` (a ``PlaceContext``; default: ``countries``).
    ``unit_modifiers`` (the span's describing words, ``quantity_modifiers``) are left out of
    the quantity's unit.
    """
    from .normalize import (
        classify_action,
        normalize_actor,
        normalize_date,
        normalize_place,
        normalize_quantity,
    )

    return replace(
        event,
        quantity_value=normalize_quantity(event.quantity.text, modifiers=unit_modifiers) if event.quantity else None,
        date_value=normalize_date(event.date.text, ref_date=published, past=past) if event.date else None,
        place=_event_place(event.location, countries=countries, context=context, text=text) if event.location else None,
        actor_value=normalize_actor(event.actor.text, context_countries=tuple(countries)) if event.actor else None,
        event_type=classify_action(event.lemma or event.action.text),
    )
