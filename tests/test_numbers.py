"""Numbers in digits and words, vague amounts and roman numerals."""

from __future__ import annotations

import re

import pytest

from warta.analyze.numbers import NUMBER_WORDS_RE, VAGUE_QUANTITIES, parse_number, parse_roman


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("160.000", 160000),
        ("3,2", 3.2),
        ("2,75", 2.75),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("37", 37),
        ("1.234.567", 1234567),
        ("3,2 triliun", 3.2e12),
        ("25 ribu", 25000),
        ("1,5 juta", 1.5e6),
        ("2 miliar", 2e9),
        ("4.5 million", 4.5e6),
        ("dua puluh lima", 25),
        ("tiga ratus ribu", 300000),
        ("dua belas", 12),
        ("sembilan belas", 19),
        ("sebelas", 11),
        ("sepuluh", 10),
        ("seratus", 100),
        ("seratus dua puluh lima", 125),
        ("seribu", 1000),
        ("sejuta", 1e6),
        ("dua juta tiga ratus ribu", 2.3e6),
        ("twenty-five", 25),
        ("one hundred and five", 105),
        ("ninety-nine", 99),
        ("two thousand", 2000),
        ("a hundred", 100),
        ("three million", 3e6),
    ],
)
def test_parse_number_values(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "abc", "dua tiga", "belas", "ribu", "1.2.3,4,5", "12 orang"])
def test_parse_number_refuses_non_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_lone_separator_follows_language() -> None:
    assert parse_number("1,234") == pytest.approx(1.234)
    assert parse_number("1,234", language="en") == pytest.approx(1234)
    assert parse_number("1.234", language="en") == pytest.approx(1.234)


def test_number_words_regex_finds_whole_runs() -> None:
    pattern = re.compile(NUMBER_WORDS_RE)
    assert pattern.groups == 0
    found = [m.group(0) for m in pattern.finditer("Ada dua puluh lima orang dan tiga ratus ribu warga.")]
    assert found == ["dua puluh lima", "tiga ratus ribu"]
    assert pattern.search("Twenty-five people").group(0) == "Twenty-five"
    # Words that merely contain a number word are not numbers.
    assert pattern.search("ribuan orang, setiap duanya, limau") is None


def test_vague_quantities_are_ordered_ranges() -> None:
    assert VAGUE_QUANTITIES["belasan"] == (11, 19)
    assert VAGUE_QUANTITIES["puluhan"] == (10, 99)
    for low, high in VAGUE_QUANTITIES.values():
        assert low < high


@pytest.mark.parametrize(("text", "expected"), [("III", 3), ("IV", 4), ("IX", 9), ("XXI", 21), ("MCMXC", 1990)])
def test_parse_roman(text: str, expected: int) -> None:
    assert parse_roman(text) == expected


@pytest.mark.parametrize("text", ["", "IIII", "iv", "ABC", "VX", "di"])
def test_parse_roman_refuses(text: str) -> None:
    assert parse_roman(text) is None
