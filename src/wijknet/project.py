"""A wijknet project: validated actors and ties plus their configuration.

A project folder holds ``actors.csv`` and ``ties.csv`` (or ``.xlsx``),
optionally ``responses.csv`` (survey responses with the KPI 3 item),
``ratings.csv`` (the PARTNER items per named partner), ``actor_waves.csv``
(attributes that differ per wave), ``themes.csv`` (interview theme codes),
``wijken.csv`` (wijk metadata: municipality, subregion, pilot or comparison,
start of the wijkplan, route-map phase per wave), ``ppi.csv`` (process
indicators of the programme office), ``kpi_corrections.csv`` (exogenous
corrections of the KPI 3 judgement) and ``wijknet.yaml``::

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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.core.memo import memo, rows_where
from wijknet.core.order import natural_key
from wijknet.core.settings import CONFIG_FILE, ProjectConfig
from wijknet.core.taxonomy import Taxonomy

if TYPE_CHECKING:
    from wijknet.privacy.audience import Audience
from wijknet.io.tables import read_table
from wijknet.io.tidy import (
    ACTOR_DERIVED,
    ACTOR_OPTIONAL,
    ACTOR_REQUIRED,
    ACTOR_WAVE_OPTIONAL,
    ACTOR_WAVE_REQUIRED,
    KPI_CORRECTION_REQUIRED,
    PILOT,
    PPI_REQUIRED,
    RATING_REQUIRED,
    RESPONSE_REQUIRED,
    THEME_REQUIRED,
    TIE_REQUIRED,
    TRUE,
    WIJKEN_REQUIRED,
    Distinct,
    by_value,
    empty_actor_waves,
    empty_kpi_corrections,
    empty_ppi,
    empty_ratings,
    empty_responses,
    empty_themes,
    empty_wijk_meta,
    empty_wijk_phases,
    validate_actor_waves,
    validate_actors,
    validate_kpi_corrections,
    validate_ppi,
    validate_ratings,
    validate_responses,
    validate_themes,
    validate_ties,
    validate_wijken,
)

log = logging.getLogger(__name__)

TEXTS = {
    "no_table": {
        "nl": "'{name}.csv' of '{name}.xlsx' ontbreekt in de map {folder}",
        "en": "'{name}.csv' or '{name}.xlsx' is missing in the folder {folder}",
    },
    "renamed_domains": {
        "nl": "Domeinlabels die de taxonomie onder een andere naam kent, zijn omgezet: {labels}",
        "en": "Domain labels the taxonomy knows under another name were converted: {labels}",
    },
    "unmapped_roles": {
        "nl": "Rollen die geen rolgroep hebben (geef role_group of vul de rollen-lijst aan): {labels}",
        "en": "Roles without a role group (give role_group or extend the roles file): {labels}",
    },
    "bad_role_group": {
        "nl": "'{value}' is geen rolgroep; verwacht een rolgroep uit de rollen-lijst (bijv. general_practitioner "
        "of Huisarts)",
        "en": "'{value}' is not a role group; expected a role group of the roles file (e.g. general_practitioner "
        "or GP)",
    },
    "bad_layer": {
        "nl": "'{value}' is geen laag; verwacht een van: {known}",
        "en": "'{value}' is not a layer; expected one of: {known}",
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


def _object_strings(table: pd.DataFrame | None) -> pd.DataFrame | None:
    """``table`` with pandas string columns as plain object strings, as :func:`read_table` gives them.

    A store hands over tables from SQLite with pandas' string dtype; one dtype
    for every source keeps the validated tables (and so a store and the tidy
    folder it came from) identical.
    """
    if table is None:
        return None
    columns = [c for c in table.columns if isinstance(table[c].dtype, pd.StringDtype)]
    if not columns:
        return table
    out = table.astype(dict.fromkeys(columns, object))
    out.attrs = dict(table.attrs)
    return out


def _string_columns(table):
    """``table`` with every column of text as pandas' string dtype, whatever source it came from.

    The validators work on plain object strings (:func:`_object_strings`,
    faster); the project hands out one dtype per kind of column, so a store
    and the tidy folder it came from give identical tables.
    """
    if not isinstance(table, pd.DataFrame):
        return table
    columns = [c for c in table.columns if table[c].dtype == object
               and pd.api.types.infer_dtype(table[c], skipna=True) == "string"]  # fmt: skip
    if not columns:
        return table
    out = table.astype(dict.fromkeys(columns, "str"))
    out.attrs = dict(table.attrs)
    return out


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
        ``kpi3`` as float 1-5 or NaN, ``active`` as bool,
        ``participation_level`` a step of :data:`wijknet.io.tidy.LADDER` or
        ``""``, extra columns); no rows when the project has no ``responses`` table.
    ratings : pandas.DataFrame
        One row per survey answer of ``rater`` about a named partner ``rated``
        in a wijk and wave, with the PARTNER items
        (:data:`wijknet.io.tidy.RATING_ITEMS`, float 1-4, NaN = no answer).
        Personal data: individual ratings are for researchers only.
    actor_waves : pandas.DataFrame
        Per-wave actor attributes (:data:`wijknet.io.tidy.ACTOR_WAVE_OPTIONAL`,
        ``""`` = the actor's own value); :meth:`present` applies them.
    themes : pandas.DataFrame
        One row per theme code of a coded interview segment (``wijk``,
        ``wave``, ``interview_id``, ``theme``, ``segment_id``, ``quote``,
        ``actors``).
    wijk_meta : pandas.DataFrame
        The wijk metadata of ``wijken.csv``, one row per wijk
        (:data:`wijknet.io.tidy.WIJK_META_COLUMNS`: ``wijk``,
        ``municipality``, ``subregion``, ``group`` = ``pilot``/``comparison``,
        ``wijkplan_start`` = ISO year or date or ``""``); no rows without the
        table (every wijk is then a pilot, :meth:`wijk_groups`). Not personal data.
        (The name is not ``wijken``: :attr:`wijken` is the list of wijk names.)
    wijk_phases : pandas.DataFrame
        The route-map phase per wijk and wave (``wijk``, ``wave``, ``phase``, a
        name of :data:`wijknet.io.tidy.PHASES`); a wave without a phase has no row.
    ppi : pandas.DataFrame
        The process indicators of ``ppi.csv`` (``scope`` = a wijk or
        ``programma``, ``period``, ``indicator``, ``value``, ``target`` as
        floats, ``unit``, ``note``).
    kpi_corrections : pandas.DataFrame
        Exogenous corrections of the KPI 3 judgement (``wijk``, ``wave``,
        ``correction`` in percentage points, ``reason``); ``reason`` is shown
        to researchers and the leernetwerk only (blank for a wijkteam).

    The actors table always has ``role_group`` (a key of ``config.roles`` or
    ``""``), ``world`` (``leefwereld``/``systeemwereld`` of the role group,
    else of the domain, else ``""``) and ``layer`` (a layer key: the actor's
    own, else its role group's, else ``""``).
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
    ratings: pd.DataFrame = field(default_factory=empty_ratings)
    actor_waves: pd.DataFrame = field(default_factory=empty_actor_waves)
    themes: pd.DataFrame = field(default_factory=empty_themes)
    wijk_meta: pd.DataFrame = field(default_factory=empty_wijk_meta)
    wijk_phases: pd.DataFrame = field(default_factory=empty_wijk_phases)
    ppi: pd.DataFrame = field(default_factory=empty_ppi)
    kpi_corrections: pd.DataFrame = field(default_factory=empty_kpi_corrections)
    evidence_rule: str | None = None
    store_path: Path | None = None
    audience: Audience | None = None
    #: pseudonym -> real actor id of a restricted project, only to look up evidence in the store.
    _real_ids: dict[str, str] | None = field(default=None, repr=False)
    #: ``(wijk, wave, source, target) -> evidence rows`` of a store (set by
    #: :func:`wijknet.store.load.load_store_project`); ``None``: the rows of the ties table.
    _evidence_source: Callable[[str, str, str, str], pd.DataFrame] | None = field(
        default=None, repr=False
    )
    #: ``(rows, audience, codes) -> rows`` the audience may see (set by
    #: :func:`wijknet.privacy.view.restrict`), so that this model needs no privacy import.
    _evidence_view: Callable[..., pd.DataFrame] | None = field(default=None, repr=False)

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
            self.audience.require(
                self.audience.sees_individuals, "bewijs van afzonderlijke relaties"
            )
            real = self._real_ids or {}
            full = dataclasses.replace(
                self,
                audience=None,
                _real_ids=None,
                _evidence_view=None,
                ties=self.ties.assign(
                    source=self.ties["source"].map(lambda a: real.get(a, a)),
                    target=self.ties["target"].map(lambda a: real.get(a, a)),
                ),
            )
            rows = full.evidence(wijk, wave, real.get(source, source), real.get(target, target))
            if self.audience.wijk:  # nothing of another wijk, whatever is asked
                rows = rows[rows["wijk"] == self.audience.wijk]
            codes = {v: k for k, v in real.items()} if self._real_ids is not None else None
            return self._evidence_view(rows, self.audience, codes)
        if self._evidence_source is not None:
            return self._evidence_source(wijk, wave, source, target)
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
        """Actors of ``wijk`` who take part in ``wave`` (between their first and last wave), with that wave's attributes.

        A non-empty value of :attr:`actor_waves` for the wave replaces the
        actor's ``pluswijkteam``, ``kernaanpakken``, ``role``,
        ``organisation``, ``role_group`` or ``layer``; a new role is mapped to
        its role group again.

        Examples
        --------
        >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "wijk": "Noord", "domain": "zorg",
        ...                        "role": "huisarts", "pluswijkteam": "nee"})
        >>> ties = pd.DataFrame({"wijk": "Noord", "wave": ["2025", "2026"], "source": "a", "target": "b"})
        >>> waves = pd.DataFrame({"wijk": "Noord", "wave": ["2026"], "actor_id": ["a"],
        ...                       "pluswijkteam": ["ja"], "role": ["wijkverpleegkundige"]})
        >>> project = Project.from_frames(actors, ties, actor_waves=waves)
        >>> project.present("Noord", "2025")["pluswijkteam"].tolist()
        [False, False]
        >>> in_2026 = project.present("Noord", "2026")
        >>> in_2026["pluswijkteam"].tolist(), in_2026["role_group"].tolist()
        ([True, False], ['district_nurse', 'general_practitioner'])
        """
        # The lenses ask for the same wijk and wave many times (on the demo several hundred):
        # computed once per project and tables (see memo), handed out as copies.
        key = ("present", wijk, wave, id(self.actors), len(self.actors), id(self.actor_waves),
               len(self.actor_waves))  # fmt: skip
        store = memo(self)
        found = store.get(key)
        if found is None:
            found = self._present(wijk, wave)
            store[key] = found
        return found.copy()

    def _present(self, wijk: str, wave: str) -> pd.DataFrame:
        actors = rows_where(self.actors, ("wijk",), (wijk,))
        actors = actors[_present_mask(actors, wave, self.waves)]
        changes = rows_where(self.actor_waves, ("wijk", "wave"), (wijk, wave))
        if changes.empty:
            return actors
        return _apply_wave(actors, changes.set_index("actor_id"), self.config)

    @property
    def domains(self) -> list[str]:
        return self.taxonomy.order(self.actors["domain"].unique())

    def graph(self, wijk: str, wave: str, **options) -> nx.DiGraph:
        """The stakeholder graph of one wijk and wave; see :func:`wijknet.graph.build.build_graph`."""
        from wijknet.graph.build import build_graph

        return build_graph(self, wijk, wave, **options)

    def wijk_groups(self) -> dict[str, str]:
        """``{wijk: "pilot" | "comparison"}`` for every wijk: its ``group`` in :attr:`wijk_meta`, else pilot.

        Examples
        --------
        >>> actors = pd.DataFrame({"actor_id": ["a", "b", "c"], "wijk": ["Noord", "Noord", "Zuid"],
        ...                        "domain": "zorg"})
        >>> ties = pd.DataFrame({"wijk": "Noord", "wave": ["2025"], "source": "a", "target": "b"})
        >>> wijken = pd.DataFrame({"wijk": ["Zuid"], "group": ["vergelijkingswijk"]})
        >>> Project.from_frames(actors, ties, wijken=wijken).wijk_groups()
        {'Noord': 'pilot', 'Zuid': 'comparison'}
        """
        given = dict(zip(self.wijk_meta["wijk"], self.wijk_meta["group"]))
        return {w: given.get(w, PILOT) for w in self.wijken}

    def phase(self, wijk: str, wave: str) -> str:
        """The route-map phase of ``wijk`` in ``wave`` (:attr:`wijk_phases`), ``""`` when none is given."""
        p = self.wijk_phases
        found = p.loc[(p["wijk"] == wijk) & (p["wave"] == wave), "phase"]
        return str(found.iloc[0]) if len(found) else ""

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
        ratings: pd.DataFrame | None = None,
        actor_waves: pd.DataFrame | None = None,
        themes: pd.DataFrame | None = None,
        wijken: pd.DataFrame | None = None,
        ppi: pd.DataFrame | None = None,
        kpi_corrections: pd.DataFrame | None = None,
    ) -> Project:
        """Validate raw string tables (as :func:`read_table` returns them) into a project.

        ``responses``, ``ratings``, ``actor_waves``, ``themes``, ``wijken``
        (the wide table: :attr:`wijk_meta` and :attr:`wijk_phases`), ``ppi``
        and ``kpi_corrections`` are optional raw tables; see :mod:`wijknet.io.tidy`. Roles are mapped to role
        groups by ``config.roles``; the roles it does not know are named in
        one warning.
        """
        config = config or ProjectConfig()
        actors, ties, responses, ratings, actor_waves, themes, wijken, ppi, kpi_corrections = (
            _object_strings(t)
            for t in (actors, ties, responses, ratings, actor_waves, themes, wijken, ppi,
                      kpi_corrections)
        )  # fmt: skip
        actors_file = actors.attrs.get("file", "actors.csv")
        ties_file = ties.attrs.get("file", "ties.csv")
        actors = validate_actors(actors, actors_file)
        ties = validate_ties(ties, actors, ties_file, actors_file)
        if responses is not None:
            responses_file = responses.attrs.get("file", "responses.csv")
            responses = validate_responses(responses, actors, responses_file, actors_file)
        optional = {}
        for name, table, validate in (
            ("ratings", ratings, validate_ratings),
            ("actor_waves", actor_waves, validate_actor_waves),
            ("themes", themes, validate_themes),
        ):
            if table is not None:
                file = table.attrs.get("file", f"{name}.csv")
                optional[name] = validate(table, actors, file, actors_file).reset_index(drop=True)
        if config.waves:
            bad = [
                Problem(
                    ties_file,
                    text(TEXTS, "unknown_wave", value=w, config=CONFIG_FILE),
                    row=r,
                    column="wave",
                )
                # Whole-column membership; only the rows of an unknown wave are worded.
                for r, w in ties["wave"][~ties["wave"].isin(config.waves)].items()
            ]
            bad += [
                Problem(
                    actors_file,
                    text(TEXTS, "unknown_wave", value=w, config=CONFIG_FILE),
                    row=r,
                    column=c,
                )
                for c in ("first_wave", "last_wave")
                for r, w in actors[c][(actors[c] != "") & ~actors[c].isin(config.waves)].items()
            ]
            if responses is not None:
                bad += [
                    Problem(
                        responses_file,
                        text(TEXTS, "unknown_wave", value=w, config=CONFIG_FILE),
                        row=r,
                        column="wave",
                    )
                    for r, w in responses["wave"][~responses["wave"].isin(config.waves)].items()
                ]
            if bad:
                raise DataError(bad)
        waves = config.waves or _found_waves(actors, ties, responses)
        names = set(actors["wijk"])
        if wijken is not None:
            optional["wijk_meta"], optional["wijk_phases"] = validate_wijken(
                wijken, names, config.waves or None, wijken.attrs.get("file", "wijken.csv")
            )
        if ppi is not None:
            optional["ppi"] = validate_ppi(ppi, names, ppi.attrs.get("file", "ppi.csv"))
            optional["ppi"] = optional["ppi"].reset_index(drop=True)
        if kpi_corrections is not None:
            optional["kpi_corrections"] = validate_kpi_corrections(
                kpi_corrections, names, waves,
                kpi_corrections.attrs.get("file", "kpi_corrections.csv"),
            )  # fmt: skip
        check_spans(actors, ties, waves, actors_file, ties_file)
        if responses is not None:
            check_respondents(actors, responses, waves, actors_file, responses_file)
            responses = responses.reset_index(drop=True)
        else:
            responses = empty_responses()
        taxonomy = config.taxonomy
        renamed = taxonomy.renamed(actors["domain"].unique())
        actors["domain"] = by_value(actors["domain"], taxonomy.canonical)
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
        actors, unmapped = _role_groups(actors, config, actors_file)
        if unmapped:
            warnings.append(text(TEXTS, "unmapped_roles", labels=", ".join(unmapped)))
            log.warning("%d role text(s) without a role group", len(unmapped))
        if "actor_waves" in optional:
            waves_file = actor_waves.attrs.get("file", "actor_waves.csv")
            optional["actor_waves"] = _role_groups(
                optional["actor_waves"], config, waves_file, fill=False
            )[0]
        known = [*ACTOR_REQUIRED, *ACTOR_OPTIONAL, *ACTOR_DERIVED]
        # One column order whatever the input's, so a project written and read again is the same.
        actors = actors[known + [c for c in actors.columns if c not in known]].reset_index(
            drop=True
        )
        ties = ties.reset_index(drop=True)
        return cls(
            actors=_string_columns(actors),
            ties=_string_columns(ties),
            config=config,
            path=path,
            warnings=warnings,
            responses=_string_columns(responses),
            **{name: _string_columns(table) for name, table in optional.items()},
        )

    @classmethod
    def from_folder(cls, folder: str | Path) -> Project:
        """Read and validate a tidy project folder (``actors``, ``ties``, optional ``responses``).

        Each table is ``<name>.csv`` or ``<name>.xlsx``; ``wijknet.yaml``
        (optional) is read by :meth:`ProjectConfig.load
        <wijknet.core.settings.ProjectConfig.load>`. Open a folder for an
        audience with :func:`wijknet.load_project`.

        Raises
        ------
        DataError
            For every problem found, with file, row and column.
        """
        folder = Path(folder)
        config = ProjectConfig.load(folder)
        tables = {}
        for name, required in (
            ("actors", ACTOR_REQUIRED),
            ("ties", TIE_REQUIRED),
            *((name, required) for name, required in OPTIONAL_TABLES.items()),
        ):
            path = next(
                (
                    folder / f"{name}{ext}"
                    for ext in (".csv", ".xlsx")
                    if (folder / f"{name}{ext}").exists()
                ),
                None,
            )
            if path is None and name in OPTIONAL_TABLES:
                continue
            if path is None:
                raise DataError(
                    [Problem(f"{name}.csv", text(TEXTS, "no_table", name=name, folder=folder))]
                )
            tables[name] = read_table(path, expected=required)
        project = cls.from_frames(
            tables["actors"],
            tables["ties"],
            config,
            path=folder,
            **{name: tables.get(name) for name in OPTIONAL_TABLES},
        )
        # Notes of reading (cleaned invisible characters, sheets not read) are shown like the other warnings.
        project.warnings.extend(
            str(note) for df in tables.values() for note in df.attrs.get("notes", [])
        )
        return project


#: The optional tables of a tidy folder and their required columns.
OPTIONAL_TABLES = {
    "responses": RESPONSE_REQUIRED,
    "ratings": RATING_REQUIRED,
    "actor_waves": ACTOR_WAVE_REQUIRED,
    "themes": THEME_REQUIRED,
    "wijken": WIJKEN_REQUIRED,
    "ppi": PPI_REQUIRED,
    "kpi_corrections": KPI_CORRECTION_REQUIRED,
}


def _role_groups(
    actors: pd.DataFrame, config: ProjectConfig, file: str, fill: bool = True
) -> tuple[pd.DataFrame, list[str]]:
    """Set ``role_group``, ``layer`` (as keys) and, with ``fill``, ``world``; return the unmapped role texts.

    A given ``role_group`` may be a key or a label of the catalogue; an empty
    one is mapped from the free-text ``role``. A given ``layer`` may be a key,
    label or alias; an empty one is the role group's layer (with ``fill``).
    """
    roles = config.roles
    problems = []
    # Role groups, layers and roles repeat a few texts: each distinct text is looked up once and
    # the rows take its answer; only the rows of an unknown text are walked to word the problem.
    given = actors["role_group"].fillna("").astype(str).str.strip()
    group_of = {v: (v if v in roles.roles else roles.map(v)) if v else "" for v in given.unique()}
    for row, value in given[given.map(group_of).isna()].items():
        problems.append(
            Problem(file, text(TEXTS, "bad_role_group", value=value), row=row, column="role_group")
        )
    layer_text = actors["layer"].fillna("").astype(str).str.strip()
    layer_of = {v: roles.canonical_layer(v) if v else "" for v in layer_text.unique()}
    known = ", ".join(layer.label() for layer in roles.layers.values())
    for row, value in layer_text[layer_text.map(layer_of).isna()].items():
        problems.append(
            Problem(
                file, text(TEXTS, "bad_layer", value=value, known=known), row=row, column="layer"
            )
        )
    if problems:
        raise DataError(problems)
    actors = actors.copy(deep=False)  # copy-on-write: the caller's table stays as it is
    actors["role_group"] = given.map(group_of).to_numpy(dtype=object)
    actors["layer"] = layer_text.map(layer_of).to_numpy(dtype=object)
    if not fill:
        return actors, []
    mapping = {r: k or "" for r, k in roles.mapping(actors["role"].unique()).items()}
    # astype: a column of empty roles maps to float NaN, which "" cannot fill
    mapped = actors["role"].map(mapping).astype(object).fillna("")
    actors["role_group"] = actors["role_group"].where(actors["role_group"] != "", mapped)
    group_layer = {k: roles.layer(k) if k else "" for k in actors["role_group"].unique()}
    actors["layer"] = actors["layer"].where(
        actors["layer"] != "", actors["role_group"].map(group_layer)
    )
    taxonomy = config.taxonomy
    # A few role groups and domains: the world of each pair once, the rows take their pair's.
    columns = Distinct(actors)
    (group_codes, groups), (domain_codes, domains) = columns["role_group"], columns["domain"]
    world_of = np.array(
        [
            [roles.world(k) if k else (taxonomy.world(d) if d in taxonomy.domains else "") or ""
             for d in domains]
            for k in groups
        ],
        dtype=object,
    ).reshape(len(groups), len(domains))  # fmt: skip
    actors["world"] = world_of[group_codes, domain_codes]
    pairs = actors[["role", "role_group"]].drop_duplicates()
    unmapped = sorted(
        {r for r, k in zip(pairs["role"], pairs["role_group"]) if r and not k}, key=natural_key
    )
    return actors, unmapped


def _apply_wave(actors: pd.DataFrame, changes: pd.DataFrame, config: ProjectConfig) -> pd.DataFrame:
    """``actors`` with the non-empty values of one wave's ``actor_waves`` rows (indexed by actor_id)."""
    out = actors.copy()
    ids = out["actor_id"]
    for column in ACTOR_WAVE_OPTIONAL:
        new = ids.map(changes[column]).fillna("")
        if column == "pluswijkteam":
            new_flag = new.str.lower().isin(TRUE)
            out[column] = new_flag.where(new != "", out[column]).astype(bool)
        else:
            out[column] = new.where(new != "", out[column])
    role_changed = ids.map(changes["role"]).fillna("") != ""
    group_given = ids.map(changes["role_group"]).fillna("") != ""
    remap = role_changed & ~group_given
    if remap.any():
        roles = config.roles
        out.loc[remap, "role_group"] = out.loc[remap, "role"].map(lambda r: roles.map(r) or "")
    regroup = remap | group_given
    if regroup.any():
        roles, taxonomy = config.roles, config.taxonomy
        layer_given = ids.map(changes["layer"]).fillna("") != ""
        relayer = regroup & ~layer_given
        out.loc[relayer, "layer"] = out.loc[relayer, "role_group"].map(
            lambda k: roles.layer(k) if k else ""
        )
        out.loc[regroup, "world"] = [
            roles.world(k) if k else (taxonomy.world(d) if d in taxonomy.domains else "") or ""
            for k, d in zip(out.loc[regroup, "role_group"], out.loc[regroup, "domain"])
        ]
    return out


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
    first = actors["first_wave"].map(position).fillna(0)
    last = actors["last_wave"].map(position).fillna(len(waves))
    return (first <= at) & (at <= last)


def check_spans(actors, ties, waves, actors_file, ties_file) -> None:
    """first_wave before last_wave, and no tie of an actor outside its waves."""
    position = {w: i for i, w in enumerate(waves)}
    # Per distinct first and last wave, then the rows: a few waves, thousands of actors.
    columns = Distinct(actors)
    (first_codes, firsts), (last_codes, lasts) = columns["first_wave"], columns["last_wave"]
    first_at = np.array([position.get(w, 0) if w else -1 for w in firsts], dtype=int)
    last_at = np.array([position.get(w, 0) if w else len(waves) for w in lasts], dtype=int)
    bad = (first_at[first_codes] > last_at[last_codes]).nonzero()[0]
    problems = [
        Problem(
            actors_file,
            text(TEXTS, "bad_span", first=first, last=last),
            row=row,
            column="last_wave",
        )
        for row, first, last in zip(
            actors.index[bad], firsts[first_codes[bad]], lasts[last_codes[bad]]
        )
    ]
    spans = actors.set_index("actor_id")[["first_wave", "last_wave"]]
    if (spans != "").any(axis=None):
        # Whole-column membership; only the absent actors' rows are worded.
        for column, absent in zip(
            ("source", "target"), _absent(spans, ties, ["source", "target"], waves)
        ):
            problems += [
                Problem(
                    ties_file,
                    text(TEXTS, "absent_actor", value=a, wave=wave, actors=actors_file),
                    row=row,
                    column=column,
                )
                for row, a, wave in zip(
                    ties.index[absent],
                    ties[column].to_numpy()[absent],
                    ties["wave"].to_numpy()[absent],
                )
            ]
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.file, p.row or 0, p.column or "")))


def _absent(
    spans: pd.DataFrame, table: pd.DataFrame, columns: list[str], waves: list[str]
) -> list[np.ndarray]:
    """Per column of ``columns``: the rows of ``table`` whose actor does not take part in the row's wave.

    As :func:`_present_mask`, with ``spans`` (``first_wave`` and ``last_wave`` by actor id) looked
    up once per distinct wave and actor; an actor ``spans`` does not hold is absent, a row without a
    wave (missing) is not judged.
    """
    position = {w: i for i, w in enumerate(waves)}
    first = by_value(spans["first_wave"], lambda w: position.get(w, 0)).to_numpy(dtype=int)
    last = by_value(spans["last_wave"], lambda w: position.get(w, len(waves))).to_numpy(dtype=int)
    distinct = Distinct(table)
    wave_codes, wave_values = distinct["wave"]
    at = np.array([position.get(w, -1) for w in wave_values], dtype=int)
    # One row per actor and a last row of False for an actor spans does not hold (get_indexer: -1).
    present = np.vstack([(first[:, None] <= at) & (at <= last[:, None]), np.zeros_like(at, bool)])
    judged = ~pd.isna(wave_values)[wave_codes]
    out = []
    for column in columns:
        actor_codes, actor_values = distinct[column]
        position_of = spans.index.get_indexer(actor_values)
        out.append(~present[position_of[actor_codes], wave_codes] & judged)
    return out


def check_respondents(actors, responses, waves, actors_file, responses_file) -> None:
    """Every respondent takes part in the wave of the response (first_wave/last_wave)."""
    spans = actors.set_index("actor_id")[["first_wave", "last_wave"]]
    (absent,) = _absent(spans, responses, ["actor_id"], waves)
    problems = [
        Problem(
            responses_file,
            text(TEXTS, "absent_actor", value=a, wave=wave, actors=actors_file),
            row=row,
            column="actor_id",
        )
        for row, a, wave in zip(
            responses.index[absent],
            responses["actor_id"].to_numpy()[absent],
            responses["wave"].to_numpy()[absent],
        )
    ]
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))
