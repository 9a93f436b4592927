"""The story commands over the ingested example corpus and seeds, through the CLI."""

import json

from typer.testing import CliRunner

from warta.cli import app

runner = CliRunner()


def _stories(db: str) -> list[dict]:
    result = runner.invoke(app, ["stories", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_story_list_and_every_export_format(corpus_store):
    db = corpus_store.path
    stories = _stories(db)
    assert len(stories) >= 9
    biggest = max(stories, key=lambda s: s["article_count"])
    sid = biggest["id"]

    as_json = json.loads(runner.invoke(app, ["story", sid, "--db", db, "--format", "json"]).output)
    assert as_json["id"] == sid and as_json["articles"] and as_json["timeline"]

    markdown = runner.invoke(app, ["story", sid, "--db", db, "--format", "markdown"]).output
    assert as_json["title"].split()[0] in markdown

    timeline = json.loads(runner.invoke(app, ["story", sid, "--db", db, "--format", "timelinejs"]).output)
    assert timeline["events"] and all("year" in e["start_date"] for e in timeline["events"])

    geo = json.loads(runner.invoke(app, ["story", sid, "--db", db, "--format", "geojson"]).output)
    assert geo["type"] == "FeatureCollection"
    for feature in geo["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90

    jsonld = json.loads(runner.invoke(app, ["story", sid, "--db", db, "--format", "jsonld"]).output)
    text = json.dumps(jsonld)
    assert "NewsArticle" in text and "schema.org" in text


def test_unknown_story_and_format_are_user_errors(corpus_store):
    db = corpus_store.path
    missing = runner.invoke(app, ["story", "no-such-story", "--db", db])
    assert missing.exit_code == 2 and "no story" in missing.output
    sid = _stories(db)[0]["id"]
    bad = runner.invoke(app, ["story", sid, "--db", db, "--format", "pdf"])
    assert bad.exit_code == 2 and "unknown format" in bad.output


def test_demo_builds_a_database_and_says_how_to_open_the_reading_room(tmp_path):
    db = str(tmp_path / "demo.db")
    result = runner.invoke(app, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    assert "rejected 0" in result.output and "stories" in result.output
    assert f"warta serve --db {db}" in result.output
    again = json.loads(runner.invoke(app, ["articles", "--db", db, "--json", "--limit", "500"]).output)
    assert len(again) >= 40


def test_recluster_rebuilds_the_same_stories(corpus_store, tmp_path):
    import sqlite3

    copy = tmp_path / "copy.db"
    with sqlite3.connect(copy) as target:
        corpus_store.db.backup(target)
    before = {tuple(sorted(m)) for m in _groups(str(copy))}
    result = runner.invoke(app, ["recluster", "--db", str(copy)])
    assert result.exit_code == 0, result.output
    assert {tuple(sorted(m)) for m in _groups(str(copy))} == before


def _groups(db: str) -> list[list[str]]:
    from warta.store import Store

    store = Store(db)
    groups: dict[str, list[str]] = {}
    for article_id, story_id in store.memberships().items():
        groups.setdefault(story_id, []).append(article_id)
    store.close()
    return list(groups.values())
