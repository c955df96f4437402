"""The projector's view of a live session: the growing graph, its fixed layout and whose names are shown.

:func:`live_graph` builds the directed graph of a session (every actor on
the roster is a node, every current answer a tie) with the attributes of the
project's actors, so :func:`wijknet.viz.netmap.network_map_html` draws it
like any wave. :func:`live_layout` computes seeded positions once, on the
union of the wijk's waves and the roster, so nodes stay put while ties
arrive. :func:`projector_project` decides which names the room may see.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..errors import Problem
from ..graph import plain
from ..i18n import text
from .session import get_session, live_ties, roster


def projector_project(folder: str | Path, wijk: str, viewer: str | None = None):
    """The project as the room may see it during a session of ``wijk``.

    The projector shows what the wijkteam of ``wijk`` may see
    (:func:`wijknet.privacy.restrict` with the audience ``wijkteam:<wijk>``:
    persons without consent and residents get pseudonyms), whoever runs the
    app; a viewer who may see less keeps their own, smaller view (a
    ``leernetwerk`` sees no names).

    Parameters
    ----------
    folder : str or Path
        The project store.
    wijk : str
        The session's wijk.
    viewer : str, optional
        The audience of whoever runs the app (``"onderzoeker"``,
        ``"wijkteam:<wijk>"``, ``"leernetwerk"``).

    Returns
    -------
    Project
        Restricted by :func:`wijknet.privacy.restrict`.

    Raises
    ------
    wijknet.privacy.NotAllowed
        When the viewer is the wijkteam of another wijk.
    """
    from ..privacy import Audience, NotAllowed, restrict
    from ..project import load_project

    full = load_project(folder)
    audience = Audience.parse(f"wijkteam:{wijk}")
    if viewer:
        seen_by = Audience.parse(viewer)
        if seen_by.tier == "wijkteam" and seen_by.wijk != wijk:
            raise NotAllowed([Problem(str(seen_by), text(PAGE_TEXTS, "other_wijk", wijk=wijk))])
        if seen_by.tier == "leernetwerk":
            audience = seen_by
    return restrict(full, audience)


def live_graph(project, folder: str | Path, code: str) -> nx.DiGraph:
    """The graph of a live session: roster actors as nodes, current answers as directed ties.

    Parameters
    ----------
    project : Project
        The project of the store (restricted by :func:`projector_project`
        for what the room may see), for the actor attributes and names.
    folder : str or Path
        The project store.
    code : str
        The session's join code.

    Returns
    -------
    networkx.DiGraph
        Nodes carry the actor attributes (``name``, ``domain``, ``pluswijkteam``
        ...); edges ``weight`` (the largest intensity given), ``tie_type``
        (``;``-joined) and ``answers`` (how many answers name the pair).
        ``G.graph`` has ``wijk``, ``wave`` and ``code``.
    """
    session = get_session(folder, code)
    entries = roster(folder, code)
    actors = project.actors
    real_ids = project._real_ids  # a restricted project carries pseudonyms as ids
    if real_ids:
        actors = actors.assign(actor_id=actors["actor_id"].map(lambda a: real_ids.get(a, a)))
    actors = actors.set_index("actor_id", drop=False)
    G = nx.DiGraph(wijk=session.wijk, wave=session.wave, code=session.code)
    for entry in entries:
        data = {k: plain(v) for k, v in actors.loc[entry.actor_id].items()} if entry.actor_id in actors.index else {
            "actor_id": entry.actor_id, "name": entry.name, "domain": entry.domain}
        G.add_node(entry.actor_id, **data)
    ties = live_ties(folder, code)
    for (source, target), group in ties.groupby(["source", "target"], sort=True):
        if source in G and target in G:
            G.add_edge(source, target, weight=float(group["weight"].max()), answers=len(group),
                       tie_type=";".join(sorted(set(group["tie_type"]))))
    return G


def answered(folder: str | Path, code: str) -> set[str]:
    """The participants who sent at least one submission (their node is drawn without the dashed border)."""
    from ..store.db import connect

    conn = connect(folder)
    try:
        rows = conn.execute("SELECT DISTINCT s.participant FROM live_submissions s JOIN live_sessions l "
                            "USING (session_id) WHERE l.code = ?", (str(code).strip().lower(),)).fetchall()  # fmt: skip
    finally:
        conn.close()
    return {r[0] for r in rows}


def answers_version(folder: str | Path, code: str) -> tuple:
    """A cheap fingerprint of a session's answers (submissions and the newest answer): changes with every submission."""
    from ..store.db import connect

    conn = connect(folder)
    try:
        return tuple(conn.execute(
            "SELECT COUNT(*), MAX(s.submitted_at), (SELECT MAX(answer_id) FROM live_answers a WHERE a.session_id = "
            "l.session_id) FROM live_submissions s JOIN live_sessions l USING (session_id) WHERE l.code = ?",
            (str(code).strip().lower(),)).fetchone())  # fmt: skip
    finally:
        conn.close()


def live_layout(project, G: nx.DiGraph, *, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Seeded positions for the live map: the union of the wijk's waves and the session's roster.

    Computed from the ties the project had before the session (plus every
    roster node), so positions do not move while answers come in; call it
    once per session and keep the result.
    """
    from ..viz.layout import stable_layout

    wijk = G.graph["wijk"]
    graphs = [project.graph(wijk, wave) for wave in project.waves if wijk in project.wijken]
    roster_only = nx.Graph()
    roster_only.add_nodes_from(G.nodes(data=True))
    return stable_layout([*graphs, roster_only], seed=seed, taxonomy=project.taxonomy)


#: Texts of the projector page ("Live netwerkkaart") of the app.
PAGE_TEXTS = {
    "no_store": {
        "nl": "Live sessies horen bij een projectmap (wijknet init). Open de app met zo'n map: wijknet app MAP.",
        "en": "Live sessions belong to a project store (wijknet init). Open the app with one: wijknet app FOLDER.",
    },
    "no_sessions": {
        "nl": "Dit project heeft nog geen live sessie. Open er een met: wijknet live open {folder} --wijk WIJK --wave METING",
        "en": "This project has no live session yet. Open one with: wijknet live open {folder} --wijk WIJK --wave WAVE",
    },
    "session": {"nl": "Sessie", "en": "Session"},
    "session_label": {"nl": "{title} — {wijk}, meting {wave} ({state})", "en": "{title} — {wijk}, wave {wave} ({state})"},
    "state_open": {"nl": "open", "en": "open"},
    "state_closed": {"nl": "gesloten", "en": "closed"},
    "join": {
        "nl": "Doe mee: open de link van de begeleider op uw telefoon, of ga naar het adres van de server en vul de code in:",
        "en": "Join: open the facilitator's link on your phone, or go to the server's address and enter the code:",
    },
    "closed_note": {
        "nl": "Deze sessie is gesloten; de antwoorden zijn nu meting {wave} van het project.",
        "en": "This session is closed; its answers are now wave {wave} of the project.",
    },
    "participants": {"nl": "Ingevuld", "en": "Answered"},
    "participants_help": {"nl": "deelnemers die het formulier verstuurden, van de hele lijst",
                          "en": "participants who sent the form, of the whole roster"},
    "ties": {"nl": "Relaties", "en": "Ties"},
    "cross": {"nl": "Domeinoverstijgend", "en": "Across domains"},
    "updated": {"nl": "Ververst elke {s} seconden; laatst om {time}.", "en": "Refreshes every {s} seconds; last at {time}."},
    "names_privacy": {
        "nl": "Namen zoals het wijkteam ze mag zien: personen zonder toestemming en inwoners staan er met een code op.",
        "en": "Names as the wijkteam may see them: persons without consent and residents are shown with a code.",
    },
    "map_alt": {"nl": "Live netwerkkaart van {wijk}", "en": "Live network map of {wijk}"},
    "other_wijk": {"nl": "deze sessie is van wijk {wijk}; u kijkt als wijkteam van een andere wijk",
                   "en": "this session is of wijk {wijk}; you are viewing as the wijkteam of another wijk"},
}  # fmt: skip


def cross_domain_ties(G: nx.DiGraph) -> int:
    """Ties between actors of different domains."""
    return sum(1 for u, v in G.edges if G.nodes[u].get("domain") != G.nodes[v].get("domain"))
