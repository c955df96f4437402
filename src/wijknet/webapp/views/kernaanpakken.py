"""Kernaanpakken: do the collaborations each kernaanpak needs exist in the wijk.

Everything shown comes from :func:`wijknet.analysis.kernaanpak.wijk_view`
(a leernetwerk: :func:`wijknet.analysis.kernaanpak.completeness_display`).
"""

import streamlit as st

from wijknet.analysis import kernaanpak
from wijknet.core import formatting as fmt
from wijknet.privacy.suppression import is_aggregate_only
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t


@st.cache_data(show_spinner=False, max_entries=32)
@state.persistent
def _view(folder: str, sig: tuple, wijk: str, wave: str, lang: str) -> list[dict]:
    return kernaanpak.wijk_view(state.load(folder), wijk, wave, lang=lang)


@st.cache_data(show_spinner=False, max_entries=8)
@state.persistent
def _completeness(folder: str, sig: tuple, wave: str, lang: str):
    return kernaanpak.completeness_display(state.load(folder), wave, lang=lang)


sel = ui.header("page_kernaanpakken", filters=False)
ui.require_data(sel)  # partial: a wijk or wave without data says so
st.write(t("kern_intro"))
st.caption(t("kern_scope", wijk=ui.literal(sel.wijk), wave=ui.literal(sel.wave)))

if is_aggregate_only(sel.project):
    st.info(t("kern_leernetwerk"), icon=":material/groups:")
    table = _completeness(*sel.key, sel.wave, sel.lang)
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(t("kern_completeness_caption", wave=ui.literal(sel.wave)))
    st.stop()

for section in _view(*sel.key, sel.wijk, sel.wave, sel.lang):
    share = (
        "–"
        if fmt.is_missing(section["completeness"])
        else fmt.percent(section["completeness"], 0, sel.lang)
    )
    with st.container(border=True):
        left, right = st.columns([4, 1])
        with left:
            st.subheader(ui.literal(section["name"]))
            st.write(ui.literal(section["description"]))
        with right:
            st.metric(t("page_kernaanpakken"), share, label_visibility="hidden")
        for line in section["summary"]:
            st.markdown(ui.literal(line))
        present, absent = st.columns(2)
        with present:
            st.markdown(f"**{t('kern_present')}**")
            for line in section["present"] or [t("kern_none")]:
                st.markdown(f"- {ui.literal(line)}")
        with absent:
            st.markdown(f"**{t('kern_absent')}**")
            for line in section["absent"] or [t("kern_none")]:
                st.markdown(f"- {ui.literal(line)}")
        if section["participation"] is not None:
            st.caption(f"{t('kern_participation')}: {ui.literal(section['participation'])}")
st.caption(t("kern_method"))
