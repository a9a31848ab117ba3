"""Document-level actor values (``extractor.doc_actors``): a person's short or titled
mention takes the full name the document writes, a person takes the country named beside
one of its mentions, and an actor that can act takes the document's main country. Invented
sentences only."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extractor.doc_actors import DocumentActors
from extractor.lexicon import default_lexicon
from extractor.normalize import normalize_actor
from extractor.types import ActorValue

VOCAB = spacy.blank("en").vocab


def _doc(tagged: str) -> Doc:
    """Words separated by spaces; ``Name|P`` opens a PERSON entity and ``Name|p`` goes on with it."""
    words, ents = [], []
    for item in tagged.split():
        word, _, tag = item.partition("|")
        words.append(word)
        ents.append({"P": "B-PERSON", "p": "I-PERSON"}.get(tag, "O"))
    return Doc(VOCAB, words=words, ents=ents)


def _actors(doc: Doc) -> DocumentActors:
    return DocumentActors(doc, default_lexicon(), lambda a, b: doc[a:b].text)


def _resolve(doc: Doc, start: int, end: int) -> ActorValue | None:
    return _actors(doc).resolve(normalize_actor(doc[start:end].text), (start, end))


@pytest.mark.parametrize(
    ("tagged", "mention", "expected"),
    [
        # a surname takes the first full name that ends with it
        ("Mayor Ilse|P Varga|p opened the bridge . Later Varga|P left .", (8, 9), "Ilse Varga"),
        # a title and surname: the title goes, the full name comes
        ("Ilse|P Varga|p spoke . Mayor Varga|P left .", (4, 6), "Ilse Varga"),
        ("Ilse|P Varga|p spoke . Mr Varga|P left .", (4, 6), "Ilse Varga"),
        # titles and a place before a full name go
        ("Bavarian Gov. Tomas|P Brenner|p signed .", (0, 4), "Tomas Brenner"),
        ("club owner Rafe|P Odell|p signed .", (0, 4), "Rafe Odell"),
        # the first full name written wins
        ("Ana|P Lund|p and Oskar|P Lund|p met . Lund|P left .", (7, 8), "Ana Lund"),
        # no full name in the document: the mention stays as the normalizer gave it
        ("Varga|P left .", (0, 1), "Varga"),
        # a one-word name keeps a name before it that is no title
        ("Brookfield Herons|P won .", (0, 2), "Brookfield Herons"),
        # a coordinated actor is left alone
        ("Ilse|P Varga|p spoke . Varga|P and Odell|P left .", (4, 7), "Varga and Odell"),
        # a misread entity that repeats a word gives no full name
        ("Ted|P Lomax|p Ted|p Lomax|p spoke . Lomax|P left .", (6, 7), "Lomax"),
    ],
)
def test_a_person_takes_the_name_the_document_gives(tagged, mention, expected):
    value = _resolve(_doc(tagged), *mention)
    assert value is not None and value.name == expected


@pytest.mark.parametrize(
    ("tagged", "mention", "expected"),
    [
        # the normalizer named a state: the president's name does not replace it
        ("Russia sent envoys .", (0, 1), ("Russia", "RU")),
        # a sector head is no person's name
        ("the Varga|P police left .", (0, 3), ("Varga police", None)),
    ],
)
def test_other_actors_keep_the_normalizers_value(tagged, mention, expected):
    value = _resolve(_doc(tagged), *mention)
    assert (value.name, value.country) == expected


def test_no_value_stays_none():
    doc = _doc("He left .")
    assert _actors(doc).resolve(None, (0, 1)) is None
    assert _actors(doc).with_country(None, (0, 1), ("FR",)) is None


def test_a_person_takes_the_country_named_before_a_mention(nlp):
    doc = nlp("The Norwegian skier Ingrid Dahl won the race. Dahl thanked the crowd.")
    start = next(t.i for t in doc if t.text == "Dahl" and t.i > 5)
    value = _actors(doc).resolve(normalize_actor("Dahl"), (start, start + 1))
    assert value == ActorValue("Ingrid Dahl", "NO", None)


@pytest.mark.parametrize(
    ("text", "actor", "expected"),
    [
        ("Protesters marched through the old town on Sunday.", "Protesters", "FR"),
        ("The government closed the schools.", "government", "FR"),
        ("The rescuers searched the hills.", "rescuers", "FR"),
        ("Lomax left the city.", "Lomax", "FR"),
        # no person or group of people: no country
        ("The storm hit the coast on Sunday.", "storm", None),
        ("The boxes arrived on Monday.", "boxes", None),
    ],
)
def test_an_actor_that_can_act_takes_the_documents_main_country(nlp, text, actor, expected):
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == actor)
    span = (i - 1, i + 1) if i > 0 and doc[i - 1].lower_ == "the" else (i, i + 1)
    value = normalize_actor(doc[span[0]:span[1]].text)
    got = _actors(doc).with_country(value, span, ("FR", "DE"))
    assert (got.name, got.country) == (value.name, expected)
    assert _actors(doc).with_country(value, span, ()) == value  # a document without places


def test_a_country_already_given_is_kept(nlp):
    doc = nlp("Chilean soldiers crossed into Peru near Lima.")
    value = normalize_actor("Chilean soldiers")
    assert _actors(doc).with_country(value, (0, 2), ("PE",)).country == "CL"


def test_extracted_tuples_name_the_person_in_full(extractor_):
    text = (
        "Canadian swimmer Maren Holt won three medals in Paris on Sunday. "
        "Holt arrived in Paris last week with 12 teammates."
    )
    events = [e for e in extractor_.extract(text) if e.actor is not None and e.actor.text == "Holt"]
    assert events and all(e.actor_value.name == "Maren Holt" and e.actor_value.country == "CA" for e in events)
