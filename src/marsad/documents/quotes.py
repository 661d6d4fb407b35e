"""Quotation marks that a scraper turned into `;`.

Some scrapers drop the entity around a curly quote and leave its `;`: «وكالة ;فرانس برس;»,
«ميليشيا ;لواء فاطميون; التابع», or a lone opening mark «معتبرا أن ;نهاية داعش». A real `;`
separator is written glued to the word before it and followed by a space («قتل خمسة; وأصيب»),
so the rule is:

- an opening mark: `;` after a space, a line start, an opening bracket, a tatweel or a lone proclitic
  (و ف ب ل ك), glued to a letter after it;
- a closing mark: `;` glued to a letter before it and followed by a space, punctuation or the line
  end, only while an opening mark is open in the same sentence (otherwise it is a separator).

The text is never changed; `quote_fixes()` returns the offsets, which `marsad.text.analyse` reads
as `"`.
"""

from __future__ import annotations

_OPEN_BEFORE = frozenset(" \t\n\r\u00a0([{-–—:،,\u0640")  # \u0640: the tatweel of «لـ;قسد;»
# One-letter proclitics written glued to an opening quote: «و;داعش;», «ب;الجيش;».
_PROCLITICS = frozenset("وفبلك")
_CLOSE_AFTER = frozenset(" \t\n\r\u00a0)]}-–—:،,.!?؟؛")
# An opening mark left open is forgotten at the end of its sentence.
_SENTENCE_BREAKS = frozenset(".!?؟\n")


def quote_fixes(text: str) -> list[int]:
    """Offsets of the `;` characters of `text` that stand for quotation marks."""
    out: list[int] = []
    i = text.find(";")
    open_at: int | None = None
    n = len(text)
    while i >= 0:
        if open_at is not None and any(c in _SENTENCE_BREAKS for c in text[open_at:i]):
            open_at = None
        before = text[i - 1] if i > 0 else "\n"
        after = text[i + 1] if i + 1 < n else "\n"
        opens = before in _OPEN_BEFORE or (
            before in _PROCLITICS and (i < 2 or text[i - 2] in _OPEN_BEFORE))
        if opens and after.isalpha():
            out.append(i)
            open_at = i
        elif before.isalpha() and after in _CLOSE_AFTER and open_at is not None:
            out.append(i)
            open_at = None
        i = text.find(";", i + 1)
    return out
