"""Sign-in of a project store in a real headless Chromium (wijknet.webapp.auth).

A small fictional project store with one account; the sign-in form refuses a
wrong password, lets the right one in, and "Afmelden" shows the form again.
Nothing leaves localhost. Screenshots go to ``screenshots/`` (gitignored).
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.e2e.test_browser import (
    LOCAL_HOSTS,
    SCREENSHOTS,
    _require_browser,
    running_app,
)

pytestmark = pytest.mark.browser
PASSWORD = "lange zin als wachtwoord"


@pytest.fixture(scope="module")
def store_server(tmp_path_factory):
    _require_browser()
    from tests.webapp.test_pages import write_project
    from wijknet.access import add_user
    from wijknet.store import import_files, init_store

    base = tmp_path_factory.mktemp("e2e-sign-in")
    tidy = write_project(base / "tidy")
    store = base / "store"
    init_store(store, title="Teststore (fictief)")
    import_files(store, [tidy / "actors.csv", tidy / "ties.csv"])
    add_user(store, "anna", "onderzoeker", PASSWORD, by="test")
    with running_app(store, base) as url:
        yield url


def test_sign_in_form_refuses_then_admits_then_signs_out(store_server):
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])  # fmt: skip
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL")
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        try:
            page.goto(store_server, wait_until="domcontentloaded")
            page.get_by_role("heading", name="wijknet: aanmelden", level=1).wait_for(timeout=60_000)
            assert page.locator("iframe").count() == 0
            SCREENSHOTS.mkdir(exist_ok=True)
            page.wait_for_timeout(800)
            page.screenshot(path=str(SCREENSHOTS / "aanmelden.png"))
            page.get_by_label("Gebruikersnaam").fill("anna")
            page.get_by_label("Wachtwoord").fill("niet het wachtwoord")
            page.get_by_role("button", name="Aanmelden").click()
            page.get_by_text("Gebruikersnaam of wachtwoord is onjuist.").wait_for(timeout=30_000)
            page.get_by_label("Wachtwoord").fill(PASSWORD)
            page.get_by_role("button", name="Aanmelden").click()
            page.get_by_role("heading", name="Netwerkkaart", level=1).wait_for(timeout=60_000)
            page.get_by_text("Aangemeld als").wait_for(timeout=30_000)
            assert page.get_by_role("link", name="Auditlog").count() == 1
            page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Afmelden").click()
            page.get_by_role("heading", name="wijknet: aanmelden", level=1).wait_for(timeout=60_000)
        finally:
            page.close()
            context.close()
            browser.close()
    foreign = [u for u in requests if urlparse(u).hostname not in LOCAL_HOSTS
               and not u.startswith(("data:", "blob:", "about:"))]  # fmt: skip
    assert not foreign, f"requests left localhost: {foreign}"
