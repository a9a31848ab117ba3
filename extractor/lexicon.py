"""Word classes and the word-form tests that drive trigger finding, modality and attribution.

The classes are data: ``extractor/data/lexicon/<class>.txt``, each naming its source (mostly
Levin's (1993) English verb classes and their VerbNet successors: verbs of communication
become an event's source, verbs of cognition, desire and appearance are not events,
aspectual and control verbs pass the event to their complement and lend it a modality).
One ``Lexicon`` reads them, and every stage consults the one it is given. The verb inventory
used to recognise nominalizations and agent nouns comes from the WordNet-derived lemma index
that ships with spaCy's English pipelines, so no word list here names what any particular
article says.

Which words name concrete events at all comes from WordNet 3.0's lexicographer classes
(``data/wordnet_classes.tsv.gz``, read once; one dict lookup per word, cached per lemma):

- a verb is an event verb when its concrete senses (``EVENT_VERB_CLASSES``: motion, contact,
  possession, competition, creation, change, social, consumption, body, weather,
  communication) carry at least ``VERB_EVENT_SHARE`` of its senses' weight (tag count + 1),
  i.e. it is not only a verb of cognition, perception, emotion or state (``is_event_verb``);
- a noun is an event noun when its occurrence senses (``EVENT_NOUN_CLASSES``: act, event,
  phenomenon) carry at least ``NOUN_EVENT_SHARE`` of its weight, it derives from an event
  verb (WordNet's derivational pointers, else the nominalization suffixes), and that verb is
  not made from the noun (``DENOMINAL_RATIO``: "war"); a happening (noun.event first) needs
  no verb and is its own action ("accident"), and so is an act below one of the lexicon's
  ``event_act_kinds`` in WordNet's hypernyms (``kind_event_noun``: "homicide",
  "genocide"); a closed compound WordNet lacks goes by its
  head ("airstrike") (``event_verb_of_noun``); after a support or light verb and for the
  lexicon's gatherings any occurrence sense will do (``occurrence_verb_of_noun``), and so
  it will for a noun with its own dated phrase of time ("a speech on Wednesday");
- the lexicon's classes stay the override: its non-event classes (reporting, cognition,
  light, aspectual, planning) are never events, its verbs of giving, getting, taking part
  and support always are, its locative nouns give their verb outright and its general
  places are never events. Trigger finding (``extractor.triggers``) makes three
  exceptions by context: an aspectual or planning verb with no complement ("finished
  third"), a cognition or light verb with mostly concrete WordNet senses that names a
  place ("stood outside Trump Tower", "remained in Kursk"), and a light verb WordNet lists
  with its bare object as one event verb ("took office").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Collection, Iterable, Mapping

import numpy as np

# Nominalization suffixes: (noun ending, verb endings to try).
_NOMINAL_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("isation", ("ise", "ize")),
    ("ization", ("ize",)),
    ("ication", ("y",)),
    ("ation", ("ate", "e", "")),
    ("ition", ("ite", "")),
    ("ution", ("ute", "ve")),
    ("sion", ("de", "d", "t", "se")),
    ("tion", ("t", "te", "")),
    ("ment", ("",)),
    ("ance", ("", "e")),
    ("ence", ("", "e")),
    ("ery", ("", "e")),
    ("ry", ("",)),
    ("al", ("", "e")),
    ("ure", ("", "e")),
    ("y", ("",)),
    ("ing", ("", "e")),  # gerunds WordNet lacks: "massing" -> "mass"
)


@lru_cache(maxsize=1)
def _lemma_tables() -> dict[str, Any]:
    """The tables of spaCy's English rule lemmatizer (``lemma_index``: lemmas by part of speech,
    WordNet-derived; ``lemma_exc``: irregular forms; ``lemma_rules``: suffix rules); ``{}``
    without the model."""
    try:
        import spacy
        from spacy.lookups import Lookups
        from spacy.util import get_package_path

        from .model import model_name

        name = model_name()
        # the model's saved lookups, read without building a second pipeline (a tenth of the time)
        folders = sorted(get_package_path(name).glob("*/lemmatizer/lookups"))
        if folders:
            lookups = Lookups().from_disk(folders[0])
        else:
            lemmatizer = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "ner", "attribute_ruler"])
            lookups = lemmatizer.get_pipe("lemmatizer").lookups
        return {t: lookups.get_table(t) for t in ("lemma_index", "lemma_exc", "lemma_rules") if lookups.has_table(t)}
    except Exception:  # noqa: BLE001 - without the model, nominalizations fall back to suffix rules
        return {}


@lru_cache(maxsize=1)
def _irregular_plurals() -> dict[str, str]:
    """Singular -> plural of the nouns spaCy's English lemmatizer lists as irregular
    (``lemma_exc``, WordNet's noun exceptions: "feet" -> "foot", "teeth" -> "tooth"), where the
    singular has one such plural; ``{}`` without the model."""
    table = _lemma_tables().get("lemma_exc")
    if table is None:
        return {}
    plurals: dict[str, set[str]] = {}
    for plural, singulars in table["noun"].items():
        for singular in singulars:
            if singular != plural:
                plurals.setdefault(singular, set()).add(plural)
    return {singular: next(iter(forms)) for singular, forms in plurals.items() if len(forms) == 1}


def irregular_plural(noun: str) -> str | None:
    """The irregular plural of a lower-cased noun by spaCy's English lemmatizer tables ("foot" ->
    "feet", "child" -> "children"), or None: a regular noun, or one the tables do not list."""
    return _irregular_plurals().get(noun)


@lru_cache(maxsize=1)
def _lemma_index() -> dict[str, frozenset[str]]:
    """Lemmas by part of speech from the WordNet-derived index shipped with spaCy's English lemmatizer."""
    table = _lemma_tables().get("lemma_index")
    if table is None:
        return {}
    return {pos: frozenset(table[pos]) for pos in ("noun", "verb", "adj", "adv")}


@lru_cache(maxsize=4096)
def verb_lemmas(word: str) -> frozenset[str]:
    """The base forms a verb form may have, by spaCy's English rule lemmatizer without a parse
    ("said" -> {"say"}, "tells" -> {"tell"}, "stated" -> {"state"}): its irregular forms, else
    its suffix rules kept when they give a WordNet verb; the word itself always (it may be a
    base form). For raw text where no parse is at hand; a parsed token has its ``lemma_``."""
    low = word.lower()
    tables = _lemma_tables()
    exceptions = tables["lemma_exc"]["verb"] if "lemma_exc" in tables else {}
    out = {low, *exceptions.get(low, ())}
    verbs = _wordnet_verbs()
    for suffix, rep in tables["lemma_rules"]["verb"] if "lemma_rules" in tables else ():
        if low.endswith(suffix) and len(low) > len(suffix):
            base = low[: len(low) - len(suffix)] + rep
            if base in verbs:
                out.add(base)
    return frozenset(out)


def is_wordnet_noun(word: str) -> bool:
    """Whether a lower-cased word is a noun lemma of the WordNet-derived index ("gun", "police")."""
    return word in _lemma_index().get("noun", frozenset())


def _wordnet_verbs() -> frozenset[str]:
    """Verb lemmas of the WordNet-derived index."""
    return _lemma_index().get("verb", frozenset())


@lru_cache(maxsize=1)
def _wordnet_words() -> frozenset[str]:
    """Every lemma (noun, verb, adjective, adverb) of the WordNet-derived index."""
    return frozenset().union(*_lemma_index().values())


def is_dictionary_word(word: str) -> bool:
    """Whether ``word`` (any case, simple inflections) is an English dictionary word."""
    words = _wordnet_words()
    low = word.lower()
    candidates = {low}
    for suffix, rep in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("d", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            candidates.add(low[: -len(suffix)] + rep)
    return any(c in words for c in candidates)


def is_non_event_verb(lemma: str, lexicon: Lexicon | None = None) -> bool:
    """Whether a verb lemma never heads an event tuple of its own (reporting, cognition,
    light or aspectual; ``lexicon=None``: the shipped lexicon)."""
    lexicon = lexicon or default_lexicon()
    return lemma in lexicon.reporting or lemma in lexicon.cognition or lemma in lexicon.light or lemma in lexicon.aspectual


def verb_of_nominal(noun: str, *, verbs: Collection[str] | None = None, lexicon: Lexicon | None = None) -> str | None:
    """The verb a deverbal event noun comes from ("deployment" -> "deploy"), if any: the
    lexicon's locative nouns give theirs outright ("presence" -> "be"), then WordNet's
    derivational pointers ("bombing" -> "bomb"), then the nominalization suffixes (with
    ``verbs`` given, the suffixes over that inventory alone)."""
    noun = noun.lower()
    given = (lexicon or default_lexicon()).extra_nouns.get(noun)
    if given is not None:
        return given
    if verbs is None:
        senses = word_senses(noun, "n")
        wordnet = derived_verb(senses) if senses is not None else None
        if wordnet is not None:
            return wordnet  # "bombing" -> "bomb", "explosion" -> "explode", "clash" -> "clash"
    verbs = _wordnet_verbs() if verbs is None else verbs
    if not verbs:
        return None
    for suffix, replacements in _NOMINAL_SUFFIXES:
        if noun.endswith(suffix) and len(noun) >= len(suffix) + 4:
            stem = noun[: -len(suffix)]
            for rep in replacements:
                cand = stem + rep
                if cand in verbs and cand != noun and len(cand) >= 4:
                    return cand
            # doubled consonant before -al/-ery: "referral" -> "refer"
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs:
                return stem[:-1]
    return None


# ---------------------------------------------------------------------------------------
# WordNet 3.0 lexicographer classes (data/wordnet_classes.tsv.gz, made by
# data/build_wordnet.py): which verbs and nouns name concrete events.
# ---------------------------------------------------------------------------------------

WORDNET_TABLE = Path(__file__).parent / "data" / "wordnet_classes.tsv.gz"
# Each noun.act / noun.event sense's hypernyms (build_wordnet.py), for ``kind_event_noun``.
WORDNET_KINDS_TABLE = Path(__file__).parent / "data" / "wordnet_act_kinds.tsv.gz"

# Verb classes of concrete happenings: movement, physical contact (kill, seize, arrest),
# changes of possession (pay, supply, buy), competition and fighting (attack, deploy, win),
# making (build, produce), changes of state (die, explode, increase), social acts (vote,
# elect, resign, rescue), consumption, the body (injure, wound) and weather ("missiles
# rained on"), and communication: the guide's closed class of reporting and attribution
# verbs is the lexicon's ``reporting`` (an event's source, never an event), while other
# communicative acts with a place or time are events in the gold ("speak at a rally in
# Ohio", "sign a treaty", "protest outside the embassy", "negotiate in Geneva").
EVENT_VERB_CLASSES = frozenset(
    {"motion", "contact", "possession", "competition", "creation", "change", "social",
     "consumption", "body", "weather", "communication"}
)
# The rest: cognition (think, decide, study), perception (see, watch, hear), emotion (love,
# fear) and stative (be, live, cost, include) verbs report no happening of their own.
NON_EVENT_VERB_CLASSES = frozenset({"cognition", "perception", "emotion", "stative"})
# Noun classes of occurrences: acts ("attack", "arrest", "massacre"), events ("crash",
# "explosion") and natural phenomena ("blast", "fire"). Participants (noun.person,
# noun.group: "soldier", "troop", "brigade"), places, artefacts, states ("crisis"),
# communications, cognitions and the rest never are.
EVENT_NOUN_CLASSES = frozenset({"act", "event", "phenomenon"})
# After a support or light verb, speech acts count too ("gave a speech", "held talks"),
# and such senses need only carry this share of the noun's weight ("staged a protest":
# the act of protesting is second to the formal declaration in WordNet's counts).
SPEECH_ACT_CLASSES = EVENT_NOUN_CLASSES | {"communication"}
# Noun classes of who can act or be held to an act: people and bodies of people
# ("the runner", "the company"; noun.person, noun.group).
AGENT_NOUN_CLASSES = frozenset({"person", "group"})
SUPPORTED_EVENT_SHARE = 0.3
# Happenings (noun.event) need no verb: "accident", "earthquake", "funeral", "victory" are
# occurrences whatever their origin, and the noun is then its own action; WordNet's first
# sense must be the happening then ("casualty" is first a person, "famine" a state). Acts
# need a verb: noun.act also holds activities and practices ("a job", "a practice").
HAPPENING_NOUN_CLASSES = frozenset({"event"})
# A verb is an event verb when its concrete senses carry at least this share of its
# senses' weight (a sense weighs its tag count + 1): its dominant senses are not all
# cognition, perception, emotion or stative.
VERB_EVENT_SHARE = 0.25
# A noun is an event noun when its occurrence senses carry at least half its weight.
NOUN_EVENT_SHARE = 0.5
# ... and when its verb is the base word, not a rare denominal verb: a noun used in
# WordNet's tagged corpus more than this many times as often as its verb names a thing or
# situation the verb was made from ("war" 106 times, "to war" never; "battle" 81, "to
# battle" 6), not an occurrence of a verb's event ("attack" 25, "to attack" 43).
DENOMINAL_RATIO = 10.0


@dataclass(frozen=True)
class WordSenses:
    """One lemma's WordNet senses in WordNet's order: classes, tag counts and, for nouns,
    the verbs each sense is derivationally related to."""

    classes: tuple[str, ...]
    counts: tuple[int, ...]
    verbs: tuple[tuple[str, ...], ...] = ()

    def share(self, classes: frozenset[str]) -> float:
        """The weight (tag count + 1 per sense) of the senses in ``classes``."""
        total = sum(self.counts) + len(self.counts)
        return sum(c + 1 for k, c in zip(self.classes, self.counts) if k in classes) / total if total else 0.0

    @property
    def total(self) -> int:
        return sum(self.counts)


def parse_senses(field: str, pos: str) -> WordSenses:
    """The senses column of ``wordnet_classes.tsv.gz``: ``class:count[:verb,verb] ...``."""
    classes, counts, verbs = [], [], []
    for sense in field.split(" "):
        parts = sense.split(":")
        classes.append(parts[0])
        counts.append(int(parts[1]))
        verbs.append(tuple(v.replace("_", " ") for v in parts[2].split(",")) if len(parts) > 2 else ())
    return WordSenses(tuple(classes), tuple(counts), tuple(verbs) if pos == "n" else ())


@lru_cache(maxsize=1)
def _wordnet_fields() -> dict[str, dict[str, str]]:
    """``{"n": {lemma: senses column}, "v": {...}}`` from the vendored table, read once and
    parsed lemma by lemma on first use (empty when the table is missing: trigger finding
    then falls back to the nominalization suffixes and counts every verb)."""
    import gzip

    out: dict[str, dict[str, str]] = {"n": {}, "v": {}}
    try:
        with gzip.open(WORDNET_TABLE, "rt", encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        return out
    for line in text.splitlines():
        if line and line[0] != "#":
            lemma, pos, field = line.split("\t")
            out[pos][lemma] = field
    return out


@lru_cache(maxsize=None)
def word_senses(lemma: str, pos: str) -> WordSenses | None:
    """A lemma's WordNet senses as a noun (``pos`` "n") or verb ("v"), or None."""
    field = _wordnet_fields()[pos].get(lemma)
    return None if field is None else parse_senses(field, pos)


@lru_cache(maxsize=None)
def wordnet_class_row(lemma: str, classes: tuple[str, ...]) -> np.ndarray:
    """A learned head's WordNet features of a lemma (``trigger_head``, ``selector``): the
    shares of ``classes`` among its verb senses (tag count + 1 per sense),
    then among its noun senses, then whether it has verb senses and noun senses."""
    n = len(classes)
    row = np.zeros(2 * n + 2, dtype=np.float32)
    for k, pos in enumerate(("v", "n")):
        senses = word_senses(lemma, pos)
        if senses is None:
            continue
        row[2 * n + k] = 1.0
        total = senses.total + len(senses.counts)
        for cls, count in zip(senses.classes, senses.counts):
            if cls in classes:
                row[k * n + classes.index(cls)] += (count + 1) / total
    return row


def derived_verb(senses: WordSenses, *, occurrences_only: bool = False) -> str | None:
    """The verb a noun comes from by WordNet's derivational pointers: that of its most
    frequent occurrence sense that has one, else (unless ``occurrences_only``) of its most
    frequent sense that has one."""
    # the first sense with verbs by descending count, WordNet's order on ties (a stable sort
    # by count), read in one pass: the most frequent such sense, the earliest of equals
    best = best_any = None
    best_count = best_any_count = -1
    for cls, count, verbs in zip(senses.classes, senses.counts, senses.verbs):
        if not verbs:
            continue
        if count > best_any_count:
            best_any, best_any_count = verbs, count
        if count > best_count and cls in EVENT_NOUN_CLASSES:
            best, best_count = verbs, count
    if best is not None:
        return best[0]
    return None if occurrences_only or best_any is None else best_any[0]


@lru_cache(maxsize=None)
def wordnet_event_verb(lemma: str) -> bool | None:
    """Whether a verb is an event verb by its WordNet classes alone; None if WordNet lacks it."""
    senses = word_senses(lemma, "v")
    return None if senses is None else senses.share(EVENT_VERB_CLASSES) >= VERB_EVENT_SHARE


_NOT_IN_WORDNET = ""


@lru_cache(maxsize=None)
def wordnet_event_noun(noun: str) -> str | None:
    """The event verb a one-word noun names an occurrence of by its WordNet classes alone
    (the lexicon's overrides are applied by ``event_verb_of_noun``), None when it names
    none, ``""`` when WordNet lacks the noun."""
    senses = word_senses(noun, "n")
    if senses is None:
        return _NOT_IN_WORDNET
    if senses.share(EVENT_NOUN_CLASSES) < NOUN_EVENT_SHARE:
        return None
    # WordNet's derivational pointers, else the nominalization suffixes ("annexation" has
    # no pointer to "annex")
    verb = derived_verb(senses) or verb_of_nominal(noun, verbs=_wordnet_fields()["v"].keys())
    if verb is None and senses.classes[0] in HAPPENING_NOUN_CLASSES and senses.share(HAPPENING_NOUN_CLASSES) >= NOUN_EVENT_SHARE:
        return noun  # "accident", "earthquake", "victory": a happening with no verb of its own
    if verb is None or not wordnet_event_verb(verb):
        return None
    if _denominal(senses, verb):
        return None  # "war": the verb is made from the noun
    return verb


@lru_cache(maxsize=1)
def _wordnet_kind_fields() -> dict[str, str]:
    """``{noun: hypernyms column}`` from ``WORDNET_KINDS_TABLE`` (empty when it is missing)."""
    import gzip

    try:
        with gzip.open(WORDNET_KINDS_TABLE, "rt", encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        return {}
    return dict(line.split("\t", 1) for line in text.splitlines() if line and line[0] != "#")


@lru_cache(maxsize=None)
def act_kinds(noun: str) -> tuple[frozenset[str], ...]:
    """Per WordNet sense of a one-word noun, in WordNet's order, the first words of its
    hypernyms ("homicide": ``{"killing", "termination", ..., "act", ...}``); empty for a
    sense outside noun.act and noun.event, ``()`` for a noun with no such sense."""
    field = _wordnet_kind_fields().get(noun)
    if field is None:
        return ()
    return tuple(frozenset() if k == "-" else frozenset(k.split(">")) for k in field.split(" "))


def kind_event_noun(noun: str, kinds: Collection[str]) -> str | None:
    """The action of a noun that names an occurrence by its kind: its senses below one of
    ``kinds`` (WordNet noun.act synsets such as military action, killing, crime, attack:
    the lexicon's ``event_act_kinds``) carry at least ``NOUN_EVENT_SHARE`` of its weight.
    The action is the event verb those senses derive from, or the noun itself when they
    derive from none ("homicide", "genocide": the guide makes a noun with no verb of its own
    its own action). None when that verb is made from the noun (``DENOMINAL_RATIO``: "war",
    "battle"): such a noun names the setting of events as often as one ("troops joining
    Russia's war in Ukraine", which the seeds' gold leaves out; admitting it cost the seeds
    two spurious tuples, lenient micro 0.81 -> 0.80, for one RAMS event), and no structure
    of the noun phrase told the two apart ("Syria's civil war" is a RAMS event). None too
    for a noun outside the kinds ("crime" itself is no kind of crime: the other rules
    decide it)."""
    senses = word_senses(noun, "n")
    per_sense = act_kinds(noun)
    if senses is None or len(per_sense) != len(senses.classes):
        return None
    kinds = frozenset(kinds)
    under = [bool(k & kinds) for k in per_sense]
    total = senses.total + len(senses.counts)
    if not total or sum(c + 1 for c, u in zip(senses.counts, under) if u) / total < NOUN_EVENT_SHARE:
        return None
    for k in sorted(range(len(under)), key=lambda k: -senses.counts[k]):
        if under[k] and senses.verbs[k]:
            verb = senses.verbs[k][0]
            if _denominal(senses, verb):
                return None  # "war", "battle": the base word of its verb, a setting as often
            return verb if wordnet_event_verb(verb) else None
    return noun


# WordNet noun classes of the places an event can be in, at or on. The whole of noun.artifact
# and noun.object was tried and left out: it made places of gloves, plates and curbs of
# sports play-by-play; the buildings, structures, vehicles and ways among artifacts are the
# lexicon's ``artifact_places`` (WordNet's hypernym graph, ``linking.location.artifact_place``).
PLACE_NOUN_CLASSES = frozenset({"location"})
PLACE_NOUN_SHARE = 0.5


@lru_cache(maxsize=None)
def wordnet_place_noun(noun: str) -> bool:
    """Whether a common noun names somewhere by its WordNet classes alone: its first sense
    and at least ``PLACE_NOUN_SHARE`` of its weight are in ``PLACE_NOUN_CLASSES`` ("the
    venue", "a county"; not "a statement", "the race", "the phone")."""
    senses = word_senses(noun, "n")
    if senses is None or senses.classes[0] not in PLACE_NOUN_CLASSES:
        return False
    return senses.share(PLACE_NOUN_CLASSES) >= PLACE_NOUN_SHARE


def is_event_verb(lemma: str, lexicon: Lexicon | None = None) -> bool:
    """Whether a verb (or phrasal verb, "blow up") reports a concrete event: never the
    lexicon's non-event classes; always its verbs of giving, getting, taking part and its
    support verbs ("undergo", which WordNet files under perception); else
    by its WordNet classes (``EVENT_VERB_CLASSES``, ``VERB_EVENT_SHARE``); a verb WordNet
    lacks counts as one."""
    lexicon = lexicon or default_lexicon()
    if lexicon.non_event(lemma):
        return False
    if lexicon.always_event(lemma):
        return True
    known = wordnet_event_verb(lemma)
    return True if known is None else known  # a phrasal verb WordNet lacks too ("see off")


_VOWELS = frozenset("aeiou")


def verb_base(token) -> str:
    """A verb token's base form: its lemma, but with the silent "e" English spelling drops
    before "-ed" and "-ing" put back where the lemmatizer lost it ("staged" given as "stag",
    "staring" as "star"): a one-syllable lemma ending in a single vowel and consonant
    doubles that consonant when inflected ("stagged", "starring"), so an undoubled
    inflection of it comes from the lemma + "e", when WordNet has that verb. Likewise "-es" after
    a plain consonant ("hopes" given as "hop"): such a stem takes "-s" ("hops"), so the verb is
    the lemma + "e"."""
    return _verb_forms_of(token)[0]


@lru_cache(maxsize=65536)
def _verb_base(lemma: str, low: str) -> str:
    """``verb_base`` of a lemma and the lower-case form it was read from (kept per pair: the
    stages ask it of the same verbs many times)."""
    if (
        len(lemma) >= 3 and lemma.isalpha() and lemma[-1] not in _VOWELS and lemma[-1] not in "wxy"
        and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS
        and sum(ch in _VOWELS for ch in lemma) == 1
        and low in (lemma + "ed", lemma + "ing")
        and word_senses(lemma + "e", "v") is not None
    ):
        return lemma + "e"
    if (  # "hopes" given as "hop": a stem ending in a plain consonant takes "-s", so "-es" is stem + "e" + "s"
        len(lemma) >= 2 and lemma.isalpha() and low == lemma + "es"
        and lemma[-1] not in _VOWELS and lemma[-1] not in "sxzy" and not lemma.endswith(("ch", "sh"))
        and word_senses(lemma + "e", "v") is not None
    ):
        return lemma + "e"
    return lemma


def verb_forms(token) -> tuple[str, ...]:
    """The base forms a verb token may have, for word-class checks (support, light): its
    lemma and, when it differs, ``verb_base``."""
    return _verb_forms_of(token)


class VerbFormsCache:
    """``verb_forms`` by the string ids of a token's lemma and lower-case form (``Token.lemma``,
    ``Token.lower``): the rules ask it, and ``verb_base``, of the same verbs thousands of times
    a document, and reading the ids costs a fraction of decoding ``lemma_`` and ``lower_``.
    The forms depend on those two strings alone, which the ids stand for; at most ``size``
    pairs are kept (then the answers are computed, not stored)."""

    __slots__ = ("size", "_kept")

    def __init__(self, size: int = 65536) -> None:
        self.size = size
        self._kept: dict[tuple[int, int], tuple[str, ...]] = {}

    def forms(self, token) -> tuple[str, ...]:
        """``(verb_base, lemma)``, or ``(lemma,)`` when they are the same (the lemma lower-cased)."""
        try:
            key = (token.lemma, token.lower)
        except AttributeError:  # an object with only ``lemma_`` and ``lower_``: not kept
            return _forms(token.lemma_.lower(), token.lower_)
        kept = self._kept
        found = kept.get(key)
        if found is None:
            found = _forms(token.lemma_.lower(), token.lower_)
            if len(kept) < self.size:
                kept[key] = found
        return found


# The cache ``verb_forms`` and ``verb_base`` read (its bound ``forms``, looked up once).
_VERB_FORMS = VerbFormsCache()
_verb_forms_of = _VERB_FORMS.forms


def _forms(lemma: str, low: str) -> tuple[str, ...]:
    base = _verb_base(lemma, low)
    return (lemma,) if base == lemma else (base, lemma)


def in_verb_class(token, words) -> bool:
    """Whether a verb token is in a word class (a set of base forms and phrasal verbs, "set
    off"), by any of its base forms (``verb_forms``) alone or with its particle."""
    forms = verb_forms(token)
    if any(f in words for f in forms):
        return True
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    return any(f"{f} {p}" in words for f in forms for p in particles)


def names_happening(noun, lexicon: Lexicon) -> bool:
    """Whether a noun token names a happening rather than a doer or a thing: a situation
    (``eventive_nouns``: "fighting", "violence") or a noun with an occurrence sense where its
    context forces it (``occurrence_verb_of_noun``, ``supported``: "clashes", "a fire", "a
    dispute"); for a noun of amount or series, its "of" object ("a wave of shooting"). Not a
    noun of people ("the rioters") nor a name."""
    if noun.pos_ != "NOUN" or noun.ent_type_ or is_agent_noun(noun.lemma_.lower()):
        return False
    lemma = noun.lemma_.lower()
    if lemma in lexicon.eventive_nouns or occurrence_verb_of_noun(lemma, lexicon, supported=True) is not None:
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and names_happening(p, lexicon) for p in c.children)
        for c in noun.children
    )


@lru_cache(maxsize=None)
def _compound_event_noun(noun: str) -> str | None:
    """The event verb of a closed compound WordNet lacks, by its head: "airstrike" -> "strike"
    (a word of at least three letters, then an event noun of at least four)."""
    words = _wordnet_words()
    for k in range(3, len(noun) - 3):
        verb = wordnet_event_noun(noun[k:])
        if verb and noun[:k] in words:
            return verb
    return None


def event_verb_of_noun(noun: str, lexicon: Lexicon | None = None) -> str | None:
    """The event verb a noun names an occurrence of ("attack" -> "attack", "bombing" ->
    "bomb", "deployment" -> "deploy", "presence" -> "be"), or None for participants,
    places, things and situations ("troop", "soldier", "war").

    The lexicon's locative nouns give their verb outright and its general places are never
    events; then WordNet's classes (``EVENT_NOUN_CLASSES``, ``NOUN_EVENT_SHARE``,
    ``DENOMINAL_RATIO``) with the verb its derivational pointers give, which must itself be
    an event verb; a closed compound WordNet lacks goes by its head ("airstrike"); a noun
    WordNet lacks by the nominalization suffixes."""
    return _event_verb_of_noun(noun, lexicon or default_lexicon())


# A noun is looked up again for each of its mentions, in a document and across documents:
# the answer depends only on the noun and the lexicon's content (``Lexicon`` hashes and
# compares by its digest), so it is kept.
@lru_cache(maxsize=16384)
def _event_verb_of_noun(noun: str, lexicon: Lexicon) -> str | None:
    given = lexicon.extra_nouns.get(noun)
    if given is not None:
        return given
    if noun in lexicon.general_places:
        return None
    verb = wordnet_event_noun(noun)
    if verb == _NOT_IN_WORDNET:
        verb = _compound_event_noun(noun) or verb_of_nominal(noun, lexicon=lexicon)
    elif verb is None:
        verb = kind_event_noun(noun, lexicon.event_act_kinds)  # "homicide", "war": by its kind
    if verb is None or not is_event_verb(verb, lexicon):
        return None
    return verb


def occurrence_verb_of_noun(noun: str, lexicon: Lexicon | None = None, *, supported: bool = False) -> str | None:
    """The event a noun names where its context forces the occurrence reading: the object
    of a support or light verb (``supported``: "staged a protest", "held meetings", "gave a
    speech") and the lexicon's gatherings ("a rally in Ohio"). A minor occurrence sense will
    do then: its senses of act, event, phenomenon (and after a support verb communication
    too, speech acts: "held talks", "imposed sanctions") need only carry
    ``SUPPORTED_EVENT_SHARE`` of its weight (a gathering needs none). Gives the verb it
    derives from when that is an event verb, else the noun itself; None for a noun with too
    little of an act ("took a goat", "took a heavy toll"), for nouns of the lexicon's
    non-event verbs ("made a decision", "made a statement") and for nouns whose verb is
    made from them ("waged war")."""
    lexicon = lexicon or default_lexicon()
    found = event_verb_of_noun(noun, lexicon)
    if found is not None:
        return found
    senses = word_senses(noun, "n")
    if senses is None:
        return noun if noun in lexicon.gatherings else None
    classes = SPEECH_ACT_CLASSES if supported else EVENT_NOUN_CLASSES
    if noun not in lexicon.gatherings and senses.share(classes) < SUPPORTED_EVENT_SHARE:
        return None  # "took a heavy toll", "carried out a series of": too little of an act
    verb = derived_verb(senses)
    if verb is not None and ((lexicon.non_event(verb) and not _appearing(verb, lexicon)) or _denominal(senses, verb)):
        return None  # "made a decision"; "waged war", "faced a task": the noun is primary
    return verb if verb is not None and is_event_verb(verb, lexicon) else noun


def _appearing(verb: str, lexicon: Lexicon) -> bool:
    """A verb the lexicon files as cognition only for its raising use ("appears to be",
    "struggles to understand") that is also one of its intransitive verbs of coming into
    being or moving (Levin 48.1.1 appear, VerbNet): its noun, where the context forces the
    occurrence ("a campaign appearance on Sunday", "made an appearance in court"), names
    the showing up, an event; the noun itself is then the action."""
    return (
        verb in lexicon.intransitive and verb in lexicon.cognition
        and verb not in lexicon.reporting and verb not in lexicon.light
        and verb not in lexicon.aspectual and verb not in lexicon.planning
    )


def _denominal(senses: WordSenses, verb: str) -> bool:
    """Whether ``verb`` is made from the noun of ``senses`` (``DENOMINAL_RATIO``)."""
    verb_senses = word_senses(verb, "v")
    return verb_senses is not None and senses.total + 1 > DENOMINAL_RATIO * (verb_senses.total + 1)


# Agent-noun suffixes: (noun ending, stem endings to try, whether the stem must be a verb).
_AGENT_SUFFIXES: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("ier", ("y",), True),
    ("er", ("", "e"), True),
    ("or", ("", "e"), True),
    ("ist", ("", "y", "ism"), False),
)


def is_agent_noun(noun: str, *, words: dict[str, frozenset[str]] | None = None) -> bool:
    """Whether a noun names the doer of an event by its form: "supplier" (supply), "inspector"
    (inspect), "terrorist" (terror), by the WordNet-derived lemma index."""
    noun = noun.lower()
    index = _lemma_index() if words is None else words
    verbs, nouns = index.get("verb", frozenset()), index.get("noun", frozenset())
    for suffix, replacements, verb_stem in _AGENT_SUFFIXES:
        if noun.endswith(suffix) and len(noun) >= len(suffix) + 3:
            stem = noun[: -len(suffix)]
            for rep in replacements:
                cand = stem + rep
                if len(cand) >= 4 and (cand in verbs or not verb_stem and cand in nouns):
                    return True
            # doubled consonant: "shopper" -> "shop"
            if verb_stem and len(stem) > 4 and stem[-1] == stem[-2] and stem[:-1] in verbs:
                return True
    return False


# ---------------------------------------------------------------------------------------
# Word classes as data: extractor/data/lexicon/<class>.txt, one entry a line, a header of
# "#" lines that names the source ("# source: ...") and, for mappings, "# kind: map" (then
# each line is "key<TAB>value value ..."). Every stage reads its word classes through one
# Lexicon, which the component builds from its config and hands to each stage.
# ---------------------------------------------------------------------------------------

LEXICON_DIR = Path(__file__).parent / "data" / "lexicon"
# The lexicon's classes of verbs that always report an event, whatever WordNet says
# (``Lexicon.always_event``, ``is_event_verb``): giving, getting, taking part, support
# ("undergo", which WordNet files under perception).
ALWAYS_EVENT_CLASSES = ("giving", "getting", "participation", "support")


@dataclass(frozen=True)
class WordClass:
    """One word class as read from its data file."""

    name: str
    source: str
    kind: str  # "set" or "map"
    entries: tuple[str, ...] = ()  # kind "set"
    pairs: tuple[tuple[str, tuple[str, ...]], ...] = ()  # kind "map"


def read_word_class(path: Path) -> WordClass:
    """Read ``path`` (the format above); raises ``ExtractorError`` E040 when it breaks it."""
    from .errors import ExtractorError

    source, kind = "", "set"
    entries: list[str] = []
    pairs: list[tuple[str, tuple[str, ...]]] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\n")
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            if key.strip() == "source":
                source = value.strip() if not source else source + " " + value.strip()
            elif key.strip() == "kind":
                kind = value.strip()
            continue
        if not line.strip():
            continue
        if kind == "map":
            key, tab, value = line.partition("\t")
            if not tab:
                raise ExtractorError("E040", path=str(path), line=n, why="a map entry needs key<TAB>values")
            pairs.append((key.strip(), tuple(value.split())))
        else:
            entries.append(line.strip())
    if not source:
        raise ExtractorError("E040", path=str(path), line=1, why="no '# source:' header")
    if kind not in ("set", "map"):
        raise ExtractorError("E040", path=str(path), line=1, why=f"unknown kind {kind!r}")
    return WordClass(path.stem, source, kind, tuple(entries), tuple(pairs))


@lru_cache(maxsize=8)
def _read_directory(directory: str) -> dict[str, WordClass]:
    return {p.stem: read_word_class(p) for p in sorted(Path(directory).glob("*.txt"))}


class Lexicon:
    """Every word class the stages consult, loaded from data files.

    ``Lexicon()`` reads the shipped classes; ``Lexicon(add={"planning": ["greenlight"]})``
    adds entries (for a map class, give a dict), ``Lexicon(replace={...})`` swaps a class
    whole, ``directory=`` reads another folder. ``lexicon.words("reporting")`` gives a
    frozenset, ``lexicon.mapping("prep_object_control")`` a dict of tuples, and
    ``lexicon.reporting`` either, by the class's kind. ``digest`` fingerprints the content
    and ``digest_of(names)`` some classes of it, so artefacts trained against one lexicon can
    tell when they meet another.

    Trigger finding and linking consult the lexicon they are given (the component's). The
    normalizers (actor, quantity), the gazetteer and text preparation run outside any one
    component and read the shipped classes (``default_lexicon()``): to change what they
    read, edit the data files.
    """

    def __init__(
        self,
        *,
        directory: str | Path | None = None,
        add: Mapping[str, Any] | None = None,
        replace: Mapping[str, Any] | None = None,
    ) -> None:
        from .errors import ExtractorError

        classes = _read_directory(str(directory or LEXICON_DIR))
        sets: dict[str, frozenset[str]] = {}
        maps: dict[str, dict[str, tuple[str, ...]]] = {}
        for name, wc in classes.items():
            if hasattr(Lexicon, name) or name.startswith("_"):
                raise ExtractorError("E040", path=str(Path(directory or LEXICON_DIR) / f"{name}.txt"), line=1,
                                     why=f"the class name {name!r} is taken by a Lexicon attribute")
            if wc.kind == "map":
                maps[name] = dict(wc.pairs)
            else:
                sets[name] = frozenset(wc.entries)
        for how, table in (("add", add or {}), ("replace", replace or {})):
            for name, value in table.items():
                if name not in sets and name not in maps:
                    raise ExtractorError("E041", name=name, known=", ".join(sorted(sets) + sorted(maps)))
                if name in maps:
                    value = {k: tuple(v) if not isinstance(v, str) else (v,) for k, v in dict(value).items()}
                    maps[name] = {**maps[name], **value} if how == "add" else value
                else:
                    words = frozenset([value] if isinstance(value, str) else value)
                    sets[name] = sets[name] | words if how == "add" else words
        self._sets = sets
        self._maps = maps
        self._sources = {name: wc.source for name, wc in classes.items()}
        # each class is also a plain attribute (``lexicon.reporting``): stages read them per token
        self.__dict__.update(sets)
        self.__dict__.update(maps)

    # -- access ---------------------------------------------------------------------------
    def words(self, name: str) -> frozenset[str]:
        try:
            return self._sets[name]
        except KeyError:
            raise AttributeError(f"no word class {name!r} in the lexicon") from None

    def mapping(self, name: str) -> dict[str, tuple[str, ...]]:
        try:
            return self._maps[name]
        except KeyError:
            raise AttributeError(f"no map class {name!r} in the lexicon") from None

    def __getattr__(self, name: str):
        # only reached for names that are no class of this lexicon
        raise AttributeError(f"no word class {name!r} in the lexicon")

    def __contains__(self, name: str) -> bool:
        return name in self._sets or name in self._maps

    @property
    def sources(self) -> dict[str, str]:
        """Each class's source, as its file's header names it."""
        return self._sources

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(sorted([*self._sets, *self._maps]))

    @cached_property
    def extra_nouns(self) -> dict[str, str]:
        """Nouns whose event verb is given outright ("presence" -> "be")."""
        return {k: v[0] for k, v in self._maps["locative_nouns"].items()}

    def digest_of(self, names: Iterable[str]) -> str:
        """A short SHA-256 of the named classes' names and entries (sources left out)."""
        from .errors import ExtractorError

        h = hashlib.sha256()
        for name in sorted(set(names)):
            if name in self._sets:
                items = sorted(self._sets[name])
            elif name in self._maps:
                items = sorted(k + "\t" + " ".join(v) for k, v in self._maps[name].items())
            else:
                raise ExtractorError("E041", name=name, known=", ".join(self.names))
            h.update(name.encode() + b"\0")
            h.update("\n".join(items).encode() + b"\1")
        return h.hexdigest()[:16]

    @cached_property
    def digest(self) -> str:
        """``digest_of`` every class."""
        return self.digest_of(self.names)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __repr__(self) -> str:
        return f"Lexicon({len(self.names)} classes, digest={self.digest})"

    @cached_property
    def _always_event_words(self) -> frozenset[str]:
        return frozenset().union(*(self._sets.get(name, ()) for name in ALWAYS_EVENT_CLASSES))

    def always_event(self, lemma: str) -> bool:
        """Whether a lemma always heads an event of its own: one of the classes of
        ``ALWAYS_EVENT_CLASSES`` (giving, getting, participation, support) lists it."""
        return lemma in self._always_event_words

    def non_event(self, lemma: str) -> bool:
        """Whether a lemma never heads an event of its own: reporting, cognition, light,
        aspectual or planning (the event is in its complement)."""
        return (
            lemma in self.reporting
            or lemma in self.cognition
            or lemma in self.light
            or lemma in self.aspectual
            or lemma in self.planning
        )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, read once."""
    return Lexicon()

