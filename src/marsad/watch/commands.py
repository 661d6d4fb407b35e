"""`marsad watch FEEDS.yaml`: the click command the main command line adds (`main.add_command(watch)`).
Also runnable on its own: `python -m marsad.watch.commands FEEDS.yaml --db URL`."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

import click

EXIT_OK, EXIT_FAULTS, EXIT_USAGE = 0, 1, 2


@click.command()
@click.argument("feeds_file", metavar="FEEDS.yaml", type=click.Path(dir_okay=False))
@click.option("--db", "db", default=None, metavar="URL",
              help="SQLAlchemy URL of the store (default: the file's 'db', else $MARSAD_DB, else "
                   "sqlite:///marsad.db).")
@click.option("--once", is_flag=True,
              help="Poll every feed once, fetch what is due, and exit (for cron and tests).")
@click.option("--max-chars", type=click.IntRange(min=1), default=5_000_000, show_default=True,
              help="Skip (and log) pages whose main text is longer than this.")
@click.option("-v", "--verbose", count=True, help="Log every page stored (-v) and every poll (-vv).")
@click.option("-q", "--quiet", is_flag=True, help="Log faults only.")
def watch(feeds_file: str, db: str | None, once: bool, max_chars: int, verbose: int, quiet: bool) -> None:
    """Follow the RSS/Atom feeds and sitemaps of FEEDS.yaml and store their new articles.

    Feeds are polled on their schedule with conditional GET; new article pages are fetched politely
    (per-host limits, timeouts, retries with backoff) and ingested like `marsad ingest` does. Faults
    are logged on stderr and recorded; the rest flows on. State lives in the store: a restarted watch
    resumes where it stopped, without fetching a stored page again. Exit status with --once: 0 when
    nothing failed, 1 when some feed or page failed (logged), 2 on a usage error.
    """
    from ..api import default_pipeline
    from ..store.db import default_url, open_engine
    from .config import ConfigError, load_config
    from .run import Watcher

    try:
        config = load_config(feeds_file)
    except ConfigError as e:
        click.echo(f"marsad watch: {e}", err=True)
        sys.exit(EXIT_USAGE)
    _setup_logging(logging.WARNING if quiet else logging.INFO if verbose < 2 else logging.DEBUG, verbose)
    url = db or config.db or default_url()
    engine = open_engine(url)
    watcher = Watcher(config, engine, default_pipeline(), label=f"watch {feeds_file}", max_chars=max_chars)

    async def main():
        task = asyncio.ensure_future(watcher.run(once=once))
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            # Cancelling is safe at any point: every write is one transaction (see marsad.watch.state).
            loop.add_signal_handler(sig, task.cancel)
        try:
            return await task
        except asyncio.CancelledError:
            return None

    summary = asyncio.run(main())
    engine.dispose()
    if summary is None:
        click.echo("marsad watch: stopped", err=True)
        sys.exit(EXIT_OK)
    s = summary
    click.echo(f"marsad watch: {s.feeds_polled} feeds polled ({s.feeds_failed} failed), {s.new_urls} new "
               f"links; pages: {s.added} added, {s.unchanged} unchanged, {s.duplicates} duplicates, "
               f"{s.skipped} skipped, {s.retrying} to retry, {s.failed} given up; {s.events} event reports",
               err=True)
    sys.exit(EXIT_FAULTS if once and s.faults else EXIT_OK)


class _PageFilter(logging.Filter):
    """At -v and below, a stored page's line is noise: keep warnings and the round summaries."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.getMessage().startswith("round done")


def _setup_logging(level: int, verbose: int) -> None:
    logger = logging.getLogger("marsad.watch")
    logger.setLevel(level)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s marsad watch: %(levelname)s %(message)s",
                                           "%Y-%m-%dT%H:%M:%S"))
    if verbose == 0:
        handler.addFilter(_PageFilter())
    logger.addHandler(handler)
    logger.propagate = False


if __name__ == "__main__":
    watch()
