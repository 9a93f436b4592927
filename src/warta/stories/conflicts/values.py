"""Disagreements between claims: independent sources giving incompatible values for one slot.

Only asserted claims take part (a forecast, a hedge or a denial is not a statement of fact),
only one value per article (an article giving two values for one slot is telling two moments
or two scopes), and a pair of values is disputed only if some pair of their claims
:func:`~warta.stories.conflicts.slots.relate` calls ``disagree``. Two values an article
tells side by side are never disputed: that article says both hold.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from warta.stories.conflicts.slots import Slots, Stated, relate, values_agree
from warta.stories.records import Conflict, ConflictValue

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
    details = [x for x in (s.claim.qualifiers.get("role"), s.claim.qualifiers.get("place")) if x]
    return f"{label} ({', '.join(details)})" if details else label


def _one_per_article(items: list[Stated]) -> tuple[list[Stated], dict[str, list[Stated]]]:
    per_article: dict[str, list[Stated]] = defaultdict(list)
    for s in items:
        per_article[s.article].append(s)
    singles = []
    for claims in per_article.values():
        first = claims[0]
        if all(values_agree(first.claim.value, c.claim.value) for c in claims[1:]):
            singles.append(first)
    return singles, per_article


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
    """Some article states two different values, one of each: then both hold (two moments,
    two scopes)."""
    for claims in per_article.values():
        for x in claims:
            for y in claims:
                if values_agree(x.claim.value, y.claim.value):
                    continue
                if any(values_agree(x.claim.value, o.claim.value) for o in a[:1]) and any(
                    values_agree(y.claim.value, o.claim.value) for o in b[:1]
                ):
                    return True
    return False


def claim_conflicts(stated: list[Stated], slots: Slots, kind: str) -> list[Conflict]:
    """Disagreements among claims of ``kind`` ("value": numbers, "time": times)."""
    wanted = "time" if kind == "time" else "number"
    by_slot: dict[tuple[str, str, str], list[Stated]] = defaultdict(list)
    for s in stated:
        if s.claim.value.kind != wanted or s.claim.modality != "asserted" or s.claim.value.precision == "vague":
            continue
        key = slots.key(s)
        if key is not None:
            by_slot[key].append(s)
    language = _language(stated) if stated else "id"
    out: list[Conflict] = []
    for key in sorted(by_slot):
        singles, per_article = _one_per_article(by_slot[key])
        buckets = _buckets(singles)
        if len(buckets) < 2:
            continue
        disputed: set[int] = set()
        for i, a in enumerate(buckets):
            for j in range(i + 1, len(buckets)):
                b = buckets[j]
                if _told_together(a, b, per_article):
                    continue
                if any(relate(x, y, slots) == "disagree" for x in a for y in b if _firm(x) and _firm(y)):
                    disputed |= {i, j}
        if len(disputed) < 2:
            continue
        chosen = [buckets[i] for i in sorted(disputed)]
        first = chosen[0][0]
        values = []
        for bucket in sorted(chosen, key=lambda b: (b[0].claim.value.number or 0, b[0].claim.value.timex or "")):
            head = bucket[0]
            cv = ConflictValue(value=format_value(head), number=head.claim.value.number, unit=head.claim.value.unit)
            for s in sorted(bucket, key=lambda s: (s.reported or "", s.article)):
                if s is not head and values_agree(s.claim.value, head.claim.value) and s.claim.value.precision in ("lower_bound", "upper_bound"):
                    continue  # "sedikitnya 62" does not state 268
                _add(cv, s)
            values.append(cv)
        fallback = first.claim.cue is None
        score = min(1.0, 0.6 + 0.2 * (len(chosen) - 1) + 0.1 * (sum(len(b) for b in chosen) - len(chosen)))
        out.append(Conflict(
            about=_label(first, "en"),
            kind=kind,
            values=values,
            attribute=first.claim.attribute,
            label=_label(first, language),
            label_en=_label(first, "en"),
            score=round(score - (0.2 if fallback else 0.0), 3),
        ))
    return out


def _add(value: ConflictValue, s: Stated) -> None:
    member = s.member
    if member.id not in value.articles:
        value.articles.append(member.id)
        if member.article.outlet and member.article.outlet not in value.outlets:
            value.outlets.append(member.article.outlet)
        if member.reported and member.reported not in value.reported:
            value.reported.append(member.reported)
    if s.speaker and s.speaker not in value.attributed_to:
        value.attributed_to.append(s.speaker)
    sentence = s.sentence()
    if sentence and sentence not in value.sentences:
        value.sentences.append(sentence)
