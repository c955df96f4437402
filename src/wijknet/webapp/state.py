"""Loading, caching and the shared selection of the app.

The project folder comes from the environment variable ``WIJKNET_PROJECT``;
without it the app shows the fictional demo project, written once into the
user's cache folder. Every cached function takes the folder and a
*signature* (names, sizes and modification times of the project files), so
editing a file invalidates the cache.

The shared selection (language, wijk, meting, tie types, minimum weight)
lives in ``st.session_state`` and is set by the sidebar of the entry script;
pages read it with :func:`selection`.

This module only calls library functions; it holds no analysis of its own.
"""

from __future__ import annotations

import functools
import inspect
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from wijknet import cache as results_cache
from wijknet.analysis import coverage, tables
from wijknet.core.errors import DataError
from wijknet.core.settings import PERMUTATIONS
from wijknet.core.uncertainty import SEED
from wijknet.privacy import Audience
from wijknet.privacy.audience import PROGRAMME, viewer_audience
from wijknet.privacy.load import load_project
from wijknet.privacy.suppression import is_aggregate_only
from wijknet.project import Project
from wijknet.webapp import auth

if TYPE_CHECKING:
    from wijknet.analysis.tiechange import TieChangeResult
from wijknet.webapp.session import (  # noqa: F401  (part of the app's interface)
    ENV_PROJECT,
    cache_dir,
    demo_folder,
    is_fictional,
    language,
    project_folder,
    signature,
)

MAP_LABELS = 25  # names drawn on the map unless the user asks for all
DIFF_LABELS = 15  # names drawn on the difference map unless the user asks for all
# Every p-value the app shows comes from the same permutation count and seed as the report and `wijknet analyse`,
# so one network has one p-value on every screen (wijknet.core.settings.PERMUTATIONS, uncertainty.SEED).
APP_PERMUTATIONS = PERMUTATIONS  # E-I and QAP permutations in the app
APP_BOOTSTRAP = 500  # node-bootstrap replicates in the app
MODEL_PERMUTATIONS = PERMUTATIONS  # MRQAP permutations of the tie-change model, as in the CLI
TREND_METRICS = (
    "density",
    "cross_domain_share",
    "ei_index",
)  # wijknet.analysis.trends.TREND_METRICS
REPORT_PERMUTATIONS = PERMUTATIONS  # the report shows the numbers of `wijknet analyse`
DEFAULTS = {"lang": "nl", "wijk": None, "wave": None, "tie_types": [], "min_weight": None}


# --- cached loading and computing ------------------------------------------------


def persistent(fn):
    """Read ``fn(folder, sig, ...)`` from the project's persistent results cache first (:mod:`wijknet.cache`).

    Put it under ``@st.cache_data``: Streamlit's memory cache answers within a
    session, this one after a restart. The key holds the content of the
    project as restricted for the viewer, the arguments, the viewer's
    audience (``sig``) and the wijknet version.
    """
    signature_of = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(folder, sig, *args, **kwargs):
        _files, audience, unlocked = sig
        bound = signature_of.bind(folder, sig, *args, **kwargs)
        bound.apply_defaults()
        # As Streamlit: arguments named with a leading underscore (a Project) are not part of the key.
        params = {k: v for k, v in list(bound.arguments.items())[2:] if not k.startswith("_")}
        name = f"{fn.__module__}.{fn.__qualname__}"
        return results_cache.cached(folder, None, name, params, f"{audience}|{unlocked}",
                                    lambda: fn(folder, sig, *args, **kwargs), data=_data_hash(folder, sig))  # fmt: skip

    return wrapper


def _loaded(folder: str, sig: tuple) -> tuple[Project, str]:
    """The restricted project of ``sig`` and its :func:`wijknet.cache.data_hash`, from the persistent cache.

    Reading and validating the tables takes seconds, unpickling the restricted
    project milliseconds: after a restart the app starts from the cache. The
    key is the files' signature (names, sizes, modification times; an import
    changes the store's database file) with the audience, as for Streamlit's
    memory cache of :func:`_load`.
    """
    files, audience, unlocked = sig

    def compute() -> tuple[Project, str]:
        project = load_project(folder, audience=Audience.parse(audience, unlocked=unlocked))
        return project, results_cache.data_hash(project)

    files_hash = results_cache.entry_key(repr(files), "files", None, "")
    return results_cache.cached(
        folder, None, "project", None, f"{audience}|{unlocked}", compute, data=files_hash
    )


def result(*, max_entries: int):
    """A cached result of the app: Streamlit's memory cache over the persistent cache (:func:`persistent`).

    Every computation a page shows is wrapped this way, in this module, so that
    ``wijknet cache warm`` (:mod:`wijknet.webapp.warm`) can fill it for every
    audience of a store without opening a page.
    """

    def decorate(fn):
        return st.cache_data(show_spinner=False, max_entries=max_entries)(persistent(fn))

    return decorate


@st.cache_data(show_spinner=False, max_entries=8)
def _load(folder: str, sig: tuple) -> Project:
    """The project as the viewer in ``sig`` (files, audience, unlocked) may see it."""
    return _loaded(folder, sig)[0]


@st.cache_data(show_spinner=False, max_entries=8)
def _data_hash(folder: str, sig: tuple) -> str:
    """The :func:`wijknet.cache.data_hash` of :func:`_load`'s project, the key of every persistent entry."""
    return _loaded(folder, sig)[1]


def viewer(folder: str | Path) -> tuple[str, bool]:
    """Who is looking: the audience and whether names are unlocked (:func:`wijknet.privacy.audience.viewer_audience`).

    For a project store the signed-in user's audience (:mod:`wijknet.webapp.auth`)
    and the researcher's unlock switch; for a tidy folder, which its owner
    already has in full, the "Bekijken als" choice of the sidebar; the
    fictional demo opens unlocked (its names are invented).
    """
    from wijknet.store.db import is_store

    store = is_store(folder)
    audience = viewer_audience(
        auth.current_audience() if store else None,
        store=store,
        view_as=st.session_state.get("view_as"),
        unlock=st.session_state.get("unlocked", is_fictional(folder)),
    )
    return str(audience), audience.unlocked


@st.cache_data(show_spinner=False, max_entries=8)
def _wijken(folder: str, files: tuple) -> list[str]:
    # Only the names, persisted under the files' signature: no second load of the whole project after a restart.
    files_hash = results_cache.entry_key(repr(files), "files", None, "")
    return results_cache.cached(folder, None, "wijken", None, "eigenaar", lambda: load_project(folder).wijken,
                                data=files_hash)  # fmt: skip


def all_wijken(folder: str | Path) -> list[str]:
    """The wijken of a tidy folder, for its owner's "Bekijken als" choice (no actor data leaves here)."""
    return _wijken(str(folder), signature(folder))


def key_of(folder: str | Path) -> tuple:
    """The cache signature of the project for the current viewer: files, audience, unlocked."""
    return (signature(folder), *viewer(folder))


def load(folder: str | Path) -> Project:
    """The validated project as the current viewer may see it; raises :class:`wijknet.DataError` (not cached)."""
    folder = str(Path(folder))
    return _load(folder, key_of(folder))


def _filters(tie_types: tuple[str, ...], min_weight: float | None) -> dict:
    return {"tie_types": list(tie_types) if tie_types else None, "min_weight": min_weight}


@st.cache_data(show_spinner=False, max_entries=64)
def graph(
    folder: str,
    sig: tuple,
    wijk: str,
    wave: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
):
    """The stakeholder graph (a ``networkx.DiGraph``) of one wijk and wave, with the sidebar filters."""
    return _load(folder, sig).graph(wijk, wave, **_filters(tie_types, min_weight))


@result(max_entries=32)
def layout(folder: str, sig: tuple, wijk: str) -> dict[str, tuple[float, float]]:
    """Positions for the map, on the union of all waves (unfiltered) of a wijk."""
    from wijknet.viz.layout import stable_layout

    project = _load(folder, sig)
    graphs = [project.graph(wijk, wave) for wave in project.waves]
    return stable_layout(graphs, seed=0, taxonomy=project.taxonomy)


@result(max_entries=64)
def actor_table(
    folder: str,
    sig: tuple,
    wijk: str,
    wave: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
) -> pd.DataFrame:
    """:func:`wijknet.analysis.tables.actor_table`: one row per actor, attributes and actor measures."""
    return tables.actor_table(graph(folder, sig, wijk, wave, tie_types, min_weight))


@result(max_entries=64)
def connector_ranking(
    folder: str,
    sig: tuple,
    wijk: str,
    wave: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
    exclude_team: bool = False,
) -> pd.DataFrame:
    """:func:`wijknet.analysis.tables.connector_ranking` of one wijk and wave."""
    G = graph(folder, sig, wijk, wave, tie_types, min_weight)
    return tables.connector_ranking(G, exclude_team=exclude_team)


@st.cache_data(show_spinner=False, max_entries=64)
def graph_counts(
    folder: str,
    sig: tuple,
    wijk: str,
    wave: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
) -> dict[str, int]:
    """:func:`wijknet.analysis.tables.graph_counts`: actors, ties and isolates of one wijk and wave."""
    return tables.graph_counts(graph(folder, sig, wijk, wave, tie_types, min_weight))


@st.cache_data(show_spinner=False, max_entries=64)
def actor_names(
    folder: str,
    sig: tuple,
    wijk: str,
    wave: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
) -> dict[str, str]:
    """:func:`wijknet.analysis.tables.actor_names` of one wijk and wave (as the viewer may see them)."""
    return tables.actor_names(graph(folder, sig, wijk, wave, tie_types, min_weight))


@result(max_entries=32)
def network_table(
    folder: str,
    sig: tuple,
    wijk: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
) -> pd.DataFrame:
    """:func:`wijknet.analysis.trends.network_by_wave`: network measures of a wijk, one row per wave."""
    from wijknet.analysis.trends import network_by_wave

    return network_by_wave(
        _load(folder, sig),
        wijk,
        n_permutations=PERMUTATIONS,
        seed=SEED,
        **_filters(tie_types, min_weight),
    )


@result(max_entries=32)
def nonresponse_table(
    folder: str,
    sig: tuple,
    wijk: str,
    wave: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
) -> pd.DataFrame:
    """Network measures of one wijk and wave with and without treatment of non-response, one row per method."""
    from wijknet.analysis.nonresponse import compare_treatments

    return compare_treatments(
        _load(folder, sig),
        wijk,
        wave,
        **_filters(tie_types, min_weight),
        n_permutations=APP_PERMUTATIONS,
        seed=0,
    )


@result(max_entries=64)
def mixing_table(
    folder: str,
    sig: tuple,
    wijk: str,
    wave: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
) -> pd.DataFrame:
    """Tidy domain-mixing table ``from_domain, to_domain, ties, row_share, suppressed`` of one wijk.

    Small cells are blank for a leernetwerk, see :func:`wijknet.analysis.compare.mixing_by_wijk`.
    """
    from wijknet.analysis.compare import mixing_by_wijk

    table = mixing_by_wijk(
        _load(folder, sig), wave, wijken=[wijk], **_filters(tie_types, min_weight)
    )
    return table.drop(columns="wijk")


@result(max_entries=32)
def map_html(
    folder: str,
    sig: tuple,
    wijk: str,
    wave: str,
    tie_types: tuple[str, ...],
    min_weight: float | None,
    measure: str,
    size_label: str,
    lang: str,
    show_names: bool,
    all_names: bool,
    height: int,
    focus: str | None = None,
    steps: int = 1,
    kind: str = "html",
) -> str | bytes:
    """The offline HTML of the network map (see :func:`wijknet.viz.netmap.network_map_html`).

    With placed names (no overlap), the searched actor ``focus`` and its ego
    network of ``steps``; ``kind`` ``"svg"`` or ``"png"`` gives the download
    of the same map (:func:`wijknet.viz.netmap.render_map`).

    With survey responses, the non-respondents of the wave are marked
    (:func:`wijknet.analysis.nonresponse.respondents`). For an audience that sees
    group figures only, domain colour only (``aggregate_only``): no names,
    hover texts, marks or size by measure.
    """
    from wijknet.analysis.nonresponse import map_respondents
    from wijknet.viz.netmap import render_map

    project = _load(folder, sig)
    anonymous = is_aggregate_only(project)
    sizes = (
        None
        if anonymous
        else tables.node_sizes(actor_table(folder, sig, wijk, wave, tie_types, min_weight), measure)
    )
    return render_map(kind, graph(folder, sig, wijk, wave, tie_types, min_weight), layout(folder, sig, wijk),
                      taxonomy=project.taxonomy, node_size=sizes,
                      size_label=size_label if sizes else None, lang=lang, show_names=show_names,
                      max_labels=None if all_names else MAP_LABELS, height=height, aggregate_only=anonymous,
                      respondents=map_respondents(project, wijk, wave), focus=focus, steps=steps)  # fmt: skip


@st.cache_data(show_spinner=False, max_entries=32)
def map_search_index(
    folder: str,
    sig: tuple,
    wijk: str,
    wave: str,
    tie_types: tuple[str, ...],
    min_weight: float | None,
    lang: str,
) -> list[dict[str, str]]:
    """What the map's search can find (:func:`wijknet.viz.netmap.search_index`): the actors this viewer sees."""
    from wijknet.viz.netmap import search_index

    project = _load(folder, sig)
    return search_index(graph(folder, sig, wijk, wave, tie_types, min_weight), taxonomy=project.taxonomy,
                        lang=lang, aggregate_only=is_aggregate_only(project))  # fmt: skip


@st.cache_data(show_spinner=False, max_entries=64)
def ego_size(
    folder: str,
    sig: tuple,
    wijk: str,
    wave: str,
    tie_types: tuple[str, ...],
    min_weight: float | None,
    actor: str | tuple[str, ...],
    steps: int,
) -> int:
    """Number of contacts within ``steps`` of ``actor`` (one id or an organisation's ids; themselves not counted)."""
    from wijknet.viz.netmap import ego_nodes, focus_members

    G = graph(folder, sig, wijk, wave, tie_types, min_weight)
    return max(len(ego_nodes(G, actor, steps)) - len(focus_members(G, actor)), 0)


@st.cache_data(show_spinner=False, max_entries=64)
def tie_evidence_table(
    folder: str, sig: tuple, wijk: str, wave: str, actor_id: str
) -> pd.DataFrame:
    """:func:`wijknet.analysis.evidence.tie_evidence` of one actor (all ties of the wave).

    The interview quotes only where the viewer's audience may see them (the
    restricted project leaves them empty otherwise).
    """
    from wijknet.analysis.evidence import tie_evidence

    return tie_evidence(_load(folder, sig), wijk, wave, actor_id, include_quotes=True)


# --- change between waves and KPI 3 ---------------------------------------------------


@result(max_entries=32)
def wave_difference(
    folder: str,
    sig: tuple,
    wijk: str,
    wave_from: str,
    wave_to: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
):
    """Kept, new and lost ties and entered and left actors (:func:`wijknet.viz.diffmap.wave_difference`)."""
    from wijknet.viz.diffmap import wave_difference as _difference

    return _difference(
        _load(folder, sig), wijk, wave_from, wave_to, **_filters(tie_types, min_weight)
    )


@result(max_entries=32)
def diff_map_html(
    folder: str,
    sig: tuple,
    wijk: str,
    wave_from: str,
    wave_to: str,
    tie_types: tuple[str, ...],
    min_weight: float | None,
    show: tuple[str, ...],
    cross_domain_only: bool,
    lang: str,
    show_names: bool,
    all_names: bool,
    height: int,
) -> str:
    """The offline HTML of the difference map (:func:`wijknet.viz.diffmap.difference_map_html`)."""
    from wijknet.viz.diffmap import difference_map_html

    project = _load(folder, sig)
    anonymous = is_aggregate_only(project)
    difference = wave_difference(folder, sig, wijk, wave_from, wave_to, tie_types, min_weight)
    return difference_map_html(
        difference,
        layout(folder, sig, wijk),
        taxonomy=project.taxonomy,
        lang=lang,
        show=show,
        cross_domain_only=cross_domain_only,
        show_names=show_names,
        max_labels=None if all_names else DIFF_LABELS,
        height=height,
        aggregate_only=anonymous,
    )


@result(max_entries=32)
def change_row(
    folder: str,
    sig: tuple,
    wijk: str,
    wave_from: str,
    wave_to: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
) -> pd.Series:
    """:func:`wijknet.analysis.trends.wave_change`: two waves compared, as one row the viewer may see.

    With a QAP test of modest size (``APP_PERMUTATIONS``); for a leernetwerk small counts are NaN.
    """
    from wijknet.analysis.trends import wave_change

    return wave_change(
        _load(folder, sig),
        wijk,
        wave_from,
        wave_to,
        n_permutations=APP_PERMUTATIONS,
        seed=0,
        **_filters(tie_types, min_weight),
    )


@result(max_entries=32)
def metric_trends(
    folder: str,
    sig: tuple,
    wijk: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
) -> pd.DataFrame:
    """:func:`wijknet.analysis.trends.metric_trends` with ``APP_BOOTSTRAP`` replicates, seed 0.

    ``wave, actors, ties, metric, estimate, ci_low, ci_high``: the node
    bootstrap of the comparison of wijken; NaN where a wave has fewer than two
    actors or no ties.
    """
    from wijknet.analysis.trends import metric_trends as trends

    return trends(
        _load(folder, sig),
        wijk,
        metrics=TREND_METRICS,
        n_boot=APP_BOOTSTRAP,
        seed=0,
        level=0.95,
        **_filters(tie_types, min_weight),
    )


@result(max_entries=16)
def tie_change(
    folder: str,
    sig: tuple,
    wijk: str,
    wave_from: str,
    wave_to: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
) -> TieChangeResult:
    """:func:`wijknet.analysis.tiechange.tie_change_model` with ``MODEL_PERMUTATIONS`` permutations.

    Raises ``ValueError`` when fewer than three actors take part in both waves.
    """
    import warnings

    from wijknet.analysis.tiechange import tie_change_model

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return tie_change_model(
            _load(folder, sig),
            wijk,
            wave_from,
            wave_to,
            n_permutations=MODEL_PERMUTATIONS,
            seed=0,
            n_jobs=-1,  # threads over the permutation batches: a user waits for this one
            **_filters(tie_types, min_weight),
        )


@result(max_entries=8)
def kpi_table(folder: str, sig: tuple) -> pd.DataFrame:
    """:func:`wijknet.analysis.kpi.kpi3`: KPI 3 per wijk and wave, with the pooled rows (``wijk = ALL_WIJKEN``)."""
    from wijknet.analysis.kpi import kpi3

    return kpi3(_load(folder, sig))


@result(max_entries=8)
def viewer_kpi(folder: str, sig: tuple) -> pd.DataFrame:
    """:func:`wijknet.analysis.kpi.kpi3_for_audience`: KPI 3 with the programme figure the viewer may see.

    A PlusWIJkteam's programme figure is computed on the leernetwerk's view of
    all wijken (:func:`wijknet.analysis.kpi.programme_kpi3`).
    """
    from wijknet.analysis.kpi import kpi3_for_audience

    _files, audience, _unlocked = sig
    audience = Audience.parse(audience)
    programme = None if audience.sees_other_wijken else load_project(folder, audience=PROGRAMME)
    return kpi3_for_audience(_load(folder, sig), audience, programme)


@result(max_entries=16)
def kpi_structure(
    folder: str, sig: tuple, tie_types: tuple[str, ...] = (), min_weight: float | None = None
) -> pd.DataFrame:
    """:func:`wijknet.analysis.kpi.kpi_vs_structure`: KPI 3 next to the measured network structure."""
    from wijknet.analysis.kpi import kpi_vs_structure

    project = _load(folder, sig)
    return kpi_vs_structure(project, kpi=kpi_table(folder, sig), **_filters(tie_types, min_weight))


# --- comparing wijken ------------------------------------------------------------------

COMPARE_BOOTSTRAP = (
    200  # node-bootstrap replicates per interval on the comparison page (all wijken and waves)
)
SMALL_MAP_HEIGHT = 240  # height of one map in the small multiples of the comparison page


@result(max_entries=16)
def compare_table(
    folder: str, sig: tuple, tie_types: tuple[str, ...] = (), min_weight: float | None = None
) -> pd.DataFrame:
    """:func:`wijknet.analysis.compare.compare_wijken` of all wijken and waves (``COMPARE_BOOTSTRAP`` replicates, seed 0)."""
    from wijknet.analysis.compare import compare_wijken

    return compare_wijken(
        _load(folder, sig), n_boot=COMPARE_BOOTSTRAP, seed=0, **_filters(tie_types, min_weight)
    )


@result(max_entries=16)
def compare_summary(
    folder: str,
    sig: tuple,
    lang: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
    wave: str | None = None,
) -> list[str]:
    """:func:`wijknet.analysis.compare.summarise_differences` with the tie change (no QAP test) and KPI 3.

    With ``wave``, of exactly the wijken and waves of :func:`comparison` (the caption's selection).
    """
    from wijknet.analysis.change import change_table
    from wijknet.analysis.compare import summarise_differences

    project = _load(folder, sig)
    change = change_table(
        project, n_permutations=0, **_filters(tie_types, min_weight)
    )  # protected for a leernetwerk
    kpi = kpi_table(folder, sig) if project.has_responses else None
    table = compare_table(folder, sig, tie_types, min_weight)
    if wave is not None:
        chosen = coverage.comparison(project, wave)
        table, change, kpi = chosen.restrict(table), chosen.restrict(change), chosen.restrict(kpi)
    return summarise_differences(table, change=change, kpi=kpi, lang=lang)


def comparison(project: Project, wave: str | None) -> coverage.Comparison:
    """:func:`wijknet.analysis.coverage.comparison`: the wave, wijken and waves the comparison page describes."""
    return coverage.comparison(project, wave)


@result(max_entries=16)
def compare_mixing(
    folder: str,
    sig: tuple,
    wave: str,
    tie_types: tuple[str, ...] = (),
    min_weight: float | None = None,
) -> pd.DataFrame:
    """:func:`wijknet.analysis.compare.mixing_by_wijk`: the domain mixing of every wijk in one wave."""
    from wijknet.analysis.compare import mixing_by_wijk

    return mixing_by_wijk(_load(folder, sig), wave, **_filters(tie_types, min_weight))


@result(max_entries=64)
def small_map_html(
    folder: str,
    sig: tuple,
    wijk: str,
    wave: str,
    tie_types: tuple[str, ...],
    min_weight: float | None,
    lang: str,
    height: int = SMALL_MAP_HEIGHT,
) -> str:
    """A small map without any name (no labels, no hover texts), same positions as the large map of the wijk."""
    from wijknet.viz.netmap import network_map_html

    project = _load(folder, sig)
    G = graph(folder, sig, wijk, wave, tie_types, min_weight)
    return network_map_html(
        G,
        layout(folder, sig, wijk),
        taxonomy=project.taxonomy,
        lang=lang,
        show_names=False,
        legend=False,
        compact=True,
        tooltips=False,
        height=height,
        aggregate_only=is_aggregate_only(project),
    )


# --- reports (wijknet.report) -------------------------------------------------------


@result(max_entries=16)
def report_html(folder: str, sig: tuple, wijk: str | None, wave: str, lang: str) -> str:
    """The self-contained HTML of the wijk report (:func:`wijknet.report.build_wijk_report`), all ties.

    With ``wijk=None`` the programme report (:func:`wijknet.report.build_programme_report`).
    """
    from wijknet.report import build_programme_report, build_wijk_report, render_html

    project = _load(folder, sig)
    if wijk is None:
        report = build_programme_report(
            project, wave, n_permutations=REPORT_PERMUTATIONS, seed=0, forest=True
        )
    else:
        report = build_wijk_report(project, wijk, wave, n_permutations=REPORT_PERMUTATIONS, seed=0)
    return render_html(report, lang)


def record_export(folder: str, action: str, **detail) -> None:
    """Record a download (report, anonymised copy) in the audit log of a project store."""
    from wijknet.store.audit import record_if_store

    user = auth.current_session()
    record_if_store(
        folder, action, username=user.username if user else "", audience=viewer(folder)[0], **detail
    )


@st.cache_data(show_spinner=False, max_entries=4)
def anonymised_zip(folder: str, sig: tuple) -> bytes:
    """The anonymised copy of the project (:func:`wijknet.privacy.anonymise.write_anonymised`) as a zip file."""
    import io
    import zipfile

    from wijknet.privacy.anonymise import write_anonymised

    full = load_project(
        folder
    )  # the copy is made from the full project; what it holds is anonymous
    with tempfile.TemporaryDirectory() as tmp:
        files = write_anonymised(full, Path(tmp) / "anoniem")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                archive.write(path, f"wijknet-anoniem/{path.name}")
    return buffer.getvalue()


@st.cache_data(show_spinner=False, max_entries=8)
def report_pdf(folder: str, sig: tuple, wijk: str | None, wave: str, lang: str) -> bytes:
    """The wijk report as PDF (headless Chromium); raises :class:`wijknet.report.PdfError`."""
    from wijknet.report import pdf_bytes

    return pdf_bytes(report_html(folder, sig, wijk, wave, lang))


def pdf_available() -> bool:
    """Whether Chromium is installed, so the app can offer a PDF."""
    from wijknet.report import find_chromium

    return find_chromium() is not None


# --- the live session (wijknet.live) ---------------------------------------------------

LIVE_MAP_HEIGHT = 620
LIVE_MAX_LABELS = 35


@st.cache_data(show_spinner=False, max_entries=8, ttl=3600)
def live_room_project(folder: str, wijk: str, viewer: str, roster_version: tuple):
    """The restricted project of the room; reloaded when the wijk's actors change (``roster_version``)."""
    from wijknet.live.projector import projector_project

    return projector_project(folder, wijk, viewer)


@st.cache_data(show_spinner=False, max_entries=8, ttl=3600)
def live_positions(folder: str, code: str, viewer: str, roster_version: tuple):
    """:func:`wijknet.live.projector.live_layout` of the room's graph."""
    from wijknet.live import get_session
    from wijknet.live.projector import live_graph, live_layout

    project = live_room_project(folder, get_session(folder, code).wijk, viewer, roster_version)
    return live_layout(project, live_graph(project, folder, code))


@st.cache_data(show_spinner=False, max_entries=16, ttl=3600)
def live_map(
    folder: str, code: str, viewer: str, version: tuple, lang: str, size_label: str
) -> tuple[str, dict]:
    """The map's HTML and counts for one state of the roster and answers (``version``).

    An unchanged map is not redrawn. Nodes are sized by the number of
    distinct partners (:func:`wijknet.analysis.tables.node_sizes`).
    """
    from wijknet.live import get_session
    from wijknet.live.projector import cross_domain_ties, live_graph
    from wijknet.viz.netmap import network_map_html

    roster_version = version[0]
    project = live_room_project(folder, get_session(folder, code).wijk, viewer, roster_version)
    G = live_graph(project, folder, code)
    sizes = tables.node_sizes(tables.actor_table(G), "degree")
    html = network_map_html(G, live_positions(folder, code, viewer, roster_version), taxonomy=project.taxonomy,
                            node_size=sizes, size_label=size_label, lang=lang, max_labels=LIVE_MAX_LABELS,
                            height=LIVE_MAP_HEIGHT, respondents=G.graph["respondents"])  # fmt: skip
    return html, {"ties": G.number_of_edges(), "cross": cross_domain_ties(G)}


# --- the shared selection ---------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """What the sidebar selected, plus the loaded project (or the load error)."""

    folder: str
    sig: tuple
    project: Project | None
    error: str | None
    lang: str
    wijk: str | None
    wave: str | None
    tie_types: tuple[str, ...]
    min_weight: float | None

    @property
    def key(self) -> tuple:
        """Arguments for the cached functions: folder, signature."""
        return (self.folder, self.sig)

    @property
    def filters(self) -> tuple:
        return (self.tie_types, self.min_weight)

    @property
    def has_data(self) -> bool:
        """Whether the chosen wijk has ties in the chosen wave (:func:`wijknet.analysis.coverage.has_data`)."""
        return self.project is not None and coverage.has_data(self.project, self.wijk, self.wave)

    def waves_with_data(self) -> list[str]:
        """The waves in which the chosen wijk has ties (:func:`wijknet.analysis.coverage.waves_with_data`)."""
        return [] if self.project is None else coverage.waves_with_data(self.project, self.wijk)

    def missing_waves(self, *waves: str) -> list[str]:
        """Of ``waves``, those without ties of the chosen wijk (:func:`wijknet.analysis.coverage.comparable`)."""
        if self.project is None:
            return list(waves)
        return [w for w in waves if not coverage.has_data(self.project, self.wijk, w)]


def default_selection(
    project: Project, wijk: str | None, wave: str | None
) -> tuple[str | None, str | None]:
    """:func:`wijknet.analysis.coverage.default_selection`: the latest wave with data, a wijk with data."""
    return coverage.default_selection(project, wijk, wave)


def init_state() -> None:
    """Default values of the shared selection, kept across pages."""
    for key, value in DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = value


def open_project() -> tuple[str, tuple, Project | None, str | None]:
    """Load the project of this app; a :class:`DataError` becomes a message, never a traceback."""
    try:
        folder = project_folder()
    except (OSError, DataError) as exc:  # demo could not be written
        return "", (), None, str(exc)
    folder_str = str(folder)
    sig = key_of(folder)
    try:
        return folder_str, sig, _load(folder_str, sig), None
    except DataError as exc:
        return folder_str, sig, None, str(exc)
    except (OSError, ValueError) as exc:
        return folder_str, sig, None, str(exc)


def tie_type_options(project: Project) -> list[str]:
    """:func:`wijknet.analysis.tables.tie_type_options`: all tie types used in the project (for the filter)."""
    return tables.tie_type_options(project)


def weight_range(project: Project) -> tuple[float, float]:
    """:func:`wijknet.analysis.tables.weight_range`: lowest and highest tie weight (for the filter)."""
    return tables.weight_range(project)


def selection() -> Selection:
    """The current selection, as stored by the entry script's sidebar."""
    sel = st.session_state.get("_selection")
    if sel is None:  # a page run without the entry script (should not happen)
        folder, sig, project, error = open_project()
        sel = Selection(folder, sig, project, error, language(), None, None, (), None)
    return sel


# --- steering ---------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=8)
def steering_html(folder: str, sig: tuple, period: str, lang: str) -> str:
    """The steering-group report of ``period`` (:mod:`wijknet.report.steering`) as HTML.

    Raises :class:`wijknet.core.errors.DataError` for a wijkteam viewer (the report is refused).
    """
    from wijknet.report.steering import build_steering_report, render_steering

    return render_steering(build_steering_report(_load(folder, sig), period, seed=0), lang)


@st.cache_data(show_spinner=False, max_entries=4)
def steering_pdf(folder: str, sig: tuple, period: str, lang: str) -> bytes:
    """The steering-group report as PDF (headless Chromium)."""
    from wijknet.report import pdf_bytes

    return pdf_bytes(steering_html(folder, sig, period, lang))


def steering_periods(folder: str, sig: tuple) -> list[str]:
    """The periods the steering-group report can be made for (:func:`wijknet.analysis.steering.periods`)."""
    from wijknet.analysis.steering import periods

    return periods(_load(folder, sig).waves)


@result(max_entries=4)
def what_works(folder: str, sig: tuple):
    """:func:`wijknet.analysis.evaluation.what_works_where` of the project (the forest plots)."""
    from wijknet.analysis.evaluation import what_works_where

    return what_works_where(_load(folder, sig), seed=0)


# --- page views (one computation per page, cached here so warm-up reaches them) -------------------


@result(max_entries=32)
def team_view(folder: str, sig: tuple, wijk: str, wave: str, lang: str) -> dict:
    """:func:`wijknet.analysis.team.team_view` of one wijk and wave (the PlusWIJkteam page)."""
    from wijknet.analysis import team

    return team.team_view(_load(folder, sig), wijk, wave, lang=lang)


@result(max_entries=16)
def world_tables(folder: str, sig: tuple, wijk: str | None, wave: str | None) -> dict:
    """:func:`wijknet.analysis.worlds.world_tables` of one wijk (all waves) or of every wijk in one wave."""
    from wijknet.analysis import worlds

    return worlds.world_tables(
        _load(folder, sig),
        n_permutations=APP_PERMUTATIONS,  # = wijknet.core.settings.PERMUTATIONS
        seed=0,
        wijken=None if wijk is None else [wijk],
        waves=None if wave is None else [wave],
    )


OPPORTUNITY_K = 3  # suggestions per actor the Verbindingskansen page starts with


@result(max_entries=16)
def opportunity_view(folder: str, sig: tuple, wijk: str, wave: str, k: int) -> dict:
    """:func:`wijknet.analysis.opportunities.opportunity_view` (per viewer, wijk, wave and ``k``)."""
    from wijknet.analysis import opportunities

    project = _load(folder, sig)
    missing = opportunities.kernaanpak_missing(project, wijk, wave)
    return opportunities.opportunity_view(project, wijk, wave, k=k, missing=missing)


@result(max_entries=16)
def onderstroom_view(folder: str, sig: tuple, wijk: str) -> dict:
    """:func:`wijknet.analysis.onderstroom.wijk_onderstroom` of one wijk (the Vertrouwen en waarde page)."""
    from wijknet.analysis.onderstroom import wijk_onderstroom

    return wijk_onderstroom(_load(folder, sig), wijk)


@result(max_entries=16)
def onderstroom_themes(folder: str, sig: tuple, wijk: str) -> pd.DataFrame:
    """:func:`wijknet.analysis.onderstroom.wijk_themes` of one wijk."""
    from wijknet.analysis.onderstroom import wijk_themes

    return wijk_themes(_load(folder, sig), wijk)
