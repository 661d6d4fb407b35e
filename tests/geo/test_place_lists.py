"""Lists of places opened by a plural or dual place noun ("قرى X، وY، وZ", "بلدتي X وY"): each name is a
place even when the gazetteer lacks it; a plural alone, a clause that goes on, or the parts of one city
are no list. The sentences are written for these tests."""

import pytest

from marsad.geo import geoparse


def _names(text):
    return [(p.text, p.known) for p in geoparse(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قصف الجيش قرى قرط صغير، والصيادة، والدندنية شمال منبج أمس.",
            [("قرط صغير", False), ("الصيادة", False), ("الدندنية", False), ("منبج", True)],
        ),
        (
            "سيطرت الفصائل على قرى تل دبس والكنايسة وأبو جريس في ريف إدلب.",
            [("تل دبس", False), ("الكنايسة", False), ("أبو جريس", False), ("إدلب", True)],
        ),
        ("قصفت المدفعية بلدتي كفرحلب ومارع.", [("كفرحلب", False), ("مارع", True)]),
        ("تظاهر الأهالي في مدينتي الباب واعزاز.", [("الباب", True), ("اعزاز", True)]),
        # A name that starts with a compound head runs to the next joint.
        (
            "سيطر الجيش على منطقتي كازقيل وأم دم حاج أحمد بولاية شمال كردفان أمس.",
            [("كازقيل", False), ("أم دم حاج أحمد", False), ("ولاية شمال كردفان", True)],
        ),
    ],
)
def test_a_plural_place_noun_opens_a_list_of_names(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "قصف الجيش قرى عديدة في ريف حلب أمس.",  # one word after the plural: no list
        "قصف الجيش قرى كثيرة ومزارع واسعة.",
        "نزح سكان مدن سورية وعراقية كثيرة.",
        "قصفت الطائرات أحياء الصاخور والشعار في حلب.",  # parts of one city: not a list here
        "سيطرت الفصائل على قرى الشمال، وفرضت حظر التجوال.",  # a clause goes on after the comma
    ],
)
def test_no_list_of_unknown_names(text):
    assert [t for t, known in _names(text) if not known] == []
