"""Finding 4 of issue 10: free text (evidence labels, quotes, file names, comments) is personal data.

An attacker who is not a researcher with names unlocked plants nothing: the secret is already in the
data, written by a researcher or an import ("gesprek met Xander Fictief over zijn schulden"). Every way
out is tried: the restricted project itself, the evidence view, the map, the reports and the xlsx and
GraphML exports. Only the unlocked researcher may read it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write
from tests.people import ACTORS, RESPONSES, TIES
from tests.privacy.test_leaks import contents
from tests.store.helpers import run
from wijknet.analysis.evidence import tie_evidence
from wijknet.privacy import Audience, load_key, pseudonym
from wijknet.privacy.load import load_project
from wijknet.privacy.view import neutral_label
from wijknet.viz.layout import stable_layout
from wijknet.viz.netmap import network_map_html

SECRET = "Xander Fictief"
LABEL = f"gesprek met {SECRET} over zijn schulden"
AUDIENCES = ("onderzoeker", "wijkteam:Heidepark", "leernetwerk")


def _hostile_tables() -> tuple[str, str, str]:
    """The people project with the secret in an evidence label, an actor comment and a survey remark."""
    actors = ACTORS.splitlines()
    actors[0] += ",opmerking"
    actors[1:] = [
        line + ("," + f"{SECRET} heeft schulden" if line.startswith("HP-3") else ",")
        for line in actors[1:]
    ]
    ties = TIES.replace(
        "Heidepark,2026,HP-1,HP-2,samenwerking,4,enquête,4",
        f"Heidepark,2026,HP-1,HP-2,samenwerking,4,{LABEL},4",
    )
    assert LABEL in ties
    responses = RESPONSES.splitlines()
    responses[0] += ",toelichting"
    responses[1:] = [
        line + ("," + f"ik bel {SECRET}" if line.startswith("Heidepark,2026,HP-1,") else ",")
        for line in responses[1:]
    ]
    return "\n".join(actors) + "\n", ties, "\n".join(responses) + "\n"


@pytest.fixture
def hostile_files(tmp_path: Path) -> Path:
    folder = tmp_path / "tidy"
    folder.mkdir()
    for name, content in zip(("actors.csv", "ties.csv", "responses.csv"), _hostile_tables()):
        write(folder, name, content)
    return folder


@pytest.fixture
def hostile_store(tmp_path: Path, hostile_files: Path) -> Path:
    folder = tmp_path / "store"
    assert run("init", folder).exit_code == 0
    # The interview file is named after the person; its label and quote name them too.
    interviews = write(
        tmp_path,
        f"gesprek_{SECRET.replace(' ', '_')}.csv",
        "wijk,wave,source,target,tie_type,evidence_kind,evidence,quote,segment_id\n"
        f"Heidepark,2026,HP-5,HP-6,samenwerking,interview,{SECRET} vertelde,{LABEL},G1-1\n",
    )
    result = run(
        "import",
        folder,
        *(hostile_files / n for n in ("actors.csv", "ties.csv", "responses.csv")),
        interviews,
    )
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(params=["files", "store"])
def folder(request):
    return request.getfixturevalue(f"hostile_{request.param}")


def everything(project) -> str:
    return "\n".join(
        t.astype(str).to_csv() for t in (project.actors, project.ties, project.responses)
    )


def test_neutral_labels_come_from_a_closed_list():
    assert neutral_label(LABEL, "tidy_file") == "gesprek"
    assert neutral_label(f"{SECRET} vertelde", "interview") == "gesprek"
    assert neutral_label("netwerkbijeenkomst bij Xander thuis", "survey") == "netwerkbijeenkomst"
    assert neutral_label(SECRET, "") == "bestand"


def test_the_secret_is_there_for_the_unlocked_researcher(folder):
    """The test can fail: the secret really is in the data."""
    project = load_project(folder, audience=Audience.parse("onderzoeker", unlocked=True))
    assert LABEL in everything(project)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_restricted_project_holds_no_free_text(folder, audience):
    project = load_project(folder, audience=audience)
    assert SECRET not in everything(project) and "schulden" not in everything(project)
    if audience != "leernetwerk":
        assert "gesprek" in set(project.ties["evidence"])  # the neutral label, not the text
    if audience == "onderzoeker":
        assert "opmerking" in project.actors.columns and any(
            "tekstwaarden" in w for w in project.warnings
        )
        assert SECRET not in " ".join(project.warnings)


@pytest.mark.parametrize("audience", AUDIENCES[:2])
def test_evidence_view_shows_neutral_labels_and_no_file_names(folder, audience):
    project = load_project(folder, audience=audience)
    key = load_key(folder)
    for actor in ("HP-1", "HP-5"):
        table = tie_evidence(
            project, "Heidepark", "2026", pseudonym(key, actor, "person"), include_quotes=True
        )
        assert not table.empty
        shown = table.astype(str).to_string()
        assert SECRET not in shown and "schulden" not in shown and "Xander" not in shown
        assert set(table["label"]) <= {"enquête", "gesprek", "bestand"}
        assert all(f.startswith("bestand") for f in table["source_file"])
        assert set(table["quote"]) == {""}


def test_unlocked_evidence_view_keeps_the_text(hostile_store):
    project = load_project(hostile_store, audience=Audience.parse("onderzoeker", unlocked=True))
    table = tie_evidence(project, "Heidepark", "2026", "HP-5", include_quotes=True)
    assert f"gesprek_{SECRET.replace(' ', '_')}.csv" in set(table["source_file"]) and LABEL in set(
        table["quote"]
    )


@pytest.mark.parametrize("audience", AUDIENCES[:2])
def test_map_carries_no_free_text(folder, audience):
    project = load_project(folder, audience=audience)
    G = project.graph("Heidepark", "2026")
    positions = stable_layout(
        [project.graph("Heidepark", w) for w in project.waves], seed=0, taxonomy=project.taxonomy
    )
    document = network_map_html(G, positions, taxonomy=project.taxonomy)
    assert "Xander" not in document and "schulden" not in document


def test_reports_carry_no_free_text(folder, tmp_path):
    for audience, extra in (("wijkteam:Heidepark", ("--wijk", "Heidepark")), ("onderzoeker", ("--wijk", "Heidepark")),
                            ("leernetwerk", ())):  # fmt: skip
        out = tmp_path / f"{audience.replace(':', '_')}.html"
        result = run(
            "report", folder, *extra, "--out", out, "--audience", audience, "--permutations", "20"
        )
        assert result.exit_code == 0, result.output
        html = out.read_text(encoding="utf-8")
        assert "Xander" not in html and "schulden" not in html, audience


@pytest.mark.parametrize("fmt", ("xlsx", "graphml"))
@pytest.mark.parametrize("audience", AUDIENCES)
def test_exports_carry_no_free_text(folder, tmp_path, fmt, audience):
    out = tmp_path / "out"
    result = run("export", folder, "--format", fmt, "--out", out, "--audience", audience)
    if fmt == "graphml" and audience == "leernetwerk":  # a tie list: refused, nothing written
        assert result.exit_code == 2 and not (out.exists() and any(out.iterdir())), result.output
        return
    assert result.exit_code == 0, result.output
    text = contents(out)
    assert "Xander" not in text and "schulden" not in text, (fmt, audience)


def test_unlocked_export_keeps_the_label(folder, tmp_path):
    """The export test above can fail: unlocked, the label is in the GraphML."""
    assert (
        run("export", folder, "--format", "graphml", "--out", tmp_path / "o", "--unlock").exit_code
        == 0
    )
    assert "schulden" in contents(tmp_path / "o")
