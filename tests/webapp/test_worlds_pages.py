"""The pages Verbindingskansen and Leefwereld en systeemwereld under AppTest, for every audience."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.people import BEEKDAL
from tests.webapp.test_audiences import page_text
from wijknet.webapp import ENTRY_SCRIPT

QUOTE = "Fictief citaat: ik ken de huisarts niet"
ACTORS = """actor_id,wijk,domain,name,role,organisation,kind,consent,pluswijkteam
NRD-1,Noord,zorg,Praktijk Noordhoek,huisarts,Praktijk Noordhoek,organisation,ja,ja
NRD-2,Noord,gemeente,Gemeente Noordstad,Wmo-consulent,Gemeente Noordstad,organisation,ja,nee
NRD-3,Noord,welzijn,Welzijn Noord,welzijnscoach,Welzijn Noord,organisation,ja,nee
NRD-4,Noord,inwoners,Anna Noordveld,vrijwilliger,,person,ja,nee
NRD-5,Noord,inwoners,Bert Noordpad,mantelzorger,,person,ja,nee
NRD-6,Noord,inwoners,Cora Noordlaan,sleutelfiguur,,person,ja,nee
NRD-7,Noord,inwoners,Dirk Noordweg,vrijwilliger,,person,ja,nee
NRD-8,Noord,inwoners,Eva Noordstraat,mantelzorger,,person,ja,nee
ZUD-1,Zuid,zorg,Praktijk Zuidhoek,huisarts,Praktijk Zuidhoek,organisation,ja,ja
ZUD-2,Zuid,inwoners,Freek Zuidveld,vrijwilliger,,person,ja,nee
"""
PAIRS = [("NRD-1", "NRD-2"), ("NRD-2", "NRD-3"), ("NRD-3", "NRD-4"), ("NRD-4", "NRD-5"), ("NRD-5", "NRD-6"), ("NRD-6", "NRD-7"), ("NRD-4", "NRD-8"),
         ("ZUD-1", "ZUD-2")]  # fmt: skip


def write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.csv").write_text(ACTORS, encoding="utf-8")
    rows = ["wijk,wave,source,target,tie_type,weight,evidence"]
    for wave in ("2025", "2026"):
        rows += [
            f"{'Noord' if s[0] == 'N' else 'Zuid'},{wave},{s},{t},samenwerking,2,enquête"
            for s, t in PAIRS
        ]
    rows.append(f'Noord,2025,NRD-7,NRD-1,zou_moeten_kennen,1,"{QUOTE}"')
    rows.append("Zuid,2025,ZUD-2,ZUD-1,wens,1,gesprek Zuid")
    (folder / "ties.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "wijknet.yaml").write_text(
        "title: Testproject\nwaves: ['2025', '2026']\n", encoding="utf-8"
    )
    return folder


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    folder = write(tmp_path / "project")
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def viewing_as(audience: str, page: str) -> AppTest:
    at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=120).run()
    at.sidebar.selectbox(key="view_as").set_value(audience).run()
    at.sidebar.selectbox(key="wijk").set_value(at.sidebar.selectbox(key="wijk").options[0]).run()
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, at.exception
    return at


def test_opportunities_page_for_the_researcher(project):
    at = viewing_as("onderzoeker", "verbindingskansen")
    assert at.title[0].value == "Verbindingskansen"
    assert [s.value for s in at.main.subheader] == ["Mogelijke kennismakingen", "Op de kaart",
                                               "Ontbrekende verbindingen uit gesprekken", "Sleutelspelers"]  # fmt: skip
    suggestions, players = (table.value for table in at.table)
    (found,) = (df.value for df in at.dataframe)
    # the chain NRD-1 - ... - NRD-7 has fragile bridges; every sentence says why, never that it must happen
    assert "kwetsbare brug" in set(suggestions["Reden"])
    reasons = (
        "alleen via",
        "systeemwereld",
        "verwacht samenwerking tussen",
    )  # bridge, world gap, kernaanpak
    assert all(any(r in s for r in reasons) for s in suggestions["Waarom (feiten)"])
    assert not any("moet" in s.split() for s in suggestions["Waarom (feiten)"])
    assert found["Signaal"].tolist() == ["kent niet maar zou moeten"]
    assert found["Relatie sinds"].tolist() == ["nog niet"]
    assert len(players) == 2
    doc = at.get("iframe")[0].proto.srcdoc
    assert '"dashes": [8, 6]' in doc and "voorgestelde kennismaking" in doc
    assert QUOTE not in page_text(at)  # names locked: no free text either


def test_opportunities_page_in_english(project):
    at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=120).run()
    at.sidebar.radio(key="lang").set_value("en").run()
    at.switch_page("views/verbindingskansen.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Opportunities to connect"
    assert "Why (facts)" in at.table[0].value.columns


def test_worlds_page_for_the_researcher(project):
    at = viewing_as("onderzoeker", "leefwereld")
    assert at.title[0].value == "Leefwereld en systeemwereld"
    text = page_text(at)
    assert "E-I-index" in text and "Bruggenbouwers tussen de werelden" in text
    mixing, formal = (df.value for df in at.dataframe)
    (bridges,) = (table.value for table in at.table)
    assert mixing["Van"].tolist() == ["leefwereld", "leefwereld", "systeemwereld", "systeemwereld"]
    # NRD-3 (welzijnscoach) is the only actor of the systeemwereld tied to the leefwereld (NRD-4)
    assert bridges.iloc[0]["Wereld"] in {"leefwereld", "systeemwereld"}
    assert set(formal["Meting"]) == {"2025", "2026"}
    assert any("buiten het PlusWIJkteam" in i.value for i in at.info)


def test_wijkteam_sees_its_wijk_and_no_quote(project):
    for page in ("verbindingskansen", "leefwereld"):
        at = viewing_as("wijkteam:Noord", page)
        text = page_text(at)
        for value in (
            "Zuid",
            "Freek Zuidveld",
            "Praktijk Zuidhoek",
            "ZUD-1",
            "ZUD-2",
            QUOTE,
            "NRD-1",
            "NRD-7",
        ):
            assert value not in text, (page, value)


def test_leernetwerk_sees_aggregates_only(project):
    at = viewing_as("leernetwerk", "leefwereld")
    text = page_text(at)
    assert "groepscijfers" in text
    for value in (
        "Anna Noordveld",
        "Praktijk Noordhoek",
        "Gemeente Noordstad",
        "NRD-1",
        "NRD-4",
        "ZUD-1",
        QUOTE,
    ):
        assert value not in text, value
    assert "Bruggenbouwers" not in text
    # every published count per wijk is a dash (small) or at least 5
    table = at.dataframe[0].value
    for column in ("Relaties tussen de werelden", "Relaties binnen een wereld"):
        assert all(v == "–" or int(v) >= 5 or v == "0" for v in table[column])
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/verbindingskansen.py")


@pytest.fixture
def people(people_files, monkeypatch):
    monkeypatch.setenv("WIJKNET_PROJECT", str(people_files))
    return people_files


@pytest.mark.parametrize("page", ["verbindingskansen", "leefwereld"])
def test_wijkteam_of_the_people_project_sees_nothing_of_beekdal(people, page):
    at = viewing_as("wijkteam:Heidepark", page)
    text = page_text(at)
    for value in (*BEEKDAL, "Bravo Heideveld", "Charlie Heidebeek", "HP-1"):
        assert value not in text, (page, value)
