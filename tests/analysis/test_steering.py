"""The go/no-go rule of the steering table on hand-made tables, PPIs per period, and the table of a small project."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.analysis.test_kpi import answers, make_project
from wijknet.analysis.kpi import ANALYSIS, IMPROVEMENT, NO_JUDGEMENT, ON_TRACK
from wijknet.analysis.steering import (
    GO,
    GO_PLAN,
    NO_GO,
    STEERING_COLUMNS,
    decision_label,
    go_no_go,
    kpi_wave,
    parse_period,
    periods,
    ppi_status,
    steering_table,
)
from wijknet.core.errors import DataError


@pytest.mark.parametrize(
    ("judgement", "ppi", "decision", "reasons"),
    [
        (ON_TRACK, [True, True], GO, []),
        (ON_TRACK, [], GO, []),
        (ON_TRACK, [True, False], GO_PLAN, ["ppi"]),  # a milestone missed: improvement plan
        (ANALYSIS, [True], GO_PLAN, ["kpi_once"]),  # first time below the band
        (ANALYSIS, [False], GO_PLAN, ["kpi_once", "ppi"]),
        (
            IMPROVEMENT,
            [True],
            NO_GO,
            ["kpi_twice"],
        ),  # twice below: the insurer/steering group decides
        (IMPROVEMENT, [False], NO_GO, ["kpi_twice", "ppi"]),
        (NO_JUDGEMENT, [True], GO, ["kpi_none"]),
        (None, [False], GO_PLAN, ["kpi_none", "ppi"]),
    ],
)
def test_the_go_no_go_rule(judgement, ppi, decision, reasons):
    assert go_no_go(judgement, ppi) == (decision, reasons)


def test_decision_words_follow_the_plan():
    assert decision_label(NO_GO, "nl") == "no-go: besluit stuurgroep/zorgverzekeraar nodig"
    assert decision_label(GO_PLAN, "nl") == "go met verbeterplan"
    assert decision_label(GO, "en") == "go"


def test_periods_and_the_kpi_wave():
    assert parse_period("2026-H1") == ("2026", "H1") and parse_period("2026") == ("2026", None)
    for bad in ("2026-H3", "H1-2026", "26"):
        with pytest.raises(DataError):
            parse_period(bad)
    assert kpi_wave("2026-H2", ["2025", "2026", "2027"]) == "2026"
    assert kpi_wave("2027-H1", ["2025", "2026"]) == "2026"
    assert periods(["2026"]) == ["2026", "2026-H2", "2026-H1"]


PPI = pd.DataFrame(
    {
        "scope": ["Noord", "Noord", "Zuid", "programma", "Noord", "Zuid"],
        "period": ["2026-H2", "2026-H2", "2026-H2", "2026-H2", "2026", "2026-H1"],
        "indicator": [
            "netwerkbijeenkomsten",
            "participatiegesprekken",
            "netwerkbijeenkomsten",
            "wijkplannen",
            "netwerkbijeenkomsten",
            "netwerkbijeenkomsten",
        ],
        "value": [3, 12, None, 5, 7, 1],
        "target": [2, 15, 2, 5, 6, 2],
        "unit": ["", "", "", "", "", ""],
        "note": ["", "", "nog niet ingevuld", "", "", ""],
    }
)


def test_ppi_status_per_period():
    h2 = ppi_status(PPI, "2026-H2")
    # Noord 3 >= 2 met, 12 < 15 not met, Zuid no value (not judged), programme 5 >= 5 met.
    assert h2["met"].tolist()[:2] == [True, False]
    assert pd.isna(h2["met"].iloc[2]) and h2["met"].iloc[3] is True
    year = ppi_status(PPI, "2026")
    # Year end: the 2026 row of Noord's netwerkbijeenkomsten, the H2 rows for the other indicators.
    keys = list(zip(year["scope"], year["indicator"], year["period"]))
    assert ("Noord", "netwerkbijeenkomsten", "2026") in keys
    assert ("Noord", "netwerkbijeenkomsten", "2026-H2") not in keys
    assert ("Noord", "participatiegesprekken", "2026-H2") in keys
    assert ppi_status(None, "2026").empty


def test_steering_table_of_a_small_project():
    # Noord 20% in 2026 (below 25-50%: analysis) and 2 of its PPIs (1 met); Zuid 60% (continue), PPI not judged.
    project = make_project({
        ("Noord", "2025"): answers(1, 9), ("Noord", "2026"): answers(2, 8),
        ("Zuid", "2025"): answers(2, 8), ("Zuid", "2026"): answers(6, 4),
    }, waves=["2025", "2026"])  # fmt: skip
    project.ppi = PPI
    project.kpi_corrections = pd.DataFrame(
        {"wijk": ["Zuid"], "wave": ["2026"], "correction": [-40.0], "reason": ["meetfout"]}
    )
    table = steering_table(project, "2026-H2", lang="nl")
    assert list(table.columns) == STEERING_COLUMNS
    noord, zuid, programme = (table.iloc[i] for i in range(3))
    assert (noord["judgement"], noord["decision"], noord["ppi_met"], noord["ppi_total"]) == (
        ANALYSIS,
        GO_PLAN,
        1,
        2,
    )
    assert "1 van de 2 procesindicatoren niet gehaald" in noord["reasons"]
    # Zuid: 60% - 40 points = 20% after correction: below the band, so the rule uses the corrected judgement.
    assert (zuid["judgement"], zuid["judgement_corrected"], zuid["decision"]) == (
        ON_TRACK,
        ANALYSIS,
        GO_PLAN,
    )
    assert (
        zuid["corrected_share"] == pytest.approx(0.20) and zuid["correction_reason"] == "meetfout"
    )
    assert programme["pooled"] and programme["ppi_total"] == 1 and programme["decision"] == GO
    assert np.isfinite(noord["cross_domain_share_now"])


def test_comparison_wijken_are_not_steered():
    project = make_project(
        {("Noord", "2025"): answers(1, 9), ("Zuid", "2025"): answers(2, 8)}, waves=["2025"]
    )
    project.wijk_meta = pd.DataFrame({"wijk": ["Zuid"], "group": ["comparison"]})
    table = steering_table(project, "2025")
    assert table["wijk"].tolist() == ["Noord", "all"]
