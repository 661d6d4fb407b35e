"""Places and place mentions: the records the gazetteer holds and what geoparsing returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FEATURES = ("country", "admin1", "admin2", "admin3", "populated_place", "site", "region", "water")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record. `precision` is 1 when the coordinates are those of the place itself,
    2 when they approximate it (an area's centre or a parent place), 3 for a large region."""

    id: str
    name: str
    name_ar: str
    feature: str
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0
    precision: int = 1
    capital: bool = False


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a document. Offsets are into the document's original text."""

    doc_id: str
    start: int
    end: int
    text: str
    place: Place | None = None
    geo_precision: int | None = None  # ACLED geo_precision hint: 1 town, 2 near / part of, 3 region
    qualifier: str | None = None  # the direction or nearness word before the name ("شرق", "ريف", "قرب")
    known: bool = True  # False: a name the gazetteer lacks, placed (if at all) by the place it lies near
    # True: the document's dateline ("بنغازي - وكالات"), the city the report was filed from, which
    # is no evidence of where its events happened.
    dateline: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The contract's geoparse fields in contract order, then Marsad's extras."""
        p = self.place
        return {
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": p.name if p else None,
            "name_ar": p.name_ar if p else None,
            "feature": p.feature if p else None,
            "country": p.country if p else None,
            "admin1": p.admin1 if p else None,
            "admin2": p.admin2 if p else None,
            "latitude": p.latitude if p else None,
            "longitude": p.longitude if p else None,
            "gazetteer_id": p.id if p else None,
            "admin3": p.admin3 if p else None,
            "geo_precision": self.geo_precision,
            "qualifier": self.qualifier,
        }


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """ACLED's view of a country: its English name, numeric ISO 3166 code and region."""

    iso2: str
    name: str
    iso: int
    region: str
