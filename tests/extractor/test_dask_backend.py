"""The Dask backend writes what run_folder writes: same lines, errors file and resume.

The fast tests run an in-process 2-worker cluster with a stand-in extractor (no model);
the slow one runs 2 worker processes on loopback with the real model.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import pytest

from extractor import dask_backend
from extractor.batch import run_folder
from extractor.dask_backend import run_folder_dask, worker_loads
from extractor.errors import ExtractorError
from extractor.pipeline import DocumentResult
from extractor.types import EventTuple, Slot

distributed = pytest.importorskip("distributed")

STUB = "test.stub_linker"


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
    assert loads == [{"linker": "some.linker"}]
    assert worker_loads() == {"some.linker": 1}


def test_unreachable_scheduler_is_a_coded_error(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_backend, "CONNECT_TIMEOUT", "1s")
    folder = corpus(tmp_path, bad=False, n=1)
    with pytest.raises(ExtractorError) as caught:
        run_folder_dask(folder, tmp_path / "out.jsonl", scheduler="tcp://127.0.0.1:9", linker=STUB)
    assert caught.value.code == "E011"
    assert "dask scheduler" in str(caught.value)


@pytest.mark.slow
def test_two_worker_processes_on_loopback_match_single_process_run(tmp_path, extractor_, root):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted((root / "seeds").glob("*.txt"))[:4]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "manifest.jsonl").write_bytes((root / "seeds" / "manifest.jsonl").read_bytes())
    (folder / "binary.txt").write_bytes(b"\x00\x01 binary")
    (folder / "records.jsonl").write_text(
        '{"doc_id": "r1", "text": "Russia sent 300 troops to Kursk on Monday.", "published": "2024-10-01"}\n'
        '{"doc_id": "r2", "text": "Troops were sent.", "published": "not a date"}\n{broken\n',
        encoding="utf-8",
    )
    run_folder(folder, tmp_path / "local.jsonl", extractor=extractor_)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        summary = run_folder_dask(folder, tmp_path / "dask.jsonl", scheduler=cluster.scheduler_address, chunk_size=1)
        with distributed.Client(cluster, set_as_default=False) as client:
            loads = client.run(worker_loads)
    assert sorted_lines(tmp_path / "dask.jsonl") == sorted_lines(tmp_path / "local.jsonl")
    assert sorted_lines(tmp_path / "dask.errors.jsonl") == sorted_lines(tmp_path / "local.errors.jsonl")
    assert summary.documents == 5 and summary.errors == 3
    assert sorted(loads.values(), key=str) == [{"extractor.dep_linker.v1": 1}] * 2
