"""``evaluation.pool``: gold and prediction files pooled as ``cat`` would, a shared doc_id refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.errors import EvaluationError
from evaluation.pool import check_disjoint, main, pool

ROOT = Path(__file__).resolve().parents[2]


def doc(doc_id: str, action: str = "attack") -> dict:
    return {"doc_id": doc_id, "tuples": [{"action": action, "actor": None, "location": None, "date": None, "quantity": None}]}


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # one document per file, several per file, an empty file among them
        ([["a"], ["b"], ["c"]], ["a", "b", "c"]),
        ([["a", "b"], [], ["c", "d", "e"]], ["a", "b", "c", "d", "e"]),
        ([["z"], ["a"]], ["z", "a"]),  # the order given, not sorted
    ],
)
def test_disjoint_files_pool_to_their_concatenation(write_jsonl, tmp_path, files, expected):
    paths = [write_jsonl(f"g{k}.jsonl", [doc(d) for d in ids]) for k, ids in enumerate(files)]
    out_gold, out_pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    assert pool(paths, paths, out_gold, out_pred) == (len(expected), len(expected))
    for out in (out_gold, out_pred):
        assert out.read_bytes() == b"".join(p.read_bytes() for p in paths)
        assert [line.split('"')[3] for line in out.read_text(encoding="utf-8").splitlines()] == expected


def test_a_file_without_a_final_newline_keeps_its_last_line_whole(write_jsonl, tmp_path):
    first = write_jsonl("one.jsonl", [doc("a")])
    first.write_bytes(first.read_bytes().rstrip(b"\n"))
    second = write_jsonl("two.jsonl", [doc("b")])
    out = tmp_path / "pooled.jsonl"
    pool([first, second], [second], out, tmp_path / "pred.jsonl")
    assert out.read_text(encoding="utf-8").splitlines() == first.read_text(encoding="utf-8").splitlines() + second.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("gold", [True, False])
def test_a_doc_id_in_two_files_is_e116_naming_it_and_both_files(write_jsonl, tmp_path, gold):
    one = write_jsonl("one.jsonl", [doc("a"), doc("shared")])
    two = write_jsonl("two.jsonl", [doc("b"), doc("c"), doc("shared", "protest")])
    golds, preds = ([one, two], [one]) if gold else ([one], [one, two])  # the golds or the predictions collide
    out_gold, out_pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    with pytest.raises(EvaluationError) as caught:
        pool(golds, preds, out_gold, out_pred)
    err = caught.value
    assert err.code == "E116"
    assert (err.path, err.line) == (str(two), 3)
    assert "'shared'" in str(err) and f"{one}:2" in str(err)
    assert not out_gold.exists() and not out_pred.exists()


def test_a_duplicate_within_one_file_stays_e107(write_jsonl):
    one = write_jsonl("one.jsonl", [doc("a"), doc("a")])
    with pytest.raises(EvaluationError) as caught:
        check_disjoint([one])
    assert caught.value.code == "E107"


def test_command_line_pools_or_exits_2_with_the_coded_message(write_jsonl, tmp_path, capsys):
    g1, g2 = write_jsonl("g1.jsonl", [doc("a")]), write_jsonl("g2.jsonl", [doc("b")])
    p1, p2 = write_jsonl("p1.jsonl", [doc("a")]), write_jsonl("p2.jsonl", [doc("b")])
    outs = ["--out-gold", str(tmp_path / "gold.jsonl"), "--out-pred", str(tmp_path / "pred.jsonl")]
    assert main(["--gold", str(g1), str(g2), "--pred", str(p1), str(p2), *outs]) == 0
    assert (tmp_path / "gold.jsonl").read_bytes() == g1.read_bytes() + g2.read_bytes()
    assert (tmp_path / "pred.jsonl").read_bytes() == p1.read_bytes() + p2.read_bytes()
    assert main(["--gold", str(g1), str(g1), "--pred", str(p1), *outs]) == 2
    assert "E116" in capsys.readouterr().err


def test_the_news_golds_are_disjoint_across_dev_and_test():
    """The dev and held-out golds that figures.sh pools: no document in two of them (nor one
    dev gold sharing an article with a test gold)."""
    golds = sorted((ROOT / "evaluation" / "gold").glob("news-*.jsonl"))
    assert {p.stem for p in golds} >= {f"news-{kind}{n}" for kind in ("dev", "test") for n in ("", "2", "3", "4")}
    lines = sum(1 for p in golds for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
    assert check_disjoint(golds) == lines
