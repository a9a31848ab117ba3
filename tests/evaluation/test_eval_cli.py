import json

import pytest

from evaluation.__main__ import main

GOLD = [{"doc_id": "d1", "tuples": [{"action": "send", "actor": "Russia"}]}]


def test_seeds_command_prints_and_writes_json(write_jsonl, tmp_path, capsys):
    gold = write_jsonl("g.jsonl", GOLD)
    out = tmp_path / "report.json"
    assert main(["seeds", "--gold", str(gold), "--pred", str(gold), "--json", str(out)]) == 0
    assert "micro" in capsys.readouterr().out
    assert json.loads(out.read_text())["strict"]["micro"]["f1"] == 1.0


@pytest.mark.parametrize(
    ("pred_lines", "code"),
    [(["{oops"], "E101"), (['{"doc_id": "d1", "tuples": [{"actor": "x"}]}'], "E106")],
)
def test_seeds_command_exits_2_on_bad_input(write_jsonl, capsys, pred_lines, code):
    gold = write_jsonl("g.jsonl", GOLD)
    pred = write_jsonl("p.jsonl", pred_lines)
    assert main(["seeds", "--gold", str(gold), "--pred", str(pred)]) == 2
    err = capsys.readouterr().err
    assert f"{pred}:1: {code}" in err


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["seeds", "--gold", str(tmp_path / "nope.jsonl"), "--pred", str(tmp_path / "nope.jsonl")]) == 2
    assert "E100" in capsys.readouterr().err


def test_texts_command_writes_doc_id_and_text(write_jsonl, tmp_path):
    data = write_jsonl(
        "d.jsonl",
        [
            {"id": "r1", "text": "Troops arrived .", "tuples": [], "meta": {"source": "RAMS 1.0"}},
            {"id": "r2", "text": "Talks ended .", "tuples": [], "meta": {"source": "RAMS 1.0"}},
        ],
    )
    out = tmp_path / "texts.jsonl"
    assert main(["texts", "--data", str(data), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows == [{"doc_id": "r1", "text": "Troops arrived ."}, {"doc_id": "r2", "text": "Talks ended ."}]


def test_outside_command_rejects_wrong_kind(write_jsonl, capsys):
    data = write_jsonl("d.jsonl", [{"id": "u1", "text": "x", "tuples": [{"action": {"value": "A - B"}}], "meta": {}}])
    pred = write_jsonl("p.jsonl", [])
    assert main(["rams", "--data", str(data), "--pred", str(pred)]) == 2
    assert "E211" in capsys.readouterr().err
