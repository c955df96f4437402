"""The onderstroom: trust, value and intensity of collaboration, residents' participation, interview themes.

Tie quality is scored as the PARTNER tool scores it (Varda et al. 2008;
Varda, Chandra, Stern & Lurie 2008; Visible Network Labs 2021): for every
answer of a rater about a named partner,

* **trust** = the mean of the three trust items *openness to discussion*
  (``trust_open``), *reliability* (``trust_reliability``) and *support of
  the shared mission* (``trust_mission``);
* **value** = the mean of the three value items *power and influence*
  (``value_power``), *level of involvement* (``value_involvement``) and
  *resource contribution* (``value_resources``);

each on the items' scale 1-4. **Missing items**: a score is the mean of the
items answered when at least :data:`MIN_ITEMS` (2) of the 3 are answered
(empty and "weet niet" are no answer); with fewer it is missing. **Intensity**
is the PARTNER level of collaboration of the answer (1 awareness/bewust,
2 cooperation/afstemming, 3 coordination/coördinatie, 4
integration/integratie), reported as a distribution, never averaged.

Levels of aggregation:

* a **dyad** (two actors): the mean of the two directions' scores where
  both rated each other, else the one direction's score;
* an **organisation** (any rated actor) *as rated by its partners*: the mean
  of the scores of the answers about it (never its own answers), shown only
  when at least :func:`min_raters` (3) different raters answered;
* a **domain pair** ``from_domain -> to_domain``: the answers of raters of
  the first domain about partners of the second, in one wijk and wave;
* the **network** of a wijk and wave (``from_domain = to_domain = "all"``):
  every answer.

A mean over a cell weighs every answer equally. Its interval is a cluster
bootstrap over raters (:func:`rater_bootstrap`: resample the raters of the
cell with replacement, each with all their answers in the cell; percentile
interval, 95%, :data:`N_BOOT` replicates, seeded), because answers of one
rater are not independent; a cell with fewer than 2 raters has no interval.

Privacy (:func:`min_raters`): individual ratings are personal data. A
researcher sees every figure. Any other audience gets no mean, no interval
and no intensity counts of a cell (domain pair, organisation) with fewer than
:func:`min_raters` raters; and because the network row adds up the cells,
the hidden cells of one wijk and wave are completed so that together they
hold at least :func:`min_raters` raters (else the network row is hidden
too), so that no subtraction singles out fewer raters. A leernetwerk gets
network rows only, with counts protected by
:func:`wijknet.privacy.suppression.protect`.

References
----------
Varda, D. M., Chandra, A., Stern, S. A., & Lurie, N. (2008). Core dimensions
of connectivity in public health collaboratives. *Journal of Public Health
Management and Practice*, 14(5), E1-E7.
Varda, D. M. et al. (2008-). PARTNER: Program to Analyze, Record, and Track
Networks to Enhance Relationships. University of Colorado Denver /
Visible Network Labs, http://partnertool.net/about/.
Visible Network Labs (2021). *PARTNER Trust and Value Metrics: A Brief*,
https://visiblenetworklabs.com/2021/03/30/partner-trust-and-value-metrics-a-brief/
(trust: mission alignment, openness to discussion, reliability; value:
resource contribution, power and influence, involvement), and the PARTNER
CPRM help page "Analyze trust and value"
(https://support.visiblenetworklabs.com/portal/en/kb/articles/analyze-trust-and-value).
Arnstein, S. R. (1969). A ladder of citizen participation. *Journal of the
American Institute of Planners*, 35(4), 216-224 (the participation ladder).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijknet.core.ties import NON_TIE_TYPES
from wijknet.io.tidy import LADDER, TRUST_ITEMS, VALUE_ITEMS
from wijknet.privacy.suppression import MIN_RATERS, audit_means, rating_groups_allowed

#: The smallest number of different raters behind any mean a non-researcher sees: the privacy rule's.
RATER_THRESHOLD = MIN_RATERS
#: The scored columns of :func:`answer_scores`: an answer counts for a group when one of them is answered.
SCORED = ["intensity", "trust", "value"]
#: The fewest answered items (of 3) that make a trust or value score.
MIN_ITEMS = 2
#: Bootstrap replicates of the intervals.
N_BOOT = 1000
#: The network row of a wijk and wave in :func:`tie_quality` (every answer).
ALL = "all"
#: Collaboration levels (PARTNER), lowest first.
LEVELS = (1, 2, 3, 4)
#: Columns of ``tie_quality.csv``.
TIE_QUALITY_COLUMNS = [
    "wijk", "wave", "from_domain", "to_domain", "ties_rated",
    "intensity_1", "intensity_2", "intensity_3", "intensity_4", "share_coordination_plus",
    "trust_mean", "trust_ci_low", "trust_ci_high", "value_mean", "value_ci_low", "value_ci_high",
]  # fmt: skip
PARTICIPATION_COLUMNS = ["wijk", "wave", "level", "residents", "share"]
THEME_COLUMNS = ["wijk", "wave", "theme", "segments", "interviews"]
#: The columns blanked in a cell with too few raters.
_RATED = [f"intensity_{k}" for k in LEVELS] + [
    "share_coordination_plus", "trust_mean", "trust_ci_low", "trust_ci_high",
    "value_mean", "value_ci_low", "value_ci_high",
]  # fmt: skip


def min_raters(project=None) -> int:
    """The smallest number of raters behind a mean that a non-researcher may see: the one place of use.

    Every function of this module asks here, so the rule can be pointed at
    the project's privacy settings in one line.

    Examples
    --------
    >>> min_raters()
    3
    """
    return RATER_THRESHOLD


def _researcher(project) -> bool:
    audience = getattr(project, "audience", None)
    return audience is None or audience.sees_ratings


def _aggregate_only(project) -> bool:
    audience = getattr(project, "audience", None)
    return audience is not None and not audience.sees_individuals


def item_score(answers: pd.DataFrame, items, min_items: int = MIN_ITEMS) -> pd.Series:
    """The PARTNER score of each answer: the mean of the answered ``items`` if at least ``min_items``.

    Parameters
    ----------
    answers : pandas.DataFrame
        Rows of :attr:`wijknet.project.Project.ratings` (items float 1-4, NaN = no answer).
    items : sequence of str
        :data:`wijknet.io.tidy.TRUST_ITEMS` or :data:`wijknet.io.tidy.VALUE_ITEMS`.
    min_items : int, default 2

    Returns
    -------
    pandas.Series of float
        NaN where fewer than ``min_items`` items were answered.

    Examples
    --------
    Items 4, 3 and "weet niet" give (4 + 3) / 2 = 3.5; one item alone is no score:

    >>> t = pd.DataFrame({"trust_open": [4, 2], "trust_reliability": [3, None],
    ...                   "trust_mission": [None, None]})
    >>> item_score(t, ("trust_open", "trust_reliability", "trust_mission")).tolist()
    [3.5, nan]
    """
    values = answers.reindex(columns=list(items)).astype(float)
    answered = values.notna().sum(axis=1)
    return values.mean(axis=1).where(answered >= min_items)


def answer_scores(project, wijk: str | None = None) -> pd.DataFrame:
    """Every answer with its ``trust`` and ``value`` score and the domains of rater and partner in that wave.

    Returns
    -------
    pandas.DataFrame
        ``wijk, wave, rater, rated, intensity, trust, value, from_domain,
        to_domain``; personal data (individual answers): for researchers only.

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "wijk": "W", "domain": ["zorg", "welzijn"]})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["a"], "target": ["b"]})
    >>> ratings = pd.DataFrame({"wijk": "W", "wave": "1", "rater": ["a"], "rated": ["b"], "intensity": ["3"],
    ...                         "trust_open": ["4"], "trust_reliability": ["2"], "value_power": ["3"]})
    >>> p = Project.from_frames(actors, ties, ratings=ratings)
    >>> s = answer_scores(p)
    >>> s["trust"].tolist(), s["value"].tolist(), s.loc[0, ["from_domain", "to_domain"]].tolist()
    ([3.0], [nan], ['zorg', 'welzijn'])
    """
    r = project.ratings
    if wijk is not None:
        r = r[r["wijk"] == wijk]
    return _answer_scores(project, r)


def _answer_scores(project, r: pd.DataFrame) -> pd.DataFrame:
    """:func:`answer_scores` of the rows ``r`` of ``project.ratings``."""
    out = pd.DataFrame({
        "wijk": r["wijk"].astype(str), "wave": r["wave"].astype(str), "rater": r["rater"].astype(str),
        "rated": r["rated"].astype(str), "intensity": r["intensity"].astype(float),
        "trust": item_score(r, TRUST_ITEMS), "value": item_score(r, VALUE_ITEMS),
    })  # fmt: skip
    domains = {}
    for (wijk, wave), _ in out.groupby(["wijk", "wave"], sort=False):
        present = project.present(wijk, wave)
        for a, d in zip(present["actor_id"], present["domain"]):
            domains[wijk, wave, a] = d
    out["from_domain"] = [domains.get(k, "") for k in zip(out["wijk"], out["wave"], out["rater"])]
    out["to_domain"] = [domains.get(k, "") for k in zip(out["wijk"], out["wave"], out["rated"])]
    return out.reset_index(drop=True)


def dyad_scores(project) -> pd.DataFrame:
    """Trust, value and intensity per dyad (unordered pair): the mean over the directions that were rated.

    Returns
    -------
    pandas.DataFrame
        ``wijk, wave, actor_a, actor_b`` (``actor_a < actor_b``), ``directions``
        (1 or 2 answers), ``intensity``, ``trust``, ``value`` (each the mean
        of the directions where it is known). Researchers only.

    Examples
    --------
    a rates b with trust 4, b rates a with trust 2: the dyad's trust is 3.

    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "wijk": "W", "domain": "zorg"})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["a"], "target": ["b"]})
    >>> ratings = pd.DataFrame({"wijk": "W", "wave": "1", "rater": ["a", "b"], "rated": ["b", "a"],
    ...                         "trust_open": ["4", "2"], "trust_mission": ["4", "2"]})
    >>> d = dyad_scores(Project.from_frames(actors, ties, ratings=ratings))
    >>> d["directions"].tolist(), d["trust"].tolist()
    ([2], [3.0])
    """
    s = answer_scores(project)
    if s.empty:
        return pd.DataFrame(
            columns=[
                "wijk",
                "wave",
                "actor_a",
                "actor_b",
                "directions",
                "intensity",
                "trust",
                "value",
            ]
        )
    s = s.assign(
        actor_a=np.where(s["rater"] < s["rated"], s["rater"], s["rated"]),
        actor_b=np.where(s["rater"] < s["rated"], s["rated"], s["rater"]),
    )
    return (
        s.groupby(["wijk", "wave", "actor_a", "actor_b"], sort=True)
        .agg(directions=("rater", "size"), intensity=("intensity", "mean"), trust=("trust", "mean"),
             value=("value", "mean"))
        .reset_index()
    )  # fmt: skip


def rater_bootstrap(
    scores, raters, *, n_boot: int = N_BOOT, seed=0, level: float = 0.95
) -> tuple[float, float, float]:
    """Mean of ``scores`` and its cluster-bootstrap percentile interval over raters.

    The raters of the cell are drawn with replacement (as many as there
    are); each draw brings all of that rater's answers; the replicate's
    statistic is the mean over the drawn answers. NaN scores are left out
    first. Fewer than 2 raters: no interval (NaN).

    Examples
    --------
    >>> m, low, high = rater_bootstrap([4, 4, 2, 2, 3, 3], ["a", "a", "b", "b", "c", "c"], seed=1)
    >>> m, 2 <= low <= m <= high <= 4
    (3.0, True)
    >>> rater_bootstrap([4, 2], ["a", "a"])
    (3.0, nan, nan)
    """
    scores = np.asarray(scores, dtype=float)
    raters = np.asarray(raters)
    keep = ~np.isnan(scores)
    scores, raters = scores[keep], raters[keep]
    if not len(scores):
        return np.nan, np.nan, np.nan
    mean = float(scores.mean())
    codes, rater_index = np.unique(raters, return_inverse=True)
    n = len(codes)
    if n < 2:
        return mean, np.nan, np.nan
    sums = np.bincount(rater_index, weights=scores, minlength=n)
    counts = np.bincount(rater_index, minlength=n).astype(float)
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float)
    replicates = (weights @ sums) / (weights @ counts)
    alpha = (1 - level) / 2
    low, high = np.quantile(replicates, [alpha, 1 - alpha])
    return mean, float(low), float(high)


def _cell_seed(seed: int, *key: str) -> list[int]:
    """The bootstrap seed of one cell: ``seed`` and a checksum of the cell's key (wijk, wave, ...).

    So a cell's interval is the same whichever other cells or wijken are computed with it.

    Examples
    --------
    >>> _cell_seed(0, "W", "2025", "zorg", "welzijn") == _cell_seed(0, "W", "2025", "zorg", "welzijn")
    True
    """
    import zlib

    return [int(seed), zlib.crc32("\x1f".join(map(str, key)).encode("utf-8"))]


def _cell(rows: pd.DataFrame, seed, intervals: bool = True) -> dict:
    return _cell_values(rows["intensity"].to_numpy(float), rows["trust"].to_numpy(float),
                        rows["value"].to_numpy(float), rows["rater"].to_numpy(), seed, intervals)  # fmt: skip


def _cell_values(intensity, trust, value, raters, seed, intervals: bool = True) -> dict:
    """The figures of one cell from its answers' arrays (``raters`` as ids or as codes in id order)."""
    levels = intensity[~np.isnan(intensity)].astype(int)
    counts = {f"intensity_{k}": int((levels == k).sum()) for k in LEVELS}
    answered = sum(counts.values())
    if intervals:
        trust = rater_bootstrap(trust, raters, seed=seed)
        value = rater_bootstrap(value, raters, seed=[*seed, 1])
    else:
        trust = (pd.Series(trust).mean(), np.nan, np.nan)
        value = (pd.Series(value).mean(), np.nan, np.nan)
    return {
        "ties_rated": len(intensity), **counts,
        "share_coordination_plus": (counts["intensity_3"] + counts["intensity_4"]) / answered if answered else np.nan,
        "trust_mean": trust[0], "trust_ci_low": trust[1], "trust_ci_high": trust[2],
        "value_mean": value[0], "value_ci_low": value[1], "value_ci_high": value[2],
        "raters": len(np.unique(raters)),
    }  # fmt: skip


def _allowed(project, scores: pd.DataFrame, by: list[str], items=SCORED) -> dict[tuple, bool]:
    """Which groups of answers ``by`` a non-researcher may see a figure of: the one rating rule.

    :func:`wijknet.privacy.suppression.rating_groups_allowed`: at least
    :func:`min_raters` raters, suppressed groups of a wijk and wave together on
    0 or at least as many raters, and no differencing across waves.
    """
    table = rating_groups_allowed(scores, by, project.audience, items=list(items), waves=project.waves,
                                  min_raters=min_raters(project))  # fmt: skip
    return dict(zip(table[by].itertuples(index=False, name=None), table["allowed"]))


#: The kinds of actor whose means as rated by others a non-researcher may see (never a person's).
GROUP_KINDS = ("organisation", "initiative")
#: The columns of each score in the tables: blanked together when the score may not be shown.
SCORE_COLUMNS = {
    "intensity": [*(f"intensity_{k}" for k in LEVELS), "share_coordination_plus"],
    "trust": ["trust_mean", "trust_ci_low", "trust_ci_high"],
    "value": ["value_mean", "value_ci_low", "value_ci_high"],
}


def _protect_cells(project, group: pd.DataFrame, cells: list[dict], network: dict) -> None:
    """Blank, score by score, what a non-researcher may not see of one wijk and wave's domain pairs and network.

    For each score (level, trust, value) only the answers with that score
    count: the rating rule (:func:`_allowed`) on the cells and the network,
    the completion of the hidden cells (:func:`_complete_hidden`), then the
    linear audit of the shown means together
    (:func:`wijknet.privacy.suppression.audit_means`).
    """
    threshold = min_raters(project)
    for score, columns in SCORE_COLUMNS.items():
        here = group[group[score].notna()]
        cells_ok = _allowed(project, here, ["wijk", "wave", "from_domain", "to_domain"], [score])
        network_ok = _allowed(project, here, ["wijk", "wave"], [score])
        members = [((here["from_domain"] == c["from_domain"]) & (here["to_domain"] == c["to_domain"])).to_numpy()
                   for c in cells]  # fmt: skip
        raters = [set(here["rater"][m]) for m in members]
        hidden = [not cells_ok.get((c["wijk"], c["wave"], c["from_domain"], c["to_domain"]), False)
                  for c in cells]  # fmt: skip
        hidden = _complete_hidden(raters, hidden, threshold)
        pooled = set().union(*(r for r, h in zip(raters, hidden) if h)) if any(hidden) else set()
        shown_network = network_ok.get((network["wijk"], network["wave"]), False) and not (
            pooled and len(pooled) < threshold
        )
        shown = [i for i, h in enumerate(hidden) if not h]
        masks = [np.ones(len(here))] * shown_network + [members[i].astype(float) for i in shown]
        keep = (
            audit_means(np.vstack(masks))
            if masks and len(here)
            else np.ones(len(masks), dtype=bool)
        )
        if shown_network:
            shown_network, keep = bool(keep[0]), keep[1:]
        kept = {i for i, k in zip(shown, keep) if k}
        for i, cell in enumerate(cells):
            if i not in kept:
                cell.update(dict.fromkeys(columns, np.nan))
        if not shown_network:
            network.update(dict.fromkeys(columns, np.nan))


def _published_masks(quality: pd.DataFrame, here: pd.DataFrame, score: str) -> list[np.ndarray]:
    """The 0/1 masks over ``here`` (one wijk and wave's answers with ``score``) of the shown domain-pair rows."""
    column = SCORE_COLUMNS[score][0]
    masks = []
    for r in quality[quality[column].notna()].itertuples():
        if r.from_domain == ALL:
            masks.append(np.ones(len(here)))
        else:
            masks.append(
                (
                    (here["from_domain"] == r.from_domain) & (here["to_domain"] == r.to_domain)
                ).to_numpy(float)
            )
    return masks


def _complete_hidden(raters: list[set], hidden: list[bool], threshold: int) -> list[bool]:
    """Hide more cells until the hidden cells together hold 0 or at least ``threshold`` distinct raters.

    The cells add up to a visible total (the network row), so the hidden
    cells' pooled figure follows by subtraction: it must rest on enough
    raters. The cell with the fewest raters goes next (ties by position).
    Returns the hidden flags; all True (and the total must go too) when no
    choice reaches the threshold.

    Examples
    --------
    >>> _complete_hidden([{"a"}, {"b", "c", "d"}, {"e", "f", "g"}], [True, False, False], 3)
    [True, True, False]
    >>> _complete_hidden([{"a"}, {"a", "b"}], [True, True], 3)
    [True, True]
    """
    hidden = list(hidden)
    while True:
        pooled = set().union(*(r for r, h in zip(raters, hidden) if h)) if any(hidden) else set()
        if not pooled or len(pooled) >= threshold:
            return hidden
        options = [(len(r), i) for i, (r, h) in enumerate(zip(raters, hidden)) if not h]
        if not options:
            return hidden
        hidden[min(options)[1]] = True


def tie_quality(
    project, *, seed: int = 0, wijk: str | None = None, intervals: bool = True
) -> pd.DataFrame:
    """``tie_quality.csv``: intensity, trust and value per wijk, wave and domain pair, and for the network.

    Parameters
    ----------
    project : Project
        A full or restricted project (its ``audience`` decides what is shown,
        module docstring).
    seed : int, default 0
        Seed of the bootstrap intervals; each cell draws from ``seed`` and a
        checksum of its wijk, wave and domain pair (:func:`_cell_seed`), so
        a cell's interval does not depend on the other cells computed.
    wijk : str, optional
        Only this wijk (the same numbers as its rows of the full table).
    intervals : bool, default True
        False: no bootstrap intervals (NaN), e.g. to know only what is shown.

    Returns
    -------
    pandas.DataFrame
        :data:`TIE_QUALITY_COLUMNS`: per ``wijk, wave`` a row per domain pair
        ``from_domain -> to_domain`` (rater's domain -> partner's domain,
        directed) that has answers, then the network row
        (``from_domain = to_domain =`` :data:`ALL`). ``ties_rated`` = the
        answers (rated arcs), ``intensity_k`` = answers at level ``k``,
        ``share_coordination_plus`` = (levels 3 + 4) / answers with a
        level, trust and value means over the answers with a score and their
        rater-bootstrap intervals. A leernetwerk gets the network rows only.

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "wijk": "W", "domain": ["zorg", "welzijn"]})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["a"], "target": ["b"]})
    >>> ratings = pd.DataFrame({"wijk": "W", "wave": "1", "rater": ["a"], "rated": ["b"], "intensity": ["3"],
    ...                         "trust_open": ["4"], "trust_reliability": ["3"]})
    >>> t = tie_quality(Project.from_frames(actors, ties, ratings=ratings))
    >>> t[["from_domain", "to_domain", "intensity_3", "share_coordination_plus", "trust_mean"]].values.tolist()
    [['zorg', 'welzijn', 1, 1.0, 3.5], ['all', 'all', 1, 1.0, 3.5]]
    """
    return _quality_table(
        project, _quality_rows(project, answer_scores(project, wijk), seed, intervals)
    )


def _quality_rows(project, scores: pd.DataFrame, seed: int, intervals: bool) -> list[dict]:
    """The rows of :func:`tie_quality` from ``scores`` (:func:`answer_scores`), by wijk (in string order) and wave."""
    order = {w: i for i, w in enumerate(project.waves)}
    rows = []
    researcher, anonymous = _researcher(project), _aggregate_only(project)
    for (wijk, wave), group in sorted(
        scores.groupby(["wijk", "wave"], sort=False),
        key=lambda kv: (kv[0][0], order.get(kv[0][1], 0)),
    ):
        domains = project.taxonomy.order(set(group["from_domain"]) | set(group["to_domain"]))
        rank = {d: i for i, d in enumerate(domains)}
        # The arrays of the wave once, each cell by its row positions (a groupby per cell cost most of
        # the lens); raters as codes in id order, which the bootstrap sorts as it sorts the ids.
        arrays = [group[c].to_numpy(float) for c in ("intensity", "trust", "value")]
        raters = np.unique(group["rater"].to_numpy(), return_inverse=True)[1].ravel()
        cells = [
            {"wijk": wijk, "wave": wave, "from_domain": a, "to_domain": b,
             **_cell_values(*(x[at] for x in arrays), raters[at], _cell_seed(seed, wijk, wave, a, b), intervals)}
            for (a, b), at in sorted(group.groupby(["from_domain", "to_domain"]).indices.items(),
                                     key=lambda kv: (rank[kv[0][0]], rank[kv[0][1]]))
        ]  # fmt: skip
        network = {"wijk": wijk, "wave": wave, "from_domain": ALL, "to_domain": ALL,
                   **_cell_values(*arrays, raters, _cell_seed(seed, wijk, wave, ALL, ALL), intervals)}  # fmt: skip
        if not researcher:
            _protect_cells(project, group, cells, network)
        rows += [] if anonymous else cells
        rows.append(network)
    return rows


def _quality_table(project, rows: list[dict]) -> pd.DataFrame:
    """The table of :func:`tie_quality` from its rows (protected for a leernetwerk)."""
    anonymous = _aggregate_only(project)
    table = pd.DataFrame(rows, columns=[*TIE_QUALITY_COLUMNS, "raters"])
    if anonymous and not table.empty:
        table = _protect_network_rows(table, project.config.min_cell)
    return table[TIE_QUALITY_COLUMNS].reset_index(drop=True)


def _protect_network_rows(table: pd.DataFrame, min_cell: int) -> pd.DataFrame:
    """A leernetwerk's network rows: counts through :func:`~wijknet.privacy.suppression.protect`.

    Per row the line ``ties_rated = intensity_1 + ... + intensity_4 +
    (answers without a level)``; the last is not a column but follows by
    subtraction, so it is protected as a cell of the line. A row with a
    suppressed ``ties_rated`` or fewer than ``min_cell`` raters loses its
    means too.
    """
    from wijknet.privacy.suppression import protect

    out = table.copy()
    columns = ["ties_rated", *(f"intensity_{k}" for k in LEVELS)]
    for column in columns:
        out[column] = out[column].astype(float)
    for i in out.index:
        counts = np.nan_to_num(out.loc[i, columns].to_numpy(dtype=float))
        missing = counts[0] - counts[1:].sum()  # answers without a level: follows from the others
        values = np.r_[counts, missing]
        hidden = protect(values, [(0, list(range(1, len(values))))], min_cell)
        for column, h in zip(columns, hidden[:-1]):
            if h:
                out.loc[i, column] = np.nan
        if hidden[0] or out.loc[i, "raters"] < min_cell:
            out.loc[i, _RATED] = np.nan
        elif hidden[1:-1].any():
            out.loc[i, "share_coordination_plus"] = np.nan
    return out


def tie_quality_change(table: pd.DataFrame, waves) -> pd.DataFrame:
    """``table`` (as :func:`tie_quality`) with the change since the previous wave of the same wijk and domain pair.

    Adds ``share_change`` (share_coordination_plus), ``trust_change`` and
    ``value_change``: this wave's value minus that of the wave before it in
    ``waves`` order; NaN in a wijk's first wave, where the pair had no row
    the wave before, or where either value is blank.

    Examples
    --------
    >>> t = pd.DataFrame({"wijk": "W", "wave": ["1", "2"], "from_domain": "all", "to_domain": "all",
    ...                   "share_coordination_plus": [0.25, 0.5], "trust_mean": [2.5, 3.0], "value_mean": [3, 3]})
    >>> tie_quality_change(t, ["1", "2"])["trust_change"].tolist()
    [nan, 0.5]
    """
    order = {w: i for i, w in enumerate(waves)}
    out = table.copy()
    key = ["wijk", "from_domain", "to_domain"]
    out["_pos"] = out["wave"].map(order)
    previous = out.assign(_pos=out["_pos"] + 1)
    merged = out.merge(previous[[*key, "_pos", "share_coordination_plus", "trust_mean", "value_mean"]],
                       on=[*key, "_pos"], how="left", suffixes=("", "_before"))  # fmt: skip
    for column, change in (("share_coordination_plus", "share_change"), ("trust_mean", "trust_change"),
                           ("value_mean", "value_change")):  # fmt: skip
        merged[change] = merged[column].astype(float) - merged[f"{column}_before"].astype(float)
    return merged.drop(columns=["_pos", *(c for c in merged.columns if c.endswith("_before"))])


def organisation_quality(project, *, seed: int = 0, wijk: str | None = None) -> pd.DataFrame:
    """Trust and value of each rated actor as rated by its partners (never by itself), per wijk and wave.

    Returns
    -------
    pandas.DataFrame
        ``wijk, wave, actor_id, raters, trust_mean, trust_ci_low,
        trust_ci_high, value_mean, value_ci_low, value_ci_high,
        share_coordination_plus``. A non-researcher gets a row only for
        actors rated by at least :func:`min_raters` raters, and the rows left
        out together hold at least that many raters (else one more row goes,
        the smallest first), so the network mean minus the shown rows singles
        out nobody. A leernetwerk gets no rows (actor-level output).

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": list("abcd"), "wijk": "W", "domain": "zorg"})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["a"], "target": ["b"]})
    >>> ratings = pd.DataFrame({"wijk": "W", "wave": "1", "rater": list("bcd"), "rated": "a",
    ...                         "trust_open": ["4", "3", "2"], "trust_mission": ["4", "3", "2"]})
    >>> o = organisation_quality(Project.from_frames(actors, ties, ratings=ratings))
    >>> o[["actor_id", "raters", "trust_mean"]].values.tolist()
    [['a', 3, 3.0]]
    """
    columns = ["wijk", "wave", "actor_id", "raters", "trust_mean", "trust_ci_low", "trust_ci_high",
               "value_mean", "value_ci_low", "value_ci_high", "share_coordination_plus"]  # fmt: skip
    if _aggregate_only(project):
        return pd.DataFrame(columns=columns)
    scores = answer_scores(project, wijk)
    researcher = _researcher(project)
    # the domain-pair table the same audience sees beside this one: the audit keeps it and withdraws partners
    quality = None if researcher else tie_quality(project, seed=seed, wijk=wijk, intervals=False)
    rows = []
    for (wijk, wave), group in scores.groupby(["wijk", "wave"], sort=False):
        cells = [
            {"wijk": wijk, "wave": wave, "actor_id": actor,
             **_cell(rows_about, _cell_seed(seed, wijk, wave, "rated", actor))}
            for actor, rows_about in group.groupby("rated", sort=True)
        ]  # fmt: skip
        if not researcher:
            published = quality[(quality["wijk"] == wijk) & (quality["wave"] == wave)]
            _protect_partners(project, group, cells, published)
            cells = [c for c in cells if any(pd.notna(c[col]) for col in columns[4:])]
        rows += cells
    return pd.DataFrame(rows, columns=columns).reset_index(drop=True)


def _protect_partners(
    project, group: pd.DataFrame, cells: list[dict], published: pd.DataFrame
) -> None:
    """Blank, score by score, the partner means a non-researcher may not see beside the domain pairs shown.

    Only organisations and initiatives are shown (:data:`GROUP_KINDS`): a
    person's trust score, even over three raters, is for researchers.

    The rating rule and the completion of the hidden partners as in
    :func:`_protect_cells`, then the linear audit of the partners' means
    together with the shown domain-pair and network means of ``published``
    (those stay; partners are withdrawn).
    """
    threshold = min_raters(project)
    if not len(group):
        return
    present = project.present(group["wijk"].iloc[0], group["wave"].iloc[0])
    kinds = dict(zip(present["actor_id"], present["kind"]))
    for score, columns in SCORE_COLUMNS.items():
        columns = [c for c in columns if c in cells[0]] if cells else columns
        here = group[group[score].notna()]
        allowed = _allowed(project, here, ["wijk", "wave", "rated"], [score])
        members = [(here["rated"] == c["actor_id"]).to_numpy() for c in cells]
        raters = [set(here["rater"][m]) for m in members]
        # per organisation (the words): a person's trust score is not shown beyond researchers
        hidden = [not allowed.get((c["wijk"], c["wave"], c["actor_id"]), False)
                  or kinds.get(c["actor_id"]) not in GROUP_KINDS for c in cells]  # fmt: skip
        hidden = _complete_hidden(raters, hidden, threshold)
        shown = [i for i, h in enumerate(hidden) if not h]
        fixed = _published_masks(published, here, score)
        masks = fixed + [members[i].astype(float) for i in shown]
        keep = audit_means(np.vstack(masks), fixed=len(fixed)) if masks and len(here) else []
        kept = {i for i, k in zip(shown, list(keep)[len(fixed) :]) if k}
        for i, cell in enumerate(cells):
            if i not in kept:
                cell.update(dict.fromkeys(columns, np.nan))


# --- residents' participation -------------------------------------------------------------------


def is_resident_row(actors: pd.DataFrame) -> pd.Series:
    """Which actors are residents for the participation ladder: the one rule.

    A resident is an actor of the **leefwereld** (``world == "leefwereld"``:
    the world of its role group, else of its domain, e.g. inwoners,
    sleutelfiguren, vrijwilligers, mantelzorgers), in the wave's values.

    Examples
    --------
    >>> is_resident_row(pd.DataFrame({"world": ["leefwereld", "systeemwereld", ""]})).tolist()
    [True, False, False]
    """
    return actors["world"].astype(str) == "leefwereld"


def _resident_steps(project) -> pd.DataFrame:
    """``wijk, wave, actor_id, level`` of every resident's answered ladder step."""
    r = project.responses
    if r.empty or "participation_level" not in r.columns:
        return pd.DataFrame(columns=["wijk", "wave", "actor_id", "level"])
    r = r[r["participation_level"].astype(str).isin(LADDER)]
    parts = []
    for (wijk, wave), group in r.groupby(["wijk", "wave"], sort=False):
        present = project.present(wijk, wave)
        residents = set(present.loc[is_resident_row(present), "actor_id"])
        group = group[group["actor_id"].isin(residents)]
        parts.append(pd.DataFrame({"wijk": wijk, "wave": wave, "actor_id": group["actor_id"],
                                   "level": group["participation_level"]}))  # fmt: skip
    if not parts:
        return pd.DataFrame(columns=["wijk", "wave", "actor_id", "level"])
    return pd.concat(parts, ignore_index=True)


def participation(project) -> pd.DataFrame:
    """``participation.csv``: residents per step of the participation ladder, per wijk and wave.

    Residents by :func:`is_resident_row`; the step is
    ``responses.participation_level`` (:data:`wijknet.io.tidy.LADDER`);
    residents who gave no step are left out. ``share`` = residents at the
    step / residents with a step in that wijk and wave. Every step of the
    ladder gets a row (0 where nobody is on it). A leernetwerk's counts go
    through :func:`wijknet.privacy.suppression.protect` (line: the residents
    of the wijk and wave = the sum of the steps), shares from the published
    counts only.

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["r1", "r2", "z1"], "wijk": "W",
    ...                        "domain": ["inwoners", "inwoners", "zorg"]})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["r1"], "target": ["z1"]})
    >>> responses = pd.DataFrame({"wijk": "W", "wave": "1", "actor_id": ["r1", "r2", "z1"],
    ...                           "participation_level": ["adviseren", "2", "meebeslissen"]})
    >>> p = participation(Project.from_frames(actors, ties, responses=responses))
    >>> p[["level", "residents"]].values.tolist()[:3]
    [['informeren', 0], ['raadplegen', 1], ['adviseren', 1]]
    """
    steps = _resident_steps(project)
    order = {w: i for i, w in enumerate(project.waves)}
    rows = []
    for (wijk, wave), group in sorted(steps.groupby(["wijk", "wave"], sort=False),
                                      key=lambda kv: (kv[0][0], order.get(kv[0][1], 0))):  # fmt: skip
        counts = group["level"].value_counts()
        total = len(group)
        for level in LADDER:
            n = int(counts.get(level, 0))
            rows.append(
                {"wijk": wijk, "wave": wave, "level": level, "residents": n, "share": n / total}
            )
    table = pd.DataFrame(rows, columns=PARTICIPATION_COLUMNS)
    if _aggregate_only(project) and not table.empty:
        table = _protect_ladder(table, project.config.min_cell)
    return table


def _protect_ladder(table: pd.DataFrame, min_cell: int) -> pd.DataFrame:
    from wijknet.privacy.suppression import protect, published_shares

    out = table.copy()
    out["residents"] = out["residents"].astype(float)
    for _, index in out.groupby(["wijk", "wave"], sort=False).groups.items():
        counts = out.loc[index, "residents"].to_numpy(dtype=float)
        values = np.r_[counts.sum(), counts]
        hidden = protect(values, [(0, list(range(1, len(values))))], min_cell)
        out.loc[index, "residents"] = np.where(hidden[1:], np.nan, counts)
        out.loc[index, "share"] = published_shares(counts, hidden[1:], np.zeros(len(counts)))
        if hidden[0]:
            out.loc[index, "share"] = np.nan
    return out


def median_step(levels) -> str:
    """The median step of ladder answers: the lowest step at which at least half the answers are reached.

    Ordinal data: with an even number of answers the lower of the two middle
    steps. ``""`` without answers.

    Examples
    --------
    >>> median_step(["informeren", "adviseren", "meebeslissen"])
    'adviseren'
    >>> median_step(["informeren", "adviseren"]), median_step([])
    ('informeren', '')
    """
    positions = sorted(LADDER.index(v) for v in levels if v in LADDER)
    if not positions:
        return ""
    return LADDER[positions[(len(positions) - 1) // 2]]


def participation_summary(project) -> pd.DataFrame:
    """Per wijk and wave: residents with a step, the median step and its change in steps since the previous wave.

    Returns
    -------
    pandas.DataFrame
        ``wijk, wave, residents, median_level, median_change`` (steps up
        the ladder since the wijk's previous wave with answers; NaN in the
        first). For a leernetwerk the median is blank when fewer than
        ``min_cell`` residents answered (and so is ``residents``).

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["r1", "r2"], "wijk": "W", "domain": "inwoners"})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": ["1", "2"], "source": ["r1", "r1"], "target": ["r2", "r2"]})
    >>> responses = pd.DataFrame({"wijk": "W", "wave": ["1", "1", "2", "2"], "actor_id": ["r1", "r2"] * 2,
    ...                           "participation_level": ["1", "1", "3", "4"]})
    >>> participation_summary(Project.from_frames(actors, ties, responses=responses)).values.tolist()
    [['W', '1', 2, 'informeren', nan], ['W', '2', 2, 'adviseren', 2.0]]
    """
    steps = _resident_steps(project)
    order = {w: i for i, w in enumerate(project.waves)}
    rows = []
    anonymous = _aggregate_only(project)
    min_cell = project.config.min_cell
    for wijk in sorted(set(steps["wijk"])):
        before = None
        mine = steps[steps["wijk"] == wijk]
        for wave in sorted(set(mine["wave"]), key=lambda w: order.get(w, 0)):
            levels = mine.loc[mine["wave"] == wave, "level"].tolist()
            median = median_step(levels)
            n = len(levels)
            if anonymous and n < min_cell:
                rows.append({"wijk": wijk, "wave": wave, "residents": np.nan, "median_level": "",
                             "median_change": np.nan})  # fmt: skip
                before = None
                continue
            change = LADDER.index(median) - LADDER.index(before) if before else np.nan
            rows.append({"wijk": wijk, "wave": wave, "residents": n, "median_level": median,
                         "median_change": float(change) if before else np.nan})  # fmt: skip
            before = median
    return pd.DataFrame(
        rows, columns=["wijk", "wave", "residents", "median_level", "median_change"]
    )


def participation_ties(project) -> pd.DataFrame:
    """Whom the residents at each step are tied to: ties per step and partner domain, as aggregates.

    Counts the ties (either direction, signals of :data:`NON_TIE_TYPES` left
    out, each pair once) between the residents at a step and actors of each
    domain, in one wijk and wave.

    Returns
    -------
    pandas.DataFrame
        ``wijk, wave, level, residents, domain, ties``. A non-researcher gets
        no ``ties`` (NaN) for a step with fewer than :func:`min_raters`
        residents (they would describe one or two people); a leernetwerk also
        needs ``min_cell`` residents at the step and gets ``ties`` through
        :func:`wijknet.privacy.suppression.protect_counts`.

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["r1", "z1", "w1"], "wijk": "W",
    ...                        "domain": ["inwoners", "zorg", "welzijn"]})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["r1", "w1"], "target": ["z1", "r1"]})
    >>> responses = pd.DataFrame({"wijk": "W", "wave": "1", "actor_id": ["r1"], "participation_level": ["5"]})
    >>> participation_ties(Project.from_frames(actors, ties, responses=responses))[["level", "domain", "ties"]].values.tolist()
    [['meebeslissen', 'zorg', 1], ['meebeslissen', 'welzijn', 1]]
    """
    steps = _resident_steps(project)
    ties = project.ties[~project.ties["tie_type"].isin(NON_TIE_TYPES)]
    rows = []
    threshold = min_raters(project)
    researcher, anonymous = _researcher(project), _aggregate_only(project)
    min_cell = project.config.min_cell
    for (wijk, wave), group in steps.groupby(["wijk", "wave"], sort=False):
        present = project.present(wijk, wave)
        domain_of = dict(zip(present["actor_id"], present["domain"]))
        t = ties[(ties["wijk"] == wijk) & (ties["wave"] == wave)]
        pairs = {tuple(sorted(p)) for p in zip(t["source"], t["target"])}
        for level in LADDER:
            members = set(group.loc[group["level"] == level, "actor_id"])
            if not members:
                continue
            counts: dict[str, int] = {}
            for a, b in pairs:
                for resident, other in ((a, b), (b, a)):
                    if resident in members and other in domain_of:
                        counts[domain_of[other]] = counts.get(domain_of[other], 0) + 1
            for domain in project.taxonomy.order(counts):
                n = counts[domain]
                few = (not researcher and len(members) < threshold) or (
                    anonymous and len(members) < min_cell
                )
                rows.append({"wijk": wijk, "wave": wave, "level": level, "residents": len(members),
                             "domain": domain, "ties": np.nan if few else n})  # fmt: skip
    table = pd.DataFrame(rows, columns=["wijk", "wave", "level", "residents", "domain", "ties"])
    if anonymous and not table.empty:
        from wijknet.privacy.suppression import protect_counts

        table = protect_counts(table, ["residents", "ties"], min_cell)
    return table


# --- interview themes -----------------------------------------------------------------------------


def _segments(themes: pd.DataFrame) -> pd.Series:
    """A segment key per theme row: ``interview_id`` + ``segment_id``, or the row itself without a segment id."""
    return pd.Series(
        [f"{i}\x1f{s}" if s else f"{i}\x1f#{n}" for n, (i, s) in enumerate(zip(themes["interview_id"], themes["segment_id"]))],
        index=themes.index,
    )  # fmt: skip


def theme_counts(project) -> pd.DataFrame:
    """``themes.csv``: per wijk, wave and theme, the coded segments and the interviews they come from.

    A segment is one ``(interview_id, segment_id)``; a row without
    ``segment_id`` is a segment of its own. A leernetwerk gets the counts
    of interviews through :func:`wijknet.privacy.suppression.protect_counts`
    (an interview is a person), and ``segments`` blank with them.

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["a"], "wijk": "W", "domain": "zorg"})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["a"], "target": ["a"]}).iloc[:0]
    >>> themes = pd.DataFrame({"wijk": "W", "wave": "1", "interview_id": ["g1", "g1", "g2"],
    ...                        "segment_id": ["s1", "s2", "s1"], "theme": "vertrouwen"})
    >>> p = Project.from_frames(actors, ties, themes=themes)
    >>> theme_counts(p).values.tolist()
    [['W', '1', 'vertrouwen', 3, 2]]
    """
    th = project.themes
    if th.empty:
        return pd.DataFrame(columns=THEME_COLUMNS)
    th = th.assign(_segment=_segments(th))
    order = {w: i for i, w in enumerate(project.waves)}
    table = (
        th.groupby(["wijk", "wave", "theme"], sort=False)
        .agg(segments=("_segment", "nunique"), interviews=("interview_id", "nunique"))
        .reset_index()
    )
    table = table.assign(_o=table["wave"].map(lambda w: order.get(w, 0)))
    table = table.sort_values(
        ["wijk", "_o", "segments", "theme"], ascending=[True, True, False, True]
    )
    table = table.drop(columns="_o")[THEME_COLUMNS].reset_index(drop=True)
    if _aggregate_only(project):
        from wijknet.privacy.suppression import protect_counts

        table = protect_counts(
            table, ["interviews"], project.config.min_cell, derived={"interviews": ["segments"]}
        )
    return table


def theme_signals(project) -> pd.DataFrame:
    """Each theme next to the barrier and missing-link signals of the same segments.

    A signal is a tie of :data:`NON_TIE_TYPES` (``zou_moeten_kennen``,
    ``drempel``, ``wens``). When ``project.themes`` has a ``signals`` column
    (a store's themes: the signal tie types coded in the same segment,
    ``;``-separated, see :func:`wijknet.store.frames.themes_frame`) those are
    counted, once per segment and type. Otherwise (a tidy ``themes`` table) a
    signal belongs to a theme when it is in the same wijk and wave and one of
    its two actors is mentioned in one of the theme's segments (``actors``);
    each signal is counted once per theme.

    Returns
    -------
    pandas.DataFrame
        ``wijk, wave, theme, segments, signals, barriers, missing_links, wishes``.

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "wijk": "W", "domain": "zorg"})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["a"], "target": ["b"], "tie_type": ["drempel"]})
    >>> themes = pd.DataFrame({"wijk": "W", "wave": "1", "interview_id": ["g1"], "theme": ["wachtlijst"],
    ...                        "actors": ["b"]})
    >>> theme_signals(Project.from_frames(actors, ties, themes=themes))[["theme", "signals", "barriers"]].values.tolist()
    [['wachtlijst', 1, 1]]
    """
    columns = [
        "wijk",
        "wave",
        "theme",
        "segments",
        "signals",
        "barriers",
        "missing_links",
        "wishes",
    ]
    th = project.themes
    if th.empty:
        return pd.DataFrame(columns=columns)
    th = th.assign(_segment=_segments(th))
    signals = project.ties[project.ties["tie_type"].isin(NON_TIE_TYPES)]
    keyed = {
        (w, v): list(zip(g["source"], g["target"], g["tie_type"]))
        for (w, v), g in signals.groupby(["wijk", "wave"], sort=False)
    }
    rows = []
    for (wijk, wave, theme), group in th.groupby(["wijk", "wave", "theme"], sort=False):
        if "signals" in group.columns:
            # a store's themes: the signal tie types coded in the same segment (wijknet.store.frames.themes_frame)
            types = [t for value in group["signals"].fillna("") for t in str(value).split(";") if t]
        else:  # a tidy themes table: the signals of the same wijk and wave naming an actor the segment mentions
            mentioned = {a for v in group["actors"] for a in str(v).split(";") if a}
            candidates = keyed.get((wijk, wave), [])
            types = [
                s[2] for s in {s for s in candidates if s[0] in mentioned or s[1] in mentioned}
            ]
        found = types
        rows.append({"wijk": wijk, "wave": wave, "theme": theme, "segments": group["_segment"].nunique(),
                     "signals": len(found), "barriers": types.count("drempel"),
                     "missing_links": types.count("zou_moeten_kennen"), "wishes": types.count("wens")})  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def theme_quotes(project, wijk: str, wave: str, theme: str) -> pd.DataFrame:
    """The quotes of one theme (``interview_id, segment_id, quote``): only for a researcher with names unlocked.

    Other audiences get an empty table (their projects have the quotes blanked
    already; this checks again).

    Examples
    --------
    >>> theme_quotes.__name__
    'theme_quotes'
    """
    audience = getattr(project, "audience", None)
    th = project.themes
    if (audience is not None and not audience.sees_quotes) or th.empty:
        return pd.DataFrame(columns=["interview_id", "segment_id", "quote"])
    rows = th[(th["wijk"] == wijk) & (th["wave"] == wave) & (th["theme"] == theme)]
    rows = rows[rows["quote"].astype(str).str.strip() != ""]
    return rows[["interview_id", "segment_id", "quote"]].reset_index(drop=True)


# --- what the pages and reports show -----------------------------------------------------------


def wijk_onderstroom(project, wijk: str, *, seed: int = 0) -> dict[str, pd.DataFrame]:
    """The onderstroom of one wijk as the "Vertrouwen en waarde" page and the wijk report show it.

    Returns
    -------
    dict of pandas.DataFrame
        ``network``: the wijk's network rows of :func:`tie_quality` per wave
        with the changes of :func:`tie_quality_change`; ``pairs``: its
        domain-pair rows (the same columns); ``intensity``: per wave and level
        1-4 the ``answers`` and their ``share`` of the answers with a level
        (blank where hidden); ``organisations``: :func:`organisation_quality`
        with the actor's ``name`` and ``domain`` as the audience may see them.
        All respect the audience (module docstring).

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "wijk": "W", "domain": ["zorg", "welzijn"]})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["a"], "target": ["b"]})
    >>> ratings = pd.DataFrame({"wijk": "W", "wave": "1", "rater": ["a"], "rated": ["b"], "intensity": ["3"]})
    >>> view = wijk_onderstroom(Project.from_frames(actors, ties, ratings=ratings), "W")
    >>> view["intensity"]["answers"].tolist(), view["intensity"]["share"].tolist()
    ([0, 0, 1, 0], [0.0, 0.0, 1.0, 0.0])
    """
    table = tie_quality_change(tie_quality(project, seed=seed, wijk=wijk), project.waves)
    is_network = table["from_domain"] == ALL
    network = table[is_network].reset_index(drop=True)
    pairs = table[~is_network].reset_index(drop=True)
    levels = []
    for r in network.itertuples():
        counts = [getattr(r, f"intensity_{k}") for k in LEVELS]
        known = [c for c in counts if not pd.isna(c)]
        total = sum(known) if len(known) == len(counts) else np.nan
        for k, c in zip(LEVELS, counts):
            share = c / total if total and not pd.isna(total) and not pd.isna(c) else np.nan
            levels.append({"wave": r.wave, "level": k, "answers": c, "share": share})
    organisations = organisation_quality(project, seed=seed, wijk=wijk)
    actors = project.actors.drop_duplicates("actor_id").set_index("actor_id")
    organisations = organisations.assign(
        name=organisations["actor_id"].map(actors["name"]).fillna(""),
        domain=organisations["actor_id"].map(actors["domain"]).fillna(""),
    )
    return {
        "network": network,
        "pairs": pairs,
        "intensity": pd.DataFrame(levels, columns=["wave", "level", "answers", "share"]),
        "organisations": organisations,
    }


def of_wave(table: pd.DataFrame, wave: str) -> pd.DataFrame:
    """The rows of ``table`` of one wave (for the pages, which filter nothing themselves).

    Examples
    --------
    >>> of_wave(pd.DataFrame({"wave": ["1", "2"], "x": [1, 2]}), "2")["x"].tolist()
    [2]
    """
    return table[table["wave"] == wave].reset_index(drop=True)


def wijk_participation(project, wijk: str) -> dict[str, pd.DataFrame]:
    """Residents' participation in one wijk: ``ladder`` (:func:`participation`), ``summary`` and ``ties``.

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["r1"], "wijk": "W", "domain": "inwoners"})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["r1"], "target": ["r1"]}).iloc[:0]
    >>> responses = pd.DataFrame({"wijk": "W", "wave": "1", "actor_id": ["r1"], "participation_level": ["2"]})
    >>> sorted(wijk_participation(Project.from_frames(actors, ties, responses=responses), "W"))
    ['ladder', 'summary', 'ties']
    """
    ladder, summary, ties = (
        participation(project),
        participation_summary(project),
        participation_ties(project),
    )
    return {
        "ladder": ladder[ladder["wijk"] == wijk].reset_index(drop=True),
        "summary": summary[summary["wijk"] == wijk].reset_index(drop=True),
        "ties": ties[ties["wijk"] == wijk].reset_index(drop=True),
    }


def wijk_themes(project, wijk: str) -> pd.DataFrame:
    """Themes of one wijk per wave: :func:`theme_counts` with the signals of :func:`theme_signals`.

    Examples
    --------
    >>> wijk_themes.__name__
    'wijk_themes'
    """
    counts = theme_counts(project)
    counts = counts[counts["wijk"] == wijk]
    signals = theme_signals(project)
    signals = signals[signals["wijk"] == wijk].drop(columns="segments")
    return counts.merge(signals, on=["wijk", "wave", "theme"], how="left").reset_index(drop=True)


def programme_onderstroom(project, *, seed: int = 0) -> pd.DataFrame:
    """Intensity and trust per wijk at network level (the programme report and the comparison of wijken).

    ``wijk, wave, ties_rated, share_coordination_plus, trust_mean,
    trust_ci_low, trust_ci_high, value_mean, value_ci_low, value_ci_high``:
    the network rows of :func:`tie_quality`, so a leernetwerk gets them
    protected.

    Examples
    --------
    >>> programme_onderstroom.__name__
    'programme_onderstroom'
    """
    columns = ["wijk", "wave", "ties_rated", "share_coordination_plus", "trust_mean", "trust_ci_low",
               "trust_ci_high", "value_mean", "value_ci_low", "value_ci_high"]  # fmt: skip
    if project.ratings.empty:
        return pd.DataFrame(columns=columns)
    table = tie_quality(project, seed=seed)
    return table.loc[table["from_domain"] == ALL, columns].reset_index(drop=True)


def onderstroom_lens(project, seed: int = 0) -> dict[str, pd.DataFrame]:
    """The lens of :data:`wijknet.analysis.programme.LENSES`: ``tie_quality``, ``participation``, ``themes``.

    Each table is written only when the project has its input (ratings,
    participation answers, themes).

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["a"], "wijk": "W", "domain": "zorg"})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["a"], "target": ["a"]}).iloc[:0]
    >>> onderstroom_lens(Project.from_frames(actors, ties))
    {}
    """
    return onderstroom_finish(project, [onderstroom_part(project, project.wijken, seed=seed)])


def onderstroom_part(project, wijken, seed: int = 0) -> dict[str, list]:
    """The rows of ``tie_quality`` for some wijken (:data:`wijknet.analysis.programme.BY_WIJK`)."""
    if project.ratings.empty:
        return {}
    ratings = project.ratings
    scores = _answer_scores(project, ratings[ratings["wijk"].isin(list(wijken))])
    return {"tie_quality": _quality_rows(project, scores, seed, True)}


def onderstroom_finish(project, parts: list[dict[str, list]]) -> dict[str, pd.DataFrame]:
    """The tables of :func:`onderstroom_lens` from the parts of all wijken; the whole-project tables here."""
    tables = {}
    if not project.ratings.empty:
        # Each part's rows come by wijk in string order: a stable sort by wijk puts them as one whole run would.
        rows = sorted(
            (row for part in parts for row in part["tie_quality"]), key=lambda row: row["wijk"]
        )
        tables["tie_quality"] = _quality_table(project, rows)
    if (
        not project.responses.empty
        and (project.responses.get("participation_level", pd.Series(dtype=str)) != "").any()
    ):
        tables["participation"] = participation(project)
    if not project.themes.empty:
        tables["themes"] = theme_counts(project)
    return tables
