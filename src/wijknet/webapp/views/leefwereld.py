"""Leefwereld en systeemwereld: mixing and E-I between the two worlds, bridge builders, formal-informal ties.

Everything is computed by :mod:`wijknet.analysis.worlds`. A leernetwerk sees
the world mixing per wijk as protected aggregates only (no bridge builders).
"""

import streamlit as st

from wijknet.analysis import worlds
from wijknet.privacy.suppression import is_aggregate_only
from wijknet.webapp import state, ui
from wijknet.webapp.texts import plain, t

sel = ui.header("page_worlds", filters=False)
ui.require_data(sel)  # partial: a wijk or wave without data says so
st.write(t("worlds_intro"))
folder, sig = sel.key
roles = sel.project.config.roles

if is_aggregate_only(sel.project):
    tables = state.world_tables(folder, sig, None, sel.wave)
    st.info(t("worlds_aggregate"))
    st.subheader(t("worlds_by_wijk", wave=sel.wave))
    st.dataframe(
        worlds.worlds_by_wijk_view(tables, sel.wave, sel.lang, plain=plain()),
        hide_index=True,
        width="stretch",
    )
    st.subheader(t("worlds_mixing_wijk", wijk=ui.literal(sel.wijk)))
    st.write(worlds.ei_sentence(tables, sel.wijk, sel.wave, sel.lang, plain=plain()))
    st.dataframe(worlds.world_mixing_view(tables, sel.wijk, sel.wave, sel.lang), hide_index=True)
    st.stop()

tables = state.world_tables(folder, sig, sel.wijk, None)
st.subheader(t("worlds_mixing"))
st.write(worlds.ei_sentence(tables, sel.wijk, sel.wave, sel.lang, plain=plain()))
st.dataframe(worlds.world_mixing_view(tables, sel.wijk, sel.wave, sel.lang), hide_index=True)

st.subheader(t("worlds_bridges"))
st.caption(t("worlds_bridges_expl"))
bridges = worlds.bridge_view(tables, sel.wijk, sel.wave, sel.lang, roles=roles)
if bridges.empty:
    st.info(t("worlds_no_bridges"))
else:
    st.table(bridges, hide_index=True)
    outside = worlds.outside_team(tables, sel.wijk, sel.wave)
    if outside:
        st.info(
            t("worlds_outside_team", names=ui.literal(", ".join(outside))),
            icon=":material/handshake:",
        )

st.subheader(t("worlds_formal"))
st.caption(t("worlds_formal_expl"))
st.dataframe(
    worlds.formal_informal_view(tables, sel.wijk, sel.lang, roles=roles),
    hide_index=True,
    width="stretch",
)
