"""evaluation.misses: each missed gold tuple is put in the stage that lost it, read from
hand-written gold, prediction and keep-all files."""

import json

import pytest

from evaluation.misses import STAGES, find_misses, main, stage_counts, stage_of
from evaluation.io import read_gold, read_predictions


def _t(action, start, end, actor=None, location=None, date=None, quantity=None, rules=None):
    t = {"actor": actor, "action": action, "quantity": quantity, "location": location, "date": date,
         "action_start": start, "action_end": end}
    if rules is not None:
        t["rules"] = rules
    return t


GOLD = _t("attack", 10, 18, actor="Rebels", location="Aleppo")


@pytest.mark.parametrize(
    "gold, kept, every, stage",
    [
        (GOLD, [], [], "no_trigger"),
        (GOLD, [], [_t("shell", 30, 37, actor="Rebels")], "no_trigger"),  # a trigger elsewhere
        (GOLD, [], [_t("hit", 10, 18, actor="Rebels")], "other_action"),
        (GOLD, [], [_t("attack", 10, 18, location="Aleppo")], "no_actor"),
        (_t("kill", 10, 16, actor=[None, "Rebels"], location="Aleppo"), [], [_t("kill", 10, 16, location="Aleppo")], "no_agentless_verdict"),
        (GOLD, [], [_t("attack", 10, 18, actor="Rebels")], "no_slot"),
        (_t("kill", 10, 16, location="Aleppo"), [], [_t("kill", 10, 16, rules={"actor": "agentless_passive"})], "no_slot"),
        (GOLD, [], [_t("attack", 10, 18, actor="Rebels", date="after the talks")], "not_admitted"),
        (GOLD, [_t("attack", 10, 18, actor="Rebels", location="Aleppo")], [_t("attack", 10, 18, actor="Rebels", location="Aleppo")], "paired_elsewhere"),
        ({**GOLD, "action_start": None, "action_end": None}, [], [], "no_offsets"),
    ],
)
def test_stage_of(gold, kept, every, stage):
    assert stage_of(gold, kept, every) == stage


def _write(path, docs):
    path.write_text("".join(json.dumps({"doc_id": d, "tuples": ts}) + "\n" for d, ts in docs.items()), encoding="utf-8")
    return path


def test_find_misses_skips_paired_gold_and_counts_stages(tmp_path, capsys):
    found = _t("attack", 10, 18, actor="Rebels", location="Aleppo")
    lost = _t("shell", 40, 47, actor="Army", location="Avdiivka")
    gold = _write(tmp_path / "gold.jsonl", {"d1": [found, lost], "d2": [_t("kill", 0, 4, location="Kyiv")]})
    pred = _write(tmp_path / "pred.jsonl", {"d1": [found]})  # d2 missing: no tuples
    every = _write(tmp_path / "all.jsonl", {"d1": [found, _t("shell", 40, 47, actor="Army")]})
    misses = find_misses(read_gold(gold), read_predictions(pred), read_predictions(every))
    assert [(m.doc_id, m.index, m.stage) for m in misses] == [("d1", 1, "no_slot"), ("d2", 0, "no_trigger")]
    counts = stage_counts(misses)
    assert list(counts) == list(STAGES) and counts["no_slot"] == 1 and counts["no_trigger"] == 1 and sum(counts.values()) == 2
    listing = tmp_path / "misses.jsonl"
    assert main(["--gold", str(gold), "--pred", str(pred), "--all", str(every), "--list", str(listing)]) == 0
    out = capsys.readouterr().out
    assert "missed gold tuples: 2" in out and "no_slot" in out
    rows = [json.loads(line) for line in listing.read_text().splitlines()]
    assert [r["stage"] for r in rows] == ["no_slot", "no_trigger"] and rows[0]["action"] == "shell"
