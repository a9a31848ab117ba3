"""News regression: the figures on the hand-labelled news gold (Giveme5W1H articles on nine
topics, labelled by guide version 2 before the extractor ran on them; evaluation/gold/README.md)
stay above floors, so that a gain on the seeds' topic that costs news on other topics shows up:
the dev golds (24 + 12 articles, whose errors rules are written from) and the held-out test gold
(16 articles, whose errors nobody reads). Needs ../shared beside the project (skipped otherwise).

Floors sit a little below the figures measured when they were set (README, "Figures");
raise them when the extractor improves, never lower them to make a change pass.
"""

import json

import pytest

from evaluation.inputs import records
from evaluation.report import evaluate_files
from extractor.batch import run_folder

# Raised 2026-12-03, session 9 (date precision, trigger vetoes, support verbs): lenient micro
# 0.612, strict 0.587; tuple 0.494 / 0.426. Set 2026-12-03, session 8 (trigger vetoes, named facilities, clock times, occurrence
# constructions, reach through objects): lenient micro 0.584, strict 0.559; tuple 0.462 / 0.390.
# (Session 7: 0.559 / 0.532, tuple 0.423 / 0.359; session 6: 0.54 / 0.52, tuple 0.41 / 0.35; session 5: 0.51 / 0.48, tuple 0.37 / 0.31.)
FLOORS = {
    ("news-dev", "lenient", "micro"): 0.59,
    ("news-dev", "strict", "micro"): 0.56,
    ("news-dev", "lenient", "tuple"): 0.47,
    ("news-dev", "strict", "tuple"): 0.40,
    # Held-out test gold, labelled 2026-12-03 (session 9); at its labelling, main (95a2ed0)
    # measured lenient micro 0.517, strict 0.486; tuple 0.350 / 0.291; at session 9's end 0.527,
    # 0.497; 0.364 / 0.308.
    ("news-test", "lenient", "micro"): 0.51,
    ("news-test", "strict", "micro"): 0.48,
    ("news-test", "lenient", "tuple"): 0.34,
    ("news-test", "strict", "tuple"): 0.29,
    # Second dev gold, labelled blind 2026-12-03 (session 10); scored blind once on 9d2d7a2:
    # lenient micro 0.35, strict 0.31; tuple 0.21 / 0.16; then opened for development.
    ("news-dev2", "lenient", "micro"): 0.33,
    ("news-dev2", "strict", "micro"): 0.29,
    ("news-dev2", "lenient", "tuple"): 0.19,
    ("news-dev2", "strict", "tuple"): 0.14,
}
DOCUMENTS = {"news-dev": 24, "news-dev2": 12, "news-test": 16}


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def report(request, extractor_, root, shared, tmp_path_factory):
    name = request.param
    gold = root / "evaluation" / "gold" / f"{name}.jsonl"
    folder = tmp_path_factory.mktemp(name)
    source = folder / "input.jsonl"
    rows = list(records(shared / "evaldata" / "giveme5w1h-dev.jsonl", gold))
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = folder / "pred.jsonl"
    summary = run_folder(source, out, extractor=extractor_)
    assert summary.documents == len(rows) == DOCUMENTS[name] and summary.errors == 0
    return name, evaluate_files(gold, out)


@pytest.mark.parametrize("mode, figure", [("lenient", "micro"), ("strict", "micro"), ("lenient", "tuple"), ("strict", "tuple")])
def test_f1_floors(report, mode, figure):
    name, report = report
    scores = report[mode]
    value = scores["micro"]["f1"] if figure == "micro" else scores["tuples"]["f1"]
    assert value >= FLOORS[(name, mode, figure)], f"{name} {mode} {figure} F1 {value:.3f}"
