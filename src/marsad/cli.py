"""The `marsad` command line: a thin layer over the library (see ../shared/contract/README.md).

Every command reads its inputs through `marsad.documents.read_documents`, reports each bad document
on standard error with its origin ("file.jsonl:12: ...") and goes on. Exit status: 0 when every
document was processed, 1 when some were skipped, 2 on a usage error.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

import click

from . import __version__

if TYPE_CHECKING:
    from .documents import Document

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


class Report:
    """Counts what was processed and skipped, and prints each problem once to stderr."""

    def __init__(self, quiet: bool = False) -> None:
        self.processed = 0
        self.skipped = 0
        self.quiet = quiet

    def skip(self, message: str) -> None:
        self.skipped += 1
        if not self.quiet:
            click.echo(f"marsad: skipped {message}", err=True)

    @property
    def exit_code(self) -> int:
        return EXIT_SKIPPED if self.skipped else EXIT_OK


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as e:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from e


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == "-":
        yield sys.stdout
        return
    import os
    import stat
    import tempfile

    if os.path.exists(path) and not stat.S_ISREG(os.stat(path).st_mode):
        # A device, pipe or socket ("-o /dev/null", a FIFO): write to it; renaming a file over it
        # would replace the device itself.
        with open(path, "w", encoding="utf-8", newline="") as f:
            yield f
        return
    # Write to a temporary file and rename, so an interrupted run never leaves half a file.
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".marsad-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


_inputs = click.argument("inputs", nargs=-1, required=True, type=str)
_out = click.option("-o", "--output", "output", type=str, default=None, help="Write here instead of stdout.")
_published = click.option(
    "--published", callback=_parse_date, default=None, metavar="DATE",
    help="Publication date (YYYY-MM-DD) for documents that lack one; relative dates resolve against it.",
)
_max_chars = click.option(
    "--max-chars", type=click.IntRange(min=1), default=5_000_000, show_default=True,
    help="Skip (and report) documents whose text is longer than this.",
)
_quiet = click.option("-q", "--quiet", is_flag=True, help="Do not report skipped documents on stderr.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def main() -> None:
    """Marsad (مرصد): Arabic news in, ACLED-compatible conflict events out, with evidence.

    INPUTs are .jsonl, .txt, .html, .warc(.gz) files, directories of them, or - for JSONL on stdin.
    """


@main.command()
@_inputs
@_out
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson"]), default="jsonl",
              show_default=True, help="Output format.")
@_published
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out events below this confidence.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes; 0 picks one per core for large inputs.")
@_max_chars
@_quiet
def extract(inputs: tuple[str, ...], output: str | None, fmt: str, published: dt.date | None,
            min_confidence: float, jobs: int, max_chars: int, quiet: bool) -> None:
    """Extract conflict events from INPUTs, one ACLED-style record per event."""
    from .api import Pipeline, iter_documents
    from .output import write_events

    report = Report(quiet)
    pipeline = Pipeline(min_confidence=min_confidence)
    docs = iter_documents(inputs, published=published, max_chars=max_chars, on_skip=report.skip)
    with _output(output) as out:
        events = pipeline.run(docs, jobs=jobs, on_done=lambda: setattr(report, "processed",
                                                                       report.processed + 1))
        write_events(out, events, fmt)
    sys.exit(report.exit_code)


def _per_document_jsonl(inputs: tuple[str, ...], output: str | None, published: dt.date | None,
                        max_chars: int, quiet: bool, records: Callable[[Document], Iterable[dict]]) -> None:
    """Write `records(doc)` of every readable document of INPUTs as JSONL, report the rest, exit."""
    from .api import iter_documents
    from .output import write_jsonl

    report = Report(quiet)

    def rows():
        for doc in iter_documents(inputs, published=published, max_chars=max_chars, on_skip=report.skip,
                                  require_arabic=False):
            yield from records(doc)
            report.processed += 1

    with _output(output) as out:
        write_jsonl(out, rows())
    sys.exit(report.exit_code)


@main.command()
@_inputs
@_out
@_published
@_max_chars
@_quiet
def geoparse(inputs: tuple[str, ...], output: str | None, published: dt.date | None, max_chars: int,
             quiet: bool) -> None:
    """Find place mentions in INPUTs and resolve them to coordinates and admin areas (JSONL)."""
    from .geo import find_places, load_gazetteer
    from .text import analyse

    gazetteer = load_gazetteer()

    def places(doc: Document) -> Iterable[dict]:
        view = analyse(doc.id, doc.text, doc.mask, doc.quote_fixes)
        return (m.to_dict() for m in find_places(view, gazetteer))

    _per_document_jsonl(inputs, output, published, max_chars, quiet, places)


@main.command()
@_inputs
@_out
@_published
@_max_chars
@_quiet
def clean(inputs: tuple[str, ...], output: str | None, published: dt.date | None, max_chars: int,
          quiet: bool) -> None:
    """Print each document's main text and metadata, page furniture removed (JSONL)."""
    from .documents import clean_record

    _per_document_jsonl(inputs, output, published, max_chars, quiet, lambda doc: [clean_record(doc)])


@main.group()
def gazetteer() -> None:
    """Manage the place gazetteer (cached index built from installed GeoNames data)."""


@gazetteer.command("import")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False))
@click.option("--alternate-names", type=click.Path(exists=True, dir_okay=False), default=None,
              help="GeoNames alternateNamesV2.txt (or a subset) to add Arabic names.")
def gazetteer_import(dump: str, alternate_names: str | None) -> None:
    """Load a full GeoNames country dump (e.g. SY.txt) for village-level coverage."""
    from .geo import import_geonames

    n = import_geonames(dump, alternate_names)
    click.echo(f"imported {n} places from {dump}", err=True)


def _add_store_commands() -> None:
    # The store's commands live beside the store (marsad.store.commands); they import only click here.
    from .api_server.commands import serve
    from .store.commands import ingest, stats

    main.add_command(ingest)
    main.add_command(stats)
    main.add_command(serve)
    from .watch.commands import watch

    main.add_command(watch)
    from .batch.commands import batch

    main.add_command(batch)


_add_store_commands()

if __name__ == "__main__":
    main()
