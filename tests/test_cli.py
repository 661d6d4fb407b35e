"""The command line contract, run for real in a subprocess (../shared/contract/README.md)."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

SCHEMA = json.loads((Path(__file__).parent / "event.schema.json").read_text(encoding="utf-8"))
MARSAD = [sys.executable, "-m", "marsad.cli"]

ARTICLE = (
    "قُتل خمسة مدنيين، أمس، في غارة جوية شنتها طائرات حربية روسية على بلدة خان شيخون في ريف إدلب "
    "الجنوبي، بحسب المرصد السوري لحقوق الإنسان."
)


def run(*args, stdin=None):
    return subprocess.run(MARSAD + list(args), capture_output=True, text=True, input=stdin, timeout=120)


def write_jsonl(path, rows):
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows),
        encoding="utf-8",
    )


@pytest.fixture
def articles(tmp_path):
    p = tmp_path / "in.jsonl"
    write_jsonl(p, [{"id": "a1", "text": ARTICLE, "published": "2019-03-07"}])
    return p


def test_cli_extract_jsonl_matches_schema_and_evidence(articles, tmp_path):
    out = tmp_path / "out.jsonl"
    p = run("extract", str(articles), "-o", str(out))
    assert p.returncode == 0, p.stderr
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(events) == 1
    e = events[0]
    jsonschema.validate(e, SCHEMA)
    assert (e["event_type"], e["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert e["event_date"] == "2019-03-06"
    assert e["fatalities"] == 5
    assert e["country"] == "Syria"
    assert e["doc_ids"] == ["a1"]
    for ev in e["evidence"]:
        assert ARTICLE[ev["start"] : ev["end"]] == ev["text"]
    fields = {ev["field"] for ev in e["evidence"]}
    assert {"event", "event_date", "fatalities", "location", "actor1"} <= fields


def test_cli_bad_lines_reported_and_rest_processed(tmp_path):
    p_in = tmp_path / "mixed.jsonl"
    write_jsonl(
        p_in,
        [
            {"id": "ok1", "text": ARTICLE, "published": "2019-03-07"},
            "{not json",
            {"text": "لا معرف لهذه الوثيقة"},
            {"id": "empty"},
            {"id": "ok2", "text": ARTICLE, "published": "2019-03-07"},
        ],
    )
    out = tmp_path / "out.jsonl"
    p = run("extract", str(p_in), "-o", str(out))
    assert p.returncode == 1
    assert f"{p_in}:2" in p.stderr and f"{p_in}:3" in p.stderr and f"{p_in}:4" in p.stderr
    ids = {d for line in out.read_text(encoding="utf-8").splitlines() for d in json.loads(line)["doc_ids"]}
    assert ids == {"ok1", "ok2"}


def test_cli_stdin_and_csv_and_geojson(articles):
    doc = articles.read_text(encoding="utf-8")
    p = run("extract", "-", "--format", "csv", stdin=doc)
    assert p.returncode == 0, p.stderr
    header = p.stdout.splitlines()[0].split(",")
    assert header[:6] == [
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
        "disorder_type",
        "event_type",
    ]
    assert len(p.stdout.splitlines()) == 2
    g = json.loads(run("extract", "-", "--format", "geojson", stdin=doc).stdout)
    assert g["type"] == "FeatureCollection"
    assert g["features"][0]["geometry"]["type"] == "Point"


def test_cli_usage_error_exit_2():
    assert run("extract").returncode == 2
    assert run("extract", "x.jsonl", "--published", "yesterday").returncode == 2


def test_cli_geoparse_offsets(articles):
    p = run("geoparse", str(articles))
    assert p.returncode == 0, p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert any(r["name_ar"] and "خان شيخون" in r["text"] and r["country"] == "SY" for r in rows)
    for r in rows:
        assert ARTICLE[r["start"] : r["end"]] == r["text"]


def test_cli_clean_prints_main_text(tmp_path):
    p_in = tmp_path / "page.txt"
    p_in.write_text("fbpx\n" + ARTICLE + "\nاظهر المزيد\n", encoding="utf-8")
    p = run("clean", str(p_in))
    assert p.returncode == 0, p.stderr
    row = json.loads(p.stdout)
    assert row["id"] == "page" and row["language"] == "ar"
    assert "fbpx" not in row["text"] and "اظهر المزيد" not in row["text"] and ARTICLE in row["text"]


@pytest.mark.parametrize("command", [["extract"], ["geoparse"], ["clean"], ["gazetteer", "import"], []])
def test_cli_every_command_has_help(command):
    p = run(*command, "--help")
    assert p.returncode == 0
    assert "Usage:" in p.stdout and len(p.stdout.splitlines()) > 3


PAGE = """<html><head><title>غارة على خان شيخون</title>
<meta property="og:site_name" content="موقع مثال"></head><body>
<nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a></nav>
<article><h1>غارة على خان شيخون</h1>
<p>{article}</p>
<p>وأضاف المرصد أن فرق الدفاع المدني انتشلت الضحايا من تحت الأنقاض في وقت لاحق من اليوم نفسه.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_cli_html_evidence_points_into_the_cleaned_main_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(article=ARTICLE), encoding="utf-8")
    cleaned = json.loads(run("clean", str(page)).stdout)
    assert ARTICLE in cleaned["text"] and "جميع الحقوق" not in cleaned["text"]
    p = run("extract", str(page), "--published", "2019-03-07")
    assert p.returncode == 0, p.stderr
    events = [json.loads(line) for line in p.stdout.splitlines()]
    assert [e["sub_event_type"] for e in events] == ["Air/drone strike"]
    for ev in events[0]["evidence"]:
        assert cleaned["text"][ev["start"]:ev["end"]] == ev["text"]
    assert events[0]["source"] == "موقع مثال"


def test_cli_warc_records_are_documents(tmp_path):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for uri, body, ctype in [
            ("https://example.org/a", PAGE.format(article=ARTICLE), "text/html; charset=utf-8"),
            ("https://example.org/logo.png", "\x89PNG....", "image/png"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=BytesIO(body.encode("utf-8")),
                                            http_headers=headers)
            writer.write_record(rec)
    p = run("extract", str(path), "--published", "2019-03-07")
    assert p.returncode == 0, p.stderr
    events = [json.loads(line) for line in p.stdout.splitlines()]
    assert [e["doc_ids"] for e in events] == [["https://example.org/a"]]


def test_cli_output_to_a_fifo_writes_into_it_and_leaves_it_a_fifo(articles, tmp_path):
    # "-o /dev/null" and pipes: a special file is written to, never replaced by a renamed file.
    import os
    import stat
    import threading

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    p = run("extract", str(articles), "-o", str(fifo))
    reader.join(timeout=60)
    assert p.returncode == 0, p.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [json.loads(line)["doc_ids"] for line in received[0].splitlines()] == [["a1"]]
