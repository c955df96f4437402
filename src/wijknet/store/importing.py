"""Importing files into a project store: all files in one transaction, nothing overwritten silently.

:func:`import_files` reads every file, recognises its kind
(:func:`wijknet.store.kinds.recognise`) unless given, and adds it to the
store in **one** ``BEGIN IMMEDIATE`` transaction:

* the file itself is copied unchanged to ``raw/<sha256>.<ext>`` and recorded
  with its hash, name, kind, size and import time; a file whose hash is
  already in the store is skipped ("al geïmporteerd") and changes nothing;
* actors are added; an actor that exists with other values is a
  :class:`~wijknet.errors.Problem` naming file, row and column, unless
  ``update=True`` (the old values go to ``actor_history``);
* ties become observations with their provenance (see
  :mod:`wijknet.store.schema`); a tidy ``evidence`` label that names a
  survey (``enquête``, ``vragenlijst``), an interview (``gesprek``,
  ``interview``), a confirmation or Network Canvas sets the evidence kind,
  an ``evidence_kind`` column sets it explicitly, anything else is
  ``tidy_file``; ``quote`` and ``segment_id`` columns are kept;
* survey responses are added (an existing response with other answers is a
  Problem unless ``update=True``).

Any problem in any file rolls everything back, the raw copies included, and
raises one :class:`~wijknet.errors.DataError` listing them all. Before the
commit the whole store is validated as a project, so a store that imported
cleanly always loads.

:func:`preview_import` runs exactly the same import and rolls it back (a dry
run): it reports per file the recognised kind, the counts, notes and every
problem, and leaves the store and ``raw/`` as they were.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import DataError, Problem
from ..i18n import text
from ..io.tables import check_size, read_table
from ..io.tidy import (
    ACTOR_REQUIRED,
    RESPONSE_REQUIRED,
    TIE_REQUIRED,
    validate_actors,
    validate_responses,
    validate_ties,
)
from .db import RAW_DIR, connect, transaction
from .frames import actors_frame
from .kinds import KINDS, recognise
from .schema import ACTOR_COLUMNS, EVIDENCE_KINDS

#: Order in which the files of one import are applied (actors before what refers to them).
ORDER = {"tidy-actors": 0, "graphml": 1, "gexf": 1, "responses": 2, "tidy-ties": 3, "qualtrics": 4, "limesurvey": 4,
         "google-forms": 4, "microsoft-forms": 4,
         "interviews": 5, "maxqda": 5, "atlasti": 5, "network-canvas": 5}  # fmt: skip
STORE_ACTORS = "wijknet.sqlite"
#: First words of tidy ``evidence`` labels and the evidence kind they name.
LABEL_KINDS = {
    "enquête": "survey", "enquete": "survey", "vragenlijst": "survey", "survey": "survey", "questionnaire": "survey",
    "bevestiging": "confirmation", "bevestigd": "confirmation", "confirmation": "confirmation", "confirmed": "confirmation",
    "gesprek": "interview", "participatiegesprek": "interview", "interview": "interview",
    "network_canvas": "network_canvas", "networkcanvas": "network_canvas", "network": "network_canvas",
    "canvas": "network_canvas",
}  # fmt: skip
TIE_FIELDS = ("wijk", "wave", "source", "target", "tie_type", "weight", "evidence", "evidence_kind", "quote", "segment_id",
              "reporter", "source_file", "source_row", "source_column", "answers")  # fmt: skip

TEXTS = {
    "missing_file": {"nl": "bestand niet gevonden", "en": "file not found"},
    "actor_differs": {
        "nl": "actor '{actor}' bestaat al met {column} = '{old}', dit bestand zegt '{new}'; "
              "gebruik --update om de nieuwe waarde over te nemen",
        "en": "actor '{actor}' already exists with {column} = '{old}', this file says '{new}'; "
              "use --update to take the new value",
    },
    "response_differs": {
        "nl": "actor '{actor}' heeft in meting '{wave}' al een respons met {column} = '{old}', dit bestand zegt '{new}'; "
              "gebruik --update om de nieuwe waarde over te nemen",
        "en": "actor '{actor}' already has a response in wave '{wave}' with {column} = '{old}', this file says '{new}'; "
              "use --update to take the new value",
    },
    "wave_differs": {
        "nl": "meting '{value}' verschilt van --wave {wave}",
        "en": "wave '{value}' differs from --wave {wave}",
    },
    "unknown_wave": {
        "nl": "meting '{value}' staat niet in de lijst 'waves' van wijknet.yaml",
        "en": "wave '{value}' is not in the 'waves' list of wijknet.yaml",
    },
    "bad_kind": {
        "nl": "onbekende soort '{kind}'; kies uit {kinds}",
        "en": "unknown kind '{kind}'; choose from {kinds}",
    },
    "bad_evidence_kind": {
        "nl": "onbekende bewijssoort '{value}'; verwacht een van {kinds}",
        "en": "unknown evidence kind '{value}'; expected one of {kinds}",
    },
    "no_store_actors": {"nl": "de actoren van het project ({file})", "en": "the project's actors ({file})"},
    "nc_needs": {"nl": "Network Canvas-bestanden hebben geen wijk en meting; geef {options}",
                 "en": "Network Canvas files carry no wijk and wave; give {options}"},
    "nc_pending": {"nl": "{n} relatie(s) tussen genoemde partijen waarvan er één (nog) geen actor is; niet ingelezen",
                   "en": "{n} tie(s) between named parties of which one is not an actor (yet); not read"},
}  # fmt: skip


@dataclass
class FileReport:
    """What one file added: ``status`` is ``"imported"`` or ``"already"`` (same content imported before).

    ``kind`` is ``""`` for a file a preview could not read (missing, too large, not recognised).
    """

    name: str
    kind: str
    sha256: str
    status: str = "imported"
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[Problem] = field(default_factory=list)
    #: The problems of this file (filled by :func:`preview_import`; an import raises them instead).
    problems: list[Problem] = field(default_factory=list)
    #: The first rows of a table (filled by :func:`preview_import`; ``None`` for graph files).
    head: pd.DataFrame | None = None


@dataclass
class ImportReport:
    """The result of one :func:`import_files` or :func:`preview_import` call.

    ``problems`` is only filled by a preview (a dry run): an import raises
    them as a :class:`~wijknet.errors.DataError`. A preview's ``import_id``
    is ``None``: nothing was stored.
    """

    import_id: int | None
    files: list[FileReport]
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return any(f.status == "imported" for f in self.files)

    @property
    def ok(self) -> bool:
        """Whether the files can be imported (no problems)."""
        return not self.problems


class _Rollback(Exception):
    """Raised inside the transaction of a dry run so that it rolls back."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def import_files(folder: str | Path, paths: list[str | Path], *, kind: str | None = None, wave: str | None = None,
                 wijk: str | None = None, update: bool = False, dry_run: bool = False,
                 username: str | None = None) -> ImportReport:
    """Import ``paths`` into the project store ``folder`` in one transaction.

    Parameters
    ----------
    folder : str or Path
        A project store (``wijknet init``).
    paths : list of str or Path
        The files; their kind is recognised unless ``kind`` is given.
    kind : str, optional
        One of :data:`wijknet.store.kinds.KINDS`, for all files.
    wave : str, optional
        The wave of files that carry none (graph files, survey exports, tidy
        tables without a ``wave`` column); a file whose ``wave`` column says
        otherwise is a problem.
    wijk : str, optional
        The wijk a survey export was sent in (every response must then be from it).
    update : bool
        Take new values for actors and responses that exist with other values.
    dry_run : bool
        Run everything and roll back (see :func:`preview_import`): nothing is
        stored, and the problems are returned in the report instead of raised.
    username : str, optional
        Who imports, for the audit log (the signed-in user of the app);
        default the operating-system user.

    Returns
    -------
    ImportReport

    Raises
    ------
    DataError
        With every problem found; the store and ``raw/`` are then unchanged.
        With ``dry_run`` only for a wrong ``kind`` or a folder that is not a store.
    """
    from ..project import ProjectConfig

    folder = Path(folder)
    conn = connect(folder)
    try:
        config = ProjectConfig.load(folder)
        if kind is not None and kind not in KINDS:
            raise DataError([Problem("--kind", text(TEXTS, "bad_kind", kind=kind, kinds=", ".join(KINDS)))])
        problems, todo, unread = [], [], []
        for p in map(Path, paths):
            if not p.is_file():
                problems.append(Problem(p.name, text(TEXTS, "missing_file")))
                unread.append(FileReport(p.name, "", ""))
                continue
            try:
                check_size(p)
                todo.append((p, kind or recognise(p, wave=wave), sha256(p)))
            except DataError as exc:
                problems += exc.problems
                unread.append(FileReport(p.name, "", ""))
        if problems and not dry_run:
            raise DataError(problems)
        todo.sort(key=lambda item: ORDER[item[1]])
        importer = _Importer(conn, folder, config, wave, update, wijk=wijk, dry_run=dry_run, username=username)
        report = importer.run(todo)
        if dry_run:
            report.files = unread + report.files
            report.problems = problems + report.problems
            for f in report.files:
                f.problems = [p for p in report.problems if p.file == f.name]
        return report
    finally:
        conn.close()


def preview_import(folder: str | Path, paths: list[str | Path], *, kind: str | None = None, wave: str | None = None,
                   wijk: str | None = None, update: bool = False) -> ImportReport:
    """Check an import without changing the store: :func:`import_files` as a dry run.

    Every file is read, recognised and added inside the import transaction
    exactly as :func:`import_files` would (the whole store is validated too),
    and the transaction is then rolled back. Nothing is written to the
    database or to ``raw/``.

    Parameters
    ----------
    folder, paths, kind, wave, wijk, update
        As for :func:`import_files`.

    Returns
    -------
    ImportReport
        Per file the recognised kind (``""`` when the file could not be
        read), counts, notes, ``problems`` (file, row, column) and ``head``
        (the first rows of a table); ``report.problems`` lists them all and
        ``report.ok`` says whether the import would succeed.
    """
    report = import_files(folder, paths, kind=kind, wave=wave, wijk=wijk, update=update, dry_run=True)
    by_name = {Path(p).name: Path(p) for p in paths}
    for f in report.files:
        if f.kind in KINDS and f.kind not in ("graphml", "gexf") and f.name in by_name:
            f.head = first_rows(by_name[f.name])
    return report


def first_rows(path: str | Path, n: int = 5) -> pd.DataFrame | None:
    """The first ``n`` rows of a CSV or XLSX table as read (``None`` when it cannot be read)."""
    try:
        return read_table(path).head(n)
    except DataError:
        return None


class _Importer:
    """One import transaction; see :func:`import_files`."""

    def __init__(self, conn: sqlite3.Connection, folder: Path, config, wave: str | None, update: bool, *,
                 wijk: str | None = None, dry_run: bool = False, username: str | None = None):
        self.conn, self.folder, self.config, self.wave, self.update = conn, folder, config, wave, update
        self.wijk, self.dry_run, self.username = wijk, dry_run, username
        self.import_id: int | None = None
        self.created: list[Path] = []
        self.problems: list[Problem] = []

    def run(self, todo) -> ImportReport:
        reports = []
        try:
            with transaction(self.conn):
                seen = set()
                for path, kind, digest in todo:
                    report = FileReport(path.name, kind, digest)
                    reports.append(report)
                    known = self.conn.execute("SELECT 1 FROM files WHERE sha256 = ?", (digest,)).fetchone()
                    if known or digest in seen:
                        report.status = "already"
                        continue
                    seen.add(digest)
                    file_id = self._record_file(path, kind, digest)
                    getattr(self, "_" + kind.replace("-", "_"))(path, file_id, report)
                self._flush_network_canvas()
                if self.problems:
                    raise DataError(self.problems)
                if self.import_id is not None:
                    self._check_whole()
                    _audit_import(self.conn, self.import_id, reports, self.username, wave=self.wave, update=self.update)
                if self.dry_run:
                    raise _Rollback
        except (_Rollback, DataError) as exc:
            for path in self.created:
                path.unlink(missing_ok=True)
            if not self.dry_run:
                raise
            problems = exc.problems if isinstance(exc, DataError) else []
            return ImportReport(None, reports, problems=list(problems), dry_run=True)
        except BaseException:
            for path in self.created:
                path.unlink(missing_ok=True)
            raise
        return ImportReport(self.import_id, reports)

    # -- bookkeeping -------------------------------------------------------------------------------

    def _record_file(self, path: Path, kind: str, digest: str) -> int:
        now = _now()
        if self.import_id is None:
            from .. import __version__

            options = json.dumps({"wave": self.wave, "update": self.update})
            self.import_id = self.conn.execute("INSERT INTO imports (imported_at, wijknet_version, options) VALUES (?, ?, ?)",
                                               (now, __version__, options)).lastrowid  # fmt: skip
        raw = self.folder / RAW_DIR
        ext = re.sub(r"[^a-z0-9.]", "", path.suffix.lower())[:10]
        target = raw / f"{digest}{ext}"
        if not self.dry_run:
            raw.mkdir(exist_ok=True)
        if not self.dry_run and not target.exists():
            tmp = raw / f".{digest}.{os.getpid()}.tmp"
            shutil.copyfile(path, tmp)
            os.replace(tmp, target)
            self.created.append(target)
        return self.conn.execute(
            "INSERT INTO files (import_id, sha256, name, kind, size, raw_path, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (self.import_id, digest, path.name, kind, path.stat().st_size, f"{RAW_DIR}/{target.name}", now),
        ).lastrowid

    def _check_whole(self) -> None:
        """Validate the store as a project before committing (spans, waves, wijken)."""
        from .load import project_from_connection

        project_from_connection(self.conn, self.folder, "all", self.config)

    def _read(self, path: Path, required: tuple[str, ...], report: FileReport) -> pd.DataFrame | None:
        try:
            df = read_table(path, expected=required)
        except DataError as exc:
            self.problems += exc.problems
            return None
        report.notes += list(df.attrs.get("notes", []))  # cleaned cells, sheets not read
        return df

    def _store_actors(self) -> pd.DataFrame:
        return validate_actors(actors_frame(self.conn), STORE_ACTORS) if self._has_actors() else pd.DataFrame(
            {c: pd.Series(dtype=object) for c in ACTOR_COLUMNS})

    def _has_actors(self) -> bool:
        return self.conn.execute("SELECT 1 FROM actors LIMIT 1").fetchone() is not None

    def _fill_wave(self, df: pd.DataFrame, file: str) -> pd.DataFrame:
        if self.wave is None:
            return df
        if "wave" not in df.columns:
            return df.assign(wave=self.wave)
        for row, value in df["wave"].items():
            if value and value != self.wave:
                self.problems.append(Problem(file, text(TEXTS, "wave_differs", value=value, wave=self.wave), row=row, column="wave"))
        return df.assign(wave=df["wave"].where(df["wave"] != "", self.wave))

    def _check_waves(self, df: pd.DataFrame, file: str, columns=("wave",)) -> bool:
        if not self.config.waves:
            return True
        bad = [Problem(file, text(TEXTS, "unknown_wave", value=w), row=r, column=c)
               for c in columns if c in df.columns for r, w in df[c].items() if w and w not in self.config.waves]  # fmt: skip
        self.problems += bad
        return not bad

    def _waves(self, *frames: pd.DataFrame) -> list[str]:
        from ..project import natural_key

        if self.config.waves:
            return list(self.config.waves)
        found = {w for (w,) in self.conn.execute("SELECT DISTINCT wave FROM observations UNION SELECT first_wave FROM actors "
                                                 "UNION SELECT last_wave FROM actors")}  # fmt: skip
        for df in frames:
            found |= set(df["wave"])
        return sorted(found - {""}, key=natural_key)

    # -- actors --------------------------------------------------------------------------------------

    def _tidy_actors(self, path: Path, file_id: int, report: FileReport) -> None:
        df = self._read(path, ACTOR_REQUIRED, report)
        if df is not None:
            self._add_actors(df, path.name, file_id, report)

    def _add_actors(self, df: pd.DataFrame, file: str, file_id: int, report: FileReport) -> None:
        given = list(df.columns)
        try:
            valid = validate_actors(df, file)
        except DataError as exc:
            self.problems += exc.problems
            return
        if not self._check_waves(valid, file, ("first_wave", "last_wave")):
            return
        extra_columns = [c for c in given if c not in ACTOR_COLUMNS]
        counts = {"actors_added": 0, "actors_updated": 0, "actors_same": 0}
        for row, record in zip(valid.index, valid.to_dict("records")):
            values = {c: _actor_text(c, record.get(c, "")) for c in ACTOR_COLUMNS}
            extra = {c: str(record.get(c, "")) for c in extra_columns}
            old = self.conn.execute(f"SELECT {', '.join(ACTOR_COLUMNS)}, extra FROM actors WHERE actor_id = ?",
                                    (values["actor_id"],)).fetchone()  # fmt: skip
            if old is None:
                self.conn.execute(
                    f"INSERT INTO actors ({', '.join(ACTOR_COLUMNS)}, extra, file_id, source_row) "
                    f"VALUES ({', '.join('?' * (len(ACTOR_COLUMNS) + 3))})",
                    (*values.values(), json.dumps(extra, ensure_ascii=False), file_id, int(row)),
                )
                counts["actors_added"] += 1
                continue
            old_values = dict(zip(ACTOR_COLUMNS, old[:-1]))
            old_extra = json.loads(old[-1])
            current = {**old_values, **old_extra}
            new = {c: values[c] for c in ACTOR_COLUMNS if c in given} | extra
            changed = {c: v for c, v in new.items() if current.get(c, "") != v}
            if not changed:
                counts["actors_same"] += 1
                continue
            if not self.update:
                self.problems += [Problem(file, text(TEXTS, "actor_differs", actor=values["actor_id"], column=c,
                                                     old=current.get(c, ""), new=v), row=int(row), column=c)
                                  for c, v in changed.items()]  # fmt: skip
                continue
            self.conn.execute("INSERT INTO actor_history (actor_id, old_values, file_id, source_row) VALUES (?, ?, ?, ?)",
                              (values["actor_id"], json.dumps(current, ensure_ascii=False), file_id, int(row)))  # fmt: skip
            merged_extra = {**old_extra, **{c: v for c, v in changed.items() if c not in ACTOR_COLUMNS}}
            assignments = {c: v for c, v in changed.items() if c in ACTOR_COLUMNS}
            sets = ", ".join([*(f"{c} = ?" for c in assignments), "extra = ?", "file_id = ?", "source_row = ?"])
            self.conn.execute(f"UPDATE actors SET {sets} WHERE actor_id = ?",
                              (*assignments.values(), json.dumps(merged_extra, ensure_ascii=False), file_id, int(row),
                               values["actor_id"]))  # fmt: skip
            counts["actors_updated"] += 1
        _add_counts(report, counts)

    # -- ties ----------------------------------------------------------------------------------------

    def _tidy_ties(self, path: Path, file_id: int, report: FileReport) -> None:
        df = self._read(path, TIE_REQUIRED, report)
        if df is None:
            return
        df = self._fill_wave(df, path.name)
        self._add_ties(df, path.name, file_id, report, default_kind=None)

    def _add_ties(self, df: pd.DataFrame, file: str, file_id: int, report: FileReport, default_kind: str | None) -> None:
        """Validate ``df`` (tidy ties, index = row numbers) and store one observation per row (and reporter)."""
        from ..project import _check_spans

        store_actors = self._store_actors()
        actors_name = text(TEXTS, "no_store_actors", file=STORE_ACTORS)
        try:
            valid = validate_ties(df, store_actors, file, actors_name)
        except DataError as exc:
            self.problems += exc.problems
            return
        if not self._check_waves(valid, file):
            return
        try:
            _check_spans(store_actors, valid, self._waves(valid), actors_name, file)
        except DataError as exc:
            self.problems += exc.problems
            return
        rows, problems = [], []
        for row, raw in zip(df.index, df.to_dict("records")):
            raw = {k: str(v) for k, v in raw.items()}
            kind = raw.get("evidence_kind", "") or default_kind or _label_kind(raw.get("evidence", ""))
            if kind not in EVIDENCE_KINDS:
                problems.append(Problem(file, text(TEXTS, "bad_evidence_kind", value=kind, kinds=", ".join(EVIDENCE_KINDS)),
                                        row=int(row), column="evidence_kind"))  # fmt: skip
                continue
            weight = raw.get("weight", "")
            weight = float(weight.replace(",", ".")) if weight else None
            answers = raw.get("answers") or json.dumps({k: v for k, v in raw.items() if k not in TIE_FIELDS and v},
                                                       ensure_ascii=False, sort_keys=True)  # fmt: skip
            base = (raw["wijk"], raw["wave"], raw["source"], raw["target"], raw.get("tie_type", ""), weight)
            tail = (raw.get("quote", ""), raw.get("segment_id", ""), answers or "{}")
            for reporter, src_row, src_col in _reports(raw, row):
                this_kind = kind
                if default_kind == "survey" and reporter and reporter == raw["target"]:
                    this_kind = "confirmation"
                rows.append((*base, this_kind, raw.get("evidence", ""), self.import_id, file_id,
                             raw.get("source_file") or file, src_row, src_col, *tail))  # fmt: skip
        if problems:
            self.problems += problems
            return
        self.conn.executemany(
            "INSERT INTO observations (wijk, wave, source, target, tie_type, weight, kind, label, import_id, file_id, "
            "source_file, source_row, source_column, quote, segment_id, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        _add_counts(report, {"observations": len(rows)})

    # -- responses -----------------------------------------------------------------------------------

    def _responses(self, path: Path, file_id: int, report: FileReport) -> None:
        df = self._read(path, RESPONSE_REQUIRED, report)
        if df is not None:
            self._add_responses(self._fill_wave(df, path.name), path.name, file_id, report)

    def _add_responses(self, df: pd.DataFrame, file: str, file_id: int, report: FileReport) -> None:
        from ..project import _check_respondents

        store_actors = self._store_actors()
        actors_name = text(TEXTS, "no_store_actors", file=STORE_ACTORS)
        try:
            valid = validate_responses(df, store_actors, file, actors_name)
            if not self._check_waves(valid, file):
                return
            _check_respondents(store_actors, valid, self._waves(valid), actors_name, file)
        except DataError as exc:
            self.problems += exc.problems
            return
        extra_columns = [c for c in df.columns if c not in ("wijk", "wave", "actor_id", "kpi3", "active", "source_file", "source_row")]
        counts = {"responses_added": 0, "responses_updated": 0, "responses_same": 0}
        for row, record in zip(valid.index, valid.to_dict("records")):
            kpi3 = "" if pd.isna(record["kpi3"]) else str(int(record["kpi3"]))
            new = {"wijk": record["wijk"], "kpi3": kpi3, "active": "ja" if record["active"] else "nee"}
            extra = {c: str(record.get(c, "")) for c in extra_columns}
            old = self.conn.execute("SELECT wijk, kpi3, active, extra FROM responses WHERE wave = ? AND actor_id = ?",
                                    (record["wave"], record["actor_id"])).fetchone()  # fmt: skip
            if old is None:
                self.conn.execute("INSERT INTO responses (wijk, wave, actor_id, kpi3, active, extra, file_id, source_row) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                  (new["wijk"], record["wave"], record["actor_id"], kpi3, new["active"],
                                   json.dumps(extra, ensure_ascii=False), file_id, int(row)))  # fmt: skip
                counts["responses_added"] += 1
                continue
            current = {"wijk": old[0], "kpi3": old[1], "active": old[2], **json.loads(old[3])}
            changed = {c: v for c, v in {**new, **extra}.items() if current.get(c, "") != v}
            if not changed:
                counts["responses_same"] += 1
            elif not self.update:
                self.problems += [Problem(file, text(TEXTS, "response_differs", actor=record["actor_id"], wave=record["wave"],
                                                     column=c, old=current.get(c, ""), new=v), row=int(row), column=c)
                                  for c, v in changed.items()]  # fmt: skip
            else:
                self.conn.execute("UPDATE responses SET wijk = ?, kpi3 = ?, active = ?, extra = ?, file_id = ?, source_row = ? "
                                  "WHERE wave = ? AND actor_id = ?",
                                  (new["wijk"], kpi3, new["active"], json.dumps({**json.loads(old[3]), **extra}, ensure_ascii=False),
                                   file_id, int(row), record["wave"], record["actor_id"]))  # fmt: skip
                counts["responses_updated"] += 1
        _add_counts(report, counts)

    # -- graph files and survey exports ----------------------------------------------------------------

    def _graph(self, path: Path, file_id: int, report: FileReport) -> None:
        from ..ingest.graphfile import read_graph_file

        try:
            batch = read_graph_file(path, wave=self.wave, waves=self._waves())
        except DataError as exc:
            self.problems += exc.problems
            return
        self._add_actors(batch.actors, path.name, file_id, report)
        if len(batch.ties):
            ties = batch.ties.copy()
            ties.index = pd.Index(ties["source_row"].astype(int), name="row")
            self._add_ties(ties, path.name, file_id, report, default_kind="graph_file")

    _graphml = _graph
    _gexf = _graph

    def _survey(self, path: Path, file_id: int, report: FileReport, tool: str) -> None:
        from .surveys import read_survey

        try:
            batch = read_survey(tool, path, self._project_for_survey(), self.wave, wijk=self.wijk)
        except DataError as exc:
            self.problems += exc.problems
            return
        report.notes += list(batch.problems)
        self.add_survey_batch(batch, path.name, file_id, report)

    def add_survey_batch(self, batch, file: str, file_id: int, report: FileReport) -> None:
        """Store a survey batch: ties as observations, responses, and what waits for the actor registry.

        Respondents without an actor id and write-ins go to ``pending``; also
        used by :mod:`wijknet.store.registry` when a respondent is identified.
        """
        if len(batch.ties):
            ties = batch.ties.copy()
            ties.index = pd.Index([_first_int(r) for r in ties["source_row"]], name="row")
            self._add_ties(ties, file, file_id, report, default_kind="survey")
        if len(batch.responses):
            responses = batch.responses[batch.responses["actor_id"] != ""].copy()
            responses.index = pd.Index([_first_int(r) for r in responses["source_row"]], name="row")
            self._add_responses(responses, file, file_id, report)
        unidentified = batch.respondents[batch.respondents["actor_id"].astype(str).str.strip() == ""]
        for what, df in (("respondent", unidentified), ("write_in", batch.write_ins)):
            rows = [(what, file_id, _first_int(r.get("source_row", "")), str(r.get("source_column", "")),
                     json.dumps({k: str(v) for k, v in r.items()}, ensure_ascii=False)) for r in df.to_dict("records")]  # fmt: skip
            self.conn.executemany("INSERT INTO pending (what, file_id, source_row, source_column, data) VALUES (?, ?, ?, ?, ?)", rows)
            _add_counts(report, {f"{what}s": len(rows)})

    def _project_for_survey(self):
        from .load import project_from_connection

        return project_from_connection(self.conn, self.folder, "all", self.config)

    def _qualtrics(self, path: Path, file_id: int, report: FileReport) -> None:
        self._survey(path, file_id, report, "qualtrics")

    def _limesurvey(self, path: Path, file_id: int, report: FileReport) -> None:
        self._survey(path, file_id, report, "limesurvey")

    def _google_forms(self, path: Path, file_id: int, report: FileReport) -> None:
        self._survey(path, file_id, report, "google-forms")

    def _microsoft_forms(self, path: Path, file_id: int, report: FileReport) -> None:
        self._survey(path, file_id, report, "microsoft-forms")

    # -- coded interviews and Network Canvas ---------------------------------------------------------------

    def _interview_file(self, path: Path, file_id: int, report: FileReport, fmt: str) -> None:
        """A coding sheet, MAXQDA or ATLAS.ti export: ``interview`` observations, unmatched mentions to ``pending``."""
        from ..ingest.interviews import import_interviews

        aliases = dict(self.conn.execute("SELECT alias_norm, actor_id FROM aliases").fetchall())
        try:
            found = import_interviews(path, fmt, self._store_actors(), wave=self.wave, wijk=self.wijk, aliases=aliases)
        except DataError as exc:
            self.problems += exc.problems
            return
        report.notes += list(found.problems)
        if len(found.ties):
            ties = found.ties.copy()
            ties.index = pd.Index([_first_int(r) for r in ties["source_row"]], name="row")
            self._add_ties(ties, path.name, file_id, report, default_kind="interview")
        self._add_pending_write_ins(found.write_ins, path.name, file_id, report)
        _add_counts(report, {"segments": found.segments, "interviews": found.interviews})

    def _add_pending_write_ins(self, write_ins: pd.DataFrame, file: str, file_id: int, report: FileReport) -> None:
        """Mentions not matched to an actor wait in ``pending`` (``what = 'write_in'``) for ``wijknet resolve``."""
        checked = write_ins.set_axis([_first_int(r) for r in write_ins["source_row"]]) if len(write_ins) else write_ins
        if not self._check_waves(checked, file):
            return
        rows = [("write_in", file_id, _first_int(r.get("source_row", "")), str(r.get("source_column", "")),
                 json.dumps({k: str(v) for k, v in r.items()}, ensure_ascii=False)) for r in write_ins.to_dict("records")]  # fmt: skip
        self.conn.executemany("INSERT INTO pending (what, file_id, source_row, source_column, data) VALUES (?, ?, ?, ?, ?)", rows)
        _add_counts(report, {"write_ins": len(rows)})

    def _interviews(self, path: Path, file_id: int, report: FileReport) -> None:
        self._interview_file(path, file_id, report, "interviews")

    def _maxqda(self, path: Path, file_id: int, report: FileReport) -> None:
        self._interview_file(path, file_id, report, "maxqda")

    def _atlasti(self, path: Path, file_id: int, report: FileReport) -> None:
        self._interview_file(path, file_id, report, "atlasti")

    def _network_canvas(self, path: Path, file_id: int, report: FileReport) -> None:
        """Network Canvas files are read together (one run of interviews) after all other files."""
        if not hasattr(self, "_nc_files"):
            self._nc_files: list[tuple[Path, int, FileReport]] = []
        self._nc_files.append((path, file_id, report))

    def _wijk_actor_ids(self, wijk: str) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT actor_id FROM actors WHERE wijk = ?", (wijk,))}

    def _flush_network_canvas(self) -> None:
        """Read the Network Canvas files of this import as one set of interviews (``--wijk``, ``--wave``)."""
        from ..ingest.networkcanvas import import_network_canvas

        files = getattr(self, "_nc_files", [])
        if not files:
            return
        self._nc_files = []
        first = files[0][0].name
        if not self.wave or not self.wijk:
            missing = [opt for opt, value in (("--wijk", self.wijk), ("--wave", self.wave)) if not value]
            self.problems.append(Problem(first, text(TEXTS, "nc_needs", options=" ".join(missing))))
            return
        try:
            batch = import_network_canvas([p for p, _, _ in files], wijk=self.wijk, wave=self.wave,
                                          roster=self._wijk_actor_ids(self.wijk))  # fmt: skip
        except DataError as exc:
            self.problems += exc.problems
            return
        by_name = {p.name: (file_id, report) for p, file_id, report in files}
        for problem in batch.problems:
            by_name.get(problem.file, (None, files[0][2]))[1].notes.append(problem)
        ties = batch.ties.assign(evidence_kind="network_canvas")
        for name, group in ties.groupby("source_file", sort=False):
            file_id, report = by_name[name]
            group = group.copy()
            group.index = pd.Index([_first_int(r) for r in group["source_row"]], name="row")
            self._add_ties(group, name, file_id, report, default_kind="network_canvas")
        write_ins = batch.write_ins.assign(evidence_kind="network_canvas", tie_types="kennen",
                                           label=f"network canvas {self.wave}")  # fmt: skip
        for name, group in write_ins.groupby("source_file", sort=False):
            file_id, report = by_name[name]
            self._add_pending_write_ins(group, name, file_id, report)
        for name, group in batch.pending_ties.groupby("source_file", sort=False):
            # ego -> write-in ties come back when the write-in is resolved; edges touching a write-in do not
            alters = group[group["source_column"].isin(["networkCanvasSourceUUID", "_from"])]
            if len(alters):
                by_name[name][1].notes.append(Problem(name, text(TEXTS, "nc_pending", n=len(alters))))


def _actor_text(column: str, value) -> str:
    """A validated actor value as stored text (yes/no as ja/nee)."""
    if column in ("pluswijkteam", "consent"):
        return "ja" if bool(value) else "nee"
    return "" if value is None else str(value)


def _label_kind(label: str) -> str:
    words = re.findall(r"[\wêé]+", label.lower())
    if label.strip().lower() in EVIDENCE_KINDS:
        return label.strip().lower()
    return LABEL_KINDS.get(words[0], "tidy_file") if words else "tidy_file"


def _reports(raw: dict, row) -> list[tuple[str, int | None, str]]:
    """One ``(reporter, source_row, source_column)`` per report of a tie row (a survey row may list several)."""
    reporters = raw.get("reporter", "").split(";")
    rows = str(raw.get("source_row", "") or row).split(";")
    columns = raw.get("source_column", "").split(";")
    n = max(len(reporters), len(rows), len(columns))

    def at(values, i):
        return values[i] if i < len(values) else values[-1]

    return [(at(reporters, i).strip(), _first_int(at(rows, i)), at(columns, i).strip()) for i in range(n)]


def _first_int(value) -> int | None:
    match = re.search(r"\d+", str(value))
    return int(match.group()) if match else None


def _add_counts(report: FileReport, counts: dict[str, int]) -> None:
    for key, n in counts.items():
        report.counts[key] = report.counts.get(key, 0) + n


def _audit_import(conn: sqlite3.Connection, import_id: int, reports: list[FileReport], username: str | None,
                  **options) -> None:
    """The audit-log entry of an import, in its transaction: files, kinds, counts (never names of actors)."""
    from .audit import record

    files = [{"file": f.name, "kind": f.kind, "sha256": f.sha256[:12], "status": f.status, "counts": dict(f.counts)}
             for f in reports]  # fmt: skip
    record(conn, "import", username=username, import_id=import_id, files=files, **options)
