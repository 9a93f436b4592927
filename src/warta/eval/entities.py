"""Score entity extraction on whole documents (``tests/gold/entity_docs``).

A predicted mention counts only when its start, end and type all equal a gold mention's
(exact span + type, as conlleval does for sentences). Precision, recall and F1 are given
over all mentions (micro) and per type; the macro F1 averages the three types.
``errors`` lists what did not match, for reading while tuning.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.model import Entity

TYPES = ("PER", "ORG", "LOC")
ENTITY_DOCS = Path(__file__).resolve().parents[3] / "tests" / "gold" / "entity_docs" / "documents.jsonl"

Span = tuple[int, int, str]
Predict = Callable[[Mapping[str, Any]], Sequence[Entity | Mapping[str, Any]]]


def load_documents(path: str | Path = ENTITY_DOCS) -> list[dict[str, Any]]:
    """Documents of a JSON Lines gold file, one per non-blank line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class DocScore:
    counts: dict[str, list[int]] = field(default_factory=lambda: {t: [0, 0, 0] for t in TYPES})  # tp, fp, fn

    def per_type(self, kind: str) -> tuple[float, float, float]:
        return _prf(*self.counts[kind])

    @property
    def micro(self) -> tuple[float, float, float]:
        return _prf(*(sum(c[i] for c in self.counts.values()) for i in range(3)))

    @property
    def precision(self) -> float:
        return self.micro[0]

    @property
    def recall(self) -> float:
        return self.micro[1]

    @property
    def f1(self) -> float:
        return self.micro[2]

    @property
    def macro_f1(self) -> float:
        return sum(self.per_type(t)[2] for t in TYPES) / len(TYPES)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "macro_f1": round(self.macro_f1, 4),
        }
        for kind in TYPES:
            p, r, f = self.per_type(kind)
            out[kind] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        return out


def _spans(items: Iterable[Entity | Mapping[str, Any]]) -> set[Span]:
    out = set()
    for item in items:
        if isinstance(item, Entity):
            out.add((item.start, item.end, item.type))
        else:
            out.add((int(item["start"]), int(item["end"]), str(item["type"])))
    return out


def warta_predict(doc: Mapping[str, Any]) -> list[Entity]:
    """warta's entities for a gold document, as the analysis step calls it."""
    from warta.analyze.entities import extract_entities

    return extract_entities(doc["text"], language=doc.get("lang"), outlet=doc.get("outlet"))


def score_documents(docs: Iterable[Mapping[str, Any]], predict: Predict = warta_predict) -> DocScore:
    result = DocScore()
    for doc in docs:
        gold, found = _spans(doc["entities"]), _spans(predict(doc))
        for span in found:
            if span[2] in result.counts:
                result.counts[span[2]][0 if span in gold else 1] += 1
        for span in gold - found:
            result.counts[span[2]][2] += 1
    return result


def errors(doc: Mapping[str, Any], predict: Predict = warta_predict) -> list[tuple[str, str, str]]:
    """(kind, surface, type) of each false positive ("fp") and missed gold mention ("fn")."""
    gold, found = _spans(doc["entities"]), _spans(predict(doc))
    text = doc["text"]
    out = [("fp", text[s:e], t) for s, e, t in sorted(found - gold)]
    out += [("fn", text[s:e], t) for s, e, t in sorted(gold - found)]
    return out
