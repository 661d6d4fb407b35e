"""`Pipeline.run(jobs=2)` reads its input only a bounded window ahead of the events it has yielded
(Pool.imap used to read the whole input ahead), and keeps input order."""

from __future__ import annotations

import datetime as dt

from marsad.api import Pipeline
from marsad.documents import Document, clean_document

from .corpus import corpus

DOCS = [clean_document(Document(r["id"], r["text"], dt.date.fromisoformat(r["published"])))
        for r in corpus(40, seed=2)] * 3


def test_api_run_parallel_reads_a_bounded_window_ahead():
    read = 0

    def source():
        nonlocal read
        for i, d in enumerate(DOCS):
            read += 1
            yield Document(f"{d.id}-{i}", d.text, d.published, mask=d.mask, quote_fixes=d.quote_fixes,
                           language=d.language)

    ahead = []
    done = 0

    def on_done():
        nonlocal done
        done += 1
        ahead.append(read - done)

    events = list(Pipeline().run(source(), jobs=2, on_done=on_done))
    assert done == len(DOCS) == 120
    assert max(ahead) <= 2 * 4 * 8  # jobs × chunks in flight per job × chunk size
    single = list(Pipeline().run((Document(f"{d.id}-{i}", d.text, d.published, mask=d.mask,
                                           quote_fixes=d.quote_fixes, language=d.language)
                                  for i, d in enumerate(DOCS)), jobs=1))
    assert [e.to_dict() for e in events] == [e.to_dict() for e in single]
