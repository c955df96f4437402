"""A wijknet project: validated actors and ties plus their configuration.

A project folder holds ``actors.csv`` and ``ties.csv`` (or ``.xlsx``),
optionally ``responses.csv`` (survey responses with the KPI 3 item) and
optionally ``wijknet.yaml``::

    title: PlusWIJken wijknetwerken
    synthetic: false          # true marks fictional demo data
    waves: ["2025", "2026", "2027"]   # order of the waves; else natural order
    taxonomy: domains.yaml    # own domain taxonomy, relative to the folder
    kpi3_bands:               # KPI 3 bands per wave in percent (default below)
      "2025": [0, 25]
      "2026": [25, 50]
      "2027": [50, 80]
    kpi3_target: 75           # end target in percent
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pandas as pd
import yaml

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.core.taxonomy import Taxonomy
from wijknet.io.tables import read_table
from wijknet.io.tidy import (
    ACTOR_REQUIRED,
    RESPONSE_REQUIRED,
    TIE_REQUIRED,
    empty_responses,
    validate_actors,
    validate_responses,
    validate_ties,
)
from wijknet.privacy.audience import Audience

log = logging.getLogger(__name__)

CONFIG_FILE = "wijknet.yaml"
#: KPI 3 bands (minimum, maximum effect) per year as shares, and the end target (PlusWIJken KPI rules).
KPI3_BANDS = {"2025": (0.0, 0.25), "2026": (0.25, 0.50), "2027": (0.50, 0.80)}
KPI3_TARGET = 0.75
TEXTS = {
    "no_table": {
        "nl": "'{name}.csv' of '{name}.xlsx' ontbreekt in de map {folder}",
        "en": "'{name}.csv' or '{name}.xlsx' is missing in the folder {folder}",
    },
    "bad_config": {
        "nl": "ongeldige configuratie: {detail}",
        "en": "invalid configuration: {detail}",
    },
    "renamed_domains": {
        "nl": "Domeinlabels die de taxonomie onder een andere naam kent, zijn omgezet: {labels}",
        "en": "Domain labels the taxonomy knows under another name were converted: {labels}",
    },
    "unknown_domains": {
        "nl": "Domeinen die de taxonomie niet kent, worden gebruikt zoals ze zijn (met een eigen kleur): {labels}",
        "en": "Domains the taxonomy does not know are used as they are (with a generated colour): {labels}",
    },
    "bad_span": {
        "nl": "first_wave '{first}' ligt na last_wave '{last}'",
        "en": "first_wave '{first}' comes after last_wave '{last}'",
    },
    "absent_actor": {
        "nl": "actor '{value}' doet in meting '{wave}' niet mee (first_wave/last_wave in {actors})",
        "en": "actor '{value}' does not take part in wave '{wave}' (first_wave/last_wave in {actors})",
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
    kpi3_bands: dict[str, tuple[float, float]] = field(default_factory=lambda: dict(KPI3_BANDS))
    kpi3_target: float = KPI3_TARGET
    #: Smallest group a leernetwerk may see (``privacy: {min_cell: 5}``), see :mod:`wijknet.privacy`.
    min_cell: int = 5

    @classmethod
    def load(cls, folder: Path) -> ProjectConfig:
        path = folder / CONFIG_FILE
        if not path.exists():
            return cls()
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if not isinstance(data, dict):
                raise ValueError("expected a mapping")
            taxonomy = (
                Taxonomy.from_file(folder / data["taxonomy"])
                if data.get("taxonomy")
                else Taxonomy.default()
            )
            waves = data.get("waves")
            return cls(
                title=str(data.get("title", "")),
                synthetic=bool(data.get("synthetic", False)),
                waves=[str(w) for w in waves] if waves else None,
                taxonomy=taxonomy,
                kpi3_bands=_bands(data["kpi3_bands"])
                if data.get("kpi3_bands") is not None
                else dict(KPI3_BANDS),
                kpi3_target=_percent(data["kpi3_target"])
                if data.get("kpi3_target") is not None
                else KPI3_TARGET,
                min_cell=_min_cell(data.get("privacy")),
            )
        except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
            raise DataError([Problem(CONFIG_FILE, text(TEXTS, "bad_config", detail=exc))]) from None


def _percent(value) -> float:
    """A percentage 0-100 from the configuration as a share 0-1."""
    number = float(value)
    if not 0 <= number <= 100:
        raise ValueError(f"{value!r} is not a percentage between 0 and 100")
    return number / 100


def _min_cell(data) -> int:
    """``privacy: {min_cell: n}`` as a whole number of at least 2 (default 5)."""
    if data is None:
        return 5
    if not isinstance(data, dict):
        raise ValueError("privacy: expected a mapping such as {min_cell: 5}")
    value = int(data.get("min_cell", 5))
    if value < 2:
        raise ValueError("privacy: min_cell must be 2 or more")
    return value


def _bands(data) -> dict[str, tuple[float, float]]:
    """``kpi3_bands: {"2025": [0, 25], ...}`` (percent) as ``{"2025": (0.0, 0.25)}``."""
    if not isinstance(data, dict):
        raise ValueError("kpi3_bands: expected a mapping of wave to [minimum, maximum] in percent")
    bands = {}
    for wave, band in data.items():
        if not isinstance(band, (list, tuple)) or len(band) != 2:
            raise ValueError(f"kpi3_bands: {wave}: expected [minimum, maximum] in percent")
        low, high = _percent(band[0]), _percent(band[1])
        if low > high:
            raise ValueError(
                f"kpi3_bands: {wave}: the minimum {band[0]} is above the maximum {band[1]}"
            )
        bands[str(wave)] = (low, high)
    return bands


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
    responses : pandas.DataFrame
        One row per survey response (``wijk``, ``wave``, ``actor_id``,
        ``kpi3`` as float 1-5 or NaN, ``active`` as bool, extra columns);
        no rows when the project has no ``responses`` table.
    evidence_rule : str or None
        For a project store: the evidence rule that made ``ties`` from the
        observations (``"all"``, ``"survey"`` or ``"confirmed"``, see
        :mod:`wijknet.store.combine`); ``None`` for a tidy folder.
    store_path : Path or None
        The project store folder, when the project was loaded from one.
    audience : Audience or None
        Who this project was restricted for (:func:`wijknet.privacy.restrict`);
        ``None`` for the full project as read from the files.
    """

    actors: pd.DataFrame
    ties: pd.DataFrame
    config: ProjectConfig = field(default_factory=ProjectConfig)
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)
    responses: pd.DataFrame = field(default_factory=empty_responses)
    evidence_rule: str | None = None
    store_path: Path | None = None
    audience: Audience | None = None
    #: pseudonym -> real actor id of a restricted project, only to look up evidence in the store.
    _real_ids: dict[str, str] | None = field(default=None, repr=False)

    def evidence(self, wijk: str, wave: str, source: str, target: str) -> pd.DataFrame:
        """The evidence of the tie ``source -> target`` in one wijk and wave.

        For a project store: every observation of the tie and the reverse
        reports, with kind, file, row, column and quote (see
        :func:`wijknet.store.combine.evidence`). For a tidy folder: the rows of
        the ``ties`` table (kind ``tidy_file``). A restricted project
        (:attr:`audience`) returns only what its audience may see
        (:func:`wijknet.privacy.view.restrict_evidence`).
        """
        if self.audience is not None:
            from wijknet.privacy.view import restrict_evidence

            self.audience.require(
                self.audience.sees_individuals, "bewijs van afzonderlijke relaties"
            )
            real = self._real_ids or {}
            full = dataclasses.replace(
                self,
                audience=None,
                _real_ids=None,
                ties=self.ties.assign(
                    source=self.ties["source"].map(lambda a: real.get(a, a)),
                    target=self.ties["target"].map(lambda a: real.get(a, a)),
                ),
            )
            rows = full.evidence(wijk, wave, real.get(source, source), real.get(target, target))
            if self.audience.wijk:  # nothing of another wijk, whatever is asked
                rows = rows[rows["wijk"] == self.audience.wijk]
            codes = {v: k for k, v in real.items()} if self._real_ids is not None else None
            return restrict_evidence(rows, self.audience, codes)
        if self.store_path is not None:
            from wijknet.store.combine import evidence

            return evidence(self.store_path, wijk, wave, source, target)
        t = self.ties
        rows = t[
            (t["wijk"] == wijk)
            & (t["wave"] == wave)
            & (
                ((t["source"] == source) & (t["target"] == target))
                | ((t["source"] == target) & (t["target"] == source))
            )
        ]
        return pd.DataFrame({
            "wijk": rows["wijk"], "wave": rows["wave"], "source": rows["source"], "target": rows["target"],
            "tie_type": rows["tie_type"], "direction": ["tie" if s == source else "reverse" for s in rows["source"]],
            "weight": rows["weight"], "kind": "tidy_file", "label": rows["evidence"],
            "source_file": self.ties.attrs.get("file", "ties.csv"),
        }).reset_index(drop=True)  # fmt: skip

    @property
    def taxonomy(self) -> Taxonomy:
        return self.config.taxonomy

    @property
    def wijken(self) -> list[str]:
        return sorted(self.actors["wijk"].unique(), key=natural_key)

    @property
    def waves(self) -> list[str]:
        """Waves in the configured order, else in natural order of all waves named in the data."""
        if self.config.waves:
            return list(self.config.waves)
        return _found_waves(self.actors, self.ties)

    def present(self, wijk: str, wave: str) -> pd.DataFrame:
        """Actors of ``wijk`` who take part in ``wave`` (between their first and last wave)."""
        actors = self.actors[self.actors["wijk"] == wijk]
        return actors[_present_mask(actors, wave, self.waves)]

    @property
    def domains(self) -> list[str]:
        return self.taxonomy.order(self.actors["domain"].unique())

    def graph(self, wijk: str, wave: str, **options) -> nx.DiGraph:
        """The stakeholder graph of one wijk and wave; see :func:`wijknet.graph.build.build_graph`."""
        from wijknet.graph.build import build_graph

        return build_graph(self, wijk, wave, **options)

    @property
    def has_responses(self) -> bool:
        """Whether the project has survey responses (a non-empty ``responses`` table)."""
        return not self.responses.empty

    @classmethod
    def from_frames(
        cls,
        actors: pd.DataFrame,
        ties: pd.DataFrame,
        config: ProjectConfig | None = None,
        path: Path | None = None,
        responses: pd.DataFrame | None = None,
    ) -> Project:
        """Validate raw string tables (as :func:`read_table` returns them) into a project.

        ``responses`` (optional) is the raw survey responses table; see
        :func:`wijknet.io.tidy.validate_responses`.
        """
        config = config or ProjectConfig()
        actors_file = actors.attrs.get("file", "actors.csv")
        ties_file = ties.attrs.get("file", "ties.csv")
        actors = validate_actors(actors, actors_file)
        ties = validate_ties(ties, actors, ties_file, actors_file)
        if responses is not None:
            responses_file = responses.attrs.get("file", "responses.csv")
            responses = validate_responses(responses, actors, responses_file, actors_file)
        if config.waves:
            bad = [
                Problem(
                    ties_file,
                    text(TEXTS, "unknown_wave", value=w, config=CONFIG_FILE),
                    row=r,
                    column="wave",
                )
                for r, w in ties["wave"].items()
                if w not in config.waves
            ]
            bad += [
                Problem(
                    actors_file,
                    text(TEXTS, "unknown_wave", value=w, config=CONFIG_FILE),
                    row=r,
                    column=c,
                )
                for c in ("first_wave", "last_wave")
                for r, w in actors[c].items()
                if w and w not in config.waves
            ]
            if responses is not None:
                bad += [
                    Problem(
                        responses_file,
                        text(TEXTS, "unknown_wave", value=w, config=CONFIG_FILE),
                        row=r,
                        column="wave",
                    )
                    for r, w in responses["wave"].items()
                    if w not in config.waves
                ]
            if bad:
                raise DataError(bad)
        waves = config.waves or _found_waves(actors, ties, responses)
        _check_spans(actors, ties, waves, actors_file, ties_file)
        if responses is not None:
            _check_respondents(actors, responses, waves, actors_file, responses_file)
            responses = responses.reset_index(drop=True)
        else:
            responses = empty_responses()
        taxonomy = config.taxonomy
        renamed = taxonomy.renamed(actors["domain"].unique())
        actors["domain"] = actors["domain"].map(taxonomy.canonical)
        warnings = []
        if renamed:
            warnings.append(
                text(
                    TEXTS,
                    "renamed_domains",
                    labels=", ".join(f"{a} → {k}" for a, k in sorted(renamed.items())),
                )
            )
        unknown = taxonomy.unknown(actors["domain"].unique())
        if unknown:
            warnings.append(text(TEXTS, "unknown_domains", labels=", ".join(unknown)))
            log.warning("%d domain label(s) not in the taxonomy", len(unknown))
        actors = actors.reset_index(drop=True)
        ties = ties.reset_index(drop=True)
        return cls(
            actors=actors,
            ties=ties,
            config=config,
            path=path,
            warnings=warnings,
            responses=responses,
        )


def _found_waves(
    actors: pd.DataFrame, ties: pd.DataFrame, responses: pd.DataFrame | None = None
) -> list[str]:
    found = set(ties["wave"]) | set(actors["first_wave"]) | set(actors["last_wave"])
    if responses is not None:
        found |= set(responses["wave"])
    return sorted(found - {""}, key=natural_key)


def _present_mask(actors: pd.DataFrame, wave: str, waves: list[str]) -> pd.Series:
    """Which actors take part in ``wave``: ``first_wave <= wave <= last_wave`` in wave order."""
    position = {w: i for i, w in enumerate(waves)}
    at = position[wave] if wave in position else -1
    first = actors["first_wave"].map(lambda w: position.get(w, 0) if w else 0)
    last = actors["last_wave"].map(lambda w: position.get(w, len(waves)) if w else len(waves))
    return (first <= at) & (at <= last)


def _check_spans(actors, ties, waves, actors_file, ties_file) -> None:
    """first_wave before last_wave, and no tie of an actor outside its waves."""
    position = {w: i for i, w in enumerate(waves)}
    problems = [
        Problem(
            actors_file,
            text(TEXTS, "bad_span", first=first, last=last),
            row=row,
            column="last_wave",
        )
        for row, first, last in zip(actors.index, actors["first_wave"], actors["last_wave"])
        if first and last and position.get(first, 0) > position.get(last, 0)
    ]
    spans = actors.set_index("actor_id")[["first_wave", "last_wave"]]
    if (spans != "").any(axis=None):
        for wave, group in ties.groupby("wave", sort=False):
            present = set(spans.index[_present_mask(spans, wave, waves).to_numpy()])
            for column in ("source", "target"):
                problems += [
                    Problem(
                        ties_file,
                        text(TEXTS, "absent_actor", value=a, wave=wave, actors=actors_file),
                        row=row,
                        column=column,
                    )
                    for row, a in group[column].items()
                    if a not in present
                ]
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.file, p.row or 0, p.column or "")))


def _check_respondents(actors, responses, waves, actors_file, responses_file) -> None:
    """Every respondent takes part in the wave of the response (first_wave/last_wave)."""
    spans = actors.set_index("actor_id")[["first_wave", "last_wave"]]
    problems = []
    for wave, group in responses.groupby("wave", sort=False):
        present = set(spans.index[_present_mask(spans, wave, waves).to_numpy()])
        problems += [
            Problem(
                responses_file,
                text(TEXTS, "absent_actor", value=a, wave=wave, actors=actors_file),
                row=row,
                column="actor_id",
            )
            for row, a in group["actor_id"].items()
            if a not in present
        ]
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))


def load_project(
    folder: str | Path,
    evidence_rule: str | None = None,
    *,
    audience: str | Audience | None = None,
    key: bytes | None = None,
) -> Project:
    """Read and validate a tidy project folder or a project store, as one audience may see it.

    A folder with ``wijknet.sqlite`` is a project store (``wijknet init``):
    its ties are made from the observations by ``evidence_rule`` (``"all"``,
    ``"survey"`` or ``"confirmed"``; default: ``evidence_rule`` of
    ``wijknet.yaml``, else ``"all"``); see :mod:`wijknet.store`.

    ``audience`` (``"onderzoeker"``, ``"wijkteam:<wijk>"``, ``"leernetwerk"``
    or an :class:`~wijknet.privacy.Audience`) restricts the project to what
    that viewer may see (:func:`wijknet.privacy.restrict`, pseudonyms made
    with ``key`` or the project's key file). Without it the project is
    returned in full, as the owner of the files has it; the CLI and the app
    always pass an audience.

    Raises
    ------
    DataError
        For every problem found, with file, row and column.
    """
    folder = Path(folder)
    from wijknet.store.db import is_store

    if is_store(folder):
        from wijknet.store.load import load_store_project

        project = load_store_project(folder, evidence_rule=evidence_rule)
    else:
        project = _load_tidy(folder)
    if audience is None:
        return project
    from wijknet.privacy.view import restrict

    return restrict(project, audience, key=key)


def _load_tidy(folder: Path) -> Project:
    config = ProjectConfig.load(folder)
    tables = {}
    for name, required in (
        ("actors", ACTOR_REQUIRED),
        ("ties", TIE_REQUIRED),
        ("responses", RESPONSE_REQUIRED),
    ):
        path = next(
            (
                folder / f"{name}{ext}"
                for ext in (".csv", ".xlsx")
                if (folder / f"{name}{ext}").exists()
            ),
            None,
        )
        if path is None and name == "responses":
            continue  # optional
        if path is None:
            raise DataError(
                [Problem(f"{name}.csv", text(TEXTS, "no_table", name=name, folder=folder))]
            )
        tables[name] = read_table(path, expected=required)
    project = Project.from_frames(
        tables["actors"], tables["ties"], config, path=folder, responses=tables.get("responses")
    )
    # Notes of reading (cleaned invisible characters, sheets not read) are shown like the other warnings.
    project.warnings.extend(
        str(note) for df in tables.values() for note in df.attrs.get("notes", [])
    )
    return project
