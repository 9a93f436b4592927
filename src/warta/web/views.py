"""Turn a story dict (the issue-6 contract) into what the story page shows.

Pure functions of plain dicts: the brief with citation links, the timeline, the relay
graph (who relays whom), and the map's points projected onto an equirectangular SVG.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from warta.display import plain_text
from warta.export.markdown import KIND_NAMES
from warta.timewords import render_value
from warta.web.world import POLYGONS

_CITATION = re.compile(r"\[([^\[\]\s]{1,80}(?:\s*,\s*[^\[\]\s]{1,80})*)\]")


def article_index(story: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(a.get("id")): a for a in story.get("articles") or [] if a.get("id") is not None}


def article_href(article_id: str, sentence: int | None = None) -> str:
    from urllib.parse import quote

    anchor = f"#s{sentence}" if isinstance(sentence, int) and sentence >= 0 else ""
    return f"/articles/{quote(str(article_id), safe='')}{anchor}"


def _citation_link(token: str, story: dict[str, Any]) -> Markup | None:
    articles = story.get("articles") or []
    by_id = article_index(story)
    if token.isdigit() and 1 <= int(token) <= len(articles):
        article = articles[int(token) - 1]
    else:
        article = by_id.get(token)
    if article is None:
        return None
    label = article.get("outlet") or token
    return Markup('<a class="cite" href="{}" title="{}">{}</a>').format(
        article_href(str(article["id"])), article.get("title") or "", label
    )


def render_brief(text: str, story: dict[str, Any]) -> Markup:
    """The brief with ``[n]`` / ``[article-id]`` markers turned into links; the rest escaped."""
    parts: list[str] = []
    cursor = 0
    for match in _CITATION.finditer(text):
        tokens = [t.strip() for t in match.group(1).split(",")]
        links = [_citation_link(t, story) for t in tokens]
        if not tokens or any(link is None for link in links):
            continue  # not a citation: leave it as text
        parts.append(str(escape(text[cursor : match.start()])))
        parts.append('<sup class="citation">[' + ", ".join(str(link) for link in links) + "]</sup>")
        cursor = match.end()
    parts.append(str(escape(text[cursor:])))
    return Markup("".join(parts))


def brief_items(story: dict[str, Any]) -> list[dict[str, Any]]:
    """The brief as sentences with their cited articles, whatever shape the story gives.

    Preferred: ``summary_sentences`` (``{text, article, n}``: n is the 1-based article
    number); else a ``brief`` string or list; else the plain ``summary``.
    """
    items: list[dict[str, Any]] = []
    for entry in story.get("summary_sentences") or []:
        if isinstance(entry, dict) and entry.get("text"):
            cited = [entry["article"]] if entry.get("article") else []
            text = plain_text(str(entry["text"]), citations=True)
            items.append({"html": render_brief(text, story), "cites": _cites(cited, story),
                          "n": entry.get("n")})
    if items:
        return items
    brief = story.get("brief")
    if isinstance(brief, list):
        for entry in brief:
            if isinstance(entry, str):
                items.append({"html": render_brief(entry, story), "cites": []})
            elif isinstance(entry, dict):
                cited = entry.get("articles") or entry.get("citations") or entry.get("sources") or []
                cites = [c.get("article") if isinstance(c, dict) else c for c in cited]
                items.append({"html": render_brief(str(entry.get("text", "")), story), "cites": _cites(cites, story)})
    elif isinstance(brief, str) and brief.strip():
        items.append({"html": render_brief(brief, story), "cites": []})
    if not items and story.get("summary"):
        items.append({"html": render_brief(str(story["summary"]), story), "cites": []})
    return items


def _cites(ids: list[Any], story: dict[str, Any]) -> list[dict[str, str]]:
    by_id = article_index(story)
    numbers = {str(a.get("id")): n for n, a in enumerate(story.get("articles") or [], start=1)}
    cites = []
    for article_id in ids:
        article = by_id.get(str(article_id), {})
        cites.append({"href": article_href(str(article_id)), "label": _outlet(by_id, str(article_id)),
                      "title": article.get("title") or "", "n": numbers.get(str(article_id))})
    return cites


def _outlet(by_id: dict[str, dict[str, Any]], article_id: str, fallback: Any = None) -> str:
    """A label for an article: its outlet, else its number in the story ("article 2")."""
    if fallback:
        return str(fallback)
    article = by_id.get(article_id)
    if article is None:
        return article_id
    if article.get("outlet"):
        return str(article["outlet"])
    number = list(by_id).index(article_id) + 1
    return f"article {number}"


def timeline_entries(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Timeline entries with resolved source links and a CSS class for their status."""
    by_id = article_index(story)
    entries = []
    for entry in story.get("timeline") or []:
        sources = []
        for src in entry.get("sources") or []:
            article_id = str(src.get("article", ""))
            sentence = src.get("sentence")
            # ``sentence`` is the supporting sentence's text (or, in older data, its index).
            index = sentence if isinstance(sentence, int) else None
            sources.append({
                "href": article_href(article_id, index),
                "outlet": _outlet(by_id, article_id, src.get("outlet")),
                "attributed_to": src.get("attributed_to"),
                "sentence": sentence if isinstance(sentence, str) else None,
                "reported": src.get("reported"),
            })
        status = "expected" if entry.get("expected") else "reported"
        text = entry.get("text")
        if len(sources) == 1 and repeats(sources[0]["sentence"], text):
            # The entry is (a cut of) its one source sentence: show that sentence once, whole.
            text, sources[0]["sentence"] = sources[0]["sentence"], None
        entries.append({**entry, "text": text, "status": status, "links": sources,
                        "when": human_date(entry.get("date"))})
    return entries


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value or [] if v]


def conflict_views(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Disagreements: each value with the outlets reporting it and who they attribute it to."""
    by_id = article_index(story)
    views = []
    for conflict in story.get("conflicts") or []:
        values = []
        for value in conflict.get("values") or []:
            ids = [str(a) for a in value.get("articles") or []]
            outlets = [{"href": article_href(i), "label": _outlet(by_id, i)} for i in ids]
            raw = value.get("value")
            values.append({
                "value": raw,
                "shown": human_date(raw) if conflict.get("kind") in ("time", "estimate") and value.get("number") is None else raw,
                "outlets": outlets,
                "attributed_to": _names(value.get("attributed_to")),
                "sentences": _names(value.get("sentences")),
            })
        label = conflict.get("label") or conflict.get("about")
        views.append({
            "about": conflict.get("about"),
            "label": label,
            "label_en": conflict.get("label_en") if conflict.get("label_en") != label else None,
            "kind": conflict.get("kind"),
            "kind_name": KIND_NAMES.get(conflict.get("kind") or "", conflict.get("kind")),
            "attribute": conflict.get("attribute"),
            "score": conflict.get("score"),
            "values": values,
        })
    return views


def corroboration_views(story: dict[str, Any]) -> list[dict[str, Any]]:
    by_id = article_index(story)
    return [
        {"about": c.get("about"), "kind": c.get("kind"), "attributed_to": _names(c.get("attributed_to")),
         "outlets": [{"href": article_href(str(i)), "label": _outlet(by_id, str(i))} for i in c.get("articles") or []]}
        for c in story.get("corroborations") or []
    ]


@dataclass
class RelayNode:
    """One party in the relay graph: an outlet, an intermediary, or the original source."""

    name: str
    count: int = 0
    children: dict[str, RelayNode] = field(default_factory=dict)

    def child(self, name: str) -> RelayNode:
        node = self.children.get(name)
        if node is None:
            node = self.children[name] = RelayNode(name)
        return node


def relay_tree(story: dict[str, Any]) -> list[RelayNode]:
    """Outlet -> relayed outlets/media (``via``, outermost first) -> original source."""
    by_id = article_index(story)
    roots: dict[str, RelayNode] = {}
    for att in story.get("attributions") or []:
        article = by_id.get(str(att.get("article", "")), {})
        outlet = _outlet(by_id, str(att.get("article", ""))) if article else "unknown outlet"
        source = att.get("source") or {}
        who = source.get("canonical") or source.get("text")
        chain = [str(v) for v in att.get("via") or [] if v] + ([str(who)] if who else [])
        node = roots.setdefault(outlet, RelayNode(outlet))
        node.count += 1
        for name in chain:
            if name == node.name:
                continue
            node = node.child(name)
            node.count += 1
    return sorted(roots.values(), key=lambda n: (-n.count, n.name))


def relay_edges(roots: list[RelayNode]) -> list[dict[str, Any]]:
    """Flat edges of the relay tree with depth, for the SVG drawing."""
    edges: list[dict[str, Any]] = []

    def walk(node: RelayNode, depth: int) -> None:
        for child in node.children.values():
            edges.append({"from": node.name, "to": child.name, "count": child.count, "depth": depth})
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    return edges


def relay_svg(roots: list[RelayNode], *, column_width: int = 190, row_height: int = 26) -> dict[str, Any] | None:
    """A layered drawing: outlets in the first column, each relay step one column right."""
    if not any(r.children for r in roots):
        return None
    nodes: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    row = 0

    def place(node: RelayNode, depth: int) -> tuple[float, float]:
        nonlocal row
        x = 10 + depth * column_width
        if not node.children:
            y = 16 + row * row_height
            row += 1
        else:
            child_points = [place(c, depth + 1) for c in node.children.values()]
            y = sum(p[1] for p in child_points) / len(child_points)
            for cx, cy in child_points:
                lines.append({"x1": x + column_width - 40, "y1": y, "x2": cx, "y2": cy})
        label = node.name if len(node.name) <= 26 else node.name[:25] + "…"
        nodes.append({"x": x, "y": y, "label": label, "name": node.name, "count": node.count, "outlet": depth == 0})
        return x, y

    depth_max = 0

    def depth_of(node: RelayNode) -> int:
        return 1 + max((depth_of(c) for c in node.children.values()), default=0)

    for root in roots:
        place(root, 0)
        depth_max = max(depth_max, depth_of(root))
    return {"width": 20 + depth_max * column_width, "height": 10 + row * row_height, "nodes": nodes, "lines": lines}


def map_points(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Places with coordinates (``lat``/``lon`` on the entity), merged when they share a spot.

    Gazetteers give a country its capital's coordinates, so "Rusia" and "Moskow" land on
    one point: they become one point labelled "Moskow, Rusia" instead of two overprinted labels.
    """
    places: dict[tuple[float, float], dict[str, Any]] = {}
    for ent in entities:
        lat, lon = ent.get("lat"), ent.get("lon")
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        name = str(ent.get("canonical") or ent.get("text") or "")
        mentions = ent.get("mentions")
        weight = mentions if isinstance(mentions, int) else 1
        key = (round(lat, 1), round(lon, 1))
        place = places.setdefault(key, {"names": {}, "lat": float(lat), "lon": float(lon), "mentions": 0})
        place["names"][name] = place["names"].get(name, 0) + weight
        place["mentions"] += weight
    out = []
    for place in places.values():
        names = sorted(place.pop("names").items(), key=lambda item: (-item[1], item[0]))
        out.append({**place, "name": ", ".join(n for n, _ in names)})
    return sorted(out, key=lambda p: (-p["mentions"], p["name"]))


def _label_positions(points: list[dict[str, Any]], font: float, west: float, east: float) -> None:
    """Greedy label placement: right of the dot, else left, else nudged down, avoiding overlaps."""
    taken: list[tuple[float, float, float, float]] = []

    def free(box: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = box
        return west <= x0 and x1 <= east and all(x1 <= a or x0 >= c or y1 <= b or y0 >= d for a, b, c, d in taken)

    for p in points:
        width = 0.6 * font * len(p["name"])
        gap = p["r"] * 1.4
        candidates = []
        for shift in (0.0, 1.2, -1.2, 2.4, -2.4, 3.6):
            dy = shift * font
            candidates.append((p["x"] + gap, p["y"] + font / 3 + dy, "start"))
            candidates.append((p["x"] - gap, p["y"] + font / 3 + dy, "end"))
        for x, y, anchor in candidates:
            x0 = x if anchor == "start" else x - width
            box = (x0, y - font, x0 + width, y + font * 0.25)
            if free(box):
                break
        taken.append(box)
        p["label_x"], p["label_y"], p["anchor"] = x, y, anchor


def map_view(points: list[dict[str, Any]]) -> dict[str, Any] | None:
    """An equirectangular projection (x = lon, y = -lat) framed around the points, with a grid."""
    if not points:
        return None
    lons = [p["lon"] for p in points]
    lats = [p["lat"] for p in points]
    width = max(max(lons) - min(lons) + 24.0, 40.0)
    height = max(max(lats) - min(lats) + 16.0, width / 2.2)
    center_lon, center_lat = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    width, height = min(width, 360.0), min(height, 180.0)
    west = min(max(center_lon - width / 2, -180.0), 180.0 - width)
    north = max(min(center_lat + height / 2, 90.0), -90.0 + height)
    east, south = west + width, north - height
    span = max(width, height)
    step = 5 if span <= 40 else 10 if span <= 100 else 30
    meridians = [lon for lon in range(-180, 181, step) if west <= lon <= east]
    parallels = [lat for lat in range(-90, 91, step) if south <= lat <= north]
    font = max(width / 55, 0.6)
    radius = max(width / 150, 0.25)
    projected = [{**p, "x": p["lon"], "y": -p["lat"], "r": radius * (1 + min(p["mentions"], 10) / 10)} for p in points]
    _label_positions(projected, font, west, east)
    return {
        "viewbox": f"{west:.2f} {-north:.2f} {width:.2f} {height:.2f}",
        "west": west, "east": east, "north": -north, "south": -south,
        "meridians": meridians, "parallels": parallels, "points": projected, "step": step, "land": POLYGONS,
        "font": font, "stroke": width / 600,
    }


def quote_path(prefix: str, identifier: str, suffix: str = "") -> str:
    from urllib.parse import quote

    return f"{prefix}{quote(identifier, safe='')}{suffix}"


def human_date(value: Any) -> str:
    """A TIMEX3 value for people, in English (the reading room's language):
    2023-09-10TAF -> "Sunday 10 September 2023, afternoon"; 198 -> "the 1980s"."""
    return render_value(str(value or ""), "en")


def repeats(sentence: str | None, text: str | None) -> bool:
    """True when the entry's text is just (a cut of) its source sentence."""
    if not sentence or not text:
        return False
    return sentence.strip().startswith(text.rstrip("…").strip())


def excerpt(text: str, limit: int = 90) -> str:
    """The start of ``text`` cut at a word boundary: a heading for an untitled article."""
    first = " ".join(text.split())
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


def entity_groups(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An article's entity mentions grouped by canonical name: type, count, other surface forms."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for mention in mentions:
        canonical = str(mention.get("canonical") or mention.get("text") or "")
        key = (canonical, str(mention.get("type") or ""))
        group = groups.setdefault(key, {"canonical": canonical, "type": key[1], "count": 0, "forms": []})
        group["count"] += 1
        form = mention.get("text")
        if form and form != canonical and form not in group["forms"]:
            group["forms"].append(form)
    return sorted(groups.values(), key=lambda g: (-g["count"], g["canonical"]))
