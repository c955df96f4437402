"""The ``wijknet user`` commands and ``wijknet audit`` (registered in :mod:`wijknet.cli.app`).

These commands work directly on the project folder, so they are for whoever
has access to the files (the researcher who keeps the project); there is no
way to manage accounts or read the log without that access except the
app's Auditlog page, shown only to the audience ``onderzoeker``. A password
is never a command-line argument (it would stay in the shell history and the
process list): it is asked twice without echo, or read from standard input
with ``--password-stdin`` for scripts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from wijknet.cli.console import fail, text_table
from wijknet.core.errors import DataError
from wijknet.core.i18n import text

TEXTS = {
    "password_prompt": {"nl": "Wachtwoord (minstens {n} tekens)", "en": "Password (at least {n} characters)"},
    "password_repeat": {"nl": "Herhaal het wachtwoord", "en": "Repeat the password"},
    "password_mismatch": {"nl": "De wachtwoorden zijn niet gelijk.", "en": "The passwords do not match."},
    "no_stdin_password": {"nl": "Geen wachtwoord op standaardinvoer.", "en": "No password on standard input."},
    "added": {
        "nl": "Gebruiker {name} toegevoegd (publiek: {audience}).",
        "en": "User {name} added (audience: {audience}).",
    },
    "added_oidc": {
        "nl": "Gebruiker {name} toegevoegd (publiek: {audience}), zonder wachtwoord: aanmelden alleen via de identiteitsprovider.",
        "en": "User {name} added (audience: {audience}) without a password: sign-in only through the identity provider.",
    },
    "audience_set": {"nl": "Publiek van {name}: {audience}.", "en": "Audience of {name}: {audience}."},
    "password_set": {"nl": "Nieuw wachtwoord voor {name} opgeslagen.", "en": "New password of {name} saved."},
    "removed": {"nl": "Gebruiker {name} verwijderd.", "en": "User {name} removed."},
    "enabled": {"nl": "Gebruiker {name} kan weer aanmelden.", "en": "User {name} can sign in again."},
    "disabled": {"nl": "Gebruiker {name} uitgeschakeld (kan niet meer aanmelden).", "en": "User {name} disabled (can no longer sign in)."},
    "no_users": {
        "nl": "Nog geen gebruikers. Maak er een met: wijknet user add {folder} NAAM --audience onderzoeker",
        "en": "No users yet. Add one with: wijknet user add {folder} NAME --audience onderzoeker",
    },
    "bad_action": {"nl": "onbekende actie '{action}'; kies uit {actions}", "en": "unknown action '{action}'; choose from {actions}"},
    "empty_log": {"nl": "Het auditlog is leeg.", "en": "The audit log is empty."},
    "warning": {"nl": "Let op: {message}", "en": "Note: {message}"},
    "col_user": {"nl": "gebruiker", "en": "user"},
    "col_audience": {"nl": "publiek", "en": "audience"},
    "col_active": {"nl": "actief", "en": "active"},
    "col_password": {"nl": "wachtwoord", "en": "password"},
    "col_created": {"nl": "aangemaakt (UTC)", "en": "created (UTC)"},
    "col_by": {"nl": "door", "en": "by"},
    "col_at": {"nl": "tijd (UTC)", "en": "time (UTC)"},
    "col_action": {"nl": "actie", "en": "action"},
    "col_detail": {"nl": "details", "en": "details"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
}  # fmt: skip

user_app = typer.Typer(
    name="user",
    help="Accounts of the app's sign-in, stored in a project store (for whoever has the project folder).",
    no_args_is_help=True,
)

FolderArg = Annotated[Path, typer.Argument(help="Project folder made by wijknet init.")]
NameArg = Annotated[
    str,
    typer.Argument(
        help="User name (letters, digits, . _ @ + -); for sign-in through an identity provider: the e-mail address."
    ),
]


def _password(password_stdin: bool) -> str:
    from wijknet.access.users import MIN_PASSWORD_LENGTH

    if password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            fail(text(TEXTS, "no_stdin_password"))
        return line
    first = typer.prompt(text(TEXTS, "password_prompt", n=MIN_PASSWORD_LENGTH), hide_input=True)
    second = typer.prompt(text(TEXTS, "password_repeat"), hide_input=True)
    if first != second:
        fail(text(TEXTS, "password_mismatch"))
    return first


@user_app.command("add")
def add(
    folder: FolderArg,
    name: NameArg,
    audience: Annotated[
        str,
        typer.Option(
            "--audience", help="What the user may see: onderzoeker, leernetwerk or wijkteam:<wijk>."
        ),
    ],
    password_stdin: Annotated[
        bool,
        typer.Option(
            "--password-stdin",
            help="Read the password from the first line of standard input (for scripts) instead of asking.",
        ),
    ] = False,
    no_password: Annotated[
        bool,
        typer.Option(
            "--no-password",
            help="No password: the user signs in only through the identity provider (OIDC, NAME = e-mail address).",
        ),
    ] = False,
) -> None:
    """Add a user. The password (at least 12 characters, not the user name) is asked twice; there is no default."""
    from wijknet.access.users import add_user, check_audience, check_password, check_username

    try:
        name = check_username(name)
        _, warnings = check_audience(folder, audience)
        password = None
        if not no_password:
            password = _password(password_stdin)
            check_password(name, password)
        user = add_user(folder, name, audience, password)
    except DataError as exc:
        fail(exc)
    for warning in warnings:
        typer.echo(text(TEXTS, "warning", message=warning), err=True)
    typer.echo(
        text(
            TEXTS,
            "added" if user.has_password else "added_oidc",
            name=user.username,
            audience=user.audience,
        )
    )


@user_app.command("list")
def list_(folder: FolderArg) -> None:
    """List the users: name, audience, active, whether a password is set, created when and by whom (never a hash)."""
    from wijknet.access.users import list_users

    try:
        users = list_users(folder)
    except DataError as exc:
        fail(exc)
    if not users:
        typer.echo(text(TEXTS, "no_users", folder=folder))
        return
    yes, no = text(TEXTS, "yes"), text(TEXTS, "no")
    rows = [{text(TEXTS, "col_user"): u.username, text(TEXTS, "col_audience"): u.audience,
             text(TEXTS, "col_active"): yes if u.active else no, text(TEXTS, "col_password"): yes if u.has_password else no,
             text(TEXTS, "col_created"): u.created_at, text(TEXTS, "col_by"): u.created_by} for u in users]  # fmt: skip
    typer.echo(text_table(rows))


@user_app.command("set-audience")
def set_audience_(
    folder: FolderArg,
    name: NameArg,
    audience: Annotated[str, typer.Argument(help="onderzoeker, leernetwerk or wijkteam:<wijk>.")],
) -> None:
    """Change what a user may see (logged as role_change); it takes effect at the user's next click in the app."""
    from wijknet.access.users import check_audience, set_audience

    try:
        _, warnings = check_audience(folder, audience)
        user = set_audience(folder, name, audience)
    except DataError as exc:
        fail(exc)
    for warning in warnings:
        typer.echo(text(TEXTS, "warning", message=warning), err=True)
    typer.echo(text(TEXTS, "audience_set", name=user.username, audience=user.audience))


@user_app.command("password")
def password(
    folder: FolderArg,
    name: NameArg,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the new password from standard input.")
    ] = False,
) -> None:
    """Set a new password for a user (asked twice)."""
    from wijknet.access.users import get_user, set_password, unknown_user

    try:
        if get_user(folder, name) is None:  # say so before asking for a password
            raise unknown_user(name)
        user = set_password(folder, name, _password(password_stdin))
    except DataError as exc:
        fail(exc)
    typer.echo(text(TEXTS, "password_set", name=user.username))


@user_app.command("remove")
def remove(
    folder: FolderArg,
    name: NameArg,
    disable: Annotated[
        bool,
        typer.Option(
            "--disable", help="Keep the account but refuse its sign-in (undo with --enable)."
        ),
    ] = False,
    enable: Annotated[
        bool, typer.Option("--enable", help="Allow a disabled account to sign in again.")
    ] = False,
) -> None:
    """Remove a user (or only disable the account with --disable). The audit log keeps what the user did."""
    from wijknet.access.users import remove_user, set_active

    try:
        if disable or enable:
            user = set_active(folder, name, enable)
            typer.echo(text(TEXTS, "enabled" if enable else "disabled", name=user.username))
            return
        remove_user(folder, name)
    except DataError as exc:
        fail(exc)
    typer.echo(text(TEXTS, "removed", name=name.strip().casefold()))


def audit(
    folder: FolderArg,
    action: Annotated[
        str | None,
        typer.Option(
            "--action",
            help="Only this action (import, export, report, sign_in, sign_in_failed, user_add, role_change, ...).",
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", help="At most this many entries, newest first (0 = all).")
    ] = 50,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per line instead of a table.")
    ] = False,
    unlock: Annotated[
        bool,
        typer.Option(
            "--unlock",
            help="Show the file and folder names in the entries (they may name people; recorded in the log).",
        ),
    ] = False,
) -> None:
    """Show the audit log of a project store: imports, exports, reports, sign-ins and changes of users and roles.

    Newest first. Only for whoever has the project folder; in the app, researchers (onderzoeker) see it on the
    Auditlog page. The log holds user names, file names, formats and counts, never names of actors; file names
    (which may name someone) are shown only with --unlock.
    """
    from wijknet.access.log import NAME_KEYS, format_detail
    from wijknet.store.audit import ACTIONS, read_log, record

    try:
        if action is not None and action not in ACTIONS:
            from wijknet.core.errors import Problem

            raise DataError(
                [
                    Problem(
                        "--action",
                        text(TEXTS, "bad_action", action=action, actions=", ".join(ACTIONS)),
                    )
                ]
            )
        log = read_log(folder, action=action, limit=limit or None)
        if unlock:
            record(folder, "unlock", command="audit")
    except DataError as exc:
        fail(exc)
    if log.empty:
        typer.echo(text(TEXTS, "empty_log"))
        return
    if as_json:
        for r in log.to_dict("records"):
            detail = json.loads(r["detail"] or "{}")
            if not unlock:
                detail = {k: v for k, v in detail.items() if k not in NAME_KEYS}
            typer.echo(json.dumps({**r, "detail": detail}, ensure_ascii=False))
        return

    rows = [{text(TEXTS, "col_at"): r.at, text(TEXTS, "col_user"): r.username or "-", text(TEXTS, "col_action"): r.action,
             text(TEXTS, "col_detail"): format_detail(r.detail, names=unlock)} for r in log.itertuples()]  # fmt: skip
    typer.echo(text_table(rows))
