"""Time through the discourse: the day (and clock time) the narration has reached.

A news article published on Monday tells what happened on Sunday morning, then says "pukul
06.17", "hari itu", "sejam kemudian", "Sabtu malam itu". The narrated day starts at the DCT
and moves with every expression that names a calendar day ("Minggu (3/11/2024)", "pada 2
Maret", "kemarin", "dua hari kemudian"); expressions that only make sense against the
narration resolve against it. See docs/time.md for the rules and where they depart from
TimeML's anchoring practice.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from warta.analyze.time.candidates import Candidate
from warta.analyze.time.fragments import alternation
from warta.analyze.time.lexicon import WEEKDAYS
from warta.analyze.time.zones import zone_offset

# A date right after a verb of saying and the speaker: "kata Budi, Senin (15/3)", "ujarnya, Senin".
_SPEECH_STEMS = ("kata", "ujar", "ucap", "ungkap", "jelas", "tutur", "tegas", "terang", "imbuh", "tambah", "papar",
                 "sebut", "said", "says", "told")
# Any stem anywhere, case-sensitive, for lower-cased ASCII text: one scan that skips to the
# stems' first letters.
_SPEECH_STEM_RE = re.compile(alternation(_SPEECH_STEMS))
# The verbs as a prefix tree ("kata(?:nya)?"): the search tries the window's every position,
# and a tree turns most of them away at the first letter. Followed by \b, only a whole word
# matches, so the spans are those of a flat list of the verbs.
_SPEECH_BEFORE_RE = re.compile(
    r"\b" + alternation([*_SPEECH_STEMS, *(s + "nya" for s in _SPEECH_STEMS[:11])])
    + r"\b[^.!?\n\"“”]{0,60}?,?\s*(?:pada\s+|on\s+)?$",
    re.IGNORECASE,
)
_TAG_ENDINGS = (",", " pada", " on", "Pada", "On")
_TAG_VERB_ENDINGS = ("nya", "kata", "ujar", "ucap", "ungkap", "jelas", "tutur", "tegas", "terang", "imbuh", "tambah",
                     "papar", "sebut", "said", "says", "told")
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’]?\s+|\n")
_CLOCK_VALUE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$")


def _is_bare_clock(cand: Candidate) -> bool:
    """A clock time with no day written next to it ("pukul 06.17 WIB")."""
    return cand.clock is not None and cand.day_value is None and cand.narrative is None


def needs_discourse(kept: list[Candidate]) -> bool:
    return any(
        c.anaphor is not None or c.narrative is not None or c.clock is not None or c.deixis is not None
        for c in kept
    )


def _speech_dates(text: str, kept: list[Candidate], dct: date | None) -> set[int]:
    """The indexes of dates that say when a speaker spoke ("kata X, Senin (15/3)"); the deictic
    words quoted before them in the same sentence ("kemarin") are re-anchored on that day."""
    speech: set[int] = set()
    if dct is None:
        return speech
    quoting = any(c.deixis is not None for c in kept)
    for index, cand in enumerate(kept):
        if cand.day is None or cand.deixis is not None or cand.clock or cand.type not in {"DATE", "TIME"}:
            continue
        # A speech tag ends with a comma, "pada"/"on" or the verb ("kata Budi, Senin", "said on
        # Monday", "ujarnya Senin"): a cheap look at the last word decides whether to try it.
        last = text[max(0, cand.start - 12) : cand.start].rstrip()
        if not last.endswith(_TAG_ENDINGS) and not last.lower().endswith(_TAG_VERB_ENDINGS):
            continue
        before = text[max(0, cand.start - 90) : cand.start]
        # Few windows hold a verb of saying. In ASCII text, where IGNORECASE is plain
        # lower-casing, a substring test shows that before the regex tries every position.
        if before.isascii() and not _SPEECH_STEM_RE.search(before.lower()):
            continue
        match = _SPEECH_BEFORE_RE.search(before)
        if not match:
            continue
        if cand.day > dct and _BARE_WEEKDAY_RE.match(text, cand.start, cand.end) and _TAG_COMMA_RE.search(before):
            # "ujar Sutrisno, Minggu siang": a speaker spoke on the last such weekday, not a coming one.
            _reanchor(cand, cand.day - timedelta(days=7 * -(-(cand.day - dct).days // 7)))
        speech.add(index)
        if not quoting:
            continue
        verb_at = cand.start - len(before) + match.start()
        # The quote: back to its opening mark when the verb follows a closing one, else the sentence.
        head = text[:verb_at].rstrip(" ,")
        if head.endswith(('"', "”")):
            opening = max(head.rfind('"', 0, len(head) - 1), head.rfind("“"))
            floor = max(opening, 0)
        else:
            ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, verb_at - 400), verb_at)]
            floor = ends[-1] if ends else 0
        for other in kept[:index]:
            if other.deixis is None or other.start < floor or other.day is None:
                continue
            new_day = cand.day + timedelta(days=other.deixis)
            old = other.day.isoformat()
            if other.value.startswith(old) and new_day != other.day:
                other.value = new_day.isoformat() + other.value[len(old) :]
                other.day = new_day
                other.day_value = new_day.isoformat()
            other.anchor = "speech"
    return speech


_BOUNDARY_RE = re.compile(r"\b(?:sejak|hingga|sampai|until|since)\s+(?:pada\s+|hari\s+)?$", re.IGNORECASE)


def _rolls_over(last: datetime, clock: str | None) -> bool:
    """A bare clock time told after a late-evening one and earlier than it: past midnight."""
    if not clock or not clock[:2].isdigit():
        return False
    hour = int(clock[:2])
    return last.hour >= 18 and hour < 12 and (hour, clock[3:5]) < (last.hour, f"{last.minute:02d}")


_ALSO_RE = re.compile(r"\s*(?:atau|or|,\s*or|\(|/)\s*", re.IGNORECASE)


def _same_instant(text: str, previous: Candidate, cand: Candidate, offset: str) -> None:
    """ "pukul 04.12 WIT atau 02.12 WIB", "4:17 a.m. local time (0117 GMT)": the second clock
    time is the same moment in another zone, so it takes the day that moment falls on there."""
    match = _CLOCK_VALUE_RE.match(previous.value[:16])
    theirs = _OFFSET_RE.search(previous.value)
    if not match or not theirs or len(previous.value) != 16 + 6 or not _ALSO_RE.fullmatch(text[previous.end : cand.start]):
        return
    def minutes(zone: str) -> int:
        return (1 if zone[0] == "+" else -1) * (int(zone[1:3]) * 60 + int(zone[4:6]))
    moment = datetime(*(int(g) for g in match.groups())) - timedelta(minutes=minutes(theirs.group(0)))  # type: ignore[misc]
    here = moment + timedelta(minutes=minutes(offset))
    if here.strftime("%H:%M") == cand.clock:
        cand.day = here.date()
        cand.day_value = here.date().isoformat()
        cand.value = f"{here.date().isoformat()}T{cand.clock}"


_PARAGRAPH_RE = re.compile(r"[^\n]+")
_QUOTE_MARK_RE = re.compile(r"[\"“”]")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where quotations lie: between straight or curly double quotes, within a paragraph."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH_RE.finditer(text):
        opened = -1
        for mark in _QUOTE_MARK_RE.finditer(text, paragraph.start(), paragraph.end()):
            at = mark.start()
            if opened < 0 and mark.group(0) != "”":
                opened = at
            elif opened >= 0 and mark.group(0) != "“":
                spans.append((opened, at))
                opened = -1
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(start < pos < end for start, end in spans)


def _reanchor(cand: Candidate, new_day: date) -> None:
    """Move a deictic expression's value onto ``new_day``, keeping its part of day or clock."""
    assert cand.day is not None
    old = cand.day.isoformat()
    if cand.value.startswith(old) and new_day != cand.day:
        cand.value = new_day.isoformat() + cand.value[len(old) :]
        cand.day = new_day
        cand.day_value = new_day.isoformat()


_BARE_WEEKDAY_RE = re.compile(
    r"(?:hari\s+)?(?:" + "|".join(w for w in WEEKDAYS if w[0].isalpha()) + r")\b[^\d]*$", re.IGNORECASE
)


_TAG_COMMA_RE = re.compile(r",\s*(?:pada\s+|on\s+)?$")


def _nearest_weekday(day: date, weekday: int) -> date:
    """The given weekday nearest ``day`` (the past one on a tie): "Sabtu itu" seen from Sunday."""
    back = (day.isoweekday() - weekday) % 7
    return day - timedelta(days=back) if back <= 3 else day + timedelta(days=7 - back)


def narrate(text: str, kept: list[Candidate], dct: date | None, anchors: object) -> None:
    """Resolve anaphors, bare clock times and narrated expressions in text order, moving the
    narrated day with each expression that names a day. ``anchors`` is extract._Anchors."""
    speech = _speech_dates(text, kept, dct)
    quotes: list[tuple[int, int]] | None = None  # where quotations lie, found when first needed
    moved = False  # whether the narrated day has left the DCT by an expression in the text
    last_clock: datetime | None = None  # the last clock time told, on its day
    last_offset = ""  # the UTC offset written with it
    lead_day: date | None = None  # the first day the article tells: its main day
    # _is_bare_clock is written out in the loop: it runs for every expression, up to three times.
    for index, cand in enumerate(kept):
        day: date | None = anchors.day  # type: ignore[attr-defined]
        if (
            cand.deixis is not None and cand.anchor is None and moved and day is not None and day != dct
            and cand.day is not None
        ):
            if quotes is None:
                quotes = _quoted_spans(text)
            if _inside(quotes, cand.start):
                # "Tadi sore ...", "kemarin" quoted with no day said for the quote: the speaker
                # speaks on the day the narration has reached, and that day does not move.
                _reanchor(cand, day + timedelta(days=cand.deixis))
                cand.anchor = "narrated"
                continue
        if cand.anaphor is not None:
            cand.value, cand.day = anchors.resolve(*cand.anaphor)  # type: ignore[attr-defined]
        elif cand.clock is not None and cand.day_value is None and cand.narrative is None:  # _is_bare_clock
            if day is not None:
                if last_clock is not None and last_clock.date() == day and _rolls_over(last_clock, cand.clock):
                    day += timedelta(days=1)  # "pukul 23.10 ... dan pukul 01.25": past midnight
                cand.day = day
                cand.value = f"{day.isoformat()}T{cand.clock}"
            cand.anchor = "narrated" if moved else "dct"
        elif cand.narrative is not None:
            _resolve_narrated(cand, day, last_clock, moved)
        if cand.clock is not None or cand.narrative is not None:
            offset = zone_offset(text, cand) if _CLOCK_VALUE_RE.match(cand.value) else None
            if offset and index and cand.clock is not None and cand.day_value is None and cand.narrative is None:
                _same_instant(text, kept[index - 1], cand, offset)
            if not offset and cand.narrative is not None and cand.narrative[0] in {"shift", "same"} and _CLOCK_VALUE_RE.match(cand.value):
                offset = last_offset  # "sejam kemudian", "saat itu": the zone of the clock time they count from
            if offset:
                cand.value += offset
        if cand.anchor == "speech" or index in speech and cand.day != lead_day:
            continue  # the day a speaker spoke, and what they said, are not the day the story tells
            # (unless the speaker spoke on the article's main day: the narration is back on it)
        if cand.type in {"DATE", "TIME"} and cand.value:
            if moved and cand.day is not None and cand.day != day and cand.anaphor is None and _BOUNDARY_RE.search(text, max(0, cand.start - 12), cand.start):
                continue  # "hingga Minggu malam", "sejak Senin pukul 06.00": a state's bound, not the story's day
            if cand.day is not None and cand.day != day:
                last_clock = None
            if cand.day is not None and cand.narrative is None and (cand.clock is None or cand.day_value is not None):
                moved = True
                if lead_day is None:
                    lead_day = cand.day
            clock = _CLOCK_VALUE_RE.match(cand.value[:16]) if len(cand.value) >= 16 else None
            if clock:
                last_clock = datetime(*(int(g) for g in clock.groups()))  # type: ignore[misc]
                last_offset = cand.value[16:] if _OFFSET_RE.fullmatch(cand.value[16:]) else ""
            anchors.update(cand)  # type: ignore[attr-defined]
    share_zones(text, kept)


_RANGE_RE = re.compile(r"\s*(?:hingga|sampai|s\.d\.?|dan|atau|to|until|-|–)\s*", re.IGNORECASE)
_OFFSET_RE = re.compile(r"[+-]\d{2}:\d{2}$")


def share_zones(text: str, kept: list[Candidate]) -> None:
    """ "pukul 06.00 hingga pukul 09.30 WIB": the first clock time of a range takes the zone of the second."""
    for first, second in zip(kept, kept[1:], strict=False):
        # An offset is the value's last six characters (or the six before a final newline):
        # the search need not try the positions before.
        offset = _OFFSET_RE.search(second.value, len(second.value) - 7)
        if (
            offset
            and _CLOCK_VALUE_RE.match(first.value)
            and first.value[:10] == second.value[:10]
            and _RANGE_RE.fullmatch(text[first.end : second.start])
        ):
            first.value += offset.group(0)


def _resolve_narrated(cand: Candidate, day: date | None, last_clock: datetime | None, moved: bool) -> None:
    assert cand.narrative is not None
    kind, arg = cand.narrative
    cand.anchor = "narrated" if moved else "dct"
    if kind == "shift":
        if last_clock is None:
            return  # no clock time told before: an amount of time, as written
        when = last_clock + timedelta(seconds=float(arg))  # type: ignore[arg-type]
        cand.type, cand.value, cand.day = "TIME", when.strftime("%Y-%m-%dT%H:%M"), when.date()
        cand.anchor = "narrated"
        return
    if day is None or (kind != "weekday" and not moved and last_clock is None):
        cand.value = ""  # "malam itu", "hari itu" with no day told before: nothing to point at
        return
    if kind == "same" and last_clock is not None and last_clock.date() == day:
        cand.type, cand.value, cand.day = "TIME", last_clock.strftime("%Y-%m-%dT%H:%M"), day
        return
    pod = None
    if kind == "weekday":
        weekday, pod = arg  # type: ignore[misc]
        day = _nearest_weekday(day, weekday)
    elif kind == "next":  # "keesokan paginya"
        pod = arg
        day += timedelta(days=1)
    elif kind == "pod":
        pod = arg
        if pod == "TNI" and last_clock is not None and last_clock.date() == day and last_clock.hour < 5:
            day -= timedelta(days=1)  # "malam itu" after "pukul 01.25": the night that began the day before
    cand.day = day
    cand.day_value = day.isoformat()
    cand.type = "TIME" if pod else "DATE"
    cand.value = f"{day.isoformat()}T{pod}" if pod else day.isoformat()
