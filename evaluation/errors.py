"""The one error type of the evaluation package."""

from __future__ import annotations


class EvaluationError(ValueError):
    """Bad input to the scorer: a malformed file, record or value.

    ``code`` is stable ("E101"); the message names the file and 1-based line when there
    is one, and says what to fix.
    """

    def __init__(self, code: str, message: str, *, path: str | None = None, line: int | None = None):
        self.code = code
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{code} {message}")
