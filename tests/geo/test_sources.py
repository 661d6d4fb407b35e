"""Newspapers, channels and agencies named like places are sources, not places."""

from __future__ import annotations

import pytest

import marsad


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.place.country if m.place else None) for m in marsad.geoparse(text)]


@pytest.mark.parametrize("text,expected", [
    # A quoted name after a word that introduces a source is the source ...
    ("وأضاف المصدر لـ«الرياض» أن القصف استمر حتى الصباح", []),
    ('وقال في حديث لـ "الشرق الأوسط" إن المعارك توقفت', []),
    ("وبحسب «عكاظ» فقد قتل شخصان في جدة", [("جدة", "SA")]),
    ('وذكرت "الرياض" أن الشرطة اعتقلت ثلاثة', []),
    ('وقال مصدر محلي لـ"مأرب برس" إن الاشتباكات تجددت في مأرب', [("مأرب", "YE")]),
    # ... as it is after a noun of the press ("صحيفة", "قناة"), quoted or not.
    ('وقالت صحيفة "الرياض" إن الشرطة اعتقلت ثلاثة', []),
    ("وذكرت قناة العربية أن الاشتباكات توقفت", []),
    # A quoted place after any other word is a place.
    ('وصلت القوات إلى "حلب" أمس', [("حلب", "SY")]),
    ('أطلقت قذائف نحو "مزارع شبعا" المحتلة', [("مزارع شبعا", "LB")]),
    # Unquoted, a name after ل is a place ("لحلب": to Aleppo).
    ("وصلت التعزيزات لحلب أمس", [("حلب", "SY")]),
])
def test_quoted_source_is_no_place(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A name right after a title or a person noun is a person's ...
    ("اعتقلت السلطات الشيخ عمر والشيخ صلاح الدين", []),
    ("واعتقلت قوات الأمن في الخرطوم الشيخ صلاح الدين وعددا من تلاميذه", [("الخرطوم", "SD")]),
    ("وأصيب الطفل محمود بجروح", []),
    # ... while a place whose name holds the title is read whole, and after a place noun the title
    # heads a two-word name the gazetteer lacks.
    ("قصفت الطائرات بلدة الشيخ مسكين", [("الشيخ مسكين", "SY")]),
    ("هاجم مسلحون مدينة الشيخ زويد", [("الشيخ زويد", "EG")]),
    ("اشتباكات في حي الشيخ مقصود", [("الشيخ مقصود", None)]),
])
def test_name_after_a_title_is_a_person(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A prayer time is no country: "المغرب" after a word of time is sunset ...
    ("وأسفر الهجوم الذي وقع عند المغرب عن مقتل عنصرين من الأمن في مقديشو", [("مقديشو", "SO")]),
    ("خرج المصلون بعد صلاة المغرب في مظاهرة", []),
    ("وبعد المغرب بساعة انفجرت قنبلة", []),
    # ... and Morocco anywhere else.
    ("ووصل الوفد إلى المغرب", [("المغرب", "MA")]),
    ("تظاهر المئات في المغرب بعد المغرب", [("المغرب", "MA")]),
])
def test_prayer_time_is_no_place(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A nationality adjective is no place, whatever town abroad shares its spelling ...
    ("قتل 19 مسلحا بينهم قيادي سوري، شمال شرق بغداد", [("بغداد", "IQ")]),
    ("وصل وفد روسي إلى دمشق", [("دمشق", "SY")]),
    # ... unless a place noun heads it; a country's name stays the country.
    ("اشتباكات في قضاء الهندية", [("قضاء الهندية", "IQ")]),
    ("قصفت الطائرات مواقع في سوريا", [("سوريا", "SY")]),
    ("رست سفينة في جيبوتي", [("جيبوتي", "DJ")]),
])
def test_nationality_adjective_is_no_place(text, expected):
    assert _places(text) == expected
