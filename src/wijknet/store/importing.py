"""Importing files into a project store: all files in one transaction, nothing overwritten silently.

:func:`import_files` reads every file, recognises its kind
(:func:`wijknet.store.kinds.recognise`) unless given, and adds it to the
store in **one** ``BEGIN IMMEDIATE`` transaction:

* the file itself is copied unchanged to ``raw/<sha256>.<ext>`` and recorded
  with its hash, name, kind, size and import time; a file whose bytes or
  whose content (:func:`content_hash`: the text with line endings and
  encoding normalised) is already in the store is skipped ("al
  geïmporteerd") and changes nothing;
* every observation, response and pending row carries the ``item_key`` of
  the source unit it came from (:mod:`wijknet.store.schema`, version 4: the
  survey's response id, the Network Canvas session UUID, the interview
  segment id, the content of a tidy or graph row). Re-importing a unit
  changes only what differs: an observation with the same identity and
  content is "al geïmporteerd", one with other content becomes a new
  *version* (the old one stays, marked ``superseded_by``), an observation
  the unit no longer has is withdrawn the same way, and write-ins seen
  before are not queued again. The report counts new, unchanged and
  changed units per file;
* actors are added; an actor that exists with other values is a
  :class:`~wijknet.core.errors.Problem` naming file, row and column, unless
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
raises one :class:`~wijknet.core.errors.DataError` listing them all. Raw copies
are written under a temporary name (``raw/.<sha256>.<pid>.tmp``) and renamed
only after the commit, so an import killed midway leaves no copy under a
stored name; the next import (and :func:`clean_raw`) removes such leftovers
or, when the import had committed, completes the rename. Before the
commit the whole store is validated as a project, so a store that imported
cleanly always loads.

:func:`preview_import` runs exactly the same import and rolls it back (a dry
run): it reports per file the recognised kind, the counts, notes and every
problem, and leaves the store and ``raw/`` as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from wijknet import cache as results_cache
from wijknet.core import clock
from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.io.tables import check_size, read_table
from wijknet.io.tidy import (
    ACTOR_REQUIRED,
    ACTOR_WAVE_OPTIONAL,
    ACTOR_WAVE_REQUIRED,
    KPI_CORRECTION_REQUIRED,
    PPI_REQUIRED,
    RATING_ITEMS,
    RATING_REQUIRED,
    RESPONSE_REQUIRED,
    THEME_REQUIRED,
    TIE_REQUIRED,
    WIJKEN_REQUIRED,
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
from wijknet.store.db import RAW_DIR, connection, transaction
from wijknet.store.frames import actors_frame
from wijknet.store.kinds import KINDS, recognise
from wijknet.store.observations import insert_observations
from wijknet.store.raw import clean_raw
from wijknet.store.schema import ACTOR_COLUMNS, EVIDENCE_KINDS
from wijknet.store.wijktables import (
    REPLACED_TABLES,
    current_file,
    replace_kpi_corrections,
    replace_ppi,
    replace_wijken,
)

#: Order in which the files of one import are applied (actors before what refers to them).
ORDER = {"tidy-actors": 0, "graphml": 1, "gexf": 1, "responses": 2, "tidy-actor-waves": 2, "tidy-ties": 3,
         "qualtrics": 4, "limesurvey": 4, "google-forms": 4, "microsoft-forms": 4,
         "interviews": 5, "maxqda": 5, "atlasti": 5, "network-canvas": 5, "tidy-themes": 5, "tidy-ratings": 3,
         "wijken": 6, "ppi": 7, "kpi-corrections": 7}  # fmt: skip
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
              "reporter", "source_file", "source_row", "source_column", "answers", "item_key")  # fmt: skip
#: The name of a file kind's source units in the report counts (``answers_new``, ``rows_same`` ...).
UNIT_COUNTS = {"qualtrics": "answers", "limesurvey": "answers", "network-canvas": "sessions", "interviews": "fragments",
               "maxqda": "fragments", "atlasti": "fragments", "tidy-ties": "rows", "graphml": "rows", "gexf": "rows"}  # fmt: skip
#: Item keys of units whose re-import without an observation withdraws it (a survey answer taken back,
#: a code removed from a segment). Not Network Canvas (its edges may come in another file) nor rows.
WITHDRAWING = ("qualtrics:", "limesurvey:", "interviews:", "maxqda:", "atlasti:")
#: Fields of a pending row that say where it is, not what it says (left out of its content hash).
PENDING_PROVENANCE = ("source_file", "source_row", "source_column", "score", "candidates")
#: Extensions of files whose content hash is the hash of their bytes (not text).
BINARY = (".xlsx", ".xlsm", ".xls", ".zip")

TEXTS = {
    "missing_file": {"nl": "bestand niet gevonden", "en": "file not found"},
    # Conflicts name actor, file, row and column but never the values: they may be answers or names,
    # and messages end up in terminals and logs (the researcher looks the values up in the file).
    "actor_differs": {
        "nl": "actor '{actor}' bestaat al met een andere waarde in kolom '{column}'; "
              "gebruik --update om de nieuwe waarde over te nemen",
        "en": "actor '{actor}' already exists with another value in column '{column}'; "
              "use --update to take the new value",
    },
    "response_differs": {
        "nl": "actor '{actor}' heeft in meting '{wave}' al een respons met een ander antwoord in kolom "
              "'{column}'; gebruik --update om het nieuwe antwoord over te nemen",
        "en": "actor '{actor}' already has a response in wave '{wave}' with another answer in column "
              "'{column}'; use --update to take the new answer",
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
    "linked_changed": {
        "nl": "deze {what} is eerder al gekoppeld (wijknet resolve) en heeft nu andere antwoorden; die zijn niet "
              "overgenomen: koppel opnieuw of pas de waarnemingen aan",
        "en": "this {what} was linked before (wijknet resolve) and now has other answers; they were not taken: "
              "link again or correct the observations",
    },
    "actor_wave_differs": {
        "nl": "actor '{actor}' heeft in meting '{wave}' al een andere waarde in kolom '{column}'; "
              "gebruik --update om de nieuwe waarde over te nemen",
        "en": "actor '{actor}' already has another value in column '{column}' in wave '{wave}'; "
              "use --update to take the new value",
    },
    "rating_differs": {
        "nl": "'{rater}' heeft '{rated}' in meting '{wave}' al anders beoordeeld in kolom '{column}'; "
              "gebruik --update om de nieuwe waarde over te nemen",
        "en": "'{rater}' already rated '{rated}' differently in wave '{wave}' in column '{column}'; "
              "use --update to take the new value",
    },
    "what_write_in": {"nl": "zelf ingevulde partij", "en": "written-in party"},
    "what_respondent": {"nl": "respondent zonder actor-id", "en": "respondent without an actor id"},
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
    #: Per source unit (``item_key``): [stored before, changed now]; summed into ``counts`` at the end.
    items: dict[str, list[bool]] = field(default_factory=dict, repr=False)

    def item(self, key: str, existed: bool, changed: bool) -> None:
        """Record what happened to one part of the source unit ``key``."""
        state = self.items.setdefault(key, [False, False])
        state[0] |= existed
        state[1] |= changed

    def count_items(self) -> None:
        """Add the units seen to ``counts``: ``<unit>_new``, ``<unit>_same``, ``<unit>_changed``."""
        unit = UNIT_COUNTS.get(self.kind)
        if unit is None or not self.items:
            return
        states = self.items.values()
        units = {f"{unit}_new": sum(not e for e, _ in states), f"{unit}_same": sum(e and not c for e, c in states),
                 f"{unit}_changed": sum(e and c for e, c in states)}  # fmt: skip
        self.counts = {
            **units,
            **self.counts,
        }  # the units first: "12 nieuwe antwoorden, 340 al geïmporteerd, ..."


@dataclass
class ImportReport:
    """The result of one :func:`import_files` or :func:`preview_import` call.

    ``problems`` is only filled by a preview (a dry run): an import raises
    them as a :class:`~wijknet.core.errors.DataError`. A preview's ``import_id``
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


def content_hash(path: str | Path) -> str:
    r"""SHA-256 of a file's text, the same for a copy re-saved with other line endings or encoding.

    The bytes are decoded as UTF-16 (with its BOM), UTF-8 (BOM dropped) or
    else cp1252, as :func:`wijknet.io.tables.read_table` reads them; the text
    is put in Unicode NFC with every ``\r\n`` and ``\r`` made ``\n`` and
    trailing line ends dropped, and hashed as UTF-8. A workbook or other
    binary file (a zip, or not decodable) is hashed by its bytes.
    """
    import unicodedata

    path = Path(path)
    data = path.read_bytes()
    if path.suffix.lower() in BINARY or data[:4] == b"PK\x03\x04":
        return "bytes:" + hashlib.sha256(data).hexdigest()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            content = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return "bytes:" + hashlib.sha256(data).hexdigest()
    content = unicodedata.normalize(
        "NFC", content.replace("\r\n", "\n").replace("\r", "\n")
    ).rstrip("\n")
    return "text:" + hashlib.sha256(content.encode("utf-8")).hexdigest()


def _digest(*parts) -> str:
    return hashlib.sha256(
        json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8")
    ).hexdigest()[:32]


def _weight_text(weight) -> str:
    return "" if weight is None or pd.isna(weight) else repr(float(weight))


def row_key(
    wijk, wave, source, target, tie_type, weight, kind, label, quote, segment_id, answers
) -> str:
    """The item key of a tidy or graph row: its content as stored (the occurrence ``#n`` is added by the caller)."""
    return "row:" + _digest(wijk, wave, source, target, tie_type, _weight_text(weight), kind, label, quote, segment_id,
                            answers or "{}")  # fmt: skip


def import_files(
    folder: str | Path,
    paths: list[str | Path],
    *,
    kind: str | None = None,
    wave: str | None = None,
    wijk: str | None = None,
    update: bool = False,
    dry_run: bool = False,
    username: str | None = None,
    sheet: str | None = None,
    allow_missing=(),
) -> ImportReport:
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
    sheet : str, optional
        The sheet to read of every workbook among ``paths`` (default: the
        first sheet with data; the other sheets with data give a note).
    allow_missing : iterable of str, optional
        Core questions left out of a survey on purpose (``referral``,
        ``roster.referral``, a group such as ``write_in``): their absence from
        a survey export is then a note, not a stop (see
        :func:`wijknet.ingest.assemble.column_notes`).
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
    from wijknet.core.settings import ProjectConfig

    folder = Path(folder)
    with connection(folder) as conn:
        config = ProjectConfig.load(folder)
        if kind is not None and kind not in KINDS:
            raise DataError(
                [Problem("--kind", text(TEXTS, "bad_kind", kind=kind, kinds=", ".join(KINDS)))]
            )
        problems, todo, unread = [], [], []
        for p in map(Path, paths):
            if not p.is_file():
                problems.append(Problem(p.name, text(TEXTS, "missing_file")))
                unread.append(FileReport(p.name, "", ""))
                continue
            try:
                check_size(p)
                todo.append(
                    (p, kind or recognise(p, wave=wave, sheet=sheet), sha256(p), content_hash(p))
                )
            except DataError as exc:
                problems += exc.problems
                unread.append(FileReport(p.name, "", ""))
        if problems and not dry_run:
            raise DataError(problems)
        todo.sort(key=lambda item: ORDER[item[1]])
        importer = Importer(
            conn,
            folder,
            config,
            wave,
            update,
            wijk=wijk,
            dry_run=dry_run,
            username=username,
            sheet=sheet,
            allow_missing=tuple(allow_missing or ()),
        )
        report = importer.run(todo)
        if not dry_run:  # the data changed: every cached result is stale (wijknet.cache)
            results_cache.clear(folder)
        if dry_run:
            report.files = unread + report.files
            report.problems = problems + report.problems
            for f in report.files:
                f.problems = [p for p in report.problems if p.file == f.name]
        return report


def preview_import(
    folder: str | Path,
    paths: list[str | Path],
    *,
    kind: str | None = None,
    wave: str | None = None,
    wijk: str | None = None,
    update: bool = False,
    sheet: str | None = None,
    allow_missing=(),
) -> ImportReport:
    """Check an import without changing the store: :func:`import_files` as a dry run.

    Every file is read, recognised and added inside the import transaction
    exactly as :func:`import_files` would (the whole store is validated too),
    and the transaction is then rolled back. Nothing is written to the
    database or to ``raw/``.

    Parameters
    ----------
    folder, paths, kind, wave, wijk, update, sheet, allow_missing
        As for :func:`import_files`.

    Returns
    -------
    ImportReport
        Per file the recognised kind (``""`` when the file could not be
        read), counts, notes, ``problems`` (file, row, column) and ``head``
        (the first rows of a table); ``report.problems`` lists them all and
        ``report.ok`` says whether the import would succeed.
    """
    report = import_files(
        folder,
        paths,
        kind=kind,
        wave=wave,
        wijk=wijk,
        update=update,
        dry_run=True,
        sheet=sheet,
        allow_missing=allow_missing,
    )
    by_name = {Path(p).name: Path(p) for p in paths}
    for f in report.files:
        if f.kind in KINDS and f.kind not in ("graphml", "gexf") and f.name in by_name:
            f.head = first_rows(by_name[f.name], sheet=sheet)
    return report


def first_rows(path: str | Path, n: int = 5, sheet: str | None = None) -> pd.DataFrame | None:
    """The first ``n`` rows of a CSV or XLSX table (of ``sheet``) as read (``None`` when it cannot be read)."""
    try:
        return read_table(path, sheet=sheet).head(n)
    except DataError:
        return None


class Importer:
    """One import transaction; see :func:`import_files`."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        folder: Path,
        config,
        wave: str | None,
        update: bool,
        *,
        wijk: str | None = None,
        dry_run: bool = False,
        username: str | None = None,
        sheet: str | None = None,
        allow_missing: tuple[str, ...] = (),
    ):
        self.conn, self.folder, self.config, self.wave, self.update = (
            conn,
            folder,
            config,
            wave,
            update,
        )
        self.wijk, self.dry_run, self.username, self.sheet = wijk, dry_run, username, sheet
        self.allow_missing = allow_missing
        self.import_id: int | None = None
        self.created: list[tuple[Path, Path]] = []  # (temporary copy, stored name after the commit)
        self.problems: list[Problem] = []

    def run(self, todo) -> ImportReport:
        reports = []
        try:
            with transaction(self.conn):
                if not self.dry_run:
                    clean_raw(self.folder, self.conn)
                backfill(self.conn, self.folder, self.config)
                seen = set()
                for path, kind, digest, content in todo:
                    report = FileReport(path.name, kind, digest)
                    reports.append(report)
                    known = self.conn.execute("SELECT file_id FROM files WHERE sha256 = ? OR content_hash = ?",
                                              (digest, content)).fetchone()  # fmt: skip
                    if (known and kind in REPLACED_TABLES and content not in seen
                            and known[0] not in current_file(self.conn, kind)):  # fmt: skip
                        # An earlier file of a whole-table kind again: it replaces the table again.
                        seen.add(content)
                        self._ensure_import(clock.now())
                        getattr(self, "_" + kind.replace("-", "_"))(path, known[0], report)
                        continue
                    if known or content in seen:
                        report.status = "already"
                        continue
                    seen.add(content)
                    file_id = self._record_file(path, kind, digest, content)
                    getattr(self, "_" + kind.replace("-", "_"))(path, file_id, report)
                self._flush_network_canvas()
                for report in reports:
                    report.count_items()
                if self.problems:
                    raise DataError(self.problems)
                if self.import_id is not None:
                    self._check_whole()
                    _audit_import(
                        self.conn,
                        self.import_id,
                        reports,
                        self.username,
                        wave=self.wave,
                        update=self.update,
                    )
                if self.dry_run:
                    raise _Rollback
        except (_Rollback, DataError) as exc:
            for tmp, _ in self.created:
                tmp.unlink(missing_ok=True)
            if not self.dry_run:
                raise
            problems = exc.problems if isinstance(exc, DataError) else []
            return ImportReport(None, reports, problems=list(problems), dry_run=True)
        except BaseException:
            for tmp, _ in self.created:
                tmp.unlink(missing_ok=True)
            raise
        # Committed: only now do the copies get their stored names (a kill before this leaves temporary
        # names only, which the next import completes or removes; see clean_raw).
        for tmp, target in self.created:
            os.replace(tmp, target)
        return ImportReport(self.import_id, reports)

    # -- bookkeeping -------------------------------------------------------------------------------

    def _ensure_import(self, now: str) -> None:
        """The ``imports`` row of this transaction (made with its first file)."""
        if self.import_id is None:
            from wijknet.core.version import __version__

            # How the files were read, so that the actor registry reads a stored export again the same way.
            read = {"sheet": self.sheet, "allow_missing": list(self.allow_missing)}
            options = json.dumps(
                {"wave": self.wave, "update": self.update, **{k: v for k, v in read.items() if v}}
            )
            self.import_id = self.conn.execute("INSERT INTO imports (imported_at, wijknet_version, options) VALUES (?, ?, ?)",
                                               (now, __version__, options)).lastrowid  # fmt: skip

    def _record_file(self, path: Path, kind: str, digest: str, content: str) -> int:
        now = clock.now()
        self._ensure_import(now)
        raw = self.folder / RAW_DIR
        ext = re.sub(r"[^a-z0-9.]", "", path.suffix.lower())[:10]
        target = raw / f"{digest}{ext}"
        if not self.dry_run:
            raw.mkdir(exist_ok=True)
        if not self.dry_run and not target.exists():
            tmp = raw / f".{digest}.{os.getpid()}.tmp"
            shutil.copyfile(path, tmp)
            self.created.append((tmp, target))
        return self.conn.execute(
            "INSERT INTO files (import_id, sha256, name, kind, size, raw_path, imported_at, content_hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.import_id,
                digest,
                path.name,
                kind,
                path.stat().st_size,
                f"{RAW_DIR}/{target.name}",
                now,
                content,
            ),
        ).lastrowid

    def _check_whole(self) -> None:
        """Validate the store as a project before committing (spans, waves, wijken)."""
        from wijknet.store.load import project_from_connection

        project_from_connection(self.conn, self.folder, "all", self.config)

    def _read(
        self, path: Path, required: tuple[str, ...], report: FileReport
    ) -> pd.DataFrame | None:
        try:
            df = read_table(path, expected=required, sheet=self._sheet(path))
        except DataError as exc:
            self.problems += exc.problems
            return None
        report.notes += _notes(df)
        return df

    def _sheet(self, path: Path) -> str | None:
        """``--sheet`` for a workbook; CSV files among the same import have no sheets."""
        return self.sheet if path.suffix.lower() in (".xlsx", ".xlsm", ".xls") else None

    def _store_actors(self) -> pd.DataFrame:
        return (
            validate_actors(actors_frame(self.conn), STORE_ACTORS)
            if self._has_actors()
            else pd.DataFrame({c: pd.Series(dtype=object) for c in ACTOR_COLUMNS})
        )

    def _has_actors(self) -> bool:
        return self.conn.execute("SELECT 1 FROM actors LIMIT 1").fetchone() is not None

    def _fill_wave(self, df: pd.DataFrame, file: str) -> pd.DataFrame:
        if self.wave is None:
            return df
        if "wave" not in df.columns:
            return df.assign(wave=self.wave)
        for row, value in df["wave"].items():
            if value and value != self.wave:
                self.problems.append(
                    Problem(
                        file,
                        text(TEXTS, "wave_differs", value=value, wave=self.wave),
                        row=row,
                        column="wave",
                    )
                )
        return df.assign(wave=df["wave"].where(df["wave"] != "", self.wave))

    def _check_waves(self, df: pd.DataFrame, file: str, columns=("wave",)) -> bool:
        if not self.config.waves:
            return True
        bad = [Problem(file, text(TEXTS, "unknown_wave", value=w), row=r, column=c)
               for c in columns if c in df.columns for r, w in df[c].items() if w and w not in self.config.waves]  # fmt: skip
        self.problems += bad
        return not bad

    def _waves(self, *frames: pd.DataFrame) -> list[str]:
        from wijknet.core.order import natural_key

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
                self.problems += [Problem(file, text(TEXTS, "actor_differs", actor=values["actor_id"], column=c),
                                      row=int(row), column=c)
                                  for c in changed]  # fmt: skip
                continue
            self.conn.execute("INSERT INTO actor_history (actor_id, old_values, file_id, source_row) VALUES (?, ?, ?, ?)",
                              (values["actor_id"], json.dumps(current, ensure_ascii=False), file_id, int(row)))  # fmt: skip
            merged_extra = {
                **old_extra,
                **{c: v for c, v in changed.items() if c not in ACTOR_COLUMNS},
            }
            assignments = {c: v for c, v in changed.items() if c in ACTOR_COLUMNS}
            sets = ", ".join(
                [*(f"{c} = ?" for c in assignments), "extra = ?", "file_id = ?", "source_row = ?"]
            )
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

    def _add_ties(
        self,
        df: pd.DataFrame,
        file: str,
        file_id: int,
        report: FileReport,
        default_kind: str | None,
    ) -> None:
        """Validate ``df`` (tidy ties, index = row numbers) and store one observation per row (and reporter)."""
        from wijknet.project import check_spans

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
            check_spans(store_actors, valid, self._waves(valid), actors_name, file)
        except DataError as exc:
            self.problems += exc.problems
            return
        rows, problems, occurrences = [], [], {}
        for row, raw in zip(df.index, df.to_dict("records")):
            raw = {k: str(v) for k, v in raw.items()}
            kind = (
                raw.get("evidence_kind", "") or default_kind or label_kind(raw.get("evidence", ""))
            )
            if kind not in EVIDENCE_KINDS:
                problems.append(Problem(file, text(TEXTS, "bad_evidence_kind", value=kind, kinds=", ".join(EVIDENCE_KINDS)),
                                        row=int(row), column="evidence_kind"))  # fmt: skip
                continue
            weight = raw.get("weight", "")
            weight = float(weight.replace(",", ".")) if weight else None
            answers = raw.get("answers") or json.dumps({k: v for k, v in raw.items() if k not in TIE_FIELDS and v},
                                                       ensure_ascii=False, sort_keys=True)  # fmt: skip
            base = (
                raw["wijk"],
                raw["wave"],
                raw["source"],
                raw["target"],
                raw.get("tie_type", ""),
                weight,
            )
            tail = (raw.get("quote", ""), raw.get("segment_id", ""), answers or "{}")
            keys = raw.get("item_key", "").split(";")
            for i, (reporter, src_row, src_col) in enumerate(_reports(raw, row)):
                this_kind = kind
                if default_kind == "survey" and reporter and reporter == raw["target"]:
                    this_kind = "confirmation"
                key = keys[min(i, len(keys) - 1)]
                if not key and default_kind in (
                    None,
                    "graph_file",
                ):  # tidy and graph rows: their content
                    key = row_key(*base, this_kind, raw.get("evidence", ""), *tail)
                    occurrences[key] = occurrences.get(key, -1) + 1
                    key = f"{key}#{occurrences[key]}"
                rows.append((*base, this_kind, raw.get("evidence", ""), self.import_id, file_id,
                             raw.get("source_file") or file, src_row, src_col, *tail, key))  # fmt: skip
        if problems:
            self.problems += problems
            return
        self._store_observations(rows, report)

    def _store_observations(self, rows: list[tuple], report: FileReport) -> None:
        """Insert observation rows (the columns of ``INSERT`` below), version by version per item key.

        Within one item key an observation is identified by kind, source,
        target, tie type and its occurrence; its content is weight, label,
        quote and answers. Same identity and content: already imported. Other
        content: the stored one is superseded by this import and the new one
        gets the next version. A stored observation of a re-imported unit
        (:data:`WITHDRAWING`) that the unit no longer has is superseded too.
        """
        by_key: dict[str, list[tuple]] = {}
        for r in rows:
            by_key.setdefault(r[-1], []).append(r)
        inserts, supersede = [], []
        counts = {
            "observations": 0,
            "observations_same": 0,
            "observations_changed": 0,
            "observations_withdrawn": 0,
        }
        for key, group in by_key.items():
            if not key:
                inserts += [(*r, 1) for r in group]
                counts["observations"] += len(group)
                continue
            current, seen, before = {}, {}, False
            for oid, kind, src, tgt, tie_type, weight, label, quote, answers, version, import_id in self.conn.execute(
                    "SELECT observation_id, kind, source, target, tie_type, weight, label, quote, answers, version, import_id "
                    "FROM observations WHERE item_key = ? AND superseded_by IS NULL ORDER BY observation_id", (key,)):  # fmt: skip
                ident = (kind, src, tgt, tie_type)
                seen[ident] = seen.get(ident, -1) + 1
                current[(*ident, seen[ident])] = (
                    oid,
                    (_weight_text(weight), label, quote, answers),
                    version,
                )
                before = (
                    before or import_id != self.import_id
                )  # not only from another file of this import
            changed, matched, seen = False, set(), {}
            for r in group:
                ident = (r[6], r[2], r[3], r[4])
                seen[ident] = seen.get(ident, -1) + 1
                ident = (*ident, seen[ident])
                old = current.get(ident)
                if old is None:
                    inserts.append((*r, 1))
                    counts["observations"] += 1
                    changed = True
                    continue
                matched.add(ident)
                if old[1] == (_weight_text(r[5]), r[7], r[13], r[15]):
                    counts["observations_same"] += 1
                    continue
                supersede.append(old[0])
                inserts.append((*r, old[2] + 1))
                counts["observations_changed"] += 1
                changed = True
            if key.startswith(WITHDRAWING):
                gone = [old[0] for ident, old in current.items() if ident not in matched]
                supersede += gone
                counts["observations_withdrawn"] += len(gone)
                changed = changed or bool(gone)
            report.item(key, before, changed)
        self.conn.executemany("UPDATE observations SET superseded_by = ? WHERE observation_id = ?",
                              [(self.import_id, oid) for oid in supersede])  # fmt: skip
        insert_observations(self.conn, inserts)
        _add_counts(report, counts)

    # -- responses -----------------------------------------------------------------------------------

    def _responses(self, path: Path, file_id: int, report: FileReport) -> None:
        df = self._read(path, RESPONSE_REQUIRED, report)
        if df is not None:
            self._add_responses(self._fill_wave(df, path.name), path.name, file_id, report)

    def _add_responses(self, df: pd.DataFrame, file: str, file_id: int, report: FileReport) -> None:
        from wijknet.project import check_respondents

        store_actors = self._store_actors()
        actors_name = text(TEXTS, "no_store_actors", file=STORE_ACTORS)
        try:
            valid = validate_responses(df, store_actors, file, actors_name)
            if not self._check_waves(valid, file):
                return
            check_respondents(store_actors, valid, self._waves(valid), actors_name, file)
        except DataError as exc:
            self.problems += exc.problems
            return
        extra_columns = [
            c
            for c in df.columns
            if c
            not in (
                "wijk",
                "wave",
                "actor_id",
                "kpi3",
                "active",
                "source_file",
                "source_row",
                "item_key",
            )
        ]
        keys = df["item_key"] if "item_key" in df.columns else pd.Series("", index=df.index)
        counts = {
            "responses_added": 0,
            "responses_updated": 0,
            "responses_changed": 0,
            "responses_same": 0,
        }
        for row, record in zip(valid.index, valid.to_dict("records")):
            kpi3 = "" if pd.isna(record["kpi3"]) else str(int(record["kpi3"]))
            new = {
                "wijk": record["wijk"],
                "kpi3": kpi3,
                "active": "ja" if record["active"] else "nee",
            }
            extra = {c: str(record.get(c, "")) for c in extra_columns}
            key = str(keys.get(row, "") or "")
            old = self.conn.execute("SELECT wijk, kpi3, active, extra, item_key, version, file_id FROM responses "
                                    "WHERE wave = ? AND actor_id = ?", (record["wave"], record["actor_id"])).fetchone()  # fmt: skip
            if old is None:
                self.conn.execute("INSERT INTO responses (wijk, wave, actor_id, kpi3, active, extra, file_id, source_row, item_key) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  (new["wijk"], record["wave"], record["actor_id"], kpi3, new["active"],
                                   json.dumps(extra, ensure_ascii=False), file_id, int(row), key))  # fmt: skip
                counts["responses_added"] += 1
                if key:
                    report.item(key, False, True)
                continue
            current = {"wijk": old[0], "kpi3": old[1], "active": old[2], **json.loads(old[3])}
            changed = {c: v for c, v in {**new, **extra}.items() if current.get(c, "") != v}
            same_unit = (
                bool(key) and old[4] == key
            )  # the source's own id: a new version of the same response
            if key:
                report.item(key, True, bool(changed))
            if not changed:
                counts["responses_same"] += 1
            elif not (self.update or same_unit):
                self.problems += [Problem(file, text(TEXTS, "response_differs", actor=record["actor_id"], wave=record["wave"],
                                                     column=c), row=int(row), column=c)
                                  for c in changed]  # fmt: skip
            else:
                self.conn.execute("INSERT INTO response_history (wave, actor_id, version, old_values, file_id, replaced_by) "
                                  "VALUES (?, ?, ?, ?, ?, ?)",
                                  (record["wave"], record["actor_id"], old[5], json.dumps(current, ensure_ascii=False),
                                   old[6], self.import_id))  # fmt: skip
                self.conn.execute("UPDATE responses SET wijk = ?, kpi3 = ?, active = ?, extra = ?, file_id = ?, source_row = ?, "
                                  "item_key = ?, version = ? WHERE wave = ? AND actor_id = ?",
                                  (new["wijk"], kpi3, new["active"], json.dumps({**json.loads(old[3]), **extra}, ensure_ascii=False),
                                   file_id, int(row), key or old[4], old[5] + 1, record["wave"], record["actor_id"]))  # fmt: skip
                counts["responses_changed" if same_unit else "responses_updated"] += 1
        _add_counts(report, counts)

    # -- per-wave attributes and interview themes ---------------------------------------------------

    def _tidy_actor_waves(self, path: Path, file_id: int, report: FileReport) -> None:
        df = self._read(path, ACTOR_WAVE_REQUIRED, report)
        if df is not None:
            self._add_actor_waves(self._fill_wave(df, path.name), path.name, file_id, report)

    def _add_actor_waves(
        self, df: pd.DataFrame, file: str, file_id: int, report: FileReport
    ) -> None:
        """Store per-wave attributes (tidy ``actor_waves``, index = row numbers), one row per actor and wave.

        A row that exists with other values is a problem unless ``--update``
        or it comes from the same source unit (the same survey response
        imported again, ``item_key``); then the new values replace it.
        """
        store_actors = self._store_actors()
        actors_name = text(TEXTS, "no_store_actors", file=STORE_ACTORS)
        try:
            valid = validate_actor_waves(df, store_actors, file, actors_name)
        except DataError as exc:
            self.problems += exc.problems
            return
        if not self._check_waves(valid, file):
            return
        keys = df["item_key"] if "item_key" in df.columns else pd.Series("", index=df.index)
        counts = {"actor_waves_added": 0, "actor_waves_updated": 0, "actor_waves_same": 0}
        columns = list(ACTOR_WAVE_OPTIONAL)
        for row, record in zip(valid.index, valid.to_dict("records")):
            values = [str(record.get(c, "") or "") for c in columns]
            key = str(keys.get(row, "") or "")
            old = self.conn.execute(f"SELECT {', '.join(columns)}, item_key FROM actor_waves WHERE wave = ? AND actor_id = ?",
                                    (record["wave"], record["actor_id"])).fetchone()  # fmt: skip
            if old is None:
                self.conn.execute(f"INSERT INTO actor_waves (wijk, wave, actor_id, {', '.join(columns)}, file_id, source_row, "
                                  f"item_key) VALUES ({', '.join('?' * (len(columns) + 6))})",
                                  (record["wijk"], record["wave"], record["actor_id"], *values, file_id, int(row), key))  # fmt: skip
                counts["actor_waves_added"] += 1
                continue
            changed = [c for c, new, was in zip(columns, values, old[:-1]) if new != was]
            if not changed:
                counts["actor_waves_same"] += 1
            elif self.update or (key and key == old[-1]):
                sets = ", ".join(f"{c} = ?" for c in columns)
                self.conn.execute(f"UPDATE actor_waves SET wijk = ?, {sets}, file_id = ?, source_row = ?, item_key = ? "
                                  "WHERE wave = ? AND actor_id = ?",
                                  (record["wijk"], *values, file_id, int(row), key or old[-1], record["wave"],
                                   record["actor_id"]))  # fmt: skip
                counts["actor_waves_updated"] += 1
            else:
                self.problems += [Problem(file, text(TEXTS, "actor_wave_differs", actor=record["actor_id"], wave=record["wave"],
                                                     column=c), row=int(row), column=c) for c in changed]  # fmt: skip
        _add_counts(report, counts)

    def _tidy_ratings(self, path: Path, file_id: int, report: FileReport) -> None:
        """A tidy ``ratings`` file: one row per wave, rater and partner in the ``ratings`` table.

        A row that exists with other answers is a problem unless ``--update``.
        Ratings of survey exports are not stored here (they are the answers of
        the survey observations); at load both are merged
        (:func:`wijknet.store.frames.ratings_frame`).
        """
        df = self._read(path, RATING_REQUIRED, report)
        if df is None:
            return
        file = path.name
        store_actors = self._store_actors()
        actors_name = text(TEXTS, "no_store_actors", file=STORE_ACTORS)
        try:
            valid = validate_ratings(self._fill_wave(df, file), store_actors, file, actors_name)
        except DataError as exc:
            self.problems += exc.problems
            return
        if not self._check_waves(valid, file):
            return
        counts = {"ratings_added": 0, "ratings_updated": 0, "ratings_same": 0}
        items = list(RATING_ITEMS)
        for row, record in zip(valid.index, valid.to_dict("records")):
            values = ["" if pd.isna(record[i]) else str(int(record[i])) for i in items]
            ident = (record["wave"], record["rater"], record["rated"])
            old = self.conn.execute(f"SELECT {', '.join(items)} FROM ratings WHERE wave = ? AND rater = ? AND rated = ?",
                                    ident).fetchone()  # fmt: skip
            if old is None:
                self.conn.execute(f"INSERT INTO ratings (wijk, wave, rater, rated, {', '.join(items)}, file_id, source_row) "
                                  f"VALUES ({', '.join('?' * (len(items) + 6))})",
                                  (record["wijk"], *ident, *values, file_id, int(row)))  # fmt: skip
                counts["ratings_added"] += 1
                continue
            changed = [c for c, new, was in zip(items, values, old) if new != was]
            if not changed:
                counts["ratings_same"] += 1
            elif self.update:
                self.conn.execute(f"UPDATE ratings SET {', '.join(f'{c} = ?' for c in items)}, file_id = ?, source_row = ? "
                                  "WHERE wave = ? AND rater = ? AND rated = ?", (*values, file_id, int(row), *ident))  # fmt: skip
                counts["ratings_updated"] += 1
            else:
                self.problems += [Problem(file, text(TEXTS, "rating_differs", rater=ident[1], rated=ident[2], wave=ident[0],
                                                     column=c), row=int(row), column=c) for c in changed]  # fmt: skip
        _add_counts(report, counts)

    # -- the programme office's tables about wijken (each replaced as a whole) ------------------------

    def _store_wijken(self) -> set[str]:
        return {w for (w,) in self.conn.execute("SELECT DISTINCT wijk FROM actors")}

    def _whole_table(self, path: Path, required: tuple[str, ...], report: FileReport, validate):
        """Read and validate a whole-table file; ``None`` (problems recorded) when it is not valid."""
        df = self._read(path, required, report)
        if df is None:
            return None
        try:
            return df, validate(df)
        except DataError as exc:
            self.problems += exc.problems
            return None

    def _wijken(self, path: Path, file_id: int, report: FileReport) -> None:
        """A ``wijken`` file (:func:`wijknet.io.tidy.validate_wijken`): replaces ``wijken`` and ``wijk_phases``."""
        waves = list(self.config.waves or []) or None
        found = self._whole_table(path, WIJKEN_REQUIRED, report,
                                  lambda df: validate_wijken(df, self._store_wijken(), waves, path.name))  # fmt: skip
        if found is not None:
            df, (meta, phases) = found
            _add_counts(report, replace_wijken(self.conn, meta, phases, file_id, df.index))

    def _ppi(self, path: Path, file_id: int, report: FileReport) -> None:
        """A ``ppi`` file (:func:`wijknet.io.tidy.validate_ppi`): replaces the ``ppi`` table."""
        found = self._whole_table(path, PPI_REQUIRED, report,
                                  lambda df: validate_ppi(df, self._store_wijken(), path.name))  # fmt: skip
        if found is not None:
            _add_counts(report, replace_ppi(self.conn, found[1], file_id))

    def _kpi_corrections(self, path: Path, file_id: int, report: FileReport) -> None:
        """A ``kpi_corrections`` file (:func:`wijknet.io.tidy.validate_kpi_corrections`): replaces the table."""
        found = self._whole_table(
            path, KPI_CORRECTION_REQUIRED, report,
            lambda df: validate_kpi_corrections(df, self._store_wijken(), self._waves(), path.name),
        )  # fmt: skip
        if found is not None:
            df, valid = found
            _add_counts(report, replace_kpi_corrections(self.conn, valid, file_id, df.index))

    def _tidy_themes(self, path: Path, file_id: int, report: FileReport) -> None:
        df = self._read(path, THEME_REQUIRED, report)
        if df is not None:
            self._add_themes(self._fill_wave(df, path.name), path.name, file_id, report)

    def _add_themes(self, df: pd.DataFrame, file: str, file_id: int, report: FileReport) -> None:
        """Store theme codes (tidy ``themes``, index = row numbers).

        The themes of a re-imported segment (the same ``item_key``) replace
        the ones stored for it; rows of a tidy file without an ``item_key``
        are added (the same file twice is skipped by its content).
        """
        store_actors = self._store_actors()
        actors_name = text(TEXTS, "no_store_actors", file=STORE_ACTORS)
        try:
            valid = validate_themes(df, store_actors, file, actors_name)
        except DataError as exc:
            self.problems += exc.problems
            return
        if not self._check_waves(valid, file):
            return
        keys = df["item_key"] if "item_key" in df.columns else pd.Series("", index=df.index)
        replaced = {k for k in keys if k}
        removed = 0
        for key in replaced:
            removed += self.conn.execute("DELETE FROM themes WHERE item_key = ? AND import_id <> ?",
                                         (key, self.import_id)).rowcount  # fmt: skip
        rows = []
        for row, record, key in zip(valid.index, valid.to_dict("records"), list(keys)):
            rows.append((record["wijk"], record["wave"], record["interview_id"], record["theme"],
                         str(record.get("segment_id", "") or ""), str(record.get("quote", "") or ""),
                         str(record.get("actors", "") or ""), str(record.get("interviewee", "") or ""), self.import_id, file_id,
                         str(record.get("source_file", "") or "") or file, first_int(record.get("source_row", "")) or int(row),
                         str(record.get("source_column", "") or ""), str(key or "")))  # fmt: skip
        self.conn.executemany("INSERT INTO themes (wijk, wave, interview_id, theme, segment_id, quote, actors, interviewee, "
                              "import_id, file_id, source_file, source_row, source_column, item_key) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)  # fmt: skip
        _add_counts(
            report, {"themes": len(rows), **({"themes_replaced": removed} if removed else {})}
        )

    # -- graph files and survey exports ----------------------------------------------------------------

    def _graph(self, path: Path, file_id: int, report: FileReport) -> None:
        from wijknet.ingest.graphfile import read_graph_file

        try:
            batch = read_graph_file(path, wave=self.wave, waves=self._waves())
        except DataError as exc:
            self.problems += exc.problems
            return
        report.notes += _notes(
            batch
        )  # e.g. igraph's generated node ids replaced by the id attribute
        self._add_actors(batch.actors, path.name, file_id, report)
        if len(batch.ties):
            ties = batch.ties.copy()
            ties.index = pd.Index(ties["source_row"].astype(int), name="row")
            # wijknet's own export can hold several observations of one tie (a survey answer and its
            # confirmation): one layer per repeat, so the tidy check for duplicate ties holds within each
            layer = ties.groupby(["wijk", "wave", "source", "target", "tie_type"]).cumcount()
            for _, part in ties.groupby(layer.to_numpy()):
                self._add_ties(part, path.name, file_id, report, default_kind="graph_file")

    _graphml = _graph
    _gexf = _graph

    def _survey(self, path: Path, file_id: int, report: FileReport, tool: str) -> None:
        from wijknet.store.surveys import read_survey

        try:
            batch = read_survey(
                tool,
                path,
                self._project_for_survey(),
                self.wave,
                wijk=self.wijk,
                sheet=self._sheet(path),
                allow_missing=self.allow_missing,
            )
        except DataError as exc:
            self.problems += exc.problems
            return
        report.notes += _notes(batch)
        self.add_survey_batch(batch, path.name, file_id, report)

    def add_survey_batch(self, batch, file: str, file_id: int, report: FileReport) -> None:
        """Store a survey batch: ties as observations, responses, and what waits for the actor registry.

        Respondents without an actor id and write-ins go to ``pending``; also
        used by :mod:`wijknet.store.registry` when a respondent is identified.
        """
        keys = survey_keys(batch)
        if (
            batch.respondents.empty
        ):  # the actor registry links a waiting respondent: the key it waited with
            keys = dict(self.conn.execute("SELECT source_row, item_key FROM pending WHERE what = 'respondent' AND file_id = ?",
                                          (file_id,)).fetchall())  # fmt: skip
        if len(batch.ties):
            ties = batch.ties.copy()
            ties.index = pd.Index([first_int(r) for r in ties["source_row"]], name="row")
            ties["item_key"] = [
                ";".join(keys.get(first_int(r), "") for r in str(rows).split(";"))
                for rows in ties["source_row"]
            ]
            self._add_ties(ties, file, file_id, report, default_kind="survey")
        if len(batch.responses):
            responses = batch.responses[batch.responses["actor_id"] != ""].copy()
            responses.index = pd.Index([first_int(r) for r in responses["source_row"]], name="row")
            responses["item_key"] = [keys.get(r, "") for r in responses.index]
            self._add_responses(responses, file, file_id, report)
            waves = batch.actor_waves()
            if len(waves):
                rows = {(w, a): r for w, a, r in zip(batch.respondents["wave"], batch.respondents["actor_id"],
                                                     batch.respondents["source_row"])}  # fmt: skip
                waves.index = pd.Index([first_int(rows[(w, a)]) for w, a in zip(waves["wave"], waves["actor_id"])],
                                       name="row")  # fmt: skip
                waves["item_key"] = [keys.get(r, "") for r in waves.index]
                self._add_actor_waves(waves, file, file_id, report)
        unidentified = batch.respondents[
            batch.respondents["actor_id"].astype(str).str.strip() == ""
        ]
        for what, df in (("respondent", unidentified), ("write_in", batch.write_ins)):
            df = (
                df.assign(item_key=[keys.get(first_int(r), "") for r in df["source_row"]])
                if len(df)
                else df
            )
            self._add_pending(what, df, file, file_id, report)

    def _add_pending(
        self, what: str, df: pd.DataFrame, file: str, file_id: int, report: FileReport
    ) -> None:
        """Rows that wait for the actor registry go to ``pending`` once per source unit and part.

        A row with an ``item_key`` is looked up in ``source_items`` (its part:
        a hash of the write-in's node UUID, number or name and occurrence):
        seen with the same content, it is skipped; with other content, its
        pending row is updated, or, when it was linked meanwhile, a note says
        that its new answers were not taken.
        """
        counts = {f"{what}s": 0, f"{what}s_same": 0, f"{what}s_changed": 0}
        occurrences: dict[tuple, int] = {}  # two equal write-ins of one unit are two parts
        for r in df.to_dict("records"):
            key = str(r.pop("item_key", "") or "")
            data = {k: str(v) for k, v in r.items()}
            values = (what, first_int(data.get("source_row", "")), data.get("source_column", ""),
                      json.dumps(data, ensure_ascii=False))  # fmt: skip
            if not key:
                self.conn.execute("INSERT INTO pending (what, file_id, source_row, source_column, data) VALUES (?, ?, ?, ?, ?)",
                                  (values[0], file_id, *values[1:]))  # fmt: skip
                counts[f"{what}s"] += 1
                continue
            ident = (
                what,
                data.get("uuid") or data.get("number") or data.get("name", ""),
                data.get("tie_types", ""),
            )
            occurrences[ident] = occurrences.get(ident, -1) + 1
            part, content = _pending_part(what, data, occurrences[ident])
            seen = self.conn.execute("SELECT content_hash, pending_id FROM source_items WHERE item_key = ? AND part = ?",
                                     (key, part)).fetchone()  # fmt: skip
            report.item(key, seen is not None, seen is None or seen[0] != content)
            if seen is None:
                pid = self.conn.execute("INSERT INTO pending (what, file_id, source_row, source_column, data, item_key) "
                                        "VALUES (?, ?, ?, ?, ?, ?)", (values[0], file_id, *values[1:], key)).lastrowid  # fmt: skip
                self.conn.execute("INSERT INTO source_items (item_key, part, content_hash, file_id, pending_id) VALUES (?, ?, ?, ?, ?)",
                                  (key, part, content, file_id, pid))  # fmt: skip
                counts[f"{what}s"] += 1
            elif seen[0] == content:
                counts[f"{what}s_same"] += 1
            else:
                counts[f"{what}s_changed"] += 1
                waiting = self.conn.execute("UPDATE pending SET file_id = ?, source_row = ?, source_column = ?, data = ? "
                                            "WHERE pending_id = ?", (file_id, *values[1:], seen[1])).rowcount  # fmt: skip
                if waiting:
                    self.conn.execute("UPDATE source_items SET content_hash = ?, file_id = ? WHERE item_key = ? AND part = ?",
                                      (content, file_id, key, part))  # fmt: skip
                else:
                    report.notes.append(Problem(file, text(TEXTS, "linked_changed", what=text(TEXTS, f"what_{what}")),
                                                row=values[1], column=values[2] or None))  # fmt: skip
        _add_counts(report, counts)

    def _project_for_survey(self):
        from wijknet.store.load import project_from_connection

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
        from wijknet.ingest.interviews import import_interviews

        aliases = dict(self.conn.execute("SELECT alias_norm, actor_id FROM aliases").fetchall())
        try:
            found = import_interviews(
                path,
                fmt,
                self._store_actors(),
                wave=self.wave,
                wijk=self.wijk,
                aliases=aliases,
                sheet=self._sheet(path),
            )
        except DataError as exc:
            self.problems += exc.problems
            return
        report.notes += _notes(found)
        if len(found.ties):
            ties = found.ties.copy()
            ties.index = pd.Index([first_int(r) for r in ties["source_row"]], name="row")
            interviews = [json.loads(a or "{}").get("interview_id", "") for a in ties["answers"]]
            ties["item_key"] = [
                segment_key(fmt, i, s) for i, s in zip(interviews, ties["segment_id"])
            ]
            self._add_ties(ties, path.name, file_id, report, default_kind="interview")
        if len(found.themes):
            themes = found.themes.copy()
            themes.index = pd.Index([first_int(r) for r in themes["source_row"]], name="row")
            themes["item_key"] = [
                segment_key(fmt, i, s) for i, s in zip(themes["interview_id"], themes["segment_id"])
            ]
            self._add_themes(themes, path.name, file_id, report)
        write_ins = found.write_ins
        if len(write_ins):
            write_ins = write_ins.assign(item_key=[segment_key(fmt, i, s) for i, s in zip(write_ins["interview_id"],
                                                                                         write_ins["segment_id"])])  # fmt: skip
        self._add_pending_write_ins(write_ins, path.name, file_id, report)
        _add_counts(report, {"segments": found.segments, "interviews": found.interviews})

    def _add_pending_write_ins(
        self, write_ins: pd.DataFrame, file: str, file_id: int, report: FileReport
    ) -> None:
        """Mentions not matched to an actor wait in ``pending`` (``what = 'write_in'``) for ``wijknet resolve``."""
        checked = (
            write_ins.set_axis([first_int(r) for r in write_ins["source_row"]])
            if len(write_ins)
            else write_ins
        )
        if not self._check_waves(checked, file):
            return
        self._add_pending("write_in", write_ins, file, file_id, report)

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
        return {
            r[0] for r in self.conn.execute("SELECT actor_id FROM actors WHERE wijk = ?", (wijk,))
        }

    def _flush_network_canvas(self) -> None:
        """Read the Network Canvas files of this import as one set of interviews (``--wijk``, ``--wave``)."""
        from wijknet.ingest.networkcanvas import import_network_canvas

        files = getattr(self, "_nc_files", [])
        if not files:
            return
        self._nc_files = []
        first = files[0][0].name
        if not self.wave or not self.wijk:
            missing = [
                opt for opt, value in (("--wijk", self.wijk), ("--wave", self.wave)) if not value
            ]
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
        # The session's own identity: the ego UUID of the reporting ego (of the alter for a write-in).
        session = {
            a: f"network_canvas:{u}"
            for a, u in zip(batch.respondents["actor_id"], batch.respondents["response_id"])
            if a
        }
        ties = batch.ties.assign(
            evidence_kind="network_canvas",
            item_key=[session.get(r, "") for r in batch.ties["reporter"]],
        )
        for name, group in ties.groupby("source_file", sort=False):
            file_id, report = by_name[name]
            group = group.copy()
            group.index = pd.Index([first_int(r) for r in group["source_row"]], name="row")
            self._add_ties(group, name, file_id, report, default_kind="network_canvas")
        write_ins = batch.write_ins.assign(evidence_kind="network_canvas", tie_types="kennen",
                                           label=f"network canvas {self.wave}",
                                           item_key=[session.get(r, "") for r in batch.write_ins["respondent"]])  # fmt: skip
        for name, group in write_ins.groupby("source_file", sort=False):
            file_id, report = by_name[name]
            self._add_pending_write_ins(group, name, file_id, report)
        for name, group in batch.pending_ties.groupby("source_file", sort=False):
            # ego -> write-in ties come back when the write-in is resolved; edges touching a write-in do not
            alters = group[group["source_column"].isin(["networkCanvasSourceUUID", "_from"])]
            if len(alters):
                by_name[name][1].notes.append(
                    Problem(name, text(TEXTS, "nc_pending", n=len(alters)))
                )


def survey_keys(batch) -> dict[int | None, str]:
    """The item key of each respondent's spreadsheet row of a survey batch (the source's own response id).

    ``qualtrics:<ResponseId>`` (unique across surveys); ``limesurvey:<wijk>:<wave>:<id>`` (LimeSurvey
    numbers the responses of each survey from 1); without an id ``<tool>:<wijk>:<wave>:actor:<hash>``
    (one response per actor and wave; a hash of the actor id, so that ``wijknet forget`` leaves no
    id behind in ``source_items``), else no key.
    """
    keys = {}
    for r in batch.respondents.to_dict("records"):
        rid, actor = (
            str(r.get("response_id", "") or "").strip(),
            str(r.get("actor_id", "") or "").strip(),
        )
        where = f"{r.get('wijk', '')}:{r.get('wave', '')}"
        if rid:
            key = f"qualtrics:{rid}" if batch.tool == "qualtrics" else f"{batch.tool}:{where}:{rid}"
        else:
            key = f"{batch.tool}:{where}:actor:{_digest(actor)}" if actor else ""
        keys[first_int(r.get("source_row", ""))] = key
    return keys


def segment_key(fmt: str, interview: str, segment_id: str) -> str:
    """The item key of a coded segment: ``<format>:<hash of interview and segment id>`` (none without a segment id).

    Hashed because a document name or segment id may hold a name: keys outlive ``wijknet forget`` in
    ``source_items``, which must keep no personal data.
    """
    return f"{fmt}:{_digest(interview, segment_id)}" if segment_id else ""


def backfill(conn: sqlite3.Connection, folder: Path, config=None) -> int:
    """Give the files and rows of a store made before schema version 4 their content hash and item keys.

    Runs inside an import's transaction (so a failure changes nothing) and
    only while some file has no ``content_hash``; returns how many files it
    did. Derivable: the content hash from the raw copy (else the byte hash),
    the item keys of tidy and graph rows (their stored content), of
    interview segments (``segment_id``) and, by reading the stored export
    again, of survey responses, observations and pending rows. Not
    derivable: Network Canvas sessions and write-ins already linked (they
    keep ``item_key = ''``; see docs/project-store.md).
    """
    legacy = conn.execute("SELECT file_id, kind, raw_path, sha256, import_id FROM files WHERE content_hash = '' "
                          "ORDER BY file_id").fetchall()  # fmt: skip
    for file_id, kind, raw_path, digest, import_id in legacy:
        path = folder / raw_path
        conn.execute("UPDATE files SET content_hash = ? WHERE file_id = ?",
                     (content_hash(path) if path.is_file() else "bytes:" + digest, file_id))  # fmt: skip
        obs = conn.execute("SELECT observation_id, wijk, wave, source, target, tie_type, weight, kind, label, quote, segment_id, "
                           "answers FROM observations WHERE file_id = ? AND item_key = '' ORDER BY observation_id",
                           (file_id,)).fetchall()  # fmt: skip
        keys = []
        if kind in ("tidy-ties", "graphml", "gexf"):
            occurrences: dict[str, int] = {}
            for oid, *content in obs:
                key = row_key(*content)
                occurrences[key] = occurrences.get(key, -1) + 1
                keys.append((f"{key}#{occurrences[key]}", oid))
        elif kind in ("interviews", "maxqda", "atlasti"):
            keys = [
                (segment_key(kind, json.loads(o[-1] or "{}").get("interview_id", ""), o[-2]), o[0])
                for o in obs
            ]
            for pid, what, data in conn.execute("SELECT pending_id, what, data FROM pending WHERE file_id = ? AND item_key = ''",
                                                (file_id,)).fetchall():  # fmt: skip
                record = json.loads(data)
                _remember_pending(conn, pid, what, segment_key(kind, record.get("interview_id", ""), record.get("segment_id", "")),
                                  record, file_id)  # fmt: skip
        elif kind in ("qualtrics", "limesurvey") and path.is_file():
            _backfill_survey(conn, folder, config, file_id, kind, path, import_id)
        conn.executemany(
            "UPDATE observations SET item_key = ? WHERE observation_id = ?",
            [k for k in keys if k[0]],
        )
    return len(legacy)


def _backfill_survey(
    conn, folder: Path, config, file_id: int, kind: str, path: Path, import_id: int
) -> None:
    """Item keys of a stored survey export's rows, by reading it again with the store's roster."""
    from wijknet.store.load import project_from_connection
    from wijknet.store.surveys import read_survey

    wave = json.loads(
        conn.execute("SELECT options FROM imports WHERE import_id = ?", (import_id,)).fetchone()[0]
        or "{}"
    ).get("wave")
    try:
        batch = read_survey(kind, path, project_from_connection(conn, folder, "all", config), wave)
    except DataError:
        return  # not readable as it is now: its rows keep no key (imported again, they would be new)
    for row, key in survey_keys(batch).items():
        if row is None or not key:
            continue
        # Observations the actor registry made from a write-in (answers name it) keep no key: the export
        # has no such answer, so a re-import would withdraw them.
        conn.execute("UPDATE observations SET item_key = ? WHERE file_id = ? AND source_row = ? AND item_key = '' "
                     "AND json_extract(answers, '$.write_in') IS NULL", (key, file_id, row))  # fmt: skip
        conn.execute("UPDATE responses SET item_key = ? WHERE file_id = ? AND source_row = ? AND item_key = ''",
                     (key, file_id, row))  # fmt: skip
        for pid, what, data in conn.execute("SELECT pending_id, what, data FROM pending WHERE file_id = ? AND source_row = ? "
                                            "AND item_key = ''", (file_id, row)).fetchall():  # fmt: skip
            _remember_pending(conn, pid, what, key, json.loads(data), file_id)


def _pending_part(what: str, record: dict, occurrence: int) -> tuple[str, str]:
    """The ``source_items`` part of a pending row (a hash, never the name) and the hash of its content."""
    ident = (
        what,
        record.get("uuid") or record.get("number") or record.get("name", ""),
        record.get("tie_types", ""),
    )
    content = _digest({k: v for k, v in record.items() if k not in PENDING_PROVENANCE})
    return f"{what}:{_digest(*ident, occurrence)}", content


def _remember_pending(conn, pid: int, what: str, key: str, record: dict, file_id: int) -> None:
    """Give a pending row of a version 3 store its item key and its entry in ``source_items``.

    The occurrence is taken as the first (a version 3 store cannot tell two equal write-ins of one unit apart).
    """
    if not key:
        return
    conn.execute("UPDATE pending SET item_key = ? WHERE pending_id = ?", (key, pid))
    part, content = _pending_part(what, record, 0)
    conn.execute("INSERT OR IGNORE INTO source_items (item_key, part, content_hash, file_id, pending_id) VALUES (?, ?, ?, ?, ?)",
                 (key, part, content, file_id, pid))  # fmt: skip


def _notes(found) -> list[Problem]:
    """The notes a reader gave: a batch's ``problems``, or a table's ``attrs["notes"]`` (never dropped)."""
    if isinstance(found, pd.DataFrame):
        return list(found.attrs.get("notes", ()))
    return list(getattr(found, "problems", ()) or ())


def _actor_text(column: str, value) -> str:
    """A validated actor value as stored text (yes/no as ja/nee)."""
    if column in ("pluswijkteam", "consent"):
        return "ja" if bool(value) else "nee"
    return "" if value is None else str(value)


def label_kind(label: str) -> str:
    """The evidence kind of an evidence label of a tidy file (its first word, or the kind itself).

    Examples
    --------
    >>> label_kind("interview wijkagent"), label_kind("survey"), label_kind("")
    ('interview', 'survey', 'tidy_file')
    """
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

    return [
        (at(reporters, i).strip(), first_int(at(rows, i)), at(columns, i).strip()) for i in range(n)
    ]


def first_int(value) -> int | None:
    """The first whole number in ``value`` (``"rij 12"`` -> 12), else ``None``.

    Examples
    --------
    >>> first_int("rij 12;13"), first_int("")
    (12, None)
    """
    match = re.search(r"\d+", str(value))
    return int(match.group()) if match else None


def _add_counts(report: FileReport, counts: dict[str, int]) -> None:
    for key, n in counts.items():
        report.counts[key] = report.counts.get(key, 0) + n


def _audit_import(
    conn: sqlite3.Connection,
    import_id: int,
    reports: list[FileReport],
    username: str | None,
    **options,
) -> None:
    """The audit-log entry of an import, in its transaction: files, kinds, counts (never names of actors)."""
    from wijknet.store.audit import record

    files = [{"file": f.name, "kind": f.kind, "sha256": f.sha256[:12], "status": f.status, "counts": dict(f.counts)}
             for f in reports]  # fmt: skip
    record(conn, "import", username=username, import_id=import_id, files=files, **options)
