"""Read the spreadsheets Dutch users produce into plain string tables.

CSV files may use a comma, semicolon or tab, be UTF-8 with or without a BOM,
cp1252 (Excel on Windows) or UTF-16 with a BOM (Excel's "Unicode text",
tab-separated); a first line ``sep=;`` (Excel's delimiter hint) sets the
delimiter. A quotation mark that is never closed is reported with the row
where it opens (Python's csv module would otherwise read the rest of the file
into one cell). Excel workbooks (.xlsx) are read with openpyxl, legacy
``.xls`` workbooks with python-calamine; the first sheet with data is read, or the one
named by ``sheet``, and every other sheet with data gives a note.

Every cell comes back as a string (empty cells as ``""``) so that ids such as
postcodes keep their leading zeros and conversion errors can be reported with
their row and column. Control characters, NUL and the invisible bidirectional
controls (U+202A-U+202E, U+2066-U+2069: an "RTL override" makes a name read
backwards on screen) are removed from every cell, with a note naming file, row
and column (:func:`clean_cell`). Notes that do not stop reading are in
``df.attrs["notes"]`` (a list of :class:`~wijknet.core.errors.Problem`).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text

TEXTS = {
    "missing_file": {"nl": "bestand niet gevonden", "en": "file not found"},
    "empty": {
        "nl": "het bestand is leeg; verwacht een kopregel met de kolommen {expected}",
        "en": "the file is empty; expected a header row with the columns {expected}",
    },
    "not_xlsx": {
        "nl": "dit is geen geldig Excel-bestand (.xlsx); sla het op als .xlsx of .csv",
        "en": "this is not a valid Excel file (.xlsx); save it as .xlsx or .csv",
    },
    "bad_ext": {
        "nl": "onbekend bestandstype '{ext}'; verwacht .csv, .xlsx of .xls",
        "en": "unknown file type '{ext}'; expected .csv, .xlsx or .xls",
    },
    "encoding": {
        "nl": "de tekencodering is niet te lezen; verwacht UTF-8, Windows-1252 (cp1252) of UTF-16 (Excel: Unicode-tekst)",
        "en": "the character encoding cannot be read; expected UTF-8, Windows-1252 (cp1252) or UTF-16 (Excel: Unicode text)",
    },
    "not_xls": {
        "nl": "dit is geen leesbaar Excel 97-2003-bestand (.xls); sla het op als .xlsx of .csv",
        "en": "this is not a readable Excel 97-2003 file (.xls); save it as .xlsx or .csv",
    },
    "xls_is_other": {
        "nl": "dit bestand heet .xls maar is {what}; geef het de juiste extensie ({ext})",
        "en": "this file is called .xls but is {what}; give it the right extension ({ext})",
    },
    "what_xlsx": {"nl": "een .xlsx-werkmap", "en": "an .xlsx workbook"},
    "what_text": {
        "nl": "een tekstbestand (CSV of tabgescheiden)",
        "en": "a text file (CSV or tab-separated)",
    },
    "unclosed_quote": {
        "nl": "het aanhalingsteken in deze rij wordt niet gesloten, waardoor de rest van het bestand in één cel zou "
        "belanden; sluit het aanhalingsteken of verwijder het",
        "en": "the quotation mark in this row is never closed, so the rest of the file would end up in one cell; "
        "close the quotation mark or remove it",
    },
    "no_sheet": {
        "nl": "werkblad '{sheet}' bestaat niet; de werkmap heeft: {sheets}",
        "en": "sheet '{sheet}' does not exist; the workbook has: {sheets}",
    },
    "sheet_skipped": {
        "nl": "werkblad '{sheet}' heeft gegevens maar is niet gelezen (gelezen: '{read}'); lees het met --sheet '{sheet}'",
        "en": "sheet '{sheet}' has data but was not read (read: '{read}'); read it with --sheet '{sheet}'",
    },
    "cleaned": {
        "nl": "onzichtbare tekens of stuurtekens verwijderd ({what})",
        "en": "invisible or control characters removed ({what})",
    },
    "ragged": {
        "nl": "deze rij heeft {found} velden waar de kopregel er {expected} heeft; klopt het scheidingsteken (komma of puntkomma)?",
        "en": "this row has {found} fields where the header has {expected}; is the delimiter (comma or semicolon) right?",
    },
    "no_name": {
        "nl": "kolom {n} heeft gegevens maar geen naam in de kopregel (samengevoegde kopcellen?)",
        "en": "column {n} has data but no name in the header row (merged header cells?)",
    },
    "dup_col": {
        "nl": "de kolom komt twee keer voor in de kopregel",
        "en": "the column appears twice in the header",
    },
    "parse": {
        "nl": "het bestand is niet te lezen als CSV: {detail}",
        "en": "the file cannot be read as CSV: {detail}",
    },
    "too_large": {
        "nl": "het bestand is {size}; verwacht hoogstens {limit} (zet grote exports om of deel ze op)",
        "en": "the file is {size}; expected at most {limit} (convert or split large exports)",
    },
    "zip_bomb": {
        "nl": "dit Excel-bestand wordt uitgepakt {detail}; verwacht een gewone werkmap (hoogstens {members} onderdelen, "
        "{limit} uitgepakt, {ratio}x gecomprimeerd); sla het opnieuw op als .xlsx of .csv",
        "en": "this Excel file unpacks {detail}; expected an ordinary workbook (at most {members} parts, {limit} "
        "unpacked, compressed {ratio}x); save it again as .xlsx or .csv",
    },
    "zip_members": {"nl": "tot {n} onderdelen", "en": "into {n} parts"},
    "zip_size": {"nl": "tot {size}", "en": "to {size}"},
    "zip_ratio": {
        "nl": "{ratio}x groter dan gecomprimeerd",
        "en": "{ratio}x larger than compressed",
    },
}

DELIMITERS = (",", ";", "\t")
MB = 1024 * 1024
#: Largest input file read, in bytes (``WIJKNET_MAX_FILE_MB`` overrides it); larger files are refused.
MAX_FILE_BYTES = 50 * MB
#: Limits of an ``.xlsx`` file's zip container, checked before openpyxl unpacks it (zip bombs).
XLSX_MAX_MEMBERS = 10_000
XLSX_MAX_UNPACKED = 500 * MB
XLSX_MAX_RATIO = 200


def max_file_bytes() -> int:
    """The size limit of input files: ``WIJKNET_MAX_FILE_MB`` (megabytes) or :data:`MAX_FILE_BYTES`.

    Examples
    --------
    >>> import os
    >>> os.environ.pop("WIJKNET_MAX_FILE_MB", None) and None
    >>> max_file_bytes() == MAX_FILE_BYTES == 50 * 1024 * 1024
    True
    """
    import os

    value = os.environ.get("WIJKNET_MAX_FILE_MB", "").strip()
    try:
        return int(float(value) * MB) if value else MAX_FILE_BYTES
    except ValueError:
        return MAX_FILE_BYTES


def check_size(path: str | Path, limit: int | None = None) -> None:
    r"""Refuse a file larger than ``limit`` bytes (default :func:`max_file_bytes`) with a :class:`Problem`.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "ties.csv"
    >>> _ = path.write_text("wijk,wave,source,target\n")
    >>> check_size(path)  # well within the limit: nothing happens
    >>> check_size(path, limit=10)
    Traceback (most recent call last):
    ...
    wijknet.core.errors.DataError: 1 probleem/problemen in de invoer; er is niets geschreven:
      - ties.csv: het bestand is 24 bytes; verwacht hoogstens 10 bytes (zet grote exports om of deel ze op)
    """
    path = Path(path)
    limit = max_file_bytes() if limit is None else limit
    size = path.stat().st_size
    if size > limit:
        raise DataError(
            [
                Problem(
                    path.name,
                    text(TEXTS, "too_large", size=megabytes(size), limit=megabytes(limit)),
                )
            ]
        )


def megabytes(n: int) -> str:
    """A size for people: ``'50 MB'``, ``'1,5 MB'`` (Dutch decimal comma), ``'12 kB'``, ``'100 bytes'``."""
    from wijknet.core import formatting as fmt

    if n >= MB:
        return f"{fmt.number(n / MB, 0 if n % MB == 0 else 1)} MB"
    if n >= 1024:
        return f"{fmt.number(n / 1024, 0)} kB"
    return f"{n} bytes"


def check_xlsx(
    path: str | Path,
    *,
    max_members: int = XLSX_MAX_MEMBERS,
    max_unpacked: int = XLSX_MAX_UNPACKED,
    max_ratio: float = XLSX_MAX_RATIO,
) -> None:
    """Refuse an ``.xlsx`` whose zip container is not an ordinary workbook (a zip bomb).

    Reads only the zip directory (nothing is unpacked): the number of members,
    their total uncompressed size and the ratio uncompressed / compressed of
    the whole archive and of every member must stay within the limits.

    Raises
    ------
    DataError
        Naming the file and the limit it exceeds; also for a file that is not a zip archive.
    """
    path = Path(path)
    file = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DataError([Problem(file, text(TEXTS, "not_xlsx"))]) from None
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    worst = max(
        (i.file_size / max(i.compress_size, 1) for i in infos if i.file_size > MB), default=0.0
    )
    ratio = max(unpacked / max(packed, 1) if unpacked > MB else 0.0, worst)
    detail = None
    if len(infos) > max_members:
        detail = text(TEXTS, "zip_members", n=len(infos))
    elif unpacked > max_unpacked:
        detail = text(TEXTS, "zip_size", size=megabytes(unpacked))
    elif ratio > max_ratio:
        detail = text(TEXTS, "zip_ratio", ratio=int(ratio))
    if detail is not None:
        raise DataError([Problem(file, text(TEXTS, "zip_bomb", detail=detail, members=max_members,
                                            limit=megabytes(max_unpacked), ratio=int(max_ratio)))])  # fmt: skip


#: Control characters (C0 except tab, line feed and carriage return; DEL; C1) and the bidirectional
#: embedding, override and isolate controls, which can make a name display as something else.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_cell(value: str) -> tuple[str, list[str]]:
    """``value`` without control characters, NUL and bidi controls, and the code points removed (``U+202E``).

    >>> clean_cell("Huisarts\u202eFictief")
    ('HuisartsFictief', ['U+202E'])
    """
    found = sorted({f"U+{ord(c):04X}" for c in _INVISIBLE.findall(value)})
    return (_INVISIBLE.sub("", value), found) if found else (value, [])


def clean_frame(
    df: pd.DataFrame, file: str, notes: list[Problem], sheet: str | None = None
) -> pd.DataFrame:
    """Clean every cell with :func:`clean_cell`, adding a note per changed cell (file, row, column)."""
    where = f"{file} [{sheet}]" if sheet else file
    for column in df.columns:
        values = df[column]
        # One search of the column's distinct values joined (the characters are single code points, so
        # no match spans two cells) skips the per-cell search in the usual column without any.
        if not _INVISIBLE.search("".join(map(str, pd.unique(values.to_numpy(dtype=object))))):
            continue
        mask = (
            values.str.contains(_INVISIBLE, regex=True, na=False)
            if len(values)
            else values.astype(bool)
        )
        for row in values.index[mask]:
            cleaned, found = clean_cell(values.at[row])
            df.at[row, column] = cleaned
            # The note names the cell, not its value: names are personal data and notes are printed.
            notes.append(
                Problem(
                    where,
                    text(TEXTS, "cleaned", what=", ".join(found)),
                    row=int(row),
                    column=str(column),
                )
            )
    return df


def normalise_column(name: object) -> str:
    """Lower-case, trim and use underscores, so ``' Actor ID'`` becomes ``'actor_id'``.

    Examples
    --------
    >>> normalise_column(" Actor-ID "), normalise_column("\ufeffFirst wave")
    ('actor_id', 'first_wave')
    """
    s = clean_cell(str(name).replace("\ufeff", ""))[0].strip().lower()
    return "_".join(s.replace("-", " ").split())


def decode(raw: bytes, file: str) -> str:
    """Decode bytes as UTF-16 when they start with its BOM (Excel's "Unicode text"), else UTF-8 (BOM stripped) or cp1252.

    Examples
    --------
    >>> decode("Café".encode("utf-8-sig"), "actors.csv"), decode("Café".encode("cp1252"), "actors.csv")
    ('Café', 'Café')
    >>> decode("Café".encode("utf-16"), "actors.csv")
    'Café'
    """
    return _decode(raw, file)[0]


def _decode(raw: bytes, file: str) -> tuple[str, str]:
    """:func:`decode`, and the encoding it read: ``"utf-16"``, ``"utf-8-sig"`` or ``"cp1252"``."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise DataError([Problem(file, text(TEXTS, "encoding"))]) from None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise DataError([Problem(file, text(TEXTS, "encoding"))])


def sniff_delimiter(first_line: str) -> str:
    r"""The most frequent of comma, semicolon and tab outside quotes in the header line.

    Examples
    --------
    >>> sniff_delimiter('actor_id;wijk;"naam, organisatie"'), sniff_delimiter("actor_id\twijk")
    (';', '\t')
    """
    counts = {}
    for d in DELIMITERS:
        try:
            counts[d] = len(next(csv.reader([first_line], delimiter=d))) - 1
        except (csv.Error, StopIteration):
            counts[d] = 0
    return max(DELIMITERS, key=lambda d: counts[d])


_SEP_LINE = re.compile(r"^\ufeff?sep=(.)\s*$", re.IGNORECASE)


def split_sep_line(content: str) -> tuple[str, str | None]:
    r"""Remove Excel's delimiter hint (a first line ``sep=;``) and return the content and that delimiter.

    Excel writes and honours the hint and does not show it as a row, so the
    rows after it are numbered from 1 as Excel shows them.

    Examples
    --------
    >>> split_sep_line("sep=;\nactor_id;wijk\n")
    ('actor_id;wijk\n', ';')
    >>> split_sep_line("actor_id,wijk\n")
    ('actor_id,wijk\n', None)
    """
    first, _, rest = content.lstrip("\r\n").partition("\n")
    match = _SEP_LINE.match(first.rstrip("\r"))
    if match and match.group(1) in DELIMITERS:
        return rest, match.group(1)
    return content, None


def csv_rows(content: str, delimiter: str, file: str) -> list[list[str]]:
    r"""The records of ``content``; an unclosed quotation mark is a :class:`DataError` naming its row.

    Python's csv reader (not strict) reads everything after an unclosed
    quotation mark into one cell without a word; a strict second pass finds
    where that happens. Other quirks the strict reader refuses (``"De" Linde``)
    are read as the lenient reader does.

    Examples
    --------
    >>> csv_rows('source,target\nz1,"w1"\n', ",", "ties.csv")
    [['source', 'target'], ['z1', 'w1']]
    >>> csv_rows('source,target\nz1,"w1\nz2,w2\n', ",", "ties.csv")
    Traceback (most recent call last):
    ...
    wijknet.core.errors.DataError: 1 probleem/problemen in de invoer; er is niets geschreven:
      - ties.csv, rij 2: het aanhalingsteken in deze rij wordt niet gesloten, waardoor de rest van het bestand in één cel zou belanden; sluit het aanhalingsteken of verwijder het
    """
    try:
        rows = list(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise DataError([Problem(file, text(TEXTS, "parse", detail=str(exc)))]) from None
    number = 0  # records read before the strict reader stops
    try:
        for _ in csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True):
            number += 1
    except csv.Error as exc:
        if "end of data" in str(exc) or "EOF" in str(exc):
            raise DataError(
                [Problem(file, text(TEXTS, "unclosed_quote"), row=number + 1)]
            ) from None
    return rows


def read_table(
    path: str | Path, expected: tuple[str, ...] = (), sheet: str | None = None
) -> pd.DataFrame:
    r"""Read a CSV, XLSX or XLS file into a DataFrame of strings with normalised column names.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` (also ``.txt``/``.tsv``), ``.xlsx`` or ``.xls`` file.
    expected : tuple of str
        Required column names, used only to phrase the message for an empty file.
    sheet : str, optional
        The sheet of a workbook to read; default the first sheet with data
        (the other sheets with data give a note).

    Returns
    -------
    pandas.DataFrame
        All cells as ``str`` (``""`` for empty cells); the attribute
        ``df.attrs["file"]`` holds the file name used in messages,
        ``df.attrs["notes"]`` the notes (cleaned cells, skipped sheets).

    Raises
    ------
    DataError
        With file, row and column for every problem found.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "actors.csv"
    >>> _ = path.write_text("Actor ID;Wijk;Domain\nz1;Noord;zorg\n", encoding="utf-8")
    >>> actors = read_table(path)
    >>> list(actors.columns), actors.loc[2, "actor_id"], actors.attrs["file"]
    (['actor_id', 'wijk', 'domain'], 'z1', 'actors.csv')
    """
    path = Path(path)
    file = path.name
    if not path.is_file():
        raise DataError([Problem(file, text(TEXTS, "missing_file"))])
    check_size(path)
    suffix = path.suffix.lower()
    notes: list[Problem] = []
    read_sheet, clean = None, False
    if suffix in (".xlsx", ".xlsm", ".xls"):
        read_sheet, df = read_workbook(path, sheet, notes)
    elif suffix in (".csv", ".txt", ".tsv", ""):
        df, clean = _read_csv(path.read_bytes(), file, expected)
    else:
        raise DataError([Problem(file, text(TEXTS, "bad_ext", ext=suffix))])
    if df.shape[1] == 0:
        raise DataError([Problem(file, text(TEXTS, "empty", expected=", ".join(expected)))])
    columns = [normalise_column(c) for c in df.columns]
    problems = []
    seen: set[str] = set()
    for i, (original, c) in enumerate(zip(df.columns, columns)):
        if not c:
            columns[i] = c = f"_unnamed_{i + 1}"
        elif c in seen:
            problems.append(Problem(file, text(TEXTS, "dup_col"), column=str(original)))
        seen.add(c)
    if problems:
        raise DataError(problems)
    df.columns = columns
    for c in [c for c in columns if c.startswith("_unnamed_")]:
        if (df[c] != "").any():
            problems.append(Problem(file, text(TEXTS, "no_name", n=c.removeprefix("_unnamed_"))))
        df = df.drop(columns=c)
    if problems:
        raise DataError(problems)
    # Fully empty rows are already gone (the readers drop them and keep the row numbers in the index;
    # a row with data only in an unnamed column is refused above), so no second whole-frame pass.
    # The readers' frame is this function's own: cleaned in place, no copy.
    if not clean:
        clean_frame(df, file, notes, read_sheet)
    df.attrs["file"] = file
    df.attrs["notes"] = notes
    return df


def _read_csv(raw: bytes, file: str, expected: tuple[str, ...]) -> tuple[pd.DataFrame, bool]:
    """The table of a CSV file, and whether it is known to hold no invisible characters (see :func:`clean_frame`)."""
    content, encoding = _decode(raw, file)
    if not content.strip():
        raise DataError([Problem(file, text(TEXTS, "empty", expected=", ".join(expected)))])
    content, delimiter = split_sep_line(content)
    if not content.strip():
        raise DataError([Problem(file, text(TEXTS, "empty", expected=", ".join(expected)))])
    # The bytes of a UTF-8 file read as they are (no sep= line removed) are the content's own
    # encoding: the fast reader needs not encode 20 MB again.
    data = (
        raw.removeprefix(codecs.BOM_UTF8) if delimiter is None and encoding == "utf-8-sig" else None
    )
    delimiter = delimiter or sniff_delimiter(_first_line(content.lstrip("\r\n")))
    fast = _read_csv_fast(content, delimiter, data)
    if fast is not None:
        return fast[0], not fast[1]
    # The fast reader refused the file (ragged rows, unclosed quotes, NUL): the record-by-record
    # reader finds and words every problem, or reads what the fast reader could not vouch for.
    rows = csv_rows(content, delimiter, file)
    # Keep the spreadsheet row number of every data row (header = row 1).
    numbered = [(i + 1, r) for i, r in enumerate(rows) if any(cell.strip() for cell in r)]
    if not numbered:
        raise DataError([Problem(file, text(TEXTS, "empty", expected=", ".join(expected)))])
    header_row, header = numbered[0]
    width = len(header)
    problems = []
    data, index = [], []
    for rownum, r in numbered[1:]:
        # Tolerate trailing empty fields (Excel pads rows with delimiters).
        while len(r) > width and r[-1].strip() == "":
            r = r[:-1]
        if len(r) > width:
            problems.append(
                Problem(file, text(TEXTS, "ragged", found=len(r), expected=width), row=rownum)
            )
            continue
        data.append([c.strip() for c in r] + [""] * (width - len(r)))
        index.append(rownum)
    if problems:
        raise DataError(problems)
    df = pd.DataFrame(
        data, columns=[h.strip() for h in header], index=pd.Index(index, name="row"), dtype=object
    )
    return df, False


def _first_line(content: str) -> str:
    r"""``content.splitlines()[0]`` without splitting the whole file: longer prefixes until one holds a line break.

    >>> _first_line("a;b\r\nc;d"), _first_line("a,b")
    ('a;b', 'a,b')
    """
    size = 4096
    while True:
        lines = content[:size].splitlines()
        if size >= len(content) or len(lines) > 1:
            return lines[0] if lines else ""
        size *= 4


def _read_csv_fast(
    content: str, delimiter: str, data: bytes | None = None
) -> tuple[pd.DataFrame, bool] | None:
    """The table :func:`_read_csv` reads, parsed by pandas' C reader; ``None`` when it cannot be vouched for.

    With the table comes whether a cell holds an invisible character (each column's distinct values
    are searched joined: the characters are single code points, so no match spans two values);
    only then does :func:`read_table` clean the cells one by one.

    Whole-column work instead of a Python loop per record (300,000 ties in a
    fraction of a second). Anything the record-by-record reader treats
    specially makes this return ``None``: a row wider than the first record
    (ragged rows, padding), an unclosed quotation mark (a parser error), a
    NUL character (the C reader ends the field there), blank lines before the
    header. Cells are plain Python strings (object columns), stripped; rows
    are numbered as the spreadsheet numbers records (header = 1). ``data``, when
    given, is ``content`` encoded as UTF-8 (the file's bytes).
    """
    if "\x00" in content or not content[:1].strip():
        return None
    try:
        # Bytes, not a StringIO: the C reader parses UTF-8 bytes; a text buffer it encodes chunk by chunk.
        grid = pd.read_csv(
            io.BytesIO(content.encode("utf-8") if data is None else data), sep=delimiter, header=None, dtype=object,
            na_filter=False, skip_blank_lines=False, engine="c", quoting=csv.QUOTE_MINIMAL,
            quotechar='"', doublequote=True, escapechar=None, comment=None, encoding="utf-8",
            encoding_errors="strict",
        )  # fmt: skip
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
        return None
    blank = np.ones(len(grid), dtype=bool)
    cells, invisible = [], False
    for column in grid.columns:
        # Columns repeat their values (wijk, wave, actor ids): strip each distinct value once.
        codes, distinct = pd.factorize(grid[column].to_numpy(dtype=object))
        stripped = np.array([value.strip() for value in distinct], dtype=object)
        invisible = invisible or bool(_INVISIBLE.search("".join(stripped)))
        cells.append(stripped[codes])
        blank &= (stripped == "")[codes]
    header = [str(values[0]) for values in cells]
    if not any(header):
        return None
    keep = ~blank
    keep[0] = False
    index = pd.Index(np.flatnonzero(keep) + 1, name="row")
    df = pd.DataFrame(
        {i: values[keep] for i, values in enumerate(cells)}, index=index, dtype=object
    ).set_axis(header, axis=1)
    return df, invisible


#: First bytes of an OLE2 compound file (Excel 97-2003 ``.xls``).
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def workbook_sheets(
    path: Path, sheet: str | None, notes: list[Problem]
) -> tuple[str | None, pd.DataFrame]:
    """The sheet to read of an ``.xlsx`` or ``.xls`` workbook as a raw grid of strings (row numbers from 1).

    Without ``sheet``, the first sheet with data; every other sheet with data
    adds a note to ``notes``. Returns the sheet name (``None`` for an empty
    workbook) and the grid.
    """
    file = path.name
    head = path.read_bytes()[:8]
    if path.suffix.lower() == ".xls":
        if head.startswith(b"PK"):
            raise DataError(
                [
                    Problem(
                        file,
                        text(TEXTS, "xls_is_other", what=text(TEXTS, "what_xlsx"), ext=".xlsx"),
                    )
                ]
            )
        if not head.startswith(OLE2_MAGIC):
            # Excel's "save as .xls" from a web page, or a renamed CSV / tab-separated text file
            raise DataError(
                [
                    Problem(
                        file,
                        text(
                            TEXTS, "xls_is_other", what=text(TEXTS, "what_text"), ext=".csv / .txt"
                        ),
                    )
                ]
            )
        engine, invalid = (
            "calamine",
            "not_xls",
        )  # pandas deprecates its xlrd engine in favour of calamine
    else:
        if not zipfile.is_zipfile(path):
            raise DataError([Problem(file, text(TEXTS, "not_xlsx"))])
        check_xlsx(path)
        engine, invalid = "openpyxl", "not_xlsx"
    try:
        sheets = pd.read_excel(path, dtype=object, header=None, engine=engine, sheet_name=None)
    except Exception:  # noqa: BLE001 - openpyxl and xlrd raise many types for corrupt workbooks
        raise DataError([Problem(file, text(TEXTS, invalid))]) from None
    grids = {}
    for name, raw in sheets.items():
        raw = raw.map(_cell_to_str)
        raw.index = raw.index + 1
        grids[str(name)] = raw[(raw != "").any(axis=1)] if len(raw) else raw
    if sheet is not None:
        if sheet not in grids:
            raise DataError(
                [
                    Problem(
                        file, text(TEXTS, "no_sheet", sheet=sheet, sheets=", ".join(grids) or "-")
                    )
                ]
            )
        chosen = sheet
    else:
        chosen = next((n for n, g in grids.items() if not g.empty), None)
    for name, grid in grids.items():
        if name != chosen and not grid.empty:
            notes.append(Problem(file, text(TEXTS, "sheet_skipped", sheet=name, read=chosen)))
    return chosen, (grids[chosen] if chosen is not None else pd.DataFrame())


def read_workbook(
    path: Path, sheet: str | None, notes: list[Problem]
) -> tuple[str | None, pd.DataFrame]:
    """The header and rows of one sheet (see :func:`workbook_sheets`) as a DataFrame indexed by row number."""
    chosen, nonempty = workbook_sheets(path, sheet, notes)
    if nonempty.empty:
        return chosen, pd.DataFrame()
    header = nonempty.iloc[0].tolist()
    df = nonempty.iloc[1:].copy()
    df.columns = header
    df.index.name = "row"
    return chosen, df


def _cell_to_str(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()
