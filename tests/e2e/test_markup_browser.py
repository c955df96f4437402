"""Finding 8 of issue 10 in a real headless Chromium: hostile names make the browser fetch nothing.

A project store whose wijk names, a write-in and an organisation are Markdown images and HTML tags
pointing at a small HTTP server on localhost that records every request
(:func:`tests.privacy.test_markup_attacks.make_hostile_store`). A researcher signs in, switches the
real names on and opens the network map, key figures and the name-linking queue of "Gegevens
importeren". The recording server must see no request, and the browser must ask for none of its URLs.
Screenshots go to ``screenshots/`` (gitignored).
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.e2e.test_browser import CHROMIUM, SCREENSHOTS, _free_port, _require_browser, running_app
from tests.privacy.test_markup_attacks import make_hostile_store

pytestmark = pytest.mark.browser
PASSWORD = "lange zin als wachtwoord"


class _Recorder(BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.seen.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    _require_browser()
    from wijknet.access import add_user

    port = _free_port()
    recorder = ThreadingHTTPServer(("127.0.0.1", port), _Recorder)
    thread = threading.Thread(target=recorder.serve_forever, daemon=True)
    thread.start()
    base = tmp_path_factory.mktemp("e2e-markup")
    store = base / "store"
    bad = make_hostile_store(store, base / "files", port=port)
    add_user(store, "anna", "onderzoeker", PASSWORD, by="test")
    try:
        with running_app(store, base) as url:
            yield url, port, bad
    finally:
        recorder.shutdown()
        recorder.server_close()


def _settle(page) -> None:
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000
    )
    page.wait_for_timeout(1500)


def test_hostile_names_fetch_nothing(hostile_server):
    from playwright.sync_api import sync_playwright

    url, port, bad = hostile_server
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])  # fmt: skip
        context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="nl-NL")
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        try:
            page.goto(url, wait_until="domcontentloaded")
            page.get_by_label("Gebruikersnaam").fill("anna")
            page.get_by_label("Wachtwoord").fill(PASSWORD)
            page.get_by_role("button", name="Aanmelden").click()
            page.get_by_role("heading", name="Netwerkkaart", level=1).wait_for(timeout=90_000)
            page.get_by_text("Echte namen tonen").click()
            _settle(page)
            # The wijk name is in the page's caption, as text (an invisible word joiner keeps its URL from
            # becoming a link).
            assert (
                page.get_by_text(bad["wijk"].replace("http", "http\u2060"), exact=False).count()
                >= 1
            )
            for link in ("Kengetallen", "Gegevens importeren"):
                page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=link).click()
                page.get_by_role("heading", name=link, level=1).wait_for(timeout=90_000)
                _settle(page)
                assert page.locator('[data-testid="stException"]').count() == 0
            page.get_by_role("heading", name="Namen koppelen").wait_for(timeout=60_000)
            # The write-in of the queue is shown as its characters; no <img> from it is in the page.
            assert (
                page.get_by_text(bad["write_in"].replace("http", "http\u2060"), exact=False).count()
                >= 1
            )
            assert page.locator(f'img[src*="127.0.0.1:{port}"]').count() == 0
            assert (
                page.locator(f'a[href*="127.0.0.1:{port}"]').count() == 0
            )  # no link to click either
            SCREENSHOTS.mkdir(exist_ok=True)
            page.get_by_role("heading", name="Namen koppelen").evaluate(
                "e => e.scrollIntoView({block: 'start'})"
            )
            page.wait_for_timeout(800)
            page.screenshot(path=str(SCREENSHOTS / "gegevens-vijandige-namen.png"))
        finally:
            page.close()
            context.close()
            browser.close()
    assert _Recorder.seen == [], f"the browser fetched {_Recorder.seen}"
    assert not [u for u in requests if f"127.0.0.1:{port}" in u], requests
