"""The wijken, ppi and kpi_corrections tables in the project store: migration, whole-table imports, privacy."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import ACTORS, TIES, write
from tests.store.helpers import snapshot
from wijknet import DataError
from wijknet.privacy import Audience
from wijknet.privacy.view import restrict
from wijknet.store import connect, import_files, init_store
from wijknet.store.audit import read_log
from wijknet.store.load import load_store_project
from wijknet.store.schema import MIGRATIONS, SCHEMA_VERSION, V6

WIJKEN = (
    "wijk,gemeente,subregio,groep,start_wijkplan,fase_2025,fase_2026\n"
    "Noord,Fictiefstad,Heuvelland,pilotwijk,2025-09,wijkbeeld,wijkplan\n"
    "Zuid,Fictiefstad,Heuvelland,vergelijkingswijk,,,voorbereiding\n"
)
PPI = (
    "scope,period,indicator,value,target,unit,note\n"
    "Noord,2026-H1,wijkplan vastgesteld,ja,ja,,Vastgesteld in de stuurgroep\n"
    "Zuid,2026-H1,aantal PlusWIJkteamoverleggen,0,0,,\n"
    'programma,2026-H1,deelnemers leernetwerk,"12,5",10,personen,\n'
)
CORRECTIONS = "wijk,wave,correction,reason\nNoord,2026,-3,Fusie van twee fictieve praktijken\nZuid,2026,2,Nieuwe wijkverpleging\n"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """One store made once per module (two imports); every test gets a copy."""
    tmp = tmp_path_factory.mktemp("wijktables")
    folder = tmp / "project"
    init_store(folder)
    import_files(folder, [write(tmp, "actors.csv", ACTORS), write(tmp, "ties.csv", TIES)])
    import_files(folder, [write(tmp, "wijken.csv", WIJKEN), write(tmp, "ppi.csv", PPI),
                          write(tmp, "kpi_corrections.csv", CORRECTIONS)])  # fmt: skip
    return folder


@pytest.fixture
def store(template, tmp_path) -> Path:
    write(tmp_path, "wijken.csv", WIJKEN)
    return Path(shutil.copytree(template, tmp_path / "project"))


def test_the_tables_are_recognised_imported_and_loaded(store):
    project = load_store_project(store)
    assert project.wijk_groups() == {"Noord": "pilot", "Zuid": "comparison"}
    assert project.wijk_meta[["wijk", "municipality", "subregion", "wijkplan_start"]].values.tolist() == [
        ["Noord", "Fictiefstad", "Heuvelland", "2025-09"], ["Zuid", "Fictiefstad", "Heuvelland", ""]]  # fmt: skip
    assert project.wijk_phases.values.tolist() == [
        ["Noord", "2025", "wijkbeeld"], ["Noord", "2026", "wijkplan"], ["Zuid", "2026", "voorbereiding"]]  # fmt: skip
    assert (
        project.ppi["value"].tolist() == [1.0, 0.0, 12.5]
        and project.ppi["scope"].iloc[2] == "programma"
    )
    assert project.kpi_corrections["correction"].tolist() == [-3.0, 2.0]
    kinds = {
        f["file"]: f["kind"]
        for f in json.loads(read_log(store, action="import")["detail"].iloc[0])["files"]
    }
    assert kinds == {
        "wijken.csv": "wijken",
        "ppi.csv": "ppi",
        "kpi_corrections.csv": "kpi-corrections",
    }


def test_an_import_replaces_the_whole_table_and_an_earlier_file_comes_back(store, tmp_path):
    (tmp_path / "b").mkdir()
    one_row = write(tmp_path / "b", "wijken.csv", "wijk,group\nZuid,pilot\n")
    import_files(store, [one_row])
    project = load_store_project(store)
    assert project.wijk_meta["wijk"].tolist() == ["Zuid"] and project.wijk_phases.empty
    detail = json.loads(read_log(store, action="import")["detail"].iloc[0])
    assert detail["files"][0]["counts"] == {"table_rows": 1, "table_replaced": 2}
    import_files(
        store, [tmp_path / "wijken.csv"]
    )  # the first file again: it replaces the table again
    assert load_store_project(store).wijk_groups()["Zuid"] == "comparison"
    report = import_files(
        store, [tmp_path / "wijken.csv"]
    )  # now it is what the table holds: skipped
    assert [f.status for f in report.files] == ["already"]


def test_a_failed_import_changes_nothing(store, tmp_path):
    (tmp_path / "c").mkdir()
    before = snapshot(store)
    bad_wijken = write(
        tmp_path / "c", "wijken.csv", "wijk,group,phase_2026\nNoord,pilot,klaar\nWest,pilot,\n"
    )
    bad_ppi = write(
        tmp_path / "c",
        "ppi.csv",
        "scope,period,indicator,value\nNoord,2026-H1,a,1\nNoord,2026-H1,a,2\n",
    )
    with pytest.raises(DataError) as info:
        import_files(store, [bad_wijken, bad_ppi])
    found = {(p.file, p.row, p.column) for p in info.value.problems}
    assert found == {
        ("wijken.csv", 2, "phase_2026"),
        ("wijken.csv", 3, "wijk"),
        ("ppi.csv", 3, "indicator"),
    }
    assert snapshot(store) == before


def test_a_correction_needs_a_wave_of_the_project(store, tmp_path):
    (tmp_path / "d").mkdir()
    bad = write(
        tmp_path / "d", "kpi_corrections.csv", "wijk,wave,correction,reason\nNoord,2031,1,x\n"
    )
    with pytest.raises(DataError) as info:
        import_files(store, [bad])
    assert [(p.row, p.column) for p in info.value.problems] == [(2, "wave")]


def test_a_version_5_store_is_migrated_and_keeps_its_data(tmp_path):
    assert MIGRATIONS[5] == V6 and SCHEMA_VERSION >= 6
    folder = tmp_path / "old"
    init_store(folder)
    import_files(folder, [write(tmp_path, "actors.csv", ACTORS), write(tmp_path, "ties.csv", TIES)])
    old = sqlite3.connect(folder / "wijknet.sqlite", isolation_level=None)  # as version 5 wrote it
    for table in ("wijk_phases", "wijken", "ppi", "kpi_corrections"):
        old.execute(f"DROP TABLE {table}")
    old.execute("PRAGMA user_version = 5")
    old.close()
    conn = connect(folder)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert (
        version == SCHEMA_VERSION and {"wijken", "wijk_phases", "ppi", "kpi_corrections"} <= tables
    )
    project = load_store_project(folder)
    assert len(project.actors) == 6 and len(project.ties) == 7 and project.wijk_meta.empty


def test_a_wijkteam_sees_its_own_wijk_without_free_text_the_leernetwerk_all(store):
    project = load_store_project(store)
    team = restrict(project, "wijkteam:Zuid", key=bytes(32))
    assert team.wijk_meta["wijk"].tolist() == ["Zuid"] and team.wijk_phases["wijk"].tolist() == [
        "Zuid"
    ]
    assert sorted(team.ppi["scope"]) == ["Zuid", "programma"]
    assert "Vastgesteld" not in team.ppi.to_csv()
    reason = "reden vastgelegd (alleen voor onderzoekers)"  # free text: only an unlocked researcher reads it
    assert team.kpi_corrections[["wijk", "reason"]].values.tolist() == [["Zuid", reason]]
    assert (
        "Noord" not in team.wijk_meta.to_csv() + team.ppi.to_csv() + team.kpi_corrections.to_csv()
    )
    network = restrict(project, "leernetwerk", key=bytes(32))
    assert network.wijk_meta["wijk"].tolist() == ["Noord", "Zuid"]
    assert network.kpi_corrections["reason"].tolist() == [reason, reason]
    assert network.ppi["note"].iloc[0] == "toelichting vastgelegd (alleen voor onderzoekers)"
    unlocked = restrict(project, Audience.parse("onderzoeker", unlocked=True), key=bytes(32))
    assert unlocked.kpi_corrections["reason"].tolist() == [
        "Fusie van twee fictieve praktijken",
        "Nieuwe wijkverpleging",
    ]
    assert unlocked.ppi["note"].iloc[0] == "Vastgesteld in de stuurgroep"
