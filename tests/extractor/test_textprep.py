import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.textprep import is_furniture, prepare_text


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Related Articles", True),
        ("Back to top button", True),
        ("Get in Touch", True),
        ("spot_imgspot_img", True),
        ("  \u2022 For more: Elrisala website and for social networking, you can follow us on Facebook", True),
        ("  \u2022 Source of information and images \u201cindependent\u201d", True),
        ("- News", True),
        ("World", True),
        ("North Korea Deploys 3,000 Troops to Russia", False),
        ("The ministry said it would follow the talks on Facebook closely after the vote.", False),
        ("", False),
    ],
)
def test_is_furniture(line, expected):
    assert is_furniture(line) is expected


@pytest.mark.parametrize(
    "raw, word",
    [
        ("10,000 troops are expected to be dep\nloyed, including", "deployed"),
        ("modernizing its milita\nry capabilities.", "military"),
    ],
)
def test_broken_words_are_rejoined_with_raw_offsets(raw, word):
    prepared = prepare_text(raw)
    assert len(prepared.text) == len(raw)
    start = prepared.text.index(word)
    raw_start, raw_end = prepared.span_to_raw(start, start + len(word))
    assert raw[raw_start:raw_end].replace("\n", "") == word
    # everything after the rejoined word maps to itself
    tail = prepared.text.index(word) + len(word) + 1
    assert prepared.to_raw(tail) == tail


def test_line_break_between_words_is_kept():
    raw = "the troops\nare ready"
    assert prepare_text(raw).text == raw


def test_non_breaking_spaces_become_spaces():
    raw = "equipment.\u00a0 North Korea plans"
    prepared = prepare_text(raw)
    assert "\u00a0" not in prepared.text
    assert prepared.text.index("North") == raw.index("North")


def test_furniture_is_blanked_in_place():
    raw = "Troops arrived in Kursk.\n\nRelated Articles\n\nBack to top button"
    prepared = prepare_text(raw)
    assert "Related" not in prepared.text
    assert prepared.text.startswith("Troops arrived in Kursk.")
    assert len(prepared.text) == len(raw)


@given(st.text())
def test_prepare_text_never_raises_and_keeps_length(raw):
    prepared = prepare_text(raw)
    assert len(prepared.text) == len(raw)
    for i in range(0, len(raw), 7):
        assert 0 <= prepared.to_raw(i) < max(len(raw), 1)


def test_glued_semicolons_split_headlines_in_place():
    raw = "49 troops killed in Lugansk (VIDEO);Rebels down a plane"
    prepared = prepare_text(raw)
    assert prepared.text == "49 troops killed in Lugansk (VIDEO)\nRebels down a plane"
    assert prepare_text("one; two").text == "one; two"
