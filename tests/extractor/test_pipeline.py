"""End-to-end tests on short texts through the real model: pronouns, sources, modality,
structure of the output (the argument constructions are in test_constructions.py)."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from extractor import EventTuple, ExtractorError


def only(events, lemma):
    found = [e for e in events if e.lemma == lemma]
    assert found, f"no {lemma!r} event in {[e.lemma for e in events]}"
    return found[0]


def test_pronoun_resolves_to_named_actor(extractor_):
    # the slot is the pronoun as written; its value is the named actor it stands for
    text = "Pyongyang acknowledged in April that it had sent 3,000 troops to Russia."
    event = only(extractor_.extract(text), "send")
    assert text[event.actor.start : event.actor.end] == "it"
    assert event.extra["actor_ref"]["text"] == "Pyongyang"
    assert event.actor_value.country == "KP"


def test_pronoun_prefers_the_previous_subject_to_a_nearer_object(extractor_):
    text = "Iran built a base in Syria. It sent 200 drones to Russia in June."
    event = only(extractor_.extract(text), "send")
    assert event.extra["actor_ref"]["text"] == "Iran"
    assert event.actor_value.country == "IR"


def test_reporting_verb_is_source_not_event(extractor_):
    events = extractor_.extract("South Korea's spy agency said Russia sent 1,500 soldiers to Kursk.")
    assert [e.lemma for e in events] == ["send"]
    assert "spy agency" in events[0].source.text


def test_question_and_copula_yield_nothing(extractor_):
    assert extractor_.extract("Why would North Korea send 3,000 troops to Russia?") == []
    assert extractor_.extract("The 3,000 soldiers are inexperienced.") == []


def test_offsets_point_into_raw_text_with_furniture_and_broken_words(extractor_):
    raw = "spot_imgspot_img\n\nA total of 10,000 troops were dep\nloyed to Kursk by Russia in June.\n\nRelated Articles\n"
    events = extractor_.extract(raw)
    event = only(events, "deploy")
    for slot in (event.actor, event.location, event.date, event.quantity):
        assert slot is not None
        assert raw[slot.start : slot.end].replace("\n", "") == slot.text
    assert raw[event.action.start : event.action.end] == "dep\nloyed"


def test_headline_is_its_own_sentence(extractor_):
    raw = "Belarus Deploys 3,000 Troops to Ukraine\n\nThe government denied everything"
    event = only(extractor_.extract(raw), "deploy")
    assert event.evidence.text == "Belarus Deploys 3,000 Troops to Ukraine"


def test_tuple_round_trips_through_json(extractor_):
    (event,) = [e for e in extractor_.extract("Russia sent 500 troops to Kursk last week.", published="2024-10-23") if e.lemma == "send"]
    data = json.loads(json.dumps(event.to_dict()))
    back = EventTuple.from_dict(data)
    assert back.to_dict() == event.to_dict()


def test_pipe_keeps_order_and_reports_bad_records(extractor_):
    records = [
        {"doc_id": "a", "text": "Russia sent 500 troops to Kursk."},
        {"doc_id": "b", "text": "Troops arrived.", "published": "not a date"},
        {"doc_id": "c", "text": "Kyiv sent 20 medics to Kharkiv."},
    ]
    results = list(extractor_.pipe(records, batch_size=2))
    assert [r.doc_id for r in results] == ["a", "b", "c"]
    # as in the CLI: a date that is not one is a warning and the text is processed without it
    assert results[1].error is None and results[1].published is None
    assert [w[:6] for w in results[1].warnings] == ["[E053]"]
    assert results[0].tuples and results[2].tuples


def test_a_run_keeps_what_was_loaded_before_it_out_of_the_collectors_reach(extractor_):
    """One process too: ``gc.freeze()`` while ``pipe`` runs (a full collection then walks
    only what the run made), put back when it ends."""
    import gc

    assert gc.get_freeze_count() == 0
    results = extractor_.pipe(["Rebels attacked the town of Lisk on Monday.", "Police arrested two men in Oslo."])
    first = next(results)
    assert gc.get_freeze_count() > 0
    rest = list(results)
    assert gc.get_freeze_count() == 0
    assert [r.doc_id for r in [first, *rest]] == ["0", "1"]


def test_failure_inside_the_pipeline_loses_only_that_document():
    import extractor
    from spacy.language import Language

    @Language.component("test_explode_on_marker")
    def explode(doc):
        if "EXPLODE" in doc.text:
            raise RuntimeError("boom")
        return doc

    ex = extractor.load(normalize=False)
    ex.nlp.add_pipe("test_explode_on_marker", first=True)
    texts = ["Russia sent 500 troops to Kursk.", "EXPLODE here", "Kyiv sent 20 medics to Kharkiv."]
    results = list(ex.pipe(texts, batch_size=8))
    assert [r.error is None for r in results] == [True, False, True]
    assert "boom" in results[1].error
    assert results[2].tuples


@pytest.fixture(scope="module")
def blank():
    """An ``Extractor`` on a blank English pipeline: tokenizer only, no model to load."""
    import spacy

    from extractor.pipeline import Extractor

    return Extractor(spacy.blank("en"))


@pytest.mark.parametrize("batch_size", [1, 4])
def test_every_input_of_pipe_gives_one_result_with_its_own_id(blank, batch_size):
    inputs = [
        "Russia sent troops.",
        None,
        5,
        b"Russia sent troops.",
        {"doc_id": "none", "text": None},
        {"doc_id": "number", "text": 3.5},
        {"id": "surrogate", "text": "Russia sent \ud800 troops."},
        {"doc_id": "triggers", "text": "Russia sent troops.", "triggers": [7]},
        {"doc_id": "last", "text": "Kyiv sent medics."},
    ]
    results = list(blank.pipe(inputs, batch_size=batch_size))
    assert [r.doc_id for r in results] == ["0", "1", "2", "3", "none", "number", "surrogate", "triggers", "last"]
    assert [r.error is None for r in results] == [True] + [False] * 7 + [True]
    for result, kind in zip(results[1:6], ("NoneType", "int", "bytes", None, "float")):
        if kind is None:  # "text": null is a record without a text, as in the CLI
            assert result.error.startswith("[E009]")
        else:
            assert result.error.startswith("[E015]") and f"type {kind}," in result.error
    assert "UnicodeEncodeError" in results[6].error and "TypeError" in results[7].error


@pytest.mark.parametrize("text, kind", [(b"Russia sent troops.", "bytes"), (None, "NoneType"), (3, "int"), (["Russia sent troops."], "list")])
def test_extract_refuses_what_is_not_a_text_naming_its_type(blank, text, kind):
    with pytest.raises(ExtractorError, match=rf"^\[E015\] The text given to extract\(\) is of type {kind}, not a string"):
        blank.extract(text)


def test_a_failing_input_iterable_is_raised_after_what_it_gave(blank):
    def texts():
        yield "Russia sent troops."
        yield "Kyiv sent medics."
        raise OSError("disk gone")

    got = []
    with pytest.raises(OSError, match="disk gone"):
        for result in blank.pipe(texts(), batch_size=8):
            got.append(result.doc_id)
    assert got == ["0", "1"]


def test_unknown_linker_is_a_coded_error():
    import extractor

    with pytest.raises(ExtractorError, match="E002"):
        extractor.load(linker="extractor.no_such_linker.v9")


def test_purpose_clause_verbs_are_not_events(extractor_):
    events = extractor_.extract("Russia sent 400 engineers to Kursk to help with rebuilding bridges in Belgorod.")
    assert [e.lemma for e in events] == ["send"]


def test_conditional_clause_is_planned(extractor_):
    # an open condition with slots of its own is a planned event (gold dev a D10, dev b 9)
    events = extractor_.extract("If Russia sends 1,000 troops to Minsk, Poland will respond.")
    assert [(e.lemma, e.modality) for e in events] == [("send", "planned")]


def test_dependent_question_reports_nothing(extractor_):
    assert extractor_.extract("It is unclear whether Russia will send 1,000 troops to Minsk.") == []


def test_event_noun_is_not_an_actor(extractor_):
    events = extractor_.extract("Putin's visit to Pyongyang in June sealed the pact.")
    assert all(e.actor is None or "visit" not in e.actor.text for e in events)


def test_bare_group_noun_takes_country_of_earlier_mention(extractor_):
    text = "About 500 North Korean soldiers arrived in Kursk in May.\n\nThe troops trained at Russian military facilities in June."
    events = extractor_.extract(text, published="2024-10-23")
    train = only(events, "train")
    assert train.actor.text == "troops"
    assert train.actor_value.country == "KP"
    assert train.place is not None and train.place.country == "RU"


def test_place_named_inside_a_longer_phrase(extractor_):
    event = only(extractor_.extract("Pyongyang sent 150 workers to Ukraine's Donbas region in 2024."), "send")
    assert event.place is not None and event.place.country == "UA"


WORKERS_SCRIPT = """
import itertools, multiprocessing, sys, time
import spacy
from extractor.pipeline import Extractor

texts = ("troops were sent to the front %d" % k for k in itertools.count())
stream = Extractor(spacy.blank("en")).pipe(texts, batch_size=4, n_process=2)
next(stream)
print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
time.sleep(600)
"""


def _running(pid):
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_workers_die_with_a_parent_killed_outright():
    proc = subprocess.Popen([sys.executable, "-c", WORKERS_SCRIPT], stdout=subprocess.PIPE, text=True)
    workers = []
    try:
        workers = [int(p) for p in proc.stdout.readline().split()]
        assert len(workers) == 2
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 20
        while any(_running(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_running(p) for p in workers)
    finally:
        proc.kill()
        for pid in workers:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)


def test_results_carry_document_events_with_one_main_first(extractor_):
    text = (
        "Rebels attack army base in Goma\n\n"
        "Rebels attacked an army base in Goma on Tuesday, killing 12 soldiers. "
        "The rebels attacked the base again on Wednesday."
    )
    (result,) = extractor_.pipe([{"doc_id": "a", "text": text, "published": "2031-03-07"}])
    assert result.tuples and result.events
    assert result.events[0].main and sum(e.main for e in result.events) == 1
    covered = sorted(i for e in result.events for i in e.mentions)
    assert covered == list(range(len(result.tuples)))  # every mention in exactly one event
    line = result.to_dict()
    assert [e["main"] for e in line["events"]][0] is True
    assert all(set(e["from"].values()) <= set(e["mentions"]) for e in line["events"])


# --- one reading of records for the API and the CLI (issue 15) ---------------------------

GERMAN = (
    "Die Regierung hat am Montag beschlossen, dass die neuen Regeln für den Handel mit den "
    "Nachbarländern erst im nächsten Jahr gelten sollen, weil die Verhandlungen noch nicht "
    "abgeschlossen sind und viele Fragen offen bleiben."
)


@pytest.mark.parametrize(
    "record, published",
    [
        ({"text": "Troops arrived.", "date": "2024-10-19"}, "2024-10-19"),
        ({"text": "Troops arrived.", "date": "19 October 2024"}, "2024-10-19"),
        ({"text": "Troops arrived.", "published": "Oct 19, 2024", "date": "2020-01-01"}, "2024-10-19"),
        ({"text": "Troops arrived.", "meta": {"published": "2024-10-19"}}, "2024-10-19"),
        ({"text": "Troops arrived.", "published": None, "date": "2024-10-19"}, "2024-10-19"),
    ],
)
def test_pipe_honours_a_records_date_as_published(blank, record, published):
    (result,) = blank.pipe([record])
    assert result.error is None and result.published == published


@pytest.mark.parametrize(
    "records, codes",
    [
        ([{"doc_id": "a", "text": "  \n"}], ["[E007]"]),
        ([{"doc_id": "a", "text": GERMAN}], ["[E030]"]),
        ([{"doc_id": "a", "text": "Troops arrived."}, {"id": "a", "text": "Kyiv sent medics."}], [None, "[E010]"]),
        ([{"doc_id": "a", "text": "Troops arrived.", "published": "03/04/2024"}], [None]),
    ],
)
def test_pipe_reports_records_as_the_cli_does(blank, records, codes):
    results = list(blank.pipe(records))
    assert [r.error[:6] if r.error else None for r in results] == codes
    assert [r.doc_id for r in results] == [str(r.get("doc_id", r.get("id"))) for r in records]


def test_pipe_warns_on_an_ambiguous_date_and_processes_without_it(blank):
    (result,) = blank.pipe([{"doc_id": "a", "text": "Troops arrived.", "published": "03/04/2024"}])
    assert result.error is None and result.published is None
    assert [w[:6] for w in result.warnings] == ["[E053]"]


def test_pipe_processes_a_foreign_text_without_the_language_check(blank):
    (result,) = blank.pipe([{"doc_id": "a", "text": GERMAN}], language_check=False)
    assert result.error is None


def test_pipe_passes_user_fields_through_to_results(blank):
    record = {"id": "x", "text": "Troops arrived.", "url": "https://example.com/a", "title": "Troops", "source": "wire", "meta": {"lang": "en", "source": "nested"}}
    (result,) = blank.pipe([record])
    assert result.meta == {"url": "https://example.com/a", "title": "Troops", "source": "wire", "lang": "en"}
    line = result.to_dict(meta=True)
    assert line["meta"]["url"] == "https://example.com/a" and "meta" not in result.to_dict()
    (failed,) = blank.pipe([{"id": "y", "text": "", "url": "u"}])
    assert failed.error.startswith("[E007]") and failed.meta == {"url": "u"}


def test_a_title_is_not_prepended_and_offsets_point_into_the_records_text(extractor_):
    text = "Russia sent 500 troops to Kursk on Monday."
    (result,) = extractor_.pipe([{"doc_id": "t", "title": "North Korea shells Seoul", "text": text}])
    assert result.tuples
    for t in result.tuples:
        assert text[t.action.start : t.action.end] == t.action.text
    assert result.meta["title"] == "North Korea shells Seoul"


def test_tables_of_pipe_results_carry_the_records_url_and_title(blank, tmp_path):
    import csv

    from extractor.io import write_table
    from extractor.types import Slot

    (result,) = blank.pipe([{"doc_id": "a", "text": "Troops arrived.", "url": "https://example.com/a", "title": "Troops"}])
    # the blank pipeline finds no events: give the result one tuple to make a row
    with_tuple = type(result)(result.doc_id, result.published, (EventTuple(action=Slot("arrived", 7, 14)),), meta=result.meta)
    write_table([with_tuple], tmp_path / "t.csv", format="csv")
    (row,) = csv.DictReader((tmp_path / "t.csv").open(encoding="utf-8"))
    assert (row["doc_id"], row["url"], row["title"]) == ("a", "https://example.com/a", "Troops")


def test_an_articles_furniture_and_dateline_are_found_once(extractor_, monkeypatch):
    """Text preparation finds the furniture and the dateline (``textprep``); the document
    events take the dateline from it rather than look again, and come out as when looked up
    afresh."""
    from extractor import textprep
    from extractor.docevents import merge_events

    seen = []
    find = textprep._furniture_and_dateline
    monkeypatch.setattr(textprep, "_furniture_and_dateline", lambda raw: seen.append(raw) or find(raw))
    texts = [
        "Dam talks stall\n\nVALTOWN -- Rebels attacked the town of Lisk on Monday.",
        "Police arrested two men in Oslo on Friday.",
    ]
    results = list(extractor_.pipe(texts))
    assert seen == texts
    assert results[0].events and results[0].events[0].location is not None
    for r, text in zip(results, texts):
        assert list(r.events) == merge_events(r.tuples, text=text, published=r.published)
