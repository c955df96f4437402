"""The forest plot of a meta-analysis: rows, order, labels and the chart's layers."""

from __future__ import annotations

import pytest

from wijknet.inference.meta import meta_analysis
from wijknet.viz.forest import FOREST_COLUMNS, forest_chart, forest_data


@pytest.fixture
def result():
    return meta_analysis(
        [0.2, 0.5, -0.1], [0.1, 0.2, 0.15], labels=["Noord", "Oost", "Zuid"], name="same_domain"
    )


def test_forest_data_rows(result):
    data = forest_data(result, "nl")
    assert list(data.columns) == FOREST_COLUMNS
    assert data["label"].tolist()[:3] == ["Noord", "Oost", "Zuid"]
    assert data["kind"].tolist() == ["wijk", "wijk", "wijk", "pooled"]
    pooled = data.iloc[-1]
    assert pooled["estimate"] == pytest.approx(result.estimate)
    assert (pooled["ci_low"], pooled["ci_high"]) == pytest.approx((result.ci_low, result.ci_high))
    assert pooled["label"].startswith("Gepoold (tau² = ")
    assert data["weight"].iloc[:3].sum() == pytest.approx(1)
    # Noord: 0.2 -/+ 1.96 x 0.1, with a decimal comma in Dutch
    assert data["ci_low"].iloc[0] == pytest.approx(0.2 - 1.959963984540054 * 0.1)
    assert data["interval"].iloc[0] == "0,00 – 0,40"


def test_forest_chart_layers_and_labels(result):
    spec = forest_chart(result, lang="en", title="Same domain").to_dict()
    assert spec["title"] == "Same domain"
    assert len(spec["layer"]) == 4  # intervals, wijk points, pooled diamond, reference line at 0
    marks = [
        layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        for layer in spec["layer"]
    ]
    assert marks == ["rule", "square", "point", "rule"]
    assert spec["layer"][0]["encoding"]["y"]["sort"][-1].startswith("Pooled")
