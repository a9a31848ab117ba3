"""The public entry point: ``load()`` an ``Extractor`` and run it over texts or records."""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections import deque
from dataclasses import replace
from typing import Any, Iterable, Iterator, Mapping

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .component import PIECE_START, TOKENIZER, TRANSPORT, PreparingTokenizer, prepared_doc
from .docevents import merge_events
from .errors import ExtractorError
from .model import model_name
from .registry import DEFAULT_SELECTOR
from .textprep import PreparedText, prepare_text
from .types import DocumentEvent, DocumentResult, EventTuple, Slot

DEFAULT_LINKER = "extractor.dep_linker.v1"
# Longest piece of text parsed as one Doc (also capped by ``nlp.max_length``). Longer
# articles are cut at paragraph, line, sentence or word ends and their tuples merged.
PIECE_CHARS = 100_000
# key of a record whose text is one piece: its ``prepare_text``, made for the Doc, whose
# dateline the document events read (``merge_events``) rather than look for it again
_PREPARED = "_prepared"
OFFSET_SLOTS = ("action", "actor", "quantity", "location", "date", "source", "evidence")


def build_nlp(
    *,
    linker: str = DEFAULT_LINKER,
    model: str | None = None,
    places: bool = True,
    normalize: bool = True,
    lexicon: Mapping[str, Any] | None = None,
    triggers: str = "rules",
    selector: str = DEFAULT_SELECTOR,
) -> Language:
    """The spaCy pipeline: the model with the text-preparing tokenizer, line sentences,
    gazetteer ruler and event extractor (``lexicon``: the component's ``{"add": ...,
    "replace": ...}``). It saves with ``nlp.to_disk`` and reloads with ``spacy.load``."""
    nlp = spacy.load(model or model_name(), config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.add_pipe("extractor_line_sentences", before="parser")
    if places:
        from .gazetteer import add_place_ruler

        add_place_ruler(nlp, after="ner")
    config: dict[str, Any] = {"linker": linker, "normalize": normalize, "triggers": triggers}
    if selector != DEFAULT_SELECTOR:
        config["selector"] = selector
    if lexicon:
        config["lexicon"] = dict(lexicon)
    nlp.add_pipe("event_extractor", config=config)
    return nlp


def _published(value: Any, doc_id: str) -> str | None:
    """The ISO day of a publication date read as ``extractor.io.iso_date`` reads it, else ``E003``."""
    if value in (None, ""):
        return None
    from .io import iso_date

    day = iso_date(value)
    if day is None:
        raise ExtractorError("E003", value=value, doc_id=doc_id)
    return day


class Extractor:
    """Runs the pipeline over article texts and returns their event tuples."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def make_doc(
        self, text: str, *, published: Any = None, doc_id: str = "", triggers: Any = None, prepared: PreparedText | None = None
    ) -> Doc:
        """A tokenized ``Doc`` of the prepared text that remembers the raw offsets.

        ``triggers`` (character spans) makes the pipeline link arguments for those
        words instead of finding triggers itself; ``prepared`` is ``prepare_text(text)``
        when the caller has made it (``_piece_docs``, whose pieces fit ``nlp.max_length``).
        """
        tokenizer = self.nlp.tokenizer
        if isinstance(tokenizer, PreparingTokenizer):
            doc = self.nlp.make_doc(text) if prepared is None else prepared_doc(tokenizer.base, text, prepared)
        else:
            doc = prepared_doc(self.nlp.make_doc, text, prepared)
        doc._.published = _published(published, doc_id)
        if triggers is not None:
            doc._.given_triggers = [tuple(span) for span in triggers]
        return doc

    def to_dataset(self, texts_or_records: Iterable[str | Mapping[str, Any]], *, batch_size: int = 32, n_process: int = 1) -> Any:
        """A ``datasets.Dataset`` of the tuples of ``texts_or_records``, one row per tuple
        (see ``extractor.io.TABLE_COLUMNS``); documents that fail are left out."""
        from .io import to_dataset

        return to_dataset(self.pipe(texts_or_records, batch_size=batch_size, n_process=n_process))

    def extract(self, text: str, *, published: Any = None) -> list[EventTuple]:
        """The event tuples of one article; ``published`` (ISO date) resolves relative dates."""
        if not isinstance(text, str):
            raise ExtractorError("E015", what="The text given to extract()", kind=type(text).__name__)
        rec = {"doc_id": "", "text": text, "published": published}
        return list(self._merge(rec, [self.nlp(doc) for doc in self._piece_docs(rec)]).tuples)

    def pipe(
        self,
        texts_or_records: Iterable[str | Mapping[str, Any]],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        language_check: bool = True,
    ) -> Iterator[DocumentResult]:
        """Results in input order, one per input. Records are read as the CLI reads them
        (``extractor.io.read_record``, ``extractor.io.admit``): the id from ``doc_id`` or
        ``id`` (else the position), the text from ``text``/``body``/``content`` (taken as it
        is: offsets point into it, a ``title`` is never put in front), the publication date
        from ``published`` or ``date`` (ISO or written such as "19 October 2024"), and every
        other field (``url``, ``title``, a nested ``meta``...) passed through to the result's
        ``meta``. An empty text (``E007``), a text not in English (``E030``; not checked
        without ``language_check``), an id given before in the same call (``E010``), or an
        input that is not a text or such a record yields a result with ``error`` set and
        its own id; a date that is not one is a warning (``E053``, in ``warnings``) and the
        text is processed without it. An exception raised by ``texts_or_records`` itself is
        raised, after the results of what it gave before.

        A text longer than ``min(nlp.max_length, PIECE_CHARS)`` is parsed in pieces and its
        tuples keep offsets into the whole text.
        """
        items = iter(enumerate(texts_or_records))
        self._language_check = language_check
        self._seen: set[str] = set()
        # Worker processes hand back only the events (see ``component.transport``), not the
        # parsed Doc with its tensors, which would cost more to ship than to compute.
        added = n_process != 1 and TRANSPORT not in self.nlp.pipe_names
        if added:
            self.nlp.add_pipe(TRANSPORT, last=True)
        # Objects loaded so far (model, gazetteer, caches) are moved out of the garbage
        # collector's reach for the run: a full collection then walks only what the run
        # made, not the hundreds of thousands of objects loaded before it (one such walk
        # took about as long as the event extractor on 300 documents). With worker
        # processes, garbage is collected first and the workers fork frozen: their
        # collections then neither walk nor copy those pages (in one measurement: 13% less
        # worker CPU, 1.29x -> 1.54x). Put back when the run ends.
        froze = gc.get_freeze_count() == 0
        if froze:
            if n_process != 1:
                gc.collect()
            gc.freeze()
        plugins = _msgpack_plugins_read_once() if n_process != 1 else None
        try:
            while True:
                queue: deque[tuple[dict[str, Any], str | None, int]] = deque()
                pending: list[Doc] = []
                stream = self.nlp.pipe(self._docs(items, queue), batch_size=batch_size, n_process=n_process)
                if n_process != 1:
                    stream = _stop_signals_to_parent_only(stream)
                try:
                    for doc in stream:
                        yield from _failed_in_front(queue)
                        pending.append(doc)
                        rec, _, pieces = queue[0]
                        if len(pending) == pieces:
                            queue.popleft()
                            yield self._merge(rec, pending)
                            pending = []
                    yield from _failed_in_front(queue)
                    return
                except Exception as err:  # noqa: BLE001 - one bad document must not stop the batch
                    # The batch in flight failed as a whole: redo its documents one at a time,
                    # then stream on with the rest.
                    while queue:
                        rec, problem, _ = queue.popleft()
                        if problem is not None:
                            yield DocumentResult(rec["doc_id"], None, error=problem, meta=rec.get("meta", {}))
                        else:
                            yield self._one(rec)
                    if isinstance(err, _InputFailed):
                        raise err.__cause__  # the caller's iterable failed: no input may vanish
        finally:
            if plugins is not None:
                _restore_msgpack_plugin_lookup(plugins)
            if froze:
                gc.unfreeze()
            if added and TRANSPORT in self.nlp.pipe_names:
                self.nlp.remove_pipe(TRANSPORT)

    def _docs(self, items: Iterator[tuple[int, Any]], queue: deque) -> Iterator[Doc]:
        while True:
            try:
                k, item = next(items)
            except StopIteration:
                return
            except Exception as err:
                raise _InputFailed from err
            rec: dict[str, Any] = {"doc_id": _doc_id_of(item, k)}
            try:
                rec = _as_record(item, k)
                self._admit(rec)
                docs = self._piece_docs(rec)
            except (ExtractorError, _Refused) as err:
                queue.append((rec, str(err), 0))
                continue
            except Exception as err:  # noqa: BLE001 - a record that cannot be prepared is one error
                queue.append((rec, f"processing failed: {type(err).__name__}: {err}", 0))
                continue
            queue.append((rec, None, len(docs)))
            yield from docs

    def _admit(self, rec: dict[str, Any]) -> None:
        """The CLI's checks on one record (raises the coded error that stops it); its
        publication day and warnings go into ``rec``."""
        from .io import admit

        if rec["doc_id"] in self._seen:
            raise ExtractorError("E010", doc_id=rec["doc_id"], path="<records>")
        self._seen.add(rec["doc_id"])
        limit = max(1, min(self.nlp.max_length, PIECE_CHARS))
        found = admit(rec["doc_id"], rec["text"], rec.get("published"), language_check=self._language_check, limit=limit)
        if found.error is not None:
            raise _Refused(found.error)
        rec["published"] = found.published
        rec["warnings"] = tuple(found.warnings)

    def _piece_docs(self, rec: dict[str, Any]) -> list[Doc]:
        """One Doc per piece of the record's text, each knowing the offset where it starts; a
        text of one piece keeps its prepared text in ``rec`` (``_PREPARED``)."""
        limit = max(1, min(self.nlp.max_length, PIECE_CHARS))
        triggers = rec.get("triggers")
        pieces = split_text(rec["text"], limit)
        rec.pop(_PREPARED, None)
        docs = []
        for start, piece in pieces:
            given = None
            if triggers is not None:
                given = [(a - start, b - start) for a, b in triggers if start <= a and b <= start + len(piece)]
            prepared = prepare_text(piece)
            if len(pieces) == 1:
                rec[_PREPARED] = prepared
            doc = self.make_doc(piece, published=rec.get("published"), doc_id=rec["doc_id"], triggers=given, prepared=prepared)
            doc.user_data[PIECE_START] = start
            docs.append(doc)
        return docs

    def _merge(self, rec: dict[str, Any], docs: list[Doc]) -> DocumentResult:
        """The result of a record from its processed pieces, offsets moved into the whole text."""
        events: list[EventTuple] = []
        for doc in docs:
            start = doc.user_data.get(PIECE_START, 0)
            events.extend(shift_event(e, start) for e in _events_of(doc))
        published = docs[0]._.published if docs else _published(rec.get("published"), rec["doc_id"])
        merged = merge_events(
            events, text=rec.get("text") or "", published=published, title=rec.get("title"), prepared=rec.get(_PREPARED)
        )
        return DocumentResult(
            rec["doc_id"], published, tuple(events), meta=rec.get("meta", {}), events=tuple(merged), warnings=tuple(rec.get("warnings", ()))
        )

    def _one(self, rec: dict[str, Any]) -> DocumentResult:
        try:
            return self._merge(rec, [self.nlp(doc) for doc in self._piece_docs(rec)])
        except Exception as err:  # noqa: BLE001
            return DocumentResult(rec["doc_id"], None, error=f"processing failed: {type(err).__name__}: {err}")


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs that cover ``text`` in order, each piece at most ``limit``
    characters, cut after a paragraph, line, sentence or word end where one is near."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = len(window)
        for sep in ("\n\n", "\n", ". ", " "):
            k = window.rfind(sep, len(window) // 2)
            if k != -1:
                cut = k + len(sep)
                break
        pieces.append((start, window[:cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def shift_event(event: EventTuple, offset: int) -> EventTuple:
    """``event`` with every character offset moved by ``offset``."""
    if not offset:
        return event
    moved = {}
    for name in OFFSET_SLOTS:
        slot: Slot | None = getattr(event, name)
        if slot is not None and slot.start is not None:
            moved[name] = Slot(slot.text, slot.start + offset, None if slot.end is None else slot.end + offset)
    return replace(event, **moved)


def _events_of(doc: Doc) -> tuple[EventTuple, ...]:
    return tuple(doc._.events or ())


def _msgpack_plugins_read_once() -> list[tuple[Any, Any]]:
    """Look srsly's msgpack plugins up once, and answer later lookups from that.

    srsly looks its plugins up on every msgpack (de)serialization, scanning every installed
    package's entry points and catalogue's whole registry (~0.25-1 ms with spaCy loaded);
    Docs going to and from worker processes take a dozen per document, as much as parsing a
    short article. Forked workers inherit the answer. Returns what
    ``_restore_msgpack_plugin_lookup`` puts back.
    """
    import srsly

    saved = []
    for registry in (srsly.msgpack_encoders, srsly.msgpack_decoders):
        found = registry.get_all()
        saved.append((registry, registry.__dict__.get("get_all")))
        registry.get_all = lambda found=found: found
    return saved


def _restore_msgpack_plugin_lookup(saved: list[tuple[Any, Any]]) -> None:
    for registry, before in saved:
        if before is None:
            registry.__dict__.pop("get_all", None)
        else:
            registry.get_all = before


def _stop_signals_to_parent_only(stream: Iterator[Doc]) -> Iterator[Doc]:
    """``stream`` of a multi-process ``nlp.pipe`` whose workers start with SIGINT and SIGTERM
    blocked: a stop sent to the whole process group (Ctrl-C) then reaches only this process,
    which shuts the workers down in order instead of leaving them killed mid-batch. On
    Linux the workers also die with this process when it is killed outright (SIGKILL)."""
    global _WORKERS_PARENT
    if not hasattr(signal, "pthread_sigmask"):
        yield from stream
        return
    # The workers are forked on the first ``next``; a stop that arrives meanwhile is
    # delivered here as soon as the mask is restored.
    import multiprocessing

    others = {p.pid for p in multiprocessing.active_children()}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    _WORKERS_PARENT = os.getpid()
    try:
        workers = [p for p in multiprocessing.active_children() if p.pid not in others]
        with _workers_killed_on_stop(workers):
            first = next(stream, None)
            workers = [p for p in multiprocessing.active_children() if p.pid not in others]
    finally:
        _WORKERS_PARENT = None
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
    if first is None:
        return
    with _workers_killed_on_stop(workers):
        yield first
        yield from stream


# Seconds that the workers of a stopped multi-process run have to finish in order before
# they are killed.
STOP_GRACE_SECONDS = 1.0


class _workers_killed_on_stop:
    """While active (in the main thread), SIGINT and SIGTERM first arrange for ``workers``
    to be killed (SIGKILL) after ``STOP_GRACE_SECONDS``, then act as before (the run stops
    with ``KeyboardInterrupt``). spaCy's ``pipe`` tells its workers to stop and waits for
    them, but a worker blocked writing its results to a pipe that nobody reads any more
    (it holds the pipe's read end itself, inherited at fork) never ends: the run hung
    until killed. Their results are discarded in any case; a rerun redoes those documents."""

    def __init__(self, workers: list[Any]) -> None:
        self.workers = workers
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> "_workers_killed_on_stop":
        import threading

        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.previous[sig] = signal.signal(sig, self._stop)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)

    def _stop(self, signum: int, frame: Any) -> None:
        import threading

        timer = threading.Timer(STOP_GRACE_SECONDS, self.kill)
        timer.daemon = True
        timer.start()
        previous = self.previous.get(signum)
        if callable(previous):
            previous(signum, frame)
        elif previous == signal.SIG_DFL and signum == signal.SIGTERM:
            raise SystemExit(128 + signum)
        raise KeyboardInterrupt

    def kill(self) -> None:
        for worker in self.workers:
            if worker.is_alive():
                try:
                    worker.kill()
                except (OSError, ValueError):
                    pass


# Set while ``nlp.pipe`` forks its worker processes: the id of the process they belong to.
_WORKERS_PARENT: int | None = None
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In a worker just forked by ``nlp.pipe`` (Linux): be killed when the parent dies, and
    exit if it is already gone.

    Otherwise a worker whose parent was killed outright waits forever on its input queue.
    The kernel sends the signal when the thread that forked the worker ends, so a
    multi-process ``pipe`` is to be iterated by one thread from start to end.
    """
    global _WORKERS_PARENT
    parent, _WORKERS_PARENT = _WORKERS_PARENT, None
    if parent is None or _LIBC is None:
        return
    try:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (AttributeError, OSError):
        return
    if os.getppid() != parent:
        os._exit(1)


def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


_LIBC = _libc()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_die_with_parent)


def _failed_in_front(queue: deque) -> Iterator[DocumentResult]:
    while queue and queue[0][1] is not None:
        rec, err, _ = queue.popleft()
        yield DocumentResult(rec["doc_id"], None, error=err, meta=rec.get("meta", {}))


class _Refused(Exception):
    """A record that the checks shared with the CLI stop (its message is the coded error)."""


class _InputFailed(Exception):
    """The iterable given to ``pipe`` raised (the exception is its ``__cause__``)."""


def _doc_id_of(item: Any, index: int) -> str:
    """The id ``_as_record`` gives ``item``, for its error when it cannot be made a record."""
    try:
        if hasattr(item, "keys") and not isinstance(item, (str, bytes)):
            return str(item.get("doc_id", item.get("id", index)))
    except Exception:  # noqa: BLE001 - an odd mapping still gets the position as its id
        pass
    return str(index)


def _as_record(item: str | Mapping[str, Any], index: int) -> dict[str, Any]:
    """The record ``pipe`` processes: ``doc_id``, ``text``, ``published`` (as given),
    ``title``, ``meta`` and ``triggers``, read by ``extractor.io.read_record``."""
    if isinstance(item, str):
        return {"doc_id": str(index), "text": item}
    if not hasattr(item, "keys") or isinstance(item, (bytes, bytearray)):
        raise ExtractorError("E015", what=f"Input {index}", kind=type(item).__name__)
    from .io import read_record

    read = read_record(item, str(index), where="<records>")
    if read.error is not None:
        raise _Refused(read.error.replace(f"Record {read.doc_id} of", f"Record {index + 1} of"))
    meta = read.meta
    rec = {"doc_id": read.doc_id, "text": read.text, "published": meta.get("published"), "title": meta.get("title"), "meta": meta}
    if "triggers" in meta and (item.get("triggers") is not None or item.get("tuples") is not None):
        rec["triggers"] = meta["triggers"]
    return rec


def load(
    *,
    linker: str = DEFAULT_LINKER,
    model: str | None = None,
    places: bool = True,
    normalize: bool = True,
    lexicon: Mapping[str, Any] | None = None,
    triggers: str = "rules",
    selector: str = DEFAULT_SELECTOR,
) -> Extractor:
    """An ``Extractor`` on the installed English model (no download); ``lexicon`` as for
    ``build_nlp``; ``triggers``: "rules" or "rules+head" (the learned trigger head too);
    ``selector``: a name of ``registry.selectors`` ("extractor.rule_admission.v1", or the
    learned "extractor.learned_selector.v1", models/selector.md)."""
    return Extractor(build_nlp(linker=linker, model=model, places=places, normalize=normalize, lexicon=lexicon, triggers=triggers, selector=selector))
