"""Keyed, stable pseudonyms for actors, with the key kept apart from the data.

A pseudonym is ``<kind letter>-<8 characters>``: the first 40 bits of
HMAC-SHA256(key, actor id) in base 32 (Crockford's alphabet, no I, L, O or U).
The actor id is stable across waves, so the pseudonym is too; without the
key nobody can compute the pseudonym of a known actor id (a plain hash could
be reversed by trying the ids). Reference: ENISA (2019), *Pseudonymisation
techniques and best practices*, section 4.1 (keyed hash functions).

The key (32 random bytes, hex) lives in a file **outside** the project folder
so a copy of the folder never carries it: ``$WIJKNET_KEY_FILE`` when set,
else ``<user config dir>/wijknet/keys/<project id>.key`` with file mode 0600,
created on first use. The project id is ``project_id`` of ``wijknet.yaml``
(written by ``wijknet init``; letters, digits, ``_`` and ``-`` only, so it can
never point outside the key folder), else a hash of the folder's absolute path.
Like ssh with a private key, wijknet refuses a key file that others than its
owner may read or write (file mode with group or other bits; not checked on
Windows, which has no such modes).

A lost or changed key would silently give every person a new pseudonym, so
that nothing made before links to anything made after. wijknet therefore
keeps the key's **fingerprint** (:func:`fingerprint`: 16 hex characters of an
HMAC of a fixed text with the key; it reveals nothing of the key) with the
data: in the project store's table ``key_fingerprint`` (schema
``V4_FORGET``), or for a tidy project folder (one with an actors table) in
the file ``wijknet.key-fingerprint`` beside ``wijknet.yaml`` (not for the
fictional demo, ``synthetic: true``, whose pseudonyms protect nobody). When the key
file is missing or has another fingerprint, :func:`load_key` stops with a
message saying where the key was expected, instead of making a new one. Only
when the key is truly lost does ``wijknet key-reset DIR`` (:func:`reset_key`)
start a new key: every pseudonym then changes, and that is recorded in the
audit log of a store.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path

from wijknet.core import clock
from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.core.settings import ProjectConfig

KEY_ENV = "WIJKNET_KEY_FILE"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32
PREFIX = {"person": "P", "organisation": "O", "initiative": "I"}
#: The fingerprint file of a tidy project folder.
FINGERPRINT_FILE = "wijknet.key-fingerprint"

TEXTS = {
    "key_inside": {
        "nl": "het sleutelbestand {path} ligt in de projectmap; bewaar de sleutel buiten de map met de gegevens",
        "en": "the key file {path} is inside the project folder; keep the key outside the folder with the data",
    },
    "bad_key": {
        "nl": "het sleutelbestand {path} is ongeldig; verwacht 64 hexadecimale tekens",
        "en": "the key file {path} is invalid; expected 64 hexadecimal characters",
    },
    "key_open": {
        "nl": "het sleutelbestand {path} is leesbaar of schrijfbaar voor anderen (rechten {mode}); de sleutel wordt "
        "niet gebruikt. Maak het bestand privé met: chmod 600 {path}",
        "en": "the key file {path} can be read or written by others (mode {mode}); the key is not used. "
        "Make the file private with: chmod 600 {path}",
    },
    "key_missing": {
        "nl": "de pseudoniemsleutel van dit project ontbreekt: {path} bestaat niet, maar de gegevens zijn "
        "gepseudonimiseerd met sleutel {recorded}. Een nieuwe sleutel zou iedereen een ander pseudoniem "
        "geven. Zet de sleutel terug (uit uw back-up) op {path} of wijs ernaar met WIJKNET_KEY_FILE. Is de "
        "sleutel echt verloren, begin dan een nieuwe met: wijknet key-reset {folder}",
        "en": "the pseudonym key of this project is missing: {path} does not exist, but the data were pseudonymised "
        "with key {recorded}. A new key would give everyone another pseudonym. Put the key back (from your "
        "backup) at {path} or point WIJKNET_KEY_FILE to it. If the key is truly lost, start a new one with: "
        "wijknet key-reset {folder}",
    },
    "key_changed": {
        "nl": "de pseudoniemsleutel {path} (vingerafdruk {found}) is niet de sleutel van dit project "
        "(vingerafdruk {recorded}); met deze sleutel zou iedereen een ander pseudoniem krijgen. Gebruik de "
        "juiste sleutel (WIJKNET_KEY_FILE) of, als de oude echt verloren is: wijknet key-reset {folder}",
        "en": "the pseudonym key {path} (fingerprint {found}) is not this project's key (fingerprint {recorded}); "
        "with it everyone would get another pseudonym. Use the right key (WIJKNET_KEY_FILE) or, if the old "
        "one is truly lost: wijknet key-reset {folder}",
    },
}


def project_id(folder: str | Path) -> str:
    """``project_id`` of the folder's ``wijknet.yaml``, else a hash of its absolute path."""
    folder = Path(folder)
    configured = ProjectConfig.load(folder).project_id  # validated: it cannot leave the key folder
    if configured:
        return configured
    return hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]


def key_file(folder: str | Path) -> Path:
    """Where the pseudonym key of the project in ``folder`` is kept (see the module docstring)."""
    if os.environ.get(KEY_ENV):
        return Path(os.environ[KEY_ENV]).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "wijknet" / "keys" / f"{project_id(folder)}.key"


def fingerprint(key: bytes) -> str:
    """16 hex characters identifying ``key`` (an HMAC-SHA256 of a fixed text; the key cannot be derived from it)."""
    return hmac.new(key, b"wijknet-key-fingerprint", hashlib.sha256).hexdigest()[:16]


def _is_tidy_project(folder: Path) -> bool:
    """A tidy project folder with real data: an actors table, and not marked ``synthetic`` (the fictional demo)."""
    if not any((folder / f"actors{ext}").is_file() for ext in (".csv", ".xlsx")):
        return False
    try:
        return not ProjectConfig.load(folder).synthetic
    except DataError:
        return True  # a broken wijknet.yaml is not the demo


def recorded_fingerprint(folder: str | Path) -> str | None:
    """The key fingerprint kept with the project's data (see the module docstring), or ``None``."""
    from wijknet.store.db import connection, is_store

    folder = Path(folder)
    if is_store(folder):
        with connection(folder) as conn:
            row = conn.execute("SELECT fingerprint FROM key_fingerprint").fetchone()
        return row[0] if row else None
    path = folder / FINGERPRINT_FILE
    if not path.is_file():
        return None
    return path.read_text(encoding="ascii", errors="replace").strip() or None


def _record_fingerprint(folder: Path, value: str) -> str:
    """Keep ``value`` with the data unless a fingerprint is kept already; return the one kept."""
    from wijknet.store.db import connection, is_store, transaction

    if is_store(folder):
        with connection(folder) as conn:
            with transaction(conn):
                conn.execute("INSERT INTO key_fingerprint (fingerprint, recorded_at) SELECT ?, ? WHERE NOT EXISTS "
                             "(SELECT 1 FROM key_fingerprint)",
                             (value, clock.now()))  # fmt: skip
                return conn.execute("SELECT fingerprint FROM key_fingerprint").fetchone()[0]
    if _is_tidy_project(folder):
        try:
            (folder / FINGERPRINT_FILE).write_text(value + "\n", encoding="ascii")
        except OSError:
            pass  # a read-only folder (a shared drive): pseudonyms still work, only a lost key is not detected
    return value


def _check_private(path: Path) -> None:
    if os.name == "nt":
        return  # no Unix file modes
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise DataError(
            [Problem(str(path), text(TEXTS, "key_open", path=path, mode=oct(mode)[2:]))]
        )


def load_key(folder: str | Path) -> bytes:
    """The project's pseudonym key; a new random key is written (mode 0600) when the project has none yet.

    Raises
    ------
    DataError
        When the key file lies inside the project folder, is readable by
        others, is not a key, is missing although the data were pseudonymised
        with a key, or is another key than the one the data were pseudonymised with.
    """
    folder = Path(folder)
    path = key_file(folder)
    if path.resolve().is_relative_to(folder.resolve()):
        raise DataError([Problem(str(path), text(TEXTS, "key_inside", path=path))])
    recorded = recorded_fingerprint(folder)
    if not path.exists() and recorded is not None:
        raise DataError(
            [
                Problem(
                    str(path),
                    text(TEXTS, "key_missing", path=path, recorded=recorded, folder=folder),
                )
            ]
        )
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another session made it a moment ago: use that one
        else:
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_hex(32) + "\n")
    value = path.read_text(encoding="ascii", errors="replace").strip()
    try:
        key = bytes.fromhex(value)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise DataError([Problem(str(path), text(TEXTS, "bad_key", path=path))])
    _check_private(path)
    found = fingerprint(key)
    if recorded is None:
        recorded = _record_fingerprint(folder, found)
    if found != recorded:
        raise DataError([Problem(str(path), text(TEXTS, "key_changed", path=path, found=found, recorded=recorded,
                                                 folder=folder))])  # fmt: skip
    return key


def reset_key(folder: str | Path, *, username: str | None = None) -> str:
    """Start a new pseudonym key for the project in ``folder``, after the old one is lost; its fingerprint.

    The old key file (if any) is kept as ``<name>.old-<fingerprint>`` beside
    it; the new fingerprint replaces the old one with the data; a store's audit
    log records ``key_reset`` with both fingerprints. Every pseudonym changes.
    """
    from wijknet.store.audit import record_if_store
    from wijknet.store.db import connection, is_store, transaction

    folder = Path(folder)
    path = key_file(folder)
    old = recorded_fingerprint(folder)
    if path.exists():
        path.rename(path.with_name(f"{path.name}.old-{old or 'unknown'}"))
    if is_store(folder):
        with connection(folder) as conn:
            with transaction(conn):
                conn.execute("DELETE FROM key_fingerprint")
    else:
        (folder / FINGERPRINT_FILE).unlink(missing_ok=True)
    new = fingerprint(load_key(folder))
    record_if_store(folder, "key_reset", username=username, old=old, new=new)
    return new


def pseudonym(key: bytes, actor_id: str, kind: str = "") -> str:
    """The pseudonym of ``actor_id``: kind letter (P, O, I; A when unknown), a dash and 8 characters.

    Examples
    --------
    >>> code = pseudonym(bytes(32), "DAA-001", "person")
    >>> code[:2], len(code), code == pseudonym(bytes(32), "DAA-001", "person")
    ('P-', 10, True)
    """
    digest = hmac.new(key, f"wijknet-actor:{actor_id}".encode(), hashlib.sha256).digest()
    number = int.from_bytes(digest[:5], "big")
    code = "".join(ALPHABET[(number >> shift) & 31] for shift in range(35, -1, -5))
    return f"{PREFIX.get(kind, 'A')}-{code}"
