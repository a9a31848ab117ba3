import pytest

from evaluation.errors import EvaluationError
from evaluation.io import read_gold, read_predictions

GOOD = '{"doc_id": "d1", "tuples": [{"action": "send", "actor": "Russia"}]}'


@pytest.mark.parametrize(
    ("bad_line", "code"),
    [
        ("{not json", "E101"),
        ("[1, 2]", "E102"),
        ('{"tuples": []}', "E103"),
        ('{"doc_id": "", "tuples": []}', "E103"),
        ('{"doc_id": "d2"}', "E104"),
        ('{"doc_id": "d2", "tuples": {}}', "E104"),
        ('{"doc_id": "d2", "tuples": [1]}', "E105"),
        ('{"doc_id": "d2", "tuples": [{"actor": "Russia"}]}', "E106"),
        ('{"doc_id": "d2", "tuples": [{"action": null}]}', "E106"),
        ('{"doc_id": "d2", "tuples": [{"action": [null]}]}', "E106"),
        ('{"doc_id": "d1", "tuples": []}', "E107"),  # duplicate of line 1
        ('{"doc_id": "d2", "tuples": [{"action": "go", "actor": 5}]}', "E108"),
        ('{"doc_id": "d2", "tuples": [{"action": "go", "actor": ["a", 5]}]}', "E108"),
        ('{"doc_id": "d2", "tuples": [{"action": "go", "quantity_value": "many"}]}', "E109"),
        ('{"doc_id": "d2", "tuples": [{"action": "go", "quantity_value": [3, 1]}]}', "E109"),
        ('{"doc_id": "d2", "tuples": [{"action": "go", "date_value": "Oct 2024"}]}', "E110"),
        ('{"doc_id": "d2", "tuples": [{"action": "go", "actor": "a", "actor_start": "3"}]}', "E111"),
        ('{"doc_id": "d2", "published": 2024, "tuples": []}', "E112"),
    ],
)
def test_malformed_gold_line_names_file_and_line(write_jsonl, bad_line, code):
    # line 1 good, line 2 blank (skipped but counted), line 3 bad
    path = write_jsonl("gold.jsonl", [GOOD, "", bad_line])
    with pytest.raises(EvaluationError) as info:
        read_gold(path)
    assert info.value.code == code
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}:3: {code} ")


def test_missing_file_is_coded(tmp_path):
    with pytest.raises(EvaluationError) as info:
        read_gold(tmp_path / "absent.jsonl")
    assert info.value.code == "E100"
    assert "absent.jsonl" in str(info.value)


def test_gold_keeps_lists_and_order(write_jsonl):
    path = write_jsonl(
        "gold.jsonl",
        [
            {"doc_id": "b", "published": "2025-06-19", "tuples": [{"action": ["deploy", "deployment"], "location": ["Kursk", None]}]},
            {"doc_id": "a", "tuples": []},
        ],
    )
    docs = read_gold(path)
    assert list(docs) == ["b", "a"]
    assert docs["b"].published == "2025-06-19"
    assert docs["b"].line == 1 and docs["a"].line == 2
    assert docs["b"].tuples[0]["action"] == ["deploy", "deployment"]
    assert docs["b"].tuples[0]["location"] == ["Kursk", None]
    assert docs["a"].tuples == ()


@pytest.mark.parametrize(
    ("tuple_", "key", "expected"),
    [
        ({"action": ["deploy", "deployment"]}, "action", "deploy"),
        ({"action": "go", "location": [None, "Kursk"]}, "location", "Kursk"),
        ({"action": "go", "location": [None]}, "location", None),
        ({"action": "go", "quantity_value": [1200, 2400]}, "quantity_value", [1200, 2400]),  # a range stays
        ({"action": "go", "quantity_value": [[1000], 2000]}, "quantity_value", [1000]),
        ({"action": "go", "date_value": "not a date"}, "date_value", "not a date"),  # kept, not an error
    ],
)
def test_predictions_collapse_lists_and_keep_bad_values(write_jsonl, tuple_, key, expected):
    path = write_jsonl("pred.jsonl", [{"doc_id": "d", "tuples": [tuple_]}])
    assert read_predictions(path)["d"].tuples[0][key] == expected


def test_predictions_still_reject_structural_errors(write_jsonl):
    path = write_jsonl("pred.jsonl", [GOOD, GOOD])
    with pytest.raises(EvaluationError) as info:
        read_predictions(path)
    assert info.value.code == "E107" and info.value.line == 2
