"""Importing a full GeoNames country dump (`SY.txt`) so that village-level places become known.

The dump's records that carry an Arabic name (in its `alternatenames` column, or in an
`alternateNamesV2.txt` file or subset given beside it) are written, in the index's record format,
to `imports/<dump name>.tsv` in the cache directory. That changes the cache key, and the index is
rebuilt with them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .build import RECORD_FIELDS
from .gazetteer import build_cached, cache_dir, default_gazetteer, imports_dir, write_atomic
from .lexicon import name_key

# GeoNames feature class -> our feature, and the admin feature codes kept.
_CLASS_FEATURE = {"P": "populated_place", "H": "water", "T": "region", "L": "region", "S": "site"}
_ADMIN_CODES = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3", "ADM4": "admin3", "ADMD": "admin3"}


def _rows(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= 15 and cells[0].isdigit():
                yield cells


def _arabic_alternates(path: Path | None, ids: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if path is None:
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= 4 and cells[2] == "ar" and cells[1] in ids:
                out.setdefault(cells[1], []).append(cells[3])
    return out


def geonames_records(dump_path: Path, alternate_names_path: Path | None = None) -> list[str]:
    """Import lines (record fields + names) for the Arabic-named places of a GeoNames dump."""
    rows = list(_rows(dump_path))
    alt = _arabic_alternates(alternate_names_path, {r[0] for r in rows})
    admin1: dict[tuple[str, str], str] = {}
    admin2: dict[tuple[str, str, str], str] = {}
    for r in rows:
        if r[7] == "ADM1":
            admin1[(r[8], r[10])] = r[2] or r[1]
        elif r[7] == "ADM2":
            admin2[(r[8], r[10], r[11])] = r[2] or r[1]
    out = []
    for r in rows:
        gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc = r[:9]
        feature = _ADMIN_CODES.get(fcode) if fclass == "A" else _CLASS_FEATURE.get(fclass)
        if feature is None:
            continue
        names = [a for a in alternates.split(",") if name_key(a)] + alt.get(gid, [])
        if not names:
            continue
        a1 = admin1.get((cc, r[10]))
        a2 = admin2.get((cc, r[10], r[11]))
        fields = {"id": f"geonames:{gid}", "name": ascii_name or name, "name_ar": names[0],
                  "feature": feature, "country": cc, "admin1": a1, "admin2": a2,
                  "admin3": (ascii_name or name) if feature == "admin3" else None,
                  "latitude": lat, "longitude": lon, "population": r[14] or "0",
                  "precision": 1 if feature in ("populated_place", "site") else 2, "capital": 0}
        cells = ["" if fields[f] is None else str(fields[f]) for f in RECORD_FIELDS]
        cells.append("|".join(dict.fromkeys(n.replace("|", " ") for n in names)))
        out.append("\t".join(cells))
    return out


def import_geonames(dump_path: str | os.PathLike, alternate_names_path: str | os.PathLike | None = None,
                    cache: str | os.PathLike | None = None, rebuild: bool = True) -> int:
    """Add the Arabic-named places of a GeoNames country dump to the cached index (rebuilt now,
    unless `rebuild` is false: then on the next load). Returns how many places were imported."""
    dump = Path(dump_path)
    lines = geonames_records(dump, Path(alternate_names_path) if alternate_names_path else None)
    base = Path(cache) if cache else cache_dir()
    write_atomic(imports_dir(base) / f"{dump.stem}.tsv", ("\n".join(lines) + "\n").encode("utf-8"))
    if rebuild:
        build_cached(base)
    default_gazetteer.cache_clear()
    return len(lines)
