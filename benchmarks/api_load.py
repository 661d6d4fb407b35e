"""API under load: filtered GET /api/events at N concurrent clients on a store of many synthetic events.

    .venv/bin/python benchmarks/api_load.py                       # SQLite, 200,000 events, 50 clients, 20 s
    .venv/bin/python benchmarks/api_load.py --warmup 10           # steady state: cache warmed first
    .venv/bin/python benchmarks/api_load.py --no-cache            # every answer made (cache off)
    .venv/bin/python benchmarks/api_load.py --db postgresql+psycopg://marsad:marsad@127.0.0.1:5432/marsad_bench

1. Builds the store (once; `--rebuild` to start again) by bulk insert: events with one document, one
   report and two evidence spans each, spread over MENA countries, types and ten years of dates; then
   ANALYZE (PostgreSQL: VACUUM ANALYZE, as autovacuum would in time).
2. Starts `uvicorn marsad.api_server.main:create_app` on 127.0.0.1 (a free port) in its own process(es),
   with uvloop and httptools, no access log.
3. Runs a load generator bounded in time against loopback only: Debian's `wrk` with a Lua script cycling
   through a few hundred filtered URLs (country, dates, type, sub-type, bbox, minimum fatalities or
   confidence, sort), or an asyncio httpx client when wrk is missing; `--text` adds actor / free-text
   filters (unindexed substring search). `--warmup S` runs S seconds of the same load first, unmeasured.
4. Prints p50/p95/p99 latency, throughput, errors (non-2xx, socket errors) and the share of answers the
   service served from its cache (its `x-cache` header), as JSON with `--json`; each run's figures also go
   to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from urllib.parse import urlencode

from sqlalchemy import delete, func, insert, select

from marsad.store import models as m
from marsad.store.db import open_engine
from marsad.store.event_json import fill_records

# country -> (admin1 areas, west, south, east, north)
COUNTRIES = {
    "Syria": (
        ["Aleppo", "Idleb", "Hama", "Homs", "Damascus", "Deir ez Zor", "Ar Raqqa", "Dara"],
        35.7,
        32.3,
        42.4,
        37.3,
    ),
    "Iraq": (
        ["Baghdad", "Basrah", "Ninewa", "Anbar", "Kirkuk", "Diyala", "Salah al Din"],
        38.8,
        29.1,
        48.6,
        37.4,
    ),
    "Yemen": (["Marib", "Taizz", "Al Hudaydah", "Sanaa", "Aden", "Sadah", "Al Jawf"], 42.6, 12.6, 53.1, 19.0),
    "Libya": (["Tripoli", "Benghazi", "Misrata", "Sirte", "Sabha", "Derna"], 9.4, 19.5, 25.0, 33.2),
    "Egypt": (["North Sinai", "Cairo", "Giza", "Alexandria", "Minya"], 24.7, 22.0, 36.9, 31.7),
    "Lebanon": (["Beirut", "South Lebanon", "Bekaa", "North Lebanon"], 35.1, 33.05, 36.6, 34.7),
    "Palestine": (["Gaza Strip", "West Bank"], 34.2, 31.2, 35.6, 32.6),
    "Sudan": (["Khartoum", "North Darfur", "South Kordofan", "Blue Nile"], 21.8, 8.7, 38.6, 22.0),
}
TYPES = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": [
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
    ],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Arrests", "Looting/property destruction", "Agreement"],
}
ACTORS = [
    "Military Forces of Syria (2000-)",
    "Islamic State (Syria)",
    "Hayat Tahrir al Sham",
    "Houthi Movement",
    "Military Forces of Russia (2000-)",
    "Popular Mobilization Forces",
    "Rapid Support Forces",
    "Protesters (Iraq)",
    "Civilians (Syria)",
    "Unidentified Armed Group (Yemen)",
]
ACTORS_AR = [
    "قوات النظام",
    "تنظيم الدولة",
    "هيئة تحرير الشام",
    "جماعة الحوثي",
    "القوات الروسية",
    "الحشد الشعبي",
    "قوات الدعم السريع",
    "المتظاهرين",
    "مدنيين",
    "مسلحون مجهولون",
]
EVENT_WORDS = ["غارة جوية", "قصف مدفعي", "اشتباكات عنيفة", "انفجار عبوة ناسفة", "مظاهرة", "هجوم مسلح"]
START = dt.date(2015, 1, 1)
DAYS = 3650
CHUNK = 10_000


def _rows(n: int, first: int, rng: random.Random):
    """Rows for events FIRST..FIRST+N-1: documents, events, reports, links, evidence."""
    docs, events, reports, links, evidence = [], [], [], [], []
    now = dt.datetime(2025, 1, 1)
    countries = list(COUNTRIES)
    for pk in range(first, first + n):
        country = rng.choice(countries)
        admins, west, south, east, north = COUNTRIES[country]
        etype = rng.choice(list(TYPES))
        a1, a2 = rng.randrange(len(ACTORS)), rng.randrange(len(ACTORS))
        word = rng.choice(EVENT_WORDS)
        text = f"أفادت مصادر محلية بوقوع {word} نفذته {ACTORS_AR[a1]} ضد {ACTORS_AR[a2]} في المنطقة رقم {pk}."
        date = START + dt.timedelta(days=rng.randrange(DAYS))
        doc_id = f"bench-{pk}"
        placed = rng.random() > 0.05
        acled = dict(
            event_date=date,
            time_precision=1,
            disorder_type="Political violence",
            event_type=etype,
            sub_event_type=rng.choice(TYPES[etype]),
            actor1=ACTORS[a1],
            actor2=ACTORS[a2],
            country=country,
            admin1=rng.choice(admins),
            location=f"Place {pk % 5000}",
            latitude=round(rng.uniform(south, north), 4) if placed else None,
            longitude=round(rng.uniform(west, east), 4) if placed else None,
            geo_precision=1 if placed else None,
            source="Bench News",
            source_scale="National",
            notes=f"Synthetic event {pk} for the load benchmark.",
            fatalities=int(rng.paretovariate(1.5)) - 1 if rng.random() < 0.6 else 0,
            confidence=round(rng.uniform(0.3, 1.0), 3),
            region="Middle East",
            tags="",
            inter1="",
            inter2="",
            interaction="",
            civilian_targeting="",
            assoc_actor_1="",
            assoc_actor_2="",
        )
        docs.append(
            dict(
                id=pk,
                doc_id=doc_id,
                content_hash=f"{pk:064x}",
                text_hash=f"{pk:064x}",
                published=date,
                url=f"https://example.org/{pk}",
                title=f"خبر {pk}",
                publisher="Bench",
                source="Bench News",
                language="ar",
                text=text,
                n_events=1,
                cluster_id=None,
                ingested_at=now,
            )
        )
        events.append(dict(id=pk, event_id=f"BENCH{pk}", doc_ids=doc_id, n_sources=1, **acled))
        reports.append(dict(id=pk, document_pk=pk, event_pk=pk, report_id=f"BENCH{pk}", **acled))
        links.append(dict(event_pk=pk, document_pk=pk))
        start = text.index(word)
        evidence.append(
            dict(report_pk=pk, field="event", doc_id=doc_id, start=start, end=start + len(word), text=word)
        )
        start = text.index(ACTORS_AR[a1])
        evidence.append(
            dict(
                report_pk=pk,
                field="actor1",
                doc_id=doc_id,
                start=start,
                end=start + len(ACTORS_AR[a1]),
                text=ACTORS_AR[a1],
            )
        )
    return docs, events, reports, links, evidence


def build_store(url: str, n: int, rebuild: bool) -> int:
    engine = open_engine(url)
    with engine.connect() as conn:
        have = conn.scalar(select(func.count()).select_from(m.Event.__table__))
    if have >= n and not rebuild:
        with engine.begin() as conn:  # a store built before revision 0005 gets its events' JSON
            filled = fill_records(conn)
        print(f"store: {have} events already in {url} ({filled} serialised now)", file=sys.stderr)
        return have
    t0 = time.perf_counter()
    rng = random.Random(7)
    with engine.begin() as conn:
        for table in (m.Evidence, m.EventDocument, m.Report, m.Event, m.Document):
            conn.execute(delete(table.__table__))
    tables = [
        m.Document.__table__,
        m.Event.__table__,
        m.Report.__table__,
        m.EventDocument.__table__,
        m.Evidence.__table__,
    ]
    for first in range(1, n + 1, CHUNK):
        batches = _rows(min(CHUNK, n + 1 - first), first, rng)
        with engine.begin() as conn:
            for table, rows in zip(tables, batches, strict=True):
                conn.execute(insert(table), rows)
            fill_records(conn)  # as the store's writer does before each commit
    # Statistics for the planner; on PostgreSQL also the visibility map (VACUUM, outside a transaction),
    # without which counts cannot be answered from an index alone, as autovacuum would do in time.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE" if engine.dialect.name == "sqlite" else "VACUUM ANALYZE")
    print(f"store: built {n} events in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    engine.dispose()
    return n


def filtered_paths(count: int, rng: random.Random, text: bool) -> list[str]:
    """COUNT different filtered /api/events URLs, the kind a dashboard user makes."""
    paths = []
    for _ in range(count):
        country = rng.choice(list(COUNTRIES))
        admins, west, south, east, north = COUNTRIES[country]
        etype = rng.choice(list(TYPES))
        d0 = START + dt.timedelta(days=rng.randrange(DAYS - 400))
        d1 = d0 + dt.timedelta(days=rng.choice([7, 30, 90, 365]))
        kind = rng.randrange(8 + (2 if text else 0))
        p: dict[str, object] = {}
        if kind == 0:
            p = {"country": country}
        elif kind == 1:
            p = {"country": country, "date_from": d0, "date_to": d1}
        elif kind == 2:
            p = {"event_type": etype, "date_from": d0, "date_to": d1}
        elif kind == 3:
            p = {"country": country, "event_type": etype}
        elif kind == 4:
            p = {"min_fatalities": rng.choice([5, 10, 50]), "sort": "-fatalities"}
        elif kind == 5:
            w = rng.uniform(west, east - 1)
            s = rng.uniform(south, north - 1)
            p = {"bbox": f"{w:.2f},{s:.2f},{w + 1:.2f},{s + 1:.2f}"}
        elif kind == 6:
            p = {"sub_event_type": rng.choice(TYPES[etype]), "country": country, "min_confidence": 0.5}
        elif kind == 7:
            p = {
                "admin1": rng.choice(admins),
                "date_from": d0,
                "sort": rng.choice(["-event_date", "event_date"]),
            }
        elif kind == 8:
            p = {"actor": rng.choice(["Houthi", "Islamic State", "الحشد"]), "country": country}
        else:
            p = {"q": rng.choice(["غارة", "Synthetic event 12", "قصف"]), "date_from": d0, "date_to": d1}
        p["limit"] = rng.choice([20, 50])
        if rng.random() < 0.3:
            p["offset"] = rng.choice([20, 50, 100])
        paths.append("/api/events?" + urlencode(p))
    return paths


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, port: int, workers: int, cache: bool = True) -> subprocess.Popen:
    env = dict(os.environ, MARSAD_DB=url)
    env.pop("MARSAD_API_TOKEN", None)
    if not cache:
        env["MARSAD_API_CACHE"] = "0"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "marsad.api_server.main:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
            "--loop",
            "uvloop",
            "--http",
            "httptools",
        ],
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("server did not start")


WRK_LUA = """
local paths = %s
local i = 0
hits = 0  -- a global: done() reads it from each thread with thread:get
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
end
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
-- The service says whether it answered from its cache (x-cache: hit / miss): count the hits.
response = function(status, headers, body)
  if headers["x-cache"] == "hit" or headers["X-Cache"] == "hit" then
    hits = hits + 1
  end
end
done = function(summary, latency, requests)
  local e = summary.errors
  local all_hits = 0
  for _, t in ipairs(threads) do
    all_hits = all_hits + t:get("hits")
  end
  io.write(string.format('WRK_RESULT {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p95_us": %%d, ' ..
    '"p99_us": %%d, "max_us": %%d, "status_errors": %%d, "socket_errors": %%d, "hits": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write + e.timeout, all_hits))
end
"""


def run_wrk(port: int, paths: list[str], clients: int, duration: int, threads: int) -> dict:
    lua = WRK_LUA % ("{" + ",".join(json.dumps(p) for p in paths) + "}")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(lua)
    try:
        out = subprocess.run(
            [
                "wrk",
                "-t",
                str(threads),
                "-c",
                str(clients),
                "-d",
                f"{duration}s",
                "--timeout",
                "10s",
                "-s",
                f.name,
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            timeout=duration + 60,
        )
    finally:
        os.unlink(f.name)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("WRK_RESULT ")), None)
    if line is None:
        raise SystemExit(f"wrk failed: {out.stdout}\n{out.stderr}")
    r = json.loads(line[len("WRK_RESULT ") :])
    secs = r["duration_us"] / 1e6
    return {
        "tool": "wrk",
        "requests": r["requests"],
        "seconds": round(secs, 1),
        "rps": round(r["requests"] / secs, 1),
        "p50_ms": r["p50_us"] / 1000,
        "p95_ms": r["p95_us"] / 1000,
        "p99_ms": r["p99_us"] / 1000,
        "max_ms": r["max_us"] / 1000,
        "errors": r["status_errors"] + r["socket_errors"],
        "cache_hit_rate": round(r["hits"] / max(1, r["requests"]), 4),
    }


async def _httpx_load(port: int, paths: list[str], clients: int, duration: int) -> dict:
    import httpx

    latencies: list[float] = []
    errors = hits = 0
    deadline = time.monotonic() + duration
    counter = iter(range(10**9))

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors, hits
        while time.monotonic() < deadline:
            path = paths[next(counter) % len(paths)]
            t0 = time.perf_counter()
            try:
                r = await http.get(path)
                if r.status_code != 200:
                    errors += 1
                hits += r.headers.get("x-cache") == "hit"
            except httpx.HTTPError:
                errors += 1
            latencies.append(time.perf_counter() - t0)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    t0 = time.perf_counter()
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=10) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    secs = time.perf_counter() - t0
    latencies.sort()

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000, 2)

    return {
        "tool": "httpx",
        "requests": len(latencies),
        "seconds": round(secs, 1),
        "rps": round(len(latencies) / secs, 1),
        "p50_ms": pct(50),
        "p95_ms": pct(95),
        "p99_ms": pct(99),
        "max_ms": round(latencies[-1] * 1000, 2),
        "errors": errors,
        "cache_hit_rate": round(hits / max(1, len(latencies)), 4),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--db", default="sqlite:///" + os.path.join(tempfile.gettempdir(), "marsad-bench", "bench.db")
    )
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=int, default=20, help="seconds of load (bounded)")
    ap.add_argument("--workers", type=int, default=2, help="server processes")
    ap.add_argument("--threads", type=int, default=1, help="wrk threads")
    ap.add_argument("--text", action="store_true", help="add actor and free-text (substring) filters")
    ap.add_argument("--tool", choices=["auto", "wrk", "httpx"], default="auto")
    ap.add_argument("--warmup", type=int, default=0, help="seconds of unmeasured load first")
    ap.add_argument("--paths", type=int, default=400, help="distinct filtered URLs the clients cycle through")
    ap.add_argument("--no-cache", action="store_true", help="turn the answer cache off (MARSAD_API_CACHE=0)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.db.startswith("sqlite:///"):
        os.makedirs(os.path.dirname(args.db[len("sqlite:///") :]) or ".", exist_ok=True)
    total = build_store(args.db, args.events, args.rebuild)
    paths = filtered_paths(args.paths, random.Random(11), args.text)
    port = _free_port()
    server = start_server(args.db, port, args.workers, cache=not args.no_cache)
    try:
        tool = args.tool if args.tool != "auto" else ("wrk" if shutil.which("wrk") else "httpx")
        for seconds in ([args.warmup] if args.warmup else []) + [args.duration]:
            if tool == "wrk":
                result = run_wrk(port, paths, args.clients, seconds, args.threads)
            else:
                result = asyncio.run(_httpx_load(port, paths, args.clients, seconds))
            print(f"  {seconds} s: {result}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
    dialect = args.db.split(":", 1)[0]
    result = {
        "store": dialect,
        "events": total,
        "clients": args.clients,
        "workers": args.workers,
        "text_filters": args.text,
        "cache": not args.no_cache,
        "warmup_s": args.warmup,
        "paths": args.paths,
        **result,
        "load_average": os.getloadavg(),  # the machine's load as the run ended (the server and wrk included)
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['store']}: {total} events, {args.clients} clients, {args.workers} workers, "
            f"{result['tool']}, {result['seconds']} s: {result['requests']} requests ({result['rps']}/s), "
            f"p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms, "
            f"max {result['max_ms']:.1f} ms, errors {result['errors']}, "
            f"cache {'on' if result['cache'] else 'off'} (hit rate {result.get('cache_hit_rate', '?')}), "
            f"load average {' '.join(f'{x:.2f}' for x in result['load_average'])}"
        )


if __name__ == "__main__":
    main()
