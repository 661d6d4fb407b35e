"""Cleaning a document without changing its text: furniture masked, mangled quotes marked,
language identified. `clean_record()` is what `marsad clean` prints."""

from __future__ import annotations

import dataclasses
from typing import Any

from .dates import format_published
from .furniture import furniture_spans, remove_spans
from .language import detect_language
from .model import Document, DocumentError
from .quotes import quote_fixes

ACCEPTED_LANGUAGES = ("ar",)


def clean_document(doc: Document) -> Document:
    """A copy of `doc` with `mask` (furniture lines), `quote_fixes` and `language` filled.
    `text` is untouched: evidence offsets point into it."""
    return dataclasses.replace(
        doc,
        mask=furniture_spans(doc.text),
        quote_fixes=quote_fixes(doc.text),
        language=doc.language or detect_language(doc.text),
    )


def language_error(doc: Document, accepted: tuple[str, ...] = ACCEPTED_LANGUAGES) -> DocumentError | None:
    """The report for a cleaned document Marsad must not code (not in an accepted language)."""
    if doc.language in accepted:
        return None
    if doc.language is None:
        return DocumentError(doc.origin or doc.id, "no text in a known script; skipped", kind="language")
    return DocumentError(doc.origin or doc.id, f"language {doc.language!r}, not Arabic; skipped",
                         kind="language")


def display_text(doc: Document) -> str:
    """The main text with the masked furniture lines removed. For a page read from HTML the
    furniture was dropped at extraction, so this is `doc.text` itself."""
    if not doc.mask:
        return doc.text
    return remove_spans(doc.text, doc.mask).strip()


def clean_record(doc: Document) -> dict[str, Any]:
    """The `marsad clean` line of a cleaned document."""
    return {
        "id": doc.id,
        "title": doc.title,
        "published": format_published(doc.published, doc.published_time),
        "text": display_text(doc),
        "language": doc.language,
    }
