"""The audit log as a readable table, for ``wijknet audit`` and the app's Auditlog page."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd

from wijknet.core.glossary import AUDIENCES, AUDIT_ACTIONS, AUDIT_DETAIL, audience_label, label
from wijknet.store.audit import read_log

#: Detail keys that hold file or folder names: free text that may name a person.
NAME_KEYS = ("file", "files", "out")


def format_detail(detail: str, *, names: bool = True, lang: str | None = None) -> str:
    """An entry's detail (JSON) as ``key=value`` pairs on one line; imported files as ``name (kind: counts)``.

    With ``names=False`` file and folder names (:data:`NAME_KEYS`) are left
    out: imported files show only their kind and counts, other name lists
    only how many there are. With ``lang`` the keys, kinds and yes/no are
    Dutch or English words (:data:`wijknet.core.glossary.AUDIT_DETAIL`), for a page.
    """
    try:
        data = json.loads(detail or "{}")
    except ValueError:
        return str(detail)
    if not isinstance(data, dict):
        return str(detail)
    parts = []
    for key, value in data.items():
        if value is None or value == "":
            continue
        if key == "files" and isinstance(value, list) and all(isinstance(f, dict) for f in value):
            value = ", ".join(_file(f, names, lang) for f in value)
        elif key in NAME_KEYS and not names:
            value = len(value) if isinstance(value, list) else "…"
        elif isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False)
        if lang is not None:
            key = label(AUDIT_DETAIL, key, lang)
            if isinstance(value, bool) or str(value) in AUDIT_DETAIL:
                value = label(AUDIT_DETAIL, str(value), lang)
            elif str(value).partition(":")[0] in AUDIENCES:
                value = audience_label(value, lang)
            parts.append(f"{key}: {value}")
        else:
            parts.append(f"{key}={value}")
    return "; ".join(parts)


def _file(entry: dict, names: bool = True, lang: str | None = None) -> str:
    counts = ", ".join(f"{k} {n}" for k, n in (entry.get("counts") or {}).items() if n)
    kind = str(entry.get("kind", ""))
    kind = label(AUDIT_DETAIL, kind, lang) if lang is not None else kind
    inside = ": ".join(x for x in (kind, counts) if x)
    status = "" if entry.get("status", "imported") == "imported" else f" [{entry['status']}]"
    return f"{entry.get('file', '?') if names else '…'} ({inside}){status}"


def audit_table(
    store: sqlite3.Connection | str | Path,
    *,
    action: str | None = None,
    limit: int | None = None,
    lang: str | None = None,
) -> pd.DataFrame:
    """:func:`wijknet.store.audit.read_log` with the detail made readable (:func:`format_detail`), newest first.

    With ``lang`` the actions and detail are words in that language (for the app's page).
    """
    log = read_log(store, action=action, limit=limit)
    log = log.assign(detail=[format_detail(d, lang=lang) for d in log["detail"]])
    if lang is not None:
        log = log.assign(action=[label(AUDIT_ACTIONS, a, lang) for a in log["action"]])
    return log
