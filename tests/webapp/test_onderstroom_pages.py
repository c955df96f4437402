"""The pages "Vertrouwen en waarde" and "Participatie van inwoners" per audience (AppTest, no browser).

The project is the hand-made survey of tests/analysis/test_onderstroom.py (fictional names), written as a
tidy folder: one wijk Noord, waves 2025 and 2026.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.analysis.test_onderstroom import frames
from wijknet.webapp import ENTRY_SCRIPT


@pytest.fixture
def folder(tmp_path, monkeypatch):
    folder = tmp_path / "survey"
    folder.mkdir()
    for name, table in frames().items():
        table.to_csv(folder / f"{name}.csv", index=False)
    (folder / "wijknet.yaml").write_text(
        'title: "Fictief"\nsynthetic: true\nwaves: ["2025", "2026"]\n'
    )
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def page(audience: str, file: str, wave: str = "2026", lang: str = "nl") -> AppTest:
    at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=180).run()
    at.sidebar.selectbox(key="view_as").set_value(audience).run()
    at.sidebar.selectbox(key="wave").set_value(wave).run()
    at.switch_page(f"views/{file}").run()
    if lang != "nl":  # after switching: the map page's radios have language-dependent labels
        at.sidebar.radio(key="lang").set_value(lang).run()
    assert not at.exception, at.exception
    return at


def tables(at: AppTest) -> str:
    return "\n".join(df.value.to_csv() for df in at.dataframe)


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_researcher_sees_pairs_organisations_and_themes(folder):
    at = page("onderzoeker", "vertrouwen.py", wave="2025")
    assert at.title[0].value == "Vertrouwen en waarde"
    text = tables(at)
    # 2025 welzijn -> zorg: trust 3.25 with an interval; network trust 2.70
    assert "3,25" in text and "2,70" in text
    assert "Fictief z1" in text  # rated by three: per organisation
    assert [s.value for s in at.main.subheader][-1].startswith("Wat de gesprekken zeggen")
    assert "vertrouwen" in text and "wachtlijst" in text
    assert "fictief citaat" in text  # the demo-like fictional folder opens unlocked


def test_wijkteam_sees_no_mean_of_fewer_than_three_raters(folder):
    at = page("wijkteam:Noord", "vertrouwen.py", wave="2026")
    text = tables(at)
    # 2026 welzijn -> zorg (3.1 of three raters) is hidden with gemeente -> zorg (one rater, 1.0)
    assert "3,1" not in text and "1,0 " not in text
    assert "2,7 (" in text  # the whole wijk, one decimal
    assert "Wat de gesprekken zeggen" not in " ".join(s.value for s in at.main.subheader)
    assert "fictief citaat" not in text
    assert any(
        "Geen partner" in i.value for i in at.info
    )  # 2026: nobody rated by three with the rest safe
    assert "95%" not in " ".join(c.value for c in at.caption)  # no statistics jargon for a wijkteam


def test_leernetwerk_sees_network_figures_only(folder):
    at = page("leernetwerk", "vertrouwen.py", wave="2025")
    text = tables(at)
    assert "Fictief" not in text
    assert "Partners zoals anderen" not in " ".join(s.value for s in at.main.subheader)
    assert len(at.dataframe) == 1  # the whole wijk per wave


def test_english_page(folder):
    at = page("onderzoeker", "vertrouwen.py", lang="en")
    assert at.title[0].value == "Trust and value"


def test_participation_page_for_researcher_and_wijkteam(folder):
    at = page("onderzoeker", "participatie.py")
    assert at.title[0].value == "Participatie van inwoners"
    text = markdown(at)
    assert "**informeren**" in text and "**adviseren**" in text and "2 treden hoger" in text
    assert "coproduceren" in tables(at)
    team = page("wijkteam:Noord", "participatie.py")
    assert (
        "–" in team.dataframe[-1].value.iloc[:, -1].tolist()
    )  # ties of one or two residents: hidden


def test_map_weighted_by_trust_for_researchers_only(folder):
    at = page("onderzoeker", "netwerkkaart.py", wave="2025")
    # the map's controls stand in a column beside it, no longer in the sidebar
    at.radio(key="map_weight_nl").set_value("trust").run()
    assert not at.exception, at.exception
    doc = at.get("iframe")[0].proto.srcdoc
    assert "Sterkte: 4,0" in doc  # w1 -> z1: w1's trust in z1 (4, 4, 4)
    at.toggle(key="map_min_level").set_value(True).run()
    assert not at.exception, at.exception
    team = page("wijkteam:Noord", "netwerkkaart.py", wave="2025")
    assert not team.exception, team.exception
    assert any(r.key == "map_measure_nl" for r in team.radio)  # the map's column is there
    assert not any(r.key == "map_weight_nl" for r in team.radio)
    assert not any(w.key == "map_min_level" for w in team.toggle)
