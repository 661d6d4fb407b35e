"""Arabic text: normalisation with offset maps, tokens, clitics, sentences, lexicon matching."""

from .matcher import Entry, Match, Matcher
from .normalize import NormText, fold, normalize, normalize_word
from .sentences import Sentence, split_sentences
from .tokens import Candidate, Token, candidate_map, candidates, tokenize
from .view import TextView, analyse

__all__ = [
    "Candidate", "Entry", "Match", "Matcher", "NormText", "Sentence", "Token",
    "TextView", "analyse", "candidate_map", "candidates", "fold", "normalize", "normalize_word",
    "split_sentences", "tokenize",
]
