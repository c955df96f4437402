"""The report sections of the two worlds and of Verbindingskansen, on the hand-made project of test_worlds."""

from __future__ import annotations

import pytest

from tests.analysis.test_worlds import KEY, make_project
from wijknet.privacy import restrict
from wijknet.report import build_programme_report, build_wijk_report
from wijknet.report.render import render_html


@pytest.fixture(scope="module")
def wijk_html():
    report = build_wijk_report(make_project(), "Noord", "2026", n_permutations=19, seed=0)
    return report, render_html(report, "nl")


def test_wijk_report_has_both_sections_in_the_contents(wijk_html):
    report, html = wijk_html
    assert 'id="leefwereld"' in html and 'id="verbindingskansen"' in html
    assert html.index('href="#leefwereld"') < html.index('href="#bijlage"')
    # 2026: 5 of 9 ties between the worlds (see test_world_tables_columns_and_repeated_ei)
    assert "56% van de relaties loopt tussen leefwereld en systeemwereld (5 van 9)" in html
    assert "Bruggenbouwers tussen de werelden" in html and "Huisartsenpraktijk Noord" in html
    assert "Mogelijke kennismakingen" in html and "Sleutelspelers (Borgatti 2006)" in html


def test_wijk_report_in_english(wijk_html):
    report, _ = wijk_html
    html = render_html(report, "en")
    assert "Lived and system world" in html and "Opportunities to connect" in html


def test_programme_report_for_the_leernetwerk_shows_aggregates_only():
    seen = restrict(make_project(extra_wijk=True), "leernetwerk", key=KEY)
    report = build_programme_report(seen, n_permutations=19, seed=0)
    html = render_html(report, "nl")
    assert "Leefwereld en systeemwereld per wijk, meting 2026" in html
    for name in (
        "Huisartsenpraktijk Noord",
        "Sociaal team Noord",
        "Welzijn Noord",
        "Carla",
        "Bruggenbouwers",
    ):
        assert name not in html, name
    assert report.worlds is not None and "bridge_builders" not in report.worlds
