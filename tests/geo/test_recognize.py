"""Recognition: which words of a sentence are place names, with exact original offsets."""

from __future__ import annotations

import pytest

from marsad.geo import geoparse


def _found(text, gaz):
    return [(m.start, m.end, m.text) for m in geoparse(text, "t", gaz)]


@pytest.mark.parametrize("text,expected", [
    # proclitics are looked through and stay outside the span; the article stays inside
    ("وصل الوفد بالعراق ثم إلى سورية", ["العراق", "سورية"]),
    ("عاد إلى سوريا ولبنان", ["سوريا", "لبنان"]),
    ("قال إن اليمن والسودان", ["اليمن", "السودان"]),
    # multi-word names, hashtags, joined spellings
    ("اشتباكات في #دير_الزور و#الرقة", ["دير_الزور", "الرقة"]),
    ("قصف على ديرالزور", ["ديرالزور"]),
    ("قصف على تل الوردة", ["تل الوردة"]),
    ("قصف على تلالوردة", ["تلالوردة"]),
    ("وصلت التعزيزات إلى مخيم الهول ومعبر نصيب", ["مخيم الهول", "معبر نصيب"]),
    ("نهر الفرات وبادية الشام", ["نهر الفرات", "بادية الشام"]),
    ("المدينة القديمة في محافظة إدلب", ["محافظة إدلب"]),
    # diacritics in the original text: offsets stay original
    ("قُتل مدنيان في دِمشق", ["دِمشق"]),
    # a place noun before an unknown word yields an unresolved mention
    ("سيطرت القوات على قرية الزهيرات", ["الزهيرات"]),
    ("دخلت القوات بلدة كفر ناصح", ["كفر ناصح"]),
])
def test_recognize_names(text, expected, small_gaz):
    found = _found(text, small_gaz)
    assert [t for _, _, t in found] == expected
    for start, end, t in found:
        assert text[start:end] == t


@pytest.mark.parametrize("text", [
    "جامعة دمشق تستأنف الدراسة",  # organisation
    "قال المسؤول السوري إن الجيش المصري",  # gentilics are not places
    "حماة الديار عليكم سلام",  # ambiguous word with no locative context
    "زارت قرية صغيرة",  # an adjective after an open place noun is not a name
    "في المدينة القديمة",
    "قال مصدر أمس إن الحكومة",  # common words that are also GeoNames names
    "صور من الحدث",
])
def test_recognize_rejects(text, small_gaz):
    assert _found(text, small_gaz) == []


@pytest.mark.parametrize("text,expected", [
    ("وقعت اشتباكات في حماة", "حماة"),  # a locative preposition is enough context
    ("قصف على مدينة حماة", "حماة"),
    ("وصل إلى صور جنوب لبنان", "صور"),
])
def test_recognize_ambiguous_with_context(text, expected, small_gaz):
    assert _found(text, small_gaz)[0][2] == expected


@pytest.mark.parametrize("text,name,qualifier,precision", [
    ("قصفت الطائرات بلدة الباغوز", "الباغوز", None, 1),
    ("اشتباكات قرب الباغوز", "الباغوز", "قرب", 2),
    ("اشتباكات في محيط الباغوز", "الباغوز", "محيط", 2),
    ("في ريف دير الزور الشرقي", "دير الزور", "ريف", 3),
    ("قصف شرقي دير الزور", "دير الزور", "شرقي", 3),
    ("سيطرت القوات على قرية الزهيرات جنوب كفر ناصح", "كفر ناصح", "جنوب", 2),
    ("سيطرت القوات على قرية الزهيرات", "الزهيرات", None, 1),
    ("وصلت التعزيزات إلى مخيم الهول", "مخيم الهول", None, 1),
    ("عاد إلى سوريا", "سوريا", None, 3),
    ("في بادية السوسة", "بادية السوسة", None, 2),
])
def test_recognize_precision_and_qualifier(text, name, qualifier, precision, small_gaz):
    m = next(m for m in geoparse(text, "t", small_gaz) if m.text == name)
    assert (m.qualifier, m.geo_precision) == (qualifier, precision)


def test_recognize_never_reads_the_country_as_a_place_named_al_bilad():
    from marsad.geo import geoparse

    found = [(m.text, m.place.country if m.place else None)
             for m in geoparse("هجوم على نقطة تفتيش في بلدة الطارمية بوسط البلاد شمال بغداد.")]
    assert ("البلاد", "YE") not in found and all(t != "البلاد" for t, _ in found)
