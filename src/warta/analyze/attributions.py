"""Attributions: who said what, and through whom it reached the article.

Patterns, tried sentence by sentence (cues live in ``warta/data/cues/attribution.json``):

* ``SOURCE VERB [bahwa] CONTENT`` — "Kremlin mengonfirmasi bahwa ...", "Officials said ...".
* ``CONTENT, kata SOURCE`` / ``"QUOTE," said SOURCE`` / ``"QUOTE," SOURCE said`` (post-posed).
* ``Menurut SOURCE, CONTENT`` and ``CONTENT, menurut SOURCE`` (also "according to").
* Relays: ``Melansir X, SOURCE VERB ...`` gives ``via=[X]``; ``Melansir X, CONTENT`` with no
  verb makes X the source. ``CONTENT, seperti (yang) dilaporkan (oleh) X`` makes X the source,
  or a relay when a verb already names one. "Melansir A yang mengutip B" chains ``via=[A, B]``.

* ``SOURCE told Reuters`` / ``mengatakan kepada Reuters``: a known outlet joins ``via``.

Direct quotes (straight or curly) become ``direct=True`` with the quoted text as content, also
when the quote runs over two sentences. Pronouns ("Ia menambahkan", "ujarnya", "Menurutnya")
take the canonical source and relay chain of the nearest preceding attribution (in the same
sentence first), else the subject of the previous sentence. Report anaphors ("Laporan
tersebut") take those of the nearest preceding attribution whose source is an outlet or report,
was relayed, or whose cue is a reporting verb ("melaporkan", "mengatakan", "menyatakan").
A relay prefix applies only to its own sentence; it reaches the next sentences only through such
an anaphor or pronoun, which inherits the chain. ``hedged`` is set when the content carries a
hedging cue or the cue is a belief verb ("percaya bahwa", "believe").

``Source.canonical`` comes from the tagger's entities when one covers or ends the source
phrase ("Kantor berita Korea Selatan Yonhap" -> "Yonhap"); otherwise the name after a rank is
taken ("... Irjen Karyoto" -> "Karyoto"), or leading descriptors, an organisation acronym and
place names are stripped ("agensi berita negara Rusia RIA" -> "RIA"); a phrase with no name
left keeps its own text ("media pemerintah Korea Selatan").
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from warta.analyze.hedging import is_hedged
from warta.model import Attribution, Entity, Sentence, Source, Span

__all__ = ["extract_attributions", "load_attribution_cues", "canonical_source_name"]

_CUES_PATH = Path(__file__).resolve().parents[1] / "data" / "cues" / "attribution.json"
_WORD = re.compile(r"\w+(?:[-.]\w+)*\.?")
_OPEN_QUOTES = '“"'
_CLOSE_FOR = {"“": "”", '"': '"'}
_MAX_SOURCE_TOKENS = 12
# Words that end a post-posed source phrase: "kata Budi kepada wartawan di Jakarta".
_SOURCE_TAIL = re.compile(
    r"\s+(?:kepada|pada|saat|ketika|usai|seusai|dalam|kemarin|di|to|on|in|at|during)\s.*$", re.S
)
# "said on Monday it would ...", "menyatakan dalam keterangan tertulis, ..." — not content.
_LEADING_ADVERBIAL = re.compile(
    r"\s*(?:(?:late |early |earlier )?on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:pada )?(?:hari )?(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)(?: \([\d/]+\))?"
    r"|in a (?:written )?statement|dalam (?:sebuah )?(?:pernyataan|keterangan)(?: tertulis(?:nya)?| resmi)?)"
    r"(?=[\s,])"
)
_DATE_PART = re.compile(
    r"^\s*(?:\(|\d|Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)[^,]{0,30},"
)


@lru_cache(maxsize=1)
def load_attribution_cues() -> dict[str, Any]:
    """The attribution tables from ``data/cues/attribution.json``."""
    return json.loads(_CUES_PATH.read_text(encoding="utf-8"))


def _phrase_regex(phrases: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    cues = load_attribution_cues()
    return {
        "verb": _phrase_regex(cues["verbs"] + cues["belief_verbs"]),
        "postposed": re.compile(
            r"([,”\"’])\s*(" + _phrase_regex(cues["postposed"]).pattern + r")\s+", re.IGNORECASE
        ),
        "according_pre": re.compile(
            r"^(?:" + _phrase_regex(cues["according_to"]).pattern + r")(?:\s+|(?=nya,))", re.IGNORECASE
        ),
        "according_nya": re.compile(r"^(?:menurut|katanya)(?=nya,)", re.IGNORECASE),
        "postposed_nya": re.compile(
            r"([,”\"’])\s*(" + _phrase_regex(cues["postposed_nya"]).pattern + r")", re.I
        ),
        "age": re.compile(r"\s*\(\d{1,3}\)\s*$"),
        "according_post": re.compile(
            r",\s*(" + _phrase_regex(cues["according_to"]).pattern + r")\s+", re.IGNORECASE
        ),
        "relay_pre": re.compile(
            r"^(?:" + _phrase_regex(cues["relay_prefix"]).pattern + r")\s+", re.IGNORECASE
        ),
        "relay_post": re.compile(
            r",\s*(" + _phrase_regex(cues["relay_postposed"] + cues["according_to"]).pattern + r")\s+",
            re.IGNORECASE,
        ),
        "relay_join": re.compile(
            r"\s*,?\s+(?:" + _phrase_regex(cues["relay_joiners"]).pattern + r")\s+", re.I
        ),
        "that": _phrase_regex(cues["that_words"]),
        "descriptor": _phrase_regex(cues["descriptors"]),
        "portfolio": _phrase_regex(cues["portfolios"]),
        "rank": _phrase_regex(cues["ranks"], flags=0),
    }


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Country names (Indonesian and English, from Babel) and a few capitals, lower-cased."""
    from babel import Locale

    names: set[str] = set()
    for locale in ("id", "en"):
        names.update(name.lower() for name in Locale(locale).territories.values())
    names.update(p.lower() for p in load_attribution_cues()["extra_places"])
    return frozenset(names)


def _words(text: str) -> list[str]:
    return [w.rstrip(".") or w for w in _WORD.findall(text)]


@lru_cache(maxsize=64)
def _lower_set(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_attribution_cues()[key])


# ---------------------------------------------------------------------------------------------
# Canonical names


def canonical_source_name(phrase: str) -> str:
    """The name inside a source phrase: "Kantor berita Korea Selatan Yonhap" -> "Yonhap".

    Strips leading descriptors (roles, outlet words, portfolios) and then leading place names;
    returns the phrase itself when nothing capitalised is left.
    """
    phrase = phrase.strip().strip(",")
    pats = _patterns()
    # "Kapolda Metro Jaya Irjen Karyoto": the name follows a police or military rank.
    rank = pats["rank"].search(phrase)
    if rank is not None:
        after = phrase[rank.end() :].strip()
        if after[:1].isupper():
            return after.rstrip(".,")
    rest = phrase
    stripped = False
    while True:
        match = pats["descriptor"].match(rest) or pats["portfolio"].match(rest)
        if not match or match.group(0) == "The":  # "The Guardian": a capital The is the name's
            break
        rest = rest[match.end() :].lstrip()
        stripped = True
    words = rest.split()
    # "Ketua KPU Hasyim Asy'ari": after a role, an organisation acronym precedes the name.
    if stripped and len(words) >= 3 and words[0].isupper() and len(words[0]) >= 2 and words[1][:1].isupper():
        rest = " ".join(words[1:])
    places = _place_names()
    while rest and not rest.startswith("The "):
        words = rest.split()
        for size in (3, 2, 1):
            if len(words) >= size and " ".join(words[:size]).lower().rstrip(",") in places:
                rest = " ".join(words[size:])
                stripped = True
                break
        else:
            break
    if stripped and rest and rest[0].isupper():
        return rest.rstrip(".,")
    return phrase.rstrip(".,")


def _entities_within(entities: list[Entity], start: int, end: int) -> list[Entity]:
    """The entities with start >= ``start``; by bisection when they are in text order (as
    extract_entities gives them), which a long text of many names needs."""
    if len(entities) > 32 and _in_order(entities):
        return entities[bisect_left(entities, start, key=_start_of) : bisect_right(entities, end, key=_start_of)]
    return entities


def _start_of(entity: Entity) -> int:
    return entity.start


_ORDER_CACHE: dict[int, tuple[list[Entity], bool]] = {}


def _in_order(entities: list[Entity]) -> bool:
    cached = _ORDER_CACHE.get(id(entities))
    if cached is None or cached[0] is not entities:
        _ORDER_CACHE.clear()
        ordered = all(a.start <= b.start for a, b in zip(entities, entities[1:], strict=False))
        cached = _ORDER_CACHE[id(entities)] = (entities, ordered)
    return cached[1]


def _canonical(span: Span, entities: list[Entity]) -> str:
    inside = [
        e
        for e in _entities_within(entities, span.start, span.end)
        if e.start >= span.start and e.end <= span.end and e.type != "LOC"
    ]
    core = span.text.rstrip(".,").strip()
    for entity in inside:
        if entity.text.strip() == core:
            return entity.canonical
    if inside:
        last = max(inside, key=lambda e: e.end)
        if span.end - last.end <= 1 and last.start > span.start:
            return last.canonical
    return canonical_source_name(span.text)


# ---------------------------------------------------------------------------------------------
# Quotes


def _quote_ranges(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of quote marks; straight quotes pair up within a paragraph."""
    ranges: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        pos = para.start()
        end = para.end()
        while pos < end:
            opening = min(
                (i for i in (text.find("“", pos, end), text.find('"', pos, end)) if i >= 0), default=-1
            )
            if opening < 0:
                break
            closing = text.find(_CLOSE_FOR[text[opening]], opening + 1, end)
            if closing < 0:
                break
            ranges.append((opening, closing))
            pos = closing + 1
    return ranges


def _inside_quote(pos: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` is strictly inside a quote. ``quotes`` come from _quote_ranges: in
    text order and not overlapping, so the one quote that can hold pos is found by bisection
    (a scan of every quote per question made quote-heavy text quadratic)."""
    index = bisect_right(quotes, (pos, float("inf"))) - 1
    return index >= 0 and quotes[index][0] < pos < quotes[index][1]


# ---------------------------------------------------------------------------------------------
# Extraction state


@dataclass
class _Found:
    source: Source
    cue: Span
    content: Span
    direct: bool = False
    via: list[str] = field(default_factory=list)
    belief: bool = False

    def to_attribution(self) -> Attribution:
        hedged = self.belief or is_hedged(self.content.text)
        return Attribution(
            source=self.source,
            cue=self.cue,
            content=self.content,
            direct=self.direct,
            via=list(self.via),
            hedged=hedged,
        )


def _span(text: str, start: int, end: int) -> Span:
    """A span of text[start:end] trimmed of spaces and edge punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",:;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return Span(text=text[start:end], start=start, end=end)


def _content(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> tuple[Span, bool]:
    """Content span from start; a content that is one quotation becomes its inner text."""
    span = _span(text, start, end)
    if span.text[:1] in _OPEN_QUOTES:
        for opening, closing in quotes:
            if opening == span.start and closing >= span.end - 2:
                inner = _span(text, opening + 1, closing)
                return inner, True
    return span, False


def _quoted_before(mark: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation closing at or next to ``mark`` (the comma or quote before a cue)."""
    # Quotes are in text order and do not overlap, so their closings are sorted too.
    index = bisect_left(quotes, mark - 1, key=_closing_of)
    if index < len(quotes) and quotes[index][1] <= mark + 1:
        return quotes[index]
    return None


def _closing_of(quote: tuple[int, int]) -> int:
    return quote[1]


def _valid_source(phrase: str) -> bool:
    words = _words(phrase)
    if not words or len(words) > _MAX_SOURCE_TOKENS:
        return False
    if words[0].lower() in _lower_set("pronouns") and len(words) == 1:
        return True
    agents = _lower_set("agent_nouns") | _lower_set("report_nouns")
    return any(w[:1].isupper() for w in words) or any(w.lower() in agents for w in words)


def _choose_appositive(parts: list[tuple[int, int]], text: str) -> tuple[int, int]:
    """From comma parts before a cue ("A, B," or "A"), the one naming the source."""
    if len(parts) >= 3 and not text[parts[-1][0] : parts[-1][1]].strip():
        first, second = parts[-3], parts[-2]
        second_words = _words(text[second[0] : second[1]])
        first_text = text[first[0] : first[1]].strip()
        starts_lower = bool(second_words) and not second_words[0][:1].isupper()
        if starts_lower or not second_words:
            return first
        if _patterns()["descriptor"].match(first_text) or first_text[:1].islower():
            return second
        # "Juru bicara Kremlin, Dmitry Peskov," — a role phrase followed by a name.
        return second if len(second_words) <= 4 else first
    return parts[-1]


def _trim_to_connector(text: str, start: int, end: int) -> int:
    """Move start past the last clause connector inside text[start:end]."""
    connectors = _lower_set("connectors")
    best = start
    for match in _WORD.finditer(text, start, end):
        if match.group(0).lower() in connectors and match.group(0)[:1].islower():
            best = match.end()
    return best


def _strip_trailing_adverbs(text: str, start: int, end: int) -> tuple[int, bool]:
    """Drop adverbs ("juga", "telah") before a cue; report a negation ("tidak")."""
    adverbs = _lower_set("pre_cue_adverbs")
    negations = _lower_set("negations")
    negated = False
    words = list(_WORD.finditer(text, start, end))
    while words:
        word = words[-1].group(0).lower()
        if word in adverbs:
            end = words[-1].start()
        elif word in negations:
            end = words[-1].start()
            negated = True
        else:
            break
        words.pop()
    return end, negated


class _Extractor:
    def __init__(self, text: str, sentences: list[Sentence], entities: list[Entity]) -> None:
        self.text = text
        self.sentences = sentences
        self.entities = entities
        self.quotes = _quote_ranges(text)
        self.found: list[_Found] = []

    # -- sources -------------------------------------------------------------------------------

    def _source(
        self, start: int, end: int, sentence_found: list[_Found], *, lenient: bool = False
    ) -> tuple[Source, list[str]] | None:
        """The source phrase at text[start:end]; ``lenient`` after "menurut"/"according to",
        where the cue itself says a source follows ("the city fire department")."""
        span = _span(self.text, start, end)
        if not span.text:
            if sentence_found:  # "... dan menambahkan" — the subject is the previous source
                prev = sentence_found[-1]
                return prev.source, list(prev.via)
            return None
        if not (_valid_source(span.text) or (lenient and 0 < len(_words(span.text)) <= _MAX_SOURCE_TOKENS)):
            return None
        words = [w.lower() for w in _words(span.text)]
        if len(words) == 1 and words[0] in _lower_set("pronouns"):
            earlier = sentence_found or self.found
            prev = earlier[-1] if earlier else None
            if prev is not None:
                return Source(span.text, span.start, span.end, prev.source.canonical), list(prev.via)
            return Source(span.text, span.start, span.end, self._previous_subject(span.start)), []
        if self._is_report_anaphor(words):
            prev = self._resolve_report()
            if prev is not None:
                source = Source(span.text, span.start, span.end, canonical=prev.source.canonical)
                return source, list(prev.via)
        return Source(span.text, span.start, span.end, canonical=_canonical(span, self.entities)), []

    def _previous_subject(self, pos: int) -> str | None:
        """With no earlier statement, a pronoun refers to the previous sentence's subject:
        its leading capitalised phrase ("Dinas Kesehatan DKI Jakarta menargetkan ...")."""
        before = [s for s in self.sentences if s.end <= pos]
        if not before:
            return None
        sent = before[-1]
        words = list(_WORD.finditer(self.text, sent.start, sent.end))
        taken: list[re.Match[str]] = []
        for word in words:
            if not word.group(0)[:1].isupper():
                break
            taken.append(word)
        if not taken:
            return None
        return canonical_source_name(self.text[taken[0].start() : taken[-1].end()])

    @staticmethod
    def _is_report_anaphor(words: list[str]) -> bool:
        if len(words) < 2 or words[-1] not in _lower_set("determiners"):
            return False
        noun = " ".join(words[:-1])
        return noun in _lower_set("report_nouns") or noun in _lower_set("outlet_words")

    def _resolve_report(self) -> _Found | None:
        outlet = _patterns()["descriptor"]
        outlet_words = _lower_set("outlet_words")
        reporting = _lower_set("reporting_cues")
        for prev in reversed(self.found):
            cue = prev.cue.text.lower()
            src = prev.source.text.lower()
            if cue in reporting or any(w in src for w in outlet_words) or prev.via or outlet.match(src):
                return prev
        return self.found[-1] if self.found else None

    def _relay_names(self, start: int, end: int) -> list[Span]:
        """ "A yang mengutip B" -> [A, B] as spans."""
        spans: list[Span] = []
        pos = start
        for match in _patterns()["relay_join"].finditer(self.text, start, end):
            spans.append(_span(self.text, pos, match.start()))
            pos = match.end()
        spans.append(_span(self.text, pos, end))
        return [s for s in spans if s.text]

    def _via_names(self, spans: list[Span]) -> list[str]:
        return [_canonical(s, self.entities) for s in spans]

    # -- per sentence ----------------------------------------------------------------------------

    def _name_after(self, pos: int, end: int, tail: re.Pattern[str] | None) -> Span:
        """A source phrase starting at pos: up to a comma, or the name after a role phrase."""
        text = self.text
        name_end = self._phrase_end(pos, end)
        phrase = tail.sub("", text[pos:name_end]) if tail is not None else text[pos:name_end]
        phrase = _patterns()["age"].sub("", phrase)
        name = _span(text, pos, pos + len(phrase))
        # "kata juru bicara polisi, Budi Santoso" — the name follows a role phrase.
        if name_end < end and (name.text[:1].islower() or _patterns()["descriptor"].match(name.text)):
            follow_end = self._phrase_end(name_end + 1, end)
            follow = _span(text, name_end + 1, follow_end)
            follow_text = _patterns()["age"].sub("", follow.text)
            if follow_text[:1].isupper() and len(_words(follow_text)) <= 4:
                name = Span(follow_text, follow.start, follow.start + len(follow_text))
        return name

    def sentence(self, sent: Sentence) -> None:
        text = self.text
        start, end = sent.start, sent.end
        pats = _patterns()
        via: list[str] = []
        relay_source: tuple[Span, Span] | None = None  # (cue, name) of a prefix relay or "Menurut X,"
        local = text[start:end]
        prefix = (
            pats["relay_pre"].match(local)
            or pats["according_pre"].match(local)
            or pats["according_nya"].match(local)
        )
        clause_start = start
        if prefix:
            comma = text.find(",", start + prefix.end(), end)
            if comma > 0:
                names = self._relay_names(start + prefix.end(), comma)
                clause_start = comma + 1
                # "Seperti dilaporkan Tempo, yang mengutip dokumen internal, ..." — the chain goes on.
                joiner = pats["relay_join"].match(text, comma, end)
                next_comma = text.find(",", joiner.end(), end) if joiner else -1
                if joiner and next_comma > 0:
                    names.append(_span(text, joiner.end(), next_comma))
                    clause_start = next_comma + 1
                # "Menurut Kapolda Metro Jaya, Irjen Karyoto, ..." — a name after the role.
                follow = text.find(",", clause_start, end)
                if follow > 0 and names:
                    words = _words(text[clause_start:follow])
                    if 0 < len(words) <= 4 and all(w[:1].isupper() for w in words):
                        names[-1] = _span(text, clause_start, follow)
                        clause_start = follow + 1
                date = _DATE_PART.match(text, clause_start, end)
                if date:
                    clause_start = date.end()
                cue = _span(text, start, start + prefix.end())
                if text[start + prefix.end() : comma] == "nya":  # "Menurutnya, ..."
                    names = [Span("nya", start + prefix.end(), comma)]
                if names:
                    relay_source = (cue, names[-1])
                    via = self._via_names(names[:-1])
        sentence_found: list[_Found] = []
        used: list[tuple[int, int]] = []

        # Post-posed relay: "..., seperti yang dilaporkan oleh X." / "..., menurut X."
        post_relay: tuple[int, Span, Span] | None = None
        end_for_verbs = end
        match = pats["relay_post"].search(text, clause_start, end)
        if match and not _inside_quote(match.start(), self.quotes):
            name = self._name_after(match.end(), end, None)
            if name.text:
                post_relay = (match.start(), _span(text, match.start(1), match.end(1)), name)
                end_for_verbs = match.start()

        self._postposed(clause_start, end_for_verbs, sentence_found, used)
        self._verbs(clause_start, end_for_verbs, sentence_found, used)

        if post_relay is not None:
            comma, cue, name = post_relay
            relayed = [f for f in sentence_found if f.content.end <= comma + 1]
            if relayed:
                for f in relayed:
                    f.via = f.via + [self._outlet_name(name)]
            else:
                resolved = self._source(name.start, name.end, [], lenient=True)
                content, direct = _content(text, clause_start, comma, self.quotes)
                if content.text and resolved is not None:
                    sentence_found.append(_Found(resolved[0], cue, content, direct, list(via) + resolved[1]))
        for f in sentence_found:
            if relay_source is not None and f.source.start >= clause_start:
                f.via = via + [self._outlet_name(relay_source[1])] + f.via
        if relay_source is not None and not sentence_found:
            cue, name = relay_source
            content, direct = _content(text, clause_start, end, self.quotes)
            resolved = self._source(name.start, name.end, [], lenient=True)
            if content.text and resolved is not None:
                sentence_found.append(_Found(resolved[0], cue, content, direct, list(via) + resolved[1]))
        sentence_found.sort(key=lambda f: f.cue.start)
        self.found.extend(sentence_found)

    def _outlet_name(self, span: Span) -> str:
        return _canonical(span, self.entities)

    def _phrase_end(self, pos: int, end: int) -> int:
        comma = self.text.find(",", pos, end)
        return comma if comma >= 0 else end

    def _postposed(self, start: int, end: int, out: list[_Found], used: list[tuple[int, int]]) -> None:
        text = self.text
        pats = _patterns()
        for pattern in (pats["postposed"], pats["postposed_nya"]):
            for match in pattern.finditer(text, start, end):
                mark = match.start(1)
                if _inside_quote(mark, self.quotes):
                    continue
                if pattern is pats["postposed_nya"]:  # "ujarnya": the source is the suffix
                    name = Span("nya", match.end(2) - 3, match.end(2))
                    cue = Span(text[match.start(2) : match.end(2) - 3], match.start(2), match.end(2) - 3)
                else:
                    name = self._name_after(match.end(), end, _SOURCE_TAIL)
                    cue = _span(text, match.start(2), match.end(2))
                    if not _valid_source(name.text):
                        continue
                if any(s <= cue.start < e for s, e in used):
                    continue
                quote = _quoted_before(mark, self.quotes)
                if quote is not None:
                    content, direct = _span(text, quote[0] + 1, quote[1]), True
                else:
                    content, direct = _content(text, start, mark, self.quotes)
                if not content.text:
                    continue
                resolved = self._source(name.start, name.end, out)
                if resolved is None:
                    continue
                source, via = resolved
                out.append(_Found(source, cue, content, direct, via))
                used.append((cue.start, cue.end))

    def _passive_before(self, cue: Span) -> bool:
        before = _words(self.text[max(0, cue.start - 12) : cue.start])
        return bool(before) and before[-1].lower() in _lower_set("passive_auxiliaries")

    def _told_outlet(self, cue: Span, end: int) -> str | None:
        """ "told Reuters" / "mengatakan kepada Reuters": the outlet relays the statement."""
        after = self.text[cue.end : end]
        match = re.match(r"\s+(?:kepada\s+|the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})", after)
        if not match:
            return None
        outlets = {o.lower() for o in load_attribution_cues()["outlets"]}
        name = match.group(1).rstrip(".")
        return name if name.lower() in outlets else None

    def _verbs(self, start: int, end: int, out: list[_Found], used: list[tuple[int, int]]) -> None:
        text = self.text
        pats = _patterns()
        belief = _lower_set("belief_verbs")
        for match in pats["verb"].finditer(text, start, end):
            if any(s <= match.start() < e for s, e in used) or _inside_quote(match.start(), self.quotes):
                continue
            cue = Span(match.group(0), match.start(), match.end())
            is_belief = cue.text.lower() in belief
            if is_belief and self._passive_before(cue):
                continue  # "is believed to" is a hedge, not a source's belief
            that = pats["that"].search(text, cue.end, min(end, cue.end + 120))
            if that is not None and len(_words(text[cue.end : that.start()])) > 8:
                that = None
            needs_that = cue.text.lower() in _lower_set("belief_verbs_need_that")
            if needs_that and (that is None or len(_words(text[cue.end : that.start()])) > 3):
                continue
            pre_start = start
            for boundary in pats["that"].finditer(text, start, cue.start):
                pre_start = boundary.end()
            for earlier in out:  # a cue inside an earlier statement: its source starts there
                if earlier.content.start <= cue.start < earlier.content.end:
                    pre_start = max(pre_start, earlier.content.start)
            semi = max(text.rfind(";", pre_start, cue.start), text.rfind(":", pre_start, cue.start))
            if semi >= 0:
                pre_start = semi + 1
            pre_end, negated = _strip_trailing_adverbs(text, pre_start, cue.start)
            if negated:
                continue
            parts = self._comma_parts(pre_start, pre_end)
            part = _choose_appositive(parts, text)
            src_start = _trim_to_connector(text, part[0], part[1])
            while src_start < part[1] and text[src_start] in ' "”’':
                src_start += 1
            # After a closing quote the cue's subject is the source: '"...," the lawyer said.'
            after_quote = text[start:src_start].rstrip(" ,")[-1:] in {"”", '"', "’"}
            resolved = self._source(src_start, part[1], out, lenient=after_quote)
            if resolved is None:
                continue
            source, via = resolved
            outlet = self._told_outlet(cue, end)
            if outlet is not None:
                via = via + [outlet]
            after_words = _words(text[cue.end : end])
            before_source = text[start : source.start].rstrip()
            postposed = not after_words or (
                before_source[-1:] in {",", "”", '"'} and that is None and len(after_words) <= 4
            )
            if postposed and before_source:
                # "'...,' Budi said." / "..., two diplomats told Reuters." — content comes first.
                mark = len(before_source) + start - 1
                quote = _quoted_before(mark, self.quotes) or _quoted_before(mark - 1, self.quotes)
                if quote is not None:
                    content, direct = _span(text, quote[0] + 1, quote[1]), True
                else:
                    content, direct = _content(text, start, mark, self.quotes)
                for earlier in out:  # an earlier statement in this sentence ends before this source
                    cut = _span(text, earlier.content.start, mark)
                    if earlier.content.start < source.start < earlier.content.end and cut.text:
                        earlier.content = cut
            elif not after_words:
                continue
            else:
                content_start = cue.end
                if that is not None and not _inside_quote(that.start(), self.quotes):
                    content_start = that.end()
                lead = _LEADING_ADVERBIAL.match(text, content_start, end)
                if lead is not None and (that is None or content_start != that.end()):
                    content_start = lead.end()
                content_end = self._quote_end(content_start, end)
                content, direct = _content(text, content_start, content_end, self.quotes)
            if not content.text:
                continue
            out.append(_Found(source, cue, content, direct, via, belief=is_belief))
            used.append((cue.start, cue.end))

    def _quote_end(self, content_start: int, end: int) -> int:
        """Sentence end, or the close of a quotation that opens here and runs on."""
        pos = content_start
        while pos < end and self.text[pos] in " ,:":
            pos += 1
        for opening, closing in self.quotes:
            if opening == pos and closing >= end:
                return closing + 1
        return end

    def _comma_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        parts: list[tuple[int, int]] = []
        pos = start
        for i in range(start, end):
            if self.text[i] == ",":
                parts.append((pos, i))
                pos = i + 1
        parts.append((pos, end))
        return parts


def extract_attributions(
    text: str, *, sentences: list[Sentence], entities: list[Entity]
) -> list[Attribution]:
    """Every reported statement in ``text`` with its source, cue, content and relay chain."""
    extractor = _Extractor(text, sentences, sorted(entities, key=lambda e: e.start))
    covered_until = -1
    for sent in sentences:
        if sent.end <= covered_until:
            continue  # the rest of a quotation already taken with its opening sentence
        extractor.sentence(sent)
        if extractor.found:
            covered_until = max(covered_until, extractor.found[-1].content.end)
    return [f.to_attribution() for f in extractor.found]
