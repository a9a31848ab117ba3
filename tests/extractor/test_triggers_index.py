"""Modality, conditionals and sources read from the ``Doc``'s lookups (``triggers._DocIndex``,
built once per document) give what the word-by-word walks give."""

from __future__ import annotations

import pytest

from extractor.lexicon import Lexicon
from extractor.triggers import _DocIndex, find_modality, find_source, is_conditional

LEXICON = Lexicon()

# (sentence, trigger word, modality, conditional, source as written or None)
CASES = [
    ("The army may have shelled the town.", "shelled", "reported", False, None),
    ("The army may shell the town.", "shell", "planned", False, None),
    ("The army did not shell the town.", "shell", "negated", False, None),
    ("The army is going to shell the town.", "shell", "planned", False, None),
    ("The army probably shelled the town.", "shelled", "reported", False, None),
    ("If the army shells the town, the mayor will leave.", "shells", "asserted", True, None),
    ("The army shelled the town, a spokesman said.", "shelled", "asserted", False, "spokesman"),
    ("According to the mayor, the army shelled the town.", "shelled", "asserted", False, "mayor"),
    ("The mayor said the army shelled the town.", "shelled", "asserted", False, "mayor"),
    # a personal pronoun that stands for a named mention is a source as written
    ("He said the army shelled the town.", "shelled", "asserted", False, "He"),
    ('"The army shelled the town," she told reporters.', "shelled", "asserted", False, "she"),
    ("The army shelled the town, they said.", "shelled", "asserted", False, "they"),
    # not the expletive subject of a passive, not the first or second person
    ("It was reported that the army shelled the town.", "shelled", "asserted", False, None),
    ("I said the army shelled the town.", "shelled", "asserted", False, None),
    ("You said the army shelled the town.", "shelled", "asserted", False, None),
]


@pytest.mark.parametrize("text,word,modality,conditional,source", CASES)
def test_the_index_gives_what_the_walks_give(nlp, text, word, modality, conditional, source):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    index = _DocIndex(doc)
    assert find_modality(token, LEXICON, index) == find_modality(token, LEXICON) == modality
    assert is_conditional(token, LEXICON, index) == is_conditional(token, LEXICON) == conditional
    found = find_source(token, lexicon=LEXICON, index=index)
    assert found == find_source(token, lexicon=LEXICON)
    assert (doc[found[0] : found[1]].text if found else None) == source


def test_the_index_reads_the_lexicon_it_is_asked_with(nlp):
    doc = nlp("The army might shell the town.")
    token = doc[3]
    index = _DocIndex(doc)
    assert find_modality(token, LEXICON, index) == "planned"
    # a lexicon without "might" among its hedging modals: nothing marks the verb; the
    # index built for the first lexicon is not reused for it
    other = Lexicon(replace={"modals_hedged": ["could"]})
    assert "might" not in other.modals_planned
    assert find_modality(token, other, index) == find_modality(token, other) == "asserted"
