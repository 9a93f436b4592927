"""A small, fully controlled reading-room database for the API/web tests.

It uses the real :class:`warta.store.Store` (articles, FTS5 search, analyses) but writes
the analyses and the story itself by hand, so that page tests check rendering against
known annotations and a known story, independent of how good the analysers and the
clustering are today. The text is invented for these tests.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from warta.model import Analysis, Attribution, Entity, Sentence, Source, Span, Timex
from warta.pipeline import ingest_dicts
from warta.store import Store

STORY_ID = "s-ferry-test"

ARTICLES: list[dict[str, Any]] = [
    {
        "id": "ferry-1",
        "url": "https://kabar-pelabuhan.example/2024/03/04/feri-berangkat",
        "outlet": "KabarPelabuhan",
        "title": "Feri Bahari Jaya berangkat dari Merak",
        "published": "2024-03-04T09:00:00+07:00",
        "language": "id",
        "text": (
            "Kapal feri Bahari Jaya berangkat dari Merak pada Senin pagi menuju Bakauheni. "
            "Menurut Harian Selat, kepala syahbandar Rudi Hartono mengatakan kapal membawa 310 penumpang. "
            "Kapal dijadwalkan tiba di Bakauheni pada Selasa."
        ),
    },
    {
        "id": "ferry-2",
        "url": "https://warta-laut.example/feri-bahari-jaya",
        "outlet": "WartaLaut",
        "title": "Bahari Jaya bertolak Minggu malam",
        "published": "2024-03-05T07:30:00+07:00",
        "language": "id",
        "text": (
            "Feri Bahari Jaya dikabarkan bertolak dari Merak pada Minggu malam. "
            "Operator pelabuhan Siti Aminah menyebut ada 290 penumpang di kapal itu."
        ),
    },
]


def _find(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    at = text.index(needle, start)
    return at, at + len(needle)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
            out.append(Sentence(start, i + 1))
            start = i + 2
    return out


def _analysis(article: dict[str, Any]) -> Analysis:
    text = article["text"]
    entities = []
    for needle, kind, canonical, lat, lon in [
        ("Merak", "LOC", "Merak", -5.93, 105.99),
        ("Bakauheni", "LOC", "Bakauheni", -5.87, 105.75),
        ("Rudi Hartono", "PER", "Rudi Hartono", None, None),
        ("Siti Aminah", "PER", "Siti Aminah", None, None),
    ]:
        if needle in text:
            s, e = _find(text, needle)
            entities.append(Entity(needle, s, e, kind, canonical, lat, lon))
    timexes = []
    for needle, value in [("Senin pagi", "2024-03-04TMO"), ("Minggu malam", "2024-03-03TNI"), ("Selasa", "2024-03-05")]:
        if needle in text:
            s, e = _find(text, needle)
            timexes.append(Timex(needle, s, e, "TIME" if "T" in value else "DATE", value))
    attributions = []
    for who, cue, content, via in [
        ("kepala syahbandar Rudi Hartono", "mengatakan", "kapal membawa 310 penumpang", ["Harian Selat"]),
        ("Operator pelabuhan Siti Aminah", "menyebut", "ada 290 penumpang di kapal itu", []),
    ]:
        if who in text:
            ws, we = _find(text, who)
            cs, ce = _find(text, cue, we)
            ts, te = _find(text, content, ce)
            attributions.append(
                Attribution(Source(who, ws, we, who.split()[-2] + " " + who.split()[-1]),
                            Span(cue, cs, ce), Span(content, ts, te), direct=False, via=via)
            )
    return Analysis(article["id"], article["published"], "id", text, _sentences(text), timexes, entities,
                    [], attributions, [])


def _sentence(article: dict[str, Any], index: int) -> str:
    span = _sentences(article["text"])[index]
    return article["text"][span.start : span.end]


def story() -> dict[str, Any]:
    """A story over the two articles, in the issue-6 contract shape."""
    a1, a2 = ARTICLES
    return {
        "id": STORY_ID,
        "title": "Feri Bahari Jaya menyeberang ke Bakauheni",
        "summary": "Feri Bahari Jaya berangkat dari Merak menuju Bakauheni [1]; jumlah penumpang berbeda [ferry-2].",
        "articles": [{k: a[k] for k in ("id", "outlet", "title", "published", "url")} for a in ARTICLES],
        "entities": [
            {"canonical": "Merak", "type": "LOC", "mentions": 2, "articles": [a1["id"], a2["id"]], "lat": -5.93, "lon": 105.99},
            {"canonical": "Bakauheni", "type": "LOC", "mentions": 2, "articles": [a1["id"]], "lat": -5.87, "lon": 105.75},
            {"canonical": "Rudi Hartono", "type": "PER", "mentions": 1, "articles": [a1["id"]]},
        ],
        "timeline": [
            {"date": "2024-03-03", "precision": "day", "text": "Feri bertolak dari Merak (Minggu malam)",
             "expected": False, "hedged": True, "sources": [{"article": a2["id"], "sentence": _sentence(a2, 0), "attributed_to": None,
                          "outlet": a2["outlet"], "reported": a2["published"]}]},
            {"date": "2024-03-04", "precision": "day", "text": "Feri berangkat dari Merak (Senin pagi)",
             "expected": False, "hedged": False, "sources": [{"article": a1["id"], "sentence": _sentence(a1, 0), "attributed_to": None,
                          "outlet": a1["outlet"], "reported": a1["published"]}]},
            {"date": "2024-03-05", "precision": "day", "text": "Feri dijadwalkan tiba di Bakauheni",
             "expected": True, "hedged": False, "sources": [{"article": a1["id"], "sentence": _sentence(a1, 2), "attributed_to": None,
                          "outlet": a1["outlet"], "reported": a1["published"]}]},
        ],
        "attributions": [
            {**att.to_dict(), "article": art["id"]}
            for art in ARTICLES for att in _analysis(art).attributions
        ],
        "conflicts": [
            {"about": "departure", "kind": "time", "values": [
                {"value": "2024-03-04", "articles": [a1["id"]], "outlets": [a1["outlet"]], "attributed_to": [],
                 "sentences": [_sentence(a1, 0)]},
                {"value": "2024-03-03", "articles": [a2["id"]], "outlets": [a2["outlet"]],
                 "attributed_to": ["Siti Aminah"], "sentences": [_sentence(a2, 0)]},
            ]},
            {"about": "passengers", "kind": "quantity", "values": [
                {"value": "310", "articles": [a1["id"]], "outlets": [a1["outlet"]], "attributed_to": ["Rudi Hartono"],
                 "sentences": [_sentence(a1, 1)]},
                {"value": "290", "articles": [a2["id"]], "outlets": [a2["outlet"]], "attributed_to": ["Siti Aminah"],
                 "sentences": [_sentence(a2, 1)]},
            ]},
        ],
        "corroborations": [{"about": "destination: Bakauheni", "articles": [a1["id"], a2["id"]],
                            "outlets": [a1["outlet"], a2["outlet"]], "attributed_to": [], "kind": "event"}],
        "summary_sentences": [
            {"text": "Feri Bahari Jaya berangkat dari Merak menuju Bakauheni.", "article": a1["id"], "n": 1},
            {"text": "Jumlah penumpang yang dilaporkan berbeda.", "article": a2["id"], "n": 2},
        ],
    }


def build_database(path: Path, extra_articles: list[dict[str, Any]] | None = None) -> Store:
    """A store at ``path`` holding the test articles, their analyses and the story."""
    store = Store(path)
    items = ARTICLES + (extra_articles or [])
    ingest_dicts([dict(a) for a in items], store, analyse=False)
    with store.transaction():
        for article in ARTICLES:
            store.save_analysis(_analysis(article))
        store.save_story(story())
        store.set_memberships({a["id"]: STORY_ID for a in ARTICLES})
    return store


# -- a small CSS selector helper for the page tests (lxml's cssselect is not installed) --

_SIMPLE = re.compile(r"([a-zA-Z][\w-]*|\*)?((?:[.#][\w-]+|\[[^\]]+\])*)")
_PART = re.compile(r"([.#])([\w-]+)|\[([\w-]+)(?:(~?=)\"?([^\"\]]*)\"?)?\]")


def _xpath_of(simple: str) -> str:
    match = _SIMPLE.fullmatch(simple)
    if not match:
        raise ValueError(f"unsupported selector {simple!r}")
    tag, rest = match.group(1) or "*", match.group(2)
    conditions = []
    for kind, name, attr, op, value in _PART.findall(rest):
        if kind == "#":
            conditions.append(f"[@id='{name}']")
        elif kind == ".":
            conditions.append(f"[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")
        elif op == "~=":
            conditions.append(f"[contains(concat(' ', normalize-space(@{attr}), ' '), ' {value} ')]")
        elif op == "=":
            conditions.append(f"[@{attr}='{value}']")
        else:
            conditions.append(f"[@{attr}]")
    return tag + "".join(conditions)


def select(element: Any, selector: str) -> list[Any]:
    """Elements under ``element`` matching a simple CSS selector (tags, .class, #id, [attr], >)."""
    path, axis = ".", "//"
    for token in selector.replace(">", " > ").split():
        if token == ">":
            axis = "/"
            continue
        path += axis + _xpath_of(token)
        axis = "//"
    return element.xpath(path)
