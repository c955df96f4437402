"""PlusWIJkteam: does the team connect (reach, leefwereld, first contact, composition, connectors).

Everything shown comes from :func:`wijknet.analysis.team.team_view`.
"""

import streamlit as st

from wijknet.core import formatting as fmt
from wijknet.privacy.suppression import is_aggregate_only
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

sel = ui.header("page_team", filters=False)
ui.require_data(sel)  # partial: a wijk or wave without data says so
st.write(t("team_intro"))
st.caption(t("kern_scope", wijk=ui.literal(sel.wijk), wave=ui.literal(sel.wave)))

if is_aggregate_only(sel.project):
    st.info(t("team_leernetwerk"), icon=":material/lock:")
    st.stop()

view = state.team_view(*sel.key, sel.wijk, sel.wave, sel.lang)
row = view["row"]


def _share(value) -> str:
    return "–" if fmt.is_missing(value) else fmt.percent(value, 0, sel.lang)


tiles = st.columns(4)
tiles[0].metric(t("team_size"), fmt.integer(row["team_size"], sel.lang))
tiles[1].metric(t("team_reach_2"), _share(row["reach_2"]))
tiles[2].metric(t("team_leefwereld"), fmt.integer(row["leefwereld_ties"], sel.lang))
tiles[3].metric(
    t("team_first_contact"), _share(row["first_contact_share"]), help=t("team_first_contact_help")
)
for line in view["sentences"]:
    st.markdown(f"- {ui.literal(line)}")

st.subheader(t("team_connectors"))
connectors = view["connectors"]
if len(connectors):
    st.write(t("team_connectors_intro"))
    shown = connectors.rename(
        columns={"name": t("col_name"), "role": t("col_kern_role"), "domain": t("col_domain"),
                 "brokerage_total": t("col_brokerage_total")}
    )  # fmt: skip
    widths = {
        t("col_name"): st.column_config.Column(width="medium"),
        t("col_kern_role"): st.column_config.Column(width="large"),
        t("col_domain"): st.column_config.Column(width="medium"),
        t("col_brokerage_total"): st.column_config.Column(
            width="small", help=t("col_brokerage_total_help")
        ),
    }
    st.dataframe(shown, hide_index=True, width="stretch", column_config=widths)
else:
    st.success(t("connectors_outside_none"))
st.caption(t("team_method"))
