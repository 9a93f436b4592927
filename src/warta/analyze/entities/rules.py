"""Rules applied to the tagger's spans, sentence by sentence, on token indices.

1. Titles and roles are not part of a name: "Presiden Rusia Vladimir Putin" -> PER
   "Vladimir Putin" (plus LOC "Rusia"); leading title words, places after them and
   commas are cut off a PER span.
2. Known outlets and agencies (data/ner/outlets.txt) are ORG, replacing overlapping spans.
3. Known aliases with a type (data/ner/aliases.tsv: "Gedung Putih", "Kremlin", "AS") are
   added where the tagger found nothing; short all-caps aliases must match case exactly.
4. Organisations named by a role phrase stay one ORG: an organisation head word
   ("Kementerian", "Badan", "Ministry") followed by capitalised words and a place
   ("Kementerian Pertahanan Korea Selatan").
5. Geographic names with a head or tail word ("Sungai Tumen", "Gunung Merapi",
   "Primorsky Krai", "Tumen River") are one LOC.
6. Capitalised country names the tagger missed become LOC.
"""

from __future__ import annotations

from collections.abc import Sequence

from warta.analyze.entities.resources import Resources

Span = tuple[int, int, str]

_ROLE_ORG_HEADS = {
    "kementerian", "departemen", "badan", "komisi", "dewan", "mahkamah", "pengadilan",
    "kejaksaan", "ministry", "department", "kedutaan", "kantor", "majelis", "partai",
}  # fmt: skip
_GEO_HEADS = {
    "sungai", "gunung", "danau", "selat", "teluk", "pulau", "laut", "tanjung", "semenanjung",
    "kepulauan", "pegunungan", "lembah", "mount", "lake", "river", "gulf", "strait",
}  # fmt: skip
_GEO_TAILS = {"krai", "oblast", "river", "sea", "island", "islands", "province", "peninsula", "mountains"}
_CONNECTORS = {"dan", "of", "for", "and", "the", "&"}
_MAX_MATCH = 6


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _overlaps(span: Span, spans: Sequence[Span]) -> list[Span]:
    return [s for s in spans if s[0] < span[1] and span[0] < s[1]]


def _is_place(words: Sequence[str], start: int, end: int, res: Resources) -> bool:
    place = res.places.get(" ".join(words[start:end]).lower())
    return place is not None and place.type in ("country", "city", "province")


def strip_titles(words: Sequence[str], spans: list[Span], res: Resources) -> list[Span]:
    out: list[Span] = []
    for start, end, kind in spans:
        if kind != "PER":
            out.append((start, end, kind))
            continue
        i = start
        saw_title = False
        while i < end - 1:
            low = words[i].lower()
            if low in res.titles or low in (",", "-") or not _is_cap(words[i]):
                saw_title = saw_title or low in res.titles
                i += 1
                continue
            # A place right after a title is where the title holds ("Presiden Rusia").
            found = next((k for k in range(min(end - 1, i + 3), i, -1) if _is_place(words, i, k, res)), 0)
            if saw_title and found:
                out.append((i, found, "LOC"))
                i = found
                continue
            break
        if i < end:
            out.append((i, end, kind))
    return out


def _find(words: Sequence[str], table: dict[tuple[str, ...], str], exact_case_short: bool) -> list[tuple[int, int, str]]:
    lows = [w.lower() for w in words]
    found = []
    i = 0
    while i < len(words):
        hit = 0
        for length in range(min(_MAX_MATCH, len(words) - i), 0, -1):
            key = tuple(lows[i : i + length])
            name = table.get(key)
            if name is None or not _is_cap(words[i]):
                continue
            surface = " ".join(words[i : i + length])
            if exact_case_short and len(surface) <= 4 and surface.replace(" ", "") != name.replace(" ", ""):
                continue
            hit = length
            found.append((i, i + length, name))
            break
        i += hit or 1
    return found


def apply_outlets(words: Sequence[str], spans: list[Span], res: Resources) -> list[Span]:
    for start, end, _name in _find(words, res.outlets, exact_case_short=True):
        span = (start, end, "ORG")
        hit = _overlaps(span, spans)
        # Keep a longer span that contains the outlet ("Kantor berita Yonhap" is fine as is).
        if any(s[0] <= start and end <= s[1] and s[1] - s[0] > end - start and s[2] == "ORG" for s in hit):
            continue
        spans = [s for s in spans if s not in hit] + [span]
    return spans


def apply_typed_aliases(
    words: Sequence[str], spans: list[Span], res: Resources, table: dict[tuple[str, ...], str]
) -> list[Span]:
    for start, end, alias in _find(words, table, exact_case_short=True):
        kind = res.aliases[alias.lower()][1]
        if kind and not _overlaps((start, end, kind), spans):
            spans.append((start, end, kind))
    return spans


def merge_role_orgs(words: Sequence[str], spans: list[Span], res: Resources) -> list[Span]:
    lows = [w.lower() for w in words]
    for i, low in enumerate(lows):
        if low not in _ROLE_ORG_HEADS or not words[i][:1].isupper():
            continue
        j = i + 1
        while j < len(words) and (_is_cap(words[j]) or (lows[j] in _CONNECTORS and j + 1 < len(words) and _is_cap(words[j + 1]))):
            j += 1
        if j - i < 2:
            continue
        inside = _overlaps((i, j, "ORG"), spans)
        # Only take over spans wholly inside the phrase; do not cut a span that runs past it.
        if any(s[0] < i or s[1] > j for s in inside) or any(s[2] == "PER" for s in inside):
            continue
        spans = [s for s in spans if s not in inside] + [(i, j, "ORG")]
    return spans


def _take_over(spans: list[Span], span: Span) -> list[Span]:
    """Put ``span`` in place of the spans wholly inside it, unless one runs past it."""
    inside = _overlaps(span, spans)
    if any(s[0] < span[0] or s[1] > span[1] for s in inside):
        return spans
    return [s for s in spans if s not in inside] + [span]


def geographic_names(words: Sequence[str], spans: list[Span]) -> list[Span]:
    lows = [w.lower() for w in words]
    for i, low in enumerate(lows):
        if low in _GEO_HEADS and words[i][:1].isupper():
            j = i + 1
            while j < len(words) and words[j][:1].isupper():
                j += 1
            if j - i >= 2:
                spans = _take_over(spans, (i, j, "LOC"))
        elif low in _GEO_TAILS and words[i][:1].isupper() and i > 0 and words[i - 1][:1].isupper():
            j = i
            while j > max(0, i - 3) and words[j - 1][:1].isupper() and lows[j - 1] not in _GEO_HEADS:
                j -= 1
            spans = _take_over(spans, (j, i + 1, "LOC"))
    return spans


def add_countries(words: Sequence[str], spans: list[Span], res: Resources) -> list[Span]:
    countries = res.gazetteers.get("country", set())
    lows = [w.lower() for w in words]
    i = 0
    while i < len(words):
        hit = 0
        for length in range(min(3, len(words) - i), 0, -1):
            if tuple(lows[i : i + length]) in countries and all(_is_cap(w) for w in words[i : i + length]):
                hit = length
                break
        if hit and not _overlaps((i, i + hit, "LOC"), spans) and not words[i].isupper():
            spans.append((i, i + hit, "LOC"))
        i += hit or 1
    return spans


def apply_rules(words: Sequence[str], spans: list[Span], res: Resources, typed_aliases: dict[tuple[str, ...], str]) -> list[Span]:
    spans = strip_titles(words, spans, res)
    spans = apply_outlets(words, spans, res)
    spans = merge_role_orgs(words, spans, res)
    spans = geographic_names(words, spans)
    spans = apply_typed_aliases(words, spans, res, typed_aliases)
    spans = add_countries(words, spans, res)
    return sorted(set(spans))
