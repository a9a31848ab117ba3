"""Photo-gallery furniture flattened into article lines: counters run into agency credits,
credits that share a gallery's count, slide counters and gallery teasers with a time stamp.
All texts are invented."""

import pytest

from extractor.textprep import find_furniture, prepare_text


@pytest.mark.parametrize(
    "raw, blanked, kept",
    [
        # an agency in capitals with the counter after it
        (
            "Ferries\n\nThe ferry left at noon. Play slideshow REUTERS 1 of 12 Crowds waved from the pier.",
            ["Play slideshow REUTERS 1 of 12"],
            ["The ferry left at noon.", "Crowds waved from the pier."],
        ),
        # a short agency name after the counter
        (
            "Ferries\n\nThe ferry left at noon. Play slideshow 1 of 8 AFP Crowds waved from the pier.",
            ["Play slideshow 1 of 8 AFP"],
            ["The ferry left at noon.", "Crowds waved from the pier."],
        ),
        # the agency's client between it and the counter
        (
            "Gala\n\nThe gala opened at nine. Getty Images for Valtown Zoo 1 of 40 Guests arrive at the gala.",
            ["Getty Images for Valtown Zoo 1 of 40"],
            ["The gala opened at nine.", "Guests arrive at the gala."],
        ),
    ],
)
def test_gallery_counters_run_into_agency_credits_are_blanked(blanked_and_kept, raw, blanked, kept):
    blanked_and_kept(raw, blanked, kept)


def test_a_name_with_the_count_two_agency_credits_carry_is_a_credit(blanked_and_kept):
    raw = (
        "Cup\n\nFans filled the square Getty Images 7 The captain lifts the cup Reuters 7 "
        "Players dance on the pitch Valtown Daily Sports 7 Children cheer on the quay"
    )
    blanked_and_kept(
        raw,
        ["Getty Images 7", "Reuters 7", "Valtown Daily Sports 7"],
        ["Players dance on the pitch", "Children cheer on the quay"],
    )
    assert any(f.kind == "credit" and raw[f.start : f.end] == "Valtown Daily Sports 7" for f in find_furniture(raw))


@pytest.mark.parametrize(
    "raw, kept",
    [
        # a score after one counted credit only: no second credit tells the gallery's count
        (
            "Cup\n\nFans filled the square Getty Images 3 The final score was Valtown Rovers 3 Ember City 1 on Sunday.",
            "The final score was Valtown Rovers 3 Ember City 1 on Sunday.",
        ),
        # a counter in a sentence: no agency beside it
        ("Raid\n\n2 of 3 soldiers were killed in the raid, officials said.", "2 of 3 soldiers were killed in the raid"),
        ("Raid\n\nThe rebels took 4 of 7 towns, Reuters reported on Monday.", "The rebels took 4 of 7 towns, Reuters reported"),
    ],
)
def test_counts_in_sentences_stay(blanked_and_kept, raw, kept):
    blanked_and_kept(raw, [], [kept])


def test_slide_counters_of_a_gallery_are_blanked(blanked_and_kept):
    raw = (
        "Storm\n\nThe storm passed at noon. Storm in pictures 1/5 Valtown harbour AP 2/5 Ember Lake Reuters "
        "3/5 Valtown pier EPA 4/5 Ember Lake AP 5/5 Valtown beach Getty \"We cleared the road,\" the mayor said."
    )
    blanked_and_kept(
        raw,
        ["1/5", "AP 2/5", "Reuters 3/5", "EPA 4/5", "AP 5/5"],
        ["The storm passed at noon.", "Valtown harbour", "\"We cleared the road,\" the mayor said."],
    )


@pytest.mark.parametrize(
    "raw",
    [
        "Review\n\nThe panel rated the ferries 3/5, 4/5 and 2/5 in its yearly review.",  # ratings, no credit
        "Dates\n\nThe talks were held on 1/12, 2/12 and 3/12 in Valtown.",
    ],
)
def test_repeated_fractions_without_credits_stay(raw):
    assert prepare_text(raw).text == raw


def test_gallery_teaser_with_a_time_stamp_is_blanked(blanked_and_kept):
    raw = (
        "Storm\n\nThe ferry sailed at noon. Storm in pictures Tue, March 4, 2031 Waves batter the coast of "
        "Valtown as crews close the road Play slideshow 1 of 9 AP Crews cleared the road."
    )
    blanked_and_kept(
        raw,
        ["Tue, March 4, 2031 Waves batter the coast of Valtown as crews close the road Play slideshow 1 of 9 AP"],
        ["The ferry sailed at noon.", "Crews cleared the road."],
    )


@pytest.mark.parametrize(
    "raw",
    [
        # a preposition before the date: prose
        "Ferry\n\nThe ferry sailed on Tue, March 4, 2031 from Valtown and crews closed the road.",
        # a time stamp in prose with no gallery controls after it stays whole but for the stamp
    ],
)
def test_dates_in_prose_stay(raw):
    assert prepare_text(raw).text == raw


def test_a_lone_time_stamp_in_a_line_is_blanked_but_its_text_stays(blanked_and_kept):
    raw = "Ferry\n\nThe ferry sailed at noon. Tue, March 4, 2031 Crews cleared the road in Valtown."
    blanked_and_kept(raw, ["Tue, March 4, 2031"], ["The ferry sailed at noon.", "Crews cleared the road in Valtown."])


@pytest.mark.parametrize(
    "raw, blanked, kept",
    [
        # a link label between a linked story's headline and the next sentence
        (
            "Vote\n\nThe count ended at noon. Crews rally as the ferry strike enters its third week Read more "
            "The mayor met the crews on Monday.",
            ["Read more"],
            ["The mayor met the crews on Monday.", "Crews rally as the ferry strike enters its third week"],
        ),
        # a wiki section heading left in the text
        (
            "Raid\n\nTwenty rebels were killed. == Aftermath == The army left Valtown.",
            ["== Aftermath =="],
            ["Twenty rebels were killed.", "The army left Valtown."],
        ),
        # a Wikipedia appendix heading opens link lists to the end of its line (MOS:LAYOUT)
        (
            "Raid\n\nTwenty rebels were killed in Valtown. ==See also== * 2009 Valtown bombing * Valtown "
            "airport attack ==References==",
            ["==See also== * 2009 Valtown bombing * Valtown airport attack ==References=="],
            ["Twenty rebels were killed in Valtown."],
        ),
        (
            "Raid\n\nTwenty rebels were killed in an ambush near the old bridge on Monday. == External links == * Valtown police website",
            ["== External links == * Valtown police website"],
            ["Twenty rebels were killed in an ambush near the old bridge on Monday."],
        ),
        # any other heading goes alone, the section after it stays
        (
            "Raid\n\nTwenty rebels were killed. == Aftermath == The army left Valtown. == Notes == * Smith 2010",
            ["== Aftermath ==", "== Notes == * Smith 2010"],
            ["Twenty rebels were killed.", "The army left Valtown."],
        ),
        # the wire services' archive-photo caption label
        (
            "Raid\n\nMany were hurt. FILE - A police officer stands outside a station in Valtown. Crews left.",
            ["FILE -"],
            ["A police officer stands outside a station in Valtown."],
        ),
    ],
)
def test_link_labels_wiki_headings_and_file_labels_are_blanked(blanked_and_kept, raw, blanked, kept):
    blanked_and_kept(raw, blanked, kept)


@pytest.mark.parametrize(
    "raw",
    [
        "Books\n\nShe urged pupils to read more books in Valtown.",  # lower case: a verb phrase
        "Books\n\nThe teacher said Read more, pupils, and then left.",  # no capital after the label
        "Books\n\nShe told them to Read more Books in class.",  # a function word before the label
        "Code\n\nThe test checks that a == b == c holds in Valtown.",  # equals signs in a sentence
        "Docs\n\nThe clerk lost the FILE - it was never found.",  # no caption after the dash
    ],
)
def test_label_shapes_in_sentences_stay(raw):
    assert prepare_text(raw).text == raw
