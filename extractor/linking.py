"""Argument linking: who, how much, where and when for each trigger, over the parse."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Token

from .lexicon import (
    ASPECTUAL, COGNITION, GETTING, GIVING, OBJECT_CONTROL, PARTICIPATION, PREP_OBJECT_CONTROL, REPORTING, SUPPORT,
    is_agent_noun, is_dictionary_word, is_non_event_verb,
)
from .normalize.date import MONTH_NAMES
from .contracts import Arguments, Linker, TokenSpan, Trigger
from .syntax import PLACE_LABELS, occurrence_clause


ACTOR_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
DESTINATION_PREPS = ("to", "into", "toward", "towards", "onto")
STATIC_PREPS = ("in", "inside", "at", "on", "near", "across", "throughout", "within", "along")
ORIGIN_PREPS = ("from",)
# Adverbs that name a destination by themselves.
ABROAD = frozenset({"abroad", "overseas", "home", "homeward"})
# The locative pro-form that says where an event happens ("founded here"); "there" mostly
# points back to a place named earlier, which is the one to report.
DEICTIC_PLACES = frozenset({"here"})
# Verbs whose direct object is where the event happens: the place reached, left or crossed
# (Levin 51.1 "escape" verbs with a path object) and the place taken or struck.
PLACE_OBJECT_VERBS = frozenset(
    """enter leave exit reach cross visit tour depart flee invade occupy seize capture
    recapture retake reclaim liberate storm besiege raid shell bomb bombard""".split()
)
# Event classes whose "to" phrase is a destination whatever it names ("took him to a clinic").
MOTION_CLASSES = frozenset({"deploy", "supply"})
TEMPORAL_PREPS = frozenset(
    {"in", "on", "at", "since", "by", "until", "till", "before", "after", "during", "from",
     "through", "throughout", "within", "from", "as", "around", "over", "for"}
)
# Prepositions whose place in a governing clause also places the clause it governs ("on"
# and "from" name targets and origins there: "imposed on Iran", "came from Oslo").
GOVERNING_PLACE_PREPS = frozenset({"in", "at", "to", "into", "inside", "within"})
CLAUSE_DATE_MARKS = frozenset({"since", "until", "till"})
# Prepositions before which a bare three- or four-digit number is a year ("in 691"); "by",
# "from", "over" and "for" also take amounts ("rose by 1500"), so they are left out.
YEAR_PREPS = frozenset({"in", "since", "until", "till", "before", "after", "during", "around"})
# Prepositions that date by a clock time or a part of a day ("at 7 p.m.", "on Monday evening");
# with "for", "over" or "within" a TIME entity is a duration ("for two hours").
TIME_PREPS = frozenset({"in", "on", "at", "by", "before", "after", "until", "till", "since", "during", "around"})
# Prepositions whose object dates the event by another event it names ("during a 1981 parade").
EVENT_TIME_PREPS = frozenset({"before", "after", "during", "since", "until", "till", "throughout"})
# Era abbreviations of a year ("490 b.c."), which the entity recognizer does not date; "AD"
# and "CE" only in capitals ("300 ad spots").
ERAS = frozenset({"b.c", "b.c.", "bc", "bce", "b.c.e", "b.c.e.", "a.d", "a.d.", "c.e", "c.e."})
CAPITAL_ERAS = frozenset({"AD", "CE", "BC", "BCE"})
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
DAY_WORDS = frozenset({"yesterday", "today", "tomorrow", "tonight"})
RELATIVE_DATE_WORDS = frozenset({"last", "next", "this"})
FREQUENCY_WORDS = frozenset({"annually", "yearly", "monthly", "weekly", "daily", "nightly", "hourly", "quarterly"})
QUANTITY_PREPS = frozenset({"of", "with", "to", "for", "at", "by"})
MAGNITUDE_SUFFIXES = frozenset({"m", "mn", "bn", "b", "k", "million", "billion", "trillion"})
QUANTITY_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Nouns that name a place once a country or adjective pins them ("Russian soil", "Donetsk area").
# Common nouns that name places by themselves (WordNet's location and structure senses).
GENERAL_PLACES = frozenset(
    """street streets road roads neighbourhood neighborhood city town village capital country
    countryside region province district border borders frontier front frontline area areas
    territory territories camp camps prison jail hospital school schools university church
    mosque synagogue temple market square park station airport port harbor harbour base
    embassy consulate parliament court courthouse office offices headquarters building
    buildings house houses home homes room hall stadium hotel restaurant factory plant mine
    field fields farm forest river sea ocean lake coast island mountain mountains valley desert
    bridge checkpoint compound barracks battlefield zone streets suburb suburbs outskirts
    village villages towns cities state states continent abroad overseas nation nations
    location locations site sites institute center centre museum laboratory academy
    cathedral palace library theater theatre gallery clinic arena shore shoreline coastline
    beach waterfront mall north south east west northeast northwest southeast southwest""".split()
)
# Gatherings, which place what happens at them ("announced at a conference", "spoke at the
# summit"): WordNet's social-gathering nouns.
GATHERINGS = frozenset(
    """conference summit meeting rally ceremony convention forum festival parade funeral
    congress assembly hearing briefing gathering reception banquet""".split()
)
# Place nouns with a common abstract sense that an "of" or "as" complement selects ("a state
# of emergency", "areas such as guidance systems"), unless that complement is itself a place.
ABSTRACT_SENSE_PLACES = frozenset(
    "area areas state states field fields market markets sector sectors zone zones".split()
)
PLACE_NOUNS = frozenset(
    """soil territory territories land lands region regions area areas border borders front
    frontline city town village province oblast state capital coast island peninsula
    countryside outskirts suburbs district districts soil waters airspace base bases facility
    facilities camp camps port ports airfield airport zone complex""".split()
)
PERSONAL = {"he": ("PERSON",), "she": ("PERSON",), "him": ("PERSON",), "her": ("PERSON",),
            "it": ("GPE", "ORG", "NORP"), "its": ("GPE", "ORG", "NORP"),
            "they": ("GPE", "ORG", "NORP"), "them": ("GPE", "ORG", "NORP"),
            "their": ("GPE", "ORG", "NORP"), "we": ("GPE", "ORG", "NORP")}


def _is_number(token: Token) -> bool:
    if token.ent_type_ in ("DATE", "TIME", "ORDINAL"):
        return False
    return token.like_num or token.pos_ == "NUM" or token.ent_type_ in QUANTITY_LABELS and token.pos_ != "ADP"


def _entity(token: Token) -> TokenSpan | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.start, ent.end
    return None


def _trim(doc: Doc, start: int, end: int) -> TokenSpan:
    # an opened bracket that the span does not close is cut off with what follows it
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1] : end]):
        end = opened[-1]
    while start < end - 1 and (doc[start].dep_ in ("det", "punct", "case", "cc") or doc[start].tag_ == "POS"):
        start += 1
    while end - 1 > start and doc[end - 1].dep_ in ("punct", "cc", "case"):
        end -= 1
    return start, end


def noun_phrase(token: Token, *, numbers: bool = True) -> TokenSpan:
    """The phrase a noun heads, without relative clauses, trailing modifiers or determiners."""
    doc = token.doc
    ent = _entity(token)
    left = token.i
    for c in token.lefts:
        if c.dep_ in ("det", "predet", "poss") and c.tag_ != "PRP$" and c.pos_ != "PROPN":
            continue
        if not numbers and (c.dep_ in ("nummod", "quantmod") or _is_number(c)):
            continue
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


# Heads that count or group what their "of" object names ("thousands of soldiers").
COLLECTIVE = frozenset(
    """batch group wave contingent unit team number total majority minority part rest some many
    most all none several few dozens hundreds thousands millions tens scores handful number
    bunch contingents batches groups waves""".split()
)
FIRST_SECOND = frozenset({"i", "me", "my", "you", "your", "us", "our"})
RELATIVES = frozenset({"that", "which", "who", "whom", "whose", "what", "whatever", "whoever"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we"})


def _is_relative(token: Token) -> bool:
    """Whether a word is a relative or interrogative pronoun ("who", "that"), not a name
    spelled like one ("the WHO")."""
    return token.lower_ in RELATIVES and token.pos_ != "PROPN"


def content_head(token: Token) -> Token:
    """The noun a collective or numeric head stands for ("thousands of soldiers" -> soldiers)."""
    for _ in range(3):
        if not (token.lemma_.lower() in COLLECTIVE or token.lower_ in COLLECTIVE or _is_number(token)):
            break
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            break
        token = pobj
    return token


def resolve_pronoun(token: Token) -> TokenSpan | None:
    """The nearest preceding named mention (or, for "they", plural subject) a pronoun can stand for."""
    labels = PERSONAL.get(token.lower_)
    if labels is None:
        return None
    doc = token.doc
    best: TokenSpan | None = None
    subject: TokenSpan | None = None
    prev_start = max((s.start for s in doc.sents if s.end <= token.sent.start), default=token.sent.start)
    for ent in doc.ents:
        if ent.end > token.i:
            break
        if ent.label_ in labels and ent.root.dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "dobj", "compound", "ROOT", "appos"):
            best = (ent.start, ent.end)
            if ent.root.dep_ in ("nsubj", "nsubjpass") and ent.start >= prev_start:
                subject = best
    # a subject of this or the previous sentence is the likelier antecedent than a nearer object
    best = subject or best
    if token.lower_ in PLURAL_PRONOUNS:
        plural: TokenSpan | None = None
        start = token.sent.start
        prev_sents = [s for s in doc.sents if s.end <= start][-1:]
        scope = [t for s in prev_sents for t in s] + [t for t in doc[start : token.i]]
        for t in scope:
            if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS") and t.i < token.i:
                head = content_head(t)
                span = noun_phrase(head, numbers=False)
                if plural is None or span[0] > plural[0]:
                    plural = span
        # a country or body is singular: "they" prefers a plural noun phrase
        best = plural or best
    return best


def _subject(token: Token) -> tuple[Token | None, bool]:
    """The subject governing ``token`` (climbing control, conjunction and participle chains),
    and whether it is the patient of a passive without an agent."""
    cur = token
    came_from: Token | None = None
    for _ in range(6):
        if came_from is not None:
            controller = _controller(cur, came_from)
            if controller is not None:
                return controller, _is_passive(came_from)
        agent = next((c for c in cur.children if c.dep_ == "agent"), None)
        if agent is None and _is_passive(cur):
            # the parser sometimes labels a passive's "by" phrase a plain preposition
            agent = next((c for c in cur.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, False
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
        if len(subjects) > 1:
            # "the towns that Russia seized": the parser can label an object relativizer
            # a second subject; the other one is the subject
            subjects = [c for c in subjects if c.lower_ not in RELATIVES] or subjects
        if not subjects:
            # "X has ... conducted": the parser can hang the subject on the auxiliary
            subjects = [s for a in cur.children if a.dep_ == "aux" for s in a.children if s.dep_ == "nsubj"]
        subj = subjects[0] if subjects else None
        if subj is not None:
            if subj.tag_ in ("WDT", "WP") and cur.dep_ == "relcl":
                return cur.head, False
            return subj, False
        patient = next((c for c in cur.children if c.dep_ == "nsubjpass"), None)
        if patient is not None:
            return patient, True
        if cur.dep_ == "relcl":
            return cur.head, False
        if cur.dep_ == "acl" and cur.tag_ in ("VBG", "VBN") and not any(c.dep_ == "aux" for c in cur.children):
            # "soldiers operating in Donetsk": the noun the participle modifies
            return cur.head, cur.tag_ == "VBN"
        if cur.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "acomp"):
            nxt = cur.head
            if cur.dep_ == "pcomp":
                nxt = nxt.head
            # a complement verb reaching its governing verb directly can be controlled by it
            came_from = cur if cur.dep_ in ("xcomp", "pcomp") and nxt.pos_ in ("VERB", "AUX") else None
            if nxt.pos_ == "NOUN" and cur.dep_ in ("acl", "pcomp"):
                # "decision to send": the decider is the noun's possessor
                poss = next((c for c in nxt.children if c.dep_ == "poss"), None)
                if poss is not None:
                    return poss, False
                nxt = nxt.head
                if nxt.dep_ == "prep":
                    nxt = nxt.head
            cur = nxt
            continue
        break
    return None, False


def _is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _controller(verb: Token, complement: Token) -> Token | None:
    """Who performs the complement of a verb when it is not the verb's subject: the object
    of an object-control verb ("asked Ukraine to withdraw") or, for a passive, the patient
    ("she is thought to have fled", "troops were ordered to withdraw")."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "agent" for c in verb.children):
        return None
    if complement.dep_ == "xcomp":
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < complement.i), None)
        lemma = verb.lemma_.lower()
        # "sent troops to fight": people moved somewhere do what they were moved for
        if obj is not None and (lemma in OBJECT_CONTROL or (_is_motion(lemma) and _is_agentive(content_head(obj)))):
            return obj
        pobj = _prep_controller(verb, complement)
        if pobj is not None:
            return pobj
    if _is_passive(verb):
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return None


def _prep_controller(verb: Token, complement: Token) -> Token | None:
    """The prepositional object that performs a verb's infinitive complement: "called on
    Iran to withdraw" (Iran withdraws)."""
    preps = PREP_OBJECT_CONTROL.get(verb.lemma_.lower(), ())
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps and c.i < complement.i:
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


# Nouns for people and organised groups (social roles), which can act.
PERSON_NOUNS = frozenset(
    """soldier troop force personnel officer general engineer worker labourer laborer civilian
    people person man woman child official diplomat minister leader president delegation
    fighter militant rebel insurgent separatist volunteer mercenary recruit conscript reservist
    police policeman guard commando sniper pilot crew sailor marine unit brigade battalion
    regiment division army navy contractor advisor adviser instructor specialist expert
    team staff member citizen resident refugee migrant prisoner hostage protester demonstrator
    student journalist reporter doctor nurse agent spy operative family""".split()
)

# Nouns for organised bodies (WordNet social groups), which act once a nationality or a name
# pins them ("the Iranian government").
GROUP_NOUNS = frozenset(
    """government authority administration regime state company firm corporation bank agency
    ministry department military party coalition alliance movement group organization
    organisation council committee commission court parliament congress senate cabinet
    leadership side community population public media union federation league network
    cartel gang mob clan tribe dynasty opposition establishment embassy mission national militia""".split()
)

# Nouns naming a situation rather than a participant: "the war drags on" has no actor.
EVENTIVE_NOUNS = frozenset({"war", "conflict", "battle", "fighting", "crisis", "violence", "situation", "tension", "tensions", "escalation", "offensive", "standoff"})
# Nouns for aims, ideas, issues and records (WordNet cognition and communication nouns), which
# name what an event serves or says, never who does it: "the goal is to provide aid".
CONTENT_NOUNS = frozenset(
    """goal aim objective purpose intention idea plan point priority task strategy policy option
    solution answer hope wish dream ambition concern problem issue question controversy
    document video photo footage image article""".split()
)
TIME_NOUNS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "time", "while", "moment", "deadline"})
HELP_NOUNS = frozenset({"help", "assistance", "support", "aid", "participation", "involvement", "backing"})


def _assisting_agent(token: Token) -> Token | None:
    """The helper of an agentless passive: "rebuilt with the assistance of North Korean engineers"."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in HELP_NOUNS:
                    for of in p.children:
                        if of.dep_ == "prep" and of.lower_ == "of":
                            return next((o for o in of.children if o.dep_ == "pobj"), None)
    return None


def _is_agentive(token: Token) -> bool:
    """Whether a noun names people or a body that can act (an entity, a role, a group)."""
    if token.ent_type_ in ACTOR_LABELS:
        return True
    lemma = token.lemma_.lower()
    if lemma in PERSON_NOUNS or _is_man_compound(lemma):
        return True
    # "Iranian authorities", "Russian hackers", but not "Israeli goods" or "Christian homes"
    return (lemma in GROUP_NOUNS or is_agent_noun(lemma)) and _has_named_modifier(token)


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


def _is_party(token: Token) -> bool:
    """Whether a noun names people, a body or something a named party runs ("the al-Fatah
    program"): what a "to" phrase then names is a recipient, not a destination."""
    return _is_agentive(token) or _has_named_modifier(token)


def _between_party(token: Token) -> Token | None:
    """The first named party of a "between X and Y" phrase on the trigger."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in ACTOR_LABELS:
                return pobj
    return None


def _noun_actor(token: Token) -> Token | None:
    for c in token.children:
        if c.dep_ == "poss" and c.tag_ != "PRP$":
            return c
        if c.dep_ == "poss" and (c.lower_ in PERSONAL or c.lower_ in FIRST_SECOND):
            return c
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for c in token.lefts:
        if c.ent_type_ in ("NORP", "ORG") and c.dep_ in ("amod", "compound"):
            return c
    return None


def _agent_noun_actor(token: Token) -> Token:
    """Who an agent noun's event is done by: the subject it is predicated of ("China is a
    supplier"), else the noun itself ("the attackers fled")."""
    if token.dep_ in ("attr", "oprd") and token.head.pos_ in ("AUX", "VERB"):
        # "Iran aims to be a producer": the subject of the copula's control chain
        subj, _ = _subject(token.head)
        if subj is not None:
            return subj
    return token


def _names_no_actor(token: Token) -> bool:
    """Whether a subject names an aim, an issue, a record, an amount or a clause rather than
    who acts: "the primary goal is to provide aid", "$4 million to produce the film"."""
    if token.pos_ in ("VERB", "AUX"):
        return True  # a clausal subject: "what was needed was to stop the slaughter"
    return token.lemma_.lower() in CONTENT_NOUNS or token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY")


def _performs_object(verb: Token) -> bool:
    """Whether a verb's subject performs the event noun that is its object: "carried out an
    attack", "continued its sanctions"; not "reported no fatalities" or "recognized the
    massacre", whose subject only tells of or judges the event."""
    lemma = verb.lemma_.lower()
    if lemma in REPORTING or lemma in COGNITION:
        return False
    return lemma in SUPPORT or is_non_event_verb(lemma)


def _theme_tokens(token: Token) -> list[Token]:
    out = []
    for c in token.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            out.append(c)
    if not any(c.dep_ == "dobj" for c in token.children):
        # intransitive events count their subject ("600 soldiers died")
        out += [c for c in token.children if c.dep_ == "nsubj"]
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in QUANTITY_PREPS:
            out += [p for p in c.children if p.dep_ == "pobj"]
    if token.pos_ == "NOUN":
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out += [p for p in c.children if p.dep_ == "pobj"]
    return out


def quantity_span(token: Token) -> TokenSpan | None:
    """The number with the noun it counts, if ``token``'s phrase holds one."""
    doc = token.doc
    if _is_number(token):
        num = token
        head = token.head if token.dep_ in ("nummod", "quantmod", "compound") else token
    else:
        nums = [c for c in token.children if c.dep_ in ("nummod", "quantmod") and _is_number(c)]
        if not nums:
            for c in token.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            found = quantity_span(p)
                            if found is not None:
                                return found
            return None
        num, head = nums[0], token
    start = min(num.left_edge.i, head.i)
    end = max(head.i, num.i) + 1
    for c in num.rights:
        if c.dep_ in ("quantmod", "nummod", "compound") and c.i == end:
            end = c.right_edge.i + 1
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "per") and c.i == end:
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            end = noun_phrase(pobj)[1] if pobj is not None else c.i + 1
    if end < len(doc) and doc[end].lower_ in MAGNITUDE_SUFFIXES and doc[end].i > num.i:
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


def _is_abstract_sense(noun: Token) -> bool:
    """Whether a place noun is used in its abstract sense: "a state of emergency", "areas such
    as composite materials" (but "areas of Ukraine", "the area of the capital")."""
    if noun.ent_type_ or noun.lemma_.lower() not in ABSTRACT_SENSE_PLACES:
        return False
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "as"):
            inner = next((p for p in c.children if p.dep_ == "pobj"), None)
            if inner is not None and inner.ent_type_ not in PLACE_LABELS and inner.lemma_.lower() not in GENERAL_PLACES | PLACE_NOUNS:
                return True
    return False


def _place_span(pobj: Token) -> TokenSpan | None:
    """The place a prepositional object names, if any."""
    doc = pobj.doc
    if _is_era_mention(pobj):
        return None  # "in 490 b.c.": a year, whatever the entity label
    if _is_abstract_sense(pobj):
        return None
    has_entity = any(t.ent_type_ in PLACE_LABELS for t in pobj.subtree)
    is_place_noun = pobj.lemma_.lower() in PLACE_NOUNS and any(
        c.ent_type_ in ("GPE", "LOC", "NORP") or c.pos_ == "PROPN" for c in pobj.lefts
    )
    if pobj.ent_type_ in PLACE_LABELS or is_place_noun or pobj.lemma_.lower() in GENERAL_PLACES:
        span = noun_phrase(pobj)
        # "areas of Ukraine", "two hospitals in Aleppo": keep the named place that pins a
        # generic place noun
        for c in pobj.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "near") and pobj.ent_type_ not in PLACE_LABELS and any(t.ent_type_ in PLACE_LABELS for t in c.subtree):
                span = (span[0], c.right_edge.i + 1)
        return _trim(doc, *span)
    if has_entity and pobj.pos_ in ("NOUN", "PROPN"):
        # "the restoration of Kursk", "parts of Donetsk": the place the "of" object names
        for c in pobj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = next((p for p in c.children if p.dep_ == "pobj"), None)
                if inner is not None and inner.ent_type_ in PLACE_LABELS:
                    return _entity(inner)
    return None


def _is_party_phrase(prep: Token) -> bool:
    """Whether a prepositional phrase names a party to a change of possession rather than a
    place: the recipient of giving ("sold arms to Iran", "aid to Syria") or the giver of
    getting ("bought missiles from North Korea"; "from abroad" stays a place)."""
    head = prep.head
    if prep.lower_ == "to":
        return head.lemma_.lower() in GIVING
    if head.dep_ == "dobj" and head.head.pos_ == "VERB":
        head = head.head  # "receiving assistance from Russia": the parser hangs "from" on the object
    if prep.lower_ == "from" and head.lemma_.lower() in GETTING:
        pobj = next((p for p in prep.children if p.dep_ in ("pobj", "pcomp", "advmod")), None)
        return pobj is None or pobj.lower_ not in ABROAD
    return False


def _gathering_place(noun: Token) -> TokenSpan:
    """Where a gathering is ("at a news conference in Geneva"), else the gathering itself."""
    return _static_location(noun) or _trim(noun.doc, *noun_phrase(noun))


def location_span(token: Token) -> TokenSpan | None:
    """Destination first, then where it happens, then the origin."""
    holders = [token] + [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.pos_ == "NOUN":
        # "the deployment of forces to Ukraine"
        holders += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if token.dep_ == "xcomp" or (token.dep_ == "conj" and token.head.pos_ == "VERB"):
        holders.append(token.head)
    if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN"):
        holders.append(token.head)
    if token.pos_ == "NOUN" and (occurrence := occurrence_clause(token)) is not None:
        holders.append(occurrence)
    found: dict[str, TokenSpan] = {}
    for holder in holders:
        for c in holder.children:
            if c.dep_ == "advmod" and c.lower_ in ABROAD and "dest" not in found:
                found["dest"] = (c.i, c.i + 1)  # "send workers abroad"
            if c.dep_ == "advmod" and c.lower_ in DEICTIC_PLACES and holder is token and "static" not in found:
                found["static"] = (c.i, c.i + 1)
            if c.dep_ not in ("prep", "dative", "advmod"):
                continue
            prep = c.lower_
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is None or _is_party_phrase(c):
                continue
            span = _place_span(pobj)
            if span is None and prep == "at" and pobj.lemma_.lower() in GATHERINGS:
                span = _gathering_place(pobj)
            if span is None:
                continue
            key = "dest" if prep in DESTINATION_PREPS else "static" if prep in STATIC_PREPS else "origin" if prep in ORIGIN_PREPS else None
            if key and key not in found:
                found[key] = span
    for key in ("dest", "static", "origin"):
        if key in found:
            return found[key]
    if token.pos_ == "VERB" and token.lemma_.lower() in PLACE_OBJECT_VERBS:
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is not None and (obj.ent_type_ in PLACE_LABELS or obj.lemma_.lower() in GENERAL_PLACES):
            return _place_span(obj) or _trim(token.doc, *noun_phrase(obj))  # "entered China", "took the town of X"
    if token.pos_ == "VERB" and _is_motion(token.lemma_.lower()):
        objects = [c for c in token.children if c.dep_ == "dobj"]
        for c in [*token.children, *(g for o in objects for g in o.children)]:
            if c.dep_ in ("prep", "dative") and c.lower_ in DESTINATION_PREPS and not _is_party_phrase(c):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and not _is_party(pobj) and pobj.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"):
                    return _trim(token.doc, *noun_phrase(pobj))
    # "supplied Russia with shells": with a "with" theme, a place as object is the recipient
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        obj = next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and obj.ent_type_ in PLACE_LABELS:
            return _entity(obj)
    # "facilities where they train": a relative "where" clause happens at its head
    if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
        span = _place_span(token.head)
        if span is not None:
            return span
    # deeper in the clause: "attacked positions in Aleppo"; never across another subject
    for t in token.subtree:
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in DESTINATION_PREPS + STATIC_PREPS:
            if not _clause_path_clear(t, token) or _is_party_phrase(t.head):
                continue
            span = _place_span(t)
            if span is not None and (t.ent_type_ in PLACE_LABELS or t.lemma_.lower() in PLACE_NOUNS):
                return span
    # an event noun modified by a place: "the Kursk deployment", "Russian soil"
    if token.pos_ in ("NOUN", "PROPN"):  # "the Gulf War"
        for c in token.lefts:
            # a possessor acts ("Iraq's attacks" were made by Iraq), except of a situation
            # noun that has no actor ("Syria's civil war")
            if c.ent_type_ in PLACE_LABELS and (c.dep_ != "poss" or token.lemma_.lower() in EVENTIVE_NOUNS):
                return _entity(c)
    return None


def _is_motion(lemma: str) -> bool:
    from .normalize.event_type import classify_action

    return classify_action(lemma) in MOTION_CLASSES


def _clause_head(token: Token) -> Token:
    """The verb heading the clause a word belongs to (the word itself for a verb)."""
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return token.sent.root


def _governing_clauses(token: Token) -> list[Token]:
    """The verbs whose clause the trigger's clause completes or serves ("travelled to Oslo to
    protest", "stayed in Lviv, repairing houses"): a place of theirs is where the embedded
    event happens."""
    out = []
    cur = _clause_head(token)
    # not through a complement clause: "said in Washington that X attacked" places the saying
    while cur.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acomp"):
        cur = _clause_head(cur.head)
        if cur in out:
            break
        out.append(cur)
    return out


def nearest_place(token: Token, *, exclude: TokenSpan | None = None, window: int = 8) -> TokenSpan | None:
    """The closest place entity after a preposition in the trigger's sentence, within ``window`` tokens."""
    best: tuple[int, TokenSpan] | None = None
    home = {token, _clause_head(token)}
    governing = set(_governing_clauses(token))
    for ent in token.sent.ents:
        if ent.label_ not in PLACE_LABELS or _is_era_mention(ent.root):
            continue
        head = _clause_head(ent.root)
        if head not in home and not (head in governing and ent.root.head.lower_ in GOVERNING_PLACE_PREPS):
            continue  # a place in another clause ("industries within Russia") is not this event's
        if exclude is not None and exclude[0] <= ent.start < exclude[1]:
            continue
        if ent.root.dep_ != "pobj" or ent.root.head.lower_ not in DESTINATION_PREPS + STATIC_PREPS:
            continue
        if _is_party_phrase(ent.root.head):
            continue
        distance = min(abs(ent.start - token.i), abs(ent.end - 1 - token.i))
        if distance <= window and (best is None or distance < best[0]):
            best = (distance, (ent.start, ent.end))
    return best[1] if best else None


def _static_location(verb: Token, *, skip: Token | None = None) -> TokenSpan | None:
    """Where a verb's clause happens, from its own static preposition phrases (not ``skip``)."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in STATIC_PREPS and c != skip:
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            span = _place_span(pobj) if pobj is not None else None
            if span is not None:
                return span
    return None


def _is_year_number(token: Token) -> bool:
    """A bare number of three or four digits that can be a year ("691", "1997")."""
    return token.text.isdigit() and 3 <= len(token.text) <= 4 and int(token.text) < 2100 and token.ent_type_ in ("", "CARDINAL", "DATE")


def _is_clock_time(token: Token) -> bool:
    """A clock time such as "19:17" (the tagger often calls it a cardinal)."""
    text = token.text
    return len(text) in (4, 5) and text[-3] == ":" and text.replace(":", "").isdigit()


def _era_year(token: Token) -> TokenSpan | None:
    """"490 b.c.", "around 7000 b.c.", "a.d. 70": a year with an era abbreviation, which the
    entity recognizer leaves undated (and often calls a place)."""
    if token.lower_ not in ERAS and token.text not in CAPITAL_ERAS:
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


def _is_era_mention(token: Token) -> bool:
    """Whether ``token`` (or the entity it is in) is the era of a year ("b.c." in "490 b.c.")."""
    ent = _entity(token)
    tokens = token.doc[ent[0] : ent[1]] if ent is not None else [token]
    return any(_era_year(t) is not None for t in tokens)


def _date_extent(token: Token, *, times: bool = False, years: bool = False) -> TokenSpan | None:
    """The date expression ``token`` belongs to: a DATE entity (with a TIME entity next to it,
    "Wednesday morning"), a year with its era; with ``times`` a TIME entity or clock time, with
    ``years`` a bare year number."""
    era = _era_year(token)
    if era is not None:
        return era
    if token.ent_type_ == "DATE" or token.ent_type_ == "TIME" and times:
        start, end = _entity(token)
        doc = token.doc
        while start > 0 and doc[start - 1].ent_type_ in ("DATE", "TIME") and doc[start - 1].ent_iob_ != "O":
            start = _entity(doc[start - 1])[0]
        while end < len(doc) and doc[end].ent_type_ in ("DATE", "TIME") and doc[end].ent_iob_ == "B":
            end = _entity(doc[end])[1]
        return None if _is_frequency(doc, (start, end)) else (start, end)
    if times and _is_clock_time(token):
        return token.i, token.i + 1
    if years and _is_year_number(token) and not any(c.dep_ in ("nummod", "amod", "compound") for c in token.children):
        return token.i, token.i + 1
    return None


def _is_frequency(doc: Doc, span: TokenSpan) -> bool:
    """"annually", "every year": how often, not when."""
    words = doc[span[0] : span[1]]
    return words[0].lower_ in ("every", "each") or all(t.lower_ in FREQUENCY_WORDS for t in words)


def _is_duration(doc: Doc, span: TokenSpan) -> bool:
    """"a thousand years", "two days": a length of time, with no point on the calendar."""
    last = doc[span[1] - 1]
    return last.tag_ == "NNS" and last.lemma_.lower() in TIME_NOUNS and not _is_point_date(doc, span)


def _is_point_date(doc: Doc, span: TokenSpan) -> bool:
    """Whether a date expression names a point in time (a year or decade, a month, a weekday,
    "yesterday", "last week") rather than a length of time ("a 30-day ceasefire")."""
    for t in doc[span[0] : span[1]]:
        if t.text[:4].isdigit() and t.text[4:] in ("", "s") and int(t.text[:4]) < 2100:
            return True
        if t.lower_ in WEEKDAYS or t.lower_ in DAY_WORDS or t.lower_ in RELATIVE_DATE_WORDS:
            return True
        if t.lower_ in MONTH_NAMES and t.text[:1].isupper():
            return True
    return False


def _modifier_date(noun: Token) -> TokenSpan | None:
    """A point date modifying a noun: "the 1979 revolution", "Tuesday's earthquake"."""
    for c in noun.children:
        if c.dep_ in ("nummod", "compound", "poss", "amod", "npadvmod"):
            span = _date_extent(c)
            if span is not None and _is_point_date(noun.doc, span):
                return _trim(noun.doc, *span)
    return None


def _is_causal_since(clause: Token) -> bool:
    """"since he is a vicar", "since they will have passed": a reason, not a starting time
    (a present-tense or modal clause; "since the war began" is past)."""
    return clause.tag_ in ("VBZ", "VBP") or any(a.dep_ == "aux" and a.tag_ == "MD" for a in clause.children)


def _prep_date(prep: Token, pobj: Token, *, times: bool = False) -> TokenSpan | None:
    """The date a temporal preposition's object gives, with the preposition."""
    span = _date_extent(pobj, times=times and prep.lower_ in TIME_PREPS, years=prep.lower_ in YEAR_PREPS)
    if span is None or prep.lower_ in ("on", "at") and _is_duration(pobj.doc, span):
        return None  # "sits on a thousand years of history"
    return _extend_date(pobj.doc, min(prep.i, span[0]), max(span[1], pobj.i + 1))


def _child_date(c: Token, *, times: bool = False) -> TokenSpan | None:
    """The date a dependent of the clause head states, if it is temporal; with ``times``, a
    clock time or part of a day counts too."""
    doc = c.doc
    if c.dep_ in ("npadvmod", "tmod", "advmod", "nsubj", "dobj", "obl", "pobj", "dep", "attr"):
        span = _date_extent(c, times=times and c.dep_ in ("npadvmod", "tmod"))
        if span is not None:
            return _extend_date(doc, *span)
    if c.dep_ == "prep" and c.lower_ in TEMPORAL_PREPS:
        pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
        prep = c
        if pobj is None:
            # "as of 1996": a two-word preposition
            inner = next((p for p in c.children if p.dep_ == "prep"), None)
            pobj = next((p for p in inner.children if p.dep_ == "pobj"), None) if inner is not None else None
        if pobj is not None:
            span = _prep_date(prep, pobj, times=times)
            if span is not None:
                return span
            if prep.lower_ in EVENT_TIME_PREPS and _modifier_date(pobj) is not None:
                # "during a 1981 military parade": an event dated by its modifier
                return _trim(doc, prep.i, pobj.i + 1)
    if c.dep_ == "prep" and c.lower_ in ("before", "after") and any(
        n.dep_ == "npadvmod" and n.ent_type_ == "DATE" for n in c.children
    ):
        # "a month before the mobilization": a time relative to another event
        return _trim(doc, c.left_edge.i, c.right_edge.i + 1)
    if c.dep_ == "advcl":
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ in CLAUSE_DATE_MARKS), None)
        if mark is not None and not (mark.lower_ == "since" and _is_causal_since(c)):
            # "since the full-scale invasion of Ukraine began"
            return _trim(doc, c.left_edge.i, c.right_edge.i + 1)
    if c.dep_ == "prep" and c.lower_ in ("since", "until", "till") and any(p.lower_ in ("then", "now") for p in c.children):
        return c.i, c.right_edge.i + 1
    if c.dep_ == "advmod" and c.lower_ in ("early", "soon", "late"):
        # "as early as July", "as soon as July or August"
        dates = [span for t in c.subtree if (span := _date_extent(t)) is not None]
        if dates:
            return _extend_date(doc, c.left_edge.i, max(end for _, end in dates))
    return None


def _date_holders(token: Token) -> list[Token]:
    """The trigger and the words whose dependents also date it."""
    holders = [token]
    if token.dep_ in ("xcomp", "amod", "expl") or (token.dep_ == "conj" and token.head.pos_ == "VERB"):
        # "a devastating earthquake": an adjective's noun; "there were rumors": the verb
        holders.append(token.head)
    if token.lemma_.lower() in ASPECTUAL:
        # "started selling awnings eight years ago"
        holders.extend(c for c in token.children if c.dep_ == "xcomp")
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in ASPECTUAL:
        # "the deployment could begin in July"
        holders.append(token.head)
    if token.pos_ in ("NOUN", "PROPN"):
        if (occurrence := occurrence_clause(token)) is not None:
            holders.append(occurrence)
        # "a test to be conducted in June", "attacks carried out in May"
        holders.extend(c for c in token.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in SUPPORT)
        if token.dep_ == "dobj" and token.head.pos_ == "VERB" and (
            token.head.lemma_.lower() in SUPPORT | PARTICIPATION or is_non_event_verb(token.head.lemma_.lower())
        ):
            holders.append(token.head)  # "in 1244 the dynasty took control"
    return holders


def _stray_dependents(token: Token) -> list[Token]:
    """Dependents of the governing clause that sit inside the trigger's own phrase, where the
    parser tends to misattach them: before the comma of a fronted adverbial clause ("Although
    Iran ratified the CWC ( ... ) in 1997 , the US believes"; brackets mislead the parser), or
    between a subject event noun and its verb ("a statement yesterday said")."""
    doc = token.doc
    head = token.head
    if token.dep_ == "advcl" and token.i < head.i:
        right = token.right_edge.i
        comma = next((t.i for t in doc[right + 1 : head.i] if t.text == ","), None)
        if comma is not None:
            return [c for c in head.children if right < c.i < comma]
    if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "NOUN" and token.i < head.i:
        return [c for c in head.children if token.right_edge.i < c.i < head.i and c.dep_ in ("npadvmod", "tmod")]
    return []


def date_span(token: Token) -> TokenSpan | None:
    """A temporal expression attached to the trigger's clause."""
    elapsed = _elapsed_since(token)
    if elapsed is not None:
        return elapsed
    holders = _date_holders(token)
    # a day or a year before a time of day: "at 7 p.m." only when no other date is given
    for times in (False, True):
        for holder in holders:
            for c in holder.children:
                span = _child_date(c, times=times)
                if span is not None:
                    return span
            if holder.pos_ in ("NOUN", "PROPN") and not times:
                span = _modifier_date(holder)
                if span is not None:
                    return span
        for c in _stray_dependents(token):
            span = _child_date(c, times=times)
            if span is not None:
                return span
    return None


def _elapsed_since(token: Token) -> TokenSpan | None:
    """"A week has passed since X signed": the span up to "since" dates the event it introduces."""
    if token.dep_ != "advcl" or token.head.lemma_.lower() not in ("pass", "elapse", "go"):
        return None
    mark = next((m for m in token.children if m.dep_ == "mark" and m.lower_ == "since"), None)
    subj = next(
        (c for c in token.head.children if c.dep_ == "nsubj" and (c.ent_type_ == "DATE" or c.lemma_.lower() in TIME_NOUNS)), None
    )
    if mark is None or subj is None:
        return None
    return subj.left_edge.i, mark.i + 1


def _clause_path_clear(t: Token, token: Token) -> bool:
    """Whether ``t`` hangs under ``token`` without crossing another verb or subject."""
    path = list(t.ancestors)
    if token not in path:
        return False
    for a in path[: path.index(token)]:
        if a.pos_ in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children):
            return False
    return True


def deep_date_span(token: Token) -> TokenSpan | None:
    """A temporal prepositional phrase deeper in the clause: "killed hundreds in the 1990s"."""
    for t in token.subtree:
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in TEMPORAL_PREPS:
            span = _prep_date(t.head, t)
            if span is not None and _clause_path_clear(t, token):
                return span
    return None


def _extend_date(doc: Doc, start: int, end: int) -> TokenSpan:
    # "July or August": a coordinated second date belongs to the same expression
    while end + 1 < len(doc) and doc[end].lower_ in ("or", "and", "to", "-", "through") and doc[end + 1].ent_type_ == "DATE":
        end += 2
        while end < len(doc) and doc[end].ent_type_ == "DATE" and doc[end].ent_iob_ == "I":
            end += 1
    # "as early as" before the date
    if start >= 3 and doc[start - 1].lower_ == "as" and doc[start - 2].lower_ in ("early", "soon", "late") and doc[start - 3].lower_ == "as":
        start -= 3
    return _trim(doc, start, end)


def _from_purpose_clause(token: Token, find) -> TokenSpan | None:
    """What ``find`` gives for the trigger's infinitive of purpose ("to support X in Y")."""
    for c in token.children:
        if c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
            span = find(c)
            if span is not None:
                return span
    return None


def link_arguments(doc: Doc, triggers: Sequence[Trigger]) -> list[Arguments]:
    """Actor, quantity, location and date spans for each trigger, from the dependency parse."""
    out = []
    noun_events = {t.i for t in triggers if t.kind == "noun"}
    for trig in triggers:
        token = doc[trig.i]
        if trig.kind == "noun":
            actor_tok = _noun_actor(token)
            agent_noun = token.pos_ == "NOUN" and is_agent_noun(token.lemma_)
            if actor_tok is None and not agent_noun:
                # "the presence of troops", "the deployment of PMC forces": the "of" object
                # acts (or is placed) when it names people; an agent noun's "of" object is
                # what it makes or moves ("a producer of drones")
                of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                cand = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
                if cand is not None and (trig.lemma == "be" or _is_agentive(content_head(cand))):
                    actor_tok = cand
            if actor_tok is None and token.dep_ == "dobj" and token.head.pos_ == "VERB" and _performs_object(token.head):
                # "carried out an attack": whoever carried it out
                actor_tok, _ = _subject(token.head)
            if actor_tok is None and token.dep_ == "dobj" and token.head.pos_ == "VERB" and token.head.lemma_.lower() in PARTICIPATION:
                actor_tok, _ = _subject(token.head)  # "attended the funeral"
            if (
                actor_tok is None and token.dep_ == "pobj" and token.head.dep_ == "prep"
                and token.head.head.pos_ == "VERB" and token.head.head.lemma_.lower() in PARTICIPATION
            ):
                actor_tok, _ = _subject(token.head.head)  # "engaged in blackmail"
            if actor_tok is None and token.dep_ == "compound" and token.head.pos_ == "NOUN":
                # "an inspection team": the team inspects; "Iran's missile test program": whoever
                # runs the program
                actor_tok = token.head if _is_agentive(token.head) else _noun_actor(token.head)
            if actor_tok is None and agent_noun:
                actor_tok = _agent_noun_actor(token)
            passive = False
            raw_subject = None
        else:
            actor_tok, passive = _subject(token)
        raw_subject = actor_tok
        actor = actor_ref = None
        if trig.kind == "copula" and passive and actor_tok is not None:
            passive = False  # "troops were spotted in Kursk": whoever is there
        if passive and trig.kind == "verb":
            helper = _assisting_agent(token)
            if helper is not None:
                actor_tok, passive = helper, False
        if actor_tok is not None and (
            actor_tok.ent_type_ in ("DATE", "TIME")
            or actor_tok.lemma_.lower() in TIME_NOUNS
            or actor_tok.lemma_.lower() in EVENTIVE_NOUNS
            or _is_relative(actor_tok)
            or actor_tok.i in noun_events and actor_tok != token  # "Putin's visit sealed the pact": an event, not an actor
        ):
            actor_tok = None
        if actor_tok is not None and passive:
            # Agentless passive: the owner of what was moved stands in for the agent
            # ("North Korea's brigades would be sent"), else the patient itself.
            head = content_head(actor_tok)
            owner = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ in ACTOR_LABELS), None)
            actor_tok = owner or (head if _is_agentive(head) else None)
        if actor_tok is not None:
            actor_tok = content_head(actor_tok)
            if _names_no_actor(actor_tok):
                actor = None  # the token stays a theme whose quantity counts
            elif actor_tok.lower_ in PERSONAL or actor_tok.lower_ in FIRST_SECOND:
                # the pronoun as written, standing for the named mention it resolves to
                actor = (actor_tok.i, actor_tok.i + 1)
                actor_ref = resolve_pronoun(actor_tok)
            elif actor_tok.pos_ == "PRON" and actor_tok.lower_ in RELATIVES:
                actor = None
            else:
                actor = noun_phrase(actor_tok, numbers=False)
        if actor is None:
            # "an agreement reached between Kim and Putin": the parties act together
            party = _between_party(token)
            if party is not None:
                actor = noun_phrase(party, numbers=False)
        quantity = None
        themes = _theme_tokens(token)
        if trig.kind == "verb" and not themes and actor_tok is not None:
            themes = [actor_tok]
        if raw_subject is not None and raw_subject not in themes and (passive or trig.kind == "copula"):
            themes.append(raw_subject)
        for theme in themes:
            quantity = quantity_span(theme)
            if quantity is not None:
                break
        location = location_span(token)
        if location is None:
            # "sent troops to support Russia in Ukraine": where the purpose is, the troops go
            location = _from_purpose_clause(token, location_span)
        if location is None and token.dep_ in ("dobj", "nsubj", "nsubjpass", "xcomp", "advcl", "conj") and token.head.pos_ == "VERB":
            # "carried out an attack in Aleppo": the governing clause's place
            location = _static_location(token.head)
        if location is None and token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "VERB":
            # "In Russia, parties engage in blackmail": the place of the verb the event noun serves
            location = _static_location(token.head.head, skip=token.head)
        if location is None:
            location = nearest_place(token, exclude=actor)
        date = date_span(token) or deep_date_span(token) or _from_purpose_clause(token, date_span)
        filled = sum(x is not None for x in (actor, quantity, location, date))
        score = min(0.95, 0.35 + 0.15 * filled) * (0.8 if trig.kind == "noun" else 1.0)
        out.append(Arguments(actor=actor, quantity=quantity, location=location, date=date, score=score, actor_ref=actor_ref))
    return out


def make_dep_linker(lexicon=None) -> Linker:
    """The rule-based linker over the dependency parse (registered as ``extractor.dep_linker.v1``)."""
    return link_arguments
