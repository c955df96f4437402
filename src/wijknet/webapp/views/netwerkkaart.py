"""Netwerkkaart: the interactive map of one wijk and meting."""

import networkx as nx
import streamlit as st

from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

MAP_HEIGHT = 680
MEASURES = ("degree", "betweenness", "brokerage", "none")

sel = ui.header("page_map")

with st.sidebar:
    st.subheader(t("map_settings"))
    labels = {m: t(f"measure_{m}") for m in MEASURES}
    measure = st.radio(t("size_by"), MEASURES, key=f"map_measure_{sel.lang}", format_func=labels.get)
    show_names = st.toggle(t("show_names"), value=True, key="map_names")
    all_names = st.toggle(t("all_names"), value=False, key="map_all_names", disabled=not show_names,
                          help=t("all_names_help", n=state.MAP_LABELS))

folder, sig = sel.key
G = state.graph(folder, sig, sel.wijk, sel.wave, *sel.filters)
html = state.map_html(folder, sig, sel.wijk, sel.wave, *sel.filters, measure=measure,
                      size_label=t(f"measure_{measure}"), lang=sel.lang, show_names=show_names, all_names=all_names,
                      height=MAP_HEIGHT)
st.iframe(html, height=MAP_HEIGHT + 110, alt=t("map_alt", wijk=sel.wijk, wave=sel.wave))
st.caption(t("map_counts", actors=G.number_of_nodes(), ties=G.number_of_edges(), isolates=nx.number_of_isolates(G)))
with st.expander(t("map_help"), expanded=False):
    st.write(t("map_intro"))
