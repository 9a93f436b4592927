"""Evaluation gate: warta's time expressions on tests/gold/timex.jsonl must not fall below the
floors pinned in tests/gold/baseline_time.json (measured score minus about one point)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.analyze.time import extract_timexes
from warta.eval.time import load_gold, score

GOLD = Path(__file__).resolve().parent / "gold" / "timex.jsonl"
BASELINE = Path(__file__).resolve().parent / "gold" / "baseline_time.json"
TARGETS = {"relaxed_f1": 0.95, "value_accuracy": 0.95}


@pytest.fixture(scope="module")
def result() -> dict:
    if not GOLD.exists():
        pytest.skip("gold set tests/gold/timex.jsonl not present")
    return score(load_gold(GOLD), lambda doc: extract_timexes(doc["text"], doc["dct"], language=doc.get("lang")))


def _metric(result: dict, name: str) -> float:
    if name in {"strict_f1", "relaxed_f1", "strict_precision", "relaxed_precision", "strict_recall", "relaxed_recall"}:
        kind, part = name.split("_")
        return result[kind][part]
    return result[name]


def test_scores_stay_above_the_pinned_floors(result: dict) -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]
    failures = {
        name: (round(_metric(result, name), 4), floor) for name, floor in floors.items() if _metric(result, name) < floor
    }
    assert not failures, f"below floor (score, floor): {failures}; first errors: {result['errors'][:15]}"


def test_scores_meet_the_project_targets(result: dict) -> None:
    for name, target in TARGETS.items():
        assert _metric(result, name) >= target, (name, _metric(result, name))


def test_hard_negative_documents_stay_empty(result: dict) -> None:
    negatives = {doc["id"] for doc in load_gold(GOLD) if not doc["timexes"]}
    spurious = [e for e in result["errors"] if e["kind"] == "spurious" and e["id"] in negatives]
    assert spurious == []
