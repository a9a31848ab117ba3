"""The actor: who does the event.

An event noun takes the first candidate of ``NOUN_ACTOR``; a verb or copula takes the actor
of its clause (``CLAUSE_ACTOR``, tried on the trigger's clause and then on each clause up
the chain that controls or governs it). The candidate is then refined, in this order: a
helper stands in for the patient of an agentless passive (``assisting_agent``); dates,
times, situations, relative pronouns and other events are no actors; the patient of an
agentless passive gives way to its owner (``passive_owner``) or acts itself only when it
names people; a collective gives way to what it counts; an aim, an amount or a clause names
no actor; a pronoun stays as written and points to its antecedent. With no actor left, a
"between X and Y" phrase gives one (``between_party``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..contracts import TokenSpan, Trigger
from ..lexicon import is_agent_noun
from .rules import Context, Found, RuleTable, attempt, names_of
from .spans import (
    ACTOR_LABELS, _is_agentive, _is_motion, _is_non_event_verb, _is_relative, content_head, noun_phrase,
    resolve_pronoun,
)


@dataclass(frozen=True)
class ActorLink:
    """The actor of a trigger, and what the quantity rules need from its search."""

    span: TokenSpan | None
    rule: str | None
    ref: TokenSpan | None  # the named mention a pronoun actor stands for
    theme: Token | None  # the actor's word, kept when it names no actor ("$2 million arrived")
    subject: Token | None  # the candidate before any refinement
    passive: bool  # whether the candidate is the patient of an agentless passive


# --- event nouns: (ctx, trigger, noun) -> Token | None -----------------------------------

NOUN_OWNER = RuleTable("actor", "who an event noun itself names as its doer")


@NOUN_OWNER.rule
def possessor(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """The noun's possessor: "Iran's attack", "their visit" (a possessive pronoun only when
    it is a personal pronoun of the lexicon: "its", "their", "our")."""
    words = ctx.words
    for c in token.children:
        if c.dep_ == "poss" and (c.tag_ != "PRP$" or c.lower_ in words.personal or c.lower_ in words.first_second):
            return c
    return None


@NOUN_OWNER.rule
def by_agent(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """The object of the noun's "by" phrase: "an attack by Iran"."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


@NOUN_OWNER.rule
def named_modifier(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """A nationality or organisation modifying the noun: "the Iranian attack", "a NATO deployment"."""
    for c in token.lefts:
        if c.ent_type_ in ("NORP", "ORG") and c.dep_ in ("amod", "compound"):
            return c
    return None


NOUN_ACTOR = RuleTable("actor", "who does what an event noun names")


@NOUN_ACTOR.rule(via=(NOUN_OWNER,))
def owner(ctx: Context, trig: Trigger, token: Token) -> Found | None:
    """Who the noun itself names as its doer (``NOUN_OWNER``)."""
    return NOUN_OWNER.first(ctx, trig, token)


@NOUN_ACTOR.rule
def of_object(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """The "of" object when it names people, or of a presence whatever it names: "the
    deployment of troops", "the presence of Wagner"; not for an agent noun, whose "of"
    object is what it makes or moves ("a producer of drones")."""
    if _is_agent_noun(token):
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    cand = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
    if cand is not None and (trig.lemma == "be" or _is_agentive(content_head(cand, ctx.words), ctx.words)):
        return cand
    return None


@NOUN_ACTOR.rule
def support_verb_subject(ctx: Context, trig: Trigger, token: Token) -> Token | None:
    """Whoever does the verb whose object the noun is, when that verb performs it: "Iran
    carried out an attack", "continued its sanctions" (not "reported an attack")."""
    if token.dep_ == "dobj" and token.head.pos_ == "VERB" and _performs_object(ctx, token.head):
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


def _is_agent_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and is_agent_noun(token.lemma_)


def _performs_object(ctx: Context, verb: Token) -> bool:
    """Whether a verb's subject performs the event noun that is its object: "carried out an
    attack", "continued its sanctions"; not "reported no fatalities" or "recognized the
    massacre", whose subject only tells of or judges the event."""
    lemma = verb.lemma_.lower()
    if lemma in ctx.words.reporting or lemma in ctx.words.cognition:
        return False
    return lemma in ctx.words.support or _is_non_event_verb(lemma, ctx.words)


# --- clauses: (ctx, verb, complement it was reached from) -> (Token, passive) | None ------

CLAUSE_ACTOR = RuleTable("actor", "who does what a clause says")


@CLAUSE_ACTOR.rule
def controller(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, bool] | None:
    """Who performs the complement the search came up from when it is not the verb's subject:
    the object of an object-control verb ("asked Ukraine to withdraw") or of a verb of
    sending ("sent troops to fight"), a prepositional object ("called on Iran to withdraw"),
    or a passive's patient ("troops were ordered to withdraw")."""
    if came_from is None:
        return None
    found = _controller(ctx, verb, came_from)
    return None if found is None else (found, _is_passive(came_from))


@CLAUSE_ACTOR.rule
def passive_agent(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, bool] | None:
    """The object of a passive's "by" phrase: "the town was shelled by Russia"."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None and _is_passive(verb):
        # the parser sometimes labels a passive's "by" phrase a plain preposition
        agent = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return None if pobj is None else (pobj, False)


@CLAUSE_ACTOR.rule
def relative_head(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, bool] | None:
    """The noun a relative clause modifies, when the clause's subject is the relative pronoun
    ("the troops who crossed the border") or missing."""
    if verb.dep_ != "relcl":
        return None
    subj = _clause_subject(ctx, verb)
    if (subj is not None and subj.tag_ in ("WDT", "WP")) or (subj is None and _patient(verb) is None):
        return verb.head, False
    return None


@CLAUSE_ACTOR.rule
def subject(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, bool] | None:
    """The clause's subject: "Russia sent troops"."""
    subj = _clause_subject(ctx, verb)
    return None if subj is None else (subj, False)


@CLAUSE_ACTOR.rule
def passive_patient(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, bool] | None:
    """The patient of an agentless passive, which acts only when it names people ("Chinese
    engineers were sent"; refined below)."""
    patient = _patient(verb)
    return None if patient is None else (patient, True)


@CLAUSE_ACTOR.rule
def participle_head(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, bool] | None:
    """The noun a participle modifies: "soldiers operating in Donetsk" (a patient for a past
    participle: "troops sent to Kursk")."""
    if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN") and not any(c.dep_ == "aux" for c in verb.children):
        return verb.head, verb.tag_ == "VBN"
    return None


@CLAUSE_ACTOR.rule
def noun_possessor(ctx: Context, verb: Token, came_from: Token | None) -> tuple[Token, bool] | None:
    """The possessor of the noun a clause completes: "Russia's decision to send troops"."""
    if verb.dep_ not in ("acl", "pcomp"):
        return None
    noun = verb.head.head if verb.dep_ == "pcomp" else verb.head
    if noun.pos_ != "NOUN":
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    return None if poss is None else (poss, False)


def clause_actor(ctx: Context, verb: Token) -> Found[tuple[Token, bool]] | None:
    """The first find of ``CLAUSE_ACTOR`` on ``verb``'s clause and then on each clause up the
    chain of complements, conjuncts, adverbial clauses and modified nouns (six at most):
    the candidate actor and whether it is the patient of an agentless passive."""
    cur, came_from = verb, None
    for _ in range(6):
        found = CLAUSE_ACTOR.first(ctx, cur, came_from)
        if found is not None:
            return found
        up = _governing(cur)
        if up is None:
            return None
        cur, came_from = up
    return None


def _governing(verb: Token) -> tuple[Token, Token | None] | None:
    """The clause above ``verb`` in a control, conjunction or participle chain, and ``verb``
    itself when, as a complement reaching its governing verb directly, it can be controlled
    by it."""
    if verb.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "acl", "acomp"):
        return None
    nxt = verb.head.head if verb.dep_ == "pcomp" else verb.head
    came_from = verb if verb.dep_ in ("xcomp", "pcomp") and nxt.pos_ in ("VERB", "AUX") else None
    if nxt.pos_ == "NOUN" and verb.dep_ in ("acl", "pcomp"):
        # "decision to send": up to the verb the noun serves
        nxt = nxt.head
        if nxt.dep_ == "prep":
            nxt = nxt.head
    return nxt, came_from


def _subject_token(ctx: Context, verb: Token) -> Token | None:
    found = clause_actor(ctx, verb)
    return found.value[0] if found is not None else None


def _clause_subject(ctx: Context, verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1:
        # "the towns that Russia seized": the parser can label an object relativizer
        # a second subject; the other one is the subject
        subjects = [c for c in subjects if c.lower_ not in ctx.words.relatives] or subjects
    if not subjects:
        # "X has ... conducted": the parser can hang the subject on the auxiliary
        subjects = [s for a in verb.children if a.dep_ == "aux" for s in a.children if s.dep_ == "nsubj"]
    return subjects[0] if subjects else None


def _patient(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _controller(ctx: Context, verb: Token, complement: Token) -> Token | None:
    """Who performs the complement of a verb when it is not the verb's subject: the object
    of an object-control verb ("asked Ukraine to withdraw") or, for a passive, the patient
    ("she is thought to have fled", "troops were ordered to withdraw")."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "agent" for c in verb.children):
        return None
    if complement.dep_ == "xcomp":
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < complement.i), None)
        lemma = verb.lemma_.lower()
        # "sent troops to fight": people moved somewhere do what they were moved for
        if obj is not None and (
            lemma in ctx.words.object_control or (_is_motion(lemma) and _is_agentive(content_head(obj, ctx.words), ctx.words))
        ):
            return obj
        pobj = _prep_controller(ctx, verb, complement)
        if pobj is not None:
            return pobj
    if _is_passive(verb):
        return _patient(verb)
    return None


def _prep_controller(ctx: Context, verb: Token, complement: Token) -> Token | None:
    """The prepositional object that performs a verb's infinitive complement: "called on
    Iran to withdraw" (Iran withdraws)."""
    preps = ctx.words.prep_object_control.get(verb.lemma_.lower(), ())
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps and c.i < complement.i:
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


# --- refinements and the fallback ----------------------------------------------------------


def assisting_agent(ctx: Context, token: Token) -> Token | None:
    """The helper of an agentless passive: "rebuilt with the assistance of North Korean engineers"."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in ctx.words.help_nouns:
                    for of in p.children:
                        if of.dep_ == "prep" and of.lower_ == "of":
                            return next((o for o in of.children if o.dep_ == "pobj"), None)
    return None


def passive_owner(ctx: Context, patient: Token) -> Token | None:
    """The named owner of what an agentless passive moved stands in for its agent: "North
    Korea's brigades would be sent"."""
    return next((c for c in patient.children if c.dep_ == "poss" and c.ent_type_ in ACTOR_LABELS), None)


def between_party(ctx: Context, token: Token) -> TokenSpan | None:
    """The first named party of a "between X and Y" phrase on the trigger: "an agreement
    reached between Kim and Putin"."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in ACTOR_LABELS:
                return noun_phrase(pobj, numbers=False)
    return None


def _is_no_actor(ctx: Context, cand: Token, token: Token) -> bool:
    """Whether a candidate is a date or time, a time noun, a situation ("the war drags on"),
    a relative pronoun, or another event ("Putin's visit sealed the pact")."""
    lemma = cand.lemma_.lower()
    return (
        cand.ent_type_ in ("DATE", "TIME")
        or lemma in ctx.words.time_nouns
        or lemma in ctx.words.eventive_nouns
        or _is_relative(cand, ctx.words)
        or cand.i in ctx.noun_events and cand != token
    )


def _names_no_actor(ctx: Context, token: Token) -> bool:
    """Whether a subject names an aim, an issue, a record, an amount or a clause rather than
    who acts: "the primary goal is to provide aid", "$4 million to produce the film"."""
    if token.pos_ in ("VERB", "AUX"):
        return True  # a clausal subject: "what was needed was to stop the slaughter"
    return token.lemma_.lower() in ctx.words.content_nouns or token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY")


def link_actor(ctx: Context, trig: Trigger, token: Token) -> ActorLink:
    """The actor of a trigger: its candidate, refined (see the module's docstring)."""
    words = ctx.words
    passive = False
    if trig.kind == "noun":
        found = NOUN_ACTOR.first(ctx, trig, token)
    else:
        clause = clause_actor(ctx, token)
        found = Found(clause.rule, clause.value[0]) if clause is not None else None
        # "troops were spotted in Kursk": a presence is whoever is there
        passive = clause is not None and clause.value[1] and trig.kind != "copula"
    subject = found.value if found is not None else None
    if passive and trig.kind == "verb":
        helper = attempt(assisting_agent, ctx, token)
        if helper is not None:
            found, passive = helper, False
    if found is not None and _is_no_actor(ctx, found.value, token):
        found = None
    if found is not None and passive:
        head = content_head(found.value, words)
        found = attempt(passive_owner, ctx, head) or (Found(found.rule, head) if _is_agentive(head, words) else None)
    theme = content_head(found.value, words) if found is not None else None
    span = ref = None
    if theme is None or _names_no_actor(ctx, theme):
        pass  # the theme stays, whose quantity counts
    elif theme.lower_ in words.personal or theme.lower_ in words.first_second:
        # the pronoun as written, standing for the named mention it resolves to
        span, ref = (theme.i, theme.i + 1), resolve_pronoun(theme, words)
    elif not (theme.pos_ == "PRON" and theme.lower_ in words.relatives):
        span = noun_phrase(theme, numbers=False)
    rule = found.rule if span is not None else None
    if span is None:
        party = attempt(between_party, ctx, token)
        if party is not None:
            span, rule = party.value, party.rule
    return ActorLink(span, rule, ref, theme, subject, passive)


# Every name the actor can record, in the order the cascade tries them.
ACTOR_RULES = names_of(NOUN_ACTOR, CLAUSE_ACTOR, assisting_agent, passive_owner, between_party)
