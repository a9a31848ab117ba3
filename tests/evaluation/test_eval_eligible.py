"""The eligible-events measure (issue 12): invented records whose eligible events and
recalls are known by hand."""

import json

import pytest

from evaluation.__main__ import main
from evaluation.eligible import (
    CATEGORIES,
    ELIGIBLE_FILE,
    REASONS,
    SENTENCE_METHODS,
    classify_event,
    eligibility_config,
    excluded_category,
    phrase_fillers,
    score_eligible,
    sentence_spans,
)
from evaluation.io import read_predictions
from evaluation.outside import detect_kind, load_outside, score_span_data



def span(text, phrase, role="arg", nth=0):
    """A gold span object for the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return {"text": phrase, "start": start, "end": start + len(phrase), "role": role}


def event(text, trigger, event_type, *, other=(), **slots):
    """A gold event; slot values are a phrase or (phrase, role); ``other`` lists (phrase, role)."""
    t = {"action": span(text, trigger, "trigger"), "event_type": event_type}
    for name in ("actor", "quantity", "location", "date"):
        value = slots.get(name)
        t[name] = span(text, *value) if isinstance(value, tuple) else (span(text, value) if value else None)
    t["other_args"] = [span(text, phrase, role) for phrase, role in other]
    return t


def pred_tuple(text, trigger, **slots):
    start = text.index(trigger)
    t = {"action": trigger, "action_text": trigger, "action_start": start, "action_end": start + len(trigger)}
    for name in ("actor", "quantity", "location", "date"):
        t[name] = slots.get(name)
    return t


def sentences_of(text, method, kind="wikievents"):
    return [text[a:b].strip() for a, b in sentence_spans(text, method, eligibility_config(kind)["abbreviations"])]


# --- sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a standalone "." ends a sentence; "U.S." (one token) does not
        ("U.S. troops arrived . They left .", ["U.S. troops arrived .", "They left ."]),
        # closing quotes stay with their sentence; a lower-case next token continues it
        ("He asked : “ Why ? ” the officer said . Troops left .", ["He asked : “ Why ? ” the officer said .", "Troops left ."]),
        ("“ Go ! ” He left .", ["“ Go ! ”", "He left ."]),
        ("No final stop", ["No final stop"]),
    ],
)
def test_sentences_of_tokenized_text(text, expected):
    assert sentences_of(text, "tokens") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Troops led by Gen. Petrov entered Kherson. The U.S. Army left at 5 p.m. on Monday. Mr. J. Smith said so!",
            ["Troops led by Gen. Petrov entered Kherson.", "The U.S. Army left at 5 p.m. on Monday.", "Mr. J. Smith said so!"],
        ),
        ('He said "Go." Then he left.', ['He said "Go."', "Then he left."]),
        # runs of spaces and line breaks are paragraph breaks (a headline without a stop)
        ("Blast hits Kabul    Police said it was a bomb.\nTen died.", ["Blast hits Kabul", "Police said it was a bomb.", "Ten died."]),
        ("Mortars hit 3 sites. 12 people died... Nobody knows why.", ["Mortars hit 3 sites.", "12 people died...", "Nobody knows why."]),
    ],
)
def test_sentences_of_plain_text(text, expected):
    assert sentences_of(text, "punctuation") == expected


def test_a_record_is_one_sentence_and_spans_cover_the_text():
    text = "Troops arrived. They left."
    assert sentence_spans(text, "record") == [(0, len(text))]
    spans = sentence_spans(text, "punctuation")
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    with pytest.raises(ValueError):
        sentence_spans(text, "spacy")


# --- the eligibility file ------------------------------------------------------------------


def test_eligibility_file_is_well_formed():
    data = json.loads(ELIGIBLE_FILE.read_text(encoding="utf-8"))
    assert "_source" in data
    assert set(data["datasets"]) == {"rams", "geneva", "wikievents"}
    for kind, entry in data["datasets"].items():
        assert entry["sentences"] in SENTENCE_METHODS, kind
        assert set(entry["exclude"]) == set(CATEGORIES), kind
        names = [n for c in CATEGORIES for n in entry["exclude"][c]]
        assert len(names) == len(set(names)), f"{kind}: a type listed twice"


@pytest.mark.parametrize(
    ("kind", "event_type", "category"),
    [
        ("rams", "contact.requestadvise.broadcast", "reporting"),
        ("rams", "contact.discussion.meet", None),  # a meeting is an event
        ("rams", "contact.requestadviser.meet", None),  # prefixes end at a dot
        ("rams", "conflict.attack.n/a", None),
        ("geneva", "Statement", "reporting"),
        ("geneva", "Know", "cognition"),
        ("geneva", "Process_start", "aspect"),
        ("geneva", "Arriving", None),
        ("wikievents", "Contact.Contact.Broadcast", "reporting"),
        ("wikievents", "Contact.Contact.Meet", None),
        ("wikievents", "Cognitive.IdentifyCategorize.Unspecified", "cognition"),
        ("wikievents", "Life.Die.Unspecified", None),
    ],
)
def test_excluded_category(kind, event_type, category):
    assert excluded_category(event_type, eligibility_config(kind)) == category


def test_classify_event_maps_an_intransitive_subject_to_actor():
    text = "Troops arrived in Kursk on Monday ."
    ev = event(text, "arrived", "Arriving", other=[("Troops", "Theme")], location=("in Kursk", "Goal"), date=("on Monday", "Time"))
    verdict = classify_event(ev, text, sentence_spans(text, "record"), eligibility_config("geneva"))
    assert verdict == {
        "eligible": True,
        "reason": None,
        "gold": {"actor": ["Troops"], "location": ["in Kursk"], "date": ["on Monday"]},
        "in_sentence": {"location": ["in Kursk"], "date": ["on Monday"]},
    }


# --- RAMS-like ----------------------------------------------------------------------------

R = {
    "r1": "Rebels shelled Aleppo on Monday . The army said it would respond .",
    "r2": "The minister urged calm in Kiev .",
    "r3": "Militants crossed the border . They later attacked a base in Idlib .",
    "r4": "Troops entered Mosul . Soldiers looted shops .",
    "r5": "Two villagers died in Homs .",
    "r6": "A bomb exploded in Kabul .",
    "r7": "Did Russia send 300 tanks to Kursk ?",
    "r8": "Protesters marched in Minsk on Sunday .",
}
RAMS_EVENTS = {
    # eligible: actor and place in the trigger's sentence
    "r1": event(R["r1"], "shelled", "conflict.attack.n/a", actor="Rebels", location="Aleppo"),
    # a reporting type
    "r2": event(R["r2"], "urged", "contact.requestadvise.broadcast", actor="The minister", location="Kiev"),
    # the actor stands in the sentence before the trigger's
    "r3": event(R["r3"], "attacked", "conflict.attack.n/a", actor="Militants", location="Idlib"),
    # the place stands in the sentence before the trigger's
    "r4": event(R["r4"], "looted", "conflict.attack.stealrobhijack", actor="Soldiers", location="Mosul"),
    # "died": the victim of a non-violent death is its subject, so its actor
    "r5": event(R["r5"], "died", "life.die.nonviolentdeath", other=[("Two villagers", "victim")], location="Homs"),
    # agentless: no actor
    "r6": event(R["r6"], "exploded", "conflict.attack.bombing", other=[("A bomb", "instrument")], location="Kabul"),
    # a question
    "r7": event(R["r7"], "send", "movement.transportartifact.sendsupplyexport", actor="Russia", quantity="300 tanks", location="Kursk"),
    # eligible, not found
    "r8": event(R["r8"], "marched", "conflict.demonstrate.marchprotestpoliticalgathering", actor="Protesters", location="Minsk"),
}
RAMS = [{"id": k, "text": R[k], "tuples": [e], "meta": {"source": "RAMS 1.0"}} for k, e in RAMS_EVENTS.items()]
RAMS_PRED = [
    {"doc_id": "r1", "tuples": [pred_tuple(R["r1"], "shelled", actor="rebels", location="Aleppo", date="Monday")]},
    {"doc_id": "r2", "tuples": [pred_tuple(R["r2"], "urged", actor="minister")]},
    {"doc_id": "r5", "tuples": [pred_tuple(R["r5"], "died", actor="villagers")]},  # no location
    {"doc_id": "r6", "tuples": [pred_tuple(R["r6"], "exploded", location="Kabul")]},
    {"doc_id": "r8", "tuples": [pred_tuple(R["r8"], "Sunday", actor="Protesters")]},  # misses the trigger
]


@pytest.fixture
def rams_report(write_jsonl):
    data = load_outside(write_jsonl("rams.jsonl", RAMS), kind="rams")
    return score_span_data(data, read_predictions(write_jsonl("p.jsonl", RAMS_PRED)))


def test_rams_eligible_events(rams_report):
    e = rams_report["eligible"]
    assert (e["n"], e["events"], e["sentences"]) == (3, 8, "tokens")  # r1, r5, r8
    assert e["not_eligible"] == {
        "reporting": 1,
        "cognition": 0,
        "aspect": 0,
        "question": 1,
        "no_actor": 1,
        "actor_outside_sentence": 1,
        "no_place_date_quantity": 0,
        "place_date_quantity_outside_sentence": 1,
    }
    assert list(e["not_eligible"]) == list(REASONS)
    assert e["excluded_types"]["reporting"] == {"contact.requestadvise.broadcast": 1}
    assert e["trigger"] == {"found": 2, "n": 3, "recall": pytest.approx(2 / 3)}  # r1, r5
    slots = e["slots"]
    assert (slots["actor"]["recalled"], slots["actor"]["n"], slots["actor"]["n_found"]) == (2, 3, 2)
    assert slots["actor"]["recall_given_trigger"] == 1.0
    assert (slots["location"]["recalled"], slots["location"]["n"]) == (1, 3)  # r5's tuple has none
    assert slots["date"]["n"] == 0 and slots["date"]["recall"] is None  # a predicted date not in gold is no hit
    assert slots["quantity"]["n"] == 0


def test_rams_without_the_actor_condition(rams_report):
    # r1, r3 (actor elsewhere), r5, r6 (agentless), r8; not r4 (place elsewhere), r2, r7
    a = rams_report["eligible"]["any_actor"]
    assert a["n"] == 5
    assert (a["trigger"]["found"], a["trigger"]["n"]) == (3, 5)  # r1, r5, r6
    assert (a["slots"]["location"]["recalled"], a["slots"]["location"]["n"]) == (2, 5)  # r1, r6
    assert "actor" not in a["slots"]


def test_eligible_figures_leave_the_main_figures_unchanged(rams_report):
    assert rams_report["trigger"] == {"found": 4, "n": 8, "recall": 0.5}  # r1, r2, r5, r6
    assert "precision" not in rams_report["trigger"]  # RAMS leaves events unannotated


# --- GENEVA-like --------------------------------------------------------------------------

G = {
    "g1": "Troops arrived in Kursk on Monday .",
    "g2": "Russia helped Iran to build a reactor .",
    "g3": "The ministry said on Friday that talks failed .",
    "g4": "Fighting began in Donetsk in May .",
    "g5": "Officials learned of the plan in March .",
    "g6": "Did Jones arrive in Paris last year ?",
}
GENEVA_EVENTS = {
    "g1": [event(G["g1"], "arrived", "Arriving", other=[("Troops", "Theme")], location=("in Kursk", "Goal"), date=("on Monday", "Time"))],
    # the Goal of Assistance is the aim, not a place
    "g2": [event(G["g2"], "helped", "Assistance", actor=("Russia", "Helper"), location=("to build a reactor", "Goal"))],
    "g3": [event(G["g3"], "said", "Statement", actor=("The ministry", "Speaker"), date=("on Friday", "Time"))],
    "g4": [
        event(G["g4"], "began", "Process_start", actor=("Fighting", "Event"), location=("in Donetsk", "Place"), date=("in May", "Time")),
        event(G["g4"], "Fighting", "Hostile_encounter", location=("in Donetsk", "Place"), date=("in May", "Time")),
    ],
    "g5": [event(G["g5"], "learned", "Know", actor=("Officials", "Cognizer"), date=("in March", "Time"))],
    "g6": [event(G["g6"], "arrive", "Arriving", other=[("Jones", "Theme")], location=("in Paris", "Goal"), date=("last year", "Time"))],
}
GENEVA = [{"id": k, "text": G[k], "tuples": v, "meta": {"source": "GENEVA (FrameNet 1.7 full text)"}} for k, v in GENEVA_EVENTS.items()]
GENEVA_PRED = [
    {"doc_id": "g1", "tuples": [pred_tuple(G["g1"], "arrived", actor="troops", location="Kursk", date="Monday")]},
    {"doc_id": "g2", "tuples": [pred_tuple(G["g2"], "helped", actor="Russia")]},
    {"doc_id": "g4", "tuples": [pred_tuple(G["g4"], "Fighting", location="Donetsk", date="May")]},
]


def test_geneva_eligible_events(write_jsonl):
    data = load_outside(write_jsonl("geneva.jsonl", GENEVA), kind="geneva")
    e = score_span_data(data, read_predictions(write_jsonl("p.jsonl", GENEVA_PRED)))["eligible"]
    assert (e["n"], e["events"], e["sentences"]) == (1, 7, "record")  # g1 only
    n = e["not_eligible"]
    assert (n["reporting"], n["cognition"], n["aspect"], n["question"]) == (1, 1, 1, 1)
    assert (n["no_actor"], n["no_place_date_quantity"]) == (1, 1)  # g4's Fighting; g2's Goal
    assert e["trigger"]["recall"] == 1.0
    assert {s: (c["recalled"], c["n"]) for s, c in e["slots"].items()} == {
        "actor": (1, 1),
        "location": (1, 1),
        "date": (1, 1),
        "quantity": (0, 0),
    }
    # agentless Fighting in Donetsk counts once the actor condition is dropped
    a = e["any_actor"]
    assert (a["n"], a["trigger"]["found"]) == (2, 2)
    assert (a["slots"]["date"]["recalled"], a["slots"]["date"]["n"]) == (2, 2)


# --- WikiEvents-like -----------------------------------------------------------------------

W1 = "Gunmen attacked a checkpoint in Kandahar. Mr. Smith said two officers died. Police arrested three men in Quetta."
W2 = "Troops led by Gen. Petrov entered Kherson on Monday."
WIKI = [
    {"id": "w1", "text": W1, "tuples": [
        event(W1, "attacked", "Conflict.Attack.Unspecified", actor=("Gunmen", "Attacker"), location=("Kandahar", "Place")),
        event(W1, "said", "Contact.Contact.Broadcast", actor=("Smith", "Communicator")),
        event(W1, "died", "Life.Die.Unspecified", other=[("officers", "Victim")]),
        event(W1, "arrested", "Justice.ArrestJailDetain.Unspecified", actor=("Police", "Jailer"), location=("Quetta", "Place")),
    ], "meta": {"source": "WikiEvents"}},
    # eligible only if "Gen." does not end the sentence
    {"id": "w2", "text": W2, "tuples": [
        event(W2, "entered", "Movement.Transportation.Unspecified", actor=("Troops", "Transporter"), location=("Kherson", "Destination")),
    ], "meta": {"source": "WikiEvents"}},
]
WIKI_PRED = [
    {"doc_id": "w1", "tuples": [
        pred_tuple(W1, "attacked", actor="gunmen", location="Kandahar"),
        pred_tuple(W1, "said", actor="Mr. Smith"),
        pred_tuple(W1, "checkpoint", actor="gunmen"),  # overlaps no trigger
    ]},
    {"doc_id": "w2", "tuples": [pred_tuple(W2, "entered", actor="Troops")]},
]


def test_wikievents_kind_and_scores(write_jsonl):
    data = load_outside(write_jsonl("wiki.jsonl", WIKI), kind="wikievents")
    assert detect_kind(data) == "wikievents"
    report = score_span_data(data, read_predictions(write_jsonl("p.jsonl", WIKI_PRED)))
    assert report["kind"] == "wikievents"
    # every event is annotated, so unpaired predicted tuples lower trigger precision
    assert report["trigger"] == {"found": 3, "n": 5, "recall": 0.6, "predicted": 4, "precision": 0.75}
    e = report["eligible"]
    assert (e["n"], e["sentences"]) == (3, "punctuation")  # attacked, arrested, entered
    assert e["trigger"] == {"found": 2, "n": 3, "recall": pytest.approx(2 / 3)}
    assert (e["slots"]["actor"]["recalled"], e["slots"]["location"]["recalled"]) == (2, 1)
    assert (e["not_eligible"]["reporting"], e["not_eligible"]["no_actor"]) == (1, 1)


def test_wikievents_command_prints_and_writes_json(write_jsonl, tmp_path, capsys):
    data = write_jsonl("wiki.jsonl", WIKI)
    pred = write_jsonl("p.jsonl", WIKI_PRED)
    out = tmp_path / "r.json"
    assert main(["wikievents", "--data", str(data), "--pred", str(pred), "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "trigger recall:  60.0% (3/5)" in text
    assert "trigger precision:  75.0% (3/4" in text
    assert "eligible events" in text and ": 3 of 5" in text
    assert "eligible trigger recall:  66.7% (2/3)" in text
    report = json.loads(out.read_text())
    assert report["eligible"]["slots"]["actor"]["recall"] == pytest.approx(2 / 3)


def test_eligible_measure_in_the_rams_text_report(write_jsonl, capsys):
    data = write_jsonl("rams.jsonl", RAMS)
    pred = write_jsonl("p.jsonl", RAMS_PRED)
    assert main(["rams", "--data", str(data), "--pred", str(pred)]) == 0
    text = capsys.readouterr().out
    assert "trigger recall:  50.0% (4/8)" in text
    assert "eligible trigger recall:  66.7% (2/3)" in text
    assert "question 1" in text and "actor outside the sentence 1" in text
    assert "trigger precision" not in text


@pytest.mark.parametrize(
    ("name", "kind"), [("rams-dev.jsonl", "rams"), ("geneva-val.jsonl", "geneva"), ("wikievents-dev.jsonl", "wikievents")]
)
def test_real_files_have_eligible_events(name, kind, shared):
    path = shared / "evaldata" / name
    data = load_outside(path, kind=kind)
    assert detect_kind(data) == kind
    e = score_eligible(data, {}, kind=kind)
    assert 0 < e["n"] < e["events"]
    assert e["trigger"]["found"] == 0


# --- phrase fillers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filler", "expected"),
    [
        ("Kursk", True),
        ("the front pages", True),
        ("Wednesday morning", True),
        ("1986", True),
        ("three", True),
        ("out", False),
        ("back", False),
        ("itself", False),
        ("then", False),
        ("from", False),
        ("when needed", False),
    ],
)
def test_phrase_fillers_need_a_noun_or_number(filler, expected):
    assert phrase_fillers([filler])[filler] is expected


P1 = "We tore away his collar ."
P2 = "Troops moved to Kursk on Monday ."
P3 = "Rebels ran out ."
PHRASE_DATA = [
    {"id": "p1", "text": P1, "tuples": [event(P1, "tore", "Removing", actor=("We", "Agent"), location=("away", "Source"))]},
    {"id": "p2", "text": P2, "tuples": [event(P2, "moved", "Motion", actor=("Troops", "Agent"), location=("Kursk", "Goal"), date=("Monday", "Time"))]},
    {"id": "p3", "text": P3, "tuples": [event(P3, "ran", "Self_motion", actor=("Rebels", "Self_mover"), location=("out", "Goal"))]},
]
PHRASE_PRED = {
    "p1": [pred_tuple(P1, "tore", actor="We")],
    "p2": [pred_tuple(P2, "moved", actor="Troops", location="Kursk")],
}


def test_phrase_filler_figures_leave_out_events_with_particle_fillers(write_jsonl):
    data = load_outside(write_jsonl("geneva.jsonl", PHRASE_DATA), kind="geneva")
    preds = read_predictions(write_jsonl("p.jsonl", [{"doc_id": k, "tuples": v} for k, v in PHRASE_PRED.items()]))
    seen = []

    def only_capitalised(texts):  # a stand-in tagger: the test does not depend on spaCy's tags
        texts = list(texts)
        seen.extend(texts)
        return {t: t[0].isupper() for t in texts}

    e = score_eligible(data, preds, kind="geneva", phrase_test=only_capitalised)
    assert (e["n"], e["trigger"]["found"]) == (3, 2)  # all three are eligible; p1 and p2 found
    f = e["phrase_fillers"]
    assert (f["n"], f["trigger"]["found"]) == (1, 1)  # only p2 ("Kursk", "Monday")
    assert {s: (c["recalled"], c["n"]) for s, c in f["slots"].items()} == {
        "actor": (1, 1), "location": (1, 1), "date": (0, 1), "quantity": (0, 0),
    }
    assert sorted(set(seen)) == ["Kursk", "Monday", "away", "out"]  # in-sentence fillers only


def test_phrase_filler_line_in_the_text_report(write_jsonl, capsys):
    main(["geneva", "--data", str(write_jsonl("geneva.jsonl", PHRASE_DATA)),
          "--pred", str(write_jsonl("p.jsonl", [{"doc_id": k, "tuples": v} for k, v in PHRASE_PRED.items()]))])
    out = capsys.readouterr().out
    assert "with a phrase filler" in out and "1 events, trigger recall 100.0% (1/1)" in out
