"""Word classes that drive trigger finding, modality and attribution.

The classes follow Levin's (1993) English verb classes and their VerbNet successors: verbs
of communication become an event's source, verbs of cognition, desire and appearance are
not events, aspectual and control verbs pass the event to their complement and lend it a
modality. The verb inventory used to recognise nominalizations comes from the WordNet-derived
lemma index that ships with spaCy's English pipelines, so no word list here names what any
particular article says.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

# Levin 37 (communication), 48.1.2 (reveal), 29.5 (conjecture, used as attribution).
REPORTING = frozenset(
    """say tell report note disclose confirm acknowledge announce state claim add mention cite
    indicate suggest reveal explain describe write warn comment insist argue assert allege deny
    admit declare reply respond quote brief testify corroborate stress emphasize emphasise tweet
    publish inform notify accuse blame praise commend criticize criticise condemn urge ask
    remark recount recall reiterate signal hint show estimate predict forecast speculate
    assess conclude observe""".split()
)
# Levin 29-32 (cognition, desire, appearance) and 30 (perception): not events themselves.
COGNITION = frozenset(
    """believe think know expect anticipate assume suspect consider understand see look seem
    appear feel hope want wish fear worry doubt like love hate welcome watch notice learn
    realize realise recognize recognise imagine suppose wonder mean regard view deem remain
    stand gain matter care prefer trust need deserve struggle""".split()
)
# Levin 55 (aspectual): the event is in their complement.
ASPECTUAL = frozenset("begin start continue keep stop cease resume finish proceed commence go".split())
# Control verbs whose complement is a planned event (Levin 29.8 / VerbNet "wish", "promise").
PLANNING = frozenset(
    """plan intend aim expect prepare decide agree promise pledge vow threaten propose schedule
    set seek try attempt want hope offer move mean consider""".split()
)
# Object-control verbs: their object performs their infinitive complement ("forced France to
# capitulate"). VerbNet "force" (59), "urge" (58), "order" (60), "allow" (64), "advise" (37.9),
# "help" (72) and "invite" (102) classes.
OBJECT_CONTROL = frozenset(
    """force compel coerce drive impel induce press pressure push prompt persuade convince
    provoke lead cause get tempt urge ask beg implore entreat request call order command
    direct instruct tell require oblige obligate allow permit enable let authorize authorise
    empower entitle advise encourage counsel remind warn help assist aid train teach invite
    challenge dare summon recruit hire appoint elect commission mandate""".split()
)
# Raising verbs (Levin 29 "appear" class): the event is their complement, hedged.
# Verbs whose prepositional object performs their infinitive complement ("called on Iran to
# withdraw", "counted on Egypt to mediate"): VerbNet "urge" (58) and "rely" (70) with their
# prepositions.
PREP_OBJECT_CONTROL = {
    "call": ("on", "upon"), "appeal": ("to",), "prevail": ("on", "upon"), "rely": ("on", "upon"),
    "count": ("on", "upon"), "depend": ("on", "upon"), "look": ("to",), "wait": ("for",),
}
RAISING = frozenset("appear seem prove tend happen".split())
# Support verbs whose object noun carries the event ("carried out an attack", "imposed an
# embargo", "signed an agreement").
SUPPORT = frozenset("carry conduct stage launch mount perpetrate commit make take hold undertake wage impose reach sign".split())
# Verbs of taking part (VerbNet "engage", "join", "attend"): whoever does them takes part in
# the event their object or "in" phrase names ("attend the funeral", "engage in blackmail").
PARTICIPATION = frozenset("attend join participate engage partake".split())
# Verbs of giving (VerbNet give-13.1, contribute-13.2, future_having-13.3) and their event
# nouns: their "to" phrase names the recipient, not a destination ("sold arms to Iran").
GIVING = frozenset(
    """give lend loan pay sell resell rent lease trade refund repay donate contribute grant award
    offer promise pledge allocate allot bequeath guarantee owe concede cede surrender
    sale gift donation contribution grant loan payment offer pledge assistance aid help
    support""".split()
)
# Verbs of getting (VerbNet obtain-13.5.2, get-13.5.1) and their event nouns: their "from"
# phrase names the giver, not an origin ("bought missiles from North Korea").
GETTING = frozenset(
    """receive obtain acquire buy purchase procure borrow inherit accept get
    receipt acquisition purchase""".split()
)
# Verbs too light to carry an event of their own.
LIGHT = frozenset(
    """be have do make get become include involve follow use let help take put give
    mark face happen occur exist lie hold cause lead result base stem derive
    contribute matter""".split()
)
MODALS_PLANNED = frozenset({"will", "would", "shall", "'ll", "wo", "going"})
MODALS_HEDGED = frozenset({"may", "might", "could", "can", "should", "must"})
HEDGE_ADVERBS = frozenset(
    {"reportedly", "allegedly", "apparently", "purportedly", "supposedly", "possibly",
     "probably", "likely", "perhaps", "presumably", "seemingly", "potentially"}
)
# "is believed to", "is said to": passive attribution verbs that hedge their complement.
HEDGE_PASSIVES = frozenset({"believe", "think", "say", "report", "allege", "understand", "expect", "suspect", "estimate", "rumor", "rumour"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})

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
)

# Nouns whose event is being somewhere: the guide's "presence of troops in Russia" is "be".
LOCATIVE_NOUNS = {"presence": "be", "stay": "be", "deployment": "deploy"}


@lru_cache(maxsize=1)
def _lemma_index() -> dict[str, frozenset[str]]:
    """Lemmas by part of speech from the WordNet-derived index shipped with spaCy's English lemmatizer."""
    try:
        import spacy

        from .model import model_name

        lemmatizer = spacy.load(model_name(), exclude=["tok2vec", "tagger", "parser", "ner", "attribute_ruler"])
        table = lemmatizer.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return {pos: frozenset(table[pos]) for pos in ("noun", "verb", "adj", "adv")}
    except Exception:  # noqa: BLE001 - without the model, nominalizations fall back to suffix rules
        return {}


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


def is_non_event_verb(lemma: str) -> bool:
    """Whether a verb lemma never heads an event tuple of its own."""
    return lemma in REPORTING or lemma in COGNITION or lemma in LIGHT or lemma in ASPECTUAL


def verb_of_nominal(noun: str, *, verbs: frozenset[str] | None = None) -> str | None:
    """The verb a deverbal event noun comes from ("deployment" -> "deploy"), if any."""
    noun = noun.lower()
    if noun in LOCATIVE_NOUNS:
        return LOCATIVE_NOUNS[noun]
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
    ``lexicon.reporting`` either, by the class's kind. ``digest`` fingerprints the content,
    so artefacts trained against one lexicon can tell when they meet another.
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
        self.sources = {name: wc.source for name, wc in classes.items()}
        self._digest: str | None = None

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
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self.__dict__.get("_sets", {}):
            return self._sets[name]
        if name in self.__dict__.get("_maps", {}):
            return self._maps[name]
        raise AttributeError(f"no word class {name!r} in the lexicon")

    def __contains__(self, name: str) -> bool:
        return name in self._sets or name in self._maps

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(sorted([*self._sets, *self._maps]))

    @property
    def extra_nouns(self) -> dict[str, str]:
        """Nouns whose event verb is given outright ("presence" -> "be")."""
        return {k: v[0] for k, v in self._maps["locative_nouns"].items()}

    @property
    def digest(self) -> str:
        """A short SHA-256 of every class's name and entries (sources left out)."""
        if self._digest is None:
            h = hashlib.sha256()
            for name in self.names:
                h.update(name.encode() + b"\0")
                if name in self._sets:
                    items = sorted(self._sets[name])
                else:
                    items = sorted(k + "\t" + " ".join(v) for k, v in self._maps[name].items())
                h.update("\n".join(items).encode() + b"\1")
            self._digest = h.hexdigest()[:16]
        return self._digest

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __repr__(self) -> str:
        return f"Lexicon({len(self.names)} classes, digest={self.digest})"

    def non_event(self, lemma: str) -> bool:
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
