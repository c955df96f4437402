"""Domeinmenging: who works with whom, as a from-domain x to-domain heatmap."""

import altair as alt
import streamlit as st

from wijknet.analysis.compare import mixing_is_empty
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

sel = ui.header("page_mixing")
ui.require_data(sel)  # partial: a wijk or wave without data says so
st.write(t("mixing_intro"))
folder, sig = sel.key
mixing = state.mixing_table(folder, sig, sel.wijk, sel.wave, *sel.filters)

labels = {v: t(f"mixing_{v}") for v in ("share", "count")}
value = st.radio(
    t("mixing_value"),
    list(labels),
    key=f"mixing_value_{sel.lang}",
    horizontal=True,
    format_func=labels.get,
)

if mixing_is_empty(mixing):
    st.info(t("mixing_empty"))
    st.stop()

order = sel.project.taxonomy.order(set(mixing["from_domain"]) | set(mixing["to_domain"]))
labels = [ui.domain_label(sel, d) for d in order]
data = mixing.assign(
    van=[ui.domain_label(sel, d) for d in mixing["from_domain"]],
    naar=[ui.domain_label(sel, d) for d in mixing["to_domain"]],
    pct=(100 * mixing["row_share"].astype(float)).round(0),
)
field, title = ("pct", t("mixing_share")) if value == "share" else ("ties", t("mixing_count"))
base = alt.Chart(data).encode(
    x=alt.X(
        "naar:N",
        sort=labels,
        title=t("to_domain"),
        axis=alt.Axis(
            labelAngle=-35,
            labelLimit=0,
            labelOverlap=False,
            labelFontSize=16,
            titleFontSize=17,
            orient="top",
            titlePadding=12,
        ),
    ),
    y=alt.Y(
        "van:N",
        sort=labels,
        title=t("from_domain"),
        axis=alt.Axis(
            labelLimit=0, labelOverlap=False, labelFontSize=16, titleFontSize=17, titlePadding=12
        ),
    ),
)
heat = base.mark_rect(stroke="#ffffff").encode(
    color=alt.Color(
        f"{field}:Q",
        title=title,
        scale=alt.Scale(scheme="blues"),
        legend=alt.Legend(labelFontSize=14, titleFontSize=14, orient="bottom"),
    ),
    tooltip=[
        alt.Tooltip("van:N", title=t("from_domain")),
        alt.Tooltip("naar:N", title=t("to_domain")),
        alt.Tooltip("ties:Q", title=t("mixing_count")),
        alt.Tooltip("pct:Q", title=t("mixing_share")),
    ],
)
# No number in a cell without a value (no ties in the row, or left blank for a leernetwerk).
text = (
    base.transform_filter(f"isValid(datum.{field})")
    .mark_text(fontSize=17)
    .encode(
        text=alt.Text(f"{field}:Q", format=".0f"),
        color=alt.condition(
            f"datum.{field} > {float(data[field].max()) * 0.55}",
            alt.value("#ffffff"),
            alt.value("#1a1a1a"),
        ),
    )
)
chart = (heat + text).properties(width=alt.Step(72), height=alt.Step(52))
st.altair_chart(chart, width="content", theme=None)
if value == "share":
    st.caption(t("mixing_share_expl"))
if mixing["suppressed"].any():
    st.caption(t("mixing_suppressed", n=sel.project.config.min_cell))
st.caption(t("world_note"))
