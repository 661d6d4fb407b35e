"""`marsad ingest` and `marsad stats`: click commands the main command line adds
(`main.add_command(ingest)`, `main.add_command(stats)`). Also runnable on their own:
`python -m marsad.store.commands ingest INPUT... --db URL`."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time

import click

EXIT_OK, EXIT_SKIPPED = 0, 1

_db = click.option("--db", "db", default=None, metavar="URL",
                   help="SQLAlchemy URL of the store (default: $MARSAD_DB, else sqlite:///marsad.db).")


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as e:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from e


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=str)
@_db
@click.option("--published", callback=_parse_date, default=None, metavar="DATE",
              help="Publication date (YYYY-MM-DD) for documents that lack one.")
@click.option("--max-chars", type=click.IntRange(min=1), default=5_000_000, show_default=True,
              help="Skip (and report) documents whose text is longer than this.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Extraction worker processes; 0 picks one per core for large inputs.")
@click.option("--batch-size", type=click.IntRange(min=1), default=50, show_default=True,
              help="Documents written per transaction.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Do not report skipped documents on stderr.")
def ingest(inputs: tuple[str, ...], db: str | None, published: dt.date | None, max_chars: int, jobs: int,
           batch_size: int, progress: bool | None, quiet: bool) -> None:
    """Extract events from INPUTs and store documents, events and evidence in the database.

    Re-running is safe: documents already stored with the same content are skipped, changed ones
    replace their own events, and an interrupted run leaves only whole batches behind.
    """
    from tqdm import tqdm

    from .ingest import IngestCounts, estimate_total
    from .ingest import ingest as run_ingest

    bar = tqdm(total=estimate_total(inputs), unit="doc", dynamic_ncols=True, file=sys.stderr,
               disable=(None if progress is None else not progress), mininterval=0.5)

    def on_skip(message: str) -> None:
        if not quiet:
            bar.write(f"marsad: skipped {message}", file=sys.stderr)

    def on_progress(counts: IngestCounts) -> None:
        bar.update(counts.seen - bar.n)

    t0 = time.perf_counter()
    counts = run_ingest(list(inputs), db, published=published, max_chars=max_chars, jobs=jobs,
                        batch_size=batch_size, on_skip=on_skip, on_progress=on_progress)
    bar.close()
    secs = time.perf_counter() - t0
    c = counts
    click.echo(f"marsad: {c.seen} documents in {secs:.1f} s ({c.seen / max(secs, 1e-9):.0f}/s): "
               f"{c.added} added, {c.replaced} replaced, {c.unchanged} unchanged, {c.duplicates} duplicates, "
               f"{c.skipped} skipped; {c.reports} event reports, "
               f"{c.near_duplicates} near-duplicate documents",
               err=True)
    sys.exit(EXIT_SKIPPED if counts.skipped else EXIT_OK)


@click.command()
@_db
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def stats(db: str | None, as_json: bool) -> None:
    """Summarise the store: documents, events, evidence, sources, the last ingest runs."""
    from .db import open_engine
    from .stats import format_stats, store_stats

    summary = store_stats(open_engine(db))
    click.echo(json.dumps(summary, ensure_ascii=False, indent=2) if as_json else format_stats(summary))


@click.group()
def commands() -> None:
    """The store commands, for running this module on its own."""


commands.add_command(ingest)
commands.add_command(stats)

if __name__ == "__main__":
    commands()
