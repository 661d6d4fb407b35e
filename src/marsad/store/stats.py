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
