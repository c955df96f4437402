r"""Verbindingskansen (opportunities to connect): the links the network names itself, key players, introductions.

A PlusWIJkteam's first role is connecting (verbinden). This module lists
three kinds of facts a team can act on, per wijk and wave:

(a) :func:`signals`: the missing links the network names itself. Interview
    codes *kent niet maar zou moeten* (``zou_moeten_kennen``), *drempel*
    (a barrier) and *wil verbinden* (``wens``) are stored as ties whose
    ``tie_type`` is one of :data:`wijknet.core.ties.NON_TIE_TYPES`; they
    never enter a graph. Each is listed with whether the pair has a tie in
    that wave or a later one. (The survey instrument ``wijknetwerk-v1`` has
    no "should know" question, so only interviews give signals.)
(b) :func:`key_players`: Borgatti's (2006) KPP-Pos set (reaches most of
    the wijk within two steps) and KPP-Neg set (whose absence fragments
    it most), from :mod:`wijknet.metrics.keyplayer`.
(c) :func:`suggest_introductions`: pairs of actors without a tie whose tie
    would close a missing kernaanpak link, bridge a fragile articulation
    point or close a gap between leefwereld and systeemwereld, ranked by a
    documented score, each with one plain sentence (Dutch and English)
    that says why the pair is suggested: facts only, never that the
    introduction must happen.

:func:`opportunities_lens` is the lens of :mod:`wijknet.analysis.programme`
(``opportunities.csv``, ``signals.csv``, ``key_players.csv``). A
leernetwerk gets none of them (they are about pairs and single actors);
interview evidence text is shown only to an audience that sees quotes.

References
----------
Borgatti, S. P. (2006). Identifying sets of key players in a social network.
*Computational and Mathematical Organization Theory*, 12, 21-34.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pandas as pd

from wijknet.analysis.kernaanpak import missing_links
from wijknet.analysis.parallel import join_parts
from wijknet.core.i18n import text
from wijknet.core.order import natural_key
from wijknet.core.ties import NON_TIE_TYPES
from wijknet.graph.build import build_graph
from wijknet.metrics.keyplayer import kpp_neg, kpp_pos
from wijknet.privacy.suppression import is_aggregate_only
from wijknet.project import Project

#: The reasons for a suggested introduction, in the order they are ranked when scores are equal.
REASONS = ("kernaanpak_link", "articulation_point", "world_gap")
SIGNAL_COLUMNS = ["wijk", "wave", "source", "target", "signal", "source_name", "target_name",
                  "tied_now", "tied_wave"]  # fmt: skip
KEY_PLAYER_COLUMNS = ["wijk", "wave", "problem", "measure", "k", "score", "actor_id", "name",
                      "pluswijkteam"]  # fmt: skip
OPPORTUNITY_COLUMNS = ["wijk", "wave", "source", "target", "reason", "score", "source_name",
                       "target_name", "via", "detail", "sentence_nl", "sentence_en"]  # fmt: skip

TEXTS = {
    "zou_moeten_kennen": {"nl": "kent niet maar zou moeten", "en": "does not know but should"},
    "drempel": {"nl": "drempel", "en": "barrier"},
    "wens": {"nl": "wil verbinden", "en": "wishes to connect"},
    "kernaanpak_link": {
        "nl": "{a} en {b} hebben in {wave} geen relatie. {kernaanpak} verwacht samenwerking tussen "
        "{from_role} en {to_role}; die relatie is er in de wijk nog niet.",
        "en": "{a} and {b} have no tie in {wave}. {kernaanpak} expects collaboration between "
        "{from_role} and {to_role}; the wijk has no such tie yet.",
    },
    "articulation_point": {
        "nl": "{a} en {b} zijn in {wave} alleen via {via} met elkaar verbonden; zonder {via} staan "
        "{n} actoren los van de rest van het netwerk.",
        "en": "In {wave}, {a} and {b} are connected only through {via}; without {via}, {n} actors "
        "are cut off from the rest of the network.",
    },
    "world_gap": {
        "nl": "{a} (leefwereld) heeft in {wave} niemand uit de systeemwereld binnen twee stappen; "
        "{b} heeft in deze wijk de meeste relaties met de leefwereld ({m}).",
        "en": "In {wave}, {a} (leefwereld) has nobody of the systeemwereld within two steps; "
        "{b} has the most ties with the leefwereld in this wijk ({m}).",
    },
}


def _names(G: nx.Graph) -> dict[str, str]:
    return {v: str(G.nodes[v].get("name") or v) for v in G}


def _tied_pairs(G: nx.Graph) -> set[frozenset]:
    return {frozenset((u, v)) for u, v in G.edges() if u != v}


# --- (a) the missing links the network names itself ----------------------------------------


def signals(
    project: Project, wijk: str | None = None, *, evidence: bool | None = None
) -> pd.DataFrame:
    """The interview signals of missing links, and whether each pair has a tie in that wave or later.

    A signal is a row of ``project.ties`` whose ``tie_type`` is one of
    :data:`wijknet.core.ties.NON_TIE_TYPES`: ``zou_moeten_kennen`` (*kent niet
    maar zou moeten*), ``drempel`` (a barrier) and ``wens`` (*wil
    verbinden*). A pair counts as tied in a wave when that wave has a tie
    (any other tie type) between the two in either direction.

    Parameters
    ----------
    project : Project
    wijk : str, optional
        One wijk (default: all wijken of the project).
    evidence : bool, optional
        Add the ``evidence`` column (the interview's label or quote). Default:
        only for an audience that sees quotes (an unlocked onderzoeker, or an
        unrestricted project); a wijkteam never gets it.

    Returns
    -------
    pandas.DataFrame
        One row per signal (repeats of the same pair, type and wave once):
        ``wijk, wave, source, target, signal, source_name, target_name,
        tied_now`` (a tie in the same wave, bool), ``tied_wave`` (the first
        wave, from the signal's on, with a tie; ``""`` if none), and
        ``evidence`` when asked for.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a", "b", "c"], "wijk": "Noord", "domain": "zorg"})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": ["2025", "2026", "2025"], "source": ["a", "b", "a"],
    ...                      "target": ["b", "a", "c"], "tie_type": ["zou_moeten_kennen", "samenwerking", "wens"]})
    >>> signals(Project.from_frames(actors, ties))[["source", "target", "signal", "tied_now", "tied_wave"]].values.tolist()
    [['a', 'b', 'zou_moeten_kennen', False, '2026'], ['a', 'c', 'wens', False, '']]
    """
    audience = project.audience
    if evidence is None:
        evidence = audience is None or audience.sees_quotes
    ties = project.ties
    if wijk is not None:
        ties = ties[ties["wijk"] == wijk]
    is_signal = ties["tie_type"].isin(NON_TIE_TYPES)
    found, real = ties[is_signal], ties[~is_signal]
    waves = project.waves
    position = {w: i for i, w in enumerate(waves)}
    tied: dict[tuple[str, frozenset], set[str]] = {}
    for w, v, s, t in zip(real["wijk"], real["wave"], real["source"], real["target"]):
        tied.setdefault((w, frozenset((s, t))), set()).add(v)
    names = dict(zip(project.actors["actor_id"], project.actors["name"].fillna("")))
    rows = []
    for record in found.to_dict("records"):
        pair = frozenset((record["source"], record["target"]))
        with_tie = sorted(
            (v for v in tied.get((record["wijk"], pair), ()) if position.get(v, -1) >= position.get(record["wave"], 0)),
            key=position.get,
        )  # fmt: skip
        row = {
            "wijk": record["wijk"], "wave": record["wave"], "source": record["source"], "target": record["target"],
            "signal": record["tie_type"], "source_name": names.get(record["source"]) or record["source"],
            "target_name": names.get(record["target"]) or record["target"],
            "tied_now": record["wave"] in with_tie, "tied_wave": with_tie[0] if with_tie else "",
        }  # fmt: skip
        if evidence:
            row["evidence"] = record.get("evidence", "")
        rows.append(row)
    columns = SIGNAL_COLUMNS + (["evidence"] if evidence else [])
    table = pd.DataFrame(rows, columns=columns).drop_duplicates(
        ["wijk", "wave", "source", "target", "signal"]
    )
    table["tied_now"] = table["tied_now"].astype(bool)
    wijk_rank = {w: i for i, w in enumerate(sorted(set(table["wijk"]), key=natural_key))}
    order = table.assign(
        _w=table["wijk"].map(wijk_rank), _v=table["wave"].map(lambda v: position.get(v, 0))
    )
    order = order.sort_values(["_w", "_v", "source", "target", "signal"], kind="stable")
    return order.drop(columns=["_w", "_v"]).reset_index(drop=True)


# --- (b) key players ---------------------------------------------------------------------------


def key_players(G: nx.Graph, *, k: int = 3, restarts: int = 3, seed: int = 0) -> pd.DataFrame:
    """Borgatti's (2006) key-player sets of one graph: KPP-Pos (reach) and KPP-Neg (fragmentation).

    :func:`wijknet.metrics.keyplayer.kpp_pos` with reach within two steps
    (``R_2(K)``: the share of the other actors within two steps of the set)
    and :func:`wijknet.metrics.keyplayer.kpp_neg` with fragmentation
    (``F = 1 - sum_c s_c (s_c - 1) / (n' (n' - 1))`` of the network without
    the set), each by Borgatti's greedy swap search from the ``k`` actors of
    highest degree plus ``restarts`` seeded random starts. Undirected
    (union) and unweighted, as in the metrics.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    k : int, default 3
        The size of each set; lowered to what the graph allows (at most
        ``n - 1`` for KPP-Pos and ``n - 2`` for KPP-Neg).
    restarts : int, default 3
    seed : int, default 0

    Returns
    -------
    pandas.DataFrame
        One row per key player: ``problem`` (``"kpp_pos"`` or
        ``"kpp_neg"``), ``measure``, ``k``, ``score`` (of the set), ``actor_id``,
        ``name``, ``pluswijkteam`` (bool). Empty for a graph too small.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social
    network. *Computational and Mathematical Organization Theory*, 12, 21-34.

    Examples
    --------
    Two stars joined at their centres b - d: {b, d} reach everyone within
    one step and their absence leaves only isolates:

    >>> G = nx.Graph([("a", "b"), ("c", "b"), ("b", "d"), ("d", "e"), ("d", "f")])
    >>> key_players(G, k=2)[["problem", "actor_id", "score"]].values.tolist()
    [['kpp_pos', 'b', 1.0], ['kpp_pos', 'd', 1.0], ['kpp_neg', 'b', 1.0], ['kpp_neg', 'd', 1.0]]
    """
    parts = []
    n = G.number_of_nodes()
    for problem, search, limit in (("kpp_pos", kpp_pos, n - 1), ("kpp_neg", kpp_neg, n - 2)):
        size = min(k, limit)
        if size < 1:
            continue
        result = search(G, size, restarts=restarts, seed=seed)
        frame = result.to_frame().drop(columns="m").assign(problem=problem)
        frame["name"] = [str(G.nodes[v].get("name") or v) for v in frame["actor_id"]]
        frame["pluswijkteam"] = [G.nodes[v].get("pluswijkteam") is True for v in frame["actor_id"]]
        parts.append(frame)
    if not parts:
        return pd.DataFrame(columns=KEY_PLAYER_COLUMNS[2:])
    return pd.concat(parts, ignore_index=True)[KEY_PLAYER_COLUMNS[2:]]


# --- (c) suggested introductions --------------------------------------------------------------


def _candidates(value) -> list[str]:
    """A candidates cell of ``missing``: a list/tuple/set of ids or a ``;``-separated string."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    return [str(v) for v in value]


def _role_label(project: Project, role: str, lang: str) -> str:
    """The name of a role group or of a kernaanpak profile's set of roles (such as ``gp_practice``)."""
    try:
        return project.config.profiles.label(role, lang)
    except (AttributeError, KeyError):
        return role


def _kernaanpak_rows(project, G, missing, wave, tied, names, lang_rows):
    rows = []
    for record in missing.to_dict("records"):
        sources = [v for v in _candidates(record.get("candidates_from")) if v in G]
        targets = [v for v in _candidates(record.get("candidates_to")) if v in G]
        pairs = [
            (a, b) for a in sources for b in targets if a != b and frozenset((a, b)) not in tied
        ]
        pairs = list(dict.fromkeys(pairs))
        for a, b in pairs:
            values = {
                "a": names[a], "b": names[b], "wave": wave, "kernaanpak": record.get("kernaanpak", ""),
            }  # fmt: skip
            rows.append({
                "source": a, "target": b, "reason": "kernaanpak_link", "score": 1.0 / len(pairs), "via": "",
                "detail": f"{record.get('kernaanpak', '')}: {record.get('from_role', '')} -> {record.get('to_role', '')}",
                **lang_rows("kernaanpak_link", values, {
                    lang: {"from_role": _role_label(project, record.get("from_role", ""), lang),
                           "to_role": _role_label(project, record.get("to_role", ""), lang)}
                    for lang in ("nl", "en")}),
            })  # fmt: skip
    return rows


def _articulation_rows(G, wave, names, lang_rows, min_part):
    """Pairs across each cut vertex: one per part of at least ``min_part`` actors cut off, with the largest part."""
    U = nx.Graph(G.to_undirected(as_view=True) if G.is_directed() else G)
    U.remove_edges_from(nx.selfloop_edges(U))
    n = U.number_of_nodes()
    rows = []
    degree = dict(U.degree())
    for c in sorted(nx.articulation_points(U), key=str):
        rest = U.subgraph(set(U) - {c})
        parts = [p for p in nx.connected_components(rest) if any(U.has_edge(c, v) for v in p)]
        if len(parts) < 2:
            continue
        parts.sort(key=lambda p: (-len(p), min(map(str, p))))
        largest = parts[0]

        def best(part, cut=c):
            return sorted(
                (v for v in part if U.has_edge(cut, v)), key=lambda v: (-degree[v], str(v))
            )[0]

        b = best(largest)
        for part in parts[1:]:
            if len(part) < min_part:
                continue
            a = best(part)
            values = {"a": names[a], "b": names[b], "via": names[c], "wave": wave, "n": len(part)}
            rows.append({
                "source": a, "target": b, "reason": "articulation_point",
                "score": min(1.0, 4.0 * len(part) * len(largest) / n**2), "via": c,
                "detail": f"{len(part)} / {n}", **lang_rows("articulation_point", values, {}),
            })  # fmt: skip
    return rows


def _world_rows(G, wave, tied, names, lang_rows):
    """Leefwereld actors without the systeemwereld within two steps, with the best-tied systeemwereld actor."""
    U = nx.Graph(G.to_undirected(as_view=True) if G.is_directed() else G)
    world = dict(U.nodes(data="world"))
    system = [v for v in U if world.get(v) == "systeemwereld"]
    lived = [v for v in U if world.get(v) == "leefwereld"]
    if not system or not lived:
        return []
    reach = {v: sum(world.get(u) == "leefwereld" for u in U.neighbors(v)) for v in system}
    bridge = sorted(
        system, key=lambda v: (-reach[v], G.nodes[v].get("pluswijkteam") is not True, str(v))
    )[0]
    if reach[bridge] == 0:
        return []
    rows = []
    for v in sorted(lived, key=str):
        distance = nx.single_source_shortest_path_length(U, v)
        d = min((distance[u] for u in system if u in distance), default=None)
        if d is not None and d <= 2:
            continue
        if frozenset((v, bridge)) in tied:
            continue
        values = {"a": names[v], "b": names[bridge], "wave": wave, "m": reach[bridge]}
        rows.append({
            "source": v, "target": bridge, "reason": "world_gap",
            "score": 1.0 if d is None else 1.0 - 2.0 / d, "via": "",
            "detail": "-" if d is None else str(d), **lang_rows("world_gap", values, {}),
        })  # fmt: skip
    return rows


def suggest_introductions(
    project: Project,
    wijk: str,
    wave: str,
    *,
    missing: pd.DataFrame | None = None,
    limit: int | None = 10,
    min_part: int = 2,
    **graph_options,
) -> pd.DataFrame:
    r"""Pairs of actors without a tie whose tie would close a kernaanpak link, a fragile bridge or a world gap.

    Three reasons, each with a score in ``[0, 1]`` (documented in
    ``docs/methods.md``, section Verbindingskansen):

    ``kernaanpak_link``
        A link a kernaanpak expects between two role groups is absent from
        the wijk (a row of ``missing``, from
        ``wijknet.analysis.kernaanpak.missing_links``); every pair of a
        candidate of ``candidates_from`` and one of ``candidates_to``
        without a tie is suggested. Score ``1 / P`` with ``P`` the number
        of such pairs for the link: one pair that alone would close it
        scores 1; when any of several pairs would, each scores less.
    ``articulation_point``
        ``c`` is a cut vertex (articulation point) of the union-symmetrised
        network: without ``c`` its component falls apart into parts
        ``P_1 .. P_m`` (``P_1`` the largest). For each smaller part ``P_i``
        of at least ``min_part`` actors, the pair (the best-connected
        neighbour of ``c`` in ``P_i``, the best-connected neighbour of ``c``
        in ``P_1``; degree, then id) is suggested: their tie makes ``c`` no
        longer the only route between the two parts. Score
        ``min(1, 4 |P_i| |P_1| / n^2)``: the ``|P_i| |P_1|`` pairs of actors
        that now depend on ``c`` alone, relative to the most one cut can
        separate in a network of ``n`` actors (two halves, ``n^2 / 4``).
    ``world_gap``
        A leefwereld actor with nobody of the systeemwereld within two steps
        (distance ``d >= 3``, or no path) and the systeemwereld actor with
        the most ties to the leefwereld (ties broken by PlusWIJkteam
        membership, then id): the bridge the wijk already has. Score
        ``1 - 2/d`` (``d = 3``: 1/3, ``d = 4``: 1/2), 1 without a path.

    Pairs that have a tie (either direction, any tie type that is not a
    signal) are never suggested. Rows are ranked by score (descending),
    then by reason in the order above, then by ids.

    Parameters
    ----------
    project : Project
    wijk, wave : str
    missing : pandas.DataFrame, optional
        The missing kernaanpak links: columns ``wijk, wave, kernaanpak,
        from_role, to_role, candidates_from, candidates_to`` (candidates as
        lists of actor ids or ``;``-separated strings). ``None`` skips that
        reason.
    limit : int or None, default 10
        At most this many rows per reason (the best scores); ``None``: all.
    min_part : int, default 2
        The smallest part cut off by an articulation point that gets a
        suggestion: an actor with a single tie (a part of one) hangs on
        its only partner by definition, which is no fragile bridge.
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph`.

    Returns
    -------
    pandas.DataFrame
        :data:`OPPORTUNITY_COLUMNS`: ``wijk, wave, source, target, reason,
        score, source_name, target_name, via`` (the cut vertex), ``detail``,
        ``sentence_nl`` and ``sentence_en`` (one plain sentence each: why the
        pair is suggested, as facts).

    Examples
    --------
    Two pairs a - b and d - e joined only through c (a - c, c - d): without
    c, {a, b} and {d, e} fall apart (2 x 2 pairs of 5 actors: score
    4 * 4 / 25 = 0.64):

    >>> actors = pd.DataFrame({"actor_id": list("abcde"), "wijk": "Noord", "domain": "zorg",
    ...                        "name": ["Ans", "Bert", "Cor", "Dina", "Els"]})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": "2025", "source": ["a", "a", "c", "d"],
    ...                      "target": ["b", "c", "d", "e"]})
    >>> table = suggest_introductions(Project.from_frames(actors, ties), "Noord", "2025")
    >>> table[["source", "target", "reason", "score", "via"]].values.tolist()
    [['d', 'a', 'articulation_point', 0.64, 'c']]
    >>> print(table["sentence_nl"].iloc[0])
    Dina en Ans zijn in 2025 alleen via Cor met elkaar verbonden; zonder Cor staan 2 actoren los van de rest van het netwerk.
    """
    G = build_graph(project, wijk, wave, **graph_options)
    tied = _tied_pairs(G)
    names = _names(G)

    def lang_rows(key: str, values: dict, per_lang: dict) -> dict:
        return {
            f"sentence_{lang}": text(TEXTS, key, lang, **values, **per_lang.get(lang, {}))
            for lang in ("nl", "en")
        }

    rows = []
    if missing is not None and not missing.empty:
        here = missing[(missing["wijk"] == wijk) & (missing["wave"] == wave)]
        rows += _kernaanpak_rows(project, G, here, wave, tied, names, lang_rows)
    rows += _articulation_rows(G, wave, names, lang_rows, min_part)
    rows += _world_rows(G, wave, tied, names, lang_rows)
    table = pd.DataFrame(rows, columns=OPPORTUNITY_COLUMNS[2:])
    table = table.assign(wijk=wijk, wave=wave)
    table["source_name"] = table["source"].map(names)
    table["target_name"] = table["target"].map(names)
    table["score"] = table["score"].astype(float)
    table = table.assign(_r=table["reason"].map(REASONS.index)).sort_values(
        ["score", "_r", "source", "target"], ascending=[False, True, True, True], kind="stable"
    )
    if limit is not None:
        table = table.groupby("reason", sort=False).head(limit)
    table = table.drop(columns="_r").reset_index(drop=True)
    return table[OPPORTUNITY_COLUMNS]


# --- the lens of wijknet.analysis.programme ------------------------------------------------


def kernaanpak_missing(project: Project, wijk: str, wave: str) -> pd.DataFrame | None:
    """The missing kernaanpak links of one wijk and wave (:func:`wijknet.analysis.kernaanpak.missing_links`).

    The one call site of the kernaanpak reason of :func:`suggest_introductions`
    (the lens, the page and the report all come here).
    """
    return missing_links(project, wijk, wave)


def opportunity_tables(
    project: Project, *, k: int = 3, restarts: int = 3, seed: int = 0, limit: int | None = 10,
    wijken: Iterable[str] | None = None,
) -> dict[str, pd.DataFrame]:  # fmt: skip
    """``opportunities``, ``signals`` and ``key_players`` of every wijk and wave (none for a leernetwerk).

    ``opportunities``: :func:`suggest_introductions` with the missing
    kernaanpak links; ``signals``: :func:`signals` (evidence text only for an
    audience that sees quotes); ``key_players``: :func:`key_players` with
    ``wijk, wave`` first. A wijkteam's project holds its own wijk only.
    """
    if is_aggregate_only(project):
        return {}
    wijken = list(wijken) if wijken is not None else project.wijken
    suggestions, players = [], []
    for wijk in wijken:
        for wave in project.waves:
            missing = kernaanpak_missing(project, wijk, wave)
            suggestions.append(
                suggest_introductions(project, wijk, wave, missing=missing, limit=limit)
            )
            G = build_graph(project, wijk, wave)
            players.append(
                key_players(G, k=k, restarts=restarts, seed=seed).assign(wijk=wijk, wave=wave)
            )
    found = (
        pd.concat([signals(project, w) for w in wijken], ignore_index=True)
        if wijken
        else signals(project)
    )
    return {
        "opportunities": pd.concat(suggestions, ignore_index=True) if suggestions
        else pd.DataFrame(columns=OPPORTUNITY_COLUMNS),
        "signals": found,
        "key_players": pd.concat(players, ignore_index=True)[KEY_PLAYER_COLUMNS] if players
        else pd.DataFrame(columns=KEY_PLAYER_COLUMNS),
    }  # fmt: skip


def opportunities_lens(project: Project, seed: int = 0) -> dict[str, pd.DataFrame]:
    """The lens of :data:`wijknet.analysis.programme.LENSES`: :func:`opportunity_tables` (k = 3, 1 restart).

    One random start besides the degree start: on the demo the KPP-Neg swap
    search with three restarts took most of ``wijknet analyse`` (it scores
    every member/non-member swap by a component search), and one restart
    found the same sets in all but a few wijk-waves, with fragmentation
    differing in the fourth decimal. The page and :func:`key_players` keep
    three restarts.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a", "b", "c"], "wijk": "Noord", "domain": "zorg"})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": "2025", "source": ["a", "b"], "target": ["b", "c"]})
    >>> sorted(opportunities_lens(Project.from_frames(actors, ties)))
    ['key_players', 'opportunities', 'signals']
    """
    return opportunity_finish(project, [opportunity_part(project, project.wijken, seed=seed)])


def opportunity_part(project: Project, wijken, seed: int = 0) -> dict[str, pd.DataFrame]:
    """:func:`opportunities_lens` of some wijken (:data:`wijknet.analysis.programme.BY_WIJK`).

    Every row is of one wijk and wave (the signals of one wijk): the tables
    of a group of wijken are their rows of the whole tables.
    """
    return opportunity_tables(project, seed=seed, restarts=1, wijken=list(wijken))


def opportunity_finish(
    project: Project, parts: list[dict[str, pd.DataFrame]]
) -> dict[str, pd.DataFrame]:
    """The tables of :func:`opportunities_lens` from the parts of all wijken, in wijk order."""
    return join_parts(parts)


# --- what the app page and the reports show --------------------------------------------------

VIEW_TEXTS = {
    "wave": {"nl": "Meting", "en": "Wave"},
    "from": {"nl": "Van", "en": "From"},
    "to": {"nl": "Over", "en": "About"},
    "signal": {"nl": "Signaal", "en": "Signal"},
    "since": {"nl": "Relatie sinds", "en": "Tie since"},
    "not_yet": {"nl": "nog niet", "en": "not yet"},
    "problem": {"nl": "Vraag", "en": "Question"},
    "kpp_pos": {"nl": "Bereik: wie bereikt samen de meeste actoren binnen twee stappen?",
                "en": "Reach: who together reach most actors within two steps?"},
    "kpp_neg": {"nl": "Kwetsbaarheid: zonder wie valt het netwerk het meest uiteen?",
                "en": "Fragility: without whom does the network fall apart most?"},
    "players": {"nl": "Sleutelspelers", "en": "Key players"},
    "what": {"nl": "Wat de set doet", "en": "What the set does"},
    "pos_value": {"nl": "bereikt {share} van de andere actoren binnen twee stappen",
                  "en": "reach {share} of the other actors within two steps"},
    "neg_value": {"nl": "zonder hen is {share} van de paren actoren niet meer met elkaar verbonden",
                  "en": "without them, {share} of the pairs of actors are no longer connected"},
    "team_mark": {"nl": " (PlusWIJkteam)", "en": " (PlusWIJkteam)"},
    "rank": {"nl": "#", "en": "#"},
    "who": {"nl": "Wie", "en": "Who"},
    "with": {"nl": "Met wie", "en": "With whom"},
    "reason": {"nl": "Reden", "en": "Reason"},
    "score": {"nl": "Score", "en": "Score"},
    "why": {"nl": "Waarom (feiten)", "en": "Why (facts)"},
    "kernaanpak_link": {"nl": "ontbrekende kernaanpak-schakel", "en": "missing kernaanpak link"},
    "articulation_point": {"nl": "kwetsbare brug", "en": "fragile bridge"},
    "world_gap": {"nl": "kloof leefwereld-systeemwereld", "en": "gap lived-system world"},
}  # fmt: skip


def opportunity_view(
    project: Project, wijk: str, wave: str, *, k: int = 3, restarts: int = 3, seed: int = 0,
    missing: pd.DataFrame | None = None, limit: int | None = 10,
) -> dict[str, pd.DataFrame]:  # fmt: skip
    """The three tables of one wijk and wave for the app page (empty for a leernetwerk).

    ``signals`` (:func:`signals`, all waves of the wijk), ``key_players``
    (:func:`key_players`) and ``suggestions`` (:func:`suggest_introductions`).
    """
    if is_aggregate_only(project):
        empty = pd.DataFrame()
        return {"signals": empty, "key_players": empty, "suggestions": empty}
    G = build_graph(project, wijk, wave)
    return {
        "signals": signals(project, wijk),
        "key_players": key_players(G, k=k, restarts=restarts, seed=seed),
        "suggestions": suggest_introductions(project, wijk, wave, missing=missing, limit=limit),
    }


def signals_view(table: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The signals with Dutch (or English) headers and words, ready to show (no evidence text)."""
    if table.empty:
        return pd.DataFrame()
    return pd.DataFrame({
        text(VIEW_TEXTS, "wave", lang): table["wave"].astype(str),
        text(VIEW_TEXTS, "from", lang): table["source_name"].astype(str),
        text(VIEW_TEXTS, "to", lang): table["target_name"].astype(str),
        text(VIEW_TEXTS, "signal", lang): [text(TEXTS, s, lang) for s in table["signal"]],
        text(VIEW_TEXTS, "since", lang): [w or text(VIEW_TEXTS, "not_yet", lang) for w in table["tied_wave"]],
    })  # fmt: skip


def key_players_view(table: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """One row per key-player problem: the question, the names (team members marked), what the set does."""
    from wijknet.core import formatting as fmt

    rows = []
    for problem in ("kpp_pos", "kpp_neg"):
        part = table[table["problem"] == problem] if not table.empty else table
        if part.empty:
            continue
        names = ", ".join(
            n + (text(VIEW_TEXTS, "team_mark", lang) if t else "")
            for n, t in zip(part["name"], part["pluswijkteam"])
        )
        share = fmt.percent(part["score"].iloc[0], 0, lang)
        rows.append({
            text(VIEW_TEXTS, "problem", lang): text(VIEW_TEXTS, problem, lang),
            text(VIEW_TEXTS, "players", lang): names,
            text(VIEW_TEXTS, "what", lang): text(VIEW_TEXTS, "pos_value" if problem == "kpp_pos" else "neg_value",
                                                 lang, share=share),
        })  # fmt: skip
    return pd.DataFrame(rows)


def suggestions_view(table: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The ranked suggestions with their sentence in ``lang``, ready to show."""
    from wijknet.core import formatting as fmt

    if table.empty:
        return pd.DataFrame()
    lang_key = "en" if lang == "en" else "nl"
    return pd.DataFrame({
        text(VIEW_TEXTS, "rank", lang): range(1, len(table) + 1),
        text(VIEW_TEXTS, "who", lang): table["source_name"].astype(str),
        text(VIEW_TEXTS, "with", lang): table["target_name"].astype(str),
        text(VIEW_TEXTS, "reason", lang): [text(VIEW_TEXTS, r, lang) for r in table["reason"]],
        text(VIEW_TEXTS, "score", lang): [fmt.number(v, 2, lang) for v in table["score"]],
        text(VIEW_TEXTS, "why", lang): table[f"sentence_{lang_key}"].astype(str),
    })  # fmt: skip


def overlay_pairs(
    suggestions: pd.DataFrame,
    found: pd.DataFrame,
    wave: str,
    lang: str | None = None,
    *,
    top: int = 10,
) -> list[tuple[str, str, str, str]]:
    """Pairs for the dashed map overlay: the ``top`` suggestions, and the wave's signals without a tie yet.

    Returns ``(source, target, kind, hover text)`` tuples for
    :func:`wijknet.viz.netmap.network_map_html` (``overlay``): kind
    ``"suggested"`` with the suggestion's sentence, ``"signal"`` with the
    signal's words (never the interview's text).
    """
    lang_key = "en" if lang == "en" else "nl"
    pairs = []
    if not suggestions.empty:
        head = suggestions.head(top)
        pairs += [(s, t, "suggested", why) for s, t, why in
                  zip(head["source"], head["target"], head[f"sentence_{lang_key}"])]  # fmt: skip
    if not found.empty:
        now = found[(found["wave"] == wave) & ~found["tied_now"].astype(bool)]
        pairs += [(s, t, "signal", f"{a} → {b}: {text(TEXTS, kind, lang)}") for s, t, a, b, kind in
                  zip(now["source"], now["target"], now["source_name"], now["target_name"], now["signal"])]  # fmt: skip
    return pairs
