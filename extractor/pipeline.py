"""The public entry point: ``load()`` an ``Extractor`` and run it over texts or records."""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import component  # noqa: F401  (registers the factories and extensions)
from .errors import ExtractorError
from .model import model_name
from .textprep import prepare_text
from .types import EventTuple

DEFAULT_LINKER = "extractor.dep_linker.v1"


@dataclass(frozen=True)
class DocumentResult:
    """The tuples of one document, or the reason it could not be processed."""

    doc_id: str
    published: str | None
    tuples: tuple[EventTuple, ...] = ()
    error: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The guide's JSON Lines form: ``{"doc_id", "published", "tuples"}``."""
        return {
            "doc_id": self.doc_id,
            "published": self.published,
            "tuples": [t.to_dict() for t in self.tuples],
        }


def build_nlp(*, linker: str = DEFAULT_LINKER, model: str | None = None, places: bool = True, normalize: bool = True) -> Language:
    """The spaCy pipeline: model, line sentences, gazetteer ruler and event extractor."""
    nlp = spacy.load(model or model_name())
    nlp.add_pipe("extractor_line_sentences", before="parser")
    if places:
        from .gazetteer import ruler_patterns

        ruler = nlp.add_pipe("entity_ruler", name="extractor_places", after="ner", config={"overwrite_ents": True})
        ruler.add_patterns(ruler_patterns())
    nlp.add_pipe("event_extractor", config={"linker": linker, "normalize": normalize})
    return nlp


def _published(value: Any, doc_id: str) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ExtractorError("E003", value=value, doc_id=doc_id) from None


class Extractor:
    """Runs the pipeline over article texts and returns their event tuples."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def make_doc(self, text: str, *, published: Any = None, doc_id: str = "") -> Doc:
        """A tokenized ``Doc`` of the prepared text that remembers the raw offsets."""
        prepared = prepare_text(text)
        doc = self.nlp.make_doc(prepared.text)
        doc._.published = _published(published, doc_id)
        doc._.raw_segments = prepared.segments
        return doc

    def extract(self, text: str, *, published: Any = None) -> list[EventTuple]:
        """The event tuples of one article; ``published`` (ISO date) resolves relative dates."""
        doc = self.nlp(self.make_doc(text, published=published))
        return list(doc._.events)

    def pipe(
        self,
        texts_or_records: Iterable[str | Mapping[str, Any]],
        *,
        batch_size: int = 32,
        n_process: int = 1,
    ) -> Iterator[DocumentResult]:
        """Results in input order; a record that fails yields a result with ``error`` set."""
        queue: deque[tuple[dict[str, Any], str | None]] = deque()
        errors: dict[int, str] = {}

        def docs() -> Iterator[Doc]:
            for k, item in enumerate(texts_or_records):
                try:
                    rec = _as_record(item, k)
                    doc = self.make_doc(rec["text"], published=rec.get("published"), doc_id=rec["doc_id"])
                except ExtractorError as err:
                    queue.append((rec if "rec" in locals() else {"doc_id": str(k)}, str(err)))
                    continue
                queue.append((rec, None))
                yield doc

        def on_error(proc_name, proc, batch, e):  # noqa: ANN001 - spaCy's error-handler signature
            for d in batch:
                errors[id(d)] = f"{proc_name}: {type(e).__name__}: {e}"

        self.nlp.set_error_handler(on_error)

        def failed_in_front() -> Iterator[DocumentResult]:
            while queue and queue[0][1] is not None:
                rec, err = queue.popleft()
                yield DocumentResult(rec["doc_id"], None, error=err)

        for doc in self.nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
            yield from failed_in_front()
            rec, _ = queue.popleft()
            if doc._.events is None:
                reason = errors.get(id(doc), "the pipeline returned no events")
                yield DocumentResult(rec["doc_id"], doc._.published, error=f"processing failed: {reason}")
            else:
                yield DocumentResult(rec["doc_id"], doc._.published, tuple(doc._.events), meta=rec.get("meta", {}))
        yield from failed_in_front()


def _as_record(item: str | Mapping[str, Any], index: int) -> dict[str, Any]:
    if isinstance(item, str):
        return {"doc_id": str(index), "text": item}
    rec = dict(item)
    rec.setdefault("doc_id", str(rec.get("id", index)))
    rec["doc_id"] = str(rec["doc_id"])
    if "text" not in rec:
        raise ExtractorError("E009", line=index + 1, path="<records>")
    return rec


def load(*, linker: str = DEFAULT_LINKER, model: str | None = None, places: bool = True, normalize: bool = True) -> Extractor:
    """An ``Extractor`` on the installed English model (no download)."""
    return Extractor(build_nlp(linker=linker, model=model, places=places, normalize=normalize))
