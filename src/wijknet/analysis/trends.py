"""The network of one wijk over the waves: measures per wave, and trends with intervals.

:func:`metric_trends` gives density, the share of domain-crossing ties and
the E-I index per wave with node-bootstrap intervals by the same rule as the
comparison of wijken (:func:`wijknet.analysis.compare.measure_intervals`);
:func:`network_by_wave` the network measures per wave, with the
disclosure-control blanks of ``wijknet analyse`` for a leernetwerk.
"""

from __future__ import annotations

import pandas as pd

from wijknet.analysis.compare import measure_intervals
from wijknet.metrics import network_metrics
from wijknet.privacy.suppression import is_aggregate_only, protect_counts
from wijknet.project import Project

#: Measures of :func:`metric_trends`, in order.
TREND_METRICS = ("density", "cross_domain_share", "ei_index")
TREND_COLUMNS = ["wave", "actors", "ties", "metric", "estimate", "ci_low", "ci_high"]


def metric_trends(
    project: Project,
    wijk: str,
    *,
    metrics=TREND_METRICS,
    n_boot: int = 500,
    seed=0,
    level: float = 0.95,
    attr: str = "domain",
    **graph_options,
) -> pd.DataFrame:
    """Density, share of domain-crossing ties and E-I index of one wijk per wave, with intervals.

    Parameters
    ----------
    project : Project
    wijk : str
    metrics : iterable of str, default :data:`TREND_METRICS`
    n_boot : int, default 500
        Node-bootstrap replicates per interval.
    seed : int, default 0
    level : float, default 0.95
    attr : str, default "domain"
    **graph_options
        Passed to :meth:`wijknet.project.Project.graph` (``tie_types``, ``min_weight``).

    Returns
    -------
    pandas.DataFrame
        ``wave, actors, ties, metric, estimate, ci_low, ci_high``, one row per
        wave and metric in wave order. ``estimate`` is the measure of
        :func:`wijknet.metrics.network_metrics`; the interval is the
        percentile interval of :func:`wijknet.analysis.compare.measure_intervals`
        (the same node bootstrap as :func:`wijknet.analysis.compare.compare_wijken`,
        so the same seed gives the same interval on both pages). All three
        are NaN where a wave has fewer than two actors or no ties. For a
        project restricted to a leernetwerk, ``actors`` and ``ties`` below
        the threshold are blank (:func:`wijknet.privacy.suppression.protect_counts`).

    Notes
    -----
    Density is ties / (N (N - 1)) of the directed graph; the share of
    domain-crossing ties is E / (E + I), the E-I index (E - I) / (E + I)
    (Krackhardt & Stern 1988). Node bootstrap: Snijders & Borgatti (1999).

    References
    ----------
    Snijders, T. A. B., & Borgatti, S. P. (1999). Non-parametric standard
    errors and tests for network statistics. *Connections*, 22(2), 61-70.

    Examples
    --------
    >>> from wijknet.analysis.trends import TREND_COLUMNS
    >>> TREND_COLUMNS[3:]
    ['metric', 'estimate', 'ci_low', 'ci_high']
    """
    metrics = list(metrics)
    rows = []
    for wave in project.waves:
        G = project.graph(wijk, wave, **graph_options)
        n, m = G.number_of_nodes(), G.number_of_edges()
        usable = n >= 2 and m > 0
        net = network_metrics(G, attr, n_permutations=0).iloc[0] if usable else None
        intervals = measure_intervals(G, metrics, n_boot=n_boot, seed=seed, level=level, attr=attr)
        for metric in metrics:
            low, high = intervals[metric]
            rows.append({"wave": wave, "actors": n, "ties": m, "metric": metric,
                         "estimate": float(net[metric]) if usable else float("nan"),
                         "ci_low": float(low), "ci_high": float(high)})  # fmt: skip
    table = pd.DataFrame(rows, columns=TREND_COLUMNS)
    if is_aggregate_only(project):  # counts as in the network table: none below min_cell
        table = protect_counts(table, ["actors", "ties"], project.config.min_cell)
    return table


def network_by_wave(
    project: Project,
    wijk: str,
    *,
    attr: str = "domain",
    n_permutations: int = 1000,
    seed=0,
    **graph_options,
) -> pd.DataFrame:
    """:func:`wijknet.metrics.network_metrics` of one wijk, one row per wave (in wave order).

    Parameters
    ----------
    project : Project
    wijk : str
    attr : str, default "domain"
    n_permutations : int, default 1000
        Permutations of the E-I test.
    seed : int, default 0
    **graph_options
        Passed to :meth:`wijknet.project.Project.graph`.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`wijknet.metrics.network_metrics` and ``wave``.
        For a project restricted to a leernetwerk the same blanks as
        ``wijknet analyse`` (:func:`wijknet.analysis.standard.protect_network_table`).
    """
    graphs = {wave: project.graph(wijk, wave, **graph_options) for wave in project.waves}
    table = pd.concat(
        [
            network_metrics(G, attr=attr, n_permutations=n_permutations, seed=seed).assign(
                wave=wave
            )
            for wave, G in graphs.items()
        ],
        ignore_index=True,
    )
    if is_aggregate_only(project):  # the one disclosure-control rule
        from wijknet.analysis.standard import protect_network_table

        table = protect_network_table(project, wijk, table, graphs)
    return table


def metric_rows(trends: pd.DataFrame, metric: str, *, percent: bool = False) -> pd.DataFrame:
    """The rows of one metric of a :func:`metric_trends` table, in wave order, with a fresh index.

    With ``percent=True`` the estimate and its interval are multiplied by 100
    (a share shown as a percentage on a chart axis).

    Examples
    --------
    >>> t = pd.DataFrame({"wave": ["1", "1"], "metric": ["density", "ei_index"],
    ...                   "estimate": [0.1, -0.2], "ci_low": [0.05, -0.3], "ci_high": [0.2, -0.1]})
    >>> metric_rows(t, "ei_index")["estimate"].tolist()
    [-0.2]
    >>> metric_rows(t, "density", percent=True)["ci_high"].tolist()
    [20.0]
    """
    rows = trends[trends["metric"] == metric].reset_index(drop=True)
    if percent:
        rows[["estimate", "ci_low", "ci_high"]] = rows[["estimate", "ci_low", "ci_high"]] * 100
    return rows


def trend_words(
    trends: pd.DataFrame, metric: str, wave_from: str, wave_to: str, lang: str | None = None
) -> str:
    """The change of ``metric`` from ``wave_from`` to ``wave_to`` in words, for a PlusWIJkteam or leernetwerk.

    "duidelijk meer dan de vorige meting" when the 95% interval of
    ``wave_to`` lies entirely above the estimate of ``wave_from``, "iets meer,
    maar dat kan toeval zijn" when it holds it
    (:func:`wijknet.core.uncertainty.change_words`); "–" when a wave is missing.

    Examples
    --------
    >>> t = pd.DataFrame({"wave": ["1", "2"], "metric": ["density", "density"],
    ...                   "estimate": [0.10, 0.20], "ci_low": [0.05, 0.15], "ci_high": [0.15, 0.25]})
    >>> trend_words(t, "density", "1", "2", "nl")
    'duidelijk meer dan de vorige meting'
    """
    from wijknet.core.uncertainty import change_words

    rows = metric_rows(trends, metric).set_index("wave")
    if wave_from not in rows.index or wave_to not in rows.index:
        return change_words(None, None, None, None, lang)
    now, before = rows.loc[wave_to], rows.loc[wave_from]
    return change_words(now["estimate"], now["ci_low"], now["ci_high"], before["estimate"], lang)


def wave_sizes(trends: pd.DataFrame) -> list[tuple[str, float]]:
    """``(wave, actors)`` of every wave of a :func:`metric_trends` table, in wave order.

    Examples
    --------
    >>> t = pd.DataFrame({"wave": ["1", "1", "2"], "metric": ["a", "b", "a"], "actors": [5, 5, 7]})
    >>> wave_sizes(t)
    [('1', 5), ('2', 7)]
    """
    first = trends.drop_duplicates("wave")
    return list(zip(first["wave"], first["actors"].tolist()))


def wave_change(
    project: Project,
    wijk: str,
    wave_from: str,
    wave_to: str,
    *,
    n_permutations: int = 1000,
    seed=0,
    **graph_options,
) -> pd.Series:
    """The change of one wijk between two waves, as the viewer of ``project`` may see it.

    Parameters
    ----------
    project : Project
    wijk, wave_from, wave_to : str
    n_permutations : int, default 1000
        Permutations of the QAP test of :func:`wijknet.analysis.change.compare_waves`.
    seed : int, default 0
    **graph_options
        Passed to :meth:`wijknet.project.Project.graph`.

    Returns
    -------
    pandas.Series
        The one row of :func:`wijknet.analysis.change.compare_waves`, with the
        disclosure-control rule of :func:`wijknet.analysis.change.protect_for_audience`
        applied (for a leernetwerk small and derivable counts are NaN).
    """
    from wijknet.analysis.change import compare_waves, protect_for_audience

    table = compare_waves(
        project, wijk, wave_from, wave_to, n_permutations=n_permutations, seed=seed, **graph_options
    )
    return protect_for_audience(project, table).iloc[0]
