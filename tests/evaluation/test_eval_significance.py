"""Bootstrap intervals over documents (evaluation.significance) and the ``compare`` command,
on hand-built per-document counts and tiny gold files."""

import json

import pytest

from evaluation.__main__ import main
from evaluation.significance import interval, paired_difference


def _report(rows):
    """A report with per-document lenient/strict micro and tuple counts (tp, fp, fn)."""
    docs = []
    for k, (tp, fp, fn) in enumerate(rows):
        prf = {"tp": tp, "fp": fp, "fn": fn}
        docs.append({"doc_id": f"d{k}", "strict": {"micro": prf, "tuples": prf}, "lenient": {"micro": prf, "tuples": prf}})
    return {"per_document": docs}


def test_interval_brackets_the_point_and_repeats_with_the_seed():
    report = _report([(5, 1, 2), (0, 3, 4), (8, 0, 1), (2, 2, 2), (6, 1, 0)])
    one = interval(report, samples=500)
    assert one["low"] <= one["f1"] <= one["high"]
    assert one["f1"] == pytest.approx(2 * 21 / (2 * 21 + 7 + 9))
    assert interval(report, samples=500) == one
    assert interval(report, samples=500, seed=1) != one  # the seed drives the resamples


def test_interval_of_identical_documents_has_no_width():
    result = interval(_report([(3, 1, 1)] * 6), samples=200)
    assert result["low"] == result["high"] == pytest.approx(0.75)


def test_identical_predictions_differ_by_nothing():
    report = _report([(5, 1, 2), (0, 3, 4), (8, 0, 1)])
    result = paired_difference(report, report, samples=300)
    assert (result["difference"], result["low"], result["high"]) == (0.0, 0.0, 0.0)
    assert result["p_not_better"] == 1.0  # never better: no improvement to claim


def test_a_change_better_on_every_document_has_an_interval_above_zero():
    a = _report([(5, 2, 2), (3, 2, 3), (8, 1, 1), (4, 3, 2)])
    b = _report([(6, 1, 1), (4, 1, 2), (9, 0, 0), (5, 2, 1)])
    result = paired_difference(a, b, samples=500)
    assert result["difference"] > 0 and result["low"] > 0 and result["p_not_better"] == 0.0


def test_a_change_on_one_document_of_many_straddles_zero_when_it_loses_elsewhere():
    a = _report([(5, 1, 1)] * 10)
    b = _report([(9, 0, 0)] + [(4, 2, 2)] + [(5, 1, 1)] * 8)
    result = paired_difference(a, b, samples=1000)
    assert result["low"] < 0 < result["high"]


def test_reports_on_different_documents_are_refused():
    with pytest.raises(ValueError, match="different documents"):
        paired_difference(_report([(1, 0, 0)]), _report([(1, 0, 0), (2, 0, 0)]))


def test_unknown_figure_is_refused():
    with pytest.raises(ValueError, match="figure"):
        interval(_report([(1, 0, 0)]), figure="slots")


GOLD = [
    {"doc_id": "d1", "tuples": [{"action": "send", "actor": "Russia", "location": "Kursk"}]},
    {"doc_id": "d2", "tuples": [{"action": "attack", "actor": "rebels", "location": "Goma"}]},
]
WORSE = [
    {"doc_id": "d1", "tuples": [{"action": "send", "actor": "Iran", "location": "Kursk"}]},
    {"doc_id": "d2", "tuples": [{"action": "attack", "actor": "rebels", "location": "Goma"}]},
]


def test_compare_command_prints_and_writes_the_differences(write_jsonl, tmp_path, capsys):
    gold = write_jsonl("g.jsonl", GOLD)
    worse = write_jsonl("w.jsonl", WORSE)
    out = tmp_path / "diff.json"
    assert main(["compare", "--gold", str(gold), "--pred", str(worse), str(gold), "--bootstrap", "200", "--json", str(out)]) == 0
    assert "lenient micro: +" in capsys.readouterr().out
    diff = json.loads(out.read_text())["differences"]["lenient micro"]
    assert diff["difference"] == pytest.approx(1.0 - 2 * 5 / (2 * 5 + 1 + 1))


def test_seeds_command_with_bootstrap_reports_intervals(write_jsonl, tmp_path, capsys):
    gold = write_jsonl("g.jsonl", GOLD)
    worse = write_jsonl("w.jsonl", WORSE)
    out = tmp_path / "r.json"
    assert main(["seeds", "--gold", str(gold), "--pred", str(worse), "--bootstrap", "100", "--json", str(out), "--no-errors"]) == 0
    assert "lenient micro: 0.833 (95% interval" in capsys.readouterr().out
    assert set(json.loads(out.read_text())["intervals"]) == {"strict micro", "strict tuples", "lenient micro", "lenient tuples"}
