"""The measure table: what a value in the text can measure, as data.

``data/claims/measures.json`` lists each measure with its labels for readers (Indonesian and
English), its dimension (the kind of value it takes), how it behaves over time, and the cue
words that govern a value in either language. Claim extraction reads the cues; story
building reads the labels and the temporal behaviour. Adding a measure is one entry in that
file; :func:`validate_table` is the schema the test suite checks it against.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["Measure", "MeasureTable", "load_measures", "validate_table", "DIMENSIONS", "TEMPORAL", "LANGUAGES"]

TABLE_PATH = Path(__file__).resolve().parents[1] / "data" / "claims" / "measures.json"
DIMENSIONS = frozenset(
    {"count", "money", "percent", "length", "speed", "magnitude", "area", "mass", "temperature", "duration", "time", "index"}
)
TEMPORAL = frozenset({"static", "varying", "monotone"})
LANGUAGES = ("id", "en")
_WORD_LISTS = (
    "person_nouns", "linking_words", "revision_cues", "expected_cues", "denial_cues", "speech_cues", "not_counts",
)
_OPTIONAL_WORD_LISTS = ("classifiers", "generic_counts", "part_nouns", "breakdown_cues", "modifier_heads")


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    attribute: str  # the name it is reported and scored under
    label: dict[str, str]  # language -> words for a reader
    dimension: str
    temporal: str
    counts: frozenset[str] = frozenset()  # for counts of things: the nouns it may count
    # Words naming a part of the measure ("luka berat", "kurs jual"), longest first: values of
    # different parts are different scopes, never a disagreement.
    segments: tuple[tuple[tuple[str, ...], str], ...] = ()
    generic: bool = False  # its cues fit many things ("terjadi"): a specific cue nearby wins
    # Measures whose lone figure in a story stating this one is this one ("costs 15,250 rupiah"
    # in a story of fuel prices is a price; "will cost 53.2 trillion" beside a budget, the budget).
    absorbs: tuple[str, ...] = ()
    # The measure says what of only with a subject (a length of a bridge or of a road, the cost
    # of a section or of the whole): two reports' lone figures are one thing's only with words
    # in common around them. Deaths or a magnitude are the story's own.
    needs_subject: bool = False
    # The measure is a change ("naik 0,4 persen"): a value after "menjadi"/"to" is the new level
    # of something else ("turun menjadi 4,50 persen"), never the change.
    change: bool = False
    # False for measures told for the timeline only, whose values are many by nature (times
    # victims were found): never compared across reports.
    compare: bool = True

    def label_for(self, language: str | None) -> str:
        return self.label.get(language or "id") or self.label.get("en") or self.id


@dataclass(frozen=True, slots=True)
class MeasureTable:
    measures: dict[str, Measure]
    # (cue words, measure id, is_role) by first word, per language; both languages are
    # looked up for every article, since English quotes sit in Indonesian copy and back.
    cues: dict[str, list[tuple[tuple[str, ...], str, bool]]]
    person_nouns: frozenset[str]
    not_counts: frozenset[str]  # nouns after a number that count no thing ("dua kali", "three ways")
    linking_words: frozenset[tuple[str, ...]]  # "mencapai", "rose to": join a value to its clause's subject
    revision_cues: frozenset[tuple[str, ...]]
    expected_cues: frozenset[tuple[str, ...]]
    denial_cues: frozenset[tuple[str, ...]]
    speech_cues: frozenset[tuple[str, ...]]  # "kata", "said": a time right after is when it was said
    # Words that count the noun after them ("12 ekor sapi", "15.000 butir ekstasi").
    classifiers: frozenset[str] = frozenset()
    # Counted nouns that say little of what is counted ("14 titik"): a figure needs words in
    # common around it to be taken as another article's figure.
    generic_counts: frozenset[str] = frozenset()
    # Numbered parts ("Seksi 1", "tahap kedua", "phase two"): values of two parts are two scopes.
    part_nouns: frozenset[str] = frozenset()
    ordinals: dict[str, int] | None = None
    breakdown_cues: frozenset[tuple[str, ...]] = frozenset()  # "terdiri atas", "including": parts follow
    # Dimensions only one measure takes (an area, a magnitude): a value of such a dimension is
    # that measure's even with no cue nearby ("merendam sedikitnya 450 hektare sawah").
    only_measure: dict[str, str] | None = None
    # Nouns that make an event word after them a modifier ("korban banjir", "victims of the
    # flood"): such an event word does not govern a time in its sentence.
    modifier_heads: frozenset[tuple[str, ...]] = frozenset()

    def measure(self, measure_id: str) -> Measure:
        """The entry for ``measure_id``; ``count:<noun>`` measures are made on the fly."""
        found = self.measures.get(measure_id)
        if found is not None:
            return found
        noun = measure_id.partition(":")[2] or measure_id
        return Measure(
            id=measure_id, attribute="count", label={"id": f"jumlah {noun}", "en": f"number of {noun}"},
            dimension="count", temporal="static",
        )


def validate_table(data: Any) -> list[str]:
    """Problems with a measure table, one line each; an empty list means it is well formed."""
    problems: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("measures"), dict):
        return ["the table must be an object with a 'measures' object"]
    for key, entry in data["measures"].items():
        where = f"measure {key!r}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: not an object")
            continue
        label = entry.get("label")
        if not isinstance(label, dict) or any(not isinstance(label.get(lang), str) or not label[lang] for lang in LANGUAGES):
            problems.append(f"{where}: 'label' needs non-empty 'id' and 'en' strings")
        if entry.get("dimension") not in DIMENSIONS:
            problems.append(f"{where}: 'dimension' must be one of {sorted(DIMENSIONS)}")
        if entry.get("temporal") not in TEMPORAL:
            problems.append(f"{where}: 'temporal' must be one of {sorted(TEMPORAL)}")
        if "attribute" in entry and not (isinstance(entry["attribute"], str) and entry["attribute"]):
            problems.append(f"{where}: 'attribute' must be a non-empty string")
        if isinstance(entry.get("cues"), dict) and not any(entry["cues"].values()):
            problems.append(f"{where}: no cue words in any language")
        for field_name in ("cues", "roles"):
            table = entry.get(field_name, {} if field_name == "roles" else None)
            if not isinstance(table, dict) or any(lang not in LANGUAGES for lang in table):
                problems.append(f"{where}: '{field_name}' must map languages {LANGUAGES} to word lists")
                continue
            for lang, words in table.items():
                if not isinstance(words, list) or any(not isinstance(w, str) or w != w.lower() or not w.strip() for w in words):
                    problems.append(f"{where}: '{field_name}.{lang}' must be a list of lower-case words")
        segments = entry.get("segments", {})
        if not isinstance(segments, dict) or any(
            lang not in LANGUAGES or not isinstance(table, dict)
            or any(not isinstance(k, str) or k != k.lower() or not isinstance(v, str) or not v for k, v in table.items())
            for lang, table in segments.items()
        ):
            problems.append(f"{where}: 'segments' must map languages to {{lower-case words: part name}}")
        for flag in ("generic", "needs_subject", "change", "compare"):
            if not isinstance(entry.get(flag, False), bool):
                problems.append(f"{where}: '{flag}' must be true or false")
        absorbs = entry.get("absorbs", [])
        if not isinstance(absorbs, list) or any(not isinstance(m, str) or m not in data["measures"] for m in absorbs):
            problems.append(f"{where}: 'absorbs' must list measures of the table")
        counts = entry.get("counts", [])
        if not isinstance(counts, list) or any(not isinstance(w, str) for w in counts):
            problems.append(f"{where}: 'counts' must be a list of nouns")
    for name in _WORD_LISTS + _OPTIONAL_WORD_LISTS:
        lists = data.get(name, {} if name in _OPTIONAL_WORD_LISTS else None)
        if not isinstance(lists, dict) or any(not isinstance(v, list) for v in lists.values()):
            problems.append(f"'{name}' must map languages to word lists")
    ordinals = data.get("ordinals", {})
    if not isinstance(ordinals, dict) or any(
        not isinstance(table, dict) or any(not isinstance(k, str) or not isinstance(v, int) for k, v in table.items())
        for table in ordinals.values()
    ):
        problems.append("'ordinals' must map languages to {word: number}")
    return problems


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


def build_table(data: dict[str, Any]) -> MeasureTable:
    problems = validate_table(data)
    if problems:
        raise ValueError("measure table: " + "; ".join(problems))
    measures: dict[str, Measure] = {}
    cues: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for key, entry in data["measures"].items():
        measures[key] = Measure(
            id=key,
            attribute=entry.get("attribute", key),
            label=dict(entry["label"]),
            dimension=entry["dimension"],
            temporal=entry["temporal"],
            counts=frozenset(w.lower() for w in entry.get("counts", [])),
            generic=bool(entry.get("generic", False)),
            absorbs=tuple(entry.get("absorbs", ())),
            needs_subject=bool(entry.get("needs_subject", False)),
            change=bool(entry.get("change", False)),
            compare=bool(entry.get("compare", True)),
            segments=tuple(sorted(
                ((_words(phrase), name) for table in entry.get("segments", {}).values() for phrase, name in table.items()),
                key=lambda item: -len(item[0]),
            )),
        )
        for is_role, field_name in ((False, "cues"), (True, "roles")):
            for words in entry.get(field_name, {}).values():
                for phrase in words:
                    tokens = _words(phrase)
                    cues.setdefault(tokens[0], []).append((tokens, key, is_role))
    for options in cues.values():
        options.sort(key=lambda option: -len(option[0]))  # longest cue first

    def word_set(name: str) -> frozenset[tuple[str, ...]]:
        return frozenset(_words(w) for words in data.get(name, {}).values() for w in words)

    def flat(name: str) -> frozenset[str]:
        return frozenset(" ".join(w) for w in word_set(name))

    return MeasureTable(
        measures=measures,
        cues=cues,
        person_nouns=frozenset(" ".join(w) for w in word_set("person_nouns")),
        linking_words=word_set("linking_words"),
        not_counts=frozenset(" ".join(w) for w in word_set("not_counts")),
        revision_cues=word_set("revision_cues"),
        expected_cues=word_set("expected_cues"),
        denial_cues=word_set("denial_cues"),
        speech_cues=word_set("speech_cues"),
        classifiers=flat("classifiers"),
        generic_counts=flat("generic_counts"),
        part_nouns=flat("part_nouns"),
        ordinals={k.lower(): v for table in data.get("ordinals", {}).values() for k, v in table.items()},
        breakdown_cues=word_set("breakdown_cues"),
        only_measure=_only_measures(measures),
        modifier_heads=word_set("modifier_heads"),
    )


def _only_measures(measures: dict[str, Measure]) -> dict[str, str]:
    by_dimension: dict[str, list[str]] = {}
    for key, measure in measures.items():
        by_dimension.setdefault(measure.dimension, []).append(key)
    return {dimension: keys[0] for dimension, keys in by_dimension.items() if len(keys) == 1 and dimension not in ("count", "time")}


@lru_cache(maxsize=4)
def load_measures(path: str | None = None) -> MeasureTable:
    """The measure table at ``path`` (default: the one warta ships), parsed and checked once."""
    source = Path(path) if path else TABLE_PATH
    return build_table(json.loads(source.read_text(encoding="utf-8")))
