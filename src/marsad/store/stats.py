"""A summary of what a store holds, for `marsad stats`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from . import models as m
from .db import current_revision


def _count(session: Session, what: Any, *where: Any) -> int:
    return session.scalar(select(func.count()).select_from(what).where(*where)) or 0


def store_stats(engine: Engine, top: int = 10) -> dict[str, Any]:
    """Counts of documents, reports, events, evidence and links; events by type, country and source
    count; the date range; the last ingest runs."""
    with Session(engine) as s:
        out: dict[str, Any] = {
            "schema_revision": current_revision(engine),
            "documents": _count(s, m.Document),
            "documents_with_events": _count(s, m.Document, m.Document.n_events > 0),
            "near_duplicate_documents": _count(s, m.Duplicate),
            "reports": _count(s, m.Report),
            "events": _count(s, m.Event),
            "multi_source_events": _count(s, m.Event, m.Event.n_sources > 1),
            "multi_document_events": _count(
                s, select(m.EventDocument.event_pk).group_by(m.EventDocument.event_pk)
                .having(func.count() > 1).subquery()),
            "evidence": _count(s, m.Evidence),
            "fatalities": s.scalar(select(func.coalesce(func.sum(m.Event.fatalities), 0))) or 0,
        }
        first, last = s.execute(select(func.min(m.Event.event_date), func.max(m.Event.event_date))).one()
        out["first_event_date"] = first.isoformat() if first else None
        out["last_event_date"] = last.isoformat() if last else None
        for key, col in (("by_event_type", m.Event.event_type), ("by_country", m.Event.country),
                         ("by_source_count", m.Event.n_sources)):
            n = func.count().label("n")
            rows = s.execute(select(col, n).group_by(col).order_by(n.desc(), col).limit(top)).all()
            out[key] = [[k if k is not None else "(none)", v] for k, v in rows]
        runs = s.scalars(select(m.IngestRun).order_by(m.IngestRun.id.desc()).limit(3)).all()
        out["last_runs"] = [
            {"started_at": r.started_at.isoformat(timespec="seconds"),
             "finished_at": r.finished_at.isoformat(timespec="seconds") if r.finished_at else None,
             "added": r.added, "replaced": r.replaced, "unchanged": r.unchanged, "duplicates": r.duplicates,
             "skipped": r.skipped, "reports": r.reports}
            for r in runs
        ]
    return out


def integrity_problems(engine: Engine) -> dict[str, int]:
    """Rows that a half-written document would leave behind, by kind (all zero in a sound store)."""
    d, r, e, ev, ln, dup, sh = (m.Document, m.Report, m.Evidence, m.Event, m.EventDocument, m.Duplicate,
                                m.Shingle)
    missing = {
        "evidence_without_report": (e, ~select(r.id).where(r.id == e.report_pk).exists()),
        "reports_without_document": (r, ~select(d.id).where(d.id == r.document_pk).exists()),
        "reports_without_event": (r, r.event_pk.is_(None)),
        "reports_of_missing_event": (r, ~select(ev.id).where(ev.id == r.event_pk).exists()),
        "events_without_reports": (ev, ~select(r.id).where(r.event_pk == ev.id).exists()),
        "links_without_event": (ln, ~select(ev.id).where(ev.id == ln.event_pk).exists()),
        "links_without_document": (ln, ~select(d.id).where(d.id == ln.document_pk).exists()),
        "links_without_report": (ln, ~select(r.id).where(r.event_pk == ln.event_pk,
                                                         r.document_pk == ln.document_pk).exists()),
        "reports_without_link": (r, ~select(ln.event_pk).where(ln.event_pk == r.event_pk,
                                                               ln.document_pk == r.document_pk).exists()),
        "duplicates_dangling": (dup, ~select(d.id).where(d.id == dup.duplicate_of).exists()),
        "shingles_without_document": (sh, ~select(d.id).where(d.id == sh.document_pk).exists()),
        "documents_with_wrong_event_count": (
            d, d.n_events != select(func.count()).select_from(r).where(r.document_pk == d.id)
            .scalar_subquery()),
    }
    with Session(engine) as s:
        return {k: _count(s, table, cond) for k, (table, cond) in missing.items()}


def format_stats(stats: dict[str, Any]) -> str:
    """The summary as aligned text lines."""
    lines = []
    for k, v in stats.items():
        if isinstance(v, list) and k == "last_runs":
            lines.append(f"{k}:")
            for r in v:
                state = f"finished {r['finished_at']}" if r["finished_at"] else "interrupted"
                lines.append(f"  {r['started_at']} {state}: added {r['added']}, replaced {r['replaced']}, "
                             f"unchanged {r['unchanged']}, duplicates {r['duplicates']}, "
                             f"skipped {r['skipped']}, reports {r['reports']}")
        elif isinstance(v, list):
            lines.append(f"{k}:")
            lines.extend(f"  {name!s:<40} {n:>8}" for name, n in v)
        else:
            lines.append(f"{k:<26} {v}")
    return "\n".join(lines)
