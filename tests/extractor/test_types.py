"""EventTuple's JSON form keeps the rules that filled its slots."""

from __future__ import annotations

import json

import pytest

from extractor.types import EventTuple, Slot


def event(**kw) -> EventTuple:
    return EventTuple(action=Slot("sent", 7, 11), actor=Slot("Russia", 0, 6), location=Slot("Kursk", 20, 25), lemma="send", **kw)


def test_rules_round_trip_through_the_json_form():
    x = event(rules={"actor": "subject", "location": "destination"})
    data = json.loads(json.dumps(x.to_dict()))
    assert data["rules"] == {"actor": "subject", "location": "destination"}
    back = EventTuple.from_dict(data)
    assert back == x
    assert back.rules == {"actor": "subject", "location": "destination"}


@pytest.mark.parametrize("rules", [None, {}])
def test_no_rules_no_field(rules):
    x = event(rules=rules)
    assert x.rules is None
    assert "rules" not in x.to_dict()
    assert EventTuple.from_dict(x.to_dict()) == x


def test_rules_take_part_in_equality_not_in_hashing():
    a, b = event(rules={"actor": "subject"}), event(rules={"actor": "passive_agent"})
    assert a != b
    assert hash(a) == hash(b)
    assert a == event(rules={"actor": "subject"})
