"""Tuple selection (extractor/selector.py, build.rule_admits): the default rule admission,
the learned selector's numpy artefact, its features and scores, and how the component and
the registry use them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from extractor.build import build_tuples, rule_admits
from extractor.contracts import Arguments, Trigger
from extractor.errors import ExtractorError
from extractor.registry import DEFAULT_SELECTOR, get_selector, selectors
from extractor.selector import (
    ARRAYS, LEARNED_SELECTOR, LEARNED_SELECTOR_ADMITTED, RULE_ADMISSION, SELECTOR_FILES, LearnedSelector, candidate_features,
    is_candidate, load_selector, selector_path, vectorize,
)

ROOT = Path(__file__).resolve().parents[2]
VERSIONS = {"v1": LEARNED_SELECTOR}  # shipped version: registered name
LEARNED = (LEARNED_SELECTOR, LEARNED_SELECTOR_ADMITTED)  # the registered learned selectors


def _trigger(doc, word: str, kind: str = "verb") -> Trigger:
    token = next(t for t in doc if t.lower_ == word)
    return Trigger(i=token.i, lemma=token.lemma_, kind=kind)


def _span(doc, text: str) -> tuple[int, int]:
    words = text.split()
    for i in range(len(doc) - len(words) + 1):
        if [t.text for t in doc[i:i + len(words)]] == words:
            return (i, i + len(words))
    raise AssertionError(text)


# -- the rule admission, on hand-built linker records ---------------------------------------


def test_actor_and_date_is_admitted(nlp):
    doc = nlp("Troops shelled the town on Tuesday.")
    args = Arguments(actor=_span(doc, "Troops"), date=_span(doc, "Tuesday"), rules={"actor": "subject", "date": "prep_date"})
    assert rule_admits(doc, _trigger(doc, "shelled"), args)


def test_actor_alone_is_not_admitted(nlp):
    doc = nlp("Troops shelled the town.")
    args = Arguments(actor=_span(doc, "Troops"), rules={"actor": "subject"})
    assert not rule_admits(doc, _trigger(doc, "shelled"), args)


def test_a_relative_date_does_not_admit_alone(nlp):
    doc = nlp("Troops shelled the town after the announcement.")
    args = Arguments(actor=_span(doc, "Troops"), date=_span(doc, "the announcement"), rules={"actor": "subject", "date": "anchored_date"})
    assert not rule_admits(doc, _trigger(doc, "shelled"), args)


def test_agentless_verdict_needs_a_slot_in_its_sentence(nlp):
    doc = nlp("Seven people were killed in Kharkiv. It rained in Kyiv.")
    trig = _trigger(doc, "killed")
    own = Arguments(quantity=_span(doc, "Seven"), rules={"actor": "agentless_passive", "quantity": "counted_patient"})
    elsewhere = Arguments(location=_span(doc, "Kyiv"), rules={"actor": "agentless_passive", "location": "nearest_place"})
    assert rule_admits(doc, trig, own)
    assert not rule_admits(doc, trig, elsewhere)
    assert not rule_admits(doc, trig, Arguments(quantity=_span(doc, "Seven"), rules={"quantity": "counted_patient"}))  # no actor, no verdict


def test_candidates_are_triggers_with_anything_linked():
    assert is_candidate(Arguments(actor=(0, 1), rules={"actor": "subject"}))
    assert is_candidate(Arguments(rules={"actor": "agentless_passive"}))
    assert is_candidate(Arguments(date=(3, 4), rules={"date": "prep_date"}))
    assert not is_candidate(Arguments())


@pytest.mark.parametrize("text", [
    "Troops shelled the town of Avdiivka on Tuesday, killing three civilians.",
    "Protesters marched through Paris and police detained 40 people. Officials said talks would resume.",
    "Seven people were killed in Kharkiv when a missile hit a school, the governor said.",
])
def test_default_output_is_the_rule_over_the_full_linking(extractor_, nlp, text):
    """The default path (linker asked for ``admitted_only``) gives what the rule keeps of the
    full linking, built the same way: the refactor into ``rule_admits`` changed nothing."""
    component = extractor_.nlp.get_pipe("event_extractor")
    assert component.selector is None and component.selector_name == DEFAULT_SELECTOR
    doc = extractor_.nlp(text)
    from extractor.triggers import find_triggers

    triggers = find_triggers(doc, lexicon=component.lexicon)
    arguments = component.linker(doc, triggers)
    kept = [i for i, (t, a) in enumerate(zip(triggers, arguments)) if rule_admits(doc, t, a)]
    rebuilt = build_tuples(doc, [triggers[i] for i in kept], [arguments[i] for i in kept], keep_all=True,
                           segments=tuple(tuple(s) for s in doc._.raw_segments), lexicon=component.lexicon)
    assert [e.to_dict() for e in rebuilt] == [e.to_dict() for e in doc._.events]


# -- features --------------------------------------------------------------------------------


def test_features_name_the_slots_rules_and_verdict(nlp):
    doc = nlp("Troops shelled the town on Tuesday. Officials said rebels attacked.")
    trig = _trigger(doc, "shelled")
    args = Arguments(actor=_span(doc, "Troops"), date=_span(doc, "Tuesday"), rules={"actor": "subject", "date": "prep_date"})
    other = _trigger(doc, "attacked")
    other_args = Arguments(actor=_span(doc, "rebels"), rules={"actor": "subject"})
    rows = candidate_features(doc, [trig, other], [args, other_args], [0, 1], wn_classes=("contact", "motion"))
    first, second = rows
    assert first["admitted"] == 1.0 and second["admitted"] == 0.0
    assert first["rule:actor=subject"] == 1.0 and first["rule:date=prep_date"] == 1.0
    assert first["has_date"] == 1.0 and "has_date" in second and second["has_date"] == 0.0
    assert second["only_actor"] == 1.0 and second["under_reporting"] == 1.0 and first["under_reporting"] == 0.0
    assert first["first_sentence"] == 1.0 and second["first_sentence"] == 0.0
    assert first["kind=verb"] == 1.0 and first["modality=asserted"] == 1.0
    assert any(name.startswith("wn_v=") for name in first)
    assert first["date_in_sentence"] == 1.0 and "date_in_sentence" not in second
    x = vectorize(rows, ["admitted", "only_actor", "unknown"])
    assert x.tolist() == [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]


@pytest.mark.parametrize("text, word, inside", [
    ('He said "troops attacked the base on Monday".', "attacked", True),
    ('He said "it is over". Troops attacked the base on Monday.', "attacked", False),  # closed, and another sentence
    ("“We will win,” he said, and troops attacked the base on Monday.", "attacked", False),  # opened and closed before it
    ("Troops attacked the base on Monday, “officials” said.", "attacked", False),  # quotes after it only
])
def test_in_quote_counts_the_quote_marks_before_the_trigger_in_its_sentence(nlp, text, word, inside):
    doc = nlp(text)
    trig = _trigger(doc, word)
    args = Arguments(actor=(trig.i - 1, trig.i), rules={"actor": "subject"})
    row = candidate_features(doc, [trig], [args], [0])[0]
    start = doc[trig.i].sent.start
    by_text = sum(doc.text[doc[start].idx:doc[trig.i].idx].count(q) for q in ('"', "“", "”")) % 2 == 1
    assert row["in_quote"] == float(inside) == float(by_text)


# -- the artefact and the registry ---------------------------------------------------------


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_artefact_holds_every_array(version):
    with np.load(selector_path(version), allow_pickle=False) as data:
        assert set(ARRAYS) <= set(data.files)
        assert len(data["feature_names"]) == data["w"].shape[1] == len(data["mean"]) == len(data["std"])
        assert data["w"].shape == (2, len(data["feature_names"])) and data["b"].shape == (2,)
        assert data["threshold"].shape == (2,) and ((data["threshold"] >= 0) & (data["threshold"] <= 1.01)).all()


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_artefact_loads_with_numpy_only(version):
    code = (
        "import sys; sys.modules['torch'] = None; sys.modules['sklearn'] = None\n"
        "from extractor.selector import LearnedSelector, selector_path\n"
        f"s = LearnedSelector(selector_path({version!r}))\n"
        "assert 'admitted' in s.names\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_missing_artefact_is_a_coded_error(tmp_path):
    with pytest.raises(ExtractorError) as err:
        LearnedSelector(tmp_path / "none.npz")
    assert err.value.code == "E025"


def test_unknown_selector_is_a_coded_error():
    with pytest.raises(ExtractorError) as err:
        get_selector("extractor.no_such_selector.v1")
    assert err.value.code == "E026"


def test_registry_names_every_selector():
    assert {RULE_ADMISSION, *LEARNED} <= set(selectors.get_all())
    assert get_selector(RULE_ADMISSION) is None
    for version, name in VERSIONS.items():
        selector = get_selector(name)
        assert isinstance(selector, LearnedSelector)
        assert selector.path == selector_path(version) and selector.path.name == SELECTOR_FILES[version]
    full, admitted = get_selector(LEARNED_SELECTOR), get_selector(LEARNED_SELECTOR_ADMITTED)
    assert full.full_linking and not admitted.full_linking
    assert admitted.path == full.path and admitted is not full  # v1's weights, its own instance
    assert np.array_equal(admitted.w, full.w) and np.array_equal(admitted.thresholds, full.thresholds)


def test_the_versions_names_agree():
    """The registered names, the selector's constants and files, and the training script's
    table of versions (name, weights file) say the same; the versions it trains that failed
    their gate (models/selector.md) have no shipped file."""
    from models.train_selector import VERSIONS as TRAINED

    assert set(VERSIONS) == set(SELECTOR_FILES) <= set(TRAINED)
    for version, name in VERSIONS.items():
        assert name == f"extractor.learned_selector.{version}" and TRAINED[version]["name"] == name
        assert TRAINED[version]["out"].name == SELECTOR_FILES[version]
        assert load_selector(version=version).path == selector_path(version)
    assert SELECTOR_FILES["v1"] == "selector-v1.npz"
    for version in set(TRAINED) - set(VERSIONS):
        assert not TRAINED[version]["out"].exists(), f"{version} is not shipped: its weights must not be in models/"


def test_the_written_out_default_names_agree():
    """cli and selector write the default's name out (the parser is built without importing
    the registry, and the registry does not import the selector): all three must agree."""
    from extractor import cli, registry

    assert cli.DEFAULT_SELECTOR == registry.DEFAULT_SELECTOR == RULE_ADMISSION


def _with_arrays(tmp_path, version: str = "v1", **arrays) -> Path:
    with np.load(selector_path(version), allow_pickle=False) as data:
        values = {name: data[name] for name in data.files}
    values.update({k: np.asarray(v) for k, v in arrays.items()})
    path = tmp_path / SELECTOR_FILES[version]
    np.savez(path, **values)
    return path


TEXT = ("Troops shelled the town of Avdiivka on Tuesday, killing three civilians. "
        "Rebels attacked a convoy. Officials said the army would send 500 soldiers to Kherson in May.")


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_scores_follow_the_weights(nlp, tmp_path, version):
    """The scores are the logistic of the stored weights over the features: change the
    weights and the scores change (the test fails if the weights are ignored)."""
    from extractor.linking import make_dep_linker
    from extractor.triggers import find_triggers

    doc = nlp(TEXT)
    triggers = find_triggers(doc)
    arguments = make_dep_linker()(doc, triggers)
    indices = [i for i, a in enumerate(arguments) if is_candidate(a)]
    assert len(indices) >= 2
    shipped = get_selector(VERSIONS[version])  # the registered selector reads its version's file
    assert shipped.path == selector_path(version)
    scores = shipped.scores(doc, triggers, arguments, indices)
    rows = candidate_features(doc, triggers, arguments, indices, wn_classes=shipped.wn_classes)
    x = vectorize(rows, shipped.names)
    group = (x[:, shipped.names.index("admitted")] == 0).astype(int)
    z = np.array([((x[r] - shipped.mean) / shipped.std) @ shipped.w[g] + shipped.b[g] for r, g in enumerate(group)])
    assert np.allclose(scores, 1 / (1 + np.exp(-z)))
    flipped = LearnedSelector(_with_arrays(tmp_path, version, w=-shipped.w, b=-shipped.b))
    assert np.allclose(flipped.scores(doc, triggers, arguments, indices), 1 - scores)
    none = LearnedSelector(_with_arrays(tmp_path, version, b=np.full(2, -1e3)))
    assert none.select(doc, triggers, arguments) == []
    every = LearnedSelector(_with_arrays(tmp_path, version, b=np.full(2, 1e3), threshold=np.full(2, 0.5)))
    assert [i for i, _ in every.select(doc, triggers, arguments)] == indices


@pytest.mark.parametrize("stored, given, full", [
    (None, None, True),  # v1's file has no "linking": every trigger's full linking
    ("admitted", None, False),
    ("full", None, True),
    (None, "admitted", False),  # the caller's choice wins over the file's
    ("admitted", "full", True),
])
def test_which_triggers_it_scores(tmp_path, stored, given, full):
    path = _with_arrays(tmp_path, **({"linking": np.array(stored)} if stored else {}))
    assert LearnedSelector(path, linking=given).full_linking is full


@pytest.mark.parametrize("version", ["v2", "v2a", "v9"])  # trained and not shipped, or never trained
def test_a_version_without_shipped_weights_is_a_coded_error(version):
    with pytest.raises(ExtractorError) as err:
        selector_path(version)
    assert err.value.code == "E025" and "shipped: v1" in str(err.value)


def test_an_unknown_linking_is_a_coded_error(tmp_path):
    with pytest.raises(ExtractorError) as err:
        LearnedSelector(_with_arrays(tmp_path, linking=np.array("some")))
    assert err.value.code == "E025"


@pytest.mark.parametrize("name, admitted_only", [(LEARNED_SELECTOR, False), (LEARNED_SELECTOR_ADMITTED, True)])
def test_the_component_links_as_the_selector_asks(extractor_, monkeypatch, name, admitted_only):
    """A selector over the admitted_only pass gets that pass (the linking the default runs);
    v1 gets every trigger's full linking. A spy on the linker records what it was asked."""
    component = extractor_.nlp.get_pipe("event_extractor")
    asked = []
    linker = component.linker

    def spy(doc, triggers, *, admitted_only=False):  # the component asks a linker that names the option
        asked.append(admitted_only)
        return linker(doc, triggers, admitted_only=admitted_only)

    monkeypatch.setattr(component, "linker", spy)
    monkeypatch.setattr(component, "selector", get_selector(name))
    monkeypatch.setattr(component, "selector_name", name)
    extractor_.extract(TEXT)
    assert asked == [admitted_only]


def test_admitted_linking_scores_a_subset_of_the_candidates(nlp):
    """Over the admitted_only pass the candidates are the triggers with an actor or an
    agentless verdict, each linked as in the full pass: a subset of v1's."""
    from extractor.linking import make_dep_linker
    from extractor.triggers import find_triggers

    doc = nlp("The parade in Moscow drew crowds. The summit in Paris ended on Friday.")
    triggers = find_triggers(doc)
    linker = make_dep_linker()
    full, admitted = linker(doc, triggers), linker(doc, triggers, admitted_only=True)
    full_c = [i for i, a in enumerate(full) if is_candidate(a)]
    adm_c = [i for i, a in enumerate(admitted) if is_candidate(a)]
    ended = next(i for i, t in enumerate(triggers) if doc[t.i].text == "ended")  # a place and a date, no actor
    assert adm_c and ended in full_c and ended not in adm_c and set(adm_c) < set(full_c)
    assert all(admitted[i] == full[i] for i in adm_c)


def test_learned_selector_output_names_itself_and_its_score(extractor_, monkeypatch, tmp_path):
    component = extractor_.nlp.get_pipe("event_extractor")
    default = [e.to_dict() for e in extractor_.extract(TEXT)]
    monkeypatch.setattr(component, "selector", LearnedSelector(_with_arrays(tmp_path, b=np.full(2, 1e3), threshold=np.full(2, 0.5))))
    monkeypatch.setattr(component, "selector_name", LEARNED_SELECTOR)
    events = extractor_.extract(TEXT)
    assert len(events) > len(default)  # every candidate kept: more than the rule admits
    for e in events:
        assert e.rules["selector"] == LEARNED_SELECTOR and e.to_dict()["rules"]["selector"] == LEARNED_SELECTOR
        assert e.confidence == pytest.approx(1.0) and e.extra["selector_score"] == pytest.approx(1.0)
    monkeypatch.setattr(component, "selector", LearnedSelector(_with_arrays(tmp_path, b=np.full(2, -1e3))))
    assert extractor_.extract(TEXT) == []


@pytest.mark.parametrize("name", LEARNED)
def test_the_shipped_selector_runs_end_to_end(name):
    import extractor

    ex = extractor.load(selector=name)
    component = ex.nlp.get_pipe("event_extractor")
    assert component.selector_name == name and ex.nlp.config["components"]["event_extractor"]["selector"] == name
    assert component.selector is get_selector(name)
    for e in ex.extract(TEXT):
        assert e.rules["selector"] == name
        assert e.confidence >= component.selector.thresholds.min()


@pytest.mark.parametrize("name", LEARNED)
def test_cli_takes_the_selector_option(tmp_path, name):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, "-m", "extractor.cli", "run", str(src), "-o", str(out), "--selector", name, "--no-progress"],
                          cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    import json

    line = json.loads(out.read_text().splitlines()[0])
    assert line["tuples"] and all(t["rules"]["selector"] == name for t in line["tuples"])


# -- training --------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_training_is_deterministic(tmp_path, version):
    """Two trainings from the cached candidates write byte-identical weights, the shipped
    file of that version (the cache is built by ``python -m models.train_selector --version
    VERSION`` from the dev inputs)."""
    from models.train_selector import CACHE, VERSIONS as TRAINED

    if not (CACHE / TRAINED[version]["cache"]).exists():
        pytest.skip(f"no cached candidates: run python -m models.train_selector --version {version} first")
    outs = []
    for k in range(2):
        out = tmp_path / f"s{k}.npz"
        done = subprocess.run([sys.executable, "-m", "models.train_selector", "--version", version, "--out", str(out), "--no-figures"], cwd=ROOT,
                              capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        assert done.returncode == 0, done.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0] == selector_path(version).read_bytes()


def test_keep_all_keeps_every_trigger_with_its_full_linking(extractor_, monkeypatch):
    """The diagnostic selector (for evaluation.misses): a trigger the rule does not admit (an
    actor, no quantity, place or date) is a tuple too, and the linker is asked for its full pass."""
    from extractor.registry import get_selector as get
    from extractor.selector import KeepAll

    text = "Rebels attacked the convoy. The army shelled Avdiivka on Monday."
    default = [e.action.text for e in extractor_.extract(text)]
    component = extractor_.nlp.get_pipe("event_extractor")
    selector = get("extractor.keep_all.v1")
    assert isinstance(selector, KeepAll) and selector.full_linking
    monkeypatch.setattr(component, "selector", selector)
    monkeypatch.setattr(component, "selector_name", "extractor.keep_all.v1")
    kept = extractor_.extract(text)
    assert "attacked" not in default and "shelled" in default
    assert {"attacked", "shelled"} <= {e.action.text for e in kept}
    assert all(e.rules["selector"] == "extractor.keep_all.v1" for e in kept)
