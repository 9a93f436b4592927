"""Per-article analysis: a pure function of one article (the map step).

``analyze(article)`` finds sentences, time expressions, entities, quantities,
attributions, event frames and claims, and returns an :class:`~warta.model.Analysis`. It touches
no files or network, so it runs unchanged in-process, in a process pool or on Dask.
"""

from __future__ import annotations

from typing import Any

from warta.model import Analysis, Article

__all__ = ["analyze"]


def analyze(article: Article | dict[str, Any]) -> Analysis:
    """Analyse one article (an :class:`Article` or a dict with ``text``, ``published``, ``id``)."""
    # Imported here, not at the top: story building reads small parts of this package (the
    # measure table, time words) and must not load the entity tagger and numpy with them.
    from warta.analyze.attributions import extract_attributions
    from warta.analyze.claims import extract_claims
    from warta.analyze.entities import extract_entities
    from warta.analyze.events import extract_events
    from warta.analyze.quantities import extract_quantities
    from warta.analyze.sentences import split_sentences
    from warta.analyze.time import extract_timexes

    if isinstance(article, dict):
        article = Article.from_dict({"id": article.get("id") or "", **article})
    text = article.text
    dct = article.published[:10] if article.published else None
    sentences = split_sentences(text)
    timexes = extract_timexes(text, dct, sentences=sentences, language=article.language)
    entities = extract_entities(text, sentences=sentences, language=article.language, outlet=article.outlet)
    quantities = extract_quantities(text, sentences=sentences)
    attributions = extract_attributions(text, sentences=sentences, entities=entities)
    events = extract_events(
        text,
        sentences=sentences,
        entities=entities,
        timexes=timexes,
        attributions=attributions,
        outlet=article.outlet,
    )
    claims = extract_claims(
        text,
        sentences=sentences,
        timexes=timexes,
        quantities=quantities,
        entities=entities,
        attributions=attributions,
    )
    return Analysis(
        id=article.id,
        published=article.published,
        language=article.language,
        text=text,
        sentences=sentences,
        timexes=timexes,
        entities=entities,
        quantities=quantities,
        attributions=attributions,
        events=events,
        claims=claims,
    )
