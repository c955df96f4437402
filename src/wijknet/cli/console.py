"""Plain-text output for the command line."""

from __future__ import annotations

from typing import NoReturn


def text_table(rows: list[dict]) -> str:
    """Rows as an aligned plain-text table: numbers right-aligned, text left-aligned."""
    columns = list(rows[0])
    cells = [[str(r[c]) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    right = [all(isinstance(r[c], (int, float)) for r in rows) for c in columns]

    def line(values):
        return "  ".join(
            v.rjust(w) if r else v.ljust(w) for v, w, r in zip(values, widths, right)
        ).rstrip()

    return "\n".join([line(columns), line("-" * w for w in widths), *(line(row) for row in cells)])


TEXTS = {
    "nothing_done": {
        "nl": "Er is niets geschreven of veranderd.",
        "en": "Nothing was written or changed.",
    }
}


def fail(problem, *, wrote: bool = False) -> NoReturn:
    """The one way a command fails: the problem report on stderr, "nothing was written or changed", exit code 2.

    Parameters
    ----------
    problem : DataError or str
        A :class:`~wijknet.core.errors.DataError` (its report is printed) or a message.
    wrote : bool
        ``True`` when the command already wrote something (the "nothing" line is left out).
    """
    import typer

    from wijknet.core.i18n import text

    typer.echo(problem.report() if hasattr(problem, "report") else str(problem), err=True)
    if not wrote:
        typer.echo(text(TEXTS, "nothing_done"), err=True)
    raise typer.Exit(code=2)
