from pathlib import Path

import pytest

from evaluation.io import Document
from evaluation.report import evaluate_files
from evaluation.scorer import PRF, Accuracy, evaluate, pair_tuples, score_document

PROJECT = Path(__file__).resolve().parents[2]

GOLD_DOCS = [
    {
        "doc_id": "d1",
        "published": "2025-06-19",
        "tuples": [
            {
                "actor": ["North Korea", "Pyongyang"],
                "action": "dispatch",
                "quantity": "11,000 troops",
                "quantity_value": 11000,
                "quantity_unit": "troops",
                "location": ["Kursk", None],
                "date": "last October",
                "date_value": "2024-10",
                "modality": "asserted",
                "source": "NIS",
                "actor_country": "KP",
                "evidence": "After dispatching 11,000 troops last October",
            },
            {
                "actor": "Russia",
                "action": ["pay", "payment"],
                "quantity": "$1,200 to $2,400",
                "quantity_value": [1200, 2400],
                "quantity_unit": "USD",
                "location": None,
                "date": "since September 2023",
                "date_value": "2023-09/..",
                "modality": "reported",
            },
        ],
    },
    {"doc_id": "d2", "tuples": []},
    {
        "doc_id": "d3",
        "tuples": [
            {"actor": "Ukraine", "action": "show up", "quantity": None, "location": "Donetsk", "date": [None, "in June"]},
        ],
    },
]


def _docs(rows):
    return {r["doc_id"]: Document(r["doc_id"], tuple(r["tuples"])) for r in rows}


def _figures(report, mode):
    yield from report[mode]["slots"].values()
    yield report[mode]["micro"]
    yield report[mode]["tuples"]


@pytest.mark.parametrize(
    ("prf", "precision", "recall", "f1"),
    [
        (PRF(3, 1, 2), 0.75, 0.6, 2 / 3),
        (PRF(0, 0, 4), None, 0.0, 0.0),
        (PRF(0, 2, 0), 0.0, None, 0.0),
        (PRF(0, 0, 0), None, None, None),
        (PRF(5, 0, 0), 1.0, 1.0, 1.0),
    ],
)
def test_prf_ratios(prf, precision, recall, f1):
    for got, want in ((prf.precision, precision), (prf.recall, recall), (prf.f1, f1)):
        assert (got is None) if want is None else got == pytest.approx(want)


def test_prf_and_accuracy_add_up():
    assert PRF(1, 2, 3) + PRF(4, 5, 6) == PRF(5, 7, 9)
    total = sum([PRF(2, 0, 1), PRF(1, 1, 0)], PRF())
    assert (total.precision, total.recall) == (0.75, 0.75)
    assert Accuracy(1, 2) + Accuracy(2, 2) == Accuracy(3, 4)
    assert (Accuracy(1, 2) + Accuracy(2, 2)).accuracy == 0.75


def _assert_perfect(report):
    for mode in ("strict", "lenient"):
        for prf in _figures(report, mode):
            assert prf["fp"] == 0 and prf["fn"] == 0
            for ratio in ("precision", "recall", "f1"):
                assert prf[ratio] in (1.0, None)
        assert report[mode]["micro"]["f1"] == 1.0
        assert report[mode]["errors"] == []
        for acc in report[mode]["fields"].values():
            assert acc["accuracy"] in (1.0, None)


def test_gold_against_itself_is_perfect(write_jsonl):
    path = write_jsonl("gold.jsonl", GOLD_DOCS)
    report = evaluate_files(path, path)
    _assert_perfect(report)
    # 2 + 0 + 1 tuples; stated slots: d1 t1 5 (a list with null still states Kursk), t2 4,
    # d3 4 ([null, "in June"] read as a prediction is "in June")
    assert report["strict"]["tuples"]["tp"] == 3
    assert report["strict"]["micro"]["tp"] == 13
    assert report["strict"]["fields"]["quantity_value"] == {"correct": 2, "n": 2, "accuracy": 1.0}
    assert report["strict"]["fields"]["source"]["n"] == 1


@pytest.mark.skipif(not (PROJECT / "seeds" / "gold.jsonl").exists(), reason="no seeds/gold.jsonl yet")
def test_seed_gold_against_itself_is_perfect():
    path = PROJECT / "seeds" / "gold.jsonl"
    report = evaluate_files(path, path)
    _assert_perfect(report)
    assert report["strict"]["tuples"]["tp"] == sum(d["n_gold"] for d in report["per_document"])


def test_empty_predictions_give_recall_zero_and_name_documents(write_jsonl):
    gold = write_jsonl("gold.jsonl", GOLD_DOCS)
    pred = write_jsonl("pred.jsonl", [])
    report = evaluate_files(gold, pred)
    assert report["documents"]["missing_predictions"] == ["d1", "d2", "d3"]
    for mode in ("strict", "lenient"):
        micro = report[mode]["micro"]
        assert micro["recall"] == 0.0 and micro["tp"] == 0 and micro["fp"] == 0
        # gold slots that do not accept null: d1 t1 actor, action, quantity, date; t2 actor,
        # action, quantity, date; d3 actor, action, location
        assert micro["fn"] == 11
        assert report[mode]["tuples"] == {"tp": 0, "fp": 0, "fn": 3, "precision": None, "recall": 0.0, "f1": 0.0}


def test_optimal_pairing_beats_greedy():
    gold = [
        {"action": ["send", "dispatch"], "actor": "Russia", "location": "Kursk", "date": "May"},
        {"action": "send", "actor": "Russia", "location": None, "date": None},
    ]
    pred = [
        # best single pair: gold 0 with 3 true positives, but it leaves pred 1 unpaired
        {"action": "send", "actor": "Russia", "location": "Kursk", "date": None},
        {"action": "dispatch", "actor": None, "location": None, "date": "May"},
    ]
    assert sorted(pair_tuples(pred, gold, lenient=False)) == [(0, 1), (1, 0)]
    score = score_document("d", pred, gold, lenient=False)
    # pred0-gold1: action, actor TP; location FP.  pred1-gold0: action, date TP; actor, location FN.
    assert score.micro == PRF(4, 1, 2)  # greedy would give PRF(3, 2, 3)
    assert score.slots["location"] == PRF(0, 1, 1)
    assert score.tuples == PRF(0, 2, 2)


def test_unpaired_tuples_count_in_slot_figures():
    gold = [{"action": "send", "actor": "Russia", "quantity": "100 troops", "location": ["Kursk", None]}]
    pred = [{"action": "attack", "actor": "Russia", "location": "Kursk"}]  # actions differ: no pair
    score = score_document("d", pred, gold, lenient=True)
    assert score.pairs == 0
    assert score.slots["actor"] == PRF(0, 1, 1)
    assert score.slots["action"] == PRF(0, 1, 1)
    assert score.slots["quantity"] == PRF(0, 0, 1)
    assert score.slots["location"] == PRF(0, 1, 0)  # gold accepts null: no false negative
    assert score.tuples == PRF(0, 1, 1)
    assert [e["kind"] for e in score.errors] == ["fp", "fn"]


@pytest.mark.parametrize(
    ("pred_location", "location_prf", "exact"),
    [(None, PRF(0, 0, 0), True), ("Kursk", PRF(1, 0, 0), True), ("Donetsk", PRF(0, 1, 0), False)],
)
def test_null_in_gold_list(pred_location, location_prf, exact):
    gold = [{"action": "send", "actor": "Russia", "location": ["Kursk", None]}]
    pred = [{"action": "send", "actor": "Russia", "location": pred_location}]
    score = score_document("d", pred, gold, lenient=False)
    assert score.slots["location"] == location_prf
    assert score.tuples == (PRF(1, 0, 0) if exact else PRF(0, 1, 1))


def test_strict_and_lenient_differ_on_containment():
    gold = [{"action": "show up", "actor": "North Korean troops", "location": "Kursk"}]
    pred = [{"action": "show", "actor": "troops", "location": "the Kursk"}]
    strict = score_document("d", pred, gold, lenient=False)
    lenient = score_document("d", pred, gold, lenient=True)
    assert strict.pairs == 0 and strict.micro == PRF(0, 3, 3)
    assert lenient.pairs == 1 and lenient.micro == PRF(3, 0, 0)
    assert lenient.tuples == PRF(1, 0, 0)


def test_value_rules_in_slots_and_fields():
    gold = [
        {
            "action": "pay",
            "actor": "Russia",
            "quantity": "$1,200 to $2,400",
            "quantity_value": [1200, 2400],
            "date": "since September 2023",
            "date_value": "2023-09/..",
            "modality": "planned",
            "actor_country": "RU",
            "source": "NIS",
        }
    ]
    pred = [
        {
            "action": "pay",
            "actor": "Russia",
            "quantity": "about $1,500 a month",
            "quantity_value": 1500,
            "date": "in 2024",
            "date_value": "2024",
            "modality": "Planned",
            "actor_country": "ru",
            "source": "South Korea's NIS",
            "event_type": "pay",
        }
    ]
    strict = score_document("d", pred, gold, lenient=False)
    lenient = score_document("d", pred, gold, lenient=True)
    assert strict.slots["quantity"] == PRF(0, 1, 1) and strict.slots["date"] == PRF(0, 1, 1)
    assert lenient.slots["quantity"] == PRF(1, 0, 0) and lenient.slots["date"] == PRF(1, 0, 0)
    assert strict.fields["quantity_value"] == Accuracy(0, 1)
    assert lenient.fields["quantity_value"] == Accuracy(1, 1)
    assert lenient.fields["date_value"] == Accuracy(1, 1)
    assert strict.fields["modality"] == Accuracy(1, 1)
    assert strict.fields["actor_country"] == Accuracy(1, 1)
    assert strict.fields["source"] == Accuracy(1, 1)
    assert strict.fields["event_type"] == Accuracy(0, 0)  # gold does not give it
    assert strict.errors[0]["failed_slots"] == ["quantity", "date"]
    assert strict.errors[0]["failed_fields"] == ["quantity_value", "date_value"]


def test_missing_and_unknown_documents():
    gold = _docs([{"doc_id": "d1", "tuples": [{"action": "send", "actor": "Russia"}]}, {"doc_id": "d2", "tuples": [{"action": "die", "quantity": "3 soldiers"}]}])
    pred = _docs([{"doc_id": "d1", "tuples": [{"action": "send", "actor": "Russia"}]}, {"doc_id": "d9", "tuples": [{"action": "go", "actor": "X", "date": "May"}]}])
    result = evaluate(gold, pred)
    assert result.missing_predictions == ("d2",)
    assert result.unknown_documents == ("d9",)
    assert [d.doc_id for d in result.documents] == ["d1", "d2", "d9"]
    # d1: action, actor TP; d2: action, quantity FN; d9: action, actor, date FP
    assert result.strict.micro == PRF(2, 3, 2)
    assert result.strict.tuples == PRF(1, 1, 1)
    d2 = result.documents[1]
    assert (d2.in_gold, d2.in_pred, d2.strict.micro) == (True, False, PRF(0, 0, 2))
