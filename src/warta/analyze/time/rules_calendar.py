"""Rules for calendar expressions: dates, weekdays, months, years, decades, centuries, quarters."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from warta.analyze.numbers import parse_roman
from warta.analyze.time.anchor import FUTURE, PAST, resolve_day_month, resolve_month, resolve_weekday
from warta.analyze.time.candidates import Candidate, Context, TenseChoice
from warta.analyze.time.fragments import FLAGS, MONTH_ANY, MONTH_FULL, PART_OF_DAY, WEEKDAY, YEAR
from warta.analyze.time.lexicon import MONTH_ABBREVIATIONS, MONTHS, ORDINALS, PARTS_OF_DAY, WEEKDAYS

# Words after which a bare year or month is a time ("pada 2019", "sejak Juli").
YEAR_CUES = frozenset(
    """pada sejak hingga sampai tahun awal akhir pertengahan medio jelang menjelang selama
    sepanjang semenjak periode in since until till by during from of early late mid before after
    circa through throughout""".split()
)
_WEEKDAY_REL = (
    r"(?:\s+(?P<rel>(?:pekan|minggu)\s+(?:lalu|depan|ini|mendatang)|lalu|kemarin|besok|depan|ini|"
    r"mendatang|nanti|yang\s+lalu)\b)?"
)
_EN_REL = r"(?:(?P<erel>last|next|this|coming|past)\s+)?"
_DAY_POD = rf"(?:\s+(?P<pod>{PART_OF_DAY}))?"
_DATE_REL = r"(?:\s+(?P<drel>lalu|mendatang|depan|nanti|yang\s+lalu|kemarin|ini)\b)?"


def month_number(word: str) -> int | None:
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS.get(key)


def full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def day_candidate(start: int, end: int, day: date | None, fallback: str, pod: str | None = None) -> Candidate:
    """A day; with a part of day ("Sabtu pagi, 17 Agustus 2024") it is a TIME on that day."""
    value = day.isoformat() if day else fallback
    if pod:
        code = PARTS_OF_DAY[" ".join(pod.lower().split())]
        return Candidate(start, end, "TIME", f"{value}T{code}", day=day, day_value=value, pod=code)
    return Candidate(start, end, "DATE", value, day=day, day_value=value)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_TENSES = (PAST, None, FUTURE)


def _choice(start: int, end: int, options: tuple[tuple[str, date | None], ...]) -> TenseChoice | None:
    """The past, tenseless and future readings, or None when the tense changes nothing."""
    if options[0] == options[1] == options[2]:
        return None
    return TenseChoice(start, end, *options)


def _with_choice(cand: Candidate | None, choice: TenseChoice | None) -> Candidate | None:
    if cand is not None:
        cand.tense_choice = choice
    return cand


def _relative_weekday(
    ctx: Context, weekday: int, rel: str | None, start: int, end: int
) -> tuple[date | None, TenseChoice | None]:
    """The weekday's date, and when that hangs on the sentence's tense, the choice of dates."""
    if ctx.dct is None:
        return None, None
    day, options = _weekday_reading(ctx.dct, weekday, rel)
    return day, None if options is None else _choice(start, end, options)


@lru_cache(maxsize=4096)
def _weekday_reading(
    dct: date, weekday: int, rel: str | None
) -> tuple[date, tuple[tuple[str, date], ...] | None]:
    """The weekday's date, and the readings by tense when it hangs on the tense: once per
    DCT, weekday and relative word as written (an article names its days again and again)."""
    words = (rel or "").lower().split()
    if words[:1] in (["pekan"], ["minggu"]):
        # "Senin pekan depan": that weekday in the week before, of, or after the DCT's week.
        step = {"lalu": -1, "depan": 1, "mendatang": 1}.get(words[-1], 0)
        monday = dct.toordinal() - dct.isoweekday() + 1
        return date.fromordinal(monday + 7 * step + weekday - 1), None
    rel = words[-1] if words else None
    if rel in {"lalu", "kemarin", "last", "past"}:
        back = (dct.isoweekday() - weekday) % 7 or 7
        return date.fromordinal(dct.toordinal() - back), None
    if rel in {"depan", "mendatang", "nanti", "next", "coming", "besok"}:
        ahead = (weekday - dct.isoweekday()) % 7 or 7
        return date.fromordinal(dct.toordinal() + ahead), None
    if weekday == dct.isoweekday():
        return dct, None
    options = _weekday_options(dct, weekday)
    return options[1][1], options


# The readings of a bare weekday, month or day-month in a past, a tenseless and a future
# sentence hang only on the DCT: worked out once per DCT, not at every mention.
@lru_cache(maxsize=4096)
def _weekday_options(dct: date, weekday: int) -> tuple[tuple[str, date], ...]:
    return tuple((day.isoformat(), day) for day in (resolve_weekday(dct, weekday, t) for t in _TENSES))


@lru_cache(maxsize=4096)
def _month_options(dct: date, month: int) -> tuple[tuple[str, None], ...]:
    return tuple((f"{resolve_month(dct, month, t)}-{month:02d}", None) for t in _TENSES)


@lru_cache(maxsize=4096)
def _day_month_options(dct: date, month: int, day: int) -> tuple[tuple[str, date], ...] | None:
    """None when the day does not exist (31 June) in the years around the DCT."""
    days = [resolve_day_month(dct, month, day, t) for t in _TENSES]
    if any(d is None for d in days):
        return None
    return tuple((d.isoformat(), d) for d in days if d is not None)  # (all are; for the type checker)


@lru_cache(maxsize=4096)
def _tenseless_day_month(dct: date, month: int, day: int) -> date | None:
    """resolve_day_month with no tense, once per DCT and day: "Senin (11/9)" names the same
    day in every sentence of an article."""
    return resolve_day_month(dct, month, day, None)


def _is_week_word(match: re.Match[str], ctx: Context, group: str) -> bool:
    """Lower-case "minggu" is the week; capital "Minggu" at a sentence start followed by
    lalu/depan/ini is too ("Minggu lalu, ..." = last week)."""
    word = match.group(group)
    if word.lower() != "minggu":
        return False
    if word[0] == "m":
        return True
    rel = match.groupdict().get("rel")
    has_hari = match.group(0).lower().startswith("hari")
    return bool(rel) and not has_hari and ctx.tenses.is_sentence_start(match.start())


# --- weekday with a numeric date in brackets: "Senin (11/9/2023)" --------------------------------
WEEKDAY_BRACKET = re.compile(
    rf"(?:hari\s+)?(?P<wd>{WEEKDAY}){_DAY_POD}\s*\(\s*(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})"
    rf"(?:[/.-](?P<y>\d{{4}}|\d{{2}}))?\s*\)",
    FLAGS,
)


def weekday_bracket(match: re.Match[str], ctx: Context) -> Candidate | None:
    day_text, month_text, year_text, pod = match.group("d", "m", "y", "pod")  # one call for the four
    day_n, month_n = int(day_text), int(month_text)
    start, end = match.span()
    if year_text:
        day = _safe_date(full_year(year_text), month_n, day_n)
        if day is None:
            return None
        return day_candidate(start, end, day, "", pod)
    if ctx.dct is None:
        if not (1 <= month_n <= 12 and 1 <= day_n <= 31):
            return None
        return day_candidate(start, end, None, f"XXXX-{month_n:02d}-{day_n:02d}", pod)
    day = _tenseless_day_month(ctx.dct, month_n, day_n)
    return day_candidate(start, end, day, "", pod) if day else None


# --- "Selasa, 12 September 2023", "12 Sept", "tanggal 17 Agustus" -------------------------------
DATE_DAY_MONTH = re.compile(
    rf"(?:(?:hari\s+)?(?P<wd>{WEEKDAY}){_DAY_POD}\s*,?\s+)?(?:(?:tanggal|tgl\.?)\s+)?"
    rf"(?<![\d.,/-])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_ANY})"
    rf"(?:,?\s+(?:tahun\s+)?(?P<y>{YEAR})|{_DATE_REL})",
    FLAGS,
)
# --- "September 10, 2023", "Tuesday, Sept. 12" --------------------------------------------------
DATE_MONTH_DAY = re.compile(
    rf"(?:(?P<wd>{WEEKDAY}){_DAY_POD},?\s+)?(?P<mon>{MONTH_ANY})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?![.,:]\d)(?:,?\s+(?P<y>{YEAR}))?",
    FLAGS,
)


def _named_date(match: re.Match[str], ctx: Context, english_order: bool) -> Candidate | None:
    mon_word = match.group("mon")
    if english_order and not mon_word[0].isupper():
        return None  # "may 5" is a modal verb and a number
    if english_order and mon_word.lower().rstrip(".") in {"mar", "jun", "jan", "des"} and not match.group("y"):
        return None
    month_n = month_number(mon_word)
    day_n = int(match.group("d"))
    if month_n is None or not 1 <= day_n <= 31:
        return None
    pod = match.group("pod")
    drel = (match.groupdict().get("drel") or "").lower().split()
    if match.group("y"):
        day = _safe_date(int(match.group("y")), month_n, day_n)
    elif ctx.dct is not None:
        if drel[-1:] in (["lalu"], ["kemarin"]):
            tense: str | None = PAST
        elif drel[-1:] in (["mendatang"], ["depan"], ["nanti"]):
            tense = FUTURE
        else:
            options = _day_month_options(ctx.dct, month_n, day_n)
            if options is None:  # no such day (31 June): the same in every tense
                return None
            cand = day_candidate(match.start(), match.end(), options[1][1], options[1][0], pod)
            return _with_choice(cand, _choice(match.start(), match.end(), options))
        day = resolve_day_month(ctx.dct, month_n, day_n, tense)
    else:
        return day_candidate(match.start(), match.end(), None, f"XXXX-{month_n:02d}-{day_n:02d}", pod)
    if day is None:
        return None
    return day_candidate(match.start(), match.end(), day, day.isoformat(), pod)


def date_day_month(match: re.Match[str], ctx: Context) -> Candidate | None:
    return _named_date(match, ctx, english_order=False)


def date_month_day(match: re.Match[str], ctx: Context) -> Candidate | None:
    return _named_date(match, ctx, english_order=True)


# --- numeric dates, day first: "11/9/2023", "11-9-2023", ISO "2023-09-11" ----------------------
DATE_NUMERIC = re.compile(
    r"(?<![\d.,/-])(?:(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"|(?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})-(?P<id>\d{2}))(?![\d/.-]\d|[\d/])",
    FLAGS,
)


def date_numeric(match: re.Match[str], ctx: Context) -> Candidate | None:
    if match.group("iy"):
        day = _safe_date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
    else:
        year_text = match.group("y")
        if len(year_text) == 2 and match.group("sep") != "/":
            return None  # "12-05-23" is more often a code than a date
        if match.group("sep") == "." and len(year_text) != 4:
            return None
        day_n, month_n = int(match.group("d")), int(match.group("m"))
        if month_n > 12 and day_n <= 12:
            day_n, month_n = month_n, day_n  # unambiguous US order
        day = _safe_date(full_year(year_text), month_n, day_n)
    if day is None or not 1900 <= day.year <= 2099:
        return None
    return day_candidate(match.start(), match.end(), day, day.isoformat())


# --- bare weekdays: "Selasa", "hari Minggu lalu", "last Monday" --------------------------------
WEEKDAY_ALONE = re.compile(rf"{_EN_REL}(?:hari\s+)?(?P<wd>{WEEKDAY}){_WEEKDAY_REL}", FLAGS)


def weekday_alone(match: re.Match[str], ctx: Context) -> Candidate | None:
    word, rel, english_rel = match.group("wd", "rel", "erel")  # one call for the three
    if not word[0].isupper():
        return None
    lowered = word.lower()
    if lowered == "minggu" and _is_week_word(match, ctx, "wd"):  # (no other word is one)
        return None
    weekday = WEEKDAYS[lowered]
    start, end = match.span()
    day, choice = _relative_weekday(ctx, weekday, rel or english_rel, start, end)
    if rel and rel.lower() == "ini" and day is None:
        end = match.start("rel") - 1
    cand = day_candidate(start, end, day, f"XXXX-WXX-{weekday}")
    cand.tense_choice = choice
    return cand


# --- months: "Juli 2023", "bulan Juli", "pada Desember", "Juli lalu", "last July" ---------------
MONTH_YEAR = re.compile(
    rf"(?:(?:bulan|bln\.?)\s+)?(?P<mon>{MONTH_FULL})\s+(?:(?:tahun|of)\s+)?(?P<y>{YEAR})", FLAGS
)
MONTH_ALONE = re.compile(
    rf"{_EN_REL}(?P<bulan>bulan\s+)?(?P<mon>{MONTH_FULL})"
    r"(?:\s+(?P<rel>lalu|kemarin|depan|ini|mendatang|nanti|yang\s+lalu|silam|tahun\s+ini|tahun\s+lalu|"
    r"tahun\s+depan))?",
    FLAGS,
)


def month_year(match: re.Match[str], ctx: Context) -> Candidate | None:
    month_n = month_number(match.group("mon"))
    if month_n is None or not match.group("mon")[0].isupper():
        return None
    return Candidate(match.start(), match.end(), "DATE", f"{match.group('y')}-{month_n:02d}")


def _bare_month_is_time(match: re.Match[str], ctx: Context) -> bool:
    """A month name alone is a time after a cue word ("pada Juli"), or mid-sentence after a
    lower-case word and not followed by a capitalised one ("dibandingkan April", not "April Jones")."""
    previous = ctx.previous_word(match.start())
    if previous in YEAR_CUES:
        return True
    if match.group("mon").lower() in {"may", "march", "april", "mei", "juni", "june"} and not previous:
        return False
    following = ctx.text[match.end() : match.end() + 2].strip()
    return bool(previous) and previous.isalpha() and previous.islower() and not following[:1].isupper()


def month_alone(match: re.Match[str], ctx: Context) -> Candidate | None:
    word = match.group("mon")
    month_n = month_number(word)
    if month_n is None or not word[0].isupper():
        return None
    rel = (match.group("rel") or match.group("erel") or "").lower().split()
    if not match.group("bulan") and not rel and not _bare_month_is_time(match, ctx):
        return None
    if word.lower() == "may" and not rel and ctx.previous_word(match.start()) not in {"in", "since", "of", "until", "by"}:
        return None
    if ctx.dct is None:
        return Candidate(match.start(), match.end(), "DATE", f"XXXX-{month_n:02d}")
    last = rel[-1] if rel else None
    if rel[:1] == ["tahun"] or last in {"tahun"}:
        last = rel[-1]
        year = ctx.dct.year + {"ini": 0, "lalu": -1, "depan": 1}[last]
    elif last in {"lalu", "kemarin", "silam", "last", "past"}:
        year = ctx.dct.year if month_n < ctx.dct.month else ctx.dct.year - 1
    elif last in {"depan", "mendatang", "nanti", "next", "coming"}:
        year = ctx.dct.year if month_n > ctx.dct.month else ctx.dct.year + 1
    elif last in {"ini", "this"}:
        year = ctx.dct.year
    else:
        options = _month_options(ctx.dct, month_n)
        cand = Candidate(match.start(), match.end(), "DATE", options[1][0])
        return _with_choice(cand, _choice(match.start(), match.end(), options))
    return Candidate(match.start(), match.end(), "DATE", f"{year}-{month_n:02d}")


# --- years: "tahun 2019", "pada 2019" (the span is "2019"), "2019 lalu" --------------------------
_COUNTED_NOUN_RE = re.compile(
    r"\s*(?:orang|personel|unit|km|meter|ton|kg|%|persen|rupiah|dolar|jiwa|warga)\b", re.IGNORECASE
)
YEAR_ALONE = re.compile(
    rf"(?:(?P<kw>tahun(?:\s+anggaran)?|thn\.?)\s+)?(?P<y>{YEAR})(?:\s+(?:lalu|silam))?(?!\s*-?\s*an\b|'?s\b)", FLAGS
)
# Words after which a bare year is one: "kapal buatan 1996", "well into 2024", "dates back to 2002".
_MORE_YEAR_CUES = frozenset("sekitar buatan produksi kelahiran angkatan serentak into to".split())
# A year in a list after another: "pada 1844, 1910, dan 2000", "pada 2015 dan 2019".
_LISTED_YEAR_RE = re.compile(r"\b(?:1[5-9]|20)\d\d(?:\s*,\s*(?:dan\s+|and\s+)?|\s+(?:dan|and|atau|or)\s+)$")
# "Pemilihan Umum 2024", "Liga Voli Nusantara 2025": a year that ends a name. Not a number
# after a word that numbers things ("Room 1945", "Pasal 2019") or a licence plate ("B 1945 KJT").
_NAME_WORD_RE = re.compile(r"\b[A-Z][a-z]{2,}\s+$")
_NUMBERING_WORDS = frozenset("room kamar nomor pasal jalan gate flight tps km rt rw kode seri type tipe model".split())
_CAPITAL_AFTER_RE = re.compile(r"\s+[A-Z]")


def year_alone(match: re.Match[str], ctx: Context) -> Candidate | None:
    previous = ctx.previous_word(match.start())
    if not match.group("kw") and previous not in YEAR_CUES and not _bare_year(match, ctx, previous):
        return None
    if _COUNTED_NOUN_RE.match(ctx.text, match.end()):
        return None  # "pada 2019 orang" counts people
    return Candidate(match.start(), match.end(), "DATE", match.group("y"))


def _bare_year(match: re.Match[str], ctx: Context, previous: str) -> bool:
    text, start = ctx.text, match.start()
    year = int(match.group("y"))
    if not 1800 <= year <= 2100:
        return False
    if previous in _MORE_YEAR_CUES:
        return previous not in {"to", "into"} or 1950 <= year <= 2100
    if _LISTED_YEAR_RE.search(text, max(0, start - 12), start):
        return True
    after_capital = _CAPITAL_AFTER_RE.match(text, match.end())
    if previous == "the":
        return after_capital is not None  # "the 1939 Erzincan earthquake"
    name = _NAME_WORD_RE.search(text, max(0, start - 20), start)
    return (
        name is not None and 1950 <= year <= 2100 and previous not in _NUMBERING_WORDS
        and after_capital is None and text[start - len(name.group(0)) - 2 : start - len(name.group(0))].strip() not in {".", ""}
    )


# --- decades: "1980an", "1990-an", "era 1990-an", "tahun 80-an", "the 1990s" -------------------
DECADE = re.compile(
    r"(?:(?P<kw>dekade|dasawarsa|era|tahun|masa)\s+)?"
    r"(?:(?<!\d)(?P<c>1[5-9]|20)(?P<d>\d)0(?:\s*-\s*an|an|'?s)|'?(?P<d2>\d)0(?:-an|an|'s|s))\b",
    FLAGS,
)


def decade(match: re.Match[str], ctx: Context) -> Candidate | None:
    if match.group("c"):
        value = match.group("c") + match.group("d")
    else:
        if not match.group("kw") and not match.group(0).startswith("'") and ctx.previous_word(match.start()) != "the":
            return None  # "usia 20-an" is an age
        value = "19" + match.group("d2")
    return Candidate(match.start(), match.end(), "DATE", value)


# --- centuries: "abad ke-15" -> 14, "abad XXI" -> 20, "the 21st century" -> 20 ------------------
CENTURY = re.compile(
    r"abad\s+(?:ke\s*-?\s*(?P<n>\d{1,2})|(?P<r>[IVXL]{1,6})\b|(?P<n2>\d{1,2})\b)"
    r"|(?P<en>\d{1,2})(?:st|nd|rd|th)\s+century",
    FLAGS,
)


def century(match: re.Match[str], ctx: Context) -> Candidate | None:
    if match.group("r"):
        number = parse_roman(match.group("r"))
    else:
        number = int(match.group("n") or match.group("n2") or match.group("en"))
    if not number or not 1 <= number <= 22:
        return None
    return Candidate(match.start(), match.end(), "DATE", f"{number - 1:02d}")


# --- quarters and halves: "kuartal III 2025", "semester I", "the third quarter of 2024" ---------
_ROMAN_OR_ORDINAL = r"(?:(?P<r>IV|I{1,3})\b|(?P<o>pertama|kesatu|kedua|ketiga|keempat)\b|ke-?(?P<n>[1-4])\b|(?P<n2>[1-4])\b)"
_PERIOD_YEAR = rf"(?:\s+(?:(?P<tahun>tahun)\s+)?(?:(?P<y>{YEAR})|(?P<yrel>ini|lalu|depan|mendatang)\b))?"
_PERIOD_REL = r"(?P<prel>lalu|sebelumnya|ini|depan|mendatang|berikutnya|yang\s+lalu)\b"
QUARTER = re.compile(
    rf"(?P<kind>kuartal|kwartal|triwulan|semester|paruh)\s+(?:{_ROMAN_OR_ORDINAL}{_PERIOD_YEAR}|{_PERIOD_REL})"
    rf"|(?P<eo>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<ekind>quarter|half)"
    rf"(?:\s+of\s+(?:(?P<ey>{YEAR})|(?P<eyrel>this|last|next)\s+year))?"
    rf"|\b(?P<qkind>[QH])(?P<qn>[1-4])(?:\s*[-/]?\s*(?P<qy>{YEAR}))?\b",
    re.IGNORECASE,
)


def quarter(match: re.Match[str], ctx: Context) -> Candidate | None:
    groups = match.groupdict()
    if groups["qkind"]:
        if not groups["qkind"].isupper() or not groups["qy"]:
            return None
        letter, number, year_text, year_rel = groups["qkind"].upper(), int(groups["qn"]), groups["qy"], None
    elif groups["ekind"]:
        letter = "Q" if groups["ekind"].lower() == "quarter" else "H"
        number = ORDINALS[groups["eo"].lower()]
        year_text = groups["ey"]
        year_rel = {"this": "ini", "last": "lalu", "next": "depan"}.get((groups["eyrel"] or "").lower())
    elif groups["prel"]:
        return _relative_quarter(match, ctx)
    else:
        kind = groups["kind"].lower()
        letter = "H" if kind in {"semester", "paruh"} else "Q"
        if groups["r"]:
            if not groups["r"].isupper():
                return None
            number = parse_roman(groups["r"]) or 0
        elif groups["o"]:
            number = ORDINALS[groups["o"].lower()]
        else:
            number = int(groups["n"] or groups["n2"])
        year_text, year_rel = groups["y"], (groups["yrel"] or "").lower() or None
        if year_rel and not groups["tahun"] and ctx.dct is not None and year_rel != "ini":
            # "semester I lalu" is the latest first half already over, "kuartal IV mendatang"
            # the next fourth quarter to come: the year moves only when it has to.
            size = 3 if letter == "Q" else 6
            current = (ctx.dct.month - 1) // size + 1
            shift = 0
            if year_rel == "lalu" and number >= current:
                shift = -1
            elif year_rel in {"depan", "mendatang"} and number <= current:
                shift = 1
            year_text, year_rel = str(ctx.dct.year + shift), None
    if letter == "H" and number > 2:
        return None
    if year_text:
        year = year_text
    elif ctx.dct is not None:
        year = str(ctx.dct.year + {"lalu": -1, "depan": 1}.get(year_rel or "", 0))
    else:
        year = "XXXX"
    return Candidate(match.start(), match.end(), "DATE", f"{year}-{letter}{number}")



def _relative_quarter(match: re.Match[str], ctx: Context) -> Candidate | None:
    """ "kuartal lalu" = the quarter before the DCT's; "triwulan sebelumnya" counts from the
    last time mentioned instead."""
    letter = "H" if match.group("kind").lower() in {"semester", "paruh"} else "Q"
    word = match.group("prel").lower().split()[-1]
    step = {"lalu": -1, "sebelumnya": -1, "ini": 0, "depan": 1, "mendatang": 1, "berikutnya": 1}[word]
    if word in {"sebelumnya", "berikutnya"}:
        return Candidate(match.start(), match.end(), "DATE", "", anaphor=(letter, step))
    if ctx.dct is None:
        return Candidate(match.start(), match.end(), "DATE", f"XXXX-{letter}X")
    size = 3 if letter == "Q" else 6
    index = ctx.dct.year * (12 // size) + (ctx.dct.month - 1) // size + step
    return Candidate(match.start(), match.end(), "DATE", f"{index // (12 // size)}-{letter}{index % (12 // size) + 1}")


# --- anaphoric periods: "tahun yang sama", "bulan sebelumnya", "keesokan harinya" ---------------
ANAPHORIC = re.compile(
    r"\b(?:(?P<unit>hari|pekan|minggu|bulan|tahun)\s+(?P<rel>yang\s+sama|sebelumnya|berikutnya|setelahnya)"
    r"|(?P<next_day>keesokan\s+harinya|keesokan\s+hari|esok\s+harinya|(?:the\s+)?(?:following|next)\s+day)"
    r"|(?P<prev_day>sehari\s+sebelumnya|(?:the\s+)?day\s+before|(?:the\s+)?previous\s+day)"
    r"|(?:the\s+)?(?P<eword>same|following|previous)\s+(?P<eunit>day|week|month|year))\b",
    FLAGS,
)
_ANAPHOR_UNITS = {"hari": "D", "pekan": "W", "minggu": "W", "bulan": "M", "tahun": "Y",
                  "day": "D", "week": "W", "month": "M", "year": "Y"}


def anaphoric(match: re.Match[str], ctx: Context) -> Candidate | None:
    groups = match.groupdict()
    if groups["next_day"]:
        unit, step = "D", 1
    elif groups["prev_day"]:
        unit, step = "D", -1
    elif groups["eunit"]:
        unit = _ANAPHOR_UNITS[groups["eunit"].lower()]
        step = {"same": 0, "following": 1, "previous": -1}[groups["eword"].lower()]
    else:
        unit = _ANAPHOR_UNITS[groups["unit"].lower()]
        word = groups["rel"].lower().split()[-1]
        step = {"sama": 0, "sebelumnya": -1, "berikutnya": 1, "setelahnya": 1}[word]
    start = match.start()
    if match.group(0).lower().startswith("the "):
        start += 4
    if unit == "W":
        return None  # weeks are rarely anaphoric in news; leave them out rather than guess
    return Candidate(start, match.end(), "DATE", "", anaphor=(unit, step))


# --- day ranges: "11-12 September 2023" is two dates ---------------------------------------------
DAY_RANGE = re.compile(
    rf"(?<![\d.,/-])(?P<d1>\d{{1,2}})\s*(?:-|–|hingga|sampai|s\.d\.?|sd|to|and|dan)\s*"
    rf"(?P<d>\d{{1,2}})\s+(?P<mon>{MONTH_ANY})(?:,?\s+(?:tahun\s+)?(?P<y>{YEAR}))?",
    FLAGS,
)


def day_range(match: re.Match[str], ctx: Context) -> list[Candidate] | None:
    month_n = month_number(match.group("mon"))
    first_n, last_n = int(match.group("d1")), int(match.group("d"))
    if month_n is None or not 1 <= first_n < last_n <= 31:
        return None
    if match.group("y"):
        year: int | None = int(match.group("y"))
    elif ctx.dct is not None:
        resolved = resolve_day_month(ctx.dct, month_n, last_n, ctx.tense(match.start(), match.end()))
        year = resolved.year if resolved else None
    else:
        year = None
    second_start = match.start("d")
    if year is None:
        if ctx.dct is not None:
            return None
        return [
            day_candidate(match.start(), match.end("d1"), None, f"XXXX-{month_n:02d}-{first_n:02d}"),
            day_candidate(second_start, match.end(), None, f"XXXX-{month_n:02d}-{last_n:02d}"),
        ]
    first, last = _safe_date(year, month_n, first_n), _safe_date(year, month_n, last_n)
    if first is None or last is None:
        return None
    return [
        day_candidate(match.start(), match.end("d1"), first, first.isoformat()),
        day_candidate(second_start, match.end(), last, last.isoformat()),
    ]


# --- year ranges: "periode 2018-2023", "tahun 2019-2020" are two years --------------------------
YEAR_RANGE = re.compile(
    rf"(?:(?P<kw>tahun|periode)\s+)?(?P<y1>{YEAR})\s*(?:-|–|/|hingga|sampai)\s*(?P<y2>(?:1\d{{3}}|20\d{{2}}))(?![\d]|[.,]\d)",
    FLAGS,
)


def year_range(match: re.Match[str], ctx: Context) -> list[Candidate] | None:
    if not match.group("kw") and ctx.previous_word(match.start()) not in YEAR_CUES | {"periode"}:
        return None
    first, second = int(match.group("y1")), int(match.group("y2"))
    if not first < second <= first + 30:
        return None  # not a range of years: a code, a score, a count
    first_start = match.start() if match.group("kw") == "tahun" or not match.group("kw") else match.start("y1")
    return [
        Candidate(first_start, match.end("y1"), "DATE", match.group("y1")),
        Candidate(match.start("y2"), match.end("y2"), "DATE", match.group("y2")),
    ]
