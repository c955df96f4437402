"""The programme evaluation: what works where, and whether collaboration changed because of PlusWIJken.

Two questions of the 2027 evaluation (issue 15), each answered across wijken:

**What works where** (:func:`pool_tie_change`, :func:`what_works_where`).
The tie-change model (:func:`wijknet.analysis.tiechange.tie_change_model`)
is fitted per wijk and pair of consecutive waves; each term's estimates
(same domain, both in the PlusWIJkteam, shared kernaanpak, ...) are pooled
across wijken in a random-effects meta-analysis
(:func:`wijknet.inference.meta.meta_analysis`, REML by default), as RSiena
users pool networks with ``siena08``. The pooled estimate says what holds on
average; tau² and I² say how much the wijken differ.

**Difference-in-differences** (:func:`wave_measures`,
:func:`difference_in_differences`). The change of a network measure from the
baseline wave (0-meting) to each later wave in the pilot wijken, minus the
change in the comparison wijken (controlegroep), with a percentile interval
from a paired node bootstrap over actors within wijken. Without comparison
wijken the table gives the pilots' change against the baseline, marked as
such in the ``design`` column.

Which wijk is a pilot and which a comparison is a parameter ``groups``
(``{wijk: "pilot" | "comparison"}``); by default the ``group`` of the
project's wijk metadata (``wijken.csv``, :meth:`wijknet.project.Project.wijk_groups`),
and without that table every wijk is a pilot.

Assumptions (see ``docs/methods.md``): the DiD reads as a programme effect
only under *parallel trends* (without the programme, the pilot wijken's
measures would have moved as the comparison wijken's did), with no
spill-over between pilot and comparison wijken and with the same
measurement in every wave. The interval reflects the sampling of actors
within the wijken observed, not the choice of wijken: with a handful of
wijken, a difference can be due to the particular wijken as much as to the
programme.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.analysis.change import wave_pairs
from wijknet.analysis.parallel import dask_batches
from wijknet.analysis.tiechange import TERMS, TieChangeResult, tie_change_model
from wijknet.core import formatting as fmt
from wijknet.core.summary import LABELS, Summary, label, labelled
from wijknet.inference.meta import MetaResult, meta_analysis
from wijknet.privacy.suppression import is_aggregate_only
from wijknet.project import Project

META_COLUMNS = ["term", "wave_from", "wave_to", "estimate", "std_error", "ci_low", "ci_high",
                "tau2", "i2", "wijken"]  # fmt: skip
DID_COLUMNS = ["measure", "wave_from", "wave_to", "pilot_change", "comparison_change", "difference",
               "ci_low", "ci_high", "pilot_wijken", "comparison_wijken", "design"]  # fmt: skip

#: The network measures of :func:`wave_measures` computed on the graph.
DID_MEASURES = ("cross_domain_share", "ei_index", "density", "mean_degree")
#: Measures of :func:`wave_measures` beyond the graph: the kernaanpakken's completeness and mean trust (ratings).
COMPLETENESS, TRUST = "kernaanpak_completeness", "trust"
EXTRA_MEASURES = (COMPLETENESS, TRUST)
PILOT, COMPARISON = "pilot", "comparison"
GROUPS = (PILOT, COMPARISON)
#: ``design`` of a DiD row: pilots against comparison wijken, or the pilots' change only.
DID, BASELINE_CHANGE = "difference_in_differences", "change_from_baseline"

#: Node-bootstrap replicates of the DiD intervals (percentile intervals need a few hundred).
N_BOOT = 500

TEXTS = {
    "meta_title": {
        "nl": "Wat werkt waar: effecten op relatieverandering, gepoold over wijken ({method})",
        "en": "What works where: effects on tie change pooled across wijken ({method})",
    },
    "did_title": {
        "nl": "Verschil-in-verschillen: pilotwijken tegen vergelijkingswijken",
        "en": "Difference-in-differences: pilot against comparison wijken",
    },
    "did_note": {
        "nl": "Leest als effect van het programma alleen als de pilot- en vergelijkingswijken zonder "
        "programma dezelfde ontwikkeling zouden hebben gehad (parallelle trends), als het programma niet "
        "overslaat naar de vergelijkingswijken (geen spill-over) en als elke meting op dezelfde manier is gedaan. "
        "Het interval ({level}) geldt voor de trekking van actoren binnen deze wijken, niet voor de keuze van de "
        "wijken: met een handvol wijken kan een verschil evengoed aan de wijken zelf liggen als aan het programma.",
        "en": "Reads as a programme effect only if pilot and comparison wijken would have developed "
        "alike without the programme (parallel trends), if the programme does not spill over to the "
        "comparison wijken (no spill-over) and if every wave was measured the same way. The interval ({level}) "
        "covers the sampling of actors within these wijken, not the choice of wijken: with a handful of wijken a "
        "difference may be the wijken's own story as much as the programme's.",
    },
    "baseline_note": {
        "nl": "Geen vergelijkingswijken: de rijen met 'change_from_baseline' geven alleen de verandering "
        "sinds de nulmeting, geen effect van het programma.",
        "en": "No comparison wijken: rows marked 'change_from_baseline' give the change since the "
        "baseline only, not a programme effect.",
    },
    "meta_note": {
        "nl": "tau² en I² zeggen hoeveel de wijken verschillen; met weinig wijken zijn ze onzeker. "
        "De standaardfouten per wijk komen uit het logistische model en negeren de afhankelijkheid "
        "tussen relaties; lees de intervallen als te smal.",
        "en": "tau² and I² say how much the wijken differ; with few wijken they are uncertain. The "
        "standard errors per wijk come from the logistic model and ignore the dependence between "
        "ties; read the intervals as too narrow.",
    },
    "measure": {"nl": "maat", "en": "measure"},
    "wave_from": {"nl": "van", "en": "from"},
    "wave_to": {"nl": "naar", "en": "to"},
    "pilot_change": {"nl": "verandering pilot", "en": "pilot change"},
    "comparison_change": {"nl": "verandering vergelijking", "en": "comparison change"},
    "difference": {"nl": "verschil", "en": "difference"},
    "pilot_wijken": {"nl": "pilotwijken", "en": "pilot wijken"},
    "comparison_wijken": {"nl": "vergelijkingswijken", "en": "comparison wijken"},
    "design": {"nl": "opzet", "en": "design"},
    "tau2": {"nl": "tau²", "en": "tau²"},
    "i2": {"nl": "I²", "en": "I²"},
    "wijken": {"nl": "wijken", "en": "wijken"},
}


# --- what works where --------------------------------------------------------------------


@dataclass(frozen=True)
class PooledEffects:
    """The tie-change model's effects pooled across wijken (:func:`pool_tie_change`).

    Attributes
    ----------
    table : pandas.DataFrame
        :data:`META_COLUMNS`: ``term, wave_from, wave_to, estimate,
        std_error, ci_low, ci_high, tau2, i2, wijken``, one row per term and
        pair of waves (terms in :data:`wijknet.analysis.tiechange.TERMS`
        order); ``i2`` is a fraction 0-1.
    results : dict
        ``{(term, wave_from, wave_to): MetaResult}``, with the per-wijk
        estimates for a forest plot (:func:`wijknet.viz.forest.forest_chart`).
    method : str

    Examples
    --------
    >>> table = pd.DataFrame({"term": ["intercept", "same_domain"], "estimate": [-3.0, 0.5],
    ...     "std_error": [0.3, 0.2], "wijk": "Noord", "wave_from": "2025", "wave_to": "2026"})
    >>> noord = TieChangeResult(table, "Noord", "2025", "2026")
    >>> zuid = TieChangeResult(table.assign(wijk="Zuid", estimate=[-2.0, 0.1]), "Zuid", "2025", "2026")
    >>> pooled = pool_tie_change([noord, zuid], method="DL")
    >>> pooled.table[["term", "estimate", "wijken"]].round(3).values.tolist()
    [['same_domain', 0.3, 2]]
    """

    table: pd.DataFrame
    results: dict = field(default_factory=dict)
    method: str = "REML"

    def result(self, term: str, wave_from: str, wave_to: str) -> MetaResult:
        """The meta-analysis of one term and pair of waves."""
        return self.results[(term, wave_from, wave_to)]

    def summary(self, lang: str | None = None) -> Summary:
        """The pooled table as a :class:`~wijknet.core.summary.Summary`."""
        columns = {
            **labelled(LABELS, META_COLUMNS, lang),
            **labelled(TEXTS, META_COLUMNS[-3:], lang),
        }
        columns.update(labelled(TEXTS, ["wave_from", "wave_to"], lang))
        table = self.table.rename(columns=columns)
        return Summary(
            label(TEXTS, "meta_title", lang).format(method=self.method),
            [("", table)],
            notes=[label(TEXTS, "meta_note", lang)],
            lang=lang,
        )


def pool_tie_change(
    results: Iterable[TieChangeResult],
    *,
    method: str = "REML",
    level: float = 0.95,
    terms: Sequence[str] = TERMS,
) -> PooledEffects:
    """Pool the tie-change models of several wijken, term by term, in a random-effects meta-analysis.

    Parameters
    ----------
    results : iterable of TieChangeResult
        Models of :func:`wijknet.analysis.tiechange.tie_change_model`, one per
        wijk and pair of waves.
    method : {"REML", "DL"}, default "REML"
        tau² estimator of :func:`wijknet.inference.meta.meta_analysis`.
    level : float, default 0.95
    terms : sequence of str, default all model terms
        The intercept is never pooled (it depends on the size of the wijk).

    Returns
    -------
    PooledEffects
        ``table`` (:data:`META_COLUMNS`) and the :class:`MetaResult` per term
        and pair of waves.

    Notes
    -----
    For term ``t`` and waves ``(a, b)``, with ``y_w`` and ``s_w`` the
    estimate (log odds ratio) and standard error of wijk ``w``::

        mu_t = sum_w y_w / (s_w² + tau²) / sum_w 1 / (s_w² + tau²)

    (see :func:`~wijknet.inference.meta.meta_analysis`). A wijk whose model
    dropped the term (it did not vary there) or marked it with separation
    (its estimate diverges) does not count for it. The
    standard errors are the logistic model's, which treat dyads as
    independent; they are therefore too small when ties depend on each
    other (the reason the model's p-values come from QAP permutations),
    so the pooled interval is optimistic and tau² partly absorbs that
    excess. This is the approach of Snijders & Baerveldt (2003) for
    multilevel network studies (RSiena's ``siena08``), there with the valid
    standard errors of stochastic actor-oriented models.

    References
    ----------
    Snijders, T. A. B., & Baerveldt, C. (2003). A multilevel network study of
    the effects of delinquent behavior on friendship evolution. *Journal of
    Mathematical Sociology*, 27(2-3), 123-151.
    """
    by_key: dict[tuple[str, str, str], list[tuple[str, float, float]]] = {}
    for result in results:
        for row in result.table.itertuples(index=False):
            if row.term not in terms or bool(getattr(row, "separation", False)):
                continue  # a diverging (separated) estimate is no effect size
            key = (row.term, str(result.wave_from), str(result.wave_to))
            by_key.setdefault(key, []).append(
                (result.wijk, float(row.estimate), float(row.std_error))
            )
    order = {t: i for i, t in enumerate(terms)}
    rows, pooled = [], {}
    for key in sorted(by_key, key=lambda k: (k[1], k[2], order[k[0]])):
        entries = [e for e in by_key[key] if np.isfinite(e[1]) and np.isfinite(e[2]) and e[2] > 0]
        if not entries:
            continue
        wijken, y, s = zip(*entries)
        meta = meta_analysis(y, s, method=method, level=level, labels=wijken, name=key[0])
        pooled[key] = meta
        rows.append(
            {
                "term": key[0],
                "wave_from": key[1],
                "wave_to": key[2],
                "estimate": meta.estimate,
                "std_error": meta.std_error,
                "ci_low": meta.ci_low,
                "ci_high": meta.ci_high,
                "tau2": meta.tau2,
                "i2": meta.i2,
                "wijken": meta.wijken,
            }  # fmt: skip
        )
    table = pd.DataFrame(rows, columns=META_COLUMNS)
    table["wijken"] = table["wijken"].astype(int)
    return PooledEffects(table, pooled, method)


class _GraphCache:
    """A project whose ``graph(wijk, wave, **options)`` builds each graph once (a read-only view)."""

    def __init__(self, project: Project):
        self._project = project
        self._graphs: dict = {}

    def graph(self, wijk: str, wave: str, **options):
        key = (wijk, wave, tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                                        for k, v in options.items())))  # fmt: skip
        if key not in self._graphs:
            self._graphs[key] = self._project.graph(wijk, wave, **options)
        return self._graphs[key]

    def __getattr__(self, name):
        return getattr(self._project, name)


def what_works_where(
    project: Project,
    *,
    method: str = "REML",
    pairs: str = "consecutive",
    n_permutations: int = 0,
    seed: int = 0,
    level: float = 0.95,
    attr: str = "domain",
    scheduler=None,
    **graph_options,
) -> PooledEffects:
    """Fit the tie-change model in every wijk and pair of waves and pool its effects across wijken.

    Parameters
    ----------
    project : Project
    method : {"REML", "DL"}, default "REML"
    pairs : {"consecutive", "all"}, default "consecutive"
        Pairs of waves (:func:`wijknet.analysis.change.wave_pairs`).
    n_permutations : int, default 0
        QAP permutations per model; the meta-analysis uses estimates and
        standard errors only, so the default skips the p-values (fast).
    seed : int, default 0
    level : float, default 0.95
    attr : str, default "domain"
    scheduler : str, dask.distributed.Client or cluster, optional
        Run the permutation batches of every model on this Dask cluster
        (:func:`wijknet.analysis.parallel.dask_batches`); the result equals a
        local run for the same ``seed``.
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph`.

    Returns
    -------
    PooledEffects
        See :func:`pool_tie_change`. Wijken where the model cannot be fitted
        (fewer than three actors in both waves) are left out; so, for an
        audience that sees group figures only (leernetwerk), is a model of
        fewer than ``min_cell`` stable actors: its per-wijk estimates in a
        forest plot describe the ties of a handful of people, as the DiD
        blanks such a wijk (:func:`network_did`). It is left out of the
        pooling too, so the pooled figure cannot be differenced against the
        wijken shown to recover it.
    """
    cached = project if isinstance(project, _GraphCache) else _GraphCache(project)
    smallest = project.config.min_cell if is_aggregate_only(project) else 0
    results = []
    remote = scheduler is not None and n_permutations > 0
    with dask_batches(scheduler) if remote else nullcontext() as mapper:
        for wijk in project.wijken:
            for a, b in wave_pairs(list(project.waves), pairs):
                try:
                    model = tie_change_model(cached, wijk, a, b, n_permutations=n_permutations,
                                             seed=seed, attr=attr, mapper=mapper, **graph_options)  # fmt: skip
                except ValueError:  # fewer than three stable actors
                    continue
                if model.actors >= smallest:
                    results.append(model)
    return pool_tie_change(results, method=method, level=level)


# --- difference-in-differences -------------------------------------------------------------


@dataclass(frozen=True)
class WaveMeasures:
    """Network measures per wijk and wave with their paired node-bootstrap replicates (:func:`wave_measures`).

    Attributes
    ----------
    values : pandas.DataFrame
        ``wijk, wave, actors`` and one column per measure.
    replicates : pandas.DataFrame
        ``wijk, wave, replicate`` and one column per measure: replicate
        ``r`` of every wave of a wijk uses the same draw of actors.
    measures : tuple of str
    """

    values: pd.DataFrame
    replicates: pd.DataFrame
    measures: tuple[str, ...]


def _wijk_replicates(graphs, attr, n_boot, rng, extras=None):
    """Point values and bootstrap replicates of one wijk's waves (same actor draw in every wave).

    ``extras``: one callable per wave ``f(index, counts) -> {measure: array}`` for the measures
    beyond the graph, given the actor index and the multiplicities (the same draw).
    """
    nodes = list(dict.fromkeys(n for G in graphs for n in G))
    index = {a: i for i, a in enumerate(nodes)}
    n = len(nodes)
    # Multiplicities of n draws with replacement (multinomial), one row per replicate.
    counts = (
        rng.multinomial(n, np.full(n, 1 / n), size=n_boot)
        if n and n_boot
        else np.zeros((n_boot, n))
    ).astype(float)
    out = []
    for G in graphs:
        members = list(G)
        at = np.array([index[u] for u in members], dtype=int)
        Y = np.zeros((n, n))
        if members:  # binary ties (symmetric if undirected), no loops
            Y[np.ix_(at, at)] = nx.to_numpy_array(G, nodelist=members, weight=None) > 0
        np.fill_diagonal(Y, 0)
        present = np.zeros(n)
        present[at] = 1
        group = np.full(n, "", dtype=object)
        group[at] = [str(G.nodes[u].get(attr, "")) for u in members]
        cross = (group[:, None] != group[None, :]).astype(float)
        C = np.vstack([present[None, :], counts * present[None, :]])  # row 0: the observed network
        ties = ((C @ Y) * C).sum(axis=1)
        external = ((C @ (Y * cross)) * C).sum(axis=1)
        size = C.sum(axis=1)
        dyads = size**2 - (C**2).sum(axis=1)  # ordered pairs of copies of distinct actors
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.where(ties > 0, external / np.where(ties > 0, ties, 1), np.nan)
            values = {
                "actors": size,
                "density": np.where(dyads > 0, ties / np.where(dyads > 0, dyads, 1), np.nan),
                "mean_degree": np.where(size > 0, ties / np.where(size > 0, size, 1), np.nan),
                "cross_domain_share": share,
                "ei_index": 2 * share - 1,
            }
        out.append(values)
    if extras is not None:
        for values, extra in zip(out, extras):
            values.update(extra(index, counts))
    return out


def _multiplicity(index: dict, counts: np.ndarray, actors) -> np.ndarray:
    """Rows: the observed data (1) then each replicate; columns: ``actors`` (absent from the draw: 1)."""
    n_boot = counts.shape[0]
    at = [index.get(a) for a in actors]
    out = np.ones((1 + n_boot, len(at)))
    for k, i in enumerate(at):
        if i is not None:
            out[1:, k] = counts[:, i]
    return out


def completeness_replicates(link_dyads: Mapping[str, Sequence[Sequence[tuple]]]):
    """A ``wave_measures`` extra: mean kernaanpak completeness, observed and per bootstrap replicate.

    Parameters
    ----------
    link_dyads : dict
        ``{kernaanpak: [dyads of link 1, dyads of link 2, ...]}``, the ties
        that realise each expected link (``dyads`` of
        :func:`wijknet.analysis.kernaanpak.link_counts`).

    Returns
    -------
    callable
        ``f(index, counts) -> {"kernaanpak_completeness": array}``.

    Notes
    -----
    A link is present in a replicate when at least one of its ties has both
    actors drawn (multiplicity > 0); a kernaanpak's completeness is its
    present links over its expected links, and the measure is the mean over
    the kernaanpakken with at least one expected link (each kernaanpak
    counts once), as :func:`wijknet.analysis.kernaanpak.kernaanpak_summary`
    per kernaanpak. Actors of a tie that are not in the drawn set (none in
    practice) count as drawn.
    """

    def extra(index, counts):
        actors = sorted(
            {a for links in link_dyads.values() for dy in links for pair in dy for a in pair}
        )
        col = {a: k for k, a in enumerate(actors)}
        drawn = _multiplicity(index, counts, actors) > 0
        shares = []
        for links in link_dyads.values():
            if not links:
                continue
            present = np.zeros((drawn.shape[0], len(links)), dtype=bool)
            for j, dyads in enumerate(links):
                for u, v in dyads:
                    present[:, j] |= drawn[:, col[u]] & drawn[:, col[v]]
            shares.append(present.mean(axis=1))
        value = np.mean(shares, axis=0) if shares else np.full(drawn.shape[0], np.nan)
        return {COMPLETENESS: value}

    return extra


def trust_replicates(raters: Sequence[str], scores: Sequence[float]):
    """A ``wave_measures`` extra: the mean trust score of a wave's answers, observed and per replicate.

    Parameters
    ----------
    raters : sequence of str
        The rater of each answer (``ratings.rater``).
    scores : sequence of float
        Its trust score (:func:`wijknet.analysis.onderstroom.item_score` of
        the PARTNER trust items, 1-4; NaN = no score).

    Returns
    -------
    callable
        ``f(index, counts) -> {"trust": array}``.

    Notes
    -----
    ``trust = sum_a c_rater(a) t_a / sum_a c_rater(a)`` over the scored
    answers ``a``, with ``c`` the rater's multiplicity in the draw (1 for
    the observed value): a rater drawn twice counts with all their answers
    twice, as the node bootstrap does with an actor's ties. NaN in a
    replicate without any drawn rater.
    """
    raters = [str(r) for r, t in zip(raters, scores) if np.isfinite(t)]
    values = np.array([float(t) for t in scores if np.isfinite(t)])

    def extra(index, counts):
        weights = _multiplicity(index, counts, raters)
        total = weights.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(total > 0, weights @ values / np.where(total > 0, total, 1), np.nan)
        return {TRUST: mean if len(values) else np.full(weights.shape[0], np.nan)}

    return extra


def _link_dyads(project, wijk: str, wave: str, profiles, graphs) -> dict:
    """``{kernaanpak: [dyads per link]}`` of one wijk and wave (:func:`completeness_replicates`)."""
    from wijknet.analysis.kernaanpak import _link_counts

    out = {}
    for name, kernaanpak in profiles.kernaanpakken.items():
        out[name] = [
            _link_counts(graphs.arcs(wijk, wave, link.tie_types), profiles.members(link.source),
                         profiles.members(link.target), directed=link.directed)["dyads"]
            for link in kernaanpak.links
        ]  # fmt: skip
    return out


def wave_measures(
    project: Project,
    *,
    measures: Sequence[str] = DID_MEASURES,
    n_boot: int = N_BOOT,
    seed: int = 0,
    attr: str = "domain",
    wijken: Sequence[str] | None = None,
    waves: Sequence[str] | None = None,
    **graph_options,
) -> WaveMeasures:
    """Network measures of every wijk and wave with a paired node bootstrap over the wijk's actors.

    Parameters
    ----------
    project : Project
    measures : sequence of str, default :data:`DID_MEASURES`
        Any of ``cross_domain_share`` (``E / (E + I)``), ``ei_index``
        (``(E - I) / (E + I)``, Krackhardt & Stern 1988), ``density``
        (``L / (N (N - 1))``; undirected ``2L / (N (N - 1))``) and
        ``mean_degree`` (``L / N``; undirected ``2L / N``), binary ties, by ``attr``.
    n_boot : int, default 500
        Bootstrap replicates; 0 gives values only.
    seed : int, default 0
        Seed of the draws; each wijk gets its own stream from it, so a
        wijk's replicates do not depend on the other wijken.
    attr : str, default "domain"
    wijken, waves : sequence of str, optional
        Default: all, in project order.
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph`.

    Returns
    -------
    WaveMeasures

    Notes
    -----
    **Paired node bootstrap.** For each wijk, the actors present in any
    wave are drawn ``N`` times with replacement (Snijders & Borgatti 1999),
    and the same draw is used in every wave: an actor drawn twice counts
    twice in each wave it takes part in, with all its ties. The
    dependence between the waves of one wijk (the same actors answer
    again) is so kept, which is what the change and the difference of
    changes need. With multiplicities ``c_i`` (zero for actors absent in
    the wave) the bootstrap network has ``T = sum_(i != j) c_i c_j y_ij``
    ties (arcs; undirected ties counted both ways) among
    ``D = (sum c_i)² - sum c_i²`` ordered pairs of copies of distinct
    actors; density is ``T / D``, mean degree ``T / sum c_i`` and the
    domain-crossing share the crossing part of ``T`` over ``T``. Pairs of
    copies of one actor carry no tie and are left out of ``D`` (unlike
    :func:`wijknet.inference.bootstrap_ci`, which fills them with a random
    dyad: such a fill would differ between waves). With ``c_i = 1`` for all
    present actors the values equal :func:`wijknet.metrics.network_metrics`.
    """
    measures = tuple(measures)
    unknown = set(measures) - set(DID_MEASURES) - set(EXTRA_MEASURES)
    if unknown:
        raise ValueError(
            f"unknown measures {sorted(unknown)}; choose from {DID_MEASURES + EXTRA_MEASURES}"
        )
    wijken = list(project.wijken if wijken is None else wijken)
    waves = list(project.waves if waves is None else waves)
    seeds = np.random.SeedSequence(seed).spawn(len(wijken))
    value_rows, replicate_parts = [], []
    extra_of = _extra_measures(project, measures, graph_options)
    for wijk, wijk_seed in zip(wijken, seeds):
        graphs = [project.graph(wijk, wave, **graph_options) for wave in waves]
        extras = [extra_of(wijk, wave) for wave in waves] if extra_of else None
        parts = _wijk_replicates(graphs, attr, n_boot, np.random.default_rng(wijk_seed), extras)
        for wave, values in zip(waves, parts):
            value_rows.append({"wijk": wijk, "wave": wave, "actors": int(values["actors"][0]),
                               **{m: float(values[m][0]) for m in measures}})  # fmt: skip
            if n_boot:
                replicate_parts.append(
                    pd.DataFrame(
                        {
                            "wijk": wijk,
                            "wave": wave,
                            "replicate": np.arange(n_boot),
                            **{m: values[m][1:] for m in measures},
                        }
                    )  # fmt: skip
                )
    values = pd.DataFrame(value_rows, columns=["wijk", "wave", "actors", *measures])
    replicates = (
        pd.concat(replicate_parts, ignore_index=True)
        if replicate_parts
        else pd.DataFrame(columns=["wijk", "wave", "replicate", *measures])
    )
    return WaveMeasures(values, replicates, measures)


def _extra_measures(project, measures, graph_options):
    """``f(wijk, wave)`` giving the extras of :func:`_wijk_replicates` for the measures asked, or None."""
    wanted = [m for m in measures if m in EXTRA_MEASURES]
    if not wanted:
        return None
    parts = []
    if COMPLETENESS in wanted:
        from wijknet.analysis.kernaanpak import _Graphs, _profiles

        profiles, cache = _profiles(project, None), _Graphs(project)
        parts.append(
            lambda w, v: completeness_replicates(_link_dyads(project, w, v, profiles, cache))
        )
    if TRUST in wanted:
        from wijknet.analysis.onderstroom import item_score
        from wijknet.io.tidy import TRUST_ITEMS

        ratings = getattr(project, "ratings", None)
        if ratings is None:
            ratings = pd.DataFrame(columns=["wijk", "wave", "rater"])
        ratings = ratings.assign(_score=item_score(ratings, TRUST_ITEMS) if len(ratings) else [])
        keyed = {key: part for key, part in ratings.groupby(
            [ratings["wijk"].astype(str), ratings["wave"].astype(str)], sort=False)}  # fmt: skip

        def trust(w, v):
            part = keyed.get((str(w), str(v)))
            if part is None:
                return trust_replicates([], [])
            return trust_replicates(
                part["rater"].astype(str).tolist(), part["_score"].to_numpy(float)
            )

        parts.append(trust)

    def combined(wijk, wave):
        fs = [f(wijk, wave) for f in parts]
        return lambda index, counts: {k: v for f in fs for k, v in f(index, counts).items()}

    return combined


def default_did_measures(project: Project) -> tuple[str, ...]:
    """The measures of the DiD table: the network measures, kernaanpak completeness and, with ratings, trust.

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "wijk": "W", "domain": ["zorg", "welzijn"]})
    >>> ties = pd.DataFrame({"wijk": "W", "wave": "1", "source": ["a"], "target": ["b"]})
    >>> default_did_measures(Project.from_frames(actors, ties))[-1]
    'kernaanpak_completeness'
    """
    ratings = getattr(project, "ratings", None)
    has_trust = ratings is not None and len(ratings) > 0
    return DID_MEASURES + (COMPLETENESS,) + ((TRUST,) if has_trust else ())


@dataclass(frozen=True)
class DidResult:
    """Difference-in-differences of network measures (:func:`difference_in_differences`).

    Attributes
    ----------
    table : pandas.DataFrame
        :data:`DID_COLUMNS`.
    groups : dict
        ``{wijk: "pilot" | "comparison"}`` as used.
    level : float
    n_boot : int
        Replicates behind the intervals (0: no intervals).
    """

    table: pd.DataFrame
    groups: dict
    level: float = 0.95
    n_boot: int = 0

    def summary(self, lang: str | None = None) -> Summary:
        """The table and the assumptions as a :class:`~wijknet.core.summary.Summary`."""
        columns = {
            **labelled(TEXTS, DID_COLUMNS, lang),
            **labelled(LABELS, ["ci_low", "ci_high"], lang),
        }
        notes = [label(TEXTS, "did_note", lang).format(level=fmt.percent(self.level, 0, lang))]
        if (self.table["design"] == BASELINE_CHANGE).any():
            notes.append(label(TEXTS, "baseline_note", lang))
        return Summary(
            label(TEXTS, "did_title", lang), [("", self.table.rename(columns=columns))],
            notes=notes, lang=lang,
        )  # fmt: skip


def _check_groups(groups: Mapping[str, str] | None, wijken: Sequence[str]) -> dict[str, str]:
    if groups is None:
        return {w: PILOT for w in wijken}
    bad = {g for g in groups.values() if g not in GROUPS}
    if bad:
        raise ValueError(f"groups must be 'pilot' or 'comparison', not {sorted(bad)}")
    return {w: groups[w] for w in wijken if w in groups}


def difference_in_differences(
    values: pd.DataFrame,
    *,
    groups: Mapping[str, str] | None = None,
    measures: Sequence[str] | None = None,
    baseline: str | None = None,
    waves: Sequence[str] | None = None,
    replicates: pd.DataFrame | None = None,
    level: float = 0.95,
) -> DidResult:
    """Change from the baseline wave in pilot wijken minus the change in comparison wijken.

    Parameters
    ----------
    values : pandas.DataFrame
        One row per wijk and wave: ``wijk, wave`` and a column per measure
        (e.g. :attr:`WaveMeasures.values`, or any per-wijk-wave table such
        as kernaanpak completeness or mean trust).
    groups : dict, optional
        ``{wijk: "pilot" | "comparison"}``; wijken not in it are left out.
        Default: every wijk a pilot (no comparison wijken).
    measures : sequence of str, optional
        Default: every column except ``wijk``, ``wave`` and ``actors``.
    baseline : str, optional
        The baseline wave (0-meting); default the first of ``waves``.
    waves : sequence of str, optional
        Wave order; default the order of appearance in ``values``.
    replicates : pandas.DataFrame, optional
        ``wijk, wave, replicate`` and the measure columns: bootstrap
        replicates whose replicate ``r`` is one joint draw of every wave of
        a wijk (e.g. :attr:`WaveMeasures.replicates`). Without them the
        intervals are NaN.
    level : float, default 0.95

    Returns
    -------
    DidResult
        ``table`` with :data:`DID_COLUMNS`: one row per measure and later
        wave (``wave_from`` the baseline), ``pilot_change`` and
        ``comparison_change`` (means over the group's wijken),
        ``difference``, the percentile interval ``ci_low, ci_high`` of the
        difference, the numbers of wijken, and ``design``:
        ``"difference_in_differences"``, or ``"change_from_baseline"`` when
        there are no comparison wijken (then ``difference`` is the pilots'
        change and ``comparison_change`` is NaN).

    Notes
    -----
    With ``m_w(t)`` the measure of wijk ``w`` in wave ``t``, ``P`` the pilot
    and ``C`` the comparison wijken with a value in both waves::

        D = mean_(w in P) [m_w(t) - m_w(0)]  -  mean_(w in C) [m_w(t) - m_w(0)]

    Each wijk counts once, whatever its size (the question is about wijken,
    not actors). The interval is the percentile interval of ``D`` over the
    bootstrap replicates, computed replicate by replicate with the same
    wijken (replicates with an undefined value in one of them are left
    out); as wijken are resampled independently, combining their
    replicate ``r`` is a valid joint draw.

    ``D`` estimates the programme's effect on the measure under the
    *parallel trends* assumption: without the programme, the pilots would
    have changed as much as the comparison wijken. It also assumes no
    spill-over to the comparison wijken (they share regional partners) and
    the same way of measuring in all waves. The interval describes the
    uncertainty from which actors took part within these wijken; it
    conditions on the wijken, so it says nothing about how a different set
    of pilot wijken would have fared, and with one or two wijken per group a
    difference may be the wijken's own story as much as the programme's
    (Angrist & Pischke 2009, ch. 5; Bertrand, Duflo & Mullainathan 2004 on
    inference with few groups).

    References
    ----------
    Angrist, J. D., & Pischke, J.-S. (2009). *Mostly Harmless Econometrics*.
    Princeton University Press.
    Bertrand, M., Duflo, E., & Mullainathan, S. (2004). How much should we
    trust differences-in-differences estimates? *Quarterly Journal of
    Economics*, 119(1), 249-275.
    Snijders, T. A. B., & Borgatti, S. P. (1999). Non-parametric standard
    errors and tests for network statistics. *Connections*, 22(2), 1-10.

    Examples
    --------
    Density in two pilot wijken (+0.10 and +0.20) and one comparison wijk
    (+0.05): ``D = 0.15 - 0.05 = 0.10``.

    >>> values = pd.DataFrame({"wijk": ["A", "A", "B", "B", "C", "C"], "wave": ["0", "1"] * 3,
    ...                        "density": [0.1, 0.2, 0.3, 0.5, 0.2, 0.25]})
    >>> did = difference_in_differences(values, groups={"A": "pilot", "B": "pilot", "C": "comparison"})
    >>> row = did.table.iloc[0]
    >>> [round(float(row[c]), 3) for c in ("pilot_change", "comparison_change", "difference")]
    [0.15, 0.05, 0.1]
    >>> row["design"]
    'difference_in_differences'
    """
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, not {level}")
    values = values.copy()
    values["wave"] = values["wave"].astype(str)
    waves = [str(w) for w in (waves if waves is not None else values["wave"].unique())]
    baseline = waves[0] if baseline is None else str(baseline)
    if baseline not in waves:
        raise ValueError(f"baseline wave {baseline!r} is not among the waves {waves}")
    if measures is None:
        measures = [c for c in values.columns if c not in ("wijk", "wave", "actors")]
    wijken = list(dict.fromkeys(values["wijk"]))
    groups = _check_groups(groups, wijken)
    later = [w for w in waves[waves.index(baseline) + 1 :]]
    table = values.set_index(["wijk", "wave"])
    boot = None
    n_boot = 0
    if replicates is not None and len(replicates):
        reps = replicates.assign(wave=replicates["wave"].astype(str)).sort_values("replicate")
        boot = {key: part for key, part in reps.groupby(["wijk", "wave"], sort=False)}
        n_boot = int(replicates["replicate"].nunique())
    alpha = 1 - level
    rows = []
    for measure in measures:
        for wave in later:
            change, boot_change = {}, {}
            for wijk in groups:
                try:
                    before, after = (
                        table.loc[(wijk, baseline), measure],
                        table.loc[(wijk, wave), measure],
                    )
                except KeyError:
                    continue
                if not (np.isfinite(before) and np.isfinite(after)):
                    continue
                change[wijk] = float(after) - float(before)
                if boot is not None and (wijk, wave) in boot and (wijk, baseline) in boot:
                    after_boot = boot[(wijk, wave)][measure].to_numpy(float)
                    boot_change[wijk] = after_boot - boot[(wijk, baseline)][measure].to_numpy(float)
            pilots = [w for w in change if groups[w] == PILOT]
            comparisons = [w for w in change if groups[w] == COMPARISON]
            pilot = float(np.mean([change[w] for w in pilots])) if pilots else np.nan
            comparison = float(np.mean([change[w] for w in comparisons])) if comparisons else np.nan
            design = DID if comparisons else BASELINE_CHANGE
            difference = pilot - comparison if comparisons else pilot
            low = high = np.nan
            if pilots and set(change) <= set(boot_change):  # every wijk has its replicates
                draws = np.mean([boot_change[w] for w in pilots], axis=0)
                if comparisons:
                    draws = draws - np.mean([boot_change[w] for w in comparisons], axis=0)
                draws = draws[np.isfinite(draws)]
                if draws.size >= 2:
                    low, high = (float(q) for q in np.quantile(draws, [alpha / 2, 1 - alpha / 2]))
            rows.append(
                {
                    "measure": measure,
                    "wave_from": baseline,
                    "wave_to": wave,
                    "pilot_change": pilot,
                    "comparison_change": comparison,
                    "difference": difference,
                    "ci_low": low,
                    "ci_high": high,
                    "pilot_wijken": len(pilots),
                    "comparison_wijken": len(comparisons),
                    "design": design,
                }  # fmt: skip
            )
    return DidResult(pd.DataFrame(rows, columns=DID_COLUMNS), dict(groups), level, n_boot)


def network_did(
    project: Project,
    *,
    groups: Mapping[str, str] | None = None,
    measures: Sequence[str] | None = None,
    baseline: str | None = None,
    n_boot: int = N_BOOT,
    seed: int = 0,
    level: float = 0.95,
    attr: str = "domain",
    **graph_options,
) -> DidResult:
    """Difference-in-differences of network measures of a project, pilot against comparison wijken.

    :func:`wave_measures` (paired node bootstrap over actors within wijken)
    followed by :func:`difference_in_differences`; see both for the
    formulas and the assumptions. ``groups`` defaults to the groups of the
    project's wijk metadata (:meth:`wijknet.project.Project.wijk_groups`):
    without a ``wijken`` table (or without a comparison wijk in it) every
    wijk is a pilot, which gives the change against the baseline (``design``
    = ``"change_from_baseline"``).

    For an audience that sees group figures only (leernetwerk), a measure
    of a wave pair in which a wijk has 1 to ``min_cell - 1`` actors in
    either wave is blanked (density and mean degree would give away its
    size, as in :func:`wijknet.analysis.compare.compare_wijken`), and
    trust is blanked where a wijk has fewer than
    :func:`wijknet.analysis.onderstroom.min_raters` raters in either wave.

    ``measures`` defaults to :func:`default_did_measures`: the network
    measures, ``kernaanpak_completeness`` (mean completeness of the
    kernaanpakken, :func:`completeness_replicates`) and, when the project has
    ratings, ``trust`` (mean PARTNER trust score, :func:`trust_replicates`),
    all with the same paired node bootstrap.
    """
    cached = project if isinstance(project, _GraphCache) else _GraphCache(project)
    measures = default_did_measures(project) if measures is None else tuple(measures)
    if groups is None and hasattr(project, "wijk_groups"):
        groups = project.wijk_groups()
    measured = wave_measures(cached, measures=measures, n_boot=n_boot, seed=seed, attr=attr,
                             **graph_options)  # fmt: skip
    result = difference_in_differences(
        measured.values, groups=groups, measures=measured.measures, baseline=baseline,
        waves=list(project.waves), replicates=measured.replicates, level=level,
    )  # fmt: skip
    if is_aggregate_only(project):
        min_cell = project.config.min_cell
        actors = measured.values.set_index(["wijk", "wave"])["actors"]
        tiny = {(w, v) for (w, v), n in actors.items() if 0 < n < min_cell}
        table = result.table.copy()
        for i, row in table.iterrows():
            if any(
                (w, row["wave_from"]) in tiny or (w, row["wave_to"]) in tiny for w in result.groups
            ):
                table.loc[
                    i, ["pilot_change", "comparison_change", "difference", "ci_low", "ci_high"]
                ] = np.nan
        if TRUST in measures:
            from wijknet.analysis.onderstroom import min_raters

            ratings = project.ratings
            raters = ratings.groupby([ratings["wijk"].astype(str), ratings["wave"].astype(str)])[
                "rater"
            ].nunique()
            few = {k for k, n in raters.items() if n < min_raters(project)}
            for i, row in table[table["measure"] == TRUST].iterrows():
                if any(
                    (str(w), str(v)) in few or (str(w), str(v)) not in raters.index
                    for w in result.groups
                    for v in (row["wave_from"], row["wave_to"])
                ):
                    table.loc[
                        i, ["pilot_change", "comparison_change", "difference", "ci_low", "ci_high"]
                    ] = np.nan
        result = DidResult(table, result.groups, result.level, result.n_boot)
    return result


def evaluation_tables(
    project: Project,
    *,
    seed: int = 0,
    groups: Mapping[str, str] | None = None,
    n_boot: int = N_BOOT,
    method: str = "REML",
    **graph_options,
) -> dict[str, pd.DataFrame]:
    """The tables ``did.csv`` and ``meta.csv`` of ``wijknet analyse`` (the evaluation lens).

    Both are aggregates over wijken (no actor rows). Every graph is built
    once and shared by the two analyses.

    Returns
    -------
    dict
        ``{"did": network_did(...).table, "meta": what_works_where(...).table}``.
    """
    cached = _GraphCache(project)
    did = network_did(cached, groups=groups, n_boot=n_boot, seed=seed, **graph_options)
    meta = what_works_where(cached, method=method, seed=seed, **graph_options)
    return {"did": did.table, "meta": meta.table}
