"""Network Canvas CSV exports (new and old exporter) into tidy ties, write-ins and problems."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijknet.core.errors import DataError
from wijknet.ingest.networkcanvas import import_network_canvas, unprotect

NEW = {"ego": "networkCanvasEgoUUID", "uid": "networkCanvasUUID", "src": "networkCanvasSourceUUID",
       "tgt": "networkCanvasTargetUUID"}  # fmt: skip
OLD = {"ego": "_egoID", "uid": "_uid", "src": "_from", "tgt": "_to"}


def interview(
    folder: Path,
    k: dict,
    case: str,
    ego: str,
    ego_actor: str,
    nodes: list[tuple],
    edges: list[tuple],
) -> list[Path]:
    """Write one interview: nodes (nodeID, uuid, actor_id, name, weight), edges (edgeID, from uuid, to uuid, from id, to id, frequency)."""
    ego_file = folder / f"{case}_{ego}_ego.csv"
    ego_file.write_text(
        f"{k['ego']},networkCanvasCaseID,actor_id\n{ego},{case},{ego_actor}\n", encoding="utf-8"
    )
    node_file = folder / f"{case}_{ego}_attributeList_organisatie.csv"
    node_file.write_text(
        f"nodeID,{k['ego']},{k['uid']},actor_id,name,weight\n"
        + "".join(f"{n[0]},{ego},{n[1]},{n[2]},{n[3]},{n[4]}\n" for n in nodes),
        encoding="utf-8",
    )
    edge_file = folder / f"{case}_{ego}_edgeList_samenwerking.csv"
    edge_file.write_text(
        f"edgeID,from,to,{k['ego']},{k['src']},{k['tgt']},frequency\n"
        + "".join(f"{e[0]},{e[3]},{e[4]},{ego},{e[1]},{e[2]},{e[5]}\n" for e in edges),
        encoding="utf-8",
    )
    return [ego_file, node_file, edge_file]


def two_interviews(folder: Path, k: dict) -> list[Path]:
    # nodeID 1 and 2 occur in both interviews, for different nodes: only the UUID join gets this right.
    a = interview(
        folder,
        k,
        "caseA",
        "ego-a",
        "z1",
        [(1, "u-a1", "w1", "Buurtcoach Fictief", 3), (2, "u-a2", "", "'=Stichting Formule", "")],
        [(1, "u-a1", "u-a2", 1, 2, 4)],
    )
    b = interview(
        folder,
        k,
        "caseB",
        "ego-b",
        "w1",
        [(1, "u-b1", "z1", "Huisarts Fictief", 5), (2, "u-b2", "g1", "Gemeente Fictief", 2)],
        [(1, "u-b2", "u-b1", 2, 1, "'-1")],
    )
    return a + b


@pytest.mark.parametrize("k", [NEW, OLD], ids=["new", "old"])
def test_two_interviews_join_on_uuid(tmp_path, k):
    batch = import_network_canvas(two_interviews(tmp_path, k), wijk="Noord", wave="2026")
    ties = batch.ties
    got = set(zip(ties["source"], ties["target"], ties["tie_type"], ties["weight"]))
    assert got == {("z1", "w1", "kennen", "3"), ("w1", "z1", "kennen", "5"), ("w1", "g1", "kennen", "2"),
                   ("g1", "z1", "samenwerking", "-1")}  # fmt: skip
    assert set(ties["evidence"]) == {"network canvas 2026"} and set(ties["wijk"]) == {"Noord"}
    edge = ties[ties["tie_type"] == "samenwerking"].iloc[0]
    assert (edge["source_file"], edge["source_row"], edge["source_column"], edge["reporter"]) == (
        "caseB_ego-b_edgeList_samenwerking.csv",
        "2",
        k["src"],
        "w1",
    )
    # the alter without actor_id is a write-in, its name unprotected; ties to it wait
    assert list(batch.write_ins["name"]) == ["=Stichting Formule"]
    assert (
        batch.write_ins.iloc[0]["respondent"] == "z1" and batch.write_ins.iloc[0]["uuid"] == "u-a2"
    )
    pending = batch.pending_ties
    assert set(zip(pending["source_uuid"], pending["target_uuid"])) == {
        ("ego-a", "u-a2"),
        ("u-a1", "u-a2"),
    }
    assert len(batch.nodes) == 4 and set(batch.respondents["actor_id"]) == {"z1", "w1"}


def test_roster_decides_who_is_an_actor(tmp_path):
    batch = import_network_canvas(
        two_interviews(tmp_path, NEW), wijk="Noord", wave="2026", roster={"z1", "w1"}
    )
    assert "g1" not in set(batch.ties["source"]) | set(batch.ties["target"])
    assert "Gemeente Fictief" in set(batch.write_ins["name"])
    assert any("g1" in p.message for p in batch.problems)


def test_folder_and_unidentified_ego(tmp_path):
    interview(tmp_path, NEW, "caseC", "ego-c", "", [(1, "u-c1", "z1", "Huisarts Fictief", "")], [])
    batch = import_network_canvas(tmp_path, wijk="Noord", wave="2026")
    # besides the notes for columns not used (edgeID, from, to, networkCanvasCaseID): the unidentified ego
    notes = [p for p in batch.problems if "niet gebruikt" not in p.message]
    assert len(batch.ties) == 0 and len(notes) == 1 and notes[0].column == "actor_id"


def test_unprotect():
    assert [unprotect(v) for v in ["'=A", "'+31", "'-1", "'@x", "'quote", "plain"]] == [
        "=A",
        "+31",
        "-1",
        "@x",
        "'quote",
        "plain",
    ]


def test_edge_to_unknown_node(tmp_path):
    files = two_interviews(tmp_path, NEW)
    edge = files[2]
    edge.write_text(edge.read_text() + "2,1,9,ego-a,u-a1,u-zz,1\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        import_network_canvas(files, wijk="Noord", wave="2026")
    (p,) = err.value.problems
    assert (p.file, p.row, p.column) == (
        edge.name,
        3,
        "networkCanvasTargetUUID",
    ) and "u-zz" in p.message


def test_missing_uuid_columns_and_not_csv(tmp_path):
    nodes = tmp_path / "x_attributeList_person.csv"
    nodes.write_text("nodeID,networkCanvasEgoUUID,name\n1,ego-a,Fictief\n", encoding="utf-8")
    edges = tmp_path / "x_edgeList_knows.csv"
    edges.write_text("edgeID,from,to,networkCanvasEgoUUID\n1,1,2,ego-a\n", encoding="utf-8")
    other = tmp_path / "notes.xlsx"
    other.write_bytes(b"PK\x03\x04 not really")
    random = tmp_path / "random.csv"
    random.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        import_network_canvas([nodes, edges, other, random], wijk="Noord", wave="2026")
    where = {(p.file, p.column) for p in err.value.problems}
    assert where == {(nodes.name, "networkCanvasUUID"), (edges.name, "networkCanvasSourceUUID"),
                     (edges.name, "networkCanvasTargetUUID"), (other.name, None), (random.name, None)}  # fmt: skip
    assert all("expected" in str(p) or "verwacht" in str(p) for p in err.value.problems)


HEADERS = st.sampled_from(["networkCanvasEgoUUID", "_egoID", "networkCanvasUUID", "_uid", "nodeID", "edgeID", "from", "to",
                           "networkCanvasSourceUUID", "networkCanvasTargetUUID", "_from", "_to", "actor_id", "name",
                           "weight", "frequency", "type", "", "x"])  # fmt: skip
CELLS = st.sampled_from(
    [
        "",
        "ego-a",
        "ego-b",
        "u1",
        "u2",
        "u3",
        "1",
        "2",
        "z1",
        "'=x",
        "'-1",
        "'",
        ";",
        '"',
        "é",
        "\n",
        "nan",
    ]
)
NAMES = st.sampled_from(
    [
        "c_ego.csv",
        "c_attributeList_org.csv",
        "c_edgeList_knows.csv",
        "c.txt",
        "c.graphml",
        "c.xlsx",
        "c",
    ]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            NAMES,
            st.lists(HEADERS, min_size=0, max_size=6),
            st.lists(st.lists(CELLS, max_size=7), max_size=4),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_fuzz_only_data_errors(files):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (name, header, rows) in enumerate(files):
            path = Path(tmp) / f"{i}{name}"
            lines = [",".join(header)] + [",".join(r) for r in rows]
            path.write_text("\n".join(lines), encoding="utf-8")
            paths.append(path)
        try:
            batch = import_network_canvas(paths, wijk="Noord", wave="2026")
        except DataError:
            return
        assert set(batch.ties.columns) >= {"source", "target", "tie_type", "weight", "evidence"}


def test_every_column_not_used_gives_a_note_naming_file_and_column(tmp_path):
    """Never silent: session bookkeeping, ego attributes wijknet does not read and node ids the join does not use."""
    ego = tmp_path / "caseA_ego-a_ego.csv"
    ego.write_text(
        "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasProtocolName,sessionStart,actor_id,leeftijd\n"
        "ego-a,caseA,wijknet,2026-03-01T10:00:00Z,z1,50-64\n",
        encoding="utf-8",
    )
    nodes = tmp_path / "caseA_ego-a_attributeList_organisatie.csv"
    nodes.write_text(
        "nodeID,networkCanvasEgoUUID,networkCanvasUUID,actor_id,name,close\n"
        "1,ego-a,u-a1,w1,Buurtcoach Fictief,true\n",
        encoding="utf-8",
    )
    edges = tmp_path / "caseA_ego-a_edgeList_samenwerking.csv"
    edges.write_text(
        "edgeID,from,to,networkCanvasEgoUUID,networkCanvasSourceUUID,networkCanvasTargetUUID,sessionExported\n"
        "1,1,1,ego-a,u-a1,ego-a,2026-03-01\n",
        encoding="utf-8",
    )
    batch = import_network_canvas([ego, nodes, edges], wijk="Noord", wave="2026")
    noted = {(p.file, p.column) for p in batch.problems if "niet gebruikt" in p.message}
    assert noted == {(ego.name, "networkcanvascaseid"), (ego.name, "networkcanvasprotocolname"), (ego.name, "sessionstart"),
                     (ego.name, "leeftijd"), (edges.name, "edgeid"), (edges.name, "from"), (edges.name, "to"),
                     (edges.name, "sessionexported")}  # fmt: skip
    # a node attribute is not dropped: it is kept with the tie as an answer, so it gives no note
    tie = batch.ties[batch.ties["tie_type"] == "kennen"].iloc[0]
    assert '"close": "true"' in tie["answers"]


def test_cleaned_cells_of_a_network_canvas_file_give_a_note(tmp_path):
    files = interview(
        tmp_path, NEW, "caseA", "ego-a", "z1", [(1, "u-a1", "w1", "Buurtcoach\u202eFictief", 3)], []
    )
    batch = import_network_canvas(files, wijk="Noord", wave="2026")
    assert any(p.file == files[1].name and p.column == "name" for p in batch.problems), (
        batch.problems
    )
