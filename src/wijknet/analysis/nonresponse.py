"""Non-response in network surveys: response rates and four treatments.

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
``"impute_reciprocity"``
    Reconstruction, then every *dyad* of two non-respondents is drawn as a
    whole so that it keeps both the observed density ``p`` and the observed
    (edgewise) reciprocity ``q`` of the respondents: mutual with probability
    ``p q``, each one-way arc with probability ``p (1 - q)``, empty
    otherwise (see :func:`treat_nonresponse`). With ``q = p`` (no tendency
    to reciprocate) this is the same distribution as ``"impute"``.

Every treated graph marks its nodes with ``responded`` (bool) and its
added arcs with ``imputed`` (``"transpose"``, ``"density"`` or
``"reciprocity"``); ``G.graph["nonresponse"]`` names the method.
:func:`treated_graph` and :func:`treated_graphs` build the treated graph of
one or every wijk and wave of a project; :func:`nonresponse_metrics` gives
the network measures of every wijk and wave under each treatment, side by
side.

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
    from wijknet.project import Project

METHODS = ("none", "drop", "reconstruct", "impute", "impute_reciprocity")
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


#: Below this response rate the measures of a wave rest on too few respondents to read without care.
LOW_RESPONSE_RATE = 0.8


def is_low_response(rate) -> bool:
    """Whether a response rate is below :data:`LOW_RESPONSE_RATE` (False when it is missing).

    Examples
    --------
    >>> is_low_response(0.75), is_low_response(0.9), is_low_response(float("nan"))
    (True, False, False)
    """
    return rate is not None and not pd.isna(rate) and float(rate) < LOW_RESPONSE_RATE


def treatments_visible(project: Project) -> bool:
    """Whether the viewer may compare the treatments of non-response (:func:`compare_treatments`).

    Only with survey responses, and not for an audience that sees group
    figures only: counts of respondents per wijk are counts of people, and the
    treatments are a researcher's comparison of methods.
    """
    from wijknet.privacy.suppression import is_aggregate_only

    return bool(project.has_responses) and not is_aggregate_only(project)


def map_respondents(project: Project, wijk: str, wave: str) -> set[str] | None:
    """The respondents to mark on the map of a wijk and wave, or None when the map marks none.

    The map marks non-respondents only where the project has survey
    responses and the viewer sees single actors (never for an audience that
    sees group figures only, :func:`wijknet.privacy.suppression.is_aggregate_only`).
    """
    from wijknet.privacy.suppression import is_aggregate_only

    if not project.has_responses or is_aggregate_only(project):
        return None
    return respondents(project, wijk, wave)[0]


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
            groups = [
                (d, responded[present["domain"] == d])
                for d in project.taxonomy.order(present["domain"].unique())
            ]
            for domain, flags in [*groups, (TOTAL, responded)]:
                n, k = len(flags), int(flags.sum())
                rows.append(
                    {
                        "wijk": wijk,
                        "wave": wave,
                        "domain": domain,
                        "present": n,
                        "respondents": k,
                        "rate": k / n if n else float("nan"),
                        "basis": basis,
                    }
                )
    columns = ["wijk", "wave", "domain", "present", "respondents", "rate", "basis"]
    return pd.DataFrame(rows, columns=columns)


def observed_density(G: nx.DiGraph, respondents: Iterable[str]) -> float:
    r"""Arcs in the respondents' rows over the ordered pairs in those rows (NaN without any).

    .. math::

        p = \frac{\sum_{i \in R} \sum_{j \ne i} a_{ij}}{r (N - 1)}

    for the ``r`` respondents ``R`` among ``N`` actors: only the rows of
    respondents are observed. Binary (weights ignored), directed.
    Reference: Huisman (2009), random imputation with the observed density.
    """
    respondents = set(respondents)
    n = G.number_of_nodes()
    rows = [v for v in G.nodes if v in respondents]
    pairs = len(rows) * (n - 1)
    if pairs == 0:
        return float("nan")
    return sum(G.out_degree(v) for v in rows) / pairs


def observed_reciprocity(G: nx.DiGraph, respondents: Iterable[str]) -> float:
    r"""Edgewise reciprocity among respondents: the share of their arcs to each other that are returned.

    .. math::

        q = \frac{\sum_{i \ne j \in R} a_{ij} a_{ji}}{\sum_{i \ne j \in R} a_{ij}}

    Only dyads of two respondents are observed in both directions, so only
    they tell whether ties are returned. Binary, directed; NaN when the
    respondents name no one among themselves. The edgewise measure of
    ``sna::grecip(measure="edgewise")`` on the respondents' subgraph.
    """
    respondents = set(respondents)
    arcs = [(u, v) for u, v in G.edges if u in respondents and v in respondents and u != v]
    if not arcs:
        return float("nan")
    return sum(1 for u, v in arcs if G.has_edge(v, u)) / len(arcs)


def treat_nonresponse(
    G: nx.DiGraph, respondents: Iterable[str], method: str = "none", seed=0
) -> nx.DiGraph:
    """A copy of ``G`` with non-response treated by ``method``.

    Let ``R`` be the respondents, ``M`` the other actors (non-respondents)
    and ``a_ij`` the arc from ``i`` to ``j``. Only the rows ``i in R`` are
    observed.

    - ``"none"``: ``G`` as given.
    - ``"drop"``: the subgraph of ``R``.
    - ``"reconstruct"``: for ``i in M``, ``j in R``: ``a_ij := a_ji`` (with
      ``j``'s weight and tie type); ``a_ij := 0`` for ``i, j in M``
      (Stork & Richards 1992; Huisman 2009, reconstruction).
    - ``"impute"``: reconstruction, then for every ordered pair ``i != j``
      in ``M`` independently ``a_ij ~ Bernoulli(p)`` with ``p`` the
      :func:`observed_density` (Huisman 2009, random imputation).
    - ``"impute_reciprocity"``: reconstruction, then every unordered pair
      ``{i, j}`` in ``M`` (``i < j`` in sorted order) is drawn as a dyad that
      keeps the observed density ``p`` and the :func:`observed_reciprocity`
      ``q``: first ``a_ij ~ Bernoulli(p)``; then
      ``a_ji ~ Bernoulli(q)`` if ``a_ij = 1`` and
      ``a_ji ~ Bernoulli(min(1, p (1 - q) / (1 - p)))`` if ``a_ij = 0``. So
      ``P(mutual) = p q``, ``P(i -> j only) = P(j -> i only) = p (1 - q)``,
      each direction has probability ``p`` and the imputed arcs have
      expected edgewise reciprocity ``q`` (exactly, unless the cap at 1
      binds, which needs ``p (2 - q) > 1``). Without arcs among
      respondents ``q`` is unknown and taken as ``p`` (independent arcs, the
      same distribution as ``"impute"``). This is the reciprocity-based
      version of Huisman's (2009) imputation after reconstruction:
      reconstruction already assumes that respondents' ties are returned;
      the dyads nobody reported on get reciprocity at the observed rate
      instead of by chance.

    Parameters
    ----------
    G : networkx.DiGraph
        The observed graph (e.g. :func:`wijknet.graph.build.build_graph`), before
        any symmetrising. Weights are copied, never used for the decisions.
    respondents : iterable of str
        The actors who responded; nodes not in it are non-respondents.
    method : {"none", "drop", "reconstruct", "impute", "impute_reciprocity"}
        See above and the module documentation.
    seed : int or numpy.random.Generator, default 0
        For the imputations: ``numpy.random.default_rng(seed)``; the same
        seed gives the same graph. Pairs are drawn in sorted node order.

    Returns
    -------
    networkx.DiGraph
        Nodes carry ``responded`` (bool); arcs added by the treatment carry
        ``imputed`` (``"transpose"``, ``"density"`` or ``"reciprocity"``);
        imputed arcs get the median observed weight and empty ``tie_type``
        and ``evidence``; ``graph["nonresponse"]`` holds the method.

    References
    ----------
    Huisman, M. (2009). Imputation of missing network data: some simple
    procedures. *Journal of Social Structure*, 10(1), 1-29.
    Stork, D., & Richards, W. D. (1992). Nonrespondents in communication
    network studies: problems and possibilities. *Group & Organization
    Management*, 17(2), 193-209.
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
    # Imputation of the dyads between two non-respondents.
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    order = sorted(missing)
    if len(order) < 2 or not density > 0:
        return H
    weights = [d.get("weight", 1.0) for _, _, d in G.edges(data=True)]
    weight = float(np.median(weights)) if weights else 1.0
    if method == "impute":
        pairs = [(u, v) for u in order for v in order if u != v]
        hits = rng.random(len(pairs)) < density
        label = "density"
    else:
        reciprocity = observed_reciprocity(G, responded)
        q = density if np.isnan(reciprocity) else reciprocity
        back_without = min(1.0, density * (1 - q) / (1 - density)) if density < 1 else 1.0
        dyads = [(u, v) for i, u in enumerate(order) for v in order[i + 1 :]]
        first, second = rng.random((2, len(dyads)))
        forward = first < density
        backward = np.where(forward, second < q, second < back_without)
        pairs = [(u, v) for u, v in dyads] + [(v, u) for u, v in dyads]
        hits = np.concatenate([forward, backward])
        label = "reciprocity"
    H.add_edges_from(
        (u, v, {"weight": weight, "tie_type": "", "evidence": "", "imputed": label})
        for (u, v), hit in zip(pairs, hits)
        if hit
    )
    return H


def treated_graph(
    project: Project,
    wijk: str,
    wave: str,
    method: str = "none",
    *,
    seed=0,
    tie_types: Iterable[str] | None = None,
    min_weight: float | None = None,
    symmetrise: str | None = None,
    weight: str = "weight",
    min_level: int | None = None,
) -> nx.DiGraph | nx.Graph:
    """The graph of one wijk and wave with non-response treated by ``method``.

    The directed graph of :func:`wijknet.graph.build.build_graph` (with
    ``tie_types`` and ``min_weight``), treated by :func:`treat_nonresponse`
    with the :func:`respondents` of that wijk and wave, and only then
    symmetrised by :func:`wijknet.graph.build.symmetrise_graph` when
    ``symmetrise`` is ``"union"`` or ``"reciprocated"`` (a treatment needs
    the direction of the ties). ``method="none"`` gives exactly
    ``build_graph(...)`` plus the ``responded`` flags.

    Parameters
    ----------
    project : Project
    wijk, wave : str
    method : str, default "none"
        One of :data:`METHODS`.
    seed : int, default 0
        Seed of the imputations (:func:`treat_nonresponse`).
    tie_types, min_weight, symmetrise, weight, min_level
        As :func:`wijknet.graph.build.build_graph`.

    Returns
    -------
    networkx.DiGraph or networkx.Graph
        ``G.graph`` has ``wijk``, ``wave``, ``symmetrise`` and ``nonresponse``.
    """
    from wijknet.graph.build import build_graph, symmetrise_graph

    G = build_graph(
        project, wijk, wave, tie_types=tie_types, min_weight=min_weight, weight=weight,
        min_level=min_level,
    )  # fmt: skip
    ids, _ = respondents(project, wijk, wave)
    H = treat_nonresponse(G, ids, method, seed=seed)
    return H if symmetrise is None else symmetrise_graph(H, symmetrise)


def treated_graphs(project: Project, method: str = "none", *, seed=0, **graph_options) -> dict:
    """:func:`treated_graph` of every wijk and wave, keyed by ``(wijk, wave)`` in project order.

    Every graph is treated with the same ``seed``, so the graph of one wijk
    and wave does not depend on which others are treated. ``graph_options``
    are ``tie_types``, ``min_weight`` and ``symmetrise``.
    """
    return {
        (w, v): treated_graph(project, w, v, method, seed=seed, **graph_options)
        for w in project.wijken
        for v in project.waves
    }


def nonresponse_metrics(
    project: Project,
    methods: Iterable[str] = METHODS,
    *,
    wijken: Iterable[str] | None = None,
    waves: Iterable[str] | None = None,
    n_permutations: int = 1000,
    seed=0,
    **graph_options,
) -> pd.DataFrame:
    """Whole-network measures of every wijk and wave without and with each treatment of non-response.

    Parameters
    ----------
    project : Project
    methods : iterable of str, default :data:`METHODS`
        Treatments to compare (``"none"`` is the untreated graph).
    wijken, waves : iterable of str, optional
        Default: all, in project order.
    n_permutations : int, default 1000
        Permutations of the E-I test (:func:`wijknet.metrics.network_metrics`).
    seed : int, default 0
        Seed of the imputations and of the permutation tests, the same for
        every graph.
    **graph_options
        ``tie_types``, ``min_weight``, ``symmetrise`` (see :func:`treated_graph`).

    Returns
    -------
    pandas.DataFrame
        Tidy, one row per wijk, wave and method (in that order): ``wijk``,
        ``wave``, ``method``, ``respondents`` (present actors who responded),
        ``response_rate`` (``respondents`` / present actors, NaN without
        actors) and the columns of :func:`wijknet.metrics.network_metrics`
        computed on the treated graph (so ``actors`` is the number of
        respondents after ``"drop"``).
    """
    from wijknet.metrics import network_metrics

    rows = []
    for wijk in project.wijken if wijken is None else wijken:
        for wave in project.waves if waves is None else waves:
            ids, _ = respondents(project, wijk, wave)
            n = len(project.present(wijk, wave))
            k = len(ids)
            for method in methods:
                H = treated_graph(project, wijk, wave, method, seed=seed, **graph_options)
                row = network_metrics(H, attr="domain", n_permutations=n_permutations, seed=seed)
                row.insert(0, "response_rate", k / n if n else float("nan"))
                row.insert(0, "respondents", k)
                row.insert(0, "method", method)
                row.insert(0, "wave", wave)
                row.insert(0, "wijk", wijk)
                rows.append(row)
    if not rows:
        return pd.DataFrame(columns=["wijk", "wave", "method", "respondents", "response_rate"])
    return pd.concat(rows, ignore_index=True)


def compare_treatments(
    project: Project,
    wijk: str,
    wave: str,
    methods: Iterable[str] = METHODS,
    *,
    tie_types: Iterable[str] | None = None,
    min_weight: float | None = None,
    n_permutations: int = 1000,
    seed=0,
) -> pd.DataFrame:
    """Whole-network measures of one wijk and wave under each treatment, side by side.

    The rows of :func:`nonresponse_metrics` for one wijk and wave, without
    the ``wijk`` and ``wave`` columns.

    Returns
    -------
    pandas.DataFrame
        One row per method: ``method``, ``respondents``, ``response_rate``
        and the columns of :func:`wijknet.metrics.network_metrics`. The
        respondents come from :func:`respondents`; the graph from
        :func:`treated_graph` with ``tie_types`` and ``min_weight``.
    """
    table = nonresponse_metrics(
        project,
        methods,
        wijken=[wijk],
        waves=[wave],
        n_permutations=n_permutations,
        seed=seed,
        tie_types=tie_types,
        min_weight=min_weight,
    )
    return table.drop(columns=["wijk", "wave"])
