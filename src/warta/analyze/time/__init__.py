"""Time expressions (TIMEX3) in Indonesian and English news.

``extract_timexes`` finds dates, times, durations and sets, normalised against the article's
publication date (the DCT) the way HeidelTime does; ``infer_publication_date`` reads a date
from an article that came without one. Language knowledge lives in ``lexicon.py`` as tables.

Conventions beyond docs GUIDE.md (and tests/gold/README.md), chosen here:

- "dini hari" (the small hours) is night, ``TNI``, with no modifier; "Selasa dini hari" is the
  night at the start of that Tuesday.
- "beberapa hari mendatang" / "the coming days" are ``FUTURE_REF`` (DATE); a counted period
  ahead ("lima tahun ke depan", "dua minggu ke depan") is a DURATION (P5Y, P2W).
- "setidaknya" / "at least" give the TimeML modifier ``EQUAL_OR_MORE``; "hampir" / "nearly"
  give ``LESS_THAN``.
- Clock times carry the narrated day (the last day the article told, else the DCT) unless a
  day is written next to them, and keep the UTC offset of their zone ("T06:17+07:00");
  ``Timex.anchor`` says how a value was anchored. "n jam lalu" (hours ago) is ``PAST_REF``:
  the DCT has no time of day. See docs/time.md (``discourse``, ``zones``).
- Anaphoric expressions ("dua hari kemudian", "bulan sebelumnya", "the following day", "hari
  itu", "Sabtu malam itu") count from the last time mentioned before them, else from the DCT.
- Without a DCT, relative values keep X placeholders ("XXXX-XX-XX", "XXXX-WXX", "XXXX-07");
  "n hari lalu" becomes ``PAST_REF``.

Module map: ``extract`` (the pipeline), ``rulebook`` (rules in priority order and the words
that trigger them), ``rules_calendar`` / ``rules_relative`` (pattern + handler per family),
``anchor`` (DCT arithmetic, tense cues), ``words`` (one split of the text), ``lexicon`` (data),
``pubdate`` (publication-date guess), ``discourse`` (the narrated day), ``zones`` (UTC offsets).
"""

from __future__ import annotations

from warta.analyze.time.extract import extract_timexes
from warta.analyze.time.pubdate import infer_publication_date

__all__ = ["extract_timexes", "infer_publication_date"]
