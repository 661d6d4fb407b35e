"""Live feeds into the store: `marsad watch FEEDS.yaml` (see `commands`).

`config` reads the feeds file, `feeds` parses RSS/Atom/sitemaps, `fetch` is the polite HTTP client,
`state` the watch's tables in the store, `sink` writes pages through the store's ingest path, `run`
is the scheduler.
"""
