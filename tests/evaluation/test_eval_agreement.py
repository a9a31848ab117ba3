import json

from evaluation.agreement import agreement, main

FIRST = [
    {"doc_id": "d1", "tuples": [{"action": "send", "actor": ["Russia", "Moscow"], "location": "Kursk"}]},
    {"doc_id": "d2", "tuples": [{"action": "die", "quantity": "3 soldiers"}]},
    {"doc_id": "only-first", "tuples": [{"action": "die", "quantity": "9 soldiers"}]},
]


def lenient(report, direction):
    figures = report[direction]["lenient"]
    return figures["micro"]["f1"], figures["tuples"]["f1"]


def test_a_labelling_agrees_fully_with_itself(write_jsonl):
    path = write_jsonl("a.jsonl", FIRST)
    report = agreement(path, path)
    assert report["documents"] == ["d1", "d2", "only-first"]
    assert lenient(report, "second_against_first") == (1.0, 1.0)
    assert lenient(report, "first_against_second") == (1.0, 1.0)


def test_only_shared_documents_count_and_the_other_side_is_cut_to_its_first_alternative(write_jsonl):
    second = [
        # "Moscow" alone is one of the first's alternatives: agrees one way only,
        # because the first labelling read as a prediction is "Russia"
        {"doc_id": "d1", "tuples": [{"action": "send", "actor": "Moscow", "location": ["Lviv", "Kursk"]}]},
        {"doc_id": "d2", "tuples": [{"action": "die", "quantity": "3 soldiers"}]},
    ]
    report = agreement(write_jsonl("a.jsonl", FIRST), write_jsonl("b.jsonl", second))
    assert report["documents"] == ["d1", "d2"]
    assert report["tuples"] == {"first": 2, "second": 2}
    ab = report["second_against_first"]["lenient"]["micro"]
    ba = report["first_against_second"]["lenient"]["micro"]
    # second as prediction: send, Moscow TP; "Lviv" (its first alternative) FP, Kursk FN
    assert (ab["tp"], ab["fp"], ab["fn"]) == (4, 1, 1)
    # first as prediction: send TP; "Russia" FP + FN ("Moscow"); Kursk TP (an alternative)
    assert (ba["tp"], ba["fp"], ba["fn"]) == (4, 1, 1)
    assert report["second_against_first"]["lenient"]["tuples"]["tp"] == 1


def test_cli_prints_both_directions_and_writes_json(write_jsonl, tmp_path, capsys):
    path = write_jsonl("a.jsonl", FIRST)
    out = tmp_path / "agreement.json"
    assert main([str(path), str(path), "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "3 shared documents" in text and "second scored against first: lenient micro F1 1.00" in text
    assert json.loads(out.read_text())["documents"] == ["d1", "d2", "only-first"]


def test_cli_says_when_nothing_is_shared(write_jsonl, capsys):
    other = write_jsonl("b.jsonl", [{"doc_id": "elsewhere", "tuples": []}])
    assert main([str(write_jsonl("a.jsonl", FIRST)), str(other)]) == 2
    assert "share no document" in capsys.readouterr().err


def test_cli_gives_the_coded_error_of_a_malformed_file(write_jsonl, capsys):
    bad = write_jsonl("bad.jsonl", ["{not json"])
    assert main([str(bad), str(write_jsonl("a.jsonl", FIRST))]) == 2
    assert "E1" in capsys.readouterr().err
