"""One JSONL record (a parsed JSON object) made into a `Document`, or the reason it cannot be."""

from __future__ import annotations

from typing import Any

from .dates import parse_published
from .model import Document, DocumentError
from .pages import extract_page

OPTIONAL_STRINGS = ("url", "title", "publisher")
# Raw HTML is larger than the text it holds; it may be this many times max_chars.
HTML_FACTOR = 4


def too_large(what: str, size: int, limit: int, unit: str = "characters") -> str:
    return f"{what} too large: {size:,} {unit}, the limit is {limit:,} (max_chars)"


def document_from_record(obj: Any, origin: str, max_chars: int) -> Document | DocumentError:
    if not isinstance(obj, dict):
        return DocumentError(origin, f"line is a JSON {_json_type(obj)}, not an object")
    doc_id = obj.get("id")
    if doc_id is None:
        return DocumentError(origin, "missing id")
    if not isinstance(doc_id, str) or not doc_id.strip():
        return DocumentError(origin, f"id must be a non-empty string, not {_json_type(doc_id)}")
    extra: dict[str, str | None] = {}
    for name in OPTIONAL_STRINGS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return DocumentError(
                origin, doc_id=doc_id, message=f"{name} must be a string, not {_json_type(value)}"
            )
        extra[name] = (value.strip() or None) if isinstance(value, str) else None
    published = published_time = None
    if obj.get("published") is not None:
        try:
            published, published_time = parse_published(obj["published"])
        except ValueError as e:
            return DocumentError(origin, doc_id=doc_id, message=str(e))
    text, html = obj.get("text"), obj.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return DocumentError(
                origin, doc_id=doc_id, message=f"{name} must be a string, not {_json_type(value)}"
            )
    if text is None and html is None:
        return DocumentError(origin, doc_id=doc_id, message="neither text nor html")
    if text is None:
        assert isinstance(html, str)
        if len(html) > HTML_FACTOR * max_chars:
            return DocumentError(
                origin, doc_id=doc_id, message=too_large("html", len(html), HTML_FACTOR * max_chars)
            )
        page = extract_page(html, extra["url"])
        if page is None:
            return DocumentError(origin, doc_id=doc_id, message="no main text found in html")
        text = page.text
        extra["title"] = extra["title"] or page.title
        extra["publisher"] = extra["publisher"] or page.publisher
        extra["url"] = extra["url"] or page.url
        published = published or page.published
    if not text.strip():
        return DocumentError(origin, doc_id=doc_id, message="empty text")
    if len(text) > max_chars:
        return DocumentError(origin, doc_id=doc_id, message=too_large("document", len(text), max_chars))
    return Document(
        id=doc_id,
        text=text,
        published=published,
        published_time=published_time,
        url=extra["url"],
        title=extra["title"],
        publisher=extra["publisher"],
        origin=origin,
    )


def _json_type(value: Any) -> str:
    names = {
        dict: "object",
        list: "array",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)
