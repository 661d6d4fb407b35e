"""Readers: every input kind of the contract, and bad input reported with its exact origin."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import sys
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.documents import Document, DocumentError, read_documents
from marsad.documents.readers import input_kind

ARTICLE = "قتل جندي وأصيب آخران في هجوم مسلح على حاجز للجيش شمال المدينة فجر اليوم."
PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>هجوم على حاجز للجيش - شبكة الرصد</title>
<meta property="og:site_name" content="شبكة الرصد">
<meta property="og:title" content="هجوم على حاجز للجيش">
<meta property="article:published_time" content="2019-03-02T10:00:00+03:00">
<link rel="canonical" href="https://www.example-news.com/2019/03/attack">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sy">أخبار</a></li></ul></nav>
<article><h1>هجوم على حاجز للجيش</h1>
<p>قتل جندي وأصيب آخران في هجوم شنه مسلحون مجهولون على حاجز للجيش شمال المدينة فجر اليوم، بحسب مصدر أمني.</p>
<p>وأضاف المصدر أن المهاجمين استخدموا أسلحة رشاشة وفروا باتجاه المزارع القريبة،
وأن قوات الأمن بدأت عملية تمشيط.</p>
<p>شارك</p>
</article>
<footer><p>جميع الحقوق محفوظة © 2019</p></footer>
</body></html>
"""
PAGE_TEXT = ("هجوم على حاجز للجيش\n"
             "قتل جندي وأصيب آخران في هجوم شنه مسلحون مجهولون على حاجز للجيش شمال المدينة فجر اليوم، "
             "بحسب مصدر أمني.\n"
             "وأضاف المصدر أن المهاجمين استخدموا أسلحة رشاشة وفروا باتجاه المزارع القريبة، "
             "وأن قوات الأمن بدأت عملية تمشيط.")


def jl(**fields) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode("utf-8") + b"\n"


def split(items):
    docs = [x for x in items if isinstance(x, Document)]
    errors = [(e.origin, e.message) for e in items if isinstance(e, DocumentError)]
    return docs, errors


def test_readers_jsonl_bad_lines_reported_good_ones_kept(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes(b"".join([
        jl(id="a", text=ARTICLE, published="2018-09-15", url="https://www.example.com/a", title="عنوان"),
        b'{"id": "b", "text": "\xd9\x82\xd8\xaa\xd9\x84\n',  # cut short
        b"[1, 2]\n",
        jl(text=ARTICLE),
        jl(id=7, text=ARTICLE),
        jl(id="c", published="2018-09-15"),
        b'{"id": "d", "text": "\xff\xfe bad"}\n',
        b"\n",
        jl(id="e", text=ARTICLE, published="15/09/2018"),
        jl(id="a", text=ARTICLE),
        jl(id="f", text=ARTICLE, published="2018-09-15T08:30:00+03:00", publisher="وكالة الأنباء"),
        jl(id="g", text=""),
        jl(id="h", text=["قتل"]),
        jl(id="i", text=ARTICLE, title=5),
        jl(id="j", text=ARTICLE),
    ]))
    docs, errors = split(list(read_documents([str(p)])))
    assert [d.id for d in docs] == ["a", "f", "j"]
    # the reason after the position is orjson's wording
    assert errors[0][0] == f"{p}:2" and errors[0][1].startswith("invalid JSON at character 25: ")
    assert errors[1:] == [
        (f"{p}:3", "line is a JSON array, not an object"),
        (f"{p}:4", "missing id"),
        (f"{p}:5", "id must be a non-empty string, not number"),
        (f"{p}:6", "neither text nor html"),
        (f"{p}:7", "invalid UTF-8 at byte 22 of the line"),
        (f"{p}:9", "unparsable published '15/09/2018': expected an ISO 8601 date such as 2018-09-15 "
                   "or 2018-09-15T08:30:00+03:00"),
        (f"{p}:10", f"duplicate id 'a' (first at {p}:1); skipped"),
        (f"{p}:12", "empty text"),
        (f"{p}:13", "text must be a string, not array"),
        (f"{p}:14", "title must be a string, not number"),
    ]
    a, f, j = docs
    assert (a.text, a.published, a.published_time, a.url, a.title, a.origin) == (
        ARTICLE, dt.date(2018, 9, 15), None, "https://www.example.com/a", "عنوان", f"{p}:1")
    assert f.published == dt.date(2018, 9, 15)
    assert f.published_time == dt.datetime(2018, 9, 15, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert f.publisher == "وكالة الأنباء"
    assert j.published is None


def test_readers_published_fills_only_missing_dates(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes(jl(id="a", text=ARTICLE) + jl(id="b", text=ARTICLE, published="2020-01-02"))
    docs = list(read_documents([str(p)], published=dt.date(2018, 9, 15)))
    assert [(d.id, d.published) for d in docs] == [("a", dt.date(2018, 9, 15)), ("b", dt.date(2020, 1, 2))]


def test_readers_jsonl_escaped_text_bom_and_gzip(tmp_path):
    line = json.dumps({"id": "a", "text": ARTICLE}).encode("ascii")  # \\u escapes throughout
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + line + b"\r\n")
    with gzip.open(tmp_path / "z.jsonl.gz", "wb") as f:
        f.write(jl(id="b", text=ARTICLE))
    docs = list(read_documents([str(tmp_path / "bom.jsonl"), str(tmp_path / "z.jsonl.gz")]))
    assert [(d.id, d.text, d.origin) for d in docs] == [
        ("a", ARTICLE, f"{tmp_path / 'bom.jsonl'}:1"), ("b", ARTICLE, f"{tmp_path / 'z.jsonl.gz'}:1")]


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"\n\n  \n", "no documents (only blank lines)"),
])
def test_readers_jsonl_empty(tmp_path, content, message):
    p = tmp_path / "e.jsonl"
    p.write_bytes(content)
    assert [(e.origin, e.message) for e in read_documents([str(p)])] == [(str(p), message)]


def test_readers_jsonl_html_field(tmp_path):
    p = tmp_path / "h.jsonl"
    p.write_bytes(jl(id="p", html=PAGE) + jl(id="q", html=PAGE, title="عنوان آخر", published="2019-03-05")
                  + jl(id="r", html="<html><body></body></html>"))
    docs, errors = split(list(read_documents([str(p)])))
    assert [(d.id, d.text, d.title, d.published, d.publisher, d.url) for d in docs] == [
        ("p", PAGE_TEXT, "هجوم على حاجز للجيش", dt.date(2019, 3, 2), "شبكة الرصد",
         "https://www.example-news.com/2019/03/attack"),
        ("q", PAGE_TEXT, "عنوان آخر", dt.date(2019, 3, 5), "شبكة الرصد",
         "https://www.example-news.com/2019/03/attack"),
    ]
    assert errors == [(f"{p}:3", "no main text found in html")]


def test_readers_max_chars_line_and_text(tmp_path):
    p = tmp_path / "big.jsonl"
    long_line = jl(id="huge", text="ق" * 400_000)  # 800 KB: over the line limit, never parsed
    p.write_bytes(jl(id="a", text=ARTICLE) + long_line + jl(id="big", text="ق" * 100_001)
                  + jl(id="b", text=ARTICLE))
    docs, errors = split(list(read_documents([str(p)], max_chars=100_000)))
    assert [d.id for d in docs] == ["a", "b"]
    assert errors == [
        (f"{p}:2", f"line too large: {len(long_line):,} bytes, the limit is 665,536 (max_chars)"),
        (f"{p}:3", "document too large: 100,001 characters, the limit is 100,000 (max_chars)"),
    ]


def test_readers_large_document_default_limit_fast(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(("ق" * 6_000_000).encode("utf-8"))
    q = tmp_path / "huge.jsonl"
    with q.open("wb") as f:  # a 50 MB line, then a good document
        f.write(b'{"id": "x", "text": "')
        for _ in range(50):
            f.write(b"a" * 1_000_000)
        f.write(b'"}\n' + jl(id="y", text=ARTICLE))
    start = time.perf_counter()
    docs, errors = split(list(read_documents([str(p), str(q)])))
    assert time.perf_counter() - start < 3.0
    assert [d.id for d in docs] == ["y"]
    assert errors == [
        (str(p), "document too large: 6,000,000 characters, the limit is 5,000,000 (max_chars)"),
        (f"{q}:1", "line too large: 50,000,024 bytes, the limit is 30,065,536 (max_chars)"),
    ]


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\n", "empty file (only whitespace)"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes), not text"),
    ("latin.txt", "قتل".encode() + b" \xe9t\xe9", "not UTF-8 text: invalid byte at offset 7"),
])
def test_readers_txt_bad_files(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    assert [(e.origin, e.message) for e in read_documents([str(p)])] == [(str(p), message)]


@pytest.mark.parametrize("content", [
    ARTICLE.encode("utf-8"),
    b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
    ARTICLE.encode("utf-16"),
])
def test_readers_txt_document(tmp_path, content):
    p = tmp_path / "report-12.txt"
    p.write_bytes(content)
    (doc,) = read_documents([str(p)], published=dt.date(2018, 9, 15))
    assert (doc.id, doc.text, doc.published, doc.origin) == (
        "report-12", ARTICLE, dt.date(2018, 9, 15), str(p))


def test_readers_html_file(tmp_path):
    p = tmp_path / "attack.html"
    p.write_text(PAGE, encoding="utf-8")
    (doc,) = read_documents([str(p)])
    assert (doc.id, doc.text, doc.title, doc.published, doc.publisher, doc.url) == (
        "attack", PAGE_TEXT, "هجوم على حاجز للجيش", dt.date(2019, 3, 2), "شبكة الرصد",
        "https://www.example-news.com/2019/03/attack")


def write_warc(path: Path, gz: bool) -> None:
    with path.open("wb") as f:
        w = WARCWriter(f, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "marsad-tests"}))

        def response(uri: str, body: bytes, ctype: str = "text/html; charset=utf-8", status: str = "200 OK"):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                http_headers=headers))

        response("https://example-news.com/a", PAGE.encode("utf-8"))  # record 2
        response("https://example-news.com/style.css", b"body {}", ctype="text/css")
        w.write_record(w.create_warc_record("https://example-news.com/b", "request",
                                            payload=io.BytesIO(b"GET /b HTTP/1.1\r\n\r\n")))
        response("https://example-news.com/missing", b"<html>x</html>", status="404 Not Found")
        response("https://example-news.com/empty", b"<html><body></body></html>")  # record 6
        response("https://example-news.com/c", PAGE.replace("قتل جندي", "قتل شرطي").encode("utf-8"))


@pytest.mark.parametrize("name, gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_readers_warc_records(tmp_path, name, gz):
    p = tmp_path / name
    write_warc(p, gz)
    docs, errors = split(list(read_documents([str(p)])))
    assert [(d.id, d.origin, d.url) for d in docs] == [
        ("https://example-news.com/a", f"{p} record 2", "https://example-news.com/a"),
        ("https://example-news.com/c", f"{p} record 7", "https://example-news.com/c"),
    ]
    assert docs[0].text == PAGE_TEXT
    assert docs[1].text == PAGE_TEXT.replace("قتل جندي", "قتل شرطي")
    assert errors == [(f"{p} record 6", "no main text found in the page")]


@pytest.mark.parametrize("content, message", [
    (b"", "empty file (no WARC records)"),
    (b"this is not a warc file\n", "not a readable WARC record: Invalid WARC record, first line: "
                                   "this is not a warc file"),
])
def test_readers_warc_bad_files(tmp_path, content, message):
    p = tmp_path / "bad.warc"
    p.write_bytes(content)
    origin = str(p) if not content else f"{p} record 1"
    assert [(e.origin, e.message) for e in read_documents([str(p)])] == [(origin, message)]


def test_readers_directory_recursive_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b" / "page.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.jsonl").write_bytes(jl(id="j1", text=ARTICLE) + jl(id="j2", text=ARTICLE))
    (tmp_path / "README.md").write_text("not an input", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    write_warc(tmp_path / "b" / "c.warc.gz", True)
    docs, errors = split(list(read_documents([str(tmp_path)])))
    assert [d.id for d in docs] == ["j1", "j2", "https://example-news.com/a", "https://example-news.com/c",
                                    "page", "z"]
    assert errors == [(f"{tmp_path / 'b' / 'c.warc.gz'} record 6", "no main text found in the page")]


def test_readers_stdin(monkeypatch):
    data = jl(id="s1", text=ARTICLE) + b"not json\n" + jl(id="s2", text=ARTICLE)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs, errors = split(list(read_documents(["-"])))
    assert [(d.id, d.origin) for d in docs] == [("s1", "<stdin>:1"), ("s2", "<stdin>:3")]
    assert [(o, m[:29]) for o, m in errors] == [("<stdin>:2", "invalid JSON at character 1: ")]


def test_readers_missing_and_unknown_inputs_then_continue(tmp_path):
    good = tmp_path / "ok.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    items = list(read_documents([str(tmp_path / "missing.jsonl"), str(pdf), str(good)]))
    assert [(x.origin, x.message, x.kind) for x in items if isinstance(x, DocumentError)] == [
        (str(tmp_path / "missing.jsonl"), "no such file or directory", "input"),
        (str(pdf), "unknown input kind: expected .jsonl, .txt, .html, .htm, .warc, .warc.gz, a directory "
                   "or - (JSONL on stdin)", "input"),
    ]
    assert [x.id for x in items if isinstance(x, Document)] == ["ok"]


@pytest.mark.parametrize("name, kind", [
    ("a.jsonl", "jsonl"), ("A.JSONL", "jsonl"), ("a.jsonl.gz", "jsonl"), ("x/y.txt", "txt"),
    ("p.html", "html"), ("p.htm", "html"), ("c.warc", "warc"), ("c.warc.gz", "warc"),
    ("a.json", None), ("a.gz", None), ("README", None),
])
def test_readers_input_kind(name, kind):
    assert input_kind(name) == kind


def test_readers_speed_2000_articles(tmp_path):
    p = tmp_path / "many.jsonl"
    body = (ARTICLE + " ") * 40  # about 3,000 characters, a typical article
    with p.open("wb") as f:
        for i in range(2000):
            f.write(jl(id=f"n{i}", text=body, published="2015-07-21", url=f"https://example.com/{i}"))
    start = time.perf_counter()
    docs = list(read_documents([str(p)]))
    elapsed = time.perf_counter() - start
    assert len(docs) == 2000 and all(isinstance(d, Document) for d in docs)
    assert elapsed < 0.5
