"""The working record of the extractor: a candidate time expression, and the rule context."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from warta.analyze.time.anchor import FUTURE, PAST, TenseFinder


@dataclass(slots=True)  # not frozen: a frozen dataclass costs four times as much to build
class TenseChoice:
    """What a bare weekday, month or day-month means in a past, a tenseless and a future
    sentence: (value prefix, day) for each. The candidate is built with the tenseless one;
    the sentence's tense is read only if the expression survives selection, because most
    bare weekdays are part of a longer date that wins ("Senin (11/9/2023)")."""

    start: int  # the span whose clause and sentence give the tense
    end: int
    past: tuple[str, date | None]
    neutral: tuple[str, date | None]
    future: tuple[str, date | None]

    def pick(self, tense: str | None) -> tuple[str, date | None]:
        return self.past if tense == PAST else self.future if tense == FUTURE else self.neutral


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    # The calendar day it names, when it names one; ``day_value`` is that day as TIMEX3
    # ("2023-09-12", or "XXXX-WXX-2" without a DCT) so a part of day or a clock time can join it.
    day: date | None = None
    day_value: str | None = None
    pod: str | None = None  # part-of-day code ("MO"), for bare "pagi" and merged values
    clock: str | None = None  # "13:21"
    # A bare part of day or clock-less fragment: kept only when joined to a neighbour.
    weak: bool = False
    # "dua hari kemudian", "bulan sebelumnya": (unit letter D|M|Q|Y, offset) from the last time
    # mentioned before it, resolved once all expressions are known.
    anaphor: tuple[str, int] | None = None
    # Set when the value hangs on the sentence's tense; see settle_tense.
    tense_choice: TenseChoice | None = None
    # Read against the narration (see discourse.py): ("day"|"same"|"pod"|"weekday"|"shift", arg).
    narrative: tuple[str, object] | None = None
    deixis: int | None = None  # days from the DCT for "kemarin", "hari ini", "besok"...
    anchor: str | None = None  # how the discourse pass anchored it: dct|narrated|speech

    @property
    def length(self) -> int:
        return self.end - self.start

    def settle_tense(self, tense: str | None) -> None:
        """Rewrite the tenseless value (and day) into the one ``tense`` calls for. The
        choice's value prefix leads both ``value`` and ``day_value`` ("2023-09-11",
        "2023-09-11TMO"), joined parts of day and clock times included."""
        choice = self.tense_choice
        if choice is None:
            return
        self.tense_choice = None
        old = choice.neutral[0]
        prefix, day = choice.pick(tense)
        if prefix == old or not self.value.startswith(old):
            return
        self.value = prefix + self.value[len(old) :]
        if self.day_value:
            self.day_value = prefix + self.day_value[len(old) :]
        if self.day is not None:
            self.day = day


# Read on the reversed text, the blanks before a position and the word before them: one
# anchored match instead of a Python loop stepping back a character at a time. [^\W_] is
# exactly str.isalnum.
_BACK_WORD_RE = re.compile(r"([ \t]*)((?:[^\W_]|[-'])*)")


@dataclass(slots=True)
class Context:
    text: str
    dct: date | None
    tenses: TenseFinder
    language: str | None
    _reversed: str = field(default="", init=False, repr=False)

    def _back_word(self, pos: int) -> tuple[int, str]:
        """How many blanks (space, tab) lie right before ``pos``, and the word (letters,
        digits, - and ') before them."""
        if not self._reversed:
            self._reversed = self.text[::-1]
        match = _BACK_WORD_RE.match(self._reversed, len(self.text) - pos)
        assert match is not None  # the pattern matches the empty string
        return match.end(1) - match.start(1), match.group(2)[::-1]

    def tense(self, start: int, end: int) -> str | None:
        return self.tenses.tense(start, end)

    def looks_like_name(self, start: int) -> bool:
        """A capitalised word mid-sentence after another capitalised word: "USA Today"."""
        if not self.text[start : start + 1].isupper() or self.tenses.is_sentence_start(start):
            return False
        blanks, word = self._back_word(start)
        # Blanks, then a word that ends in a letter or digit and starts with a capital.
        return blanks > 0 and word[-1:].isalnum() and word[:1].isupper()

    def previous_word(self, pos: int) -> str:
        """The word just before ``pos`` (lower case), or ''."""
        return self._back_word(pos)[1].lower()

