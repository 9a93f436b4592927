"""Time in running text: the narrated day, reported speech, time zones, durations.

The articles here are written for these tests."""

from __future__ import annotations

from warta.analyze.time import extract_timexes
from warta.model import Timex
from warta.stories.timevalues import interval, precision

ARTICLE = (
    "JAKARTA, KOMPAS.com - Banjir bandang menerjang Desa Sukamaju pada Minggu (3/11/2024) pagi. "
    "Air mulai naik pukul 05.40 WIB dan warga mengungsi ke masjid. "
    "Sejam kemudian jembatan desa putus. "
    "Hari itu juga tim SAR tiba dari kota. "
    "Sabtu malam itu hujan deras sudah turun tanpa henti. "
    "Keesokan harinya bantuan logistik mulai datang."
)


def found(text: str, dct: str = "2024-11-04") -> dict[str, tuple[str, str, str | None]]:
    return {t.text: (t.type, t.value, t.anchor) for t in extract_timexes(text, dct)}


def test_bare_clock_times_take_the_narrated_day() -> None:
    times = found(ARTICLE)
    assert times["Minggu (3/11/2024) pagi"] == ("TIME", "2024-11-03TMO", None)
    assert times["pukul 05.40 WIB"] == ("TIME", "2024-11-03T05:40+07:00", "narrated")
    # Counted from a zoned clock time, it keeps that clock time's zone.
    assert times["Sejam kemudian"] == ("TIME", "2024-11-03T06:40+07:00", "narrated")
    assert times["Hari itu"][:2] == ("DATE", "2024-11-03")
    # "Sabtu malam itu" is the Saturday before that Sunday, not a Saturday to come.
    assert times["Sabtu malam itu"][:2] == ("TIME", "2024-11-02TNI")
    assert times["Keesokan harinya"][:2] == ("DATE", "2024-11-03")


def test_kemarin_moves_the_narration() -> None:
    text = "Kebakaran melanda pasar kemarin. Api baru padam pukul 23.10 WIB. Malam itu pedagang berjaga."
    times = found(text)
    assert times["pukul 23.10 WIB"] == ("TIME", "2024-11-03T23:10+07:00", "narrated")
    assert times["Malam itu"][:2] == ("TIME", "2024-11-03TNI")


def test_a_clock_time_with_no_day_in_reach_is_the_publication_day_with_low_confidence() -> None:
    assert found("Gempa terasa pukul 06.17 WIB.") == {"pukul 06.17 WIB": ("TIME", "2024-11-04T06:17+07:00", "dct")}


def test_that_time_without_a_day_told_before_is_no_expression() -> None:
    assert found("Malam itu sunyi. Hari itu berlalu.") == {}


def test_pada_saat_yang_sama_is_the_last_clock_time() -> None:
    text = "Pada Selasa (5/11/2024) pukul 10.00 WIB sirene berbunyi. Pada saat yang sama warga berlari."
    times = found(text, "2024-11-06")
    assert times["saat yang sama"][:2] == ("TIME", "2024-11-05T10:00+07:00")


def test_quoted_kemarin_is_the_day_before_the_speaker_spoke() -> None:
    text = "\"Kami sudah mengirim tim kemarin,\" kata Kepala BPBD Ani Lestari, Senin (15/3/2021). Jalan ditutup pukul 08.00."
    times = found(text, "2021-03-16")
    assert times["kemarin"] == ("DATE", "2021-03-14", "speech")
    assert times["Senin (15/3/2021)"][1] == "2021-03-15"
    # Neither the speaker's day nor the quote moves the narration: no day was told.
    assert times["pukul 08.00"] == ("TIME", "2021-03-16T08:00", "dct")


def test_unquoted_kemarin_stays_on_the_publication_date() -> None:
    assert found("Polisi menangkap dua pelaku kemarin.", "2021-03-16")["kemarin"][1] == "2021-03-15"


def test_time_zones_keep_their_offset() -> None:
    times = found(
        "Pesawat lepas landas pukul 09.15 WITA dan mendarat pukul 11.30 WIT. "
        "Rapat daring dimulai pukul 02.00 UTC, lalu pukul 20.00 GMT+7."
    )
    assert times["pukul 09.15 WITA"][1] == "2024-11-04T09:15+08:00"
    assert times["pukul 11.30 WIT"][1] == "2024-11-04T11:30+09:00"
    assert times["pukul 02.00 UTC"][1] == "2024-11-04T02:00+00:00"
    assert times["pukul 20.00 GMT+7"][1] == "2024-11-04T20:00+07:00"


def test_local_time_takes_the_zone_of_the_nearest_place_or_the_dateline() -> None:
    times = found("JAYAPURA, KOMPAS.com - Gempa terjadi pukul 14.30 waktu setempat.")
    assert times["pukul 14.30 waktu setempat"][1] == "2024-11-04T14:30+09:00"
    times = found("Kapal bersandar di Makassar pukul 09.00 waktu setempat.")
    assert times["pukul 09.00 waktu setempat"][1] == "2024-11-04T09:00+08:00"
    times = found("Kapal bersandar di pelabuhan pukul 09.00 waktu setempat.")
    assert times["pukul 09.00 waktu setempat"][1] == "2024-11-04T09:00"  # no place known: no offset


def test_values_with_an_offset_still_name_their_day() -> None:
    assert interval("2020-03-14T06:17+07:00") == interval("2020-03-14")
    assert precision("2020-03-14T06:17+07:00") == "time"


def test_anchor_survives_the_json_round_trip() -> None:
    timex = Timex("pukul 06.17", 0, 11, "TIME", "2024-11-04T06:17", None, "dct")
    assert Timex.from_json(timex.to_json()) == timex
    assert Timex.from_dict({"text": "x", "start": 0, "end": 1, "type": "DATE", "value": "2024"}).anchor is None


def test_halves_are_read_and_finishing_times_and_ages_are_no_durations() -> None:
    times = found(
        "Ia finis dengan catatan waktu 1 jam 32 menit 10 detik. Pendakian memakan waktu dua setengah jam. "
        "Proyek itu berjalan satu setengah tahun. Pelari berusia 24 tahun itu menunggu setengah hari."
    )
    # A result and an age measure something; TIMEX3 annotates how long events last.
    assert "1 jam 32 menit 10 detik" not in times and "24 tahun" not in times
    assert times["dua setengah jam"][:2] == ("DURATION", "PT2H30M")
    assert times["satu setengah tahun"][:2] == ("DURATION", "P18M")
    assert times["setengah hari"][:2] == ("DURATION", "PT12H")
    english = found("The climb took two and a half hours.")
    assert english["two and a half hours"][:2] == ("DURATION", "PT2H30M")


def test_an_hour_later_with_no_clock_time_told_is_an_amount() -> None:
    assert found("Dua jam kemudian hujan reda.")["Dua jam kemudian"][:2] == ("DURATION", "PT2H")


def test_a_range_of_clock_times_shares_its_zone() -> None:
    times = found("Jalan ditutup pukul 06.00 hingga pukul 09.30 WIB.")
    assert times["pukul 06.00"][1] == "2024-11-04T06:00+07:00"
    assert times["pukul 09.30 WIB"][1] == "2024-11-04T09:30+07:00"


def test_zones_named_by_place_and_daylight_saving() -> None:
    times = found(
        "Pertemuan berlangsung hingga pukul 18.30 waktu Tokyo. The session began at 2 p.m. Jakarta time "
        "(3 p.m. in Singapore). The outage began at 12:33 p.m. local time in Madrid.",
        "2025-04-28",
    )
    assert times["pukul 18.30 waktu Tokyo"][1] == "2025-04-28T18:30+09:00"
    assert times["2 p.m. Jakarta time"][1] == "2025-04-28T14:00+07:00"
    assert times["3 p.m."][1] == "2025-04-28T15:00+08:00"
    assert times["12:33 p.m. local time"][1] == "2025-04-28T12:33+02:00"  # summer time in Madrid
    winter = found("The outage began at 12:33 p.m. local time in Madrid.", "2025-01-20")
    assert winter["12:33 p.m. local time"][1] == "2025-01-20T12:33+01:00"


def test_counted_times_and_quoted_deixis_follow_the_narrated_day() -> None:
    text = (
        "Kebakaran melanda pasar pada Minggu (13/8/2023) malam hingga Senin (14/8/2023) pagi. "
        "Api terlihat sekitar pukul 23.45 WITA. Petugas tiba sekitar 15 menit kemudian. "
        "Api baru padam pukul 07.30 WITA. \"Kemarin sore masih ramai,\" ujar seorang pedagang."
    )
    times = found(text, "2023-08-15")
    assert times["sekitar pukul 23.45 WITA"][1] == "2023-08-13T23:45+08:00"
    assert times["sekitar 15 menit kemudian"][1] == "2023-08-14T00:00+08:00"
    assert times["pukul 07.30 WITA"][1] == "2023-08-14T07:30+08:00"
    assert times["Kemarin sore"][1:] == ("2023-08-13TAF", "narrated")


def test_a_weekday_after_a_speaker_is_a_past_day_and_does_not_move_the_story() -> None:
    text = (
        "Kereta anjlok di Banyumas, Sabtu (11/5/2024) dini hari. Kereta berangkat pukul 02.10. "
        "\"Saat itu kecepatan kereta sekitar 60 kilometer per jam,\" kata Rina, Minggu (12/5/2024). "
        "Sekitar pukul 05.00, penumpang sudah dipindahkan. \"Kami tambah petugas,\" ujar Sutrisno, Senin malam."
    )
    times = found(text, "2024-05-13")  # a Monday: "Senin malam" said by a speaker is today's night
    assert times["Sekitar pukul 05.00"][1] == "2024-05-11T05:00"
    assert times["Senin malam"][1] == "2024-05-13TNI"
    later = found(text.replace("Senin malam", "Minggu siang"), "2024-05-13")
    assert later["Minggu siang"][1] == "2024-05-12TMI"
