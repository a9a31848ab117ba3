import re
import subprocess
import sys

import pytest

from evaluation.html import main, render_html, slot_chart_svg
from evaluation.report import evaluate_files

GOLD = [
    {"doc_id": "d1", "tuples": [{"action": "send", "actor": "Russia", "location": "Kursk", "evidence": "Russia sent troops to Kursk."}]},
    {"doc_id": "d2", "tuples": [{"action": "die", "quantity": "3 soldiers"}]},
    {"doc_id": "d<3>", "tuples": []},
]
PRED = [
    {"doc_id": "d1", "tuples": [{"action": "send", "actor": "Russia", "location": "Lviv", "evidence": "Russia sent <them> to Lviv."}]},
    {"doc_id": "d<3>", "tuples": [{"action": "fire", "actor": "Korea"}]},
]


@pytest.fixture
def report(write_jsonl):
    return evaluate_files(write_jsonl("g.jsonl", GOLD), write_jsonl("p.jsonl", PRED))


def test_chart_is_svg_with_every_slot_and_both_modes(report):
    svg = slot_chart_svg(report)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    labels = re.findall(r">([a-z0-9]+)</text>", svg)
    for name in ("actor", "action", "quantity", "location", "date", "micro", "tuple", "strict", "lenient", "f1"):
        assert name in labels, name
    assert slot_chart_svg(report) == svg  # deterministic: no dates, fixed ids


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        # strict: action 1 tp / 1 fp (d<3>) / 1 fn (d2); location 0/1/1; quantity 0/0/1 (precision undefined)
        ("action", ["0.50", "0.50", "0.50", "1/1/1"]),
        ("location", ["0.00", "0.00", "0.00", "0/1/1"]),
        ("quantity", ["\u2013", "0.00", "0.00", "0/0/1"]),
    ],
)
def test_totals_table_has_the_reports_figures(report, row, cells):
    page = render_html(report)
    found = re.search(rf'<tr class="row-{row}"><th>{row}</th>(.*?)</tr>', page)
    assert found, row
    assert re.findall(r'<td class="num">(.*?)</td>', found.group(1))[:4] == cells


def test_page_has_documents_and_every_error_escaped(report):
    page = render_html(report)
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('<tr class="document">') == 3
    assert "d&lt;3&gt;" in page and "<3>" not in page
    assert "Russia sent &lt;them&gt; to Lviv." in page
    for mode in ("strict", "lenient"):
        assert f"Errors ({mode}): {len(report[mode]['errors'])}</h2>" in page
    assert page.count('<div class="error') == len(report["strict"]["errors"]) + len(report["lenient"]["errors"])
    assert page.count('<tr class="failed">') >= 2  # the wrong location, in both modes
    assert "No predictions for" in page and "d2" in page


def test_errors_can_be_left_out(report):
    page = render_html(report, errors=False)
    assert '<div class="error' not in page and "Errors (" not in page


def test_main_writes_html_and_rejects_bad_files(write_jsonl, tmp_path, capsys):
    out = tmp_path / "r" / "report.html"
    gold, pred = write_jsonl("g.jsonl", GOLD), write_jsonl("p.jsonl", PRED)
    assert main(["--gold", str(gold), "--pred", str(pred), "-o", str(out)]) == 0
    assert "<svg" in out.read_text(encoding="utf-8")
    bad = write_jsonl("bad.jsonl", ["{not json"])
    assert main(["--gold", str(bad), "--pred", str(pred), "-o", str(out)]) == 2
    assert "E101" in capsys.readouterr().err


def test_html_report_does_not_import_extractor():
    code = "import sys, evaluation.html; sys.exit('extractor' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
