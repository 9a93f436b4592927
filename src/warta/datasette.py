"""A Datasette ``metadata.json`` that explains warta's tables to someone opening the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "articles": (
        "Every article read, cleaned; duplicates are kept and point at their canonical copy.",
        {
            "id": "warta's id: the one given, or derived from the URL",
            "outlet": "Publisher, from the input or the dateline",
            "url": "The address as given",
            "canonical_url": "The address without tracking parameters, AMP markers or fragments",
            "published": "Publication time, ISO 8601",
            "published_inferred": "1 when warta read the date from the text",
            "published_confidence": "How sure the inferred date is (0–1)",
            "language": "ISO 639-1 code from py3langid",
            "authors": "JSON list of bylines",
            "dateline_place": "Place named in the dateline",
            "kind": "article, photo (a photo page: the text is its caption) or gallery (the captions)",
            "text": "Cleaned body text, paragraphs separated by newlines",
            "related": "JSON list of 'Baca juga' links removed from the body",
            "content_hash": "SHA-1 of the normalised text (exact duplicates share it)",
            "duplicate_of": "Canonical article this one copies, if any",
            "duplicate_kind": "exact (same URL or text) or near (MinHash similarity)",
            "duplicate_score": "Estimated Jaccard similarity to the canonical copy",
        },
    ),
    "stories": (
        "Groups of articles about one event, with their brief and counts.",
        {
            "title": "Headline of the story",
            "summary": "Extractive brief, each sentence cited",
            "article_count": "Articles in the story",
            "outlets": "JSON list of outlets",
            "conflict_count": "Disagreements between sources",
            "story": "The whole story as JSON (timeline, conflicts, corroborations)",
        },
    ),
    "story_articles": ("Which story each article belongs to.", {}),
    "timeline_entries": (
        "Dated events of each story, merged across articles.",
        {
            "date": "TIMEX3 value (2023-09-10, 2023-09, 2019 ...)",
            "precision": "day, month, year, week ...",
            "expected": "1 when reported as planned or expected, not as happened",
            "hedged": "1 when the sources hedge (diyakini, kemungkinan ...)",
            "sources": "JSON list of supporting sentences with article and attributed source",
        },
    ),
    "conflicts": (
        "Where sources disagree: each value with its articles and attributed sources.",
        {
            "about": "What is disputed",
            "values": "JSON list of values with articles and sources",
            "kind": "value (different figures), time (different times), estimate (an expected time that moved)",
            "attribute": "The measure disputed (deaths, exchange_rate, departure_time ...)",
            "label": "The measure in words, in the story's language",
            "score": "How sure warta is that both values are about one thing (0 to 1)",
        },
    ),
    "claims": (
        "Every value an article states for a measure (a toll, a rate, a departure time).",
        {
            "measure": "Entry of warta's measure table, or count:<noun> for a counted thing",
            "attribute": "The measure's reporting name (deaths, price, event_time ...)",
            "value_text": "The words that state the value",
            "number": "The value in the base unit (people, IDR, m, percent ...)",
            "timex": "For times: the TIMEX3 value",
            "precision": "exact, rounded, approx, lower_bound, upper_bound, range or vague",
            "modality": "asserted, expected, hedged or denied",
            "time_scope": "The moment the value holds for, when the text says",
            "source": "Who the article attributes the value to",
        },
    ),
    "entity_mentions": ("Named entities per article (canonical name, type, mention count).", {}),
    "analyses": ("Per-article analysis as JSON (times, entities, quotes, events).", {}),
    "minhashes": ("MinHash signatures used to find near duplicates.", {}),
    "ingested_inputs": ("Files of a manifest ingest whose articles are all stored (a rerun skips them).", {}),
}


def metadata_for(db_path: str) -> dict[str, Any]:
    name = Path(db_path).stem
    tables = {}
    for table, (description, columns) in TABLES.items():
        entry: dict[str, Any] = {"description": description}
        if columns:
            entry["columns"] = columns
        tables[table] = entry
    tables["articles"]["fts_table"] = "articles_fts"
    tables["articles"]["fts_pk"] = "rowid"
    tables["articles"]["sort_desc"] = "published"
    tables["articles"]["label_column"] = "title"
    tables["stories"]["label_column"] = "title"
    for hidden in ("minhashes", "story_state", "meta"):
        tables.setdefault(hidden, {})["hidden"] = True
    return {
        "title": "warta",
        "description": "News articles grouped into stories, with where the sources agree and disagree.",
        "databases": {name: {"tables": tables}},
    }
