"""Overrides: where a list or a fixed pattern says for certain what a name is, it wins over
the tagger. The lists are data (``warta/data/ner``, see ``resources``); nothing here names a
particular person, place or body.

Sentence rules, on token indices, after the span rules of ``rules``:

1. Edges and brackets (warta's conventions): a lower-case word at a name's edge is not part
   of it ("kawasan [Puncak]"); no name runs across a bracket, and an all-caps short form in
   brackets right after a name is a name of the same type ("Lembaga Penjamin Simpanan (LPS)").
2. Ranks (``ranks.txt``): a rank is never part of a name; the capitalised words right after
   it are a person ("AKBP Dodi Kurniawan"); a span running into a rank ends before it.
3. Short names (``acronyms.tsv``), matched with their exact case, are their listed type
   wherever they stand (a sentence's first word too); a person span that starts or ends
   with one is cut there. After a title, a short name followed by a name is a body and a
   person ("Gubernur BI Andi Prasetyo").
4. Bodies with their area or parent (``org_parts.tsv``) are one ORG: "BPBD Kota Bekasi",
   "Polres Bekasi Kota", "Satlantas Polres Bantul", "Korlantas Polri".
5. Roles that name their place (``place_roles.tsv``): the words between such a role and a
   rank, or a comma and a person, are a place ("Kapolres Bantul AKBP ...", "Kepala Desa
   Sukamaju, Bambang Sutrisno", "Bantul Police chief AKBP ..."); otherwise only a place the
   gazetteer or the short-name list knows.
6. A span that is exactly a country's name is a place.
7. English: a span does not open with "The" (unless the whole is a known name such as
   "The Jakarta Post"), and a place's possessive ends a name ("Japan's Foreign Ministry").

Outlets (the outlet registry too) and geographic head words are applied in ``rules``. Each
rule records the spans it is sure of in ``fixed``; document rules never vote those away.
Document rules, on the mentions of a whole article (``document_overrides``):

8. Two known names joined by a hyphen are two mentions ("TNI-Polri", "Jakarta-Surabaya").
9. A gazetteer area the tagger called a person is a place, unless a person of the article
   bears that name or a verb of saying stands next to it.
10. The name in a geographic name ("Gunung Lokon", "Kabupaten Sleman", "Mount Mayon")
    standing alone later is that place, unless the article also has a person of that name
    ("Gunung Sari" and "Sari Wulandari": the tagger decides each "Sari").
11. One label per name: certain labels spread to the other mentions of the same name (a
    name certain two ways keeps each); among the rest, the label most mentions have wins
    (a tie keeps each).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import accumulate

from warta.analyze.entities.linking import Mention, normalise_surface
from warta.analyze.entities.resources import Resources
from warta.analyze.entities.tokenize import Token, tokenize

Span = tuple[int, int, str]
Fixed = dict[tuple[int, int], str]

_BRACKETS = {"(", ")", "[", "]"}
# Lower-case words that belong inside names ("bin", "van", "de", "al").
_PARTICLES = {
    "bin", "binti", "van", "von", "der", "den", "de", "da", "del", "della", "dos", "du", "la", "le",
    "al", "el", "ibn", "y", "e", "ter", "ten", "zu",
}  # fmt: skip
_EDGE_PUNCTUATION = {",", "(", ")", "[", "]", "-", ".", ":", ";", '"', "'", "“", "”"}
_AREA_WORDS = {"kota", "kabupaten", "kab", "provinsi", "prov"}
# English organisation words a person's name does not contain.
_ORG_WORDS = {"center", "centre", "institute", "group", "club", "united", "city", "airlines", "air"}
_SAYING = {"kata", "ujar", "ucap", "tutur", "menurut", "jelas", "tegas", "said", "says", "told", "according"}


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _name_word(word: str, res: Resources) -> bool:
    """A word that can be part of a person's name: capitalised, letters (hyphen or
    apostrophe inside), not all capitals (one-letter initials aside), no title or head."""
    low = word.lower()
    return (
        _cap(word)
        and word.replace("-", "").replace("'", "").replace("’", "").isalpha()
        and not (word.isupper() and len(word) > 1)
        and low not in res.titles
        and low not in res.org_heads
        and low not in res.geo_heads
    )


def _useful(words: Sequence[str], start: int, end: int, res: Resources) -> tuple[int, int] | None:
    """A cut-off piece of a span, without edge punctuation; None when nothing of a name is left."""
    while start < end and words[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and words[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    piece = words[start:end]
    if all(_generic(w, res) or not w[:1].isalnum() for w in piece):
        return None
    return start, end


def _generic(word: str, res: Resources) -> bool:
    """A title, rank, role or generic place word: never a name by itself."""
    low = word.lower()
    return (
        low in res.titles
        or low in res.geo_heads
        or low in res.geo_tails
        or any(low in r for r in res.roles_before)
    )


def _cut(words: Sequence[str], spans: list[Span], start: int, end: int, res: Resources) -> list[Span]:
    """Spans with [start, end) taken out of them; what is left of a cut span stays if it is
    still a name."""
    out = []
    for s, e, kind in spans:
        if e <= start or s >= end:
            out.append((s, e, kind))
            continue
        for a, b in ((s, start), (end, e)):
            if b > a:
                piece = _useful(words, a, b, res)
                if piece:
                    out.append((*piece, kind))
    return out


def _put(words: Sequence[str], spans: list[Span], span: Span, fixed: Fixed, res: Resources) -> list[Span]:
    start, end, kind = span
    spans = _cut(words, spans, start, end, res) + [span]
    fixed[(start, end)] = kind
    return spans


def _area(name: str, res: Resources, indonesian_only: bool = False) -> bool:
    """An area of the gazetteer (see resources.load_places), or an Indonesian one."""
    return name.lower() in (res.indonesian_areas if indonesian_only else res.areas)


def _acronym_at(words: Sequence[str], start: int, res: Resources) -> tuple[int, str] | None:
    """(length, type) of the longest listed short name at ``start``, matched case-exactly."""
    for length in range(min(3, len(words) - start), 0, -1):
        hit = res.acronyms.get(tuple(words[start : start + length]))
        if hit is not None:
            return length, hit[1]
    return None


def _place_at(words: Sequence[str], start: int, stop: int, res: Resources, indonesian_only: bool) -> int:
    """End of the longest known place starting at ``start`` and ending by ``stop`` (0 if none)."""
    for end in range(min(stop, start + 4), start, -1):
        if not all(_cap(w) for w in words[start:end]):
            continue
        if _area(" ".join(words[start:end]), res, indonesian_only):
            return end
        hit = _acronym_at(words, start, res)
        if hit and hit[1] == "LOC" and start + hit[0] == end:
            return end
    return 0


def lower_edges(words: Sequence[str], spans: list[Span], res: Resources, fixed: Fixed) -> list[Span]:
    """A lower-case word at the edge of a span is not part of the name ("kawasan [Puncak]",
    "[Sungai Ciliwung] meluap"), in a sentence that writes names with capitals."""
    if not any(_cap(w) for w in words):
        return spans
    out = []
    for s, e, kind in spans:
        while s < e and _loose(words[s]):
            s += 1
        while e > s and _loose(words[e - 1]):
            e -= 1
        if e > s:
            out.append((s, e, kind))
    return out


def _loose(word: str) -> bool:
    return word.isalpha() and word.islower() and word not in _PARTICLES


def split_brackets(words: Sequence[str], spans: list[Span], res: Resources, fixed: Fixed) -> list[Span]:
    out: list[Span] = []
    for s, e, kind in spans:
        opening = next((i for i in range(s, e) if words[i] in ("(", "[")), -1)
        closing = next((i for i in range(s, e) if words[i] in (")", "]")), -1)
        # A name goes on after its bracket ("Partai ... ( PKB ) Indonesia"): one name, left as is.
        if (opening < 0 and closing < 0) or s < opening < closing < e - 1:
            out.append((s, e, kind))
            continue
        for a, b in (
            (s, opening if opening >= 0 else closing),
            ((closing if closing >= 0 else opening) + 1, e),
        ):
            piece = _useful(words, a, b, res) if b > a else None
            if piece:
                out.append((*piece, kind))
    # "Otoritas Jasa Keuangan (OJK)": a short form in brackets right after a name is one too.
    for i in range(1, len(words) - 2):
        short = words[i + 1]
        if words[i] != "(" or words[i + 2] != ")" or not (short.isupper() and len(short) >= 2):
            continue
        before = [sp for sp in out if sp[1] == i]
        if before:
            out = _put(words, out, (i + 1, i + 2, before[0][2]), fixed, res)
    return out


def _surname(words: Sequence[str], j: int, res: Resources) -> bool:
    """A geographic word closing a name is a surname ("Iptu Agnes Danau"), not a
    head: no capitalised word follows it."""
    word = words[j]
    return (
        word.lower() in res.geo_heads
        and word.isalpha()
        and word[:1].isupper()
        and not (j + 1 < len(words) and _cap(words[j + 1]))
    )


def rank_names(words: Sequence[str], spans: list[Span], res: Resources, fixed: Fixed) -> list[Span]:
    for i, word in enumerate(words):
        if word.lower() not in res.ranks or not _cap(word):
            continue
        if i > 0 and words[i - 1].lower() in res.geo_heads:
            continue  # a street or place named after an officer ("Jalan Mayor ...")
        j = i + 1
        while j < len(words) and j - i <= 4 and (_name_word(words[j], res) or _surname(words, j, res)):
            j += 1
        if j == i + 1:
            continue
        spans = _cut(words, spans, i, i + 1, res)
        spans = _put(words, spans, (i + 1, j, "PER"), fixed, res)
    return spans


def acronyms(
    words: Sequence[str], spans: list[Span], res: Resources, fixed: Fixed, add: bool = True
) -> list[Span]:
    """Listed short names take their type; ``add`` also adds those the tagger did not see."""
    letters = [w for w in words if w.isalpha()]
    shouting = len(letters) > 3 and sum(w.isupper() for w in letters) > len(letters) / 2
    i = 0
    while i < len(words):
        hit = _acronym_at(words, i, res)
        if hit is None or (shouting and len(words[i]) <= 3):
            i += 1
            continue
        length, kind = hit
        start, end = i, i + length
        i = end
        holders = [s for s in spans if s[0] <= start and end <= s[1] and s[1] - s[0] > length]
        if holders:
            s, e, held = holders[0]
            if held == "LOC" or (s != start and e != end):
                continue  # "Gedung DPR", "komplek DPR": a place named after a body
            if held == "ORG":
                # Only "<title> BI Andi Prasetyo": a body, then a person, after a title.
                after_title = start > 0 and words[start - 1].lower() in res.titles
                if not (s == start and after_title and _person_like(words, end, e, res)):
                    continue
                spans = _put(words, spans, (end, e, "PER"), fixed, res)
        elif not add and not any(sp[0] < end and start < sp[1] for sp in spans):
            continue
        spans = _put(words, spans, (start, end, kind), fixed, res)
    return spans


def countries(words: Sequence[str], spans: list[Span], res: Resources, fixed: Fixed) -> list[Span]:
    """A span that is exactly a country's name is a place, also where a country stands for
    its government or team (the tagger's ORG for "Arab Saudi" in "Tim Arab Saudi")."""
    table = res.gazetteers.get("country", set())
    out = []
    for s, e, kind in spans:
        if tuple(w.lower() for w in words[s:e]) in table and all(_cap(w) for w in words[s:e]):
            kind = "LOC"
            fixed[(s, e)] = kind
        out.append((s, e, kind))
    return out


def _person_like(words: Sequence[str], start: int, end: int, res: Resources) -> bool:
    """Two to four name words, none of them a known place, short name or organisation word."""
    name = words[start:end]
    return 2 <= len(name) <= 4 and all(
        _name_word(w, res)
        and not _area(w, res)
        and w.lower() not in res.aliases
        and (w,) not in res.acronyms
        and w.lower() not in _ORG_WORDS
        for w in name
    )


def _area_end(words: Sequence[str], start: int, spans: Sequence[Span], res: Resources) -> int:
    j = start
    if j < len(words) and words[j].lower() in _AREA_WORDS and _cap(words[j]):
        j += 1
    end = _place_at(words, j, len(words), res, indonesian_only=False)
    if not end:
        end = next((s[1] for s in spans if s[0] == j and s[2] == "LOC" and s[1] - s[0] <= 4), 0)
    if end and end < len(words) and words[end] == "Kota":
        end += 1  # "Polres Bekasi Kota": the town's own police
    return end


def org_parts(words: Sequence[str], spans: list[Span], res: Resources, fixed: Fixed) -> list[Span]:
    for i, word in enumerate(words):
        if word.lower() in res.area_orgs and _cap(word):
            end = _area_end(words, i + 1, spans, res)
            # The tagger's own longer name from the same head stays ("Polda Metro Jaya").
            end = max([end] + [s[1] for s in spans if end and s[0] == i and s[2] == "ORG"])
            if end:
                spans = _put(words, spans, (i, end, "ORG"), fixed, res)
    # Right to left, so "Satlantas Polres Bantul" grows from its end.
    for i in range(len(words) - 2, -1, -1):
        if words[i].lower() in res.parent_orgs and _cap(words[i]):
            parent = [s for s in spans if s[0] == i + 1 and s[2] == "ORG"]
            if parent:
                spans = _put(words, spans, (i, max(s[1] for s in parent), "ORG"), fixed, res)
    return spans


def _known_org(words: Sequence[str], start: int, end: int, res: Resources) -> bool:
    first = words[start].lower()
    hit = _acronym_at(words, start, res)
    return (
        first in res.org_heads
        or first in res.area_orgs
        or (hit is not None and hit[1] == "ORG")
        or tuple(w.lower() for w in words[start:end]) in res.outlets
    )


def _role_at(lows: Sequence[str], i: int, roles: set[tuple[str, ...]]) -> int:
    for role in roles:
        if tuple(lows[i : i + len(role)]) == role:
            return len(role)
    return 0


def _place_word(word: str, res: Resources) -> bool:
    low = word.lower()
    return (
        _cap(word)
        and word.replace("-", "").isalpha()
        and low not in res.titles
        and low not in res.org_heads
        and low not in res.area_orgs
    )


def place_roles(words: Sequence[str], spans: list[Span], res: Resources, fixed: Fixed) -> list[Span]:
    lows = [w.lower() for w in words]
    n = len(words)
    for i in range(n):
        if lows[i] not in res.role_starts:
            continue
        if any(s[0] < i < s[1] for s in spans):
            continue  # the role is inside a longer name ("Kantor Wali Kota Jayapura")
        size = _role_at(lows, i, res.roles_before)
        if size:
            k = i + size
            j = k
            while j < n and j - k < 4 and _place_word(words[j], res):
                j += 1
            if j == k or _known_org(words, k, j, res):
                continue
            if j < n and lows[j] in res.ranks:
                end = j
            elif j + 1 < n and words[j] == "," and any(sp[0] == j + 1 and sp[2] == "PER" for sp in spans):
                end = j  # "Kepala Desa Sukamaju, Bambang Sutrisno": the person follows the comma
            else:
                end = _place_at(words, k, j, res, indonesian_only=True)
                # whatever follows the place must be a person's name ("Gubernur Bali Wayan ...")
                if not end or not all(_name_word(w, res) for w in words[end:j]):
                    continue
            spans = _put(words, spans, (k, end, "LOC"), fixed, res)
            continue
        size = _role_at(lows, i, res.roles_after)
        if size and i > 0:
            k = i
            while k > 0 and i - k < 4 and _place_word(words[k - 1], res) and lows[k - 1] != "the":
                k -= 1
            if k == i or _known_org(words, k, i, res):
                continue
            if i + size < n and lows[i + size] in res.ranks:
                start = k
            else:
                start = next((a for a in range(k, i) if _place_at(words, a, i, res, False) == i), -1)
                if start < 0:
                    continue
            spans = _put(words, spans, (start, i, "LOC"), fixed, res)
    return spans


def _is_known(words: Sequence[str], start: int, end: int, res: Resources) -> bool:
    key = tuple(w.lower() for w in words[start:end])
    return key in res.outlets or " ".join(key) in res.aliases


def english_edges(words: Sequence[str], spans: list[Span], res: Resources, fixed: Fixed) -> list[Span]:
    out: list[Span] = []
    for s, e, kind in spans:
        if words[s] == "The" and e - s > 1 and not _is_known(words, s, e, res):
            s += 1
        pieces = []
        cut = s
        for k in range(s, e - 1):
            if words[k].endswith(("'s", "’s")):
                pieces.append((cut, k + 1))
                cut = k + 1
        pieces.append((cut, e))
        if len(pieces) == 1:
            out.append((s, e, kind))
            continue
        for a, b in pieces:
            owner = " ".join([*words[a : b - 1], words[b - 1][:-2]])
            is_place = b < e and (_area(owner, res) or res.aliases.get(owner.lower(), ("", ""))[1] == "LOC")
            if is_place:
                out.append((a, b, "LOC"))
                fixed[(a, b)] = "LOC"
            else:
                out.append((a, b, kind))
    return out


def sentence_overrides(
    words: Sequence[str],
    spans: list[Span],
    res: Resources,
    fixed: Fixed,
    english: bool = False,
    conventions: bool = True,
) -> list[Span]:
    """Rules 1-7. Without ``conventions`` only those that decide a name's type or cut a span
    that is wrong under any guidelines run; warta's own span conventions, which some NER
    corpora annotate otherwise, are left out: no lower-case generic word at a name's edge
    (NERGrit tags "desa Kramas"), no brackets in a span (NER-UGM keeps "( SBY )"),
    a body and its area as one ORG (NER-UI tags "Pemkot [Surabaya]"), and short names
    the tagger did not see (corpora leave many unannotated)."""
    if conventions:
        spans = lower_edges(words, spans, res, fixed)
        spans = split_brackets(words, spans, res, fixed)
    spans = rank_names(words, spans, res, fixed)
    spans = acronyms(words, spans, res, fixed, add=conventions)
    if conventions:
        spans = org_parts(words, spans, res, fixed)
    spans = place_roles(words, spans, res, fixed)
    spans = countries(words, spans, res, fixed)
    if english:
        spans = english_edges(words, spans, res, fixed)
    return spans


def area_of(name: str, res: Resources) -> str | None:
    """The area a body's name carries ("BPBD Kota Bekasi" -> "Kota Bekasi", "Satlantas Polres
    Bantul" -> "Bantul"), or None: rule 4 makes such a name one ORG, and a reader of the
    mention (a claim's place) may still want its area."""
    words = [t.text for t in tokenize(name)]
    i = 0
    while i < len(words) and words[i].lower() in res.parent_orgs:
        i += 1
    if i + 1 >= len(words) or words[i].lower() not in res.area_orgs:
        return None
    end = _area_end(words, i + 1, [], res)
    if end != len(words):
        return None
    if words[end - 1] == "Kota" and end - 1 > i + 1:
        end -= 1  # "Polres Bekasi Kota": the town is Bekasi
    start = i + 1
    if words[start].lower() in ("provinsi", "prov") and end - start > 1:
        start += 1  # "Provinsi" is no part of a province's name
    return " ".join(words[start:end])


# ---- document rules ----------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return normalise_surface(text).split(" ")


def _people_grams(mentions: Sequence[Mention]) -> set[tuple[str, ...]]:
    """Every run of up to four words of the article's full person names (two words or
    more): a set, so a text of many names stays linear."""
    grams: set[tuple[str, ...]] = set()
    for m in mentions:
        words = _words(m.text)
        if m.type != "PER" or len(words) < 2:
            continue
        for n in range(1, min(len(words), 4) + 1):
            grams.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    return grams


class _Cover:
    """Whether a character range overlaps a mention: bisection over the starts and a running
    maximum of the ends (one mention list, asked many times)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))

    def __call__(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


def _geo_names(mentions: Sequence[Mention], res: Resources) -> set[tuple[str, ...]]:
    """The names inside this article's geographic names ("Lokon" of "Gunung Lokon")."""
    names = set()
    for m in mentions:
        words = _words(m.text)
        if m.type != "LOC" or len(words) < 2:
            continue
        if words[0].lower() in res.geo_heads and words[0].lower() not in res.facility_words:
            names.add(tuple(words[1:]))
    return names


def _geo_tails(
    text: str,
    mentions: list[Mention],
    tokens: Sequence[Token],
    first: set[int],
    people: set[tuple[str, ...]],
    res: Resources,
) -> list[Mention]:
    names = {n for n in _geo_names(mentions, res) if n not in people}
    if not names:
        return []
    for m in mentions:
        if not m.certain and m.type != "LOC" and tuple(_words(m.text)) in names:
            m.type, m.certain = "LOC", True
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in sorted(names, key=len, reverse=True):
        by_first[name[0]].append(name)
    covered = _Cover(mentions)
    added: list[Mention] = []
    for i, tok in enumerate(tokens):
        if added and tok.start < added[-1].end:
            continue
        for name in by_first.get(tok.text, ()):
            end = i + len(name)
            if tuple(t.text for t in tokens[i:end]) != name or covered(tok.start, tokens[end - 1].end):
                continue
            # Standing alone: no capitalised word glued on either side ("Ibu Ani" is a title).
            if (i > 0 and i not in first and _cap(tokens[i - 1].text)) or (
                end < len(tokens) and end not in first and _cap(tokens[end].text)
            ):
                continue
            if i in first and len(name) == 1 and name[0].lower() in res.common_words:
                continue  # "Ruang tunggu ..." opening a sentence is a room
            stop = tokens[end - 1].end
            added.append(Mention(text[tok.start : stop], tok.start, stop, "LOC", certain=True))
            break
    return added


def _saying_next_to(m: Mention, tokens: Sequence[Token], index: dict[int, int]) -> bool:
    i = index.get(m.start)
    if i is None:
        return False
    j = i
    while j < len(tokens) and tokens[j].end <= m.end:
        j += 1
    near = [tokens[i - 1].text.lower()] if i > 0 else []
    if j < len(tokens):
        near.append(tokens[j].text.lower())
    return any(w in _SAYING for w in near)


def _gazetteer_people(
    mentions: list[Mention], tokens: Sequence[Token], people: set[tuple[str, ...]], res: Resources
) -> None:
    index = {t.start: i for i, t in enumerate(tokens)}
    for m in mentions:
        if m.type != "PER" or m.certain:
            continue
        words = _words(m.text)
        if len(words) > 4 or not _area(" ".join(words), res):
            continue
        if tuple(words) in people:
            continue  # "Sinjai" where "Sinjai Wardhana" is named
        if _saying_next_to(m, tokens, index):
            continue
        m.type, m.certain = "LOC", True


def _part_type(part: str, people: set[tuple[str, ...]], res: Resources) -> str | None:
    hit = res.acronyms.get((part,))
    if hit:
        return hit[1]
    if (part,) in people:
        return "PER"  # "Anies-Muhaimin" where "Muhaimin Iskandar" is named
    if _area(part, res):
        return "LOC"
    return None


def _hyphen_pairs(
    mentions: list[Mention], tokens: Sequence[Token], people: set[tuple[str, ...]], res: Resources
) -> list[Mention]:
    joined = [t for t in tokens if "-" in t.text and _cap(t.text)]
    if not joined:
        return []
    covered = _Cover(mentions)
    out: list[Mention] = []
    singles = {(m.start, m.end): m for m in mentions}
    drop = set()
    for tok in joined:
        left, sep, right = tok.text.partition("-")
        if not sep or "-" in right or not (_cap(left) and _cap(right)):
            continue
        held = singles.get((tok.start, tok.end))
        if held is None and covered(tok.start, tok.end):
            continue
        kinds = _part_type(left, people, res), _part_type(right, people, res)
        if kinds[0] is None or kinds[1] is None:
            continue
        if held is not None:
            drop.add(id(held))
        cut = tok.start + len(left)
        out.append(Mention(left, tok.start, cut, kinds[0], certain=True))
        out.append(Mention(right, cut + 1, tok.end, kinds[1], certain=True))
    mentions[:] = [m for m in mentions if id(m) not in drop]
    return out


def _one_label_per_name(mentions: list[Mention]) -> None:
    certain: dict[str, set[str]] = defaultdict(set)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        key = normalise_surface(m.text).lower()
        if m.certain:
            certain[key].add(m.type)
        else:
            votes[key][m.type] += 1
    for m in mentions:
        if m.certain:
            continue
        key = normalise_surface(m.text).lower()
        sure = certain.get(key)
        if sure:
            if len(sure) == 1:
                m.type = next(iter(sure))
            continue  # a name certain two ways (a mountain and a man): each mention keeps its own
        counts = votes[key]
        if len(counts) > 1:
            (top, n), (_second, n2) = counts.most_common(2)
            if n > n2:
                m.type = top


def document_overrides(
    text: str, mentions: list[Mention], tokens: Sequence[Token], first: set[int], res: Resources
) -> list[Mention]:
    """The document rules (8-11) over an article's mentions in order; ``first`` holds the
    indices of tokens that open a sentence."""
    # Full person names are the same through rules 8-10 (these change single words only).
    people = _people_grams(mentions)
    mentions.extend(_hyphen_pairs(mentions, tokens, people, res))
    mentions.sort(key=lambda m: (m.start, m.end))
    _gazetteer_people(mentions, tokens, people, res)
    mentions.extend(_geo_tails(text, mentions, tokens, first, people, res))
    mentions.sort(key=lambda m: (m.start, m.end))
    _one_label_per_name(mentions)
    return mentions
