"""What a feed lists: article links from RSS 2.0, RSS 1.0 (RDF), Atom and sitemaps (`<urlset>`, with
Google News extensions), and child sitemaps from a `<sitemapindex>`.

Parsed with lxml (already installed for trafilatura): entities are not resolved and nothing is fetched,
so a hostile feed cannot read files or expand into gigabytes. A feed that is not well-formed is parsed
again in lxml's recovery mode, since real feeds often carry an unescaped `&`; what could be read is used
and the fault is reported in `FeedParse.error`.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

MAX_ENTRIES = 50_000  # the sitemap protocol's own limit per file


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as the document's `published`


@dataclass
class FeedParse:
    kind: str  # "rss", "atom", "rdf", "urlset", "sitemapindex", or "" when nothing was recognised
    entries: list[FeedEntry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # children of a sitemap index
    error: str | None = None  # malformed or unrecognised; entries hold whatever could be read


def _parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(recover=recover, resolve_entities=False, no_network=True, huge_tree=False,
                           remove_comments=True, remove_pis=True)


def parse_feed(body: bytes, base_url: str) -> FeedParse:
    """The entries of the feed BODY fetched from BASE_URL (relative links resolved against it)."""
    error = None
    try:
        root = etree.fromstring(body, _parser(False))
    except etree.XMLSyntaxError as e:
        error = f"malformed XML: {e}"
        try:
            root = etree.fromstring(body, _parser(True))
        except etree.XMLSyntaxError:
            root = None
    if root is None:
        return FeedParse("", error=error or "empty document")
    name = _local(root.tag)
    if name == "rss":
        result = FeedParse("rss", _rss_items(root.iter("{*}item"), base_url))
    elif name == "RDF":
        result = FeedParse("rdf", _rss_items(root.iter("{*}item"), base_url))
    elif name == "feed":
        result = FeedParse("atom", _atom_entries(root, base_url))
    elif name == "urlset":
        result = FeedParse("urlset", _sitemap_urls(root, base_url))
    elif name == "sitemapindex":
        locs = (_url(_text(s, "loc"), base_url) for s in root.iterfind("{*}sitemap"))
        result = FeedParse("sitemapindex", sitemaps=_unique(u for u in locs if u)[:MAX_ENTRIES])
    else:
        return FeedParse("", error=error or f"not a feed or sitemap (root element <{name}>)")
    result.error = error
    return result


def _rss_items(items, base_url: str) -> list[FeedEntry]:
    out = []
    for item in items:
        link = _text(item, "link")
        if not link:
            guid = item.find("{*}guid")
            # a guid is the article's address unless it says isPermaLink="false"
            if guid is not None and guid.get("isPermaLink", "true").lower() != "false":
                link = (guid.text or "").strip()
        link = link or item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
        date = _text(item, "pubDate") or _text(item, "date")  # RSS 2.0 / Dublin Core (RSS 1.0)
        out.append((_url(link, base_url), _text(item, "title"), _iso_date(date)))
    return _entries(out)


def _atom_entries(root, base_url: str) -> list[FeedEntry]:
    out = []
    for entry in root.iterfind("{*}entry"):
        href = None
        for link in entry.iterfind("{*}link"):
            if link.get("rel", "alternate") == "alternate" and link.get("href"):
                href = link.get("href")
                break
        date = _text(entry, "published") or _text(entry, "updated")
        out.append((_url(href, base_url), _text(entry, "title"), _iso_date(date)))
    return _entries(out)


def _sitemap_urls(root, base_url: str) -> list[FeedEntry]:
    out = []
    for node in root.iterfind("{*}url"):
        news = node.find("{*}news")  # Google News sitemap: <news:news><news:title>, publication_date
        title = _text(news, "title") if news is not None else None
        date = (_text(news, "publication_date") if news is not None else None) or _text(node, "lastmod")
        out.append((_url(_text(node, "loc"), base_url), title, _iso_date(date)))
    return _entries(out)


def _entries(rows) -> list[FeedEntry]:
    seen: set[str] = set()
    out = []
    for url, title, published in rows:
        if url and url not in seen:
            seen.add(url)
            out.append(FeedEntry(url, title, published))
            if len(out) >= MAX_ENTRIES:
                break
    return out


def _unique(urls) -> list[str]:
    return list(dict.fromkeys(urls))


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(node, name: str) -> str | None:
    child = node.find("{*}" + name)
    if child is None:
        return None
    value = " ".join("".join(child.itertext()).split())
    return value or None


def _url(value: str | None, base_url: str) -> str | None:
    """An absolute http(s) URL without its fragment, or None."""
    if not value:
        return None
    url = urldefrag(urljoin(base_url, value.strip()))[0]
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def _iso_date(value: str | None) -> str | None:
    """ISO 8601 text of a feed date: RFC 822 (RSS) or ISO 8601 / W3C-DTF (Atom, sitemaps); None when
    unreadable (a page's own date may still be found)."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) <= 10:
            return dt.date.fromisoformat(value).isoformat()
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None
