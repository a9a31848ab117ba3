import json

import pytest

from evaluation.inputs import records


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_dates_from_the_record_or_its_meta(tmp_path):
    data = _write(tmp_path / "d.jsonl", [
        {"id": "a", "text": "A.", "meta": {"date_publish": "2031-05-06 00:00:00"}},
        {"doc_id": "b", "text": "B.", "published": "2031-01-02"},
        {"id": "c", "text": "C."},
        {"id": "d", "text": "D.", "meta": {"date_publish": "None"}},
    ])
    assert [(r["doc_id"], r["published"]) for r in records(data)] == [
        ("a", "2031-05-06"), ("b", "2031-01-02"), ("c", None), ("d", None)
    ]


def test_gold_picks_documents_and_dates(tmp_path):
    data = _write(tmp_path / "d.jsonl", [{"id": "a", "text": "A.", "meta": {"date_publish": "2031-05-06"}}, {"id": "b", "text": "B."}])
    gold = _write(tmp_path / "g.jsonl", [{"doc_id": "b", "published": "2031-07-08", "tuples": []}])
    assert list(records(data, gold)) == [{"doc_id": "b", "text": "B.", "published": "2031-07-08"}]


def test_several_data_files_read_as_one(tmp_path):
    one = _write(tmp_path / "one.jsonl", [{"id": "a", "text": "A."}])
    two = _write(tmp_path / "two.jsonl", [{"id": "b", "text": "B.", "published": "2031-01-02"}])
    gold = _write(tmp_path / "g.jsonl", [{"doc_id": "b", "tuples": []}, {"doc_id": "a", "tuples": []}])
    assert [(r["doc_id"], r["published"]) for r in records([one, two], gold)] == [("b", "2031-01-02"), ("a", None)]


def test_gold_document_missing_from_the_data_names_it(tmp_path):
    data = _write(tmp_path / "d.jsonl", [{"id": "a", "text": "A."}])
    gold = _write(tmp_path / "g.jsonl", [{"doc_id": "zz", "tuples": []}])
    with pytest.raises(KeyError, match="zz"):
        list(records(data, gold))
