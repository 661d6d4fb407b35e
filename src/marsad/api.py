"""The library surface: what a notebook user calls, and what the command line wraps.

    >>> import marsad
    >>> events = marsad.extract("قتل 3 مدنيين في غارة جوية على بلدة هجين أمس", published="2018-09-15")
    >>> events[0].sub_event_type
    'Air/drone strike'

`Pipeline` holds the loaded resources (gazetteer, lexicons) so that they are loaded once and shared by
every document; the module-level functions use a default pipeline built on first use.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache

from .documents import (
    Document,
    DocumentError,
    clean_document,
    clean_record,
    detect_language,
    read_documents,
)
from .events.extract import Extractor
from .events.model import Event

_PARALLEL_THRESHOLD = 64  # documents; below this, worker start-up costs more than it saves


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def iter_documents(
    inputs: Sequence[str],
    *,
    published: dt.date | None = None,
    max_chars: int = 5_000_000,
    on_skip: Callable[[str], None] | None = None,
    require_arabic: bool = True,
) -> Iterator[Document]:
    """Read and clean documents from INPUT paths (see the contract); bad ones go to `on_skip`."""
    for item in read_documents(inputs, published=published, max_chars=max_chars):
        if isinstance(item, DocumentError):
            if on_skip:
                on_skip(str(item))
            continue
        doc = clean_document(item)
        if require_arabic:
            lang = doc.language or detect_language(doc.text)
            doc.language = lang
            if lang != "ar":
                if on_skip:
                    on_skip(
                        f"{doc.origin or doc.id}: document {doc.id!r} is not Arabic "
                        f"(detected {lang or 'no language'})"
                    )
                continue
        yield doc


class Pipeline:
    """Documents in, events out. Build once; `run` many times."""

    def __init__(self, *, min_confidence: float = 0.0) -> None:
        self.min_confidence = min_confidence
        self.extractor = Extractor()

    def extract_document(self, doc: Document) -> list[Event]:
        events = self.extractor.extract(doc)
        return [e for e in events if e.confidence >= self.min_confidence]

    def run(
        self, docs: Iterable[Document], *, jobs: int = 1, on_done: Callable[[], None] | None = None
    ) -> Iterator[Event]:
        """Events of every document, in input order. `jobs` > 1 uses worker processes
        (0: one per core when the input is large enough to pay for them)."""
        it = iter(docs)
        if jobs == 0:
            head = list(itertools.islice(it, _PARALLEL_THRESHOLD))
            it = itertools.chain(head, it)
            jobs = (os.cpu_count() or 1) if len(head) >= _PARALLEL_THRESHOLD else 1
        if jobs <= 1:
            for doc in it:
                yield from self.extract_document(doc)
                if on_done:
                    on_done()
            return
        yield from self._run_parallel(it, jobs, on_done)

    def _run_parallel(
        self, docs: Iterator[Document], jobs: int, on_done: Callable[[], None] | None
    ) -> Iterator[Event]:
        import multiprocessing as mp

        global _WORKER_PIPELINE
        self.extractor.warm_up()
        _WORKER_PIPELINE = self  # inherited by forked workers: resources load once, in the parent
        ctx = mp.get_context("fork")
        # Pool.imap would read the whole input ahead into its task queue (memory growing with the
        # input when reading outpaces extraction); a bounded window of chunks in flight keeps
        # memory constant whatever the input's size.
        window = jobs * _CHUNKS_IN_FLIGHT_PER_JOB
        with ctx.Pool(jobs) as pool:
            pending: deque = deque()
            for chunk in _chunked(docs, _CHUNK):
                pending.append(pool.apply_async(_worker_extract, (chunk,)))
                if len(pending) >= window:
                    yield from _results(pending.popleft().get(), on_done)
            while pending:
                yield from _results(pending.popleft().get(), on_done)


_CHUNK = 8  # documents sent to a worker at once
_CHUNKS_IN_FLIGHT_PER_JOB = 4
_WORKER_PIPELINE: Pipeline | None = None


def _chunked(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while chunk := list(itertools.islice(docs, size)):
        yield chunk


def _results(per_doc: list[list[Event]], on_done: Callable[[], None] | None) -> Iterator[Event]:
    for events in per_doc:
        yield from events
        if on_done:
            on_done()


def _worker_extract(docs: list[Document]) -> list[list[Event]]:
    assert _WORKER_PIPELINE is not None
    return [_WORKER_PIPELINE.extract_document(doc) for doc in docs]


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    doc_id: str = "doc",
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
) -> list[Event]:
    """Events reported in one Arabic text. `published` (date or ISO string) anchors relative dates."""
    doc = clean_document(
        Document(
            id=doc_id, text=text, published=_as_date(published), url=url, title=title, publisher=publisher
        )
    )
    return default_pipeline().extract_document(doc)


def clean(
    text: str | None = None,
    *,
    html: str | None = None,
    doc_id: str = "doc",
    url: str | None = None,
    published: dt.date | str | None = None,
) -> dict:
    """The contract's `marsad clean` record for one article given as plain `text` or raw `html`:
    `id, title, published, text` (main text, page furniture removed) and `language`."""
    from .documents.pages import extract_page

    if (text is None) == (html is None):
        raise ValueError("give exactly one of text= or html=")
    title = None
    if html is not None:
        page = extract_page(html, url)
        if page is None:
            raise ValueError("no main text found in the html")
        text, title, url = page.text, page.title, url or page.url
        published = published or page.published
    doc = clean_document(Document(id=doc_id, text=text, published=_as_date(published), url=url, title=title))
    return clean_record(doc)


def extract_documents(docs: Iterable[Document], *, jobs: int = 1) -> Iterator[Event]:
    """Events of many documents (see `marsad.documents.Document`)."""
    return default_pipeline().run((clean_document(d) for d in docs), jobs=jobs)
