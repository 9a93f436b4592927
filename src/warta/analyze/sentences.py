"""Sentence boundaries for Indonesian and English news text.

Splits on . ! ? (and an ellipsis) followed by space and an upper-case letter, a digit or an
opening quote, and on paragraph breaks. It does not split after abbreviations common in
Indonesian and English news ("Dr.", "H.", "No.", "Jl.", "U.S."), after initials, or
inside a decimal number or a time ("13.21"). A quote that closes after the stop stays
with its sentence.
"""

from __future__ import annotations

import re

from warta.model import Sentence

ABBREVIATIONS = frozenset(
    """
    dr drs dra ir prof h hj kh st sh se mm mt msi mph mr mrs ms jr sr st no nomor jl jln kec kab
    kel prov tel telp hlm dll dsb dkk tsb yth bpk ibu sdr pt tbk cv ltd inc co corp gen lt col
    capt sgt rep sen gov pres vs etc al approx u.s u.k a.s p.m a.m e.g i.e
    jan feb mar apr jun jul aug sep sept oct nov dec agu agt okt des
    """.split()
)

# A candidate boundary: sentence punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def _is_abbreviation(text: str, dot_pos: int) -> bool:
    """True when the '.' at dot_pos ends an abbreviation or an initial, not a sentence."""
    start = dot_pos
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot_pos].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # Initials such as "J." in "Joko J. Widodo" or "A.S." (Amerika Serikat).
    if len(word) == 1 and word.isalpha():
        return True
    return "." in word and all(len(p) <= 2 for p in word.split("."))


def split_sentences(text: str) -> list[Sentence]:
    """Return sentence spans covering the non-blank parts of ``text`` in order."""
    sentences: list[Sentence] = []
    pos = 0
    for block in _PARAGRAPH.split(text):
        block_start = text.index(block, pos) if block else pos
        pos = block_start + len(block)
        cursor = block_start
        for match in _BOUNDARY.finditer(text, block_start, block_start + len(block)):
            punct_start = match.start(1)
            if match.group(1) == "." and _is_abbreviation(text, punct_start):
                continue
            end = match.end(2)
            _append(sentences, text, cursor, end)
            cursor = match.end(3)
        _append(sentences, text, cursor, block_start + len(block))
    return sentences


# A "sentence" longer than this is text without sentence breaks (a real one stays far
# below: long legal sentences run to 1,500 characters). It is cut at a blank before the
# limit, so that every per-sentence step downstream costs at most this much per sentence
# and analysis stays linear in the text however it is punctuated.
MAX_SENTENCE_CHARS = 2000


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max(text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit), text.rfind("\n", start + MAX_SENTENCE_CHARS // 2, limit))
        cut = cut if cut > start else limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            out.append(Sentence(start=start, end=piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start=start, end=end))


def sentence_index(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence containing character ``offset`` (the nearest one before it)."""
    lo, hi = 0, len(sentences) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if sentences[mid].start <= offset:
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return best
