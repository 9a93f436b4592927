"""Per-member evidence helpers: sentence text, who a sentence is attributed to, and origins.

*Origins* decide independence: two reports are independent only when they share no
channel. A report's channels are its outlet (or its canonical article when it is a
duplicate) plus every outlet or agency in its attribution's relay chain (``via``), so an
article that relays USA Today is not independent of USA Today, nor of another relay of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from warta.model import Analysis, Article, Attribution

TITLE_WINDOW = 60  # characters before a source name that may hold its title phrase
# Sources that point back to an earlier one ("the report", "he") inherit its speaker.
_ANAPHORIC = frozenset(
    "tersebut itu ini ia dia beliau pihaknya mereka laporan pernyataan he she they it report statement".split()
)


@dataclass(slots=True)
class Member:
    article: Article
    analysis: Analysis
    speakers: list[str | None] = field(default_factory=list)  # per attribution, resolved
    # Per attribution: the speaker and the organisations named in its title phrase
    # ("penasehat Gedung Putih, Jake Sullivan" speaks for Gedung Putih too).
    speaker_groups: list[frozenset[str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def reported(self) -> str | None:
        published = self.article.published or self.analysis.published
        return published[:10] if published else None

    def sentence_text(self, index: int) -> str:
        sentences = self.analysis.sentences
        if 0 <= index < len(sentences):
            s = sentences[index]
            return self.analysis.text[s.start : s.end].strip()
        return ""

    def sentence_index_at(self, offset: int) -> int:
        for i, s in enumerate(self.analysis.sentences):
            if s.start <= offset < s.end:
                return i
        return -1

    def attribution_for_sentence(self, index: int) -> int | None:
        """The attribution whose content or cue lies in sentence ``index``."""
        if not (0 <= index < len(self.analysis.sentences)):
            return None
        s = self.analysis.sentences[index]
        for i, a in enumerate(self.analysis.attributions):
            if s.start <= a.content.start < s.end or s.start <= a.cue.start < s.end:
                return i
        return None

    def speaker(self, attribution: int | None) -> str | None:
        if attribution is None or not (0 <= attribution < len(self.speakers)):
            return None
        return self.speakers[attribution]

    def channels(self, attribution: int | None = None) -> frozenset[str]:
        """Outlet (or canonical article) plus the relay chain of ``attribution``."""
        base = self.article.duplicate_of or self.article.outlet or self.article.id
        out = {_norm(base)}
        if self.article.duplicate_of and self.article.outlet:
            out.add(_norm(self.article.outlet))
        if attribution is not None and 0 <= attribution < len(self.analysis.attributions):
            out |= {_norm(v) for v in self.analysis.attributions[attribution].via if v}
        return frozenset(out)

    def article_channels(self) -> frozenset[str]:
        """Outlet plus every relay the article names: what it says unattributed may come from them too."""
        out = set(self.channels())
        for a in self.analysis.attributions:
            out |= {_norm(v) for v in a.via if v}
        return frozenset(out)


def _norm(name: str) -> str:
    return " ".join(name.lower().split())


def source_name(attribution: Attribution) -> str | None:
    return attribution.source.canonical or (attribution.source.text.strip() or None)


def _is_anaphoric(attribution: Attribution) -> bool:
    if attribution.source.canonical:
        return False
    words = attribution.source.text.lower().split()
    return bool(words) and all(w.strip(".,\"'") in _ANAPHORIC for w in words[-2:])


def make_member(article: Article, analysis: Analysis) -> Member:
    """Wrap one story member; anaphoric sources inherit the previous attribution's speaker."""
    previous: str | None = None
    ordered = sorted(range(len(analysis.attributions)), key=lambda i: analysis.attributions[i].cue.start)
    resolved: dict[int, str | None] = {}
    for i in ordered:
        attribution = analysis.attributions[i]
        name = previous if _is_anaphoric(attribution) and previous else source_name(attribution)
        resolved[i] = name
        previous = name or previous
    speakers = [resolved[i] for i in range(len(analysis.attributions))]
    groups = [_speaker_group(analysis, a, speakers[i]) for i, a in enumerate(analysis.attributions)]
    return Member(article=article, analysis=analysis, speakers=speakers, speaker_groups=groups)


def _speaker_group(analysis: Analysis, attribution: Attribution, speaker: str | None) -> frozenset[str]:
    names = {_norm(speaker)} if speaker else set()
    start = attribution.source.start
    sentence_start = next((s.start for s in analysis.sentences if s.start <= start < s.end), 0)
    window_start = max(sentence_start, start - TITLE_WINDOW)
    for entity in analysis.entities:
        if entity.type != "ORG" or not entity.canonical:
            continue
        inside = attribution.source.start <= entity.start < attribution.source.end
        before = window_start <= entity.start and entity.end <= start
        if inside or before:
            names.add(_norm(entity.canonical))
    return frozenset(names)


def independent_groups(channel_sets: Iterable[frozenset[str]]) -> int:
    """How many mutually independent groups the reports form (shared channel = same group)."""
    groups: list[set[str]] = []
    for channels in channel_sets:
        merged = set(channels)
        keep: list[set[str]] = []
        for group in groups:
            if group & merged:
                merged |= group
            else:
                keep.append(group)
        keep.append(merged)
        groups = keep
    return len(groups)
