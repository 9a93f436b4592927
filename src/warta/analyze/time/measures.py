"""Amounts of time that measure a result rather than tell how long something lasted.

Whole articles carry ages ("berusia 46 tahun", "Kiprono, 29 tahun,", "38-year-old"),
finishing and lap times ("2 jam 16 menit 41 detik", "1 menit 59,842 detik"), winning margins
("unggul 1,8 detik", "less than a second ahead"), flight logs ("6.200 jam terbang") and bond
tenors ("bertenor 10 tahun"). TIMEX3 annotates how long events last, not these measures, so
they are dropped after the rules have run (docs/time.md, "Durations").
"""

from __future__ import annotations

import re

from warta.analyze.time.candidates import Candidate

# Words right before an amount that make it a measure.
_BEFORE_RE = re.compile(
    r"(?:\b(?:berusia|usia|umur|berumur|bertenor|tenor|catatan\s+waktu|waktu\s+di\s+bawah|putaran\s+terbaik|lap\s+tercepat|"
    r"unggul|selisih|finis(?:\s+\w+)?\s+dalam|finish(?:ed|ing)\s+in|clocking|clocked|lap\s+of|record\s+of|mark\s+of|"
    r"aged)\s*[,:]?\s*)$",
    re.IGNORECASE,
)
# The words that can end those cues: the regex runs only when one of them is near.
_CUE_WORDS = frozenset(
    "berusia usia umur berumur bertenor tenor waktu bawah terbaik tercepat unggul selisih dalam in clocking "
    "clocked of aged".split()
)
# Words right after an amount that make it a measure.
_AFTER_RE = re.compile(
    r"^(?:[\s-]*(?:terbang|flight\s+hours|of\s+flying|ahead|behind|off\b|of\s+the\s+(?:leaders?|winner)|"
    r"dari\s+(?:pelari|pebalap|rivalnya|lawannya|posisi)|di\s+depan|di\s+belakang|old\b))",
    re.IGNORECASE,
)
# An apposition age: "Kiprono, 29 tahun, mengatakan"; "pria (52)" is no expression at all.
_NAME_BEFORE_RE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")
_SECONDS_RE = re.compile(r"^\s*\d+[.,]\d+\s*(?:detik|seconds?)\b", re.IGNORECASE)
_DECIMAL_SECONDS_RE = re.compile(r"T(?:\d+[HM])*\d+\.\d+S$")
_MINUTES_BEFORE_RE = re.compile(r"\d+\s*(?:jam|menit|hours?|minutes?)\s*$", re.IGNORECASE)
_ORDINAL_SECOND_RE = re.compile(r"^\s+[a-z]", re.IGNORECASE)
_YEARS_RE = re.compile(r"^P\d+Y$")
_LARGER_UNIT_RE = re.compile(r"\d[HM]")


def is_measure(text: str, cand: Candidate) -> bool:
    """Whether a DURATION is an age, a result, a margin, a flight log or a tenor."""
    if cand.type != "DURATION":
        return False
    before = text[max(0, cand.start - 40) : cand.start]
    after = text[cand.end : cand.end + 30]
    span = text[cand.start : cand.end].lower()
    if _CUE_WORDS.intersection(before.lower().split()[-4:]) and _BEFORE_RE.search(before):
        return True
    if _AFTER_RE.match(after):
        return True
    if _YEARS_RE.match(cand.value) and _NAME_BEFORE_RE.search(before) and after.lstrip().startswith(","):
        return True
    # "2 jam 16 menit 41 detik", "1 menit 59,842 detik": a time to the second is a result.
    if "T" in cand.value and cand.value.endswith("S") and _LARGER_UNIT_RE.search(cand.value):
        return True
    if _DECIMAL_SECONDS_RE.search(cand.value) or _SECONDS_RE.match(after):
        return True
    if cand.value.endswith("S") and _MINUTES_BEFORE_RE.search(before):
        return True
    # "a second quake": the ordinal, not an amount.
    return span in {"a second", "one second"} and bool(_ORDINAL_SECOND_RE.match(after))
