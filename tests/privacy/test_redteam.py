"""Second-round attacks on the merged fixes of issue 10, on the fictional demo project.

Each test replays one way past a fix that the first round's attacker tests
did not try. A test marked ``xfail(strict=True)`` is a leak that is still
open (its fix belongs to files another helper is changing); it fails loudly
once the leak is closed, so the mark must then go.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from wijknet.analysis.change import change_table
from wijknet.datasets.demo import write_demo
from wijknet.privacy.load import load_project


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return write_demo(tmp_path_factory.mktemp("demo") / "project")


def test_leernetwerk_change_table_hides_how_few_actors_came_and_went(demo):
    """A leernetwerk's Verandering page says "Nieuw in het netwerk: 1 actor" and, beside it, how many of
    the new ties belong to newcomers: with one newcomer that is one person's number of ties. Counts of
    people below min_cell must be suppressed in the change table too (and the newcomers' tie count with them).
    """
    project = load_project(demo, audience="leernetwerk")
    min_cell = project.config.min_cell
    table = change_table(project, n_permutations=0)
    for column in ("actors_entered", "actors_left"):
        shown = pd.to_numeric(table[column], errors="coerce").dropna()
        assert not shown.between(1, min_cell - 1).any(), (
            f"{column}: {sorted(shown[shown < min_cell].unique())}"
        )


QUASI = [
    "wijk",
    "domain",
    "kind",
    "pluswijkteam",
    "kernaanpakken",
    "consent",
    "first_wave",
    "last_wave",
]


def test_anonymised_copy_rows_do_not_follow_the_researchers_order(demo, tmp_path):
    """The copy's fresh key is worthless if its rows keep the order of the real ids: row i of the copy's
    actors.csv is then row i of the researcher's (or a wijkteam's) table, and every pseudonym links back.
    The attacker lines both tables up by position and counts rows whose attributes all agree.
    """
    from wijknet.privacy.anonymise import write_anonymised

    full = load_project(demo)
    write_anonymised(full, tmp_path / "copy")
    copy = pd.read_csv(tmp_path / "copy" / "actors.csv", dtype=str, keep_default_na=False)
    original = pd.read_csv(demo / "actors.csv", dtype=str, keep_default_na=False)
    copy_rows = copy[QUASI].apply(tuple, axis=1).to_list()
    original_rows = original[QUASI].apply(tuple, axis=1).to_list()
    aligned = sum(a == b for a, b in zip(copy_rows, original_rows)) / len(original_rows)
    assert aligned < 0.5, f"{aligned:.0%} of the rows line up with the researcher's actors.csv"
    ties = pd.read_csv(tmp_path / "copy" / "ties.csv", dtype=str, keep_default_na=False)
    order = ["wijk", "wave", "source", "target", "tie_type"]
    assert ties[order].apply(tuple, axis=1).is_monotonic_increasing, (
        "ties keep the order of the real ids"
    )


def test_analyse_for_a_leernetwerk_writes_no_actor_rows(demo, tmp_path):
    """``wijknet analyse --audience leernetwerk`` wrote actor_metrics.csv: one row per actor with the
    researcher's pseudonym, degree, betweenness and brokerage roles, for every wijk and wave. No file may
    have an actor or tie column or hold an actor id (``target`` is not checked: in kpi3.csv it is the KPI's
    end target)."""
    from tests.store.helpers import run

    out = tmp_path / "out"
    result = run("analyse", demo, "--out", out, "--audience", "leernetwerk", "--permutations", "0")
    assert result.exit_code == 0, result.output
    ids = {
        *load_project(demo).actors["actor_id"],
        *load_project(demo, audience="onderzoeker").actors["actor_id"],
    }
    written = sorted(out.glob("*.csv"))
    assert written
    for path in written:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        assert not {"actor_id", "source", "name"} & set(table.columns), path.name
        assert not ids & set(table.to_numpy().ravel()), path.name


def test_a_graphml_import_removes_bidi_overrides_from_names(tmp_path, monkeypatch):
    """Names are cleaned at input (finding 11), but only the table readers do it: a GraphML node whose
    name holds U+202E (RIGHT-TO-LEFT OVERRIDE) is stored with it and shown reversed on every page."""
    import networkx as nx

    from tests.store.helpers import run
    from wijknet.store import connect

    monkeypatch.setenv("WIJKNET_KEY_FILE", str(tmp_path / "keys" / "project.key"))
    G = nx.DiGraph(wijk="Daalhof", wave="2026")
    G.add_node(
        "ZZ-1", wijk="Daalhof", domain="zorg", name="Fictief\u202eNaam", kind="person", consent="ja"
    )
    G.add_node(
        "ZZ-2", wijk="Daalhof", domain="wonen", name="Tweede Fictief", kind="person", consent="ja"
    )
    G.add_edge("ZZ-1", "ZZ-2", tie_type="samenwerking", weight=2)
    nx.write_graphml(G, tmp_path / "netwerk.graphml")
    folder = tmp_path / "project"
    assert run("init", folder).exit_code == 0
    result = run("import", folder, tmp_path / "netwerk.graphml", "--wave", "2026")
    assert result.exit_code == 0, result.output
    conn = connect(folder)
    try:
        names = [name for (name,) in conn.execute("SELECT name FROM actors")]
    finally:
        conn.close()
    assert not any("\u202e" in name for name in names), names


def test_anonymised_copy_gives_no_team_member_a_unique_profile(demo, tmp_path):
    """A PlusWIJkteam knows its own members' kernaanpakken, domain and team membership. In the demo's
    anonymised copy 35 of 37 team members are the only actor with their combination of these columns,
    so the team finds each of them (and all their ties) in the "anonymous" copy. At least ``min_cell``
    actors should share every combination a team member has.
    """
    from wijknet.privacy.anonymise import write_anonymised

    full = load_project(demo)
    write_anonymised(full, tmp_path / "copy")
    copy = pd.read_csv(tmp_path / "copy" / "actors.csv", dtype=str, keep_default_na=False)
    sizes = copy.groupby(QUASI)["actor_id"].transform("size")
    team = copy["pluswijkteam"].str.lower().isin({"ja", "true", "1"})
    assert (sizes[team] >= full.config.min_cell).all(), (
        f"{int((sizes[team] == 1).sum())} team members are unique"
    )
