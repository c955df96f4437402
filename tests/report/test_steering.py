"""The steering-group report: every section in order, PDF, leernetwerk without small cells, no names, refusal."""

from __future__ import annotations

import copy
import os
import re
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from wijknet.analysis.kpi import kpi3
from wijknet.analysis.steering import ppi_status, steering_table
from wijknet.core.errors import DataError
from wijknet.privacy import restrict
from wijknet.report import find_chromium
from wijknet.report.steering import (
    build_steering_report,
    render_steering,
    reproduce_command,
    write_steering,
)

N_BOOT = 20  # few bootstrap replicates: the tests look at the layout, not at the margins
SECTIONS = [
    "voorblad",
    "gonogo",
    "kpi3",
    "netwerk",
    "effect",
    "werkt",
    "fase",
    "ppi",
    "methode",
    "bijlage",
]


@pytest.fixture(scope="session")
def steering(demo):
    return build_steering_report(demo, "2026-H2", n_boot=N_BOOT)


@pytest.fixture(scope="session")
def steering_html(steering):
    return render_steering(steering, "nl")


@pytest.fixture(scope="session")
def leernetwerk(demo):
    return restrict(demo, "leernetwerk")


def test_every_section_in_order(steering_html):
    at = [steering_html.find(f'id="{s}"') for s in SECTIONS]
    assert all(i > 0 for i in at), dict(zip(SECTIONS, at))
    assert at == sorted(at)
    assert "Stuurgroeprapportage" in steering_html and "Halfjaarrapportage 2026-H2" in steering_html
    assert "Fictieve demodata" in steering_html  # the demo is synthetic: the front page says so


def test_go_no_go_summary_and_rule(steering, steering_html):
    assert set(steering.steering["decision"]) <= {"go", "go_improvement_plan", "no_go_decision"}
    assert "Oordeel zonder correctie" in steering_html and "Oordeel na correctie" in steering_html
    assert "tenzij de zorgverzekeraar" in steering_html  # the rule, in the appendix
    assert "parallelle trends" in steering_html and "spill-over" in steering_html
    # Dutch number format: a decimal comma in the E-I column, no decimal point in a number.
    assert re.search(r"[+−-]?0,\d\d", steering_html)


def test_reproduce_command_names_audience_and_period(steering, steering_html):
    command = reproduce_command(steering, "nl")
    assert "--kind stuurgroep --period 2026-H2 --audience onderzoeker --seed 0 --lang nl" in command
    assert command.replace(" ", "") in steering_html.replace(" ", "")


def test_year_end_report_is_named_so(steering):
    report = replace(steering, period="2026")  # only the period differs from the half-yearly report
    assert "Jaarrapportage 2026 (go/no-go)" in render_steering(report, "nl")
    assert "Year-end report 2026" in render_steering(report, "en")


def test_no_person_names(steering_html, demo):
    names = [n for n in demo.actors["name"].dropna().astype(str) if len(n) > 4]
    assert names
    leaked = [n for n in names if n in steering_html]
    assert not leaked, leaked[:5]


def test_leernetwerk_version_has_no_cell_below_min_cell(leernetwerk, demo):
    report = build_steering_report(leernetwerk, "2026-H2", n_boot=0)
    assert report.audience == "leernetwerk"
    html = render_steering(report, "nl")
    assert "Onderzoekers: gepoold" not in html  # no method numbers for the learning network
    assert "REML, 6 wijken" not in html
    # Every KPI 3 share shown rests on at least min_cell answers and agreeing answers (or their rest).
    full = kpi3(demo).set_index(["wijk", "wave"])
    min_cell = leernetwerk.config.min_cell
    for row in report.kpi.itertuples():
        if np.isnan(row.share):
            continue
        answered, agree = (
            full.at[(row.wijk, row.wave), "answered"],
            full.at[(row.wijk, row.wave), "agree"],
        )
        assert answered >= min_cell and min(agree, answered - agree) in (0,) + tuple(
            range(min_cell, 10**6)
        )
    # The shares in the steering table are the protected ones.
    shown = report.steering.set_index("wijk")["kpi3_share"]
    protected = report.kpi[report.kpi["wave"] == report.wave].set_index("wijk")["share"]
    for wijk, value in shown.items():
        assert (np.isnan(value) and np.isnan(protected[wijk])) or value == pytest.approx(
            protected[wijk]
        )


def test_a_wijkteam_is_refused(demo):
    team = restrict(demo, "wijkteam:Daalhof")
    with pytest.raises(DataError, match="PlusWIJkteam"):
        build_steering_report(team, "2026-H2", n_boot=0)


def test_ppi_and_phases_show_when_present(demo, steering):
    project = copy.copy(demo)
    project.ppi = pd.DataFrame({"scope": ["Daalhof", "programma"], "period": ["2026-H2", "2026-H2"],
                                "indicator": ["netwerkbijeenkomsten", "wijkplannen vastgesteld"],
                                "value": [2.0, 5.0], "target": [3.0, 5.0], "unit": ["", ""], "note": ["", ""]})  # fmt: skip
    project.wijk_phases = pd.DataFrame({"wijk": ["Daalhof", "Daalhof"], "wave": ["2025", "2026"],
                                        "phase": ["wijkbeeld", "wijkuitvoering"]})  # fmt: skip
    # The parts that read ppi and wijk_phases, on the report already built (the graphs need no second pass).
    table = steering_table(project, "2026-H2", kpi=steering.kpi, network=steering.network)
    report = replace(
        steering, steering=table, ppi=ppi_status(project.ppi, "2026-H2"), phases=project.wijk_phases
    )
    html = render_steering(report, "nl")
    assert "netwerkbijeenkomsten" in html and "niet gehaald" in html and "wijkuitvoering" in html
    daalhof = report.steering.set_index("wijk").loc["Daalhof"]
    assert daalhof["ppi_total"] == 1 and daalhof["decision"] in (
        "go_improvement_plan",
        "no_go_decision",
    )


@pytest.mark.skipif(
    find_chromium() is None and os.environ.get("WIJKNET_REQUIRE_BROWSER") != "1",
    reason="Chromium is not installed",
)
def test_pdf_is_produced(steering, tmp_path):
    out = write_steering(steering, tmp_path / "stuurgroep.pdf", "nl")
    data = out.read_bytes()
    assert data[:5] == b"%PDF-" and len(data) > 20_000


def test_programme_report_has_the_forest_plots(programme, steering):
    from wijknet.report import render_html

    html = render_html(replace(programme, forest=steering.pooled, forest_numbers=False), "nl")
    assert (
        'id="werkt"' in html and "Wat werkt waar" in html and html.count('<svg class="forest"') >= 3
    )
    assert "Onderzoekers: gepoold" not in html  # words only for the learning network
    assert 'id="werkt"' not in render_html(programme, "nl")  # not asked: no section
