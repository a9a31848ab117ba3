"""Who an event noun names as its doer through its modifiers (``NOUN_OWNER``), through the
real model: a collective body that acts ("a coalition air strike") and the leader of a
hyphened "X-led" modifier; never what an event of moving carries (guide v2, rule 2)."""

from __future__ import annotations

import pytest

@pytest.mark.parametrize(
    "text, word, actor, rule",
    [
        ("There is no record of a coalition air strike on the town in March.", "strike", "coalition", "body_modifier"),
        ("Police raids in Paris left two people dead.", "raids", "Police", "body_modifier"),
        ("A militia attack on the airport in Goma killed four guards.", "attack", "militia", "body_modifier"),
        ("A Saudi-led air strike hit a hospital in Yemen.", "strike", "Saudi", "leading_modifier"),
        ("The French-led offensive in northern Mali began in January.", "offensive", "French", "leading_modifier"),
    ],
)
def test_an_acting_body_or_leader_modifying_an_event_noun_is_its_actor(slot_of, text, word, actor, rule):
    assert slot_of(text, word, "actor") == (actor, rule)


@pytest.mark.parametrize(
    "text, word",
    [
        # a body that is moved is no doer of its moving
        ("The militia deployment in Tripoli angered residents on Monday.", "deployment"),
        # a place or a thing modifying the noun names no doer
        ("The hospital attack in Kunduz killed 42 people.", "attack"),
        # an adjective of kind names no doer ("military support": support of a military kind)
        ("North Korea Intensifies Military Support to Russia Amid Ukraine Conflict", "Support"),
    ],
)
def test_a_modifier_that_is_no_acting_body_gives_no_actor(slot_of, text, word):
    actor, rule = slot_of(text, word, "actor")
    assert rule not in ("body_modifier", "leading_modifier")


@pytest.mark.parametrize(
    "text, word, actor, rule",
    [
        # a possessive pronoun names the doer of an event it does ("his speech": he speaks)
        ("Trump thanked voters after his victory speech on Wednesday in New York.", "speech", "his", "possessor"),
        ("He praised her performance in Paris on Sunday.", "performance", "her", "possessor"),
        # and never the doer of an event a person undergoes (guide v2 rule 2)
        ("Police detained him after his arrest in Cairo on Monday.", "arrest", None, "agentless_noun"),
        ("Their extradition to Sweden in May was delayed.", "extradition", None, None),
    ],
)
def test_a_possessive_pronoun_is_the_doer_unless_the_event_is_undergone(slot_of, text, word, actor, rule):
    found, found_rule = slot_of(text, word, "actor")
    assert found == actor
    if rule is not None:
        assert found_rule == rule
    else:
        assert found_rule != "possessor"
