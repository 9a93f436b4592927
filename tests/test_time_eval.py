"""The TIMEX3 scorer: strict and relaxed matching, accuracies, hard negatives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from warta.eval.time import load_gold, score
from warta.model import Timex

DOC: dict[str, Any] = {
    "id": "x-1",
    "dct": "2023-09-11",
    "lang": "id",
    "text": "Rapat digelar Senin (11/9/2023) selama dua jam.",
    "timexes": [
        {"text": "Senin (11/9/2023)", "start": 14, "end": 31, "type": "DATE", "value": "2023-09-11", "mod": None},
        {"text": "dua jam", "start": 39, "end": 46, "type": "DURATION", "value": "PT2H", "mod": None},
    ],
}
NEGATIVE: dict[str, Any] = {"id": "x-2", "dct": "2023-09-11", "lang": "id", "text": "Menang 2-1.", "timexes": []}


def test_perfect_prediction_scores_one() -> None:
    result = score([DOC, NEGATIVE], lambda doc: doc["timexes"])
    assert result["strict"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert result["value_accuracy"] == result["value_accuracy_all_gold"] == 1.0
    assert result["errors"] == []


def test_relaxed_overlap_and_wrong_value() -> None:
    def predict(doc: dict[str, Any]) -> list[Timex]:
        if doc["id"] != "x-1":
            return [Timex("2-1", 7, 10, "DATE", "2001", None)]  # spurious on the hard negative
        return [Timex("Senin", 14, 19, "DATE", "2023-09-11"), Timex("jam", 43, 46, "DURATION", "PT3H")]

    result = score([DOC, NEGATIVE], predict)
    assert result["strict"]["f1"] == 0.0
    assert result["relaxed"]["recall"] == 1.0
    assert result["relaxed"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["type_accuracy"] == 1.0
    assert result["value_accuracy"] == 0.5
    assert result["value_accuracy_all_gold"] == 0.5
    kinds = sorted(e["kind"] for e in result["errors"])
    assert kinds == ["mismatch", "mismatch", "spurious"]


def test_one_prediction_pairs_with_one_gold_span() -> None:
    result = score([DOC], lambda doc: [Timex(doc["text"], 0, len(doc["text"]), "DATE", "2023-09-11")])
    assert result["relaxed"]["recall"] == 0.5
    assert result["value_accuracy_all_gold"] == 0.5


def test_nothing_predicted() -> None:
    result = score([DOC], lambda doc: [])
    assert result["relaxed"] == {"precision": 1.0, "recall": 0.0, "f1": 0.0}
    assert result["value_accuracy_all_gold"] == 0.0


def test_load_gold_reads_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(DOC) + "\n\n" + json.dumps(NEGATIVE) + "\n", encoding="utf-8")
    assert [d["id"] for d in load_gold(path)] == ["x-1", "x-2"]
