"""Attack-report constructions (invented sentences): an event that causes, named as the
subject of the first of coordinated verbs or of the verb a result participle hangs on, is the
cause of each of them (``agentless_cause``, actor null); a past participle coordinated with a
passive shares its gapped auxiliary (its subject is a patient, never the actor); a definite
count of victims is a toll (a quantity), while a definite count of participants is none."""

from __future__ import annotations

import pytest


def _rows(extractor_, text):
    return [(t["actor"], t["action"], t["quantity"]) for t in (x.to_dict() for x in extractor_.extract(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast killed six people and injured 20 others in Quetta.",
         [(None, "kill", "six people"), (None, "injure", "20 others")]),
        ("The attack, which killed three people and injured more than 260, shocked Lyon.",
         [(None, "kill", "three people"), (None, "injure", "more than 260")]),
        ("The explosion ripped through the market, killing 30 people.",
         [(None, "kill", "30 people")]),
        ("The hall was wrecked by an explosion, killing 40 people.",
         [(None, "kill", "40 people")]),
        # a doer stays the actor of both verbs
        ("Gunmen killed four villagers and wounded nine in Borno on Sunday.",
         [("Gunmen", "kill", "four villagers"), ("Gunmen", "wound", "nine")]),
    ],
)
def test_a_cause_is_shared_by_coordinated_verbs_and_result_participles(extractor_, text, expected):
    assert _rows(extractor_, text) == expected


@pytest.mark.parametrize(
    ("text", "action", "expected"),
    [
        ("Two soldiers were killed and three injured in the ambush near Gao.", "injure", (None, "injure", "three")),
        ("Five guards were shot and two wounded at the gate in Herat.", "wound", (None, "wound", "two")),
    ],
)
def test_a_participle_coordinated_with_a_passive_is_passive(extractor_, text, action, expected):
    rows = [r for r in _rows(extractor_, text) if r[1] == action]
    assert rows == [expected]


@pytest.mark.parametrize(
    ("text", "action", "quantity"),
    [
        ("The six soldiers killed in the attack near Kandahar were buried.", "kill", "six soldiers"),  # a toll
        ("The two leaders met in Paris on Monday.", "meet", None),  # participants already named (gold T10)
    ],
)
def test_a_definite_count_of_victims_is_a_toll(extractor_, text, action, quantity):
    rows = [r for r in _rows(extractor_, text) if r[1] == action]
    assert [r[2] for r in rows] == [quantity]
