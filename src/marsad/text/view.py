"""`TextView`: one document's text prepared for every matcher (the analogue of a spaCy Doc).

Built once per document: the normalised string with its offset map, the sentences, and the
tokens (indices global to the document). Spans that cleaning marked as page furniture are left
out of `sentences`, so no matcher ever sees them, while all offsets stay those of the original.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from .normalize import NormText, normalize
from .sentences import Sentence, split_sentences
from .tokens import Token, tokenize


@dataclass
class TextView:
    doc_id: str
    nt: NormText
    sentences: list[Sentence]
    tokens: list[Token]
    # Token index range [first, last) of each sentence, parallel to `sentences`.
    sentence_tokens: list[tuple[int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.nt.original

    @property
    def norm(self) -> str:
        return self.nt.norm

    def tokens_of(self, sentence: Sentence) -> list[Token]:
        a, b = self.sentence_tokens[sentence.index]
        return self.tokens[a:b]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of a normalised span."""
        return self.nt.span(start, end)

    def original(self, start: int, end: int) -> str:
        """Original text of a normalised span."""
        return self.nt.original_text(start, end)

    def sentence_at(self, norm_offset: int) -> Sentence | None:
        starts = [s.start for s in self.sentences]
        i = bisect_left(starts, norm_offset + 1) - 1
        if i >= 0 and self.sentences[i].start <= norm_offset < self.sentences[i].end:
            return self.sentences[i]
        return None


def analyse(doc_id: str, text: str, mask: Sequence[tuple[int, int]] = (),
            quote_fixes: Sequence[int] = ()) -> TextView:
    """Prepare `text` for matching. `mask` lists original spans to ignore (page furniture);
    `quote_fixes` lists original offsets of characters (such as a scraper's `;`) that stand for
    quotation marks and are read as `"` for matching."""
    nt = normalize(text)
    if quote_fixes:
        chars = list(nt.norm)
        fixes = set(quote_fixes)
        for i in range(len(chars)):
            if nt.orig_index(i) in fixes:
                chars[i] = '"'
        nt = nt.with_norm("".join(chars))
    sentences = split_sentences(nt.norm)
    if mask:
        kept = []
        for s in sentences:
            o_start, o_end = nt.span(s.start, s.end)
            if not any(m_start <= o_start and o_end <= m_end for m_start, m_end in mask):
                kept.append(s)
        sentences = [Sentence(s.start, s.end, i) for i, s in enumerate(kept)]
    tokens: list[Token] = []
    ranges: list[tuple[int, int]] = []
    for s in sentences:
        first = len(tokens)
        tokens.extend(tokenize(nt, s.start, s.end, first))
        ranges.append((first, len(tokens)))
    return TextView(doc_id, nt, sentences, tokens, ranges)
