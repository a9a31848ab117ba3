import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.textprep import is_furniture, prepare_text


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Related Articles", True),
        ("Back to top button", True),
        ("Get in Touch", True),
        ("spot_imgspot_img", True),
        ("  \u2022 For more: Elrisala website and for social networking, you can follow us on Facebook", True),
        ("  \u2022 Source of information and images \u201cindependent\u201d", True),
        ("- News", True),
        ("World", True),
        ("North Korea Deploys 3,000 Troops to Russia", False),
        ("The ministry said it would follow the talks on Facebook closely after the vote.", False),
        ("", False),
    ],
)
def test_is_furniture(line, expected):
    assert is_furniture(line) is expected


@pytest.mark.parametrize(
    "raw, word",
    [
        ("10,000 troops are expected to be dep\nloyed, including", "deployed"),
        ("modernizing its milita\nry capabilities.", "military"),
    ],
)
def test_broken_words_are_rejoined_with_raw_offsets(raw, word):
    prepared = prepare_text(raw)
    assert len(prepared.text) == len(raw)
    start = prepared.text.index(word)
    raw_start, raw_end = prepared.span_to_raw(start, start + len(word))
    assert raw[raw_start:raw_end].replace("\n", "") == word
    # everything after the rejoined word maps to itself
    tail = prepared.text.index(word) + len(word) + 1
    assert prepared.to_raw(tail) == tail


def test_line_break_between_words_is_kept():
    raw = "the troops\nare ready"
    assert prepare_text(raw).text == raw


def test_non_breaking_spaces_become_spaces():
    raw = "equipment.\u00a0 North Korea plans"
    prepared = prepare_text(raw)
    assert "\u00a0" not in prepared.text
    assert prepared.text.index("North") == raw.index("North")


def test_furniture_is_blanked_in_place():
    raw = "Troops arrived in Kursk.\n\nRelated Articles\n\nBack to top button"
    prepared = prepare_text(raw)
    assert "Related" not in prepared.text
    assert prepared.text.startswith("Troops arrived in Kursk.")
    assert len(prepared.text) == len(raw)


@given(st.text())
def test_prepare_text_never_raises_and_keeps_length(raw):
    prepared = prepare_text(raw)
    assert len(prepared.text) == len(raw)
    for i in range(0, len(raw), 7):
        assert 0 <= prepared.to_raw(i) < max(len(raw), 1)


def test_glued_semicolons_split_headlines_in_place():
    raw = "49 troops killed in Lugansk (VIDEO);Rebels down a plane"
    prepared = prepare_text(raw)
    assert prepared.text == "49 troops killed in Lugansk (VIDEO)\nRebels down a plane"
    assert prepare_text("one; two").text == "one; two"


# --- page furniture: invented examples ------------------------------------------------------

from extractor.textprep import Furniture, find_dateline, find_furniture, furniture_kind  # noqa: E402


@pytest.mark.parametrize(
    "line, kind",
    [
        # call-to-action and widget lines
        ("Sign up for our weekly newsletter.", "prompt"),
        ("Get breaking news alerts delivered to your inbox", "prompt"),
        ("Watch the video", "prompt"),
        ("Skip Ad  Full Screen  Autoplay", "prompt"),
        # share bars
        ("Facebook Twitter WhatsApp Email", "share"),
        ("Share: Facebook | Reddit | LinkedIn", "share"),
        # credit lines
        ("Photo: Jane Roe/AFP", "credit"),
        ("Image copyright Getty Images", "credit"),
        ("AFP via Getty Images", "credit"),
        ("(Photo: Tom Example, Globe Staff)", "credit"),
        ("Pat Sample/Reuters", "credit"),
        ("Illustration by Kim Placeholder", "credit"),
        # bylines
        ("By Jane Roe and Sam Example", "byline"),
        ("By Jane Roe, Senior Correspondent", "byline"),
        ("Jane Roe | Political Reporter", "byline"),
        ("Additional reporting by Sam Example", "credit"),
        # time stamps
        ("Updated 3:45 PM ET", "timestamp"),
        ("Published: 12 March 2031 | 10:02 GMT", "timestamp"),
        ("Posted on Tuesday, Nov 4 at 9:15 am", "timestamp"),
        ("5 min read", "timestamp"),
        # a related headline behind a list heading
        ("Read more: Ministers meet over port strike", "related"),
        ("Related Stories", "label"),
    ],
)
def test_furniture_lines_by_kind(line, kind):
    assert furniture_kind(line) == kind


def test_stamp_phrases_are_the_lexicons_phrases_longest_first():
    from extractor.textprep import _WORDS, _stamp_phrases

    phrases = _stamp_phrases()
    wanted = {s for s in _WORDS.timestamp_words if " " in s}
    assert len(phrases) == len(wanted) > 0
    assert [len(p.pattern) for p in phrases] == sorted((len(p.pattern) for p in phrases), reverse=True)
    for phrase in wanted:  # each, whole words only, in any letter case
        assert any(p.fullmatch(phrase.upper()) for p in phrases)
        assert not any(p.search("x" + phrase) for p in phrases)


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Last updated on Monday, March 3 at 10:02", "timestamp"),  # two of the phrases
        ("LAST MODIFIED 12/03/2031", "timestamp"),
        ("Facebook", "cue"),  # one network is no share bar
        ("Facebook, Twitter", "cue"),  # nor a list written as in a sentence
        ("Twitter Facebook", "share"),
        ("Watch the video  Skip Ad", "prompt"),
    ],
)
def test_furniture_kind_edges(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        # headlines, captions and sentences that share words with furniture
        "Dock Workers Strike in Port Example as Talks Collapse",
        "Rescuers pull two hikers from a flooded cave near Valtown on Sunday",
        "Share prices fell 3% in Exampleton after the announcement.",
        "Follow the money, the auditor told the committee.",
        "By Monday the convoy had reached the border.",
        "The ministry said it would post updates on Facebook and Twitter.",
        "Subscribers to the service rose to two million last year.",
        "Protesters watched the video of the arrest on their phones.",
        "AP Poll: Most Voters Back New Dam Plan",
        "Jane Roe, the mayor of Exampleton, resigned on Friday.",
        "Updated figures show 40 people were evacuated.",
        "November 3 is the day the bridge reopens, officials said.",
        "Watch: Firefighters Battle Blaze at Exampleton Warehouse",
        "Video footage showed soldiers crossing the river at dawn.",
    ],
)
def test_text_lines_are_not_furniture(line):
    assert furniture_kind(line) is None


@pytest.mark.parametrize(
    "raw, blanked, kept",
    [
        # a credit in brackets after a caption; the caption stays
        (
            "Firefighters battle the blaze in Exampleton on Monday. (Photo: Jane Roe, AP) "
            "The fire destroyed three warehouses.",
            ["(Photo: Jane Roe, AP)"],
            ["Firefighters battle the blaze in Exampleton on Monday.", "The fire destroyed three warehouses."],
        ),
        # a slash credit between a caption and the story
        (
            "A ferry docks in Port Example on Tuesday. Sam Example/The Daily Planet "
            "The strike ended after nine days.",
            ["Sam Example/The Daily Planet"],
            ["A ferry docks in Port Example on Tuesday.", "The strike ended after nine days."],
        ),
        # an agency credit with a gallery count glued to the caption that follows
        (
            "The team landed in Valtown at noon GETTY IMAGES 7 Fans cheer the players outside the airport.",
            ["GETTY IMAGES 7"],
            ["The team landed in Valtown at noon", "Fans cheer the players outside the airport."],
        ),
        # share prompts and a newsletter box flattened into the paragraph
        (
            "Dam talks collapse\n\nClick to share on Facebook (Opens in new window) Click to share on Reddit "
            "(Opens in new window) Get weekly updates directly to your inbox + Subscribe Invalid Email "
            "Engineers opened the spillway on Friday.",
            ["Click to share on Facebook", "Subscribe", "Invalid Email"],
            ["Dam talks collapse", "Engineers opened the spillway on Friday."],
        ),
        # a video player: its controls and the title between them go
        (
            "Police closed the road. 1 of 12 Full Screen Autoplay Close Skip Ad x Scenes from the flood View Photos "
            "Water covers a street in Valtown. Caption Water covers a street in Valtown.",
            ["1 of 12 Full Screen", "Scenes from the flood", "View Photos", "Caption"],
            ["Police closed the road.", "Water covers a street in Valtown. ", " Water covers a street in Valtown."],
        ),
        # a bracketed link to another story
        (
            "The minister resigned on Friday. [Five things to know about the port strike] Her deputy takes over.",
            ["[Five things to know about the port strike]"],
            ["The minister resigned on Friday.", "Her deputy takes over."],
        ),
        # the signature of an embedded post; its text stays
        (
            "The bridge is closed again! pic.twitter.com/AbC123xyz -- Pat Sample (@patsample) March 3, 2031 "
            "Engineers inspected the bridge.",
            ["pic.twitter.com/AbC123xyz", "(@patsample) March 3, 2031"],
            ["The bridge is closed again!", "Engineers inspected the bridge."],
        ),
        # BBC-style labels: the credit and the label go, the caption stays
        (
            "Image copyright Exampleton Press Image caption Rescuers searched the cave for two days "
            "Two hikers were found alive.",
            ["Image copyright Exampleton Press", "Image caption"],
            ["Rescuers searched the cave for two days", "Two hikers were found alive."],
        ),
        # a related-stories block after the story; the story stays
        (
            "Ferry strike ends\n\nThe strike ended on Monday after nine days.\n\nRelated\n\n"
            "Port Workers Vote on New Deal\nWhy Ferry Fares Keep Rising\n",
            ["Related", "Port Workers Vote on New Deal", "Why Ferry Fares Keep Rising"],
            ["Ferry strike ends", "The strike ended on Monday after nine days."],
        ),
        # byline, time stamp and share bar lines around the story
        (
            "Flood Closes Valtown Bridge\nBy Jane Roe\nUpdated 9:12 AM ET, Tue March 4, 2031\n"
            "Facebook Twitter Email\nThe river rose two metres overnight.\n",
            ["By Jane Roe", "Updated 9:12 AM ET", "Facebook Twitter Email"],
            ["Flood Closes Valtown Bridge", "The river rose two metres overnight."],
        ),
    ],
)
def test_furniture_is_blanked_and_text_kept(blanked_and_kept, raw, blanked, kept):
    blanked_and_kept(raw, blanked, kept)


def test_headline_line_is_kept_whatever_it_looks_like():
    raw = "Photo Finish: Example Wins by a Nose\n\nThe horse won the race on Sunday."
    assert prepare_text(raw).text == raw
    raw = "By the Numbers: Flood Damage in Valtown\n\nThe river rose two metres."
    assert prepare_text(raw).text == raw


@pytest.mark.parametrize(
    "raw, place, lead",
    [
        ("Dam talks\n\nVALTOWN -- Engineers opened the spillway on Friday.", "VALTOWN", "Engineers opened"),
        ("Dam talks\n\nPORT EXAMPLE, Norland (Wire) — The strike ended.", "PORT EXAMPLE, Norland (Wire)", "The strike"),
        ("Dam talks\n\nVALTOWN, Nov 6 (Wire) - The strike ended.", "VALTOWN, Nov 6 (Wire)", "The strike"),
        ("(Wire) — Engineers opened the spillway on Friday.", "(Wire)", "Engineers opened"),
        # a photo credit word and a byline glued before the dateline go, the dateline is split off
        ("Dam talks\n\nPhoto VALTOWN -- Engineers opened the spillway.", "VALTOWN", "Engineers opened"),
        (
            "Dam talks two days on By Jane Roe and Sam Example VALTOWN, Nov 6 (Wire) - The strike ended.",
            "VALTOWN, Nov 6 (Wire)",
            "The strike",
        ),
    ],
)
def test_dateline_becomes_a_segment_of_its_own(raw, place, lead):
    prepared = prepare_text(raw)
    text = prepared.text
    assert len(text) == len(raw)
    p, q = raw.index(place), raw.index(lead)
    between = text[p + len(place) : q]
    assert "\n" in between and not between.strip(), repr(between)
    assert text[q : q + len(lead)] == lead
    assert any(f.kind == "dateline" for f in prepared.furniture)


@pytest.mark.parametrize(
    "raw",
    [
        "The vote - held on Monday - was close.",
        "Dam talks\n\nThe UN - and the EU - sent observers.",
        "Dam talks\n\nOfficials said the FBI -- not the police -- led the raid.",
        "Dam talks\n\nBREAKING - Engineers opened the spillway.",
    ],
)
def test_dashes_in_sentences_are_no_dateline(raw):
    prepared = prepare_text(raw)
    assert not any(f.kind == "dateline" for f in prepared.furniture)


@pytest.mark.parametrize(
    "raw, place, separator",
    [
        ("Dam talks\n\nVALTOWN -- Engineers opened the spillway.", "VALTOWN", "--"),
        ("Dam talks\n\nVALTOWN: Engineers opened the spillway.", "VALTOWN", ":"),
        ("Dam talks\n\nVALTOWN, Eastland, Nov 6 (Wire) - Engineers opened it.", "VALTOWN, Eastland", "-"),
        ("Dam talks\n\n(Wire) \u2014 Engineers opened the spillway.", None, "\u2014"),
        ("Dam talks\n\nBy Jane Roe VALTOWN -- Engineers opened the spillway.", "VALTOWN", "--"),
    ],
)
def test_find_dateline_gives_its_place_and_separator(raw, place, separator):
    dateline = find_dateline(raw)
    assert dateline is not None
    assert (raw[slice(*dateline.place)] if dateline.place else None) == place
    assert raw[slice(*dateline.separator)] == separator and dateline.end == dateline.separator[1]


@pytest.mark.parametrize(
    "raw",
    [
        "Dam talks\n\nUPDATE: Engineers opened the spillway.",
        "Dam talks\n\nOfficials said: Engineers opened the spillway.",
        "Dam talks\n\nThe vote - held on Monday - was close.",
        "Dam talks\n\nEngineers met at noon. VALTOWN: a new site.",  # lower case after the colon
    ],
)
def test_find_dateline_finds_none_in_a_sentence_or_a_label(raw):
    assert find_dateline(raw) is None


@pytest.mark.parametrize(
    "raw, place, headline",
    [
        # a headline that lost its line break before the dateline (scraped wire copy)
        ("Dam talks stall in Norland VALTOWN, Norland, Nov 6 (Wire) -- Engineers met.", "VALTOWN, Norland", "Dam talks stall in Norland"),
        ("Court Frees Two Dam Engineers VALTOWN \u2014  A court freed them.", "VALTOWN", "Court Frees Two Dam Engineers"),
    ],
)
def test_a_dateline_glued_to_the_headline_is_split_from_it(raw, place, headline):
    dateline = find_dateline(raw)
    assert dateline is not None and raw[slice(*dateline.place)] == place
    text = prepare_text(raw).text
    assert text[: len(headline)] == headline and text[len(headline)] == "\n"


@pytest.mark.parametrize(
    "raw",
    [
        "He joined the NATO \u2014 The alliance grew.",  # a function word before it: a sentence
        "Dam talks stall VALTOWN - Engineers met.",  # a single dash, no date or agency: too weak
        "Dam talks stall in Valtown. Engineers met at VALTOWN -- The site closed.",  # after a sentence's end the old rule holds
        "Dam talks in VA -- Engineers met.",  # two capitals
    ],
)
def test_no_glued_dateline_in_a_sentence(raw):
    dateline = find_dateline(raw)
    assert dateline is None or raw[: dateline.start].rstrip().endswith(".")


def test_dateline_split_maps_back_to_raw_offsets():
    raw = "Dam talks\n\nVALTOWN -- Engineers opened the dep\nloyed spillway on Friday."
    prepared = prepare_text(raw)
    start = prepared.text.index("Engineers")
    assert prepared.to_raw(start) == raw.index("Engineers")
    word = prepared.text.index("deployed")
    assert prepared.span_to_raw(word, word + 8) == (raw.index("dep"), raw.index("loyed") + 5)
    assert prepared.to_raw(prepared.text.index("Friday")) == raw.index("Friday")


def test_furniture_spans_point_into_the_raw_text():
    raw = "Storm hits coast\n\nWaves break on the pier. (Pat Sample/Reuters) The storm moved north."
    spans = find_furniture(raw)
    assert spans and all(isinstance(f, Furniture) for f in spans)
    assert [raw[f.start : f.end] for f in spans] == ["(Pat Sample/Reuters)"]


def test_break_after_inline_furniture_only_before_a_new_sentence():
    raw = "Storm hits coast\n\nThe report by Getty Images said the pier was closed."
    assert prepare_text(raw).text == raw  # a name in a sentence: nothing blanked
    raw = "Storm hits coast\n\nWaves hit the pier GETTY IMAGES The storm moved north."
    text = prepare_text(raw).text
    start = raw.index("GETTY")
    assert text[start] == "\n" and not text[start : start + len("GETTY IMAGES")].strip()


_FURNITURE_BITS = st.sampled_from(
    [
        "Share", "Facebook", "Twitter", "(Photo: Jane Roe/AFP)", "GETTY IMAGES 4", "Subscribe", "x", "+",
        "1 of 9", "Skip Ad", "VALTOWN --", "(Wire) -", "By Jane Roe", "Updated 3:45 PM ET", "[A Link To Elsewhere]",
        "Read more:", "Related", "pic.twitter.com/x1", "-- Pat (@pat) May 1, 2031", "Image caption", "\n", "\n\n",
        "The troops arrived.", "fell", "in", "Kursk", "—", "-", ".", "(", ")", "dep\nloyed", "\u00a0", "é",
    ]
)


@given(st.one_of(st.text(), st.lists(_FURNITURE_BITS, max_size=30).map(" ".join)))
def test_furniture_detection_keeps_length_and_offsets(raw):
    prepared = prepare_text(raw)
    assert len(prepared.text) == len(raw)
    for f in prepared.furniture:
        assert 0 <= f.start < f.end <= len(raw)
    # every character is the raw one, a blank, or a moved letter of a rejoined word
    moved = {i for p, r in prepared.segments for i in range(p - 1, p + 1)} if len(prepared.segments) > 1 else set()
    for i, (a, b) in enumerate(zip(raw, prepared.text)):
        if a == b or b in " \n" or i in moved:
            continue
        joined = any(p <= i for p, r in prepared.segments[1:])
        assert joined and b.isalpha(), (i, a, b)
    # offsets map into the raw text, in order
    last = -1
    for i in range(len(raw)):
        r = prepared.to_raw(i)
        assert 0 <= r < len(raw)
        if prepared.text[i] not in " \n":
            assert prepared.text[i] == raw[r].replace("\u00a0", " ") or prepared.text[i].lower() == raw[r].lower()


def test_a_sentence_broken_across_lines_after_a_list_heading_is_not_a_related_headline():
    # the line after "Related Articles" continues on the next line in lower case: article text
    raw = "Related Articles\nTroops were dep\nloyed to Kursk."
    text = prepare_text(raw).text
    assert "Related" not in text and "Troops were deployed" in text


@pytest.mark.parametrize(
    "raw, kicker, kept",
    [
        # a kicker after a sentence end, run into the sentence it heads
        (
            "Snow in Leeds\n\nThe storm passed at noon. OFF WITH HIS HEAD Football fans toppled a snowman.",
            "OFF WITH HIS HEAD",
            "Football fans toppled a snowman.",
        ),
        # after a question that ends a related headline
        (
            "Snow in Leeds\n\nWho will win the cup? THE LONG GOODBYE Fans gathered in Leeds.",
            "THE LONG GOODBYE",
            "Fans gathered in Leeds.",
        ),
        # a photo credit in capitals between a caption and the story
        (
            "Ferries\n\nA ferry docks at noon. DAILY PLANET Ferries come in many sizes.",
            "DAILY PLANET",
            "Ferries come in many sizes.",
        ),
        # a name label over a quoted person's paragraph
        (
            "Stars react\n\nShe said it twice. JANE EXAMPLE The singer said she would move to Valtown.",
            "JANE EXAMPLE",
            "The singer said she would move to Valtown.",
        ),
    ],
)
def test_capital_kickers_are_blanked(raw, kicker, kept):
    text = prepare_text(raw).text
    start = raw.index(kicker)
    assert not text[start : start + len(kicker)].strip()
    assert text[raw.index(kept) : raw.index(kept) + len(kept)] == kept
    assert any(f.kind == "kicker" for f in find_furniture(raw))


@pytest.mark.parametrize(
    "raw",
    [
        "Visit\n\nThe US FBI Director visited Valtown on Monday.",  # acronyms, no word of four letters
        "Visit\n\nPolice said NEW YORK Mayor Jane Roe visited the site.",  # two words mid-sentence
        "Race\n\nFELIPE MASSA did not win the race in Valtown.",  # a name in capitals that is the subject
        "Visit\n\nThe minister met NATO and OSCE Officials in Valtown.",  # acronyms joined by a word
        "STORM HITS VALTOWN Ferries stop\n\nThe ferries stopped on Monday.",  # the headline line stays
        # run on after a word: inside a flattened list of related headlines, which stays whole
        "Snow\n\nRelated stories Fans mourn a snowman in Leeds OFF WITH HIS HEAD Football fans topple a snowman",
    ],
)
def test_capitals_that_are_no_kicker_stay(raw):
    assert prepare_text(raw).text == raw


@pytest.mark.parametrize(
    "raw, blanked, kept",
    [
        # ended by the article's quotation that resumes before the first full stop
        (
            "Snow\n\nThe mayor thanked the crews Related stories SNOW JOKE Student builds igloo on campus - "
            "after exams WINTER BLUES Why do ferries stop when it snows? \"We cleared every road,\" the mayor said.",
            ["Related stories", "SNOW JOKE Student builds igloo on campus - after exams",
             "WINTER BLUES Why do ferries stop when it snows?"],
            ["The mayor thanked the crews", "\"We cleared every road,\" the mayor said."],
        ),
        # ended just after the question that closes the last headline
        (
            "Cup\n\nFans sang in the square. Related articles TV TIMES What channel is the cup final on? "
            "GOAL RUSH Can Valtown score four again? Then the team bus arrived at noon.",
            ["Related articles", "TV TIMES What channel is the cup final on?", "GOAL RUSH Can Valtown score four again?"],
            ["Fans sang in the square.", "Then the team bus arrived at noon."],
        ),
    ],
)
def test_related_headlines_flattened_into_a_line_are_blanked(blanked_and_kept, raw, blanked, kept):
    blanked_and_kept(raw, blanked, kept)


@pytest.mark.parametrize(
    "raw",
    [
        # a sentence that names related stories: no headline in capitals, a plain full stop
        "Paper\n\nShe wrote related stories about the ferry strike for the paper. It ended on Monday.",
        # no end before the full stop: nothing tells where the headlines stop
        "Paper\n\nRelated stories FERRY STRIKE Ferries stop in Valtown and the crews went home on Monday.",
    ],
)
def test_related_heading_without_a_headline_run_stays(raw):
    assert prepare_text(raw).text == raw


@pytest.mark.parametrize(
    "line, holds",
    [
        ("The mayor opened the bridge on Tuesday. Related stories FLOOD WATERS RISE Town braces for storm", True),
        ("Villagers said the MORE NEWS banner hung over the square for a week", True),
        ("\u017fee also the council's earlier report on the river", True),  # a long s matches "s" case-insensitively
        ("The mayor opened the bridge on Tuesday and thanked the builders.", False),
        ("Farmers planted wheat after the rains ended in the valley.", False),
    ],
)
def test_a_line_without_a_heading_word_is_not_searched_for_an_inline_heading(line, holds):
    from extractor.textprep import _inline_heading, _may_hold_inline_heading

    assert bool(_inline_heading().search(line)) is holds
    # the quick test never leaves out a line the pattern matches, and skips the plain ones
    assert _may_hold_inline_heading(line) is holds


@pytest.mark.parametrize(
    "raw, place",
    [
        ("Dam talks\n\nVALTOWN -- Engineers opened the spillway.", "VALTOWN"),
        ("Dam talks\n\nBy Jane Roe VALTOWN -- Engineers opened the spillway.", "VALTOWN"),
        ("Dam talks\n\nUPDATE: Engineers opened the spillway.", None),
    ],
)
def test_the_prepared_text_keeps_the_dateline_it_found(raw, place):
    dateline = prepare_text(raw).dateline
    assert dateline == find_dateline(raw)
    assert (raw[slice(*dateline.place)] if dateline else None) == place


@pytest.mark.parametrize(
    "label, dateline",
    [
        ("VALTOWN", True),
        # the shipped dateline_labels: an agency's name, a story label
        ("REUTERS", False),
        ("LIVE", False),
        ("PICTURED", False),
        ("CORRECTION", False),
    ],
)
def test_a_label_in_capitals_is_no_datelines_place(label, dateline):
    raw = f"Dam talks\n\n{label} -- Engineers opened the spillway."
    assert (find_dateline(raw) is not None) == dateline
