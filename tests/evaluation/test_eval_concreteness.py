"""Trigger recall per concreteness verdict (evaluation.concreteness), on invented records."""

import json

import pytest

from evaluation.concreteness import VERDICTS, main, read_labels, score_concreteness
from evaluation.io import read_predictions
from evaluation.outside import load_outside

TEXT = "Rebels shelled Aleppo on Monday . The homicide rate fell ."


def _span(phrase):
    start = TEXT.index(phrase)
    return {"text": phrase, "start": start, "end": start + len(phrase)}


RECORDS = [{"id": "r1", "text": TEXT, "tuples": [
    {"action": _span("shelled"), "actor": _span("Rebels"), "location": _span("Aleppo"), "event_type": "conflict.attack"},
    {"action": _span("homicide"), "actor": None, "location": None, "event_type": "life.die"},
]}]
PRED = [{"doc_id": "r1", "tuples": [{"action": "shell", "action_text": "shelled", "action_start": 7, "action_end": 14}]}]


def _labels(tmp_path, rows):
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_recall_per_verdict(write_jsonl, tmp_path):
    labels = read_labels(_labels(tmp_path, [
        {"id": "r1", "k": 0, "start": 7, "verdict": "ask"},
        {"id": "r1", "k": 1, "start": TEXT.index("homicide"), "verdict": "generic"},
    ]))
    counts = score_concreteness(load_outside(write_jsonl("r.jsonl", RECORDS)), read_predictions(write_jsonl("p.jsonl", PRED)), labels)
    assert set(counts) == set(VERDICTS)
    assert (counts["ask"]["n"], counts["ask"]["found"], counts["ask"]["recall"]) == (1, 1, 1.0)
    assert (counts["generic"]["n"], counts["generic"]["found"], counts["generic"]["recall"]) == (1, 0, 0.0)
    assert counts["opinion"]["recall"] is None


def test_a_label_whose_start_is_not_the_trigger_is_refused(write_jsonl, tmp_path):
    labels = read_labels(_labels(tmp_path, [{"id": "r1", "k": 1, "start": 7, "verdict": "ask"}]))
    with pytest.raises(ValueError, match="not the event's trigger start"):
        score_concreteness(load_outside(write_jsonl("r.jsonl", RECORDS)), read_predictions(write_jsonl("p.jsonl", PRED)), labels)


def test_a_label_naming_no_event_is_refused(write_jsonl, tmp_path):
    labels = read_labels(_labels(tmp_path, [{"id": "r9", "k": 0, "start": 7, "verdict": "ask"}]))
    with pytest.raises(ValueError, match="name no event"):
        score_concreteness(load_outside(write_jsonl("r.jsonl", RECORDS)), read_predictions(write_jsonl("p.jsonl", PRED)), labels)


@pytest.mark.parametrize("rows", [
    [{"id": "r1", "k": 0, "start": 7, "verdict": "concrete"}],
    [{"id": "r1", "k": 0, "start": 7, "verdict": "ask"}, {"id": "r1", "k": 0, "start": 7, "verdict": "generic"}],
])
def test_bad_label_files_are_refused(tmp_path, rows):
    with pytest.raises(ValueError):
        read_labels(_labels(tmp_path, rows))


def test_command_prints_a_row_per_verdict(write_jsonl, tmp_path, capsys):
    labels = _labels(tmp_path, [{"id": "r1", "k": 0, "start": 7, "verdict": "ask"}])
    assert main(["--data", str(write_jsonl("r.jsonl", RECORDS)), "--labels", str(labels), "--pred", str(write_jsonl("p.jsonl", PRED))]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].split() == ["ask", "1", "1.000", "1", "1.000"]
    assert [line.split()[0] for line in out[1:]] == [*VERDICTS, "all"]


def test_shipped_labels_name_rams_dev_events(shared, root):
    data = shared / "evaldata" / "rams-dev.jsonl"
    labels = read_labels(root / "evaluation" / "gold" / "rams-a-concreteness.jsonl")
    counts = score_concreteness(load_outside(data, kind="rams"), {}, labels)  # raises on any drifted label
    assert sum(c["n"] for c in counts.values()) == 108
    assert counts["ask"]["n"] == 66
