"""The app in a real headless Chromium: every page renders, the map draws, nothing leaves localhost.

Starts ``streamlit run`` on a free localhost port with ``WIJKNET_PROJECT`` set
to a fictional demo project in ``tmp_path`` and visits every page with
Playwright. Every request is recorded; requests to any other host are
blocked and fail the test. Screenshots of every page (1600x1000) are saved
to ``screenshots/`` (gitignored) for a human look.

Skipped when ``/usr/bin/chromium`` is missing, unless
``WIJKNET_REQUIRE_BROWSER=1`` is set (then it fails).
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# The first page is the default page and lives at "/" (its url_path is not served).
PAGES = (
    ("", "Netwerkkaart"),
    ("kengetallen", "Kengetallen"),
    ("verbinders", "Verbinders"),
    ("domeinmenging", "Domeinmenging"),
    ("verandering", "Verandering"),
    ("kpi-monitor", "KPI-monitor"),
    ("kernaanpakken", "Kernaanpakken"),
    ("pluswijkteam", "PlusWIJkteam"),
    ("leefwereld-systeemwereld", "Leefwereld en systeemwereld"),
    ("verbindingskansen", "Verbindingskansen"),
    ("vertrouwen", "Vertrouwen en waarde"),
    ("participatie", "Participatie van inwoners"),
    ("rapport", "Rapport"),
)
MAP_PAGES = {"netwerkkaart", "verandering"}
DEMO: dict[str, Path] = {}  # the demo project the server shows (set by the server fixture)


def _require_browser() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} not found"
    if os.environ.get("WIJKNET_REQUIRE_BROWSER") == "1":
        pytest.fail(message + " and WIJKNET_REQUIRE_BROWSER=1")
    pytest.skip(message)


def choose_audience(page, audience: str) -> None:
    """Choose ``audience`` (a code, e.g. ``wijkteam:Daalhof``) in the sidebar's "Bekijken als".

    The options show Dutch labels (:func:`wijknet.core.glossary.audience_label`, "PlusWIJkteam
    Daalhof", "Leernetwerk"). A rerun may redraw the sidebar under the click (the map sends its
    state back): then the list is closed and the choice tried again.
    """
    from wijknet.core.glossary import audience_label

    if audience == "onderzoeker":
        return
    option = audience_label(audience, "nl")
    for _ in range(5):
        try:
            page.locator('[data-testid="stSidebar"] .st-key-view_as').click()
            page.get_by_role("option", name=option, exact=True).click(timeout=8_000)
            return
        except Exception:  # the sidebar was redrawn under the click: try again
            page.keyboard.press("Escape")
            page.wait_for_timeout(1_500)
    raise AssertionError(f"could not choose {option!r} in 'Bekijken als'")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout} s")


@contextmanager
def running_app(project: Path, base: Path, port: int | None = None):
    """``streamlit run`` of the app on localhost (a free port unless given) with ``WIJKNET_PROJECT=project``; yields its URL."""
    from wijknet.webapp import streamlit_command

    port = port or _free_port()
    env = {
        **os.environ,
        "WIJKNET_PROJECT": str(project),
        "XDG_CACHE_HOME": str(base / "cache"),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    }
    env.pop("WIJKNET_LANG", None)
    with open(base / "streamlit.log", "w") as log:
        proc = subprocess.Popen(
            [
                *streamlit_command(port, headless=True, address="127.0.0.1"),
                "--server.fileWatcherType=none",
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=base,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(url, proc)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _require_browser()
    from wijknet.datasets.demo import write_demo

    base = tmp_path_factory.mktemp("e2e")
    project = write_demo(base / "project")
    DEMO["project"] = project  # for tests that compare with the demo's names
    with running_app(project, base) as url:
        yield url


@pytest.fixture(scope="module")
def browser_context(server):
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    blocked: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="nl-NL")

        def route(r):
            url = r.request.url
            requests.append(url)
            host = urlparse(url).hostname
            if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
                r.continue_()
            else:
                blocked.append(url)
                r.abort()

        context.route("**/*", route)
        # Requests that never reach the router (e.g. from srcdoc frames) are recorded too.
        context.on("request", lambda req: requests.append(req.url))
        yield context, requests, blocked
        context.close()
        browser.close()


def _open(context, url: str, title: str):
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_role("heading", name=title, level=1).wait_for(timeout=60_000)
    # Wait until the script run is finished (no "running" status widget).
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(1500)
    return page


def _map_frame(page):
    page.wait_for_selector("iframe", timeout=30_000)
    for _ in range(60):
        for frame in page.frames:
            try:
                if frame.evaluate(
                    "() => !!document.getElementById('mynetwork') && typeof network !== 'undefined'"
                ):
                    return frame
            except Exception:  # frame not ready or cross-origin
                continue
        page.wait_for_timeout(500)
    raise AssertionError("no frame with a vis-network map")


def _no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]'
    ).first.inner_text()


@pytest.mark.parametrize("url_path, title", PAGES)
def test_page_renders_offline(server, browser_context, url_path, title):
    context, requests, blocked = browser_context
    page = _open(context, f"{server}/{url_path}", title)
    try:
        _no_exception(page)
        assert page.get_by_text("Fictieve demodata").count() >= 1
        name = url_path or "netwerkkaart"
        if name == "verandering":
            # The last element of the page: the tie-change model in words (a permutation model,
            # computed on the first visit, so allow time).
            page.get_by_text("actoren die in beide metingen meedoen").wait_for(timeout=240_000)
        if name == "kpi-monitor":
            page.locator('[data-testid="stVegaLiteChart"]').nth(1).wait_for(timeout=60_000)
            page.locator('[data-testid="stDataFrame"]').nth(1).wait_for(timeout=60_000)
            page.wait_for_timeout(1000)
            # The screenshot shows the chart: KPI 3 against the band, next to the measured network.
            page.get_by_role("heading", name="KPI 3 per jaar").evaluate(
                "e => e.scrollIntoView({block: 'start'})"
            )
            page.wait_for_timeout(800)
        if name in MAP_PAGES:
            frame = _map_frame(page)
            nodes = frame.evaluate("() => network.body.data.nodes.length")
            assert nodes > 30
            frame.wait_for_timeout(1000)
            painted = frame.evaluate(
                """() => {
                    const c = document.querySelector('#mynetwork canvas');
                    if (!c) return -1;
                    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let n = 0;
                    for (let i = 0; i < d.length; i += 16) {
                        if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) n++;
                    }
                    return n;
                }"""
            )
            assert painted > 1000, f"map canvas looks blank ({painted} painted samples)"
            legend = frame.locator("#wijknet-legend").inner_text()
            if name == "netwerkkaart":
                assert legend.startswith("Domeinen")
            else:
                assert (
                    legend.startswith("Van 2026 naar 2027") and "nieuwe relatie in 2027" in legend
                )
                # The map is the point of the page: the screenshot shows it.
                page.locator("iframe").first.evaluate("e => e.scrollIntoView({block: 'start'})")
                page.wait_for_timeout(800)
        if name == "rapport":
            # The report is built on the first visit; then its download button appears.
            page.locator('[data-testid="stDownloadButton"]').first.wait_for(timeout=120_000)
        if name == "kpi-monitor":
            assert page.locator('[data-testid="stMetric"]').count() == 2
            assert page.locator('[data-testid="stVegaLiteChart"]').count() == 2
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
    finally:
        page.close()
    assert not blocked, f"requests to other hosts: {blocked}"
    foreign = [
        u
        for u in requests
        if urlparse(u).hostname not in LOCAL_HOSTS
        and not u.startswith(("data:", "blob:", "about:"))
    ]
    assert not foreign, f"requests left localhost: {foreign}"


def test_language_switch_and_map_hover(server, browser_context):
    context, requests, blocked = browser_context
    page = _open(context, f"{server}/", "Netwerkkaart")
    try:
        page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
        page.get_by_role("heading", name="Network map", level=1).wait_for(timeout=30_000)
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
        )
        page.wait_for_timeout(1500)
        _no_exception(page)
        frame = _map_frame(page)
        assert frame.locator("#wijknet-legend").inner_text().startswith("Domains")
        # Hover the largest node: its plain-text tooltip appears.
        point = frame.evaluate(
            """() => {
                const ids = network.body.data.nodes.getIds();
                let best = ids[0], size = -1;
                for (const id of ids) {
                    const n = network.body.nodes[id];
                    if (n.shape.radius > size) { size = n.shape.radius; best = id; }
                }
                const p = network.canvasToDOM(network.getPositions([best])[best]);
                const box = document.getElementById('mynetwork').getBoundingClientRect();
                return {x: p.x + box.left, y: p.y + box.top};
            }"""
        )
        box = page.locator("iframe").first.bounding_box()
        page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        frame.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
        tip = frame.locator("div.vis-tooltip").inner_text()
        assert "Domain:" in tip
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "netwerkkaart-en-hover.png"))
    finally:
        page.close()
    assert not blocked, f"requests to other hosts: {blocked}"


def test_compare_page_for_the_projector(server, browser_context):
    """Wijken vergelijken: summary, trends, table, eight small maps without names, heatmaps; nothing leaves localhost.

    The demo has eight wijken: the six pilots and the two comparison wijken Groenbeek and Kapelveld (issue 15).
    """
    context, requests, blocked = browser_context
    page = _open(context, f"{server}/vergelijken", "Wijken vergelijken")
    try:
        _no_exception(page)
        assert page.get_by_text("Fictieve demodata").count() >= 1
        page.get_by_role("heading", name="In het kort").wait_for(timeout=120_000)
        assert page.locator(".st-key-compare_summary li").count() >= 3
        page.locator("table.wn-compare").wait_for(timeout=120_000)
        assert (
            page.locator("table.wn-compare tbody tr").count() == 8
        )  # 6 pilots + 2 comparison wijken
        rows = page.locator("table.wn-compare tbody th[scope=row]").all_inner_texts()
        assert {"Groenbeek", "Kapelveld", "Daalhof", "Lindenheuvel"} <= {r.strip() for r in rows}, (
            rows
        )
        # Two trend charts and one faceted heatmap.
        page.locator('[data-testid="stVegaLiteChart"]').nth(2).wait_for(timeout=60_000)
        # Eight small maps, each drawn, none with a person's name on the canvas or in a label.
        page.wait_for_function(
            "() => document.querySelectorAll('iframe').length >= 8", timeout=60_000
        )
        drawn = []
        for _ in range(60):
            drawn = []
            for frame in page.frames:
                try:
                    if frame.evaluate(
                        "() => !!document.getElementById('mynetwork') && typeof network !== 'undefined'"
                    ):
                        drawn.append(frame)
                except Exception:
                    continue
            if len(drawn) >= 8:
                break
            page.wait_for_timeout(500)
        assert len(drawn) == 8, f"{len(drawn)} maps drawn"
        sizes = []
        for frame in drawn:
            labels = frame.evaluate(
                "() => network.body.data.nodes.get().map(n => (n.label || '').trim()).filter(s => s.length)"
            )
            assert labels == [], labels[:5]
            sizes.append(frame.evaluate("() => network.body.data.nodes.length"))
        print("small map sizes", sorted(sizes))
        # The six pilots have 84-138 actors, the two comparison wijken 28 and 30: every map is a real network.
        assert min(sizes) >= 20 and sum(s > 60 for s in sizes) == 6, sorted(sizes)
        page.wait_for_timeout(1000)
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "vergelijken.png"), full_page=False)
        page.get_by_role("heading", name="Samenwerken over domeinen heen, per wijk").evaluate(
            "e => e.scrollIntoView({block: 'start'})"
        )
        page.wait_for_timeout(800)
        page.screenshot(path=str(SCREENSHOTS / "vergelijken-trends.png"), full_page=False)
        page.get_by_role("heading", name="Kengetallen in 2027").evaluate(
            "e => e.scrollIntoView({block: 'start'})"
        )
        page.wait_for_timeout(800)
        page.screenshot(path=str(SCREENSHOTS / "vergelijken-tabel.png"), full_page=False)
        page.get_by_role("heading", name="De netwerken in 2027").evaluate(
            "e => e.scrollIntoView({block: 'start'})"
        )
        page.wait_for_timeout(800)
        page.screenshot(path=str(SCREENSHOTS / "vergelijken-kaarten.png"), full_page=False)
        page.get_by_role("heading", name="Wie werkt met wie? (2027)").evaluate(
            "e => e.scrollIntoView({block: 'start'})"
        )
        page.wait_for_timeout(800)
        page.screenshot(path=str(SCREENSHOTS / "vergelijken-menging.png"), full_page=False)
    finally:
        page.close()
    assert not blocked, f"requests to other hosts: {blocked}"
    foreign = [
        u
        for u in requests
        if urlparse(u).hostname not in LOCAL_HOSTS
        and not u.startswith(("data:", "blob:", "about:"))
    ]
    assert not foreign, f"requests left localhost: {foreign}"


def test_leernetwerk_view_has_no_names(server, browser_context):
    """'Bekijken als: leernetwerk' in a real browser: an anonymous map, no Verbinders page, no demo names."""
    import csv

    context, _, blocked = browser_context
    page = _open(context, f"{server}/", "Netwerkkaart")
    try:
        sidebar = page.locator('[data-testid="stSidebar"]')
        choose_audience(page, "leernetwerk")  # retried when a rerun redraws the sidebar
        page.get_by_text("Dit is een anonieme kaart").wait_for(timeout=60_000)
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
        )
        _no_exception(page)
        frame = _map_frame(page)
        labels = frame.evaluate(
            "() => network.body.data.nodes.get().map(n => (n.label || '').trim()).filter(s => s.length)"
        )
        assert labels == [], labels[:5]
        titles = " ".join(
            frame.evaluate("() => network.body.data.nodes.get().map(n => String(n.title || ''))")
        )
        with open(DEMO["project"] / "actors.csv", encoding="utf-8") as fh:
            names = [row["name"] for row in csv.DictReader(fh) if row["kind"] == "person"]
        shown = page.locator("body").inner_text() + titles
        assert not [n for n in names if n in shown]
        assert sidebar.get_by_text("Verbinders", exact=True).count() == 0
        page.wait_for_timeout(1000)
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "netwerkkaart-leernetwerk.png"))
    finally:
        page.close()
    assert not blocked, f"requests to other hosts: {blocked}"
