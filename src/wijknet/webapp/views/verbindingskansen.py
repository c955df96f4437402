"""Verbindingskansen: missing links named in interviews, key players and possible introductions, on the map.

Everything is computed by :mod:`wijknet.analysis.opportunities`; the map by
:mod:`wijknet.viz.opportunity_map`. Not shown to a leernetwerk (pairs and
single actors).
"""

import streamlit as st

from wijknet.analysis import opportunities
from wijknet.viz.opportunity_map import opportunity_map_html
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

MAP_HEIGHT = 620


sel = ui.header("page_opportunities", filters=False)
ui.require_data(sel)  # partial: a wijk or wave without data says so
st.write(t("opp_intro"))
folder, sig = sel.key
left, _ = st.columns([1, 3])
with left:
    k = st.number_input(
        t("opp_k"), min_value=1, max_value=6, value=state.OPPORTUNITY_K, step=1, key="opp_k"
    )
view = state.opportunity_view(folder, sig, sel.wijk, sel.wave, int(k))

st.subheader(t("opp_suggestions"))
st.caption(t("opp_suggestions_expl"))
suggestions = opportunities.suggestions_view(view["suggestions"], sel.lang)
if suggestions.empty:
    st.info(t("opp_no_suggestions"))
else:
    st.table(
        suggestions, hide_index=True
    )  # a table wraps the sentences; a data frame would cut them

st.subheader(t("opp_map"))
pairs = opportunities.overlay_pairs(view["suggestions"], view["signals"], sel.wave, sel.lang)
html = opportunity_map_html(
    state.graph(folder, sig, sel.wijk, sel.wave),
    state.layout(folder, sig, sel.wijk),
    pairs,
    taxonomy=sel.project.taxonomy,
    lang=sel.lang,
    height=MAP_HEIGHT,
)
st.iframe(html, height=MAP_HEIGHT + 130, alt=t("opp_map_alt", wijk=sel.wijk, wave=sel.wave))

st.subheader(t("opp_signals"))
st.caption(t("opp_signals_expl"))
found = opportunities.signals_view(view["signals"], sel.lang)
if found.empty:
    st.info(t("opp_no_signals"))
else:
    st.dataframe(found, hide_index=True, width="stretch")

st.subheader(t("opp_key_players"))
st.caption(t("opp_key_expl"))
st.table(opportunities.key_players_view(view["key_players"], sel.lang), hide_index=True)
