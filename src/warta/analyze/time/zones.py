"""UTC offsets for the time zones news write after clock times, and for "waktu setempat".

"pukul 06.17 WIB" is 06:17+07:00. "waktu setempat" (local time) takes the zone of the
nearest place warta knows in the same sentence, else of the dateline ("JAYAPURA, KOMPAS.com
-"), else of the nearest place told before; places are Indonesia's provinces and their main
cities (a province lies in one zone), places abroad without daylight saving, and European and
US places whose offset follows the date (EU and US daylight-saving rules, as do "ET", "PT",
"CT"). "pukul 18.30 waktu Tokyo", "2 p.m. Jakarta time" and "3 p.m. in Singapore" take their
place's zone. Places warta does not know give no offset.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import compress

from warta.analyze.time.candidates import Candidate

ZONE_OFFSETS: dict[str, str] = {
    "wib": "+07:00", "wita": "+08:00", "wit": "+09:00", "utc": "+00:00", "gmt": "+00:00",
    "est": "-05:00", "edt": "-04:00", "pst": "-08:00", "pdt": "-07:00", "kst": "+09:00",
    "jst": "+09:00", "cet": "+01:00", "cest": "+02:00", "bst": "+01:00", "ist": "+05:30",
}
_WIB = ("aceh", "banda aceh", "sumatera utara", "sumut", "medan", "sumatera barat", "sumbar", "padang",
        "riau", "pekanbaru", "kepulauan riau", "kepri", "batam", "tanjungpinang", "jambi", "bengkulu",
        "sumatera selatan", "sumsel", "palembang", "bangka belitung", "pangkalpinang", "lampung",
        "bandar lampung", "banten", "serang", "tangerang", "jakarta", "dki jakarta", "bogor", "depok",
        "bekasi", "jawa barat", "jabar", "bandung", "cirebon", "jawa tengah", "jateng", "semarang", "solo",
        "surakarta", "yogyakarta", "jogja", "diy", "jawa timur", "jatim", "surabaya", "malang",
        "banyuwangi", "kalimantan barat", "kalbar", "pontianak", "kalimantan tengah", "kalteng",
        "palangka raya", "palangkaraya", "bangkok", "hanoi", "ho chi minh", "phnom penh", "vientiane")
_WITA = ("bali", "denpasar", "nusa tenggara barat", "ntb", "mataram", "lombok", "nusa tenggara timur",
         "ntt", "kupang", "labuan bajo", "kalimantan selatan", "kalsel", "banjarmasin", "kalimantan timur",
         "kaltim", "samarinda", "balikpapan", "ikn", "nusantara", "kalimantan utara", "kaltara",
         "tanjung selor", "tarakan", "sulawesi utara", "sulut", "manado", "gorontalo", "sulawesi tengah",
         "sulteng", "palu", "sulawesi barat", "sulbar", "mamuju", "sulawesi selatan", "sulsel", "makassar",
         "sulawesi tenggara", "sultra", "kendari", "singapura", "singapore", "kuala lumpur", "malaysia",
         "manila", "filipina", "beijing", "tiongkok", "china", "hong kong", "taipei", "perth")
_WIT = ("maluku", "ambon", "maluku utara", "malut", "ternate", "sofifi", "papua", "jayapura",
        "papua barat", "manokwari", "papua barat daya", "sorong", "papua tengah", "nabire", "timika",
        "papua pegunungan", "wamena", "papua selatan", "merauke", "tokyo", "jepang", "japan", "seoul",
        "korea selatan", "south korea", "pyongyang", "dili", "timor leste")
# Abroad, places without daylight saving news often time events in.
_FIXED_ABROAD = {
    "+03:00": ("turki", "turkey", "türkiye", "istanbul", "ankara", "kahramanmaras", "malatya", "gaziantep",
               "hatay", "pazarcik", "arab saudi", "saudi arabia", "riyadh", "jeddah", "mekkah", "makkah",
               "madinah", "qatar", "doha", "moskow", "moscow"),
    "+04:00": ("dubai", "abu dhabi", "uni emirat arab", "united arab emirates", "uae"),
    "+05:30": ("india", "new delhi", "delhi", "mumbai", "kolkata", "chennai", "odisha", "bengaluru"),
    "+08:00": ("philippines", "zamboanga", "jolo", "basilan", "mindanao", "cebu", "davao", "marina bay"),
}
PLACE_ZONES: dict[str, str] = {
    **dict.fromkeys(_WIB, "+07:00"), **dict.fromkeys(_WITA, "+08:00"), **dict.fromkeys(_WIT, "+09:00"),
    **{place: offset for offset, places in _FIXED_ABROAD.items() for place in places},
}
# Places with daylight saving: (standard offset in hours, rule). "eu": last Sunday of March to
# last Sunday of October; "us": second Sunday of March to first Sunday of November.
DST_PLACES: dict[str, tuple[int, str]] = {
    **dict.fromkeys(("lisbon", "lisboa", "portugal", "london", "inggris", "britain", "uk", "dublin", "irlandia",
                     "ireland"), (0, "eu")),
    **dict.fromkeys(("madrid", "spanyol", "spain", "barcelona", "paris", "prancis", "france", "berlin", "jerman",
                     "germany", "roma", "rome", "italia", "italy", "brussels", "amsterdam", "belanda",
                     "frankfurt", "vienna", "wina", "geneva", "jenewa", "swiss", "switzerland"), (1, "eu")),
    **dict.fromkeys(("athens", "athena", "yunani", "greece", "helsinki", "kyiv", "kiev", "ukraina", "ukraine"), (2, "eu")),
    **dict.fromkeys(("new york", "washington", "boston", "miami", "atlanta", "florida"), (-5, "us")),
    **dict.fromkeys(("los angeles", "san francisco", "seattle", "california"), (-8, "us")),
}
# Zone codes with daylight saving: "ET" is EST or EDT by the date.
DST_CODES: dict[str, tuple[int, str]] = {"et": (-5, "us"), "pt": (-8, "us"), "ct": (-6, "us")}
_ALL_PLACES = sorted({*PLACE_ZONES, *DST_PLACES}, key=len, reverse=True)
_PLACE_ALTERNATION = "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _ALL_PLACES) + ")"
_PLACE_RE = re.compile(r"\b" + _PLACE_ALTERNATION + r"\b", re.IGNORECASE)
# "pukul 18.30 waktu Tokyo", "2 p.m. Jakarta time": a zone named by its place, part of the span.
PLACE_TIME_RE = re.compile(
    r"\s+(?:waktu\s+(?P<id>" + _PLACE_ALTERNATION + r")|(?P<en>" + _PLACE_ALTERNATION + r")\s+time)\b", re.IGNORECASE
)
# "11:33 a.m. in Lisbon", "3 p.m. in Singapore": a clock time tied to a place after it.
_IN_PLACE_RE = re.compile(r"\s+(?:in|di)\s+(?P<place>" + _PLACE_ALTERNATION + r")\b", re.IGNORECASE)
_LOCAL = ("waktu setempat", "waktu lokal", "local time")
_CODE_RE = re.compile(r"\b(WIB|WITA|WIT|UTC|GMT|EST|EDT|PST|PDT|KST|JST|CET|CEST|BST|IST|ET|PT|CT)\b")
_SHIFTED_RE = re.compile(r"\b(UTC|GMT)\s*([+-])\s*(\d{1,2})\b")
_SENTENCE_RE = re.compile(r"[.!?\n]")


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
    return day - timedelta(days=day.isoweekday() % 7)


def _nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.isoweekday()) % 7 + 7 * (n - 1))


def _dst_offset(standard: int, rule: str, day: date | None) -> str | None:
    if day is None:
        return None
    if rule == "eu":
        summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    else:
        summer = _nth_sunday(day.year, 3, 2) <= day < _nth_sunday(day.year, 11, 1)
    hours = standard + (1 if summer else 0)
    return f"{'-' if hours < 0 else '+'}{abs(hours):02d}:00"


def _place_zone(name: str, day: date | None = None) -> str | None:
    key = " ".join(name.lower().split())
    if key in PLACE_ZONES:
        return PLACE_ZONES[key]
    standard, rule = DST_PLACES[key]
    return _dst_offset(standard, rule, day)


def _day_of(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


_FIRST_WORDS = frozenset(p.split()[0] for p in _ALL_PLACES)
# Place names are written capitalised ("Madrid", "UK", "Kahramanmaras"): only such words are tried.
# That is r"\b[A-ZÀ-Ý][^\W\d_]*", written to begin with the capital so that the regex engine
# skips to capitals instead of testing a word boundary at every character (twice as fast over
# a long text). The boundary becomes a look back: no word character before a capital, and
# one before "×", the only character of the class that is no word character.
_CAPITALISED_RE = re.compile(r"[A-ZÀ-Ý](?:(?<=×)(?<=\w×)|(?<!×)(?<!\w.))[^\W\d_]*")
_GROUP = re.Match.group


def _places(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Place names in ``text[start:end]``: the long alternation is tried only at capitalised
    words that can begin a name, not at every character."""
    found: list[re.Match[str]] = []
    words = list(_CAPITALISED_RE.finditer(text, start, end))
    # The words that can begin a name, picked out without a Python step per word: a long
    # stretch of text is read when no place is near a clock time.
    for word in compress(words, map(_FIRST_WORDS.__contains__, map(str.lower, map(_GROUP, words)))):
        if not found or word.start() >= found[-1].end():
            match = _PLACE_RE.match(text, word.start(), end)
            if match:
                found.append(match)
    return found


_CHUNK = 400


def _last_place(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last of ``_places(text, start, end)``, read from the end back in chunks: the place
    told last before a clock time is usually near it, and the text before can be long.

    A chunk starts right after a "." or ",", which no name holds (names are letters and
    blanks), so no name (and no capitalised word) found from ``start`` runs into it: the
    names found from the chunk's start are exactly those found from ``start`` in it."""
    high = end
    while high > start:
        limit = high - _CHUNK
        cut = max(text.rfind(".", start, limit), text.rfind(",", start, limit)) + 1 if limit > start else 0
        cut = max(cut, start)
        found = _places(text, cut, high)
        if found:
            return found[-1]
        high = cut
    return None


def local_offset(text: str, start: int, end: int, day: date | None = None) -> str | None:
    """The zone of the place nearest ``start..end`` in its sentence, else of the nearest place
    told before it, else of the dateline."""
    left = max((m.end() for m in _SENTENCE_RE.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    stop = _SENTENCE_RE.search(text, end)
    right = stop.start() if stop else len(text)
    best: tuple[int, str] | None = None
    for match in _places(text, left, right):
        distance = start - match.end() if match.end() <= start else match.start() - end
        if best is None or distance < best[0]:
            best = (distance, match.group(0))
    if best is None:
        earlier = _last_place(text, max(0, left - 600), left) or _last_place(text, 0, max(0, left - 600))
        if earlier:
            best = (0, earlier.group(0))
    if best is not None:
        return _place_zone(best[1], day)
    dateline = _PLACE_RE.match(text.lstrip()[:40])
    return _place_zone(dateline.group(0), day) if dateline else None


def zone_offset(text: str, cand: Candidate) -> str | None:
    """The UTC offset the zone words after a clock time name, or None when unknown."""
    span = text[cand.start : cand.end]
    lowered = span.lower()
    words = " ".join(lowered.split())
    # The day (for daylight saving) is read only on the paths that need it.
    if any(map(words.__contains__, _LOCAL)):
        return local_offset(text, cand.start, cand.end, _day_of(cand.value))
    named = PLACE_TIME_RE.search(span) if "waktu" in words or "time" in words else None
    if named:
        return _place_zone(named.group("id") or named.group("en"), _day_of(cand.value))
    # The zone codes are capitals: a span that lower-casing leaves as it is holds none.
    if lowered != span:
        shifted = _SHIFTED_RE.search(span)
        if shifted:
            hours = int(shifted.group(3))
            return f"{shifted.group(2)}{hours:02d}:00" if hours <= 14 else None
        code = _CODE_RE.search(span)
        if code:
            key = code.group(1).lower()
            if key in DST_CODES:
                return _dst_offset(*DST_CODES[key], _day_of(cand.value))
            return ZONE_OFFSETS.get(key)
    if text[cand.end : cand.end + 4].lower() not in {" in ", " di "}:
        return None
    tied = _IN_PLACE_RE.match(text, cand.end)
    return _place_zone(tied.group("place"), _day_of(cand.value)) if tied else None
