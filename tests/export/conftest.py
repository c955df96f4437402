"""A small fictional project for the export tests: entry and exit, awkward names, a hostile wijk name."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import write
from wijknet import load_project

#: z2's name is a formula, w1 has an apostrophe, i1 double quotes; w1 leaves after 2026, i1 enters in 2026.
ACTORS = (
    "actor_id,wijk,domain,name,role,organisation,kind,pluswijkteam,kernaanpakken,consent,first_wave,last_wave,buurt\n"
    "z1,Noord,zorg,Huisarts Fictief,huisarts,Praktijk Fictief,person,ja,Welzijn op Recept,ja,,,0123\n"
    'z2,Noord,zorg,"=HYPERLINK(""http://voorbeeld.invalid"",""klik"")",wijkverpleegkundige,Thuiszorg Fictief,person,nee,,ja,,,\n'
    "w1,Noord,welzijn,Buurthuis 't Ven,welzijnscoach,Welzijn Fictief,organisation,ja,Welzijn op Recept;Kernteam Ouderen,nee,,2026,\n"
    'i1,Noord,inwoners,"Bewoners ""Samen"" Fictief",,,initiative,nee,,ja,2026,,-12\n'
    "g1,../Zuid West,gemeente,Consulent Fictief,Wmo-consulent,Gemeente Fictief,person,nee,,ja,,,\n"
    "w2,../Zuid West,welzijn,Opbouwwerker Fictief,opbouwwerker,Welzijn Fictief,person,nee,,ja,,,\n"
)
TIES = (
    "wijk,wave,source,target,tie_type,weight,evidence\n"
    "Noord,2025,z1,z2,samenwerking,3,enquête\n"
    "Noord,2025,z2,z1,samenwerking,4,enquête\n"
    "Noord,2025,z1,w1,verwijzing,2,enquête\n"
    "Noord,2026,z1,w1,verwijzing,5,enquête\n"
    "Noord,2026,z1,w1,overleg,1,gesprek\n"
    "Noord,2026,w1,z1,overleg,2,gesprek\n"
    'Noord,2026,i1,z2,samenwerking,"2,5",@bron\n'
    "Noord,2027,i1,z1,overleg,1,\n"
    "Noord,2027,z2,i1,+plus,1,=1+1\n"
    "../Zuid West,2025,g1,w2,samenwerking,1,enquête\n"
    "../Zuid West,2027,w2,g1,samenwerking,2,enquête\n"
)
RESPONSES = "wijk,wave,actor_id,kpi3\nNoord,2025,z1,4\nNoord,2026,z1,4\nNoord,2026,i1,3\n"
WAVES = ["2025", "2026", "2027"]


@pytest.fixture
def export_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    write(folder, "actors.csv", ACTORS)
    write(folder, "ties.csv", TIES)
    return folder


@pytest.fixture
def project(export_folder):
    return load_project(export_folder)


@pytest.fixture
def project_with_responses(export_folder):
    write(export_folder, "responses.csv", RESPONSES)
    return load_project(export_folder)


@functools.cache  # one Rscript start-up per package and test process, not one per test
def r_has(package: str) -> bool:
    """Whether Rscript is installed and can load ``package``."""
    if shutil.which("Rscript") is None:
        return False
    result = subprocess.run(
        ["Rscript", "-e", f"suppressMessages(library({package}))"], capture_output=True
    )
    return result.returncode == 0


def need(available: bool, what: str) -> None:
    """Skip the test when ``what`` (R with a package, xmllint) is missing; fail instead when ``CI`` is set.

    ``.ci/run`` installs R, igraph, network, sna and xmllint, so there the
    real-reader tests must run (as ``WIJKNET_REQUIRE_BROWSER`` does for Chromium).
    """
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required when CI is set (.ci/run installs it)")
    pytest.skip(f"needs {what}")
