"""Trigger finding: which words of a parsed ``Doc`` report a concrete event."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .contracts import Trigger
from .lexicon import Lexicon, _wordnet_verbs, default_lexicon, verb_of_nominal
from .syntax import PLACE_LABELS, entity_span, occurrence_clause  # noqa: F401  (re-exported)


def _has_place(token: Token) -> bool:
    return any(t.ent_type_ in PLACE_LABELS for t in token.subtree)


def is_presence_passive(token: Token, lexicon: Lexicon) -> bool:
    """A passive of seeing or finding with a place ("troops were spotted in Kursk"): a
    presence ("be") event of its patient."""
    if token.lemma_.lower() not in lexicon.presence_passives or not any(c.dep_ == "auxpass" for c in token.children):
        return False
    if any(c.dep_ == "agent" for c in token.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in lexicon.locative_preps and _has_place(c) for c in token.children)


def is_locative_copula(token: Token, lexicon: Lexicon) -> bool:
    """A form of "be" that places its subject somewhere ("12,000 soldiers are in Russia")."""
    if token.lemma_ != "be" or token.dep_ in ("aux", "auxpass"):
        return False
    if not any(c.dep_ in ("nsubj", "expl") for c in token.children):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ in lexicon.locative_preps and _has_place(c) for c in token.children
    )


def _is_purpose_clause(token: Token, lexicon: Lexicon) -> bool:
    """An infinitive of purpose or motive ("to support Russia"), not an event of its own."""
    if token.dep_ not in ("advcl", "acl", "relcl", "xcomp"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    head = token.head
    if token.dep_ == "xcomp":
        # complements of control, aspectual and attribution verbs are the event itself
        lemma = head.lemma_.lower()
        passive = any(c.dep_ == "auxpass" for c in head.children)
        if lemma in lexicon.cognition and lemma not in lexicon.planning and lemma not in lexicon.raising and not passive:
            return True  # "struggles to sustain": an attitude, not an event
        return head.pos_ == "VERB" and not (
            lemma in lexicon.planning or lemma in lexicon.aspectual or lemma in lexicon.cognition
            or lemma in lexicon.reporting or lemma in lexicon.hedge_passives or lemma in lexicon.semi_modals
        )
    lemma = head.lemma_.lower()
    # "efforts to reclaim Kursk": the attempted event is reported as such, not as a purpose
    return not (token.dep_ == "acl" and (lemma in lexicon.planning_nouns or lemma in lexicon.attempt_nouns))


def _in_purpose_clause(token: Token, lexicon: Lexicon) -> bool:
    """The word heads, or hangs inside, a purpose clause ("to assist with fixing equipment")."""
    cur = token
    for _ in range(6):
        if cur.pos_ == "VERB" and _is_purpose_clause(cur, lexicon):
            return True
        if cur.dep_ not in ("pcomp", "prep", "pobj", "xcomp", "advcl", "conj") or cur.head is cur:
            return False
        cur = cur.head
    return False


def is_conditional(token: Token, lexicon: Lexicon) -> bool:
    """Whether the word sits in an "if"/"whether" clause, which reports no actual event."""
    for tok in [token, *token.ancestors]:
        if tok.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ in lexicon.conditional_marks for c in tok.children):
            return True
    return False


def _governors(token: Token, lexicon: Lexicon) -> list[Token]:
    """The token and the chain of words whose complement it is (plans to -> send)."""
    chain = [token]
    cur = token
    while cur.dep_ in ("xcomp", "acl", "conj", "pcomp", "pobj") and cur.head is not cur:
        if cur.dep_ == "acl" and (
            cur.head.lemma_.lower() not in lexicon.planning_nouns
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        ):
            break  # "an agreement reached in June" describes the agreement; "agreement to send" plans
        cur = cur.head
        chain.append(cur)
        if cur.dep_ == "prep":
            continue
        if len(chain) > 6:
            break
    return chain


def find_modality(token: Token, lexicon: Lexicon) -> str:
    """asserted, reported, planned or negated, from auxiliaries, hedges, negation and the
    planning, raising and attribution words that govern the trigger."""
    chain = _governors(token, lexicon)
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in lexicon.aspectual:
        chain.append(token.head)
    if token.pos_ == "NOUN" and token.dep_ == "dobj":
        # "is going to greenlight the deployment": the noun's event shares its verb's modality
        chain.extend(_governors(token.head, lexicon))
    planned = hedged = negated = False
    for k, tok in enumerate(chain):
        # "not engaged ... but stationed": negation does not cross a conjunction
        via_conj = any(t.dep_ == "conj" for t in chain[:k])
        for c in tok.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "advmod" and low in lexicon.negations):
                negated = negated or not via_conj
            elif c.dep_ in ("aux", "auxpass") and low in lexicon.modals_planned:
                planned = True
            elif c.dep_ == "aux" and low in lexicon.modals_hedged:
                perfect = any(a.lemma_ == "have" and a.dep_ == "aux" for a in tok.children)
                if perfect or any(a.lower_ == "be" for a in tok.children if a.dep_ == "aux"):
                    hedged = True
                else:
                    planned = True
            elif c.dep_ == "advmod" and low in lexicon.hedge_adverbs:
                hedged = True
            elif c.dep_ == "aux" and low == "going" and k == 0:
                planned = True
        if k > 0 and tok.pos_ in ("VERB", "AUX", "NOUN"):
            lemma = tok.lemma_.lower()
            passive = any(c.dep_ == "auxpass" for c in tok.children)
            if passive and lemma in lexicon.hedge_passives:
                if lemma == "expect":
                    planned = True
                else:
                    hedged = True
            elif lemma in lexicon.planning_nouns or (tok.pos_ == "VERB" and lemma in lexicon.planning):
                planned = True
            elif lemma in lexicon.raising:
                hedged = True
    # "is going to greenlight": the xcomp of a progressive "go".
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG":
        planned = True
    if negated:
        return "negated"
    if planned:
        return "planned"
    if hedged:
        return "reported"
    return "asserted"


def _span_of(token: Token) -> tuple[int, int]:
    ent = _entity_of(token)
    if ent is not None:
        start, end = ent
    else:
        left = [t for t in token.subtree if t.i <= token.i]
        start = min(t.i for t in left) if left else token.i
        end = token.i + 1
        # extend over compound continuations to the right ("Director Cho Tae-yong")
        for r in token.rights:
            if r.dep_ in ("appos", "compound", "flat") and r.i == end:
                end = r.right_edge.i + 1
    doc = token.doc
    while start < end - 1 and doc[start].dep_ in ("det", "case", "punct") :
        start += 1
    return start, end


def _entity_of(token: Token) -> tuple[int, int] | None:
    return entity_span(token)  # from the token's tags: doc.ents per call is quadratic


def find_source(token: Token, *, lexicon: Lexicon) -> tuple[int, int] | None:
    """Token span of who the text credits for the event, if anyone."""
    sent = token.sent
    # "according to X" anywhere on the path from the trigger to the sentence root
    path = [token, *token.ancestors]
    for tok in path:
        for c in tok.children:
            if c.lower_ == "according" or (c.dep_ == "prep" and c.lower_ == "per"):
                for p in c.subtree:
                    if p.dep_ == "pobj":
                        start, end = _span_of(p)
                        return start, end
    # a reporting verb whose complement holds the trigger
    prev = token
    for tok in token.ancestors:
        if tok.lemma_.lower() in lexicon.reporting and prev.dep_ in ("ccomp", "xcomp", "parataxis", "dobj", "advcl", "conj"):
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ not in ("PRON", "PUNCT"):
                    return _span_of(c)
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return _span_of(p)
        prev = tok
    # a reporting verb whose clause follows the trigger's: "..., Lee noted."
    root = sent.root
    if root is not token and root.lemma_.lower() in lexicon.reporting and token.i < root.i:
        for c in root.children:
            if c.dep_ == "nsubj" and c.pos_ not in ("PRON", "PUNCT"):
                return _span_of(c)
    # a parenthetical report attached under the root: "X will send troops, a legislator reported"
    for tok in sent:
        if tok.i > token.i and tok.dep_ in ("ccomp", "parataxis") and tok.head == root and tok.lemma_.lower() in lexicon.reporting:
            if not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
                for c in tok.children:
                    if c.dep_ == "nsubj" and c.pos_ not in ("PRON", "PUNCT"):
                        return _span_of(c)
    return None


def _is_possessed_event(token: Token, lexicon: Lexicon) -> bool:
    """A noun that is also a verb, owned by a named actor ("Putin's visit", "a visit by Putin")
    and placed or dated ("to Seoul", "which occurred in May")."""
    lemma = token.lemma_.lower()
    if lemma not in _wordnet_verbs() or lexicon.non_event(lemma) or lemma in lexicon.general_places:
        return False
    named = ("PERSON", "GPE", "ORG", "NORP")
    owner = any(c.dep_ == "poss" and c.ent_type_ in named for c in token.children) or any(
        c.dep_ == "prep" and c.lower_ == "by" and any(p.dep_ == "pobj" and p.ent_type_ in named for p in c.children)
        for c in token.children
    )
    placed = any(
        c.dep_ == "prep" and c.lower_ in ("to", "into")
        and (_has_place(c) or any(p.dep_ == "pobj" and p.lemma_.lower() in lexicon.general_places for p in c.children))
        for c in token.children
    )
    return owner and (placed or occurrence_clause(token) is not None)


def find_triggers(doc: Doc, *, lexicon: Lexicon | None = None) -> list[Trigger]:
    """Verbs, locative copulas and event nouns that report concrete events
    (``lexicon=None``: the shipped lexicon)."""
    lexicon = lexicon or default_lexicon()
    triggers: list[Trigger] = []
    for token in doc:
        lemma = token.lemma_.lower()
        kind = None
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        if token.pos_ == "VERB" and is_presence_passive(token, lexicon):
            kind, lemma = "copula", "be"
        elif token.pos_ == "VERB" and token.dep_ not in ("amod", "compound", "aux", "auxpass"):
            phrasal = f"{lemma} {particle}" if particle else lemma
            if (lexicon.non_event(lemma) and not particle) or lexicon.non_event(phrasal) or _in_purpose_clause(token, lexicon):
                continue
            if token.sent.text.rstrip().endswith("?"):
                continue
            kind = "verb"
        elif token.pos_ in ("AUX", "VERB") and is_locative_copula(token, lexicon):
            kind, lemma = "copula", "be"
        elif token.pos_ == "NOUN" and token.dep_ != "compound":
            if lemma in lexicon.extra_nouns:
                verb = lexicon.extra_nouns[lemma]
            elif lemma in lexicon.general_places:
                continue  # "locations", "stations": places, not events
            else:
                verb = verb_of_nominal(lemma, lexicon=lexicon)
                if verb is None and _is_possessed_event(token, lexicon):
                    verb = lemma  # "Putin's visit to Pyongyang": a verb used as a noun
                if verb is None or lexicon.non_event(verb):
                    continue
            kind, lemma = "noun", verb
        if kind is None or is_conditional(token, lexicon):
            continue
        if kind != "verb" and token.sent.text.rstrip().endswith("?"):
            continue
        if particle and kind == "verb":
            lemma = f"{lemma} {particle}"
        triggers.append(
            Trigger(
                i=token.i,
                lemma=lemma,
                kind=kind,
                modality=find_modality(token, lexicon),
                source=find_source(token, lexicon=lexicon),
            )
        )
    return triggers


def given_triggers(doc: Doc, spans, *, lexicon: Lexicon | None = None) -> list[Trigger]:
    """Triggers at given character spans (an annotated event's trigger), whatever their word
    class (``lexicon=None``: the shipped lexicon)."""
    lexicon = lexicon or default_lexicon()
    out = []
    for start, end in spans:
        span = doc.char_span(int(start), int(end), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        token = span.root
        lemma = token.lemma_.lower()
        kind = "verb" if token.pos_ in ("VERB", "AUX") else "noun"
        if kind == "noun":
            lemma = verb_of_nominal(lemma, lexicon=lexicon) or lemma
        out.append(Trigger(token.i, lemma, kind, find_modality(token, lexicon), find_source(token, lexicon=lexicon)))
    return out
