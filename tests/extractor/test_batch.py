"""Batch runs: every bad input has its outcome, nothing is lost or repeated, resume after a kill.

Most tests use a stand-in extractor (no model); the ones marked with the real model use the
session's extractor.
"""

from __future__ import annotations

import gc
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import pytest
import srsly

from extractor.batch import output_paths, run_folder
from extractor.errors import ExtractorError
from extractor.pipeline import DocumentResult, shift_event, split_text
from extractor.types import EventTuple, Slot

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GERMAN = (
    "Die Bundesregierung hat am Dienstag angekündigt, weitere 500 Soldaten nach Litauen zu verlegen, "
    "um die Ostflanke der NATO zu stärken. Verteidigungsminister Pistorius sagte, die Brigade werde "
    "bis 2027 vollständig einsatzbereit sein."
)
LEGACY = "Russia sent 500 troops to Kursk’s border – officials said – at a cost of €2bn. Café owners fled."


class _Nlp:
    max_length = 1_000_000


class StubExtractor:
    """Stands in for ``Extractor``: a tuple per "<Capitalised> sent"; FAIL fails alone;
    ``delay`` seconds per document."""

    def __init__(self, *, delay: float = 0.0, max_length: int = 1_000_000) -> None:
        self.delay = delay
        self.nlp = _Nlp()
        self.nlp.max_length = max_length
        self.seen: list[str] = []

    def pipe(self, records: Iterable[Mapping[str, Any]], *, batch_size: int = 32, n_process: int = 1) -> Iterator[DocumentResult]:
        for rec in records:
            self.seen.append(rec["doc_id"])
            if self.delay:
                time.sleep(self.delay)
            text = rec["text"]
            if "FAIL" in text:
                yield DocumentResult(rec["doc_id"], None, error="processing failed: stub")
                continue
            tuples = tuple(
                EventTuple(action=Slot("sent", m.start(2), m.end(2)), actor=Slot(m.group(1), m.start(1), m.end(1)), lemma="send")
                for m in re.finditer(r"([A-Z]\w+) (sent)", text)
            )
            yield DocumentResult(rec["doc_id"], rec.get("published"), tuples, meta=rec.get("meta", {}))


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def corpus(root: Path, n: int = 6) -> Path:
    folder = root / "corpus"
    (folder / "sub").mkdir(parents=True)
    for k in range(n):
        (folder / f"doc{k:02}.txt").write_text(f"Headline {k}\n\nRussia sent {k} troops. Korea sent shells.\n", encoding="utf-8")
    manifest = [json.dumps({"doc_id": f"doc{k:02}", "published": f"2024-10-{k + 1:02}"}) for k in range(n)]
    (folder / "manifest.jsonl").write_text("\n".join(manifest[:2] + ["{oops"] + manifest[2:]) + "\n", encoding="utf-8")
    return folder


def add_bad_inputs(folder: Path) -> None:
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "german.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "legacy.txt").write_bytes(LEGACY.encode("cp1252"))
    (folder / "failing.txt").write_text("Russia sent FAIL.", encoding="utf-8")
    (folder / "sub" / "doc00.txt").write_text("A duplicate id.", encoding="utf-8")
    os.symlink(folder / "gone.txt", folder / "dangling.txt")


def codes(entries: list[dict[str, Any]], key: str = "error") -> list[tuple[Any, str]]:
    return sorted((e["doc_id"] or "", e[key][:6]) for e in entries if key in e)


def test_bad_inputs_each_get_their_outcome_and_the_run_goes_on(tmp_path):
    folder = corpus(tmp_path)
    add_bad_inputs(folder)
    out = tmp_path / "out.jsonl"
    summary = run_folder(folder, out, extractor=StubExtractor())
    assert sorted(d["doc_id"] for d in lines(out)) == [f"doc{k:02}" for k in range(6)] + ["legacy"]
    errors = lines(tmp_path / "out.errors.jsonl")
    assert codes(errors) == [
        ("", "[E005]"),  # the manifest's broken line
        ("binary", "[E008]"),
        ("dangling", "[E006]"),
        ("doc00", "[E010]"),
        ("empty", "[E007]"),
        ("failing", "processing failed: stub"[:6]),
        ("german", "[E030]"),
    ]
    assert codes(errors, "warning") == [("legacy", "[E031]")]
    german = next(e for e in errors if e["doc_id"] == "german")
    assert "German" in german["error"] and german["path"].endswith("german.txt")
    assert (summary.documents, summary.errors, summary.not_english, summary.warnings) == (7, 6, 1, 1)
    assert summary.tuples == 13  # two per docNN, one in legacy
    by_id = {d["doc_id"]: d for d in lines(out)}
    assert by_id["doc03"]["published"] == "2024-10-04"  # manifest lines after the broken one count
    assert by_id["legacy"]["tuples"][0]["actor"] == "Russia"


def test_english_headlines_with_links_are_processed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    record = {
        "id": "263706",
        "text": "-;Ukraine reports 1 KIA, 3 WIA's amid 46 enemy attacks in past day   Read more on UNIAN: "
        "https://www.unian.info/war/10225179-ukraine-reports-1-kia-3-wia-s-amid-46-enemy-attacks-in-past-day.html",
    }
    (folder / "ucdp.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    summary = run_folder(folder, tmp_path / "out.jsonl", extractor=StubExtractor())
    assert (summary.documents, summary.errors, summary.not_english) == (1, 0, 0)


def test_any_language_processes_foreign_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "german.txt").write_text(GERMAN, encoding="utf-8")
    summary = run_folder(folder, tmp_path / "out.jsonl", extractor=StubExtractor(), language_check=False)
    assert summary.documents == 1 and summary.not_english == 0


def test_rerun_repeats_no_line_and_no_error(tmp_path):
    folder = corpus(tmp_path)
    add_bad_inputs(folder)
    out = tmp_path / "out.jsonl"
    run_folder(folder, out, extractor=StubExtractor())
    before = (out.read_bytes(), (tmp_path / "out.errors.jsonl").read_bytes())
    stub = StubExtractor()
    summary = run_folder(folder, out, extractor=stub)
    assert (out.read_bytes(), (tmp_path / "out.errors.jsonl").read_bytes()) == before
    assert summary.documents == 0 and summary.skipped == 7
    assert stub.seen == ["failing"]  # a failure inside the pipeline is retried, then logged once


def test_resume_cuts_a_torn_line_and_writes_the_rest_once(tmp_path):
    folder = corpus(tmp_path)
    whole = tmp_path / "whole.jsonl"
    run_folder(folder, whole, extractor=StubExtractor())
    out = tmp_path / "out.jsonl"
    done = whole.read_text(encoding="utf-8").splitlines()[:3]
    out.write_text("\n".join(done) + "\n" + done[3 - 1][:17], encoding="utf-8")
    stub = StubExtractor()
    summary = run_folder(folder, out, extractor=stub)
    assert summary.skipped == 3 and summary.documents == 3
    assert stub.seen == ["doc03", "doc04", "doc05"]
    assert sorted(out.read_text(encoding="utf-8").splitlines()) == sorted(whole.read_text(encoding="utf-8").splitlines())


def write_records(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "case",
    ["lines-beside-table-are-the-input", "input-as-output", "unrelated-file", "input-in-the-folder", "unrelated-table", "errors-file", "manifest", "errors-is-output"],
)
def test_an_output_that_is_not_ours_or_is_an_input_is_refused_untouched(tmp_path, case):
    folder = corpus(tmp_path, n=2)
    records = write_records(tmp_path / "data.jsonl", [{"doc_id": "r1", "text": "Russia sent troops."}])
    notes = tmp_path / "notes.txt"
    notes.write_text("My own notes.\nKeep them.\n", encoding="utf-8")
    table = tmp_path / "scores.csv"
    table.write_text("name,score\nann,3\n", encoding="utf-8")
    source, options = {
        "lines-beside-table-are-the-input": (records, {"out": tmp_path / "data.csv"}),
        "input-as-output": (records, {"out": records}),
        "unrelated-file": (folder, {"out": notes}),
        "input-in-the-folder": (folder, {"out": folder / "doc01.txt"}),
        "unrelated-table": (folder, {"out": table}),
        "errors-file": (folder, {"out": tmp_path / "out.jsonl", "errors_path": notes}),
        "manifest": (folder, {"out": folder / "manifest.jsonl"}),
        "errors-is-output": (folder, {"out": tmp_path / "out.jsonl", "errors_path": tmp_path / "out.jsonl"}),
    }[case]
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    stub = StubExtractor()
    with pytest.raises(ExtractorError, match="E013"):
        run_folder(source, options.pop("out"), extractor=stub, **options)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before  # nothing cut, nothing made
    assert stub.seen == []


def test_a_records_file_with_a_bad_first_record_gives_its_good_records(tmp_path):
    folder = corpus(tmp_path, n=1)
    write_records(
        folder / "notes.jsonl",
        [{"doc_id": "n1", "text": None}, {"doc_id": "n2", "text": "Russia sent troops."}, {"doc_id": "n3", "text": 7}, {"doc_id": "n4", "text": "Korea sent shells."}],
    )
    out = tmp_path / "out.jsonl"
    summary = run_folder(folder, out, extractor=StubExtractor())
    assert sorted(d["doc_id"] for d in lines(out)) == ["doc00", "n2", "n4"]
    assert codes(lines(tmp_path / "out.errors.jsonl")) == [("", "[E005]"), ("n1", "[E009]"), ("n3", "[E015]")]
    assert (summary.documents, summary.errors) == (3, 2)


def test_a_record_that_cannot_be_prepared_is_an_error_line(tmp_path):
    """Through the real ``Extractor.pipe`` (on a blank pipeline): a lone surrogate in a text,
    malformed given triggers; every record is one line or one error line."""
    import spacy

    from extractor.pipeline import Extractor

    folder = tmp_path / "in"
    folder.mkdir()
    write_records(
        folder / "records.jsonl",
        [
            {"doc_id": "ok", "text": "Russia sent troops.", "triggers": [[7, 11]]},
            {"doc_id": "surrogate", "text": "Russia sent \ud800 troops."},
            {"doc_id": "one-number", "text": "Russia sent troops.", "triggers": [7]},
            {"doc_id": "a-string", "text": "Russia sent troops.", "triggers": "sent"},
            {"doc_id": "last", "text": "Kyiv sent medics.", "triggers": [[5, 9]]},
        ],
    )
    out = tmp_path / "out.jsonl"
    summary = run_folder(folder, out, extractor=Extractor(spacy.blank("en")), given_triggers=True, batch_size=2)
    assert [d["doc_id"] for d in lines(out)] == ["ok", "last"]
    errors = lines(tmp_path / "out.errors.jsonl")
    assert sorted(e["doc_id"] for e in errors) == ["a-string", "one-number", "surrogate"]
    assert all(e["error"].startswith("processing failed") for e in errors)
    assert (summary.documents, summary.errors) == (2, 3)


def test_a_lone_surrogate_in_an_id_is_written_and_the_rerun_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_records(
        folder / "records.jsonl",
        [
            {"doc_id": "a\ud800", "text": "Russia sent troops."},
            {"doc_id": "b\udc80", "text": "Russia sent FAIL."},
            {"doc_id": "c", "text": "Korea sent shells."},
        ],
    )
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:  # a file name that is not UTF-8
        handle.write(b"Kyiv sent medics.")
    out = tmp_path / "out.csv"
    summary = run_folder(folder, out, extractor=StubExtractor())
    assert (summary.documents, summary.errors) == (3, 1)
    assert sorted(d["doc_id"] for d in lines(tmp_path / "out.jsonl")) == ["a\ud800", "c", "caf\udce9"]
    assert [e["doc_id"] for e in lines(tmp_path / "out.errors.jsonl")] == ["b\udc80"]
    before = (tmp_path / "out.jsonl").read_bytes(), (tmp_path / "out.errors.jsonl").read_bytes()
    stub = StubExtractor()
    again = run_folder(folder, out, extractor=stub)
    assert (again.documents, again.skipped) == (0, 3) and stub.seen == ["b\udc80"]
    assert ((tmp_path / "out.jsonl").read_bytes(), (tmp_path / "out.errors.jsonl").read_bytes()) == before


def test_an_output_inside_the_input_folder_still_resumes(tmp_path):
    folder = corpus(tmp_path, n=3)
    out = folder / "out.jsonl"
    run_folder(folder, out, extractor=StubExtractor(), with_text=True)
    out.write_bytes(out.read_bytes()[:-5])  # a torn last line
    summary = run_folder(folder, out, extractor=StubExtractor(), with_text=True)
    assert (summary.skipped, summary.documents) == (2, 1)
    assert sorted(d["doc_id"] for d in lines(out)) == ["doc00", "doc01", "doc02"]


def test_with_text_keeps_the_text_offsets_point_into(tmp_path):
    folder = corpus(tmp_path, n=2)
    out = tmp_path / "out.jsonl"
    run_folder(folder, out, extractor=StubExtractor(), with_text=True)
    for doc in lines(out):
        for t in doc["tuples"]:
            assert doc["text"][t["actor_start"] : t["actor_end"]] == t["actor"]
    again = run_folder(folder, out, extractor=StubExtractor(), with_text=True)
    assert again.skipped == 2  # output lines holding text are not read back as input


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_output_is_complete_after_a_resumed_run(tmp_path, fmt):
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    folder = corpus(tmp_path)
    out = tmp_path / f"result.{fmt}"
    _, journal, errors = output_paths(out)
    assert (journal.name, errors.name) == ("result.jsonl", "result.errors.jsonl")
    whole = tmp_path / "whole.jsonl"
    run_folder(folder, whole, extractor=StubExtractor())
    journal.write_text("\n".join(whole.read_text(encoding="utf-8").splitlines()[:2]) + "\n", encoding="utf-8")
    summary = run_folder(folder, out, extractor=StubExtractor())
    assert summary.documents == 4
    table = pq.read_table(out) if fmt == "parquet" else pa_csv.read_csv(out)
    assert table.num_rows == 12
    assert sorted(set(table.column("doc_id").to_pylist())) == [f"doc{k:02}" for k in range(6)]


def test_documents_without_tuples_are_lines_not_rows_and_counted(tmp_path):
    import pyarrow.csv as pa_csv

    folder = corpus(tmp_path, n=2)
    (folder / "quiet.txt").write_text("Nothing happened in Kursk today.", encoding="utf-8")
    out = tmp_path / "result.csv"
    summary = run_folder(folder, out, extractor=StubExtractor())
    assert (summary.documents, summary.without_tuples, summary.tuples) == (3, 1, 4)
    assert str(summary).startswith("3 documents (1 without tuples), 4 tuples, 0 errors")
    assert {d["doc_id"]: d["tuples"] for d in lines(tmp_path / "result.jsonl")}["quiet"] == []
    assert set(pa_csv.read_csv(out).column("doc_id").to_pylist()) == {"doc00", "doc01"}


def test_long_text_is_processed_and_flagged(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text("Russia sent troops to Kursk.\n\n" * 100, encoding="utf-8")
    summary = run_folder(folder, tmp_path / "out.jsonl", extractor=StubExtractor(max_length=1000))
    assert summary.documents == 1 and summary.warnings == 1
    (warning,) = lines(tmp_path / "out.errors.jsonl")
    assert warning["warning"].startswith("[E033]") and "3000 characters" in warning["warning"]
    assert len(lines(tmp_path / "out.jsonl")[0]["tuples"]) == 100


def test_progress_bar_shows_rate_and_count(tmp_path, capsys):
    folder = corpus(tmp_path, n=3)
    run_folder(folder, tmp_path / "out.jsonl", extractor=StubExtractor(), progress=True)
    err = capsys.readouterr().err
    assert "doc/s" in err and "3/3" in err


def test_summary_names_what_happened(tmp_path):
    folder = corpus(tmp_path, n=2)
    add_bad_inputs(folder)
    text = str(run_folder(folder, tmp_path / "out.jsonl", extractor=StubExtractor()))
    assert re.match(r"3 documents, 5 tuples, 6 errors \(1 not English, 1 warnings, 1 bad manifest lines\), 0 already done", text)
    assert "docs/s" in text and "words/s" in text


KILLABLE = """
import sys, time
sys.path.insert(0, {tests!r})
from test_batch import StubExtractor
from extractor.batch import run_folder
run_folder({folder!r}, {out!r}, extractor=StubExtractor(delay=float(sys.argv[1])), batch_size=1)
"""


def test_killed_run_resumes_with_one_line_per_document(tmp_path):
    """SIGKILL midway (no clean-up at all), then rerun: every document once, every line whole."""
    folder = corpus(tmp_path, n=40)
    out = tmp_path / "out.jsonl"
    script = KILLABLE.format(tests=str(Path(__file__).parent), folder=str(folder), out=str(out))
    proc = subprocess.Popen([sys.executable, "-c", script, "0.05"])
    try:
        deadline = time.monotonic() + 120
        while len(lines_so_far(out)) < 5 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        assert proc.poll() is None, "the run ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    written = len(lines_so_far(out))
    assert 5 <= written < 40
    subprocess.run([sys.executable, "-c", script, "0"], check=True)
    docs = lines(out)
    assert len(docs) == 40
    assert sorted(d["doc_id"] for d in docs) == [f"doc{k:02}" for k in range(40)]


def lines_so_far(path: Path) -> list[bytes]:
    """The lines written so far; none while the file does not exist (read, not tested first:
    the run may create or replace it between a check and the read)."""
    try:
        return path.read_bytes().splitlines()
    except FileNotFoundError:
        return []


@pytest.mark.parametrize(
    "text, limit, cuts",
    [
        ("short", 10, [0]),
        ("aaaa bbbb\n\ncccc dddd\n\neeee", 14, [0, 11, 22]),  # after paragraph ends
        ("aaaa bbbb. cccc dddd eeee", 16, [0, 11]),  # after a sentence end, before a later word end
        ("aaaa bbbb cccc dddd", 12, [0, 10]),  # after a word
        ("x" * 25, 10, [0, 10, 20]),  # no boundary: hard cuts
    ],
)
def test_text_is_split_into_covering_pieces(text, limit, cuts):
    pieces = split_text(text, limit)
    assert [start for start, _ in pieces] == cuts
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= limit for _, piece in pieces)
    assert all(text[start : start + len(piece)] == piece for start, piece in pieces)


def test_shifted_event_moves_every_offset():
    event = EventTuple(action=Slot("sent", 7, 11), actor=Slot("Russia", 0, 6), evidence=Slot("Russia sent", 0, 11), date=Slot("today"))
    moved = shift_event(event, 100)
    assert (moved.action.start, moved.actor.end, moved.evidence.start) == (107, 106, 100)
    assert moved.date == Slot("today") and moved.lemma == event.lemma


# --- with the real model ----------------------------------------------------------------


def test_long_text_keeps_offsets_into_the_whole_text(tmp_path, extractor_):
    """Pieces cut at paragraph ends: each tuple's offsets point into the whole file."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in SEEDS[:3])
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(text, encoding="utf-8")
    max_length = extractor_.nlp.max_length
    extractor_.nlp.max_length = 2000
    try:
        summary = run_folder(folder, tmp_path / "out.jsonl", extractor=extractor_)
    finally:
        extractor_.nlp.max_length = max_length
    assert summary.documents == 1 and summary.warnings == 1
    (doc,) = lines(tmp_path / "out.jsonl")
    starts = [t["action_start"] for t in doc["tuples"]]
    assert len(starts) >= 10 and max(starts) > len(text) - 2000
    for t in doc["tuples"]:
        for slot in ("actor", "location", "quantity", "date"):
            if t.get(f"{slot}_start") is not None:
                raw = text[t[f"{slot}_start"] : t[f"{slot}_end"]]
                assert " ".join(raw.split()).casefold() == t[slot].casefold()


PARENT_WITHOUT_ENCODER = """
import sys
import extractor
from extractor.batch import run_folder
from extractor.normalize import event_type

summary = run_folder(sys.argv[1], sys.argv[2], extractor=extractor.load(), n_process=2, batch_size=1)
print(summary.documents, event_type.encoder.cache_info().currsize, "transformers" in sys.modules)
"""


def test_two_processes_leave_the_encoder_out_of_the_parent(tmp_path):
    """The sentence encoder (torch) is loaded, if at all, by the workers, never by the parent
    before it forks them."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SEEDS[:2]:
        (folder / path.name).write_bytes(path.read_bytes())
    done = subprocess.run([sys.executable, "-c", PARENT_WITHOUT_ENCODER, str(folder), str(tmp_path / "out.jsonl")], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["2", "0", "False"]


def test_two_processes_write_the_same_lines_as_one(tmp_path, extractor_):
    folder = tmp_path / "in"
    folder.mkdir()
    for k, path in enumerate(SEEDS * 2):
        (folder / f"{k:02}_{path.name}").write_bytes(path.read_bytes())
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_folder(folder, one, extractor=extractor_, batch_size=2)
    summary = run_folder(folder, two, extractor=extractor_, batch_size=2, n_process=2)
    assert summary.documents == 10 and summary.errors == 0
    assert two.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")
    # what the multi-process run changes for its duration is put back
    assert "extractor_transport" not in extractor_.nlp.pipe_names
    assert gc.get_freeze_count() == 0
    assert "get_all" not in vars(srsly.msgpack_encoders) and "get_all" not in vars(srsly.msgpack_decoders)


class _fifo_writer:
    """Reading a FIFO waits for a writer: after a few seconds, one comes by (again and again)
    and leaves at once, so that a run that reads the FIFO fails a test instead of hanging."""

    def __init__(self, fifo: Path, delay: float = 5.0) -> None:
        import threading

        self.fifo, self.delay, self.stop = fifo, delay, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        if self.stop.wait(self.delay):
            return
        while not self.stop.is_set():
            try:
                os.close(os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK))  # only with a reader
            except OSError:
                pass
            self.stop.wait(0.2)

    def __enter__(self) -> "_fifo_writer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


@pytest.mark.parametrize("name", ["x.txt", "x.jsonl", "x.html"])
def test_a_fifo_in_the_input_folder_is_reported_not_read(tmp_path, name):
    """Issue 14, defect 7: a named pipe among the inputs blocked the run forever (and the
    document read before it was never written). It is reported with E051, never opened."""
    folder = corpus(tmp_path, n=2)
    fifo = folder / name
    os.mkfifo(fifo)
    with _fifo_writer(fifo):
        summary = run_folder(folder, tmp_path / "out.jsonl", extractor=StubExtractor(), progress=True)
    assert sorted(d["doc_id"] for d in lines(tmp_path / "out.jsonl")) == ["doc00", "doc01"]
    errors = [e for e in lines(tmp_path / "out.errors.jsonl") if e["doc_id"] == "x"]
    assert len(errors) == 1 and errors[0]["error"].startswith("[E051]") and "named pipe" in errors[0]["error"]
    assert summary.errors == 1


def test_a_second_run_on_the_same_output_at_once_is_refused(tmp_path):
    """Issue 14, defect 9: two runs on the same output at once wrote every document twice.
    The output is locked for the length of a run; the second gets E052 and writes nothing."""
    folder = corpus(tmp_path, n=3)
    out = tmp_path / "out.jsonl"
    refused: list[str] = []

    class Concurrent(StubExtractor):
        def pipe(self, records, **kwargs):
            try:
                run_folder(folder, out, extractor=StubExtractor())
            except ExtractorError as err:
                refused.append(err.code)
            yield from super().pipe(records, **kwargs)

    run_folder(folder, out, extractor=Concurrent())
    assert refused == ["E052"]
    assert sorted(d["doc_id"] for d in lines(out)) == ["doc00", "doc01", "doc02"]
    assert run_folder(folder, out, extractor=StubExtractor()).skipped == 3  # the lock is gone with the run


@pytest.mark.parametrize(
    "published, written, warning",
    [
        ("2024-05-01", "2024-05-01", None),
        ("2024-05-01T10:00:00Z", "2024-05-01", None),
        ("2024-05-01 or so", None, "[E053]"),  # a date prefix with trailing junk
        ("last Tuesday", None, "[E053]"),
        (20240501, None, "[E053]"),
        ("2999-01-01", "2999-01-01", "[E054]"),  # in the future: kept, and warned
    ],
)
def test_a_bad_record_date_is_warned_and_the_document_processed(tmp_path, published, written, warning):
    """Issue 14, defect 13: a bad record-level date refused the whole document (with no path);
    a date followed by junk was taken; a date in the future passed silently."""
    folder = tmp_path / "in"
    folder.mkdir()
    record = {"doc_id": "r1", "text": "Russia sent 500 troops to Kursk.", "published": published}
    (folder / "records.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_folder(folder, out, extractor=StubExtractor())
    assert [(d["doc_id"], d["published"]) for d in lines(out)] == [("r1", written)]
    logged = lines(tmp_path / "out.errors.jsonl")
    assert [e["warning"][:6] for e in logged] == ([warning] if warning else [])
    assert all(e["path"] and e["path"].endswith("records.jsonl:1") for e in logged)
    assert (summary.documents, summary.errors) == (1, 0)


def test_errors_equal_to_the_output_are_refused(tmp_path):
    """Issue 14, defect 14: ``--errors`` equal to ``-o`` (under another spelling too) would mix both."""
    folder = corpus(tmp_path, n=1)
    out = tmp_path / "out.jsonl"
    for errors in (out, tmp_path / "." / "out.jsonl"):
        with pytest.raises(ExtractorError, match="E013"):
            run_folder(folder, out, errors_path=errors, extractor=StubExtractor())
    assert not out.exists()


def test_manifest_ids_that_match_no_input_are_warned(tmp_path):
    """Issue 14, defect 13: manifest ids that match nothing passed silently (a typo loses a date)."""
    folder = corpus(tmp_path, n=2)
    with (folder / "manifest.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"doc_id": "doc-02", "published": "2024-10-03"}) + "\n")
    summary = run_folder(folder, tmp_path / "out.jsonl", extractor=StubExtractor())
    warned = [e["warning"] for e in lines(tmp_path / "out.errors.jsonl") if "warning" in e]
    assert len(warned) == 1 and warned[0].startswith("[E055]") and "'doc-02'" in warned[0]
    assert summary.warnings == 1
