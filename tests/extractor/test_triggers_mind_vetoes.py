"""``VERB_VETOES`` of feelings, mental content and misread names (``emotion_verb``,
``cognition_object``, ``name_as_verb``): verbs whose word classes admit
them but whose clause tells no concrete action (guide section 1). Invented sentences."""

from __future__ import annotations

import pytest

from extractor.lexicon import default_lexicon
from extractor.triggers import verb_veto


@pytest.mark.parametrize(
    ("text", "word", "veto"),
    [
        # a verb first of WordNet's verb.emotion: a feeling caused or felt, no action
        ("The verdict frightened many families across the region on Monday.", "frightened", "emotion_verb"),
        ("The architect was inspired by a trip to Kyoto in 1990.", "inspired", "emotion_verb"),
        ("The closure worried shopkeepers in Leeds last week.", "worried", "emotion_verb"),
        # an object first of noun.cognition: the verb carries mental content only
        ("The panel reached its conclusion in March.", "reached", "cognition_object"),
        ("The board changed its view on the merger in 2019.", "changed", "cognition_object"),
        ("They recalled the conclusion the judge reached in Turin in 2012.", "reached", "cognition_object"),
        # a capitalized name inside the sentence that the tagger read as a verb
        ("Voters have seen Trump close in on her in states like Ohio.", "Trump", "name_as_verb"),
    ],
)
def test_vetoed_verbs(nlp, token_of, trigger_words, text, word, veto):
    doc = nlp(text)
    token = token_of(doc, word)
    assert verb_veto(token, default_lexicon()) == veto
    assert word not in trigger_words(doc)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a first sense of another class than emotion
        ("Fans celebrated the title in the streets of Porto on Sunday.", "celebrated"),
        ("The storm struck the coast of Kerala on Monday.", "struck"),
        # an object first of another class than cognition
        ("The convoy reached the border near Rafah on Tuesday.", "reached"),
        ("The firm changed the shape of its bottles in 2018.", "changed"),
        # a noun of the class that names know-how or kinds, with no verb of judging
        ("The firm transferred its welding techniques to Vietnam in 2019.", "transferred"),
        ("The lab developed three types of vaccine in Lyon in 2020.", "developed"),
        # a clause that tells the noun's content, no relative clause: its verb keeps its event
        ("The inquiry reached the conclusion that the guards fled the prison in May.", "fled"),
        # a passive relative clause: its noun is its subject, no object of the verb
        ("Both sides backed the deal, which was signed in Geneva on Sunday.", "signed"),
        # a verb at the start of a sentence, capitalized as any first word is
        ("Seize the airport in Kabul before dawn, the general ordered on Monday.", "Seize"),
        ("Troops seized the airport in Kabul on Monday.", "seized"),
    ],
)
def test_verbs_these_vetoes_leave(verb_kept, text, word):
    verb_kept(text, word)
