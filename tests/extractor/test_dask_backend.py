"""The Dask backend writes what run_folder writes: same lines, errors file and resume.

Most tests run an in-process 2-worker cluster with a stand-in extractor (no model); one
runs the default local cluster, 2 worker processes on loopback, with the real model.
"""

from __future__ import annotations

import faulthandler
import json
import os
import re
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import pytest

from extractor import dask_backend
from extractor.batch import run_folder
from extractor.dask_backend import DaskExtractor, run_folder_dask, worker_loads
from extractor.errors import ExtractorError
from extractor.pipeline import DEFAULT_LINKER, DocumentResult
from extractor.types import EventTuple, Slot

distributed = pytest.importorskip("distributed")
psutil = pytest.importorskip("psutil")

STUB = "test.stub_linker"
# The loopback test's Dask part takes about a minute on 2 busy cores (two workers each
# import and load the model); past this it fails instead of stalling CI.
LOOPBACK_TIMEOUT = 300


class StubExtractor:
    """Stands in for ``Extractor``: a tuple per capitalised word followed by "sent"; texts
    holding FAIL fail alone (as pipe reports them), CRASH breaks the whole call."""

    def pipe(self, records: Iterable[Mapping[str, Any]], *, batch_size: int = 32, n_process: int = 1) -> Iterator[DocumentResult]:
        for rec in records:
            text = rec["text"]
            if "CRASH" in text:
                raise RuntimeError("worker lost")
            if "FAIL" in text:
                yield DocumentResult(rec["doc_id"], None, error="processing failed: stub")
                continue
            tuples = tuple(
                EventTuple(action=Slot("sent", m.start(2), m.end(2)), actor=Slot(m.group(1), m.start(1), m.end(1)), lemma="send")
                for m in re.finditer(r"([A-Z]\w+) (sent)", text)
            )
            yield DocumentResult(rec["doc_id"], rec.get("published"), tuples)


@pytest.fixture
def client():
    dask_backend._EXTRACTORS[STUB] = StubExtractor()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster, set_as_default=False) as c:
            yield c
    dask_backend._EXTRACTORS.pop(STUB, None)


def corpus(root: Path, *, n: int = 12, bad: bool = True) -> Path:
    folder = root / "corpus"
    (folder / "sub").mkdir(parents=True)
    manifest = []
    for k in range(n):
        (folder / f"doc{k:02}.txt").write_text(f"Headline {k}\n\nRussia sent {k} troops. Korea sent shells.\n", encoding="utf-8")
        manifest.append({"doc_id": f"doc{k:02}", "published": f"2024-10-{k + 1:02}"})
    (folder / "manifest.jsonl").write_text("".join(json.dumps(m) + "\n" for m in manifest), encoding="utf-8")
    if bad:
        (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
        (folder / "empty.txt").write_text("  \n", encoding="utf-8")
        (folder / "sub" / "doc00.txt").write_text("A duplicate id.", encoding="utf-8")
        (folder / "records.jsonl").write_text(
            '{"doc_id": "r1", "text": "Ukraine sent drones."}\n{broken\n{"doc_id": "r2", "text": "FAIL here"}\n',
            encoding="utf-8",
        )
    return folder


def sorted_lines(path: Path) -> list[str]:
    return sorted(path.read_text(encoding="utf-8").splitlines()) if path.exists() else []


def local_run(folder: Path, out: Path):
    return run_folder(folder, out, extractor=StubExtractor())


def test_same_output_and_errors_as_local_run(tmp_path, client):
    folder = corpus(tmp_path)
    local = local_run(folder, tmp_path / "local.jsonl")
    summary = run_folder_dask(folder, tmp_path / "dask.jsonl", scheduler=client, linker=STUB, chunk_size=3)
    assert sorted_lines(tmp_path / "dask.jsonl") == sorted_lines(tmp_path / "local.jsonl")
    assert sorted_lines(tmp_path / "dask.errors.jsonl") == sorted_lines(tmp_path / "local.errors.jsonl")
    assert (summary.documents, summary.tuples, summary.errors) == (local.documents, local.tuples, local.errors)
    assert summary.errors == 5  # binary, empty, duplicate, broken JSON line, FAIL


def test_resume_skips_done_documents_and_cuts_a_torn_line(tmp_path, client):
    folder = corpus(tmp_path, bad=False)
    local_run(folder, tmp_path / "local.jsonl")
    done = (tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines()[:5]
    out = tmp_path / "dask.jsonl"
    out.write_text("\n".join(done) + "\n" + '{"doc_id": "doc09", "tup', encoding="utf-8")
    summary = run_folder_dask(folder, out, scheduler=client, linker=STUB)
    assert summary.skipped == 5
    assert summary.documents == 7
    assert sorted_lines(out) == sorted_lines(tmp_path / "local.jsonl")


def test_finished_run_starts_no_cluster_and_repeats_no_error(tmp_path, client):
    folder = corpus(tmp_path)
    out = tmp_path / "dask.jsonl"
    run_folder_dask(folder, out, scheduler=client, linker=STUB)
    before = (sorted_lines(out), sorted_lines(tmp_path / "dask.errors.jsonl"))
    # Nothing left to extract (r2, which failed in the pipeline, is gone): the unreachable
    # scheduler is never contacted.
    (folder / "records.jsonl").write_text('{"doc_id": "r1", "text": "Ukraine sent drones."}\n{broken\n', encoding="utf-8")
    summary = run_folder_dask(folder, out, scheduler="tcp://127.0.0.1:9", linker=STUB)
    assert summary.documents == 0 and summary.skipped == len(before[0]) == 13
    assert (sorted_lines(out), sorted_lines(tmp_path / "dask.errors.jsonl")) == before


def test_lost_chunk_goes_to_errors_and_is_retried_on_rerun(tmp_path, client):
    folder = corpus(tmp_path, bad=False, n=6)
    (folder / "doc03.txt").write_text("Russia sent CRASH.", encoding="utf-8")
    out = tmp_path / "dask.jsonl"
    summary = run_folder_dask(folder, out, scheduler=client, linker=STUB, chunk_size=2)
    errors = [json.loads(line) for line in sorted_lines(tmp_path / "dask.errors.jsonl")]
    assert sorted(e["doc_id"] for e in errors) == ["doc02", "doc03"]  # the chunk that held doc03
    assert all(e["error"].startswith("[E012]") and "worker lost" in e["error"] for e in errors)
    assert summary.documents == 4
    (folder / "doc03.txt").write_text("Russia sent help.", encoding="utf-8")
    again = run_folder_dask(folder, out, scheduler=client, linker=STUB)
    assert (again.skipped, again.documents) == (4, 2)


def test_model_is_loaded_once_per_process(monkeypatch):
    loads = []
    monkeypatch.setattr("extractor.pipeline.load", lambda **kw: loads.append(kw) or StubExtractor())
    monkeypatch.setattr(dask_backend, "_EXTRACTORS", {})
    monkeypatch.setattr(dask_backend, "_LOADS", {})
    first = dask_backend.worker_extractor("some.linker")
    assert dask_backend.worker_extractor("some.linker") is first
    head = dask_backend.worker_extractor("some.linker", "rules+head")
    assert head is not first and dask_backend.worker_extractor("some.linker", "rules+head") is head
    assert loads == [{"linker": "some.linker", "triggers": "rules"}, {"linker": "some.linker", "triggers": "rules+head"}]
    assert worker_loads() == {"some.linker": 1, "some.linker|triggers=rules+head": 1}


def test_unknown_trigger_option_is_a_coded_error_before_any_cluster(tmp_path):
    folder = corpus(tmp_path, bad=False, n=1)
    with pytest.raises(ExtractorError) as caught:
        run_folder_dask(folder, tmp_path / "out.jsonl", scheduler="tcp://127.0.0.1:9", linker=STUB, triggers="head")
    assert caught.value.code == "E024"
    assert not (tmp_path / "out.jsonl").exists()


# Texts where the learned trigger head adds the only or an extra trigger (the rules alone
# find no tuple on the first two and no "war" on the third).
HEAD_TEXTS = [
    "The minister's trip to Pyongyang drew criticism from Seoul.",
    "Its war in Syria cost the country dearly.",
    "Moscow's war in Ukraine dragged on through the winter, officials said.",
]


def test_workers_honour_the_trigger_head_option(tmp_path, monkeypatch):
    """A dask run with triggers="rules+head" writes the local run's lines, head triggers
    included. The cluster is in-process (worker threads), so its workers load the model
    here, through ``worker_extractor``, once."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    records = [{"doc_id": f"h{k}", "text": text} for k, text in enumerate(HEAD_TEXTS)]
    (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run_folder(folder, tmp_path / "local.jsonl", triggers="rules+head")
    monkeypatch.setattr(dask_backend, "_EXTRACTORS", {})
    monkeypatch.setattr(dask_backend, "_LOADS", {})
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster, set_as_default=False) as c:
            run_folder_dask(folder, tmp_path / "dask.jsonl", scheduler=c, triggers="rules+head")
    assert worker_loads() == {f"{DEFAULT_LINKER}|triggers=rules+head": 1}
    assert sorted_lines(tmp_path / "dask.jsonl") == sorted_lines(tmp_path / "local.jsonl")
    lines = [json.loads(line) for line in sorted_lines(tmp_path / "dask.jsonl")]
    by_head = sorted((d["doc_id"], t["action"]) for d in lines for t in d["tuples"] if t["rules"].get("action") == "trigger_head")
    assert by_head == [("h0", "trip"), ("h1", "war"), ("h2", "war")]


def test_unreachable_scheduler_is_a_coded_error(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_backend, "CONNECT_TIMEOUT", "1s")
    folder = corpus(tmp_path, bad=False, n=1)
    with pytest.raises(ExtractorError) as caught:
        run_folder_dask(folder, tmp_path / "out.jsonl", scheduler="tcp://127.0.0.1:9", linker=STUB)
    assert caught.value.code == "E011"
    assert "dask scheduler" in str(caught.value)


FRENCH = (
    "Le gouvernement français a annoncé mardi l'envoi de 300 soldats supplémentaires en Roumanie afin de "
    "renforcer le flanc est de l'OTAN, a déclaré le ministre des Armées lors d'une conférence de presse à Paris."
)


def real_corpus(root: Path, folder: Path) -> Path:
    """Two seed articles and one bad input of each kind the client or a worker reports."""
    seeds = sorted((root / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)[:2]
    (folder / "sub").mkdir(parents=True)
    for path in seeds:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "manifest.jsonl").write_bytes((root / "seeds" / "manifest.jsonl").read_bytes())
    (folder / "binary.txt").write_bytes(b"\x00\x01 binary")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "sub" / seeds[0].name).write_text("Russia sent a duplicate id.", encoding="utf-8")
    records = [
        {"doc_id": "r1", "text": "Russia sent 300 troops to Kursk on Monday.", "published": "2024-10-01"},
        {"doc_id": "r2", "text": "Troops were sent.", "published": "not a date"},
        "{broken",
        {"doc_id": "r3", "text": FRENCH},
        {"doc_id": "r4", "text": "Ukraine sent 40 drones over the border on 3 March 2024."},
    ]
    lines = (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records)
    (folder / "records.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return folder


def listening(pid: int) -> set[tuple[str, int]]:
    """The (host, port) pairs process ``pid`` listens on over TCP."""
    return {c.laddr[:2] for c in psutil.Process(pid).net_connections("tcp") if c.status == psutil.CONN_LISTEN}


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fails the test if the block outlasts ``seconds``, and if failing hangs as well, ends
    the process a minute later with every thread's traceback: a hang fails CI, never stalls it."""

    def expire(signum: int, frame: Any) -> None:
        raise TimeoutError(f"not done within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    faulthandler.dump_traceback_later(seconds + 60, exit=True)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        faulthandler.cancel_dump_traceback_later()


def test_two_worker_processes_on_loopback_match_single_process_run(tmp_path, extractor_, root, monkeypatch):
    folder = real_corpus(root, tmp_path / "corpus")
    local = run_folder(folder, tmp_path / "local.jsonl", extractor=extractor_)
    seen: dict[str, Any] = {}
    close = DaskExtractor.close

    def close_and_look(self: DaskExtractor) -> None:
        # Look at the cluster that run_folder_dask started, just before it closes it.
        if self._client is not None:
            seen["info"] = self._client.scheduler_info()
            seen["loads"] = self._client.run(worker_loads)
            seen["pids"] = self._client.run(os.getpid)
            seen["listening"] = {pid: listening(pid) for pid in [os.getpid(), *seen["pids"].values()]}
        close(self)

    monkeypatch.setattr(DaskExtractor, "close", close_and_look)
    with deadline(LOOPBACK_TIMEOUT):
        # Its own cluster, as `extractor run --backend dask` starts it: 2 worker processes.
        summary = run_folder_dask(folder, tmp_path / "dask.jsonl", n_workers=2)
    assert sorted_lines(tmp_path / "dask.jsonl") == sorted_lines(tmp_path / "local.jsonl")
    assert sorted_lines(tmp_path / "dask.errors.jsonl") == sorted_lines(tmp_path / "local.errors.jsonl")
    assert (summary.documents, summary.tuples, summary.errors) == (local.documents, local.tuples, local.errors)
    # errors: binary, empty, duplicate, broken line, French; the bad date is processed
    # without a date and warned (E053, issue 14 defect 13)
    assert (summary.documents, summary.errors) == (5, 5)
    assert any("[E053]" in (e.get("warning") or "") for e in map(json.loads, (tmp_path / "dask.errors.jsonl").read_text(encoding="utf-8").splitlines()))
    assert summary.tuples > 0
    # Only on loopback, on ports the system chose; each worker process loaded the model once.
    info, pids, sockets = seen["info"], seen["pids"], seen["listening"]
    assert re.fullmatch(r"tcp://127\.0\.0\.1:\d+", info["address"])
    assert sorted(info["workers"]) == sorted(pids) and len(set(pids.values())) == 2
    assert all(host == "127.0.0.1" for pid in pids.values() for host, _ in sockets[pid])
    scheduler_ports = {int(info["address"].rsplit(":", 1)[1]), info["services"]["dashboard"]}  # TCP, HTTP
    assert {s for s in sockets[os.getpid()] if s[1] in scheduler_ports} == {("127.0.0.1", p) for p in scheduler_ports}
    assert 8787 not in scheduler_ports  # distributed's default HTTP port, which a second cluster finds taken
    assert list(seen["loads"].values()) == [{DEFAULT_LINKER: 1}] * 2
    # The worker processes are gone once the run returns.
    assert not [pid for pid in pids.values() if psutil.pid_exists(pid)]
