"""Disagreements between claims: independent sources giving incompatible values for one slot.

Only asserted claims take part (a forecast, a hedge or a denial is not a statement of fact),
only one value per article (an article giving two values for one slot is telling two moments
or two scopes), and a pair of values is disputed only if some pair of their claims
:func:`~warta.stories.conflicts.slots.relate` calls ``disagree``. Two values an article
tells side by side are never disputed: that article says both hold.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from warta.analyze.measures import load_measures
from warta.stories.conflicts.events import add_evidence
from warta.stories.conflicts.slots import Slots, Stated, _norm, _scope_place, background, relate, values_agree
from warta.stories.records import Conflict, ConflictValue

CONTEXT_WORDS = 8
MIN_ALIGNMENT = 0.15  # context similarity two figures need to be taken as one thing's
MOMENT_BONUS = 0.2  # figures for the same day are likelier about the same thing
NEAR_BONUS = 0.1  # figures within NEAR_SHARE of each other are likelier one figure told two ways
NEAR_SHARE = 0.05
_CLAUSE_BREAK = re.compile(r"[;:()\[\]“”\"]|\s[–—-]\s|\b(?:dan|serta|sedangkan|sementara|namun|tetapi|and|but|while|whereas)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+")
# Words too common to tell two figures apart (not a stopword list over predicates: the
# measure is already decided; this only weighs the context that says which thing it is).
_FUNCTION_WORDS = frozenset(
    "yang dan di ke dari pada untuk itu ini dengan dalam atau juga akan telah sudah menjadi sebesar sekitar "
    "the and of to in on at for from with was were has have had that this are is been by as".split()
)
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_PREFIX = {"approx": "~", "lower_bound": ">", "upper_bound": "≤"}


def format_value(s: Stated) -> str:
    v = s.claim.value
    if v.kind == "time":
        return v.timex or ""
    if v.number is None:
        return f"{v.low:g}–{v.high:g} {v.unit}"
    number = f"{v.number:g}"
    for scale, word in _SCALES:
        if abs(v.number) >= scale:
            number = f"{v.number / scale:g} {word}"
            break
    unit = "people" if v.unit == "person" else v.unit
    return f"{_PREFIX.get(v.precision, '')}{number} {unit}".strip()


def _language(stated: list[Stated]) -> str:
    counts = Counter(s.member.article.language or s.member.analysis.language or "id" for s in stated)
    return "en" if counts.most_common(1)[0][0] == "en" else "id"


def _label(s: Stated, language: str) -> str:
    label = s.measure.label_for(language)
    # Only a place that scopes the slot (a gazetteer place below a country), not any place
    # the clause happens to name ("Stasiun Halim", "Tiongkok").
    place = s.claim.qualifiers.get("place") if _scope_place(s) else None
    details = [x for x in (s.claim.qualifiers.get("role"), place) if x]
    return f"{label} ({', '.join(details)})" if details else label


def _one_per_article(items: list[Stated]) -> tuple[list[Stated], dict[str, list[Stated]]]:
    per_article: dict[str, list[Stated]] = defaultdict(list)
    for s in items:
        per_article[s.article].append(s)
    singles = []
    for claims in per_article.values():
        if _one_value(claims):
            singles.append(_most_precise(claims))
    return singles, per_article


def _one_value(claims: list[Stated]) -> bool:
    """All the claims state one value (a day and its clock time, a figure told twice)."""
    return all(values_agree(claims[0].claim.value, c.claim.value) for c in claims[1:])


_GRANULARITY_FIRST = {"time": 0, "daypart": 1, "day": 2}


def _most_precise(claims: list[Stated]) -> Stated:
    """The claim that says most: a clock time over its part of day, an exact figure over "sekitar"."""
    return min(claims, key=_precision_rank)


def _precision_rank(s: Stated) -> tuple[int, int]:
    return _GRANULARITY_FIRST.get(s.claim.value.granularity or "", 3), _PRECISE_FIRST.get(s.claim.value.precision, 5)


_PRECISE_FIRST = {"exact": 0, "rounded": 1, "approx": 2, "range": 3, "lower_bound": 4, "upper_bound": 4}


def _buckets(singles: list[Stated]) -> list[list[Stated]]:
    """Values that can all be true together; the most precise value opens each bucket, so an
    open bound ("sedikitnya 62") joins a figure instead of gathering incompatible ones."""
    buckets: list[list[Stated]] = []
    ordered = sorted(singles, key=lambda s: (_PRECISE_FIRST.get(s.claim.value.precision, 5), s.reported or "", s.article))
    for s in ordered:
        for bucket in buckets:
            if all(values_agree(s.claim.value, other.claim.value) for other in bucket):
                bucket.append(s)
                break
        else:
            buckets.append([s])
    return buckets


def _firm(s: Stated) -> bool:
    """An open bound ("lebih dari 30", "hingga 2 meter") can fail to contain a figure without
    contradicting it: the writer only said how far it goes. Such values agree or abstain."""
    return s.claim.value.precision not in ("lower_bound", "upper_bound")


def _told_together(a: list[Stated], b: list[Stated], per_article: dict[str, list[Stated]]) -> bool:
    """Some article states two different values, one of each, on its own account or from one
    source: then both hold (two moments, two scopes). An article giving each from another
    source ("BMKG 5,6; USGS 5,8") is reporting the disagreement, not settling it."""
    for claims in per_article.values():
        for x in claims:
            for y in claims:
                if values_agree(x.claim.value, y.claim.value) or _norm(x.speaker) != _norm(y.speaker):
                    continue
                if any(values_agree(x.claim.value, o.claim.value) for o in a[:1]) and any(
                    values_agree(y.claim.value, o.claim.value) for o in b[:1]
                ):
                    return True
    return False


def _context(s: Stated, window: int = CONTEXT_WORDS) -> Counter[str]:
    """The words around a claim's value in its sentence, names counted twice: what tells two
    figures of one measure apart ("Pertalite" / "Pertamax", one candidate / the other)."""
    analysis = s.member.analysis
    sentence = analysis.sentences[s.claim.sentence] if 0 <= s.claim.sentence < len(analysis.sentences) else None
    start, end = (sentence.start, sentence.end) if sentence else (0, len(analysis.text))
    # The clause only: what follows "sedangkan" or a semicolon is about something else.
    left = _CLAUSE_BREAK.split(analysis.text[start : s.claim.span.start])[-1]
    right = _CLAUSE_BREAK.split(analysis.text[s.claim.span.end : end])[0]
    before = _TOKEN.findall(left)[-window:]
    after = _TOKEN.findall(right)[:window]
    # The cue's own words name the measure, which both sides share: they tell nothing apart.
    cue = set(_TOKEN.findall(s.claim.cue.text.lower())) if s.claim.cue else set()
    out: Counter[str] = Counter()
    for i, word in enumerate(before + after):
        lower = word.lower()
        if lower in _FUNCTION_WORDS or len(lower) < 3 or lower in cue:
            continue
        named = word[0].isupper() and not (i == 0 and analysis.text[start : s.claim.span.start].lstrip().startswith(word))
        out[lower] += 2 if named else 1
    return out


def _similarity(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    shared = math.fsum(min(a[w], b[w]) * idf.get(w, 1.0) for w in a.keys() & b.keys())
    total = math.fsum(max(a[w], b[w]) * idf.get(w, 1.0) for w in a.keys() | b.keys())
    return shared / total if total else 0.0


def _with_moment(similarity: float, a: Stated, b: Stated) -> float:
    """Context similarity, raised for figures of the same day and for figures within a few
    per cent of each other ("68.412 suara" / "68.421 suara"), never from nothing."""
    if similarity <= 0:
        return similarity
    if a.moment == b.moment:
        similarity += MOMENT_BONUS
    if _near(a, b):
        similarity += NEAR_BONUS
    return similarity


def _near(a: Stated, b: Stated) -> bool:
    x, y = a.claim.value.number, b.claim.value.number
    return x is not None and y is not None and min(x, y) > 0 and (max(x, y) - min(x, y)) / max(x, y) <= NEAR_SHARE


def _aligned_alone(a: Stated, b: Stated, similarity: float) -> bool:
    """Whether one claim each of two articles are about the same thing: yes for a specific
    measure; for a generic one ("terjadi", a start) only with the same word or something in
    common around them; for a counted thing no measure names ("14 titik", "412 TPS") only
    with enough in common around them."""
    if a.claim.cue is None or b.claim.cue is None:
        # Counts of a named kind that are close ("17 narapidana" / "19 narapidana") are taken as
        # one count, however they are told; far apart ("30 TPS" where fraud is alleged, "412 TPS"
        # in all) or counting places or pieces ("14 titik"), they need words in common.
        noun = a.claim.measure.partition(":")[2]
        if noun and a.claim.measure == b.claim.measure and noun not in load_measures().generic_counts and _close(a, b):
            return True
        return similarity >= MIN_ALIGNMENT
    if a.measure.generic:
        return _cue_word(a) == _cue_word(b) or similarity > 0
    if a.measure.needs_subject and b.measure.needs_subject:
        # Figures within a few per cent are one figure told two ways whatever the words
        # ("nilai investasi sekitar 7,2 miliar dolar AS" / "cost about $7.3 billion").
        return similarity >= MIN_ALIGNMENT or (similarity > 0 and _close(a, b)) or _near(a, b)
    return True


CLOSE_RATIO = 1.5


def _close(a: Stated, b: Stated) -> bool:
    x, y = a.claim.value.number, b.claim.value.number
    return x is not None and y is not None and min(x, y) > 0 and max(x, y) / min(x, y) <= CLOSE_RATIO


def _cue_word(s: Stated) -> str:
    return (s.claim.cue.text if s.claim.cue else s.claim.measure).lower()


def _aligned(items: list[Stated]) -> list[list[Stated]]:
    """Claims of one slot grouped by what they are about: across two articles, a claim pairs
    with its mutual best match by context (the only claim on each side pairs as it is)."""
    contexts = [_context(s) for s in items]
    df: Counter[str] = Counter(w for c in contexts for w in c)
    idf = {w: math.log(1 + len(items) / n) for w, n in df.items()}
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_article: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(items):
        by_article[s.article].append(i)
    articles = sorted(by_article)
    for x, first in enumerate(articles):
        for second in articles[x + 1 :]:
            left, right = by_article[first], by_article[second]
            one_left = len(left) == 1 or _one_value([items[k] for k in left])
            one_right = len(right) == 1 or _one_value([items[k] for k in right])
            if one_left and one_right:
                # One value on each side (told once, or as a day and its clock time).
                i = min(left, key=lambda k: _precision_rank(items[k]))
                j = min(right, key=lambda k: _precision_rank(items[k]))
                for k in left[1:]:
                    parent[find(k)] = find(left[0])
                for k in right[1:]:
                    parent[find(k)] = find(right[0])
                # One figure each: the same thing; for a generic measure (a start, an end, "terjadi"),
                # unless told with other words and nothing in common around them ("pencarian
                # dihentikan" / "status darurat berakhir").
                if _aligned_alone(items[i], items[j], _similarity(contexts[i], contexts[j], idf)):
                    parent[find(i)] = find(j)
                continue
            sim = {
                (i, j): _with_moment(_similarity(contexts[i], contexts[j], idf), items[i], items[j])
                for i in left for j in right
            }
            for i in left:
                j = max(right, key=lambda j: (sim[(i, j)], -j))
                if sim[(i, j)] >= MIN_ALIGNMENT and max(left, key=lambda k: (sim[(k, j)], -k)) == i:
                    parent[find(i)] = find(j)
    groups: dict[int, list[Stated]] = defaultdict(list)
    for i, s in enumerate(items):
        groups[find(i)].append(s)
    return [groups[k] for k in sorted(groups)]


def claim_conflicts(stated: list[Stated], slots: Slots, kind: str) -> list[Conflict]:
    """Disagreements among claims of ``kind``: "value" (asserted numbers), "time" (asserted
    times), or "estimate" (expected values of what is fixed once decided: a planned road's
    length, its cost, a scheduled date; forecasts of what varies are opinions, not disputes)."""
    wanted = {"time": ("time",), "value": ("number",), "estimate": ("number", "time")}[kind]
    modality = "expected" if kind == "estimate" else "asserted"
    by_slot: dict[tuple[str, str, str], list[Stated]] = defaultdict(list)
    for s in stated:
        if s.claim.value.kind not in wanted or s.claim.modality != modality or s.claim.value.precision == "vague":
            continue
        if (kind == "estimate" and s.measure.temporal != "static") or not s.measure.compare:
            continue
        if kind != "estimate" and background(s):
            continue  # "banjir Juli 2020 menewaskan lebih dari 30 orang": another moment, told as background
        key = slots.key(s)
        if key is not None:
            by_slot[key].append(s)
    language = _language(stated) if stated else "id"
    out: list[Conflict] = []
    for key in sorted(by_slot):
        _singles, whole_slot = _one_per_article(by_slot[key])
        for group in _aligned(by_slot[key]):
            conflict = _group_conflict(group, slots, kind, language, whole_slot)
            if conflict is not None:
                out.append(conflict)
    return out


def _disputes(x: Stated, y: Stated, group: list[Stated], slots: Slots) -> bool:
    """Whether two values of buckets ``a`` and ``b`` dispute each other. A changing figure told
    later is taken as an update, unless the earlier figure is told again after it by another
    report: an update stands, a contradicted figure does not (Rp13.700, then Rp13.070, then
    Rp13.700 again is one price reported two ways, not a price that fell and rose)."""
    relation = relate(x, y, slots)
    if relation == "disagree":
        return True
    if relation != "update" or x.measure.temporal != "varying" or x.claim.revised or y.claim.revised:
        return False
    if x.claim.time_scope and y.claim.time_scope:
        return False  # each says when it held: two moments
    first, last = sorted((x, y), key=lambda s: s.reported or "")
    others = [s for s in group if s.article not in (first.article, last.article)]
    # The earlier figure told again after the later one, or the later figure already told
    # before the earlier one: both stood side by side, neither replaced the other.
    return any(
        ((s.reported or "") > (last.reported or "") and values_agree(s.claim.value, first.claim.value))
        or ((s.reported or "") < (first.reported or "") and values_agree(s.claim.value, last.claim.value))
        for s in others
    )


def _group_conflict(
    group: list[Stated], slots: Slots, kind: str, language: str, whole_slot: dict[str, list[Stated]]
) -> Conflict | None:
    """The conflict among one aligned group, if any; ``whole_slot`` holds every claim of the slot
    by article, so that values an article tells side by side (aligned apart or not) never clash."""
    singles, _per_article = _one_per_article(group)
    buckets = _buckets(singles)
    if len(buckets) < 2:
        return None
    disputed: set[int] = set()
    for i, a in enumerate(buckets):
        for j in range(i + 1, len(buckets)):
            b = buckets[j]
            if _told_together(a, b, whole_slot):
                continue
            if any(_disputes(x, y, group, slots) for x in a for y in b if _firm(x) and _firm(y)):
                disputed |= {i, j}
    if len(disputed) < 2:
        return None
    chosen = [buckets[i] for i in sorted(disputed)]
    # Named after a claim of the slot's own measure, not one it absorbed.
    first = next((s for b in chosen for s in b if slots.measure_of(s) == s.claim.measure), chosen[0][0])
    values = []
    for bucket in sorted(chosen, key=lambda b: (b[0].claim.value.number or 0, b[0].claim.value.timex or "")):
        head = bucket[0]
        cv = ConflictValue(value=format_value(head), number=head.claim.value.number, unit=head.claim.value.unit)
        for s in sorted(bucket, key=lambda s: (s.reported or "", s.article)):
            if s is not head and not _firm(s):
                continue  # "sedikitnya 62" does not state 268
            add_evidence(cv, s.member, s.speaker, s.sentence())
        values.append(cv)
    fallback = first.claim.cue is None
    score = min(1.0, 0.6 + 0.2 * (len(chosen) - 1) + 0.1 * (sum(len(b) for b in chosen) - len(chosen)))
    return Conflict(
        about=_label(first, "en"),
        kind=kind,
        values=values,
        attribute=first.claim.attribute,
        label=_label(first, language),
        label_en=_label(first, "en"),
        score=round(score - (0.2 if fallback else 0.0), 3),
    )
