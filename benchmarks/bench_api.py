"""Same-process API benchmark: ``Extractor.pipe`` against ``nlp.pipe`` of the same model.

Run on demand, not in CI (a few minutes):

    .venv/bin/python benchmarks/bench_batch.py --api [--corpus batch|all] [--rounds 3]
        [--batch-size 32] [--profile 25] [--json OUT.json]

(``benchmarks/bench_api.py`` takes the same options.) In one process it loads raw spaCy
(``spacy.load`` of the model the extractor uses) and the extractor (``extractor.load()``),
times the extractor's first ``extract`` (lazy loads) and a warm-up of both pipelines on 20
documents apart, then runs ``--rounds`` rounds over the corpus. Each round processes every
source of the corpus (the seeds, then each evaldata file) with both pipelines one after the
other, the order alternating between rounds, so both see the same load on a shared machine.
Every pass is timed in wall-clock seconds and in this process's CPU seconds: when other jobs
take the cores the wall-clock time grows, the CPU time much less, so the CPU ratio is the one
to compare across machines and days, and the gap between the two ratios is the load.

The first round is reported apart (caches fill, the MiniLM encoder loads when a lemma needs
it); the ratios are those of the later rounds ("steady"). Each pipeline component, the
model's tokenizer and the extractor's text preparation are timed (exclusive time, CPU and
wall), so the gap to raw spaCy is split into: the model's own work on the prepared text, text
preparation, line sentences, the gazetteer's place ruler, the event extractor and what
``Extractor.pipe`` adds around ``nlp.pipe`` (records, pieces, merging, document events).
Each is reported as seconds and as a share of raw spaCy's time in the same rounds; the
batch run's own additions (reading files, the language check, writing JSON Lines) are timed
on the same texts in the same rounds. Per source: documents, words per document, triggers
and tuples per 1,000 words, and the ratio to raw. ``--profile N`` profiles the event extractor
(cProfile, only inside the component's calls) over one more pass and lists its top N
functions; cProfile inflates pure-Python code, so read the shares, not the seconds.

The resident set size is read after loading, after the warm-up and after every round: it
should stay flat once the first round has filled the caches.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_batch import CORPORA, corpus_sources, two_process_ceiling  # noqa: E402

WARM_DOCS = 20


def now() -> tuple[float, float]:
    """(wall, CPU of this process) seconds."""
    return time.perf_counter(), time.process_time()


class Clock:
    """Exclusive wall and CPU seconds per stage."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)

    def add(self, stage: str, start: tuple[float, float], less: tuple[float, float] = (0.0, 0.0)) -> None:
        wall, cpu = now()
        self.wall[stage] += wall - start[0] - less[0]
        self.cpu[stage] += cpu - start[1] - less[1]

    def reset(self) -> dict[str, dict[str, float]]:
        out = {"wall": dict(self.wall), "cpu": dict(self.cpu)}
        self.wall.clear()
        self.cpu.clear()
        return out


class _Upstream:
    """The input of a component's ``pipe``, counting the time spent producing it."""

    def __init__(self, docs: Iterable[Any]) -> None:
        self.docs = iter(docs)
        self.spent = [0.0, 0.0]

    def __iter__(self) -> "_Upstream":
        return self

    def __next__(self) -> Any:
        start = now()
        try:
            return next(self.docs)
        finally:
            end = now()
            self.spent[0] += end[0] - start[0]
            self.spent[1] += end[1] - start[1]


class TimedCall:
    """A component (or tokenizer) whose calls add their time to ``clock`` under ``stage``."""

    def __init__(self, proc: Any, stage: str, clock: Clock, profiler: cProfile.Profile | None = None) -> None:
        self.proc = proc
        self.stage = stage
        self.clock = clock
        self.profiler = profiler

    def __call__(self, doc: Any, *args: Any, **kwargs: Any) -> Any:
        start = now()
        if self.profiler is not None:
            self.profiler.enable()
        try:
            return self.proc(doc, *args, **kwargs)
        finally:
            if self.profiler is not None:
                self.profiler.disable()
            self.clock.add(self.stage, start)

    def __getattr__(self, name: str) -> Any:
        if name in ("pipe", "proc") or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.proc, name)


class TimedPipe(TimedCall):
    """A component with ``pipe``: its time is that of its ``next`` less its input's."""

    def pipe(self, docs: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        upstream = _Upstream(docs)
        out = iter(self.proc.pipe(upstream, **kwargs))
        while True:
            start, before = now(), tuple(upstream.spent)
            try:
                doc = next(out)
            except StopIteration:
                self.clock.add(self.stage, start, (upstream.spent[0] - before[0], upstream.spent[1] - before[1]))
                return
            self.clock.add(self.stage, start, (upstream.spent[0] - before[0], upstream.spent[1] - before[1]))
            yield doc


def instrument(nlp: Any, clock: Clock, *, profiler: cProfile.Profile | None = None) -> Callable[[], None]:
    """Time every component of ``nlp`` and its tokenizer into ``clock`` (``profiler`` runs
    inside the event extractor's calls); returns the function that undoes it."""
    saved_components = list(nlp._components)
    nlp._components[:] = [
        (name, (TimedPipe if hasattr(proc, "pipe") else TimedCall)(proc, name, clock, profiler if name == "event_extractor" else None))
        for name, proc in saved_components
    ]
    tokenizer = nlp.tokenizer
    base = getattr(tokenizer, "__dict__", {}).get("base")
    saved_prep: list[tuple[Any, str, Any]] = []
    if base is not None:  # the extractor's PreparingTokenizer: text preparation, then the model's tokenizer
        tokenizer.__dict__["base"] = TimedCall(base, "tokenizer", clock)
        nlp.tokenizer = _timed_preparing(tokenizer, clock)
        # ``Extractor.pipe`` does not call the tokenizer: ``_piece_docs`` prepares each piece
        # (``prepare_text``) and ``make_doc`` hands it to ``prepared_doc`` (headline
        # truecasing, then the model's tokenizer), so those are timed where the pipeline
        # module calls them; else they would fall into the time around ``nlp.pipe``.
        import extractor.pipeline as pipeline_module

        for name in ("prepare_text", "prepared_doc"):
            func = getattr(pipeline_module, name)
            saved_prep.append((pipeline_module, name, func))
            setattr(pipeline_module, name, TimedCall(func, "text preparation + tokenizer", clock))

    def undo() -> None:
        nlp._components[:] = saved_components
        nlp.tokenizer = tokenizer
        if base is not None:
            tokenizer.__dict__["base"] = base
        for module, name, func in saved_prep:
            setattr(module, name, func)

    return undo


def _timed_preparing(tokenizer: Any, clock: Clock) -> Any:
    """``tokenizer`` (a ``PreparingTokenizer``) timed as a whole, still an instance of its
    class (``Extractor.make_doc`` checks that it prepares the text itself)."""

    class TimedPreparing(type(tokenizer)):
        def __call__(self, text: str) -> Any:
            start = now()
            try:
                return super().__call__(text)
            finally:
                clock.add("text preparation + tokenizer", start)

    return TimedPreparing(tokenizer.__dict__["base"])


class Counters:
    """Triggers found and MiniLM encoder use, counted by wrapping the functions the component
    and the action classifier call (benchmark only)."""

    def __init__(self) -> None:
        import extractor.normalize.event_type as event_type
        from extractor.triggers import TriggerPass

        self.triggers = 0
        self.embedded = 0
        self.embed_seconds = 0.0
        self.encoder_loaded_at: float | None = None
        self._event_type = event_type
        self._find = TriggerPass.find  # what the component and ``find_triggers`` call, once per Doc
        self._embed = event_type.embed
        counters = self

        def find(trigger_pass: Any, **kwargs: Any) -> Any:
            found = counters._find(trigger_pass, **kwargs)
            counters.triggers += len(found)
            return found

        def embed(texts: list[str]) -> Any:
            if counters.encoder_loaded_at is None and event_type.encoder.cache_info().currsize == 0:
                counters.encoder_loaded_at = time.perf_counter()
            start = time.perf_counter()
            try:
                return counters._embed(texts)
            finally:
                counters.embedded += len(texts)
                counters.embed_seconds += time.perf_counter() - start

        TriggerPass.find = find
        event_type.embed = embed

    def take(self) -> dict[str, Any]:
        out = {"triggers": self.triggers, "lemmas_embedded": self.embedded, "embed_seconds": round(self.embed_seconds, 2)}
        self.triggers = self.embedded = 0
        self.embed_seconds = 0.0
        return out


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def trimmed_rss_mb() -> float | None:
    """RSS after glibc's ``malloc_trim(0)`` gave free heap pages back to the system (``None``
    off glibc): a level that still stands after it is memory the process holds, one that falls
    is freed memory the allocator had kept."""
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    trim(0)
    return rss_mb()


def words_of(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def run_pass(kind: str, pipe: Callable[[list[str]], Iterable[Any]], texts: list[str], clock: Clock) -> dict[str, Any]:
    """One pass over ``texts``; its seconds, stage times, tuples."""
    clock.reset()
    tuples = 0
    results = []
    start = now()
    for result in pipe(texts):
        if kind == "ext":
            tuples += len(result.tuples)
            results.append(result)
    end = now()
    return {"wall": end[0] - start[0], "cpu": end[1] - start[1], "stages": clock.reset(), "tuples": tuples, "results": results}


def batch_extras(texts: list[str], results: list[Any], folder: Path) -> dict[str, float]:
    """CPU seconds of what ``run_folder`` adds: reading the ``.txt`` files, the language
    check, writing the results as JSON Lines."""
    from extractor.io import LineWriter, foreign_language, iter_inputs

    out: dict[str, float] = {}
    start = time.process_time()
    for _ in iter_inputs(folder):
        pass
    out["reading files"] = time.process_time() - start
    start = time.process_time()
    for text in texts:
        foreign_language(text)
    out["language check"] = time.process_time() - start
    start = time.process_time()
    with tempfile.TemporaryDirectory() as tmp, LineWriter(Path(tmp) / "out.jsonl") as writer:
        for result in results:
            writer.write(result.to_dict())
    out["writing JSON Lines"] = time.process_time() - start
    return out


def profile_top(profiler: cProfile.Profile, stage_seconds: float, top: int) -> dict[str, Any]:
    """The event extractor's top functions by own time and by cumulative time (extractor code)."""
    stats = pstats.Stats(profiler, stream=io.StringIO())
    total = sum(v[2] for v in stats.stats.values())  # own time of everything profiled

    def name(key: tuple[str, int, str]) -> str:
        path, line, func = key
        short = path.split("/extractor/", 1)[-1] if "/extractor/" in path else path.rsplit("/site-packages/", 1)[-1]
        return f"{short}:{line}({func})"

    rows = [(key, cc, nc, tt, ct) for key, (cc, nc, tt, ct, _) in stats.stats.items()]
    by_own = sorted(rows, key=lambda r: -r[3])[:top]
    ours = [r for r in rows if "/extractor/" in r[0][0] and r[0][2] != "__call__"]
    by_cum = sorted(ours, key=lambda r: -r[4])[:top]
    fmt = lambda r: {"function": name(r[0]), "calls": r[2], "own_share": round(r[3] / total, 3), "cumulative_share": round(r[4] / total, 3)}  # noqa: E731
    return {
        "profiled_seconds": round(total, 1),
        "unprofiled_stage_seconds": round(stage_seconds, 1),
        "top_own_time": [fmt(r) for r in by_own],
        "top_cumulative_extractor": [fmt(r) for r in by_cum],
    }


def gc_frozen(pipe: Callable[[list[str]], Iterable[Any]]) -> Callable[[list[str]], Iterator[Any]]:
    """``pipe`` run as ``Extractor.pipe`` runs: the objects alive before it are frozen out of
    the garbage collector's walks (``gc.freeze``) until it ends."""

    def run(texts: list[str]) -> Iterator[Any]:
        froze = gc.get_freeze_count() == 0
        if froze:
            gc.freeze()
        try:
            yield from pipe(texts)
        finally:
            if froze:
                gc.unfreeze()

    return run


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--api", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="all", help="batch: seeds + RAMS, GENEVA, UCDP; all: seeds + every evaldata file")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over the corpus; the first is reported apart")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="profile the event extractor over one more pass, list the top N")
    parser.add_argument("--max-docs", type=int, help="at most this many documents of each source (a quick check)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--triggers", choices=("rules", "rules+head"), default="rules",
                        help="the extractor's trigger finding (rules+head: the learned trigger head too)")
    parser.add_argument("--selector", default="extractor.rule_admission.v1",
                        help="the extractor's tuple selector (extractor.learned_selector.v1: the learned selector, models/selector.md)")
    parser.add_argument("--raw-gc-frozen", action="store_true",
                        help="a control: run nlp.pipe with the objects loaded before it frozen out of the garbage "
                             "collector's walks, as Extractor.pipe does, so the ratio leaves that saving out")
    args = parser.parse_args(argv)
    if args.rounds < 2:
        parser.error("--rounds must be at least 2 (the first round is reported apart)")

    report: dict[str, Any] = {
        "command": "python benchmarks/bench_batch.py --api " + " ".join(a for a in (argv if argv is not None else sys.argv[1:]) if a != "--api"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load_average_at_start": os.getloadavg(),
        "machine_two_process_ceiling_start": two_process_ceiling(),
        "corpus": args.corpus,
        "batch_size": args.batch_size,
    }
    log = lambda *a: print(*a, file=sys.stderr, flush=True)  # noqa: E731
    log(f"machine: two busy processes do {report['machine_two_process_ceiling_start']}x the work of one; load {report['load_average_at_start']}")
    sources = [(name, texts[: args.max_docs]) for name, texts in corpus_sources(args.corpus)]
    every = [t for _, texts in sources for t in texts]
    report["sources"] = {name: {"documents": len(texts), "words": words_of(texts)} for name, texts in sources}
    report["words"] = words_of(every)
    report["documents"] = len(every)
    report["triggers"] = args.triggers
    report["selector"] = args.selector
    report["raw_gc_frozen"] = args.raw_gc_frozen
    log(f"corpus {args.corpus}: {report['documents']} documents, {report['words']} words")

    memory = {"start": rss_mb()}
    import spacy

    import extractor
    from extractor.model import model_name

    start = now()
    nlp = spacy.load(model_name())
    raw_load = now()
    ex = extractor.load(triggers=args.triggers, **({"selector": args.selector} if args.selector != "extractor.rule_admission.v1" else {}))
    ext_load = now()
    memory["after_loading"] = rss_mb()
    counters = Counters()
    # The first extract: whatever the pipeline loads on first use (gazetteer tables,
    # dateparser, lexicon tables), then the same text again, warm.
    before_modules = set(sys.modules)
    first = now()
    ex.extract(sources[0][1][0])
    second = now()
    ex.extract(sources[0][1][0])
    third = now()
    new_modules = sorted({m.split(".")[0] for m in set(sys.modules) - before_modules})
    warm = every[:WARM_DOCS]
    w0 = now()
    for _ in nlp.pipe(warm, batch_size=args.batch_size):
        pass
    w1 = now()
    for _ in ex.pipe(warm, batch_size=args.batch_size):
        pass
    w2 = now()
    memory["after_warm_up"] = rss_mb()
    report["startup"] = {
        "raw_load_seconds": round(raw_load[0] - start[0], 2),
        "extractor_load_seconds": round(ext_load[0] - raw_load[0], 2),
        "first_extract_seconds": round(second[0] - first[0], 2),
        "same_text_again_seconds": round(third[0] - second[0], 3),
        "first_extract_imported": new_modules,
        "warm_up_raw_seconds": round(w1[0] - w0[0], 2),
        "warm_up_extractor_seconds": round(w2[0] - w1[0], 2),
        "warm_up_documents": len(warm),
        "warm_up_counts": counters.take(),
    }
    log(f"startup: {report['startup']}")

    clock = Clock()
    undo_raw = instrument(nlp, clock)
    undo_ext = instrument(ex.nlp, clock)
    raw_pipe = lambda texts: nlp.pipe(texts, batch_size=args.batch_size)  # noqa: E731
    if args.raw_gc_frozen:
        raw_pipe = gc_frozen(raw_pipe)
    ext_pipe = lambda texts: ex.pipe(texts, batch_size=args.batch_size)  # noqa: E731
    rounds = []
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        folders = {}
        for name, texts in sources:
            folder = Path(tmp) / name
            folder.mkdir()
            for k, text in enumerate(texts):
                (folder / f"{k:06}.txt").write_text(text, encoding="utf-8")
            folders[name] = folder
        for r in range(args.rounds):
            per_source = {}
            for name, texts in sources:
                order = ("raw", "ext") if (r + len(per_source)) % 2 == 0 else ("ext", "raw")
                done = {}
                for kind in order:
                    done[kind] = run_pass(kind, raw_pipe if kind == "raw" else ext_pipe, texts, clock)
                    if kind == "ext":
                        done["counts"] = counters.take()
                extras = batch_extras(texts, done["ext"].pop("results"), folders[name]) if r > 0 else {}
                done["raw"].pop("results")
                per_source[name] = {**done, "batch_extras_cpu": extras}
            rounds.append(per_source)
            memory[f"after_round_{r + 1}"] = rss_mb()
            # A second reading after a full collection, outside the timed passes: it tells
            # garbage the collector has not reached yet from memory the process holds.
            gc.collect()
            memory[f"after_round_{r + 1}_collected"] = rss_mb()
            memory[f"after_round_{r + 1}_trimmed"] = trimmed_rss_mb()
            cpu_raw = sum(s["raw"]["cpu"] for s in per_source.values())
            cpu_ext = sum(s["ext"]["cpu"] for s in per_source.values())
            wall_raw = sum(s["raw"]["wall"] for s in per_source.values())
            wall_ext = sum(s["ext"]["wall"] for s in per_source.values())
            log(f"round {r + 1}: raw {wall_raw:.1f} s wall / {cpu_raw:.1f} s CPU, extractor {wall_ext:.1f} / {cpu_ext:.1f}; "
                f"ratio wall {wall_raw / wall_ext:.3f}, CPU {cpu_raw / cpu_ext:.3f}; RSS {memory[f'after_round_{r + 1}']} MB, "
                f"{memory[f'after_round_{r + 1}_collected']} MB after gc.collect(), "
                f"{memory[f'after_round_{r + 1}_trimmed']} MB after malloc_trim(0)")
        profile = None
        if args.profile:
            profiler = cProfile.Profile()
            undo_ext()
            instrument(ex.nlp, clock, profiler=profiler)
            done = run_pass("ext", ext_pipe, every, clock)
            profile = profile_top(profiler, done["stages"]["cpu"].get("event_extractor", 0.0), args.profile)
    undo_raw()

    report["memory_rss_mb"] = memory
    report["peak_rss_mb"] = round(__import__("resource").getrusage(__import__("resource").RUSAGE_SELF).ru_maxrss / 1024)
    report.update(summarize(rounds, sources, args.batch_size))
    if profile is not None:
        report["event_extractor_profile"] = profile
    report["load_average_at_end"] = os.getloadavg()
    report["machine_two_process_ceiling_end"] = two_process_ceiling()
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    log(markdown(report))
    return 0


MODEL_STAGES = ("tokenizer", "tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter")
EXTRA_STAGES = ("text preparation", "extractor_line_sentences", "place_ruler", "event_extractor")


def summarize(rounds: list[dict[str, Any]], sources: list[tuple[str, list[str]]], batch_size: int) -> dict[str, Any]:
    """Ratios and the split of the gap, over the rounds after the first."""
    steady = rounds[1:]
    out: dict[str, Any] = {}

    def total(kind: str, clock: str, which: list[dict[str, Any]], names: Iterable[str] | None = None) -> float:
        return sum(s[kind][clock] for rnd in which for n, s in rnd.items() if names is None or n in names)

    def stages(kind: str, clock: str, names: Iterable[str] | None = None) -> dict[str, float]:
        acc: dict[str, float] = defaultdict(float)
        for rnd in steady:
            for n, s in rnd.items():
                if names is None or n in names:
                    for stage, seconds in s[kind]["stages"][clock].items():
                        acc[stage] += seconds
        return acc

    for clock in ("cpu", "wall"):
        out[f"ratio_{clock}"] = ratio(total("raw", clock, steady), total("ext", clock, steady))
        out[f"ratio_{clock}_first_round"] = ratio(total("raw", clock, rounds[:1]), total("ext", clock, rounds[:1]))
        out[f"ratio_{clock}_per_round"] = [ratio(total("raw", clock, [r]), total("ext", clock, [r])) for r in rounds]
    out["cpu_share_of_a_core"] = {
        kind: round(total(kind, "cpu", steady) / total(kind, "wall", steady), 3) for kind in ("raw", "ext")
    }
    words = sum(words_of(texts) for _, texts in sources)
    out["words_per_s"] = {
        f"{kind}_{clock}": round(words * len(steady) / total(kind, clock, steady)) for kind in ("raw", "ext") for clock in ("cpu", "wall")
    }

    def split(names: Iterable[str] | None = None) -> dict[str, Any]:
        names = list(names) if names is not None else None
        raw_total = total("raw", "cpu", steady, names)
        ext_total = total("ext", "cpu", steady, names)
        raw_st, ext_st = stages("raw", "cpu", names), stages("ext", "cpu", names)
        prep = ext_st.pop("text preparation + tokenizer", 0.0) - ext_st.get("tokenizer", 0.0)
        ext_st["text preparation"] = prep
        raw_model = sum(v for k, v in raw_st.items() if k in MODEL_STAGES)
        ext_model = sum(v for k, v in ext_st.items() if k in MODEL_STAGES)
        raw_rest = raw_total - sum(raw_st.values())
        ext_rest = ext_total - sum(ext_st.values())
        parts = {
            "model on the prepared text, less raw": ext_model - raw_model,
            **{k: ext_st.get(k, 0.0) for k in EXTRA_STAGES},
            "Extractor.pipe around nlp.pipe": ext_rest - raw_rest,
        }
        extras: dict[str, float] = defaultdict(float)
        for rnd in steady:
            for n, s in rnd.items():
                if names is None or n in names:
                    for k, v in s["batch_extras_cpu"].items():
                        extras[k] += v
        return {
            "raw_cpu_seconds": round(raw_total, 2),
            "extractor_cpu_seconds": round(ext_total, 2),
            "ratio_cpu": ratio(raw_total, ext_total),
            "raw_stages_cpu": {k: round(v, 2) for k, v in raw_st.items()},
            "extractor_stages_cpu": {k: round(v, 2) for k, v in ext_st.items()},
            # each addition as a share of raw spaCy's time: ratio = 1 / (1 + sum of shares)
            "gap_shares_of_raw": {k: round(v / raw_total, 3) for k, v in parts.items()},
            # the ratio if the extractor added only this stage to raw spaCy
            "ratio_with_only": {k: ratio(raw_total, raw_total + v) for k, v in parts.items()},
            "batch_run_extras_shares_of_raw": {k: round(v / raw_total, 3) for k, v in extras.items()},
            "ratio_with_batch_run_extras": ratio(raw_total, ext_total + sum(extras.values())),
        }

    out["split"] = split()
    per_source = {}
    for name, texts in sources:
        counts = [rnd[name]["counts"] for rnd in steady]
        n_words = words_of(texts)
        s = split([name])
        per_source[name] = {
            "documents": len(texts),
            "words": n_words,
            "words_per_document": round(n_words / len(texts), 1),
            "triggers_per_1000_words": round(1000 * counts[-1]["triggers"] / n_words, 1),
            "tuples_per_1000_words": round(1000 * steady[-1][name]["ext"]["tuples"] / n_words, 1),
            "ratio_cpu": s["ratio_cpu"],
            "ratio_wall": ratio(total("raw", "wall", steady, [name]), total("ext", "wall", steady, [name])),
            "event_extractor_share_of_raw": s["gap_shares_of_raw"]["event_extractor"],
            "text_preparation_share_of_raw": s["gap_shares_of_raw"]["text preparation"],
            "place_ruler_share_of_raw": s["gap_shares_of_raw"]["place_ruler"],
            "pipe_overhead_share_of_raw": s["gap_shares_of_raw"]["Extractor.pipe around nlp.pipe"],
        }
    out["per_source"] = per_source
    first = rounds[0]
    out["first_round"] = {
        "encoder": {k: sum(s["counts"][k] for s in first.values()) for k in ("lemmas_embedded", "embed_seconds")},
        "extractor_cpu_seconds_over_steady": ratio(total("ext", "cpu", rounds[:1]), total("ext", "cpu", steady) / len(steady)),
        "raw_cpu_seconds_over_steady": ratio(total("raw", "cpu", rounds[:1]), total("raw", "cpu", steady) / len(steady)),
    }
    out["steady_rounds_encoder"] = {k: sum(s["counts"][k] for rnd in steady for s in rnd.values()) for k in ("lemmas_embedded", "embed_seconds")}
    return out


def markdown(report: dict[str, Any]) -> str:
    """The main figures as Markdown."""
    split = report["split"]
    rows = [
        f"Corpus {report['corpus']}: {report['documents']} documents, {report['words']} words; "
        f"ratio to raw spaCy, CPU {report['ratio_cpu']}, wall-clock {report['ratio_wall']} "
        f"(first round: CPU {report['ratio_cpu_first_round']}, wall {report['ratio_wall_first_round']}; "
        f"share of a core: {report['cpu_share_of_a_core']})",
        "",
        "| addition to raw spaCy | share of raw time | ratio with only it |",
        "|---|---|---|",
    ]
    for k, v in split["gap_shares_of_raw"].items():
        rows.append(f"| {k} | {v:+.3f} | {split['ratio_with_only'][k]} |")
    for k, v in split["batch_run_extras_shares_of_raw"].items():
        rows.append(f"| batch run: {k} | {v:+.3f} | |")
    rows += ["", "| source | docs | words/doc | triggers/1k words | tuples/1k words | ratio CPU | ratio wall | event extractor share |", "|---|---|---|---|---|---|---|---|"]
    for name, s in report["per_source"].items():
        rows.append(f"| {name} | {s['documents']} | {s['words_per_document']} | {s['triggers_per_1000_words']} | {s['tuples_per_1000_words']} | "
                    f"{s['ratio_cpu']} | {s['ratio_wall']} | {s['event_extractor_share_of_raw']:+.3f} |")
    prof = report.get("event_extractor_profile")
    if prof:
        rows += ["", "event_extractor, top cumulative (extractor code; share of the profiled component):"]
        rows += [f"- {r['function']}: {r['cumulative_share']:.3f} (own {r['own_share']:.3f}, {r['calls']} calls)" for r in prof["top_cumulative_extractor"]]
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
