"""Tables of one network as the pages, reports and notebooks show them.

The app's pages only render: what they list (actors with their measures,
the ranking of connectors, the names to choose from, node sizes of the map,
the counts under the map, the options of the sidebar filters) is computed
here, from the graph of one wijk and wave or from the project.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from wijknet.metrics import actor_metrics, connectors
from wijknet.project import Project

#: Node-size measures of the map: choice -> column of :func:`actor_table`. "degree" is the number of distinct
#: partners (``partners``), the one meaning of degree in wijknet.
MAP_MEASURES = {"degree": "partners", "betweenness": "betweenness", "brokerage": "brokerage_total"}

ACTOR_INFO = ["actor_id", "name", "role", "organisation", "pluswijkteam", "domain_key"]


def actor_table(G: nx.DiGraph, attr: str = "domain") -> pd.DataFrame:
    """One row per actor: its attributes and :func:`wijknet.metrics.actor_metrics`.

    Parameters
    ----------
    G : networkx.DiGraph
        A graph of :meth:`wijknet.project.Project.graph`.
    attr : str, default "domain"
        The grouping attribute of the brokerage roles.

    Returns
    -------
    pandas.DataFrame
        ``actor_id, name, role, organisation, pluswijkteam, domain_key`` (the
        name falls back to the id, the domain key is the node's ``attr``),
        then the columns of :func:`wijknet.metrics.actor_metrics` (among them
        ``partners``: distinct partners in either direction), in node order.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "zorg", "c": "wonen"}, "domain")
    >>> actor_table(G)[["actor_id", "name", "partners"]].to_dict("list")
    {'actor_id': ['a', 'b', 'c'], 'name': ['a', 'b', 'c'], 'partners': [1, 2, 1]}
    """
    info = pd.DataFrame(
        [
            {
                "actor_id": n,
                "name": d.get("name") or n,
                "role": d.get("role") or "",
                "organisation": d.get("organisation") or "",
                "pluswijkteam": bool(d.get("pluswijkteam")),
                "domain_key": d.get(attr) or "",
            }
            for n, d in G.nodes(data=True)
        ],
        columns=ACTOR_INFO,
    )
    metrics = actor_metrics(G, attr=attr).drop(columns=attr, errors="ignore")
    return info.merge(metrics, on="actor_id", how="left")


def connector_ranking(
    G: nx.DiGraph, attr: str = "domain", *, exclude_team: bool = False
) -> pd.DataFrame:
    """Actors with a brokerage role, best connector first (:func:`wijknet.metrics.connectors`).

    Parameters
    ----------
    G : networkx.DiGraph
    attr : str, default "domain"
    exclude_team : bool, default False
        Leave out the members of the PlusWIJkteam (``pluswijkteam``).

    Returns
    -------
    pandas.DataFrame
        The rows of :func:`actor_table` with ``brokerage_total > 0`` and the
        columns ``rank, connector, outside_team`` of
        :func:`wijknet.metrics.connectors`, in rank order (ties keep node
        order), with a fresh index.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "welzijn", "c": "wonen"}, "domain")
    >>> connector_ranking(G)["actor_id"].tolist()
    ['b']
    """
    table = actor_table(G, attr)
    flags = connectors(G, attr)[["actor_id", "rank", "connector", "outside_team"]]
    table = table.merge(flags, on="actor_id", validate="one_to_one")
    table = table.sort_values("rank", kind="mergesort")
    keep = table["brokerage_total"] > 0
    if exclude_team:
        keep &= ~table["pluswijkteam"].astype(bool)
    return table[keep].reset_index(drop=True)


def outside_team_names(ranking: pd.DataFrame) -> list[str]:
    """The names of the connectors outside the PlusWIJkteam in a :func:`connector_ranking`, in rank order.

    Examples
    --------
    >>> outside_team_names(pd.DataFrame({"name": ["A", "B"], "outside_team": [False, True]}))
    ['B']
    """
    return [str(n) for n in ranking.loc[ranking["outside_team"].astype(bool), "name"]]


def node_sizes(table: pd.DataFrame, measure: str) -> dict[str, float] | None:
    """Node sizes of the map: ``{actor_id: value}`` of one of :data:`MAP_MEASURES`, 0 where missing.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`actor_table`.
    measure : str
        A key of :data:`MAP_MEASURES`, or ``"none"`` (None: all nodes the same size).

    Examples
    --------
    >>> node_sizes(pd.DataFrame({"actor_id": ["a", "b"], "partners": [2, None]}), "degree")
    {'a': 2.0, 'b': 0.0}
    """
    if measure == "none":
        return None
    values = table[MAP_MEASURES[measure]].fillna(0)
    return {str(a): float(v) for a, v in zip(table["actor_id"], values)}


def graph_counts(G: nx.Graph) -> dict[str, int]:
    """Actors, ties and isolates (actors without any tie) of a graph.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b")]); G.add_node("c")
    >>> graph_counts(G)
    {'actors': 3, 'ties': 1, 'isolates': 1}
    """
    return {
        "actors": G.number_of_nodes(),
        "ties": G.number_of_edges(),
        "isolates": nx.number_of_isolates(G),
    }


def actor_names(G: nx.Graph) -> dict[str, str]:
    """``{actor_id: name}`` of every actor, in alphabetical order of the name (case-insensitive), then id.

    The name falls back to the id.

    Examples
    --------
    >>> G = nx.Graph(); G.add_node("x", name="bert"); G.add_node("y", name="Anna"); G.add_node("z")
    >>> list(actor_names(G).items())
    [('y', 'Anna'), ('x', 'bert'), ('z', 'z')]
    """
    names = {str(a): str(d.get("name") or a) for a, d in G.nodes(data=True)}
    return {a: names[a] for a in sorted(names, key=lambda a: (names[a].lower(), a))}


def tie_type_options(project: Project) -> list[str]:
    """All tie types used in the project, sorted (a tie may hold several, separated by ``;``).

    Examples
    --------
    >>> class P: ties = pd.DataFrame({"tie_type": ["advies; samenwerking", "advies", None]})
    >>> tie_type_options(P())
    ['advies', 'samenwerking']
    """
    types = set()
    for value in project.ties["tie_type"].dropna():
        types.update(t.strip() for t in str(value).split(";") if t.strip())
    return sorted(types)


def weight_range(project: Project) -> tuple[float, float]:
    """The lowest and highest tie weight of the project; ``(0.0, 1.0)`` without weights.

    Examples
    --------
    >>> class P: ties = pd.DataFrame({"weight": ["2", 5, None, "x"]})
    >>> weight_range(P())
    (2.0, 5.0)
    """
    weights = pd.to_numeric(project.ties["weight"], errors="coerce").dropna()
    if weights.empty:
        return 0.0, 1.0
    return float(weights.min()), float(weights.max())


def actors_in_wijk(actors: pd.DataFrame, wijk: str | None) -> pd.DataFrame:
    """The rows of an actor table (with a ``wijk`` column) in ``wijk``; all rows when ``wijk`` is empty.

    Examples
    --------
    >>> a = pd.DataFrame({"actor_id": ["x", "y"], "wijk": ["Noord", "Zuid"]})
    >>> actors_in_wijk(a, "Zuid")["actor_id"].tolist(), len(actors_in_wijk(a, None))
    (['y'], 2)
    """
    if not wijk:
        return actors
    return actors[actors["wijk"] == wijk].reset_index(drop=True)


def accepted_proposals(proposals: pd.DataFrame) -> pd.DataFrame:
    """The proposals of the resolve queue (:func:`wijknet.store.registry.proposals`) sure enough to accept at once.

    Examples
    --------
    >>> len(accepted_proposals(pd.DataFrame({"accepted": [True, False, 1]})))
    2
    """
    return proposals[proposals["accepted"].astype(bool)].reset_index(drop=True)


def core_questions(lang: str | None = None) -> dict[str, str]:
    """``{"group.key": question text}`` of the core questions an import needs (:data:`wijknet.ingest.assemble.CORE`).

    The text comes from the survey instrument (:func:`wijknet.ingest.instrument.load_instrument`)
    in ``lang``; the name itself where the instrument has no text.
    """
    from wijknet.ingest.assemble import CORE
    from wijknet.ingest.instrument import load_instrument

    questions = {(q.group, q.key): q for q in load_instrument().questions}
    return {
        f"{group}.{key}": getattr(questions.get((group, key)), lang or "nl", None)
        or f"{group}.{key}"
        for group, key in CORE
    }
