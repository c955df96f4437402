"""The Excel workbook: sheets, inert formulas, numbers as numbers, and a lossless round trip."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from wijknet import load_project
from wijknet.analysis.standard import ACTOR_COLUMNS, MIXING_COLUMNS, NETWORK_COLUMNS
from wijknet.export import export_project

SHEETS = ["actors", "ties", "actor_metrics", "network_metrics", "mixing", "codebook", "info"]
FORMULA = '=HYPERLINK("http://voorbeeld.invalid","klik")'


@pytest.fixture
def workbook(project, tmp_path):
    (path,) = export_project(project, "xlsx", tmp_path / "out", n_permutations=19)
    return path


def _sheet(path, name) -> pd.DataFrame:
    return pd.read_excel(path, sheet_name=name, dtype=object)


def test_workbook_has_every_sheet_and_the_analysis_columns(workbook):
    assert workbook.name == "wijknet.xlsx"
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == SHEETS
    assert list(_sheet(workbook, "actor_metrics").columns[: len(ACTOR_COLUMNS)]) == ACTOR_COLUMNS
    assert (
        list(_sheet(workbook, "network_metrics").columns[: len(NETWORK_COLUMNS)]) == NETWORK_COLUMNS
    )
    assert list(_sheet(workbook, "mixing").columns) == MIXING_COLUMNS
    assert len(_sheet(workbook, "network_metrics")) == 2 * 3


def test_formula_in_a_name_stays_inert_text(workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["actors"]
    header = [c.value for c in ws[1]]
    cells = {
        ws.cell(row=r, column=1).value: ws.cell(row=r, column=header.index("name") + 1)
        for r in range(2, ws.max_row + 1)
    }
    cell = cells["z2"]
    assert cell.data_type == "s" and cell.value == FORMULA and cell.quotePrefix
    ties = wb["ties"]
    column = [c.value for c in ties[1]].index("evidence")
    evidence = [row[column] for row in ties.iter_rows(min_row=2) if row[column].value]
    assert {c.value for c in evidence} >= {"=1+1", "@bron"} and all(
        c.data_type == "s" for c in evidence
    )
    for sheet in ("actors", "ties"):
        assert "<f>" not in _sheet_xml(workbook, sheet), "no formula may be stored"


def _sheet_xml(path, name) -> str:
    import zipfile

    wb = openpyxl.load_workbook(path)
    index = wb.sheetnames.index(name) + 1
    with zipfile.ZipFile(path) as z:
        return z.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")


def test_numbers_stay_numbers_and_ids_stay_text(workbook):
    wb = openpyxl.load_workbook(workbook)
    ties = wb["ties"]
    header = [c.value for c in ties[1]]
    weights = [row[header.index("weight")] for row in ties.iter_rows(min_row=2)]
    assert all(c.data_type == "n" for c in weights) and 2.5 in [c.value for c in weights]
    waves = [row[header.index("wave")] for row in ties.iter_rows(min_row=2)]
    assert all(c.data_type == "s" for c in waves)
    actors = wb["actors"]
    header = [c.value for c in actors[1]]
    buurt = {row[0].value: row[header.index("buurt")].value for row in actors.iter_rows(min_row=2)}
    assert buurt["z1"] == "0123" and buurt["i1"] == "-12"
    metrics = wb["actor_metrics"]
    header = [c.value for c in metrics[1]]
    assert all(
        row[header.index("in_degree")].data_type == "n" for row in metrics.iter_rows(min_row=2)
    )


def _tidy_workbook(source, sheet, target):
    """Keep only ``sheet`` of the workbook and save it as ``target`` (actors.xlsx / ties.xlsx)."""
    wb = openpyxl.load_workbook(source)
    for name in wb.sheetnames:
        if name != sheet:
            wb.remove(wb[name])
    wb.save(target)


def test_actors_and_ties_sheets_round_trip_through_load_project(project, workbook, tmp_path):
    folder = tmp_path / "again"
    folder.mkdir()
    _tidy_workbook(workbook, "actors", folder / "actors.xlsx")
    _tidy_workbook(workbook, "ties", folder / "ties.xlsx")
    again = load_project(folder)
    pd.testing.assert_frame_equal(again.actors, project.actors)
    pd.testing.assert_frame_equal(again.ties, project.ties)
    assert again.waves == project.waves


def test_codebook_describes_every_column_in_dutch_and_english(workbook):
    codebook = _sheet(workbook, "codebook")
    assert list(codebook.columns) == ["sheet", "column", "betekenis", "meaning", "waarden_values"]
    for sheet in SHEETS[:5]:
        columns = list(_sheet(workbook, sheet).columns)
        described = codebook[codebook["sheet"] == sheet]
        assert list(described["column"]) == columns
        assert described["betekenis"].notna().all() and described["meaning"].notna().all()
    row = codebook[(codebook["sheet"] == "actors") & (codebook["column"] == "pluswijkteam")].iloc[0]
    assert row["betekenis"] == "lid van het PlusWIJkteam" and row["waarden_values"] == "ja / nee"


def test_one_wijk_and_wave_and_a_file_name(project, tmp_path):
    (path,) = export_project(
        project, "xlsx", tmp_path / "noord-2026.xlsx", wijk="Noord", wave="2026", n_permutations=9
    )
    assert path == tmp_path / "noord-2026.xlsx"
    actors = _sheet(path, "actors")
    ties = _sheet(path, "ties")
    assert sorted(actors["actor_id"]) == ["i1", "w1", "z1", "z2"]
    assert set(ties["wave"]) == {"2026"} and set(ties["wijk"]) == {"Noord"}
    network = _sheet(path, "network_metrics")
    assert network[["wijk", "wave"]].values.tolist() == [["Noord", "2026"]]
