"""Main-event and merge scoring (guide section 5): invented records with known figures."""

import json
from pathlib import Path

import pytest

from evaluation.__main__ import main
from evaluation.errors import EvaluationError
from evaluation.events import merge_links, score_main_events, score_merges
from evaluation.io import parse_document_line, read_gold, read_predictions
from evaluation.outside import detect_kind, evaluate_outside_files, giveme5w1h_main_event, load_outside
from evaluation.report import evaluate_files, format_report

EVALDATA = Path("/work/shared/evaldata")


# --- Giveme5W1H-form records ------------------------------------------------------------


def phrase(text, role, agreement, normalized=None, also=()):
    p = {"text": text, "start": 0, "end": len(text), "role": role, "agreement": agreement}
    if normalized:
        p["normalized"] = normalized
    if also:
        p["also"] = list(also)
    return p


def g5_record(rid, *, actor, location, date, action=None):
    t = {"actor": actor, "action": action or phrase("did something", "what", 3), "quantity": None,
         "location": location, "date": date}
    return {"id": rid, "text": f"text of {rid}", "tuples": [t],
            "meta": {"source": "Giveme5W1H gold_standard", "topic": "t"}}


G5 = [
    # A: who with a one-coder alternative; a majority date given with a normalized value.
    g5_record(
        "A",
        actor=phrase("Donald Trump", "who", 3, also=[phrase("President Obama", "who", 1)]),
        location=phrase("at the White House", "where", 3),
        date=phrase("Thursday", "when", 2, "2016-11-10"),
    ),
    # B: no where; the date only from single coders (no majority date).
    g5_record(
        "B",
        actor=phrase("Toblerone", "who", 3),
        location=None,
        date=phrase("November 8, 2016", "when", 1, "2016-11-08", also=[phrase("last week", "when", 1)]),
    ),
    # C: no prediction line.
    g5_record("C", actor=phrase("Cubs", "who", 3), location=phrase("Cleveland", "where", 2),
              date=phrase("Wednesday night", "when", 3, "2016-11-02")),
    # D: the prediction line has no "events" (fallback).
    g5_record("D", actor=phrase("Lady Gaga", "who", 3), location=phrase("Trump Tower", "where", 3),
              date=phrase("Wednesday", "when", 3, "2016-11-09")),
]

G5_PRED = [
    {
        "doc_id": "A",
        "tuples": [{"action": "meet", "actor": "Obama", "location": None, "date": None}],
        "events": [
            # Actor is the one-coder alternative; location by containment; date by value only.
            {"action": "meet", "actor": "President Obama", "location": "White House", "date": "Nov. 10",
             "date_value": "2016-11-10", "mentions": [0], "main": True},
            # A later event with the majority actor does not count.
            {"action": "talk", "actor": "Donald Trump", "location": None, "date": None, "mentions": []},
        ],
    },
    {
        "doc_id": "B",
        "tuples": [],
        "events": [{"action": "shrink", "actor": "Mondelez", "location": "UK", "date": "last week", "main": True}],
    },
    {
        "doc_id": "D",
        "tuples": [
            {"action": "protest", "actor": "Gaga", "location": None, "date": None},
            {"action": "stand", "actor": None, "location": "outside Trump Tower", "date": None},
        ],
    },
]


def share(hits, n):
    return {"hits": hits, "n": n, "accuracy": hits / n if n else None}


def test_giveme5w1h_gold_uses_alternatives_and_agreement():
    every = giveme5w1h_main_event(G5[1])
    assert every["actor"] == ["Toblerone"]
    assert every["location"] is None
    assert every["date"] == ["November 8, 2016", "last week"]
    assert every["date_value"] == ["2016-11-08"]
    majority = giveme5w1h_main_event(G5[1], min_agreement=2)
    assert majority["date"] is None and majority["date_value"] is None
    a = giveme5w1h_main_event(G5[0], min_agreement=2)
    assert a["actor"] == ["Donald Trump"]  # "President Obama" was marked by one coder only
    assert giveme5w1h_main_event({"id": "x", "text": "", "tuples": []}) is None


def test_giveme5w1h_kind_is_detected():
    assert detect_kind(G5) == "giveme5w1h"


def test_giveme5w1h_figures(write_jsonl):
    data = write_jsonl("g5.jsonl", G5)
    pred = write_jsonl("p.jsonl", G5_PRED)
    report = evaluate_outside_files(data, pred, kind="giveme5w1h")
    main_event = report["main_event"]
    # who: A hit (any coder's alternative); B, C, D miss. where: A hit; B not given. when: A (by
    # date_value) and B ("last week", a one-coder phrase) hit.
    assert main_event["slots"] == {"actor": share(1, 4), "location": share(1, 3), "date": share(2, 4)}
    assert main_event["lines"] == {"events": 2, "empty_events": 0, "no_events": 1, "no_prediction": 1}
    # Fallback: A's tuple "Obama" is inside "President Obama"; D's tuples give who and where.
    assert main_event["any_tuple"] == {"actor": share(2, 4), "location": share(1, 3), "date": share(0, 4)}
    # Majority phrases only: A's "President Obama" no longer counts; B has no majority date.
    assert report["majority"]["slots"] == {"actor": share(0, 4), "location": share(1, 3), "date": share(1, 3)}
    a = report["articles"][0]
    assert a["doc_id"] == "A" and a["status"] == "events" and a["first_is_main"] is True
    assert a["slots"]["actor"]["hit"] is True and a["slots"]["actor"]["hit_majority"] is False
    assert a["slots"]["date"]["pred_date_value"] == "2016-11-10"
    d = report["articles"][3]
    assert d["status"] == "no_events"
    assert d["slots"]["location"]["any_tuple_index"] == 1
    assert report["articles"][1]["slots"]["location"] == {
        **report["articles"][1]["slots"]["location"], "given": False, "hit": None, "any_tuple": None
    }


def test_giveme5w1h_command(write_jsonl, tmp_path, capsys):
    data = write_jsonl("g5.jsonl", G5)
    pred = write_jsonl("p.jsonl", G5_PRED)
    out = tmp_path / "r.json"
    assert main(["giveme5w1h", "--data", str(data), "--pred", str(pred), "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "who (actor)" in text and " 25.0% (1/4)" in text
    assert '1 prediction line(s) have no "events"' in text
    assert "found by any tuple (fallback" in text
    assert "at least 2 of the 3 coders: who 0.0% (0/4), where 33.3% (1/3), when 33.3% (1/3)" in text
    assert json.loads(out.read_text())["main_event"]["slots"]["date"]["hits"] == 2


def test_real_giveme5w1h_file_loads():
    path = EVALDATA / "giveme5w1h-dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not present")
    rows = load_outside(path, kind="giveme5w1h")
    assert detect_kind(rows) == "giveme5w1h"
    golds = [giveme5w1h_main_event(r) for r in rows]
    assert len(golds) == 72 and all(g["actor"] for g in golds)


# --- gold files with main_event ----------------------------------------------------------


def gold_line(doc_id, tuples, main_event="absent", events=None):
    line = {"doc_id": doc_id, "tuples": tuples}
    if main_event != "absent":
        line["main_event"] = main_event
    if events is not None:
        line["events"] = events
    return line


SEED_GOLD = [
    gold_line(
        "s1",
        [{"action": "send", "actor": "North Korea", "location": "Russia", "date": "in October"}],
        main_event={"actor": ["North Korea", "Pyongyang"], "action": "send", "location": ["Russia", "Kursk"],
                    "date": ["now", None], "date_value": ["2024-10", None]},
    ),
    gold_line(
        "s2",
        [{"action": "deploy", "actor": "Kim", "location": "Kursk", "date": None}],
        main_event={"actor": "Kim Jong Un", "action": "deploy", "location": "Kursk", "date": None},
    ),
    gold_line("s3", [{"action": "sign", "actor": "Putin", "location": None, "date": "June"}], main_event=None),
]

SEED_PRED = [
    # s1: actor by alternative, location by containment, date null where gold accepts null.
    # Its second tuple leaves the date empty: not "found" (the fallback needs a stated slot).
    {"doc_id": "s1", "tuples": [*SEED_GOLD[0]["tuples"], {"action": "train", "actor": None, "date": None}],
     "events": [{"action": "send", "actor": "Pyongyang", "location": "Kursk region", "date": None, "main": False}]},
    # s2: no events; its tuple's actor "Kim" is contained in "Kim Jong Un" (fallback hit).
    {"doc_id": "s2", "tuples": SEED_GOLD[1]["tuples"]},
    {"doc_id": "s3", "tuples": [], "events": []},
]


def test_seed_main_event_block(write_jsonl):
    report = evaluate_files(write_jsonl("g.jsonl", SEED_GOLD), write_jsonl("p.jsonl", SEED_PRED))
    m = report["main_event"]
    assert m["documents"] == 2 and m["no_gold_main_event"] == ["s3"]
    assert m["slots"] == {"actor": share(1, 2), "location": share(1, 2), "date": share(1, 1)}
    # Fallback: s1's first tuple gives actor and location ("in October" is no gold alternative,
    # and an empty date is not found even where gold accepts null); s2's gives "Kim" and "Kursk".
    assert m["any_tuple"] == {"actor": share(2, 2), "location": share(2, 2), "date": share(0, 1)}
    assert m["lines"]["no_events"] == 1 and m["lines"]["events"] == 1
    assert m["first_not_main"] == ["s1"]
    text = format_report(report, errors=False)
    assert "Main event (guide section 5" in text and "with main_event null left out" in text
    assert 'events[0] lacks "main": true in 1 line(s)' in text


def test_seed_date_value_rescues_a_stated_date(write_jsonl):
    gold = [gold_line("s1", [], main_event={"actor": None, "location": None, "date": "last month",
                                           "date_value": "2024-10"})]
    event = {"action": "x", "date": "in October", "date_value": "2024-10-05"}
    pred = [{"doc_id": "s1", "tuples": [], "events": [event]}]
    m = evaluate_files(write_jsonl("g.jsonl", gold), write_jsonl("p.jsonl", pred))["main_event"]
    assert m["slots"]["date"] == share(1, 1)  # lenient: the gold month contains the predicted day
    assert m["slots"]["actor"] == share(0, 0)


def test_no_main_event_block_without_main_event_in_gold(write_jsonl):
    gold = [gold_line("s1", [{"action": "send", "actor": "A"}])]
    report = evaluate_files(write_jsonl("g.jsonl", gold), write_jsonl("p.jsonl", gold))
    assert "main_event" not in report and "merges" not in report
    text = format_report(report, errors=False)
    assert "Main event" not in text and "Merges" not in text


# --- merges ------------------------------------------------------------------------------

MERGE_GOLD_TUPLES = [
    {"action": "send", "actor": "A"},  # g0
    {"action": "deploy", "actor": "A"},  # g1
    {"action": "arrive", "actor": "A"},  # g2
    {"action": "sign", "actor": "B"},  # g3
    {"action": "vote", "actor": "C"},  # g4 (no prediction pairs with it)
]
MERGE_GOLD = gold_line(
    "m1",
    MERGE_GOLD_TUPLES,
    events=[{"action": "send", "mentions": [0, 1, 2], "main": True}, {"action": "sign", "mentions": [3, 4]}],
)
MERGE_PRED = {
    "doc_id": "m1",
    "tuples": [
        {"action": "sign", "actor": "B"},  # p0 -> g3
        {"action": "send troops", "actor": "A"},  # p1 -> g0 (lenient only: strict actions differ)
        {"action": "deploy", "actor": "A"},  # p2 -> g1
        {"action": "arrive", "actor": "A"},  # p3 -> g2
        {"action": "fly", "actor": "D"},  # p4, unpaired
    ],
    "events": [{"action": "send", "mentions": [1, 2], "main": True}, {"action": "sign", "mentions": [3, 0, 4]}],
}


def test_merge_links():
    assert merge_links(MERGE_PRED["events"]) == {(1, 2), (0, 3), (0, 4), (3, 4)}
    assert merge_links([{"mentions": [2, 2]}, {}]) == set()


def test_merge_pairwise_precision_recall(write_jsonl):
    other_gold = gold_line("m2", [{"action": "meet", "actor": "E"}], events=[{"action": "meet", "mentions": [0]}])
    no_events = gold_line("m3", [{"action": "meet", "actor": "F"}])
    gold = read_gold(write_jsonl("g.jsonl", [MERGE_GOLD, other_gold, no_events]))
    pred = read_predictions(
        write_jsonl("p.jsonl", [MERGE_PRED, {"doc_id": "m2", "tuples": other_gold["tuples"]}])
    )
    merges = score_merges(gold, pred)
    assert merges["documents"] == 1 and merges["gold_documents_with_events"] == 2
    assert merges["without_predicted_events"] == ["m2"]
    lenient = merges["lenient"]
    # Gold links (0,1) (0,2) (1,2) (3,4); predicted (1,2)->(0,1) right, (0,3)->(2,3) wrong,
    # (0,4) and (3,4) touch the unpaired p4; gold (3,4) touches the unpaired g4.
    assert (lenient["correct"], lenient["pred_links_paired"], lenient["gold_links_paired"]) == (1, 2, 3)
    assert (lenient["pred_links"], lenient["gold_links"]) == (4, 4)
    assert lenient["precision"] == pytest.approx(1 / 2)
    assert lenient["recall"] == pytest.approx(1 / 3)
    assert lenient["precision_all"] == pytest.approx(1 / 4)
    assert lenient["recall_all"] == pytest.approx(1 / 4)
    # Strict pairing leaves p1 ("send troops") unpaired: the only paired link is the wrong one.
    strict = merges["strict"]
    assert (strict["correct"], strict["pred_links_paired"], strict["gold_links_paired"]) == (0, 1, 1)
    assert strict["precision"] == 0.0 and strict["recall"] == 0.0
    assert merges["per_document"][0]["doc_id"] == "m1"


def test_merge_block_in_seed_report(write_jsonl):
    report = evaluate_files(write_jsonl("g.jsonl", [MERGE_GOLD]), write_jsonl("p.jsonl", [MERGE_PRED]))
    assert report["merges"]["lenient"]["recall"] == pytest.approx(1 / 3)
    text = format_report(report, errors=False)
    assert "lenient  P 0.50 (1/2)  R 0.33 (1/3)" in text
    assert "counting links of unpaired mentions: P 0.25 (1/4)  R 0.25 (1/4)" in text


def test_gold_against_itself_scores_one(write_jsonl):
    path = write_jsonl("g.jsonl", [MERGE_GOLD, *SEED_GOLD[:2]])
    report = evaluate_files(path, path)
    assert report["merges"]["strict"]["precision"] == 1.0 and report["merges"]["strict"]["recall"] == 1.0
    assert score_main_events(read_gold(path), read_predictions(path)) is not None
    assert report["main_event"]["lines"]["no_events"] == 2  # SEED_GOLD lines carry no events


# --- reading -----------------------------------------------------------------------------


def test_document_reads_events_and_main_event():
    doc = parse_document_line(json.dumps(MERGE_PRED), gold=False)
    assert [e["mentions"] for e in doc.events] == [[1, 2], [3, 0, 4]]
    assert doc.main_event is None and not doc.has_main_event
    plain = parse_document_line('{"doc_id": "x", "tuples": []}', gold=False)
    assert plain.events is None
    listed = parse_document_line(
        '{"doc_id": "x", "tuples": [], "events": [{"actor": ["A", "B"]}], "main_event": null}', gold=False
    )
    assert listed.events[0]["actor"] == "A" and listed.has_main_event  # predictions: first alternative


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('{"doc_id": "x", "tuples": [], "events": {}}', "E113"),
        ('{"doc_id": "x", "tuples": [], "events": [3]}', "E113"),
        ('{"doc_id": "x", "tuples": [{"action": "a"}], "events": [{"mentions": [1]}]}', "E114"),
        ('{"doc_id": "x", "tuples": [{"action": "a"}], "events": [{"mentions": [true]}]}', "E114"),
        ('{"doc_id": "x", "tuples": [], "main_event": "Russia"}', "E115"),
        ('{"doc_id": "x", "tuples": [], "main_event": {"date_value": "last June"}}', "E110"),
        ('{"doc_id": "x", "tuples": [], "events": [{"actor": 3}]}', "E108"),
    ],
)
def test_bad_events_are_coded_errors(line, code):
    with pytest.raises(EvaluationError) as info:
        parse_document_line(line, gold=True)
    assert info.value.code == code
