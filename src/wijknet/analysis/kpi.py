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
* below the band twice in a row: improvement plan (``"improvement_plan"``,
  "verbeterplan");
* no band for the wave, or no answers: no judgement (``"no_judgement"``,
  "geen oordeel").

The status column and the pooled row (``wijk = "all"``) hold English codes;
:func:`status_label` and :func:`wijk_label` give the words, Dutch or English.

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
from statsmodels.stats.proportion import proportion_confint

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
]  # fmt: skip

TEXTS = {
    "status_on_track": {"nl": "doorgaan", "en": "continue"},
    "status_analysis_requested": {"nl": "analyse gevraagd", "en": "analysis asked"},
    "status_improvement_plan": {"nl": "verbeterplan", "en": "improvement plan"},
    "status_no_judgement": {"nl": "geen oordeel", "en": "no judgement"},
    "all_wijken": {"nl": "Alle wijken", "en": "All wijken"},
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
    return table


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
