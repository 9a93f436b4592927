"""BCubed precision, recall and F1 for story clustering (Bagga & Baldwin 1998; Amigó et al. 2009).

For each item, precision is the share of its predicted cluster that shares its gold
cluster, recall the share of its gold cluster that shares its predicted cluster; both are
averaged over items. Only items present in both mappings are scored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    items: int

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "items": self.items}


def bcubed(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> BCubed:
    """BCubed scores of ``predicted`` (item -> cluster) against ``gold`` (item -> cluster)."""
    items = [item for item in gold if item in predicted]
    if not items:
        return BCubed(0.0, 0.0, 0.0, 0)
    by_predicted: dict[Hashable, set[Hashable]] = defaultdict(set)
    by_gold: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item in items:
        by_predicted[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in items:
        same_predicted = by_predicted[predicted[item]]
        same_gold = by_gold[gold[item]]
        both = len(same_predicted & same_gold)
        precision += both / len(same_predicted)
        recall += both / len(same_gold)
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1, len(items))
