"""The reference case: the two seed reports (read from /work/shared/seeds, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.analyze import analyze
from warta.model import Article
from warta.stories import StoryIndex, build_story, extract_features

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
# Publication dates of the two reports (the file names carry no metadata).
PUBLISHED = {"000": "2023-09-11", "003": "2023-09-12"}


@pytest.fixture(scope="module")
def members():
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS}")
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        key = path.name[:3]
        article = Article(id=key, text=path.read_text(encoding="utf-8"), published=PUBLISHED[key], outlet=f"outlet-{key}")
        out.append((article, analyze(article)))
    if not any(analysis.events for _a, analysis in out):
        pytest.skip("event frames are still a placeholder: nothing to build a timeline from")
    return out


@pytest.fixture(scope="module")
def story(members):
    return build_story("story-000", members).to_dict()


def test_the_two_reports_make_one_story(members):
    index = StoryIndex()
    ids = {index.add(extract_features(article, analysis)) for article, analysis in members}
    assert len(ids) == 1


def test_timeline_has_the_trip_days_the_expected_summit_and_the_background(story):
    by_day: dict[str, list[dict]] = {}
    for entry in story["timeline"]:
        by_day.setdefault(entry["date"][:10], []).append(entry)
    for day in ("2023-09-10", "2023-09-11", "2023-09-12", "2023-09-13", "2023-07", "2019"):
        assert day in by_day, f"no timeline entry on {day}"
    assert any(e["expected"] for e in by_day["2023-09-13"])
    assert by_day["2019"][0]["precision"] == "year" and by_day["2023-07"][0]["precision"] == "month"


def _conflict_on(story, first: str, second: str) -> dict:
    for conflict in story["conflicts"]:
        values = {v["value"][:10]: v for v in conflict["values"]}
        if first in values and second in values:
            return values
    raise AssertionError(f"no conflict between {first} and {second}: {story['conflicts']}")


def test_departure_day_conflict_names_kcna_against_the_other_report(story):
    values = _conflict_on(story, "2023-09-10", "2023-09-11")
    assert values["2023-09-10"]["articles"] == ["003"]
    assert any("KCNA" in s for s in values["2023-09-10"]["attributed_to"])
    assert values["2023-09-11"]["articles"] == ["000"]


def test_earliest_summit_day_is_an_estimate_that_changed(story):
    values = _conflict_on(story, "2023-09-12", "2023-09-13")
    assert values["2023-09-12"]["articles"] == ["000"] and values["2023-09-12"]["reported"] == ["2023-09-11"]
    assert values["2023-09-13"]["articles"] == ["003"] and values["2023-09-13"]["reported"] == ["2023-09-12"]


def test_no_conflict_without_a_close_precise_disagreement(story):
    # Only the departure and the summit estimate are disputed between the two reports.
    assert len([c for c in story["conflicts"] if c["kind"] in ("time", "estimate")]) == 2


def test_white_house_warning_is_corroborated_across_both_reports(story):
    warnings = [
        c for c in story["corroborations"]
        if c["kind"] == "statement" and set(c["articles"]) == {"000", "003"}
        and any("Gedung Putih" in s for s in c["attributed_to"]) and any("bayar" in s.lower() for s in c["sentences"])
    ]
    assert warnings, story["corroborations"]


def test_brief_cites_both_reports(story):
    assert story["title"]
    assert 3 <= len(story["summary_sentences"]) <= 5
    assert {s["article"] for s in story["summary_sentences"]} == {"000", "003"}
