"""``wijknet live open | serve | links | revoke | close | status``: live network mapping at a netwerkbijeenkomst.

Registered as a sub-app in :mod:`wijknet.cli.app`; see ``docs/live.md``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from wijknet.cli.console import fail, text_table
from wijknet.core.errors import DataError
from wijknet.core.i18n import text

TEXTS = {
    "opened": {
        "nl": "Sessie geopend voor {wijk}, meting {wave} ({n} personen en organisaties op de lijst).\n"
              "Code: {code}\nStart de server met: wijknet live serve {folder} {code}\n"
              "Maak daarna de persoonlijke links: wijknet live links {folder} {code} --out links.html",
        "en": "Session opened for {wijk}, wave {wave} ({n} people and organisations on the roster).\n"
              "Code: {code}\nStart the server with: wijknet live serve {folder} {code}\n"
              "Then make the personal links: wijknet live links {folder} {code} --out links.html",
    },
    "serving": {
        "nl": "Server voor sessie {code} op {url}. Deelnemers openen hun persoonlijke link; maak die met: "
              "wijknet live links {folder} {code} --out links.html\n"
              "Projector: wijknet app {folder} -> pagina 'Live netwerkkaart'. Stoppen: Ctrl+C.",
        "en": "Server of session {code} at {url}. Participants open their personal link; make them with: "
              "wijknet live links {folder} {code} --out links.html\n"
              "Projector: wijknet app {folder} -> page 'Live network map'. Stop: Ctrl+C.",
    },
    "links_written": {
        "nl": "{n} persoonlijke links gemaakt; het vel met QR-codes staat in {out}. Druk het af, geef iedereen alleen "
              "de eigen strook en verwijder daarna het bestand. Eerdere links van deze personen werken niet meer.",
        "en": "{n} personal links made; the sheet with QR codes is in {out}. Print it, give everyone only their own "
              "slip and then delete the file. Earlier links of these people no longer work.",
    },
    "links_none": {"nl": "Iedereen op de lijst heeft al een geldige link; niets gemaakt.",
                   "en": "Everyone on the roster has a valid link already; nothing made."},
    "no_url": {
        "nl": "het adres van de server is nog onbekend; start eerst wijknet live serve {folder} {code} of geef --url",
        "en": "the server's address is not known yet; start wijknet live serve {folder} {code} first or give --url",
    },
    "out_exists": {"nl": "{out} bestaat al; kies een ander bestand", "en": "{out} exists already; choose another file"},
    "revoked": {"nl": "{n} persoonlijke links ingetrokken.", "en": "{n} personal links revoked."},
    "local_only": {
        "nl": "Let op: de server luistert alleen op deze computer ({host}). Voor telefoons: --host <LAN-adres van deze "
              "computer>, alleen op een vertrouwd netwerk.",
        "en": "Note: the server listens on this computer only ({host}). For phones: --host <LAN address of this "
              "computer>, on a trusted network only.",
    },
    "closed": {
        "nl": "Sessie {code} gesloten: {observations} antwoorden van {participants} deelnemers zijn nu waarnemingen "
              "(enquête) van meting {wave}; kopie in {raw}.",
        "en": "Session {code} closed: {observations} answers of {participants} participants are now (survey) "
              "observations of wave {wave}; copy in {raw}.",
    },
    "no_sessions": {"nl": "Dit project heeft nog geen live sessies.", "en": "This project has no live sessions yet."},
    "col_code": {"nl": "code", "en": "code"},
    "col_title": {"nl": "titel", "en": "title"},
    "col_wijk": {"nl": "wijk", "en": "wijk"},
    "col_wave": {"nl": "meting", "en": "wave"},
    "col_opened": {"nl": "geopend (UTC)", "en": "opened (UTC)"},
    "col_state": {"nl": "status", "en": "state"},
    "col_participants": {"nl": "deelnemers", "en": "participants"},
    "col_links": {"nl": "links", "en": "links"},
    "col_answers": {"nl": "antwoorden", "en": "answers"},
    "state_open": {"nl": "open", "en": "open"},
    "state_closed": {"nl": "gesloten {at}", "en": "closed {at}"},
}  # fmt: skip

app = typer.Typer(
    help="Live network mapping at a netwerkbijeenkomst: participants answer on their phone, "
    "the map on the projector grows.",
    no_args_is_help=True,
)

Folder = Annotated[
    Path, typer.Argument(help="Project folder made by wijknet init (a project store).")
]
Code = Annotated[str, typer.Argument(help="The session's code (from wijknet live open).")]


@app.command(name="open")
def open_(
    folder: Folder,
    wijk: Annotated[
        str, typer.Option("--wijk", help="The wijk of the meeting; its actors form the roster.")
    ],
    wave: Annotated[
        str,
        typer.Option(
            "--wave",
            help="The wave the answers belong to (may be new unless wijknet.yaml fixes the waves).",
        ),
    ],
    title: Annotated[
        str,
        typer.Option(
            "--title",
            help="Title shown to participants and in the evidence label (default: wijk and date).",
        ),
    ] = "",
) -> None:
    """Open a live session for one wijk and wave and print its code."""
    from wijknet.live.session import open_session, roster

    try:
        code = open_session(folder, wijk, wave, title)
        n = len(roster(folder, code))
    except DataError as exc:
        fail(exc)
    typer.echo(text(TEXTS, "opened", wijk=wijk, wave=wave, n=n, code=code, folder=folder))


@app.command()
def serve(
    folder: Folder,
    code: Code,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on. Default 127.0.0.1 (this computer only); for phones use this computer's LAN address, on a trusted network only.",
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8600,
) -> None:
    """Serve the participants' form (plain HTML, works on phones) until Ctrl+C."""
    from wijknet.live.server import serve as run

    def ready(url: str) -> None:
        typer.echo(text(TEXTS, "serving", url=url, folder=folder, code=code))
        if host in ("127.0.0.1", "localhost", "::1"):
            typer.echo(text(TEXTS, "local_only", host=host))

    try:
        run(folder, code, host=host, port=port, on_ready=ready)
    except DataError as exc:
        fail(exc)
    except KeyboardInterrupt:
        pass


@app.command()
def links(
    folder: Folder,
    code: Code,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="The printable HTML sheet to write (one slip with QR code per participant); must not exist yet.",
        ),
    ],
    participant: Annotated[
        list[str] | None,
        typer.Option(
            "--participant", help="Only this actor id (repeatable); default everyone on the roster."
        ),
    ] = None,
    missing: Annotated[
        bool,
        typer.Option(
            "--missing",
            help="Only participants without a valid link (default: new links for all, old ones stop working).",
        ),
    ] = False,
    url: Annotated[
        str,
        typer.Option(
            "--url",
            help="The address of the participants' server (default: the one wijknet live serve reported).",
        ),
    ] = "",
    real_names: Annotated[
        bool,
        typer.Option(
            "--real-names",
            help="Real names on the sheet also for residents and persons without consent (researcher); default as the wijkteam sees them.",
        ),
    ] = False,
) -> None:
    """Issue personal links (token, QR code) per participant and write them as a printable sheet."""
    from wijknet.core.errors import Problem
    from wijknet.core.i18n import get_language
    from wijknet.live.links import links_sheet, slips
    from wijknet.live.session import get_session, issue_links

    try:
        session = get_session(folder, code)
        base = url.strip() or session.url
        if not base:
            raise DataError(
                [Problem("--url", text(TEXTS, "no_url", folder=folder, code=session.code))]
            )
        if out.exists():
            raise DataError([Problem(str(out), text(TEXTS, "out_exists", out=out))])
        tokens = issue_links(folder, code, participant or None, only_missing=missing)
        if not tokens:
            typer.echo(text(TEXTS, "links_none"))
            return
        lang = get_language()
        sheet = links_sheet(session.title, slips(folder, code, tokens, base, real_names=real_names, lang=lang),
                            folder=str(folder), code=session.code, lang=lang)  # fmt: skip
        fd = os.open(
            out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600
        )  # the sheet holds the links: owner only
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(sheet)
    except DataError as exc:
        fail(exc)
    typer.echo(text(TEXTS, "links_written", n=len(tokens), out=out))


@app.command()
def revoke(
    folder: Folder,
    code: Code,
    participant: Annotated[
        list[str] | None,
        typer.Option(
            "--participant",
            help="Only this actor id (repeatable); default every link of the session.",
        ),
    ] = None,
) -> None:
    """Revoke personal links of a session (a lost or passed-on slip); make new ones with wijknet live links."""
    from wijknet.live.session import revoke_links

    try:
        n = revoke_links(folder, code, participant or None)
    except DataError as exc:
        fail(exc)
    typer.echo(text(TEXTS, "revoked", n=n))


@app.command()
def close(folder: Folder, code: Code) -> None:
    """Close a session: its answers become survey observations of the wave, in one transaction."""
    from wijknet.live.session import close_session, get_session

    try:
        result = close_session(folder, code)
        session = get_session(folder, code)
    except DataError as exc:
        fail(exc)
    typer.echo(
        text(
            TEXTS,
            "closed",
            code=session.code,
            observations=result.observations,
            participants=result.participants,
            wave=session.wave,
            raw=result.raw_path,
        )
    )


@app.command()
def status(folder: Folder) -> None:
    """List the live sessions of a project: code, wijk, wave, open or closed, participants and answers."""
    from wijknet.live.session import linked, session_counts, sessions

    try:
        found = sessions(folder)
        rows = []
        for s in found:
            counts = session_counts(folder, s.code)
            state = (
                text(TEXTS, "state_open")
                if s.is_open
                else text(TEXTS, "state_closed", at=s.closed_at[:16])
            )
            rows.append({text(TEXTS, "col_code"): s.code, text(TEXTS, "col_title"): s.title,
                         text(TEXTS, "col_wijk"): s.wijk, text(TEXTS, "col_wave"): s.wave,
                         text(TEXTS, "col_opened"): s.opened_at[:16], text(TEXTS, "col_state"): state,
                         text(TEXTS, "col_participants"): f"{counts.participants}/{counts.roster}",
                         text(TEXTS, "col_links"): len(linked(folder, s.code)) if s.is_open else "-",
                         text(TEXTS, "col_answers"): counts.answers})  # fmt: skip
    except DataError as exc:
        fail(exc)
    typer.echo(text_table(rows) if rows else text(TEXTS, "no_sessions"))
