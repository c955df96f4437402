"""Import a LimeSurvey export (CSV or XLSX) of the wijknetwerk instrument.

LimeSurvey writes one header row. With "question code" headings (the
setting docs/instrument.md asks for) a column is named by its question code,
and sub-questions as ``CODE[SUBCODE]``: roster questions ``AFREQ[SQ003]``,
write-ins ``WNAME[SQ001]``, multiple choice ``RKERN[SQ002]``. Headings
"question code and question text" (``AFREQ[SQ003]. Hoe vaak ...``) are read
too: LimeSurvey's writer (``application/helpers/admin/export/Writer.php``,
heading format ``codetext``) joins the code, the separator the user chose
(default ``. ``) and the question text, with spaces optionally turned into
underscores. Answers may be exported as answer codes or as full answer texts:
both are read, as are LimeSurvey's own Y/N codes and its "N/A" for no answer.
Every column that is not used gives a note; unknown columns or missing
questions stop the import with the list of both (:func:`wijknet.ingest.assemble.column_notes`).
"""

from __future__ import annotations

import re
from pathlib import Path

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.ingest.assemble import ColumnMatcher, Export, assemble, column_notes
from wijknet.ingest.batch import ImportBatch
from wijknet.ingest.grid import read_grid
from wijknet.ingest.instrument import Instrument, load_instrument
from wijknet.ingest.roster import as_roster

TOOL = "limesurvey"
_HEADING = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)(?:\s*\[\s*([A-Za-z0-9_]+)\s*\])?(?:$|[\s.:]|_)")
_UNDERSCORE = re.compile(r"^([A-Za-z][A-Za-z0-9]*)_(SQ\d+)$", re.IGNORECASE)
#: Response table columns LimeSurvey writes itself (folded codes); timing columns end in "time".
METADATA = {"id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr", "refurl", "token",
            "interviewtime", "optout", "emailstatus", "firstname", "lastname", "email"}  # fmt: skip

TEXTS = {
    "empty": {"nl": "het bestand is leeg; verwacht een export met een kopregel en antwoorden",
              "en": "the file is empty; expected an export with a header row and answers"},
}  # fmt: skip


def import_limesurvey(
    path: str | Path,
    project_or_roster,
    instrument: Instrument | None = None,
    *,
    wave: str,
    wijk: str | None = None,
    sheet: str | None = None,
    allow_missing=(),
) -> ImportBatch:
    """Read a LimeSurvey export into an :class:`~wijknet.ingest.batch.ImportBatch`.

    Parameters
    ----------
    path : str or Path
        The export, ``.csv`` (comma, semicolon or tab; UTF-8, UTF-8 with BOM,
        cp1252 or UTF-16) or ``.xlsx``, with answer codes or full answers.
    project_or_roster : Project, Roster, DataFrame, str or Path
        Where roster positions and respondents come from; see
        :func:`wijknet.ingest.qualtrics.import_qualtrics`.
    instrument : Instrument, optional
        Default: the packaged instrument.
    wave : str
    wijk : str, optional
        The wijk the survey was sent in; without it the ``WIJK`` question (or
        the respondent's wijk in the project) decides.
    sheet : str, optional
        The sheet of a workbook (default: the first with data; the others give a note).
    allow_missing : iterable of str, optional
        Questions left out of the survey on purpose (``write_in``,
        ``roster.trust_open``): their absence is a note instead of a stop
        (see :func:`wijknet.ingest.assemble.column_notes`).

    Returns
    -------
    ImportBatch

    Raises
    ------
    DataError
        Bad input, with file, row and column.
    """
    instrument = instrument or load_instrument()
    grid = read_grid(path, sheet=sheet)
    roster, project = as_roster(project_or_roster, str(wave))
    if not grid.rows:
        raise DataError([Problem(grid.file, text(TEXTS, "empty"))])
    header = grid.rows[0]
    width = max(i + 1 for i, c in enumerate(header) if c) if any(header) else 0
    header = header[:width]
    matcher = ColumnMatcher(instrument, TOOL, grid.file)
    columns, meta = [], {}
    for index, name in enumerate(header):
        column = None
        underscore = _UNDERSCORE.match(name.strip())
        heading = _HEADING.match(name)
        if underscore:  # AFREQ_SQ001, as in LimeSurvey's R and SPSS exports
            column = matcher.match(index, name, underscore.group(1), underscore.group(2))
        elif heading:
            meta.setdefault(heading.group(1).casefold(), index)
            column = matcher.match(index, name, heading.group(1), heading.group(2))
        if column is not None:
            columns.append(column)
    if matcher.problems:
        raise DataError(matcher.problems)
    used = {meta[k] for k in ("id", "submitdate") if k in meta}
    notes = column_notes(
        instrument,
        TOOL,
        "LimeSurvey",
        grid.file,
        header,
        columns,
        used,
        _is_metadata,
        allow_missing=allow_missing,
    )
    export = Export(grid=grid, header_rows=1, header=tuple(header), columns=tuple(columns),
                    response_id=meta.get("id"), finished=meta.get("submitdate"), notes=tuple(notes))  # fmt: skip
    return assemble(
        export,
        tool=TOOL,
        instrument=instrument,
        roster=roster,
        project=project,
        wave=str(wave),
        wijk=wijk,
    )


def _is_metadata(name: str) -> bool:
    heading = _HEADING.match(name)
    code = (heading.group(1) if heading else name).strip().casefold()
    return code in METADATA or code.endswith("time")
