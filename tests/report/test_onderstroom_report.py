"""The report sections of the onderstroom on the hand-made survey of tests/analysis/test_onderstroom.py."""

from __future__ import annotations

from tests.analysis.test_onderstroom import KEY, survey
from wijknet.privacy import restrict
from wijknet.report import build_programme_report, build_wijk_report
from wijknet.report.render import render_html


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</section>", start)]


def test_wijk_report_shows_onderstroom_and_participation():
    html = render_html(build_wijk_report(survey(), "Noord", "2025", n_permutations=0), "nl")
    part = section(html, "onderstroom")
    # network 2025: 6 answers, levels 1 / 1 / 2 / 1, 60% close, trust 2.70, value 2.80
    assert "1 / 1 / 2 / 1" in part and "60%" in part and "2,70" in part and "2,80" in part
    assert "3,25" in part  # welzijn -> zorg for the researcher
    ladder = section(html, "participatie")
    assert "50%" in ladder and "informeren" in ladder and "adviseren" in ladder


def test_wijkteam_report_hides_cells_of_fewer_than_three_raters():
    team = restrict(survey(), "wijkteam:Noord", key=KEY)
    part = section(
        render_html(build_wijk_report(team, "Noord", "2026", n_permutations=0), "nl"), "onderstroom"
    )
    assert (
        "3,12" not in part and "3,13" not in part and "1,00" not in part
    )  # welzijn -> zorg, g1's rating
    assert "2,70" in part  # the network of 2026 (4 raters)


def test_programme_report_shows_intensity_and_trust_per_wijk():
    seen = restrict(survey(), "leernetwerk", key=KEY)
    html = render_html(build_programme_report(seen, n_permutations=0), "en")
    part = section(html, "onderstroom")
    assert "Noord" in part and "2.70" in part  # 2025: 5 raters = min_cell
    assert "3.25" not in part  # no domain pairs for a leernetwerk
