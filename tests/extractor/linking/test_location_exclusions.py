"""Location exclusions (``linking.location.LOCATION_EXCLUSIONS``): a place a rule found that
the gold's recorded decisions say is no place. The office is not a place (news-dev part b
decision 11); a spot inside a sports venue is not a place (news-dev part a decision D4).
Invented sentences."""

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


# (sentence, trigger, the location expected, or None)
VENUE_CASES = [
    ("Ruiz hit the ball into left field.", "hit", None),  # the open form of WordNet's "leftfield"
    ("Ortega drove a double into the outfield.", "drove", None),
    ("The pitcher warmed up in the bullpen at Fenway Park.", "warmed", "Fenway Park"),  # the venue stays
    ("Ruiz drove the truck into the field in Kansas.", "drove", "field"),  # no part of a venue
]


@pytest.mark.parametrize("text, word, location", VENUE_CASES)
def test_a_spot_inside_a_sports_venue_is_no_place(linked, span_text, text, word, location):
    doc, args = linked(text, word)
    assert span_text(doc, args.location) == location
