"""Every app page's first visit after a restart, with and without the persistent results cache.

For the demo (or ``--project FOLDER``, a tidy folder): fills the cache with
``wijknet.webapp.warm.warm`` (what ``wijknet cache warm`` does), then for each
mode starts the app anew under Streamlit's AppTest (Streamlit's memory cache
cleared, as after a restart) and times the first visit of every page:

* ``cold``: ``WIJKNET_NO_CACHE=1``, everything computed on demand (the previous behaviour);
* ``cache``: the persistent cache on, warmed beforehand.

AppTest runs the page scripts in this process without a browser; the time a
browser needs to draw the page comes on top. Usage::

    python benchmarks/bench_pages.py [--project FOLDER]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path


def visit_all(folder: Path) -> dict[str, float]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from wijknet.webapp import ENTRY_SCRIPT
    from wijknet.webapp.warm import page_files

    st.cache_data.clear()  # a restart
    os.environ["WIJKNET_PROJECT"] = str(folder)
    at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=900)
    t = time.perf_counter()
    at.run()
    times = {"(entry)": time.perf_counter() - t}
    for page in page_files():
        t = time.perf_counter()
        try:
            at.switch_page(page).run()
        except ValueError:  # not registered for this viewer
            continue
        times[page] = time.perf_counter() - t
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=None)
    args = parser.parse_args()
    from wijknet import cache
    from wijknet.datasets.demo import write_demo
    from wijknet.webapp.warm import warm

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.project or write_demo(Path(tmp) / "demo")
        os.environ[cache.ENV_OFF] = "1"
        cold = visit_all(folder)
        os.environ.pop(cache.ENV_OFF)
        cache.clear(folder)
        import streamlit as st

        st.cache_data.clear()  # else the warm-up is answered from the memory cache and stores nothing
        t = time.perf_counter()
        warm(folder)
        print(f"warm-up (wijknet cache warm): {time.perf_counter() - t:.1f} s")
        cache.STATS.update(hit=0, miss=0)
        cached = visit_all(folder)
        print(f"{'page':32} {'cold s':>8} {'cache s':>8}")
        for page in cold:
            print(f"{page:32} {cold[page]:8.2f} {cached.get(page, float('nan')):8.2f}")
        print(f"cache hits {cache.STATS['hit']}, misses {cache.STATS['miss']}")


if __name__ == "__main__":
    main()
