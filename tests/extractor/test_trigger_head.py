"""The learned trigger head (extractor/trigger_head.py): its numpy artefact, its scores, and
how find_triggers and the component use it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from extractor.errors import ExtractorError
from extractor.registry import get_trigger_head
from extractor.trigger_head import ARRAYS, HEAD_RULE, TriggerHead, head_path
from extractor.triggers import find_triggers

ROOT = Path(__file__).resolve().parents[2]


class _StubHead:
    """A head that scores 1.0 for the words named, 0.0 for the rest."""

    threshold = 0.5

    def __init__(self, words: set[str]) -> None:
        self.words = words
        self.seen: list[list[int]] = []

    def scores(self, doc, indices):
        self.seen.append(list(indices))
        return np.array([1.0 if doc[i].lower_ in self.words else 0.0 for i in indices], dtype=np.float32)


def test_artefact_loads_with_numpy_only():
    code = (
        "import sys; sys.modules['torch'] = None; sys.modules['transformers'] = None\n"
        "from extractor.trigger_head import TriggerHead\n"
        "h = TriggerHead()\n"
        "assert h.w1.shape[1] == h.w2.shape[0] and h.w1.shape[0] == 96 + len(h.pos_labels) + 1 + len(h.dep_labels) + 1 + 2 * len(h.wn_classes) + 2\n"
        "assert 0 < h.threshold < 1\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_artefact_holds_every_array():
    with np.load(head_path(), allow_pickle=False) as data:
        assert set(ARRAYS) <= set(data.files)


def test_missing_artefact_is_a_coded_error(tmp_path):
    with pytest.raises(ExtractorError) as err:
        TriggerHead(tmp_path / "none.npz")
    assert err.value.code == "E023"


def test_unknown_trigger_option_is_a_coded_error():
    with pytest.raises(ExtractorError) as err:
        get_trigger_head("head-only")
    assert err.value.code == "E024"


@pytest.mark.parametrize("text", [
    "Gunmen stormed a hotel in the capital on Friday and held guests for hours.",
    "The ferry capsized off the coast after a storm, and rescuers pulled survivors from the water.",
])
def test_scores_are_deterministic(nlp, text):
    doc1, doc2 = nlp(text), nlp(text)
    head = TriggerHead()
    other = TriggerHead()
    idx = [t.i for t in doc1 if t.pos_ in ("VERB", "NOUN", "ADJ")]
    first = head.scores(doc1, idx)
    assert first.shape == (len(idx),)
    assert np.array_equal(first, head.scores(doc1, idx))
    assert np.array_equal(first, other.scores(doc2, idx))
    assert ((first >= 0) & (first <= 1)).all()


@pytest.mark.parametrize("text, word", [
    ("The committee reviewed the paperwork in Geneva on Monday.", "paperwork"),
    ("Farmers in the valley harvested a record crop last week.", "crop"),
])
def test_a_word_the_head_fires_on_becomes_a_head_trigger(nlp, text, word):
    doc = nlp(text)
    rules = find_triggers(doc)
    target = next(t.i for t in doc if t.lower_ == word)
    assert target not in {t.i for t in rules}  # the rules leave it out
    found = find_triggers(doc, head=_StubHead({word}))
    added = [t for t in found if t.i == target]
    assert len(added) == 1 and added[0].rule == HEAD_RULE
    assert [t for t in found if t.i != target] == rules  # the rules' triggers unchanged


@pytest.mark.parametrize("text", [
    "Troops shelled the town of Avdiivka on Tuesday, killing three civilians.",
    "Protesters marched through Paris and police detained 40 people.",
])
def test_a_head_that_never_fires_gives_the_rules_triggers(nlp, text):
    doc = nlp(text)
    head = _StubHead(set())
    assert find_triggers(doc, head=head) == find_triggers(doc)
    rule_tokens = {t.i for t in find_triggers(doc)}
    assert head.seen and not rule_tokens & set(head.seen[0])  # the head only sees what the rules left


def test_component_default_has_no_head_and_option_adds_it(extractor_):
    component = extractor_.nlp.get_pipe("event_extractor")
    assert component.triggers == "rules" and component.trigger_head is None
    assert isinstance(get_trigger_head("rules+head"), TriggerHead)


@pytest.mark.parametrize("text, word", [
    ("Rebels resembled soldiers in Goma on Monday.", "resembled"),
])
def test_head_trigger_is_named_in_the_output(extractor_, monkeypatch, text, word):
    component = extractor_.nlp.get_pipe("event_extractor")
    assert not extractor_.nlp(text)._.events  # the rules give no event here
    monkeypatch.setattr(component, "trigger_head", _StubHead({word}))
    events = extractor_.nlp(text)._.events
    assert [e.action.text for e in events] == [word]
    assert events[0].extra["trigger_rule"] == HEAD_RULE
    assert events[0].rules["action"] == HEAD_RULE  # in the JSON output's "rules"
    assert events[0].to_dict()["rules"]["action"] == HEAD_RULE


@pytest.mark.parametrize("text, word", [
    ("Russia stepped up its campaign in Donbas on Monday.", "campaign"),  # an attempt noun
    ("Officials said the shelling began at dawn.", "said"),  # a reporting verb
])
def test_the_rules_vetoes_hold_for_the_head(nlp, text, word):
    doc = nlp(text)
    target = next(t.i for t in doc if t.lower_ == word)
    found = find_triggers(doc, head=_StubHead({word}))
    assert target not in {t.i for t in found}
