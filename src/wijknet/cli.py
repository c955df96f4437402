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
    "progress": {"nl": "Netwerken analyseren", "en": "Analysing networks"},
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
    (one row per wijk and wave) and mixing.csv (ties between domains).
    """
    from .analysis import analyse as run_analysis

    project = _load(data_dir)
    total = len(project.wijken) * len(project.waves)
    with tqdm(total=total, desc=text(TEXTS, "progress"), unit="netwerk", file=sys.stderr, disable=None) as bar:
        result = run_analysis(
            project,
            n_permutations=permutations,
            seed=seed,
            n_jobs=jobs,
            progress=lambda done, _total: bar.update(1),
            tie_types=tie_type or None,
            min_weight=min_weight,
            symmetrise=None if symmetrise is Symmetrise.none else symmetrise.value,
        )
    written = result.write(out)
    typer.echo(text(TEXTS, "written", files=", ".join(str(p) for p in written)))


@app.command(name="app")
def run_app(
    data_dir: Annotated[Optional[Path], typer.Argument(help="Project folder to open. Default: the fictional demo project.")] = None,
    port: Annotated[int, typer.Option(help="Port of the local web server.")] = 8501,
    browser: Annotated[bool, typer.Option(help="Open the app in the web browser.")] = True,
) -> None:
    """Open the wijknet app (network map, measures, connectors) in the browser."""
    env = dict(os.environ)
    if data_dir is not None:
        _load(data_dir)  # fail here, with the message, rather than in the browser
        env["WIJKNET_PROJECT"] = str(data_dir.resolve())
    from .webapp import streamlit_command

    command = streamlit_command(port, headless=not browser)
    raise typer.Exit(code=subprocess.call(command, env=env))


def main() -> None:
    app()
