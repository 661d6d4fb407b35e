import pytest

from marsad.text import normalize, normalize_word


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("أحمد إبراهيم آمال", "احمد ابراهيم امال"),
        ("مستشفى", "مستشفي"),
        ("مدينة", "مدينه"),
        ("مسؤول مسئول", "مسوول مسيول"),
        ("٢٠ قتيلاً", "20 قتيلا"),
        ("۱۵ سپتامبر", "15 سپتامبر"),
        ("«داعش»", '"داعش"'),
        ("ISIS", "isis"),
    ],
)
def test_normalize_folds(raw, norm):
    assert normalize(raw).norm == norm


@pytest.mark.parametrize(
    "raw",
    ["قُتِلَ الجنديُّ", "الـــجيش", "ﻻ يوجد", "\u200fقصف\u200e مدفعي", "ﷲ"],
)
def test_normalize_offsets_map_back(raw):
    nt = normalize(raw)
    # Every normalised word maps back to an original slice that normalises to the same word.
    import re

    for m in re.finditer(r"\S+", nt.norm):
        s, e = nt.span(m.start(), m.end())
        assert normalize(raw[s:e]).norm.strip() == m.group()


def test_normalize_drops_diacritics_and_tatweel_with_offsets():
    nt = normalize("قُتِلَ الـجيش")
    assert nt.norm == "قتل الجيش"
    assert nt.span(0, 3) == (0, 6)
    assert nt.original_text(4, 9) == "الـجيش"


def test_normalize_word_collapses_space():
    assert normalize_word("  قوات   سوريا الديمقراطية ") == "قوات سوريا الديمقراطيه"
