"""Arabic normalisation for matching, with an offset map back to the original text.

The source text never changes. `normalize(text)` returns a `NormText` whose `norm` string is
what every matcher reads (hamza forms of alef folded, ya / alef maqsura and ta marbuta folded,
diacritics, tatweel and bidi marks removed, Arabic-Indic digits made ASCII, presentation forms
expanded) and whose `span()` maps any slice of `norm` back to the original characters.
"""

from __future__ import annotations

import re
import unicodedata
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
# ASCII case folding only: str.lower() can change a string's length (e.g. "İ").
_SAME_LENGTH.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
_TABLE = str.maketrans(_SAME_LENGTH)

# Characters dropped for matching: harakat, Quranic marks, tatweel, zero-width and bidi controls.
_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Presentation forms (ligatures such as lam-alef) and fullwidth forms: expanded by NFKC.
# Marks that belong to the letter before them: a span ending on a letter takes them along.
_TRAILING = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]*")
_EXPAND = re.compile("[\ufb50-\ufdff\ufe70-\ufefc\uff00-\uffef]")


@dataclass(frozen=True, slots=True)
class NormText:
    """A normalised view of `original`. `offsets[i]` is the original index of `norm[i]`;
    `offsets` is None when the two strings align one to one (the common case)."""

    original: str
    norm: str
    offsets: tuple[int, ...] | None = None

    def orig_index(self, i: int) -> int:
        """Original index of normalised position `i` (``i == len(norm)`` maps to the end)."""
        if self.offsets is None:
            return i
        if i >= len(self.offsets):
            return len(self.original)
        return self.offsets[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised slice ``norm[start:end]``."""
        if self.offsets is None:
            return start, end
        if end <= start:
            s = self.orig_index(start)
            return s, s
        e = self.offsets[end - 1] + 1
        return self.offsets[start], _TRAILING.match(self.original, e).end()

    def original_text(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.original[s:e]


def _fold_char(ch: str) -> str:
    ch = unicodedata.normalize("NFKC", ch)
    return ch.translate(_TABLE)


def normalize(text: str) -> NormText:
    """Normalise `text` for matching; see the module docstring for what is folded."""
    folded = text.translate(_TABLE)
    if not _DROP.search(folded) and not _EXPAND.search(folded):
        return NormText(text, folded)
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(folded):
        if _DROP.match(ch):
            continue
        if _EXPAND.match(ch):
            rep = _fold_char(ch)
            rep = _DROP.sub("", rep)
            out.append(rep)
            offsets.extend([i] * len(rep))
            continue
        out.append(ch)
        offsets.append(i)
    return NormText(text, "".join(out), tuple(offsets))


def normalize_word(text: str) -> str:
    """The normalised form of a lexicon entry or a single word (whitespace collapsed)."""
    return " ".join(normalize(text).norm.split())
