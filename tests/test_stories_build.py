"""build_story on hand-made records: merged timeline, conflicts, corroborations, brief."""

from __future__ import annotations

import json

from warta.stories import Story, build_story

from test_stories_helpers import make, with_claims

MINISTER = "Rina Suhendra"
MINISTRY = "Kementerian Luar Negeri"


def _first():
    sentences = [
        "Menteri Luar Negeri Rina Suhendra berangkat dari Jakarta menuju Tokyo pada Minggu pagi.",
        "Pertemuan dengan Perdana Menteri Jepang dijadwalkan berlangsung paling cepat Selasa pekan ini.",
        "Kementerian Luar Negeri mengatakan kedua negara akan menandatangani kesepakatan dagang baru bernilai besar.",
        "Rombongan resmi terdiri dari 40 orang delegasi pemerintah dan pengusaha.",
        "Kerja sama kedua negara dimulai pada Maret 2024 dengan pembicaraan teknis.",
    ]
    return make(
        "a1", sentences, published="2024-03-04", outlet="Harian Satu", title="Rina Suhendra berangkat ke Tokyo",
        url="https://satu.example/rina",
        events=[
            {"sentence": 0, "type": "movement", "participants": [MINISTER], "place": "Jakarta", "time": "2024-03-03",
             "trigger": "berangkat"},
            {"sentence": 1, "type": "meeting", "participants": [MINISTER, "Perdana Menteri Jepang"],
             "time": ("2024-03-05", "ON_OR_AFTER"), "expected": True, "trigger": "Pertemuan"},
            {"sentence": 4, "type": "meeting", "participants": [MINISTER], "time": "2024-03"},
        ],
        attributions=[{"sentence": 2, "source": MINISTRY, "canonical": MINISTRY,
                       "content": "kedua negara akan menandatangani kesepakatan dagang baru bernilai besar"}],
        quantities=[{"sentence": 3, "text": "40 orang", "value": 40, "unit": "orang"}],
        entities=[{"text": "Tokyo", "type": "LOC", "sentence": 0, "lat": 35.6895, "lon": 139.6917},
                  {"text": MINISTER, "type": "PER", "sentence": 0}],
    )


def _second():
    sentences = [
        "Rina Suhendra meninggalkan Jakarta pada Sabtu malam bersama rombongan pejabat.",
        "Pertemuan dengan Perdana Menteri Jepang diperkirakan paling cepat Rabu.",
        "Juru bicara Kementerian Luar Negeri menyatakan kedua negara akan meneken perjanjian dagang baru yang bernilai besar.",
        "Delegasi yang dibawa berjumlah 55 orang delegasi dari berbagai lembaga.",
        "Kunjungan serupa terakhir dilakukan pada tahun 2019 oleh pendahulunya.",
        "Rina tiba di Tokyo pada Senin pagi dan disambut duta besar.",
    ]
    return make(
        "a2", sentences, published="2024-03-05", outlet="Kabar Dua", title="Rina Suhendra tiba di Tokyo",
        events=[
            {"sentence": 0, "type": "movement", "participants": [MINISTER], "place": "Jakarta", "time": "2024-03-02",
             "trigger": "meninggalkan"},
            {"sentence": 1, "type": "meeting", "participants": [MINISTER, "Perdana Menteri Jepang"],
             "time": ("2024-03-06", "ON_OR_AFTER"), "expected": True, "trigger": "Pertemuan"},
            {"sentence": 5, "type": "movement", "participants": [MINISTER], "place": "Tokyo", "time": "2024-03-04",
             "trigger": "tiba"},
        ],
        attributions=[{"sentence": 2, "source": "Juru bicara Kementerian Luar Negeri", "canonical": MINISTRY,
                       "content": "kedua negara akan meneken perjanjian dagang baru yang bernilai besar"}],
        timexes=[{"sentence": 4, "text": "tahun 2019", "value": "2019"}],
        quantities=[{"sentence": 3, "text": "55 orang", "value": 55, "unit": "orang"}],
        entities=[{"text": "Tokyo", "type": "LOC", "sentence": 5, "lat": 35.6895, "lon": 139.6917},
                  {"text": MINISTER, "type": "PER", "sentence": 0}],
    )


def _relay_of_second():
    sentences = [
        "Melansir Kabar Dua, juru bicara Kementerian Luar Negeri menyatakan kedua negara akan meneken perjanjian dagang baru yang bernilai besar.",
        "Rina Suhendra meninggalkan Jakarta pada Sabtu malam.",
    ]
    return make(
        "a3", sentences, published="2024-03-05", outlet="Portal Tiga",
        events=[{"sentence": 1, "type": "movement", "participants": [MINISTER], "place": "Jakarta", "time": "2024-03-02"}],
        attributions=[{"sentence": 0, "source": "juru bicara Kementerian Luar Negeri", "canonical": MINISTRY,
                       "content": "kedua negara akan meneken perjanjian dagang baru yang bernilai besar",
                       "via": ["Kabar Dua"]}],
    )


def _story(*members) -> dict:
    return build_story("story-a1", [with_claims(m) for m in members]).to_dict()


def test_contract_keys_are_exact_and_json_ready():
    story = _story(_first(), _second())
    assert {"id", "title", "summary", "articles", "entities", "timeline", "attributions", "conflicts",
            "corroborations"} <= set(story)
    assert set(story["articles"][0]) >= {"id", "outlet", "title", "published", "url"}
    assert set(story["entities"][0]) >= {"canonical", "type", "mentions", "articles"}
    entry = story["timeline"][0]
    assert set(entry) >= {"date", "precision", "text", "expected", "hedged", "sources"}
    assert set(entry["sources"][0]) >= {"article", "sentence", "attributed_to"}
    assert all("article" in a for a in story["attributions"])
    conflict = story["conflicts"][0]
    assert set(conflict) >= {"about", "values"} and set(conflict["values"][0]) >= {"value", "articles", "attributed_to"}
    assert set(story["corroborations"][0]) >= {"about", "articles"}
    assert json.loads(json.dumps(story)) == story
    assert Story.from_dict(story).to_dict()["id"] == "story-a1"


def test_timeline_is_chronological_with_merged_events_and_background_facts():
    story = _story(_first(), _second())
    dates = [e["date"] for e in story["timeline"]]
    assert dates[0] == "2019"  # dated background fact, no event frame
    assert {"2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05", "2024-03-06", "2024-03"} <= set(dates)
    background = next(e for e in story["timeline"] if e["date"] == "2019")
    assert background["type"] is None and background["precision"] == "year"
    expected = [e for e in story["timeline"] if e["expected"]]
    assert {e["date"] for e in expected} == {"2024-03-05", "2024-03-06"}
    month = next(e for e in story["timeline"] if e["date"] == "2024-03")
    assert month["precision"] == "month"


def test_same_event_from_two_articles_is_one_entry_with_both_sources():
    story = _story(_second(), _relay_of_second())
    departures = [e for e in story["timeline"] if e["date"] == "2024-03-02"]
    assert len(departures) == 1
    assert {s["article"] for s in departures[0]["sources"]} == {"a2", "a3"}


def test_conflicting_departure_days_and_changed_estimate_are_found():
    story = _story(_first(), _second())
    by_kind = {}
    for c in story["conflicts"]:
        by_kind.setdefault(c["kind"], []).append(c)
    (departure,) = by_kind["time"]
    values = {v["value"]: v for v in departure["values"]}
    assert set(values) == {"2024-03-02", "2024-03-03"}
    assert values["2024-03-03"]["articles"] == ["a1"] and values["2024-03-02"]["articles"] == ["a2"]
    assert values["2024-03-02"]["outlets"] == ["Kabar Dua"]
    (estimate,) = by_kind["estimate"]
    values = {v["value"]: v for v in estimate["values"]}
    assert set(values) == {"2024-03-05", "2024-03-06"}
    assert values["2024-03-05"]["reported"] == ["2024-03-04"] and values["2024-03-06"]["reported"] == ["2024-03-05"]
    (quantity,) = by_kind["value"]
    assert [v["value"] for v in quantity["values"]] == ["40 people", "55 people"]
    assert quantity["attribute"] == "delegation" and quantity["label"] == "anggota rombongan"


def test_departure_and_arrival_of_one_trip_are_not_a_conflict():
    # a2 tells both its departure (2 March) and arrival (4 March): two events, not a dispute.
    story = _story(_second())
    assert story["conflicts"] == []


def test_compatible_values_are_not_conflicts():
    first_article, first = _first()
    second_article, second = _second()
    # a month against a day inside it, and a day against its ISO week.
    first.events[0].time.value = "2024-03-02"
    second.events[1].time.value = "2024-W10"
    first.events[1].time.value = "2024-03-06"
    second.quantities[0].value = 40.0
    story = _story((first_article, first), (second_article, second))
    assert story["conflicts"] == []


def test_up_to_quantity_admits_a_smaller_one():
    first_article, first = _first()
    second_article, second = _second()
    second.quantities[0].value = 38.0
    first.quantities[0].mod = "UP_TO"
    story = _story((first_article, first), (second_article, second))
    assert not [c for c in story["conflicts"] if c["kind"] == "value"]


def test_paraphrased_statement_from_independent_outlets_is_corroborated():
    story = _story(_first(), _second())
    statements = [c for c in story["corroborations"] if c["kind"] == "statement"]
    assert len(statements) == 1
    assert statements[0]["articles"] == ["a1", "a2"]
    assert MINISTRY in statements[0]["attributed_to"]


def test_a_relay_is_not_an_independent_source():
    story = _story(_second(), _relay_of_second())
    assert story["corroborations"] == []  # a3 only relays a2: same origin twice
    dup_article, dup = _second()
    dup_article.id = dup.id = "a2-copy"
    dup_article.duplicate_of = "a2"
    dup_article.outlet = "Mirror Site"
    story = _story(_second(), (dup_article, dup))
    assert story["corroborations"] == [] and story["conflicts"] == []
    assert len(story["timeline"]) == len(_story(_second())["timeline"])


def test_brief_has_a_title_and_cited_summary_sentences():
    story = _story(_first(), _second())
    assert story["title"] in {"Rina Suhendra berangkat ke Tokyo", "Rina Suhendra tiba di Tokyo"}
    sentences = story["summary_sentences"]
    assert 3 <= len(sentences) <= 5
    numbers = {a["id"]: n for n, a in enumerate(story["articles"], start=1)}
    texts = {a[0].id: a[1].text for a in (_first(), _second())}
    for s in sentences:
        assert s["text"] in texts[s["article"]]  # extractive, cited to where it comes from
        assert f"{s['text']} [{numbers[s['article']]}]" in story["summary"]
    assert {s["article"] for s in sentences} == {"a1", "a2"}


def test_entities_are_aggregated_with_coordinates():
    story = _story(_first(), _second())
    tokyo = next(e for e in story["entities"] if e["canonical"] == "Tokyo")
    assert tokyo["articles"] == ["a1", "a2"] and tokyo["mentions"] == 2
    assert (tokyo["lat"], tokyo["lon"]) == (35.6895, 139.6917)
