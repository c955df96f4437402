"""The findable map in a real headless Chromium: a PlusWIJkteam finds its organisation; all names never overlap.

One server and one test (the browser suite is near its CI budget). As "PlusWIJkteam Daalhof" on the demo:
type the team's own organisation in the search box, see it highlighted with its ties (the others faded)
within 30 seconds of the page load; then switch "Alle namen tonen" on and read every name's bounding box
from the browser (canvas font metrics via ``measureText`` at the drawn size, ``network.canvasToDOM``) and
check that every name is drawn, inside the frame, and that no two overlap.
"""

from __future__ import annotations

import csv
import time

import pytest

from tests.e2e.test_browser import (
    CHROMIUM,
    SCREENSHOTS,
    _require_browser,
    choose_audience,
    running_app,
)

pytestmark = pytest.mark.browser

WIJK = "Daalhof"

_BOXES = """() => {
  const ctx = document.createElement("canvas").getContext("2d");
  const scale = network.getScale();
  return window.wijknetLabels.map(l => {
    ctx.font = l.drawn + "px " + window.wijknetFace;
    const m = ctx.measureText(l.t);
    const c = network.canvasToDOM({x: l.x, y: l.y});
    const w = m.width * scale, h = (m.fontBoundingBoxAscent + m.fontBoundingBoxDescent) * scale;
    return {t: l.t, x0: c.x - w / 2, x1: c.x + w / 2, y0: c.y - h / 2, y1: c.y + h / 2};
  });
}"""


def _map_frame(page, predicate: str, timeout: float = 60):
    """The srcdoc frame of the map for which ``predicate`` (JS, run in the frame) holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate(
                    f"() => typeof network !== 'undefined' && window.wijknetLabels && ({predicate})"
                ):
                    return frame
            except Exception:  # a frame being replaced by the rerun
                continue
        page.wait_for_timeout(250)
    raise AssertionError(f"no map frame with {predicate} within {timeout} s")


def _idle(page) -> None:
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000
    )


def test_wijkteam_finds_its_organisation_and_all_names_never_overlap(tmp_path_factory):
    _require_browser()
    from playwright.sync_api import sync_playwright

    from wijknet.datasets.demo import write_demo

    base = tmp_path_factory.mktemp("map-e2e")
    project = write_demo(base / "project")
    with open(project / "actors.csv", encoding="utf-8") as fh:
        team = [r for r in csv.DictReader(fh) if r["wijk"] == WIJK and r["pluswijkteam"] == "ja"]
    organisation = next(r["organisation"] for r in team if "Welzijn" in r["organisation"])
    own = organisation.replace(" (fictief)", "").split()[-2:]  # e.g. "De Kastanje"
    with running_app(project, base) as url, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="nl-NL")
        try:
            page.goto(url, wait_until="domcontentloaded")
            page.get_by_role("heading", name="Netwerkkaart", level=1).wait_for(timeout=120_000)
            _idle(page)
            choose_audience(page, f"wijkteam:{WIJK}")  # the option "PlusWIJkteam Daalhof"
            _idle(page)
            _map_frame(page, "true")
            start = (
                time.monotonic()
            )  # the team's page has loaded: find the own organisation from here
            # The search box of the team's own wijk: the box of the wijk shown before the switch
            # can still be in the page while the rerun replaces it (seen with Chromium 156).
            box = page.locator(f'[class*="st-key-map_search_{WIJK}_"] input')
            box.fill(" ".join(own))
            box.press("Enter")
            frame = _map_frame(page, "network.body.data.nodes.get().some(n => n.borderWidth === 5)")
            elapsed = time.monotonic() - start
            focus = frame.evaluate(
                "() => network.body.data.nodes.get().find(n => n.borderWidth === 5)"
            )
            assert organisation in focus["title"] or " ".join(own) in focus["title"], focus["title"]
            faded = frame.evaluate(
                "() => JSON.parse(document.getElementById('wijknet-labels').textContent).faded"
            )
            nodes = frame.evaluate("() => network.body.data.nodes.length")
            assert 0 < len(faded) < nodes - 1  # its ties stand out, the rest is faded
            hot = frame.evaluate(
                "() => network.body.data.edges.get().filter(e => e.color.opacity > 0.5).length"
            )
            assert hot >= 1
            assert elapsed < 30, f"finding the own organisation took {elapsed:.1f} s"
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "netwerkkaart-zoeken-wijkteam.png"))

            box.fill("")
            box.press("Enter")
            _idle(page)
            page.get_by_text("Alle namen tonen", exact=True).click()
            _idle(page)
            frame = _map_frame(
                page,
                "window.wijknetLabels.length === network.body.data.nodes.length"
                " && window.wijknetLabels.every(l => l.drawn) && window.wijknetFitted",
            )
            boxes = frame.evaluate(_BOXES)
            assert len(boxes) == nodes  # every name is drawn
            width, height = frame.evaluate(
                "() => [network.body.container.clientWidth, network.body.container.clientHeight]"
            )
            for b in boxes:  # nothing cut off at the frame's edges
                assert (
                    b["x0"] >= -1
                    and b["y0"] >= -1
                    and b["x1"] <= width + 1
                    and b["y1"] <= height + 1
                ), b
            clashes = [
                (a["t"], b["t"])
                for i, a in enumerate(boxes)
                for b in boxes[i + 1 :]
                if a["x0"] < b["x1"]
                and b["x0"] < a["x1"]
                and a["y0"] < b["y1"]
                and b["y0"] < a["y1"]
            ]
            assert clashes == [], clashes[:5]
            page.screenshot(path=str(SCREENSHOTS / "netwerkkaart-alle-namen-wijkteam.png"))
        finally:
            browser.close()
