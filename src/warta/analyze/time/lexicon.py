"""Language data for time expressions, as tables: months, weekdays, units, parts of day, cues.

Every word here is lower case; patterns match case-insensitively and the rules look at the
original case only where it matters ("Minggu" the day vs "minggu" the week).
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    # Indonesian, with the spellings and abbreviations news portals use.
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
    "desember": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12,
}
# Abbreviations are accepted only next to a day number ("12 Sept 2023", "Agu 17").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "agst": 8, "ags": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11,
    "des": 12, "dec": 12,
}

# ISO weekday numbers (Monday = 1).
WEEKDAYS: dict[str, int] = {
    "senin": 1, "selasa": 2, "rabu": 3, "kamis": 4, "jumat": 5, "jum'at": 5, "jum’at": 5,
    "sabtu": 6, "minggu": 7, "ahad": 7,
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}

# Calendar units: the letter TIMEX3 uses in a duration, and whether it is a clock unit (PT...).
UNITS: dict[str, tuple[str, bool]] = {
    "detik": ("S", True), "menit": ("M", True), "jam": ("H", True),
    "hari": ("D", False), "minggu": ("W", False), "pekan": ("W", False),
    "bulan": ("M", False), "tahun": ("Y", False), "dekade": ("DE", False),
    "dasawarsa": ("DE", False), "abad": ("CE", False),
    "second": ("S", True), "seconds": ("S", True), "minute": ("M", True), "minutes": ("M", True),
    "hour": ("H", True), "hours": ("H", True), "day": ("D", False), "days": ("D", False),
    "week": ("W", False), "weeks": ("W", False), "month": ("M", False), "months": ("M", False),
    "year": ("Y", False), "years": ("Y", False), "decade": ("DE", False), "decades": ("DE", False),
    "century": ("CE", False), "centuries": ("CE", False),
}
# One-word "one unit" forms: "sepekan" = a week.
SE_UNITS: dict[str, str] = {
    "sedetik": "S", "semenit": "M", "sejam": "H", "sehari": "D", "seminggu": "W",
    "sepekan": "W", "sebulan": "M", "setahun": "Y", "sedekade": "DE", "seabad": "CE",
}
# Reduplicated "for units on end": "bertahun-tahun" = some years.
PLURAL_UNITS: dict[str, str] = {
    "berjam-jam": "H", "berhari-hari": "D", "berminggu-minggu": "W", "berpekan-pekan": "W",
    "berbulan-bulan": "M", "bertahun-tahun": "Y", "berabad-abad": "CE", "berdekade-dekade": "DE",
}

# Parts of day (TIMEX3 codes). "dini hari" (small hours, ~00-04) is night: TNI.
PARTS_OF_DAY: dict[str, str] = {
    "pagi": "MO", "siang": "MI", "tengah hari": "MI", "sore": "AF", "petang": "EV",
    "malam": "NI", "dini hari": "NI", "subuh": "MO",
    "morning": "MO", "noon": "MI", "midday": "MI", "afternoon": "AF", "evening": "EV",
    "night": "NI",
}

# Modifiers written before an expression. Order matters only for the regex (longest first).
PREFIX_MODIFIERS: dict[str, str] = {
    "awal": "START", "permulaan": "START", "pertengahan": "MID", "medio": "MID", "akhir": "END",
    "penghujung": "END", "sekitar": "APPROX", "kira-kira": "APPROX", "lebih dari": "MORE_THAN",
    "lebih dari dari": "MORE_THAN", "lebih kurang": "APPROX", "kurang dari": "LESS_THAN",
    "hampir": "LESS_THAN", "paling cepat": "ON_OR_AFTER", "paling lambat": "ON_OR_BEFORE",
    "selambat-lambatnya": "ON_OR_BEFORE", "secepat-cepatnya": "ON_OR_AFTER",
    "setidaknya": "EQUAL_OR_MORE", "sedikitnya": "EQUAL_OR_MORE", "paling sedikit": "EQUAL_OR_MORE",
    "kurang lebih": "APPROX", "as soon as": "ON_OR_AFTER",
    "early": "START", "mid": "MID", "mid-": "MID", "middle of": "MID", "late": "END", "end of": "END",
    "about": "APPROX", "around": "APPROX",
    "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX", "more than": "MORE_THAN",
    "well over": "MORE_THAN", "just over": "MORE_THAN", "a little over": "MORE_THAN",
    "a little more than": "MORE_THAN", "just under": "LESS_THAN", "well under": "LESS_THAN",
    "tidak sampai": "LESS_THAN", "tak sampai": "LESS_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "at least": "EQUAL_OR_MORE", "no later than": "ON_OR_BEFORE",
    "no earlier than": "ON_OR_AFTER", "beginning of": "START", "start of": "START",
}
# Modifiers that only make sense on a point in time, and those only on an amount of time.
POINT_ONLY_MODIFIERS = frozenset({"START", "MID", "END", "ON_OR_AFTER", "ON_OR_BEFORE"})
AMOUNT_ONLY_MODIFIERS = frozenset({"MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE"})
# English words that are modifiers only before an amount ("over two years", "some days").
AMOUNT_ONLY_WORDS = frozenset({"over", "under", "some"})
SUFFIX_MODIFIERS: dict[str, str] = {
    "at the earliest": "ON_OR_AFTER", "at the latest": "ON_OR_BEFORE", "or more": "MORE_THAN",
    "lebih": "MORE_THAN",
}

TIMEZONES: tuple[str, ...] = (
    "WIB", "WITA", "WIT", "GMT", "UTC", "waktu setempat", "waktu lokal", "local time", "ET",
    "EST", "EDT", "PST", "PDT", "KST", "JST", "CET", "CEST", "BST", "IST",
)

# Tense cues in the sentence around a bare weekday, month or date.
FUTURE_CUES: tuple[str, ...] = (
    "akan", "mendatang", "depan", "nanti", "rencananya", "berencana", "direncanakan",
    "dijadwalkan", "diperkirakan akan", "bakal", "hendak", "diharapkan", "paling cepat",
    "yang akan datang", "segera", "menjelang", "will", "shall", "is expected to",
    "are expected to", "scheduled", "plans to", "plan to", "is set to", "are set to",
    "upcoming", "next", "at the earliest", "going to", "as soon as", "paling lambat",
    "selambat-lambatnya", "no later than", "besok", "tomorrow", "would", "could",
)
PAST_CUES: tuple[str, ...] = (
    "lalu", "kemarin", "telah", "sudah", "tadi", "sempat", "pernah", "silam", "sebelumnya",
    "was", "were", "had", "did", "said", "ago", "last", "earlier", "yesterday",
)
# English past-tense verbs: weaker cues than the words above, because "will be held" has one
# too. Regular ones (-ed) are caught by a pattern.
PAST_VERBS: tuple[str, ...] = (
    "struck", "hit", "left", "came", "went", "took", "made", "told", "began", "rose", "fell",
    "met", "won", "lost", "held", "sent", "saw", "found", "gave", "got", "ran", "brought",
    "broke", "built", "spoke", "wrote", "flew", "drove", "became", "kept", "led", "paid",
    "sold", "shot", "stood", "caught", "fought", "felt", "arrived", "crossed",
)

# Ordinal words for quarters and halves ("kuartal ketiga", "the third quarter").
ORDINALS: dict[str, int] = {
    "pertama": 1, "kesatu": 1, "kedua": 2, "ketiga": 3, "keempat": 4,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

# Deictic expressions: the word, and the kind of TIMEX3 reference it makes.
PRESENT_REFS: tuple[str, ...] = (
    "saat ini", "sekarang", "kini", "dewasa ini", "masa kini", "now", "currently", "at present",
    "nowadays", "these days", "right now",
)
PAST_REFS: tuple[str, ...] = (
    "dulu", "dahulu", "dahulu kala", "beberapa waktu lalu", "beberapa waktu yang lalu",
    "baru-baru ini", "masa lalu", "recently", "in the past", "some time ago", "formerly",
    "the past",
)
FUTURE_REFS: tuple[str, ...] = (
    "masa depan", "masa mendatang", "kelak", "ke depan", "mendatang", "in the future",
    "the future", "soon", "waktu dekat", "beberapa hari mendatang", "beberapa hari ke depan",
    "beberapa waktu ke depan", "beberapa waktu mendatang", "hari-hari mendatang", "coming days",
    "coming weeks", "coming months", "coming years", "days to come", "weeks to come",
)
