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
