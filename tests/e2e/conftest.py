"""End-to-end: the real server (uvicorn, in a thread) over the seeded store, driven by Debian's chromium
through Playwright with real clicks. Screenshots go to tests/e2e/screenshots/ (git-ignored)."""

import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from api.seed import seed_store  # tests/ is on sys.path (rootdir of the tests packages)

from marsad.api_server import Settings, create_app
from marsad.store.db import open_engine

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'marsad.db'}"
    engine = open_engine(url)
    seed_store(engine)
    engine.dispose()
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(Settings(db_url=url)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")  # not session: a live Playwright loop breaks later asyncio.run() tests
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(server_url)
    pg.wait_for_selector("body[data-ready='1']", timeout=15000)
    yield pg
    context.close()
    assert errors == [], errors


@pytest.fixture
def shot():
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        print(f"screenshot: {path}")
        return path

    return take
