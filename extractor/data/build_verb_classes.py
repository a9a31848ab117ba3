"""Precompute the event class of every WordNet verb lemma (extractor/data/verb_classes.json),
and the class centroids and the classes of common phrasal verbs (event_classes.json).

The classes are what ``extractor.normalize.event_type`` would compute with MiniLM for each
lemma; shipping them keeps the encoder off the extraction hot path (loading it costs
seconds in each process). Rerun after changing the seed lists, template, threshold or
particles (``event_classes.json`` alone: add ``--event-classes``):

    .venv/bin/python extractor/data/build_verb_classes.py [--event-classes]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).with_name("verb_classes.json")
COMMON_WORDS = Path(__file__).with_name("common_words.tsv")


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


def event_classes() -> None:
    """Write ``event_classes.json``: the centroids; for every common verb (Zipf >= 3.5 in
    ``common_words.tsv``) one class digit per particle of ``event_type.PARTICLES``; and the
    class of every other common word (nouns such as "crime" head events too), by class.

    Each phrase is embedded in batches and scored exactly as ``event_type.class_scores``
    scores one lemma; a sample is re-embedded alone to check batching changes nothing."""
    import numpy as np

    from extractor.lexicon import _wordnet_verbs
    from extractor.normalize import event_type as et

    common = [line.rstrip("\n").split("\t") for line in COMMON_WORDS.open(encoding="utf-8")]
    verbs = sorted(word for word, _, pos in common if "v" in pos and word in _wordnet_verbs())
    seeds = et._seed_class()
    words = sorted({word for word, _, _ in common} - set(_wordnet_verbs()) - set(seeds))
    classes, centroids = et.compute_centroids()
    lemmas = [f"{verb} {particle}" for verb in verbs for particle in et.PARTICLES] + words
    found: dict[str, str] = {}
    for k in range(0, len(lemmas), 256):
        batch = lemmas[k : k + 256]
        vectors = et.embed([et.TEMPLATE.format(w) for w in batch])
        if k % (256 * 40) == 0:
            alone = et.embed([et.TEMPLATE.format(batch[-1])])[0]
            assert np.array_equal(alone, vectors[-1]), f"batched embedding of {batch[-1]!r} differs"
        for lemma, vec in zip(batch, vectors):
            found[lemma] = et.class_of_scores({cls: float(sim) for cls, sim in zip(classes, centroids @ vec)})
    index = {cls: str(i) for i, cls in enumerate(classes)}
    phrasal = {verb: "".join(index[found[f"{verb} {particle}"]] for particle in et.PARTICLES) for verb in verbs}
    data = {
        "key": et.tables_key(),
        "template": et.TEMPLATE,
        "threshold": et.THRESHOLD,
        "classes": list(classes),
        "particles": list(et.PARTICLES),
        "centroids": [[float(x) for x in row] for row in centroids],
        "phrasal": phrasal,
        "words": {index[cls]: " ".join(w for w in words if found[w] == cls) for cls in classes},
    }
    out = Path(__file__).with_name(et.EVENT_TABLES)
    out.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    kept = sum(cls != "other" for cls in found.values())
    print(f"{kept} of {len(found)} phrasal verbs ({len(verbs)} verbs) and other words in a class; wrote {out}")


if __name__ == "__main__":
    if "--event-classes" not in sys.argv[1:]:
        main()
    event_classes()
