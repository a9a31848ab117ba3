"""Session 20's speed changes give what the code they replace gave: the late reading of a
trigger's modality and source, the search for words broken across a line, the one-pass
``derived_verb``. Each test compares with the old way, written out here or run through the
slower path the package keeps."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from extractor.build import build_tuples
from extractor.contracts import Trigger
from extractor.lexicon import EVENT_NOUN_CLASSES, WordSenses, derived_verb, word_senses
from extractor.linking import link_arguments, make_dep_linker
from extractor.textprep import BROKEN_WORD, _broken_words
from extractor.triggers import TriggerPass, find_triggers

TEXTS = [
    "Militants attacked a checkpoint in Sinai on Monday, officials said.",
    "The army is expected to launch an offensive in Idlib in May.",
    "If the rebels win in Goma, they will march on Kinshasa.",
    "Police reportedly arrested three men in Marseille, the newspaper said.",
    "Did the troops leave Kursk last week?",
]


@pytest.mark.parametrize("text", TEXTS)
def test_triggers_found_without_details_then_detailed_equal_those_found_with_them(nlp, text):
    doc = nlp(text)
    full = find_triggers(doc)
    trigger_pass = TriggerPass(doc)
    bare = trigger_pass.find(details=False)
    assert [(t.i, t.lemma, t.kind, t.rule) for t in bare] == [(t.i, t.lemma, t.kind, t.rule) for t in full]
    assert all(t.modality is None and t.source is None for t in bare)
    assert trigger_pass.details(bare) == full
    assert TriggerPass(doc).details(bare) == full  # without find's lookups, built afresh


def test_tuple_building_refuses_a_trigger_whose_modality_was_not_read(nlp):
    doc = nlp("Militants attacked a checkpoint in Sinai on Monday.")
    bare = TriggerPass(doc).find(details=False)
    with pytest.raises(ValueError, match="no modality"):
        build_tuples(doc, bare, link_arguments(doc, bare), normalize=False)


def test_the_shipped_linker_says_it_reads_only_the_triggers_words():
    assert make_dep_linker().reads_trigger_details is False


def test_the_component_gives_the_same_events_with_late_details_as_without(extractor_):
    component = extractor_.nlp.get_pipe("event_extractor")
    shipped = component.linker
    texts = TEXTS + ["Reportedly, rebels will not attack the base in Goma, a spokesman said on Friday."]
    late = [extractor_.extract(t) for t in texts]

    def plain_linker(doc, triggers, admitted_only=False):  # no reads_trigger_details: details first
        return shipped(doc, triggers, admitted_only=admitted_only)

    component.linker = plain_linker
    try:
        early = [extractor_.extract(t) for t in texts]
    finally:
        component.linker = shipped
    assert late == early
    assert any(late)  # the texts give tuples, with modalities other than "asserted" among them
    assert {e.modality for events in late for e in events} > {"asserted"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab Z\n.-", max_size=60))
def test_broken_words_are_found_where_finditer_finds_them(text):
    assert [m.span() for m in _broken_words(text)] == [m.span() for m in BROKEN_WORD.finditer(text)]


def _derived_verb_by_sorting(senses: WordSenses, *, occurrences_only: bool = False) -> str | None:
    # the code derived_verb replaced: a stable sort by count, event senses first
    order = sorted(range(len(senses.classes)), key=lambda k: -senses.counts[k])
    for k in [k for k in order if senses.classes[k] in EVENT_NOUN_CLASSES] + ([] if occurrences_only else order):
        if senses.verbs[k]:
            return senses.verbs[k][0]
    return None


@pytest.mark.parametrize(
    "noun",
    ["attack", "strike", "deployment", "shelling", "visit", "conference", "fire", "march", "release", "support",
     "record", "trial", "test", "bank", "state", "run", "report", "capture", "ban", "arrest"],
)
@pytest.mark.parametrize("occurrences_only", [False, True])
def test_derived_verb_agrees_with_the_sort(noun, occurrences_only):
    senses = word_senses(noun, "n")
    assert senses is not None
    assert derived_verb(senses, occurrences_only=occurrences_only) == _derived_verb_by_sorting(senses, occurrences_only=occurrences_only)


@pytest.mark.parametrize(
    "senses",
    [
        # ties in count: WordNet's order decides, among event senses first
        WordSenses(classes=("act", "artifact", "act"), counts=(2, 5, 2), verbs=(("a",), ("b",), ("c",))),
        WordSenses(classes=("artifact", "act", "event"), counts=(3, 0, 0), verbs=(("a",), ("b",), ("c",))),
        WordSenses(classes=("artifact", "person"), counts=(1, 1), verbs=((), ("p",))),
        WordSenses(classes=("act", "act"), counts=(0, 0), verbs=((), ())),
    ],
)
@pytest.mark.parametrize("occurrences_only", [False, True])
def test_derived_verb_breaks_ties_as_the_sort_did(senses, occurrences_only):
    assert derived_verb(senses, occurrences_only=occurrences_only) == _derived_verb_by_sorting(senses, occurrences_only=occurrences_only)
