"""RSiena wave arrays: shapes, codes, composition change, covariates, and R reading them."""

from __future__ import annotations

import csv
import subprocess

import numpy as np
import pytest

from tests.export.conftest import need, r_has
from wijknet.core.errors import DataError
from wijknet.export import export_project
from wijknet.export.rsiena import STRUCTURAL_ZERO, composition_times, siena_data


def test_arrays_cover_all_actors_with_structural_zeros_for_absent_ones(project):
    data = siena_data(project, "Noord")
    assert data.actor_ids == ["z1", "z2", "w1", "i1"] and data.waves == ["2025", "2026", "2027"]
    assert data.adjacency.shape == (3, 4, 4)
    assert data.present.tolist() == [
        [True, True, True, False],
        [True, True, True, True],
        [True, True, False, True],
    ]
    w1, i1 = 2, 3
    A = data.adjacency
    assert (A[0, i1, [0, 1, 2]] == STRUCTURAL_ZERO).all() and (
        A[0, [0, 1, 2], i1] == STRUCTURAL_ZERO
    ).all()
    assert (A[2, w1, [0, 1, 3]] == STRUCTURAL_ZERO).all() and (
        A[2, [0, 1, 3], w1] == STRUCTURAL_ZERO
    ).all()
    assert (np.diagonal(A, axis1=1, axis2=2) == 0).all()
    for k, wave in enumerate(data.waves):
        G = project.graph("Noord", wave)
        ties = {(data.actor_ids[i], data.actor_ids[j]) for i, j in zip(*np.nonzero(A[k] == 1))}
        assert ties == set(G.edges()), wave
        assert set(np.unique(A[k])) <= {0.0, 1.0, float(STRUCTURAL_ZERO)}


def test_composition_times_put_changes_halfway_between_waves():
    present = np.array([[1, 1, 0, 1], [1, 1, 1, 0], [1, 0, 1, 0]], dtype=bool)
    assert composition_times(present) == [(1.0, 3.0), (1.0, 2.5), (1.5, 3.0), (1.0, 1.5)]


def test_folder_files_and_their_content(project, tmp_path):
    written = export_project(project, "rsiena", tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    for wijk in ("noord", "zuid-west"):
        assert {f"{wijk}/{f}" for f in ("wave_1.csv", "wave_2.csv", "wave_3.csv", "composition.txt", "actors.csv",
                                          "domains.csv", "waves.csv", "waves.npz", "load_in_rsiena.R")} <= names  # fmt: skip
    folder = tmp_path / "noord"
    assert (folder / "composition.txt").read_text().splitlines() == ["1 3", "1 3", "1 2.5", "1.5 3"]
    with open(folder / "actors.csv", newline="") as fh:
        actors = list(csv.DictReader(fh))
    codes = {d: i for i, d in enumerate(project.domains, start=1)}
    assert [a["actor_id"] for a in actors] == ["z1", "z2", "w1", "i1"]
    assert [int(a["domain_code"]) for a in actors] == [
        codes[d] for d in ("zorg", "zorg", "welzijn", "inwoners")
    ]
    assert [a["pluswijkteam"] for a in actors] == ["1", "0", "1", "0"]
    with open(folder / "wave_3.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["actor_id", "z1", "z2", "w1", "i1"]
    assert rows[2] == ["z2", "0", "0", "10", "1"] and rows[3] == ["w1", "10", "10", "0", "10"]
    saved = np.load(folder / "waves.npz")
    assert saved["adjacency"].shape == (3, 4, 4) and list(saved["actor_ids"]) == [
        "z1",
        "z2",
        "w1",
        "i1",
    ]
    script = (folder / "load_in_rsiena.R").read_text()
    assert "sienaDependent(nets)" in script and "sienaCompositionChangeFromFile" in script


def test_nonrespondents_outgoing_ties_can_be_missing(project_with_responses):
    data = siena_data(project_with_responses, "Noord", nonresponse="missing")
    A = data.adjacency
    z1, z2, w1, i1 = range(4)
    assert not np.isnan(A[0, z1]).any(), "z1 responded in 2025"
    assert (
        np.isnan(A[0, z2, [z1, w1]]).all() and A[0, z2, i1] == STRUCTURAL_ZERO and A[0, z2, z2] == 0
    )
    assert A[0, z1, z2] == 1, "ties to a non-respondent stay observed"
    assert np.isnan(A[2, i1, [z1, z2]]).all(), "no response in 2027"
    kept = siena_data(project_with_responses, "Noord")
    assert not np.isnan(kept.adjacency).any()


def test_one_wave_is_refused(project, tmp_path):
    with pytest.raises(DataError, match="twee metingen"):
        export_project(project, "rsiena", tmp_path / "out", wave="2025")
    assert not (tmp_path / "out").exists()


def test_base_r_reads_the_wave_files(project, tmp_path):
    need(r_has("utils"), "Rscript")
    export_project(project, "rsiena", tmp_path, wijk="Noord")
    script = (
        "f <- commandArgs(TRUE)[1]; a <- read.csv(file.path(f, 'actors.csv'), colClasses = c(actor_id = 'character')); "
        "m <- as.matrix(read.csv(file.path(f, 'wave_1.csv'), row.names = 1, check.names = FALSE)); "
        "cc <- readLines(file.path(f, 'composition.txt')); "
        "cat(dim(m), sum(m == 10), identical(rownames(m), a$actor_id), length(cc), sep = '\\n')"
    )
    out = subprocess.run(
        ["Rscript", "-e", script, str(tmp_path / "noord")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split() == ["4", "4", "6", "TRUE", "4"]


STUBS = """
library <- function(...) invisible(NULL)
sienaDependent <- function(x) { stopifnot(length(dim(x)) == 3); structure(x, class = "stub") }
coCovar <- function(x) x
sienaCompositionChangeFromFile <- function(f) strsplit(readLines(f), " ")
sienaDataCreate <- function(...) list(...)
print <- function(x, ...) invisible(x)
source("load_in_rsiena.R")
cat(dim(nets), sum(is.na(nets)), sum(nets == 10, na.rm = TRUE), length(changes), dimnames(nets)[[3]], sep = "\\n")
"""


def test_r_script_runs_up_to_rsiena(project, tmp_path):
    """The script's own R code (reading, recoding) runs; RSiena's functions are stubs here."""
    need(r_has("utils"), "Rscript")
    export_project(project, "rsiena", tmp_path, wijk="Noord")
    folder = tmp_path / "noord"
    result = subprocess.run(["Rscript", "-e", STUBS], cwd=folder, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    absent = int((siena_data(project, "Noord").adjacency == STRUCTURAL_ZERO).sum())
    assert result.stdout.split() == ["4", "4", "3", str(absent), "0", "4", "2025", "2026", "2027"]


@pytest.mark.skipif(not r_has("RSiena"), reason="RSiena is not installed")
def test_r_script_creates_siena_data(project, tmp_path):
    export_project(project, "rsiena", tmp_path, wijk="Noord")
    result = subprocess.run(
        ["Rscript", str(tmp_path / "noord" / "load_in_rsiena.R")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
