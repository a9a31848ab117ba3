"""The actor: who does the event, or why it has none.

An event noun takes the first candidate of ``NOUN_ACTOR``; a verb or copula takes the actor
of its clause (``CLAUSE_ACTOR``, tried on the trigger's clause and then on each clause up
the chain that controls or governs it). A clause rule gives its candidate and, when the
candidate is the patient of an agentless construction, the name of that construction (an
*agentless verdict*, ``AGENTLESS``). The climb never passes a trailing attribution: a clause
the parser hung on "..., state media reported" takes the reported clause's subject, the
reporter being the source (``_reported_clause``). The candidate is then refined, in this
order: a helper stands in for the patient of an agentless passive (``assisting_agent``); a
candidate that names an event is no doer ("the blast killed six": ``agentless_cause``); an
activity or message named as the doer gives way to its owner, or to none ("Hezbollah's
activity grew": ``activity_owner``, by WordNet's noun classes); dates, times,
situations and relative pronouns are no actors; the patient of an agentless construction is
never the actor (annotation guide v2, rule 2), though the named owner of what a passive of
sending moved stands in for its sender (``passive_owner``); a collective gives way to what
it counts; an aim, an amount or a clause names no actor; a pronoun stays as written and
points to its antecedent. With no actor left, a "between X and Y" phrase gives one
(``between_party``), and an event noun with no doer named is agentless (``agentless_noun``).

An agentless event has no actor span; its ``rule`` is the verdict that made it agentless,
which the cascade records as the actor's rule and tuple building reads to admit it.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..contracts import TokenSpan, Trigger
from ..lexicon import AGENT_NOUN_CLASSES, is_agent_noun, names_happening, verb_forms, word_senses
from ..normalize.event_type import moves_people_or_goods
from ..syntax import child_tokens, comes_about
from .rules import Context, Found, RuleTable, attempt, names_of
from .spans import (
    ACTOR_LABELS, ActorLink, _is_agentive, coordinated_phrase, _is_non_event_verb, _is_relative, content_head, is_age,
    noun_phrase, by_objects, first_conjunct, resolve_pronoun, result_participle,
)


# --- agentless verdicts: why an event has no actor (guide v2, rule 2) ---------------------

AGENTLESS_PASSIVE = "agentless_passive"  # a passive without an agent: "seven people were killed"
AGENTLESS_PARTICIPLE = "agentless_participle"  # a past participle on its patient: "fighters killed in Ukraine"
AGENTLESS_HEADLINE = "agentless_headline"  # a headline's telegraphic passive: "Two servicemen killed"
AGENTLESS_CAUSE = "agentless_cause"  # an event does it: "the blast killed six"
AGENTLESS_NOUN = "agentless_noun"  # an event noun naming no doer: "a derailment near Lyon"
AGENTLESS_OUTBREAK = "agentless_outbreak"  # an event said to begin or happen: "clashes broke out in Paris"
AGENTLESS_COUNT = "agentless_count"  # occurrences counted by "there be": "there have been 398 cases" (any "there be" copula, ``link_actor``)
AGENTLESS = (
    AGENTLESS_PASSIVE, AGENTLESS_PARTICIPLE, AGENTLESS_HEADLINE, AGENTLESS_CAUSE, AGENTLESS_NOUN, AGENTLESS_OUTBREAK,
    AGENTLESS_COUNT,
)
# verdicts whose candidate is the event's patient (the others have none)
_PATIENT_VERDICTS = frozenset({AGENTLESS_PASSIVE, AGENTLESS_PARTICIPLE, AGENTLESS_HEADLINE})
# the sentence-final punctuation of running text; a sentence ending otherwise is a headline
_FINAL_PUNCT = frozenset({".", "!", "?", "...", "\u2026", ":"})
_CLOSERS = frozenset({'"', "'", "\u201d", "\u2019", ")", "]"})


# --- event nouns: (ctx, trigger, noun) -> Token | None -----------------------------------

NOUN_OWNER = RuleTable("actor", "who an event noun itself names as its doer")


@NOUN_OWNER.rule
def possessor(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """The noun's possessor: "Iran's attack", "their visit" (a possessive pronoun only when
    it is a personal pronoun or possessive of the lexicon: "its", "their", "his", "our", and not on the noun
    of an event that a person undergoes, ``undergoer_possessor``: "his arrest" names who was
    arrested, never the actor, guide v2 rule 2)."""
    words = ctx.words
    for c in ctx.children(token):
        if c.dep_ == "poss" and (
            c.tag_ != "PRP$" or c.lower_ in words.personal or c.lower_ in words.possessive_personal or c.lower_ in words.first_second
        ):
            if c.tag_ == "PRP$" and trig.lemma in words.undergoer_possessor:
                return None
            return c
    return None


@NOUN_OWNER.rule
def by_agent(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """The object of the noun's "by" phrase: "an attack by Iran"."""
    return next((p for p in by_objects(ctx, token) if p is not None), None)


@NOUN_OWNER.rule
def named_modifier(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """A nationality or organisation modifying the noun: "the Iranian attack", "a NATO deployment"."""
    for c in token.lefts:
        if c.ent_type_ in ("NORP", "ORG") and c.dep_ in ("amod", "compound"):
            return c
    return None


@NOUN_OWNER.rule
def leading_modifier(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """Who leads the event, in a hyphened "X-led" modifier of the noun: "the US-led bombing
    campaign", "a Saudi-led air strike" (the participle's own modifier, ``leading_participles``)."""
    for c in token.lefts:
        if c.dep_ == "amod" and c.lower_ in ctx.words.leading_participles:
            lead = next((g for g in c.lefts if g.dep_ in ("npadvmod", "compound", "nmod", "amod") and g.pos_ in ("PROPN", "NOUN", "ADJ")), None)
            if lead is not None:
                return lead
    return None


@NOUN_OWNER.rule
def body_modifier(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """A collective body that acts, modifying the noun (``acting_bodies``): "a coalition air
    strike", "a police raid", "rebel attacks"; not for an event that moves people or goods,
    whose modifier is what is moved ("a militia deployment")."""
    bodies = ctx.words.acting_bodies
    for c in token.lefts:
        # a noun, not an adjective of kind ("military support": support of a military kind)
        if c.dep_ in ("compound", "nmod") and c.tag_ == "NN" and c.lemma_.lower() in bodies and not moves_people_or_goods(trig.lemma):
            return c
    return None


NOUN_ACTOR = RuleTable("actor", "who does what an event noun names")


@NOUN_ACTOR.rule(via=(NOUN_OWNER,))
def owner(ctx: Context, trig: Trigger, token: Token) -> Found | None:
    """Who the noun itself names as its doer (``NOUN_OWNER``)."""
    return NOUN_OWNER.first(ctx, trig, token)


@NOUN_ACTOR.rule
def accused(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """Whoever a verb of accusing (``accusing``) holds to the deed the noun names: its
    passive's patient ("Bashir was accused of genocide"), its object ("they charged him with
    murder") or the noun its participle modifies ("Bashir, accused of genocide")."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("of", "with", "for", "in"):
        return None
    verb = token.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.words.accusing:
        return None
    who = _patient(verb) or next((c for c in child_tokens(verb) if c.dep_ == "dobj" and c.i < token.i), None)
    if who is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        who = verb.head
    return who


@NOUN_ACTOR.rule
def of_object(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """The "of" object of a noun of an intransitive event when it names people, or of a
    presence whatever it names: "the arrival of troops", "the presence of Wagner". Not for a
    transitive event, whose "of" object is its patient ("the deployment of troops": the
    troops are deployed, guide v2 rule 2), nor for an agent noun, whose "of" object is what
    it makes or moves ("a producer of drones")."""
    if _is_agent_noun(token) or not (trig.lemma == "be" or trig.lemma in ctx.words.intransitive):
        return None
    of = next((c for c in ctx.children(token) if c.dep_ == "prep" and c.lower_ == "of"), None)
    cand = next((p for p in ctx.children(of) if p.dep_ == "pobj"), None) if of is not None else None
    if cand is not None and (trig.lemma == "be" or _is_agentive(content_head(cand, ctx.words), ctx.words)):
        return cand
    return None


@NOUN_ACTOR.rule
def undergone_by_agent(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """The object of a "by" phrase the parser hung on the verb of undergoing (``undergoing``)
    whose object the noun is: "he faces extradition to Peru by Britain" (Britain extradites)."""
    if token.dep_ != "dobj" or token.head.pos_ != "VERB" or not _undergoes_object(ctx, token.head, trig.lemma):
        return None
    return _agentive_by_object(ctx, token.head, deps=("prep", "agent"), after=token)


@NOUN_ACTOR.rule
def support_verb_subject(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """Whoever does the verb whose object the noun is, when that verb performs it: "Iran
    carried out an attack", "continued its sanctions", "China provided assistance" (not
    "reported an attack"; not the subject of a verb of undergoing, who undergoes the event:
    "Assange faces extradition", guide v2 rule 2)."""
    if token.dep_ == "dobj" and token.head.pos_ == "VERB" and _performs_object(ctx, token.head, token, trig.lemma):
        return _subject_token(ctx, token.head)
    return None


@NOUN_ACTOR.rule
def participant_subject(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """Whoever takes part in the event the noun names: "Iran attended the funeral", "gangs
    engaged in blackmail"."""
    participation = ctx.words.participation
    if token.dep_ == "dobj" and token.head.pos_ == "VERB" and token.head.lemma_.lower() in participation:
        return _subject_token(ctx, token.head)
    verb = token.head.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and verb.pos_ == "VERB" and verb.lemma_.lower() in participation:
        return _subject_token(ctx, verb)
    return None


@NOUN_ACTOR.rule
def modified_noun(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """For an event noun modifying another noun, that noun when it can act ("an inspection
    team": the team inspects), else whoever it names as its doer ("Iran's missile test program")."""
    if token.dep_ != "compound" or token.head.pos_ != "NOUN":
        return None
    if _is_agentive(token.head, ctx.words):
        return token.head
    found = NOUN_OWNER.first(ctx, trig, token.head)
    return found.value if found is not None else None


@NOUN_ACTOR.rule
def agent_noun(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """An agent noun's doer: the subject it is predicated of ("China is a supplier", "Iran
    aims to be a producer"), else the noun itself ("the attackers fled")."""
    if not _is_agent_noun(token):
        return None
    if token.dep_ in ("attr", "oprd") and token.head.pos_ in ("AUX", "VERB"):
        subj = _subject_token(ctx, token.head)
        if subj is not None:
            return subj
    return token


def _agentive_by_object(
    ctx: Context, head: Token, *, deps: tuple[str, ...] = ("prep",), after: Token | None = None
) -> Token | None:
    """The first object of a "by" phrase of ``head`` (``by_objects``) that names people or a
    body that can act."""
    words = ctx.words
    found = by_objects(ctx, head, deps=deps, after=after)
    return next((p for p in found if p is not None and _is_agentive(content_head(p, words), words)), None)


def _is_agent_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and is_agent_noun(token.lemma_)


def _performs_object(ctx: Context, verb: Token, noun: Token, event: str) -> bool:
    """Whether a verb's subject performs the event noun that is its object: "carried out an
    attack", "continued its sanctions", a support verb of giving with a noun of giving
    ("provided assistance", ``giving_support``); not "reported no fatalities" or "recognized
    the massacre", whose subject only tells of or judges the event, nor a verb of undergoing
    ("faces extradition", ``_undergoes_object``)."""
    lemma = verb.lemma_.lower()
    if lemma in ctx.words.reporting or lemma in ctx.words.cognition or _undergoes_object(ctx, verb, event):
        return False
    forms = verb_forms(verb)  # by any base form: "staged" may come lemmatized as "stag"
    if any(f in ctx.words.giving_support for f in forms) and noun.lemma_.lower() in ctx.words.giving:
        return True
    return any(f in ctx.words.support for f in forms) or _is_non_event_verb(lemma, ctx.words)


# WordNet verb classes (first sense) of the events their undergoer does: learning ("the
# troops underwent training": the troops train, as an intransitive subject stays the actor).
_UNDERGONE_BY_DOER_CLASSES = frozenset({"cognition"})


def _undergoes_object(ctx: Context, verb: Token, event: str) -> bool:
    """Whether the verb's subject undergoes the event its object noun names (``undergoing``:
    "faced extradition", "suffered an attack"), unless ``event``, the noun's verb, is one of learning,
    which its undergoer does (``_UNDERGONE_BY_DOER_CLASSES``: "underwent training")."""
    if not any(f in ctx.words.undergoing for f in verb_forms(verb)):
        return False
    senses = word_senses(event, "v")
    return senses is None or senses.classes[0] not in _UNDERGONE_BY_DOER_CLASSES


# --- clauses: (ctx, verb, complement it was reached from) -> (Token, verdict) | None ------
# A clause rule gives its candidate and ``None`` when the candidate acts, or the agentless
# verdict when the candidate is the patient of an agentless construction.

CLAUSE_ACTOR = RuleTable("actor", "who does what a clause says, or whom an agentless clause affects")


@CLAUSE_ACTOR.rule
def controller(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, str | None] | None:
    """Who performs the complement the search came up from when it is not the verb's subject:
    the object of an object-control verb ("asked Ukraine to withdraw") or of a verb of
    sending ("sent troops to fight"), a prepositional object ("called on Iran to withdraw"),
    or a passive's patient ("troops were ordered to withdraw"); the patient of the
    complement when that is an agentless passive ("troops were ordered to be deployed")."""
    if came_from is None:
        return None
    found = _controller(ctx, verb, came_from)
    return None if found is None else (found, AGENTLESS_PASSIVE if _is_passive(came_from) else None)


@CLAUSE_ACTOR.rule
def passive_agent(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, str | None] | None:
    """The object of a passive's "by" phrase: "the town was shelled by Russia"."""
    if any(c.dep_ == "agent" for c in ctx.children(verb)):
        deps: tuple[str, ...] = ("agent",)
    elif _is_passive(verb):
        # the parser sometimes labels a passive's "by" phrase a plain preposition
        deps = ("prep",)
    else:
        return None
    # only the first such phrase counts, with or without an object
    pobj = next(by_objects(ctx, verb, deps=deps), None)
    return None if pobj is None else (pobj, None)


@CLAUSE_ACTOR.rule
def low_agent(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, str | None] | None:
    """The "by" phrase of a passive that the parser hung on the object of the verb's own
    prepositional phrase, when it names people or a body that can act: "the villagers were
    shot in their home by special forces" ("by" on "home")."""
    if not _is_passive(verb) or any(c.dep_ == "agent" for c in child_tokens(verb)):
        return None
    for prep in child_tokens(verb):
        if prep.dep_ != "prep" or prep.lower_ == "by" or prep.i < verb.i:
            continue
        for pobj in child_tokens(prep):
            if pobj.dep_ != "pobj":
                continue
            agent = _agentive_by_object(ctx, pobj)
            if agent is not None:
                return agent, None
    return None


@CLAUSE_ACTOR.rule
def relative_head(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, str | None] | None:
    """The noun a relative clause modifies, when the clause's subject is the relative pronoun
    ("the troops who crossed the border") or missing."""
    if verb.dep_ != "relcl":
        return None
    subj = _clause_subject(ctx, verb)
    if (subj is not None and subj.tag_ in ("WDT", "WP")) or (subj is None and _patient(verb) is None):
        return verb.head, None
    return None


@CLAUSE_ACTOR.rule
def subject(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, str | None] | None:
    """The clause's subject: "Russia sent troops"; in a headline's telegraphic passive, the
    patient ("Two Ukrainian servicemen killed", see ``_is_headline_passive``)."""
    subj = _clause_subject(ctx, verb)
    if subj is None:
        return None
    # a verb reached from its complement: its subject performs the complement ("Troops
    # ordered to withdraw": the troops withdraw)
    if came_from is None and _is_headline_passive(ctx, verb, subj):
        return subj, AGENTLESS_HEADLINE
    if came_from is None and _is_reduced_passive(ctx, verb, subj):
        return subj, AGENTLESS_PARTICIPLE
    if came_from is None and _is_gapped_passive(ctx, verb, subj):
        return subj, AGENTLESS_PASSIVE  # "two were killed and three injured": three were injured
    return subj, None


@CLAUSE_ACTOR.rule
def passive_patient(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, str | None] | None:
    """The patient of an agentless passive, never its actor ("seven people were killed"; the
    noun a relative clause modifies for a relative pronoun: "the miners who were rescued");
    it is whoever is there for a passive of seeing or of position ("troops were spotted in
    Kursk", "troops are stationed in Gao")."""
    patient = _patient(verb)
    if patient is None:
        return None
    if verb.dep_ == "relcl" and _is_relative(patient, ctx.words):
        patient = verb.head
    return patient, AGENTLESS_PASSIVE


@CLAUSE_ACTOR.rule
def participle_head(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, str | None] | None:
    """The noun a participle modifies: the actor of a present participle ("soldiers operating
    in Donetsk") and of an intransitive one ("refugees fled to Poland"), the patient of a past
    participle ("Six fighters killed in Ukraine", "troops sent to Kursk"). A past participle
    with an object, or on the noun that heads a sentence of running text (which needs a
    finite verb: "The troops trained at the base in June."), is a finite verb the tagger
    misread, whose noun acts. The parser can read a participle right after a verb's object as
    that verb's complement clause (``_object_before``): its noun is the object."""
    if verb.tag_ not in ("VBG", "VBN", "VBD") or any(c.dep_ == "aux" for c in ctx.children(verb)):
        return None
    # the tagger often reads such a participle as a past tense (VBD) when it is no acl
    noun = (verb.head if verb.tag_ != "VBD" else None) if verb.dep_ == "acl" else _object_before(verb)
    if noun is None:
        return None
    if verb.tag_ in ("VBG", "VBD") or verb.lemma_.lower() in ctx.words.intransitive or any(c.dep_ == "dobj" for c in ctx.children(verb)):
        return noun, None  # a past tense by the tagger ("supporters gathered outside"): the noun acts
    if noun.dep_ == "ROOT" and not is_headline(verb):
        return noun, None
    return noun, AGENTLESS_PARTICIPLE


def _object_before(verb: Token) -> Token | None:
    """The object a participle follows when the parser read the participle as a complement
    clause of the verb whose object it modifies ("did not soothe supporters gathered outside
    the centre": ``ccomp`` "gathered" right after the object "supporters"), a clause with no
    subject, mark or auxiliary of its own."""
    if verb.dep_ != "ccomp" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "mark", "aux", "auxpass") for c in child_tokens(verb)):
        return None
    obj = next((c for c in child_tokens(verb.head) if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.right_edge.i + 1 == verb.i and obj.pos_ in ("NOUN", "PROPN") else None


@CLAUSE_ACTOR.rule
def noun_possessor(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, str | None] | None:
    """The possessor of the noun a clause completes: "Russia's decision to send troops"."""
    if verb.dep_ not in ("acl", "pcomp"):
        return None
    noun = verb.head.head if verb.dep_ == "pcomp" else verb.head
    if noun.pos_ != "NOUN":
        return None
    poss = next((c for c in ctx.children(noun) if c.dep_ == "poss"), None)
    return None if poss is None else (poss, None)


@CLAUSE_ACTOR.rule
def adjective_head(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, str | None] | None:
    """The noun an adjective modifies, for the clause the adjective takes: "missiles capable
    of travelling 300 km", "drones able to fly 2,000 km" (the missiles travel)."""
    if verb.pos_ != "ADJ" or verb.dep_ != "amod" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return verb.head, None


def clause_actor(ctx: Context, verb: Token) -> Found[tuple[Token, str | None]] | None:
    """The first find of ``CLAUSE_ACTOR`` on ``verb``'s clause and then on each clause up the
    chain of complements, conjuncts, adverbial clauses and modified nouns (six at most):
    the candidate and, when it is the patient of an agentless construction, its verdict."""
    cur, came_from = verb, None
    for _ in range(6):
        found = CLAUSE_ACTOR.first(ctx, cur, came_from)
        if found is not None:
            if cur is not verb and found.value[1] in _PATIENT_VERDICTS and not _is_passive_like(verb):
                # an active verb sharing the patient of the passive it hangs on: the patient
                # does it ("troops were sent to Kursk and fought there")
                return Found(found.rule, (found.value[0], None))
            return found
        up = _governing(ctx, cur)
        if up is None:
            return None
        cur, came_from = up
    return None


def _governing(ctx: Context, verb: Token) -> tuple[Token, Token | None] | None:
    """The clause above ``verb`` in a control, conjunction or participle chain, and ``verb``
    itself when, as a complement reaching its governing verb directly, it can be controlled
    by it; for a gerund object, the verb that takes it."""
    if verb.dep_ == "dobj" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
        # a gerund object with no subject of its own: the verb's subject does it
        # ("Obama describes meeting Trump", "she enjoyed spending time there")
        return verb.head, None
    if verb.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "acl", "acomp"):
        return None
    nxt = verb.head.head if verb.dep_ == "pcomp" else verb.head
    reported = _reported_clause(ctx, verb, nxt)
    if reported is not None:
        return reported, None
    came_from = verb if verb.dep_ in ("xcomp", "pcomp") and nxt.pos_ in ("VERB", "AUX") else None
    if nxt.pos_ == "NOUN" and verb.dep_ in ("acl", "pcomp"):
        # "decision to send": up to the verb the noun serves
        nxt = nxt.head
        if nxt.dep_ == "prep":
            nxt = nxt.head
    return nxt, came_from


def _reported_clause(ctx: Context, verb: Token, head: Token) -> Token | None:
    """The reported clause a trailing attribution follows, when the parser hung an adverbial
    clause of that clause on the reporting verb ("The boy fell into the well while harvesting
    vegetables, state media reported": "harvesting" on "reported"). Its reporter is the
    event's source, never the doer of what it reports; the reported clause's subject is."""
    if verb.dep_ != "advcl" or head.i < verb.i or head.lemma_.lower() not in ctx.words.reporting:
        return None
    return next((c for c in ctx.children(head) if c.dep_ == "ccomp" and c.i < verb.i and c.pos_ in ("VERB", "AUX")), None)


def _subject_token(ctx: Context, verb: Token) -> Token | None:
    found = clause_actor(ctx, verb)
    return found.value[0] if found is not None else None


def _clause_subject(ctx: Context, verb: Token) -> Token | None:
    subjects = [c for c in ctx.children(verb) if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1:
        # "the towns that Russia seized": the parser can label an object relativizer
        # a second subject; the other one is the subject
        subjects = [c for c in subjects if c.lower_ not in ctx.words.relatives] or subjects
    if len(subjects) > 1:
        # "The act, in which jihadi X slaughtered 49": a misparse hangs the noun a clause
        # modifies on that clause's verb as a second subject; the one nearest before the
        # verb is its own
        before = [c for c in subjects if c.i < verb.i and c.pos_ in ("NOUN", "PROPN", "PRON")]  # not "n't"
        subjects = before[-1:] or subjects
    if not subjects:
        # "X has ... conducted": the parser can hang the subject on the auxiliary
        subjects = [s for a in ctx.children(verb) if a.dep_ == "aux" for s in child_tokens(a) if s.dep_ == "nsubj"]
    return subjects[0] if subjects else None


def _patient(verb: Token) -> Token | None:
    return next((c for c in child_tokens(verb) if c.dep_ == "nsubjpass"), None)


def _is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice."""
    return any(c.dep_ == "auxpass" for c in child_tokens(verb))


def _is_passive_like(verb: Token) -> bool:
    """Whether a verb is a passive or a bare past participle ("killed and 20 injured")."""
    return _is_passive(verb) or (verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in child_tokens(verb)))


def _takes_no_object(ctx: Context, verb: Token, subj: Token) -> bool:
    """Whether a bare past form with a subject and nothing that makes it active (an
    auxiliary, an object, an agent, a clause it reports) is of a verb that takes an object."""
    if verb.lemma_.lower() in ctx.words.intransitive or subj.pos_ == "PRON" or subj.dep_ != "nsubj":
        return False
    return not any(c.dep_ in ("aux", "auxpass", "dobj", "dative", "agent", "ccomp") for c in ctx.children(verb))


def _is_reduced_passive(ctx: Context, verb: Token, subj: Token) -> bool:
    """Whether a bare past participle with a subject in an absolute "with" phrase is a
    passive whose subject is the patient: "with thousands more injured" (elsewhere a past
    participle tag on a verb with a subject is likelier a misread past tense: "as the fans
    dreamed and winced")."""
    return verb.tag_ == "VBN" and verb.dep_ == "pcomp" and _takes_no_object(ctx, verb, subj)


def _is_gapped_passive(ctx: Context, verb: Token, subj: Token) -> bool:
    """Whether a bare past participle with a subject, coordinated with a passive, shares that
    passive's gapped auxiliary: "two soldiers were killed and three injured" (three were
    injured: a patient, never the actor); not when it has an object or an auxiliary of its own."""
    head = verb.head
    return (
        verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD") and head.pos_ == "VERB" and _is_passive(head)
        and head.i < subj.i < verb.i and _takes_no_object(ctx, verb, subj)
    )


def is_headline(token: Token) -> bool:
    """Whether ``token``'s sentence is a headline: it does not end as running text does (a
    full stop, question or exclamation mark, colon or ellipsis, perhaps inside a closing
    quote or bracket). Headlines stand as sentences of their own (one a line, or joined by
    semicolons in wire digests: ``component.line_sentences``)."""
    # the sentence's last word that is no space nor a closing mark, else its first word:
    # read from the end, which reaches it after a word or two
    sent = token.sent
    doc = token.doc
    last = None
    for i in range(sent.end - 1, sent.start - 1, -1):
        word = doc[i]
        if word.is_space:
            continue
        last = word
        if word.text not in _CLOSERS:
            break
    return last is not None and last.text not in _FINAL_PUNCT


def _is_headline_passive(ctx: Context, verb: Token, subj: Token) -> bool:
    """Whether a clause is a headline's telegraphic passive, whose subject is the patient:
    "Two Ukrainian servicemen killed", "Journalist detained in Minsk". Headlines give past
    events in the present tense ("Gunmen kill 12") and passives without their auxiliary, so
    a bare past form (no auxiliary, no object) of a verb that takes an object is a passive;
    an intransitive verb stays active ("Migrants arrived in Lampedusa")."""
    return verb.tag_ in ("VBD", "VBN") and _takes_no_object(ctx, verb, subj) and is_headline(verb)


def _controller(ctx: Context, verb: Token, complement: Token) -> Token | None:
    """Who performs the complement of a verb when it is not the verb's subject: the object
    of an object-control verb ("asked Ukraine to withdraw"), the object that names people or
    a body judged for the gerund's act (lexicon ``judged_act_preps``: "arrested three men for
    smuggling") or, for a passive, the patient ("she is thought to have fled", "troops were
    ordered to withdraw")."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "agent" for c in ctx.children(verb)):
        return None
    if complement.dep_ == "pcomp" and complement.head.lower_ in ctx.words.judged_act_preps and complement.head.head.i == verb.i:
        # "praised the volunteers for rebuilding the school": the object is judged for its own act
        obj = next((c for c in ctx.children(verb) if c.dep_ == "dobj" and c.i < complement.i), None)
        if obj is not None and _judged_party(content_head(obj, ctx.words), ctx.words):
            return obj
    if complement.dep_ == "xcomp":
        obj = next((c for c in ctx.children(verb) if c.dep_ == "dobj" and c.i < complement.i), None)
        lemma = verb.lemma_.lower()
        # "sent troops to fight": people moved somewhere do what they were moved for
        if obj is not None and (
            lemma in ctx.words.object_control or (moves_people_or_goods(lemma) and _is_agentive(content_head(obj, ctx.words), ctx.words))
        ):
            return obj
        pobj = _prep_controller(ctx, verb, complement)
        if pobj is not None:
            return pobj
    if _is_passive(verb):
        return _patient(verb)
    return None


def _judged_party(token: Token, words) -> bool:
    """Whether a verb's object names people or a body (an agentive noun, a personal pronoun,
    or a noun whose first WordNet sense is a person or group: "fundraisers", "the company"),
    not a thing ("used the trucks for carrying sand")."""
    if _is_agentive(token, words) or (token.pos_ == "PRON" and token.lower_ in words.personal):
        return True
    senses = word_senses(token.lemma_.lower(), "n") if token.pos_ == "NOUN" else None
    return senses is not None and senses.classes[0] in AGENT_NOUN_CLASSES


def _prep_controller(ctx: Context, verb: Token, complement: Token) -> Token | None:
    """The prepositional object that performs a verb's infinitive complement: "called on
    Iran to withdraw" (Iran withdraws)."""
    preps = ctx.words.prep_object_control.get(verb.lemma_.lower(), ())
    for c in ctx.children(verb):
        if c.dep_ == "prep" and c.lower_ in preps and c.i < complement.i:
            return next((p for p in child_tokens(c) if p.dep_ == "pobj"), None)
    return None


# --- refinements and the fallback ----------------------------------------------------------


def assisting_agent(ctx: Context, token: Token) -> Token | None:
    """The helper of an agentless passive: "rebuilt with the assistance of North Korean engineers"."""
    for c in ctx.children(token):
        if c.dep_ == "prep" and c.lower_ == "with":
            for p in child_tokens(c):
                if p.dep_ == "pobj" and p.lemma_.lower() in ctx.words.help_nouns:
                    for of in child_tokens(p):
                        if of.dep_ == "prep" and of.lower_ == "of":
                            return next((o for o in ctx.children(of) if o.dep_ == "pobj"), None)
    return None


def passive_owner(ctx: Context, trig: Trigger, patient: Token) -> Token | None:
    """The named owner of what an agentless passive of sending moved stands in for its
    sender: "North Korea's brigades would be sent" (North Korea sends them); not for other
    events, whose patient's owner does not do them ("Ukraine's soldiers were killed")."""
    if not moves_people_or_goods(trig.lemma):
        return None
    return next((c for c in ctx.children(patient) if c.dep_ == "poss" and c.ent_type_ in ACTOR_LABELS), None)


def activity_owner(ctx: Context, noun: Token) -> Token | None:
    """The owner that stands in for an activity or message named as a doer
    (``_names_activity``): "Hezbollah's activity in Syria grew" (Hezbollah), "Mrs Clinton's
    campaign steadied itself"; an entity that can act or a personal pronoun, else none."""
    words = ctx.words
    for c in ctx.children(noun):
        if c.dep_ == "poss" and (c.ent_type_ in ACTOR_LABELS or c.lower_ in words.personal or c.lower_ in words.first_second):
            return c
    return None


# WordNet noun classes of occurrences and messages: a noun whose first sense and most of
# whose weight are in them names no doer ("the announcement", "the transition", "the news").
ACTIVITY_NOUN_CLASSES = frozenset({"act", "event", "phenomenon", "communication", "process"})
ACTIVITY_NOUN_SHARE = 0.5


def _names_activity(ctx: Context, cand: Token) -> bool:
    """Whether a common noun names an activity, an occurrence or a message rather than who
    acts, by its WordNet classes (``ACTIVITY_NOUN_CLASSES``: first sense and at least
    ``ACTIVITY_NOUN_SHARE`` of its weight), with no sense of a person or group ("the
    opposition", "the administration" can act) and not a body or agent noun of the lexicon; a
    plural or a noun with a determiner or possessor only (WordNet lacks the person sense of
    "legend", which a headline names bare: "F1 legend makes emotional farewell")."""
    if cand.pos_ != "NOUN" or cand.ent_type_ in ACTOR_LABELS or _is_agent_noun(cand) or _names_body(cand, ctx.words):
        return False
    if cand.tag_ != "NNS" and not any(c.dep_ in ("det", "poss") for c in ctx.children(cand)):
        return False  # a bare singular is a headline's telegraphic name for a person ("F1 legend crashes")
    senses = word_senses(cand.lemma_.lower(), "n")
    if senses is None or senses.classes[0] not in ACTIVITY_NOUN_CLASSES or AGENT_NOUN_CLASSES & set(senses.classes):
        return False
    return senses.share(ACTIVITY_NOUN_CLASSES) >= ACTIVITY_NOUN_SHARE


def between_party(ctx: Context, token: Token) -> TokenSpan | None:
    """The named parties of a "between X and Y" phrase on the trigger, as written
    (``coordinated_phrase``): "an agreement reached between Kim and Putin"."""
    for c in ctx.children(token):
        if c.dep_ == "prep" and c.lower_ == "between":
            pobj = next((p for p in child_tokens(c) if p.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in ACTOR_LABELS:
                return coordinated_phrase(pobj, noun_phrase(pobj, numbers=False), ctx.words)
    return None


def _is_no_actor(ctx: Context, cand: Token, token: Token) -> bool:
    """Whether a candidate is a date or time, a time noun, a relative pronoun, or an event
    (``_names_event``)."""
    lemma = cand.lemma_.lower()
    return (
        (cand.ent_type_ in ("DATE", "TIME") and not is_age(cand, ctx.words))  # "the six-year-old fell": a person
        or lemma in ctx.words.time_nouns
        or _is_relative(cand, ctx.words)
        or _names_event(ctx, cand, token)
    )


def _names_event(ctx: Context, cand: Token, token: Token) -> bool:
    """Whether a candidate names another event or a situation rather than a doer: an event
    noun the trigger finder found ("the blast killed six", "Putin's visit sealed the pact")
    or a situation noun ("the war drags on"); not a noun that names a body of people, whatever
    verb it comes from ("the government", "the administration")."""
    if cand == token:
        return False
    lemma = cand.lemma_.lower()
    return lemma in ctx.words.eventive_nouns or (cand.i in ctx.noun_events and not _names_body(cand, ctx.words))


def _subject_verb(ctx: Context, verb: Token) -> Token:
    """The verb whose subject ``verb`` shares, with none of its own: the first of coordinated
    verbs ("the blast killed six and injured 20": killed, ``first_conjunct``) or the verb a
    result participle hangs on (``result_participle``: "the bomb ripped through the market,
    killing 30": ripped); else the verb itself."""
    verb = first_conjunct(ctx, verb)
    while result_participle(ctx, verb):
        verb = first_conjunct(ctx, verb.head)
    return verb


def _is_cause(ctx: Context, cand: Token, token: Token) -> bool:
    """Whether an event does what the trigger says to someone or something, its doer not
    named: the trigger's subject with an object ("the blast killed six people"), the noun a
    relative clause with an object modifies ("the attack, which killed three"), or the
    passive's agent ("soldiers killed by shelling"); the subject is also that of a verb the
    trigger shares it with (``_subject_verb``: "the blast killed six and injured 20", "the
    explosion ripped through the market, killing 30"). An event that merely goes on ("the
    war drags on", "the conflict escalated") is a situation, and names no event of its own."""
    if not _names_event(ctx, cand, token):
        return False
    verb = _subject_verb(ctx, token)  # "the blast killed six and injured 20": injured shares killed's subject
    if cand.dep_ == "pobj" and cand.head.head in (token, verb) and (cand.head.dep_ == "agent" or cand.head.lower_ == "by"):
        return True  # "shattered by an explosion, killing 168"
    subject_of = (cand.head == verb and cand.dep_ == "nsubj") or (verb.dep_ == "relcl" and verb.head == cand)
    return subject_of and any(
        c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME") and c.lemma_.lower() not in ctx.words.time_nouns
        for c in ctx.children(token)
    )


def _breaks_out(ctx: Context, cand: Token, token: Token) -> bool:
    """Whether the trigger is a verb of coming about (``syntax.comes_about``: "broke out",
    "erupted", "arose") whose subject names the happening itself (``names_happening``:
    "clashes broke out in Paris", "a wave of shooting broke out", "violence erupted"): the
    verb is the event and has no doer (gold: "break out", actor null)."""
    if cand.dep_ != "nsubj" or cand.head.i != token.i or not comes_about(token, ctx.words):
        return False
    return names_happening(cand, ctx.lexicon)  # not "the volcano erupted": the subject stays the actor


# The lexicon's classes of nouns that name people or bodies of people (``sector_*``: the
# actor normalizer's head words).
_BODY_CLASSES = (
    "person_nouns", "group_nouns", "sector_armed_group", "sector_civilians", "sector_government",
    "sector_intelligence", "sector_media", "sector_military", "sector_other", "sector_police",
)


def _names_body(token: Token, words) -> bool:
    """Whether a noun names people or a body of people (a person or group noun, an actor's
    head word of some sector, an entity that can act), not an event."""
    if _is_agentive(token, words):
        return True
    lemma = token.lemma_.lower()
    return any(lemma in getattr(words, name, ()) for name in _BODY_CLASSES)


def _is_agentless_noun(ctx: Context, token: Token) -> bool:
    """Whether an event noun with no doer named is an agentless event: a mention of one
    event ("a derailment", "the blast", "Monday's shooting", "attacks"; a bare singular
    only in a headline, which drops articles: "involved in construction" names an activity);
    not an agent noun ("the attackers"), a body of people ("the government"), a situation
    ("the war"), nor what a verb event takes as its object ("receives a compensation": that
    verb is the event) unless a verb of undergoing takes it ("faces extradition",
    ``undergoing``)."""
    if _is_agent_noun(token) or _names_body(token, ctx.words) or token.lemma_.lower() in ctx.words.eventive_nouns:
        return False
    if token.dep_ == "dobj" and token.head.pos_ == "VERB" and any(f in ctx.words.undergoing for f in verb_forms(token.head)):
        return True  # "Assange faces extradition", "the miners suffered an attack": undergone, its doer unnamed
    if token.dep_ == "dobj" and any(t.i == token.head.i and t.kind != "noun" for t in ctx.triggers):
        return False
    specific = token.tag_ in ("NNS", "NNPS") or any(c.dep_ in ("det", "poss", "nummod", "predet") for c in ctx.children(token))
    return specific or is_headline(token)


def _names_no_actor(ctx: Context, token: Token) -> bool:
    """Whether a subject names an aim, an issue, a record, an amount or a clause rather than
    who acts: "the primary goal is to provide aid", "$4 million to produce the film"."""
    if token.pos_ in ("VERB", "AUX"):
        return True  # a clausal subject: "what was needed was to stop the slaughter"
    return token.lemma_.lower() in ctx.words.content_nouns or token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY")


def link_actor(ctx: Context, trig: Trigger, token: Token) -> ActorLink:
    """The actor of a trigger, or the verdict that makes it agentless: its candidate,
    refined (see the module's docstring)."""
    words = ctx.words
    verdict: str | None = None
    if trig.kind == "noun":
        found = NOUN_ACTOR.first(ctx, trig, token)
    else:
        clause = clause_actor(ctx, token)
        found = Found(clause.rule, clause.value[0]) if clause is not None else None
        # "troops were spotted in Kursk": a presence is whoever is there
        if clause is not None and trig.kind != "copula":
            verdict = clause.value[1]
    subject = found.value if found is not None else None
    passive = verdict is not None
    if passive and trig.kind == "verb":
        helper = attempt(assisting_agent, ctx, token)
        if helper is not None:
            found, verdict = helper, None
    if found is not None and verdict is None and trig.kind == "verb" and _is_cause(ctx, found.value, token):
        found, verdict = None, AGENTLESS_CAUSE  # "the blast killed six": no doer is named
        if trig.lemma in words.causing:
            found, verdict = None, None  # "the verdict sparked protests": the protests are the event
    if found is not None and verdict is None and trig.kind == "verb" and _breaks_out(ctx, found.value, token):
        found, verdict = None, AGENTLESS_OUTBREAK  # "clashes broke out in Paris": it happened, no doer named
    if found is not None and verdict is None and trig.kind != "noun":
        head = content_head(found.value, words)
        if head != token and _names_activity(ctx, head):
            # "Hezbollah's activity grew": an activity does nothing; its owner does
            found = attempt(activity_owner, ctx, head)
    if found is not None and _is_no_actor(ctx, found.value, token):
        found = None
    if verdict in _PATIENT_VERDICTS:
        patient = content_head(found.value, words) if found is not None else None
        if trig.lemma in words.stative_passives:
            found, verdict = None, None  # "the change is tied to Brexit": a state, no event
        elif trig.lemma in words.position_passives:
            # "troops are stationed in Gao": a presence, whoever is there is the actor, when
            # it names people ("the venue is situated in Manhattan" is no event)
            keep = patient is not None and _is_agentive(patient, words)
            found, verdict = (Found(found.rule, patient) if keep else None), None
        else:
            # the patient is never the actor (guide v2, rule 2); the owner of what was sent sends it
            owner = attempt(passive_owner, ctx, trig, patient) if patient is not None else None
            found, verdict = (owner, None) if owner is not None else (None, verdict)
    theme = content_head(found.value, words) if found is not None else None
    span = ref = None
    if theme is None or _names_no_actor(ctx, theme):
        pass  # the theme stays, whose quantity counts
    elif theme.lower_ in words.personal or theme.lower_ in words.possessive_personal or theme.lower_ in words.first_second:
        # the pronoun as written, standing for the named mention it resolves to
        span, ref = (theme.i, theme.i + 1), resolve_pronoun(theme, words, ctx.entities)
    elif not (theme.pos_ == "PRON" and theme.lower_ in words.relatives):
        span = coordinated_phrase(theme, noun_phrase(theme, numbers=False), words)
    rule = found.rule if span is not None else None
    if span is None:
        party = attempt(between_party, ctx, token)
        if party is not None:
            span, rule, verdict = party.value, party.rule, None
    if span is None and verdict is None and trig.kind == "noun" and _is_agentless_noun(ctx, token):
        verdict = AGENTLESS_NOUN  # "a derailment near Lyon": the noun names no doer
    if span is None and verdict is None and trig.kind == "copula" and any(c.dep_ == "expl" and c.lower_ == "there" for c in ctx.children(token)):
        # "there have been 398 cases of dengue" (``triggers.is_counted_existential``): what
        # "there be" counts names no doer. The test is broader than that: any copula trigger
        # with "there" and no actor gets the verdict, a locative one too when the tagger
        # calls its "be" an auxiliary ("there were 40 soldiers in Kursk", whose "soldiers", an
        # ``attr``, no rule takes as the actor; tests/extractor/linking/test_agentless_count.py).
        verdict = AGENTLESS_COUNT
    if span is not None:
        verdict = None
    return ActorLink(span, rule if span is not None else verdict, ref, theme, subject, passive, verdict)


# Every name the actor can record, in the order the cascade tries them: the rules that find
# an actor, then the verdicts recorded for an agentless event (its actor null).
ACTOR_RULES = names_of(NOUN_ACTOR, CLAUSE_ACTOR, assisting_agent, passive_owner, activity_owner, between_party) + AGENTLESS
