"""Do the kernaanpakken's collaborations exist? Expected links, completeness and missing roles per wijk and wave.

Each kernaanpak of PlusWIJken is a collaboration pattern: a set of expected
links between role groups (:class:`wijknet.core.profiles.KernaanpakProfiles`,
``data/kernaanpakken.yaml``, after the transformation plan). Per wijk and
wave this module counts, for every expected link, the ties between actors of
the two role sets (:func:`link_counts`), whether the link is present, its
strength and reciprocity and the change since the previous wave
(:func:`kernaanpak_links`); a completeness score per kernaanpak and the core
roles missing from the wijk's roster (:func:`kernaanpak_summary`); for
researchers, whether the actors who say they take part in a kernaanpak hold
its links (:func:`participation_check`); and the missing links that could be
made with the actors at hand (:func:`missing_links`).

The graphs are those of :func:`wijknet.graph.build.build_graph` (every tie
type except the interview signals, or the link's own ``tie_types``), with
the wave's roster and attributes (:meth:`wijknet.project.Project.present`).

Privacy: :func:`programme_lens` writes no actor rows for a leernetwerk, only
link counts protected by :func:`wijknet.privacy.suppression.protect` and the
completeness per wijk; the participation check is for researchers only.

References
----------
PlusWIJken transformation plan (Regioplan Zuid-Limburg, 2024), the
kernaanpakken and the PlusWIJkteam; see ``docs/kernaanpakken.md``.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.analysis.parallel import join_parts
from wijknet.core import formatting as fmt
from wijknet.core.i18n import text
from wijknet.core.profiles import KernaanpakProfiles, Link
from wijknet.privacy.suppression import is_aggregate_only, protect_rows
from wijknet.project import Project

ROLE_COLUMNS = ["wijk", "wave", "actor_id", "role_group", "world", "layer"]
LINK_COLUMNS = ["wijk", "wave", "kernaanpak", "from_role", "to_role", "directed", "ties", "reciprocated",
                "mean_weight", "present", "change"]  # fmt: skip
SUMMARY_COLUMNS = ["wijk", "wave", "kernaanpak", "links_expected", "links_present", "completeness",
                   "roles_missing"]  # fmt: skip
PARTICIPATION_COLUMNS = ["wijk", "wave", "kernaanpak", "declared", "holders", "declared_holding", "link_ties",
                         "ties_declared", "share_declared", "share_holding"]  # fmt: skip
MISSING_COLUMNS = [
    "wijk",
    "wave",
    "kernaanpak",
    "from_role",
    "to_role",
    "candidates_from",
    "candidates_to",
]

TEXTS = {
    "link_present": {
        "nl": "{a} en {b} werken samen: {ties} {word} ({recip} wederzijds).",
        "en": "{a} and {b} work together: {ties} {word} ({recip} mutual).",
    },
    "link_present_directed": {
        "nl": "{a} → {b}: {ties} {word} van {a} naar {b} ({recip} ook terug).",
        "en": "{a} → {b}: {ties} {word} from {a} to {b} ({recip} also back).",
    },
    "link_absent": {
        "nl": "Er is geen relatie tussen {a} en {b}.",
        "en": "There is no tie between {a} and {b}.",
    },
    "link_absent_directed": {
        "nl": "Er is geen relatie van {a} naar {b}.",
        "en": "There is no tie from {a} to {b}.",
    },
    "link_change": {"nl": " Sinds {previous}: {change}.", "en": " Since {previous}: {change}."},
    "link_same": {"nl": " Evenveel als in {previous}.", "en": " As many as in {previous}."},
    "tie_one": {"nl": "relatie", "en": "tie"},
    "tie_many": {"nl": "relaties", "en": "ties"},
    "link_suppressed": {
        "nl": "{a} en {b}: minder dan {n} relaties (niet getoond).",
        "en": "{a} and {b}: fewer than {n} ties (not shown).",
    },
    "completeness": {
        "nl": "{present} van de {expected} verwachte samenwerkingen zijn er ({share}).",
        "en": "{present} of the {expected} expected collaborations exist ({share}).",
    },
    "roles_missing": {
        "nl": "Ontbreekt in de wijk: {roles}.",
        "en": "Missing from the wijk: {roles}.",
    },
    "roles_complete": {
        "nl": "Alle kernrollen zijn in de wijk aanwezig.",
        "en": "Every core role is present in the wijk.",
    },
    "participation": {
        "nl": "{declared} actoren zeggen mee te doen; {holding} van hen hebben een relatie die bij deze kernaanpak "
        "hoort. Van de {ties} relaties van de kernaanpak heeft {share} minstens één deelnemer aan een kant.",
        "en": "{declared} actors say they take part; {holding} of them hold a tie of this kernaanpak. Of its "
        "{ties} ties, {share} have a declared participant at one end at least.",
    },
}


def _roles(G: nx.DiGraph) -> dict:
    return {v: G.nodes[v].get("role_group") or "" for v in G}


def link_counts(G: nx.DiGraph, source_roles, target_roles, *, directed: bool = False) -> dict:
    r"""Ties between the actors of two sets of role groups: count, reciprocated, mean weight, the dyads.

    With ``A`` the actors whose ``role_group`` is in ``source_roles`` and
    ``B`` those in ``target_roles``:

    * **directed** links count arcs :math:`u \to v` with :math:`u \in A`,
      :math:`v \in B`, :math:`u \ne v`; an arc is *reciprocated* when
      :math:`v \to u` exists too; its weight is the arc's ``weight``;
    * **undirected** links count dyads :math:`\{u, v\}` with one end in
      ``A`` and the other in ``B`` and at least one arc between them (the
      union rule); a dyad is *reciprocated* when both arcs exist; its weight
      is the larger of the two arcs' weights (as ``symmetrise="union"``).
      ``A`` and ``B`` may overlap (GPs with GPs): each pair counts once.

    ``mean_weight`` is the mean weight over the counted ties (NaN without
    ties). Weights are strengths (higher is stronger), as in ``ties.csv``.

    Parameters
    ----------
    G : networkx.DiGraph
        Nodes carry ``role_group``; edges ``weight`` (default 1).
    source_roles, target_roles : iterable of str
        Role group keys.
    directed : bool, default False

    Returns
    -------
    dict
        ``ties``, ``reciprocated`` (int), ``mean_weight`` (float) and
        ``dyads``: the counted ties as sorted ``(u, v)`` pairs (``(source,
        target)`` for directed links).

    References
    ----------
    PlusWIJken transformation plan: the kernaanpakken as collaborations
    between roles (``docs/kernaanpakken.md``).

    Examples
    --------
    Two GPs ``g1, g2`` and a welfare coach ``w``: ``g1 -> w`` and ``w -> g1``
    (weights 2 and 4), ``g2 -> w`` (weight 3), and ``w -> g2`` does not exist:

    >>> G = nx.DiGraph()
    >>> G.add_nodes_from([("g1", {"role_group": "general_practitioner"}),
    ...                   ("g2", {"role_group": "general_practitioner"}), ("w", {"role_group": "welfare_coach"})])
    >>> G.add_edges_from([("g1", "w", {"weight": 2.0}), ("w", "g1", {"weight": 4.0}), ("g2", "w", {"weight": 3.0})])
    >>> c = link_counts(G, ["general_practitioner"], ["welfare_coach"], directed=True)
    >>> c["ties"], c["reciprocated"], c["mean_weight"]
    (2, 1, 2.5)
    >>> c = link_counts(G, ["general_practitioner"], ["welfare_coach"])
    >>> c["ties"], c["reciprocated"], c["mean_weight"], c["dyads"]
    (2, 1, 3.5, [('g1', 'w'), ('g2', 'w')])
    """
    return _link_counts(_arcs(G), source_roles, target_roles, directed=directed)


def _arcs(G: nx.DiGraph) -> list[tuple]:
    """``(u, v, role of u, role of v, weight, reciprocated)`` of every arc but self-ties, in edge order.

    Read once per graph: a wijk and wave has dozens of kernaanpak links to count on the same graph.
    """
    roles = _roles(G)
    return [(u, v, roles[u], roles[v], float(w if w is not None else 1.0), G.has_edge(v, u))
            for u, v, w in G.edges(data="weight") if u != v]  # fmt: skip


def _link_counts(arcs: list[tuple], source_roles, target_roles, *, directed: bool) -> dict:
    """:func:`link_counts` from the arcs of :func:`_arcs`."""
    A, B = frozenset(source_roles), frozenset(target_roles)
    weights: dict[tuple, float] = {}
    mutual: dict[tuple, bool] = {}
    for u, v, ru, rv, weight, reciprocated in arcs:
        if directed:
            if ru in A and rv in B:
                weights[(u, v)] = weight
                mutual[(u, v)] = reciprocated
        elif (ru in A and rv in B) or (ru in B and rv in A):
            key = tuple(sorted((u, v)))
            weights[key] = max(weights.get(key, -math.inf), weight)
            mutual[key] = reciprocated
    ties = len(weights)
    return {
        "ties": ties,
        "reciprocated": int(sum(mutual.values())),
        "mean_weight": float(np.mean(list(weights.values()))) if ties else float("nan"),
        "dyads": sorted(weights),
    }


def _profiles(project: Project, profiles: KernaanpakProfiles | None) -> KernaanpakProfiles:
    return profiles or getattr(project.config, "profiles", None) or KernaanpakProfiles.default()


class _Graphs:
    """The graphs of one project by (wijk, wave, tie types), built once."""

    def __init__(self, project: Project):
        self.project = project
        self._cache: dict = {}

    def __call__(self, wijk: str, wave: str, tie_types: tuple[str, ...] = ()) -> nx.DiGraph:
        key = (wijk, wave, tie_types)
        if key not in self._cache:
            self._cache[key] = self.project.graph(wijk, wave, tie_types=list(tie_types) or None)
        return self._cache[key]

    def arcs(self, wijk: str, wave: str, tie_types: tuple[str, ...] = ()) -> list[tuple]:
        """:func:`_arcs` of the graph, read once."""
        key = ("arcs", wijk, wave, tie_types)
        if key not in self._cache:
            self._cache[key] = _arcs(self(wijk, wave, tie_types))
        return self._cache[key]


def _link_rows(project, profiles, graphs, wijk: str, wave: str) -> list[dict]:
    rows = []
    for name, kernaanpak in profiles.kernaanpakken.items():
        for link in kernaanpak.links:
            counts = _link_counts(
                graphs.arcs(wijk, wave, link.tie_types),
                profiles.members(link.source),
                profiles.members(link.target),
                directed=link.directed,
            )
            rows.append({"wijk": wijk, "wave": wave, "kernaanpak": name, "from_role": link.source,
                         "to_role": link.target, "directed": link.directed, **counts})  # fmt: skip
    return rows


def _wijken(project: Project, wijken) -> list[str]:
    return list(project.wijken) if wijken is None else list(wijken)


def kernaanpak_links(
    project: Project,
    *,
    profiles: KernaanpakProfiles | None = None,
    wijken=None,
    waves=None,
    _graphs=None,
) -> pd.DataFrame:
    """For each wijk, wave and expected link of each kernaanpak: ties, reciprocity, strength, presence and change.

    Parameters
    ----------
    project : Project
    profiles : KernaanpakProfiles, optional
        Default ``project.config.profiles`` (``data/kernaanpakken.yaml``).
    wijken, waves : list of str, optional
        Default all of the project; ``change`` always compares with the
        wave before in the project's order.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`LINK_COLUMNS`: ``ties``, ``reciprocated`` and
        ``mean_weight`` as in :func:`link_counts` (directed links count the
        named direction only, undirected either); ``present`` is
        ``ties > 0``; ``change`` is ``ties`` minus the ties of the same link
        in the previous wave (NaN in the first wave). For a leernetwerk the
        counts are protected (:func:`protect_links`).
    """
    profiles = _profiles(project, profiles)
    graphs = _graphs or _Graphs(project)
    all_waves = list(project.waves)
    chosen = all_waves if waves is None else list(waves)
    aggregate = is_aggregate_only(project)
    shown = chosen
    if (
        aggregate
    ):  # protect every wave together, so that a change never gives away a blank count before it
        chosen = all_waves
    rows = []
    for wijk in _wijken(project, wijken):
        before: list[dict] | None = None
        for at, wave in enumerate(all_waves):
            needed = wave in chosen or (at + 1 < len(all_waves) and all_waves[at + 1] in chosen)
            current = _link_rows(project, profiles, graphs, wijk, wave) if needed else None
            if wave in chosen:
                for i, row in enumerate(current):
                    row["change"] = (
                        float(row["ties"] - before[i]["ties"]) if before else float("nan")
                    )
                    rows.append(row)
            before = current
    table = (
        pd.DataFrame(rows, columns=[*LINK_COLUMNS, "dyads"])
        if rows
        else _empty(LINK_COLUMNS + ["dyads"])
    )
    table["present"] = table["ties"] > 0
    table = table.drop(columns="dyads")
    if aggregate:
        table = protect_links(table, project.config.min_cell)
        table = table[table["wave"].isin(shown)]
    return table.reset_index(drop=True)


def _empty(columns) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def protect_links(links: pd.DataFrame, min_cell: int) -> pd.DataFrame:
    """The link table as a leernetwerk may see it: the one disclosure-control rule on its tie counts.

    Each row is protected on its own (:func:`wijknet.privacy.suppression.protect_rows`)
    with the line ``ties = reciprocated + one-way`` (the one-way count is not
    shown but follows from the two); ``mean_weight`` is blanked with ``ties``;
    ``change`` is blanked where the ties of the wave or of the previous wave
    are blank (else ``ties - change`` gives the previous count). Zero counts
    are published (see :mod:`wijknet.privacy.suppression`).

    Examples
    --------
    >>> t = pd.DataFrame({"wijk": "N", "wave": ["1", "2"], "kernaanpak": "K", "from_role": "a", "to_role": "b",
    ...                   "ties": [3, 9], "reciprocated": [1, 6], "mean_weight": [2.0, 3.0], "change": [np.nan, 6.0]})
    >>> out = protect_links(t, 5)
    >>> out["ties"].tolist(), out["reciprocated"].tolist(), out["change"].tolist()
    ([nan, 9.0], [nan, nan], [nan, nan])
    """
    if links.empty:
        return links
    out = links.assign(one_way=links["ties"].astype(float) - links["reciprocated"].astype(float))
    out = protect_rows(out, [("ties", ["reciprocated", "one_way"])], min_cell, cost={"one_way": 0.0},
                       derived={"ties": ["mean_weight"]})  # fmt: skip
    key = ["wijk", "kernaanpak", "from_role", "to_role"]
    previous = out.groupby(key, sort=False)["ties"].shift(1)
    first = out.groupby(key, sort=False).cumcount() == 0
    blank = out["ties"].isna() | (previous.isna() & ~first)
    out["change"] = out["change"].astype(float).where(~blank)
    return out.drop(columns="one_way")


def kernaanpak_summary(
    project: Project,
    links: pd.DataFrame | None = None,
    *,
    profiles: KernaanpakProfiles | None = None,
    wijken=None,
    waves=None,
) -> pd.DataFrame:
    """Per wijk, wave and kernaanpak: links expected and present, completeness and the core roles missing.

    ``completeness = links_present / links_expected`` (NaN for a kernaanpak
    without links), with a link present when it has at least one tie
    (:func:`kernaanpak_links`). ``roles_missing`` lists (``;``-separated, in
    the profile's order) the core roles of the kernaanpak of which no actor
    of the wave's roster (:meth:`~wijknet.project.Project.present`) holds
    the role; a core role that is a group counts as present when any of its
    role groups is.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SUMMARY_COLUMNS`.
    """
    profiles = _profiles(project, profiles)
    if links is None:
        links = kernaanpak_links(project, profiles=profiles, wijken=wijken, waves=waves)
    rows = []
    for (wijk, wave, name), part in links.groupby(["wijk", "wave", "kernaanpak"], sort=False):
        roster = set(project.present(wijk, wave)["role_group"])
        missing = [
            r for r in profiles.kernaanpakken[name].roles if not profiles.members(r) & roster
        ]
        expected, present = len(part), int(part["present"].astype(bool).sum())
        rows.append({"wijk": wijk, "wave": wave, "kernaanpak": name, "links_expected": expected,
                     "links_present": present, "completeness": present / expected if expected else float("nan"),
                     "roles_missing": ";".join(missing)})  # fmt: skip
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS) if rows else _empty(SUMMARY_COLUMNS)


def participation_check(
    project: Project,
    *,
    profiles: KernaanpakProfiles | None = None,
    wijken=None,
    waves=None,
    _graphs=None,
) -> pd.DataFrame:
    """Whether the actors who say they take part in a kernaanpak hold its links (researchers only).

    Per wijk, wave and kernaanpak, with ``D`` the actors of the wave's
    roster whose ``kernaanpakken`` value (of that wave, :meth:`Project.present`)
    names the kernaanpak and ``L`` the distinct ties of all its links
    (undirected dyads; a directed link's arcs as dyads):

    * ``declared = |D|``; ``holders``: actors at an end of a tie in ``L``;
      ``declared_holding``: declared actors among the holders;
    * ``link_ties = |L|``; ``ties_declared``: ties of ``L`` with a declared
      actor at one end at least;
    * ``share_declared = ties_declared / link_ties`` (the share of the
      kernaanpak's ties held by declared participants) and
      ``share_holding = declared_holding / declared`` (the share of the
      declared participants who hold one of its ties); NaN on a zero
      denominator.

    Raises
    ------
    NotAllowed
        For any audience but ``onderzoeker``: who declares what is an
        individual answer.
    """
    if project.audience is not None:
        project.audience.require(
            project.audience.is_researcher, "de deelnamecontrole van de kernaanpakken"
        )
    profiles = _profiles(project, profiles)
    graphs = _graphs or _Graphs(project)
    rows = []
    for wijk in _wijken(project, wijken):
        for wave in project.waves if waves is None else waves:
            roster = project.present(wijk, wave)
            declared_by = {
                a: set(profiles.declared(v))
                for a, v in zip(roster["actor_id"], roster["kernaanpakken"])
            }
            for name, kernaanpak in profiles.kernaanpakken.items():
                dyads = set()
                for link in kernaanpak.links:
                    counts = _link_counts(graphs.arcs(wijk, wave, link.tie_types),
                                          profiles.members(link.source), profiles.members(link.target),
                                          directed=link.directed)  # fmt: skip
                    dyads |= {tuple(sorted(d)) for d in counts["dyads"]}
                declared = {a for a, names in declared_by.items() if name in names}
                holders = {a for d in dyads for a in d}
                held = sum(1 for u, v in dyads if u in declared or v in declared)
                rows.append({"wijk": wijk, "wave": wave, "kernaanpak": name, "declared": len(declared),
                             "holders": len(holders), "declared_holding": len(declared & holders),
                             "link_ties": len(dyads), "ties_declared": held,
                             "share_declared": held / len(dyads) if dyads else float("nan"),
                             "share_holding": len(declared & holders) / len(declared) if declared else float("nan")})  # fmt: skip
    return (
        pd.DataFrame(rows, columns=PARTICIPATION_COLUMNS) if rows else _empty(PARTICIPATION_COLUMNS)
    )


def missing_links(project: Project, wijk: str, wave: str) -> pd.DataFrame:
    """The expected links that are absent although actors of both role sets are in the roster.

    For every link of every kernaanpak (``project.config.profiles``) with no
    tie in ``wijk`` and ``wave`` (:func:`kernaanpak_links`) while the wave's
    roster has at least one actor of each end: the candidates who could make
    it, as actor ids (``;``-separated, in roster order). For a directed link
    ``candidates_from`` are the senders and ``candidates_to`` the receivers;
    for a link within one role set (GPs with GPs) it needs two such actors.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`MISSING_COLUMNS`.

    Raises
    ------
    NotAllowed
        For a leernetwerk (these are actor ids).

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["g", "s", "w"], "wijk": "N", "domain": ["zorg", "gemeente", "welzijn"],
    ...                        "role": ["huisarts", "wmo-consulent", "welzijnscoach"]})
    >>> ties = pd.DataFrame({"wijk": "N", "wave": "1", "source": ["g"], "target": ["w"], "tie_type": ["verwijzing"]})
    >>> table = missing_links(Project.from_frames(actors, ties), "N", "1")
    >>> table[["kernaanpak", "from_role", "to_role", "candidates_from", "candidates_to"]].head(2).to_dict("records")
    [{'kernaanpak': 'Doorbraakmethode', 'from_role': 'general_practitioner', 'to_role': 'municipality', 'candidates_from': 'g', 'candidates_to': 's'}, {'kernaanpak': 'Doorbraakmethode', 'from_role': 'municipality', 'to_role': 'household_helpers', 'candidates_from': 's', 'candidates_to': 'w'}]
    """
    if project.audience is not None:
        project.audience.require(
            project.audience.sees_individuals, "ontbrekende verbindingen met actoren"
        )
    profiles = _profiles(project, None)
    links = kernaanpak_links(project, profiles=profiles, wijken=[wijk], waves=[wave])
    roster = project.present(wijk, wave)
    ids, groups = list(roster["actor_id"]), list(roster["role_group"])
    rows = []
    for row in links.itertuples(index=False):
        if row.present:
            continue
        a = [i for i, g in zip(ids, groups) if g in profiles.members(row.from_role)]
        b = [i for i, g in zip(ids, groups) if g in profiles.members(row.to_role)]
        if not a or not b or len(set(a) | set(b)) < 2:
            continue
        rows.append({"wijk": wijk, "wave": wave, "kernaanpak": row.kernaanpak, "from_role": row.from_role,
                     "to_role": row.to_role, "candidates_from": ";".join(a), "candidates_to": ";".join(b)})  # fmt: skip
    return pd.DataFrame(rows, columns=MISSING_COLUMNS) if rows else _empty(MISSING_COLUMNS)


def roles_table(project: Project, wijken=None) -> pd.DataFrame:
    """Every actor's role group, world and layer per wijk and wave, as :meth:`Project.present` gives them.

    Columns :data:`ROLE_COLUMNS`; one row per actor of each wave's roster (of ``wijken``, default all).
    Raises :class:`~wijknet.privacy.audience.NotAllowed` for a leernetwerk.
    """
    if project.audience is not None:
        project.audience.require(project.audience.sees_individuals, "rollen per actor")
    parts = [
        project.present(wijk, wave).assign(wave=wave)[ROLE_COLUMNS]
        for wijk in _wijken(project, wijken)
        for wave in project.waves
    ]
    return pd.concat(parts, ignore_index=True) if parts else _empty(ROLE_COLUMNS)


def completeness_by_wijk(
    project: Project, wave: str, summary: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The completeness of every kernaanpak per wijk in one wave: one row per wijk, one column per kernaanpak.

    An aggregate every audience may see (a wijkteam sees its own wijk only).

    Examples
    --------
    >>> s = pd.DataFrame({"wijk": ["N", "N", "Z"], "wave": "1", "kernaanpak": ["A", "B", "A"],
    ...                   "completeness": [0.5, 1.0, 0.0]})
    >>> completeness_by_wijk(None, "1", s).to_dict("records")
    [{'wijk': 'N', 'A': 0.5, 'B': 1.0}, {'wijk': 'Z', 'A': 0.0, 'B': nan}]
    """
    summary = kernaanpak_summary(project, waves=[wave]) if summary is None else summary
    rows = summary[summary["wave"] == wave]
    order = list(dict.fromkeys(rows["kernaanpak"]))
    table = rows.pivot_table(index="wijk", columns="kernaanpak", values="completeness", sort=False)
    table = table.reindex(index=list(dict.fromkeys(rows["wijk"])), columns=order)
    table.columns.name = None
    return table.reset_index()


# --- plain sentences for the app and the reports ------------------------------------------------


def link_sentences(
    links: pd.DataFrame, kernaanpak: str, *, profiles: KernaanpakProfiles | None = None,
    previous: str | None = None, min_cell: int = 5, lang: str | None = None,
) -> list[str]:  # fmt: skip
    """One plain sentence per expected link of ``kernaanpak`` in ``links`` (one wijk and wave).

    Examples
    --------
    >>> t = pd.DataFrame({"kernaanpak": "Doorbraakmethode", "from_role": "general_practitioner",
    ...                   "to_role": "municipality", "directed": False, "ties": [0], "reciprocated": [0],
    ...                   "present": [False], "change": [-2.0]})
    >>> link_sentences(t, "Doorbraakmethode", previous="2025", lang="nl")
    ['Er is geen relatie tussen Huisarts / huisartsenpraktijk en Gemeente (Wmo-consulent / sociaal team). Sinds 2025: -2.']
    """
    profiles = profiles or KernaanpakProfiles.default()
    out = []
    for row in links[links["kernaanpak"] == kernaanpak].itertuples(index=False):
        a, b = profiles.label(row.from_role, lang), profiles.label(row.to_role, lang)
        suffix = "_directed" if bool(row.directed) else ""
        if fmt.is_missing(row.ties):
            sentence = text(TEXTS, "link_suppressed", lang, a=a, b=b, n=min_cell)
        elif row.ties > 0:
            word = text(TEXTS, "tie_one" if row.ties == 1 else "tie_many", lang)
            sentence = text(TEXTS, "link_present" + suffix, lang, a=a, b=b, ties=fmt.integer(row.ties, lang), word=word,
                            recip="–" if fmt.is_missing(row.reciprocated) else fmt.integer(row.reciprocated, lang))  # fmt: skip
        else:
            sentence = text(TEXTS, "link_absent" + suffix, lang, a=a, b=b)
        if previous and not fmt.is_missing(row.change) and row.change != 0:
            change = f"{'+' if row.change > 0 else ''}{fmt.integer(row.change, lang)}"
            sentence += text(TEXTS, "link_change", lang, previous=previous, change=change)
        elif (
            previous
            and not fmt.is_missing(row.change)
            and not fmt.is_missing(row.ties)
            and row.ties > 0
        ):
            sentence += text(TEXTS, "link_same", lang, previous=previous)
        out.append(sentence)
    return out


def summary_sentences(
    summary_row, *, profiles: KernaanpakProfiles | None = None, lang: str | None = None
) -> list[str]:
    """The completeness and the missing core roles of one row of :func:`kernaanpak_summary` as sentences.

    Examples
    --------
    >>> row = {"links_expected": 4, "links_present": 3, "completeness": 0.75, "roles_missing": "welfare_coach"}
    >>> summary_sentences(row, lang="en")
    ['3 of the 4 expected collaborations exist (75%).', 'Missing from the wijk: Welfare coach.']
    """
    profiles = profiles or KernaanpakProfiles.default()
    row = dict(summary_row)
    out = [text(TEXTS, "completeness", lang, present=fmt.integer(row["links_present"], lang),
                expected=fmt.integer(row["links_expected"], lang), share=fmt.percent(row["completeness"], 0, lang))]  # fmt: skip
    missing = [m for m in str(row.get("roles_missing") or "").split(";") if m]
    if missing:
        out.append(
            text(
                TEXTS,
                "roles_missing",
                lang,
                roles=", ".join(profiles.label(m, lang) for m in missing),
            )
        )
    else:
        out.append(text(TEXTS, "roles_complete", lang))
    return out


def participation_sentence(row, lang: str | None = None) -> str:
    """One row of :func:`participation_check` as a plain sentence.

    Examples
    --------
    >>> participation_sentence({"declared": 4, "declared_holding": 3, "link_ties": 10, "share_declared": 0.6}, "en")
    '4 actors say they take part; 3 of them hold a tie of this kernaanpak. Of its 10 ties, 60% have a declared participant at one end at least.'
    """
    row = dict(row)
    return text(TEXTS, "participation", lang, declared=fmt.integer(row["declared"], lang),
                holding=fmt.integer(row["declared_holding"], lang), ties=fmt.integer(row["link_ties"], lang),
                share=fmt.percent(row["share_declared"], 0, lang))  # fmt: skip


# --- one wijk and wave for the app and the wijk report ----------------------------------------------


def wijk_tables(project: Project, wijk: str, wave: str) -> dict:
    """The tables behind :func:`wijk_view` of one wijk and wave (what a report stores before it is rendered).

    Returns
    -------
    dict
        ``links`` (:func:`kernaanpak_links` of the wave), ``summary``
        (:func:`kernaanpak_summary`), ``participation``
        (:func:`participation_check`, ``None`` for every audience but
        researchers), ``previous`` (the wave before, or ``None``),
        ``min_cell`` and ``profiles``.
    """
    profiles = _profiles(project, None)
    waves = list(project.waves)
    at = waves.index(wave)
    graphs = _Graphs(project)
    links = kernaanpak_links(
        project, profiles=profiles, wijken=[wijk], waves=[wave], _graphs=graphs
    )
    researcher = project.audience is None or project.audience.is_researcher
    participation = (
        participation_check(project, profiles=profiles, wijken=[wijk], waves=[wave], _graphs=graphs)
        if researcher
        else None
    )
    return {"links": links, "summary": kernaanpak_summary(project, links, profiles=profiles),
            "participation": participation, "previous": waves[at - 1] if at > 0 else None,
            "min_cell": project.config.min_cell, "profiles": profiles}  # fmt: skip


def wijk_sentences(tables: dict, lang: str | None = None) -> list[dict]:
    """:func:`wijk_tables` as one dict of plain sentences per kernaanpak (see :func:`wijk_view`)."""
    profiles, links = tables["profiles"], tables["links"]
    summary = tables["summary"].set_index("kernaanpak")
    participation = tables["participation"]
    if participation is not None:
        participation = participation.set_index("kernaanpak")
    options = {
        "profiles": profiles,
        "previous": tables["previous"],
        "min_cell": tables["min_cell"],
        "lang": lang,
    }
    out = []
    for name, kernaanpak in profiles.kernaanpakken.items():
        if name not in summary.index:
            continue
        mine = links[links["kernaanpak"] == name]
        present = mine["present"].astype(bool)
        out.append({
            "name": name, "description": kernaanpak.description(lang),
            "completeness": float(summary.loc[name, "completeness"]),
            "summary": summary_sentences(summary.loc[name], profiles=profiles, lang=lang),
            "present": link_sentences(mine[present], name, **options),
            "absent": link_sentences(mine[~present], name, **options),
            "participation": participation_sentence(participation.loc[name], lang)
            if participation is not None else None,
        })  # fmt: skip
    return out


def wijk_view(project: Project, wijk: str, wave: str, *, lang: str | None = None) -> list[dict]:
    """Everything the page *Kernaanpakken* and the wijk report show of one wijk and wave, per kernaanpak.

    Returns
    -------
    list of dict
        One per kernaanpak, in profile order: ``name``, ``description``,
        ``completeness`` (share), ``summary`` (:func:`summary_sentences`),
        ``present`` and ``absent`` (:func:`link_sentences` of the links with
        and without ties), ``participation`` (:func:`participation_sentence`;
        ``None`` for every audience but researchers). For a leernetwerk the
        link counts are protected as in :func:`kernaanpak_links`.
    """
    return wijk_sentences(wijk_tables(project, wijk, wave), lang)


def completeness_display(project: Project, wave: str, *, lang: str | None = None) -> pd.DataFrame:
    """:func:`completeness_by_wijk` as text for a table: one row per wijk, percentages, "–" where undefined."""
    table = completeness_by_wijk(project, wave)
    out = pd.DataFrame({"wijk": table["wijk"]})
    for column in table.columns[1:]:
        out[column] = [
            ("–" if fmt.is_missing(v) else fmt.percent(v, 0, lang)) for v in table[column]
        ]
    return out


# --- the lens of wijknet analyse ----------------------------------------------------------------


def programme_lens(project: Project, seed: int = 0) -> dict[str, pd.DataFrame]:
    """The kernaanpak tables of ``wijknet analyse``: ``roles``, ``kernaanpak_links``, ``kernaanpak_summary``.

    Plus ``kernaanpak_participation`` (:func:`participation_check`) for
    researchers (a project without audience, or ``onderzoeker``). A
    leernetwerk gets no ``roles`` (actor rows), protected link counts and the
    completeness per wijk; a wijkteam's project holds its own wijk only.
    ``seed`` is unused (nothing is random).
    """
    return lens_finish(project, [lens_part(project, project.wijken)])


def lens_part(project: Project, wijken, seed: int = 0) -> dict[str, pd.DataFrame]:
    """:func:`programme_lens` of some wijken (:data:`wijknet.analysis.programme.BY_WIJK`).

    Every table goes by wijk: the link counts are protected row by row and
    their change within a wijk, the summary groups by wijk and wave. The
    tables of a group of wijken are their rows of the whole tables.
    """
    wijken = list(wijken)
    graphs = _Graphs(project)  # each graph is built once for both tables
    links = kernaanpak_links(project, wijken=wijken, _graphs=graphs)
    tables = {}
    if not is_aggregate_only(project):
        tables["roles"] = roles_table(project, wijken=wijken)
    tables["kernaanpak_links"] = links
    tables["kernaanpak_summary"] = kernaanpak_summary(project, links)
    if project.audience is None or project.audience.is_researcher:
        tables["kernaanpak_participation"] = participation_check(
            project, wijken=wijken, _graphs=graphs
        )
    return tables


def lens_finish(project: Project, parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """The tables of :func:`programme_lens` from the parts of all wijken, in wijk order."""
    return join_parts(parts)


__all__ = [
    "LINK_COLUMNS", "MISSING_COLUMNS", "PARTICIPATION_COLUMNS", "ROLE_COLUMNS", "SUMMARY_COLUMNS", "Link",
    "completeness_by_wijk", "completeness_display", "kernaanpak_links", "kernaanpak_summary", "link_counts", "link_sentences",
    "lens_finish", "lens_part", "missing_links", "participation_check", "participation_sentence", "programme_lens", "protect_links",
    "roles_table", "summary_sentences", "wijk_sentences", "wijk_tables", "wijk_view",
]  # fmt: skip
