"""``wijknet live open | serve | close | status``: live network mapping at a netwerkbijeenkomst.

Registered as a sub-app in :mod:`wijknet.cli`; see ``docs/live.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import DataError
from ..i18n import text
from ..io.console import fail, text_table

TEXTS = {
    "opened": {
        "nl": "Sessie geopend voor {wijk}, meting {wave} ({n} personen en organisaties op de lijst).\n"
              "Code: {code}\nStart de server met: wijknet live serve {folder} {code}",
        "en": "Session opened for {wijk}, wave {wave} ({n} people and organisations on the roster).\n"
              "Code: {code}\nStart the server with: wijknet live serve {folder} {code}",
    },
    "serving": {
        "nl": "Deelnemers openen: {url}\nProjector: wijknet app {folder} -> pagina 'Live netwerkkaart'. Stoppen: Ctrl+C.",
        "en": "Participants open: {url}\nProjector: wijknet app {folder} -> page 'Live network map'. Stop: Ctrl+C.",
    },
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
    "col_answers": {"nl": "antwoorden", "en": "answers"},
    "state_open": {"nl": "open", "en": "open"},
    "state_closed": {"nl": "gesloten {at}", "en": "closed {at}"},
}  # fmt: skip

app = typer.Typer(help="Live network mapping at a netwerkbijeenkomst: participants answer on their phone, "
                       "the map on the projector grows.", no_args_is_help=True)

Folder = Annotated[Path, typer.Argument(help="Project folder made by wijknet init (a project store).")]
Code = Annotated[str, typer.Argument(help="The session's join code (from wijknet live open).")]



@app.command(name="open")
def open_(
    folder: Folder,
    wijk: Annotated[str, typer.Option("--wijk", help="The wijk of the meeting; its actors form the roster.")],
    wave: Annotated[str, typer.Option("--wave", help="The wave the answers belong to (may be new unless wijknet.yaml fixes the waves).")],
    title: Annotated[str, typer.Option("--title", help="Title shown to participants and in the evidence label (default: wijk and date).")] = "",
) -> None:
    """Open a live session for one wijk and wave and print its join code."""
    from .session import open_session, roster

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
    host: Annotated[str, typer.Option("--host", help="Address to listen on. Default 127.0.0.1 (this computer only); for phones use this computer's LAN address, on a trusted network only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8600,
) -> None:
    """Serve the participants' form (plain HTML, works on phones) until Ctrl+C."""
    from .server import serve as run

    def ready(url: str) -> None:
        typer.echo(text(TEXTS, "serving", url=url, folder=folder))
        if host in ("127.0.0.1", "localhost", "::1"):
            typer.echo(text(TEXTS, "local_only", host=host))

    try:
        run(folder, code, host=host, port=port, on_ready=ready)
    except DataError as exc:
        fail(exc)
    except KeyboardInterrupt:
        pass


@app.command()
def close(folder: Folder, code: Code) -> None:
    """Close a session: its answers become survey observations of the wave, in one transaction."""
    from .session import close_session, get_session

    try:
        result = close_session(folder, code)
        session = get_session(folder, code)
    except DataError as exc:
        fail(exc)
    typer.echo(text(TEXTS, "closed", code=session.code, observations=result.observations,
                    participants=result.participants, wave=session.wave, raw=result.raw_path))


@app.command()
def status(folder: Folder) -> None:
    """List the live sessions of a project: code, wijk, wave, open or closed, participants and answers."""
    from .session import session_counts, sessions

    try:
        found = sessions(folder)
        rows = []
        for s in found:
            counts = session_counts(folder, s.code)
            state = text(TEXTS, "state_open") if s.is_open else text(TEXTS, "state_closed", at=s.closed_at[:16])
            rows.append({text(TEXTS, "col_code"): s.code, text(TEXTS, "col_title"): s.title,
                         text(TEXTS, "col_wijk"): s.wijk, text(TEXTS, "col_wave"): s.wave,
                         text(TEXTS, "col_opened"): s.opened_at[:16], text(TEXTS, "col_state"): state,
                         text(TEXTS, "col_participants"): f"{counts.participants}/{counts.roster}",
                         text(TEXTS, "col_answers"): counts.answers})  # fmt: skip
    except DataError as exc:
        fail(exc)
    typer.echo(text_table(rows) if rows else text(TEXTS, "no_sessions"))
