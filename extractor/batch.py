"""Batch runs over folders of articles: stream, keep going past bad inputs, resume."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import ExtractorError
from .io import (
    LEVELS,
    LineWriter,
    count_inputs,
    done_ids,
    admit,
    is_tuple_table,
    iter_inputs,
    list_inputs,
    output_format,
    read_lines,
    read_manifest,
    write_table,
)
from .pipeline import DEFAULT_LINKER, PIECE_CHARS, Extractor, load
from .registry import DEFAULT_SELECTOR


@dataclass
class RunSummary:
    """What a run did: documents written (and how many of them without tuples), tuples,
    failures and time."""

    documents: int = 0
    tuples: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    words: int = 0
    warnings: int = 0
    not_english: int = 0
    output: str | None = None
    load_seconds: float = 0.0
    without_tuples: int = 0

    def __str__(self) -> str:
        busy = self.seconds - self.load_seconds
        rate = self.documents / busy if busy > 0 else 0.0
        words = self.words / busy if busy > 0 else 0.0
        extra = []
        if self.not_english:
            extra.append(f"{self.not_english} not English")
        if self.warnings:
            extra.append(f"{self.warnings} warnings")
        if self.problems:
            extra.append(f"{len(self.problems)} bad manifest lines")
        return (
            f"{self.documents} documents"
            + (f" ({self.without_tuples} without tuples)" if self.without_tuples else "")
            + f", {self.tuples} tuples, {self.errors} errors"
            + (f" ({', '.join(extra)})" if extra else "")
            + f", {self.skipped} already done, {self.seconds:.1f} s"
            + (f" ({self.load_seconds:.1f} s loading the model)" if self.load_seconds else "")
            + f", {rate:.1f} docs/s, {words:.0f} words/s"
            + (f" -> {self.output}" if self.output else "")
        )


def output_paths(out: str | Path, *, format: str | None = None, errors_path: str | Path | None = None) -> tuple[str, Path, Path]:
    """``(format, lines, errors)``: the output format, the JSON Lines file that results are
    appended to (the output itself for ``jsonl``, else beside it) and the errors file."""
    out = Path(out)
    fmt = output_format(out, format)
    lines = out if fmt == "jsonl" else out.with_suffix(".jsonl")
    if lines == out and fmt != "jsonl":
        lines = out.with_name(out.name + ".jsonl")
    errors = Path(errors_path) if errors_path else lines.with_name(lines.stem + ".errors.jsonl")
    return fmt, lines, errors


def check_outputs(
    source: str | Path,
    out: str | Path,
    *,
    format: str,
    lines_path: Path,
    errors_path: Path,
    inputs: Iterable[str | Path | None] = (),
) -> None:
    """Refuse, before a model is loaded or a byte written, outputs that would lose data: one
    that is an input of the run (``source`` when it is a file, or one of ``inputs``, such as
    the manifest), the same file for results and errors, or an existing table at ``out`` that
    ``write_table`` did not write (``E013``); and outputs that cannot be written: a folder,
    something other than a regular file, a place where no file can be made (``E014``).

    The lines already in the results and errors files are checked as they are read
    (``read_lines`` refuses a file that is not an output of this tool).
    """
    out = Path(out)
    targets = [lines_path, errors_path] + ([out] if format != "jsonl" else [])
    for target in targets:
        _check_writable(target)
    sources = [Path(p) for p in (source, *inputs) if p is not None and Path(p).is_file()]
    for target in targets:
        if any(_same_file(target, p) for p in sources):
            raise ExtractorError("E013", path=target, problem="it is one of the inputs of this run")
    if _same_file(lines_path, errors_path):
        raise ExtractorError("E013", path=errors_path, problem="the errors file would be the file of results too")
    if format != "jsonl" and out.exists() and not is_tuple_table(out, format):
        problem = "it is not a table of tuples written by this tool (its first columns are not doc_id, published, tuple_index)"
        raise ExtractorError("E013", path=out, problem=problem)


def _same_file(a: Path, b: Path) -> bool:
    if os.path.abspath(a) == os.path.abspath(b):
        return True
    return a.exists() and b.exists() and os.path.samefile(a, b)


def _is_stream(path: Path) -> bool:
    """Whether ``path`` names a stream or device (``/dev/stdout``, ``/dev/fd/1``,
    ``/proc/self/fd/1``...; not ``os.devnull``): the results file is read back to resume and
    appended to line by line, which a stream cannot do, and ``/dev/stdout`` redirected to a
    file would put the errors file in ``/dev``."""
    if path.exists() and os.path.samefile(path, os.devnull):
        return False
    names = (os.path.abspath(path), os.path.realpath(path))
    return any(name == root.rstrip("/") or name.startswith(root) for name in names for root in ("/dev/", "/proc/"))


def _check_writable(path: Path) -> None:
    """``E014`` unless a file can be appended to (or created) at ``path``; leaves nothing behind."""
    if path.is_dir():
        raise ExtractorError("E014", path=path, problem="it is a folder")
    if _is_stream(path):
        problem = "it is a stream of this process or a device, which cannot be read back to resume (use --print to see the tuples on the terminal)"
        raise ExtractorError("E014", path=path, problem=problem)
    if path.exists() and not path.is_file() and not os.path.samefile(path, os.devnull):
        raise ExtractorError("E014", path=path, problem="it is not a regular file")
    existed = path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    except OSError as err:
        raise ExtractorError("E014", path=path, problem=err.strerror or str(err)) from None
    os.close(fd)
    if not existed:
        path.unlink()


def run_folder(
    source: str | Path,
    out: str | Path,
    *,
    manifest: str | Path | None = None,
    errors_path: str | Path | None = None,
    extractor: Extractor | None = None,
    linker: str = DEFAULT_LINKER,
    triggers: str = "rules",
    selector: str = DEFAULT_SELECTOR,
    batch_size: int = 32,
    n_process: int = 1,
    given_triggers: bool = False,
    format: str | None = None,
    language_check: bool = True,
    with_text: bool = False,
    progress: bool | None = False,
    level: str = "tuples",
) -> RunSummary:
    """Extract tuples from every article under ``source`` into ``out``.

    Results are appended to JSON Lines, one line per document, as they come; for
    ``format`` ``csv`` or ``parquet`` (default: from the name of ``out``) those lines go
    to ``OUT.jsonl`` beside it and the table of tuples is written at the end. The table
    has one row per tuple, so a document without tuples has no row there: it is in the JSON
    Lines (with ``"tuples": []``) and counted in the summary's ``without_tuples``. Documents
    already in the JSON Lines are skipped, so a killed run resumes. Each article that
    cannot be read or processed (and, with ``language_check``, each one not in English)
    goes to ``errors_path`` (default ``OUT.errors.jsonl``) with its id and reason, and the
    run goes on; that file also gets warnings (legacy encoding, text parsed in pieces).
    ``with_text`` adds each document's text to its line (offsets point into it; for HTML it
    is the extracted article text). ``progress`` shows a progress bar on stderr (``None``:
    only on a terminal). With ``given_triggers``, records' annotated trigger spans are
    linked instead of the triggers the pipeline finds (for scoring on RAMS and GENEVA).
    ``level="events"`` makes the table one row per document-level event instead of per tuple.
    """
    started = time.perf_counter()
    if level not in LEVELS:
        raise ExtractorError("E035", level=level)
    source = Path(source)
    fmt, lines_path, errors_path = output_paths(out, format=format, errors_path=errors_path)
    summary = RunSummary(output=str(out))
    entries: dict[str, dict[str, Any]] = {}
    if manifest is None and source.is_dir() and (source / "manifest.jsonl").exists():
        manifest = source / "manifest.jsonl"
    check_outputs(source, out, format=fmt, lines_path=lines_path, errors_path=errors_path, inputs=[manifest])
    if manifest is not None:
        entries, summary.problems = read_manifest(manifest)
    with output_lock(lines_path):
        finished = done_ids(lines_path)
        logged = {_log_key(e) for e in read_lines(errors_path, kind="errors")}
        if extractor is None:
            extractor = load(linker=linker, triggers=triggers, selector=selector)
            summary.load_seconds = time.perf_counter() - started
        limit = _piece_limit(extractor)
        exclude = (lines_path, errors_path, Path(out))
        bar = _progress_bar(progress, source, exclude)

        with LineWriter(lines_path) as writer, LineWriter(errors_path) as errors:

            def log(entry: dict[str, Any]) -> None:
                if _log_key(entry) not in logged:
                    logged.add(_log_key(entry))
                    errors.write(entry)

            for problem in summary.problems:
                print(problem, file=sys.stderr)
                log({"doc_id": None, "path": str(manifest), "error": problem})

            def failed(doc_id: str, path: str | None, reason: str) -> None:
                log({"doc_id": doc_id, "path": path, "error": reason})
                summary.errors += 1
                bar.update(1)

            seen: set[str] = set()

            def todo() -> Iterator[dict[str, Any]]:
                for item in iter_inputs(source, manifest=entries, exclude=exclude):
                    seen.add(item.doc_id)
                    if item.error is not None:
                        failed(item.doc_id, item.path, item.error)
                        continue
                    if item.doc_id in finished:
                        summary.skipped += 1
                        bar.update(1)
                        continue
                    text = item.text or ""
                    meta = dict(item.meta)
                    found = admit(item.doc_id, text, meta.get("published"), language_check=language_check, limit=limit)
                    if found.error is not None:
                        summary.not_english += found.not_english
                        failed(item.doc_id, item.path, found.error)
                        continue
                    if item.encoding is not None:
                        found.warnings.insert(0, str(ExtractorError("E031", doc_id=item.doc_id, encoding=item.encoding)))
                    for warning in found.warnings:
                        summary.warnings += 1
                        log({"doc_id": item.doc_id, "path": item.path, "warning": warning})
                    if "published" in meta:
                        meta["published"] = found.published
                    summary.words += len(text.split())
                    if with_text:
                        meta["text"] = text
                    rec = {"doc_id": item.doc_id, "text": text, "published": found.published, "meta": meta}
                    meta.pop("triggers", None)
                    if given_triggers:
                        rec["triggers"] = item.meta.get("triggers") or []
                    yield rec

            try:
                # todo() ran the record checks (``admit``) already: the language is not judged twice
                checked = {"language_check": False} if isinstance(extractor, Extractor) else {}
                for result in extractor.pipe(todo(), batch_size=batch_size, n_process=n_process, **checked):
                    if result.error is not None:
                        failed(result.doc_id, None, result.error)
                        continue
                    line = result.to_dict()
                    if with_text:
                        line["text"] = (result.meta or {}).get("text")
                    writer.write(line)
                    summary.documents += 1
                    summary.tuples += len(result.tuples)
                    summary.without_tuples += not result.tuples
                    bar.update(1)
                    bar.set_postfix(tuples=summary.tuples, errors=summary.errors, refresh=False)
            finally:
                bar.close()
            unmatched = sorted(set(entries) - seen)
            if unmatched:
                summary.warnings += 1
                shown = ", ".join(repr(u) for u in unmatched[:5]) + (", ..." if len(unmatched) > 5 else "")
                message = ExtractorError("E055", path=manifest, count=len(unmatched), ids=shown)
                log({"doc_id": None, "path": str(manifest), "warning": str(message)})
        if fmt != "jsonl":
            write_table(lines_path, out, format=fmt, level=level)
    summary.seconds = time.perf_counter() - started
    return summary


class output_lock:
    """An exclusive lock on the results file for the length of a run (``flock``, released
    by the system when the process ends, however it ends): a second run on the same output
    at once is refused with ``E052`` instead of writing every document a second time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None
        self.created = False

    def __enter__(self) -> "output_lock":
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.created = not self.path.exists()
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self.fd)
            self.fd = None
            raise ExtractorError("E052", path=self.path) from None
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        if self.fd is None:
            return
        if kind is not None and self.created and os.fstat(self.fd).st_size == 0:
            self.path.unlink(missing_ok=True)  # a run refused (E013, E001...) leaves nothing behind
        os.close(self.fd)
        self.fd = None


def _log_key(entry: dict[str, Any]) -> tuple[Any, ...]:
    return (entry.get("doc_id"), entry.get("path"), entry.get("error"), entry.get("warning"))


def _piece_limit(extractor: Any) -> int:
    nlp = getattr(extractor, "nlp", None)
    return max(1, min(getattr(nlp, "max_length", PIECE_CHARS), PIECE_CHARS))


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def set_postfix(self, **kwargs: Any) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(progress: bool | None, source: Path, exclude: tuple[Path, ...]) -> Any:
    if progress is False or (progress is None and not sys.stderr.isatty()):
        return _NoBar()
    from tqdm import tqdm

    try:
        total = count_inputs(list_inputs(source, exclude=exclude)[0])
    except ExtractorError:
        total = None
    return tqdm(total=total, unit="doc", desc="extract", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
