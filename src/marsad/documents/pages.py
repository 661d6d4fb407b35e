"""Main text and metadata of an HTML page (trafilatura).

The main text becomes the document's `text`, the one evidence offsets point into; furniture lines
trafilatura kept are dropped here, so `marsad clean` prints exactly that text for an HTML input.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import parse_published
from .furniture import strip_furniture


@dataclass
class Page:
    text: str
    title: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    url: str | None = None


def extract_page(html: bytes | str, url: str | None = None) -> Page | None:
    """The page's main text and metadata, or None when it has no main text."""
    # Imported here: trafilatura pulls in lxml, htmldate and more; text-only runs skip that cost.
    import trafilatura

    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if result is None:
        return None
    text = strip_furniture(result.text or "")
    if not text:
        return None
    published = None
    if result.date:
        try:
            published = parse_published(result.date)[0]
        except ValueError:
            published = None  # a page's own metadata: better no date than a failure
    return Page(text=text, title=_clean(result.title), published=published,
                publisher=_clean(result.sitename), url=_clean(result.url) or url)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
