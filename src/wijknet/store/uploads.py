"""Uploaded files (the app's import page): safe names in a fresh temporary folder.

An upload's name comes from the user's browser and is never trusted: it is
kept only as the recorded original name, after :func:`safe_name` removed
every path component, ``..``, control characters and characters outside a
plain set. Each upload batch is written to a new folder made by
:func:`tempfile.mkdtemp` (in the system's temporary folder), so an upload
can never land in or escape the project folder; the import copies the file
into ``raw/`` under its SHA-256 as every import does.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Self

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.io.tables import MB, max_file_bytes, megabytes
from wijknet.io.tables import TEXTS as TABLE_TEXTS

__all__ = ["UploadFolder", "safe_name", "save_uploads"]

#: Longest name kept (the extension included).
MAX_NAME = 100


def safe_name(name: str, default: str = "upload") -> str:
    r"""A file name that is safe to write: no folders, no ``..``, no control characters.

    >>> safe_name("../../etc/passwd")
    'passwd'
    >>> safe_name("C:\\Users\\x\\enquête 2026.csv")
    'enquête 2026.csv'
    >>> safe_name("..")
    'upload'
    """
    s = unicodedata.normalize("NFC", str(name or ""))
    s = re.split(r"[/\\]", s)[-1]  # the last path component, for / and \ separators
    s = "".join(
        c for c in s if unicodedata.category(c)[0] != "C"
    )  # control, format, surrogate characters
    s = re.sub(r"[^\w .()+,@=-]", "_", s)
    s = re.sub(r"\.{2,}", ".", s).strip(" .")
    if len(s) > MAX_NAME:
        stem, dot, ext = s.rpartition(".")
        ext = ext[:10] if dot else ""
        s = (stem if dot else s)[: MAX_NAME - len(ext) - 1].rstrip(" .") + (
            f".{ext}" if ext else ""
        )
    return s or default


class UploadFolder:
    """A fresh temporary folder holding one batch of uploads; remove it with :meth:`remove` (or ``with``)."""

    def __init__(self, paths: list[Path], folder: Path):
        self.paths, self.folder = paths, folder

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.remove()


def save_uploads(files: list[tuple[str, bytes]], *, limit: int | None = None) -> UploadFolder:
    """Write uploaded ``(name, content)`` pairs under safe names into a new temporary folder.

    Parameters
    ----------
    files : list of (str, bytes)
        The name the browser sent and the content.
    limit : int, optional
        Largest accepted size in bytes (default :func:`wijknet.io.tables.max_file_bytes`).

    Returns
    -------
    UploadFolder
        The written paths, in order (two uploads with one name get ``name (2).csv``).

    Raises
    ------
    DataError
        For a file over the size limit (nothing is kept).
    """
    limit = max_file_bytes() if limit is None else limit
    folder = Path(tempfile.mkdtemp(prefix="wijknet-upload-")).resolve()
    paths: list[Path] = []
    try:
        for name, content in files:
            clean = safe_name(name)
            stem, dot, ext = clean.rpartition(".") if "." in clean else (clean, "", "")
            candidate, n = clean, 1
            while (folder / candidate).exists():
                n += 1
                candidate = f"{stem} ({n}){dot}{ext}"
            path = (folder / candidate).resolve()
            if (
                path.parent != folder
            ):  # cannot happen after safe_name; never write outside the folder
                raise DataError([Problem(clean, text(TABLE_TEXTS, "missing_file"))])
            if len(content) > limit:
                raise DataError(
                    [
                        Problem(
                            clean,
                            text(
                                TABLE_TEXTS,
                                "too_large",
                                size=megabytes(len(content)),
                                limit=megabytes(limit),
                            ),
                        )
                    ]
                )
            path.write_bytes(content)
            paths.append(path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return UploadFolder(paths, folder)


#: The app's upload limit in megabytes (Streamlit's ``server.maxUploadSize``), the same as the readers' limit.
def max_upload_mb() -> int:
    return max(1, max_file_bytes() // MB)
