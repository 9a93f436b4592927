"""Event frames: who did what, where and when, one frame per trigger word in a sentence.

Triggers and types are data (``warta/data/cues/events.json``). For each trigger:

* **clause** — the sentence is cut at ";", at "bahwa"/"jika"/"ketika"/... and at a comma
  followed by "dan"/"lalu"; time, participants, hedging and expectation are read there.
* **time** — the DATE/TIME timex nearest the trigger, in the clause when one is there, else in
  the sentence (other timex types only when no DATE/TIME is present); a timex nearer another
  trigger of the same sentence belongs to that trigger.
* **place** — the first LOC entity after the trigger in its clause that follows a preposition
  ("di", "ke", "dari", "menuju", "melalui") or the trigger itself ("memasuki Rusia"), then any
  LOC after the trigger in the clause, then any LOC after a preposition in the sentence. With no
  entities at all, a capitalised phrase after a preposition or the trigger stands in.
* **participants** — PER and ORG entities and country LOCs in the clause (inside the
  attribution's content when the event is attributed), without the place.
* **hedged** — a hedging cue or a conditional ("jika") in the clause. A hedge inside
  "diperkirakan akan" / "is expected to" marks expectation, not doubt ("bisa berlangsung"
  stays both hedged and expected).
* **expected** — a future cue in the clause before the trigger or within four words after it
  ("pertemuan mendatang", "Pertemuan itu bisa berlangsung"), or a time with mod ON_OR_AFTER
  or value FUTURE_REF.
* **attribution** — the attribution whose content span holds the trigger.

Attributions whose cue announces news ("mengumumkan", "membantah") and whose content holds no
other trigger become ``statement`` events with the source as participant.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from warta.analyze.hedging import hedge_cues
from warta.analyze.sentences import sentence_index
from warta.model import Attribution, Entity, Event, EventTime, Sentence, Span, Timex

__all__ = ["extract_events", "load_event_triggers"]

_CUES_PATH = Path(__file__).resolve().parents[1] / "data" / "cues" / "events.json"
_WORD = re.compile(r"\w+(?:-\w+)*")
_EXPECT_WINDOW_AFTER = 4
_LOCATIVE = frozenset({"di", "in", "at"})
_CAPITALISED_RUN = re.compile(r"[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|for|bin|binti|al))*(?<![\s])")


@lru_cache(maxsize=1)
def load_event_triggers() -> dict[str, Any]:
    """The event tables from ``data/cues/events.json``."""
    return json.loads(_CUES_PATH.read_text(encoding="utf-8"))


def _phrases(phrases: list[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)


@lru_cache(maxsize=1)
def _trigger_index() -> dict[str, list[tuple[tuple[str, ...], str, bool]]]:
    """Triggers by first word: (words, type, case-sensitive), longest first.

    Lower-case triggers match in any case and take an optional -nya on the last word;
    triggers written with capitals ("KTT") match only as written.
    """
    index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for event_type, triggers in load_event_triggers()["triggers"].items():
        for trigger in triggers:
            words = tuple(trigger.split())
            exact = trigger != trigger.lower()
            index.setdefault(words[0].lower(), []).append((words, event_type, exact))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    tables = load_event_triggers()
    return {
        key: re.compile(rf"(?<![\w-])(?:{_phrases(tables[key])})(?![\w-])", re.I)
        for key in (
            "future_cues",
            "hedge_absorbing_future",
            "conditional_cues",
            "clause_connectors",
            "comma_connectors",
            "place_prepositions",
        )
    }


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    from babel import Locale

    names: set[str] = set()
    for locale in ("id", "en"):
        names.update(name.lower() for name in Locale(locale).territories.values())
    names.update({"as", "amerika", "us", "u.s.", "uk"})
    return frozenset(names)


def _clauses(text: str, sent: Sentence) -> list[tuple[int, int]]:
    """Clause spans of a sentence: cut at ';', at clause connectors and at ', dan'."""
    cuts = {sent.start, sent.end}
    pats = _cue_patterns()
    for match in pats["clause_connectors"].finditer(text, sent.start, sent.end):
        if match.group(0)[:1].islower():
            cuts.add(match.start())
    for match in pats["comma_connectors"].finditer(text, sent.start, sent.end):
        if text[max(sent.start, match.start() - 2) : match.start()].strip() == ",":
            cuts.add(match.start())
    semi = text.find(";", sent.start, sent.end)
    while semi >= 0:
        cuts.add(semi + 1)
        semi = text.find(";", semi + 1, sent.end)
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if b > a]


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The clause holding ``pos`` (clauses are sorted and do not overlap): a bisection."""
    index = bisect_right(clauses, (pos, float("inf"))) - 1
    if index >= 0 and clauses[index][0] <= pos < clauses[index][1]:
        return clauses[index]
    return clauses[-1]


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


def _owners(triggers: list[Span], timexes: list[Timex]) -> dict[int, list[Timex]]:
    """For each trigger (by its index in ``triggers``, sorted and not overlapping), the timexes
    at least as near to it as to any other trigger of the sentence (a tie goes to both).

    The nearest triggers of a timex are the last one starting before the timex ends and the
    first one starting after it: a bisection each, so a sentence costs O(timexes · log
    triggers) instead of the O(triggers² · timexes) of comparing every pair."""
    starts = [t.start for t in triggers]
    owned: dict[int, list[Timex]] = {}
    for timex in timexes:
        index = bisect_left(starts, timex.end)
        candidates = [i for i in (index - 2, index - 1, index, index + 1) if 0 <= i < len(triggers)]
        distances = [_distance(triggers[i].start, triggers[i].end, timex.start, timex.end) for i in candidates]
        best = min(distances)
        for i, d in zip(candidates, distances, strict=True):
            if d == best:
                owned.setdefault(i, []).append(timex)
    return owned


def _nearest_time(
    trigger: Span, timexes: list[Timex], clause: tuple[int, int], others: list[Span] | None = None
) -> Timex | None:
    """The timex nearest the trigger; one that sits nearer another trigger belongs to that one.

    With ``others`` the timexes are filtered here (a small case); extract_events passes the
    timexes a trigger already owns (see :func:`_owners`) and no ``others``."""
    if others:
        ordered = sorted([trigger, *others], key=lambda span: span.start)
        timexes = _owners(ordered, timexes).get(ordered.index(trigger), [])
    if not timexes:
        return None
    preferred = set(load_event_triggers()["time_types_preferred"])
    pool = [t for t in timexes if t.type in preferred] or timexes
    in_clause = [t for t in pool if t.start >= clause[0] and t.end <= clause[1]]
    pool = in_clause or pool
    return min(pool, key=lambda t: _distance(trigger.start, trigger.end, t.start, t.end))


def _after_preposition(text: str, pos: int, sentence_start: int, only: frozenset[str] | None = None) -> bool:
    before = _WORD.findall(text[max(sentence_start, pos - 25) : pos])
    preps = only if only is not None else {p.lower() for p in load_event_triggers()["place_prepositions"]}
    return bool(before) and before[-1].lower() in preps


def _place(
    text: str, trigger: Span, sent: Sentence, clause: tuple[int, int], entities: list[Entity]
) -> Entity | None:
    # ``entities`` is sorted by start: take the sentence's slice by bisection, and look at a
    # bounded number of places on either side of the trigger (a sentence of thousands of
    # places without punctuation must not cost thousands per trigger).
    starts = _starts_of(entities)
    lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
    middle = bisect_left(starts, trigger.end, lo, hi)
    after = [
        e
        for e in islice((e for e in entities[middle:hi] if e.type == "LOC"), _MAX_PLACES_SCANNED)
        if e.end <= clause[1] and e.end <= sent.end
    ]
    for entity in after:
        gap = text[trigger.end : entity.start].strip(" ,")
        if (
            _after_preposition(text, entity.start, sent.start)
            or not gap
            or gap.lower() in {"ibu kota", "kota"}
        ):
            return entity
    # Before the trigger only a locative counts: "Di Jakarta, Presiden bertemu ..." — not
    # "Peringatan dari Washington mengenai pertemuan ...".
    first = bisect_left(starts, max(clause[0], sent.start), lo, hi)
    last = bisect_left(starts, trigger.start, first, hi)
    scanned = 0
    for e in reversed(entities[first:last]):
        if e.type != "LOC" or e.end > trigger.start:
            continue
        if _after_preposition(text, e.start, sent.start, _LOCATIVE):
            return e
        scanned += 1
        if scanned >= _MAX_PLACES_SCANNED:
            break
    return None


# How many places on either side of a trigger _place looks at.
_MAX_PLACES_SCANNED = 32
# Start offsets of the sorted entity and timex lists of the article being analysed, by list
# identity (the list object is kept too, so a reused id never reads another list's starts).
_STARTS_CACHE: dict[int, tuple[list[Any], list[int]]] = {}


def _starts_of(items: list[Any]) -> list[int]:
    """The start offsets of a sorted list of spans, computed once per list."""
    cached = _STARTS_CACHE.get(id(items))
    if cached is None or cached[0] is not items:
        if len(_STARTS_CACHE) >= 4:  # one article's lists at a time
            _STARTS_CACHE.clear()
        cached = (items, [x.start for x in items])
        _STARTS_CACHE[id(items)] = cached
    return cached[1]


def _fallback_place(text: str, trigger: Span, clause: tuple[int, int]) -> str | None:
    """With no entities: a capitalised phrase right after the trigger or a preposition."""
    preps = {p.lower() for p in load_event_triggers()["place_prepositions"]}
    words = list(islice(_WORD.finditer(text, trigger.end, clause[1]), 8))
    for i, word in enumerate(words):
        if not word.group(0)[:1].isupper():
            continue
        previous = words[i - 1].group(0).lower() if i > 0 else None
        if i == 0 or previous in preps:
            run = _CAPITALISED_RUN.match(text, word.start(), clause[1])
            return run.group(0) if run else word.group(0)
    return None


def _participants(
    clause: tuple[int, int], entities: list[Entity], place: str | None, trigger: Span
) -> list[str]:
    countries = _country_names()
    names: list[str] = []
    starts = _starts_of(entities)
    for entity in entities[bisect_left(starts, clause[0]) : bisect_left(starts, clause[1])]:
        if len(names) >= _MAX_PARTICIPANTS:
            break
        if entity.start < clause[0] or entity.end > clause[1] or entity.start < trigger.end <= entity.end:
            continue
        if (
            entity.type == "LOC"
            and entity.canonical.lower() not in countries
            and entity.text.lower() not in countries
        ):
            continue
        if entity.canonical != place and entity.canonical not in names:
            names.append(entity.canonical)
    return names


_MAX_PARTICIPANTS = 32


def _flags(
    text: str,
    trigger: Span,
    clause: tuple[int, int],
    time: Timex | None,
    next_trigger: int,
    cache: dict[tuple[int, int], Any] | None = None,
) -> tuple[bool, bool]:
    """(hedged, expected) for a trigger in its clause; the look-ahead stops at the next trigger.

    What depends on the clause alone (hedged; the future cues in it) is read once per clause
    and kept in ``cache``: a clause of thousands of triggers is scanned once, not per trigger."""
    pats = _cue_patterns()
    window_end = min(clause[1], next_trigger)
    words_after = list(islice(_WORD.finditer(text, trigger.end, window_end), _EXPECT_WINDOW_AFTER + 1))
    if len(words_after) > _EXPECT_WINDOW_AFTER:
        window_end = words_after[_EXPECT_WINDOW_AFTER - 1].end()
    cache = {} if cache is None else cache
    found = cache.get(clause)
    if found is None:
        future_ends = [
            m.end()
            for m in pats["future_cues"].finditer(text, clause[0], clause[1])
            if m.group(0)[:1].islower()
        ]
        absorbing = [(m.start(), m.end()) for m in pats["hedge_absorbing_future"].finditer(text, clause[0], clause[1])]
        hedges = [
            h
            for h in hedge_cues(text, clause[0], clause[1])
            if not any(a <= h.start and h.end <= b for a, b in absorbing)
        ]
        conditional = any(
            m.group(0)[:1].islower() for m in pats["conditional_cues"].finditer(text, clause[0], clause[1])
        )
        found = cache[clause] = (bool(hedges) or conditional, future_ends)
    hedged, future_ends = found
    future = bool(future_ends) and future_ends[0] <= window_end
    expected = future or (time is not None and (time.mod == "ON_OR_AFTER" or time.value == "FUTURE_REF"))
    return hedged, expected


def _attribution_of(pos: int, attributions: list[Attribution]) -> int | None:
    for index, attribution in enumerate(attributions):
        if attribution.content.start <= pos < attribution.content.end:
            return index
    return None


def _word_matches(word: str, want: str, exact: bool, last: bool) -> bool:
    if exact:
        return word == want
    lower = word.lower()
    return lower == want or (last and lower == want + "nya")


def _triggers(text: str, sent: Sentence) -> list[tuple[Span, str]]:
    """Triggers in a sentence; the longest one wins ("gempa bumi" over "gempa")."""
    index = _trigger_index()
    words = list(_WORD.finditer(text, sent.start, sent.end))
    found: list[tuple[Span, str]] = []
    i = 0
    while i < len(words):
        first = words[i].group(0).lower()
        key = first if first in index else first[:-3] if first.endswith("nya") else first
        matched = 0
        for trigger_words, event_type, exact in index.get(key, []):
            n = len(trigger_words)
            if i + n > len(words):
                continue
            if all(
                _word_matches(
                    words[i + k].group(0),
                    trigger_words[k] if exact else trigger_words[k].lower(),
                    exact,
                    k == n - 1,
                )
                for k in range(n)
            ):
                start, end = words[i].start(), words[i + n - 1].end()
                found.append((Span(text[start:end], start, end), event_type))
                matched = n
                break
        i += matched or 1
    return found


def _frame(
    text: str,
    trigger: Span,
    event_type: str,
    sent: Sentence,
    sent_index: int,
    entities: list[Entity],
    timexes: list[Timex],
    attributions: list[Attribution],
    clauses: list[tuple[int, int]],
    next_trigger: int,
    flag_cache: dict[tuple[int, int], Any],
) -> Event:
    """One trigger's frame; ``timexes`` are those of its sentence it owns (see _owners)."""
    clause = _clause_of(clauses, trigger.start)
    time = _nearest_time(trigger, timexes, clause)
    attribution = _attribution_of(trigger.start, attributions)
    if attribution is not None:  # the source named outside the content is no participant
        content = attributions[attribution].content
        clause = (max(clause[0], content.start), min(clause[1], content.end))
    place_entity = _place(text, trigger, sent, clause, entities)
    if place_entity is not None:
        place: str | None = place_entity.canonical
    elif not entities:
        place = _fallback_place(text, trigger, clause)
    else:
        place = None
    hedged, expected = _flags(text, trigger, clause, time, next_trigger, flag_cache)
    return Event(
        trigger=trigger,
        type=event_type,
        participants=_participants(clause, entities, place, trigger),
        place=place,
        time=EventTime(text=time.text, value=time.value, type=time.type, mod=time.mod) if time else None,
        hedged=hedged,
        expected=expected,
        attribution=attribution,
        sentence=sent_index,
    )


def _in_sentence(timexes: list[Timex], sent: Sentence) -> list[Timex]:
    """The timexes (sorted by start) inside a sentence, found by bisection."""
    starts = [t.start for t in timexes] if len(timexes) < 64 else _starts_of(timexes)
    lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
    return [t for t in timexes[lo:hi] if t.end <= sent.end]


def _statement_events(
    text: str,
    sentences: list[Sentence],
    timexes: list[Timex],
    attributions: list[Attribution],
    events: list[Event],
) -> list[Event]:
    cues = {c.lower() for c in load_event_triggers()["statement_cues"]}
    out: list[Event] = []
    for index, attribution in enumerate(attributions):
        if attribution.cue.text.lower() not in cues:
            continue
        if any(e.attribution == index for e in events):
            continue  # the content reports its own event; that is the news
        sent_index = sentence_index(sentences, attribution.cue.start)
        sent = sentences[sent_index]
        clause = (sent.start, attribution.content.start)
        time = _nearest_time(attribution.cue, _in_sentence(timexes, sent), clause)
        participant = attribution.source.canonical or attribution.source.text
        out.append(
            Event(
                trigger=Span(attribution.cue.text, attribution.cue.start, attribution.cue.end),
                type="statement",
                participants=[participant],
                time=EventTime(text=time.text, value=time.value, type=time.type, mod=time.mod)
                if time
                else None,
                hedged=attribution.hedged,
                attribution=index,
                sentence=sent_index,
            )
        )
    return out


def extract_events(
    text: str,
    *,
    sentences: list[Sentence],
    entities: list[Entity],
    timexes: list[Timex],
    attributions: list[Attribution],
    outlet: str | None = None,
) -> list[Event]:
    """Event frames for every trigger in every sentence, in text order. ``outlet``, the
    article's own, takes part in none ("JAKARTA, Harian Selat - ..." names who reports)."""
    if outlet:
        own = " ".join(outlet.split()).casefold()
        entities = [e for e in entities if e.type != "ORG" or " ".join(e.text.split()).casefold() != own]
    entities = sorted(entities, key=lambda e: e.start)
    timexes = sorted(timexes, key=lambda t: t.start)
    events: list[Event] = []
    for sent_index, sent in enumerate(sentences):
        found = _triggers(text, sent)
        if not found:
            continue
        clauses = _clauses(text, sent)
        triggers = [t for t, _ in found]  # in text order, not overlapping
        owned = _owners(triggers, _in_sentence(timexes, sent))
        flag_cache: dict[tuple[int, int], Any] = {}
        for index, (trigger, event_type) in enumerate(found):
            next_trigger = triggers[index + 1].start if index + 1 < len(triggers) else sent.end
            events.append(
                _frame(
                    text,
                    trigger,
                    event_type,
                    sent,
                    sent_index,
                    entities,
                    owned.get(index, []),
                    attributions,
                    clauses,
                    next_trigger,
                    flag_cache,
                )
            )
    events.extend(_statement_events(text, sentences, timexes, attributions, events))
    return sorted(events, key=lambda e: e.trigger.start)
