"""A definite numeral of people is no quantity (``_is_definite_people``, gold decision test b
T10: "the two men shook hands" has no slot of its own), through the real model; sentences
invented."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, word",
    [
        ("The two leaders met in the Oval Office.", "met"),
        ("Their three sons arrived in Lyon on Monday.", "arrived"),
        ("These two senators voted in Ohio on Monday.", "voted"),
    ],
)
def test_a_definite_count_of_people_is_no_quantity(slot_of, text, word):
    assert slot_of(text, word, "quantity")[0] is None


@pytest.mark.parametrize(
    "text, word, quantity",
    [
        # indefinite: a count
        ("Two leaders met in the Oval Office.", "met", "Two leaders"),
        # a definite count of things
        ("The firm sold the two factories in Lyon on Monday.", "sold", "two factories"),
        # money with a definite article
        ("The rebels spent the $5 million in Lyon.", "spent", "$5 million"),
    ],
)
def test_definite_people_leaves_these_alone(slot_of, text, word, quantity):
    assert slot_of(text, word, "quantity")[0] == quantity
