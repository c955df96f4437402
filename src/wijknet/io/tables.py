"""Read the spreadsheets Dutch users produce into plain string tables.

CSV files may use a comma, semicolon or tab, be UTF-8 with or without a BOM,
or cp1252 (Excel on Windows). Excel workbooks (.xlsx) are read with openpyxl.
Every cell comes back as a string (empty cells as ``""``) so that ids such as
postcodes keep their leading zeros and conversion errors can be reported with
their row and column.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd

from ..errors import DataError, Problem
from ..i18n import text

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
        "nl": "onbekend bestandstype '{ext}'; verwacht .csv of .xlsx",
        "en": "unknown file type '{ext}'; expected .csv or .xlsx",
    },
    "encoding": {
        "nl": "de tekencodering is niet te lezen; verwacht UTF-8 of Windows-1252 (cp1252)",
        "en": "the character encoding cannot be read; expected UTF-8 or Windows-1252 (cp1252)",
    },
    "ragged": {
        "nl": "deze rij heeft {found} velden waar de kopregel er {expected} heeft; klopt het scheidingsteken (komma of puntkomma)?",
        "en": "this row has {found} fields where the header has {expected}; is the delimiter (comma or semicolon) right?",
    },
    "no_name": {
        "nl": "kolom {n} heeft gegevens maar geen naam in de kopregel (samengevoegde kopcellen?)",
        "en": "column {n} has data but no name in the header row (merged header cells?)",
    },
    "dup_col": {"nl": "de kolom komt twee keer voor in de kopregel", "en": "the column appears twice in the header"},
    "parse": {"nl": "het bestand is niet te lezen als CSV: {detail}", "en": "the file cannot be read as CSV: {detail}"},
}

DELIMITERS = (",", ";", "\t")


def normalise_column(name: object) -> str:
    """Lower-case, trim and use underscores, so ``' Actor ID'`` becomes ``'actor_id'``."""
    s = str(name).replace("\ufeff", "").strip().lower()
    return "_".join(s.replace("-", " ").split())


def decode(raw: bytes, file: str) -> str:
    """Decode bytes as UTF-8 (BOM stripped) or else cp1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError([Problem(file, text(TEXTS, "encoding"))])


def sniff_delimiter(first_line: str) -> str:
    """The most frequent of comma, semicolon and tab outside quotes in the header line."""
    counts = {}
    for d in DELIMITERS:
        try:
            counts[d] = len(next(csv.reader([first_line], delimiter=d))) - 1
        except (csv.Error, StopIteration):
            counts[d] = 0
    return max(DELIMITERS, key=lambda d: counts[d])


def read_table(path: str | Path, expected: tuple[str, ...] = ()) -> pd.DataFrame:
    """Read a CSV or XLSX file into a DataFrame of strings with normalised column names.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` (also ``.txt``/``.tsv``) or ``.xlsx`` file.
    expected : tuple of str
        Required column names, used only to phrase the message for an empty file.

    Returns
    -------
    pandas.DataFrame
        All cells as ``str`` (``""`` for empty cells); the attribute
        ``df.attrs["file"]`` holds the file name used in messages.

    Raises
    ------
    DataError
        With file, row and column for every problem found.
    """
    path = Path(path)
    file = path.name
    if not path.is_file():
        raise DataError([Problem(file, text(TEXTS, "missing_file"))])
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        df = _read_xlsx(path, file)
    elif suffix in (".csv", ".txt", ".tsv", ""):
        df = _read_csv(path.read_bytes(), file, expected)
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
    # Drop fully empty rows but keep the original row numbers in the index.
    df = df[(df != "").any(axis=1)]
    df.attrs["file"] = file
    return df


def _read_csv(raw: bytes, file: str, expected: tuple[str, ...]) -> pd.DataFrame:
    content = decode(raw, file)
    if not content.strip():
        raise DataError([Problem(file, text(TEXTS, "empty", expected=", ".join(expected)))])
    first_line = content.lstrip("\r\n").splitlines()[0]
    delimiter = sniff_delimiter(first_line)
    try:
        rows = list(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise DataError([Problem(file, text(TEXTS, "parse", detail=str(exc)))]) from None
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
            problems.append(Problem(file, text(TEXTS, "ragged", found=len(r), expected=width), row=rownum))
            continue
        data.append([c.strip() for c in r] + [""] * (width - len(r)))
        index.append(rownum)
    if problems:
        raise DataError(problems)
    df = pd.DataFrame(data, columns=[h.strip() for h in header], index=pd.Index(index, name="row"), dtype=object)
    return df.astype(str) if len(df) else df


def _read_xlsx(path: Path, file: str) -> pd.DataFrame:
    if not zipfile.is_zipfile(path):
        raise DataError([Problem(file, text(TEXTS, "not_xlsx"))])
    try:
        raw = pd.read_excel(path, dtype=object, header=None, engine="openpyxl")
    except Exception:  # openpyxl raises many types for corrupt workbooks
        raise DataError([Problem(file, text(TEXTS, "not_xlsx"))]) from None
    raw = raw.map(_cell_to_str)
    raw.index = raw.index + 1
    nonempty = raw[(raw != "").any(axis=1)]
    if nonempty.empty:
        return pd.DataFrame()
    header = nonempty.iloc[0].tolist()
    df = nonempty.iloc[1:].copy()
    df.columns = header
    df.index.name = "row"
    return df


def _cell_to_str(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()
