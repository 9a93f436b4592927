"""The working record of the extractor: a candidate time expression, and the rule context."""

from __future__ import annotations

from collections.abc import Callable
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
    # "dua hari kemudian": an offset from the last day mentioned before it, resolved last.
    offset_days: int | None = None

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

    def previous_word(self, pos: int) -> str:
        """The word just before ``pos`` (lower case), or ''."""
        index = pos
        while index > 0 and self.text[index - 1] in " \t":
            index -= 1
        end = index
        while index > 0 and (self.text[index - 1].isalnum() or self.text[index - 1] in "-'"):
            index -= 1
        return self.text[index:end].lower()


Handler = Callable[["object", Context], "Candidate | list[Candidate] | None"]
