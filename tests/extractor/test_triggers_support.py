"""Support and light verbs: the base form of an inflected verb the lemmatizer cut short,
light verbs that WordNet lists with their object as one event verb ("take office"), and the
places of position a support construction's phrases give."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from extractor.triggers import find_triggers
from extractor.lexicon import VerbFormsCache, verb_base, verb_forms


@pytest.mark.parametrize(
    ("lemma", "surface", "expected"),
    [
        ("stag", "staged", "stage"),  # undoubled: the silent "e" was dropped
        ("star", "staring", "stare"),
        ("hop", "hoped", "hope"),
        ("fin", "fined", "fine"),
        ("star", "starring", "star"),  # doubled consonant: the lemma is right
        ("hop", "hopped", "hop"),
        ("plan", "planned", "plan"),
        ("visit", "visited", "visit"),  # two syllables: no doubling rule
        ("open", "opening", "open"),
        ("stay", "stayed", "stay"),  # final y
        ("fix", "fixed", "fix"),  # final x
        ("stag", "stag", "stag"),  # not an inflection
        ("hop", "hopes", "hope"),  # third person: a plain-consonant stem takes "-s"
        ("complet", "completes", "complete"),
        ("hop", "hops", "hop"),
        ("fix", "fixes", "fix"),  # sibilant stems take "-es": the lemma is right
        ("watch", "watches", "watch"),
        ("go", "goes", "go"),
        ("zzq", "zzqes", "zzq"),  # no such verb in WordNet
    ],
)
def test_verb_base_restores_the_silent_e(lemma, surface, expected):
    assert verb_base(SimpleNamespace(lemma_=lemma, lower_=surface)) == expected


def test_verb_forms_gives_both_readings_when_they_differ():
    assert verb_forms(SimpleNamespace(lemma_="stag", lower_="staged")) == ("stage", "stag")
    assert verb_forms(SimpleNamespace(lemma_="take", lower_="took")) == ("take",)


def test_verb_forms_kept_by_string_ids_match_the_strings():
    """``verb_forms`` and ``verb_base`` of a spaCy token, kept by its lemma's and lower-case
    form's string ids, give what the strings give, on first and on later asking, for
    tokens sharing an id pair or only a lemma ("Staged"/"staged", "stagged")."""
    import spacy
    from spacy.tokens import Doc

    words = ["Staged", "staged", "stagged", "hopes", "Hopes", "took", "staring", "fixes"]
    lemmas = ["Stag", "stag", "stag", "hop", "hop", "take", "star", "fix"]
    doc = Doc(spacy.blank("en").vocab, words=words, lemmas=lemmas)  # English: lower_ is set
    for _ in range(2):
        for token in doc:
            plain = SimpleNamespace(lemma_=token.lemma_, lower_=token.lower_)
            assert verb_forms(token) == verb_forms(plain)
            assert verb_base(token) == verb_base(plain)
    assert [verb_base(t) for t in doc] == ["stage", "stage", "stag", "hope", "hope", "take", "stare", "fix"]


def test_verb_forms_cache_keeps_at_most_its_size(monkeypatch):
    """A ``VerbFormsCache`` computes the forms of a (lemma, lower-case form) id pair once and
    keeps the answer up to its size; beyond it the answer is the same, computed each time."""
    import spacy
    from spacy.tokens import Doc

    import extractor.lexicon as lexicon

    computed: list[tuple[str, str]] = []
    real = lexicon._forms

    def counted(lemma: str, low: str) -> tuple[str, ...]:
        computed.append((lemma, low))
        return real(lemma, low)

    monkeypatch.setattr(lexicon, "_forms", counted)
    doc = Doc(spacy.blank("en").vocab, words=["Staged", "staged", "hopes", "took"], lemmas=["Stag", "stag", "hop", "take"])
    cache = VerbFormsCache(size=2)
    expected = [("stage", "stag"), ("stage", "stag"), ("hope", "hop"), ("take",)]
    assert [cache.forms(t) for t in doc] == expected
    assert len(computed) == 4  # four id pairs ("Stag"/"stag" are two lemmas), each computed once
    computed.clear()
    assert [cache.forms(t) for t in doc] == expected
    assert computed == [("hop", "hopes"), ("take", "took")]  # the first two kept, the rest computed again


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a light verb and its bare object, one WordNet event verb
        ("He will take office in January.", {"take office"}, {"take"}),
        ("The new mayor took office in Lyon on Monday.", {"take office"}, set()),
        # "take place": an occurrence verb whose subject is the event, never an event of its own
        ("The vote took place in Kyiv on Sunday.", set(), {"take place"}),
        ("The rebels took control of Aleppo in May.", {"take control"}, {"take"}),
        # the lemmatizer's "stag" for "staged": the verb is "stage"
        ("Farmers staged a rally in Paris on Monday.", {"stage"}, {"stag"}),
    ],
)
def test_light_and_support_verbs(nlp, text, present, absent):
    found = {t.lemma for t in find_triggers(nlp(text))}
    assert present <= found and not (absent & found), found


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # the subject of "take place" or of a passive light support verb is the event
        ("Large protests took place outside the parliament on Friday.", {"protest"}, {"take", "take place"}),
        ("A rally was held in Lyon on Monday.", {"rally"}, {"hold"}),
        ("Peace talks were held in Oslo on Tuesday.", {"talk"}, {"hold"}),
        # no event noun for subject: the light phrase itself, never the bare "take"
        ("Something took place outside the embassy on Friday.", {"take place"}, {"take"}),
    ],
)
def test_the_subject_of_an_occurrence_construction_is_the_event(nlp, text, present, absent):
    found = {t.lemma for t in find_triggers(nlp(text))}
    assert present <= found and not (absent & found), found


@pytest.mark.parametrize(
    ("text", "action", "location", "date"),
    [
        ("Large protests took place outside the parliament on Friday.", "protest", "parliament", "Friday"),
        ("A rally was held in Lyon on Monday.", "rally", "Lyon", "Monday"),
        ("The attack happened in Kandahar on Sunday.", "attack", "Kandahar", "Sunday"),
    ],
)
def test_the_occurrence_verb_places_and_dates_its_subject_event(extractor_, text, action, location, date):
    tuples = [t for t in extractor_.extract(text) if t.lemma == action]
    assert tuples, extractor_.extract(text)
    assert tuples[0].location is not None and location in tuples[0].location.text
    assert tuples[0].date is not None and date in tuples[0].date.text


@pytest.mark.parametrize(
    ("text", "action", "location"),
    [
        ("Hundreds of farmers protested outside the European Parliament on Tuesday.", "protest", "European Parliament"),
        ("Thousands of workers rallied behind the Capitol in Washington on Friday.", "rally", "Capitol"),
    ],
)
def test_places_of_position_locate_the_event(extractor_, text, action, location):
    tuples = [t for t in extractor_.extract(text) if t.lemma == action]
    assert tuples and tuples[0].location is not None and location in tuples[0].location.text, tuples


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a cognition or light verb placing its subject or object: its concrete sense
        ("She stood outside Trump Tower on Sunday.", {"stand"}, set()),
        ("The troops remained in Kursk in May.", {"remain"}, set()),
        ("He appeared in court in Paris on Monday.", {"appear"}, set()),
        # no place: the attitude or the light use
        ("She cannot stand the noise.", set(), {"stand"}),
        ("It remains unclear who fired.", set(), {"remain"}),
        # a clausal complement: the event is in it
        ("He appeared to leave Paris on Monday.", {"leave"}, {"appear"}),
        # an event noun for object: the noun is the event
        ("They held a meeting in Paris on Monday.", {"meet"}, {"hold"}),
    ],
)
def test_placed_cognition_and_light_verbs(extractor_, text, present, absent):
    found = {t.lemma for t in find_triggers(extractor_.nlp(text))}  # with the place ruler
    assert present <= found and not (absent & found), found


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a noun dated or placed by its own phrase is an occurrence; a message noun (lexicon
        # message_nouns) never is: an act of communication (decision of 2026-12-03)
        ("After his speech on Wednesday, the crowd left.", set(), {"speak", "speech"}),
        ("During a conference call on Saturday, Clinton conceded.", set(), {"call"}),
        # undated, unplaced: the thing said or the device, not an occurrence
        ("His speech was long.", set(), {"speak"}),
        ("The call was short.", set(), {"call"}),
        # a report is a source, never an event, whatever its date
        ("The report on Monday said troops moved.", {"move"}, {"report"}),
        # a modifier naming one day dates the noun too
        ("After the Oct. 19 debate, the crowd left.", {"debate"}, set()),
        ("Tuesday's speech drew a crowd.", set(), {"speak", "speech"}),
        ("Monday's report said troops moved.", {"move"}, {"report"}),
        # a day after the noun, or a day with its part before it, dates it as well
        ("In a lecture later Friday at the library, the mayor thanked donors.", set(), {"lecture"}),
        ("Fans awaited the senator's speech Monday in Leeds.", set(), {"speak", "speech"}),
        ("Protesters gathered before a Friday night debate in Leeds.", {"debate"}, set()),
        # a year or a month alone names no day
        ("The 2016 debate was long.", set(), {"debate"}),
        ("Fans awaited the senator's speech this year.", set(), {"speak"}),
        # a day after the occasion of a report dates the report, not an event
        ("The mayor told donors on a conference call Saturday that taxes would rise.", set(), {"call"}),
        ("The mayor said during a speech Friday that taxes would rise.", set(), {"speak"}),
        ("The October debate was long.", set(), {"debate"}),
    ],
)
def test_dated_speech_act_nouns(extractor_, text, present, absent):
    found = {t.lemma for t in find_triggers(extractor_.nlp(text))}
    assert present <= found and not (absent & found), found


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # the noun of an intransitive verb of appearing that the lexicon files as cognition
        # for its raising use: an event where the context forces the occurrence; the noun
        # itself is the action
        ("The singer made an appearance in court in Leeds on Monday.", {"appearance"}, set()),
        ("Fans awaited the singer's appearance on Friday in Leeds.", {"appearance"}, set()),
        # no such context: the look of someone, and the raising verb stays no event
        ("His appearance was neat.", set(), {"appearance", "appear"}),
        ("The singer appears to be tired.", set(), {"appear", "appearance"}),
        # a noun of a verb of saying stays out after a support verb
        ("The lawyer made an argument in court on Monday.", set(), {"argue", "argument"}),
    ],
)
def test_nouns_of_appearing(extractor_, text, present, absent):
    found = {t.lemma for t in find_triggers(extractor_.nlp(text))}
    assert present <= found and not (absent & found), found


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a light verb of making, moving, handing over or using with a physical thing or a
        # sum of money for theme: its concrete sense
        ("The clerk used a stolen laptop from 2015 to 2017.", {"use"}, set()),
        ("About 40 lorries are being used in the search on Monday.", {"use"}, set()),
        ("Fans who gave $5,000 to the club met in May.", {"give"}, set()),
        ("The coach took a photograph with the mayor on Friday.", {"take"}, set()),
        # an event noun for theme: the noun is the event, not the light verb
        ("The mayor made a decision on Monday.", set(), {"make"}),
        # a light verb outside the class, or a theme that is no thing: no act of its own
        ("The firm has a factory in Ohio.", set(), {"have"}),
        ("The club used the chance in May.", set(), {"use"}),
    ],
)
def test_light_verbs_handling_things(extractor_, text, present, absent):
    found = {t.lemma for t in find_triggers(extractor_.nlp(text))}
    assert present <= found and not (absent & found), found
