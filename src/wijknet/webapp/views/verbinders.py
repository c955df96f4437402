"""Verbinders: actors with brokerage roles, betweenness and fragile bridges.

The ranking and the connector flag come from :func:`wijknet.metrics.connectors`
(the same definition as the report and the comparison of wijken).
"""

import pandas as pd
import streamlit as st

from wijknet.analysis import tables
from wijknet.core import formatting as fmt
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison", "brokerage_total")
HIGHLIGHT = "#fff1c2"  # background of connectors outside the team

sel = ui.header("page_connectors")
ui.require_data(sel)  # partial: a wijk or wave without data says so
st.write(t("connectors_intro"))
folder, sig = sel.key
actors = state.actor_table(folder, sig, sel.wijk, sel.wave, *sel.filters)

left, right = st.columns([2, 2])
with left:
    top_n = st.slider(
        t("top_n"),
        min_value=5,
        max_value=max(5, min(60, len(actors))),
        value=min(15, len(actors)),
        key="connectors_top",
    )
with right:
    only_outside = st.toggle(t("only_outside"), value=False, key="connectors_outside")

ranked = state.connector_ranking(folder, sig, sel.wijk, sel.wave, *sel.filters)
top = ranked.head(top_n)
outside = tables.outside_team_names(ranked)
if outside:
    st.info(
        t("connectors_outside", names=ui.literal(", ".join(outside))), icon=":material/handshake:"
    )
else:
    st.success(t("connectors_outside_none"))
if only_outside:
    top = state.connector_ranking(
        folder, sig, sel.wijk, sel.wave, *sel.filters, exclude_team=True
    ).head(top_n)

yes, no = t("yes"), t("no")
# Two narrow tables instead of one wide one, so no column is cut off.
view = pd.DataFrame(
    {
        t("col_name"): top["name"].astype(str),
        t("col_role"): top["role"].astype(str),
        t("col_domain"): [ui.domain_label(sel, d) for d in top["domain_key"]],
        t("col_connector"): [yes if v else "" for v in top["connector"]],
        t("col_team"): [yes if v else no for v in top["pluswijkteam"]],
        t("col_degree"): top["partners"].astype(int),
        t("col_brokerage_total"): top["brokerage_total"].astype(int),
        t("col_betweenness"): top["betweenness_normalised"].astype(float),
        t("col_bridge"): [yes if v else "" for v in top["articulation_point"]],
    }
).reset_index(drop=True)
roles = pd.DataFrame({t("col_name"): top["name"].astype(str)})
for role in ROLES[:-1]:
    roles[t(f"col_{role}")] = top[role].astype(int).to_numpy()
# Rows of connectors outside the team, highlighted in both tables.
outside_rows = [i for i, v in enumerate(top["outside_team"].to_list()) if v]


def _highlight(frame: pd.DataFrame):
    return frame.style.set_properties(
        subset=(outside_rows, list(frame.columns)), **{"background-color": HIGHLIGHT}
    )


height = min(36 * (len(view) + 1) + 4, 760)
styled = _highlight(view).format({t("col_betweenness"): lambda v: fmt.number(v, 3, sel.lang)})
small = (
    "col_connector",
    "col_team",
    "col_degree",
    "col_brokerage_total",
    "col_betweenness",
    "col_bridge",
)
wide = {t(k): st.column_config.Column(width="small", help=t(f"{k}_help")) for k in small}
st.dataframe(styled, hide_index=True, width="stretch", height=height, column_config=wide)
st.caption(t("outside_marker") + " " + t("connector_rule"))
st.subheader(t("roles_title"))
st.dataframe(
    _highlight(roles.reset_index(drop=True)),
    hide_index=True,
    width="stretch",
    height=height,
)

st.subheader(t("concepts"))
for key in ("betweenness", "bridge", *ROLES):
    st.markdown(f"- {t(f'expl_{key}')}")
