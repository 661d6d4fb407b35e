"""The full index from the pip-installed sources (one build, a few seconds)."""

from __future__ import annotations

import pytest

from marsad.geo import geoparse
from marsad.geo.build import build_index
from marsad.geo.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def full_gaz() -> Gazetteer:
    return Gazetteer(build_index())


@pytest.mark.parametrize("text,mention,gid,country", [
    ("كمين قرب بلدة هجين", "هجين", "geonames:174506", "SY"),
    ("قصف على دير الزور", "دير الزور", "geonames:170794", "SY"),  # the town, not the governorate
    ("في محافظة دير الزور", "محافظة دير الزور", "geonames:170792", "SY"),
    ("اشتباكات في البوكمال", "البوكمال", "geonames:174448", "SY"),
    ("غارات على صنعاء", "صنعاء", "geonames:71137", "YE"),
    ("انفجار في بغداد", "بغداد", "geonames:98182", "IQ"),
    ("وصل إلى الخرطوم", "الخرطوم", "geonames:379252", "SD"),
])
def test_build_full_index_resolves(text, mention, gid, country, full_gaz):
    m = next(m for m in geoparse(text, "t", full_gaz) if m.text == mention)
    assert (m.place.id, m.place.country) == (gid, country)
    assert m.place.latitude is not None


def test_build_full_index_skips_common_words(full_gaz):
    assert geoparse("كان المصدر قد أشار إلى أن الحكومة", "t", full_gaz) == []


@pytest.mark.parametrize("text,mention,gid", [
    # A record withdrawn in data/withdrawn.tsv (Gaza as an Israeli division) is no reading of any
    # name, even where the text names Israel and Jerusalem.
    ("قالت إسرائيل إن طائراتها قصفت مواقع في قطاع غزة وفي القدس", "قطاع غزة", "marsad:ps-gaza-strip"),
    ("قصفت الطائرات الإسرائيلية مواقع في مدينة غزة وقالت إسرائيل إنها استهدفت حماس", "غزة",
     "geonames:281133"),
])
def test_build_withdrawn_records_are_no_reading(text, mention, gid, full_gaz):
    m = next(m for m in geoparse(text, "t", full_gaz) if m.text == mention)
    assert (m.place.id, m.place.country) == (gid, "PS")
    assert all(p.id != "geonames:7870269" for p in full_gaz.places("قطاع غزه") + full_gaz.places("غزه"))


def test_builder_withdraw_takes_records_out_of_names():
    from marsad.geo.build import IndexBuilder

    b = IndexBuilder()
    b.add(["قرية الف"], id="x:1", name="A", feature="populated_place")
    b.add(["قرية الف", "قرية باء"], id="x:2", name="B", feature="populated_place")
    b.withdraw(["x:2", "x:absent"])
    assert b.index()["names"] == {"قريه الف": (0,)}


def test_build_capital_is_the_sizeable_town_of_its_name(full_gaz):
    # GeoNames has no Arabic name for Washington, D.C.; the curated record stands for it, and the
    # towns named like it elsewhere in the country are not capitals.
    places = full_gaz.places("واشنطن")
    assert [p.name for p in places if p.capital] == []
    m = geoparse("قالت واشنطن إن الضربات ستستمر", "t", full_gaz)[0]
    assert (m.place.id, m.place.admin1) == ("marsad:us-washington", "District of Columbia")
    assert [(p.name, p.country) for p in full_gaz.places("الكويت") if p.capital] == [("Kuwait City", "KW")]
