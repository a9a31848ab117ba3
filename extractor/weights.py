"""The numpy weight files of the learned heads (``trigger_head``, ``selector``): read whole,
every array they must hold checked, with the head's own error code for what is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from .errors import ExtractorError


def load_arrays(path: Path, names: Sequence[str], code: str) -> dict[str, np.ndarray]:
    """Every array of the ``.npz`` at ``path``; ``ExtractorError(code)`` when the file is
    missing or lacks one of ``names``."""
    if not path.exists():
        raise ExtractorError(code, path=path, problem="the file is missing")
    with np.load(path, allow_pickle=False) as data:
        missing = [name for name in names if name not in data.files]
        if missing:
            raise ExtractorError(code, path=path, problem=f"arrays {missing} are missing")
        return {name: data[name] for name in data.files}
