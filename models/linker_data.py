"""Training data of the learned linker: outside records, the fixed split, parses, labels.

Records come from ``../shared/evaldata/`` (RAMS dev, GENEVA val), loaded with the
``datasets`` library through ``evaluation.outside.load_outside``. Each record goes to
``heldout`` (never seen in training) by a salted hash of its source document, so windows
of one article never straddle the line; the rest goes to ``dev`` (early stopping,
thresholds) or ``train`` by a salted hash of the record id.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
EVALDATA = ROOT.parent / "shared" / "evaldata"
SOURCES = {"rams": "rams-dev.jsonl", "geneva": "geneva-val.jsonl"}
CACHE = ROOT / "models" / "cache"
SALT = "extractor-linker-v1"
HELDOUT_SHARE = 25  # percent of source documents
DEV_SHARE = 12  # percent of the other records
# Roles a source never annotates: a candidate there is unlabelled for them, not a negative.
UNANNOTATED = {"rams": ("quantity", "date"), "geneva": ()}


def group_key(record: dict[str, Any], kind: str) -> str:
    """The source document a record comes from (RAMS: the article URL; GENEVA: the FrameNet doc)."""
    meta = record.get("meta") or {}
    if kind == "rams":
        return str(meta.get("source_url") or record["id"])
    return str(meta.get("doc_id") or record["id"])


def split_of(record: dict[str, Any], kind: str) -> str:
    """``heldout``, ``dev`` or ``train``, fixed by a salted SHA-256 of the source document."""
    digest = hashlib.sha256(f"{SALT}|{kind}|{group_key(record, kind)}".encode()).hexdigest()
    if int(digest[:8], 16) % 100 < HELDOUT_SHARE:
        return "heldout"
    # dev by record: it only stops training and sets thresholds, and GENEVA has few documents
    digest = hashlib.sha256(f"{SALT}|dev|{kind}|{record['id']}".encode()).hexdigest()
    return "dev" if int(digest[:8], 16) % 100 < DEV_SHARE else "train"


def load_records(kind: str, *, data_dir: Path = EVALDATA) -> list[dict[str, Any]]:
    """The records of one source as plain dicts, read with ``datasets``."""
    from evaluation.outside import load_outside

    ds = load_outside(data_dir / SOURCES[kind], kind=kind)
    out = []
    for row in ds:
        rec = {k: (json.loads(v) if isinstance(v, str) and k not in ("id", "text") else v) for k, v in row.items()}
        out.append(rec)
    return out


def split_records(kinds: Sequence[str] = tuple(SOURCES), *, data_dir: Path = EVALDATA) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """``{"train"|"dev"|"heldout": [(kind, record), ...]}`` in file order."""
    parts: dict[str, list[tuple[str, dict[str, Any]]]] = {"train": [], "dev": [], "heldout": []}
    for kind in kinds:
        for rec in load_records(kind, data_dir=data_dir):
            parts[split_of(rec, kind)].append((kind, rec))
    return parts


def write_heldout(out_dir: Path, *, data_dir: Path = EVALDATA) -> dict[str, Path]:
    """The held-out records of each source as JSON Lines (verbatim lines of the source files)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for kind, name in SOURCES.items():
        path = out_dir / f"heldout-{kind}.jsonl"
        with (data_dir / name).open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
            for line in src:
                if line.strip() and split_of(json.loads(line), kind) == "heldout":
                    dst.write(line if line.endswith("\n") else line + "\n")
        paths[kind] = path
    return paths


# --- parsing -----------------------------------------------------------------------------


def parse_records(items: Sequence[tuple[str, dict[str, Any]]], *, batch_size: int = 32) -> list[Any]:
    """Parsed ``Doc``s of the records, made exactly as ``Extractor.pipe`` makes them, without
    running the event extractor (so no linker is involved)."""
    import extractor

    ex = extractor.load()
    nlp = ex.nlp
    docs_in = (ex.make_doc(rec["text"], doc_id=rec["id"]) for _, rec in items)
    with nlp.select_pipes(disable=["event_extractor"]):
        return list(nlp.pipe(docs_in, batch_size=batch_size))


def cached_parses(items: Sequence[tuple[str, dict[str, Any]]], *, cache: Path = CACHE, fresh: bool = False) -> list[Any]:
    """``parse_records`` through a DocBin on disk keyed by the texts (``fresh`` re-parses)."""
    from spacy.tokens import DocBin

    import extractor

    key = hashlib.sha256("\n".join(rec["id"] + "\t" + rec["text"] for _, rec in items).encode()).hexdigest()[:16]
    path = cache / f"docs-{key}.spacy"
    if path.exists() and not fresh:
        nlp = extractor.load().nlp
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = parse_records(items)
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    return docs


# --- the encoder's vectors, cached by sentence ---------------------------------------------


class VectorCache:
    """MiniLM token vectors of sentences, kept in memory and in an ``.npz`` file (float16)."""

    def __init__(self, path: Path = CACHE / "vectors.npz", *, threads: int = 1) -> None:
        self.path = path
        self.threads = threads
        self.store: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as data:
                self.store = {k: data[k] for k in data.files}
        self.dirty = False

    @staticmethod
    def key(sent: Any) -> str:
        offsets = ",".join(str(t.idx - sent.start_char) for t in sent)
        return hashlib.sha1(f"{sent.text}|{offsets}".encode()).hexdigest()

    def __call__(self, sents: Sequence[Any]) -> list[np.ndarray]:
        from extractor.learned import encode_sentences, token_vectors

        keys = [self.key(s) for s in sents]
        todo = [k for k, key in enumerate(keys) if key not in self.store]
        if todo:
            encoded = encode_sentences([sents[k].text for k in todo], threads=self.threads)
            for k, (pieces, offsets) in zip(todo, encoded):
                self.store[keys[k]] = token_vectors(sents[k], pieces, offsets).astype(np.float16)
            self.dirty = True
        return [self.store[key].astype(np.float32) for key in keys]

    def save(self) -> None:
        if self.dirty:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(self.path, **self.store)
            self.dirty = False


# --- labels ---------------------------------------------------------------------------------


@dataclass
class TriggerExample:
    """One annotated trigger: its pairs' row range and the role labels of every candidate."""

    kind: str
    record_id: str
    rows: slice
    labels: np.ndarray  # (candidates, 4): 1 positive, 0 negative
    weights: np.ndarray  # (candidates, 4): 0 where unlabelled
    accept: np.ndarray  # (candidates, 4): the scorer would count the candidate as right
    gold: dict[str, bool] = field(default_factory=dict)  # role -> the gold event gives it
    candidates: list[Any] = field(default_factory=list)
    rule_pick: dict[str, int | None] = field(default_factory=dict)  # role -> candidate the rules chose
    offsets: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # candidate's sentence - trigger's
    rules: Any = None  # the rule-based linker's Arguments (hybrid only)


def _fillers(slot: Any) -> list[dict[str, Any]]:
    if not isinstance(slot, dict) or slot.get("text") is None:
        return []
    return [slot] + [a for a in slot.get("also") or [] if isinstance(a, dict) and a.get("text")]


def label_candidates(
    doc: Any, cands: Sequence[Any], event: dict[str, Any], kind: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, bool]]:
    """Role labels of each candidate against one gold event.

    A candidate is positive for a role when it overlaps a gold filler and matches it as the
    scorer does (strict match preferred: where some candidate equals a filler, looser ones
    are left unlabelled). Other candidates that the scorer would accept are unlabelled too;
    the rest are negatives. Roles the source does not annotate are unlabelled throughout.
    """
    from evaluation.match import text_match
    from extractor.learned import ROLES
    from extractor.textprep import span_to_raw

    raw = doc._.raw_text or doc.text
    segments = doc._.raw_segments
    spans = []
    for c in cands:
        s = doc[c.start : c.end]
        rs, re_ = span_to_raw(segments, s.start_char, s.end_char)
        spans.append((rs, re_, raw[rs:re_]))
    labels = np.zeros((len(cands), len(ROLES)), dtype=np.float32)
    weights = np.ones((len(cands), len(ROLES)), dtype=np.float32)
    accept = np.zeros((len(cands), len(ROLES)), dtype=bool)
    gold: dict[str, bool] = {}
    for n, role in enumerate(ROLES):
        if role in UNANNOTATED[kind]:
            weights[:, n] = 0.0
            continue
        fillers = _fillers(event.get(role))
        gold[role] = bool(fillers)
        if not fillers:
            continue
        strict, loose, anywhere = set(), set(), set()
        for k, (rs, re_, text) in enumerate(spans):
            for f in fillers:
                if not text_match(text, f["text"], lenient=True):
                    continue
                anywhere.add(k)
                fs, fe = f.get("start"), f.get("end")
                if fs is not None and not (rs < fe and fs < re_):
                    continue
                (strict if text_match(text, f["text"], lenient=False) else loose).add(k)
        positives = strict or loose
        for k in anywhere:
            weights[k, n] = 0.0
            accept[k, n] = True
        for k in positives:
            labels[k, n] = 1.0
            weights[k, n] = 1.0
    return labels, weights, accept, gold


def event_triggers(doc: Any, record: dict[str, Any]) -> Iterator[tuple[dict[str, Any], Any]]:
    """Each gold event of a record with its ``Trigger`` in ``doc``, found as the extractor
    finds given triggers at run time (events whose span maps to no token are skipped)."""
    from extractor.triggers import given_triggers

    for event in record["tuples"]:
        action = event.get("action")
        if not isinstance(action, dict) or action.get("start") is None:
            continue
        found = given_triggers(doc, [(action["start"], action["end"])])
        if found:
            yield event, found[0]


def iter_examples(
    items: Iterable[tuple[str, dict[str, Any]]],
    docs: Iterable[Any],
    *,
    use_rules: bool,
    encoder: Any,
    window: int,
) -> Iterator[tuple[Any, list[TriggerExample]]]:
    """Pair features and labels record by record: ``(PairBatch, [TriggerExample, ...])``."""
    from extractor.learned import ROLES, pair_features

    for (kind, rec), doc in zip(items, docs):
        pairs = list(event_triggers(doc, rec))
        if not pairs:
            continue
        triggers = [t for _, t in pairs]
        batch = pair_features(doc, triggers, use_rules=use_rules, window=window, encoder=encoder)
        examples = []
        at = 0
        for (event, _), cands in zip(pairs, batch.candidates):
            labels, weights, accept, gold = label_candidates(doc, cands, event, kind)
            rules = batch.rules[len(examples)]
            spans = [(c.start, c.end) for c in cands]
            picks = {
                role: spans.index(tuple(getattr(rules, role))) if rules is not None and getattr(rules, role) is not None and tuple(getattr(rules, role)) in spans else None
                for role in ROLES
            }
            examples.append(
                TriggerExample(
                    kind, rec["id"], slice(at, at + len(cands)), labels, weights, accept, gold, list(cands), picks,
                    batch.offsets[at : at + len(cands)], rules,
                )
            )
            at += len(cands)
        yield batch, examples
