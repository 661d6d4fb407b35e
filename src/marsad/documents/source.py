"""The human name of a document's source, for the event's `source` field."""

from __future__ import annotations

from urllib.parse import urlsplit

from .model import Document


def source_name(doc: Document) -> str:
    """The publisher when known, else the URL's host without "www." ("aawsat.com"), else ""."""
    if doc.publisher and doc.publisher.strip():
        return doc.publisher.strip()
    return url_host(doc.url or "")


def url_host(url: str) -> str:
    url = url.strip()
    if not url:
        return ""
    if "//" not in url:
        url = "//" + url  # "aawsat.com/home/..." has no scheme but names a host
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    host = host.rstrip(".")
    return host[4:] if host.startswith("www.") else host
