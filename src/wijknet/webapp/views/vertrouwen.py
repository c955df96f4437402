"""Vertrouwen en waarde: the onderstroom of one wijk (intensity, trust and value as PARTNER scores them)."""

import altair as alt
import pandas as pd
import streamlit as st

from wijknet.analysis.onderstroom import (
    min_raters,
    of_wave,
    theme_quotes,
)
from wijknet.core import formatting as fmt
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

LEVEL_COLOURS = ["#c6dbef", "#6baed6", "#2171b5", "#08306b"]


sel = ui.header("page_onderstroom", filters=False)
ui.require_data(sel)  # partial: a wijk or wave without data says so
project = sel.project
audience = project.audience
researcher = audience is None or audience.sees_ratings
folder, sig = sel.key
n_min = min_raters(project)
st.write(t("oa_intro", wijk=ui.literal(sel.wijk)))

if project.ratings.empty:
    st.info(t("oa_no_ratings"), icon=":material/info:")
    st.stop()

view = state.onderstroom_view(folder, sig, sel.wijk)
network, pairs, intensity, organisations = (
    view["network"],
    view["pairs"],
    view["intensity"],
    view["organisations"],
)


def score(value, low=None, high=None) -> str:
    """A mean on 1-4 with, where known, its range in plain words."""
    if fmt.is_missing(value):
        return "–"
    if low is None or fmt.is_missing(low) or fmt.is_missing(high):
        return fmt.number(value, 1, sel.lang)
    d = (
        2 if researcher else 1
    )  # a wijkteam reads one decimal; the caption says what the brackets mean
    return f"{fmt.number(value, d, sel.lang)} ({fmt.number(low, d, sel.lang)}–{fmt.number(high, d, sel.lang)})"


def change(value, points: bool = False) -> str:
    """A change since the previous wave: "+0,44" (a mean) or "+30 %-punt" (a share); "0" for no change."""
    if fmt.is_missing(value):
        return "–"
    shown = fmt.change(100 * value, 0, sel.lang) if points else fmt.change(value, 2, sel.lang)
    if shown.direction == "off":
        return "0"
    return shown.text + " %-punt" if points else shown.text


# --- one sentence of the chosen wave ---------------------------------------------------------------
now = {r["wave"]: r for r in network.to_dict("records")}
row = now.get(sel.wave)
if row is not None:
    st.markdown(
        t(
            "oa_summary",
            wave=ui.literal(sel.wave),
            share=fmt.percent(row["share_coordination_plus"], 0, sel.lang),
            trust=score(row["trust_mean"]),
            value=score(row["value_mean"]),
        )
    )
    if not fmt.is_missing(row["trust_change"]) and row["trust_change"] != 0:
        waves = list(network["wave"])
        before = waves[waves.index(sel.wave) - 1]
        key = "oa_trend_up" if row["trust_change"] > 0 else "oa_trend_down"
        st.caption(t(key, wave=ui.literal(before)))

with st.expander(t("oa_help"), expanded=not researcher):
    for key in ("oa_what_intensity", "oa_what_share", "oa_what_trust", "oa_what_value"):
        st.markdown(t(key))

# --- intensity distribution per wave ---------------------------------------------------------------
st.subheader(t("oa_intensity_title"))
names = t("oa_levels").split("|")
chart_data = pd.DataFrame(
    {
        "wave": intensity["wave"],
        "level": [names[int(k) - 1] for k in intensity["level"]],
        "pct": [None if fmt.is_missing(v) else 100 * v for v in intensity["share"]],
        "answers": intensity["answers"],
    }
)
chart = (
    alt.Chart(chart_data)
    .mark_bar()
    .encode(
        y=alt.Y("wave:N", title=None, sort=list(project.waves)),
        x=alt.X("pct:Q", title=t("oa_share_pct"), stack="zero", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color(
            "level:N",
            sort=names,
            title=t("oa_level"),
            scale=alt.Scale(domain=names, range=LEVEL_COLOURS),
            legend=alt.Legend(orient="bottom", columns=4, labelLimit=0, titleLimit=0),
        ),
        order=alt.Order("level:N"),
        tooltip=[
            alt.Tooltip("wave:N", title=t("wave")),
            alt.Tooltip("level:N", title=t("oa_level")),
            alt.Tooltip("answers:Q", title=t("oa_answers")),
            alt.Tooltip("pct:Q", title=t("oa_share_pct"), format=".0f"),
        ],
    )
    .properties(height=alt.Step(44))
)
st.altair_chart(ui.localise(chart, sel.lang), width="stretch", theme=None)

# --- the whole wijk per wave -----------------------------------------------------------------------
st.subheader(t("oa_network_title"))
st.dataframe(
    pd.DataFrame(
        {
            t("oa_col_wave"): network["wave"],
            t("oa_col_ties"): [fmt.integer(v, sel.lang) for v in network["ties_rated"]],
            t("oa_col_share"): [
                fmt.percent(v, 0, sel.lang) for v in network["share_coordination_plus"]
            ],
            t("oa_col_change_share"): [change(v, True) for v in network["share_change"]],
            t("oa_col_trust"): [
                score(*v)
                for v in zip(
                    network["trust_mean"], network["trust_ci_low"], network["trust_ci_high"]
                )
            ],
            t("oa_col_change_trust"): [change(v) for v in network["trust_change"]],
            t("oa_col_value"): [
                score(*v)
                for v in zip(
                    network["value_mean"], network["value_ci_low"], network["value_ci_high"]
                )
            ],
        }
    ),
    hide_index=True,
    width="stretch",
)
st.caption(t("oa_ci_note") if researcher else t("oa_range_note"))

# --- between domains in the chosen wave ----------------------------------------------------------
in_wave = of_wave(pairs, sel.wave)
if not in_wave.empty:
    st.subheader(t("oa_pairs_title", wave=ui.literal(sel.wave)))
    st.dataframe(
        pd.DataFrame(
            {
                t("oa_col_from"): [ui.domain_label(sel, d) for d in in_wave["from_domain"]],
                t("oa_col_to"): [ui.domain_label(sel, d) for d in in_wave["to_domain"]],
                t("oa_col_ties"): [fmt.integer(v, sel.lang) for v in in_wave["ties_rated"]],
                t("oa_col_share"): [
                    fmt.percent(v, 0, sel.lang) for v in in_wave["share_coordination_plus"]
                ],
                t("oa_col_trust"): [
                    score(*v)
                    for v in zip(
                        in_wave["trust_mean"], in_wave["trust_ci_low"], in_wave["trust_ci_high"]
                    )
                ],
                t("oa_col_change_trust"): [change(v) for v in in_wave["trust_change"]],
                t("oa_col_value"): [
                    score(*v)
                    for v in zip(
                        in_wave["value_mean"], in_wave["value_ci_low"], in_wave["value_ci_high"]
                    )
                ],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(t("oa_pairs_note") + ("" if researcher else " " + t("oa_hidden", n=n_min)))

# --- per partner, as rated by at least three others ------------------------------------------------
if audience is None or audience.sees_individuals:
    st.subheader(t("oa_orgs_title", wave=ui.literal(sel.wave)))
    mine = of_wave(organisations, sel.wave)
    if mine.empty:
        st.info(t("oa_orgs_none", n=n_min))
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    t("oa_col_name"): mine["name"],
                    t("oa_col_domain"): [ui.domain_label(sel, d) for d in mine["domain"]],
                    t("oa_col_raters"): [fmt.integer(v, sel.lang) for v in mine["raters"]],
                    t("oa_col_trust"): [
                        score(*v)
                        for v in zip(
                            mine["trust_mean"], mine["trust_ci_low"], mine["trust_ci_high"]
                        )
                    ],
                    t("oa_col_value"): [
                        score(*v)
                        for v in zip(
                            mine["value_mean"], mine["value_ci_low"], mine["value_ci_high"]
                        )
                    ],
                }
            ),
            hide_index=True,
            width="stretch",
            column_config={t("oa_col_domain"): st.column_config.TextColumn(width="medium")},
        )
        st.caption(t("oa_orgs_note", n=n_min))

# --- themes of the interviews: researchers only -------------------------------------------------------
if researcher and not project.themes.empty:
    st.subheader(t("oa_themes_title"))
    st.write(t("oa_themes_intro", wijk=ui.literal(sel.wijk), wave=ui.literal(sel.wave)))
    themes = of_wave(state.onderstroom_themes(folder, sig, sel.wijk), sel.wave)
    if themes.empty:
        st.info(t("oa_themes_none"))
        st.stop()
    st.dataframe(
        pd.DataFrame(
            {
                t("oa_col_theme"): themes["theme"],
                t("oa_col_segments"): themes["segments"],
                t("oa_col_interviews"): themes["interviews"],
                t("oa_col_signals"): themes["signals"],
                t("oa_col_barriers"): themes["barriers"],
                t("oa_col_missing"): themes["missing_links"],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    if audience is None or audience.sees_quotes:
        theme = st.selectbox(
            t("oa_quotes"),
            list(themes["theme"]),
            key=f"oa_theme_{sel.wijk}_{sel.wave}",
            placeholder=t("choose_option"),
        )
        quotes = theme_quotes(project, sel.wijk, sel.wave, theme)
        st.dataframe(
            pd.DataFrame(
                {t("oa_col_interview"): quotes["interview_id"], t("oa_col_quote"): quotes["quote"]}
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption(t("oa_quotes_locked"))
