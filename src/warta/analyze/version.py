"""Which rules made an analysis: the package version and a hash of the rules' own files.

Every stored analysis carries this stamp, so that a database made by older rules (before a
new measure, a better time rule or a retrained tagger) can be found and analysed again
(``warta reanalyze``) instead of silently mixing old and new readings.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

__all__ = ["rules_version"]

_PACKAGE = Path(__file__).resolve().parents[1]
# What per-article analysis reads: its code and the language data (tables, lexicons, model).
_RULES = (_PACKAGE / "analyze", _PACKAGE / "data")


@lru_cache(maxsize=1)
def rules_version() -> str:
    """``"<package version>+<12 hex digits>"``, the same in every process of one install."""
    from warta import __version__

    digest = hashlib.sha1()
    for root in _RULES:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc"):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"
