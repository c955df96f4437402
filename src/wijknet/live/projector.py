"""The projector's view of a live session: the growing graph, its fixed layout and whose names are shown.

:func:`projector_project` decides what the room may see: the project
restricted (:func:`wijknet.privacy.restrict`) to the wijkteam of the
session's wijk, for a researcher or that wijkteam; a leernetwerk and the
wijkteams of other wijken get nothing. :func:`live_graph` builds the directed
graph of a session on that restricted project (every actor on the roster is
a node, every current answer a tie), keyed by the restricted project's
pseudonyms: no real actor id reaches the page, so nothing on the projector
can be joined with a phone form (whose partners have opaque option ids of
their own). :func:`live_layout` computes seeded positions once, on the union
of the wijk's waves and the roster, so nodes stay put while ties arrive.
"""

from __future__ import annotations

import html
from pathlib import Path

import networkx as nx

from wijknet.core.errors import Problem
from wijknet.core.i18n import text
from wijknet.graph.build import plain
from wijknet.live.session import get_session, live_ties, roster, sessions


def projector_project(folder: str | Path, wijk: str, viewer: str | None):
    """The project as the room may see it during a session of ``wijk``.

    The projector shows what the wijkteam of ``wijk`` may see
    (:func:`wijknet.privacy.restrict` with the audience ``wijkteam:<wijk>``:
    persons without consent and residents get pseudonyms), whoever runs it.

    Parameters
    ----------
    folder : str or Path
        The project store.
    wijk : str
        The session's wijk.
    viewer : str
        The audience of whoever runs the app (``"onderzoeker"`` or
        ``"wijkteam:<wijk>"``).

    Returns
    -------
    Project
        Restricted by :func:`wijknet.privacy.restrict` to ``wijkteam:<wijk>``.

    Raises
    ------
    wijknet.privacy.NotAllowed
        For a leernetwerk (no live page, no session, no join address: the
        projector is actor-level), for the wijkteam of another wijk, and for
        no viewer at all.
    """
    from wijknet.privacy import Audience, restrict
    from wijknet.privacy.load import load_project

    check_viewer(viewer, wijk)
    return restrict(load_project(folder), Audience("wijkteam", wijk))


def check_viewer(viewer: str | None, wijk: str | None = None) -> None:
    """Refuse a viewer who may not run the projector of ``wijk`` (see :func:`projector_project`)."""
    from wijknet.privacy import Audience, NotAllowed

    seen_by = Audience.parse(viewer or "leernetwerk")
    if seen_by.tier == "leernetwerk":
        raise NotAllowed([Problem(str(seen_by), text(PAGE_TEXTS, "not_leernetwerk"))])
    if wijk is not None and seen_by.tier == "wijkteam" and seen_by.wijk != wijk:
        raise NotAllowed([Problem(str(seen_by), text(PAGE_TEXTS, "other_wijk"))])


def visible_sessions(folder: str | Path, viewer: str | None) -> list:
    """The sessions ``viewer`` may see: all for a researcher, its own wijk's for a wijkteam, none for a leernetwerk."""
    from wijknet.privacy import Audience

    check_viewer(viewer)
    seen_by = Audience.parse(viewer)
    return [s for s in sessions(folder) if seen_by.tier == "onderzoeker" or s.wijk == seen_by.wijk]


def live_graph(project, folder: str | Path, code: str) -> nx.DiGraph:
    """The graph of a live session: roster actors as nodes, current answers as directed ties.

    Parameters
    ----------
    project : Project
        The project restricted by :func:`projector_project`, for the actor
        attributes and names the room may see.
    folder : str or Path
        The project store.
    code : str
        The session's code.

    Returns
    -------
    networkx.DiGraph
        Nodes are the restricted project's ids (pseudonyms) and carry its
        actor attributes (``name``, ``domain``, ``pluswijkteam`` ...); edges
        ``weight`` (the largest intensity given), ``tie_type`` (``;``-joined)
        and ``answers`` (how many answers name the pair). ``G.graph`` has
        ``wijk``, ``wave`` and ``respondents`` (the nodes of participants who
        answered).
    """
    session = get_session(folder, code)
    codes = _codes(project)
    actors = project.actors.set_index("actor_id", drop=False)
    G = nx.DiGraph(wijk=session.wijk, wave=session.wave)
    for entry in roster(folder, code):
        node = codes.get(entry.actor_id)
        if node is not None and node in actors.index:
            G.add_node(node, **{k: plain(v) for k, v in actors.loc[node].items()})
    ties = live_ties(folder, code)
    ties = ties.assign(source=ties["source"].map(codes), target=ties["target"].map(codes))
    for (source, target), group in ties.groupby(["source", "target"], sort=True):
        if source in G and target in G:
            G.add_edge(
                source,
                target,
                weight=float(group["weight"].max()),
                answers=len(group),
                tie_type=";".join(sorted(set(group["tie_type"]))),
            )
    G.graph["respondents"] = {codes[p] for p in answered(folder, code) if p in codes}
    return G


def _codes(project) -> dict[str, str]:
    """Real id -> the restricted project's id (its pseudonym)."""
    real_ids = project._real_ids or {}
    return {real: code for code, real in real_ids.items()}


def answered(folder: str | Path, code: str) -> set[str]:
    """The participants (real ids, library use only) who sent at least one submission."""
    from wijknet.store.db import connection

    with connection(folder) as conn:
        rows = conn.execute("SELECT DISTINCT s.participant FROM live_submissions s JOIN live_sessions l "
                            "USING (session_id) WHERE l.code = ?", (str(code).strip().lower(),)).fetchall()  # fmt: skip
    return {r[0] for r in rows}


def live_version(folder: str | Path, code: str) -> tuple[tuple, tuple]:
    """Cheap fingerprints ``(roster, answers)`` of a session, read on one short connection.

    ``roster`` changes when the wijk's actors change (an import, an update,
    ``wijknet forget``); ``answers`` with every submission, correction or
    erasure and when the session is closed. The projector redraws only when
    one of them changed, and reloads the restricted project when the roster did.
    """
    from wijknet.store.db import connection

    with connection(folder) as conn:
        code = str(code).strip().lower()
        roster_version = tuple(conn.execute(
            "SELECT COUNT(*), MAX(a.rowid), TOTAL(length(a.name) + length(a.consent) + length(a.kind) + length(a.domain)), "
            "(SELECT MAX(import_id) FROM imports) FROM actors a JOIN live_sessions l ON a.wijk = l.wijk WHERE l.code = ?",
            (code,)).fetchone())  # fmt: skip
        answers = tuple(conn.execute(
            "SELECT COUNT(*), MAX(s.submitted_at), (SELECT MAX(answer_id) FROM live_answers a WHERE a.session_id = "
            "l.session_id), (SELECT COUNT(*) FROM live_answers a WHERE a.session_id = l.session_id), l.closed_at "
            "FROM live_sessions l LEFT JOIN live_submissions s USING (session_id) WHERE l.code = ?", (code,)).fetchone())  # fmt: skip
    return roster_version, answers


def live_layout(project, G: nx.DiGraph, *, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Seeded positions for the live map: the union of the wijk's waves and the session's roster.

    Computed from the ties the project had before the session (plus every
    roster node), so positions do not move while answers come in; call it
    once per session and keep the result.
    """
    from wijknet.viz.layout import stable_layout

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
        "nl": "Doe mee: scan de QR-code op uw persoonlijke strook, of open uw persoonlijke link. Server:",
        "en": "Join: scan the QR code on your personal slip, or open your personal link. Server:",
    },
    "no_server": {
        "nl": "De server voor de telefoons draait nog niet: wijknet live serve {folder} {code} --host <LAN-adres>",
        "en": "The server for the phones is not running yet: wijknet live serve {folder} {code} --host <LAN address>",
    },
    "not_leernetwerk": {
        "nl": "de live netwerkkaart toont afzonderlijke personen en relaties en is er niet voor het leernetwerk",
        "en": "the live network map shows single persons and ties and is not available to the learning network",
    },
    "signed_out": {"nl": "U bent niet meer aangemeld; de kaart wordt niet meer ververst.",
                   "en": "You are no longer signed in; the map is no longer refreshed."},
    "links": {"nl": "Persoonlijke links voor de deelnemers", "en": "Personal links for the participants"},
    "links_help": {
        "nl": "Iedere deelnemer krijgt een eigen link met QR-code; de sessiecode alleen opent niets. Links worden "
              "alleen gehasht bewaard: het vel kunt u alleen nu downloaden. Druk het af, geef iedereen de eigen "
              "strook en verwijder het bestand. Namen op het vel: zoals het wijkteam ze ziet (echte namen alleen voor een "
              "onderzoeker die de namen ontgrendelde).",
        "en": "Every participant gets a link of their own with a QR code; the session code alone opens nothing. "
              "Links are stored only hashed: you can download the sheet only now. Print it, give everyone their "
              "own slip and delete the file. Names on the sheet: as the wijkteam sees them (real names only for a "
              "researcher who unlocked names).",
    },
    "links_count": {"nl": "{n} van {roster} deelnemers hebben een geldige link.",
                    "en": "{n} of {roster} participants hold a valid link."},
    "links_url": {"nl": "Adres van de server", "en": "Address of the server"},
    "links_missing": {"nl": "Links maken voor wie er nog geen heeft", "en": "Make links for those without one"},
    "links_all": {"nl": "Alle links opnieuw maken (oude werken niet meer)", "en": "Make all links anew (old ones stop working)"},
    "links_download": {"nl": "Vel met QR-codes downloaden ({n})", "en": "Download the sheet of QR codes ({n})"},
    "links_none": {"nl": "Iedereen heeft al een geldige link.", "en": "Everyone holds a valid link already."},
    "revoke": {"nl": "Link intrekken van", "en": "Revoke the link of"},
    "revoke_button": {"nl": "Intrekken", "en": "Revoke"},
    "revoked": {"nl": "Ingetrokken.", "en": "Revoked."},
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
    "other_wijk": {"nl": "deze sessie is van een andere wijk dan die van uw wijkteam",
                   "en": "this session is of another wijk than your wijkteam's"},
}  # fmt: skip


def cross_domain_ties(G: nx.DiGraph) -> int:
    """Ties between actors of different domains."""
    return sum(1 for u, v in G.edges if G.nodes[u].get("domain") != G.nodes[v].get("domain"))


# --- partial: the participants' address and its QR code on the projector -----------------

#: Pixels per QR module on the projector (readable by a phone from the back of a meeting room).
PROJECTOR_QR_SCALE = 7
JOIN_TEXTS = {
    "join_title": {"nl": "Doe mee met uw telefoon", "en": "Join with your phone"},
    "join_steps": {
        "nl": "Scan de QR-code op uw eigen strook, of typ de link van uw strook over. "
              "Deze code hieronder opent het adres van de sessie: daar ziet u of uw telefoon de server bereikt.",
        "en": "Scan the QR code on your own slip, or type the link of your slip. "
              "The code below opens the session's address: there you see whether your phone reaches the server.",
    },
    "join_address": {"nl": "Adres van de sessie", "en": "Address of the session"},
    "join_qr_alt": {"nl": "QR-code van {url}", "en": "QR code of {url}"},
}  # fmt: skip


def join_html(url: str, lang: str = "nl") -> str:
    """The projector's join block: the participants' address written out and its QR code (inline SVG).

    Only the server's address (its landing page, which opens no form):
    never a personal link, whose token would let anyone in the room answer
    for that participant. The personal links are on the printed slips
    (:func:`wijknet.live.links.links_sheet`). Every value is HTML-escaped;
    nothing is loaded from elsewhere.

    Examples
    --------
    >>> block = join_html("http://192.168.1.23:8600")
    >>> "http://192.168.1.23:8600" in block and "<svg" in block and "/p/" not in block
    True
    """
    shown = html.escape(url)
    return (
        '<div class="wn-join" style="display:flex;gap:1.2rem;align-items:center;flex-wrap:wrap">'
        f"{join_qr_html(url, lang)}"
        '<div class="wn-join-text" style="min-width:14rem;flex:1">'
        f'<p style="font-size:1.4rem;font-weight:700;margin:0 0 .3rem">{html.escape(text(JOIN_TEXTS, "join_title", lang))}</p>'
        f'<p style="margin:0 0 .4rem">{html.escape(text(JOIN_TEXTS, "join_steps", lang))}</p>'
        f'<p style="margin:0;color:#444">{html.escape(text(JOIN_TEXTS, "join_address", lang))}:</p>'
        f'<p class="wn-join-url" style="font:700 1.6rem/1.3 monospace;margin:0;overflow-wrap:anywhere">{shown}</p>'
        "</div></div>"
    )


def join_qr_html(url: str, lang: str = "nl") -> str:
    """The QR code of the participants' address (inline SVG, labelled for screen readers), nothing else.

    Examples
    --------
    >>> join_qr_html("http://192.168.1.23:8600").count("<svg")
    1
    """
    from wijknet.live.links import qr_svg

    alt = html.escape(text(JOIN_TEXTS, "join_qr_alt", lang, url=url))
    return (
        f'<div class="wn-join-qr" role="img" aria-label="{alt}" '
        f'style="background:#fff;line-height:0;display:inline-block">{qr_svg(url, scale=PROJECTOR_QR_SCALE)}</div>'
    )
