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
5. Geographic names with a head or tail word (data/ner/geo_words.tsv: "Sungai Tumen",
   "Gunung Merapi", "Bandara Juanda", "Primorsky Krai", "Tumen River") are one LOC, even
   where the tagger saw a person; not a role's word ("Kepala Desa", "Wali Kota").
6. Capitalised country names the tagger missed become LOC.
7. A name in apposition to a role ("Juru bicara Kremlin, Dmitry Peskov", "Menteri Pertahanan
   Rusia, Sergei Shoigu") or right after a title ("Presiden Rusia Vladimir Putin") is a
   PER even when the tagger typed it otherwise, unless the gazetteer knows it as a place.
8. Two people joined by "dan"/"and" are two spans; in English text a lower-case word other
   than a name particle (of, de, van, bin...) ends a name; neighbouring spans that together
   make a known place ("Amerika" + "Serikat") are one; a place word the tagger glued to the
   front of a person ("Korea [Utara Kim Jong Un]") goes back to the place; a weekday or
   month name alone is not a name.
9. English only: a nationality adjective before a title ("North Korean leader") is not a PER.
10. The overrides of ``overrides`` (brackets, ranks, short names, bodies with their area,
    roles that name their place, English edges), which record the spans they are sure of.
"""

from __future__ import annotations

from collections.abc import Sequence

from warta.analyze.entities.overrides import Fixed, sentence_overrides
from warta.analyze.entities.resources import Resources

Span = tuple[int, int, str]

_ROLE_ORG_HEADS = {
    "kementerian", "departemen", "badan", "komisi", "dewan", "mahkamah", "pengadilan",
    "kejaksaan", "ministry", "department", "kedutaan", "kantor", "majelis", "partai",
    "balai", "direktorat", "komite", "otoritas", "lembaga", "inspektorat",
}  # fmt: skip
_CONNECTORS = {"dan", "of", "for", "and", "the", "&"}
_NAME_PARTICLES = {
    "bin", "binti", "van", "von", "der", "den", "de", "da", "del", "della", "dos", "du", "la", "le",
    "al", "el", "ibn", "of", "for", "and", "the", "&", "y", "e",
}  # fmt: skip
_REGIONS = ("country", "province")
_CALENDAR_WORDS = {
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "januari", "februari", "maret", "april",
    "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember", "january",
    "february", "march", "may", "june", "july", "august", "october", "december",
}  # fmt: skip
_NAME_PUNCTUATION = {".", "'", "’", "&", "-"}
_ENGLISH_CONNECTORS = {"of", "for", "and", "the", "&"}
_MAX_MATCH = 6


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _overlaps(span: Span, spans: Sequence[Span]) -> list[Span]:
    return [s for s in spans if s[0] < span[1] and span[0] < s[1]]


def _is_place(
    words: Sequence[str],
    start: int,
    end: int,
    res: Resources,
    types: tuple[str, ...] = ("country", "city", "province"),
) -> bool:
    place = res.places.get(" ".join(words[start:end]).lower())
    return place is not None and place.type in types


def strip_titles(words: Sequence[str], spans: list[Span], res: Resources) -> list[Span]:
    out: list[Span] = []
    for start, end, kind in spans:
        if kind != "PER":
            out.append((start, end, kind))
            continue
        # Everything up to the last title word goes ("Japanese Prime Minister Fumio Kishida").
        last_title = max((k for k in range(start, end - 1) if words[k].lower() in res.titles), default=-1)
        saw_title = last_title >= 0 or _title_before(words, start, spans, res)
        i = start
        if last_title >= 0:
            # Places between titles stay as places ("Presiden Rusia ... Menteri").
            for k in range(start, last_title):
                if _is_place(words, k, k + 1, res):
                    out.append((k, k + 1, "LOC"))
            i = last_title + 1
        while i < end - 1:
            if words[i] in (",", "-") or not _is_cap(words[i]):
                i += 1
                continue
            # A place right after a title is where the title holds ("Presiden Rusia").
            # Countries and provinces only: "Vladimir" and "Kim" are cities too.
            found = next(
                (k for k in range(min(end - 1, i + 3), i, -1) if _is_place(words, i, k, res, _REGIONS)), 0
            )
            if saw_title and found:
                out.append((i, found, "LOC"))
                i = found
                continue
            break
        if i < end:
            out.append((i, end, kind))
    return out


def _find(
    words: Sequence[str], table: dict[tuple[str, ...], str], exact_case_short: bool
) -> list[tuple[int, int, str]]:
    lows = [w.lower() for w in words]
    found = []
    i = 0
    while i < len(words):
        if not _is_cap(words[i]):  # a name starts with a capital or a digit
            i += 1
            continue
        hit = 0
        for length in range(min(_MAX_MATCH, len(words) - i), 0, -1):
            key = tuple(lows[i : i + length])
            name = table.get(key)
            if name is None:
                continue
            surface = " ".join(words[i : i + length])
            if exact_case_short and len(surface) <= 4 and surface.replace(" ", "") != name.replace(" ", ""):
                continue
            hit = length
            found.append((i, i + length, name))
            break
        i += hit or 1
    return found


def apply_outlets(
    words: Sequence[str],
    spans: list[Span],
    res: Resources,
    own: dict[tuple[str, ...], str] | None = None,
    fixed: Fixed | None = None,
) -> list[Span]:
    """Outlets (data/ner/outlets.txt, the outlet registry, and the article's own outlet) are
    ORG, never a person or place, wherever they stand."""
    table = {**res.outlets, **own} if own else res.outlets
    for start, end, _name in _find(words, table, exact_case_short=True):
        span = (start, end, "ORG")
        hit = _overlaps(span, spans)
        # Keep a longer span that contains the outlet ("Kantor berita Yonhap" is fine as is).
        if any(s[0] <= start and end <= s[1] and s[1] - s[0] > end - start and s[2] == "ORG" for s in hit):
            continue
        spans = [s for s in spans if s not in hit] + [span]
        if fixed is not None:
            fixed[(start, end)] = "ORG"
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
        while j < len(words) and (
            _is_cap(words[j]) or (lows[j] in _CONNECTORS and j + 1 < len(words) and _is_cap(words[j + 1]))
        ):
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


def _role_word(lows: Sequence[str], i: int, res: Resources) -> bool:
    """ "Desa" of "Kepala Desa", "Kota" of "Wali Kota": the end of a role, not a place's head."""
    return any(len(r) > 1 and tuple(lows[i - len(r) + 1 : i + 1]) == r for r in res.roles_before)


def geographic_names(
    words: Sequence[str],
    spans: list[Span],
    res: Resources,
    fixed: Fixed | None = None,
    facilities: bool = True,
) -> list[Span]:
    """``facilities``: airports, ports, streets and the like are places too (not every NER
    corpus tags them)."""
    lows = [w.lower() for w in words]
    for i, low in enumerate(lows):
        span = None
        if not facilities and low in res.facility_words:
            continue
        if low in res.geo_heads and words[i][:1].isupper() and not _role_word(lows, i, res):
            j = i + 1
            while j < len(words) and words[j][:1].isupper():
                j += 1
            if j - i >= 2:
                span = (i, j, "LOC")
                # A sentence's first word glued on by the tagger ("Pengelola Bendungan ...").
                spans = [
                    (i, e, k) if s == 0 and i == 1 and lows[0] in res.common_words and e >= j else (s, e, k)
                    for s, e, k in spans
                ]
        elif (
            low in res.geo_tails
            and words[i][:1].isupper()
            and i + 2 < len(words)
            and words[i + 1] == "of"
            and words[i + 2][:1].isupper()
        ):
            j = i + 2  # "Sea of Japan", "Strait of Malacca"
            while j < len(words) and words[j][:1].isupper():
                j += 1
            span = (i, j, "LOC")
        elif low in res.geo_tails and words[i][:1].isupper() and i > 0 and words[i - 1][:1].isupper():
            j = i
            # up to five words: "I Gusti Ngurah Rai International Airport"
            while j > max(0, i - 5) and words[j - 1][:1].isupper() and lows[j - 1] not in res.geo_heads:
                j -= 1
            if words[j] == "The" and j < i:
                j += 1
            span = (j, i + 1, "LOC")
        if span is not None:
            before = spans
            spans = _take_over(spans, span)
            if fixed is not None and spans is not before and span in spans:
                fixed[(span[0], span[1])] = "LOC"
    return spans


_ENGLISH_ORG_HEADS = {
    "endowment", "institute", "institution", "foundation", "university", "council", "corporation",
    "company", "agency", "commission", "committee", "ministry", "department", "party", "bureau",
    "center", "centre", "association", "organization", "organisation", "fund", "bank", "forum",
}  # fmt: skip


def english_orgs(words: Sequence[str], spans: list[Span]) -> list[Span]:
    """ "Carnegie Endowment for International Peace": capitalised words around an English
    organisation head, joined by of/for/and, are one ORG."""
    lows = [w.lower() for w in words]
    for i, low in enumerate(lows):
        if low not in _ENGLISH_ORG_HEADS or not words[i][:1].isupper():
            continue
        start = i
        while start > 0 and words[start - 1][:1].isupper() and lows[start - 1] not in _ENGLISH_ORG_HEADS:
            start -= 1
        end = i + 1
        while end < len(words):
            if words[end][:1].isupper():
                end += 1
            elif lows[end] in _ENGLISH_CONNECTORS and end + 1 < len(words) and words[end + 1][:1].isupper():
                end += 2
            else:
                break
        if end - start >= 2 and not any(s[2] == "PER" for s in _overlaps((start, end, "ORG"), spans)):
            spans = _take_over(spans, (start, end, "ORG"))
    return spans


_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ch")


def drop_demonyms(words: Sequence[str], spans: list[Span], res: Resources) -> list[Span]:
    """English "North Korean leader", "Russian President": a nationality adjective in front
    of a title is not a person."""
    out = []
    for start, end, kind in spans:
        before_title = end < len(words) and words[end].lower() in res.titles
        if kind == "PER" and before_title and words[end - 1].lower().endswith(_DEMONYM_ENDINGS):
            continue
        out.append((start, end, kind))
    return out


def add_countries(words: Sequence[str], spans: list[Span], res: Resources) -> list[Span]:
    countries = res.gazetteers.get("country", set())
    # "Japan's": the country before a possessive (the mention stops before the apostrophe)
    lows = [w.lower().removesuffix("'s").removesuffix("’s") for w in words]
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


def _known(words: Sequence[str], start: int, end: int, res: Resources) -> bool:
    surface = " ".join(words[start:end]).lower()
    return (
        surface in res.places
        or surface in res.aliases
        or tuple(w.lower() for w in words[start:end]) in res.outlets
    )


def _title_before(words: Sequence[str], index: int, spans: Sequence[Span], res: Resources) -> bool:
    """True when a title or role phrase ends right before token ``index``."""
    j = index - 1
    if j >= 0 and words[j] == ",":
        # Apposition: "<role words> <place/org>, Name"; the role must be close before the comma.
        return any(w.lower() in res.titles for w in words[max(0, j - 5) : j])
    for s in spans:  # skip a place or organisation between the title and the name
        if s[1] == index and s[2] in ("LOC", "ORG"):
            j = s[0] - 1
    return j >= 0 and words[j].lower() in res.titles


def _looks_like_a_name(words: Sequence[str], start: int, end: int, res: Resources) -> bool:
    span = words[start:end]
    return (
        end - start <= 4
        and all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in span)
        and not any(w.lower() in res.org_heads or w.lower() in res.titles for w in span)
        and span[0] != "The"
        and not _known(words, start, end, res)
    )


def retype_people(words: Sequence[str], spans: list[Span], res: Resources) -> list[Span]:
    out = []
    for start, end, kind in spans:
        if kind != "PER" and _looks_like_a_name(words, start, end, res):
            first_name = "lex=fname" in res.lexicon.get(words[start].lower(), ())
            apposition = start > 0 and words[start - 1] == ","
            # After a title, a one-word span is often the title's place or body ("Raja Yordania").
            if _title_before(words, start, spans, res) and (end - start >= 2 or apposition):
                kind = "PER"
            elif first_name and end - start >= 2:
                kind = "PER"
        out.append((start, end, kind))
    return out


def _breaks_name(word: str) -> bool:
    """Lower-case words other than name particles end a name (vital for English text,
    which the Indonesian-trained tagger tends to run through)."""
    if word[:1].isupper() or word[:1].isdigit() or word in _NAME_PUNCTUATION:
        return False
    return word.lower() not in _NAME_PARTICLES


def _is_particle(word: str) -> bool:
    """A lower-case name particle: "the", "of", "bin" (but "The Beatles", "LA Galaxy" keep theirs)."""
    return word.islower() and word in _NAME_PARTICLES


def split_and_merge(
    words: Sequence[str], spans: list[Span], res: Resources, english: bool = False
) -> list[Span]:
    out: list[Span] = []
    for start, end, kind in spans:
        while start < end - 1 and _is_particle(words[start]):
            start += 1
        pieces: list[tuple[int, int]] = []
        cut = start
        for k in range(start, end):
            joins_two = words[k].lower() in ("dan", "and", "serta", ",") and (
                kind == "PER"
                or _known(words, cut, k, res)
                or _known(words, k + 1, end, res)
                or (k + 1 < end and words[k + 1].lower() == "the" and _known(words, k + 2, end, res))
            )
            if (english and _breaks_name(words[k])) or joins_two:
                pieces.append((cut, k))
                cut = k + 1
        pieces.append((cut, end))
        for a, b in pieces:
            if b - a == 1 and words[a].lower() in _CALENDAR_WORDS:
                continue  # "Monday", "Senin", "September" are times, not names
            while a < b and (_is_particle(words[a]) or words[a] in _NAME_PUNCTUATION):
                a += 1
            while b > a and (_is_particle(words[b - 1]) or words[b - 1] in _NAME_PUNCTUATION):
                b -= 1
            if b > a:
                out.append((a, b, kind))
    out.sort()
    merged: list[Span] = []
    for span in out:
        # "daratan [Amerika] Serikat": a capitalised word just before a place may belong to it.
        before = span[0] - 1
        if (
            span[2] == "LOC"
            and before >= 0
            and words[before][:1].isupper()
            and (not merged or merged[-1][1] <= before)
        ):
            if _is_place(words, before, span[1], res):
                span = (before, span[1], "LOC")
        if merged:
            prev = merged[-1]
            if prev[1] == span[0] and _is_place(words, prev[0], span[1], res):
                merged[-1] = (prev[0], span[1], "LOC")
                continue
            if prev[1] == span[0] and prev[2] == "LOC" and span[2] == "PER" and span[1] - span[0] > 1:
                if _is_place(words, prev[0], span[0] + 1, res):
                    merged[-1] = (prev[0], span[0] + 1, "LOC")
                    span = (span[0] + 1, span[1], "PER")
        merged.append(span)
    return merged


def apply_rules(
    words: Sequence[str],
    spans: list[Span],
    res: Resources,
    typed_aliases: dict[tuple[str, ...], str],
    english: bool = False,
    *,
    outlets: dict[tuple[str, ...], str] | None = None,
    fixed: Fixed | None = None,
    conventions: bool = True,
) -> list[Span]:
    """All rules in order. ``english`` also ends names at lower-case words: Indonesian
    organisation names keep theirs ("Kementerian Riset dan Teknologi"). ``outlets`` adds
    outlet names (the article's own); ``fixed`` collects the spans overrides are sure of;
    ``conventions`` applies warta's span conventions that some NER corpora do not share
    (see ``overrides.sentence_overrides``; facilities as places)."""
    fixed = {} if fixed is None else fixed
    spans = split_and_merge(words, spans, res, english)
    if english:
        spans = drop_demonyms(words, spans, res)
    spans = retype_people(words, spans, res)
    spans = strip_titles(words, spans, res)
    spans = apply_outlets(words, spans, res, outlets, fixed)
    spans = merge_role_orgs(words, spans, res)
    spans = english_orgs(words, spans)
    spans = geographic_names(words, spans, res, fixed, facilities=conventions)
    spans = apply_typed_aliases(words, spans, res, typed_aliases)
    spans = add_countries(words, spans, res)
    spans = sentence_overrides(words, spans, res, fixed, english, conventions)
    return sorted(set(spans))
