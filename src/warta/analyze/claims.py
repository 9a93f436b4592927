"""Claims: every value an article states, tied to what it measures.

Extraction starts from the values, not from trigger words: every quantity and every dated
time expression in a sentence is a candidate. Each is attached to the cue (a predicate or a
noun from the measure table, ``data/claims/measures.json``) that governs it within its
clause: the nearest cue whose measure takes that kind of value, where crossing a clause
break or another value costs extra. A value no cue governs is not a claim, except a count of
a thing ("8 gerbong"), which measures how many of that thing there are.

Around the value the clause gives the rest of the claim: named persons and organisations
(its subjects), a place and a role ("5 penumpang tewas") as qualifiers, a date that bounds
it ("hingga Selasa malam") as its time scope, whether it is asserted, expected, hedged or
denied, whether it is told as a change ("bertambah menjadi"), and who said it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from warta.analyze.hedging import hedge_cues
from warta.analyze.quantities import NOT_COUNTED
from warta.analyze.measures import Measure, MeasureTable, load_measures
from warta.model import Attribution, Claim, ClaimValue, Entity, Quantity, Sentence, Span, Timex

__all__ = ["extract_claims", "states_day", "value_of_quantity", "value_of_timex"]

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_BREAK_CHARS = frozenset(";:()[]—–“”\"")
_BRACKETED_DATE = re.compile(r"\(\d[\d/.\-]*\)")
_BREAK_WORDS = frozenset(
    "dan serta sedangkan sementara namun tetapi tapi sedang adapun and but while whereas although".split()
)
# "naik dibandingkan pemilihan November 2024": a date after these is the baseline, not the
# moment the figure holds for.
_COMPARISON_WORDS = frozenset("dibandingkan dibanding daripada ketimbang than compared versus".split())
_CUTOFF_WORDS = frozenset("hingga sampai per until through by as of".split())
# How far a cue may govern a value: half a point a word between them ("korban tewas gempa
# bumi di Kabupaten Cianjur mencapai 271 orang"), plus penalties for what lies between.
WORD_COST = 0.5
MAX_COST = 6.0
MAX_TIME_COST = 5.0
MAX_BARE_COST = 3.0  # a bare number ("has risen to 271") only close to its cue
LINKED_WORD_COST = 0.2  # after "mencapai", "rose to": the value belongs to the clause's subject
BREAK_COST = 3.0  # a clause break: ; : ( ) dashes, quotes, "dan", "while"
LINKED_JOIN_COST = 1.0  # "dan" inside the subject a linked value belongs to
COMMA_COST = 1.0  # a comma may only set off an apposition (", Jawa Barat,")
VALUE_COST = 4.0  # crossing another value of the same kind: that one is nearer to the cue
GENERIC_COST = 1.5  # a generic cue ("terjadi") yields to a specific one up to three words further
INSIDE_COST = 0.25  # a cue inside the value's own words ("120 penumpang") is the weakest
PER_UNIT_COST = -0.5  # a "per" unit right after the value is the strongest
PLACE_WORD_COST = 0.1  # a word of a place name between a predicate and its value

_DIMENSION_OF_UNIT: dict[str, tuple[str, str, float]] = {
    # base unit of a quantity -> (dimension, unit compared in, factor)
    "km/h": ("speed", "km/h", 1.0),
    "km": ("length", "m", 1000.0),
    "m": ("length", "m", 1.0),
    "ha": ("area", "ha", 1.0),
    "m2": ("area", "ha", 1e-4),
    "km2": ("area", "ha", 100.0),
    "kg": ("mass", "kg", 1.0),
    "L": ("mass", "L", 1.0),
    "m3": ("mass", "m3", 1.0),
    "barrel": ("mass", "barrel", 1.0),
    "%": ("percent", "percent", 1.0),
    "°C": ("temperature", "°C", 1.0),
    "magnitude": ("magnitude", "magnitude", 1.0),
    "second": ("duration", "minute", 1 / 60),
    "minute": ("duration", "minute", 1.0),
    "hour": ("duration", "minute", 60.0),
    "day": ("duration", "minute", 1440.0),
    "week": ("duration", "minute", 10080.0),
    "month": ("duration", "minute", 43200.0),
    "year": ("duration", "minute", 525600.0),
}
_CURRENCY_CODES = frozenset("IDR USD SGD EUR GBP JPY CNY MYR KRW AUD".split())
_SCALE_IN_TEXT = re.compile(r"(\d+(?:[.,](\d+))?)\s*(?i:ribu|juta|miliar|milyar|triliun|thousand|million|billion|trillion|T|M|B|bn|jt)\b")
# Bare numbers: a count stated without a noun ("has risen to 271", "mencapai 271").
_DIGIT = re.compile(r"\d")
_BARE_NUMBER = re.compile(r"(?<![\w/:.,-])\d{1,3}(?:[.,]\d{3})*(?![\w/:%]|[.,]\d)")
# Words that set one time against another ("sehari setelah gempa", "a day after the quake"):
# a time on one side is not the time of a predicate on the other.
_TEMPORAL_CONNECTIVES = frozenset("setelah sesudah sebelum sejak usai seusai after before since following".split())
SPEECH_WORDS = 2  # a speech verb this close before a time makes it the time of speaking ("said on Tuesday")
SPEECH_REACH = 60  # characters after an attribution cue where a time is the time of speaking
_OTHERS = frozenset("lainnya others lain".split())  # "14 lainnya luka-luka": 14 more people
# A bare figure per unit is a rupiah rate in Indonesian news ("16,482 per dollar").
_PER_UNIT = ("per dolar", "per dollar", "per us", "per liter", "per litre", "per kilogram", "per kg")
_BARE_LEADS = frozenset("to menjadi mencapai sebanyak total at reached hit jadi capai".split())
# Words in a time expression that name its day; without one, the day is the engine's guess.
_DAY_WORDS = re.compile(
    r"\d{1,2}/\d{1,2}|\d{4}|(?i:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|januari|februari|maret|april|mei|juni|juli|agustus|september"
    r"|oktober|november|desember|january|february|march|may|june|july|august|october|december"
    r"|kemarin|hari ini|besok|lusa|today|yesterday|tomorrow|tonight|lalu|ago)"
)
_ZONE = re.compile(r"\b(?:WIB|WITA|WIT|UTC|GMT)\b", re.IGNORECASE)
_ZONE_OFFSETS = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00", "UTC": "+00:00", "GMT": "+00:00"}
_CURRENCY_NAME = re.compile(r"(?i:dolar|dollar|yen|yuan|won|ringgit)\s+$")
_YEAR_FIRST = re.compile(r"^\d{4}(?:$|-)")
_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}")
_APPROX_SHARE = 0.1  # "sekitar 400" allows 360..440


@dataclass(slots=True)
class _Candidate:
    start: int  # character span of the value
    end: int
    first: int  # word indices the value covers
    last: int
    value: ClaimValue
    noun: str | None  # what a count counts, when it counts something
    bare: bool = False  # a number with no noun, counted only beside a cue
    linked: bool = False  # a linking word ("mencapai", "rose to") stands right before it


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    first: int
    last: int
    measure: str
    is_role: bool


def value_of_quantity(q: Quantity, person_nouns: frozenset[str] | None = None) -> tuple[ClaimValue, str | None] | None:
    """The comparable value of a quantity and the noun it counts, or None when it has none."""
    norm = q.normalized or {}
    base = norm.get("unit") or q.unit
    if not base:
        return None
    persons = person_nouns if person_nouns is not None else load_measures().person_nouns
    number, low, high = norm.get("value", q.value), norm.get("min"), norm.get("max")
    noun: str | None = None
    if base in _CURRENCY_CODES:
        dimension, unit, factor = "money", base, 1.0
    elif base in _DIMENSION_OF_UNIT:
        dimension, unit, factor = _DIMENSION_OF_UNIT[base]
    elif base == "bp":
        return None
    else:
        noun = base.lower()
        dimension, unit, factor = "count", ("person" if noun in persons or (q.unit or "").lower() in persons else noun), 1.0
    if number is None and (low is None or high is None):
        return None
    scale = lambda x: None if x is None else round(float(x) * factor, 9)  # noqa: E731
    number, low, high = scale(number), scale(low), scale(high)
    if number is None:
        # "puluhan ribu", "ribuan": vague words (APPROX); "10-20 orang": a stated range.
        precision = "vague" if q.mod == "APPROX" else "range"
        return ClaimValue(kind="number", dimension=dimension, precision=precision, low=low, high=high, unit=unit), noun
    precision, low, high = _bounds(q, number)
    return ClaimValue(kind="number", dimension=dimension, precision=precision, number=number, low=low, high=high, unit=unit), noun


def _bounds(q: Quantity, number: float) -> tuple[str, float | None, float | None]:
    if q.mod == "APPROX":
        # "sekitar 400" is a round figure (360..440); "sekitar 7,2 miliar" is stated to the
        # tenth of a billion, and "about" only owns the rounding.
        rounded = _rounding(q, number)
        width = rounded if rounded is not None else abs(number) * _APPROX_SHARE
        return "approx", number - width, number + width
    if q.mod == "MORE_THAN":
        return "lower_bound", number, None
    if q.mod in ("LESS_THAN", "UP_TO"):
        return "upper_bound", None, number
    half = _rounding(q, number, decimals_only=False)
    if half is not None:
        return "rounded", number - half, number + half
    return "exact", number, number


def _rounding(q: Quantity, number: float, decimals_only: bool = True) -> float | None:
    """Half the last stated unit of a number written with a scale word: "Rp3,48 triliun" is
    anything that rounds to 3.48 trillion; None when no scale word (or, if ``decimals_only``,
    no decimal) says so."""
    scaled = _SCALE_IN_TEXT.search(q.text)
    if not scaled or (decimals_only and not scaled.group(2)):
        return None
    digits = len(scaled.group(2) or "")
    written = scaled.group(1)
    stated = float(written.replace(".", "").replace(",", ".")) if digits else float(re.sub(r"[.,]", "", written))
    if not stated:
        return None
    return 0.45 * (10.0 ** -digits) * abs(number) / stated


def _granularity(value: str) -> str:
    if "T" in value:
        clock = value.split("T", 1)[1]
        return "time" if clock[:1].isdigit() else "daypart"
    return "day"


def value_of_timex(t: Timex) -> ClaimValue | None:
    """A dated time expression as a value; undated ones (durations, "saat itu") are none."""
    if t.type not in ("DATE", "TIME") or not _DATED.match(t.value):
        return None
    precision = "approx" if t.mod == "APPROX" else {"ON_OR_AFTER": "lower_bound", "ON_OR_BEFORE": "upper_bound"}.get(t.mod or "", "exact")
    if t.mod in ("START", "MID", "END", "MORE_THAN", "LESS_THAN"):
        return None  # "awal September", "lebih dari sepekan": not a point to compare
    value = t.value
    if "T" in value and value[11:12].isdigit() and len(value) == 16 and (zone := _ZONE.search(t.text)):
        value += _ZONE_OFFSETS[zone.group().upper()]  # "pukul 02.15 WIB": the same instant as 03.15 WITA
    return ClaimValue(kind="time", dimension="time", precision=precision, timex=value, granularity=_granularity(value),
                      day_stated=states_day(t.text))


def states_day(text: str) -> bool:
    """Whether a time expression's own words name its day ("Senin pukul 06.17") rather than
    leave it to the time engine's anchoring ("pukul 06.17", "pagi itu")."""
    return _DAY_WORDS.search(text) is not None


def _word_index(words: list[tuple[str, int, int]], start: int, end: int) -> tuple[int, int] | None:
    first = next((i for i, w in enumerate(words) if w[2] > start), None)
    if first is None or words[first][1] >= end:
        return None
    last = first
    while last + 1 < len(words) and words[last + 1][1] < end:
        last += 1
    return first, last


def _find_cues(words: list[tuple[str, int, int]], table: MeasureTable) -> list[_Cue]:
    found: list[_Cue] = []
    lowered = [w[0] for w in words]
    for i, word in enumerate(lowered):
        keys = [word]
        if word.endswith("nya") and len(word) > 5:
            keys.append(word[:-3])
        for key in keys:
            for tokens, measure, is_role in table.cues.get(key, ()):
                n = len(tokens)
                if tuple([key, *lowered[i + 1 : i + n]]) == tokens:
                    found.append(_Cue(words[i][1], words[i + n - 1][2], i, i + n - 1, measure, is_role))
    return found


def _has_phrase(lowered: list[str], start: int, end: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    for i in range(max(0, start), min(end, len(lowered))):
        for phrase in phrases:
            if tuple(lowered[i : i + len(phrase)]) == phrase:
                return True
    return False


def extract_claims(
    text: str,
    *,
    sentences: list[Sentence],
    timexes: list[Timex],
    quantities: list[Quantity],
    entities: list[Entity],
    attributions: list[Attribution],
    table: MeasureTable | None = None,
) -> list[Claim]:
    """Every claim in ``text``, in text order.

    Each sentence reads only the quantities, times, entities and attributions near it, found
    by bisection: the work grows with the text, never with its square.
    """
    table = table or load_measures()
    claims: list[Claim] = []
    quantities = sorted(quantities, key=lambda q: q.start)
    timexes = sorted(timexes, key=lambda t: t.start)
    entities = sorted(entities, key=lambda e: e.start)
    q_starts, t_starts, e_starts = [q.start for q in quantities], [t.start for t in timexes], [e.start for e in entities]
    near = _Attributions(attributions)
    people = _People(entities, attributions, text)
    for index, sentence in enumerate(sentences):
        sentence_quantities = _within(quantities, q_starts, sentence)
        sentence_timexes = _within(timexes, t_starts, sentence)
        if not sentence_quantities and not sentence_timexes and not _DIGIT.search(text, sentence.start, sentence.end):
            continue
        claims.extend(
            _sentence_claims(text, index, sentence, sentence_quantities, sentence_timexes,
                             _within(entities, e_starts, sentence), near.around(sentence), people, table)
        )
    return claims


def _within(items: list[Any], starts: list[int], sentence: Sentence) -> list[Any]:
    """The items (sorted by start) that start inside the sentence."""
    return items[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]


class _Attributions:
    """The attributions touching a stretch of text, found by bisection on where they begin."""

    REACH = 5000  # an attribution longer than this is not looked for from a later sentence

    def __init__(self, attributions: list[Attribution]) -> None:
        def bounds(a: Attribution) -> tuple[int, int]:
            return (min(a.source.start, a.cue.start, a.content.start), max(a.source.end, a.cue.end, a.content.end))

        # Kept in the article's order (an index into it is the claim's attribution).
        self.items = [(bounds(a), i, a) for i, a in enumerate(attributions)]
        self.items.sort(key=lambda x: x[0][0])
        self.starts = [x[0][0] for x in self.items]

    def around(self, sentence: Sentence) -> list[tuple[int, Attribution]]:
        """(index, attribution) of those overlapping the sentence, in the article's order."""
        hi = bisect_left(self.starts, sentence.end)
        lo = bisect_left(self.starts, sentence.start - self.REACH)
        found = [(i, a) for (start, end), i, a in self.items[lo:hi] if end > sentence.start]
        return sorted(found, key=lambda x: x[0])


_INITIALS_NAMED = re.compile(r"\b(?:berinisial|inisial|initials)\s+([A-Z]{2,4})\b")


class _People:
    """Persons named in the article outside any speaker's name, in text order."""

    def __init__(self, entities: list[Entity], attributions: list[Attribution], text: str = "") -> None:
        sources = sorted((a.source.start, a.source.end) for a in attributions)
        source_starts = [s for s, _ in sources]

        def spoken(pos: int) -> bool:  # inside a speaker's name?
            i = bisect_right(source_starts, pos) - 1
            return i >= 0 and sources[i][0] <= pos < sources[i][1]

        people = [e for e in entities if e.type == "PER" and not spoken(e.start)]
        # "Direktur CV X berinisial RS", then "AM dihukum 6 tahun": people the text names by initials.
        initials = {m.group(1) for m in _INITIALS_NAMED.finditer(text)}
        if initials:
            taken = {(e.start, e.end) for e in people}
            for m in re.finditer(r"\b(" + "|".join(sorted(initials)) + r")\b", text):
                if (m.start(), m.end()) not in taken:
                    people.append(Entity(text=m.group(), start=m.start(), end=m.end(), type="PER", canonical=m.group()))
            people.sort(key=lambda e: e.start)
        self.people = people
        self.starts = [e.start for e in self.people]

    def last_before(self, pos: int) -> Entity | None:
        i = bisect_left(self.starts, pos)
        return self.people[i - 1] if i else None


def _sentence_claims(
    text: str,
    index: int,
    sentence: Sentence,
    quantities: list[Quantity],
    timexes: list[Timex],
    entities: list[Entity],
    attributions: list[tuple[int, Attribution]],
    people: _People,
    table: MeasureTable,
) -> list[Claim]:
    words = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text, sentence.start, sentence.end)]
    if not words:
        return []
    lowered = [w[0] for w in words]
    # Clause breaks sit between words: break_before[i] counts breaks before word i, and
    # comma_before[i] commas (weaker: they also set off appositions).
    break_before = [0] * (len(words) + 1)
    comma_before = [0] * (len(words) + 1)
    place_before = [0] * (len(words) + 1)
    in_place = _place_words(words, entities)
    count = commas = places = 0
    # Brackets around a date ("Selasa (8/10/2024) pukul 15.40") set off nothing.
    quiet = {pos for m in _BRACKETED_DATE.finditer(text, sentence.start, sentence.end) for pos in (m.start(), m.end() - 1)}
    for i, (word, start, _end) in enumerate(words):
        gap_start = words[i - 1][2] if i else start
        gap = text[gap_start:start]
        count += sum(ch in _BREAK_CHARS and gap_start + k not in quiet for k, ch in enumerate(gap))
        count += (word in _BREAK_WORDS) + (" - " in gap)
        if not (i and in_place[i - 1]):
            commas += gap.count(",")  # a comma after a place name continues it ("Sikka, NTT")
        break_before[i] = count
        comma_before[i] = commas
        place_before[i] = places
        places += in_place[i]
    break_before[len(words)] = count + 1
    comma_before[len(words)] = commas + 1
    place_before[len(words)] = places
    clause_before = [b + c for b, c in zip(break_before, comma_before, strict=True)]

    candidates: list[_Candidate] = []
    for q in quantities:
        read = value_of_quantity(q, table.person_nouns)
        where = _word_index(words, q.start, q.end)
        if read is None or where is None:
            continue
        value, noun = read
        after = where[1] + 1
        if noun in table.classifiers and after < len(words) and _counted_after(text, words, after):
            # "312 unit rumah", "15.000 butir pil ekstasi": the classifier counts the noun after
            # it (past a second classifier).
            if lowered[after] in table.classifiers and after + 1 < len(words):
                after += 1
            noun = lowered[after]
            if value.unit != "person":
                value.unit = noun
        candidates.append(_Candidate(q.start, q.end, where[0], where[1], value, noun))
    candidates = _joined_durations(text, candidates, timexes)
    for c in candidates:  # a joined duration ends further on
        where = _word_index(words, c.start, c.end)
        if where is not None:
            c.last = where[1]
    counts = bool(candidates)
    for t in timexes:
        value = value_of_timex(t)
        where = _word_index(words, t.start, t.end)
        if value is None or where is None:
            continue
        if counts and where[0] > 0 and lowered[where[0] - 1] in _CUTOFF_WORDS:
            continue  # "hingga Selasa sore" bounds a count: it is the count's time scope
        if any(_speech_time(text, a, t) for _i, a in attributions) or _has_phrase(
            lowered, where[0] - SPEECH_WORDS, where[0], table.speech_cues
        ):
            continue  # "said on Tuesday", "kata Andi, Senin (15/3)": when it was said
        candidates.append(_Candidate(t.start, t.end, where[0], where[1], value, None))
    # "pukul 20.40 WIB, Senin (13/5/2024)": a clock time whose day another expression of the
    # sentence states is dated by the text, not by the time engine's anchoring.
    stated_days = {(t.value or "")[:10] for t in timexes if states_day(t.text) and _DATED.match(t.value or "")}
    for c in candidates:
        if c.value.kind == "time" and not c.value.day_stated and (c.value.timex or "")[:10] in stated_days:
            c.value.day_stated = True
    # A date and its clock time ("pukul 20.40 WIB, Senin (13/5/2024)") state one moment: the
    # clock time, more precise, is the claim.
    clock_days = {(c.value.timex or "")[:10] for c in candidates if c.value.kind == "time" and c.value.granularity == "time"}
    candidates = [
        c for c in candidates
        if not (c.value.kind == "time" and c.value.granularity == "day" and (c.value.timex or "")[:10] in clock_days)
    ]
    taken = [(c.start, c.end) for c in candidates] + [(t.start, t.end) for t in timexes]
    for m in _BARE_NUMBER.finditer(text, sentence.start, sentence.end):
        where = _word_index(words, m.start(), m.end())
        if where is None or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        after = " ".join(lowered[where[1] + 1 : where[1] + 3])
        money = after.startswith(_PER_UNIT)
        led = where[0] > 0 and lowered[where[0] - 1] in _BARE_LEADS
        if not (money or led or after.split(" ")[0] in _OTHERS):
            continue  # "naik menjadi 271", "dan 14 lainnya", "16,482 per dollar"
        number = float(m.group().replace(".", "").replace(",", ""))
        bare = ClaimValue(kind="number", dimension="money" if money else "count", precision="exact", number=number,
                          low=number, high=number, unit="IDR" if money else "person")
        candidates.append(_Candidate(m.start(), m.end(), where[0], where[1], bare, None, bare=True))
    cues = _find_cues(words, table)
    if any(table.measures[cue.measure].dimension == "index" for cue in cues):
        taken = [(c.start, c.end) for c in candidates] + [(t.start, t.end) for t in timexes]
        candidates += _index_levels(text, sentence, words, lowered, taken)
    if not candidates:
        return []
    candidates.sort(key=lambda c: c.start)
    for c in candidates:
        c.linked = any(tuple(lowered[c.first - len(w) : c.first]) == w for w in table.linking_words if c.first >= len(w))
    layout = _Layout(
        break_before=break_before, comma_before=comma_before, place_before=place_before,
        connectives=[w in _TEMPORAL_CONNECTIVES for w in lowered],
        joining=[w in _BREAK_WORDS for w in lowered],
        listing=[any(tuple(lowered[i : i + len(p)]) == p for p in table.breakdown_cues) for i in range(len(lowered))],
        per=[w == "per" for w in lowered],
    )

    # Cues an event word takes after "korban", "victims": found once per sentence.
    modified = {cue.first for cue in cues if _has_phrase(lowered, cue.first - 3, cue.first, table.modifier_heads)}
    out: list[Claim] = []
    for c in candidates:
        best: tuple[float, _Cue] | None = None
        for cue in cues:
            if not _fits(table, cue, c):
                continue
            if c.value.kind == "time" and cue.first in modified:
                continue  # "menemukan dua korban terakhir banjir bandang pada Rabu": the flood names the victims
            cost = _cost(c, cue, candidates, layout)
            if table.measures[cue.measure].generic:
                cost += GENERIC_COST
            # Ties go to the cue nearest the start, then the measure's name: the same in every process.
            if best is None or (cost, cue.start, cue.measure) < (best[0], best[1].start, best[1].measure):
                best = (cost, cue)
        limit = MAX_BARE_COST if c.bare else MAX_TIME_COST if c.value.kind == "time" else MAX_COST
        if (best is not None and limit < best[0] < float("inf") and c.value.kind == "time"
                and _only_time(c, best[1], candidates, cues, table)):
            limit = best[0]  # the sentence's one time and its one time word: "X terjadi di <place>, Sabtu pukul 13.45"
        if best is not None and best[0] <= limit:
            cue: _Cue | None = best[1]
            measure = table.measure(best[1].measure)
        elif c.noun and c.value.unit != "person" and c.value.dimension == "count" and c.noun not in table.not_counts:
            cue, measure = None, table.measure(f"count:{c.noun}")
        elif not c.bare and c.value.kind == "number" and (only := (table.only_measure or {}).get(c.value.dimension)):
            cue, measure = None, table.measure(only)
        else:
            continue
        out.append(_claim(text, index, c, cue, measure.id, measure.attribute, words, lowered, clause_before,
                          timexes, entities, attributions, people, table, candidates))
    return out


# An index level: a plain number, decimals allowed, after "level", "posisi", "at", "to"
# ("IHSG ditutup di level 6.912,45", "closing at 6,874.10"), read only where the sentence
# names an index.
_INDEX_NUMBER = re.compile(r"(?<![\w/:.,-])\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,2})?(?![\w/:%]|[.,]\d)")
_INDEX_LEADS = frozenset("level posisi at to di ke".split())


def _place_words(words: list[tuple[str, int, int]], entities: list[Entity]) -> list[bool]:
    """Whether each word lies inside a place name."""
    spans = sorted((e.start, e.end) for e in entities if e.type == "LOC")
    if not spans:
        return [False] * len(words)
    starts = [s for s, _ in spans]
    out = []
    for _w, start, end in words:
        i = bisect_right(starts, start) - 1
        out.append(i >= 0 and spans[i][0] <= start and end <= spans[i][1])
    return out


def _counted_after(text: str, words: list[tuple[str, int, int]], after: int) -> bool:
    """The word after a classifier is what it counts only if nothing stands between them and it
    is not a function word ("dua paket, yakni ..." counts packages)."""
    gap = text[words[after - 1][2] : words[after][1]]
    return not gap.strip() and words[after][0] not in NOT_COUNTED


def _index_levels(
    text: str, sentence: Sentence, words: list[tuple[str, int, int]], lowered: list[str], taken: list[tuple[int, int]],
) -> list[_Candidate]:
    out = []
    for m in _INDEX_NUMBER.finditer(text, sentence.start, sentence.end):
        where = _word_index(words, m.start(), m.end())
        if where is None or where[0] == 0 or lowered[where[0] - 1] not in _INDEX_LEADS:
            continue
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        number = _plain_number(m.group())
        value = ClaimValue(kind="number", dimension="index", precision="exact", number=number, low=number, high=number,
                           unit="points")
        out.append(_Candidate(m.start(), m.end(), where[0], where[1], value, None, bare=True))
    return out


def _plain_number(digits: str) -> float:
    """ "6.912,45" and "6,874.10" alike: a last separator before one or two digits is the
    decimal point, before three a thousands separator."""
    last = max(digits.rfind("."), digits.rfind(","))
    if last >= 0 and len(digits) - last - 1 < 3:
        whole, decimals = digits[:last], digits[last + 1 :]
        return float(whole.replace(".", "").replace(",", "") + "." + decimals)
    return float(digits.replace(".", "").replace(",", ""))


def _only_time(c: _Candidate, cue: _Cue, candidates: list[_Candidate], cues: list[_Cue], table: MeasureTable) -> bool:
    """The value is the sentence's only time (a date and its clock count as one) and the cue its
    only word governing times, before it."""
    times = [o for o in candidates if o.value.kind == "time" and o is not c]
    if any(not (o.value.timex or "").startswith((c.value.timex or "")[:10]) for o in times):
        return False
    time_cues = {x.measure for x in cues if table.measures[x.measure].dimension == "time" and not x.is_role}
    return len(time_cues) == 1 and cue.last < c.first


def _fits(table: MeasureTable, cue: _Cue, c: _Candidate) -> bool:
    measure = table.measures[cue.measure]
    if measure.dimension != c.value.dimension:
        return False
    if measure.change and c.linked and cue.last == c.first - 2:
        return False  # "turun menjadi 4,50 persen": a new level, not a change ("kenaikan gaji menjadi 12 persen" is one)
    inside = c.start <= cue.start and cue.end <= c.end
    if cue.is_role:
        return inside  # "120 penumpang": the counted noun names the measure
    if c.bare and c.value.dimension == "count" and measure.counts:
        return False  # a bare count is of people ("dan 14 lainnya"), not of houses
    if measure.dimension == "count":
        if measure.counts:
            return c.value.unit in measure.counts
        return c.value.unit == "person"
    return True


_ISO_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$")
_MINUTES = (525600, 43200, 10080, 1440, 60, 1)  # a year, month, week, day, hour, minute


def _duration_minutes(value: str) -> float | None:
    match = _ISO_DURATION.match(value)
    if not match or not any(match.groups()):
        return None
    return float(sum(int(n) * m for n, m in zip(match.groups(), _MINUTES, strict=True) if n))


def _joined_durations(text: str, candidates: list[_Candidate], timexes: list[Timex]) -> list[_Candidate]:
    """ "8 tahun 6 bulan", "2 jam 15 menit": one duration, not two; where the time engine read
    the whole expression (P8Y6M), its reading spans and values it."""
    for c in candidates:
        if c.value.dimension != "duration":
            continue
        for t in timexes:
            minutes = _duration_minutes(t.value) if t.type == "DURATION" else None
            if minutes and t.start <= c.start and t.end > c.end:
                c.end = t.end
                c.value = ClaimValue(kind="number", dimension="duration", precision="exact", number=minutes,
                                     low=minutes, high=minutes, unit="minute")
    out: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: c.start):
        prev = out[-1] if out else None
        if (
            prev is not None and prev.value.dimension == c.value.dimension == "duration"
            and prev.value.number is not None and c.value.number is not None
            and text[prev.end : c.start].strip().lower() in ("", "dan", "and")
        ):
            total = prev.value.number + c.value.number
            prev.value = ClaimValue(kind="number", dimension="duration", precision="exact", number=total,
                                    low=total, high=total, unit=prev.value.unit)
            prev.end, prev.last = c.end, c.last
            continue
        out.append(c)
    return out


# Between a verb of saying and the time it was said: a comma, "pada"/"on", and the speaker's
# name and title (capitalised words): "kata Kepala Basarnas Andi, Senin (16/12/2024)".
_SPEECH_GAP = re.compile(r"^[\s,]*(?:[A-Z][\w.'’-]*[\s,]+)*(?:(?:pada|on|hari)\s+)?$")


def _speech_time(text: str, attribution: Attribution, t: Timex) -> bool:
    """The time says when the words were spoken: nothing but the speaker, a comma or "pada"
    stands between the verb of saying and it ("kata Andi, Senin (15/3)", "said on Tuesday")."""
    if not 0 <= t.start - attribution.cue.end <= SPEECH_REACH:
        return False
    gap = text[attribution.cue.end : t.start]
    source = attribution.source
    if attribution.cue.end <= source.start and source.end <= t.start:
        gap = text[attribution.cue.end : source.start] + text[source.end : t.start]
    return _SPEECH_GAP.match(gap) is not None


def _same_day(a: _Candidate, b: _Candidate) -> bool:
    """Two times of one day ("Selasa (8/10/2024) sekitar pukul 15.40"): a date and its clock."""
    return a.value.kind == b.value.kind == "time" and (a.value.timex or "")[:10] == (b.value.timex or "")[:10]


@dataclass(slots=True)
class _Layout:
    """What lies between the words of a sentence, as arrays by word index."""

    break_before: list[int]  # clause breaks before word i (prefix counts)
    comma_before: list[int]  # commas before word i (prefix counts)
    place_before: list[int]  # words inside a place name before word i (prefix counts)
    connectives: list[bool]  # "setelah", "after"
    joining: list[bool]  # "dan", "while"
    listing: list[bool]  # a breakdown phrase starts here ("terdiri atas", "including")
    per: list[bool]  # "per"


def _cost(c: _Candidate, cue: _Cue, candidates: list[_Candidate], layout: _Layout) -> float:
    break_before, comma_before = layout.break_before, layout.comma_before
    connectives, joining, listing = layout.connectives, layout.joining, layout.listing
    if c.start <= cue.start and cue.end <= c.end:
        return INSIDE_COST
    if cue.first == c.last + 1 and layout.per[cue.first]:
        # "16,290 per dollar", "Rp12.500 per liter": the value's own unit names it, before any
        # verb ("ended at") however near.
        return PER_UNIT_COST
    if cue.last < c.first:
        lo, hi = cue.last, c.first
    elif cue.first > c.last:
        lo, hi = c.last, cue.first
    else:
        return 0.0  # overlapping spans
    if cue.first > c.last and any(listing[c.last + 1 : cue.first]):
        # "44 people, including five crew members": the cue names a part listed after the
        # whole, not the whole.
        return float("inf")
    linked = c.linked and cue.last < c.first
    # Words of a place name ("di Kecamatan Magepanda, Kabupaten Sikka, Nusa Tenggara Timur")
    # are one adjunct between a predicate and its time, not distance.
    in_place = layout.place_before[hi] - layout.place_before[lo + 1]
    cost = (LINKED_WORD_COST if linked else WORD_COST) * (hi - lo - 1 - in_place) + PLACE_WORD_COST * in_place
    if c.value.kind == "time" and (
        any(connectives[lo + 1 : hi])
        or (
            cue.last < c.first
            and any(connectives[max(0, cue.first - 2) : cue.first])
            and break_before[c.first] + comma_before[c.first] > break_before[cue.last] + comma_before[cue.last]
        )
    ):
        # "on Friday, a day after the quake", "Sehari setelah diresmikan, kereta ... Selasa pagi":
        # a connective sets the cue's time against this one.
        return float("inf")
    breaks = break_before[hi] - break_before[lo]
    if linked:
        # "korban tewas akibat banjir dan longsor di Luwu mencapai 11 orang": a joining word
        # inside the subject of "mencapai" joins two nouns, not two clauses.
        joins = sum(joining[lo + 1 : hi])
        breaks -= joins
        cost += LINKED_JOIN_COST * joins
    cost += BREAK_COST * breaks
    cost += COMMA_COST * (comma_before[hi] - comma_before[lo])
    cost += VALUE_COST * sum(
        1 for o in candidates
        if o is not c and lo < o.first and o.last < hi and o.value.dimension == c.value.dimension and not _same_day(o, c)
    )
    return cost


def _clause_bounds(c: _Candidate, cue: _Cue | None, words: list[tuple[str, int, int]], break_before: list[int]) -> tuple[int, int]:
    """Word indices [first, last] of the clause around the value (and its cue)."""
    first = min(c.first, cue.first) if cue else c.first
    last = max(c.last, cue.last) if cue else c.last
    while first > 0 and break_before[first] == break_before[first - 1]:
        first -= 1
    while last + 1 < len(words) and break_before[last + 1] == break_before[last]:
        last += 1
    return first, last


def _claim(
    text: str,
    index: int,
    c: _Candidate,
    cue: _Cue | None,
    measure_id: str,
    attribute: str,
    words: list[tuple[str, int, int]],
    lowered: list[str],
    break_before: list[int],
    timexes: list[Timex],
    entities: list[Entity],
    attributions: list[tuple[int, Attribution]],
    people: _People,
    table: MeasureTable,
    candidates: list[_Candidate],
) -> Claim:
    first, last = _clause_bounds(c, cue, words, break_before)
    clause_start, clause_end = words[first][1], words[last][2]
    sentence_start, sentence_end = words[0][1], words[-1][2]
    attribution_index = _attribution_at(attributions, c.start, sentence_start, sentence_end)
    source_spans = [(a.source.start, a.source.end) for _i, a in attributions]
    subjects: list[str] = []
    place: str | None = None
    area: str | None = None  # the area of a body named with it ("BPBD DKI Jakarta")
    taken = [(c.start, c.end)] + ([(cue.start, cue.end)] if cue else [])
    for e in entities:
        if not (clause_start <= e.start < clause_end) or any(s <= e.start < t for s, t in source_spans):
            continue
        if any(s < e.end and e.start < t for s, t in taken) or _CURRENCY_NAME.search(text, max(0, e.start - 8), e.start):
            continue  # "US$7 miliar", "per dolar AS": a currency, not a place
        name = e.canonical or e.text
        if e.type == "LOC":
            place = place or name
        elif e.type in ("PER", "ORG") and name not in subjects:
            subjects.append(name)
            if e.type == "ORG" and area is None:
                area = _area_of(name)
    place = place or area
    if place is None:
        place = _fronted_place(text, sentence_start, sentence_end, lowered, entities)
    person = _person_of(c, people, sentence_start, lowered)
    qualifiers: dict[str, str] = {}
    if place:
        qualifiers["place"] = place
    if person:
        # The person the figure is about ("Lusiana divonis 5 tahun"), the speaker left out.
        qualifiers["person"] = person
    reach = _reach(c, candidates, lowered)
    segment = (_segment(table.measure(measure_id), lowered, c, *reach, table.breakdown_cues) or _numbered_part(table, lowered, c, *reach)
               or _listed_part(table, table.measure(measure_id), lowered, c))
    if segment:
        qualifiers["segment"] = segment
    if _is_previous(lowered, c, last):
        qualifiers["phase"] = "before"  # "naik dari Rp12.950 menjadi Rp13.700": the old value
    if c.noun and c.value.unit == "person":
        roles = {m for tokens, m, is_role in table.cues.get(c.noun, ()) if is_role and tokens == (c.noun,)}
        if roles and measure_id not in roles:
            qualifiers["role"] = c.noun
    value = c.value
    measure = table.measure(measure_id)
    if value.dimension == "count" and value.unit in measure.counts:
        # "11 nota" and "nine memorandums", "9 kendaraan" and "1 truk": counts of the measure's
        # things, whatever the noun (the kind, where it matters, is the segment).
        value = replace(value, unit=measure_id)
    if cue is not None and cue.start < c.start < cue.end and value.number is not None and value.precision != "range":
        # "kecepatan maksimal 350 km/jam": the modifier word belongs to the cue ("top speed").
        value = ClaimValue(kind=value.kind, dimension=value.dimension, precision="exact", number=value.number,
                           low=value.number, high=value.number, unit=value.unit)
    modality = _modality(text, lowered, first, c, words, table, candidates)
    attribution = dict(attributions).get(attribution_index) if attribution_index is not None else None
    if (modality == "asserted" and attribution is not None and attribution.hedged
            and attribution.content.start <= c.start < attribution.content.end):
        modality = "hedged"  # a hedged quote hedges its own figures, not the others of its sentence
    return Claim(
        measure=measure_id,
        attribute=attribute,
        value=value,
        span=Span(text=text[c.start : c.end], start=c.start, end=c.end),
        cue=Span(text=text[cue.start : cue.end], start=cue.start, end=cue.end) if cue else None,
        sentence=index,
        subjects=subjects,
        qualifiers=qualifiers,
        time_scope=_scope(c, timexes, words, first, last, lowered),
        modality=modality,
        revised=_revised(lowered, first, last, cue, table),
        attribution=attribution_index,
        source=(attribution.source.canonical or attribution.source.text.strip() or None) if attribution else None,
        via=list(attribution.via) if attribution else [],
    )


_FROM_WORDS = frozenset("dari from".split())
_TO_WORDS = frozenset("menjadi jadi ke to".split())


_CHANGE_WORDS = frozenset("naik turun meningkat menurun melonjak anjlok bertambah berkurang up down".split())


_PLACE_OPENERS = frozenset("di in untuk at for".split())


def _fronted_place(text: str, start: int, end: int, lowered: list[str], entities: list[Entity]) -> str | None:
    """A place the sentence opens with ("Di Sumatera Utara, Pertamax dijual ...", "In Jakarta,
    ..."): it sets the scene for every figure of the sentence that names no place of its own."""
    if not lowered or lowered[0] not in _PLACE_OPENERS:
        return None
    comma = text.find(",", start, end)
    if comma < 0:
        return None
    for e in entities:
        if e.type == "LOC" and start <= e.start and e.end <= comma:
            return e.canonical or e.text
    return None


def _is_previous(lowered: list[str], c: _Candidate, last: int) -> bool:
    """A value after "dari"/"from" with "menjadi"/"to" later in its clause, or right after a
    change word ("turun dari Rp12.800", "up from 1,200"), is the value before a change."""
    if c.first == 0 or lowered[c.first - 1] not in _FROM_WORDS:
        return False
    if c.first >= 2 and lowered[c.first - 2] in _CHANGE_WORDS:
        return True
    return any(w in _TO_WORDS for w in lowered[c.last + 1 : min(last, c.last + 4) + 1])


SEGMENT_REACH = 8  # words between a value and the word naming its part ("luka berat 4 orang")


def _reach(c: _Candidate, candidates: list[_Candidate], lowered: list[str]) -> tuple[int, int]:
    """Word indices around a value up to the next value of its kind or a joining word ("dan",
    "while") on either side; brackets and commas may stand between a value and the word naming
    its part ("(JISDOR) BI hari ini dipatok Rp16.475")."""
    first, last = 0, len(lowered) - 1
    for i in range(c.first - 1, -1, -1):
        if lowered[i] in _BREAK_WORDS:
            first = i + 1
            break
    for i in range(c.last + 1, len(lowered)):
        if lowered[i] in _BREAK_WORDS:
            last = i - 1
            break
    for o in candidates:
        if o is c or o.value.dimension != c.value.dimension:
            continue
        if o.last < c.first:
            first = max(first, o.last + 1)
        elif o.first > c.last:
            last = min(last, o.first - 1)
    return first, last


def _segment(
    measure: Measure, lowered: list[str], c: _Candidate, first: int, last: int,
    partitives: frozenset[tuple[str, ...]] = frozenset(),
) -> str | None:
    """The part of the measure the clause names nearest the value, if any. A part named after
    "sebagian", "di antaranya", "mostly" is a part of the value, not the value's own
    ("312 rumah rusak, sebagian di antaranya hanyut")."""
    best: tuple[int, str] | None = None
    end = min(last, c.last + SEGMENT_REACH) + 1
    # Nothing after the first partitive phrase following the value is the value's part.
    stop = next((i for i in range(c.last + 1, end) if _has_phrase(lowered, i, i + 1, partitives)), end)
    for i in range(max(first, c.first - SEGMENT_REACH), min(end, stop + 1)):
        for tokens, name in measure.segments:
            if tuple(lowered[i : i + len(tokens)]) == tokens:
                distance = c.first - (i + len(tokens)) if i < c.first else i - c.last
                if best is None or distance < best[0]:
                    best = (distance, name)
                break
    return best[1] if best else None


ORDINAL_REACH = 4  # words between a value and the numbered part it belongs to ("Seksi 1 memiliki panjang 35,4 km")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


_PART_CODE = re.compile(r"^\d+[a-z]$")  # "Paket 3A", "Blok 2b"


def _ordinal(word: str, table: MeasureTable) -> int | str | None:
    word = word.removeprefix("ke-")
    if word.isdigit():
        return int(word)
    if _PART_CODE.match(word):
        return word
    return _ROMAN.get(word) or (table.ordinals or {}).get(word)


def _numbered_part(table: MeasureTable, lowered: list[str], c: _Candidate, first: int, last: int) -> str | None:
    """A numbered part named beside the value ("Seksi 1", "tahap kedua", "phase two"): the values
    of two parts are two scopes, and "Seksi 1" and "seksi pertama" are one."""
    best: tuple[int, str] | None = None
    for i in range(max(first, c.first - ORDINAL_REACH - 1), min(last, c.last + ORDINAL_REACH) + 1):
        if lowered[i] not in table.part_nouns or i + 1 >= len(lowered) or c.first <= i + 1 <= c.last:
            continue
        number = _ordinal(lowered[i + 1], table)
        if number is None:
            continue
        distance = c.first - (i + 2) if i < c.first else i - c.last
        if best is None or distance < best[0]:
            best = (distance, f"{lowered[i]} {number}")
    return best[1] if best else None


LIST_REACH = 10  # words from "terdiri atas" to the last item of its list


def _listed_part(table: MeasureTable, measure: Measure, lowered: list[str], c: _Candidate) -> str | None:
    """A count listed as part of a whole ("9 kendaraan, terdiri atas satu truk, satu bus"): the
    kind it counts is its part, unless that kind names the measure itself."""
    if not c.noun or c.noun not in measure.counts:
        return None
    if any(m == measure.id and tokens == (c.noun,) for tokens, m, _role in table.cues.get(c.noun, ())):
        return None
    # The list runs on past its first item ("terdiri atas satu truk, satu bus, dan tujuh mobil").
    for cue in table.breakdown_cues:
        for end in range(max(0, c.first - LIST_REACH), c.first + 1):
            if end >= len(cue) and tuple(lowered[end - len(cue) : end]) == cue:
                return c.noun
    return None


def _revised(lowered: list[str], first: int, last: int, cue: _Cue | None, table: MeasureTable) -> bool:
    """A revision word in the clause, outside the cue's own words ("komunikasi terakhir" names
    the measure; "data terakhir" says the figure is the latest)."""
    words = [w if cue is None or not (cue.first <= i <= cue.last) else "" for i, w in enumerate(lowered)]
    return _has_phrase(words, first, last + 1, table.revision_cues)


_PRONOUNS = frozenset("dia ia beliau he she".split())


@lru_cache(maxsize=4096)
def _area_of(name: str) -> str | None:
    """The place a body's name carries, by its canonical place name ("BPBD DKI Jakarta" ->
    "DKI Jakarta"): before such names were one ORG the place was a LOC of its own."""
    from warta.analyze.entities.linking import Mention, resolve_names
    from warta.analyze.entities.overrides import area_of
    from warta.analyze.entities.resources import get_resources

    res = get_resources()
    area = area_of(name, res)
    if area is None:
        return None
    (mention,) = resolve_names([Mention(area, 0, len(area), "LOC")], res)
    return mention.canonical


def _person_of(c: _Candidate, people: _People, sentence_start: int, lowered: list[str]) -> str | None:
    """The person a figure is about: the person named nearest before it in its sentence (not a
    speaker), else, when the sentence opens with "Dia"/"Ia"/"He", the last person named before it."""
    person = people.last_before(c.start)
    if person is None or (person.start < sentence_start and not (lowered and lowered[0] in _PRONOUNS)):
        return None
    return person.canonical or person.text


def _attribution_at(attributions: list[tuple[int, Attribution]], pos: int, start: int, end: int) -> int | None:
    """The index of the attribution whose words hold ``pos``, else of one cued in the sentence."""
    for i, a in attributions:
        if a.content.start <= pos < a.content.end:
            return i
    for i, a in attributions:
        if start <= a.cue.start < end:
            return i
    return None


def _modality(
    text: str, lowered: list[str], first: int, c: _Candidate, words: list[tuple[str, int, int]], table: MeasureTable,
    candidates: list[_Candidate],
) -> str:
    if _has_phrase(lowered, 0, c.first, table.denial_cues):
        return "denied"
    # An expectation or a hedge governs the value after it, not a later one it has already
    # passed ("partisipasi diperkirakan 72 persen dari 3.985.412 pemilih": the voters are counted).
    start = max([o.last + 1 for o in candidates if o is not c and first <= o.first and o.last < c.first
                 and o.value.kind == "number"], default=first)
    if _has_phrase(lowered, start, c.first, table.expected_cues):
        return "expected"
    if hedge_cues(text, words[start][1], words[c.first][1]):
        return "hedged"
    return "asserted"


def _scope(c: _Candidate, timexes: list[Timex], words: list[tuple[str, int, int]], first: int, last: int, lowered: list[str]) -> str | None:
    """The date a value holds for: a cut-off ("hingga Selasa") in the sentence, else a date in
    its clause, else the last date before it in the sentence, else the first after it that no
    joining word ("dan", "while") separates from it."""
    if c.value.kind == "time":
        return None
    in_clause: str | None = None
    earlier: str | None = None
    later: str | None = None
    for t in timexes:
        if not _YEAR_FIRST.match(t.value) or t.type not in ("DATE", "TIME"):
            continue  # a year or a month dates a figure too ("banjir 2020 menewaskan 41 orang")
        where = _word_index(words, t.start, t.end)
        if where is None:
            continue
        before = lowered[where[0] - 1] if where[0] > 0 else ""
        if before in _CUTOFF_WORDS or (where[0] > 1 and " ".join(lowered[where[0] - 2 : where[0]]) == "as of"):
            return t.value
        if in_clause is None and first <= where[0] <= last:
            in_clause = t.value
        if where[1] < c.first:
            earlier = t.value  # the last date before the value in its sentence ("Tahun lalu, gaji naik 8 persen")
        elif later is None and where[0] > c.last and not any(
            w in _BREAK_WORDS or w in _COMPARISON_WORDS for w in lowered[c.last + 1 : where[0]]
        ):
            later = t.value  # a lede's closing date: "12.400 kendaraan melintas ..., Rabu (11/9/2024)"
    return in_clause or earlier or later
