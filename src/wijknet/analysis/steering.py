"""The steering group's picture: KPI 3, network indicators, route-map phase and PPIs per wijk, with a go/no-go.

The steering group and the insurer (zorgverzekeraar) steer half-yearly on
processes and outcomes, with a go/no-go moment at each year's end. This
module puts per pilot wijk (and for the programme) in one table what they
look at, and derives a proposed decision by one stated rule
(:func:`go_no_go`), taken from the transformation plan's wording:

* a KPI result is judged "na correctie voor exogene factoren voor zover
  mogelijk en relevant": the rule uses the judgement *after* correction
  (:func:`wijknet.analysis.kpi.apply_corrections`; without a correction the
  two are the same);
* within or above the band: continue (``"go"``);
* below the band for the first time: the steering group asks for an
  analysis and possibly improvement measures (``"go_improvement_plan"``,
  "go met verbeterplan");
* below the band twice in a row: an analysis and an improvement plan,
  *unless the insurer decides* (after consulting the steering group) to stop
  the activities tied to the KPI: a decision is needed
  (``"no_go_decision"``, "no-go: besluit stuurgroep/zorgverzekeraar nodig");
* a process indicator (PPI, half-yearly, in the milestone planning on which
  payments depend) not met in the period: at least "go met verbeterplan".

The network indicators (share of domain-crossing ties, E-I, density,
kernaanpak completeness) and the route-map phase are shown next to the
decision but do not change it: the plan has no bands for them, and with a
handful of wijken their change is a description, not a test.

Comparison wijken (no wijkplan) are not steered and are left out of the
table; they appear in the difference-in-differences only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from wijknet.analysis.evaluation import COMPLETENESS, PILOT, wave_measures
from wijknet.analysis.kpi import ALL_WIJKEN, ANALYSIS, IMPROVEMENT, NO_JUDGEMENT, kpi3
from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.privacy.suppression import is_aggregate_only
from wijknet.project import Project

GO, GO_PLAN, NO_GO = "go", "go_improvement_plan", "no_go_decision"
DECISIONS = (GO, GO_PLAN, NO_GO)
UP, DOWN, FLAT, UNKNOWN = "up", "down", "flat", "unknown"
#: A change in the share of domain-crossing ties smaller than this (2 points) reads as "about the same".
FLAT_BAND = 0.02
#: The network indicators of the steering table, in order.
INDICATORS = ("cross_domain_share", "ei_index", "density", COMPLETENESS)
PPI_COLUMNS = ["scope", "period", "indicator", "value", "target", "unit", "note", "met"]
STEERING_COLUMNS = [
    "wijk", "pooled", "group", "phase", "kpi_wave", "kpi3_share", "judgement", "correction",
    "correction_reason", "corrected_share", "judgement_corrected",
    *[f"{m}_{s}" for m in INDICATORS for s in ("baseline", "now", "change")],
    "network_trend", "ppi_met", "ppi_total", "decision", "reasons",
]  # fmt: skip
PERIOD = re.compile(r"^(\d{4})(?:-H([12]))?$")

TEXTS = {
    "decision_go": {"nl": "go", "en": "go"},
    "decision_go_improvement_plan": {"nl": "go met verbeterplan", "en": "go with improvement plan"},
    "decision_no_go_decision": {
        "nl": "no-go: besluit stuurgroep/zorgverzekeraar nodig",
        "en": "no-go: decision of steering group/insurer needed",
    },
    "term_tie_before": {"nl": "De relatie bestond al", "en": "The tie already existed"},
    "term_reciprocation": {
        "nl": "De ander had al een relatie terug",
        "en": "The other already had a tie back",
    },
    "term_same_domain": {"nl": "Uit hetzelfde domein", "en": "From the same domain"},
    "term_both_team": {"nl": "Beiden in het PlusWIJkteam", "en": "Both in the PlusWIJkteam"},
    "term_shared_kernaanpak": {"nl": "Samen in een kernaanpak", "en": "Together in a kernaanpak"},
    "term_sender_degree": {"nl": "De een had al veel relaties", "en": "One already had many ties"},
    "term_receiver_degree": {
        "nl": "De ander werd al vaak genoemd",
        "en": "The other was already named often",
    },
    "term_degree_sum": {"nl": "Samen al veel relaties", "en": "Together many ties already"},
    "words_more_most": {
        "nl": "in de meeste wijken meer kans op een relatie",
        "en": "in most wijken more chance of a tie",
    },
    "words_less_most": {
        "nl": "in de meeste wijken minder kans op een relatie",
        "en": "in most wijken less chance of a tie",
    },
    "words_mixed": {
        "nl": "in sommige wijken meer, in andere minder kans",
        "en": "more chance in some wijken, less in others",
    },
    "words_same": {"nl": "ongeveer gelijk in alle wijken", "en": "about the same in all wijken"},
    "words_differs": {"nl": "verschilt per wijk", "en": "differs per wijk"},
    "words_strong": {"nl": "verschilt sterk per wijk", "en": "differs strongly per wijk"},
    "trend_up": {"nl": "omhoog", "en": "up"},
    "trend_down": {"nl": "omlaag", "en": "down"},
    "trend_flat": {"nl": "ongeveer gelijk", "en": "about the same"},
    "trend_unknown": {"nl": "onbekend", "en": "unknown"},
    "reason_kpi_twice": {
        "nl": "KPI 3 twee keer op rij onder de bandbreedte",
        "en": "KPI 3 below the band twice in a row",
    },
    "reason_kpi_once": {
        "nl": "KPI 3 voor het eerst onder de bandbreedte",
        "en": "KPI 3 below the band for the first time",
    },
    "reason_kpi_none": {"nl": "geen KPI 3-oordeel", "en": "no KPI 3 judgement"},
    "reason_ppi": {
        "nl": "{n} van de {total} procesindicatoren niet gehaald",
        "en": "{n} of the {total} process indicators not met",
    },
    "bad_period": {
        "nl": "Periode '{period}' onbekend: gebruik bijvoorbeeld 2026-H1, 2026-H2 of 2026 (jaareinde).",
        "en": "Unknown period '{period}': use e.g. 2026-H1, 2026-H2 or 2026 (year end).",
    },
    "rule": {
        "nl": "Regel van de go/no-go (afgeleid uit het transformatieplan): het KPI 3-oordeel telt na correctie voor "
        "exogene factoren (zonder correctie is dat hetzelfde oordeel). Twee keer op rij onder de bandbreedte: "
        "no-go, besluit stuurgroep/zorgverzekeraar nodig (volgens het plan volgt een verbeterplan, tenzij de "
        "zorgverzekeraar na overleg met de stuurgroep besluit de activiteiten te stoppen). Voor het eerst onder de "
        "bandbreedte, of een procesindicator (PPI) van de periode niet gehaald: go met verbeterplan. Anders: go. "
        "Netwerkindicatoren en fase staan ernaast, maar veranderen het voorstel niet: het plan geeft er geen "
        "bandbreedte voor. Het is een voorstel; de stuurgroep en de zorgverzekeraar besluiten.",
        "en": "Rule of the go/no-go (derived from the transformation plan): the KPI 3 judgement counts after "
        "correction for exogenous factors (without a correction it is the same judgement). Below the band twice in "
        "a row: no-go, decision of steering group/insurer needed (the plan says an improvement plan follows, unless "
        "the insurer, after consulting the steering group, decides to stop the activities). Below the band for the "
        "first time, or a process indicator (PPI) of the period not met: go with improvement plan. Otherwise: go. "
        "Network indicators and phase are shown alongside but do not change the proposal: the plan gives no band "
        "for them. It is a proposal; the steering group and the insurer decide.",
    },
}


def decision_label(decision: str, lang: str | None = None) -> str:
    """The words of a decision code of :func:`go_no_go`.

    Examples
    --------
    >>> decision_label("no_go_decision", "nl")
    'no-go: besluit stuurgroep/zorgverzekeraar nodig'
    """
    return text(TEXTS, f"decision_{decision}", lang)


def trend_label(trend: str, lang: str | None = None) -> str:
    """The words of a ``network_trend`` code ("omhoog", "omlaag", "ongeveer gelijk", "onbekend")."""
    return text(TEXTS, f"trend_{trend}", lang)


def parse_period(period: str) -> tuple[str, str | None]:
    """``(year, half)`` of a period: ``"2026-H2"`` is ``("2026", "H2")``, the year end ``"2026"`` is ``("2026", None)``.

    Raises
    ------
    DataError
        For another form.

    Examples
    --------
    >>> parse_period("2026-H1"), parse_period("2026")
    (('2026', 'H1'), ('2026', None))
    """
    match = PERIOD.match(str(period).strip())
    if not match:
        raise DataError([Problem("--period", text(TEXTS, "bad_period", period=period))])
    year, half = match.groups()
    return year, (f"H{half}" if half else None)


def periods(waves: Sequence[str]) -> list[str]:
    """The report periods of a project's waves, newest first: per year ``YYYY`` (year end), ``YYYY-H2``, ``YYYY-H1``.

    Examples
    --------
    >>> periods(["2025", "2026"])
    ['2026', '2026-H2', '2026-H1', '2025', '2025-H2', '2025-H1']
    """
    years = sorted({str(w)[:4] for w in waves if re.match(r"^\d{4}", str(w))}, reverse=True)
    return [p for y in years for p in (y, f"{y}-H2", f"{y}-H1")]


def kpi_wave(period: str, waves: Sequence[str]) -> str | None:
    """The wave whose KPI 3 result a period's report uses: the last wave not after the period's year.

    Waves whose name does not start with a year count as in order; without
    any year-like wave the last wave is used.

    Examples
    --------
    >>> kpi_wave("2026-H1", ["2025", "2026", "2027"]), kpi_wave("2024", ["2025"])
    ('2026', None)
    """
    year, _ = parse_period(period)
    waves = [str(w) for w in waves]
    dated = [w for w in waves if re.match(r"^\d{4}", w)]
    if not dated:
        return waves[-1] if waves else None
    before = [w for w in dated if w[:4] <= year]
    return before[-1] if before else None


def ppi_status(ppi: pd.DataFrame | None, period: str) -> pd.DataFrame:
    """The process indicators of one period with whether each met its target.

    Parameters
    ----------
    ppi : pandas.DataFrame or None
        ``project.ppi``: ``scope`` (a wijk, or ``"programma"``), ``period``
        (``2026-H1``, ``2026-H2`` or ``2026``), ``indicator``, ``value``,
        ``target``, ``unit``, ``note``.
    period : str

    Returns
    -------
    pandas.DataFrame
        :data:`PPI_COLUMNS`; ``met`` is ``value >= target`` (True/False), NaN
        when either is missing. For a year end (``"2026"``) the rows of
        period ``2026`` are used, and where an indicator of a scope has none,
        its ``2026-H2`` row (the half year that closes the year).

    Notes
    -----
    A higher value is taken as better (milestones count what is done); an
    indicator where lower is better should be entered with its target as
    a minimum of the opposite (for example "share on time" instead of
    "share late").

    Examples
    --------
    >>> ppi = pd.DataFrame({"scope": ["Noord", "programma"], "period": ["2026-H2", "2026-H2"],
    ...     "indicator": ["netwerkbijeenkomsten", "wijkplannen"], "value": [3, 4], "target": [4, 4]})
    >>> ppi_status(ppi, "2026-H2")["met"].tolist()
    [False, True]
    """
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in PPI_COLUMNS})
    if ppi is None or len(ppi) == 0:
        return empty
    table = ppi.copy()
    for column in PPI_COLUMNS[:-1]:
        if column not in table.columns:
            table[column] = np.nan if column in ("value", "target") else ""
    table["period"] = table["period"].astype(str).str.strip()
    table["scope"] = table["scope"].astype(str).str.strip()
    year, half = parse_period(period)
    rows = table[table["period"] == str(period).strip()]
    if half is None:
        closing = table[table["period"] == f"{year}-H2"]
        have = set(zip(rows["scope"], rows["indicator"]))
        extra = closing[[k not in have for k in zip(closing["scope"], closing["indicator"])]]
        rows = pd.concat([rows, extra], ignore_index=True)
    if rows.empty:
        return empty
    value = pd.to_numeric(rows["value"], errors="coerce")
    target = pd.to_numeric(rows["target"], errors="coerce")
    met = pd.Series(value >= target, dtype=object)
    met[value.isna() | target.isna()] = np.nan
    out = rows.assign(value=value, target=target, met=met.to_numpy())
    for column in ("unit", "note"):
        out[column] = out[column].fillna("").astype(str)
    return out[PPI_COLUMNS].reset_index(drop=True)


def _is_programme(scope: str) -> bool:
    return str(scope).strip().lower() in ("programma", "programme", ALL_WIJKEN)


def go_no_go(judgement: str | None, ppi_met: Sequence) -> tuple[str, list[str]]:
    """The proposed decision of one wijk (or the programme) by the rule of the module docstring.

    Parameters
    ----------
    judgement : str or None
        The KPI 3 status after correction (:func:`wijknet.analysis.kpi.apply_corrections`):
        ``"on_track"``, ``"analysis_requested"``, ``"improvement_plan"`` or ``"no_judgement"``.
    ppi_met : sequence of bool or NaN
        ``met`` of the wijk's PPIs in the period; NaN (not judged) does not count.

    Returns
    -------
    (str, list of str)
        The decision code (:data:`DECISIONS`) and the reason codes
        (``kpi_twice``, ``kpi_once``, ``kpi_none``, ``ppi``).

    Examples
    --------
    >>> go_no_go("on_track", [True, True])
    ('go', [])
    >>> go_no_go("on_track", [True, False])
    ('go_improvement_plan', ['ppi'])
    >>> go_no_go("improvement_plan", [True])
    ('no_go_decision', ['kpi_twice'])
    """
    reasons = []
    decision = GO
    if judgement == IMPROVEMENT:
        decision = NO_GO
        reasons.append("kpi_twice")
    elif judgement == ANALYSIS:
        decision = GO_PLAN
        reasons.append("kpi_once")
    elif judgement in (None, NO_JUDGEMENT):
        reasons.append("kpi_none")
    if any(m is False or m is np.False_ for m in ppi_met):
        reasons.append("ppi")
        if decision == GO:
            decision = GO_PLAN
    return decision, reasons


def reason_text(
    reasons: Sequence[str], ppi_missed: int, ppi_total: int, lang: str | None = None
) -> str:
    """The reasons of a decision as one sentence part ("; "-separated)."""
    parts = []
    for r in reasons:
        if r == "ppi":
            parts.append(text(TEXTS, "reason_ppi", lang, n=ppi_missed, total=ppi_total))
        else:
            parts.append(text(TEXTS, f"reason_{r}", lang))
    return "; ".join(parts)


def phases_at(project: Project, wave: str | None) -> dict[str, str]:
    """``{wijk: phase}`` of the route map in ``wave`` from ``project.wijk_phases`` (empty without it).

    A wijk with several rows in one wave (a phase repeated or two at once)
    gets them joined with " / " in their order.
    """
    phases = getattr(project, "wijk_phases", None)
    if phases is None or len(phases) == 0 or wave is None:
        return {}
    rows = phases[phases["wave"].astype(str) == str(wave)]
    out: dict[str, list[str]] = {}
    for wijk, phase in zip(rows["wijk"].astype(str), rows["phase"].astype(str)):
        out.setdefault(wijk, [])
        if phase not in out[wijk]:
            out[wijk].append(phase)
    return {w: " / ".join(p) for w, p in out.items()}


def wijk_groups(project: Project) -> dict[str, str]:
    """``{wijk: "pilot" | "comparison"}`` for every wijk; a wijk without metadata is a pilot.

    From :meth:`wijknet.project.Project.wijk_groups` when the project has it, else from the ``group``
    column of ``project.wijk_meta``.
    """
    method = getattr(project, "wijk_groups", None)
    if callable(method):
        given = dict(method())
    else:
        meta = getattr(project, "wijk_meta", None)
        ok = isinstance(meta, pd.DataFrame) and {"wijk", "group"} <= set(meta.columns)
        given = dict(zip(meta["wijk"], meta["group"])) if ok else {}
    return {str(w): str(given.get(w, PILOT)) for w in project.wijken}


def network_indicators(project: Project, baseline: str, wave: str, **graph_options) -> pd.DataFrame:
    """Per wijk the network indicators in the baseline wave and ``wave`` and their change.

    Returns
    -------
    pandas.DataFrame
        ``wijk`` and for each of :data:`INDICATORS` ``<m>_baseline,
        <m>_now, <m>_change``, plus ``network_trend`` (``up``/``down``/
        ``flat``/``unknown`` from the change of the share of domain-crossing
        ties, flat within :data:`FLAT_BAND`). For a leernetwerk a wijk with 1
        to ``min_cell - 1`` actors in either wave gets blanks (its size would
        show).
    """
    waves = [baseline] if baseline == wave else [baseline, wave]
    measured = wave_measures(project, measures=INDICATORS, n_boot=0, waves=waves, **graph_options)
    values = measured.values.set_index(["wijk", "wave"])
    rows = []
    min_cell = project.config.min_cell
    for wijk in project.wijken:
        row = {"wijk": wijk}
        small = is_aggregate_only(project) and any(
            0 < values.at[(wijk, w), "actors"] < min_cell for w in waves
        )
        for m in INDICATORS:
            before = np.nan if small else float(values.at[(wijk, baseline), m])
            now = np.nan if small else float(values.at[(wijk, wave), m])
            row |= {f"{m}_baseline": before, f"{m}_now": now, f"{m}_change": now - before}
        change = row["cross_domain_share_change"]
        row["network_trend"] = (
            UNKNOWN
            if not np.isfinite(change)
            else UP
            if change > FLAT_BAND
            else DOWN
            if change < -FLAT_BAND
            else FLAT
        )
        rows.append(row)
    return pd.DataFrame(rows)


def steering_table(
    project: Project,
    period: str,
    *,
    kpi: pd.DataFrame | None = None,
    network: pd.DataFrame | None = None,
    lang: str | None = None,
    **graph_options,
) -> pd.DataFrame:
    """The go/no-go summary of a period: one row per pilot wijk and one for the programme.

    Parameters
    ----------
    project : Project
        As the audience sees it; a leernetwerk gets the protected KPI 3
        (:func:`wijknet.analysis.kpi.kpi3`) and blanked small wijken.
    period : str
        ``2026-H1``, ``2026-H2`` (half-yearly) or ``2026`` (year end).
    kpi : pandas.DataFrame, optional
        :func:`wijknet.analysis.kpi.kpi3` with its pooled rows (computed when not given).
    network : pandas.DataFrame, optional
        :func:`network_indicators` (computed when not given).
    lang : {"nl", "en"}, optional
        Language of ``reasons``.

    Returns
    -------
    pandas.DataFrame
        :data:`STEERING_COLUMNS`, the programme row (``wijk = "all"``,
        ``pooled`` True) last. ``decision`` follows :func:`go_no_go`;
        ``ppi_met``/``ppi_total`` count the judged PPIs of the wijk (the
        programme row: those of scope ``programma``).
    """
    parse_period(period)
    waves = list(project.waves)
    wave = kpi_wave(period, waves) or waves[0]
    baseline = waves[0]
    groups = wijk_groups(project)
    pilots = [w for w in project.wijken if groups.get(str(w), PILOT) == PILOT]
    kpi = kpi3(project) if kpi is None and project.has_responses else kpi
    network = (
        network_indicators(project, baseline, wave, **graph_options) if network is None else network
    )
    ppi = ppi_status(getattr(project, "ppi", None), period)
    phases = phases_at(project, wave)
    net = network.set_index("wijk") if len(network) else pd.DataFrame()
    rows = []
    for wijk, pooled in [(w, False) for w in pilots] + [(ALL_WIJKEN, True)]:
        row: dict = {"wijk": wijk, "pooled": pooled, "group": "" if pooled else groups.get(str(wijk), PILOT),
                     "phase": "" if pooled else phases.get(str(wijk), ""), "kpi_wave": wave}  # fmt: skip
        k = None
        if kpi is not None and len(kpi):
            match = kpi[(kpi["wijk"] == wijk) & (kpi["wave"].astype(str) == str(wave))]
            k = match.iloc[0] if len(match) else None
        row["kpi3_share"] = np.nan if k is None else k["share"]
        row["judgement"] = NO_JUDGEMENT if k is None else k["status"]
        row["correction"] = np.nan if k is None else k.get("correction", np.nan)
        row["correction_reason"] = "" if k is None else (k.get("correction_reason", "") or "")
        row["corrected_share"] = np.nan if k is None else k.get("corrected_share", k["share"])
        row["judgement_corrected"] = (
            NO_JUDGEMENT if k is None else k.get("status_corrected", k["status"])
        )
        for m in INDICATORS:
            for s in ("baseline", "now", "change"):
                column = f"{m}_{s}"
                if pooled:
                    part = (
                        net.loc[[w for w in pilots if w in net.index], column]
                        if len(net)
                        else pd.Series([])
                    )
                    row[column] = float(part.mean()) if part.notna().any() else np.nan
                else:
                    row[column] = net.at[wijk, column] if wijk in net.index else np.nan
        if pooled:
            ch = row["cross_domain_share_change"]
            row["network_trend"] = (
                UNKNOWN
                if not np.isfinite(ch)
                else UP
                if ch > FLAT_BAND
                else DOWN
                if ch < -FLAT_BAND
                else FLAT
            )
        else:
            row["network_trend"] = net.at[wijk, "network_trend"] if wijk in net.index else UNKNOWN
        mine = (
            ppi[ppi["scope"].map(_is_programme).astype(bool)]
            if pooled
            else ppi[ppi["scope"] == str(wijk)]
        )
        judged = [
            m for m in mine["met"] if m is True or m is False or isinstance(m, (bool, np.bool_))
        ]
        row["ppi_total"] = len(judged)
        row["ppi_met"] = int(sum(bool(m) for m in judged))
        decision, reasons = go_no_go(row["judgement_corrected"], [bool(m) for m in judged])
        row["decision"] = decision
        row["reasons"] = reason_text(
            reasons, row["ppi_total"] - row["ppi_met"], row["ppi_total"], lang
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=STEERING_COLUMNS)


def effect_words(result, lang: str | None = None) -> str:
    """Plain words for one pooled effect: direction across wijken and how much the wijken differ.

    No p-values or method names: "in de meeste wijken meer kans op een relatie", "verschilt sterk per wijk".
    The rule: "in de meeste wijken" when at least 3 in 4 wijken' estimates have the same sign; I² below 0.25
    "ongeveer gelijk", 0.25-0.75 "verschilt per wijk", above "verschilt sterk per wijk".

    Examples
    --------
    >>> from wijknet.inference.meta import meta_analysis
    >>> r = meta_analysis([0.5, 0.6, 0.4, 0.55], [0.1, 0.1, 0.1, 0.1], labels=list("ABCD"), method="DL")
    >>> effect_words(r, "nl")
    'in de meeste wijken meer kans op een relatie; ongeveer gelijk in alle wijken'
    """
    estimates = [float(e) for e in result.estimates]
    n = len(estimates)
    up = sum(e > 0 for e in estimates)
    down = sum(e < 0 for e in estimates)
    if n and up / n >= 0.75:
        direction = "words_more_most"
    elif n and down / n >= 0.75:
        direction = "words_less_most"
    else:
        direction = "words_mixed"
    i2 = 0.0 if pd.isna(result.i2) else float(result.i2)
    spread = "words_same" if i2 < 0.25 else ("words_differs" if i2 <= 0.75 else "words_strong")
    return f"{text(TEXTS, direction, lang)}; {text(TEXTS, spread, lang)}"


def term_label(term: str, lang: str | None = None) -> str:
    """Plain words for a term of the tie-change model ("Uit hetzelfde domein", ...).

    Examples
    --------
    >>> term_label("both_team", "nl")
    'Beiden in het PlusWIJkteam'
    """
    return text(TEXTS, f"term_{term}", lang)


def latest_effects(pooled, wave_to: str | None = None) -> list[tuple]:
    """The pooled effects of the last pair of waves up to ``wave_to``: ``[(term, wave_from, wave_to, MetaResult)]``.

    Parameters
    ----------
    pooled : wijknet.analysis.evaluation.PooledEffects or None
    wave_to : str, optional
        The latest wave to consider (default: the last pair).

    Examples
    --------
    >>> latest_effects(None)
    []
    """
    if pooled is None or pooled.table.empty:
        return []
    table = pooled.table
    pairs = list(dict.fromkeys(zip(table["wave_from"].astype(str), table["wave_to"].astype(str))))
    chosen = [p for p in pairs if wave_to is None or p[1] <= str(wave_to)] or pairs
    first, last = chosen[-1]
    rows = table[(table["wave_from"].astype(str) == first) & (table["wave_to"].astype(str) == last)]
    return [(t, first, last, pooled.result(t, first, last)) for t in rows["term"]]
