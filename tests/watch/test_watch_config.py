"""The feeds file: defaults, per-feed settings, and every mistake reported with where it is."""

from __future__ import annotations

import pytest

from marsad.watch.config import ConfigError, FeedSettings, load_config, parse_config


def test_config_reads_yaml_defaults_and_overrides(tmp_path):
    path = tmp_path / "feeds.yaml"
    path.write_text("""
db: sqlite:///x.db
per_host: 3
defaults: {interval: 60, retries: 0}
feeds:
  - http://127.0.0.1:8000/rss.xml
  - url: http://127.0.0.1:8001/sitemap.xml
    interval: 30
    publisher: " وكالة الأنباء "
""", encoding="utf-8")
    cfg = load_config(path)
    assert (cfg.db, cfg.per_host, cfg.delay, cfg.concurrency) == ("sqlite:///x.db", 3, 1.0, 16)
    assert cfg.feeds[0].settings == FeedSettings(interval=60, retries=0)
    assert cfg.feeds[1].settings == FeedSettings(interval=30, retries=0)
    assert (cfg.feeds[0].publisher, cfg.feeds[1].publisher) == (None, "وكالة الأنباء")


@pytest.mark.parametrize("raw, message", [
    ([], "expected a mapping"),
    ({}, "'feeds' must be a non-empty list"),
    ({"feeds": []}, "'feeds' must be a non-empty list"),
    ({"feeds": ["ftp://127.0.0.1/x"]}, "feed 1: 'ftp://127.0.0.1/x' is not an http(s) URL"),
    ({"feeds": ["http://127.0.0.1/a", "http://127.0.0.1/a"]}, "feed 2: http://127.0.0.1/a is listed twice"),
    ({"feeds": [{"link": "http://127.0.0.1/a"}]}, "feed 1: expected a URL or a mapping with 'url'"),
    ({"feeds": [{"url": "http://127.0.0.1/a", "every": 5}]}, "feed 1: unknown setting(s) every"),
    ({"feeds": ["http://127.0.0.1/a"], "defaults": {"timeout": 0}}, "defaults: timeout: must be at least"),
    ({"feeds": ["http://127.0.0.1/a"], "defaults": {"retries": 1.5}}, "retries: expected an integer"),
    ({"feeds": ["http://127.0.0.1/a"], "defaults": {"interval": "hourly"}}, "interval: expected a number"),
    ({"feeds": ["http://127.0.0.1/a"], "per_host": 0}, "per_host: must be at least 1"),
    ({"feeds": ["http://127.0.0.1/a"], "proxy": "x"}, "unknown key(s) proxy"),
])
def test_config_rejects_mistakes(raw, message):
    with pytest.raises(ConfigError) as e:
        parse_config(raw, "f.yaml")
    assert message in str(e.value)


@pytest.mark.parametrize("text, message", [
    ("feeds: [http://127.0.0.1/a\n", "not valid YAML"),
    (None, "cannot read"),
])
def test_config_load_errors(tmp_path, text, message):
    path = tmp_path / "feeds.yaml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config(path)
    assert message in str(e.value)
