"""Users of the embedded sign-in: argon2id password hashes in the project store, rate-limited sign-in.

A project store (``wijknet init``) keeps its accounts in the table ``users``
(see :mod:`wijknet.store.schema`, version 3): a user name (case-folded), the
argon2id hash of the password (never the password), the audience
(``onderzoeker``, ``wijkteam:<wijk>`` or ``leernetwerk``, see
:mod:`wijknet.privacy.audience`) and whether the account is active. Accounts
are made on the command line by someone with access to the project folder
(``wijknet user add``); there is no default account and no default password.

Sign-in (:func:`verify`) is slowed down per user name **and client** (the
browser's network address, kept only as a hash) from the table
``login_attempts``: the first :data:`FREE_FAILURES` failures since the last
successful sign-in cost nothing; after that each attempt must wait
:data:`BASE_DELAY` times 2 to the power of the further failures, at most
:data:`MAX_DELAY`, counted from the last failure (:func:`delay_after`).
Attempts made before that are refused without checking the password, and
are not counted, so waiting always helps. Because the delay is per client,
someone elsewhere who knows a user name cannot lock that user out: the
user's own browser is not slowed down (a hard lock per user name, as before,
could be used exactly for that). Someone who tries passwords from many
addresses still pays argon2 per attempt and meets the password policy
(:data:`MIN_PASSWORD_LENGTH`). Behind a reverse proxy every browser has the
proxy's address; the delay then applies per user name, still capped.
Unknown names are counted in the same way and get the same message as a
wrong password, and their password is checked against a dummy hash, so
neither the answer nor its timing tells whether a user name exists.

The argon2 check (about a second by design) runs **outside** the store's
write transaction: an attempt is first recorded as failed in a short
transaction (so parallel attempts cannot pass the delay together), the
password is then checked without any lock, and a second short transaction
marks the attempt successful. A live answer or an import never waits for a
sign-in's password check.

Every change and every sign-in is written to the audit log
(:mod:`wijknet.store.audit`): ``user_add``, ``role_change``,
``password_change``, ``user_remove``, ``sign_in`` and ``sign_in_failed``. A
failed sign-in with a name that is not a user is logged without the name (it
may be a password typed in the wrong field).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from wijknet.core import clock
from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.store import audit
from wijknet.store.db import connection, transaction

#: Failed sign-ins per user name and client (since the last success) that cost no waiting.
FREE_FAILURES = 3
#: The wait after the first failure beyond :data:`FREE_FAILURES`; it doubles with every further failure.
BASE_DELAY = _dt.timedelta(seconds=2)
#: The longest wait between two attempts of one user name from one client.
MAX_DELAY = _dt.timedelta(minutes=5)
#: Sign-in attempts older than this are deleted (they only serve rate limiting).
KEEP_ATTEMPTS = _dt.timedelta(days=1)
#: Shortest password accepted.
MIN_PASSWORD_LENGTH = 12
#: User names: letters, digits and ``. _ @ + -`` (an e-mail address is a valid user name, for OIDC).
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@+\-]{0,127}$")

#: argon2id with the library's defaults (RFC 9106 low-memory profile).
_hasher = PasswordHasher()
_dummy_hash: str | None = None

TEXTS = {
    "bad_username": {
        "nl": "'{value}' is geen geldige gebruikersnaam: gebruik letters, cijfers en . _ @ + - (hoogstens 128 tekens)",
        "en": "'{value}' is not a valid user name: use letters, digits and . _ @ + - (at most 128 characters)",
    },
    "exists": {"nl": "gebruiker '{name}' bestaat al", "en": "user '{name}' already exists"},
    "unknown": {"nl": "gebruiker '{name}' bestaat niet", "en": "user '{name}' does not exist"},
    "short": {
        "nl": "het wachtwoord is te kort: minstens {n} tekens",
        "en": "the password is too short: at least {n} characters",
    },
    "same_as_name": {
        "nl": "het wachtwoord mag niet gelijk zijn aan de gebruikersnaam",
        "en": "the password must not be the user name",
    },
    "unknown_wijk": {
        "nl": "wijk '{wijk}' komt niet voor bij de actoren van dit project; bekende wijken: {wijken}",
        "en": "wijk '{wijk}' is not a wijk of this project's actors; known wijken: {wijken}",
    },
    "no_actors": {
        "nl": "het project heeft nog geen actoren, dus wijk '{wijk}' kon niet worden gecontroleerd",
        "en": "the project has no actors yet, so wijk '{wijk}' could not be checked",
    },
    "refused_invalid": {
        "nl": "Gebruikersnaam of wachtwoord is onjuist.",
        "en": "The user name or password is not correct.",
    },
    "refused_delayed": {
        "nl": "Te veel mislukte pogingen met deze gebruikersnaam vanaf dit apparaat. Wacht {seconds} seconden "
        "(tot {time} UTC) en probeer het dan opnieuw.",
        "en": "Too many failed attempts with this user name from this device. Wait {seconds} seconds "
        "(until {time} UTC) and try again.",
    },
}


class AccessError(DataError):
    """A user could not be added or changed (bad name, audience or password; unknown or existing user)."""


class SignInRefused(Exception):
    """A sign-in was refused.

    Attributes
    ----------
    reason : {"invalid", "delayed"}
        ``invalid``: unknown user, wrong password or a disabled account (one
        message for all three); ``delayed``: too many failed attempts with
        this name from this client, try again after ``until``.
    until : datetime or None
        For ``delayed``: when this client's next attempt with the name is accepted (UTC).
    """

    def __init__(self, reason: str, until: _dt.datetime | None = None, lang: str | None = None,
                 now: _dt.datetime | None = None):  # fmt: skip
        self.reason, self.until = reason, until
        if reason == "delayed":
            seconds = (
                max(1, math.ceil((until - (now or clock.utcnow())).total_seconds()))
                if until
                else "?"
            )
            message = text(
                TEXTS,
                "refused_delayed",
                lang,
                seconds=seconds,
                time=until.strftime("%H:%M:%S") if until else "?",
            )
        else:
            message = text(TEXTS, "refused_invalid", lang)
        super().__init__(message)


@dataclass(frozen=True)
class User:
    """An account of the embedded sign-in (never with its password hash)."""

    username: str
    audience: str
    active: bool
    created_at: str
    created_by: str
    #: Whether the account has a password (``False``: sign-in only through the identity provider).
    has_password: bool


def _fail(key: str, file: str = "", **values) -> AccessError:
    return AccessError([Problem(file, text(TEXTS, key, **values))])


def normalise_username(username: str) -> str:
    """The stored form of a user name: stripped and case-folded (``Anna@Zuyd.nl`` -> ``anna@zuyd.nl``)."""
    return str(username).strip().casefold()


def check_username(username: str) -> str:
    """The normalised user name; raises :class:`AccessError` when it has other characters."""
    name = normalise_username(username)
    if not USERNAME_PATTERN.match(name):
        raise _fail("bad_username", "NAME", value=username)
    return name


def check_password(username: str, password: str) -> None:
    """The password policy: at least :data:`MIN_PASSWORD_LENGTH` characters and not the user name.

    Raises
    ------
    AccessError
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise _fail("short", "password", n=MIN_PASSWORD_LENGTH)
    if password.strip().casefold() == normalise_username(username):
        raise _fail("same_as_name", "password")


def hash_password(password: str) -> str:
    """The argon2id hash of ``password`` (``$argon2id$...``, with its own random salt)."""
    return _hasher.hash(password)


@contextmanager
def _open(store: sqlite3.Connection | str | Path) -> Iterator[sqlite3.Connection]:
    if isinstance(store, sqlite3.Connection):
        yield store
        return
    with connection(store) as conn:
        yield conn


def check_audience(store: sqlite3.Connection | str | Path, audience: str) -> tuple[str, list[str]]:
    """Validate an audience for a user of this store.

    Parameters
    ----------
    store : sqlite3.Connection, str or Path
    audience : str
        ``onderzoeker``, ``leernetwerk`` or ``wijkteam:<wijk>``.

    Returns
    -------
    (str, list of str)
        The audience in its normal form, and warnings (a ``wijkteam`` wijk
        that could not be checked because the store has no actors yet).

    Raises
    ------
    DataError
        When it is no audience, or names a wijk the store's actors do not have.
    """
    from wijknet.privacy.audience import Audience

    parsed = Audience.parse(audience)
    warnings: list[str] = []
    if parsed.wijk:
        with _open(store) as conn:
            wijken = sorted({w for (w,) in conn.execute("SELECT DISTINCT wijk FROM actors")})
        if not wijken:
            warnings.append(text(TEXTS, "no_actors", wijk=parsed.wijk))
        elif parsed.wijk not in wijken:
            raise _fail("unknown_wijk", "--audience", wijk=parsed.wijk, wijken=", ".join(wijken))
    return str(parsed), warnings


def _row(conn: sqlite3.Connection, username: str):
    return conn.execute("SELECT username, audience, active, created_at, created_by, password_hash FROM users "
                        "WHERE username = ?", (username,)).fetchone()  # fmt: skip


def _user(row) -> User:
    return User(row[0], row[1], bool(row[2]), row[3], row[4], bool(row[5]))


def _actor(by: str | None) -> str:
    return audit.system_user() if by is None else by


def add_user(
    folder: str | Path, username: str, audience: str, password: str | None, *, by: str | None = None
) -> User:
    """Add an account to the project store ``folder``.

    Parameters
    ----------
    folder : str or Path
        A project store.
    username : str
        Letters, digits and ``. _ @ + -``; stored case-folded. For sign-in
        through an identity provider (OIDC): the e-mail address.
    audience : str
        ``onderzoeker``, ``leernetwerk`` or ``wijkteam:<wijk>`` (the wijk must be
        one of the store's wijken when it has actors).
    password : str or None
        Checked by :func:`check_password` and stored as an argon2id hash.
        ``None`` only for an account that signs in through the identity
        provider: the sign-in form then refuses it. There is no default.
    by : str, optional
        Who adds the user (for the audit log); default the operating-system user.

    Returns
    -------
    User

    Raises
    ------
    AccessError, DataError
    """
    name = check_username(username)
    if password is not None:
        check_password(name, password)
    digest = hash_password(password) if password is not None else ""
    with connection(folder) as conn:
        aud, _ = check_audience(conn, audience)
        with transaction(conn):
            if _row(conn, name) is not None:
                raise _fail("exists", "NAME", name=name)
            conn.execute("INSERT INTO users (username, password_hash, audience, active, created_at, created_by) "
                         "VALUES (?, ?, ?, 1, ?, ?)", (name, digest, aud, clock.now(), _actor(by)))  # fmt: skip
            audit.record(conn, "user_add", username=_actor(by), user=name, audience=aud,
                         with_password=bool(digest))  # fmt: skip
            return _user(_row(conn, name))


def unknown_user(username: str) -> AccessError:
    """The error for a user name that has no account."""
    return _fail("unknown", "NAME", name=normalise_username(username))


def _existing(conn: sqlite3.Connection, username: str):
    name = normalise_username(username)
    row = _row(conn, name)
    if row is None:
        raise unknown_user(name)
    return name, row


def set_audience(
    folder: str | Path, username: str, audience: str, *, by: str | None = None
) -> User:
    """Change the audience (role) of a user; logged as ``role_change`` with the old and new audience."""
    with connection(folder) as conn:
        aud, _ = check_audience(conn, audience)
        with transaction(conn):
            name, row = _existing(conn, username)
            conn.execute("UPDATE users SET audience = ? WHERE username = ?", (aud, name))
            audit.record(conn, "role_change", username=_actor(by), user=name, old=row[1], new=aud)
            return _user(_row(conn, name))


def set_password(
    folder: str | Path, username: str, password: str, *, by: str | None = None
) -> User:
    """Set a new password (the policy of :func:`check_password`); logged as ``password_change``."""
    with connection(folder) as conn:
        with transaction(conn):
            name, _ = _existing(conn, username)
            check_password(name, password)
            conn.execute(
                "UPDATE users SET password_hash = ? WHERE username = ?",
                (hash_password(password), name),
            )
            audit.record(conn, "password_change", username=_actor(by), user=name)
            return _user(_row(conn, name))


def set_active(folder: str | Path, username: str, active: bool, *, by: str | None = None) -> User:
    """Disable (``active=False``) or enable an account without removing it.

    Logged as ``user_remove`` (``disabled: true``) or ``user_add`` (``enabled: true``).
    """
    with connection(folder) as conn:
        with transaction(conn):
            name, _ = _existing(conn, username)
            conn.execute("UPDATE users SET active = ? WHERE username = ?", (int(active), name))
            if active:
                audit.record(conn, "user_add", username=_actor(by), user=name, enabled=True)
            else:
                audit.record(conn, "user_remove", username=_actor(by), user=name, disabled=True)
            return _user(_row(conn, name))


def remove_user(folder: str | Path, username: str, *, by: str | None = None) -> None:
    """Remove an account; logged as ``user_remove`` (the audit log keeps what the user did)."""
    with connection(folder) as conn:
        with transaction(conn):
            name, row = _existing(conn, username)
            conn.execute("DELETE FROM users WHERE username = ?", (name,))
            audit.record(conn, "user_remove", username=_actor(by), user=name, audience=row[1])


def list_users(store: sqlite3.Connection | str | Path) -> list[User]:
    """All accounts, by user name (never their password hashes)."""
    with _open(store) as conn:
        rows = conn.execute("SELECT username, audience, active, created_at, created_by, password_hash <> '' "
                            "FROM users ORDER BY username").fetchall()  # fmt: skip
    return [_user(r) for r in rows]


def get_user(store: sqlite3.Connection | str | Path, username: str) -> User | None:
    """The account ``username`` (normalised), or ``None``."""
    with _open(store) as conn:
        row = _row(conn, normalise_username(username))
    return None if row is None else _user(row)


def has_users(store: sqlite3.Connection | str | Path) -> bool:
    """Whether the store has at least one account."""
    with _open(store) as conn:
        return conn.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def delay_after(failures: int) -> _dt.timedelta:
    """The wait before the next attempt after ``failures`` failures in a row of one user name from one client.

    Zero for up to :data:`FREE_FAILURES` failures, then :data:`BASE_DELAY`
    doubling with every further failure, at most :data:`MAX_DELAY`.
    """
    if failures <= FREE_FAILURES:
        return _dt.timedelta(0)
    return min(MAX_DELAY, BASE_DELAY * 2 ** min(failures - FREE_FAILURES - 1, 30))


def client_tag(client: str | None) -> str:
    """How a client (a network address) is kept in ``login_attempts``: a short SHA-256, never the address itself."""
    return hashlib.sha256(f"wijknet-client:{client or ''}".encode()).hexdigest()[:16]


def wait_until(
    conn: sqlite3.Connection, username: str, client: str, now: _dt.datetime
) -> _dt.datetime | None:
    """When this client may try ``username`` again, or ``None`` when it may now.

    Counts the failures of the name from the client (``client_tag``) since its
    last successful sign-in there; see :func:`delay_after`.
    """
    last_ok = conn.execute("SELECT MAX(attempt_id) FROM login_attempts WHERE username = ? AND client = ? AND ok = 1",
                           (username, client)).fetchone()[0]  # fmt: skip
    failures = conn.execute("SELECT COUNT(*), MAX(attempted_at) FROM login_attempts WHERE username = ? AND client = ? "
                            "AND ok = 0 AND attempt_id > ?", (username, client, last_ok or 0)).fetchone()  # fmt: skip
    if not failures[0]:
        return None
    until = clock.parse(failures[1]) + delay_after(failures[0])
    return until if now < until else None


def _dummy() -> str:
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("wijknet-dummy-password-for-timing")
    return _dummy_hash


def verify(
    folder: str | Path,
    username: str,
    password: str,
    *,
    now: _dt.datetime | None = None,
    method: str = "password",
    lang: str | None = None,
    client: str | None = None,
) -> User:
    """Check a sign-in with user name and password.

    Parameters
    ----------
    folder : str or Path
        A project store.
    username, password : str
        As typed; the user name is normalised.
    now : datetime, optional
        The time of the attempt (UTC; injectable for tests).
    method : str
        Recorded in the audit log.
    lang : str, optional
        Language of the refusal message.
    client : str, optional
        The client's network address (the app passes the browser's); attempts
        are slowed down per user name and client, see the module docstring.

    Returns
    -------
    User
        The signed-in user (active, with a password).

    Raises
    ------
    SignInRefused
        ``invalid`` for an unknown user, a wrong password, a disabled account
        or one without a password (the same message for all), ``delayed`` when
        this client has to wait after too many failures with the name (the
        password is then not checked).
    """
    now = (now or clock.utcnow()).astimezone(_dt.UTC)
    name, tag = normalise_username(username), client_tag(client)
    with connection(folder) as conn:
        # 1. A short write: the delay, and the attempt recorded as failed until the password is found right.
        with transaction(conn):
            conn.execute(
                "DELETE FROM login_attempts WHERE attempted_at < ?",
                (clock.iso(now - KEEP_ATTEMPTS),),
            )
            row = _row(conn, name)
            known = row is not None
            until = wait_until(conn, name, tag, now)
            if until is None:
                attempt = conn.execute("INSERT INTO login_attempts (username, attempted_at, ok, client) VALUES (?, ?, 0, ?)",
                                       (name, clock.iso(now), tag)).lastrowid  # fmt: skip
            else:
                audit.record(conn, "sign_in_failed", username=name if known else "", reason="delayed", method=method,
                             known_user=known)  # fmt: skip
        if until is not None:
            raise SignInRefused("delayed", until, lang, now)
        # 2. argon2 without any lock: other writers (live answers, imports) go on meanwhile.
        ok = _check_hash(row[5] if known else "", password) and known and bool(row[2])
        rehashed = hash_password(password) if ok and _hasher.check_needs_rehash(row[5]) else None
        # 3. A short write: the outcome.
        with transaction(conn):
            if ok:
                current = _row(conn, name)
                ok = (
                    current is not None and bool(current[2]) and current[5] == row[5]
                )  # not disabled or changed meanwhile
            if ok:
                conn.execute("UPDATE login_attempts SET ok = 1 WHERE attempt_id = ?", (attempt,))
                audit.record(conn, "sign_in", username=name, audience=current[1], method=method)
                if rehashed:
                    conn.execute(
                        "UPDATE users SET password_hash = ? WHERE username = ?", (rehashed, name)
                    )
                return _user(_row(conn, name))
            audit.record(conn, "sign_in_failed", username=name if known else "", reason="invalid", method=method,
                         known_user=known)  # fmt: skip
    raise SignInRefused("invalid", None, lang)


def _check_hash(digest: str, password: str) -> bool:
    """Verify ``password`` against ``digest``; an empty digest is checked against a dummy (same timing), never true."""
    try:
        return _hasher.verify(digest or _dummy(), password) and bool(digest)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def record_oidc_sign_in(folder: str | Path, user: User) -> None:
    """Log a sign-in through the identity provider (``sign_in``, method ``oidc``)."""
    audit.record(folder, "sign_in", username=user.username, audience=user.audience, method="oidc")
