"""No export, report or anonymised copy leaks what its audience may not see (through the CLI)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.people import BEEKDAL, HEIDEPARK_PERSONS
from tests.store.helpers import run
from wijknet.privacy.load import load_project

FORMATS = ("graphml", "gexf", "xlsx", "pajek", "dl", "rsiena")
ALL_PERSONS = (
    *HEIDEPARK_PERSONS.values(),
    "Echo Heidedal",
    "Delta Beekhof",
    "Hotel Beekveld",
    "India Beekstraat",
)


def contents(folder: Path) -> str:
    """All text in the files under ``folder``, workbooks unpacked."""
    parts = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                parts += [book.read(n).decode("utf-8", "replace") for n in book.namelist()]
        else:
            parts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


@pytest.fixture(params=["files", "store"])
def folder(request):
    return request.getfixturevalue(f"people_{request.param}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_wijkteam_export_holds_only_its_wijk_and_allowed_names(folder, tmp_path, fmt):
    out = tmp_path / "out"
    result = run(
        "export", folder, "--format", fmt, "--out", out, "--audience", "wijkteam:Heidepark"
    )
    assert result.exit_code == 0, result.output
    text = contents(out)
    assert "Alfa Heidehuis" in text or fmt in ("pajek", "rsiena")  # pajek/rsiena carry ids only
    for value in (*BEEKDAL, "Bravo Heideveld", "Charlie Heidebeek", "HP-1", "trust_reliability"):
        assert value not in text, (fmt, value)


@pytest.mark.parametrize("fmt", FORMATS)
def test_leernetwerk_export_has_no_names(folder, tmp_path, fmt):
    out = tmp_path / "out"
    result = run("export", folder, "--format", fmt, "--out", out, "--audience", "leernetwerk")
    if (
        fmt != "xlsx"
    ):  # formats with actors and ties are refused for a leernetwerk (issue 10, finding 3)
        assert result.exit_code == 2 and "groepscijfers" in result.output and not out.exists()
        return
    assert result.exit_code == 0, result.output
    text = contents(out)
    for value in (
        *ALL_PERSONS,
        "Gemeente Heidestad",
        "Praktijk Heidezicht",
        "huisarts",
        "HP-1",
        "BD-1",
    ):
        assert value not in text, (fmt, value)


def test_default_export_is_pseudonymised_and_unlock_shows_names(folder, tmp_path):
    assert run("export", folder, "--format", "graphml", "--out", tmp_path / "a").exit_code == 0
    text = contents(tmp_path / "a")
    assert not any(name in text for name in ALL_PERSONS) and "Gemeente Heidestad" in text
    assert (
        run("export", folder, "--format", "graphml", "--out", tmp_path / "b", "--unlock").exit_code
        == 0
    )
    assert "Charlie Heidebeek" in contents(tmp_path / "b")


def test_unlock_is_for_researchers_only(folder, tmp_path):
    result = run("export", folder, "--format", "graphml", "--out", tmp_path / "x", "--audience", "wijkteam:Heidepark",
                 "--unlock")  # fmt: skip
    assert result.exit_code == 2 and "alleen het publiek onderzoeker" in result.output
    assert not (tmp_path / "x").exists()


def test_reports_per_audience(folder, tmp_path):
    team = tmp_path / "wijk.html"
    result = run("report", folder, "--wijk", "Heidepark", "--out", team, "--audience", "wijkteam:Heidepark",
                 "--permutations", "50")  # fmt: skip
    assert result.exit_code == 0, result.output
    html = team.read_text(encoding="utf-8")
    assert "Alfa Heidehuis" in html or "Gemeente Heidestad" in html
    assert not any(value in html for value in (*BEEKDAL, "Bravo Heideveld", "Charlie Heidebeek"))
    other = run(
        "report",
        folder,
        "--wijk",
        "Beekdal",
        "--out",
        tmp_path / "x.html",
        "--audience",
        "wijkteam:Heidepark",
    )
    assert other.exit_code == 2 and not (tmp_path / "x.html").exists()
    programme = tmp_path / "programma.html"
    result = run(
        "report", folder, "--out", programme, "--audience", "leernetwerk", "--permutations", "50"
    )
    assert result.exit_code == 0, result.output
    html = programme.read_text(encoding="utf-8")
    assert not any(value in html for value in (*ALL_PERSONS, "Gemeente Heidestad", "HP-1"))
    refused = run(
        "report",
        folder,
        "--wijk",
        "Heidepark",
        "--out",
        tmp_path / "y.html",
        "--audience",
        "leernetwerk",
    )
    assert refused.exit_code == 2 and "programmarapport" in refused.output


def test_anonymised_copy(folder, tmp_path):
    out = tmp_path / "anoniem"
    result = run("anonymise", folder, "--out", out)
    assert result.exit_code == 0, result.output
    text = contents(out)
    for value in (
        *ALL_PERSONS,
        "Gemeente Heidestad",
        "huisarts",
        "HP-1",
        "BD-1",
        "trust_reliability",
        "Ik bel",
    ):
        assert value not in text, value
    copy = load_project(out)  # a normal tidy project, readable without warnings
    assert (
        copy.warnings == []
        and len(copy.actors) == 10
        and copy.config.title.endswith("(geanonimiseerd)")
    )
    assert run("anonymise", folder, "--out", out).exit_code == 2  # never over an existing copy


def test_store_records_exports_and_reports_in_the_audit_log(people_store, tmp_path):
    from wijknet.store.audit import read_log

    run(
        "export",
        people_store,
        "--format",
        "graphml",
        "--out",
        tmp_path / "e",
        "--audience",
        "leernetwerk",
    )
    run("anonymise", people_store, "--out", tmp_path / "a")
    log = read_log(people_store)
    assert {"export", "anonymised_export"} <= set(log["action"])
    assert not any(name in " ".join(log["detail"]) for name in ALL_PERSONS)
