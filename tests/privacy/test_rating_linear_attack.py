"""A linear-algebra attack on every rating figure a wijkteam gets of the demo, across its tables.

The rating rule (:func:`wijknet.privacy.suppression.rating_groups_allowed`) and the onderstroom
tables guard each table on its own. An attacker holds them all at once: the domain-pair and network
rows of ``tie_quality`` and the per-partner rows of ``organisation_quality``. Each published mean
with its number of answers is a linear equation in the individual answers' scores; an answer's score
is recovered exactly when its unit vector lies in the row space of those equations. The attacker is
given more than a wijkteam has (which answer falls in which cell, and how many answers each mean has)
so that a pass is meaningful. All data fictional (the demo).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wijknet.analysis import onderstroom
from wijknet.datasets.demo import write_demo
from wijknet.privacy.load import load_project

KEY = b"a fictional key of 32 bytes long"


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    write_demo(folder)
    return folder


def _determined(equations: list[np.ndarray], n: int) -> np.ndarray:
    """Which unknowns follow exactly from the equations: unit vectors inside their row space."""
    if not equations:
        return np.zeros(n, dtype=bool)
    M = np.vstack(equations)
    _, s, vt = np.linalg.svd(M, full_matrices=False)
    basis = vt[s > 1e-9 * s.max()]
    return np.isclose((basis**2).sum(axis=0), 1.0, atol=1e-8)


def _equations(
    scores: pd.DataFrame, quality: pd.DataFrame, partners: pd.DataFrame, wave: str, score: str
):
    """The published means of one wave as rows over the answers that have a ``score``."""
    answers = scores[(scores["wave"] == wave) & scores[score].notna()].reset_index(drop=True)
    rows = []
    for r in quality[(quality["wave"] == wave) & quality[f"{score}_mean"].notna()].itertuples():
        if r.from_domain == onderstroom.ALL:
            rows.append(np.ones(len(answers)))
        else:
            cell = (answers["from_domain"] == r.from_domain) & (answers["to_domain"] == r.to_domain)
            rows.append(cell.to_numpy(dtype=float))
    for r in partners[(partners["wave"] == wave) & partners[f"{score}_mean"].notna()].itertuples():
        rows.append((answers["rated"] == r.actor_id).to_numpy(dtype=float))
    return rows, len(answers)


def test_no_answer_of_the_demo_follows_from_a_wijkteams_rating_figures(demo_folder):
    checked = 0
    for wijk in load_project(demo_folder).wijken:
        seen = load_project(demo_folder, audience=f"wijkteam:{wijk}", key=KEY)
        quality = onderstroom.tie_quality(seen, seed=0, intervals=False)  # the means are what count
        partners = onderstroom.organisation_quality(seen, seed=0)
        # the answers behind the figures: the attacker's best case
        scores = onderstroom.answer_scores(seen)
        for score in ("trust", "value"):
            for wave in seen.waves:
                rows, n = _equations(scores, quality, partners, wave, score)
                recovered = _determined(rows, n)
                assert not recovered.any(), (wijk, wave, score, int(recovered.sum()))
                checked += len(rows)
    assert checked > 50  # the attack had figures to work with


def test_the_attack_finds_a_rating_when_the_rule_is_left_out():
    # Without suppression a cell of one answer is published: the attack must see it (the test can fail).
    answers = pd.DataFrame(
        {"from_domain": ["zorg", "zorg", "welzijn"], "to_domain": ["welzijn", "zorg", "zorg"]}
    )
    network = np.ones(3)
    lone = (answers["from_domain"] == "welzijn").to_numpy(dtype=float)
    assert _determined([network, lone], 3).tolist() == [False, False, True]
    pair = (answers["to_domain"] == "zorg").to_numpy(dtype=float)
    assert _determined([network, pair], 3).tolist() == [
        True,
        False,
        False,
    ]  # network minus the pair
