"""Stakeholder graphs: one graph per wijk and wave.

Every actor of a wijk is a node in every wave it takes part in (all waves
unless ``first_wave``/``last_wave`` say otherwise), as an isolate when it has
no ties, carrying all actor attributes. Ties are directed from reporter
or initiator to target. Several ties between the same ordered pair in one
wave (different ``tie_type``) become one arc whose ``weight`` is the largest
of their weights and whose ``tie_type`` lists the types, ``;``-separated.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import networkx as nx
import pandas as pd

from wijknet.core.memo import memo, rows_where
from wijknet.core.ties import NON_TIE_TYPES

if TYPE_CHECKING:
    from wijknet.project import Project

Symmetrise = Literal["union", "reciprocated"] | None
#: What sets the strength of a tie: the ties table's ``weight``, or the survey's PARTNER ratings.
Weight = Literal["weight", "intensity", "trust"]
WEIGHTS = ("weight", "intensity", "trust")

TEXTS = {
    "ratings_only_researchers": {
        "nl": "gewogen naar de beoordelingen (--weight intensity/trust, --min-level) kan alleen het publiek "
        "onderzoeker: een beoordeling van één partner is persoonsgegeven, niet voor {audience}",
        "en": "weighting by the ratings (--weight intensity/trust, --min-level) is for the audience onderzoeker "
        "only: one partner's rating is personal data, not for {audience}",
    },
}


def plain(value):
    """Convert NumPy/pandas scalars to plain Python so graphs serialise cleanly.

    Examples
    --------
    >>> import numpy as np
    >>> plain(np.int64(3)), plain(np.float64(1.5)), plain(pd.NA), plain("z1")
    (3, 1.5, None, 'z1')
    >>> type(plain(np.int64(3)))
    <class 'int'>
    """
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def build_graph(
    project: Project,
    wijk: str,
    wave: str,
    *,
    tie_types: Iterable[str] | None = None,
    min_weight: float | None = None,
    symmetrise: Symmetrise = None,
    weight: Weight = "weight",
    min_level: int | None = None,
) -> nx.DiGraph | nx.Graph:
    """Build the stakeholder graph of one wijk in one wave.

    The graphs of one project object are built once per wijk, wave and
    options and kept (the lenses of ``wijknet analyse`` ask for the same
    graph many times); every call returns a fresh copy, so a caller may
    change it. A project whose tables are replaced builds anew.

    Parameters
    ----------
    project : Project
    wijk, wave : str
    tie_types : iterable of str, optional
        Keep only ties of these types (``None`` keeps all but the signals in
        :data:`NON_TIE_TYPES`, which are kept only when named here).
    min_weight : float, optional
        Keep only ties with ``weight >= min_weight``.
    symmetrise : {None, "union", "reciprocated"}
        ``None`` returns the directed graph. ``"union"`` returns an undirected
        graph with an edge where at least one arc exists (weight: the larger
        of the two), which amounts to trusting either side's report;
        ``"reciprocated"`` keeps only mutual arcs (weight: the smaller), which
        turns actors who did not report into isolates.
    weight : {"weight", "intensity", "trust"}, default "weight"
        The strength of each arc. ``"weight"``: the ties table's ``weight``
        (as always). ``"intensity"``: the PARTNER collaboration level (1-4)
        of the answer of the arc's source about its target in
        ``project.ratings``; ``"trust"``: that answer's trust score (the mean
        of the answered trust items, at least 2 of 3,
        :func:`rating_strengths`). An arc without such an answer takes the
        answer of the reverse direction (the partner's rating of the same
        pair); an arc with neither is **left out** of the weighted view (its
        strength is unknown, not weak) and counted in ``G.graph["unrated"]``.
        Trust and intensity weights are individual ratings: a restricted
        project whose audience may not see ratings (everyone but an
        onderzoeker) raises :class:`~wijknet.core.errors.DataError`.
    min_level : int, optional
        Keep only arcs whose collaboration level (the answer as for
        ``weight="intensity"``, else the reverse answer) is at least
        ``min_level``: 3 keeps coordination and integration. Arcs without a
        level are left out. Same audience rule as ``weight``. A weighted
        view's ``G.graph`` also holds ``weighted_by``, ``min_level`` and
        ``unrated``.

    Returns
    -------
    networkx.DiGraph or networkx.Graph
        Nodes are ``actor_id`` strings with all actor attributes; edges carry
        ``weight``, ``tie_type`` and ``evidence``. ``G.graph`` holds ``wijk``,
        ``wave`` and ``symmetrise`` (``"none"``, ``"union"`` or ``"reciprocated"``).

    Examples
    --------
    >>> import pandas as pd
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["z1", "w1", "i1"], "wijk": "Noord",
    ...                        "domain": ["zorg", "welzijn", "inwoners"],
    ...                        "kind": ["organisation", "organisation", "person"]})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": "2025", "source": ["z1", "w1", "z1"],
    ...                      "target": ["w1", "z1", "i1"], "weight": ["2", "3", ""]})
    >>> project = Project.from_frames(actors, ties)
    >>> G = build_graph(project, "Noord", "2025")
    >>> list(G.nodes), sorted(G.edges(data="weight")), G.graph["symmetrise"]
    (['z1', 'w1', 'i1'], [('w1', 'z1', 3.0), ('z1', 'i1', 1.0), ('z1', 'w1', 2.0)], 'none')
    >>> H = build_graph(project, "Noord", "2025", symmetrise="reciprocated")
    >>> list(H.edges(data="weight")), H.degree("i1")
    ([('z1', 'w1', 2.0)], 0)
    """
    key = (wijk, wave, None if tie_types is None else tuple(tie_types), min_weight, symmetrise, weight,
           min_level, id(project.actors), id(project.ties), len(project.ties),
           id(getattr(project, "actor_waves", None)), id(getattr(project, "ratings", None)))  # fmt: skip
    store = memo(project)
    G = store.get(key)
    if G is None:
        G = store[key] = _build_graph(project, wijk, wave, tie_types, min_weight, symmetrise,
                                      weight, min_level)  # fmt: skip
    return G.copy()


def _build_graph(project, wijk, wave, tie_types, min_weight, symmetrise, weight, min_level):
    """The graph of :func:`build_graph` (its parameters, all given), built without the memo."""
    actors = project.present(wijk, wave)
    ties = rows_where(project.ties, ("wijk", "wave"), (wijk, wave))
    if tie_types is not None:
        ties = ties[ties["tie_type"].isin(list(tie_types))]
    else:
        ties = ties[~ties["tie_type"].isin(NON_TIE_TYPES)]
    if min_weight is not None:
        ties = ties[ties["weight"] >= min_weight]
    if weight not in WEIGHTS:
        raise ValueError(f"weight must be one of {WEIGHTS}, not {weight!r}")
    rated = weight != "weight" or min_level is not None
    unrated = 0
    if rated:
        ties, unrated = _rated_ties(project, ties, wijk, wave, weight, min_level)

    G = nx.DiGraph(wijk=wijk, wave=wave, symmetrise=symmetrise or "none")
    if rated:  # only a weighted view says so: the plain graph keeps its attributes as before
        G.graph.update(weighted_by=weight, min_level=min_level, unrated=unrated)
    # column by column to Python objects (to_dict("records") boxes every Arrow value on its own)
    names = [c for c in actors.columns if c != "actor_id"]
    values = [actors[c].to_numpy(dtype=object) for c in names]
    for node, *record in zip(actors["actor_id"].to_numpy(dtype=object), *values):
        G.add_node(str(node), **{k: plain(v) for k, v in zip(names, record)})
    G.add_edges_from(_arcs(ties))
    if symmetrise is None:
        return G
    return symmetrise_graph(G, symmetrise)


def rating_strengths(ratings: pd.DataFrame) -> pd.DataFrame:
    """Intensity and trust of every answer, keyed by ``(wijk, wave, rater, rated)``.

    ``trust`` is the PARTNER trust score of the answer: the mean of the
    answered items ``trust_open``, ``trust_reliability``, ``trust_mission``
    when at least 2 of the 3 are answered, else NaN (the rule of
    :func:`wijknet.analysis.onderstroom.item_score`, repeated here because
    graph sits below analysis).

    Examples
    --------
    >>> r = pd.DataFrame({"wijk": "W", "wave": "1", "rater": ["a"], "rated": ["b"], "intensity": [3.0],
    ...                   "trust_open": [4.0], "trust_reliability": [3.0], "trust_mission": [float("nan")]})
    >>> rating_strengths(r).loc[("W", "1", "a", "b")].tolist()
    [3.0, 3.5]
    """
    items = ratings.reindex(columns=["trust_open", "trust_reliability", "trust_mission"]).astype(
        float
    )
    trust = items.mean(axis=1).where(items.notna().sum(axis=1) >= 2)
    out = pd.DataFrame(
        {"intensity": ratings["intensity"].astype(float).to_numpy(), "trust": trust.to_numpy()},
        index=pd.MultiIndex.from_arrays(
            [ratings[c].astype(str) for c in ("wijk", "wave", "rater", "rated")],
            names=["wijk", "wave", "rater", "rated"],
        ),
    )
    return out


def _rated_ties(project, ties, wijk, wave, weight, min_level):
    """The ties with ``weight`` set from the ratings (own answer, else the reverse) and ``min_level`` applied."""
    from wijknet.core.errors import DataError, Problem
    from wijknet.core.i18n import text

    audience = getattr(project, "audience", None)
    if audience is not None and not audience.sees_ratings:
        message = text(TEXTS, "ratings_only_researchers", audience=str(audience))
        raise DataError([Problem(str(audience), message)])
    ratings = project.ratings
    ratings = ratings[(ratings["wijk"] == wijk) & (ratings["wave"] == wave)]
    strengths = rating_strengths(ratings).droplevel(["wijk", "wave"])
    strengths = strengths[~strengths.index.duplicated()]

    def lookup(column: str) -> pd.Series:
        own = pd.MultiIndex.from_arrays([ties["source"], ties["target"]])
        back = pd.MultiIndex.from_arrays([ties["target"], ties["source"]])
        values = strengths[column].reindex(own).to_numpy()
        reverse = strengths[column].reindex(back).to_numpy()
        return pd.Series(values, index=ties.index).fillna(pd.Series(reverse, index=ties.index))

    ties = ties.copy()
    if min_level is not None:
        ties = ties[lookup("intensity") >= min_level]
    if weight == "weight":
        return ties, 0
    strength = lookup(weight)
    unrated = int(strength.isna().sum())
    ties = ties.assign(weight=strength)
    return ties[strength.notna()], unrated


def _arcs(ties: pd.DataFrame) -> list[tuple[str, str, dict]]:
    """One arc per ``(source, target)``, sorted: the largest weight, the distinct tie types and evidence.

    Tie types are joined by ``;`` and evidence labels by ``; ``, each sorted
    and without empty values. One pass over the rows: a pandas groupby with
    Python aggregators cost a tenth of a second per graph.

    Examples
    --------
    >>> ties = pd.DataFrame({"source": ["a", "a", "b"], "target": ["b", "b", "a"], "weight": [1.0, 3.0, 2.0],
    ...                      "tie_type": ["overleg", "advies", ""], "evidence": ["e1", "e1", ""]})
    >>> _arcs(ties)
    [('a', 'b', {'weight': 3.0, 'tie_type': 'advies;overleg', 'evidence': 'e1'}), ('b', 'a', {'weight': 2.0, 'tie_type': '', 'evidence': ''})]
    """
    found: dict[tuple[str, str], list] = {}
    # whole columns to Python objects first: iterating an Arrow-backed column costs a call per value
    columns = [ties[c].to_numpy(dtype=object) for c in ("source", "target", "tie_type", "evidence")]
    weights = ties["weight"].to_numpy(dtype=float)
    for s, t, w, tt, ev in zip(columns[0], columns[1], weights, columns[2], columns[3]):
        arc = found.setdefault((str(s), str(t)), [float(w), set(), set()])
        arc[0] = max(arc[0], float(w))
        if tt:
            arc[1].add(tt)
        if ev:
            arc[2].add(ev)
    return [(s, t, {"weight": w, "tie_type": ";".join(sorted(tt)), "evidence": "; ".join(sorted(ev))})
            for (s, t), (w, tt, ev) in sorted(found.items())]  # fmt: skip


def symmetrise_graph(G: nx.DiGraph, rule: Literal["union", "reciprocated"]) -> nx.Graph:
    """Undirected version of ``G`` by the ``"union"`` (max) or ``"reciprocated"`` (min) rule.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_edge("a", "b", weight=2.0, tie_type="samenwerking")
    >>> G.add_edge("b", "a", weight=3.0, tie_type="advies")
    >>> G.add_edge("a", "c", weight=1.0, tie_type="samenwerking")
    >>> sorted(symmetrise_graph(G, "union").edges(data="weight"))
    [('a', 'b', 3.0), ('a', 'c', 1.0)]
    >>> list(symmetrise_graph(G, "reciprocated").edges(data=True))
    [('a', 'b', {'weight': 2.0, 'tie_type': 'advies;samenwerking'})]
    """
    if rule not in ("union", "reciprocated"):
        raise ValueError(f"symmetrise must be 'union' or 'reciprocated', not {rule!r}")
    H = nx.Graph(**{**G.graph, "symmetrise": rule})
    H.add_nodes_from(G.nodes(data=True))
    for u, v, data in G.edges(data=True):
        back = G.get_edge_data(v, u)
        if back is None and rule == "reciprocated":
            continue
        if H.has_edge(u, v):
            continue
        attrs = dict(data)
        if back is not None:
            pick = max if rule == "union" else min
            attrs["weight"] = pick(data["weight"], back["weight"])
            attrs["tie_type"] = ";".join(
                sorted({*data["tie_type"].split(";"), *back["tie_type"].split(";")} - {""})
            )
        H.add_edge(u, v, **attrs)
    return H


def build_graphs(project: Project, **options) -> dict[tuple[str, str], nx.DiGraph | nx.Graph]:
    """All graphs of a project keyed by ``(wijk, wave)``, in wijk and wave order.

    ``options`` are those of :func:`build_graph`.

    Examples
    --------
    >>> import pandas as pd
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["z1", "w1", "i1"], "wijk": "Noord",
    ...                        "domain": ["zorg", "welzijn", "inwoners"],
    ...                        "kind": ["organisation", "organisation", "person"]})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": "2025", "source": ["z1", "w1", "z1"],
    ...                      "target": ["w1", "z1", "i1"], "weight": ["2", "3", ""]})
    >>> project = Project.from_frames(actors, ties)
    >>> graphs = build_graphs(project, symmetrise="union")
    >>> list(graphs), graphs["Noord", "2025"].number_of_edges()
    ([('Noord', '2025')], 2)
    """
    return {
        (w, v): build_graph(project, w, v, **options) for w in project.wijken for v in project.waves
    }
