"""A wijknet project: validated actors and ties plus their configuration.

A project folder holds ``actors.csv`` and ``ties.csv`` (or ``.xlsx``) and
optionally ``wijknet.yaml``::

    title: PlusWIJken wijknetwerken
    synthetic: false          # true marks fictional demo data
    waves: ["2025", "2026", "2027"]   # order of the waves; else natural order
    taxonomy: domains.yaml    # own domain taxonomy, relative to the folder
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pandas as pd
import yaml

from .errors import DataError, Problem
from .i18n import text
from .io.tables import read_table
from .io.tidy import ACTOR_REQUIRED, TIE_REQUIRED, validate_actors, validate_ties
from .taxonomy import Taxonomy

log = logging.getLogger(__name__)

CONFIG_FILE = "wijknet.yaml"
TEXTS = {
    "no_table": {
        "nl": "'{name}.csv' of '{name}.xlsx' ontbreekt in de map {folder}",
        "en": "'{name}.csv' or '{name}.xlsx' is missing in the folder {folder}",
    },
    "bad_config": {"nl": "ongeldige configuratie: {detail}", "en": "invalid configuration: {detail}"},
    "unknown_domains": {
        "nl": "Domeinen die de taxonomie niet kent, worden gebruikt zoals ze zijn (met een eigen kleur): {labels}",
        "en": "Domains the taxonomy does not know are used as they are (with a generated colour): {labels}",
    },
    "unknown_wave": {
        "nl": "meting '{value}' staat niet in de lijst 'waves' van {config}",
        "en": "wave '{value}' is not in the 'waves' list of {config}",
    },
}


def natural_key(value: str) -> list:
    """Sort key that orders ``"wave 2"`` before ``"wave 10"``."""
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", str(value))]


@dataclass
class ProjectConfig:
    title: str = ""
    synthetic: bool = False
    waves: list[str] | None = None
    taxonomy: Taxonomy = field(default_factory=Taxonomy.default)

    @classmethod
    def load(cls, folder: Path) -> ProjectConfig:
        path = folder / CONFIG_FILE
        if not path.exists():
            return cls()
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if not isinstance(data, dict):
                raise ValueError("expected a mapping")
            taxonomy = Taxonomy.from_file(folder / data["taxonomy"]) if data.get("taxonomy") else Taxonomy.default()
            waves = data.get("waves")
            return cls(
                title=str(data.get("title", "")),
                synthetic=bool(data.get("synthetic", False)),
                waves=[str(w) for w in waves] if waves else None,
                taxonomy=taxonomy,
            )
        except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
            raise DataError([Problem(CONFIG_FILE, text(TEXTS, "bad_config", detail=exc))]) from None


@dataclass
class Project:
    """Validated actors and ties of one or more wijken over one or more waves.

    Attributes
    ----------
    actors : pandas.DataFrame
        One row per actor; ``domain`` holds canonical taxonomy keys (or the
        label as given when the taxonomy does not know it).
    ties : pandas.DataFrame
        One row per observed directed tie.
    config : ProjectConfig
    warnings : list of str
        Messages for the user that did not stop loading (e.g. unknown domains).
    """

    actors: pd.DataFrame
    ties: pd.DataFrame
    config: ProjectConfig = field(default_factory=ProjectConfig)
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def taxonomy(self) -> Taxonomy:
        return self.config.taxonomy

    @property
    def wijken(self) -> list[str]:
        return sorted(self.actors["wijk"].unique(), key=natural_key)

    @property
    def waves(self) -> list[str]:
        found = set(self.ties["wave"].unique())
        if self.config.waves:
            return list(self.config.waves)
        return sorted(found, key=natural_key)

    @property
    def domains(self) -> list[str]:
        return self.taxonomy.order(self.actors["domain"].unique())

    def graph(self, wijk: str, wave: str, **options) -> nx.DiGraph:
        """The stakeholder graph of one wijk and wave; see :func:`wijknet.graph.build_graph`."""
        from .graph import build_graph

        return build_graph(self, wijk, wave, **options)

    @classmethod
    def from_frames(cls, actors: pd.DataFrame, ties: pd.DataFrame, config: ProjectConfig | None = None,
                    path: Path | None = None) -> Project:
        """Validate raw string tables (as :func:`read_table` returns them) into a project."""
        config = config or ProjectConfig()
        actors_file = actors.attrs.get("file", "actors.csv")
        ties_file = ties.attrs.get("file", "ties.csv")
        actors = validate_actors(actors, actors_file)
        ties = validate_ties(ties, actors, ties_file, actors_file)
        if config.waves:
            bad = [Problem(ties_file, text(TEXTS, "unknown_wave", value=w, config=CONFIG_FILE), row=r, column="wave")
                   for r, w in ties["wave"].items() if w not in config.waves]
            if bad:
                raise DataError(bad)
        taxonomy = config.taxonomy
        actors["domain"] = actors["domain"].map(taxonomy.canonical)
        warnings = []
        unknown = taxonomy.unknown(actors["domain"].unique())
        if unknown:
            warnings.append(text(TEXTS, "unknown_domains", labels=", ".join(unknown)))
            log.warning("%d domain label(s) not in the taxonomy", len(unknown))
        actors = actors.reset_index(drop=True)
        ties = ties.reset_index(drop=True)
        return cls(actors=actors, ties=ties, config=config, path=path, warnings=warnings)


def load_project(folder: str | Path) -> Project:
    """Read and validate a tidy project folder.

    Raises
    ------
    DataError
        For every problem found, with file, row and column.
    """
    folder = Path(folder)
    config = ProjectConfig.load(folder)
    tables = {}
    for name, required in (("actors", ACTOR_REQUIRED), ("ties", TIE_REQUIRED)):
        path = next((folder / f"{name}{ext}" for ext in (".csv", ".xlsx") if (folder / f"{name}{ext}").exists()), None)
        if path is None:
            raise DataError([Problem(f"{name}.csv", text(TEXTS, "no_table", name=name, folder=folder))])
        tables[name] = read_table(path, expected=required)
    return Project.from_frames(tables["actors"], tables["ties"], config, path=folder)
