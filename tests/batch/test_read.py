"""Reading a shard: the Arabic page filter for WARC, cheap skips, cleaning as `marsad extract` does."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from marsad.batch.plan import Piece, Shard
from marsad.batch.read import _Bounded, arabic_page_filter, iter_shard
from marsad.documents import DocumentError
from marsad.documents.readers import read_warc

from .conftest import page, write_jsonl, write_warc
from .corpus import corpus

ARABIC = "قتل خمسة مدنيين في غارة جوية على مدينة إدلب. " * 20
ENGLISH = "Five civilians were killed in an air strike on the city of Idlib. " * 20
NO_ARABIC = "not Arabic (no Arabic letters in the page)"


@pytest.mark.parametrize("payload, reason", [
    (page("غارة", ARABIC), None),
    (page("Strike", ENGLISH, "en"), NO_ARABIC),
    (b"<html><head><meta charset='UTF8'></head><body>" + "نص قصير".encode() + b"</body></html>", NO_ARABIC),
    # A legacy code page cannot be judged from bytes: the parser and the language check decide.
    (b"<html><head><meta charset='windows-1256'></head><body>" + ("غارة " * 50).encode("cp1256")
     + b"</body></html>", None),
    (b"<html><body>no charset declared</body></html>", None),
])
def test_read_arabic_page_filter(payload, reason):
    assert arabic_page_filter(payload) == reason


def test_read_warc_filters_pages_and_skips_cheaply(tmp_path):
    big = b"<html>" + b"x" * 2_000_000 + b"</html>"
    warc = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://news.example/ar/1", "text/html; charset=utf-8", page("غارة", ARABIC)),
        ("https://news.example/en/1", "text/html", page("Strike", ENGLISH, "en")),
        ("https://news.example/img.jpg", "image/jpeg", b"\xff\xd8" + b"\x00" * 300_000),
        ("https://news.example/huge", "text/html", big),
    ], gz=True)
    items = list(read_warc(str(warc), max_chars=100_000, html_filter=arabic_page_filter))
    assert [(type(i).__name__, i.origin, getattr(i, "id", None)) for i in items] == [
        ("Document", f"{warc} record 3", "https://news.example/ar/1"),
        ("DocumentError", f"{warc} record 5", None),
        ("DocumentError", f"{warc} record 9", None),
    ]
    assert items[1].message == NO_ARABIC and items[1].kind == "language"
    assert items[2].message.startswith("record too large: 2,000,")


def test_read_shard_cleans_dates_and_skips_like_extract(tmp_path):
    records = corpus(2) + [{"id": "en", "text": ENGLISH}, {"id": "bad", "text": 5}]
    del records[0]["published"]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    skips: list[str] = []
    docs = list(iter_shard(Shard(0, (Piece(str(path), "jsonl"),), 0), max_chars=10_000,
                           published=dt.date(2020, 5, 1), on_skip=skips.append))
    assert [(d.id, d.published, d.language) for d in docs] == [
        ("a000", dt.date(2020, 5, 1), "ar"), ("a001", dt.date(2019, 2, 11), "ar")]
    assert skips == [f"{path}:3: document 'en' is not Arabic (detected en)",
                     f"{path}:4: document 'bad': text must be a string, not number"]


@pytest.mark.parametrize("end, sizes, lines", [
    (None, [-1, -1, -1, -1], [b"ab\n", b"cde\n", b"\n", b"f"]),
    (7, [-1, -1, -1], [b"ab\n", b"cde\n", b""]),
    (5, [2, 2, -1, -1], [b"ab", b"\n", b"cd", b""]),
    (0, [-1], [b""]),
])
def test_read_bounded_stops_at_the_range_end(end, sizes, lines):
    f = _Bounded(io.BytesIO(b"ab\ncde\n\nf"), end)
    assert [f.readline(n) for n in sizes] == lines


def test_read_warc_errors_are_document_errors(tmp_path):
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not a warc file\n")
    items = list(read_warc(str(bad), html_filter=arabic_page_filter))
    assert len(items) == 1 and isinstance(items[0], DocumentError)


def test_read_synthetic_crawl_keeps_only_arabic_articles(tmp_path):
    from .synthetic import write_crawl

    path = tmp_path / "crawl.warc.gz"
    counts = write_crawl(path, 1_000_000)
    skips: list[str] = []
    docs = list(iter_shard(Shard(0, (Piece(str(path), "warc"),), 0), max_chars=5_000_000, published=None,
                           on_skip=skips.append))
    assert counts == {"arabic": 4, "english": 11, "binary": 1}
    assert len(docs) == counts["arabic"]
    assert all("/arabic/" in d.id for d in docs)
    assert len(skips) == counts["english"] and all(s.endswith(NO_ARABIC) for s in skips)
