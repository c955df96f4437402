"""Attribute sanitising, safe file names and the formula-injection guard."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wijknet.core.order import slug as slugify
from wijknet.core.order import unique_slugs
from wijknet.export.sanitise import (
    guard_csv,
    is_formula_like,
    plain_value,
    sanitise_graph,
)


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, ""),
        (pd.NA, ""),
        (["a", "b"], "a;b"),
        ({"b", "a"}, "a;b"),
        (np.int64(3), 3),
        (np.float64(2.5), 2.5),
        (np.bool_(True), True),
        (True, True),
        ("tab\x01bel", "tabbel"),
        (pd.Timestamp("2026-01-02"), "2026-01-02T00:00:00"),
    ],
)
def test_plain_value(value, expected):
    got = plain_value(value)
    assert got == expected and type(got) is type(expected)


def test_plain_value_as_strings():
    assert plain_value(True, strings=True) == "true"
    assert plain_value(3.0, strings=True) == "3"
    assert plain_value(2.5, strings=True) == "2.5"


def test_sanitise_graph_makes_ids_strings_and_drops_empty_on_request():
    import networkx as nx

    G = nx.DiGraph(year=np.int64(2025))
    G.add_node(np.int64(1), tags=["x", "y"], note=None)
    G.add_edge(np.int64(1), 2, weight=np.float64(1.5))
    H = sanitise_graph(G, drop_empty=True)
    assert list(H) == ["1", "2"] and H.nodes["1"] == {"tags": "x;y"}
    assert type(H.edges["1", "2"]["weight"]) is float and H.graph["year"] == 2025


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Daalhof", "daalhof"),
        ("Bleijerheide-Centrum-Nulland", "bleijerheide-centrum-nulland"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", "x"),
        ("C:\\Windows", "c-windows"),
        ("Eijsdén Oost", "eijsden-oost"),
        ("", "x"),
        (".verborgen", "verborgen"),
    ],
)
def test_slugify_never_makes_a_path(name, slug):
    assert slugify(name) == slug
    assert "/" not in slugify(name) and "\\" not in slugify(name) and ".." not in slugify(name)


def test_unique_slugs_separate_names_that_collide():
    assert unique_slugs(["Noord", "noord", "NOORD"]) == {
        "Noord": "noord",
        "noord": "noord-2",
        "NOORD": "noord-3",
    }


@pytest.mark.parametrize(
    "text", ["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x","y")']
)
def test_formula_like_text_gets_a_quote_in_csv(text):
    assert is_formula_like(text) and guard_csv(text) == "'" + text


@pytest.mark.parametrize("value", ["Daalhof", "2025", "'t Ven", 3, -2.5, None])
def test_other_values_pass(value):
    assert guard_csv(value) == value


def test_formula_like_ids_are_the_same_in_every_file_of_an_export(tmp_path):
    """Issue 10 finding 11: the guard changed ids in the CSV files but not in the DL labels. Now: one rule everywhere."""
    import csv

    from tests.conftest import write
    from wijknet import load_project
    from wijknet.export import export_project, read_dl
    from wijknet.export.sanitise import export_id

    assert export_id("=1+1") == "'=1+1" and export_id("-12") == "'-12" and export_id("z1") == "z1"
    folder = tmp_path / "p"
    folder.mkdir()
    write(
        folder,
        "actors.csv",
        "actor_id,wijk,domain\n=1+1,Noord,zorg\n-12,Noord,welzijn\nz1,Noord,zorg\n",
    )
    write(
        folder,
        "ties.csv",
        "wijk,wave,source,target,tie_type,weight\nNoord,2025,=1+1,-12,overleg,1\nNoord,2026,z1,-12,overleg,1\n",
    )
    project = load_project(folder)
    expected = ["'=1+1", "'-12", "z1"]

    def column(path, name):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return [row[name] for row in csv.DictReader(fh)]

    export_project(project, "dl", tmp_path / "dl", wave="2025")
    assert read_dl(tmp_path / "dl" / "noord_2025.dl").row_labels == expected
    assert read_dl(tmp_path / "dl" / "noord_2025_attributes.dl").row_labels == expected
    assert column(tmp_path / "dl" / "noord_2025_actors.csv", "actor_id") == expected
    export_project(project, "pajek", tmp_path / "paj", wave="2025")
    net = (tmp_path / "paj" / "noord_2025.net").read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 1)[1].strip('"') for line in net[1:4]] == expected
    assert column(tmp_path / "paj" / "noord_2025_vertices.csv", "actor_id") == expected
    assert column(tmp_path / "paj" / "noord_2025_arcs.csv", "source") == ["'=1+1"]
    export_project(project, "rsiena", tmp_path / "rs")
    with open(tmp_path / "rs" / "noord" / "wave_1.csv", encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header[1:] == column(tmp_path / "rs" / "noord" / "actors.csv", "actor_id") == expected
