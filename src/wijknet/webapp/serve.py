"""The app's Streamlit server, started with the app's modules already imported.

``streamlit run`` imports a script's modules during the first page view after a
start: the first visitor after a restart waits for pandas, networkx, altair,
pyvis and the app itself to load (1 to 2 s of the start page). This entry point
imports them (:data:`PRELOAD`) in the server process before the server starts
listening, so that the first script run finds them loaded, and then hands over
to Streamlit's own command line. ``python -m wijknet.webapp.serve run
streamlit_app.py [options]`` takes the arguments of ``streamlit run``;
:func:`wijknet.webapp.streamlit_command` builds them.
"""

from __future__ import annotations

import importlib
import sys

#: What the entry script and the pages import at their top (tests/webapp/test_serve.py
#: checks that every page's imports are here).
PRELOAD = (
    "altair",
    "pandas",
    "networkx",
    "pyvis.network",
    "wijknet.access.log",
    "wijknet.analysis",
    "wijknet.analysis.change",
    "wijknet.analysis.compare",
    "wijknet.analysis.kpi",
    "wijknet.analysis.nonresponse",
    "wijknet.analysis.onderstroom",
    "wijknet.analysis.tiechange",
    "wijknet.analysis.trends",
    "wijknet.analysis.wijken",
    "wijknet.core.glossary",
    "wijknet.core.uncertainty",
    "wijknet.live.links",
    "wijknet.live.projector",
    "wijknet.privacy.suppression",
    "wijknet.report",
    "wijknet.resolve.matching",
    "wijknet.store.audit",
    "wijknet.store.db",
    "wijknet.store.uploads",
    "wijknet.viz.diffmap",
    "wijknet.viz.netmap",
    "wijknet.viz.opportunity_map",
    "wijknet.webapp.auth",
    "wijknet.webapp.session",
    "wijknet.webapp.state",
    "wijknet.webapp.ui",
)


def preload() -> None:
    """Import :data:`PRELOAD`.

    The app's cached functions are declared at import; before the server runs,
    Streamlit warns for each that it has no runtime yet. That is harmless (the
    caches are made on first use, inside the runtime), so the warning is
    silenced while importing.
    """
    from wijknet.webapp.logs import bare_mode_quiet

    with bare_mode_quiet():
        for name in PRELOAD:
            importlib.import_module(name)


def main(argv: list[str] | None = None) -> None:
    """Preload, then run ``streamlit`` with ``argv`` (default: this process's arguments)."""
    preload()
    from streamlit.web import cli

    sys.argv = ["streamlit", *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
