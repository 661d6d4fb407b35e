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
from .recognize import RawMention, find_raw
from .resolve import DocumentPlace, choose, choose_near, document_context, document_place, geo_precision

# Words that may join a place to the wider place that locates it ("X غربي Y", "X في محافظة Y").
_LINK_WORDS = frozenset("""شرق غرب شمال جنوب شرقي غربي شمالي جنوبي الشرقي الغربي الشمالي الجنوبي قرب
    بالقرب من في محافظه ريف ضواحي قضاء ناحيه منطقه ولايه مدينه اطراف محيط وسط""".split())
_LINK_MAX_CHARS = 30


def _anchored(norm: str, a, b) -> bool:
    """Is mention `b` the wider place that locates mention `a` just before it?"""
    if b.sentence != a.sentence or b.start - a.end > _LINK_MAX_CHARS:
        return False
    words = norm[a.end:b.start].replace("،", " ").split()
    return all(w in _LINK_WORDS or (w[:1] in "بول" and w[1:] in _LINK_WORDS) for w in words)

__all__ = ["CountryInfo", "DocumentPlace", "Gazetteer", "Place", "PlaceMention", "country_info",
           "find_places", "find_places_in_context", "geoparse", "import_geonames", "load_gazetteer"]


def _nationality_next_to(view: TextView, raw: RawMention) -> str | None:
    """The country of a nationality adjective right before or after a name, which says whose place it
    is: "العاصمة الأردنية عمان" (Amman, not Oman), "بلدة الرمثا الأردنية"."""
    from ..actors.recognize import nationality_adjectives  # the actors' knowledge of nationalities

    adjectives = nationality_adjectives()
    # `raw.sentence` is the sentence's index in the document (a view may hold only some sentences).
    sentence = next((s for s in view.sentences if s.index == raw.sentence), None)
    if sentence is None:
        return None
    tokens = view.tokens_of(sentence)
    inside = [i for i, t in enumerate(tokens) if t.end > raw.start and t.start < raw.end]
    if not inside:
        return None
    for i in (inside[0] - 1, inside[-1] + 1):
        if 0 <= i < len(tokens):
            word = tokens[i].text
            iso = adjectives.get((word, True)) or adjectives.get((word, False))
            if iso:
                return iso
    return None


def _nationalities(view: TextView) -> list[str]:
    """ISO2 codes of the nationality adjectives of the text, one per use ("السوري", "اليمنية")."""
    from ..actors.recognize import nationality_adjectives

    adjectives = nationality_adjectives()
    out = []
    for s in view.sentences:
        for t in view.tokens_of(s):
            iso = adjectives.get((t.text, True)) or adjectives.get((t.text, False))
            if iso:
                out.append(iso)
    return out


def find_places(view: TextView, gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Place mentions of an analysed document, resolved, with original offsets."""
    return find_places_in_context(view, gaz)[0]


def find_places_in_context(
    view: TextView, gaz: Gazetteer | None = None
) -> tuple[list[PlaceMention], DocumentPlace]:
    """`find_places`, and the country (and admin1) the document is about, which resolved them."""
    gaz = gaz or default_gazetteer()
    raws = find_raw(view, gaz)
    ctx = document_context(raws, gaz)
    doc = document_place(raws, gaz, _nationalities(view))
    places = [choose(r, gaz, ctx[r.key], _nationality_next_to(view, r), doc) for r in raws]
    # "العامرية غربي بغداد", "قرية سرجومة جنوب كركوك", "هجين بريف دير الزور": the place named right
    # after, joined by a direction or "in", anchors the reading of the first (right to left, so that
    # chains resolve from their widest place).
    for i in range(len(raws) - 2, -1, -1):
        anchor = places[i + 1]
        if anchor is not None and _anchored(view.norm, raws[i], raws[i + 1]):
            places[i] = choose_near(raws[i], gaz, ctx[raws[i].key], anchor)
    out = []
    for r, place in zip(raws, places, strict=True):
        start, end = view.span(r.start, r.end)
        out.append(PlaceMention(view.doc_id, start, end, view.text[start:end], place,
                                geo_precision(place, r), r.qualifier))
    return out, doc


def geoparse(text: str, doc_id: str = "doc", gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Analyse `text` and return its place mentions."""
    return find_places(analyse(doc_id, text), gaz)
