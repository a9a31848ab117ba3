"""Seed regression: the extractor's figures on the hand-labelled seeds stay above floors.

Floors sit a little below the figures measured when they were set (README, "Figures");
raise them when the extractor improves, never lower them to make a change pass.
"""

import pytest

from evaluation.report import evaluate_files
from extractor.batch import run_folder

# Set against guide version 2's gold (2026-12-02: micro 0.79 / 0.78, tuple 0.69 / 0.66 for
# the rules of that day); version 1's gold gave 0.82 / 0.80 and 0.78 / 0.72. Micro floors raised
# 2026-12-03 (session 7: lenient micro 0.82, strict 0.81; tuple 0.69 / 0.66).
FLOORS = {
    ("lenient", "micro"): 0.80,
    ("strict", "micro"): 0.79,
    ("lenient", "tuple"): 0.67,
    ("strict", "tuple"): 0.64,
}
FIELD_FLOORS = {"quantity_value": 0.90, "modality": 0.89, "event_type": 0.80, "date_value": 0.90}


@pytest.fixture(scope="module")
def report(extractor_, root, tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds") / "pred.jsonl"
    summary = run_folder(root / "seeds", out, extractor=extractor_)
    assert summary.documents == 5 and summary.errors == 0
    return evaluate_files(root / "seeds" / "gold.jsonl", out)


@pytest.mark.parametrize("mode, figure", list(FLOORS))
def test_f1_floors(report, mode, figure):
    scores = report[mode]
    value = scores["micro"]["f1"] if figure == "micro" else scores["tuples"]["f1"]
    assert value >= FLOORS[(mode, figure)], f"{mode} {figure} F1 {value:.3f}"


@pytest.mark.parametrize("field", list(FIELD_FLOORS))
def test_field_accuracy_floors(report, field):
    accuracy = report["lenient"]["fields"][field]["accuracy"]
    assert accuracy >= FIELD_FLOORS[field], f"{field} accuracy {accuracy:.3f}"
