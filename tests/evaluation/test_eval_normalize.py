import pytest

from evaluation.normalize import contains_words, normalize_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 11,000 troops", "11,000 troops"),
        ("Their  soldiers\n", "soldiers"),
        ("its forces", "forces"),
        ("An attack", "attack"),
        ("\u201cThe Wagner\u201d Group", "wagner group"),
        ("Russia\u2019s army", "russia s army"),
        ("Russia 's army", "russia s army"),
        ("1.2 million.", "1.2 million"),
        ("end. 5 more", "end 5 more"),
        ("1, 2", "1 2"),
        ("$2,000 per month", "$ 2,000 per month"),
        ("$ 2,000 per month", "$ 2,000 per month"),
        ("\uff2b\uff55\uff52\uff53\uff4b", "kursk"),  # full-width letters (NFKC)
        ("Stra\u00dfe", "strasse"),  # casefold, not lower
        ("her", "her"),  # a lone pronoun is not dropped
        ("Her forces", "forces"),
        ("A-10 aircraft", "a 10 aircraft"),  # "a" joined by a hyphen is not a determiner
        ("Anthem", "anthem"),
        ("pro-Russian separatists", "pro russian separatists"),
        ("", ""),
    ],
)
def test_normalize_text(text, expected):
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("russian soldiers", "russia", False),
        ("russia s soldiers", "russia", True),
        ("north korea", "korea", True),
        ("north korean", "korea", False),
        ("kursk", "", False),
        ("", "kursk", False),
    ],
)
def test_contains_words(outer, inner, expected):
    assert contains_words(outer, inner) is expected
