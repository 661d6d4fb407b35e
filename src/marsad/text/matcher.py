"""Clitic-aware matching of single- and multi-word lexicon entries over tokens.

Every lexicon in Marsad (event triggers, actors, places, months, number words) is a list of
`Entry` objects whose words are written bare and normalised. A `Matcher` indexes them by first
word; `find()` walks the tokens once, reading each token through `candidate_map()` so that
proclitics (و ف ب ل ك ال لل) and, where an entry allows it, suffixes are looked through.
Offsets of every `Match` are into the normalised string; `NormText.span()` maps them back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .normalize import normalize_word
from .tokens import Candidate, Token, candidate_map


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry. `words` are normalised; `suffix` allows inflected / pronoun-suffixed
    forms of the last word; `prefix` allows proclitics on the first word."""

    words: tuple[str, ...]
    label: str
    data: Any = None
    suffix: bool = True
    prefix: bool = True

    @classmethod
    def of(cls, phrase: str, label: str, data: Any = None, *, suffix: bool = True,
           prefix: bool = True) -> Entry:
        return cls(tuple(normalize_word(phrase).split()), label, data, suffix, prefix)


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    first: int  # token index of the first token
    last: int  # token index one past the last token
    start: int  # normalised offsets of the match, proclitics of the first word excluded
    end: int
    prefix: str = ""  # proclitics on the first token, e.g. "و", "ل", "بال"
    suffix: str = ""  # suffix on the last token

    @property
    def label(self) -> str:
        return self.entry.label


@dataclass
class Matcher:
    """A lexicon indexed for matching. Build once, reuse for every document."""

    entries: list[Entry] = field(default_factory=list)
    _index: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    # word -> its readings that start some entry; most words have none, so this is the hot path.
    _heads: dict[str, tuple[tuple[str, Candidate], ...]] = field(default_factory=dict, repr=False)
    _gate: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        entries, self.entries = self.entries, []
        self.add(entries)

    def add(self, entries: Iterable[Entry]) -> None:
        for e in entries:
            if not e.words:
                continue
            self.entries.append(e)
            self._index.setdefault(e.words[0], []).append(e)
        for lst in self._index.values():
            lst.sort(key=lambda e: len(e.words), reverse=True)
        self._heads.clear()
        self._gate = None

    def may_match(self, norm_text: str) -> bool:
        """False when no entry can match anywhere in `norm_text` (a normalised sentence or document).

        Every reading of a word is a substring of it, except that "لل"/"بال" readings may add back
        an article; so the first words of all entries (article removed) are searched for as plain
        substrings, in one C-speed Aho-Corasick pass, before any token-level work."""
        if self._gate is None:
            import ahocorasick

            gate = ahocorasick.Automaton()
            for w in self._index:
                # "للجيش" reads as ل + الجيش: the article may be missing from the surface word. A word
                # whose "ال" leaves fewer than three letters ("القت" threw) starts with its root.
                key = w[2:] if w.startswith("ال") and len(w) >= 5 else w
                gate.add_word(key, None)
            gate.make_automaton()
            self._gate = gate
        for _ in self._gate.iter(norm_text):
            return True
        return False

    def _heads_of(self, word: str) -> tuple[tuple[str, Candidate], ...]:
        heads = self._heads.get(word)
        if heads is None:
            heads = tuple((f, c) for f, c in candidate_map(word).items() if f in self._index)
            if len(self._heads) < 500_000:
                self._heads[word] = heads
        return heads

    def __len__(self) -> int:
        return len(self.entries)

    def _word_ok(self, cand: Candidate | None, entry: Entry, i: int) -> bool:
        if cand is None:
            return False
        last = i == len(entry.words) - 1
        if cand.suffix and not (last and entry.suffix):
            return False
        if cand.prefix and not (i == 0 and entry.prefix) and cand.form != entry.words[i]:
            return False
        if i > 0 and cand.prefix and cand.prefix not in ("و", "ال"):
            return False
        return True

    def match_at(self, tokens: Sequence[Token], i: int) -> list[Match]:
        """Every entry matching at token `i`, longest first."""
        out: list[Match] = []
        for form, cand in self._heads_of(tokens[i].text):
            for e in self._index[form]:
                if not self._word_ok(cand, e, 0):
                    continue
                n = len(e.words)
                if i + n > len(tokens):
                    continue
                ok, suffix = True, cand.suffix
                for k in range(1, n):
                    c2 = candidate_map(tokens[i + k].text).get(e.words[k])
                    if not self._word_ok(c2, e, k):
                        ok = False
                        break
                    suffix = c2.suffix
                if ok:
                    out.append(Match(e, i, i + n, tokens[i].start + cand.cut, tokens[i + n - 1].end,
                                     cand.prefix, suffix))
        out.sort(key=lambda m: (m.last - m.first, not m.prefix and not m.suffix), reverse=True)
        return out

    def find(self, tokens: Sequence[Token], overlapping: bool = False) -> list[Match]:
        """Matches left to right. Without `overlapping`, the longest match at each position wins
        and the tokens it covers are consumed."""
        out: list[Match] = []
        i = 0
        heads = self._heads
        while i < len(tokens):
            h = heads.get(tokens[i].text)
            if h is None:
                h = self._heads_of(tokens[i].text)
            if not h:
                i += 1
                continue
            found = self.match_at(tokens, i)
            if not found:
                i += 1
                continue
            if overlapping:
                out.extend(found)
                i += 1
            else:
                out.append(found[0])
                i = found[0].last
        return out
