"""A country and its capital of one name, and the capital named by its country's adjective."""

from __future__ import annotations

import pytest

import marsad


def _places(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.place.name if m.place else None, m.place.feature if m.place else None)
            for m in marsad.geoparse(text)]


@pytest.mark.parametrize("text,expected", [
    # "العاصمة" before or after the name makes it the city ...
    ("تظاهر المئات في تونس العاصمة", [("تونس", "Tunis", "populated_place")]),
    ("تظاهر المئات في العاصمة تونس", [("تونس", "Tunis", "populated_place")]),
    ("خرجت المسيرات في العاصمة الجزائر", [("الجزائر", "Algiers", "populated_place")]),
    # ... without it the name is the country.
    ("قتل شخص في الجزائر", [("الجزائر", "Algeria", "country")]),
    ("تظاهر المئات في تونس", [("تونس", "Tunisia", "country")]),
    # A town of the country's name is not its capital: "العاصمة" after it changes nothing.
    ("وصل الرئيس إلى دمشق العاصمة", [("دمشق", "Damascus", "populated_place")]),
])
def test_capital_word_makes_the_city(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A dateline is a city: "تونس 17 إبريل", "الجزائر - أ ف ب", "الكويت:".
    ("تونس 17 إبريل (شينخوا) أعلنت الحركة أن قوات الأمن داهمت منزل رئيسها",
     [("تونس", "Tunis", "populated_place")]),
    ("الجزائر - أ ف ب: تظاهر عشرات الشبان", [("الجزائر", "Algiers", "populated_place")]),
    ("الكويت: اعتقلت الشرطة ثلاثة أشخاص", [("الكويت", "Kuwait City", "populated_place")]),
    # Not a dateline: the name inside the text, or a country with no capital of its name.
    ("أعلنت تونس - على لسان وزيرها - أنها سترد", [("تونس", "Tunisia", "country")]),
    ("ليبيا - اشتباكات في الجنوب", [("ليبيا", "Libya", "country")]),
])
def test_dateline_names_the_city(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # "العاصمة" with a nationality adjective and no name is the capital, its direction kept.
    ("اعتقلت الشرطة عشرات المحتجين في العاصمة الكويتية", [("العاصمة الكويتية", "Kuwait City", 1)]),
    ("وقع انفجار في العاصمة الصومالية أمس", [("العاصمة الصومالية", "Mogadishu", 1)]),
    ("شن الطيران غارات شمال العاصمة اليمنية", [("العاصمة اليمنية", "Sanaa", 2)]),
    ("تظاهر الآلاف بالعاصمة العراقية", [("العاصمة العراقية", "Baghdad", 1)]),
    # With the name after it, the name is the place.
    ("شن الطيران غارات على العاصمة اليمنية صنعاء", [("صنعاء", "Sanaa", 1)]),
    # A masculine adjective does not qualify the capital; an adjective of no nationality is no capital.
    ("قال المسؤول في العاصمة إن الجيش العراقي تقدم", []),
    ("تظاهر الآلاف في العاصمة الإدارية الجديدة", []),
])
def test_capital_by_its_country_adjective(text, expected):
    assert [(m.text, m.place.name, m.geo_precision) for m in marsad.geoparse(text)] == expected


def _in_context(text: str):
    from marsad.geo import find_places_in_context
    from marsad.text import analyse

    places, doc = find_places_in_context(analyse("t", text))
    return doc.country, [(m.text, m.place.name if m.place else None, m.geo_precision) for m in places]


@pytest.mark.parametrize("text,expected", [
    # The bare noun is the capital of the country the document is about ...
    ("تظاهر الآلاف في العراق. وقال ناشطون عراقيون إن المحتجين تجمعوا شرقي العاصمة.",
     ("IQ", [("العراق", "Iraq", 3), ("العاصمة", "Baghdad", 2)])),
    ("اعتقلت الشرطة السودانية عشرات في السودان. وانتشرت قوات الأمن في العاصمة.",
     ("SD", [("السودان", "Sudan", 3), ("العاصمة", "Khartoum", 1)])),
    # ... not where the document's country is unknown, nor before a name or an adjective.
    ("وسمع دوي انفجار في العاصمة", (None, [])),
    ("تظاهر الآلاف في السودان. وأطلقت الشرطة السودانية الغاز في العاصمة الخرطوم",
     ("SD", [("السودان", "Sudan", 3), ("الخرطوم", "Khartoum", 1)])),
    ("اندلعت اشتباكات في اليمن. وانسحبت القوات اليمنية من العاصمة المؤقتة.", ("YE", [("اليمن", "Yemen", 3)])),
])
def test_bare_capital_is_the_documents(text, expected):
    assert _in_context(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A dateline: a name first on its line near the top, with a dash, a colon, a date after it.
    ("مقتل خمسة في شرق ليبيا\nبنغازي - وكالات:\nقتل خمسة أشخاص في أجدابيا",
     [("ليبيا", False), ("بنغازي", True), ("أجدابيا", False)]),
    ("بيروت: وكالات\nقصفت الطائرات بلدة في البقاع", [("بيروت", True), ("البقاع", False)]),
    ("تونس 17 إبريل (شينخوا) أعلنت الحركة", [("تونس", True)]),
    # Not a dateline: inside a line, or with no mark after it.
    ("قتل شخص في بنغازي - وقال مسؤول إن", [("بنغازي", False)]),
    ("بنغازي تشهد توترا أمنيا", [("بنغازي", False)]),
])
def test_dateline_is_marked(text, expected):
    assert [(m.text, m.dateline) for m in marsad.geoparse(text)] == expected
