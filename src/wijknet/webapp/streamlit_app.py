"""Entry script of the wijknet app: ``streamlit run streamlit_app.py``.

Builds the shared sidebar (language, wijk, meting, tie filters), stores the
selection in ``st.session_state`` so it persists across pages, and runs the
chosen page with ``st.navigation``. The project folder is taken from
``WIJKNET_PROJECT``; without it the fictional demo project is shown.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from wijknet.privacy.suppression import is_aggregate_only
from wijknet.webapp import auth, state, ui
from wijknet.webapp.texts import t

PAGES_DIR = Path(__file__).resolve().parent / "views"
# No page icons: Streamlit uses the page icon as favicon and fetches material
# and emoji favicons from public CDNs, which breaks the offline promise.
PAGES = (
    ("netwerkkaart.py", "page_map", "netwerkkaart"),
    ("kengetallen.py", "page_metrics", "kengetallen"),
    ("verbinders.py", "page_connectors", "verbinders"),
    ("domeinmenging.py", "page_mixing", "domeinmenging"),
    ("verandering.py", "page_change", "verandering"),
    ("kpi.py", "page_kpi", "kpi-monitor"),
    ("vergelijken.py", "page_compare", "vergelijken"),
    ("kernaanpakken.py", "page_kernaanpakken", "kernaanpakken"),  # kern
    ("pluswijkteam.py", "page_team", "pluswijkteam"),  # kern
    ("vertrouwen.py", "page_onderstroom", "vertrouwen"),  # oanalysis: the onderstroom (issue 14)
    ("participatie.py", "page_participation", "participatie"),  # oanalysis (issue 14)
    ("leefwereld.py", "page_worlds", "leefwereld-systeemwereld"),  # worlds
    ("verbindingskansen.py", "page_opportunities", "verbindingskansen"),  # worlds
    ("rapport.py", "page_report", "rapport"),
    (
        "live.py",
        "page_live",
        "live",
    ),  # projector view of a live session (wijknet live); explains itself without one
    (
        "gegevens.py",
        "page_import",
        "gegevens",
    ),  # a tidy folder or the demo: explains wijknet init; a store: researchers
)
# Pages only for the audience onderzoeker of a project store (each page checks again itself).
RESEARCHER_PAGES = (("auditlog.py", "page_audit", "auditlog"),)
# Pages about single actors, not shown to a leernetwerk (aggregates and anonymous maps only).
INDIVIDUAL_PAGES = {"verbinders.py", "live.py", "verbindingskansen.py"}
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}

st.set_page_config(page_title="wijknet", layout="wide")
state.init_state()

# Larger type for projectors and meeting rooms.
st.html(
    """<style>
    html, body, [data-testid="stAppViewContainer"] { font-size: 18px; }
    [data-testid="stSidebar"] label p, [data-testid="stSidebar"] p { font-size: 1rem; }
    section[data-testid="stSidebar"] { width: 360px !important; min-width: 360px !important; }
    h1 { font-size: 2.4rem !important; }
    [data-testid="stDataFrame"] { font-size: 1rem; }
    /* partial: a long choice in the sidebar ("PlusWIJkteam Bleijerheide-Centrum-Nulland") wraps, never cut off */
    section[data-testid="stSidebar"] [data-baseweb="select"] div {
      white-space: normal !important; text-overflow: clip !important; overflow-wrap: anywhere; }
    /* a widget's label wraps instead of ending in "..." (Streamlit keeps it to one line) */
    [data-testid="stWidgetLabel"] .stMarkdownEllipsis, [data-testid="stWidgetLabel"] .stMarkdownEllipsis p {
      white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
    </style>"""
)

with st.sidebar:
    st.radio(
        t("language"),
        list(LANGUAGE_NAMES),
        key="lang",
        format_func=LANGUAGE_NAMES.get,
        horizontal=True,
    )

auth.require_sign_in()  # a project store asks who is looking before anything is loaded (wijknet.webapp.auth)
ui.viewer_controls()
folder, sig, project, error = state.open_project()
wijk = wave = None
tie_types: tuple[str, ...] = ()
min_weight = None

if project is not None and project.wijken:
    wijken, waves = project.wijken, project.waves
    # partial: the latest wave with data and a wijk with data, unless the user chose otherwise
    st.session_state["wijk"], st.session_state["wave"] = state.default_selection(
        project, st.session_state.get("wijk"), st.session_state.get("wave")
    )
    type_options = state.tie_type_options(project)
    st.session_state["tie_types"] = [
        x for x in st.session_state.get("tie_types") or [] if x in type_options
    ]
    low, high = state.weight_range(project)
    current = st.session_state.get("min_weight")
    if current is None or not (low <= current <= high):
        st.session_state["min_weight"] = low
    with st.sidebar:
        st.selectbox(t("wijk"), wijken, key="wijk", placeholder=t("choose_option"))
        st.selectbox(t("wave"), waves, key="wave", placeholder=t("choose_option"))
        st.subheader(t("filters"))
        st.multiselect(
            t("tie_types"),
            type_options,
            key="tie_types",
            help=t("tie_types_help"),
            placeholder=t("all_types"),
            select_all=False,  # Streamlit's "Select all" is English; empty already means all types
        )
        if high > low:
            integer = float(low).is_integer() and float(high).is_integer()
            st.slider(
                t("min_weight"),
                min_value=float(low),
                max_value=float(high),
                step=1.0 if integer else (high - low) / 20,
                format="%.0f" if integer else "%.1f",
                key="min_weight",
                help=t("min_weight_help"),
            )
    wijk, wave = st.session_state["wijk"], st.session_state["wave"]
    tie_types = tuple(st.session_state["tie_types"])
    chosen = st.session_state.get("min_weight")
    min_weight = None if chosen is None or chosen <= low else float(chosen)
elif project is not None:
    error = t("no_data")

if project is not None:
    with st.sidebar:
        st.caption(t("project", title=ui.literal(project.config.title or Path(folder).name)))

st.session_state["_selection"] = state.Selection(
    folder=folder,
    sig=sig,
    project=project,
    error=error,
    lang=state.language(),
    wijk=wijk,
    wave=wave,
    tie_types=tie_types,
    min_weight=min_weight,
)

signed_in = auth.capabilities()  # None: no sign-in (a tidy folder or the demo)
visible = PAGES + (RESEARCHER_PAGES if signed_in is not None and signed_in.sees_audit_log else ())
if is_aggregate_only(project):
    visible = tuple(
        p for p in visible if p[0] not in INDIVIDUAL_PAGES
    )  # a leernetwerk sees no single actors
if signed_in is not None and not signed_in.may_import:
    visible = tuple(
        p for p in visible if p[0] != "gegevens.py"
    )  # imports: researchers only (the page checks too)
pages = [
    st.Page(PAGES_DIR / file, title=t(title), url_path=url, default=(i == 0))
    for i, (file, title, url) in enumerate(visible)
]
# Expanded: with sixteen pages Streamlit would otherwise show ten and hide the rest behind "View more".
st.navigation(pages, position="sidebar", expanded=True).run()
