"""ACLED typing in one place: the event type and sub-type of an event, in ACLED's precedence.

An event's type is decided in this order, each step on what the one before left:

1. The construction: a trigger word's kind (data/kinds.tsv) gives a type and sub-type, and the
   words around it retype the kind first (data/context_kinds.tsv, read by `in_context`; triggers.py
   reads each context): an aircraft makes shelling an air strike, protesters make an attack a riot
   and killing them excessive force, a defused bomb is a disrupted weapons use.
   A demonstration type needs the demonstration asserted: with none, force on protesters is the
   violence it is (`unasserted_demonstration`).
2. Precedence: of the tactics one event is reported with, `choose` keeps ACLED's first (a suicide
   bomb over the explosion, an air strike over shelling, a takeover over the clash it came with):
   the kind's rank in data/kinds.tsv.
3. The initiator (stage "initiator" of data/acled_types.tsv): ACLED types some events by who acted.
   Rioters are no armed side of a battle (a violent demonstration); the demonstrators of a riot are
   rioters; an armed group's arrests are abductions, since only a state arrests.
4. The sides (stage "sides"): force a state uses is typed by whom it was used on, once the toll is
   known: on protesters, excessive force (when it kills or is lethal) or an intervention in their
   protest; on rioters, their violent demonstration; on civilians, violence against civilians.
   Clashes with anyone armed stay battles.
5. Folding (stage "fold"): force on the protesters of a protest the same sentence reports types
   that protest rather than an event of its own.
6. The target (stage "final"): violence against civilians is against unarmed people, so an attack
   on an armed side is an armed clash, and an armed side's "attack" on civilians is violence
   against civilians. A territory taken is regained by the government's side, overtaken by others.

The decisions of steps 3 to 6 are rows of data/acled_types.tsv, read in order; ACLED codebook:
../shared/docs/ACLED-CODING.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Protocol, TypeVar

from .taxonomy import EVENT_TYPE_OF

TERRITORY_KIND = "territory_taken"
TERRITORY_STATE = "Government regains territory"
TERRITORY_NON_STATE = "Non-state actor overtakes territory"
DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})
ANY = "*"
NOT = "!"
GROUP = "@"


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    event_type: str
    sub_event_type: str
    rank: int  # ACLED precedence in choose(): lower wins


@dataclass(frozen=True, slots=True)
class Decision:
    """What a row of data/acled_types.tsv decides: a sub-type (None: keep the event's) and what it
    does to the sides."""

    sub_event_type: str | None
    swap: bool = False  # the target becomes actor1
    rioters: bool = False  # actor1 is coded as rioters

    @property
    def event_type(self) -> str | None:
        return EVENT_TYPE_OF.get(self.sub_event_type) if self.sub_event_type else None


@dataclass(frozen=True, slots=True)
class _Rule:
    stage: str
    event: tuple[tuple[tuple[str, ...], bool], ...]  # (alternatives, negated), all must hold
    inter1: str
    inter2: str
    lethal_sub: str | None  # the sub-type when the force is lethal ("A" of "A|B")
    sub: str | None  # else ("-": None)
    then: frozenset[str]


class _Typed(Protocol):
    kind: str
    confidence: float
    start: int
    event_type: str
    base: str


T = TypeVar("T", bound=_Typed)


def _rows(name: str) -> Iterable[list[str]]:
    text = resources.files("marsad.events").joinpath(f"data/{name}").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@lru_cache(maxsize=1)
def kinds() -> dict[str, Kind]:
    """Each trigger kind's type, sub-type and precedence rank (data/kinds.tsv)."""
    return {r[0]: Kind(r[0], r[1], r[2], int(r[3])) for r in _rows("kinds.tsv")}


@lru_cache(maxsize=1)
def groups() -> dict[str, frozenset[str]]:
    """Named sets of data/acled_types.tsv: inter codes ("armed") and kinds ("lethal")."""
    return {r[1]: frozenset(r[2].split("|")) for r in _rows("acled_types.tsv") if r[0] == "group"}


def _condition(text: str) -> tuple[tuple[str, ...], bool]:
    text = text.strip()
    negated = text.startswith(NOT)
    return tuple(text.removeprefix(NOT).split("|")), negated


@lru_cache(maxsize=1)
def rules() -> tuple[_Rule, ...]:
    out = []
    for stage, event, inter1, inter2, sub, then in (r for r in _rows("acled_types.tsv") if r[0] != "group"):
        conditions = () if event == ANY else tuple(_condition(c) for c in event.split("&"))
        lethal_sub, _, other = sub.partition("|")
        out.append(_Rule(stage, conditions, inter1, inter2, None if lethal_sub == "-" else lethal_sub,
                         None if sub == "-" else (other or lethal_sub), frozenset(then.split()) - {"-"}))
    return tuple(out)


def _inter_holds(pattern: str, inter: str) -> bool:
    if pattern == ANY:
        return True
    negated = pattern.startswith(NOT)
    name = pattern.removeprefix(NOT)
    holds = inter in groups()[name[1:]] if name.startswith(GROUP) else inter == name
    return holds != negated


@lru_cache(maxsize=1)
def context_rules() -> tuple[tuple[str, frozenset[str], str, str], ...]:
    """The rows of data/context_kinds.tsv: (stage, kinds, context, new kind), in order."""
    return tuple((stage, frozenset(kinds_.split("|")), context, new)
                 for stage, kinds_, context, new, *_ in _rows("context_kinds.tsv"))


@lru_cache(maxsize=1)
def _context_index() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """(stage, kind) -> its rows' (context, new kind), in the table's order."""
    index: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for stage, kinds_, context, new in context_rules():
        for kind in kinds_:
            index.setdefault((stage, kind), []).append((context, new))
    return {k: tuple(v) for k, v in index.items()}


def has_context_rows(stage: str, kind: str) -> bool:
    return (stage, kind) in _context_index()


def in_context(stage: str, kind: str, holds: Callable[[str], bool]) -> str | None:
    """The kind the first row of `stage` whose kinds include `kind` and whose context `holds`
    retypes it to; None when none does. Contexts are checked only for rows of the kind, in order."""
    for context, new in _context_index().get((stage, kind), ()):
        if holds(context):
            return new
    return None


def decide(stage: str, facts: Iterable[str], inter1: str | None, inter2: str | None,
           lethal: bool = False, subject: bool = True) -> Decision | None:
    """The first decision of `stage` whose conditions hold: `facts` are the event's kind, type and
    sub-type, `inter1`/`inter2` its sides' inter codes. None: no row applies."""
    seen = frozenset(facts)
    for rule in rules():
        if rule.stage != stage or not _inter_holds(rule.inter1, inter1 or "") \
                or not _inter_holds(rule.inter2, inter2 or ""):
            continue
        if not all(bool(seen.intersection(alts)) != negated for alts, negated in rule.event):
            continue
        if "subject" in rule.then and not subject:
            continue
        return Decision(rule.lethal_sub if lethal else rule.sub, "swap" in rule.then, "rioters" in rule.then)
    return None


def lethal_force(kinds_used: Iterable[str], fatalities: int) -> bool:
    """Force that kills, or of a kind meant to (a shooting, a killing)."""
    return fatalities > 0 or bool(groups()["lethal"].intersection(kinds_used))


def territory_subtype(is_state: bool) -> str:
    """Who took the place decides the sub-type: the government's side (its forces and the militias
    fighting for it, `actors.naming.government_side`) regains, anyone else overtakes."""
    return TERRITORY_STATE if is_state else TERRITORY_NON_STATE


def final_type(kind: str, event_type: str, sub_event_type: str, coded: str | None,
               inter1: str | None, inter2: str | None, government1: bool) -> tuple[str, str]:
    """The event's type and sub-type: the trigger's (`kind`, `event_type`, `sub_event_type`), or
    the sub-type coding decided (`coded`), then the target's decision (stage "final")."""
    sub = coded or sub_event_type
    if kind == TERRITORY_KIND and coded is None:
        sub = territory_subtype(government1)
    if kind == TERRITORY_KIND:
        event_type = "Battles"
    if coded is not None:
        event_type = EVENT_TYPE_OF.get(coded, event_type)
    decision = decide("final", (kind, event_type, sub), inter1, inter2)
    if decision is not None and decision.sub_event_type is not None:
        return EVENT_TYPE_OF[decision.sub_event_type], decision.sub_event_type
    return event_type, sub


def choose(triggers: Sequence[T]) -> T:
    """The trigger that types one event reported with several tactics, by ACLED precedence (ties:
    the more confident, then the first). A car bomb whose driver blew himself up is a suicide bomb,
    an air strike beats shelling, a takeover beats the clash it came with."""
    if not triggers:
        raise ValueError("choose() needs at least one trigger")
    table = kinds()
    return min(triggers, key=lambda t: (table[t.kind].rank, -t.confidence, t.start))


def retype(trigger: T, kind: str) -> T:
    """`trigger` with another kind (and that kind's type and sub-type), e.g. by the lead once
    the target is known to be civilians."""
    k = kinds()[kind]
    return replace(trigger, kind=k.name, event_type=k.event_type, sub_event_type=k.sub_event_type)


def unasserted_demonstration(trigger: T) -> T | None:
    """`trigger` where no demonstration is asserted: a kind the context made a demonstration's
    ("قتل متظاهرين": excessive force) is its lexicon kind again, a demonstration word is no event
    (None); any other is kept."""
    if trigger.event_type not in DEMONSTRATION_TYPES:
        return trigger
    if kinds()[trigger.base].event_type in DEMONSTRATION_TYPES:
        return None
    return retype(trigger, trigger.base)
