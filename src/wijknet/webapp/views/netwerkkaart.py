"""Netwerkkaart: the interactive map of one wijk and meting."""

import streamlit as st

from wijknet.privacy.suppression import is_aggregate_only
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

MAP_HEIGHT = 680
MEASURES = ("degree", "betweenness", "brokerage", "none")

sel = ui.header("page_map")

anonymous = is_aggregate_only(sel.project)  # a leernetwerk sees domain colour only (state.map_html)
with st.sidebar:
    st.subheader(t("map_settings"))
    labels = {m: t(f"measure_{m}") for m in MEASURES}
    # Size by a measure points at single actors: not for an aggregate-only audience.
    measure = (
        "none"
        if anonymous
        else st.radio(t("size_by"), MEASURES, key=f"map_measure_{sel.lang}", format_func=labels.get)
    )
    show_names = not anonymous and st.toggle(t("show_names"), value=True, key="map_names")
    all_names = not anonymous and st.toggle(
        t("all_names"),
        value=False,
        key="map_all_names",
        disabled=not show_names,
        help=t("all_names_help", n=state.MAP_LABELS),
    )
    weight, min_level = ui.weight_filters(sel)  # researchers with ratings only


@st.cache_data(show_spinner=False, max_entries=16)
def _weighted_map(
    folder, sig, wijk, wave, tie_types, min_weight, weight, min_level, lang, names, all_names
):
    """The map with tie strength from the ratings (graph.build weight/min_level) and its counts; no size by measure."""
    from wijknet.analysis.tables import graph_counts
    from wijknet.viz.netmap import network_map_html

    project = state.load(folder)
    G = project.graph(wijk, wave, tie_types=list(tie_types) or None, min_weight=min_weight, weight=weight,
                      min_level=min_level)  # fmt: skip
    html = network_map_html(G, state.layout(folder, sig, wijk), taxonomy=project.taxonomy, lang=lang,
                            show_names=names, max_labels=None if all_names else state.MAP_LABELS,
                            height=MAP_HEIGHT)  # fmt: skip
    return html, graph_counts(G)


folder, sig = sel.key
counts = None
if weight != "weight" or min_level is not None:
    html, counts = _weighted_map(
        folder,
        sig,
        sel.wijk,
        sel.wave,
        *sel.filters,
        weight,
        min_level,
        sel.lang,
        show_names,
        all_names,
    )
else:
    html = state.map_html(
        folder,
        sig,
        sel.wijk,
        sel.wave,
        *sel.filters,
        measure=measure,
        size_label=t(f"measure_{measure}"),
        lang=sel.lang,
        show_names=show_names,
        all_names=all_names,
        height=MAP_HEIGHT,
    )
st.iframe(html, height=MAP_HEIGHT + 110, alt=t("map_alt", wijk=sel.wijk, wave=sel.wave))
st.caption(
    t("map_counts", **(counts or state.graph_counts(folder, sig, sel.wijk, sel.wave, *sel.filters)))
)
with st.expander(t("map_help"), expanded=False):
    st.write(t("map_intro"))

if anonymous:
    st.info(t("anonymous_map"))
    st.stop()

with st.expander(t("evidence_title"), expanded=False):
    st.write(t("evidence_intro"))
    names = state.actor_names(folder, sig, sel.wijk, sel.wave, *sel.filters)  # in name order
    actor = st.selectbox(
        t("evidence_actor"),
        list(names),
        index=None,
        key=f"evidence_actor_{sel.wijk}_{sel.wave}",
        format_func=names.get,
        placeholder=t("choose_option"),
    )
    if actor is not None:
        table = state.tie_evidence_table(folder, sig, sel.wijk, sel.wave, actor)
        if table.empty:
            st.info(t("evidence_none", name=ui.literal(names[actor])))
        else:
            taxonomy = sel.project.taxonomy
            shown = table.assign(
                direction=table["direction"].map(lambda d: t(f"evidence_{d}")),
                other_domain=table["other_domain"].map(
                    lambda d: taxonomy.label(d, sel.lang) if d else ""
                ),
            )
            columns = {
                "direction": "ev_direction",
                "other_name": "ev_other",
                "other_domain": "ev_domain",
                "tie_type": "ev_tie_type",
                "weight": "ev_weight",
                "kind": "ev_kind",
                "label": "ev_label",
                "source_file": "ev_file",
                "source_row": "ev_row",
                "source_column": "ev_column",
            }
            if (
                table["quote"].astype(str).str.strip().any()
            ):  # only researchers with names unlocked get quotes
                columns["quote"] = "ev_quote"
            shown = shown[list(columns)].rename(columns={c: t(k) for c, k in columns.items()})
            st.dataframe(shown, hide_index=True, width="stretch")
