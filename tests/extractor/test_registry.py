"""The linker registry: the learned linkers say how to install what they need."""

from __future__ import annotations

import pytest

from extractor import registry
from extractor.errors import ExtractorError


@pytest.mark.parametrize("name", ["extractor.learned_linker.v1", "extractor.hybrid_linker.v1"])
def test_learned_linkers_without_the_extra_raise_e022(monkeypatch, name):
    monkeypatch.setattr(registry, "LEARNED_EXTRA", ("json", "no_such_module_of_the_extra"))
    with pytest.raises(ExtractorError) as err:
        registry.get_linker(name)
    assert err.value.code == "E022"
    assert "no_such_module_of_the_extra" in str(err.value) and "extractor[learned]" in str(err.value)
    assert "json" not in err.value.details["missing"]


def test_the_rule_based_linker_needs_no_extra(monkeypatch):
    monkeypatch.setattr(registry, "LEARNED_EXTRA", ("no_such_module_of_the_extra",))
    assert callable(registry.get_linker("extractor.dep_linker.v1"))
