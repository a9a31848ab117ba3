"""Guide version 2 of the seed gold, applied on top of the version-1 labels of build_gold.py.

Version 2 of /work/shared/annotation-guide.md changes rule 2 (agentless events get
``actor: null``; the victim, the thing moved or any other patient is never the actor) and adds
section 5 (document-level ``events`` and ``main_event``). The label decisions below were typed
by hand (see seeds/README.md, "Guide version 2"); the code only applies them and locates the
character spans. ``apply`` is called by build_gold.py; it does not write anything.

Steps, in order:
  (a) hand edits of version-1 actors that were a patient (checked against the old values);
  (b) two added agentless tuples in 003;
  offsets: ``action_text`` and ``<slot>_start`` / ``<slot>_end`` for each tuple;
  ``events`` (section 5) and ``main_event`` (the document-level gold).
"""

from __future__ import annotations

import copy
import re

D0, D1, D2, D3, D4 = ("000_7a868387a849ac37", "001_8565d23d8bc437f8", "002_2d787a16630c2c09",
                      "003_f1f81112e66edf64", "004_f90c9be35ff1fe33")
SLOTS = ("actor", "action", "quantity", "location", "date")


class LabelError(ValueError):
    """A hand edit does not fit the labels it is applied to (the base labels changed)."""


def _require(cond, *info) -> None:
    if not cond:
        raise LabelError(repr(info))


# ---- (a) actors that are a victim / patient / thing moved ---------------------------------
# (doc, tuple index, start of its evidence, {field: (version-1 value, version-2 value)})
ACTOR_EDITS = [
    # 000 #1: "the deployment of American PMC ... forces to Ukraine": the forces are the thing
    # deployed; the doer of the event noun is not stated -> null; Biden (the authorizing actor,
    # already accepted in v1) stays acceptable.
    (D0, 1, "Biden is going to greenlight", dict(
        actor=(["American PMC (Private Military Company) forces", "American PMC", "PMC", "Biden"],
               [None, "Biden"]),
        actor_name=(["American PMC forces", "American private military companies"],
                    [None, "Biden", "Joe Biden"]),
        actor_country=("US", [None, "US"]))),
    # 001 #7: "around 150 North Korean workers were dispatched": the workers are the thing moved.
    (D1, 7, "around 150 North Korean workers", dict(
        actor=(["North Korea", "North Korean workers"], "North Korea"))),
    # 002 #17: "with thousands more injured": victims -> agentless, actor null.
    (D2, 17, "with thousands more injured", dict(
        actor=(["North Korean soldiers", "thousands more"], None),
        actor_name=(["North Korea", "North Korean military"], None),
        actor_country=("KP", None))),
    # 004 #2, #5, #11: passive sending; the soldiers sent are the thing moved.
    (D4, 2, "Approximately 3,000 North Korean soldiers", dict(
        actor=(["North Korea", "North Korean soldiers"], "North Korea"))),
    (D4, 5, "A subsequent group of 1,500 soldiers", dict(
        actor=(["North Korea", "A subsequent group of 1,500 soldiers", "1,500 soldiers"], "North Korea"))),
    (D4, 11, "A total of 10,000 troops", dict(
        actor=(["North Korea", "A total of 10,000 troops", "troops"], "North Korea"))),
]

# ---- (b) agentless events v1 left out for want of an actor --------------------------------
END_WAR = dict(actor=[None, "the Korean War"], action="end", date="1953", date_value="1953",
               modality="asserted", event_type="other",
               evidence="1953 when the Korean War ended in an armistice")
GO_COFFERS = dict(actor=None, action="go",
                  quantity=["up to 95 per cent", "95 per cent",
                            "A huge percentage of their earnings – up to 95 per cent"],
                  quantity_value=95, quantity_unit=["percent", "per cent", "%"],
                  modality=["planned", "reported"], source="Lee Woong Gil", event_type="pay",
                  evidence="A huge percentage of their earnings – up to 95 per cent – will likely go directly to Mr Kim’s coffers")

# ---- action_text: the word(s) of the article the action is taken from (v2 tuple order) ----
ACTION_TEXT = {
    D0: ["Send", "deployment", "send", "signed", "visit", "deploy", "operating", "be", "delivered",
         "seized", "rebuilt", "show up", "assist", "sent", "bounty"],
    D1: ["voting", "supplied", "sent", "observed", "confirmed", "signed", "sent", "dispatched", "send"],
    D2: ["Intensifies", "send", "sending", "trip", "send", "deliver", "reclaim", "dispatching",
         "announce", "announce", "deployment", "visit", "supplied", "conveyed", "established",
         "visit", "died", "injured", "sent"],
    D3: ["joining", "training", "presence", "massing", "are", "fighting", "fought", "ended", "pay",
         "shelling out", "go", "earning", "killed", "received"],
    D4: ["Deploys", "Deploys", "dispatched", "increase", "arrived", "dispatched", "engaged",
         "stationed", "training", "receives", "service", "dep\nloyed", "relocated", "reached",
         "presence"],
}

# ---- section 5: events ----------------------------------------------------------------------
# (mentions, from) per event; the main event first, then by first mention.
# `from` names, per filled slot, the mention the value is copied from. The normalized
# fields travel with their slot (actor_name/_country with actor, quantity_value/_unit with
# quantity, location_name/_country with location, date_value with date) and modality,
# source, event_type and evidence with the action.
EVENTS = {
    D0: [([0, 2, 5, 7, 11, 13], dict(actor=0, action=0, quantity=13, location=2, date=2)),
         ([1], dict(actor=1, action=1, location=1)),
         ([3], dict(actor=3, action=3, location=3, date=3)),
         ([4], dict(actor=4, action=4, location=4, date=4)),
         ([6], dict(actor=6, action=6, location=6)),
         ([8], dict(actor=8, action=8, quantity=8, date=8)),
         ([9], dict(actor=9, action=9, location=9)),
         ([10, 12], dict(actor=10, action=10, location=10, date=12)),
         ([14], dict(actor=14, action=14, quantity=14))],
    D1: [([2], dict(actor=2, action=2, location=2)),
         ([0], dict(actor=0, action=0, date=0)),
         ([1], dict(actor=1, action=1, location=1)),
         ([3], dict(actor=3, action=3, location=3)),
         ([4], dict(actor=4, action=4, location=4)),
         ([5], dict(actor=5, action=5, date=5)),
         ([6, 7], dict(actor=6, action=6, quantity=7, location=6)),
         ([8], dict(actor=8, action=8, location=8))],
    D2: [([0, 1, 8, 10], dict(actor=0, action=1, quantity=8, location=1, date=1)),
         ([2, 9], dict(actor=2, action=2, quantity=9, location=2)),
         ([3], dict(actor=3, action=3, location=3, date=3)),
         ([4], dict(actor=4, action=4, location=4)),
         ([5, 12, 13], dict(actor=5, action=5, quantity=12, location=5, date=12)),
         ([6], dict(actor=6, action=6, location=6)),
         ([7, 18], dict(actor=7, action=7, quantity=7, location=18, date=7)),
         ([11], dict(actor=11, action=11, date=11)),
         ([14], dict(actor=14, action=14, location=14, date=14)),
         ([15], dict(actor=15, action=15, location=15, date=15)),
         ([16, 17], dict(actor=16, action=16, quantity=16))],
    D3: [([0, 2, 3, 4], dict(actor=0, action=0, quantity=4, location=2, date=4)),
         ([1], dict(actor=1, action=1, quantity=1, location=1)),
         ([5], dict(actor=5, action=5, date=5)),
         ([6], dict(actor=6, action=6, date=6)),
         ([7], dict(actor=7, action=7, date=7)),
         ([8, 9], dict(actor=8, action=8, quantity=8)),
         ([10], dict(action=10, quantity=10)),
         ([11], dict(actor=11, action=11, quantity=11)),
         ([12], dict(actor=12, action=12, quantity=12, location=12, date=12)),
         ([13], dict(actor=13, action=13, location=13))],
    D4: [([0, 2, 4, 5, 7, 10, 14], dict(actor=0, action=0, quantity=0, location=0, date=4)),
         ([1, 3, 11], dict(actor=1, action=1, quantity=1, location=1, date=1)),
         ([6], dict(actor=6, action=6, date=6)),
         ([8], dict(actor=8, action=8, location=8)),
         ([9], dict(actor=9, action=9, quantity=9, location=9)),
         ([12], dict(actor=12, action=12, location=12)),
         ([13], dict(actor=13, action=13, date=13))],
}

# ---- main_event: document-level gold for section-5 scoring (actor, location, date) ----------
# Alternatives: the main event's own values first, then every value its mentions give for
# the event as a whole.
MAIN = {
    D0: dict(actor=["North Korea", "Pyongyang"],
             action=["send", "deploy", "show up", "be"],
             quantity=["three of North Korea’s four engineering brigades"], quantity_value=3,
             location=["Russian-held Donbas Oblast", "Donbas Oblast", "Donbas", "Donetsk area", "Donetsk",
                       "severely damaged Donetsk area", "Ukraine"],
             date=["within a month", "Next month", "as early as June", "June"],
             date_value=["2024-06-26/2024-07-26", "2024-07", "2024-06"]),
    D1: dict(actor=["North Korea"], action=["send"], quantity=None, quantity_value=None,
             location=["occupied areas of Ukraine", "occupied areas of Ukraine, particularly in Donbas",
                       "Donbas", "Ukraine"],
             date=None, date_value=None),
    D2: dict(actor=["North Korea"], action=["send", "intensify", "deploy", "deployment", "dispatch"],
             quantity=["a second wave of 4,000 soldiers", "4,000 soldiers"], quantity_value=4000,
             location=["Russia"],
             date=["as early as July", "July", "as soon as July or August", "July or August"],
             date_value=["2025-07", "2025-07/2025-08"]),
    D3: dict(actor=["North Korean troops", "thousands of North Korean troops", "North Korean soldiers",
                    "North Korea", "Kim Jong Un"],
             action=["join", "send", "be", "presence", "mass"],
             quantity=["at least 12,000 soldiers", "12,000 soldiers", "thousands of North Korean troops"],
             quantity_value=[[12000], [1000]],
             location=["Russian soil", "Russia", "near the Kursk border of Ukraine", "Kursk border", "Kursk",
                       "Ukraine"],
             date=["now", None], date_value=["2024-11-02", None]),
    D4: dict(actor=["North Korea"], action=["deploy", "dispatch", "arrive"],
             quantity=["3,000 Troops", "Approximately 3,000 North Korean soldiers", "3,000 North Korean soldiers"],
             quantity_value=3000,
             location=["Russia", "Russian military facilities"],
             date=["earlier this month", "since then"], date_value="2024-10"),
}

# Keys an event carries per slot, and the key order of an event.
FOLLOW = {
    "actor": ["actor", "actor_start", "actor_end", "actor_name", "actor_country"],
    "action": ["action", "action_text", "action_start", "action_end", "modality", "source",
               "event_type", "evidence", "evidence_start", "evidence_end"],
    "quantity": ["quantity", "quantity_start", "quantity_end", "quantity_value", "quantity_unit"],
    "location": ["location", "location_start", "location_end", "location_name", "location_country"],
    "date": ["date", "date_start", "date_end", "date_value"],
}
EVENT_ORDER = ["actor", "actor_start", "actor_end", "action", "action_text", "action_start", "action_end",
               "quantity", "quantity_start", "quantity_end", "location", "location_start", "location_end",
               "date", "date_start", "date_end", "quantity_value", "quantity_unit", "date_value", "modality",
               "source", "event_type", "actor_name", "actor_country", "location_name", "location_country",
               "evidence", "evidence_start", "evidence_end"]


# ---- helpers ----------------------------------------------------------------------------------
def first_text(value):
    """The first alternative of a slot if it is a string, else None."""
    if isinstance(value, list):
        return value[0] if value and isinstance(value[0], str) else None
    return value


def filled(value) -> bool:
    return any(x is not None for x in (value if isinstance(value, list) else [value]))


def sentences(article: str) -> list[tuple[int, int]]:
    """(start, end) of sentences: split after . ? ! (optionally a closing quote) + space,
    and at a line break that is not inside a word."""
    cuts = [0]
    for m in re.finditer(r'[.?!][»”"]?[ \t]+|\n+', article):
        if (m.group() == "\n" and m.start() > 0 and article[m.start() - 1].isalnum()
                and m.end() < len(article) and article[m.end()].isalnum()):
            continue  # a line break inside a word ("dep\nloyed")
        cuts.append(m.end())
    cuts.append(len(article))
    return [(s, e) for s, e in zip(cuts, cuts[1:]) if article[s:e].strip()]


def _whole(article: str, s: int, e: int) -> bool:
    ok_l = s == 0 or not (article[s - 1].isalnum() and article[s].isalnum())
    ok_r = e == len(article) or not (article[e - 1].isalnum() and article[e].isalnum())
    return ok_l and ok_r


def locate(article: str, text: str, ev: tuple[int, int], sent: tuple[int, int], what) -> int:
    """Start of ``text``: a whole-word occurrence inside the evidence, else inside the
    evidence's sentence, else the nearest one before the sentence, else the first one."""
    hits = [m.start() for m in re.finditer(re.escape(text), article)
            if _whole(article, m.start(), m.start() + len(text))]
    _require(hits, what, text, "not in article")
    for lo, hi in (ev, sent):
        inside = [h for h in hits if lo <= h and h + len(text) <= hi]
        if inside:
            return inside[0]
    before = [h for h in hits if h < sent[0]]
    return before[-1] if before else hits[0]


# ---- steps ----------------------------------------------------------------------------------
def _edit_actors(docs: dict) -> None:
    for doc, i, expect_evidence, changes in ACTOR_EDITS:
        tup = docs[doc]["tuples"][i]
        _require(tup["evidence"].startswith(expect_evidence), doc, i, tup["evidence"])
        for key, (old, new) in changes.items():
            _require(tup[key] == old, doc, i, key, tup[key], old)
            tup[key] = new


def _add_agentless(docs: dict) -> None:
    t3 = docs[D3]["tuples"]
    _require([t3[6]["action"], t3[7]["action"], t3[8]["action"]] == ["fight", "pay", "shell out"], D3)
    keys = list(t3[0])  # the version-1 field order

    def new(**kw):
        return {k: kw.get(k) for k in keys}

    docs[D3]["tuples"] = t3[:7] + [new(**END_WAR)] + t3[7:9] + [new(**GO_COFFERS)] + t3[9:]


def _add_offsets(doc_id: str, doc: dict, article: str) -> None:
    """action_text, and start/end of action_text, evidence and the first string alternative of
    actor, quantity, location and date; each placed right after its field."""
    sents = sentences(article)
    texts = ACTION_TEXT[doc_id]
    _require(len(texts) == len(doc["tuples"]), doc_id, "action_text count")
    for i, tup in enumerate(doc["tuples"]):
        start = article.find(tup["evidence"])
        _require(start >= 0, doc_id, i, "evidence not in article")
        ev = (start, start + len(tup["evidence"]))
        sent = next((s, e) for s, e in sents if s <= ev[0] < e)
        out = {}
        for key, value in tup.items():
            out[key] = value
            if key == "action":
                s = locate(article, texts[i], ev, sent, (doc_id, i, "action"))
                out["action_text"], out["action_start"], out["action_end"] = texts[i], s, s + len(texts[i])
            elif key in ("actor", "quantity", "location", "date"):
                text = first_text(value)
                if text is not None:
                    s = locate(article, text, ev, sent, (doc_id, i, key))
                    out[f"{key}_start"], out[f"{key}_end"] = s, s + len(text)
            elif key == "evidence":
                out["evidence_start"], out["evidence_end"] = ev
        doc["tuples"][i] = out


def _events(doc_id: str, tuples: list[dict]) -> list[dict]:
    specs = EVENTS[doc_id]
    covered = sorted(i for mentions, _ in specs for i in mentions)
    _require(covered == list(range(len(tuples))), doc_id, "mentions do not partition tuples", covered)
    firsts = [min(mentions) for mentions, _ in specs[1:]]
    _require(firsts == sorted(firsts), doc_id, "events not ordered by first mention")
    events = []
    for n, (mentions, frm) in enumerate(specs):
        ev = {}
        for slot in SLOTS:
            src = frm.get(slot)
            if src is None:
                for i in mentions:  # no mention fills a slot the event leaves empty
                    _require(not filled(tuples[i][slot]), doc_id, n, slot, i)
                for key in FOLLOW[slot]:
                    if not key.endswith(("_start", "_end", "_text")):
                        ev[key] = None
                continue
            _require(src in mentions, doc_id, n, slot)
            _require(filled(tuples[src][slot]), doc_id, n, slot, src)
            for key in FOLLOW[slot]:
                if key in tuples[src]:
                    ev[key] = copy.deepcopy(tuples[src][key])
                elif not key.endswith(("_start", "_end")):
                    ev[key] = None
        ev = {k: ev[k] for k in EVENT_ORDER if k in ev}
        ev["mentions"] = list(mentions)
        ev["from"] = {s: frm[s] for s in SLOTS if s in frm}
        ev["main"] = n == 0
        events.append(ev)
    return events


def _main_event(doc_id: str, main: dict) -> dict:
    m = MAIN[doc_id]
    out = {}
    for slot in SLOTS:
        out[slot] = m[slot]
        first = first_text(m[slot])
        if slot == "action":
            _require(m["action"][0] == first_text(main["action"]), doc_id, "main action")
            continue
        if first is not None:
            _require(first == first_text(main[slot]), doc_id, slot, first, main[slot])
            out[f"{slot}_start"], out[f"{slot}_end"] = main[f"{slot}_start"], main[f"{slot}_end"]
    out["quantity_value"] = m["quantity_value"]
    out["date_value"] = m["date_value"]
    return out


def apply(v1_docs: list[dict], articles: dict[str, str]) -> list[dict]:
    """Version-2 document lines from version-1 lines ({"doc_id", "published", "tuples"}) and
    the article texts by doc_id. The input is not modified."""
    docs = {d["doc_id"]: copy.deepcopy(d) for d in v1_docs}
    _edit_actors(docs)
    _add_agentless(docs)
    out = []
    for d in v1_docs:
        doc_id = d["doc_id"]
        doc = docs[doc_id]
        _add_offsets(doc_id, doc, articles[doc_id])
        events = _events(doc_id, doc["tuples"])
        out.append({"doc_id": doc_id, "published": doc["published"], "tuples": doc["tuples"],
                    "events": events, "main_event": _main_event(doc_id, events[0])})
    return out
