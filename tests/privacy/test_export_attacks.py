"""Attacks on the export paths (issue 10 findings 3 and 11): what a leernetwerk, a shared copy or a killed export gives away."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

import wijknet
from tests.conftest import write
from tests.export.conftest import ACTORS, RESPONSES, TIES
from wijknet.cli.app import app
from wijknet.core.errors import DataError
from wijknet.export import export_project
from wijknet.privacy import load_key, pseudonym, restrict
from wijknet.privacy.anonymise import write_anonymised

runner = CliRunner()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "demo"
    assert runner.invoke(app, ["demo", str(folder)]).exit_code == 0
    return folder


def _secrets(folder: Path) -> set[str]:
    """Every actor id, researcher pseudonym and name of the project: none may be in a leernetwerk file."""
    project = wijknet.load_project(folder)
    key = load_key(folder)
    ids = set(project.actors["actor_id"])
    codes = {
        pseudonym(key, a, k) for a, k in zip(project.actors["actor_id"], project.actors["kind"])
    }
    names = {n for n in project.actors["name"] if isinstance(n, str) and len(n) > 3}
    return {s for s in ids | codes | names if s}


def _cells(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path, read_only=True)
    return [
        str(c)
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
        for c in row
        if c is not None
    ]


def test_leernetwerk_export_has_group_figures_only(demo, tmp_path):
    result = runner.invoke(app, ["export", str(demo), "--format", "xlsx", "--out", str(tmp_path / "l.xlsx"),
                                 "--audience", "leernetwerk", "--permutations", "20"])  # fmt: skip
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(tmp_path / "l.xlsx", read_only=True)
    assert set(wb.sheetnames) <= {
        "network_metrics",
        "mixing",
        "ei_domains",
        "change",
        "kpi3",
        "codebook",
        "info",
    }
    for ws in wb.worksheets:
        header = [str(c).lower() for c in next(ws.iter_rows(values_only=True))]
        forbidden = {"actor_id", "source", "name", "pseudonym", "evidence", "organisation"} | (
            {"target"} - {"kpi3": {"target"}}.get(ws.title, set())
        )
        assert not forbidden & set(header), ws.title
    cells = set(_cells(tmp_path / "l.xlsx"))
    assert not cells & _secrets(demo), "no actor id, pseudonym or name in any cell"


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "pajek", "dl", "rsiena"])
def test_leernetwerk_gets_no_network_file(demo, tmp_path, fmt):
    result = runner.invoke(app, ["export", str(demo), "--format", fmt, "--out", str(tmp_path / "out"),
                                 "--audience", "leernetwerk"])  # fmt: skip
    assert (
        result.exit_code == 2
        and "leernetwerk" in result.output
        and "groepscijfers" in result.output
    )
    assert not (tmp_path / "out").exists()
    project = wijknet.load_project(demo, audience="leernetwerk")
    with pytest.raises(DataError):
        export_project(project, fmt, tmp_path / "lib")
    assert not (tmp_path / "lib").exists()


def test_anonymised_copy_pseudonyms_never_match_the_researchers(demo, tmp_path):
    project = wijknet.load_project(demo)
    theirs = set(restrict(project, "onderzoeker").actors["actor_id"])
    write_anonymised(project, tmp_path / "copy")
    again = wijknet.load_project(tmp_path / "copy")
    ours = set(again.actors["actor_id"])
    assert len(ours) == len(project.actors) and len(ours & theirs) == 0, (
        "0 of N pseudonyms equal the researcher's"
    )
    write_anonymised(project, tmp_path / "copy2")
    assert not ours & set(wijknet.load_project(tmp_path / "copy2").actors["actor_id"]), (
        "every copy has its own key"
    )
    everything = b"".join(p.read_bytes() for p in (tmp_path / "copy").iterdir())
    assert not (tmp_path / "copy" / "responses.csv").exists(), (
        "no individual KPI 3 answers without asking"
    )
    for secret in _secrets(demo):
        assert secret.encode() not in everything, "no id, researcher pseudonym or name"


def test_answers_only_when_asked_and_the_choice_is_in_the_audit_log(tmp_path):
    tidy = tmp_path / "tidy"
    tidy.mkdir()
    write(tidy, "actors.csv", ACTORS)
    write(tidy, "ties.csv", TIES)
    write(tidy, "responses.csv", RESPONSES)
    store = tmp_path / "store"
    assert runner.invoke(app, ["init", str(store)]).exit_code == 0
    assert (
        runner.invoke(
            app,
            [
                "import",
                str(store),
                *(str(tidy / f) for f in ("actors.csv", "responses.csv", "ties.csv")),
            ],
        ).exit_code
        == 0
    )
    assert (
        runner.invoke(app, ["anonymise", str(store), "--out", str(tmp_path / "a")]).exit_code == 0
    )
    assert not (tmp_path / "a" / "responses.csv").exists()
    assert (
        runner.invoke(
            app, ["anonymise", str(store), "--out", str(tmp_path / "b"), "--with-answers"]
        ).exit_code
        == 0
    )
    assert (tmp_path / "b" / "responses.csv").exists()
    from wijknet.store.audit import read_log

    log = read_log(store, action="anonymised_export")
    done = [json.loads(d) for d in log["detail"] if json.loads(d).get("status") == "done"]
    assert sorted(d["with_answers"] for d in done) == [False, True]


def test_an_export_that_fails_midway_leaves_nothing_and_is_in_the_audit_log(tmp_path, monkeypatch):
    tidy = tmp_path / "tidy"
    tidy.mkdir()
    write(tidy, "actors.csv", ACTORS)
    write(tidy, "ties.csv", TIES)
    store = tmp_path / "store"
    assert runner.invoke(app, ["init", str(store)]).exit_code == 0
    assert (
        runner.invoke(
            app, ["import", str(store), str(tidy / "actors.csv"), str(tidy / "ties.csv")]
        ).exit_code
        == 0
    )
    from wijknet.export import FORMATS

    real = FORMATS["dl"]

    def half(project, folder, selection, **options):
        real(project, folder, selection, **options)  # files with names are written ...
        raise RuntimeError("stopped midway")  # ... then the export dies

    monkeypatch.setitem(FORMATS, "dl", half)
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["export", str(store), "--format", "dl", "--out", str(out), "--unlock"]
    )
    assert result.exit_code != 0
    assert not out.exists() or not any(out.rglob("*")), "no hidden folder with names"
    from wijknet.store.audit import read_log

    started = [json.loads(d) for d in read_log(store, action="export")["detail"]]
    assert any(d.get("status") == "started" and d["format"] == "dl" for d in started)


KILLED = """
import sys, time
from wijknet import load_project
from wijknet.export import FORMATS, export_project
real = FORMATS["dl"]
def slow(project, folder, selection, **options):
    written = real(project, folder, selection, **options)
    print("written", flush=True)
    time.sleep(60)
    return written
FORMATS["dl"] = slow
export_project(load_project(sys.argv[1]), "dl", sys.argv[2])
"""


def test_a_killed_export_leaves_no_folder_with_names_after_the_next_run(tmp_path):
    tidy = tmp_path / "tidy"
    tidy.mkdir()
    write(tidy, "actors.csv", ACTORS)
    write(tidy, "ties.csv", TIES)
    out = tmp_path / "out"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [str(Path(wijknet.__file__).parents[1]), os.environ.get("PYTHONPATH", "")]
        ),
    }
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(tidy), str(out)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout.readline().strip() == "written"
        hidden = [p for p in out.iterdir() if p.name.startswith(".")]
        assert hidden and any(
            b"Huisarts Fictief" in f.read_bytes() for f in hidden[0].rglob("*.csv")
        ), "the danger is real"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    time.sleep(0.1)
    export_project(wijknet.load_project(tidy), "graphml", out)
    assert not [p for p in out.iterdir() if p.name.startswith(".")], (
        "the next export removed the killed one's folder"
    )


def test_anonymised_copy_has_no_small_overig_group_and_no_free_text(tmp_path):
    """Issue 10 finding 3: merged 'overig' groups of 4 actors remained although min_cell is 5; finding 4: free-text labels."""
    rows = ["actor_id,wijk,domain,name,kind"]
    rows += [f"z{i},Noord,zorg,Zorg Fictief {i},person" for i in range(6)]
    rows += [
        f"w{i},Noord,welzijn,Welzijn Fictief {i},person" for i in range(2)
    ]  # 2 + 2 = 4 in overig: too few
    rows += [f"g{i},Noord,gemeente,Gemeente Fictief {i},person" for i in range(2)]
    rows += [f"i{i},Noord,inwoners,Inwoner Fictief {i},person" for i in range(5)]
    folder = tmp_path / "p"
    folder.mkdir()
    write(folder, "actors.csv", "\n".join(rows) + "\n")
    write(folder, "ties.csv", "wijk,wave,source,target,tie_type,weight,evidence\n"
                              "Noord,2025,z0,w0,overleg,1,gesprek met Zorg Fictief 3 over zijn schulden\n"
                              "Noord,2025,z1,g0,overleg,1,enquête 2025\n")  # fmt: skip
    write_anonymised(wijknet.load_project(folder), tmp_path / "copy")
    copy = wijknet.load_project(tmp_path / "copy")
    sizes = copy.actors["domain"].value_counts()
    assert sizes.min() >= 5 and sizes.get("overig", 0) >= 5, sizes.to_dict()
    assert sorted(copy.ties["evidence"]) == ["enquête", "gesprek"], "a neutral word, not the label"
    assert b"schulden" not in (tmp_path / "copy" / "ties.csv").read_bytes()


def test_wijkteam_graph_files_have_no_single_observations_and_others_no_labels(tmp_path):
    tidy = tmp_path / "tidy"
    tidy.mkdir()
    write(tidy, "actors.csv", ACTORS)
    write(
        tidy,
        "ties.csv",
        TIES.replace(
            "Noord,2026,z1,w1,overleg,1,gesprek",
            "Noord,2026,z1,w1,overleg,1,gesprek over Huisarts Fictief",
        ),
    )
    for audience, has_observations in (("wijkteam:Noord", False), ("onderzoeker", True)):
        out = tmp_path / audience.replace(":", "-")
        assert (
            runner.invoke(
                app,
                [
                    "export",
                    str(tidy),
                    "--format",
                    "graphml",
                    "--out",
                    str(out),
                    "--audience",
                    audience,
                ],
            ).exit_code
            == 0
        )
        text = (out / "noord_2026.graphml").read_text(encoding="utf-8")
        assert ('attr.name="observations"' in text) is has_observations, audience
        if has_observations:
            assert (
                '"evidence": "gesprek over' not in text and '"evidence_kind": "interview"' in text
            )
    out = tmp_path / "unlocked"
    assert (
        runner.invoke(
            app, ["export", str(tidy), "--format", "graphml", "--out", str(out), "--unlock"]
        ).exit_code
        == 0
    )
    assert "gesprek over Huisarts Fictief" in (out / "noord_2026.graphml").read_text(
        encoding="utf-8"
    )


def test_an_anonymised_copy_that_fails_midway_leaves_nothing(tmp_path, monkeypatch):
    import yaml

    tidy = tmp_path / "tidy"
    tidy.mkdir()
    write(tidy, "actors.csv", ACTORS)
    write(tidy, "ties.csv", TIES)
    project = wijknet.load_project(tidy)
    parent = tmp_path / "shared"
    parent.mkdir()
    (
        parent / ".anonymise-999999999-old"
    ).mkdir()  # left by a copy that was killed (no such process)
    (parent / ".anonymise-999999999-old" / "actors.csv").write_text("Huisarts Fictief")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(yaml, "safe_dump", broken)
    with pytest.raises(RuntimeError):
        write_anonymised(project, parent / "copy")
    assert list(parent.iterdir()) == [], (
        "neither the failed copy nor the killed one's folder is left"
    )
