"""UTC offsets for the time zones news write after clock times, and for "waktu setempat".

"pukul 06.17 WIB" is 06:17+07:00. "waktu setempat" (local time) takes the zone of the
nearest place warta knows in the same sentence, else of the dateline ("JAYAPURA, KOMPAS.com
-"); places are Indonesia's provinces and their main cities (a province lies in one zone)
and a few foreign capitals without daylight saving. Zones with daylight saving named by
region only ("ET") and places warta does not know give no offset.
"""

from __future__ import annotations

import re

from warta.analyze.time.candidates import Candidate

ZONE_OFFSETS: dict[str, str] = {
    "wib": "+07:00", "wita": "+08:00", "wit": "+09:00", "utc": "+00:00", "gmt": "+00:00",
    "est": "-05:00", "edt": "-04:00", "pst": "-08:00", "pdt": "-07:00", "kst": "+09:00",
    "jst": "+09:00", "cet": "+01:00", "cest": "+02:00", "bst": "+01:00",
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
PLACE_ZONES: dict[str, str] = {
    **dict.fromkeys(_WIB, "+07:00"), **dict.fromkeys(_WITA, "+08:00"), **dict.fromkeys(_WIT, "+09:00"),
}
_PLACE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(PLACE_ZONES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_LOCAL = ("waktu setempat", "waktu lokal", "local time")
_CODE_RE = re.compile(r"\b(WIB|WITA|WIT|UTC|GMT|EST|EDT|PST|PDT|KST|JST|CET|CEST|BST)\b")
_SHIFTED_RE = re.compile(r"\b(UTC|GMT)\s*([+-])\s*(\d{1,2})\b")
_SENTENCE_RE = re.compile(r"[.!?\n]")


def _place_zone(name: str) -> str:
    return PLACE_ZONES[" ".join(name.lower().split())]


def local_offset(text: str, start: int, end: int) -> str | None:
    """The zone of the place nearest ``start..end`` in its sentence, else of the dateline."""
    left = max((m.end() for m in _SENTENCE_RE.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    stop = _SENTENCE_RE.search(text, end)
    right = stop.start() if stop else len(text)
    best: tuple[int, str] | None = None
    for match in _PLACE_RE.finditer(text, left, right):
        distance = start - match.end() if match.end() <= start else match.start() - end
        if best is None or distance < best[0]:
            best = (distance, _place_zone(match.group(0)))
    if best is not None:
        return best[1]
    dateline = _PLACE_RE.match(text.lstrip()[:40])
    return _place_zone(dateline.group(0)) if dateline else None


def zone_offset(text: str, cand: Candidate) -> str | None:
    """The UTC offset the zone words after a clock time name, or None when unknown."""
    span = text[cand.start : cand.end]
    words = " ".join(span.lower().split())
    if any(local in words for local in _LOCAL):
        return local_offset(text, cand.start, cand.end)
    shifted = _SHIFTED_RE.search(span)
    if shifted:
        hours = int(shifted.group(3))
        return f"{shifted.group(2)}{hours:02d}:00" if hours <= 14 else None
    code = _CODE_RE.search(span)
    return ZONE_OFFSETS.get(code.group(1).lower()) if code else None
