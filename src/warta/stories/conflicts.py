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

from collections import defaultdict
from dataclasses import dataclass

from warta.model import Quantity
from warta.stories.evidence import Member
from warta.stories.records import Conflict, ConflictValue
from warta.stories.synonyms import canonical_stems
from warta.stories.text import content_stems, words
from warta.stories.timeline import EventGroup, participants_overlap, places_compatible
from warta.stories.timevalues import compatible, day_distance, precision

CONFLICT_WINDOW_DAYS = 4
QUANTITY_TOLERANCE = 0.05  # relative difference below which two values agree
CONTEXT_WORDS = 3


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


def _group_similarity(a: EventGroup, b: EventGroup) -> float:
    sa, sb = a.stems, b.stems
    score = len(sa & sb) / len(sa | sb) if sa and sb else 0.0
    if a.places and b.places and a.places & b.places:
        score += 0.5
    return score + 0.1 * len(a.participants & b.participants)


def _could_be_one_event(a: EventGroup, b: EventGroup) -> bool:
    if a.type != b.type or a.article_ids & b.article_ids:
        return False
    if not participants_overlap(a.participants, b.participants):
        return False
    if not places_compatible(a.places, b.places):
        return False
    va, vb = a.best_value(), b.best_value()
    if not va or not vb or compatible(va, vb):
        return False
    # Only precise claims can contradict: "2023" against "2023-09-10" does not.
    if precision(va) not in ("day", "daypart", "time") or precision(vb) not in ("day", "daypart", "time"):
        return False
    distance = day_distance(va, vb)
    return distance is not None and distance <= CONFLICT_WINDOW_DAYS


def event_conflicts(groups: list[EventGroup]) -> list[Conflict]:
    """Time conflicts between event groups that are one event reported two ways."""
    candidates: dict[int, list[int]] = defaultdict(list)
    for i, a in enumerate(groups):
        for j, b in enumerate(groups):
            if i != j and _could_be_one_event(a, b):
                candidates[i].append(j)

    def best(i: int) -> int:
        return max(candidates[i], key=lambda j: (_group_similarity(groups[i], groups[j]), -j))

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
            [_value_for(a, a.best_value() or ""), _value_for(b, b.best_value() or "")],
            key=lambda v: v.value,
        )
        participants = ", ".join(sorted(a.participants | b.participants)) or "?"
        about = f"{'expected ' if expected else ''}{a.type} ({participants}): time"
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


def _measure(member: Member, q: Quantity) -> _Measure | None:
    value, unit = q.value, q.unit
    if q.normalized and q.normalized.get("value") is not None:
        value, unit = q.normalized.get("value"), q.normalized.get("unit") or unit
    if value is None or not unit:
        return None
    text = member.analysis.text
    before = content_stems(" ".join(words(text[max(0, q.start - 60) : q.start])[-CONTEXT_WORDS:]))
    after = content_stems(" ".join(words(text[q.end : q.end + 60])[:CONTEXT_WORDS]))
    context = canonical_stems(set(before) | set(after) | set(content_stems(unit)))
    index = member.sentence_index_at(q.start)
    return _Measure(member, q, float(value), unit.lower(), frozenset(context), member.sentence_text(index))


def _agree(a: _Measure, b: _Measure) -> bool:
    low, high = sorted((a.value, b.value))
    if high == 0 or (high - low) / high <= QUANTITY_TOLERANCE:
        return True
    mods = {a.quantity.mod, b.quantity.mod}
    # "up to 20" admits 18; "more than 10" admits 12; "about 40" admits 37.
    smaller, larger = (a, b) if a.value <= b.value else (b, a)
    if larger.quantity.mod in ("UP_TO", "LESS_THAN") or smaller.quantity.mod == "MORE_THAN":
        return True
    return "APPROX" in mods and (high - low) / high <= 0.15


def quantity_conflicts(members: list[Member]) -> list[Conflict]:
    """Incompatible values for the same measure from different articles."""
    by_unit: dict[str, list[_Measure]] = defaultdict(list)
    for member in members:
        if member.article.duplicate_of:
            continue
        for q in member.analysis.quantities:
            measure = _measure(member, q)
            if measure is not None:
                by_unit[measure.unit].append(measure)
    conflicts: list[Conflict] = []
    for unit, measures in sorted(by_unit.items()):
        # Measures of one thing share a context word; link them, then check each cluster.
        clusters: list[list[_Measure]] = []
        for m in measures:
            for cluster in clusters:
                if any(m.context & other.context for other in cluster):
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
            shared = frozenset.intersection(*(m.context for m in cluster)) or cluster[0].context
            about = f"{' '.join(sorted(shared)[:3]) or 'quantity'} ({unit})"
            out_values = []
            for bucket in sorted(values, key=lambda b: b[0].value):
                cv = ConflictValue(value=_format(bucket[0]))
                for m in sorted(bucket, key=lambda m: (m.member.reported or "", m.member.id)):
                    _add(cv, m.member, m.member.speaker(m.member.attribution_for_sentence(
                        m.member.sentence_index_at(m.quantity.start))), m.sentence)
                out_values.append(cv)
            conflicts.append(Conflict(about=about, kind="quantity", values=out_values))
    return conflicts


def _format(m: _Measure) -> str:
    number = f"{m.value:g}"
    prefix = {"UP_TO": "≤", "LESS_THAN": "<", "MORE_THAN": ">", "APPROX": "~"}.get(m.quantity.mod or "", "")
    return f"{prefix}{number} {m.unit}"


def find_conflicts(members: list[Member], groups: list[EventGroup]) -> list[Conflict]:
    return event_conflicts(groups) + quantity_conflicts(members)
