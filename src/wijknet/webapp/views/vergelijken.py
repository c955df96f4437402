"""Wijken vergelijken: all wijken side by side, for a learning-network session on a projector.

Top to bottom: the summary in a few sentences, the share of domain-crossing
ties and the E-I index per wijk over the waves (with intervals), a table of
all measures in the chosen wave, small maps of every wijk without names, and
the domain-mixing heatmaps on one colour scale. Everything is computed by
:mod:`wijknet.analysis.compare` through the cached wrappers of ``state``.
"""

import html
import math

import altair as alt
import pandas as pd
import streamlit as st

from wijknet.analysis.compare import (
    PERCENT_MEASURES,
    compare_onderstroom,
    last_values,
    measure_over_waves,
    measure_text,
    wave_measures,
)
from wijknet.analysis.wijken import wijk_overview
from wijknet.core import formatting as fmt
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

# Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies (yellow left out: too pale on white).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442")
# The E-I index is 2 x the share - 1, the same line; its size-aware version adds information.
TREND_MEASURES = ("cross_domain_share", "ei_minus_expected")
TABLE_MEASURES = (
    "actors",
    "cross_domain_share",
    "ei_index",
    "ei_minus_expected",
    "mean_degree",
    "density",
    "reciprocity",
    "largest_component_share",
    "connectors_outside_team",
    "articulation_points",
)
MAP_COLUMNS = 3
HEATMAP_COLUMNS = 2

st.html(
    """<style>
    .st-key-compare_summary li, .st-key-compare_summary p { font-size: 1.4rem; line-height: 1.45; }
    .st-key-compare_summary li { margin-bottom: 0.35rem; }
    table.wn-compare { border-collapse: collapse; width: 100%; font-size: 1.1rem; }
    table.wn-compare th, table.wn-compare td { padding: 0.3rem 0.35rem; text-align: right; vertical-align: top;
      border-bottom: 1px solid #dddddd; }
    table.wn-compare thead th { font-size: 0.95rem; font-weight: 600; vertical-align: bottom; line-height: 1.2;
      border-bottom: 2px solid #888888; }
    table.wn-compare th[scope=row], table.wn-compare thead th:first-child { text-align: left; }
    table.wn-compare th[scope=row] { font-weight: 600; width: 11rem; }
    table.wn-compare tbody tr:nth-child(odd) { background: #f6f6f6; }
    table.wn-compare .ci { display: block; font-size: 0.8rem; color: #555555; white-space: nowrap; }
    .wn-legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.4rem; font-size: 1.1rem; margin: 0.2rem 0 0.6rem 0; }
    .wn-legend span.dot { display: inline-block; width: 1rem; height: 1rem; border-radius: 50%; margin-right: 0.4rem;
      vertical-align: -0.12rem; border: 1px solid rgba(0,0,0,0.35); }
    .wn-wijk { font-size: 1.3rem; font-weight: 600; margin: 0.2rem 0 0.1rem 0; }
    </style>"""
)

sel = ui.header("page_compare", filters=False)
project = sel.project
folder, sig = sel.key
waves, wijken = list(project.waves), list(project.wijken)
types = ui.literal(", ".join(sel.tie_types)) if sel.tie_types else t("all_types")
weight = (
    t("no_minimum")
    if sel.min_weight is None
    else fmt.number(sel.min_weight, 0 if float(sel.min_weight).is_integer() else 1, sel.lang)
)
# partial: one selection drives caption and content - the wave described (the latest with data up to the
# chosen one) and the wijken with data in it (wijknet.analysis.coverage.comparison).
chosen = state.comparison(project, sel.wave)
if chosen.wave is None:
    ui.require_data(sel, any_wave=True)
wave = chosen.wave or sel.wave
shown = chosen.wijken or wijken
count = (
    t("partial_wijk")
    if len(shown) == 1
    else t("partial_wijken", n=fmt.integer(len(shown), sel.lang))
)
if len(shown) == len(wijken) >= 2:
    st.caption(t("compare_caption", wave=ui.literal(wave), types=types, weight=weight))
else:  # partial: not every wijk has data in this wave
    st.caption(
        t("partial_compare_caption", wave=ui.literal(wave), n=count, types=types, weight=weight)
    )
if wave != sel.wave:
    st.info(t("partial_compare_wave", chosen=ui.literal(sel.wave), wave=ui.literal(wave)))
if not chosen.possible:
    st.info(t("partial_compare_one_wijk", wave=ui.literal(wave), wijk=ui.literal(", ".join(shown))))

with st.spinner(t("computing")):
    table = state.compare_table(folder, sig, *sel.filters)
    summary = (
        state.compare_summary(folder, sig, sel.lang, *sel.filters, wave=wave)
        if chosen.possible
        else []
    )
colours = {w: PALETTE[i % len(PALETTE)] for i, w in enumerate(wijken)}


def number(measure: str, value: float) -> str:
    """A value of the comparison as text (:func:`wijknet.analysis.compare.measure_text`)."""
    return measure_text(measure, value, sel.lang)


# --- the summary ------------------------------------------------------------------------
if chosen.possible:  # partial: no summary of a comparison that cannot be made
    st.subheader(t("compare_summary"))
    with st.container(key="compare_summary"):
        if summary:
            # Non-breaking hyphen: "E-I" never breaks over two lines.
            st.markdown(
                "\n".join("- " + ui.literal(line).replace("E\\-I", "E\u2011I") for line in summary)
            )
        else:
            st.write(t("compare_summary_empty"))
    st.caption(t("compare_summary_note"))

# --- the wijken: municipality, group and phase per wave (wijk metadata, issue 15) ---------------
st.subheader(t("wijkmeta_title"))
st.dataframe(wijk_overview(project, wijken, sel.lang), hide_index=True, width="content")
st.caption(t("wijkmeta_note") if len(project.wijk_meta) else t("wijkmeta_none"))


# --- trends per wijk ----------------------------------------------------------------------


def spread(values: dict[str, float], gap: float, low: float, high: float) -> dict[str, float]:
    """Label heights at least ``gap`` apart, as close as possible to ``values``, within ``[low, high]``."""
    order = sorted(values, key=lambda k: values[k])
    placed: dict[str, float] = {}
    previous = low - gap
    for key in order:  # upwards: each label at least ``gap`` above the one below
        placed[key] = max(values[key], previous + gap)
        previous = placed[key]
    ceiling = high + gap
    for key in reversed(order):  # downwards again where the stack ran over the top
        placed[key] = min(placed[key], ceiling - gap)
        ceiling = placed[key]
    return placed


def trend_chart(measure: str) -> alt.LayerChart:
    scale = 100 if measure == "cross_domain_share" else 1
    d3 = ".0f" if scale == 100 else ".2f"  # d3 number format of the axis and tooltips
    data = measure_over_waves(table, measure, waves)
    if scale == 100:
        domain = (0, 100)
    else:  # from below the lowest to above the highest interval, 0 (chance) always in view, in steps of 0.25
        values = pd.concat(
            [data["value"], data["ci_low"], data["ci_high"], pd.Series([0.0])]
        ).dropna()
        domain = (
            0.25 * math.floor(values.min() / 0.25 - 0.2),
            0.25 * math.ceil(values.max() / 0.25 + 0.2),
        )
    offset = {w: (i - (len(wijken) - 1) / 2) * 0.045 for i, w in enumerate(wijken)}
    data["x"] = [waves.index(v) + offset[w] for w, v in zip(data["wijk"], data["wave"])]
    for field in ("value", "ci_low", "ci_high"):
        data[field] = data[field] * scale
    heights = spread(
        last_values(data),
        gap=(0.12 if any("\n" in fmt.wrap_label(w) for w in wijken) else 0.075)
        * (domain[1] - domain[0]),  # room for a name on two lines
        low=domain[0],
        high=domain[1],
    )
    # Names in one column right of the last wave, each at the height of its line's end (spread apart).
    column = len(waves) - 1 + max(offset.values()) + 0.08
    labels = pd.DataFrame(
        {
            "wijk": list(heights),
            "name": [fmt.wrap_label(w) for w in heights],  # long names on two lines: never cut off
            "y": list(heights.values()),
            "x": column,
        }
    )
    ticks = list(range(len(waves)))
    names = "[" + ",".join(f"'{w}'" for w in waves) + "]"
    x = alt.X(
        "x:Q",
        title=None,
        scale=alt.Scale(domain=[-0.3, len(waves) - 1 + 1.1], nice=False, zero=False),
        axis=alt.Axis(
            values=ticks, labelExpr=f"{names}[datum.value]", grid=False, labelFontSize=18
        ),
    )
    colour = alt.Color(
        "wijk:N", scale=alt.Scale(domain=list(colours), range=list(colours.values())), legend=None
    )
    y = alt.Y(
        "value:Q",
        title=None,
        scale=alt.Scale(domain=list(domain), nice=False),
        axis=alt.Axis(format=d3),
    )
    tooltip = [
        alt.Tooltip("wijk:N", title=t("compare_col_wijk")),
        alt.Tooltip("wave:N", title=t("wave")),
        alt.Tooltip("value:Q", title=t("trend_value"), format=d3),
        alt.Tooltip("ci_low:Q", title=t("trend_low"), format=d3),
        alt.Tooltip("ci_high:Q", title=t("trend_high"), format=d3),
    ]
    base = alt.Chart(data).encode(x=x, color=colour)
    layers = [
        base.mark_rule(strokeWidth=2.5, opacity=0.55).encode(y=alt.Y("ci_low:Q"), y2="ci_high:Q"),
        base.mark_line(strokeWidth=3).encode(y=y, detail="wijk:N"),
        base.mark_point(filled=True, size=110, opacity=1).encode(y="value:Q", tooltip=tooltip),
        alt.Chart(labels)
        .mark_text(align="left", baseline="middle", fontSize=17, fontWeight="bold", lineBreak="\n")
        .encode(x="x:Q", y="y:Q", text="name:N", color=colour),
    ]
    if scale == 1:
        layers.insert(
            0,
            alt.Chart(pd.DataFrame({"y": [0]}))
            .mark_rule(color="#999999", strokeDash=[4, 4])
            .encode(y="y:Q"),
        )
    title = alt.TitleParams(
        t(f"compare_trend_{measure}"),
        subtitle=t(f"compare_trend_{measure}_expl"),
        fontSize=20,
        subtitleFontSize=16,
    )
    return alt.layer(*layers).properties(height=340, title=title)


st.subheader(t("compare_trend_title"))
for measure in TREND_MEASURES:  # one below the other: room for the names at the end of the lines
    st.altair_chart(ui.localise(trend_chart(measure), sel.lang), width="stretch", theme=None)
st.caption(t("compare_trend_note", n=fmt.number(state.COMPARE_BOOTSTRAP, 0, sel.lang)))

# --- the table of the chosen wave -------------------------------------------------------------
st.subheader(t("compare_table_title", wave=ui.literal(wave)))
now = wave_measures(table, wave)
head = "".join(f"<th>{html.escape(t(f'compare_col_{m}'))}</th>" for m in TABLE_MEASURES)
rows = []
for wijk in shown:
    cells = []
    for measure in TABLE_MEASURES:
        row = now.loc[(wijk, measure)]
        cell = html.escape(number(measure, row["value"]))
        if pd.notna(row["ci_low"]):
            low, high = number(measure, row["ci_low"]), number(measure, row["ci_high"])
            if measure in PERCENT_MEASURES:
                low = low.removesuffix("%")
            cell += (
                f'<span class="ci">{html.escape(low)}\u2009\u2013\u2009{html.escape(high)}</span>'
            )
        cells.append(f"<td>{cell}</td>")
    rows.append(f'<tr><th scope="row">{html.escape(wijk)}</th>{"".join(cells)}</tr>')
st.html(
    f'<table class="wn-compare"><thead><tr><th>{html.escape(t("compare_col_wijk"))}</th>{head}</tr></thead>'
    f"<tbody>{''.join(rows)}</tbody></table>"
)
st.caption(t("compare_table_note"))

# --- small maps ----------------------------------------------------------------------------------
st.subheader(t("compare_maps_title", wave=ui.literal(wave)))
legend = "".join(
    f'<span><span class="dot" style="background:{project.taxonomy.colour(d)}"></span>'
    f"{html.escape(ui.domain_label(sel, d))}</span>"
    for d in project.domains
)
st.html(f'<div class="wn-legend">{legend}</div>')
for start in range(0, len(shown), MAP_COLUMNS):
    for column, wijk in zip(st.columns(MAP_COLUMNS), shown[start : start + MAP_COLUMNS]):
        with column:
            st.html(f'<div class="wn-wijk">{html.escape(wijk)}</div>')
            with st.spinner(t("computing")):
                document = state.small_map_html(
                    folder, sig, wijk, wave, *sel.filters, lang=sel.lang
                )
            st.iframe(
                document,
                height=state.SMALL_MAP_HEIGHT + 12,
                alt=t("compare_map_alt", wijk=wijk, wave=wave),
            )
st.caption(t("compare_maps_note"))

# --- domain mixing side by side -------------------------------------------------------------------
st.subheader(t("compare_mixing_title", wave=ui.literal(wave)))
mixing = state.compare_mixing(folder, sig, wave, *sel.filters)
order = [ui.domain_label(sel, d) for d in dict.fromkeys(mixing["from_domain"])]
data = mixing.assign(
    van=[ui.domain_label(sel, d) for d in mixing["from_domain"]],
    naar=[ui.domain_label(sel, d) for d in mixing["to_domain"]],
    pct=(100 * mixing["row_share"].astype(float)).round(0),
)
base = alt.Chart(data).encode(
    x=alt.X(
        "naar:N",
        sort=order,
        title=t("to_domain"),
        axis=alt.Axis(
            labelAngle=-40, labelLimit=0, labelFontSize=16, titleFontSize=16, orient="top"
        ),
    ),
    y=alt.Y(
        "van:N",
        sort=order,
        title=t("from_domain"),
        axis=alt.Axis(labelLimit=0, labelFontSize=16, titleFontSize=16),
    ),
)
heat = base.mark_rect(stroke="#ffffff").encode(
    # ColorBrewer Blues from white: an empty cell looks empty; the same scale for every wijk.
    color=alt.Color(
        "pct:Q",
        title=t("mixing_share"),
        scale=alt.Scale(
            domain=[0, 20, 40, 70, 100],
            range=["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"],
        ),
        legend=alt.Legend(orient="bottom", labelFontSize=14, titleFontSize=14, gradientLength=300),
    ),
    tooltip=[
        alt.Tooltip("wijk:N", title=t("compare_col_wijk")),
        alt.Tooltip("van:N", title=t("from_domain")),
        alt.Tooltip("naar:N", title=t("to_domain")),
        alt.Tooltip("ties:Q", title=t("mixing_count")),
        alt.Tooltip("pct:Q", title=t("mixing_share")),
    ],
)
# No number in a cell without a share (no ties in the row, or left blank for a leernetwerk).
text = (
    base.transform_filter("isValid(datum.pct)")
    .mark_text(fontSize=15)
    .encode(
        text=alt.Text("pct:Q", format=".0f"),
        color=alt.condition("datum.pct > 45", alt.value("#ffffff"), alt.value("#1a1a1a")),
    )
)
chart = (
    (heat + text)
    .properties(width=alt.Step(40), height=alt.Step(32))
    .facet(
        facet=alt.Facet(
            "wijk:N",
            sort=wijken,
            title=None,
            header=alt.Header(labelFontSize=20, labelFontWeight="bold"),
        ),
        columns=HEATMAP_COLUMNS,
        spacing={"column": 24, "row": 16},
    )
)
st.altair_chart(ui.localise(chart, sel.lang), width="content", theme=None)
st.caption(t("compare_mixing_note"))
if mixing["suppressed"].any():
    st.caption(t("mixing_suppressed", n=sel.project.config.min_cell))


# --- oanalysis: intensity and trust next to the structure (issue 14) ---------------------------------
@st.cache_data(show_spinner=False, max_entries=8)
@state.persistent
def _onderstroom(folder: str, sig: tuple, wave: str):
    return compare_onderstroom(state.load(folder), wave)


onderstroom = _onderstroom(*sel.key, wave)
if not onderstroom.empty:
    st.subheader(t("oa_compare_title", wave=ui.literal(wave)))
    st.dataframe(
        pd.DataFrame(
            {
                t("kpi_col_wijk"): onderstroom["wijk"],
                t("oa_col_ties"): [fmt.integer(v, sel.lang) for v in onderstroom["ties_rated"]],
                t("oa_col_share"): [
                    fmt.percent(v, 0, sel.lang) for v in onderstroom["share_coordination_plus"]
                ],
                t("oa_col_trust"): [fmt.number(v, 2, sel.lang) for v in onderstroom["trust_mean"]],
                t("oa_col_value"): [fmt.number(v, 2, sel.lang) for v in onderstroom["value_mean"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(t("oa_compare_note"))

# --- every number, for researchers -------------------------------------------------------------------
with st.expander(t("compare_all_numbers")):
    full = table.assign(measure=[t(f"compare_col_{m}") for m in table["measure"]])
    st.dataframe(full, hide_index=True, width="stretch")
    st.download_button(
        t("compare_download"),
        table.to_csv(index=False).encode("utf-8"),
        file_name="wijken_vergelijken.csv",
        mime="text/csv",
        key="compare_download",
    )


# --- steering: what works where, one forest per tie-change effect (issue 15) --------------------------
with st.expander(t("forest_title"), expanded=False):
    researcher = sel.project.audience is None or sel.project.audience.tier == "onderzoeker"
    # The models take a few seconds: fitted only when asked (and then cached). The imports too wait
    # for the toggle: wijknet.analysis.steering pulls in statsmodels and scipy.stats, a second or more
    # of every first visit after a restart.
    shown = st.toggle(t("forest_show"), key="forest_show")
    if shown:
        from wijknet.analysis.steering import effect_words, latest_effects, term_label
        from wijknet.viz.forest import forest_chart
    effects = latest_effects(state.what_works(*sel.key), sel.wave) if shown else None
    if effects is None:
        pass
    elif not effects:
        st.info(t("forest_none"))
    else:
        st.write(
            t(
                "forest_intro",
                wave_from=ui.literal(effects[0][1]),
                wave_to=ui.literal(effects[0][2]),
            )
        )
        for term, _, _, result in effects:
            st.markdown(
                f"**{ui.literal(term_label(term, sel.lang))}**: {ui.literal(effect_words(result, sel.lang))}."
            )
            chart = forest_chart(result, lang=sel.lang, title="", width=460, plain=not researcher)
            st.altair_chart(ui.localise(chart, sel.lang), width="content", theme=None)
        st.caption(t("forest_note_researcher" if researcher else "forest_note"))
