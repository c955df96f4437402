"""The order in which wijken, waves and labels are shown, and the one rule that makes names into file names.

Examples
--------
>>> sorted(["wave 10", "wave 2", "Wave 1"], key=natural_key)
['Wave 1', 'wave 2', 'wave 10']
>>> slug("Eijsdén Oost/../2026")
'eijsden-oost-.-2026'
"""

import re
import unicodedata
from collections.abc import Iterable


def natural_key(value: str) -> list:
    """Sort key that orders ``"wave 2"`` before ``"wave 10"``.

    Runs of digits compare as numbers, the rest without regard to case.

    Examples
    --------
    >>> sorted(["2026-2", "2026-10", "2025"], key=natural_key)
    ['2025', '2026-2', '2026-10']
    """
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", str(value))]


def slug(value: str, fallback: str = "x") -> str:
    """A safe, portable file-name part for ``value`` (a wijk, wave or actor id): the one slugifier.

    Accents are dropped (``"Eijsdén"`` -> ``"eijsden"``), everything but
    letters, digits, ``.``, ``_`` and ``-`` becomes ``-``, the result is lower
    case (so names differing only in case do not collide on Windows and
    macOS), at most 80 characters, and never starts with a dot or dash, so it
    cannot be a path such as ``..`` or ``/etc``; ``fallback`` when nothing is left.

    Examples
    --------
    >>> slug("Wijk Noord 2026"), slug("../..", fallback="wijk")
    ('wijk-noord-2026', 'wijk')
    """
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text).lower()
    text = re.sub(r"-{2,}", "-", text).strip(".-_")
    text = re.sub(r"\.{2,}", ".", text)
    return text[:80] or fallback


def unique_slugs(values: Iterable[str], fallback: str = "x") -> dict[str, str]:
    """:func:`slug` every value, adding ``-2``, ``-3`` ... where two collide.

    Examples
    --------
    >>> unique_slugs(["Noord", "noord", "Zuid"])
    {'Noord': 'noord', 'noord': 'noord-2', 'Zuid': 'zuid'}
    """
    out: dict[str, str] = {}
    used: set[str] = set()
    for value in values:
        base = slug(value, fallback)
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name)
        out[value] = name
    return out
