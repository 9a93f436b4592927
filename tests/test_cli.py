import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from warta import __version__
from warta.cli import app

runner = CliRunner()
ARTICLE = {
    "id": "uji-1",
    "url": "https://kabar.example.id/uji-1",
    "outlet": "Kabar",
    "title": "Kereta cepat mulai beroperasi",
    "published": "2023-10-02",
    "language": "id",
    "text": (
        "Kereta cepat Jakarta-Bandung mulai melayani penumpang umum pada Senin pagi. Operator "
        "mengatakan tiket habis terjual untuk perjalanan pertama. Waktu tempuh sekitar 45 menit."
    ),
}


def _feed(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"warta {__version__}"


def test_ingest_then_list_show_and_search(tmp_path):
    db = str(tmp_path / "w.db")
    feed = _feed(tmp_path, json.dumps(ARTICLE))
    result = runner.invoke(app, ["ingest", str(feed), "--db", db])
    assert result.exit_code == 0, result.output
    assert "stored 1" in result.output and "rejected 0" in result.output

    listed = json.loads(runner.invoke(app, ["articles", "--db", db, "--json"]).output)
    assert [a["id"] for a in listed] == ["uji-1"]
    shown = json.loads(runner.invoke(app, ["article", "uji-1", "--db", db, "--json"]).output)
    assert shown["title"] == ARTICLE["title"] and shown["sources"][0]["outlet"] == "Kabar"
    hits = json.loads(runner.invoke(app, ["search", "penumpang", "--db", db, "--json"]).output)
    assert hits[0]["id"] == "uji-1"


def test_bad_line_is_one_clear_line_and_a_nonzero_exit(tmp_path):
    db = str(tmp_path / "w.db")
    feed = _feed(tmp_path, json.dumps(ARTICLE), '{"id": "broken", "text": ')
    result = runner.invoke(app, ["ingest", str(feed), "--db", db])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    problem = [line for line in result.output.splitlines() if line.startswith("rejected:")]
    assert len(problem) == 1 and "feed.jsonl" in problem[0] and "line 2" in problem[0]
    assert "stored 1" in result.output


def test_unknown_article_and_bad_query_are_user_errors(tmp_path):
    db = str(tmp_path / "w.db")
    runner.invoke(app, ["ingest", str(_feed(tmp_path, json.dumps(ARTICLE))), "--db", db])
    missing = runner.invoke(app, ["article", "nope", "--db", db])
    assert missing.exit_code == 2 and "no article" in missing.output and "Traceback" not in missing.output
    bad = runner.invoke(app, ["search", '"unclosed', "--db", db])
    assert bad.exit_code == 2 and "cannot search" in bad.output


def test_export_metadata_describes_the_tables(tmp_path):
    db = str(tmp_path / "w.db")
    out = tmp_path / "metadata.json"
    runner.invoke(app, ["ingest", str(_feed(tmp_path, json.dumps(ARTICLE))), "--db", db])
    result = runner.invoke(app, ["export-metadata", "--db", db, "-o", str(out)])
    assert result.exit_code == 0
    meta = json.loads(out.read_text())
    tables = meta["databases"]["w"]["tables"]
    assert tables["articles"]["fts_table"] == "articles_fts"
    assert "duplicate_of" in tables["articles"]["columns"]


def test_real_subprocess_with_warta_db_from_the_environment(tmp_path):
    env = dict(os.environ, WARTA_DB=str(tmp_path / "env.db"))
    feed = _feed(tmp_path, json.dumps(ARTICLE))
    done = subprocess.run(
        [sys.executable, "-m", "warta", "ingest", str(feed)], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env.db").exists()
    listed = subprocess.run(
        [sys.executable, "-m", "warta", "articles", "--json"], env=env, capture_output=True, text=True, timeout=120
    )
    assert json.loads(listed.stdout)[0]["id"] == "uji-1"


def test_ingesting_the_seeds_stores_two_indonesian_articles_with_their_metadata(tmp_path, seeds_dir):
    db = str(tmp_path / "seeds.db")
    result = runner.invoke(app, ["ingest", str(seeds_dir), "--db", db])
    assert result.exit_code == 0, result.output
    listed = json.loads(runner.invoke(app, ["articles", "--db", db, "--json"]).output)
    assert len(listed) == 2 and {a["language"] for a in listed} == {"id"}
    shown = [json.loads(runner.invoke(app, ["article", a["id"], "--db", db, "--json"]).output) for a in listed]
    kontan = next(a for a in shown if a["source_path"].endswith("000_9a4d8a539461da7a.txt"))
    assert kontan["authors"] == ["Barratut Taqiyyah Rafie"]
    assert kontan["outlet"] == "Kontan" and kontan["dateline_place"].lower() == "pyongyang"
    assert len(kontan["related"]) == 2 and "Baca Juga" not in kontan["text"]
    assert not kontan["text"].startswith("Reporter:")
    # Neither seed gives a date: both are inferred from the text and marked so.
    for article in shown:
        assert article["published"] and article["published_inferred"] is True


def test_tables_show_article_text_literally_never_as_markup(tmp_path):
    db = str(tmp_path / "w.db")
    hostile = dict(ARTICLE, title="[bold red]Judul[/bold red] [link=https://evil.example]klik[/link]")
    runner.invoke(app, ["ingest", str(_feed(tmp_path, json.dumps(hostile))), "--db", db])
    listed = runner.invoke(app, ["articles", "--db", db], env={"COLUMNS": "300"})
    assert "[bold red]Judul[/bold red]" in listed.output and "[link=https://evil.example]" in listed.output
