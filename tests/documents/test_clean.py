"""Cleaning (mask, quote fixes, language), the `marsad clean` record, source names and dates."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from marsad.documents import (
    Document,
    DocumentError,
    clean_document,
    clean_record,
    language_error,
    prepare_documents,
    read_documents,
    source_name,
)
from marsad.documents.dates import format_published, parse_published
from marsad.text import analyse

from .test_furniture import PAGE
from .test_readers import PAGE as HTML_PAGE


def test_clean_document_fills_mask_quotes_language_keeps_text():
    doc = Document(id="p", text=PAGE, origin="p.txt")
    cleaned = clean_document(doc)
    assert cleaned.text == PAGE
    assert cleaned.mask == [(0, 4), (172, 178), (200, 211), (213, 227), (229, 263), (264, 294), (295, 315)]
    assert cleaned.quote_fixes == [128, 135]
    assert [PAGE[i - 3: i + 2] for i in cleaned.quote_fixes] == ["لة ;ر", "ترز;،"]
    assert cleaned.language == "ar"
    assert doc.mask == [] and doc.language is None  # the input is not changed


def test_clean_masked_lines_never_reach_sentences():
    doc = clean_document(Document(id="p", text=PAGE))
    view = analyse(doc.id, doc.text, doc.mask, doc.quote_fixes)
    sentences = [view.original(s.start, s.end) for s in view.sentences]
    assert sentences == [
        "غارات على مواقع للتنظيم شرق النهر",
        "شنت طائرات التحالف غارات على مواقع للتنظيم في محيط البلدة يوم الأحد الماضي.",
        "ووفق وكالة ;رويترز;، فإن الغارات دمرت مستودعا للذخيرة.",
        "شبكة الرصد الإخبارية",
    ]


def test_clean_record_text_page():
    doc = clean_document(Document(id="p", text=PAGE, title="غارات", published=dt.date(2018, 9, 15)))
    assert clean_record(doc) == {
        "id": "p",
        "title": "غارات",
        "published": "2018-09-15",
        "text": "غارات على مواقع للتنظيم شرق النهر\n\n"
                "شنت طائرات التحالف غارات على مواقع للتنظيم في محيط البلدة يوم الأحد الماضي.\n"
                "ووفق وكالة ;رويترز;، فإن الغارات دمرت مستودعا للذخيرة.\n"
                "شبكة الرصد الإخبارية",
        "language": "ar",
    }


def test_clean_record_html_text_is_the_document_text(tmp_path):
    # Evidence offsets of an HTML input point into the text `marsad clean` prints for it.
    p = tmp_path / "page.html"
    p.write_text(HTML_PAGE.replace("</article>", "<p>اقرأ أيضا</p><p>مقتل شرطي في كمين</p></article>"),
                 encoding="utf-8")
    (doc,) = read_documents([str(p)])
    cleaned = clean_document(doc)
    assert cleaned.mask == []
    assert clean_record(cleaned)["text"] == doc.text
    assert "اقرأ" not in doc.text and "كمين" not in doc.text


def test_clean_record_published_with_time():
    doc = Document(id="t", text="قتل جندي.", published=dt.date(2018, 9, 15),
                   published_time=dt.datetime(2018, 9, 15, 8, 30, tzinfo=dt.UTC), language="ar")
    assert clean_record(doc)["published"] == "2018-09-15T08:30:00+00:00"


@pytest.mark.parametrize("text, error", [
    ("قتل جندي في هجوم على حاجز.", None),
    ("A soldier was killed in an attack on a checkpoint.",
     ("x.jsonl:3", "language 'en', not Arabic; skipped", "language")),
    ("12 / 34", ("x.jsonl:3", "no text in a known script; skipped", "language")),
])
def test_clean_language_error(text, error):
    got = language_error(clean_document(Document(id="x", text=text, origin="x.jsonl:3")))
    assert (None if got is None else (got.origin, got.message, got.kind)) == error


def test_clean_prepare_documents_skips_non_arabic(tmp_path):
    p = tmp_path / "in.jsonl"
    rows = [{"id": "a", "text": "قتل جندي في هجوم على حاجز."},
            {"id": "b", "text": "Un soldat a été tué dans une attaque contre un poste de contrôle."},
            {"id": "c"}]
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    items = list(prepare_documents([str(p)], published=dt.date(2018, 9, 15)))
    assert [(type(x).__name__, getattr(x, "id", None) or x.origin) for x in items] == [
        ("Document", "a"), ("DocumentError", f"{p}:2"), ("DocumentError", f"{p}:3")]
    assert items[0].language == "ar" and items[0].published == dt.date(2018, 9, 15)
    assert isinstance(items[1], DocumentError) and items[1].message == "language 'fr', not Arabic; skipped"


@pytest.mark.parametrize("publisher, url, name", [
    ("الشرق الأوسط", "https://aawsat.com/home/article/1", "الشرق الأوسط"),
    ("  ", "https://www.aawsat.com/home/article/1", "aawsat.com"),
    (None, "http://WWW.Example-News.com:8080/a?b=1", "example-news.com"),
    (None, "aawsat.com/home/article/1", "aawsat.com"),
    (None, "https://m.example.com/a", "m.example.com"),
    (None, "", ""),
    (None, None, ""),
])
def test_clean_source_name(publisher, url, name):
    assert source_name(Document(id="s", text="", publisher=publisher, url=url)) == name


@pytest.mark.parametrize("value, date, moment", [
    ("2018-09-15", dt.date(2018, 9, 15), None),
    (" 2018-09-15 ", dt.date(2018, 9, 15), None),
    ("2018-09-15T08:30:00+03:00", dt.date(2018, 9, 15),
     dt.datetime(2018, 9, 15, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))),
    ("2018-09-15T23:30:00Z", dt.date(2018, 9, 15), dt.datetime(2018, 9, 15, 23, 30, tzinfo=dt.UTC)),
    ("2015-07-21 02:51:32", dt.date(2015, 7, 21), dt.datetime(2015, 7, 21, 2, 51, 32)),
])
def test_clean_parse_published(value, date, moment):
    assert parse_published(value) == (date, moment)
    assert format_published(date, moment) == (moment or date).isoformat()


@pytest.mark.parametrize("value", ["15/09/2018", "2018-9-15", "2018-02-30", "أمس", "", 20180915, None])
def test_clean_parse_published_rejects(value):
    with pytest.raises(ValueError, match="unparsable published"):
        parse_published(value)
