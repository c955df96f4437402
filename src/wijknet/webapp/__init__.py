"""The Streamlit app of wijknet (thin pages over the library).

Run it with ``wijknet app [PROJECT]`` or ``streamlit run`` on
``wijknet/webapp/streamlit_app.py`` (or ``app.py`` in a checkout). The project
folder comes from ``WIJKNET_PROJECT``; without it the fictional demo project
is shown.
"""

import subprocess
import sys
import time
import urllib.request
import webbrowser
from pathlib import Path

ENTRY_SCRIPT = Path(__file__).resolve().parent / "streamlit_app.py"


def streamlit_command(port: int, *, headless: bool, address: str = "localhost") -> list[str]:
    """The ``streamlit run`` command line for the app (used by ``wijknet app`` and the browser test).

    The server listens on ``localhost`` unless told otherwise: the app shows
    personal data, and a manually set address also keeps Streamlit from
    asking an outside service for the machine's public IP address.
    """
    command = [
        sys.executable,
        "-m",
        "wijknet.webapp.serve",  # streamlit, with the app's modules imported before the first visit
        "run",
        str(ENTRY_SCRIPT),
        f"--server.port={port}",
        f"--server.headless={str(headless).lower()}",
        "--browser.gatherUsageStats=false",
        "--client.toolbarMode=minimal",
        "--theme.base=light",
        "--global.developmentMode=false",
        f"--server.address={address}",
    ]
    return command


def run(
    port: int,
    *,
    address: str = "localhost",
    open_browser: bool = True,
    env: dict | None = None,
    timeout: float = 60.0,
) -> int:
    """Run the app until it is stopped and return Streamlit's exit code.

    Streamlit always runs headless: otherwise its first run in a new account
    stops to ask for an e-mail address. The browser is opened here instead,
    once the server answers.
    """
    process = subprocess.Popen(streamlit_command(port, headless=True, address=address), env=env)
    host = "localhost" if address in ("0.0.0.0", "::") else address
    url = f"http://{host}:{port}"
    try:
        if open_browser and _wait_until_up(url, process, timeout):
            webbrowser.open(url)
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        return process.wait()


def _wait_until_up(url: str, process: subprocess.Popen, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


__all__ = ["ENTRY_SCRIPT", "run", "streamlit_command"]
