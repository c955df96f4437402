"""The browser sweep: every page for every audience, at 1440x900 and at 1920x1080, with screenshots.

One app server per audience (the demo project, a tidy folder, so the
sidebar's "Bekijken als" chooses the audience once); the pages are opened
one after the other through their URL paths in the sidebar navigation (the
session, and so the audience, is kept); each page is photographed at both
sizes from the same page load by resizing the viewport. Each audience is one
test, so ``pytest -n 2`` runs two audiences at once.

Checked on every page, in the main area and the sidebar (not inside the
maps' iframes, see ``test_browser.py``): no Streamlit exception box, no
English built-in text of Streamlit, no ``nan`` or ``None``. Screenshots go
to ``$WIJKNET_SCREENSHOTS`` (a temporary folder by default), named
``<audience>-<page>-<width>x<height>.png``.

Skipped when ``/usr/bin/chromium`` is missing (see ``test_browser.py``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.e2e.test_browser import CHROMIUM, _require_browser, choose_audience, running_app
from wijknet.webapp.texts import TEXTS

pytestmark = pytest.mark.browser

#: ``(url path, title key)`` of every page, as in ``wijknet.webapp.streamlit_app.PAGES`` (the first is "/").
PAGES = (
    ("", "page_map"),
    ("kengetallen", "page_metrics"),
    ("verbinders", "page_connectors"),
    ("domeinmenging", "page_mixing"),
    ("verandering", "page_change"),
    ("kpi-monitor", "page_kpi"),
    ("vergelijken", "page_compare"),
    ("kernaanpakken", "page_kernaanpakken"),
    ("pluswijkteam", "page_team"),
    ("vertrouwen", "page_onderstroom"),
    ("participatie", "page_participation"),
    ("leefwereld-systeemwereld", "page_worlds"),
    ("verbindingskansen", "page_opportunities"),
    ("rapport", "page_report"),
    ("live", "page_live"),
    ("gegevens", "page_import"),
)
#: Pages about single actors, not offered to a leernetwerk (``INDIVIDUAL_PAGES`` of the entry script).
INDIVIDUAL = {"verbinders", "live", "verbindingskansen"}
WIJK = "Bleijerheide-Centrum-Nulland"  # the longest demo wijk name: labels must not be cut off
AUDIENCES = ("onderzoeker", f"wijkteam:{WIJK}", "leernetwerk")
SIZES = ((1440, 900), (1920, 1080))
#: Streamlit's own English texts that must not show in Dutch mode.
ENGLISH = (
    "Select all",
    "Choose an option",
    "Choose options",
    "Drag and drop",
    "Browse files",
    "per file",
    "No options to select",
    "No results",
    "Running...",
    "Show more",
    "View more",
    "View less",
)
RAW = re.compile(r"\b(nan|NaN|None)\b")
#: The script run is over (``data-test-script-state`` of the app root), nothing stale, no spinner.
IDLE = (
    "() => { const app = document.querySelector('[data-testid=\"stApp\"]');"
    " return !!app && app.dataset.testScriptState === 'notRunning'"
    " && !document.querySelector('[data-testid=\"stStatusWidget\"]')"
    " && !document.querySelector('[data-stale=\"true\"]')"
    " && !document.querySelector('[data-testid=\"stSpinner\"]'); }"
)


def _title(key: str) -> str:
    return TEXTS[key]["nl"]


def _settle(page, title: str) -> None:
    page.get_by_role("heading", name=title, level=1).first.wait_for(timeout=240_000)
    for _ in range(2):  # idle twice, a moment apart: a rerun may start right after the first run
        page.wait_for_function(IDLE, timeout=300_000, polling=100)
        page.wait_for_timeout(400)
    page.wait_for_timeout(200)  # charts and iframes draw after the script run


def _name(audience: str) -> str:
    return audience.replace(":", "-").replace(" ", "_")


def _visible_text(page) -> str:
    return page.evaluate(
        '() => [...document.querySelectorAll(\'[data-testid="stMain"], [data-testid="stSidebar"]\')]'
        ".map(e => e.innerText).join('\\n')"
    )


def _problems(page, label: str) -> list[str]:
    found = []
    boxes = page.locator('[data-testid="stException"]')
    if boxes.count():
        found.append(f"{label}: exception: {boxes.first.inner_text()[:300]}")
    text = _visible_text(page)
    found += [f"{label}: English text {e!r}" for e in ENGLISH if e in text]
    found += [
        f"{label}: raw value {m.group(0)!r} in ...{text[max(0, m.start() - 60) : m.end() + 20]!r}"
        for m in RAW.finditer(text)
    ]
    return found


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("WIJKNET_SCREENSHOTS") or tmp_path_factory.mktemp("sweep"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    _require_browser()
    from wijknet.datasets.demo import write_demo

    return write_demo(tmp_path_factory.mktemp("sweep-demo") / "project")


@pytest.mark.parametrize("audience", AUDIENCES, ids=_name)
def test_every_page_at_both_sizes(audience, demo, shots, tmp_path):
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with running_app(demo, tmp_path) as url, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        width, height = SIZES[0]
        page = browser.new_page(viewport={"width": width, "height": height}, locale="nl-NL")
        page.goto(url + "/", wait_until="domcontentloaded")
        _settle(page, _title("page_map"))
        choose_audience(page, audience)
        _settle(page, _title("page_map"))
        nav = page.locator('[data-testid="stSidebarNav"]')
        for path, key in PAGES:
            title = _title(key)
            link = (
                nav.locator(f'a[href$="/{path}"]') if path else nav.get_by_role("link", name=title)
            )
            if audience == "leernetwerk" and path in INDIVIDUAL:
                assert link.count() == 0, f"{path} offered to a leernetwerk"
                continue
            page.set_viewport_size({"width": SIZES[0][0], "height": SIZES[0][1]})
            link.first.click()
            _settle(page, title)
            name = path or "netwerkkaart"
            for w, h in SIZES:
                if (w, h) != SIZES[0]:
                    page.set_viewport_size({"width": w, "height": h})
                    page.wait_for_timeout(600)  # charts and tables take the new width
                page.screenshot(path=str(shots / f"{_name(audience)}-{name}-{w}x{h}.png"))
            problems += _problems(page, f"{audience} {name}")
        browser.close()
    assert not problems, "\n".join(problems)
