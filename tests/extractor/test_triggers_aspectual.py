"""Nouns an aspectual verb (Levin 55) takes as object or subject, and conjuncts of supported
nouns: what begins, continues or ends is an event, though WordNet files the noun mostly
under communication ("embargo", "sanctions")."""

from __future__ import annotations

import pytest

from extractor.triggers import find_triggers


def _triggers(nlp, text):
    doc = nlp(text)
    return {doc[t.i].text: t for t in find_triggers(doc)}


@pytest.mark.parametrize(
    ("text", "word", "not_trigger"),
    [
        # the subject of an aspectual verb: the noun is the event, not the verb
        ("After the embargo began in 2015, the farmers sold their apples in Poland.", "embargo", "began"),
        # the object of an aspectual verb
        ("Canada continued its trade sanctions against Peru in March.", "sanctions", "continued"),
    ],
)
def test_aspectual_argument_is_the_event(nlp, text, word, not_trigger):
    found = _triggers(nlp, text)
    assert word in found and not_trigger not in found, sorted(found)


def test_conjunct_of_a_supported_noun_shares_its_support_and_modality(nlp):
    found = _triggers(nlp, "The council will impose sanctions and an embargo on the junta in May.")
    assert "embargo" in found, sorted(found)
    assert found["embargo"].modality == found["sanctions"].modality == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "The embargo covers oil and gas.",  # no support or aspectual verb: a document, not an event
        "The soldiers kept the money in a bank in Kyiv.",  # an aspectual verb's object that is a thing
    ],
)
def test_no_event_noun_without_support(nlp, text):
    found = _triggers(nlp, text)
    assert not ({"embargo", "money"} & set(found)), sorted(found)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a possessive pronoun stands for the named owner, as "Lamberti's trip" would
        ("During his trip to Peru and Chile, the minister met farmers.", "trip", True),
        ("Her trip to Lima lasted a week.", "trip", True),
        # no place or occurrence phrase: a possessed noun alone is no event
        ("His trip was long.", "trip", False),
        # a participant, whatever its owner
        ("Its soldiers to Ukraine numbered thousands.", "soldiers", False),
        # a light verb with an adverb that names a place: used in its concrete sense
        ("The nurse got home at midnight.", "got", True),
        ("Visitors can use their euros here.", "use", True),
        # no adverb of place: still too light to be an event
        ("The nurse got tired at midnight.", "got", False),
        ("Visitors can use their euros.", "use", False),
        # a phrase of position whose object is a physical thing places the light verb
        ("Engineers put steel pipes around the tank.", "put", True),
        ("The singer stood on a fire truck.", "stood", True),
        # an abstract object gives no position
        ("Engineers put their hopes on the plan.", "put", False),
    ],
)
def test_owned_nouns_and_placed_light_verbs(nlp, text, word, expected):
    found = _triggers(nlp, text)
    assert (word in found) is expected, sorted(found)


@pytest.mark.parametrize(
    ("text", "event", "verb", "modality"),
    [
        # implicative verbs (lexicon implicative, Karttunen 1971): the complement is the event
        ("The envoy managed to leave Tripoli in March.", "leave", "managed", "asserted"),
        ("The envoy did not manage to leave Tripoli in March.", "leave", "manage", "negated"),
        # a negative implicative: the complement did not happen
        ("The company failed to pay its workers in Lagos in June.", "pay", "failed", "negated"),
    ],
)
def test_implicative_complement_is_the_event(nlp, text, event, verb, modality):
    found = _triggers(nlp, text)
    assert event in found and verb not in found, sorted(found)
    assert found[event].modality == modality


def test_implicative_verb_without_complement_keeps_its_own_event(nlp):
    # "manage" in its own sense (run), with no infinitive: an event of its own
    assert "managed" in _triggers(nlp, "She managed a farm in Kenya in 2010.")
