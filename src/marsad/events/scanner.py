"""One pass over a sentence for every event lexicon: triggers, modality cues and clause openers.

`text.Matcher` is built for one lexicon at a time; event detection needs three (data/triggers.tsv,
data/cues.tsv, data/clauses.tsv) over the same tokens, and most sentences of a news feed contain
none of their triggers. `Scanner` indexes all entries together and caches, per distinct word, the
single-word entries it matches and the multi-word entries it may open, so that scanning a sentence
is one dict lookup per token; the clitic rules are those of `text.Matcher` (proclitics only on a
phrase's first word, suffixes only on its last word and only where the entry allows them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..text import Candidate, Entry, Match, Token, candidate_map

_CACHE_LIMIT = 500_000  # distinct words kept; a news archive has far fewer


# A reading of a word that may stand for an entry's first word: (entry, candidate).
_Head = tuple[Entry, Candidate]
_Info = tuple[tuple[_Head, ...], tuple[_Head, ...]]


def _word_ok(cand: Candidate | None, entry: Entry, i: int) -> bool:
    """Whether a reading of a token may stand for word `i` of `entry` (the rules of text.Matcher)."""
    if cand is None:
        return False
    if cand.suffix and not (i == len(entry.words) - 1 and entry.suffix):
        return False
    if cand.prefix and i == 0 and not entry.prefix:
        return False  # a "noprefix" entry: "كلم" (km) is no ك + the negation "لم"
    return not (i > 0 and cand.prefix and cand.prefix not in ("و", "ال"))


class Scanner:
    """Entries of several lexicons, matched together. Build once (see triggers.scanner())."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._index: dict[str, list[Entry]] = {}
        for e in entries:
            if e.words:
                self._index.setdefault(e.words[0], []).append(e)
        # word -> (single-word matches, multi-word heads); () when the word starts no entry.
        self._cache: dict[str, _Info | tuple[()]] = {}

    def _lookup(self, word: str) -> _Info | tuple[()]:
        singles: list[_Head] = []
        multis: list[_Head] = []
        for form, cand in candidate_map(word).items():
            for e in self._index.get(form, ()):
                if _word_ok(cand, e, 0):
                    (singles if len(e.words) == 1 else multis).append((e, cand))
        # Longer phrases first, as text.Matcher tries them.
        multis.sort(key=lambda h: len(h[0].words), reverse=True)
        out = (tuple(singles), tuple(multis)) if singles or multis else ()
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[word] = out
        return out

    def _rest(self, tokens: Sequence[Token], i: int, e: Entry, nxt: dict[str, Candidate]) -> Candidate | None:
        """The reading of the last word when tokens i+1... carry the rest of phrase `e`, else None.
        `nxt` is the candidate map of token i+1 (shared by all the phrases starting at i)."""
        k = len(e.words)
        if i + k > len(tokens):
            return None
        c2 = nxt.get(e.words[1])
        if not _word_ok(c2, e, 1):
            return None
        for j in range(2, k):
            c2 = candidate_map(tokens[i + j].text).get(e.words[j])
            if not _word_ok(c2, e, j):
                return None
        return c2

    def _hits(self, tokens: Sequence[Token]) -> Iterator[tuple[int, Entry, Candidate, int, str]]:
        """(position, entry, reading of the first word, tokens covered, suffix of the last word) for
        every match, overlapping, in token order (longer first at a position)."""
        cache = self._cache
        for i, tok in enumerate(tokens):
            info = cache.get(tok.text)
            if info is None:
                info = self._lookup(tok.text)
            if not info:
                continue
            singles, multis = info
            nxt = candidate_map(tokens[i + 1].text) if multis and i + 1 < len(tokens) else {}
            for e, cand in multis:
                if e.words[1] not in nxt:  # the common case, checked without a call
                    continue
                c2 = self._rest(tokens, i, e, nxt)
                if c2 is not None:
                    yield i, e, cand, len(e.words), c2.suffix
            for e, cand in singles:
                yield i, e, cand, 1, cand.suffix

    def scan(self, tokens: Sequence[Token]) -> list[Match]:
        """Every match of every entry, overlapping, in token order (longer first at a position)."""
        return [Match(e, i, i + k, tokens[i].start + cand.cut, tokens[i + k - 1].end, cand.prefix, suffix)
                for i, e, cand, k, suffix in self._hits(tokens)]

    def spans(self, tokens: Sequence[Token]) -> list[tuple[Entry, int, int]]:
        """`scan` without offsets or clitics: (entry, first, last) for each match, cheaper to build."""
        return [(e, i, i + k) for i, e, _, k, _ in self._hits(tokens)]


def longest(matches: Sequence[Match]) -> list[Match]:
    """The non-overlapping choice `text.Matcher.find` makes: left to right, at each position the
    longest match (a bare reading before a clitic one), the tokens it covers consumed."""
    out: list[Match] = []
    pos = 0
    best: Match | None = None
    for m in matches:
        if m.first < pos:
            continue
        if best is not None and m.first != best.first:
            out.append(best)
            pos = best.last
            best = None
            if m.first < pos:
                continue
        if best is None or (m.last - m.first, not m.prefix and not m.suffix) > (
                best.last - best.first, not best.prefix and not best.suffix):
            best = m
    if best is not None:
        out.append(best)
    return out
