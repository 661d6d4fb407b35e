"""Feed parsing: RSS 2.0, RSS 1.0, Atom, sitemaps and indexes, relative links, dates, malformed input."""

from __future__ import annotations

import pytest

from marsad.watch.feeds import FeedEntry, parse_feed

BASE = "http://127.0.0.1:8000/feeds/main.xml"
RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار</title>
<item><title>غارة على بلدة</title><link>http://127.0.0.1:8000/a/1</link>
<pubDate>Tue, 05 Mar 2024 08:00:00 +0300</pubDate></item>
<item><title>اشتباكات</title><guid isPermaLink="true">/a/2#comments</guid></item>
<item><title>بلا رابط</title><guid isPermaLink="false">tag-3</guid></item>
<item><title>مكرر</title><link>http://127.0.0.1:8000/a/1</link></item>
<item><title>بريد</title><link>mailto:desk@example.org</link></item>
</channel></rss>"""
RDF = """<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<item rdf:about="http://127.0.0.1:8000/r/1"><title>تظاهرة</title><dc:date>2024-03-04</dc:date></item></rdf:RDF>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>ب</title>
<entry><title>انفجار</title><link rel="self" href="/x/self"/><link href="x/1"/>
<published>2024-03-03T10:00:00Z</published></entry>
<entry><title>قصف</title><link rel="alternate" type="text/html" href="http://127.0.0.1:9/x/2"/>
<updated>2024-03-02T07:15:00+02:00</updated></entry></feed>"""
URLSET = """<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>http://127.0.0.1:8000/s/1</loc><news:news><news:title>كمين</news:title>
<news:publication_date>2024-03-01T06:00:00+03:00</news:publication_date></news:news></url>
<url><loc>http://127.0.0.1:8000/s/2</loc><lastmod>2024-02-28</lastmod></url></urlset>"""
INDEX = """<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>/sm/1.xml</loc></sitemap><sitemap><loc>/sm/2.xml</loc></sitemap>
<sitemap><loc>/sm/1.xml</loc></sitemap></sitemapindex>"""


@pytest.mark.parametrize("body, kind, entries", [
    (RSS, "rss", [FeedEntry("http://127.0.0.1:8000/a/1", "غارة على بلدة", "2024-03-05T08:00:00+03:00"),
                  FeedEntry("http://127.0.0.1:8000/a/2", "اشتباكات", None)]),
    (RDF, "rdf", [FeedEntry("http://127.0.0.1:8000/r/1", "تظاهرة", "2024-03-04")]),
    (ATOM, "atom", [FeedEntry("http://127.0.0.1:8000/feeds/x/1", "انفجار", "2024-03-03T10:00:00+00:00"),
                    FeedEntry("http://127.0.0.1:9/x/2", "قصف", "2024-03-02T07:15:00+02:00")]),
    (URLSET, "urlset", [FeedEntry("http://127.0.0.1:8000/s/1", "كمين", "2024-03-01T06:00:00+03:00"),
                        FeedEntry("http://127.0.0.1:8000/s/2", None, "2024-02-28")]),
])
def test_feeds_parse_entries(body, kind, entries):
    parsed = parse_feed(body.encode("utf-8"), BASE)
    assert (parsed.kind, parsed.entries, parsed.sitemaps, parsed.error) == (kind, entries, [], None)


def test_feeds_parse_sitemap_index_children():
    parsed = parse_feed(INDEX.encode(), BASE)
    assert (parsed.kind, parsed.entries) == ("sitemapindex", [])
    assert parsed.sitemaps == ["http://127.0.0.1:8000/sm/1.xml", "http://127.0.0.1:8000/sm/2.xml"]


@pytest.mark.parametrize("body, kind, n_entries, error", [
    # an unescaped & in a title: recovered, the fault reported
    (RSS.replace("غارة على بلدة", "غارة & قصف"), "rss", 2, "malformed XML"),
    (RSS[:RSS.index("<item><title>اشتباكات") + 20], "rss", 1, "malformed XML"),  # cut off in item 2
    ("<html><body><p>الصفحة غير موجودة</p></body></html>", "", 0,
     "not a feed or sitemap (root element <html>)"),
    ("", "", 0, "malformed XML"),
    ("ليس XML على الإطلاق", "", 0, "malformed XML"),
])
def test_feeds_parse_malformed(body, kind, n_entries, error):
    parsed = parse_feed(body.encode("utf-8"), BASE)
    assert (parsed.kind, len(parsed.entries)) == (kind, n_entries)
    assert parsed.error is not None and parsed.error.startswith(error)


def test_feeds_parse_ignores_external_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("سر", encoding="utf-8")
    body = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
            "<rss><channel><item><title>&x;</title><link>http://127.0.0.1/a</link></item></channel></rss>")
    parsed = parse_feed(body.encode(), BASE)
    assert [e.url for e in parsed.entries] == ["http://127.0.0.1/a"]
    assert parsed.entries[0].title != "سر"
