"""``wijknet report --kind stuurgroep --period ...`` as a user runs it; the printed command reproduces it."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from tests.webapp.test_pages import write_project
from wijknet.cli.app import app

runner = CliRunner()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return write_project(tmp_path_factory.mktemp("steering") / "project", responses=True)


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_steering_report_html_and_its_command(folder, tmp_path):
    out = tmp_path / "stuurgroep.html"
    result = run("report", folder, "--kind", "stuurgroep", "--period", "2026-H2", "--audience", "leernetwerk",
                 "--out", out)  # fmt: skip
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Stuurgroeprapportage" in html and "Halfjaarrapportage 2026-H2" in html
    command = re.search(r'<pre class="cmd">(.*?)</pre>', html).group(1)
    assert command.startswith(
        "wijknet report PROJECT --kind stuurgroep --period 2026-H2 --audience leernetwerk"
    )
    # The printed command, run again on the same folder, writes the same report (but the date line).
    again = tmp_path / "again.html"
    args = command.replace("PROJECT", str(folder)).split()[1:]
    args[args.index("--out") + 1] = str(again)
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    strip = lambda s: re.sub(r"\d{4}-\d{2}-\d{2}", "", s)  # noqa: E731
    assert strip(again.read_text(encoding="utf-8")) == strip(html)


def test_steering_report_needs_a_period_and_refuses_a_wijkteam(folder, tmp_path):
    result = run("report", folder, "--kind", "stuurgroep", "--out", tmp_path / "x.html")
    assert result.exit_code == 2 and "--period" in result.output
    result = run(
        "report",
        folder,
        "--kind",
        "stuurgroep",
        "--period",
        "2026-H3",
        "--out",
        tmp_path / "x.html",
    )
    assert result.exit_code == 2 and "2026-H3" in result.output
    result = run("report", folder, "--kind", "stuurgroep", "--period", "2026", "--audience", "wijkteam:Noord",
                 "--out", tmp_path / "x.html")  # fmt: skip
    assert result.exit_code == 2 and "PlusWIJkteam" in result.output
    assert not (tmp_path / "x.html").exists()
