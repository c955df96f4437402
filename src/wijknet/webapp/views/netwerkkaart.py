"""Netwerkkaart: the interactive map of one wijk and meting."""

import streamlit as st

from wijknet.privacy.suppression import is_aggregate_only
from wijknet.viz.netmap import find_actors, focus_of
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

MAP_HEIGHT = 560
MEASURES = ("degree", "betweenness", "brokerage", "none")

sel = ui.header("page_map")
ui.require_data(sel)  # partial: a wijk or wave without data says so

anonymous = is_aggregate_only(sel.project)  # a leernetwerk sees domain colour only (state.map_html)
folder, sig = sel.key
evidence_key = f"evidence_actor_{sel.wijk}_{sel.wave}"
map_col, side = st.columns([3, 1], gap="medium")

with side:  # the controls beside the map
    focus, steps, choice = None, 1, None
    if anonymous:
        st.caption(t("map_anonymous_search"))
    else:
        st.subheader(t("map_search"))
        query = st.text_input(
            t("map_search_label"),
            key=f"map_search_{sel.wijk}_{sel.wave}",
            placeholder=t("map_search_placeholder"),
        )
        index = state.map_search_index(folder, sig, sel.wijk, sel.wave, *sel.filters, sel.lang)
        shown = {entry["id"]: entry["label"] for entry in index}
        hits = find_actors(index, query) if query else []
        if query and not hits:
            st.info(t("map_search_none", query=ui.literal(query)))
        choice = None
        if hits:
            choice = st.selectbox(
                t("map_search_hits"),
                hits,
                key=f"map_hit_{sel.wijk}_{sel.wave}_{query}",
                format_func=shown.get,
            )
        if choice is None:  # the actor of "Waar komt een relatie vandaan?" is highlighted too
            choice = st.session_state.get(evidence_key)
            choice = choice if choice in shown else None
        focus = focus_of(index, choice) or None
        if focus is not None:
            steps = st.radio(
                t("map_ego"),
                (1, 2),
                key="map_ego_steps",
                format_func=lambda k: t(f"map_ego_{k}"),
            )
    if not anonymous:  # the leernetwerk's map has no settings
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
        help=t("map_all_names_help", n=state.MAP_LABELS),
    )
    weight, min_level = ui.weight_filters(sel)  # researchers with ratings only


@st.cache_data(show_spinner=False, max_entries=16)
@state.persistent
def _weighted_map(
    folder, sig, wijk, wave, tie_types, min_weight, weight, min_level, lang, names, all_names, focus,
    steps, kind
):  # fmt: skip
    """The map with tie strength from the ratings (graph.build weight/min_level) and its counts; no size by measure."""
    from wijknet.analysis.tables import graph_counts
    from wijknet.viz.netmap import render_map

    project = state.load(folder)
    G = project.graph(wijk, wave, tie_types=list(tie_types) or None, min_weight=min_weight, weight=weight,
                      min_level=min_level)  # fmt: skip
    document = render_map(kind, G, state.layout(folder, sig, wijk), taxonomy=project.taxonomy, lang=lang,
                          show_names=names, max_labels=None if all_names else state.MAP_LABELS,
                          height=MAP_HEIGHT, focus=focus, steps=steps)  # fmt: skip
    return document, graph_counts(G)


def _map(kind: str):
    """The map of the current choices as ``kind`` (html, svg or png) and its counts (None: unweighted)."""
    if weight != "weight" or min_level is not None:
        return _weighted_map(folder, sig, sel.wijk, sel.wave, *sel.filters, weight, min_level, sel.lang,
                             show_names, all_names, focus, steps, kind)  # fmt: skip
    document = state.map_html(folder, sig, sel.wijk, sel.wave, *sel.filters, measure=measure,
                              size_label=t(f"measure_{measure}"), lang=sel.lang, show_names=show_names,
                              all_names=all_names, height=MAP_HEIGHT, focus=focus, steps=steps,
                              kind=kind)  # fmt: skip
    return document, None


with map_col:
    html, counts = _map("html")
    st.iframe(html, height=MAP_HEIGHT + 150, alt=t("map_alt", wijk=sel.wijk, wave=sel.wave))
    st.caption(
        t(
            "map_counts",
            **(counts or state.graph_counts(folder, sig, sel.wijk, sel.wave, *sel.filters)),
        )
    )
    if focus is not None:
        st.caption(t("map_focus_caption", name=ui.literal(shown.get(choice, "")),
                     n=state.ego_size(folder, sig, sel.wijk, sel.wave, *sel.filters, focus, steps)))  # fmt: skip
    st.markdown(f"**{t('map_download')}**", help=t("map_download_help"))
    name = f"netwerkkaart_{sel.wijk}_{sel.wave}".replace(" ", "_")
    buttons = st.columns(3)
    for column, kind, mime in zip(
        buttons, ("png", "svg", "html"), ("image/png", "image/svg+xml", "text/html"), strict=True
    ):
        column.download_button(
            t(f"map_download_{kind}"),
            data=html if kind == "html" else (lambda kind=kind: _map(kind)[0]),
            file_name=f"{name}.{kind}",
            mime=mime,
            key=f"map_download_{kind}",
            on_click="ignore",
            icon=":material/download:",
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
        key=evidence_key,
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
