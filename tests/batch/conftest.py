"""Fixtures for the batch tests: one local Dask cluster of two worker processes for the session,
and writers for test inputs (JSONL, WARC) made from the articles in corpus.py."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import orjson
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@pytest.fixture(scope="session")
def scheduler():
    """Address of a LocalCluster with two single-threaded worker processes."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def page(title: str, text: str, lang: str = "ar") -> bytes:
    paragraphs = "".join(f"<p>{s}.</p>" for s in text.split(". ") if s)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><nav><a href='/'>الرئيسية</a></nav><article><h1>{title}</h1>{paragraphs}</article>"
            "<footer>جميع الحقوق محفوظة</footer></body></html>").encode()


def write_warc(path: Path, records: list[tuple[str, str, bytes]], gz: bool = False) -> Path:
    """(uri, content type, payload) response records, each preceded by a request record."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "marsad-tests"}))
        for uri, ctype, body in records:
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            w.write_record(w.create_warc_record(uri, "request", payload=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                http_headers=headers))
    return path
