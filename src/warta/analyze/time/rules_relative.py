"""Rules for expressions read against the DCT or none: relative days and periods, durations,
sets, clock times, parts of day and deictic references (PRESENT_REF, PAST_REF, FUTURE_REF)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from warta.analyze.numbers import parse_number
from warta.analyze.time.anchor import PAST, iso_week, shift_months
from warta.analyze.time.candidates import Candidate, Context
from warta.analyze.time.fragments import (
    AMOUNT,
    FLAGS,
    MONTH_FULL,
    PART_OF_DAY,
    PLURAL_UNIT,
    SE_UNIT,
    UNIT,
    WEEKDAY,
    alternation,
)
from warta.analyze.time.lexicon import (
    FUTURE_REFS,
    MONTHS,
    PARTS_OF_DAY,
    PAST_REFS,
    PLURAL_UNITS,
    PRESENT_REFS,
    SE_UNITS,
    UNITS,
    WEEKDAYS,
)

# --- relative days: kemarin, hari ini, besok, lusa, yesterday, tonight ---------------------------
DAY_OFFSETS: dict[str, tuple[int, str | None]] = {
    "kemarin lusa": (-2, None), "kemarin": (-1, None), "hari ini": (0, None), "besok": (1, None),
    "esok": (1, None), "esok hari": (1, None), "besok lusa": (2, None), "lusa": (2, None),
    "pagi ini": (0, "MO"), "siang ini": (0, "MI"), "sore ini": (0, "AF"), "petang ini": (0, "EV"),
    "malam ini": (0, "NI"), "tadi pagi": (0, "MO"), "tadi siang": (0, "MI"), "tadi sore": (0, "AF"),
    "tadi malam": (-1, "NI"), "dini hari tadi": (0, "NI"), "pagi tadi": (0, "MO"),
    "siang tadi": (0, "MI"), "sore tadi": (0, "AF"), "pagi hari ini": (0, "MO"),
    "siang hari ini": (0, "MI"), "sore hari ini": (0, "AF"), "malam hari ini": (0, "NI"),
    "dini hari ini": (0, "NI"),
    "the day before yesterday": (-2, None), "yesterday": (-1, None), "today": (0, None),
    "the day after tomorrow": (2, None), "tomorrow": (1, None), "tonight": (0, "NI"),
    "this morning": (0, "MO"), "this afternoon": (0, "AF"), "this evening": (0, "EV"),
    "last night": (-1, "NI"),
}
RELATIVE_DAY = re.compile(r"\b" + alternation(DAY_OFFSETS) + r"\b", FLAGS)


def _day_or_x(ctx: Context, offset: int) -> tuple[date | None, str]:
    if ctx.dct is None:
        return None, "XXXX-XX-XX"
    day = ctx.dct + timedelta(days=offset)
    return day, day.isoformat()


def relative_day(match: re.Match[str], ctx: Context) -> Candidate | None:
    if ctx.looks_like_name(match.start()):
        return None  # "USA Today", "Russia Today"
    offset, pod = DAY_OFFSETS[" ".join(match.group(0).lower().split())]
    day, value = _day_or_x(ctx, offset)
    if pod:
        return Candidate(
            match.start(), match.end(), "TIME", f"{value}T{pod}", day=day, day_value=value, pod=pod, deixis=offset
        )
    return Candidate(match.start(), match.end(), "DATE", value, day=day, day_value=value, deixis=offset)


# --- relative periods: pekan lalu, bulan ini, tahun depan, akhir pekan ini, last week ----------
_REL_WORDS: dict[str, int] = {
    "lalu": -1, "yang lalu": -1, "kemarin": -1, "depan": 1, "mendatang": 1,
    "yang akan datang": 1, "ini": 0,
    "last": -1, "next": 1, "coming": 1, "this": 0,
}
_ID_PERIOD = r"(?:(?P<we>akhir\s+)(?P<wu>pekan|minggu)|(?P<u>pekan|minggu|bulan|tahun))"
RELATIVE_PERIOD = re.compile(
    rf"\b{_ID_PERIOD}\s+(?P<rel>yang\s+akan\s+datang|yang\s+lalu|lalu|kemarin|depan|mendatang|ini)\b"
    r"|\b(?P<erel>last|next|coming|this)\s+(?P<eu>week|weekend|month|year)\b"
    r"|\b(?P<bare_we>akhir\s+pekan|weekend)\b",
    FLAGS,
)


def _weekend_offset(ctx: Context, start: int, end: int) -> int:
    """Which weekend a bare "akhir pekan" is: the one just past in a past sentence on a weekday."""
    assert ctx.dct is not None
    tense = ctx.tense(start, end)
    if tense == PAST and ctx.dct.isoweekday() < 6:
        return -1
    return 0


def relative_period(match: re.Match[str], ctx: Context) -> Candidate | None:
    groups = match.groupdict()
    weekend = False
    if groups["bare_we"]:
        unit, step, weekend = "week", None, True
    elif groups["eu"]:
        unit = groups["eu"].lower()
        weekend = unit == "weekend"
        unit = "week" if weekend else unit
        step = _REL_WORDS[groups["erel"].lower()]
    else:
        word = groups["u"] or groups["wu"]
        if word.lower() == "minggu" and word[0] == "M" and not ctx.tenses.is_sentence_start(match.start()):
            return None  # "Minggu lalu" mid-sentence is last Sunday
        unit = {"pekan": "week", "minggu": "week", "bulan": "month", "tahun": "year"}[word.lower()]
        weekend = bool(groups["we"])
        step = _REL_WORDS[" ".join(groups["rel"].lower().split())]
    if ctx.dct is None:
        value = {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit]
        return Candidate(match.start(), match.end(), "DATE", value + ("-WE" if weekend else ""))
    if step is None:
        step = _weekend_offset(ctx, match.start(), match.end())
    if unit == "week":
        value = iso_week(ctx.dct + timedelta(weeks=step)) + ("-WE" if weekend else "")
    elif unit == "month":
        year, month = shift_months(ctx.dct, step)
        value = f"{year}-{month:02d}"
    else:
        value = str(ctx.dct.year + step)
    return Candidate(match.start(), match.end(), "DATE", value)


# --- amounts of time: "18 bulan", "tiga pekan lalu", "dua hari kemudian", "lima tahun ke depan" --
_AGO = r"(?:yang\s+)?lalu|silam|ago"
_AFTER_DCT = r"lagi|from\s+now|dari\s+sekarang"
_AFTER_REF = r"kemudian|later|setelahnya|sesudahnya"
_BEFORE_REF = r"sebelumnya|earlier|before"
_PERIOD_AHEAD = r"mendatang|ke\s+depan|yang\s+akan\s+datang|terakhir|belakangan(?:\s+ini)?|ini"
_TAIL = r"penuh|pertama|lamanya|berturut-turut|straight|in\s+a\s+row"
AMOUNT_OF_TIME = re.compile(
    rf"(?P<n>{AMOUNT})(?:\s+|-)(?P<u>{UNIT})(?P<lebih>\s+lebih)?"
    rf"(?:\s+(?:(?P<ago>{_AGO})|(?P<after_dct>{_AFTER_DCT})|(?P<after>{_AFTER_REF})|(?P<before>{_BEFORE_REF})"
    rf"|(?P<ahead>{_PERIOD_AHEAD}|{_TAIL}))\b)?",
    FLAGS,
)
_VAGUE = frozenset({"beberapa", "several", "a few", "few", "many", "puluhan", "belasan", "ratusan", "dozens of"})


@lru_cache(maxsize=4096)
def _parse_amount(text: str, language: str | None) -> float | None:
    """parse_number, once per spelling: amounts repeat ("dua", "18") across articles."""
    return parse_number(text, language=language)


def _amount(text: str, ctx: Context) -> float | None:
    """The number in a duration, or -1.0 for a vague amount ("beberapa")."""
    return _amount_in(text, ctx.language)


@lru_cache(maxsize=4096)
def _amount_in(text: str, language: str | None) -> float | None:
    """_amount, once per spelling and language: amounts repeat ("dua", "18", "beberapa")."""
    word = " ".join(text.lower().split())
    if word in _VAGUE:
        return -1.0
    if word in {"a", "an"}:
        return 1.0
    if word == "setengah" or word.startswith("half"):
        return 0.5
    for half in (" setengah", " and a half"):
        if word.endswith(half):
            whole = _parse_amount(word[: -len(half)], language)
            return None if whole is None else whole + 0.5
    return _parse_amount(text, language)


_SECONDS = {"H": 3600, "M": 60, "S": 1}
_SMALLER = {("H", True): ("M", 60), ("M", True): ("S", 60), ("D", False): ("H", 24), ("W", False): ("D", 7)}


def duration_value(amount: float, letter: str, clock: bool) -> str:
    # Decades and centuries are written as years (P10Y, P100Y) when counted.
    if letter in {"DE", "CE"} and amount >= 0:
        amount, letter = amount * (10 if letter == "DE" else 100), "Y"
    prefix = "PT" if clock else "P"
    if amount < 0:
        return f"{prefix}X{letter}"
    if amount != int(amount):
        if letter == "Y" and (amount * 12) == int(amount * 12):
            return f"P{int(amount * 12)}M"
        # A fraction in the next smaller unit: "dua setengah jam" = PT2H30M, "setengah hari" = PT12H.
        smaller = _SMALLER.get((letter, clock))
        if smaller is not None:
            rest = (amount - int(amount)) * smaller[1]
            if rest == int(rest):
                whole = int(amount)
                small = f"{int(rest)}{smaller[0]}"
                if letter == "D":
                    return f"P{whole}DT{small}" if whole else f"PT{small}"
                return f"{prefix}{whole}{letter}{small}" if whole else f"{prefix}{small}"
        return f"{prefix}{amount:g}{letter}"
    return f"{prefix}{int(amount)}{letter}"


def _shifted(ctx: Context, day: date, amount: int, letter: str) -> tuple[str, date | None]:
    """The point ``amount`` units from ``day``, at that unit's precision."""
    if letter == "D":
        shifted = day + timedelta(days=amount)
        return shifted.isoformat(), shifted
    if letter == "W":
        return iso_week(day + timedelta(weeks=amount)), None
    if letter == "M":
        year, month = shift_months(day, amount)
        return f"{year}-{month:02d}", None
    if letter == "Y":
        return str(day.year + amount), None
    if letter == "DE":
        return str(day.year + 10 * amount)[:3], None
    return str(day.year + 100 * amount)[:2], None


def amount_of_time(match: re.Match[str], ctx: Context) -> Candidate | None:
    raw_amount = match.group("n").strip()
    if raw_amount.lower() in {"a", "an"} and match.group(0)[len(raw_amount)] == "-":
        return None
    amount = _amount(raw_amount, ctx)
    unit_word = match.group("u").lower()
    if amount is None or amount > 10_000:
        return None
    if unit_word == "abad" and amount >= 1 and match.group(0).lower().startswith("abad"):
        return None
    letter, clock = UNITS[unit_word]
    start, end = match.start(), match.end()
    whole = amount >= 0 and amount == int(amount)
    if match.group("ago") or match.group("after_dct"):
        sign = -1 if match.group("ago") else 1
        if clock or not whole or ctx.dct is None:
            ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
            return Candidate(start, end, "DATE", ref)
        value, day = _shifted(ctx, ctx.dct, sign * int(amount), letter)
        return Candidate(start, end, "DATE", value, day=day, day_value=value if day else None)
    if match.group("after") or match.group("before"):
        sign = 1 if match.group("after") else -1
        if clock and amount >= 0:
            # "dua jam kemudian": a time after the last clock time told (discourse.py), else an amount.
            seconds = sign * amount * _SECONDS[letter]
            return Candidate(start, end, "DURATION", duration_value(amount, letter, clock), narrative=("shift", seconds))
        if clock or not whole or letter not in {"D", "W", "M", "Y"}:
            return Candidate(start, end, "DURATION", duration_value(amount, letter, clock))
        # Resolved against the last time mentioned before it (or the DCT) once all are known.
        if letter == "W":
            return Candidate(start, end, "DATE", "", anaphor=("D", sign * 7 * int(amount)))
        return Candidate(start, end, "DATE", "", anaphor=(letter, sign * int(amount)))
    value = duration_value(amount, letter, clock)
    mod = "MORE_THAN" if match.group("lebih") else None
    if not match.group("ahead") and match.group("lebih") is None:
        end = match.end("u")
    return Candidate(start, end, "DURATION", value, mod=mod)


SE_DURATION = re.compile(
    rf"\b(?P<se>{SE_UNIT})(?:\s+(?P<ahead>{_PERIOD_AHEAD}|{_TAIL})\b)?(?:\s+(?P<ago>{_AGO}))?"
    rf"(?:\s+(?P<after>{_AFTER_REF})\b)?"
    rf"|\b(?P<plural>{PLURAL_UNIT})",
    FLAGS,
)


def se_duration(match: re.Match[str], ctx: Context) -> Candidate | None:
    if match.group("plural"):
        return Candidate(match.start(), match.end(), "DURATION", f"PX{PLURAL_UNITS[match.group('plural').lower()]}")
    letter = SE_UNITS[match.group("se").lower()]
    clock = letter in {"S", "H"} or match.group("se").lower() == "semenit"
    if clock and match.group("after") and not match.group("ago") and not match.group("ahead"):
        # "sejam kemudian": an hour after the last clock time told (discourse.py), else an amount.
        return Candidate(
            match.start(), match.end(), "DURATION", duration_value(1, letter, clock), narrative=("shift", _SECONDS[letter])
        )
    if match.group("after") and not clock and not match.group("ago") and not match.group("ahead"):
        # "sebulan kemudian": a month after the last time mentioned.
        if letter in {"D", "W"}:
            return Candidate(match.start(), match.end(), "DATE", "", anaphor=("D", 7 if letter == "W" else 1))
        if letter in {"M", "Y"}:
            return Candidate(match.start(), match.end(), "DATE", "", anaphor=(letter, 1))
    if match.group("ago") and ctx.dct is not None and not clock:
        value, day = _shifted(ctx, ctx.dct, -1, letter)
        return Candidate(match.start(), match.end(), "DATE", value, day=day, day_value=value if day else None)
    end = match.end() if match.group("ahead") else match.end("se")
    return Candidate(match.start(), end, "DURATION", duration_value(1, letter, clock))


# English "for years", "for decades".
BARE_PLURAL = re.compile(r"\b(?:for|in|over|within)\s+(?P<u>hours|days|weeks|months|years|decades|centuries)\b", FLAGS)


def bare_plural(match: re.Match[str], ctx: Context) -> Candidate | None:
    letter, clock = UNITS[match.group("u").lower()]
    return Candidate(match.start("u"), match.end(), "DURATION", duration_value(-1, letter, clock))


# --- sets: "setiap 17 Agustus", "setiap hari", "tiap tahun", "every Monday", "dua kali sepekan" --
SET_EXPR = re.compile(
    rf"\b(?:setiap|tiap(?:-tiap)?|saban|every|each)\s+(?:"
    rf"(?:tanggal\s+)?(?P<d>\d{{1,2}})\s+(?P<mon>{MONTH_FULL})"
    rf"|(?P<emon>{MONTH_FULL})\s+(?P<ed>\d{{1,2}})\b"
    rf"|(?:bulan\s+)?(?P<month>{MONTH_FULL})"
    rf"|(?:hari\s+)?(?P<wd>{WEEKDAY})"
    rf"|(?P<pod>{PART_OF_DAY})"
    rf"|(?:(?P<n>{AMOUNT})\s+)?(?P<u>{UNIT})(?:nya)?)"
    rf"|\b(?P<times>sekali|(?:dua|tiga|empat|lima|\d+)\s+kali)\s+(?:dalam\s+)?(?P<se>{SE_UNIT})"
    r"|\b(?P<freq>(?:once|twice|(?:three|four|five|\d+)\s+times|sekali|(?:dua|tiga|\d+)\s+kali)\s+)?"
    r"(?:per|a)\s+(?P<per>tahun|bulan|minggu|pekan|hari|year|month|week|day)\b",
    FLAGS,
)


def set_expr(match: re.Match[str], ctx: Context) -> Candidate | None:
    groups = match.groupdict()
    if groups["per"]:
        previous = ctx.previous_word(match.start())
        if not (groups["freq"] or previous[:1].isdigit()):
            return None
        letter = UNITS[groups["per"].lower()][0]
        return Candidate(match.start(), match.end(), "SET", f"P1{letter}")
    if groups["emon"]:
        day_n = int(groups["ed"])
        if not 1 <= day_n <= 31:
            return None
        value = f"XXXX-{MONTHS[groups['emon'].lower()]:02d}-{day_n:02d}"
    elif groups["mon"]:
        day_n = int(groups["d"])
        if not 1 <= day_n <= 31:
            return None
        value = f"XXXX-{MONTHS[groups['mon'].lower()]:02d}-{day_n:02d}"
    elif groups["month"]:
        value = f"XXXX-{MONTHS[groups['month'].lower()]:02d}"
    elif groups["wd"]:
        if groups["wd"].lower() == "minggu" and groups["wd"][0] == "m":
            value = "P1W"
        else:
            value = f"XXXX-WXX-{WEEKDAYS[groups['wd'].lower()]}"
    elif groups["pod"]:
        value = "XXXX-XX-XXT" + PARTS_OF_DAY[" ".join(groups["pod"].lower().split())]
    elif groups["se"]:
        value = f"P1{SE_UNITS[groups['se'].lower()]}"
    else:
        letter, clock = UNITS[groups["u"].lower()]
        amount = _amount(groups["n"], ctx) if groups["n"] else 1.0
        if amount is None or amount < 0:
            return None
        value = duration_value(amount, letter, clock)
    return Candidate(match.start(), match.end(), "SET", value)


# --- clock times: "pukul 13.21", "jam 7 malam", "13:21", "10 a.m." -------------------------------
CLOCK = re.compile(
    # The lookahead turns away most numbers before any group is tried: a clock time needs a
    # keyword, a colon or a.m./p.m.
    r"(?=(?:pukul|pkl|jam|at)\b|\d{1,2}(?::\d{2}|(?:[.:]\d{2})?\s*[ap]\.?\s?m\b))"
    rf"(?:(?P<kw>pukul|pkl\.?|jam|at)\s+)?(?<![\d.,:])(?P<h>\d{{1,2}})(?:(?P<sep>[.:])(?P<m>\d{{2}}))?"
    rf"(?![\d]|[.,:]\d)(?:\s*(?P<ampm>[ap]\.\s?m\.|[ap]\s?m\b))?(?:\s+(?P<pod>{PART_OF_DAY}))?",
    FLAGS,
)


def clock(match: re.Match[str], ctx: Context) -> Candidate | None:
    keyword = (match.group("kw") or "").lower().rstrip(".")
    ampm = (match.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if keyword in {"", "at"} and not ampm and match.group("sep") != ":":
        return None
    if keyword == "at" and not (ampm or match.group("sep") == ":"):
        return None
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    if hour > 24 or minute > 59 or (ampm and not 1 <= hour <= 12):
        return None
    pod = PARTS_OF_DAY.get(" ".join((match.group("pod") or "").lower().split()))
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    elif pod in {"AF", "EV"} and hour < 12 or pod == "NI" and 6 <= hour < 12:
        hour += 12
    if keyword == "" and match.group("sep") == ":" and ctx.text[match.end() : match.end() + 1] == ":":
        return None
    start = match.start() if keyword != "at" else match.start("h")
    clock_text = f"{hour:02d}:{minute:02d}"
    day_value = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return Candidate(start, match.end(), "TIME", f"{day_value}T{clock_text}", day=ctx.dct, clock=clock_text)


# --- parts of day, kept only when joined to a day: "sore hari", "pagi", "malam itu" -------------
PART_OF_DAY_WORD = re.compile(rf"\b(?:in\s+the\s+)?(?P<pod>{PART_OF_DAY})(?:\s+hari\b)?", FLAGS)


def part_of_day(match: re.Match[str], ctx: Context) -> Candidate | None:
    if ctx.previous_word(match.start()) in {"makan", "jamuan", "acara", "selamat", "good", "pesta"}:
        return None
    pod = PARTS_OF_DAY[" ".join(match.group("pod").lower().split())]
    start = match.start("pod") if match.group(0).lower().startswith("in") else match.start()
    return Candidate(start, match.end(), "TIME", f"T{pod}", pod=pod, weak=True)


# --- PRESENT_REF / PAST_REF / FUTURE_REF ---------------------------------------------------------
_REFS = {**{w: "PRESENT_REF" for w in PRESENT_REFS}, **{w: "PAST_REF" for w in PAST_REFS}}
_REFS.update({w: "FUTURE_REF" for w in FUTURE_REFS})
REFERENCE = re.compile(r"(?<![\w-])" + alternation(_REFS) + r"(?![\w-])", FLAGS)
_MOTION = frozenset("maju melangkah bergerak mundur berjalan jatuh condong tampil duduk berdiri lari melompat".split())


def reference(match: re.Match[str], ctx: Context) -> Candidate | None:
    phrase = " ".join(match.group(0).lower().split())
    previous = ctx.previous_word(match.start())
    if ctx.looks_like_name(match.start()):
        return None
    if phrase in {"dulu", "dahulu"} and previous in {"lebih", "terlebih"}:
        return None
    if phrase == "ke depan" and previous in _MOTION:
        return None
    if phrase == "mendatang" and previous in UNITS:
        return None
    if phrase == "the past" and re.match(r"\s+(?:\w+\s+)?(?:" + "|".join(UNITS) + r")\b", ctx.text[match.end() :]):
        return None  # "the past decade" is an amount of time (past_period)
    if phrase == "soon" and (previous == "as" or ctx.text[match.end() : match.end() + 3].lower() == " as"):
        return None
    return Candidate(match.start(), match.end(), "DATE", _REFS[phrase])



# --- the edge of the current period: "awal tahun", "akhir bulan" (no year or month given) --------
PERIOD_EDGE = re.compile(
    r"\b(?P<edge>awal|pertengahan|akhir|medio)\s+(?P<u>tahun|bulan)\b"
    r"(?!\s*(?:\d|lalu|depan|ini|mendatang|kemarin|ke-|yang|sebelumnya|berikutnya|itu|tersebut))",
    FLAGS,
)
_EDGE_MODS = {"awal": "START", "pertengahan": "MID", "medio": "MID", "akhir": "END"}


def period_edge(match: re.Match[str], ctx: Context) -> Candidate | None:
    following = ctx.text[match.end() : match.end() + 2].strip()
    if following[:1].isupper():
        return None  # "awal bulan Juli" is the month rule's; "akhir tahun Ramadan" is unclear
    mod = _EDGE_MODS[match.group("edge").lower()]
    if match.group("u").lower() == "tahun":
        value = str(ctx.dct.year) if ctx.dct else "XXXX"
    else:
        value = f"{ctx.dct.year}-{ctx.dct.month:02d}" if ctx.dct else "XXXX-XX"
    return Candidate(match.start(), match.end(), "DATE", value, mod=mod)


# --- English "the past decade", "the last two years": amounts of time up to now ----------------
PAST_PERIOD = re.compile(rf"\b(?:past|last|previous)\s+(?:(?P<n>{AMOUNT})\s+)?(?P<u>{UNIT})", FLAGS)


def past_period(match: re.Match[str], ctx: Context) -> Candidate | None:
    if ctx.previous_word(match.start()) != "the":
        return None  # "last week" alone is a date (relative_period)
    letter, clock = UNITS[match.group("u").lower()]
    amount = _amount(match.group("n"), ctx) if match.group("n") else 1.0
    if amount is None:
        return None
    return Candidate(match.start(), match.end(), "DURATION", duration_value(amount, letter, clock))


# --- the narrated time: "hari itu", "saat itu", "pada saat yang sama", "Sabtu malam itu" -----------
NARRATED = re.compile(
    rf"(?:hari\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<wpod>{PART_OF_DAY}))?\s+itu\b"
    rf"|(?P<pod>{PART_OF_DAY})(?:\s+hari)?\s+(?:itu\b|harinya\b)"
    r"|keesokan\s+(?P<next>pagi|siang|sore|petang|malam)nya\b"
    r"|(?P<day>hari\s+itu)\b"
    r"|(?P<same>(?:saat|waktu|ketika)\s+itu|(?:saat|waktu)\s+yang\s+sama|at\s+that\s+time|at\s+the\s+same\s+time)\b"
    r"|that\s+(?P<eday>day)\b|that\s+(?P<epod>morning|afternoon|evening|night)\b",
    FLAGS,
)


def narrated(match: re.Match[str], ctx: Context) -> Candidate | None:
    """Expressions that name the time the narration has reached; discourse.py gives their value."""
    groups = match.groupdict()
    start, end = match.start(), match.end()
    if groups["wd"]:
        if groups["wd"][0].islower():
            return None  # "minggu itu" is that week
        pod = PARTS_OF_DAY[" ".join(groups["wpod"].lower().split())] if groups["wpod"] else None
        return Candidate(start, end, "TIME" if pod else "DATE", "", narrative=("weekday", (WEEKDAYS[groups["wd"].lower()], pod)))
    if groups["next"]:
        return Candidate(start, end, "TIME", "", narrative=("next", PARTS_OF_DAY[groups["next"].lower()]))
    if groups["pod"] or groups["epod"]:
        pod = PARTS_OF_DAY[" ".join((groups["pod"] or groups["epod"]).lower().split())]
        return Candidate(start, end, "TIME", "", narrative=("pod", pod))
    if groups["day"] or groups["eday"]:
        return Candidate(start, end, "DATE", "", narrative=("day", None))
    if ctx.previous_word(start) in {"pada", "sejak", "sampai", "hingga", "sebelum", "setelah", "sesudah", "dan", ""}:
        return Candidate(start, end, "DATE", "", narrative=("same", None))
    return None


# --- a bare part of day after a preposition: "sejak pagi", "hingga malam", "pada siang hari" -----
# It is a part of the day the narration has reached (discourse.py); "makan malam", "malam
# tahun baru" and parts of day joined to a day ("pada malam hari Minggu") are not.
BARE_POD = re.compile(
    rf"(?:sejak|hingga|sampai|pada|untuk|menjelang|through\s+the|by)\s+(?P<pod>{PART_OF_DAY}|dawn|daybreak)(?:\s+hari\b)?"
    r"(?!\s*(?:itu|ini|tadi|harinya|tahun\s+baru|takbiran|natal|hari\s+[A-Z]|\d|\()|\s+(?:hingga|sampai|dan|to|until)\s)",
    FLAGS,
)
_DAWN = {"dawn": "MO", "daybreak": "MO"}


def bare_pod(match: re.Match[str], ctx: Context) -> Candidate | None:
    word = match.group(0).split()[0].lower()
    pod_word = match.group("pod")
    english = word in {"through", "by"}
    if english != (pod_word.lower() in {*_DAWN, "morning", "noon", "midday", "afternoon", "evening", "night"}):
        return None
    if word == "by" and pod_word.lower() not in {*_DAWN, "afternoon", "evening", "night"}:
        return None
    pod = _DAWN.get(pod_word.lower()) or PARTS_OF_DAY[" ".join(pod_word.lower().split())]
    return Candidate(match.start("pod"), match.end(), "TIME", "", narrative=("pod", pod))


OVERNIGHT = re.compile(r"overnight\b(?!\s+(?:flight|train|bus|stay|rate|trip))", FLAGS)


def overnight(match: re.Match[str], ctx: Context) -> Candidate | None:
    """ "Temperatures fell below freezing overnight": the night of the narrated day."""
    return Candidate(match.start(), match.end(), "TIME", "", narrative=("pod", "NI"))


# --- clock times in words: "jam tiga sore", "jam setengah lima", "jam tiga kurang seperempat" ----
_HOUR_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
}
WORD_CLOCK = re.compile(
    r"(?:pukul|jam)\s+(?P<half>setengah\s+)?(?P<h>dua\s+belas|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)\b"
    r"(?:\s+(?P<dir>kurang|lewat|lebih)\s+(?P<q>seperempat|setengah|(?:\d{1,2}|lima|sepuluh|dua\s+puluh)\s+menit))?"
    rf"(?:\s+(?P<pod>{PART_OF_DAY}))?(?!\s*(?:menit|jam|detik|kemudian|lagi|lamanya)\b)",
    FLAGS,
)
_PM_WORDS_RE = re.compile(r"\b(?:sore|petang|malam|siang)\b", re.IGNORECASE)
_AM_WORDS_RE = re.compile(r"\b(?:pagi|subuh|dini\s+hari)\b", re.IGNORECASE)
_CLOCK_BEFORE_RE = re.compile(r"\b(?:pukul\s+)?([01]?\d|2[0-3])[.:]([0-5]\d)\b")


def word_clock(match: re.Match[str], ctx: Context) -> Candidate | None:
    hour = _HOUR_WORDS[" ".join(match.group("h").lower().split())]
    minute = 0
    if match.group("half"):
        hour, minute = hour - 1, 30
    quarter = (match.group("q") or "").lower()
    if quarter:
        amount = 15 if quarter == "seperempat" else 30 if quarter == "setengah" else None
        if amount is None:
            number = quarter.split()[0]
            amount = int(number) if number.isdigit() else {"lima": 5, "sepuluh": 10, "dua": 20}.get(number, 0)
        if match.group("dir").lower() == "kurang":
            hour, minute = hour - 1, 60 - amount
        else:
            minute = amount
    hour %= 12
    pod = PARTS_OF_DAY.get(" ".join((match.group("pod") or "").lower().split()))
    if pod in {"AF", "EV"} or pod == "NI" and hour >= 6 or pod == "MI" and hour < 6:
        hour += 12
    elif pod is None:
        hour = _hour_in_context(ctx.text, match.start(), hour)
    clock_text = f"{hour:02d}:{minute:02d}"
    day_value = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return Candidate(match.start(), match.end(), "TIME", f"{day_value}T{clock_text}", day=ctx.dct, clock=clock_text)


def _hour_in_context(text: str, start: int, hour: int) -> int:
    """Morning or afternoon for "jam tiga" with no part of day: a part of day said just before
    in the sentence ("Tadi sore, kira-kira jam tiga"), else the reading nearest the last clock
    time told in the text, else the hour as written."""
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind('"', 0, start), start - 120)
    before = text[max(0, sentence_start) : start]
    pm, am = list(_PM_WORDS_RE.finditer(before)), list(_AM_WORDS_RE.finditer(before))
    if pm or am:
        last_pm = pm[-1].start() if pm else -1
        last_am = am[-1].start() if am else -1
        return hour + 12 if last_pm > last_am and hour < 12 else hour
    clocks = list(_CLOCK_BEFORE_RE.finditer(text, max(0, start - 600), start))
    if clocks:
        told = int(clocks[-1].group(1)) * 60 + int(clocks[-1].group(2))
        return min((hour, hour + 12), key=lambda h: min(abs(h * 60 - told), 1440 - abs(h * 60 - told)))
    return hour


# --- a clock time written only with its zone: "atau 02.12 WIB", "(0117 GMT)" -----------------------
ZONED_CLOCK = re.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d)|(?P<m2>[0-5]\d))(?=\s+(?:WIB|WITA|WIT|UTC|GMT)\b)"
)


def zoned_clock(match: re.Match[str], ctx: Context) -> Candidate | None:
    if match.group("m2") is not None and (len(match.group("h")) != 2 or ctx.text[max(0, match.start() - 1) : match.start()] != "("):
        return None  # "(0117 GMT)" restates a clock time; "2023 WIB" and "117 GMT" are none
    clock_text = f"{int(match.group('h')):02d}:{match.group('m') or match.group('m2')}"
    day_value = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return Candidate(match.start(), match.end(), "TIME", f"{day_value}T{clock_text}", day=ctx.dct, clock=clock_text)
