"""The kernaanpak and PlusWIJkteam sections of the wijk and programme reports (hand-made project)."""

from __future__ import annotations

from tests.kernproject import hand_project
from wijknet.privacy.view import restrict
from wijknet.report import build_programme_report, build_wijk_report, render_html

KEY = bytes(range(32))


def test_wijk_report_has_the_kernaanpak_and_team_sections():
    report = build_wijk_report(hand_project(), "Noord", "2026", n_permutations=9)
    html = render_html(report, "nl")
    assert 'id="kernaanpakken"' in html and 'id="pluswijkteam"' in html
    assert '<a href="#kernaanpakken">Kernaanpakken</a>' in html  # in the table of contents
    # Doorbraak 2026: 3 of 3 (hand count in tests/analysis/test_kernaanpak.py); the team reaches 6 of 7 (86%).
    assert "3 van de 3 verwachte samenwerkingen zijn er (100%)." in html
    assert "Het PlusWIJkteam bereikt 86% van het wijknetwerk binnen twee stappen." in html
    assert "Deelnamecontrole" in html  # the full project is the researcher's
    english = render_html(report, "en")
    assert "The PlusWIJkteam reaches 86% of the wijknetwerk within two steps." in english


def test_wijkteam_report_has_no_participation_check():
    own = restrict(hand_project(), "wijkteam:Noord", key=KEY)
    html = render_html(build_wijk_report(own, "Noord", "2026", n_permutations=9), "nl")
    assert 'id="kernaanpakken"' in html and "Deelnamecontrole" not in html


def test_programme_report_for_a_leernetwerk_shows_completeness_and_suppressed_team_counts():
    shared = restrict(hand_project(), "leernetwerk", key=KEY)
    report = build_programme_report(shared, "2026", n_permutations=9)
    html = render_html(report, "nl")
    assert "Kernaanpakken per wijk" in html and "PlusWIJkteams per wijk" in html
    completeness = report.kern["completeness"].set_index("wijk")
    assert completeness.loc["Noord", "Kernteam Ouderen"] == 3 / 8
    # Teams of 4 and 1 members: below min_cell 5, blank.
    assert report.kern["team"]["team_size"].isna().all()
    for actor in ("g1", "s1", "w1"):
        assert f">{actor}<" not in html
