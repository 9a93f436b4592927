"""TIMEX3 values in words, and no raw TIMEX3 code on any page or export meant for a person."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from warta.api import create_app  # noqa: E402
from warta.export import render  # noqa: E402
from warta.timewords import render_timex, render_value  # noqa: E402

from _fake_store import ARTICLES, STORY_ID, build_database, story  # noqa: E402

RAW_CODE = re.compile(r"T(?:MO|AF|EV|NI|MI)\b")


@pytest.mark.parametrize(
    ("value", "indonesian", "english"),
    [
        ("2024-11-03TNI", "Minggu, 3 November 2024, malam", "Sunday 3 November 2024, night"),
        ("2024-11-03", "Minggu, 3 November 2024", "Sunday 3 November 2024"),
        ("2020-03-14T06:17+07:00", "Sabtu, 14 Maret 2020, pukul 06.17 WIB", "Saturday 14 March 2020, 06:17 WIB"),
        ("2020-03-14T06:17+08:00", "Sabtu, 14 Maret 2020, pukul 06.17 WITA", "Saturday 14 March 2020, 06:17 WITA"),
        ("2023-W41", "pekan ke-41 2023", "week 41 of 2023"),
        ("2023-W41-WE", "akhir pekan ke-41 2023", "weekend of week 41, 2023"),
        ("2026-Q3", "kuartal 3 2026", "Q3 2026"),
        ("2023-H1", "semester 1 2023", "H1 2023"),
        ("2024-11", "November 2024", "November 2024"),
        ("198", "dekade 1980-an", "the 1980s"),
        ("14", "abad ke-15", "15th century"),
        ("P18M", "18 bulan", "18 months"),
        ("PT2H30M", "2 jam dan 30 menit", "2 hours and 30 minutes"),
        ("PXD", "beberapa hari", "some days"),
        ("PRESENT_REF", "saat ini", "the present"),
        ("XXXX-08-17", "17 Agustus", "17 August"),
        ("not a value", "not a value", "not a value"),
    ],
)
def test_values_in_words(value: str, indonesian: str, english: str) -> None:
    assert render_value(value, "id") == indonesian
    assert render_value(value, "en") == english


def test_dini_hari_is_the_small_hours_not_night() -> None:
    assert render_value("2024-11-03TNI", "id", text="Minggu dini hari") == "Minggu, 3 November 2024, dini hari"
    assert render_value("2024-11-03TNI", "en", text="Minggu dini hari") == "Sunday 3 November 2024, small hours"
    assert render_value("2024-11-03TNI", "en", text="Minggu malam") == "Sunday 3 November 2024, night"


def test_modifiers_and_sets_in_words() -> None:
    assert render_value("2024-11", "id", mod="START") == "awal November 2024"
    assert render_value("2024-11", "en", mod="END") == "late November 2024"
    assert render_timex({"type": "SET", "value": "XXXX-WXX-2"}, "en") == "every Tuesday"
    assert render_timex({"type": "SET", "value": "P1W"}, "id") == "setiap 1 pekan"


def _story_with_parts_of_day() -> dict:
    data = story()
    data["timeline"][0]["date"] = "2024-03-03TNI"
    data["timeline"][1]["date"] = "2024-03-04TMO"
    data["conflicts"][0]["values"][0]["value"] = "2024-03-04TMO"
    data["conflicts"][0]["values"][1]["value"] = "2024-03-03TEV"
    return data


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("words") / "words.db"
    store = build_database(path)
    with store.transaction():
        store.save_story(_story_with_parts_of_day())
    store.close()
    with TestClient(create_app(path)) as test_client:
        yield test_client


def test_story_and_article_pages_show_no_raw_timex3_codes(client: TestClient) -> None:
    pages = [f"/stories/{STORY_ID}", *(f"/articles/{a['id']}" for a in ARTICLES)]
    for url in pages:
        response = client.get(url, headers={"accept": "text/html"})
        assert response.status_code == 200
        assert not RAW_CODE.search(response.text), (url, RAW_CODE.findall(response.text))
    story_page = client.get(f"/stories/{STORY_ID}", headers={"accept": "text/html"}).text
    assert "Sunday 3 March 2024, night" in story_page
    assert "Monday 4 March 2024, morning" in story_page
    article_page = client.get(f"/articles/{ARTICLES[0]['id']}", headers={"accept": "text/html"}).text
    assert "morning" in article_page or "night" in article_page
    # JSON keeps the values.
    assert "2024-03-03TNI" in client.get(f"/api/stories/{STORY_ID}").text


def test_exports_for_people_show_no_raw_codes() -> None:
    data = _story_with_parts_of_day()
    markdown = render(data, "markdown")
    assert not RAW_CODE.search(markdown)
    assert "Sunday 3 March 2024, night" in markdown
    timeline = json.loads(render(data, "timelinejs"))
    shown = [event["display_date"] for event in timeline["events"]]
    assert "Sunday 3 March 2024, night" in shown
    assert not any(RAW_CODE.search(json.dumps(event["text"])) for event in timeline["events"])
