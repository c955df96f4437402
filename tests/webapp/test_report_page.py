"""The Rapport page: a download button for the wijk report (AppTest, no browser)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.webapp.test_pages import write_project
from wijknet.report import find_chromium
from wijknet.webapp import ENTRY_SCRIPT


@pytest.fixture
def project(tmp_path, monkeypatch):
    folder = write_project(tmp_path / "project", responses=True)
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def buttons(at):
    return at.get("download_button")


def test_report_page_offers_the_html_report(project, monkeypatch):
    monkeypatch.setenv("WIJKNET_CHROMIUM", str(project / "no-such-browser"))
    at = AppTest.from_file(str(ENTRY_SCRIPT), default_timeout=180).run()
    at.switch_page("views/rapport.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Rapport"
    assert any("Fictieve demodata" in w.value for w in at.warning)
    found = buttons(at)
    assert len(found) == 1
    assert found[0].proto.label == "Rapport downloaden (HTML)"
    assert any("wijk Noord, meting 2026" in m.value for m in at.markdown)
    assert any("Chromium" in i.value for i in at.info)  # no PDF without a browser


def test_report_page_follows_the_sidebar_and_language(project, monkeypatch):
    monkeypatch.setenv("WIJKNET_CHROMIUM", str(project / "no-such-browser"))
    at = AppTest.from_file(str(ENTRY_SCRIPT), default_timeout=180).run()
    at.switch_page("views/rapport.py").run()
    at.sidebar.selectbox(key="wijk").set_value("Zuid").run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Report"
    assert buttons(at)[0].proto.label == "Download report (HTML)"
    assert any("wijk Zuid, wave 2026" in m.value for m in at.markdown)


@pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed")
def test_report_page_makes_a_pdf(project):
    at = AppTest.from_file(str(ENTRY_SCRIPT), default_timeout=180).run()
    at.switch_page("views/rapport.py").run()
    assert not at.exception, at.exception
    at.button(key="report_make_pdf").click().run()
    assert not at.exception, at.exception
    labels = [b.proto.label for b in buttons(at)]
    assert labels == ["Rapport downloaden (HTML)", "Rapport downloaden (PDF)"]


def test_report_html_is_the_library_report(project):
    from wijknet.webapp import state

    html = state.report_html.__wrapped__(
        str(project), (state.signature(project), "onderzoeker", True), "Noord", "2025", "nl"
    )
    assert "Wijknetwerk Noord" in html and "meting 2025" in html and "Fictieve demodata" in html
