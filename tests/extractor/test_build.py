"""Tuple building keeps the names of the rules that filled the tuple's slots."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extractor.build import build_tuples
from extractor.contracts import Arguments, Trigger
from extractor.lexicon import Lexicon
from extractor.linking import link_arguments

VOCAB = spacy.blank("en").vocab


def test_a_tuple_names_the_rules_of_the_slots_it_keeps():
    # Kyiv sent medics  .   (the location span is the trailing whitespace token: no slot)
    doc = Doc(VOCAB, words=["Kyiv", "sent", "medics", " ", "."], spaces=[True, True, False, False, False], sent_starts=[True] + [False] * 4)
    args = Arguments(
        actor=(0, 1), quantity=(2, 3), location=(3, 4), score=0.8,
        rules={"actor": "subject", "quantity": "counted_object", "location": "destination"},
    )
    (event,) = build_tuples(doc, [Trigger(1, "send", "verb")], [args], normalize=False)
    assert event.location is None
    assert event.rules == {"actor": "subject", "quantity": "counted_object"}


def test_a_tuple_without_named_rules_has_none():
    doc = Doc(VOCAB, words=["Kyiv", "sent", "medics"], sent_starts=[True, False, False])
    (event,) = build_tuples(doc, [Trigger(1, "send", "verb")], [Arguments(actor=(0, 1), quantity=(2, 3))], normalize=False)
    assert event.rules is None and "rules" not in event.to_dict()


def test_extracted_tuples_name_their_rules(extractor_):
    (event,) = [e for e in extractor_.extract("Peru sent 200 engineers to Haiti last year.") if e.lemma == "send"]
    assert event.rules == {"actor": "subject", "quantity": "counted_object", "location": "destination", "date": "date_dependent"}


def test_group_classes_come_from_the_lexicon(extractor_):
    # a bare group noun takes the country of the last mention of the same kind of group
    doc = extractor_.nlp(extractor_.make_doc("Kenyan medics arrived in Kyiv in May. The nurses flew to Lviv in June."))
    triggers = [Trigger(t.i, t.lemma_, "verb") for t in doc if t.lemma_ in ("arrive", "fly")]
    arguments = link_arguments(doc, triggers)
    shipped = build_tuples(doc, triggers, arguments)
    grouped = build_tuples(doc, triggers, arguments, lexicon=Lexicon(add={"group_classes": {"medical": ["medic", "nurse"]}}))
    assert [e.actor.text for e in shipped] == ["Kenyan medics", "nurses"]
    assert shipped[0].actor_value.country == "KE" and shipped[1].actor_value.country is None
    assert grouped[1].actor_value.country == "KE"
