"""Attribution: who the article says reported an event ("وفق وكالة فرانس برس",
"قال مصدر أمني", "بحسب المرصد السوري لحقوق الإنسان").

A preposition of attribution (data/attribution.tsv, kind `prep`) takes whatever noun phrase
follows it; a reporting verb (`verb`) only a subject that starts with a source noun (`head`:
وكالة، مصدر، شبكات ...) or an agency's name, so that "أعلنت قسد سيطرتها" is not read as a source.
The noun phrase runs until a stop word, clause punctuation or a few words.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.text import Entry, Match, Matcher, Sentence, TextView

from .lexicon import read_tsv

_MAX_WORDS = 7
_PUNCT = frozenset("،,.:;؛()[]!?؟")
_UNITS = ("head", "agency")


@lru_cache(maxsize=1)
def attribution_matcher() -> Matcher:
    entries = []
    for _, r in read_tsv("attribution.tsv"):
        # Reporting verbs inflect (قالت، ذكروا); names and function words are matched exactly.
        entries.append(Entry.of(r["cue"], r["kind"], suffix=r["kind"] == "verb"))
    return Matcher(entries)


def _punct_between(norm: str, a: int, b: int) -> bool:
    return any(ch in _PUNCT for ch in norm[a:b])


def find_attribution(view: TextView, sentence: Sentence) -> tuple[int, int, str] | None:
    """The first source the sentence attributes its report to: (start, end) in normalised
    offsets (map with `view.span()`) and the source's name as written in the original text."""
    toks = view.tokens_of(sentence)
    if not toks:
        return None
    matches = attribution_matcher().find(toks)
    at: dict[int, Match] = {m.first: m for m in matches}
    for m in matches:
        if m.label not in ("prep", "verb"):
            continue
        j = m.last
        # "حسبما ذكرت وكالة ...": the verb after the preposition belongs to it.
        if m.label == "prep" and j in at and at[j].label == "verb":
            j = at[j].last
        if m.label == "prep" and j < len(toks) and toks[j].text in ("ما", "لما"):
            j += 1
            if j in at and at[j].label == "verb":
                j = at[j].last
        if j >= len(toks) or _punct_between(view.norm, toks[j - 1].end, toks[j].start):
            continue
        first_unit = at.get(j)
        if m.label == "verb" and (first_unit is None or first_unit.label not in _UNITS):
            continue
        span = _source(view, toks, j, at)
        if span is not None:
            start, end = span
            return start, end, view.original(start, end)
    return None


def _source(view: TextView, toks: list, j: int, at: dict[int, Match]) -> tuple[int, int] | None:
    norm = view.norm
    start = end = -1
    words = 0
    while j < len(toks) and words < _MAX_WORDS:
        tok = toks[j]
        if tok.text == "ل":  # "وفقا لـ"فرانس برس"" / "قال مسؤول لـ"رويترز""
            if start >= 0:
                break
            j += 1
            continue
        if start >= 0 and _punct_between(norm, end, tok.start):
            break
        unit = at.get(j)
        if start >= 0 and unit is not None and "ل" in unit.prefix.removesuffix("ال"):
            break  # "قال مسؤول لوكالة فرانس برس": the agency is told, the official speaks
        if unit is not None and unit.label in _UNITS:
            s, e, nxt = unit.start, unit.end, unit.last
            if unit.prefix.endswith("ال") and norm.startswith("ال", s - 2):  # "الوزارة", not "وزارة"
                s -= 2
        elif unit is not None or (start >= 0 and tok.text.startswith("ل") and tok.text != "ل"):
            break  # a stop word, another cue, or "لوكالة" addressing the statement to someone
        else:
            s, e, nxt = tok.start, tok.end, j + 1
        if start < 0:
            start = s
        end, j = e, nxt
        words += 1
    if start < 0:
        return None
    # A name in quotes keeps its closing quote: وكالة "فرانس برس".
    if norm.count('"', start, end) % 2 == 1 and norm.startswith('"', end):
        end += 1
    return start, end
