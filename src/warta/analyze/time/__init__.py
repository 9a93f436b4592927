"""Time expressions (TIMEX3) in Indonesian and English news.

``extract_timexes`` finds dates, times, durations and sets, normalised against the article's
publication date (the DCT) the way HeidelTime does; ``infer_publication_date`` reads a date
from an article that came without one. Language knowledge lives in ``lexicon.py`` as tables.
"""

from __future__ import annotations

from warta.analyze.time.extract import extract_timexes
from warta.analyze.time.pubdate import infer_publication_date

__all__ = ["extract_timexes", "infer_publication_date"]
