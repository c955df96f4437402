"""``wijknet export`` as a user runs it: bad options in Dutch, exit 2, nothing written; the demo in every format."""

from __future__ import annotations

import networkx as nx
import openpyxl
import pytest
from typer.testing import CliRunner

from wijknet import load_project
from wijknet.cli.app import app
from wijknet.datasets.demo import write_demo
from wijknet.export import FORMATS, export_project, read_dl_graph

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_help_lists_export_and_its_formats():
    assert "export" in run("--help").output
    result = run("export", "--help")
    assert result.exit_code == 0
    for word in ("--format", "--out", "--wijk", "--wave", "graphml", "gexf", "rsiena"):
        assert word in result.output


@pytest.mark.parametrize(
    "options, message, choices",
    [
        (
            ["--format", "csv"],
            "'csv' is geen bekend exportformaat",
            "graphml, gexf, xlsx, pajek, dl, rsiena",
        ),
        (
            ["--format", "gexf", "--wijk", "Oost"],
            "wijk 'Oost' komt niet voor in het project",
            "../Zuid West, Noord",
        ),
        (
            ["--format", "graphml", "--wave", "2030"],
            "meting '2030' komt niet voor in het project",
            "2025, 2026, 2027",
        ),
        (
            ["--format", "rsiena", "--wave", "2025"],
            "RSiena heeft minstens twee metingen nodig",
            "2025, 2026, 2027",
        ),
    ],
)
def test_bad_options_stop_with_a_dutch_message_and_write_nothing(
    export_folder, tmp_path, options, message, choices
):
    out = tmp_path / "out"
    result = run("export", export_folder, "--out", out, *options)
    assert result.exit_code == 2
    assert message in result.output and choices in result.output
    assert (
        "Er is niets geschreven of veranderd." in result.output and "Traceback" not in result.output
    )
    assert not out.exists()


def test_bad_option_in_english(export_folder, tmp_path):
    result = run(
        "--lang", "en", "export", export_folder, "--out", tmp_path / "out", "--format", "svg"
    )
    assert (
        result.exit_code == 2
        and "'svg' is not a known export format; choose from:" in result.output
    )


def test_bad_data_is_reported_not_raised(tmp_path):
    (tmp_path / "actors.csv").write_text("actor_id,wijk\nz1,Noord\n", encoding="utf-8")
    (tmp_path / "ties.csv").write_text("wijk,wave,source,target\n", encoding="utf-8")
    result = run("export", tmp_path, "--format", "gexf", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "domain" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_a_failing_writer_leaves_the_folder_as_it_was(project, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "earlier.txt").write_text("keep me")

    def broken(project, folder, selection, **options):
        (folder / "half.graphml").write_text("<graphml")
        raise RuntimeError("disk full")

    monkeypatch.setitem(FORMATS, "graphml", broken)
    with pytest.raises(RuntimeError):
        export_project(project, "graphml", out)
    assert sorted(p.name for p in out.iterdir()) == ["earlier.txt"]


def test_export_writes_and_names_the_files(export_folder, tmp_path):
    out = tmp_path / "out"
    result = run("export", export_folder, "--format", "GEXF", "--out", out, "--wijk", "Noord")
    assert result.exit_code == 0, result.output
    assert "Geschreven:" in result.output and (out / "noord.gexf").exists()
    assert [p.name for p in out.iterdir()] == ["noord.gexf"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = write_demo(tmp_path_factory.mktemp("demo"))
    return folder, load_project(folder)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_demo_project_exports_in_every_format(demo, tmp_path, fmt):
    folder, project = demo
    out = tmp_path / fmt
    extra = ["--permutations", "9"] if fmt == "xlsx" else []
    result = run("export", folder, "--format", fmt, "--out", out, *extra)
    assert result.exit_code == 0, result.output
    files = sorted(p for p in out.rglob("*") if p.is_file())
    n_wijken, n_waves = len(project.wijken), len(project.waves)
    G = project.graph("Daalhof", "2026")
    if fmt == "graphml":
        assert len(files) == n_wijken * n_waves
        H = nx.read_graphml(out / "daalhof_2026.graphml")
        assert (
            H.number_of_nodes() == G.number_of_nodes()
            and H.number_of_edges() == G.number_of_edges()
        )
    elif fmt == "gexf":
        assert len(files) == n_wijken
        D = nx.read_gexf(out / "daalhof.gexf")
        assert D.graph["mode"] == "dynamic"
        assert sum(len(d["spells"]) for *_, d in D.edges(data=True)) == sum(
            project.graph("Daalhof", w).number_of_edges() for w in project.waves
        )
    elif fmt == "pajek":
        assert (
            len(files) == 5 * n_wijken * n_waves + 1
        )  # .net, two .clu, _vertices.csv, _arcs.csv; domains.csv
        assert nx.read_pajek(out / "daalhof_2026.net").number_of_edges() == G.number_of_edges()
    elif fmt == "dl":
        assert len(files) == 3 * n_wijken * n_waves + 1
        assert read_dl_graph(out / "daalhof_2026.dl").number_of_edges() == G.number_of_edges()
    elif fmt == "xlsx":
        assert [f.name for f in files] == ["wijknet.xlsx"]
        wb = openpyxl.load_workbook(files[0], read_only=True)
        assert wb.sheetnames == [
            "actors",
            "ties",
            "actor_metrics",
            "network_metrics",
            "mixing",
            "codebook",
            "info",
        ]
        assert wb["ties"].max_row == len(project.ties) + 1
    elif fmt == "rsiena":
        assert len(files) == n_wijken * (n_waves + 6)
        assert (out / "daalhof" / "load_in_rsiena.R").exists()


def test_an_output_folder_that_cannot_be_made_is_a_message(export_folder, tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    result = run("export", export_folder, "--format", "graphml", "--out", blocker / "out")
    assert (
        result.exit_code == 2
        and "kan niet schrijven" in result.output
        and "Traceback" not in result.output
    )
    result = run("export", export_folder, "--format", "graphml", "--out", blocker)
    assert result.exit_code == 2 and "is een bestand" in result.output
