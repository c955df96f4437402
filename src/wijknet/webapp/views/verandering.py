"""Verandering: what changed between two waves - difference map, summary, trends and the tie-change model."""

import altair as alt
import pandas as pd
import streamlit as st

from wijknet.analysis.tiechange import statements
from wijknet.analysis.trends import metric_rows as trend_rows
from wijknet.analysis.trends import trend_words, wave_sizes
from wijknet.core import formatting as fmt
from wijknet.privacy.suppression import is_aggregate_only
from wijknet.webapp import state, ui
from wijknet.webapp.texts import plain, t

MAP_HEIGHT = 660
#: The counts of wijknet.analysis.change.compare_waves shown in the summary.
COUNTS = [
    "ties_new_all",
    "ties_lost_all",
    "ties_kept",
    "new_cross_domain_all",
    "lost_cross_domain_all",
    "ties_new",
    "ties_lost",
    "entrants",
    "leavers",
    "entrant_ties",
    "leaver_ties",
]
SHOW = {"all": ("kept", "new", "lost"), "new": ("kept", "new"), "lost": ("kept", "lost")}

sel = ui.header("page_change", filters=False)
waves = list(sel.project.waves)
if len(waves) < 2:
    st.info(t("change_one_wave"))
    st.stop()

# Default: the previous meting -> the meting chosen in the sidebar (the first two when that is the first one);
# partial: of the waves with data of this wijk, when the chosen one has data and an earlier one does too.
current = waves.index(sel.wave) if sel.wave in waves else len(waves) - 1
default_to = max(current, 1)
default_from = default_to - 1
with_data = [w for w in sel.waves_with_data() if waves.index(w) <= current]
if sel.wave in with_data and len(with_data) >= 2:
    default_from = waves.index(with_data[-2])
left, right, _ = st.columns([1, 1, 2])
with left:
    wave_from = st.selectbox(
        t("change_from"),
        waves[:-1],
        index=default_from,
        key=f"change_from_{sel.wave}",
        placeholder=t("choose_option"),
    )
later = waves[waves.index(wave_from) + 1 :]
with right:
    wave_to = st.selectbox(
        t("change_to"),
        later,
        index=later.index(sel.wave) if sel.wave in later else 0,
        key=f"change_to_{sel.wave}_{wave_from}",
        placeholder=t("choose_option"),
    )

folder, sig = sel.key
filters = sel.filters
types = ui.literal(", ".join(sel.tie_types)) if sel.tie_types else t("all_types")
weight = (
    t("no_minimum")
    if sel.min_weight is None
    else fmt.number(sel.min_weight, 0 if float(sel.min_weight).is_integer() else 1, sel.lang)
)
st.caption(
    t(
        "change_caption",
        wijk=ui.literal(sel.wijk),
        wave_from=ui.literal(wave_from),
        wave_to=ui.literal(wave_to),
        types=types,
        weight=weight,
    )
)
st.write(t("change_intro"))
missing = sel.missing_waves(wave_from, wave_to)
if missing:  # partial: a wave without data would count every tie as new or lost
    st.info(
        t(
            "partial_compare_impossible",
            wijk=ui.literal(sel.wijk),
            wave_from=ui.literal(wave_from),
            wave_to=ui.literal(wave_to),
            missing=ui.literal(", ".join(missing)),
        )
        + "\n\n"
        + (ui.missing_data_text(sel) or t("partial_import_step")),
        icon=":material/info:",
    )
    st.stop()


def n(value) -> str:
    return fmt.number(
        float(value), 0, sel.lang
    )  # "–" for a count the disclosure-control rule blanked (NaN)


def actors(value) -> str:
    return t("actor_one") if value == 1 else t("actor_many", n=n(value))


# --- the summary in numbers and words --------------------------------------------
# For a leernetwerk, counts that are small or follow from those beside them are NaN
# (wijknet.analysis.change.protect_for_audience); a difference of two counts is NaN with either of them.
row = state.change_row(folder, sig, sel.wijk, wave_from, wave_to, *filters)
new, lost, kept = (float(row[c]) for c in ("ties_new_all", "ties_lost_all", "ties_kept"))
new_cross, lost_cross = float(row["new_cross_domain_all"]), float(row["lost_cross_domain_all"])
entered, left = row["entrants"], row["leavers"]
cols = st.columns(4)
cols[0].metric(t("change_new"), n(new))
cols[1].metric(t("change_lost"), n(lost))
cols[2].metric(t("change_kept"), n(kept))
net = fmt.change(new_cross - lost_cross, 0, sel.lang)  # sign, arrow and colour follow the value
cols[3].metric(
    t("change_new_cross"),
    n(new_cross),
    delta=None
    if net.text == fmt.MISSING
    else t("partial_net", value=net.text),  # short: never cut off
    delta_color=net.color,
    delta_arrow=net.direction,
    help=t("partial_net_help"),
)
lines = [
    t(
        "change_sum_ties",
        wave_from=ui.literal(wave_from),
        wave_to=ui.literal(wave_to),
        new=n(new),
        lost=n(lost),
        kept=n(kept),
    ),
    t("change_sum_cross", new_cross=n(new_cross), lost_cross=n(lost_cross)),
    t("change_sum_actors", entered=actors(entered), left=actors(left)),
]
# The ties of newcomers and leavers only beside their published numbers: the ties of one newcomer are one person's.
if pd.notna(entered) and pd.notna(left) and (entered or left):
    lines.append(
        t(
            "change_sum_actor_ties",
            new_by=n(row["entrant_ties"]),
            lost_by=n(row["leaver_ties"]),
        )
    )
if pd.notna(row["jaccard_all"]):
    lines.append(
        t(
            "change_sum_stable",
            pct=n(100 * row["jaccard_all"]),
            jaccard=fmt.number(row["jaccard_all"], 2, sel.lang),
        )
    )
st.markdown("\n".join(f"- {line}" for line in lines))
if row[COUNTS].isna().any() and is_aggregate_only(sel.project):
    st.caption(t("change_suppressed", n=sel.project.config.min_cell))

# --- the difference map ---------------------------------------------------------------
st.subheader(t("change_map_title"))
labels = {k: t(f"change_show_{k}") for k in SHOW}
show = st.radio(
    t("change_show"), list(SHOW), format_func=labels.get, horizontal=True, key="change_show"
)
anonymous = is_aggregate_only(sel.project)  # a leernetwerk sees the difference map without labels
c1, c2, c3 = st.columns(3)
with c1:
    cross_only = st.toggle(t("change_cross_only"), value=False, key="change_cross_only")
with c2:
    show_names = not anonymous and st.toggle(t("show_names"), value=True, key="change_names")
with c3:
    all_names = not anonymous and st.toggle(
        t("all_names"),
        value=False,
        key="change_all_names",
        disabled=not show_names,
        help=t("all_names_help", n=state.DIFF_LABELS),
    )
html = state.diff_map_html(
    folder,
    sig,
    sel.wijk,
    wave_from,
    wave_to,
    *filters,
    show=SHOW[show],
    cross_domain_only=cross_only,
    lang=sel.lang,
    show_names=show_names,
    all_names=all_names,
    height=MAP_HEIGHT,
)
st.iframe(
    html,
    height=MAP_HEIGHT + 150,
    alt=t("change_map_alt", wijk=sel.wijk, wave_from=wave_from, wave_to=wave_to),
)
with st.expander(t("change_map_help"), expanded=False):
    st.write(t("change_map_intro", wave_from=ui.literal(wave_from), wave_to=ui.literal(wave_to)))

# --- trends over all waves with bootstrap intervals ------------------------------------
st.subheader(t("trend_title"))
st.write(t("trend_intro"))
with st.spinner(t("computing")):
    trends = state.metric_trends(folder, sig, sel.wijk, *filters)
charts = st.columns(len(state.TREND_METRICS))
for column, metric in zip(charts, state.TREND_METRICS):
    scale = 100 if metric == "cross_domain_share" else 1
    data = trend_rows(trends, metric, percent=scale == 100)
    number_format = ".3f" if metric == "density" else ".0f" if scale == 100 else ".2f"
    if metric == "cross_domain_share":
        domain = [0, 100]
    elif metric == "ei_index":
        domain = [-1, 1]
    else:
        domain = [
            0,
            max(
                0.05, float(data["ci_high"].max()) * 1.15 if data["ci_high"].notna().any() else 0.05
            ),
        ]
    x = alt.X(
        "wave:N", sort=waves, title=None, axis=alt.Axis(labelAngle=0), scale=alt.Scale(padding=0.6)
    )
    y_title = t(f"trend_{metric}")
    base = alt.Chart(data).encode(x=x)
    tooltip = [
        alt.Tooltip("wave:N", title=t("wave")),
        alt.Tooltip("estimate:Q", title=t("trend_value"), format=number_format),
        alt.Tooltip("ci_low:Q", title=t("trend_low"), format=number_format),
        alt.Tooltip("ci_high:Q", title=t("trend_high"), format=number_format),
        alt.Tooltip("actors:Q", title=t("trend_actors")),
    ]
    band = base.mark_area(opacity=0.18, color="#0072B2").encode(y=alt.Y("ci_low:Q"), y2="ci_high:Q")
    bars = base.mark_rule(color="#0072B2", strokeWidth=3).encode(
        y=alt.Y("ci_low:Q"), y2="ci_high:Q"
    )
    line = base.mark_line(color="#0072B2", strokeWidth=2.5).encode(
        y=alt.Y(
            "estimate:Q",
            title=None,
            scale=alt.Scale(domain=domain, nice=False),
            axis=alt.Axis(format=number_format),
        )
    )
    points = base.mark_point(filled=True, size=140, color="#0072B2").encode(
        y="estimate:Q", tooltip=tooltip
    )
    labels = base.mark_text(dx=12, align="left", fontSize=15, color="#1a1a1a").encode(
        y="estimate:Q", text=alt.Text("estimate:Q", format=number_format)
    )
    layers = [band, bars, line, points, labels]
    if metric == "ei_index":
        layers.insert(
            0,
            alt.Chart(pd.DataFrame({"y": [0]}))
            .mark_rule(color="#999999", strokeDash=[4, 4])
            .encode(y="y:Q"),
        )
    chart = alt.layer(*layers).properties(
        height=300,
        title=alt.TitleParams(y_title, subtitle=t(f"trend_{metric}_expl"), subtitleFontSize=14),
    )
    with column:
        st.altair_chart(ui.localise(chart, sel.lang), width="stretch", theme=None)
        if plain():  # the uncertainty in words for a PlusWIJkteam or leernetwerk
            words = trend_words(trends, metric, wave_from, wave_to, sel.lang)
            st.caption(t("trend_words", wave_to=ui.literal(wave_to), words=words))
st.caption(
    t(
        "trend_sizes",
        sizes=", ".join(f"{ui.literal(w)}: {n(a)}" for w, a in wave_sizes(trends)),
    )
    + " "
    + t("trend_method", n=n(state.APP_BOOTSTRAP))
)

# --- the tie-change model ------------------------------------------------------------
st.subheader(t("model_title"))
st.write(t("model_intro", wave_to=ui.literal(wave_to)))
try:
    with st.spinner(t("model_spinner")):
        model = state.tie_change(folder, sig, sel.wijk, wave_from, wave_to, *filters)
except ValueError as exc:  # a typed error has a Dutch text; any other: a general message
    st.info(ui.literal(ui.user_error(exc, sel.lang)), icon=":material/info:")
else:
    # The stable actors beside the actors per wave give the numbers who came and left: for a
    # leernetwerk the header states the protected count of the summary above.
    items = statements(model, actors=row["actors_stable"] if anonymous else None)
    header = [s.text(sel.lang) for s in items if s.kind == "header"]
    bullets = [s.text(sel.lang) for s in items if s.kind == "term"]
    notes = [s.text(sel.lang, plain=plain()) for s in items if s.kind in ("separation", "dropped")]
    # Plain sentences that quote the wijk and waves: shown as text, only the bold and bullets are ours.
    st.markdown(
        "".join(f"**{ui.literal(line)}**\n\n" for line in header)
        + "\n".join("- " + ui.literal(line) for line in bullets)
    )
    for note in notes:
        st.caption(ui.literal(note))
    if not plain():  # the model table and its method: researchers only ("Over de methode")
        with st.expander(t("model_table"), expanded=False):
            table = model.to_frame()[
                ["term", "estimate", "std_error", "odds_ratio", "p_value"]
            ].rename(
                columns={
                    c: t(f"col_{c}")
                    for c in ("term", "estimate", "std_error", "odds_ratio", "p_value")
                }
            )
            st.dataframe(
                table.style.format(
                    {
                        **{
                            t(f"col_{c}"): (lambda v: fmt.number(v, 3, sel.lang))
                            for c in ("estimate", "std_error", "odds_ratio")
                        },
                        t("col_p_value"): lambda v: fmt.p_value(v, sel.lang),
                    }
                ),
                hide_index=True,
                width="stretch",
            )
            p = row["qap_p_value"]
            st.caption(
                t(
                    "model_method",
                    wave_from=ui.literal(wave_from),
                    wave_to=ui.literal(wave_to),
                    n=n(state.MODEL_PERMUTATIONS),
                    r=fmt.number(row["qap_correlation"], 2, sel.lang),
                    p=fmt.p_text(p, sel.lang),
                    jaccard=fmt.number(row["jaccard"], 2, sel.lang),
                )
            )
