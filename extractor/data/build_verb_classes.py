"""Precompute the event class of every WordNet verb lemma (extractor/data/verb_classes.json).

The classes are what ``extractor.normalize.event_type`` would compute with MiniLM for each
lemma; shipping them keeps the encoder off the extraction hot path. Rerun after changing
the seed lists, template or threshold:

    .venv/bin/python extractor/data/build_verb_classes.py
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).with_name("verb_classes.json")


def main() -> None:
    from extractor.lexicon import _wordnet_verbs
    from extractor.normalize import event_type as et

    seeds = et._seed_class()
    lemmas = sorted(v.replace("_", " ") for v in _wordnet_verbs() if v.replace("_", " ") not in seeds)
    classes, centroids = et._centroids()
    table: dict[str, str] = {}
    for k in range(0, len(lemmas), 256):
        batch = lemmas[k : k + 256]
        vectors = et.embed([et.TEMPLATE.format(w) for w in batch])
        for lemma, row in zip(batch, vectors @ centroids.T):
            best = int(row.argmax())
            cls = classes[best]
            if cls != "other" and row[best] >= et.THRESHOLD:
                table[lemma] = cls
    # only lemmas outside "other" are stored: absence from the table means "other"
    OUT.write_text(json.dumps({"template": et.TEMPLATE, "threshold": et.THRESHOLD, "size": len(lemmas), "classes": table}, sort_keys=True, indent=0))
    print(f"{len(table)} of {len(lemmas)} lemmas in a class; wrote {OUT}")


if __name__ == "__main__":
    main()
