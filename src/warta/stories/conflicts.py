"""Where a story's sources disagree: the same event's time or place, or the same quantity.

Event groups (see :mod:`warta.stories.timeline`) of one type and overlapping participants
whose times cannot both be true are one event reported two ways — when they are close in
time (:data:`CONFLICT_WINDOW_DAYS`), no article tells both (an article giving two dates
tells two events, such as a departure and an arrival), and each is the other's closest
match. Expected events compared this way are an *estimate* that changed between reports.

Quantities conflict when independent articles give one value each for the same measure
(same unit, shared context words) and the values are incompatible given their modifiers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from warta.model import Quantity
from warta.stories.evidence import Member
from warta.stories.places import places_compatible
from warta.stories.records import Conflict, ConflictValue
from warta.stories.synonyms import canonical_stems
from warta.stories.text import comparison_stems, content_stems, words
from warta.stories.timeline import EventGroup, Frame, one_line, participants_overlap
from warta.stories.timevalues import compatible, day_distance, is_dated, precision, span_days

CONFLICT_WINDOW_DAYS = 4
QUANTITY_TOLERANCE = 0.005  # relative difference below which two values agree (rounding)
CONTEXT_WORDS = 4
# A time this far (in characters) from its trigger is more likely another clause's time.
ANCHOR_DISTANCE = 70
# "hingga Selasa malam", "as of Tuesday": the cut-off of a count, not when the event happened.
_CUTOFF = re.compile(r"(?:hingga|sampai|per|until|as of|through|by)\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]“”\"]|\b(?:dan|dengan|serta|sementara|and|with|while)\b", re.IGNORECASE)
# Durations and offsets ("sehari sebelumnya", "lima hari sebelum") are the time engine's.
_TIME_UNITS = frozenset(
    "day days hari week weeks pekan minggu month months bulan year years tahun hour hours jam "
    "minute minutes menit second seconds detik decade dekade century abad".split()
)
# Estimates bounded by "paling cepat" / "paling lambat" compared sentence to sentence.
_BOUNDS = frozenset({"ON_OR_AFTER", "ON_OR_BEFORE"})
MIN_SHARED_ESTIMATE = 3


def _value_for(group: EventGroup, value: str) -> ConflictValue:
    frames = [f for f in group.frames if f.value and compatible(f.value, value)]
    frames.sort(key=lambda f: (f.member.reported or "", f.member.id))
    out = ConflictValue(value=value)
    for f in frames:
        attribution = f.event.attribution
        if attribution is None:
            attribution = f.member.attribution_for_sentence(f.event.sentence)
        _add(out, f.member, f.member.speaker(attribution), f.sentence)
    return out


def _add(value: ConflictValue, member: Member, speaker: str | None, sentence: str) -> None:
    if member.id not in value.articles:
        value.articles.append(member.id)
        if member.article.outlet and member.article.outlet not in value.outlets:
            value.outlets.append(member.article.outlet)
        if member.reported and member.reported not in value.reported:
            value.reported.append(member.reported)
    if speaker and speaker not in value.attributed_to:
        value.attributed_to.append(speaker)
    if sentence and sentence not in value.sentences:
        value.sentences.append(sentence)


def _group_similarity(a: _GroupView, b: _GroupView) -> float:
    sa, sb = a.stems, b.stems
    score = len(sa & sb) / len(sa | sb) if sa and sb else 0.0
    if a.places and b.places and a.places & b.places:
        score += 0.5
    return score + 0.1 * len(a.participants & b.participants)


def _anchored(frame: Frame) -> bool:
    """The frame's time belongs to its trigger: near it and not a count's cut-off."""
    if not frame.event.time or not frame.value:
        return False
    text = frame.member.analysis.text
    trigger = frame.event.trigger
    time_text = frame.event.time.text
    # The occurrence of the time expression nearest the trigger: (distance, start).
    nearest: tuple[int, int] | None = None
    start = text.find(time_text, max(0, trigger.start - 400)) if time_text else -1
    while start != -1 and start < trigger.end + 400:
        distance = max(0, start - trigger.end, trigger.start - (start + len(time_text)))
        if nearest is None or distance < nearest[0]:
            nearest = (distance, start)
        start = text.find(time_text, start + 1)
    if nearest is None:
        return True  # the frame's own reading of the time: trust it
    distance, start = nearest
    if distance > ANCHOR_DISTANCE:
        return False
    return not _CUTOFF.search(text[max(0, start - 12) : start])


def _trigger_stems(group: EventGroup) -> set[str]:
    return canonical_stems(stem for f in group.frames for stem in content_stems(f.event.trigger.text))


def _anchored_value(group: EventGroup) -> str | None:
    """The most precise time of the group's anchored frames."""
    values = [f.value for f in group.frames if f.value and _anchored(f)]
    if not values:
        return None
    return min(values, key=lambda v: (span_days(v), v))


@dataclass(slots=True)
class _GroupView:
    """What the pairwise comparisons read of an event group, worked out once per group
    (every group meets every other, and the group's properties are computed on access)."""

    type: str
    article_ids: set[str]
    expected: bool  # any frame tells a plan or an expectation
    participants: set[str]
    places: set[str]
    stems: frozenset[str]
    trigger_stems: set[str]
    anchored_value: str | None

    @classmethod
    def of(cls, group: EventGroup) -> _GroupView:
        return cls(
            type=group.type,
            article_ids=group.article_ids,
            expected=any(f.event.expected for f in group.frames),
            participants=group.participants,
            places=group.places,
            stems=group.stems,
            trigger_stems=_trigger_stems(group),
            anchored_value=_anchored_value(group),
        )


def _could_be_one_event(a: _GroupView, b: _GroupView) -> bool:
    if a.type != b.type or a.article_ids & b.article_ids:
        return False
    # A plan and a report that something happened are different claims, not a dispute.
    if a.expected != b.expected:
        return False
    if not participants_overlap(a.participants, b.participants):
        return False
    if not places_compatible(a.places, b.places):
        return False
    # Told with the same word (after paraphrase folding): "berangkat" / "meninggalkan".
    if not a.trigger_stems & b.trigger_stems:
        return False
    va, vb = a.anchored_value, b.anchored_value
    if not va or not vb or compatible(va, vb):
        return False
    # Only precise claims can contradict: "2023" against "2023-09-10" does not.
    if precision(va) not in ("day", "daypart", "time") or precision(vb) not in ("day", "daypart", "time"):
        return False
    distance = day_distance(va, vb)
    return distance is not None and distance <= CONFLICT_WINDOW_DAYS


def _subject(a: EventGroup, b: EventGroup) -> str:
    """Who or where the disputed event is about: participants, else places, else its trigger words."""
    named = sorted(a.participants | b.participants) or sorted(a.places | b.places)
    if named:
        return ", ".join(named)
    triggers = sorted({f.event.trigger.text.lower() for f in a.frames + b.frames})
    return " / ".join(f"“{t}”" for t in triggers)


def event_conflicts(groups: list[EventGroup]) -> list[Conflict]:
    """Time conflicts between event groups that are one event reported two ways."""
    views = [_GroupView.of(group) for group in groups]
    candidates: dict[int, list[int]] = defaultdict(list)
    for i, a in enumerate(views):
        for j, b in enumerate(views):
            if i != j and _could_be_one_event(a, b):
                candidates[i].append(j)

    def best(i: int) -> int:
        return max(candidates[i], key=lambda j: (_group_similarity(views[i], views[j]), -j))

    conflicts: list[Conflict] = []
    seen: set[tuple[int, int]] = set()
    for i in sorted(candidates):
        j = best(i)
        if best(j) != i or (min(i, j), max(i, j)) in seen:
            continue
        seen.add((min(i, j), max(i, j)))
        a, b = groups[i], groups[j]
        expected = all(f.event.expected for f in a.frames + b.frames)
        values = sorted(
            [_value_for(a, views[i].anchored_value or ""), _value_for(b, views[j].anchored_value or "")],
            key=lambda v: v.value,
        )
        about = f"{'expected ' if expected else ''}{a.type} ({_subject(a, b)}): time"
        conflicts.append(Conflict(about=about, kind="estimate" if expected else "time", values=values))
    return conflicts


@dataclass(slots=True)
class _Measure:
    member: Member
    quantity: Quantity
    value: float
    unit: str
    context: frozenset[str]
    sentence: str
    subjects: frozenset[str]
    moments: tuple[str, ...]  # dates the sentence gives for the value

    def same_moment(self, other: _Measure) -> bool:
        """Counts change (a death toll rises): values dated to different moments do not clash.

        A value with no date of its own held when it was reported; two undated values (a
        train's top speed) are taken as timeless claims about the same thing.
        """
        if not self.moments and not other.moments:
            return True
        mine = self.moments or ((self.member.reported,) if self.member.reported else ())
        theirs = other.moments or ((other.member.reported,) if other.member.reported else ())
        if not mine or not theirs:
            return True
        return any(compatible(a, b) for a in mine for b in theirs)

    def same_measure(self, other: _Measure) -> bool:
        """Shared context words, and no two disjoint sets of named subjects (BI vs The Fed)."""
        if not self.context & other.context:
            return False
        return not (self.subjects and other.subjects and not self.subjects & other.subjects)


def _measure(member: Member, q: Quantity) -> _Measure | None:
    value, unit = q.value, q.unit
    if q.normalized and q.normalized.get("value") is not None:
        value, unit = q.normalized.get("value"), q.normalized.get("unit") or unit
    if value is None or not unit:
        return None
    if unit.lower() in _TIME_UNITS or (q.unit or "").lower() in _TIME_UNITS:
        return None
    index = member.sentence_index_at(q.start)
    if index < 0:
        return None
    sentence = member.analysis.sentences[index]
    text = _blank_spans(member, sentence.start, sentence.end, q)
    left = _CLAUSE_BREAK.split(text[: q.start - sentence.start])[-1]
    right = _CLAUSE_BREAK.split(text[q.end - sentence.start :])[0]
    before = comparison_stems(" ".join(words(left)[-CONTEXT_WORDS:]))
    after = comparison_stems(" ".join(words(right)[:CONTEXT_WORDS]))
    context = canonical_stems(set(before) | set(after))
    subjects = frozenset(_subjects(member, sentence.start, sentence.end))
    moments = tuple(
        t.value for t in member.analysis.timexes
        if sentence.start <= t.start < sentence.end and t.type in ("DATE", "TIME") and is_dated(t.value)
    )
    return _Measure(member, q, float(value), unit.lower(), frozenset(context), member.sentence_text(index),
                    subjects, moments)


def _blank_spans(member: Member, start: int, end: int, keep: Quantity) -> str:
    """The sentence with time expressions and other quantities blanked out of the context."""
    chars = list(member.analysis.text[start:end])
    spans = [(t.start, t.end) for t in member.analysis.timexes]
    spans += [(o.start, o.end) for o in member.analysis.quantities if o is not keep]
    for s, e in spans:
        if start <= s and e <= end:
            chars[s - start : e - start] = " " * (e - s)
    return "".join(chars)


def _subjects(member: Member, start: int, end: int) -> set[str]:
    """Entities the sentence is about: those named outside any attribution's source."""
    sources = [(a.source.start, a.source.end) for a in member.analysis.attributions]
    out = set()
    for e in member.analysis.entities:
        if e.type not in ("PER", "ORG"):
            continue  # places refine ("Cianjur" / "Kabupaten Cianjur"), they do not name another subject
        if start <= e.start < end and not any(s <= e.start < t for s, t in sources):
            out.add(e.canonical or e.text)
    return out


def _agree(a: _Measure, b: _Measure) -> bool:
    low, high = sorted((a.value, b.value))
    if high == 0 or (high - low) / high <= QUANTITY_TOLERANCE:
        return True
    # "up to 20" admits 18; "more than 10" admits 12; "about 40" admits 37.
    smaller, larger = (a, b) if a.value <= b.value else (b, a)
    if larger.quantity.mod in ("UP_TO", "LESS_THAN") or smaller.quantity.mod == "MORE_THAN":
        return True
    # "about 40" admits 37, but two different round figures are two estimates.
    one_approximate = (a.quantity.mod == "APPROX") != (b.quantity.mod == "APPROX")
    return one_approximate and (high - low) / high <= 0.1


def quantity_conflicts(members: list[Member]) -> list[Conflict]:
    """Incompatible values for the same measure from different articles."""
    by_unit: dict[str, list[_Measure]] = defaultdict(list)
    for member in members:
        for q in member.analysis.quantities:
            measure = _measure(member, q)
            if measure is not None:
                by_unit[measure.unit].append(measure)
    conflicts: list[Conflict] = []
    for unit, measures in sorted(by_unit.items()):
        # Measures of one thing share a context word; link them, then check each cluster.
        # Complete linkage: a measure joins a cluster only if it matches every member, so
        # "151 missing" and "271 dead" never meet through a third sentence.
        clusters: list[list[_Measure]] = []
        for m in sorted(measures, key=lambda m: (m.member.id, m.quantity.start)):
            for cluster in clusters:
                if all(m.same_measure(other) for other in cluster):
                    cluster.append(m)
                    break
            else:
                clusters.append([m])
        for cluster in clusters:
            per_article: dict[str, list[_Measure]] = defaultdict(list)
            for m in cluster:
                per_article[m.member.id].append(m)
            # An article giving several values for one measure is ambiguous: leave it out.
            singles = [ms[0] for ms in per_article.values() if len({x.value for x in ms}) == 1]
            if len(singles) < 2:
                continue
            values: list[list[_Measure]] = []
            for m in singles:
                for bucket in values:
                    if all(_agree(m, other) for other in bucket):
                        bucket.append(m)
                        break
                else:
                    values.append([m])
            if len(values) < 2:
                continue
            # At least two of the differing values must describe the same moment.
            if not any(
                x.same_moment(y) for i, a in enumerate(values) for b in values[i + 1 :] for x in a for y in b
            ):
                continue
            shared = frozenset.intersection(*(m.context for m in cluster)) or cluster[0].context
            about = f"{' '.join(sorted(shared)[:3]) or 'quantity'} ({unit})"
            out_values = []
            for bucket in sorted(values, key=lambda b: b[0].value):
                cv = ConflictValue(value=_format(bucket[0]), number=bucket[0].value, unit=bucket[0].unit)
                for m in sorted(bucket, key=lambda m: (m.member.reported or "", m.member.id)):
                    _add(cv, m.member, m.member.speaker(m.member.attribution_for_sentence(
                        m.member.sentence_index_at(m.quantity.start))), m.sentence)
                out_values.append(cv)
            conflicts.append(Conflict(about=about, kind="quantity", values=out_values))
    return conflicts


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _format(m: _Measure) -> str:
    number = f"{m.value:g}"
    for scale, word in _SCALES:
        if abs(m.value) >= scale:
            number = f"{m.value / scale:g} {word}"
            break
    prefix = {"UP_TO": "≤", "LESS_THAN": "<", "MORE_THAN": ">", "APPROX": "~"}.get(m.quantity.mod or "", "")
    return f"{prefix}{number} {m.unit}"


def estimate_conflicts(members: list[Member], known: list[Conflict]) -> list[Conflict]:
    """Bounded estimates ("paling cepat Kamis") that moved between reports of the same thing.

    Catches what event frames miss: two sentences from different articles, each with a
    day-precise bound of the same kind, saying much the same (shared stems), with values
    that differ by at most the conflict window.
    """
    bounds = []
    for member in members:
        for t in member.analysis.timexes:
            if t.mod not in _BOUNDS or precision(t.value) not in ("day", "daypart", "time"):
                continue
            index = member.sentence_index_at(t.start)
            sentence = member.analysis.sentences[index] if index >= 0 else None
            if sentence is None:
                continue
            text = _blank_times(member, sentence.start, sentence.end)
            stems = frozenset(canonical_stems(content_stems(text)))
            bounds.append((member, t, member.sentence_text(index), stems))
    seen = {(v.value[:10], a) for c in known for v in c.values for a in v.articles}
    out: list[Conflict] = []
    used: set[tuple[str, int]] = set()
    for i, (ma, ta, sa, xa) in enumerate(bounds):
        for mb, tb, sb, xb in bounds[i + 1 :]:
            if ma.id == mb.id or ta.mod != tb.mod or compatible(ta.value, tb.value):
                continue
            distance = day_distance(ta.value, tb.value)
            if distance is None or distance > CONFLICT_WINDOW_DAYS:
                continue
            shared = xa & xb
            if len(shared) < MIN_SHARED_ESTIMATE or len(shared) / len(xa | xb) < 0.25:
                continue
            if (ta.value[:10], ma.id) in seen and (tb.value[:10], mb.id) in seen:
                continue  # already told by an event conflict
            if (ma.id, ta.start) in used or (mb.id, tb.start) in used:
                continue
            used |= {(ma.id, ta.start), (mb.id, tb.start)}
            values = []
            for member, timex, sentence in sorted(((ma, ta, sa), (mb, tb, sb)), key=lambda x: x[1].value):
                cv = ConflictValue(value=timex.value)
                _add(cv, member, member.speaker(member.attribution_for_sentence(member.sentence_index_at(timex.start))), sentence)
                values.append(cv)
            about = f"estimate: {one_line(' '.join(sorted(shared)), 80)}"
            out.append(Conflict(about=about, kind="estimate", values=values))
    return out


def _blank_times(member: Member, start: int, end: int) -> str:
    chars = list(member.analysis.text[start:end])
    for t in member.analysis.timexes:
        if start <= t.start and t.end <= end:
            chars[t.start - start : t.end - start] = " " * (t.end - t.start)
    return "".join(chars)


def find_conflicts(members: list[Member], groups: list[EventGroup]) -> list[Conflict]:
    events = event_conflicts(groups)
    return events + estimate_conflicts(members, events) + quantity_conflicts(members)
