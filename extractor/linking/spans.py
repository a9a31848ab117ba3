"""Span and parse helpers the roles share: noun phrases and their content heads, pronoun
antecedents, nouns that can act, purpose clauses, clause paths, era years and counted
phrases (``quantity_span``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from spacy.attrs import DEP, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..contracts import TokenSpan
from ..lexicon import EVENT_NOUN_CLASSES, in_verb_class, is_agent_noun, is_dictionary_word, word_senses
from ..syntax import child_tokens, doc_column, EntityIndex, entity_span, last_before, occurrence_governor
from .rules import Context, Words, shipped_words

# spaCy entity labels of who can act and of amounts.
ACTOR_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
QUANTITY_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})

# A clock time written as one word: "19:17", "3:30pm", "10am", "7p.m." (the tagger often
# calls it a cardinal, or leaves it unlabelled before a time zone: "3:30pm GMT").
_CLOCK_TIME = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?:[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])[ap]\.?m\.?", re.IGNORECASE)


def is_clock_time(token: Token) -> bool:
    """Whether a word is a clock time ("19:17", "3:30pm", "10am"): a time of day, no amount."""
    text = token.text
    return (":" in text or text[-1:] in "mM.") and _CLOCK_TIME.fullmatch(text) is not None


def _is_number(token: Token) -> bool:
    """Whether a token is a number or part of an amount ("500", "two", "$"), not of a date
    or a clock time ("landed at 3:30pm")."""
    if token.ent_type_ in ("DATE", "TIME", "ORDINAL") or is_clock_time(token):
        return False
    return token.like_num or token.pos_ == "NUM" or token.ent_type_ in QUANTITY_LABELS and token.pos_ != "ADP"


_entity = entity_span  # the span of the entity a token is in (read from its tags)


# A decade of years or of a life: "30s", "1990s", "'90s", "thirties", "teens".
_DECADE = re.compile(r"(\d*0'?s|'\d0s|(twen|thir|for|fif|six|seven|eigh|nine)ties|teens)")


def is_age(token: Token, words: Words) -> bool:
    """Whether a token the NER tags DATE is part of an age, not a date: "a six-year-old",
    "six years old" (closed by a word of ``age_closers``), "aged 45", "at age 45" (opened by
    one of ``age_openers``). An age says how old someone is; as the head of a noun phrase
    ("the six-year-old fell") it names a person."""
    if token.ent_type_ != "DATE":
        return False
    ent = _entity(token)
    if ent is None:
        return False
    start, end = ent
    doc = token.doc
    if doc[end - 1].lower_ in words.age_closers:
        return True
    if _DECADE.fullmatch(doc[end - 1].lower_) and any(t.tag_ == "PRP$" for t in doc[max(start - 1, 0) : end - 1]):
        return True  # a possessive before a plural decade ("in his early 30s") gives the decade of someone's life, an age
    return start > 0 and doc[start - 1].lower_ in words.age_openers


def _trim(doc: Doc, start: int, end: int) -> TokenSpan:
    """The span without leading determiners, punctuation, conjunctions and case markers,
    trailing punctuation, conjunctions and case markers, or a bracket it opens and does not close."""
    last = min(end, len(doc))  # the words of ``doc[start:end]``, read by index without building the Span
    opened = [i for i in range(max(start, 0), last) if doc[i].text == "("]
    if opened and not any(doc[i].text == ")" for i in range(opened[-1], last)):
        end = opened[-1]
    while start < end - 1 and (doc[start].dep_ in ("det", "punct", "case", "cc") or doc[start].tag_ == "POS"):
        start += 1
    while end - 1 > start and doc[end - 1].dep_ in ("punct", "cc", "case"):
        end -= 1
    return start, end


# The dependents a noun phrase holds before its noun; any other left dependent (a clause,
# a subject, an object, a preposition, a comma) is a misparse that glues other words to the
# noun ("Occupation forces violate ceasefire in Donbas, one soldier killed": the clause
# "Occupation forces violate ..." hung on "soldier"), and the phrase starts after it.
_PREMODIFIERS = frozenset({"det", "predet", "poss", "amod", "compound", "nmod", "nummod", "quantmod", "nn", "case", "advmod", "punct"})
# Separators no noun phrase holds as its own dependent.
_SEPARATORS = frozenset({",", ";", ":", "\u2014", "\u2013", "|"})
# Clause dependents, which end a noun phrase wherever they hang inside its modifiers.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "nsubj", "nsubjpass", "parataxis", "mark", "aux", "auxpass", "dobj"})


def noun_phrase(token: Token, *, numbers: bool = True) -> TokenSpan:
    """The phrase a noun heads, without relative clauses, trailing modifiers or determiners,
    and without anything before its nearest clause or separator (``_PREMODIFIERS``) or, with
    ``numbers=False`` (an actor), before its count: the words of a headline the parser ran
    together stay out of the phrase."""
    doc = token.doc
    ent = _entity(token)
    left = token.i
    for c in reversed(list(token.lefts)):
        if c.dep_ not in _PREMODIFIERS or c.text in _SEPARATORS:
            break
        edge = c.left_edge.i
        clause = [t for t in doc[edge : c.i] if t.dep_ in _CLAUSE_DEPS] if edge < c.i else []  # no Span for no words
        if clause:
            # "Rebels say Kyiv forces": a clause inside the modifier ends the phrase before it
            left = min(left, max(max(t.right_edge.i for t in clause) + 1, c.i))
            break
        if c.dep_ in ("det", "predet", "poss") and c.tag_ != "PRP$" and c.pos_ != "PROPN":
            continue
        if not numbers and (c.dep_ in ("nummod", "quantmod") or _is_number(c)):
            # without its count, the phrase is what the count counts: words before the
            # count are not part of it ("Getty Images 9 Chicago Cubs": Chicago Cubs)
            break
        left = min(left, c.left_edge.i)
    right = token.i + 1
    for c in token.rights:
        if c.dep_ in ("compound", "flat", "appos") and c.i == right and c.pos_ == "PROPN":
            right = c.right_edge.i + 1
    if ent is not None:
        left, right = min(left, ent[0]), max(right, ent[1])
    if not numbers:
        while left < token.i and (_is_number(doc[left]) or doc[left].dep_ in ("quantmod", "advmod", "det", "punct")):
            left += 1
    return _trim(doc, left, right)


def coordinated_phrase(token: Token, span: TokenSpan, words: Words) -> TokenSpan:
    """The actor phrase ``span`` of ``token`` with the later conjuncts of ``token``: "Russia
    and North Korea", "first lady Michelle Obama and Melania Trump" (guide section 2: the
    actor as written, the whole coordination). A conjunct joins when ``token`` and it both
    can act (``_is_agentive``: names of people, bodies and states, person nouns), it is
    joined by a coordinator of the lexicon's ``actor_coordinators`` and only a comma or that coordinator
    lies between the phrases; "the army and its tanks" stays "the army"."""
    if not _is_agentive(token, words):
        return span
    doc = token.doc
    start, end = span
    head = token
    for _ in range(4):
        conj = next((c for c in child_tokens(head) if c.dep_ == "conj" and c.i >= end), None)
        if conj is None or not _is_agentive(conj, words):
            break
        c_start, c_end = noun_phrase(conj, numbers=False)
        gap = doc[end:c_start]
        if not any(t.dep_ == "cc" and t.lower_ in words.actor_coordinators for t in gap) or not all(
            t.dep_ in ("cc", "det", "advmod") or t.text == "," for t in gap
        ):
            break
        end = c_end
        head = conj
    return start, end


def _is_relative(token: Token, words: Words) -> bool:
    """Whether a word is a relative or interrogative pronoun ("who", "that"), not a name
    spelled like one ("the WHO")."""
    return token.lower_ in words.relatives and token.pos_ != "PROPN"


def content_head(token: Token, words: Words | None = None) -> Token:
    """The noun a collective or numeric head stands for ("thousands of soldiers" -> soldiers);
    word classes from ``words`` (default: the shipped lexicon's), as for ``resolve_pronoun``."""
    collective = (words or shipped_words()).collective
    for _ in range(3):
        if not (token.lemma_.lower() in collective or token.lower_ in collective or _is_number(token)):
            break
        of = next((c for c in child_tokens(token) if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((p for p in child_tokens(of) if p.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            break
        token = pobj
    return token


# Dependencies of a named mention that a pronoun can stand for, and of a subject among them.
_ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "pobj", "dobj", "compound", "ROOT", "appos"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _antecedents(ents: tuple) -> dict[str, tuple[list[int], list[TokenSpan], list[int], list[TokenSpan]]]:
    """By label, the entities that can be antecedents (ends, spans) and those that are subjects."""
    table: dict[str, tuple[list[int], list[TokenSpan], list[int], list[TokenSpan]]] = {}
    for ent in ents:
        dep = ent.root.dep_
        if dep not in _ANTECEDENT_DEPS:
            continue
        ends, spans, subject_ends, subjects = table.setdefault(ent.label_, ([], [], [], []))
        ends.append(ent.end)
        spans.append((ent.start, ent.end))
        if dep in _SUBJECT_DEPS:
            subject_ends.append(ent.end)
            subjects.append((ent.start, ent.end))
    return table


# "nsubj", "nsubjpass" and the tags "NNS", "NNPS" as string ids (``Token.dep``, ``Token.tag``).
_SUBJECT_IDS = frozenset(get_string_id(label) for label in ("nsubj", "nsubjpass"))
_PLURAL_NOUN_TAGS = frozenset(get_string_id(tag) for tag in ("NNS", "NNPS"))


def _previous_sentence(token: Token) -> Span | None:
    start = token.sent.start
    return token.doc[start - 1].sent if start > 0 else None


def resolve_pronoun(token: Token, words: Words | None = None, entities: EntityIndex | None = None) -> TokenSpan | None:
    """The nearest preceding named mention (or, for "they", plural subject) a pronoun can stand for.

    ``entities``: the document's ``EntityIndex``, built once per document (a linker's
    ``Context`` has one); without it each call reads ``doc.ents`` afresh.
    """
    words = words or shipped_words()
    labels = words.personal.get(token.lower_) or words.possessive_personal.get(token.lower_)
    if labels is None:
        return None
    doc = token.doc
    table = (entities or EntityIndex(doc)).memo(_antecedents, _antecedents)
    previous = _previous_sentence(token)
    prev_start = previous.start if previous is not None else token.sent.start
    best: TokenSpan | None = None
    subject: TokenSpan | None = None
    for label in labels:
        if label not in table:
            continue
        ends, spans, subject_ends, subjects = table[label]
        found = last_before(ends, spans, token.i)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
        found = last_before(subject_ends, subjects, token.i)
        if found is not None and found[0] >= prev_start and (subject is None or found[0] > subject[0]):
            subject = found
    # a subject of this or the previous sentence is the likelier antecedent than a nearer object
    best = subject or best
    if token.lower_ in words.plural_pronouns:
        plural: TokenSpan | None = None
        start = token.sent.start
        scope = [*(range(previous.start, previous.end) if previous is not None else ()), *range(start, token.i)]
        # the plural subjects of the scope, read from the labels and tags of its words (no
        # ``Token`` for the others)
        dep, tag = doc_column(doc, DEP), doc_column(doc, TAG)
        for i in scope:
            if dep[i] in _SUBJECT_IDS and tag[i] in _PLURAL_NOUN_TAGS and i < token.i:
                head = content_head(doc[i], words)
                span = noun_phrase(head, numbers=False)
                if plural is None or span[0] > plural[0]:
                    plural = span
        # a country or body is singular: "they" prefers a plural noun phrase
        best = plural or best
    return best


def _is_agentive(token: Token, words: Words) -> bool:
    """Whether a noun names people or a body that can act (an entity, a role, a group)."""
    if token.ent_type_ in ACTOR_LABELS:
        return True
    lemma = token.lemma_.lower()
    if lemma in words.person_nouns or _is_man_compound(lemma):
        return True
    # "Iranian authorities", "Russian hackers", but not "Israeli goods" or "Christian homes"
    return (lemma in words.group_nouns or is_agent_noun(lemma)) and _has_named_modifier(token)


def _has_named_modifier(token: Token) -> bool:
    """Whether a nationality, a country or an organisation modifies a noun ("Iranian", "the UN")."""
    return any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in token.lefts)


def _is_man_compound(lemma: str) -> bool:
    """A person noun compounded with "man" or "woman": "serviceman", "militiaman", "gunman"
    (not "human", "German", "ottoman": the first part must be a word of its own)."""
    for suffix in ("woman", "man"):
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            return is_dictionary_word(lemma[: -len(suffix)])
    return False


def _is_non_event_verb(lemma: str, words: Words) -> bool:
    """Whether a verb lemma never heads an event of its own: it reports, thinks, is light or aspectual."""
    return lemma in words.reporting or lemma in words.cognition or lemma in words.light or lemma in words.aspectual


def _clause_path_clear(t: Token, token: Token) -> bool:
    """Whether ``t`` hangs under ``token`` without crossing another verb or subject."""
    path = list(t.ancestors)
    if token not in path:
        return False
    for a in path[: path.index(token)]:
        if a.pos_ in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in child_tokens(a)):
            return False
    return True


def _purpose_clauses(token: Token) -> Iterator[Token]:
    """The trigger's infinitives of purpose: "sent troops to support Russia"."""
    for c in child_tokens(token):
        if c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" and a.dep_ == "aux" for a in child_tokens(c)):
            yield c


def _era_year(token: Token, words: Words) -> TokenSpan | None:
    """"490 b.c.", "around 7000 b.c.", "a.d. 70": a year with an era abbreviation, which the
    entity recognizer leaves undated (and often calls a place)."""
    if token.lower_ not in words.eras and token.text not in words.capital_eras:
        return None
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].like_num:
        end = token.i + 1
        if not token.text.endswith(".") and end < len(doc) and doc[end].text == ".":
            end += 1  # "b.c" and its final full stop are tokens of their own
        return min(token.left_edge.i, token.i - 1), end
    after = token.i + 1
    if after < len(doc) and doc[after].text == ".":
        after += 1
    if after < len(doc) and doc[after].like_num:
        return token.i, after + 1
    return None


def _is_era_mention(token: Token, words: Words) -> bool:
    """Whether ``token`` (or the entity it is in) is the era of a year ("b.c." in "490 b.c.")."""
    ent = _entity(token)
    doc = token.doc
    tokens = [doc[i] for i in range(ent[0], ent[1])] if ent is not None else [token]  # an entity's words (no Span)
    return any(_era_year(t, words) is not None for t in tokens)


def shares_subject(ctx: Context, verb: Token) -> bool:
    """Whether ``verb`` is coordinated with an earlier verb whose subject it shares, with no
    subject of its own ("the envoys met for lunch and held talks": held)."""
    return (
        verb.dep_ == "conj"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in ctx.children(verb))
    )


def first_conjunct(ctx: Context, verb: Token) -> Token:
    """The first of the coordinated verbs whose subject ``verb`` shares (``shares_subject``:
    "the raid, which killed four and wounded nine": wounded -> killed); ``verb`` itself when
    it has none."""
    while shares_subject(ctx, verb):
        verb = verb.head
    return verb


def coordinated_verbs(ctx: Context, verb: Token) -> list[Token]:
    """``verb`` and the verbs coordinated with it as its ``conj`` dependents ("the jails
    where they held and tortured them": held, tortured)."""
    return [verb, *(c for c in ctx.children(verb) if c.dep_ == "conj" and c.pos_ == "VERB")]


def relative_adverb_antecedent(
    ctx: Context, clause: Token, adverb: str, *, dep: str | None = None, conjuncts: bool = False
) -> Token | None:
    """The word a relative clause introduced by the relative adverb ``adverb`` modifies, which
    the adverb stands for ("the bases where they train": bases; "in 2014, when rebels seized
    the airport": 2014): the head of ``clause`` when ``clause`` is a
    relative clause (``relcl``) with ``adverb`` among its dependents (of relation ``dep``
    when given; with ``conjuncts``, also among those of the verbs coordinated in it,
    ``coordinated_verbs``). The caller finds the clause of a coordinated verb its own way."""
    if clause.dep_ != "relcl":
        return None
    verbs = coordinated_verbs(ctx, clause) if conjuncts else (clause,)
    if any(c.lower_ == adverb and (dep is None or c.dep_ == dep) for v in verbs for c in ctx.children(v)):
        return clause.head
    return None


# What a present participle clause may not have of its own to be a result or supplementive
# clause (``result_participle``): a subject, an expletive "there" ("there being no
# survivors", a subject all the same), a subordinator or an auxiliary.
_OWN_CLAUSE_DEPS = ("nsubj", "nsubjpass", "expl", "mark", "aux")


def result_participle(ctx: Context, verb: Token, *, on_aux: bool = False) -> bool:
    """Whether ``verb`` is a present participle clause after its verb, with no subject
    (expletive "there" included), subordinator or auxiliary of its own, that tells what that
    verb's event did or brought with it ("a bomb exploded in Kabul on Monday, killing 12"): a
    supplementive clause (Quirk et al. 1985, 15.58-60), which shares that verb's subject,
    place and date. The verb it hangs on is a lexical verb (``pos_`` "VERB"); with
    ``on_aux`` also one the tagger calls an auxiliary, a main "be" or "have" ("the blast was
    at 9 a.m., killing 3"): the date rule (``date.supplementive_clause_date``) takes that
    verb's date, while the actor's climb (``actor._subject_verb``) stays on lexical verbs."""
    return (
        verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i
        and (verb.head.pos_ == "VERB" or (on_aux and verb.head.pos_ == "AUX"))
        and not any(c.dep_ in _OWN_CLAUSE_DEPS for c in ctx.children(verb))
    )


# Dependents of "be" that make it a copula or auxiliary with a complement (a predicate
# noun, adjective, clause or object): "the attack was a failure", "the raid was deadly".
_COPULA_COMPLEMENTS = frozenset({"attr", "acomp", "ccomp", "xcomp", "dobj", "oprd", "advcl", "aux", "auxpass", "neg"})


def copula_governor(ctx: Context, token: Token) -> Token | None:
    """The "be" of which an event noun (first WordNet sense an act, event or phenomenon:
    ``EVENT_NOUN_CLASSES``) is the subject when "be" has no complement but a
    phrase: then it only says where or when the event was, as an occurrence verb does ("the
    explosion was at the station", "the vote is on Monday"); its place and date phrases
    are the noun's own. Not for "be" with a predicate ("the attack was a failure in Kabul"),
    an auxiliary or a negation ("the raid was not in Kabul")."""
    head = token.head
    if token.pos_ != "NOUN" or token.dep_ != "nsubj" or head.lemma_ != "be" or head.i == token.i:
        return None
    senses = word_senses(token.lemma_.lower(), "n")
    if senses is None or senses.classes[0] not in EVENT_NOUN_CLASSES:
        return None  # "the frescoes are in Athens": a thing, whose place is no event's
    if any(c.dep_ in _COPULA_COMPLEMENTS for c in ctx.children(head)):
        return None
    return head if any(c.dep_ == "prep" for c in ctx.children(head)) else None


def event_governor(ctx: Context, token: Token) -> Token | None:
    """The verb whose place and date phrases are an event noun's own: an occurrence verb
    (``syntax.occurrence_governor``: "protests took place outside the embassy", "a rally was
    held on Monday"), a verb of causing whose object it is (``causing_governor``: "sparked
    protests in Lyon"), else a bare "be" (``copula_governor``: "the explosion was at the
    station")."""
    governor = occurrence_governor(token, ctx.words)
    if governor is None:
        governor = causing_governor(ctx, token)
    return governor if governor is not None else copula_governor(ctx, token)


def causing_governor(ctx: Context, token: Token) -> Token | None:
    """The verb of causing whose object an event noun is ("the verdict sparked protests in
    Lyon on Monday", "the win set off a celebration in the streets"): the caused event is the
    event, and the verb's place and date phrases say where and when it broke out."""
    head = token.head
    if token.pos_ != "NOUN" or token.dep_ != "dobj" or head.pos_ != "VERB" or head.i == token.i:
        return None
    return head if in_verb_class(head, ctx.words.causing) else None  # "sparked", "set off"


def by_objects(
    ctx: Context, head: Token, *, deps: tuple[str, ...] = ("prep",), after: Token | None = None
) -> Iterator[Token | None]:
    """The object of each "by" phrase of ``head``, in order: of each child whose word is "by",
    labelled one of ``deps`` and standing after ``after`` when that is given, its first
    ``pobj``, or None when the phrase has none ("by shelling the town")."""
    for c in ctx.children(head):
        if c.dep_ in deps and c.lower_ == "by" and (after is None or c.i > after.i):
            yield next((p for p in ctx.children(c) if p.dep_ == "pobj"), None)


def shared_object_conjunct(ctx: Context, token: Token) -> Token | None:
    """The verb coordinated with the trigger that takes the object both share: "stormed and
    looted a bank in Lagos" (the trigger has no object of its own and only a conjunction or
    an adverb stands between the two verbs; the conjunct has an object and no subject of its
    own); the one act on the one object happens where the other does."""
    if token.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass") for c in ctx.children(token)):
        return None
    doc = token.doc
    for c in ctx.children(token):
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > token.i:
            if any(t.dep_ not in ("cc", "punct", "advmod") for t in doc[token.i + 1 : c.i]):
                return None  # "was flowing ( ... ) after he won, Hamilton led the race"
            kids = ctx.children(c)
            if any(k.dep_ == "dobj" for k in kids) and not any(k.dep_ in ("nsubj", "nsubjpass") for k in kids):
                return c
            return None
    return None


# --- the actor's record (ActorLink), which the quantity rules read ------------------------


@dataclass(frozen=True)
class ActorLink:
    """The actor of a trigger (``actor.link_actor``), and what the quantity rules need from its
    search: the record the cascade hands from the actor role to the quantity role."""

    span: TokenSpan | None
    rule: str | None
    ref: TokenSpan | None  # the named mention a pronoun actor stands for
    theme: Token | None  # the actor's word, kept when it names no actor ("$2 million arrived")
    subject: Token | None  # the candidate before any refinement
    passive: bool  # whether the candidate is the patient of an agentless construction
    agentless: str | None = None  # the verdict that made the event agentless (``AGENTLESS``), if it is


# --- counted phrases (quantity_span): the quantity rules' and the date's toll test --------

_PAIR_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _number_value(token: Token) -> float | None:
    try:
        return float(token.text.replace(",", ""))
    except ValueError:
        return None


def _is_score(num: Token) -> bool:
    """A pair of figures joined by a dash whose first is not below its second: a score or a
    ratio ("a 5-1 win", "broke a 6-6 tie", "a 3-1 lead"), which counts nothing the event
    involves; a range goes up ("10-15 people")."""
    doc = num.doc
    i = num.i
    if i + 2 < len(doc) and doc[i + 1].text in _PAIR_DASHES:
        first, second = _number_value(num), _number_value(doc[i + 2])
    elif i >= 2 and doc[i - 1].text in _PAIR_DASHES:
        first, second = _number_value(doc[i - 2]), _number_value(num)
    else:
        return False
    return first is not None and second is not None and first >= second


def _is_label_number(num: Token, head: Token) -> bool:
    """A number that names rather than counts: after the noun it identifies ("at turn one",
    "on lap eight", "Room 101": a postposed numeral, Quirk et al. 1985, 5.23), or with a
    proper name joined to it ("Formula One drivers", "Apollo 11"), which a count never takes."""
    if num.i > head.i and num.dep_ == "nummod":
        return True
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < num.i for c in child_tokens(num))


def _is_definite_people(num: Token, head: Token, words: Words) -> bool:
    """A numeral after a definite determiner or a possessor that counts people ("the two
    men", "the two leaders", "their three sons"): it refers back to participants the text
    has named, no amount the event involves (Quirk et al. 1985, 5.24 and 6.53, a definite
    numeral is anaphoric, after one of ``definite_determiners``; gold decision test b T10:
    "the two men shook hands" has no slot of its own). Only a bare cardinal of a plural noun whose first WordNet sense is a person
    (noun.person); things keep their count ("the 170g bars", "the two letters"), and so do
    money and measures, and so do patients ("the six soldiers killed in the attack", "the two
    men were shot"): what the event did to them is counted."""
    if num.dep_ != "nummod" or num.head.i != head.i or head.tag_ != "NNS" or num.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    if not any((c.dep_ == "det" and c.lower_ in words.definite_determiners) or c.dep_ == "poss" for c in child_tokens(head)):
        return False
    if head.dep_ == "nsubjpass" or any(c.dep_ == "acl" and c.tag_ == "VBN" for c in child_tokens(head)):
        return False  # "the six soldiers killed in the attack", "the two men were shot": a toll, what the event did
    senses = word_senses(head.lemma_.lower(), "n")
    return senses is not None and senses.classes[0] == "person"


def _is_substitute_one(num: Token) -> bool:
    """The substitute "one" (Quirk et al. 1985, 6.52), a pronoun standing for a noun, no
    count: with a determiner or adjective of its own ("the smaller one", "no one", "this
    one"); the numeral "one" takes none ("one was arrested", "one of the 67 supervisors")."""
    if num.lower_ not in ("one", "ones"):
        return False
    return any(c.dep_ in ("det", "amod") for c in child_tokens(num))


def _is_bare_magnitude(token: Token, words: Words) -> bool:
    """A number noun in the bare plural (``magnitude_plurals``) that counts something: with
    a partitive "of" phrase of an indefinite whole or "more" / "others" after it ("scores
    of civilians", "injured scores more"), and nothing before it but an approximator ("the
    scores", "test scores", "scores of the exam": the marks of something, no count)."""
    if token.pos_ != "NOUN" or token.lower_ not in words.magnitude_plurals or token.ent_type_:
        return False
    if any(c.i < token.i and c.dep_ not in ("advmod", "quantmod") for c in child_tokens(token)):
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None:
        return False
    if after.lower_ in ("more", "others"):
        return True
    if after.lower_ != "of" or after.head.i != token.i:
        return False
    # "scores of civilians"; not a definite whole ("scores of the exam": the exam's scores)
    pobj = next((p for p in child_tokens(after) if p.dep_ == "pobj"), None)
    return pobj is not None and not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in pobj.lefts)


def quantity_span(token: Token, words: Words | None = None) -> TokenSpan | None:
    """The number with the noun it counts, if ``token``'s phrase holds one and it is no score
    (``_is_score``: "a 5-1 win") (word classes from ``words``, default: the shipped lexicon's)."""
    doc = token.doc
    words = words or shipped_words()
    if _is_number(token):
        num = token
        head = token.head if token.dep_ in ("nummod", "quantmod", "compound") else token
    elif _is_bare_magnitude(token, words):
        num = head = token  # "scores of civilians", "scores more": a vague magnitude the recognizer leaves unlabelled
    else:
        nums = [c for c in child_tokens(token) if c.dep_ in ("nummod", "quantmod") and _is_number(c)]
        if not nums:
            measured = _measure_modifier(token)
            if measured is not None:
                return measured
            fraction = next((c for c in child_tokens(token) if c.dep_ == "predet" and c.lower_ in words.fraction_predeterminers), None)
            if fraction is not None:
                return _trim(doc, fraction.i, noun_phrase(token)[1])  # "half the field": part of it
            for c in child_tokens(token):
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in child_tokens(c):
                        if p.dep_ == "pobj":
                            found = quantity_span(p, words)
                            if found is not None:
                                return found
            return None
        num, head = nums[0], token
    if _is_score(num):
        return None  # "a 5-1 win": a score, no amount
    if _is_label_number(num, head):
        return None  # "at turn one", "Formula One drivers": a name or label, no count
    if _is_substitute_one(num):
        return None  # "the smaller one", "no one": a pronoun, no count
    if _is_definite_people(num, head, words):
        return None  # "the two leaders met": participants already named, no count
    start = min(num.left_edge.i, head.i)
    end = max(head.i, num.i) + 1
    for c in num.rights:
        if c.dep_ in ("quantmod", "nummod", "compound") and c.i == end:
            end = c.right_edge.i + 1
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "per") and c.i == end:
            pobj = next((p for p in child_tokens(c) if p.dep_ == "pobj"), None)
            end = noun_phrase(pobj)[1] if pobj is not None else c.i + 1
    if end < len(doc) and doc[end].lower_ in words.magnitude_suffixes and doc[end].i > num.i:
        end += 1
    ent = _entity(num)
    if ent is not None and doc[ent[0]].ent_type_ in QUANTITY_LABELS:
        start, end = min(start, ent[0]), max(end, ent[1])
        # a rate after money: "$2,000 per month"
        if end < len(doc) and doc[end].lower_ == "per":
            end = doc[end].right_edge.i + 1
    # do not swallow a relative clause or a following verb phrase
    for t in doc[start:end]:
        if t.pos_ == "VERB" and t.i > head.i and t.dep_ in ("relcl", "acl"):
            end = t.left_edge.i
            break
    return _trim(doc, start, end)


def _measure_modifier(token: Token) -> TokenSpan | None:
    """A hyphenated measure before the noun, number and unit joined by a hyphen ("a
    three-run lead", "a 400-gram bar", "a 20-mile march"): the parser hangs the number on
    the unit, a compound of the noun, so the noun has no number of its own; the amount is
    the whole phrase from the number to the noun. Ages and durations ("six-year-old", "a
    two-hour meeting") are DATE or TIME entities, which ``_is_number`` leaves out."""
    doc = token.doc
    for c in child_tokens(token):
        if c.dep_ not in ("compound", "amod") or c.i >= token.i or c.i < 2:
            continue
        if doc[c.i - 1].text != "-":
            continue
        num = doc[c.i - 2]
        if num.head.i == c.i and num.dep_ == "nummod" and _is_number(num):
            return _trim(doc, num.left_edge.i, token.i + 1)
    return None
