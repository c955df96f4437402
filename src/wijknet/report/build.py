"""The data of a report: every number a wijk or programme report shows, computed once.

:func:`build_wijk_report` gathers what a report about one wijk and wave
needs, :func:`build_programme_report` what the steering group's report
across all wijken needs. Both only call the library's analysis functions
(:func:`wijknet.analysis.standard.analyse_graph`, :func:`wijknet.analysis.standard.analyse`,
:func:`wijknet.analysis.change.compare_waves`, :func:`wijknet.analysis.kpi.kpi3`) with the
same ``seed`` and ``n_permutations``, so a report shows exactly the numbers
``wijknet analyse`` writes. Rendering (language, layout) is left to
:mod:`wijknet.report.render`.

Every report carries its :class:`Provenance`: the input files with their
row counts and SHA-256 hashes, the evidence labels of the ties, the wijknet
version, the seed and the number of permutations, so that the numbers can
be reproduced.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import platform
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.analysis import coverage
from wijknet.analysis.change import compare_waves
from wijknet.analysis.standard import analyse, analyse_graph
from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.core.settings import CONFIG_FILE, ProjectConfig
from wijknet.metrics import connectors
from wijknet.privacy.suppression import is_aggregate_only, protect, protect_counts, protect_rows
from wijknet.project import Project
from wijknet.report import kern as kern_report
from wijknet.report import onderstroom as onderstroom_report

__all__ = [
    "ProgrammeReport", "Provenance", "SourceFile", "WijkReport", "build_programme_report", "build_wijk_report",
    "data_hash", "source_files",
]  # fmt: skip

TABLE_NAMES = ("actors", "ties", "responses")

TEXTS = {
    "unknown_wijk": {
        "nl": "wijk '{value}' komt niet voor in het project; kies uit: {choices}",
        "en": "wijk '{value}' is not in the project; choose from: {choices}",
    },
    "unknown_wave": {
        "nl": "meting '{value}' komt niet voor in het project; kies uit: {choices}",
        "en": "wave '{value}' is not in the project; choose from: {choices}",
    },
    "no_waves": {"nl": "het project heeft geen metingen", "en": "the project has no waves"},
}


# --- provenance -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceFile:
    """One input file: name, data rows (without header), size and SHA-256 of its bytes."""

    name: str
    rows: int | None
    size: int
    sha256: str


@dataclass
class Provenance:
    """Where the numbers come from and how to reproduce them.

    Attributes
    ----------
    files : list of SourceFile
        The project's input files (tables, ``wijknet.yaml``, an own taxonomy).
    data_sha256 : str
        SHA-256 over the files (see :func:`data_hash`); it changes when any
        input file changes.
    evidence : pandas.DataFrame
        ``evidence, ties``: where the ties of the report come from.
    version : str
        wijknet version.
    seed, n_permutations : int
        Of every permutation test (E-I index, QAP).
    graph_options : dict
        ``tie_types``, ``min_weight``, ``symmetrise`` as used.
    generated : str
        Date of the report (ISO 8601).
    python : str
        Python version.
    in_memory : bool
        True when the project was not read from a folder: the hash is then
        taken over the validated tables (CSV) instead of files.
    audience : str
        Who the report was made for (``onderzoeker``, ``wijkteam:<wijk>``,
        ``leernetwerk``; "" for an unrestricted project), with ``unlocked``:
        part of the command that remakes the report, and what decides its
        wording (:func:`wijknet.core.uncertainty.is_plain`).
    unlocked : bool
        Whether real names were shown (``--unlock``).
    """

    files: list[SourceFile]
    data_sha256: str
    evidence: pd.DataFrame
    version: str
    seed: int
    n_permutations: int
    graph_options: dict = field(default_factory=dict)
    generated: str = ""
    python: str = ""
    in_memory: bool = False
    audience: str = ""
    unlocked: bool = False


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def data_hash(files: list[SourceFile]) -> str:
    r"""One SHA-256 over several files.

    The hash of the UTF-8 text with one line ``"<sha256>  <name>\n"`` per
    file, sorted by name: the output of ``sha256sum`` on the files, sorted.
    Anyone can recompute it with ``sha256sum actors.csv ties.csv ... | sort
    -k2 | sha256sum``.
    """
    lines = "".join(f"{f.sha256}  {f.name}\n" for f in sorted(files, key=lambda f: f.name))
    return _sha256(lines.encode("utf-8"))


def _taxonomy_file(folder: Path) -> Path | None:
    try:
        name = ProjectConfig.load(folder).taxonomy_file
    except DataError:
        return None
    return folder / name if name else None


def source_files(project: Project) -> tuple[list[SourceFile], bool]:
    """The input files of ``project`` with row counts and hashes.

    Returns
    -------
    files : list of SourceFile
    in_memory : bool
        True when the project has no folder (built with
        :meth:`Project.from_frames`): the "files" are then the validated
        tables written as CSV, so the hash still identifies the data.
    """
    rows = {
        "actors": len(project.actors),
        "ties": len(project.ties),
        "responses": len(project.responses),
    }
    folder = project.path
    if folder is None or not Path(folder).is_dir():
        files = []
        for name in TABLE_NAMES:
            table = getattr(project, name)
            if name == "responses" and table.empty:
                continue
            data = table.to_csv(index=False, lineterminator="\n").encode("utf-8")
            files.append(SourceFile(f"{name} (tabel)", rows[name], len(data), _sha256(data)))
        return files, True
    folder = Path(folder)
    paths: list[tuple[Path, int | None]] = []
    for name in TABLE_NAMES:
        for ext in (".csv", ".xlsx"):
            path = folder / f"{name}{ext}"
            if path.exists():
                paths.append((path, rows[name]))
                break
    if (folder / CONFIG_FILE).exists():
        paths.append((folder / CONFIG_FILE, None))
    taxonomy = _taxonomy_file(folder)
    if taxonomy is not None and taxonomy.exists():
        paths.append((taxonomy, None))
    files = []
    for path, count in paths:
        data = path.read_bytes()
        name = path.relative_to(folder).as_posix() if path.is_relative_to(folder) else path.name
        files.append(SourceFile(name, count, len(data), _sha256(data)))
    return files, False


def _evidence(ties: pd.DataFrame) -> pd.DataFrame:
    labels = (
        ties["evidence"].fillna("").astype(str).str.strip()
        if "evidence" in ties
        else pd.Series([], dtype=str)
    )
    counts = labels.replace("", "–").value_counts()
    table = counts.rename_axis("evidence").reset_index(name="ties")
    return table.sort_values(
        ["ties", "evidence"], ascending=[False, True], kind="mergesort"
    ).reset_index(drop=True)


def provenance(
    project: Project,
    *,
    seed: int,
    n_permutations: int,
    graph_options: dict,
    wijk: str | None = None,
) -> Provenance:
    """The :class:`Provenance` of a report on ``project`` (evidence of one wijk, or all)."""
    from wijknet.core.version import __version__

    files, in_memory = source_files(project)
    ties = project.ties if wijk is None else project.ties[project.ties["wijk"] == wijk]
    return Provenance(
        files=files, data_sha256=data_hash(files), evidence=_evidence(ties), version=__version__, seed=seed,
        n_permutations=n_permutations, graph_options={k: v for k, v in graph_options.items() if v is not None},
        generated=_dt.date.today().isoformat(), python=platform.python_version(), in_memory=in_memory,
        audience="" if project.audience is None else str(project.audience),
        unlocked=bool(project.audience is not None and project.audience.unlocked),
    )  # fmt: skip


# --- shared pieces ------------------------------------------------------------------------


def check_wijk_wave(project: Project, wijk: str | None, wave: str | None) -> None:
    problems = []
    if wijk is not None and wijk not in project.wijken:
        problems.append(
            Problem(
                "--wijk", text(TEXTS, "unknown_wijk", value=wijk, choices=", ".join(project.wijken))
            )
        )
    if not project.waves:
        problems.append(Problem("--wave", text(TEXTS, "no_waves")))
    elif wave is not None and wave not in project.waves:
        problems.append(
            Problem(
                "--wave", text(TEXTS, "unknown_wave", value=wave, choices=", ".join(project.waves))
            )
        )
    if problems:
        raise DataError(problems)


def _actor_info(G: nx.DiGraph) -> pd.DataFrame:
    rows = []
    for n, d in G.nodes(data=True):
        rows.append({
            "actor_id": str(n), "name": str(d.get("name") or n), "role": str(d.get("role") or ""),
            "organisation": str(d.get("organisation") or ""), "kind": str(d.get("kind") or ""),
            "pluswijkteam": d.get("pluswijkteam") is True, "consent": d.get("consent", True) is not False,
        })  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=["actor_id", "name", "role", "organisation", "kind", "pluswijkteam", "consent"],
    )


def _response_table(
    project: Project, wijk: str, network: pd.DataFrame, actors_by_wave: dict[str, pd.DataFrame]
) -> pd.DataFrame:
    """Per wave: actors present, survey responses, response rate, actors who reported ties, isolates."""
    rows = []
    responses = project.responses
    for wave in project.waves:
        present = len(project.present(wijk, wave))
        answered = (
            int(((responses["wijk"] == wijk) & (responses["wave"] == wave)).sum())
            if not responses.empty
            else 0
        )
        table = actors_by_wave.get(wave)
        reporters = int((table["out_degree"] > 0).sum()) if table is not None else 0
        net = network[network["wave"] == wave]
        isolates = (
            float(net["isolates"].iloc[0]) if len(net) and "isolates" in net else 0
        )  # NaN: suppressed
        rows.append({"wave": wave, "actors": present, "respondents": answered,
                     "response_rate": answered / present if present and not responses.empty else float("nan"),
                     "reporters": reporters, "reporter_share": reporters / present if present else float("nan"),
                     "isolates": isolates})  # fmt: skip
    return pd.DataFrame(rows)


# --- the wijk report ------------------------------------------------------------------------


@dataclass
class WijkReport:
    """Everything a report about one wijk and wave shows.

    Attributes
    ----------
    title : str
        Project title (``wijknet.yaml``).
    wijk, wave : str
    previous : str or None
        The wave before ``wave`` (None in the first wave).
    waves : list of str
        All waves of the project, in order.
    synthetic : bool
        The project is fictional demo data.
    network : pandas.DataFrame
        :func:`wijknet.metrics.network_metrics` of the wijk, one row per wave
        (all waves: trends).
    actors : pandas.DataFrame
        :func:`wijknet.metrics.actor_metrics` of the wave with ``name, role,
        organisation, kind, pluswijkteam, consent``.
    connectors : pandas.DataFrame
        The rows of ``actors`` flagged as connectors by
        :func:`wijknet.metrics.connectors` (the top decile by brokerage
        roles), in its rank order, with its ``rank`` column.
    bridges : pandas.DataFrame
        Actors that are articulation points (fragile bridges).
    mixing, ei_domains : pandas.DataFrame
        Domain mixing and E-I index per domain of the wave.
    change : dict or None
        The row of :func:`wijknet.analysis.change.compare_waves` (previous -> wave).
    kpi : pandas.DataFrame or None
        :func:`wijknet.analysis.kpi.kpi3` rows of the wijk (all waves), None without
        survey responses.
    response : pandas.DataFrame
        Per wave: ``actors`` present, ``respondents``, ``response_rate``,
        ``reporters`` (actors who named at least one tie), ``isolates``.
    warnings : list of str
        The project's warnings.
    graph : networkx.DiGraph
        The graph of the wave (for the map).
    positions : dict
        :func:`wijknet.viz.layout.stable_layout` over all waves of the wijk.
    taxonomy : Taxonomy
    provenance : Provenance
    """

    title: str
    wijk: str
    wave: str
    previous: str | None
    waves: list[str]
    synthetic: bool
    network: pd.DataFrame
    actors: pd.DataFrame
    connectors: pd.DataFrame
    bridges: pd.DataFrame
    mixing: pd.DataFrame
    ei_domains: pd.DataFrame
    change: dict | None
    kpi: pd.DataFrame | None
    response: pd.DataFrame
    warnings: list[str]
    graph: nx.DiGraph
    positions: dict
    taxonomy: object
    provenance: Provenance
    #: kern: the kernaanpak and PlusWIJkteam sections (:func:`wijknet.report.kern.wijk_section`).
    kern: dict | None = None
    #: The onderstroom and participation sections (:func:`wijknet.report.onderstroom.wijk_sections`).
    onderstroom: dict | None = None
    #: worlds: the world tables of the wijk and the opportunity tables of the wave (wijknet.report.worlds).
    worlds: dict | None = None
    opportunities: dict | None = None
    roles: object = None

    @property
    def current(self) -> pd.Series:
        """The network measures of the report's wave."""
        return self.network[self.network["wave"] == self.wave].iloc[0]

    @property
    def before(self) -> pd.Series | None:
        """The network measures of the previous wave, if any."""
        if self.previous is None:
            return None
        return self.network[self.network["wave"] == self.previous].iloc[0]

    @property
    def kpi_row(self) -> pd.Series | None:
        """The KPI 3 row of the report's wave, if the project has responses."""
        if self.kpi is None or self.kpi.empty:
            return None
        rows = self.kpi[self.kpi["wave"] == self.wave]
        return rows.iloc[0] if len(rows) else None


def build_wijk_report(
    project: Project,
    wijk: str,
    wave: str | None = None,
    *,
    n_permutations: int = 1000,
    seed: int = 0,
    **graph_options,
) -> WijkReport:
    """Compute the contents of a report on one wijk and wave.

    Parameters
    ----------
    project : Project
    wijk : str
    wave : str, optional
        Default: the last wave of the project.
    n_permutations : int, default 1000
        Permutations of the E-I test and the QAP correlation (as
        ``wijknet analyse``).
    seed : int, default 0
        Seed of every permutation test.
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph` (``tie_types``,
        ``min_weight``, ``symmetrise``).

    Returns
    -------
    WijkReport

    Raises
    ------
    DataError
        When the wijk or wave is not in the project (the message lists the
        valid choices).
    NotAllowed
        For a project restricted to the ``leernetwerk`` audience: a wijk
        report names actors; a leernetwerk gets the programme report.
    """
    from wijknet.analysis.kpi import kpi3
    from wijknet.viz.layout import stable_layout

    if project.audience is not None:
        project.audience.require(
            project.audience.sees_individuals, "het wijkrapport (gebruik het programmarapport)"
        )
    check_wijk_wave(project, wijk, wave)
    waves = project.waves
    wave = wave or waves[-1]
    at = waves.index(wave)
    # partial: the previous wave WITH data of the wijk (a wave without ties would count every tie as new)
    earlier = [w for w in coverage.waves_with_data(project, wijk) if waves.index(w) < at]
    previous = earlier[-1] if earlier else None
    network_rows, actors_by_wave = [], {}
    current = None
    for v in waves:
        actors, network, mixing, ei_domains = analyse_graph(
            project, wijk, v, n_permutations=n_permutations, seed=seed, **graph_options
        )
        network_rows.append(network)
        actors_by_wave[v] = actors
        if v == wave:
            current = actors, mixing, ei_domains
    network = pd.concat(network_rows, ignore_index=True)
    actors, mixing, ei_domains = current
    G = project.graph(wijk, wave, **graph_options)
    actors = _actor_info(G).merge(actors, on="actor_id", how="left")
    flags = connectors(G)
    flags = flags.loc[flags["connector"], ["actor_id", "rank"]]
    listed = actors.merge(flags, on="actor_id", how="inner", validate="one_to_one")
    listed = listed.sort_values("rank", kind="mergesort").reset_index(drop=True)
    bridges = (
        actors[actors["articulation_point"].astype(bool)]
        .sort_values(["betweenness", "name"], ascending=[False, True], kind="mergesort")
        .reset_index(drop=True)
    )
    change = None
    if previous is not None:
        change = (
            compare_waves(
                project,
                wijk,
                previous,
                wave,
                n_permutations=n_permutations,
                seed=seed,
                **graph_options,
            )
            .iloc[0]
            .to_dict()
        )
    kpi = None
    if project.has_responses:
        table = kpi3(project, pooled=False)
        kpi = table[table["wijk"] == wijk].reset_index(drop=True)
    positions = stable_layout(
        [project.graph(wijk, v) for v in waves], seed=0, taxonomy=project.taxonomy
    )
    report = WijkReport(
        title=project.config.title, wijk=wijk, wave=wave, previous=previous, waves=list(waves),
        synthetic=project.config.synthetic, network=network, actors=actors, connectors=listed, bridges=bridges,
        mixing=mixing, ei_domains=ei_domains, change=change, kpi=kpi,
        response=_response_table(project, wijk, network, actors_by_wave), warnings=list(project.warnings), graph=G,
        positions=positions, taxonomy=project.taxonomy,
        provenance=provenance(project, seed=seed, n_permutations=n_permutations, graph_options=graph_options,
                              wijk=wijk),
        kern=kern_report.wijk_section(project, wijk, wave),
        onderstroom=onderstroom_report.wijk_sections(project, wijk, seed=seed),
    )  # fmt: skip
    from wijknet.report import worlds as worlds_report

    # worlds: the two worlds and Verbindingskansen (wijknet.report.worlds)
    report.worlds, report.opportunities = worlds_report.wijk_parts(
        project, wijk, wave, n_permutations=n_permutations, seed=seed
    )
    report.roles = project.config.roles
    # wijk metadata (wijkmeta, issue 15): municipality, group and phase for the header
    from wijknet.analysis.wijken import wijk_info

    report.wijk_info = wijk_info(project, wijk, wave)
    return report


# --- the programme report ------------------------------------------------------------------


@dataclass
class ProgrammeReport:
    """Everything the programme-level report (all wijken) shows.

    Attributes
    ----------
    title : str
    wave : str
        The wave the overview is about (default the last).
    previous : str or None
    waves, wijken : list of str
    synthetic : bool
    summary : pandas.DataFrame
        One row per wijk for ``wave``: network measures, change since the
        previous wave and KPI 3 (``share, ci_low, ci_high, band_min,
        band_max, status``; NaN without responses).
    network : pandas.DataFrame
        Network measures of every wijk and wave (trends).
    change : pandas.DataFrame
        :func:`wijknet.analysis.change.compare_waves` for every wijk and pair of
        consecutive waves.
    kpi : pandas.DataFrame or None
        :func:`wijknet.analysis.kpi.kpi3` with the pooled rows; None without responses.
    response : pandas.DataFrame
        The response table of every wijk (column ``wijk`` added).
    warnings : list of str
    taxonomy : Taxonomy
    provenance : Provenance

    For a project restricted to the ``leernetwerk`` audience every table is
    protected by the one disclosure-control rule
    (:mod:`wijknet.privacy.suppression`): the analysis tables by
    :func:`wijknet.analysis.standard.analyse`, the response table by
    :func:`protect_response`, the ties per evidence label by
    :func:`protect_evidence`.
    """

    title: str
    wave: str
    previous: str | None
    waves: list[str]
    wijken: list[str]
    synthetic: bool
    summary: pd.DataFrame
    network: pd.DataFrame
    change: pd.DataFrame
    kpi: pd.DataFrame | None
    response: pd.DataFrame
    warnings: list[str]
    taxonomy: object
    provenance: Provenance
    #: kern: completeness and team indicators per wijk (:func:`wijknet.report.kern.programme_section`).
    kern: dict | None = None
    #: Intensity and trust per wijk (:func:`wijknet.report.onderstroom.programme_section`).
    onderstroom: pd.DataFrame | None = None
    #: worlds: world mixing per wijk in the wave, aggregates (wijknet.report.worlds).
    worlds: dict | None = None
    #: steering: the tie-change effects pooled across wijken for the forest plots
    #: (:func:`wijknet.analysis.evaluation.what_works_where`; None unless asked, ``forest=True``).
    forest: object | None = None
    #: steering: whether the forest plots show the pooled numbers (researchers) or words only.
    forest_numbers: bool = True


def build_programme_report(
    project: Project,
    wave: str | None = None,
    *,
    n_permutations: int = 1000,
    seed: int = 0,
    n_jobs: int = 1,
    forest: bool = False,
    **graph_options,
) -> ProgrammeReport:
    """Compute the contents of the programme-level report across all wijken.

    Parameters
    ----------
    project : Project
    wave : str, optional
        The wave of the overview table; default the last wave.
    n_permutations, seed : int
        As :func:`wijknet.analyse` (default 1000 and 0).
    n_jobs : int, default 1
        Passed to :func:`wijknet.analyse`.
    forest : bool, default False
        Add the section "what works where": a forest plot per tie-change
        effect (:func:`wijknet.analysis.evaluation.what_works_where`, a few
        seconds more). ``wijknet report`` and the app ask for it.
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph`.

    Returns
    -------
    ProgrammeReport
    """
    check_wijk_wave(project, None, wave)
    waves = project.waves
    wave = wave or waves[-1]
    at = waves.index(wave)
    earlier = [w for w in coverage.waves_with_data(project) if waves.index(w) < at]  # partial
    previous = earlier[-1] if earlier else None
    result = analyse(
        project, n_permutations=n_permutations, seed=seed, n_jobs=n_jobs, **graph_options
    )
    network = result.network_metrics
    summary = network[network["wave"] == wave].reset_index(drop=True)
    change = result.change if result.change is not None else pd.DataFrame()
    if previous is not None and not change.empty:
        step = change[(change["wave_from"] == previous) & (change["wave_to"] == wave)]
        summary = summary.merge(
            step[
                [
                    "wijk",
                    "ties_new",
                    "ties_lost",
                    "ties_kept",
                    "jaccard",
                    "new_cross_domain",
                    "lost_cross_domain",
                    # the default change definition of every screen: all actors (report.render.change_counts)
                    *[
                        c
                        for c in ("ties_new_all", "ties_lost_all", "jaccard_all")
                        if c in step.columns
                    ],
                ]
            ],
            on="wijk",
            how="left",
        )
    kpi = result.kpi3
    if kpi is not None:
        rows = kpi[(kpi["wave"] == wave) & ~kpi["pooled"].astype(bool)]
        summary = summary.merge(
            rows[
                ["wijk", "answered", "share", "ci_low", "ci_high", "band_min", "band_max", "status"]
            ],
            on="wijk",
            how="left",
        )
    responses = []
    actors = result.actor_metrics
    for wijk in project.wijken:
        if (
            actors is None
        ):  # a leernetwerk's analysis has no actor rows: count the reporters on the graphs
            graphs = {v: project.graph(wijk, v, **graph_options) for v in waves}
            by_wave = {
                v: pd.DataFrame({"out_degree": [d for _, d in G.out_degree()]})
                for v, G in graphs.items()
            }
        else:
            mine = actors[actors["wijk"] == wijk]
            by_wave = {v: mine[mine["wave"] == v] for v in waves}
        responses.append(
            _response_table(project, wijk, network[network["wijk"] == wijk], by_wave).assign(
                wijk=wijk
            )
        )
    response = pd.concat(responses, ignore_index=True)
    prov = provenance(
        project, seed=seed, n_permutations=n_permutations, graph_options=graph_options
    )
    if is_aggregate_only(project):
        response = protect_response(response, project.config.min_cell)
        prov.evidence = protect_evidence(prov.evidence, project.config.min_cell)
    report = ProgrammeReport(
        title=project.config.title, wave=wave, previous=previous, waves=list(waves), wijken=list(project.wijken),
        synthetic=project.config.synthetic, summary=summary, network=network, change=change, kpi=kpi,
        response=response, warnings=list(project.warnings), taxonomy=project.taxonomy, provenance=prov,
        kern=kern_report.programme_section(project, wave),
        onderstroom=onderstroom_report.programme_section(project, seed=seed),
    )  # fmt: skip
    from wijknet.report import worlds as worlds_report

    # worlds: world mixing per wijk (wijknet.report.worlds)
    report.worlds = worlds_report.programme_parts(
        project, wave, n_permutations=n_permutations, seed=seed
    )
    # steering: the forest plots of what works where
    if forest:
        from wijknet.analysis.evaluation import what_works_where

        try:
            report.forest = what_works_where(project, seed=seed, **graph_options)
        except (ValueError, np.linalg.LinAlgError):
            report.forest = None
        report.forest_numbers = not is_aggregate_only(project)
    return report


#: Lines of a row of the response table: actors = respondents + the rest = reporters + the rest.
RESPONSE_LINES = (
    ("actors", ["respondents", "non_respondents"]),
    ("actors", ["reporters", "non_reporters"]),
)


def protect_response(response: pd.DataFrame, min_cell: int) -> pd.DataFrame:
    """The response table as a leernetwerk may see it: the one rule on its counts of people.

    Respondents and reporters are linked to the number of actors (shown in
    the network table, so known) by their complements; isolates are a count
    of their own. Rates are blanked with their counts.
    """
    table = response.assign(
        non_respondents=response["actors"] - response["respondents"],
        non_reporters=response["actors"] - response["reporters"],
    )
    table = protect_rows(
        table,
        RESPONSE_LINES,
        min_cell,
        known=["actors"],
        derived={"respondents": ["response_rate"], "reporters": ["reporter_share"]},
    )
    table = protect_counts(
        table,
        ["actors", "isolates"],
        min_cell,
        derived={"actors": ["response_rate", "reporter_share"]},
    )
    return table[list(response.columns)]


def protect_evidence(evidence: pd.DataFrame, min_cell: int) -> pd.DataFrame:
    """Ties per evidence label with the one rule applied (the labels add up to the tie total shown)."""
    counts = evidence["ties"].to_numpy(dtype=float)
    values = np.r_[counts.sum(), counts]
    hidden = protect(
        values, [(0, list(range(1, len(values))))], min_cell, known=[True] + [False] * len(counts)
    )
    return evidence.assign(ties=evidence["ties"].astype(float).where(~hidden[1:]))
