"""A readable Markdown brief: title, cited summary, timeline, disagreements, agreements, sources.

Every piece of article text is untrusted: characters Markdown would act on (emphasis,
links, raw HTML, tables, headings) are backslash-escaped so a headline cannot inject
markup into the brief.
"""

from __future__ import annotations

import re
from typing import Any

from warta.display import plain_text
from warta.timewords import render_value

_SIGNIFICANT = re.compile(r"([\\`*_\[\]<>|~#])")
_BULLET_START = re.compile(r"^(\s*)([-+=])(\s|$)")
_NUMBER_START = re.compile(r"^(\s*\d+)([.)])(\s|$)")

# The conflict kinds (warta.stories.conflicts) in words for a reader.
KIND_NAMES = {"value": "different figures", "time": "different times", "estimate": "changed estimate"}


def escape(text: str | None) -> str:
    """``text`` on one line with Markdown-significant characters escaped."""
    flat = " ".join((text or "").split())
    flat = _SIGNIFICANT.sub(r"\\\1", flat)
    # A line that starts like a list item must not become one.
    flat = _BULLET_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", flat)
    return _NUMBER_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", flat)


_WEB_URL = re.compile(r"^https?://[^\s<>]+$", re.I)


def _web_url(value: Any) -> str | None:
    """An http(s) address usable inside <...>; anything else (javascript:, spaces) is not linked."""
    if not isinstance(value, str) or not _WEB_URL.match(value.strip()):
        return None
    return value.strip()


def _flags(entry: dict[str, Any]) -> str:
    flags = [flag for flag in ("expected", "hedged") if entry.get(flag)]
    return f" _({', '.join(flags)})_" if flags else ""


def to_markdown(story: dict[str, Any]) -> str:
    articles = story.get("articles", [])
    number = {a["id"]: n for n, a in enumerate(articles, start=1)}

    def cite(ids: list[str]) -> str:
        # "[2] [6]", not "[2][6]": run together, Markdown reads the pair as one reference
        # link (text 2, label 6); apart, each is a link to its article (definitions below).
        return " ".join(f"[{n}]" for n in sorted({number[i] for i in ids if i in number}))

    lines = [f"# {escape(story.get('title'))}", ""]
    sentences = story.get("summary_sentences") or []
    if sentences:
        lines.append(" ".join(f"{escape(plain_text(s['text']))} {cite([s['article']])}" for s in sentences))
    elif story.get("summary"):
        lines.append(escape(plain_text(story["summary"])))
    lines.append("")

    timeline = story.get("timeline", [])
    if timeline:
        lines += ["## Timeline", ""]
        for entry in timeline:
            ids = list(dict.fromkeys(s["article"] for s in entry.get("sources", [])))
            who = sorted({s["attributed_to"] for s in entry.get("sources", []) if s.get("attributed_to")})
            said = f" — according to {escape(', '.join(who))}" if who else ""
            when = render_value(entry.get("date"), "en", mod=entry.get("mod"))
            lines.append(f"- **{escape(when)}** {escape(entry.get('text'))}{_flags(entry)}{said} {cite(ids)}")
        lines.append("")

    conflicts = story.get("conflicts", [])
    if conflicts:
        lines += ["## Where sources disagree", ""]
        for conflict in conflicts:
            label = conflict.get("label") or conflict.get("about")
            english = conflict.get("label_en")
            gloss = f" ({escape(english)})" if english and english != label else ""
            kind = f" — {escape(KIND_NAMES.get(conflict.get('kind'), conflict.get('kind') or ''))}" if conflict.get("kind") else ""
            lines.append(f"- **{escape(label)}**{gloss}{kind}")
            for value in conflict.get("values", []):
                extra = []
                if value.get("attributed_to"):
                    extra.append("according to " + ", ".join(value["attributed_to"]))
                if value.get("reported"):
                    extra.append("reported " + ", ".join(value["reported"]))
                detail = f" ({escape('; '.join(extra))})" if extra else ""
                shown = value.get("value")
                if conflict.get("kind") in ("time", "estimate") and value.get("number") is None:
                    shown = render_value(str(shown or ""), "en")  # a time; an estimate may be a figure
                lines.append(f"  - {escape(shown)}{detail} {cite(value.get('articles', []))}")
                for sentence in value.get("sentences", [])[:1]:
                    lines.append(f"    > {escape(sentence)}")
        lines.append("")

    corroborations = story.get("corroborations", [])
    if corroborations:
        lines += ["## Where independent sources agree", ""]
        for item in corroborations:
            lines.append(f"- {escape(item.get('about'))} {cite(item.get('articles', []))}")
        lines.append("")

    if articles:
        lines += ["## Sources", ""]
        for n, article in enumerate(articles, start=1):
            parts = [escape(article.get("outlet") or article["id"])]
            if article.get("title"):
                parts.append(f"“{escape(article['title'])}”")
            if article.get("published"):
                parts.append(escape(article["published"]))
            if article.get("url"):
                parts.append(f"<{article['url'].replace('>', '%3E').replace(' ', '%20')}>")
            if article.get("duplicate_of") in number:
                parts.append(f"republishes [{number[article['duplicate_of']]}]")
            lines.append(f"{n}. " + ", ".join(parts))
        lines.append("")
        # Reference definitions: every "[n]" above becomes a link to article n's address.
        for n, article in enumerate(articles, start=1):
            url = _web_url(article.get("url"))
            if url:
                lines.append(f"[{n}]: <{url}>")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
