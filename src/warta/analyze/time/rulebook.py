"""The rules in priority order, and the words that can start each one.

Running two dozen case-insensitive regexes over every position of a 3,000-character article
costs tens of milliseconds in Python. Instead the text is split into words once; a rule is
tried (anchored, with ``pattern.match``) only at a word that can trigger it, and at the few
words before it that may open the same expression ("hari Sabtu pagi, 17 Agustus").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from warta.analyze.numbers import NUMBER_WORD_LIST
from warta.analyze.time import rules_calendar as cal
from warta.analyze.time import rules_relative as rel
from warta.analyze.time.candidates import Candidate, Context
from warta.analyze.time.lexicon import (
    FUTURE_REFS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    PARTS_OF_DAY,
    PAST_REFS,
    PLURAL_UNITS,
    PRESENT_REFS,
    SE_UNITS,
    UNITS,
    WEEKDAYS,
)
from warta.analyze.time.words import Words, shape

Handler = Callable[[re.Match[str], Context], "Candidate | list[Candidate] | None"]
# Numbers trigger rules by shape (digits folded to "0", see words.py): a 1-2 digit number is
# keyed by whether a date separator, a colon or a dash follows it; "0000" is a possible year;
# digits with letters are decades, ordinals and "10am".
SMALL_NUMBER_SEP, SMALL_NUMBER_COLON, SMALL_NUMBER_DASH, SMALL_NUMBER, FOUR_DIGITS, FOUR_DIGITS_DASH = (
    "<d2/>", "<d2:>", "<d2->", "<d2>", "0000", "<d4->"
)
_SMALL_NUMBER_KEYS = frozenset({SMALL_NUMBER_SEP, SMALL_NUMBER_COLON, SMALL_NUMBER_DASH, SMALL_NUMBER})
_SMALL_SHAPES = frozenset({"0", "00"})
DIGITS_LETTERS = ("0000an", "0000s", "00an", "00s", "0am", "00am", "0pm", "00pm")
DIGIT_KEYS = frozenset(
    {*_SMALL_NUMBER_KEYS, FOUR_DIGITS, FOUR_DIGITS_DASH, "000", *DIGITS_LETTERS,
     *(f"{z}{suffix}" for z in ("0", "00") for suffix in ("st", "nd", "rd", "th"))}
)
_WORD_RE = re.compile(r"\w+")
_SEPARATORS = frozenset("/.")
_DASHES = frozenset("-'’")


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: re.Pattern[str]
    handler: Handler
    # Trigger word (lower case, or a digit key) -> how many words before it the match may start.
    triggers: dict[str, int]
    # Words (or digit keys) an earlier start may be; None: any word.
    openers: frozenset[str] | None = None
    # False when no trigger word can begin a match, only an opener before it ("in the past"
    # ends at "past"): the pattern is then not tried at the trigger itself.
    trigger_starts: bool = True
    # For a rule of fixed phrases, triggered on their last words with their first words as the
    # openers (see last_words): the phrases of one word. A match is tried at a trigger itself
    # only when the trigger is one of these; a longer phrase ("hari ini") is found by looking
    # back from its last word, not tried at each of its (common) first words.
    whole_words: frozenset[str] | None = None


def first_words(phrases: Iterable[str], lookback: int = 0) -> dict[str, int]:
    """Trigger entries for the first word of each phrase ("baru-baru ini" -> "baru"), as shapes
    ("Q3" -> "q0")."""
    out: dict[str, int] = {}
    for phrase in phrases:
        match = _WORD_RE.search(shape(phrase))
        if match:
            out[match.group(0)] = lookback
    return out


def last_words(phrases: Iterable[str]) -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    """Triggers on the last word of each phrase (looking back over the phrase), the words a
    phrase may start with, and the phrases of one word: "in the past" fires on "past", not on
    every "in"."""
    triggers: dict[str, int] = {}
    openers: set[str] = set()
    whole: set[str] = set()
    for phrase in phrases:
        words = _WORD_RE.findall(shape(phrase))
        triggers[words[-1]] = max(triggers.get(words[-1], 0), len(words) - 1)
        openers.add(words[0])
        if len(words) == 1:
            whole.add(words[0])
    return triggers, frozenset(openers), frozenset(whole)


_ALL_MONTHS = [*MONTHS, *MONTH_ABBREVIATIONS]
_REFERENCE_TRIGGERS = last_words([*PRESENT_REFS, *PAST_REFS, *FUTURE_REFS])
_DAY_TRIGGERS = last_words(rel.DAY_OFFSETS)
_ANAPHOR_TRIGGERS = last_words(
    [f"{u} {r}" for u in ("hari", "pekan", "minggu", "bulan", "tahun") for r in ("yang sama", "sebelumnya", "berikutnya", "setelahnya")]
    + ["keesokan harinya", "keesokan hari", "esok harinya", "sehari sebelumnya"]
    # The pattern reads "the" as optional in every English phrase.
    + [f"{the}{phrase}" for the in ("the ", "") for phrase in (
        "next day", "day before",
        *(f"{w} {u}" for w in ("same", "following", "previous") for u in ("day", "week", "month", "year")),
    )]
)
_WEEKDAY_WORDS = frozenset(first_words(WEEKDAYS))
_DAY_OPENERS = _WEEKDAY_WORDS | {"hari", "tanggal", "tgl"} | DIGIT_KEYS
_EN_REL = frozenset({"last", "next", "this", "coming", "past"})
_AMOUNT_OPENERS = frozenset(
    {*DIGIT_KEYS, "a", "an", "half", "satu", "setengah", "beberapa", "several", "few", "puluhan", "belasan",
     "ratusan", "dozens", "many", *first_words(NUMBER_WORD_LIST)}
)
_NARRATED_OPENERS = frozenset(
    {*_WEEKDAY_WORDS, *first_words(PARTS_OF_DAY), "hari", "dini", "tengah", "saat", "waktu", "ketika", "at", "that",
     "keesokan"}
)
_UNIT_PERIODS = ["pekan", "minggu", "bulan", "tahun"]
# The words a set can start with: "setiap ...", "dua kali ...", "twice a ...", "per ...".
_SET_OPENERS = frozenset(
    {*DIGIT_KEYS, "setiap", "tiap", "saban", "every", "each", "sekali", "dua", "tiga", "empat", "lima", "once",
     "twice", "three", "four", "five", "per", "a"}
)

# In priority order: when two rules find spans of the same length, the earlier one wins.
RULES: tuple[Rule, ...] = (
    Rule(cal.WEEKDAY_BRACKET, cal.weekday_bracket, first_words(WEEKDAYS, 1), frozenset({"hari"})),
    Rule(cal.DATE_DAY_MONTH, cal.date_day_month, first_words(_ALL_MONTHS, 5), _DAY_OPENERS, trigger_starts=False),
    Rule(cal.DATE_MONTH_DAY, cal.date_month_day, first_words(_ALL_MONTHS, 3), _WEEKDAY_WORDS),
    Rule(cal.DAY_RANGE, cal.day_range, first_words(_ALL_MONTHS, 5), DIGIT_KEYS, trigger_starts=False),
    Rule(cal.DATE_NUMERIC, cal.date_numeric, {SMALL_NUMBER_SEP: 0, SMALL_NUMBER_DASH: 0, FOUR_DIGITS_DASH: 0}),
    Rule(
        rel.SET_EXPR,
        rel.set_expr,
        {**first_words(["setiap", "tiap", "saban", "every", "each", "sekali"]), "kali": 1, "per": 3, "a": 3},
        _SET_OPENERS,
    ),
    # An earlier start is "bulan"; a month before the trigger is a trigger of its own.
    Rule(cal.MONTH_YEAR, cal.month_year, first_words(MONTHS, 1), frozenset({"bulan", "bln"})),
    Rule(
        cal.QUARTER,
        cal.quarter,
        {**first_words(["kuartal", "kwartal", "triwulan", "semester", "paruh", "q1", "q2", "q3", "q4", "h1", "h2"]),
         "quarter": 1, "half": 1},
    ),
    Rule(cal.CENTURY, cal.century, {"abad": 0, "century": 1}),
    Rule(
        cal.DECADE,
        cal.decade,
        {FOUR_DIGITS_DASH: 1, SMALL_NUMBER_DASH: 1, **dict.fromkeys(DIGITS_LETTERS[:4], 1)},
        frozenset({"dekade", "dasawarsa", "era", "tahun", "masa"}),
    ),
    Rule(
        rel.RELATIVE_PERIOD,
        rel.relative_period,
        {**first_words(_UNIT_PERIODS, 1), **first_words(["last", "next", "coming", "this", "weekend"])},
        frozenset({"akhir"}),
    ),
    Rule(rel.RELATIVE_DAY, rel.relative_day, *_DAY_TRIGGERS[:2], whole_words=_DAY_TRIGGERS[2]),
    Rule(cal.WEEKDAY_ALONE, cal.weekday_alone, first_words(WEEKDAYS, 2), _EN_REL | {"hari"}),
    Rule(cal.MONTH_ALONE, cal.month_alone, first_words(MONTHS, 2), _EN_REL | {"bulan"}),
    Rule(cal.YEAR_RANGE, cal.year_range, {FOUR_DIGITS: 1, FOUR_DIGITS_DASH: 1}, frozenset({"tahun", "periode"})),
    Rule(
        rel.PERIOD_EDGE,
        rel.period_edge,
        {"tahun": 1, "bulan": 1},
        frozenset({"awal", "pertengahan", "akhir", "medio"}),
        trigger_starts=False,
    ),
    Rule(rel.PAST_PERIOD, rel.past_period, first_words(UNITS, 2), frozenset({"past", "last", "previous"}), trigger_starts=False),
    Rule(cal.YEAR_ALONE, cal.year_alone, {FOUR_DIGITS: 2, FOUR_DIGITS_DASH: 2}, frozenset({"tahun", "thn", "anggaran"})),
    Rule(rel.REFERENCE, rel.reference, *_REFERENCE_TRIGGERS[:2], whole_words=_REFERENCE_TRIGGERS[2]),
    Rule(rel.AMOUNT_OF_TIME, rel.amount_of_time, first_words(UNITS, 5), _AMOUNT_OPENERS, trigger_starts=False),
    Rule(rel.SE_DURATION, rel.se_duration, first_words([*SE_UNITS, *PLURAL_UNITS])),
    Rule(
        rel.BARE_PLURAL,
        rel.bare_plural,
        first_words(["hours", "days", "weeks", "months", "years", "decades", "centuries"], 1),
        frozenset({"for", "in", "over", "within"}),
        trigger_starts=False,
    ),
    # A clock time starts at a keyword ("pukul 10.00"), at a number followed by a colon
    # ("13:21"), at one glued to a.m./p.m. ("10am"), or at a number before a.m./p.m. words
    # ("10.30 pm"), which the second rule reaches back from: the many numbers followed by
    # none of these are never tried.
    Rule(
        rel.CLOCK,
        rel.clock,
        dict.fromkeys(["pukul", "pkl", "jam", "at", SMALL_NUMBER_COLON, *DIGITS_LETTERS[4:]], 0),
    ),
    Rule(
        rel.CLOCK,
        rel.clock,
        # "10 pm", "10.30 pm", "10 p.m.", "10.30 p.m.", "10.30pm": back to the number.
        {"am": 2, "pm": 2, "m": 3, **dict.fromkeys(DIGITS_LETTERS[4:], 1)},
        _SMALL_NUMBER_KEYS,
        trigger_starts=False,
    ),
    Rule(cal.ANAPHORIC, cal.anaphoric, *_ANAPHOR_TRIGGERS[:2], whole_words=_ANAPHOR_TRIGGERS[2]),
    Rule(
        rel.NARRATED,
        rel.narrated,
        {"itu": 3, "sama": 3, "time": 3, "day": 1, "morning": 1, "afternoon": 1, "evening": 1, "night": 1,
         "harinya": 3, **dict.fromkeys(["paginya", "siangnya", "sorenya", "petangnya", "malamnya"], 1)},
        _NARRATED_OPENERS,
        trigger_starts=False,
    ),
    Rule(rel.WORD_CLOCK, rel.word_clock, {"pukul": 0, "jam": 0}),
    # Tried back from the zone word, which is rare, rather than at every number or preposition.
    Rule(
        rel.ZONED_CLOCK,
        rel.zoned_clock,
        dict.fromkeys(["wib", "wita", "wit", "utc", "gmt"], 2),
        frozenset({SMALL_NUMBER_SEP, SMALL_NUMBER_COLON, FOUR_DIGITS}),
        trigger_starts=False,
    ),
    Rule(
        rel.BARE_POD,
        rel.bare_pod,
        {**first_words([*PARTS_OF_DAY, "dawn", "daybreak"], 2)},
        frozenset({"sejak", "hingga", "sampai", "pada", "untuk", "menjelang", "through", "by"}),
        trigger_starts=False,
    ),
    Rule(rel.OVERNIGHT, rel.overnight, {"overnight": 0}),
    Rule(rel.PART_OF_DAY_WORD, rel.part_of_day, first_words(PARTS_OF_DAY, 2), frozenset({"in", "the"})),
)


# Per trigger key: (rule priority, lookback, pattern.match, handler, openers, trigger_starts,
# remember, width), with the rule's fields unpacked once so the loop below does no attribute
# lookups. ``remember``: the trigger is an opener of its rule, so a later trigger's lookback may
# reach its start and must know it was tried. ``width``: the longest match the pattern can
# make, 0 when unbounded.
_Entry = tuple[
    int, int, Callable[[str, int], "re.Match[str] | None"], Handler, "frozenset[str] | None", bool, bool, int
]


def _max_width(pattern: re.Pattern[str]) -> int:
    """The most characters a match of ``pattern`` can span (look-arounds excluded), or 0 when
    that is unbounded or cannot be read (the parser is CPython's, not a public API)."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        widest = _parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
    except (ImportError, AttributeError):  # another Python: no bound, no skipping
        return 0
    return widest if widest < 1_000 else 0


# Per trigger key, also: how many words back any of its rules may start, and the words that
# can open any of them there (None: any word can), so that one set operation usually rules
# out every look back at once.
_Trigger = tuple[int, "frozenset[str] | None", tuple[_Entry, ...]]


def _build_index() -> dict[str, _Trigger]:
    index: dict[str, list[_Entry]] = {}
    if len(RULES) > 32:
        raise ValueError("run_rules packs a rule's priority into 5 bits")
    for number, rule in enumerate(RULES):
        width = _max_width(rule.pattern)
        for word in {*rule.triggers, *(rule.openers or ())} - DIGIT_KEYS:
            if word != shape(word):
                raise ValueError(f"rule {number}: {word!r} is no word shape; split_words would never give it")
        for word, lookback in rule.triggers.items():
            starts = rule.trigger_starts and (rule.whole_words is None or word in rule.whole_words)
            remember = rule.openers is None or word in rule.openers
            entry = (number, lookback, rule.pattern.match, rule.handler, rule.openers, starts, remember, width)
            index.setdefault(word, []).append(entry)
    return {word: _trigger(entries) for word, entries in index.items()}


def _trigger(entries: list[_Entry]) -> _Trigger:
    backward = [entry for entry in entries if entry[1]]
    reach = max((entry[1] for entry in backward), default=0)
    openers: frozenset[str] | None = frozenset()
    for entry in backward:
        openers = None if openers is None or entry[4] is None else openers | entry[4]
    return reach, openers, tuple(entries)


TRIGGER_INDEX = _build_index()
# A number's key by its shape and the character after it ("": any other character).
_SMALL_NUMBER_AFTER = {"": SMALL_NUMBER, "-": SMALL_NUMBER_DASH, ":": SMALL_NUMBER_COLON, **dict.fromkeys(_SEPARATORS, SMALL_NUMBER_SEP)}
_NUMBER_KEYS: dict[str, dict[str, str]] = {
    **dict.fromkeys(_SMALL_SHAPES, _SMALL_NUMBER_AFTER),
    FOUR_DIGITS: {"": FOUR_DIGITS, **dict.fromkeys(_DASHES, FOUR_DIGITS_DASH)},
}
_HIT_KEYS = frozenset(TRIGGER_INDEX) | _SMALL_SHAPES
# The words split_words must mark for run_rules (numbers it marks anyway).
TRIGGER_WORDS = frozenset(word for word in _HIT_KEYS if word[0].isalpha())


def run_rules(text: str, ctx: Context, words: Words) -> list[tuple[int, Candidate]]:
    """(rule priority, candidate) for every rule match starting at a plausible word."""
    shapes, ends = words.shapes, words.ends
    # The identity test first: a subset test walks all trigger words, on every article.
    marked = words.vocabulary is TRIGGER_WORDS or TRIGGER_WORDS <= words.vocabulary
    marks = words.marks if marked else range(len(shapes))
    keys = list(shapes)
    for i in words.numbers:
        table = _NUMBER_KEYS.get(shapes[i])
        if table is not None:
            keys[i] = table.get(text[ends[i] : ends[i] + 1], table[""])
    index = TRIGGER_INDEX
    found: list[tuple[int, Candidate]] = []
    # (start << 5) | rule priority of every attempt so far: a word before a trigger may be
    # reached again from the next trigger.
    tried: set[int] = set()
    # The non-weak candidate reaching furthest so far, as (start, end). A handler's candidates
    # lie inside its match, so a match strictly inside this one can only yield a part of a
    # longer expression ("Senin" and "11/9/2023" of "Senin (11/9/2023)"): its handler is skipped.
    cover = [-1, -1]
    for here in marks:
        trigger = index.get(keys[here])
        if trigger is None:
            continue
        reach, any_openers, entries = trigger
        trigger_end = ends[here]
        here_start = trigger_end - len(shapes[here])
        # Whether a word in reach can open any of the trigger's rules: most often none can, and
        # then no rule's own look back below need be tested.
        opens = reach and here and (
            any_openers is None or not any_openers.isdisjoint(keys[here - reach if here > reach else 0 : here])
        )
        for number, lookback, match_at, handler, openers, trigger_starts, remember, width in entries:
            covered = False
            if lookback and opens:
                first = here - lookback if here > lookback else 0
                # One set operation in C (or one lookup, for a single word) usually shows that no
                # word before can open the match.
                if (
                    openers is None
                    or (keys[first] in openers if first == here - 1 else not openers.isdisjoint(keys[first:here]))
                ):
                    for position in range(first, here):
                        if openers is not None and keys[position] not in openers:
                            continue
                        at = ends[position] - len(shapes[position])
                        attempt = at << 5 | number
                        if attempt in tried:
                            continue
                        tried.add(attempt)
                        match = match_at(text, at)
                        if match is not None and _keep(found, cover, number, match, handler, ctx, trigger_end):
                            covered = True
                            break  # a later start of the same rule would only find a part of this match
            if trigger_starts and not covered:
                # No check against ``tried``: marks come in order and earlier triggers only
                # look back, so this start is new for this rule.
                if remember:
                    tried.add(here_start << 5 | number)
                # A match of bounded width starting inside the cover ends inside it too, so
                # _keep would drop it ("9/2023" in "Senin (11/9/2023)"): not worth trying.
                if width and cover[0] < here_start and here_start + width <= cover[1]:
                    continue
                match = match_at(text, here_start)
                if match is not None:
                    _keep(found, cover, number, match, handler, ctx, trigger_end)
    return found


def _keep(
    found: list[tuple[int, Candidate]],
    cover: list[int],
    number: int,
    match: re.Match[str],
    handler: Handler,
    ctx: Context,
    trigger_end: int,
) -> bool:
    """Add the handler's non-empty candidates for ``match`` (none when the match lies strictly
    inside ``cover``); whether one reaches the end of the trigger word."""
    start, end = match.span()
    if cover[0] <= start and end <= cover[1] and end - start < cover[1] - cover[0]:
        return False
    result = handler(match, ctx)
    if result is None:
        return False
    covered = False
    for cand in result if isinstance(result, list) else (result,):
        if cand.end > cand.start:
            found.append((number, cand))
            covered = covered or cand.end >= trigger_end
            if not cand.weak and cand.end > cover[1]:
                cover[0], cover[1] = cand.start, cand.end
    return covered
