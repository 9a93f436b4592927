"""Properties that hold for any input: offsets point into the text, spans never overlap, values
are well-formed TIMEX3, and the result depends only on the text and the DCT."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from warta.analyze.time import extract_timexes, infer_publication_date

WORDS = [
    "Senin", "Selasa", "Minggu", "minggu", "pekan", "lalu", "depan", "ini", "kemarin", "besok", "hari",
    "bulan", "tahun", "Juli", "September", "2023", "2019", "11/9/2023", "(11/9/2023)", "pukul", "13.21",
    "WIB", "pagi", "sore", "malam", "lebih", "dari", "dua", "empat", "18", "sekitar", "awal", "akhir",
    "setiap", "kuartal", "III", "abad", "ke-15", "1980an", "kemudian", "sebelumnya", "the", "last",
    "week", "Monday", "at", "10", "a.m.", "years", "ago", "2.024", "personel", "2-1", ",", ".", "Rp",
    "3,2", "triliun", "COVID-19", "akan", "telah", "paling", "cepat", "yang", "sama", "keesokan", "harinya",
]
TIMEX_VALUE = re.compile(
    r"^(?:[\dX]{4}(?:-(?:[\dX]{2}(?:-[\dX]{2})?|W[\dX]{2}(?:-(?:\d|WE))?|Q[1-4X]|H[12X]))?(?:T(?:MO|MI|AF|EV|NI|\d{2}:\d{2}(?:[+-]\d{2}:\d{2})?))?"
    r"|\d{2,3}|P(?:[\dX.]+[YMWD]|T[\dX.]+[HMS])+(?:T[\dX.]+[HMS])*|(?:PRESENT|PAST|FUTURE)_REF|XXXX-XX-XXT(?:MO|MI|AF|EV|NI))$"
)

texts = st.lists(st.sampled_from(WORDS), min_size=0, max_size=25).map(" ".join)
dcts = st.one_of(st.none(), st.dates().filter(lambda d: 1950 <= d.year <= 2090).map(lambda d: d.isoformat()))


@settings(max_examples=300, deadline=None)
@given(texts, dcts)
def test_spans_are_consistent_and_values_well_formed(text: str, dct: str | None) -> None:
    found = extract_timexes(text, dct)
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end  # in order, no overlap
        previous_end = timex.end
        assert timex.type in {"DATE", "TIME", "DURATION", "SET"}
        assert TIMEX_VALUE.match(timex.value), timex
    assert extract_timexes(text, dct) == found  # deterministic


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_breaks(text: str) -> None:
    for timex in extract_timexes(text, "2023-09-11"):
        assert text[timex.start : timex.end] == timex.text
    date, confidence = infer_publication_date(text)
    assert (date is None) == (confidence == 0.0)


def test_results_do_not_depend_on_the_local_time_zone() -> None:
    import os
    import time

    text = "Kemarin pukul 23.30 WIB, sehari sebelum Selasa (12/9/2023), dan pekan lalu."
    expected = extract_timexes(text, "2023-09-11")
    saved = os.environ.get("TZ")
    try:
        for zone in ("Pacific/Auckland", "America/Los_Angeles"):
            os.environ["TZ"] = zone
            time.tzset()
            assert extract_timexes(text, "2023-09-11") == expected
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()


def test_an_offset_past_the_calendar_gives_placeholders_not_a_year_zero() -> None:
    # Found by the property above: 2023 years before 2023 is year 0, which TIMEX3 cannot write.
    (_, offset) = extract_timexes("awal 2023 2023 years sebelumnya", None)
    assert offset.value == "XXXX" and TIMEX_VALUE.match(offset.value)


_WORD = re.compile(r"\w+")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ9_ .,-\n\t\x1a\x00éÉİß“”’–\u00a0٣中😀ǅ")), max_size=40),
       st.frozensets(st.sampled_from(["a", "z0", "é", "ss", "_", "i̇"])))
def test_split_words_equals_the_regex_definition(text: str, vocabulary: frozenset[str]) -> None:
    from warta.analyze.time.words import split_words

    words = split_words(text, vocabulary)
    lowered = text.lower() if len(text.lower()) == len(text) else "".join(ch.lower()[0] for ch in text)
    matches = list(_WORD.finditer(lowered))
    assert words.ends == [m.end() for m in matches]
    expected = [m.group().translate(str.maketrans("123456789", "000000000")) for m in matches]
    assert words.shapes == expected
    assert words.marks == [i for i, word in enumerate(expected) if word in vocabulary or word[0] <= "9"]
    assert words.numbers == [i for i, word in enumerate(expected) if word[0] <= "9"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["Ia", "pergi", "Mr", "J", "p.m", "12", "(", "“", "”", ".", "..", "!", "?",
                                 " ", "  ", "\n", "\t", "\u00a0", "dia"]), max_size=40).map("".join),
       st.integers(min_value=1, max_value=12))
@example("dia pergi.  \n Ia pergi", 2)  # a search starting between a stop and the next sentence
def test_the_sentence_around_a_position_is_the_one_the_full_split_gives(text: str, reach: int) -> None:
    from bisect import bisect_right

    from warta.analyze.time.anchor import sentence_around, sentence_starts

    starts = sentence_starts(text)
    for pos in range(len(text)):
        index = bisect_right(starts, pos) - 1
        expected = (starts[index], starts[index + 1] if index + 1 < len(starts) else len(text))
        # A small reach makes the search start mid-text and widen, as it does in long articles.
        assert sentence_around(text, pos, reach) == expected


@settings(max_examples=300, deadline=None)
@given(texts, dcts)
@example("Senin (11/9/2023) pukul 10.30 pm waktu setempat, sekitar dua tahun lalu", "2023-09-12")
def test_every_rule_finds_candidates_inside_its_match(text: str, dct: str | None) -> None:
    # run_rules skips a handler whose match lies inside a longer candidate found already:
    # sound only while no handler reaches outside the text its pattern matched.
    from warta.analyze.time.anchor import TenseFinder, parse_dct
    from warta.analyze.time.candidates import Context
    from warta.analyze.time.rulebook import RULES
    from warta.analyze.time.words import split_words

    words = split_words(text)
    ctx = Context(text, parse_dct(dct), TenseFinder(text, None, words), None)
    starts = [end - len(shape) for shape, end in zip(words.shapes, words.ends, strict=True)]
    for rule in RULES:
        for start in starts:
            match = rule.pattern.match(text, start)
            if match is None:
                continue
            result = rule.handler(match, ctx)
            for cand in result if isinstance(result, list) else [result] if result else []:
                assert match.start() <= cand.start <= cand.end <= match.end(), (rule.handler.__name__, match.group())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="abAB .’", min_size=1, max_size=4), min_size=1, max_size=8),
       st.lists(st.integers(min_value=0, max_value=7), max_size=3), st.text(alphabet="abAB .x", max_size=3),
       st.booleans())
@example(["a", "ab"], [1], "", False)
@example(["A", "ab"], [1], "", True)  # siblings "A" and "a" both match under IGNORECASE
@example([" ", "  A"], [1], "", False)  # the first \s+ takes both spaces the longer word needs
def test_the_prefix_tree_alternation_matches_as_the_longest_first_list_does(
    words: list[str], picks: list[int], extra: str, ignore_case: bool
) -> None:
    from warta.analyze.time.fragments import alternation

    text = "".join(words[i % len(words)] for i in picks) + extra  # words next to words: prefixes meet
    flat = "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)) + ")"
    flags = re.IGNORECASE if ignore_case else 0
    for tail in ("", r"\b", "x", "$"):  # what follows decides whether a shorter word must be taken
        tree_match = re.match(alternation(words) + tail, text, flags)
        flat_match = re.match(flat + tail, text, flags)
        assert (tree_match and tree_match.span()) == (flat_match and flat_match.span())


JOIN_WORDS = [
    "pagi", "sore hari", "malam", "dini hari", "pada", "hari", "Senin", "Selasa,", "Rabu", "kemarin", "besok",
    "(11/9/2023)", "12 September 2023", "13/9/2023", "pukul", "10.00", "21.40", "WIB", "waktu setempat", "at",
    "13:21", "on", "Monday", "morning", ",", "dan", "hingga", "lalu", "ia", "tiba",
]
join_texts = st.lists(st.sampled_from(JOIN_WORDS), min_size=1, max_size=14).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(join_texts, dcts)
@example("Rabu pagi pukul 10.00 WIB, Senin (11/9/2023) sore dan malam pukul 21.00", "2023-09-12")
def test_parts_join_the_days_a_full_pairing_joins(text: str, dct: str | None) -> None:
    # _joined looks only at the days in a window around each part: it must find every pair
    # that trying each day with each part finds, in the same order.
    from warta.analyze.time import extract as ex
    from warta.analyze.time.anchor import TenseFinder, parse_dct
    from warta.analyze.time.candidates import Context
    from warta.analyze.time.rulebook import TRIGGER_WORDS, run_rules
    from warta.analyze.time.words import split_words

    words = split_words(text, TRIGGER_WORDS)
    ctx = Context(text, parse_dct(dct), TenseFinder(text, None, words), None)
    found = [cand for _, cand in run_rules(text, ctx, words)]
    pods = [c for c in found if c.weak and c.pod]
    clocks = [c for c in found if c.clock and c.type == "TIME" and c.day_value is None]
    expected = []
    for day in filter(ex._is_day, found):
        expected += [j for j in (ex._pod_joined(text, part, day) for part in pods) if j is not None]
        expected += [j for j in (ex._clock_joined(text, time, day) for time in clocks) if j is not None]
    assert ex._joined(text, found) == expected


PLACE_TEXT = st.lists(
    st.sampled_from(["Jakarta", "JAKARTA", "Papua", "Barat", "Daya", "New", "York", "kota", "×", "a", "É", "İstanbul",
                     " ", "  ", "\n", ".", ",", "5", "_", "-", "Ø", "Türkiye", "Kiev"]),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(PLACE_TEXT, st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=200))
@example("a×b 5×Jakarta", 0, 13)  # "×" is the one capital of the class that is no word character
def test_capitalised_words_and_the_last_place_are_what_the_plain_scan_finds(text: str, start: int, end: int) -> None:
    # zones.py finds capitalised words with a pattern that starts at the capital (faster than a
    # word boundary first), and the last place before a clock time by reading back in chunks.
    from warta.analyze.time import zones

    start, end = sorted((min(start, len(text)), min(end, len(text))))
    plain = re.compile(r"\b[A-ZÀ-Ý][^\W\d_]*")
    assert [m.span() for m in zones._CAPITALISED_RE.finditer(text, start, end)] == [
        m.span() for m in plain.finditer(text, start, end)
    ]
    found = zones._places(text, start, end)
    last = zones._last_place(text, start, end)
    assert (last and last.span()) == (found[-1].span() if found else None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "The", "THE", "and", "andé", "théand", "sand", "the_", "é", "x", " ", ".",
                                 "\x1a", "İ", "1"]), max_size=12).map("".join))
def test_english_is_told_by_its_words(text: str) -> None:
    # is_english searches the split's blanked text rather than every word.
    from warta.analyze.time.anchor import is_english
    from warta.analyze.time.words import split_words

    words = split_words(text)
    assert is_english(words) == (not {"the", "and"}.isdisjoint(words.shapes))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["kata", "Katanya", "KATA", "mengatakan", "said", "Said", "told", "sebut", "ujar",
                                 "Budi", " ", ",", ".", "“", "”", "pada", "on", "\n", "é", "ſaid"]), max_size=14).map("".join))
def test_the_speech_tag_pattern_is_the_flat_list_and_the_stem_test_never_hides_one(window: str) -> None:
    from warta.analyze.time import discourse

    verbs = ("kata|ujar|ucap|ungkap|jelas|tutur|tegas|terang|imbuh|tambah|papar|sebut|katanya|ujarnya|ucapnya|"
             "ungkapnya|jelasnya|tuturnya|tegasnya|terangnya|imbuhnya|tambahnya|paparnya|said|says|told")
    flat = re.compile(r"(?:\b(?:" + verbs + r")\b)[^.!?\n\"“”]{0,60}?,?\s*(?:pada\s+|on\s+)?$", re.IGNORECASE)
    match = discourse._SPEECH_BEFORE_RE.search(window)
    assert (match and match.span()) == ((m := flat.search(window)) and m.span())
    if match and window.isascii():
        assert discourse._SPEECH_STEM_RE.search(window.lower())
