"""KPI 3 monitor: Wilson interval by hand, every status transition, pooling,
missing answers, configurable bands, and KPI next to network structure."""

from __future__ import annotations

import math
import re
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from wijknet import Project
from wijknet.analysis.kpi import (
    ALL_WIJKEN,
    KPI3_COLUMNS,
    STATUSES,
    kpi3,
    kpi3_for_audience,
    kpi_row,
    kpi_rows,
    kpi_vs_structure,
    programme_kpi3,
    status_label,
    structure_by_wave,
    structure_in_wave,
    wijk_label,
    wilson_interval,
)
from wijknet.core.settings import ProjectConfig
from wijknet.privacy import Audience, restrict

WAVES = ["2025", "2026", "2027"]
N = 10  # actors per wijk


def answers(
    agree: int, disagree: int, *, dont_know: int = 0, empty: int = 0, inactive: int = 0
) -> list[tuple[str, str]]:
    """(kpi3, active) pairs: agree -> 4/5, disagree -> 1-3, plus open answers and inactive respondents."""
    out = [("5" if i % 2 else "4", "ja") for i in range(agree)]
    out += [(str(1 + i % 3), "ja") for i in range(disagree)]
    out += [("weet niet", "ja")] * dont_know + [("", "")] * empty + [("5", "nee")] * inactive
    return out


def make_project(
    spec: dict[tuple[str, str], list[tuple[str, str]]], waves=WAVES, **config
) -> Project:
    """Two wijken of N actors each; ``spec[(wijk, wave)]`` lists the responses."""
    wijken = sorted({w for w, _ in spec}) or ["Noord"]
    actors = pd.DataFrame([{"actor_id": f"{w[0]}{i}", "wijk": w, "domain": "zorg" if i % 2 else "welzijn"}
                           for w in wijken for i in range(N)])  # fmt: skip
    ties = pd.DataFrame([{"wijk": w, "wave": v, "source": f"{w[0]}0", "target": f"{w[0]}{1 + k}"}
                         for w in wijken for k, v in enumerate(waves)])  # fmt: skip
    rows = []
    for (wijk, wave), items in spec.items():
        assert len(items) <= N
        rows += [{"wijk": wijk, "wave": wave, "actor_id": f"{wijk[0]}{i}", "kpi3": k, "active": a}
                 for i, (k, a) in enumerate(items)]  # fmt: skip
    responses = pd.DataFrame(rows, columns=["wijk", "wave", "actor_id", "kpi3", "active"])
    return Project.from_frames(
        actors.astype(str),
        ties.astype(str),
        ProjectConfig(waves=list(waves), **config),
        responses=responses.astype(str),
    )


def statuses(table: pd.DataFrame, wijk: str) -> list[str]:
    return table[table["wijk"] == wijk]["status"].tolist()


# --- Wilson interval -----------------------------------------------------------


def test_wilson_interval_by_hand():
    x, n = 8, 20
    z = NormalDist().inv_cdf(0.975)
    p = x / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z / (1 + z**2 / n) * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    low, high = wilson_interval(x, n)
    assert float(low) == pytest.approx(centre - half, abs=1e-12)
    assert float(high) == pytest.approx(centre + half, abs=1e-12)
    assert (float(low), float(high)) == pytest.approx(
        (0.2188, 0.6134), abs=5e-5
    )  # rounded published value


def test_wilson_interval_edges():
    low, high = wilson_interval([0, 5, 0], [5, 5, 0])
    assert low[0] == pytest.approx(0.0, abs=1e-12) and 0 < high[0] < 1
    assert high[1] == pytest.approx(1.0) and 0 < low[1] < 1
    assert np.isnan(low[2]) and np.isnan(high[2])
    narrow = wilson_interval(8, 20, confidence=0.5)
    wide = wilson_interval(8, 20, confidence=0.99)
    assert wide[0] < narrow[0] < narrow[1] < wide[1]


# --- counts and missing answers ------------------------------------------------------


def test_counts_skip_open_answers_and_inactive_respondents():
    project = make_project({("Noord", "2025"): answers(2, 3, dont_know=1, empty=1, inactive=2)})
    row = kpi3(project, pooled=False).iloc[0]
    assert (row["respondents"], row["active_respondents"], row["answered"], row["agree"]) == (
        9,
        7,
        5,
        2,
    )
    assert row["share"] == pytest.approx(2 / 5)
    low, high = wilson_interval(2, 5)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((float(low), float(high)))


def test_columns_and_every_wijk_and_wave():
    project = make_project({("Noord", "2025"): answers(1, 1), ("Zuid", "2026"): answers(1, 1)})
    table = kpi3(project)
    assert list(table.columns) == KPI3_COLUMNS
    assert len(table) == 3 * 3, "two wijken and the pooled row, three waves each"
    assert (
        table["wijk"].tolist()[-3:] == [ALL_WIJKEN] * 3
        and table["pooled"].tolist()[-3:] == [True] * 3
    )
    empty = table[(table["wijk"] == "Noord") & (table["wave"] == "2026")].iloc[0]
    assert (
        empty["respondents"] == 0 and np.isnan(empty["share"]) and empty["status"] == "no_judgement"
    )
    assert not empty["below_band"] and not empty["ci_overlaps_band"]


def test_no_answers_is_no_judgement():
    project = make_project({("Noord", "2026"): answers(0, 0, dont_know=3, inactive=2)})
    row = kpi3(project, pooled=False).set_index("wave").loc["2026"]
    assert row["answered"] == 0 and np.isnan(row["share"]) and np.isnan(row["ci_low"])
    assert row["status"] == "no_judgement"


def test_project_without_responses():
    project = make_project({})
    table = kpi3(project)
    assert table.empty and list(table.columns) == KPI3_COLUMNS


# --- status rules ---------------------------------------------------------------


def test_default_bands_and_target():
    project = make_project({("Noord", w): answers(1, 1) for w in WAVES})
    table = kpi3(project, pooled=False)
    assert table[["band_min", "band_max"]].values.tolist() == [
        [0.0, 0.25],
        [0.25, 0.50],
        [0.50, 0.80],
    ]
    assert (table["target"] == 0.75).all()


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        # within, below (first time), below (second time in a row)
        ((5, 3, 2), ["on_track", "analysis_requested", "improvement_plan"]),
        # below twice, then back within the band
        ((3, 2, 6), ["analysis_requested", "improvement_plan", "on_track"]),
        # below, within, below: each a first time
        ((3, 4, 3), ["analysis_requested", "on_track", "analysis_requested"]),
        # above the band counts as within: continue
        ((9, 9, 9), ["on_track", "on_track", "on_track"]),
    ],
)
def test_status_transitions(shares, expected):
    # out of 10 answers; bands 40-60% each wave
    project = make_project({("Noord", w): answers(k, 10 - k) for w, k in zip(WAVES, shares)})
    table = kpi3(project, bands=dict.fromkeys(WAVES, (0.40, 0.60)), pooled=False)
    assert table["status"].tolist() == expected
    assert table["below_band"].tolist() == [k < 4 for k in shares]
    assert table["above_band"].tolist() == [k > 6 for k in shares]


def test_the_edge_of_the_band_is_within():
    project = make_project({("Noord", "2026"): answers(1, 3)})  # exactly 25%
    assert kpi3(project, pooled=False).set_index("wave").loc["2026", "status"] == "on_track"


def test_a_wave_without_judgement_breaks_the_chain():
    project = make_project({("Noord", "2025"): answers(1, 9), ("Noord", "2027"): answers(1, 9)})
    table = kpi3(project, bands=dict.fromkeys(WAVES, (0.40, 0.60)), pooled=False)
    assert table["status"].tolist() == ["analysis_requested", "no_judgement", "analysis_requested"]


def test_waves_that_are_not_years_have_no_band():
    waves = ["voormeting", "nameting"]
    project = make_project({("Noord", w): answers(1, 9) for w in waves}, waves=waves)
    table = kpi3(project, pooled=False)
    assert table["band_min"].isna().all() and (table["status"] == "no_judgement").all()
    assert table["share"].tolist() == [0.1, 0.1]


def test_bands_from_the_configuration():
    project = make_project(
        {("Noord", "2025"): answers(3, 7)}, kpi3_bands={"2025": (0.4, 0.6)}, kpi3_target=0.9
    )
    row = kpi3(project, pooled=False).set_index("wave").loc["2025"]
    assert (row["band_min"], row["band_max"], row["target"]) == (0.4, 0.6, 0.9)
    assert row["status"] == "analysis_requested"


def test_confidence_interval_overlap_with_the_band():
    # 3/10 = 30% is below a 40-60% band, but its 95% interval (about 11-60%) overlaps it;
    # 0/10 has an interval of 0-28%, entirely below.
    project = make_project({("Noord", "2025"): answers(3, 7), ("Noord", "2026"): answers(0, 10)})
    table = kpi3(project, bands=dict.fromkeys(WAVES, (0.40, 0.60)), pooled=False).set_index("wave")
    assert table.loc["2025", "below_band"] and table.loc["2025", "ci_overlaps_band"]
    assert table.loc["2026", "below_band"] and not table.loc["2026", "ci_overlaps_band"]


# --- pooling -----------------------------------------------------------------


def test_pooled_rows_add_up_the_counts():
    project = make_project({
        ("Noord", "2026"): answers(1, 9),   # 10%: below 25-50%
        ("Zuid", "2026"): answers(5, 1),    # 83%: above
        ("Noord", "2027"): answers(2, 8), ("Zuid", "2027"): answers(6, 0),
    })  # fmt: skip
    table = kpi3(project)
    pooled = table[table["pooled"]].set_index("wave")
    parts = table[~table["pooled"]]
    for column in ("respondents", "active_respondents", "answered", "agree"):
        assert (
            pooled[column].tolist() == parts.groupby("wave")[column].sum().reindex(WAVES).tolist()
        )
    assert pooled.loc["2026", "share"] == pytest.approx(6 / 16), "each respondent weighs the same"
    assert pooled.loc["2027", "share"] == pytest.approx(8 / 16)
    assert statuses(table, "Noord") == ["no_judgement", "analysis_requested", "improvement_plan"]
    assert statuses(table, ALL_WIJKEN) == ["no_judgement", "on_track", "on_track"]


def test_status_labels_in_english():
    assert status_label("improvement_plan", "en") == "improvement plan"
    assert status_label("analysis_requested") == "analyse gevraagd"  # Dutch by default


def test_codes_are_english_identifiers_and_words_come_from_the_texts():
    assert all(re.fullmatch(r"[a-z_]+", s) for s in STATUSES) and re.fullmatch(
        r"[a-z_]+", ALL_WIJKEN
    )
    assert [status_label(s, "nl") for s in STATUSES] == [
        "doorgaan",
        "analyse gevraagd",
        "verbeterplan",
        "geen oordeel",
    ]
    assert (
        wijk_label(ALL_WIJKEN, "nl") == "Alle wijken"
        and wijk_label(ALL_WIJKEN, "en") == "All wijken"
    )
    assert wijk_label("Noord", "en") == "Noord"


def test_row_selection_helpers():
    table = pd.DataFrame(
        {
            "wijk": ["A", "A", "B", ALL_WIJKEN],
            "wave": ["1", "2", "1", "1"],
            "share": [0.1, 0.2, 0.3, 0.4],
            "cross_domain_share": [0.5, 0.6, 0.7, np.nan],
        }
    )
    assert kpi_row(table, "B", "1")["share"] == 0.3
    with pytest.raises(KeyError):
        kpi_row(table, "B", "2")
    assert kpi_rows(table, wijken=["A", ALL_WIJKEN], wave="1")["wijk"].tolist() == ["A", ALL_WIJKEN]
    assert kpi_rows(table, wave="2").index.tolist() == [0]
    by_wave = structure_by_wave(table, "A", ["2", "1", "3"])
    assert by_wave.index.tolist() == ["2", "1", "3"] and by_wave["share"].tolist()[:2] == [0.2, 0.1]
    assert np.isnan(by_wave.loc["3", "share"])
    shares = structure_in_wave(table, "1")
    assert list(shares) == ["A", "B", ALL_WIJKEN] and (shares["A"], shares["B"]) == (0.5, 0.7)


def test_kpi3_for_audience_gives_a_wijkteam_the_programme_figure_not_its_own_wijk():
    full = make_project({("Noord", "2025"): answers(6, 2), ("Zuid", "2025"): answers(1, 7)})
    researcher = kpi3_for_audience(full, "onderzoeker")
    assert researcher.equals(kpi3(full))
    own = restrict(full, Audience.parse("wijkteam:Noord"))
    team = kpi3_for_audience(own, "wijkteam:Noord", programme=full)
    pooled = team[team["pooled"]]
    assert set(team.loc[~team["pooled"], "wijk"]) == {"Noord"}
    assert pooled["wijk"].tolist() == [ALL_WIJKEN] * len(WAVES)
    assert programme_kpi3(full, "Noord").equals(pooled.reset_index(drop=True))
    assert not kpi3_for_audience(own, "wijkteam:Noord")[
        "pooled"
    ].any()  # no programme project: no pooled rows


# --- KPI next to structure ------------------------------------------------------------


def test_kpi_vs_structure():
    project = make_project({("Noord", "2025"): answers(1, 3), ("Noord", "2026"): answers(2, 2)})
    table = kpi_vs_structure(project)
    assert list(table.columns) == ["wijk", "wave", "share", "ci_low", "ci_high", "band_min", "band_max", "status",
                                   "cross_domain_share", "ei_index", "share_change",
                                   "cross_domain_share_change", "ei_index_change"]  # fmt: skip
    noord = table[table["wijk"] == "Noord"].set_index("wave")
    # One tie per wave: N0 (welzijn) -> N1 (zorg) in 2025, -> N2 (welzijn) in 2026, -> N3 (zorg) in 2027
    assert noord["cross_domain_share"].tolist() == [1.0, 0.0, 1.0]
    assert noord["ei_index"].tolist() == [1.0, -1.0, 1.0]
    assert (
        np.isnan(noord.loc["2025", "ei_index_change"])
        and noord.loc["2026", "ei_index_change"] == -2.0
    )
    assert noord.loc["2026", "share_change"] == pytest.approx(0.25)
    assert np.isnan(noord.loc["2027", "share"]) and noord.loc["2027", "status"] == "no_judgement"


# --- the disclosure-control rule for a leernetwerk ----------------------------------------------


def test_leernetwerk_kpi3_small_rest_and_pooled_row_are_protected():
    from wijknet.privacy import restrict

    # Noord: 8 agree, 2 disagree -> the 2 is small, so agree and the share are blank (2 = 10 - 8).
    # Zuid: 6 agree, 4 disagree -> 4 is small too. The pooled row (14 of 20) stays: 6 + 6 blank
    # people per column is not small and no wijk follows from it, since both wijken are blank.
    project = make_project(
        {("Noord", "2025"): answers(8, 2), ("Zuid", "2025"): answers(6, 4)}, waves=["2025"]
    )
    table = kpi3(restrict(project, "leernetwerk", key=bytes(32))).set_index("wijk")
    assert table.loc[["Noord", "Zuid"], "share"].isna().all()
    assert table.loc[["Noord", "Zuid"], "status"].eq("no_judgement").all()
    assert table.loc[ALL_WIJKEN, "share"] == pytest.approx(14 / 20)
    full = kpi3(project).set_index("wijk")
    assert full.loc["Noord", "share"] == pytest.approx(0.8)  # researchers see every cell


def test_leernetwerk_kpi3_pooled_minus_visible_wijk_gives_no_blank():
    from wijknet.privacy import restrict

    # Zuid has 3 answers: pooled - Noord would give Zuid, so Noord's count (cheaper than the
    # programme figure) is blanked too.
    project = make_project(
        {("Noord", "2025"): answers(5, 5), ("Zuid", "2025"): answers(3, 0)}, waves=["2025"]
    )
    table = kpi3(restrict(project, "leernetwerk", key=bytes(32))).set_index("wijk")
    assert np.isnan(table.loc["Zuid", "answered"]) and np.isnan(table.loc["Zuid", "share"])
    for column in ("answered", "agree", "respondents"):
        assert np.isnan(table.loc["Noord", column]) or np.isnan(table.loc[ALL_WIJKEN, column]), (
            column
        )
    assert table.loc[ALL_WIJKEN, "answered"] == 13
    no_pool = kpi3(restrict(project, "leernetwerk", key=bytes(32)), pooled=False).set_index("wijk")
    assert (
        np.isnan(no_pool.loc["Noord", "answered"]) and ALL_WIJKEN not in no_pool.index
    )  # the same cells
