"""Scoring claims and disagreements against a gold set (format: docs/dev/gold_formats.md).

A gold folder holds ``articles.jsonl``, ``claims.jsonl`` and ``relations.jsonl``. Each gold
story's articles are analysed and built into one story (clustering is scored elsewhere), and:

- **claim recall**: a gold claim is found when a claim of the same article overlaps its
  words; **attribute accuracy** is the share of found claims with the gold attribute (gold
  ``other:`` attributes left out);
- **slot pairwise F1**: over pairs of found claims of one story from different articles,
  whether warta puts them in one slot as the gold does;
- **relation macro F1**: over judged pairs whose claims were both found, warta's relation
  against the gold one, macro-averaged over the relations the gold uses;
- **disagreement precision and recall**: a reported conflict is right when two of its values
  hold the two sides of one gold ``disagree`` pair (the article, and a sentence holding the
  gold value's words), listed or implied (asserted claims of one gold slot and time scope
  with different values that no listed relation judges otherwise); recall is over the listed
  gold ``disagree`` pairs; **updates shown as
  disagreements** is the share of gold ``update`` pairs a conflict holds the same way.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.analyze import analyze
from warta.model import Analysis, Article, Claim
from warta.stories import build_story
from warta.stories.conflicts.slots import RELATIONS, Slots, Stated, relate, stated_claims
from warta.stories.evidence import make_member

__all__ = ["ClaimScores", "load_gold", "score_claims"]


@dataclass
class ClaimScores:
    articles: int = 0
    gold_claims: int = 0
    found_claims: int = 0
    predicted_claims: int = 0
    attribute_right: int = 0
    attribute_judged: int = 0
    slot_tp: int = 0
    slot_fp: int = 0
    slot_fn: int = 0
    relation_confusion: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    conflicts: int = 0
    conflicts_right: int = 0
    disagreements: int = 0
    disagreements_found: int = 0
    updates: int = 0
    updates_as_disagreements: int = 0
    missed: list[str] = field(default_factory=list)  # dev sets only: what to look at
    wrong: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def claim_recall(self) -> float:
        return self._ratio(self.found_claims, self.gold_claims)

    @property
    def attribute_accuracy(self) -> float:
        return self._ratio(self.attribute_right, self.attribute_judged)

    @property
    def slot_f1(self) -> float:
        p = self._ratio(self.slot_tp, self.slot_tp + self.slot_fp)
        r = self._ratio(self.slot_tp, self.slot_tp + self.slot_fn)
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def relation_macro_f1(self) -> float:
        labels = [label for label in RELATIONS if sum(self.relation_confusion[label].values())]
        scores = []
        for label in labels:
            tp = self.relation_confusion[label][label]
            gold = sum(self.relation_confusion[label].values())
            predicted = sum(self.relation_confusion[g][label] for g in self.relation_confusion)
            p, r = self._ratio(tp, predicted), self._ratio(tp, gold)
            scores.append(2 * p * r / (p + r) if p + r else 0.0)
        return sum(scores) / len(scores) if scores else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.conflicts_right, self.conflicts)

    @property
    def recall(self) -> float:
        return self._ratio(self.disagreements_found, self.disagreements)

    @property
    def update_error_rate(self) -> float:
        return self._ratio(self.updates_as_disagreements, self.updates)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "gold_claims": self.gold_claims, "claim_recall": round(self.claim_recall, 3),
            "attribute_accuracy": round(self.attribute_accuracy, 3), "slot_f1": round(self.slot_f1, 3),
            "relation_macro_f1": round(self.relation_macro_f1, 3), "conflicts": self.conflicts,
            "disagreement_precision": round(self.precision, 3), "disagreements": self.disagreements,
            "disagreement_recall": round(self.recall, 3), "updates": self.updates,
            "updates_as_disagreements": round(self.update_error_rate, 3),
        }


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_gold(folders: list[Path]) -> tuple[list[dict], list[dict], list[dict]]:
    articles: list[dict] = []
    claims: list[dict] = []
    relations: list[dict] = []
    for folder in folders:
        articles += _read(folder / "articles.jsonl")
        claims += _read(folder / "claims.jsonl")
        relations += _read(folder / "relations.jsonl")
    return articles, claims, relations


def _overlaps(claim: Claim, gold: dict) -> bool:
    return claim.span.start < gold["end"] and gold["start"] < claim.span.end


def score_claims(folders: list[Path], *, explain: bool = False) -> ClaimScores:
    """Score warta on the gold in ``folders``; ``explain`` lists misses (never for a blind set)."""
    articles, gold_claims, relations = load_gold(folders)
    scores = ClaimScores(articles=len(articles))
    analysed: dict[str, tuple[Article, Analysis]] = {}
    for item in articles:
        article = Article(id=item["id"], text=item["text"], title=item.get("title"), url=item.get("url"),
                          outlet=item.get("outlet"), published=item.get("published"), language=item.get("lang"))
        analysed[item["id"]] = (article, analyze(article))
    by_story: dict[str, list[str]] = defaultdict(list)
    for item in articles:
        by_story[item["story"]].append(item["id"])
    gold_by_id = {g["id"]: g for g in gold_claims}
    for story_id, ids in sorted(by_story.items()):
        members = [make_member(*analysed[i]) for i in ids]
        stated = stated_claims(members)
        slots = Slots(stated)
        match: dict[str, Stated] = {}
        for g in (g for g in gold_claims if g["story"] == story_id):
            scores.gold_claims += 1
            candidates = [s for s in stated if s.article == g["article"] and _overlaps(s.claim, g)]
            if not candidates:
                if explain:
                    scores.missed.append(f"claim {g['id']} {g['attribute']}: {g['value_text']!r}")
                continue
            best = next((s for s in candidates if s.claim.attribute == g["attribute"]), candidates[0])
            match[g["id"]] = best
            scores.found_claims += 1
            if not g["attribute"].startswith("other:"):
                scores.attribute_judged += 1
                scores.attribute_right += best.claim.attribute == g["attribute"]
        scores.predicted_claims += len(stated)
        found = sorted(match)
        for i, a in enumerate(found):
            for b in found[i + 1 :]:
                ga, gb = gold_by_id[a], gold_by_id[b]
                if ga["article"] == gb["article"]:
                    continue
                gold_same = ga["slot"] == gb["slot"]
                ka, kb = slots.key(match[a]), slots.key(match[b])
                predicted_same = ka is not None and ka == kb
                scores.slot_tp += gold_same and predicted_same
                scores.slot_fp += predicted_same and not gold_same
                scores.slot_fn += gold_same and not predicted_same
        story_relations = [r for r in relations if r["story"] == story_id]
        for r in story_relations:
            if r["a"] in match and r["b"] in match:
                predicted = relate(match[r["a"]], match[r["b"]], slots) or "none"
                scores.relation_confusion[r["relation"]][predicted] += 1
        story = build_story(story_id, [analysed[i] for i in ids]).to_dict()
        _score_conflicts(scores, story, story_relations, gold_by_id, explain)
    return scores


def _holds(value: dict, gold: dict) -> bool:
    if gold["article"] not in value.get("articles", []):
        return False
    return any(gold["value_text"] in sentence for sentence in value.get("sentences", []))


def _pair_in(conflict: dict, a: dict, b: dict) -> bool:
    values = conflict.get("values", [])
    return any(
        _holds(x, a) and _holds(y, b) for i, x in enumerate(values) for j, y in enumerate(values) if i != j
    )


def _gold_value(claim: dict) -> Any:
    value = claim.get("value") or {}
    return value.get("number") if value.get("kind") == "number" else value.get("timex")


def _implied_disagreements(story_id: str, relations: list[dict], gold: dict[str, dict]) -> list[tuple[dict, dict]]:
    """Pairs the gold implies disagree without listing them: asserted claims of one slot and one
    time scope, from different articles, with different values, that no listed relation calls
    anything else ("6,00 persen" against a third outlet's "6,25 persen" when only two of the
    three pairs are listed)."""
    judged = {frozenset((r["a"], r["b"])) for r in relations}
    claims = [c for c in gold.values() if c["story"] == story_id and c.get("modality") == "asserted"]
    out = []
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a["slot"] != b["slot"] or a["article"] == b["article"] or a.get("time_scope") != b.get("time_scope"):
                continue
            if frozenset((a["id"], b["id"])) in judged or _gold_value(a) == _gold_value(b):
                continue
            out.append((a, b))
    return out


def _score_conflicts(scores: ClaimScores, story: dict, relations: list[dict], gold: dict[str, dict], explain: bool) -> None:
    disagree = [(gold[r["a"]], gold[r["b"]]) for r in relations if r["relation"] == "disagree"]
    updates = [(gold[r["a"]], gold[r["b"]]) for r in relations if r["relation"] == "update"]
    implied = _implied_disagreements(story["id"], relations, gold)
    conflicts = story.get("conflicts", [])
    scores.conflicts += len(conflicts)
    for conflict in conflicts:
        right = any(_pair_in(conflict, a, b) for a, b in disagree + implied)
        scores.conflicts_right += right
        if explain and not right:
            shown = " | ".join(f"{v['value']} ({', '.join(v['articles'])})" for v in conflict.get("values", []))
            scores.wrong.append(f"{story['id']} {conflict.get('kind')} {conflict.get('about')}: {shown}")
    for a, b in disagree:
        scores.disagreements += 1
        hit = any(_pair_in(c, a, b) for c in conflicts)
        scores.disagreements_found += hit
        if explain and not hit:
            scores.missed.append(f"disagree {a['id']} {a['value_text']!r} / {b['id']} {b['value_text']!r} ({a['attribute']})")
    for a, b in updates:
        scores.updates += 1
        scores.updates_as_disagreements += any(_pair_in(c, a, b) for c in conflicts)
