"""A :class:`wijknet.project.Project` from a project store."""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.store.combine import check_rule, combine_observations, evidence
from wijknet.store.db import DB_FILE, connection
from wijknet.store.frames import (
    actor_waves_frame,
    actors_frame,
    observations,
    ratings_frame,
    responses_frame,
    themes_frame,
)
from wijknet.store.raw import clean_raw
from wijknet.store.wijktables import kpi_corrections_frame, ppi_frame, wijken_frame

TEXTS = {
    "no_actors": {
        "nl": "het project heeft nog geen actoren; importeer eerst een actorenbestand met: wijknet import {folder} actors.csv",
        "en": "the project has no actors yet; first import an actors file with: wijknet import {folder} actors.csv",
    },
}


def configured_rule(folder: Path) -> str:
    """The ``evidence_rule`` of ``wijknet.yaml`` (``"all"`` when not set), read by :class:`ProjectConfig`."""
    from wijknet.core.settings import ProjectConfig

    return ProjectConfig.load(Path(folder)).evidence_rule


def project_from_connection(conn: sqlite3.Connection, folder: Path, rule: str = "all", config=None):
    """Validate the store's current content into a Project (inside or outside a transaction).

    Besides actors, ties (by the evidence ``rule``) and responses, the
    project gets ``ratings`` from the survey observations' answers
    (:func:`wijknet.store.frames.ratings_frame`; whatever the evidence rule:
    an answer about a partner is a rating even when the rule does not count
    the tie), ``actor_waves`` and ``themes`` from their tables.
    """
    from wijknet.core.settings import ProjectConfig
    from wijknet.project import Project

    config = config or ProjectConfig.load(folder)
    actors = actors_frame(conn)
    if actors.empty:
        raise DataError([Problem(DB_FILE, text(TEXTS, "no_actors", folder=folder))])
    obs = observations(conn)
    tie_table = combine_observations(obs, rule)
    tie_table.attrs["file"] = f"{DB_FILE} (observations)"
    project = Project.from_frames(
        actors,
        tie_table,
        config,
        path=folder,
        responses=responses_frame(conn),
        ratings=ratings_frame(obs, conn),
        actor_waves=actor_waves_frame(conn),
        themes=themes_frame(conn, obs),
        wijken=wijken_frame(conn),
        ppi=ppi_frame(conn),
        kpi_corrections=kpi_corrections_frame(conn),
    )
    project.evidence_rule = rule
    project.store_path = folder
    project._evidence_source = partial(evidence, folder)
    return project


def load_store_project(folder: str | Path, evidence_rule: str | None = None):
    """Load a project store folder as a Project, its ties made by an evidence rule.

    Parameters
    ----------
    folder : str or Path
        A folder made by ``wijknet init``.
    evidence_rule : {"all", "survey", "confirmed"}, optional
        Overrides ``evidence_rule`` of ``wijknet.yaml`` (default ``"all"``);
        see :mod:`wijknet.store.combine`.
    """
    folder = Path(folder)
    rule = (
        check_rule(evidence_rule, file="evidence_rule")
        if evidence_rule
        else configured_rule(folder)
    )
    clean_raw(folder)  # leftovers of an import killed midway (only when no import runs right now)
    with connection(folder) as conn:
        return project_from_connection(conn, folder, rule)
