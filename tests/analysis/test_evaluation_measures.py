"""DiD of kernaanpak completeness and trust: the bootstrap extras by hand and the DiD on a tiny project."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.analysis.test_evaluation import ACTORS, GROUPS, TIES
from tests.conftest import write
from wijknet import load_project
from wijknet.analysis.evaluation import (
    COMPLETENESS,
    DID_MEASURES,
    TRUST,
    completeness_replicates,
    default_did_measures,
    network_did,
    trust_replicates,
    wave_measures,
)
from wijknet.analysis.kernaanpak import kernaanpak_summary

# Trust items 1-4 per answer (fictional). Per wijk and wave the mean trust score:
# Noord 2025: a->b 2, c->a 3 -> 2.5; 2026: a->b 4, c->a 3 -> 3.5 (change +1.0)
# Oost 2025: e->f 2 -> 2.0; 2026: e->f 3, f->g 4 -> 3.5 (change +1.5)
# Zuid 2025: h->i 3 -> 3.0; 2026: h->i 2 -> 2.0 (change -1.0)
# pilots (Noord, Oost): (1.0 + 1.5) / 2 = 1.25; comparison (Zuid): -1.0; DiD = 2.25.
RATINGS = (
    "wijk,wave,rater,rated,trust_open,trust_reliability,trust_mission\n"
    "Noord,2025,a,b,2,2,2\nNoord,2025,c,a,3,3,3\nNoord,2026,a,b,4,4,4\nNoord,2026,c,a,3,3,3\n"
    "Oost,2025,e,f,2,2,\nOost,2026,e,f,3,3,\nOost,2026,f,g,4,4,4\n"
    "Zuid,2025,h,i,3,3,3\nZuid,2026,h,i,2,2,2\n"
)


@pytest.fixture(scope="module")
def rated(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("rated")
    write(folder, "actors.csv", ACTORS)
    write(folder, "ties.csv", TIES)
    write(folder, "ratings.csv", RATINGS)
    return load_project(folder)


def test_completeness_replicates_by_hand():
    # Kernaanpak A: link 1 realised by tie a-b, link 2 by b-c or c-d; B: one link without ties.
    # Observed: A 2/2, B 0/1 -> mean 0.5. Draw 1 (a twice, b none, c, d): A link 1 no, link 2 via c-d -> 1/2;
    # B 0 -> 0.25. Draw 2 (everyone once) -> 0.5.
    extra = completeness_replicates({"A": [[("a", "b")], [("b", "c"), ("c", "d")]], "B": [[]]})
    counts = np.array([[2, 0, 1, 1], [1, 1, 1, 1]], dtype=float)
    out = extra({"a": 0, "b": 1, "c": 2, "d": 3}, counts)[COMPLETENESS]
    assert out.tolist() == [0.5, 0.25, 0.5]


def test_trust_replicates_by_hand():
    # Answers of a (1 and 4), b (2), c (no score). Observed (1 + 4 + 2) / 3; draw a twice + b once:
    # (2*1 + 2*4 + 2) / 5 = 2.4; draw b twice, a none: 2.0; nobody who rated: NaN.
    extra = trust_replicates(["a", "a", "b", "c"], [1.0, 4.0, 2.0, np.nan])
    counts = np.array([[2, 1, 0], [0, 2, 1], [0, 0, 3]], dtype=float)
    out = extra({"a": 0, "b": 1, "c": 2}, counts)[TRUST]
    assert out[:3] == pytest.approx([7 / 3, 2.4, 2.0])
    assert np.isnan(out[3])


def test_did_of_trust_by_hand(rated):
    assert default_did_measures(rated) == DID_MEASURES + (COMPLETENESS, TRUST)
    table = network_did(rated, groups=GROUPS, n_boot=30, seed=2).table
    row = table[table["measure"] == TRUST].iloc[0]
    assert row["pilot_change"] == pytest.approx(1.25)
    assert row["comparison_change"] == pytest.approx(-1.0)
    assert row["difference"] == pytest.approx(2.25)
    assert row["ci_low"] <= row["ci_high"]
    assert row["design"] == "difference_in_differences"


def test_completeness_equals_the_kernaanpak_summary(rated):
    values = wave_measures(rated, measures=[COMPLETENESS], n_boot=0).values.set_index(
        ["wijk", "wave"]
    )
    summary = kernaanpak_summary(rated)
    expected = summary.groupby(["wijk", "wave"])["completeness"].mean()
    for key, value in expected.items():
        assert values.at[key, COMPLETENESS] == pytest.approx(value), key


def test_without_ratings_no_trust_and_without_comparison_the_change_from_baseline(tmp_path):
    write(tmp_path, "actors.csv", ACTORS)
    write(tmp_path, "ties.csv", TIES)
    project = load_project(tmp_path)
    assert TRUST not in default_did_measures(project)
    table = network_did(project, groups={w: "pilot" for w in GROUPS}, n_boot=0).table
    row = table[table["measure"] == COMPLETENESS].iloc[0]
    assert row["design"] == "change_from_baseline" and np.isnan(row["comparison_change"])


def test_a_leernetwerk_gets_no_trust_from_a_few_raters(rated):
    from wijknet.privacy import restrict

    view = restrict(rated, "leernetwerk")
    table = network_did(view, groups=GROUPS, n_boot=0).table
    assert table.loc[table["measure"] == TRUST, ["difference", "pilot_change"]].isna().all().all()


def test_the_did_note_states_the_assumptions(rated):
    notes = " ".join(network_did(rated, groups=GROUPS, n_boot=0).summary(lang="nl").notes)
    assert "parallelle trends" in notes and "spill-over" in notes and "handvol wijken" in notes
