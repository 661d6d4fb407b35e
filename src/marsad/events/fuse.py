"""One event once: mentions of the same event within an article become one record.

Two coded mentions are the same event when they have the same event type, the same date, compatible
places (the same, or one unplaced) and compatible actors (the same, or one side unnamed / generic).
The merged record keeps the highest-precedence sub-type, the most precise place and date, the lowest
non-zero death toll (ACLED's conservative rule: one death reported twice counts once), and the
evidence of every mention.
"""

from __future__ import annotations

from .model import Event
from .taxonomy import precedence

# ACLED's generic actors stand for "not named in the text": they do not tell two events apart.
_GENERIC_PREFIXES = ("Unidentified Armed Group", "Civilians (", "Protesters (", "Rioters (")


def is_generic_actor(name: str) -> bool:
    """An unnamed actor ("Unidentified Armed Group (Syria)", "Civilians (Yemen)") or none: it cannot tell
    two events apart."""
    return not name or name.startswith(_GENERIC_PREFIXES)


def _actors_compatible(a: Event, b: Event) -> bool:
    for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)):
        if not (is_generic_actor(x) or is_generic_actor(y) or x == y):
            # The same two sides reported the other way round ("X clashed with Y" / "Y fought X").
            return {a.actor1, a.actor2} == {b.actor1, b.actor2} and a.event_type == "Battles"
    return True


def _place_compatible(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return True
    if a.location == b.location:
        return True
    if a.latitude is None or b.latitude is None:
        return False
    if max(a.geo_precision or 1, b.geo_precision or 1) >= 2 and (a.latitude, a.longitude) == (
            b.latitude, b.longitude):
        return False  # a named place coded at the town it lies near is not that town ("قرى X وY شمال منبج")
    # Two names for nearly the same point ("Hajin" and "Hajin subdistrict").
    return abs(a.latitude - b.latitude) < 0.1 and abs(a.longitude - b.longitude) < 0.1


def same_event(a: Event, b: Event) -> bool:
    return (
        a.event_type == b.event_type
        and a.event_date == b.event_date
        and _place_compatible(a, b)
        and _actors_compatible(a, b)
    )


def merge(a: Event, b: Event) -> Event:
    """`a` updated with what `b` adds."""
    if precedence(b.sub_event_type) < precedence(a.sub_event_type):
        a.sub_event_type = b.sub_event_type
    if (a.location is None and b.location is not None) or (
        b.location is not None and (b.geo_precision or 9) < (a.geo_precision or 9)
    ):
        for k in (
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "admin1",
            "admin2",
            "admin3",
            "country",
            "iso",
            "region",
        ):
            setattr(a, k, getattr(b, k))
    for k in ("actor1", "inter1", "actor2", "inter2"):
        if is_generic_actor(getattr(a, k.replace("inter", "actor"))) and not is_generic_actor(
            getattr(b, k.replace("inter", "actor"))
        ):
            setattr(a, k, getattr(b, k))
    for k in ("assoc_actor_1", "assoc_actor_2"):
        names = [n for n in (getattr(a, k) + "; " + getattr(b, k)).split("; ") if n]
        setattr(a, k, "; ".join(dict.fromkeys(names)))
    if (b.time_precision or 9) < (a.time_precision or 9):
        a.time_precision = b.time_precision
    tolls = [x for x in (a.fatalities, b.fatalities) if x]
    a.fatalities = min(tolls) if tolls else 0
    a.attribution = a.attribution or b.attribution
    seen = {(e.field, e.doc_id, e.start, e.end) for e in a.evidence}
    a.evidence.extend(e for e in b.evidence if (e.field, e.doc_id, e.start, e.end) not in seen)
    a.doc_ids = list(dict.fromkeys(a.doc_ids + b.doc_ids))
    # A second mention corroborates: confidence rises a little, never past the cap.
    a.confidence = round(min(0.99, max(a.confidence, b.confidence) + 0.03), 2)
    return a


def fuse_events(events: list[Event]) -> list[Event]:
    """Merge the mentions of each event (input order kept for the survivors)."""
    out: list[Event] = []
    for e in events:
        for kept in out:
            if same_event(kept, e):
                merge(kept, e)
                break
        else:
            out.append(e)
    return out
