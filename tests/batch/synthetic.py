"""A synthetic web crawl for the WARC benchmark: `python -m tests.batch.synthetic OUT.warc[.gz] SIZE`.

Most of its bytes are large non-HTML records (images, PDFs, video), as in a real crawl; among the
HTML responses, one in four is an Arabic article (from corpus.py) and the rest are English pages
that the reader must drop before parsing. Deterministic for a given size. Write it under /tmp,
never into the repository.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .corpus import article

ENGLISH = ("The city council met on Tuesday to discuss the new budget for schools and roads. "
           "Officials said the plan would be published next month after a public consultation. ")
BINARY_TYPES = ["image/jpeg", "application/pdf", "video/mp4", "image/png"]


def _page(title: str, body: str, lang: str) -> bytes:
    paragraphs = "".join(f"<p>{s}.</p>" for s in body.split(". ") if s)
    boilerplate = "<nav>" + "".join(f"<a href='/s/{i}'>section {i}</a>" for i in range(200)) + "</nav>"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body>{boilerplate}<article><h1>{title}</h1>{paragraphs}</article></body></html>").encode()


def write_crawl(path: Path, size: int, seed: int = 1) -> dict[str, int]:
    """A WARC of about `size` bytes; returns how many records of each kind it holds."""
    rng = random.Random(seed)
    blob = rng.randbytes(1 << 22)
    counts = {"arabic": 0, "english": 0, "binary": 0}
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=path.name.endswith(".gz"))
        w.write_record(w.create_warcinfo_record(path.name, {"software": "marsad-benchmark"}))
        n = 0
        while f.tell() < size:
            n += 1
            roll = rng.random()
            if roll < 0.03:
                kind, ctype = "binary", rng.choice(BINARY_TYPES)
                body = blob[: rng.randrange(1 << 20, len(blob))]
            elif roll < 0.2725:
                kind, ctype = "arabic", "text/html; charset=utf-8"
                body = _page(f"خبر {n}", article(rng), "ar")
            else:
                kind, ctype = "english", "text/html; charset=utf-8"
                body = _page(f"News {n}", ENGLISH * rng.randrange(3, 12), "en")
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://site{n % 50}.example/{kind}/{n}", "response",
                                                payload=io.BytesIO(body), http_headers=headers))
            counts[kind] += 1
    return counts


_UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


if __name__ == "__main__":
    target, size = Path(sys.argv[1]), sys.argv[2].upper()
    n = int(size[:-1]) * _UNITS[size[-1]] if size[-1] in _UNITS else int(size)
    print(write_crawl(target, n))
