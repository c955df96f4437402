r"""Leefwereld and systeemwereld: mixing, E-I and brokerage between the two worlds and between the layers.

The PlusWIJken programme describes every wijk from the lived world of the
residents (leefwereld) to the world of organisations, policy and funding
(systeemwereld), in six layers (the layer model of the regional whitepaper,
see :mod:`wijknet.core.roles`). Its approach leans on people who bridge the
two worlds (the *kartrekker*) and on the link between informal and formal
care. This module measures both per wijk and wave, reusing the generic
measures:

- :func:`world_mixing`, :func:`layer_mixing`: the mixing matrix
  (:func:`wijknet.metrics.mixing_matrix`) with ``attr="world"`` or
  ``attr="layer"``;
- :func:`world_ei`: Krackhardt & Stern's E-I index between the worlds with
  its permutation p-value (:func:`wijknet.metrics.ei.ei_index`, seeded);
- :func:`world_brokerage`: Gould & Fernandez brokerage
  (:func:`wijknet.metrics.brokerage.brokerage`) with the worlds or the
  layers as groups, summed per role;
- :func:`bridge_builders`: the actors with the most brokerage and ties
  across the world boundary, with their PlusWIJkteam membership of the wave;
- :func:`formal_informal`: ties between professionals (systeemwereld) and
  mantelzorgers, volunteers and residents' initiatives, followed over the
  waves.

Conventions, the same for every function here: the graph is the directed
graph of :func:`wijknet.graph.build.build_graph` (ties, never the interview
signals of :data:`wijknet.core.ties.NON_TIE_TYPES`), with the wave's actor
attributes (:meth:`wijknet.project.Project.present`); every measure is
binary (a tie counts once whatever its weight); self-ties are excluded;
**actors without a world (or layer) are left out** of that world's (or
layer's) measures, since they belong to neither group.

:func:`worlds_lens` is the lens of :mod:`wijknet.analysis.programme`: it
writes ``worlds.csv``, ``worlds_ei.csv``, ``layers.csv``,
``worlds_brokerage.csv``, ``formal_informal.csv`` and (not for a
leernetwerk) ``bridge_builders.csv``.

References
----------
Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational
crises: an experimental simulation. *Social Psychology Quarterly*, 51(2),
123-140.
Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: a formal
approach to brokerage in transaction networks. *Sociological Methodology*,
19, 89-126.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.analysis.parallel import join_parts
from wijknet.core.i18n import text
from wijknet.graph.build import build_graph
from wijknet.metrics.brokerage import brokerage
from wijknet.metrics.ei import ei_index
from wijknet.metrics.mixing import mixing_matrix
from wijknet.privacy.suppression import (
    is_aggregate_only,
    protect_counts,
    protect_mixing,
    protect_rows,
)
from wijknet.project import Project

#: The two worlds, from lived to system world.
WORLDS = ("leefwereld", "systeemwereld")
#: The layers of the programme's layer model, from the lived to the system world.
LAYERS = (
    "personal_social_base",
    "communal_social_base",
    "organised_activities",
    "other_organisations",
    "local_regional_structures",
    "national_parties",
)
#: Role groups on the informal side of formal-informal ties: mantelzorgers, volunteers, residents' initiatives.
INFORMAL_ROLES = ("informal_carer", "volunteer", "residents_initiative")
#: Brokerage roles that cross the world boundary (with two groups a liaison cannot occur).
CROSS_ROLES = ("itinerant", "representative", "gatekeeper")

WORLD_COLUMNS = ["wijk", "wave", "from_world", "to_world", "ties", "row_share",
                 "ei_index", "ei_expected", "ei_p_value"]  # fmt: skip
WORLD_EI_COLUMNS = ["wijk", "wave", "external", "internal", "ei_index", "ei_expected",
                    "ei_p_value", "n_permutations"]  # fmt: skip
LAYER_COLUMNS = ["wijk", "wave", "from_layer", "to_layer", "ties", "row_share"]
BROKERAGE_COLUMNS = ["wijk", "wave", "groups", "coordinator", "itinerant", "representative",
                     "gatekeeper", "liaison", "brokerage_total"]  # fmt: skip
BRIDGE_COLUMNS = ["wijk", "wave", "rank", "actor_id", "name", "role_group", "world", "layer",
                  "pluswijkteam", "cross_partners", "cross_brokerage", "itinerant", "representative",
                  "gatekeeper"]  # fmt: skip
FORMAL_INFORMAL_COLUMNS = ["wijk", "wave", "informal_role", "informal_actors", "ties",
                           "informal_tied", "change"]  # fmt: skip


def grouped_graph(G: nx.Graph, attr: str) -> nx.Graph:
    """The subgraph of the actors that have a value for ``attr`` (``world`` or ``layer``).

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "leefwereld", "b": "systeemwereld", "c": ""}, "world")
    >>> sorted(grouped_graph(G, "world"))
    ['a', 'b']
    """
    keep = [v for v, value in G.nodes(data=attr) if value not in (None, "")]
    return G.subgraph(keep).copy()


def _mixing(G: nx.Graph, attr: str, order: tuple[str, ...]) -> pd.DataFrame:
    from wijknet.core.taxonomy import Taxonomy

    H = grouped_graph(G, attr)
    present = {value for _, value in H.nodes(data=attr)}
    # Known groups in model order, then any other labels (a project's own layers) sorted.
    groups = [g for g in order if g in present] + sorted(present - set(order))
    table = mixing_matrix(H, attr=attr, taxonomy=Taxonomy({}))
    rank = {g: i for i, g in enumerate(groups)}
    table = table.assign(
        _a=table["from_domain"].map(rank), _b=table["to_domain"].map(rank)
    ).sort_values(["_a", "_b"], kind="stable")
    return table.drop(columns=["_a", "_b"]).reset_index(drop=True)


def world_mixing(G: nx.Graph) -> pd.DataFrame:
    """Mixing between leefwereld and systeemwereld: ties from each world to each world.

    :func:`wijknet.metrics.mixing_matrix` with ``attr="world"`` on the actors
    that have a world (:func:`grouped_graph`), in the order leefwereld,
    systeemwereld.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Nodes carry ``world``.

    Returns
    -------
    pandas.DataFrame
        ``from_world, to_world, ties, row_share``: directed graphs count arcs
        from ``from_world`` to ``to_world``; undirected graphs count each
        edge once from each end (symmetric table). ``row_share`` is the
        share of the ``from_world`` row (NaN for a row without ties).

    References
    ----------
    Newman, M. E. J. (2003). Mixing patterns in networks. *Physical Review E*, 67, 026126.

    Examples
    --------
    A resident r names the GP g and the volunteer v; g names the municipality m:

    >>> G = nx.DiGraph([("r", "g"), ("r", "v"), ("g", "m")])
    >>> nx.set_node_attributes(G, {"r": "leefwereld", "v": "leefwereld", "g": "systeemwereld",
    ...                            "m": "systeemwereld"}, "world")
    >>> world_mixing(G)[["from_world", "to_world", "ties"]].values.tolist()
    [['leefwereld', 'leefwereld', 1], ['leefwereld', 'systeemwereld', 1], ['systeemwereld', 'leefwereld', 0], ['systeemwereld', 'systeemwereld', 1]]
    """
    return _mixing(G, "world", WORLDS).rename(
        columns={"from_domain": "from_world", "to_domain": "to_world"}
    )


def layer_mixing(G: nx.Graph) -> pd.DataFrame:
    """Mixing between the layers of the layer model: :func:`world_mixing` with ``attr="layer"``.

    Returns ``from_layer, to_layer, ties, row_share`` for every ordered pair
    of the layers present, in the order of :data:`LAYERS` (lived to system
    world). Same conventions as :func:`world_mixing`.

    Examples
    --------
    >>> G = nx.DiGraph([("c", "s")])
    >>> nx.set_node_attributes(G, {"c": "personal_social_base", "s": "organised_activities"}, "layer")
    >>> layer_mixing(G)["ties"].tolist()
    [0, 1, 0, 0]
    """
    return _mixing(G, "layer", LAYERS).rename(
        columns={"from_domain": "from_layer", "to_domain": "to_layer"}
    )


def world_ei(G: nx.Graph, *, n_permutations: int = 1000, seed=0):
    """E-I index between leefwereld and systeemwereld (Krackhardt & Stern 1988), with its permutation test.

    ``E-I = (E - I) / (E + I)``, ``E`` the ties between the two worlds and
    ``I`` the ties within a world, on the actors that have a world;
    :func:`wijknet.metrics.ei.ei_index` with ``attr="world"``: directed
    graphs count arcs, binary, the expected value
    ``(E* - I*) / (E* + I*)`` of random relabelling with
    ``I* = sum_k n_k (n_k - 1)``, and a two-sided permutation p-value
    ``(1 + #as extreme) / (1 + n_permutations)`` (seeded).

    Returns
    -------
    wijknet.metrics.ei.EIResult

    Examples
    --------
    >>> G = nx.DiGraph([("r", "g"), ("r", "v"), ("g", "m")])
    >>> nx.set_node_attributes(G, {"r": "leefwereld", "v": "leefwereld", "g": "systeemwereld",
    ...                            "m": "systeemwereld"}, "world")
    >>> result = world_ei(G, n_permutations=0)
    >>> result.external, result.internal, round(result.ei_index, 3), round(result.ei_expected, 3)
    (1, 2, -0.333, 0.333)
    """
    return ei_index(grouped_graph(G, "world"), "world", n_permutations=n_permutations, seed=seed)


def world_brokerage(G: nx.Graph, attr: str = "world") -> pd.DataFrame:
    """Gould & Fernandez brokerage with the worlds (or layers) as groups: per actor.

    :func:`wijknet.metrics.brokerage.brokerage` with ``attr="world"`` (or
    ``"layer"``) on the actors that have one. A broker *v* of an open
    two-path ``i -> v -> k`` (no tie ``i -> k``) is a coordinator (i, v, k
    in one world), itinerant (i and k in one world, v in the other),
    representative (i and v in one world, k in the other), gatekeeper (v and
    k in one world, i in the other) or liaison (three groups: only possible
    between layers). Directed; undirected input counts each pair twice.

    Returns
    -------
    pandas.DataFrame
        ``actor_id`` and the role counts, plus ``cross_brokerage`` =
        itinerant + representative + gatekeeper + liaison (the two-paths
        whose ends are not all in one group).

    Examples
    --------
    A resident r names the GP g, who names the municipality m; r and g are
    in different worlds, g and m in the same, so g is a gatekeeper (A B B):

    >>> G = nx.DiGraph([("r", "g"), ("g", "m")])
    >>> nx.set_node_attributes(G, {"r": "leefwereld", "g": "systeemwereld", "m": "systeemwereld"}, "world")
    >>> world_brokerage(G).set_index("actor_id").loc["g", ["gatekeeper", "cross_brokerage"]].tolist()
    [1, 1]
    """
    H = grouped_graph(G, attr)
    table = brokerage(H, attr)
    return table.assign(cross_brokerage=table["brokerage_total"] - table["coordinator"])


def bridge_builders(
    G: nx.Graph, *, top: int = 5, roles: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The actors who bridge leefwereld and systeemwereld most (the programme's *kartrekker*), ranked.

    For every actor with a world: ``cross_partners``, the number of distinct
    actors of the *other* world it has a tie with (in either direction), and
    ``cross_brokerage``, its open two-paths across the boundary
    (:func:`world_brokerage`: itinerant + representative + gatekeeper).
    Actors are ranked by ``cross_brokerage``, then ``cross_partners``
    (both descending), then id; actors with neither are left out.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Nodes carry ``world`` and, for the table, ``name``, ``role_group``,
        ``layer`` and ``pluswijkteam`` (the wave's value, as
        :func:`wijknet.graph.build.build_graph` gives it).
    top : int, default 5
        The number of actors returned.
    roles : pandas.DataFrame, optional
        :func:`world_brokerage` of ``G`` when already computed.

    Returns
    -------
    pandas.DataFrame
        ``rank, actor_id, name, role_group, world, layer, pluswijkteam``
        (bool), ``cross_partners``, ``cross_brokerage``, ``itinerant``,
        ``representative``, ``gatekeeper``.

    References
    ----------
    Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation.
    *Sociological Methodology*, 19, 89-126.

    Examples
    --------
    The GP g is tied to residents r and s and to the municipality m:

    >>> G = nx.DiGraph([("r", "g"), ("s", "g"), ("g", "m")])
    >>> nx.set_node_attributes(G, {"r": "leefwereld", "s": "leefwereld", "g": "systeemwereld",
    ...                            "m": "systeemwereld"}, "world")
    >>> bridge_builders(G)[["actor_id", "cross_partners", "cross_brokerage"]].values.tolist()
    [['g', 2, 2], ['r', 1, 0], ['s', 1, 0]]
    """
    H = grouped_graph(G, "world")
    roles = (world_brokerage(H) if roles is None else roles).set_index("actor_id")
    U = H.to_undirected(as_view=True) if H.is_directed() else H
    rows = []
    for v, world in H.nodes(data="world"):
        partners = {u for u in U.neighbors(v) if u != v and H.nodes[u]["world"] != world}
        crossing = int(sum(int(roles.at[v, r]) for r in CROSS_ROLES))
        if not partners and not crossing:
            continue
        data = H.nodes[v]
        rows.append({
            "actor_id": v, "name": str(data.get("name") or v), "role_group": data.get("role_group") or "",
            "world": world, "layer": data.get("layer") or "", "pluswijkteam": data.get("pluswijkteam") is True,
            "cross_partners": len(partners), "cross_brokerage": crossing,
            **{r: int(roles.at[v, r]) for r in CROSS_ROLES},
        })  # fmt: skip
    table = pd.DataFrame(rows, columns=BRIDGE_COLUMNS[3:])
    table = table.sort_values(
        ["cross_brokerage", "cross_partners", "actor_id"], ascending=[False, False, True]
    ).head(top)
    table.insert(0, "rank", np.arange(1, len(table) + 1, dtype=np.int64))
    return table.reset_index(drop=True)


def _informal_counts(G: nx.Graph, informal_roles: Iterable[str]) -> pd.DataFrame:
    informal_roles = tuple(informal_roles)
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    rows = []
    for role in informal_roles:
        members = [v for v, r in G.nodes(data="role_group") if r == role]
        ties, tied = 0, 0
        for v in members:
            formal = {
                u for u in U.neighbors(v) if u != v and G.nodes[u].get("world") == "systeemwereld"
            }
            ties += len(formal)
            tied += bool(formal)
        rows.append({"informal_role": role, "informal_actors": len(members), "ties": ties,
                     "informal_tied": tied})  # fmt: skip
    return pd.DataFrame(rows, columns=["informal_role", "informal_actors", "ties", "informal_tied"])


def formal_informal(
    project: Project,
    wijk: str,
    *,
    informal_roles: Iterable[str] = INFORMAL_ROLES,
    **graph_options,
) -> pd.DataFrame:
    """Ties between professionals and informal care and initiatives, per wave (formal-informal ties).

    *Informal*: actors whose role group is one of ``informal_roles``
    (default :data:`INFORMAL_ROLES`: ``informal_carer`` mantelzorger,
    ``volunteer`` vrijwilliger, ``residents_initiative``
    bewonersinitiatief); *formal*: every actor of the systeemwereld
    (professionals and organisations). A formal-informal tie is a pair of
    one informal and one formal actor with a tie in either direction
    (counted once per pair: union-symmetrised, binary).

    Parameters
    ----------
    project : Project
    wijk : str
    informal_roles : iterable of str
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph`.

    Returns
    -------
    pandas.DataFrame
        One row per wave and informal role group: ``wijk, wave,
        informal_role, informal_actors`` (actors of that role group in the
        wave), ``ties`` (formal-informal pairs), ``informal_tied`` (informal
        actors with at least one formal tie) and ``change`` (``ties`` minus
        the previous wave's; NaN in the first wave).

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["c", "g", "n"], "wijk": "Noord",
    ...                        "domain": ["inwoners", "zorg", "zorg"],
    ...                        "role": ["mantelzorger", "huisarts", "wijkverpleegkundige"]})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": ["2025", "2026", "2026"],
    ...                      "source": ["c", "c", "n"], "target": ["g", "g", "c"]})
    >>> table = formal_informal(Project.from_frames(actors, ties), "Noord", informal_roles=["informal_carer"])
    >>> table[["wave", "ties", "informal_tied", "change"]].values.tolist()
    [['2025', 1, 1, nan], ['2026', 2, 1, 1.0]]
    """
    parts = []
    for wave in project.waves:
        G = build_graph(project, wijk, wave, **graph_options)
        parts.append(_informal_counts(G, informal_roles).assign(wijk=wijk, wave=wave))
    table = pd.concat(parts, ignore_index=True)[FORMAL_INFORMAL_COLUMNS[:-1]]
    previous = table.groupby("informal_role", sort=False)["ties"].shift(1)
    return table.assign(change=(table["ties"] - previous).astype(float))


# --- the lens of wijknet.analysis.programme ------------------------------------------------


def _protect_mixing(table: pd.DataFrame, group: str, min_cell: int):
    """Suppress small mixing cells (counts of ties) for a leernetwerk; returns the table and the hidden totals."""
    renamed = table.rename(columns={f"from_{group}": "from_domain", f"to_{group}": "to_domain"})
    protected, hidden = protect_mixing(renamed, min_cell)
    return protected.rename(
        columns={"from_domain": f"from_{group}", "to_domain": f"to_{group}"}
    ), hidden


def world_tables(
    project: Project,
    *,
    n_permutations: int = 1000,
    seed: int = 0,
    top: int = 5,
    wijken: Iterable[str] | None = None,
    waves: Iterable[str] | None = None,
    **graph_options,
) -> dict[str, pd.DataFrame]:
    """All tables of the two worlds and the layers, every wijk and wave, as the project's audience may see them.

    ``wijken`` and ``waves`` limit the mixing, E-I, brokerage and bridge
    tables (default: all); ``formal_informal`` always follows every wave of
    the wijken.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``worlds`` (:data:`WORLD_COLUMNS`: the world mixing with the E-I
        between the worlds repeated on each row of its wijk and wave),
        ``worlds_ei`` (:data:`WORLD_EI_COLUMNS`, one row per wijk and wave),
        ``layers`` (:data:`LAYER_COLUMNS`), ``worlds_brokerage``
        (:data:`BROKERAGE_COLUMNS`: the role counts summed over the actors,
        ``groups`` = ``"world"`` or ``"layer"``), ``formal_informal``
        (:func:`formal_informal`) and ``bridge_builders``
        (:func:`bridge_builders`, ``top`` per wijk and wave).

        For a leernetwerk (:func:`wijknet.privacy.suppression.is_aggregate_only`)
        there is no ``bridge_builders`` table (actor rows); the mixing cells
        are protected by :func:`wijknet.privacy.suppression.protect_mixing`
        (the E-I and its counts blanked where the network totals are
        suppressed, the expected value blanked where a world has fewer than
        ``min_cell`` actors, since it gives the group sizes away), and the
        brokerage counts by :func:`wijknet.privacy.suppression.protect_rows`
        (the roles add up to the total) and the formal-informal counts by
        primary suppression.
    """
    aggregate = is_aggregate_only(project)
    min_cell = project.config.min_cell
    wijken = project.wijken if wijken is None else list(wijken)
    waves = project.waves if waves is None else list(waves)
    worlds, eis, layers, brokers, bridges, formal = [], [], [], [], [], []
    for wijk in wijken:
        for wave in waves:
            G = build_graph(project, wijk, wave, **graph_options)
            key = {"wijk": wijk, "wave": wave}
            worlds.append(world_mixing(G).assign(**key))
            ei = world_ei(G, n_permutations=n_permutations, seed=seed).to_frame().assign(**key)
            sizes = pd.Series(
                [w for _, w in grouped_graph(G, "world").nodes(data="world")]
            ).value_counts()
            ei["_small"] = bool(((sizes > 0) & (sizes < min_cell)).any())
            eis.append(ei)
            layers.append(layer_mixing(G).assign(**key))
            by_world = None
            for attr in ("world", "layer"):
                roles = world_brokerage(G, attr)
                by_world = roles if attr == "world" else by_world
                sums = roles[BROKERAGE_COLUMNS[3:]].sum().astype(np.int64).to_dict()
                brokers.append({**key, "groups": attr, **sums})
            if not aggregate:
                bridges.append(bridge_builders(G, top=top, roles=by_world).assign(**key))
        formal.append(formal_informal(project, wijk, **graph_options))
    worlds = pd.concat(worlds, ignore_index=True)
    ei = pd.concat(eis, ignore_index=True)
    layers = pd.concat(layers, ignore_index=True)
    brokers = pd.DataFrame(brokers, columns=BROKERAGE_COLUMNS)
    formal = pd.concat(formal, ignore_index=True)
    if aggregate:
        worlds, hidden = _protect_mixing(worlds, "world", min_cell)
        layers, _ = _protect_mixing(layers, "layer", min_cell)
        for column in ("external", "internal", "ei_index", "ei_p_value", "ei_expected"):
            ei[column] = ei[column].astype(float)
        for i, row in ei.iterrows():
            flags = hidden.get((row["wijk"], row["wave"]), {})
            if flags.get("total") or flags.get("inside") or flags.get("between"):
                ei.loc[i, ["external", "internal", "ei_index", "ei_p_value"]] = np.nan
            if row["_small"]:
                ei.loc[i, "ei_expected"] = np.nan
        # The roles add up to the total, shown beside them (and the same in the world and layer rows):
        # small role counts are suppressed with a second one, so no subtraction gives them away.
        brokers = protect_rows(
            brokers,
            [("brokerage_total", BROKERAGE_COLUMNS[3:-1])],
            min_cell,
            known=["brokerage_total"],
        )
        formal = protect_counts(
            formal, ["informal_actors", "ties", "informal_tied"], min_cell,
            derived={"ties": ["change"], "informal_actors": ["informal_tied"]},
        )  # fmt: skip
        # A change is the difference of two published counts: blank it when the previous wave's is blank.
        previous = formal.groupby(["wijk", "informal_role"], sort=False)["ties"].shift(1)
        formal.loc[previous.isna(), "change"] = np.nan
    ei = ei.drop(columns="_small")
    worlds = worlds.merge(
        ei[["wijk", "wave", "ei_index", "ei_expected", "ei_p_value"]],
        on=["wijk", "wave"],
        how="left",
    )
    worlds = worlds[WORLD_COLUMNS + [c for c in worlds.columns if c not in WORLD_COLUMNS]]
    layers = layers[LAYER_COLUMNS + [c for c in layers.columns if c not in LAYER_COLUMNS]]
    tables = {
        "worlds": worlds,
        "worlds_ei": ei[WORLD_EI_COLUMNS],
        "layers": layers,
        "worlds_brokerage": brokers,
        "formal_informal": formal,
    }
    if not aggregate:
        tables["bridge_builders"] = (
            pd.concat(bridges, ignore_index=True)[BRIDGE_COLUMNS]
            if bridges
            else pd.DataFrame(columns=BRIDGE_COLUMNS)
        )
    return tables


def worlds_lens(project: Project, seed: int = 0) -> dict[str, pd.DataFrame]:
    """The lens of :data:`wijknet.analysis.programme.LENSES`: :func:`world_tables` with 1,000 permutations.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["r", "g"], "wijk": "Noord", "domain": ["inwoners", "zorg"],
    ...                        "role": ["vrijwilliger", "huisarts"]})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": "2025", "source": ["r"], "target": ["g"]})
    >>> sorted(worlds_lens(Project.from_frames(actors, ties)))
    ['bridge_builders', 'formal_informal', 'layers', 'worlds', 'worlds_brokerage', 'worlds_ei']
    """
    return world_finish(project, [world_part(project, project.wijken, seed=seed)])


def world_part(project: Project, wijken, seed: int = 0) -> dict[str, pd.DataFrame]:
    """:func:`worlds_lens` of some wijken (:data:`wijknet.analysis.programme.BY_WIJK`).

    Every table, and its disclosure control, goes by wijk and wave (the
    formal-informal change by wijk): the tables of a group of wijken are
    their rows of the whole tables, protection included.
    """
    return world_tables(project, n_permutations=1000, seed=seed, wijken=list(wijken))


def world_finish(project: Project, parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """The tables of :func:`worlds_lens` from the parts of all wijken, in wijk order."""
    return join_parts(parts)


# --- what the app page and the reports show --------------------------------------------------

TEXTS = {
    "leefwereld": {"nl": "leefwereld", "en": "lived world (leefwereld)"},
    "systeemwereld": {"nl": "systeemwereld", "en": "system world (systeemwereld)"},
    "from": {"nl": "Van", "en": "From"},
    "to": {"nl": "Naar", "en": "To"},
    "ties": {"nl": "Relaties", "en": "Ties"},
    "row_share": {"nl": "Aandeel van de rij", "en": "Share of the row"},
    "wijk": {"nl": "Wijk", "en": "Neighbourhood"},
    "crossing": {"nl": "Relaties tussen de werelden", "en": "Ties between the worlds"},
    "within": {"nl": "Relaties binnen een wereld", "en": "Ties within a world"},
    "ei_index": {
        "nl": "E-I-index",
        "en": "E-I index",
        "plain": {"nl": "Binnen/buiten de eigen wereld", "en": "Within/outside the own world"},
    },
    "ei_expected": {"nl": "Verwacht bij toeval", "en": "Expected by chance"},
    "ei_p_value": {
        "nl": "p",
        "en": "p",
        "plain": {"nl": "Tussen de werelden", "en": "Between the worlds"},
    },
    "rank": {"nl": "#", "en": "#"},
    "name": {"nl": "Naam", "en": "Name"},
    "role_group": {"nl": "Rol", "en": "Role"},
    "world": {"nl": "Wereld", "en": "World"},
    "team": {"nl": "In het PlusWIJkteam", "en": "In the PlusWIJkteam"},
    "cross_partners": {"nl": "Partners in de andere wereld", "en": "Partners in the other world"},
    "cross_brokerage": {
        "nl": "Makelaarsposities",
        "en": "Brokerage positions",
    },
    "wave": {"nl": "Meting", "en": "Wave"},
    "informal_role": {"nl": "Informele kant", "en": "Informal side"},
    "informal_actors": {"nl": "Actoren", "en": "Actors"},
    "formal_ties": {"nl": "Relaties met professionals", "en": "Ties with professionals"},
    "informal_tied": {
        "nl": "Met minstens één professional",
        "en": "With at least one professional",
    },
    "change": {"nl": "Verschil met vorige meting", "en": "Change since the previous wave"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "ei_sentence": {
        "nl": "{share} van de relaties loopt tussen leefwereld en systeemwereld ({e} van {total}). De E-I-index "
        "is {ei} (-1: alle relaties binnen een wereld, +1: alle tussen de werelden); bij toeval verwacht: "
        "{expected}, {p}.",
        "plain": {
            "nl": "{share} van de relaties loopt tussen leefwereld en systeemwereld ({e} van {total}): {words}.",
            "en": "{share} of the ties run between the lived world and the system world ({e} of {total}): {words}.",
        },
        "en": "{share} of the ties run between the lived world and the system world ({e} of {total}). The "
        "E-I index is {ei} (-1: all ties within a world, +1: all between the worlds); expected by chance: "
        "{expected}, {p}.",
    },
    "ei_none": {
        "nl": "Geen relaties tussen actoren met een bekende wereld in deze meting.",
        "en": "No ties between actors with a known world in this wave.",
    },
    "ei_words_more": {
        "nl": "duidelijk meer dan bij toeval te verwachten is",
        "en": "clearly more than chance would give",
    },
    "ei_words_less": {
        "nl": "duidelijk minder dan bij toeval te verwachten is",
        "en": "clearly fewer than chance would give",
    },
    "ei_words_chance": {
        "nl": "ongeveer wat je bij toeval verwacht",
        "en": "about what chance would give",
    },
    "ei_hidden": {
        "nl": "De E-I-index is niet getoond: hij zou kleine aantallen verraden.",
        "en": "The E-I index is not shown: it would give small counts away.",
    },
}


def world_label(world: str, lang: str | None = None) -> str:
    """``leefwereld``/``systeemwereld`` in words (Dutch or English)."""
    return text(TEXTS, world, lang) if world in WORLDS else world


def _slice(table: pd.DataFrame, wijk: str | None, wave: str | None) -> pd.DataFrame:
    rows = table
    if wijk is not None:
        rows = rows[rows["wijk"] == wijk]
    if wave is not None:
        rows = rows[rows["wave"] == wave]
    return rows.reset_index(drop=True)


def world_mixing_view(tables: dict, wijk: str, wave: str, lang: str | None = None) -> pd.DataFrame:
    """The world mixing of one wijk and wave with Dutch (or English) headers, ready to show."""
    from wijknet.core import formatting as fmt

    rows = _slice(tables["worlds"], wijk, wave)
    return pd.DataFrame({
        text(TEXTS, "from", lang): [world_label(w, lang) for w in rows["from_world"]],
        text(TEXTS, "to", lang): [world_label(w, lang) for w in rows["to_world"]],
        text(TEXTS, "ties", lang): ["–" if fmt.is_missing(v) else fmt.integer(v, lang) for v in rows["ties"]],
        text(TEXTS, "row_share", lang): ["–" if fmt.is_missing(v) else fmt.percent(v, 0, lang)
                                         for v in rows["row_share"]],
    })  # fmt: skip


def ei_sentence(
    tables: dict, wijk: str, wave: str, lang: str | None = None, *, plain: bool = False
) -> str:
    """One plain sentence on the E-I index between the worlds of one wijk and wave.

    With ``plain`` (a PlusWIJkteam or leernetwerk, :func:`wijknet.core.uncertainty.is_plain`)
    the comparison with chance is in words, without the index or the p-value.
    """
    from wijknet.core import formatting as fmt
    from wijknet.core.uncertainty import direction

    rows = _slice(tables["worlds_ei"], wijk, wave)
    if rows.empty:
        return text(TEXTS, "ei_none", lang)
    row = rows.iloc[0]
    if fmt.is_missing(row["external"]) or fmt.is_missing(row["ei_index"]):
        # blank counts: suppressed for a leernetwerk; a blank index with counts: no ties
        return text(TEXTS, "ei_hidden" if fmt.is_missing(row["external"]) else "ei_none", lang)
    total = row["external"] + row["internal"]
    side = direction(row["ei_index"], row["ei_expected"], row["ei_p_value"]) or "chance"
    return text(
        TEXTS, "ei_sentence", lang, plain=plain, words=text(TEXTS, f"ei_words_{side}", lang),
        share=fmt.percent(row["external"] / total, 0, lang),
        e=fmt.integer(row["external"], lang), total=fmt.integer(total, lang), ei=fmt.number(row["ei_index"], 2, lang),
        expected="–" if fmt.is_missing(row["ei_expected"]) else fmt.number(row["ei_expected"], 2, lang),
        p=fmt.p_text(row["ei_p_value"], lang),
    )  # fmt: skip


def bridge_view(
    tables: dict, wijk: str, wave: str, lang: str | None = None, *, roles=None
) -> pd.DataFrame:
    """The bridge builders of one wijk and wave, ready to show (empty without the table: leernetwerk)."""
    if "bridge_builders" not in tables:
        return pd.DataFrame()
    rows = _slice(tables["bridge_builders"], wijk, wave)

    def role(key):
        if not key:
            return ""
        try:
            return roles.label(key, lang) if roles is not None else key
        except (KeyError, AttributeError):
            return key

    return pd.DataFrame({
        text(TEXTS, "rank", lang): rows["rank"].astype(int),
        text(TEXTS, "name", lang): rows["name"].astype(str),
        text(TEXTS, "role_group", lang): [role(r) for r in rows["role_group"]],
        text(TEXTS, "world", lang): [world_label(w, lang) for w in rows["world"]],
        text(TEXTS, "team", lang): [text(TEXTS, "yes" if v else "no", lang) for v in rows["pluswijkteam"]],
        text(TEXTS, "cross_partners", lang): rows["cross_partners"].astype(int),
        text(TEXTS, "cross_brokerage", lang): rows["cross_brokerage"].astype(int),
    })  # fmt: skip


def formal_informal_view(
    tables: dict, wijk: str, lang: str | None = None, *, roles=None
) -> pd.DataFrame:
    """The formal-informal ties of one wijk over the waves, ready to show."""
    from wijknet.core import formatting as fmt

    rows = _slice(tables["formal_informal"], wijk, None)

    def count(v):
        return "–" if fmt.is_missing(v) else fmt.integer(v, lang)

    def role(key):
        try:
            return roles.label(key, lang) if roles is not None else key
        except (KeyError, AttributeError):
            return key

    return pd.DataFrame({
        text(TEXTS, "wave", lang): rows["wave"].astype(str),
        text(TEXTS, "informal_role", lang): [role(r) for r in rows["informal_role"]],
        text(TEXTS, "informal_actors", lang): [count(v) for v in rows["informal_actors"]],
        text(TEXTS, "formal_ties", lang): [count(v) for v in rows["ties"]],
        text(TEXTS, "informal_tied", lang): [count(v) for v in rows["informal_tied"]],
        text(TEXTS, "change", lang): ["" if fmt.is_missing(v) else ("+" if v > 0 else "") + fmt.integer(v, lang) for v in rows["change"]],
    })  # fmt: skip


def worlds_by_wijk_view(
    tables: dict, wave: str, lang: str | None = None, *, plain: bool = False
) -> pd.DataFrame:
    """World mixing per wijk in one wave (the leernetwerk's aggregate view): ties within, between, E-I.

    With ``plain`` (:func:`wijknet.core.uncertainty.is_plain`) the value by
    chance and the p-value are one column of words instead.
    """
    from wijknet.core import formatting as fmt
    from wijknet.core.uncertainty import direction

    ei = _slice(tables["worlds_ei"], None, wave)

    def count(v):
        return "–" if fmt.is_missing(v) else fmt.integer(v, lang)

    if plain:
        sides = [
            direction(v, e, p)
            for v, e, p in zip(ei["ei_index"], ei["ei_expected"], ei["ei_p_value"])
        ]
        return pd.DataFrame({
            text(TEXTS, "wijk", lang): ei["wijk"].astype(str),
            text(TEXTS, "crossing", lang): [count(v) for v in ei["external"]],
            text(TEXTS, "within", lang): [count(v) for v in ei["internal"]],
            text(TEXTS, "ei_index", lang, plain=True): ["–" if fmt.is_missing(v) else fmt.number(v, 2, lang)
                                                        for v in ei["ei_index"]],
            text(TEXTS, "ei_p_value", lang, plain=True): ["–" if s is None else text(TEXTS, f"ei_words_{s}", lang)
                                                          for s in sides],
        })  # fmt: skip

    return pd.DataFrame({
        text(TEXTS, "wijk", lang): ei["wijk"].astype(str),
        text(TEXTS, "crossing", lang): [count(v) for v in ei["external"]],
        text(TEXTS, "within", lang): [count(v) for v in ei["internal"]],
        text(TEXTS, "ei_index", lang): ["–" if fmt.is_missing(v) else fmt.number(v, 2, lang) for v in ei["ei_index"]],
        text(TEXTS, "ei_expected", lang): ["–" if fmt.is_missing(v) else fmt.number(v, 2, lang)
                                           for v in ei["ei_expected"]],
        text(TEXTS, "ei_p_value", lang): ["–" if fmt.is_missing(v) else fmt.p_value(v, lang) for v in ei["ei_p_value"]],
    })  # fmt: skip


def outside_team(tables: dict, wijk: str, wave: str) -> list[str]:
    """The names of the bridge builders of one wijk and wave who are not in the PlusWIJkteam (rank order).

    Examples
    --------
    >>> table = pd.DataFrame({"wijk": "N", "wave": "1", "rank": [1, 2], "name": ["Ans", "Bob"],
    ...                       "pluswijkteam": [True, False]})
    >>> outside_team({"bridge_builders": table}, "N", "1")
    ['Bob']
    """
    if "bridge_builders" not in tables:
        return []
    rows = _slice(tables["bridge_builders"], wijk, wave)
    return [str(n) for n, team in zip(rows["name"], rows["pluswijkteam"]) if not team]
