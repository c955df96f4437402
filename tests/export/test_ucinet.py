"""UCINET DL: the network matrix, the attribute file and the actor list read back."""

from __future__ import annotations

import csv

import networkx as nx
import numpy as np
import pytest

from tests.export.conftest import WAVES
from wijknet.export import export_project, read_dl, read_dl_graph
from wijknet.export.ucinet import attribute_lines, dl_lines


@pytest.mark.parametrize("wave", WAVES)
def test_dl_round_trips_edges_weights_labels_and_isolates(project, tmp_path, wave):
    export_project(project, "dl", tmp_path, wijk="Noord", wave=wave)
    D = read_dl_graph(tmp_path / f"noord_{wave}.dl")
    G = project.graph("Noord", wave)
    assert list(D) == list(G), "every actor present, isolates included, in order"
    assert {(u, v): d["weight"] for u, v, d in D.edges(data=True)} == {
        (u, v): d["weight"] for u, v, d in G.edges(data=True)
    }


def test_dl_file_layout(project, tmp_path):
    written = export_project(project, "dl", tmp_path, wijk="Noord", wave="2026")
    assert sorted(p.name for p in written) == [
        "domains.csv",
        "noord_2026.dl",
        "noord_2026_actors.csv",
        "noord_2026_attributes.dl",
    ]
    lines = (tmp_path / "noord_2026.dl").read_text(encoding="utf-8").splitlines()
    assert lines[:4] == ["DL N=4 FORMAT=FULLMATRIX", "LABELS:", "z1,z2,w1,i1", "DATA:"]
    assert lines[4:] == ["0 0 5 0", "0 0 0 0", "2 0 0 0", "0 2.5 0 0"]


def test_attribute_dl_holds_domain_codes_and_pluswijkteam(project, tmp_path):
    export_project(project, "dl", tmp_path, wijk="Noord", wave="2026")
    dl = read_dl(tmp_path / "noord_2026_attributes.dl")
    codes = {d: i for i, d in enumerate(project.domains, start=1)}
    assert dl.row_labels == ["z1", "z2", "w1", "i1"] and dl.column_labels == [
        "domain",
        "pluswijkteam",
    ]
    expected = [
        [codes["zorg"], 1],
        [codes["zorg"], 0],
        [codes["welzijn"], 1],
        [codes["inwoners"], 0],
    ]
    assert dl.matrix.tolist() == expected
    with open(tmp_path / "domains.csv", encoding="utf-8-sig", newline="") as fh:
        legend = {row["domain"]: int(row["code"]) for row in csv.DictReader(fh)}
    assert legend == codes


def test_actor_list_has_names_with_formulas_made_inert(project, tmp_path):
    export_project(project, "dl", tmp_path, wijk="Noord", wave="2026")
    with open(tmp_path / "noord_2026_actors.csv", encoding="utf-8-sig", newline="") as fh:
        rows = {row["actor_id"]: row for row in csv.DictReader(fh)}
    assert rows["z2"]["name"] == '\'=HYPERLINK("http://voorbeeld.invalid","klik")'
    assert rows["w1"]["name"] == "Buurthuis 't Ven"


def test_labels_with_spaces_are_quoted_and_read_back(tmp_path):
    G = nx.DiGraph()
    G.add_edge("a b", "c,d", weight=1.5)
    G.add_node("e")
    lines = dl_lines(G)
    assert lines[2] == '"a b","c,d",e'
    path = tmp_path / "x.dl"
    path.write_text("\n".join(lines), encoding="utf-8")
    D = read_dl_graph(path)
    assert list(D) == ["a b", "c,d", "e"] and D.edges["a b", "c,d"]["weight"] == 1.5


def test_attribute_lines_write_missing_as_dot(tmp_path):
    path = tmp_path / "a.dl"
    path.write_text(
        "\n".join(attribute_lines(["x", "y"], {"score": [1.0, float("nan")]})), encoding="utf-8"
    )
    dl = read_dl(path)
    assert dl.matrix[0, 0] == 1 and np.isnan(dl.matrix[1, 0])


def test_labels_ucinet_would_shorten_or_merge_give_a_warning_and_a_label_map(tmp_path):
    from tests.conftest import write
    from wijknet import load_project
    from wijknet.export.ucinet import ExportWarning, label_problems, ucinet_label

    assert ucinet_label("wijkverpleging-noord-01") == "WIJKVERPLEGING-NOO"
    assert label_problems(["ab", "AB", "a" * 18, "b" * 19]) == {
        "ab": "in UCINET gelijk aan AB",
        "AB": "in UCINET gelijk aan ab",
        "b" * 19: "langer dan 18 tekens",
    }
    folder = tmp_path / "p"
    folder.mkdir()
    write(
        folder,
        "actors.csv",
        "actor_id,wijk,domain\nab,Noord,zorg\nAB,Noord,welzijn\nwijkverpleging-noord-01,Noord,zorg\nz9,Noord,zorg\n",
    )
    write(
        folder, "ties.csv", "wijk,wave,source,target,tie_type,weight\nNoord,2025,ab,AB,overleg,1\n"
    )
    with pytest.warns(ExportWarning, match="UCINET kort labels in tot 18 tekens") as caught:
        written = export_project(load_project(folder), "dl", tmp_path / "out")
    assert "3 label(s)" in str(caught[0].message) and "noord_2025_labels.csv" in str(
        caught[0].message
    )
    assert "noord_2025_labels.csv" in {p.name for p in written}
    with open(tmp_path / "out" / "noord_2025_labels.csv", encoding="utf-8-sig", newline="") as fh:
        rows = {r["label"]: r for r in csv.DictReader(fh)}
    assert (
        rows["wijkverpleging-noord-01"]["ucinet"] == "WIJKVERPLEGING-NOO"
        and rows["z9"]["problem"] == ""
    )
    assert rows["AB"]["problem"] == "in UCINET gelijk aan ab"


def test_no_label_map_and_no_warning_for_short_distinct_ids(project, tmp_path, recwarn):
    written = export_project(project, "dl", tmp_path)
    assert not [p for p in written if p.name.endswith("_labels.csv")]
    assert not [w for w in recwarn if "UCINET" in str(w.message)]


def test_cli_prints_the_label_warning(tmp_path):
    from typer.testing import CliRunner

    from tests.conftest import write
    from wijknet.cli.app import app

    folder = tmp_path / "p"
    folder.mkdir()
    write(folder, "actors.csv", "actor_id,wijk,domain\nab,Noord,zorg\nAB,Noord,welzijn\n")
    write(
        folder, "ties.csv", "wijk,wave,source,target,tie_type,weight\nNoord,2025,ab,AB,overleg,1\n"
    )
    result = CliRunner().invoke(
        app, ["export", str(folder), "--format", "dl", "--out", str(tmp_path / "o"), "--unlock"]
    )
    assert result.exit_code == 0 and "UCINET kort labels" in result.output
