"""Exports of a hand-made story: JSON, Markdown, TimelineJS, GeoJSON, JSON-LD."""

from __future__ import annotations

import json

import pytest

from test_stories_build import _first, _second
from warta.export import ExportFormatError, render
from warta.export.markdown import escape
from warta.export.timelinejs import start_date
from warta.stories import build_story


@pytest.fixture(scope="module")
def story() -> dict:
    return build_story("story-a1", [_first(), _second()]).to_dict()


def test_json_round_trips(story):
    assert json.loads(render(story, "json")) == story


def test_timelinejs_has_the_knight_lab_keys_and_omits_unknown_parts(story):
    data = json.loads(render(story, "timelinejs"))
    assert set(data["title"]["text"]) == {"headline", "text"}
    assert len(data["events"]) == len(story["timeline"])
    for event in data["events"]:
        assert set(event) >= {"start_date", "text", "group", "unique_id"}
        assert set(event["text"]) == {"headline", "text"}
        assert isinstance(event["start_date"]["year"], int)
    ids = [e["unique_id"] for e in data["events"]]
    assert len(set(ids)) == len(ids)
    by_year = [e for e in data["events"] if e["start_date"] == {"year": 2019}]
    assert by_year and by_year[0]["group"] == "background"
    assert start_date("2024-03") == {"year": 2024, "month": 3}
    assert start_date("2023-W37") == {"year": 2023, "month": 9, "day": 11}
    assert start_date("PRESENT_REF") is None


def test_geojson_puts_longitude_first(story):
    data = json.loads(render(story, "geojson"))
    assert data["type"] == "FeatureCollection"
    (tokyo,) = [f for f in data["features"] if f["properties"]["name"] == "Tokyo"]
    assert tokyo["geometry"] == {"type": "Point", "coordinates": [139.6917, 35.6895]}


def test_jsonld_lists_news_articles(story):
    data = json.loads(render(story, "jsonld"))
    assert len(data) == 2
    assert all(item["@context"] == "https://schema.org" and item["@type"] == "NewsArticle" for item in data)
    assert data[0]["headline"] == "Rina Suhendra berangkat ke Tokyo"
    assert data[0]["url"] == "https://satu.example/rina"
    assert data[0]["publisher"] == {"@type": "Organization", "name": "Harian Satu"}


def test_markdown_brief_has_every_section_with_citations(story):
    text = render(story, "markdown")
    assert text.startswith("# Rina Suhendra")
    for heading in ("## Timeline", "## Where sources disagree", "## Where independent sources agree", "## Sources"):
        assert heading in text
    assert "2024\\-03\\-02" not in text and "**Saturday 2 March 2024**" in text
    assert "1. Harian Satu" in text and "<https://satu.example/rina>" in text
    for s in story["summary_sentences"]:
        assert f"[{s['n']}]" in text


def test_markdown_escapes_untrusted_text(story):
    hostile = dict(story, title="*bold* [link](http://x) <script>", summary_sentences=[])
    text = render(hostile, "markdown")
    first = text.splitlines()[0]
    assert first == "# \\*bold\\* \\[link\\](http://x) \\<script\\>"
    assert escape("- item") == "\\- item" and escape("1. item") == "1\\. item"


def test_unknown_format_is_an_actionable_error(story):
    with pytest.raises(ExportFormatError, match="use one of: json, markdown"):
        render(story, "pdf")
    assert render(story, "md") == render(story, "markdown")
