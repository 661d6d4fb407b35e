"""One pass over a sentence for every event lexicon: triggers, modality cues and clause openers.

`text.Matcher` is built for one lexicon at a time; event detection needs three (data/triggers.tsv,
data/cues.tsv, data/clauses.tsv) over the same tokens, and most sentences of a news feed contain
none of their triggers. `Scanner` indexes all entries together and caches, per distinct word, the
single-word entries it matches and the multi-word entries it may open, so that scanning a sentence
is one dict lookup per token; the clitic rules are those of `text.Matcher` (proclitics only on a
phrase's first word, suffixes only on its last word and only where the entry allows them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..text import Candidate, Entry, Match, Token, candidate_map

_CACHE_LIMIT = 500_000  # distinct words kept; a news archive has far fewer


@dataclass(frozen=True, slots=True)
class _Head:
    entry: Entry
    cand: Candidate


def _word_ok(cand: Candidate | None, entry: Entry, i: int) -> bool:
    """Whether a reading of a token may stand for word `i` of `entry` (the rules of text.Matcher)."""
    if cand is None:
        return False
    if cand.suffix and not (i == len(entry.words) - 1 and entry.suffix):
        return False
    if cand.prefix and not (i == 0 and entry.prefix) and cand.form != entry.words[i]:
        return False
    return not (i > 0 and cand.prefix and cand.prefix not in ("و", "ال"))


class Scanner:
    """Entries of several lexicons, matched together. Build once (see triggers.scanner())."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._index: dict[str, list[Entry]] = {}
        for e in entries:
            if e.words:
                self._index.setdefault(e.words[0], []).append(e)
        # word -> (single-word matches as (entry, cand), multi-word heads); () when none.
        self._cache: dict[str, tuple[tuple[_Head, ...], tuple[_Head, ...]] | tuple[()]] = {}

    def _lookup(self, word: str) -> tuple[tuple[_Head, ...], tuple[_Head, ...]] | tuple[()]:
        singles: list[_Head] = []
        multis: list[_Head] = []
        for form, cand in candidate_map(word).items():
            for e in self._index.get(form, ()):
                if _word_ok(cand, e, 0):
                    (singles if len(e.words) == 1 else multis).append(_Head(e, cand))
        out = (tuple(singles), tuple(multis)) if singles or multis else ()
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[word] = out
        return out

    def scan(self, tokens: Sequence[Token]) -> list[Match]:
        """Every match of every entry, overlapping, in token order (longer first at a position)."""
        out: list[Match] = []
        cache = self._cache
        n = len(tokens)
        for i, tok in enumerate(tokens):
            info = cache.get(tok.text)
            if info is None:
                info = self._lookup(tok.text)
            if not info:
                continue
            singles, multis = info
            here: list[Match] = []
            for h in multis:
                e = h.entry
                k = len(e.words)
                if i + k > n:
                    continue
                suffix = h.cand.suffix
                for j in range(1, k):
                    c2 = candidate_map(tokens[i + j].text).get(e.words[j])
                    if not _word_ok(c2, e, j):
                        break
                    suffix = c2.suffix  # type: ignore[union-attr]
                else:
                    here.append(Match(e, i, i + k, tok.start + h.cand.cut, tokens[i + k - 1].end,
                                      h.cand.prefix, suffix))
            if len(here) > 1:
                here.sort(key=lambda m: m.last - m.first, reverse=True)
            out.extend(here)
            for h in singles:
                out.append(Match(h.entry, i, i + 1, tok.start + h.cand.cut, tok.end, h.cand.prefix,
                                 h.cand.suffix))
        return out


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
