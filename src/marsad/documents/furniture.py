"""Page furniture: lines of a scraped page that are not part of the article.

Scrapers keep share bars ("شارك", "فيسبوك تويتر"), related-article lists ("مقالات ذات صلة" and the
headlines under it), "back to top" buttons, bylines such as "وكالات", cookie and newsletter
notices, tag lists, bare URLs and stray tokens such as `fbpx`. Their words would otherwise reach
the event matchers (a related headline is another article's event). The phrases live in
`data/furniture.tsv` and are matched on normalised text; this module only finds the lines, it never
changes the text: `furniture_spans()` returns original offsets to mask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..text import normalize
from ..text.normalize import _DROP  # see fold(); a public fast fold in marsad.text would replace it

MATCH_KINDS = ("line", "start", "contains")
# Furniture lines are short; longer lines are prose and are not even normalised.
MAX_LINE_CHARS = 400
# A line after a related-articles heading is a headline when it is this short and does not
# end like a sentence of running text.
HEADLINE_MAX_WORDS = 20
_SENTENCE_END = (".", "!", "?", "؟", ":", "…")

# Punctuation and symbols are word separators when a line is compared with the phrases.
_NON_WORD = re.compile(r"[^\w#@]+")
_URL_LINE = re.compile(r"(?:https?://|www\.)\S+")


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    words: tuple[str, ...]
    match: str  # one of MATCH_KINDS
    max_words: int  # for start / contains: the longest line the rule applies to
    follow: int  # following headline-like lines masked with it


@dataclass(frozen=True)
class FurnitureIndex:
    # Rules indexed by their first word, longest first (greedy segmentation of a line).
    line: dict[str, tuple[FurnitureRule, ...]]
    start: dict[str, tuple[FurnitureRule, ...]]
    contains: dict[str, tuple[FurnitureRule, ...]]
    max_words: int  # no rule applies to a longer line


# A share bar or menu made of `line` phrases is short; longer lines are not even looked at.
SEGMENT_MAX_WORDS = 12


def parse_rules(text: str) -> list[FurnitureRule]:
    """Rules of a furniture TSV (header `phrase match max_words follow`, `#` comments)."""
    rules = []
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#") or raw.startswith("phrase\t"):
            continue
        phrase, match, max_words, follow = raw.split("\t")
        rules.append(FurnitureRule(tuple(phrase.split()), match, int(max_words), int(follow)))
    return rules


@lru_cache(maxsize=1)
def load_rules() -> tuple[FurnitureRule, ...]:
    text = files("marsad.documents").joinpath("data/furniture.tsv").read_text(encoding="utf-8")
    return tuple(parse_rules(text))


@lru_cache(maxsize=1)
def furniture_index() -> FurnitureIndex:
    groups: dict[str, dict[str, list[FurnitureRule]]] = {k: {} for k in MATCH_KINDS}
    for rule in load_rules():
        groups[rule.match].setdefault(rule.words[0], []).append(rule)

    def freeze(d: dict[str, list[FurnitureRule]]) -> dict[str, tuple[FurnitureRule, ...]]:
        return {k: tuple(sorted(v, key=lambda r: -len(r.words))) for k, v in d.items()}

    longest = max([SEGMENT_MAX_WORDS] + [r.max_words for r in load_rules() if r.match != "line"])
    return FurnitureIndex(freeze(groups["line"]), freeze(groups["start"]), freeze(groups["contains"]),
                          longest)


def fold(text: str) -> str:
    """`normalize(text).norm`, fast. normalize() builds an offset map character by character as
    soon as the text has a diacritic; removing those characters first (they are dropped anyway)
    keeps it on its one-`translate` path. Only for matching: no offsets come back."""
    return normalize(_DROP.sub("", text)).norm


@lru_cache(maxsize=1 << 15)
def fold_pieces(word: str) -> tuple[str, ...]:
    """The normalised words of one whitespace-separated word, punctuation dropped ("أيضاً:" ->
    ("ايضا",)). Cached: news words repeat, and folding character by character is the cost."""
    return tuple(_NON_WORD.sub(" ", fold(word)).split())


def line_words(line: str) -> list[str]:
    """Normalised words of a line, punctuation dropped."""
    return [p for w in line.split() for p in fold_pieces(w)]


def furniture_follow(line: str, index: FurnitureIndex | None = None) -> int | None:
    """None when `line` is article text; else how many following headline lines go with it."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_LINE_CHARS:
        return None
    if _URL_LINE.fullmatch(stripped):
        return 0
    parts = stripped.split()
    if all(p.startswith("#") and len(p) > 1 for p in parts):  # a hashtag list
        return 0
    index = index or furniture_index()
    if len(parts) > index.max_words:  # running text: no rule applies
        return None
    words = [p for w in parts for p in fold_pieces(w)]
    if not words:
        return None
    n = len(words)
    follow = _segment(words, index.line) if n <= SEGMENT_MAX_WORDS else None
    if follow is not None:
        return follow
    for rule in index.start.get(words[0], ()):
        if n <= rule.max_words and tuple(words[: len(rule.words)]) == rule.words:
            return rule.follow
    for i, w in enumerate(words):
        for rule in index.contains.get(w, ()):
            if n <= rule.max_words and tuple(words[i: i + len(rule.words)]) == rule.words:
                return rule.follow
    return None


def _segment(words: list[str], rules: dict[str, tuple[FurnitureRule, ...]]) -> int | None:
    """Greedy cover of the whole line by `line` phrases ("فيسبوك تويتر واتساب"); the largest
    `follow` of the phrases used, or None when some word is left over."""
    i, follow = 0, 0
    while i < len(words):
        for rule in rules.get(words[i], ()):
            if tuple(words[i: i + len(rule.words)]) == rule.words:
                i += len(rule.words)
                follow = max(follow, rule.follow)
                break
        else:
            return None
    return follow


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    return (len(stripped) <= MAX_LINE_CHARS and not stripped.endswith(_SENTENCE_END)
            and len(stripped.split()) <= HEADLINE_MAX_WORDS)


def iter_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text`, line breaks (\\n or \\r\\n) excluded."""
    out = []
    pos, n = 0, len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        e = end - 1 if end > pos and text[end - 1] == "\r" else end
        out.append((pos, e))
        if nl < 0:
            break
        pos = nl + 1
    return out


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Original (start, end) spans of the furniture lines of `text`, whitespace trimmed, in order."""
    index = furniture_index()
    spans: list[tuple[int, int]] = []
    pending = 0  # headline lines still to mask after a related-articles heading
    for start, end in iter_lines(text):
        line = text[start:end]
        if not line.strip():
            continue
        follow = furniture_follow(line, index)
        if follow is None and pending and _is_headline(line):
            pending -= 1
            follow = -1
        elif follow is None:
            pending = 0
            continue
        if follow >= 0:
            pending = follow
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        spans.append((start + lead, end - trail))
    return spans


def remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the given line spans, each with the blanks around it and its line break,
    for display."""
    if not spans:
        return text
    out, pos = [], 0
    for start, end in spans:
        while start > pos and text[start - 1] in " \t":
            start -= 1
        out.append(text[pos:start])
        while end < len(text) and text[end] in " \t":
            end += 1
        pos = end + 2 if text.startswith("\r\n", end) else end + 1 if text.startswith("\n", end) else end
    out.append(text[pos:])
    return "".join(out)


def strip_furniture(text: str) -> str:
    """Main text with furniture lines removed, to a fixed point: furniture_spans() of the result
    is empty, so cleaning it again masks nothing and offsets into it stay valid."""
    text = text.strip()
    spans = furniture_spans(text)
    while spans:
        text = remove_spans(text, spans).strip()
        spans = furniture_spans(text)
    return text
