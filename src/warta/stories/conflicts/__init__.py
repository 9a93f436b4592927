"""Where a story's sources disagree: a registry of conflict kinds, one detector each.

Each kind has a name shared by the story JSON (``conflicts[].kind``), the ``conflicts``
table, the reading room, the Markdown export and the example manifest:

- ``value``: independent sources give incompatible values for one slot (a death toll, a
  rate, a length) at the same moment (:mod:`~warta.stories.conflicts.values`);
- ``time``: they give incompatible times for one happening, from event frames
  (:mod:`~warta.stories.conflicts.events`) and from time claims;
- ``estimate``: an expected time moved between reports ("paling cepat Kamis"), or reports
  give different planned values of something fixed once decided (a road's length).

A detector is a function of the story's :class:`Evidence`; adding a kind is one module with
a function registered by :func:`detector`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from warta.stories.conflicts.events import estimate_conflicts, event_conflicts
from warta.stories.conflicts.slots import Slots, Stated, stated_claims
from warta.stories.conflicts.values import claim_conflicts
from warta.stories.evidence import Member
from warta.stories.records import Conflict
from warta.stories.timeline import EventGroup

__all__ = ["ConflictKind", "Evidence", "DETECTORS", "detector", "find_conflicts"]


class ConflictKind(StrEnum):
    VALUE = "value"
    TIME = "time"
    ESTIMATE = "estimate"


@dataclass(slots=True)
class Evidence:
    """What detectors read: the story's members, its event groups and its claims."""

    members: list[Member]
    groups: list[EventGroup]
    stated: list[Stated]
    slots: Slots
    found: list[Conflict]  # what earlier detectors reported, so later ones do not repeat it


Detector = Callable[[Evidence], list[Conflict]]
DETECTORS: list[tuple[ConflictKind, Detector]] = []


def detector(kind: ConflictKind) -> Callable[[Detector], Detector]:
    def register(function: Detector) -> Detector:
        DETECTORS.append((kind, function))
        return function

    return register


@detector(ConflictKind.TIME)
def _event_times(evidence: Evidence) -> list[Conflict]:
    return event_conflicts(evidence.groups)


@detector(ConflictKind.ESTIMATE)
def _estimates(evidence: Evidence) -> list[Conflict]:
    return estimate_conflicts(evidence.members, evidence.found)


@detector(ConflictKind.TIME)
def _claimed_times(evidence: Evidence) -> list[Conflict]:
    told = {(v.value[:10], a) for c in evidence.found for v in c.values for a in v.articles}
    out = []
    for conflict in claim_conflicts(evidence.stated, evidence.slots, "time"):
        pairs = {(v.value[:10], a) for v in conflict.values for a in v.articles}
        if pairs & told:
            continue  # an event frame already tells this dispute
        out.append(conflict)
    return out


@detector(ConflictKind.VALUE)
def _values(evidence: Evidence) -> list[Conflict]:
    return claim_conflicts(evidence.stated, evidence.slots, "value")


@detector(ConflictKind.ESTIMATE)
def _expected_values(evidence: Evidence) -> list[Conflict]:
    told = {(v.value[:10], a) for c in evidence.found for v in c.values for a in v.articles}
    return [
        c for c in claim_conflicts(evidence.stated, evidence.slots, "estimate")
        if not {(v.value[:10], a) for v in c.values for a in v.articles} & told
    ]


def find_conflicts(members: list[Member], groups: list[EventGroup]) -> list[Conflict]:
    """Every registered detector's conflicts, in registry order."""
    stated = stated_claims(members)
    evidence = Evidence(members=members, groups=groups, stated=stated, slots=Slots(stated), found=[])
    for _kind, function in DETECTORS:
        evidence.found.extend(function(evidence))
    return evidence.found
