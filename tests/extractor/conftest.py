"""Fixtures shared by the package's unit tests."""

import pytest

from extractor.textprep import prepare_text


def _assert_blanked_and_kept(raw: str, blanked, kept) -> None:
    """Each ``blanked`` piece of ``raw`` is whitespace in the prepared text, each ``kept``
    piece is there unchanged, at the same offsets."""
    text = prepare_text(raw).text
    assert len(text) == len(raw)
    for piece in blanked:
        start = raw.index(piece)
        assert not text[start : start + len(piece)].strip(), piece
    for piece in kept:
        start = raw.index(piece)
        assert text[start : start + len(piece)] == piece, piece


@pytest.fixture
def blanked_and_kept():
    """``blanked_and_kept(raw, blanked, kept)``: text preparation blanks the ``blanked``
    pieces of ``raw`` and keeps the ``kept`` ones in place."""
    return _assert_blanked_and_kept
