"""`TextView`: one document's text prepared for every matcher (the analogue of a spaCy Doc).

Built once per document: the normalised string with its offset map, the sentences, and the
tokens (indices global to the document). Spans that cleaning marked as page furniture are left
out of `sentences`, so no matcher ever sees them, while all offsets stay those of the original.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from .normalize import NormText, normalize
from .sentences import Sentence, split_sentences
from .tokens import Token, tokenize


@dataclass
class TextView:
    """One document prepared for matching. Tokens are made per sentence on first use (most
    sentences of a long article are never looked at token by token); a token's `index` is global
    to the document: its sentence's start offset plus its position in the sentence, so indices are
    consecutive within a sentence and never shared between sentences."""

    doc_id: str
    nt: NormText
    sentences: list[Sentence]
    _tokens: dict[int, list[Token]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    @property
    def text(self) -> str:
        return self.nt.original

    @property
    def norm(self) -> str:
        return self.nt.norm

    @property
    def tokens(self) -> list[Token]:
        """Every token of the document, sentence by sentence (tokenises all sentences)."""
        return [t for s in self.sentences for t in self.tokens_of(s)]

    def token(self, index: int) -> Token:
        """The token whose `index` is `index` (indices are global ids, not list positions)."""
        k = bisect_right(self._starts, index) - 1
        if k < 0:
            raise IndexError(index)
        toks = self.tokens_of(self.sentences[k])
        local = index - self.sentences[k].start
        if not 0 <= local < len(toks):
            raise IndexError(index)
        return toks[local]

    def tokens_of(self, sentence: Sentence) -> list[Token]:
        toks = self._tokens.get(sentence.index)
        if toks is None:
            toks = tokenize(self.nt, sentence.start, sentence.end, sentence.start)
            self._tokens[sentence.index] = toks
        return toks

    def restricted(self, sentences: list[Sentence]) -> TextView:
        """A view of the same text that shows only `sentences` (sharing this view's tokens)."""
        return TextView(self.doc_id, self.nt, sentences, self._tokens)

    def sentence_text(self, sentence: Sentence) -> str:
        """The normalised text of a sentence."""
        return self.nt.norm[sentence.start:sentence.end]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of a normalised span."""
        return self.nt.span(start, end)

    def original(self, start: int, end: int) -> str:
        """Original text of a normalised span."""
        return self.nt.original_text(start, end)

    def sentence_at(self, norm_offset: int) -> Sentence | None:
        i = bisect_right(self._starts, norm_offset) - 1
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
    return TextView(doc_id, nt, sentences)
