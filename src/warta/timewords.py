"""TIMEX3 values in words, for people: "2024-11-03TNI" -> "Minggu, 3 November 2024, malam"
(Indonesian) or "Sunday 3 November 2024, night" (English).

Every page, export or table meant for a person shows values through :func:`render_value`;
JSON keeps the values themselves. TIMEX3 has one code for night (``TNI``) and Indonesian
news also say "dini hari" (the small hours, about 00:00-04:00): pass the expression's text
and a ``TNI`` it says "dini hari" for is rendered as such ("small hours").
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
_WEEKDAYS = {
    "id": ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
_PARTS = {
    "id": {"MO": "pagi", "MI": "siang", "AF": "sore", "EV": "petang", "NI": "malam", "DT": "siang hari",
           "SH": "dini hari"},
    "en": {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime",
           "SH": "small hours"},
}
_ZONES = {"+07:00": "WIB", "+08:00": "WITA", "+09:00": "WIT", "+00:00": "UTC"}
_UNITS = {
    "id": {"Y": "tahun", "M": "bulan", "W": "pekan", "D": "hari", "TH": "jam", "TM": "menit", "TS": "detik"},
    "en": {"Y": "year", "M": "month", "W": "week", "D": "day", "TH": "hour", "TM": "minute", "TS": "second"},
}
_WORDS = {
    "id": {"week": "pekan ke-{n} {y}", "weekend": "akhir pekan ke-{n} {y}", "Q": "kuartal {n} {y}",
           "H": "semester {n} {y}", "decade": "dekade {d}0-an", "century": "abad ke-{n}",
           "PRESENT_REF": "saat ini", "PAST_REF": "masa lalu", "FUTURE_REF": "masa depan",
           "every": "setiap {x}", "some": "beberapa", "and": "dan"},
    "en": {"week": "week {n} of {y}", "weekend": "weekend of week {n}, {y}", "Q": "Q{n} {y}",
           "H": "H{n} {y}", "decade": "the {d}0s", "century": "{nth} century",
           "PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future",
           "every": "every {x}", "some": "some", "and": "and"},
}
_MODS = {
    "id": {"START": "awal {x}", "MID": "pertengahan {x}", "END": "akhir {x}", "APPROX": "sekitar {x}",
           "MORE_THAN": "lebih dari {x}", "LESS_THAN": "kurang dari {x}", "EQUAL_OR_MORE": "setidaknya {x}",
           "ON_OR_AFTER": "paling cepat {x}", "ON_OR_BEFORE": "paling lambat {x}"},
    "en": {"START": "early {x}", "MID": "mid {x}", "END": "late {x}", "APPROX": "about {x}",
           "MORE_THAN": "more than {x}", "LESS_THAN": "less than {x}", "EQUAL_OR_MORE": "at least {x}",
           "ON_OR_AFTER": "{x} at the earliest", "ON_OR_BEFORE": "no later than {x}"},
}

_POINT = re.compile(
    r"^(?P<y>\d{4}|XXXX)(?:-(?:(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?|W(?P<w>\d{2}|XX)(?:-(?P<wd>[1-7]))?(?P<we>-WE)?"
    r"|(?P<q>[QH])(?P<qn>\d|X)|(?P<season>SP|SU|FA|WI)))?"
    r"(?:T(?:(?P<part>MO|AF|EV|NI|MI|DT|SH)|(?P<hh>\d{2}):(?P<mm>\d{2})(?::(?P<ss>\d{2}))?(?P<tz>[+-]\d{2}:\d{2}|Z)?))?$"
)
_DURATION = re.compile(r"^PT?(?:[\dX.]+[YMWDHS])+(?:T(?:[\dX.]+[HMS])+)?$")
_DURATION_PART = re.compile(r"([\dX.]+)([YMWDHS])")


def _lang(language: str | None) -> str:
    return "en" if (language or "id").lower().startswith("en") else "id"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _plural(word: str, amount: str, lang: str) -> str:
    return word + "s" if lang == "en" and amount not in {"1", "1.0"} else word


def _duration(value: str, lang: str) -> str | None:
    if not _DURATION.match(value):
        return None
    date_part, _, time_part = value[1:].partition("T")
    pieces: list[str] = []
    for part, prefix in ((date_part, ""), (time_part, "T")):
        for amount, unit in _DURATION_PART.findall(part):
            word = _UNITS[lang][prefix + unit if prefix else unit]
            if amount == "X":
                pieces.append(f"{_WORDS[lang]['some']} {_plural(word, '2', lang)}")
            else:
                shown = amount.replace(".", ",") if lang == "id" else amount
                pieces.append(f"{shown} {_plural(word, amount, lang)}")
    if not pieces:
        return None
    joiner = f" {_WORDS[lang]['and']} "
    return pieces[0] if len(pieces) == 1 else ", ".join(pieces[:-1]) + joiner + pieces[-1]


def _point(value: str, lang: str, part_override: str | None) -> str | None:
    match = _POINT.match(value)
    if not match:
        return None
    g = match.groupdict()
    words = _WORDS[lang]
    year = g["y"] if g["y"] != "XXXX" else ""
    out: str
    if g["w"]:
        if g["w"] == "XX":
            out = _WEEKDAYS[lang][int(g["wd"]) - 1] if g["wd"] else ("pekan" if lang == "id" else "week")
        else:
            out = words["weekend" if g["we"] else "week"].format(n=int(g["w"]), y=year).strip()
            if g["wd"]:
                out = f"{_WEEKDAYS[lang][int(g['wd']) - 1]}, {out}"
    elif g["q"]:
        out = words[g["q"]].format(n=g["qn"], y=year).strip()
    elif g["season"]:
        out = f"{g['season']} {year}".strip()
    elif g["m"] and g["m"] != "XX" and 1 <= int(g["m"]) <= 12:
        month = _MONTHS[lang][int(g["m"]) - 1]
        if g["d"] and g["d"] != "XX":
            day = int(g["d"])
            weekday = ""
            if year:
                try:
                    weekday = _WEEKDAYS[lang][date(int(year), int(g["m"]), day).weekday()]
                except ValueError:
                    return None
            sep = ", " if lang == "id" else " "
            out = f"{weekday}{sep if weekday else ''}{day} {month} {year}".strip()
        else:
            out = f"{month} {year}".strip()
    else:
        out = year
    if g["part"]:
        part = part_override if part_override and g["part"] == "NI" else g["part"]
        out = f"{out}, {_PARTS[lang][part]}" if out else _PARTS[lang][part]
    elif g["hh"]:
        clock = f"{g['hh']}.{g['mm']}" if lang == "id" else f"{g['hh']}:{g['mm']}"
        zone = g["tz"]
        if zone:
            clock += " " + _ZONES.get(zone, "UTC" + (zone if zone != "Z" else ""))
        out = f"{out}, {'pukul ' if lang == 'id' else ''}{clock}" if out else clock
    return out or None


def render_value(
    value: str | None, language: str | None = "id", *, text: str | None = None, mod: str | None = None
) -> str:
    """``value`` (a TIMEX3 value) in words in Indonesian (``language`` "id", the default) or
    English ("en"). ``text`` is the expression as written (it tells "dini hari" from "malam"
    under one TIMEX3 code), ``mod`` its modifier. A value it cannot read comes back as given."""
    raw = str(value or "")
    if not raw:
        return ""
    lang = _lang(language)
    words = _WORDS[lang]
    out: str | None
    if raw in {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}:
        out = words[raw]
    elif re.fullmatch(r"\d{3}", raw):
        out = words["decade"].format(d=raw)
    elif re.fullmatch(r"\d{2}", raw):
        out = words["century"].format(n=int(raw) + 1, nth=_ordinal(int(raw) + 1))
    else:
        small_hours = bool(text and "dini hari" in " ".join(text.lower().split()))
        out = _duration(raw, lang) or _point(raw, lang, "SH" if small_hours else None)
    if out is None:
        return raw
    if mod and mod in _MODS[lang]:
        out = _MODS[lang][mod].format(x=out)
    return out


def render_set(value: str | None, language: str | None = "id") -> str:
    """A SET value ("P1W", "XXXX-WXX-2") in words: "setiap 1 pekan" / "every Tuesday"."""
    lang = _lang(language)
    return _WORDS[lang]["every"].format(x=render_value(value, lang))


def render_timex(timex: object, language: str | None = "id") -> str:
    """A Timex record (or a dict with type, value, text, mod) in words."""
    get = timex.get if isinstance(timex, dict) else lambda key: getattr(timex, key, None)
    if get("type") == "SET":
        return render_set(get("value"), language)
    return render_value(get("value"), language, text=get("text"), mod=get("mod"))
