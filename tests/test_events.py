"""Event frames from hand-made entities and time expressions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.analyze.attributions import extract_attributions
from warta.analyze.events import extract_events, load_event_triggers
from warta.analyze.sentences import split_sentences
from warta.model import Entity, Event, Timex


def _entity(text: str, phrase: str, kind: str, canonical: str | None = None, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Entity(phrase, start, start + len(phrase), kind, canonical or phrase)


def _timex(text: str, phrase: str, value: str, mod: str | None = None, kind: str = "DATE") -> Timex:
    start = text.index(phrase)
    return Timex(phrase, start, start + len(phrase), kind, value, mod)


def _events(text: str, entities: list[Entity], timexes: list[Timex]) -> tuple[list[Event], list]:
    sentences = split_sentences(text)
    attributions = extract_attributions(text, sentences=sentences, entities=entities)
    events = extract_events(
        text, sentences=sentences, entities=entities, timexes=timexes, attributions=attributions
    )
    return events, attributions


def _one(events: list[Event], trigger: str) -> Event:
    (event,) = [e for e in events if e.trigger.text == trigger]
    return event


TRIP = (
    "Perdana Menteri Jepang Fumio Kishida tiba di Jakarta pada Senin (9/1/2023) malam. "
    "Menurut kantor berita Kyodo, Kishida meninggalkan Tokyo pada Minggu, 8 Januari 2023. "
    "Kishida dijadwalkan bertemu Presiden Joko Widodo di Istana Bogor paling cepat Selasa. "
    "Pertemuan itu kemungkinan membahas kerja sama energi."
)


def _trip() -> tuple[list[Event], list]:
    t = TRIP
    entities = [
        _entity(t, "Jepang", "LOC"),
        _entity(t, "Fumio Kishida", "PER"),
        _entity(t, "Jakarta", "LOC"),
        _entity(t, "Kyodo", "ORG"),
        _entity(t, "Kishida", "PER", "Fumio Kishida", nth=1),
        _entity(t, "Tokyo", "LOC"),
        _entity(t, "Kishida", "PER", "Fumio Kishida", nth=2),
        _entity(t, "Joko Widodo", "PER"),
        _entity(t, "Istana Bogor", "LOC"),
    ]
    timexes = [
        _timex(t, "Senin (9/1/2023) malam", "2023-01-09TNI"),
        _timex(t, "Minggu, 8 Januari 2023", "2023-01-08"),
        _timex(t, "paling cepat Selasa", "2023-01-10", "ON_OR_AFTER"),
    ]
    return _events(t, entities, timexes)


def test_arrival_has_place_time_and_participant() -> None:
    events, _ = _trip()
    arrival = _one(events, "tiba")
    assert arrival.type == "movement"
    assert arrival.place == "Jakarta"
    assert arrival.time is not None and arrival.time.value == "2023-01-09TNI"
    assert "Fumio Kishida" in arrival.participants
    assert "Jakarta" not in arrival.participants
    assert not arrival.expected and not arrival.hedged and arrival.attribution is None
    assert arrival.sentence == 0


def test_attributed_departure_points_at_its_attribution() -> None:
    events, attributions = _trip()
    departure = _one(events, "meninggalkan")
    assert departure.place == "Tokyo"
    assert departure.time is not None and departure.time.value == "2023-01-08"
    assert departure.attribution is not None
    assert attributions[departure.attribution].source.canonical == "Kyodo"
    assert departure.participants == ["Fumio Kishida"]  # the agency named outside is no participant


def test_scheduled_meeting_is_expected() -> None:
    events, _ = _trip()
    meeting = _one(events, "bertemu")
    assert meeting.type == "meeting"
    assert meeting.expected and not meeting.hedged
    assert meeting.time is not None and meeting.time.mod == "ON_OR_AFTER"
    assert meeting.place == "Istana Bogor"
    assert set(meeting.participants) == {"Fumio Kishida", "Joko Widodo"}


def test_hedged_meeting_noun() -> None:
    events, _ = _trip()
    talk = _one(events, "Pertemuan")
    assert talk.hedged and talk.sentence == 3


def test_diperkirakan_akan_is_expectation_not_doubt() -> None:
    text = "Kedua menteri diperkirakan akan bertemu di Kairo pekan depan."
    events, _ = _events(text, [_entity(text, "Kairo", "LOC")], [])
    meeting = _one(events, "bertemu")
    assert meeting.expected and not meeting.hedged and meeting.place == "Kairo"


def test_modal_bisa_is_both_hedged_and_expected() -> None:
    text = "KTT itu bisa berlangsung paling cepat Kamis."
    timex = _timex(text, "paling cepat Kamis", "2023-05-11", "ON_OR_AFTER")
    event = _one(_events(text, [], [timex])[0], "KTT")
    assert event.type == "meeting" and event.hedged and event.expected


def test_timex_nearer_another_trigger_belongs_to_it() -> None:
    text = "Rombongan telah memasuki Kamboja untuk pertemuan mendatang."
    timex = _timex(text, "mendatang", "FUTURE_REF")
    events, _ = _events(text, [_entity(text, "Kamboja", "LOC")], [timex])
    entering, meeting = _one(events, "memasuki"), _one(events, "pertemuan")
    assert entering.time is None and not entering.expected and entering.place == "Kamboja"
    assert meeting.expected and meeting.time is not None


def test_time_comes_from_the_triggers_clause() -> None:
    text = "Gempa mengguncang Palu pada Jumat, 28 September 2018, setelah hujan deras sejak 26 September."
    timexes = [
        _timex(text, "Jumat, 28 September 2018", "2018-09-28"),
        _timex(text, "26 September", "2018-09-26"),
    ]
    quake = _one(_events(text, [], timexes)[0], "Gempa")
    assert quake.type == "disaster" and quake.time is not None and quake.time.value == "2018-09-28"


def test_conditional_marks_hedged() -> None:
    text = "Korea Selatan akan menjatuhkan sanksi jika uji coba nuklir dilakukan."
    events, _ = _events(text, [], [])
    assert _one(events, "uji coba").hedged


def test_fallback_place_without_entities() -> None:
    text = "Rombongan presiden berangkat dari Surabaya menuju Makassar pagi ini."
    event = _one(_events(text, [], [])[0], "berangkat")
    assert event.place == "Surabaya"


def test_event_types_from_the_tables() -> None:
    text = (
        "Polisi menangkap tiga tersangka. Banjir merendam 200 rumah. "
        "Bank sentral menaikkan suku bunga. Wali kota meresmikan pasar baru. "
        "Rudal itu diluncurkan setelah KPU menggelar pemungutan suara."
    )
    types = {e.trigger.text.lower(): e.type for e in _events(text, [], [])[0]}
    assert types["menangkap"] == "arrest"
    assert types["banjir"] == "disaster"
    assert types["suku bunga"] == "economy"
    assert types["meresmikan"] == "opening"
    assert types["pemungutan suara"] == "election"
    assert set(load_event_triggers()["triggers"]) >= {"movement", "meeting", "visit", "casualty", "attack"}


def test_news_statement_without_other_event_is_a_statement_event() -> None:
    text = "Kementerian Keuangan mengumumkan bahwa defisit anggaran tahun ini 2,3 persen."
    events, attributions = _events(text, [], [])
    (statement,) = events
    assert statement.type == "statement" and statement.attribution == 0
    assert statement.participants == [attributions[0].source.canonical]


def test_trigger_spans_point_into_the_text() -> None:
    events, _ = _trip()
    for event in events:
        assert TRIP[event.trigger.start : event.trigger.end] == event.trigger.text
    assert [e.trigger.start for e in events] == sorted(e.trigger.start for e in events)


_WORDS = st.sampled_from(
    "Kim bertemu tiba di ke dari Jakarta akan mungkin jika , . bisa berlangsung pertemuan kata Budi "
    "mengatakan bahwa gempa KTT kunjungannya paling cepat diperkirakan".split()
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=25))
def test_any_text_gives_frames_inside_their_sentences(words: list[str]) -> None:
    text = " ".join(words)
    events, attributions = _events(text, [], [])
    sentences = split_sentences(text)
    for event in events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        sentence = sentences[event.sentence]
        assert sentence.start <= event.trigger.start < sentence.end
        assert event.attribution is None or 0 <= event.attribution < len(attributions)


def test_english_frames() -> None:
    text = "The president arrived in Nairobi on Monday. He is expected to meet opposition leaders on Friday."
    entities = [_entity(text, "Nairobi", "LOC")]
    timexes = [_timex(text, "Monday", "2024-03-04"), _timex(text, "Friday", "2024-03-08")]
    events, _ = _events(text, entities, timexes)
    arrival, meeting = _one(events, "arrived"), _one(events, "meet")
    assert arrival.type == "movement" and arrival.place == "Nairobi" and not arrival.expected
    assert arrival.time is not None and arrival.time.value == "2024-03-04"
    assert meeting.type == "meeting" and meeting.expected and not meeting.hedged
    assert meeting.time is not None and meeting.time.value == "2024-03-08" and meeting.sentence == 1
