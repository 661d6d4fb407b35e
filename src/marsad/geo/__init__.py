"""Places: the gazetteer, toponym recognition and resolution, and ACLED country information.

    gaz = load_gazetteer()                    # cached compact index, built on first use
    view = analyse("d1", "قصف على بلدة هجين بريف دير الزور الشرقي")
    for m in find_places(view, gaz):
        print(m.to_dict())                    # contract fields, original offsets
    geoparse(text, doc_id)                    # the same in one call, with the default gazetteer
    mentions, about = find_places_in_context(view, gaz)  # and the document's country / admin1
    country_info("SY")                        # CountryInfo("SY", "Syria", 760, "Middle East")
"""

from __future__ import annotations

from ..text import TextView, analyse
from ..text.tokens import TOKEN_RE
from .countries import country_info
from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from .importer import import_geonames
from .model import CountryInfo, Place, PlaceMention
from .recognize import RawMention, bare_capitals, find_raw
from .resolve import (
    DocumentPlace,
    choose,
    choose_near,
    document_context,
    document_place,
    geo_precision,
    within_precision,
)

# Words that may join a place to the wider place that locates it ("X غربي Y", "X في محافظة Y").
_LINK_WORDS = frozenset("""شرق غرب شمال جنوب شرقي غربي شمالي جنوبي الشرقي الغربي الشمالي الجنوبي قرب
    بالقرب من في محافظه ريف ضواحي قضاء ناحيه منطقه ولايه مدينه اطراف محيط وسط""".split())
_LINK_MAX_CHARS = 30


_SIZE = {"country": 0, "admin1": 1, "region": 1, "water": 1, "admin2": 2}  # else 3: towns, sites


def _within(place: Place | None, anchor: Place) -> bool:
    """May PLACE (its reading on its own) lie in ANCHOR? Not when it is the bigger of the two:
    "لبنان، مصر، العراق" lists countries, "محافظة X، Y" names a town after a province."""
    if place is None:
        return True
    return place.feature != "country" and _SIZE.get(place.feature, 3) >= _SIZE.get(anchor.feature, 3)


def _anchored(norm: str, a, b) -> bool:
    """Is mention `b` the wider place that locates mention `a` just before it?"""
    if b.sentence != a.sentence or b.start - a.end > _LINK_MAX_CHARS:
        return False
    words = norm[a.end:b.start].replace("،", " ").split()
    # "بيت جن بريف دمشق": the preposition ب may be all that is left of the word before the name
    return all(w in _LINK_WORDS or w == "ب" or (w[:1] in "بول" and w[1:] in _LINK_WORDS) for w in words)

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


def _nationalities(view: TextView) -> list[tuple[str, str]]:
    """(word, ISO2) of the nationality adjectives of the text, one per use ("السوري", "اليمنية")."""
    from ..actors.recognize import nationality_adjectives

    adjectives = nationality_adjectives()
    out = []
    for s in view.sentences:
        # The words alone, as tokenize reads them: most of these sentences are never tokenized.
        for word in TOKEN_RE.findall(view.norm, s.start, s.end):
            iso = adjectives.get((word, True)) or adjectives.get((word, False))
            if iso:
                out.append((word, iso))
    return out


def find_places(view: TextView, gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Place mentions of an analysed document, resolved, with original offsets."""
    return find_places_in_context(view, gaz)[0]


def find_places_in_context(
    view: TextView, gaz: Gazetteer | None = None, whole: TextView | None = None
) -> tuple[list[PlaceMention], DocumentPlace]:
    """`find_places`, and the country (and admin1) the document is about, which resolved them.
    WHOLE: the whole document when VIEW holds only some of its sentences; its nationality
    adjectives count as evidence too (reading them is cheap, unlike its place names)."""
    gaz = gaz or default_gazetteer()
    raws = find_raw(view, gaz)
    adjectives = _nationalities(whole or view)
    doc = document_place(raws, gaz, [iso for _, iso in adjectives], {w for w, _ in adjectives})
    if doc.country is not None:
        # "في العاصمة": the capital of the country the document is about.
        raws = sorted(raws + bare_capitals(view, gaz, doc.country, raws), key=lambda r: r.start)
    ctx = document_context(raws, gaz)
    places = [choose(r, gaz, ctx[r.key], _nationality_next_to(view, r), doc) for r in raws]
    # "العامرية غربي بغداد", "قرية سرجومة جنوب كركوك", "هجين بريف دير الزور": the place named right
    # after, joined by a direction or "in", anchors the reading of the first (right to left, so that
    # chains resolve from their widest place).
    precision = [geo_precision(p, r) for p, r in zip(places, raws, strict=True)]
    for i in range(len(raws) - 2, -1, -1):
        anchor = places[i + 1]
        if anchor is not None and _anchored(view.norm, raws[i], raws[i + 1]) and _within(places[i], anchor):
            nationality = _nationality_next_to(view, raws[i])
            places[i] = choose_near(raws[i], gaz, ctx[raws[i].key], anchor, nationality)
            precision[i] = geo_precision(places[i], raws[i])
            if places[i] is None:
                # "قرية X بريف إدلب" with X unknown: the place that locates it gives the
                # coordinates, at the coarser precision of a place known only by its area.
                places[i], precision[i] = anchor, within_precision(anchor)
    out = []
    for r, place, hint in zip(raws, places, precision, strict=True):
        start, end = view.span(r.start, r.end)
        out.append(PlaceMention(view.doc_id, start, end, view.text[start:end], place, hint, r.qualifier,
                                bool(r.ids), r.dateline))
    return out, doc


def geoparse(text: str, doc_id: str = "doc", gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Analyse `text` and return its place mentions."""
    return find_places(analyse(doc_id, text), gaz)
