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


def _token_of(doc, word: str):
    return next(t for t in doc if t.text == word)


def _trigger_words(doc) -> set[str]:
    from extractor.triggers import find_triggers

    return {doc[t.i].text for t in find_triggers(doc)}


@pytest.fixture
def token_of():
    """``token_of(doc, word)``: the first token of ``doc`` whose text is ``word``."""
    return _token_of


@pytest.fixture
def trigger_words():
    """``trigger_words(doc)``: the texts of the words ``find_triggers`` takes in ``doc``."""
    return _trigger_words


@pytest.fixture
def verb_kept(nlp):
    """``verb_kept(text, word)``: no verb veto applies to ``word`` in ``text`` and it is a trigger."""
    from extractor.lexicon import default_lexicon
    from extractor.triggers import verb_veto

    def check(text: str, word: str) -> None:
        doc = nlp(text)
        assert verb_veto(_token_of(doc, word), default_lexicon()) is None
        assert word in _trigger_words(doc)

    return check
