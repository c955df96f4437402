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


# --- partial: typed errors for user-facing conditions -------------------------------

#: Dutch and English texts of the typed errors, by code (``{...}`` filled from the error's fields).
USER_TEXTS = {
    "no_variation": {
        "nl": "Het model kan niet worden geschat: in {wijk} zijn tussen {wave_from} en {wave_to} alle paren "
        "gelijk (overal wel of overal geen relatie). Met meer gegevens lukt het wel.",
        "en": "The model cannot be estimated: in {wijk}, between {wave_from} and {wave_to}, every pair is alike "
        "(a tie everywhere or nowhere). With more data it can.",
    },
    "no_variation_y": {
        "nl": "Het model kan niet worden geschat: alle paren zijn gelijk (overal wel of overal geen relatie).",
        "en": "The model cannot be estimated: every pair is alike (a tie everywhere or nowhere).",
    },
    "too_few_stable": {
        "nl": "Het model kan niet worden geschat: in {wijk} doen minder dan drie actoren mee in zowel "
        "{wave_from} als {wave_to}.",
        "en": "The model cannot be estimated: in {wijk}, fewer than three actors take part in both "
        "{wave_from} and {wave_to}.",
    },
    "not_estimable": {
        "nl": "Het model kan met deze gegevens niet worden geschat ({detail}).",
        "en": "The model cannot be estimated with these data ({detail}).",
    },
}
#: Missing fields of a text are shown as this, so a message never fails.
_BLANK = "–"


class UserError(ValueError):
    """A condition of the data (not a bug) that a page or the CLI shows to users in their language.

    A ``ValueError``, so existing ``except ValueError`` keeps working; the
    ``code`` selects the text of :data:`USER_TEXTS`, and the keyword fields
    fill it. ``str(error)`` is the text in the current language.

    Examples
    --------
    >>> error = UserError("too_few_stable", wijk="Noord", wave_from="2025", wave_to="2026")
    >>> error.message("nl")[:58]
    'Het model kan niet worden geschat: in Noord doen minder da'
    >>> error.code, isinstance(error, ValueError)
    ('too_few_stable', True)
    """

    def __init__(self, code: str, **fields):
        self.code = code
        self.fields = fields
        super().__init__(self.message())

    def message(self, lang: str | None = None) -> str:
        """The text of the error in ``lang`` (the current language by default)."""

        class _Fields(dict):
            def __missing__(self, key):
                return _BLANK

        template = text(USER_TEXTS, self.code, lang) if self.code in USER_TEXTS else self.code
        return template.format_map(_Fields({k: str(v) for k, v in self.fields.items()}))


class ModelError(UserError):
    """A statistical model that cannot be estimated on these data (no variation, too few actors)."""
