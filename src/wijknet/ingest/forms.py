"""Import Google Forms and Microsoft Forms responses of the wijknetwerk instrument.

Both tools name their columns after the question titles, so the survey is
built with titles that *start with the question's LimeSurvey code* (the
codebook's second column name, e.g. ``PKPI3. Ik werk meer integraal ...``);
see ``docs/instrument.md``. What follows the code is free text.

Google Forms (*Responses → Download responses (.csv)*)
    First column ``Timestamp`` (Dutch: ``Tijdstempel``), optionally ``Email
    Address`` / ``E-mailadres`` and ``Score``, then one column per question.
    A *multiple choice grid* gives one column per row, titled ``<question
    title> [<row>]``: the rows of a roster question are the roster, each row
    starting with its position (``AFREQ. Hoe vaak ... [3. Wijkverpleging
    Fictief]``). A *checkboxes* question gives one column with the chosen
    options joined by ``, `` (Google's CSV writer); a *linear scale* the number.
Microsoft Forms (*Responses → Open in Excel*, ``.xlsx``)
    ``ID``, ``Start time``, ``Completion time``, ``Email``, ``Name`` (Dutch:
    ``Begintijd``, ``Tijd van voltooien``, ``E-mail``, ``Naam``; newer
    workbooks add ``Last modified time``), then one column per question. A
    *Likert* question gives one column per statement; start every statement
    with its roster position in brackets (``[3] Wijkverpleging Fictief``). A
    *choice* question with several answers gives the options joined by ``;``.

A roster or write-in column is recognised by the code at the start of its
heading and the first ``[<number>`` after it (also ``AFREQ[SQ003]`` and
``AFREQ_3``). The respondent is identified by an ``ACTORID`` question
(short text, filled in by a pre-filled link); the e-mail address and name the
tools collect are *not* used (a note says so). The response id is Microsoft
Forms' ``ID`` and Google's ``Timestamp``. Every column that is not used gives
a note; unknown columns or a missing core question stop the import
(:func:`wijknet.ingest.assemble.column_notes`).
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

TOOLS = ("google-forms", "microsoft-forms")
LABELS = {"google-forms": "Google Forms", "microsoft-forms": "Microsoft Forms"}
#: Metadata columns of each tool (folded, English and Dutch) -> role (``response_id``, ``finished`` or ``""``: not read).
METADATA = {
    "google-forms": {"timestamp": "response_id", "tijdstempel": "response_id", "email address": "", "e-mailadres": "",
                     "score": "", "punten": ""},
    "microsoft-forms": {"id": "response_id", "start time": "", "begintijd": "", "completion time": "finished",
                        "tijd van voltooien": "finished", "voltooiingstijd": "finished", "email": "", "e-mail": "",
                        "name": "", "naam": "", "last modified time": "", "tijd laatst gewijzigd": "",
                        "total points": "", "totaal aantal punten": "", "quiz feedback": ""},
}  # fmt: skip
_CODE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9]*)(?=$|[\s.:\[_)-])")
_INLINE = re.compile(r"^\s*\[\s*(?:SQ)?(\d+)\s*\]|^_(\d+)\b", re.IGNORECASE)
_BRACKET = re.compile(r"\[\s*(?:SQ)?(\d+)", re.IGNORECASE)

TEXTS = {
    "empty": {"nl": "het bestand is leeg; verwacht een export met een kopregel en antwoorden",
              "en": "the file is empty; expected an export with a header row and answers"},
    "tool": {"nl": "onbekend formulierprogramma '{value}'; verwacht google-forms of microsoft-forms",
             "en": "unknown forms tool '{value}'; expected google-forms or microsoft-forms"},
}  # fmt: skip


def heading_parts(name: str) -> tuple[str, str | None] | None:
    """The question code and the position or option number of a forms column heading, or ``None``.

    >>> heading_parts("AFREQ. Hoe vaak hebt u contact? [3. Wijkverpleging Fictief]")
    ('AFREQ', '3')
    >>> heading_parts("PKPI3. Ik werk meer integraal samen")
    ('PKPI3', None)
    >>> heading_parts("AKNOW[SQ002] Kent u ...")
    ('AKNOW', '2')
    """
    match = _CODE.match(name)
    if match is None:
        return None
    rest = name[match.end() :]
    number = _INLINE.match(rest) or _BRACKET.search(rest)
    return match.group(1), (str(int(next(g for g in number.groups() if g))) if number else None)


def import_forms(
    path: str | Path,
    tool: str,
    project_or_roster,
    instrument: Instrument | None = None,
    *,
    wave: str,
    wijk: str | None = None,
    sheet: str | None = None,
    allow_missing=(),
) -> ImportBatch:
    """Read a Google Forms (CSV) or Microsoft Forms (``.xlsx``) export into an :class:`ImportBatch`.

    Parameters
    ----------
    path : str or Path
        The export (CSV, ``.xlsx`` or ``.xls``; any of the encodings of
        :mod:`wijknet.io.tables`).
    tool : {"google-forms", "microsoft-forms"}
    project_or_roster : Project, Roster, DataFrame, str or Path
        Where roster positions and respondents come from; see
        :func:`wijknet.ingest.qualtrics.import_qualtrics`.
    instrument : Instrument, optional
        Default: the packaged instrument.
    wave : str
    wijk : str, optional
        The wijk the form was sent in; without it the ``WIJK`` question (or
        the respondent's wijk in the project) decides.
    sheet : str, optional
        The sheet of a workbook (default: the first with data).
    allow_missing : iterable of str, optional
        Questions left out of the form on purpose; see
        :func:`wijknet.ingest.assemble.column_notes`.

    Returns
    -------
    ImportBatch

    Raises
    ------
    DataError
        Bad input, with file, row and column.
    """
    if tool not in TOOLS:
        raise DataError([Problem(Path(path).name, text(TEXTS, "tool", value=tool))])
    instrument = instrument or load_instrument()
    grid = read_grid(path, sheet=sheet)
    roster, project = as_roster(project_or_roster, str(wave))
    if not grid.rows:
        raise DataError([Problem(grid.file, text(TEXTS, "empty"))])
    header = grid.rows[0]
    width = max(i + 1 for i, c in enumerate(header) if c) if any(header) else 0
    header = header[:width]
    metadata = METADATA[tool]
    matcher = ColumnMatcher(instrument, tool, grid.file)
    columns, meta = [], {}
    for index, name in enumerate(header):
        role = metadata.get(" ".join(name.split()).casefold())
        if role is not None:
            if role:
                meta.setdefault(role, index)
            continue
        parts = heading_parts(name)
        column = matcher.match(index, name, name.strip(), None)  # actor_id, wijk: the plain names
        if column is None and parts:
            column = matcher.match(index, name, parts[0], parts[1])
        if column is None and parts and parts[1] is not None:
            column = matcher.match(
                index, name, parts[0], None
            )  # a bracket in the text of a non-roster question
        if column is not None:
            columns.append(column)
    if matcher.problems:
        raise DataError(matcher.problems)
    used = set(meta.values())
    notes = column_notes(instrument, "limesurvey", LABELS[tool], grid.file, header, columns, used,
                         lambda n: " ".join(n.split()).casefold() in metadata, allow_missing=allow_missing)  # fmt: skip
    export = Export(grid=grid, header_rows=1, header=tuple(header), columns=tuple(columns),
                    response_id=meta.get("response_id"), finished=meta.get("finished"), notes=tuple(notes))  # fmt: skip
    return assemble(
        export,
        tool=tool,
        instrument=instrument,
        roster=roster,
        project=project,
        wave=str(wave),
        wijk=wijk,
    )


def import_google_forms(
    path,
    project_or_roster,
    instrument=None,
    *,
    wave: str,
    wijk: str | None = None,
    sheet: str | None = None,
    allow_missing=(),
) -> ImportBatch:
    """A Google Forms CSV export; see :func:`import_forms`."""
    return import_forms(
        path,
        "google-forms",
        project_or_roster,
        instrument,
        wave=wave,
        wijk=wijk,
        sheet=sheet,
        allow_missing=allow_missing,
    )


def import_microsoft_forms(
    path,
    project_or_roster,
    instrument=None,
    *,
    wave: str,
    wijk: str | None = None,
    sheet: str | None = None,
    allow_missing=(),
) -> ImportBatch:
    """A Microsoft Forms Excel export; see :func:`import_forms`."""
    return import_forms(
        path,
        "microsoft-forms",
        project_or_roster,
        instrument,
        wave=wave,
        wijk=wijk,
        sheet=sheet,
        allow_missing=allow_missing,
    )
