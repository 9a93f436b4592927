"""Scoring warta's HTML path on saved real portal pages (``/work/shared/data/real_pages``).

The pages are read from the shared folder, never copied into the repository. For every page
listed in its ``expected.json``, ``score_pages`` runs the same read → clean path as
``warta ingest`` and scores, per article page:

- **date**: the published day as the page's own zone writes it (the first ten characters of
  the ISO value) equals the expected day;
- **title**: equal after whitespace folding. One accepted quirk: the expected title may keep
  an on-page label ending in a colon ("In Picture: …") that the page's ``<title>`` and
  ``og:title`` lack, so a title equal to the expected one minus such a leading label
  (at most three words before the colon) counts as equal;
- **language**: the ISO 639-1 code equals the expected one;
- **body**: token-level similarity ≥ 0.9: ``difflib.SequenceMatcher(None, a, b,
  autojunk=False).ratio()`` over the lists of lower-cased word tokens (``\\w+``) of the
  extracted body and of the expected content. Tokens make the score blind to the expected
  contents' paragraphs glued without a space;
- **boilerplate**: lines of the extracted body that are page furniture: a line matching one
  of the furniture markers below, or a line at most 300 characters long of which less than
  half of the word tokens occur in the expected content (a headline of another article, a
  share bar, a caption of another photo). Editors' codes such as "(fyk/ash)" are part of the
  expected content and are not counted.

A front page (``kind: "index"``) scores as refused when cleaning rejects it.

Quirky expected values (listed in the set's PROVENANCE.md) are scored as they are, but for
the title label above. The liputan6 gallery's expected content is its first caption five
times while the page shows five different captions: warta keeps the five, so that page
counts as a body miss; ``tests/test_real_pages.py`` checks its five captions instead. The
page kind warta gives each page (article, photo, gallery) is in ``PageScore.found["kind"]``.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REAL_PAGES = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "real_pages"
BODY_THRESHOLD = 0.9
_TOKEN = re.compile(r"\w+")
_LABEL_PREFIX = re.compile(r"^(?:\S+\s+){0,2}\S+:\s+")
_FURNITURE_MARKERS = re.compile(
    r"\b(?:baca juga|berita (?:lainnya|terkait|terpopuler)|artikel terkait|share|bagikan|tweet|"
    r"rating|komentar|loading|advertisement|iklan)\b",
    re.IGNORECASE,
)
MAX_FURNITURE_LINE = 300


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def body_similarity(extracted: str, expected: str) -> float:
    """Token-level SequenceMatcher ratio (see the module docstring)."""
    return difflib.SequenceMatcher(None, tokens(extracted), tokens(expected), autojunk=False).ratio()


def fold(text: str | None) -> str:
    return " ".join((text or "").split())


def title_matches(found: str | None, expected: str) -> bool:
    found_f, expected_f = fold(found), fold(expected)
    if found_f == expected_f:
        return True
    return bool(found_f) and _LABEL_PREFIX.sub("", expected_f, count=1) == found_f


def boilerplate_lines(extracted: str, expected: str) -> list[str]:
    """Lines of the extracted body that are page furniture (see the module docstring)."""
    known = set(tokens(expected))
    expected_folded = fold(expected).lower()
    found: list[str] = []
    for line in extracted.splitlines():
        line = line.strip()
        words = tokens(line)
        if not words:
            continue
        if _FURNITURE_MARKERS.search(line) and fold(line).lower() not in expected_folded:
            found.append(line)
        elif len(line) <= MAX_FURNITURE_LINE and sum(w in known for w in words) < len(words) / 2:
            found.append(line)
    return found


@dataclass(slots=True)
class PageScore:
    file: str
    kind: str  # "article" or "index"
    refused: bool = False
    reason: str | None = None
    date_ok: bool = False
    title_ok: bool = False
    language_ok: bool = False
    similarity: float = 0.0
    boilerplate: list[str] = field(default_factory=list)
    found: dict[str, object] = field(default_factory=dict)

    @property
    def body_ok(self) -> bool:
        return self.similarity >= BODY_THRESHOLD


def load_expected(root: Path = REAL_PAGES) -> list[dict]:
    return json.loads((root / "expected.json").read_text(encoding="utf-8"))


def warta_extractor(path: Path) -> dict[str, object]:
    """What warta's ingest path makes of one page file: the Article's fields, or a refusal."""
    from warta.clean import clean_document
    from warta.errors import InputError
    from warta.ingest import IngestProblem, read_paths

    items = list(read_paths([path]))
    if len(items) != 1 or isinstance(items[0], IngestProblem):
        return {"refused": str(items[0]) if items else "nothing read"}
    try:
        article = clean_document(items[0])
    except InputError as exc:
        return {"refused": str(exc)}
    return {
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "published_source": getattr(article, "published_source", None),
        "outlet": article.outlet,
        "authors": article.authors,
        "kind": article.kind,
    }


def trafilatura_extractor(path: Path) -> dict[str, object]:
    """trafilatura's own ``extract`` and ``extract_metadata`` on the same page, as shipped."""
    import trafilatura

    page = path.read_text(encoding="utf-8", errors="replace")
    text = trafilatura.extract(page)
    meta = trafilatura.extract_metadata(page)
    if not text:
        return {"refused": "no text extracted"}
    return {
        "title": meta.title if meta else None,
        "published": meta.date if meta else None,
        "language": (meta.language if meta else None) or None,
        "text": text,
    }


def score_pages(
    extractor: Callable[[Path], dict[str, object]] = warta_extractor, root: Path = REAL_PAGES
) -> list[PageScore]:
    scores: list[PageScore] = []
    for expected in load_expected(root):
        path = root / expected["file"]
        found = extractor(path)
        kind = "index" if expected.get("kind") == "index" else "article"
        score = PageScore(file=expected["file"], kind=kind, found=found)
        if "refused" in found:
            score.refused, score.reason = True, str(found["refused"])
        if kind == "article" and not score.refused:
            score.date_ok = str(found.get("published") or "")[:10] == expected["published"]
            score.title_ok = title_matches(found.get("title"), expected["title"])  # type: ignore[arg-type]
            score.language_ok = found.get("language") == expected["language"]
            text = str(found.get("text") or "")
            score.similarity = body_similarity(text, expected["content"])
            score.boilerplate = boilerplate_lines(text, expected["content"])
        scores.append(score)
    return scores


def summary(scores: list[PageScore]) -> dict[str, int]:
    articles = [s for s in scores if s.kind == "article"]
    indexes = [s for s in scores if s.kind == "index"]
    return {
        "articles": len(articles),
        "indexes": len(indexes),
        "articles_kept": sum(not s.refused for s in articles),
        "date": sum(s.date_ok for s in articles),
        "title": sum(s.title_ok for s in articles),
        "language": sum(s.language_ok for s in articles),
        "body": sum(s.body_ok for s in articles),
        "boilerplate_lines": sum(len(s.boilerplate) for s in articles),
        "indexes_refused": sum(s.refused for s in indexes),
    }
