"""Document-level events (annotation guide section 5, issue 13): merge mention tuples.

``merge_events(tuples, text=..., published=..., title=...)`` groups the mention tuples of one
article into the distinct real-world events they report and returns one ``DocumentEvent``
per event: the main event first (``main=True``), the others by first mention. It is a pure,
deterministic function of its arguments (no model, no parsing): the tuples' offsets, values
and classes are all it reads, plus the article text for the headline, dateline and lead, the
shipped word classes (``extractor/data/lexicon``: pronouns, titles, prepositions of position)
and the offline gazetteer (for places named in the headline or lead).

**Merging** (``_compatible``). Two mentions may report the same happening only when

- their **class** agrees: the project's ``event_type``, with ``combat`` and ``casualty``
  together ("the attack" and "killed six" are one attack); a mention of class ``other`` (or
  none) only with the same action lemma;
- their **actors** are compatible: one is missing or a pronoun, or the canonical names are
  equal, or the words of one are all in the other ("Trump" / "President-elect Donald Trump");
- their **places** are compatible: one is missing or a bare common noun ("the city"); two
  resolved places are the same or one contains the other (a country its places, a first-level
  subdivision its cities); an unresolved place matches a text that contains it or lies
  possibly in a resolved country. Two different resolved cities, or different named places,
  are different events (two attacks in two cities);
- their **dates** are compatible: one is missing, the resolved intervals overlap, or, where
  a date is unresolved, one text contains the other or not both name a calendar point;
- their **modality**: a negated mention merges only with negated ones;
- their **figures**: outside combat/casualty, two different figures (other than a sum against a
  count, or a measure against a count: "reducing the bar to 360g" / "two of our bars", a unit
  of measure being a noun most of whose WordNet senses are of the class ``quantity``) are two
  events (another wave, another contingent); within combat/casualty a new figure is an update
  of the toll.

Mentions are taken in text order. Each joins an earlier event when it is compatible with
*every* mention of it (complete link: no chain of loose matches joins two incompatible
mentions) and has enough positive evidence with at least one of them: the same action (same
lemma, or two casualty verbs) is enough; across lemmas two agreeing slots (actor, place,
date or figure) are needed. Among several such events it joins the one with the highest mean
evidence, then the nearest. A definite event noun ("the attack", "this blast", "the deadly
bombing") refers back: it joins the best compatible earlier event of its class, the nearest
when nothing else tells them apart, even without positive evidence.

**A total and its batches** (``_join_parts``) are one event: when the figures of mentions of
other events add up exactly to an event's figure (two batches of 1,500 soldiers and "3,000
soldiers have been dispatched"), and those mentions are compatible with every mention of it
apart from the figures, they join it. All must be done or all planned: a planned total bounded
by a later date ("10,000 expected by December, including those already sent") is another
happening than what has been sent so far (``seeds/README.md``, "A total and its batches").

**Slots** (``_fill``). Actor and action come from the *anchor* (for the main event its first
headline or lead mention, otherwise its first mention; a pronoun actor gives way to the first
named actor of the event). Quantity, location and date come from the anchor when it states
them (a resolved place or date preferred), else from the first mention in text order that
does (a stated figure before a magnitude word). A combat/casualty toll keeps the **latest
figure**: a mention whose figure follows an update cue ("rose to", "revised", "now") wins,
else the highest figure (tolls only grow), else the first. Normalized values travel with their
slot; modality, source, event class and evidence with the action. Each slot keeps its
provenance in ``origins``: the mention, that mention's modality and source. A pronoun actor
whose canonical name the linker resolved ("we" -> Toblerone) is given as the nearest
occurrence of that name before it (``from`` still names the mention). A date that an asserted,
reported or negated mention resolved wholly after the publication date ("Tuesday's election"
read as next Tuesday) is resolved again as past: a reported happening is not in its report's
future. For the main event, such a date with no past reading ("for the first time in 108 years"
read as 2124) is no date of it: the headline, dateline and lead, then the publication date,
date it.

**Headline, dateline, lead and publication date.** Only for the main event, and only from
the headline (without its *kicker*, a label of at most five words before a colon: "US
election 2016: ..."), the dateline (``textprep.find_dateline``: the dateline text preparation
splits off) or the lead (the first two sentences of the body after the dateline). The main
event is a *proxy* when none of its mentions is in the headline or lead (the extractor
did not catch the happening they report, so the event chosen stands in for it); the text
around it then comes before its own mentions for date and place.

- **Date**: when no mention of the event resolves a date (or for a proxy), the first calendar
  point of the headline, dateline or lead, the lead here being the first *four* sentences of
  the body (a photo caption and its credit, or a subscription prompt, often come before the
  sentence that dates the happening) (weekday, month and day, "yesterday", ...) that no
  mention of another event already claims (a headline or lead mention whose actor is the main
  event's, none or a definite description, "the six-year-old", may report the same happening
  and claims nothing, unless its date names its own event noun: "Tuesday's election"), that
  is not in capitals ("USA TODAY") and that
  does not follow a reporting verb (any inflection of the lexicon's class ``reporting``, not
  after a determiner or preposition: "said on Friday" dates the report), resolved against
  ``published``. A headline that states a statement (a verb of the class ``reporting``:
  "Clinton blames Comey", "FBI declares it is done") reports a happening no mention caught
  unless the main event is itself a statement: the report's date ("Comey said Sunday")
  then dates it, before the main event's own mention date. A date so found replaces an
  unresolved mention date ("for days", "48 hours"). When
  nothing dates the event at all, the **publication date** (news reports the happening of
  its day; ``origins`` region "published", the date text is the ISO date, no offsets).
- **Location**: when no mention names a place, a mention's place is a bare common noun
  ("home"), or the event is a proxy: the dateline's place ("LONDON --", "WASHINGTON, Nov 6
  (Reuters) -"), else the first place after a preposition of position or destination in the
  headline, then the lead, that the gazetteer knows (the longest such name: "Sao Paulo" of
  "in Sao Paulo Click to share"); for no place or a bare common noun ("the city"), last the
  first place the gazetteer knows opening a run of capitalized words of the headline, whose
  words the body repeats inside sentences ("Chicago" of "Chicago Cubs fans celebrate ...").
- **Actor**: when no mention names who did it (none, a pronoun left unresolved, or a common
  noun: "men", "Their UK bars"), the **headline's subject**: its first run of capitalized
  words (after the kicker) that names an actor of some mention of the article, by the
  actor's words or canonical name, cut after the last word that does ("North Korea" of
  "North Korea Deploys 3,000 Troops"); when none does, the run the headline opens with, cut
  after the last word the body repeats capitalized inside sentences (twice or more: "Toblerone
  fans outraged ..."). An actor named by a surname after a title or possessor ("Mrs Clinton",
  "Brazil's Massa") is given as the headline, the lead or the text before it names the person
  in full: the first run of capitalized words ending in that surname, without titles
  ("Hillary Clinton", "Felipe Massa" of "Williams' veteran driver Felipe Massa"). A proxy
  main event that stands in for a headline's statement ("Brits blame ... on Brexit", see
  Date) takes who states it: the capitalized words right before the reporting verb.

Such a slot has no ``from`` index (no mention gave it); ``origins`` names its region
("headline", "dateline", "lead" or "published").

**Main event** (``_main_score``): a mention in the headline 5 (+1 for the event of the
headline's first mention; a mention in the kicker counts for nothing); otherwise the headline
naming its action (a word that begins with its lemma) 2.5 and its named actor 2.5; 2 when
the head of a mention's actor is a name of the headline's subject ("Mrs Clinton" for
"Hillary Clinton blames ...", not "Clinton's lawyers"); a mention in the lead 1; position
2 * (1 - first offset / text length); 0.5 per further mention (at most 4); 1 for a named
actor, 0.5 each for a location and a date; -3 when negated. Ties go to the earlier first
mention.

**Confidence**: ``1 - prod(1 - c_i)`` over the mentions' own confidences (the chance that at
least one mention is a correct extraction of the happening, taking them as independent),
times 0.8 for each slot filled from the headline, dateline or lead rather than from a
mention, and 0.7 for a date that is only the publication date.

Measured (Giveme5W1H dev, main event who / where / when, split by sorted id into halves A,
developed on, and B, held out): A 52.8 / 48.0 / 41.9 % -> 77.8 / 68.0 / 74.2 %, B 58.3 /
43.5 / 21.4 % -> 72.2 / 60.9 / 67.9 % (``evaluation/README.md``, "Giveme5W1H", for the split).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, Sequence

from .contracts import RELATIVE_DATE_RULES
from .lexicon import default_lexicon, verb_lemmas, word_senses
from .textprep import Dateline, PreparedText, find_dateline
from .types import DateValue, DocumentEvent, EventTuple, PlaceValue, Slot, SlotOrigin

__all__ = ["DocumentEvent", "SlotOrigin", "merge_events"]

# Classes whose mentions merge across action lemmas; the others need the same lemma.
_VIOLENCE = frozenset({"combat", "casualty"})
_SPECIFIC_CLASSES = frozenset({"deploy", "supply", "pay", "casualty", "agree", "combat", "train", "reconstruct"})
REGION_FILL_FACTOR = 0.8
SUBJECT_BONUS = 2.0
PLACE_MAX_WORDS = 4
PUBLISHED_FILL_FACTOR = 0.7

_PRONOUNS = frozenset(
    "i me we us you he him she her it they them this that these those who whom which one someone "
    "somebody anyone everyone none".split()
)
_DROP_WORDS = frozenset("the a an its their his her our my your of".split())
_DEFINITE = re.compile(r"(?:^|[^\w])(?:the|this|that|these|those)\s+((?:[a-z][\w-]*\s+){0,2})$", re.IGNORECASE)
# Words after which a toll figure is an update of an earlier one.
_UPDATE_CUE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|increases|jumped|grew|grown|reached|reaches|"
    r"updated|revised|now|latest|new toll|toll to)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_CALENDAR = re.compile(
    rf"\b(?:{_WEEKDAYS}|{_MONTHS}\b\.?|(?:1[89]|20)\d\d|yesterday|today|tonight|tomorrow)\b", re.IGNORECASE
)
# Calendar points a lead or dateline states: weekday (with its part of day), month and day
# (with the year), day and month, yesterday/today/last night.
_POINT_DATE = re.compile(
    rf"\b(?:(?:early\s+|late\s+)?{_WEEKDAYS}(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\b\.?(?:,?\s+(?:19|20)\d\d)?"
    rf"|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b",
    re.IGNORECASE,
)
# What may stand between a reporting verb and a date it governs: up to two words and a
# preposition ("said on Friday", "told reporters late Monday"); the verb is the lexicon's
# class ``reporting`` (guide section 1: reporting verbs are the source of an event, not the
# event), so a date right after one is the report's.
_BEFORE_DATE = re.compile(r"\b([^\W\d_]+)\b(?=(?:\s+[\w,]+){0,2}?\s+(?:on\s+|early\s+|late\s+|last\s+)?$)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n\s*")
_CLOSERS = "\"'\u201d\u2019)"
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Prof|No|U\.S|U\.K|[A-Z][a-z]{2})\.$")


# --- mention features --------------------------------------------------------------------


def _norm(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    return " ".join(re.findall(r"[\w]+(?:[.,']\w+)*", text))


def _words(text: str | None) -> frozenset[str]:
    return frozenset(w for w in _norm(text).replace("'s", "").split() if w not in _DROP_WORDS)


def _contains(a: str, b: str) -> bool:
    """One normalized string holds the other on word boundaries."""
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return f" {short} " in f" {long_} "


def _interval(value: str | None) -> tuple[int, int] | None:
    """Ordinal days (first, last) of an ISO 8601 value: a day, month, year or interval."""
    if not value:
        return None
    if "/" in value:
        lo, _, hi = value.partition("/")
        a = _interval(lo) if lo != ".." else (dt.date.min.toordinal(), dt.date.min.toordinal())
        b = _interval(hi) if hi != ".." else (dt.date.max.toordinal(), dt.date.max.toordinal())
        return (a[0], b[1]) if a and b else None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if not m:
        return None
    try:
        y = int(m[1])
        if m[3]:
            d = dt.date(y, int(m[2]), int(m[3])).toordinal()
            return (d, d)
        if m[2]:
            mo = int(m[2])
            last = (dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)).toordinal()
            return (dt.date(y, mo, 1).toordinal(), last)
        return (dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal())
    except ValueError:
        return None


@dataclass
class _Mention:
    index: int
    pos: int
    t: EventTuple
    group: str
    lemma: str
    actor_words: frozenset[str] | None  # None: no actor or a pronoun
    actor_name: str
    loc_text: str
    loc_vague: bool
    interval: tuple[int, int] | None
    date_text: str
    date_specific: bool
    qty: tuple[float, str] | None
    negated: bool
    definite: bool
    region: str | None = None
    claimed: tuple[tuple[int, int], ...] = ()


def _group(t: EventTuple, lemma: str) -> str:
    et = t.event_type
    if et in _VIOLENCE:
        return "violence"
    if et in _SPECIFIC_CLASSES:
        return et
    return "lemma:" + lemma


def _position(t: EventTuple, index: int) -> int:
    for s in (t.action, t.evidence, t.actor):
        if s is not None and s.start is not None:
            return s.start
    return 10**9 + index


def _is_definite(t: EventTuple, text: str) -> bool:
    """A definite event noun: "the attack", "this blast", "the deadly bombing"."""
    a = t.action
    if a.start is None or not text or text[a.start : a.end] != a.text:
        return False
    m = _DEFINITE.search(text[max(0, a.start - 60) : a.start])
    if not m:
        return False
    mods = m.group(1).split()
    if not mods:
        return True
    word = a.text.casefold()
    return not word.endswith(("ed", "s")) and not any(w.endswith("s") for w in mods)


def _features(index: int, t: EventTuple, text: str) -> _Mention:
    lemma = (t.lemma or t.action.text).casefold()
    actor_text = t.actor.text if t.actor else None
    words = _words(actor_text)
    if not words or words <= _PRONOUNS:
        actor_words = None
        actor_name = ""
    else:
        actor_words = words
        actor_name = _norm(t.actor_value.name) if t.actor_value else ""
    loc = t.location.text if t.location else ""
    loc_vague = bool(loc) and _named(t.place) is None and not re.search(r"[A-Z]", loc)
    dtext = t.date.text if t.date else ""
    qty = None
    q = t.quantity_value
    if q is not None and isinstance(q.value, (int, float)) and not isinstance(q.value, bool) and not q.vague:
        qty = (float(q.value), q.unit or "")
    return _Mention(
        index=index,
        pos=_position(t, index),
        t=t,
        group=_group(t, lemma),
        lemma=lemma,
        actor_words=actor_words,
        actor_name=actor_name,
        loc_text=_norm(loc),
        loc_vague=loc_vague,
        interval=_interval(t.date_value.value) if t.date_value else None,
        date_text=_norm(dtext),
        date_specific=bool(_CALENDAR.search(dtext)),
        qty=qty,
        negated=t.modality == "negated",
        definite=_is_definite(t, text),
    )


# --- compatibility -----------------------------------------------------------------------


def _actor_match(a: _Mention, b: _Mention) -> int | None:
    """1 same actor, 0 unknown on one side, None different actors."""
    if a.actor_words is None or b.actor_words is None:
        return 0
    if a.actor_name and a.actor_name == b.actor_name:
        return 1
    small, big = sorted((a.actor_words, b.actor_words), key=len)
    if small <= big:
        return 1
    na, nb = _words(a.actor_name), _words(b.actor_name)
    if na and nb and (na <= nb or nb <= na):
        return 1
    return None


def _place_level(p: PlaceValue) -> int:
    """0 country, 1 first-level subdivision, 2 city or anything finer."""
    if p.geonameid is not None and p.admin1 is None:
        return 0
    if p.geonameid is None and p.admin1 is not None and p.admin1 == p.name:
        return 1
    return 2


def _place_contains(outer: PlaceValue, inner: PlaceValue) -> bool:
    if outer.country is None or outer.country != inner.country:
        return False
    lo, li = _place_level(outer), _place_level(inner)
    if lo == 0:
        return li > 0
    if lo == 1:
        return li == 2 and inner.admin1 == outer.name
    return False


def _place_match(a: _Mention, b: _Mention) -> int | None:
    if not a.loc_text or not b.loc_text or a.loc_vague or b.loc_vague:
        return 0
    pa, pb = _named(a.t.place), _named(b.t.place)
    if pa is not None and pb is not None:
        if (pa.geonameid is not None and pa.geonameid == pb.geonameid) or (pa.name, pa.country) == (pb.name, pb.country):
            return 1
        if _place_contains(pa, pb) or _place_contains(pb, pa):
            return 0
        return None
    names_a = {a.loc_text} | ({_norm(pa.name)} if pa else set())
    names_b = {b.loc_text} | ({_norm(pb.name)} if pb else set())
    if any(_contains(x, y) for x in names_a for y in names_b):
        return 1
    resolved = pa or pb
    if resolved is not None and _place_level(resolved) == 0:
        return 0  # an unresolved place may lie in the other's country
    return None


def _date_match(a: _Mention, b: _Mention) -> int | None:
    if not a.date_text or not b.date_text:
        return 0
    if a.interval and b.interval:
        (a0, a1), (b0, b1) = a.interval, b.interval
        if a1 < b0 or b1 < a0:
            return None
        return 1 if (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1) else 0
    if _contains(a.date_text, b.date_text):
        return 1
    if a.interval is None and b.interval is None and a.date_specific and b.date_specific:
        return None
    return 0


def _quantity_match(a: _Mention, b: _Mention) -> int | None:
    if a.qty is None or b.qty is None:
        return 0
    (va, ua), (vb, ub) = a.qty, b.qty
    if va == vb:
        return 1
    if a.group == "violence":
        return 0  # an updated toll
    if _is_currency(ua) != _is_currency(ub):
        return 0  # a sum and a count measure different things
    if ua != ub and _is_measure(ua) != _is_measure(ub):
        return 0  # a weight or length and a count of things ("360g" / "two of our bars")
    return None


_QUANTITY_CLASS = frozenset({"quantity"})
MEASURE_SHARE = 0.5


@lru_cache(maxsize=1024)
def _is_measure(unit: str | None) -> bool:
    """A unit of measure: a word most of whose WordNet noun senses, weighted by tag count, are
    of the class ``quantity`` ("g", "km", "gram", "tons"; not "bars", "troops", nor "pack", a
    group as often as an amount), as its singular when the plural is not listed."""
    if not unit:
        return False
    word = unit.casefold()
    senses = word_senses(word, "n")
    if senses is None and word.endswith("s"):
        senses = word_senses(word[:-1], "n")
    return senses is not None and senses.share(_QUANTITY_CLASS) > MEASURE_SHARE


def _is_currency(unit: str) -> bool:
    """An ISO 4217 code ("USD"), as the quantity normalizer writes currencies."""
    return bool(re.fullmatch(r"[A-Z]{3}", unit))


def _compatible(a: _Mention, b: _Mention, *, figures: bool = True) -> int | None:
    """Positive evidence (0 or more) that ``a`` and ``b`` report one happening, or None
    when they cannot (``figures=False``: leaving their figures aside)."""
    if a.group != b.group or a.negated != b.negated:
        return None
    score = 1 if _same_action(a, b) else 0
    tests = (_actor_match, _place_match, _date_match, _quantity_match) if figures else (_actor_match, _place_match, _date_match)
    for test in tests:
        r = test(a, b)
        if r is None:
            return None
        score += r
    return score


def _enough(a: _Mention, b: _Mention, evidence: int) -> bool:
    """Enough positive evidence to merge: with the same action, nothing more (the lemma is
    the evidence); across lemmas of one class, two agreeing slots."""
    return evidence >= (1 if _same_action(a, b) else 2)


def _same_action(a: _Mention, b: _Mention) -> bool:
    """The same lemma, or two casualty verbs (kill, die, injure: the toll of one happening)."""
    return a.lemma == b.lemma or a.t.event_type == b.t.event_type == "casualty"


def _cluster(mentions: list[_Mention]) -> list[list[_Mention]]:
    events: list[list[_Mention]] = []
    for m in mentions:
        best: tuple[Any, ...] | None = None
        for k, members in enumerate(events):
            if members[0].group != m.group or members[0].negated != m.negated:
                continue  # an event's mentions share both: one check rules it out
            scores = [_compatible(m, other) for other in members]
            if any(s is None for s in scores):
                continue
            if not m.definite and not any(_enough(m, o, s) for o, s in zip(members, scores)):
                continue
            evidence = sum(scores) / len(scores)
            nearest = max(o.pos for o in members)
            key = (evidence, nearest)
            if best is None or key > best[0]:
                best = (key, k)
        if best is None:
            events.append([m])
        else:
            events[best[1]].append(m)
    return events


PARTS_MAX = 4  # at most this many batches are added up against a total


def _planned(m: _Mention) -> bool:
    return m.t.modality == "planned"


def _join_parts(events: list[list[_Mention]]) -> list[list[_Mention]]:
    """A total and its batches are one event: the mentions of other events whose figures
    add up exactly to the figure of an event (two batches of 1,500 soldiers and "3,000
    soldiers have been dispatched") join it, when every one of them is compatible with
    every mention of it apart from the figures, all are done or all are planned (a planned
    total of 10,000 by December is not the 3,000 already sent), and each figure is smaller
    and of the same kind (a sum or a count)."""
    from itertools import combinations

    changed = True
    while changed:
        changed = False
        for k, total in enumerate(events):
            figures = [m.qty for m in total if m.qty is not None]
            if not figures or len({v for v, _ in figures}) != 1:
                continue
            value, unit = figures[0]
            planned = _planned(total[0])
            candidates = [
                (j, m)
                for j, other in enumerate(events)
                if j != k
                and all(_planned(o) == planned for o in other)
                and all(_compatible(o, t, figures=False) is not None for o in other for t in total)
                for m in other
                if m.qty is not None and m.qty[0] < value and _is_currency(m.qty[1]) == _is_currency(unit)
            ]
            for n in range(2, min(PARTS_MAX, len(candidates)) + 1):
                found = next((c for c in combinations(candidates, n) if sum(m.qty[0] for _, m in c) == value), None)
                if found is not None:
                    joined = {j for j, _ in found}
                    events[k] = sorted(total + [m for j in joined for m in events[j]], key=lambda m: (m.pos, m.index))
                    events = [e for j, e in enumerate(events) if j not in joined]
                    changed = True
                    break
            if changed:
                break
    return events


# --- regions of the article --------------------------------------------------------------


@dataclass(frozen=True)
class _Regions:
    headline: tuple[int, int] | None
    dateline: Dateline | None  # textprep's, the one definition of a dateline
    lead: tuple[int, int] | None
    kicker_end: int | None = None  # where the headline's claim begins after a kicker ("US election 2016: ")
    date_lead: tuple[int, int] | None = None  # the first DATE_LEAD_SENTENCES sentences of the body

    @property
    def claim(self) -> tuple[int, int] | None:
        """The headline without its kicker."""
        if self.headline is None:
            return None
        return (self.kicker_end if self.kicker_end is not None else self.headline[0], self.headline[1])


# A kicker: a short label before a colon at the start of a headline ("China well rescue: ...").
_KICKER = re.compile(r"^(?P<label>[^:\n]{2,60}?):\s+(?=\S)")
KICKER_MAX_WORDS = 5


def _kicker_end(text: str, headline: tuple[int, int] | None) -> int | None:
    if headline is None:
        return None
    head = text[headline[0] : headline[1]]
    m = _KICKER.match(head)
    if m is None or len(m.group("label").split()) > KICKER_MAX_WORDS or len(head[m.end() :].split()) < 3:
        return None
    return headline[0] + m.end()


def _sentence_ends(body: str, limit: int) -> list[int]:
    ends = []
    for m in _SENTENCE_END.finditer(body):
        if m.start() == 0:
            continue
        # the text before the end, closing quotes and brackets left out; only its last
        # characters are read (an abbreviation is at most five, and ``\b`` looks one before)
        j = m.start()
        while j > 0 and body[j - 1] in _CLOSERS:
            j -= 1
        before = body[max(0, j - 12) : j]
        if before.endswith(".") and _ABBREVIATION.search(before):
            continue
        if m.start() - (ends[-1] if ends else 0) < 15:  # furniture or a stray break
            continue
        ends.append(m.start())
        if len(ends) >= limit:
            break
    return ends


LEAD_SENTENCES = 2
# Sentences of the body searched for the main event's calendar point: a photo caption, its
# credit or a subscription prompt often comes before the sentence that dates the happening.
DATE_LEAD_SENTENCES = 4
_LEAD_FALLBACK_CHARS = 600  # a lead with no sentence end found


def _regions(text: str, title: str | None, prepared: PreparedText | None = None) -> _Regions:
    headline = None
    if title and title.strip():
        i = text.find(title.strip(), 0, 2000)
        if i >= 0:
            headline = (i, i + len(title.strip()))
    if headline is None:
        offset = 0
        for line in text.split("\n"):
            stripped = line.strip()
            if stripped and len(stripped.split()) >= 3:
                if len(stripped) <= 300 and offset + len(line) < len(text.rstrip()):
                    start = offset + line.index(stripped)
                    headline = (start, start + len(stripped))
                break
            offset += len(line) + 1
            if offset > 1000:
                break
    body_start = headline[1] if headline else 0
    while body_start < len(text) and text[body_start].isspace():
        body_start += 1
    dateline = prepared.dateline if prepared is not None and prepared.raw == text else find_dateline(text)
    if dateline is not None and dateline.start < body_start:
        dateline = None  # before the headline found by its title: not this story's opening
    lead_start = body_start
    if dateline is not None:
        lead_start = dateline.end
        while lead_start < len(text) and text[lead_start].isspace():
            lead_start += 1
    ends = _sentence_ends(text[lead_start : lead_start + 3000], max(LEAD_SENTENCES, DATE_LEAD_SENTENCES))
    fallback = min(len(text) - lead_start, _LEAD_FALLBACK_CHARS)
    lead_end = lead_start + (ends[: LEAD_SENTENCES][-1] if ends else fallback)
    date_end = lead_start + (ends[: DATE_LEAD_SENTENCES][-1] if ends else fallback)
    lead = (lead_start, lead_end) if lead_end > lead_start else None
    date_lead = (lead_start, date_end) if date_end > lead_start else None
    return _Regions(headline, dateline, lead, _kicker_end(text, headline), date_lead)


def _region_of(m: _Mention, regions: _Regions) -> str | None:
    t = m.t
    start = t.action.start if t.action.start is not None else (t.evidence.start if t.evidence else None)
    if start is None:
        return None
    if regions.headline and regions.headline[0] <= start < regions.headline[1]:
        claim = regions.claim
        return "headline" if claim and claim[0] <= start else "kicker"
    if regions.lead:
        # the lead, and whatever stands between the headline and it (the dateline, a byline)
        lo = regions.headline[1] if regions.headline else regions.lead[0]
        if lo <= start < regions.lead[1]:
            return "lead"
    return None


# --- filling slots -----------------------------------------------------------------------


def _named_actor(m: _Mention) -> bool:
    return m.actor_words is not None


def _pick_quantity(members: list[_Mention], anchor: _Mention, text: str) -> _Mention | None:
    stated = [m for m in members if m.t.quantity is not None]
    if not stated:
        return None
    if anchor.group == "violence":
        figures = [m for m in stated if m.qty is not None]
        if figures:
            cued = [m for m in figures if _update_cue(m, text)]
            if cued:
                return max(cued, key=lambda m: m.pos)
            top = max(m.qty[0] for m in figures)
            return min((m for m in figures if m.qty[0] == top), key=lambda m: m.pos)
    if anchor.t.quantity is not None and (anchor.qty is not None or all(m.qty is None for m in stated)):
        return anchor
    with_figure = [m for m in stated if m.qty is not None]
    return (with_figure or stated)[0]


def _update_cue(m: _Mention, text: str) -> bool:
    q = m.t.quantity
    if q is None or q.start is None or not text:
        return False
    return bool(_UPDATE_CUE.search(text[max(0, q.start - 60) : q.start]))


def _pick(members: list[_Mention], anchor: _Mention, slot: str, prefer) -> _Mention | None:
    if getattr(anchor.t, slot) is not None and prefer(anchor):
        return anchor
    stated = [m for m in members if getattr(m.t, slot) is not None]
    return next((m for m in stated if prefer(m)), stated[0] if stated else None)


def _origin(m: _Mention) -> SlotOrigin:
    return SlotOrigin(mention=m.index, modality=m.t.modality, source=m.t.source.text if m.t.source else None)


def _named(p: PlaceValue | None) -> PlaceValue | None:
    """``p`` when it names a place; a common noun's document country (``p.name`` None,
    ``build._context_place``) says nothing for merging mentions."""
    return p if p is not None and p.name is not None else None


def _canon_place(p: PlaceValue | None) -> PlaceValue | None:
    if p is None or not p.name:
        return None
    return PlaceValue(name=p.name, country=p.country, lat=p.lat, lon=p.lon, geonameid=p.geonameid, admin1=p.admin1)


def _canon_date(date: Slot | None, value: DateValue | None) -> DateValue | None:
    if value is None or value.value is None:
        return None
    return DateValue(value.value, date.text if date else "")


def _past_date(m: _Mention, published: str | None) -> DateValue | None:
    """The date of a mention that is not planned but whose resolved date lies wholly after
    the publication date ("Tuesday's election" read as the coming Tuesday), resolved again
    as past; ``None`` when it needs no correction or none is found. A happening that is
    asserted, reported or negated is not in the future of its report."""
    pub = _interval(published)
    if m.t.modality == "planned" or pub is None or m.interval is None or m.interval[0] <= pub[1]:
        return None
    from .normalize.date import normalize_date

    value = normalize_date(m.t.date.text, ref_date=published, past=True)
    span = _interval(value.value)
    return value if span is not None and span[0] <= pub[1] else None


def _future_date(values: Mapping[str, Any], by_index: Mapping[int, _Mention], published: str | None) -> bool:
    """The event's date comes from a mention that is not planned and still lies wholly after
    the publication date once read as past (``_past_date`` found no past reading)."""
    m = by_index.get(values["from_"].get("date", -1))
    pub = _interval(published)
    value = values.get("date_value")
    span = _interval(value.value) if value is not None else None
    return m is not None and m.t.modality != "planned" and pub is not None and span is not None and span[0] > pub[1]


def _fill(members: list[_Mention], anchor: _Mention, text: str, published: str | None = None) -> dict[str, Any]:
    at = anchor.t
    actor_m = anchor if _named_actor(anchor) or not any(_named_actor(m) for m in members) else next(
        m for m in members if _named_actor(m)
    )
    if actor_m.t.actor is None:
        actor_m = next((m for m in members if m.t.actor is not None), actor_m)
    chosen: dict[str, _Mention | None] = {
        "actor": actor_m if actor_m.t.actor is not None else None,
        "action": anchor,
        "quantity": _pick_quantity(members, anchor, text),
        "location": _pick(members, anchor, "location", lambda m: not m.loc_vague),
        "date": _pick(members, anchor, "date", lambda m: m.interval is not None),
    }
    q, loc, d, a = chosen["quantity"], chosen["location"], chosen["date"], chosen["actor"]
    return {
        "action": at.action,
        "lemma": at.lemma or at.action.text,
        "modality": at.modality,
        "source": at.source,
        "event_type": at.event_type,
        "evidence": at.evidence,
        "actor": a.t.actor if a else None,
        "actor_value": a.t.actor_value if a and a.t.actor_value and a.t.actor_value.name else None,
        "quantity": q.t.quantity if q else None,
        "quantity_value": q.t.quantity_value if q else None,
        "location": loc.t.location if loc else None,
        "place": _canon_place(loc.t.place) if loc else None,
        "date": d.t.date if d else None,
        "date_value": _canon_date(d.t.date, _past_date(d, published) or d.t.date_value) if d else None,
        "from_": {s: m.index for s, m in chosen.items() if m is not None},
        "origins": {s: _origin(m) for s, m in chosen.items() if m is not None},
    }


_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)


def _description(m: _Mention, text: str) -> bool:
    """A mention's actor is a definite description without a name ("the six-year-old", "the
    boy"): it refers back to someone already named, as a pronoun does."""
    a = m.t.actor
    if a is None or a.start is None or m.actor_words is None or re.search(r"[A-Z]", a.text[1:] if a.text else ""):
        return False
    return bool(_DEFINITE_BEFORE.search(text[max(0, a.start - 8) : a.start])) or a.text.casefold().startswith(("the ", "this "))


_PRENOMINAL_GAP = re.compile(r"(?:'s|\u2019s)?(?:\s+[a-z][\w-]*){0,2}\s+")


def _names_event(c: _Mention, text: str) -> bool:
    """The mention's date stands before its event noun as a modifier ("Tuesday's election",
    "the Nov. 8 vote"): the date names that event, which is no other's."""
    d, a = c.t.date, c.t.action
    if d is None or d.end is None or a.start is None or d.end > a.start:
        return False
    return _PRENOMINAL_GAP.fullmatch(text, d.end, a.start) is not None


def _may_be_main(c: _Mention, members: list[_Mention], text: str) -> bool:
    """A headline or lead mention of another event that may still report the main event's
    happening: its actor is the main event's, or unknown, or a definite description ("The
    six-year-old plummeted into the well on Sunday" of "boy falls into well"). Its date is
    then no other event's claim (a lead reports the headline's happening)."""
    if c.region not in ("headline", "lead") or _names_event(c, text):
        return False
    if c.actor_words is None or _description(c, text):
        return True
    return all(m.actor_words is None or _actor_match(c, m) is not None for m in members)


def _claimed_dates(mentions: Sequence[_Mention], members: list[_Mention], text: str) -> list[tuple[int, int]]:
    """Date spans that mentions of other events state, as long as they cannot be the main
    event's own (``_may_be_main``)."""
    own = {m.index for m in members}
    return [
        (m.t.date.start, m.t.date.end)
        for m in mentions
        if m.index not in own and m.t.date is not None and m.t.date.start is not None and m.t.date.end is not None
        and not _may_be_main(m, members, text)
    ]


def _headline_reports(text: str, regions: _Regions) -> bool:
    """The headline's claim states a statement: a verb of the lexicon's class ``reporting``
    (not after a determiner or preposition: "Clinton blames Comey", "FBI declares it is
    done"). The happening it reports is then that statement, dated by its report ("said
    Sunday", "on a call Saturday")."""
    claim = regions.claim
    if claim is None:
        return False
    reporting = _lexicon_words("reporting")
    markers = _noun_markers()
    prev = ""
    for m in re.finditer(r"[^\W\d_][\w'\u2019-]*", text[claim[0] : claim[1]]):
        w = m.group(0)
        if prev.casefold() not in markers and not verb_lemmas(w.casefold()).isdisjoint(reporting):
            return True
        prev = w
    return False


def _stater(text: str, regions: _Regions) -> Slot | None:
    """Who the headline's statement is by: the run of capitalized words right before its
    first verb of the class ``reporting`` ("Brits" of "Brits blame ... on Brexit")."""
    claim = regions.claim
    if claim is None:
        return None
    reporting = _lexicon_words("reporting")
    skip = _lexicon_words("determiners")
    for start, end, words in _cap_runs(text, *claim):
        m = re.match(r"\s+([^\W\d_]+)", text[end : claim[1]])
        if m is None or verb_lemmas(m.group(1).casefold()).isdisjoint(reporting):
            continue
        first = len(words)
        while first > 0:  # back from the verb, up to a determiner or a quote ("'I BLAME COMEY' Clinton")
            w = text[words[first - 1][0] : words[first - 1][1]]
            if w.casefold() in skip or re.search(r"['\u2019\u2018\"]", w):
                break
            first -= 1
        if first < len(words) and _name_words(text[words[first][0] : end]):
            return Slot(text[words[first][0] : end], words[first][0], end)
    return None


def _region_date(
    text: str, regions: _Regions, claimed: list[tuple[int, int]], published: str | None, planned: bool,
    reports: bool = False,
) -> tuple[Slot, DateValue | None, str] | None:
    spans: list[tuple[str, int, int]] = []
    if regions.headline:
        spans.append(("headline", *regions.headline))
    if regions.dateline is not None:
        spans.append(("dateline", regions.dateline.start, regions.dateline.end))
    if regions.date_lead:
        spans.append(("lead", *regions.date_lead))
    for region, lo, hi in spans:
        for m in _POINT_DATE.finditer(text, lo, hi):
            s, e = m.start(), m.end()
            if region != "dateline" and m.group(0).isupper():
                continue  # a name in capitals ("USA TODAY"), not a date
            if any(cs < e and s < ce for cs, ce in claimed):
                continue
            if not reports and _reported_at(text, max(lo, s - 40), s):
                continue  # "reported on Thursday" dates the report, not the event
            value = None
            if published:
                from .normalize.date import normalize_date

                value = normalize_date(m.group(0), ref_date=published, past=None if planned else True)
            return Slot(m.group(0), s, e), value, region
    return None


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w]*$")


def _reported_at(text: str, lo: int, hi: int) -> bool:
    """Whether a reporting verb (any inflection of the lexicon's class ``reporting``) stands
    right before ``hi``, up to two words and a preposition away ("said on Friday"). A form
    after a determiner or a preposition is a noun ("made the comments on Saturday", "in
    comments to donors on Saturday"): the date is then the happening's."""
    reporting = _lexicon_words("reporting")
    for m in _BEFORE_DATE.finditer(text, lo, hi):
        if verb_lemmas(m.group(1)).isdisjoint(reporting):
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is None or before.group(1).lower() not in _noun_markers():
            return True
    return False


def _noun_markers() -> frozenset[str]:
    """Determiners and prepositions: a word right after one is a noun, not a verb."""
    return (
        _lexicon_words("determiners") | _lexicon_words("temporal_preps") | _lexicon_words("static_preps")
        | _lexicon_words("governing_place_preps")
    )


def _region_place(text: str, regions: _Regions) -> Slot | None:
    if regions.dateline is None or regions.dateline.place is None:
        return None
    s, e = regions.dateline.place
    return Slot(text[s:e], s, e)


# --- the headline's subject and places ---------------------------------------------------

# A run of capitalized words, with the lower-case particles names keep inside them.
_CAP_WORD = re.compile(r"[A-Z0-9][\w.'\u2019&-]*")


_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_POSSESSIVE_END = re.compile(r"['\u2019]s$")


def _lexicon_words(name: str) -> frozenset[str]:
    return default_lexicon().words(name)


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Titles, honorifics and determiners: capitalized words that name no one."""
    return _lexicon_words("title_words") | _lexicon_words("honorifics") | _lexicon_words("determiners")


@lru_cache(maxsize=4096)  # pure in the phrase; the body's capitalized words repeat
def _name_words(text: str | None) -> frozenset[str]:
    """The capitalized words of a phrase, folded, without titles and honorifics: the words
    that name someone ("Mrs Clinton's campaign" -> {"clinton"})."""
    if not text:
        return frozenset()
    titles = _not_name_words()
    out = set()
    for w in _NAME_WORD.findall(text):
        w = _POSSESSIVE_END.sub("", w).strip(".")
        if w[:1].isupper() and w.casefold() not in titles:
            out.add(w.casefold())
    return frozenset(out)


def _cap_runs(text: str, lo: int, hi: int) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Runs of capitalized words between ``lo`` and ``hi`` (name particles may join two):
    (start, end, the words' spans)."""
    particles = _lexicon_words("name_particles")
    runs: list[tuple[int, int, list[tuple[int, int]]]] = []
    words: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []
    for m in re.finditer(r"[\w.'\u2019&-]+", text[lo:hi]):
        w, a, b = m.group(0), lo + m.start(), lo + m.end()
        gap = text[(pending or words)[-1][1] : a] if words else ""
        if words and gap.strip():  # punctuation between words ends a run
            runs.append((words[0][0], words[-1][1], words))
            words, pending = [], []
        if _CAP_WORD.fullmatch(w) and not w[:1].isdigit():
            words.extend(pending)
            pending = []
            words.append((a, b))
        elif words and w.casefold() in particles and not pending:
            pending = [(a, b)]
        else:
            if words:
                runs.append((words[0][0], words[-1][1], words))
            words, pending = [], []
    if words:
        runs.append((words[0][0], words[-1][1], words))
    return runs


def _known_names(mentions: list[_Mention]) -> frozenset[str]:
    """The name words of the mentions' actors and their canonical names."""
    known: set[str] = set()
    for m in mentions:
        if m.t.actor is not None:
            known |= _name_words(m.t.actor.text)
        if m.t.actor_value is not None:
            known |= _name_words(m.t.actor_value.name)
    return frozenset(known)


def _headline_subject(text: str, regions: _Regions, known: frozenset[str], *, opening: bool = False) -> Slot | None:
    """Who the headline is about: its first run of capitalized words (after any kicker)
    that names an actor of some mention of the article (by the actor's words or its
    canonical name: "Toblerone" when "we" was resolved to it), cut after the last word
    that names one ("North Korea" of "North Korea Deploys 3,000 Troops")."""
    claim = regions.claim
    if claim is None:
        return None
    if not known:
        return None
    skip = _lexicon_words("determiners")
    for run_start, _, words in _cap_runs(text, *claim):
        if opening and text[claim[0] : run_start].strip():
            return None  # only the words the headline opens with ("Brits blame ...")
        words = list(words)
        while words and text[words[0][0] : words[0][1]].casefold() in skip:
            words.pop(0)
        hits = [k for k, (a, b) in enumerate(words) if _name_words(text[a:b]) & known]
        if hits:
            start, end = words[0][0], words[hits[-1]][1]
            phrase = re.sub(r"['\u2019]s$", "", text[start:end])
            return Slot(phrase, start, start + len(phrase))
    return None


# A capitalized word inside a sentence: after a lower-case word, a comma or a hyphen.
_MID_CAPITAL = re.compile(r"(?<=[a-z,;\u2014-])\s+([A-Z][\w.\u2019'-]*)")
REPEATED_NAME_MIN = 2


def _repeated_names(text: str, regions: _Regions) -> frozenset[str]:
    """Name words the body repeats inside sentences (capitalized at least
    ``REPEATED_NAME_MIN`` times after a lower-case word: "... fans of Toblerone", "said
    Hillary Clinton"), the headline's subject when no mention's actor names it."""
    start = regions.headline[1] if regions.headline else 0
    counts: dict[str, int] = {}
    for m in _MID_CAPITAL.finditer(text, start):
        for w in _name_words(m.group(1)):
            counts[w] = counts.get(w, 0) + 1
    return frozenset(w for w, n in counts.items() if n >= REPEATED_NAME_MIN)


def _head_name(m: _Mention) -> str | None:
    """The folded last word of a mention's actor when it is a name ("Mrs Clinton" ->
    "clinton"); ``None`` for a pronoun or a common-noun head ("Clinton's lawyers")."""
    if m.t.actor is None or m.actor_words is None:
        return None
    words = re.findall(r"[^\W_][\w'\u2019.-]*", m.t.actor.text)
    if not words:
        return None
    last = re.sub(r"['\u2019]s$", "", words[-1]).strip(".")
    return last.casefold() if last[:1].isupper() and _name_words(last) else None


def _fuller_name(m: _Mention, text: str, regions: _Regions) -> Slot | None:
    """A mention's actor named only by a surname, after a title or a possessor ("Mrs
    Clinton", "Brazil's Massa"), as the headline or lead names the same person in full: the
    first run there of two or more capitalized words (no titles, no possessives) ending in
    that surname ("Hillary Clinton", "Felipe Massa" of "Williams' Felipe Massa")."""
    head = _head_name(m)
    actor = m.t.actor.text if m.t.actor is not None else ""
    own = " ".join(w for w in actor.split() if not re.search(r"['\u2019]s?$", w))  # without a possessor
    if head is None or _name_words(own) != {head}:
        return None
    stop = _lexicon_words("title_words") | _lexicon_words("honorifics") | _lexicon_words("determiners")
    spans = (regions.claim, regions.lead, (0, m.pos))  # the headline, the lead, then the text before it
    for span in spans:
        if span is None:
            continue
        for _, _, words in _cap_runs(text, *span):
            for k, (a, b) in enumerate(words):
                if k == 0 or text[a:b].rstrip(".").casefold() != head:
                    continue
                first = k
                while first > 0:
                    w = text[words[first - 1][0] : words[first - 1][1]]
                    if (
                        not w[:1].isupper()
                        or w.casefold().strip(".").split("-")[0] in stop
                        or re.search(r"['\u2019]", w)
                    ):
                        break
                    first -= 1
                if first < k:
                    end = a + len(text[a:b].rstrip("."))
                    return Slot(text[words[first][0] : end], words[first][0], end)
    return None


def _is_plain_actor(m: _Mention | None) -> bool:
    """No actor, a pronoun, or a common noun that names no one ("men", "Their UK bars"); a
    common noun that a name possesses names someone ("Ostrova's coach")."""
    if m is None or m.t.actor is None or m.actor_words is None:
        return True
    if re.search(r"\b[A-Z][\w.-]*['\u2019]s\b", m.t.actor.text):
        return False
    return _head_name(m) is None


def _antecedent(m: _Mention, text: str) -> Slot | None:
    """For a pronoun actor whose canonical name the linker resolved ("we" -> Toblerone),
    the nearest occurrence of that name in the text before it (else the first after)."""
    if m.t.actor is None or m.actor_words is not None or m.t.actor_value is None:
        return None
    name = m.t.actor_value.name
    if not name or not _name_words(name) or name.casefold() in _PRONOUNS:
        return None
    at = m.t.actor.start if m.t.actor.start is not None else m.pos
    found = [x.start() for x in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)]
    if not found:
        return None
    before = [i for i in found if i < at]
    i = before[-1] if before else found[0]
    return Slot(name, i, i + len(name))


def _region_places(text: str, regions: _Regions, *, modifiers: bool = False) -> Slot | None:
    """The first place named after a preposition of position in the headline (after any
    kicker), then in the lead ("in Sao Paulo", "at Interlagos"), that the gazetteer knows;
    ``modifiers``: the first place the gazetteer knows opening a run of capitalized words of
    the headline without a preposition, whose words the body repeats inside sentences
    (``_repeated_names``: "Chicago" of "Chicago Cubs fans celebrate", not a one-off name)."""
    from .normalize.place import normalize_place

    preps = _lexicon_words("locative_preps") | _lexicon_words("destination_preps")
    skip = _lexicon_words("determiners")
    repeated = _repeated_names(text, regions) if modifiers else frozenset()
    for span in (regions.claim,) if modifiers else (regions.claim, regions.lead):
        if span is None:
            continue
        for start, _, words in _cap_runs(text, *span):
            before = text[max(span[0], start - 30) : start].split()
            while before and before[-1].casefold() in skip:
                before.pop()
            if modifiers:
                while words and text[words[0][0] : words[0][1]].casefold() in skip:
                    words = words[1:]
                if not words or re.search(r"['\u2019]", text[words[0][0] : words[0][1]]):
                    continue
                start = words[0][0]
                words = [w for w in words if _name_words(text[start : w[1]]) <= repeated]  # a prefix
                if not words:
                    continue
            elif not before or before[-1].casefold() not in preps:
                continue
            for n in range(min(len(words), PLACE_MAX_WORDS), 0, -1):  # the longest name the gazetteer knows
                if not text[words[n - 1][0]].isupper():
                    continue  # a name ends with a name word, not a particle ("Lyon on Sunday")
                end = words[n - 1][1]
                phrase = text[start:end]
                if phrase.endswith(".") and "." not in phrase[:-1]:
                    phrase, end = phrase[:-1], end - 1  # the sentence's full stop
                if phrase and normalize_place(phrase) is not None:
                    return Slot(phrase, start, end)
    return None


# --- main event --------------------------------------------------------------------------


def _headline_words(text: str, regions: _Regions) -> frozenset[str]:
    if regions.headline is None:
        return frozenset()
    return _words(text[regions.headline[0] : regions.headline[1]])


def _echoes(members: list[_Mention], words: frozenset[str]) -> tuple[bool, bool]:
    """Whether the headline names the event's action (a word beginning with its lemma) and
    its actor (at least half the words of a named actor)."""
    if not words:
        return False, False
    action = any(
        len(m.lemma) >= 3 and any(w.startswith(m.lemma[: max(3, len(m.lemma) - 1)]) for w in words) for m in members
    )
    actor = any(
        m.actor_words is not None and 2 * len(m.actor_words & words) >= len(m.actor_words) for m in members
    )
    return action, actor


def _main_score(
    members: list[_Mention],
    first_headline: int | None,
    headline_words: frozenset[str],
    length: int,
    subject: frozenset[str] = frozenset(),
) -> tuple[float, int]:
    regions = {m.region for m in members}
    score = 0.0
    if subject and any(_head_name(m) in subject for m in members):
        score += SUBJECT_BONUS
    if "headline" in regions:
        score += 5
        if first_headline is not None and any(m.index == first_headline for m in members):
            score += 1
    else:
        action_echo, actor_echo = _echoes(members, headline_words)
        score += 2.5 * action_echo + 2.5 * actor_echo
    if "lead" in regions:
        score += 1
    first = min(m.pos for m in members)
    if length > 0 and first < length:
        score += 2 * (1 - first / length)
    score += 0.5 * min(len(members) - 1, 4)
    if any(_named_actor(m) for m in members):
        score += 1
    if any(m.t.location is not None for m in members):
        score += 0.5
    if any(m.t.date is not None for m in members):
        score += 0.5
    if members[0].negated:
        score -= 3
    return score, -first


def _actor_text(m: _Mention) -> str:
    """A mention's actor and its canonical name."""
    parts = [m.t.actor.text if m.t.actor else "", m.t.actor_value.name if m.t.actor_value else ""]
    return " ".join(p for p in parts if p)


def _noisy_or(values: Sequence[float]) -> float:
    miss = 1.0
    for c in values:
        miss *= 1.0 - min(max(float(c), 0.0), 1.0)
    return 1.0 - miss


# --- entry point -------------------------------------------------------------------------


def merge_events(
    tuples: Sequence[EventTuple], *, text: str, published: str | None, title: str | None = None, prepared: PreparedText | None = None
) -> list[DocumentEvent]:
    """The article's document-level events, main event first (see the module docstring).

    ``tuples`` are the article's mention tuples in output order (``mentions`` and ``from``
    index them), ``text`` the article, ``published`` its ISO publication date (resolves a
    date taken from the lead or dateline), ``title`` its headline when known (otherwise the
    first line of at least three words is taken as the headline), ``prepared`` the
    ``prepare_text`` of ``text`` when the caller has it (its dateline is then not looked for
    again). Deterministic; ``[]`` for no tuples.
    """
    if not tuples:
        return []
    text = text or ""
    regions = _regions(text, title, prepared)
    mentions = sorted((_features(i, t, text) for i, t in enumerate(tuples)), key=lambda m: (m.pos, m.index))
    for m in mentions:
        m.region = _region_of(m, regions)
    clusters = _join_parts(_cluster(mentions))
    headline_ms = [m for m in mentions if m.region == "headline"]
    first_headline = headline_ms[0].index if headline_ms else None
    words = _headline_words(text, regions)
    actor_names = _known_names(mentions)
    subject = _headline_subject(text, regions, actor_names) or _headline_subject(
        text, regions, _repeated_names(text, regions), opening=True
    )
    subject_words = _name_words(subject.text) if subject else frozenset()
    reports = _headline_reports(text, regions)
    main_k = max(
        range(len(clusters)),
        key=lambda k: (_main_score(clusters[k], first_headline, words, len(text), subject_words), -k),
    )
    by_index = {m.index: m for m in mentions}
    order = [main_k] + [k for k in range(len(clusters)) if k != main_k]
    events: list[DocumentEvent] = []
    for k in order:
        members = clusters[k]
        is_main = k == main_k
        anchor = members[0]
        if is_main:
            anchor = next((m for m in members if m.region in ("headline", "lead")), anchor)
        values = _fill(members, anchor, text, published)
        factor = 1.0
        actor_m = by_index.get(values["from_"].get("actor", -1))
        named = _antecedent(actor_m, text) if actor_m is not None else None
        if named is not None:
            values["actor"] = named  # "we" given as the name it stands for; from and origins stay the mention's
        if is_main and subject is not None and (actor_m is None or named is None and _is_plain_actor(actor_m)):
            # no mention names who did it: the headline's subject does
            values["actor"] = subject
            values["actor_value"] = None
            values["from_"].pop("actor", None)
            values["origins"]["actor"] = SlotOrigin(mention=None, region="headline")
            factor *= REGION_FILL_FACTOR
        elif is_main and actor_m is not None and named is None and (fuller := _fuller_name(actor_m, text, regions)):
            values["actor"] = fuller  # "Mrs Clinton" as the headline or lead names her in full
        elif (
            is_main
            and subject is not None
            and actor_m is not None
            and named is None
            and _head_name(actor_m) in subject_words
            and len(subject_words) > len(_name_words(actor_m.t.actor.text))
        ):
            # the headline names the same actor more fully ("Mrs Clinton" -> "Hillary Clinton");
            # from and origins stay the mention's
            values["actor"] = subject
        # a main event none of whose mentions is in the headline or lead stands in for the
        # happening they report (which no mention caught): their date and place come first
        proxy = is_main and not any(m.region in ("headline", "lead") for m in members)
        # a headline stating a statement ("Clinton blames Comey") reports a happening no
        # mention caught, unless the main event is itself a statement: the lead's date of it
        statement = is_main and reports and verb_lemmas(anchor.lemma).isdisjoint(_lexicon_words("reporting"))
        stater = _stater(text, regions) if statement and proxy else None
        if stater is not None and not (values["actor"] is not None and _name_words(values["actor"].text) & _name_words(stater.text)):
            # a proxy for the headline's statement: who states it ("Brits blame ...")
            values["actor"] = stater
            values["actor_value"] = None
            values["from_"].pop("actor", None)
            values["origins"]["actor"] = SlotOrigin(mention=None, region="headline")
            factor *= REGION_FILL_FACTOR
        if is_main and _future_date(values, by_index, published):
            # an asserted or reported happening dated wholly after its report, with no past
            # reading ("for the first time in 108 years" read as the year 2124): no date of it
            values["date"] = values["date_value"] = None
            values["from_"].pop("date", None)
            values["origins"].pop("date", None)
        if is_main and (values["date_value"] is None or proxy or statement):
            # no mention resolves a date: a calendar point of the headline, dateline or lead
            # replaces an unresolved mention date ("days", "48 hours") and fills an empty one
            found = _region_date(
                text, regions, _claimed_dates(mentions, members, text), published,
                planned=anchor.t.modality == "planned", reports=reports,
            )
            if found is not None and (values["date"] is None or found[1] is not None and found[1].value):
                slot, value, region = found
                values["date"] = slot
                values["date_value"] = _canon_date(slot, value)
                values["from_"].pop("date", None)
                values["origins"]["date"] = SlotOrigin(mention=None, region=region)
                factor *= REGION_FILL_FACTOR
        date_m = by_index.get(values["from_"].get("date", -1))
        relative = values["date_value"] is None and date_m is not None and (date_m.t.rules or {}).get("date") in RELATIVE_DATE_RULES
        if is_main and (values["date"] is None or relative) and _interval(published) is not None:
            # nothing in the article dates it, or only relative to another event ("after the
            # election result"): news reports the happening of its day
            values["date"] = Slot(published)
            values["date_value"] = DateValue(published, published)
            values["origins"]["date"] = SlotOrigin(mention=None, region="published")
            factor *= PUBLISHED_FILL_FACTOR
        loc_m = by_index.get(values["from_"].get("location", -1))
        if is_main and (values["location"] is None or proxy or loc_m is not None and loc_m.loc_vague):
            # no mention names a place: the dateline's, else one the headline or lead names
            slot, region = _region_place(text, regions), "dateline"
            if slot is None:
                slot, region = _region_places(text, regions), "headline"
                if slot is None and (values["location"] is None or loc_m is not None and loc_m.loc_vague):
                    # a place the headline or lead names as a modifier ("Chicago Cubs fans")
                    slot = _region_places(text, regions, modifiers=True)
                if slot is not None and not (regions.claim and regions.claim[0] <= slot.start < regions.claim[1]):
                    region = "lead"
            if slot is not None:
                values["location"] = slot
                values["place"] = None
                values["from_"].pop("location", None)
                values["origins"]["location"] = SlotOrigin(mention=None, region=region)
                factor *= REGION_FILL_FACTOR
        confidence = round(_noisy_or([m.t.confidence for m in members]) * factor, 4)
        events.append(
            DocumentEvent(
                mentions=tuple(sorted(m.index for m in members)),
                main=is_main,
                confidence=confidence,
                **values,
            )
        )
    return events
