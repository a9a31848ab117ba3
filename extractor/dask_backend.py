"""Batch runs on ``dask.distributed``: the outputs, errors file and resume of ``run_folder``.

``run_folder_dask`` is ``extractor.batch.run_folder`` with the extraction itself sent to a
Dask cluster: the client still reads the inputs and the manifest, skips what is done, logs
bad inputs and writes every line (one flushed write at a time, so a killed run resumes),
so both backends write the same lines. Workers get the texts in chunks and need only the
``extractor`` package installed, not the input files; each worker process loads the model
once, on its first chunk, and keeps it.
"""

from __future__ import annotations

import logging
import math
import threading
from contextlib import ExitStack
from itertools import chain, islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from .batch import RunSummary, run_folder
from .errors import ExtractorError
from .pipeline import DEFAULT_LINKER, DocumentResult, Extractor
from .registry import DEFAULT_TRIGGERS, check_trigger_option

CONNECT_TIMEOUT = "30s"  # for a scheduler given by address, and for its first worker

# Per worker process: the loaded extractors by key (the linker, followed by
# "|triggers=..." when the trigger option is not the default), and how often one was
# loaded (exposed so that tests and operators can check "once per worker").
_EXTRACTORS: dict[str, Extractor] = {}
_LOADS: dict[str, int] = {}
_LOAD_LOCK = threading.Lock()
# spaCy makes no promise that one pipeline may run in two threads at once.
_RUN_LOCK = threading.Lock()


def extractor_key(linker: str = DEFAULT_LINKER, triggers: str = DEFAULT_TRIGGERS) -> str:
    """The key of a worker's extractor: the linker, plus the trigger option if not the default."""
    return linker if triggers == DEFAULT_TRIGGERS else f"{linker}|triggers={triggers}"


def worker_extractor(linker: str = DEFAULT_LINKER, triggers: str = DEFAULT_TRIGGERS) -> Extractor:
    """This process's extractor for ``linker`` and ``triggers``, loaded on first use and kept."""
    key = extractor_key(linker, triggers)
    with _LOAD_LOCK:
        found = _EXTRACTORS.get(key)
        if found is None:
            from .pipeline import load

            found = _EXTRACTORS[key] = load(linker=linker, triggers=triggers)
            _LOADS[key] = _LOADS.get(key, 0) + 1
        return found


def worker_loads() -> dict[str, int]:
    """How many times this process loaded a model, by ``extractor_key`` (run it with ``client.run``)."""
    return dict(_LOADS)


def extract_chunk(
    records: Sequence[Mapping[str, Any]], *, linker: str = DEFAULT_LINKER, triggers: str = DEFAULT_TRIGGERS, batch_size: int = 32
) -> list[DocumentResult]:
    """The results of ``records`` on this worker's extractor, in order (the task of a chunk)."""
    extractor = worker_extractor(linker, triggers)
    with _RUN_LOCK:
        return list(extractor.pipe(records, batch_size=batch_size))


class DaskExtractor:
    """Stands in for ``Extractor`` in ``run_folder``: ``pipe`` runs the records on a cluster.

    Results come back in the order chunks finish, not in input order. A chunk whose task
    fails as a whole (a worker lost) yields an E012 error result for each of its documents.
    Use it as a context manager: a cluster it started is closed on exit.
    """

    def __init__(
        self,
        scheduler: Any = None,
        *,
        n_workers: int = 2,
        threads_per_worker: int = 1,
        linker: str = DEFAULT_LINKER,
        triggers: str = DEFAULT_TRIGGERS,
        chunk_size: int | None = None,
    ) -> None:
        check_trigger_option(triggers)  # here, not as an E012 for every chunk
        self.scheduler = scheduler
        self.n_workers = n_workers
        self.threads_per_worker = threads_per_worker
        self.linker = linker
        self.triggers = triggers
        self.chunk_size = chunk_size
        self._stack = ExitStack()
        self._client: Any = None

    def __enter__(self) -> "DaskExtractor":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the client and the cluster this object started, if any."""
        self._stack.close()
        self._client = None

    @property
    def client(self) -> Any:
        """The ``distributed.Client``, connected (and a local cluster started) on first use."""
        if self._client is None:
            self._client = _connect(self._stack, self.scheduler, n_workers=self.n_workers, threads_per_worker=self.threads_per_worker)
        return self._client

    def pipe(self, records: Iterable[Mapping[str, Any]], *, batch_size: int = 32, n_process: int = 1) -> Iterator[DocumentResult]:
        """Results of ``records`` as their chunks finish; ``n_process`` is ignored (the
        cluster's workers are the processes)."""
        as_completed = _distributed().as_completed

        records = iter(records)
        size = self.chunk_size or batch_size
        ahead = list(islice(records, 4 * size))  # enough to tell a small run
        if not ahead:
            return  # nothing to do starts no cluster
        client = self.client
        in_flight = 2 * max(1, sum(client.nthreads().values()))
        if self.chunk_size is None and len(ahead) < 4 * size:
            # The whole run is here: spread it over every worker thread.
            size = max(1, min(size, math.ceil(len(ahead) / in_flight)))
        chunks = _chunked(chain(ahead, records), size)
        sent: dict[Any, list[str]] = {}

        def submit(chunk: list[Mapping[str, Any]]) -> Any:
            future = client.submit(extract_chunk, chunk, linker=self.linker, triggers=self.triggers, batch_size=batch_size, pure=False)
            sent[future] = [str(rec.get("doc_id", "")) for rec in chunk]
            return future

        # A bounded number of chunks in flight keeps memory flat on big corpora.
        queue = as_completed([submit(c) for c in islice(chunks, in_flight)], loop=client.loop)
        for future in queue:
            doc_ids = sent.pop(future)
            try:
                results: list[DocumentResult] = future.result()
            except Exception as err:  # noqa: BLE001 - a lost chunk must not stop the run
                problem = f"{type(err).__name__}: {err}"
                results = [DocumentResult(d, None, error=str(ExtractorError("E012", doc_id=d, problem=problem))) for d in doc_ids]
            finally:
                future.release()
            nxt = next(chunks, None)
            if nxt is not None:
                queue.add(submit(nxt))
            yield from results


def run_folder_dask(
    source: str | Path,
    out: str | Path,
    *,
    scheduler: Any = None,
    n_workers: int = 2,
    threads_per_worker: int = 1,
    linker: str = DEFAULT_LINKER,
    triggers: str = DEFAULT_TRIGGERS,
    batch_size: int = 32,
    chunk_size: int | None = None,
    **options: Any,
) -> RunSummary:
    """``run_folder`` with the extraction on a Dask cluster: same lines, errors file, resume.

    ``scheduler`` is a scheduler address ("tcp://host:8786"), a ``distributed.Client``
    (used, not closed), or ``None`` for a local cluster of ``n_workers`` processes with
    ``threads_per_worker`` threads each on the loopback interface, closed at the end. Each
    task carries ``chunk_size`` documents (default: ``batch_size``, or fewer so that a
    small run still reaches every worker thread). The workers load their extractors with
    ``linker`` and ``triggers`` ("rules" or "rules+head"), as ``run_folder`` does. Every other
    keyword (``manifest``, ``errors_path``, ``given_triggers``, ``format``, ...) is
    ``run_folder``'s. Lines are
    written as chunks finish: the output holds the same lines as a local run, possibly in
    another order.
    """
    if "extractor" in options or "n_process" in options:
        raise TypeError("run_folder_dask loads the model on each worker and has no n_process; give linker=")
    with DaskExtractor(
        scheduler, n_workers=n_workers, threads_per_worker=threads_per_worker, linker=linker, triggers=triggers, chunk_size=chunk_size
    ) as remote:
        return run_folder(source, out, extractor=remote, linker=linker, triggers=triggers, batch_size=batch_size, **options)


def _chunked(records: Iterator[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    while True:
        chunk = list(islice(records, size))
        if not chunk:
            return
        yield chunk


def _distributed() -> Any:
    """``dask.distributed``; it is the ``dask`` extra (``E060`` without it)."""
    from .extras import optional_import

    return optional_import(
        "distributed", extra="dask", feature="The Dask backend", alternative=", or run without --backend dask"
    )


def _connect(stack: ExitStack, scheduler: Any, *, n_workers: int, threads_per_worker: int) -> Any:
    distributed = _distributed()
    Client, LocalCluster = distributed.Client, distributed.LocalCluster

    if isinstance(scheduler, Client):
        return scheduler
    if scheduler is None:
        cluster = stack.enter_context(
            LocalCluster(
                n_workers=n_workers,
                threads_per_worker=threads_per_worker,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                # No dashboard, but the scheduler still serves health and metrics over HTTP,
                # by default on port 8787: let the system pick a free loopback port instead.
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                silence_logs=logging.ERROR,
            )
        )
        return stack.enter_context(Client(cluster, set_as_default=False))
    try:
        client = stack.enter_context(Client(str(scheduler), set_as_default=False, timeout=CONNECT_TIMEOUT))
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as err:
        raise ExtractorError("E011", address=scheduler, problem=f"{type(err).__name__}: {err}") from None
    return client
