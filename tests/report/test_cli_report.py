"""``wijknet report`` and ``wijknet feedback`` as a user runs them."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from wijknet.cli.app import app
from wijknet.report import find_chromium

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_help_lists_report_and_feedback():
    result = run("--help")
    assert "report" in result.output and "feedback" in result.output
    result = run("report", "--help")
    assert "--wijk" in result.output and "--out" in result.output and "--lang" in result.output


def test_wijk_report_html(tmp_path, demo_folder):
    out = tmp_path / "daalhof.html"
    result = run(
        "report",
        demo_folder,
        "--wijk",
        "Daalhof",
        "--wave",
        "2026",
        "--out",
        out,
        "--permutations",
        19,
        "--seed",
        3,
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Wijknetwerk Daalhof" in html and "--seed 3 --permutations 19" in html


def test_programme_report_in_english(tmp_path, demo_folder):
    out = tmp_path / "programme.html"
    result = run("report", demo_folder, "--out", out, "--permutations", 9, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Wijk networks: overview for the steering group" in out.read_text(encoding="utf-8")


def test_unknown_wijk_stops_with_the_choices(tmp_path, demo_folder):
    out = tmp_path / "x.html"
    result = run("report", demo_folder, "--wijk", "Atlantis", "--out", out)
    assert result.exit_code == 2
    assert "Daalhof" in result.output and "niets geschreven" in result.output
    assert not out.exists()


def test_pdf_without_chromium(tmp_path, demo_folder, monkeypatch):
    monkeypatch.setenv("WIJKNET_CHROMIUM", str(tmp_path / "no-such-browser"))
    out = tmp_path / "x.pdf"
    result = run("report", demo_folder, "--wijk", "Eijsden", "--out", out, "--permutations", 9)
    assert result.exit_code == 2
    assert (
        "PDF maken vraagt Chromium (apt-get install chromium); kies anders .html" in result.output
    )
    assert not out.exists()


@pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed")
def test_wijk_report_pdf(tmp_path, demo_folder):
    out = tmp_path / "eijsden.pdf"
    result = run("report", demo_folder, "--wijk", "Eijsden", "--out", out, "--permutations", 9)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")


def test_feedback_writes_one_profile_per_organisation_and_respondent(tmp_path, demo_folder, demo):
    from wijknet.analysis.feedback import feedback_actors

    out = tmp_path / "profielen"
    result = run("feedback", demo_folder, "--wijk", "Lindenheuvel", "--wave", "2026", "--out", out)
    assert result.exit_code == 0, result.output
    files = sorted(out.glob("feedback-*.html"))
    assert len(files) == len(feedback_actors(demo, "Lindenheuvel", "2026")) > 0
    result = run(
        "feedback",
        demo_folder,
        "--wijk",
        "Lindenheuvel",
        "--wave",
        "1999",
        "--out",
        tmp_path / "no",
    )
    assert result.exit_code == 2 and "2025" in result.output
