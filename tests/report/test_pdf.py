"""HTML to PDF with headless Chromium (skipped without Chromium unless WIJKNET_REQUIRE_BROWSER=1)."""

from __future__ import annotations

import os
import re

import pytest

from wijknet.report import (
    BrowserNotFound,
    find_chromium,
    html_to_pdf,
    write_html,
    write_report,
)

needs_browser = pytest.mark.skipif(
    find_chromium() is None and os.environ.get("WIJKNET_REQUIRE_BROWSER") != "1",
    reason="Chromium is not installed (set WIJKNET_REQUIRE_BROWSER=1 to fail instead)",
)


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@needs_browser
def test_wijk_report_as_pdf(tmp_path, daalhof):
    path = write_report(daalhof, tmp_path / "daalhof.pdf", lang="nl")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert pages(data) >= 2


@needs_browser
def test_programme_report_as_pdf(tmp_path, programme):
    html = write_html(programme, tmp_path / "programma.html", lang="en")
    data = html_to_pdf(html, tmp_path / "programma.pdf").read_bytes()
    assert data.startswith(b"%PDF") and pages(data) >= 2


def test_without_chromium_the_message_says_what_to_do(tmp_path, daalhof, monkeypatch):
    monkeypatch.setattr("wijknet.report.pdf.find_chromium", lambda: None)
    html = write_html(daalhof, tmp_path / "r.html", lang="nl")
    with pytest.raises(
        BrowserNotFound,
        match=r"PDF maken vraagt Chromium \(apt-get install chromium\); kies anders \.html",
    ):
        html_to_pdf(html, tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()
