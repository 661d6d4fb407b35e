"""A small gazetteer (countries, divisions, the curated supplement and a few test villages) built
once per test session into a temporary cache, so that tests neither need nor touch the user's."""

from __future__ import annotations

import marshal

import pytest

from marsad.geo.build import RECORD_FIELDS, build_index
from marsad.geo.gazetteer import Gazetteer

# Villages made up for the tests: record fields, then Arabic names.
TEST_VILLAGES = [
    ("marsad:test-1", "Kafr Nasih", "كفر ناصح", "populated_place", "SY", "Aleppo", "", "", "36.30", "37.10",
     "0", "1", "0", "كفر ناصح"),
    ("marsad:test-2", "Tall al-Warda", "تل الوردة", "populated_place", "IQ", "Nineveh", "", "",
     "36.40", "42.90", "2500", "1", "0", "تل الوردة|تل الورده"),
]


def village_lines() -> list[str]:
    assert all(len(v) == len(RECORD_FIELDS) + 1 for v in TEST_VILLAGES)
    return ["\t".join(v) for v in TEST_VILLAGES]


@pytest.fixture(scope="session")
def small_gaz(tmp_path_factory) -> Gazetteer:
    index = build_index(village_lines(), cities=False)
    path = tmp_path_factory.mktemp("gaz") / "small.marshal"
    path.write_bytes(marshal.dumps(index))
    return Gazetteer(marshal.loads(path.read_bytes()), path)
