"""The participants' form of a live session in a real headless Chromium at a phone's size.

Starts the live server (tornado) on a free loopback port, opens the session
like a phone (390x844, touch), picks a participant, uses the search box,
answers, sends, corrects and checks the store. Every request is recorded;
requests to any other host are blocked and fail the test. Screenshots go to
``screenshots/`` (gitignored) for a human look.

Skipped when ``/usr/bin/chromium`` is missing, unless
``WIJKNET_REQUIRE_BROWSER=1`` is set (then it fails).
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.e2e.test_browser import CHROMIUM, LOCAL_HOSTS, SCREENSHOTS, _require_browser
from tests.live.helpers import large_store
from wijknet.live import answers_of, open_session, roster
from wijknet.live.server import LiveServer

pytestmark = pytest.mark.browser


def test_phone_form(tmp_path):
    _require_browser()
    from playwright.sync_api import sync_playwright

    store = large_store(tmp_path, n=30)
    code = open_session(store, "Oost", "2026", "Bijeenkomst Oost (fictief)")
    entries = roster(store, code)
    me, first, second = entries[0], entries[1], entries[2]
    requests, blocked = [], []
    SCREENSHOTS.mkdir(exist_ok=True)
    with LiveServer(store) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                      locale="nl-NL")

        def route(r):
            url = r.request.url
            requests.append(url)
            if url.startswith(("data:", "about:")) or urlparse(url).hostname in LOCAL_HOSTS:
                r.continue_()
            else:
                blocked.append(url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.goto(f"{server.url}/s/{code}")
        assert page.get_by_role("heading", level=1).inner_text() == "Bijeenkomst Oost (fictief)"
        page.screenshot(path=str(SCREENSHOTS / "live-phone-pick.png"))
        page.select_option("#p", me.actor_id)
        page.get_by_role("button", name="Verder").click()
        page.wait_for_selector("#answers")
        # nothing wider than the phone
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        # the search box (inline script) filters the names
        page.fill("#filter", first.name.split(" ")[0].lower())
        assert page.locator(f"select[name='how-{first.actor_id}']").is_visible()
        page.fill("#filter", "")
        page.locator("details").first.evaluate("d => d.open = true")
        page.select_option(f"select[name='how-{first.actor_id}']", "beide")
        page.select_option(f"select[name='w-{first.actor_id}']", "3")
        page.screenshot(path=str(SCREENSHOTS / "live-phone-form.png"))
        page.get_by_role("button", name="Versturen").click()
        page.wait_for_url("**/done?p=*")
        assert "Dank u!" in page.content()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        page.screenshot(path=str(SCREENSHOTS / "live-phone-done.png"), full_page=True)
        # correct: the form shows the answers; replace them
        page.get_by_role("link", name="Antwoorden verbeteren").click()
        page.wait_for_selector("#answers")
        assert page.locator(f"select[name='how-{first.actor_id}']").input_value() == "beide"
        page.select_option(f"select[name='how-{first.actor_id}']", "")
        page.select_option(f"select[name='w-{first.actor_id}']", "")
        page.locator("details").first.evaluate("d => d.open = true")
        if page.locator(f"select[name='how-{second.actor_id}']").count():
            page.locator(f"select[name='how-{second.actor_id}']").evaluate("s => s.closest('details').open = true")
        page.select_option(f"select[name='how-{second.actor_id}']", "samenwerking")
        page.select_option(f"select[name='w-{second.actor_id}']", "2")
        page.get_by_role("button", name="Versturen").click()
        page.wait_for_url("**/done?p=*")
        browser.close()
    assert blocked == [], blocked
    assert requests and all(urlparse(u).hostname in LOCAL_HOSTS for u in requests if u.startswith("http"))
    table = answers_of(store, code, me.actor_id)
    assert table[["alter_id", "tie_type", "weight"]].values.tolist() == [[second.actor_id, "samenwerking", 2.0]]
