"""The time-expression gold set is well formed and follows the conventions in tests/gold/README.md.

These checks guard the data, not the extractor: an edited line with a shifted offset, a
malformed TIMEX3 value or a weekday that disagrees with its date fails here first.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

GOLD = Path(__file__).resolve().parent / "gold" / "timex.jsonl"

TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {"START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "ON_OR_AFTER", "ON_OR_BEFORE"}
REFS = r"PRESENT_REF|PAST_REF|FUTURE_REF"
DAY = r"\d{4}-\d{2}-\d{2}"
PART_OF_DAY = r"MO|AF|EV|NI|MI"

VALUE_PATTERNS: dict[str, re.Pattern[str]] = {
    "DATE": re.compile(
        rf"^(?:{DAY}|\d{{4}}-\d{{2}}|\d{{4}}|\d{{4}}-W\d{{2}}(?:-WE)?|\d{{4}}-Q[1-4]|\d{{4}}-H[12]"
        rf"|\d{{3}}|\d{{2}}|{REFS})$"
    ),
    "TIME": re.compile(rf"^{DAY}T(?:\d{{2}}:\d{{2}}|{PART_OF_DAY})$"),
    "DURATION": re.compile(r"^P(?:(?:\d+|X)[YMWD])+$|^PT(?:(?:\d+|X)[HMS])+$"),
    "SET": re.compile(rf"^P1[YMWD]$|^XXXX-\d{{2}}-\d{{2}}$|^XXXX-WXX-[1-7]$|^XXXX-XX-XXT(?:{PART_OF_DAY})$"),
}

# Prepositions stay outside spans ("sejak tahun 1980an" -> "tahun 1980an").
PREPOSITIONS = {"pada", "sejak", "selama", "dalam", "hingga", "on", "in", "since", "during", "for", "at"}

WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

# Strings that look like times but are not; where they appear, no span may cover them.
HARD_NEGATIVES = [
    "2.024 personel", "2-1", "15 negara", "Rp 3,2 triliun", "5,6", "0812-3456-7890", "(021) 5551234",
    "/read/", "HUT ke-79", "COVID-19", "G20", "Pasal 27", "Hwasong-19", "3-0", "nomor 17", "B 1945",
    "RT 05/RW 02", "1/3", "KM 92", "F-16", "Room 1945",
]  # fmt: skip


def load_gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


DOCS = load_gold()


def all_timexes() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(doc, t) for doc in DOCS for t in doc["timexes"]]


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def test_every_line_is_a_json_object_with_the_documented_keys() -> None:
    for number, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), start=1):
        doc = json.loads(line)
        assert set(doc) == {"id", "dct", "lang", "text", "timexes"}, f"line {number}"
        assert doc["lang"] in {"id", "en"}
        assert re.fullmatch(rf"{doc['lang']}-\d{{3}}", doc["id"]), doc["id"]
        dt.date.fromisoformat(doc["dct"])
        for timex in doc["timexes"]:
            assert set(timex) == {"text", "start", "end", "type", "value", "mod"}, doc["id"]


def test_ids_are_unique() -> None:
    ids = [doc["id"] for doc in DOCS]
    assert len(ids) == len(set(ids))


def test_offsets_point_at_the_span_text_in_order_without_overlap() -> None:
    for doc in DOCS:
        previous_end = 0
        for timex in doc["timexes"]:
            assert doc["text"][timex["start"] : timex["end"]] == timex["text"], doc["id"]
            assert timex["start"] >= previous_end, f"{doc['id']}: overlapping or unordered spans"
            previous_end = timex["end"]


def test_spans_are_trimmed_and_leave_prepositions_outside() -> None:
    for doc, timex in all_timexes():
        span = timex["text"]
        assert span == span.strip(" ,.;:"), f"{doc['id']}: {span!r} not trimmed"
        assert span.count("(") == span.count(")"), f"{doc['id']}: {span!r} cuts a bracket"
        assert span.split()[0].lower() not in PREPOSITIONS, f"{doc['id']}: {span!r} starts with a preposition"


@pytest.mark.parametrize("timex_type", sorted(TYPES))
def test_values_are_well_formed_timex3(timex_type: str) -> None:
    for doc, timex in all_timexes():
        assert timex["type"] in TYPES, doc["id"]
        if timex["type"] == timex_type:
            assert VALUE_PATTERNS[timex_type].match(timex["value"]), f"{doc['id']}: {timex['value']}"
        assert timex["mod"] is None or timex["mod"] in MODS, doc["id"]


def test_calendar_values_are_real_days_weeks_and_months() -> None:
    for doc, timex in all_timexes():
        value = timex["value"]
        if m := re.match(rf"^({DAY})", value):
            dt.date.fromisoformat(m.group(1))
        elif m := re.match(r"^(\d{4})-(\d{2})$", value):
            assert 1 <= int(m.group(2)) <= 12, doc["id"]
        elif m := re.match(r"^(\d{4})-W(\d{2})", value):
            dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)


def test_a_named_weekday_agrees_with_the_date_it_resolves_to() -> None:
    checked = 0
    for doc, timex in all_timexes():
        m = re.match(rf"^({DAY})", timex["value"])
        if not m or timex["type"] == "SET":
            continue
        day = dt.date.fromisoformat(m.group(1))
        for word in re.findall(r"[A-Za-z]+", timex["text"]):
            # Capitalised "Minggu" is Sunday; lower-case "minggu" means week.
            if word[0].isupper() and word.lower() in WEEKDAYS:
                assert day.weekday() == WEEKDAYS[word.lower()], f"{doc['id']}: {timex['text']} -> {day}"
                checked += 1
    assert checked >= 40


def test_deictic_words_follow_the_anchoring_conventions() -> None:
    def expected(span: str, dct: dt.date) -> str | None:
        days = {"kemarin": -1, "yesterday": -1, "besok": 1, "tomorrow": 1, "lusa": 2,
                "kemarin lusa": -2, "hari ini": 0, "today": 0}  # fmt: skip
        if span in days:
            return (dct + dt.timedelta(days=days[span])).isoformat()
        if span in {"pekan lalu", "minggu lalu", "last week"}:
            return iso_week(dct - dt.timedelta(weeks=1))
        if span in {"pekan depan", "minggu depan", "next week"}:
            return iso_week(dct + dt.timedelta(weeks=1))
        if span in {"pekan ini", "this week"}:
            return iso_week(dct)
        if span in {"akhir pekan ini", "this weekend"}:
            return iso_week(dct) + "-WE"
        if span in {"akhir pekan lalu", "last weekend"}:
            return iso_week(dct - dt.timedelta(weeks=1)) + "-WE"
        if span in {"tahun lalu", "last year"}:
            return str(dct.year - 1)
        if span in {"tahun ini", "this year"}:
            return str(dct.year)
        if span in {"tahun depan", "next year"}:
            return str(dct.year + 1)
        if span == "bulan ini":
            return f"{dct.year}-{dct.month:02d}"
        return None

    checked = 0
    for doc, timex in all_timexes():
        want = expected(timex["text"].lower(), dt.date.fromisoformat(doc["dct"]))
        if want is not None:
            assert timex["value"] == want, f"{doc['id']}: {timex['text']}"
            checked += 1
    assert checked >= 25


def test_hard_negatives_are_never_inside_a_span() -> None:
    seen = 0
    for doc in DOCS:
        for negative in HARD_NEGATIVES:
            start = doc["text"].find(negative)
            if start < 0:
                continue
            seen += 1
            end = start + len(negative)
            for timex in doc["timexes"]:
                assert timex["end"] <= start or timex["start"] >= end, f"{doc['id']}: {negative!r}"
    assert seen >= 25


def test_size_language_mix_and_coverage() -> None:
    pairs = all_timexes()
    assert len(pairs) >= 230
    assert sum(1 for doc in DOCS if not doc["timexes"]) >= 30
    by_language = Counter(doc["lang"] for doc, _ in pairs)
    assert 0.65 <= by_language["id"] / len(pairs) <= 0.85
    for language in ("id", "en"):
        types = {t["type"] for doc, t in pairs if doc["lang"] == language}
        assert types == TYPES, language
    assert {t["mod"] for _, t in pairs} - {None} == MODS
    # Weekday anchoring depends on the DCT's weekday: every weekday must occur.
    assert {dt.date.fromisoformat(doc["dct"]).weekday() for doc in DOCS} == set(range(7))
