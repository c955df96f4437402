"""Errors that reach users: what is wrong, where, and what was expected."""

from __future__ import annotations

from dataclasses import dataclass

from wijknet.core.i18n import text

TEXTS = {
    "where_row_col": {
        "nl": "{file}, rij {row}, kolom '{column}'",
        "en": "{file}, row {row}, column '{column}'",
    },
    "where_col": {"nl": "{file}, kolom '{column}'", "en": "{file}, column '{column}'"},
    "where_row": {"nl": "{file}, rij {row}", "en": "{file}, row {row}"},
    "where_file": {"nl": "{file}", "en": "{file}"},
    "header": {
        "nl": "{n} probleem/problemen in de invoer; er is niets geschreven:",
        "en": "{n} problem(s) in the input; nothing was written:",
    },
    "more": {"nl": "... en nog {n} andere", "en": "... and {n} more"},
}


@dataclass(frozen=True)
class Problem:
    """One problem in an input file.

    ``row`` is the 1-based row number as a spreadsheet program shows it
    (the header is row 1), or ``None`` when the problem concerns the whole
    column or file.

    Examples
    --------
    >>> print(Problem("ties.csv", "empty value", row=3, column="target"))
    ties.csv, rij 3, kolom 'target': empty value
    >>> print(Problem("actors.csv", "the file has no rows"))
    actors.csv: the file has no rows
    """

    file: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        if self.row is not None and self.column is not None:
            where = text(TEXTS, "where_row_col", file=self.file, row=self.row, column=self.column)
        elif self.column is not None:
            where = text(TEXTS, "where_col", file=self.file, column=self.column)
        elif self.row is not None:
            where = text(TEXTS, "where_row", file=self.file, row=self.row)
        else:
            where = text(TEXTS, "where_file", file=self.file)
        return f"{where}: {self.message}"


class DataError(ValueError):
    """Input data that cannot be used; carries every :class:`Problem` found.

    Examples
    --------
    >>> error = DataError([Problem("ties.csv", "unknown actor 'x9'", row=2, column="source")])
    >>> len(error.problems)
    1
    >>> print(error)
    1 probleem/problemen in de invoer; er is niets geschreven:
      - ties.csv, rij 2, kolom 'source': unknown actor 'x9'
    """

    MAX_SHOWN = 25

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [text(TEXTS, "header", n=len(self.problems))]
        lines += [f"  - {p}" for p in self.problems[: self.MAX_SHOWN]]
        if len(self.problems) > self.MAX_SHOWN:
            lines.append("  " + text(TEXTS, "more", n=len(self.problems) - self.MAX_SHOWN))
        return "\n".join(lines)
