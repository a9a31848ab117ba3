"""Location exclusions (``linking.location.LOCATION_EXCLUSIONS``): a place a rule found that
the gold's recorded decisions say is no place. The office is not a place (news-dev part b
decision 11). Invented sentences."""

from __future__ import annotations

import pytest

# (sentence, trigger, the location expected, or None)
OFFICE_CASES = [
    ("The banker had been voted into the White House on Tuesday.", "voted", None),
    ("Jones was appointed to the Supreme Court in March.", "appointed", None),
    ("Smith was elected to the Senate in Ohio in 2010.", "elected", "Ohio"),  # the phrase's other place stays
    ("Peru sent 200 engineers to Haiti last year.", "sent", "Haiti"),  # no verb of appointing
    ("Troops moved into the White House grounds on Monday.", "moved", "White House grounds"),
]


@pytest.mark.parametrize("text, word, location", OFFICE_CASES)
def test_the_goal_of_an_appointing_verb_is_no_place(linked, span_text, text, word, location):
    doc, args = linked(text, word)
    assert span_text(doc, args.location) == location
