"""Fusion across documents: the reports of one real-world event in many articles become one event.

Runs incrementally: each report of a new document is matched against the stored events of the same
type and nearby dates, joins the best compatible one (or starts a new event), and that event is then
reconciled again from all its reports. A report and an event are the same event when they have

- the same event type;
- dates within their time precision (ACLED: 1 = that day, 2 = within a week, 3 = within a month);
- places within `MAX_DISTANCE_KM` when both are placed at a town (geo_precision 1-2), the same admin2
  (else admin1) when one is placed only at an area, and, for an unplaced report, the same country and
  a named actor in common;
- compatible actors: the named (non-generic) actors of one are a subset of the other's, so an
  "unidentified gunmen" report fits a named one but two different named perpetrators never merge.

Two reports from the same document never merge (the extractor already kept them apart).

Reconciliation follows ACLED: sources that are near-duplicates of each other, or from one publisher,
count as one independent source; fatalities are the figure the most independent sources agree on,
else the lowest; the location is the most precise one; the date is the one most sources support;
confidence rises with every independent source (noisy-or of each source's best confidence).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..events.fuse import _generic
from ..events.model import Event
from ..events.notes import notes_for
from ..events.taxonomy import disorder_type, precedence
from . import models as m
from .records import ACLED_COLUMNS, columns_of, event_of

DATE_WINDOW_DAYS = {1: 0, 2: 7, 3: 31}
MAX_WINDOW_DAYS = max(DATE_WINDOW_DAYS.values())
MAX_DISTANCE_KM = 10.0
TOWN_PRECISION = 2  # geo_precision up to this places the event at a town's coordinates
_AREA_SCORE = 50.0  # ranks an area-level match after any town within MAX_DISTANCE_KM
_UNPLACED_SCORE = 100.0
_GEO_FIELDS = ("location", "latitude", "longitude", "geo_precision", "admin1", "admin2", "admin3", "country",
               "iso", "region")


@dataclass
class Member:
    """One report of an event, with what fusion needs to know of its document."""

    event: Event
    document_pk: int
    doc_id: str
    cluster: int  # near-duplicate cluster (the pk of the earliest copy)
    source: str


def named_actors(ev: Event) -> frozenset[str]:
    return frozenset(a for a in (ev.actor1, ev.actor2) if not _generic(a))


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def dates_compatible(a: Event, b: Event) -> bool:
    da, db = _day(a.event_date), _day(b.event_date)
    if da is None or db is None:
        return da == db
    window = max(DATE_WINDOW_DAYS.get(tp or 3, MAX_WINDOW_DAYS) for tp in (a.time_precision, b.time_precision))
    return abs((da - db).days) <= window


def actors_compatible(a: Event, b: Event) -> bool:
    na, nb = named_actors(a), named_actors(b)
    return na <= nb or nb <= na


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _at_town(ev: Event) -> bool:
    return ev.latitude is not None and ev.longitude is not None and (ev.geo_precision or 9) <= TOWN_PRECISION


def place_score(a: Event, b: Event) -> float | None:
    """How far apart two placed events are (lower is closer), or None when they cannot be one event."""
    if a.country != b.country:
        return None
    if _at_town(a) and _at_town(b):
        d = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        return d if d <= MAX_DISTANCE_KM else None
    if a.admin2 and b.admin2:
        return _AREA_SCORE if a.admin2 == b.admin2 else None
    return _AREA_SCORE if a.admin1 and a.admin1 == b.admin1 else None


def match_score(event: Event, report: Event) -> tuple[float, int, int] | None:
    """Rank of EVENT as the event REPORT tells of (lower is better), or None when they differ."""
    if event.event_type != report.event_type or not dates_compatible(event, report):
        return None
    if not actors_compatible(event, report):
        return None
    if event.location is None or report.location is None:
        # Nothing but the actors ties an unplaced report to an event: ask for a named one in common.
        same_country = event.country == report.country or event.country is None or report.country is None
        if not (same_country and named_actors(event) & named_actors(report)):
            return None
        place = _UNPLACED_SCORE
    else:
        score = place_score(event, report)
        if score is None:
            return None
        place = score
    da, db = _day(event.event_date), _day(report.event_date)
    days = abs((da - db).days) if da and db else 0
    return (place, days, -len(named_actors(event) & named_actors(report)))


def independent_groups(members: list[Member]) -> list[list[Member]]:
    """Members grouped by independent source: near-duplicate copies and one publisher's articles are one."""
    parent = list(range(len(members)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, object], int] = {}
    for i, mem in enumerate(members):
        for key in (("cluster", mem.cluster), ("source", mem.source)):
            if key == ("source", ""):
                continue
            if key in first:
                parent[root(i)] = root(first[key])
            else:
                first[key] = i
    groups: dict[int, list[Member]] = {}
    for i, mem in enumerate(members):
        groups.setdefault(root(i), []).append(mem)
    return list(groups.values())


def reconcile_fatalities(groups: list[list[Member]]) -> int:
    """The figure most independent sources agree on; with no majority, the lowest (ACLED's rule)."""
    figures = []
    for g in groups:
        tolls = [mem.event.fatalities for mem in g if mem.event.fatalities]
        if tolls:
            figures.append(min(tolls))
    if not figures:
        return 0
    ranked = Counter(figures).most_common()
    if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    return min(figures)


def _best_date(members: list[Member], groups: list[list[Member]]) -> tuple[str | None, int | None]:
    support: Counter[str | None] = Counter()
    for g in groups:
        for d in {mem.event.event_date for mem in g}:
            support[d] += 1
    precision = {}
    for mem in members:
        tp = mem.event.time_precision or 9
        precision[mem.event.event_date] = min(precision.get(mem.event.event_date, 9), tp)
    date = min(support, key=lambda d: (-support[d], precision[d], d is None, d or ""))
    tp = precision[date]
    return date, (tp if tp != 9 else None)


def _best_place(members: list[Member], groups: list[list[Member]]) -> Member:
    support: Counter[str | None] = Counter()
    for g in groups:
        for loc in {mem.event.location for mem in g}:
            support[loc] += 1
    return min(members, key=lambda mem: (mem.event.location is None, mem.event.geo_precision or 9,
                                         -support[mem.event.location], mem.document_pk))


def _joined(values: Iterable[str | None]) -> str:
    names = [n for v in values if v for n in v.split("; ") if n]
    return "; ".join(dict.fromkeys(names))


def reconcile(members: list[Member]) -> tuple[Event, int]:
    """The fused event of MEMBERS (its event_id, doc_ids and evidence left for the caller), and the
    number of independent sources."""
    members = sorted(members, key=lambda mem: (mem.document_pk, mem.event.event_id))
    groups = independent_groups(members)
    # The actor block (actors, inter codes, interaction) comes whole from the report naming the most
    # actors, so that the interaction code stays consistent with the actors.
    base = max(members, key=lambda mem: (len(named_actors(mem.event)), mem.event.confidence,
                                         -mem.document_pk))
    ev = dataclasses.replace(base.event, evidence=[], doc_ids=[])
    ev.sub_event_type = min((mem.event.sub_event_type for mem in members), key=precedence)
    ev.disorder_type = disorder_type(ev.event_type, ev.sub_event_type)
    ev.event_date, ev.time_precision = _best_date(members, groups)
    place = _best_place(members, groups).event
    for k in _GEO_FIELDS:
        setattr(ev, k, getattr(place, k))
    for k in ("assoc_actor_1", "assoc_actor_2", "tags"):
        setattr(ev, k, _joined(getattr(mem.event, k) for mem in members))
    ev.attribution = _joined(mem.event.attribution for mem in members) or None
    ev.fatalities = reconcile_fatalities(groups)
    ev.source = _joined(mem.source for mem in members)
    stamps = [mem.event.timestamp for mem in members if mem.event.timestamp is not None]
    ev.timestamp = max(stamps) if stamps else None
    doubt = 1.0
    for g in groups:
        doubt *= 1.0 - max(mem.event.confidence for mem in g)
    ev.confidence = round(min(0.99, 1.0 - doubt), 2)
    ev.doc_ids = list(dict.fromkeys(mem.doc_id for mem in members))
    ev.notes = notes_for(ev)
    return ev, len(groups)


# --- the database side -------------------------------------------------------------------------------


def _members(session: Session, event_pk: int) -> list[Member]:
    rows = session.execute(
        select(m.Report, m.Document.doc_id, m.Document.cluster_id, m.Document.source)
        .join(m.Document, m.Document.id == m.Report.document_pk)
        .where(m.Report.event_pk == event_pk)
        .order_by(m.Report.document_pk, m.Report.id)
    ).all()
    return [Member(event_of(r, r.report_id), r.document_pk, doc_id, cluster or r.document_pk, source or "")
            for r, doc_id, cluster, source in rows]


def refresh_event(session: Session, event_pk: int) -> None:
    """Reconcile the stored event from its reports, or delete it when it has none left."""
    members = _members(session, event_pk)
    row = session.get(m.Event, event_pk)
    assert row is not None
    if not members:
        session.execute(delete(m.EventDocument).where(m.EventDocument.event_pk == event_pk))
        session.delete(row)
        return
    ev, n_sources = reconcile(members)
    for k, v in columns_of(ev).items():
        setattr(row, k, v)
    row.doc_ids = "; ".join(ev.doc_ids)
    row.n_sources = n_sources


def _unique_event_id(session: Session, wanted: str) -> str:
    candidate, n = wanted, 1
    while session.scalar(select(m.Event.id).where(m.Event.event_id == candidate)) is not None:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


def _candidates(session: Session, report: Event) -> list[m.Event]:
    q = select(m.Event).where(m.Event.event_type == report.event_type)
    day = _day(report.event_date)
    if day is None:
        q = q.where(m.Event.event_date.is_(None))
    else:
        span = dt.timedelta(days=MAX_WINDOW_DAYS)
        q = q.where(m.Event.event_date.between(day - span, day + span))
    return list(session.scalars(q.order_by(m.Event.id)))


def fuse_report(session: Session, report: m.Report, document_pk: int, exclude: set[int]) -> int:
    """Attach REPORT to the best matching stored event not in EXCLUDE (or a new one); returns its pk."""
    ev = event_of(report, report.report_id)
    best: tuple[tuple[float, int, int], int] | None = None
    for row in _candidates(session, ev):
        if row.id in exclude:
            continue
        score = match_score(event_of(row, row.event_id), ev)
        if score is not None and (best is None or score < best[0]):
            best = (score, row.id)
    if best is None:
        row = m.Event(event_id=_unique_event_id(session, report.report_id),
                      **{k: getattr(report, k) for k in ACLED_COLUMNS})
        session.add(row)
        session.flush()
        event_pk = row.id
    else:
        event_pk = best[1]
    report.event_pk = event_pk
    if session.get(m.EventDocument, (event_pk, document_pk)) is None:
        session.add(m.EventDocument(event_pk=event_pk, document_pk=document_pk))
    session.flush()
    refresh_event(session, event_pk)
    return event_pk


def fuse_document(session: Session, document_pk: int, reports: list[m.Report]) -> None:
    """Fuse every report of one document, each into a different event (the extractor kept them apart)."""
    taken = set(session.scalars(select(m.EventDocument.event_pk).where(m.EventDocument.document_pk == document_pk)))
    for report in reports:
        taken.add(fuse_report(session, report, document_pk, taken))


def remove_document_reports(session: Session, document_pk: int) -> None:
    """Delete a document's reports and evidence; the events they supported are fused again from the
    reports they have left (so an event that the removed report was bridging may split)."""
    affected = set(session.scalars(select(m.Report.event_pk).where(m.Report.document_pk == document_pk,
                                                                   m.Report.event_pk.is_not(None))))
    report_pks = select(m.Report.id).where(m.Report.document_pk == document_pk)
    session.execute(delete(m.Evidence).where(m.Evidence.report_pk.in_(report_pks)))
    session.execute(delete(m.Report).where(m.Report.document_pk == document_pk))
    session.execute(delete(m.EventDocument).where(m.EventDocument.document_pk == document_pk))
    for event_pk in sorted(affected):
        left = list(session.scalars(select(m.Report).where(m.Report.event_pk == event_pk)
                                    .order_by(m.Report.document_pk, m.Report.id)))
        session.execute(delete(m.EventDocument).where(m.EventDocument.event_pk == event_pk))
        for r in left:
            r.event_pk = None
        session.flush()
        session.execute(delete(m.Event).where(m.Event.id == event_pk))
        by_doc: dict[int, list[m.Report]] = {}
        for r in left:
            by_doc.setdefault(r.document_pk, []).append(r)
        for pk, reports in by_doc.items():
            fuse_document(session, pk, reports)
    session.flush()
