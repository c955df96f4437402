"""Kengetallen: network-level measures of the chosen wijk across waves."""

import altair as alt
import pandas as pd
import streamlit as st

from wijknet.analysis.nonresponse import is_low_response, treatments_visible

# The same key figures as the wijk report, formatted by the same rule (wijknet.core.formatting).
from wijknet.report.render import MEASURES, measure_rows, show
from wijknet.webapp import state, ui
from wijknet.webapp.texts import plain, t

sel = ui.header("page_metrics", filters=False)
ui.require_data(sel)  # partial: a wijk or wave without data says so
st.caption(ui.filter_summary(sel, with_wave=False))
st.write(t("metrics_intro"))
folder, sig = sel.key
table = state.network_table(folder, sig, sel.wijk, *sel.filters)

waves = [str(w) for w in table["wave"]]
by_wave = table.assign(wave=waves).set_index("wave")
rows = [
    {t("metric"): r["label"], **dict(zip(waves, r["values"])), t("meaning"): r["expl"]}
    for r in measure_rows(by_wave, waves, sel.lang, t, plain=plain())
]
overview = pd.DataFrame(rows).set_index(t("metric"))
st.table(overview)

if "cross_domain_share" in table.columns:
    st.subheader(t("metrics_chart"))
    chart_data = pd.DataFrame(
        {t("wave"): waves, t("share_pct"): 100 * table["cross_domain_share"].astype(float)}
    )
    chart = (
        alt.Chart(chart_data)
        .mark_bar(color="#0072B2", size=60)
        .encode(
            x=alt.X(
                f"{t('wave')}:N",
                sort=waves,
                axis=alt.Axis(labelAngle=0, labelFontSize=16, titleFontSize=16),
            ),
            y=alt.Y(
                f"{t('share_pct')}:Q",
                scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(labelFontSize=15, titleFontSize=16),
            ),
            tooltip=[f"{t('wave')}:N", alt.Tooltip(f"{t('share_pct')}:Q", format=".0f")],
        )
        .properties(height=320)
    )
    labels = chart.mark_text(dy=-12, fontSize=16).encode(
        text=alt.Text(f"{t('share_pct')}:Q", format=".0f")
    )
    st.altair_chart(chart + labels, width="stretch")

# Counts of respondents and non-respondents per wijk are counts of people, and the treatments are a
# researcher's comparison of methods: not for an audience that sees group figures only.
if sel.wave is not None and treatments_visible(sel.project):
    with st.expander(t("nr_title")):
        treated = state.nonresponse_table(folder, sig, sel.wijk, sel.wave, *sel.filters)
        first = treated.iloc[0]
        st.write(
            t(
                "nr_rate",
                wijk=ui.literal(sel.wijk),
                wave=ui.literal(sel.wave),
                k=int(first["respondents"]),
                n=int(first["actors"]),
                rate=show(first["response_rate"], "pct", sel.lang),
            )
        )
        if is_low_response(first["response_rate"]):
            st.warning(t("nr_low"), icon=":material/warning:")
        st.write(t("nr_intro"))
        methods = [str(m) for m in treated["method"]]
        rows = []
        for column, key, kind in MEASURES:
            if column not in treated.columns:
                continue
            row = {t("metric"): t(key)}
            row.update(
                {t(f"nr_{m}"): show(v, kind, sel.lang) for m, v in zip(methods, treated[column])}
            )
            rows.append(row)
        st.table(pd.DataFrame(rows).set_index(t("metric")))
        st.caption(t("nr_methods"))
