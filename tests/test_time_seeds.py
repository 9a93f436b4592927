"""The two reference reports (11 and 12 Sept 2023): every expression found, and nothing false."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.analyze.time import extract_timexes, infer_publication_date
from warta.model import Timex

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
FIRST, SECOND = "000_9a4d8a539461da7a.txt", "003_2f0e1505f65eea67.txt"
DCTS = {FIRST: "2023-09-11", SECOND: "2023-09-12"}

# (seed, a phrase in the text, TIMEX3 value, mod). The timex found must cover the phrase.
EXPECTED: list[tuple[str, str, str, str | None]] = [
    (FIRST, "Senin (11/9/2023)", "2023-09-11", None),
    (FIRST, "bulan ini", "2023-09", None),
    (FIRST, "paling cepat Selasa", "2023-09-12", "ON_OR_AFTER"),
    (FIRST, "lebih dari empat tahun", "P4Y", "MORE_THAN"),
    (FIRST, "pekan lalu", "2023-W36", None),
    (FIRST, "1980an", "198", None),
    (FIRST, "beberapa hari mendatang", "FUTURE_REF", None),
    (SECOND, "awal pagi hari Selasa, 12 September 2023", "2023-09-12TMO", "START"),
    (SECOND, "11 September", "2023-09-11", None),
    (SECOND, "lebih dari 18 bulan", "P18M", "MORE_THAN"),
    (SECOND, "sore hari Minggu, 10 September 2023", "2023-09-10TAF", None),
    (SECOND, "tahun 2019", "2019", None),
    (SECOND, "bulan Juli", "2023-07", None),
    (SECOND, "hari Selasa waktu setempat", "2023-09-12", None),
    (SECOND, "paling cepat Rabu, 13 September 2023 pagi", "2023-09-13TMO", "ON_OR_AFTER"),
    (SECOND, "pekan lalu", "2023-W36", None),
    (SECOND, "bertahun-tahun", "PXY", None),
    (SECOND, "beberapa tahun terakhir", "PXY", None),
]
# Every other expression warta may report on the seeds, with the value it must have.
ALSO_ACCEPTED: dict[str, set[str]] = {"mendatang": {"FUTURE_REF"}}


def _read(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed {path} not available")
    return path.read_text(encoding="utf-8")


def _covering(found: list[Timex], text: str, phrase: str) -> Timex:
    start = text.index(phrase)
    end = start + len(phrase)
    covering = [t for t in found if t.start <= start and t.end >= end]
    assert covering, f"no timex covers {phrase!r}; found {[t.text for t in found]}"
    return covering[0]


@pytest.mark.parametrize(("seed", "phrase", "value", "mod"), EXPECTED, ids=[f"{s[:3]}:{p}" for s, p, _, _ in EXPECTED])
def test_seed_expressions(seed: str, phrase: str, value: str, mod: str | None) -> None:
    text = _read(seed)
    found = extract_timexes(text, DCTS[seed])
    timex = _covering(found, text, phrase)
    assert (timex.value, timex.mod) == (value, mod)


@pytest.mark.parametrize("seed", [FIRST, SECOND])
def test_nothing_false_on_the_seeds(seed: str) -> None:
    text = _read(seed)
    found = extract_timexes(text, DCTS[seed])
    expected_spans = []
    for s, phrase, value, _mod in EXPECTED:
        if s == seed:
            start = text.index(phrase)
            expected_spans.append((start, start + len(phrase), value))
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
        matched = [v for a, b, v in expected_spans if timex.start <= a and timex.end >= b]
        if matched:
            assert timex.value == matched[0]
        else:
            assert timex.value in ALSO_ACCEPTED.get(timex.text, set()), f"unexpected {timex}"
    # Names with numbers and speeds are no times.
    assert not any("COVID" in t.text or "mph" in t.text or "Today" in t.text for t in found)


def test_publication_date_of_the_first_seed_from_its_dateline() -> None:
    date, confidence = infer_publication_date(_read(FIRST))
    assert date == "2023-09-11"
    assert confidence >= 0.8
