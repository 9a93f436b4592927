"""Evaluation gate: attribution scores on the gold set must stay above the pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.analyze.attributions import extract_attributions
from warta.analyze.entities import extract_entities
from warta.analyze.sentences import split_sentences
from warta.eval.attributions import AttributionScores, evaluate, load_gold, score_passage
from warta.model import Attribution, Source, Span

GOLD = Path(__file__).resolve().parent / "gold" / "attributions.jsonl"
BASELINE = Path(__file__).resolve().parent / "gold" / "baseline_attributions.json"


def _fallback(text: str) -> list[Attribution]:
    return extract_attributions(text, sentences=split_sentences(text), entities=[])


def _with_tagger(text: str) -> list[Attribution]:
    sentences = split_sentences(text)
    return extract_attributions(
        text, sentences=sentences, entities=extract_entities(text, sentences=sentences)
    )


def test_gold_set_is_well_formed() -> None:
    passages = load_gold(GOLD)
    assert len({p["id"] for p in passages}) == len(passages)
    total = sum(len(p["attributions"]) for p in passages)
    assert total >= 60
    english = [p for p in passages if p["id"].startswith(("en-", "ho-en-", "ho2-en-"))]
    assert english, "the gold set needs English passages too"
    for passage in passages:
        for gold in passage["attributions"]:
            for key in ("source", "cue", "content"):
                assert gold[key] in passage["text"], (passage["id"], key)
            assert isinstance(gold["via"], list) and isinstance(gold["direct"], bool)
    kinds = [g for p in passages for g in p["attributions"]]
    assert any(g["via"] and len(g["via"]) > 1 for g in kinds), "chained relays"
    assert any(g["direct"] for g in kinds) and any(g["hedged"] for g in kinds)


@pytest.mark.parametrize("mode,extractor", [("fallback", _fallback), ("with_tagger", _with_tagger)])
def test_scores_stay_above_floors(mode: str, extractor) -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))[mode]
    scores = evaluate(GOLD, extractor).as_dict()
    low = {k: (scores[k], floor) for k, floor in floors.items() if scores[k] < floor}
    assert not low, f"{mode} attribution scores below their floors: {low}"


def _attribution(source: str, content: str, text: str, cue: str = "kata") -> Attribution:
    s, c, q = text.index(source), text.index(content), text.index(cue)
    return Attribution(
        source=Source(source, s, s + len(source)),
        cue=Span(cue, q, q + len(cue)),
        content=Span(content, c, c + len(content)),
    )


def test_scorer_counts_exact_partial_and_wrong_sources() -> None:
    text = "Harga naik lagi minggu ini di pasar, kata Budi. Stok aman, ujar Sari."
    gold = [
        {
            "source": "Budi",
            "canonical": "Budi",
            "cue": "kata",
            "content": "Harga naik lagi minggu ini di pasar",
            "via": [],
        },
        {"source": "Sari", "canonical": "Sari", "cue": "ujar", "content": "Stok aman", "via": []},
    ]
    predicted = [
        _attribution("Budi", "Harga naik lagi minggu ini", text),  # 5 of 7 tokens: partial
        _attribution("Budi", "Stok aman", text, cue="ujar"),  # right content, wrong source
    ]
    scores = AttributionScores()
    score_passage("t", gold, predicted, scores)
    result = scores.as_dict()
    assert scores.partial == 1 and scores.exact == 0
    assert result["partial_precision"] == 0.5 and result["partial_recall"] == 0.5
    assert scores.misses == [{"id": "t", "source": "Sari", "content": "Stok aman"}]


def test_scorer_gives_zero_for_no_predictions() -> None:
    scores = evaluate(GOLD, lambda text: [])
    assert scores.partial == 0 and scores.as_dict()["partial_f1"] == 0.0
