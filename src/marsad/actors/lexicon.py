"""The actor dictionary: loading and checking `data/*.tsv`.

`actors.tsv` lists actors with their ACLED type, country, name and Arabic aliases;
`countries.tsv` the countries names refer to; `governments.tsv` the government periods that
state-force names carry ("Military Forces of Syria (2000-2024)"); `periods.tsv` other actors whose
name changes over time. Every country gets generated `military_xx` / `police_xx` actors, so a row
in actors.tsv for them only adds aliases. Loaded once per process (`lexicon()`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..datafiles import read_rows

INTER_TYPES = (
    "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
    "Protesters", "Civilians", "External/Other forces",
)
ANY_COUNTRY = "*"
# Ids of armed groups outside the dictionary, read from their own name ("unit:لواء شهداء بدر").
UNIT_PREFIX = "unit:"


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date | None  # inclusive; None: open
    end: dt.date | None  # exclusive; None: still running
    name: str
    inter: str | None = None  # the actor's type in this period when it differs

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Alias:
    text: str  # as written in the data file
    suffix: bool  # inflected / suffixed forms of the last word allowed
    strict: bool = False  # a common word too: only bare or after و ف ل


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    inter: str
    country: str  # ISO2, or "*" when it comes from the event's context
    name: str  # template: "{country}", "{actor_id}"; "" when periods give the name
    resolve: tuple[tuple[str, str], ...] = ()  # (country or "*", target id with "{cc}")
    assoc: tuple[str, ...] = ()
    aliases: tuple[Alias, ...] = ()
    periods: tuple[Period, ...] = ()


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    name: str
    state_name: str
    adjectives: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    actors: dict[str, Actor]
    countries: dict[str, Country]
    # Each data row's line number, for error messages of the validating test.
    lines: dict[str, int] = field(default_factory=dict)


def read_tsv(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of an actors data file, keyed by its header (`datafiles.read_rows`)."""
    yield from read_rows("marsad.actors", f"data/{name}")


def _date(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _split(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()]


def _alias(s: str) -> Alias:
    if s.startswith("+"):
        return Alias(s[1:], True)
    if s.startswith("!"):
        return Alias(s[1:], False, True)
    return Alias(s, False)


def _periods() -> dict[str, list[Period]]:
    out: dict[str, list[Period]] = {}
    for _, r in read_tsv("periods.tsv"):
        out.setdefault(r["id"], []).append(
            Period(_date(r["start"]), _date(r["end"]), r["name"], r["inter"] or None))
    return out


def _state_periods(countries: dict[str, Country]) -> dict[str, list[Period]]:
    """Dated names of the generated military_xx / police_xx actors."""
    out: dict[str, list[Period]] = {}
    for _, r in read_tsv("governments.tsv"):
        c = countries[r["iso2"]]
        for kind, title in (("military", "Military Forces"), ("police", "Police Forces")):
            out.setdefault(f"{kind}_{c.iso2.lower()}", []).append(Period(
                _date(r["start"]), _date(r["end"]), f"{title} of {c.state_name} ({r['label']})"))
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    countries = {}
    for _, r in read_tsv("countries.tsv"):
        countries[r["iso2"]] = Country(r["iso2"], r["name"], r["state_name"],
                                       tuple(_split(r["adjectives"])))
    periods = _periods()
    for aid, ps in _state_periods(countries).items():
        periods.setdefault(aid, ps)
    actors: dict[str, Actor] = {}
    lines: dict[str, int] = {}
    for n, r in read_tsv("actors.tsv"):
        resolve = tuple((x.partition("=")[0], x.partition("=")[2]) for x in _split(r["resolve"]))
        actors[r["id"]] = Actor(
            r["id"], r["inter"], r["country"], r["name"], resolve,
            tuple(_split(r["assoc"])), tuple(_alias(a) for a in _split(r["aliases"])),
            tuple(periods.get(r["id"], ())))
        lines[r["id"]] = n
    # Every country's state forces exist, named by period where governments.tsv has periods.
    for c in countries.values():
        for kind, title in (("military", "Military Forces"), ("police", "Police Forces")):
            aid = f"{kind}_{c.iso2.lower()}"
            if aid not in actors:
                actors[aid] = Actor(aid, "State forces", c.iso2, "",
                                    periods=tuple(periods.get(aid, ())))
            if not actors[aid].name and not actors[aid].periods:
                actors[aid] = replace(actors[aid], name=f"{title} of {c.state_name}")
    return Lexicon(actors, countries, lines)


def sorted_periods(actor: Actor) -> list[Period]:
    return sorted(actor.periods, key=lambda p: p.start or dt.date.min)


def period_on(actor: Actor, day: dt.date | None) -> Period | None:
    """The period valid on `day`. Without a date: the current (last) one. Before the first
    period: the first; in a gap: the one before it (names are kept until replaced)."""
    ps = sorted_periods(actor)
    if not ps:
        return None
    if day is None:
        return ps[-1]
    best = ps[0]
    for p in ps:
        if p.contains(day):
            return p
        if p.start is not None and p.start <= day:
            best = p
    return best
