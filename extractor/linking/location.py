"""The location: where the event happens or where it goes.

``LOCATION`` first tries the places of the trigger's own phrase (``PHRASE_PLACE``: a
destination before a static place before an origin, then places named by objects,
relative "where" clauses, deeper prepositional phrases and modifiers), then those of its
infinitive of purpose, of the clause it serves, a named place modifying its object
("attacked a Kabul hotel"), and finally the nearest place entity.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from ..contracts import TokenSpan
from ..lexicon import act_kinds, event_verb_of_noun, word_senses, wordnet_place_noun
from ..normalize.event_type import moves_people_or_goods
from ..syntax import child_tokens, PLACE_LABELS, occurrence_clause
from .rules import Context, Found, RuleTable, Words
from .spans import (
    _clause_path_clear, _entity, _has_named_modifier, _is_agentive, _is_era_mention, _purpose_clauses,
    _trim, coordinated_verbs, event_governor, noun_phrase, relative_adverb_antecedent, shared_object_conjunct, shares_subject,
)


def _is_abstract_sense(noun: Token, words: Words) -> bool:
    """Whether a place noun is used in its abstract sense: "a state of emergency", "areas such
    as composite materials" (but "areas of Ukraine", "the area of the capital")."""
    if noun.ent_type_ or noun.lemma_.lower() not in words.abstract_sense_places:
        return False
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "as"):
            inner = next((p for p in child_tokens(c) if p.dep_ == "pobj"), None)
            if inner is not None and inner.ent_type_ not in PLACE_LABELS:
                lemma = inner.lemma_.lower()
                if lemma not in words.general_places and lemma not in words.place_nouns:
                    return True
    return False


_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


def _place_before_credit(pobj: Token) -> TokenSpan | None:
    """"killed in Donbas - JFO HQ": a headline's credit after a dash, which the parser reads
    as the object ("PGO", "agency") with the place as its modifier; the place is the object."""
    if pobj.ent_type_ in PLACE_LABELS:
        return None
    dash = next((c for c in pobj.lefts if c.dep_ == "punct" and c.text in _DASHES), None)
    if dash is None:
        return None
    before = [c for c in pobj.lefts if c.i < dash.i and c.ent_type_ in PLACE_LABELS]
    return _entity(before[-1]) if before else None


def _spatial_object(noun: Token, words: Words) -> Token | None:
    """The "of" object of a noun of a complex preposition of space ("in front of the hall",
    "on opposite sides of the country"), or None for any other noun ("the North Side": a name)."""
    if noun.pos_ != "NOUN" or noun.ent_type_ or noun.lemma_.lower() not in words.spatial_prep_nouns:
        return None
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((p for p in child_tokens(of) if p.dep_ == "pobj"), None) if of is not None else None


def _is_bare_spatial(noun: Token, words: Words) -> bool:
    """Whether a noun is that of a complex preposition of space with nothing before it but a
    determiner: "in front of", "in the middle of" name no place by themselves (but "the east
    side of the river" does)."""
    return _spatial_object(noun, words) is not None and all(c.dep_ == "det" for c in noun.lefts)


# WordNet classes (first sense) of a common noun that a proper name before it makes a named
# facility: buildings, grounds and sites ("the White House residence", "the Capitol grounds",
# "the Interlagos circuit"); not groups, acts or communications ("the Senate race", "the
# White House press corps").
FACILITY_NOUN_CLASSES = frozenset({"artifact", "location", "object"})
# Entity labels of the name: a place, or an institution whose name is its building's
# ("the White House", which the tagger often calls an ORG).
_FACILITY_NAME_LABELS = PLACE_LABELS | {"ORG"}


def _is_named_facility(pobj: Token) -> bool:
    """A common noun of a building, grounds or site that a proper name of a place or
    institution compounds: "met in the White House residence", "drove at the Interlagos
    circuit", "built on the Capitol grounds". WordNet files its first sense as a thing or
    place (``FACILITY_NOUN_CLASSES``) and one of its senses as a place (noun.location): its
    lexicographer classes do not tell a building from a vehicle or a weapon, and without
    that sense "flew back to Belfast in an RAF transport plane" and "at the Cavehill Road
    bomb" were placed in the plane and the bomb."""
    if pobj.pos_ != "NOUN" or (pobj.ent_type_ and pobj.ent_type_ not in _FACILITY_NAME_LABELS):
        return False
    if not any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in _FACILITY_NAME_LABELS for c in pobj.lefts):
        return False
    senses = word_senses(pobj.lemma_.lower(), "n")
    return senses is not None and senses.classes[0] in FACILITY_NOUN_CLASSES and "location" in senses.classes


# WordNet classes of the senses by which a common noun can name somewhere: a region or
# point (noun.location), a building, vehicle or surface (noun.artifact), a natural object
# ("the planet", "the pits"; noun.object).
SOMEWHERE_CLASSES = frozenset({"location", "artifact", "object"})


def _names_no_place(pobj: Token, words: Words) -> bool:
    """A common noun with no entity label whose WordNet senses, of those WordNet's tagged
    corpus attests (all of them when it attests none), include none of a place, building or
    object (``SOMEWHERE_CLASSES``): an occurrence, time, state or idea a verb of motion goes
    "to" or "into" figuratively, no place ("went to extra innings", "brought an end to the
    longest title drought", "going into Tuesday's race", "descended into farce"; but "to the
    stage", "to the polls", "into a clinic"; the lemma's senses and, for a plural WordNet
    lists apart, the plural's: "the polls"). Gatherings stay places ("went to a rally"); a
    noun WordNet lacks is kept."""
    if pobj.pos_ != "NOUN" or pobj.ent_type_ or pobj.lemma_.lower() in words.gatherings:
        return False
    found = False
    for form in {pobj.lemma_.lower(), pobj.lower_}:  # "the polls": WordNet's plural entry is a place
        senses = word_senses(form, "n")
        if senses is None:
            continue
        found = True
        attested = [k for k, n in zip(senses.classes, senses.counts) if n > 0] or list(senses.classes)
        if any(k in SOMEWHERE_CLASSES for k in attested):
            return False
    return found


# WordNet classes of the senses of a state or act that a bare noun after "into" may name:
# "sworn into office" (office: a post held, noun.act), "into custody" (noun.state).
STATE_ENTERED_CLASSES = frozenset({"act", "state"})


def _is_state_entered(pobj: Token, words: Words) -> bool:
    """A bare singular common noun (nothing before it: no determiner, possessor or
    modifier) after a preposition of ``state_entry_preps`` that WordNet gives a sense of an
    act or state (``STATE_ENTERED_CLASSES``): a state entered, no place ("sworn into
    office", "taken into custody", "went into hiding"; but "into the office", "into a
    building", "into Syria")."""
    if pobj.dep_ != "pobj" or pobj.head.lower_ not in words.state_entry_preps:
        return False
    return _is_bare_state(pobj)


def _is_bare_state(pobj: Token) -> bool:
    """A bare singular common noun that WordNet gives a sense of an act or state
    (``STATE_ENTERED_CLASSES``): "office", "custody", "business"."""
    if pobj.tag_ != "NN" or pobj.ent_type_ or any(True for _ in pobj.lefts):
        return False
    senses = word_senses(pobj.lemma_.lower(), "n")
    return senses is not None and any(c in STATE_ENTERED_CLASSES for c in senses.classes)


def _place_span(pobj: Token, words: Words) -> TokenSpan | None:
    """The place a prepositional object names, if any."""
    doc = pobj.doc
    if _is_era_mention(pobj, words):
        return None  # "in 490 b.c.": a year, whatever the entity label
    if _is_state_entered(pobj, words):
        return None  # "sworn into office": a state entered
    if _is_abstract_sense(pobj, words):
        return None
    credited = _place_before_credit(pobj)
    if credited is not None:
        return credited
    lemma = pobj.lemma_.lower()
    inner = _spatial_object(pobj, words)
    if inner is not None:
        # "in front of the White House", "on opposite sides of the country": the "of" object
        # is the place; else a bare "in front of" names none ("in front of reporters")
        span = _place_span(inner, words)
        if span is not None or _is_bare_spatial(pobj, words):
            return span
    has_entity = any(t.ent_type_ in PLACE_LABELS for t in pobj.subtree)
    is_place_noun = lemma in words.place_nouns and any(
        c.ent_type_ in ("GPE", "LOC", "NORP") or c.pos_ == "PROPN" for c in pobj.lefts
    )
    if pobj.ent_type_ in PLACE_LABELS or is_place_noun or lemma in words.general_places:
        span = noun_phrase(pobj)
        # "areas of Ukraine", "two hospitals in Aleppo": keep the named place that pins a
        # generic place noun
        for c in pobj.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "near") and pobj.ent_type_ not in PLACE_LABELS and any(t.ent_type_ in PLACE_LABELS for t in c.subtree):
                span = (span[0], c.right_edge.i + 1)
        return _trim(doc, *span)
    if _is_named_facility(pobj):
        return _trim(doc, *noun_phrase(pobj))  # "in the White House residence"
    if has_entity and pobj.pos_ in ("NOUN", "PROPN") and lemma not in words.complex_prep_nouns:
        # not the noun of a complex preposition: "fought on behalf of Russia"
        # "the restoration of Kursk", "parts of Donetsk": the place the "of" object names
        for c in child_tokens(pobj):
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = next((p for p in child_tokens(c) if p.dep_ == "pobj"), None)
                if inner is not None and inner.ent_type_ in PLACE_LABELS:
                    return _entity(inner)
    return None


def _is_party(token: Token, words: Words) -> bool:
    """Whether a noun names people, a body or something a named party runs ("the al-Fatah
    program"): what a "to" phrase then names is a recipient, not a destination."""
    return _is_agentive(token, words) or _has_named_modifier(token)


def _is_party_phrase(prep: Token, words: Words) -> bool:
    """Whether a prepositional phrase names a party to a change of possession rather than a
    place: the recipient of giving ("sold arms to Iran", "aid to Syria") or the giver of
    getting ("bought missiles from North Korea"; "from abroad" stays a place)."""
    head = prep.head
    if prep.lower_ == "to":
        return head.lemma_.lower() in words.giving
    if head.dep_ == "dobj" and head.head.pos_ == "VERB":
        head = head.head  # "receiving assistance from Russia": the parser hangs "from" on the object
    if prep.lower_ == "from" and head.lemma_.lower() in words.getting:
        pobj = next((p for p in child_tokens(prep) if p.dep_ in ("pobj", "pcomp", "advmod")), None)
        return pobj is None or pobj.lower_ not in words.abroad
    return False


def _names_person(token: Token) -> bool:
    """Whether a common noun names a person by its first WordNet sense (noun.person): "sent
    messages to a girl" names a recipient, not a destination."""
    if token.ent_type_ or token.pos_ != "NOUN":
        return False
    senses = word_senses(token.lemma_.lower(), "n")
    return senses is not None and senses.classes[0] == "person"


def _is_place_prep(word: str, words: Words) -> bool:
    """A preposition of destination or position: "to", "in", "at", ..."""
    return word in words.destination_preps or word in words.static_preps


def _prep_kind(word: str, words: Words) -> str | None:
    """"dest", "static" or "origin": what place a preposition gives."""
    if word in words.destination_preps:
        return "dest"
    if word in words.static_preps:
        return "static"
    if word in words.origin_preps:
        return "origin"
    return None


def _place_holders(token: Token) -> list[Token]:
    """The trigger and the words whose prepositional phrases also place it: its object and
    patient, an event noun's "of" object ("the deployment of forces to Ukraine"), the verb it
    completes or shares a subject with, the noun of its relative clause, its occurrence clause."""
    holders = [token] + [c for c in child_tokens(token) if c.dep_ in ("dobj", "nsubjpass")]
    if token.pos_ == "NOUN":
        holders += [p for c in child_tokens(token) if c.dep_ == "prep" and c.lower_ == "of" for p in child_tokens(c) if p.dep_ == "pobj"]
    if token.dep_ == "xcomp" or (token.dep_ == "conj" and token.head.pos_ == "VERB"):
        holders.append(token.head)
    if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN"):
        holders.append(token.head)
    if token.pos_ == "NOUN" and (occurrence := occurrence_clause(token)) is not None:
        holders.append(occurrence)
    return holders


def _occurrence_holders(ctx: Context, token: Token) -> list[Token]:
    """``_place_holders``, and the verb that only says where an event noun, its subject,
    happened (``spans.event_governor``: "protests took place outside the embassy", "the
    explosion was at the station")."""
    holders = _place_holders(token)
    if (governor := event_governor(ctx, token)) is not None:
        holders.append(governor)
    return holders


def _complex_prep_object(ctx: Context, prep: Token) -> tuple[str, Token] | None:
    """The kind of place and the object of a complex preposition of space
    (``complex_place_preps``) that the parser splits, hanging its second word below its
    first, on the trigger verb itself: "walked out of the bank" (an origin; not on a noun:
    "seeking a way out of the country" names no place left, nor on a verb it is coordinated
    with: "step out of the hotel and your senses will be bombarded"); not a bare noun of
    a state ("voted out of office": the counterpart of ``_is_state_entered``)."""
    entry = ctx.words.complex_place_preps.get(prep.lower_)
    if entry is None:
        return None
    second, kind = entry
    inner = next((c for c in ctx.children(prep) if c.dep_ == "prep" and c.lower_ == second), None)
    pobj = next((p for p in ctx.children(inner) if p.dep_ == "pobj"), None) if inner is not None else None
    if pobj is None or _is_bare_state(pobj):
        return None  # "voted out of office", "went out of business": a state left, no place
    return kind, pobj


def _phrase_places(ctx: Context, token: Token) -> dict[str, TokenSpan]:
    """The first place of each kind ("dest", "static", "origin") that the adverbs and
    prepositional phrases of the trigger's place holders name."""
    words = ctx.words
    found: dict[str, TokenSpan] = {}
    for holder in ctx.memo((_place_holders, token.i), lambda: _occurrence_holders(ctx, token)):
        for c in ctx.children(holder):
            dep = c.dep_
            if dep not in ("prep", "dative", "advmod"):
                continue
            low = c.lower_  # each read of ``dep_`` and ``lower_`` looks the string up again
            if dep == "advmod" and low in words.abroad and "dest" not in found:
                found["dest"] = (c.i, c.i + 1)  # "send workers abroad"
            if dep == "advmod" and low in words.deictic_places and holder.i == token.i and "static" not in found:
                found["static"] = (c.i, c.i + 1)  # "founded here"
            kind = _prep_kind(low, words)
            own_verb = holder.i == token.i and token.pos_ == "VERB"
            if (kind is None or kind in found) and not own_verb:
                continue  # no place of a kind not yet found (nor a complex preposition of the verb's)
            pobj = next((p for p in ctx.children(c) if p.dep_ == "pobj"), None)
            if pobj is None and own_verb and (complex_kind := _complex_prep_object(ctx, c)) is not None:
                kind, pobj = complex_kind  # "walked out of the bank": the origin
            if kind is None or kind in found:
                continue  # it gives no place of a kind not yet found: its object is not looked at
            if pobj is None or _is_party_phrase(c, words):
                continue
            span = _place_span(pobj, words)
            if span is None and c.lower_ == "at" and pobj.lemma_.lower() in words.gatherings:
                # "announced at a news conference in Geneva": where the gathering is, else the gathering
                span = _static_location(ctx, pobj) or _trim(pobj.doc, *noun_phrase(pobj))
            if span is not None:
                found[kind] = span
    return found


# Rules: (ctx, trigger token, the first place of each kind its phrases name) -> TokenSpan | None
PHRASE_PLACE = RuleTable("location", "the places the trigger's own phrase names")


@PHRASE_PLACE.rule
def destination(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """A place the event goes to: "sent troops to Kursk", "the deployment of forces to
    Ukraine", "sent workers abroad"."""
    return places.get("dest")


@PHRASE_PLACE.rule
def static_place(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """A place the event happens at: "fought in Bakhmut", "spoke at the summit", "founded here"."""
    return places.get("static")


@PHRASE_PLACE.rule
def origin(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """A place the event comes from: "fled from Kharkiv"."""
    return places.get("origin")


@PHRASE_PLACE.rule
def place_object(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """The object of a verb that reaches, leaves, takes or strikes a place (``_verb_object``,
    also as passive subject or the noun of its participle or relative clause): "entered
    China", "took over Kabul", "patrolled the streets", "Kabul was shelled", "the town
    captured by rebels", "the city, which rebels captured"."""
    words = ctx.words
    if token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    particle = next((c.lower_ for c in ctx.children(token) if c.dep_ == "prt"), None)
    if lemma not in words.place_object_verbs and f"{lemma} {particle}" not in words.place_object_verbs:
        return None  # "took over Kabul": a phrasal verb by its particle
    obj = _verb_object(ctx, token)
    if obj is not None and (obj.ent_type_ in PLACE_LABELS or obj.lemma_.lower() in words.general_places):
        return _place_span(obj, words) or _trim(token.doc, *noun_phrase(obj))
    return None


def _verb_object(ctx: Context, verb: Token) -> Token | None:
    """The noun a verb acts on: its direct object, the subject of its passive ("Kabul was
    shelled"), the noun its passive participle qualifies ("the town captured by rebels"), or
    the noun its relative clause modifies when the relative pronoun is its object or passive
    subject ("the city, which rebels captured")."""
    kids = ctx.children(verb)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is None and any(c.dep_ == "auxpass" for c in kids):
        obj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if obj is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if obj is not None and obj.tag_ == "WDT" and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return obj


@PHRASE_PLACE.rule
def noun_place_object(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """The "of" object of an event noun whose verb takes the place as its object
    (``place_object_verbs``), which is the place struck, taken or visited as that verb's
    object is: "the bombing of Gaza", "the capture of Avdiivka", "a tour of the palace". Not
    for the subject of a clause of time ("since the invasion of Ukraine began",
    ``clause_date_marks``), which the date linker reads as another event's date: the place
    would make a tuple of that time reference."""
    if token.pos_ != "NOUN" or token.i not in ctx.noun_events:
        return None
    words = ctx.words
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in words.clause_date_marks for m in ctx.children(head)
    ):
        return None  # "since the invasion of Ukraine began": a clause of time dating another event (date.since_clause)
    lemma = token.lemma_.lower()
    verb = event_verb_of_noun(lemma, ctx.lexicon) or lemma  # "bombing" -> "bomb"; "tour" is its own verb
    if verb not in words.place_object_verbs:
        return None
    for of in ctx.children(token):
        if of.dep_ != "prep" or of.lower_ != "of":
            continue
        obj = next((p for p in ctx.children(of) if p.dep_ == "pobj"), None)
        if obj is not None and (obj.ent_type_ in PLACE_LABELS or obj.lemma_.lower() in words.general_places):
            return _place_span(obj, words) or _trim(token.doc, *noun_phrase(obj))


@PHRASE_PLACE.rule
def controlled_place(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """The place a verb's object of power over something holds: "seized control of Idlib",
    "took command of the base", "lost control of the north" (where the control is won or lost)."""
    if token.pos_ != "VERB":
        return None
    words = ctx.words
    for obj in ctx.children(token):
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in words.control_nouns:
            continue
        for c in ctx.children(obj):
            if c.dep_ == "prep" and c.lower_ in ("of", "over"):
                pobj = next((p for p in ctx.children(c) if p.dep_ == "pobj"), None)
                if pobj is None or pobj.pos_ == "PROPN" and any(m.dep_ == "poss" for m in pobj.lefts):
                    continue  # "lost control of his Ferrari": a name someone owns is a thing
                return _place_span(pobj, words)
    return None


@PHRASE_PLACE.rule
def motion_destination(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """Whatever a verb of moving people or goods sends them to, unless it names a party or
    no place (``_names_no_place``: "went to extra innings"): "took him to a clinic",
    "shipped the drones to the front"."""
    if token.pos_ != "VERB" or not moves_people_or_goods(token.lemma_.lower()):
        return None
    words = ctx.words
    kids = ctx.children(token)
    objects = [c for c in kids if c.dep_ == "dobj"]
    for c in [*kids, *(g for o in objects for g in ctx.children(o))]:
        if c.dep_ in ("prep", "dative") and c.lower_ in words.destination_preps and not _is_party_phrase(c, words):
            pobj = next((p for p in child_tokens(c) if p.dep_ == "pobj"), None)
            if (
                pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and not _is_party(pobj, words)
                and not _names_person(pobj) and pobj.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT")
                and not _is_state_entered(pobj, words)  # "went into hiding"
                and not _names_no_place(pobj, words)  # "went to extra innings": no place
            ):
                if _spatial_object(pobj, words) is not None:
                    span = _place_span(pobj, words)  # "moved to the front of the stage": the stage
                    if span is not None or _is_bare_spatial(pobj, words):
                        return span
                return _trim(token.doc, *noun_phrase(pobj))
    return None


@PHRASE_PLACE.rule
def passage_place(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """A named place or a common place noun an active verb of motion passes by or through: "we
    walked past the Opera House", "the column marched through Tarvin", "marched through the city
    centre" (the path is where a motion without a destination happens; a passive's "by" names
    its agent)."""
    if token.pos_ != "VERB" or not moves_people_or_goods(token.lemma_.lower()):
        return None
    kids = ctx.children(token)
    if any(c.dep_ == "auxpass" for c in kids):
        return None
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in ctx.words.path_preps:
            pobj = next((p for p in ctx.children(c) if p.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in ("FAC", "LOC", "GPE"):
                return _entity(pobj)
            if pobj is not None and not pobj.ent_type_ and pobj.lemma_.lower() in ctx.words.general_places:
                return _place_span(pobj, ctx.words)
    return None


@PHRASE_PLACE.rule
def supplied_place(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """The place named as the object of a verb with a "with" theme: "supplied Russia with shells"."""
    kids = ctx.children(token)
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in kids):
        return None
    obj = next((c for c in kids if c.dep_ in ("dobj", "dative")), None)
    if obj is not None and obj.ent_type_ in PLACE_LABELS:
        return _entity(obj)
    return None


def _relative_clause_verb(token: Token) -> Token:
    """The verb whose relative clause the trigger belongs to: the trigger, or the verb it is
    coordinated with ("the jails where they held and tortured them": held for tortured)."""
    return token.head if token.dep_ == "conj" and token.head.pos_ == "VERB" else token


@PHRASE_PLACE.rule
def where_clause_head(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """The place a relative "where" clause modifies: "the bases where they train", also for a
    verb coordinated in that clause ("the jails where they held and tortured them")."""
    clause = _relative_clause_verb(token)
    head = relative_adverb_antecedent(ctx, clause, "where", conjuncts=True)
    return _place_span(head, ctx.words) if head is not None else None


@PHRASE_PLACE.rule
def relative_place_head(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """The place a relative clause modifies through a preposition of place and "which": "the
    village in which ten soldiers were killed", "the city from which thousands fled" (the
    relative pronoun stands for the clause's head), also for a verb coordinated in that
    clause, as ``where_clause_head``."""
    words = ctx.words
    clause = _relative_clause_verb(token)
    if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return None
    for v in coordinated_verbs(ctx, clause):
        for c in ctx.children(v):
            if c.dep_ == "prep" and _prep_kind(c.lower_, words) is not None and any(
                p.dep_ == "pobj" and p.tag_ == "WDT" for p in ctx.children(c)
            ):
                return _place_span(clause.head, words)
    return None


@PHRASE_PLACE.rule
def deep_place(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """A named place or place noun deeper in the clause, never across another verb or
    subject: "attacked positions in Aleppo"."""
    words = ctx.words
    for t in ctx.subtree(token):
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and _is_place_prep(t.head.lower_, words):
            if not (t.ent_type_ in PLACE_LABELS or t.lemma_.lower() in words.place_nouns):
                continue  # neither a named place nor a place noun: not taken, whatever its span
            if not _clause_path_clear(t, token) or _is_party_phrase(t.head, words):
                continue
            span = _place_span(t, words)
            if span is not None:
                return span
    return None


@PHRASE_PLACE.rule
def place_modifier(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """A place modifying an event noun: "the Kursk deployment", "the Gulf War"; a possessor
    only of a situation noun, which has no actor ("Syria's civil war"; "Iraq's attacks" were
    made by Iraq); none of a polity's vote (the lexicon's ``polity_act_kinds``: "the US
    election" is the United States' election, held across it, not a happening there)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    kinds = act_kinds(token.lemma_.lower())
    if kinds and kinds[0] & ctx.words.polity_act_kinds:
        return None  # "the US election": the polity whose vote it is, not a setting
    for c in token.lefts:
        if c.ent_type_ in PLACE_LABELS and (c.dep_ != "poss" or token.lemma_.lower() in ctx.words.eventive_nouns):
            return _entity(c)
    return None


@PHRASE_PLACE.rule
def contest_place(ctx: Context, token: Token, places: dict[str, TokenSpan]) -> TokenSpan | None:
    """The named place of a vote or contest the event is won or lost in, its direct object
    or the object of its "in": a contest named by its place places what happens in it
    ("her defeat in the US election", "lost the Ohio primary": US, Ohio; gold decision
    D21, seeds decision 26, a war named by its place). The vote itself stays unplaced
    (``place_modifier``: "the US election" is the polity's vote), and a place that only
    modifies some other noun is not looked at ("after the Ohio report")."""
    kinds = ctx.words.polity_act_kinds | ctx.words.contest_kinds
    for c in ctx.children(token):
        if c.dep_ == "dobj" and token.pos_ == "VERB":
            noun = c
        elif c.dep_ == "prep" and c.lower_ == "in":
            noun = next((p for p in ctx.children(c) if p.dep_ == "pobj"), None)
        else:
            continue
        if noun is None or noun.pos_ != "NOUN":
            continue
        senses = act_kinds(noun.lemma_.lower())
        if not senses or not senses[0] & kinds:
            continue
        place = next((m for m in noun.lefts if m.dep_ == "compound" and m.ent_type_ in PLACE_LABELS), None)
        if place is not None:
            return _entity(place)
    return None


# Rules: (ctx, trigger token, actor span) -> TokenSpan | None
LOCATION = RuleTable("location", "where the event happens or goes")


@LOCATION.rule(via=(PHRASE_PLACE,))
def own_phrase(ctx: Context, token: Token, actor: TokenSpan | None) -> Found | None:
    """The places of the trigger's own phrase (``PHRASE_PLACE``)."""
    return PHRASE_PLACE.first(ctx, token, _phrase_places(ctx, token))


@LOCATION.rule
def purpose_clause(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """The place of the trigger's infinitive of purpose: "sent troops to support Russia in
    Ukraine" (where the purpose is, the troops go). Only for a verb that moves people or goods
    (``moves_people_or_goods``): a purpose is a motive, not an event (seeds decision 3), and another
    act's purpose places only the purpose ("worked to promote peace in Afghanistan", "signed
    up to receive it here": news-dev3 a D14, b D10)."""
    if not moves_people_or_goods(token.lemma_.lower()):
        return None
    for clause in _purpose_clauses(token):
        found = PHRASE_PLACE.first(ctx, clause, _phrase_places(ctx, clause))
        if found is not None:
            return found.value
    return None


@LOCATION.rule
def shared_object_place(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """The place of the coordinated verb whose object the trigger shares: "gunmen stormed and
    looted a bank in Lagos" (stormed: Lagos)."""
    conj = shared_object_conjunct(ctx, token)
    if conj is None:
        return None
    found = PHRASE_PLACE.first(ctx, conj, _phrase_places(ctx, conj))
    return found.value if found is not None else None


@LOCATION.rule
def governing_clause_place(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """For an event noun or clause that a verb takes, that verb's own place: "carried out an
    attack in Aleppo"; else, for the object of a verb coordinated with an earlier one, the
    place of that earlier verb, which the conjunct shares as a coordinated trigger shares it
    (``_place_holders``), when it shares that verb's subject (``shares_subject``): "In Kabul,
    the envoys met for lunch and held talks" (talks: Kabul)."""
    if token.dep_ in ("dobj", "nsubj", "nsubjpass", "xcomp", "advcl", "conj") and token.head.pos_ == "VERB":
        if _is_condition(token, ctx.words):
            return None  # "if Brown wins, she will stay in Oslo": the condition is not placed there
        if token.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in ctx.children(token)):
            # "six died in Gao when a truck hit a mine": an adverbial clause with a subject of its
            # own is another event, whose place is not copied from the main clause (seeds decision
            # 24; news-dev3 a D18); a participle ("..., killing six") shares it
            return None
        verb = token.head
        found = _static_location(ctx, verb)
        if found is None and token.dep_ == "dobj" and shares_subject(ctx, verb):
            found = _static_location(ctx, verb.head)
        return found
    return None


@LOCATION.rule
def served_verb_place(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """For an event noun in a verb's prepositional phrase, the place of that verb:
    "In Russia, gangs engage in blackmail"."""
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "VERB":
        return _static_location(ctx, token.head.head, skip=token.head)
    return None


# WordNet classes (first sense) of the objects a named modifier places: things and bodies
# that are somewhere ("a Kabul hotel", "the UK-based company"), not states or acts ("his US
# citizenship", "the US policy").
PLACED_THING_CLASSES = frozenset({"artifact", "location", "group", "object"})


@LOCATION.rule
def object_place_modifier(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """A named place modifying the verb's object, as a compound or through a participle it
    qualifies: "attacked a Kabul hotel", "acquired the UK-based company"; not an object that
    names a person or a named body ("met the UK ambassador", "the US Navy"), whose place says
    whom it serves, not where the event is."""
    if token.pos_ != "VERB":
        return None
    for obj in ctx.children(token):
        if obj.dep_ != "dobj" or obj.ent_type_ or _is_agentive(obj, ctx.words) or obj.lemma_.lower() in ctx.words.title_words:
            continue
        senses = word_senses(obj.lemma_.lower(), "n")
        if senses is None or senses.classes[0] not in PLACED_THING_CLASSES:
            continue  # "questioned Obama's US citizenship": a scope, not a place
        for m in obj.lefts:
            if m.dep_ == "compound" and m.ent_type_ in PLACE_LABELS:
                return _entity(m)
            if m.dep_ == "amod" and m.tag_ == "VBN":
                place = next((g for g in child_tokens(m) if g.dep_ in ("npadvmod", "compound") and g.ent_type_ in PLACE_LABELS), None)
                if place is not None:
                    return _entity(place)
    return None


@LOCATION.rule
def subject_place(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """A place that a static preposition ("in", "at", "inside", "within") pins on the verb's
    subject, or on the subject a coordinated verb shares: "the gunmen at the airport opened
    fire and detonated bombs", "protesters in the square were beaten"; where the doers or
    undergoers are is where their act happens."""
    if token.pos_ != "VERB":
        return None
    words = ctx.words
    subjects = [c for c in ctx.children(token) if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and token.dep_ == "conj" and token.head.pos_ == "VERB":
        subjects = [c for c in ctx.children(token.head) if c.dep_ in ("nsubj", "nsubjpass")]
    for subj in subjects:
        for c in ctx.children(subj):
            if c.dep_ != "prep" or c.lower_ not in words.governing_place_preps or c.lower_ not in words.static_preps:
                continue
            pobj = next((p for p in ctx.children(c) if p.dep_ == "pobj"), None)
            if pobj is not None and not _is_party(pobj, words):
                span = _place_span(pobj, words)
                if span is not None:
                    return span
    return None


@LOCATION.rule
def patient_participle_place(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """A place that a participle clause pins on the passive subject, the thing undergoing the
    event: "the bridge built over the river in Tarvin was destroyed", "the statue erected in
    the square was toppled" (where the undergoer stands is where it is struck)."""
    if token.pos_ != "VERB":
        return None
    for subj in ctx.children(token):
        if subj.dep_ != "nsubjpass" or subj.pos_ not in ("NOUN", "PROPN"):
            continue
        for clause in ctx.children(subj):
            if clause.dep_ not in ("acl", "relcl") or clause.tag_ != "VBN":
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in ctx.children(clause)):
                continue  # a relative clause with its own subject: another event's place
            span = _static_location(ctx, clause)
            if span is not None:
                return span
    return None


@LOCATION.rule
def simultaneous_clause_place(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """The place of a clause of simultaneous time ("when", "while", "as") that the trigger
    governs, or the place its verb enters, takes or strikes (``place_object``): "the pilot
    died when his jet crashed in the desert", "ten were killed when gunmen stormed a hotel"
    (the one event's place is the other's)."""
    words = ctx.words
    for c in ctx.children(token):
        if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in words.simultaneity_marks and m.i < c.i for m in ctx.children(c)):
            span = _static_location(ctx, c) or place_object(ctx, c, {})  # "... when gunmen stormed a hotel"
            if span is not None:
                return span
    return None


@LOCATION.rule
def simultaneous_event_place(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """The place of an event noun that a preposition of simultaneous time ("during", "amid")
    puts around the trigger: "troops stormed the beach during the invasion of Lenmark",
    "two men were arrested during a rally in Oslo" (the one event happens where the other does)."""
    words = ctx.words
    for c in ctx.children(token):
        if c.dep_ != "prep" or c.lower_ not in words.simultaneity_preps:
            continue
        pobj = next((p for p in ctx.children(c) if p.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ != "NOUN" or pobj.ent_type_ in _NOT_PLACE_LABELS:
            continue
        span = _static_location(ctx, pobj) or _place_span(pobj, words)
        if span is not None:
            return span
    return None


@LOCATION.rule
def person_labelled_place(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """A proper name the tagger calls a person, after "in" on the trigger (or the verb it
    completes or serves): "civilians died in the Galilee" (people are not "in" a person; a
    person tag on a rare place name is the tagger's error); also on the clause an adverbial
    clause serves ("In the Varden, an emergency was declared, with farms destroyed")."""
    holders = ctx.memo((_place_holders, token.i), lambda: _occurrence_holders(ctx, token))
    if token.dep_ == "advcl" and token.head.pos_ == "VERB":
        holders = [*holders, token.head]
    for holder in holders:
        for c in ctx.children(holder):
            if c.dep_ != "prep" or c.lower_ != "in":
                continue
            pobj = next((p for p in ctx.children(c) if p.dep_ == "pobj"), None)
            if pobj is None or pobj.pos_ != "PROPN" or pobj.ent_type_ != "PERSON":
                continue
            if any(m.dep_ == "poss" or m.lower_.rstrip(".") in ctx.words.honorifics for m in pobj.lefts):
                continue  # "in his Sauber", "interested in Mr. Smith": a thing or a person
            if actor is not None and actor[0] <= pobj.i < actor[1]:
                continue
            return _trim(token.doc, *noun_phrase(pobj))
    return None


NEAREST_PLACE_WINDOW = 8  # tokens between the trigger and the place entity


@LOCATION.rule
def nearest_place(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """The closest place entity after a preposition of place in the trigger's clause (or a
    clause it serves), within ``NEAREST_PLACE_WINDOW`` tokens and outside the actor:
    "troops, now in Belgorod, were deployed"."""
    words = ctx.words
    places = ctx.memo(nearest_place, lambda: _place_entities(ctx))
    # not a place, or the era of a year: not looked at
    candidates = [ent for ent in ctx.entities.within(*ctx.sent_bounds(token)) if ent.start in places]
    if not candidates:
        return None  # no place in the sentence: the trigger's clauses are not walked
    best: tuple[int, TokenSpan] | None = None
    home = {token, _clause_head(token)}
    governing = set(_governing_clauses(token, words))
    for ent in candidates:
        root, head = places[ent.start]
        if head not in home and not (head in governing and root.head.lower_ in words.governing_place_preps):
            continue  # a place in another clause ("industries within Russia") is not this event's
        if actor is not None and actor[0] <= ent.start < actor[1]:
            continue
        if root.dep_ != "pobj" or not _is_place_prep(root.head.lower_, words):
            continue
        if _is_party_phrase(root.head, words):
            continue
        distance = min(abs(ent.start - token.i), abs(ent.end - 1 - token.i))
        if distance <= NEAREST_PLACE_WINDOW and (best is None or distance < best[0]):
            best = (distance, (ent.start, ent.end))
    return best[1] if best else None


def _place_entities(ctx: Context) -> dict[int, tuple[Token, Token]]:
    """By its start, the root and clause head of each place entity of the document that is
    not the era of a year."""
    out = {}
    for ent in ctx.entities.ents:
        if ent.label_ in PLACE_LABELS:
            root = ent.root
            if not _is_era_mention(root, ctx.words):
                out[ent.start] = (root, _clause_head(root))
    return out


# Entity labels that rule out a common place phrase (an unlabelled noun, or one the tagger
# calls FAC, GPE, LOC or ORG, may be one).
_NOT_PLACE_LABELS = frozenset({"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"})


@LOCATION.rule
def common_place(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """Last, a common noun that WordNet files first and mostly as a place (noun.location,
    ``lexicon.wordnet_place_noun``), after a preposition of position or destination on the
    trigger or its place holders: "bought a house in a neighbouring county", "held at the
    venue" (the named places of the rules before win)."""
    return _common_place_phrase(ctx, token, actor, lambda prep, pobj: wordnet_place_noun(pobj.lemma_.lower()))


@LOCATION.rule
def artifact_place(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """Last too, a common noun whose first WordNet sense is a building, structure, vehicle,
    excavation, way or facility (the lexicon's ``artifact_places``, from WordNet's hypernym
    graph), in the same phrases as ``common_place``: "stood on a sanitation truck", "fell
    into a dry well", "led him onto the balcony". Not a bare singular that WordNet also
    gives an act or state ("died in office"), nor one that names an occurrence as well
    (``event_verb_of_noun``: "spoke at the launch of the campaign"), nor a spot inside a
    sports venue (``venue_parts``, gold decision D4: "on the mound"); and not after a
    preposition that takes its goal as a point (``point_goal_preps``: "pointed to the
    platform", "clung to the truck": a target, no place entered; a verb of motion's goal is
    ``motion_destination``'s), nor the "on" object of an event noun, its target ("attacks on
    ships")."""
    words = ctx.words

    def is_place(prep: Token, pobj: Token) -> bool:
        if prep.lower_ in words.point_goal_preps:
            return False
        if token.pos_ == "NOUN" and prep.head.i == token.i and prep.lower_ == "on":
            return False  # "attacks on ships", "a raid on a warehouse": the noun's target, no place
        lemma = pobj.lemma_.lower()
        return lemma in words.artifact_places and not _is_bare_state(pobj) and event_verb_of_noun(lemma, ctx.lexicon) is None

    return _common_place_phrase(ctx, token, actor, is_place)


@LOCATION.rule
def venue_name(ctx: Context, token: Token, actor: TokenSpan | None) -> TokenSpan | None:
    """Last, a proper name after "at" that the tagger calls an organization (or leaves
    unlabelled) on an event verb: the site it is held at ("won at Interlagos", "met at
    Harvard")."""
    if token.pos_ != "VERB":
        return None
    for holder in ctx.memo((_place_holders, token.i), lambda: _occurrence_holders(ctx, token)):
        for c in ctx.children(holder):
            if c.dep_ != "prep" or c.lower_ != "at":
                continue
            pobj = next((p for p in ctx.children(c) if p.dep_ == "pobj"), None)
            if pobj is None or pobj.pos_ != "PROPN" or pobj.ent_type_ not in ("ORG", ""):
                continue
            if actor is not None and actor[0] <= pobj.i < actor[1]:
                continue
            return _trim(token.doc, *noun_phrase(pobj))
    return None


def _common_place_phrase(ctx: Context, token: Token, actor: TokenSpan | None, is_place: Callable[[Token, Token], bool]) -> TokenSpan | None:
    """The noun phrase of the first preposition phrase of position or destination on the
    trigger or its place holders whose common-noun object may be a place
    (``_common_place_objects``), ``is_place(prep, object)`` accepts and the actor does not
    hold."""
    for c, pobj in ctx.memo((_common_place_objects, token.i), lambda: _common_place_objects(ctx, token)):
        if is_place(c, pobj) and (actor is None or not actor[0] <= pobj.i < actor[1]):
            return _trim(token.doc, *noun_phrase(pobj))
    return None


def _common_place_objects(ctx: Context, token: Token) -> list[tuple[Token, Token]]:
    """The preposition and object, in order, of each preposition phrase of position or
    destination on the trigger or its place holders whose object may be a common place: not
    a party, an abstract sense, a bare spatial noun ("in front of"), a state entered nor a
    spot inside a sports venue (``venue_parts``). Found once per trigger for the rules that
    ask (``common_place``, then ``artifact_place`` on the same phrases)."""
    words = ctx.words
    out = []
    for holder in ctx.memo((_place_holders, token.i), lambda: _occurrence_holders(ctx, token)):
        for c in ctx.children(holder):
            if c.dep_ != "prep" or not _is_place_prep(c.lower_, words) or _is_party_phrase(c, words):
                continue
            pobj = next((p for p in ctx.children(c) if p.dep_ == "pobj"), None)
            if pobj is None or pobj.ent_type_ in _NOT_PLACE_LABELS:
                continue
            if pobj.pos_ not in ("NOUN", "PROPN") and not any(d.dep_ == "det" for d in pobj.lefts):
                continue  # a determined object is a noun whatever its tag ("into a deserted well", "well" tagged ADV)
            if _is_party(pobj, words) or _is_abstract_sense(pobj, words) or _is_bare_spatial(pobj, words) or _is_state_entered(pobj, words):
                continue  # "in front of reporters": a side of something, no place by itself
            if pobj.lemma_.lower() in words.venue_parts:
                continue  # "on the mound", "in the bullpen": inside a sports venue (D4)
            out.append((c, pobj))
    return out


def _clause_head(token: Token) -> Token:
    """The verb heading the clause a word belongs to (the word itself for a verb)."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    for t in token.ancestors:  # walked only as far as the first verb
        if t.pos_ in ("VERB", "AUX"):
            return t
    return token.sent.root


def _is_condition(token: Token, words) -> bool:
    """Whether the word heads an adverbial clause with a conditional mark
    (``conditional_marks``: "if", "unless", "whether")."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words.conditional_marks for c in child_tokens(token))


def _governing_clauses(token: Token, words: Words) -> list[Token]:
    """The verbs whose clause the trigger's clause completes or serves ("travelled to Oslo to
    protest", "stayed in Lviv, repairing houses"): a place of theirs is where the embedded
    event happens. Not through a conditional clause (``words.conditional_marks``): "would move
    to Oslo if Smith won" does not place the win."""
    out = []
    cur = _clause_head(token)
    # not through a complement clause: "said in Washington that X attacked" places the saying
    while cur.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acomp"):
        if _is_condition(cur, words):
            break
        cur = _clause_head(cur.head)
        if cur in out:
            break
        out.append(cur)
    return out


def _static_location(ctx: Context, verb: Token, *, skip: Token | None = None) -> TokenSpan | None:
    """Where a verb's clause happens, from its own static preposition phrases (not ``skip``)."""
    for c in ctx.children(verb):
        # "outside" may be parsed an adverb with its object ("protested outside the tower")
        if c.dep_ in ("prep", "advmod") and c.lower_ in ctx.words.static_preps and c != skip:
            pobj = next((p for p in ctx.children(c) if p.dep_ == "pobj"), None)
            span = _place_span(pobj, ctx.words) if pobj is not None else None
            if span is not None:
                return span
    return None


# --- Exclusions: a place a rule found that the gold's recorded decisions say is no place ---


def office_goal(ctx: Context, token: Token, found: Found) -> bool:
    """The goal of a verb of putting someone into an office (the lexicon's ``appointing``:
    "voted into the White House", "elected to the Senate", "appointed to the Supreme Court"):
    an office or an institution, not a place (news-dev part b decision 11)."""
    return found.rule == "destination" and token.lemma_.lower() in ctx.words.appointing


def venue_spot(ctx: Context, token: Token, found: Found) -> bool:
    """A spot inside a sports venue (the lexicon's ``venue_parts``, WordNet's parts of a
    stadium, course or playing field), whichever rule found it: "sent the ball into left
    field", "stood in the bullpen" (gold decision D4: places inside a sports venue are not
    locations; the venue and larger places are). An open compound counts as its closed
    WordNet form ("left field": leftfield). A one-word spot the lexicon's ``general_places``
    also lists stays a place."""
    start, end = found.value
    head = token.doc[start:end].root
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = head.lemma_.lower()
    parts = ctx.words.venue_parts
    modifiers = [c for c in head.lefts if c.dep_ in ("compound", "amod") and c.i == head.i - 1]
    if modifiers and f"{modifiers[0].lower_}{lemma}" in parts:
        return True
    return lemma in parts and lemma not in ctx.words.general_places


# Exclusions tried, in order, on the place ``LOCATION`` found (``exclude_location``).
LOCATION_EXCLUSIONS = (("office_goal", office_goal), ("venue_spot", venue_spot))


def exclude_location(ctx: Context, token: Token, found: Found | None) -> Found | None:
    """``found``, unless one of ``LOCATION_EXCLUSIONS`` rules it out: then the trigger's own
    phrase's other places ("elected to the Senate in Ohio": Ohio), else nothing."""
    if found is None or not any(exclude(ctx, token, found) for _, exclude in LOCATION_EXCLUSIONS):
        return found
    places = {kind: span for kind, span in _phrase_places(ctx, token).items() if kind != "dest"}
    other = PHRASE_PLACE.first(ctx, token, places)
    if other is not None and any(exclude(ctx, token, other) for _, exclude in LOCATION_EXCLUSIONS):
        return None  # "stood on the mound in the bullpen": no place left
    return other
