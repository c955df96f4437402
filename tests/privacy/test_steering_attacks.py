"""Attacks on the steering-group report and the forest plots, as the leernetwerk/programme audience sees them.

The secret is already in the data, written by the programme office: a PPI note and a KPI correction reason
that name a person. An attacker who is not a researcher with names unlocked reads every path out (the
restricted project, KPI 3, the steering report's HTML) and must not find it. The forest plots must not show
a wijk too small for group figures (its per-wijk tie-change estimate comes from a handful of people), and
the pooled figure must be the pooling of the wijken shown, so nothing hidden can be recovered by
differencing.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from tests.people import ACTORS, RESPONSES, TIES
from wijknet.analysis.evaluation import what_works_where
from wijknet.analysis.kpi import kpi3
from wijknet.inference.meta import meta_analysis
from wijknet.privacy import Audience, restrict
from wijknet.project import Project
from wijknet.report.steering import build_steering_report, render_steering

SECRET = "Xander Fictief"
KEY = b"steering-attack-key-0123456789ab"


def _frame(csv: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def project() -> Project:
    ppi = pd.DataFrame({
        "scope": ["Heidepark", "programma"], "period": ["2026-H2", "2026-H2"],
        "indicator": ["wijkplan vastgesteld", "pilots gestart"], "value": ["1", "2"], "target": ["1", "2"],
        "unit": ["", ""], "note": [f"uitgesteld: {SECRET} met ziekteverlof", f"{SECRET} trekt de pilots"],
    })  # fmt: skip
    corrections = pd.DataFrame({"wijk": ["Heidepark"], "wave": ["2026"], "correction": ["5"],
                                "reason": [f"{SECRET} (praktijkondersteuner) vertrokken"]})  # fmt: skip
    return Project.from_frames(_frame(ACTORS), _frame(TIES), responses=_frame(RESPONSES), ppi=ppi,
                               kpi_corrections=corrections)  # fmt: skip


@pytest.mark.parametrize("audience", ["leernetwerk", "onderzoeker", "wijkteam:Heidepark"])
def test_ppi_notes_and_correction_reasons_stay_hidden(project, audience):
    view = restrict(project, audience, key=KEY)
    tables = [view.ppi, view.kpi_corrections, kpi3(view)]
    assert not any(
        t.astype(str).apply(lambda c: c.str.contains(SECRET)).any().any() for t in tables
    )
    # The correction itself still counts, and shows that it has a reason.
    reasons = kpi3(view).query("wijk == 'Heidepark' and wave == '2026'")["correction_reason"]
    assert reasons.str.contains("reden vastgelegd").all()


@pytest.mark.parametrize("audience", ["leernetwerk", "onderzoeker"])
def test_steering_report_does_not_print_the_free_text(project, audience):
    html = render_steering(
        build_steering_report(restrict(project, audience, key=KEY), "2026-H2", n_boot=5), "nl"
    )
    assert SECRET not in html and "Xander" not in html
    assert "reden vastgelegd" in html and "toelichting vastgelegd" in html


def test_unlocked_researcher_reads_the_free_text(project):
    view = restrict(project, Audience.parse("onderzoeker", unlocked=True), key=KEY)
    assert kpi3(view)["correction_reason"].str.contains(SECRET).any()
    assert view.ppi["note"].str.contains(SECRET).all()


#: A wijk of four people (below the default min_cell of 5) whose tie-change model fits without separation.
SMALL_TIES = [("2025", s, t) for s, t in ((1, 2), (2, 3), (3, 1), (3, 2), (4, 3))] + [
    ("2026", s, t) for s, t in ((1, 2), (1, 3), (2, 4), (3, 1), (4, 2), (4, 3))
]


@pytest.fixture(scope="module")
def with_small_wijk() -> Project:
    actors = _frame(ACTORS)
    small = (
        actors[actors["wijk"] == "Heidepark"]
        .head(4)
        .assign(
            wijk="Klein",
            actor_id=[f"KL-{i}" for i in range(1, 5)],
            name=[f"Persoon {i}" for i in range(1, 5)],
        )
    )
    ties = _frame(TIES)
    extra = pd.DataFrame([
        {"wijk": "Klein", "wave": w, "source": f"KL-{s}", "target": f"KL-{t}", "tie_type": "samenwerking",
         "weight": "1", "evidence": "enquête", "trust_reliability": "3"} for w, s, t in SMALL_TIES
    ])  # fmt: skip
    return Project.from_frames(pd.concat([actors, small]), pd.concat([ties, extra]))


def test_forest_shows_no_wijk_too_small_for_group_figures(with_small_wijk):
    researcher = what_works_where(with_small_wijk, method="DL")
    # A researcher sees the small wijk in the forest: the fixture can fail the test.
    assert any("Klein" in r.labels for r in researcher.results.values())
    pooled = what_works_where(restrict(with_small_wijk, "leernetwerk", key=KEY), method="DL")
    assert pooled.results and not any("Klein" in r.labels for r in pooled.results.values())


def test_pooled_figure_is_the_pooling_of_the_wijken_shown(with_small_wijk):
    """Differencing: a pooled figure that also holds a hidden wijk would give its estimate away."""
    pooled = what_works_where(restrict(with_small_wijk, "leernetwerk", key=KEY), method="DL")
    for key, shown in pooled.results.items():
        again = meta_analysis(shown.estimates, shown.std_errors, method="DL")
        assert np.isclose(again.estimate, shown.estimate) and np.isclose(
            again.std_error, shown.std_error
        ), key
