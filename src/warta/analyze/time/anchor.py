"""Calendar arithmetic against the document creation time (DCT) and the tense of a sentence.

Bare weekdays, months and day-months resolve like HeidelTime: a tense cue in the sentence
picks the past or future occurrence; with no cue the nearest one wins, with a bias to the past
because news mostly reports what happened (a Friday report's "Senin" is this week's Monday).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import compress
from typing import Any

from warta.analyze.time.lexicon import FUTURE_CUES, PAST_CUES, PAST_VERBS
from warta.analyze.time.words import Words, split_words

FUTURE = "future"
PAST = "past"

# Tense cues by first word: (the whole cue split into words, kind). Looked up word by word,
# which is far cheaper than one big regex alternation over every sentence.
_WORD_RE = re.compile(r"\w+")
_CUES_BY_FIRST_WORD: dict[str, list[tuple[list[str], str, int]]] = {}
# A verb-form cue counts as this many characters further away than a tense word.
WEAK_CUE_PENALTY = 40
for _cue, _kind, _penalty in [
    *((c, FUTURE, 0) for c in FUTURE_CUES),
    *((c, PAST, 0) for c in PAST_CUES),
    *((c, PAST, WEAK_CUE_PENALTY) for c in PAST_VERBS),
]:
    _words = _WORD_RE.findall(_cue.lower())
    _CUES_BY_FIRST_WORD.setdefault(_words[0], []).append((_words, _kind, _penalty))
for _options in _CUES_BY_FIRST_WORD.values():
    _options.sort(key=lambda o: -len(o[0]))
# Cheap sentence bounds when the caller gave none: stop + space + capital, or a newline.
# Written to start with one character class ([.!?]+... | \n+ folded together) so the regex
# engine can skip to candidate characters instead of trying both branches at every position.
_SENTENCE_END_RE = re.compile(r"[.!?\n](?:(?<=\n)\n*|[.!?]*[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9]))")
_SENTENCE_OPENING_RE = re.compile("[ \t\"'“‘(]*")
_NO_STOP_BEFORE = frozenset(
    "a.m p.m dr mr mrs ms no jl st co prof gen lt sen rep gov "
    "jan feb mar apr jun jul aug agu agt sep sept oct okt nov dec des".split()
)
# Clause bounds: a tense cue in the same clause as the expression outweighs one in another.
# Marks between two digits ("13:21", "3,2") are left out in the regex itself rather than by
# testing each mark in Python.
_PUNCTUATION_BREAK_RE = re.compile(r"[,;:](?:(?<!\d[,;:])|(?!\d))")
_BREAK_WORDS = frozenset("dan tetapi namun sementara sedangkan and but while whereas".split())
# Words that tell English text.
_ENGLISH_MARKERS = frozenset({"the", "and"})
_ENGLISH_BLANKED = tuple(f" {marker} " for marker in _ENGLISH_MARKERS)
# How many days of extra distance a past weekday may have and still win over the future one.
PAST_BIAS_DAYS = 1


def parse_dct(dct: str | None) -> date | None:
    if not dct:
        return None
    try:
        return date.fromisoformat(dct[:10])
    except ValueError:
        return None


def sentence_starts(text: str) -> list[int]:
    """Starts of sentences; a stop after an abbreviation or an initial ("p.m.", "J.") is no end."""
    return [0, *_sentence_ends(text, 0)]


def _sentence_ends(text: str, pos: int) -> Iterator[int]:
    """Where each sentence after ``pos`` starts (the end of the stop before it), in order.

    Every character a stop's match consumes is punctuation or a blank, so from a ``pos`` right
    after a letter or digit this finds exactly the starts ``sentence_starts`` finds there."""
    for match in _SENTENCE_END_RE.finditer(text, pos):
        if text[match.start()] == ".":
            stop = match.start()
            space = text.rfind(" ", max(0, stop - 5), stop)
            if space < 0 and stop >= 5:
                yield match.end()  # a word of five letters or more: no abbreviation
                continue
            word = text[space + 1 : stop].lower().lstrip("(\n")
            if word in _NO_STOP_BEFORE or (len(word) == 1 and word.isalpha()):
                continue
        yield match.end()


def sentence_around(text: str, pos: int, reach: int = 150) -> tuple[int, int]:
    """The (start, end) of the sentence holding ``pos``, as ``sentence_starts`` would split
    the text, found by reading only the text near ``pos`` (an article asks about a few
    sentences, so splitting all of it would be wasted)."""
    while True:
        low = max(0, pos - reach)
        while low > 0 and not text[low - 1].isalnum():
            low -= 1  # no stop's match spans a letter or digit: start after one
        start = 0 if low == 0 else None
        for end in _sentence_ends(text, low):
            if end > pos:
                if start is not None:
                    return start, end
                break
            start = end
        else:
            if start is not None:
                return start, len(text)
        reach *= 4  # no stop between ``low`` and ``pos``: the sentence starts further back


def find_cues(
    words: Words, first: int = 0, last: int | None = None, english: bool | None = None
) -> list[tuple[int, int, str, int]]:
    """Tense cues of the words ``first`` to ``last`` (all by default) as (start, end, kind,
    penalty), in order; a regular English past (-ed) and past-tense verbs get a distance
    penalty: they are weaker cues. ``english`` says whether the text is English (worked out
    from the words when not given)."""
    shapes, ends = words.shapes, words.ends
    last = len(shapes) if last is None else last
    cue_table = _CUES_BY_FIRST_WORD
    found: list[tuple[int, int, str, int]] = []
    skip_until = -1
    # A sentence's few dozen words are read one by one: cheaper than marking the cue words of
    # the whole text when only a few sentences are ever asked about.
    if first < last and (is_english(words) if english is None else english):
        # English: words of five or more letters ending in -ed, regular past tenses, count too.
        indices = [i for i in range(first, last) if shapes[i] in cue_table or shapes[i][-2:] == "ed" and len(shapes[i]) >= 5]
    else:
        indices = list(compress(range(first, last), map(cue_table.__contains__, shapes[first:last])))
    for index in indices:
        if index < skip_until:
            continue
        word = shapes[index]
        start = ends[index] - len(word)
        for cue_words, kind, penalty in cue_table.get(word, ()):
            end_index = index + len(cue_words)
            if shapes[index:end_index] == cue_words:  # a slice of a list is a list
                found.append((start, ends[end_index - 1], kind, penalty))
                skip_until = end_index
                break
        else:
            if len(word) >= 5 and word[-2:] == "ed" and word[-3] != "e" and word.isalpha():
                found.append((start, ends[index], PAST, WEAK_CUE_PENALTY))
    return found


def is_english(words: Words) -> bool:
    """Whether the text has English function words (then -ed endings are past-tense cues)."""
    blanked = words.blanked
    if blanked is not None:
        # A substring search rather than a look at every word. A word holding a non-ASCII
        # letter (a placeholder there) is never "the" or "and": no such letter lower-cases
        # to an ASCII one of theirs.
        return any(marker in blanked for marker in _ENGLISH_BLANKED)
    return not _ENGLISH_MARKERS.isdisjoint(words.shapes)


class TenseFinder:
    """Finds the tense cue nearest to a span inside its sentence."""

    def __init__(self, text: str, starts: list[int] | None = None, words: Words | None = None) -> None:
        self.text = text
        self._starts = starts
        self._words = words
        # Per sentence start: its cues and clause breaks, found when a span there first asks
        # (an article asks about a few sentences, so the rest are never looked at).
        self._cues: dict[int, tuple[list[tuple[int, int, str, int]], list[tuple[int, int]]]] = {}
        self._english: bool | None = None
        self._sentences: list[tuple[int, int]] = []  # found so far, when no starts were given
        self._indexes: dict[tuple[str, int], Any] = {}  # bisection indexes of long sentences

    def _split(self) -> Words:
        """The text's words."""
        if self._words is None:
            self._words = split_words(self.text)
        return self._words

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        starts = self._starts
        if starts is None:
            for bounds in self._sentences:
                if bounds[0] <= pos < bounds[1]:
                    return bounds
            bounds = sentence_around(self.text, pos)
            self._sentences.append(bounds)
            return bounds
        index = bisect_right(starts, pos) - 1
        start = starts[max(index, 0)]
        end = starts[index + 1] if index + 1 < len(starts) else len(self.text)
        return start, end

    def is_sentence_start(self, pos: int) -> bool:
        start, _ = self.sentence_bounds(pos)
        # Only blanks and opening quotes between: matched in place, not a slice of the sentence
        # (no match when the given sentences start after pos).
        opening = _SENTENCE_OPENING_RE.match(self.text, start, pos)
        return opening is None or opening.end() == pos

    def _sentence_cues(self, s_start: int, s_end: int) -> tuple[list[tuple[int, int, str, int]], list[tuple[int, int]]]:
        """Tense cues (start, end, kind, penalty) and clause breaks (none without a cue) of one
        sentence, cached."""
        cached = self._cues.get(s_start)
        if cached is None:
            words = self._split()
            # The words that end inside the sentence: those that start in it.
            first, last = bisect_right(words.ends, s_start), bisect_right(words.ends, s_end)
            if self._english is None:
                self._english = is_english(words)
            cues = find_cues(words, first, last, self._english)
            # Clause breaks only weigh cues: a sentence without one needs none.
            breaks = self._breaks(words, first, last, s_start, s_end) if cues else []
            cached = self._cues[s_start] = (cues, breaks)
        return cached

    def _breaks(self, words: Words, first: int, last: int, s_start: int, s_end: int) -> list[tuple[int, int]]:
        """Clause breaks: , ; : (not inside "13:21" or "3,2") and conjunctions."""
        # One character past the end, for the regex's look at the next character.
        marks = [m.span() for m in _PUNCTUATION_BREAK_RE.finditer(self.text, s_start, s_end + 1) if m.start() < s_end]
        shapes, ends = words.shapes, words.ends
        marks += [
            (ends[i] - len(shapes[i]), ends[i])
            for i in compress(range(first, last), map(_BREAK_WORDS.__contains__, shapes[first:last]))
        ]
        marks.sort()
        return marks

    def tense(self, start: int, end: int) -> str | None:
        """FUTURE, PAST or None: the nearest cue in the expression's clause, else its sentence.
        A regular English past (-ed) counts as a weaker cue than an explicit tense word."""
        s_start, s_end = self.sentence_bounds(start)
        cues, breaks = self._sentence_cues(s_start, s_end)
        if not cues:
            return None
        c_start, c_end = s_start, s_end
        if len(breaks) <= 8:
            for br_start, br_end in breaks:
                if br_end <= start:
                    c_start = br_end
                elif br_start >= end:
                    c_end = br_start
                    break
        else:  # a long sentence: the breaks around the span by bisection (they are sorted)
            c_start, c_end = _clause_around(breaks, start, end, s_start, s_end, self._break_index(s_start, breaks))
        if len(cues) <= 8:
            return _nearest(cues, c_start, c_end, start, end) or _nearest(cues, s_start, s_end, start, end)
        index = self._cue_index(s_start, cues)
        return _nearest_sorted(cues, index, c_start, c_end, start, end) or _nearest_sorted(
            cues, index, s_start, s_end, start, end
        )

    def _cue_index(self, s_start: int, cues: list[tuple[int, int, str, int]]) -> tuple[list[int], int, int]:
        """(cue starts, longest cue, largest penalty) of a sentence's cues, cached."""
        key = ("cues", s_start)
        found = self._indexes.get(key)
        if found is None:
            found = self._indexes[key] = (
                [c[0] for c in cues],
                max(c[1] - c[0] for c in cues),
                max(c[3] for c in cues),
            )
        return found

    def _break_index(self, s_start: int, breaks: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
        key = ("breaks", s_start)
        found = self._indexes.get(key)
        if found is None:
            prefix_max_end: list[int] = []
            top = -1
            for _, br_end in breaks:
                top = max(top, br_end)
                prefix_max_end.append(top)
            found = self._indexes[key] = ([b[0] for b in breaks], prefix_max_end)
        return found


def _clause_around(
    breaks: list[tuple[int, int]],
    start: int,
    end: int,
    s_start: int,
    s_end: int,
    index: tuple[list[int], list[int]],
) -> tuple[int, int]:
    """What the linear walk over sorted breaks finds: c_start is the end of the last break
    (in order) ending at or before ``start`` before the first break starting at or after
    ``end``; c_end is that break's start."""
    starts, _ = index
    stop = bisect_left(starts, end)  # first break starting at or after end
    c_end = breaks[stop][0] if stop < len(breaks) else s_end
    c_start = s_start
    for i in range(stop - 1, -1, -1):  # the last break before it that ends by start
        if breaks[i][1] <= start:  # the breaks passed over overlap the span: a few at most
            c_start = breaks[i][1]
            break
    return c_start, c_end


def _nearest(cues: list[tuple[int, int, str, int]], lo: int, hi: int, start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for cue_start, cue_end, kind, penalty in cues:
        if cue_start < lo or cue_end > hi or start <= cue_start < end:
            continue
        distance = (start - cue_end if cue_end <= start else cue_start - end) + penalty
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None


def _nearest_sorted(
    cues: list[tuple[int, int, str, int]],
    index: tuple[list[int], int, int],
    lo: int,
    hi: int,
    start: int,
    end: int,
) -> str | None:
    """:func:`_nearest` over cues sorted by start, looking outward from the span and stopping
    once no cue further out can be nearer (the same answer, ties included: the first cue in
    order wins among equals, as in the linear scan)."""
    starts, longest, _ = index
    middle = bisect_left(starts, start)
    candidates: list[int] = []
    best = None
    # Left: cues starting before the span; their distance is at least start - (cue_start + longest).
    for i in range(middle - 1, -1, -1):
        cue_start, cue_end, _, penalty = cues[i]
        if best is not None and cue_start <= start - longest and start - (cue_start + longest) > best:
            break  # no cue further left can overlap the span or come nearer
        if cue_start < lo:
            break
        if cue_end > hi or start <= cue_start < end:
            continue
        distance = (start - cue_end if cue_end <= start else cue_start - end) + penalty
        candidates.append(i)
        best = distance if best is None else min(best, distance)
    # Right: cues starting at or after the span's start; distance at least cue_start - end.
    for i in range(middle, len(cues)):
        cue_start, cue_end, _, penalty = cues[i]
        if cue_start > hi or (best is not None and cue_start - end > best):
            break
        if cue_start < lo or cue_end > hi or start <= cue_start < end:
            continue
        distance = (start - cue_end if cue_end <= start else cue_start - end) + penalty
        candidates.append(i)
        best = distance if best is None else min(best, distance)
    if best is None:
        return None
    winner = min(
        (i for i in candidates if _distance_to(cues[i], start, end) == best), default=None
    )
    return cues[winner][2] if winner is not None else None


def _distance_to(cue: tuple[int, int, str, int], start: int, end: int) -> int:
    cue_start, cue_end, _, penalty = cue
    return (start - cue_end if cue_end <= start else cue_start - end) + penalty


def resolve_weekday(dct: date, weekday: int, tense: str | None) -> date:
    """The date of ``weekday`` (ISO 1..7) nearest the DCT in the direction the tense says."""
    if weekday == dct.isoweekday():
        return dct
    back = (dct.isoweekday() - weekday) % 7
    ahead = (weekday - dct.isoweekday()) % 7
    if tense == FUTURE:
        return dct + timedelta(days=ahead)
    if tense == PAST:
        return dct - timedelta(days=back)
    if back <= ahead + PAST_BIAS_DAYS:
        return dct - timedelta(days=back)
    return dct + timedelta(days=ahead)


def resolve_month(dct: date, month: int, tense: str | None) -> int:
    """The year of a bare month: the DCT's, unless the tense points to the one across a year
    boundary within 6 months ("akan ... Januari" in November), or the DCT's is 9+ months away
    while the other one is within 3 ("Desember" on 2 January)."""
    here = dct.year * 12 + dct.month
    options = [(year * 12 + month - here, year) for year in (dct.year - 1, dct.year, dct.year + 1)]
    return _calendar_pick(options, tense, 6, 9, 3)  # type: ignore[return-value]


def _calendar_pick(
    options: list[tuple[int, object]], tense: str | None, horizon: int, far: int, close: int
) -> object | None:
    """Prefer the option in the DCT's year (the middle one); see resolve_month."""
    if not options:
        return None
    own = options[len(options) // 2]
    if tense == FUTURE and own[0] < 0 or tense == PAST and own[0] > 0:
        turned = [o for o in options if abs(o[0]) <= horizon and (o[0] >= 0 if tense == FUTURE else o[0] <= 0)]
        if turned:
            return min(turned, key=lambda o: abs(o[0]))[1]
    if abs(own[0]) >= far:
        nearby = [o for o in options if abs(o[0]) <= close]
        if nearby:
            return nearby[0][1]
    return own[1]


def resolve_day_month(dct: date, month: int, day: int, tense: str | None) -> date | None:
    """The date of a day and month given without a year."""
    try:
        options: list[tuple[int, object]] = [
            ((date(year, month, day) - dct).days, date(year, month, day))
            for year in (dct.year - 1, dct.year, dct.year + 1)
        ]
    except ValueError:  # 29 February in a year without one, or a day the month lacks
        if not (month == 2 and day == 29):
            return None
        options = [((date(y, 2, 29) - dct).days, date(y, 2, 29)) for y in range(dct.year - 3, dct.year + 4) if y % 4 == 0]
        return min(options, key=lambda o: abs(o[0]))[1]  # type: ignore[return-value]
    found = _calendar_pick(options, tense, 183, 270, 92)
    return found if isinstance(found, date) else None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1
