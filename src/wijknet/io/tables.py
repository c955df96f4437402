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
    "zip_ratio": {"nl": "{ratio}x groter dan gecomprimeerd", "en": "{ratio}x larger than compressed"},
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
    """The size limit of input files: ``WIJKNET_MAX_FILE_MB`` (megabytes) or :data:`MAX_FILE_BYTES`."""
    import os

    value = os.environ.get("WIJKNET_MAX_FILE_MB", "").strip()
    try:
        return int(float(value) * MB) if value else MAX_FILE_BYTES
    except ValueError:
        return MAX_FILE_BYTES


def check_size(path: str | Path, limit: int | None = None) -> None:
    """Refuse a file larger than ``limit`` bytes (default :func:`max_file_bytes`) with a :class:`Problem`."""
    path = Path(path)
    limit = max_file_bytes() if limit is None else limit
    size = path.stat().st_size
    if size > limit:
        raise DataError([Problem(path.name, text(TEXTS, "too_large", size=_mb(size), limit=_mb(limit)))])


def _mb(n: int) -> str:
    """A size for people: ``'50 MB'``, ``'1,5 MB'`` (Dutch decimal comma), ``'12 kB'``, ``'100 bytes'``."""
    from ..i18n import format_number

    if n >= MB:
        return f"{format_number(n / MB, 0 if n % MB == 0 else 1)} MB"
    if n >= 1024:
        return f"{format_number(n / 1024, 0)} kB"
    return f"{n} bytes"


def check_xlsx(path: str | Path, *, max_members: int = XLSX_MAX_MEMBERS, max_unpacked: int = XLSX_MAX_UNPACKED,
               max_ratio: float = XLSX_MAX_RATIO) -> None:
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
    worst = max((i.file_size / max(i.compress_size, 1) for i in infos if i.file_size > MB), default=0.0)
    ratio = max(unpacked / max(packed, 1) if unpacked > MB else 0.0, worst)
    detail = None
    if len(infos) > max_members:
        detail = text(TEXTS, "zip_members", n=len(infos))
    elif unpacked > max_unpacked:
        detail = text(TEXTS, "zip_size", size=_mb(unpacked))
    elif ratio > max_ratio:
        detail = text(TEXTS, "zip_ratio", ratio=int(ratio))
    if detail is not None:
        raise DataError([Problem(file, text(TEXTS, "zip_bomb", detail=detail, members=max_members,
                                            limit=_mb(max_unpacked), ratio=int(max_ratio)))])  # fmt: skip


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
    check_size(path)
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
    check_xlsx(path)
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
