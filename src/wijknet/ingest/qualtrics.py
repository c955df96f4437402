"""Import a Qualtrics export (CSV or XLSX) of the wijknetwerk instrument.

Qualtrics puts three header rows above the answers: the question's export
tag (``A_FREQ_3``), the question text, and a JSON cell with the ``ImportId``
(``{"ImportId":"QID12_3"}``; for embedded data and metadata the field name,
``{"ImportId":"actor_id"}``). Legacy exports have two header rows (no JSON),
hand-made files one; all three shapes are read.

Columns are recognised by their ImportId where it identifies them (embedded
data and metadata by name; questions by their QID when ``import_ids`` maps
the instrument's export tags to the survey's QIDs, so renamed questions are
still found), and else by the export tag in the first header row, following
the naming convention of :mod:`wijknet.instrument`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from ..errors import DataError, Problem
from ..i18n import text
from ..instrument import Instrument, load_instrument
from .assemble import ColumnMatcher, Export, assemble
from .batch import ImportBatch
from .grid import read_grid
from .roster import as_roster

TOOL = "qualtrics"
#: Qualtrics response statuses that are not real answers (numeric codes and texts).
NOT_RESPONSES = {"1": "Survey Preview", "2": "Survey Test", "8": "Spam", "9": "Preview Spam", "12": "Imported Spam",
                 "17": "Offline Survey Preview"}  # fmt: skip
#: Second-row labels of Qualtrics' metadata columns, to recognise a legacy two-row header.
TEXT_ROW_LABELS = {"startdate": "start date", "responseid": "response id", "enddate": "end date", "status": "response type",
                   "finished": "finished", "progress": "progress"}  # fmt: skip
_QID = re.compile(r"^(QID\d+)(?:_(.+))?$", re.IGNORECASE)

TEXTS = {
    "empty": {"nl": "het bestand is leeg; verwacht een export met kopregels en antwoorden",
              "en": "the file is empty; expected an export with header rows and answers"},
    "import_ids": {
        "nl": "de koppeling van exporttags aan QID's is niet te lezen: {detail}; verwacht YAML zoals 'A_FREQ: QID12'",
        "en": "the mapping of export tags to QIDs cannot be read: {detail}; expected YAML such as 'A_FREQ: QID12'",
    },
}


def import_qualtrics(path: str | Path, project_or_roster, instrument: Instrument | None = None, *, wave: str,
                     wijk: str | None = None, import_ids: Mapping[str, str] | str | Path | None = None) -> ImportBatch:
    """Read a Qualtrics export into an :class:`~wijknet.ingest.batch.ImportBatch`.

    Parameters
    ----------
    path : str or Path
        The export, ``.csv`` (comma, semicolon or tab; UTF-8, UTF-8 with BOM,
        cp1252 or UTF-16) or ``.xlsx``, with numeric values or choice texts.
    project_or_roster : Project, Roster, DataFrame, str or Path
        Where roster positions and respondents come from: a project (or its
        folder), a :class:`~wijknet.ingest.roster.Roster` or a roster table
        (``wijk, position, actor_id``) or file.
    instrument : Instrument, optional
        Default: the packaged instrument.
    wave : str
        The wave of the survey (e.g. ``"2026"``).
    wijk : str, optional
        The wijk the survey was sent in. Every response must then be from
        that wijk; without it, the ``wijk`` embedded data field (or the
        respondent's wijk in the project) decides.
    import_ids : mapping, str or Path, optional
        Export tag -> QID of this survey (``{"A_FREQ": "QID12"}``), or a YAML
        file with that mapping; columns are then found by their ImportId even
        after a question was renamed.

    Returns
    -------
    ImportBatch

    Raises
    ------
    DataError
        Bad input, with file, row and column: see :func:`wijknet.ingest.assemble.assemble`.
    """
    instrument = instrument or load_instrument()
    grid = read_grid(path)
    roster, project = as_roster(project_or_roster, str(wave))
    ids = _import_ids(import_ids, grid.file)
    if not grid.rows:
        raise DataError([Problem(grid.file, text(TEXTS, "empty"))])
    header = grid.rows[0]
    json_row = _json_row(grid.rows[2]) if len(grid.rows) >= 3 else None
    if json_row is not None:
        header_rows = 3
    elif len(grid.rows) >= 2 and _is_text_row(header, grid.rows[1]):
        header_rows = 2
    else:
        header_rows = 1
    width = max(i + 1 for i, c in enumerate(header) if c) if any(header) else 0
    header = header[:width]
    matcher = ColumnMatcher(instrument, TOOL, grid.file)
    reverse = {qid.casefold(): tag for tag, qid in ids.items()}
    columns, meta = [], {}
    for index, name in enumerate(header):
        import_id = json_row[index] if json_row is not None and index < len(json_row) else ""
        column = None
        qid = _QID.match(import_id) if import_id else None
        if import_id and qid is None:
            field = import_id.casefold()
            meta.setdefault({"_recordid": "response_id", "responseid": "response_id"}.get(field, field), index)
            column = matcher.match(index, name, import_id, None)
        elif qid is not None and qid.group(1).casefold() in reverse:
            tag = reverse[qid.group(1).casefold()]
            suffix = qid.group(2)
            if suffix is not None and not suffix.split("_")[0].isdigit():
                suffix = None  # QID3_TEXT: a text entry field
            column = matcher.match(index, name, tag, suffix.split("_")[0] if suffix else None)
        if column is None and (not import_id or qid is not None):
            meta.setdefault(name.casefold(), index)
            column = matcher.match(index, name, name, None)
            if column is None and "_" in name:
                base, suffix = name.rsplit("_", 1)
                column = matcher.match(index, name, base, suffix)
        if column is not None:
            columns.append(column)
    if matcher.problems:
        raise DataError(matcher.problems)
    skip = {}
    status = meta.get("status")
    if status is not None:
        for i, cells in enumerate(grid.rows[header_rows:]):
            value = cells[status].strip()
            reason = NOT_RESPONSES.get(value) or (value if value.casefold() in {v.casefold() for v in NOT_RESPONSES.values()} else None)
            if reason:
                skip[i] = reason
    export = Export(grid=grid, header_rows=header_rows, header=tuple(header), columns=tuple(columns),
                    response_id=meta.get("response_id"), finished=meta.get("finished"), skip=skip)  # fmt: skip
    return assemble(export, tool=TOOL, instrument=instrument, roster=roster, project=project, wave=str(wave), wijk=wijk)


def _json_row(cells) -> list[str] | None:
    """The ImportIds of Qualtrics' third header row, or ``None`` when it is not that row."""
    ids, found = [], False
    for cell in cells:
        value = ""
        if cell.startswith("{") and "importid" in cell.casefold():
            try:
                data = json.loads(cell)
            except ValueError:
                data = None
            if isinstance(data, dict):
                value = str(next((v for k, v in data.items() if str(k).casefold() == "importid"), ""))
                found = True
        ids.append(value.strip())
    return ids if found else None


def _is_text_row(header, row) -> bool:
    """Whether the second row is Qualtrics' question-text row (a legacy two-row header)."""
    for name, cell in zip(header, row):
        label = TEXT_ROW_LABELS.get(name.casefold())
        if label is not None and cell.strip().casefold() == label:
            return True
    return False


def _import_ids(import_ids, file: str) -> dict[str, str]:
    if import_ids is None:
        return {}
    if isinstance(import_ids, Mapping):
        return {str(k): str(v) for k, v in import_ids.items()}
    path = Path(import_ids)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise TypeError("expected a mapping")
    except (OSError, ValueError, TypeError, yaml.YAMLError) as exc:
        raise DataError([Problem(path.name, text(TEXTS, "import_ids", detail=exc))]) from None
    return {str(k): str(v) for k, v in data.items()}
