"""Stable, seeded node positions for the network map.

Positions are computed once on the union of all waves of a wijk, so an actor
stays in the same place when the user switches between waves (metingen) and
the eye can follow what changed. The layout is built for stakeholder graphs of
roughly 60 to 150 actors:

1. every domain gets a sector on a circle, sized by the number of its actors,
   and an invisible anchor at the sector's centre;
2. a seeded force-directed layout (:func:`networkx.spring_layout`) starts from
   those group centres; each actor is pulled weakly towards its domain anchor,
   and ties across domains attract less than ties within a domain, so domains
   form readable clusters with the domain-crossing ties running between them;
3. actors without any tie in any wave are placed in rows below the network
   (grouped by domain), so they do not clutter the centre;
4. a short pass pushes apart nodes that would overlap.

The result is a plain ``dict`` of ``actor_id -> (x, y)`` floats, scaled so that
x and y lie in ``[-1, 1]`` (y grows downwards, as on screen).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np

if TYPE_CHECKING:
    from ..taxonomy import Taxonomy

Positions = dict[str, tuple[float, float]]
_ANCHOR = "\x00anchor:"


def union_graph(graphs: Iterable[nx.Graph] | Mapping[object, nx.Graph]) -> nx.Graph:
    """Undirected union of ``graphs``: all nodes, an edge where any wave has a tie.

    Node attributes come from the first graph that has the node. The edge
    ``weight`` is the largest weight seen in any wave and direction.
    """
    if isinstance(graphs, Mapping):
        graphs = list(graphs.values())
    U = nx.Graph()
    for G in graphs:
        for node, data in G.nodes(data=True):
            if node not in U:
                U.add_node(node, **data)
        for u, v, data in G.edges(data=True):
            w = float(data.get("weight", 1.0) or 1.0)
            if U.has_edge(u, v):
                U[u][v]["weight"] = max(U[u][v]["weight"], w)
            else:
                U.add_edge(u, v, weight=w)
    return U


def _domain_order(domains: Iterable[str], taxonomy: Taxonomy | None) -> list[str]:
    domains = set(domains)
    if taxonomy is not None:
        return taxonomy.order(domains)
    return sorted(domains)


def _sector_centres(sizes: dict[str, int], radius: float) -> dict[str, np.ndarray]:
    """Group centres on a circle; each group gets an arc proportional to its size."""
    total = sum(sizes.values()) or 1
    centres = {}
    angle = -math.pi / 2  # start at the top
    for key, size in sizes.items():
        share = 2 * math.pi * size / total
        mid = angle + share / 2
        centres[key] = np.array([radius * math.cos(mid), radius * math.sin(mid)])
        angle += share
    return centres


def _separate(pos: np.ndarray, min_dist: float, iterations: int = 50) -> np.ndarray:
    """Push apart pairs of points closer than ``min_dist`` (deterministic)."""
    pos = pos.copy()
    n = len(pos)
    if n < 2:
        return pos
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta ** 2).sum(-1))
        np.fill_diagonal(dist, np.inf)
        close = dist < min_dist
        if not close.any():
            break
        # Coincident points: separate along a fixed, index-based direction.
        zero = dist < 1e-12
        if zero.any():
            i, j = np.nonzero(zero)
            angles = (i * 7 + j * 13) % 360 * math.pi / 180
            delta[i, j] = np.stack([np.cos(angles), np.sin(angles)], axis=1) * 1e-6
            dist[i, j] = 1e-6
        push = np.where(close, (min_dist - dist) / (2 * dist), 0.0)
        pos += (delta * push[:, :, None]).sum(axis=1)
    return pos


def stable_layout(
    graphs: Iterable[nx.Graph] | Mapping[object, nx.Graph] | nx.Graph,
    seed: int = 0,
    *,
    attr: str = "domain",
    taxonomy: Taxonomy | None = None,
    cross_domain_attraction: float = 0.25,
    group_pull: float = 0.6,
    iterations: int = 200,
) -> Positions:
    """Seeded node positions for the union of several waves of one wijk.

    Parameters
    ----------
    graphs : graph, iterable of graphs, or mapping of graphs
        The graphs of all waves of one wijk (directed or undirected). Every
        node of every graph gets a position.
    seed : int
        Seed of the force-directed layout; the same graphs and seed give the
        same positions, whatever the order of ``graphs``.
    attr : str
        Node attribute that defines the groups (default ``"domain"``).
    taxonomy : Taxonomy, optional
        Orders the groups around the circle (taxonomy order); otherwise
        alphabetical.
    cross_domain_attraction : float
        Factor (0-1) on the pull of a tie between two groups, relative to a
        tie within a group. Smaller values keep the groups apart.
    group_pull : float
        Strength of the pull of each actor towards the centre of its group.
    iterations : int
        Iterations of the spring layout.

    Returns
    -------
    dict
        ``actor_id -> (x, y)`` with plain floats in ``[-1, 1]``.
    """
    if isinstance(graphs, nx.Graph):
        graphs = [graphs]
    U = union_graph(graphs)
    if U.number_of_nodes() == 0:
        return {}
    nodes = sorted(U.nodes, key=str)
    group = {n: str(U.nodes[n].get(attr) or "") for n in nodes}
    isolates = [n for n in nodes if U.degree(n) == 0]
    connected = [n for n in nodes if U.degree(n) > 0]

    positions: dict[str, np.ndarray] = {}
    if connected:
        order = _domain_order({group[n] for n in connected}, taxonomy)
        sizes = {g: sum(1 for n in connected if group[n] == g) for g in order}
        centres = _sector_centres(sizes, radius=1.0)
        rng = np.random.default_rng(seed)

        H = nx.Graph()
        init = {}
        for g in order:
            anchor = _ANCHOR + g
            H.add_node(anchor)
            init[anchor] = centres[g]
        for n in connected:
            H.add_node(n)
            init[n] = centres[group[n]] + rng.normal(scale=0.15, size=2)
        max_w = max((d["weight"] for _, _, d in U.edges(data=True)), default=1.0) or 1.0
        for u, v, d in sorted(U.edges(data=True), key=lambda e: (str(min(e[0], e[1])), str(max(e[0], e[1])))):
            w = 0.5 + 0.5 * d["weight"] / max_w
            if group[u] != group[v]:
                w *= cross_domain_attraction
            H.add_edge(u, v, weight=w)
        for n in connected:
            H.add_edge(n, _ANCHOR + group[n], weight=group_pull)

        k = 1.6 / math.sqrt(len(connected) + len(order))
        raw = nx.spring_layout(
            H,
            k=k,
            pos=init,
            fixed=[_ANCHOR + g for g in order] if len(order) > 1 else None,
            iterations=iterations,
            weight="weight",
            seed=seed,
        )
        pts = np.array([raw[n] for n in connected], dtype=float)
        pts -= pts.mean(axis=0)
        span = np.abs(pts).max() or 1.0
        pts /= span
        # Minimum distance scaled to the number of nodes: about half the
        # average spacing of points spread evenly over the unit disc.
        min_dist = 0.55 * math.sqrt(math.pi / max(len(connected), 1))
        pts = _separate(pts, min(min_dist, 0.25))
        for n, p in zip(connected, pts):
            positions[n] = p

    if isolates:
        iso_order = sorted(isolates, key=lambda n: (_domain_order(set(group.values()), taxonomy).index(group[n]), str(n)))
        per_row = max(8, math.ceil(math.sqrt(len(nodes)) * 1.5))
        top = max((p[1] for p in positions.values()), default=-0.2) + 0.25
        step = 2.0 / per_row
        for i, n in enumerate(iso_order):
            row, col = divmod(i, per_row)
            in_row = min(per_row, len(iso_order) - row * per_row)
            x = (col - (in_row - 1) / 2) * step
            positions[n] = np.array([x, top + row * 0.18])

    # Rescale everything into [-1, 1] x [-1, 1], keeping the aspect ratio.
    pts = np.array([positions[n] for n in nodes], dtype=float)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    centre = (lo + hi) / 2
    half = float(max((hi - lo).max() / 2, 1e-9))
    pts = (pts - centre) / half
    return {str(n): (round(float(x), 6), round(float(y), 6)) for n, (x, y) in zip(nodes, pts)}
