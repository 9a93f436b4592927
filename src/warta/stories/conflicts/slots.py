"""Slots and relations: which claims of a story state the same thing, and how their values relate.

A *slot* is one measure of one thing: claims share it when they name the same measure
(``deaths``), the same role ("penumpang"), part ("luka berat") and phase ("naik dari"), and
the same gazetteer place. A claim that names no place fits a slot whose claims name one place;
where a story's claims name several, it is ambiguous and left out rather than guessed.

Between two values :func:`relate` decides:
- **different scope**: other slots, two named people ("Hendra" / "Lusiana"), moments each
  stated and different, a background figure a week or more away, or two times of "the"
  happening half a year apart;
- **agree**: what the words allow overlaps ("sekitar 400" and "412"; "Rp3,5 triliun" and
  "Rp3.482.000.000.000"); exact values must be equal, times equal at the coarser precision;
- **correction**: the same outlet, speaker or relay gives another value;
- **update**: the later report says its figure changed ("bertambah menjadi", "up from"), or a
  measure that changes (a toll, a price) is given for another moment or half a day later;
- **disagree**: none of those: independent sources, the same moment, values that cannot
  both be true.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from warta.analyze.measures import Measure, MeasureTable, load_measures
from warta.model import Claim, ClaimValue
from warta.stories.evidence import Member
from warta.stories.timevalues import compatible, interval

__all__ = ["Stated", "stated_claims", "Slots", "relate", "values_agree", "background", "RELATIONS"]

RELATIONS = ("agree", "disagree", "update", "correction", "different_scope")
_CLOCK = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(Z|[+-]\d{2}:?\d{2})?$")
_APPROX_MINUTES = 15


@dataclass(slots=True)
class Stated:
    """One claim as a story sees it: who stated it, where, and when it was published."""

    member: Member
    claim: Claim
    measure: Measure
    speaker: str | None
    channels: frozenset[str]

    @property
    def article(self) -> str:
        return self.member.id

    @property
    def reported(self) -> str | None:
        return self.member.article.published or self.member.analysis.published

    @property
    def moment(self) -> str | None:
        """The day the value holds for: its own time scope, else its publication day."""
        scope = self.claim.time_scope
        if scope:
            return scope.split("T", 1)[0]
        return self.reported[:10] if self.reported else None

    def sentence(self) -> str:
        return self.member.sentence_text(self.claim.sentence)


def stated_claims(members: list[Member], table: MeasureTable | None = None) -> list[Stated]:
    table = table or load_measures()
    out = []
    for member in members:
        for claim in member.analysis.claims:
            speaker = member.speaker(claim.attribution)
            out.append(Stated(member, claim, table.measure(claim.measure), speaker or claim.source,
                              member.channels(claim.attribution)))
    return out


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().split())


def _same_place(a: str, b: str) -> bool:
    la, lb = _norm(a), _norm(b)
    return la == lb or la in lb or lb in la


class Slots:
    """The slots of one story's claims: :meth:`key` gives each claim its slot, or None when
    the claim cannot be placed with confidence.

    A slot is a measure, a role and a place. Places count only when the gazetteer knows them
    below the level of a country (a ship's name or "Indonesia" says nothing about scope). A
    claim that names no place joins the one place its measure's claims name; where they name
    several, each stated by more than one claim, it is left out. Named persons and
    organisations in the clause are kept on the claim but do not split slots: they are as
    often the speaker or the agent as the thing measured.
    """

    def __init__(self, stated: list[Stated]) -> None:
        self._absorbed = _absorbed(stated)
        places: dict[tuple[str, str], Counter[str]] = {}
        told_in: dict[str, set[str]] = {}
        for s in stated:
            place = _scope_place(s)
            if place:
                places.setdefault(self._base(s), Counter())[place] += 1
                told_in.setdefault(place, set()).add(s.article)
        self._places = {k: _distinct_places(v) for k, v in places.items()}
        # Places the story's reports share (any measure): where the story happens, not a detail
        # one report adds ("dari Labuan Bajo dilaporkan 24 orang").
        self._shared = {p for p, articles in told_in.items() if len(articles) > 1}

    def measure_of(self, s: Stated) -> str:
        """The claim's measure, or the measure that absorbs its lone figure in this story."""
        return self._absorbed.get(id(s), s.claim.measure)

    def _base(self, s: Stated) -> tuple[str, str]:
        # A role ("penumpang") and a part ("luka berat", "kurs jual") narrow the measure; a
        # value naming neither is the whole.
        q = s.claim.qualifiers
        return self.measure_of(s), "/".join(x for x in (q.get("role", ""), q.get("segment", ""), q.get("phase", "")) if x)

    def key(self, s: Stated) -> tuple[str, str, str] | None:
        base = self._base(s)
        place = _scope_place(s)
        known = self._places.get(base, [])
        if place:
            place_key = next((p for p, _n in known if _same_place(p, place)), place)
        elif len(known) == 1 and any(_same_place(known[0][0], p) for p in self._shared):
            place_key = known[0][0]  # the one place the story gives this measure for, and its place
        else:
            strong = [p for p, n in known if n > 1]
            if len(strong) > 1:
                return None  # the story's claims give this measure for several places: which one?
            place_key = strong[0] if strong else ""
        return base[0], base[1], place_key


ABSORB_RATIO = 2.0  # a lone figure joins another measure only if within this factor of its figures


def _absorbed(stated: list[Stated]) -> dict[int, str]:
    """Claims whose measure only one article of the story states (or a generic one, "terjadi"),
    taken as the one measure of the story, stated by several articles, that absorbs it (data:
    ``absorbs``): when figures, of one size."""
    articles: dict[str, set[str]] = {}
    numbers: dict[str, list[float]] = {}
    for s in stated:
        articles.setdefault(s.claim.measure, set()).add(s.article)
        if s.claim.value.number:
            numbers.setdefault(s.claim.measure, []).append(abs(s.claim.value.number))
    out: dict[int, str] = {}
    hosts: dict[str, list[str]] = {}
    for s in stated:
        for absorbed in s.measure.absorbs:
            if len(articles.get(s.claim.measure, ())) > 1 and s.claim.measure not in hosts.get(absorbed, []):
                hosts.setdefault(absorbed, []).append(s.claim.measure)
    for s in stated:
        host = hosts.get(s.claim.measure, [])
        if len(host) != 1 or not (len(articles[s.claim.measure]) == 1 or s.measure.generic):
            continue  # a generic measure ("terjadi") is absorbed however many tell it
        if s.claim.value.kind == "time":
            out[id(s)] = host[0]
            continue
        value = abs(s.claim.value.number or 0.0)
        if value and any(value / ABSORB_RATIO <= n <= value * ABSORB_RATIO for n in numbers.get(host[0], [])):
            out[id(s)] = host[0]
    return out


def _scope_place(s: Stated) -> str:
    name = s.claim.qualifiers.get("place")
    if not name:
        return ""
    found = _gazetteer().get(name.lower().strip())
    if found is None or getattr(found, "type", None) == "country":
        return ""
    return _norm(name)


def _gazetteer() -> dict:
    from warta.stories.places import _places

    return _places()


def _distinct_places(counts: Counter[str]) -> list[tuple[str, int]]:
    """Names that are not one another ("Cianjur", "Kabupaten Cianjur"), with their claim counts."""
    out: list[tuple[str, int]] = []
    for name in sorted(counts, key=len):
        for i, (kept, n) in enumerate(out):
            if _same_place(name, kept):
                out[i] = (kept, n + counts[name])
                break
        else:
            out.append((name, counts[name]))
    return out


def _clock(value: str) -> tuple[datetime, bool] | None:
    """A clock time as a datetime (in UTC when the value carries an offset) and whether it did."""
    match = _CLOCK.match(value)
    if match is None:
        return None
    day, hour, minute, zone = match.groups()
    moment = datetime.fromisoformat(f"{day}T{hour}:{minute}")
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        moment -= sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    return moment, zone is not None


def _times_agree(a: ClaimValue, b: ClaimValue) -> bool:
    va, vb = a.timex or "", b.timex or ""
    if not (a.day_stated and b.day_stated):
        # One side says only a clock time or a part of day, whose day the time engine
        # guessed: compare what both sides say, the time of day.
        if "T" not in va or "T" not in vb:
            return True
        va, vb = "2000-01-01" + va[10:], "2000-01-01" + vb[10:]
    ca, cb = _clock(va), _clock(vb)
    if ca and cb:
        if ca[1] != cb[1]:  # one zone unknown: compare the clock times as written
            ca, cb = _clock(va[:16]), _clock(vb[:16])
        slack = timedelta(minutes=_APPROX_MINUTES if "approx" in (a.precision, b.precision) else 0)
        return abs(ca[0] - cb[0]) <= slack  # type: ignore[index]
    return compatible(va[:10], vb[:10])  # a part of day is too loose to contradict a clock


def values_agree(a: ClaimValue, b: ClaimValue) -> bool | None:
    """True when both can be true, False when not, None when they cannot be compared."""
    if a.kind != b.kind or a.dimension != b.dimension:
        return None
    if a.kind == "time":
        return _times_agree(a, b)
    if a.unit != b.unit:
        return None
    low_a = a.low if a.low is not None else float("-inf")
    low_b = b.low if b.low is not None else float("-inf")
    high_a = a.high if a.high is not None else float("inf")
    high_b = b.high if b.high is not None else float("inf")
    return low_a <= high_b and low_b <= high_a


def relate(a: Stated, b: Stated, slots: Slots) -> str | None:
    """How ``b``'s value stands to ``a``'s: one of :data:`RELATIONS`, or None when the two
    are about different measures altogether (or cannot be compared)."""
    if slots.measure_of(a) != slots.measure_of(b):
        return None
    ka, kb = slots.key(a), slots.key(b)
    if ka is None or kb is None:
        return None
    if ka != kb or _other_people(a, b):
        return "different_scope"
    agree = values_agree(a.claim.value, b.claim.value)
    if agree is None:
        return None
    if agree:
        return "agree"
    if _orders_apart(a.claim.value, b.claim.value):
        return "different_scope"  # 187 mm of rain and "300 kilometres north": not one fact
    same_source = (a.speaker and _norm(a.speaker) == _norm(b.speaker)) or (
        a.member.article.outlet and a.member.article.outlet == b.member.article.outlet
    )
    if same_source or a.channels & b.channels:
        return "correction" if a.article != b.article else "update"
    if _far_apart(a, b):
        return "different_scope"  # a background figure of another moment ("banjir 2020")
    if a.claim.time_scope and b.claim.time_scope and not _same_moment(a.claim.time_scope, b.claim.time_scope):
        # Each says when it held and the moments differ: whatever the measure, two moments
        # (12.400 vehicles on Wednesday, 15.870 on Thursday); a measure that changes, updated.
        return "different_scope" if a.measure.temporal == "static" else "update"
    if a.claim.value.kind == "time" and _times_far_apart(a.claim.value, b.claim.value):
        return "different_scope"  # the eruption of 2021 told beside this one: two happenings
    first, last = sorted((a, b), key=lambda s: (s.moment or "", s.reported or ""))
    if last.claim.revised and (last.reported or "") > (first.reported or ""):
        return "update"  # the later report says its figure changed: "bertambah menjadi", "up from"
    if a.measure.temporal == "static" or a.claim.value.kind == "time":
        return "disagree"
    if a.measure.temporal == "monotone" and _hours_apart(a, b) > UPDATE_HOURS and _grew(first, last):
        return "update"  # a running count, higher in a report half a day later
    explicit = a if a.claim.time_scope else b if b.claim.time_scope else None
    if explicit is not None and _days_apart(a, b) > (1 if _scheduled(explicit) else 0):
        # One says when it held, another day than the other was reported; a day's slack for a
        # value announced ahead ("berlaku 1 Agustus" told on 31 July).
        return "update"
    if explicit is None and _hours_apart(a, b) > UPDATE_HOURS:
        # A measure that changes, told half a day apart with no moment of its own: the later
        # report's figure is the later one (a toll the next morning, a price the next day).
        return "update"
    return "disagree"


UPDATE_HOURS = 12
FAR_TIME_DAYS = 180  # two times of "the" happening this far apart are two happenings
MAX_RATIO = 100  # figures this many times apart are not two reports of one fact


def _grew(first: Stated, last: Stated) -> bool:
    """The later report's figure is the higher one (by publication time)."""
    early, late = sorted((first, last), key=lambda s: s.reported or "")
    return (late.claim.value.low or 0) > (early.claim.value.high or 0)


def _orders_apart(a: ClaimValue, b: ClaimValue) -> bool:
    x, y = abs(a.number or 0.0), abs(b.number or 0.0)
    return min(x, y) > 0 and max(x, y) / min(x, y) > MAX_RATIO


def _hours_apart(a: Stated, b: Stated) -> float:
    try:
        ta, tb = datetime.fromisoformat(a.reported or ""), datetime.fromisoformat(b.reported or "")
    except ValueError:
        return 0.0
    if (ta.tzinfo is None) != (tb.tzinfo is None):
        ta, tb = ta.replace(tzinfo=None), tb.replace(tzinfo=None)
    return abs((ta - tb).total_seconds()) / 3600


def _gap_days(a: str, b: str) -> int | None:
    """Whole days between two dated values' intervals (negative when they overlap), or None."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return None
    return max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days)


def _times_far_apart(a: ClaimValue, b: ClaimValue) -> bool:
    gap = _gap_days((a.timex or "")[:10], (b.timex or "")[:10])
    return gap is not None and gap > FAR_TIME_DAYS


FAR_DAYS = 7


def background(s: Stated) -> bool:
    """A count said to hold more than a week before its report was published: the toll of an
    earlier disaster told as background. (Statistics of a past period, a month's inflation or
    a year's trade, are what the report is about.)"""
    if not (s.claim.time_scope and s.reported) or s.claim.value.dimension != "count":
        return False
    scope, day = interval(s.claim.time_scope.split("T", 1)[0]), interval(s.reported[:10])
    # Only a scope before the report counts: one after it is a schedule, not background.
    return scope is not None and day is not None and (day[0] - scope[1]).days > FAR_DAYS


def _other_people(a: Stated, b: Stated) -> bool:
    """Each figure is about a named person, and not the same one (two defendants' sentences)."""
    if a.claim.value.kind == "time":
        return False  # the time of a happening is not about the person named beside it
    pa, pb = a.claim.qualifiers.get("person"), b.claim.qualifiers.get("person")
    return bool(pa and pb) and not (_norm(pa) in _norm(pb) or _norm(pb) in _norm(pa))


def _scheduled(s: Stated) -> bool:
    """The value is told before the moment it holds for (a price from next Monday)."""
    return bool(s.reported and s.moment and s.moment > s.reported[:10])


def _same_moment(a: str, b: str) -> bool:
    if "T" in a and "T" in b and a[11:12].isdigit() and b[11:12].isdigit():
        return a[:16] == b[:16]
    return compatible(a.split("T", 1)[0], b.split("T", 1)[0])


def _days_apart(a: Stated, b: Stated) -> int:
    return max(0, _gap_days(a.moment or "", b.moment or "") or 0)


def _far_apart(a: Stated, b: Stated) -> bool:
    """One value says it held at a moment more than a week from the other's. For a measure
    with one true value (a final tally, a length), a report that says no moment may be telling
    the same past one: only two stated moments can be far apart."""
    if not (a.claim.time_scope or b.claim.time_scope) or not (a.moment and b.moment):
        return False
    if a.measure.temporal == "static" and not (a.claim.time_scope and b.claim.time_scope):
        return False
    gap = _gap_days(a.moment, b.moment)
    return gap is not None and gap > FAR_DAYS
