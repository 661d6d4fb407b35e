"""Choosing among namesakes, and the ACLED precision hint of each mention.

A candidate's score adds its population (log scale), a bonus for its kind (countries first, then
curated places, regions and sites, then first-level divisions), agreement with the place noun
before the name ("محافظة X" wants a division, "مدينة X" a town), and the document's context:
the countries and first-level divisions its other, unambiguous mentions name.

Above that, `document_place` reads the country (and admin1) the whole document is about from
unambiguous evidence, and `choose` uses it as a prior: a namesake there beats a bigger one abroad,
and a foreign reading the document gives no sign of (its country never named, no adjective next
to the name) is left unresolved unless it is well known for its distance (`_stray`): a wrong
far-away coordinate is worse than none.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .countries import country_rows, focus_countries
from .gazetteer import Gazetteer
from .lexicon import name_key
from .model import Place
from .recognize import RawMention

_FEATURE_BONUS = {"country": 8.0, "admin1": 3.0, "region": 5.0, "water": 5.0, "site": 5.0,
                  "admin2": 0.0, "admin3": 0.0, "populated_place": 0.0}
_NOUN_FEATURES = {"town": ("populated_place",), "admin": ("admin1", "admin2", "admin3"),
                  "area": ("region", "admin2", "admin3", "populated_place"), "site": ("site",),
                  "water": ("water",)}
# ACLED geo_precision of a place of each kind named on its own.
_BASE_PRECISION = {"country": 3, "admin1": 3, "region": 3, "water": 3, "admin2": 2, "admin3": 2,
                   "populated_place": 1, "site": 1}


@dataclass
class DocContext:
    """What a document's unambiguous mentions say about where it is."""

    countries: Counter = field(default_factory=Counter)
    admin1: Counter = field(default_factory=Counter)


def document_context(raws: Sequence[RawMention], gaz: Gazetteer) -> dict[str, DocContext]:
    """Context seen by each name: built from the mentions of *other* names, so a name never
    votes for its own reading."""
    per_key: dict[str, DocContext] = {}
    total = DocContext()
    for r in raws:
        ctry, adm = _unambiguous(r.ids, gaz)
        if ctry:
            total.countries[ctry] += 1
            per_key.setdefault(r.key, DocContext()).countries[ctry] += 1
        if adm:
            total.admin1[adm] += 1
            per_key.setdefault(r.key, DocContext()).admin1[adm] += 1
    out = {}
    for r in raws:
        own = per_key.get(r.key, DocContext())
        out[r.key] = DocContext(total.countries - own.countries, total.admin1 - own.admin1)
    return out


@dataclass(frozen=True, slots=True)
class DocumentPlace:
    """The country (and, where clear, the first-level division) a whole document is about, read
    from unambiguous evidence only: countries named, nationality adjectives, divisions and towns
    that have no namesake abroad. None where the evidence is thin or split."""

    country: str | None = None
    admin1: str | None = None
    # The countries the document names or qualifies with an adjective: a place there is never a
    # stray namesake ("الخفجي" in a Kuwaiti report that names Saudi Arabia).
    named: frozenset[str] = frozenset()


# The prior's weight: about four orders of magnitude of population, so that a village of the
# document's country beats a city abroad; the other mentions' countries (`DocContext`) add theirs.
_DOC_COUNTRY_BONUS = 4.0
_DOC_ADMIN1_BONUS = 2.0
_COUNTRY_VOTE = 2  # a country named outright
_MIN_VOTES = 3  # the least evidence for a document country: a country named and one more sign
_MARGIN = 1.5  # the winner's votes over the runner-up's: a report from Lebanon names Israel too
_ADJECTIVE_VOTES = 2  # at most, for one country's nationality adjectives
_WELL_KNOWN_POPULATION = 50_000  # a town this big, alone with its name, says where the text is


def document_place(
    raws: Sequence[RawMention], gaz: Gazetteer, adjectives: Sequence[str] = (),
    adjective_words: Container[str] = (),
) -> DocumentPlace:
    """The document's country: the one that gets at least `_MIN_VOTES` and `_MARGIN` times the
    votes of any other. A country name counts `_COUNTRY_VOTE`; nationality adjectives (ADJECTIVES,
    the ISO2 codes of those in the text; ADJECTIVE_WORDS, their words) one each, up to
    `_ADJECTIVE_VOTES`; a division or a well-known town with no namesake elsewhere, one, and one
    more when another sentence names it again; a name whose namesakes lie in several countries,
    one for the only one of them the adjectives name ("طرابلس" with "الليبية"). Its admin1
    likewise among that country's unambiguous places."""
    votes: Counter = Counter()
    admins: Counter = Counter()
    named = set(adjectives)
    sentences: dict[str, set[int]] = {}
    for r in raws:
        sentences.setdefault(r.key, set()).add(r.sentence)
    seen: set[str] = set()
    for r in raws:
        if not r.ids or r.key in seen or _feminine_adjective(r.key, adjective_words):
            # A name repeated in one sentence is one piece of evidence ("بليز ... بليز" in a tweet); a
            # name that is also an indefinite feminine adjective ("مسيرة تركية") counts as the adjective.
            continue
        seen.add(r.key)
        places = [gaz.place(n) for n in r.ids]
        country = next((p.country for p in places if p.feature == "country"), None)
        if country is not None:
            votes[country] += _COUNTRY_VOTE
            named.add(country)
            continue
        countries = {p.country for p in places}
        if len(countries) != 1:
            qualified = countries & set(adjectives)
            if len(qualified) == 1:
                votes[qualified.pop()] += 1
            continue
        if any(p.feature in ("admin1", "admin2", "region") or p.capital or p.id.startswith("marsad:")
               or p.population >= _WELL_KNOWN_POPULATION for p in places):
            # A place the article comes back to in another sentence is what it is about ("حلب").
            votes[places[0].country] += 1 + (len(sentences[r.key]) > 1)
            if len({p.admin1 for p in places}) == 1 and places[0].admin1:
                admins[(places[0].country, places[0].admin1)] += 1
    # An adjective repeated adds less than new evidence: "الاحتلال الإسرائيلي" said ten times over
    # in a report from Gaza does not outweigh its places.
    votes.update({c: min(n, _ADJECTIVE_VOTES) for c, n in Counter(adjectives).items()})
    country = _clear_winner(votes, _MIN_VOTES)
    if country is None:
        return DocumentPlace()
    admin1 = _clear_winner(Counter({a: n for (c, a), n in admins.items() if c == country}), 2)
    return DocumentPlace(country, admin1, frozenset(named))


def _feminine_adjective(key: str, adjective_words: Container[str]) -> bool:
    """"تركيه", "سوريه": a country's name spelled like the feminine adjective of its nationality
    ("سوريا", "السعودية" are names only)."""
    return key.endswith("يه") and not key.startswith("ال") and key in adjective_words


def _clear_winner(votes: Counter, least: int) -> str | None:
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < least:
        return None
    if len(ranked) > 1 and ranked[0][1] < _MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]


def _unambiguous(ids: tuple[int, ...], gaz: Gazetteer) -> tuple[str | None, str | None]:
    """The country (and first-level division) shared by every reading of a name, if any."""
    if not ids:
        return None, None
    places = [gaz.place(n) for n in ids]
    countries = {p.country for p in places}
    if len(countries) != 1:
        # A country name shadowed by small namesakes still names its country.
        top = [p for p in places if p.feature == "country"]
        return (top[0].country, None) if top else (None, None)
    admins = {p.admin1 for p in places}
    return places[0].country, (places[0].admin1 if len(admins) == 1 else None)


@lru_cache(maxsize=4096)
def _canonical_key(name_ar: str) -> str | None:
    return name_key(name_ar)


def score(p: Place, key: str, raw: RawMention, ctx: DocContext, nationality: str | None = None,
          doc: DocumentPlace | None = None) -> float:
    s = math.log10(p.population + 10) + _FEATURE_BONUS.get(p.feature, 0.0)
    if doc is not None and doc.country and p.country == doc.country:
        # The document's country is the prior for every namesake: a place there beats a bigger
        # one abroad ("الجفرة" in a Syrian report), unless the name carries its own country.
        s += _DOC_COUNTRY_BONUS + (_DOC_ADMIN1_BONUS if doc.admin1 and p.admin1 == doc.admin1 else 0.0)
    if nationality and p.country == nationality:
        s += 12.0  # "العاصمة الأردنية عمان": the adjective says whose place it is
    if p.feature == "country" and key != _canonical_key(p.name_ar):
        s -= 5.0  # "عمان" names Oman only as a variant; Amman competes on context
    if p.id.startswith("marsad:"):
        s += 4.0
    if p.capital:
        s += 3.0
    if raw.noun and p.feature in _NOUN_FEATURES.get(raw.noun, ()):
        s += 10.0
    if p.country in focus_countries():
        s += 2.0
    if p.country and ctx.countries.get(p.country):
        s += 6.0 + min(ctx.countries[p.country], 3)
    if p.admin1 and ctx.admin1.get(p.admin1) and p.feature != "admin1":
        s += 3.0
    return s


def choose(raw: RawMention, gaz: Gazetteer, ctx: DocContext, nationality: str | None = None,
           doc: DocumentPlace | None = None) -> Place | None:
    """The reading of RAW with the best `score`; NATIONALITY: the ISO2 code of a nationality adjective
    next to the name; DOC: what the whole document is about."""
    places = [gaz.place(n) for n in raw.ids]
    if any(p.feature == "country" and raw.key == _canonical_key(p.name_ar) for p in places):
        doc = None  # a country's own name is that country, whatever its namesakes in the document's
    best, best_s = None, -math.inf
    for p in places:
        s = score(p, raw.key, raw, ctx, nationality, doc)
        if s > best_s:
            best, best_s = p, s
    if best is not None and nationality is None and _stray(best, raw, doc):
        return None
    return _seat(best, places)


_SEAT_POPULATION = 50_000


def _seat(best: Place | None, places: Sequence[Place]) -> Place | None:
    """A district whose coordinates are only approximate, named like a sizeable town of the same
    province, is located at that town, its seat ("محافظ حفر الباطن"), as ACLED places district events."""
    if best is None or best.feature not in ("admin2", "admin3") or best.precision < 2:
        return best
    seat = next((p for p in places if p.feature == "populated_place" and p.country == best.country
                 and p.admin1 == best.admin1 and p.population >= _SEAT_POPULATION), None)
    return seat or best


def _stray(p: Place, raw: RawMention, doc: DocumentPlace | None) -> bool:
    """Is P a namesake abroad of a place the gazetteer lacks? In a document about one country that
    never names P's country, a foreign place is a wrong match unless it is well known: a capital,
    a division or a town of some size across a nearby border (conflicts cross them), a great city
    further away.
    A quarter or area ("حي X", "منطقة X") is never abroad, nor a village or town ("قرية الجفرة")
    that the gazetteer has abroad only as another kind of place. A far-away coordinate is worse
    than none: the event falls back on the places around it."""
    if doc is None or doc.country is None or p.country in (None, doc.country) or p.country in doc.named:
        return False
    if p.feature in ("country", "region", "water") or p.capital:
        return False
    if raw.noun == "area" or (raw.noun == "town" and p.feature != "populated_place"):
        return True
    near = _km_to_country(p, doc.country) <= _NEIGHBOUR_KM
    if near and p.feature in ("admin1", "admin2"):
        return False  # a province or district next door ("ظفار" in a Yemeni text)
    return p.population < (_NEIGHBOUR_TOWN if near else _FAR_CITY)


_NEIGHBOUR_KM = 1000.0  # from the document country's centre: the country next door
_NEIGHBOUR_TOWN = 50_000
_FAR_CITY = 1_000_000


def _km_to_country(p: Place, iso2: str) -> float:
    row = country_rows().get(iso2)
    if row is None or not row["latitude"] or p.latitude is None:
        return math.inf
    return _km_between(p.latitude, p.longitude, float(row["latitude"]), float(row["longitude"]))


def _km_between(la1: float, lo1: float, la2: float, lo2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (la1, lo1, la2, lo2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


_ANCHOR_KM = 150.0


def _km(a: Place, b: Place) -> float:
    if a.latitude is None or b.latitude is None:
        return math.inf
    return _km_between(a.latitude, a.longitude, b.latitude, b.longitude)


def choose_near(raw: RawMention, gaz: Gazetteer, ctx: DocContext, anchor: Place,
                nationality: str | None = None) -> Place | None:
    """`choose`, with the reading that lies in the anchoring place (same country, same province,
    within `_ANCHOR_KM`) strongly preferred."""
    best, best_s = None, -math.inf
    for n in raw.ids:
        p = gaz.place(n)
        s = score(p, raw.key, raw, ctx)
        if p.country and p.country == anchor.country:
            s += 10.0
            if p.admin1 and p.admin1 == anchor.admin1:
                s += 4.0
            if _km(p, anchor) <= _ANCHOR_KM:
                s += 6.0
        if s > best_s:
            best, best_s = p, s
    if best is not None and best.country != anchor.country and nationality != best.country and (
            _km(best, anchor) > 2 * _ANCHOR_KM or anchor.feature not in ("region", "water")):
        # The gazetteer lacks the local place ("العامرية غربي بغداد" is not El Amria in Algeria,
        # "بيت جن بريف دمشق" not Beit Jann in Israel): leave it unresolved, and let the anchoring
        # place locate the event. A region or a sea spans borders; an adjective names the country.
        return None
    return best


def geo_precision(place: Place | None, raw: RawMention) -> int | None:
    """ACLED geo_precision hint: 1 a town or named site, 2 near / part of / an area or district,
    3 a region, governorate or country."""
    if place is None:
        if raw.noun == "admin":
            return 3
        return 2 if raw.qualifier or raw.noun == "area" else 1
    base = _BASE_PRECISION.get(place.feature, 2)
    if place.feature in ("region", "water"):
        base = min(base, max(place.precision, 2))  # "بادية السوسة" is a local area, not a province
    if place.feature in ("populated_place", "site"):
        base = max(base, min(place.precision, 2))
    if raw.qualifier or (raw.noun == "admin" and place.feature == "populated_place"):
        base = max(base, 2)  # near or part of the place; a district located at its seat town
    return base


def within_precision(anchor: Place) -> int:
    """ACLED geo_precision of a place known only as lying in ANCHOR: 2 near a town or in a
    district, 3 somewhere in a province, region or country."""
    return 2 if anchor.feature in ("populated_place", "site", "admin2", "admin3") else 3
