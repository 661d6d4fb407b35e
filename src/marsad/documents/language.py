"""Which language a document is written in: Arabic, or something Marsad must not code.

Cheap first: count letters by script on a sample of the text. Arabic-script text is Arabic unless
it carries letters Arabic does not use (Persian پ چ ژ گ ک ی, Urdu ے ں ٹ, Sorani ە ۆ ێ) or
Persian function words outnumber Arabic ones; only an inconclusive sample goes to lingua,
restricted to a few languages of the sample's script. Hebrew and a few other scripts name their
language directly. Data: `data/language.json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from .furniture import fold_pieces

SAMPLE_CHARS = 1200
# Share of a sample's Arabic-script letters from which a language's own letters decide it (below,
# they may be loanword spellings in Arabic text, like the "گ" of a Kurdish name).
CONCLUSIVE_MARKERS = 0.01

# Runs of Arabic-script letters: counted by deleting them (one C-level pass, no match objects).
_ARABIC_RUNS = re.compile("[\u0620-\u064a\u066e-\u06d5\u06ee\u06ef\u06fa-\u06fc\u0750-\u077f\u08a0-\u08ff"
                          "\ufb50-\ufdff\ufe70-\ufefc]+")
# Links and handles are Latin in any language: left out of the sample ("وفاة 7 https://t.co/x").
_NOISE = re.compile(r"(?:https?://|www\.)\S+|@\w+")
_SCRIPTS = {
    "arabic": re.compile("[\u0620-\u064a\u066e-\u06d5\u06ee\u06ef\u06fa-\u06fc\u0750-\u077f\u08a0-\u08ff"
                         "\ufb50-\ufdff\ufe70-\ufefc]"),
    "latin": re.compile("[A-Za-z\u00c0-\u024f]"),
    "hebrew": re.compile("[\u05d0-\u05ea]"),
    "cyrillic": re.compile("[\u0400-\u04ff]"),
    "greek": re.compile("[\u0370-\u03ff]"),
    "armenian": re.compile("[\u0531-\u0587]"),
    "georgian": re.compile("[\u10a0-\u10ff]"),
}


@dataclass(frozen=True)
class LanguageData:
    any_marker: re.Pattern[str]
    markers: dict[str, re.Pattern[str]]  # language -> its marker letters
    function_words: dict[str, frozenset[str]]
    lingua: dict[str, tuple[str, ...]]  # script -> candidate languages
    script_languages: dict[str, str]


def parse_language_data(raw: dict[str, Any]) -> LanguageData:
    letters = "".join(raw["script_markers"].values())
    return LanguageData(
        any_marker=re.compile("[" + re.escape(letters) + "]"),
        markers={lang: re.compile("[" + re.escape(letters) + "]")
                 for lang, letters in raw["script_markers"].items()},
        function_words={lang: frozenset(ws) for lang, ws in raw["function_words"].items()},
        lingua={script: tuple(langs) for script, langs in raw["lingua"].items()},
        script_languages=dict(raw["script_languages"]),
    )


@lru_cache(maxsize=1)
def language_data() -> LanguageData:
    raw = json.loads(files("marsad.documents").joinpath("data/language.json").read_text(encoding="utf-8"))
    return parse_language_data(raw)


def sample_of(text: str, size: int = SAMPLE_CHARS) -> str:
    """The start and the middle of a long text (the start alone may be a headline or a menu)."""
    if len(text) <= size:
        return text
    half = size // 2
    mid = len(text) // 2
    return text[:half] + "\n" + text[mid: mid + half]


def script_counts(sample: str) -> dict[str, int]:
    return {name: rx.subn("", sample)[1] for name, rx in _SCRIPTS.items()}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of `text`, or None when it has no letters to judge by."""
    sample = sample_of(text)
    if "http" in sample or "www." in sample or "@" in sample:
        sample = _NOISE.sub(" ", sample)
    data = language_data()
    # The common case, cheaply: Arabic letters are most of the non-space characters.
    arabic = len(sample) - len(_ARABIC_RUNS.sub("", sample))
    if arabic and 2 * arabic >= len("".join(sample.split())):
        return _arabic_script(sample, arabic, data)
    counts = script_counts(sample)
    script, n = max(counts.items(), key=lambda kv: kv[1])
    if n == 0:
        return None
    if script == "arabic":
        return _arabic_script(sample, n, data)
    if script in data.script_languages:
        return data.script_languages[script]
    return lingua_detect(sample, data.lingua[script])


def _arabic_script(sample: str, letters: int, data: LanguageData) -> str | None:
    if not data.any_marker.search(sample):
        return "ar"  # a sample of Persian, Urdu or Kurdish always has some of these letters
    shares = {lang: rx.subn("", sample)[1] / letters for lang, rx in data.markers.items()}
    # Urdu and Sorani write Persian letters too; their own letters decide first.
    for lang in ("ku", "ur"):
        if shares.get(lang, 0.0) >= CONCLUSIVE_MARKERS:
            return lang
    words = [p for w in sample.split() for p in fold_pieces(w)]
    hits = {lang: sum(1 for w in words if w in ws) for lang, ws in data.function_words.items()}
    ar, fa = hits.get("ar", 0), hits.get("fa", 0)
    # Arabic with a few Persian letters in names ("البيشمركة" written with پ and گ).
    if shares.get("fa", 0.0) < CONCLUSIVE_MARKERS and ar >= max(3, 3 * fa):
        return "ar"
    if fa >= max(3, 3 * ar):
        return "fa"
    return lingua_detect(sample, data.lingua["arabic"])


@lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...]) -> Any:
    # Imported here: lingua's import and models cost time that Arabic-only runs never pay.
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = [getattr(IsoCode639_1, c.upper()) for c in codes]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).with_low_accuracy_mode().build()


def lingua_detect(sample: str, codes: tuple[str, ...]) -> str | None:
    """lingua's choice among `codes` for `sample` (None when it cannot decide)."""
    lang = _detector(tuple(codes)).detect_language_of(sample)
    return None if lang is None else lang.iso_code_639_1.name.lower()
