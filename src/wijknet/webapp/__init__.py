"""The Streamlit app of wijknet (thin pages over the library).

Run it with ``wijknet app [PROJECT]`` or ``streamlit run`` on
``wijknet/webapp/streamlit_app.py`` (or ``app.py`` in a checkout). The project
folder comes from ``WIJKNET_PROJECT``; without it the fictional demo project
is shown.
"""

import sys
from pathlib import Path

ENTRY_SCRIPT = Path(__file__).resolve().parent / "streamlit_app.py"


def streamlit_command(port: int, *, headless: bool, address: str = "localhost") -> list[str]:
    """The ``streamlit run`` command line for the app (used by ``wijknet app`` and the browser test).

    The server listens on ``localhost`` unless told otherwise: the app shows
    personal data, and a manually set address also keeps Streamlit from
    asking an outside service for the machine's public IP address.
    """
    command = [
        sys.executable, "-m", "streamlit", "run", str(ENTRY_SCRIPT),
        f"--server.port={port}", f"--server.headless={str(headless).lower()}",
        "--browser.gatherUsageStats=false", "--client.toolbarMode=minimal", "--theme.base=light",
        "--global.developmentMode=false", f"--server.address={address}",
    ]
    return command


__all__ = ["ENTRY_SCRIPT", "streamlit_command"]
