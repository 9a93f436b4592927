"""Event frames of the reference case, end to end through ``warta.analyze.analyze``.

Reads the seeds from /work/shared/seeds (never copied). Skipped only while the time engine
(``extract_timexes``) still finds nothing in the seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.analyze import analyze
from warta.model import Analysis, Event

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
PUBLISHED = {"000": "2023-09-11", "003": "2023-09-12"}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Analysis]:
    if not SEEDS.is_dir():
        pytest.skip("seed articles not available")
    out: dict[str, Analysis] = {}
    for prefix, published in PUBLISHED.items():
        (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
        text = path.read_text(encoding="utf-8")
        out[prefix] = analyze({"id": prefix, "text": text, "published": published, "language": "id"})
    if not any(a.timexes for a in out.values()):
        pytest.skip("extract_timexes finds nothing yet")
    return out


def _events(analysis: Analysis, trigger: str, event_type: str) -> list[Event]:
    return [e for e in analysis.events if e.trigger.text.lower() == trigger and e.type == event_type]


def _source(analysis: Analysis, event: Event) -> str | None:
    assert event.attribution is not None
    return analysis.attributions[event.attribution].source.canonical


def test_departure_in_000_is_hedged_and_dated(seeds: dict[str, Analysis]) -> None:
    (departure,) = _events(seeds["000"], "berangkat", "movement")
    assert departure.hedged and not departure.expected
    assert departure.time is not None and departure.time.value == "2023-09-11"
    assert departure.place is not None and "Pyongyang" in departure.place


def test_departure_in_003_is_attributed_to_kcna(seeds: dict[str, Analysis]) -> None:
    (leaving,) = _events(seeds["003"], "meninggalkan", "movement")
    assert _source(seeds["003"], leaving) == "KCNA"
    assert leaving.time is not None and leaving.time.value.startswith("2023-09-10")
    assert not leaving.hedged


def test_entry_into_russia_is_attributed_to_the_ministry(seeds: dict[str, Analysis]) -> None:
    entries = [e for e in _events(seeds["003"], "memasuki", "movement") if e.attribution is not None]
    (entry,) = entries
    assert _source(seeds["003"], entry) == "Kementerian Pertahanan Korea Selatan"
    assert entry.time is not None and entry.time.value.startswith("2023-09-12")


def test_meeting_next_tuesday_is_expected_and_hedged(seeds: dict[str, Analysis]) -> None:
    dated = [
        e for e in _events(seeds["000"], "pertemuan", "meeting") if e.time and e.time.mod == "ON_OR_AFTER"
    ]
    (meeting,) = dated
    assert meeting.expected and meeting.hedged
    assert meeting.time is not None and meeting.time.value.startswith("2023-09-12")


def test_meeting_on_wednesday_is_expected(seeds: dict[str, Analysis]) -> None:
    dated = [
        e
        for e in _events(seeds["003"], "bertemu", "meeting")
        if e.time and e.time.value.startswith("2023-09-13")
    ]
    (meeting,) = dated
    assert meeting.expected and not meeting.hedged
    assert {"Vladimir Putin", "Kim Jong Un"} <= set(meeting.participants)


def test_every_event_points_at_a_real_sentence_and_attribution(seeds: dict[str, Analysis]) -> None:
    for analysis in seeds.values():
        for event in analysis.events:
            sentence = analysis.sentences[event.sentence]
            assert sentence.start <= event.trigger.start < sentence.end
            if event.attribution is not None:
                content = analysis.attributions[event.attribution].content
                assert content.start <= event.trigger.start < content.end
