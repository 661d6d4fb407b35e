"""Sentence splitting over normalised text.

Arabic news ends sentences with ". ! ؟ ?" and, in scraped pages, often with a bare line break.
A full stop between digits ("3.5") or after a single-letter abbreviation does not end one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOUNDARY = re.compile(r"(?<!\d)[.!?؟]+(?=\s|$|[\"'»”)])|[.!?؟]+(?=\s)|\n+")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offsets into the normalised string
    end: int
    index: int


def split_sentences(norm: str) -> list[Sentence]:
    """Sentences of `norm`, whitespace trimmed, empty ones dropped."""
    out: list[Sentence] = []
    pos = 0
    for m in _BOUNDARY.finditer(norm):
        _add(norm, pos, m.end(), out)
        pos = m.end()
    _add(norm, pos, len(norm), out)
    return out


def _add(norm: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, len(out)))
