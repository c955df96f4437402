"""Every app page's first visit after a restart, in a real headless Chromium, with a warm persistent cache.

Writes the demo (or takes ``--project FOLDER``, a tidy folder), fills its
persistent results cache with :func:`wijknet.webapp.warm.warm` (what
``wijknet cache warm`` does), starts ``streamlit run`` of the app fresh on a
free localhost port (a restart: empty memory caches, nothing imported yet) and
opens every page once in one tab (the first by its address, the others by the
sidebar's links, one session as a user has it), in Debian's ``/usr/bin/chromium``
via Playwright. Per page it reports the seconds from the navigation until the
page's main content is drawn: its ``h1`` title is visible, on the map pages the
map's frame is there, and the last of Streamlit's running indicator, spinners
and skeletons has gone (none seen for ``IDLE`` seconds after). The first row (``netwerkkaart``, served at ``/``) includes the
server's first script run (importing pandas, networkx and the app).

``--no-cache`` starts with ``WIJKNET_NO_CACHE=1`` instead (everything computed on
demand), for the comparison. ``--returning`` measures a returning user: the
browser keeps a profile folder, opens the start page once on a first server
(its HTTP cache then holds Streamlit's own frontend, about 5 MB of JavaScript
that is the same for every Streamlit app), that server is stopped and the
pages are timed on a second, fresh one: a restart as the app's users meet it.
Usage::

    python benchmarks/bench_pages_browser.py [--project FOLDER] [--no-cache] [--returning] [--screenshots DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# The browser tests' own way to start the app on a free port and wait for it.
from tests.e2e.test_browser import _free_port, running_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
MAP_PAGES = {"netwerkkaart", "verandering"}
BUSY = '[data-testid="stStatusWidget"], [data-testid="stSpinner"], [data-testid="stSkeleton"]'
IDLE = 1.5  # seconds without any BUSY element before a page counts as drawn


def pages() -> list[tuple[str, str]]:
    """``(url_path, Dutch title)`` of every page a tidy folder shows (the app's own list)."""
    import ast

    from wijknet.core.i18n import text
    from wijknet.webapp import ENTRY_SCRIPT
    from wijknet.webapp.texts import TEXTS

    tree = ast.parse(Path(ENTRY_SCRIPT).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PAGES":
            listed = ast.literal_eval(node.value)
            return [
                ("" if i == 0 else url, text(TEXTS, title, "nl"))
                for i, (_f, title, url) in enumerate(listed)
            ]
    raise RuntimeError("no PAGES in the entry script")


def visit(page, url: str, path: str, title: str, shots: Path | None) -> float:
    """Open ``path`` as a user does: the first page by its address, the others by the sidebar's link."""
    start = time.perf_counter()
    link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]') if path else None
    if link is not None and link.count():
        link.first.click()
    else:
        page.goto(f"{url}/{path}", wait_until="commit")
    page.get_by_role("heading", name=title, level=1).first.wait_for(timeout=300_000)
    if (path or "netwerkkaart") in MAP_PAGES:
        page.wait_for_selector("iframe", timeout=300_000)
    # Done when no running indicator, spinner or skeleton has been seen for IDLE seconds; the time
    # is that of the last one disappearing (a spinner can follow the status widget's end).
    seconds = time.perf_counter() - start
    while time.perf_counter() - start - seconds < IDLE:
        if page.locator(BUSY).count():
            seconds = time.perf_counter() - start
        page.wait_for_timeout(50)
    if shots is not None:
        page.wait_for_timeout(1000)
        page.screenshot(path=str(shots / f"{path or 'netwerkkaart'}.png"), full_page=False)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=None)
    parser.add_argument("--no-cache", action="store_true", help="WIJKNET_NO_CACHE=1 (no warm-up)")
    parser.add_argument("--screenshots", type=Path, default=None)
    parser.add_argument(
        "--returning",
        action="store_true",
        help="a browser that has seen the app before the restart",
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from wijknet import cache
    from wijknet.datasets.demo import write_demo
    from wijknet.webapp.warm import warm

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        folder = args.project or write_demo(base / "demo")
        if args.no_cache:
            os.environ[cache.ENV_OFF] = "1"  # running_app passes this process's environment on
        else:
            t = time.perf_counter()
            print(f"warm-up: {warm(folder)} in {time.perf_counter() - t:.0f} s", flush=True)
        if args.screenshots:
            args.screenshots.mkdir(parents=True, exist_ok=True)
        times = {}
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        options = dict(viewport={"width": 1600, "height": 1000}, locale="nl-NL")
        with sync_playwright() as p:
            port = _free_port()  # the same address before and after: the HTTP cache is per origin
            if args.returning:  # one visit before the restart fills the profile's HTTP cache
                context = p.chromium.launch_persistent_context(
                    base / "profile", executable_path=CHROMIUM, args=flags, **options
                )
                (base / "before").mkdir()
                with running_app(folder, base / "before", port) as url:
                    visit(context.new_page(), url, "", pages()[0][1], None)
            else:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=flags)
                context = browser.new_context(**options)
            with running_app(folder, base, port) as url:
                tab = context.new_page()
                for path, title in pages():
                    name = path or "netwerkkaart"
                    times[name] = visit(tab, url, path, title, args.screenshots)
                    print(f"{path or 'netwerkkaart (/)':28} {times[name]:6.2f} s", flush=True)
            context.close()
        print(
            f"slowest: {max(times, key=times.get)} {max(times.values()):.2f} s; load {os.getloadavg()}"
        )
        sys.exit(0)


if __name__ == "__main__":
    main()
