"""Score time-expression extraction against a TIMEX3 gold set (JSON Lines).

Spans match *strictly* (same start and end) or *relaxed* (they overlap); each gold span pairs
with at most one predicted span. Type and value accuracy are measured over relaxed matches;
``value_accuracy_all_gold`` also counts missed gold spans as wrong, so it is the share of
gold expressions warta both found and normalised right.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from warta.model import Timex

Predict = Callable[[Mapping[str, Any]], Sequence[Timex | Mapping[str, Any]]]


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Documents of a JSON Lines gold file, one per non-blank line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _as_dict(item: Timex | Mapping[str, Any]) -> dict[str, Any]:
    return item.to_dict() if isinstance(item, Timex) else dict(item)


def _prf(matched: int, predicted: int, gold: int) -> dict[str, float]:
    precision = matched / predicted if predicted else 1.0
    recall = matched / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _pair(gold: list[dict[str, Any]], predicted: list[dict[str, Any]], strict: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index): exact spans, or the largest overlaps."""
    options: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if strict:
                if g["start"] == p["start"] and g["end"] == p["end"]:
                    options.append((0, gi, pi))
            else:
                overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
                if overlap > 0:
                    options.append((-overlap, gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _key, gi, pi in sorted(options):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


_OFFSET_RE = re.compile(r"(T\d{2}:\d{2}(?::\d{2})?)(?:[+-]\d{2}:\d{2}|Z)$")


def same_time_value(gold: str, predicted: str | None) -> bool:
    """Equal values; a predicted clock time's UTC offset ("2020-03-14T06:17+07:00") is ignored
    when the gold value has none (the sentence-level gold sets write clock times local)."""
    if predicted is None or gold == predicted:
        return gold == predicted
    return _OFFSET_RE.search(gold) is None and _OFFSET_RE.sub(r"\1", predicted) == gold


def score(gold_docs: Iterable[Mapping[str, Any]], predict: Predict) -> dict[str, Any]:
    """Strict and relaxed span P/R/F1, type and value accuracy, and the errors behind them.

    ``predict(doc)`` gets each gold document (``text``, ``dct``, ``lang``) and returns
    :class:`~warta.model.Timex` records or dicts with ``start``, ``end``, ``type``, ``value``.
    """
    n_gold = n_pred = n_strict = n_relaxed = n_type = n_value = n_mod = n_docs = 0
    errors: list[dict[str, Any]] = []
    for doc in gold_docs:
        n_docs += 1
        gold = [dict(g) for g in doc.get("timexes", [])]
        predicted = [_as_dict(p) for p in predict(doc)]
        n_gold += len(gold)
        n_pred += len(predicted)
        n_strict += len(_pair(gold, predicted, strict=True))
        relaxed = _pair(gold, predicted, strict=False)
        n_relaxed += len(relaxed)
        for gi, pi in relaxed:
            g, p = gold[gi], predicted[pi]
            same_type = g["type"] == p.get("type")
            same_value = same_time_value(g["value"], p.get("value"))
            same_mod = (g.get("mod") or None) == (p.get("mod") or None)
            n_type += same_type
            n_value += same_value
            n_mod += same_mod
            if not (same_type and same_value and same_mod and g["start"] == p["start"] and g["end"] == p["end"]):
                errors.append({"id": doc.get("id"), "kind": "mismatch", "gold": g, "predicted": p})
        paired_gold = {gi for gi, _ in relaxed}
        paired_pred = {pi for _, pi in relaxed}
        errors += [{"id": doc.get("id"), "kind": "missed", "gold": g} for i, g in enumerate(gold) if i not in paired_gold]
        errors += [
            {"id": doc.get("id"), "kind": "spurious", "predicted": p}
            for i, p in enumerate(predicted)
            if i not in paired_pred
        ]
    return {
        "documents": n_docs,
        "gold": n_gold,
        "predicted": n_pred,
        "strict": _prf(n_strict, n_pred, n_gold),
        "relaxed": _prf(n_relaxed, n_pred, n_gold),
        "type_accuracy": round(n_type / n_relaxed, 4) if n_relaxed else 0.0,
        "value_accuracy": round(n_value / n_relaxed, 4) if n_relaxed else 0.0,
        "mod_accuracy": round(n_mod / n_relaxed, 4) if n_relaxed else 0.0,
        "value_accuracy_all_gold": round(n_value / n_gold, 4) if n_gold else 0.0,
        "errors": errors,
    }
