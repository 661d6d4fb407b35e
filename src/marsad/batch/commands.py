"""The `marsad batch` command: a thin wrapper over `run_batch` (wired in cli.py with
`main.add_command(batch)`). Importing this module is cheap: Dask loads when the command runs."""

from __future__ import annotations

import datetime as dt
import os
import sys

import click

from .dedup import DEFAULT_THRESHOLD, DEFAULT_WINDOW
from .plan import DEFAULT_SHARD_SIZE

_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def parse_size(text: str) -> int:
    """Bytes from "2000000", "512K", "64M", "1G" (an optional trailing B, any case)."""
    t = text.strip().upper().removesuffix("B")
    unit = t[-1:] if t[-1:] in ("K", "M", "G") else ""
    number = t[: len(t) - len(unit)]
    if not number.isdigit() or int(number) == 0:
        raise ValueError(f"{text!r} is not a size (e.g. 2M, 512K, 1G)")
    return int(number) * _UNITS[unit]


def _size(ctx: click.Context, param: click.Parameter, value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from e


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as e:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from e


def _mib(n: int) -> str:
    return f"{n / (1 << 20):.0f} MiB"


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=str)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Output folder: documents/, events/, evidence/, duplicates/ as Parquet. A re-run into "
                   "the same folder skips finished shards.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Local worker processes (default: one per core). Ignored with --scheduler.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Address of a running Dask scheduler (tcp://host:8786) instead of a local cluster.")
@click.option("--shard-size", default=str(DEFAULT_SHARD_SIZE), callback=_size, metavar="SIZE",
              show_default=True, help="Bytes of input per shard (e.g. 2M, 64M); large JSONL files are split.")
@click.option("--db", default=None, metavar="URL",
              help="Also store the coded documents and their events in the store at URL, as `marsad ingest` "
                   "does (unchanged documents are left as they are).")
@click.option("--published", callback=_date, default=None, metavar="DATE",
              help="Publication date (YYYY-MM-DD) for documents that lack one.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out events below this confidence.")
@click.option("--max-chars", type=click.IntRange(min=1), default=5_000_000, show_default=True,
              help="Skip (and report) documents whose text is longer than this.")
@click.option("--no-dedup", is_flag=True,
              help="Code near-duplicate copies too (repeated ids are still skipped).")
@click.option("--dedup-threshold", type=click.FloatRange(0.1, 1.0), default=DEFAULT_THRESHOLD,
              show_default=True,
              help="Estimated Jaccard similarity of word 4-grams at which a text is a copy.")
@click.option("--dedup-window", type=click.IntRange(min=1), default=DEFAULT_WINDOW, show_default=True,
              help="Distinct articles kept in the near-duplicate index; a copy further back in the input "
                   "than this is not found.")
@click.option("-q", "--quiet", is_flag=True, help="Do not report skipped documents or progress on stderr.")
def batch(inputs: tuple[str, ...], out: str, workers: int | None, scheduler: str | None, shard_size: int,
          db: str | None, published: dt.date | None, min_confidence: float, max_chars: int, no_dedup: bool,
          dedup_threshold: float, dedup_window: int, quiet: bool) -> None:
    """Code INPUTs (files or folders) on a Dask cluster into partitioned Parquet under --out.

    Near-duplicate articles (syndicated copies) are coded once: the first is coded, the others are
    listed in duplicates/. The events equal those of `marsad extract` on the same inputs.
    """
    from .engine import BatchError, BatchOptions, run_batch
    from .store import load_store

    def say(message: str) -> None:
        if not quiet:
            click.echo(f"marsad: {message}", err=True)

    options = BatchOptions(out=out, workers=workers or os.cpu_count() or 1, scheduler=scheduler,
                           shard_size=shard_size, max_chars=max_chars, published=published,
                           min_confidence=min_confidence, dedup=not no_dedup, threshold=dedup_threshold,
                           dedup_window=dedup_window)
    try:
        result = run_batch(inputs, options, on_skip=lambda m: say(f"skipped {m}"), on_progress=say)
    except BatchError as e:
        raise click.ClickException(str(e)) from e
    say(f"{result.coded} documents coded ({result.copies} copies and {result.repeated_ids} repeated ids "
        f"not coded, {result.skipped} skipped), {result.events} events, {result.shards} shards "
        f"({result.shards_reused} steps reused) in {result.seconds:.1f} s; peak memory: driver "
        f"{_mib(result.driver_peak_rss)}"
        + ("; workers " + ", ".join(_mib(v) for v in result.worker_peak_rss.values())
           if result.worker_peak_rss else ""))
    if db:
        c = load_store(out, db)
        say(f"stored in {db}: {c.added} documents added, {c.replaced} replaced, {c.unchanged} unchanged, "
            f"{c.duplicates} duplicates; {c.reports} event reports, {c.near_duplicates} near-duplicate "
            "documents")
    sys.exit(1 if result.skipped else 0)
