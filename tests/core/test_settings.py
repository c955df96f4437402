"""The one reader of wijknet.yaml: every setting, its default and its validation."""

import pytest

from wijknet.core.errors import DataError
from wijknet.core.settings import ProjectConfig


def write(folder, body):
    (folder / "wijknet.yaml").write_text(body, encoding="utf-8")


def test_defaults_without_a_file(tmp_path):
    config = ProjectConfig.load(tmp_path)
    assert config.evidence_rule == "all"
    assert config.project_id is None
    assert config.taxonomy_file is None
    assert (config.session_minutes, config.session_hours) == (60, 12)


def test_every_setting_is_read(tmp_path):
    write(
        tmp_path,
        "title: T\nsynthetic: true\nwaves: [2025, 2026]\nevidence_rule: confirmed\n"
        "project_id: abc-1\nsign_in: {session_minutes: 15, session_hours: 2}\n"
        "privacy: {min_cell: 3}\nkpi3_target: 50\n",
    )
    config = ProjectConfig.load(tmp_path)
    assert config.title == "T" and config.synthetic
    assert config.waves == ["2025", "2026"]
    assert config.evidence_rule == "confirmed"
    assert config.project_id == "abc-1"
    assert (config.session_minutes, config.session_hours) == (15, 2)
    assert config.min_cell == 3 and config.kpi3_target == 0.5


@pytest.mark.parametrize(
    ("body", "match"),
    [
        ("evidence_rule: some\n", "bewijsregel"),
        ("project_id: ../x\n", "project_id"),
        ("sign_in: 5\n", "sign_in"),
        ("sign_in: {session_hours: nee}\n", "sign_in"),
        ("- a list\n", "configuratie"),
    ],
)
def test_invalid_settings_are_refused(tmp_path, body, match):
    write(tmp_path, body)
    with pytest.raises(DataError, match=match):
        ProjectConfig.load(tmp_path)


def test_project_id_problem_names_its_setting(tmp_path):
    write(tmp_path, "project_id: a/b\n")
    with pytest.raises(DataError) as exc:
        ProjectConfig.load(tmp_path)
    assert exc.value.problems[0].column == "project_id"
