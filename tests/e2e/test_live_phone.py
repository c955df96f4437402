"""The participants' form of a live session in a real headless Chromium at a phone's size.

Starts the live server (tornado) of one session on a free loopback port,
opens a participant's personal link like a phone (390x844, touch), uses the
search box, answers, sends, corrects on another "phone" with the same link
and checks the store. Every request is recorded;
requests to any other host are blocked and fail the test. Screenshots go to
``screenshots/`` (gitignored) for a human look.

Skipped when ``/usr/bin/chromium`` is missing, unless
``WIJKNET_REQUIRE_BROWSER=1`` is set (then it fails).
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.e2e.test_browser import CHROMIUM, LOCAL_HOSTS, SCREENSHOTS, _require_browser
from tests.live.helpers import large_store, links_of, options
from wijknet.live import answers_of, open_session
from wijknet.live.server import LiveServer

pytestmark = pytest.mark.browser


def test_phone_form(tmp_path):
    _require_browser()
    from playwright.sync_api import sync_playwright

    store = large_store(tmp_path, n=30)
    code = open_session(store, "Oost", "2026", "Bijeenkomst Oost (fictief)")
    links = links_of(store, code)
    me = "L01"  # a consenting professional
    partners = options(store, code, links[me])  # option id -> actor id, as the server maps them
    (first, first_id), (second, second_id) = sorted(partners.items(), key=lambda o: o[1])[:2]
    requests, blocked = [], []
    SCREENSHOTS.mkdir(exist_ok=True)
    with LiveServer(store, code) as server, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="nl-NL"
        )

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
        page.goto(server.url + "/")  # the address alone opens nothing
        assert "persoonlijke link" in page.content() and page.locator("select").count() == 0
        page.goto(server.url + links[me])
        assert page.get_by_role("heading", level=1).inner_text() == "Bijeenkomst Oost (fictief)"
        page.wait_for_selector("#answers")
        assert "Uw persoonlijke formulier: Welzijnscoach 1 (fictief)" in page.content()
        assert (
            me not in page.content() and first_id not in page.content()
        )  # no actor ids on the phone
        page.screenshot(path=str(SCREENSHOTS / "live-phone-top.png"))
        # nothing wider than the phone
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        # the search box (inline script) filters the names
        name = page.locator(f"select[name='how-{first}']").evaluate(
            "s => s.closest('.row').querySelector('.name').textContent"
        )
        page.fill("#filter", name.split(" ")[-2].lower())  # the number in the fictional name
        assert page.locator(f"select[name='how-{first}']").is_visible()
        page.fill("#filter", "")
        page.locator(f"select[name='how-{first}']").evaluate(
            "s => s.closest('details').open = true"
        )
        page.select_option(f"select[name='how-{first}']", "beide")
        page.select_option(f"select[name='w-{first}']", "3")
        page.locator(f"select[name='how-{first}']").scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "live-phone-form.png"))
        page.get_by_role("button", name="Versturen").click()
        page.wait_for_url("**/done")
        assert "Dank u!" in page.content()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        page.screenshot(path=str(SCREENSHOTS / "live-phone-done.png"), full_page=True)
        # correct on another phone with the same link: the form shows the answers; replace them
        page = browser.new_context(
            viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="nl-NL"
        ).new_page()
        page.goto(server.url + links[me])
        page.wait_for_selector("#answers")
        assert page.locator(f"select[name='how-{first}']").input_value() == "beide"
        page.locator(f"select[name='how-{first}']").evaluate(
            "s => s.closest('details').open = true"
        )
        page.select_option(f"select[name='how-{first}']", "")
        page.select_option(f"select[name='w-{first}']", "")
        page.locator(f"select[name='how-{second}']").evaluate(
            "s => s.closest('details').open = true"
        )
        page.select_option(f"select[name='how-{second}']", "samenwerking")
        page.select_option(f"select[name='w-{second}']", "2")
        page.get_by_role("button", name="Versturen").click()
        page.wait_for_url("**/done")
        browser.close()
    assert blocked == [], blocked
    assert requests and all(
        urlparse(u).hostname in LOCAL_HOSTS for u in requests if u.startswith("http")
    )
    table = answers_of(store, code, me)
    assert table[["alter_id", "tie_type", "weight"]].values.tolist() == [
        [second_id, "samenwerking", 2.0]
    ]
