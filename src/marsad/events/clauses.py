"""Clauses of a sentence: which tokens are backgrounded, and where each clause's predicate stands.

A news sentence reports its event in its main clause ("فجر انتحاري نفسه ...") or in reported speech
("قال مصدر إن مسلحين خطفوا ..."); relative, temporal, purpose, causal, conditional and concessive
clauses mostly recall or explain events already known ("الذي اغتيل عام ...", "عندما فرقت الشرطة
..."). The segmentation is shallow and data-driven: a clause starts at an opener word of
data/clauses.tsv or after punctuation; a subordinate clause ends at the next punctuation mark,
where the enclosing main (or reported-speech) clause resumes. Parentheses are asides: their tokens
form a clause of their own and the clause around them goes on after them. Quotation marks do not
break clauses (they mark names as often as quotes).

Each clause's *head* is its first content word once the opener and skipped words (data/clauses.tsv
`skip`: particles, days, "أمس") are passed: in VSO order that is the verb, in a headline the noun.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..text import Entry, Token
from .forms import form_entries

SUBORDINATE = frozenset({"relative", "temporal", "purpose", "cause", "condition", "concession"})
KINDS = SUBORDINATE | {"locative", "complement", "coord", "continue", "skip"}
# Characters between two tokens that end a clause. Quotation marks and parentheses are handled apart.
BREAK_CHARS = frozenset(',;:.!?*،؛؟')
# Characters that end the (narrower) scope of modality cues: quotation marks too.
MODALITY_BREAKS = BREAK_CHARS | {'"'}


@dataclass(frozen=True, slots=True)
class Clauses:
    """Per-token clause information for one sentence's tokens (parallel lists)."""

    kind: list[str]  # "main", "complement", "paren" or a SUBORDINATE kind
    head: list[int]  # token position of the head of the clause the token belongs to
    start: list[int]  # token position where that clause starts
    breaks: list[bool]  # punctuation between token i-1 and token i (the scope of modality cues)

    def subordinate(self, i: int) -> bool:
        return self.kind[i] in SUBORDINATE


def segment(tokens: Sequence[Token], norm: str, openers: dict[int, tuple[str, int]]) -> Clauses:
    """Clauses of a sentence's tokens. `openers` maps a token position to the (kind, end position) of
    the data/clauses.tsv entry starting there (the longest one)."""
    n = len(tokens)
    kind = ["main"] * n
    head = [0] * n
    start = [0] * n
    level = "main"  # the non-subordinate kind the sentence returns to after punctuation
    cur, cur_start = "main", 0
    breaks = [False] * n
    heads: dict[int, int] = {}  # clause start -> head position
    saved: tuple[str, int] | None = None  # the clause a parenthesis interrupted
    skip_to = 0  # first position past an opener or skipped word at a clause's start
    prev_end = tokens[0].start if tokens else 0
    for i, tok in enumerate(tokens):
        gap = norm[prev_end:tok.start]
        prev_end = tok.end
        opened = False
        op = openers.get(i)
        if gap != " " and gap:  # most gaps are one space
            breaks[i] = any(c in MODALITY_BREAKS for c in gap)
            if "(" in gap and saved is None:
                saved = (cur, cur_start)
                cur, cur_start, opened = "paren", i, True
            elif ")" in gap and saved is not None:
                cur, cur_start = saved
                saved = None
            if saved is None and any(c in BREAK_CHARS for c in gap) and not (op and op[0] == "continue"):
                cur, cur_start, opened = level, i, True
        if op is not None and op[0] not in ("skip", "continue") and saved is None:
            k, end = op
            if k in SUBORDINATE:
                cur = k
            elif k == "complement" and cur not in SUBORDINATE:
                cur = level = "complement"
            elif k == "coord":
                cur = level
            # "locative" keeps the kind of the clause it is attached to.
            cur_start, opened = i, True
            skip_to = end
        elif opened:
            skip_to = i
        if op is not None and op[0] == "skip" and skip_to == i:
            skip_to = op[1]
        if cur_start not in heads and i >= skip_to:
            heads[cur_start] = i
        kind[i] = cur
        start[i] = cur_start
    for i in range(n):
        head[i] = heads.get(start[i], n)
    return Clauses(kind, head, start, breaks)


CLAUSE = "clause"  # the `data` of an opener Entry, telling openers apart in a shared scanner


@lru_cache(maxsize=1)
def opener_entries() -> list[Entry]:
    """data/clauses.tsv as matcher entries labelled with their clause kind."""
    return form_entries("clauses.tsv", CLAUSE)
