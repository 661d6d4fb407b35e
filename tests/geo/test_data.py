"""Every hand-written data file of marsad.geo is well formed: normalised, unique, valid codes."""

from __future__ import annotations

import pytest

from marsad.geo.countries import ACLED_REGIONS, country_rows
from marsad.geo.lexicon import AMBIGUITY_NEEDS, CONTEXT_KINDS, common_words, name_key, read_tsv
from marsad.geo.model import FEATURES
from marsad.text import normalize_word


def _unique(values: list[str]) -> list[str]:
    seen, dups = set(), []
    for v in values:
        if v in seen:
            dups.append(v)
        seen.add(v)
    return dups


def test_countries_codes_and_regions_valid():
    rows = read_tsv("countries.tsv")
    assert len(rows) > 240
    assert _unique([r["iso2"] for r in rows]) == []
    for r in rows:
        assert len(r["iso2"]) == 2 and r["iso2"].isupper()
        assert 0 <= int(r["iso_numeric"]) < 1000  # ACLED gives Kosovo 0
        assert r["region"] in ACLED_REGIONS
        assert r["focus"] in ("0", "1")
        if r["latitude"]:
            assert -90 <= float(r["latitude"]) <= 90 and -180 <= float(r["longitude"]) <= 180


def test_countries_arabic_names_normalise_and_unique():
    keys = []
    for r in country_rows().values():
        names = [n for n in r["names_ar"].split("|") if n]
        assert names, r["iso2"]
        for n in names:
            assert name_key(n) is not None, n
        keys.extend(dict.fromkeys(name_key(n) for n in names))
    # A spelling may name one country only (the same spelling twice in a row is also an error).
    assert _unique(keys) == []


def test_supplement_rows_valid():
    rows = read_tsv("supplement.tsv")
    assert _unique([r["id"] for r in rows]) == []
    countries = country_rows()
    for r in rows:
        assert r["id"].startswith(("marsad:", "geonames:")), r["id"]
        names = r["names_ar"].split("|")
        assert all(name_key(n) for n in names), r["id"]
        assert _unique([name_key(n) for n in names]) == [], r["id"]
        if r["id"].startswith("geonames:"):
            assert r["id"][9:].isdigit()
            continue
        assert r["name_en"] and r["feature"] in FEATURES, r["id"]
        assert not r["country"] or r["country"] in countries, r["id"]
        assert r["precision"] in ("1", "2", "3"), r["id"]
        assert -90 <= float(r["latitude"]) <= 90 and -180 <= float(r["longitude"]) <= 180, r["id"]


def test_ambiguous_names_normalised_unique_valid():
    rows = read_tsv("ambiguous.tsv")
    names = [r["name"] for r in rows]
    assert _unique(names) == []
    for r in rows:
        assert r["name"] == normalize_word(r["name"]), r["name"]
        assert r["need"] in AMBIGUITY_NEEDS


def test_context_words_normalised_unique_valid():
    rows = read_tsv("context.tsv")
    assert _unique([r["word"] for r in rows]) == []
    for r in rows:
        assert r["word"] == normalize_word(r["word"]) and " " not in r["word"], r["word"]
        assert r["kind"] in CONTEXT_KINDS and r["open"] in ("0", "1")


def test_common_words_normalised_unique():
    words = common_words()
    assert len(words) > 500
    assert _unique(list(words)) == []
    for w in words:
        assert w == normalize_word(w) and " " not in w, w


@pytest.mark.parametrize("iso2,name,iso,region", [
    ("SY", "Syria", 760, "Middle East"),
    ("IQ", "Iraq", 368, "Middle East"),
    ("YE", "Yemen", 887, "Middle East"),
    ("PS", "Palestine", 275, "Middle East"),
    ("LY", "Libya", 434, "Northern Africa"),
    ("SD", "Sudan", 729, "Northern Africa"),
    ("SO", "Somalia", 706, "Eastern Africa"),
    ("CD", "Democratic Republic of Congo", 180, "Middle Africa"),
    ("ML", "Mali", 466, "Western Africa"),
    ("ZA", "South Africa", 710, "Southern Africa"),
    ("AF", "Afghanistan", 4, "South Asia"),
    ("UA", "Ukraine", 804, "Europe"),
    ("sy", "Syria", 760, "Middle East"),
])
def test_countries_country_info(iso2, name, iso, region):
    from marsad.geo import country_info
    info = country_info(iso2)
    assert (info.name, info.iso, info.region) == (name, iso, region)


def test_countries_country_info_unknown_is_none():
    from marsad.geo import country_info
    assert country_info("QQ") is None and country_info("") is None
