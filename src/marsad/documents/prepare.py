"""Read, clean and language-check in one pass: what `marsad extract` feeds its pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from .clean import ACCEPTED_LANGUAGES, clean_document, language_error
from .model import Document, DocumentError
from .readers import DEFAULT_MAX_CHARS, read_documents


def prepare_documents(inputs: Sequence[str], *, published: dt.date | None = None,
                      max_chars: int = DEFAULT_MAX_CHARS,
                      languages: tuple[str, ...] = ACCEPTED_LANGUAGES) -> Iterator[Document | DocumentError]:
    """Cleaned documents of `inputs`; unreadable ones and those not in `languages` come out as
    `DocumentError`s (kind "language" for the latter) in their place."""
    for item in read_documents(inputs, published=published, max_chars=max_chars):
        if isinstance(item, DocumentError):
            yield item
            continue
        doc = clean_document(item)
        yield language_error(doc, languages) or doc
