"""The ``resolve`` command of the ``wijknet`` CLI: link written-in parties to actors (registered in :mod:`wijknet.cli.app`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wijknet.cli.console import fail
from wijknet.core import formatting as fmt
from wijknet.core.errors import DataError
from wijknet.core.i18n import text
from wijknet.resolve.matching import DEFAULT_THRESHOLD

TEXTS = {
    "linked": {"nl": "{n} zelf ingevulde partijen automatisch gekoppeld (score ≥ {threshold}), {obs} waarnemingen van relaties toegevoegd:",
               "en": "{n} written-in parties linked automatically (score ≥ {threshold}), {obs} tie observations added:"},
    "linked_row": {"nl": "  #{pid} '{mention}' -> {actor} (score {score})", "en": "  #{pid} '{mention}' -> {actor} (score {score})"},
    "open": {"nl": "{n} zelf ingevulde partijen of respondenten zonder actor-id wachten op een bevestiging:",
             "en": "{n} written-in parties or respondents without an actor id wait for confirmation:"},
    "open_respondent_row": {"nl": "  #{pid} respondent zonder actor-id, rij {row}: '{mention}' ({wijk}, meting {wave})",
                            "en": "  #{pid} respondent without an actor id, row {row}: '{mention}' ({wijk}, wave {wave})"},
    "open_row": {"nl": "  #{pid} '{mention}'{org} ({wijk}, meting {wave}, genoemd door {respondent})",
                 "en": "  #{pid} '{mention}'{org} ({wijk}, wave {wave}, named by {respondent})"},
    "candidate": {"nl": "      {actor}  {label}  (score {score})", "en": "      {actor}  {label}  (score {score})"},
    "no_candidates": {"nl": "      geen kandidaten", "en": "      no candidates"},
    "hint": {"nl": "Bevestig met: wijknet resolve {folder} --confirm NUMMER ACTOR_ID, of maak een nieuwe actor met: "
                   "wijknet resolve {folder} --new NUMMER --domain DOMEIN",
             "en": "Confirm with: wijknet resolve {folder} --confirm NUMBER ACTOR_ID, or create a new actor with: "
                   "wijknet resolve {folder} --new NUMBER --domain DOMAIN"},
    "nothing": {"nl": "Er wachten geen zelf ingevulde partijen.", "en": "No written-in parties are waiting."},
    "confirmed": {"nl": "Zelf ingevulde partij #{pid} gekoppeld aan {actor}; {obs} waarnemingen van relaties toegevoegd, de naam is onthouden.",
                  "en": "Written-in party #{pid} linked to {actor}; {obs} tie observations added, the name is remembered."},
    "confirmed_respondent": {"nl": "Respondent #{pid} gekoppeld aan {actor}; {obs} waarnemingen van relaties toegevoegd.",
                             "en": "Respondent #{pid} linked to {actor}; {obs} tie observations added."},
    "created": {"nl": "Nieuwe actor {actor} gemaakt van zelf ingevulde partij #{pid}; {obs} waarnemingen van relaties toegevoegd.",
                "en": "New actor {actor} created from written-in party #{pid}; {obs} tie observations added."},
    "usage": {"nl": "gebruik --confirm NUMMER ACTOR_ID of --new NUMMER --domain DOMEIN, niet allebei",
              "en": "use --confirm NUMBER ACTOR_ID or --new NUMBER --domain DOMAIN, not both"},
    "hidden": {"nl": "Namen en actor-id's staan er niet bij; toon ze met --unlock (dat komt in het auditlog).",
               "en": "Names and actor ids are not shown; show them with --unlock (recorded in the audit log)."},
    "open_count": {"nl": "{n} zelf ingevulde partijen of respondenten zonder actor-id wachten op een bevestiging.",
                   "en": "{n} written-in parties or respondents without an actor id wait for confirmation."},
    "bad_number": {"nl": "'{value}' is geen nummer van een zelf ingevulde partij", "en": "'{value}' is not the number of a written-in party"},
}  # fmt: skip


def _number(value: str) -> int:
    try:
        return int(str(value).lstrip("#"))
    except ValueError:
        fail(text(TEXTS, "bad_number", value=value))


def _score(value: float) -> str:
    return fmt.number(float(value), 2)


def _show_open(open_, folder: Path, unlock: bool) -> None:
    if open_.empty:
        return
    if not unlock:  # the written-in names and the candidates' names are personal data
        typer.echo(text(TEXTS, "open_count", n=len(open_)))
        typer.echo(text(TEXTS, "hidden"))
        return
    typer.echo(text(TEXTS, "open", n=len(open_)))
    for r in open_.to_dict("records"):
        org = f" ({r['organisation']})" if r.get("organisation") else ""
        if r.get("what") == "respondent":
            typer.echo(text(TEXTS, "open_respondent_row", pid=r["pending_id"], mention=r["mention"], wijk=r["wijk"] or "?",
                            wave=r["wave"], row=r["row"]))  # fmt: skip
        else:
            typer.echo(text(TEXTS, "open_row", pid=r["pending_id"], mention=r["mention"], org=org, wijk=r["wijk"],
                            wave=r["wave"], respondent=r["respondent"] or "?"))  # fmt: skip
        if not r["candidates"]:
            typer.echo(text(TEXTS, "no_candidates"))
        for c in r["candidates"]:
            typer.echo(
                text(
                    TEXTS,
                    "candidate",
                    actor=c["actor_id"],
                    label=c["label"],
                    score=_score(c["score"]),
                )
            )
    typer.echo(text(TEXTS, "hint", folder=folder))


def resolve(
    folder: Annotated[Path, typer.Argument(help="Project folder made by wijknet init.")],
    accept_above: Annotated[
        float,
        typer.Option(
            "--accept-above",
            min=0.0,
            max=1.0,
            help="Link written-in parties whose best match scores at least this (0-1) automatically.",
        ),
    ] = DEFAULT_THRESHOLD,
    list_only: Annotated[
        bool,
        typer.Option(
            "--list",
            help="Only list the waiting written-in parties and their candidates; change nothing.",
        ),
    ] = False,
    confirm: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--confirm", help="PENDING_ID ACTOR_ID: link a written-in party to an existing actor."
        ),
    ] = None,
    new: Annotated[
        str | None,
        typer.Option(
            "--new", help="PENDING_ID: make a new actor of a written-in party (with --domain)."
        ),
    ] = None,
    domain: Annotated[
        str, typer.Option("--domain", help="Domain of the new actor made with --new.")
    ] = "",
    unlock: Annotated[
        bool,
        typer.Option(
            "--unlock",
            help="Show the written-in names, the candidates' names and actor ids (recorded in the audit log); without it only counts.",
        ),
    ] = False,
) -> None:
    """Link the parties respondents wrote in, and respondents without an actor id, to actors (entity resolution).

    Without options: links every waiting written-in party whose best match
    scores at least --accept-above and lists the rest with their candidates.
    Linked names are remembered, so the next wave matches them by itself.
    Respondents without an actor id are only linked with --confirm or --new:
    their answers are then read again from the stored export. Names and ids
    are listed only with --unlock.
    """
    from wijknet.store.audit import record
    from wijknet.store.registry import accept_matches, create_actor, pending_kind, proposals
    from wijknet.store.registry import confirm as confirm_link

    if confirm is not None and new is not None:
        fail(text(TEXTS, "usage"))
    try:
        if unlock:
            record(folder, "unlock", command="resolve")
        if confirm is not None:
            pid = _number(confirm[0])
            respondent = pending_kind(folder, pid) == "respondent"
            n = confirm_link(folder, pid, confirm[1])
            typer.echo(
                text(
                    TEXTS,
                    "confirmed_respondent" if respondent else "confirmed",
                    pid=pid,
                    actor=confirm[1],
                    obs=n,
                )
            )
            return
        if new is not None:
            pid = _number(new)
            actor_id, n = create_actor(folder, pid, domain)
            typer.echo(text(TEXTS, "created", pid=pid, actor=actor_id, obs=n))
            return
        if list_only:
            found = proposals(folder, accept_above)
            if found.empty:
                typer.echo(text(TEXTS, "nothing"))
            _show_open(found, folder, unlock)
            return
        report = accept_matches(folder, accept_above)
    except DataError as exc:
        fail(exc.report())
    if report.linked.empty and report.open.empty:
        typer.echo(text(TEXTS, "nothing"))
        return
    if not report.linked.empty:
        typer.echo(
            text(
                TEXTS,
                "linked",
                n=len(report.linked),
                threshold=_score(accept_above),
                obs=report.observations,
            )
        )
        for r in report.linked.to_dict("records") if unlock else []:
            typer.echo(
                text(
                    TEXTS,
                    "linked_row",
                    pid=r["pending_id"],
                    mention=r["mention"],
                    actor=r["actor_id"],
                    score=_score(r["score"]),
                )
            )
        if not unlock and report.open.empty:
            typer.echo(text(TEXTS, "hidden"))
    _show_open(report.open, folder, unlock)
