"""Infinitive complements: the complement of an object-control verb is an event its object
does ("helped Iran to build"), not the subject's purpose; a true purpose clause is still no
trigger of its own."""

from __future__ import annotations

import pytest

from extractor.triggers import find_triggers


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # object control (lexicon class object_control, VerbNet force/urge/help...)
        ("Russian engineers helped Iran to build a reactor near Bushehr in 2010.", {"build"}, set()),
        ("The court forced the company to pay $2 million in Ohio last year.", {"pay"}, set()),
        # purpose: the infinitive says why, it is not reported as done
        ("The army sent 300 soldiers to Kherson to protect the bridge.", {"send"}, {"protect"}),
    ],
)
def test_object_control_complements_are_events(nlp, text, present, absent):
    found = {t.lemma for t in find_triggers(nlp(text))}
    assert present <= found, found
    assert not (absent & found), found
