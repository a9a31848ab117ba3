"""extractor/weights.py: a learned head's .npz read whole, its required arrays checked."""

import numpy as np
import pytest

from extractor.errors import ExtractorError
from extractor.weights import load_arrays


def test_every_array_is_read(tmp_path):
    path = tmp_path / "w.npz"
    np.savez(path, w=np.arange(3.0), b=np.array([0.5]))
    data = load_arrays(path, ("w", "b"), "E023")
    assert set(data) == {"w", "b"}
    assert data["w"].tolist() == [0.0, 1.0, 2.0]


@pytest.mark.parametrize("code", ["E023", "E025"])
def test_a_missing_array_is_the_heads_coded_error(tmp_path, code):
    path = tmp_path / "w.npz"
    np.savez(path, w=np.arange(3.0))
    with pytest.raises(ExtractorError) as err:
        load_arrays(path, ("w", "b"), code)
    assert err.value.code == code and "['b']" in str(err.value)


def test_a_missing_file_is_the_heads_coded_error(tmp_path):
    with pytest.raises(ExtractorError) as err:
        load_arrays(tmp_path / "none.npz", ("w",), "E025")
    assert err.value.code == "E025" and "missing" in str(err.value)
