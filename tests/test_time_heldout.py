"""Gate on the held-out time set (never used for tuning): floors in tests/gold/baseline_time_heldout.json."""

from __future__ import annotations

import json
from pathlib import Path

from warta.analyze.time import extract_timexes
from warta.eval.time import load_gold, score

GOLD = Path(__file__).resolve().parent / "gold"


def test_heldout_scores_stay_above_their_floors() -> None:
    result = score(load_gold(GOLD / "timex_heldout.jsonl"), lambda d: extract_timexes(d["text"], d["dct"]))
    floors = json.loads((GOLD / "baseline_time_heldout.json").read_text(encoding="utf-8"))["floors"]
    measured = {
        "relaxed_f1": result["relaxed"]["f1"],
        "strict_f1": result["strict"]["f1"],
        "value_accuracy": result["value_accuracy"],
        "value_accuracy_all_gold": result["value_accuracy_all_gold"],
    }
    low = {k: (round(measured[k], 4), v) for k, v in floors.items() if measured[k] < v}
    assert not low, f"below floor (score, floor): {low}"
    # The targets hold on text the rules never saw.
    assert measured["relaxed_f1"] >= 0.95 and measured["value_accuracy"] >= 0.95
