"""One name per outlet, and titles without the outlet's name around them.

``warta/data/outlets.tsv`` maps registered domains to one outlet name; a host matches its
domain and every subdomain (AMP, mobile and feed hosts included; a Google AMP cache host such
as ``www-detik-com.cdn.ampproject.org`` is read back to ``www.detik.com``). Platforms (social
media, video, link shorteners) are never outlets. ``strip_site_name`` removes a title's site
prefix or suffix by a general rule: a separator, then a short segment naming the outlet or
its domain.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

_DATA = Path(__file__).resolve().parents[1] / "data" / "outlets.tsv"
PLATFORM = "-"
_KEY = re.compile(r"[\W_]+")
_DOMAIN_LIKE = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co|id|net|org|tv|news|info|co\.id|or\.id|go\.id|ac\.id)$",
                          re.IGNORECASE)
# A separator between a title and a site name: a bar, dash, colon, double colon, bullet, guillemet.
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+|:\s+")
MAX_SITE_WORDS = 5


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(domain -> name, name key -> name)."""
    domains: dict[str, str] = {}
    names: dict[str, str] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        domain, _, name = line.partition("\t")
        domains[domain.strip().lower()] = name.strip()
        if name.strip() != PLATFORM:
            names.setdefault(key(name), name.strip())
            names.setdefault(key(domain), name.strip())
    return domains, names


def key(text: str) -> str:
    return _KEY.sub("", text.casefold())


def host_of(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if host.endswith(".cdn.ampproject.org"):
        label = host[: -len(".cdn.ampproject.org")]
        host = label.replace("--", "\x00").replace("-", ".").replace("\x00", "-")
    return host or None


def _match_domain(host: str) -> str | None:
    domains, _ = _table()
    parts = host.split(".")
    for start in range(len(parts) - 1):
        candidate = ".".join(parts[start:])
        if candidate in domains:
            return candidate
    return None


def outlet_for_url(url: str | None) -> str | None:
    """The outlet a URL belongs to, from the table ("-" for a platform), or None if unknown."""
    host = host_of(url)
    if not host:
        return None
    domain = _match_domain(host)
    return _table()[0][domain] if domain else None


def is_platform_url(url: str | None) -> bool:
    return outlet_for_url(url) == PLATFORM


def canonical_outlet(name: str | None) -> str | None:
    """A given outlet name or domain as the table's one name for it; unknown names unchanged;
    a platform or a URL of one is no outlet (None)."""
    if not name or not name.strip():
        return None
    name = " ".join(name.split())
    if "://" in name:
        found = outlet_for_url(name)
        return None if found in (None, PLATFORM) else found
    if _DOMAIN_LIKE.match(name):
        domain = _match_domain(name.lower().removeprefix("www."))
        if domain:
            found = _table()[0][domain]
            return None if found == PLATFORM else found
    return _table()[1].get(key(name), name)


def domain_label(url: str | None) -> str | None:
    """The distinctive label of a URL's domain: "republika" for nasional.republika.co.id."""
    host = host_of(url)
    if not host:
        return None
    known = _match_domain(host)
    parts = (known or host).split(".")
    generic = {"www", "m", "amp", "mobile", "com", "co", "id", "net", "org", "or", "go", "ac", "news", "tv", "example"}
    labels = [p for p in parts if p not in generic]
    return labels[-1] if labels else None


def _names_site(segment: str, names: list[str]) -> bool:
    words = segment.split()
    if not words or len(words) > MAX_SITE_WORDS:
        return False
    if _DOMAIN_LIKE.match(segment.strip()):
        return True
    seg = key(segment)
    if not seg:
        return False
    for name in names:
        name_key = key(name)
        if len(name_key) >= 4 and (name_key in seg or (len(seg) >= 4 and seg in name_key)):
            return True
    return False


def strip_site_name(title: str | None, names: list[str | None]) -> str | None:
    """The title without a leading or trailing segment that names the site."""
    if not title:
        return title
    known = [n for n in names if n]
    text = " ".join(title.split())
    for _ in range(2):
        parts = list(_SEPARATORS.finditer(text))
        if not parts:
            break
        changed = False
        last = parts[-1]
        if _names_site(text[last.end() :], known) and text[: last.start()].strip():
            text, changed = text[: last.start()].strip(), True
        parts = list(_SEPARATORS.finditer(text))
        if parts:
            first = parts[0]
            if _names_site(text[: first.start()], known) and text[first.end() :].strip():
                text, changed = text[first.end() :].strip(), True
        if not changed:
            break
    return text or title
