"""The command line: ``extractor run`` options and outcomes, ``evaluate`` unchanged, and a
real run killed by a signal midway that a rerun completes with one line per document."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from extractor import cli

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
sys.path.insert(0, str(Path(__file__).parent))
from test_batch import GERMAN, StubExtractor, corpus  # noqa: E402


@pytest.fixture
def stub(monkeypatch):
    made = StubExtractor()
    monkeypatch.setattr("extractor.batch.load", lambda **kwargs: made)
    return made


def test_run_writes_jsonl_and_prints_a_summary(tmp_path, stub, capsys):
    folder = corpus(tmp_path, n=3)
    out = tmp_path / "out.jsonl"
    assert cli.main(["run", str(folder), "-o", str(out), "--print"]) == 0
    captured = capsys.readouterr()
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert "== doc00 (published 2024-10-01): 2 tuples" in captured.out
    assert captured.err.strip().splitlines()[-1].startswith("3 documents, 6 tuples, 0 errors (1 bad manifest lines)")


@pytest.mark.parametrize("name, extra", [("t.csv", []), ("t.table", ["--format", "parquet"])])
def test_run_writes_a_table_on_request(tmp_path, stub, name, extra):
    folder = corpus(tmp_path, n=2)
    assert cli.main(["run", str(folder), "-o", str(tmp_path / name), *extra, "--no-progress"]) == 0
    assert (tmp_path / name).stat().st_size > 0
    assert len((tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_any_language_flag(tmp_path, stub):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "de.txt").write_text(GERMAN, encoding="utf-8")
    cli.main(["run", str(folder), "-o", str(tmp_path / "a.jsonl")])
    assert "[E030]" in (tmp_path / "a.errors.jsonl").read_text(encoding="utf-8")
    cli.main(["run", str(folder), "-o", str(tmp_path / "b.jsonl"), "--any-language", "--with-text"])
    (line,) = (tmp_path / "b.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["text"] == GERMAN


def test_missing_input_exits_2(tmp_path, capsys):
    assert cli.main(["run", str(tmp_path / "nope"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "[E004]" in capsys.readouterr().err


def test_the_input_is_never_erased_by_the_table_lines_beside_it(tmp_path, stub, capsys):
    data = tmp_path / "data.jsonl"
    data.write_text('{"doc_id": "r1", "text": "Russia sent troops."}\n', encoding="utf-8")
    before = data.read_bytes()
    assert cli.main(["run", str(data), "-o", str(tmp_path / "data.csv")]) == 2
    assert "[E013]" in capsys.readouterr().err
    assert data.read_bytes() == before and not (tmp_path / "data.csv").exists()


@pytest.mark.parametrize("case", ["folder-as-out", "under-a-file", "folder-as-errors", "folder-as-table", "fifo-as-out"])
def test_an_output_that_cannot_be_written_is_refused_before_the_model_loads(tmp_path, monkeypatch, capsys, case):
    def load(**kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr("extractor.batch.load", load)
    folder = corpus(tmp_path, n=1)
    (tmp_path / "a-folder.csv").mkdir()
    (tmp_path / "notes.txt").write_text("My notes.\n", encoding="utf-8")
    if case == "fifo-as-out":
        os.mkfifo(tmp_path / "pipe.jsonl")
        # Reading a FIFO waits for a writer: one comes after a while, so that a run that
        # reads it fails this test instead of hanging.
        unblock = threading.Timer(20, lambda: open(tmp_path / "pipe.jsonl", "wb").close())
        unblock.daemon = True
        unblock.start()
    args = {
        "folder-as-out": ["-o", str(tmp_path)],
        "under-a-file": ["-o", str(tmp_path / "notes.txt" / "out.jsonl")],
        "folder-as-errors": ["-o", str(tmp_path / "out.jsonl"), "--errors", str(folder)],
        "folder-as-table": ["-o", str(tmp_path / "a-folder.csv")],
        "fifo-as-out": ["-o", str(tmp_path / "pipe.jsonl")],
    }[case]
    try:
        assert cli.main(["run", str(folder), *args, "--no-progress"]) == 2
    finally:
        if case == "fifo-as-out":
            unblock.cancel()
    err = capsys.readouterr().err
    assert "[E014]" in err and "Traceback" not in err
    assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / "a-folder.jsonl").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes whatever the mode")
def test_an_unwritable_output_folder_is_refused_before_the_model_loads(tmp_path, stub, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        assert cli.main(["run", str(corpus(tmp_path, n=1)), "-o", str(locked / "out.jsonl")]) == 2
    finally:
        locked.chmod(0o755)
    assert "[E014]" in capsys.readouterr().err and stub.seen == []


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(SystemExit):
        cli.main(["run", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--format", "xml"])


def test_evaluate_still_scores(capsys):
    gold = str(ROOT / "seeds" / "gold.jsonl")
    assert cli.main(["evaluate", "--gold", gold, "--pred", gold]) == 0
    assert "micro" in capsys.readouterr().out


def test_sigterm_handler_is_restored(tmp_path, stub):
    before = signal.getsignal(signal.SIGTERM)
    cli.main(["run", str(corpus(tmp_path, n=1)), "-o", str(tmp_path / "o.jsonl")])
    assert signal.getsignal(signal.SIGTERM) is before


# --- a real run, killed ------------------------------------------------------------------


def seed_folder(root: Path, copies: int) -> tuple[Path, list[str]]:
    folder = root / "articles"
    folder.mkdir()
    ids = []
    for k in range(copies):
        for path in SEEDS:
            doc_id = f"{k:02}_{path.stem}"
            (folder / f"{doc_id}.txt").write_bytes(path.read_bytes())
            ids.append(doc_id)
    return folder, sorted(ids)


def count_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


@pytest.mark.slow
@pytest.mark.parametrize("sig, n_process", [(signal.SIGKILL, 1), (signal.SIGTERM, 2)], ids=["SIGKILL", "SIGTERM-2-processes"])
def test_killed_run_resumes_to_one_line_per_document(tmp_path, sig, n_process):
    folder, ids = seed_folder(tmp_path, copies=8)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "extractor.cli", "run", str(folder), "-o", str(out), "--batch-size", "1", "--n-process", str(n_process), "--no-progress"]
    proc = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while count_lines(out) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed"
        os.killpg(proc.pid, sig)  # the whole group, as a terminal's Ctrl-C or a scheduler would
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    first = count_lines(out)
    assert 3 <= first < len(ids), first
    if sig == signal.SIGTERM:
        assert proc.returncode == 130 and b"resume" in err
        time.sleep(1)
        with pytest.raises(ProcessLookupError):
            os.killpg(proc.pid, 0)  # no worker process left behind
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(d["doc_id"] for d in docs) == ids
    assert f"{len(ids) - first} documents" in done.stderr and f"{first} already done" in done.stderr


@pytest.mark.slow
def test_a_stop_just_after_the_first_line_with_two_processes_exits_130(tmp_path):
    """Issue 14, defect 5: SIGTERM with --n-process 2 just after the first line was written
    hung until SIGKILL: the parent waited for a worker blocked writing its results to a pipe
    nobody read (3 tries of 3). The workers are now killed after a short grace."""
    folder, ids = seed_folder(tmp_path, copies=8)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "extractor.cli", "run", str(folder), "-o", str(out), "--batch-size", "4", "--n-process", "2", "--no-progress"]
    proc = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while count_lines(out) < 1 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, "the run ended before it could be stopped"
        os.killpg(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=90)  # it hung forever before
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == 130 and b"resume" in err
    assert 1 <= count_lines(out) < len(ids)
    time.sleep(1)
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # no worker process left behind


def test_run_writes_an_event_table_with_level_events(tmp_path, stub, monkeypatch):
    from dataclasses import replace

    import pyarrow.csv as pa_csv

    from extractor.docevents import merge_events

    stub_pipe = stub.pipe

    def pipe(records, **kwargs):  # the stub's tuples, merged into events as Extractor does
        records = list(records)
        texts = {r["doc_id"]: r["text"] for r in records}
        for r in stub_pipe(records, **kwargs):
            yield replace(r, events=tuple(merge_events(r.tuples, text=texts[r.doc_id], published=r.published)))

    monkeypatch.setattr(stub, "pipe", pipe)
    folder = corpus(tmp_path, n=2)
    assert cli.main(["run", str(folder), "-o", str(tmp_path / "e.csv"), "--level", "events", "--no-progress"]) == 0
    table = pa_csv.read_csv(tmp_path / "e.csv")
    assert table.column_names[:4] == ["doc_id", "published", "event_index", "main"]
    lines = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert table.num_rows == sum(len(x["events"]) for x in lines) > 0


@pytest.mark.parametrize("stream", ["/dev/stdout", "/dev/stderr", "fd-of-a-file"])
def test_a_stream_as_output_is_refused_before_the_model_loads(tmp_path, monkeypatch, capsys, stream):
    """Issue 14, defect 7: ``-o /dev/stdout`` hung (and with stdout redirected to a file, put
    its errors file in /dev). Results are read back to resume and appended line by line, so
    a stream (even one that leads to a regular file) is refused with E014."""

    def load(**kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr("extractor.batch.load", load)
    fd = os.open(tmp_path / "behind.jsonl", os.O_RDWR | os.O_CREAT)
    try:
        out = f"/dev/fd/{fd}" if stream == "fd-of-a-file" else stream
        args = ["run", str(corpus(tmp_path, n=1)), "-o", out, "--errors", str(tmp_path / "e.jsonl"), "--no-progress"]
        assert cli.main(args) == 2
    finally:
        os.close(fd)
    err = capsys.readouterr().err
    assert "[E014]" in err and "stream" in err
    assert (tmp_path / "behind.jsonl").read_bytes() == b"" and not (tmp_path / "e.jsonl").exists()


# --- issue 15, deliverable 5 -------------------------------------------------------------


@pytest.mark.parametrize("option", ["--batch-size", "--n-process"])
@pytest.mark.parametrize("value", ["0", "-3", "2.5", "many"])
def test_bad_batch_size_or_process_count_is_refused_before_the_model_loads(tmp_path, monkeypatch, capsys, option, value):
    if option == "--n-process" and value == "-3":
        value = "-2"  # -1 means one per CPU
    def load(**kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr("extractor.batch.load", load)
    folder = corpus(tmp_path, n=1)
    with pytest.raises(SystemExit) as stop:
        cli.main(["run", str(folder), "-o", str(tmp_path / "o.jsonl"), option, value])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "[E056]" in err and option in err and "Traceback" not in err
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize("option, value", [("--batch-size", "1"), ("--n-process", "-1"), ("--n-process", "1")])
def test_good_batch_size_and_process_count_are_taken(tmp_path, stub, option, value):
    assert cli.main(["run", str(corpus(tmp_path, n=2)), "-o", str(tmp_path / "o.jsonl"), option, value, "--no-progress"]) == 0
    assert len((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_version(capsys):
    import extractor

    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"extractor {extractor.__version__}"


@pytest.mark.parametrize("argv", [["evaluate", "--help"], ["evaluate", "-h"], ["evaluate"]])
def test_evaluate_help_shows_every_mode_under_the_right_name(capsys, argv):
    with pytest.raises(SystemExit):
        cli.main(argv)
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert "usage: extractor evaluate" in text and "python -m evaluation" not in text
    for mode in ("seeds", "compare", "rams", "geneva", "wikievents", "ucdp", "giveme5w1h", "notes", "texts"):
        assert mode in text


@pytest.mark.parametrize("argv", [["evaluate", "seeds", "--help"], ["evaluate", "rams", "--help"], ["evaluate", "compare", "--help"]])
def test_evaluate_mode_help_names_the_command(capsys, argv):
    with pytest.raises(SystemExit):
        cli.main(argv)
    assert f"usage: extractor evaluate {argv[1]}" in capsys.readouterr().out


def test_evaluate_seeds_by_name_and_html_report(tmp_path, capsys):
    gold = str(ROOT / "seeds" / "gold.jsonl")
    page = tmp_path / "r" / "report.html"
    assert cli.main(["evaluate", "seeds", "--gold", gold, "--pred", gold, "--html", str(page)]) == 0
    assert "micro" in capsys.readouterr().out
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert cli.main(["evaluate", "--gold", gold, "--pred", gold, "--html", str(tmp_path / "b.html")]) == 0
    assert (tmp_path / "b.html").exists()
