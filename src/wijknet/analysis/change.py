"""Change between waves: which ties are kept, new and lost, and by whom.

Two waves of one wijk are compared dyad by dyad. With ``x_ij`` the tie in the
earlier and ``y_ij`` the tie in the later wave, every dyad is one of::

    N11  kept    x = 1, y = 1
    N01  new     x = 0, y = 1
    N10  lost    x = 1, y = 0
    N00  absent  x = 0, y = 0

Actors enter and leave the network (``first_wave``/``last_wave``). A dyad
that involves an actor absent in either wave is a *structural zero* in that
wave: the tie could not exist, so its appearance or disappearance is not
formation or dissolution. The primary columns therefore count only dyads
between **stable actors** (present in both waves); the columns with the
suffix ``_all`` count every dyad of the actors present in either wave, so a
tie of a newcomer counts as new and a tie of a leaver as lost.

Directed graphs compare ordered pairs ``i != j`` (arcs); undirected graphs
(``symmetrise="union"`` or ``"reciprocated"``) compare unordered pairs. All
comparisons are binary (``weight`` is ignored after the graph options, such
as ``min_weight``, have been applied to both waves alike).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Literal

import numpy as np
import pandas as pd

from wijknet.core.summary import Summary, key_values, label
from wijknet.privacy.suppression import protect_rows
from wijknet.project import Project

Pairs = Literal["consecutive", "all"]

CHANGE_COLUMNS = [
    "wijk", "wave_from", "wave_to", "ties_kept", "ties_new", "ties_lost", "jaccard", "hamming",
    "new_cross_domain", "lost_cross_domain", "kept_cross_domain", "new_same_domain", "lost_same_domain",
    "actors_entered", "actors_left", "actors_stable", "qap_correlation", "qap_p_value",
]  # fmt: skip
EXTRA_COLUMNS = [
    "kept_same_domain", "ties_from", "ties_to", "ties_new_all", "ties_lost_all", "jaccard_all", "hamming_all",
    "new_cross_domain_all", "lost_cross_domain_all", "new_same_domain_all", "lost_same_domain_all", "directed",
    "entrants", "leavers", "entrant_ties", "leaver_ties",
]  # fmt: skip
DOMAIN_PAIR_COLUMNS = [
    "wijk",
    "wave_from",
    "wave_to",
    "from_domain",
    "to_domain",
    "kept",
    "new",
    "lost",
]
METRIC_CHANGE_COLUMNS = [
    "wijk",
    "metric",
    "wave_from",
    "wave_to",
    "value_from",
    "value_to",
    "difference",
]


def wave_pairs(waves: list[str], pairs: Pairs = "consecutive") -> list[tuple[str, str]]:
    """Pairs of waves to compare, in wave order: consecutive waves or every earlier-later pair."""
    if pairs == "consecutive":
        return list(zip(waves, waves[1:]))
    if pairs == "all":
        return list(combinations(waves, 2))
    raise ValueError(f"pairs must be 'consecutive' or 'all', not {pairs!r}")


class WavePair:
    """Adjacency matrices of one wijk in two waves on the union of their actors.

    The dyad classification behind :func:`compare_waves`, for other modules
    that need it tie by tie (e.g. the difference map of :mod:`wijknet.viz`).

    Attributes
    ----------
    nodes : list of str
        Actors present in either wave, in ``actors.csv`` order.
    directed : bool
    present_from, present_to, stable : numpy.ndarray of bool
        Per node: present in the earlier wave, in the later wave, in both.
    domain : numpy.ndarray of str
        Per node, the value of ``attr``.
    cross : numpy.ndarray of bool, (n, n)
        The two ends differ in ``attr``.
    A : list of two numpy.ndarray of bool, (n, n)
        Adjacency in the earlier and the later wave (symmetric if undirected).
    dyads_all, dyads_stable : numpy.ndarray of bool, (n, n)
        The dyads compared: ordered pairs ``i != j`` (directed) or ``i < j``
        (undirected), among all actors or among stable actors.
    """

    def __init__(
        self, project: Project, wijk: str, wave_from: str, wave_to: str, attr: str, **graph_options
    ):
        G1 = project.graph(wijk, wave_from, **graph_options)
        G2 = project.graph(wijk, wave_to, **graph_options)
        actors = project.actors[project.actors["wijk"] == wijk]
        self.nodes = [a for a in actors["actor_id"] if a in G1 or a in G2]  # actors.csv order
        index = {a: i for i, a in enumerate(self.nodes)}
        n = len(self.nodes)
        self.directed = G1.is_directed()
        self.present_from = np.array([a in G1 for a in self.nodes], dtype=bool)
        self.present_to = np.array([a in G2 for a in self.nodes], dtype=bool)
        self.stable = self.present_from & self.present_to
        domain = actors.set_index("actor_id")[attr].reindex(self.nodes).astype(str).to_numpy()
        self.domain = domain
        self.cross = domain[:, None] != domain[None, :]
        self.A = [np.zeros((n, n), dtype=bool), np.zeros((n, n), dtype=bool)]
        for A, G in zip(self.A, (G1, G2)):
            for u, v in G.edges:
                A[index[u], index[v]] = True
                if not self.directed:
                    A[index[v], index[u]] = True
        dyads = (
            ~np.eye(n, dtype=bool) if self.directed else np.triu(np.ones((n, n), dtype=bool), k=1)
        )
        self.dyads_all = dyads
        self.dyads_stable = dyads & self.stable[:, None] & self.stable[None, :]

    def counts(self, mask: np.ndarray) -> dict[str, np.ndarray]:
        """Boolean matrices of the ``kept``, ``new`` and ``lost`` dyads within ``mask``."""
        x, y = self.A
        return {"kept": x & y & mask, "new": ~x & y & mask, "lost": x & ~y & mask}


#: Status codes of a tie between two waves and of an actor.
KEPT, NEW, LOST = "kept", "new", "lost"
TIE_STATUSES = (KEPT, NEW, LOST)
STABLE, ENTERED, LEFT = "stable", "entered", "left"
ACTOR_STATUSES = (STABLE, ENTERED, LEFT)
TIE_COLUMNS = ["source", "target", "status", "cross_domain", "structural"]
ACTOR_COLUMNS = ["actor_id", "status"]

TEXTS = {
    "title": {
        "nl": "Verandering: {wijk}, {wave_from} naar {wave_to}",
        "en": "Change: {wijk}, {wave_from} to {wave_to}",
    },
    "ties_kept": {"nl": "relaties gebleven", "en": "ties kept"},
    "ties_new": {"nl": "relaties nieuw", "en": "ties new"},
    "ties_lost": {"nl": "relaties verdwenen", "en": "ties lost"},
    "stable": {"nl": "actoren in beide metingen", "en": "actors in both waves"},
    "entrants": {"nl": "nieuwe actoren", "en": "entrants"},
    "leavers": {"nl": "vertrokken actoren", "en": "leavers"},
    "entrant_ties": {"nl": "relaties van nieuwe actoren", "en": "ties of entrants"},
    "leaver_ties": {"nl": "relaties van vertrokken actoren", "en": "ties of leavers"},
    "note": {
        "nl": "Relaties van nieuwe actoren tellen als nieuw, relaties van vertrokken actoren als verdwenen.",
        "en": "Ties of entrants count as new, ties of leavers as lost.",
    },
}


@dataclass(frozen=True)
class WaveChange:
    """Tie by tie and actor by actor: what changed in one wijk between two waves.

    Made by :func:`wave_change`. Every dyad of the actors present in either
    wave is classified: a tie of an entrant is new, a tie of a leaver is
    lost, and both are marked ``structural`` (the tie could not exist in the
    other wave).

    Attributes
    ----------
    wijk, wave_from, wave_to : str
    directed : bool
    ties : pandas.DataFrame
        :data:`TIE_COLUMNS`: ``source, target, status, cross_domain,
        structural``, one row per tie present in either wave, ``status``
        ``"kept"``, ``"new"`` or ``"lost"`` (undirected: one row per pair).
    actors : pandas.DataFrame
        :data:`ACTOR_COLUMNS`: ``actor_id, status`` for every actor present in
        either wave (``actors.csv`` order), ``status`` ``"stable"``,
        ``"entered"`` or ``"left"``.

    Examples
    --------
    >>> import pandas as pd
    >>> ties = pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "c", "c"],
    ...     "status": ["kept", "new", "lost"], "cross_domain": [False, True, True],
    ...     "structural": [False, True, False]})
    >>> actors = pd.DataFrame({"actor_id": ["a", "b", "c", "d"],
    ...     "status": ["stable", "stable", "entered", "left"]})
    >>> change = WaveChange("Noord", "2025", "2026", True, ties, actors)
    >>> change.counts()
    {'ties_kept': 1, 'ties_new': 1, 'ties_lost': 1, 'stable': 2, 'entrants': 1, 'leavers': 1, 'entrant_ties': 1, 'leaver_ties': 0}
    >>> change.to_frame().loc[0, "entrants"]
    np.int64(1)
    >>> print(change.summary(lang="en").as_text().splitlines()[0])
    Change: Noord, 2025 to 2026
    """

    wijk: str
    wave_from: str
    wave_to: str
    directed: bool
    ties: pd.DataFrame
    actors: pd.DataFrame

    @property
    def entrants(self) -> int:
        """Actors present in the later wave only."""
        return int((self.actors["status"] == ENTERED).sum())

    @property
    def leavers(self) -> int:
        """Actors present in the earlier wave only."""
        return int((self.actors["status"] == LEFT).sum())

    def counts(self) -> dict[str, int]:
        """Kept, new and lost ties (all actors), stable actors, entrants, leavers and their ties.

        ``entrant_ties`` are the new ties of an entrant, ``leaver_ties`` the
        lost ties of a leaver (the ``structural`` ones), so ``ties_new -
        entrant_ties`` and ``ties_lost - leaver_ties`` are the changes among
        stable actors.
        """
        status = self.ties["status"]
        structural = self.ties["structural"].astype(bool)
        return {
            "ties_kept": int((status == KEPT).sum()),
            "ties_new": int((status == NEW).sum()),
            "ties_lost": int((status == LOST).sum()),
            "stable": int((self.actors["status"] == STABLE).sum()),
            "entrants": self.entrants,
            "leavers": self.leavers,
            "entrant_ties": int(((status == NEW) & structural).sum()),
            "leaver_ties": int(((status == LOST) & structural).sum()),
        }

    def to_frame(self) -> pd.DataFrame:
        """The counts as a one-row DataFrame with ``wijk``, ``wave_from`` and ``wave_to``."""
        return pd.DataFrame(
            [
                {
                    "wijk": self.wijk,
                    "wave_from": self.wave_from,
                    "wave_to": self.wave_to,
                    **self.counts(),
                }
            ]
        )

    def summary(self, lang: str | None = None) -> Summary:
        """The counts as a printable :class:`~wijknet.core.summary.Summary` in Dutch or English."""
        counts = self.counts()
        table = key_values(counts, lang)
        table[table.columns[0]] = [label(TEXTS, key, lang) for key in counts]
        title = label(TEXTS, "title", lang).format(
            wijk=self.wijk, wave_from=self.wave_from, wave_to=self.wave_to
        )
        return Summary(title, [("", table)], notes=[label(TEXTS, "note", lang)], lang=lang)


def wave_change(
    project: Project,
    wijk: str,
    wave_from: str,
    wave_to: str,
    *,
    attr: str = "domain",
    **graph_options,
) -> WaveChange:
    """Kept, new and lost ties and stable, entering and leaving actors of one wijk, tie by tie.

    Parameters
    ----------
    project : Project
    wijk, wave_from, wave_to : str
    attr : str, default "domain"
        Actor attribute that decides whether a tie crosses domains.
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph` for both waves
        (``tie_types``, ``min_weight``, ``symmetrise``), as in
        :func:`compare_waves`.

    Returns
    -------
    WaveChange
        The tidy ``ties`` and ``actors`` tables and their counts. The counts
        are those of :func:`compare_waves` over all actors: ``ties_kept``,
        ``ties_new_all``, ``ties_lost_all``, ``actors_entered`` (=
        ``entrants``), ``actors_left`` (= ``leavers``).

    Notes
    -----
    With ``x`` the earlier and ``y`` the later adjacency matrix on the union
    of the actors, a dyad is kept when ``x_ij = y_ij = 1``, new when
    ``x_ij = 0, y_ij = 1`` and lost when ``x_ij = 1, y_ij = 0``; a dyad with
    an actor absent in one wave is a structural zero there (see the module
    docstring).
    """
    pair = WavePair(project, wijk, wave_from, wave_to, attr, **graph_options)
    counts = pair.counts(pair.dyads_all)
    structural = ~(pair.stable[:, None] & pair.stable[None, :])
    rows = [
        {
            "source": pair.nodes[i],
            "target": pair.nodes[j],
            "status": status,
            "cross_domain": bool(pair.cross[i, j]),
            "structural": bool(structural[i, j]),
        }
        for status in TIE_STATUSES
        for i, j in zip(*np.nonzero(counts[status]))
    ]
    status = np.where(pair.stable, STABLE, np.where(pair.present_to, ENTERED, LEFT))
    return WaveChange(
        wijk=wijk,
        wave_from=wave_from,
        wave_to=wave_to,
        directed=pair.directed,
        ties=pd.DataFrame(rows, columns=TIE_COLUMNS),
        actors=pd.DataFrame({"actor_id": pair.nodes, "status": status}, columns=ACTOR_COLUMNS),
    )


def _jaccard(kept: int, new: int, lost: int) -> float:
    total = kept + new + lost
    return kept / total if total else float("nan")


def compare_waves(
    project: Project,
    wijk: str,
    wave_from: str,
    wave_to: str,
    *,
    attr: str = "domain",
    n_permutations: int = 1000,
    seed: int = 0,
    **graph_options,
) -> pd.DataFrame:
    """Tie change of one wijk between two waves, as a one-row DataFrame.

    Parameters
    ----------
    project : Project
    wijk : str
    wave_from, wave_to : str
        The earlier and the later wave.
    attr : str, default "domain"
        Actor attribute for the cross-domain counts.
    n_permutations : int, default 1000
        Permutations of the QAP test (0: no test, p-value NaN).
    seed : int, default 0
        Seed of the QAP permutations.
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph` for both waves
        (``tie_types``, ``min_weight``, ``symmetrise``).

    Returns
    -------
    pandas.DataFrame
        One row with the columns of :data:`CHANGE_COLUMNS`, then
        :data:`EXTRA_COLUMNS`:

        ``ties_kept``, ``ties_new``, ``ties_lost``
            ``N11``, ``N01``, ``N10`` over dyads between stable actors.
        ``jaccard``
            ``N11 / (N01 + N10 + N11)``; NaN without ties in either wave.
        ``hamming``
            ``N01 + N10``, the number of dyads that changed (``sna::hdist``).
        ``new_cross_domain``, ``lost_cross_domain``, ``kept_cross_domain``,
        ``new_same_domain``, ``lost_same_domain``, ``kept_same_domain``
            the same counts split by whether the two actors differ in ``attr``.
        ``actors_entered``, ``actors_left``, ``actors_stable``
            actors present only in the later wave, only in the earlier wave,
            in both.
        ``qap_correlation``, ``qap_p_value``
            graph correlation of the two waves over stable actors, with the
            two-sided QAP p-value (:func:`wijknet.inference.qap.qap_correlation`).
        ``ties_from``, ``ties_to``
            all ties of each wave (all actors).
        ``*_all``
            the counts over the dyads of all actors present in either wave:
            ties of newcomers count as new, ties of leavers as lost.
            ``N11`` is the same in both versions.
        ``directed``
            whether arcs (True) or undirected edges were compared.
        ``entrants``, ``leavers``
            the same as ``actors_entered`` and ``actors_left`` (the names of
            :class:`WaveChange`).
        ``entrant_ties``, ``leaver_ties``
            ties of entrants (``ties_new_all - ties_new``) and of leavers
            (``ties_lost_all - ties_lost``).

    Notes
    -----
    The result stays a tidy one-row DataFrame rather than a result object:
    its rows are concatenated into the change table of every wijk and pair
    of waves (:func:`change_table`, :func:`wijknet.analysis.standard.analyse`),
    written to ``change.csv`` and protected for a leernetwerk row by row
    (:func:`protect_change`). The tie-by-tie result object is
    :class:`WaveChange` (:func:`wave_change`).

    The Jaccard index measures how much of the network persists; Snijders,
    van de Bunt & Steglich (2010) use it to judge whether two waves are close
    enough for a stochastic actor-oriented model, and the RSiena manual
    advises: 0.3 or more is good, below 0.2 problematic, below 0.1 very low.
    Low values also arise when the waves were measured differently.

    The graph correlation is Pearson's r of the dyad values of the two
    adjacency matrices (for binary ties the phi coefficient), as
    ``sna::gcor``; its QAP p-value relabels the actors of one wave at random
    (Krackhardt 1987), which keeps the dependence among each actor's ties.

    References
    ----------
    Snijders, T. A. B., van de Bunt, G. G., & Steglich, C. E. G. (2010).
    Introduction to stochastic actor-based models for network dynamics.
    *Social Networks*, 32(1), 44-60.
    Ripley, R. M., Snijders, T. A. B., Boda, Z., Vörös, A., & Preciado, P.
    (2024). *Manual for RSiena*. University of Oxford.
    Krackhardt, D. (1987). QAP partialling as a test of spuriousness.
    *Social Networks*, 9(2), 171-186.
    Hamming, R. W. (1950). Error detecting and error correcting codes. *Bell
    System Technical Journal*, 29(2), 147-160.
    """
    from wijknet.inference.qap import qap_correlation

    pair = WavePair(project, wijk, wave_from, wave_to, attr, **graph_options)
    row: dict = {"wijk": wijk, "wave_from": wave_from, "wave_to": wave_to}
    for suffix, mask in (("", pair.dyads_stable), ("_all", pair.dyads_all)):
        counts = pair.counts(mask)
        kept, new, lost = (int(counts[k].sum()) for k in ("kept", "new", "lost"))
        row[f"ties_new{suffix}"], row[f"ties_lost{suffix}"] = new, lost
        row[f"jaccard{suffix}"], row[f"hamming{suffix}"] = _jaccard(kept, new, lost), new + lost
        for kind in ("new", "lost", "kept"):
            row[f"{kind}_cross_domain{suffix}"] = int((counts[kind] & pair.cross).sum())
            row[f"{kind}_same_domain{suffix}"] = int((counts[kind] & ~pair.cross).sum())
        if suffix == "":
            row["ties_kept"] = kept
    del (
        row["kept_cross_domain_all"],
        row["kept_same_domain_all"],
    )  # equal to the stable-actor counts
    row["actors_entered"] = int((pair.present_to & ~pair.present_from).sum())
    row["actors_left"] = int((pair.present_from & ~pair.present_to).sum())
    row["actors_stable"] = int(pair.stable.sum())
    row["ties_from"] = int((pair.A[0] & pair.dyads_all).sum())
    row["ties_to"] = int((pair.A[1] & pair.dyads_all).sum())
    row["directed"] = pair.directed
    row["entrants"], row["leavers"] = row["actors_entered"], row["actors_left"]
    row["entrant_ties"] = row["ties_new_all"] - row["ties_new"]
    row["leaver_ties"] = row["ties_lost_all"] - row["ties_lost"]
    stable = np.flatnonzero(pair.stable)
    if stable.size >= 3:
        x, y = (A[np.ix_(stable, stable)].astype(float) for A in pair.A)
        qap = qap_correlation(
            x, y, n_permutations=n_permutations, seed=seed, directed=pair.directed
        )
        row["qap_correlation"], row["qap_p_value"] = qap.statistic, qap.p_value
    else:
        row["qap_correlation"] = row["qap_p_value"] = float("nan")
    return pd.DataFrame([row])[CHANGE_COLUMNS + EXTRA_COLUMNS]


def change_table(
    project: Project,
    *,
    pairs: Pairs = "consecutive",
    attr: str = "domain",
    n_permutations: int = 1000,
    seed: int = 0,
    **graph_options,
) -> pd.DataFrame:
    """:func:`compare_waves` for every wijk and pair of waves.

    Parameters
    ----------
    project : Project
    pairs : {"consecutive", "all"}, default "consecutive"
        Compare each wave with the next one, or every earlier wave with every
        later one (see :func:`wave_pairs`).
    attr, n_permutations, seed, **graph_options
        As in :func:`compare_waves`.

    Returns
    -------
    pandas.DataFrame
        One row per wijk and pair of waves (wijk order, then wave order);
        no rows for a project with a single wave. For an aggregate-only
        audience (leernetwerk) the counts follow the disclosure-control rule
        (:func:`protect_for_audience`).
    """
    rows = [
        compare_waves(
            project,
            wijk,
            a,
            b,
            attr=attr,
            n_permutations=n_permutations,
            seed=seed,
            **graph_options,
        )
        for wijk in project.wijken
        for a, b in wave_pairs(project.waves, pairs)
    ]
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in CHANGE_COLUMNS + EXTRA_COLUMNS})
    return protect_for_audience(project, pd.concat(rows, ignore_index=True))


def protect_for_audience(project: Project, change: pd.DataFrame) -> pd.DataFrame:
    """Rows of :func:`compare_waves` as the audience of ``project`` may see them.

    For a project restricted to an aggregate-only audience (leernetwerk,
    :func:`wijknet.privacy.suppression.is_aggregate_only`) this is the rule of
    the wave comparison of :func:`wijknet.analysis.standard.analyse`
    (:func:`protect_change`): counts of actors and ties
    that are small, or that follow from the counts shown beside them (kept +
    new = ties of the later wave, stable + entered = actors of the later
    wave, ...), become NaN, and so does the Jaccard index computed from
    them. Other audiences get ``change`` unchanged.
    """
    from wijknet.privacy.suppression import is_aggregate_only

    if not is_aggregate_only(project):
        return change
    return protect_change(change, project.config.min_cell, hidden_totals=hidden_tie_totals(project))


def hidden_tie_totals(project: Project) -> set[tuple[str, str]]:
    """The ``(wijk, wave)`` whose tie total the network table hides from a leernetwerk.

    The same decision as :func:`wijknet.analysis.standard.protect_aggregates`:
    the domain-mixing cells of each wijk and wave with the network total,
    under :func:`wijknet.privacy.suppression.protect_mixing`. A wave
    comparison must not show such a total as ``ties_from`` or ``ties_to``.
    """
    from wijknet.graph.build import build_graph
    from wijknet.metrics import mixing_matrix
    from wijknet.privacy.suppression import hidden_totals, protect_mixing

    frames = [
        mixing_matrix(build_graph(project, wijk, wave), taxonomy=project.taxonomy).assign(
            wijk=wijk, wave=wave
        )
        for wijk in project.wijken
        for wave in project.waves
    ]
    if not frames:
        return set()
    _mixing, hidden = protect_mixing(pd.concat(frames, ignore_index=True), project.config.min_cell)
    return hidden_totals(hidden)


#: Lines between the counts of one row of :func:`compare_waves`; ``*_x`` are the counts
#: of the ties of actors who entered or left (the ``*_all`` count minus the stable-actor count).
CHANGE_LINES = (
    ("ties_to", ["ties_kept", "ties_new_all"]), ("ties_from", ["ties_kept", "ties_lost_all"]),
    ("hamming", ["ties_new", "ties_lost"]), ("hamming_all", ["ties_new_all", "ties_lost_all"]),
    ("ties_kept", ["kept_cross_domain", "kept_same_domain"]),
    ("ties_new", ["new_cross_domain", "new_same_domain"]), ("ties_lost", ["lost_cross_domain", "lost_same_domain"]),
    ("ties_new_all", ["new_cross_domain_all", "new_same_domain_all"]),
    ("ties_lost_all", ["lost_cross_domain_all", "lost_same_domain_all"]),
    ("ties_new_all", ["ties_new", "new_x"]), ("ties_lost_all", ["ties_lost", "lost_x"]),
    ("new_cross_domain_all", ["new_cross_domain", "new_cross_x"]),
    ("lost_cross_domain_all", ["lost_cross_domain", "lost_cross_x"]),
    ("new_same_domain_all", ["new_same_domain", "new_same_x"]),
    ("lost_same_domain_all", ["lost_same_domain", "lost_same_x"]),
    ("actors_to", ["actors_stable", "actors_entered"]), ("actors_from", ["actors_stable", "actors_left"]),
)  # fmt: skip
#: Columns of compare_waves that repeat another count, under the names of WaveChange.
_ALIASES = {"entrants": "actors_entered", "leavers": "actors_left", "entrant_ties": "new_x",
            "leaver_ties": "lost_x"}  # fmt: skip
_JACCARD = {
    "": ("ties_kept", "ties_new", "ties_lost"),
    "_all": ("ties_kept", "ties_new_all", "ties_lost_all"),
}


def protect_change(
    change: pd.DataFrame, min_cell: int, *, hidden_totals: set | frozenset = frozenset()
) -> pd.DataFrame:
    """The wave comparison with the disclosure-control rule applied to its counts of ties and actors.

    Each row is protected on its own with :data:`CHANGE_LINES` (kept + new
    = ties of the later wave, and so on). The actors of each wave are shown
    in the network table and count as known; the ties of each wave
    (``ties_from``, ``ties_to``) are the network's tie totals, blanked only
    when small, as there (so they cost more than any other count). The
    ties of fewer than ``min_cell`` newcomers or leavers (``ties_new_all -
    ties_new``) are blanked whatever their number, so that no one person's
    ties can be read off. The Jaccard index is blanked with any of its counts.
    ``hidden_totals`` holds the ``(wijk, wave)`` whose tie total the network
    table hides (:func:`hidden_tie_totals`): there ``ties_from``/``ties_to``
    are suppressed too, with what would give them away.
    """
    if change is None or change.empty:
        return change
    table = change.assign(
        new_x=change["ties_new_all"] - change["ties_new"], lost_x=change["ties_lost_all"] - change["ties_lost"],
        new_cross_x=change["new_cross_domain_all"] - change["new_cross_domain"],
        lost_cross_x=change["lost_cross_domain_all"] - change["lost_cross_domain"],
        new_same_x=change["new_same_domain_all"] - change["new_same_domain"],
        lost_same_x=change["lost_same_domain_all"] - change["lost_same_domain"],
        actors_to=change["actors_stable"] + change["actors_entered"],
        actors_from=change["actors_stable"] + change["actors_left"],
    )  # fmt: skip
    # the ties of fewer than min_cell newcomers (or leavers) are about each of them, however many ties
    about = {
        "actors_entered": ["new_x", "new_cross_x", "new_same_x"],
        "actors_left": ["lost_x", "lost_cross_x", "lost_same_x"],
    }
    withheld = None
    if hidden_totals:
        withheld = pd.DataFrame(
            {
                "ties_from": [
                    (w, a) in hidden_totals for w, a in zip(table["wijk"], table["wave_from"])
                ],
                "ties_to": [
                    (w, b) in hidden_totals for w, b in zip(table["wijk"], table["wave_to"])
                ],
            },
            index=table.index,
        )
    table = protect_rows(
        table,
        CHANGE_LINES,
        min_cell,
        known=["actors_to", "actors_from"],
        cost={"ties_to": 100.0, "ties_from": 100.0},
        about=about,
        withheld=withheld,
    )
    for suffix, counts in _JACCARD.items():
        table.loc[table[list(counts)].isna().any(axis=1), f"jaccard{suffix}"] = float("nan")
    # the names of WaveChange repeat protected counts: they are blanked with them
    for name, source in _ALIASES.items():
        if name in table.columns:
            table[name] = table[source]
    return table[list(change.columns)]


def change_by_domain_pair(
    project: Project,
    wijk: str,
    wave_from: str,
    wave_to: str,
    *,
    attr: str = "domain",
    stable_only: bool = True,
    **graph_options,
) -> pd.DataFrame:
    """Kept, new and lost ties per pair of domains between two waves.

    Parameters
    ----------
    project : Project
    wijk, wave_from, wave_to : str
    attr : str, default "domain"
    stable_only : bool, default True
        Count only dyads between stable actors (as the primary columns of
        :func:`compare_waves`); False counts all actors (the ``_all`` version).
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph`.

    Returns
    -------
    pandas.DataFrame
        ``wijk, wave_from, wave_to, from_domain, to_domain, kept, new, lost``:
        one row per ordered pair of domains (directed: from the sender's to
        the receiver's domain) or unordered pair (undirected: the domain
        first in taxonomy order is ``from_domain``) that has a tie in either
        wave, in taxonomy order. Summed over the rows, ``kept``, ``new`` and
        ``lost`` equal ``ties_kept``, ``ties_new`` and ``ties_lost`` of
        :func:`compare_waves`; rows with ``from_domain != to_domain`` add up
        to its ``*_cross_domain`` columns.
    """
    pair = WavePair(project, wijk, wave_from, wave_to, attr, **graph_options)
    counts = pair.counts(pair.dyads_stable if stable_only else pair.dyads_all)
    order = {d: i for i, d in enumerate(project.taxonomy.order(set(pair.domain)))}
    records: dict[tuple[str, str], dict[str, int]] = {}
    for kind, matrix in counts.items():
        for i, j in zip(*np.nonzero(matrix)):
            a, b = pair.domain[i], pair.domain[j]
            if not pair.directed and order[b] < order[a]:
                a, b = b, a
            records.setdefault((a, b), {"kept": 0, "new": 0, "lost": 0})[kind] += 1
    rows = [
        {
            "wijk": wijk,
            "wave_from": wave_from,
            "wave_to": wave_to,
            "from_domain": a,
            "to_domain": b,
            **c,
        }
        for (a, b), c in sorted(
            records.items(), key=lambda item: (order[item[0][0]], order[item[0][1]])
        )
    ]
    table = pd.DataFrame(rows, columns=DOMAIN_PAIR_COLUMNS)
    return table.astype({"kept": int, "new": int, "lost": int})


def change_by_domain_pair_table(
    project: Project,
    *,
    pairs: Pairs = "consecutive",
    attr: str = "domain",
    stable_only: bool = True,
    **graph_options,
) -> pd.DataFrame:
    """:func:`change_by_domain_pair` for every wijk and pair of waves, in one table."""
    parts = [
        change_by_domain_pair(
            project, wijk, a, b, attr=attr, stable_only=stable_only, **graph_options
        )
        for wijk in project.wijken
        for a, b in wave_pairs(project.waves, pairs)
    ]
    return (
        pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=DOMAIN_PAIR_COLUMNS)
    )


def metric_change(
    network: pd.DataFrame, *, waves: list[str] | None = None, pairs: Pairs = "consecutive"
) -> pd.DataFrame:
    """The change in every network measure between waves, as a long table.

    Parameters
    ----------
    network : pandas.DataFrame
        One row per wijk and wave with numeric measure columns, e.g.
        ``wijknet.analyse(project).network_metrics`` (see
        :func:`wijknet.metrics.network_metrics`).
    waves : list of str, optional
        Wave order (e.g. ``project.waves``); default: the order of first
        appearance in ``network``.
    pairs : {"consecutive", "all"}, default "consecutive"

    Returns
    -------
    pandas.DataFrame
        ``wijk, metric, wave_from, wave_to, value_from, value_to,
        difference`` with ``difference = value_to - value_from`` (NaN where
        either value is NaN), one row per wijk, pair of waves and measure, in
        the column order of ``network``.
    """
    waves = list(waves) if waves is not None else list(dict.fromkeys(network["wave"]))
    metrics = [c for c in network.columns if c not in ("wijk", "wave") and pd.api.types.is_numeric_dtype(network[c])
               and not pd.api.types.is_bool_dtype(network[c])]  # fmt: skip
    indexed = network.set_index(["wijk", "wave"])
    rows = []
    for wijk in dict.fromkeys(network["wijk"]):
        for a, b in wave_pairs(waves, pairs):
            if (wijk, a) not in indexed.index or (wijk, b) not in indexed.index:
                continue
            before, after = indexed.loc[(wijk, a)], indexed.loc[(wijk, b)]
            for metric in metrics:
                x, y = float(before[metric]), float(after[metric])
                rows.append({"wijk": wijk, "metric": metric, "wave_from": a, "wave_to": b, "value_from": x,
                             "value_to": y, "difference": y - x})  # fmt: skip
    return pd.DataFrame(rows, columns=METRIC_CHANGE_COLUMNS)
