"""README's table of linker rules lists every rule of each role, in the order tried
(``extractor.linking.RULES``), so that the documented cascade cannot fall behind the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor.linking import RULES

README = Path(__file__).resolve().parents[1] / "README.md"


def _documented(role: str) -> list[str]:
    rows = [line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith(f"| {role} | ")]
    assert len(rows) == 1, f"README has {len(rows)} rule rows for {role!r}"
    cell = re.sub(r"\([^)]*\)", "", rows[0].split("|")[2])  # drop the glosses in parentheses
    return [name.strip() for name in re.split(r"[,;]", cell) if name.strip()]


@pytest.mark.parametrize("role", sorted(RULES))
def test_readme_lists_each_roles_rules_in_order(role):
    assert _documented(role) == list(RULES[role])
