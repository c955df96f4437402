"""The ``init``, ``import`` and ``status`` commands of the ``wijknet`` CLI (registered in :mod:`wijknet.cli.app`)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from wijknet.cli.console import fail, text_table
from wijknet.core import formatting as fmt
from wijknet.core.errors import DataError
from wijknet.core.i18n import text

TEXTS = {
    "import_warmed": {
        "nl": "Resultatencache gevuld voor de app: {n} resultaten (onderzoeker en het publiek van elk account).",
        "en": "Results cache filled for the app: {n} results (researcher and every account's audience).",
    },
    "init_done": {
        "nl": "Projectmap gemaakt: {folder} (wijknet.yaml, wijknet.sqlite, raw/). Voeg gegevens toe met: wijknet import {folder} BESTAND...",
        "en": "Project folder created: {folder} (wijknet.yaml, wijknet.sqlite, raw/). Add data with: wijknet import {folder} FILE...",
    },
    "init_exists": {
        "nl": "{folder} is al een wijknet-project; er is niets veranderd.",
        "en": "{folder} already is a wijknet project; nothing was changed.",
    },
    "file_imported": {"nl": "{name} ({kind}): geïmporteerd: {counts}", "en": "{name} ({kind}): imported: {counts}"},
    "file_already": {
        "nl": "{name} ({kind}): al geïmporteerd (zelfde inhoud); overgeslagen",
        "en": "{name} ({kind}): already imported (same content); skipped",
    },
    "note": {"nl": "  opmerking: {note}", "en": "  note: {note}"},
    "nothing_changed": {"nl": "Er is niets veranderd.", "en": "Nothing was changed."},
    "import_done": {"nl": "Import {n} opgeslagen in {folder}.", "en": "Import {n} saved in {folder}."},
    "count_actors_added": {"nl": "{n} actoren nieuw", "en": "{n} actors added"},
    "count_actors_updated": {"nl": "{n} actoren bijgewerkt", "en": "{n} actors updated"},
    "count_actors_same": {"nl": "{n} actoren ongewijzigd", "en": "{n} actors unchanged"},
    "count_observations": {"nl": "{n} waarnemingen van relaties", "en": "{n} tie observations"},
    "count_responses_added": {"nl": "{n} responses nieuw", "en": "{n} responses added"},
    "count_responses_updated": {"nl": "{n} responses bijgewerkt", "en": "{n} responses updated"},
    "count_responses_same": {"nl": "{n} responses ongewijzigd", "en": "{n} responses unchanged"},
    "count_respondents": {"nl": "{n} respondenten (wachten op het actorregister)", "en": "{n} respondents (waiting for the actor registry)"},
    "count_write_ins": {"nl": "{n} zelf ingevulde partijen (wachten op het actorregister)", "en": "{n} written-in parties (waiting for the actor registry)"},
    "count_segments": {"nl": "{n} gecodeerde fragmenten", "en": "{n} coded segments"},
    "count_interviews": {"nl": "{n} gesprekken", "en": "{n} interviews"},
    "count_answers_new": {"nl": "{n} nieuwe antwoorden", "en": "{n} new responses"},
    "count_answers_same": {"nl": "{n} al geïmporteerd", "en": "{n} imported before"},
    "count_answers_changed": {"nl": "{n} gewijzigd (nieuwe versie; de oude blijft in de geschiedenis)", "en": "{n} changed (new version; the old one stays in the history)"},
    "count_sessions_new": {"nl": "{n} nieuwe gesprekken", "en": "{n} new sessions"},
    "count_sessions_same": {"nl": "{n} gesprekken al geïmporteerd", "en": "{n} sessions imported before"},
    "count_sessions_changed": {"nl": "{n} gesprekken gewijzigd (nieuwe versie)", "en": "{n} sessions changed (new version)"},
    "count_fragments_new": {"nl": "{n} nieuwe fragmenten", "en": "{n} new segments"},
    "count_fragments_same": {"nl": "{n} fragmenten al geïmporteerd", "en": "{n} segments imported before"},
    "count_fragments_changed": {"nl": "{n} fragmenten gewijzigd (nieuwe versie)", "en": "{n} segments changed (new version)"},
    "count_table_rows": {"nl": "{n} rijen (de tabel is vervangen)", "en": "{n} rows (the table was replaced)"},
    "count_table_replaced": {"nl": "{n} vorige rijen vervangen", "en": "{n} previous rows replaced"},
    "count_rows_new": {"nl": "{n} nieuwe rijen", "en": "{n} new rows"},
    "count_rows_same": {"nl": "{n} rijen al geïmporteerd", "en": "{n} rows imported before"},
    "count_observations_same": {"nl": "{n} waarnemingen al geïmporteerd", "en": "{n} tie observations imported before"},
    "count_observations_changed": {"nl": "{n} waarnemingen gewijzigd (nieuwe versie)", "en": "{n} tie observations changed (new version)"},
    "count_observations_withdrawn": {"nl": "{n} waarnemingen ingetrokken (niet meer in de bron; bewaard in de geschiedenis)", "en": "{n} tie observations withdrawn (no longer in the source; kept in the history)"},
    "count_responses_changed": {"nl": "{n} responses gewijzigd (nieuwe versie)", "en": "{n} responses changed (new version)"},
    "count_write_ins_same": {"nl": "{n} zelf ingevulde partijen al bekend", "en": "{n} written-in parties known before"},
    "count_write_ins_changed": {"nl": "{n} zelf ingevulde partijen gewijzigd", "en": "{n} written-in parties changed"},
    "count_respondents_same": {"nl": "{n} respondenten zonder actor-id al bekend", "en": "{n} respondents without an actor id known before"},
    "count_respondents_changed": {"nl": "{n} respondenten zonder actor-id gewijzigd", "en": "{n} respondents without an actor id changed"},
    # odata (issue 14): per-wave attributes and interview themes
    "count_actor_waves_added": {"nl": "{n} actoren met gegevens per meting nieuw", "en": "{n} per-wave actor attributes added"},
    "count_actor_waves_updated": {"nl": "{n} gegevens per meting bijgewerkt", "en": "{n} per-wave actor attributes updated"},
    "count_actor_waves_same": {"nl": "{n} gegevens per meting ongewijzigd", "en": "{n} per-wave actor attributes unchanged"},
    "count_themes": {"nl": "{n} gespreksthema's", "en": "{n} interview themes"},
    "count_ratings_added": {"nl": "{n} beoordelingen nieuw", "en": "{n} ratings added"},
    "count_ratings_updated": {"nl": "{n} beoordelingen bijgewerkt", "en": "{n} ratings updated"},
    "count_ratings_same": {"nl": "{n} beoordelingen ongewijzigd", "en": "{n} ratings unchanged"},
    "count_themes_replaced": {"nl": "{n} gespreksthema's vervangen (fragment opnieuw ingelezen)", "en": "{n} interview themes replaced (segment read again)"},
    "status_title": {"nl": "Project: {title} ({folder})", "en": "Project: {title} ({folder})"},
    "status_rule": {
        "nl": "Bewijsregel voor analyse: {rule} (all = alle waarnemingen, survey = alleen enquête, confirmed = door beide kanten gemeld)",
        "en": "Evidence rule for analysis: {rule} (all = every observation, survey = survey only, confirmed = reported by both sides)",
    },
    "status_files": {"nl": "Geïmporteerde bestanden ({n}):", "en": "Imported files ({n}):"},
    "status_names_hidden": {
        "nl": "Bestandsnamen kunnen personen noemen; toon ze met --unlock (dat komt in het auditlog).",
        "en": "File names may name people; show them with --unlock (recorded in the audit log).",
    },
    "status_no_files": {"nl": "Nog geen bestanden geïmporteerd.", "en": "No files imported yet."},
    "status_per_wave": {"nl": "Per wijk en meting:", "en": "Per wijk and wave:"},
    "status_not_loadable": {"nl": "Het project is (nog) niet te analyseren:", "en": "The project cannot be analysed (yet):"},
    "status_pending": {
        "nl": "Wachten op het actorregister: {items}",
        "en": "Waiting for the actor registry: {items}",
    },
    "col_name": {"nl": "bestand", "en": "file"},
    "col_kind": {"nl": "soort", "en": "kind"},
    "col_time": {"nl": "geïmporteerd (UTC)", "en": "imported (UTC)"},
    "col_hash": {"nl": "sha256", "en": "sha256"},
    "col_wijk": {"nl": "wijk", "en": "wijk"},
    "col_wave": {"nl": "meting", "en": "wave"},
    "col_actors": {"nl": "actoren", "en": "actors"},
    "col_ties_all": {"nl": "relaties (all)", "en": "ties (all)"},
    "col_ties_survey": {"nl": "relaties (survey)", "en": "ties (survey)"},
    "col_ties_confirmed": {"nl": "relaties (confirmed)", "en": "ties (confirmed)"},
    "col_respondents": {"nl": "respondenten", "en": "respondents"},
    "col_response_rate": {"nl": "respons", "en": "response rate"},
    "kind_survey": {"nl": "enquête", "en": "survey"},
    "kind_confirmation": {"nl": "bevestiging", "en": "confirmation"},
    "kind_interview": {"nl": "gesprek", "en": "interview"},
    "kind_network_canvas": {"nl": "Network Canvas", "en": "Network Canvas"},
    "kind_graph_file": {"nl": "graafbestand", "en": "graph file"},
    "kind_tidy_file": {"nl": "tabel", "en": "table"},
    "obs_prefix": {"nl": "waarn. {kind}", "en": "obs. {kind}"},
}  # fmt: skip


class ImportKind(str, Enum):
    tidy_actors = "tidy-actors"
    tidy_ties = "tidy-ties"
    responses = "responses"
    graphml = "graphml"
    gexf = "gexf"
    qualtrics = "qualtrics"
    limesurvey = "limesurvey"
    google_forms = "google-forms"
    microsoft_forms = "microsoft-forms"
    interviews = "interviews"
    maxqda = "maxqda"
    atlasti = "atlasti"
    network_canvas = "network-canvas"
    wijken = "wijken"
    ppi = "ppi"
    kpi_corrections = "kpi-corrections"


class Rule(str, Enum):
    all = "all"
    survey = "survey"
    confirmed = "confirmed"


def init(
    folder: Annotated[
        Path, typer.Argument(help="New or empty folder for the project (created if needed).")
    ],
    title: Annotated[
        str, typer.Option(help="Title of the project (default: the folder name).")
    ] = "",
    wave: Annotated[
        list[str] | None,
        typer.Option(
            "--wave",
            help="A wave, in order; repeat for every wave (e.g. --wave 2025 --wave 2026). Default: the waves found in the data, in natural order.",
        ),
    ] = None,
    evidence_rule: Annotated[
        Rule,
        typer.Option(
            help="Which observations make a tie for analysis: all, survey (survey answers only) or confirmed (both sides reported it, or one side and an interview)."
        ),
    ] = Rule.all,
) -> None:
    """Create a project folder: wijknet.yaml, the database wijknet.sqlite and raw/ for the imported files."""
    from wijknet.store.init import init_store

    try:
        created = init_store(folder, title=title, waves=wave, evidence_rule=evidence_rule.value)
    except DataError as exc:
        fail(exc)
    typer.echo(text(TEXTS, "init_done" if created else "init_exists", folder=folder))


def import_(
    folder: Annotated[Path, typer.Argument(help="Project folder made by wijknet init.")],
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Files to import: actors, ties or responses tables (.csv/.xlsx), GraphML, GEXF, Qualtrics or LimeSurvey exports, coded interviews (coding sheet, MAXQDA, ATLAS.ti) or Network Canvas CSV files."
        ),
    ],
    kind: Annotated[
        ImportKind | None,
        typer.Option(
            "--kind", help="The kind of all FILES; default: recognised from columns and contents."
        ),
    ] = None,
    wave: Annotated[
        str | None,
        typer.Option(
            "--wave",
            help="Wave of files that carry none (graph files, survey exports, interviews, Network Canvas, tables without a wave column).",
        ),
    ] = None,
    wijk: Annotated[
        str | None,
        typer.Option(
            "--wijk",
            help="Wijk of files that carry none: Network Canvas files (required), coded interviews and survey exports (optional).",
        ),
    ] = None,
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="Take new values for actors and responses that already exist with other values (the old values are kept in the history).",
        ),
    ] = False,
    allow_missing: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-missing",
            help="A core question left out of a survey on purpose (e.g. referral, roster.referral or a group such as write_in); repeat for more. Its absence is then a note, not a stop.",
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet",
            help="The sheet to read of every workbook (.xlsx/.xls) among FILES. Default: the first sheet with data (other sheets with data give a note).",
        ),
    ] = None,
    warm: Annotated[
        bool,
        typer.Option(
            "--warm",
            help="After the import is committed, fill the results cache for every audience of the store (as wijknet cache warm), so the app's pages open at once.",
        ),
    ] = False,
) -> None:
    """Add files to a project in one transaction: all of them, or (on any problem) none.

    Every file is kept unchanged in raw/ with its SHA-256; a file imported
    before (the same content, also when re-saved with other line endings or
    encoding) is skipped. Responses, Network Canvas sessions and interview
    segments imported before are recognised by their own id: a cumulative
    export adds only what is new, a changed answer becomes a new version.
    Ties are stored as observations with their evidence (file, row, column)
    and combined by the evidence rule when analysing.
    """
    from wijknet.store.importing import import_files

    try:
        report = import_files(
            folder,
            files,
            kind=kind.value if kind else None,
            wave=wave,
            wijk=wijk,
            update=update,
            sheet=sheet,
            allow_missing=allow_missing,
        )
    except DataError as exc:
        fail(exc)
    for f in report.files:
        if f.status == "already":
            typer.echo(text(TEXTS, "file_already", name=f.name, kind=f.kind))
            continue
        counts = ", ".join(
            text(TEXTS, f"count_{k}", n=n)
            for k, n in f.counts.items()
            if n and f"count_{k}" in TEXTS
        )
        typer.echo(text(TEXTS, "file_imported", name=f.name, kind=f.kind, counts=counts or "-"))
        for note in (
            f.notes
        ):  # every note names file, (sheet,) row and column: nothing is left out in silence
            typer.echo(text(TEXTS, "note", note=note))
    if report.changed:
        typer.echo(text(TEXTS, "import_done", n=report.import_id, folder=folder))
    else:
        typer.echo(text(TEXTS, "nothing_changed"))
    if warm:
        # Only here, after the import's transaction committed (a failed import exits above and
        # leaves the cache as it was); the warm-up reads the new data like the app will.
        from wijknet.webapp.warm import warm as warm_cache

        typer.echo(text(TEXTS, "import_warmed", n=warm_cache(folder)["entries"]))


def status(
    folder: Annotated[Path, typer.Argument(help="Project folder made by wijknet init.")],
    unlock: Annotated[
        bool,
        typer.Option(
            "--unlock",
            help="Show the names of the imported files (they may name people; recorded in the audit log).",
        ),
    ] = False,
) -> None:
    """Show what a project holds.

    The imported files, and per wijk and wave the actors taking part, the ties by evidence rule,
    the observations by kind and the response rate.

    Only counts and file kinds are shown; file names (free text that may name a person) only with --unlock.
    """
    from wijknet.store.audit import record
    from wijknet.store.status import store_status

    try:
        st = store_status(folder)
        if unlock:
            record(folder, "unlock", command="status")
    except DataError as exc:
        fail(exc)
    typer.echo(text(TEXTS, "status_title", title=st.title or "-", folder=folder))
    typer.echo(text(TEXTS, "status_rule", rule=st.rule))
    typer.echo("")
    if st.files.empty:
        typer.echo(text(TEXTS, "status_no_files"))
    else:
        typer.echo(text(TEXTS, "status_files", n=len(st.files)))
        rows = [{text(TEXTS, "col_name"): r.name if unlock else f"#{i}", text(TEXTS, "col_kind"): r.kind,
                 text(TEXTS, "col_time"): r.imported_at, text(TEXTS, "col_hash"): r.sha256[:12]}
                for i, r in enumerate(st.files.itertuples(), start=1)]  # fmt: skip
        typer.echo(text_table(rows))
        if not unlock:
            typer.echo(text(TEXTS, "status_names_hidden"))
    typer.echo("")
    if st.problems:
        typer.echo(text(TEXTS, "status_not_loadable"))
        for p in st.problems:
            typer.echo(f"  - {p}")
    elif not st.per_wave.empty:
        typer.echo(text(TEXTS, "status_per_wave"))
        rows = []
        for r in st.per_wave.to_dict("records"):
            row = {}
            for key, value in r.items():
                if key.startswith("obs_"):
                    label = text(TEXTS, "obs_prefix", kind=text(TEXTS, "kind_" + key[4:]))
                else:
                    label = text(TEXTS, "col_" + key)
                if key == "response_rate":
                    value = fmt.percent(value)
                row[label] = value
            rows.append(row)
        typer.echo(text_table(rows))
    if st.pending:
        items = ", ".join(
            text(TEXTS, f"count_{k}s", n=n) for k, n in st.pending.items() if f"count_{k}s" in TEXTS
        )
        typer.echo("")
        typer.echo(text(TEXTS, "status_pending", items=items))
