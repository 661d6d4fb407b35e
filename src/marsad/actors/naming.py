"""ACLED names, types and interaction codes of actors.

A mention's actor id may be context-dependent ("الجيش" is the army of the event's country;
"التحالف" the Saudi-led coalition in Yemen, the anti-IS coalition elsewhere): `resolve_actor`
turns it into a concrete id, and the functions here name it on the event date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..geo.countries import country_info
from .lexicon import ANY_COUNTRY, INTER_TYPES, UNIT_PREFIX, Actor, lexicon, period_on, read_tsv

_REF = re.compile(r"\{([a-z0-9_]+)\}")
_MAX_DEPTH = 4  # resolve rules and {actor} references are short chains; guards against loops


# An armed group outside the dictionary, named by its text (recognize.find_units): a militia of the
# event's country, as ACLED types local armed groups it has no other record of.
UNIT_INTER = "Political militia"


@lru_cache(maxsize=1)
def _letters() -> dict[str, tuple[str, str]]:
    return {r["letter"]: (r["latin"], r["end"] or r["latin"]) for _, r in read_tsv("romanize.tsv")}


def romanize(text: str) -> str:
    """A Latin name for normalised Arabic text: "لواء شهداء بدر" → "Lwa Shhda Bdr"."""
    letters = _letters()
    out = []
    for word in text.split():
        article = word.startswith("ال") and len(word) > 3
        stem = word[2:] if article else word
        latin = "".join(letters[ch][k == len(stem) - 1] if ch in letters else ch for k, ch in enumerate(stem))
        out.append(("al-" if article else "") + latin.capitalize())
    return " ".join(w for w in out if w)


def unit_text(actor_id: str) -> str | None:
    """The Arabic name of an armed group outside the dictionary; None for a dictionary id."""
    return actor_id[len(UNIT_PREFIX):] if actor_id.startswith(UNIT_PREFIX) else None


def resolve_actor(actor_id: str, country_iso2: str | None = None) -> str:
    """The concrete actor a mention stands for in an event in `country_iso2`.
    Unknown ids raise KeyError."""
    if unit_text(actor_id) is not None:
        return actor_id
    actors = lexicon().actors
    cc = (country_iso2 or "").upper()
    for _ in range(_MAX_DEPTH):
        actor = actors[actor_id]
        target = _rule(actor, cc)
        if target is None or target not in actors or target == actor_id:
            return actor_id
        actor_id = target
    return actor_id


def _rule(actor: Actor, cc: str) -> str | None:
    for where, target in actor.resolve:
        if where == cc or (where == ANY_COUNTRY and (cc or "{cc}" not in target)):
            return target.replace("{cc}", cc.lower())
    return None


def actor_name(actor_id: str, event_date: dt.date | None = None, country_iso2: str | None = None,
               _depth: int = 0) -> str:
    """ACLED name of the actor on `event_date` (None: the current name) in an event in
    `country_iso2`: "Military Forces of Syria (2000-2024)", "Islamic State (Iraq)"."""
    if (text := unit_text(actor_id)) is not None:
        return romanize(text)
    lex = lexicon()
    actor = lex.actors[resolve_actor(actor_id, country_iso2)]
    period = period_on(actor, event_date)
    name = period.name if period else actor.name
    if not name:  # a generic state mention with no country to resolve it
        name = "Military Forces" if actor.id == "military" else "Police Forces"
    if "{country}" in name:
        cc = actor.country if actor.country != ANY_COUNTRY else (country_iso2 or "").upper()
        country = lex.countries.get(cc)
        # Countries outside the actor dictionary still get ACLED's name for them ("Ukraine").
        label = country.name if country else (info.name if cc and (info := country_info(cc)) else None)
        name = name.replace("{country}", label) if label else name.replace(" ({country})", "")
    if _depth < _MAX_DEPTH:
        name = _REF.sub(lambda m: actor_name(m.group(1), event_date, country_iso2, _depth + 1), name)
    return name


def actor_inter(actor_id: str, country_iso2: str | None = None, event_date: dt.date | None = None) -> str:
    """ACLED actor type. State forces acting outside their own country are "External/Other
    forces", as ACLED codes them (Turkish forces in Syria, Israeli forces in Lebanon)."""
    if unit_text(actor_id) is not None:
        return UNIT_INTER
    actor = lexicon().actors[resolve_actor(actor_id, country_iso2)]
    period = period_on(actor, event_date)
    inter = (period.inter if period and period.inter else None) or actor.inter
    cc = (country_iso2 or "").upper()
    if inter == "State forces" and cc and actor.country not in (ANY_COUNTRY, cc):
        return "External/Other forces"
    return inter


@lru_cache(maxsize=1)
def _government_sides() -> dict[str, str]:
    return {r["id"]: r["side"] for _, r in read_tsv("government_side.tsv")}


def government_side(actor_id: str, country_iso2: str | None = None) -> bool:
    """Whether the actor fights for the recognised government of the event's country (ACLED's
    "Government regains territory" when it takes a place): that state's own forces, unless a
    rival authority's (government_side.tsv), and the militias listed as fighting for it; never
    foreign forces (Turkish forces taking a Syrian town overtake it)."""
    if unit_text(actor_id) is not None:
        return False
    resolved = resolve_actor(actor_id, country_iso2)
    side = _government_sides().get(resolved)
    if side is not None:
        return side == "government" and actor_country(resolved, country_iso2) == (country_iso2 or "").upper()
    return actor_inter(resolved, country_iso2) == "State forces" and country_iso2 is not None


def actor_country(actor_id: str, country_iso2: str | None = None) -> str | None:
    """ISO2 of the country an actor belongs to or acts in; None when that comes from context
    and none is given."""
    if unit_text(actor_id) is not None:
        return country_iso2.upper() if country_iso2 else None
    actor = lexicon().actors[resolve_actor(actor_id, country_iso2)]
    if actor.country == ANY_COUNTRY:
        return country_iso2.upper() if country_iso2 else None
    return actor.country


def actor_associates(actor_id: str, country_iso2: str | None = None) -> tuple[str, ...]:
    """Actors ACLED usually codes with this one (Liwa Fatemiyoun: the IRGC)."""
    if unit_text(actor_id) is not None:
        return ()
    return lexicon().actors[resolve_actor(actor_id, country_iso2)].assoc


_ORDER = {name: i for i, name in enumerate(INTER_TYPES)}


def interaction(inter1: str, inter2: str | None = None) -> str:
    """ACLED interaction: the two types, the lower-numbered first ("State forces-Rebel group"
    whichever side started); "Rebel group only" for one-sided events."""
    if not inter2:
        return f"{inter1} only"
    a, b = sorted((inter1, inter2), key=lambda x: _ORDER.get(x, len(_ORDER)))
    return f"{a}-{b}"


def civilian_targeting(actor2_inter: str | None) -> str:
    return "Civilian targeting" if actor2_inter == "Civilians" else ""
