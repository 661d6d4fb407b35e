"""Where an event is coded: the sentence's most specific place (or one named shortly before it), one
event per listed place with the toll divided or given place by place, names the gazetteer lacks coded
near the place they lie by (ACLED geo_precision 2-3), and place names in plain ASCII as ACLED writes them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Any

from ..actors.naming import romanize
from ..text import Sentence, TextView, fold
from .draft import Draft
from .fatalities import total_fatalities
from .segment import listed_places, locates_toll, shares

# Places coarser than this are not event locations by themselves (ACLED codes no country-only events).
_SPECIFIC = {"populated_place": 0, "site": 0, "admin3": 1, "region": 2, "water": 2, "admin2": 2, "admin1": 3}
# How many sentences back an event may take its place from when its own sentence names none.
_PLACE_LOOKBACK = 3


def set_place(d: Draft, place, from_context: bool) -> None:
    pl = place.place
    if pl is None:  # a name the gazetteer lacks: its evidence only, the caller places it
        d.place, d.place_in_sentence = place, not from_context
        d.cite_original("location", place.start, place.end)
        d.signals["place"] = True
        d.signals["place_in_sentence"] = not from_context
        return
    d.place, d.place_in_sentence = place, not from_context
    d.fields.update(
        location=ascii_name(pl.name),
        latitude=pl.latitude,
        longitude=pl.longitude,
        geo_precision=_geo_precision(place, from_context),
        **_admin_fields(pl),
    )
    d.cite_original("location", place.start, place.end)
    d.signals["place"] = True
    d.signals["place_in_sentence"] = not from_context


def one_per_place(d: Draft, view: TextView, places_by_sentence: dict[int, list]) -> list[Draft]:
    """A report listing several places ("في حمص وإدلب ودير الزور", "قرى X وY شمال منبج") as one event
    in each, the toll divided between them (segment.py); any other event as it is. A listed name the
    gazetteer lacks is coded under its own (romanised) name at the place the list lies near, at
    geo_precision 2."""
    if d.place is None or not d.place_in_sentence:
        return [d]
    by_place = _tolls_by_place(d, view, places_by_sentence.get(d.sentence.index, []))
    if by_place:
        return [_at_place(d, place, None if known else d.place.place, toll, view, mentions)
                for place, known, toll, mentions in by_place]
    listed = _list_of(d, places_by_sentence.get(d.sentence.index, []))
    members: dict[str, tuple[Any, bool]] = {}  # location name -> (mention, known to the gazetteer)
    for p in listed:
        known = rank(p) < 9 and p.known and p.place.country == d.place.place.country  # not a namesake abroad
        members.setdefault(ascii_name(p.place.name) if known else romanize(fold(p.text)), (p, known))
    if len(members) < 2:
        return [d]
    near = _list_anchor(d, listed, places_by_sentence.get(d.sentence.index, []))
    tolls = shares(int(d.fields.get("fatalities") or 0), len(members))
    return [_at_place(d, place, None if known else near, toll)
            for (place, known), toll in zip(members.values(), tolls, strict=True)]


_ANCHOR_GAP = 16  # characters between a list and the place it lies near ("، شمال منبج", " في ريف حلب")
# Characters between a toll and the place it is given for ("ثلاثة شهداء وعشرة جرحى بقرية").
_TOLL_PLACE_GAP = 24


def _tolls_by_place(d: Draft, view: TextView, sentence_places: list) -> list | None:
    """ "ثلاثة شهداء بقرية X، وخمسة شهداء بقرية Y، إضافة لشهيدين بZ": each toll followed closely (no
    comma between) by its own place is one event there, with that toll: [(place, known, toll, death
    mentions)], or None when the deaths are not given place by place."""
    if len(d.deaths) < 2:
        return None
    found: dict[int, list] = {}
    places: dict[int, Any] = {}
    for f in d.deaths:
        _, end = view.span(f.start, f.end)
        after = [p for p in sentence_places if 0 <= p.start - end <= _TOLL_PLACE_GAP
                 and locates_toll(d.doc.text[end:p.start])]
        if not after:
            return None
        places[after[0].start] = after[0]
        found.setdefault(after[0].start, []).append(f)
    if len(found) < 2:
        return None
    out = []
    for start, mentions in found.items():
        place = places[start]
        known = rank(place) < 9 and place.known
        out.append((place, known, total_fatalities(mentions)[0], mentions))
    return out


def _at_place(
    d: Draft, place, near, toll: int, view: TextView | None = None, deaths: list | None = None
) -> Draft:
    """A copy of `d` at one place of a report split by place, with its own location evidence and toll.
    NEAR: the place a name the gazetteer lacks lies near (None: the name is known). DEATHS: the death
    mentions of that place alone, when the report gives its toll place by place."""
    dropped = ("location",) if deaths is None else ("location", "fatalities")
    c = replace(
        d,
        fields=dict(d.fields),
        evidence=[e for e in d.evidence if e.field not in dropped],
        signals=dict(d.signals),
        split_at=place.start,
        deaths=d.deaths if deaths is None else deaths,
    )
    set_place(c, place, False)
    if near is not None:
        c.fields.update(location=romanize(fold(place.text)), latitude=near.latitude, longitude=near.longitude,
                        geo_precision=_near_precision(near), **_admin_fields(near))
    c.fields["fatalities"] = toll
    if deaths is not None and view is not None and toll:
        _, mention = total_fatalities(deaths)
        if mention is not None:
            c.cite(view, "fatalities", mention.start, mention.end)
    return c


def _admin_fields(pl) -> dict[str, str | None]:
    return {k: getattr(pl, k) and ascii_name(getattr(pl, k)) for k in ("admin1", "admin2", "admin3")}


def _near_precision(near) -> int:
    """ACLED geo_precision of a place coded at the place it lies near: 2 near a town, 3 in a province."""
    return 3 if _SPECIFIC.get(near.feature, 9) >= 3 else 2


def _list_anchor(d: Draft, listed: list, sentence_places: list):
    """Where a list's unknown names lie: the place one of them was anchored to, else the place named
    right after the list ("قرى X وY شمال منبج", "بلدتي X وY في ريف حلب"), else the event's own place."""
    anchored = next((p.place for p in listed if p.place is not None and not p.known), None)
    if anchored is not None:
        return anchored
    end = listed[-1].end
    after = [
        p for p in sentence_places if p not in listed and end <= p.start <= end + _ANCHOR_GAP and rank(p) < 9
    ]
    return after[0].place if after else d.place.place


def _list_of(d: Draft, sentence_places: list) -> list:
    """The places listed with the event's place, or the list of names it anchors ("قرى X، وY،
    وZ شمال منبج": the last name was resolved near Manbij, the event's place)."""
    def usable(p) -> bool:
        return rank(p) < 9 or p.place is None

    listed = listed_places(d.doc.text, d.place, sentence_places, usable)
    if len(listed) > 1:
        return listed
    name = d.place.place.name
    anchored = [m for m in sentence_places if not m.known and m.place is not None and m.place.name == name]
    return listed_places(d.doc.text, anchored[-1], sentence_places, usable) if anchored else listed


def by_sentence(view: TextView, places: list) -> dict[int, list]:
    """Place mentions (original offsets) grouped by the index of the sentence holding them."""
    bounds = [view.span(s.start, s.end) for s in view.sentences]
    out: dict[int, list] = {}
    i = 0
    for p in sorted(places, key=lambda p: p.start):
        while i < len(bounds) and bounds[i][1] <= p.start:
            i += 1
        if i < len(bounds) and bounds[i][0] <= p.start:
            out.setdefault(i, []).append(p)
    return out


def ascii_name(name: str) -> str:
    """ACLED writes place names in plain ASCII ("Khan Shaykhun", not GeoNames' "Khān Shaykhūn")."""
    folded = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    # ʿayn and hamza however GeoNames writes them ("Tall Rif‘at", "Mari‘"): ACLED drops the first, keeps
    # the second as an apostrophe.
    return plain.replace("ʿ", "").replace("‘", "").replace("ʾ", "'").replace("’", "'")


def around(view: TextView, triggered: list) -> TextView:
    """The sentences a place can come from (each event's own and the few before it) and the lead,
    which usually names the country: geoparsing only these saves most of the work on long articles."""
    wanted = set(range(min(2, len(view.sentences))))
    for s, _ in triggered:
        wanted.update(range(max(0, s.index - _PLACE_LOOKBACK), s.index + 1))
    return view.restricted([view.sentences[i] for i in sorted(wanted)])


def dominant_country(places: list) -> str | None:
    counts: dict[str, int] = {}
    for p in places:
        if p.place is not None and p.place.country:
            counts[p.place.country] = counts.get(p.place.country, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def rank(mention) -> int:
    """How specific a place is as an event location (lower is more); 9: not one at all (unresolved,
    or a region of several countries: "أفريقيا", "الشرق الأوسط")."""
    p = mention.place
    if p is None or p.latitude is None or p.country is None:
        return 9
    return _SPECIFIC.get(p.feature, 9)


def place_for(sentence: Sentence, by_sentence: dict[int, list], near: tuple[int, int] | None = None):
    """The event's place mention and whether it came from an earlier sentence. With `near` (the
    original span of one of several events a sentence reports), the sentence's place that follows
    that event's trigger most closely, else the closest before it."""
    for back in range(_PLACE_LOOKBACK + 1):
        candidates = [p for p in by_sentence.get(sentence.index - back, []) if rank(p) < 9]
        if not candidates:
            continue
        if near is not None and back == 0 and len({p.place.name for p in candidates}) > 1:
            best = min(candidates, key=lambda p: (p.start < near[0], rank(p), abs(p.start - near[1])))
        else:
            best = min(candidates, key=lambda p: (rank(p), p.start))
        return best, back > 0
    return None, False


def _geo_precision(mention, from_context: bool) -> int:
    r = rank(mention)
    hint = mention.geo_precision or (1 if r == 0 else 3 if r >= 3 else 2)
    return min(3, hint + (1 if from_context and hint < 2 else 0))
