"""Reading fused events back as contract records (`Event.to_dict()` gives the `event.schema.json` shape),
with the evidence of every report and the list of their documents."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Engine, select

from ..events.model import Event, Evidence
from . import models as m
from .records import event_of

_PAGE = 500


def _evidence_of(conn, event_pks: list[int]) -> dict[int, list[Evidence]]:
    rows = conn.execute(
        select(m.Report.event_pk, m.Evidence.field, m.Evidence.doc_id, m.Evidence.start, m.Evidence.end,
               m.Evidence.text)
        .join(m.Report, m.Report.id == m.Evidence.report_pk)
        .where(m.Report.event_pk.in_(event_pks))
        .order_by(m.Report.event_pk, m.Report.document_pk, m.Report.id, m.Evidence.id)
    )
    out: dict[int, list[Evidence]] = {}
    for pk, field, doc_id, start, end, text in rows:
        out.setdefault(pk, []).append(Evidence(field, doc_id, start, end, text))
    return out


def iter_events(engine: Engine, event_ids: list[str] | None = None) -> Iterator[Event]:
    """Every stored event (or those of EVENT_IDS), in storage order, with its evidence."""
    table = m.Event.__table__
    last = 0
    with engine.connect() as conn:
        while True:
            q = select(table).where(table.c.id > last).order_by(table.c.id).limit(_PAGE)
            if event_ids is not None:
                q = q.where(table.c.event_id.in_(event_ids))
            rows = conn.execute(q).all()
            if not rows:
                return
            evidence = _evidence_of(conn, [r.id for r in rows])
            for r in rows:
                yield event_of(r, r.event_id, r.doc_ids.split("; ") if r.doc_ids else [], evidence.get(r.id))
            last = rows[-1].id


def get_event(engine: Engine, event_id: str) -> Event | None:
    return next(iter_events(engine, [event_id]), None)
