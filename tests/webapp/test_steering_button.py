"""The Rapport page's steering-group report button (AppTest, no browser)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.webapp.test_report_page import buttons, project  # noqa: F401  (the fixture)
from wijknet.webapp import ENTRY_SCRIPT


def test_rapport_page_makes_the_steering_report(project, monkeypatch):  # noqa: F811
    monkeypatch.setenv("WIJKNET_CHROMIUM", str(project / "no-such-browser"))
    at = AppTest.from_file(str(ENTRY_SCRIPT), default_timeout=240).run()
    at.switch_page("views/rapport.py").run()
    assert not at.exception, at.exception
    assert "Stuurgroeprapportage" in [h.value for h in at.subheader]
    assert at.selectbox(key="steering_period").options[:3] == ["2026", "2026-H2", "2026-H1"]
    assert [b.proto.label for b in buttons(at)] == [
        "Rapport downloaden (HTML)"
    ]  # nothing made before asked
    at.selectbox(key="steering_period").set_value("2026-H2").run()
    at.button(key="steering_make").click().run()
    assert not at.exception, at.exception
    labels = [b.proto.label for b in buttons(at)]
    assert labels == ["Rapport downloaden (HTML)", "Stuurgroeprapportage downloaden (HTML)"]
