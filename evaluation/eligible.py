"""Eligible events: the annotated events of the outside data that the annotation guide asks for.

An annotated event (RAMS, GENEVA, WikiEvents) is **eligible** when

1. its event type is not a reporting, cognition or aspect type (lists per dataset in
   ``eligible_events.json``), and the trigger's sentence is not a question (it does not end
   in "?": the guide annotates no questions);
2. it has an actor argument inside the trigger's sentence: a filler of the record's
   ``actor`` slot, or of an intransitive subject role the file maps to actor for that type
   ("Theme" of GENEVA's Arriving: in "troops arrived" the troops are the actor);
3. it has a location, date or quantity argument inside the trigger's sentence (roles the
   file marks as no place, time or amount for the type, such as the Goal of GENEVA's
   Assistance, are not counted).

Sentences are found per dataset (``sentences`` in the file): "tokens" for RAMS (its text is
tokens joined by spaces; a sentence ends after a standalone ".", "?" or "!" token and the
closing quotes or brackets after it, unless the next token starts with a lower-case
letter), "record" for GENEVA (a record is one sentence), "punctuation" for untokenized
text (WikiEvents: after ".", "?" or "!" and closing quotes when whitespace and no
lower-case letter follow, unless the word before a lone period is an abbreviation, a single
letter or has an inner period like "U.S."; and at line breaks and runs of two or more
spaces, which stand for paragraph breaks in WikiEvents).

``score_eligible`` reports, over the eligible events, trigger recall and actor / location /
date / quantity recall, with the pairing and lenient matching of
``evaluation.outside.score_span_data``; and the same figures over the eligible events with a
**phrase filler** (``phrase_fillers``): a location, date or quantity filler in the trigger's
sentence that has a noun, a proper noun or a number (spaCy's tags of the filler alone). The
datasets' place, goal, source and time roles also hold particles, pronouns and adverbs
("tore *away* his collar", "came *from*", "retaliated *then*"), which name no place, time or
amount of the guide's; an event whose fillers are all of that kind is eligible by the
definition above but not by the guide's rule 3 read strictly.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from .match import text_match
from .outside import _pair_events, _tuples

ELIGIBLE_FILE = Path(__file__).with_name("eligible_events.json")
CATEGORIES = ("reporting", "cognition", "aspect")
ELIGIBLE_SLOTS = ("actor", "location", "date", "quantity")
CONTEXT_SLOTS = ("location", "date", "quantity")
# Why an event is not eligible, in the order the conditions are checked.
REASONS = (
    "reporting",
    "cognition",
    "aspect",
    "question",
    "no_actor",
    "actor_outside_sentence",
    "no_place_date_quantity",
    "place_date_quantity_outside_sentence",
)
SENTENCE_METHODS = ("tokens", "record", "punctuation")

# RAMS: a standalone end token, then any standalone closing quotes / brackets.
_TOKEN_END = re.compile(r"(?:^|(?<= ))(?:[.?!]|[?!]{2,})(?: [\"'”’»)\]]+)*(?= (?![\"'”’»)\]])[^a-z]|\s*$)")
# Untokenized text: end punctuation and closing quotes, then whitespace and anything but a
# lower-case letter; and line breaks or runs of two or more spaces (paragraph breaks).
_PUNCT_END = re.compile(r"[.?!]+[\"'”’»)\]]*(?=\s+(?![a-z])\S)")
_BREAK = re.compile(r"\n\s*|[ \t]{2,}")
_WORD_BEFORE = re.compile(r"(\S+)$")


# --- configuration ---------------------------------------------------------------------

# The parts of speech of a word that can name a place, a time or an amount ("Kursk",
# "the front pages", "Wednesday", "1986", "three"); particles, pronouns, adverbs and
# prepositions ("out", "itself", "then", "from") cannot.
PHRASE_POS = frozenset({"NOUN", "PROPN", "NUM"})


@lru_cache(maxsize=4)
def _load(path: str) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def eligibility_config(kind: str, path: str | Path = ELIGIBLE_FILE) -> dict[str, Any]:
    """The entry of ``kind`` ("rams", "geneva", "wikievents") in the eligibility file, with
    the file's abbreviation list added; KeyError for a kind the file does not cover."""
    data = _load(str(path))
    entry = dict(data["datasets"][kind])
    if entry.get("sentences") not in SENTENCE_METHODS:
        raise ValueError(f"{path}: {kind}.sentences must be one of {', '.join(SENTENCE_METHODS)}")
    entry["abbreviations"] = frozenset(a.casefold() for a in data.get("abbreviations", ()))
    return entry


@lru_cache(maxsize=1)
def _tagger() -> Any:
    """The English spaCy pipeline the extractor uses (no download), for tagging fillers."""
    import spacy

    from extractor.model import model_name

    return spacy.load(model_name(), disable=["parser", "ner", "lemmatizer"])


def phrase_fillers(texts: Iterable[str]) -> dict[str, bool]:
    """Filler text -> whether it is a phrase that can name a place, time or amount: one of
    its words, tagged alone by spaCy, is a noun, a proper noun or a number (``PHRASE_POS``)."""
    unique = sorted(set(texts))
    if not unique:
        return {}
    return {t: any(w.pos_ in PHRASE_POS for w in doc) for t, doc in zip(unique, _tagger().pipe(unique))}


def _type_matches(event_type: str, names: Iterable[str]) -> bool:
    return any(event_type == n or event_type.startswith(n + ".") for n in names)


def excluded_category(event_type: str | None, config: Mapping[str, Any]) -> str | None:
    """"reporting", "cognition" or "aspect" when the type is excluded, else None."""
    if not event_type:
        return None
    for category in CATEGORIES:
        if _type_matches(event_type, config["exclude"].get(category, ())):
            return category
    return None


# --- sentences -------------------------------------------------------------------------


def _is_abbreviation(text: str, period: int, abbreviations: frozenset[str]) -> bool:
    """True when the "." at ``period`` closes an abbreviation rather than a sentence."""
    match = _WORD_BEFORE.search(text, 0, period)
    if not match:
        return False
    word = match.group(1).lstrip("\"'“‘«([")
    if not word:
        return False
    if "." in word:  # "U.S", "a.m": an inner period
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return True
    return word.casefold() in abbreviations


def sentence_spans(text: str, method: str, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, covering all of it."""
    if method not in SENTENCE_METHODS:
        raise ValueError(f"unknown sentence method {method!r}; use one of {', '.join(SENTENCE_METHODS)}")
    if method == "record" or not text:
        return [(0, len(text))]
    ends: list[int] = []
    if method == "tokens":
        ends = [m.end() for m in _TOKEN_END.finditer(text)]
    else:
        abbrevs = frozenset(a.casefold() for a in abbreviations)
        for m in _PUNCT_END.finditer(text):
            if m.group().rstrip("\"'”’»)]") == "." and _is_abbreviation(text, m.start(), abbrevs):
                continue
            ends.append(m.end())
        ends += [m.end() for m in _BREAK.finditer(text)]
        ends.sort()
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [*ends, len(text)]:
        if end <= start:
            continue
        if text[start:end].strip():
            spans.append((start, end))
            start = end
        elif spans:  # whitespace only: it joins the sentence before
            spans[-1] = (spans[-1][0], end)
            start = end
        # leading whitespace: the first sentence takes it
    return spans or [(0, len(text))]


def sentence_of(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span holding character ``offset`` (the last one for an offset past the end)."""
    for start, end in spans:
        if start <= offset < end:
            return start, end
    return spans[-1]


# --- events ----------------------------------------------------------------------------


def _spans(slot: Any) -> list[dict[str, Any]]:
    """The filler span objects of a gold slot (the slot itself and its ``also`` fillers)."""
    if not isinstance(slot, dict) or slot.get("text") is None:
        return []
    return [slot] + [a for a in slot.get("also") or () if isinstance(a, dict) and a.get("text")]


def _context_spans(event: Mapping[str, Any], slot: str, config: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The fillers of a location / date / quantity slot, without those whose role the
    configuration says is no place, time or amount for the event's type (GENEVA maps the
    Goal of Assistance, the aim helped towards, to location)."""
    ignored = _roles_for(event, config.get("context_roles_ignored", {}))
    return [f for f in _spans(event.get(slot)) if f.get("role") not in ignored]


def _roles_for(event: Mapping[str, Any], table: Mapping[str, list[str]]) -> set[str]:
    """The roles ``table`` (event type or type prefix -> roles) lists for the event's type."""
    event_type = event.get("event_type") or ""
    return {role for name, roles in table.items() if _type_matches(event_type, [name]) for role in roles}


def _is_question(text: str, sentence: tuple[int, int]) -> bool:
    return text[sentence[0] : sentence[1]].rstrip().rstrip("\"'”’»)] ").endswith("?")


def _inside(span: Mapping[str, Any], sentence: tuple[int, int]) -> bool:
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return False
    return start < sentence[1] and sentence[0] < max(end, start + 1)


def actor_spans(event: Mapping[str, Any], config: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The event's actor fillers: its ``actor`` slot, plus the ``other_args`` whose role the
    configuration maps to actor for the event's type (intransitive subjects)."""
    spans = _spans(event.get("actor"))
    roles = _roles_for(event, config.get("subject_actor_roles", {}))
    if roles:
        spans += [
            a for a in event.get("other_args") or () if isinstance(a, dict) and a.get("role") in roles and a.get("text")
        ]
    return spans


def classify_event(
    event: Mapping[str, Any], text: str, sentences: Sequence[tuple[int, int]], config: Mapping[str, Any]
) -> dict[str, Any]:
    """Whether one annotated event of a record with text ``text`` is eligible.

    Returns ``{"eligible", "reason", "gold", "in_sentence"}``: ``reason`` is None or the first
    failing condition of ``REASONS``; ``gold`` maps "actor" (when the event has one) and each
    location / date / quantity slot with a filler in the trigger's sentence to the slot's
    filler texts (all of them, wherever they stand: matching is by text); ``in_sentence`` maps
    those location / date / quantity slots to their fillers inside the sentence.
    """
    sentence = sentence_of(sentences, event["action"]["start"])
    actors = actor_spans(event, config)
    context = {s: _context_spans(event, s, config) for s in CONTEXT_SLOTS}
    gold = {"actor": [a["text"] for a in actors]} if actors else {}
    gold.update({s: [f["text"] for f in fs] for s, fs in context.items() if any(_inside(f, sentence) for f in fs)})
    reason = excluded_category(event.get("event_type"), config)
    if reason is None:
        if _is_question(text, sentence):
            reason = "question"
        elif not actors:
            reason = "no_actor"
        elif not any(_inside(a, sentence) for a in actors):
            reason = "actor_outside_sentence"
        elif not any(context.values()):
            reason = "no_place_date_quantity"
        elif not any(s in gold for s in CONTEXT_SLOTS):
            reason = "place_date_quantity_outside_sentence"
    in_sentence = {s: [f["text"] for f in fs if _inside(f, sentence)] for s, fs in context.items() if s in gold}
    return {"eligible": reason is None, "reason": reason, "gold": gold, "in_sentence": in_sentence}


# --- scoring ---------------------------------------------------------------------------


def _slot_figures(counts: Mapping[str, Mapping[str, int]]) -> dict[str, Any]:
    return {
        s: {
            "n": c["n"],
            "recalled": c["recalled"],
            "recall": c["recalled"] / c["n"] if c["n"] else None,
            "n_found": c["n_found"],
            "recall_given_trigger": c["recalled"] / c["n_found"] if c["n_found"] else None,
        }
        for s, c in counts.items()
    }


def score_eligible(
    records: Iterable[Mapping[str, Any]],
    predictions: Mapping[str, Any],
    *,
    kind: str,
    config: Mapping[str, Any] | None = None,
    phrase_test: Callable[[Iterable[str]], Mapping[str, bool]] | None = None,
) -> dict[str, Any]:
    """Found-mode figures over the eligible events of RAMS / GENEVA / WikiEvents records.

    Each record's events and predicted tuples are paired exactly as in
    ``score_span_data`` (all the record's events take part, so the figures are those of the
    main report restricted to eligible events). ``trigger.recall`` = eligible events paired
    with a tuple / eligible events. Per slot, ``recall`` over the eligible events that give
    the slot in the trigger's sentence (the actor: all eligible events): the paired tuple's
    slot matches, leniently, one of the slot's fillers (any filler, wherever it stands).

    ``any_actor``: the same figures (without the actor) over the events that pass the type
    and the location/date/quantity conditions whatever their actor, the set guide v2 asks
    for once agentless events are admitted (a superset of the eligible events).

    ``phrase_fillers``: the same figures as the main ones over the eligible events with a
    location, date or quantity filler in the trigger's sentence that ``phrase_test`` (filler
    texts -> whether each is a phrase; default ``phrase_fillers``, spaCy's tags) calls a
    phrase; a slot counts there when one of its in-sentence fillers is a phrase.
    """
    config = config or eligibility_config(kind)
    reasons = {r: 0 for r in REASONS}
    excluded_types: dict[str, dict[str, int]] = {c: {} for c in CATEGORIES}
    counts = {s: {"n": 0, "n_found": 0, "recalled": 0} for s in ELIGIBLE_SLOTS}
    loose = {s: {"n": 0, "n_found": 0, "recalled": 0} for s in CONTEXT_SLOTS}
    events_n = eligible_n = found_n = loose_n = loose_found = 0
    kept: list[tuple[dict[str, list[str]], bool, dict[str, bool]]] = []  # each eligible event's in-sentence fillers, found, hits
    for row in records:
        text = row["text"]
        sentences = sentence_spans(text, config["sentences"], config.get("abbreviations", ()))
        events = [t for t in _tuples(row) if isinstance(t.get("action"), dict)]
        preds = predictions[row["id"]].tuples if row["id"] in predictions else ()
        pairs = dict(_pair_events(events, preds))
        for e, event in enumerate(events):
            events_n += 1
            verdict = classify_event(event, text, sentences, config)
            reason, gold = verdict["reason"], verdict["gold"]
            if reason is not None:
                reasons[reason] += 1
                if reason in excluded_types:
                    event_type = str(event.get("event_type"))
                    excluded_types[reason][event_type] = excluded_types[reason].get(event_type, 0) + 1
            slots = [s for s in CONTEXT_SLOTS if s in gold]
            if reason in CATEGORIES or reason == "question" or not slots:
                continue
            pred = preds[pairs[e]] if e in pairs else None
            hits = {
                s: pred is not None
                and isinstance(pred.get(s), str)
                and any(text_match(pred[s], f, lenient=True) for f in fillers)
                for s, fillers in gold.items()
            }
            loose_n += 1
            loose_found += pred is not None
            for s in slots:
                _count(loose[s], pred is not None, hits[s])
            if reason is None:
                eligible_n += 1
                found_n += pred is not None
                for s in gold:
                    _count(counts[s], pred is not None, hits[s])
                kept.append((verdict["in_sentence"], pred is not None, hits))
    is_phrase = (phrase_test or phrase_fillers)([f for fillers, _, _ in kept for fs in fillers.values() for f in fs])
    phrase_n = phrase_found = 0
    phrase_counts = {s: {"n": 0, "n_found": 0, "recalled": 0} for s in ELIGIBLE_SLOTS}
    for fillers, found, hits in kept:
        slots = [s for s, fs in fillers.items() if any(is_phrase[f] for f in fs)]
        if not slots:
            continue
        phrase_n += 1
        phrase_found += found
        for s in ("actor", *slots):
            if s in hits:
                _count(phrase_counts[s], found, hits[s])
    return {
        "n": eligible_n,
        "events": events_n,
        "sentences": config["sentences"],
        "not_eligible": reasons,
        "excluded_types": {
            c: dict(sorted(t.items(), key=lambda kv: (-kv[1], kv[0]))) for c, t in excluded_types.items()
        },
        "trigger": _recall(found_n, eligible_n),
        "slots": _slot_figures(counts),
        "any_actor": {"n": loose_n, "trigger": _recall(loose_found, loose_n), "slots": _slot_figures(loose)},
        "phrase_fillers": {"n": phrase_n, "trigger": _recall(phrase_found, phrase_n), "slots": _slot_figures(phrase_counts)},
    }


def _count(c: dict[str, int], found: bool, hit: bool) -> None:
    c["n"] += 1
    c["n_found"] += found
    c["recalled"] += hit


def _recall(found: int, n: int) -> dict[str, Any]:
    return {"found": found, "n": n, "recall": found / n if n else None}
