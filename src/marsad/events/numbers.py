"""Number expressions in Arabic news: digits, number words, vague quantifiers, approximations.

`parse_number(tokens, i)` reads the longest number expression starting at token `i`:

- digits, with thousands separators ("3,000") and decimals before a scale word ("1.5 مليون");
- number words in their case and gender forms, composed the Arabic way: units before tens joined
  by و ("خمسة وعشرين" = 25), teens ("أحد عشر", "ثلاث عشرة"), hundreds ("مئتين", "ثلاثمئة",
  "ثلاث مئة"), scales that multiply what precedes them ("3 آلاف", "خمسين ألف");
- vague quantifiers with the value ACLED codes them at: "عدة"/"بعض"/"عدد من" = 3 ("several"),
  "عشرات" = 10, "مئات" = 100, "آلاف" = 1000, "عشرات الآلاف" = 10,000;
- approximations, coded at the figure given (ACLED keeps the lowest figure): "أكثر من 20",
  "ما لا يقل عن 20", "نحو 20"; ranges take their lower bound: "بين 10 و15", "10 إلى 15", "5 أو 6".
  Both are `vague` (not an exact figure) and `approx` (but a figure the text gives, unlike "عدة").

The words live in `data/number_words.tsv`. Offsets are into the normalised text; `first`/`last`
index the token sequence given to the parser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.text import Entry, Matcher, Token, candidates

_DIGITS = re.compile(r"[0-9]+(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?")
# Words that join the two bounds of a range ("10 إلى 15", "5 أو 6", "بين 10 و15").
_RANGE_JOINERS = frozenset({"الي", "او", "حتي"})
_TEEN_TAILS = frozenset({"عشر", "عشره"})
# Arabic orders a compound number: thousands, hundreds, units, then tens ("مئة وخمسة وعشرون").
_FOLLOWS = {
    "scale": ("hundred", "unit", "tens", "teen_head"),
    "hundred": ("unit", "tens", "teen_head"),
    "unit": ("tens",),
}
_BEFORE_SCALE = ("unit", "tens", "hundred", "teen")
# Larger figures are not counts of anything an event record holds.
MAX_COUNT = 10**10


@dataclass(frozen=True, slots=True)
class NumberMatch:
    start: int  # normalised offsets
    end: int
    value: int
    vague: bool  # a quantifier or an approximation, not an exact figure
    first: int = -1  # index of the first token in the sequence given to the parser
    last: int = -1  # one past the last token
    # An approximation or range around a figure the text gives ("أكثر من 20", "10 إلى 15"): vague,
    # yet a figure, which a quantifier ("عدة", "عشرات") is not.
    approx: bool = False


@dataclass(frozen=True, slots=True)
class NumberWord:
    word: str
    value: int
    kind: str  # see data/number_words.tsv
    article_ok: bool = True


@lru_cache(maxsize=1)
def number_words() -> dict[str, NumberWord]:
    """Single number words by normalised form (multi-word approximations are in `approx_matcher`)."""
    out: dict[str, NumberWord] = {}
    for word, value, kind, flags in _rows():
        if " " not in word:
            out[word] = NumberWord(word, int(value), kind, "noal" not in flags.split(","))
    return out


@lru_cache(maxsize=1)
def approx_matcher() -> Matcher:
    """Approximators ("أكثر من", "نحو") and the range head "بين", matched as phrases."""
    return Matcher([Entry.of(w, kind, suffix=False) for w, _v, kind, _f in _rows()
                    if kind in ("approx", "range")])


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str, str, str], ...]:
    text = resources.files("marsad.events").joinpath("data/number_words.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines()[1:]:
        if line and not line.startswith("#") and not line.startswith("word\t"):
            word, value, kind, flags = line.split("\t")
            rows.append((word, value, kind, flags))
    return tuple(rows)


@lru_cache(maxsize=50_000)
def lookup(word: str) -> tuple[NumberWord, str] | None:
    """The number word `word` stands for, looked at through its proclitics, and those proclitics."""
    table = number_words()
    for c in candidates(word):
        if c.suffix:
            continue
        nw = table.get(c.form)
        if nw is None:
            continue
        if not nw.article_ok and ("ال" in c.prefix or c.prefix == "لل"):
            continue
        return nw, c.prefix
    return None


def digits_value(text: str) -> float | None:
    """Value of a digit token: "3,000" = 3000, "1.5" = 1.5; None when not a plain figure."""
    m = _DIGITS.fullmatch(text)
    if m is None:
        return None
    if "," in text:
        return float(text.replace(",", ""))
    return float(text)


def _conj(prefix: str) -> bool:
    return prefix in ("و", "وال")


def _word_number(tokens: Sequence[Token], i: int) -> tuple[int, int, bool] | None:
    """(value, end token, vague) of a number starting at token i, without approximators."""
    tok = tokens[i]
    d = digits_value(tok.text)
    if d is not None:
        value, j = d, i + 1
        if j < len(tokens):
            hit = lookup(tokens[j].text)
            if hit and hit[0].kind in ("scale", "scale_pl") and not hit[1]:
                value, j = d * hit[0].value, j + 1
        if value != int(value) or value > MAX_COUNT:
            return None
        return int(value), j, False
    hit = lookup(tok.text)
    if hit is None:
        return None
    return _compose(tokens, i, hit[0])


def _compose(tokens: Sequence[Token], i: int, nw: NumberWord) -> tuple[int, int, bool] | None:
    if nw.kind == "vague":
        value, j = nw.value, i + 1
        nxt = lookup(tokens[j].text) if j < len(tokens) else None
        if nxt and nxt[0].kind == "scale_pl":  # "عشرات الآلاف"
            value, j = value * nxt[0].value, j + 1
        return value, j, True
    if nw.kind == "scale_pl":
        return nw.value, i + 1, True
    if nw.kind == "few":
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if nw.word == "عدد":
            # "عدد من القتلى" is "several"; "عدد القتلى" is "the number of the dead".
            if nxt != "من":
                return None
            return nw.value, i + 2, True
        if nw.word in ("العديد", "عديد") and nxt == "من":
            return nw.value, i + 2, True
        return nw.value, i + 1, True
    if nw.kind == "ordinal":
        return None
    if nw.kind == "teen_head":
        nxt = lookup(tokens[i + 1].text) if i + 1 < len(tokens) else None
        if nw.value == 1 and i + 1 < len(tokens) and tokens[i + 1].text.startswith("ال") and nxt is None:
            return 1, i + 1, False  # "أحد الجنود": one of the soldiers
        if nxt is None or nxt[0].word not in _TEEN_TAILS or nxt[1]:
            return None
    total, current, j = 0, 0, i
    prev_kind = ""
    while j < len(tokens):
        hit = lookup(tokens[j].text) if j > i else (nw, "")
        if hit is None:
            break
        w, prefix = hit
        if j > i:
            joined = _conj(prefix)
            if w.word in _TEEN_TAILS and not prefix and prev_kind in ("unit", "teen_head") and current < 10:
                current += 10
                prev_kind = "teen"
                j += 1
                continue
            if w.kind in ("scale", "scale_pl") and not prefix and prev_kind in _BEFORE_SCALE:
                total += max(current, 1) * w.value
                current, prev_kind = 0, "scale"
                j += 1
                continue
            if w.word in ("ميه", "مايه") and not prefix and prev_kind == "unit" and current < 10:
                current *= 100  # "ثلاث مئة" written apart
                prev_kind = "hundred"
                j += 1
                continue
            if not joined or w.kind not in _FOLLOWS.get(prev_kind, ()):
                break
            if w.kind == "teen_head":
                nxt = lookup(tokens[j + 1].text) if j + 1 < len(tokens) else None
                if nxt is None or nxt[0].word not in _TEEN_TAILS:
                    break
        if w.kind == "scale" or (w.kind == "hundred" and w.value >= 1000):
            total += w.value  # "ألف", "ألفين": what follows is added to them
            prev_kind = "scale"
        else:
            current += w.value
            prev_kind = w.kind
        j += 1
    value = total + current
    if value <= 0:
        return None
    return value, j, False


def parse_number(tokens: Sequence[Token], i: int, norm: str = "") -> NumberMatch | None:
    """The longest number expression starting at token `i`, or None. `norm` (the normalised text
    the tokens index) lets "10-15" be read as a range."""
    if i >= len(tokens):
        return None
    vague_head = False
    j = i
    head = approx_matcher().match_at(tokens, i)
    range_head = False
    if head:
        j = head[0].last
        vague_head = True
        range_head = head[0].label == "range"
        if j >= len(tokens):
            return None
    got = _word_number(tokens, j)
    if got is None:
        return None
    value, end, vague = got
    quantifier = vague
    # A range codes its lower bound; the upper one belongs to the span.
    k = -1
    if end < len(tokens) and (tokens[end].text in _RANGE_JOINERS or (range_head and tokens[end].text == "و")):
        k = end + 1
    elif _dash_after(tokens, end, norm) or range_head:
        k = end
    if k >= 0:
        upper = _word_number(tokens, k) if k < len(tokens) else None
        if upper is not None and upper[0] >= value:
            value, end, vague = value, upper[1], True
        elif range_head:
            return None  # "بين" not followed by a range is a preposition
    start = tokens[i].start
    if head:
        start = head[0].start
    else:
        hit = lookup(tokens[i].text)
        if hit is not None and hit[1] != "لل":
            # Conjunctions and prepositions stay out of the span ("بالعشرات" -> "العشرات").
            start += len(hit[1]) - (2 if hit[1].endswith("ال") else 0)
    vague = vague or vague_head
    return NumberMatch(start, tokens[end - 1].end, value, vague, i, end, approx=vague and not quantifier)


def _dash_after(tokens: Sequence[Token], end: int, norm: str) -> bool:
    """True when the token before `end` and the one at `end` are joined by a dash ("10-15")."""
    if not norm or end >= len(tokens) or end == 0:
        return False
    return norm[tokens[end - 1].end:tokens[end].start].strip() in ("-", "–")


@lru_cache(maxsize=100_000)
def _may_start(word: str) -> bool:
    """Whether a number expression can start with `word` (a cheap test before parsing)."""
    if word[0].isdigit():
        return True
    table = number_words()
    heads = _approx_heads()
    return any(c.form in table or c.form in heads for c in candidates(word))


@lru_cache(maxsize=1)
def _approx_heads() -> frozenset[str]:
    return frozenset(e.words[0] for e in approx_matcher().entries)


def find_numbers(tokens: Sequence[Token], norm: str = "") -> list[NumberMatch]:
    """Number expressions left to right, not overlapping."""
    out: list[NumberMatch] = []
    i = 0
    while i < len(tokens):
        if not _may_start(tokens[i].text):
            i += 1
            continue
        prev = lookup(tokens[i - 1].text) if i else None
        if prev is not None and prev[0].kind == "ordinal":
            i += 1  # "الحادي عشر" is an ordinal, not ten
            continue
        m = parse_number(tokens, i, norm)
        if m is None:
            i += 1
            continue
        out.append(m)
        i = m.last
    return out


_DUAL_ENDINGS = ("تان", "تين", "ان", "ين")


def dual_stems(word: str) -> list[tuple[str, str]]:
    """Readings of `word` as a dual noun: (singular stem, proclitics). "قتيلان" -> ("قتيل", ""),
    "لجنديين" -> ("جندي", "ل"), "امرأتين" -> ("امراه", ""). Whether the stem really has a dual
    (and not a sound plural in -ين) is for the caller's lexicon to say."""
    out: list[tuple[str, str]] = []
    for c in candidates(word):
        if c.suffix:
            continue
        for end in _DUAL_ENDINGS:
            if c.form.endswith(end) and len(c.form) - len(end) >= 2:
                stem = c.form[: -len(end)]
                if end.startswith("ت"):
                    stem += "ه"  # feminine: امرأتان -> امرأة
                out.append((stem, c.prefix))
    return out
