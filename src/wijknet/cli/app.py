"""The ``wijknet`` command line: a thin shell over the library."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from tqdm import tqdm

from wijknet import cache as results_cache
from wijknet.cli.console import fail, text_table
from wijknet.core.errors import DataError
from wijknet.core.i18n import set_language, text
from wijknet.core.settings import PERMUTATIONS
from wijknet.core.version import __version__
from wijknet.privacy.load import load_project
from wijknet.store.audit import record_if_store

TEXTS = {
    "demo_exists": {
        "nl": "De map {folder} bestaat al en is niet leeg; kies een andere map of gebruik --force.",
        "en": "The folder {folder} already exists and is not empty; choose another folder or use --force.",
    },
    "demo_raw_done": {
        "nl": "Fictieve ruwe exports (wijk {wijk}, meting {wave}) geschreven naar {folder}; zie {folder}/LEESMIJ.txt om ze te importeren.",
        "en": "Fictional raw exports (wijk {wijk}, wave {wave}) written to {folder}; see {folder}/LEESMIJ.txt to import them.",
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
    "bad_kind": {
        "nl": "Onbekend soort rapport '{kind}'; kies uit: {kinds}.",
        "en": "Unknown report kind '{kind}'; choose from: {kinds}.",
    },
    "steering_options": {
        "nl": "--kind stuurgroep vraagt --period (bijvoorbeeld 2026-H2, of 2026 voor het jaareinde) en geen --wijk.",
        "en": "--kind stuurgroep needs --period (e.g. 2026-H2, or 2026 for the year end) and no --wijk.",
    },
    "valid_responses": {
        "nl": "Enquête: {n} ingevulde vragenlijsten (responses).",
        "en": "Survey: {n} responses.",
    },
    "valid_wijken": {
        "nl": "Wijkgegevens (wijken): {n} wijken, waarvan {comparison} vergelijkingswijk(en); fasen voor {phases} wijk-metingen.",
        "en": "Wijk metadata (wijken): {n} wijken, {comparison} of them comparison wijken; phases for {phases} wijk-waves.",
    },
    "valid_ppi": {
        "nl": "Procesindicatoren (ppi): {n} waarden in {periods} periode(n).",
        "en": "Process indicators (ppi): {n} values in {periods} period(s).",
    },
    "valid_kpi_corrections": {
        "nl": "KPI-correcties (kpi_corrections): {n}.",
        "en": "KPI corrections (kpi_corrections): {n}.",
    },
    "progress": {"nl": "Netwerken analyseren", "en": "Analysing networks"},
    # --- scale ---
    "cache_off": {
        "nl": "De resultatencache staat uit (WIJKNET_NO_CACHE).",
        "en": "The results cache is switched off (WIJKNET_NO_CACHE).",
    },
    "cache_warmed": {
        "nl": "Resultatencache gevuld: {n} resultaten in {path}",
        "en": "Results cache filled: {n} results in {path}",
    },
    "cache_failed": {
        "nl": "Deze pagina's gaven een fout: {pages}",
        "en": "These pages raised an error: {pages}",
    },
    "cache_cleared": {
        "nl": "Resultatencache verwijderd: {path}",
        "en": "Results cache deleted: {path}",
    },
    "cache_empty": {
        "nl": "Er was geen resultatencache ({path}).",
        "en": "There was no results cache ({path}).",
    },
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
    "forget_confirm": {
        "nl": "Actor {actor} en alle gegevens over deze persoon definitief verwijderen?",
        "en": "Remove actor {actor} and all data about this person for good?",
    },
    "forgotten": {
        "nl": "Verwijderd: {actor} ({observations} waarnemingen van relaties, {responses} antwoorden, "
        "{files} oorspronkelijke bestanden, {orphans} achtergebleven kopieën van afgebroken imports); "
        "{redacted} vermeldingen bij anderen (citaten, bestandsnamen) onleesbaar gemaakt.",
        "en": "Removed: {actor} ({observations} tie observations, {responses} responses, {files} original files, "
        "{orphans} copies left behind by interrupted imports); {redacted} mentions by others (quotes, file names) "
        "redacted.",
    },
    "forget_wal_busy": {
        "nl": "Let op: een ander programma (de app of een live-server) heeft het project open, daardoor kan het "
        "logbestand wijknet.sqlite-wal nog verwijderde gegevens bevatten. Sluit dat programma: zodra niemand het "
        "project meer open heeft, wordt het logbestand leeggemaakt (controleer met 'wijknet status {folder}').",
        "en": "Note: another program (the app or a live server) has the project open, so the log file "
        "wijknet.sqlite-wal may still hold removed data. Close that program: as soon as nobody has the project "
        "open, the log file is emptied (check with 'wijknet status {folder}').",
    },
    "ingest_notes": {
        "nl": "{n} opmerkingen (die niet tot stoppen leidden) staan in {file}; ze worden niet getoond omdat ze antwoorden "
        "en namen uit de export kunnen aanhalen.",
        "en": "{n} notes (that did not stop the import) are in {file}; they are not shown because they may quote answers "
        "and names from the export.",
    },
    "key_reset_confirm": {
        "nl": "Een nieuwe pseudoniemsleutel voor {folder} maken? Alle pseudoniemen veranderen; wat eerder is gedeeld, "
        "is daarna niet meer te koppelen.",
        "en": "Make a new pseudonym key for {folder}? Every pseudonym changes; what was shared before can no longer be "
        "linked.",
    },
    "key_reset_done": {
        "nl": "Nieuwe pseudoniemsleutel gemaakt (vingerafdruk {fingerprint}). Maak een back-up van het sleutelbestand.",
        "en": "New pseudonym key made (fingerprint {fingerprint}). Make a backup of the key file.",
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


class Weight(str, Enum):
    """The tie strengths of :data:`wijknet.graph.build.WEIGHTS`."""

    weight = "weight"
    intensity = "intensity"
    trust = "trust"


class NonResponse(str, Enum):
    """The treatments of :data:`wijknet.analysis.nonresponse.METHODS`."""

    none = "none"
    drop = "drop"
    reconstruct = "reconstruct"
    impute = "impute"
    impute_reciprocity = "impute_reciprocity"


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


#: The audience of a command that reads a project when none is given: a researcher, persons pseudonymised.
DEFAULT_AUDIENCE = "onderzoeker"
AUDIENCE_HELP = (
    "Who the output is for: onderzoeker (all wijken, persons pseudonymised), wijkteam:<wijk> (that wijk "
    "only; names of consenting professionals and organisations) or leernetwerk (anonymous: no names, small "
    "groups merged or left out). See docs/privacy.md."
)
UNLOCK_HELP = "onderzoeker only: real names and ids instead of pseudonyms (recorded in the audit log of a project store)."
#: ``--audience`` and ``--unlock`` for every command that reads a project (see :func:`open_project`).
AudienceOption = Annotated[str, typer.Option("--audience", help=AUDIENCE_HELP)]
UnlockOption = Annotated[bool, typer.Option("--unlock", help=UNLOCK_HELP)]


def open_project(
    folder: Path, audience: str = DEFAULT_AUDIENCE, unlock: bool = False, *, command: str = ""
):
    """The one place that decides what a command that reads a project sees.

    Every command that reads a project calls this (or :func:`open_full_project`
    for the two that must read the stored ids). The project comes restricted
    to ``audience`` (:func:`wijknet.privacy.restrict`): by default an
    onderzoeker with persons pseudonymised; real names and ids only with
    ``unlock``, which a project store's audit log records (``unlock``, with
    the command). On a problem the command stops with the message (exit 2).
    """
    from wijknet.privacy import Audience

    try:
        parsed = Audience.parse(audience, unlocked=unlock)
        project = load_project(folder, audience=parsed)
    except DataError as exc:
        fail(exc)
    if unlock:
        record_if_store(folder, "unlock", command=command, audience=str(parsed))
    for warning in project.warnings:
        typer.echo(warning, err=True)
    return project


def open_full_project(folder: Path):
    """The project as stored, for the commands whose output is not shown to anyone as it is.

    Only ``ingest`` (the survey export carries the stored actor ids, which it
    must match; what it writes are the researcher's own review files, and it
    prints counts only) and ``anonymise`` (what it writes is anonymous by
    construction, :mod:`wijknet.privacy.anonymise`) use it.
    """
    try:
        project = load_project(folder)
    except DataError as exc:
        fail(exc)
    for warning in project.warnings:
        typer.echo(warning, err=True)
    return project


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wijknet {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    lang: Annotated[
        Language, typer.Option("--lang", help="Language of messages: nl (Dutch, default) or en.")
    ] = Language.nl,
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and stop."
        ),
    ] = None,
) -> None:
    set_language(lang.value)


@app.command()
def demo(
    folder: Annotated[
        Path, typer.Argument(help="Folder to write the demo project to (created if needed).")
    ],
    seed: Annotated[
        int, typer.Option(help="Random seed; the same seed always gives the same demo.")
    ] = 2025,
    force: Annotated[
        bool, typer.Option("--force", help="Write into a folder that already has files.")
    ] = False,
    raw: Annotated[
        bool,
        typer.Option(
            "--raw",
            help="Write raw exports instead of a project: actors.csv, a Qualtrics and a LimeSurvey export, Network Canvas files and a coded-interview sheet, to try wijknet init and wijknet import.",
        ),
    ] = False,
    wijk: Annotated[
        str, typer.Option("--wijk", help="With --raw: the wijk of the exports.")
    ] = "Daalhof",
    wave: Annotated[
        str,
        typer.Option("--wave", help="With --raw: the wave of the exports (2025, 2026 or 2027)."),
    ] = "2026",
) -> None:
    """Write the fictional demo project: six pilot wijken, three waves (2025-2027); or, with --raw, its raw exports."""
    from wijknet.datasets.demo import write_demo
    from wijknet.datasets.demo_raw import write_raw_exports

    if folder.exists() and any(folder.iterdir()) and not force:
        fail(text(TEXTS, "demo_exists", folder=folder))
    if raw:
        try:
            write_raw_exports(folder, wijk=wijk, wave=wave, seed=seed)
        except ValueError as exc:
            fail(str(exc))
        typer.echo(text(TEXTS, "demo_raw_done", folder=folder, wijk=wijk, wave=wave))
        return
    write_demo(folder, seed=seed)
    typer.echo(text(TEXTS, "demo_done", folder=folder))


@app.command()
def validate(
    data_dir: Annotated[
        Path, typer.Argument(help="Project folder with actors.csv/.xlsx and ties.csv/.xlsx.")
    ],
) -> None:
    """Check a project folder and report every problem with file, row and column."""
    from wijknet.io.tidy import check_analysable

    project = open_project(data_dir, command="validate")
    try:
        check_analysable(project)
    except DataError as exc:
        fail(exc)
    typer.echo(
        text(
            TEXTS,
            "valid",
            actors=len(project.actors),
            ties=len(project.ties),
            wijken=len(project.wijken),
            waves=", ".join(project.waves),
        )
    )
    if project.has_responses:
        typer.echo(text(TEXTS, "valid_responses", n=len(project.responses)))
    if len(project.wijk_meta):
        comparison = sum(g == "comparison" for g in project.wijk_groups().values())
        typer.echo(text(TEXTS, "valid_wijken", n=len(project.wijk_meta), comparison=comparison,
                        phases=len(project.wijk_phases)))  # fmt: skip
    if len(project.ppi):
        typer.echo(
            text(TEXTS, "valid_ppi", n=len(project.ppi), periods=project.ppi["period"].nunique())
        )
    if len(project.kpi_corrections):
        typer.echo(text(TEXTS, "valid_kpi_corrections", n=len(project.kpi_corrections)))


@app.command()
def analyse(
    data_dir: Annotated[
        Path, typer.Argument(help="Project folder with actors.csv/.xlsx and ties.csv/.xlsx.")
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Folder for the result files (created if needed).")
    ],
    permutations: Annotated[
        int, typer.Option(help="Number of random relabellings for the p-value of the E-I index.")
    ] = PERMUTATIONS,
    seed: Annotated[
        int, typer.Option(help="Random seed; the same seed always gives the same p-values.")
    ] = 0,
    tie_type: Annotated[
        list[str] | None,
        typer.Option(
            "--tie-type",
            help="Use only ties of this type; repeat for several types. Default: all types.",
        ),
    ] = None,
    min_weight: Annotated[
        float | None,
        typer.Option(help="Use only ties with at least this weight (e.g. contact frequency)."),
    ] = None,
    symmetrise: Annotated[
        Symmetrise,
        typer.Option(
            help="none: keep the direction of ties; union: a tie counts if either side reports it; reciprocated: only ties both sides report."
        ),
    ] = Symmetrise.none,
    weight: Annotated[
        Weight,
        typer.Option(
            help="Tie strength: weight (the ties table's weight); intensity (the PARTNER collaboration level 1-4 of the survey answer); trust (the answer's PARTNER trust score). Ties without a rating are left out of an intensity or trust view. Researchers only (ratings are personal data)."
        ),
    ] = Weight.weight,
    min_level: Annotated[
        int | None,
        typer.Option(
            help="Keep only ties at this collaboration level or higher (3 = coordination and integration). Researchers only."
        ),
    ] = None,
    jobs: Annotated[
        int, typer.Option(help="Networks analysed at the same time (-1 = all processor cores).")
    ] = 1,
    nonresponse: Annotated[
        NonResponse,
        typer.Option(
            "--nonresponse",
            help="Treatment of actors who did not fill in the survey: none (as observed); drop (respondents only); reconstruct (a tie a respondent reports with a non-respondent counts both ways); impute (reconstruct, then ties between two non-respondents at random with the observed density); impute_reciprocity (as impute, but pairs of non-respondents also return ties as often as respondents do). Seeded with --seed. See docs/methods.md.",
        ),
    ] = NonResponse.none,
    audience: AudienceOption = DEFAULT_AUDIENCE,
    unlock: UnlockOption = False,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Address of a Dask scheduler (tcp://host:8786): the networks are analysed on that cluster instead of here; the numbers are the same. See docs/scaling.md."
        ),
    ] = None,
    cache: Annotated[
        bool,
        typer.Option(
            help="Keep the result in the project's results cache (.wijknet-cache/) and reuse it when nothing changed; also fills the app's cache of the same data."
        ),
    ] = True,
    warm: Annotated[
        bool,
        typer.Option(
            "--warm",
            help="Then also compute what every app page shows first (as wijknet cache warm), so that after a restart every page opens at once.",
        ),
    ] = False,
) -> None:
    """Compute the network measures of every wijk and wave and write them as CSV files.

    Writes actor_metrics.csv (one row per actor, wijk and wave), network_metrics.csv
    (one row per wijk and wave), mixing.csv (ties between domains), change.csv
    (ties kept, new and lost between consecutive waves) and, when the project has
    responses.csv, kpi3.csv (the KPI 3 monitor). The last column nonresponse of
    actor_metrics.csv, network_metrics.csv, mixing.csv and ei_domains.csv names the
    treatment of non-response (--nonresponse); change.csv uses the observed ties.
    For --audience leernetwerk there is no actor_metrics.csv and every count is
    protected by the disclosure-control rule (docs/privacy.md).
    """
    from wijknet.analysis.standard import analyse as run_analysis
    from wijknet.io.tidy import check_analysable

    project = open_project(data_dir, audience, unlock, command="analyse")
    try:
        check_analysable(project)
    except DataError as exc:
        fail(exc)
    with tqdm(
        total=None, desc=text(TEXTS, "progress"), unit="netwerk", file=sys.stderr, disable=None
    ) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        options = dict(n_permutations=permutations, seed=seed, tie_types=tie_type or None,
                       min_weight=min_weight, nonresponse=nonresponse.value, weight=weight.value, min_level=min_level,
                       symmetrise=None if symmetrise is Symmetrise.none else symmetrise.value)  # fmt: skip
        try:
            result = results_cache.cached(
                data_dir if cache else None,
                project,
                "wijknet.analysis.standard.analyse",
                options,
                f"{project.audience}|{unlock}",
                lambda: run_analysis(
                    project, n_jobs=jobs, progress=progress, scheduler=scheduler, **options
                ),
            )
        except DataError as exc:  # e.g. weighting by ratings for an audience without ratings
            fail(exc)
    written = result.write(out)
    typer.echo(text(TEXTS, "written", files=", ".join(str(p) for p in written)))
    if warm and cache and results_cache.enabled():
        from wijknet.webapp.warm import warm as warm_cache

        report = warm_cache(data_dir)
        typer.echo(
            text(
                TEXTS, "cache_warmed", n=report["entries"], path=results_cache.cache_path(data_dir)
            )
        )
        if report["failed"]:
            typer.echo(text(TEXTS, "cache_failed", pages=", ".join(report["failed"])), err=True)


cache_app = typer.Typer(
    help="The project's results cache (.wijknet-cache/ beside the data): fill, list or empty it.",
    no_args_is_help=True,
)
app.add_typer(cache_app, name="cache")


@cache_app.command(name="warm")
def cache_warm(
    data_dir: Annotated[Path, typer.Argument(help="Project folder or project store.")],
    audience: Annotated[
        list[str] | None,
        typer.Option(
            "--audience",
            help="For a store: compute for this audience (repeat; default: onderzoeker and every user's audience).",
        ),
    ] = None,
) -> None:
    """Compute what every app page shows first and keep it, so the pages open at once after a restart.

    Run it after an import (wijknet import empties the cache: the data changed).
    """
    from wijknet.webapp.warm import warm

    if not results_cache.enabled():
        typer.echo(text(TEXTS, "cache_off"))
        raise typer.Exit(1)
    report = warm(data_dir, audience or None)
    typer.echo(
        text(TEXTS, "cache_warmed", n=report["entries"], path=results_cache.cache_path(data_dir))
    )
    if report["failed"]:
        typer.echo(text(TEXTS, "cache_failed", pages=", ".join(report["failed"])), err=True)


@cache_app.command(name="list")
def cache_list(
    data_dir: Annotated[Path, typer.Argument(help="Project folder or project store.")],
) -> None:
    """List the cached results (name, audience, size); no values are shown."""
    table = results_cache.entries(data_dir)
    typer.echo(table.drop(columns=["data_hash"]).to_string(index=False) if len(table) else "-")


@cache_app.command(name="clear")
def cache_clear(
    data_dir: Annotated[Path, typer.Argument(help="Project folder or project store.")],
) -> None:
    """Delete the results cache of the project (it is rebuilt on demand)."""
    found = results_cache.clear(data_dir)
    typer.echo(
        text(
            TEXTS,
            "cache_cleared" if found else "cache_empty",
            path=results_cache.cache_path(data_dir),
        )
    )


@app.command()
def kpi(
    data_dir: Annotated[
        Path,
        typer.Argument(
            help="Project folder with actors.csv, ties.csv and responses.csv (or .xlsx)."
        ),
    ],
    audience: AudienceOption = DEFAULT_AUDIENCE,
) -> None:
    """Show the KPI 3 monitor per wijk and wave.

    The share of active participants who work more integrally and across domains, its 95% interval,
    the year's band and the status.
    """
    from wijknet.analysis.kpi import kpi3, status_label, wijk_label
    from wijknet.core import formatting as fmt

    project = open_project(data_dir, audience, command="kpi")
    if not project.has_responses:
        typer.echo(text(TEXTS, "no_responses"), err=True)
        raise typer.Exit(code=1)
    table = kpi3(project)

    pct = fmt.percent
    rows = []
    for r in table.itertuples(index=False):
        rows.append({
            text(TEXTS, "col_wijk"): wijk_label(r.wijk) if r.pooled else r.wijk,
            text(TEXTS, "col_wave"): r.wave,
            text(TEXTS, "col_respondents"): r.respondents,
            text(TEXTS, "col_active"): r.active_respondents,
            text(TEXTS, "col_answered"): r.answered,
            text(TEXTS, "col_agree"): r.agree,
            text(TEXTS, "col_share"): pct(r.share),
            text(TEXTS, "col_ci"): "–" if r.answered == 0 else f"{pct(r.ci_low)} – {pct(r.ci_high)}",
            text(TEXTS, "col_band"): "–" if fmt.is_missing(r.band_min) else f"{pct(r.band_min)} – {pct(r.band_max)}",
            text(TEXTS, "col_status"): status_label(r.status),
        })  # fmt: skip
    typer.echo(text(TEXTS, "kpi_title"))
    typer.echo("")
    typer.echo(text_table(rows))
    typer.echo("")
    typer.echo(text(TEXTS, "kpi_note"))


@app.command()
def export(
    data_dir: Annotated[
        Path, typer.Argument(help="Project folder with actors.csv/.xlsx and ties.csv/.xlsx.")
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="graphml, gexf (Gephi, with the waves on the timeline), xlsx (Excel workbook with codebook), pajek, dl (UCINET) or rsiena (wave arrays and an R script). For --audience leernetwerk only xlsx: group figures, no actors or ties.",
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Folder for the files (created if needed); for xlsx also a file name ending in .xlsx.",
        ),
    ],
    wijk: Annotated[
        str | None, typer.Option("--wijk", help="Export only this wijk. Default: all wijken.")
    ] = None,
    wave: Annotated[
        str | None,
        typer.Option("--wave", help="Export only this wave (not for rsiena). Default: all waves."),
    ] = None,
    permutations: Annotated[
        int, typer.Option(help="xlsx: random relabellings for the p-value of the E-I index.")
    ] = PERMUTATIONS,
    seed: Annotated[int, typer.Option(help="xlsx: random seed of the permutation test.")] = 0,
    audience: AudienceOption = DEFAULT_AUDIENCE,
    unlock: UnlockOption = False,
) -> None:
    """Write the networks for the tools researchers use: Gephi, igraph, Pajek, UCINET, Excel or RSiena.

    File names are made from the wijk and wave names (lower case, without accents);
    see docs/exports.md for what each format holds.
    """
    from wijknet.export import check_format, export_project

    try:
        fmt = check_format(fmt)
    except DataError as exc:
        fail(exc)
    import warnings

    from wijknet.export.ucinet import ExportWarning

    project = open_project(data_dir, audience, unlock, command="export")
    options = {"n_permutations": permutations, "seed": seed} if fmt == "xlsx" else {}
    facts = {"format": fmt, "audience": audience, "unlocked": unlock, "wijk": wijk, "wave": wave}
    # recorded before writing, so an export that is killed midway still has its entry
    record_if_store(data_dir, "export", status="started", **facts)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ExportWarning)
            written = export_project(project, fmt, out, wijk=wijk, wave=wave, **options)
    except DataError as exc:
        record_if_store(data_dir, "export", status="failed", **facts)
        fail(exc)
    record_if_store(
        data_dir, "export", status="done", files=[Path(p).name for p in written], **facts
    )
    for warning in caught:
        if issubclass(warning.category, ExportWarning):
            typer.echo(str(warning.message), err=True)
    typer.echo(text(TEXTS, "written", files=", ".join(str(p) for p in written)))


@app.command()
def report(
    data_dir: Annotated[
        Path, typer.Argument(help="Project folder with actors.csv/.xlsx and ties.csv/.xlsx.")
    ],
    out: Annotated[
        Path, typer.Option("--out", help="The report file: .html, or .pdf (needs Chromium).")
    ],
    wijk: Annotated[
        str | None,
        typer.Option(
            "--wijk",
            help="Report on this wijk. Without --wijk: the programme report across all wijken.",
        ),
    ] = None,
    wave: Annotated[
        str | None,
        typer.Option("--wave", help="The wave (meting) of the report. Default: the last wave."),
    ] = None,
    report_lang: Annotated[
        Language | None,
        typer.Option("--lang", help="Language of the report: nl (default) or en."),
    ] = None,
    permutations: Annotated[
        int, typer.Option(help="Random relabellings of the E-I and QAP tests (as wijknet analyse).")
    ] = PERMUTATIONS,
    seed: Annotated[
        int, typer.Option(help="Random seed; the same seed always gives the same p-values.")
    ] = 0,
    audience: AudienceOption = DEFAULT_AUDIENCE,
    unlock: UnlockOption = False,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help="stuurgroep: the steering-group report (half-yearly or year end, with go/no-go) of --period.",
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="Period of --kind stuurgroep: 2026-H1, 2026-H2 (half-yearly) or 2026 (year end).",
        ),
    ] = None,
) -> None:
    """Write a report to publish: one wijk (--wijk) or the programme overview for the steering group.

    With --kind stuurgroep --period 2026-H2 (or 2026 for the year end): the steering-group report
    with the go/no-go per wijk, KPI 3 with and without correction, network indicators, the
    difference-in-differences, what works where, phases and PPIs (researchers and leernetwerk only).

    The report holds the network map, the key measures explained, connectors and fragile bridges,
    domain mixing, change since the previous wave, KPI 3, response and data quality, and an appendix
    with definitions, references, the input files with their SHA-256 hashes, the seed and the number
    of permutations. A .html file is self-contained; a .pdf is printed with headless Chromium.
    """
    from wijknet.core.i18n import get_language
    from wijknet.report import PdfError, build_programme_report, build_wijk_report, write_report

    project = open_project(data_dir, audience, unlock, command="report")
    if kind is not None:
        _steering_report(
            project, data_dir, kind, period, wijk, out, report_lang, seed, audience, unlock
        )
        return
    try:
        if wijk is None:
            built = build_programme_report(
                project, wave, n_permutations=permutations, seed=seed, forest=True
            )
        else:
            built = build_wijk_report(project, wijk, wave, n_permutations=permutations, seed=seed)
    except DataError as exc:
        fail(exc)
    try:
        written = write_report(built, out, report_lang.value if report_lang else get_language())
    except PdfError as exc:
        fail(str(exc))
    record_if_store(
        data_dir,
        "report",
        format=Path(written).suffix.lstrip("."),
        audience=audience,
        unlocked=unlock,
        wijk=wijk,
        wave=wave,
        file=Path(written).name,
    )
    typer.echo(text(TEXTS, "written", files=written))


def _steering_report(
    project, data_dir, kind, period, wijk, out, report_lang, seed, audience, unlock
):
    """``wijknet report --kind stuurgroep --period ...``: the steering-group report (wijknet.report.steering)."""
    from wijknet.core.i18n import get_language
    from wijknet.report import PdfError
    from wijknet.report.steering import KINDS, build_steering_report, write_steering

    if kind not in KINDS:
        fail(text(TEXTS, "bad_kind", kind=kind, kinds=", ".join(KINDS)))
    if period is None or wijk is not None:
        fail(text(TEXTS, "steering_options"))
    try:
        built = build_steering_report(project, period, seed=seed)
        written = write_steering(built, out, report_lang.value if report_lang else get_language())
    except DataError as exc:
        fail(exc)
    except PdfError as exc:
        fail(str(exc))
    record_if_store(data_dir, "report", format=Path(written).suffix.lstrip("."), audience=audience,
                    unlocked=unlock, wijk=None, wave=period, file=Path(written).name)  # fmt: skip
    typer.echo(text(TEXTS, "written", files=written))


@app.command()
def feedback(
    data_dir: Annotated[
        Path, typer.Argument(help="Project folder with actors.csv/.xlsx and ties.csv/.xlsx.")
    ],
    wijk: Annotated[str, typer.Option("--wijk", help="The wijk.")],
    out: Annotated[
        Path, typer.Option("--out", help="Folder for the profiles (created if needed).")
    ],
    wave: Annotated[
        str | None, typer.Option("--wave", help="The wave (meting). Default: the last wave.")
    ] = None,
    report_lang: Annotated[
        Language | None,
        typer.Option("--lang", help="Language of the profiles: nl (default) or en."),
    ] = None,
    unlock: Annotated[
        bool,
        typer.Option(
            "--unlock",
            help="Address the profiles by real name (recorded in the audit log of a project store); without it the profiles carry pseudonyms.",
        ),
    ] = False,
) -> None:
    """Write a personal feedback profile (HTML) for every organisation and respondent of a wijk.

    Each profile shows the participant's place in the network and its ties by domain; how others
    rate the collaboration appears only as an aggregate of at least three others, never who said what.
    """
    from wijknet.core.i18n import get_language
    from wijknet.report.feedback import write_feedback

    project = open_project(data_dir, unlock=unlock, command="feedback")
    try:
        written = write_feedback(
            project,
            wijk,
            wave or (project.waves[-1] if project.waves else ""),
            out,
            report_lang.value if report_lang else get_language(),
        )
    except DataError as exc:
        fail(exc)
    typer.echo(text(TEXTS, "written", files=f"{len(written)} × {out}/feedback-*.html"))


class CodebookLanguage(str, Enum):
    nl = "nl"
    en = "en"
    both = "both"


class CodebookFormat(str, Enum):
    markdown = "markdown"
    html = "html"


class SurveyTool(str, Enum):
    qualtrics = "qualtrics"
    limesurvey = "limesurvey"
    google_forms = "google-forms"
    microsoft_forms = "microsoft-forms"


@app.command()
def codebook(
    codebook_lang: Annotated[
        CodebookLanguage | None,
        typer.Option(
            "--lang",
            help="Language of the texts: nl, en or both. Default: the language of the messages.",
        ),
    ] = None,
    fmt: Annotated[
        CodebookFormat, typer.Option("--format", help="markdown or html.")
    ] = CodebookFormat.markdown,
    out: Annotated[
        Path | None, typer.Option("--out", help="File to write. Default: print to the screen.")
    ] = None,
    instrument_file: Annotated[
        Path | None,
        typer.Option(
            "--instrument",
            help="Instrument YAML file. Default: the packaged wijknetwerk instrument.",
        ),
    ] = None,
    project_dir: Annotated[
        Path | None,
        typer.Option(
            "--project",
            help="Project folder: add the roster of every wijk (positions and actor_ids) for building the survey.",
        ),
    ] = None,
    wave: Annotated[
        str | None,
        typer.Option(
            "--wave",
            help="With --project: the wave whose actors are on the roster. Default: the last wave.",
        ),
    ] = None,
    unlock: Annotated[
        bool,
        typer.Option(
            "--unlock",
            help="With --project: the roster with real names and actor ids, as the survey needs them (recorded in the audit log of a project store); without it pseudonyms.",
        ),
    ] = False,
) -> None:
    """Write the codebook of the survey instrument: every question, its export columns and answer codes."""
    from wijknet.core.i18n import get_language
    from wijknet.ingest import Roster
    from wijknet.ingest.instrument import load_instrument, render_codebook

    try:
        instrument = load_instrument(instrument_file)
    except DataError as exc:
        fail(exc)
    roster = None
    if project_dir is not None:
        project = open_project(project_dir, unlock=unlock, command="codebook")
        try:
            roster = Roster.from_project(
                project, wave or (project.waves[-1] if project.waves else "")
            ).table()
        except DataError as exc:
            fail(exc)
    result = render_codebook(
        instrument,
        codebook_lang.value if codebook_lang else get_language(),
        fmt.value,
        roster=roster,
    )
    if out is None:
        typer.echo(result, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(result, encoding="utf-8")
    typer.echo(text(TEXTS, "written", files=str(out)))


@app.command()
def ingest(
    file: Annotated[Path, typer.Argument(help="The survey export (.csv or .xlsx).")],
    tool: Annotated[
        SurveyTool,
        typer.Option(
            "--tool",
            help="The survey tool that made the export: qualtrics, limesurvey, google-forms or microsoft-forms.",
        ),
    ],
    project_dir: Annotated[
        Path,
        typer.Option(
            "--project",
            help="Project folder whose actors.csv is the roster and the list of respondents.",
        ),
    ],
    wave: Annotated[
        str, typer.Option("--wave", help="The wave (meting) of the survey, e.g. 2026.")
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Folder for ties.csv, responses.csv, respondents.csv, write_ins.csv and problems.csv (created if needed).",
        ),
    ],
    wijk: Annotated[
        str | None,
        typer.Option(
            "--wijk",
            help="The wijk the survey was sent in; every response must be from it. Default: the wijk field of each response.",
        ),
    ] = None,
    roster_file: Annotated[
        Path | None,
        typer.Option(
            "--roster",
            help="Roster table (wijk, position, actor_id) when the survey's roster is not the order of actors.csv.",
        ),
    ] = None,
    import_ids: Annotated[
        Path | None,
        typer.Option(
            "--import-ids",
            help="Qualtrics: YAML file mapping export tags to QIDs (A_FREQ: QID12), to find renamed questions.",
        ),
    ] = None,
    instrument_file: Annotated[
        Path | None,
        typer.Option(
            "--instrument",
            help="Instrument YAML file. Default: the packaged wijknetwerk instrument.",
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet",
            help="The sheet of a workbook to read. Default: the first sheet with data (other sheets with data give a note).",
        ),
    ] = None,
    allow_missing: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-missing",
            help="A core question left out of the survey on purpose (e.g. referral, roster.referral or a group such as write_in); repeat for more. Its absence is then a note, not a stop.",
        ),
    ] = None,
) -> None:
    """Read a Qualtrics, LimeSurvey, Google Forms or Microsoft Forms export into tidy tables for review.

    Writes ties.csv (tidy ties with the answers and the file, row and column they come from),
    responses.csv (KPI 3, active, participation level), respondents.csv, write_ins.csv (parties
    named outside the roster, not yet actors) and problems.csv (notes that did not stop the import).
    Bad input stops with file, row and column, and nothing is written.
    """
    from wijknet.ingest import Roster, import_survey
    from wijknet.ingest.instrument import load_instrument

    project = open_full_project(project_dir)
    try:
        instrument = load_instrument(instrument_file)
        target = project
        if roster_file is not None:
            from wijknet.io.tables import read_table

            target = Roster.from_frame(
                read_table(roster_file, expected=("wijk", "position", "actor_id")), project
            )
        options = (
            {"import_ids": import_ids}
            if tool is SurveyTool.qualtrics and import_ids is not None
            else {}
        )
        if sheet is not None:
            options["sheet"] = sheet
        if allow_missing:
            options["allow_missing"] = allow_missing
        batch = import_survey(file, tool.value, target, instrument, wave=wave, wijk=wijk, **options)
    except DataError as exc:
        fail(exc)
    written = batch.write(out)
    if batch.problems:  # the notes quote answers and names from the export: they stay in the file
        typer.echo(
            text(TEXTS, "ingest_notes", n=len(batch.problems), file=Path(out) / "problems.csv"),
            err=True,
        )
    typer.echo(batch.summary())
    typer.echo(text(TEXTS, "written", files=", ".join(str(p) for p in written)))


instrument_app = typer.Typer(
    help="The survey instrument: check a survey against it before the fieldwork.",
    no_args_is_help=True,
)
app.add_typer(instrument_app, name="instrument")


@instrument_app.command(name="check")
def instrument_check(
    file: Annotated[
        Path,
        typer.Argument(help="A LimeSurvey survey structure (.lss, from Export survey structure)."),
    ],
    instrument_file: Annotated[
        Path | None,
        typer.Option(
            "--instrument",
            help="Instrument YAML file. Default: the packaged wijknetwerk instrument.",
        ),
    ] = None,
) -> None:
    """Compare a LimeSurvey survey (.lss) with the instrument.

    Lists missing and unknown questions, answer codes and sub-question codes. Exits with 2 when they differ.
    """
    from wijknet.ingest.instrument import load_instrument
    from wijknet.ingest.lss import check_lss, summary

    try:
        instrument = load_instrument(instrument_file)
        check = check_lss(file, instrument)
    except DataError as exc:
        fail(exc)
    if check.problems:
        fail(DataError(check.problems), wrote=True)  # a check writes nothing anyway
    typer.echo(summary(check, instrument))


@app.command(name="app")
def run_app(
    data_dir: Annotated[
        Path | None,
        typer.Argument(help="Project folder to open. Default: the fictional demo project."),
    ] = None,
    port: Annotated[int, typer.Option(help="Port of the local web server.")] = 8501,
    browser: Annotated[bool, typer.Option(help="Open the app in the web browser.")] = True,
    address: Annotated[
        str,
        typer.Option(
            help="Network address to listen on. The default, localhost, keeps the app (and its personal data) on this computer."
        ),
    ] = "localhost",
) -> None:
    """Open the wijknet app (network map, measures, connectors) in the browser."""
    env = dict(os.environ)
    if data_dir is not None:
        open_project(
            data_dir, command="app"
        )  # fail here, with the message, rather than in the browser
        env["WIJKNET_PROJECT"] = str(data_dir.resolve())
    from wijknet.webapp import run

    raise typer.Exit(code=run(port, address=address, open_browser=browser, env=env))


@app.command()
def anonymise(
    data_dir: Annotated[
        Path, typer.Argument(help="Project folder (tidy folder or project store).")
    ],
    out: Annotated[Path, typer.Option("--out", help="New folder for the anonymised copy.")],
    with_answers: Annotated[
        bool,
        typer.Option(
            "--with-answers",
            help="Also write each person's survey answers (responses.csv: KPI 3, active). Off by default; the choice is recorded in the audit log of a project store.",
        ),
    ] = False,
) -> None:
    """Write an anonymised copy of the whole project to share: a tidy folder without names.

    Actor ids become pseudonyms under a fresh random key that is thrown away (they never match
    the researcher's own pseudonyms); names, roles, organisations, extra columns, evidence labels,
    trust and value ratings, quotes and, unless --with-answers, every individual survey answer are
    left out; domains with fewer actors than privacy.min_cell (default 5) in a wijk are merged
    into 'overig'. See docs/privacy.md.
    """
    from wijknet.privacy.anonymise import write_anonymised

    project = open_full_project(data_dir)
    record_if_store(
        data_dir, "anonymised_export", status="started", out=out.name, with_answers=with_answers
    )
    try:
        written = write_anonymised(project, out, with_answers=with_answers)
    except DataError as exc:
        record_if_store(
            data_dir, "anonymised_export", status="failed", out=out.name, with_answers=with_answers
        )
        fail(exc)
    record_if_store(
        data_dir,
        "anonymised_export",
        status="done",
        out=out.name,
        files=len(written),
        with_answers=with_answers,
    )
    typer.echo(text(TEXTS, "written", files=", ".join(str(p) for p in written)))


@app.command()
def forget(
    data_dir: Annotated[
        Path, typer.Argument(help="Project store folder (made with wijknet init).")
    ],
    actor_id: Annotated[str, typer.Argument(help="The actor_id of the person to remove.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove one person and all data about them from a project store (the right to erasure).

    Removes the actor, its ties in both directions, its survey responses, aliases and live answers;
    redacts mentions of the person in other people's quotes, file names and the audit log; deletes the
    raw copies of imported files that mention the person and those left by interrupted imports; and
    cleans the database file and its log (exit code 3 when another program keeps the log open).
    See docs/privacy.md.
    """
    from wijknet.store.db import is_store
    from wijknet.store.forget import forget_actor

    if not is_store(data_dir):
        from wijknet.store.db import TEXTS as DB_TEXTS

        fail(text(DB_TEXTS, "not_store", folder=data_dir))
    if not yes and not typer.confirm(text(TEXTS, "forget_confirm", actor=actor_id)):
        raise typer.Exit(code=1)
    try:
        report = forget_actor(data_dir, actor_id)
    except DataError as exc:
        fail(exc)
    typer.echo(
        text(
            TEXTS,
            "forgotten",
            actor=actor_id,
            observations=report.observations,
            responses=report.responses,
            files=report.raw_files,
            orphans=report.orphans,
            redacted=report.redacted,
        )
    )
    if not report.wal_emptied:
        typer.echo(text(TEXTS, "forget_wal_busy", folder=data_dir), err=True)
        raise typer.Exit(code=3)


@app.command(name="key-reset")
def key_reset(
    data_dir: Annotated[
        Path, typer.Argument(help="Project folder (tidy folder or project store).")
    ],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Start a new pseudonym key after the old one is truly lost: every pseudonym changes.

    The old key file, if there is one, is kept beside the new one. See docs/privacy.md.
    """
    from wijknet.privacy.keys import reset_key

    if not yes and not typer.confirm(text(TEXTS, "key_reset_confirm", folder=data_dir)):
        raise typer.Exit(code=1)
    try:
        new = reset_key(data_dir)
    except DataError as exc:
        fail(exc)
    typer.echo(text(TEXTS, "key_reset_done", fingerprint=new))


# The project store: wijknet init / import / status (see wijknet.cli.store).
from wijknet.cli import store as _store_commands  # noqa: E402

app.command(name="init")(_store_commands.init)
app.command(name="import")(_store_commands.import_)
app.command(name="status")(_store_commands.status)

# Entity resolution of written-in parties: wijknet resolve (see wijknet.cli.resolve).
from wijknet.cli import resolve as _store_resolve  # noqa: E402

app.command(name="resolve")(_store_resolve.resolve)

# Accounts of the app's sign-in and the audit log: wijknet user ..., wijknet audit (see wijknet.cli.access).
from wijknet.cli import access as _access_commands  # noqa: E402

app.add_typer(_access_commands.user_app, name="user")
app.command(name="audit")(_access_commands.audit)

# Live network mapping at a netwerkbijeenkomst: wijknet live open / serve / close / status (see wijknet.cli.live).
from wijknet.cli import live as _live_commands  # noqa: E402

app.add_typer(_live_commands.app, name="live")


def main() -> None:
    app()
