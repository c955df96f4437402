"""Comparing wijken: the same measures for every wijk and wave, side by side.

The regional learning network (leernetwerk) compares wijken: which wijken
opened their silos, and how fast? :func:`compare_wijken` puts the measures of
domain-crossing collaboration of every wijk and wave in one tidy table with
node-bootstrap intervals, :func:`summarise_differences` writes the largest
differences and changes in a few plain sentences (facts only), and
:func:`mixing_by_wijk` gives the domain-mixing matrices of all wijken of one
wave on a common set of domains.

Comparing networks of different size needs care: density falls as networks
grow, so the table also gives size-aware measures (mean degree, and the E-I
index minus its expected value under random relabelling, which depends on
the sizes of the domains).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.core import formatting as fmt
from wijknet.core.i18n import text
from wijknet.inference.bootstrap import bootstrap_ci
from wijknet.metrics import (
    CONNECTOR_SHARE,
    articulation_points,
    connectors,
    mixing_matrix,
    network_metrics,
)
from wijknet.privacy.suppression import is_aggregate_only, protect_mixing, protect_network
from wijknet.project import Project

COMPARE_COLUMNS = ["wijk", "wave", "measure", "value", "ci_low", "ci_high"]

#: Measures of :func:`compare_wijken`, in table order.
MEASURES = (
    "actors", "ties", "density", "mean_degree", "cross_domain_share", "ei_index", "ei_expected",
    "ei_minus_expected", "reciprocity", "largest_component_share", "connectors_outside_team",
    "articulation_points",
)  # fmt: skip

MIXING_BY_WIJK_COLUMNS = ["wijk", "from_domain", "to_domain", "ties", "row_share", "suppressed"]

NAN = float("nan")


# --- the table ---------------------------------------------------------------------------


def _largest_component_share(G: nx.Graph) -> float:
    n = G.number_of_nodes()
    if n == 0:
        return NAN
    components = (
        nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    )
    return max(len(c) for c in components) / n


def _interval(
    G: nx.Graph, statistic, n_boot: int, seed, level: float, attr: str
) -> tuple[float, float]:
    if G.number_of_nodes() < 2 or G.number_of_edges() == 0:
        return NAN, NAN
    result = bootstrap_ci(G, statistic, n_boot=n_boot, seed=seed, level=level, attr=attr)
    return result.ci_low, result.ci_high


#: The measures :func:`measure_intervals` gives intervals for (the others have none).
INTERVAL_MEASURES = (
    "density",
    "mean_degree",
    "ei_index",
    "cross_domain_share",
    "reciprocity",
    "ei_minus_expected",
)


def measure_intervals(
    G: nx.Graph,
    measures=INTERVAL_MEASURES,
    *,
    n_boot: int = 500,
    seed=0,
    level: float = 0.95,
    attr: str = "domain",
) -> dict[str, tuple[float, float]]:
    """Node-bootstrap percentile intervals of comparison measures: the one bootstrap rule of wijknet.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    measures : iterable of str, default :data:`INTERVAL_MEASURES`
    n_boot : int, default 500
        Replicates of :func:`wijknet.inference.bootstrap_ci`; 0 gives no intervals (NaN).
    seed : int, default 0
        Seed of every bootstrap of this graph (each measure sees the same replicates).
    level : float, default 0.95
    attr : str, default "domain"

    Returns
    -------
    dict
        ``{measure: (ci_low, ci_high)}``; NaN where the graph has fewer than
        two actors or no ties, and for reciprocity of an undirected graph.

    Notes
    -----
    Node bootstrap (Snijders & Borgatti 1999). The node bootstrap keeps N
    fixed, so the mean degree is density x (N - 1) in every replicate; the
    share of domain-crossing ties is (1 + E-I) / 2 in every replicate, and a
    percentile interval follows a monotone transform: both come from the
    density and E-I intervals, not from a bootstrap of their own.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "zorg", "c": "wonen"}, "domain")
    >>> low, high = measure_intervals(G, ["density"], n_boot=50)["density"]
    >>> 0 <= low <= high <= 1
    True
    """
    measures = list(measures)
    out = {m: (NAN, NAN) for m in measures}
    n = G.number_of_nodes()
    if not n_boot or n < 2 or G.number_of_edges() == 0:
        return out
    if {"density", "mean_degree"} & set(measures):
        low, high = _interval(G, "density", n_boot, seed, level, attr)
        if "density" in out:
            out["density"] = (low, high)
        if "mean_degree" in out:
            out["mean_degree"] = (low * (n - 1), high * (n - 1))
    if {"ei_index", "cross_domain_share"} & set(measures):
        low, high = _interval(G, "ei_index", n_boot, seed, level, attr)
        if "ei_index" in out:
            out["ei_index"] = (low, high)
        if "cross_domain_share" in out:
            out["cross_domain_share"] = ((1 + low) / 2, (1 + high) / 2)
    if "reciprocity" in out and G.is_directed():
        out["reciprocity"] = _interval(G, "reciprocity", n_boot, seed, level, attr)
    if "ei_minus_expected" in out:
        out["ei_minus_expected"] = _interval(G, "ei_minus_expected", n_boot, seed, level, attr)
    return out


def compare_graph(
    G: nx.Graph,
    *,
    attr: str = "domain",
    n_boot: int = 500,
    seed=0,
    level: float = 0.95,
    connector_share: float = CONNECTOR_SHARE,
) -> pd.DataFrame:
    """The comparison measures of one graph with node-bootstrap intervals.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    attr : str, default "domain"
    n_boot : int, default 500
        Bootstrap replicates per interval; 0 gives no intervals (NaN).
    seed : int, default 0
        Seed of every bootstrap of this graph.
    level : float, default 0.95
    connector_share : float, default 0.1
        See :func:`wijknet.metrics.connectors`.

    Returns
    -------
    pandas.DataFrame
        ``measure, value, ci_low, ci_high``, one row per entry of
        :data:`MEASURES` (see :func:`compare_wijken` for the definitions).
    """
    directed = G.is_directed()
    n = G.number_of_nodes()
    net = network_metrics(G, attr, n_permutations=0).iloc[0]
    ties = int(net["ties"])
    mean_degree = (ties if directed else 2 * ties) / n if n else NAN
    flags = connectors(G, attr, share=connector_share)
    values = {
        "actors": n,
        "ties": ties,
        "density": float(net["density"]),
        "mean_degree": mean_degree,
        "cross_domain_share": float(net["cross_domain_share"]),
        "ei_index": float(net["ei_index"]),
        "ei_expected": float(net["ei_expected"]),
        "ei_minus_expected": float(net["ei_index"]) - float(net["ei_expected"]),
        "reciprocity": float(net["reciprocity"]),
        "largest_component_share": _largest_component_share(G),
        "connectors_outside_team": int(flags["outside_team"].sum()),
        "articulation_points": int(articulation_points(G)["articulation_point"].sum()) if n else 0,
    }
    intervals = {m: (NAN, NAN) for m in MEASURES}
    if n_boot:
        intervals.update(measure_intervals(G, n_boot=n_boot, seed=seed, level=level, attr=attr))
    rows = [
        {
            "measure": m,
            "value": float(values[m]),
            "ci_low": float(intervals[m][0]),
            "ci_high": float(intervals[m][1]),
        }
        for m in MEASURES
    ]
    return pd.DataFrame(rows, columns=["measure", "value", "ci_low", "ci_high"])


def compare_wijken(
    project: Project,
    *,
    waves: Sequence[str] | None = None,
    wijken: Sequence[str] | None = None,
    n_boot: int = 500,
    seed: int = 0,
    level: float = 0.95,
    attr: str = "domain",
    connector_share: float = CONNECTOR_SHARE,
    **graph_options,
) -> pd.DataFrame:
    """The same measures for all wijken and waves side by side, with node-bootstrap intervals.

    Parameters
    ----------
    project : Project
    waves : sequence of str, optional
        Waves to compare (default: all, in project order).
    wijken : sequence of str, optional
        Wijken to compare (default: all, in project order).
    n_boot : int, default 500
        Node-bootstrap replicates per interval (:func:`wijknet.inference.bootstrap_ci`);
        0 skips the intervals (NaN).
    seed : int, default 0
        Seed of the bootstrap; every graph uses the same seed, so a wijk's
        intervals do not depend on which other wijken are compared, and they
        equal those of ``bootstrap_ci(G, ..., seed=seed)``.
    level : float, default 0.95
        Confidence level of the percentile intervals.
    attr : str, default "domain"
        Grouping attribute.
    connector_share : float, default 0.1
        Share of actors ranked as connectors (:func:`wijknet.metrics.connectors`).
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph` (``tie_types``,
        ``min_weight``, ``symmetrise``).

    Returns
    -------
    pandas.DataFrame
        Tidy: ``wijk, wave, measure, value, ci_low, ci_high``, one row per
        wijk, wave and measure of :data:`MEASURES`, in wijk, wave and
        measure order. Intervals are NaN where the bootstrap does not apply
        (counts, component share, expected E-I) or is undefined (fewer than
        two actors, no ties).

    Notes
    -----
    With ``N`` actors, ``L`` ties (arcs; edges if undirected), ``E`` ties
    between and ``I`` within domains (binary, diagonal excluded):

    ``actors``, ``ties``
        ``N`` and ``L``.
    ``density``
        ``L / (N (N - 1))`` (undirected ``2L / (N (N - 1))``), as
        :func:`wijknet.metrics.network_metrics`.
    ``mean_degree``
        ``L / N`` for directed graphs (the mean out-degree, equal to the mean
        in-degree: ties named per actor), ``2L / N`` for undirected graphs.
        The size-aware alternative to density: in collaboration networks
        each actor can maintain only so many ties, so density falls as the
        network grows while mean degree does not (Anderson, Butts & Carley
        1999; Friedkin 1981). Compare densities only between networks of
        similar size.
    ``cross_domain_share``
        ``E / (E + I)``, the share of domain-crossing ties.
    ``ei_index``
        ``(E - I) / (E + I)`` (Krackhardt & Stern 1988).
    ``ei_expected``
        The E-I index expected under random relabelling of the actors,
        ``(E* - I*) / (E* + I*)`` with ``I* = sum_k n_k (n_k - 1)`` and
        ``E* = N (N - 1) - I*`` for domain sizes ``n_k``. It grows with the
        number of domains and with how evenly actors are spread over them.
    ``ei_minus_expected``
        ``ei_index - ei_expected``: the size-aware E-I. A wijk with many
        small domains has a high E-I by chance alone; the difference says
        how much more (positive) or less (negative) the domains mix than
        random ties would, so it can be compared across wijken of different
        composition.
    ``reciprocity``
        Edgewise reciprocity (share of arcs that are returned); NaN for
        undirected graphs.
    ``largest_component_share``
        Share of actors in the largest weak component (isolates are
        components of one).
    ``connectors_outside_team``
        Connectors (the top decile by brokerage, :func:`wijknet.metrics.connectors`)
        who are not in the PlusWIJkteam.
    ``articulation_points``
        Fragile bridges: actors whose removal splits their component
        (:func:`wijknet.metrics.articulation_points`).

    **Intervals.** Node bootstrap (Snijders & Borgatti 1999), percentile
    intervals, via :func:`wijknet.inference.bootstrap_ci`: density,
    E-I index and reciprocity with the built-in statistics; mean degree and
    the share of domain-crossing ties are linear transforms of density
    (``N`` is fixed per replicate) and of the E-I index (``(1 + EI) / 2``),
    so their intervals are the transformed intervals; ``ei_minus_expected``
    is recomputed on every bootstrap network, so its interval includes the
    variation of the domain sizes. Each interval is correct for its own
    network size; non-overlapping intervals are a conservative sign of a
    real difference, overlapping ones do not prove equality.

    References
    ----------
    Anderson, B. S., Butts, C., & Carley, K. (1999). The interaction of size
    and density with graph-level indices. *Social Networks*, 21(3), 239-267.
    Friedkin, N. E. (1981). The development of structure in random networks:
    an analysis of the effects of increasing network density on five
    measures of structure. *Social Networks*, 3(1), 41-52.
    Krackhardt, D., & Stern, R. N. (1988). Informal networks and
    organizational crises: an experimental simulation. *Social Psychology
    Quarterly*, 51(2), 123-140.
    Snijders, T. A. B., & Borgatti, S. P. (1999). Non-parametric standard
    errors and tests for network statistics. *Connections*, 22(2), 1-10.
    Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation.
    *Sociological Methodology*, 19, 89-126.
    """
    waves = list(project.waves if waves is None else waves)
    wijken = list(project.wijken if wijken is None else wijken)
    parts, mixing = [], []
    for wijk in wijken:
        for wave in waves:
            G = project.graph(wijk, wave, **graph_options)
            part = compare_graph(
                G, attr=attr, n_boot=n_boot, seed=seed, level=level, connector_share=connector_share
            )
            parts.append(part.assign(wijk=wijk, wave=wave))
            mixing.append(
                mixing_matrix(G, attr, taxonomy=project.taxonomy).assign(wijk=wijk, wave=wave)
            )
    if not parts:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=object if c in ("wijk", "wave", "measure") else float)
                for c in COMPARE_COLUMNS
            }
        )
    table = pd.concat(parts, ignore_index=True)[COMPARE_COLUMNS]
    if is_aggregate_only(project):
        table = _protect_compare(
            table,
            pd.concat(mixing, ignore_index=True),
            project.config.min_cell,
            symmetric=graph_options.get("symmetrise") not in (None, "none"),
        )
    return table


#: Counts of people in the comparison table, suppressed for a leernetwerk when small.
PEOPLE_MEASURES = ("actors", "connectors_outside_team", "articulation_points")


def _protect_compare(
    table: pd.DataFrame, mixing: pd.DataFrame, min_cell: int, *, symmetric: bool
) -> pd.DataFrame:
    """The comparison table as a leernetwerk may see it (:mod:`wijknet.privacy.suppression`).

    The tie totals and the measures that follow from them are protected
    together with the mixing cells of the same graph (the same suppression
    as :func:`mixing_by_wijk` and :func:`wijknet.analysis.standard.analyse`); counts
    of people (actors, connectors, fragile bridges) of 1 to ``min_cell - 1``
    are blanked, and density with a blanked number of actors.
    """
    _, hidden = protect_mixing(mixing, min_cell, symmetric=symmetric)
    table = protect_network(table, hidden)
    value = table["value"]
    small = table["measure"].isin(PEOPLE_MEASURES) & (value > 0) & (value < min_cell)
    graph = table[["wijk", "wave"]].apply(tuple, axis=1)
    tiny = set(graph[small & (table["measure"] == "actors")])
    small |= table["measure"].isin(("density", "mean_degree")) & graph.isin(
        tiny
    )  # density and degree give N
    table.loc[small, ["value", "ci_low", "ci_high"]] = np.nan
    return table


def mixing_by_wijk(
    project: Project,
    wave: str,
    *,
    wijken: Sequence[str] | None = None,
    attr: str = "domain",
    **graph_options,
) -> pd.DataFrame:
    """Domain-mixing matrices of all wijken in one wave, on a common set of domains.

    Parameters
    ----------
    project : Project
    wave : str
    wijken : sequence of str, optional
        Default: all wijken of the project.
    attr : str, default "domain"
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph`.

    Returns
    -------
    pandas.DataFrame
        ``wijk, from_domain, to_domain, ties, row_share, suppressed``: for every wijk
        every ordered pair of the domains present in *any* of the wijken
        (taxonomy order), so the heatmaps can be drawn side by side on the
        same axes. ``row_share = ties / row total`` as in
        :func:`wijknet.metrics.mixing_matrix` (NaN for a domain without ties,
        or absent from that wijk); ``ties`` is 0 for an absent domain. For a
        project restricted to the ``leernetwerk`` audience the one
        disclosure-control rule applies (:func:`wijknet.privacy.suppression.protect_mixing`):
        small cells and the cells that would give them away are blanked
        (NaN) and marked ``suppressed``, and ``row_share`` is computed on the
        published cells of the row only (``suppressed`` is always False for
        other viewers).

    References
    ----------
    Newman, M. E. J. (2003). Mixing patterns in networks. *Physical Review E*,
    67, 026126.
    """
    wijken = list(project.wijken if wijken is None else wijken)
    tables = {
        w: mixing_matrix(project.graph(w, wave, **graph_options), attr, taxonomy=project.taxonomy)
        for w in wijken
    }
    domains = project.taxonomy.order({d for t in tables.values() for d in t["from_domain"]})
    full = pd.MultiIndex.from_product([domains, domains], names=["from_domain", "to_domain"])
    parts = []
    for wijk, table in tables.items():
        table = table.set_index(["from_domain", "to_domain"]).reindex(full)
        table["ties"] = table["ties"].fillna(0).astype(np.int64)
        parts.append(table.reset_index().assign(wijk=wijk))
    if not parts:
        return pd.DataFrame(columns=MIXING_BY_WIJK_COLUMNS)
    table = pd.concat(parts, ignore_index=True)
    if is_aggregate_only(
        project
    ):  # the one rule, as in analyse: the same cells blank on every page
        table, _ = protect_mixing(
            table,
            project.config.min_cell,
            by=["wijk"],
            symmetric=graph_options.get("symmetrise") not in (None, "none"),
        )
    else:
        table["suppressed"] = False
    return table[MIXING_BY_WIJK_COLUMNS]


# --- the summary in words -------------------------------------------------------------

TEXTS = {
    "share": {
        "nl": "het aandeel domeinoverstijgende relaties",
        "en": "the share of domain-crossing ties",
    },
    "and": {"nl": "en", "en": "and"},
    "rank": {
        "nl": "In {wave} had {top} het grootste aandeel domeinoverstijgende relaties ({top_value}) en {bottom} "
        "het kleinste ({bottom_value}).",
        "en": "In {wave}, {top} had the largest share of domain-crossing ties ({top_value}) and {bottom} the "
        "smallest ({bottom_value}).",
    },
    "rank_overlap": {
        "nl": "Hun onzekerheidsmarges overlappen: dit verschil is niet zeker.",
        "en": "Their uncertainty margins overlap: this difference is not certain.",
    },
    "rise_clear": {
        "nl": "{wijk} heeft de grootste stijging van {measure}: van {a} in {w0} naar {b} in {w1}.",
        "en": "{wijk} has the largest rise in {measure}: from {a} in {w0} to {b} in {w1}.",
    },
    "rise_overlap": {
        "nl": "{Measure} steeg het meest in {wijk}: van {a} in {w0} naar {b} in {w1}, maar de "
        "onzekerheidsmarges overlappen, dus deze stijging is niet zeker.",
        "en": "{Measure} rose most in {wijk}: from {a} in {w0} to {b} in {w1}, but the uncertainty margins "
        "overlap, so this rise is not certain.",
    },
    "rise_plain": {
        "nl": "{Measure} steeg het meest in {wijk}: van {a} in {w0} naar {b} in {w1}.",
        "en": "{Measure} rose most in {wijk}: from {a} in {w0} to {b} in {w1}.",
    },
    "rise_none": {
        "nl": "{Measure} steeg tussen {w0} en {w1} in geen enkele wijk.",
        "en": "{Measure} rose in no wijk between {w0} and {w1}.",
    },
    "clear_rises": {
        "nl": "Een duidelijke stijging (marges overlappen niet) in {k} van de {n} wijken: {names}.",
        "en": "A clear rise (margins do not overlap) in {k} of the {n} wijken: {names}.",
    },
    "clear_rises_none": {
        "nl": "In geen enkele wijk is de stijging duidelijk: de marges van {w0} en {w1} overlappen overal.",
        "en": "In no wijk is the rise clear: the margins of {w0} and {w1} overlap everywhere.",
    },
    "clear_falls": {
        "nl": "Een duidelijke daling in: {names}.",
        "en": "A clear fall in: {names}.",
    },
    "least": {
        "nl": "In {wijk} veranderde het aandeel het minst ({a} → {b}).",
        "en": "In {wijk} the share changed least ({a} → {b}).",
    },
    "least_flat": {
        "nl": "In {wijk} veranderde het aandeel nauwelijks ({a} → {b}).",
        "en": "In {wijk} the share hardly changed ({a} → {b}).",
    },
    "mixing_above": {
        "nl": "In {wave} mengden de domeinen duidelijk meer dan bij toeval te verwachten is (E-I-index boven "
        "de verwachte waarde) in: {names}.",
        "en": "In {wave}, the domains mixed clearly more than expected by chance (E-I index above its "
        "expected value) in: {names}.",
    },
    "mixing_below": {
        "nl": "In {wave} mengden de domeinen duidelijk minder dan bij toeval te verwachten is (E-I-index onder "
        "de verwachte waarde) in {k} van de {n} wijken{names}.",
        "en": "In {wave}, the domains mixed clearly less than expected by chance (E-I index below its "
        "expected value) in {k} of the {n} wijken{names}.",
    },
    "mixing_below_all": {
        "nl": "In {wave} mengden de domeinen in alle {n} wijken duidelijk minder dan bij toeval te verwachten is "
        "(E-I-index onder de verwachte waarde).",
        "en": "In {wave}, the domains mixed clearly less than expected by chance in all {n} wijken (E-I index "
        "below its expected value).",
    },
    "new_cross": {
        "nl": "Tussen {w0} en {w1} kwamen de meeste nieuwe domeinoverstijgende relaties bij in {wijk} ({new} "
        "nieuw, {lost} verdwenen).",
        "en": "Between {w0} and {w1}, {wijk} gained the most new domain-crossing ties ({new} new, {lost} lost).",
    },
    "kpi_band": {
        "nl": "KPI 3 (ervaren domeinoverstijgend werken) lag in {wave} in {k} van de {n} wijken binnen of boven "
        "de bandbreedte{below}.",
        "en": "KPI 3 (experienced domain-crossing work) was within or above the band in {k} of the {n} wijken "
        "in {wave}{below}.",
    },
    "kpi_below": {"nl": "; eronder: {names}", "en": "; below: {names}"},
    "kpi_range": {
        "nl": "KPI 3 (ervaren domeinoverstijgend werken) was in {wave} het hoogst in {top} ({top_value}) en het "
        "laagst in {bottom} ({bottom_value}).",
        "en": "KPI 3 (experienced domain-crossing work) was highest in {top} ({top_value}) and lowest in "
        "{bottom} ({bottom_value}) in {wave}.",
    },
}

#: A change smaller than this (in share points) with overlapping margins is called "hardly changed".
FLAT = 0.05


#: Measures of :func:`compare_wijken` shown as percentages, and the decimals of the others (0 when not listed).
PERCENT_MEASURES = frozenset({"cross_domain_share", "reciprocity", "largest_component_share"})
MEASURE_DECIMALS = {"ei_index": 2, "ei_minus_expected": 2, "mean_degree": 1, "density": 3}


def measure_text(measure: str, value, lang: str | None = None) -> str:
    """A value of :func:`compare_wijken` as text: shares as percentages, others with their decimals.

    Negative values get a true minus sign (U+2212); a value that rounds to
    zero never shows a sign ("0,00", not "-0,00"). Missing values are "–".

    Examples
    --------
    >>> measure_text("cross_domain_share", 0.256, "nl"), measure_text("ei_index", -0.304, "nl")
    ('26%', '−0,30')
    >>> measure_text("ei_index", -0.001, "en"), measure_text("actors", float("nan"))
    ('0.00', '–')
    """
    if fmt.is_missing(value):
        return fmt.MISSING
    if measure in PERCENT_MEASURES:
        return fmt.percent(value, 0, lang)
    shown = fmt.number(value, MEASURE_DECIMALS.get(measure, 0), lang)
    if shown.startswith("-") and not shown.strip("-0,."):  # -0,00
        shown = shown[1:]
    return shown.replace("-", "\u2212")


def mixing_is_empty(mixing: pd.DataFrame) -> bool:
    """Whether a :func:`mixing_by_wijk` table shows nothing: no rows, or no ties and no blanked cell.

    Examples
    --------
    >>> mixing_is_empty(pd.DataFrame({"ties": [0, None], "suppressed": [False, False]}))
    True
    >>> mixing_is_empty(pd.DataFrame({"ties": [0, None], "suppressed": [False, True]}))
    False
    """
    if mixing.empty:
        return True
    return bool(mixing["ties"].fillna(0).sum() == 0 and not mixing["suppressed"].any())


def measure_over_waves(table: pd.DataFrame, measure: str, waves: Sequence[str]) -> pd.DataFrame:
    """The rows of one measure of :func:`compare_wijken` in the given waves (table order, fresh index).

    Examples
    --------
    >>> t = pd.DataFrame({"wijk": ["A", "A", "A"], "wave": ["1", "2", "2"], "measure": ["density", "density", "ties"]})
    >>> measure_over_waves(t, "density", ["2"]).to_dict("list")
    {'wijk': ['A'], 'wave': ['2'], 'measure': ['density']}
    """
    keep = (table["measure"] == measure) & table["wave"].isin(list(waves))
    return table[keep].reset_index(drop=True)


def last_values(rows: pd.DataFrame, column: str = "value") -> dict[str, float]:
    """``{wijk: value}`` of each wijk's last row with a known ``column`` (rows in wave order).

    Examples
    --------
    >>> t = pd.DataFrame({"wijk": ["A", "A", "B"], "value": [1.0, float("nan"), 3.0]})
    >>> last_values(t)
    {'A': 1.0, 'B': 3.0}
    """
    known = rows.dropna(subset=[column])
    last = known.groupby("wijk", sort=False).tail(1)
    return {str(w): float(v) for w, v in zip(last["wijk"], last[column])}


def wave_measures(table: pd.DataFrame, wave: str) -> pd.DataFrame:
    """The rows of :func:`compare_wijken` in one wave, indexed by ``(wijk, measure)``.

    Examples
    --------
    >>> t = pd.DataFrame({"wijk": ["A", "A"], "wave": ["1", "2"], "measure": ["ties"] * 2, "value": [1, 2]})
    >>> int(wave_measures(t, "2").loc[("A", "ties"), "value"])
    2
    """
    return table[table["wave"] == wave].set_index(["wijk", "measure"])


def _t(key: str, lang: str, **values) -> str:
    return text(TEXTS, key, lang, **values)


def _pct(value: float, lang: str) -> str:
    return fmt.number(100 * float(value), 0, lang) + "%"


def _names(names: Iterable[str], lang: str) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {_t('and', lang)} " + names[-1]


def intervals_overlap(a_low: float, a_high: float, b_low: float, b_high: float) -> bool | None:
    """Whether two intervals share a point; ``None`` when either is unknown (NaN)."""
    values = (a_low, a_high, b_low, b_high)
    if any(v is None or not np.isfinite(float(v)) for v in values):
        return None
    return bool(a_low <= b_high and b_low <= a_high)


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


def _share_sentences(table: pd.DataFrame, lang: str) -> list[str]:
    measure = "cross_domain_share"
    data = table[table["measure"] == measure].dropna(subset=["value"])
    if data.empty:
        return []
    waves = list(dict.fromkeys(data["wave"]))
    wijk_order = list(dict.fromkeys(data["wijk"]))
    label = _t("share", lang)
    lines = []

    # The latest wave: largest and smallest share.
    last = data[data["wave"] == waves[-1]].set_index("wijk")
    if len(last) >= 2:
        top = last["value"].idxmax()
        bottom = last["value"].idxmin()
        if last.loc[top, "value"] > last.loc[bottom, "value"]:
            line = _t(
                "rank",
                lang,
                wave=waves[-1],
                top=top,
                bottom=bottom,
                top_value=_pct(last.loc[top, "value"], lang),
                bottom_value=_pct(last.loc[bottom, "value"], lang),
            )
            if intervals_overlap(
                *last.loc[top, ["ci_low", "ci_high"]], *last.loc[bottom, ["ci_low", "ci_high"]]
            ):
                line += " " + _t("rank_overlap", lang)
            lines.append(line)

    # Change from the first to the last wave of each wijk.
    if len(waves) < 2:
        return lines
    w0, w1 = waves[0], waves[-1]
    first = data[data["wave"] == w0].set_index("wijk")
    final = data[data["wave"] == w1].set_index("wijk")
    both = [w for w in wijk_order if w in first.index and w in final.index]
    if not both:
        return lines
    # Plain Python values (an overlap is True, False or None: unknown).
    a = {w: float(first.loc[w, "value"]) for w in both}
    b = {w: float(final.loc[w, "value"]) for w in both}
    diff = {w: b[w] - a[w] for w in both}
    overlap = {
        w: intervals_overlap(
            *first.loc[w, ["ci_low", "ci_high"]], *final.loc[w, ["ci_low", "ci_high"]]
        )
        for w in both
    }
    values = {"w0": w0, "w1": w1, "measure": label, "Measure": _capital(label)}
    best = max(both, key=lambda w: diff[w])  # the first wijk in table order among equals
    if diff[best] <= 0:
        lines.append(_t("rise_none", lang, **values))
    else:
        key = (
            "rise_clear"
            if overlap[best] is False
            else "rise_overlap"
            if overlap[best]
            else "rise_plain"
        )
        lines.append(
            _t(key, lang, wijk=best, a=_pct(a[best], lang), b=_pct(b[best], lang), **values)
        )
    known = [w for w in both if overlap[w] is not None]
    if known:
        rises = [w for w in known if overlap[w] is False and diff[w] > 0]
        falls = [w for w in known if overlap[w] is False and diff[w] < 0]
        if rises:
            lines.append(
                _t("clear_rises", lang, k=len(rises), n=len(known), names=_names(rises, lang))
            )
        elif len(known) == len(both):
            lines.append(_t("clear_rises_none", lang, w0=w0, w1=w1))
        if falls:
            lines.append(_t("clear_falls", lang, names=_names(falls, lang)))
    if len(both) >= 3:
        least = min(both, key=lambda w: abs(diff[w]))
        if least != best:
            flat = abs(diff[least]) < FLAT and overlap[least] is not False
            lines.append(
                _t(
                    "least_flat" if flat else "least",
                    lang,
                    wijk=least,
                    a=_pct(a[least], lang),
                    b=_pct(b[least], lang),
                )
            )
    return lines


def _mixing_sentences(table: pd.DataFrame, lang: str) -> list[str]:
    data = table[table["measure"] == "ei_minus_expected"].dropna(subset=["value"])
    if data.empty:
        return []
    wave = list(dict.fromkeys(data["wave"]))[-1]
    last = data[data["wave"] == wave]
    known = last.dropna(subset=["ci_low", "ci_high"])
    if known.empty:
        return []
    above = list(known.loc[known["ci_low"] > 0, "wijk"])
    below = list(known.loc[known["ci_high"] < 0, "wijk"])
    lines = []
    if above:
        lines.append(_t("mixing_above", lang, wave=wave, names=_names(above, lang)))
    if below:
        if len(below) == len(known) and len(known) > 1:
            lines.append(_t("mixing_below_all", lang, wave=wave, n=len(known)))
        else:
            lines.append(
                _t(
                    "mixing_below",
                    lang,
                    wave=wave,
                    k=len(below),
                    n=len(known),
                    names=": " + _names(below, lang),
                )
            )
    return lines


def _change_sentences(change: pd.DataFrame, lang: str) -> list[str]:
    if change is None or change.empty:
        return []
    new_col = "new_cross_domain_all" if "new_cross_domain_all" in change else "new_cross_domain"
    lost_col = "lost_cross_domain_all" if "lost_cross_domain_all" in change else "lost_cross_domain"
    pairs = list(dict.fromkeys(zip(change["wave_from"], change["wave_to"])))
    w0, w1 = pairs[-1]
    last = change[(change["wave_from"] == w0) & (change["wave_to"] == w1)].reset_index(drop=True)
    if (
        last[[new_col, lost_col]].isna().any().any()
    ):  # a count left blank for a leernetwerk: no "most" to name
        return []
    if last.empty or last[new_col].max() <= 0:
        return []
    top = int(last[new_col].to_numpy().argmax())
    row = last.iloc[top]
    return [
        _t(
            "new_cross",
            lang,
            w0=w0,
            w1=w1,
            wijk=row["wijk"],
            new=fmt.number(row[new_col], 0, lang),
            lost=fmt.number(row[lost_col], 0, lang),
        )
    ]


def _kpi_sentences(kpi: pd.DataFrame, lang: str) -> list[str]:
    if kpi is None or kpi.empty:
        return []
    data = kpi
    if "pooled" in data:
        data = data[~data["pooled"].astype(bool)]
    data = data.dropna(subset=["share"])
    if data.empty:
        return []
    wave = list(dict.fromkeys(data["wave"]))[-1]
    last = data[data["wave"] == wave].reset_index(drop=True)
    if "band_min" in last and last["band_min"].notna().all():
        below = list(last.loc[last["share"] < last["band_min"], "wijk"])
        k = len(last) - len(below)
        tail = _t("kpi_below", lang, names=_names(below, lang)) if below else ""
        return [_t("kpi_band", lang, wave=wave, k=k, n=len(last), below=tail)]
    if len(last) < 2:
        return []
    top, bottom = int(last["share"].to_numpy().argmax()), int(last["share"].to_numpy().argmin())
    return [
        _t(
            "kpi_range",
            lang,
            wave=wave,
            top=last.loc[top, "wijk"],
            bottom=last.loc[bottom, "wijk"],
            top_value=_pct(last.loc[top, "share"], lang),
            bottom_value=_pct(last.loc[bottom, "share"], lang),
        )
    ]


def summarise_differences(
    table: pd.DataFrame,
    change: pd.DataFrame | None = None,
    kpi: pd.DataFrame | None = None,
    lang: str = "nl",
) -> list[str]:
    """The largest differences between wijken and changes over the waves, in a few plain sentences.

    Facts only: the sentences state measured values and whether their
    uncertainty margins overlap; they give no explanation or advice.

    Parameters
    ----------
    table : pandas.DataFrame
        The result of :func:`compare_wijken` (rows in wave order; at least
        the measures ``cross_domain_share`` and ``ei_minus_expected``).
    change : pandas.DataFrame, optional
        :func:`wijknet.analysis.change.change_table` (or ``analyse(...).change``): adds
        which wijk gained the most new domain-crossing ties between the last
        two waves compared.
    kpi : pandas.DataFrame, optional
        :func:`wijknet.analysis.kpi.kpi3`: adds how many wijken were within or above
        the KPI 3 band in the latest wave with answers (pooled rows ignored).
    lang : {"nl", "en"}, default "nl"
        Dutch (number format ``1.234,5``) or English.

    Returns
    -------
    list of str
        In this order, each only when the data allow it:

        1. the wijken with the largest and smallest share of domain-crossing
           ties in the latest wave, and whether their intervals overlap;
        2. the largest rise in that share from the first to the latest wave,
           called a rise only when the two intervals do not overlap ("clear");
           with overlapping intervals the sentence says the rise is not
           certain;
        3. how many wijken rose (or fell) clearly, and which;
        4. the wijk whose share changed least (with three or more wijken);
           "hardly" when the change is below 5 percentage points and the
           intervals overlap;
        5. the wijken whose E-I index lies clearly (interval excluding 0)
           above or below its expected value under random relabelling;
        6. with ``change``: the wijk with the most new domain-crossing ties;
        7. with ``kpi``: KPI 3 against its band.

    Notes
    -----
    "Clear" is the conservative rule of non-overlapping 95% intervals
    (Schenker & Gentleman 2001): two intervals that do not overlap imply a
    difference at (well below) the 5% level, while overlapping intervals may
    still hide a real difference. The summary therefore never calls a
    difference with overlapping intervals a rise, and never says that two
    wijken are equal. Without intervals (NaN) nothing is said about
    certainty. Ties in a ranking are broken by the order of the table.

    References
    ----------
    Schenker, N., & Gentleman, J. F. (2001). On judging the significance of
    differences by examining the overlap between confidence intervals. *The
    American Statistician*, 55(3), 182-186.
    """
    if lang not in ("nl", "en"):
        raise ValueError(f"lang must be 'nl' or 'en', not {lang!r}")
    missing = set(COMPARE_COLUMNS) - set(table.columns)
    if missing:
        raise ValueError(f"table lacks the columns {sorted(missing)}")
    return [
        *_share_sentences(table, lang),
        *_mixing_sentences(table, lang),
        *_change_sentences(change, lang),
        *_kpi_sentences(kpi, lang),
    ]


def compare_onderstroom(project: Project, wave: str, *, seed: int = 0) -> pd.DataFrame:
    """Intensity and trust of every wijk in one wave, next to the structure (the onderstroom, issue 14).

    One row per wijk with ratings: ``wijk, ties_rated,
    share_coordination_plus`` (share of rated ties at PARTNER level 3-4),
    ``trust_mean, trust_ci_low, trust_ci_high, value_mean, value_ci_low,
    value_ci_high`` (PARTNER scores 1-4, rater-bootstrap intervals), the
    network rows of :func:`wijknet.analysis.onderstroom.tie_quality`, so the
    audience rules (at least three raters; a leernetwerk's counts protected)
    hold. Empty without ratings.

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "wijk": "W", "domain": "zorg"})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["a"], "target": ["b"]})
    >>> compare_onderstroom(Project.from_frames(actors, ties), "1").empty
    True
    """
    from wijknet.analysis.onderstroom import programme_onderstroom

    table = programme_onderstroom(project, seed=seed)
    return table[table["wave"] == wave].drop(columns="wave").reset_index(drop=True)
