"""What the extractor puts on a ``Doc`` is plain data: it survives ``DocBin``, ``to_bytes``,
worker processes of ``nlp.pipe``, and a pipeline saved with ``nlp.to_disk`` reloads with
``spacy.load`` in a fresh interpreter that never imports ``extractor`` (the entry points)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from spacy.tokens import Doc, DocBin

from extractor.component import EXACT, event_from_data, event_to_data

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PUBLISHED = {
    rec["doc_id"]: rec.get("published")
    for rec in map(json.loads, (ROOT / "seeds" / "manifest.jsonl").read_text(encoding="utf-8").splitlines())
}
SHORT = [
    "Pyongyang acknowledged in April that it had sent 3,000 troops to Russia.",
    "spot_imgspot_img\n\nA total of 10,000 troops were dep\nloyed to Kursk by Russia in June.\n\nRelated Articles\n",
]


def seed(k: int) -> tuple[str, str | None]:
    return SEEDS[k].read_text(encoding="utf-8"), PUBLISHED[SEEDS[k].stem]


def dicts(events) -> list[dict]:
    return [e.to_dict() for e in events or ()]


@pytest.fixture(scope="module")
def docs(extractor_):
    """Processed Docs of the library's own pipeline (``build_nlp()``), with a publication date."""
    out = []
    for text, published in [seed(0), seed(3)] + [(t, "2024-10-23") for t in SHORT]:
        doc = extractor_.nlp.make_doc(text)
        doc._.published = published
        out.append(extractor_.nlp(doc))
    assert all(doc._.events for doc in out)
    return out


def same_on_doc(a: Doc, b: Doc) -> None:
    assert b._.events == a._.events
    assert [e.extra for e in b._.events] == [e.extra for e in a._.events]
    # msgpack may give tuples for lists: the same JSON
    assert json.dumps(b._.events_data) == json.dumps(a._.events_data)
    assert (b._.raw_text, b._.published) == (a._.raw_text, a._.published)
    assert [tuple(p) for p in b._.raw_segments] == [tuple(p) for p in a._.raw_segments]


def test_events_are_stored_as_plain_data_and_read_back_exactly(extractor_):
    for k in range(len(SEEDS)):
        text, published = seed(k)
        events = extractor_.extract(text, published=published)
        for event in events:
            data = event_to_data(event)
            # the stored form is the JSON form of the guide, plus what it leaves out
            assert {k: v for k, v in data.items() if k != EXACT} == event.to_dict()
            assert json.loads(json.dumps(data)) == data
            back = event_from_data(json.loads(json.dumps(data)))
            assert back == event and back.extra == event.extra
            assert back.place == event.place and back.confidence == event.confidence


def test_docbin_round_trip_keeps_the_events(extractor_, docs):
    stored = DocBin(store_user_data=True)
    for doc in docs:
        stored.add(doc)
    back = list(DocBin().from_bytes(stored.to_bytes()).get_docs(extractor_.nlp.vocab))
    assert len(back) == len(docs)
    for a, b in zip(docs, back):
        same_on_doc(a, b)


def test_to_bytes_round_trip_keeps_the_events(extractor_, docs):
    for doc in docs:
        same_on_doc(doc, Doc(extractor_.nlp.vocab).from_bytes(doc.to_bytes()))


def test_given_triggers_survive_and_still_work_after_a_round_trip(extractor_):
    text = "Russia sent 500 troops to Kursk last week."
    doc = extractor_.nlp.make_doc(text)
    doc._.given_triggers = [(7, 11)]
    doc._.published = "2024-10-23"
    back = Doc(extractor_.nlp.vocab).from_bytes(doc.to_bytes())  # spans and offset map as lists
    assert dicts(extractor_.nlp(back)._.events) == dicts(extractor_.nlp(doc)._.events) != []


def test_two_worker_processes_give_the_events_of_one(extractor_):
    # plain nlp.pipe on the library's own pipeline: every Doc comes back through to_bytes
    texts = [seed(0)[0], seed(1)[0], *SHORT]
    one = [dicts(doc._.events) for doc in extractor_.nlp.pipe(texts, batch_size=2)]
    two = [dicts(doc._.events) for doc in extractor_.nlp.pipe(texts, batch_size=2, n_process=2)]
    assert two == one and all(one)


FRESH = textwrap.dedent(
    """
    import json, sys
    import spacy

    assert "extractor" not in sys.modules
    nlp = spacy.load(sys.argv[1])
    out = []
    for text, published in json.load(sys.stdin):
        doc = nlp.make_doc(text)
        doc._.published = published
        out.append([e.to_dict() for e in nlp(doc)._.events])
    print(json.dumps({"pipes": nlp.pipe_names, "events": out}))
    """
)


def absolute_pythonpath() -> dict[str, str]:
    """This process's environment with its ``PYTHONPATH`` entries made absolute: a relative
    one (``PYTHONPATH=.`` in a checkout) would be read from the subprocess's working directory
    and miss the checkout this process imports, so the subprocess would run another copy."""
    env = dict(os.environ)
    if env.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.pathsep.join(str(Path(p).resolve()) for p in env["PYTHONPATH"].split(os.pathsep))
    return env


def test_saved_pipeline_reloads_in_a_fresh_interpreter_without_import(extractor_, tmp_path):
    from importlib.metadata import entry_points

    declared = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"event_extractor", "extractor_line_sentences", "place_ruler"} <= declared, (
        "the spaCy entry points are not installed for this interpreter: pip install -e ."
    )
    extractor_.nlp.to_disk(tmp_path / "pipeline")
    inputs = [seed(0), seed(2), (SHORT[1], None)]
    done = subprocess.run(
        [sys.executable, "-c", FRESH, str(tmp_path / "pipeline")],
        input=json.dumps(inputs),
        capture_output=True,
        text=True,
        cwd=tmp_path,  # the installed package, not a checkout in the working directory
        env=absolute_pythonpath(),
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    got = json.loads(done.stdout)
    assert got["pipes"] == extractor_.nlp.pipe_names
    want = [dicts(extractor_.extract(text, published=published)) for text, published in inputs]
    assert json.dumps(got["events"], sort_keys=True) == json.dumps(want, sort_keys=True)
