"""evaluation.fields: pair-level comparison of optional fields between two predictions."""

from __future__ import annotations

import json

import pytest

from evaluation.fields import FieldChange, FieldFills, compare_fields, field_fills, main, same_slots
from evaluation.io import read_gold, read_predictions


def _write(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def _tuple(action, actor, country=None, **extra):
    return {"action": action, "actor": actor, "quantity": None, "location": None, "date": None, "actor_country": country, **extra}


@pytest.fixture
def files(tmp_path):
    gold = _write(tmp_path / "gold.jsonl", [{"doc_id": "d1", "tuples": [
        _tuple("attack", "rebels", "SY"), _tuple("arrive", "troops", "RU"), _tuple("meet", "Obama", "US")]}])
    a = _write(tmp_path / "a.jsonl", [{"doc_id": "d1", "tuples": [
        _tuple("attack", "rebels", None), _tuple("arrive", "troops", "RU"), _tuple("meet", "Obama", "US")]}])
    # B: one field turned right (SY), one turned wrong (RU -> UA), one unchanged right
    b = _write(tmp_path / "b.jsonl", [{"doc_id": "d1", "tuples": [
        _tuple("attack", "rebels", "SY"), _tuple("arrive", "troops", "UA"), _tuple("meet", "Obama", "US")]}])
    return gold, a, b


def test_compare_fields_counts_turned_right_and_wrong(files):
    gold, a, b = (read_gold(files[0]), read_predictions(files[1]), read_predictions(files[2]))
    (change,) = compare_fields(gold, a, b, ["actor_country"])
    assert change == FieldChange("actor_country", n=3, correct_a=2, correct_b=2, right=1, wrong=1)
    assert change.p_sign == pytest.approx(0.75)  # at least 1 of 2 changes turned right


@pytest.mark.parametrize("right, wrong, p", [(0, 0, 1.0), (3, 0, 0.125), (9, 1, 11 / 1024), (0, 2, 1.0)])
def test_sign_test(right, wrong, p):
    assert FieldChange("source", 10, 0, 0, right, wrong).p_sign == pytest.approx(p)


def test_same_slots_sees_a_slot_change(tmp_path, files):
    a = read_predictions(files[1])
    assert same_slots(a, read_predictions(files[2]))  # only a field differs
    moved = _write(tmp_path / "c.jsonl", [{"doc_id": "d1", "tuples": [
        _tuple("attack", "the rebels", None), _tuple("arrive", "troops", "RU"), _tuple("meet", "Obama", "US")]}])
    assert not same_slots(a, read_predictions(moved))


def test_cli(files, capsys):
    assert main(["--gold", str(files[0]), "--pred", str(files[1]), str(files[2]), "--fields", "actor_country"]) == 0
    out = capsys.readouterr().out
    assert "slots identical: True" in out
    assert "A 2/3" in out and "B 2/3" in out and "turned right 1, turned wrong 1" in out


def test_cli_rejects_unknown_field(files):
    with pytest.raises(SystemExit):
        main(["--gold", str(files[0]), "--pred", str(files[1]), str(files[2]), "--fields", "colour"])


def test_field_fills_count_what_the_gold_cannot_judge(tmp_path):
    gold = _write(tmp_path / "g.jsonl", [{"doc_id": "d1", "tuples": [
        _tuple("attack", "rebels", "SY"), _tuple("arrive", "troops", None), _tuple("meet", "Obama", "US")]}])
    pred = _write(tmp_path / "p.jsonl", [{"doc_id": "d1", "tuples": [
        _tuple("attack", "rebels", "SY"),  # judged right
        _tuple("arrive", "troops", "RU"),  # the gold gives no country
        _tuple("meet", "Obama", "GB"),  # judged wrong
        _tuple("flee", "villagers", "UA"),  # no gold tuple to pair with
        _tuple("sign", "Kim", None),  # no fill: not counted
    ]}, {"doc_id": "other", "tuples": [_tuple("attack", "rebels", "SY")]}])  # not in the gold: not read
    (fills,) = field_fills(read_gold(gold), read_predictions(pred), ["actor_country"])
    assert fills == FieldFills("actor_country", right=1, wrong=1, gold_none=1, unpaired=1)
    assert fills.filled == 4 and fills.precision == pytest.approx(0.5)
    assert FieldFills("source", 0, 0, 3, 1).precision is None


def test_cli_prints_fills_of_both_predictions(files, capsys):
    assert main(["--gold", str(files[0]), "--pred", str(files[1]), str(files[2]), "--fields", "actor_country"]) == 0
    out = capsys.readouterr().out
    assert "actor_country     A 2/0 (1.000)  gold none 0  unpaired 0" in out
    assert "actor_country     B 2/1 (0.667)  gold none 0  unpaired 0" in out


@pytest.mark.parametrize("given", [None, [], [None], [None, None]])
def test_a_gold_field_listing_only_null_gives_nothing(tmp_path, given):
    # as the scorer reads it (evaluation.match.gives): no pair to judge, a fill the gold cannot see
    gold = _write(tmp_path / "g.jsonl", [{"doc_id": "d1", "tuples": [_tuple("attack", "rebels", "SY"), _tuple("arrive", "troops", given)]}])
    pred = _write(tmp_path / "p.jsonl", [{"doc_id": "d1", "tuples": [_tuple("attack", "rebels", "SY"), _tuple("arrive", "troops", "RU")]}])
    g, p = read_gold(gold), read_predictions(pred)
    (change,) = compare_fields(g, p, p, ["actor_country"])
    assert change.n == 1
    (fills,) = field_fills(g, p, ["actor_country"])
    assert fills == FieldFills("actor_country", right=1, wrong=0, gold_none=1, unpaired=0)
