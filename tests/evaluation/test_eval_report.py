import json

from evaluation.report import evaluate_files, format_report

GOLD = [
    {"doc_id": "d1", "tuples": [{"action": "send", "actor": "Russia", "location": "Kursk", "evidence": "Russia sent troops to Kursk."}]},
    {"doc_id": "d2", "tuples": [{"action": "die", "quantity": "3 soldiers"}]},
]
PRED = [{"doc_id": "d1", "tuples": [{"action": "send", "actor": "Russia", "location": "Lviv", "evidence": "Russia sent them to Lviv."}]}]


def test_report_is_json_and_lists_missing_documents(write_jsonl):
    report = evaluate_files(write_jsonl("g.jsonl", GOLD), write_jsonl("p.jsonl", PRED))
    assert json.loads(json.dumps(report)) == report
    assert report["documents"] == {"gold": 2, "predicted": 1, "missing_predictions": ["d2"], "unknown_documents": []}
    # d1: action, actor TP, location FP + FN; d2: action, quantity FN
    assert report["strict"]["micro"]["tp"] == 2
    assert report["strict"]["micro"]["fn"] == 3
    assert [d["doc_id"] for d in report["per_document"]] == ["d1", "d2"]
    assert report["per_document"][1]["strict"]["micro"]["recall"] == 0.0


def test_text_report_shows_tables_missing_documents_and_errors(write_jsonl):
    report = evaluate_files(write_jsonl("g.jsonl", GOLD), write_jsonl("p.jsonl", PRED))
    text = format_report(report)
    assert "No predictions for 1 document(s)" in text and "d2" in text
    for row in ("actor", "action", "quantity", "location", "date", "micro", "tuple", "quantity_value", "location_country"):
        assert any(line.startswith(row) for line in text.splitlines()), row
    assert "Errors (strict): 2" in text  # the d1 mismatch and the d2 false negative
    assert '"Lviv"' in text and '"Kursk"' in text
    assert "Russia sent them to Lviv." in text
    assert "Errors" not in format_report(report, errors=False)


def test_empty_predictions_text_says_recall_zero(write_jsonl):
    report = evaluate_files(write_jsonl("g.jsonl", GOLD), write_jsonl("p.jsonl", []))
    text = format_report(report, errors=False)
    micro = next(line for line in text.splitlines() if line.startswith("micro"))
    # precision undefined (-), recall 0.00, F1 0.00, 0 tp / 0 fp / 5 fn, in both modes
    assert micro.split() == ["micro", "-", "0.00", "0.00", "0/0/5", "|", "-", "0.00", "0.00", "0/0/5"]
    assert "d1, d2" in text
