"""Exports to the tools researchers already use: Gephi, igraph, Pajek, UCINET, Excel and RSiena.

One call writes a whole project, or one wijk and/or wave of it::

    from wijknet.export import export_project
    export_project(project, "gexf", "export/")             # one dynamic file per wijk
    export_project(project, "xlsx", "export/daalhof.xlsx", wijk="Daalhof")

Formats and their files (``out`` is a folder):

- ``graphml``: ``<wijk>_<wave>.graphml`` (Gephi, igraph, Cytoscape, networkx);
- ``gexf``: ``<wijk>.gexf``, dynamic, one spell per wave (Gephi's timeline);
- ``pajek``: ``<wijk>_<wave>.net``, ``<wijk>_<wave>_domain.clu``, ``domains.csv``;
- ``dl``: ``<wijk>_<wave>.dl``, ``_attributes.dl``, ``_actors.csv``, ``domains.csv`` (UCINET);
- ``xlsx``: ``wijknet.xlsx`` or the ``.xlsx`` path given (Excel; wijknet reads its sheets);
- ``rsiena``: ``<wijk>/wave_k.csv``, ``composition.txt``, ``actors.csv``, ``load_in_rsiena.R``.

Every export checks its options first (unknown format, wijk or wave: a
:class:`wijknet.DataError` that names the valid choices) and writes into a
temporary folder inside the output folder, moving the files into place only
when all are complete. File names are built from the wijk and wave names with
:func:`wijknet.core.order.slug`, so they cannot point outside the
output folder. A project restricted to the leernetwerk gets only the
group-level workbook (:mod:`wijknet.export.group`). See ``docs/exports.md``.
"""

from __future__ import annotations

from pathlib import Path

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.export.base import TEXTS, Selection, domain_codes, select, write_atomically
from wijknet.export.excel import write_xlsx
from wijknet.export.graphs import write_gexf, write_graphml, write_pajek
from wijknet.export.group import is_leernetwerk, refuse_individual, write_group_xlsx
from wijknet.export.rsiena import write_rsiena
from wijknet.export.ucinet import read_dl, read_dl_graph, write_dl

__all__ = [
    "FORMATS", "Selection", "check_format", "export_dl", "export_gexf", "export_graphml", "export_pajek", "export_project",
    "export_rsiena", "export_xlsx", "read_dl", "read_dl_graph", "select",
]  # fmt: skip

#: Format name -> writer ``(project, folder, selection, **options) -> list[Path]``.
FORMATS = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "xlsx": write_xlsx,
    "pajek": write_pajek,
    "dl": write_dl,
    "rsiena": write_rsiena,
}
_LEGEND = ("pajek", "dl")  # formats whose files use domain codes; they get domains.csv


def check_format(fmt: str) -> str:
    """``fmt`` in lower case if it is a known format, else a :class:`DataError` naming the formats."""
    name = str(fmt).strip().lower()
    if name not in FORMATS:
        raise DataError(
            [
                Problem(
                    "--format", text(TEXTS, "unknown_format", value=fmt, choices=", ".join(FORMATS))
                )
            ]
        )
    return name


def export_project(project, fmt: str, out: str | Path, *, wijk: str | None = None, wave: str | None = None,
                   **options) -> list[Path]:  # fmt: skip
    """Write ``project`` (or one wijk and/or wave of it) in format ``fmt`` to ``out``.

    Parameters
    ----------
    project : Project
    fmt : {"graphml", "gexf", "xlsx", "pajek", "dl", "rsiena"}
    out : str or Path
        Output folder (created if needed). For ``xlsx`` it may also be the
        path of the workbook (ending in ``.xlsx``); in a folder the workbook
        is called ``wijknet.xlsx``.
    wijk, wave : str, optional
        Export only this wijk / this wave (default: all). ``rsiena`` needs
        at least two waves and refuses ``wave``.
    **options
        Passed to the writer: ``n_permutations`` and ``seed`` for ``xlsx``
        (the E-I permutation test), ``nonresponse`` ("keep" or "missing")
        for ``rsiena``.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    DataError
        For an unknown format, wijk or wave (naming the valid choices), an
        option the format cannot use, or a format with actors or ties for a
        project restricted to the leernetwerk; nothing is written then.

    Notes
    -----
    A project restricted to the leernetwerk (``project.audience``) gets group
    figures only: ``xlsx`` is then the workbook of
    :func:`wijknet.export.group.write_group_xlsx`, every other format is
    refused (:mod:`wijknet.export.group`).
    """
    name = check_format(fmt)
    leernetwerk = is_leernetwerk(project)
    if leernetwerk:
        refuse_individual(name)
    selection = select(project, wijk, wave)
    out = Path(out)
    if name == "xlsx" and out.suffix.lower() in (".xlsx", ".xlsm"):
        options["filename"] = out.with_suffix(".xlsx").name
        out = out.parent
    writer = write_group_xlsx if leernetwerk else FORMATS[name]

    def fill(folder: Path) -> list[Path]:
        written = writer(project, folder, selection, **options)
        if name in _LEGEND:
            written.append(_write_domains(project, folder / "domains.csv"))
        return written

    return write_atomically(out, fill)


def _write_domains(project, path: Path) -> Path:
    import csv

    from wijknet.export.sanitise import guard_csv

    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["code", "domain", "label_nl", "label_en"])
        for domain, code in domain_codes(project).items():
            labels = [project.taxonomy.label(domain, lang) for lang in ("nl", "en")]
            writer.writerow([code, guard_csv(domain), *(guard_csv(x) for x in labels)])
    return path


def export_graphml(project, out, *, wijk=None, wave=None) -> list[Path]:
    """GraphML, one file per wijk and wave; see :func:`export_project`."""
    return export_project(project, "graphml", out, wijk=wijk, wave=wave)


def export_gexf(project, out, *, wijk=None, wave=None) -> list[Path]:
    """Dynamic GEXF for Gephi, one file per wijk; see :func:`export_project`."""
    return export_project(project, "gexf", out, wijk=wijk, wave=wave)


def export_pajek(project, out, *, wijk=None, wave=None) -> list[Path]:
    """Pajek ``.net`` and ``.clu``, per wijk and wave; see :func:`export_project`."""
    return export_project(project, "pajek", out, wijk=wijk, wave=wave)


def export_dl(project, out, *, wijk=None, wave=None) -> list[Path]:
    """UCINET DL, per wijk and wave; see :func:`export_project`."""
    return export_project(project, "dl", out, wijk=wijk, wave=wave)


def export_xlsx(
    project, out, *, wijk=None, wave=None, n_permutations: int = 1000, seed: int = 0
) -> list[Path]:
    """The Excel workbook; see :func:`export_project`."""
    return export_project(
        project, "xlsx", out, wijk=wijk, wave=wave, n_permutations=n_permutations, seed=seed
    )


def export_rsiena(project, out, *, wijk=None, nonresponse: str = "keep") -> list[Path]:
    """RSiena wave arrays, one folder per wijk; see :func:`export_project`."""
    return export_project(project, "rsiena", out, wijk=wijk, nonresponse=nonresponse)
