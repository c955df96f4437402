"""The standard analysis of a project: every wijk and wave, tidy tables out.

:func:`analyse` is what ``wijknet analyse`` and the app run; a researcher can
call it in a notebook and get the same numbers.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from wijknet.analysis.change import CHANGE_COLUMNS, compare_waves, wave_pairs
from wijknet.analysis.change import CHANGE_LINES as CHANGE_LINES  # re-exported: it lived here
from wijknet.analysis.change import protect_change as protect_change
from wijknet.analysis.parallel import run_tasks as run_tasks  # re-exported
from wijknet.graph.build import build_graph
from wijknet.metrics import actor_metrics, ei_index_by_group, mixing_matrix, network_metrics
from wijknet.privacy.suppression import (
    hidden_totals,
    is_aggregate_only,
    protect_counts,
    protect_ei_domains,
    protect_mixing,
    protect_network,
)
from wijknet.project import Project

ACTOR_COLUMNS = [
    "wijk",
    "wave",
    "actor_id",
    "domain",
    "in_degree",
    "out_degree",
    "betweenness",
    "coordinator",
    "itinerant",
    "representative",
    "gatekeeper",
    "liaison",
    "brokerage_total",
    "constraint",
    "effective_size",
    "ei_individual",
]
NETWORK_COLUMNS = [
    "wijk",
    "wave",
    "actors",
    "ties",
    "density",
    "reciprocity",
    "components",
    "transitivity",
    "cross_domain_share",
    "ei_index",
    "ei_expected",
    "ei_p_value",
    "assortativity",
]
MIXING_COLUMNS = ["wijk", "wave", "from_domain", "to_domain", "ties", "row_share"]
EI_DOMAIN_COLUMNS = ["wijk", "wave", "domain", "internal", "external", "ei_index"]


@dataclass
class AnalysisResult:
    """Tables of one analysis run; the required columns come first, extra measures after.

    ``change`` holds :func:`wijknet.analysis.change.compare_waves` for every wijk and
    pair of consecutive waves (no rows with a single wave); ``kpi3`` holds
    :func:`wijknet.analysis.kpi.kpi3`, or ``None`` when the project has no survey
    responses.

    For a project restricted to the ``leernetwerk`` audience
    ``actor_metrics`` is ``None``: only group-level tables (per wijk, wave,
    domain and domain pair), protected by :func:`protect_aggregates`.

    ``actor_metrics``, ``network_metrics``, ``mixing`` and ``ei_domains`` are
    computed on the graphs after the treatment of non-response named in
    their last column ``nonresponse`` (``"none"``: the graphs as observed;
    see :mod:`wijknet.analysis.nonresponse`); ``change`` and ``kpi3`` are never
    treated. ``settings["nonresponse"]`` holds the same name.
    """

    actor_metrics: pd.DataFrame | None
    network_metrics: pd.DataFrame
    mixing: pd.DataFrame
    settings: dict
    ei_domains: pd.DataFrame | None = None
    change: pd.DataFrame | None = None
    kpi3: pd.DataFrame | None = None
    #: The programme's own tables by file stem (:func:`wijknet.analysis.programme.programme_tables`).
    programme: dict[str, pd.DataFrame] = field(default_factory=dict)

    def write(self, out_dir: str | Path) -> list[Path]:
        """Write the tables as CSV files into ``out_dir``.

        ``actor_metrics.csv`` (not for a leernetwerk), ``network_metrics.csv``,
        ``mixing.csv``, ``ei_domains.csv``, ``change.csv`` and, with survey
        responses, ``kpi3.csv``; then each table of ``programme`` as ``<stem>.csv``.

        Files are written to a temporary folder first and moved into place
        only when all of them are complete, so a failure leaves ``out_dir`` as
        it was.
        """
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        tables = {"actor_metrics.csv": self.actor_metrics} if self.actor_metrics is not None else {}
        tables |= {"network_metrics.csv": self.network_metrics, "mixing.csv": self.mixing}
        if self.ei_domains is not None:
            tables["ei_domains.csv"] = self.ei_domains
        if self.change is not None:
            tables["change.csv"] = self.change
        if self.kpi3 is not None:
            tables["kpi3.csv"] = self.kpi3
        tables |= {f"{stem}.csv": table for stem, table in self.programme.items()}
        with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
            for name, table in tables.items():
                table.to_csv(Path(tmp) / name, index=False)
            written = []
            for name in tables:
                target = out_dir / name
                shutil.move(str(Path(tmp) / name), target)
                written.append(target)
        return written


def _order(df: pd.DataFrame, first: list[str]) -> pd.DataFrame:
    return df[first + [c for c in df.columns if c not in first]]


def analyse_graph(
    project: Project,
    wijk: str,
    wave: str,
    *,
    attr: str = "domain",
    n_permutations: int = 1000,
    seed: int = 0,
    nonresponse: str = "none",
    **graph_options,
) -> tuple[pd.DataFrame, ...]:
    """Actor metrics, network metrics, mixing and E-I per domain of one wijk and wave.

    With ``nonresponse`` other than ``"none"`` the graph is
    :func:`wijknet.analysis.nonresponse.treated_graph` (imputations seeded with
    ``seed``), else :func:`wijknet.graph.build.build_graph`.
    """
    if nonresponse == "none":
        G = build_graph(project, wijk, wave, **graph_options)
    else:
        from wijknet.analysis.nonresponse import treated_graph

        G = treated_graph(project, wijk, wave, nonresponse, seed=seed, **graph_options)
    key = {"wijk": wijk, "wave": wave}
    actors = actor_metrics(G, attr=attr).assign(**key)
    network = network_metrics(G, attr=attr, n_permutations=n_permutations, seed=seed).assign(**key)
    mixing = mixing_matrix(G, attr=attr, taxonomy=project.taxonomy).assign(**key)
    ei_domains = (
        ei_index_by_group(G, attr=attr, taxonomy=project.taxonomy)
        .rename(columns={"group": "domain"})
        .assign(**key)
    )
    return actors, network, mixing, ei_domains


def analyse(
    project: Project,
    *,
    attr: str = "domain",
    n_permutations: int = 1000,
    seed: int = 0,
    n_jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    nonresponse: str = "none",
    scheduler=None,
    **graph_options,
) -> AnalysisResult:
    """Compute actor metrics, network metrics, domain mixing and E-I per domain for every wijk and wave.

    Parameters
    ----------
    project : Project
    attr : str
        Node attribute that defines the groups (default ``"domain"``).
    n_permutations : int
        Label permutations for the E-I p-value.
    seed : int
        Seed of every permutation test; the same seed gives the same numbers.
    n_jobs : int
        Graphs analysed in parallel with joblib (``-1``: all cores).
    progress : callable, optional
        Called as ``progress(done, total)`` after each graph and each
        comparison of two waves (``total`` counts both).
    nonresponse : str, default "none"
        Treatment of non-response applied to every graph before the actor
        and network measures, mixing and E-I per domain are computed: one of
        :data:`wijknet.analysis.nonresponse.METHODS` (``"none"``, ``"drop"``,
        ``"reconstruct"``, ``"impute"``, ``"impute_reciprocity"``; see
        :func:`wijknet.analysis.nonresponse.treat_nonresponse`). Imputations use
        ``seed``. The tables get a last column ``nonresponse`` with this
        name; the wave comparison (``change``) uses the observed graphs.
    scheduler : str, dask.distributed.Client or LocalCluster, optional
        Send the work to a Dask cluster instead (:func:`run_tasks`): the
        address of its scheduler (``"tcp://host:8786"``), a ``Client`` or a
        cluster object. ``n_jobs`` is then ignored. The numbers are identical
        to a local run with the same ``seed``: every network's tests are
        seeded by ``seed`` inside its own task, never by the worker or the
        order in which tasks finish.
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph` (``tie_types``,
        ``min_weight``, ``symmetrise``).

    Returns
    -------
    AnalysisResult
        With ``change`` (consecutive waves; QAP with ``n_permutations`` and
        ``seed``) and, when the project has survey responses, ``kpi3``. For a
        project restricted to the ``leernetwerk`` audience there are no actor
        rows (``actor_metrics`` is None) and every table is protected by the
        disclosure-control rule (:func:`protect_aggregates`).
    """
    from wijknet.analysis.kpi import kpi3
    from wijknet.analysis.nonresponse import METHODS
    from wijknet.analysis.programme import programme_tables
    from wijknet.io.tidy import check_analysable

    if nonresponse not in METHODS:
        raise ValueError(f"nonresponse must be one of {', '.join(METHODS)}, not {nonresponse!r}")
    check_analysable(
        project
    )  # no waves: a DataError instead of pandas' "No objects to concatenate"
    keys = [(w, v) for w in project.wijken for v in project.waves]
    pairs = [(w, a, b) for w in project.wijken for a, b in wave_pairs(project.waves)]
    options = dict(attr=attr, n_permutations=n_permutations, seed=seed, **graph_options)
    tasks = [(analyse_graph, (w, v), {**options, "nonresponse": nonresponse}) for w, v in keys]
    tasks += [(compare_waves, (w, a, b), options) for w, a, b in pairs]
    results = run_tasks(project, tasks, n_jobs=n_jobs, scheduler=scheduler, progress=progress)
    parts, changes = results[: len(keys)], results[len(keys) :]
    change = (
        pd.concat(changes, ignore_index=True) if changes else pd.DataFrame(columns=CHANGE_COLUMNS)
    )
    actors = pd.concat([p[0] for p in parts], ignore_index=True)
    network = pd.concat([p[1] for p in parts], ignore_index=True)
    mixing = pd.concat([p[2] for p in parts], ignore_index=True)
    ei_domains = pd.concat([p[3] for p in parts], ignore_index=True)
    settings = {
        "attr": attr,
        "n_permutations": n_permutations,
        "seed": seed,
        "nonresponse": nonresponse,
        **graph_options,
    }
    treated = {"nonresponse": nonresponse}  # the last column of every table computed on the graphs
    aggregate = is_aggregate_only(project)
    if aggregate:  # a leernetwerk gets group figures only, protected by the one rule
        mixing, network, ei_domains, change = protect_aggregates(
            mixing, network, ei_domains, change, project.config.min_cell,
            symmetric=graph_options.get("symmetrise") not in (None, "none"))  # fmt: skip
    return AnalysisResult(
        actor_metrics=None if aggregate else _order(actors, ACTOR_COLUMNS).assign(**treated),
        network_metrics=_order(network, NETWORK_COLUMNS).assign(**treated),
        mixing=_order(mixing, MIXING_COLUMNS).assign(**treated),
        settings=settings,
        ei_domains=_order(ei_domains, EI_DOMAIN_COLUMNS).assign(**treated),
        change=change,
        kpi3=kpi3(project) if project.has_responses else None,
        programme=programme_tables(project, seed=seed, n_jobs=n_jobs, scheduler=scheduler),
    )


def protect_aggregates(
    mixing: pd.DataFrame,
    network: pd.DataFrame,
    ei_domains: pd.DataFrame,
    change: pd.DataFrame | None,
    min_cell: int,
    *,
    symmetric: bool = False,
):
    """The group tables of :func:`analyse` as a leernetwerk may see them.

    Applies the one rule of :mod:`wijknet.privacy.suppression` per wijk and
    wave to the mixing cells together with the totals shown beside them
    (network tie total, ties within and between domains, internal and
    external ties per domain); the shares of the mixing rows come from the
    published cells only. Counts of actors and isolates below ``min_cell``
    are blanked in the network table, and the wave comparison is protected
    by :func:`protect_change`.

    Returns
    -------
    mixing, network, ei_domains, change : pandas.DataFrame
    """
    mixing, hidden = protect_mixing(mixing, min_cell, symmetric=symmetric)
    network = protect_network(network, hidden)
    network = protect_counts(
        network, ["actors", "isolates"], min_cell, derived={"actors": ["density"]}
    )
    ei_domains = protect_ei_domains(ei_domains, hidden)
    totals = hidden_totals(hidden)
    return mixing, network, ei_domains, protect_change(change, min_cell, hidden_totals=totals)


def protect_network_table(
    project: Project, wijk: str, network: pd.DataFrame, graphs: dict
) -> pd.DataFrame:
    """Network measures of one wijk (one row per wave) as a leernetwerk may see them.

    The same blanks as :func:`protect_aggregates` gives in :func:`analyse`:
    ``graphs`` maps each wave to its graph, whose mixing cells decide which
    totals must stay hidden.
    """
    mixing = pd.concat([mixing_matrix(G, taxonomy=project.taxonomy).assign(wijk=wijk, wave=wave)
                        for wave, G in graphs.items()], ignore_index=True)  # fmt: skip
    mixing, hidden = protect_mixing(mixing, project.config.min_cell)
    table = protect_network(network.assign(wijk=wijk), hidden)
    table = protect_counts(
        table, ["actors", "isolates"], project.config.min_cell, derived={"actors": ["density"]}
    )
    return table[list(network.columns)]
