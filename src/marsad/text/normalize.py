"""Arabic normalisation for matching, with an offset map back to the original text.

The source text never changes. `normalize(text)` returns a `NormText` whose `norm` string is
what every matcher reads (hamza forms of alef folded, ya / alef maqsura and ta marbuta folded,
diacritics, tatweel and bidi marks removed, Arabic-Indic digits made ASCII, presentation forms
expanded) and whose `span()` maps any slice of `norm` back to the original characters.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# One character in, one character out: applied with str.translate, keeps offsets.
_SAME_LENGTH = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ؤ": "و",
    "ة": "ه", "ۀ": "ه", "ھ": "ه", "ہ": "ه",
    "ک": "ك", "ڪ": "ك",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
    "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"',
    "‘": "'", "’": "'",
    "٫": ".", "٬": ",",
}
_REPLACEMENTS = tuple(_SAME_LENGTH.items())
# ASCII case folding only: str.lower() can change a string's length (e.g. "İ").
_UPPER = re.compile("[A-Z]+")
_TABLE = str.maketrans({**_SAME_LENGTH, **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}})


def _fold_same_length(text: str) -> str:
    # A chain of str.replace runs at memchr speed; str.translate with a dict costs ~150 ns a char.
    for ch, rep in _REPLACEMENTS:
        if ch in text:
            text = text.replace(ch, rep)
    if _UPPER.search(text):
        text = _UPPER.sub(lambda m: m.group().lower(), text)
    return text

# Characters dropped for matching: harakat, Quranic marks, tatweel, zero-width and bidi controls.
_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
                   "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Presentation forms (ligatures such as lam-alef) and fullwidth forms: expanded by NFKC.
# Marks that belong to the letter before them: a span ending on a letter takes them along.
_TRAILING = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]*")
_EXPAND = re.compile("[\ufb50-\ufdff\ufe70-\ufefc\uff00-\uffef]")
_DROP_SET = frozenset(
    chr(c)
    for lo, hi in ((0x610, 0x61A), (0x64B, 0x65F), (0x670, 0x670), (0x6D6, 0x6ED), (0x640, 0x640),
                   (0x200B, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069), (0xFEFF, 0xFEFF))
    for c in range(lo, hi + 1)
)
_SPECIAL = re.compile(_DROP.pattern[:-1] + "\ufb50-\ufdff\ufe70-\ufefc\uff00-\uffef]")
_SPECIAL_RUN = re.compile(_SPECIAL.pattern + "+")


@dataclass(frozen=True, slots=True)
class NormText:
    """A normalised view of `original`.

    Offsets are kept as breakpoints, not one integer per character: from normalised position
    `starts[k]` on, original index = normalised index + `deltas[k]`. `starts` is empty when the two
    strings align one to one (the common case)."""

    original: str
    norm: str
    starts: tuple[int, ...] = ()
    deltas: tuple[int, ...] = ()

    def orig_index(self, i: int) -> int:
        """Original index of normalised position `i` (``i == len(norm)`` maps to the end)."""
        if not self.starts:
            return i
        if i >= len(self.norm):
            return len(self.original)
        return i + self.deltas[bisect_right(self.starts, i) - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised slice ``norm[start:end]``."""
        if not self.starts:
            return start, end
        s = self.orig_index(start)
        if end <= start:
            return s, s
        e = self.orig_index(end - 1) + 1
        return s, _TRAILING.match(self.original, e).end()

    def original_text(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.original[s:e]

    def with_norm(self, norm: str) -> NormText:
        """The same offset map over a same-length replacement of `norm` (e.g. quotes restored)."""
        assert len(norm) == len(self.norm)
        return NormText(self.original, norm, self.starts, self.deltas)


def _fold_char(ch: str) -> str:
    ch = unicodedata.normalize("NFKC", ch)
    return ch.translate(_TABLE)


def normalize(text: str) -> NormText:
    """Normalise `text` for matching; see the module docstring for what is folded."""
    folded = _fold_same_length(text)
    if not _SPECIAL.search(folded):
        return NormText(text, folded)
    out: list[str] = []
    starts: list[int] = [0]
    deltas: list[int] = [0]
    pos = n = 0  # position in `folded`, length of the output so far
    for m in _SPECIAL_RUN.finditer(folded):
        i = m.start()
        out.append(folded[pos:i])
        n += i - pos
        for j in range(i, m.end()):
            ch = folded[j]
            if ch in _DROP_SET:
                continue
            for c in _DROP.sub("", _fold_char(ch)):  # an expanded ligature: every part maps to j
                starts.append(n)
                deltas.append(j - n)
                out.append(c)
                n += 1
        pos = m.end()
        starts.append(n)
        deltas.append(pos - n)
    out.append(folded[pos:])
    return NormText(text, "".join(out), tuple(starts), tuple(deltas))


def fold(text: str) -> str:
    """The normalised string alone, when no offsets are needed (lexicon keys, comparisons)."""
    folded = _fold_same_length(text)
    if _SPECIAL.search(folded):
        return normalize(text).norm
    return folded


def normalize_word(text: str) -> str:
    """The normalised form of a lexicon entry or a single word (whitespace collapsed)."""
    return " ".join(normalize(text).norm.split())
