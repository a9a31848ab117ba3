"""Shared fixtures: the spaCy model and the extractor are loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", default=False, help="run slow tests too")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    import spacy

    from extractor.model import model_name

    return spacy.load(model_name())


@pytest.fixture(scope="session")
def vocab(nlp):
    return nlp.vocab


@pytest.fixture(scope="session")
def extractor_():
    import extractor

    return extractor.load()


# The outside data files the news golds' articles come from (evaluation/gold/README.md).
NEWS_DATA_FILES = ("giveme5w1h-dev.jsonl", "wikievents-dev.jsonl", "rams-dev.jsonl")


@pytest.fixture(scope="session")
def news_prediction(extractor_, root, shared, tmp_path_factory):
    """``predict(name) -> (documents, pred_path)``: the extractor's output on the articles of
    the news gold ``evaluation/gold/<name>.jsonl``, run once per session and gold (the F1 floors
    and the pooled field floors read the same runs)."""
    import json

    from evaluation.inputs import records
    from extractor.batch import run_folder

    done: dict[str, tuple[int, Path]] = {}

    def predict(name: str) -> tuple[int, Path]:
        if name not in done:
            folder = tmp_path_factory.mktemp(name)
            rows = list(records([shared / "evaldata" / f for f in NEWS_DATA_FILES], root / "evaluation" / "gold" / f"{name}.jsonl"))
            source = folder / "input.jsonl"
            source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            out = folder / "pred.jsonl"
            summary = run_folder(source, out, extractor=extractor_)
            assert summary.documents == len(rows) and summary.errors == 0
            done[name] = (len(rows), out)
        return done[name]

    return predict
