"""Builders for hand-made Article + Analysis records used by the story tests (no tests here)."""

from __future__ import annotations

from typing import Any

from warta.analyze.claims import extract_claims
from warta.model import (
    Analysis,
    Article,
    Attribution,
    Entity,
    Event,
    EventTime,
    Quantity,
    Sentence,
    Source,
    Span,
    Timex,
)


def _span(text: str, sentence: Sentence, piece: str) -> Span:
    start = text.index(piece, sentence.start)
    return Span(text=piece, start=start, end=start + len(piece))


def make(
    article_id: str,
    sentences: list[str],
    *,
    published: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    events: list[dict[str, Any]] = (),  # type: ignore[assignment]
    attributions: list[dict[str, Any]] = (),  # type: ignore[assignment]
    timexes: list[dict[str, Any]] = (),  # type: ignore[assignment]
    entities: list[dict[str, Any]] = (),  # type: ignore[assignment]
    quantities: list[dict[str, Any]] = (),  # type: ignore[assignment]
    duplicate_of: str | None = None,
    url: str | None = None,
) -> tuple[Article, Analysis]:
    text = " ".join(sentences)
    spans: list[Sentence] = []
    pos = 0
    for s in sentences:
        start = text.index(s, pos)
        spans.append(Sentence(start=start, end=start + len(s)))
        pos = start + len(s)
    atts = []
    for a in attributions:
        sent = spans[a["sentence"]]
        source = _span(text, sent, a["source"])
        cue = _span(text, sent, a.get("cue", a["source"]))
        content = _span(text, sent, a["content"])
        atts.append(
            Attribution(
                source=Source(text=source.text, start=source.start, end=source.end, canonical=a.get("canonical")),
                cue=cue,
                content=content,
                via=list(a.get("via", [])),
                hedged=a.get("hedged", False),
            )
        )
    evs = []
    for e in events:
        sent = spans[e["sentence"]]
        trigger = _span(text, sent, e.get("trigger", sentences[e["sentence"]].split()[0]))
        time = None
        if e.get("time"):
            value, mod = (e["time"], None) if isinstance(e["time"], str) else e["time"]
            time = EventTime(text=value, value=value, mod=mod)
        evs.append(
            Event(
                trigger=trigger,
                type=e["type"],
                participants=list(e.get("participants", [])),
                place=e.get("place"),
                time=time,
                hedged=e.get("hedged", False),
                expected=e.get("expected", False),
                attribution=e.get("attribution"),
                sentence=e["sentence"],
            )
        )
    txs = []
    for t in timexes:
        span = _span(text, spans[t["sentence"]], t["text"])
        txs.append(Timex(text=span.text, start=span.start, end=span.end, type=t.get("type", "DATE"),
                         value=t["value"], mod=t.get("mod")))
    ents = []
    for e in entities:
        span = _span(text, spans[e.get("sentence", 0)], e["text"])
        ents.append(Entity(text=span.text, start=span.start, end=span.end, type=e.get("type", "PER"),
                           canonical=e.get("canonical", e["text"]), lat=e.get("lat"), lon=e.get("lon")))
    qs = []
    for q in quantities:
        span = _span(text, spans[q["sentence"]], q["text"])
        qs.append(Quantity(text=span.text, start=span.start, end=span.end, value=q["value"], unit=q["unit"],
                           normalized=q.get("normalized"), mod=q.get("mod")))
    article = Article(id=article_id, text=text, title=title, url=url, outlet=outlet, published=published,
                      duplicate_of=duplicate_of)
    analysis = Analysis(id=article_id, published=published, language="id", text=text, sentences=spans,
                        timexes=txs, entities=ents, quantities=qs, attributions=atts, events=evs)
    return article, analysis


def with_claims(pair: tuple[Article, Analysis]) -> tuple[Article, Analysis]:
    """The pair with its claims worked out from its records as they stand now (tests edit them)."""
    _article, analysis = pair
    analysis.claims = extract_claims(
        analysis.text, sentences=analysis.sentences, timexes=analysis.timexes, quantities=analysis.quantities,
        entities=analysis.entities, attributions=analysis.attributions,
    )
    return pair
