"""``syntax.child_tokens`` gives each token's children as ``token.children`` does, kept per
word of the last ``Doc`` asked about, and reads a changed parse after ``forget_children``."""

from __future__ import annotations

from extractor.syntax import child_tokens, forget_children


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
