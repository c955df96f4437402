"""Does the PlusWIJkteam connect? Reach, ties to the leefwereld, first contact and composition per wijk and wave.

The transformation plan gives the PlusWIJkteam three roles: *verbinden*
(bring parties together, involve residents, be the first point of contact),
*versnellen* and *voeden*; and a required composition: first-line care and
welfare professionals of the wijk, "such as GPs, district nursing, GGZ and
the social domain". :func:`team_measures` measures the connecting role on
one graph, :func:`team_indicators` per wijk and wave, with the team of each
wave from :meth:`wijknet.project.Project.present` (``actor_waves``).

The team's composition requirement is configuration
(``pluswijkteam: composition`` in ``data/kernaanpakken.yaml``, see
:class:`wijknet.core.profiles.KernaanpakProfiles`).

References
----------
PlusWIJken transformation plan (Regioplan Zuid-Limburg, 2024): the
PlusWIJkteam's roles and composition. Borgatti, S. P. (2006). Identifying
sets of key players in a social network. *Computational and Mathematical
Organization Theory*, 12, 21-34 (reach of a set within m steps).
"""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd

from wijknet.analysis.parallel import join_parts
from wijknet.core import formatting as fmt
from wijknet.core.i18n import text
from wijknet.core.profiles import KernaanpakProfiles
from wijknet.metrics import connectors
from wijknet.metrics.keyplayer import reach
from wijknet.privacy.suppression import is_aggregate_only, protect_rows
from wijknet.project import Project

TEAM_COLUMNS = ["wijk", "wave", "team_size", "reach_1", "reach_2", "leefwereld_ties", "first_contact_share",
                "composition_missing"]  # fmt: skip
#: Columns written after :data:`TEAM_COLUMNS`: the baseline of the first-contact share, the same share for
#: referrals, and the number of connectors outside the team.
EXTRA_COLUMNS = ["first_contact_expected", "referral_share", "connectors_outside"]
REFERRAL = "verwijzing"
LEEFWERELD = "leefwereld"

TEXTS = {
    "size": {
        "nl": "Het PlusWIJkteam heeft in deze meting {n} leden.",
        "en": "The PlusWIJkteam has {n} members in this wave.",
    },
    "no_team": {
        "nl": "In deze meting is niemand als lid van het PlusWIJkteam aangemerkt.",
        "en": "Nobody is marked as a member of the PlusWIJkteam in this wave.",
    },
    "reach_1": {
        "nl": "Het PlusWIJkteam heeft een directe relatie met {share} van het wijknetwerk.",
        "en": "The PlusWIJkteam has a direct tie with {share} of the wijknetwerk.",
    },
    "reach_2": {
        "nl": "Het PlusWIJkteam bereikt {share} van het wijknetwerk binnen twee stappen.",
        "en": "The PlusWIJkteam reaches {share} of the wijknetwerk within two steps.",
    },
    "leefwereld": {
        "nl": "Het team heeft {n} relaties met bewoners, initiatieven, sleutelfiguren en andere actoren uit de "
        "leefwereld.",
        "en": "The team has {n} ties with residents, initiatives, key figures and other actors of the leefwereld.",
    },
    "first_contact": {
        "nl": "Van de relaties die anderen in de wijk leggen, gaat {share} naar een teamlid (bij gelijke spreiding "
        "zou dat {expected} zijn).",
        "en": "Of the ties others in the wijk make, {share} go to a team member ({expected} if spread evenly).",
    },
    "referrals": {
        "nl": "Van de verwijzingen van anderen gaat {share} naar een teamlid.",
        "en": "Of the referrals by others, {share} go to a team member.",
    },
    "composition_ok": {
        "nl": "Het team heeft de samenstelling die het plan vraagt (huisarts, wijkverpleging, GGZ, sociaal domein).",
        "en": "The team has the composition the plan asks for (GP, district nursing, GGZ, social domain).",
    },
    "composition_missing": {
        "nl": "Het plan vraagt ook om: {roles}.",
        "en": "The plan also asks for: {roles}.",
    },
    "connectors": {
        "nl": "{n} verbinders staan buiten het team.",
        "en": "{n} connectors are outside the team.",
    },
    "connectors_none": {
        "nl": "Alle verbinders van de wijk zitten in het team.",
        "en": "Every connector of the wijk is in the team.",
    },
    "suppressed": {"nl": "niet getoond (kleine aantallen)", "en": "not shown (small counts)"},
}


def team_measures(
    G: nx.DiGraph,
    *,
    referrals: nx.DiGraph | None = None,
    profiles: KernaanpakProfiles | None = None,
) -> dict:
    r"""The PlusWIJkteam's indicators on one graph (team: nodes with ``pluswijkteam`` True).

    With ``T`` the team (``k`` members), ``R`` the other ``n - k`` actors:

    * ``reach_1``, ``reach_2``: the share of ``R`` within one and two steps
      of the team, steps along ties in either direction, unweighted
      (:func:`wijknet.metrics.keyplayer.reach`, Borgatti 2006):
      :math:`|\{j \in R : d_{Tj} \le m\}| / (n - k)`;
    * ``leefwereld_ties``: undirected dyads :math:`\{t, v\}` with
      :math:`t \in T`, :math:`v \in R` and ``world(v) = leefwereld``
      (residents, initiatives, key figures, volunteers, carers; a tie either
      way counts once);
    * ``first_contact_share``: of the arcs sent by actors of ``R`` (every
      tie type of the graph), the share received by team members,
      :math:`a_{RT} / (a_{RT} + a_{RR})`; ``first_contact_expected`` is its
      value when every actor of ``R`` spread its ties evenly over the
      ``n - 1`` others: :math:`k / (n - 1)`;
    * ``referral_share``: the same share on ``referrals`` (a graph of
      ``verwijzing`` ties only; NaN when not given or without referrals by ``R``);
    * ``composition_missing``: the entries of the required composition
      (``profiles.composition``) no team member's ``role_group`` belongs to,
      ``;``-separated;
    * ``connectors_outside``: connectors (:func:`wijknet.metrics.connectors`,
      top decile of brokerage by domain) who are not in the team.

    Shares are NaN on a zero denominator and reach is NaN without a team.

    Parameters
    ----------
    G : networkx.DiGraph
        Nodes carry ``pluswijkteam``, ``world``, ``role_group``, ``domain``.
    referrals : networkx.DiGraph, optional
        The referral graph of the same wijk and wave.
    profiles : KernaanpakProfiles, optional
        Default the package's (``data/kernaanpakken.yaml``).

    Returns
    -------
    dict
        The indicators above and the counts behind them: ``team_size``,
        ``others``, ``reached_1``, ``reached_2``, ``arcs_to_team``,
        ``arcs_to_rest``, ``referrals_to_team``, ``referrals_to_rest``.

    References
    ----------
    PlusWIJken transformation plan: the PlusWIJkteam connects and is the
    first point of contact; its composition. Borgatti (2006) for m-reach.

    Examples
    --------
    Team ``{t}`` (a GP) in a path ``t - a - b`` plus a resident ``r -> t``:

    >>> G = nx.DiGraph([("a", "t"), ("a", "b"), ("r", "t")])
    >>> nx.set_node_attributes(G, {"t": True, "a": False, "b": False, "r": False}, "pluswijkteam")
    >>> nx.set_node_attributes(G, {"t": "systeemwereld", "a": "systeemwereld", "b": "systeemwereld",
    ...                            "r": "leefwereld"}, "world")
    >>> nx.set_node_attributes(G, {"t": "general_practitioner", "a": "", "b": "", "r": ""}, "role_group")
    >>> nx.set_node_attributes(G, "zorg", "domain")
    >>> m = team_measures(G)
    >>> m["reach_1"], m["reach_2"], m["leefwereld_ties"], m["first_contact_share"], m["first_contact_expected"]
    (0.6666666666666666, 1.0, 1, 0.6666666666666666, 0.3333333333333333)
    >>> m["composition_missing"]
    'district_nurse;mental_health_care;social_domain'
    """
    profiles = profiles or KernaanpakProfiles.default()
    team = [v for v in G if G.nodes[v].get("pluswijkteam") is True]
    in_team = set(team)
    n, k = G.number_of_nodes(), len(team)
    others = n - k
    out = {"team_size": k, "others": others}
    for m in (1, 2):
        share = reach(G, team, m=m) if team and others else float("nan")
        out[f"reach_{m}"] = share
        out[f"reached_{m}"] = 0 if math.isnan(share) else round(share * others)
    dyads = {
        tuple(sorted((u, v)))
        for u, v in G.edges()
        if u != v
        and (u in in_team) != (v in in_team)
        and G.nodes[v if u in in_team else u].get("world") == LEEFWERELD
    }
    out["leefwereld_ties"] = len(dyads)
    for name, graph in (("arcs", G), ("referrals", referrals)):
        to_team = to_rest = 0
        if graph is not None:
            for u, v in graph.edges():
                if u != v and u not in in_team:
                    to_team += v in in_team
                    to_rest += v not in in_team
        out[f"{name}_to_team"], out[f"{name}_to_rest"] = to_team, to_rest
    sent = out["arcs_to_team"] + out["arcs_to_rest"]
    out["first_contact_share"] = out["arcs_to_team"] / sent if sent else float("nan")
    out["first_contact_expected"] = k / (n - 1) if n > 1 else float("nan")
    sent = out["referrals_to_team"] + out["referrals_to_rest"]
    out["referral_share"] = out["referrals_to_team"] / sent if sent else float("nan")
    held = {G.nodes[v].get("role_group") or "" for v in team}
    out["composition_missing"] = ";".join(
        r for r in profiles.composition if not profiles.members(r) & held
    )
    flags = connectors(G) if n else None
    out["connectors_outside"] = 0 if flags is None else int(flags["outside_team"].sum())
    return out


#: The counts behind the indicators, kept for the disclosure control of a leernetwerk.
_COUNTS = ["actors", "team_size", "others", "reached_1", "unreached_1", "reached_2", "unreached_2",
           "leefwereld_ties", "arcs_to_team", "arcs_to_rest", "arcs_sent", "referrals_to_team",
           "referrals_to_rest", "referrals_sent", "connectors_outside"]  # fmt: skip


def team_indicators(
    project: Project, *, wijken=None, waves=None, counts: bool = False
) -> pd.DataFrame:
    """The PlusWIJkteam indicators (:func:`team_measures`) per wijk and wave.

    The team of each wave is the actors with ``pluswijkteam`` of that wave
    (:meth:`Project.present`); the graph has every tie type but the
    interview signals; the referral share uses the ``verwijzing`` ties.

    Parameters
    ----------
    project : Project
    wijken, waves : list of str, optional
        Default all.
    counts : bool, default False
        Keep the counts behind the shares (``team_measures``'s extra keys).

    Returns
    -------
    pandas.DataFrame
        :data:`TEAM_COLUMNS` then :data:`EXTRA_COLUMNS`. For a leernetwerk
        the counts are protected by the one disclosure-control rule
        (:func:`protect_team`) and the shares computed from a suppressed
        count are blank.
    """
    profiles = project.config.profiles
    rows = []
    for wijk in project.wijken if wijken is None else wijken:
        for wave in project.waves if waves is None else waves:
            G = project.graph(wijk, wave)
            referrals = project.graph(wijk, wave, tie_types=[REFERRAL])
            rows.append({"wijk": wijk, "wave": wave, "actors": G.number_of_nodes(),
                         **team_measures(G, referrals=referrals, profiles=profiles)})  # fmt: skip
    columns = TEAM_COLUMNS + EXTRA_COLUMNS
    table = pd.DataFrame(rows)
    if table.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    if is_aggregate_only(project):
        table = protect_team(table, project.config.min_cell)
    return table if counts else table[columns]


def protect_team(table: pd.DataFrame, min_cell: int) -> pd.DataFrame:
    """The team table as a leernetwerk may see it: its counts of people and ties under the one rule.

    Per row (:func:`wijknet.privacy.suppression.protect_rows`), with the
    lines ``actors = team_size + others``, ``others = reached_m +
    unreached_m`` (m = 1, 2), ``arcs_sent = arcs_to_team + arcs_to_rest`` and
    the same for referrals; the number of actors is known to the viewer
    (other tables). A share is blank where a count it is computed from is
    (``reach_m`` with ``reached_m``, the first-contact and referral shares
    with the arcs to the team, the expected share with ``team_size``).
    ``composition_missing`` names roles the team lacks, never a person, and
    stays.

    Examples
    --------
    >>> t = pd.DataFrame({"actors": [40], "team_size": [3], "others": [37], "reached_1": [20], "reached_2": [35],
    ...                   "leefwereld_ties": [8], "arcs_to_team": [30], "arcs_to_rest": [90], "referrals_to_team": [2],
    ...                   "referrals_to_rest": [12], "connectors_outside": [2], "reach_1": [20 / 37],
    ...                   "reach_2": [35 / 37], "first_contact_share": [0.25], "first_contact_expected": [3 / 39],
    ...                   "referral_share": [2 / 14]})
    >>> out = protect_team(t, 5).iloc[0]
    >>> [float(out[c]) for c in ("team_size", "reach_1", "leefwereld_ties", "referral_share", "connectors_outside")]
    [nan, nan, 8.0, nan, nan]
    """
    t = table.copy()
    for m in (1, 2):
        t[f"unreached_{m}"] = t["others"] - t[f"reached_{m}"]
    t["arcs_sent"] = t["arcs_to_team"] + t["arcs_to_rest"]
    t["referrals_sent"] = t["referrals_to_team"] + t["referrals_to_rest"]
    lines = [("actors", ["team_size", "others"]), ("others", ["reached_1", "unreached_1"]),
             ("others", ["reached_2", "unreached_2"]), ("arcs_sent", ["arcs_to_team", "arcs_to_rest"]),
             ("referrals_sent", ["referrals_to_team", "referrals_to_rest"]),
             ("leefwereld_ties", []), ("connectors_outside", [])]  # fmt: skip
    hidden_cost = {
        c: 0.0 for c in ("unreached_1", "unreached_2", "arcs_sent", "referrals_sent", "others")
    }
    derived = {"team_size": ["reach_1", "reach_2", "first_contact_expected"], "others": ["reach_1", "reach_2"],
               "reached_1": ["reach_1"], "reached_2": ["reach_2"], "arcs_to_team": ["first_contact_share"],
               "arcs_to_rest": ["first_contact_share"], "referrals_to_team": ["referral_share"],
               "referrals_to_rest": ["referral_share"]}  # fmt: skip
    out = protect_rows(t, [(a, b) for a, b in lines if b], min_cell, known=["actors"], cost=hidden_cost,
                       derived=derived)  # fmt: skip
    for column in ("leefwereld_ties", "connectors_outside"):
        small = (out[column] > 0) & (out[column] < min_cell)
        out[column] = out[column].astype(float).where(~small)
    return out.drop(columns=["unreached_1", "unreached_2", "arcs_sent", "referrals_sent"])


def connectors_outside(project: Project, wijk: str, wave: str) -> pd.DataFrame:
    """The connectors of one wijk and wave who are not in the PlusWIJkteam, strongest first.

    The rows of :func:`wijknet.analysis.tables.connector_ranking` with
    ``outside_team`` (the same definition as the page *Verbinders*).
    Raises :class:`~wijknet.privacy.audience.NotAllowed` for a leernetwerk.
    """
    from wijknet.analysis.tables import connector_ranking

    if project.audience is not None:
        project.audience.require(project.audience.sees_individuals, "verbinders buiten het team")
    ranking = connector_ranking(project.graph(wijk, wave))
    return ranking[ranking["outside_team"].astype(bool)].reset_index(drop=True)


def team_sentences(
    row, *, profiles: KernaanpakProfiles | None = None, lang: str | None = None
) -> list[str]:
    """One plain sentence per indicator of one row of :func:`team_indicators`.

    Examples
    --------
    >>> row = {"team_size": 6, "reach_1": 0.3, "reach_2": 0.64, "leefwereld_ties": 5, "first_contact_share": 0.2,
    ...        "first_contact_expected": 0.1, "referral_share": float("nan"), "composition_missing": "mental_health_care",
    ...        "connectors_outside": 2}
    >>> team_sentences(row, lang="nl")[2]
    'Het PlusWIJkteam bereikt 64% van het wijknetwerk binnen twee stappen.'
    """
    profiles = profiles or KernaanpakProfiles.default()
    row = dict(row)

    def share(value) -> str:
        return (
            text(TEXTS, "suppressed", lang)
            if fmt.is_missing(value)
            else fmt.percent(value, 0, lang)
        )

    def count(value) -> str:
        return (
            text(TEXTS, "suppressed", lang) if fmt.is_missing(value) else fmt.integer(value, lang)
        )

    if not fmt.is_missing(row["team_size"]) and row["team_size"] == 0:
        return [text(TEXTS, "no_team", lang)]
    out = [text(TEXTS, "size", lang, n=count(row["team_size"])),
           text(TEXTS, "reach_1", lang, share=share(row["reach_1"])),
           text(TEXTS, "reach_2", lang, share=share(row["reach_2"])),
           text(TEXTS, "leefwereld", lang, n=count(row["leefwereld_ties"])),
           text(TEXTS, "first_contact", lang, share=share(row["first_contact_share"]),
                expected=share(row.get("first_contact_expected")))]  # fmt: skip
    if not fmt.is_missing(row.get("referral_share")):
        out.append(text(TEXTS, "referrals", lang, share=share(row["referral_share"])))
    missing = [m for m in str(row.get("composition_missing") or "").split(";") if m]
    out.append(text(TEXTS, "composition_missing", lang, roles=", ".join(profiles.label(m, lang) for m in missing))
               if missing else text(TEXTS, "composition_ok", lang))  # fmt: skip
    n = row.get("connectors_outside")
    if fmt.is_missing(n) or n > 0:
        out.append(text(TEXTS, "connectors", lang, n=count(n)))
    else:
        out.append(text(TEXTS, "connectors_none", lang))
    return out


def team_view(project: Project, wijk: str, wave: str, *, lang: str | None = None) -> dict:
    """Everything the page *PlusWIJkteam* and the wijk report show of one wijk and wave.

    Returns
    -------
    dict
        ``row`` (the :func:`team_indicators` row with its counts),
        ``sentences`` (:func:`team_sentences`) and ``connectors``: the
        connectors outside the team (:func:`connectors_outside`) with
        ``name``, ``role``, ``domain`` (the label) and ``brokerage_total``.
        Raises :class:`~wijknet.privacy.audience.NotAllowed` for a leernetwerk.
    """
    if project.audience is not None:
        project.audience.require(project.audience.sees_individuals, "de PlusWIJkteam-pagina")
    row = team_indicators(project, wijken=[wijk], waves=[wave], counts=True).iloc[0].to_dict()
    outside = connectors_outside(project, wijk, wave)
    taxonomy = project.taxonomy
    connectors_table = pd.DataFrame({
        "name": outside["name"].astype(str), "role": outside["role"].astype(str),
        "domain": [taxonomy.label(d, lang) for d in outside["domain_key"]],
        "brokerage_total": outside["brokerage_total"].astype(int),
    })  # fmt: skip
    return {"row": row, "sentences": team_sentences(row, profiles=project.config.profiles, lang=lang),
            "connectors": connectors_table}  # fmt: skip


def programme_lens(project: Project, seed: int = 0) -> dict[str, pd.DataFrame]:
    """The table ``team`` of ``wijknet analyse`` (:func:`team_indicators`); ``seed`` is unused."""
    return team_finish(project, [team_part(project, project.wijken)])


def team_part(project: Project, wijken, seed: int = 0) -> dict[str, pd.DataFrame]:
    """:func:`programme_lens` of some wijken (:data:`wijknet.analysis.programme.BY_WIJK`).

    A row per wijk and wave, protected on its own: the rows of a group of
    wijken are their rows of the whole table.
    """
    return {"team": team_indicators(project, wijken=list(wijken))}


def team_finish(project: Project, parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """The table ``team`` from the parts of all wijken, in wijk order."""
    return join_parts(parts)


__all__ = ["EXTRA_COLUMNS", "TEAM_COLUMNS", "connectors_outside", "programme_lens", "protect_team",
           "team_finish", "team_indicators", "team_measures", "team_part", "team_sentences", "team_view"]  # fmt: skip
