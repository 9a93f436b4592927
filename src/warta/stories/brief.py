"""A story's brief: a title and a short extractive summary, every sentence cited.

Sentences are scored by their similarity to the story's centroid (the summed stems of all
members), with a bonus for coming early in their article (news puts the point first) and
for being the first pick from their article, so the brief draws on several reports.
Near-repeats of an already chosen sentence are skipped.
"""

from __future__ import annotations

import math
from collections import Counter

from warta.stories.evidence import Member
from warta.stories.records import SummarySentence
from warta.stories.text import content_stems
from warta.stories.timeline import without_dateline

MIN_SENTENCES = 3
MAX_SENTENCES = 5
MIN_WORDS = 6
MAX_WORDS = 60
REPEAT_JACCARD = 0.5
# Portal furniture that sentence splitting leaves in: never summary material.
_FURNITURE = ("baca juga", "read also", "reporter:", "editor:", "simak juga", "lihat juga")


def _cosine(a: Counter[str], b: Counter[str], b_norm: float) -> float:
    """Cosine of two stem counts, ``b_norm`` being ``_norm(b)`` (the centroid, compared with
    every sentence of a story, is measured once)."""
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    if not dot:
        return 0.0
    return dot / (_norm(a) * b_norm)


def _norm(counts: Counter[str]) -> float:
    return math.sqrt(sum(v * v for v in counts.values()))


def _candidates(members: list[Member]) -> list[tuple[Member, int, str, Counter[str]]]:
    out = []
    for member in members:
        for i in range(len(member.analysis.sentences)):
            text = member.sentence_text(i)
            n_words = len(text.split())
            if n_words < MIN_WORDS or n_words > MAX_WORDS or text.endswith("?"):
                continue
            if text.lower().startswith(_FURNITURE):
                continue
            out.append((member, i, text, Counter(content_stems(text))))
    return out


def centroid(members: list[Member]) -> Counter[str]:
    total: Counter[str] = Counter()
    for member in members:
        total.update(set(content_stems(member.analysis.text)))
    return total


def summarize(members: list[Member], citation: dict[str, int], center: Counter[str]) -> list[SummarySentence]:
    """3-5 sentences (fewer when the story has fewer usable ones), in reading order;
    ``center`` is the members' centroid."""
    center_norm = _norm(center)
    scored = []
    for member, index, text, stems in _candidates(members):
        position_bonus = 1.0 / (1.0 + 0.3 * index)
        scored.append((_cosine(stems, center, center_norm) * (0.6 + 0.4 * position_bonus), member, index, text, stems))
    scored.sort(key=lambda s: (-s[0], s[1].id, s[2]))
    chosen: list[tuple[float, Member, int, str, Counter[str]]] = []
    used_articles: set[str] = set()
    # Two passes: first the best sentence of each article, then the best of the rest.
    for first_pass in (True, False):
        for item in scored:
            if len(chosen) >= MAX_SENTENCES or (not first_pass and len(chosen) >= max(MIN_SENTENCES, 4)):
                break
            _score, member, index, _text, stems = item
            if first_pass and member.id in used_articles:
                continue
            if any(c[1].id == member.id and c[2] == index for c in chosen):
                continue
            if any(_jaccard(stems, c[4]) >= REPEAT_JACCARD for c in chosen):
                continue
            chosen.append(item)
            used_articles.add(member.id)
    chosen.sort(key=lambda c: (citation.get(c[1].id, 0), c[2]))
    return [
        SummarySentence(text=without_dateline(c[3]), article=c[1].id, n=citation.get(c[1].id, 0)) for c in chosen
    ]


def _jaccard(a: Counter[str], b: Counter[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def summary_text(sentences: list[SummarySentence]) -> str:
    return " ".join(f"{s.text} [{s.n}]" for s in sentences)


def story_title(members: list[Member], center: Counter[str]) -> str:
    """The title of the article closest to the story centroid ``center``, else its best sentence."""
    center_norm = _norm(center)
    titled = [m for m in members if m.article.title]
    if titled:
        best = max(
            titled, key=lambda m: (_cosine(Counter(content_stems(m.article.title or "")), center, center_norm), m.id)
        )
        return " ".join((best.article.title or "").split())
    for member in members:
        for i in range(len(member.analysis.sentences)):
            text = member.sentence_text(i)
            if len(text.split()) >= MIN_WORDS and not text.lower().startswith(_FURNITURE):
                return text if len(text) <= 120 else text[:117].rsplit(" ", 1)[0] + "…"
    return "Untitled story"
