"""Rule tables: rules tried in order, the first find wins with its rule's name, names unique."""

from __future__ import annotations

import pytest

from extractor.linking.rules import Found, RuleTable, attempt, names_of


def make_table() -> RuleTable:
    inner = RuleTable("date", "inner")

    @inner.rule
    def inner_hit(x):
        return "inner" if x == "deep" else None

    table = RuleTable("date", "outer")

    @table.rule
    def never(x):
        return None

    @table.rule
    def evens(x):
        return x * 10 if isinstance(x, int) and x % 2 == 0 else None

    @table.rule(via=(inner,))
    def hand_over(x):
        return inner.first(x)

    @table.rule
    def anything(x):
        return x

    return table


def test_the_first_rule_that_finds_something_wins_and_is_named():
    table = make_table()
    assert table.first(4) == Found("evens", 40)
    assert table.first(3) == Found("anything", 3)
    assert table.first(None) is None


def test_a_rule_that_hands_over_records_the_rule_that_found():
    table = make_table()
    assert table.first("deep") == Found("inner_hit", "inner")
    assert table.names == ("never", "evens", "inner_hit", "anything")


def test_a_name_registered_twice_in_a_table_is_refused():
    table = make_table()
    with pytest.raises(ValueError, match="evens"):

        @table.rule
        def evens(x):
            return None


def test_single_rules_are_named_like_table_rules():
    def between_party(x):
        return x or None

    assert attempt(between_party, 5) == Found("between_party", 5)
    assert attempt(between_party, 0) is None
    assert names_of(make_table(), between_party)[-1] == "between_party"


# --- Context.subtree_with: a subtree's words of some labels, read from an index by label ---


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked positions in Aleppo and Idlib on Monday after talks in Geneva failed.",
        "The ministry said troops deployed to the border near Kharkiv in May would stay until winter.",
        "In 2019, two men were arrested at the airport in Lagos with drugs hidden in their luggage.",
    ],
)
@pytest.mark.parametrize("deps", [("pobj",), ("prep", "advmod")])
def test_subtree_with_is_the_subtree_filtered_by_label(nlp, text, deps):
    from extractor.lexicon import default_lexicon
    from extractor.linking.rules import Context

    doc = nlp(text)
    ctx = Context.of(doc, (), default_lexicon())
    for token in doc:
        assert ctx.subtree_with(token, deps) == [t for t in token.subtree if t.dep_ in deps], token.text


def test_subtree_with_reads_a_tree_that_is_not_projective(nlp):
    from spacy.tokens import Doc

    from extractor.lexicon import default_lexicon
    from extractor.linking.rules import Context

    # "a" (1) hangs on "d" (3) across "b" (2), whose head is "c" (4): no projective tree
    words = ["x", "a", "b", "d", "c"]
    doc = Doc(nlp.vocab, words=words, heads=[4, 3, 4, 4, 4], deps=["pobj", "pobj", "pobj", "prep", "ROOT"])
    ctx = Context.of(doc, (), default_lexicon())
    d = doc[3]
    assert [t.text for t in ctx.subtree_with(d, ("pobj",))] == ["a"]  # "b" lies inside d's edges, not under it
    assert [t.text for t in ctx.subtree_with(doc[4], ("pobj",))] == ["x", "a", "b"]
