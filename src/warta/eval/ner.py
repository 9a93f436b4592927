"""Reading the public NER corpora and scoring taggers on them the way IndoNLU does.

Scores are entity-level (conlleval/seqeval: a predicted span counts only when its type and
both boundaries match), per type, then macro-averaged over the types.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

NER_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "ner"
TYPES = ("PER", "ORG", "LOC")

# Each corpus's own labels, mapped to warta's three types; anything else becomes O.
LABEL_MAPS: dict[str, dict[str, str]] = {
    "nergrit": {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"},
    "nerp": {"PPL": "PER", "IND": "ORG", "PLC": "LOC"},
    "nerui": {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"},
    "nerugm": {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"},
    "idner2k": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
}
SPLITS: dict[str, dict[str, str]] = {
    "nergrit": {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt"},
    "nerp": {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt"},
    "nerui": {"train": "train.01.tsv", "dev": "dev.01.tsv"},
    "nerugm": {"train": "train.01.tsv", "dev": "dev.01.tsv"},
    "idner2k": {"train": "train.txt", "dev": "dev.txt"},
}

Sentence = tuple[list[str], list[str]]


def map_tag(tag: str, mapping: dict[str, str]) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = mapping.get(label)
    return f"{prefix}-{mapped}" if mapped else "O"


def read_conll(path: Path, mapping: dict[str, str]) -> list[Sentence]:
    """Sentences of a CoNLL-like file: token first, BIO tag last on each line."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                if tokens:
                    sentences.append((tokens, tags))
                tokens, tags = [], []
                continue
            tokens.append(parts[0])
            tags.append(map_tag(parts[-1], mapping) if len(parts) > 1 else "O")
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def load_corpus(name: str, split: str, root: Path = NER_DATA) -> list[Sentence]:
    return read_conll(root / name / SPLITS[name][split], LABEL_MAPS[name])


def bio_spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) spans; an I- tag after O or another type opens a span (conlleval)."""
    spans: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        inside = prefix == "I" and label == kind and start >= 0
        if start >= 0 and not inside:
            spans.add((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and not inside:
            start, kind = i, label
    return spans


@dataclass(slots=True)
class Score:
    per_type: dict[str, tuple[float, float, float]]  # type -> (precision, recall, f1)
    macro_f1: float
    micro_f1: float


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(
    gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]], types: Sequence[str] = TYPES
) -> Score:
    counts = {t: [0, 0, 0] for t in types}
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        g, p = bio_spans(gold_tags), bio_spans(pred_tags)
        for span in p:
            if span[2] in counts:
                counts[span[2]][0 if span in g else 1] += 1
        for span in g - p:
            if span[2] in counts:
                counts[span[2]][2] += 1
    per_type = {t: _prf(*c) for t, c in counts.items()}
    macro = sum(v[2] for v in per_type.values()) / len(types)
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return Score(per_type, macro, _prf(*total)[2])


def evaluate(tag_tokens: Callable[[list[str]], list[str]], sentences: list[Sentence]) -> Score:
    """Score a function from a token list to BIO tags on gold sentences."""
    return score([tags for _, tags in sentences], [tag_tokens(tokens) for tokens, _ in sentences])
