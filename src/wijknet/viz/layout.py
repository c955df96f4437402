"""Stable, seeded node positions for the network map.

Positions are computed once on the union of all waves of a wijk, so an actor
stays in the same place when the user switches between waves (metingen) and
the eye can follow what changed. The layout is made for stakeholder graphs of
roughly 60 to 150 actors and avoids the usual hairball by giving every domain
its own area:

1. each domain gets a disc whose area grows with its number of actors; the
   discs sit on a ring in taxonomy order (the same order in every wijk, so
   maps of different wijken read alike);
2. inside its disc, the actors of a domain are placed by a seeded
   force-directed layout (:func:`networkx.spring_layout`) of the ties within
   the domain, while ties to other domains pull an actor towards the side of
   its disc that faces those domains: connectors end up on the rim, between
   the groups they connect, and the domain-crossing ties stay short;
3. actors without any tie in any wave are put in rows below the network,
   ordered by domain;
4. a short pass pushes apart nodes that would overlap.

The result is a plain ``dict`` of ``actor_id -> (x, y)`` floats in
``[-1, 1]`` (y grows downwards, as on screen).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np

if TYPE_CHECKING:
    from wijknet.core.taxonomy import Taxonomy

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
        dist = np.sqrt((delta**2).sum(-1))
        np.fill_diagonal(dist, 1e9)
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


def _ring(radii: dict[str, float], gap: float) -> dict[str, np.ndarray]:
    """Centres of discs with the given radii on a ring, in order, without overlap."""
    keys = list(radii)
    if len(keys) == 1:
        return {keys[0]: np.zeros(2)}
    widths = np.array([2 * radii[k] + gap for k in keys])
    angles = np.cumsum(widths) - widths / 2
    angles = angles / widths.sum() * 2 * math.pi - math.pi / 2
    radius = widths.sum() / (2 * math.pi)
    # Chords are shorter than arcs: grow the ring until neighbours do not touch.
    for _ in range(100):
        ok = True
        for i in range(len(keys)):
            j = (i + 1) % len(keys)
            d_angle = (angles[j] - angles[i]) % (2 * math.pi)
            if (
                2 * radius * math.sin(min(d_angle, math.pi) / 2)
                < radii[keys[i]] + radii[keys[j]] + gap
            ):
                ok = False
        if ok:
            break
        radius *= 1.05
    centres = np.array([radius * np.array([math.cos(a), math.sin(a)]) for a in angles])
    return dict(zip(keys, _pack(centres, np.array([radii[k] for k in keys]), gap)))


def _pack(centres: np.ndarray, radii: np.ndarray, gap: float, iterations: int = 400) -> np.ndarray:
    """Pull discs towards their common centre while keeping them apart (circle packing).

    Discs move (mostly) radially, so their order around the ring is kept; the
    empty middle of the ring shrinks so the drawing uses its space better.
    """
    c = centres.astype(float).copy()
    n = len(c)
    need = radii[:, None] + radii[None, :] + gap
    for _ in range(iterations):
        centre = (c * radii[:, None] ** 2).sum(axis=0) / (radii**2).sum()
        c -= 0.02 * (c - centre)
        for _ in range(3):
            delta = c[:, None, :] - c[None, :, :]
            dist = np.sqrt((delta**2).sum(-1))
            np.fill_diagonal(dist, 1e9)
            overlap = np.clip(need - dist, 0, None)
            np.fill_diagonal(overlap, 0)
            if not overlap.any():
                break
            safe = np.where(dist > 1e-9, dist, 1e-9)
            weight = radii[None, :] ** 2 / (radii[:, None] ** 2 + radii[None, :] ** 2)
            c += (delta / safe[:, :, None] * (overlap * weight)[:, :, None]).sum(axis=1) * 0.5
    # A last pass without pulling, so no two discs overlap.
    for _ in range(200):
        delta = c[:, None, :] - c[None, :, :]
        dist = np.sqrt((delta**2).sum(-1))
        np.fill_diagonal(dist, 1e9)
        overlap = np.clip(need - dist, 0, None)
        np.fill_diagonal(overlap, 0)
        if not (overlap > 1e-6).any():
            break
        safe = np.where(dist > 1e-9, dist, 1e-9)
        c += (delta / safe[:, :, None] * overlap[:, :, None]).sum(axis=1) * 0.5
    return c - c.mean(axis=0) if n else c


def _group_layout(
    U: nx.Graph,
    members: list[str],
    group: dict[str, str],
    centres: dict[str, np.ndarray],
    own: str,
    *,
    seed: int,
    iterations: int,
    outward_pull: float,
) -> dict[str, np.ndarray]:
    """Positions of one group's members in the unit disc (centre 0)."""
    if len(members) == 1:
        return {members[0]: np.zeros(2)}
    rng = np.random.default_rng(seed)
    H = nx.Graph()
    init: dict[str, np.ndarray] = {}
    fixed = []
    centre_anchor = _ANCHOR + own
    H.add_node(centre_anchor)
    init[centre_anchor] = np.zeros(2)
    fixed.append(centre_anchor)
    member_set = set(members)
    max_w = max((d["weight"] for _, _, d in U.edges(data=True)), default=1.0) or 1.0
    for n in members:
        H.add_node(n)
        pull = np.zeros(2)
        for nb in sorted(U.adj[n], key=str):
            if nb in member_set:
                continue
            direction = centres[group[nb]] - centres[own]
            norm = np.linalg.norm(direction)
            if norm > 0:
                pull += direction / norm
        init[n] = rng.normal(scale=0.3, size=2) + (
            0.5 * pull / np.linalg.norm(pull) if pull.any() else 0
        )
        H.add_edge(n, centre_anchor, weight=0.15)
    for u, v, d in sorted(
        U.subgraph(members).edges(data=True), key=lambda e: tuple(sorted((str(e[0]), str(e[1]))))
    ):
        H.add_edge(u, v, weight=0.5 + 0.5 * d["weight"] / max_w)
    # One fixed anchor per other group, in the direction of that group's disc;
    # each tie to a member of that group pulls towards it.
    for other in sorted({group[nb] for n in members for nb in U.adj[n]} - {own}):
        direction = centres[other] - centres[own]
        norm = np.linalg.norm(direction)
        if norm == 0:
            continue
        anchor = _ANCHOR + "to:" + other
        H.add_node(anchor)
        init[anchor] = 1.6 * direction / norm
        fixed.append(anchor)
        for n in members:
            w = sum(1 for nb in U.adj[n] if group[nb] == other)
            if w:
                H.add_edge(n, anchor, weight=outward_pull * w)
    raw = nx.spring_layout(
        H,
        k=1.0 / math.sqrt(len(members)),
        pos=init,
        fixed=fixed,
        iterations=iterations,
        weight="weight",
        seed=seed,
    )
    pts = np.array([raw[n] for n in members], dtype=float)
    pts -= pts.mean(axis=0)
    # Even out the density: keep each actor's direction and radial rank, but
    # give the ranks radii that spread the actors evenly over the disc area
    # (a dense core of well-connected actors would otherwise be unreadable).
    norms = np.sqrt((pts**2).sum(axis=1))
    ranks = np.empty(len(members), dtype=int)
    ranks[np.lexsort((np.arange(len(members)), norms))] = np.arange(len(members))
    target = np.sqrt((ranks + 0.5) / len(members))
    angles = np.arctan2(pts[:, 1], pts[:, 0])
    pts = np.stack([target * np.cos(angles), target * np.sin(angles)], axis=1)
    return {n: p for n, p in zip(members, pts)}


def stable_layout(
    graphs: Iterable[nx.Graph] | Mapping[object, nx.Graph] | nx.Graph,
    seed: int = 0,
    *,
    attr: str = "domain",
    taxonomy: Taxonomy | None = None,
    outward_pull: float = 0.08,
    iterations: int = 150,
) -> Positions:
    """Seeded node positions for the union of several waves of one wijk.

    Parameters
    ----------
    graphs : graph, iterable of graphs, or mapping of graphs
        The graphs of all waves of one wijk (directed or undirected). Every
        node of every graph gets a position.
    seed : int
        Seed of the force-directed layouts; the same graphs and seed give the
        same positions, whatever the order of ``graphs``.
    attr : str
        Node attribute that defines the groups (default ``"domain"``).
    taxonomy : Taxonomy, optional
        Orders the groups around the ring (taxonomy order); otherwise
        alphabetical.
    outward_pull : float
        How strongly a tie to another group pulls an actor towards the side
        of its disc that faces that group (relative to ties within the group).
    iterations : int
        Iterations of each spring layout.

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
    order_all = _domain_order(set(group.values()), taxonomy)
    isolates = [n for n in nodes if U.degree(n) == 0]
    connected = [n for n in nodes if U.degree(n) > 0]

    positions: dict[str, np.ndarray] = {}
    unit = 1.0  # spacing between neighbouring nodes
    if connected:
        order = [g for g in order_all if any(group[n] == g for n in connected)]
        members = {g: [n for n in connected if group[n] == g] for g in order}
        radii = {g: unit * 1.3 * math.sqrt(len(members[g])) for g in order}
        centres = _ring(radii, gap=1.2 * unit)
        for i, g in enumerate(order):
            local = _group_layout(
                U,
                members[g],
                group,
                centres,
                g,
                seed=seed + i,
                iterations=iterations,
                outward_pull=outward_pull,
            )
            for n, p in local.items():
                positions[n] = centres[g] + radii[g] * p
        pts = _separate(np.array([positions[n] for n in connected]), 0.8 * unit)
        positions.update(zip(connected, pts))

    if isolates:
        iso_order = sorted(isolates, key=lambda n: (order_all.index(group[n]), str(n)))
        if positions:
            pts = np.array(list(positions.values()))
            left, right, bottom = pts[:, 0].min(), pts[:, 0].max(), pts[:, 1].max()
        else:
            left, right, bottom = -1.0, 1.0, -1.0
        width = max(right - left, 6 * unit)
        per_row = max(1, int(width / (1.6 * unit)) + 1)
        step = width / max(per_row - 1, 1)
        for i, n in enumerate(iso_order):
            row, col = divmod(i, per_row)
            in_row = min(per_row, len(iso_order) - row * per_row)
            x = (left + right) / 2 + (col - (in_row - 1) / 2) * step
            positions[n] = np.array([x, bottom + 1.4 * unit + row * 1.2 * unit])

    # Rescale everything into [-1, 1] x [-1, 1], keeping the aspect ratio.
    pts = np.array([positions[n] for n in nodes], dtype=float)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    centre = (lo + hi) / 2
    half = float(max((hi - lo).max() / 2, 1e-9))
    pts = (pts - centre) / half
    return {str(n): (round(float(x), 6), round(float(y), 6)) for n, (x, y) in zip(nodes, pts)}
