"""``syntax.child_tokens`` gives each token's children as ``token.children`` does, kept per
word of the last ``Doc`` asked about, and reads a changed parse after ``forget_children``;
``subtree_tokens`` gives ``token.subtree``; ``keep_parse`` keeps one Doc's parse and per-Doc
lookups (``doc_memo``) across the stages; ``noun_chunk_bounds`` gives ``doc.noun_chunks``'s."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extractor.syntax import child_tokens, doc_memo, forget_children, keep_parse, noun_chunk_bounds, subtree_tokens


def test_child_tokens_equal_token_children(nlp):
    doc = nlp("Rebels took the town on Monday. Troops left after the attack.")
    assert [child_tokens(t) for t in doc] == [tuple(t.children) for t in doc]
    other = nlp("Police arrested two men in Lyon.")
    assert [child_tokens(t) for t in other] == [tuple(t.children) for t in other]


def test_forget_children_reads_a_changed_parse(nlp):
    doc = nlp("Rebels took the town.")
    took, town = doc[1], doc[3]
    assert town in child_tokens(took)
    town.head = doc[0]
    forget_children()
    assert town not in child_tokens(took)
    assert child_tokens(took) == tuple(took.children)
    forget_children()


# --- kept parse (``keep_parse``), subtrees, per-Doc lookups, noun chunk bounds -----------------

SENTENCES = [
    "Rebels took the town on Monday. Troops left after the attack.",
    "A man was killed and five more were wounded in Belfast on Monday, police said.",
    # an extraposed relative clause (the model hangs it on the verb, so the parse stays
    # projective; the hand-built test below is the non-projective one)
    "A man arrived yesterday who had fled the fighting in Kherson.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_subtree_tokens_equal_token_subtree(nlp, text):
    doc = nlp(text)
    assert [subtree_tokens(t) for t in doc] == [tuple(t.subtree) for t in doc]
    forget_children()


def test_subtree_tokens_of_a_hand_built_non_projective_parse(nlp):
    # 0 <- 2 -> 4, and 1 hangs on 4 across 2 and 3: token.subtree's order is left children's
    # subtrees, the word, right children's subtrees, not the span between the edges
    doc = Doc(nlp.vocab, words=["a", "b", "c", "d", "e"], heads=[2, 4, 2, 4, 2], deps=["x", "x", "ROOT", "x", "x"])
    assert [subtree_tokens(t) for t in doc] == [tuple(t.subtree) for t in doc]
    forget_children()


def test_keep_parse_survives_forget_children_until_the_block_ends(nlp):
    doc = nlp("Rebels took the town.")
    took, town = doc[1], doc[3]
    with keep_parse(doc):
        assert town in child_tokens(took)
        town.head = doc[0]
        forget_children()  # a stage's own forget: the kept parse stays for the next stage
        assert town in child_tokens(took)
    assert town not in child_tokens(took)  # the block's end drops it
    forget_children()


def test_doc_memo_builds_once_under_keep_parse_and_each_time_outside(nlp):
    doc, other = nlp("Troops left."), nlp("Police came.")
    calls = []

    def build():
        calls.append(1)
        return len(calls)

    with keep_parse(doc):
        assert doc_memo(doc, "k", build) == doc_memo(doc, "k", build) == 1
        assert doc_memo(other, "k", build) == 2  # another Doc: not kept
    assert doc_memo(doc, "k", build) == 3  # the block's end dropped the memo


@pytest.mark.parametrize("text", SENTENCES[:3] + ["The big dog and a cat saw Mr. Smith in Paris."])
def test_noun_chunk_bounds_equal_noun_chunks(nlp, text):
    doc = nlp(text)
    assert noun_chunk_bounds(doc) == [(c.start, c.end) for c in doc.noun_chunks]


def test_noun_chunk_bounds_need_a_parse():
    import spacy

    with pytest.raises(ValueError, match="E029"):
        noun_chunk_bounds(spacy.blank("en")("no parse here"))


def test_doc_memo_never_answers_for_another_docs_kept_lookups(nlp):
    # a second keep_parse (another thread's pass) replaces the kept Doc: the first Doc's
    # lookups are then built again, never read from the other Doc's memo
    first, second = nlp("Troops left."), nlp("Police came.")
    with keep_parse(first):
        assert doc_memo(first, "k", lambda: "first") == "first"
        with keep_parse(second):
            assert doc_memo(second, "k", lambda: "second") == "second"
            assert doc_memo(first, "k", lambda: "first again") == "first again"
