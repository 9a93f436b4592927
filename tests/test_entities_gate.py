"""Evaluation gate: the shipped tagger must not score below the floors pinned in
tests/gold/baseline_ner.json (entity-level F1 per type and macro, IndoNLU style).

NERGrit dev is small (209 sentences) and tags in about a second, so all of it is scored;
so are the dev splits of the other corpora the model learnt from.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.analyze.entities import tag_tokens, tag_words
from warta.eval.ner import NER_DATA, bio_spans, evaluate, load_corpus, score

BASELINE = json.loads((Path(__file__).parent / "gold" / "baseline_ner.json").read_text(encoding="utf-8"))


def _dev(name: str) -> list:
    if not (NER_DATA / name).is_dir():
        pytest.skip(f"{name} corpus not available")
    return load_corpus(name, "dev")


@pytest.mark.parametrize("corpus", sorted(BASELINE["floors"]))
def test_dev_scores_stay_above_their_floors(corpus: str) -> None:
    floors = BASELINE["floors"][corpus]
    result = evaluate(tag_tokens, _dev(corpus))
    assert result.macro_f1 >= floors["macro_f1"], (
        f"{corpus} macro F1 {result.macro_f1:.3f} < {floors['macro_f1']}"
    )
    for kind, floor in floors.get("per_type", {}).items():
        assert result.per_type[kind][2] >= floor, (
            f"{corpus} {kind} F1 {result.per_type[kind][2]:.3f} < {floor}"
        )


def test_scorer_counts_exact_spans_only() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "O"]]
    result = score(gold, pred)
    assert result.per_type["LOC"][2] == 1.0 and result.per_type["ORG"][2] == 1.0
    assert result.per_type["PER"] == (0.0, 0.0, 0.0)  # a cut-short name is wrong, not half right
    assert result.macro_f1 == pytest.approx(2 / 3)


def test_bio_spans_open_on_stray_inside_tags() -> None:
    assert bio_spans(["O", "I-LOC", "I-LOC", "B-LOC", "I-PER"]) == {
        (1, 3, "LOC"),
        (3, 4, "LOC"),
        (4, 5, "PER"),
    }


@pytest.mark.parametrize("corpus", sorted(BASELINE.get("with_rules", {})))
def test_span_rules_keep_dev_scores_above_their_floors(corpus: str) -> None:
    floor = BASELINE["with_rules"][corpus]["macro_f1"]
    result = evaluate(tag_words, _dev(corpus))
    assert result.macro_f1 >= floor, f"{corpus} with rules: macro F1 {result.macro_f1:.3f} < {floor}"
