"""Import a Qualtrics export (CSV or XLSX) of the wijknetwerk instrument.

Qualtrics puts three header rows above the answers: the question's export
tag (``A_FREQ_3``), the question text, and a JSON cell with the ``ImportId``
(``{"ImportId":"QID12_3"}``; for embedded data and metadata the field name,
``{"ImportId":"actor_id"}``). Legacy exports have two header rows (no JSON),
hand-made files one; all three shapes are read. The legacy layout of older
exports (first row ``V1``, ``V2``, … for the metadata and the export tags for
the questions, second row ``ResponseID``, ``ResponseSet``, … and the question
texts; as in ``tests/testthat/files/sample_legacy.csv`` of the qualtRics R
package) is recognised by its ``V<n>`` columns.

Loop & Merge blocks prefix the loop number to the export tag (``3_A_FREQ``)
and to the ImportId (``3_QID12``). A loop over the roster is read when the
loop number is the roster position (or write-in number) and the question in
the loop has no statements of its own; any other looped question stops the
import with a message saying so (the loop number cannot be placed).

Split multi-select columns carry the chosen option in the ImportId's
``choiceId`` (``{"ImportId":"QID3","choiceId":"2"}``), which ``import_ids``
uses. Every column that is not used gives a note; unknown columns or
missing questions stop the import with the list of both (see
:func:`wijknet.ingest.assemble.column_notes`).

Columns are recognised by their ImportId where it identifies them (embedded
data and metadata by name; questions by their QID when ``import_ids`` maps
the instrument's export tags to the survey's QIDs, so renamed questions are
still found), and else by the export tag in the first header row, following
the naming convention of :mod:`wijknet.ingest.instrument`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.ingest.assemble import ColumnMatcher, Export, assemble, column_notes
from wijknet.ingest.batch import ImportBatch
from wijknet.ingest.grid import read_grid
from wijknet.ingest.instrument import Instrument, load_instrument
from wijknet.ingest.roster import as_roster

TOOL = "qualtrics"
#: Qualtrics response statuses that are not real answers (numeric codes and texts).
NOT_RESPONSES = {"1": "Survey Preview", "2": "Survey Test", "8": "Spam", "9": "Preview Spam", "12": "Imported Spam",
                 "17": "Offline Survey Preview"}  # fmt: skip
#: Second-row labels of Qualtrics' metadata columns, to recognise a legacy two-row header.
TEXT_ROW_LABELS = {"startdate": "start date", "responseid": "response id", "enddate": "end date", "status": "response type",
                   "finished": "finished", "progress": "progress"}  # fmt: skip
#: Metadata columns Qualtrics writes (current and legacy names, folded), besides ``Q_...`` fields such as Q_RecaptchaScore.
METADATA = {"startdate", "enddate", "status", "ipaddress", "progress", "duration (in seconds)", "finished", "recordeddate",
            "responseid", "_recordid", "recipientlastname", "recipientfirstname", "recipientemail", "externalreference",
            "externaldatareference", "locationlatitude", "locationlongitude", "locationaccuracy", "distributionchannel",
            "userlanguage", "responseset", "name", "emailaddress"}  # fmt: skip
_QID = re.compile(r"^(?:(\d+)_)?(QID\d+)(?:_(.+))?$", re.IGNORECASE)
_LEGACY_V = re.compile(r"^V\d+$")
_LOOP = re.compile(r"^(\d+)_(.+)$")

TEXTS = {
    "empty": {
        "nl": "het bestand is leeg; verwacht een export met kopregels en antwoorden",
        "en": "the file is empty; expected an export with header rows and answers",
    },
    "import_ids": {
        "nl": "de koppeling van exporttags aan QID's is niet te lezen: {detail}; verwacht YAML zoals 'A_FREQ: QID12'",
        "en": "the mapping of export tags to QIDs cannot be read: {detail}; expected YAML such as 'A_FREQ: QID12'",
    },
    "loop": {
        "nl": "Loop & Merge-kolom van vraag '{question}' die wijknet niet kan plaatsen: een lus wordt alleen gelezen als "
        "het lusnummer de rolpositie is en de vraag in de lus geen eigen stellingen heeft (zoals '3_{tag}'); "
        "exporteer zonder lus of bouw de vraag als matrix met één stelling per rolpositie",
        "en": "Loop & Merge column of question '{question}' that wijknet cannot place: a loop is read only when the loop "
        "number is the roster position and the question in the loop has no statements of its own (like '3_{tag}'); "
        "export without the loop or build the question as a matrix with one statement per roster position",
    },
    "hint": {
        "nl": " of geef --import-ids (exporttag: QID)",
        "en": " or give --import-ids (export tag: QID)",
    },
}


def import_qualtrics(
    path: str | Path,
    project_or_roster,
    instrument: Instrument | None = None,
    *,
    wave: str,
    wijk: str | None = None,
    import_ids: Mapping[str, str] | str | Path | None = None,
    sheet: str | None = None,
    allow_missing=(),
) -> ImportBatch:
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
        Bad input, with file, row and column: see :func:`wijknet.ingest.assemble.assemble`.
    """
    instrument = instrument or load_instrument()
    grid = read_grid(path, sheet=sheet)
    roster, project = as_roster(project_or_roster, str(wave))
    ids = _import_ids(import_ids, grid.file)
    if not grid.rows:
        raise DataError([Problem(grid.file, text(TEXTS, "empty"))])
    header = grid.rows[0]
    json_row = _json_row(grid.rows[2]) if len(grid.rows) >= 3 else None
    legacy = json_row is None and len(grid.rows) >= 2 and _is_legacy(header, grid.rows[1])
    if json_row is not None:
        header_rows = 3
    elif legacy or (len(grid.rows) >= 2 and _is_text_row(header, grid.rows[1])):
        header_rows = 2
    else:
        header_rows = 1
    width = max(i + 1 for i, c in enumerate(header) if c) if any(header) else 0
    header = list(header[:width])
    if legacy:  # V1 ... V10 are metadata named in the second row (ResponseID, Status, ...)
        header = [
            grid.rows[1][i] if _LEGACY_V.match(name) else name for i, name in enumerate(header)
        ]
    matcher = ColumnMatcher(instrument, TOOL, grid.file)
    reverse = {qid.casefold(): tag for tag, qid in ids.items()}
    columns, meta = [], {}
    for index, name in enumerate(header):
        import_id, choice = (
            json_row[index] if json_row is not None and index < len(json_row) else ("", "")
        )
        column = None
        qid = _QID.match(import_id) if import_id else None
        if import_id and qid is None:
            field = import_id.casefold()
            meta.setdefault(
                {"_recordid": "response_id", "responseid": "response_id"}.get(field, field), index
            )
            column = matcher.match(index, name, import_id, None)
        elif qid is not None and qid.group(2).casefold() in reverse:
            tag = reverse[qid.group(2).casefold()]
            suffix = choice or qid.group(3)
            if suffix is not None and not suffix.split("_")[0].isdigit():
                suffix = None  # QID3_TEXT: a text entry field
            if qid.group(1):
                column = _looped(matcher, index, name, qid.group(1), tag, suffix, grid.file)
            else:
                column = matcher.match(index, name, tag, suffix.split("_")[0] if suffix else None)
        if column is None and (not import_id or qid is not None):
            meta.setdefault(
                {"responseid": "response_id"}.get(name.casefold(), name.casefold()), index
            )
            column = matcher.match(index, name, name, None)
            if column is None and "_" in name:
                base, suffix = name.rsplit("_", 1)
                column = matcher.match(index, name, base, suffix)
            loop = _LOOP.match(name)
            if column is None and loop:
                rest = loop.group(2)
                base, _, suffix = (
                    rest.rpartition("_")
                    if matcher.tags.get(rest.casefold()) is None
                    else (rest, "", "")
                )
                if matcher.tags.get(base.casefold()) is not None:
                    column = _looped(
                        matcher, index, name, loop.group(1), base, suffix or None, grid.file
                    )
        if column is not None:
            columns.append(column)
    if matcher.problems:
        raise DataError(matcher.problems)
    used = {meta[k] for k in ("response_id", "finished", "status") if k in meta}
    notes = column_notes(instrument, TOOL, "Qualtrics", grid.file, header, columns, used, _is_metadata,
                         text(TEXTS, "hint"), allow_missing)  # fmt: skip
    skip = {}
    status = meta.get("status")
    if status is not None:
        for i, cells in enumerate(grid.rows[header_rows:]):
            value = cells[status].strip()
            reason = NOT_RESPONSES.get(value) or (
                value
                if value.casefold() in {v.casefold() for v in NOT_RESPONSES.values()}
                else None
            )
            if reason:
                skip[i] = reason
    export = Export(grid=grid, header_rows=header_rows, header=tuple(header), columns=tuple(columns),
                    response_id=meta.get("response_id"), finished=meta.get("finished"), skip=skip,
                    notes=tuple(notes))  # fmt: skip
    return assemble(
        export,
        tool=TOOL,
        instrument=instrument,
        roster=roster,
        project=project,
        wave=str(wave),
        wijk=wijk,
    )


def _json_row(cells) -> list[tuple[str, str]] | None:
    """``(ImportId, choiceId)`` per cell of Qualtrics' third header row, or ``None`` when it is not that row."""
    ids, found = [], False
    for cell in cells:
        value = choice = ""
        if cell.startswith("{") and "importid" in cell.casefold():
            try:
                data = json.loads(cell)
            except ValueError:
                data = None
            if isinstance(data, dict):
                folded = {str(k).casefold(): v for k, v in data.items()}
                value, choice = (
                    str(folded.get("importid", "")),
                    str(folded.get("choiceid", "") or ""),
                )
                found = True
        ids.append((value.strip(), choice.strip()))
    return ids if found else None


def _is_legacy(header, row) -> bool:
    """Whether the first two rows are the legacy header (``V1``, ``V2``, … over ``ResponseID``, ``ResponseSet``, …)."""
    names = {cell.strip().casefold() for h, cell in zip(header, row) if _LEGACY_V.match(h.strip())}
    return "responseid" in names


def _is_metadata(name: str) -> bool:
    folded = name.strip().casefold()
    return folded in METADATA or folded.startswith("q_") or bool(_LEGACY_V.match(name.strip()))


def _looped(
    matcher: ColumnMatcher,
    index: int,
    name: str,
    loop: str,
    tag: str,
    suffix: str | None,
    file: str,
):
    """The column of a Loop & Merge field ``<loop>_<tag>``: the loop number is the roster position / write-in number."""
    q = matcher.tags.get(tag.casefold())
    if q is None:
        return None
    if suffix is None and q.per_alter:
        return matcher.match(index, name, tag, loop)
    raise DataError(
        [Problem(file, text(TEXTS, "loop", question=q.key, tag=q.tag(TOOL)), column=name)]
    )


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
