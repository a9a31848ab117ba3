"""Headless Chromium opens a generated review page: what it shows matches the JSON Lines run.

Needs Debian's chromium (``.ci/ensure-chromium.sh`` installs it) and the ``playwright``
package (in ``[dev]``), which drives that browser and downloads none. Without them the
test skips, and fails under CI (CI set), since CI must run it.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from extractor.batch import run_folder
from extractor.show import SLOT_NAMES, build_report

CHROMIUM = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or "")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(f"{reason} (CI must run the browser test)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    executable = next((p for p in CHROMIUM if p and os.access(p, os.X_OK)), None)
    if executable is None:
        _unavailable("Debian's chromium is not installed (no /usr/bin/chromium): run .ci/ensure-chromium.sh as root")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing: pip install -e '.[dev]'")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def expected_counts(jsonl: Path) -> dict[str, tuple[int, int]]:
    """Per document: slots with offsets, and tuples, as the JSON Lines output holds them."""
    counts = {}
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        slots = sum(1 for t in doc["tuples"] for s in SLOT_NAMES if t.get(f"{s}_start") is not None)
        counts[doc["doc_id"]] = (slots, len(doc["tuples"]))
    return counts


COUNT_IN_PAGE = """() => Object.fromEntries([...document.querySelectorAll('section.ex-doc')].map(s => [
    s.querySelector('h2').textContent,
    [s.querySelectorAll('.ex-pred .ex-slot').length, s.querySelectorAll('.ex-pred-tuples tbody tr').length]]))"""

UNSEEN_LABELS = """() => [...document.querySelectorAll('.ex-slot')].filter(e => {
    const r = e.getBoundingClientRect(); return !(r.width > 0 && r.height > 0); }).length"""

DEAD_LINKS = """() => [...document.querySelectorAll('.ex-slot a')].filter(
    a => !document.getElementById(a.getAttribute('href').slice(1))).length"""


def test_review_page_shows_every_slot_and_tuple_of_the_run(browser, extractor_, root, tmp_path):
    out = tmp_path / "seeds.jsonl"
    run_folder(root / "seeds", out, extractor=extractor_)
    expected = expected_counts(out)
    gold = root / "seeds" / "gold.jsonl"
    artifacts = Path(os.environ.get("BROWSER_ARTIFACTS", root / "out" / "browser"))
    artifacts.mkdir(parents=True, exist_ok=True)
    report = artifacts / "report.html"
    report.write_text(build_report(root / "seeds", predictions=out, gold=gold), encoding="utf-8")

    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(report.resolve().as_uri())
    shown = {doc: tuple(pair) for doc, pair in page.evaluate(COUNT_IN_PAGE).items()}
    assert shown == expected
    assert sum(s for s, _ in shown.values()) > 0
    assert page.locator(".ex-gold-tuples tbody tr").count() == sum(
        len(json.loads(line)["tuples"]) for line in gold.read_text(encoding="utf-8").splitlines()
    )
    assert page.evaluate(UNSEEN_LABELS) == 0
    assert page.evaluate(DEAD_LINKS) == 0
    shot = artifacts / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.close()
