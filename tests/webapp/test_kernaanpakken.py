"""The page Kernaanpakken under AppTest, for each audience, on the hand-made project of tests/kernproject.py."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.kernproject import write_hand_project
from wijknet.webapp import ENTRY_SCRIPT

PAGE = "views/kernaanpakken.py"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    folder = write_hand_project(tmp_path / "project")
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def open_page(audience: str = "onderzoeker", wave: str = "2026") -> AppTest:
    at = AppTest.from_file(str(ENTRY_SCRIPT), default_timeout=120).run()
    at.sidebar.selectbox(key="view_as").set_value(audience).run()
    at.sidebar.selectbox(key="wave").set_value(wave).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    parts = [
        str(e.value)
        for kind in ("title", "subheader", "markdown", "caption", "info")
        for e in getattr(at, kind)
    ]
    parts += [str(m.value) for m in at.metric] + [d.value.to_csv() for d in at.dataframe]
    return "\n".join(parts).replace("\\", "")  # ui.literal escapes punctuation


def test_researcher_sees_every_kernaanpak_with_sentences_and_the_participation_check(folder):
    at = open_page("onderzoeker", "2025")
    assert at.title[0].value == "Kernaanpakken"
    text = shown(at)
    for name in ("Doorbraakmethode", "Welzijn op Recept", "Kernteam Ouderen", "PlusPraktijken"):
        assert name in text
    # Doorbraak 2025: 2 of 3 links (hand count in tests/analysis/test_kernaanpak.py); no GP-municipality tie
    assert "2 van de 3 verwachte samenwerkingen zijn er" in text
    assert "Er is geen relatie tussen Huisarts / huisartsenpraktijk en Gemeente" in text
    # The Kernteam Ouderen misses its elderly-care physician in 2025
    assert (
        "Ontbreekt in de wijk: Specialist ouderengeneeskunde of verpleegkundig specialist." in text
    )
    assert "Deelnamecontrole (alleen voor onderzoekers)" in text
    assert [m.value for m in at.metric][:2] == ["67%", "75%"]


def test_change_since_the_previous_wave_and_english(folder):
    at = open_page("onderzoeker", "2026")
    assert "Sinds 2025: +1." in shown(at)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Kernaanpakken (core approaches)"
    assert "3 of the 3 expected collaborations exist (100%)." in shown(at)


def test_wijkteam_sees_its_own_wijk_and_no_participation_check(folder):
    at = open_page("wijkteam:Zuid")
    assert at.sidebar.selectbox(key="wijk").options == ["Zuid"]
    text = shown(at)
    assert "Deelnamecontrole" not in text
    assert "Ontbreekt in de wijk: Welzijnscoach." in text
    for other in ("Noord", "g1", "w1"):
        assert other not in text


def test_leernetwerk_sees_completeness_per_wijk_only(folder):
    at = open_page("leernetwerk")
    assert any("alleen hoe volledig" in i.value for i in at.info)
    table = at.dataframe[0].value
    assert table["wijk"].tolist() == ["Noord", "Zuid"]
    assert table.loc[0, "Kernteam Ouderen"] == "38%"  # 3 of 8 in 2026
    text = shown(at)
    assert (
        "wederzijds" not in text
        and "Er is geen relatie" not in text
        and "Deelnamecontrole" not in text
    )
    for actor in ("g1", "s1", "P-", "O-"):
        assert actor not in text
