"""Eligible-event regression: on the outside development data (RAMS dev, GENEVA val,
WikiEvents dev in ../shared/evaldata), the share of the events the guide asks for that the
extractor's own tuples find (trigger), and give the annotated actor and location, stays above
floors (issue 12's measure; evaluation/README.md, "eligible"). A rule that helps the seeds or
the news dev gold but costs these shows up here. Needs ../shared beside the project (skipped
otherwise).

Floors sit a little below the figures measured when they were set (README, "Figures");
raise them when the extractor improves, never lower them to make a change pass.

RAMS and GENEVA are measured on their half A only (``models.train_trigger_head.half_of``, by
source document), the development half: half B is held out for declared tests, and a floor
over all of RAMS dev told every test run of a development branch half B's aggregate (session
20, the support folding). ``figures.sh`` still reports the whole files at a session's end.
"""

import json

import pytest

from evaluation.outside import evaluate_outside_files
from extractor.batch import run_folder
from models.train_trigger_head import half_of

# Set 2026-12-03, session 8 (measured: RAMS 43.1 / 29.7 / 32.1%, GENEVA 63.2 / 58.8 / 49.3%,
# WikiEvents 80.0 / 68.0 / 83.3%; WikiEvents has only 25 eligible events, one event is 4 points).
# GENEVA raised in session 9 (measured 64.9 / 60.5 / 52.2%; RAMS 42.6 / 29.2 / 32.1%, WikiEvents
# 80.0 / 72.0 / 83.3%).
# RAMS and GENEVA moved to their half A in session 20 (measured on half A: RAMS 47.2 / 33.3 /
# 36.9%, 108 eligible events; GENEVA 64.6 / 60.4 / 59.4%, 48; one event is about 1 and 2 points).
FLOORS = {
    ("rams", "rams-dev.jsonl"): {"trigger": 0.45, "actor": 0.31, "location": 0.35},
    ("geneva", "geneva-val.jsonl"): {"trigger": 0.62, "actor": 0.58, "location": 0.56},
    ("wikievents", "wikievents-dev.jsonl"): {"trigger": 0.72, "actor": 0.60, "location": 0.75},
}
# the sources measured on their development half only
HALF_A = frozenset({"rams", "geneva"})


@pytest.fixture(scope="module")
def reports(extractor_, shared, tmp_path_factory):
    cache = {}

    def report(kind, name):
        if (kind, name) not in cache:
            data = shared / "evaldata" / name
            folder = tmp_path_factory.mktemp(kind)
            if kind in HALF_A:
                with open(data, encoding="utf-8") as fh:
                    records = [json.loads(line) for line in fh if line.strip()]
                data = folder / f"{kind}-A.jsonl"
                with open(data, "w", encoding="utf-8") as out_fh:
                    for record in records:
                        if half_of(record, kind) == "A":
                            out_fh.write(json.dumps(record) + "\n")
            out = folder / "pred.jsonl"
            summary = run_folder(data, out, extractor=extractor_)
            assert summary.errors == 0
            cache[kind, name] = evaluate_outside_files(data, out, kind=kind)["eligible"]
        return cache[kind, name]

    return report


@pytest.mark.parametrize("kind, name", list(FLOORS))
def test_eligible_recall_floors(reports, kind, name):
    eligible = reports(kind, name)
    got = {
        "trigger": eligible["trigger"]["recall"],
        "actor": eligible["slots"]["actor"]["recall"],
        "location": eligible["slots"]["location"]["recall"],
    }
    low = {k: round(v, 3) for k, v in got.items() if v < FLOORS[kind, name][k]}
    assert not low, f"{kind}: eligible recall below floor {low} (floors {FLOORS[kind, name]})"
