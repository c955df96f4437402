"""``wijknet anonymise`` carries the programme office's wijk tables, without their free text."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import wijknet
from tests.people import ACTORS, RESPONSES, TIES
from wijknet.privacy.anonymise import write_anonymised
from wijknet.project import Project

SECRET = "Xander Fictief"


def _frame(csv: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    wijken = pd.DataFrame({
        "wijk": ["Heidepark", "Beekdal"], "gemeente": ["Heidestad", "Beekstad"], "groep": ["pilot", "controle"],
        "fase_2025": ["wijkbeeld", ""], "fase_2026": ["wijkplan", "voorbereiding"],
        "contactpersoon": [SECRET, ""],  # an extra column: not in the copy
    })  # fmt: skip
    ppi = pd.DataFrame({"scope": ["Heidepark", "programma"], "period": ["2026-H2", "2026"],
                        "indicator": ["wijkplan vastgesteld", "pilots"], "value": ["1", "2"],
                        "target": ["1", "3"], "unit": ["", ""], "note": [f"{SECRET} ziek", "ok"]})  # fmt: skip
    corrections = pd.DataFrame({"wijk": ["Heidepark"], "wave": ["2026"], "correction": ["4"],
                                "reason": [f"{SECRET} vertrokken"]})  # fmt: skip
    project = Project.from_frames(_frame(ACTORS), _frame(TIES), responses=_frame(RESPONSES), wijken=wijken,
                                  ppi=ppi, kpi_corrections=corrections)  # fmt: skip
    out = tmp_path_factory.mktemp("anon") / "kopie"
    write_anonymised(project, out, key=bytes(32))
    return project, out


def test_the_three_tables_are_written_without_free_text(copy):
    _project, out = copy
    for name in ("wijken.csv", "ppi.csv", "kpi_corrections.csv"):
        content = (out / name).read_text(encoding="utf-8")
        assert SECRET not in content and "Xander" not in content, name
    assert "contactpersoon" not in (out / "wijken.csv").read_text(encoding="utf-8")


def test_the_copy_reads_back_with_the_same_groups_phases_ppis_and_corrections(copy):
    project, out = copy
    again = wijknet.load_project(out)
    assert again.wijk_groups() == project.wijk_groups()
    columns = ["wijk", "wave", "phase"]
    assert sorted(again.wijk_phases[columns].values.tolist()) == sorted(
        project.wijk_phases[columns].values.tolist()
    )
    assert sorted(again.wijk_meta["municipality"]) == sorted(project.wijk_meta["municipality"])
    keep = ["scope", "period", "indicator", "value", "target"]
    pd.testing.assert_frame_equal(again.ppi[keep], project.ppi[keep].sort_values(["scope"]).reset_index(drop=True),
                                  check_dtype=False)  # fmt: skip
    assert set(again.ppi["note"]) == {""}
    assert again.kpi_corrections["correction"].tolist() == [4.0]
    assert again.kpi_corrections["reason"].tolist() == [
        "reden vastgelegd (alleen voor onderzoekers)"
    ]
