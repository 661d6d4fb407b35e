"""Resolution: namesakes chosen by the words and the other places around them."""

from __future__ import annotations

import pytest

from marsad.geo import geoparse


@pytest.mark.parametrize("text,mention,country,feature", [
    ("زار الملك عمان", "عمان", "OM", "country"),  # bare: the country
    ("وصل الرئيس إلى عمان قادما من الأردن", "عمان", "JO", "admin1"),  # Jordan nearby: Amman
    ("وصل الوفد إلى سلطنة عمان", "سلطنة عمان", "OM", "country"),
    ("اشتباكات في طرابلس شمال لبنان", "طرابلس", "LB", "admin2"),
    ("اشتباكات في طرابلس الليبية", "طرابلس", "LY", "admin1"),
    ("اشتباكات في طرابلس وبنغازي", "طرابلس", "LY", "admin1"),
    ("قصف على تل الوردة", "تل الوردة", "IQ", "populated_place"),
    ("في محافظة حلب", "محافظة حلب", "SY", "admin1"),
    # A nationality adjective next to the name says whose place it is.
    ("تظاهر المئات في العاصمة الأردنية عمان", "عمان", "JO", "admin1"),
    ("تظاهر المئات في عمان الأردنية", "عمان", "JO", "admin1"),
    ("زار الوفد العماني عمان", "عمان", "OM", "country"),
    ("اشتباكات في طرابلس اللبنانية", "طرابلس", "LB", "admin2"),
    ("اشتباكات في مدينة طرابلس الليبية", "طرابلس", "LY", "admin1"),
    # Not next to the name: the adjective is someone else's ("القوات التركية").
    ("قصفت القوات التركية مواقع في طرابلس وبنغازي", "طرابلس", "LY", "admin1"),
])
def test_resolve_namesakes(text, mention, country, feature, small_gaz):
    m = next(m for m in geoparse(text, "t", small_gaz) if m.text == mention)
    assert (m.place.country, m.place.feature) == (country, feature)


def test_resolve_to_dict_fields_in_contract_order(small_gaz):
    text = "قصفت الطائرات بلدة الباغوز"
    d = geoparse(text, "doc-7", small_gaz)[0].to_dict()
    assert list(d)[:13] == ["doc_id", "start", "end", "text", "name", "name_ar", "feature", "country",
                            "admin1", "admin2", "latitude", "longitude", "gazetteer_id"]
    assert d == {"doc_id": "doc-7", "start": 19, "end": 26, "text": "الباغوز", "name": "Al-Baghuz Fawqani",
                 "name_ar": "الباغوز", "feature": "populated_place", "country": "SY",
                 "admin1": "Deir ez-Zor", "admin2": None, "latitude": 34.45, "longitude": 40.94,
                 "gazetteer_id": "marsad:sy-baghuz", "admin3": None, "geo_precision": 1, "qualifier": None}


def test_resolve_unknown_name_has_nulls(small_gaz):
    d = geoparse("سيطرت القوات على قرية الزهيرات", "t", small_gaz)[0].to_dict()
    assert (d["text"], d["name"], d["latitude"], d["gazetteer_id"], d["geo_precision"]) == (
        "الزهيرات", None, None, None, 1)


@pytest.mark.parametrize("text,expected", [
    ("تظاهر المئات في ميدان الثورة في الموصل", [("الموصل", "IQ")]),  # "ميدان": a square, not Medan
    ("تجمعوا في ميدان الشهداء", []),
    ("وصل الوفد إلى مدينة ميدان الإندونيسية", [("ميدان", "ID")]),  # after a place noun it is the city
])
def test_resolve_square_is_not_medan(text, expected):
    import marsad

    assert [(m.text, m.place.country if m.place else None) for m in marsad.geoparse(text)] == expected


def test_resolve_nationality_in_extracted_events():
    # Through the extractor, which looks at the sentences around its triggers only.
    import marsad

    lead = ("ارتفعت أسعار الوقود للمرة الثالثة هذا العام. وقالت الحكومة إن القرار ضروري. "
            "وأضافت أن الدعم سيستمر للأسر الفقيرة. وتوقع خبراء أن يرتفع التضخم. ")
    text = lead * 2 + "وتظاهر المئات وسط العاصمة الأردنية عمان أمس احتجاجا على رفع الأسعار."
    (event,) = marsad.extract(text, published="2019-03-07")
    assert (event.event_type, event.location, event.country, event.event_date) == (
        "Protests", "Amman", "Jordan", "2019-03-06")
