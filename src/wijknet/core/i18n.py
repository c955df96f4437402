"""Dutch-first user-facing text.

Every module that talks to users keeps its own table of texts as
``{"key": {"nl": "...", "en": "..."}}`` and looks them up with :func:`text`.
Dutch is the default; English is chosen with :func:`set_language` or the
environment variable ``WIJKNET_LANG=en``.

One table serves every audience: an entry may carry a ``"plain"`` variant
(``{"nl": ..., "en": ...}``) in words a PlusWIJkteam or a leernetwerk reads
without a methods course; :func:`text` with ``plain=True`` picks it (see
:mod:`wijknet.core.uncertainty` for who gets plain texts). An empty plain
text means "say nothing about this to that audience".
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("nl", "en")
_language: str | None = None


def get_language() -> str:
    """Return the active language code (``"nl"`` unless set otherwise).

    Examples
    --------
    >>> set_language("en")
    >>> get_language()
    'en'
    >>> set_language(None)  # back to WIJKNET_LANG, by default Dutch
    """
    if _language is not None:
        return _language
    env = os.environ.get("WIJKNET_LANG", "nl").lower()
    return env if env in LANGUAGES else "nl"


def set_language(lang: str | None) -> None:
    """Set the process-wide language; ``None`` falls back to ``WIJKNET_LANG``.

    Examples
    --------
    >>> set_language("fr")
    Traceback (most recent call last):
    ...
    ValueError: language must be one of ('nl', 'en'), not 'fr'
    """
    global _language
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    _language = lang


def text(
    table: Mapping[str, Mapping[str, str]],
    key: str,
    lang: str | None = None,
    *,
    plain: bool = False,
    **values,
) -> str:
    """Look ``key`` up in ``table`` in ``lang`` and fill in ``values``.

    A language missing from the entry falls back to Dutch. With ``plain`` the
    entry's ``"plain"`` variant is used where it has one (the audiences
    without a methods background); an entry without one is the same for all.

    Examples
    --------
    >>> TEXTS = {"ties": {"nl": "{n} relaties", "en": "{n} ties"}, "only": {"nl": "alleen Nederlands"}}
    >>> text(TEXTS, "ties", "nl", n=3)
    '3 relaties'
    >>> text(TEXTS, "ties", "en", n=3)
    '3 ties'
    >>> text(TEXTS, "only", "en")
    'alleen Nederlands'
    >>> T = {"p": {"nl": "p = {p}", "plain": {"nl": "waarschijnlijk geen toeval"}}}
    >>> text(T, "p", "nl", p="0,01"), text(T, "p", "nl", plain=True, p="0,01")
    ('p = 0,01', 'waarschijnlijk geen toeval')
    """
    entry = table[key]
    if plain and "plain" in entry:
        entry = entry["plain"]
    template = entry.get(lang or get_language()) or entry["nl"]
    return template.format(**values) if values else template
