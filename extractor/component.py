"""Everything the extractor registers with spaCy, in one place and at import.

- tokenizer ``extractor.tokenizer.v1``: the model's tokenizer behind the text preparation of
  ``textprep`` (page furniture blanked, broken words rejoined, headlines truecased); it keeps
  the raw text and the offset map on the ``Doc`` (``doc._.raw_text``, ``doc._.raw_segments``);
- ``extractor_line_sentences``: a sentence starts after every line break and semicolon;
- ``place_ruler``: gazetteer GPE/NORP matches merged into the model's entities;
- ``event_extractor``: triggers, arguments and tuples into ``doc._.events``;
- ``extractor_transport``: used by ``Extractor.pipe`` with worker processes only.

Each is declared as a ``spacy_factories`` (or ``spacy_tokenizers``) entry point in
pyproject.toml, so a pipeline saved with ``nlp.to_disk`` reloads with ``spacy.load`` in an
interpreter that never imported ``extractor``.

What the extractor puts on a ``Doc`` is plain data (str, int, lists, dicts), so it survives
``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=...)``: the
events are stored as dicts in ``doc._.events_data`` and ``doc._.events`` gives them back as
``EventTuple``s (a new list at each reading: assign ``doc._.events`` to change them).
"""

from __future__ import annotations

import datetime as dt
import inspect
from dataclasses import fields, replace
from typing import Any, Callable, Iterable, Iterator, Mapping

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry

from .build import build_tuples, may_admit
from .contracts import Arguments, Trigger
from .lexicon import Lexicon
from .registry import DEFAULT_SELECTOR, DEFAULT_TRIGGERS, get_linker, get_selector, get_trigger_head
from .syntax import keep_parse
from .textprep import PreparedText, prepare_text, truecase_headlines
from .triggers import TriggerPass, given_triggers
from .types import ActorValue, DateValue, EventTuple, PlaceValue, QuantityValue, Slot

TOKENIZER = "extractor.tokenizer.v1"
TRANSPORT = "extractor_transport"
# user_data key: where a piece of a long text starts in the whole text (``Extractor``)
PIECE_START = "extractor_piece_start"
# key of an event's dict that holds the fields ``EventTuple.to_dict`` leaves out or rounds
EXACT = "_exact"

# raw_text: the text as received; raw_segments: [prepared offset, raw offset] pairs
# (textprep.PreparedText.segments); published: ISO date; given_triggers: [start, end]
# character spans of annotated triggers; events_data: the events as dicts.
for _name in ("raw_text", "raw_segments", "published", "given_triggers", "events_data"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


# ``EventTuple``'s field names, in order (``dataclasses.fields`` builds them at each call).
_EVENT_FIELDS = tuple(f.name for f in fields(EventTuple))


def event_to_data(event: EventTuple) -> dict[str, Any]:
    """``event`` as plain data: ``event.to_dict()``, plus under ``"_exact"`` whatever that
    JSON form does not give back through ``EventTuple.from_dict`` (``extra``, the place's
    feature class, unrounded confidence, an unresolved date value), so that
    ``event_from_data(event_to_data(e)) == e`` with ``extra`` too."""
    data = event.to_dict()
    back = EventTuple.from_dict(data)
    exact = {}
    for name in _EVENT_FIELDS:
        value = getattr(event, name)
        if getattr(back, name) != value:
            exact[name] = _plain(value)
    if exact:
        data[EXACT] = exact
    return data


def event_from_data(data: Mapping[str, Any]) -> EventTuple:
    """The ``EventTuple`` of a dict made by ``event_to_data`` (or a plain ``to_dict()``)."""
    event = EventTuple.from_dict(data)
    exact = data.get(EXACT)
    if exact:
        event = replace(event, **{name: _typed(value) for name, value in exact.items()})
    return event


_VALUE_TYPES = {cls.__name__: cls for cls in (Slot, QuantityValue, DateValue, PlaceValue, ActorValue)}
_TYPE_KEY = "__type__"


def _plain(value: Any) -> Any:
    if _VALUE_TYPES.get(type(value).__name__) is type(value):
        return {_TYPE_KEY: type(value).__name__, **value.to_dict()}
    return value


def _typed(value: Any) -> Any:
    if isinstance(value, Mapping) and _TYPE_KEY in value:
        data = dict(value)
        return _VALUE_TYPES[data.pop(_TYPE_KEY)].from_dict(data)
    return value


def _get_events(doc: Doc) -> list[EventTuple] | None:
    data = doc._.events_data
    return None if data is None else [event_from_data(d) for d in data]


def _set_events(doc: Doc, events: Iterable[EventTuple | Mapping[str, Any]] | None) -> None:
    if events is None:
        doc._.events_data = None
    else:
        doc._.events_data = [dict(e) if isinstance(e, Mapping) else event_to_data(e) for e in events]


Doc.set_extension("events", getter=_get_events, setter=_set_events, force=True)


# -- text preparation -----------------------------------------------------------------------


def prepared_doc(tokenize: Callable[[str], Doc], text: str, prepared: PreparedText | None = None) -> Doc:
    """The ``Doc`` of ``text`` prepared for parsing (``textprep``; ``prepared``, the caller's
    ``prepare_text(text)`` when it keeps it), tokenized by ``tokenize``; ``doc._.raw_text``
    keeps ``text`` and ``doc._.raw_segments`` the map back to its offsets (the prepared text
    has the same length)."""
    if prepared is None:
        prepared = prepare_text(text)
    doc = tokenize(truecase_headlines(prepared.text, is_name=_is_known_name))
    doc._.raw_text = text
    doc._.raw_segments = prepared.segments
    return doc


def _is_known_name(phrase: str) -> bool:
    """A place or nationality the gazetteer knows (a single common word never counts)."""
    from .gazetteer import get_gazetteer, is_common_word

    if " " not in phrase and is_common_word(phrase, strong_only=True):
        return False
    gazetteer = get_gazetteer()
    return bool(gazetteer.lookup(phrase)) or gazetteer.country_of_demonym(phrase) is not None


class PreparingTokenizer:
    """A tokenizer that prepares the text (``prepared_doc``) before the model's tokenizer
    (``base``) splits it. Attributes it does not have (``rules``, ``explain``,
    ``add_special_case``, ...) are the base tokenizer's, and it saves and loads as the base
    tokenizer does. Patterns meant to match the text as written (phrase patterns of a
    ruler) are to be tokenized with ``base``: a line such as "News" is furniture here."""

    def __init__(self, base: Any) -> None:
        self.__dict__["base"] = base

    def __call__(self, text: str) -> Doc:
        return prepared_doc(self.base, text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or "base" not in self.__dict__:
            raise AttributeError(name)
        return getattr(self.__dict__["base"], name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.base, name, value)  # e.g. ``nlp.tokenizer.infix_finditer = ...``

    def __reduce__(self) -> tuple[Any, ...]:
        return (PreparingTokenizer, (self.base,))

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        self.base.to_disk(path, **kwargs)

    def from_disk(self, path: Any, **kwargs: Any) -> "PreparingTokenizer":
        self.base.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.base.to_bytes(**kwargs)

    def from_bytes(self, bytes_data: bytes, **kwargs: Any) -> "PreparingTokenizer":
        self.base.from_bytes(bytes_data, **kwargs)
        return self


@registry.tokenizers(TOKENIZER)
def create_preparing_tokenizer() -> Callable[[Language], PreparingTokenizer]:
    """``[nlp.tokenizer] @tokenizers = "extractor.tokenizer.v1"``: spaCy's standard tokenizer
    (``spacy.Tokenizer.v1``, the English models' one) behind the text preparation."""
    make_base = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language) -> PreparingTokenizer:
        return PreparingTokenizer(make_base(nlp))

    return make


# -- components -----------------------------------------------------------------------------


def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break and semicolon, so headlines (one a line, or
    several joined by semicolons in wire digests) stand as sentences.

    A word that is no white space starts one after a white-space token holding a line break,
    or after ";". The words are read from the ``Doc``'s arrays and only the white space
    before a word is decoded (``Token`` objects for every word cost more than the test); a
    token's own trailing white space is one space or none (``Token.whitespace_``), so a line
    break is always a token of its own."""
    if len(doc) < 2:
        return doc
    words = doc.to_array([IS_SPACE, ORTH])
    space, orth = words[:, 0], words[:, 1]
    after = numpy.flatnonzero((space[1:] == 0) & ((space[:-1] != 0) | (orth[:-1] == _SEMICOLON))) + 1
    strings = doc.vocab.strings
    for i, prev in zip(after.tolist(), orth[after - 1].tolist()):
        if prev == _SEMICOLON or "\n" in strings[prev]:
            doc[i].is_sent_start = True
    return doc


_SEMICOLON = get_string_id(";")  # ``Token.orth`` of ";"


@Language.factory("extractor_line_sentences", assigns=["token.is_sent_start"])
def make_line_sentences(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Put it before the parser, which keeps the sentence starts it is given."""
    return line_sentences


@Language.factory(
    "place_ruler",
    default_config={"min_person_override": 100_000},
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
)
def make_place_ruler(nlp: Language, name: str, min_person_override: int) -> Any:
    """``gazetteer.PlaceRuler``: put it after "ner" (``gazetteer.add_place_ruler`` does)."""
    from .gazetteer import PlaceRuler

    return PlaceRuler(nlp, name, min_person_override=min_person_override)


LEXICON_KEYS = ("add", "replace")


class EventExtractor:
    """Finds triggers, links their arguments and stores the tuples in ``doc._.events``.

    ``lexicon`` (``{"add": {class: entries}, "replace": {class: entries}}``) builds the one
    ``Lexicon`` that trigger finding and the linker receive (``self.lexicon``).
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        linker: str,
        normalize: bool,
        lexicon: Mapping[str, Mapping[str, Any]] | None = None,
        triggers: str = DEFAULT_TRIGGERS,
        selector: str = DEFAULT_SELECTOR,
    ) -> None:
        unknown = sorted(set(lexicon or {}) - set(LEXICON_KEYS))
        if unknown:
            raise ValueError(f"event_extractor: unknown lexicon key(s) {unknown}; use {list(LEXICON_KEYS)}")
        lexicon = lexicon or {}
        self.name = name
        self.linker_name = linker
        self.normalize = normalize
        self.lexicon = Lexicon(add=lexicon.get("add") or None, replace=lexicon.get("replace") or None)
        self.linker = get_linker(linker, lexicon=self.lexicon)
        self._admits: tuple[Any, bool] | None = None  # (linker, whether it takes ``admitted_only``)
        self.triggers = triggers
        self.trigger_head = get_trigger_head(triggers)
        self.selector_name = selector
        self.selector = get_selector(selector)  # None: the rule admission of ``build_tuples``

    def __call__(self, doc: Doc) -> Doc:
        # the words' children and subtrees (``syntax.child_tokens``) are read once for trigger
        # finding, linking and tuple building: none of them changes the parse
        with keep_parse(doc):
            return self._extract(doc)

    def _extract(self, doc: Doc) -> Doc:
        ext = doc._  # one accessor for the extension attributes read below (each ``doc._`` builds one)
        given = ext.given_triggers
        kept = None  # the learned selector's (index, score) of each trigger it keeps
        # the linker may leave out the slots of the triggers that give no tuple when only those
        # that pass its admitted_only pass are kept: by the rule (``build_tuples``), or by a
        # selector that scores only them (``full_linking`` False); given triggers are all kept
        admitted_only = (
            given is None
            and (self.selector is None or not getattr(self.selector, "full_linking", True))
            and self._takes_admitted_only()
        )
        # under the rule alone, with a linker that reads only the triggers' words, a trigger's
        # modality and source are read only when it may give a tuple (``_with_details``)
        late = admitted_only and self.selector is None and not getattr(self.linker, "reads_trigger_details", True)
        trigger_pass = None
        if given is not None:
            triggers = given_triggers(doc, given, lexicon=self.lexicon)
        else:
            trigger_pass = TriggerPass(doc, self.lexicon)
            triggers = trigger_pass.find(head=self.trigger_head, details=not late)
        arguments = self.linker(doc, triggers, admitted_only=True) if admitted_only else self.linker(doc, triggers)
        if late and trigger_pass is not None:
            triggers = _with_details(trigger_pass, triggers, arguments)
        if given is None and self.selector is not None:
            kept = self.selector.select(doc, triggers, arguments, lexicon=self.lexicon)
            triggers = [triggers[i] for i, _ in kept]
            arguments = [arguments[i] for i, _ in kept]
        published = _as_date(ext.published)
        if isinstance(ext.published, dt.date):
            ext.published = ext.published.isoformat()  # plain data on the Doc
        segments = ext.raw_segments
        if segments and not isinstance(segments[0], tuple):  # lists after msgpack
            segments = tuple(tuple(pair) for pair in segments)
        events = build_tuples(
            doc,
            triggers,
            arguments,
            published=published,
            segments=segments,
            normalize=self.normalize,
            keep_all=given is not None or kept is not None,
            lexicon=self.lexicon,
        )
        if kept is not None:
            from .selector import selected_events

            events = selected_events(events, kept, self.selector_name)
        ext.events = events
        return doc

    def _takes_admitted_only(self) -> bool:
        admits = self._admits
        if admits is None or admits[0] is not self.linker:  # asked again if the linker is swapped
            admits = self._admits = (self.linker, _takes_admitted_only(self.linker))
        return admits[1]


def _with_details(trigger_pass: TriggerPass, triggers: list[Trigger], arguments: list[Arguments]) -> list[Trigger]:
    """``triggers``, found without details, with the modality and source of each that may
    give a tuple (``build.may_admit``, the part of ``rule_admits`` that reads only the
    arguments; ``build_tuples`` refuses a trigger without them). The others keep None: no
    tuple is built from them."""
    wanted = [k for k, args in enumerate(arguments) if may_admit(args)]
    if not wanted:
        return triggers
    out = list(triggers)
    for k, trigger in zip(wanted, trigger_pass.details([triggers[k] for k in wanted])):
        out[k] = trigger
    return out


def _takes_admitted_only(linker: Any) -> bool:
    """Whether ``linker`` can leave out the slots of the triggers that give no tuple: it
    says so by taking ``admitted_only`` (``linking.link_arguments``)."""
    try:
        return "admitted_only" in inspect.signature(linker).parameters
    except (TypeError, ValueError):
        return False


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@Language.factory(
    "event_extractor",
    default_config={
        "linker": "extractor.dep_linker.v1", "normalize": True, "lexicon": {"add": {}, "replace": {}}, "triggers": "rules",
        "selector": DEFAULT_SELECTOR,
    },
    assigns=["doc._.events", "doc._.events_data"],
    # token.pos too, which the model's attribute_ruler sets without declaring it
    requires=["token.dep", "token.head", "token.lemma", "doc.ents", "doc.sents"],
)
def make_event_extractor(
    nlp: Language, name: str, linker: str, normalize: bool, lexicon: dict[str, dict[str, Any]], triggers: str = "rules",
    selector: str = DEFAULT_SELECTOR,
) -> EventExtractor:
    return EventExtractor(nlp, name, linker=linker, normalize=normalize, lexicon=lexicon, triggers=triggers, selector=selector)


def transport(doc: Doc) -> Doc:
    """An empty Doc carrying only the events, the publication date and the piece offset, so
    that worker processes of ``nlp.pipe`` ship back the results and not the whole parse."""
    light = Doc(doc.vocab, words=[])
    light._.events_data = doc._.events_data
    light._.published = doc._.published
    light.user_data[PIECE_START] = doc.user_data.get(PIECE_START, 0)
    return light


@Language.factory(TRANSPORT, assigns=["doc._.events_data", "doc._.published"], requires=["doc._.events_data"])
def make_transport(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Added last by ``Extractor.pipe`` while worker processes run, removed after."""
    return transport
