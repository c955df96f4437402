"""Live netwerkkaart: the projector view of a live session; the map grows while participants answer.

Participants answer on their phone through their personal link (``wijknet
live serve``); this page reads the session's answers every few seconds
(``st.fragment(run_every=...)``) and draws them with the network map at fixed,
seeded positions. What the page shows is the session's wijk as its wijkteam
may see it (:func:`wijknet.live.projector.projector_project`), keyed by
pseudonyms; a leernetwerk gets no session, no address and no map, a wijkteam
only its own wijk's sessions. Every automatic refresh checks the sign-in
again (:func:`wijknet.webapp.auth.still_signed_in`) and stops showing data
when the account was disabled or removed or the sign-in session expired.
A researcher or the wijkteam of the wijk makes the participants' personal
links here (a printable sheet of QR codes). All logic is in :mod:`wijknet.live`.
"""

from datetime import datetime

import streamlit as st

from wijknet.core.errors import DataError
from wijknet.core.i18n import text
from wijknet.live import get_session, issue_links, linked, revoke_links, roster, session_counts
from wijknet.live.links import links_sheet, slips
from wijknet.live.projector import PAGE_TEXTS, join_qr_html, live_version, visible_sessions
from wijknet.privacy import Audience
from wijknet.store import is_store
from wijknet.webapp import state, ui
from wijknet.webapp.auth import current_session, still_signed_in
from wijknet.webapp.texts import t

REFRESH_SECONDS = 4
DEFAULT_URL = "http://127.0.0.1:8600"


def lt(key: str, **values) -> str:
    return text(PAGE_TEXTS, key, state.language(), **values)


sel = state.selection()
st.title(t("page_live"))
folder = sel.folder
if not folder or not is_store(folder):
    st.info(lt("no_store"), icon=":material/info:")
    st.stop()
viewer = state.viewer(folder)[0]
try:
    found = visible_sessions(folder, viewer)
except DataError as exc:  # a leernetwerk: no session titles, no address, no map
    st.error(ui.literal(exc), icon=":material/block:")
    st.stop()
if not found:
    st.info(lt("no_sessions", folder=ui.literal(folder)), icon=":material/info:")
    st.stop()

by_code = {s.code: s for s in found}
first_open = next((i for i, s in enumerate(found) if s.is_open), 0)
code = st.selectbox(
    lt("session"),
    list(by_code),
    index=first_open,
    key="live_session",
    placeholder=ui.t("choose_option"),
    format_func=lambda c: lt(
        "session_label",
        title=by_code[c].title,
        wijk=by_code[c].wijk,
        wave=by_code[c].wave,
        state=lt("state_open" if by_code[c].is_open else "state_closed"),
    ),
)
session = by_code[code]
try:
    state.live_room_project(
        folder, session.wijk, viewer, live_version(folder, code)[0]
    )  # refuses another wijk's wijkteam
except DataError as exc:
    st.error(ui.literal(exc), icon=":material/block:")
    st.stop()


@st.fragment(run_every=REFRESH_SECONDS if session.is_open else None)
def live_map() -> None:
    # A fragment's rerun skips the entry script's sign-in check: check again, and show nothing when it fails.
    if not still_signed_in():
        st.warning(lt("signed_out"), icon=":material/lock:")
        st.rerun()  # the whole app: the sign-in page (or the message that the account is gone)
    version = live_version(folder, code)
    if session.is_open and version[1][-1] is not None:  # closed since the page was drawn
        st.rerun()
    counts = session_counts(folder, code)
    html, figures = state.live_map(
        folder, code, str(viewer), version, sel.lang, t("measure_degree")
    )
    cols = st.columns([2, 1, 1, 1]) if session.is_open else st.columns(3)
    if session.is_open:
        address = get_session(folder, code).url
        if address:  # the address and its QR code; personal links only on the printed slips
            qr, words = cols[0].columns([1, 2], vertical_alignment="center")
            with qr:
                st.html(join_qr_html(address, sel.lang))
            words.markdown(lt("join"))
            words.code(address, language=None)
        else:
            cols[0].caption(lt("no_server", folder=ui.literal(folder), code=code))
    cols[-3].metric(
        lt("participants"), f"{counts.participants} / {counts.roster}", help=lt("participants_help")
    )
    cols[-2].metric(lt("ties"), figures["ties"])
    cols[-1].metric(lt("cross"), figures["cross"])
    st.iframe(html, height=state.LIVE_MAP_HEIGHT + 110, alt=lt("map_alt", wijk=session.wijk))
    st.caption(
        " ".join(
            [
                lt("names_privacy"),
                lt("updated", s=REFRESH_SECONDS, time=datetime.now().strftime("%H:%M:%S"))
                if session.is_open
                else "",
            ]
        )
    )


def links_panel() -> None:
    """Issue personal links and offer the printable sheet (researcher, or the wijkteam of the wijk)."""
    entries = roster(folder, code)
    username = current_session().username if current_session() else None
    with st.expander(lt("links"), icon=":material/qr_code_2:"):
        st.caption(lt("links_help"))
        count = st.empty()
        base = st.text_input(
            lt("links_url"), value=session.url or DEFAULT_URL, key="live_links_url"
        )
        left, right = st.columns(2)
        tokens = None
        if left.button(lt("links_missing"), key="live_links_missing"):
            tokens = issue_links(folder, code, only_missing=True, username=username)
        if right.button(lt("links_all"), key="live_links_all"):
            tokens = issue_links(folder, code, username=username)
        if tokens is not None:
            if not tokens:
                st.info(lt("links_none"))
            else:
                # real names only for a researcher who unlocked them (as on every page); else as the wijkteam sees them
                real_names = Audience.parse(viewer).may_unlock and state.viewer(folder)[1]
                sheet = links_sheet(session.title, slips(folder, code, tokens, base, real_names=real_names, lang=sel.lang),
                                    folder=str(folder), code=code, lang=sel.lang)  # fmt: skip
                st.download_button(
                    lt("links_download", n=len(tokens)),
                    sheet,
                    file_name=f"links-{code}.html",
                    mime="text/html",
                    key="live_links_download",
                    icon=":material/download:",
                )
        holders = linked(folder, code)
        count.write(
            lt("links_count", n=len(holders & {e.actor_id for e in entries}), roster=len(entries))
        )
        labels = {e.actor_id: e.label for e in entries if e.actor_id in holders}
        if labels:
            # the options are opaque positions; real ids stay on the server
            order = sorted(labels, key=lambda a: labels[a].casefold())
            pick = st.selectbox(lt("revoke"), range(len(order)), format_func=lambda i: labels[order[i]],
                                index=None, key="live_revoke_pick", placeholder=ui.t("choose_option"))  # fmt: skip
            if st.button(lt("revoke_button"), key="live_revoke", disabled=pick is None):
                revoke_links(folder, code, [order[pick]], username=username)
                st.success(lt("revoked"))


if not session.is_open:
    st.info(lt("closed_note", wave=ui.literal(session.wave)), icon=":material/lock:")
live_map()
if session.is_open:
    links_panel()
