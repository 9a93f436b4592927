"""The extractor: run the rules, join parts of day and clock times to their days, keep the
longest non-overlapping expressions, then add modifiers and time zones around them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter

from warta.analyze.time.anchor import TenseFinder, parse_dct
from warta.analyze.time.candidates import Candidate, Context
from warta.analyze.time.discourse import narrate, needs_discourse
from warta.analyze.time.fragments import alternation
from warta.analyze.time.lexicon import (
    AMOUNT_ONLY_MODIFIERS,
    AMOUNT_ONLY_WORDS,
    POINT_ONLY_MODIFIERS,
    PREFIX_MODIFIERS,
    SUFFIX_MODIFIERS,
    TIMEZONES,
)
from warta.analyze.time.measures import is_measure
from warta.analyze.time.rulebook import TRIGGER_WORDS, run_rules
from warta.analyze.time.words import Words, split_words
from warta.analyze.time.zones import DST_PLACES, PLACE_TIME_RE, PLACE_ZONES
from warta.model import Sentence, Timex

_SUFFIX_RE = re.compile(r"\s*,?\s+(?P<mod>" + alternation(SUFFIX_MODIFIERS)[3:-1] + r")\b", re.IGNORECASE)
_ZONE_WORDS = [z for z in TIMEZONES if z.islower()]
_ZONE_CODES = [z for z in TIMEZONES if z.isupper()]
# A closing bracket belongs to the zone only when the zone opened it: "pukul 10.00 (WIB)", but
# not the one closing "(10:33 GMT)".
_ZONE_WORD_RE = re.compile(r"\s+(\(\s*)?" + alternation(_ZONE_WORDS) + r"\b(?(1)\s*\))", re.IGNORECASE)
_ZONE_CODE_RE = re.compile(r"\s*(\(\s*)?" + alternation(_ZONE_CODES) + r"(?:\s*[+-]\s*\d{1,2})?\b(?(1)\s*\))")
_JOIN_BEFORE_DAY_RE = re.compile(r"[\s,]*(?:(?:pada|on)\s+)?(?:hari\s+)?$", re.IGNORECASE)
_JOIN_AFTER_DAY_RE = re.compile(
    r"[\s,]*(?:(?:pada|on|at)\s+)?(?:(?:" + alternation(TIMEZONES)[3:-1] + r")\s*)?", re.IGNORECASE
)
_RANGE_JOIN_RE = re.compile(r"\s*(?:hingga|sampai|dan|atau|to|and|until|-|–)\s*", re.IGNORECASE)
_ANCHOR_VALUE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4])|-H([12]))?(?![\dW])")


def _join(first: Candidate, second: Candidate, value: str, mod: str | None = None) -> Candidate:
    return Candidate(
        first.start, max(first.end, second.end), "TIME", value, mod=mod,
        day=first.day or second.day, day_value=first.day_value or second.day_value,
        pod=first.pod or second.pod, clock=first.clock or second.clock,
        tense_choice=first.tense_choice or second.tense_choice,
        deixis=first.deixis if first.deixis is not None else second.deixis,
    )


def _joined(text: str, found: list[Candidate]) -> list[Candidate]:
    """Parts of day and clock times joined to the day next to them: "sore hari Minggu, 10
    September 2023", "Rabu, 13 September 2023 pagi", "kemarin pukul 13.21". In the order of
    the days in ``found``, then parts of day before clock times, each in their order there
    (which decides ties later)."""
    pod_parts = [c for c in found if c.weak and c.pod]
    clock_parts = [c for c in found if c.clock and c.type == "TIME" and c.day_value is None]
    if not pod_parts and not clock_parts:
        return []
    # The days by start: an article has a dozen and only a few parts, so each part looks up
    # the days that can lie next to it (the windows below hold every day that
    # _pod_joined or _clock_joined can accept) rather than each day scanning the parts.
    # _is_day, written out: a function call per candidate costs more than the test.
    days = sorted(
        (c.start, i) for i, c in enumerate(found) if c.day_value and not c.clock and c.type in _DAY_TYPES
    )
    if not days:
        return []
    starts = [start for start, _ in days]
    longest = max(found[i].end - found[i].start for _, i in days)
    pairs: list[tuple[int, int, int, Candidate]] = []  # (day's index, kind, part's index, joined)
    # Per kind of part: how far before the part a day may end, and after it a day may start.
    kinds = ((pod_parts, _pod_joined, 3, 12), (clock_parts, _clock_joined, 8, 8))
    for kind, (parts, join, before, after) in enumerate(kinds):
        for p_index, part in enumerate(parts):
            low = bisect_left(starts, part.start - before - longest)
            for _, d_index in days[low : bisect_right(starts, part.end + after, low)]:
                joined = join(text, part, found[d_index])
                if joined is not None:
                    pairs.append((d_index, kind, p_index, joined))
    pairs.sort(key=lambda pair: pair[:3])
    return [pair[3] for pair in pairs]


_DAY_TYPES = frozenset({"DATE", "TIME"})


def _is_day(cand: Candidate) -> bool:
    """Whether a part of day or a clock time may join ``cand``: a day, without a clock time."""
    return bool(cand.day_value) and not cand.clock and cand.type in _DAY_TYPES


def _pod_joined(text: str, part: Candidate, day: Candidate) -> Candidate | None:
    """ "sore hari Minggu", "Rabu, 13 September 2023 pagi": a part of day at most 12
    characters before the day or 3 after it; None when they do not join."""
    if day.pod:
        return None
    if part.start < day.start <= part.end + 12 and _fits_before(text, part, day):
        return _join(part, day, f"{day.day_value}T{part.pod}")
    if day.end <= part.start <= day.end + 3 and not text[day.end : part.start].strip(" ,"):
        return _join(day, part, f"{day.day_value}T{part.pod}")
    return None


def _clock_joined(text: str, time: Candidate, day: Candidate) -> Candidate | None:
    """ "kemarin pukul 13.21", "pukul 10.00 hari Senin": a clock time at most 8 characters
    from the day; None when they do not join."""
    if day.end <= time.start <= day.end + 8 and _JOIN_AFTER_DAY_RE.fullmatch(text[day.end : time.start]):
        return _join(day, time, f"{day.day_value}T{time.clock}")
    if time.end <= day.start <= time.end + 8 and _JOIN_AFTER_DAY_RE.fullmatch(text[time.end : day.start]):
        return _join(time, day, f"{day.day_value}T{time.clock}")
    return None


def _fits_before(text: str, part: Candidate, day: Candidate) -> bool:
    if part.end >= day.start:  # "pagi hari" overlapping "hari Selasa"
        return text[day.start : part.end].strip().lower() in {"", "hari"}
    return bool(_JOIN_BEFORE_DAY_RE.fullmatch(text[part.end : day.start]))


_START = attrgetter("start")


def _select(text: str, found: list[tuple[int, Candidate]]) -> list[Candidate]:
    """Longest first, then the higher-priority rule; drop anything overlapping a kept one.
    A bare part of day survives only as the first half of a range ("sore hingga malam hari ini")."""
    kept: list[Candidate] = []
    taken = bytearray(len(text))  # 1 where a kept expression already lies
    # start - end is -length, written out to save a property call per candidate.
    for _priority, cand in sorted(found, key=lambda pc: (pc[1].weak, pc[1].start - pc[1].end, pc[0], pc[1].start)):
        if taken.find(1, cand.start, cand.end) == -1:
            kept.append(cand)
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    kept.sort(key=_START)
    for index, cand in enumerate(kept[:-1]):
        partner = kept[index + 1]
        if cand.weak and partner.pod and partner.day_value and not partner.weak:
            if _RANGE_JOIN_RE.fullmatch(text[cand.end : partner.start]):
                cand.weak = False
                cand.day, cand.day_value = partner.day, partner.day_value
                cand.tense_choice = partner.tense_choice
                cand.value = f"{partner.day_value}T{cand.pod}"
    return [c for c in kept if not c.weak]


_DURATION_ORDER = ["Y", "M", "W", "D", "TH", "TM", "TS"]
_DURATION_GAP_RE = re.compile(r"\s+(?:(?:dan|and)\s+)?|,\s+", re.IGNORECASE)
_DURATION_VALUE_RE = re.compile(r"P((?:\d+[YMWD])*)(?:T((?:\d+[HMS])+))?")
_DATE_PARTS_RE = re.compile(r"(\d+)([YMWD])")
_TIME_PARTS_RE = re.compile(r"(\d+)([HMS])")


def _merge_durations(text: str, kept: list[Candidate]) -> list[Candidate]:
    """ "2 tahun 3 bulan" is one duration, P2Y3M: join counted durations in falling unit order."""
    merged: list[Candidate] = []
    for cand in kept:
        previous = merged[-1] if merged else None
        if previous is not None and previous.type == cand.type == "DURATION" and not cand.mod:
            parts, part = _duration_parts(previous.value), _duration_parts(cand.value)
            if (
                parts
                and len(part) == 1
                and _DURATION_GAP_RE.fullmatch(text[previous.end : cand.start])
                and _DURATION_ORDER.index(part[0][0]) > _DURATION_ORDER.index(parts[-1][0])
            ):
                previous.value = _duration_value(parts + part)
                previous.end = cand.end
                continue
        merged.append(cand)
    return merged


def _duration_parts(value: str) -> list[tuple[str, str]]:
    """ "P2Y3M" -> [("Y", "2"), ("M", "3")]; "PT2H" -> [("TH", "2")]; [] for vague values."""
    match = _DURATION_VALUE_RE.fullmatch(value)
    if not match or value in {"P", "PT"}:
        return []
    parts = [(unit, number) for number, unit in _DATE_PARTS_RE.findall(match.group(1))]
    parts += [("T" + unit, number) for number, unit in _TIME_PARTS_RE.findall(match.group(2) or "")]
    return parts


def _duration_value(parts: list[tuple[str, str]]) -> str:
    date_part = "".join(n + u for u, n in parts if not u.startswith("T"))
    time_part = "".join(n + u[1:] for u, n in parts if u.startswith("T"))
    return "P" + date_part + ("T" + time_part if time_part else "")


def _compatible(mod: str, cand: Candidate) -> bool:
    if cand.value.endswith("_REF"):
        return False
    if mod in POINT_ONLY_MODIFIERS:
        return cand.type in {"DATE", "TIME"}
    if mod in AMOUNT_ONLY_MODIFIERS:
        return cand.type == "DURATION"
    return cand.type != "SET"


_MAX_MODIFIER_WORDS = max(len(m.split()) for m in PREFIX_MODIFIERS)
_MODIFIER_WORD_RE = re.compile(r"[\w-]+")
# The words (``\w+``, as split_words gives them) that can end a modifier before an
# expression, start a time zone after one, or start a modifier after one: a neighbouring word
# outside these sets rules the regexes out without running them.
_WORD_RE = re.compile(r"\w+")
_MODIFIER_LAST_WORDS = frozenset(_WORD_RE.findall(m.lower())[-1] for m in PREFIX_MODIFIERS)
_ZONE_FIRST = frozenset(_WORD_RE.findall(z.lower())[0] for z in TIMEZONES)
_PLACE_TIME_FIRST = frozenset({"waktu", *(_WORD_RE.findall(p)[0] for p in (*PLACE_ZONES, *DST_PLACES))})
_SUFFIX_FIRST = frozenset(_WORD_RE.findall(m.lower())[0] for m in SUFFIX_MODIFIERS)


def _prefix_modifier(text: str, floor: int, start: int) -> tuple[str, int] | None:
    """The longest modifier phrase ending right before ``start`` and its start ("lebih dari"),
    not reaching back before ``floor``. The caller has checked that a blank or a hyphen
    stands right before ``start``, after ``floor``."""
    window_start = max(floor, start - 30)
    window = text[window_start:start]
    words = list(_MODIFIER_WORD_RE.finditer(window))[-_MAX_MODIFIER_WORDS:]
    best: tuple[str, int] | None = None
    end = len(window)
    phrase_words: list[str] = []
    for match in reversed(words):
        gap = window[match.end() : end]
        if gap.strip() or (not gap and not match.group(0).endswith("-")):
            break
        phrase_words.insert(0, match.group(0).lower())
        phrase = " ".join(phrase_words)
        if phrase in PREFIX_MODIFIERS:
            best = (phrase, window_start + match.start())
        end = match.start()
    return best


def _word_after(words: Words, pos: int) -> str | None:
    """The first word starting at or after ``pos`` ("" when none does); None when a word
    runs across ``pos``."""
    index = bisect_right(words.ends, pos)
    if index == len(words.ends):
        return ""
    return None if words.ends[index] - len(words.shapes[index]) < pos else words.shapes[index]


def _add_modifiers_and_zones(text: str, kept: list[Candidate], words: Words) -> None:
    shapes, ends = words.shapes, words.ends
    for index, cand in enumerate(kept):
        floor = kept[index - 1].end if index else 0
        ceiling = kept[index + 1].start if index + 1 < len(kept) else len(text)
        # A modifier needs a space or hyphen right before the expression: test that here,
        # where it is cheap, before looking for one.
        glue = text[cand.start - 1] if cand.start > floor else ""
        before = bisect_right(ends, cand.start) - 1  # the last word ending before the expression
        if cand.mod is None and glue and (glue.isspace() or glue == "-") and before >= 0 and shapes[before] in _MODIFIER_LAST_WORDS:
            found = _prefix_modifier(text, floor, cand.start)
            if found:
                word, new_start = found
                mod = PREFIX_MODIFIERS[word]
                if _compatible(mod, cand) and not (word in AMOUNT_ONLY_WORDS and cand.type != "DURATION"):
                    cand.mod = mod
                    cand.start = new_start
        # _word_after(words, cand.end), written out: it runs for every expression.
        at = bisect_right(ends, cand.end)
        after = "" if at == len(ends) else None if ends[at] - len(shapes[at]) < cand.end else shapes[at]
        if (cand.day_value or cand.clock) and (after is None or after in _ZONE_FIRST):
            # Neither zone pattern looks behind its start, so matching in place equals
            # matching the slice text[cand.end:ceiling].
            zone = _ZONE_WORD_RE.match(text, cand.end, ceiling) or (
                _ZONE_CODE_RE.match(text, cand.end, ceiling) if cand.clock else None
            )
            if zone:
                cand.end = zone.end()
                after = _word_after(words, cand.end)
        if cand.clock and after in _PLACE_TIME_FIRST:
            named = PLACE_TIME_RE.match(text, cand.end, ceiling)
            if named:
                cand.end = named.end()
                after = _word_after(words, cand.end)
        if cand.mod is not None or after is not None and after not in _SUFFIX_FIRST:
            continue
        suffix = _SUFFIX_RE.match(text, cand.end, ceiling)
        if suffix:
            mod = SUFFIX_MODIFIERS[" ".join(suffix.group("mod").lower().split())]
            if suffix.group("mod").lower() != "lebih" and _compatible(mod, cand):
                cand.mod = mod
                cand.end = suffix.end()


def _clock_on_that_day(text: str, kept: list[Candidate]) -> list[Candidate]:
    """ "pukul 12.00 WIT hari itu" is one clock time on the narrated day: the clock time takes
    "hari itu" into its span (its day is the one "hari itu" would name)."""
    merged: list[Candidate] = []
    for cand in kept:
        previous = merged[-1] if merged else None
        if (
            previous is not None and cand.narrative == ("day", None) and previous.clock and previous.day_value is None
            and previous.narrative is None and not text[previous.end : cand.start].strip()
        ):
            previous.end = cand.end
            continue
        merged.append(cand)
    return merged


_CALENDAR_YEARS = (1000, 9999)  # four-digit years: what TIMEX3 values write without a sign


@lru_cache(maxsize=4096)
def _anchor_parts(value: str) -> tuple[int, int | None, int | None, int | None, int | None] | None:
    """Year, month, day, quarter and half a value names (None where it names none), or None.
    Every expression of every article is read this way, and values repeat: parsed once each."""
    match = _ANCHOR_VALUE_RE.match(value)
    if not match:
        return None
    return tuple(None if g is None else int(g) for g in match.groups())  # type: ignore[return-value]


class _Anchors:
    """The last day, month, quarter, half and year mentioned so far, for anaphoric expressions."""

    def __init__(self, dct: date | None) -> None:
        self.day = dct
        self.month = (dct.year, dct.month) if dct else None
        self.year = dct.year if dct else None
        self.quarter = (dct.year, (dct.month - 1) // 3 + 1) if dct else None
        self.half = (dct.year, (dct.month - 1) // 6 + 1) if dct else None

    def update(self, cand: Candidate) -> None:
        if cand.type not in _DAY_TYPES:
            return
        if cand.day is not None:
            self.day = cand.day
        parsed = _anchor_parts(cand.value)
        if parsed is None:
            return
        year, month, day, quarter, half = parsed
        self.year = year
        if month is not None:
            self.month = (year, month)
            self.quarter = (year, (month - 1) // 3 + 1)
            self.half = (year, (month - 1) // 6 + 1)
        if day is not None and cand.day is None:
            self.day = date(year, month, day)  # type: ignore[arg-type]
        if quarter is not None:
            self.quarter = (year, quarter)
        if half is not None:
            self.half = (year, half)

    def resolve(self, unit: str, step: int) -> tuple[str, date | None]:
        if unit == "D":
            if self.day is None:
                return "XXXX-XX-XX", None
            try:
                day = self.day + timedelta(days=step)
            except OverflowError:
                return "XXXX-XX-XX", None
            if not _CALENDAR_YEARS[0] <= day.year <= _CALENDAR_YEARS[1]:
                return "XXXX-XX-XX", None
            return day.isoformat(), day
        if unit == "M":
            if self.month is None:
                return "XXXX-XX", None
            index = self.month[0] * 12 + self.month[1] - 1 + step
            if not _CALENDAR_YEARS[0] <= index // 12 <= _CALENDAR_YEARS[1]:
                return "XXXX-XX", None
            return f"{index // 12}-{index % 12 + 1:02d}", None
        if unit in {"Q", "H"}:
            known = self.quarter if unit == "Q" else self.half
            parts = 4 if unit == "Q" else 2
            if known is None:
                return f"XXXX-{unit}X", None
            index = known[0] * parts + known[1] - 1 + step
            if not _CALENDAR_YEARS[0] <= index // parts <= _CALENDAR_YEARS[1]:
                return f"XXXX-{unit}X", None
            return f"{index // parts}-{unit}{index % parts + 1}", None
        if self.year is None or not _CALENDAR_YEARS[0] <= self.year + step <= _CALENDAR_YEARS[1]:
            return "XXXX", None  # "2023 years before 2023" is no calendar year to write down
        return str(self.year + step), None


def _resolve_anaphors(kept: list[Candidate], dct: date | None) -> None:
    """ "dua hari kemudian", "bulan sebelumnya" count from the last time mentioned before them
    (from the DCT when nothing was)."""
    last = max((i for i, cand in enumerate(kept) if cand.anaphor is not None), default=-1)
    if last < 0:
        return
    anchors = _Anchors(dct)
    for cand in kept[: last + 1]:  # what follows the last anaphor anchors nothing
        if cand.anaphor is not None:
            cand.value, cand.day = anchors.resolve(*cand.anaphor)
        anchors.update(cand)


def extract_timexes(
    text: str, dct: str | None, *, sentences: list[Sentence] | None = None, language: str | None = None
) -> list[Timex]:
    """Every TIMEX3 time expression in ``text``, in order, with values normalised against the
    document creation time ``dct`` ("YYYY-MM-DD"; None leaves relative values as X
    placeholders or *_REF)."""
    if not text:
        return []
    starts = [s.start for s in sentences] if sentences else None
    words = split_words(text, TRIGGER_WORDS)
    ctx = Context(text, parse_dct(dct), TenseFinder(text, starts, words), language)
    found = run_rules(text, ctx, words)
    if not found:
        return []
    # Twice: "kemarin" + "malam" first, then "pukul 21.40 WITA" + "kemarin malam".
    candidates = [c for _, c in found]
    first = _joined(text, candidates)
    found.extend((-1, c) for c in first)
    clocks = [c for c in candidates if c.clock]
    if clocks:
        found.extend((-1, c) for c in _joined(text, first + clocks) if c.clock)
    kept = _select(text, found)
    for cand in kept:
        if cand.tense_choice is not None:
            cand.settle_tense(ctx.tense(cand.tense_choice.start, cand.tense_choice.end))
    kept = _merge_durations(text, kept)
    _add_modifiers_and_zones(text, kept, words)
    kept = [c for c in kept if c.type != "DURATION" or not is_measure(text, c)]
    kept = _clock_on_that_day(text, kept)
    if needs_discourse(kept):
        narrate(text, kept, ctx.dct, _Anchors(ctx.dct))
    return [
        # Positional (text, start, end, type, value, mod, anchor): cheaper than keywords.
        Timex(text[c.start : c.end], c.start, c.end, c.type, c.value, c.mod, c.anchor)
        for c in kept
        if c.value
    ]
