"""KPI 3 with an exogenous correction: both judgements, hand-worked, and the plan's wording."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.analysis.test_kpi import answers, make_project
from wijknet.analysis.kpi import (
    ALL_WIJKEN,
    ANALYSIS,
    IMPROVEMENT,
    JUDGEMENT_COLUMNS,
    KPI3_COLUMNS,
    NO_JUDGEMENT,
    ON_TRACK,
    TEXTS,
    apply_corrections,
    judgement_text,
    kpi3,
    kpi3_judgements,
    kpi_row,
)

# Noord: 2 of 10 agree in 2026 (20%, band 25-50%: below once), 3 of 10 in 2027 (30%, band 50-80%: below
# twice -> improvement plan). Zuid: 6 of 10 in 2026 (60%: continue).
SPEC = {
    ("Noord", "2025"): answers(1, 9),
    ("Noord", "2026"): answers(2, 8),
    ("Noord", "2027"): answers(3, 7),
    ("Zuid", "2025"): answers(2, 8),
    ("Zuid", "2026"): answers(6, 4),
    ("Zuid", "2027"): answers(6, 4),
}
CORRECTIONS = pd.DataFrame(
    {
        "wijk": ["Noord", "Noord", "programma"],
        "wave": ["2026", "2026", "2027"],
        "correction": [4.0, 2.0, 5.0],  # Noord 2026: 4 + 2 = 6 points, two reasons
        "reason": ["gezondheidscentrum gesloten", "griepgolf", "landelijke wetswijziging"],
    }
)


@pytest.fixture(scope="module")
def project():
    return make_project(SPEC)


def test_without_corrections_both_judgements_are_the_same(project):
    table = kpi3(project)
    assert list(table.columns) == KPI3_COLUMNS
    assert table["correction"].isna().all() and (table["correction_reason"] == "").all()
    assert (table["status_corrected"] == table["status"]).all()
    assert np.allclose(table["corrected_share"], table["share"], equal_nan=True)


def test_correction_by_hand(project):
    before = getattr(project, "kpi_corrections", None)
    project.kpi_corrections = CORRECTIONS  # the table of kpi_corrections.csv
    try:
        table = kpi3(project)
    finally:
        project.kpi_corrections = before
    noord26 = kpi_row(table, "Noord", "2026")
    # 20% + (4 + 2) points = 26%: inside the band 25-50% after correction; 20% below it without.
    assert noord26["share"] == pytest.approx(0.20)
    assert noord26["correction"] == pytest.approx(6.0)
    assert noord26["corrected_share"] == pytest.approx(0.26)
    assert noord26["correction_reason"] == "gezondheidscentrum gesloten; griepgolf"
    assert (noord26["status"], noord26["status_corrected"]) == (ANALYSIS, ON_TRACK)
    noord27 = kpi_row(table, "Noord", "2027")
    # 2027: 30% < 50% twice in a row without correction; after it, 2026 was within the band, so only once below.
    assert (noord27["status"], noord27["status_corrected"]) == (IMPROVEMENT, ANALYSIS)
    assert np.isnan(noord27["correction"]) and noord27["corrected_share"] == pytest.approx(0.30)
    pooled27 = kpi_row(table, ALL_WIJKEN, "2027")
    # Programme 2027: (3 + 6) / 20 = 45% + 5 points = 50%: on the band's minimum = within.
    assert pooled27["share"] == pytest.approx(0.45)
    assert pooled27["corrected_share"] == pytest.approx(0.50)
    assert pooled27["status_corrected"] == ON_TRACK
    judged = kpi3_judgements(table)
    assert list(judged.columns) == JUDGEMENT_COLUMNS
    row = judged[(judged["wijk"] == "Noord") & (judged["wave"] == "2026")].iloc[0]
    assert (row["judgement"], row["judgement_corrected"], row["kpi3_share"]) == (
        ANALYSIS,
        ON_TRACK,
        0.2,
    )


def test_correction_is_clipped_and_blank_shares_stay_blank():
    table = pd.DataFrame({"wijk": ["A", "A"], "wave": ["1", "2"], "share": [0.98, np.nan],
                          "band_min": [0.25, 0.25], "pooled": [False, False]})  # fmt: skip
    corr = pd.DataFrame(
        {"wijk": ["A", "A"], "wave": ["1", "2"], "correction": [5, 5], "reason": ["x", "y"]}
    )
    out = apply_corrections(table, corr)
    assert out["corrected_share"].iloc[0] == 1.0  # 98% + 5 points is clipped at 100%
    assert (
        np.isnan(out["corrected_share"].iloc[1]) and out["status_corrected"].iloc[1] == NO_JUDGEMENT
    )


def test_judgement_is_labelled_without_and_after_correction():
    row = {
        "status": IMPROVEMENT,
        "status_corrected": ANALYSIS,
        "correction": 6.0,
        "correction_reason": "griepgolf",
    }
    nl = judgement_text(row, "nl")
    assert nl[0] == ("zonder correctie", "verbeterplan")
    assert nl[1] == ("na correctie voor exogene factoren: griepgolf", "analyse gevraagd")
    assert judgement_text({"status": ON_TRACK, "correction": np.nan}, "en") == [
        ("without correction", "continue")
    ]


def test_the_plan_wording_unless_the_insurer_decides():
    from wijknet.report.texts import TEXTS as REPORT
    from wijknet.webapp.texts import TEXTS as APP

    for texts, key in ((APP, "kpi_status_improvement_plan"), (TEXTS, "rule_improvement_plan")):
        assert (
            "tenzij de zorgverzekeraar" in texts[key]["nl"]
            and "unless the insurer" in texts[key]["en"]
        )
        assert "anders kan de verzekeraar" not in texts[key]["nl"]
    assert "tenzij de zorgverzekeraar" in REPORT["kpi_rules"]["nl"]
