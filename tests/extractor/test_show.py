"""The review page: every slot with offsets highlighted once, text kept, errors marked."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.show import BAD_COLOR, SLOT_COLORS, Mark, _cell, build_report, gold_marks_of, judge, main, pred_marks, render_article, render_text

TEXT = "Russia's army sent 300 troops to Kursk.\nKorea dep\nloyed shells on Monday.\n\nNothing else."


def tup(text: str, **slots: str | None) -> dict[str, Any]:
    """A JSON-form predicted tuple whose slots are the first occurrences of their strings."""
    out: dict[str, Any] = {"action": slots.pop("lemma", None)}
    for name, value in slots.items():
        if value is None:
            out[name] = None
            continue
        start = text.index(value)
        out[name if name != "action" else "action_text"] = value
        out[f"{name}_start"], out[f"{name}_end"] = start, start + len(value)
    out["action"] = out["action"] or out.get("action_text")
    return out


class Visible(HTMLParser):
    """The text a reader sees, without the displaCy labels; and the labels."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.labels: list[str] = []
        self._depth = 0  # > 0 inside a label

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._depth:
            self._depth += 1
        elif ("class", "ex-slot") in attrs:
            self._depth = 1
            self.labels.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.labels[-1] += data
        else:
            self.text.append(data)


def visible(markup: str) -> Visible:
    parser = Visible()
    parser.feed(markup)
    return parser


def squeeze(text: str) -> str:
    return "".join(text.split())


PRED = [
    tup(TEXT, actor="Russia", action="sent", lemma="send", quantity="300 troops", location="Kursk"),
    tup(TEXT, actor="Korea", action="dep\nloyed", lemma="deploy", date="Monday"),
    tup(TEXT, actor="Russia's army", action="sent", lemma="send"),
]


@pytest.mark.parametrize(
    ("tuples", "expected"),
    [
        (PRED[:1], ["actor", "action", "quantity", "location"]),
        (PRED[1:2], ["actor", "action", "date"]),  # an action broken across a line end
        (PRED, ["actor", "action", "quantity", "location", "actor", "action", "date", "actor", "action"]),
        ([{**PRED[0], "location_start": 999, "location_end": 1004}], ["actor", "action", "quantity"]),  # offsets off the text
        ([{"action": "send", "actor": "Russia"}], []),  # no offsets at all
    ],
)
def test_every_slot_with_offsets_is_highlighted_once_and_text_kept(tuples, expected):
    marks = pred_marks(TEXT, tuples)
    shown = visible(render_text(TEXT, marks))
    assert sorted(label.split()[0] for label in shown.labels) == sorted(expected)
    assert squeeze("".join(shown.text)) == squeeze(TEXT)


def test_labels_link_to_their_tuple_rows_and_wrong_slots_are_marked():
    marks = [Mark(0, 6, "actor", 2, "doc-x-p2"), Mark(19, 22, "quantity", 2, "doc-x-p2", bad=True)]
    markup = render_text(TEXT, marks)
    assert markup.count('href="#doc-x-p2"') == 2
    assert sorted(" ".join(label.split()) for label in visible(markup).labels) == ["actor #2", "quantity \u2717 #2"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(TEXT)), st.integers(1, 15)), max_size=8))
def test_any_marks_keep_the_text_and_get_one_label_each(spans):
    marks = [Mark(s, min(s + n, len(TEXT)), "date", k, "a") for k, (s, n) in enumerate(spans)]
    marks = [m for m in marks if TEXT[m.start:m.end].strip()]
    shown = visible(render_text(TEXT, marks))
    assert squeeze("".join(shown.text)) == squeeze(TEXT)
    assert len(shown.labels) == len(marks)


def test_labels_and_rows_name_the_rule_that_filled_each_slot():
    t = {**PRED[0], "rules": {"actor": "subject", "location": "destination"}}
    marks = pred_marks(TEXT, [t], bad=[frozenset({"location"})])
    markup = render_text(TEXT, marks)
    assert SLOT_COLORS["actor"] in markup and BAD_COLOR in markup  # a rule in the label keeps its colour
    labels = sorted(" ".join(label.split()) for label in visible(markup).labels)
    assert labels == ["action #1", "actor \u00b7 subject #1", "location \u00b7 destination \u2717 #1", "quantity #1"]
    section, _, _ = render_article("a", TEXT, [t])
    rows = section.split("<tbody>", 1)[1]
    assert rows.count('class="ex-rule"') == 2
    assert ">subject</span>" in rows and ">destination</span>" in rows


def test_text_is_escaped():
    text = "<script>alert(1)</script> Russia sent troops & tanks."
    markup = render_text(text, pred_marks(text, [tup(text, actor="Russia", action="sent")]))
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup and "&amp;" in markup


GOLD = [
    {"actor": "Russia", "action": "send", "quantity": "300 troops", "location": "Kursk", "date": None, "evidence": "Russia's army sent 300 troops to Kursk."},
    {"actor": "Korea", "action": ["deploy"], "quantity": None, "location": None, "date": "on Monday", "date_value": "2024-10-21", "evidence": None},
    {"actor": "Korea", "action": "shell", "quantity": None, "location": None, "date": "Monday", "evidence": None},
]


@pytest.mark.parametrize(
    ("preds", "golds", "pred_status", "gold_status", "counts"),
    [
        (PRED[:1], GOLD[:1], ["correct (gold G1)"], ["correct (predicted P1)"], {"ok": 1, "fp": 0, "fn": 0}),
        (
            [{**PRED[1], "date_value": "2024-10-22"}],
            GOLD[1:2],
            ["wrong date_value (gold G1)"],
            ["wrong date_value (predicted P1)"],
            {"fields": 1},
        ),
        ([{**PRED[0], "location": "Moscow"}], GOLD[:1], ["wrong location (gold G1)"], ["wrong location (predicted P1)"], {"mismatch": 1}),
        (PRED[:2], GOLD[2:], ["FP: no gold tuple with this action"] * 2, ["FN: not found"], {"fp": 2, "fn": 1, "ok": 0}),
    ],
)
def test_judge_pairs_as_the_scorer_and_names_errors(preds, golds, pred_status, gold_status, counts):
    judged = judge(preds, golds, lenient=True)
    assert list(judged.pred_status) == pred_status
    assert list(judged.gold_status) == gold_status
    assert {k: judged.counts[k] for k in counts} == counts


def test_strict_mode_fails_what_lenient_accepts():
    preds = [tup(TEXT, actor="Russia's army", action="sent", lemma="send", quantity="300 troops", location="Kursk")]
    assert judge(preds, GOLD[:1], lenient=True).counts["ok"] == 1
    assert "actor" in judge(preds, GOLD[:1], lenient=False).pred_bad[0]


def test_gold_slots_are_found_in_their_evidence_and_lemmas_by_prefix():
    text = "Korea sent shells. Later, Russia sent 300 troops to Kursk."
    gold = [{"actor": "Russia", "action": "send", "quantity": "300 troops", "location": None, "date": None, "evidence": "Russia sent 300 troops to Kursk."}]
    marks = {m.slot: text[m.start:m.end] for m in gold_marks_of(text, gold)}
    assert marks == {"actor": "Russia", "action": "sent", "quantity": "300 troops"}
    assert [m.start for m in gold_marks_of(text, gold) if m.slot == "action"] == [text.index("sent 300")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    root.mkdir()
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "b.txt").write_text("Nobody did anything.", encoding="utf-8")
    (root / "bad.txt").write_bytes(b"\x00\x01binary")
    (root / "manifest.jsonl").write_text('{"doc_id": "a", "published": "2024-10-23"}\n', encoding="utf-8")
    return root


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_report_from_predictions_file(folder, tmp_path):
    pred = write_jsonl(tmp_path / "pred.jsonl", [{"doc_id": "a", "published": "2024-10-23", "tuples": PRED}])
    page = build_report(folder, predictions=pred)
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('class="ex-slot"') == 9
    assert len(re.findall(r'<tr id="doc-a-p\d+"', page)) == 3
    assert "published 2024-10-23" in page
    assert "no line for this document in the predictions" in page  # b
    assert "[E008]" in page  # bad.txt
    assert "ex-gold" not in page


def test_report_with_gold_puts_both_side_by_side_and_marks_errors(folder, tmp_path):
    pred = write_jsonl(tmp_path / "pred.jsonl", [{"doc_id": "a", "tuples": PRED}, {"doc_id": "b", "tuples": []}])
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"doc_id": "a", "tuples": GOLD}, {"doc_id": "b", "tuples": []}])
    page = build_report(folder, predictions=pred, gold=gold)
    pred_part, gold_part = page.split('<div class="ex-gold">', 1)
    assert pred_part.count('class="ex-slot"') == 9
    assert len(re.findall(r'<tr id="doc-a-g\d+"', gold_part)) == 3
    assert "\u2717" in pred_part and "\u2717" in gold_part
    assert "ex-fp" in page and "ex-fn" in page
    assert "correct (gold G1)" in page


def test_report_runs_the_extractor_when_no_predictions(folder):
    class Fake:
        def pipe(self, records, *, batch_size=32):
            from extractor.pipeline import DocumentResult
            from extractor.types import EventTuple, Slot

            for rec in records:
                at = rec["text"].find("sent")
                tuples = (EventTuple(action=Slot("sent", at, at + 4), lemma="send"),) if at >= 0 else ()
                yield DocumentResult(rec["doc_id"], rec.get("published"), tuples)

    page = build_report(folder, extractor=Fake())
    assert page.count('class="ex-slot"') == 1
    assert "no line for this document" not in page


def test_main_writes_the_page_and_reports_bad_input(folder, tmp_path, capsys):
    pred = write_jsonl(tmp_path / "pred.jsonl", [{"doc_id": "a", "tuples": PRED}])
    out = tmp_path / "out" / "report.html"
    assert main([str(folder), "-o", str(out), "--pred", str(pred)]) == 0
    assert out.read_text(encoding="utf-8").count('class="ex-slot"') == 9
    assert main([str(folder), "-o", str(out), "--pred", str(tmp_path / "missing.jsonl")]) == 2
    assert "[E004]" in capsys.readouterr().err
    bad_gold = tmp_path / "gold.jsonl"
    bad_gold.write_text("{not json\n", encoding="utf-8")
    assert main([str(folder), "-o", str(out), "--pred", str(pred), "--gold", str(bad_gold)]) == 2
    assert "E101" in capsys.readouterr().err


EVENTS = [
    {
        "actor": "Russia", "actor_start": 0, "actor_end": 6, "action": "send", "action_text": "sent",
        "quantity": "300 troops", "location": "Kursk", "date": "2024-10-23", "event_type": "deploy",
        "modality": "asserted", "confidence": 0.84, "mentions": [0, 2], "main": True,
        "from": {"actor": 0, "action": 0, "quantity": 0, "location": 0},
        "origins": {"date": {"mention": None, "modality": None, "source": None, "region": "published"}},
    },
    {
        "actor": "Korea <b>", "action": "deploy", "date": "Monday", "event_type": "deploy", "modality": "asserted",
        "confidence": 0.6, "mentions": [1], "main": False, "from": {"actor": 1, "action": 1, "date": 1},
    },
]


def _rows(markup: str, cls: str) -> list[str]:
    return re.findall(rf'<tr id="[^"]+" class="{cls}[^"]*">(.*?)</tr>', markup, flags=re.S)


def test_events_group_the_mentions_with_links_and_provenance():
    section, _, _ = render_article("a", TEXT, PRED, events=EVENTS)
    events = _rows(section, "ex-event-row")
    assert len(events) == 2
    main, other = events
    assert "E1 (main)" in main and "(main)" not in other
    assert main.count('from <a href="#doc-a-p1">P1</a>') == 4  # actor, action, quantity, location from P1
    assert 'href="#doc-a-p1">P1</a>, <a href="#doc-a-p3">P3</a>' in main  # its mentions
    assert "the publication date" in main and "from <a" in main  # provenance per slot
    assert 'href="#doc-a-p2">P2</a>' in other
    # each tuple row names its event, as a link to the event's row
    tuples = _rows(section, "ex-row")
    assert ['href="#doc-a-e1"' in r for r in tuples] == [True, False, True]
    assert 'href="#doc-a-e2"' in tuples[1]
    assert 'id="doc-a-e1"' in section and 'id="doc-a-e2"' in section
    assert "Korea &lt;b&gt;" in other and "Korea <b>" not in section  # escaped


@pytest.mark.parametrize("events", [None, []])
def test_lines_without_events_show_no_event_table(events):
    section, _, _ = render_article("a", TEXT, PRED, events=events)
    assert "ex-events" not in section and "<th>event</th>" not in section


def test_report_from_predictions_with_events(folder, tmp_path):
    pred = write_jsonl(tmp_path / "pred.jsonl", [{"doc_id": "a", "tuples": PRED, "events": EVENTS}])
    page = build_report(folder, predictions=pred)
    assert len(_rows(page, "ex-event-row")) == 2 and "2 events" in page


@pytest.mark.parametrize("ids", [("a.b", "a_b"), ("a b", "a_b", "a-b"), ("x/1", "x_1", "x.1"), ("ü", "_fc_")])
def test_anchors_of_different_ids_differ(ids):
    """Issue 14, defect 14: ids "a.b" and "a_b" got the same anchor."""
    from extractor.show import _anchor

    anchors = [_anchor(doc_id) for doc_id in ids]
    assert len(set(anchors)) == len(ids)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", a) for a in anchors)


@pytest.mark.parametrize(
    "fields, shown",
    [
        ({"location_name": "Lyon", "location_country": "FR"}, "Lyon (FR)"),
        ({"location_name": None, "location_country": "FR"}, "\u2014 (FR)"),  # a common noun place: its document's country
        ({"location_name": None, "location_country": None}, "\u2014"),
    ],
)
def test_place_cell_shows_a_country_without_a_name(fields, shown):
    assert _cell(fields, "place") == shown
