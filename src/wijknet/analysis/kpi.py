"""KPI 3 monitor: "more integral, domain-crossing work" per wijk and wave.

KPI 3 of PlusWIJken is the share of active participants of the wijknetwerk
who experience that they work more integrally and across domains than a year
ago (survey item ``kpi3`` of the ``responses`` table, 1-5; 4 or 5 counts as
agreeing). It is judged once a year against a band (minimum and maximum
expected effect): 2025 0-25%, 2026 25-50%, 2027 50-80%, end target 75%
(configurable as ``kpi3_bands`` and ``kpi3_target`` in ``wijknet.yaml``).

The programme's rules (status column):

* within or above the band: continue (``"on_track"``, "doorgaan");
* below the band for the first time: the steering group asks for an analysis
  (``"analysis_requested"``, "analyse gevraagd");
* below the band twice in a row: an analysis and an improvement plan
  (``"improvement_plan"``, "verbeterplan"), unless the insurer
  (zorgverzekeraar) decides, after consulting the steering group, to stop
  the activities tied to the KPI;
* no band for the wave, or no answers: no judgement (``"no_judgement"``,
  "geen oordeel").

The status column and the pooled row (``wijk = "all"``) hold English codes;
:func:`status_label` and :func:`wijk_label` give the words, Dutch or English.

Each result is judged "na correctie voor exogene factoren voor zover mogelijk
en relevant" (the transformation plan): an optional ``kpi_corrections`` table
(``wijk, wave, correction, reason``; the correction in percentage points)
gives ``corrected_share = share + correction / 100`` and a second judgement
``status_corrected`` on it (:func:`apply_corrections`). Both are kept, so a
reader sees the judgement without and with the correction.

"Below" compares the measured share (the point estimate) with the band's
minimum, as the programme's rule is about the measured share. Because the
share rests on a few dozen answers, the table also gives the 95% Wilson
score interval and whether that interval overlaps the band
(``ci_overlaps_band``): a share below the band whose interval still overlaps
it may be below by chance.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from wijknet.core.i18n import text
from wijknet.privacy.suppression import is_aggregate_only, protect
from wijknet.project import Project

#: The ``wijk`` code of the pooled rows (all wijken together); :func:`wijk_label` gives its words.
ALL_WIJKEN = "all"
AGREE = 4  # answers 4 (eens) and 5 (helemaal eens) count as agreeing

ON_TRACK, ANALYSIS, IMPROVEMENT, NO_JUDGEMENT = (
    "on_track",
    "analysis_requested",
    "improvement_plan",
    "no_judgement",
)
CONTINUE = ON_TRACK  # the programme's word "doorgaan"
STATUSES = (ON_TRACK, ANALYSIS, IMPROVEMENT, NO_JUDGEMENT)

KPI3_COLUMNS = [
    "wijk", "wave", "respondents", "active_respondents", "answered", "agree", "share", "ci_low", "ci_high",
    "band_min", "band_max", "target", "status", "below_band", "above_band", "ci_overlaps_band", "pooled",
    "correction", "correction_reason", "corrected_share", "status_corrected",
]  # fmt: skip
#: The correction columns of :func:`kpi3` (the exogenous correction and the judgement after it).
CORRECTION_COLUMNS = ["correction", "correction_reason", "corrected_share", "status_corrected"]
#: The columns of :func:`kpi3_judgements`: the judgement without and with the correction side by side.
JUDGEMENT_COLUMNS = ["wijk", "wave", "pooled", "kpi3_share", "band_min", "band_max", "judgement", "correction",
                     "correction_reason", "corrected_share", "judgement_corrected"]  # fmt: skip
#: Codes of the ``wijk`` column of ``kpi_corrections`` that mean the pooled programme row.
PROGRAMME_CODES = (ALL_WIJKEN, "programma", "programme")

TEXTS = {
    "status_on_track": {"nl": "doorgaan", "en": "continue"},
    "status_analysis_requested": {"nl": "analyse gevraagd", "en": "analysis asked"},
    "status_improvement_plan": {"nl": "verbeterplan", "en": "improvement plan"},
    "status_no_judgement": {"nl": "geen oordeel", "en": "no judgement"},
    "all_wijken": {"nl": "Alle wijken", "en": "All wijken"},
    "without_correction": {"nl": "zonder correctie", "en": "without correction"},
    "with_correction": {
        "nl": "na correctie voor exogene factoren: {reason}",
        "en": "after correction for exogenous factors: {reason}",
    },
    "rule_improvement_plan": {
        "nl": "Twee keer op rij onder de bandbreedte: een analyse en een verbeterplan volgen, tenzij de "
        "zorgverzekeraar (na overleg met de stuurgroep) besluit de activiteiten van deze KPI te stoppen.",
        "en": "Below the band twice in a row: an analysis and an improvement plan follow, unless the insurer "
        "(zorgverzekeraar) decides, after consulting the steering group, to stop the activities tied to this KPI.",
    },
}


def status_label(status: str, lang: str | None = None) -> str:
    """The words of a status code of :func:`kpi3` in ``lang`` (Dutch by default).

    Examples
    --------
    >>> status_label("improvement_plan", "nl"), status_label("improvement_plan", "en")
    ('verbeterplan', 'improvement plan')
    """
    return text(TEXTS, f"status_{status}", lang)


def wijk_label(wijk: str, lang: str | None = None) -> str:
    """The wijk as a reader sees it: the pooled code :data:`ALL_WIJKEN` becomes "Alle wijken"/"All wijken".

    Examples
    --------
    >>> wijk_label(ALL_WIJKEN, "nl"), wijk_label("Noord", "en")
    ('Alle wijken', 'Noord')
    """
    return text(TEXTS, "all_wijken", lang) if wijk == ALL_WIJKEN else wijk


def wilson_interval(successes, trials, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a proportion, NaN where ``trials`` is 0.

    Parameters
    ----------
    successes, trials : int or array_like of int
    confidence : float, default 0.95

    Returns
    -------
    low, high : numpy.ndarray

    Notes
    -----
    With ``p = x / n`` and ``z`` the ``1 - (1 - confidence) / 2`` normal
    quantile (1.96 for 95%)::

        centre = (p + z² / 2n) / (1 + z² / n)
        half   = z / (1 + z² / n) * sqrt(p (1 - p) / n + z² / 4n²)

    The interval is ``centre ± half``; unlike the Wald interval it stays
    within [0, 1] and keeps its coverage for small ``n`` and shares near 0
    or 1. Computed with
    ``statsmodels.stats.proportion.proportion_confint(method="wilson")``.

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and
    statistical inference. *Journal of the American Statistical Association*,
    22(158), 209-212.
    Brown, L. D., Cai, T. T., & DasGupta, A. (2001). Interval estimation for
    a binomial proportion. *Statistical Science*, 16(2), 101-133.
    """
    successes = np.asarray(successes, dtype=float)
    trials = np.asarray(trials, dtype=float)
    safe = np.where(trials > 0, trials, 1)
    # Imported here: statsmodels pulls in scipy.stats (about 2 s), which the app's pages that
    # only show KPI figures from the results cache should not wait for after a restart.
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(successes, safe, alpha=1 - confidence, method="wilson")
    low = np.where(trials > 0, low, np.nan)
    high = np.where(trials > 0, high, np.nan)
    return low, high


def _counts(responses: pd.DataFrame) -> pd.Series:
    active = responses[responses["active"]]
    answered = active["kpi3"].notna()
    return pd.Series({
        "respondents": len(responses),
        "active_respondents": len(active),
        "answered": int(answered.sum()),
        "agree": int((active["kpi3"] >= AGREE).sum()),
    })  # fmt: skip


def _statuses(share: pd.Series, band_min: pd.Series) -> list[str]:
    """Status of each wave of one wijk, in wave order (see the module docstring)."""
    statuses, below_before = [], False
    for value, low in zip(share, band_min):
        if np.isnan(value) or np.isnan(low):
            statuses.append(NO_JUDGEMENT)
            below_before = False  # the chain of consecutive judgements is broken
            continue
        below = value < low
        statuses.append((IMPROVEMENT if below_before else ANALYSIS) if below else CONTINUE)
        below_before = below
    return statuses


def kpi3(
    project: Project,
    *,
    bands: dict[str, tuple[float, float]] | None = None,
    target: float | None = None,
    confidence: float = 0.95,
    pooled: bool = True,
) -> pd.DataFrame:
    """KPI 3 per wijk and wave, judged against the yearly band.

    Parameters
    ----------
    project : Project
        With a ``responses`` table (without one the result has no rows).
    bands : dict, optional
        ``{wave: (minimum, maximum)}`` as shares; default
        ``project.config.kpi3_bands`` (2025 0-0.25, 2026 0.25-0.50, 2027
        0.50-0.80). Waves without a band get NaN and no judgement.
    target : float, optional
        End target as a share; default ``project.config.kpi3_target`` (0.75).
    confidence : float, default 0.95
        Level of the Wilson interval.
    pooled : bool, default True
        Add rows for all wijken together (``wijk = ALL_WIJKEN``, ``"all"``,
        ``pooled = True``).

    Returns
    -------
    pandas.DataFrame
        One row per wijk and wave (every wijk and wave of the project), in
        wijk and wave order, pooled rows last. Columns:

        ``respondents``
            responses in that wijk and wave;
        ``active_respondents``
            of them, active participants (``active`` yes);
        ``answered``
            active respondents who answered the KPI 3 item (1-5);
        ``agree``
            of them, answers 4 or 5;
        ``share``
            ``agree / answered`` (NaN without answers);
        ``ci_low``, ``ci_high``
            Wilson score interval (:func:`wilson_interval`);
        ``band_min``, ``band_max``, ``target``
            the wave's band and the end target, as shares;
        ``status``
            ``"on_track"``, ``"analysis_requested"``, ``"improvement_plan"``
            or ``"no_judgement"`` (module docstring; :func:`status_label`
            gives the words);
        ``below_band``, ``above_band``
            ``share < band_min``, ``share > band_max`` (False without a
            judgement);
        ``ci_overlaps_band``
            ``ci_low <= band_max and ci_high >= band_min``: the measured
            share is compatible with the band (False without a judgement);
        ``pooled``
            True for the pooled rows (``wijk = ALL_WIJKEN``).

        For a project restricted to the ``leernetwerk`` audience
        (:func:`wijknet.privacy.restrict`) the counts are protected by the
        disclosure-control rule (:func:`protect_kpi3`), with the pooled rows
        included also when ``pooled`` is False, so a table with and one
        without pooled rows blank the same cells.

    Notes
    -----
    Only active participants count: the KPI is defined as a share of the
    active participants. "Below the band" compares the point estimate
    ``share`` with ``band_min``. "Twice in a row" means in two consecutive
    waves of the project with a judgement each; a wave without a judgement
    breaks the chain. The pooled rows add up the counts of all wijken (each
    respondent weighs the same) and are judged by the same rules.
    """
    table = _kpi3_table(project, bands, target, confidence)
    if is_aggregate_only(project):  # a leernetwerk: the one rule, the pooled rows included
        table = protect_kpi3(table, project.config.min_cell)
    return table if pooled else table[~table["pooled"]].reset_index(drop=True)


def _kpi3_table(project: Project, bands, target, confidence: float) -> pd.DataFrame:
    """:func:`kpi3` with the pooled rows, without suppression."""
    bands = project.config.kpi3_bands if bands is None else bands
    target = project.config.kpi3_target if target is None else target
    responses = project.responses
    if responses.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype=bool if c == "pooled" else object) for c in KPI3_COLUMNS}
        )
    waves = project.waves
    groups = [(w, False) for w in project.wijken] + [(ALL_WIJKEN, True)]
    rows = []
    for wijk, is_pooled in groups:
        mine = responses if is_pooled else responses[responses["wijk"] == wijk]
        for wave in waves:
            counts = _counts(mine[mine["wave"] == wave])
            low, high = bands.get(wave, (np.nan, np.nan))
            rows.append({"wijk": wijk, "wave": wave, **counts.to_dict(), "band_min": float(low), "band_max": float(high),
                         "target": float(target), "pooled": is_pooled})  # fmt: skip
    table = pd.DataFrame(rows)
    for column in ("respondents", "active_respondents", "answered", "agree"):
        table[column] = table[column].astype(int)
    answered = table["answered"].to_numpy()
    table["share"] = np.where(
        answered > 0, table["agree"] / np.where(answered > 0, answered, 1), np.nan
    )
    table["ci_low"], table["ci_high"] = wilson_interval(table["agree"], answered, confidence)
    table["status"] = NO_JUDGEMENT
    for column in ("below_band", "above_band", "ci_overlaps_band"):
        table[column] = False
    table = apply_corrections(table, getattr(project, "kpi_corrections", None))
    return _judge(table[KPI3_COLUMNS].reset_index(drop=True))


def _judge(table: pd.DataFrame) -> pd.DataFrame:
    """Status and band flags of every row from its (published) share."""
    table["status"] = [
        s
        for _, part in table.groupby("wijk", sort=False)
        for s in _statuses(part["share"], part["band_min"])
    ]
    judged = table["status"] != NO_JUDGEMENT
    table["below_band"] = judged & (table["share"] < table["band_min"])
    table["above_band"] = judged & (table["share"] > table["band_max"])
    table["ci_overlaps_band"] = (
        judged & (table["ci_low"] <= table["band_max"]) & (table["ci_high"] >= table["band_min"])
    )
    if "correction" in table.columns:
        correction = pd.to_numeric(table["correction"], errors="coerce").fillna(0.0)
        share = table["share"].astype(float)
        table["corrected_share"] = (share + correction / 100).clip(0.0, 1.0)
        table["status_corrected"] = [
            s
            for _, part in table.groupby("wijk", sort=False)
            for s in _statuses(part["corrected_share"], part["band_min"])
        ]
    return table


def apply_corrections(table: pd.DataFrame, corrections: pd.DataFrame | None) -> pd.DataFrame:
    """Add the exogenous correction of each wijk and wave to a KPI 3 table and judge again.

    Parameters
    ----------
    table : pandas.DataFrame
        Rows of :func:`kpi3` (``wijk, wave, share, band_min, pooled`` at least).
    corrections : pandas.DataFrame or None
        ``project.kpi_corrections``: ``wijk, wave, correction, reason``, the
        correction in percentage points (positive when an outside factor
        pushed the share down, so the corrected share is higher). A ``wijk``
        of ``"all"``, ``"programma"`` or ``"programme"`` corrects the pooled
        row. Several rows of one wijk and wave add up, their reasons joined
        with "; ". None or empty: no correction anywhere.

    Returns
    -------
    pandas.DataFrame
        A copy with ``correction`` (percentage points, NaN without one),
        ``correction_reason`` ("" without one), ``corrected_share`` and
        ``status_corrected``.

    Notes
    -----
    ``corrected_share = share + correction / 100``, clipped to [0, 1], and
    ``status_corrected`` applies the programme's rules (module docstring)
    to the corrected shares of the wijk's waves, so "twice in a row below"
    after correction looks at the corrected share of the wave before as
    well. The Wilson interval is not corrected: the correction is a
    judgement of the steering group, not a measured quantity. Without a
    correction ``corrected_share`` equals ``share`` and
    ``status_corrected`` equals ``status``. The transformation plan judges
    every KPI result "na correctie voor exogene factoren voor zover
    mogelijk en relevant".

    Examples
    --------
    Noord measured 20% in 2026 (band 25-50%, below); a correction of +8
    points for a closed health centre gives 28%, within the band:

    >>> t = pd.DataFrame({"wijk": ["Noord"], "wave": ["2026"], "share": [0.20], "band_min": [0.25],
    ...                   "pooled": [False]})
    >>> c = pd.DataFrame({"wijk": ["Noord"], "wave": ["2026"], "correction": [8.0],
    ...                   "reason": ["gezondheidscentrum gesloten"]})
    >>> out = apply_corrections(t, c)
    >>> round(float(out.loc[0, "corrected_share"]), 2), out.loc[0, "status_corrected"]
    (0.28, 'on_track')
    """
    out = table.copy()
    key = list(zip(out["wijk"].astype(str), out["wave"].astype(str)))
    amount: dict[tuple[str, str], float] = {}
    reasons: dict[tuple[str, str], list[str]] = {}
    if corrections is not None and len(corrections):
        for row in corrections.to_dict("records"):
            wijk = str(row.get("wijk", "")).strip()
            wijk = ALL_WIJKEN if wijk.lower() in PROGRAMME_CODES else wijk
            value = pd.to_numeric(pd.Series([row.get("correction")]), errors="coerce").iloc[0]
            if pd.isna(value):
                continue
            k = (wijk, str(row.get("wave", "")).strip())
            amount[k] = amount.get(k, 0.0) + float(value)
            reason = row.get("reason")
            if isinstance(reason, str) and reason.strip():
                reasons.setdefault(k, []).append(reason.strip())
    out["correction"] = [amount.get(k, np.nan) for k in key]
    out["correction_reason"] = ["; ".join(reasons.get(k, [])) for k in key]
    out["corrected_share"] = np.nan
    out["status_corrected"] = NO_JUDGEMENT
    if "status" in out.columns and "below_band" in out.columns:
        return _judge(out)
    correction = out["correction"].fillna(0.0)
    out["corrected_share"] = (out["share"].astype(float) + correction / 100).clip(0.0, 1.0)
    out["status_corrected"] = [
        s
        for _, part in out.groupby("wijk", sort=False)
        for s in _statuses(part["corrected_share"], part["band_min"])
    ]
    return out


def kpi3_judgements(table: pd.DataFrame) -> pd.DataFrame:
    """The KPI 3 judgement without and with the exogenous correction, side by side.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`kpi3` (its correction columns come from ``project.kpi_corrections``).

    Returns
    -------
    pandas.DataFrame
        :data:`JUDGEMENT_COLUMNS`: ``kpi3_share`` (measured), ``judgement``
        (on the measured share), ``correction`` (percentage points),
        ``correction_reason``, ``corrected_share`` and
        ``judgement_corrected`` (on the corrected share).

    Examples
    --------
    >>> t = pd.DataFrame({"wijk": ["A"], "wave": ["2026"], "pooled": [False], "share": [0.2],
    ...     "band_min": [0.25], "band_max": [0.5], "status": ["analysis_requested"], "correction": [8.0],
    ...     "correction_reason": ["griep"], "corrected_share": [0.28], "status_corrected": ["on_track"]})
    >>> kpi3_judgements(t)[["judgement", "judgement_corrected"]].values.tolist()
    [['analysis_requested', 'on_track']]
    """
    out = table.rename(
        columns={
            "share": "kpi3_share",
            "status": "judgement",
            "status_corrected": "judgement_corrected",
        }
    )
    return out.reindex(columns=JUDGEMENT_COLUMNS).reset_index(drop=True)


def judgement_text(row, lang: str | None = None) -> list[tuple[str, str]]:
    """The labelled judgements of one KPI 3 row: ``[(label, status words), ...]``.

    Always the judgement "zonder correctie"; when the row has a correction
    also the one "na correctie voor exogene factoren: <reden>".

    Examples
    --------
    >>> row = {"status": "analysis_requested", "status_corrected": "on_track", "correction": 8.0,
    ...        "correction_reason": "griepgolf"}
    >>> judgement_text(row, "nl")
    [('zonder correctie', 'analyse gevraagd'), ('na correctie voor exogene factoren: griepgolf', 'doorgaan')]
    """
    get = row.get if hasattr(row, "get") else lambda k, d=None: getattr(row, k, d)
    out = [(text(TEXTS, "without_correction", lang), status_label(get("status"), lang))]
    correction = get("correction")
    if correction is not None and not pd.isna(correction):
        reason = get("correction_reason") or "–"
        out.append((text(TEXTS, "with_correction", lang, reason=reason),
                    status_label(get("status_corrected") or NO_JUDGEMENT, lang)))  # fmt: skip
    return out


#: The counts of one KPI 3 row: the published ones and the differences that follow from them.
KPI3_COUNTS = (
    "agree",
    "disagree",
    "answered",
    "unanswered",
    "active_respondents",
    "inactive",
    "respondents",
)
#: What blanking each count costs (tau-argus' cost function): the differences are not shown (0); the share
#: rests on ``agree`` and ``answered``, so those go last; the pooled programme figure costs five times more.
KPI3_COST = np.array([2, 0, 3, 0, 1, 0, 1], dtype=float)
#: Lines within a row, by position in :data:`KPI3_COUNTS`: answered = agree + disagree, and so on.
KPI3_LINES = ((2, (0, 1)), (4, (2, 3)), (6, (4, 5)))


def protect_kpi3(
    table: pd.DataFrame, min_cell: int, *, viewer_wijk: str | None = None
) -> pd.DataFrame:
    """KPI 3 with the disclosure-control rule applied (:func:`wijknet.privacy.suppression.protect`).

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`kpi3` without suppression, pooled rows included.
    min_cell : int
    viewer_wijk : str, optional
        A PlusWIJkteam that sees its own wijk in full and nothing of the
        other wijken: its rows count as known, the other wijken as unseen, and
        only its rows and the pooled rows are returned (:func:`programme_kpi3`).

    Returns
    -------
    pandas.DataFrame
        The same columns. Per wave, the counts of every wijk (``agree``,
        the disagreeing rest, ``answered``, the active respondents who did
        not answer, ``active_respondents``, the inactive ones,
        ``respondents``) are linked by their sums within the row and by the
        pooled row over the wijken; small counts and those that would give
        them away (the pooled row minus the visible wijken included) are
        blanked. Where ``agree`` or ``answered`` is blank, so are the share,
        its interval, the status (no judgement) and the band flags; the
        statuses are judged again on the published shares, so "twice below
        the band" never rests on a blank share.
    """
    out = table.copy()
    if out.empty:
        return out
    width = len(KPI3_COUNTS)
    for column in ("respondents", "active_respondents", "answered", "agree"):
        out[column] = out[column].astype(float)
    for _wave, rows in out.groupby("wave", sort=False):
        order = [i for i in rows.index if not rows.at[i, "pooled"]] + [
            i for i in rows.index if rows.at[i, "pooled"]
        ]
        values = []
        for i in order:
            r = table.loc[i]
            values += [
                r["agree"],
                r["answered"] - r["agree"],
                r["answered"],
                r["active_respondents"] - r["answered"],
                r["active_respondents"],
                r["respondents"] - r["active_respondents"],
                r["respondents"],
            ]
        lines = [
            (k * width + t, [k * width + p for p in parts])
            for k in range(len(order))
            for t, parts in KPI3_LINES
        ]
        pooled = [k for k, i in enumerate(order) if rows.at[i, "pooled"]]
        for p in pooled:
            wijken = [k for k in range(len(order)) if k not in pooled]
            lines += [(p * width + q, [k * width + q for k in wijken]) for q in range(width)]
        known = unseen = None
        if viewer_wijk is not None:
            mine = np.repeat([rows.at[i, "wijk"] == viewer_wijk for i in order], width)
            others = np.repeat(
                [not rows.at[i, "pooled"] and rows.at[i, "wijk"] != viewer_wijk for i in order],
                width,
            )
            known, unseen = mine, others
        cost = np.tile(KPI3_COST, len(order)) * np.repeat(
            [5 if rows.at[i, "pooled"] else 1 for i in order], width
        )
        hidden = protect(
            np.array(values, dtype=float), lines, min_cell, known=known, unseen=unseen, cost=cost
        )
        for k, i in enumerate(order):
            flags = dict(zip(KPI3_COUNTS, hidden[k * width : (k + 1) * width]))
            for column in ("agree", "answered", "active_respondents", "respondents"):
                if flags[column]:
                    out.loc[i, column] = np.nan
            if flags["agree"] or flags["answered"]:
                out.loc[i, ["share", "ci_low", "ci_high"]] = np.nan
    out = _judge(out)
    if viewer_wijk is not None:
        out = out[out["pooled"] | (out["wijk"] == viewer_wijk)].reset_index(drop=True)
    return out


def programme_kpi3(project: Project, viewer_wijk: str) -> pd.DataFrame:
    """The programme figure of KPI 3 (all wijken together) for a PlusWIJkteam.

    Parameters
    ----------
    project : Project
        The project with all wijken, as the leernetwerk sees it
        (``load_project(folder, audience="leernetwerk")``): the pooled rows
        are computed over every wijk, never from the team's own wijk alone.
    viewer_wijk : str
        The team's wijk. The team knows its own counts, so the pooled row is
        protected with them as known and the other wijken as unseen: the
        pooled row minus the own wijk never gives a small count of the other
        wijken together (:func:`protect_kpi3`).

    Returns
    -------
    pandas.DataFrame
        The pooled rows (``wijk = ALL_WIJKEN``) of :func:`kpi3`, one per
        wave, with blank counts and share where the rule requires it.
    """
    table = protect_kpi3(
        _kpi3_table(project, None, None, 0.95), project.config.min_cell, viewer_wijk=viewer_wijk
    )
    return table[table["pooled"]].reset_index(drop=True)


def kpi_vs_structure(
    project: Project, *, kpi: pd.DataFrame | None = None, attr: str = "domain", **graph_options
) -> pd.DataFrame:
    """KPI 3 next to the measured network structure of the same wijk and wave.

    Parameters
    ----------
    project : Project
    kpi : pandas.DataFrame, optional
        The result of :func:`kpi3` (computed when not given).
    attr : str, default "domain"
        Grouping attribute of the network measures.
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph`.

    Returns
    -------
    pandas.DataFrame
        One row per wijk and wave: ``wijk, wave, share, ci_low, ci_high,
        band_min, band_max, status, cross_domain_share, ei_index,
        share_change, cross_domain_share_change, ei_index_change``; the
        ``*_change`` columns are the difference with the previous wave of the
        project (NaN in the first wave).

    Notes
    -----
    KPI 3 is what participants *experience*; ``cross_domain_share`` (share of
    ties between different domains) and the E-I index ``(E - I) / (E + I)``
    (Krackhardt & Stern 1988) are what the network survey *measures*. Put
    side by side they show whether the two tell the same story; with six
    wijken this is a description, not a test.

    References
    ----------
    Krackhardt, D., & Stern, R. N. (1988). Informal networks and
    organizational crises: an experimental simulation. *Social Psychology
    Quarterly*, 51(2), 123-140.
    """
    from wijknet.metrics import cross_domain_share, ei_index

    kpi = kpi3(project, pooled=False) if kpi is None else kpi[~kpi["pooled"].astype(bool)]
    rows = []
    for wijk in project.wijken:
        for wave in project.waves:
            G = project.graph(wijk, wave, **graph_options)
            rows.append({"wijk": wijk, "wave": wave, "cross_domain_share": cross_domain_share(G, attr),
                         "ei_index": ei_index(G, attr, n_permutations=0).ei_index})  # fmt: skip
    structure = pd.DataFrame(rows)
    keep = ["wijk", "wave", "share", "ci_low", "ci_high", "band_min", "band_max", "status"]
    if kpi.empty:
        kpi = pd.DataFrame(
            {
                c: pd.Series(dtype=float if c not in ("wijk", "wave", "status") else object)
                for c in keep
            }
        )
    table = structure.merge(kpi[keep], on=["wijk", "wave"], how="left")
    table = table[keep + ["cross_domain_share", "ei_index"]]
    for column in ("share", "cross_domain_share", "ei_index"):
        table[f"{column}_change"] = table.groupby("wijk", sort=False)[column].diff()
    return table.reset_index(drop=True)


def kpi3_for_audience(project: Project, audience, programme: Project | None = None) -> pd.DataFrame:
    """KPI 3 of every wijk the viewer sees, with the programme figure the viewer may see.

    Parameters
    ----------
    project : Project
        The project as the viewer sees it (:func:`wijknet.privacy.load.load_project`).
    audience : wijknet.privacy.Audience or str
    programme : Project, optional
        For a viewer who does not see the other wijken (a PlusWIJkteam): the
        project as the leernetwerk sees it, all wijken; its pooled rows are
        :func:`programme_kpi3`, never the team's own wijk relabelled. Without
        it such a viewer gets no pooled rows.

    Returns
    -------
    pandas.DataFrame
        The rows of :func:`kpi3`: the wijk rows first, then the pooled rows
        (``wijk = ALL_WIJKEN``).
    """
    from wijknet.privacy.audience import Audience

    audience = Audience.parse(audience)
    table = kpi3(project)
    if audience.sees_other_wijken:
        return table
    own = table[~table["pooled"].astype(bool)]
    if programme is None:
        return own.reset_index(drop=True)
    return pd.concat([own, programme_kpi3(programme, audience.wijk)], ignore_index=True)


def kpi_rows(
    table: pd.DataFrame, *, wijken: Iterable[str] | None = None, wave: str | None = None
) -> pd.DataFrame:
    """The rows of a :func:`kpi3` (or :func:`kpi_vs_structure`) table of some wijken and/or one wave.

    Parameters
    ----------
    table : pandas.DataFrame
    wijken : iterable of str, optional
        Wijk values to keep (:data:`ALL_WIJKEN` for the pooled rows); all when not given.
    wave : str, optional
        The wave to keep; all when not given.

    Returns
    -------
    pandas.DataFrame
        The rows in table order, with a fresh index.

    Examples
    --------
    >>> t = pd.DataFrame({"wijk": ["A", "B", ALL_WIJKEN], "wave": ["1", "1", "1"]})
    >>> kpi_rows(t, wijken=["A", ALL_WIJKEN])["wijk"].tolist()
    ['A', 'all']
    """
    keep = pd.Series(True, index=table.index)
    if wijken is not None:
        keep &= table["wijk"].isin(list(wijken))
    if wave is not None:
        keep &= table["wave"] == wave
    return table[keep].reset_index(drop=True)


def kpi_row(table: pd.DataFrame, wijk: str, wave: str) -> pd.Series:
    """The one row of ``wijk`` in ``wave`` of a :func:`kpi3` table (``KeyError`` when there is none).

    Examples
    --------
    >>> t = pd.DataFrame({"wijk": ["A", "A"], "wave": ["1", "2"], "share": [0.1, 0.2]})
    >>> float(kpi_row(t, "A", "2")["share"])
    0.2
    """
    rows = kpi_rows(table, wijken=[wijk], wave=wave)
    if rows.empty:
        raise KeyError((wijk, wave))
    return rows.iloc[0]


def structure_by_wave(structure: pd.DataFrame, wijk: str, waves: Sequence[str]) -> pd.DataFrame:
    """The rows of one wijk of :func:`kpi_vs_structure`, indexed by wave in the order of ``waves``.

    Waves without a row get NaN.

    Examples
    --------
    >>> s = pd.DataFrame({"wijk": ["A", "A", "B"], "wave": ["2", "1", "1"], "ei_index": [0.2, 0.1, 0.5]})
    >>> structure_by_wave(s, "A", ["1", "2", "3"])["ei_index"].tolist()
    [0.1, 0.2, nan]
    """
    return kpi_rows(structure, wijken=[wijk]).set_index("wave").reindex(list(waves))


def structure_in_wave(
    structure: pd.DataFrame, wave: str, column: str = "cross_domain_share"
) -> dict:
    """``{wijk: value}`` of one column of :func:`kpi_vs_structure` in one wave.

    Examples
    --------
    >>> s = pd.DataFrame({"wijk": ["A", "B"], "wave": ["1", "1"], "cross_domain_share": [0.25, 0.5]})
    >>> structure_in_wave(s, "1")
    {'A': 0.25, 'B': 0.5}
    """
    rows = kpi_rows(structure, wave=wave)
    return {str(w): float(v) for w, v in zip(rows["wijk"], rows[column])}
