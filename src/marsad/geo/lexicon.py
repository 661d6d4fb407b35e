"""The hand-written data files of this package (`data/*.tsv`), read through importlib.resources."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..datafiles import read_rows
from ..text import normalize_word
from ..text.tokens import TOKEN_RE

DATA = "marsad.geo.data"
CONTEXT_KINDS = ("town", "admin", "area", "site", "water", "direction", "near", "prep", "org")
AMBIGUITY_NEEDS = ("noun", "context", "never")


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a geo data file as dicts keyed by its header (`datafiles.read_rows`)."""
    return [row for _, row in read_rows(DATA, name)]


def data_hash(*names: str) -> str:
    """A short digest of data files, part of the gazetteer cache key."""
    h = hashlib.sha1()
    for name in names:
        h.update(resources.files(DATA).joinpath(name).read_bytes())
    return h.hexdigest()[:12]


_ARABIC_NAME = re.compile(r"^[\u0621-\u064a ]+$")
_HAS_ARABIC = re.compile(r"[\u0621-\u064a]")


def name_key(name: str) -> str | None:
    """The lookup key of a place name: normalised words joined by one space, or None when the
    name is not plain Arabic letters (Persian / Kurdish spellings, Latin script, digits)."""
    if not _HAS_ARABIC.search(name):
        return None
    words = TOKEN_RE.findall(normalize_word(name))
    key = " ".join(words)
    if not key or not _ARABIC_NAME.match(key):
        return None
    return key


@dataclass(frozen=True, slots=True)
class ContextWord:
    words: tuple[str, ...]
    kind: str
    open: bool


@lru_cache(maxsize=1)
def context_words() -> dict[str, list[ContextWord]]:
    """Place nouns, directions, prepositions and organisation nouns, indexed by first word."""
    out: dict[str, list[ContextWord]] = {}
    for row in read_tsv("context.tsv"):
        cw = ContextWord(tuple(normalize_word(row["word"]).split()), row["kind"], row["open"] == "1")
        out.setdefault(cw.words[0], []).append(cw)
    for lst in out.values():
        lst.sort(key=lambda c: len(c.words), reverse=True)
    return out


@lru_cache(maxsize=1)
def ambiguous_names() -> dict[str, str]:
    """Normalised name -> what it needs before it to be read as a place (`noun` or `context`).
    The ordinary words of `common_words.txt` need a place noun."""
    out = {normalize_word(w): "noun" for w in common_words()}
    out.update({normalize_word(r["name"]): r["need"] for r in read_tsv("ambiguous.tsv")})
    return out


@lru_cache(maxsize=1)
def common_words() -> tuple[str, ...]:
    text = resources.files(DATA).joinpath("common_words.txt").read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.split("\n") if ln.strip() and not ln.startswith("#"))
