"""KPI-monitor: KPI 3 per wijk and year against the yearly band, next to the measured network."""

import altair as alt
import pandas as pd
import streamlit as st

from wijknet.analysis.kpi import (
    ALL_WIJKEN,
    ANALYSIS,
    IMPROVEMENT,
    NO_JUDGEMENT,
    ON_TRACK,
    judgement_text,
    kpi_row,
    kpi_rows,
    status_label,
    structure_by_wave,
    structure_in_wave,
)
from wijknet.core import formatting as fmt
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

# Status -> (Streamlit colour name, hex colour for charts, light background for tables).
STATUS_COLOURS = {
    ON_TRACK: ("green", "#1a9641", "#dff2e1"),
    ANALYSIS: ("orange", "#e66101", "#fde6d2"),
    IMPROVEMENT: ("red", "#c2181b", "#f9d9d9"),
    NO_JUDGEMENT: ("gray", "#8a8a8a", "#ececec"),
}
BAND_COLOUR = "#1a9641"

sel = ui.header("page_kpi", filters=False)
ui.require_data(sel, any_wave=True)  # partial: a wijk without any data says so
project = sel.project
waves = list(project.waves)
folder, sig = sel.key


def pct(value, decimals: int = 0) -> str:
    """A share as "25%" in the page's language."""
    return fmt.percent(value, decimals, sel.lang)


def plain(value, decimals: int = 0) -> str:
    """A share as "25" (percentage points without the sign), for ranges such as "25–50%"."""
    return fmt.points(value, decimals, sel.lang)


bands = project.config.kpi3_bands
band_text = ", ".join(f"{w} {plain(lo)}–{plain(hi)}%" for w, (lo, hi) in bands.items())
st.write(t("kpi_intro", bands=band_text, target=plain(project.config.kpi3_target)))
st.caption(ui.filter_summary(sel))

structure = state.kpi_structure(folder, sig, *sel.filters)
mine = structure_by_wave(structure, sel.wijk, waves)


def structure_chart() -> alt.Chart:
    data = pd.DataFrame(
        {
            "wave": waves,
            "cross": 100 * mine["cross_domain_share"].astype(float).to_numpy(),
            "ei": mine["ei_index"].astype(float).to_numpy(),
        }
    )
    base = alt.Chart(data).encode(
        x=alt.X("wave:N", sort=waves, title=None, axis=alt.Axis(labelAngle=0))
    )
    bars = base.mark_bar(color="#0072B2", size=46).encode(
        y=alt.Y("cross:Q", title=t("kpi_col_cross") + " (%)", scale=alt.Scale(domain=[0, 100])),
        tooltip=[
            alt.Tooltip("wave:N", title=t("wave")),
            alt.Tooltip("cross:Q", title=t("kpi_col_cross") + " (%)", format=".0f"),
            alt.Tooltip("ei:Q", title=t("kpi_col_ei"), format=".2f"),
        ],
    )
    labels = base.mark_text(dy=-12, fontSize=17).encode(
        y="cross:Q", text=alt.Text("cross:Q", format=".0f")
    )
    return (bars + labels).properties(height=380, title=t("kpi_structure_title"))


if not project.has_responses:
    st.info(t("kpi_no_responses"), icon=":material/info:")
    st.markdown(t("kpi_how_to"))
    st.code(
        "wijk,wave,actor_id,active,kpi3\nNoord,2025,N01,ja,4\nNoord,2025,N02,ja,2\nNoord,2025,N03,nee,5\n",
        language=None,
    )
    st.subheader(t("kpi_structure_title"))
    st.write(t("kpi_structure_intro", wijk=ui.literal(sel.wijk)))
    st.altair_chart(ui.localise(structure_chart(), sel.lang), width="stretch", theme=None)
    st.stop()

# The programme figure over all wijken (for a PlusWIJkteam never its own wijk relabelled), see wijknet.analysis.kpi.
kpi = state.viewer_kpi(folder, sig)


STATUS_ICONS = {
    ON_TRACK: "check_circle",
    ANALYSIS: "search",
    IMPROVEMENT: "warning",
    NO_JUDGEMENT: "help",
}


def status_badge(status: str) -> str:
    colour = STATUS_COLOURS.get(status, STATUS_COLOURS[NO_JUDGEMENT])[0]
    icon = STATUS_ICONS.get(status, "help")
    return f"#### :{colour}[:material/{icon}: {status_label(status, sel.lang)}]"


def card(row: pd.Series, title: str) -> None:
    with st.container(border=True):
        st.markdown(f"##### {title}")
        if pd.isna(row["band_min"]):
            band = t("kpi_no_band", wave=ui.literal(row["wave"]))
        else:
            band = t(
                "kpi_band",
                wave=ui.literal(row["wave"]),
                low=plain(row["band_min"]),
                high=plain(row["band_max"]),
            )
        shown = not pd.isna(row["share"])  # blank where the disclosure-control rule suppressed it
        number, judgement = st.columns([2, 3])
        with number:
            # partial: the band above the number, wrapped (a metric label is cut off: "Bandbreedte 2027: 5…")
            st.caption(band)
            st.metric(band, pct(row["share"]) if shown else "–", label_visibility="collapsed")
            if shown:
                st.caption(
                    t(
                        "kpi_share_value",
                        share=plain(row["share"]),
                        low=plain(row["ci_low"]),
                        high=plain(row["ci_high"]),
                    )
                )
        with judgement:
            corrected = not fmt.is_missing(row.get("correction"))
            if (
                corrected
            ):  # both judgements, clearly labelled (the plan judges after the correction)
                st.caption(judgement_text(row, sel.lang)[0][0])
            st.markdown(status_badge(row["status"]))
            st.markdown(t(f"kpi_status_{row['status']}"))
            if corrected:
                label, _ = judgement_text(row, sel.lang)[1]
                st.caption(label)
                st.markdown(status_badge(row["status_corrected"]))
                st.caption(t("kpi_corrected_share", share=pct(row["corrected_share"]),
                             points=fmt.change(row["correction"], 0, sel.lang).text))  # fmt: skip
        if shown:
            st.caption(t("kpi_counts", agree=int(row["agree"]), answered=int(row["answered"])))
        elif pd.isna(row["answered"]) or row["answered"] > 0:
            st.caption(t("kpi_suppressed", n=sel.project.config.min_cell))
        else:
            st.caption(t("kpi_no_answers"))
        if bool(row["below_band"]) and bool(row["ci_overlaps_band"]):
            st.caption(t("kpi_chance", n=int(row["answered"])))


left, right = st.columns(2)
with left:
    card(kpi_row(kpi, sel.wijk, sel.wave), f"{ui.literal(sel.wijk)} · {ui.literal(sel.wave)}")
with right:
    card(kpi_row(kpi, ALL_WIJKEN, sel.wave), f"{t('kpi_all')} · {ui.literal(sel.wave)}")

# --- KPI 3 per year against the band, next to the measured network ------------------------------
st.subheader(t("kpi_chart_title"))
series = {sel.wijk: sel.wijk, ALL_WIJKEN: t("kpi_all")}
rows = kpi_rows(kpi, wijken=series)
rows["series"] = rows["wijk"].map(series)
rows["status_label"] = [status_label(s, sel.lang) for s in rows["status"]]
for column in ("share", "ci_low", "ci_high", "band_min", "band_max"):
    rows[column] = 100 * rows[column].astype(float)
order = [series[sel.wijk], series[ALL_WIJKEN]]
status_domain = [status_label(s, sel.lang) for s in STATUS_COLOURS]
status_range = [c[1] for c in STATUS_COLOURS.values()]
x = alt.X(
    "wave:N",
    sort=waves,
    title=None,
    axis=alt.Axis(labelAngle=0),
    scale=alt.Scale(paddingInner=0.25),
)
band_data = pd.DataFrame(
    [
        {"wave": w, "band_min": 100 * lo, "band_max": 100 * hi}
        for w, (lo, hi) in bands.items()
        if w in waves
    ]
)
band = (
    alt.Chart(band_data)
    .mark_bar(color=BAND_COLOUR, opacity=0.2, width=alt.RelativeBandSize(1.0))
    .encode(
        x=x,
        y=alt.Y("band_min:Q", title=t("kpi_share"), scale=alt.Scale(domain=[0, 100])),
        y2="band_max:Q",
        tooltip=[
            alt.Tooltip("wave:N", title=t("wave")),
            alt.Tooltip("band_min:Q", title=t("kpi_band_label") + " min"),
            alt.Tooltip("band_max:Q", title=t("kpi_band_label") + " max"),
        ],
    )
)
target_value = 100 * project.config.kpi3_target
target = (
    alt.Chart(pd.DataFrame({"y": [target_value]}))
    .mark_rule(color="#333333", strokeDash=[6, 4], strokeWidth=2)
    .encode(y="y:Q")
)
target_label = (
    alt.Chart(
        pd.DataFrame(
            {
                "y": [target_value],
                "label": [t("kpi_target_label", target=plain(project.config.kpi3_target))],
            }
        )
    )
    .mark_text(align="left", dx=4, dy=-10, fontSize=15, color="#333333")
    .encode(y="y:Q", text="label:N", x=alt.value(0))
)
offset = alt.XOffset("series:N", sort=order, scale=alt.Scale(paddingOuter=0.6))
base = alt.Chart(rows).encode(x=x, xOffset=offset)
errors = base.mark_rule(strokeWidth=3, color="#333333").encode(y="ci_low:Q", y2="ci_high:Q")
points = base.mark_point(filled=True, size=260, opacity=1, stroke="#222222", strokeWidth=1).encode(
    y="share:Q",
    color=alt.Color(
        "status_label:N",
        title=t("kpi_status"),
        scale=alt.Scale(domain=status_domain, range=status_range),
        legend=alt.Legend(orient="bottom", columns=2),
    ),
    shape=alt.Shape(
        "series:N",
        title=t("kpi_series"),
        sort=order,
        scale=alt.Scale(range=["circle", "diamond"]),
        legend=alt.Legend(orient="bottom", columns=1),
    ),
    tooltip=[
        alt.Tooltip("series:N", title=t("kpi_series")),
        alt.Tooltip("wave:N", title=t("wave")),
        alt.Tooltip("share:Q", title=t("kpi_share"), format=".0f"),
        alt.Tooltip("ci_low:Q", title=t("trend_low"), format=".0f"),
        alt.Tooltip("ci_high:Q", title=t("trend_high"), format=".0f"),
        alt.Tooltip("answered:Q", title=t("kpi_col_answered")),
        alt.Tooltip("status_label:N", title=t("kpi_status")),
    ],
)
labels = base.mark_text(
    dx=16, align="left", fontSize=15, fontWeight="bold", color="#1a1a1a"
).encode(y="share:Q", text=alt.Text("share:Q", format=".0f"))
kpi_chart = alt.layer(band, target, target_label, errors, points, labels).properties(
    height=380, title=t("kpi_chart_name")
)
chart_left, chart_right = st.columns([3, 2])
with chart_left:
    st.altair_chart(ui.localise(kpi_chart, sel.lang), width="stretch", theme=None)
    st.caption(t("kpi_chart_note"))
with chart_right:
    st.altair_chart(ui.localise(structure_chart(), sel.lang), width="stretch", theme=None)
    st.caption(t("kpi_structure_intro", wijk=ui.literal(sel.wijk)))

# --- the table per wave: experience next to structure -----------------------------------------------
table = pd.DataFrame(
    {
        t("kpi_col_wave"): waves,
        t("kpi_col_share"): [
            f"{pct(r['share'])} ({plain(r['ci_low'])}–{plain(r['ci_high'])}%)"
            if not pd.isna(r["share"])
            else "–"
            for r in (kpi_row(kpi, sel.wijk, w) for w in waves)
        ],
        t("kpi_col_band"): [
            f"{plain(bands[w][0])}–{plain(bands[w][1])}%" if w in bands else "–" for w in waves
        ],
        t("kpi_col_status"): [
            status_label(kpi_row(kpi, sel.wijk, w)["status"], sel.lang) for w in waves
        ],
        t("kpi_col_cross"): [pct(v) for v in mine["cross_domain_share"]],
        t("kpi_col_cross_change"): [
            "–"
            if fmt.is_missing(v)
            else t("kpi_points", value=fmt.change(100 * v, 0, sel.lang).text)
            for v in mine["cross_domain_share_change"]
        ],
        t("kpi_col_ei"): [fmt.number(v, 2, sel.lang) for v in mine["ei_index"]],
    }
)
background = {status_label(s, sel.lang): c[2] for s, c in STATUS_COLOURS.items()}


def _colour(value):
    return f"background-color: {background[value]}" if value in background else ""


status_col = t("kpi_col_status")
st.dataframe(table.style.map(_colour, subset=[status_col]), hide_index=True, width="stretch")
st.caption(t("kpi_structure_note"))

# --- all wijken in the chosen wave -------------------------------------------------------------------
st.subheader(t("kpi_overview", wave=ui.literal(sel.wave)))
now = kpi_rows(kpi, wave=sel.wave)
cross = structure_in_wave(structure, sel.wave)  # {wijk: share of domain-crossing ties}
overview = pd.DataFrame(
    {
        t("kpi_col_wijk"): [t("kpi_all") if w == ALL_WIJKEN else w for w in now["wijk"]],
        t("kpi_col_share"): [
            f"{pct(r.share)} ({plain(r.ci_low)}–{plain(r.ci_high)}%)"
            if not pd.isna(r.share)
            else "–"
            for r in now.itertuples()
        ],
        t("kpi_col_answered"): [fmt.integer(v, sel.lang) for v in now["answered"]],
        status_col: [status_label(s, sel.lang) for s in now["status"]],
        t("kpi_col_status_corrected"): [
            " · ".join(words for _, words in judgement_text(r, sel.lang)[1:])
            + (f" ({r['correction_reason']})" if r.get("correction_reason") else "")
            or t("kpi_no_correction")
            for r in now.to_dict("records")
        ],
        t("kpi_col_cross"): [pct(cross.get(w)) for w in now["wijk"]],
    }
)
st.dataframe(overview.style.map(_colour, subset=[status_col]), hide_index=True, width="stretch")
