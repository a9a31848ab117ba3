"""News regression: the figures on the hand-labelled news golds (Giveme5W1H, WikiEvents and
RAMS news texts on many topics, labelled by guide version 2 before the extractor ran on them;
evaluation/gold/README.md) stay above floors, so that a gain on the seeds' topic that costs news
on other topics shows up: the dev golds (news-dev, dev2, dev3, dev4; rules are written from their
errors; dev6 to dev8 added in session 18) and the held-out test golds (news-test, test2, ...,
test8; nobody reads their errors).
Needs ../shared beside the project (skipped otherwise).

Floors sit a little below the figures measured when they were set (README, "Figures");
raise them when the extractor improves, never lower them to make a change pass.
"""

import pytest

from evaluation.report import evaluate_files

# Raised 2026-12-03, session 10, on the revised dev gold (news-dev.jsonl now follows the settled
# decisions: communication acts are no events; evaluation/gold/README.md "Revision 2026-12-03").
# Measured at session 10's end: news-dev lenient micro 0.624, strict 0.597; tuple 0.511 / 0.438;
# raised at session 11's end (0.644, 0.627; 0.531 / 0.483), session 12's (0.673, 0.654; 0.565 / 0.512) and session 13's (0.679, 0.660; 0.573 / 0.518)
# (9d2d7a2 on the same revised gold: 0.577 / 0.467 lenient). Session 9 (old dev gold): 0.612 / 0.494;
# session 8: 0.584 / 0.462; session 7: 0.559 / 0.423; session 6: 0.54 / 0.41; session 5: 0.51 / 0.37.
FLOORS = {
    ("news-dev", "lenient", "micro"): 0.66,
    ("news-dev", "strict", "micro"): 0.64,
    ("news-dev", "lenient", "tuple"): 0.55,
    ("news-dev", "strict", "tuple"): 0.5,
    # Held-out test gold, labelled 2026-12-03 (session 9); at its labelling, main (95a2ed0)
    # measured lenient micro 0.517, strict 0.486; tuple 0.350 / 0.291; at session 9's end 0.527,
    # 0.497; 0.364 / 0.308; at session 10's end 0.536, 0.506; 0.374 / 0.317; at session 11's end 0.546,
    # 0.520; 0.381 / 0.332; at session 12's end 0.563, 0.537; 0.403 / 0.354; at session 13's end 0.568, 0.542; 0.407 / 0.358.
    ("news-test", "lenient", "micro"): 0.55,
    ("news-test", "strict", "micro"): 0.52,
    ("news-test", "lenient", "tuple"): 0.39,
    ("news-test", "strict", "tuple"): 0.34,
    # Second held-out test gold, labelled blind 2026-12-03 (session 12); scored blind on b572e94:
    # lenient micro 0.500, strict 0.480; tuple 0.337 / 0.298; at session 12's end 0.506, 0.487;
    # 0.354 / 0.315; at session 13's end 0.512, 0.492; 0.358 / 0.319.
    ("news-test2", "lenient", "micro"): 0.5,
    ("news-test2", "strict", "micro"): 0.48,
    ("news-test2", "lenient", "tuple"): 0.34,
    ("news-test2", "strict", "tuple"): 0.3,
    # Third held-out test gold (7 WikiEvents articles on attacks and crime + the last Giveme5W1H
    # article), labelled blind 2026-12-03 (session 13); scored blind on 7bd6f35: lenient micro
    # 0.647, strict 0.614; tuple 0.458 / 0.388; at session 13's end 0.654, 0.620; 0.462 / 0.392.
    ("news-test3", "lenient", "micro"): 0.64,
    ("news-test3", "strict", "micro"): 0.6,
    ("news-test3", "lenient", "tuple"): 0.44,
    ("news-test3", "strict", "tuple"): 0.37,
    # Third dev gold (13 WikiEvents articles on attacks and crime), labelled blind 2026-12-03
    # (session 13); first scored on 7bd6f35: lenient micro 0.666, strict 0.599; tuple 0.519 / 0.401; at session
    # 13's end 0.722, 0.659; 0.568 / 0.461.
    ("news-dev3", "lenient", "micro"): 0.7,
    ("news-dev3", "strict", "micro"): 0.64,
    ("news-dev3", "lenient", "tuple"): 0.55,
    ("news-dev3", "strict", "tuple"): 0.44,
    # Fourth held-out test gold (48 RAMS dev windows of half B, many topics, 18 without events),
    # labelled blind 2026-12-03 (session 14); scored blind on cb820ef: lenient micro 0.466, strict
    # 0.454; tuple 0.321 / 0.296.
    ("news-test4", "lenient", "micro"): 0.45,
    ("news-test4", "strict", "micro"): 0.44,
    ("news-test4", "lenient", "tuple"): 0.30,
    ("news-test4", "strict", "tuple"): 0.28,
    # Fifth held-out test gold (48 other RAMS dev windows of half B, 19 without events), labelled
    # blind 2026-12-04 (session 15); scored blind on main at 1c00aa5 (84ddf04's extraction code):
    # lenient micro 0.598, strict 0.550; tuple 0.470 / 0.394.
    ("news-test5", "lenient", "micro"): 0.58,
    ("news-test5", "strict", "micro"): 0.53,
    ("news-test5", "lenient", "tuple"): 0.45,
    ("news-test5", "strict", "tuple"): 0.37,
    # Sixth held-out test gold (48 RAMS half-B windows, labelled blind 2026-12-04, session 16); scored blind
    # once on session 16's final main (9507d19's extraction code): lenient micro 0.605, strict 0.570;
    # tuple 0.442 / 0.360.
    ("news-test6", "lenient", "micro"): 0.58,
    ("news-test6", "strict", "micro"): 0.55,
    ("news-test6", "lenient", "tuple"): 0.42,
    ("news-test6", "strict", "tuple"): 0.34,
    # Seventh held-out test gold (48 more RAMS half-B windows, labelled blind 2026-12-04, session 17);
    # scored blind once on session 17's final main: lenient micro 0.523, strict 0.491; tuple 0.383 / 0.335.
    ("news-test7", "lenient", "micro"): 0.50,
    ("news-test7", "strict", "micro"): 0.47,
    ("news-test7", "lenient", "tuple"): 0.36,
    ("news-test7", "strict", "tuple"): 0.31,
    # Fourth dev gold (24 RAMS dev windows of half A), labelled blind with test4; first score
    # (cb820ef): lenient micro 0.559, strict 0.519; tuple 0.463 / 0.366.
    ("news-dev4", "lenient", "micro"): 0.54,
    ("news-dev4", "strict", "micro"): 0.50,
    ("news-dev4", "lenient", "tuple"): 0.44,
    ("news-dev4", "strict", "tuple"): 0.35,
    # Fifth dev gold (48 RAMS dev windows of half A), labelled blind 2026-12-04 (session 15);
    # first score (d0eac69's extraction code): lenient micro 0.557, strict 0.531; tuple 0.38 / 0.32.
    ("news-dev5", "lenient", "micro"): 0.54,
    ("news-dev5", "strict", "micro"): 0.51,
    ("news-dev5", "lenient", "tuple"): 0.36,
    ("news-dev5", "strict", "tuple"): 0.30,
    # Eighth held-out test gold (48 RAMS windows of half B), labelled blind 2026-12-04 (session 18);
    # blind score of session 18's final main: lenient micro 0.568, strict 0.515; tuple 0.428 / 0.347.
    ("news-test8", "lenient", "micro"): 0.54,
    ("news-test8", "strict", "micro"): 0.49,
    ("news-test8", "lenient", "tuple"): 0.40,
    ("news-test8", "strict", "tuple"): 0.32,
    # Sixth to eighth dev golds (48, 48 and 31 RAMS dev windows of half A), labelled blind
    # 2026-12-04 (session 18); blind scores (lenient micro, strict; lenient tuple, strict):
    # dev6 with excl17 merged 0.556, 0.537; 0.432 / 0.383; dev7 (b794700) 0.520, 0.486;
    # 0.407 / 0.330; dev8 (b794700) 0.533, 0.507; 0.370 / 0.311.
    ("news-dev6", "lenient", "micro"): 0.53,
    ("news-dev6", "strict", "micro"): 0.51,
    ("news-dev6", "lenient", "tuple"): 0.40,
    ("news-dev6", "strict", "tuple"): 0.35,
    ("news-dev7", "lenient", "micro"): 0.49,
    ("news-dev7", "strict", "micro"): 0.46,
    ("news-dev7", "lenient", "tuple"): 0.38,
    ("news-dev7", "strict", "tuple"): 0.30,
    ("news-dev8", "lenient", "micro"): 0.50,
    ("news-dev8", "strict", "micro"): 0.48,
    ("news-dev8", "lenient", "tuple"): 0.34,
    ("news-dev8", "strict", "tuple"): 0.28,
    # Ninth dev gold (48 second RAMS windows of half A) and ninth held-out test gold (48 second
    # windows of half B), labelled blind 2026-12-04 (session 19); blind scores (lenient micro,
    # strict; lenient tuple, strict): dev9 on 2e14a4f 0.538, 0.511; 0.426 / 0.372; test9 on
    # session 19's final main 0.522, 0.504; 0.374 / 0.343.
    ("news-dev9", "lenient", "micro"): 0.51,
    ("news-dev9", "strict", "micro"): 0.48,
    ("news-dev9", "lenient", "tuple"): 0.40,
    ("news-dev9", "strict", "tuple"): 0.34,
    ("news-test9", "lenient", "micro"): 0.50,
    ("news-test9", "strict", "micro"): 0.48,
    ("news-test9", "lenient", "tuple"): 0.35,
    ("news-test9", "strict", "tuple"): 0.32,
    # Tenth held-out test gold (48 third RAMS windows of half B), labelled blind 2026-12-04/05
    # (session 22); blind score of 105db5a (session 21's final main): lenient micro 0.468, strict
    # 0.448; tuple 0.327 / 0.275.
    ("news-test10", "lenient", "micro"): 0.44,
    ("news-test10", "strict", "micro"): 0.42,
    ("news-test10", "lenient", "tuple"): 0.30,
    ("news-test10", "strict", "tuple"): 0.25,
    # Second dev gold, labelled blind 2026-12-03 (session 10); scored blind once on 9d2d7a2:
    # lenient micro 0.35, strict 0.31; tuple 0.21 / 0.16; then opened for development. At the
    # session's end: 0.499, 0.457; 0.322 / 0.242; at session 11's end 0.520, 0.491; 0.336 / 0.294;
    # at session 12's end 0.560, 0.531; 0.364 / 0.322.
    ("news-dev2", "lenient", "micro"): 0.54,
    ("news-dev2", "strict", "micro"): 0.51,
    ("news-dev2", "lenient", "tuple"): 0.34,
    ("news-dev2", "strict", "tuple"): 0.30,
}
DOCUMENTS = {"news-dev": 24, "news-dev2": 12, "news-dev3": 13, "news-test": 16, "news-test2": 19, "news-test3": 8, "news-dev4": 24, "news-test4": 48, "news-test5": 48, "news-dev5": 48, "news-test6": 48, "news-test7": 48, "news-dev6": 48, "news-dev7": 48, "news-dev8": 31, "news-test8": 48, "news-dev9": 48, "news-test9": 48, "news-test10": 48}


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def report(request, root, news_prediction):
    name = request.param
    documents, out = news_prediction(name)
    assert documents == DOCUMENTS[name]
    return name, evaluate_files(root / "evaluation" / "gold" / f"{name}.jsonl", out)


@pytest.mark.parametrize("mode, figure", [("lenient", "micro"), ("strict", "micro"), ("lenient", "tuple"), ("strict", "tuple")])
def test_f1_floors(report, mode, figure):
    name, report = report
    scores = report[mode]
    value = scores["micro"]["f1"] if figure == "micro" else scores["tuples"]["f1"]
    assert value >= FLOORS[(name, mode, figure)], f"{name} {mode} {figure} F1 {value:.3f}"
