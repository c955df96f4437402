"""Gould & Fernandez brokerage roles by group (e.g. domain).

A broker *v* stands in an open two-path i -> v -> k (i != k, no tie i -> k).
Its role depends on the groups of the three actors:

=============== ======== =========== =========================
role            pattern  ``sna``     meaning
=============== ======== =========== =========================
coordinator     A A A    ``w_I``     all three in one group
itinerant       A B A    ``w_O``     outsider between two of a group
representative  A A B    ``b_IO``    v carries its group's tie out
gatekeeper      A B B    ``b_OI``    v lets an outsider into its group
liaison         A B C    ``b_O``     three different groups
=============== ======== =========== =========================

(pattern = groups of i, v, k). The counts equal ``sna::brokerage(g, cl)``.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison", "brokerage_total")


def brokerage(
    G: nx.DiGraph | nx.Graph, attr: str = "domain", *, expected: bool = False
) -> pd.DataFrame:
    r"""Gould & Fernandez brokerage role counts of every actor.

    For broker *v*, each ordered pair (i, k) with

    .. math::

        a_{iv} = 1,\; a_{vk} = 1,\; i \ne k,\; a_{ik} = 0

    adds one to the role given by the groups of (i, v, k): coordinator
    (A A A), itinerant (A B A), representative (A A B: i and v share a
    group, k is in another), gatekeeper (A B B: v and k share a group, i is
    in another) or liaison (A B C). ``brokerage_total`` is their sum, the
    number of open two-paths through *v*. Computed with matrix products:
    :math:`C_{vab} = \sum_{i,k} a_{iv} [g_i = a]\, a_{vk} [g_k = b]\, (1 - a_{ik})[i \ne k]`.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Directed: as above. Undirected: every edge is an arc in both
        directions, so every brokered pair {i, k} is counted twice
        (i -> v -> k and k -> v -> i), as ``sna`` does for a symmetric
        matrix; a representative count then equals the gatekeeper count.
        Weights are ignored (any tie counts 1).
    attr : str, default "domain"
        Node attribute with the group of each actor. Every actor needs one.
    expected : bool, default False
        Also return, per role, the expectation ``<role>_expected``, standard
        deviation ``<role>_sd`` and z-score ``<role>_z`` under Gould &
        Fernandez's random-graph model with the observed density
        :math:`d = m / (n(n-1))` (m arcs) and group sizes, exactly as
        ``sna::brokerage`` (``exp.nli``, ``sd.nli``, ``z.nli``). For example
        the coordinator expectation of an actor in a group of size
        :math:`n_A` is :math:`d^2 (1-d) (n_A - 1)(n_A - 2)`. A z-score is
        undefined (NaN) when its standard deviation is 0: the coordinator
        role in groups of size 1 or 2, the representative and gatekeeper
        roles in groups of size 1, and every role in an empty or complete
        graph.

    Returns
    -------
    pandas.DataFrame
        One row per actor in node order: ``actor_id``, ``coordinator``,
        ``itinerant``, ``representative``, ``gatekeeper``, ``liaison``,
        ``brokerage_total`` (int), plus the float columns described under
        ``expected``. Isolates and actors without both in- and out-ties
        score 0.

    Raises
    ------
    ValueError
        If an actor has no value for ``attr``.

    Notes
    -----
    The columns equal ``sna::brokerage(g, cl)$raw.nli`` columns ``w_I``,
    ``w_O``, ``b_IO``, ``b_OI``, ``b_O`` and ``t``. Reference: Gould, R. V. &
    Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    brokerage in transaction networks. *Sociological Methodology* 19, 89-126.

    Examples
    --------
    A mutual pair a <-> b and a directed cycle b -> c -> d -> b; a and b
    work in zorg, c in welzijn, d in wonen:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "zorg", "c": "welzijn", "d": "wonen"}, "domain")
    >>> print(brokerage(G).to_string(index=False))
    actor_id  coordinator  itinerant  representative  gatekeeper  liaison  brokerage_total
           a            0          0               0           0        0                0
           b            0          0               1           1        1                3
           c            0          0               0           0        1                1
           d            0          0               0           0        1                1
    """
    nodes = list(G)
    missing = [v for v in nodes if G.nodes[v].get(attr) in (None, "")]
    if missing:
        raise ValueError(f"actors without a value for {attr!r}: {', '.join(map(str, missing[:5]))}")
    codes, _ = pd.factorize(pd.Series([G.nodes[v][attr] for v in nodes], dtype=object))
    n = len(nodes)
    A = nx.to_numpy_array(G, nodelist=nodes, weight=None, dtype=float)
    np.fill_diagonal(A, 0.0)
    A = (A != 0).astype(float)
    member = np.zeros((n, codes.max() + 1 if n else 0))
    member[np.arange(n), codes] = 1.0

    # open[i, k] = 1 when i != k and there is no arc i -> k
    open_pair = 1.0 - A - np.eye(n)
    # out_to[i, v, b]: number of k in group b with v -> k and no arc i -> k
    out_to = np.einsum("ik,vk,kb->ivb", open_pair, A, member, optimize=True)
    # paths[v, a, b]: open two-paths i -> v -> k with i in group a, k in group b
    paths = np.einsum("iv,ia,ivb->vab", A, member, out_to, optimize=True)

    rows = np.arange(n)
    own = paths[rows, codes, codes]
    counts = {
        "coordinator": own,
        "itinerant": np.einsum("vaa->v", paths) - own,
        "representative": paths[rows, codes, :].sum(axis=1) - own,
        "gatekeeper": paths[rows, :, codes].sum(axis=1) - own,
    }
    total = paths.sum(axis=(1, 2))
    counts["liaison"] = total - sum(counts.values())
    counts["brokerage_total"] = total
    out = pd.DataFrame(
        {"actor_id": nodes, **{k: np.rint(v).astype(int) for k, v in counts.items()}}
    )
    if expected:
        out = pd.concat([out, _expected(A, codes, out[list(ROLES)].to_numpy(float))], axis=1)
    return out


def _expected(A: np.ndarray, codes: np.ndarray, raw: np.ndarray) -> pd.DataFrame:
    """Gould & Fernandez expectation, sd and z per actor (the formulas of ``sna::brokerage``)."""
    N = float(len(codes))
    sizes = np.bincount(codes).astype(float)
    d = A.sum() / (N * (N - 1)) if N > 1 else np.nan
    c = d**2 * (1 - d)
    c3 = d**3 * (1 - d) ** 3

    def choose2(x):
        return x * (x - 1) / 2

    mean, var = [], []
    for group, ni in enumerate(sizes):
        others = np.delete(sizes, group)
        e_coord = c * (ni - 1) * (ni - 2)
        e_itin = c * np.sum(others * (others - 1))
        e_rep = c * (N - ni) * (ni - 1)
        e_liai = c * (others.sum() ** 2 - np.sum(others**2))
        e_tot = c * (N - 1) * (N - 2)
        v_rep = e_rep * (1 - c) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * c3
        mean.append([e_coord, e_itin, e_rep, e_rep, e_liai, e_tot])
        var.append(
            [
                e_coord * (1 - c) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * c3,
                e_itin * (1 - c) + 2 * np.sum(others * (others - 1) * (others - 2)) * c3,
                v_rep,
                v_rep,
                e_liai * (1 - c) + 4 * np.sum(others * choose2(N - others - ni)) * c3,
                e_tot * (1 - c) + 2 * (N - 1) * (N - 2) * (N - 3) * c3,
            ]
        )
    exp = np.array(mean).reshape(-1, 6)[codes]
    sd = np.sqrt(np.array(var).reshape(-1, 6))[codes]
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (raw - exp) / sd
    columns = {}
    for j, role in enumerate(ROLES):
        columns[f"{role}_expected"] = exp[:, j]
        columns[f"{role}_sd"] = sd[:, j]
        columns[f"{role}_z"] = z[:, j]
    return pd.DataFrame(columns)
