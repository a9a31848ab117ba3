"""The actor of a gerund after "for" (lexicon ``judged_act_preps``) that hangs on a verb with
an object naming people or a body: the object, judged for its own act, not the verb's
subject (``controller``). Invented sentences, real model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("Police arrested three men in Marseille for smuggling cocaine on Friday.", "smuggling", "men"),
        ("The mayor praised the volunteers for rebuilding the school in Tarvin in May.", "rebuilding", "volunteers"),
        ("The regulator fined the company for dumping waste in the river in 2019.", "dumping", "company"),
    ],
)
def test_the_judged_object_does_the_gerund(slot_of, text, word, actor):
    assert slot_of(text, word, "actor") == (actor, "controller")


def test_an_object_that_is_a_thing_leaves_the_subject(slot_of):
    # "the trucks" do not act: the council does
    assert slot_of("The council used the trucks for carrying sand to Tarvin in May.", "carrying", "actor")[0] == "council"


def test_a_passive_without_object_keeps_its_patient(slot_of):
    # no object: the passive's patient is judged for the act, as before
    assert slot_of("The firm was praised in Lyon for recycling plastic in 2020.", "recycling", "actor") == ("firm", "controller")
