"""Reading article folders and manifests, and writing results, without losing a document."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .errors import ExtractorError

TEXT_FIELDS = ("text", "body", "content")


@dataclass
class InputItem:
    """One article to process, or the reason it cannot be read."""

    doc_id: str
    path: str
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def read_manifest(path: str | Path) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Metadata by ``doc_id`` from a JSON Lines manifest, and the problems of bad lines."""
    path = Path(path)
    entries: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                if not isinstance(data, dict) or "doc_id" not in data:
                    raise ValueError("not an object with a \"doc_id\"")
            except ValueError as err:
                problems.append(str(ExtractorError("E005", path=path, line=n, problem=str(err))))
                continue
            entries[str(data["doc_id"])] = data
    return entries, problems


def decode(data: bytes) -> str:
    """Text of a file's bytes: UTF-8, or the legacy encoding detected from its content."""
    if b"\x00" in data[:4096]:
        raise ValueError("binary content (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("no text encoding fits its bytes")
    return str(best)


def iter_inputs(path: str | Path, *, manifest: dict[str, dict[str, Any]] | None = None) -> Iterator[InputItem]:
    """Articles under ``path``: ``.txt`` files (recursively) or ``.json``/``.jsonl`` records."""
    path = Path(path)
    manifest = manifest or {}
    if path.is_file():
        files = [path]
    elif path.is_dir():
        files = sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in (".txt", ".json", ".jsonl") and p.name != "manifest.jsonl"
            and not p.name.startswith(".")
        )
    else:
        raise ExtractorError("E004", path=path)
    seen: set[str] = set()
    for file in files:
        for item in _items_of(file, path):
            if item.doc_id in seen:
                item.error = str(ExtractorError("E010", doc_id=item.doc_id, path=item.path))
                item.text = None
            seen.add(item.doc_id)
            meta = manifest.get(item.doc_id)
            if meta:
                item.meta = {**meta, **item.meta}
            yield item


def _items_of(file: Path, root: Path) -> Iterator[InputItem]:
    suffix = file.suffix.lower()
    try:
        data = file.read_bytes()
    except OSError as err:
        yield InputItem(file.stem, str(file), error=str(ExtractorError("E006", path=file, problem=err.strerror or str(err))))
        return
    try:
        text = decode(data)
    except ValueError as err:
        yield InputItem(file.stem, str(file), error=str(ExtractorError("E008", doc_id=file.stem, problem=str(err))))
        return
    if suffix == ".txt":
        yield InputItem(file.stem, str(file), text=text)
        return
    lines = text.splitlines() if suffix == ".jsonl" else [text]
    if root != file and not _holds_articles(lines):
        # In a folder, JSON files without article records (gold files, manifests, configs)
        # are not inputs; a file named on the command line always is.
        return
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{file}:{n}"
        try:
            rec = json.loads(line)
        except ValueError as err:
            yield InputItem(f"{file.stem}:{n}", where, error=str(ExtractorError("E006", path=where, problem=f"invalid JSON ({err})")))
            continue
        records = rec if isinstance(rec, list) else [rec]
        for k, r in enumerate(records):
            doc_id = str(r.get("doc_id", r.get("id", f"{file.stem}:{n}:{k}"))) if isinstance(r, dict) else f"{file.stem}:{n}:{k}"
            body = next((r[f] for f in TEXT_FIELDS if isinstance(r, dict) and isinstance(r.get(f), str)), None)
            if body is None:
                yield InputItem(doc_id, where, error=str(ExtractorError("E009", line=n, path=file)))
                continue
            if isinstance(r.get("title"), str) and r["title"].strip() and not body.startswith(r["title"]):
                body = r["title"].strip() + "\n\n" + body
            meta = {k2: r[k2] for k2 in ("published", "date", "url", "title") if k2 in r}
            if "published" not in meta and "date" in meta:
                meta["published"] = meta["date"]
            triggers = r.get("triggers")
            if triggers is None and isinstance(r.get("tuples"), list):
                spans = [t["action"] for t in r["tuples"] if isinstance(t, dict) and isinstance(t.get("action"), dict) and "start" in t["action"]]
                triggers = [(a["start"], a["end"]) for a in spans] or None
            if triggers is not None:
                meta["triggers"] = triggers
            yield InputItem(doc_id, where, text=body, meta=meta)


def _holds_articles(lines: list[str]) -> bool:
    for line in lines:
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            return True  # a broken line in a records file is reported, not skipped
        first = rec[0] if isinstance(rec, list) and rec else rec
        return isinstance(first, dict) and any(isinstance(first.get(f), str) for f in TEXT_FIELDS)
    return False


def done_ids(out_path: str | Path) -> set[str]:
    """Ids already written to ``out_path``; a torn last line is cut off so a rerun can append."""
    out_path = Path(out_path)
    if not out_path.exists():
        return set()
    ids: set[str] = set()
    good_end = 0
    with out_path.open("rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            try:
                ids.add(str(json.loads(line)["doc_id"]))
            except (ValueError, KeyError):
                break
            good_end += len(line)
    if good_end != out_path.stat().st_size:
        with out_path.open("rb+") as handle:
            handle.truncate(good_end)
    return ids


class LineWriter:
    """Appends one JSON object per line, each in a single write that is flushed to disk."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def write(self, obj: dict[str, Any]) -> None:
        os.write(self._fd, (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8"))

    def close(self) -> None:
        os.fsync(self._fd)
        os.close(self._fd)

    def __enter__(self) -> "LineWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
