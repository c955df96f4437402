"""The page PlusWIJkteam under AppTest, for each audience, on the hand-made project of tests/kernproject.py."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.kernproject import write_hand_project
from wijknet.webapp import ENTRY_SCRIPT

PAGE = "views/pluswijkteam.py"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    folder = write_hand_project(tmp_path / "project")
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def open_page(audience: str = "onderzoeker", wave: str = "2025") -> AppTest:
    at = AppTest.from_file(str(ENTRY_SCRIPT), default_timeout=120).run()
    at.sidebar.selectbox(key="view_as").set_value(audience).run()
    at.sidebar.selectbox(key="wave").set_value(wave).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    parts = [str(e.value) for kind in ("title", "subheader", "markdown", "caption", "info", "success")
             for e in getattr(at, kind)]  # fmt: skip
    parts += [str(m.value) for m in at.metric] + [d.value.to_csv() for d in at.dataframe]
    return "\n".join(parts).replace("\\", "")  # ui.literal escapes punctuation


def test_researcher_sees_the_indicators_with_a_sentence_each(folder):
    at = open_page("onderzoeker", "2025")
    assert at.title[0].value == "PlusWIJkteam"
    # Noord 2025 (hand counts in tests/analysis/test_team.py): 3 members, 7 of 7 in two steps, 2 leefwereld ties,
    # 3 of the 4 arcs of the others go to the team.
    assert [m.value for m in at.metric] == ["3", "100%", "2", "75%"]
    text = shown(at)
    assert "Het PlusWIJkteam bereikt 100% van het wijknetwerk binnen twee stappen." in text
    assert "Het PlusWIJkteam heeft een directe relatie met 86% van het wijknetwerk." in text
    assert "Het plan vraagt ook om: GGZ (ook POH-GGZ)." in text


def test_team_follows_the_wave_and_english(folder):
    at = open_page("onderzoeker", "2026")
    assert [m.value for m in at.metric][0] == "4"  # w1 joins in 2026
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert "The PlusWIJkteam reaches 86% of the wijknetwerk within two steps." in shown(at)


def test_wijkteam_sees_its_own_wijk_only(folder):
    at = open_page("wijkteam:Zuid")
    assert at.sidebar.selectbox(key="wijk").options == ["Zuid"]
    text = shown(at)
    assert [m.value for m in at.metric][0] == "1"
    for other in ("Noord", "g1", "w1", "sleutelfiguur"):
        assert other not in text


def test_leernetwerk_gets_no_team_details(folder):
    at = open_page("leernetwerk")
    assert any("alleen voor onderzoekers" in i.value for i in at.info)
    assert not at.metric and not at.dataframe
