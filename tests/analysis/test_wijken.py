"""Wijk metadata in the evaluation and as tables: the DiD takes its groups from wijken.csv."""

from __future__ import annotations

import pytest

from tests.analysis.test_evaluation import ACTORS, TIES
from tests.conftest import write
from wijknet import load_project
from wijknet.analysis.evaluation import BASELINE_CHANGE, DID, network_did
from wijknet.analysis.wijken import wijk_header, wijk_overview, wijk_table, wijken_lens

# Noord and Oost are pilots, Zuid the comparison (as GROUPS of test_evaluation), now from the table.
WIJKEN = (
    "wijk,gemeente,subregio,groep,start_wijkplan,fase_2025,fase_2026\n"
    "Noord,Fictiefstad,Heuvelland,pilotwijk,2025-03,wijkplan,uitvoering\n"
    "Oost,Fictiefdorp,Heuvelland,Pilot,2025,wijkbeeld,wijkbeeld\n"
    "Zuid,Fictiefstad,Heuvelland,vergelijkingswijk,,,voorbereiding\n"
)


@pytest.fixture
def small(tmp_path):
    write(tmp_path, "actors.csv", ACTORS)
    write(tmp_path, "ties.csv", TIES)
    write(tmp_path, "wijken.csv", WIJKEN)
    return load_project(tmp_path)


def test_did_takes_the_groups_of_the_table(small):
    # Hand count (test_evaluation.test_did_by_hand): density Noord +1/6, Oost +1/6, Zuid -1/6,
    # so pilots +1/6, comparison -1/6, difference 1/3; no groups= given.
    table = network_did(small, n_boot=0).table
    density = table[table["measure"] == "density"].iloc[0]
    assert density["design"] == DID
    assert (density["pilot_wijken"], density["comparison_wijken"]) == (2, 1)
    assert density["difference"] == pytest.approx(1 / 3)
    # Explicit groups still win: every wijk a pilot gives the change from the baseline.
    everyone = network_did(small, groups=dict.fromkeys(small.wijken, "pilot"), n_boot=0).table
    assert set(everyone["design"]) == {BASELINE_CHANGE}


def test_wijk_table_and_its_display(small):
    table = wijk_table(small)
    assert list(table.columns) == ["wijk", "municipality", "subregion", "group", "wijkplan_start",
                                   "phase_2025", "phase_2026"]  # fmt: skip
    assert table["phase_2026"].tolist() == ["wijkuitvoering", "wijkbeeld", "voorbereiding"]
    assert wijken_lens(small)["wijken"].equals(table)
    shown = wijk_overview(small, ["Oost", "Zuid"], lang="nl")
    assert list(shown.columns) == ["Wijk", "Gemeente", "Subregio", "Groep", "Start wijkplan", "Fase 2025",
                                   "Fase 2026"]  # fmt: skip
    assert shown.values.tolist() == [
        ["Oost", "Fictiefdorp", "Heuvelland", "pilotwijk", "2025", "wijkbeeld", "wijkbeeld"],
        ["Zuid", "Fictiefstad", "Heuvelland", "vergelijkingswijk", "–", "–", "voorbereiding"],
    ]
    assert wijk_header(small, "Noord", "2026", lang="nl") == (
        "gemeente Fictiefstad · pilotwijk · fase in 2026: wijkuitvoering"
    )
    assert (
        wijk_header(small, "Zuid", "2025", lang="en")
        == "municipality Fictiefstad · comparison wijk"
    )


def test_without_the_table_every_wijk_is_a_pilot_and_the_display_says_only_that(tmp_path):
    write(tmp_path, "actors.csv", ACTORS)
    write(tmp_path, "ties.csv", TIES)
    project = load_project(tmp_path)
    shown = wijk_overview(project, lang="nl")
    assert list(shown.columns) == ["Wijk", "Groep"] and set(shown["Groep"]) == {"pilotwijk"}


def test_a_wijkteam_sees_only_its_own_wijk(small):
    from wijknet.privacy.view import restrict

    team = restrict(small, "wijkteam:Zuid", key=bytes(32))
    assert wijk_table(team)["wijk"].tolist() == ["Zuid"]
    assert "Noord" not in wijk_overview(team, lang="nl").to_csv()
