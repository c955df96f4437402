"""Live netwerkkaart: the projector view of a live session; the map grows while participants answer.

Participants answer on their phone (``wijknet live serve``); this page reads
the session's answers every few seconds (``st.fragment(run_every=...)``) and
draws them with the network map at fixed, seeded positions. Names are shown
as the session's wijkteam may see them (:func:`wijknet.live.projector.projector_project`).
All logic is in :mod:`wijknet.live`.
"""

from datetime import datetime

import streamlit as st

from wijknet.errors import DataError
from wijknet.i18n import text
from wijknet.live import session_counts, sessions
from wijknet.live.projector import (
    PAGE_TEXTS,
    answered,
    answers_version,
    cross_domain_ties,
    live_graph,
    live_layout,
    projector_project,
)
from wijknet.store import is_store
from wijknet.viz.netmap import network_map_html
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

REFRESH_SECONDS = 4
MAP_HEIGHT = 620
MAX_LABELS = 35


def lt(key: str, **values) -> str:
    return text(PAGE_TEXTS, key, state.language(), **values)


@st.cache_data(show_spinner=False, max_entries=8, ttl=3600)
def _room_project(folder: str, wijk: str, viewer: str):
    return projector_project(folder, wijk, viewer)


@st.cache_data(show_spinner=False, max_entries=8, ttl=3600)
def _positions(folder: str, code: str):
    from wijknet.project import load_project

    project = load_project(folder)  # positions only: no name leaves this function
    return live_layout(project, live_graph(project, folder, code))


sel = state.selection()
st.title(t("page_live"))
folder = sel.folder
if not folder or not is_store(folder):
    st.info(lt("no_store"), icon=":material/info:")
    st.stop()
found = sessions(folder)
if not found:
    st.info(lt("no_sessions", folder=ui.literal(folder)), icon=":material/info:")
    st.stop()

by_code = {s.code: s for s in found}
first_open = next((i for i, s in enumerate(found) if s.is_open), 0)
code = st.selectbox(lt("session"), list(by_code), index=first_open, key="live_session", format_func=lambda c: lt(
    "session_label", title=by_code[c].title, wijk=by_code[c].wijk, wave=by_code[c].wave,
    state=lt("state_open" if by_code[c].is_open else "state_closed")))
session = by_code[code]
viewer = state.viewer(folder)[0]
try:
    project = _room_project(folder, session.wijk, viewer)
except DataError as exc:
    st.error(ui.literal(exc), icon=":material/block:")
    st.stop()

@st.cache_data(show_spinner=False, max_entries=16, ttl=3600)
def _map(folder: str, code: str, version: tuple, viewer: str, lang: str) -> tuple[str, dict]:
    """The map's HTML and counts for one state of the answers (``version``), so an unchanged map is not redrawn."""
    G = live_graph(project, folder, code)
    degree = {n: float(G.degree(n)) for n in G}
    html = network_map_html(G, _positions(folder, code), taxonomy=project.taxonomy, node_size=degree,
                            size_label=t("measure_degree"), lang=lang, max_labels=MAX_LABELS, height=MAP_HEIGHT,
                            respondents=answered(folder, code))
    return html, {"ties": G.number_of_edges(), "cross": cross_domain_ties(G)}


@st.fragment(run_every=REFRESH_SECONDS if session.is_open else None)
def live_map() -> None:
    counts = session_counts(folder, code)
    html, figures = _map(folder, code, (counts.participants, counts.answers, answers_version(folder, code)),
                         str(viewer), sel.lang)
    cols = st.columns([2, 1, 1, 1]) if session.is_open else st.columns(3)
    if session.is_open:
        cols[0].markdown(f"{lt('join')}<br><span style='font-size:2.4rem;font-weight:700;letter-spacing:.12em;"
                         f"font-family:monospace'>{session.code}</span>", unsafe_allow_html=True)
    cols[-3].metric(lt("participants"), f"{counts.participants} / {counts.roster}", help=lt("participants_help"))
    cols[-2].metric(lt("ties"), figures["ties"])
    cols[-1].metric(lt("cross"), figures["cross"])
    st.iframe(html, height=MAP_HEIGHT + 110, alt=lt("map_alt", wijk=session.wijk))
    st.caption(" ".join([lt("names_privacy"),
                         lt("updated", s=REFRESH_SECONDS, time=datetime.now().strftime("%H:%M:%S"))
                         if session.is_open else ""]))


if not session.is_open:
    st.info(lt("closed_note", wave=ui.literal(session.wave)), icon=":material/lock:")
live_map()
