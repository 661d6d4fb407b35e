"""GET /api/documents/{id}; POST /api/documents: 401 without the right token and nothing written, and an
ingest with it."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from marsad.api_server import Settings, create_app
from marsad.store import models as m
from marsad.store.db import open_engine

from .conftest import TOKEN

ARTICLE = {
    "id": "post-1",
    "published": "2019-03-07",
    "publisher": "مثال نيوز",
    "text": "قُتل خمسة مدنيين أمس في غارة جوية على بلدة خان شيخون في ريف إدلب.",
}


def test_api_document_has_text_events_and_metadata(client):
    body = client.get("/api/documents/d-irq-2").json()
    assert body == {
        "doc_id": "d-irq-2",
        "title": "خبر 4",
        "url": "https://example.org/d-irq-2",
        "publisher": "مثال نيوز",
        "source": "Mithal News",
        "published": "2019-08-16",
        "language": "ar",
        "text": "انفجرت عبوة ناسفة في سوق ببغداد مما أدى إلى مقتل سبعة أشخاص.",
        "event_ids": ["IRQ2"],
        "duplicate_of": None,
    }


def test_api_document_unknown_is_404(client):
    assert client.get("/api/documents/none-such").status_code == 404


def _counts(url):
    engine = open_engine(url)
    with engine.connect() as conn:
        out = tuple(
            conn.scalar(select(func.count()).select_from(t.__table__))
            for t in (m.Document, m.Event, m.Report, m.Evidence, m.IngestRun)
        )
    engine.dispose()
    return out


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": TOKEN},
        {"Authorization": "Bearer "},
    ],
)
@pytest.mark.parametrize("body", [ARTICLE, "not json at all"])
def test_api_post_documents_without_the_token_is_401_and_writes_nothing(client, db_url, headers, body):
    before = _counts(db_url)
    kwargs = {"json": body} if isinstance(body, dict) else {"content": body}
    r = client.post("/api/documents", headers=headers, **kwargs)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert _counts(db_url) == before


def test_api_post_documents_is_refused_when_no_token_is_configured(db_url):
    with TestClient(create_app(Settings(db_url=db_url, api_token=None))) as c:
        before = _counts(db_url)
        for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer None"}):
            assert c.post("/api/documents", headers=headers, json=ARTICLE).status_code == 401
        assert _counts(db_url) == before


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ([], 422),
        ({"text": "بلا معرف"}, 422),
        ({"id": 5, "text": "معرف رقمي"}, 422),
        ({"id": "no-text"}, 422),
        ([{"id": "a", "text": "نص"}, "x"], 422),
    ],
)
def test_api_post_documents_bad_body_is_422_and_writes_nothing(client, db_url, body, status):
    before = _counts(db_url)
    r = client.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"}, json=body)
    assert r.status_code == status
    assert _counts(db_url) == before


def test_api_post_documents_with_the_token_ingests(client, db_url):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/documents", headers=auth, json=ARTICLE)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["added"], body["skipped"], body["reports"]) == (1, 0, 1)
    (event_id,) = body["events"]["post-1"]
    event = client.get(f"/api/events/{event_id}").json()
    assert (event["sub_event_type"], event["fatalities"], event["event_date"]) == (
        "Air/drone strike",
        5,
        "2019-03-06",
    )
    assert client.get("/api/documents/post-1").json()["event_ids"] == [event_id]
    # The same document again: unchanged, nothing new.
    again = client.post("/api/documents", headers=auth, json={"documents": [ARTICLE]}).json()
    assert (again["added"], again["unchanged"]) == (0, 1)
