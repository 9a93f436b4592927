"""Disagreements about when an event happened, found from event frames (the ``time`` and
``estimate`` kinds).

Event groups (see :mod:`warta.stories.timeline`) of one type and overlapping participants
whose times cannot both be true are one event reported two ways — when they are close in
time (:data:`CONFLICT_WINDOW_DAYS`), no article tells both (an article giving two dates
tells two events, such as a departure and an arrival), and each is the other's closest
match. Expected events compared this way are an *estimate* that changed between reports.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from warta.analyze.claims import states_day
from warta.stories.evidence import Member
from warta.stories.places import places_compatible
from warta.stories.records import Conflict, ConflictValue
from warta.stories.synonyms import canonical_stems
from warta.stories.text import content_stems
from warta.stories.timeline import EventGroup, Frame, one_line, participants_overlap
from warta.stories.timevalues import compatible, day_distance, precision, span_days

CONFLICT_WINDOW_DAYS = 4
# A time this far (in characters) from its trigger is more likely another clause's time.
ANCHOR_DISTANCE = 70
# "hingga Selasa malam", "as of Tuesday": the cut-off of a count, not when the event happened.
_CUTOFF = re.compile(r"(?:hingga|sampai|per|until|as of|through|by)\s*$", re.IGNORECASE)
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
        add_evidence(out, f.member, f.member.speaker(attribution), f.sentence)
    return out


def add_evidence(value: ConflictValue, member: Member, speaker: str | None, sentence: str) -> None:
    """Record that ``member`` states ``value`` (once per article), whom it cites and where."""
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
    if distance > ANCHOR_DISTANCE or _CUTOFF.search(text[max(0, start - 12) : start]):
        return False
    return _governed(frame, start, start + len(time_text))


def _governed(frame: Frame, start: int, end: int) -> bool:
    """No other predicate's time: the claims of the article tie this time expression to no cue
    but a word of the frame's own trigger, or to none at all when the trigger is a time cue."""
    trigger = frame.event.trigger
    claims = [c for c in frame.member.analysis.claims if c.value.kind == "time" and c.span.start < end and start < c.span.end]
    if not claims:
        return False  # the claims found no predicate governing this time: nothing to dispute
    return any(c.cue is not None and c.cue.start < trigger.end and trigger.start < c.cue.end for c in claims)


def _trigger_stems(group: EventGroup) -> set[str]:
    return canonical_stems(stem for f in group.frames for stem in content_stems(f.event.trigger.text))


def _anchored_value(group: EventGroup) -> str | None:
    """The most precise time of the group's anchored frames whose words name their day (a bare
    "pagi" or "pukul 06.17" takes its day from the time engine's anchoring, which a report
    written a day later moves: not a claim about the day)."""
    values = [f.value for f in group.frames if f.value and _anchored(f) and states_day(f.event.time.text)]
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
        triggers = " / ".join(sorted({f.event.trigger.text.lower() for f in a.frames + b.frames})[:3])
        conflicts.append(Conflict(
            about=about, kind="estimate" if expected else "time", values=values, attribute="event_time",
            label=f"waktu {triggers} ({_subject(a, b)})", label_en=f"time of “{triggers}” ({_subject(a, b)})",
            score=round(min(1.0, 0.5 + _group_similarity(views[i], views[j]) / 2), 3),
        ))
    return conflicts


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
                add_evidence(cv, member, member.speaker(member.attribution_for_sentence(member.sentence_index_at(timex.start))), sentence)
                values.append(cv)
            about = f"estimate: {one_line(' '.join(sorted(shared)), 80)}"
            subject = one_line(" ".join(sorted(shared)), 60)
            out.append(Conflict(
                about=about, kind="estimate", values=values, attribute="expected_time",
                label=f"perkiraan waktu ({subject})", label_en=f"expected time ({subject})",
                score=round(len(shared) / len(xa | xb), 3),
            ))
    return out


def _blank_times(member: Member, start: int, end: int) -> str:
    chars = list(member.analysis.text[start:end])
    for t in member.analysis.timexes:
        if start <= t.start and t.end <= end:
            chars[t.start - start : t.end - start] = " " * (t.end - t.start)
    return "".join(chars)
