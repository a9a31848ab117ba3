"""The spaCy side: every factory registered at import and declared as an entry point, the
lexicon in the component's config, and a user's own pipeline built as the README says giving
the tuples of ``extract()``."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.util import registry

from extractor import component
from extractor.component import TOKENIZER, EventExtractor, PreparingTokenizer
from extractor.lexicon import Lexicon
from extractor.registry import linkers

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PUBLISHED = {
    rec["doc_id"]: rec.get("published")
    for rec in map(json.loads, (ROOT / "seeds" / "manifest.jsonl").read_text(encoding="utf-8").splitlines())
}
FACTORIES = ("event_extractor", "extractor_line_sentences", "place_ruler", "extractor_transport")


def test_every_factory_is_registered_at_import_and_declared_as_an_entry_point():
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["entry-points"]["spacy_factories"]
    assert set(declared) == set(FACTORIES)
    for name in FACTORIES:
        assert Language.has_factory(name)
        meta = Language.get_factory_meta(name)
        assert meta.assigns, f"{name} declares no assigns"
        module, _, attr = declared[name].partition(":")
        assert module == "extractor.component"
        assert registry.factories.get(name) is getattr(component, attr)
    assert project["entry-points"]["spacy_tokenizers"] == {TOKENIZER: "extractor.component:create_preparing_tokenizer"}
    assert registry.tokenizers.get(TOKENIZER) is component.create_preparing_tokenizer


def test_lexicon_in_the_config_reaches_the_stages_and_survives_to_disk(tmp_path):
    seen = []

    @linkers.register("test.recording_linker.v1")
    def recording(lexicon=None):
        seen.append(lexicon)
        return lambda doc, triggers: []

    nlp = spacy.blank("en")
    config = {"linker": "test.recording_linker.v1", "lexicon": {"add": {"planning": ["greenlight"]}}}
    pipe = nlp.add_pipe("event_extractor", config=config)
    assert "greenlight" in pipe.lexicon.planning and pipe.lexicon.non_event("greenlight")
    assert seen == [pipe.lexicon]  # the linker got the component's one Lexicon
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p").get_pipe("event_extractor")
    assert "greenlight" in loaded.lexicon.planning
    assert loaded.lexicon == pipe.lexicon != Lexicon()
    with pytest.raises(ValueError, match="unknown lexicon key"):
        spacy.blank("en").add_pipe("event_extractor", config={"lexicon": {"remove": {}}})


def test_lexicon_reaches_trigger_finding(extractor_):
    # "authorize" is an event verb of the shipped lexicon; made a planning verb, it is none
    # ("greenlight", once used here, is no WordNet verb and so no trigger at all)
    text = "Biden is going to authorize the deployment of American forces to Ukraine in June."
    nlp = extractor_.nlp
    with nlp.select_pipes(disable=["event_extractor"]):
        doc = nlp(text)
    shipped = EventExtractor(nlp, "a", linker="extractor.dep_linker.v1", normalize=True)
    planning = EventExtractor(nlp, "b", linker="extractor.dep_linker.v1", normalize=True, lexicon={"add": {"planning": ["authorize"]}})
    assert "authorize" in [e.lemma for e in shipped(doc)._.events]
    assert "authorize" not in [e.lemma for e in planning(doc)._.events]


@pytest.fixture(scope="module")
def user_nlp():
    """A user's own pipeline, built as README "Python API" says."""
    from extractor.model import model_name

    nlp = spacy.load(model_name(), config={"nlp": {"tokenizer": {"@tokenizers": "extractor.tokenizer.v1"}}})
    nlp.add_pipe("extractor_line_sentences", before="parser")
    nlp.add_pipe("place_ruler", after="ner")
    nlp.add_pipe("event_extractor")
    return nlp


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_own_pipeline_gives_the_tuples_of_extract(user_nlp, extractor_, path):
    text = path.read_text(encoding="utf-8")
    published = PUBLISHED[path.stem]
    doc = user_nlp.make_doc(text)
    doc._.published = published
    got = [e.to_dict() for e in user_nlp(doc)._.events]
    want = [e.to_dict() for e in extractor_.extract(text, published=published)]
    assert got == want and len(want) >= 5
    # without a publication date too, straight from the text
    assert [e.to_dict() for e in user_nlp(text)._.events] == [e.to_dict() for e in extractor_.extract(text)]


def test_preparing_tokenizer_keeps_the_raw_text_and_stands_for_the_model_tokenizer(user_nlp):
    tokenizer = user_nlp.tokenizer
    assert isinstance(tokenizer, PreparingTokenizer)
    # the components' assigns/requires fit the model's: nothing required is left unset
    assert not any(user_nlp.analyze_pipes(pretty=False)["problems"].values())
    raw = "Related Articles\nTroops were dep\nloyed to Kursk."
    doc = user_nlp.make_doc(raw)
    assert doc._.raw_text == raw and doc.text != raw and len(doc.text) == len(raw)
    assert "deployed" in doc.text and "Related" not in doc.text
    assert tokenizer.rules == tokenizer.base.rules  # attributes are the model tokenizer's
    assert [t.text for t in tokenizer.base("Related Articles")] == ["Related", "Articles"]
    back = pickle.loads(pickle.dumps(tokenizer))
    assert isinstance(back, PreparingTokenizer) and back(raw).text == doc.text
    assert PreparingTokenizer(tokenizer.base).from_bytes(tokenizer.to_bytes()).base.rules == tokenizer.rules


def test_extractor_prepares_the_text_itself_behind_a_plain_tokenizer():
    from extractor.pipeline import Extractor

    raw = "Related Articles\nTroops were dep\nloyed to Kursk."
    plain = Extractor(spacy.blank("en")).make_doc(raw, published="2024-10-23")
    assert plain._.raw_text == raw and "deployed" in plain.text and "Related" not in plain.text
    assert plain._.published == "2024-10-23"


class _CountingDoc(spacy.tokens.Doc):
    """A Doc that counts how often its entities are built (``doc.ents``, also through ``Span.ents``)."""

    built = 0

    @property
    def ents(self):
        type(self).built += 1
        return spacy.tokens.Doc.ents.__get__(self)

    @ents.setter
    def ents(self, value):
        spacy.tokens.Doc.ents.__set__(self, value)


@pytest.mark.parametrize("copies", [1, 4])
def test_the_event_extractor_builds_a_documents_entities_a_fixed_number_of_times(extractor_, copies):
    """Issue 14, defect 6: ``doc.ents`` rebuilds every entity of the document; asked once per
    trigger (by the linker's rules, pronoun resolution, source finding) it made a long document
    cost time quadratic in its length (one document of 20 seeds: 714 builds). An operation
    count, not a timing: the same number of builds for one seed article as for four."""
    nlp = extractor_.nlp
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    text = "\n\n".join(texts[k % len(texts)] for k in range(copies))
    with nlp.select_pipes(disable=["event_extractor"]):
        parsed = nlp(text)
    doc = _CountingDoc(parsed.vocab).from_bytes(parsed.to_bytes())
    _CountingDoc.built = 0
    nlp.get_pipe("event_extractor")(doc)
    assert len(doc._.events) >= 10 * copies  # the count covers real linking work
    # a fixed number of passes (trigger finding, the linker's entity index, the document's
    # place context, tuple building), whatever the document's length
    assert _CountingDoc.built <= 4


def test_line_sentences_start_after_line_breaks_and_semicolons(nlp):
    from spacy.tokens import Doc

    from extractor.component import line_sentences

    def reference(doc):  # the rule as first written, over Token objects
        starts, prev = [], None
        for token in doc:
            starts.append(prev is not None and not token.is_space and (
                "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text) or prev.text == ";"))
            prev = token
        return starts

    for text in ("Rebels took Kursk; troops left\n\nPolice arrested two men", "a ; b\n c \n\n;\n d", ";", "\n x", "x", ""):
        doc = line_sentences(nlp.make_doc(text))
        assert [t.i for t in doc if t.is_sent_start and t.i] == [i for i, s in enumerate(reference(nlp.make_doc(text))) if s]
    words = Doc(nlp.vocab, words=["Kursk", "\n", "Troops", ";", "left"], spaces=[False, False, False, True, False])
    assert [t.i for t in line_sentences(words) if t.is_sent_start and t.i] == [2, 4]
