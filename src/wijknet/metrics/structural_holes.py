r"""Burt's structural holes: constraint and effective size per actor.

Both measures look at an actor's contacts regardless of tie direction. With
tie values :math:`a_{ij}` (1 per tie, or the weight), the mutual tie strength
is :math:`z_{ij} = a_{ij} + a_{ji}` in a directed graph (a reciprocated tie
counts twice) and :math:`z_{ij} = a_{ij}` in an undirected one. The contacts
:math:`N(i)` of *i* are the actors *j* with :math:`z_{ij} > 0`, so an actor
who only receives ties has the same contacts as one who sends them. From it:

* proportional strength :math:`p_{ij} = z_{ij} / \sum_k z_{ik}`;
* marginal strength :math:`m_{jq} = z_{jq} / \max_k z_{jk}`.

This is the whole-network model of networkx and igraph (not UCINET's
ego-network default). Isolates have no contacts: both measures are NaN.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd


def constraint(G: nx.DiGraph | nx.Graph, *, weight: str | None = None) -> pd.DataFrame:
    r"""Burt's constraint of every actor.

    .. math::

        c_i = \sum_{j \in N(i)} \Big( p_{ij} + \sum_{q \ne i, j} p_{iq}\, p_{qj} \Big)^2

    High constraint: the contacts are few and tied to each other (no
    structural holes); low constraint: many unconnected contacts.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Direction is ignored apart from reciprocated arcs weighing double
        (see the module docstring).
    weight : str or None, default None
        ``None``: binary, every tie counts 1. Otherwise the edge attribute
        used as tie strength (larger is stronger, non-negative; an edge
        without it counts 1, a weight of 0 is no contact).

    Returns
    -------
    pandas.DataFrame
        Columns ``actor_id`` and ``constraint`` (float), NaN for isolates.

    Notes
    -----
    Equals ``igraph::constraint`` (with ``weights=`` when ``weight`` is
    given) and ``networkx.constraint``. Reference: Burt, R. S. (1992).
    *Structural Holes: The Social Structure of Competition*. Harvard
    University Press, ch. 2.

    Examples
    --------
    A mutual pair a <-> b and a directed cycle b -> c -> d -> b; a and b
    work in zorg, c in welzijn, d in wonen:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "zorg", "c": "welzijn", "d": "wonen"}, "domain")
    >>> print(constraint(G).round(3).to_string(index=False))
    actor_id  constraint
           a       1.000
           b       0.531
           c       0.953
           d       0.953
    """
    nodes, Z = _mutual_strength(G, weight)
    P = _divide_rows(Z, Z.sum(axis=1))
    contacts = Z > 0
    # (P @ P)[i, j] is the indirect term: p_iq = 0 for q = i and p_qj = 0 for q = j
    values = np.where(contacts, (P + P @ P) ** 2, 0.0).sum(axis=1)
    values[~contacts.any(axis=1)] = np.nan
    return pd.DataFrame({"actor_id": nodes, "constraint": values})


def effective_size(G: nx.DiGraph | nx.Graph, *, weight: str | None = None) -> pd.DataFrame:
    r"""Burt's effective size and efficiency of every actor.

    .. math::

        e_i = \sum_{j \in N(i)} \Big( 1 - \sum_{q \ne i, j} p_{iq}\, m_{jq} \Big)

    the number of contacts minus their redundancy. For a binary undirected
    graph this reduces to Borgatti's :math:`e_i = n_i - 2 t_i / n_i`, with
    :math:`n_i` contacts and :math:`t_i` ties among them. Efficiency is
    :math:`e_i / n_i`.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Direction is ignored apart from reciprocated arcs weighing double
        (see the module docstring); in a binary directed graph a contact tied
        both ways therefore counts as a stronger contact.
    weight : str or None, default None
        ``None``: binary, every tie counts 1. Otherwise the edge attribute
        used as tie strength (larger is stronger, non-negative; an edge
        without it counts 1, a weight of 0 is no contact).

    Returns
    -------
    pandas.DataFrame
        Columns ``actor_id``, ``effective_size`` and ``efficiency`` (float),
        NaN for isolates.

    Notes
    -----
    Equals ``networkx.effective_size(G, nodes=list(G), weight=weight)``,
    except that networkx returns NaN for actors with only incoming ties (it
    looks at successors only), whereas here they have their senders as
    contacts, as in :func:`constraint`. Without ``nodes=`` networkx takes a
    vectorised path that is wrong on weighted or directed graphs. Computed as
    :math:`e_i = \sum_{j \in N(i)} (1 - (P M^T)_{ij})`. References: Burt, R.
    S. (1992). *Structural Holes*. Harvard University Press; Borgatti, S. P.
    (1997). Structural holes: unpacking Burt's redundancy measures.
    *Connections* 20(1), 35-38.

    Examples
    --------
    A mutual pair a <-> b and a directed cycle b -> c -> d -> b; a and b
    work in zorg, c in welzijn, d in wonen:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "zorg", "c": "welzijn", "d": "wonen"}, "domain")
    >>> print(effective_size(G).round(3).to_string(index=False))
    actor_id  effective_size  efficiency
           a            1.00       1.000
           b            2.50       0.833
           c            1.25       0.625
           d            1.25       0.625
    """
    nodes, Z = _mutual_strength(G, weight)
    P = _divide_rows(Z, Z.sum(axis=1))
    M = _divide_rows(Z, Z.max(axis=1, initial=0.0))
    contacts = Z > 0
    n_contacts = contacts.sum(axis=1).astype(float)
    # (P @ M.T)[i, j] = sum_q p_iq m_jq; q = i and q = j drop out because z_ii = z_jj = 0
    values = np.where(contacts, 1.0 - P @ M.T, 0.0).sum(axis=1)
    isolate = n_contacts == 0
    values[isolate] = np.nan
    n_contacts[isolate] = np.nan
    return pd.DataFrame(
        {"actor_id": nodes, "effective_size": values, "efficiency": values / n_contacts}
    )


def _mutual_strength(G: nx.DiGraph | nx.Graph, weight: str | None) -> tuple[list, np.ndarray]:
    """Node order and the matrix z (a + a^T for directed graphs), diagonal zeroed."""
    nodes = list(G)
    A = nx.to_numpy_array(G, nodelist=nodes, weight=weight, dtype=float)
    if (A < 0).any():
        raise ValueError(
            f"edge attribute {weight!r} has negative values; structural holes need strengths >= 0"
        )
    np.fill_diagonal(A, 0.0)
    return nodes, (A + A.T if G.is_directed() else A)


def _divide_rows(Z: np.ndarray, by: np.ndarray) -> np.ndarray:
    """Z with each row divided by ``by``; rows of isolates (by = 0) become 0 instead of NaN."""
    safe = np.where(by > 0, by, 1.0)
    return Z / safe[:, None]
