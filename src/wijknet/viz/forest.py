"""Forest plot of a meta-analysis: one line per wijk and the pooled estimate (an Altair chart).

:func:`forest_data` puts the per-wijk estimates with their intervals and the
pooled random-effects estimate of :class:`wijknet.inference.meta.MetaResult`
in one tidy table; :func:`forest_chart` draws it the usual way: a point
(sized by the random-effects weight) and an interval line per wijk, the
pooled estimate as a diamond below them, and a reference line at 0 (no
effect; for the tie-change model's log odds ratios, odds ratio 1). The pages
show it with ``st.altair_chart``; the chart's labels are Dutch or English.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from wijknet.core import formatting as fmt
from wijknet.core.i18n import get_language, text
from wijknet.inference.meta import MetaResult

FOREST_COLUMNS = ["label", "estimate", "ci_low", "ci_high", "weight", "kind", "interval"]
WIJK, POOLED = "wijk", "pooled"
POINT_COLOUR = "#1f5f8b"
POOLED_COLOUR = "#b2182b"

TEXTS = {
    "pooled": {
        "nl": "Gepoold (tau² = {tau2}, I² = {i2})",
        "en": "Pooled (tau² = {tau2}, I² = {i2})",
    },
    "estimate": {"nl": "schatting (log odds ratio)", "en": "estimate (log odds ratio)"},
    "pooled_plain": {"nl": "Samen", "en": "Together"},
    "estimate_plain": {"nl": "← minder kans · meer kans →", "en": "← less chance · more chance →"},
    "wijk": {"nl": "wijk", "en": "wijk"},
    "interval": {"nl": "{level}-interval", "en": "{level} interval"},
    "weight": {"nl": "gewicht", "en": "weight"},
}


def forest_data(
    result: MetaResult, lang: str | None = None, *, plain: bool = False
) -> pd.DataFrame:
    """The rows of a forest plot: every wijk, then the pooled estimate.

    Parameters
    ----------
    result : MetaResult
        From :func:`wijknet.inference.meta.meta_analysis` (with ``labels``).
    lang : {"nl", "en"}, optional
    plain : bool, default False
        Label the pooled row "Samen"/"Together" without tau² and I² (for
        the leernetwerk and PlusWIJkteams: no method terms).

    Returns
    -------
    pandas.DataFrame
        :data:`FOREST_COLUMNS`: ``label`` (wijk, or the pooled line with tau²
        and I²), ``estimate``, ``ci_low``, ``ci_high`` (normal intervals at
        the result's level), ``weight`` (random-effects share; 1 for the
        pooled row), ``kind`` (``"wijk"`` or ``"pooled"``) and ``interval``
        (the interval as text, for tooltips).

    Examples
    --------
    >>> from wijknet.inference.meta import meta_analysis
    >>> result = meta_analysis([0.2, 0.5], [0.1, 0.1], labels=["Noord", "Zuid"], method="DL")
    >>> forest_data(result, "en")[["label", "kind"]].values.tolist()
    [['Noord', 'wijk'], ['Zuid', 'wijk'], ['Pooled (tau² = 0.035, I² = 78%)', 'pooled']]
    """
    lang = lang or get_language()
    units = result.units()
    pooled_label = text(TEXTS, "pooled", lang, tau2=fmt.number(result.tau2, 3, lang),
                        i2=fmt.percent(result.i2, 0, lang))  # fmt: skip
    if plain:
        pooled_label = text(TEXTS, "pooled_plain", lang)
    rows = pd.DataFrame(
        {
            "label": [*units["unit"], pooled_label],
            "estimate": [*units["estimate"], result.estimate],
            "ci_low": [*units["ci_low"], result.ci_low],
            "ci_high": [*units["ci_high"], result.ci_high],
            "weight": [*units["weight"], 1.0],
            "kind": [WIJK] * len(units) + [POOLED],
        }
    )
    rows["interval"] = [
        f"{fmt.number(lo, 2, lang)} – {fmt.number(hi, 2, lang)}"
        for lo, hi in zip(rows["ci_low"], rows["ci_high"])
    ]
    return rows[FOREST_COLUMNS]


def forest_chart(
    result: MetaResult,
    *,
    lang: str | None = None,
    title: str | None = None,
    width: int = 420,
    plain: bool = False,
) -> alt.LayerChart:
    """A forest plot of a meta-analysis as an Altair chart.

    Parameters
    ----------
    result : MetaResult
    lang : {"nl", "en"}, optional
    title : str, optional
        Chart title (default: the pooled term's name).
    width : int, default 420

    Returns
    -------
    altair.LayerChart
        Interval rules and weight-sized points per wijk, a diamond for the
        pooled estimate and a dashed reference line at 0; wijken keep their
        order, the pooled line is last.

    Examples
    --------
    >>> from wijknet.inference.meta import meta_analysis
    >>> result = meta_analysis([0.2, 0.5, -0.1], [0.1, 0.2, 0.15], labels=["A", "B", "C"])
    >>> spec = forest_chart(result, lang="en").to_dict()
    >>> len(spec["layer"]), spec["title"]
    (4, 'estimate')
    """
    lang = lang or get_language()
    data = forest_data(result, lang, plain=plain)
    order = data["label"].tolist()
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320))
    x_title = text(TEXTS, "estimate_plain" if plain else "estimate", lang)
    tooltip = [
        alt.Tooltip("label:N", title=text(TEXTS, "wijk", lang)),
        alt.Tooltip("estimate:Q", title=x_title, format=".3f"),
        alt.Tooltip(
            "interval:N",
            title=text(TEXTS, "interval", lang, level=fmt.percent(result.level, 0, lang)),
        ),
        alt.Tooltip("weight:Q", title=text(TEXTS, "weight", lang), format=".0%"),
    ]
    base = alt.Chart(data).encode(y=y)
    rules = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("ci_low:Q", title=x_title),
        x2="ci_high:Q",
        color=alt.Color(
            "kind:N",
            scale=alt.Scale(domain=[WIJK, POOLED], range=[POINT_COLOUR, POOLED_COLOUR]),
            legend=None,
        ),  # fmt: skip
        tooltip=tooltip,
    )
    points = (
        base.transform_filter(alt.datum.kind == WIJK)
        .mark_square(color=POINT_COLOUR)
        .encode(
            x="estimate:Q",
            size=alt.Size("weight:Q", legend=None, scale=alt.Scale(range=[30, 250])),
            tooltip=tooltip,
        )  # fmt: skip
    )
    diamond = (
        base.transform_filter(alt.datum.kind == POOLED)
        .mark_point(shape="diamond", filled=True, size=220, color=POOLED_COLOUR)
        .encode(x="estimate:Q", tooltip=tooltip)
    )
    zero = (
        alt.Chart(pd.DataFrame({"x": [0.0]}))
        .mark_rule(strokeDash=[4, 4], color="#666666")
        .encode(x="x:Q")
    )
    return alt.layer(rules, points, diamond, zero).properties(
        title=title if title is not None else result.name, width=width, height=28 * len(data) + 20
    )
