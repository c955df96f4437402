"""The command line as a user runs it: demo, validate, analyse (and app's argument check)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from tests.conftest import ACTORS, TIES, write
from wijknet.analysis.change import CHANGE_COLUMNS
from wijknet.analysis.kpi import KPI3_COLUMNS
from wijknet.analysis.standard import ACTOR_COLUMNS, MIXING_COLUMNS, NETWORK_COLUMNS
from wijknet.cli.app import app

FIXTURES = Path(__file__).parents[1] / "fixtures"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_help_explains_every_command():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("demo", "validate", "analyse", "kpi", "app"):
        assert command in result.output
    result = run("analyse", "--help")
    assert "--min-weight" in result.output and "--symmetrise" in result.output
    assert "--nonresponse" in result.output


def test_analyse_names_the_treatment_of_non_response(tmp_path, tidy_folder):
    # Without responses.csv the respondents are the actors who reported ties: Noord 2025 z1, z2 (of z1, z2,
    # w1, i1). Reconstruction adds w1 -> z1 (from z1's report z1 -> w1) to z1 <-> z2 and z1 -> w1: 4 ties.
    out = tmp_path / "out"
    result = run(
        "analyse", tidy_folder, "--out", out, "--permutations", "9", "--nonresponse", "reconstruct"
    )
    assert result.exit_code == 0, result.output
    for name in ("actor_metrics.csv", "network_metrics.csv", "mixing.csv", "ei_domains.csv"):
        table = pd.read_csv(out / name, dtype={"wave": str})
        assert table.columns[-1] == "nonresponse" and set(table["nonresponse"]) == {
            "reconstruct"
        }, name
    network = pd.read_csv(out / "network_metrics.csv", dtype={"wave": str}).set_index(
        ["wijk", "wave"]
    )
    assert network.loc[("Noord", "2025"), "ties"] == 4
    assert network.loc[("Noord", "2025"), "reciprocity"] == 1.0
    # Respondents only: z1 <-> z2.
    result = run(
        "analyse",
        tidy_folder,
        "--out",
        tmp_path / "drop",
        "--permutations",
        "9",
        "--nonresponse",
        "drop",
    )
    assert result.exit_code == 0, result.output
    network = pd.read_csv(tmp_path / "drop" / "network_metrics.csv", dtype={"wave": str}).set_index(
        ["wijk", "wave"]
    )
    assert network.loc[("Noord", "2025"), ["actors", "ties"]].tolist() == [2, 2]
    result = run("analyse", tidy_folder, "--out", tmp_path / "x", "--nonresponse", "listwise")
    assert result.exit_code == 2


def test_demo_writes_a_valid_project_and_refuses_to_overwrite(tmp_path):
    folder = tmp_path / "demo"
    result = run("demo", folder)
    assert result.exit_code == 0, result.output
    assert (folder / "actors.csv").exists() and (folder / "ties.csv").exists()
    assert "fictief" in result.output.lower()
    before = (folder / "ties.csv").read_bytes()
    result = run("demo", folder, "--seed", "1")
    assert result.exit_code == 2 and "--force" in result.output
    assert (folder / "ties.csv").read_bytes() == before
    result = run("validate", folder)
    assert (
        result.exit_code == 0 and "8 wijk" in result.output
    )  # 6 pilots + 2 comparison wijken (issue 15)
    assert "waarvan 2 vergelijkingswijk" in result.output


def test_analyse_writes_the_documented_columns(tmp_path, tidy_folder):
    out = tmp_path / "out"
    result = run("analyse", tidy_folder, "--out", out, "--permutations", "99")
    assert result.exit_code == 0, result.output
    actors = pd.read_csv(out / "actor_metrics.csv", dtype={"wave": str})
    network = pd.read_csv(out / "network_metrics.csv", dtype={"wave": str})
    mixing = pd.read_csv(out / "mixing.csv", dtype={"wave": str})
    assert list(actors.columns[: len(ACTOR_COLUMNS)]) == ACTOR_COLUMNS
    assert list(network.columns[: len(NETWORK_COLUMNS)]) == NETWORK_COLUMNS
    assert list(mixing.columns) == [*MIXING_COLUMNS, "nonresponse"]
    assert (
        set(network["nonresponse"])
        == set(actors["nonresponse"])
        == set(mixing["nonresponse"])
        == {"none"}
    )
    ei_domains = pd.read_csv(out / "ei_domains.csv", dtype={"wave": str}).set_index(
        ["wijk", "wave", "domain"]
    )
    # Noord 2025: z1<->z2 inside zorg, z1->w1 from zorg to welzijn.
    assert ei_domains.loc[("Noord", "2025", "zorg"), ["internal", "external"]].tolist() == [2, 1]
    assert ei_domains.loc[("Noord", "2025", "welzijn"), "ei_index"] == 1.0
    assert len(network) == 4, "two wijken x two waves"
    assert len(actors) == 2 * (4 + 2)
    noord = network.set_index(["wijk", "wave"]).loc[("Noord", "2025")]
    assert noord["ties"] == 3 and noord["density"] == pytest.approx(3 / 12)
    change = pd.read_csv(out / "change.csv", dtype={"wave_from": str, "wave_to": str})
    assert list(change.columns[: len(CHANGE_COLUMNS)]) == CHANGE_COLUMNS
    assert len(change) == 2, "two wijken x one pair of waves"
    # Noord 2025 -> 2026: z1->w1 kept; z1->z2, z2->z1 lost; w1->z1 new
    noord = change.set_index("wijk").loc["Noord"]
    assert (noord["ties_kept"], noord["ties_new"], noord["ties_lost"]) == (1, 1, 2)
    assert not (out / "kpi3.csv").exists(), "no responses, no KPI table"


RESPONSES = "wijk,wave,actor_id,kpi3,active\nNoord,2025,z1,4,ja\nNoord,2025,z2,2,ja\nNoord,2026,w1,5,\nZuid,2026,g1,weet niet,ja\n"


def test_analyse_writes_kpi3_with_responses(tmp_path, tidy_folder):
    write(tidy_folder, "responses.csv", RESPONSES)
    out = tmp_path / "out"
    result = run("analyse", tidy_folder, "--out", out, "--permutations", "0")
    assert result.exit_code == 0, result.output
    assert "kpi3.csv" in result.output
    kpi = pd.read_csv(out / "kpi3.csv", dtype={"wave": str})
    assert list(kpi.columns) == KPI3_COLUMNS
    row = kpi.set_index(["wijk", "wave"]).loc[("Noord", "2025")]
    assert (row["answered"], row["agree"], row["share"], row["status"]) == (2, 1, 0.5, "on_track")


def test_kpi_command(tidy_folder):
    result = run("kpi", tidy_folder)
    assert result.exit_code == 1 and "responses.csv" in result.output
    write(tidy_folder, "responses.csv", RESPONSES)
    result = run("kpi", tidy_folder)
    assert result.exit_code == 0, result.output
    assert (
        "KPI 3" in result.output and "aandeel" in result.output and "Alle wijken" in result.output
    )
    noord_2025 = next(
        line for line in result.output.splitlines() if line.startswith("Noord") and "2025" in line
    )
    assert "50%" in noord_2025 and "0% – 25%" in noord_2025 and "doorgaan" in noord_2025
    assert "geen oordeel" in result.output
    english = run("--lang", "en", "kpi", tidy_folder)
    assert (
        "share" in english.output
        and "All wijken" in english.output
        and "continue" in english.output
    )


def test_analyse_is_reproducible_with_a_seed(tmp_path, tidy_folder):
    for name in ("a", "b"):
        assert (
            run(
                "analyse",
                tidy_folder,
                "--out",
                tmp_path / name,
                "--permutations",
                "50",
                "--seed",
                "7",
            ).exit_code
            == 0
        )
    assert (tmp_path / "a" / "network_metrics.csv").read_bytes() == (
        tmp_path / "b" / "network_metrics.csv"
    ).read_bytes()


def test_analyse_filters(tmp_path, tidy_folder):
    out = tmp_path / "out"
    assert (
        run(
            "analyse",
            tidy_folder,
            "--out",
            out,
            "--tie-type",
            "overleg",
            "--min-weight",
            "2",
            "--permutations",
            "0",
        ).exit_code
        == 0
    )
    network = pd.read_csv(out / "network_metrics.csv", dtype={"wave": str}).set_index(
        ["wijk", "wave"]
    )
    assert network.loc[("Noord", "2026"), "ties"] == 1
    assert network.loc[("Noord", "2025"), "ties"] == 0


def test_bad_input_names_file_row_column_and_writes_nothing(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "actors.csv", ACTORS)
    write(data, "ties.csv", TIES + "Noord,2025,z1,onbekend,,1,\n")
    out = tmp_path / "out"
    result = run("analyse", data, "--out", out)
    assert result.exit_code == 2
    assert "ties.csv, rij 9, kolom 'target'" in result.output
    assert "onbekend" in result.output and "niets geschreven" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_english_messages(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "actors.csv", ACTORS.replace("domain", "sector", 1))
    write(data, "ties.csv", TIES)
    result = run("--lang", "en", "validate", data)
    assert result.exit_code == 2
    assert "actors.csv, column 'domain': required column is missing" in result.output


def test_app_refuses_a_broken_project_before_starting(tmp_path):
    result = run("app", tmp_path)
    assert result.exit_code == 2 and "actors.csv" in result.output


def test_analyse_on_published_data_equals_r_sna(tmp_path):
    """Drabek et al.'s emon networks (R package network), isolates included:
    brokerage, betweenness, density and E-I from `wijknet analyse` equal R."""
    out = tmp_path / "out"
    result = run("analyse", FIXTURES / "emon", "--out", out, "--permutations", "0", "--unlock")
    assert result.exit_code == 0, result.output
    ours = pd.read_csv(out / "actor_metrics.csv").set_index("actor_id")
    ref = pd.read_csv(FIXTURES / "r" / "actor_reference.csv").set_index("actor_id")
    # analyse pseudonymises persons by default (audience onderzoeker); --unlock keeps the published ids
    ref = ref.loc[ref.index.intersection(ours.index)]
    assert len(ref) == len(ours) > 100
    # R writes 15 significant digits; the path counts themselves are exact.
    np.testing.assert_allclose(
        ours.loc[ref.index, "betweenness"], ref["betweenness"], rtol=1e-12, atol=1e-12
    )
    pairs = {
        "coordinator": "w_I",
        "itinerant": "w_O",
        "representative": "b_IO",
        "gatekeeper": "b_OI",
        "liaison": "b_O",
        "brokerage_total": "t",
        "in_degree": "indegree",
        "out_degree": "outdegree",
    }
    for column, r_column in pairs.items():
        np.testing.assert_array_equal(
            ours.loc[ref.index, column].to_numpy(), ref[r_column].to_numpy(), err_msg=column
        )
    assert ours["in_degree"].eq(0).mul(ours["out_degree"].eq(0)).any(), "the data include isolates"

    network = pd.read_csv(out / "network_metrics.csv").set_index("wijk")
    rnet = pd.read_csv(FIXTURES / "r" / "network_reference.csv")
    rnet = rnet[(rnet["symmetrise"] == "none") & rnet["wijk"].isin(network.index)].set_index("wijk")
    assert len(rnet) == 7
    for column, r_column in {
        "density": "gden",
        "ei_index": "ei_index",
        "ei_expected": "ei_expected",
        "reciprocity": "grecip_edgewise",
        "components": "components_weak",
    }.items():
        np.testing.assert_allclose(
            network.loc[rnet.index, column], rnet[r_column], rtol=0, atol=1e-12, err_msg=column
        )


@pytest.mark.parametrize("symmetrise", ["none", "union"])
def test_change_on_published_two_wave_data_equals_r_sna(tmp_path, symmetrise):
    """Coleman's (1964) friendship networks, fall and spring (R sna): kept, new
    and lost ties, Jaccard and Hamming equal R's hand counts (and sna::hdist),
    the graph correlation equals sna::gcor."""
    out = tmp_path / "out"
    result = run(
        "analyse",
        FIXTURES / "coleman",
        "--out",
        out,
        "--permutations",
        "19",
        "--symmetrise",
        symmetrise,
        "--unlock",
    )
    assert result.exit_code == 0, result.output
    ours = pd.read_csv(out / "change.csv", dtype={"wave_from": str, "wave_to": str}).iloc[0]
    ref = (
        pd.read_csv(FIXTURES / "r" / "change_reference.csv").set_index("symmetrise").loc[symmetrise]
    )
    assert (ours["wijk"], ours["wave_from"], ours["wave_to"]) == ("Coleman", "fall", "spring")
    for column in (
        "actors_stable",
        "ties_from",
        "ties_to",
        "ties_kept",
        "ties_new",
        "ties_lost",
        "hamming",
    ):
        assert ours[column] == ref[column], column
    assert ours["hamming"] == ref["hdist"]
    assert ours["jaccard"] == pytest.approx(ref["jaccard"], abs=1e-12)
    assert ours["qap_correlation"] == pytest.approx(ref["gcor"], abs=1e-9)
    assert (ours["actors_entered"], ours["actors_left"]) == (0, 0)
    assert ours["jaccard_all"] == ours["jaccard"], "nobody enters or leaves"
    assert ours["qap_p_value"] == pytest.approx(1 / 20), "r = 0.53 is far beyond every permutation"
