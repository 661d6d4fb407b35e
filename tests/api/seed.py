"""A small store written row by row (no extraction): hand-written Arabic articles, their events and
evidence with exact offsets, so API answers can be asserted exactly. Shared with tests/e2e."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Engine, insert, text

from marsad.store import models as m

XSS_TEXT = (
    "قصفت طائرات مسيرة <script>window.__xss = 1</script> قرية الغدير "
    '<img src=x onerror="window.__xss = 2"> وقتل ثلاثة مدنيين.'
)


@dataclass
class SeedEvent:
    event_id: str
    doc_id: str
    text: str
    event_date: str
    event_type: str
    sub_event_type: str
    country: str
    admin1: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int
    confidence: float
    actor1: str = ""
    actor2: str = ""
    notes: str = ""
    spans: dict[str, str] = field(default_factory=dict)  # evidence field -> the text it was read from


EVENTS = [
    SeedEvent(
        "SYR1",
        "d-syr-1",
        "قتل خمسة مدنيين أمس في غارة جوية على بلدة كفرنبل في ريف إدلب.",
        "2019-03-06",
        "Explosions/Remote violence",
        "Air/drone strike",
        "Syria",
        "Idleb",
        "Kafr Nabl",
        35.61,
        36.56,
        5,
        0.9,
        "Military Forces of Russia (2000-)",
        "Civilians (Syria)",
        "Five civilians killed in an air strike on Kafr Nabl.",
        {
            "event": "غارة جوية",
            "fatalities": "خمسة مدنيين",
            "location": "كفرنبل",
            "event_date": "أمس",
            "actor2": "مدنيين",
        },
    ),
    SeedEvent(
        "SYR2",
        "d-syr-2",
        "اندلعت اشتباكات عنيفة بين قوات النظام وفصائل المعارضة قرب مدينة حماة.",
        "2019-03-10",
        "Battles",
        "Armed clash",
        "Syria",
        "Hama",
        "Hama",
        35.13,
        36.75,
        0,
        0.7,
        "Military Forces of Syria (2000-)",
        "Opposition Rebels (Syria)",
        "Clashes near Hama.",
        {"event": "اشتباكات", "actor1": "قوات النظام", "actor2": "فصائل المعارضة", "location": "حماة"},
    ),
    SeedEvent(
        "IRQ1",
        "d-irq-1",
        "خرج مئات المتظاهرين في البصرة للمطالبة بالخدمات.",
        "2019-07-02",
        "Protests",
        "Peaceful protest",
        "Iraq",
        "Basrah",
        "Basrah",
        30.51,
        47.81,
        0,
        0.8,
        "Protesters (Iraq)",
        "",
        "Hundreds protested in Basrah for services.",
        {"event": "خرج مئات المتظاهرين", "actor1": "المتظاهرين", "location": "البصرة"},
    ),
    SeedEvent(
        "IRQ2",
        "d-irq-2",
        "انفجرت عبوة ناسفة في سوق ببغداد مما أدى إلى مقتل سبعة أشخاص.",
        "2019-08-15",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "Iraq",
        "Baghdad",
        "Baghdad",
        33.31,
        44.36,
        7,
        0.85,
        "Unidentified Armed Group (Iraq)",
        "Civilians (Iraq)",
        "An IED in a Baghdad market killed seven.",
        {"event": "عبوة ناسفة", "location": "بغداد", "fatalities": "سبعة أشخاص"},
    ),
    SeedEvent(
        "YEM1",
        "d-yem-1",
        "هاجم مسلحون حوثيون موقعاً للقوات الحكومية في مأرب وقتل اثنا عشر جندياً.",
        "2020-02-01",
        "Battles",
        "Armed clash",
        "Yemen",
        "Marib",
        "Marib",
        15.46,
        45.32,
        12,
        0.75,
        "Houthi Movement",
        "Military Forces of Yemen (2016-)",
        "Houthis attacked a government position.",
        {
            "event": "هاجم",
            "actor1": "مسلحون حوثيون",
            "actor2": "للقوات الحكومية",
            "location": "مأرب",
            "fatalities": "اثنا عشر جندياً",
        },
    ),
    SeedEvent(
        "LBY1",
        "d-lby-1",
        "أعلنت حكومة الوفاق سيطرتها على مدينة غريان.",
        "2019-06-26",
        "Strategic developments",
        "Non-violent transfer of territory",
        "Libya",
        "Jabal al Gharbi",
        "Gharyan",
        32.17,
        13.02,
        0,
        0.6,
        "Government of National Accord",
        "",
        "The GNA took control of Gharyan.",
        {"event": "سيطرتها", "actor1": "حكومة الوفاق", "location": "غريان"},
    ),
    SeedEvent(
        "LBY2",
        "d-lby-2",
        "قتل ثلاثة أشخاص في قصف على طرابلس.",
        "2019-06-30",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "Libya",
        "Tripoli",
        "Tripoli",
        32.89,
        13.19,
        3,
        0.5,
        "",
        "Civilians (Libya)",
        "Shelling on Tripoli killed three.",
        {"event": "قصف", "location": "طرابلس", "fatalities": "ثلاثة أشخاص"},
    ),
    SeedEvent(
        "XSS1",
        "d-xss-1",
        XSS_TEXT,
        "2021-01-05",
        "Explosions/Remote violence",
        "Air/drone strike",
        "Syria",
        "Aleppo",
        "Al Ghadir",
        36.2,
        37.1,
        3,
        0.65,
        "Unidentified Military Forces",
        "Civilians (Syria)",
        "<b>Drones</b> hit a village.",
        {"event": "قصفت طائرات مسيرة", "location": "قرية الغدير", "fatalities": "ثلاثة مدنيين"},
    ),
    SeedEvent(
        "UNPLACED",
        "d-none-1",
        "أفادت مصادر بمقتل شخص في هجوم لم يحدد مكانه.",
        "2018-12-31",
        "Violence against civilians",
        "Attack",
        "Syria",
        "",
        "",
        None,
        None,
        1,
        0.3,
        "",
        "Civilians (Syria)",
        "",
        {"event": "هجوم", "fatalities": "بمقتل شخص"},
    ),
]


def seed_store(engine: Engine, events: list[SeedEvent] = EVENTS) -> None:
    """Write EVENTS (one document, one report and one fused event each) into an empty, migrated store."""
    now = dt.datetime(2024, 1, 1)
    with engine.begin() as conn:
        for i, e in enumerate(events, start=1):
            date = dt.date.fromisoformat(e.event_date)
            conn.execute(
                insert(m.Document.__table__).values(
                    id=i,
                    doc_id=e.doc_id,
                    content_hash=f"c{i}",
                    text_hash=f"t{i}",
                    published=date + dt.timedelta(1),
                    url=f"https://example.org/{e.doc_id}",
                    title=f"خبر {i}",
                    publisher="مثال نيوز",
                    source="Mithal News",
                    language="ar",
                    text=e.text,
                    n_events=1,
                    cluster_id=None,
                    ingested_at=now,
                )
            )
            acled = dict(
                event_date=date,
                time_precision=1,
                disorder_type="Political violence",
                event_type=e.event_type,
                sub_event_type=e.sub_event_type,
                actor1=e.actor1,
                actor2=e.actor2,
                country=e.country,
                admin1=e.admin1 or None,
                location=e.location or None,
                latitude=e.latitude,
                longitude=e.longitude,
                geo_precision=1 if e.latitude else None,
                fatalities=e.fatalities,
                confidence=e.confidence,
                notes=e.notes,
                source="Mithal News",
                iso=760 if e.country == "Syria" else None,
                region="Middle East",
            )
            conn.execute(
                insert(m.Event.__table__).values(
                    id=i, event_id=e.event_id, doc_ids=e.doc_id, n_sources=1, **acled
                )
            )
            conn.execute(
                insert(m.Report.__table__).values(
                    id=i, document_pk=i, event_pk=i, report_id=e.event_id, **acled
                )
            )
            conn.execute(insert(m.EventDocument.__table__).values(event_pk=i, document_pk=i))
            for name, span in e.spans.items():
                start = e.text.index(span)
                conn.execute(
                    insert(m.Evidence.__table__).values(
                        report_pk=i,
                        field=name,
                        doc_id=e.doc_id,
                        start=start,
                        end=start + len(span),
                        text=span,
                    )
                )
        if conn.dialect.name == "postgresql":  # ids were given: move the sequences past them
            for table in ("documents", "events", "reports"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
