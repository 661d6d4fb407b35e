"""Countries: Arabic names, ACLED names, numeric ISO codes and ACLED regions (`data/countries.tsv`)."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import read_tsv
from .model import CountryInfo

ACLED_REGIONS = (
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
    "Middle East", "South Asia", "Southeast Asia", "East Asia", "Caucasus and Central Asia",
    "Europe", "North America", "Central America", "Caribbean", "South America", "Oceania", "Antarctica",
)


@lru_cache(maxsize=1)
def country_rows() -> dict[str, dict[str, str]]:
    return {r["iso2"]: r for r in read_tsv("countries.tsv")}


@lru_cache(maxsize=512)
def country_info(iso2: str) -> CountryInfo | None:
    """ACLED name, numeric ISO code and region of the country with ISO alpha-2 code `iso2`."""
    row = country_rows().get((iso2 or "").upper())
    if row is None:
        return None
    return CountryInfo(row["iso2"], row["name"], int(row["iso_numeric"]), row["region"])


@lru_cache(maxsize=1)
def focus_countries() -> frozenset[str]:
    """Countries Arabic news reports on most (the Arab world and its neighbours): their small
    places may be named without a place noun, and they win ties between namesakes."""
    return frozenset(iso for iso, r in country_rows().items() if r["focus"] == "1")
