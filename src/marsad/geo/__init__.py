"""Places: the gazetteer, toponym recognition and resolution, and ACLED country information.

    gaz = load_gazetteer()                    # cached compact index, built on first use
    view = analyse("d1", "قصف على بلدة هجين بريف دير الزور الشرقي")
    for m in find_places(view, gaz):
        print(m.to_dict())                    # contract fields, original offsets
    geoparse(text, doc_id)                    # the same in one call, with the default gazetteer
    country_info("SY")                        # CountryInfo("SY", "Syria", 760, "Middle East")
"""

from __future__ import annotations

from ..text import TextView, analyse
from .countries import country_info
from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from .importer import import_geonames
from .model import CountryInfo, Place, PlaceMention
from .recognize import find_raw
from .resolve import choose, document_context, geo_precision

__all__ = ["CountryInfo", "Gazetteer", "Place", "PlaceMention", "country_info", "find_places",
           "geoparse", "import_geonames", "load_gazetteer"]


def find_places(view: TextView, gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Place mentions of an analysed document, resolved, with original offsets."""
    gaz = gaz or default_gazetteer()
    raws = find_raw(view, gaz)
    ctx = document_context(raws, gaz)
    out = []
    for r in raws:
        place = choose(r, gaz, ctx[r.key])
        start, end = view.span(r.start, r.end)
        out.append(PlaceMention(view.doc_id, start, end, view.text[start:end], place,
                                geo_precision(place, r), r.qualifier))
    return out


def geoparse(text: str, doc_id: str = "doc", gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Analyse `text` and return its place mentions."""
    return find_places(analyse(doc_id, text), gaz)
