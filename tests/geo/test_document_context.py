"""Generic words, head nouns and the document's country as a prior (the installed gazetteer)."""

from __future__ import annotations

import pytest

import marsad


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.place.country if m.place else None) for m in marsad.geoparse(text)]


@pytest.mark.parametrize("text,expected", [
    # A definite place noun is the noun on its own, not the head of the name after it.
    ("وأفادت مصادر للجزيرة بأن قتلى سقطوا في حمص", [("حمص", "SY")]),
    ("وقالت المصادر للجزيرة إن الاشتباكات توقفت", []),
    # "وسط" is the middle of a place, not a place noun: the city centre names no town.
    ("تجمع المحتجون وسط المدينة", []),
    ("تجمع المحتجون في وسط دمشق", [("دمشق", "SY")]),
    # Ordinary words that GeoNames lists somewhere are not places on their own ...
    ("أطلقت الشرطة القنابل المسيلة للدموع على المحتجين", []),
    ("أصدرت المحكمة حكما بالسجن على المتهمين", []),
    ("قصفت الطائرات الأحياء الشرقية والغربية من المدينة", []),
    ("نقل الجرحى إلى مستشفى ناصر", []),
    ("هاجم مسلحون القرى الحدودية", []),
    # ... but after a true head noun they are.
    ("وصل الوفد إلى ولاية المسيلة", [("ولاية المسيلة", "DZ")]),
])
def test_generic_words_need_a_head_noun(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A head word of a compound name after a place noun starts a name the gazetteer lacks.
    ("قتل جندي في قرية تل الوردة", [("تل الوردة", None)]),
    ("اقتحمت القوات قرية عين الزرقاء", [("عين الزرقاء", None)]),
    # A known compound is read as known.
    ("سيطروا على بلدة عين العرب", [("عين العرب", "SY")]),
    ("دخلوا بلدة دير حافر شرق حلب", [("دير حافر", "SY"), ("حلب", "SY")]),
])
def test_compound_name_after_place_noun(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,name,country", [
    # A name listed with its place noun ("مدينة زنجبار" for Zanzibar) competes with the
    # namesakes of the name alone; the document's other places choose.
    ("حاصرت القوات مدينة زنجبار عاصمة محافظة أبين", "مدينة زنجبار", "YE"),
    ("وصل السياح إلى مدينة زنجبار في تنزانيا", "مدينة زنجبار", "TZ"),
])
def test_name_with_its_place_noun_meets_namesakes(text, name, country):
    m = next(m for m in marsad.geoparse(text) if m.text == name)
    assert m.place.country == country
