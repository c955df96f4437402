"""The stop rule for an export whose questions do not match the instrument (issue 12), the same in every survey importer.

Rule (docs/instrument.md, "Nothing in silence"): an unknown question-like column stops, listing the unknown columns
and every missing question; a missing core question stops unless allowed with ``allow_missing``; missing optional
questions and the tools' own metadata columns give notes.
"""

from __future__ import annotations

import pytest

from tests.conftest import write
from tests.ingest.exports import L_ROWS, Q_ROWS, limesurvey_text, project_folder, qualtrics_text
from tests.store.helpers import run as cli
from tests.store.helpers import snapshot
from wijknet.core.errors import DataError
from wijknet.ingest import import_survey


def forms_text(rows, heading) -> str:
    """A Google Forms CSV: Timestamp first, then the question titles starting with their LimeSurvey code."""
    columns = list(dict.fromkeys(c for r in rows for c in r))
    lines = ["Tijdstempel," + ",".join(heading(c) for c in columns)]
    lines += [
        f"2026-03-0{i + 1} 10:00:00," + ",".join(r.get(c, "") for c in columns)
        for i, r in enumerate(rows)
    ]
    return "\n".join(lines) + "\n"


def google(rows):
    return forms_text(
        rows, lambda c: f"{c} Vraagtekst" if "[" not in c else c.replace("]", "] Vraagtekst", 1)
    )


EXPORTS = {  # tool -> (rows -> file text, how the frequency question is written, a renamed one)
    "qualtrics": (qualtrics_text, Q_ROWS, "A_TRREL_", "A_TRUST_"),
    "limesurvey": (limesurvey_text, L_ROWS, "ATRREL[", "ATRUST["),
    "google-forms": (google, L_ROWS, "ATRREL[", "ATRUST["),
}


@pytest.fixture
def project_dir(tmp_path):
    return project_folder(tmp_path / "project")


def rename(rows, old, new):
    return [{k.replace(old, new): v for k, v in r.items()} for r in rows]


def drop(rows, prefix):
    return [{k: v for k, v in r.items() if not k.startswith(prefix)} for r in rows]


@pytest.mark.parametrize("tool", EXPORTS)
def test_a_renamed_optional_question_stops_with_unknown_and_missing(tmp_path, project_dir, tool):
    make, rows, old, new = EXPORTS[tool]
    path = write(tmp_path, "export.csv", make(rename(rows, old, new)))
    with pytest.raises(DataError) as exc:
        import_survey(path, tool, project_dir, wave="2026")
    summary = exc.value.problems[0].message
    assert (
        "roster.trust_reliability" in summary and new.rstrip("_[") in summary
    )  # both halves of the rename
    assert all(
        p.column and p.column.startswith(new) for p in exc.value.problems[1:]
    )  # each unknown column named


@pytest.mark.parametrize("tool", EXPORTS)
def test_a_missing_core_question_stops_unless_allowed(tmp_path, project_dir, tool):
    make, rows, *_ = EXPORTS[tool]
    prefix = "A_REF" if tool == "qualtrics" else "AREF"
    path = write(tmp_path, "export.csv", make(drop(rows, prefix)))
    with pytest.raises(DataError) as exc:
        import_survey(path, tool, project_dir, wave="2026")
    assert len(exc.value.problems) == 1 and "roster.referral" in exc.value.problems[0].message
    assert "--allow-missing" in exc.value.problems[0].message
    for name in ("referral", "roster.referral", "ROSTER"):
        batch = import_survey(path, tool, project_dir, wave="2026", allow_missing=[name])
        assert len(batch.ties) and not any(t == "verwijzing" for t in batch.ties["tie_type"])
        note = [p for p in batch.problems if "staan niet in de export" in p.message]
        assert len(note) == 1 and "roster.referral" in note[0].message


@pytest.mark.parametrize("tool", EXPORTS)
def test_missing_optional_questions_and_metadata_only_give_notes(tmp_path, project_dir, tool):
    make, rows, *_ = EXPORTS[tool]
    batch = import_survey(write(tmp_path, "export.csv", make(rows)), tool, project_dir, wave="2026")
    note = [p for p in batch.problems if "staan niet in de export" in p.message]
    assert (
        len(note) == 1
        and "roster.trust_open" in note[0].message
        and "roster.frequency" not in note[0].message
    )


def test_an_unknown_allow_missing_name_is_an_error(tmp_path, project_dir):
    path = write(tmp_path, "export.csv", qualtrics_text(Q_ROWS))
    with pytest.raises(DataError) as exc:
        import_survey(path, "qualtrics", project_dir, wave="2026", allow_missing=["verwijzingen"])
    assert (
        exc.value.problems[0].file == "--allow-missing"
        and "verwijzingen" in exc.value.problems[0].message
    )


def test_store_import_stops_and_allows_missing_through_the_command(tmp_path, project_dir):
    store = tmp_path / "store"
    assert cli("init", store).exit_code == 0
    assert cli("import", store, project_dir / "actors.csv").exit_code == 0
    path = write(tmp_path, "export.csv", qualtrics_text(drop(Q_ROWS, "A_REF")))
    before = snapshot(store)
    stopped = cli("import", store, path, "--wave", "2026")
    assert (
        stopped.exit_code == 2 and "roster.referral" in stopped.output and snapshot(store) == before
    )
    allowed = cli("import", store, path, "--wave", "2026", "--allow-missing", "referral")
    assert allowed.exit_code == 0, allowed.output
    assert "staan niet in de export" in allowed.output and "roster.referral" in allowed.output
