"""Named entities: people (PER), organisations (ORG) and places (LOC) with canonical names.

``extract_entities`` tokenises each sentence (with offsets), tags it with the shipped CRF
(``warta/data/ner/model.npz``, trained by ``scripts/train_ner.py``), corrects the spans
with a few rules (titles, outlets, role-phrase organisations, geographic names; see
``rules``), lets the override lists win where they are certain (outlets, gazetteer, short
names, ranks, roles; see ``overrides``), keeps one label per name within the article, and
gives each mention a canonical name and, for places, coordinates (see ``linking``).
Everything runs offline; the model and tables load once per process.
"""

from __future__ import annotations

from bisect import bisect_left

from warta.analyze.entities.linking import Mention, resolve_names
from warta.analyze.entities.overrides import document_overrides
from warta.analyze.entities.resources import Resources, get_resources, token_key
from warta.analyze.entities.rules import apply_rules
from warta.analyze.entities.tagger import tag_tokens
from warta.analyze.entities.tokenize import Token, tokenize
from warta.eval.ner import bio_spans
from warta.model import Entity, Sentence

__all__ = ["extract_entities", "tag_words", "tag_tokens", "tokenize", "Token"]

_POSSESSIVE = ("'s", "’s")
_DASHES = {"-", "–", "—"}


def _sentences(text: str, sentences: list[Sentence] | None) -> list[Sentence]:
    if sentences is not None:
        return sentences
    from warta.analyze.sentences import split_sentences

    return split_sentences(text)


def _segments(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Cut a sentence at dashes with space around them ("KONTAN.CO.ID - PYONGYANG. ..."):
    names never run across such a dash, and taggers join the two sides otherwise."""
    parts: list[list[Token]] = [[]]
    for tok in tokens:
        spaced = (
            tok.text in _DASHES
            and text[tok.start - 1 : tok.start].isspace()
            and text[tok.end : tok.end + 1].isspace()
        )
        if spaced:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


_ENGLISH_WORDS = frozenset("the of and to in is was said for on that with from at by has have will".split())
_INDONESIAN_WORDS = frozenset("yang dan di itu dengan untuk dari ini pada akan tidak dalam ke adalah".split())


def looks_english(text: str) -> bool:
    """A cheap vote of function words, for when the caller does not know the language."""
    words = [w.lower() for w in text.split()[:400]]
    english = sum(w in _ENGLISH_WORDS for w in words)
    return english > sum(w in _INDONESIAN_WORDS for w in words)


def tag_words(words: list[str], *, english: bool = False, conventions: bool = False) -> list[str]:
    """BIO tags for pre-tokenised words: the tagger plus the span rules (for scoring on NER
    corpora). ``conventions`` adds warta's own span conventions, which extract_entities
    applies and the corpora do not all share (see ``overrides.sentence_overrides``)."""
    res = get_resources()
    spans = apply_rules(
        words, sorted(bio_spans(tag_tokens(words))), res, res.typed_aliases, english, conventions=conventions
    )
    tags = ["O"] * len(words)
    for start, end, kind in spans:
        tags[start] = "B-" + kind
        for k in range(start + 1, end):
            tags[k] = "I-" + kind
    return tags


def _mentions_in(
    text: str, tokens: list[Token], res: Resources, english: bool, outlets: dict[tuple[str, ...], str] | None
) -> list[Mention]:
    words = [t.text for t in tokens]
    spans = {(s, e, kind) for s, e, kind in bio_spans(tag_tokens(words))}
    fixed: dict[tuple[int, int], str] = {}
    spans = apply_rules(words, sorted(spans), res, res.typed_aliases, english, outlets=outlets, fixed=fixed)
    out = []
    for start, end, kind in spans:
        begin, stop = tokens[start].start, tokens[end - 1].end
        if text[begin:stop].endswith(_POSSESSIVE):
            stop -= 2
        if stop > begin:
            out.append(Mention(text[begin:stop], begin, stop, kind, certain=fixed.get((start, end)) == kind))
    return out


def _propagate_names(mentions: list[Mention], tokens: list[Token], res: Resources) -> list[Mention]:
    """The first or last word of a full person name found in the article, standing alone where
    the tagger saw nothing ("Scholz" opening a sentence), is a mention of that person too."""
    parts: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if m.type == "PER" and len(words) > 1:
            parts.update(w for w in (words[0], words[-1]) if len(w) > 2 and w[:1].isupper())
    # Not a title, nor an area's name (a small town abroad named like a surname is fine).
    parts -= {w for w in parts if w.lower() in res.titles or w.lower() in res.areas}
    if not parts:
        return []
    # Whether a token overlaps a mention: among mentions starting before the token ends,
    # does the furthest end reach past its start? (bisection and a running maximum, instead
    # of every mention per token, which made a text of many names quadratic)
    covered = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in covered]
    reach: list[int] = []
    furthest = -1
    for _, end in covered:
        furthest = max(furthest, end)
        reach.append(furthest)
    found = []
    for tok in tokens:
        if tok.text not in parts:
            continue
        before = bisect_left(starts, tok.end)
        if before and reach[before - 1] > tok.start:
            continue
        found.append(Mention(tok.text, tok.start, tok.end, "PER"))
    return found


def _own_outlet(outlet: str | None, res: Resources) -> dict[tuple[str, ...], str] | None:
    """The article's own outlet as an outlet name, unless it is an ordinary word."""
    if not outlet or not outlet.strip():
        return None
    name = " ".join(outlet.split())
    if " " not in name and "." not in name and name.lower() in res.common_words:
        return None
    return {token_key(name): name}


def extract_entities(
    text: str,
    *,
    sentences: list[Sentence] | None = None,
    language: str | None = None,
    outlet: str | None = None,
) -> list[Entity]:
    """Entity mentions of ``text`` in order, each with ``text == text[start:end]``.

    ``language`` ("id", "en", ...) picks the English span rules; when it is None a quick
    function-word vote decides. The tagger itself is the same for both languages.
    ``outlet`` is the article's own outlet: named in the text, it is an organisation.
    """
    res = get_resources()
    english = language.lower().startswith("en") if language else looks_english(text)
    own = _own_outlet(outlet, res)
    mentions: list[Mention] = []
    all_tokens: list[Token] = []
    first: set[int] = set()
    for sentence in _sentences(text, sentences):
        for tokens in _segments(text, tokenize(text, sentence.start, sentence.end)):
            mentions.extend(_mentions_in(text, tokens, res, english, own))
            first.add(len(all_tokens))
            all_tokens.extend(tokens)
    mentions.extend(_propagate_names(mentions, all_tokens, res))
    mentions.sort(key=lambda m: (m.start, m.end))
    document_overrides(text, mentions, all_tokens, first, res)
    resolve_names(mentions, res)
    return [Entity(m.text, m.start, m.end, m.type, m.canonical, m.lat, m.lon) for m in mentions]
