"""tie_evidence: every tie of one actor with the evidence behind it (tidy folder and project store)."""

from __future__ import annotations

from pathlib import Path

import pytest

import wijknet
from tests.conftest import write
from tests.store.helpers import run
from wijknet.analysis.evidence import COLUMNS, tie_evidence

SEGMENTS = (
    "wijk,wave,source,target,evidence_kind,quote,segment_id\n"
    'Noord,2025,z1,i1,interview,"we zien elkaar in het buurthuis",G3-S12\n'
)


@pytest.fixture
def store(tmp_path, tidy_folder) -> Path:
    folder = tmp_path / "store"
    assert run("init", folder, "--title", "Testproject").exit_code == 0
    segments = write(tmp_path, "segments.csv", SEGMENTS)
    result = run("import", folder, tidy_folder / "actors.csv", tidy_folder / "ties.csv", segments)
    assert result.exit_code == 0, result.output
    return folder


def test_tidy_project_lists_both_directions_with_labels(tidy_folder):
    project = wijknet.load_project(tidy_folder)
    table = tie_evidence(project, "Noord", "2026", "z1")
    assert list(table.columns) == COLUMNS  # no quotes by default
    assert len(table) == 3
    assert set(zip(table["direction"], table["other_id"], table["tie_type"], table["label"])) == {
        ("outgoing", "w1", "verwijzing", "enquête"),
        ("outgoing", "w1", "overleg", "gesprek"),
        ("incoming", "w1", "overleg", "gesprek"),
    }
    assert set(table["other_name"]) == {"Coach Fictief"} and set(table["other_domain"]) == {
        "welzijn"
    }
    assert set(table["kind"]) == {"tidy_file"} and set(table["source_file"]) == {"ties.csv"}
    assert (
        table.set_index(["direction", "tie_type"]).loc[("outgoing", "verwijzing"), "weight"] == 5.0
    )
    # Only that wave and that wijk; an actor without ties gets an empty table with the same columns.
    assert set(tie_evidence(project, "Noord", "2025", "z1")["other_id"]) == {"z2", "w1"}
    empty = tie_evidence(project, "Noord", "2025", "i1")
    assert empty.empty and list(empty.columns) == COLUMNS
    assert "quote" in tie_evidence(project, "Noord", "2026", "z1", include_quotes=True).columns


def test_store_project_gives_observations_with_file_row_and_quote_on_request(store):
    project = wijknet.load_project(store)
    table = tie_evidence(project, "Noord", "2025", "z1")
    assert "quote" not in table.columns
    assert "we zien elkaar in het buurthuis" not in table.to_string()
    by_other = {
        (d, o): row for d, o, row in zip(table["direction"], table["other_id"], table.itertuples())
    }
    assert set(by_other) == {
        ("outgoing", "z2"),
        ("incoming", "z2"),
        ("outgoing", "w1"),
        ("outgoing", "i1"),
    }
    out = by_other[("outgoing", "z2")]
    assert (out.kind, out.source_file, out.source_row, out.label, out.weight) == (
        "survey",
        "ties.csv",
        2,
        "enquête",
        3.0,
    )
    assert by_other[("incoming", "z2")].source_row == 3
    interview = by_other[("outgoing", "i1")]
    assert (interview.kind, interview.source_file, interview.other_name) == (
        "interview",
        "segments.csv",
        "Bewonersgroep Fictief",
    )
    quoted = tie_evidence(project, "Noord", "2025", "z1", include_quotes=True)
    assert list(quoted.columns) == [*COLUMNS, "quote"]
    assert quoted.set_index("other_id").loc["i1", "quote"] == "we zien elkaar in het buurthuis"


def test_store_evidence_follows_the_evidence_rule(store):
    project = wijknet.load_project(store, evidence_rule="survey")
    table = tie_evidence(project, "Noord", "2025", "z1")
    assert "i1" not in set(
        table["other_id"]
    )  # the interview does not count as a tie under "survey"
    assert set(table["kind"]) == {"survey"}
