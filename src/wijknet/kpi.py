"""KPI 3 monitor: "more integral, domain-crossing work" per wijk and wave.

KPI 3 of PlusWIJken is the share of active participants of the wijknetwerk
who experience that they work more integrally and across domains than a year
ago (survey item ``kpi3`` of the ``responses`` table, 1-5; 4 or 5 counts as
agreeing). It is judged once a year against a band (minimum and maximum
expected effect): 2025 0-25%, 2026 25-50%, 2027 50-80%, end target 75%
(configurable as ``kpi3_bands`` and ``kpi3_target`` in ``wijknet.yaml``).

The programme's rules (status column):

* within or above the band: continue (``"doorgaan"``);
* below the band for the first time: the steering group asks for an analysis
  (``"analyse gevraagd"``);
* below the band twice in a row: improvement plan (``"verbeterplan"``);
* no band for the wave, or no answers: no judgement (``"geen oordeel"``).

"Below" compares the measured share (the point estimate) with the band's
minimum, as the programme's rule is about the measured share. Because the
share rests on a few dozen answers, the table also gives the 95% Wilson
score interval and whether that interval overlaps the band
(``ci_overlaps_band``): a share below the band whose interval still overlaps
it may be below by chance.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from .i18n import text
from .privacy.suppression import is_aggregate_only
from .project import Project

ALL_WIJKEN = "Alle wijken"
AGREE = 4  # answers 4 (eens) and 5 (helemaal eens) count as agreeing

CONTINUE, ANALYSIS, IMPROVEMENT, NO_JUDGEMENT = "doorgaan", "analyse gevraagd", "verbeterplan", "geen oordeel"
STATUSES = (CONTINUE, ANALYSIS, IMPROVEMENT, NO_JUDGEMENT)

KPI3_COLUMNS = [
    "wijk", "wave", "respondents", "active_respondents", "answered", "agree", "share", "ci_low", "ci_high",
    "band_min", "band_max", "target", "status", "below_band", "above_band", "ci_overlaps_band", "pooled",
]  # fmt: skip

TEXTS = {
    "status_doorgaan": {"nl": "doorgaan", "en": "continue"},
    "status_analyse gevraagd": {"nl": "analyse gevraagd", "en": "analysis asked"},
    "status_verbeterplan": {"nl": "verbeterplan", "en": "improvement plan"},
    "status_geen oordeel": {"nl": "geen oordeel", "en": "no judgement"},
    "all_wijken": {"nl": "Alle wijken", "en": "All wijken"},
}


def status_label(status: str, lang: str | None = None) -> str:
    """The status in the user's language (the data keep the Dutch codes)."""
    return text(TEXTS, f"status_{status}", lang)


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


def kpi3(project: Project, *, bands: dict[str, tuple[float, float]] | None = None, target: float | None = None,
         confidence: float = 0.95, pooled: bool = True) -> pd.DataFrame:
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
        Add rows for all wijken together (``wijk = "Alle wijken"``,
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
            ``"doorgaan"``, ``"analyse gevraagd"``, ``"verbeterplan"`` or
            ``"geen oordeel"`` (module docstring; :func:`status_label`
            translates);
        ``below_band``, ``above_band``
            ``share < band_min``, ``share > band_max`` (False without a
            judgement);
        ``ci_overlaps_band``
            ``ci_low <= band_max and ci_high >= band_min``: the measured
            share is compatible with the band (False without a judgement);
        ``pooled``
            True for the "Alle wijken" rows.

        For a project restricted to the ``leernetwerk`` audience
        (:func:`wijknet.privacy.restrict`), rows with fewer than
        ``min_cell`` answers show no ``agree``, share, interval or status.

    Notes
    -----
    Only active participants count: the KPI is defined as a share of the
    active participants. "Below the band" compares the point estimate
    ``share`` with ``band_min``. "Twice in a row" means in two consecutive
    waves of the project with a judgement each; a wave without a judgement
    breaks the chain. The pooled rows add up the counts of all wijken (each
    respondent weighs the same) and are judged by the same rules.
    """
    bands = project.config.kpi3_bands if bands is None else bands
    target = project.config.kpi3_target if target is None else target
    responses = project.responses
    if responses.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in KPI3_COLUMNS})
    waves = project.waves
    groups = [(w, False) for w in project.wijken] + ([(ALL_WIJKEN, True)] if pooled else [])
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
    table["share"] = np.where(answered > 0, table["agree"] / np.where(answered > 0, answered, 1), np.nan)
    table["ci_low"], table["ci_high"] = wilson_interval(table["agree"], answered, confidence)
    table["status"] = [s for _, part in table.groupby("wijk", sort=False) for s in _statuses(part["share"], part["band_min"])]
    judged = table["status"] != NO_JUDGEMENT
    table["below_band"] = judged & (table["share"] < table["band_min"])
    table["above_band"] = judged & (table["share"] > table["band_max"])
    table["ci_overlaps_band"] = judged & (table["ci_low"] <= table["band_max"]) & (table["ci_high"] >= table["band_min"])
    table = table[KPI3_COLUMNS].reset_index(drop=True)
    if is_aggregate_only(project):  # a leernetwerk sees no share of fewer than min_cell answers
        small = table["answered"] < project.config.min_cell
        table.loc[small, ["agree", "share", "ci_low", "ci_high"]] = np.nan
        table.loc[small, "status"] = NO_JUDGEMENT
        table.loc[small, ["below_band", "above_band", "ci_overlaps_band"]] = False
    return table


def kpi_vs_structure(project: Project, *, kpi: pd.DataFrame | None = None, attr: str = "domain",
                     **graph_options) -> pd.DataFrame:
    """KPI 3 next to the measured network structure of the same wijk and wave.

    Parameters
    ----------
    project : Project
    kpi : pandas.DataFrame, optional
        The result of :func:`kpi3` (computed when not given).
    attr : str, default "domain"
        Grouping attribute of the network measures.
    **graph_options
        Passed to :func:`wijknet.graph.build_graph`.

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
    from .metrics import cross_domain_share, ei_index

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
        kpi = pd.DataFrame({c: pd.Series(dtype=float if c not in ("wijk", "wave", "status") else object) for c in keep})
    table = structure.merge(kpi[keep], on=["wijk", "wave"], how="left")
    table = table[keep + ["cross_domain_share", "ei_index"]]
    for column in ("share", "cross_domain_share", "ei_index"):
        table[f"{column}_change"] = table.groupby("wijk", sort=False)[column].diff()
    return table.reset_index(drop=True)
