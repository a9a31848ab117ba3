"""``syntax.SentenceBounds`` gives each token's sentence as ``token.sent`` does (it reads the
sentence starts once, from the SENT_START column)."""

from __future__ import annotations

import pytest

from extractor.syntax import SentenceBounds


@pytest.mark.parametrize(
    "text",
    [
        "Rebels took the town. Troops left on Monday! Did they return?",
        "One sentence only",
        "Headline words here\n\nThe body starts. It ends.",
    ],
)
def test_sentence_bounds_equal_token_sent(nlp, text):
    doc = nlp(text)
    bounds = SentenceBounds(doc)
    assert [bounds(t.i) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]


def test_sentence_bounds_on_a_document_with_no_sentences_raises_as_spacy_does(nlp):
    doc = nlp.make_doc("No parse here at all")
    with pytest.raises(ValueError):
        SentenceBounds(doc)(0)
