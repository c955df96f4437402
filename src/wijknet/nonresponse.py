"""Non-response in network surveys: response rates and three treatments.

In a network survey an actor who does not respond leaves its whole row of
the adjacency matrix missing: we do not know whom it would have named.
Treating the missing row as "no ties" (``method="none"``) makes
non-respondents look like peripheral actors and lowers density and
reciprocity. This module offers the usual alternatives (Stork & Richards
1992; Huisman 2009) so results can be shown with and without a treatment:

``"none"``
    The graph as observed (non-respondents only have the ties others
    reported to them, plus any arcs from other sources).
``"drop"``
    Remove non-respondents and all their ties: the network of respondents.
``"reconstruct"``
    Keep the respondents' rows. A non-respondent's row is replaced by the
    transpose: the arc ``i -> j`` from non-respondent ``i`` to respondent
    ``j`` is set exactly when ``j`` reported ``j -> i`` (the respondent's
    report is used for both directions). Arcs between two non-respondents
    stay unknown, i.e. absent.
``"impute"``
    Reconstruction, then every ordered pair of two non-respondents gets an
    arc by an independent Bernoulli draw (``numpy.random.default_rng(seed)``,
    pairs in sorted node order) with probability equal to the *observed
    density*: the arcs in the respondents' rows divided by the number of
    ordered pairs in those rows (``r (N - 1)`` for ``r`` respondents among
    ``N`` actors). This is Huisman's (2009) random imputation with the
    observed density, applied after reconstruction (as UCINET does);
    respondents' rows and respondent/non-respondent dyads are never touched.

Every treated graph marks its nodes with ``responded`` (bool) and its
added arcs with ``imputed`` (``"transpose"`` or ``"density"``);
``G.graph["nonresponse"]`` names the method.

References
----------
Huisman, M. (2009). Imputation of missing network data: some simple
procedures. *Journal of Social Structure*, 10(1), 1-29.
Stork, D., & Richards, W. D. (1992). Nonrespondents in communication
network studies: problems and possibilities. *Group & Organization
Management*, 17(2), 193-209.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from .project import Project

METHODS = ("none", "drop", "reconstruct", "impute")
TOTAL = "all"  # the ``domain`` of the total rows of :func:`response_rates`
BASIS_RESPONSES = "responses"
BASIS_TIES = "outgoing ties"


def respondents(project: Project, wijk: str, wave: str) -> tuple[set[str], str]:
    """The respondents of one wijk and wave, and the basis of that judgement.

    With a ``responses`` table: the actors present in that wave with a row in
    it (basis ``"responses"``). Without one: every present actor with at
    least one outgoing tie in that wave, before any tie filter (basis
    ``"outgoing ties"``), since in a survey only respondents report ties.
    """
    present = set(project.present(wijk, wave)["actor_id"].astype(str))
    if project.has_responses:
        r = project.responses
        ids = r[(r["wijk"] == wijk) & (r["wave"] == wave)]["actor_id"].astype(str)
        return set(ids) & present, BASIS_RESPONSES
    t = project.ties
    ids = t[(t["wijk"] == wijk) & (t["wave"] == wave)]["source"].astype(str)
    return set(ids) & present, BASIS_TIES


def response_rates(project: Project) -> pd.DataFrame:
    """Response rates per wijk, wave and domain, with a total row per wijk and wave.

    Returns
    -------
    pandas.DataFrame
        Columns ``wijk``, ``wave``, ``domain`` (``"all"`` for the total),
        ``present`` (actors taking part in the wave), ``respondents``,
        ``rate`` (``respondents / present``, NaN without actors) and
        ``basis`` (``"responses"`` or ``"outgoing ties"``, see
        :func:`respondents`). Wijken and waves in project order, domains in
        taxonomy order.
    """
    rows = []
    for wijk in project.wijken:
        for wave in project.waves:
            present = project.present(wijk, wave)
            ids, basis = respondents(project, wijk, wave)
            responded = present["actor_id"].astype(str).isin(ids)
            groups = [(d, responded[present["domain"] == d]) for d in project.taxonomy.order(present["domain"].unique())]
            for domain, flags in [*groups, (TOTAL, responded)]:
                n, k = len(flags), int(flags.sum())
                rows.append({"wijk": wijk, "wave": wave, "domain": domain, "present": n, "respondents": k,
                             "rate": k / n if n else float("nan"), "basis": basis})
    columns = ["wijk", "wave", "domain", "present", "respondents", "rate", "basis"]
    return pd.DataFrame(rows, columns=columns)


def observed_density(G: nx.DiGraph, respondents: Iterable[str]) -> float:
    """Arcs in the respondents' rows over the ordered pairs in those rows (NaN without any)."""
    n = G.number_of_nodes()
    rows = [v for v in G.nodes if v in set(respondents)]
    pairs = len(rows) * (n - 1)
    if pairs == 0:
        return float("nan")
    return sum(G.out_degree(v) for v in rows) / pairs


def treat_nonresponse(G: nx.DiGraph, respondents: Iterable[str], method: str = "none", seed=0) -> nx.DiGraph:
    """A copy of ``G`` with non-response treated by ``method``.

    Parameters
    ----------
    G : networkx.DiGraph
        The observed graph (e.g. :func:`wijknet.graph.build_graph`).
    respondents : iterable of str
        The actors who responded; nodes not in it are non-respondents.
    method : {"none", "drop", "reconstruct", "impute"}
        See the module documentation.
    seed : int or numpy.random.Generator, default 0
        For ``"impute"``: the same seed gives the same graph.

    Returns
    -------
    networkx.DiGraph
        Nodes carry ``responded`` (bool); arcs added by the treatment carry
        ``imputed`` (``"transpose"`` or ``"density"``); ``graph["nonresponse"]``
        holds the method.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if not G.is_directed():
        raise ValueError("treat_nonresponse needs a directed graph (before symmetrising)")
    responded = {str(v) for v in respondents}
    H = G.copy()
    H.graph["nonresponse"] = method
    for v in H.nodes:
        H.nodes[v]["responded"] = v in responded
    missing = [v for v in H.nodes if v not in responded]
    if method == "none":
        return H
    if method == "drop":
        H.remove_nodes_from(missing)
        return H
    # Reconstruction: a non-respondent's row is missing; replace it by the transpose.
    density = observed_density(G, responded)
    H.remove_edges_from([(u, v) for u, v in G.edges if u not in responded])
    for u in missing:
        for j in G.predecessors(u):
            if j in responded:
                H.add_edge(u, j, **{**G.edges[j, u], "imputed": "transpose"})
    if method == "reconstruct":
        return H
    # Imputation of the dyads between two non-respondents with the observed density.
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    pairs = [(u, v) for u in sorted(missing) for v in sorted(missing) if u != v]
    if not pairs or not density > 0:
        return H
    weights = [d.get("weight", 1.0) for _, _, d in G.edges(data=True)]
    weight = float(np.median(weights)) if weights else 1.0
    draws = rng.random(len(pairs)) < density
    H.add_edges_from((u, v, {"weight": weight, "tie_type": "", "evidence": "", "imputed": "density"})
                     for (u, v), hit in zip(pairs, draws) if hit)
    return H


def compare_treatments(project: Project, wijk: str, wave: str, methods: Iterable[str] = METHODS, *,
                       tie_types: Iterable[str] | None = None, min_weight: float | None = None,
                       n_permutations: int = 1000, seed=0) -> pd.DataFrame:
    """Whole-network measures of one wijk and wave under each treatment, side by side.

    Returns
    -------
    pandas.DataFrame
        One row per method: ``method``, ``respondents``, ``response_rate``
        and the columns of :func:`wijknet.metrics.network_metrics`. The
        respondents come from :func:`respondents`; the graph from
        :func:`wijknet.graph.build_graph` with ``tie_types`` and ``min_weight``.
    """
    from .metrics import network_metrics

    G = project.graph(wijk, wave, tie_types=tie_types, min_weight=min_weight)
    ids, _ = respondents(project, wijk, wave)
    n = G.number_of_nodes()
    k = len(ids & set(G.nodes))
    rows = []
    for method in methods:
        H = treat_nonresponse(G, ids, method, seed=seed)
        row = network_metrics(H, attr="domain", n_permutations=n_permutations, seed=seed)
        row.insert(0, "response_rate", k / n if n else float("nan"))
        row.insert(0, "respondents", k)
        row.insert(0, "method", method)
        rows.append(row)
    return pd.concat(rows, ignore_index=True)
