"""The programme office's tables: wijken (metadata and phases), ppi and kpi_corrections."""

from __future__ import annotations

import csv
import math
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ACTORS, TIES
from wijknet import DataError, load_project
from wijknet.io.tidy import (
    period_code,
    phase_code,
    start_date,
    validate_kpi_corrections,
    validate_ppi,
    validate_wijken,
)

WIJKEN = ["Noord", "Zuid"]


def frame(text: str, file: str) -> pd.DataFrame:
    """A raw string table as read_table gives it: the index is the spreadsheet row (header = row 1)."""
    lines = list(csv.reader(text.strip().splitlines()))
    df = pd.DataFrame(lines[1:], columns=lines[0], index=range(2, len(lines) + 1))
    df.attrs["file"] = file
    return df


def problems(exc: DataError) -> list[tuple]:
    return [(p.file, p.row, p.column) for p in exc.problems]


def test_wijken_aliases_phases_that_repeat_and_skip():
    df = frame(
        "wijk,Gemeente,groep,start_wijkplan,fase_2025,fase_2026,fase_2027\n"
        "Noord,Fictiefstad,Pilotwijk,1-9-2025,Wijkbeeld,wijkbeeld,WIJKUITVOERING\n"  # repeats, then skips two
        "Zuid,Fictiefstad,vergelijkingswijk,,,voorbereiding,\n",
        "wijken.csv",
    ).rename(columns=str.lower)
    meta, phases = validate_wijken(df, WIJKEN)
    assert meta[["wijk", "municipality", "group", "wijkplan_start"]].values.tolist() == [
        ["Noord", "Fictiefstad", "pilot", "2025-09-01"],
        ["Zuid", "Fictiefstad", "comparison", ""],
    ]
    assert meta["subregion"].tolist() == ["", ""]
    # Hand count: Noord 3 phases (wijkbeeld twice), Zuid 1; empty cells give no row.
    assert phases.values.tolist() == [
        ["Noord", "2025", "wijkbeeld"],
        ["Noord", "2026", "wijkbeeld"],
        ["Noord", "2027", "wijkuitvoering"],
        ["Zuid", "2026", "voorbereiding"],
    ]


def test_wijken_errors_name_file_row_and_column():
    df = frame(
        "wijk,group,wijkplan_start,phase_2025,phase_2031\n"
        "Noord,pilot,2025-13,wijkbeeld,\n"
        "Nord,pilot,,wijkbeld,\n"
        "Noord,controle groep,,,\n",
        "wijken.csv",
    )
    with pytest.raises(DataError) as info:
        validate_wijken(df, WIJKEN, waves=["2025", "2026"])
    found = problems(info.value)
    assert ("wijken.csv", None, "phase_2031") in found  # a wave not in wijknet.yaml
    assert ("wijken.csv", 2, "wijkplan_start") in found  # no month 13
    assert ("wijken.csv", 3, "wijk") in found and ("wijken.csv", 3, "phase_2025") in found
    assert ("wijken.csv", 4, "group") in found and (
        "wijken.csv",
        4,
        "wijk",
    ) in found  # duplicate Noord
    message = next(str(p) for p in info.value.problems if p.row == 3 and p.column == "wijk")
    assert "Nord" in message and "bedoelt u 'Noord'" in message


def test_wijken_require_wijk_and_group():
    with pytest.raises(DataError) as info:
        validate_wijken(frame("wijk,gemeente\nNoord,Fictiefstad\n", "wijken.csv"), WIJKEN)
    assert problems(info.value) == [("wijken.csv", None, "group")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-H1", "2026-H1"), ("2026h2", "2026-H2"), ("H2 2025", "2025-H2"), ("2027", "2027")],
)
def test_period_formats(value, expected):
    assert period_code(value) == expected


@pytest.mark.parametrize("value", ["2026-H3", "26-H1", "2026-Q1", "", "H1"])
def test_bad_periods(value):
    with pytest.raises(ValueError):
        period_code(value)


def test_phase_and_date_rules():
    assert phase_code("Wijk Opgave") == "wijkopgave" and phase_code("plan") == "wijkplan"
    with pytest.raises(ValueError):
        phase_code("afgerond")
    with pytest.raises(ValueError):
        start_date("31-2-2025")  # no such day


def test_ppi_values_targets_and_programme_scope():
    df = frame(
        "scope,period,indicator,value,target,unit\n"
        "Programma,2026-H1,deelnemers leernetwerk,41,40,personen\n"
        'Noord,2026-H1,aantal PlusWIJkteamoverleggen,"5,5",6,\n'
        "Noord,2026-H2,wijkplan vastgesteld,ja,ja,\n"
        "Zuid,2026-H2,wijkplan vastgesteld,,,\n",
        "ppi.csv",
    )
    out = validate_ppi(df, WIJKEN)
    assert out["scope"].tolist() == ["programma", "Noord", "Noord", "Zuid"]
    assert out["value"].tolist()[:3] == [41.0, 5.5, 1.0] and math.isnan(out["value"].iloc[3])
    assert out["unit"].tolist() == ["personen", "", "", ""] and out["note"].tolist() == [""] * 4


def test_ppi_errors_and_duplicates():
    df = frame(
        "scope,period,indicator,value,target\n"
        "Noord,2026-H1,overleggen,5,x\n"
        "Westt,2026-H1,overleggen,5,6\n"
        "Noord,2026 h1,Overleggen,6,6\n"  # the same as row 2 after normalising
        "Zuid,2026-H5,overleggen,inf,6\n",
        "ppi.csv",
    )
    with pytest.raises(DataError) as info:
        validate_ppi(df, WIJKEN)
    assert problems(info.value) == [
        ("ppi.csv", 2, "target"),
        ("ppi.csv", 3, "scope"),
        ("ppi.csv", 4, "indicator"),
        ("ppi.csv", 5, "period"),
        ("ppi.csv", 5, "value"),
    ]
    assert "rij 2" in str(info.value.problems[2])


def test_kpi_corrections_rules():
    df = frame(
        "wijk,wave,correction,reason\n"
        'Noord,2026,"-2,5",Fusie\n'
        "Noord,2026,1,Nog een\n"
        "Zuid,2030,150,\n",
        "kpi_corrections.csv",
    )
    with pytest.raises(DataError) as info:
        validate_kpi_corrections(df, WIJKEN, ["2025", "2026"])
    assert problems(info.value) == [
        ("kpi_corrections.csv", 3, "wave"),  # a second correction for Noord 2026
        ("kpi_corrections.csv", 4, "correction"),
        ("kpi_corrections.csv", 4, "reason"),
        ("kpi_corrections.csv", 4, "wave"),
    ]
    ok = validate_kpi_corrections(df.loc[[2]], WIJKEN, ["2025", "2026"])
    assert ok.values.tolist() == [["Noord", "2026", -2.5, "Fusie"]]


def test_a_folder_with_the_three_tables_and_control_characters(tmp_path):
    (tmp_path / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "ties.csv").write_text(TIES, encoding="utf-8")
    (tmp_path / "wijken.csv").write_text(
        "wijk,gemeente,subregio,groep,phase_2025,phase_2026\n"
        "Noord,Fictiefstad,Heuvelland,pilot,wijkbeeld,wijkplan\n"
        "Zuid,Fictiefstad,Heuvelland,vergelijkingswijk,,\n",
        encoding="utf-8",
    )
    (tmp_path / "ppi.csv").write_text(
        "scope,period,indicator,value,target\nprogramma,2026-H1,deelnemers leernetwerk,12,10\n",
        encoding="utf-8",
    )
    (tmp_path / "kpi_corrections.csv").write_text(
        "wijk,wave,correction,reason\nNoord,2026,-3,Fusie\u202e van praktijken\n", encoding="utf-8"
    )
    project = load_project(tmp_path)
    assert project.wijk_groups() == {"Noord": "pilot", "Zuid": "comparison"}
    assert project.phase("Noord", "2026") == "wijkplan" and project.phase("Zuid", "2026") == ""
    assert project.ppi["value"].tolist() == [12.0]
    assert project.kpi_corrections["reason"].tolist() == ["Fusie van praktijken"]


def test_without_the_tables_every_wijk_is_a_pilot(tidy_folder):
    project = load_project(tidy_folder)
    assert project.wijk_groups() == {"Noord": "pilot", "Zuid": "pilot"}
    assert project.wijk_meta.empty and project.ppi.empty and project.kpi_corrections.empty


CELLS = st.sampled_from(
    ["", "Noord", "Zuid", "Nord", "programma", "2026-H1", "2026", "H3", "pilot", "vergelijkingswijk",
     "wijkbeeld", "Wijk-Plan", "x", "2,5", "-1", "ja", "inf", "NaN", "1-9-2025", "é", ";", "  "]
)  # fmt: skip
FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _load_with(name: str, content: str):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "actors.csv").write_text(ACTORS, encoding="utf-8")
        (folder / "ties.csv").write_text(TIES, encoding="utf-8")
        (folder / name).write_text(content, encoding="utf-8")
        try:
            return load_project(folder)
        except DataError as exc:
            assert exc.problems and str(exc)
            return None


@FUZZ
@given(st.lists(st.lists(CELLS, min_size=5, max_size=5), max_size=4))
def test_fuzz_wijken_reader(rows):
    header = "wijk,group,wijkplan_start,phase_2025,phase_2026\n"
    project = _load_with("wijken.csv", header + "".join(",".join(r) + "\n" for r in rows))
    if project is not None:
        assert set(project.wijk_meta["group"]) <= {"pilot", "comparison"}
        assert set(project.wijk_meta["wijk"]) <= {"Noord", "Zuid"}


@FUZZ
@given(st.lists(st.lists(CELLS, min_size=5, max_size=5), max_size=4))
def test_fuzz_ppi_reader(rows):
    header = "scope,period,indicator,value,target\n"
    project = _load_with("ppi.csv", header + "".join(",".join(r) + "\n" for r in rows))
    if project is not None:
        assert not project.ppi.duplicated(["scope", "period", "indicator"]).any()
        assert all(math.isnan(v) or math.isfinite(v) for v in project.ppi["value"])
