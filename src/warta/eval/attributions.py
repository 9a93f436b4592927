"""Score attribution extraction against a gold set (``tests/gold/attributions.jsonl``).

Each gold line: ``{"id", "text", "attributions": [{"source", "canonical", "cue", "content",
"direct", "via", "hedged"}]}`` with span texts, not offsets. A predicted attribution matches
a gold one when

* the **source** matches: the predicted text or canonical equals the gold text or canonical,
  or shares at least half of its tokens both ways (so "Suminah (54)" matches "Suminah");
* the **content** overlaps: *partial* when the shared tokens cover at least half of both the
  predicted and the gold content, *exact* when the two are equal once quotes, edge punctuation,
  case and spacing are set aside.

Gold and predicted items pair one-to-one, best content overlap first. Precision, recall and F1
are reported for source+content (exact and partial) and for sources alone; among partial
matches, the share with the right cue, relay chain (``via``), ``direct`` and ``hedged``.

Run ``python -m warta.eval.attributions [gold.jsonl]`` to print the scores as JSON.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.model import Attribution

__all__ = ["AttributionScores", "evaluate", "load_gold", "score_passage", "DEFAULT_GOLD"]

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "tests" / "gold" / "attributions.jsonl"
_TOKEN = re.compile(r"\w+")
_EDGE = " \t\n.,;:!?\"'“”‘’()"

Extractor = Callable[[str], list[Attribution]]


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _normal(text: str) -> str:
    return " ".join(text.strip(_EDGE).lower().split())


def _overlap(predicted: str, gold: str) -> float:
    """Shared tokens over the longer of the two: at least 0.5 means half of both are shared."""
    p, g = Counter(_tokens(predicted)), Counter(_tokens(gold))
    if not p or not g:
        return 0.0
    shared = sum((p & g).values())
    return shared / max(sum(p.values()), sum(g.values()))


def _source_matches(predicted: Attribution, gold: dict[str, Any]) -> bool:
    pred_names = [n for n in (predicted.source.text, predicted.source.canonical) if n]
    gold_names = [n for n in (gold.get("source"), gold.get("canonical")) if n]
    for p in pred_names:
        for g in gold_names:
            if _normal(p) == _normal(g) or _overlap(p, g) >= 0.5:
                return True
    return False


def _cue_matches(predicted: Attribution, gold: dict[str, Any]) -> bool:
    p, g = _normal(predicted.cue.text), _normal(gold.get("cue", ""))
    return bool(p) and bool(g) and (p in g or g in p)


def _via_matches(predicted: Attribution, gold: dict[str, Any]) -> bool:
    pred = [_normal(v) for v in predicted.via]
    want = [_normal(v) for v in gold.get("via", [])]
    return pred == want


@dataclass
class AttributionScores:
    """Counts over a gold set; the rates are properties."""

    gold: int = 0
    predicted: int = 0
    exact: int = 0
    partial: int = 0
    source_only: int = 0
    cue_right: int = 0
    via_right: int = 0
    direct_right: int = 0
    hedged_right: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    @staticmethod
    def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = hits / predicted if predicted else 0.0
        r = hits / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def as_dict(self) -> dict[str, Any]:
        ep, er, ef = self._prf(self.exact, self.predicted, self.gold)
        pp, pr, pf = self._prf(self.partial, self.predicted, self.gold)
        sp, sr, sf = self._prf(self.source_only, self.predicted, self.gold)
        matched = self.partial or 1
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "exact_precision": round(ep, 4),
            "exact_recall": round(er, 4),
            "exact_f1": round(ef, 4),
            "partial_precision": round(pp, 4),
            "partial_recall": round(pr, 4),
            "partial_f1": round(pf, 4),
            "source_f1": round(sf, 4),
            "source_precision": round(sp, 4),
            "source_recall": round(sr, 4),
            "cue_accuracy": round(self.cue_right / matched, 4),
            "via_accuracy": round(self.via_right / matched, 4),
            "direct_accuracy": round(self.direct_right / matched, 4),
            "hedged_accuracy": round(self.hedged_right / matched, 4),
        }


def score_passage(
    passage_id: str, gold: list[dict[str, Any]], predicted: list[Attribution], scores: AttributionScores
) -> None:
    """Pair predictions with gold items one-to-one and add the counts to ``scores``."""
    scores.gold += len(gold)
    scores.predicted += len(predicted)
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if _source_matches(p, g):
                candidates.append((_overlap(p.content.text, g["content"]), gi, pi))
    candidates.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    source_pairs: set[int] = set()
    for overlap, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        g, p = gold[gi], predicted[pi]
        used_gold.add(gi)
        used_pred.add(pi)
        source_pairs.add(gi)
        if overlap < 0.5:
            continue
        scores.partial += 1
        scores.exact += _normal(p.content.text) == _normal(g["content"])
        scores.cue_right += _cue_matches(p, g)
        scores.via_right += _via_matches(p, g)
        scores.direct_right += p.direct == bool(g.get("direct", False))
        scores.hedged_right += p.hedged == bool(g.get("hedged", False))
    scores.source_only += len(source_pairs)
    for gi, g in enumerate(gold):
        if gi not in used_gold:
            scores.misses.append({"id": passage_id, "source": g["source"], "content": g["content"]})


def load_gold(path: Path | str = DEFAULT_GOLD) -> list[dict[str, Any]]:
    """The gold passages, one JSON object a line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _default_extractor(text: str) -> list[Attribution]:
    from warta.analyze.attributions import extract_attributions
    from warta.analyze.entities import extract_entities
    from warta.analyze.sentences import split_sentences

    sentences = split_sentences(text)
    entities = extract_entities(text, sentences=sentences)
    return extract_attributions(text, sentences=sentences, entities=entities)


def evaluate(path: Path | str = DEFAULT_GOLD, extractor: Extractor | None = None) -> AttributionScores:
    """Run ``extractor`` (default: warta's pipeline pieces) over the gold set and score it."""
    extract = extractor or _default_extractor
    scores = AttributionScores()
    for passage in load_gold(path):
        score_passage(passage["id"], passage["attributions"], extract(passage["text"]), scores)
    return scores


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    scores = evaluate(args[0] if args else DEFAULT_GOLD)
    print(json.dumps({**scores.as_dict(), "misses": scores.misses}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
