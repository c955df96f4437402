"""Survey exports as a plain grid of strings with spreadsheet row numbers.

Survey tools put more than one header row above the data (Qualtrics: three),
so the exports are read here as raw rows and the tool importers decide which
rows are headers. Decoding, delimiter sniffing, Excel's ``sep=`` line,
workbooks (``.xlsx``, ``.xls``; one sheet, the others noted) and the cleaning
of invisible characters are those of :mod:`wijknet.io.tables` (UTF-8 with or
without BOM, cp1252 or UTF-16 with a BOM; comma, semicolon or tab).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.io.tables import TEXTS as TABLE_TEXTS
from wijknet.io.tables import (
    check_size,
    clean_cell,
    decode,
    sniff_delimiter,
    split_sep_line,
    workbook_sheets,
)

TEXTS = {
    "nul": {
        "nl": "het bestand bevat nul-tekens; is het een ander bestandstype of een andere tekencodering? "
              "Verwacht CSV in UTF-8 of Windows-1252 (cp1252), of .xlsx",
        "en": "the file contains NUL characters; is it another file type or character encoding? "
              "Expected CSV in UTF-8 or Windows-1252 (cp1252), or .xlsx",
    },
    "parse": {
        "nl": "het bestand is niet te lezen als CSV ({detail}); klopt het scheidingsteken (komma, puntkomma of tab)?",
        "en": "the file cannot be read as CSV ({detail}); is the delimiter (comma, semicolon or tab) right?",
    },
    "unterminated": {
        "nl": "een aanhalingsteken wordt niet gesloten; is het bestand afgebroken (onvolledig opgeslagen of gedownload)?",
        "en": "a quotation mark is never closed; was the file cut off (saved or downloaded incompletely)?",
    },
}  # fmt: skip


@dataclass(frozen=True)
class Grid:
    """The rows of an export: ``rows[i]`` is the list of cells of spreadsheet row ``numbers[i]``.

    Empty rows are left out; every row is padded to the widest row with ``""``
    and the original widths are kept in ``widths`` (to spot cut-off rows).
    """

    file: str
    rows: tuple[tuple[str, ...], ...]
    numbers: tuple[int, ...]
    widths: tuple[int, ...]
    delimiter: str | None = None
    notes: tuple[Problem, ...] = ()  # cleaned cells, skipped sheets


def read_grid(path: str | Path, sheet: str | None = None) -> Grid:
    """Read a CSV, XLSX or XLS survey export into a :class:`Grid` of strings.

    ``sheet`` names the sheet of a workbook to read (default: the first with data).

    Raises
    ------
    DataError
        For a missing file, an unknown extension, an unreadable encoding, a
        workbook that is not one, or an unclosed quotation mark (a cut-off file).
    """
    path = Path(path)
    file = path.name
    if not path.is_file():
        raise DataError([Problem(file, text(TABLE_TEXTS, "missing_file"))])
    check_size(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return _workbook(path, file, sheet)
    if suffix in (".csv", ".txt", ".tsv", ""):
        return _csv(path.read_bytes(), file)
    raise DataError([Problem(file, text(TABLE_TEXTS, "bad_ext", ext=suffix))])


def _csv(raw: bytes, file: str) -> Grid:
    content = decode(raw, file)
    if "\x00" in content:
        raise DataError([Problem(file, text(TEXTS, "nul"))])
    content, delimiter = split_sep_line(content)
    if not content.strip():
        return Grid(file, (), (), ())
    delimiter = delimiter or sniff_delimiter(content.lstrip("\r\n").splitlines()[0])
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
    rows, numbers = [], []
    number = 0  # spreadsheet row number: one per record, as read_table counts
    try:
        for number, row in enumerate(reader, start=1):
            if any(cell.strip() for cell in row):
                rows.append([cell.strip() for cell in row])
                numbers.append(number)
    except csv.Error as exc:
        key = "unterminated" if "EOF" in str(exc) or "end of data" in str(exc) else None
        message = text(TEXTS, key or "parse", detail=str(exc))
        raise DataError([Problem(file, message, row=number + 1)]) from None
    return _padded(file, rows, numbers, delimiter)


def _padded(
    file: str,
    rows: list[list[str]],
    numbers: list[int],
    delimiter: str | None,
    notes: list[Problem] | None = None,
    sheet: str | None = None,
) -> Grid:
    notes = list(notes or [])
    where = f"{file} [{sheet}]" if sheet else file
    header = rows[0] if rows else []
    for r, number in zip(rows, numbers):
        for i, cell in enumerate(r):
            cleaned, found = clean_cell(cell)
            if found:
                r[i] = cleaned
                column = header[i] if i < len(header) and header[i] else str(i + 1)
                notes.append(
                    Problem(
                        where,
                        text(TABLE_TEXTS, "cleaned", what=", ".join(found)),
                        row=number,
                        column=column,
                    )
                )
    widths = [len(r) for r in rows]
    width = max((len(r) for r in rows), default=0)
    padded = tuple(tuple(r) + ("",) * (width - len(r)) for r in rows)
    return Grid(file, padded, tuple(numbers), tuple(widths), delimiter, tuple(notes))


def _workbook(path: Path, file: str, sheet: str | None) -> Grid:
    notes: list[Problem] = []
    chosen, raw = workbook_sheets(path, sheet, notes)
    rows = [list(values) for values in raw.itertuples(index=False)]
    return _padded(file, rows, [int(n) for n in raw.index], None, notes, chosen)
