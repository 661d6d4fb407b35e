"""The document: what every reader yields and every later stage reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Document:
    """One article. `text` is the text all evidence offsets point into: the `text` field as
    given, or the main text extracted from `html`. `mask` holds original spans of page furniture
    and `quote_fixes` offsets of characters that stand for quotation marks (see `documents.clean`)."""

    id: str
    text: str
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    language: str | None = None
    origin: str = ""  # where it came from, for messages: "file.jsonl:12"
    mask: list[tuple[int, int]] = field(default_factory=list)
    quote_fixes: list[int] = field(default_factory=list)
    published_time: dt.datetime | None = None


@dataclass
class DocumentError:
    """A document that could not be read; reported on stderr and skipped."""

    origin: str  # "file.jsonl:12"
    message: str
    # "document": a bad document; "input": a path that is missing, unreadable or of an unknown
    # kind; "duplicate": an id seen before in the run; "language": not Arabic (see language_error).
    kind: str = "document"
    doc_id: str | None = None  # when the bad document's id could be read

    def __str__(self) -> str:
        if self.doc_id is not None:
            return f"{self.origin}: document {self.doc_id!r}: {self.message}"
        return f"{self.origin}: {self.message}"
