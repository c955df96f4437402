"""Matching written-in names to actors: normalisation, aliases and precision/recall on labelled variants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from wijknet.datasets.demo import make_demo
from wijknet.resolve.matching import match_names, normalise

VARIANTS = Path(__file__).resolve().parents[1] / "fixtures" / "registry" / "variants.csv"


@pytest.fixture(scope="module")
def daalhof() -> pd.DataFrame:
    actors, _ = make_demo()
    return actors[actors["wijk"] == "Daalhof"]


def test_normalise():
    assert (
        normalise("HAP  Zonnehoek (fictief)")
        == normalise("Huisartsenpraktijk Zonnehoek")
        == "huisarts zonnehoek"
    )
    assert normalise("Stichting Café-Noël") == "cafe noel"


def test_alias_is_an_exact_match(daalhof):
    found = match_names(["De Groene Vingers"], daalhof, aliases={"groene vingers": "DAA-089"})
    assert (
        found.loc[0, "actor_id"] == "DAA-089"
        and found.loc[0, "score"] == 1.0
        and found.loc[0, "accepted"]
    )


def test_columns_and_candidates(daalhof):
    found = match_names(["HAP Zonnehoek", "Tandarts Vijverhof"], daalhof)
    assert list(found.columns) == ["mention", "actor_id", "score", "accepted", "candidates"]
    assert list(found["accepted"]) == [True, False]
    assert len(found.loc[1, "candidates"]) == 3 and {"actor_id", "label", "score"} <= set(
        found.loc[1, "candidates"][0]
    )
    assert match_names([], daalhof).empty


def precision_recall(threshold: float, actors: pd.DataFrame) -> tuple[float, float]:
    labelled = pd.read_csv(VARIANTS, dtype=str, keep_default_na=False)
    found = match_names(labelled["mention"], actors, threshold=threshold)
    accepted = found[found["accepted"]]
    correct = (accepted["actor_id"] == labelled.loc[accepted.index, "actor_id"]).sum()
    return correct / max(len(accepted), 1), correct / (labelled["actor_id"] != "").sum()


def test_precision_and_recall_on_spelling_variants(daalhof):
    # Measured with rapidfuzz token_sort_ratio (docs/project-store.md, benchmarks/bench_matching.py):
    # precision 1.00, recall 0.95 at 0.85; precision 0.98, recall 0.98 at 0.75.
    precision, recall = precision_recall(0.85, daalhof)
    assert precision >= 0.95 and recall >= 0.70
    precision, recall = precision_recall(0.75, daalhof)
    assert precision >= 0.95 and recall >= 0.85
