"""wijknet codebook and wijknet ingest as a user runs them."""

from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from tests.conftest import write
from tests.ingest.exports import (
    L_ROWS,
    Q_ROWS,
    Q_Z1,
    limesurvey_text,
    project_folder,
    qualtrics_text,
)
from wijknet.cli.app import app
from wijknet.ingest import TIE_COLUMNS

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_codebook_to_screen_and_file(tmp_path):
    result = run("codebook")
    assert result.exit_code == 0, result.output
    assert "Ik werk meer integraal" in result.output and "A_FREQ_<k>" in result.output
    result = run("codebook", "--lang", "en", "--format", "html", "--out", tmp_path / "cb.html")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "cb.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "I work more integrally" in html


def test_codebook_with_the_roster_of_a_project(tmp_path):
    project = project_folder(tmp_path / "p")
    result = run("codebook", "--project", project, "--wave", "2026", "--unlock")
    assert result.exit_code == 0, result.output
    assert "## Roster" in result.output and "| Noord | 4 | i1 |" in result.output


def test_ingest_writes_tidy_tables(tmp_path):
    project = project_folder(tmp_path / "p")
    export = write(tmp_path, "export.csv", qualtrics_text(Q_ROWS))
    out = tmp_path / "out"
    result = run(
        "ingest",
        export,
        "--tool",
        "qualtrics",
        "--project",
        project,
        "--wave",
        "2027",
        "--out",
        out,
        "--wijk",
        "Noord",
    )
    assert result.exit_code == 0, result.output
    ties = pd.read_csv(out / "ties.csv", dtype=str, keep_default_na=False)
    assert list(ties.columns) == TIE_COLUMNS and len(ties) == 9
    assert (
        len(pd.read_csv(out / "write_ins.csv")) == 1
        and len(pd.read_csv(out / "responses.csv")) == 3
    )
    assert "3 respondenten" in result.output
    export = write(tmp_path, "ls.csv", limesurvey_text(L_ROWS))
    result = run(
        "ingest",
        export,
        "--tool",
        "limesurvey",
        "--project",
        project,
        "--wave",
        "2027",
        "--out",
        tmp_path / "ls",
    )
    assert result.exit_code == 0, result.output


def test_ingest_with_a_roster_file(tmp_path):
    project = project_folder(tmp_path / "p")
    roster = write(tmp_path, "rol.csv", "wijk;position;actor_id\nNoord;1;w1\nNoord;2;z2\n")
    row = {"actor_id": "z1", "wijk": "Noord", "A_KNOW_1": "1", "A_INT_1": "4", "P_KPI3": "5"}
    export = write(tmp_path, "export.csv", qualtrics_text([row]))
    result = run("ingest", export, "--tool", "qualtrics", "--project", project, "--wave", "2027", "--out", tmp_path / "o",
                 "--roster", roster, "--allow-missing", "frequency", "--allow-missing", "roster.referral",
                 "--allow-missing", "active")  # fmt: skip
    assert result.exit_code == 0, result.output
    ties = pd.read_csv(tmp_path / "o" / "ties.csv", dtype=str)
    assert ties[["source", "target", "tie_type"]].values.tolist() == [["z1", "w1", "samenwerking"]]


def test_ingest_bad_input_writes_nothing(tmp_path):
    project = project_folder(tmp_path / "p")
    export = write(tmp_path, "export.csv", qualtrics_text([Q_Z1, Q_Z1]))
    out = tmp_path / "out"
    result = run(
        "ingest",
        export,
        "--tool",
        "qualtrics",
        "--project",
        project,
        "--wave",
        "2027",
        "--out",
        out,
    )
    assert result.exit_code == 2
    assert (
        "export.csv, rij 5, kolom 'actor_id'" in result.output
        and "niets geschreven" in result.output
    )
    assert not out.exists()
    result = run(
        "--lang",
        "en",
        "ingest",
        export,
        "--tool",
        "qualtrics",
        "--project",
        project,
        "--wave",
        "2027",
        "--out",
        out,
    )
    assert "row 5" in result.output and "Traceback" not in result.output


FIXTURES = __import__("pathlib").Path(__file__).resolve().parents[1] / "fixtures"


def test_ingest_forms_exports_and_a_named_sheet(tmp_path):
    project = project_folder(tmp_path / "p")
    result = run("ingest", FIXTURES / "forms" / "google-forms-noord-2026.csv", "--tool", "google-forms", "--project",
                 project, "--wave", "2026", "--out", tmp_path / "g")  # fmt: skip
    assert result.exit_code == 0, result.output
    # the note reaches the user in problems.csv (notes may quote answers, so they are not printed)
    notes = (tmp_path / "g" / "problems.csv").read_text(encoding="utf-8")
    assert "opmerkingen" in result.output and "E-mailadres" in notes and "niet gebruikt" in notes
    workbook = tmp_path / "ms.xlsx"
    with pd.ExcelWriter(workbook) as writer:
        pd.DataFrame({"uitleg": ["Dit blad is een toelichting"]}).to_excel(
            writer, sheet_name="Toelichting", index=False
        )
        pd.read_excel(
            FIXTURES / "forms" / "microsoft-forms-noord-2026.xlsx", dtype=object, engine="openpyxl"
        ).to_excel(writer, sheet_name="Form1", index=False)
    base = [
        "ingest",
        workbook,
        "--tool",
        "microsoft-forms",
        "--project",
        project,
        "--wave",
        "2026",
        "--out",
        tmp_path / "m",
    ]
    wrong = run(*base)
    assert (
        wrong.exit_code != 0 and "Form1" in wrong.output
    )  # the first sheet is not the export; the other is named
    result = run(*base, "--sheet", "Form1")
    assert result.exit_code == 0, result.output
    skipped = (tmp_path / "m" / "problems.csv").read_text(encoding="utf-8")
    assert "Toelichting" in skipped and len(pd.read_csv(tmp_path / "m" / "ties.csv")) == 5


def test_import_recognises_forms_and_limesurvey_code_and_text_exports(tmp_path):
    """`wijknet import` recognises the same exports `ingest` reads (issue 12: code & text headings)."""
    actors = write(tmp_path, "actors.csv", __import__("tests.conftest", fromlist=["ACTORS"]).ACTORS)
    for file, kind in ((FIXTURES / "surveys" / "limesurvey-noord-2026-codetext.csv", "limesurvey"),
                       (FIXTURES / "forms" / "google-forms-noord-2026.csv", "google-forms"),
                       (FIXTURES / "forms" / "microsoft-forms-noord-2026.xlsx", "microsoft-forms")):  # fmt: skip
        store = (
            tmp_path / kind
        )  # the same fictional respondents answer in each file: one store each
        assert (
            run("init", store, "--wave", "2026").exit_code == 0
            and run("import", store, actors).exit_code == 0
        )
        result = run("import", store, file, "--wave", "2026")
        assert result.exit_code == 0, result.output
        assert kind in result.output and "niet gebruikt" in result.output


def test_import_of_a_table_notes_cleaned_names_without_printing_them(tmp_path):
    from tests.conftest import ACTORS

    store = tmp_path / "store"
    assert run("init", store).exit_code == 0
    actors = write(tmp_path, "actors.csv", ACTORS.replace("Coach Fictief", "Coach\u202e Fictief"))
    result = run("import", store, actors)
    assert result.exit_code == 0, result.output
    assert "actors.csv, rij 4, kolom 'name'" in result.output and "U+202E" in result.output
    assert "Coach" not in result.output
