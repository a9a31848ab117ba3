from datetime import date

import pytest

from evaluation.match import (
    date_interval,
    field_match,
    parse_quantity_value,
    quantity_interval_match,
    slot_match,
    text_match,
    text_slot_match,
    value_match,
)


@pytest.mark.parametrize(
    ("pred", "gold", "strict", "lenient"),
    [
        ("the Kursk region", "Kursk region", True, True),
        ("troops", "North Korean troops", False, True),
        ("North Korean troops", "troops", False, True),
        ("Russia", "Russian soldiers", False, False),  # no substring match inside a word
        ("Russia's forces", "Russia", False, True),
        ("North Korean", "North Korea", False, False),
        ("show", "show up", False, True),
        ("Kursk", "Donetsk", False, False),
    ],
)
def test_text_match(pred, gold, strict, lenient):
    assert text_match(pred, gold, lenient=False) is strict
    assert text_match(pred, gold, lenient=True) is lenient


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        ("Pyongyang", ["North Korea", "Pyongyang"], True),
        ("Seoul", ["North Korea", "Pyongyang"], False),
        (None, ["Kursk", None], True),
        ("Kursk", ["Kursk", None], True),
        (None, "Kursk", False),
        (None, None, True),
        ("Kursk", None, False),
        (None, [], True),
    ],
)
def test_text_slot_match_alternatives_and_null(pred, gold, expected):
    assert text_slot_match(pred, gold, lenient=False) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ()),
        (11000, ((11000.0, 11000.0),)),
        ([1200, 2400], ((1200.0, 2400.0),)),
        ([[1000], [2000]], ((1000.0, 1000.0), (2000.0, 2000.0))),
        ([1000, None], ((1000.0, 1000.0), None)),
        ([[1200, 2400], 5000], ((1200.0, 2400.0), (5000.0, 5000.0))),
        ([1, 2, 3], ((1.0, 1.0), (2.0, 2.0), (3.0, 3.0))),
    ],
)
def test_parse_quantity_value(value, expected):
    assert parse_quantity_value(value) == expected


@pytest.mark.parametrize("value", ["many", True, [3, 1], [], [[1, 2, 3]], float("nan")])
def test_parse_quantity_value_rejects(value):
    with pytest.raises(ValueError):
        parse_quantity_value(value)


@pytest.mark.parametrize(
    ("pred", "gold", "strict", "lenient"),
    [
        ((11000, 11000), (11000, 11000), True, True),
        ((1500, 1500), (1200, 2400), False, True),  # single value inside a range
        ((1200, 2400), (1500, 1500), False, True),
        ((2400, 2400), (1200, 2400), False, True),  # the range's end is inside it
        ((2500, 2500), (1200, 2400), False, False),
        ((1200, 2400), (1200, 2400), True, True),
        ((1000, 2400), (1200, 2400), False, False),  # ranges must share both ends
        ((0.1 + 0.2, 0.1 + 0.2), (0.3, 0.3), True, True),  # float noise
    ],
)
def test_quantity_interval_match(pred, gold, strict, lenient):
    assert quantity_interval_match(pred, gold, lenient=False) is strict
    assert quantity_interval_match(pred, gold, lenient=True) is lenient


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-23", (date(2024, 10, 23), date(2024, 10, 23))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),  # leap year
        ("2023-02", (date(2023, 2, 1), date(2023, 2, 28))),
        ("2024", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2025-07/2025-08", (date(2025, 7, 1), date(2025, 8, 31))),
        ("2023-09/..", (date(2023, 9, 1), date.max)),
        ("../2024-12", (date.min, date(2024, 12, 31))),
    ],
)
def test_date_interval(value, expected):
    assert date_interval(value) == expected


@pytest.mark.parametrize("value", ["2024-13", "2024-02-30", "../..", "2025-08/2025-07", "Oct 2024", "24-10"])
def test_date_interval_rejects(value):
    with pytest.raises(ValueError):
        date_interval(value)


@pytest.mark.parametrize(
    ("pred", "gold", "strict", "lenient"),
    [
        ("2024-10", "2024-10-01/2024-10-31", True, True),  # the same days
        ("2024-10-23", "2024-10", False, True),
        ("2024-10", "2024-10-23", False, True),
        ("2024-11-02", "2023-09/..", False, True),  # inside an open interval
        ("2022-01", "2023-09/..", False, False),
        ("2024-06", "../2024-12", False, True),
        ("2024", "2024-06/2025-01", False, False),  # overlap is not containment
        ("2023-09/..", "2023-09/..", True, True),
    ],
)
def test_date_value_match(pred, gold, strict, lenient):
    assert value_match("date_value", pred, gold, lenient=False) is strict
    assert value_match("date_value", pred, gold, lenient=True) is lenient


@pytest.mark.parametrize(
    ("pred", "gold", "lenient", "expected"),
    [
        ("2024-10", ["2023", "2024-10"], False, True),
        ("2024-10", ["2023", None], False, False),
        (None, ["2023", None], False, True),
        (None, "2023", True, False),
        ("not a date", "2023", True, False),
        (1500, [[1200, 2400], 9000], True, True),
        (1500, [[1200, 2400], 9000], False, False),
        (9000, [[1200, 2400], 9000], False, True),
    ],
)
def test_value_match_alternatives(pred, gold, lenient, expected):
    field = "date_value" if isinstance(gold, str) or any(isinstance(g, str) for g in gold) else "quantity_value"
    assert value_match(field, pred, gold, lenient=lenient) is expected


@pytest.mark.parametrize(
    ("slot", "pred", "gold", "strict", "lenient"),
    [
        # quantity matches by value even when the words differ
        (
            "quantity",
            {"quantity": "eleven thousand soldiers", "quantity_value": 11000},
            {"quantity": "11,000 troops", "quantity_value": 11000},
            True,
            True,
        ),
        (
            "quantity",
            {"quantity": "eleven thousand soldiers", "quantity_value": None},
            {"quantity": "11,000 troops", "quantity_value": 11000},
            False,
            False,
        ),
        (
            "quantity",
            {"quantity": "about 1,500 a month", "quantity_value": 1500},
            {"quantity": "$1,200 to $2,400", "quantity_value": [1200, 2400]},
            False,
            True,
        ),
        # a stated value does not rescue a null predicted slot
        ("quantity", {"quantity": None, "quantity_value": 5}, {"quantity": "5 men", "quantity_value": 5}, False, False),
        (
            "date",
            {"date": "last fall", "date_value": "2024-10"},
            {"date": "on October 15", "date_value": "2024-10-15"},
            False,
            True,
        ),
        ("date", {"date": None}, {"date": [None, "in June"]}, True, True),
        ("location", {"location": "Kursk"}, {"location": None}, False, False),
        ("actor", {"actor": "troops"}, {"actor": ["North Korean troops", "Pyongyang"]}, False, True),
    ],
)
def test_slot_match(slot, pred, gold, strict, lenient):
    assert slot_match(slot, pred, gold, lenient=False) is strict
    assert slot_match(slot, pred, gold, lenient=True) is lenient


@pytest.mark.parametrize(
    ("field", "pred", "gold", "lenient", "expected"),
    [
        ("modality", "Planned", "planned", False, True),
        ("actor_country", "kp", "KP", False, True),
        ("actor_country", "KR", ["KP", "RU"], False, False),
        ("source", "the South Korean NIS", "NIS", False, True),  # lenient text in both modes
        ("source", "NIS", "South Korean intelligence", False, False),
        ("event_type", "deploy", "supply", True, False),
        ("quantity_value", 1500, [1200, 2400], False, False),
        ("quantity_value", 1500, [1200, 2400], True, True),
        ("location_name", None, "Kursk", True, False),
    ],
)
def test_field_match(field, pred, gold, lenient, expected):
    assert field_match(field, pred, gold, lenient=lenient) is expected
