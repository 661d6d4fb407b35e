"""The cached index: built once, keyed, written atomically, extended by GeoNames imports."""

from __future__ import annotations

import pytest

from marsad.geo import geoparse, load_gazetteer
from marsad.geo.gazetteer import build_cached, cache_key, write_atomic
from marsad.geo.importer import geonames_records, import_geonames

# A two-line GeoNames dump in the `SY.txt` format (19 tab-separated columns), made up for the test.
DUMP = [
    ["9990001", "Khirbat Sama", "Khirbat Sama", "Khirbat Sama,خربة سما", "35.10", "40.50", "P", "PPL", "SY",
     "", "07", "", "", "", "0", "", "210", "Asia/Damascus", "2024-01-01"],
    ["9990002", "Tall Zuhur", "Tall Zuhur", "Tall Zuhur", "35.20", "40.60", "P", "PPL", "SY",
     "", "07", "", "", "", "1200", "", "220", "Asia/Damascus", "2024-01-01"],
    ["9990003", "Some Hotel", "Some Hotel", "", "35.00", "40.00", "S", "HTL", "SY",
     "", "07", "", "", "", "0", "", "220", "Asia/Damascus", "2024-01-01"],
]
ALTERNATES = [["1", "9990002", "ar", "تل زهور", "", "", "", "", "", ""],
              ["2", "9990002", "en", "Tall Zuhur", "", "", "", "", "", ""]]


def _write(path, rows):
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture()
def dump(tmp_path):
    d, a = tmp_path / "SY.txt", tmp_path / "alternateNamesV2.txt"
    _write(d, DUMP)
    _write(a, ALTERNATES)
    return d, a


def test_gazetteer_import_records(dump):
    lines = geonames_records(*dump)
    assert [ln.split("\t")[0] for ln in lines] == ["geonames:9990001", "geonames:9990002"]
    assert lines[0].split("\t")[-1] == "خربة سما" and lines[1].split("\t")[-1] == "تل زهور"


def test_gazetteer_import_then_load_finds_villages(dump, tmp_path):
    cache = tmp_path / "cache"
    key_before = cache_key(cache)
    assert import_geonames(*dump, cache=cache, rebuild=False) == 2
    assert cache_key(cache) != key_before  # the import changes the key: the index is rebuilt
    path = build_cached(cache, cities=False)
    assert path.exists() and [p.name for p in cache.glob("*.tmp")] == []
    gaz = load_gazetteer(path)
    text = "قصف على قرية خربة سما وبلدة تل زهور"
    got = [(m.text, m.place.id, m.place.latitude) for m in geoparse(text, "t", gaz)]
    assert got == [("خربة سما", "geonames:9990001", 35.1), ("تل زهور", "geonames:9990002", 35.2)]


def test_gazetteer_rebuild_replaces_old_index(tmp_path):
    first = build_cached(tmp_path, cities=False)
    (tmp_path / "imports").mkdir()
    (tmp_path / "imports" / "XX.tsv").write_text("", encoding="utf-8")
    second = build_cached(tmp_path, cities=False)
    assert first != second and not first.exists() and second.exists()


def test_gazetteer_write_atomic(tmp_path):
    target = tmp_path / "sub" / "f.bin"
    write_atomic(target, b"abc")
    write_atomic(target, b"xyz")
    assert target.read_bytes() == b"xyz" and sorted(p.name for p in target.parent.iterdir()) == ["f.bin"]


@pytest.mark.parametrize("key,ids", [
    ("سوريا", ["geonames:163843"]),
    ("الباغوز", ["marsad:sy-baghuz"]),
    ("ادلب", ["geonames:169387", "geonames:169388"]),
])
def test_gazetteer_lookup(key, ids, small_gaz):
    assert [p.id for p in small_gaz.places(key)] == ids
