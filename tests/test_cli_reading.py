"""The reading commands as a reader meets them: fast start, a missing database refused,
counts that say when a list is cut, titles without Markdown, a synopsis that is complete."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from warta.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
HEAVY = ("numpy", "scipy", "datasketch", "trafilatura", "sklearn", "pycrfsuite", "fastapi")
READING = ["articles", "article", "search", "stories", "story", "export-metadata"]


def _imported(argv: list[str], env: dict[str, str]) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "warta", *argv],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}


@pytest.fixture(scope="module")
def ids(corpus_store) -> dict[str, str]:
    return {
        "article": corpus_store.list_articles(limit=1)[0].id,
        "story": corpus_store.list_stories(limit=1)[0]["id"],
    }


def test_start_up_imports_none_of_the_analysis_stack(corpus_store, ids) -> None:
    env = dict(os.environ, WARTA_DB=corpus_store.path)
    for argv in (
        ["--version"], ["--help"], ["articles", "--limit", "3"], ["article", ids["article"]],
        ["search", "banjir"], ["stories"], ["story", ids["story"]],
    ):
        modules = _imported(argv, env)
        assert "warta.cli" in modules, argv
        loaded = sorted(m for m in modules if m.split(".")[0] in HEAVY)
        assert loaded == [], f"warta {' '.join(argv)} imports {loaded[:5]}"


def test_the_library_still_exports_everything_on_first_use() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys, warta; assert 'numpy' not in sys.modules; "
         "from warta import Store, analyze, ingest_paths; print(Store.__name__, analyze.__name__)"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["Store", "analyze"]


@pytest.mark.parametrize("command", READING)
def test_a_missing_database_is_refused_and_never_created(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "nope.db"
    argv = {"article": ["article", "x"], "search": ["search", "banjir"], "story": ["story", "x"]}.get(
        command, [command]
    )
    os.chdir(tmp_path)
    result = runner.invoke(app, [*argv, "--db", str(missing)])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert str(missing) in lines[0] and "--db demo.db" in lines[0] and "warta ingest" in lines[0]
    assert not missing.exists() and not (tmp_path / "metadata.json").exists()


def test_the_default_database_is_not_created_either(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "WARTA_DB"}
    done = subprocess.run([sys.executable, "-m", "warta", "stories"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "warta.db: no such database" in done.stderr
    assert not (tmp_path / "warta.db").exists()


def test_a_cut_list_says_how_many_there_are(corpus_store) -> None:
    db = corpus_store.path
    total = corpus_store.count_stories()
    assert total > 3
    cut = runner.invoke(app, ["stories", "--db", db, "--limit", "3"], terminal_width=200)
    assert cut.exit_code == 0, cut.output
    assert f"3 of {total} stories; --limit to see more" in cut.output
    whole = runner.invoke(app, ["stories", "--db", db, "--limit", "1000"], terminal_width=200)
    assert f"{total} stories" in whole.output and " of " not in whole.output.splitlines()[0]

    hits = corpus_store.count_search("banjir")
    assert hits > 2
    cut = runner.invoke(app, ["search", "banjir", "--db", db, "--limit", "2"], terminal_width=200)
    assert f"2 of {hits} hits; --limit to see more" in cut.output

    articles = corpus_store.count_articles()
    cut = runner.invoke(app, ["articles", "--db", db, "--limit", "5"], terminal_width=200)
    assert f"5 of {articles} articles" in cut.output and "to see more" in cut.output


def test_story_titles_in_the_list_carry_no_markdown(corpus_store) -> None:
    listed = runner.invoke(app, ["stories", "--db", corpus_store.path, "--limit", "1000"], terminal_width=400)
    assert listed.exit_code == 0
    assert "**" not in listed.output and "__" not in listed.output


def _synopsis() -> dict[str, set[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Using it", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    found: dict[str, set[str]] = {}
    for line in block.strip().splitlines():
        words = line.split()
        assert words[0] == "warta"
        name = words[1] if not words[1].startswith("-") else "--"
        found[name] = set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", line))
    return found


def test_every_flag_is_in_the_readme_synopsis() -> None:
    synopsis = _synopsis()
    group = typer.main.get_command(app)
    assert group.commands
    for name, command in group.commands.items():
        assert name in synopsis, f"warta {name} is missing from the README synopsis"
        flags = {opt for p in command.params if p.param_type_name == "option" for opt in p.opts if opt != "--help"}
        missing = {f for f in flags if f.startswith("--")} - synopsis[name]
        assert not missing, f"warta {name}: {sorted(missing)} not in the README synopsis"
        unknown = synopsis[name] - flags
        assert not unknown, f"warta {name}: the README lists {sorted(unknown)}, which it does not take"


def test_search_json_names_the_story_of_each_hit(corpus_store) -> None:
    hits = json.loads(runner.invoke(app, ["search", "banjir", "--db", corpus_store.path, "--json"]).output)
    assert hits and all(h["story_id"] for h in hits)
    for hit in hits:
        assert hit["id"] in {a["id"] for a in corpus_store.get_story(hit["story_id"])["articles"]}


def test_analyze_summarises_by_default_and_prints_json_with_the_flag() -> None:
    path = str(ROOT / "examples" / "corpus" / "articles" / "2024-11-07-wartakini-bnpb-revisi-korban-lewotobi.md")
    summary = runner.invoke(app, ["analyze", path], terminal_width=200)
    assert summary.exit_code == 0, summary.output
    assert "time expressions" in summary.output and "Minggu (3/11/2024) malam = 2024-11-03TNI" in summary.output
    as_json = runner.invoke(app, ["analyze", path, "--json"])
    data = json.loads(as_json.output)
    assert data["id"] == "2024-11-07-wartakini-bnpb-revisi-korban-lewotobi" and data["timexes"]
    helped = runner.invoke(app, ["analyze", "--help"], terminal_width=200).output
    assert "folder" in helped and "HTML" in helped and "--json" in helped
