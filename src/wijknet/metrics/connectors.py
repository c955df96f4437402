"""Connectors (verbinders): the one definition used by the app, the reports and the comparison of wijken.

A *connector* is an actor who links people who are not linked themselves,
measured by the Gould & Fernandez (1989) brokerage roles. Every part of
wijknet that names connectors (the app's page *Verbinders*, the wijk report,
the personal feedback and :func:`wijknet.analysis.compare.compare_wijken`) calls
:func:`connectors`, so they always name the same actors.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.metrics.brokerage import ROLES, brokerage
from wijknet.metrics.centrality import betweenness

#: Share of actors (by rank of ``brokerage_total``) that count as connectors: the top decile.
CONNECTOR_SHARE = 0.1

CONNECTOR_COLUMNS = [
    "actor_id", "name", "rank", *ROLES, "betweenness", "betweenness_normalised", "pluswijkteam", "connector",
    "outside_team",
]  # fmt: skip


def connectors(
    G: nx.DiGraph | nx.Graph, attr: str = "domain", *, share: float = CONNECTOR_SHARE
) -> pd.DataFrame:
    r"""Rank every actor as a connector and flag the connectors of the network.

    **Ranking.** Actors are ordered by ``brokerage_total`` (descending), then
    ``betweenness`` (descending), then ``name`` (ascending; the node attribute
    ``name``, else the actor id) and numbered ``rank = 1, 2, ..., N``.
    ``brokerage_total`` of actor *v* is the number of open two-paths through
    *v* (all five Gould & Fernandez roles together, see
    :func:`wijknet.metrics.brokerage`):

    .. math::

        t_v = \#\{(i, k) : a_{iv} = 1,\; a_{vk} = 1,\; i \ne k,\; a_{ik} = 0\}

    and ``betweenness`` is the shortest-path betweenness
    :math:`b_v = \sum_{s \ne v \ne t} \sigma_{st}(v) / \sigma_{st}`
    (:func:`wijknet.metrics.betweenness`), which only breaks ties between
    equal brokerage counts.

    **The connector rule.** With ``N`` actors let ``k = max(1, ceil(share * N))``
    and ``t_(k)`` the ``k``-th largest ``brokerage_total``. An actor is a
    connector when

    .. math::

        t_v \ge t_{(k)} \quad\text{and}\quad t_v > 0,

    i.e. the top decile by brokerage (``share = 0.1``), every actor tied with
    the ``k``-th value included (so there can be more than ``k``), and never an
    actor who brokers nothing. Betweenness and name order the table but never
    decide the flag.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Directed: two-paths and shortest paths follow the direction of the
        ties. Undirected (symmetrised): every edge counts in both directions,
        so each brokered pair is counted twice (as ``sna::brokerage`` does)
        and betweenness runs over unordered pairs; the ranking is unchanged by
        this doubling. Weights are ignored (any tie counts 1).
        Nodes carry ``attr`` and, optionally, ``name`` and ``pluswijkteam``
        (bool; only ``True`` counts as a member).
    attr : str, default "domain"
        Grouping attribute of the brokerage roles.
    share : float, default 0.1
        Share of actors counted as connectors, in (0, 1].

    Returns
    -------
    pandas.DataFrame
        One row per actor, in rank order (columns :data:`CONNECTOR_COLUMNS`):
        ``actor_id``, ``name``, ``rank`` (1 = strongest connector), the five
        roles ``coordinator``, ``itinerant``, ``representative``,
        ``gatekeeper``, ``liaison`` and ``brokerage_total`` (int),
        ``betweenness``, ``betweenness_normalised`` (float),
        ``pluswijkteam``, ``connector`` and ``outside_team`` (a connector who
        is not in the PlusWIJkteam; bool).

    Raises
    ------
    ValueError
        If ``share`` is not in (0, 1], or an actor has no value for ``attr``.

    Notes
    -----
    A relative rule (the top decile) rather than a fixed count or a z-score
    threshold: it names about one actor in ten in every wijk whatever its
    size, and is the same rule in every wave, so wijken and waves can be
    compared. The counts equal ``sna::brokerage(g, cl)$raw.nli[, "t"]`` and the
    betweenness ``sna::betweenness(g, gmode="digraph")``.

    References
    ----------
    Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: a
    formal approach to brokerage in transaction networks. *Sociological
    Methodology*, 19, 89-126.
    Freeman, L. C. (1977). A set of measures of centrality based on
    betweenness. *Sociometry*, 40, 35-41.

    Examples
    --------
    A mutual pair a <-> b and a directed cycle b -> c -> d -> b; a and b
    work in zorg, c in welzijn, d in wonen:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "zorg", "c": "welzijn", "d": "wonen"}, "domain")
    >>> table = connectors(G)
    >>> table[["actor_id", "rank", "brokerage_total", "connector"]].to_dict("list")
    {'actor_id': ['b', 'c', 'd', 'a'], 'rank': [1, 2, 3, 4], 'brokerage_total': [3, 1, 1, 0], 'connector': [True, False, False, False]}

    With four actors ``ceil(CONNECTOR_SHARE * 4) = 1``: only the top broker.

    >>> CONNECTOR_SHARE
    0.1
    """
    if not 0 < share <= 1:
        raise ValueError(f"share must be in (0, 1], not {share}")
    nodes = list(G)
    if not nodes:
        types = {"actor_id": object, "name": object, "rank": int, **dict.fromkeys(ROLES, int),
                 "betweenness": float, "betweenness_normalised": float, "pluswijkteam": bool, "connector": bool,
                 "outside_team": bool}  # fmt: skip
        return pd.DataFrame({c: pd.Series(dtype=types[c]) for c in CONNECTOR_COLUMNS})
    info = pd.DataFrame({
        "actor_id": pd.Series(nodes, dtype=object),
        "name": [str(G.nodes[v].get("name") or v) for v in nodes],
        "pluswijkteam": [G.nodes[v].get("pluswijkteam") is True for v in nodes],
    })  # fmt: skip
    table = info.merge(brokerage(G, attr), on="actor_id", validate="one_to_one").merge(
        betweenness(G), on="actor_id", validate="one_to_one"
    )
    table = table.sort_values(
        ["brokerage_total", "betweenness", "name", "actor_id"],
        ascending=[False, False, True, True],
        kind="mergesort",
    ).reset_index(drop=True)
    table["rank"] = np.arange(1, len(table) + 1)
    total = table["brokerage_total"].to_numpy()
    k = max(1, math.ceil(share * len(table)))
    threshold = total[k - 1]  # the table is sorted by brokerage_total, descending
    table["connector"] = (total >= threshold) & (total > 0)
    table["outside_team"] = table["connector"] & ~table["pluswijkteam"]
    return table[CONNECTOR_COLUMNS]
