"""HTML to PDF with headless Chromium.

Chromium prints the report exactly as its print CSS says (A4, page breaks,
page numbers). The HTML of :mod:`wijknet.report.render` is self-contained,
and Chromium is started without network services, so printing loads
nothing from the internet.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from wijknet.core.i18n import text

__all__ = ["BrowserNotFound", "PdfError", "find_chromium", "html_to_pdf"]

TEXTS = {
    "no_chromium": {
        "nl": "PDF maken vraagt Chromium (apt-get install chromium); kies anders .html",
        "en": "Making a PDF needs Chromium (apt-get install chromium); otherwise choose .html",
    },
    "failed": {
        "nl": "Chromium kon de PDF niet maken ({detail})",
        "en": "Chromium could not make the PDF ({detail})",
    },
}
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FALLBACK = "/usr/bin/chromium"
ENV_BROWSER = "WIJKNET_CHROMIUM"


class PdfError(RuntimeError):
    """Chromium ran but gave no PDF."""


class BrowserNotFound(PdfError):
    """No Chromium on this machine; the message says how to install it."""


def find_chromium() -> str | None:
    """The path of a Chromium (or Chrome) binary, or None.

    Looks at ``$WIJKNET_CHROMIUM``, then ``chromium`` and its usual other
    names on the ``PATH``, then ``/usr/bin/chromium``.
    """
    configured = os.environ.get(ENV_BROWSER)
    if configured:
        return configured if Path(configured).exists() else shutil.which(configured)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return FALLBACK if Path(FALLBACK).exists() else None


def html_to_pdf(
    html_path: str | Path, pdf_path: str | Path, *, timeout: float = 180, browser: str | None = None
) -> Path:
    """Print an HTML file to PDF with headless Chromium.

    Parameters
    ----------
    html_path : path
        A self-contained HTML file (:func:`wijknet.report.render.write_html`).
    pdf_path : path
        Where to write the PDF; the folder is created if needed.
    timeout : float, default 180
        Seconds before Chromium is stopped.
    browser : str, optional
        The Chromium binary; default :func:`find_chromium`.

    Returns
    -------
    pathlib.Path
        ``pdf_path``.

    Raises
    ------
    BrowserNotFound
        No Chromium was found (message in the active language).
    PdfError
        Chromium failed, timed out or wrote no PDF.
    """
    browser = browser or find_chromium()
    if not browser:
        raise BrowserNotFound(text(TEXTS, "no_chromium"))
    html_path = Path(html_path).resolve()
    pdf_path = Path(pdf_path).resolve()
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wijknet-chromium-") as profile:
        tmp_pdf = Path(profile) / "out.pdf"
        command = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-extensions", "--disable-sync", "--no-first-run", "--no-default-browser-check",
            "--disable-component-update", "--mute-audio", f"--user-data-dir={profile}", "--no-pdf-header-footer",
            f"--print-to-pdf={tmp_pdf}", html_path.as_uri(),
        ]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except FileNotFoundError:
            raise BrowserNotFound(text(TEXTS, "no_chromium")) from None
        except subprocess.TimeoutExpired:
            raise PdfError(text(TEXTS, "failed", detail=f"timeout {timeout:.0f} s")) from None
        if (
            not tmp_pdf.exists()
            or tmp_pdf.stat().st_size == 0
            or not tmp_pdf.read_bytes().startswith(b"%PDF")
        ):
            detail = (done.stderr or b"").decode("utf-8", "replace").strip().splitlines()
            raise PdfError(
                text(TEXTS, "failed", detail=detail[-1] if detail else f"exit {done.returncode}")
            )
        shutil.move(str(tmp_pdf), pdf_path)
    return pdf_path
