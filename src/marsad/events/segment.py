"""Event segmentation: a report that lists several places reports one event in each (ACLED codes one
event per location).

"قتل ستة مدنيين برصاص الأمن في حمص وإدلب ودير الزور" and "قصفت المدفعية قرى X، وY، وZ" are read as
lists: places joined only by conjunctions, prepositions, place nouns ("قرى", "بلدتي") and punctuation
(data/place_lists.tsv). A place named as another's surroundings ("هجين بريف دير الزور") qualifies it
and is not a member; "بين X وY" names a line between two places, not two events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

from ..datafiles import read_table
from ..text import fold
from .numbers import lookup


class _Mention(Protocol):
    start: int
    end: int
    qualifier: str | None


M = TypeVar("M", bound=_Mention)

# Punctuation and symbols that may separate list members ("X، وY", "#X و#Y", "«X» و«Y»").
_SEPARATORS = re.compile(r"[\s،,؛;:\"'«»“”#()\-–_/]+")
# Words right before a list that make its places the ends of a line, not places of events.
_BETWEEN = frozenset({"بين", "وبين"})


@lru_cache(maxsize=1)
def _joiners() -> dict[str, str]:
    rows = read_table("marsad.events", "data/place_lists.tsv", ("word", "role"))
    return {r["word"]: r["role"] for r in rows}


def joins(gap: str) -> bool:
    """Whether the text between two place names only joins them into one list: a conjunction or a
    list comma, and nothing but joining words. A preposition or place noun alone ("دوما في ريف
    دمشق", "حلب مدينة") places one name inside the other."""
    words = _joiners()
    folded = fold(gap)
    coordinated = "،" in folded or "," in folded
    for w in _SEPARATORS.split(folded):
        if not w:
            continue
        if w.startswith("و") and w not in words and w[1:] in words:
            w, coordinated = w[1:], True
        role = words.get(w)
        if role is None:
            return False
        coordinated = coordinated or role == "conjunction"
    return coordinated


def locates_toll(gap: str) -> bool:
    """Whether the text between a toll and a place only gives that toll's place: prepositions, place
    nouns, a count of the wounded ("وعشرة جرحى بقرية", " في مدينة "); not an agent or a clause
    ("برصاص الأمن في")."""
    words = _joiners()
    for w in _SEPARATORS.split(fold(gap)):
        if not w or w.isdigit() or lookup(w) is not None:
            continue
        bare = w[1:] if w[:1] in ("و", "ب", "ل") and w[1:] in words else w
        if words.get(bare) not in ("preposition", "place_noun", "wounded"):
            return False
    return True


def listed_places(
    text: str, chosen: M, sentence_places: Sequence[M], usable: Callable[[M], bool]
) -> list[M]:
    """`chosen` and the usable places listed with it in its sentence, in text order (`text` is the
    document text the mentions' offsets point into). A single place gives [chosen]."""
    ordered = sorted({(m.start, m.end): m for m in sentence_places}.values(), key=lambda m: m.start)
    if chosen not in ordered:
        return [chosen]
    i = ordered.index(chosen)
    members = [chosen]
    # Backwards, then forwards, over gaps that only join; forwards a qualifying place ("بريف X") is skipped.
    j = i
    while j > 0:
        prev, cur = ordered[j - 1], ordered[j]
        if not joins(text[prev.end : cur.start]):
            break
        members.insert(0, prev)
        j -= 1
    first = j
    k = i
    while k + 1 < len(ordered):
        cur, nxt = ordered[k], ordered[k + 1]
        if joins(text[cur.end : nxt.start]):
            members.append(nxt)
            k += 1
        elif (nxt.qualifier is not None and k + 2 < len(ordered)
              and joins(text[nxt.end : ordered[k + 2].start])):
            # "هجين بريف دير الزور وبلدة الشعفة": the governorate qualifies Hajin; the list goes on.
            members.append(ordered[k + 2])
            k += 2
        else:
            break
    if len(members) > 1 and _after_between(text, ordered[first].start):
        return [chosen]
    return [m for m in members if m is chosen or usable(m)]


def _after_between(text: str, start: int) -> bool:
    before = fold(text[max(0, start - 12) : start]).split()
    return bool(before) and before[-1] in _BETWEEN


def shares(total: int, n: int) -> list[int]:
    """A toll reported for n places together, divided as ACLED divides a total over days: equal
    parts, the remainder to the first."""
    if n <= 1:
        return [total]
    part, rest = divmod(total, n)
    return [part + (1 if i < rest else 0) for i in range(n)]
