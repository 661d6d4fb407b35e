"""Number expressions: digits, words, compounds, vague quantifiers, approximations, ranges."""

from __future__ import annotations

from importlib import resources

import pytest

from marsad.events.numbers import dual_stems, find_numbers, number_words
from marsad.text import analyse, normalize_word

KINDS = {"unit", "teen_head", "tens", "hundred", "scale", "scale_pl", "vague", "few", "ordinal", "approx",
         "range"}


def _numbers(text: str) -> list[tuple[str, int, bool]]:
    v = analyse("t", text)
    return [(v.original(m.start, m.end), m.value, m.vague) for m in find_numbers(v.tokens, v.norm)]


@pytest.mark.parametrize("text, expected", [
    ("وصل 20 شخصا", [("20", 20, False)]),
    ("أكثر من ٢٠ عنصراً", [("أكثر من ٢٠", 20, True)]),
    ("ما لا يقل عن خمسة", [("ما لا يقل عن خمسة", 5, True)]),
    ("نحو 40 مسلحا", [("نحو 40", 40, True)]),
    ("حوالى مئة", [("حوالى مئة", 100, True)]),
    ("قرابة 50 ألف مدني", [("قرابة 50 ألف", 50000, True)]),
    ("3 آلاف عنصر", [("3 آلاف", 3000, False)]),
    ("3,000 شخص", [("3,000", 3000, False)]),
    ("1.5 مليون لاجئ", [("1.5 مليون", 1500000, False)]),
    ("خمسة وعشرين جنديا", [("خمسة وعشرين", 25, False)]),
    ("واحد وثلاثون", [("واحد وثلاثون", 31, False)]),
    ("مئتين", [("مئتين", 200, False)]),
    ("مائتان وخمسون", [("مائتان وخمسون", 250, False)]),
    ("ثلاثمئة وخمسين ألفا", [("ثلاثمئة وخمسين ألفا", 350000, False)]),
    ("ثلاث مئة", [("ثلاث مئة", 300, False)]),
    ("ألفين وخمسمائة", [("ألفين وخمسمائة", 2500, False)]),
    ("أحد عشر جنديا", [("أحد عشر", 11, False)]),
    ("إحدى عشرة امرأة", [("إحدى عشرة", 11, False)]),
    ("اثنا عشر", [("اثنا عشر", 12, False)]),
    ("ثلاث عشرة سيدة", [("ثلاث عشرة", 13, False)]),
    ("عشرة آلاف", [("عشرة آلاف", 10000, False)]),
    ("عشرات القتلى", [("عشرات", 10, True)]),
    ("بالعشرات", [("العشرات", 10, True)]),
    ("المئات من النازحين", [("المئات", 100, True)]),
    ("آلاف المدنيين", [("آلاف", 1000, True)]),
    ("عشرات الآلاف", [("عشرات الآلاف", 10000, True)]),
    ("عدد من العناصر", [("عدد من", 3, True)]),
    ("عدة أشخاص", [("عدة", 3, True)]),
    ("بعض الجنود", [("بعض", 3, True)]),
    ("العديد من الجرحى", [("العديد من", 3, True)]),
    ("بين 10 و15 قتيلا", [("بين 10 و15", 10, True)]),
    ("بين عشرة وخمسة عشر", [("بين عشرة وخمسة عشر", 10, True)]),
    ("10-15 قتيلا", [("10-15", 10, True)]),
    ("5 أو 6 قتلى", [("5 أو 6", 5, True)]),
    ("من 8 إلى 12", [("8 إلى 12", 8, True)]),
    ("مقتل أحد الجنود", [("أحد", 1, False)]),
    ("سبعة قتلى و12 جريحا", [("سبعة", 7, False), ("12", 12, False)]),
])
def test_numbers_values(text, expected):
    assert _numbers(text) == expected


@pytest.mark.parametrize("text", [
    "عدد القتلى", "يوم الاثنين", "يوم الأحد", "لم يصب أحد", "بين الطرفين", "الحادي عشر",
])
def test_numbers_not_numbers(text):
    assert _numbers(text) == []


@pytest.mark.parametrize("word, expected", [
    ("قتيلان", [("قتيل", "")]),
    ("جنديين", [("جندي", "")]),
    ("وشخصين", [("وشخص", ""), ("شخص", "و")]),
    ("امراتان", [("امراه", ""), ("امرات", "")]),
])
def test_numbers_dual_stems(word, expected):
    assert dual_stems(word) == expected


def test_numbers_data_file_valid():
    text = resources.files("marsad.events").joinpath("data/number_words.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")][1:]
    words = [r[0] for r in rows]
    assert len(words) == len(set(words))
    for word, value, kind, flags in rows:
        assert word == normalize_word(word)
        assert kind in KINDS
        assert value.isdigit()
        assert flags in ("-", "noal")
        assert (int(value) > 0) == (kind not in ("approx", "range"))
    assert len(number_words()) == sum(1 for w in words if " " not in w)
