"""schema.org JSON-LD: the story's articles as a list of ``NewsArticle`` objects."""

from __future__ import annotations

from typing import Any


def to_jsonld(story: dict[str, Any]) -> list[dict[str, Any]]:
    entities = story.get("entities", [])
    out = []
    for article in story.get("articles", []):
        item: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "identifier": article.get("id"),
        }
        if article.get("title"):
            item["headline"] = article["title"]
        if article.get("url"):
            item["url"] = article["url"]
        if article.get("published"):
            item["datePublished"] = article["published"]
        if article.get("outlet"):
            item["publisher"] = {"@type": "Organization", "name": article["outlet"]}
        mentioned = [e for e in entities if article.get("id") in e.get("articles", [])]
        if mentioned:
            item["mentions"] = [
                {"@type": {"PER": "Person", "ORG": "Organization", "LOC": "Place"}.get(e.get("type"), "Thing"),
                 "name": e.get("canonical")}
                for e in mentioned
            ]
        if story.get("title"):
            item["isPartOf"] = {"@type": "CreativeWork", "name": story["title"], "identifier": story.get("id")}
        out.append(item)
    return out
