"""Scoring of event tuples against gold files and outside data.

Prediction and evaluation meet only in files: nothing here imports ``extractor``.
"""

from .errors import EvaluationError
from .report import evaluate_files, format_report

__all__ = ["EvaluationError", "evaluate_files", "format_report"]
