"""The verb path of ``find_triggers``: a word the tagger calls a verb is a trigger only if it
is a verb at all (WordNet has a verb sense for it, or a lexicon event verb class lists it)."""

from __future__ import annotations

import pytest

from extractor.lexicon import Lexicon, default_lexicon
from extractor.triggers import find_triggers


def _verb_triggers(nlp, text):
    doc = nlp(text)
    return {doc[t.i].text: t.lemma for t in find_triggers(doc) if t.kind == "verb"}


@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        # an adverb of place the tagger calls a verb: no WordNet verb "downstate"
        ("The floods changed life for farmers in the valley and all the way downstate, across the plains.", "downstate", "changed"),
        # a brand name used as a verb, lemmatized to a non-word: no verb sense either way
        ("She Snapchatted from a taxi on Monday.", "Snapchatted", None),
    ],
)
def test_word_without_a_verb_sense_is_no_trigger(nlp, text, word, kept):
    doc = nlp(text)
    assert any(t.text == word and t.pos_ == "VERB" for t in doc)  # the tagger's call the rule corrects
    found = _verb_triggers(nlp, text)
    assert word not in found, found
    if kept is not None:
        assert kept in found, found


@pytest.mark.parametrize("name", ["giving", "getting", "participation", "support", "intransitive", "place_object_verbs"])
def test_lexicon_listed_verb_counts_without_wordnet(nlp, name):
    """A verb a lexicon event class lists stays a trigger though WordNet lacks it: the classes
    of verbs that always report an event (``Lexicon.always_event``) and the intransitive and
    place-object verbs."""
    from extractor import triggers

    doc = nlp("She Snapchatted from a taxi on Monday.")
    token = next(t for t in doc if t.text == "Snapchatted")
    assert triggers._no_verb(token, "snapchatte", "snapchatte", default_lexicon())
    assert not triggers._no_verb(token, "snapchatte", "snapchatte", Lexicon(add={name: ["snapchatte"]}))


def test_a_real_verb_is_never_no_verb(nlp, monkeypatch):
    """Listed or not: WordNet has the verb."""
    from extractor import triggers

    lexicon = default_lexicon()
    arrested = next(t for t in nlp("Police arrested two men.") if t.text == "arrested")
    monkeypatch.setattr(lexicon, "words", lambda name: frozenset())
    monkeypatch.setattr(lexicon, "always_event", lambda lemma: False)
    assert not triggers._no_verb(arrested, "arrest", "arrest", lexicon)
