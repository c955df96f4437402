r"""The roster of a wijk: the stakeholder inventory shown in the name generator.

Position ``k`` on the roster of a wijk is the ``k``-th actor the respondent
sees; the export columns of roster questions carry that number
(``A_FREQ_<k>``, ``AFREQ[SQ<kkk>]``). A :class:`Roster` maps positions back to
``actor_id``\ s and knows which actors may answer (the respondents).

Built from a project (:meth:`Roster.from_project`), the roster of a wijk is
its actors who take part in the wave, ordered by the ``roster_position``
column when the actors table has one, else in the order of the actors table.
Built from a table (:meth:`Roster.from_frame`), the table gives ``wijk``,
``position`` and ``actor_id`` explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.io.tidy import TEXTS as TIDY_TEXTS
from wijknet.io.tidy import missing_columns

ROSTER_REQUIRED = ("wijk", "position", "actor_id")
ROSTER_COLUMNS = ["wijk", "position", "actor_id", "name", "organisation", "domain"]

TEXTS = {
    "position": {
        "nl": "'{value}' is geen rolpositie; verwacht een geheel getal vanaf 1",
        "en": "'{value}' is not a roster position; expected a whole number from 1",
    },
    "dup_position": {
        "nl": "positie {value} van wijk '{wijk}' staat al in rij {first}; elke positie komt één keer voor",
        "en": "position {value} of wijk '{wijk}' is already in row {first}; every position appears once",
    },
    "dup_actor": {
        "nl": "actor '{value}' staat al op de rol van wijk '{wijk}' (rij {first})",
        "en": "actor '{value}' is already on the roster of wijk '{wijk}' (row {first})",
    },
    "unknown_actor": {
        "nl": "onbekende actor '{value}'; elke actor op de rol moet als actor_id in {actors} staan",
        "en": "unknown actor '{value}'; every actor on the roster must be an actor_id in {actors}",
    },
    "wrong_wijk": {
        "nl": "actor '{value}' hoort bij wijk '{actor_wijk}', maar staat op de rol van wijk '{wijk}'",
        "en": "actor '{value}' belongs to wijk '{actor_wijk}', but is on the roster of wijk '{wijk}'",
    },
    "no_rows": {
        "nl": "de rol heeft een kopregel maar geen gegevens",
        "en": "the roster has a header row but no data",
    },
    "roster_position": {
        "nl": "kolom roster_position: {detail}",
        "en": "column roster_position: {detail}",
    },
}


@dataclass(frozen=True)
class Roster:
    """Roster positions per wijk and the actors who may respond.

    Attributes
    ----------
    positions : dict
        ``{wijk: (actor_id at position 1, actor_id at position 2, ...)}``.
    members : dict
        ``{actor_id: wijk}`` of every actor who may respond (the project's
        actors, or the roster itself when there is no project).
    present : frozenset or None
        Actors who take part in the wave (``None``: all members).
    info : pandas.DataFrame
        ``actor_id, name, organisation, domain`` of the roster actors, for the
        roster table in the codebook.
    source : str
        File name used in messages (``actors.csv`` or the roster file).
    """

    positions: dict[str, tuple[str, ...]]
    members: dict[str, str]
    present: frozenset[str] | None = None
    info: pd.DataFrame = field(default_factory=pd.DataFrame)
    source: str = "actors.csv"

    @property
    def wijken(self) -> list[str]:
        return list(self.positions)

    def size(self, wijk: str) -> int:
        """Number of positions on the roster of ``wijk`` (0 for an unknown wijk)."""
        return len(self.positions.get(wijk, ()))

    def actor_at(self, wijk: str, position: int) -> str | None:
        """The ``actor_id`` at ``position`` (1-based) of ``wijk``, or ``None``."""
        actors = self.positions.get(wijk, ())
        return (actors[position - 1] or None) if 1 <= position <= len(actors) else None

    def find_wijk(self, value: str) -> str | None:
        """The roster's spelling of wijk ``value`` (case and spaces ignored), or ``None``."""
        norm = " ".join(value.split()).casefold()
        wijken = set(self.positions) | set(self.members.values())
        return next((w for w in sorted(wijken) if " ".join(w.split()).casefold() == norm), None)

    def table(self, wijk: str | None = None) -> pd.DataFrame:
        """The roster as a table ``wijk, position, actor_id, name, organisation, domain``."""
        rows = [{"wijk": w, "position": k, "actor_id": a} for w, actors in self.positions.items()
                if wijk is None or w == wijk for k, a in enumerate(actors, start=1)]  # fmt: skip
        out = pd.DataFrame(rows, columns=["wijk", "position", "actor_id"])
        if len(self.info):
            out = out.merge(self.info.drop_duplicates("actor_id"), on="actor_id", how="left")
        for c in ROSTER_COLUMNS:
            if c not in out.columns:
                out[c] = ""
        return out[ROSTER_COLUMNS].fillna("")

    @classmethod
    def from_project(cls, project, wave: str) -> Roster:
        """The roster of every wijk of ``project`` in ``wave``; see the module docstring."""
        actors = project.actors
        positions: dict[str, tuple[str, ...]] = {}
        present: set[str] = set()
        for wijk in project.wijken:
            here = (
                project.present(wijk, wave)
                if wave in project.waves
                else actors[actors["wijk"] == wijk]
            )
            if "roster_position" in here.columns and (here["roster_position"] != "").any():
                order = pd.to_numeric(here["roster_position"], errors="coerce")
                if order.isna().any() or (order < 1).any() or order.duplicated().any():
                    bad = here["roster_position"][
                        order.isna() | (order < 1) | order.duplicated()
                    ].iloc[0]
                    raise DataError(
                        [
                            Problem(
                                "actors.csv",
                                text(TEXTS, "position", value=bad),
                                column="roster_position",
                            )
                        ]
                    )
                here = here.assign(_order=order).sort_values("_order", kind="stable")
            positions[wijk] = tuple(here["actor_id"])
            present |= set(here["actor_id"])
        info = actors[
            [c for c in ("actor_id", "name", "organisation", "domain") if c in actors.columns]
        ].copy()
        return cls(
            positions,
            dict(zip(actors["actor_id"], actors["wijk"])),
            frozenset(present),
            info,
            "actors.csv",
        )

    @classmethod
    def from_frame(cls, df: pd.DataFrame, project=None, file: str | None = None) -> Roster:
        """A roster from a table ``wijk, position, actor_id`` (as :func:`read_table` returns it).

        With ``project``, every roster actor must be an actor of that wijk in
        the project, and the project's actors may respond; without it, the
        roster's actors may respond.

        Raises
        ------
        DataError
            Missing columns, positions that are not whole numbers from 1,
            duplicate positions or actors, unknown actors or actors of another wijk.
        """
        file = file or df.attrs.get("file", "roster.csv")
        problems = missing_columns(df, ROSTER_REQUIRED, file)
        if problems:
            raise DataError(problems)
        if df.empty:
            raise DataError([Problem(file, text(TEXTS, "no_rows"))])
        members = (
            dict(zip(project.actors["actor_id"], project.actors["wijk"]))
            if project is not None
            else None
        )
        actors_file = "actors.csv"
        found: dict[str, dict[int, str]] = {}
        first_pos: dict[tuple[str, int], int] = {}
        first_actor: dict[tuple[str, str], int] = {}
        for row, wijk, position, actor in zip(
            df.index, df["wijk"].astype(str), df["position"].astype(str), df["actor_id"].astype(str)
        ):
            wijk, actor = wijk.strip(), actor.strip()
            if not wijk or not actor:
                column = "wijk" if not wijk else "actor_id"
                problems.append(
                    Problem(file, text(TIDY_TEXTS, "not_empty"), row=row, column=column)
                )
                continue
            try:
                k = int(position.strip())
                if k < 1:
                    raise ValueError
            except ValueError:
                problems.append(
                    Problem(
                        file, text(TEXTS, "position", value=position), row=row, column="position"
                    )
                )
                continue
            if (wijk, k) in first_pos:
                problems.append(Problem(file, text(TEXTS, "dup_position", value=k, wijk=wijk, first=first_pos[wijk, k]),
                                        row=row, column="position"))  # fmt: skip
                continue
            if (wijk, actor) in first_actor:
                problems.append(Problem(file, text(TEXTS, "dup_actor", value=actor, wijk=wijk, first=first_actor[wijk, actor]),
                                        row=row, column="actor_id"))  # fmt: skip
                continue
            if members is not None and actor not in members:
                problems.append(
                    Problem(
                        file,
                        text(TEXTS, "unknown_actor", value=actor, actors=actors_file),
                        row=row,
                        column="actor_id",
                    )
                )
                continue
            if members is not None and members[actor] != wijk:
                problems.append(Problem(file, text(TEXTS, "wrong_wijk", value=actor, actor_wijk=members[actor], wijk=wijk),
                                        row=row, column="actor_id"))  # fmt: skip
                continue
            first_pos[wijk, k] = row
            first_actor[wijk, actor] = row
            found.setdefault(wijk, {})[k] = actor
        if problems:
            raise DataError(problems)
        positions = {}
        for wijk, by_position in found.items():
            size = max(by_position)
            positions[wijk] = tuple(by_position.get(k, "") for k in range(1, size + 1))
        if members is None:
            members = {a: w for w, actors in positions.items() for a in actors if a}
            info = df[
                [c for c in ("actor_id", "name", "organisation", "domain") if c in df.columns]
            ].copy()
        else:
            info = project.actors[
                [
                    c
                    for c in ("actor_id", "name", "organisation", "domain")
                    if c in project.actors.columns
                ]
            ].copy()
        return cls(positions, members, None, info, file)


def as_roster(project_or_roster, wave: str) -> tuple[Roster, object]:
    """A :class:`Roster` and the project (or ``None``) from what the importers accept.

    ``project_or_roster`` is a :class:`~wijknet.project.Project`, a
    :class:`Roster`, a roster table (DataFrame), a project folder or a roster
    file (``.csv``/``.xlsx``).
    """
    from wijknet.io.tables import read_table
    from wijknet.project import Project

    if isinstance(project_or_roster, Roster):
        return project_or_roster, None
    if isinstance(project_or_roster, Project):
        return Roster.from_project(project_or_roster, wave), project_or_roster
    if isinstance(project_or_roster, pd.DataFrame):
        return Roster.from_frame(project_or_roster), None
    path = Path(project_or_roster)
    if path.is_dir():
        project = Project.from_folder(path)
        return Roster.from_project(project, wave), project
    return Roster.from_frame(read_table(path, expected=ROSTER_REQUIRED)), None
