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

Two reports from the same document never merge (the extractor already kept them apart). A report
from a near-duplicate copy of an article joins the event that article's report is in whatever place
it names (the same story; a copy's dateline can move the place the extractor finds).

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

from sqlalchemy import ColumnElement, Connection, Row, and_, bindparam, delete, insert, or_, select, update

from ..events.fuse import is_generic_actor
from ..events.model import Event
from ..events.notes import notes_for
from ..events.taxonomy import disorder_type, precedence
from . import models as m
from .records import columns_of, event_of

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
    return frozenset(a for a in (ev.actor1, ev.actor2) if not is_generic_actor(a))


def _day(value: str | dt.date | None) -> dt.date | None:
    # Events carry ISO strings, stored rows dates: the matching functions take either.
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10]) if value else None


def dates_compatible(a: Event, b: Event) -> bool:
    da, db = _day(a.event_date), _day(b.event_date)
    if da is None or db is None:
        return da == db
    window = max(DATE_WINDOW_DAYS.get(tp or 3, MAX_WINDOW_DAYS)
                 for tp in (a.time_precision, b.time_precision))
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


def match_score(event: Event, report: Event, same_story: bool = False) -> tuple[float, int, int] | None:
    """Rank of EVENT as the event REPORT tells of (lower is better), or None when they differ.
    SAME_STORY: EVENT holds a report from a near-duplicate copy of REPORT's article; the copies tell the
    same story, so only a different country keeps them apart (a copy's dateline, "إدلب (وكالات) -",
    can move the place the extractor finds)."""
    if event.event_type != report.event_type or not dates_compatible(event, report):
        return None
    if not actors_compatible(event, report):
        return None
    if same_story:
        if event.country is not None and report.country is not None and event.country != report.country:
            return None
        place = -1.0  # before any other candidate
    elif event.location is None or report.location is None:
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
# Core statements on a Connection: fusion runs for every report of every document, and the ORM's
# unit of work would cost more than the extraction itself.

_events = m.Event.__table__
_reports = m.Report.__table__
_documents = m.Document.__table__
_links = m.EventDocument.__table__


# Statements built once (with bound parameters) and reused: building a statement costs more than
# running it on SQLite.
_MEMBERS = (
    select(_reports, _documents.c.doc_id, _documents.c.cluster_id, _documents.c.source.label("doc_source"))
    .join(_documents, _documents.c.id == _reports.c.document_pk)
    .where(_reports.c.event_pk == bindparam("_event"))
    .order_by(_reports.c.document_pk, _reports.c.id)
)
_UPDATE_EVENT = update(_events).where(_events.c.id == bindparam("_event"))
_DELETE_EVENT = delete(_events).where(_events.c.id == bindparam("_event"))
_DELETE_EVENT_LINKS = delete(_links).where(_links.c.event_pk == bindparam("_event"))
_EVENT_ID_TAKEN = select(_events.c.id).where(_events.c.event_id == bindparam("_id"))
_INSERT_EVENT = insert(_events).returning(_events.c.id)
_SET_REPORT_EVENT = update(_reports).where(_reports.c.id == bindparam("_report"))
_INSERT_LINK = insert(_links)
_DOCUMENT_EVENTS = select(_links.c.event_pk).where(_links.c.document_pk == bindparam("_doc"))
# What matching reads of a stored event (see match_score), of the events of the same type, in the
# country (or of an unknown one), whose date is within the report's or their own time precision.
_MATCH_COLUMNS = [_events.c[k] for k in ("id", "event_id", "event_type", "event_date", "time_precision",
                                         "actor1", "actor2", "country", "admin1", "admin2", "location",
                                         "latitude", "longitude", "geo_precision")]
_CANDIDATES = select(*_MATCH_COLUMNS).where(_events.c.event_type == bindparam("_type")).order_by(_events.c.id)


def _window(days: int) -> ColumnElement[bool]:
    return _events.c.event_date.between(bindparam(f"_from{days}"), bindparam(f"_to{days}"))


_IN_WINDOW = and_(_window(MAX_WINDOW_DAYS), or_(
    _events.c.event_date.between(bindparam("_from"), bindparam("_to")),
    and_(_events.c.time_precision == 2, _window(DATE_WINDOW_DAYS[2])),
    or_(_events.c.time_precision >= 3, _events.c.time_precision.is_(None)),
))
_SAME_COUNTRY = or_(_events.c.country == bindparam("_country"), _events.c.country.is_(None))
# For a report placed at a town: events placed at a town must lie in a box around it (place_score
# checks the distance itself); events placed at an area, or unplaced, are checked by place_score.
_NEAR = or_(
    _events.c.location.is_(None), _events.c.latitude.is_(None), _events.c.geo_precision > TOWN_PRECISION,
    and_(_events.c.latitude.between(bindparam("_south"), bindparam("_north")),
         _events.c.longitude.between(bindparam("_west"), bindparam("_east"))),
)
_DEGREE_KM = 111.0
_BY_DATE = {True: _IN_WINDOW, False: _events.c.event_date.is_(None)}
_CANDIDATE_QUERIES = {
    (dated, country, town): _CANDIDATES.where(_BY_DATE[dated], *([_SAME_COUNTRY] if country else []),
                                              *([_NEAR] if town else []))
    for dated in (True, False) for country in (True, False) for town in (True, False)
}


def _members(conn: Connection, event_pk: int) -> list[Member]:
    rows = conn.execute(_MEMBERS, {"_event": event_pk}).all()
    return [Member(event_of(r, r.report_id), r.document_pk, r.doc_id, r.cluster_id or r.document_pk,
                   r.doc_source or "") for r in rows]


def refresh_event(conn: Connection, event_pk: int) -> None:
    """Reconcile the stored event from its reports, or delete it when it has none left."""
    members = _members(conn, event_pk)
    if not members:
        conn.execute(_DELETE_EVENT_LINKS, {"_event": event_pk})
        conn.execute(_DELETE_EVENT, {"_event": event_pk})
        return
    ev, n_sources = reconcile(members)
    # The stored JSON is cleared: the writer serialises the event again before committing.
    conn.execute(_UPDATE_EVENT, {"_event": event_pk, "doc_ids": "; ".join(ev.doc_ids), "n_sources": n_sources,
                                 "record_json": None, "evidence_json": None,
                                 **columns_of(ev)})


def _unique_event_id(conn: Connection, wanted: str) -> str:
    candidate, n = wanted, 1
    while conn.scalar(_EVENT_ID_TAKEN, {"_id": candidate}) is not None:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


def _candidates(conn: Connection, report: Event) -> list[Row]:
    day = _day(report.event_date)
    params: dict[str, object] = {"_type": report.event_type}
    if day is not None:
        own = dt.timedelta(days=DATE_WINDOW_DAYS.get(report.time_precision or 3, MAX_WINDOW_DAYS))
        params.update(_from=day - own, _to=day + own)
        for days in (DATE_WINDOW_DAYS[2], MAX_WINDOW_DAYS):
            span = dt.timedelta(days=days)
            params.update({f"_from{days}": day - span, f"_to{days}": day + span})
    if report.country is not None:  # match_score wants the same country, or an unknown one
        params["_country"] = report.country
    town = report.location is not None and _at_town(report)
    if town:
        lat, lon = report.latitude, report.longitude
        dlat = MAX_DISTANCE_KM * 1.05 / _DEGREE_KM
        dlon = dlat / max(0.05, math.cos(math.radians(lat)))  # type: ignore[arg-type]
        params.update(_south=lat - dlat, _north=lat + dlat, _west=lon - dlon, _east=lon + dlon)  # type: ignore[operator]
    return list(conn.execute(_CANDIDATE_QUERIES[day is not None, report.country is not None, town], params))


@dataclass(frozen=True)
class DocRef:
    """What fusion needs of the stored document a report comes from."""

    pk: int
    doc_id: str
    cluster: int | None  # None: the document is its own near-duplicate cluster
    source: str


_INSERT_REPORT = insert(_reports).returning(_reports.c.id)
_EVENTS_BY_PK = select(*_MATCH_COLUMNS).where(_events.c.id.in_(bindparam("_pks", expanding=True)))
_CLUSTER_EVENTS = (
    select(_reports.c.event_pk).distinct()
    .join(_documents, _documents.c.id == _reports.c.document_pk)
    .where(or_(_documents.c.cluster_id == bindparam("_cluster"), _documents.c.id == bindparam("_cluster")),
           _documents.c.id != bindparam("_doc"), _reports.c.event_pk.is_not(None))
)
_DOC_REF = select(_documents.c.id, _documents.c.doc_id, _documents.c.cluster_id, _documents.c.source) \
    .where(_documents.c.id == bindparam("_doc"))


def fuse_report(conn: Connection, doc: DocRef, report: Event, exclude: set[int],
                report_pk: int | None = None, copy_events: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Store REPORT (or, given REPORT_PK, re-attach the stored one) in the best matching event not in
    EXCLUDE, or in a new event; returns (event pk, report pk). COPY_EVENTS: the events reported by
    near-duplicate copies of the document."""
    best: tuple[tuple[float, int, int], int] | None = None
    candidates = _candidates(conn, report)
    if copy_events:
        # A copy's events may lie outside the place window of this report: add them.
        missing = sorted(copy_events - {row.id for row in candidates})
        if missing:
            candidates += list(conn.execute(_EVENTS_BY_PK, {"_pks": missing}))
    for row in candidates:
        if row.id in exclude:
            continue
        score = match_score(row, report, row.id in copy_events)  # type: ignore[arg-type]  # a Row will do
        if score is not None and (best is None or score < best[0]):
            best = (score, row.id)
    if best is None:
        # A new event of one report: reconciling it needs no query.
        ev, n_sources = reconcile([Member(report, doc.pk, doc.doc_id, doc.cluster or doc.pk, doc.source)])
        values = {"event_id": _unique_event_id(conn, report.event_id), "doc_ids": "; ".join(ev.doc_ids),
                  "n_sources": n_sources, **columns_of(ev)}
        event_pk = conn.execute(_INSERT_EVENT, values).scalar_one()
    else:
        event_pk = best[1]
    if report_pk is None:
        values = {"document_pk": doc.pk, "event_pk": event_pk, "report_id": report.event_id,
                  **columns_of(report)}
        report_pk = conn.execute(_INSERT_REPORT, values).scalar_one()
    else:
        conn.execute(_SET_REPORT_EVENT, {"_report": report_pk, "event_pk": event_pk})
    # Never linked already: a document's reports go to different events (EXCLUDE holds its events).
    conn.execute(_INSERT_LINK, {"event_pk": event_pk, "document_pk": doc.pk})
    if best is not None:
        refresh_event(conn, event_pk)
    return event_pk, report_pk


def fuse_document(conn: Connection, doc: DocRef, reports: list[tuple[int | None, Event]]) -> list[int]:
    """Store and fuse the reports of one document, each into a different event (the extractor kept them
    apart); a report given with a pk is already stored and is re-attached. Returns the report pks."""
    taken = set(conn.scalars(_DOCUMENT_EVENTS, {"_doc": doc.pk}))
    copies = frozenset(conn.scalars(_CLUSTER_EVENTS, {"_cluster": doc.cluster, "_doc": doc.pk})) \
        if doc.cluster is not None else frozenset()
    pks = []
    for report_pk, report in reports:
        event_pk, report_pk = fuse_report(conn, doc, report, taken, report_pk, copies)
        taken.add(event_pk)
        pks.append(report_pk)
    return pks


def remove_document_reports(conn: Connection, document_pk: int) -> None:
    """Delete a document's reports and evidence; the events they supported are fused again from the
    reports they have left (so an event that the removed report was bridging may split)."""
    affected = set(conn.scalars(select(_reports.c.event_pk).where(_reports.c.document_pk == document_pk,
                                                                  _reports.c.event_pk.is_not(None))))
    report_pks = select(_reports.c.id).where(_reports.c.document_pk == document_pk)
    conn.execute(delete(m.Evidence.__table__).where(m.Evidence.__table__.c.report_pk.in_(report_pks)))
    conn.execute(delete(_reports).where(_reports.c.document_pk == document_pk))
    conn.execute(delete(_links).where(_links.c.document_pk == document_pk))
    for event_pk in sorted(affected):
        left = conn.execute(select(_reports).where(_reports.c.event_pk == event_pk)
                            .order_by(_reports.c.document_pk, _reports.c.id)).all()
        conn.execute(update(_reports).where(_reports.c.event_pk == event_pk).values(event_pk=None))
        conn.execute(delete(_links).where(_links.c.event_pk == event_pk))
        conn.execute(delete(_events).where(_events.c.id == event_pk))
        by_doc: dict[int, list[tuple[int | None, Event]]] = {}
        for r in left:
            by_doc.setdefault(r.document_pk, []).append((r.id, event_of(r, r.report_id)))
        for pk, reports in by_doc.items():
            row = conn.execute(_DOC_REF, {"_doc": pk}).one()
            fuse_document(conn, DocRef(row.id, row.doc_id, row.cluster_id, row.source or ""), reports)
