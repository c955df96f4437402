"""Publishable reports: a wijk report, a programme report for the steering group, and PDF output.

Library first: the CLI (``wijknet report``) and the app's download button
only call these functions::

    from wijknet.report import build_wijk_report, render_html, write_report
    report = build_wijk_report(project, "Daalhof", "2026")
    html = render_html(report, lang="nl")
    write_report(report, "daalhof-2026.pdf")        # .html or .pdf

:mod:`.build` computes the numbers (the same as :func:`wijknet.analyse`),
:mod:`.render` writes self-contained HTML from Jinja2 templates,
:mod:`.svgmap` draws the static network map and :mod:`.pdf` prints HTML to
PDF with headless Chromium. Respondent feedback profiles are in
:mod:`wijknet.analysis.feedback`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from wijknet.report.build import (
    ProgrammeReport,
    Provenance,
    SourceFile,
    WijkReport,
    build_programme_report,
    build_wijk_report,
    data_hash,
)
from wijknet.report.pdf import BrowserNotFound, PdfError, find_chromium, html_to_pdf
from wijknet.report.render import render_html, write_html
from wijknet.report.svgmap import svg_network_map

__all__ = [
    "BrowserNotFound", "PdfError", "ProgrammeReport", "Provenance", "SourceFile", "WijkReport",
    "build_programme_report", "build_wijk_report", "data_hash", "find_chromium", "html_to_pdf", "pdf_bytes",
    "render_html", "svg_network_map", "write_html", "write_report",
]  # fmt: skip


def write_report(
    report: WijkReport | ProgrammeReport, path: str | Path, lang: str | None = None
) -> Path:
    """Write ``report`` as HTML or, for a path ending in ``.pdf``, as PDF.

    Raises
    ------
    BrowserNotFound
        For a PDF when Chromium is not installed.
    PdfError
        When Chromium fails.
    """
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        return write_html(report, path, lang)
    with tempfile.TemporaryDirectory(prefix="wijknet-report-") as tmp:
        html_path = write_html(report, Path(tmp) / "report.html", lang)
        return html_to_pdf(html_path, path)


def pdf_bytes(html: str) -> bytes:
    """The PDF of an HTML document (for download buttons); see :func:`html_to_pdf`."""
    with tempfile.TemporaryDirectory(prefix="wijknet-report-") as tmp:
        source = Path(tmp) / "report.html"
        source.write_text(html, encoding="utf-8")
        return html_to_pdf(source, Path(tmp) / "report.pdf").read_bytes()
