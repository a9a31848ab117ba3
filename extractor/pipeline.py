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
from .textprep import prepare_text, truecase_headlines
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
        from .gazetteer import add_place_ruler

        add_place_ruler(nlp, after="ner")
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

    def make_doc(self, text: str, *, published: Any = None, doc_id: str = "", triggers: Any = None) -> Doc:
        """A tokenized ``Doc`` of the prepared text that remembers the raw offsets.

        ``triggers`` (character spans) makes the pipeline link arguments for those
        words instead of finding triggers itself.
        """
        prepared = prepare_text(text)
        doc = self.nlp.make_doc(truecase_headlines(prepared.text, is_name=_is_known_name))
        doc._.raw_text = text
        doc._.published = _published(published, doc_id)
        doc._.raw_segments = prepared.segments
        if triggers is not None:
            doc._.given_triggers = [tuple(span) for span in triggers]
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
        items = iter(enumerate(texts_or_records))
        while True:
            queue: deque[tuple[dict[str, Any], str | None]] = deque()
            stream = self.nlp.pipe(self._docs(items, queue), batch_size=batch_size, n_process=n_process)
            try:
                for doc in stream:
                    yield from _failed_in_front(queue)
                    rec, _ = queue.popleft()
                    yield DocumentResult(rec["doc_id"], doc._.published, tuple(doc._.events or ()), meta=rec.get("meta", {}))
                yield from _failed_in_front(queue)
                return
            except Exception:  # noqa: BLE001 - one bad document must not stop the batch
                # The batch in flight failed as a whole: redo its documents one at a time,
                # then stream on with the rest.
                while queue:
                    rec, problem = queue.popleft()
                    if problem is not None:
                        yield DocumentResult(rec["doc_id"], None, error=problem)
                    else:
                        yield self._one(rec)

    def _docs(self, items: Iterator[tuple[int, Any]], queue: deque) -> Iterator[Doc]:
        for k, item in items:
            rec: dict[str, Any] = {"doc_id": str(k)}
            try:
                rec = _as_record(item, k)
                doc = self.make_doc(rec["text"], published=rec.get("published"), doc_id=rec["doc_id"], triggers=rec.get("triggers"))
            except ExtractorError as err:
                queue.append((rec, str(err)))
                continue
            queue.append((rec, None))
            yield doc

    def _one(self, rec: dict[str, Any]) -> DocumentResult:
        try:
            doc = self.nlp(self.make_doc(rec["text"], published=rec.get("published"), doc_id=rec["doc_id"], triggers=rec.get("triggers")))
        except Exception as err:  # noqa: BLE001
            return DocumentResult(rec["doc_id"], None, error=f"processing failed: {type(err).__name__}: {err}")
        return DocumentResult(rec["doc_id"], doc._.published, tuple(doc._.events or ()), meta=rec.get("meta", {}))


def _failed_in_front(queue: deque) -> Iterator[DocumentResult]:
    while queue and queue[0][1] is not None:
        rec, err = queue.popleft()
        yield DocumentResult(rec["doc_id"], None, error=err)


def _is_known_name(phrase: str) -> bool:
    """A place or nationality the gazetteer knows (a single common word never counts)."""
    from .gazetteer import get_gazetteer, is_common_word

    if " " not in phrase and is_common_word(phrase, strong_only=True):
        return False
    gazetteer = get_gazetteer()
    return bool(gazetteer.lookup(phrase)) or gazetteer.country_of_demonym(phrase) is not None


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
