"""CRF features of a token sequence, shared by training (scripts/train_ner.py) and tagging.

Per word: its lower form, shape, affixes, word clusters at three granularities and
lexicon classes (title/role words, organisation heads, first names, outlets). Per position:
the same for neighbours within +-2, two bigrams, and gazetteer matches (places, countries,
outlets) found by longest match over the sentence. Word features are cached per word form
because news repeats words a lot; that is what makes tagging fast.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from warta.analyze.entities.resources import Resources

_CACHE_LIMIT = 200_000
_MAX_GAZ_TOKENS = 5
_OPENERS = {".", '"', "“", ":", "(", "-", "'", "‘", "!", "?"}


_SHAPE = str.maketrans(
    {
        **{chr(c): "X" for c in range(65, 91)},
        **{chr(c): "x" for c in range(97, 123)},
        **{str(d): "d" for d in range(10)},
    }
)
_REPEATS = re.compile(r"(.)\1+")


def shape(word: str) -> str:
    """X for upper case, x for lower case, d for digits, - for other ASCII; "u" if non-ASCII."""
    if not word.isascii():
        return "u"
    s = word.translate(_SHAPE)
    return s if s.isalpha() or s.isalnum() else "".join(c if c in "Xxd" else "-" for c in s)


def short_shape(word: str) -> str:
    return _REPEATS.sub(r"\1", shape(word))


class Featurizer:
    def __init__(self, resources: Resources) -> None:
        self.res = resources
        self._own: dict[str, list[str]] = {}
        self._infos: dict[str, tuple[str, str, str]] = {}
        self._ctx: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {}
        self._gazetteers: dict[str, tuple[set[tuple[str, ...]], dict[str, int]]] = {}
        for name, table in resources.gazetteers.items():
            longest: dict[str, int] = {}
            for key in table:
                if key and len(key) <= _MAX_GAZ_TOKENS:
                    longest[key[0]] = max(longest.get(key[0], 0), len(key))
            self._gazetteers[name] = (table, longest)

    def _info(self, word: str) -> tuple[str, str, str]:
        """Lower form, short shape and middle-sized cluster of a word (cached)."""
        found = self._infos.get(word)
        if found is None:
            if len(self._infos) > _CACHE_LIMIT:
                self._infos.clear()
            low = word.lower()
            clusters = self.res.clusters.get(low)
            mid = clusters[1].partition("=")[2] if clusters and len(clusters) > 1 else "?"
            found = self._infos[word] = (low, short_shape(word), mid)
        return found

    def _word_core(self, word: str) -> list[str]:
        """Features of a word that neighbours also see (prefixed by their offset)."""
        low = word.lower()
        feats = ["w=" + low, "s=" + short_shape(word)]
        clusters = self.res.clusters.get(low)
        if clusters:
            feats.extend(clusters)
        feats.extend(self.res.lexicon.get(low, ()))
        return feats

    def own_features(self, word: str) -> list[str]:
        feats = self._own.get(word)
        if feats is None:
            if len(self._own) > _CACHE_LIMIT:
                self._own.clear()
            low = word.lower()
            feats = ["bias", "W=" + word, "S=" + shape(word)[:6]]
            feats.extend(self._word_core(word))
            feats.extend(("p1=" + low[:1], "p2=" + low[:2], "p3=" + low[:3]))
            feats.extend(("x1=" + low[-1:], "x2=" + low[-2:], "x3=" + low[-3:], "x4=" + low[-4:]))
            if word.isupper() and len(word) > 1:
                feats.append("allcaps")
            elif word[:1].isupper():
                feats.append("title")
            if "-" in word:
                feats.append("hyphen")
            if any(c.isdigit() for c in word):
                feats.append("digit")
            feats.append(f"len={min(len(word), 8)}")
            self._own[word] = feats
        return feats

    def context_features(self, word: str) -> tuple[list[str], list[str], list[str], list[str]]:
        ctx = self._ctx.get(word)
        if ctx is None:
            if len(self._ctx) > _CACHE_LIMIT:
                self._ctx.clear()
            core = self._word_core(word)
            ctx = tuple([f"{k}:{f}" for f in core] for k in ("-2", "-1", "+1", "+2"))  # type: ignore[assignment]
            self._ctx[word] = ctx  # type: ignore[assignment]
        return ctx  # type: ignore[return-value]

    def gazetteer_marks(self, words: Sequence[str], lows: Sequence[str] | None = None) -> list[list[str]]:
        """BIO marks of the longest gazetteer match starting at each token, by list name."""
        marks: list[list[str]] = [[] for _ in words]
        if lows is None:
            lows = [w.lower() for w in words]
        n = len(words)
        # Only capitalised words open a match.
        openers = [i for i, w in enumerate(words) if w[:1].isupper()]
        if not openers:
            return marks
        for name, (table, longest) in self._gazetteers.items():
            free = 0  # first position not inside an earlier match
            for i in openers:
                if i < free:
                    continue
                # ``longest`` bounds the lengths to try.
                reach = longest.get(lows[i], 0)
                for length in range(min(reach, n - i), 0, -1):
                    if tuple(lows[i : i + length]) in table:
                        marks[i].append(f"g{name}=B")
                        for j in range(i + 1, i + length):
                            marks[j].append(f"g{name}=I")
                        if length > 1:
                            marks[i + length - 1].append(f"g{name}=E")
                        free = i + length
                        break
        return marks

    def parts(self, words: Sequence[str]) -> list[tuple[str, list[str]]]:
        """Per position: the word and the features tied to this position only (bigrams,
        gazetteer marks, sentence edges). Word features come from ``own_features`` and
        ``context_features`` of the word and its neighbours."""
        n = len(words)
        info = [self._info(w) for w in words]
        lows = [x[0] for x in info]
        shapes = [x[1] for x in info]
        mids = [x[2] for x in info]
        gaz = self.gazetteer_marks(words, lows)
        # A sentence written in capitals (a title, a dateline) says little through case.
        letters = [w for w in words if w[:1].isalpha()]
        caps_sentence = len(letters) >= 3 and sum(w.isupper() for w in letters) * 2 > len(letters)
        out: list[tuple[str, list[str]]] = []
        for i, word in enumerate(words):
            extra = list(gaz[i])
            if caps_sentence:
                extra.append("capsent")
            # Conjunctions a linear model cannot build: the previous word with this word's
            # shape, this word with the next one's shape, and the shape trigram.
            prev_low = lows[i - 1] if i > 0 else "<s>"
            next_shape = shapes[i + 1] if i < n - 1 else "</s>"
            extra.append("w-1|s=" + prev_low + "|" + shapes[i])
            extra.append("s|s+1=" + shapes[i] + "|" + next_shape)
            extra.append("s-1|s|s+1=" + (shapes[i - 1] if i > 0 else "<s>") + "|" + shapes[i] + "|" + next_shape)
            # Middle-sized clusters of the word and its left neighbour.
            extra.append("c-1|c=" + (mids[i - 1] if i > 0 else "<s>") + "|" + mids[i])
            extra.append("c|c+1=" + mids[i] + "|" + (mids[i + 1] if i < n - 1 else "</s>"))
            # Capitals mean more inside a sentence than at its start (a linear model cannot
            # combine "title" and "BOS" by itself).
            if i > 0 and word[:1].isupper() and words[i - 1] not in _OPENERS:
                extra.append("midcap")
            if i == 0:
                extra.append("BOS")
            else:
                extra.append("b-=" + lows[i - 1] + "|" + lows[i])
                extra.extend("-1:" + g for g in gaz[i - 1])
                if i == 1:
                    extra.append("-2:BOS")
            if i == n - 1:
                extra.append("EOS")
            else:
                extra.append("b+=" + lows[i] + "|" + lows[i + 1])
                extra.extend("+1:" + g for g in gaz[i + 1])
                if i == n - 2:
                    extra.append("+2:EOS")
            out.append((word, extra))
        return out

    def sentence_features(self, words: Sequence[str]) -> list[list[str]]:
        """All features of every position, as crfsuite wants them (training)."""
        n = len(words)
        ctx = [self.context_features(w) for w in words]
        out: list[list[str]] = []
        for i, (word, extra) in enumerate(self.parts(words)):
            feats = list(self.own_features(word))
            if i > 0:
                feats.extend(ctx[i - 1][1])
            if i > 1:
                feats.extend(ctx[i - 2][0])
            if i < n - 1:
                feats.extend(ctx[i + 1][2])
            if i < n - 2:
                feats.extend(ctx[i + 2][3])
            feats.extend(extra)
            out.append(feats)
        return out
