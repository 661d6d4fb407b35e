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
