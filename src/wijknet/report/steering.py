"""The steering-group report (stuurgroeprapportage): half-yearly (2026-H1, 2026-H2) and at the year end (2026).

One fixed layout, for the steering group and the insurer (zorgverzekeraar):

1. front page: programme, period, date, "fictief" for a synthetic project;
2. the go/no-go summary per pilot wijk and for the programme
   (:func:`wijknet.analysis.steering.steering_table`);
3. KPI 3 per wijk and for the programme, without and with the exogenous
   correction;
4. the network indicators per wijk with their change since the baseline;
5. the difference-in-differences against the comparison wijken and the
   forest plots of what works where;
6. the route-map phase per wijk and wave;
7. the process indicators (PPIs) of the period: value against target;
8. an appendix with the go/no-go rule, the method and its assumptions, the
   data files and the command that makes the report again.

Audience: researchers (onderzoeker) and the leernetwerk/programme. For a
leernetwerk every number comes through the disclosure-control rule (KPI 3 by
:func:`wijknet.analysis.kpi.protect_kpi3`, small wijken blanked in the network
indicators and the DiD). A PlusWIJkteam (``wijkteam:<wijk>``) is refused:
the report compares wijken and sets the decisions of the steering group,
and a team gets its own wijk's report instead (``wijknet report --wijk``).
No person appears: the report has no actor rows.

    from wijknet.report.steering import build_steering_report, write_steering
    report = build_steering_report(project, "2026-H2")
    write_steering(report, "stuurgroep-2026-H2.pdf")
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from wijknet.analysis import steering as st
from wijknet.analysis.evaluation import (
    BASELINE_CHANGE,
    COMPARISON,
    PILOT,
    PooledEffects,
    _GraphCache,
    network_did,
    what_works_where,
)
from wijknet.analysis.kpi import ALL_WIJKEN, kpi3, status_label
from wijknet.core import formatting as fmt
from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import get_language, text
from wijknet.privacy.suppression import is_aggregate_only
from wijknet.project import Project
from wijknet.report import forest as forest_report
from wijknet.report.build import Provenance, provenance
from wijknet.report.pdf import html_to_pdf
from wijknet.report.render import STATUS_CLASS, _common, environment

#: Bootstrap replicates of the DiD intervals in the report (as ``wijknet analyse``'s did.csv).
N_BOOT = 500
DECISION_CLASS = {st.GO: "ok", st.GO_PLAN: "warn", st.NO_GO: "bad"}
KINDS = ("stuurgroep",)

TEXTS = {
    **forest_report.TEXTS,
    "doc_title": {"nl": "Stuurgroeprapportage", "en": "Steering-group report"},
    "sub_half": {"nl": "Halfjaarrapportage {period}", "en": "Half-yearly report {period}"},
    "sub_year": {
        "nl": "Jaarrapportage {period} (go/no-go)",
        "en": "Year-end report {period} (go/no-go)",
    },
    "cover_programme": {"nl": "Programma", "en": "Programme"},
    "cover_period": {"nl": "Periode", "en": "Period"},
    "cover_date": {"nl": "Datum", "en": "Date"},
    "cover_audience": {"nl": "Voor", "en": "For"},
    "cover_kpi_wave": {"nl": "KPI-meting", "en": "KPI wave"},
    "cover_baseline": {"nl": "Nulmeting", "en": "Baseline"},
    "cover_wijken": {"nl": "Wijken", "en": "Wijken"},
    "cover_wijken_value": {
        "nl": "{pilots} pilotwijken, {comparisons} vergelijkingswijken",
        "en": "{pilots} pilot wijken, {comparisons} comparison wijken",
    },
    "audience_onderzoeker": {"nl": "onderzoekers", "en": "researchers"},
    "audience_leernetwerk": {
        "nl": "stuurgroep en leernetwerk",
        "en": "steering group and learning network",
    },
    "toc": {"nl": "Inhoud", "en": "Contents"},
    "fictional": {
        "nl": "Fictief: alle wijken, personen en cijfers in dit rapport zijn verzonnen (demonstratie).",
        "en": "Fictional: all wijken, people and figures in this report are made up (demonstration).",
    },
    "sec_decision": {"nl": "Go/no-go per wijk", "en": "Go/no-go per wijk"},
    "decision_intro": {
        "nl": "Voorstel per pilotwijk en voor het programma, volgens de regel in de bijlage. De stuurgroep en de "
        "zorgverzekeraar besluiten.",
        "en": "Proposal per pilot wijk and for the programme, by the rule in the appendix. The steering group and "
        "the insurer decide.",
    },
    "col_wijk": {"nl": "Wijk", "en": "Wijk"},
    "col_kpi": {"nl": "KPI 3", "en": "KPI 3"},
    "col_judgement": {"nl": "Oordeel zonder correctie", "en": "Judgement without correction"},
    "col_judgement_corrected": {"nl": "Oordeel na correctie", "en": "Judgement after correction"},
    "col_trend": {"nl": "Netwerk sinds nulmeting", "en": "Network since baseline"},
    "col_phase": {"nl": "Fase", "en": "Phase"},
    "col_ppi": {"nl": "PPI's gehaald", "en": "PPIs met"},
    "col_decision": {"nl": "Voorstel", "en": "Proposal"},
    "col_reasons": {"nl": "Waarom", "en": "Why"},
    "no_correction": {"nl": "geen correctie", "en": "no correction"},
    "programme_row": {"nl": "Programma (alle wijken)", "en": "Programme (all wijken)"},
    "sec_kpi": {
        "nl": "KPI 3: meer integraal en domeinoverstijgend werken",
        "en": "KPI 3: more integral, domain-crossing work",
    },
    "kpi_intro": {
        "nl": "Aandeel actieve deelnemers dat (helemaal) eens is, per meting, met de onzekerheidsmarge (95%). "
        "Het oordeel staat zonder correctie en, waar de programmaleiding een correctie voor exogene factoren "
        "vastlegde, na correctie met de reden.",
        "en": "Share of active participants who agree (strongly), per wave, with the uncertainty margin (95%). The "
        "judgement is shown without correction and, where the programme office recorded a correction for "
        "exogenous factors, after the correction with its reason.",
    },
    "col_wave": {"nl": "Meting", "en": "Wave"},
    "col_share": {"nl": "Eens", "en": "Agree"},
    "col_margin": {"nl": "Marge", "en": "Margin"},
    "col_band": {"nl": "Bandbreedte", "en": "Band"},
    "col_correction": {"nl": "Correctie", "en": "Correction"},
    "col_corrected": {"nl": "Na correctie", "en": "Corrected"},
    "kpi_none": {
        "nl": "Geen KPI 3-antwoorden in dit project.",
        "en": "No KPI 3 answers in this project.",
    },
    "sec_network": {"nl": "Netwerkindicatoren", "en": "Network indicators"},
    "network_intro": {
        "nl": "Per pilotwijk in meting {wave}, met de verandering sinds de nulmeting ({baseline}). Domeinoverstijgend: "
        "deel van de relaties tussen verschillende domeinen. E-I: van -1 (alleen binnen het eigen domein) tot +1 "
        "(alleen tussen domeinen). Dichtheid: deel van alle mogelijke relaties dat er is. Kernaanpakken: deel van "
        "de samenwerkingen die de kernaanpakken vragen dat er is (gemiddeld over de kernaanpakken).",
        "en": "Per pilot wijk in wave {wave}, with the change since the baseline ({baseline}). Domain-crossing: share "
        "of ties between different domains. E-I: from -1 (only within one's own domain) to +1 (only between "
        "domains). Density: share of all possible ties that exist. Kernaanpakken: share of the collaborations the "
        "core approaches need that exist (mean over the kernaanpakken).",
    },
    "col_cross": {"nl": "Domeinoverstijgend", "en": "Domain-crossing"},
    "col_ei": {"nl": "E-I", "en": "E-I"},
    "col_density": {"nl": "Dichtheid", "en": "Density"},
    "col_completeness": {"nl": "Kernaanpakken", "en": "Kernaanpakken"},
    "since": {"nl": "sinds {baseline}", "en": "since {baseline}"},
    "sec_did": {
        "nl": "Effect van het programma: pilot- tegen vergelijkingswijken",
        "en": "Programme effect: pilot against comparison wijken",
    },
    "did_intro": {
        "nl": "Verandering sinds de nulmeting in de pilotwijken min die in de vergelijkingswijken (verschil-in-"
        "verschillen), met een 95%-marge.",
        "en": "Change since the baseline in the pilot wijken minus that in the comparison wijken (difference-in-"
        "differences), with a 95% margin.",
    },
    "did_baseline_only": {
        "nl": "Er zijn geen vergelijkingswijken: de tabel geeft alleen de verandering sinds de nulmeting in de "
        "pilotwijken, geen effect van het programma.",
        "en": "There are no comparison wijken: the table gives the change since the baseline in the pilot wijken "
        "only, not a programme effect.",
    },
    "col_measure": {"nl": "Indicator", "en": "Indicator"},
    "col_pilot": {"nl": "Pilotwijken", "en": "Pilot wijken"},
    "col_comparison": {"nl": "Vergelijkingswijken", "en": "Comparison wijken"},
    "col_difference": {"nl": "Verschil", "en": "Difference"},
    "m_cross_domain_share": {
        "nl": "Domeinoverstijgende relaties (punten)",
        "en": "Domain-crossing ties (points)",
    },
    "m_ei_index": {"nl": "E-I", "en": "E-I"},
    "m_density": {"nl": "Dichtheid", "en": "Density"},
    "m_mean_degree": {"nl": "Gemiddeld aantal relaties", "en": "Mean number of ties"},
    "m_kernaanpak_completeness": {
        "nl": "Kernaanpakken compleet (punten)",
        "en": "Kernaanpakken complete (points)",
    },
    "m_trust": {"nl": "Vertrouwen (1-4)", "en": "Trust (1-4)"},
    "sec_phase": {"nl": "Fase in de routekaart", "en": "Phase of the route map"},
    "phase_intro": {
        "nl": "Per wijk en meting de fase: voorbereiding, wijkbeeld, wijkopgave, wijkplan, wijkuitvoering, "
        "wijkevaluatie. Fasen kunnen terugkomen of overgeslagen worden.",
        "en": "Per wijk and wave the phase: preparation, wijkbeeld, wijkopgave, wijkplan, execution, evaluation. "
        "Phases can repeat or be skipped.",
    },
    "phase_none": {
        "nl": "Er zijn geen fasen vastgelegd (wijk_phases).",
        "en": "No phases recorded (wijk_phases).",
    },
    "sec_ppi": {
        "nl": "Procesindicatoren (PPI's) {period}",
        "en": "Process indicators (PPIs) {period}",
    },
    "ppi_intro": {
        "nl": "De procesindicatoren van de mijlpalenplanning, ingevuld door het programmabureau: waarde tegen doel.",
        "en": "The process indicators of the milestone planning, filled in by the programme office: value against "
        "target.",
    },
    "ppi_none": {
        "nl": "Er zijn geen procesindicatoren voor deze periode (ppi.csv).",
        "en": "No process indicators for this period (ppi.csv).",
    },
    "col_scope": {"nl": "Wijk of programma", "en": "Wijk or programme"},
    "col_indicator": {"nl": "Indicator", "en": "Indicator"},
    "col_value": {"nl": "Waarde", "en": "Value"},
    "col_target": {"nl": "Doel", "en": "Target"},
    "col_met": {"nl": "Gehaald", "en": "Met"},
    "col_note": {"nl": "Toelichting", "en": "Note"},
    "met_yes": {"nl": "gehaald", "en": "met"},
    "met_no": {"nl": "niet gehaald", "en": "not met"},
    "met_unknown": {"nl": "geen oordeel", "en": "not judged"},
    "sec_method": {"nl": "Regel, methode en aannames", "en": "Rule, method and assumptions"},
    "method_did": {
        "nl": "Verschil-in-verschillen: per indicator de verandering van de nulmeting naar de meting in de "
        "pilotwijken (gemiddeld, elke wijk telt één keer) min die in de vergelijkingswijken. De marge komt uit een "
        "bootstrap over de deelnemers binnen de wijken (dezelfde trekking in elke meting). Dit leest als effect van "
        "het programma alleen onder drie aannames: zonder programma waren pilot- en vergelijkingswijken gelijk "
        "opgegaan (parallelle trends); het programma slaat niet over naar de vergelijkingswijken (geen spill-over; "
        "zij delen regionale partners); elke meting is op dezelfde manier gedaan. Met een handvol wijken kan een "
        "verschil evengoed aan de wijken zelf liggen; de marge zegt niets over de keuze van de wijken.",
        "en": "Difference-in-differences: per indicator the change from the baseline to the wave in the pilot "
        "wijken (mean, each wijk counts once) minus that in the comparison wijken. The margin comes from a "
        "bootstrap over the participants within the wijken (the same draw in every wave). It reads as a programme "
        "effect only under three assumptions: without the programme, pilot and comparison wijken would have moved "
        "alike (parallel trends); the programme does not spill over to the comparison wijken (no spill-over; they "
        "share regional partners); every wave was measured the same way. With a handful of wijken a difference may "
        "lie in the wijken themselves; the margin says nothing about the choice of wijken.",
    },
    "method_kpi": {
        "nl": "KPI 3: aandeel (helemaal) eens onder de actieve deelnemers, marge volgens Wilson. Correctie voor "
        "exogene factoren in procentpunten, met reden vastgelegd door de programmaleiding (kpi_corrections); het "
        "oordeel na correctie past dezelfde regels toe op het gecorrigeerde aandeel.",
        "en": "KPI 3: share agreeing (strongly) among active participants, Wilson margin. Correction for exogenous "
        "factors in percentage points, with a reason recorded by the programme office (kpi_corrections); the "
        "judgement after correction applies the same rules to the corrected share.",
    },
    "method_privacy": {
        "nl": "Voor het leernetwerk zijn kleine aantallen (minder dan {n}) en wat ze zou verraden weggelaten (–). Het "
        "rapport noemt geen personen.",
        "en": "For the learning network small counts (fewer than {n}) and what would give them away are left out "
        "(–). The report names no people.",
    },
    "refused": {
        "nl": "De stuurgroeprapportage vergelijkt wijken en is voor onderzoekers en het leernetwerk; een "
        "PlusWIJkteam krijgt het rapport van de eigen wijk (wijknet report --wijk).",
        "en": "The steering-group report compares wijken and is for researchers and the learning network; a "
        "PlusWIJkteam gets its own wijk's report (wijknet report --wijk).",
    },
}


@dataclass
class SteeringReport:
    """Everything the steering-group report shows (:func:`build_steering_report`).

    Attributes
    ----------
    title : str
    period : str
        ``2026-H1``, ``2026-H2`` or ``2026`` (year end).
    wave, baseline : str
        The KPI wave of the period and the baseline wave.
    waves : list of str
    groups : dict
        ``{wijk: "pilot" | "comparison"}``.
    steering : pandas.DataFrame
        :func:`wijknet.analysis.steering.steering_table`.
    network : pandas.DataFrame
        :func:`wijknet.analysis.steering.network_indicators` (baseline against the KPI wave).
    kpi : pandas.DataFrame or None
        :func:`wijknet.analysis.kpi.kpi3` (pooled rows included).
    did : pandas.DataFrame
        :func:`wijknet.analysis.evaluation.network_did` table.
    pooled : PooledEffects or None
        :func:`wijknet.analysis.evaluation.what_works_where` of the project.
    phases : pandas.DataFrame
        ``wijk, wave, phase`` (``project.wijk_phases``; empty without it).
    ppi : pandas.DataFrame
        :func:`wijknet.analysis.steering.ppi_status` of the period.
    audience : str
        ``onderzoeker`` or ``leernetwerk``.
    synthetic : bool
    provenance : Provenance
    min_cell : int
    n_boot : int
    warnings : list of str
    """

    title: str
    period: str
    wave: str
    baseline: str
    waves: list
    groups: dict
    steering: pd.DataFrame
    network: pd.DataFrame
    kpi: pd.DataFrame | None
    did: pd.DataFrame
    pooled: PooledEffects | None
    phases: pd.DataFrame
    ppi: pd.DataFrame
    audience: str
    synthetic: bool
    provenance: Provenance
    min_cell: int = 5
    n_boot: int = N_BOOT
    warnings: list = field(default_factory=list)


def check_audience(project: Project) -> str:
    """The audience code of the report: ``onderzoeker`` or ``leernetwerk``; a wijkteam is refused.

    Raises
    ------
    DataError
        For a PlusWIJkteam (``wijkteam:<wijk>``).
    """
    audience = getattr(project, "audience", None)
    if audience is None:
        return "onderzoeker"
    if not audience.sees_other_wijken:
        raise DataError([Problem("--audience", text(TEXTS, "refused"))])
    return "leernetwerk" if is_aggregate_only(project) else "onderzoeker"


def build_steering_report(
    project: Project, period: str, *, seed: int = 0, n_boot: int = N_BOOT, **graph_options
) -> SteeringReport:
    """Compute the contents of the steering-group report of ``period``.

    Parameters
    ----------
    project : Project
        As the audience sees it (:func:`wijknet.privacy.load.load_project`):
        researchers or the leernetwerk; a wijkteam is refused.
    period : str
        ``2026-H1``/``2026-H2`` (half-yearly) or ``2026`` (year end).
    seed : int, default 0
        Seed of the DiD bootstrap (the same seed gives the same margins).
    n_boot : int, default 500
        Bootstrap replicates of the DiD margins.
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph`.

    Returns
    -------
    SteeringReport

    Raises
    ------
    DataError
        For a wijkteam audience or a period that is not ``YYYY``, ``YYYY-H1`` or ``YYYY-H2``.
    """
    audience = check_audience(project)
    st.parse_period(period)
    waves = list(project.waves)
    wave = st.kpi_wave(period, waves) or waves[0]
    baseline = waves[0]
    groups = st.wijk_groups(project)
    kpi = kpi3(project) if project.has_responses else None
    cached = _GraphCache(project)  # every graph built once for the three analyses
    network = st.network_indicators(cached, baseline, wave, **graph_options)
    steering = st.steering_table(project, period, kpi=kpi, network=network, **graph_options)
    did = network_did(cached, groups={w: groups.get(str(w), PILOT) for w in project.wijken},
                      n_boot=n_boot, seed=seed, **graph_options)  # fmt: skip
    did_table = did.table[did.table["wave_to"].astype(str) <= str(wave)].reset_index(drop=True)
    try:
        pooled = what_works_where(cached, seed=seed, **graph_options)
    except (ValueError, np.linalg.LinAlgError):
        pooled = None
    phases = getattr(project, "wijk_phases", None)
    phases = pd.DataFrame(columns=["wijk", "wave", "phase"]) if phases is None else phases
    prov = provenance(project, seed=seed, n_permutations=0, graph_options=graph_options)
    return SteeringReport(
        title=project.config.title, period=str(period), wave=wave, baseline=baseline, waves=waves,
        groups=groups, steering=steering, network=network, kpi=kpi, did=did_table, pooled=pooled, phases=phases,
        ppi=st.ppi_status(getattr(project, "ppi", None), period), audience=audience,
        synthetic=project.config.synthetic, provenance=prov, min_cell=project.config.min_cell, n_boot=n_boot,
        warnings=list(project.warnings),
    )  # fmt: skip


# --- rendering ------------------------------------------------------------------------------


def _pct(value, lang) -> str:
    return "–" if fmt.is_missing(value) else fmt.percent(value, 0, lang)


def _signed(value, lang, decimals=2, scale=1.0, suffix="") -> str:
    if fmt.is_missing(value):
        return "–"
    v = float(value) * scale
    sign = "+" if v > 0 else ("−" if v < 0 else "±")
    return f"{sign}{fmt.number(abs(v), decimals, lang)}{suffix}"


def _measure_value(measure: str, value, lang: str, signed: bool = True) -> str:
    """A DiD or change value: shares as percentage points, E-I and density as decimals, trust on 1-4."""
    if measure in ("cross_domain_share", "kernaanpak_completeness"):
        return _signed(value, lang, 0, 100) if signed else _pct(value, lang)
    if measure == "density":
        return (
            _signed(value, lang, 3)
            if signed
            else ("–" if fmt.is_missing(value) else fmt.number(value, 3, lang))
        )
    return (
        _signed(value, lang, 2)
        if signed
        else ("–" if fmt.is_missing(value) else fmt.number(value, 2, lang))
    )


def _judgement(status, lang) -> dict:
    return {"label": status_label(status, lang), "cls": STATUS_CLASS.get(status, "none")}


def reproduce_command(report: SteeringReport, lang: str, out: str = "stuurgroep.pdf") -> str:
    """The ``wijknet report`` command that makes this report again (audience, period, seed, language)."""
    return (f"wijknet report PROJECT --kind stuurgroep --period {report.period} --audience {report.audience} "
            f"--seed {report.provenance.seed} --lang {lang} --out {out}")  # fmt: skip


def steering_context(report: SteeringReport, lang: str) -> dict:
    """The template context of ``templates/steering.html``."""
    ctx = _common(report, lang)
    t = partial(text, TEXTS, lang=lang)
    year, half = st.parse_period(report.period)
    pilots = [w for w, g in report.groups.items() if g == PILOT]
    comparisons = [w for w, g in report.groups.items() if g == COMPARISON]
    decisions = []
    for r in report.steering.to_dict("records"):
        corrected = not fmt.is_missing(r["correction"])
        decisions.append({
            "wijk": t("programme_row") if r["pooled"] else r["wijk"], "pooled": r["pooled"],
            "kpi": _pct(r["kpi3_share"], lang),
            "judgement": _judgement(r["judgement"], lang),
            "corrected": _judgement(r["judgement_corrected"], lang) if corrected else None,
            "corrected_share": _pct(r["corrected_share"], lang) if corrected else "",
            "reason": r["correction_reason"] if corrected else "",
            "trend": st.trend_label(r["network_trend"], lang),
            "trend_value": _measure_value("cross_domain_share", r["cross_domain_share_change"], lang),
            "phase": r["phase"] or "–",
            "ppi": f"{r['ppi_met']} / {r['ppi_total']}" if r["ppi_total"] else "–",
            "decision": st.decision_label(r["decision"], lang), "decision_cls": DECISION_CLASS[r["decision"]],
            "reasons": st.reason_text([], 0, 0, lang) if not r["reasons"] else r["reasons"],
        })  # fmt: skip
    kpi_rows = []
    if report.kpi is not None:
        kpi = report.kpi
        at = report.waves.index(report.wave)
        for r in kpi[kpi["wave"].isin(report.waves[: at + 1])].itertuples():
            if not r.pooled and report.groups.get(str(r.wijk), PILOT) != PILOT:
                continue
            corrected = not fmt.is_missing(r.correction)
            kpi_rows.append({
                "wijk": t("programme_row") if r.pooled else r.wijk, "pooled": bool(r.pooled), "wave": r.wave,
                "share": _pct(r.share, lang),
                "margin": "–" if fmt.is_missing(r.share) else f"{_pct(r.ci_low, lang)} – {_pct(r.ci_high, lang)}",
                "band": "–" if fmt.is_missing(r.band_min) else f"{fmt.points(r.band_min, 0, lang)}–{_pct(r.band_max, lang)}",
                "judgement": _judgement(r.status, lang),
                "correction": (f"{_signed(r.correction / 100, lang, 0, 100)} {text(TEXTS, 'col_correction', lang).lower()}: "
                               f"{r.correction_reason or '–'}") if corrected else t("no_correction"),
                "corrected_share": _pct(r.corrected_share, lang) if corrected else "",
                "corrected": _judgement(r.status_corrected, lang) if corrected else None,
            })  # fmt: skip
    network = [
        {"wijk": t("programme_row") if r["pooled"] else r["wijk"], "pooled": r["pooled"],
         "cells": [(_measure_value(m, r[f"{m}_now"], lang, signed=False), _measure_value(m, r[f"{m}_change"], lang))
                   for m in st.INDICATORS]}
        for r in report.steering.to_dict("records")
    ]  # fmt: skip
    did_rows = [
        {"measure": t(f"m_{r.measure}"), "wave": f"{r.wave_from} → {r.wave_to}",
         "pilot": _measure_value(r.measure, r.pilot_change, lang),
         "comparison": _measure_value(r.measure, r.comparison_change, lang),
         "difference": _measure_value(r.measure, r.difference, lang),
         "margin": "–" if fmt.is_missing(r.ci_low) else
         f"{_measure_value(r.measure, r.ci_low, lang)} – {_measure_value(r.measure, r.ci_high, lang)}",
         "wijken": f"{r.pilot_wijken} / {r.comparison_wijken}"}
        for r in report.did.itertuples() if r.measure != "mean_degree"
    ]  # fmt: skip
    baseline_only = bool(len(report.did)) and (report.did["design"] == BASELINE_CHANGE).all()
    phase_rows = []
    shown_waves = report.waves[: report.waves.index(report.wave) + 1]  # up to the period's KPI wave
    if len(report.phases):
        ph = report.phases.assign(
            wijk=report.phases["wijk"].astype(str), wave=report.phases["wave"].astype(str)
        )
        for wijk in report.groups:
            mine = ph[ph["wijk"] == str(wijk)]
            cells = [" / ".join(dict.fromkeys(mine[mine["wave"] == str(w)]["phase"].astype(str))) or "–"
                     for w in shown_waves]  # fmt: skip
            phase_rows.append({"wijk": wijk, "group": report.groups[wijk], "cells": cells})
    ppi_rows = []
    for r in report.ppi.to_dict("records"):
        met = r["met"]
        state = "met_unknown" if fmt.is_missing(met) else ("met_yes" if bool(met) else "met_no")
        unit = f" {r['unit']}" if r.get("unit") else ""
        ppi_rows.append({
            "scope": t("programme_row") if _is_programme(r["scope"]) else r["scope"],
            "indicator": r["indicator"],
            "value": "–" if fmt.is_missing(r["value"]) else fmt.number(r["value"], 0 if float(r["value"]).is_integer() else 1, lang) + unit,
            "target": "–" if fmt.is_missing(r["target"]) else fmt.number(r["target"], 0 if float(r["target"]).is_integer() else 1, lang) + unit,
            "met": t(state), "cls": {"met_yes": "ok", "met_no": "bad"}.get(state, "none"), "note": r.get("note") or "",
        })  # fmt: skip
    researcher = report.audience == "onderzoeker"
    ctx.update({
        "doc_title": t("doc_title"),
        "subtitle": t("sub_year" if half is None else "sub_half", period=report.period),
        "s": t, "period": report.period, "wave": report.wave, "baseline": report.baseline, "waves": shown_waves,
        "cover": [(t("cover_programme"), report.title or "PlusWIJken"), (t("cover_period"), report.period),
                  (t("cover_date"), report.provenance.generated),
                  (t("cover_audience"), t(f"audience_{report.audience}")),
                  (t("cover_kpi_wave"), report.wave), (t("cover_baseline"), report.baseline),
                  (t("cover_wijken"), t("cover_wijken_value", pilots=len(pilots), comparisons=len(comparisons)))],
        "decisions": decisions, "rule": text(st.TEXTS, "rule", lang), "kpi_rows": kpi_rows,
        "network": network, "network_intro": t("network_intro", wave=report.wave, baseline=report.baseline),
        "did_rows": did_rows, "baseline_only": baseline_only, "forests": forest_report.forest_context(
            report.pooled, report.wave, lang, researcher=researcher),
        "phase_rows": phase_rows, "ppi_rows": ppi_rows, "ppi_title": t("sec_ppi", period=report.period),
        "privacy_note": t("method_privacy", n=report.min_cell) if report.audience == "leernetwerk" else "",
        "reproduce": reproduce_command(report, lang),
    })  # fmt: skip
    return ctx


def _is_programme(scope) -> bool:
    return str(scope).strip().lower() in ("programma", "programme", ALL_WIJKEN)


def render_steering(report: SteeringReport, lang: str | None = None) -> str:
    """The steering-group report as one self-contained HTML document (A4 print layout)."""
    lang = lang or get_language()
    return environment().get_template("steering.html").render(**steering_context(report, lang))


def write_steering(report: SteeringReport, path: str | Path, lang: str | None = None) -> Path:
    """Write the report as HTML or, for a path ending in ``.pdf``, as PDF (headless Chromium)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    html = render_steering(report, lang)
    if path.suffix.lower() != ".pdf":
        path.write_text(html, encoding="utf-8")
        return path
    with tempfile.TemporaryDirectory(prefix="wijknet-report-") as tmp:
        source = Path(tmp) / "report.html"
        source.write_text(html, encoding="utf-8")
        return html_to_pdf(source, path)
