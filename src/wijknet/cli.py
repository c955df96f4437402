"""The ``wijknet`` command line: a thin shell over the library."""

from __future__ import annotations

import os
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from tqdm import tqdm

from . import __version__
from .errors import DataError
from .i18n import set_language, text
from .project import load_project

TEXTS = {
    "nothing_written": {"nl": "Er is niets geschreven.", "en": "Nothing was written."},
    "demo_exists": {
        "nl": "De map {folder} bestaat al en is niet leeg; kies een andere map of gebruik --force.",
        "en": "The folder {folder} already exists and is not empty; choose another folder or use --force.",
    },
    "demo_done": {
        "nl": "Fictief demoproject geschreven naar {folder}. Open het met: wijknet app {folder}",
        "en": "Fictional demo project written to {folder}. Open it with: wijknet app {folder}",
    },
    "valid": {
        "nl": "In orde: {actors} actoren, {ties} relaties, {wijken} wijk(en), metingen: {waves}.",
        "en": "Valid: {actors} actors, {ties} ties, {wijken} wijk(en), waves: {waves}.",
    },
    "written": {"nl": "Geschreven: {files}", "en": "Written: {files}"},
    "valid_responses": {"nl": "Enquête: {n} ingevulde vragenlijsten (responses).", "en": "Survey: {n} responses."},
    "progress": {"nl": "Netwerken analyseren", "en": "Analysing networks"},
    "no_responses": {
        "nl": "Het project heeft geen enquêteantwoorden (responses.csv of .xlsx ontbreekt of is leeg); er is niets te tonen.",
        "en": "The project has no survey responses (responses.csv or .xlsx is missing or empty); there is nothing to show.",
    },
    "kpi_title": {
        "nl": "KPI 3: aandeel actieve deelnemers dat meer integraal en domeinoverstijgend samenwerkt (antwoord 4-5)",
        "en": "KPI 3: share of active participants who work more integrally and across domains (answer 4-5)",
    },
    "kpi_note": {
        "nl": "Status volgens de regels van het programma, op het gemeten aandeel: binnen of boven de band = doorgaan; "
              "eerste keer onder de band = analyse gevraagd; twee keer op rij onder de band = verbeterplan.",
        "en": "Status by the programme's rules, on the measured share: within or above the band = continue; "
              "below the band for the first time = analysis asked; below twice in a row = improvement plan.",
    },
    "col_wijk": {"nl": "wijk", "en": "wijk"},
    "col_wave": {"nl": "meting", "en": "wave"},
    "col_respondents": {"nl": "respons", "en": "responses"},
    "col_active": {"nl": "actief", "en": "active"},
    "col_answered": {"nl": "antwoord", "en": "answered"},
    "col_agree": {"nl": "eens", "en": "agree"},
    "col_share": {"nl": "aandeel", "en": "share"},
    "col_ci": {"nl": "95%-interval", "en": "95% interval"},
    "col_band": {"nl": "band", "en": "band"},
    "col_status": {"nl": "status", "en": "status"},
}


class Symmetrise(str, Enum):
    none = "none"
    union = "union"
    reciprocated = "reciprocated"


class Language(str, Enum):
    nl = "nl"
    en = "en"


app = typer.Typer(
    name="wijknet",
    help="wijknet: collaboration networks per wijk and wave (PlusWIJken). "
    "Reads a project folder with actors.csv and ties.csv, computes network measures and opens the network map.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(exc: DataError, wrote: bool = False) -> None:
    typer.echo(exc.report(), err=True)
    if not wrote:
        typer.echo(text(TEXTS, "nothing_written"), err=True)
    raise typer.Exit(code=2)


def _load(folder: Path):
    try:
        project = load_project(folder)
    except DataError as exc:
        _fail(exc)
    for warning in project.warnings:
        typer.echo(warning, err=True)
    return project


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wijknet {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    lang: Annotated[Language, typer.Option("--lang", help="Language of messages: nl (Dutch, default) or en.")] = Language.nl,
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and stop.")] = None,
) -> None:
    set_language(lang.value)


@app.command()
def demo(
    folder: Annotated[Path, typer.Argument(help="Folder to write the demo project to (created if needed).")],
    seed: Annotated[int, typer.Option(help="Random seed; the same seed always gives the same demo.")] = 2025,
    force: Annotated[bool, typer.Option("--force", help="Write into a folder that already has files.")] = False,
) -> None:
    """Write the fictional demo project: six pilot wijken, three waves (2025-2027)."""
    from .demo import write_demo

    if folder.exists() and any(folder.iterdir()) and not force:
        typer.echo(text(TEXTS, "demo_exists", folder=folder), err=True)
        raise typer.Exit(code=2)
    write_demo(folder, seed=seed)
    typer.echo(text(TEXTS, "demo_done", folder=folder))


@app.command()
def validate(
    data_dir: Annotated[Path, typer.Argument(help="Project folder with actors.csv/.xlsx and ties.csv/.xlsx.")],
) -> None:
    """Check a project folder and report every problem with file, row and column."""
    project = _load(data_dir)
    typer.echo(text(TEXTS, "valid", actors=len(project.actors), ties=len(project.ties),
                    wijken=len(project.wijken), waves=", ".join(project.waves)))
    if project.has_responses:
        typer.echo(text(TEXTS, "valid_responses", n=len(project.responses)))


@app.command()
def analyse(
    data_dir: Annotated[Path, typer.Argument(help="Project folder with actors.csv/.xlsx and ties.csv/.xlsx.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the result files (created if needed).")],
    permutations: Annotated[int, typer.Option(help="Number of random relabellings for the p-value of the E-I index.")] = 1000,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed always gives the same p-values.")] = 0,
    tie_type: Annotated[Optional[list[str]], typer.Option("--tie-type", help="Use only ties of this type; repeat for several types. Default: all types.")] = None,
    min_weight: Annotated[Optional[float], typer.Option(help="Use only ties with at least this weight (e.g. contact frequency).")] = None,
    symmetrise: Annotated[Symmetrise, typer.Option(help="none: keep the direction of ties; union: a tie counts if either side reports it; reciprocated: only ties both sides report.")] = Symmetrise.none,
    jobs: Annotated[int, typer.Option(help="Networks analysed at the same time (-1 = all processor cores).")] = 1,
) -> None:
    """Compute the network measures of every wijk and wave and write them as CSV files.

    Writes actor_metrics.csv (one row per actor, wijk and wave), network_metrics.csv
    (one row per wijk and wave), mixing.csv (ties between domains), change.csv
    (ties kept, new and lost between consecutive waves) and, when the project has
    responses.csv, kpi3.csv (the KPI 3 monitor).
    """
    from .analysis import analyse as run_analysis

    project = _load(data_dir)
    total = len(project.wijken) * (2 * len(project.waves) - 1)  # graphs plus comparisons of consecutive waves
    with tqdm(total=total, desc=text(TEXTS, "progress"), unit="netwerk", file=sys.stderr, disable=None) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        result = run_analysis(
            project,
            n_permutations=permutations,
            seed=seed,
            n_jobs=jobs,
            progress=progress,
            tie_types=tie_type or None,
            min_weight=min_weight,
            symmetrise=None if symmetrise is Symmetrise.none else symmetrise.value,
        )
    written = result.write(out)
    typer.echo(text(TEXTS, "written", files=", ".join(str(p) for p in written)))


def _text_table(rows: list[dict]) -> str:
    """Rows as an aligned plain-text table: numbers right-aligned, text left-aligned."""
    columns = list(rows[0])
    cells = [[str(r[c]) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    right = [all(isinstance(r[c], (int, float)) for r in rows) for c in columns]

    def line(values):
        return "  ".join(v.rjust(w) if r else v.ljust(w) for v, w, r in zip(values, widths, right)).rstrip()

    return "\n".join([line(columns), line("-" * w for w in widths), *(line(row) for row in cells)])


@app.command()
def kpi(
    data_dir: Annotated[Path, typer.Argument(help="Project folder with actors.csv, ties.csv and responses.csv (or .xlsx).")],
) -> None:
    """Show the KPI 3 monitor: per wijk and wave the share of active participants who work
    more integrally and across domains, its 95% interval, the year's band and the status."""
    from .i18n import format_number
    from .kpi import ALL_WIJKEN, kpi3, status_label
    from .kpi import TEXTS as KPI_TEXTS

    project = _load(data_dir)
    if not project.has_responses:
        typer.echo(text(TEXTS, "no_responses"), err=True)
        raise typer.Exit(code=1)
    table = kpi3(project)

    def pct(value: float) -> str:
        return "–" if value != value else format_number(100 * value, 0) + "%"

    rows = []
    for r in table.itertuples(index=False):
        rows.append({
            text(TEXTS, "col_wijk"): text(KPI_TEXTS, "all_wijken") if r.wijk == ALL_WIJKEN and r.pooled else r.wijk,
            text(TEXTS, "col_wave"): r.wave,
            text(TEXTS, "col_respondents"): r.respondents,
            text(TEXTS, "col_active"): r.active_respondents,
            text(TEXTS, "col_answered"): r.answered,
            text(TEXTS, "col_agree"): r.agree,
            text(TEXTS, "col_share"): pct(r.share),
            text(TEXTS, "col_ci"): "–" if r.answered == 0 else f"{pct(r.ci_low)} – {pct(r.ci_high)}",
            text(TEXTS, "col_band"): "–" if r.band_min != r.band_min else f"{pct(r.band_min)} – {pct(r.band_max)}",
            text(TEXTS, "col_status"): status_label(r.status),
        })  # fmt: skip
    typer.echo(text(TEXTS, "kpi_title"))
    typer.echo("")
    typer.echo(_text_table(rows))
    typer.echo("")
    typer.echo(text(TEXTS, "kpi_note"))


@app.command()
def export(
    data_dir: Annotated[Path, typer.Argument(help="Project folder with actors.csv/.xlsx and ties.csv/.xlsx.")],
    fmt: Annotated[str, typer.Option("--format", help="graphml, gexf (Gephi, with the waves on the timeline), xlsx (Excel workbook with codebook), pajek, dl (UCINET) or rsiena (wave arrays and an R script).")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the files (created if needed); for xlsx also a file name ending in .xlsx.")],
    wijk: Annotated[Optional[str], typer.Option("--wijk", help="Export only this wijk. Default: all wijken.")] = None,
    wave: Annotated[Optional[str], typer.Option("--wave", help="Export only this wave (not for rsiena). Default: all waves.")] = None,
    permutations: Annotated[int, typer.Option(help="xlsx: random relabellings for the p-value of the E-I index.")] = 1000,
    seed: Annotated[int, typer.Option(help="xlsx: random seed of the permutation test.")] = 0,
) -> None:
    """Write the networks for the tools researchers use: Gephi, igraph, Pajek, UCINET, Excel or RSiena.

    File names are made from the wijk and wave names (lower case, without accents);
    see docs/exports.md for what each format holds.
    """
    from .export import check_format, export_project

    try:
        fmt = check_format(fmt)
    except DataError as exc:
        _fail(exc)
    project = _load(data_dir)
    options = {"n_permutations": permutations, "seed": seed} if fmt == "xlsx" else {}
    try:
        written = export_project(project, fmt, out, wijk=wijk, wave=wave, **options)
    except DataError as exc:
        _fail(exc)
    typer.echo(text(TEXTS, "written", files=", ".join(str(p) for p in written)))


@app.command(name="app")
def run_app(
    data_dir: Annotated[Optional[Path], typer.Argument(help="Project folder to open. Default: the fictional demo project.")] = None,
    port: Annotated[int, typer.Option(help="Port of the local web server.")] = 8501,
    browser: Annotated[bool, typer.Option(help="Open the app in the web browser.")] = True,
    address: Annotated[str, typer.Option(help="Network address to listen on. The default, localhost, keeps the app (and its personal data) on this computer.")] = "localhost",
) -> None:
    """Open the wijknet app (network map, measures, connectors) in the browser."""
    env = dict(os.environ)
    if data_dir is not None:
        _load(data_dir)  # fail here, with the message, rather than in the browser
        env["WIJKNET_PROJECT"] = str(data_dir.resolve())
    from .webapp import streamlit_command

    command = streamlit_command(port, headless=not browser, address=address)
    raise typer.Exit(code=subprocess.call(command, env=env))


def main() -> None:
    app()
