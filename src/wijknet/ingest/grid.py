"""Survey exports as a plain grid of strings with spreadsheet row numbers.

Survey tools put more than one header row above the data (Qualtrics: three),
so the exports are read here as raw rows and the tool importers decide which
rows are headers. Decoding and delimiter sniffing are those of
:mod:`wijknet.io.tables` (UTF-8 with or without BOM, else cp1252; comma,
semicolon or tab); UTF-16 with a BOM (Excel's "Unicode text") is read too.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import DataError, Problem
from ..i18n import text
from ..io.tables import TEXTS as TABLE_TEXTS
from ..io.tables import _cell_to_str, check_size, check_xlsx, decode, sniff_delimiter

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


def read_grid(path: str | Path) -> Grid:
    """Read a CSV or XLSX survey export into a :class:`Grid` of strings.

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
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path, file)
    if suffix in (".csv", ".txt", ".tsv", ""):
        return _csv(path.read_bytes(), file)
    raise DataError([Problem(file, text(TABLE_TEXTS, "bad_ext", ext=suffix))])


def _csv(raw: bytes, file: str) -> Grid:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            content = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise DataError([Problem(file, text(TABLE_TEXTS, "encoding"))]) from None
    else:
        content = decode(raw, file)
    if "\x00" in content:
        raise DataError([Problem(file, text(TEXTS, "nul"))])
    if not content.strip():
        return Grid(file, (), (), ())
    first_line = content.lstrip("\r\n").splitlines()[0]
    delimiter = sniff_delimiter(first_line)
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


def _padded(file: str, rows: list[list[str]], numbers: list[int], delimiter: str | None) -> Grid:
    widths = [len(r) for r in rows]
    width = max((len(r) for r in rows), default=0)
    padded = tuple(tuple(r) + ("",) * (width - len(r)) for r in rows)
    return Grid(file, padded, tuple(numbers), tuple(widths), delimiter)


def _xlsx(path: Path, file: str) -> Grid:
    if not zipfile.is_zipfile(path):
        raise DataError([Problem(file, text(TABLE_TEXTS, "not_xlsx"))])
    check_xlsx(path)
    try:
        raw = pd.read_excel(path, dtype=object, header=None, engine="openpyxl")
    except Exception:  # noqa: BLE001 - openpyxl raises many types for corrupt workbooks
        raise DataError([Problem(file, text(TABLE_TEXTS, "not_xlsx"))]) from None
    rows, numbers = [], []
    for number, values in zip(raw.index + 1, raw.itertuples(index=False)):
        cells = [_cell_to_str(v) for v in values]
        if any(cells):
            rows.append(cells)
            numbers.append(int(number))
    return _padded(file, rows, numbers, None)
