"""The working record of the extractor: a candidate time expression, and the rule context."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from warta.analyze.time.anchor import TenseFinder


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

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(slots=True)
class Context:
    text: str
    dct: date | None
    tenses: TenseFinder
    language: str | None

    def tense(self, start: int, end: int) -> str | None:
        return self.tenses.tense(start, end)

    def looks_like_name(self, start: int) -> bool:
        """A capitalised word mid-sentence after another capitalised word: "USA Today"."""
        if not self.text[start : start + 1].isupper() or self.tenses.is_sentence_start(start):
            return False
        index = start
        while index > 0 and self.text[index - 1] in " \t":
            index -= 1
        return index > 0 and index < start and self.text[index - 1].isalnum() and self._word_start_upper(index)

    def _word_start_upper(self, end: int) -> bool:
        index = end
        while index > 0 and (self.text[index - 1].isalnum() or self.text[index - 1] in "-'"):
            index -= 1
        return self.text[index : index + 1].isupper()

    def previous_word(self, pos: int) -> str:
        """The word just before ``pos`` (lower case), or ''."""
        index = pos
        while index > 0 and self.text[index - 1] in " \t":
            index -= 1
        end = index
        while index > 0 and (self.text[index - 1].isalnum() or self.text[index - 1] in "-'"):
            index -= 1
        return self.text[index:end].lower()

