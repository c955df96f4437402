"""``wijknet status``: what a project store holds, per wijk and wave."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from wijknet.core.errors import DataError
from wijknet.store.combine import RULES, combine_observations
from wijknet.store.db import connection
from wijknet.store.frames import observations
from wijknet.store.load import configured_rule, project_from_connection
from wijknet.store.schema import EVIDENCE_KINDS


@dataclass
class StoreStatus:
    """The content of a project store.

    Attributes
    ----------
    title : str
    rule : str
        The configured evidence rule.
    files : pandas.DataFrame
        ``name, kind, imported_at, sha256, size`` per imported file.
    per_wave : pandas.DataFrame
        One row per wijk and wave: ``actors`` (taking part), ``ties_all``,
        ``ties_survey``, ``ties_confirmed`` (ties by evidence rule), one
        ``obs_<kind>`` column per evidence kind present, ``respondents`` and
        ``response_rate`` (respondents / actors taking part).
    pending : dict of str to int
        Rows waiting for the actor registry (write-ins, unidentified respondents).
    problems : list
        Why the store does not load as a project (empty when it does).
    """

    title: str
    rule: str
    files: pd.DataFrame
    per_wave: pd.DataFrame
    pending: dict[str, int] = field(default_factory=dict)
    problems: list = field(default_factory=list)


def store_status(folder: str | Path) -> StoreStatus:
    """Summarise the project store ``folder``; reads only."""
    from wijknet.core.settings import ProjectConfig

    folder = Path(folder)
    config = ProjectConfig.load(folder)
    rule = configured_rule(folder)
    with connection(folder) as conn:
        files = pd.DataFrame(conn.execute("SELECT name, kind, imported_at, sha256, size FROM files ORDER BY file_id").fetchall(),
                             columns=["name", "kind", "imported_at", "sha256", "size"])  # fmt: skip
        pending = dict(conn.execute("SELECT what, COUNT(*) FROM pending GROUP BY what").fetchall())
        obs = observations(conn)
        try:
            project = project_from_connection(conn, folder, "all", config)
        except DataError as exc:
            return StoreStatus(config.title, rule, files, pd.DataFrame(), pending, exc.problems)
    by_rule = {r: combine_observations(obs, r).groupby(["wijk", "wave"]).size() for r in RULES}
    kinds = [k for k in EVIDENCE_KINDS if (obs["kind"] == k).any()]
    obs_counts = obs.groupby(["wijk", "wave", "kind"]).size()
    respondents = (
        project.responses.groupby(["wijk", "wave"]).size()
        if project.has_responses
        else pd.Series(dtype=int)
    )
    rows = []
    for wijk in project.wijken:
        for wave in project.waves:
            present = len(project.present(wijk, wave))
            row = {"wijk": wijk, "wave": wave, "actors": present}
            row.update({f"ties_{r}": int(by_rule[r].get((wijk, wave), 0)) for r in RULES})
            row.update({f"obs_{k}": int(obs_counts.get((wijk, wave, k), 0)) for k in kinds})
            n = int(respondents.get((wijk, wave), 0))
            row.update(
                {"respondents": n, "response_rate": n / present if present else float("nan")}
            )
            rows.append(row)
    return StoreStatus(config.title, rule, files, pd.DataFrame(rows), pending)
