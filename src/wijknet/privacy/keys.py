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
(written by ``wijknet init``), else a hash of the folder's absolute path.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

import yaml

from ..errors import DataError, Problem
from ..i18n import text

KEY_ENV = "WIJKNET_KEY_FILE"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32
PREFIX = {"person": "P", "organisation": "O", "initiative": "I"}

TEXTS = {
    "key_inside": {
        "nl": "het sleutelbestand {path} ligt in de projectmap; bewaar de sleutel buiten de map met de gegevens",
        "en": "the key file {path} is inside the project folder; keep the key outside the folder with the data",
    },
    "bad_key": {
        "nl": "het sleutelbestand {path} is ongeldig; verwacht 64 hexadecimale tekens",
        "en": "the key file {path} is invalid; expected 64 hexadecimal characters",
    },
}


def project_id(folder: str | Path) -> str:
    """``project_id`` of the folder's ``wijknet.yaml``, else a hash of its absolute path."""
    folder = Path(folder)
    try:
        data = yaml.safe_load((folder / "wijknet.yaml").read_text(encoding="utf-8")) or {}
        if isinstance(data, dict) and data.get("project_id"):
            return str(data["project_id"])
    except (OSError, yaml.YAMLError):
        pass
    return hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]


def key_file(folder: str | Path) -> Path:
    """Where the pseudonym key of the project in ``folder`` is kept (see the module docstring)."""
    if os.environ.get(KEY_ENV):
        return Path(os.environ[KEY_ENV]).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "wijknet" / "keys" / f"{project_id(folder)}.key"


def load_key(folder: str | Path) -> bytes:
    """The project's pseudonym key; a new random key is written (mode 0600) when there is none.

    Raises
    ------
    DataError
        When the key file lies inside the project folder or is not a key.
    """
    path = key_file(folder)
    if path.resolve().is_relative_to(Path(folder).resolve()):
        raise DataError([Problem(str(path), text(TEXTS, "key_inside", path=path))])
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
    return key


def pseudonym(key: bytes, actor_id: str, kind: str = "") -> str:
    """The pseudonym of ``actor_id``: kind letter (P, O, I; A when unknown), a dash and 8 characters.

    Examples
    --------
    >>> pseudonym(bytes(32), "DAA-001", "person")
    'P-...'  # doctest: +SKIP
    """
    digest = hmac.new(key, f"wijknet-actor:{actor_id}".encode(), hashlib.sha256).digest()
    number = int.from_bytes(digest[:5], "big")
    code = "".join(ALPHABET[(number >> shift) & 31] for shift in range(35, -1, -5))
    return f"{PREFIX.get(kind, 'A')}-{code}"
