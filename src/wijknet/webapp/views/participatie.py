"""Participatie van inwoners: the participation ladder of the residents of one wijk, per wave."""

import altair as alt
import pandas as pd
import streamlit as st

from wijknet.analysis.onderstroom import min_raters, of_wave, wijk_participation
from wijknet.core import formatting as fmt
from wijknet.io.tidy import LADDER
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

STEP_COLOURS = ["#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"]


@st.cache_data(show_spinner=False, max_entries=16)
@state.persistent
def _view(folder: str, sig: tuple, wijk: str) -> dict:
    return wijk_participation(state.load(folder), wijk)


sel = ui.header("page_participation", filters=False)
ui.require_data(sel)  # partial: a wijk or wave without data says so
folder, sig = sel.key
st.write(t("pa_intro", wijk=ui.literal(sel.wijk)))
view = _view(folder, sig, sel.wijk)
ladder, summary, ties = view["ladder"], view["summary"], view["ties"]
if ladder.empty:
    st.info(t("pa_none"), icon=":material/info:")
    st.stop()
st.caption(t("pa_who"))

# --- the middle step per wave, in words ---------------------------------------------------------------
for r in summary.to_dict("records"):
    if not r["median_level"]:
        st.markdown(t("pa_median_hidden", wave=ui.literal(r["wave"])))
        continue
    sentence = t(
        "pa_median",
        wave=ui.literal(r["wave"]),
        step=r["median_level"],
        n=fmt.integer(r["residents"]),
    )
    if not fmt.is_missing(r["median_change"]):
        steps = int(r["median_change"])
        if steps == 0:
            sentence += " " + t("pa_same")
        else:
            direction = t("pa_higher") if steps > 0 else t("pa_lower")
            sentence += " " + t(
                "pa_median_change",
                steps=abs(steps),
                direction=direction,
                unit=t("pa_unit_one" if abs(steps) == 1 else "pa_unit_many"),
            )
    st.markdown(sentence)

# --- the ladder per wave ----------------------------------------------------------------------------------
st.subheader(t("pa_ladder_title"))
data = pd.DataFrame(
    {
        "wave": ladder["wave"],
        "step": ladder["level"],
        "residents": ladder["residents"],
        "pct": [None if fmt.is_missing(v) else 100 * v for v in ladder["share"]],
    }
)
chart = (
    alt.Chart(data)
    .mark_bar()
    .encode(
        y=alt.Y("wave:N", title=None, sort=list(sel.project.waves)),
        x=alt.X("pct:Q", title=t("pa_share"), stack="zero", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color(
            "step:N",
            sort=list(LADDER),
            title=t("pa_step"),
            scale=alt.Scale(domain=list(LADDER), range=STEP_COLOURS),
            legend=alt.Legend(orient="bottom", columns=5, labelLimit=0, titleLimit=0),
        ),
        order=alt.Order("step_order:Q"),
        tooltip=[
            alt.Tooltip("wave:N", title=t("wave")),
            alt.Tooltip("step:N", title=t("pa_step")),
            alt.Tooltip("residents:Q", title=t("pa_residents")),
            alt.Tooltip("pct:Q", title=t("pa_share"), format=".0f"),
        ],
    )
    .transform_calculate(step_order=f"indexof({list(LADDER)!r}, datum.step)")
    .properties(height=alt.Step(44))
)
st.altair_chart(ui.localise(chart, sel.lang), width="stretch", theme=None)
st.dataframe(
    pd.DataFrame(
        {
            t("oa_col_wave"): ladder["wave"],
            t("pa_step"): ladder["level"],
            t("pa_residents"): [fmt.integer(v, sel.lang) for v in ladder["residents"]],
            t("pa_share"): [fmt.percent(v, 0, sel.lang) for v in ladder["share"]],
        }
    ),
    hide_index=True,
    width="stretch",
)

# --- whom the residents at each step are tied to ----------------------------------------------------------
st.subheader(t("pa_ties_title", wave=ui.literal(sel.wave)))
mine = of_wave(ties, sel.wave)
if mine.empty:
    st.info(t("pa_ties_none"))
else:
    st.dataframe(
        pd.DataFrame(
            {
                t("pa_step"): mine["level"],
                t("pa_residents"): [fmt.integer(v, sel.lang) for v in mine["residents"]],
                t("oa_col_domain"): [ui.domain_label(sel, d) for d in mine["domain"]],
                t("pa_col_ties"): [fmt.integer(v, sel.lang) for v in mine["ties"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(t("pa_ties_note", n=min_raters(sel.project)))
