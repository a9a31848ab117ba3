"""The lexicon: word-class files, injection into the stages, digests. No statistical model."""

from __future__ import annotations

import spacy
import pytest
from spacy.tokens import Doc, Span

from extractor.errors import ExtractorError
from extractor.lexicon import LEXICON_DIR, Lexicon, default_lexicon, read_word_class, verb_lemmas
from extractor.normalize.actor import SECTORS
from extractor.triggers import find_modality, find_triggers, given_triggers

VOCAB = spacy.blank("en").vocab

SHIPPED = sorted(LEXICON_DIR.glob("*.txt"))


# --- the data files -----------------------------------------------------------------------


def test_the_lexicon_ships_word_class_files():
    assert len(SHIPPED) > 40
    assert set(default_lexicon().names) == {p.stem for p in SHIPPED}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_file_names_its_source_and_repeats_no_entry(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# source: ") and len(lines[0]) > len("# source: ") + 20
    kind = "map" if "# kind: map" in lines else "set"
    entries = [line.partition("\t")[0] if kind == "map" else line for line in lines if line and not line.startswith("#")]
    assert entries, "an empty class"
    assert len(entries) == len(set(entries)), sorted(e for e in set(entries) if entries.count(e) > 1)
    assert all(e == e.strip() and e for e in entries)
    wc = read_word_class(path)
    assert wc.source and wc.kind == kind


def test_a_file_without_a_source_is_refused(tmp_path):
    (tmp_path / "verbs.txt").write_text("# a class of verbs\nsend\n", encoding="utf-8")
    with pytest.raises(ExtractorError) as err:
        Lexicon(directory=tmp_path)
    assert err.value.code == "E040" and "source" in str(err.value)


def test_a_map_entry_without_a_tab_is_refused(tmp_path):
    (tmp_path / "nouns.txt").write_text("# source: a test\n# kind: map\npresence be\n", encoding="utf-8")
    with pytest.raises(ExtractorError) as err:
        Lexicon(directory=tmp_path)
    assert err.value.code == "E040" and "line 3" in str(err.value)


def test_a_class_named_like_a_lexicon_attribute_is_refused(tmp_path):
    (tmp_path / "words.txt").write_text("# source: a test\nsend\n", encoding="utf-8")
    with pytest.raises(ExtractorError) as err:
        Lexicon(directory=tmp_path)
    assert err.value.code == "E040"


def test_an_unknown_class_in_add_or_replace_is_refused():
    for how in ("add", "replace"):
        with pytest.raises(ExtractorError) as err:
            Lexicon(**{how: {"planing": ["greenlight"]}})
        assert err.value.code == "E041" and "planning" in str(err.value)


def test_a_directory_of_its_own(tmp_path):
    (tmp_path / "verbs.txt").write_text("# source: a test\nsend\ndeploy\n", encoding="utf-8")
    (tmp_path / "nouns.txt").write_text("# source: a test\n# kind: map\npresence\tbe\n", encoding="utf-8")
    lexicon = Lexicon(directory=tmp_path)
    assert lexicon.names == ("nouns", "verbs")
    assert lexicon.verbs == frozenset({"send", "deploy"}) == lexicon.words("verbs")
    assert lexicon.nouns == {"presence": ("be",)} == lexicon.mapping("nouns")
    assert lexicon.sources == {"nouns": "a test", "verbs": "a test"}
    with pytest.raises(AttributeError):
        lexicon.planning


def test_add_and_replace():
    shipped = default_lexicon()
    added = Lexicon(add={"planning": ["greenlight"], "locative_nouns": {"garrison": "be"}})
    assert added.planning == shipped.planning | {"greenlight"}
    assert added.extra_nouns["garrison"] == "be" and added.extra_nouns["presence"] == "be"
    replaced = Lexicon(replace={"planning": "greenlight"})
    assert replaced.planning == frozenset({"greenlight"})
    assert shipped.planning == Lexicon().planning  # the shipped lexicon is left alone


def test_digest_follows_the_entries():
    shipped = Lexicon()
    added = Lexicon(add={"planning": ["greenlight"]})
    assert shipped.digest == default_lexicon().digest and shipped == default_lexicon()
    assert added.digest != shipped.digest and added != shipped
    assert Lexicon(add={"planning": ["plan"]}).digest == shipped.digest  # already there
    # a digest of some classes moves only with those classes
    assert added.digest_of(["person_nouns", "time_nouns"]) == shipped.digest_of(["time_nouns", "person_nouns"])
    assert added.digest_of(["planning"]) != shipped.digest_of(["planning"])
    with pytest.raises(ExtractorError) as err:
        shipped.digest_of(["planing"])
    assert err.value.code == "E041"


def test_sector_classes_do_not_overlap():
    lexicon = default_lexicon()
    seen: dict[str, str] = {}
    for sector in SECTORS:
        name = "sector_" + sector.replace(" ", "_")
        for word in lexicon.words(name) if name in lexicon else ():
            assert word not in seen, f"{word!r} is in {seen.get(word)} and {name}"
            seen[word] = name
    assert len(seen) > 150


# --- injection into trigger finding -----------------------------------------------------------


def make_doc(words, heads, deps, pos, lemmas, ents=()):
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


@pytest.fixture
def voted():
    # The council voted to send 300 troops to Kursk .  ("vote" is in no class of the lexicon)
    return make_doc(
        ["The", "council", "voted", "to", "send", "300", "troops", "to", "Kursk", "."],
        heads=[1, 2, 2, 4, 2, 6, 4, 4, 7, 2],
        deps=["det", "nsubj", "ROOT", "aux", "xcomp", "nummod", "dobj", "prep", "pobj", "punct"],
        pos=["DET", "NOUN", "VERB", "PART", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT"],
        lemmas=["the", "council", "vote", "to", "send", "300", "troop", "to", "Kursk", "."],
        ents=[(5, 6, "CARDINAL"), (8, 9, "GPE")],
    )


def test_an_added_planning_verb_makes_its_complement_planned(voted):
    assert "vote" not in default_lexicon().planning
    planning = Lexicon(add={"planning": ["vote"]})
    # the shipped lexicon: "voted" is the event, "to send" its purpose
    assert [(t.lemma, t.modality) for t in find_triggers(voted)] == [("vote", "asserted")]
    assert find_modality(voted[4], default_lexicon()) == "asserted"
    # with "vote" a planning verb: "send" is the event, and a planned one
    assert [(t.lemma, t.modality) for t in find_triggers(voted, lexicon=planning)] == [("send", "planned")]
    assert find_modality(voted[4], planning) == "planned"
    assert [t.modality for t in given_triggers(voted, [(21, 25)], lexicon=planning)] == ["planned"]


def test_an_added_locative_noun_becomes_a_presence_trigger():
    # The garrison of 300 troops in Kursk .
    doc = make_doc(
        ["The", "garrison", "of", "300", "troops", "in", "Kursk", "."],
        heads=[1, 1, 1, 4, 2, 1, 5, 1],
        deps=["det", "ROOT", "prep", "nummod", "pobj", "prep", "pobj", "punct"],
        pos=["DET", "NOUN", "ADP", "NUM", "NOUN", "ADP", "PROPN", "PUNCT"],
        lemmas=["the", "garrison", "of", "300", "troop", "in", "Kursk", "."],
        ents=[(3, 4, "CARDINAL"), (6, 7, "GPE")],
    )
    assert [t.lemma for t in find_triggers(doc) if t.i == 1] != ["be"]
    found = find_triggers(doc, lexicon=Lexicon(add={"locative_nouns": {"garrison": "be"}}))
    assert [(t.i, t.lemma, t.kind) for t in found if t.i == 1] == [(1, "be", "noun")]


@pytest.mark.parametrize(
    "form, lemma",
    [("said", "say"), ("told", "tell"), ("wrote", "write"), ("says", "say"), ("stated", "state"),
     ("announces", "announce"), ("warned", "warn"), ("say", "say")],
)
def test_verb_lemmas_of_a_form_without_a_parse(form, lemma):
    assert lemma in verb_lemmas(form)


def test_verb_lemmas_keep_only_wordnet_verbs():
    assert verb_lemmas("Tuesdays") == {"tuesdays"}  # "tuesday" is no verb


@pytest.mark.parametrize("name", ["giving", "getting", "participation", "support"])
def test_a_verb_of_an_always_event_class_is_an_event_verb_whatever_wordnet_says(name):
    # "adore": WordNet's senses of emotion only, in no class of the shipped lexicon
    from extractor.lexicon import is_event_verb

    shipped, added = default_lexicon(), Lexicon(add={name: ["adore"]})
    assert not shipped.always_event("adore") and not is_event_verb("adore", shipped)
    assert added.always_event("adore") and is_event_verb("adore", added)


def test_only_the_always_event_classes_make_an_event_verb():
    from extractor.lexicon import is_event_verb

    lexicon = Lexicon(add={"intransitive": ["adore"], "place_object_verbs": ["adore"]})
    assert not lexicon.always_event("adore") and not is_event_verb("adore", lexicon)
    assert not Lexicon(replace={"support": ["bear"]}).always_event("undergo")


@pytest.mark.parametrize(
    ("text", "word", "found"),
    [
        ("The verdict set off protests in Lyon.", "set", True),  # phrasal member, with its particle
        ("The verdict sparked protests in Lyon.", "sparked", True),  # one-word member
        ("The crew set the table in Lyon.", "set", False),  # no particle: not "set off"
    ],
)
def test_in_verb_class_reads_base_forms_and_particles(nlp, text, word, found):
    from extractor.lexicon import in_verb_class

    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert in_verb_class(token, {"set off", "spark"}) is found


@pytest.mark.parametrize(
    "noun, plural",
    [("foot", "feet"), ("tooth", "teeth"), ("child", "children"), ("crisis", "crises"), ("gram", None), ("run", None)],
)
def test_irregular_plurals_come_from_the_lemmatizer_tables(noun, plural):
    from extractor.lexicon import irregular_plural, is_wordnet_noun

    assert irregular_plural(noun) == plural
    assert is_wordnet_noun(noun)
