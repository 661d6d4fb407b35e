"""Tokens over normalised text, and the clitic analysis every lexicon lookup goes through.

Arabic glues conjunctions, prepositions and the article to the front of a word (و ف ب ل ك ال لل)
and pronouns and inflections to its end. Rather than list "وقتل", "بالقصف", "لقسد" in lexicons,
each token is expanded once into the candidate stems it may stand for; lexicon entries are written
bare and match any candidate. A candidate remembers whether a suffix was taken off, so an entry can
refuse suffixed forms.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .normalize import NormText

# A token is a run of letters or a number (thousands / decimal separators kept inside numbers).
TOKEN_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+")


class Token(NamedTuple):
    # A NamedTuple, not a dataclass: a document has ~1,000 of them and construction cost shows.
    text: str  # normalised form
    start: int  # offsets into the normalised string
    end: int
    index: int  # position in the token list


def tokenize(nt: NormText, start: int = 0, end: int | None = None, first_index: int = 0) -> list[Token]:
    """Tokens of ``nt.norm[start:end]`` with offsets into ``nt.norm``, numbered from `first_index`."""
    end = len(nt.norm) if end is None else end
    return [Token(m.group(), m.start(), m.end(), i)
            for i, m in enumerate(TOKEN_RE.finditer(nt.norm, start, end), first_index)]


_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
# Prefix -> whether it ends in the article (so "ال" + stem is a candidate too).
_PREFIXES: dict[str, bool] = {}
for _c in _CONJ:
    for _p in _PREP:
        for _a in ("", "ال"):
            _pre = _c + _p + _a
            if _p == "ل" and _a == "ال":
                _pre = _c + "لل"
            if _pre:
                _PREFIXES[_pre] = bool(_a)
# Future / verbal prefix after a conjunction ("وسيقوم") is not a noun clitic; leave it to lexicons.
_PREFIX_LIST = sorted(_PREFIXES, key=len, reverse=True)
# The prefixes a word may carry, by its first letter (longest first), so each word tests only a few.
_PREFIXES_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _pre in _PREFIX_LIST:
    _PREFIXES_BY_FIRST[_pre[0]] = _PREFIXES_BY_FIRST.get(_pre[0], ()) + (_pre,)

PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه", "ي", "ك")
# Inflectional endings of nouns and verbs (plural, dual, feminine, person), longest first.
INFLECTION_SUFFIXES = ("تما", "تم", "ات", "ون", "ين", "ان", "وا", "تا", "ت", "ن", "ا", "ه", "ي")

MIN_STEM = 2
_ALL_SUFFIXES = PRONOUN_SUFFIXES + INFLECTION_SUFFIXES
_PRONOUNS = frozenset(PRONOUN_SUFFIXES)


def _by_last(suffixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for suf in suffixes:
        out[suf[-1]] = out.get(suf[-1], ()) + (suf,)
    return out


_SUFFIXES_BY_LAST = _by_last(_ALL_SUFFIXES)
_INFLECTIONS_BY_LAST = _by_last(INFLECTION_SUFFIXES)


class Candidate(NamedTuple):
    form: str
    prefix: str  # proclitics removed ("لل" read as ل + ال gives prefix "ل", form "ال...")
    suffix: str  # suffix removed ("" when none)
    cut: int  # characters removed from the front of the surface word


@lru_cache(maxsize=400_000)
def candidates(word: str) -> tuple[Candidate, ...]:
    """All readings of `word` as proclitics + stem + suffix, the bare word first."""
    heads: list[tuple[str, str, int]] = [("", word, 0)]
    for pre in _PREFIXES_BY_FIRST.get(word[:1], ()):
        if word.startswith(pre) and len(word) - len(pre) >= MIN_STEM:
            stem = word[len(pre):]
            heads.append((pre, stem, len(pre)))
            if _PREFIXES[pre]:
                # The article read back into the form: where it is written ("بالقاء"), the span
                # starts at its letters; merged into ل ("للجيش"), after the لل (callers decide).
                short = pre[:-2] if pre.endswith("ال") else pre[:-1]
                heads.append((short, "ال" + stem, len(short) if pre.endswith("ال") else len(pre)))
    seen: set[str] = set()
    out: list[Candidate] = []
    for pre, stem, cut in heads:
        if stem not in seen:
            seen.add(stem)
            out.append(Candidate(stem, pre, "", cut))
        for suf in _SUFFIXES_BY_LAST.get(stem[-1:], ()):
            if stem.endswith(suf) and len(stem) - len(suf) >= MIN_STEM:
                base = stem[: -len(suf)]
                if base not in seen:
                    seen.add(base)
                    out.append(Candidate(base, pre, suf, cut))
                # "قتلاه" "مسلحوه": pronoun on top of an inflection.
                if suf in _PRONOUNS:
                    for inf in _INFLECTIONS_BY_LAST.get(base[-1:], ()):
                        if base.endswith(inf) and len(base) - len(inf) >= MIN_STEM:
                            b2 = base[: -len(inf)]
                            if b2 not in seen:
                                seen.add(b2)
                                out.append(Candidate(b2, pre, inf + suf, cut))
    return tuple(out)


@lru_cache(maxsize=400_000)
def candidate_map(word: str) -> dict[str, Candidate]:
    """`candidates(word)` keyed by form (the first, least-stripped reading of each form wins)."""
    out: dict[str, Candidate] = {}
    for c in candidates(word):
        out.setdefault(c.form, c)
    return out
